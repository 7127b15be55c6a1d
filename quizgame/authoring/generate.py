"""Draft a question bank from an article, for a teacher to review and edit.

Over-generate, check, rank: every question type's maker builds every fair candidate it can
(`candidates`), each candidate is checked against the rules of a fair question (`rules`) and
dropped if it breaks one, and `ranking` keeps the most important, clearest set with varied types
and no sentence asked about twice, sized to the article. Every evidence quote is resolved before
it is written, so a generated bank passes `quizgame check`; the same article and seed always give
the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from quizgame.article.passages import Article, Kind
from quizgame.authoring import rules
from quizgame.authoring.attribution import extract
from quizgame.authoring.candidates import MAKERS, Candidate
from quizgame.authoring.context import Context
from quizgame.authoring.events import event
from quizgame.authoring.grouped import evidence, match, multi
from quizgame.authoring.ranking import place_keys, select, target_count
from quizgame.authoring.render import render

MAX_COUNT = 100
MAX_DRAFT_CHARS = 1_000_000
"""Questions are drafted from at most this many characters of an article (about 160,000 words).

A draft holds at most 15 questions (100 with `--count`) and favours the opening passages, so a
book-length text gains nothing from being read to the end, while reading who said what costs
about 2 s of CPU per 1,000,000 characters here (a 5 MB text took 20 s). News articles are under
30,000 characters and the 30 development articles under 10,000: none comes near the limit, so
no real article's draft changes. Past it, the draft stops at the end of a passage (or, in one
long paragraph, of a sentence) and a note says where; every quote still resolves in the whole
file, because the passages kept are the file's own, with the same ids."""


class GenerateError(Exception):
    """The article cannot give a draft bank; the message says why in a teacher's words."""


@dataclass
class Draft:
    text: str
    questions: int
    types: dict[str, int]
    notes: list[str] = field(default_factory=list)


_WHY_NONE = {
    "who-said": "who-said question: no whole quoted sentence with two other named speakers "
    "of the same kind to offer as options",
    "stance": "stance question: no reported statement (`X denied …`) that restates cleanly "
    "with two safe options",
    "false": "false statement: no reported position that can be safely reversed "
    "(`denied` → `admitted`); a false item that only swaps the speaker is never made",
    "match": "match question: fewer than three speakers of one kind with a short quotation",
    "multi": "select-all question: no source with two quotations beside two other sources'",
    "event": "question on the headline event: no lead sentence short enough with a name or a "
    "number to ask about",
    "evidence": "Part A/B question: no reported statement with two safe options whose "
    "sources speak in three different passages, in sentences short enough for Part B",
}


def problems(ctx: Context, c: Candidate) -> list[rules.Problem]:
    """Every rule a candidate breaks; a candidate that breaks one is never drafted."""
    q = c.question
    out = rules.stem_quality(str(q["prompt"]))
    out += rules.unclosed_quote(str(q["prompt"]), "prompt")
    out += rules.unclosed_quote(str(q["explanation"]), "explanation")
    if q["type"] in ("choice", "evidence", "short") and c.subjects:
        a = ctx.found.items[min(c.subjects)]
        key = str(q["answer"])
        options = [str(o) for o in q.get("choices", [key])]
        out += rules.alias_options(ctx, key, options)
        out += rules.second_right(ctx, key, options, [a])
        out += rules.unnamed_co_source(ctx, a)
        if q["type"] == "short":
            out += rules.typed_answer_unique(ctx, a)
        out += rules.stem_names_answer(ctx, str(q["prompt"]), key)
        out += rules.options_fair(ctx, a, options)
    return out


def drafted_part(article: Article) -> tuple[Article, str | None]:
    """The part of `article` a draft is made from (see MAX_DRAFT_CHARS), and a note when cut."""
    if len(article.text) <= MAX_DRAFT_CHARS:
        return article, None
    kept = []
    for p in article.passages:
        if p.end <= MAX_DRAFT_CHARS:
            kept.append(p)
            continue
        sentences = tuple(s for s in p.sentences if s.end <= MAX_DRAFT_CHARS)
        if p.kind is Kind.BODY and sentences:  # one long paragraph: keep its whole sentences
            end = sentences[-1].end
            kept.append(replace(p, end=end, text=article.text[p.start : end], sentences=sentences))
        break
    if not kept:
        return article, None
    end = kept[-1].end
    part = Article(article.text[:end], tuple(kept), article.path)
    last = next((p.id for p in reversed(kept) if p.kind is Kind.BODY), "the headline")
    return part, (
        f"the article has {len(article.text):,} characters: questions come from the first "
        f"{end:,} (to {last}); split a longer text into parts to draft questions on the rest"
    )


def generate(
    article: Article,
    *,
    article_ref: str,
    schema_ref: str | None = None,
    count: int | None = None,
    seed: int = 0,
) -> Draft:
    """Build the draft bank's YAML; raises GenerateError when the article gives no question.

    `count` is a maximum; by default the draft is sized to the article (about one question per
    45 words of body text)."""
    if count is not None and count < 1:
        raise GenerateError("--count must be at least 1")
    whole = article
    article, cut_note = drafted_part(article)
    found = extract(article)
    ctx = Context(article, found)
    cands: list[Candidate] = []
    made: dict[str, int] = {}
    makers = {**MAKERS, "evidence": evidence, "multi": multi, "match": match, "event": event}
    for name, maker in makers.items():
        for c in maker(ctx):
            if not problems(ctx, c):
                cands.append(c)
                made[name] = made.get(name, 0) + 1
    wanted = target_count(ctx.body_words)
    limit = min(count, MAX_COUNT) if count is not None else wanted
    chosen = select(cands, limit)
    if not chosen and not found.items:
        raise GenerateError(
            "found no quotes or attributed statements in the article's body text, and no lead "
            "sentence to ask about, so there is nothing to draft; write the questions by hand instead"
        )
    if not chosen:
        raise GenerateError(
            "the article's attributions gave no usable question "
            f"({len(found.items)} found, but none with a named source, a cleanly restated "
            "statement and two safe wrong options)"
        )
    questions: list[dict[str, Any]] = [c.question for c in chosen]
    seen: set[str] = set()
    for q in questions:  # ids are content hashes; two questions on one text get a suffix
        base, n = str(q["id"]), 2
        while q["id"] in seen:
            q["id"], n = f"{base}-{n}", n + 1
        seen.add(str(q["id"]))
    place_keys(questions, seed, article.headline)
    types: dict[str, int] = {}
    for c in chosen:
        types[c.maker] = types.get(c.maker, 0) + 1
    notes = [cut_note] if cut_note else []
    notes += [f"no {why}" for name, why in _WHY_NONE.items() if not made.get(name)]
    if len(chosen) < limit:
        n = len(chosen)
        usable = len(ctx.usable)
        notes.append(
            f"made {n} question{'s' if n != 1 else ''}, not {limit}: the article credits "
            f"{usable} statement{'s' if usable != 1 else ''} to named sources, and no sentence "
            "is asked about twice"
        )
    text = render(whole, article_ref, schema_ref, questions, seed, notes)
    return Draft(text, len(questions), types, notes)
