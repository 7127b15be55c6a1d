"""The class session model: joins, answers, distributions, the teacher's controls — no screen."""

from __future__ import annotations

from quizgame.bank.loaded import LoadedBank
from quizgame.play.classroom import ClassSession, Pace, QuestionInfo, new_join_code, questions_of

QS = [QuestionInfo("q1", 1, "Who?", "The Kremlin"), QuestionInfo("q2", 2, "What?", "True")]


def answered(
    qid: str, text: str, outcome: str, score: float, final: bool = True
) -> dict[str, object]:
    return {
        "event": "answered",
        "question_id": qid,
        "response": text,
        "outcome": outcome,
        "final": final,
        "score": score,
    }


def test_joins_answers_and_the_class_distribution() -> None:
    s = ClassSession("class-1", QS)
    assert s.apply("a", {"event": "joined", "name": "Ada", "game_id": "g1", "max_score": 2})
    assert s.apply("b", {"event": "joined", "name": "Bo", "game_id": "g2"})
    s.apply("c", {"event": "joined", "name": "Cy"})
    s.apply("a", answered("q1", "The Kremlin", "correct", 1))
    s.apply("b", answered("q1", "The White House", "wrong", 0, final=False))
    s.apply("c", answered("q1", "The White House", "wrong", 0))
    st = s.stats("q1")
    assert (st.answered, st.correct, st.common_wrong) == (3, 1, "The White House")
    assert st.distribution == (("The White House", 2), ("The Kremlin", 1))
    assert round(st.percent_correct) == 33
    b = s.students["b"]
    assert b.question == 1 and b.answered == 1  # a retry is on offer: still on question 1
    s.apply("b", answered("q1", "The Kremlin", "correct", 0.5))  # the retry replaces it
    assert s.stats("q1").correct == 2 and s.students["b"].question == 2
    assert [x.name for x in s.roster_rows()] == ["Ada", "Bo", "Cy"]
    assert s.stats("q2").answered == 0 and s.stats("q2").common_wrong is None
    s.apply("a", {"event": "finished", "score": 1})
    s.apply("a", {"event": "joined", "name": "Ada", "game_id": "g3"})  # Play again
    ada = s.students["a"]
    assert (ada.game_id, ada.answered, ada.finished, ada.question) == ("g3", 0, False, 1)


def test_untrusted_or_unknown_events_change_nothing() -> None:
    s = ClassSession("class-1", QS)
    v = s.version
    assert not s.apply("x", answered("q1", "A", "wrong", 0))  # never joined
    assert not s.apply("x", {"event": "hack"})
    s.apply("x", {"event": "joined", "name": "\x1b[31mEve\u202e" + "e" * 100})
    assert not s.apply("x", answered("nope", "A", "wrong", 0))  # no such question
    s.apply("x", answered("q1", "A", "wrong", float("nan")))
    eve = s.students["x"]
    assert "\x1b" not in eve.name and "\u202e" not in eve.name and len(eve.name) <= 40
    assert eve.score == 0.0 and s.version > v


def test_leaving_finishing_ending() -> None:
    s = ClassSession("class-1", QS, roster=("Ada", "Bo"))
    s.apply("a", {"event": "joined", "name": "Ada"})
    assert s.missing() == ["Bo"] and s.playing == 1
    s.gone("a")
    assert s.playing == 0 and not s.students["a"].connected
    s.apply("a", {"event": "finished", "score": 2})
    assert s.students["a"].finished
    assert s.late_join_command() is None
    s.end()
    assert s.late_join_command() == {"command": "end"}


def test_teacher_pace_reveal_and_advance() -> None:
    s = ClassSession("class-1", QS, pace=Pace.TEACHER)
    assert s.late_join_command() == {"command": "show", "index": 0, "revealed": False}
    assert s.reveal() == {"command": "reveal", "index": 0} and s.revealed
    assert s.advance() == {"command": "show", "index": 1} and not s.revealed
    s.apply("late", {"event": "joined", "name": "Late"})
    assert s.students["late"].question == 2  # late joiners start at the current question
    assert s.advance() is None  # no question after the last


def test_questions_of_a_bank_and_codes(loaded_bank: LoadedBank) -> None:
    qs = questions_of(loaded_bank.bank)
    assert [q.number for q in qs] == list(range(1, len(loaded_bank.bank.questions) + 1))
    assert qs[0].id == "kremlin-refutes" and qs[0].correct == "The Kremlin"
    code = new_join_code()
    assert len(code) == 4 and code.isdigit()
