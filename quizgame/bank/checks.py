"""Semantic checks: the rules a schema cannot express, each reported at its exact position.

These are what make "a bank that passes `check` plays correctly" true: every right answer is among
the choices, ids are unique, and every evidence quote is really in the article's body text.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from quizgame.article.evidence import ResolvedEvidence
from quizgame.article.passages import Article, ArticleError, read_article
from quizgame.bank.answer_checks import (
    check_cloze_answers,
    check_numeric_answers,
    check_order_answers,
)
from quizgame.bank.diagnostics import Diagnostic, error
from quizgame.bank.evidence_checks import (
    check_evidence,
    check_evidence_of_invalid,
    check_part_b,
    missing_dash,
)
from quizgame.bank.models import (
    ChoiceQuestion,
    ClozeQuestion,
    EvidenceQuestion,
    MatchQuestion,
    MultiQuestion,
    NumericQuestion,
    OrderQuestion,
    ShortQuestion,
    TrueFalseQuestion,
)
from quizgame.bank.yamlnodes import Node


def _at(node: Node | None, fallback: Node) -> Node:
    return node if node is not None else fallback


def _item(seq: Node | None, i: int, fallback: Node) -> Node:
    """Item `i` of a YAML sequence node, for pointing at it; `fallback` when there is none."""
    return seq.items[i] if seq and i < len(seq.items) else fallback


def _suggest(value: str, options: list[str]) -> str | None:
    by_key = {o.casefold().strip(): o for o in options}
    if value.casefold().strip() in by_key:
        return by_key[value.casefold().strip()]
    close = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
    return close[0] if close else None


def _answer_hint(value: str, options: list[str]) -> str:
    near = _suggest(value, options)
    if near is not None:
        return f"did you mean {near!r}? The answer must be written exactly as the choice"
    listed = ", ".join(repr(o) for o in options[:6])
    return f"the answer must repeat one choice's text exactly: {listed}"


def _check_choices(
    q: Any, qnode: Node, shown: str, diags: list[Diagnostic], key: str = "choices"
) -> None:
    choices_node = qnode.get(key)
    seen: dict[str, int] = {}
    for i, c in enumerate(q.choices):
        k = c.text.casefold()
        if k in seen:
            cnode = _item(choices_node, i, qnode)
            diags.append(
                error(
                    shown,
                    cnode.line,
                    cnode.col,
                    f"duplicate choice {c.text!r}",
                    f"it repeats choice {seen[k] + 1}; make every choice different",
                    code="duplicate-choice",
                )
            )
        else:
            seen[k] = i


def check_bank(
    data: dict[str, Any],
    root: Node,
    questions: list[tuple[int, Any]],
    q_nodes: list[Node],
    bank_path: Path,
    shown: str,
    diags: list[Diagnostic],
) -> tuple[
    Article | None, dict[str, tuple[ResolvedEvidence, ...]], dict[str, dict[str, ResolvedEvidence]]
]:
    missing_dash(q_nodes, shown, diags)
    article = _load_article(data, root, bank_path, shown, diags)
    _check_ids(q_nodes, shown, diags)
    evidence: dict[str, tuple[ResolvedEvidence, ...]] = {}
    part_b: dict[str, dict[str, ResolvedEvidence]] = {}
    for index, q in questions:
        qnode = q_nodes[index]
        _check_answers(q, qnode, shown, diags)
        if article is not None:
            evidence[q.id] = check_evidence(q, qnode, article, shown, diags)
            if isinstance(q, EvidenceQuestion):
                part_b[q.id] = check_part_b(q, qnode, article, shown, diags)
    if article is not None:  # a broken field must not hide the same question's misquote
        check_evidence_of_invalid(data, questions, q_nodes, article, shown, diags)
    return article, evidence, part_b


def _load_article(
    data: dict[str, Any], root: Node, bank_path: Path, shown: str, diags: list[Diagnostic]
) -> Article | None:
    ref = data.get("article")
    node = _at(root.get("article"), root)
    if not isinstance(ref, str) or not ref.strip():
        return None  # the model validation already reported it
    if "\x00" in ref:  # no file system takes it, and resolve() would raise ValueError
        diags.append(
            error(
                shown,
                node.line,
                node.col,
                f"article {ref!r}: a file name cannot contain a NUL character",
                "remove the \\0 from the article's file name",
                code="article",
            )
        )
        return None
    path = (bank_path.parent / ref.strip()).resolve() if not Path(ref).is_absolute() else Path(ref)
    try:
        return read_article(path)
    except ArticleError as exc:
        diags.append(
            error(
                shown,
                node.line,
                node.col,
                f"article {ref!r}: {exc}",
                f"the path is relative to the bank file's folder (looked for {path})",
                code="article",
            )
        )
        return None


def _check_ids(q_nodes: list[Node], shown: str, diags: list[Diagnostic]) -> None:
    first: dict[str, Node] = {}
    for qnode in q_nodes:
        if qnode.kind != "map":
            continue
        id_node = qnode.get("id")
        if id_node is None or id_node.kind != "scalar" or not isinstance(id_node.value, str):
            continue
        prev = first.get(id_node.value)
        if prev is not None:
            diags.append(
                error(
                    shown,
                    id_node.line,
                    id_node.col,
                    f"duplicate question id {id_node.value!r}",
                    f"the id is already used on line {prev.line}; ids must be unique",
                    code="duplicate-id",
                )
            )
        else:
            first[id_node.value] = id_node


AnswerCheck = Callable[[Any, Node, str, list[Diagnostic]], None]


def check_nothing(q: Any, qnode: Node, shown: str, diags: list[Diagnostic]) -> None:
    """Kinds whose answers the model's own validation fully checks (truefalse, short)."""


def _check_one_answer(q: Any, qnode: Node, shown: str, diags: list[Diagnostic]) -> None:
    options = q.choice_texts()
    if q.answer not in options:
        n = _at(qnode.get("answer"), qnode)
        diags.append(
            error(
                shown,
                n.line,
                n.col,
                f"answer {q.answer!r} is not among the choices",
                _answer_hint(q.answer, options),
                code="answer-not-in-choices",
            )
        )


def check_choice_answers(q: Any, qnode: Node, shown: str, diags: list[Diagnostic]) -> None:
    _check_choices(q, qnode, shown, diags)
    _check_one_answer(q, qnode, shown, diags)


def check_multi_answers(q: Any, qnode: Node, shown: str, diags: list[Diagnostic]) -> None:
    _check_choices(q, qnode, shown, diags)
    options = q.choice_texts()
    answers_node = qnode.get("answers")
    if not q.answers:
        n = _at(answers_node, qnode)
        diags.append(
            error(
                shown,
                n.line,
                n.col,
                "this `multi` question has no right choice",
                "list at least one right choice under `answers:`",
                code="multi-no-answer",
            )
        )
    for i, a in enumerate(q.answers):
        if a not in options:
            n = _item(answers_node, i, qnode)
            diags.append(
                error(
                    shown,
                    n.line,
                    n.col,
                    f"answer {a!r} is not among the choices",
                    _answer_hint(a, options),
                    code="answer-not-in-choices",
                )
            )
    seen: set[str] = set()
    for i, a in enumerate(q.answers):
        if a in seen:
            n = _item(answers_node, i, qnode)
            diags.append(
                error(
                    shown,
                    n.line,
                    n.col,
                    f"answer {a!r} is listed twice",
                    "list each right choice once",
                    code="duplicate-answer",
                )
            )
        seen.add(a)


def check_match_answers(q: Any, qnode: Node, shown: str, diags: list[Diagnostic]) -> None:
    pairs_node = qnode.get("pairs")
    lefts: set[str] = set()
    for i, pair in enumerate(q.pairs):
        if pair.left.casefold() in lefts:
            n = _item(pairs_node, i, qnode)
            diags.append(
                error(
                    shown,
                    n.line,
                    n.col,
                    f"left item {pair.left!r} appears twice",
                    "each left item must be different",
                    code="duplicate-choice",
                )
            )
        lefts.add(pair.left.casefold())
    rights = {p.right for p in q.pairs}
    for i, d in enumerate(q.distractors):
        if d in rights:
            dn = qnode.get("distractors")
            n = _item(dn, i, qnode)
            diags.append(
                error(
                    shown,
                    n.line,
                    n.col,
                    f"distractor {d!r} is also a right answer",
                    "a distractor must match no left item",
                    code="duplicate-choice",
                )
            )


def check_evidence_answers(q: Any, qnode: Node, shown: str, diags: list[Diagnostic]) -> None:
    _check_choices(q, qnode, shown, diags)
    _check_one_answer(q, qnode, shown, diags)
    pb = qnode.get("part_b")
    if pb is not None and pb.kind == "map":
        _check_choices(q.part_b, pb, shown, diags)
        options = q.part_b.choice_texts()
        if q.part_b.answer not in options:
            n = _at(pb.get("answer"), pb)
            diags.append(
                error(
                    shown,
                    n.line,
                    n.col,
                    f"Part B answer {q.part_b.answer!r} is not among its choices",
                    _answer_hint(q.part_b.answer, options),
                    code="answer-not-in-choices",
                )
            )


# The answer rules per model class. The game's question kinds (quizgame.game.kinds) point at these
# functions; this table is how the bank layer reaches them without importing the game.
ANSWER_CHECKS: dict[type[BaseModel], AnswerCheck] = {
    ChoiceQuestion: check_choice_answers,
    MultiQuestion: check_multi_answers,
    TrueFalseQuestion: check_nothing,
    ShortQuestion: check_nothing,
    MatchQuestion: check_match_answers,
    EvidenceQuestion: check_evidence_answers,
    NumericQuestion: check_numeric_answers,
    OrderQuestion: check_order_answers,
    ClozeQuestion: check_cloze_answers,
}


def _check_answers(q: Any, qnode: Node, shown: str, diags: list[Diagnostic]) -> None:
    ANSWER_CHECKS[type(q)](q, qnode, shown, diags)
