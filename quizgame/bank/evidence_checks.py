"""Evidence checks: every quote is in the article's body, Part B's proof is a real passage, and a
question that failed validation still has its quotes checked (one broken field hides nothing).

Also the one shape check that must run before the rest: two questions run together because the
`- ` before the second was forgotten.
"""

from __future__ import annotations

from typing import Any

from quizgame.article.evidence import ResolvedEvidence, locate
from quizgame.article.passages import Article
from quizgame.bank.diagnostics import Diagnostic, error, warning
from quizgame.bank.models import ClozeQuestion, Evidence, EvidenceQuestion, evidence_list
from quizgame.bank.yamlnodes import Node


def _at(node: Node | None, fallback: Node) -> Node:
    return node if node is not None else fallback


def _item(seq: Node | None, i: int, fallback: Node) -> Node:
    """Item `i` of a YAML sequence node, for pointing at it; `fallback` when there is none."""
    return seq.items[i] if seq and i < len(seq.items) else fallback


class _EvidenceOnly:
    """What _check_evidence needs of a question that failed validation: its evidence list."""

    def __init__(self, evidence: list[Evidence]) -> None:
        self.evidence = evidence


def check_evidence_of_invalid(
    data: dict[str, Any],
    questions: list[tuple[int, Any]],
    q_nodes: list[Node],
    article: Article,
    shown: str,
    diags: list[Diagnostic],
) -> None:
    from pydantic import TypeAdapter, ValidationError

    raw = data.get("questions")
    if not isinstance(raw, list):
        return
    valid = {i for i, _ in questions}
    adapter = TypeAdapter(list[Evidence])
    for i, item in enumerate(raw):
        if i in valid or i >= len(q_nodes) or not isinstance(item, dict):
            continue
        try:
            listed = adapter.validate_python(evidence_list(item.get("evidence")))
        except ValidationError:
            continue  # the field itself is broken: that is already reported
        check_evidence(_EvidenceOnly(listed), q_nodes[i], article, shown, diags)


def missing_dash(q_nodes: list[Node], shown: str, diags: list[Diagnostic]) -> None:
    """A question whose mapping holds a second `id:` is two questions run together: the `- `
    before the second was forgotten. Say that once, instead of the duplicate keys and unknown keys
    the merged mapping produces from there on."""
    for n, qnode in enumerate(q_nodes):
        if qnode.kind != "map":
            continue
        ids = [(k, v) for k, v in qnode.pairs if k.value == "id"]
        if len(ids) < 2:
            continue
        second, second_id = ids[1]
        end = q_nodes[n + 1].line if n + 1 < len(q_nodes) else 1 << 30
        noise = {"duplicate-key", "unknown-key", "missing-field", "invalid", "type"}
        diags[:] = [
            d
            for d in diags
            if not (
                d.code in noise
                and (second.line <= d.line < end or d.line == qnode.line)
                and d.file == shown
            )
        ]
        diags.append(
            error(
                shown,
                second.line,
                second.col,
                "this looks like a new question without its leading `- `",
                f"write `- id: {second_id.value}` here, with the `- ` where the other questions "
                "have theirs; until then YAML reads it as more keys of the question above",
                code="missing-dash",
            )
        )


def _evidence_nodes(qnode: Node) -> list[Node]:
    ev = qnode.get("evidence")
    if ev is None:
        return []
    if ev.kind == "seq":
        return list(ev.items)
    return [ev]


def check_evidence(
    q: Any, qnode: Node, article: Article, shown: str, diags: list[Diagnostic]
) -> tuple[ResolvedEvidence, ...]:
    nodes = _evidence_nodes(qnode)
    if isinstance(q, ClozeQuestion) and len(q.evidence) == len(nodes) + 1:
        nodes = [_at(qnode.get("text"), qnode), *nodes]  # the filled-in text is the first quote
    resolved: list[ResolvedEvidence] = []
    for i, ev in enumerate(q.evidence):
        enode = nodes[i] if i < len(nodes) else qnode
        quote_node = enode.get("quote") if enode.kind == "map" else enode
        where = _at(quote_node, enode)
        look = locate(article, ev.quote, ev.passage)
        if look.evidence is None:
            if (look.problem and look.problem.startswith("passage")) or (
                look.problem and look.problem.startswith("the quote is in")
            ):
                pnode = _at(enode.get("passage") if enode.kind == "map" else None, where)
                diags.append(
                    error(shown, pnode.line, pnode.col, look.problem, look.hint, code="evidence")
                )
            else:
                problem = look.problem or "evidence not found"
                if isinstance(q, ClozeQuestion) and i == 0 and problem.startswith("evidence quote"):
                    problem = "the cloze text with its gaps filled in is not in the article"
                diags.append(
                    error(
                        shown,
                        where.line,
                        where.col,
                        problem,
                        look.hint,
                        code="evidence-not-found",
                    )
                )
            continue
        if look.warning:
            diags.append(
                warning(
                    shown,
                    where.line,
                    where.col,
                    look.warning,
                    "captions, legends and footers are not the article's text; quote the body instead",
                    code="evidence-not-body",
                )
            )
        resolved.append(look.evidence)
    return tuple(resolved)


def check_part_b(
    q: EvidenceQuestion, qnode: Node, article: Article, shown: str, diags: list[Diagnostic]
) -> dict[str, ResolvedEvidence]:
    out: dict[str, ResolvedEvidence] = {}
    pb = qnode.get("part_b")
    choices_node = pb.get("choices") if pb is not None and pb.kind == "map" else None
    for i, choice in enumerate(q.part_b.choices):
        n = _item(choices_node, i, pb or qnode)
        look = locate(article, choice.text)
        if look.evidence is not None:
            out[choice.text] = look.evidence
            continue
        if choice.text == q.part_b.answer:
            diags.append(
                error(
                    shown,
                    n.line,
                    n.col,
                    "Part B's right answer is not a quote from the article",
                    look.hint,
                    code="evidence-not-found",
                )
            )
        else:
            diags.append(
                warning(
                    shown,
                    n.line,
                    n.col,
                    "this Part B choice is not a quote from the article",
                    "Part B choices work best as real passages; " + (look.hint or ""),
                    code="part-b-not-quote",
                )
            )
    return out
