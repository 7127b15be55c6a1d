"""The entity layer under attribution: names, aliases, roles, kinds, gender (issue #12, part 1)."""

from __future__ import annotations

from quizgame.article.passages import parse_article
from quizgame.authoring.attribution import Attributions, extract
from quizgame.authoring.names import SpeakerKind


def _extract(text: str) -> Attributions:
    return extract(parse_article("Headline\n\n" + text))


def test_full_name_surname_honorific_and_title_are_one_person() -> None:
    found = _extract(
        'Emily Spanton said "I was there".\n\n'
        '"It happened at night," Spanton said.\n\n'
        'Ms Spanton added "nobody helped me".\n\n'
        'Detective Emily Spanton said "that is all".'
    )
    assert {a.speaker for a in found} == {"Emily Spanton"}
    assert {"Emily Spanton", "Spanton"} <= found.aliases("Emily Spanton")
    assert found.same_source("Spanton", "Emily Spanton")


def test_acronym_in_parentheses_joins_the_long_name() -> None:
    found = _extract(
        "The Federal Security Service (FSB) opened a case.\n\n"
        "The FSB said the suspects had been detained."
    )
    assert [a.speaker for a in found] == ["The Federal Security Service"]
    assert "FSB" in found.aliases("The Federal Security Service")
    assert found.same_source("FSB", "Federal Security Service")


def test_role_is_split_from_a_fused_title() -> None:
    found = _extract(
        "Former US Ambassador to the United Nations Nikki Haley said the plan would fail."
    )
    assert [(a.speaker, a.role) for a in found] == [
        ("Nikki Haley", "former US ambassador to the United Nations")
    ]


def test_apposition_gives_the_role_and_keeps_the_name() -> None:
    found = _extract("A Republican Assemblywoman, Jill Tolles, said the vote was close.")
    assert [(a.speaker, a.role) for a in found] == [("Jill Tolles", "A Republican Assemblywoman")]


def test_role_noun_resolves_to_the_named_person() -> None:
    found = _extract(
        "Kremlin spokesman Dmitry Peskov spoke on Monday.\n\n"
        '"We have nothing to add," the Kremlin rep said.'
    )
    assert [(a.speaker, a.role) for a in found] == [("Dmitry Peskov", "Kremlin spokesman")]
    assert found[0].antecedent is not None


def test_kinds_person_organisation_group_document_vague() -> None:
    found = _extract(
        "Ann Lee said the plan was sound. The Kremlin denied the report. "
        "The team wrote that guns were the main factor. The study found that rates rose. "
        "Officials said the road would reopen."
    )
    assert [(a.speaker, a.kind) for a in found] == [
        ("Ann Lee", SpeakerKind.PERSON),
        ("The Kremlin", SpeakerKind.ORGANISATION),
        ("team", SpeakerKind.GROUP),
        ("study", SpeakerKind.DOCUMENT),
        ("officials", SpeakerKind.VAGUE),
    ]


def test_vague_sources_are_kept_but_never_named_options() -> None:
    found = _extract("Officials said the road would reopen. Critics argued that it was unsafe.")
    assert [(a.speaker, a.vague) for a in found] == [("officials", True), ("critics", True)]
    assert found.speakers() == {}
    assert all(a.to_json()["vague"] is True for a in found)


def test_gender_from_honorifics_picks_the_right_antecedent() -> None:
    found = _extract(
        "Mr Tom Hart met Mrs Ann Lee on Monday. "
        'She said "the meeting went well". He said "we agreed on nothing".'
    )
    assert [a.speaker for a in found] == ["Ann Lee", "Tom Hart"]
    assert [a.role for a in found] == [None, None]  # an honorific is not a role


def test_pronoun_takes_the_sentence_subject_not_the_nearest_name() -> None:
    found = _extract(
        "Bloomberg endorsed his former rival, Joe Biden.\n\n"
        '"Three months ago," he said, "I entered the race."'
    )
    assert {a.speaker for a in found} == {"Bloomberg"}


def test_compound_subject_gives_one_attribution_per_source() -> None:
    found = _extract("The Investigative Committee and the FSB said the attack was planned.")
    assert [a.speaker for a in found] == ["The Investigative Committee", "FSB"]
    assert found[0].content == found[1].content


def test_organisation_name_with_of_and_and_stays_whole() -> None:
    found = _extract(
        "The National Institute of Allergy and Infectious Diseases announced that the trial "
        "had stopped."
    )
    assert [a.speaker for a in found] == [
        "The National Institute of Allergy and Infectious Diseases"
    ]


def test_person_of_an_organisation_is_the_person() -> None:
    found = _extract('Steve Peers of the University of Essex said, "The ruling is broad."')
    assert [a.speaker for a in found] == ["Steve Peers"]


def test_the_court_is_the_court_the_article_names_most() -> None:
    found = _extract(
        "The Court of Session ruled on Wednesday. The Court of Session sits in Edinburgh. "
        "Only the Supreme Court is higher.\n\n"
        "The court found that the suspension was unlawful."
    )
    assert [a.speaker for a in found] == ["The Court of Session"]


def test_possessed_statement_names_its_owner() -> None:
    found = _extract(
        "Judge Roy Miller ruled on Friday.\n\n"
        '"Men and women are now similarly situated," reads Judge Miller\'s statement.'
    )
    assert "Roy Miller" in [a.speaker for a in found]


def test_a_surname_that_is_a_title_word() -> None:
    found = _extract("Professor Ada King described the result as a turning point.")
    assert [a.speaker for a in found] == ["Ada King"]


def test_news_outlets_and_titled_people_get_their_kind() -> None:
    found = _extract(
        "Cyprus Mail reported that talks had failed. TVN24 reported that he was in surgery. "
        "Assemblywoman Selena Torres said the vote was historic."
    )
    assert [(a.speaker, a.kind) for a in found] == [
        ("Cyprus Mail", SpeakerKind.ORGANISATION),
        ("TVN24", SpeakerKind.ORGANISATION),
        ("Selena Torres", SpeakerKind.PERSON),
    ]


def test_an_indefinite_role_is_the_person_named_next_with_that_title() -> None:
    found = _extract(
        "On Friday, a federal judge in Texas ruled that the draft law is unconstitutional.\n\n"
        "U.S. District Judge Gray Miller wrote that times had changed."
    )
    assert [(a.passage_id, a.speaker) for a in found] == [
        ("p1", "Gray Miller"),
        ("p2", "Gray Miller"),
    ]


def test_an_indefinite_role_with_nobody_named_later_stays_vague() -> None:
    found = _extract("A Turkish official said the pipeline was unnecessary.")
    assert [(a.speaker, a.vague) for a in found] == [("Turkish official", True)]
