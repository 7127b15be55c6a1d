"""Run by test_results_store.py, 30 at once: each records 100 answers through the real sink.

Says `ready` once the database is open, waits for a line on stdin so all start writing together,
and exits 1 if the sink reported any problem (such as "database is locked").
"""

from __future__ import annotations

import sys
import time

from quizgame.bank.models import Mode
from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.game.scoring import Outcome
from quizgame.results import open_sink, sink_problem

ANSWERS = 100


def main() -> int:
    db, worker = sys.argv[1], sys.argv[2]
    problems: list[str] = []
    sink = open_sink(db, warn=problems.append)
    print("ready", flush=True)
    sys.stdin.readline()
    game = f"game-{worker}"
    sink.start_game(
        GameInfo(game, f"p{worker}", "bank", "h", "Bank", Mode.EXAM, ANSWERS, ANSWERS, time.time())
    )
    for n in range(ANSWERS):
        sink.record_answer(
            AnswerRecord(
                game,
                f"p{worker}",
                "bank",
                "h",
                f"q{n}",
                "choice",
                "A",
                "A",
                Outcome.CORRECT,
                1.0,
                1.0,
                1.0,
                0.5,
                1,
                True,
                time.time(),
            )
        )
    sink.finish_game(game, ANSWERS, ANSWERS, True, time.time())
    if problems or sink_problem(sink):
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
