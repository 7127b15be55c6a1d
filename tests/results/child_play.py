"""Run by test_results_store.py: plays the bundled bank over and over with the real sink.

Prints `game_id question_id attempt` after each answer is recorded, until it is killed.
"""

from __future__ import annotations

import sys

from quizgame.bank.bundled import default_bank
from quizgame.bank.loader import load_bank
from quizgame.game.presented import PresentedQuestion
from quizgame.game.session import GameSession
from quizgame.results import open_sink


def response(pq: PresentedQuestion, attempt: int) -> object:
    i = attempt % 2  # first attempt takes the first option, a retry the second
    kind = pq.type
    if kind == "choice":
        return pq.choices[i]
    if kind == "multi":
        return {pq.choices[i]}
    if kind == "truefalse":
        return bool(i)
    if kind == "short":
        return ["no idea", "unacceptable"][i]
    if kind == "match":
        return {left: pq.match_right[i] for left in pq.match_left}
    if kind == "numeric":
        return ["12", "1"][i]
    if kind == "order":
        return pq.order_items[i:] + pq.order_items[:i]
    if kind == "cloze":
        return tuple(opts[i] if opts else "way" for opts in pq.gap_options)
    return (pq.choices[i], pq.part_b_choices[i])


def main() -> None:
    db, player = sys.argv[1], sys.argv[2]
    result = load_bank(default_bank() or "")
    assert result.loaded is not None
    sink = open_sink(db)
    while True:
        session = GameSession(result.loaded, player=player, sink=sink, seed=1)
        while (pq := session.current) is not None:
            attempt = 1
            res = session.submit(response(pq, attempt))
            print(session.game_id, pq.id, attempt, flush=True)
            if res.can_retry:
                session.retry()
                attempt += 1
                session.submit(response(pq, attempt))
                print(session.game_id, pq.id, attempt, flush=True)
            session.next()


if __name__ == "__main__":
    main()
