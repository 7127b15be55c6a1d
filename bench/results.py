"""How fast is the results store? Saving one answer, and the class report over 100,000 answers.

Targets: ≤ 5 ms to save one answer (median; committed and fsynced, as in a real game) and ≤ 1 s to
build the full report (load + compute) over 100,000 answers from 300 players.
Baselines measured in the same run, on the same disk: a bare sqlite3 INSERT with the same
durability settings (so the ratio is the store's own overhead), and a bare `SELECT` of all answer
rows (so the ratio shows what the report computation adds to just reading the data).
Run: .venv/bin/python bench/results.py [--answers N] [--players N] [--saves N]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizgame.bank.bundled import default_bank
from quizgame.bank.loader import load_bank
from quizgame.bank.models import Mode
from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.game.scoring import outcome_for
from quizgame.results.banks import resolve_banks
from quizgame.results.reports import build_report
from quizgame.results.sqlite_store import SqliteStore


def median_ms(fn: Callable[[int], object], n: int) -> float:
    times = []
    for i in range(n):
        t = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def best_of(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def record(game: str, player: str, qid: str, i: int, fraction: float) -> AnswerRecord:
    return AnswerRecord(
        game,
        player,
        "kremlin-peacekeepers",
        "h",
        qid,
        "choice",
        f"choice {i % 4}",
        f"choice {i % 4}",
        outcome_for(fraction),
        fraction,
        fraction,
        1.0,
        5.0 + i % 30,
        1,
        True,
        1_700_000_000.0 + i,
    )


def fill(store: SqliteStore, answers: int, players: int, qids: list[str]) -> int:
    """Games of the bundled bank's questions until `answers` rows exist (bulk, one transaction)."""
    rng = random.Random(5)
    conn = store._conn
    conn.execute("BEGIN")
    n = game_no = 0
    skill = {f"player{p:03d}": rng.random() for p in range(players)}
    while n < answers:
        player = f"player{game_no % players:03d}"
        game = f"game{game_no}"
        store_game = GameInfo(
            game, player, "kremlin-peacekeepers", "h", "Kremlin", Mode.PRACTICE, 18, 18.0, game_no
        )
        store.start_game(store_game)
        score = 0.0
        for qid in qids:
            if n >= answers:
                break
            fraction = 1.0 if rng.random() < skill[player] else rng.choice([0.0, 0.0, 0.5])
            store.record_answer(record(game, player, qid, n, fraction))
            score += fraction
            n += 1
        store.finish_game(game, score, 18.0, True, game_no + 100.0)
        game_no += 1
    conn.execute("COMMIT")
    return game_no


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--answers", type=int, default=100_000)
    ap.add_argument("--players", type=int, default=300)
    ap.add_argument("--saves", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    bank = default_bank()
    loaded = load_bank(bank).loaded if bank else None
    assert loaded is not None
    qids = [q.id for q in loaded.bank.questions]

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # 1. saving one answer, as the game does: its own committed transaction
        store = SqliteStore(folder / "save.sqlite3")
        store.start_game(
            GameInfo("g", "ann", "kremlin-peacekeepers", "h", "K", Mode.PRACTICE, 18, 18.0, 0.0)
        )
        save = median_ms(
            lambda i: store.record_answer(record("g", "ann", f"q{i}", i, 1.0)), args.saves
        )
        store.close()

        raw = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute("CREATE TABLE t (a TEXT, b TEXT, c REAL, d REAL, e INTEGER)")
        base_save = median_ms(
            lambda i: raw.execute(
                "INSERT INTO t VALUES (?, ?, ?, ?, ?)", ("g", f"q{i}", 1.0, 1.0, i)
            ),
            args.saves,
        )
        raw.close()

        # 2. the report over a big class
        big = SqliteStore(folder / "big.sqlite3")
        games = fill(big, args.answers, args.players, qids)
        banks = resolve_banks({"kremlin-peacekeepers"})

        def report() -> None:
            build_report(big.games(), big.answers(), banks)

        def load_only() -> None:
            big.games()
            big.answers()

        def bare_select() -> None:
            big._conn.execute("SELECT * FROM answers").fetchall()

        t_report = best_of(report, args.runs)
        t_load = best_of(load_only, args.runs)
        t_select = best_of(bare_select, args.runs)
        r = build_report(big.games(), big.answers(), banks)
        big.close()

    print(f"save one answer (median of {args.saves}): {save:.2f} ms  (target ≤ 5 ms)")
    print(f"  bare sqlite3 INSERT, same settings:   {base_save:.2f} ms  → {save / base_save:.2f}×")
    print(
        f"report over {args.answers:,} answers, {args.players} players, {games:,} games: "
        f"{t_report * 1000:.0f} ms  (target ≤ 1000 ms)"
    )
    print(f"  of which loading rows:                {t_load * 1000:.0f} ms")
    print(
        f"  bare SELECT of all answer rows:       {t_select * 1000:.0f} ms  "
        f"→ report is {t_report / t_select:.1f}× a bare read"
    )
    print(f"  ({len(r.players)} player rows, {sum(len(v.items) for v in r.versions)} questions)")
    ok = save <= 5 and t_report <= 1
    print("OK" if ok else "SLOWER THAN TARGET")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
