"""Every rule a drafted question keeps, each with a test that fails when the rule is broken."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from quizgame.article.passages import read_article
from quizgame.authoring import distractors, rules, stems
from quizgame.authoring.candidates import MAKERS, Candidate
from quizgame.authoring.clauses import reported, unclosed, whole_sentences
from quizgame.authoring.generate import generate, problems
from quizgame.authoring.grouped import evidence, match, multi
from quizgame.authoring.naming import same_source, vague_name, well_named
from quizgame.authoring.ranking import place_keys, select, target_count
from quizgame.authoring.speakers import SpeakerKind
from quizgame.bank.bundled import bundled_dir
from tests.authoring.helpers import PORT, article, context

SEED = bundled_dir() / "kremlin-peacekeepers.txt"
DATA = sorted((Path(__file__).parent.parent / "data" / "articles").glob("*.txt"))


def _draft(path: Path, seed: int = 0) -> list[dict[str, Any]]:
    text = generate(read_article(path), article_ref="a.txt", seed=seed).text
    return list(yaml.safe_load(text)["questions"])


def _all_drafts() -> list[tuple[str, dict[str, Any]]]:
    return [(p.stem, q) for p in [*DATA, SEED] for q in _draft(p)]


ALL = _all_drafts()


def _speaker_of(ctx: Any, name: str) -> Any:
    return next(a for a in ctx.found.items if a.speaker == name)


# --- exactly one right answer ----------------------------------------------------------------------


def test_an_alias_of_the_answer_is_never_an_option() -> None:
    ctx = context()
    vik = _speaker_of(ctx, "Tomas Vik")
    assert same_source(ctx.found, "Vik", "Tomas Vik")
    assert not any(
        ctx.same(o, "Tomas Vik") for o in distractors.candidates(ctx, vik.speaker, vik.kind)
    )
    found = rules.alias_options(ctx, "Tomas Vik", ["Tomas Vik", "Vik", "Anna Berg"])
    assert [(p.code, p.index) for p in found] == [("option-alias", 1)]


def test_acronyms_and_accents_are_the_same_source() -> None:
    ctx = context()
    assert same_source(ctx.found, "WHO", "World Health Organization")
    assert same_source(ctx.found, "Erdogan", "Recep Tayyip Erdoğan")
    assert not same_source(ctx.found, "Anna Berg", "Lena Dahl")


def test_a_source_credited_with_the_same_stance_is_never_a_distractor() -> None:
    ctx = context()
    vik = next(a for a in ctx.found.items if a.speaker == "Tomas Vik" and a.stance == "denial")
    assert "Lena Dahl" in ctx.credited_same(vik)
    stem = "According to the article, who denied that the port would open on time?"
    wrong = distractors.choose(ctx, vik, stem)
    assert wrong is not None and "Lena Dahl" not in wrong
    flagged = rules.second_right(ctx, "Tomas Vik", ["Tomas Vik", "Lena Dahl", "Anna Berg"], [vik])
    assert [p.code for p in flagged] == ["second-answer"]
    assert "p2" in flagged[0].hint and "denied" in flagged[0].hint


def test_a_typed_answer_is_refused_when_two_sources_said_it() -> None:
    ctx = context()
    shorts = [c for c in MAKERS["short"](ctx) if "open on time" in c.question["prompt"]]
    assert shorts and all(problems(ctx, c) for c in shorts)


# --- distractors -----------------------------------------------------------------------------------


def test_distractors_are_named_sources_of_the_same_kind() -> None:
    ctx = context()
    for c in [*MAKERS["stance"](ctx), *MAKERS["who-said"](ctx)]:
        for option in c.question["choices"]:
            entity = ctx.found.entity(option)
            assert entity is not None and entity.kind is SpeakerKind.PERSON, option
            assert ctx.named(option, SpeakerKind.PERSON)


def test_vague_sources_are_never_asked_about_or_offered() -> None:
    ctx = context()
    assert vague_name("Officials") and vague_name("the critics") and not vague_name("Anna Berg")
    officials = [i for i, a in enumerate(ctx.found.items) if a.speaker.casefold() == "officials"]
    assert officials and not set(officials) & set(ctx.usable)
    for _, q in ALL:
        for option in q.get("choices", []):
            assert not vague_name(option), option


def test_fused_titles_and_fragments_are_not_names() -> None:
    text = (
        "UN vote\n\nThe United Nations met on Monday. United Nations Nikki Haley said the vote was "
        "fair. The General Assembly agreed. Assembly members left. Nikki Haley left later.\n"
    )
    ctx = context(text)
    person = SpeakerKind.PERSON
    assert not well_named("United Nations Nikki Haley", person, ctx.found, ctx.lowercase)
    assert not well_named("President Trump", person, ctx.found, ctx.lowercase)
    assert not well_named("Assembly", person, ctx.found, ctx.lowercase)
    assert not well_named("officials", person, ctx.found, ctx.lowercase)


def test_the_key_is_not_always_in_one_position_nor_always_the_longest() -> None:
    qs = [{"type": "choice", "answer": "A", "choices": ["A", "Bb", "Cc", "Dd"]} for _ in range(8)]
    place_keys(qs, seed=0)  # type: ignore[arg-type]
    assert len({q["choices"].index("A") for q in qs}) > 1
    assert rules.key_pattern([(0, 4, False)] * 5)[0].code == "key-position"
    assert rules.key_pattern([(n % 4, 4, True) for n in range(5)])[0].code == "key-longest"
    for path in [SEED, *DATA]:
        keys = [
            (
                q["choices"].index(q["answer"]),
                len(q["choices"]),
                rules.longest(q["choices"], q["answer"]),
            )
            for q in _draft(path)
            if q["type"] == "choice"
        ]
        assert not rules.key_pattern(keys), path.stem


def test_the_shuffle_is_deterministic() -> None:
    assert _draft(SEED, seed=3) == _draft(SEED, seed=3)


# --- stems -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("article_name,q", ALL, ids=lambda v: v if isinstance(v, str) else v["id"])
def test_stems_are_short_closed_and_quote_whole_sentences(
    article_name: str, q: dict[str, Any]
) -> None:
    prompt = q["prompt"]
    assert len(prompt.split()) <= 36, prompt
    assert not unclosed(prompt) and not unclosed(q["explanation"])
    assert ".." not in prompt.replace("...", "")
    for inner in re.findall(r"“([^”]*)”", prompt):
        if len(inner.split()) >= 5 and "_____" not in inner:
            assert inner[-1] in ".!?" and (inner[0].isupper() or inner[0].isdigit()), inner


def test_a_quote_is_cut_only_at_sentence_ends() -> None:
    content = "We can say that it is a stab in the back. Nobody expected it from them, and we"
    assert whole_sentences(content) == ["We can say that it is a stab in the back."]
    assert whole_sentences("We're not going to wait until Oct. 31 before starting") == []
    assert whole_sentences("The storm will pass by Friday,") == ["The storm will pass by Friday."]


def test_reported_content_is_restated_or_refused() -> None:
    assert reported("he had not discussed the war") == "they had not discussed the war"
    assert reported("he had not discussed the war", pronoun_ok=False) is None
    assert reported("I will never resign") is None  # first person left in: a pasted quote
    assert reported("it was fine") is None  # `it` with nothing to refer to
    assert reported("the plan failed; the union disagreed") == "the plan failed"


def test_stems_are_composed_from_speaker_cue_and_content() -> None:
    ctx = context()
    berg = next(a for a in ctx.found.items if a.speaker == "Anna Berg" and not a.direct)
    lind = next(a for a in ctx.found.items if a.speaker == "Oskar Lind" and not a.direct)
    s1 = stems.who_reported(berg, "Transport minister Anna Berg said on Monday that …", "who")
    s2 = stems.who_reported(lind, "Mayor Oskar Lind praised the plan for the harbour.", "who")
    assert s1 == "According to the article, who said that the new port would open in May?"
    assert s2 == "According to the article, who praised the plan for the harbour?"


# --- false statements change what was said, not who said it -----------------------------------------


def test_a_false_statement_reverses_the_stance_of_the_real_source() -> None:
    ctx = context()
    falses = list(MAKERS["false"](ctx))
    assert falses
    for c in falses:
        a = ctx.found.items[min(c.subjects)]
        assert a.speaker in c.question["prompt"]  # the same source …
        assert a.cue not in c.question["prompt"]  # … with the position reversed
    said = next(a for a in ctx.found.items if a.speaker == "Anna Berg" and not a.direct)
    assert stems.opposite(said, "Anna Berg", "") is None  # `said` has no safe reversal


def test_no_false_item_swaps_the_speaker() -> None:
    for _, q in ALL:
        if q["type"] == "truefalse" and q["answer"] is False:
            assert "stance" in q["tags"]


# --- explanations ----------------------------------------------------------------------------------


def test_explanations_say_who_where_and_why_the_others_are_wrong() -> None:
    for _, q in ALL:
        passages = {e["passage"] for e in q["evidence"]}
        assert any(p in q["explanation"] for p in passages), q["id"]
        if q["type"] == "choice" and not q["id"].startswith("event-"):
            explanation = q["explanation"].casefold()
            for option in q["choices"]:
                assert option.casefold().removeprefix("the ") in explanation, (q["id"], option)


# --- the set ---------------------------------------------------------------------------------------


def test_no_sentence_is_asked_about_twice() -> None:
    ctx = context(read_article(SEED).text)
    cands: list[Candidate] = [c for m in MAKERS.values() for c in m(ctx) if not problems(ctx, c)]
    cands += [c for m in (evidence, match, multi) for c in m(ctx) if not problems(ctx, c)]
    chosen = select(cands, 12)
    seen: set[tuple[str, int]] = set()
    for c in chosen:
        assert not c.sentences & seen, c.question["id"]
        seen |= c.sentences


def test_the_draft_is_sized_to_the_article() -> None:
    assert 8 <= target_count(500) <= 12
    assert target_count(120) < target_count(500) < target_count(1000)


def test_a_short_draft_says_why() -> None:
    draft = generate(article(), article_ref="a.txt")
    assert any("no sentence is asked about twice" in n or "no " in n for n in draft.notes)
    text = generate(article(), article_ref="a.txt", count=50).text
    assert "# note: made" in text


def test_the_draft_covers_the_headline_and_mixes_types() -> None:
    qs = _draft(SEED)
    assert "refuted" in qs[0]["prompt"]
    assert len({q["type"] for q in qs}) >= 3


def test_multi_answers_are_one_source_s_quotes() -> None:
    ctx = context()
    for c in multi(ctx):
        q = c.question
        speaker = q["prompt"].removeprefix("Which of these did ").split(" say?")[0]
        for choice in q["choices"]:
            core = choice.strip("“”").rstrip(".")
            said = [a for a in ctx.found.items if core in a.content]
            assert said
            assert (choice in q["answers"]) == ctx.same(said[0].speaker, speaker)


def test_part_b_is_a_choice_between_passages() -> None:
    ctx = context()
    found = list(evidence(ctx))
    assert found
    for c in found:
        q = c.question
        assert q["part_b"]["answer"] in q["part_b"]["choices"]
        where = [ctx.article.passage_at(ctx.article.text.find(s)) for s in q["part_b"]["choices"]]
        assert len({p.id for p in where if p is not None}) >= 3


def test_a_source_named_in_the_statement_s_sentence_is_never_a_distractor() -> None:
    text = PORT.replace(
        "Mayor Oskar Lind praised the plan for the harbour.",
        "Mayor Oskar Lind criticised the plan for the harbour, which Anna Berg once called a stunt.",
    )
    ctx = context(text)
    lind = next(a for a in ctx.found.items if a.speaker == "Oskar Lind" and not a.direct)
    wrong = distractors.choose(ctx, lind, "According to the article, who criticised the plan?")
    assert wrong is not None and "Anna Berg" not in wrong


def test_an_owner_s_name_does_not_make_another_source() -> None:
    ctx = context()
    assert same_source(ctx.found, "Constitutional Court", "Taiwan's Constitutional Court")


def test_no_question_names_the_answer_another_question_asks_for() -> None:
    from quizgame.authoring.ranking import _gives_away

    def cand(maker: str, prompt: str, answer: str) -> Candidate:
        q = {"id": prompt, "type": "choice", "prompt": prompt, "answer": answer}
        return Candidate(maker, q, frozenset(), 1.0)

    one = cand("event", "Who was stabbed on stage, “_____, mayor of Gdańsk”?", "Paweł Adamowicz")
    two = cand("who-said", "Who said “Let's all pray for Mayor Adamowicz.”?", "Donald Tusk")
    three = cand("stance", "Who said that Donald Tusk was in Brussels?", "Anna Berg")
    assert _gives_away(two, one) and not _gives_away(one, two)
    assert not _gives_away(three, two)  # naming a speaker does not say who said a quotation
    assert len(select([one, two], 5)) == 1


def test_event_gaps_are_not_given_away_by_a_title_or_the_headline() -> None:
    from quizgame.authoring.events import event

    text = (
        "Mayor Anna Berg opens the port\n\nOn Monday, President Tomas Vik and harbour chief "
        "Lena Dahl watched as Mayor Anna Berg opened the new port for 300 workers.\n\n"
        '"This is a good day for everyone in our town," Berg said. "The region needs the port '
        'more than ever before," Dahl said. "We will not pay a single krona more," Vik said. '
        "Oskar Lind, a harbour pilot, agreed.\n"
    )
    made = [c.question for c in event(context(text))]
    prompts = [q["prompt"] + q.get("text", "") for q in made]
    assert prompts, "the lead sentence gives a number question at least"
    assert not any("President _____" in p or "President [[" in p for p in prompts)  # knowledge
    assert not any(
        "[[Anna Berg]]" in q.get("text", "") or q.get("answer") == "Anna Berg" for q in made
    )  # the headline gives it away
    # a count is drafted as a numeric question (1,200 = 1200 = 1 200 when students type it)
    assert any(
        c.question["type"] == "numeric" and c.question["answer"] == 300
        for c in event(context(text))
    )


def test_a_name_from_the_lead_is_a_cloze_picked_from_a_list() -> None:
    """The student reads the lead sentence as the article gives it, with the name to pick."""
    from quizgame.authoring.events import event

    text = (
        "New port opens\n\nOn Monday, Anna Berg, the mayor, opened the new port in front of a crowd.\n\n"
        '"This is a good day for everyone in our town," Lena Dahl said. "We will not pay a '
        'single krona more," Tomas Vik said. "The region needs it," Oskar Lind said.\n'
    )
    (name_gap,) = [c.question for c in event(context(text)) if c.question["type"] == "cloze"]
    assert name_gap["text"].count("[[Anna Berg]]") == 1
    assert set(name_gap["gaps"][0]["distractors"]) <= {"Lena Dahl", "Tomas Vik", "Oskar Lind"}
    assert len(name_gap["gaps"][0]["distractors"]) >= 2


URGES = """Council urges rethink of bridge plan

Mayor Oskar Lind urged the council to scrap the bridge plan on Monday. Harbour master Eva Strand urged the ministry to reconsider the ferry timetable.

Karl Holm, an engineer, said the bridge would cost twice the estimate. Sara Nyberg, a planner, said the ferry would do.

Both he and the county's Police and Crime Commissioner Per Ek criticised the ferry timetable on Tuesday.
"""


def test_a_question_asking_who_did_a_stance_offers_nobody_credited_with_that_stance() -> None:
    """`Who urged the council …?` must not offer someone the article says urged anything."""
    ctx = context(URGES)
    lind = _speaker_of(ctx, "Oskar Lind")
    stem = "According to the article, who urged the council to scrap the bridge plan?"
    assert "Eva Strand" in distractors.candidates(ctx, lind.speaker, lind.kind)  # same kind
    options = distractors.choose(ctx, lind, stem) or []
    assert options and "Eva Strand" not in options
    # a neutral cue (`said`) shared with the key's source does not exclude anybody
    assert "Karl Holm" in options


def test_a_compound_subject_with_a_pronoun_is_never_asked_as_who() -> None:
    """`Both he and … Per Ek criticised …`: `he` said it too, so `who criticised …?` has two keys."""
    ctx = context(URGES)
    ek = _speaker_of(ctx, "Per Ek")
    found = rules.unnamed_co_source(ctx, ek)
    assert [p.code for p in found] == ["second-answer"]
    assert not rules.unnamed_co_source(ctx, _speaker_of(ctx, "Oskar Lind"))


def test_countries_written_in_capitals_are_places_and_products_are_no_bodies() -> None:
    """`US` beside `The State Department` would be a defensible second answer; `Volvo XC90` is a
    car, not an organisation that could have said anything."""
    from quizgame.authoring.naming import is_place

    assert is_place("US") and is_place("the UK") and is_place("United States")
    assert not is_place("us") and not is_place("The State Department")
    text = (
        "Embassy row\n\nThe State Department said the case was handled with care. The US and the "
        "UK disagree. The Daily Mail said the driver had left. The Daily Mail asked the White "
        "House. The White House declined. A Volvo XC90 was involved. The Volvo XC90 was found.\n"
    )
    ctx = context(text)
    dept = _speaker_of(ctx, "The State Department")
    options = distractors.candidates(ctx, dept.speaker, dept.kind)
    assert "US" not in options and "UK" not in options
    assert not any("XC90" in o for o in options)
