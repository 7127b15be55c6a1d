"""How fast is the results store, on each engine? Saving one answer, and the class report.

Targets: ≤ 5 ms to save one answer (median; committed — and for SQLite fsynced — as in a real
game) and ≤ 1 s to build the full report (load + compute) over 100,000 answers from 300 players.
Baselines measured in the same run, against the same database: a bare driver INSERT with the same
durability (autocommit; for SQLite WAL + synchronous=FULL), so the ratio is the store's own
overhead, and a bare `SELECT` of all answer rows, so the ratio shows what the report adds to just
reading the data.

PostgreSQL: QUIZGAME_BENCH_PG=postgresql://… (a database the bench may fill and empty), else a
throwaway local cluster is started as the tests do (tests/results/postgres_server.py), but with
fsync on, so a saved answer is flushed to disk as SQLite's is. Over a Unix socket on the same
machine: a server across the network adds its round trip to every save. Without PostgreSQL the
SQLite figures are printed alone.
Run: .venv/bin/python bench/results.py [--answers N] [--players N] [--saves N] [--engine E]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizgame.bank.bundled import default_bank
from quizgame.bank.loader import load_bank
from quizgame.bank.models import Mode
from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.game.scoring import outcome_for
from quizgame.results import open_store
from quizgame.results.banks import resolve_banks
from quizgame.results.reports import build_report
from quizgame.results.store import ResultStore, StoredAnswer, StoredGame

BANK = "kremlin-peacekeepers"


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
        game, player, BANK, "h", qid, "choice", f"choice {i % 4}", f"choice {i % 4}",
        outcome_for(fraction), fraction, fraction, 1.0, 5.0 + i % 30, 1, True,
        1_700_000_000.0 + i,
    )  # fmt: skip


def class_rows(
    answers: int, players: int, qids: list[str]
) -> tuple[list[StoredGame], list[StoredAnswer]]:
    """Games of the bundled bank's questions until `answers` rows exist."""
    rng = random.Random(5)
    skill = {f"player{p:03d}": rng.random() for p in range(players)}
    games: list[StoredGame] = []
    rows: list[StoredAnswer] = []
    game_no = 0
    while len(rows) < answers:
        player = f"player{game_no % players:03d}"
        game = f"game{game_no}"
        score = 0.0
        for qid in qids:
            if len(rows) >= answers:
                break
            fraction = 1.0 if rng.random() < skill[player] else rng.choice([0.0, 0.0, 0.5])
            n = len(rows)
            rows.append(
                StoredAnswer(
                    game,
                    player,
                    BANK,
                    "h",
                    qid,
                    "choice",
                    f'"choice {n % 4}"',
                    f"choice {n % 4}",
                    str(outcome_for(fraction)),
                    fraction,
                    fraction,
                    1.0,
                    5.0 + n % 30,
                    1,
                    True,
                    1_700_000_000.0 + n,
                )
            )
            score += fraction
        games.append(
            StoredGame(
                game,
                player,
                BANK,
                "h",
                "Kremlin",
                "practice",
                18,
                18.0,
                float(game_no),
                game_no + 100.0,
                "finished",
                score,
            )
        )
        game_no += 1
    return games, rows


class Engine:
    """One engine's store location and its bare-driver baselines."""

    name = ""

    def __init__(self, location: str) -> None:
        self.location = location

    def bare_insert(self) -> Callable[[int], object]:
        raise NotImplementedError

    def bare_select(self) -> Callable[[], object]:
        raise NotImplementedError

    def close(self) -> None:
        pass


class Sqlite(Engine):
    name = "SQLite"

    def bare_insert(self) -> Callable[[int], object]:
        raw = sqlite3.connect(self.location + ".raw", isolation_level=None)
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute("CREATE TABLE t (a TEXT, b TEXT, c REAL, d REAL, e INTEGER)")
        self._raw = raw
        return lambda i: raw.execute(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)", ("g", f"q{i}", 1.0, 1.0, i)
        )

    def bare_select(self) -> Callable[[], object]:
        conn = sqlite3.connect(self.location)
        return lambda: conn.execute("SELECT * FROM answers").fetchall()

    def close(self) -> None:
        if hasattr(self, "_raw"):
            self._raw.close()


class Postgres(Engine):
    name = "PostgreSQL"

    def bare_insert(self) -> Callable[[int], object]:
        import psycopg

        raw = psycopg.connect(self.location, autocommit=True)
        raw.execute("DROP TABLE IF EXISTS bench_raw")
        raw.execute(
            "CREATE TABLE bench_raw (a TEXT, b TEXT, c DOUBLE PRECISION, d DOUBLE PRECISION, "
            "e INTEGER)"
        )
        self._raw = raw
        return lambda i: raw.execute(
            "INSERT INTO bench_raw VALUES (%s, %s, %s, %s, %s)", ("g", f"q{i}", 1.0, 1.0, i)
        )

    def bare_select(self) -> Callable[[], object]:
        conn = self._raw
        return lambda: conn.execute("SELECT * FROM quizgame.answers").fetchall()

    def close(self) -> None:
        if hasattr(self, "_raw"):
            self._raw.execute("DROP TABLE IF EXISTS bench_raw")
            self._raw.close()


@contextlib.contextmanager
def postgres_database() -> Iterator[str | None]:
    """A URL to an empty database, or None (with the reason printed) when there is no server."""
    url = os.environ.get("QUIZGAME_BENCH_PG", "").strip()
    if url:
        yield url
        return
    try:
        import psycopg  # noqa: F401

        from tests.results.postgres_server import NoPostgres, fresh_database, start_cluster
    except ImportError as exc:
        print(f"PostgreSQL: skipped ({exc}; pip install 'quizgame[postgres]')")
        yield None
        return
    try:
        with start_cluster(fsync=True) as server, fresh_database(server) as fresh:
            yield fresh
    except NoPostgres as exc:
        print(f"PostgreSQL: skipped ({exc})")
        yield None


def measure(engine: Engine, args: argparse.Namespace, qids: list[str]) -> dict[str, Any]:
    store: ResultStore = open_store(engine.location)
    store.start_game(GameInfo("g", "ann", BANK, "h", "K", Mode.PRACTICE, 18, 18.0, 0.0))
    save = median_ms(lambda i: store.record_answer(record("g", "ann", f"q{i}", i, 1.0)), args.saves)
    base_save = median_ms(engine.bare_insert(), args.saves)
    store.close()

    big = open_store(engine.location)
    games, rows = class_rows(args.answers, args.players, qids)
    big.import_rows(games, rows)  # type: ignore[attr-defined]
    banks = resolve_banks({BANK})

    def report() -> None:
        build_report(big.games(bank_id=BANK), big.answers(bank_id=BANK), banks)

    def load_only() -> None:
        big.games(bank_id=BANK)
        big.answers(bank_id=BANK)

    bare = engine.bare_select()
    t_report = best_of(report, args.runs)
    t_load = best_of(load_only, args.runs)
    t_select = best_of(bare, args.runs)
    big.close()
    engine.close()
    return {
        "save": save,
        "base_save": base_save,
        "report": t_report,
        "load": t_load,
        "select": t_select,
        "games": len(games),
    }


def show(name: str, m: dict[str, Any], args: argparse.Namespace) -> None:
    print(f"{name}")
    print(f"  save one answer (median of {args.saves}): {m['save']:.2f} ms  (target ≤ 5 ms)")
    print(
        f"    bare driver INSERT, same settings:   {m['base_save']:.2f} ms  "
        f"→ {m['save'] / m['base_save']:.2f}×"
    )
    print(
        f"  report over {args.answers:,} answers, {args.players} players, {m['games']:,} games: "
        f"{m['report'] * 1000:.0f} ms  (target ≤ 1000 ms)"
    )
    print(f"    of which loading rows:               {m['load'] * 1000:.0f} ms")
    print(
        f"    bare SELECT of all answer rows:      {m['select'] * 1000:.0f} ms  "
        f"→ report is {m['report'] / m['select']:.1f}× a bare read"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--answers", type=int, default=100_000)
    ap.add_argument("--players", type=int, default=300)
    ap.add_argument("--saves", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--engine", choices=("both", "sqlite", "postgres"), default="both")
    args = ap.parse_args()
    bank = default_bank()
    loaded = load_bank(bank).loaded if bank else None
    assert loaded is not None
    qids = [q.id for q in loaded.bank.questions]
    results: dict[str, dict[str, Any]] = {}
    if args.engine in ("both", "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            results["SQLite"] = measure(Sqlite(str(Path(tmp) / "r.sqlite3")), args, qids)
    if args.engine in ("both", "postgres"):
        with postgres_database() as url:
            if url is not None:
                results["PostgreSQL"] = measure(Postgres(url), args, qids)
    for name, m in results.items():
        show(name, m, args)
    if len(results) == 2:
        lite, pg = results["SQLite"], results["PostgreSQL"]
        print(
            f"PostgreSQL / SQLite: save {pg['save'] / lite['save']:.2f}×, "
            f"report {pg['report'] / lite['report']:.2f}×"
        )
    ok = all(m["save"] <= 5 and m["report"] <= 1 for m in results.values())
    print("OK" if ok else "SLOWER THAN TARGET")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
