"""Each attribution form news writing uses, alone in a small text (issue #12, part 2)."""

from __future__ import annotations

from quizgame.article.passages import parse_article
from quizgame.authoring.attribution import Attribution, extract


def _found(text: str) -> list[Attribution]:
    return list(extract(parse_article("Headline\n\n" + text)))


def _who(text: str) -> list[tuple[str, str]]:
    return [(a.speaker, a.cue) for a in _found(text)]


def test_cue_with_an_object_and_an_adjunct_before_the_quote() -> None:
    found = _found('Jane Smith told the BBC after the verdict "We will appeal this decision."')
    assert [(a.speaker, a.direct) for a in found] == [("Jane Smith", True)]
    assert found[0].content == "We will appeal this decision."


def test_told_reporters_and_told_the_court() -> None:
    assert _who('Mark Reed told reporters "the deal is done and signed".') == [
        ("Mark Reed", "told")
    ]
    assert _who('The defendant, Ann Bell, told the court "I did not see him that night".') == [
        ("Ann Bell", "told")
    ]


def test_also_said_with_a_pronoun() -> None:
    found = _found('Mary Jones spoke after the vote. She also said "the count was fair and open".')
    assert [(a.speaker, a.cue) for a in found] == [("Mary Jones", "said")]


def test_colon_introduced_quote() -> None:
    found = _found('The minister, Paul Roe, said: "We have no plans to change the law."')
    assert [a.speaker for a in found] == ["Paul Roe"]
    assert found[0].direct


def test_quote_then_wrote_on_twitter() -> None:
    found = _found('"This is a sad day for the city," Jane Smith wrote on Twitter.')
    assert [(a.speaker, a.cue, a.form) for a in found] == [
        ("Jane Smith", "wrote", "quote-then-tag")
    ]


def test_called_the_move_is_mixed_speech() -> None:
    found = _found('Senator Ann Lee called the move "a stab in the back".')
    assert [(a.speaker, a.cue, a.direct) for a in found] == [("Ann Lee", "called", False)]
    assert "stab in the back" in found[0].content


def test_accused_of_and_described_as() -> None:
    assert _who("Opposition leader Tom Hart accused the mayor of lying to voters.") == [
        ("Tom Hart", "accused")
    ]
    assert _who("Professor Ada King described the result as a turning point.") == [
        ("Ada King", "described")
    ]


def test_reported_speech_verbs_with_stances() -> None:
    found = _found(
        "Tom Hart denied any wrongdoing. Ann Lee claimed victory in the vote. "
        "The union welcomed the decision."
    )
    assert [(a.speaker, a.stance) for a in found] == [
        ("Tom Hart", "denial"),
        ("Ann Lee", "claim"),
        ("union", "support"),
    ]


def test_according_to_with_a_compound_source() -> None:
    found = _found("According to CNN and NPR, the senator won in four states.")
    assert [(a.speaker, a.form) for a in found] == [
        ("CNN", "according-to"),
        ("NPR", "according-to"),
    ]


def test_documents_and_rulings_as_sources() -> None:
    found = _found(
        "The report found that costs rose by half last year. "
        "The court ruled that the ban was unlawful."
    )
    assert [(a.speaker, a.kind.value) for a in found] == [
        ("report", "document"),
        ("court", "group"),
    ]


def test_a_statement_from_names_its_source() -> None:
    found = _found("A statement from the Federal Reserve said rates would stay the same.")
    assert [a.speaker for a in found] == ["Federal Reserve"]


def test_passive_agents_are_sources() -> None:
    found = _found("The attack was condemned by Egypt, Greece and Cyprus on Friday.")
    assert [a.speaker for a in found] == ["Egypt", "Greece", "Cyprus"]


def test_verb_after_the_content() -> None:
    found = _found("The couple left the country last week, police revealed on Saturday.")
    assert [(a.speaker, a.content) for a in found] == [
        ("police", "The couple left the country last week")
    ]


def test_participle_takes_the_main_clause_subject() -> None:
    found = _found(
        "Solicitor General Jose Calida filed a petition on Monday, accusing the network of "
        "violating its franchise."
    )
    assert [(a.speaker, a.cue) for a in found] == [("Jose Calida", "accusing")]


def test_quote_running_over_several_sentences_is_one_attribution() -> None:
    found = _found('"We lost. We will be back. We always are," Ann Lee said.')
    assert [a.content for a in found] == ["We lost. We will be back. We always are"]


def test_continuation_paragraph_is_credited_to_the_previous_speaker() -> None:
    found = _found(
        '"We will rebuild the bridge," Mayor Ann Lee said.\n\n'
        '"It will take two years and cost a great deal of money."'
    )
    assert [(a.passage_id, a.speaker) for a in found] == [("p1", "Ann Lee"), ("p2", "Ann Lee")]


def test_words_inside_a_quotation_are_never_the_speaker() -> None:
    found = _found(
        'Officials said the "United States" is not holding talks. '
        '"The United States States Department said nothing," Ann Lee said.'
    )
    assert all("United" not in a.speaker for a in found)


def test_headline_and_captions_never_count() -> None:
    text = (
        "Kremlin says Trump is wrong\n\n"
        'Dmitry Peskov said "there is no deal".\n\n'
        "Putin said the talks failed. REUTERS"
    )
    found = list(extract(parse_article(text)))
    assert [a.passage_id for a in found] == ["p1"]


def test_interview_answers_belong_to_the_interviewee() -> None:
    found = _found(
        "Professor Michael Siegel spoke to us.\n\n"
        "((WN))  What did you find?\n\n"
        "MS We found a strong link between the two.\n\n"
        "((WN))  What next?\n\n"
        "MS We will look at state laws next."
    )
    assert [(a.passage_id, a.speaker) for a in found] == [
        ("p3", "Michael Siegel"),
        ("p5", "Michael Siegel"),
    ]


def test_a_cue_inside_credited_content_belongs_to_that_content() -> None:
    found = _found("Ann Lee noted that the court rejected the appeal in March.")
    assert [a.speaker for a in found] == ["Ann Lee"]


def test_actions_are_not_speech() -> None:
    assert _found("Ann Lee agreed to answer some questions for the paper.") == []
    assert _found("The country was a colony called Southern Rhodesia.") == []


def test_a_relative_clause_has_its_own_source() -> None:
    found = _found(
        'Kerri Kupec criticized the decision, which Wilbur Ross has referred to as "a stunt".'
    )
    assert [a.speaker for a in found] == ["Kerri Kupec", "Wilbur Ross"]


def test_pronoun_skips_places_for_an_unknown_full_name() -> None:
    found = _found(
        "Police said the car had come from RAF Croughton and spoke with Anne Sacoolas. "
        "She informed police she had diplomatic immunity."
    )
    assert ("Anne Sacoolas", "informed") in [(a.speaker, a.cue) for a in found]


def test_possessed_speech_nouns_name_their_owner() -> None:
    found = _found("Despite Morgan Tsvangirai's allegations of widespread fraud, the result stood.")
    assert [(a.speaker, a.cue) for a in found] == [("Morgan Tsvangirai", "allegations")]


def test_expressed_support_and_did_not_find() -> None:
    found = _found(
        "The United States expressed its support for the pipeline. "
        "The Senate did not find that the network had broken the law."
    )
    assert [(a.speaker, a.cue) for a in found] == [
        ("The United States", "expressed"),
        ("The Senate", "find"),
    ]


def test_relative_clause_antecedent_is_the_source() -> None:
    found = _found("In mainland China, which claims sovereignty over Taiwan, the law is different.")
    assert [(a.speaker, a.cue) for a in found] == [("China", "claims")]


def test_two_passive_agents() -> None:
    found = _found(
        "The badge was used by the attacker, reported by The Guardian as a convicted robber "
        "and by Associated Press as a former guard."
    )
    assert [a.speaker for a in found] == ["The Guardian", "Associated Press"]


def test_they_after_the_content_is_the_sentence_subject() -> None:
    found = _found(
        "Police closed the road.\n\n"
        "State prosecutors charged the man with murder, they said Sunday — a capital crime."
    )
    assert [(a.passage_id, a.speaker, a.vague) for a in found] == [
        ("p2", "State prosecutors", True)
    ]


def test_a_time_phrase_before_the_subject() -> None:
    found = _found(
        "Most voted yes, and on Friday the government announced the region would be free."
    )
    assert [(a.speaker, a.cue) for a in found] == [("government", "announced")]
