"""Wrong options that are plausible and never secretly right.

A distractor is another source from the same article, of the same kind (people with people,
organisations with organisations, places with places), named as the article names it. It is never
an alias of the answer and never a source the article credits with the same statement or stance —
either would make a second right answer. Speakers come before names merely mentioned, because a
student who skimmed will find them tempting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from quizgame.authoring.attribution import Attribution
from quizgame.authoring.context import Context
from quizgame.authoring.naming import has_role, is_place, is_vague
from quizgame.authoring.speakers import SpeakerKind

# Cues that only report speech: sharing one says nothing about what a source did or thought.
NEUTRAL_CUES = frozenset(
    [
        "say",
        "tell",
        "add",
        "explain",
        "state",
        "note",
        "comment",
        "remark",
        "continue",
        "write",
        "post",
        "tweet",
        "report",
        "according",
    ]
)


def candidates(ctx: Context, key: str, kind: SpeakerKind) -> list[str]:
    """Every acceptable wrong option for `key`, best first (speakers, then by mentions)."""
    return list(options(ctx, key, kind))


def options(ctx: Context, key: str, kind: SpeakerKind) -> Iterable[str]:
    """`candidates`, worked out only as far as they are read and remembered for the next reader:
    a question takes the first few, and each one is compared with every option before it, so
    listing them all for every answer cost a text naming thousands of people far more than
    linear time."""
    if (key, kind) not in ctx.options:
        ctx.options[(key, kind)] = _Lazy(_candidates(ctx, key, kind))
    return ctx.options[(key, kind)]


class _Lazy:
    """A sequence read from an iterator on demand, so every reader sees the same items."""

    def __init__(self, source: Iterator[str]) -> None:
        self._source: Iterator[str] | None = source
        self._items: list[str] = []

    def __iter__(self) -> Iterator[str]:
        n = 0
        while True:
            if n < len(self._items):
                yield self._items[n]
                n += 1
                continue
            if self._source is None:
                return
            item = next(self._source, None)
            if item is None:
                self._source = None
                return
            self._items.append(item)


def _candidates(ctx: Context, key: str, kind: SpeakerKind) -> Iterator[str]:
    place = is_place(key)
    out: list[str] = []
    for cand in _names_of_kind(ctx, kind):
        if (
            is_place(cand) != place
            or not ctx.named(cand, kind)
            or ctx.same(cand, key)
            or any(ctx.same(cand, o) for o in out)
        ):
            continue
        out.append(cand)
        yield cand


def _names_of_kind(ctx: Context, kind: SpeakerKind) -> list[str]:
    """Speakers of `kind` (most statements first), then names of that kind merely mentioned:
    the same for every answer, so worked out once per kind, not once per answer."""
    if kind in ctx.names_of_kind:
        return ctx.names_of_kind[kind]
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for a in ctx.found.items:
        if a.kind is kind and not is_vague(a):
            counts[a.speaker] = counts.get(a.speaker, 0) + 1
            first.setdefault(a.speaker, a.start)
    spoken = sorted(counts, key=lambda s: (-counts[s], first[s]))
    mentioned = [
        e.display
        for e in sorted(
            ctx.found.registry.of_kind(kind), key=lambda e: (-e.mentions, e.first, e.name)
        )
        if e.display not in counts
        and (has_role(e) if kind is SpeakerKind.PERSON else e.mentions >= 2)
        and not any(ch.isdigit() for ch in e.display)  # `Volvo XC90`: a product, not a body
    ]  # a person the article gives no role, or an organisation named once, tempts nobody
    ctx.names_of_kind[kind] = [*spoken, *mentioned]
    return ctx.names_of_kind[kind]


def choose(ctx: Context, a: Attribution, stem: str, n: int = 3) -> list[str] | None:
    """Up to `n` distractors for a question whose answer is `a.speaker`; None when fewer than two
    safe ones exist (a question with one wrong option is a coin toss)."""
    credited = ctx.credited_same(a)
    # `Who urged …?`: anyone the article says urged anything could be defended as the answer
    cue_asked = a.lemma not in NEUTRAL_CUES and re.search(rf"\b{re.escape(a.cue)}\b", stem, re.I)
    # a source named in the statement's own sentence may share it (`…, which Ross called a stunt`)
    around = ctx.sentences(a.passage_id, a.start, a.end)[0]["quote"]
    # `… asking to waive her diplomatic immunity`, `“His fellow journalists …”`: a pronoun in the
    # stem that is not the speaker's points at someone named just before — the statement is about
    # that person, who is no believable speaker of it (nor safely a wrong one)
    before = _lead_up(ctx, a) if _THIRD_PERSON.search(stem) else ""
    joint = _joined_after(ctx, a)
    out: list[str] = []
    for c in options(ctx, a.speaker, a.kind):
        if not (
            ctx.mentions(c, stem)
            or _first_name_in(c, stem)
            or ctx.mentions(c, around)
            or (before and (ctx.mentions(c, before) or _first_name_in(c, before)))
            or (joint and ctx.mentions(c, joint))
            or any(ctx.same(c, s) for s in credited)
            or ctx.told_doing(c, a)
            or (cue_asked and a.lemma in ctx.lemmas_of(c))
        ):
            out.append(c)
            if len(out) == n:
                break  # the checks only read the article: stopping early changes nothing
    return out if len(out) >= 2 else None


_THIRD_PERSON = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


def _lead_up(ctx: Context, a: Attribution) -> str:
    """The article from the start of the passage before the statement's up to the statement:
    where the person a pronoun in it points back to is named."""
    body = ctx.article.body
    n = ctx.passage_order.get(a.passage_id)
    if n is None:
        return ""
    return ctx.article.text[body[max(n - 1, 0)].start : a.start]


_JOINED = re.compile(r"\b(?:he|she)\s+and\b|\band\s+(?:he|she)\b", re.IGNORECASE)


def _joined_after(ctx: Context, a: Attribution) -> str:
    """The next sentence when it joins the speaker to others (`Both he and … Mold urged …`): the
    others took part in what the speaker did, so none is safely wrong."""
    passage = ctx.article.passage(a.passage_id)
    if passage is None:
        return ""
    nxt = ctx.sentence_from(passage, a.end)
    if nxt is None:
        return ""
    text = ctx.article.text[nxt.start : nxt.end]
    return text if _JOINED.search(text) else ""


def _first_name_in(name: str, text: str) -> bool:
    """`the killing of Jamal`: a quotation about a person is not theirs to have said."""
    words = name.split()
    return len(words) >= 2 and re.search(rf"\b{re.escape(words[0])}\b", text) is not None


def quality(ctx: Context, options: list[str]) -> float:
    """Distractors who speak in the article tempt more than names in passing."""
    return sum(1.0 if o in ctx.speakers else 0.4 for o in options)
