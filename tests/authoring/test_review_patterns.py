"""The patterns the strict-teacher review found (bench/draft-review.md), each as a small text."""

from __future__ import annotations

from quizgame.authoring import distractors, rules, stems
from quizgame.authoring.candidates import MAKERS
from quizgame.authoring.clauses import reported, whole_sentences
from tests.authoring.helpers import PORT, context


def test_an_organisation_whose_tag_runs_on_to_a_person_is_not_asked_about() -> None:
    text = PORT + (
        '\n"Walter was the most brilliant scientist I have ever known," said University of '
        "California, San Diego's chancellor, Pradeep Khosla.\n"
    )
    ctx = context(text)
    brilliant = [i for i, a in enumerate(ctx.found.items) if "brilliant" in a.content]
    assert brilliant
    for i in brilliant:  # credited to the person, or not asked about at all
        assert ctx.found.items[i].speaker == "Pradeep Khosla" or i not in ctx.usable


def test_a_stance_that_may_have_changed_is_not_reversed() -> None:
    text = PORT.replace("Tomas Vik denied", "Tomas Vik initially denied")
    falses = [c.question["prompt"] for c in MAKERS["false"](context(text))]
    assert not any("Tomas Vik" in p for p in falses)
    stances = [c.question["prompt"] for c in MAKERS["stance"](context(text))]
    assert any("initially denied" in p for p in stances)


def test_a_person_named_in_the_quotation_is_not_offered_as_its_speaker() -> None:
    ctx = context(PORT.replace("hundreds of jobs to the whole region", "jobs, as Oskar said"))
    berg = next(a for a in ctx.found.items if a.speaker == "Anna Berg" and a.direct)
    wrong = distractors.choose(ctx, berg, "Who said “The port will bring jobs, as Oskar said.”?")
    assert wrong is not None and "Oskar Lind" not in wrong


def test_quotes_that_lean_on_context_or_are_formulas_are_not_asked() -> None:
    assert whole_sentences("And it says a country could do so on a global scale.") == []
    assert whole_sentences("Beyond that, it also reduces trade across the region.") == []
    assert whole_sentences("May he Rest In Peace.") == []
    got = whole_sentences(
        "After elections, we will change the museum into a mosque[...] We have plans."
    )
    assert got == ["After elections, we will change the museum into a mosque."]


def test_a_source_the_narration_credits_with_the_same_call_is_no_distractor() -> None:
    text = PORT.replace(
        "Mayor Oskar Lind praised the plan for the harbour.",
        "Mayor Oskar Lind praised the plan for the harbour. Anna Berg joined the calls to delay "
        "the port opening.",
    ).replace(
        "Union chief Lena Dahl also denied that the port would open on time.",
        "Union chief Lena Dahl urged a delay of the port opening.",
    )
    ctx = context(text)
    dahl = next(a for a in ctx.found.items if a.speaker == "Lena Dahl" and not a.direct)
    assert ctx.told_doing("Anna Berg", dahl)
    assert not ctx.told_doing("Oskar Lind", dahl)


# --- round 5 -------------------------------------------------------------------------------------


def test_a_stem_ending_in_a_quotation_drops_its_full_stop_before_the_question_mark() -> None:
    text = PORT.replace(
        "Mayor Oskar Lind praised the plan for the harbour.",
        'Mayor Oskar Lind called the plan "a gift to the harbour."',
    )
    ctx = context(text)
    lind = next(a for a in ctx.found.items if a.speaker == "Oskar Lind" and not a.direct)
    stem = stems.who_reported(lind, ctx.article.text, "who")
    assert stem == 'According to the article, who called the plan "a gift to the harbour"?'
    assert stems.question("who said “no,”") == "who said “no”?"
    assert stems.question("who asked “why?”") == "who asked “why?”?"  # its own mark stays


def test_a_speaker_introducing_themselves_is_not_asked_about() -> None:
    assert rules.self_introduction("I am a professor in the Department of Health Sciences.")
    assert rules.self_introduction("I'm a nurse at the city hospital in Oslo.")
    assert rules.self_introduction("My research has focused on tobacco, alcohol and firearms.")
    assert not rules.self_introduction("I am against any delay to the port.")
    text = PORT.replace(
        '"This is a good day for everyone in our town," Lind said.',
        '"I am a professor of economics at the University of Oslo," Lind said.',
    )
    prompts = [c.question["prompt"] for m in ("true", "who-said") for c in MAKERS[m](context(text))]
    assert prompts and not any("professor" in p for p in prompts)


def test_a_true_or_false_quotation_never_opens_on_a_pronoun_from_outside_it() -> None:
    assert rules.leans_on_antecedent("It has been recognized by UNESCO as our heritage.")
    assert rules.leans_on_antecedent("He could be from a lot of different countries.")
    assert not rules.leans_on_antecedent("It would be an outrage if Parliament were closed.")
    assert not rules.leans_on_antecedent("It was incredible to work with my husband.")
    text = PORT.replace(
        '"This is a good day for everyone in our town," Lind said.',
        '"It has been recognized by UNESCO as part of our heritage," Lind said.',
    )
    trues = [c.question["prompt"] for c in MAKERS["true"](context(text))]
    assert trues and not any("UNESCO" in p for p in trues)


def test_a_person_s_reported_they_is_someone_else_and_is_not_restated() -> None:
    text = PORT.replace(
        "Mayor Oskar Lind praised the plan for the harbour.",
        "Mayor Oskar Lind said they are to build another pier at the harbour.",
    )
    ctx = context(text)
    lind = next(a for a in ctx.found.items if a.speaker == "Oskar Lind" and not a.direct)
    assert stems.who_reported(lind, ctx.article.text, "who") is None
    assert reported("they are to build another pier at the harbour") is not None
    assert reported("they are to build another pier", they_ok=False) is None
    assert (
        reported("he was to build another pier", they_ok=False) == "they were to build another pier"
    )


def test_the_person_a_pronoun_in_the_stem_points_back_to_is_no_distractor() -> None:
    text = PORT.replace(
        '"This is a good day for everyone in our town," Lind said.',
        "Union chief Lena Dahl left the port board on Friday. "
        '"Her work for the harbour will be missed by everyone in our town," Lind said.',
    )
    ctx = context(text)
    lind = next(a for a in ctx.found.items if a.speaker == "Oskar Lind" and a.direct)
    about_her = "Who said “Her work for the harbour will be missed by everyone in our town.”?"
    neutral = "Who said “The harbour will be missed by everyone in our town.”?"
    assert "Lena Dahl" in (distractors.choose(ctx, lind, neutral) or [])
    assert "Lena Dahl" not in (distractors.choose(ctx, lind, about_her) or [])


def test_a_source_the_next_sentence_joins_to_the_speaker_is_no_distractor() -> None:
    def wrong(after: str) -> list[str]:
        text = PORT.replace(
            "Mayor Oskar Lind praised the plan for the harbour.",
            f"Mayor Oskar Lind praised the plan for the harbour. {after}",
        )
        ctx = context(text)
        lind = next(a for a in ctx.found.items if a.speaker == "Oskar Lind" and not a.direct)
        stem = "According to the article, who praised the plan for the harbour?"
        return distractors.choose(ctx, lind, stem) or []

    assert "Anna Berg" in wrong("Later, minister Anna Berg asked for more money.")
    assert "Anna Berg" not in wrong("Both he and minister Anna Berg asked for more money.")
