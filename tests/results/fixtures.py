"""A small class whose report figures are computed by hand in test_results_reports.py.

Bank "quiz", three 1-point questions (q1, q2, q3), five players, one game each, plus a replay by A:

    player  q1        q2                       q3      score (first game)
    A       1         1                        1       3    (100 %)
    B       1         0 ("x"), then 1 (×0.5)   0       1.5  (50 %)
    C       1         0 ("y")                  1       2    (66.7 %)
    D       0 "Paris" 1                        0       1    (33.3 %)
    E       0 "paris" 0 ("y")                  0.5     0.5  (16.7 %)
    A again 0         1                        1       2    (replay: not in class analysis)

Every attempt takes 10 s except B's retry at q2 (20 s).
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgame.bank.models import Mode
from quizgame.game.records import AnswerRecord, GameInfo, ResultSink
from quizgame.game.scoring import outcome_for
from quizgame.results.report_rows import BankMeta, QuestionMeta

BANK_ID = "quiz"
BANK_HASH = "hash0001"
RIGHT = {"q1": "London", "q2": "z", "q3": True}


@dataclass(frozen=True)
class Try:
    question: str
    response: object
    text: str
    fraction: float
    points: float
    seconds: float = 10.0


GAMES: list[tuple[str, str, list[list[Try]]]] = [
    # (game id, player, per question the attempts)
    (
        "g-a1",
        "A",
        [
            [Try("q1", "London", "London", 1, 1)],
            [Try("q2", "z", "z", 1, 1)],
            [Try("q3", True, "True", 1, 1)],
        ],
    ),
    (
        "g-b1",
        "B",
        [
            [Try("q1", "London", "London", 1, 1)],
            [Try("q2", "x", "x", 0, 0), Try("q2", "z", "z", 1, 0.5, 20.0)],
            [Try("q3", False, "False", 0, 0)],
        ],
    ),
    (
        "g-c1",
        "C",
        [
            [Try("q1", "London", "London", 1, 1)],
            [Try("q2", "y", "y", 0, 0)],
            [Try("q3", True, "True", 1, 1)],
        ],
    ),
    (
        "g-d1",
        "D",
        [
            [Try("q1", "Paris", "Paris", 0, 0)],
            [Try("q2", "z", "z", 1, 1)],
            [Try("q3", False, "False", 0, 0)],
        ],
    ),
    (
        "g-e1",
        "E",
        [
            [Try("q1", "paris ", "paris ", 0, 0)],
            [Try("q2", "y", "y", 0, 0)],
            [Try("q3", ["half"], "half right", 0.5, 0.5)],
        ],
    ),
    (
        "g-a2",
        "A",
        [
            [Try("q1", "Rome", "Rome", 0, 0)],
            [Try("q2", "z", "z", 1, 1)],
            [Try("q3", True, "True", 1, 1)],
        ],
    ),
]

META = BankMeta(
    BANK_ID,
    BANK_HASH,
    "A tiny quiz",
    (
        QuestionMeta(
            "q1", "choice", "Capital?", ("main",), "London", ("[p1] London is the capital",)
        ),
        QuestionMeta("q2", "short", "Last letter?", ("main", "vocab"), "z"),
        QuestionMeta("q3", "truefalse", "True?", ("vocab",), "True"),
    ),
)


def play_fixture(sink: ResultSink, *, bank_id: str = BANK_ID, bank_hash: str = BANK_HASH) -> int:
    """Write the class above into `sink` in play order; returns the number of answers written."""
    count = 0
    for n, (game_id, player, questions) in enumerate(GAMES):
        started = 1_700_000_000.0 + 1000 * n
        sink.start_game(
            GameInfo(
                game_id, player, bank_id, bank_hash, "A tiny quiz", Mode.PRACTICE, 3, 3.0, started
            )
        )
        score = 0.0
        t = started
        for attempts in questions:
            for i, a in enumerate(attempts, 1):
                t += a.seconds
                sink.record_answer(
                    AnswerRecord(
                        game_id=game_id,
                        player=player,
                        bank_id=bank_id,
                        bank_hash=bank_hash,
                        question_id=a.question,
                        question_type={"q1": "choice", "q2": "short", "q3": "truefalse"}[
                            a.question
                        ],
                        response=a.response,
                        response_text=a.text,
                        outcome=outcome_for(a.fraction),
                        fraction=a.fraction,
                        points=a.points,
                        max_points=1.0,
                        seconds=a.seconds,
                        attempt=i,
                        final=i == len(attempts),
                        answered_at=t,
                    )
                )
                count += 1
            score += attempts[-1].points
        sink.finish_game(game_id, score, 3.0, True, t + 1)
    return count
