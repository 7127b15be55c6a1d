"""The presenter's pure logic: labels, keys, highlight offsets, layout, feedback and summary cells."""

from __future__ import annotations

from pathlib import Path

from quizgame.article.evidence import locate
from quizgame.article.passages import parse_article
from quizgame.bank.loaded import LoadedBank
from quizgame.game.session import GameSession
from quizgame.play.bank_list import discover_banks
from quizgame.play.presenter import (
    choice_marks,
    evidence_text,
    feedback_lines,
    guided_visible,
    is_stacked,
    key_to_index,
    passage_class,
    passage_highlights,
    summary_row_cells,
    timer_label,
)
from tests.tui.driver import BANK


def test_keys_name_choices() -> None:
    assert key_to_index("1", 4) == 0
    assert key_to_index("d", 4) == 3
    assert key_to_index("D", 4) == 3
    assert key_to_index("e", 4) is None
    assert key_to_index("0", 4) is None
    assert key_to_index("?", 4) is None
    assert key_to_index("enter", 4) is None


def test_layout_switches_at_100_columns_and_obeys_the_key() -> None:
    assert is_stacked(99) and not is_stacked(100)
    assert is_stacked(160, override=True) and not is_stacked(40, override=False)


def test_highlight_offsets_are_within_the_passage_text() -> None:
    text = "Headline\n\nFirst para. Second bit here.\n\nThird para, with more words at the end."
    article = parse_article(text)
    ev = locate(article, "Third para ... at the end").evidence
    assert ev is not None and len(ev.spans) == 2
    passage = article.passage(ev.passage_id)
    assert passage is not None
    local = passage_highlights(passage, [ev])
    assert [passage.text[s:e] for s, e in local] == ["Third para", "at the end"]
    assert evidence_text(article, ev) == "Third para … at the end"
    other = article.passage("p1")
    assert other is not None and passage_highlights(other, [ev]) == ()


def test_asides_are_dimmed_and_guided_reveal(loaded_bank: LoadedBank) -> None:
    art = loaded_bank.article
    assert passage_class(art.passages[0]) == "-headline"
    c1 = art.passage("c1")
    assert c1 is not None and passage_class(c1) == "-aside"
    assert guided_visible(art, 0) == ("h1",)
    assert guided_visible(art, 1) == ("h1", "p1")
    assert guided_visible(art, 4) == ("h1", "p1", "p2", "p3", "c1", "p4")
    assert len(guided_visible(art, 99)) == len(art.passages)


def test_feedback_hides_the_answer_while_a_retry_is_open(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank, player="t")
    pq = s.current
    assert pq is not None
    r = s.submit("The White House")
    hidden = feedback_lines(r, s.article)
    assert hidden.right_answer is None and "try again" in hidden.next_hint
    # before the last attempt: the verdict only — no explanation, notes or evidence
    assert hidden.explanation == "" and hidden.notes == () and hidden.evidence == ()
    shown = feedback_lines(r, s.article, gave_up=True)
    assert shown.right_answer == "The Kremlin" and shown.explanation == pq.question.explanation
    assert shown.evidence[0].startswith("p1: “The Kremlin on Tuesday")
    assert choice_marks(pq, "The White House", reveal=False) == {0: "✗ your answer"}
    assert choice_marks(pq, "The White House") == {0: "✗ your answer", 1: "✓ right answer"}


def test_summary_cells_use_symbol_and_word(loaded_bank: LoadedBank) -> None:
    s = GameSession(loaded_bank, mode="exam", player="t")
    s.submit("The Kremlin")
    s.next()
    rows = s.summary().rows
    assert summary_row_cells(rows[0]) == ("1", "✓ Correct", "1 / 1", rows[0].prompt)
    assert summary_row_cells(rows[1])[1] == "– Not answered"
    assert timer_label(None) == "" and timer_label(4.2) == "⏱ 5s left"


def test_discover_banks_bundled_local_and_cli_without_repeats(tmp_path: Path) -> None:
    (tmp_path / "questions").mkdir()
    local = tmp_path / "questions" / "mine.yaml"
    local.write_text("title: x\n", encoding="utf-8")
    other = tmp_path / "other.yaml"
    found = discover_banks([str(local), other, BANK], cwd=tmp_path)
    assert found[0].resolve() == BANK.resolve()
    assert [p.name for p in found] == [BANK.name, "mine.yaml", "other.yaml"]
