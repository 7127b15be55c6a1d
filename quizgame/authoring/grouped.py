"""Candidate questions that use several statements at once: match, select-all and Part A/B.

These test more than recall of one sentence — telling speakers apart, or finding the passage that
proves a claim — so a draft has at most one of each; `ranking` decides which survive.
"""

from __future__ import annotations

from collections.abc import Iterator

from quizgame.authoring import distractors
from quizgame.authoring.attribution import Attribution
from quizgame.authoring.candidates import (
    Candidate,
    clarity,
    digest,
    quotes,
    reported_items,
    slug,
    who_reported_options,
)
from quizgame.authoring.clauses import shown, words
from quizgame.authoring.context import Context, Evidence, SentenceKey
from quizgame.authoring.explain import explain, snippet
from quizgame.authoring.speakers import SpeakerKind


def match(ctx: Context) -> Iterator[Candidate]:
    """Quotes to speakers: one whole sentence from each of three or four speakers."""
    by_kind: dict[SpeakerKind, list[tuple[int, Attribution, str, list[Evidence], set[SentenceKey]]]]
    by_kind = {}
    for i in ctx.usable:
        a = ctx.found.items[i]
        if not a.direct:
            continue
        group = by_kind.setdefault(a.kind, [])
        if any(ctx.same(a.speaker, g[1].speaker) for g in group):
            continue
        found = [(q, ev, k) for q, ev, k in quotes(ctx, a) if not ctx.mentions(a.speaker, q)]
        if found and words(found[0][0]) <= 16:
            group.append((i, a, *found[0]))
    for kind, group in by_kind.items():
        chosen = group[:4]
        if len(chosen) < 3:
            continue
        speakers = [g[1].speaker for g in chosen]
        extra = next(
            (
                [c]
                for c in distractors.options(ctx, speakers[0], kind)
                if not any(ctx.same(c, s) for s in speakers)
            ),
            [],
        )
        q = {
            "id": "match-quotes-" + digest(*(g[2] for g in chosen)),
            "type": "match",
            "prompt": "Match each quotation to the person who said it."
            if kind is SpeakerKind.PERSON
            else "Match each quotation to its source.",
            "pairs": [{"left": shown(g[2]), "right": g[1].speaker} for g in chosen],
            **({"distractors": extra} if extra else {}),
            "explanation": "; ".join(
                f"{g[1].speaker} said {snippet(g[2])} ({g[1].passage_id})" for g in chosen
            )
            + (f"; {extra[0]} is not quoted in any of them." if extra else "."),
            "evidence": [ev for g in chosen for ev in g[3]],
            "tags": ["attribution", "match"],
        }
        keys = frozenset(k for g in chosen for k in g[4])
        yield Candidate(
            "match", q, keys, 1.5 + 0.3 * len(chosen), 1.0, 1.0, frozenset(g[0] for g in chosen)
        )


def multi(ctx: Context) -> Iterator[Candidate]:
    """Select all: which of these did one source say? Two or three of theirs, two of others'."""
    # each direct attribution's first short whole sentence, worked out once (linear in the article)
    firsts: list[tuple[int, tuple[str, list[Evidence], set[SentenceKey]]]] = []
    seen_speakers: list[int] = []
    seen_names: set[str] = set()
    for j in ctx.usable:
        b = ctx.found.items[j]
        if not b.direct:
            continue
        if not any(ctx.same(s, b.speaker) for s in ctx.speakers_like(b.speaker) & seen_names):
            seen_speakers.append(j)
            seen_names.add(b.speaker)
        short_quotes = [x for x in quotes(ctx, b) if words(x[0]) <= 16]
        if short_quotes:
            firsts.append((j, short_quotes[0]))
    has_first = {j for j, _ in firsts}
    for i in seen_speakers:
        a = ctx.found.items[i]
        # the speaker's own statements with a short quote: with fewer than two there is no
        # question, and once three of theirs and two of others' are found, the rest are unread
        own_count = sum(1 for b in ctx.said_by(a.speaker) if ctx.position(b) in has_first)
        if own_count < 2:
            continue
        mine: list[tuple[str, list[Evidence], set[SentenceKey], int]] = []
        theirs: list[tuple[str, list[Evidence], set[SentenceKey], int]] = []
        for j, first in firsts:
            if len(theirs) >= 2 and len(mine) >= min(3, own_count):
                break
            b = ctx.found.items[j]
            short_quotes = [first]
            own = ctx.same(b.speaker, a.speaker)
            if not own and (
                b.kind is not a.kind or any(ctx.same(b.speaker, s) for s in ctx.credited_same(a))
            ):
                continue
            target = mine if own else theirs
            if any(ctx.same(ctx.found.items[t[3]].speaker, b.speaker) for t in theirs) and not own:
                continue
            target.append((*short_quotes[0], j))
        if len(mine) < 2 or len(theirs) < 2:
            continue
        mine, theirs = mine[:3], theirs[:2]
        if any(ctx.mentions(a.speaker, m[0]) for m in mine + theirs):
            continue
        kind = "person" if a.kind is SpeakerKind.PERSON else "source"
        stem = f"Which of these did {a.speaker} say? Select all that apply."
        others = [ctx.found.items[t[3]] for t in theirs]
        q = {
            "id": f"multi-{slug(a.speaker)}-{digest(*(m[0] for m in mine))}",
            "type": "multi",
            "prompt": stem,
            "choices": [shown(m[0]) for m in mine + theirs],
            "answers": [shown(m[0]) for m in mine],
            "explanation": f"{a.speaker} said "
            + " and ".join(f"{snippet(m[0])} ({ctx.found.items[m[3]].passage_id})" for m in mine)
            + ". The others are another "
            + kind
            + "'s words: "
            + "; ".join(
                f"{o.speaker} said {snippet(t[0])} ({o.passage_id})"
                for o, t in zip(others, theirs, strict=True)
            )
            + ".",
            "evidence": [ev for m in mine + theirs for ev in m[1][-1:]],
            "tags": ["attribution", "select all"],
        }
        keys = frozenset(k for m in mine + theirs for k in m[2])
        yield Candidate(
            "multi",
            q,
            keys,
            ctx.importance(a) + 0.5,
            clarity(stem),
            1.5,
            frozenset(m[3] for m in mine + theirs),
        )


def _part_b(ctx: Context, wrong: list[str], part_b: list[str], used_pids: set[str]) -> list[str]:
    """Part B's options after the proof: for each wrong option's source, the first sentence in
    which it speaks and is named, not already an option and in a passage not yet used."""
    for w in wrong:
        first: tuple[int, str, str] | None = None
        for s, places in ctx.sentences_naming_speaker(w).items():
            if s in part_b:
                continue
            pid, n = next(((p, n) for p, n in places.items() if p not in used_pids), ("", -1))
            if n >= 0 and (first is None or n < first[0]):
                first = (n, s, pid)
        if first is not None:
            part_b.append(first[1])
            used_pids.add(first[2])
    return part_b


def evidence(ctx: Context) -> Iterator[Candidate]:
    """Part A: who took this position? Part B: which sentence shows it? Part B's options are the
    sentences where the Part A options' sources speak, so a wrong Part A leads to a wrong Part B."""
    for i, a, sentence, ev, keys in reported_items(ctx):
        asked = who_reported_options(ctx, a, sentence)
        if asked is None:
            continue
        stem, wrong = asked
        proof_sentence = ev[-1]["quote"] if len(ev) == 1 else sentence
        part_b = _part_b(ctx, wrong, [proof_sentence], {a.passage_id})
        if len(part_b) < 3 or not ctx.resolves({"quote": s} for s in part_b):
            continue
        if any(words(s) > 45 for s in part_b):
            continue
        q = {
            "id": f"evidence-{slug(a.speaker)}-{digest(a.content)}",
            "type": "evidence",
            "prompt": "Part A: " + stem,
            "choices": [a.speaker, *wrong],
            "answer": a.speaker,
            "part_b": {
                "prompt": "Part B: Which sentence from the article shows the answer to Part A?",
                "choices": part_b,
                "answer": proof_sentence,
            },
            "explanation": explain(ctx, a, wrong)
            + " The other sentences in Part B are about what the other sources said.",
            "evidence": ev,
            "tags": ["attribution", "evidence"],
        }
        yield Candidate(
            "evidence",
            q,
            frozenset(keys),
            ctx.importance(a) + 0.2,
            clarity(stem),
            distractors.quality(ctx, wrong),
            frozenset({i}),
        )
