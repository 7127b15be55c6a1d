"""Questions about what happened: the headline event, asked from the article's own sentences.

A reading quiz about news that never asks what the news was misses the point, and the headline
event is often told, not attributed (`Bombs killed at least 20 people …`). So the sentences of the
lead and those sharing words with the headline give gap questions: the name that did the thing
(a choice among other names of the same kind) or the number (typed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import Any

from quizgame.authoring import distractors
from quizgame.authoring.candidates import Candidate, digest, slug
from quizgame.authoring.clauses import clean, content_words, unclosed, words
from quizgame.authoring.context import Context
from quizgame.authoring.naming import is_place
from quizgame.authoring.speakers import TITLES, SpeakerKind
from quizgame.text.numbers import parse_number

_GAP = "_____"
_NUMBER = re.compile(r"(?<![\w.,:\-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w:]|,\d)")
_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d$")
_COUNTED = re.compile(r"\s+(?:[a-z]+|%|percent|per cent)\b|[%]")


def _sentences(ctx: Context) -> Iterator[tuple[str, int, int, str, int]]:
    """(passage id, start, end, text, words shared with the headline) for event sentences."""
    hw = ctx.headline_words
    for n, passage in enumerate(ctx.article.body[:4]):
        for s in passage.sentences:
            text = clean(ctx.article.text[s.start : s.end])
            if not 8 <= words(text) <= 26 or unclosed(text) or re.search('[“”"]', text):
                continue
            shared = len(hw & content_words(text))
            if n > 0 and shared < 2:
                continue
            yield passage.id, s.start, s.end, text, shared


def event(ctx: Context) -> Iterator[Candidate]:
    for pid, start, end, text, shared in _sentences(ctx):
        importance = 2.0 + min(3.0, shared) + (1.0 if pid == "p1" else 0.0)
        evidence = [{"quote": text, "passage": pid}]
        if not ctx.resolves(evidence):
            continue
        keys = frozenset({(pid, start)})
        for m in ctx.found.registry.mentions_between(start, end):
            e = m.entity
            if e.kind is not SpeakerKind.PERSON or m.possessive or not ctx.named(e.display, e.kind):
                continue
            surface = ctx.article.text[m.start : m.end]
            if len(surface.split()) < 2:
                continue  # a bare surname may be shared (`Khan`): ask about full names only
            before = ctx.article.text[max(start, m.start - 4) : m.start].lower()
            if is_place(e.display) or before.endswith(("of ", "in ", "at ", "(")):
                continue  # `contempt of Congress`, `in Mindanao`: a set phrase or a place
            title = ctx.article.text[max(start, m.start - 20) : m.start].split()
            if title and title[-1].lower().strip(",") in TITLES:
                continue  # `Pope _____`, `Chancellor _____`: world knowledge, not the article
            if ctx.mentions(e.display, ctx.article.headline):
                continue  # the headline gives it away
            if text.count(surface) != 1:
                continue
            wrong = list(
                islice(
                    (
                        c
                        for c in distractors.options(ctx, e.display, e.kind)
                        if not ctx.mentions(c, text)
                    ),
                    3,
                )
            )
            if len(wrong) < 2:
                continue
            gapped = text.replace(surface, _GAP)
            if ctx.mentions(e.display, gapped):
                continue
            answer = surface if ctx.same(surface, e.display) else e.display
            # a key sentence of the lead with its name gapped: a cloze picked from a list, so the
            # student reads the sentence as the article gives it (the filled text is the evidence)
            q = {
                "id": f"event-{slug(answer)}-{digest(text)}",
                "type": "cloze",
                "prompt": "Pick the name that completes this sentence from the article.",
                "text": text.replace(surface, f"[[{surface}]]"),
                "gaps": [{"distractors": wrong}],
                "explanation": f"Passage {pid} says: “{text}” "
                + ", ".join(wrong)
                + " appear elsewhere in the article, not in this sentence.",
                "evidence": evidence,
                "tags": ["main idea", "detail"],
            }
            yield Candidate(
                "event",
                q,
                keys,
                importance,
                1.0,
                distractors.quality(ctx, wrong),
                frozenset(),
                speaker=e.display,
            )
        if ctx.passage_order.get(pid, 99) > 1:
            continue  # numbers from the lead only: later ones are background, often general knowledge
        for nm in _NUMBER.finditer(text):
            num = nm.group(0)
            found = _NUMBER.findall(text)
            others = [n for n in found if not _YEAR.match(n)]
            if len(others) != 1 or len(found) > 2 or not _COUNTED.match(text[nm.end() :]):
                continue
            if _YEAR.match(num.replace(",", "")) or re.search(
                rf"(?<![\w.,]){re.escape(num)}(?![\w])", ctx.article.headline
            ):
                continue  # one count of something (`20 people`), no sum to work out from dates
            gapped = text[: nm.start()] + _GAP + text[nm.end() :]
            value = parse_number(num)
            # a count is a numeric question (1,200 = 1200 = 1 200); anything else stays typed text
            keyed: dict[str, object] = (
                {"type": "numeric", "answer": int(value) if value == int(value) else value}
                if value is not None
                else {
                    "type": "short",
                    "answer": num,
                    **({"accept": [num.replace(",", "")]} if "," in num else {}),
                }
            )
            nq: dict[str, Any] = {
                "id": f"event-number-{digest(text, num)}",
                "type": keyed.pop("type"),
                "prompt": f"Fill in the number, as the article gives it: “{gapped}”",
                **keyed,
                "explanation": f"Passage {pid} says: “{text}”",
                "evidence": evidence,
                "tags": ["main idea", "detail"],
            }
            yield Candidate("event", nq, keys, importance - 0.5, 1.0, 1.0, frozenset())
