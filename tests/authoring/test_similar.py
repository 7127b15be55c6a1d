"""The indexes that keep `generate` linear give exactly the answers of the scans they replaced.

Each reference below is the scan as it was written before the index (every statement sharing a
word, every sentence naming a source, every passage per lookup). They are compared on the 30
development articles and the sample articles, and on two of them repeated (as paragraphs, and as
one long paragraph): repeats are where grouping by words and skipping used passages matter.
Not a timing test.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgame.article.evidence import locate
from quizgame.article.passages import Article, Passage, Sentence, parse_article, read_article
from quizgame.authoring import distractors
from quizgame.authoring.attribution import Attribution, extract
from quizgame.authoring.candidates import reported_items, sentence_of
from quizgame.authoring.clauses import content_words
from quizgame.authoring.context import Context, _stems
from quizgame.authoring.naming import aliases

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = sorted((DATA / "devset").glob("*.txt")) + sorted((DATA / "articles").glob("*.txt"))


def _repeated(path: Path, times: int, one_line: bool) -> Article:
    article = read_article(path)
    head = article.text[: article.body[0].start]
    sep = " " if one_line else "\n\n"
    unit = sep.join(" ".join(p.text.split()) for p in article.body)
    return parse_article(head + sep.join([unit] * times) + "\n")


def _contexts() -> Iterator[tuple[str, Context]]:
    for path in FILES:
        art = read_article(path)
        yield path.name, Context(art, extract(art))
    for path in FILES[:2]:
        for one_line in (False, True):
            art = _repeated(path, 3, one_line)
            yield (
                f"{path.name} ×3 {'one line' if one_line else 'prose'}",
                Context(art, extract(art)),
            )


CONTEXTS = list(_contexts())


@pytest.fixture(params=range(len(CONTEXTS)), ids=[name for name, _ in CONTEXTS])
def ctx(request: pytest.FixtureRequest) -> Context:
    n: int = request.param
    return CONTEXTS[n][1]


# --- the scans, as they were -------------------------------------------------------------------


def credited_same_scan(ctx: Context, a: Attribution) -> list[str]:
    out: list[str] = []
    for b in ctx.found.items:
        if b.passage_id != a.passage_id and not content_words(a.content) & content_words(b.content):
            continue  # not a neighbour
        if b is a or ctx.same(b.speaker, a.speaker):
            continue
        shared_span = b.start < a.end and a.start < b.end
        wa, wb = content_words(a.content), content_words(b.content)
        shared = len(wa & wb)
        similar = shared >= 3 and shared / len(wa | wb) >= 0.5
        same_stance = a.stance is not None and b.stance == a.stance and shared >= 2
        if shared_span or similar or same_stance:
            out.append(b.speaker)
    return out


def told_doing_scan(ctx: Context, name: str, a: Attribution) -> bool:
    want = _stems(a.content)
    entity = ctx.found.entity(name)
    if len(want) < 2 or entity is None:
        return False
    for m in ctx.found.registry.mentions:
        if m.entity is not entity:
            continue
        passage = ctx.article.passage_at(m.start)
        assert passage is not None
        sent = next((s for s in passage.sentences if s.start <= m.start < s.end), None)
        if sent is None or sent.start <= a.start < sent.end:
            continue
        shared = want & _stems(ctx.article.text[sent.start : sent.end])
        if len(shared) >= 2 and len(shared) >= 0.75 * len(want):
            return True
    return False


def mentions_scan(ctx: Context, speaker: str, text: str) -> bool:
    names = set(aliases(ctx.found, speaker))
    words = speaker.split()
    if len(words) > 1 and not speaker.startswith("The "):
        names.add(words[-1])
    return any(
        re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", text, re.IGNORECASE)
        for n in names
        if len(n) > 1
    )


def said_by_scan(ctx: Context, speaker: str) -> list[Attribution]:
    return [a for a in ctx.found.items if ctx.same(a.speaker, speaker)]


def part_b_scan(ctx: Context, wrong: list[str], part_b: list[str], used: set[str]) -> list[str]:
    part_b = list(part_b)
    for w in wrong:
        for b in said_by_scan(ctx, w):
            s = sentence_of(ctx, b)
            if s not in part_b and mentions_scan(ctx, b.speaker, s) and b.passage_id not in used:
                part_b.append(s)
                used.add(b.passage_id)
                break
    return part_b


# --- the comparisons ---------------------------------------------------------------------------


def test_credited_same_is_the_scan_without_repeats(ctx: Context) -> None:
    for a in ctx.found.items:
        assert ctx.credited_same(a) == list(dict.fromkeys(credited_same_scan(ctx, a)))


def test_told_doing_is_the_scan(ctx: Context) -> None:
    names = {e.display for e in ctx.found.registry.entities.values()}
    for a in ctx.found.items:
        for name in sorted(names):
            assert ctx.told_doing(name, a) == told_doing_scan(ctx, name, a), (name, a.content)


def test_sentence_lookups_are_the_scan(ctx: Context) -> None:
    def at(p: Passage, offset: int) -> Sentence | None:
        return next((s for s in p.sentences if s.start <= offset < s.end), None)

    for p in ctx.article.passages:
        for offset in range(p.start - 1, p.end + 1, 7):
            assert ctx.sentence_at(p, offset) == at(p, offset)
            assert ctx.sentence_from(p, offset) == next(
                (s for s in p.sentences if s.start >= offset), None
            )
            for width in (0, 1, 40, 300):
                want = tuple(s for s in p.sentences if s.start < offset + width and offset < s.end)
                assert ctx.sentences_in(p, offset, offset + width) == want


def test_statements_by_speaker_are_the_scan(ctx: Context) -> None:
    speakers = sorted({a.speaker for a in ctx.found.items})
    for s in speakers:
        said = said_by_scan(ctx, s)
        assert ctx.said_by(s) == said
        assert ctx.lemmas_of(s) == {b.lemma for b in said}
        for a in ctx.found.items:
            assert ctx.said_other(s, a) is next((b for b in said if b is not a), None)
        for names in ([s], speakers[:3], speakers[-2:]):
            assert ctx.first_said_by_any(s, names) is next(
                (b for b in said if b.speaker in names), None
            )
    for a in ctx.found.items:
        assert ctx.reversed_elsewhere(a) == any(
            b is not a and b.lemma != a.lemma and b.content == a.content
            for b in said_by_scan(ctx, a.speaker)
        )
    for s in speakers:
        for text in [a.content for a in ctx.found.items[:20]] + [ctx.article.headline]:
            assert ctx.mentions(s, text) == mentions_scan(ctx, s, text)


def test_evidence_resolves_as_locate_says(ctx: Context) -> None:
    for _, _, _, evidence, _ in reported_items(ctx):
        for ev in evidence:
            for pid in (ev["passage"], "p1", "p2", "p99"):
                look = locate(ctx.article, ev["quote"], pid)
                want = look.evidence is not None and not look.warning
                assert ctx.resolves([{"quote": ev["quote"], "passage": pid}]) == want


def test_part_b_sentences_are_the_scan(ctx: Context) -> None:
    from quizgame.authoring.grouped import _part_b

    speakers = [s for s in dict.fromkeys(a.speaker for a in ctx.found.items)]
    for a in ctx.found.items[:12]:
        proof = sentence_of(ctx, a)
        wrong = [s for s in speakers if not ctx.same(s, a.speaker)][:3]
        assert _part_b(ctx, wrong, [proof], {a.passage_id}) == part_b_scan(
            ctx, wrong, [proof], {a.passage_id}
        )
    mentioned = [e.display for e in ctx.found.registry.entities.values()][:4]
    for options in (speakers[:3], mentioned):
        scan = sum(1.0 if o in {a.speaker for a in ctx.found.items} else 0.4 for o in options)
        assert distractors.quality(ctx, options) == scan


def test_surname_sharing_is_the_scan(ctx: Context) -> None:
    from quizgame.authoring.speakers import SpeakerKind

    def scan(speaker: str) -> bool:
        last = speaker.split()[-1]
        return any(
            e.kind is SpeakerKind.PERSON
            and len(e.name.split()) >= 2
            and e.name.split()[-1] == last
            and ctx.found.entity(e.display) is not ctx.found.entity(speaker)
            for e in ctx.found.registry.entities.values()
        )

    names = {a.speaker for a in ctx.found.items} | {
        e.display for e in ctx.found.registry.entities.values()
    }
    for name in sorted(names):
        assert ctx._shares_surname(name) == scan(name), name
    for name in sorted(names):
        scanned = next(
            (
                e
                for e in ctx.found.registry.entities.values()
                if e.display == name or e.name == name or name in e.aliases
            ),
            None,
        )
        assert ctx.found.entity(name) is (ctx.found.registry.entities.get(name) or scanned)


def test_every_name_for_the_same_source_is_among_the_speakers_like_it(ctx: Context) -> None:
    speakers = sorted({a.speaker for a in ctx.found.items})
    names = speakers + sorted({e.display for e in ctx.found.registry.entities.values()})
    for name in names:
        like = ctx.speakers_like(name)
        assert like <= set(speakers)
        assert {s for s in speakers if ctx.same(s, name)} <= like, name


def test_an_acronym_meets_the_name_it_abbreviates() -> None:
    from tests.authoring.helpers import context

    ctx = context(
        "Health row\n\nThe World Health Organization said on Monday that the virus had spread to "
        "the city.\n\nThe WHO denied that it had hidden the numbers. Minister Anna Berg said the "
        "case was closed.\n"
    )
    name = "The World Health Organization"
    assert ctx.found.entity("WHO") is not ctx.found.entity(name)  # only the letters tie them
    assert ctx.same("WHO", name)
    assert "WHO" in ctx.speakers_like(name) and name in ctx.speakers_like("WHO")
    assert [a.speaker for a in ctx.said_by("WHO")] == [name, "WHO"]
