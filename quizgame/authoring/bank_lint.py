"""The generator's fairness rules as `quizgame check` warnings for banks written by hand.

A bank can be valid and still unfair: an option that is another name for the answer, an option the
article credits with the same words (two right answers), the answer always in one position or
always the longest, a quotation never closed, a stem that gives its own answer away. Each is
reported at the YAML position of the fault, with the article's words where they are the proof.

Attribution is only run when a bank has choice questions whose options are names, and once per
article, so checking a large bank of other questions costs nothing extra.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from typing import Any

from quizgame.authoring import rules
from quizgame.authoring.attribution import Attribution, extract
from quizgame.authoring.context import Context
from quizgame.bank.diagnostics import Diagnostic, warning
from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import (
    ChoiceQuestion,
    EvidenceQuestion,
    MatchQuestion,
    MultiQuestion,
    ShortQuestion,
)
from quizgame.bank.yamlnodes import Node

# A long news article is ~20,000 characters; attribution is linear but costs ≈ 4 s per MB.
MAX_LINT_CHARS = 300_000
_CACHE: OrderedDict[tuple[str, int], Context] = OrderedDict()
_CACHE_SIZE = 16
_NAME = re.compile(r"^[A-Z0-9][^.!?“”\"]{0,60}$")


def _context(loaded: LoadedBank) -> Context:
    """One attribution pass per article per process, however many banks share it."""
    article = loaded.article
    key = (str(article.path), hash(article.text))
    ctx = _CACHE.get(key)
    if ctx is None:
        ctx = Context(article, extract(article))
        _CACHE[key] = ctx
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return ctx


def _name(text: str) -> bool:
    return bool(_NAME.match(text)) and len(text.split()) <= 6


def _names(options: list[str]) -> bool:
    return len(options) >= 2 and all(_name(o) for o in options)


def _node(qnode: Node, field: str, index: int | None) -> Node:
    node = qnode.get(field)
    if node is None:
        return qnode
    if index is not None and node.kind == "seq" and index < len(node.items):
        return node.items[index]
    return node


def lint_bank(loaded: LoadedBank, root: Node | None, shown: str) -> list[Diagnostic]:
    """Fairness warnings for a bank that passed `check` (no errors)."""
    if root is None:
        return []
    q_list = root.get("questions")
    q_nodes = list(q_list.items) if q_list is not None else []
    questions = loaded.bank.questions
    if len(q_nodes) != len(questions):
        return []
    needs_names = any(
        isinstance(q, ChoiceQuestion | EvidenceQuestion) and _names(q.choice_texts())
        for q in questions
    )
    out: list[Diagnostic] = []
    if needs_names and len(loaded.article.text) > MAX_LINT_CHARS:
        needs_names = False  # reading who said what in a book-length text would dominate `check`
        at = root.get("article") or root
        out.append(
            warning(
                shown,
                at.line,
                at.col,
                f"the article is over {MAX_LINT_CHARS:,} characters, so the checks that need "
                "who said what in it (an option that is the answer under another name, or "
                "another source credited with the same statement) were skipped",
                "news articles are far shorter; split the text, or check those options by hand",
                code="lint-skipped",
            )
        )
    ctx = _context(loaded) if needs_names else None

    def report(qnode: Node, p: rules.Problem) -> None:
        node = _node(qnode, p.field, p.index)
        out.append(warning(shown, node.line, node.col, p.message, p.hint, code=p.code))

    keys: list[tuple[int, int, bool]] = []
    for q, qnode in zip(questions, q_nodes, strict=True):
        for p in _text_problems(q):
            report(qnode, p)
        if isinstance(q, ChoiceQuestion | EvidenceQuestion | ShortQuestion):
            for p in rules.stem_names_answer(
                ctx if ctx is not None and _name(q.answer) else None, q.prompt, q.answer
            ):
                report(qnode, p)
        if isinstance(q, ChoiceQuestion):
            options = q.choice_texts()
            keys.append((options.index(q.answer), len(options), rules.longest(options, q.answer)))
        if isinstance(q, ChoiceQuestion | EvidenceQuestion) and ctx is not None:
            options = q.choice_texts()
            if _names(options):
                for p in rules.alias_options(ctx, q.answer, options):
                    report(qnode, p)
                statements = _statements(ctx, loaded, q.id, q.answer)
                for p in rules.second_right(ctx, q.answer, options, statements):
                    report(qnode, p)
    anchor = root.key_node("questions") or root
    for p in rules.key_pattern(keys):
        if p.code == "key-position" and loaded.bank.settings.shuffle_choices:
            continue  # the game moves the answer itself
        out.append(warning(shown, anchor.line, anchor.col, p.message, p.hint, code=p.code))
    return out


def _text_problems(q: Any) -> list[rules.Problem]:
    out = rules.unclosed_quote(q.prompt, "prompt")
    out += rules.unclosed_quote(q.explanation, "explanation")
    if isinstance(q, ChoiceQuestion | MultiQuestion | EvidenceQuestion):
        for n, text in enumerate(q.choice_texts()):
            out += rules.unclosed_quote(text, "choices", n)
    if isinstance(q, MatchQuestion):
        for n, pair in enumerate(q.pairs):
            out += rules.unclosed_quote(pair.left, "pairs", n)
    return out


def _statements(ctx: Context, loaded: LoadedBank, qid: str, key: str) -> list[Attribution]:
    """What the answer's source says in the question's evidence: the statement asked about."""
    spans = [s for ev in loaded.evidence.get(qid, ()) for s in ev.spans]
    return [
        a
        for a in ctx.found.items
        if ctx.same(a.speaker, key) and any(a.start < e and s < a.end for s, e in spans)
    ]
