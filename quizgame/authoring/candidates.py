"""Candidate questions: many of each type, each scored, for `ranking` to choose from.

Every maker yields every question it can build fairly — whole-sentence quotes, composed stems,
distractors that are safe — and attaches three scores: importance (what the question asks about),
clarity (how well the stem reads) and distractor quality. Nothing is chosen here.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from quizgame.authoring import distractors, rules, stems
from quizgame.authoring.attribution import Attribution
from quizgame.authoring.clauses import mid, whole_sentences, words
from quizgame.authoring.context import Context, Evidence, SentenceKey
from quizgame.authoring.explain import explain, who_where
from quizgame.authoring.naming import is_place
from quizgame.authoring.speakers import SpeakerKind

Question = dict[str, Any]


@dataclass
class Candidate:
    maker: str
    question: Question
    sentences: frozenset[SentenceKey]
    importance: float
    clarity: float = 1.0
    distractor_quality: float = 0.0
    subjects: frozenset[int] = field(default_factory=frozenset)
    speaker: str = ""  # whose words the question is about, to spread a draft across sources

    @property
    def score(self) -> float:
        return self.importance + self.clarity + 0.5 * self.distractor_quality


def digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:6]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:24] or "x"


_CONTEXT_START = re.compile(r"“(?:he|she|it|they|this|that|these|those|but|and|so)\b", re.I)


def clarity(stem: str) -> float:
    """Short stems read best; a quotation opening on `He` or `But` leans on unseen context."""
    score = max(0.0, 1.5 - max(0, words(stem) - 18) * 0.08)
    return score - (1.0 if _CONTEXT_START.search(stem) else 0.0)


def quotes(ctx: Context, a: Attribution) -> list[tuple[str, list[Evidence], set[SentenceKey]]]:
    """Whole quoted sentences of `a`, each with its proof and the sentences it uses (worked out
    once: four makers ask)."""
    memo = ctx.quoted.get(id(a))
    if memo is None:
        memo = ctx.quoted[id(a)] = _quotes(ctx, a)
    return memo


def _quotes(ctx: Context, a: Attribution) -> list[tuple[str, list[Evidence], set[SentenceKey]]]:
    out = []
    content = a.content
    tail = ctx.article.text[a.end : a.end + 1]
    passage = ctx.article.passage(a.passage_id)
    assert passage is not None
    around = ctx.sentence_at(passage, a.end)
    sentence_end = around.end if around is not None else a.end
    continued = re.search('[“"]', ctx.article.text[a.end + 2 : sentence_end]) is not None
    if tail in (",", ".", "!", "?") and content.rstrip()[-1:] not in ".!?," and not continued:
        content += tail  # `“…,” she said`: the clause's own punctuation sits after the span
    for q in whole_sentences(content):
        if rules.self_introduction(q):
            continue  # `I am a professor in …`: who the speaker is, not what they said
        span = ctx.locate_in(a, q)
        evidence, keys = ctx.proof(a, span)
        if ctx.resolves(evidence):
            out.append((q, evidence, keys))
    return out


def sentence_of(ctx: Context, a: Attribution) -> str:
    ev, _ = ctx.sentences(a.passage_id, a.start, a.end)
    return ev["quote"]


def _who(a: Attribution) -> str:
    return "Who" if a.kind is SpeakerKind.PERSON else "Which of these"


# --- makers -----------------------------------------------------------------------------------------


def who_said(ctx: Context) -> Iterator[Candidate]:
    for i in ctx.usable:
        a = ctx.found.items[i]
        if not a.direct:
            continue
        for n, (quote, evidence, keys) in enumerate(quotes(ctx, a)[:3]):
            stem = stems.who_quoted(quote)
            if stem is None or ctx.mentions(a.speaker, stem):
                continue
            if a.kind is not SpeakerKind.PERSON:
                stem = "Which of these s" + stem[1:]
            stem += "?"
            wrong = distractors.choose(ctx, a, stem)
            if wrong is None:
                continue
            q = speaker_choice(
                ctx,
                a,
                f"who-said-{slug(a.speaker)}-{digest(quote)}",
                stem,
                wrong,
                evidence,
                ["attribution", "who said"],
            )
            yield Candidate(
                "who-said",
                q,
                frozenset(keys),
                ctx.importance(a) - 0.3,
                clarity(stem) + (0.3 if n == 0 else 0.0),  # the quote's opening: its point
                distractors.quality(ctx, wrong),
                speaker=a.speaker,
            )  # each quoted sentence is its own statement: the sentence keys keep them apart


def speaker_choice(
    ctx: Context,
    a: Attribution,
    qid: str,
    stem: str,
    wrong: list[str],
    evidence: list[Evidence],
    tags: list[str],
) -> dict[str, Any]:
    """A choice question whose right answer is `a`'s speaker and whose wrong ones are `wrong`."""
    return {
        "id": qid,
        "type": "choice",
        "prompt": stem,
        "choices": [a.speaker, *wrong],
        "answer": a.speaker,
        "explanation": explain(ctx, a, wrong),
        "evidence": evidence,
        "tags": tags,
    }


def who_reported_options(
    ctx: Context, a: Attribution, sentence: str
) -> tuple[str, list[str]] | None:
    """The stem "Who/Which of these said …?" for a reported attribution and its distractors; None
    when the stem names the speaker or too few safe distractors exist. Worked out once per
    statement (`sentence` is always its own sentence): two makers ask."""
    if id(a) not in ctx.reported_options:
        ctx.reported_options[id(a)] = _who_reported_options(ctx, a, sentence)
    return ctx.reported_options[id(a)]


def _who_reported_options(
    ctx: Context, a: Attribution, sentence: str
) -> tuple[str, list[str]] | None:
    kw = "who" if a.kind is SpeakerKind.PERSON else "which of these"
    stem = stems.who_reported(a, sentence, kw)
    if stem is None or ctx.mentions(a.speaker, stem):
        return None
    wrong = distractors.choose(ctx, a, stem)
    if wrong is None:
        return None
    return stem, wrong


def reported_items(
    ctx: Context,
) -> list[tuple[int, Attribution, str, list[Evidence], set[SentenceKey]]]:
    """Each usable reported statement whose proof resolves, with its sentence (four makers ask)."""
    if ctx.reported is None:
        ctx.reported = list(_reported_items(ctx))
    return ctx.reported


def _reported_items(
    ctx: Context,
) -> Iterator[tuple[int, Attribution, str, list[Evidence], set[SentenceKey]]]:
    for i in ctx.usable:
        a = ctx.found.items[i]
        if a.direct:
            continue
        evidence, keys = ctx.proof(a)
        if ctx.resolves(evidence):
            yield i, a, sentence_of(ctx, a), evidence, keys


def stance(ctx: Context) -> Iterator[Candidate]:
    for i, a, sentence, evidence, keys in reported_items(ctx):
        asked = who_reported_options(ctx, a, sentence)
        if asked is None:
            continue
        stem, wrong = asked
        q = speaker_choice(
            ctx,
            a,
            f"{a.stance or 'reported'}-{slug(a.speaker)}-{digest(a.content)}",
            stem,
            wrong,
            evidence,
            ["attribution", "stance" if a.stance else "reported speech"],
        )
        yield Candidate(
            "stance",
            q,
            frozenset(keys),
            ctx.importance(a),
            clarity(stem),
            distractors.quality(ctx, wrong),
            frozenset({i}),
            speaker=a.speaker,
        )


def short(ctx: Context) -> Iterator[Candidate]:
    """Type the source's name: no options to recognise, aliases accepted."""
    from quizgame.authoring.naming import aliases

    for i, a, sentence, evidence, keys in reported_items(ctx):
        kw = (
            "who"
            if a.kind is SpeakerKind.PERSON
            else "which country"
            if is_place(a.speaker)
            else "which organisation"
            if a.kind is SpeakerKind.ORGANISATION
            else "which source"
        )
        stem = stems.who_reported(a, sentence, kw)
        if stem is None or ctx.mentions(a.speaker, stem) or words(a.speaker) > 3:
            continue
        if ctx.mentions(a.speaker, ctx.article.headline):
            continue  # typed with no options, the headline's own name is a guess, not a reading
        named_as = {a.mention} if a.mention[:1].isupper() else set()
        accept = sorted(
            n
            for n in aliases(ctx.found, a.speaker) | named_as
            if n != a.speaker
            and ctx.same(n, a.speaker)
            and (len(n.split()) > 1 or a.kind is SpeakerKind.PERSON)
            and n[:1].isupper()
        )
        q = {
            "id": f"short-{slug(a.speaker)}-{digest(a.content)}",
            "type": "short",
            "prompt": stem[:-1] + "? Type the name.",
            "answer": a.speaker,
            **({"accept": accept} if accept else {}),
            "explanation": who_where(ctx, a),
            "evidence": evidence,
            "tags": ["attribution", "short answer"],
        }
        yield Candidate(
            "short",
            q,
            frozenset(keys),
            ctx.importance(a) - 0.2,
            clarity(stem),
            1.0,
            frozenset({i}),
            speaker=a.speaker,
        )


def true_statement(ctx: Context) -> Iterator[Candidate]:
    for i in ctx.usable:
        a = ctx.found.items[i]
        options: list[tuple[str | None, list[Evidence], set[SentenceKey]]]
        if a.direct:
            options = [(q, ev, k) for q, ev, k in quotes(ctx, a)[:3]]
        else:
            ev, k = ctx.proof(a)
            options = [(None, ev, k)] if ctx.resolves(ev) else []
        for n, (quote, evidence, keys) in enumerate(options):
            stem = stems.statement(a, a.speaker, sentence_of(ctx, a), quote)
            if stem is None:
                continue
            q = {
                "id": f"true-{slug(a.speaker)}-{digest(quote or a.content)}",
                "type": "truefalse",
                "prompt": f"True or false: {stem}",
                "answer": True,
                "explanation": who_where(ctx, a),
                "evidence": evidence,
                "tags": ["attribution", "true or false"],
            }
            yield Candidate(
                "true",
                q,
                frozenset(keys),
                ctx.importance(a) - 0.5,
                clarity(stem) + (0.3 if n == 0 else 0.0),
                0.5,
                frozenset() if a.direct else frozenset({i}),
                speaker=a.speaker,
            )


_PHASED = re.compile(
    r"\b(?:initially|originally|at first|first|previously|earlier|once|later|eventually|now)\s+$",
    re.I,
)


def false_statement(ctx: Context) -> Iterator[Candidate]:
    """The same source with its position reversed; never a swapped speaker."""
    for i, a, sentence, evidence, keys in reported_items(ctx):
        stem = stems.opposite(a, a.speaker, sentence)
        if stem is None or _PHASED.search(sentence.split(a.cue)[0][-40:] + " "):
            continue  # `initially denied`: the position may have changed, so no safe reversal
        # the article must not also credit the source with the reversed position
        if ctx.reversed_elsewhere(a):
            continue
        verb = stem.split(a.speaker, 1)[1].split()[0]
        q = {
            "id": f"false-{slug(a.speaker)}-{digest(a.content, verb)}",
            "type": "truefalse",
            "prompt": f"True or false: {stem}",
            "answer": False,
            "feedback_true": f"Read passage {a.passage_id} again: which way did it go?",
            "explanation": f"False: in passage {a.passage_id}, {mid(a.speaker)} "
            f"{stems.clause(a, sentence) or a.cue + ' this'} — “{verb}” says the opposite.",
            "evidence": evidence,
            "tags": ["attribution", "true or false", "stance"],
        }
        yield Candidate(
            "false",
            q,
            frozenset(keys),
            ctx.importance(a) + 0.3,
            clarity(stem),
            1.0,
            frozenset({i}),
            speaker=a.speaker,
        )


MAKERS = {
    "stance": stance,
    "who-said": who_said,
    "short": short,
    "true": true_statement,
    "false": false_statement,
}
