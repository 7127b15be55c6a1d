"""The reports teachers asked for (issue 16): spread and reliability, abandoned games, the mode of
each game, every response per student, select-all options and match pairs counted, output fit for
people and pipes."""

from __future__ import annotations

import json
import shutil
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quizgame.bank.loaded import LoadedBank
from quizgame.bank.loader import load_bank
from quizgame.bank.models import Mode
from quizgame.cli import main
from quizgame.game.records import AnswerRecord, GameInfo
from quizgame.game.scoring import Outcome
from quizgame.game.session import GameSession
from quizgame.results import open_sink, open_store
from quizgame.results.banks import resolve_banks
from quizgame.results.reports import Report, build_report
from quizgame.results.sqlite_store import SqliteStore
from quizgame.tui.widgets.teacher_question_detail import distribution_bars
from tests.conftest import BUNDLED_BANK
from tests.results.fixtures import BANK_ID, META


def _report(db: Path, banks: dict[str, Any] | None = None) -> Report:
    s = SqliteStore(db, create=False)
    try:
        return build_report(s.games(), s.answers(), banks if banks is not None else {BANK_ID: META})
    finally:
        s.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["results", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def play(
    loaded: LoadedBank, db: Path | str, player: str, answers: dict[str, Callable[[Any], Any]]
) -> None:
    """A finished game: the given questions answered, every other one timed out."""
    session = GameSession(loaded, player=player, sink=open_sink(db), mode="exam")
    while (pq := session.current) is not None:
        if pq.id in answers:
            session.submit(answers[pq.id](pq))
        else:
            session.time_up()
        session.next()


def test_standard_deviation_and_cronbachs_alpha_by_hand(class_db: Path) -> None:
    (v,) = _report(class_db).versions
    # first games: A 3/3, B 1.5/3, C 2/3, D 1/3, E 0.5/3
    assert v.sd_percent == pytest.approx(statistics.stdev([100, 50, 200 / 3, 100 / 3, 50 / 3]))
    # question scores (A..E): q1 1,1,1,0,0; q2 1,1,0,1,0; q3 1,0,1,0,.5 → item variances
    # .24 + .24 + .2 = .68, total-score variance .76, alpha = 3/2 × (1 − .68/.76)
    assert v.alpha == pytest.approx(1.5 * (1 - 0.68 / 0.76))


def _abandon(db: Path, game: str, player: str) -> None:
    s = SqliteStore(db)
    s.start_game(GameInfo(game, player, BANK_ID, "hash0001", "A tiny quiz", Mode.EXAM, 3, 3.0, 2e9))
    s.record_answer(
        AnswerRecord(
            game,
            player,
            BANK_ID,
            "hash0001",
            "q1",
            "choice",
            "Rome",
            "Rome",
            Outcome.WRONG,
            0.0,
            0.0,
            1.0,
            4.0,
            1,
            True,
            2e9 + 4,
        )
    )
    s.finish_game(game, 0.0, 3.0, False, 2e9 + 5)
    s.close()


def test_abandoned_games_are_shown_as_such_and_left_out_of_class_statistics(
    class_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _report(class_db)
    _abandon(class_db, "g-a3", "A")  # A's replay, quit after one answer
    _abandon(class_db, "g-f1", "F")  # F only ever quit
    after = _report(class_db)
    (v0,), (v1,) = before.versions, after.versions
    assert (v1.players, v1.mean_percent, v1.sd_percent) == (5, v0.mean_percent, v0.sd_percent)
    assert [i.facility for i in v1.items] == [i.facility for i in v0.items]
    assert v1.unfinished == 2 and any("2 unfinished game(s)" in n for n in v1.notes)
    a = next(p for p in after.players if p.player == "A")
    assert (a.last_state, a.last_answered, a.last_questions) == ("abandoned", 1, 3)
    code, out, _ = run(capsys, "--db", str(class_db), "--report", "players")
    assert code == 0 and "abandoned at 1/3" in out and "0/3 (0%)" not in out  # F: no score
    code, out, _ = run(capsys, "--db", str(class_db), "--report", "games", "--format", "json")
    games = {g["game_id"]: g for g in json.loads(out)["games"]}
    assert (games["g-a3"]["status"], games["g-a3"]["mode"]) == ("abandoned", "exam")
    assert (games["g-a1"]["status"], games["g-a1"]["mode"]) == ("finished", "practice")
    code, out, _ = run(capsys, "--db", str(class_db), "--report", "games")
    assert "abandoned" in out and "practice" in out and "exam" in out


MACRON = "macron-position"
MATCH = "who-said-what"


def test_select_all_options_and_match_pairs_are_counted(
    tmp_path: Path, loaded_bank: LoadedBank
) -> None:
    db = tmp_path / "r.sqlite3"
    q = {x.id: x for x in loaded_bank.bank.questions}
    macron_right = list(q[MACRON].answers)  # type: ignore[union-attr]
    pairs = {p.left: p.right for p in q[MATCH].pairs}  # type: ignore[union-attr]
    lefts = list(pairs)
    swapped = dict(pairs, **{lefts[0]: pairs[lefts[1]], lefts[1]: pairs[lefts[0]]})
    play(loaded_bank, db, "kim", {MACRON: lambda pq: set(macron_right), MATCH: lambda pq: pairs})
    play(loaded_bank, db, "lee", {MACRON: lambda pq: {macron_right[0]}, MATCH: lambda pq: swapped})
    play(loaded_bank, db, "max", {MACRON: lambda pq: {pq.choices[1]}, MATCH: lambda pq: pairs})
    s = open_store(db, create=False)
    report = build_report(s.games(), s.answers(), resolve_banks({loaded_bank.bank_id}))
    s.close()
    (v,) = report.versions
    items = {i.question_id: i for i in v.items}
    options = {o.label: (o.count, o.of, o.right) for o in items[MACRON].option_counts}
    assert options[macron_right[0]] == (2, 3, True)  # kim and lee
    assert options[macron_right[1]] == (1, 3, True)
    assert options[q[MACRON].choices[1].text] == (1, 3, False)  # type: ignore[union-attr]
    made = {o.label: (o.count, o.right) for o in items[MATCH].option_counts}
    assert made[f"{lefts[0]} → {pairs[lefts[0]]}"] == (2, True)
    assert made[f"{lefts[0]} → {pairs[lefts[1]]}"] == (1, False)
    assert made[f"{lefts[2]} → {pairs[lefts[2]]}"] == (3, True)
    bars = distribution_bars(items[MATCH])  # pair by pair: no two bars read alike
    assert len({b.label for b in bars}) == len(bars) > 4


def test_responses_report_every_attempt_per_student(
    class_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(class_db), "--report", "responses", "--format", "csv")
    rows = out.strip().splitlines()
    assert code == 0 and len(rows) == 1 + 19  # header + every attempt, retries and replays
    b_q2 = [r for r in rows if r.startswith("B,") and ",q2," in r]
    assert len(b_q2) == 2 and ",x,wrong," in b_q2[0] and ",z,correct," in b_q2[1]
    code, out, _ = run(
        capsys, "--db", str(class_db), "--report", "responses", "--format", "json", "--player", "B"
    )
    data = json.loads(out)
    assert [(r["question_id"], r["attempt"], r["points"]) for r in data["responses"]] == [
        ("q1", 1, 1.0), ("q2", 1, 0.0), ("q2", 2, 0.5), ("q3", 1, 0.0),
    ]  # fmt: skip
    assert data["responses"][1]["response"] == ["x"] and data["responses"][0]["mode"] == "practice"
    code, out, _ = run(capsys, "--db", str(class_db), "--report", "responses")
    assert "Responses — B — quiz" in out and "◐ partly" in out


def test_match_responses_are_shown_pair_by_pair(
    tmp_path: Path, loaded_bank: LoadedBank, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "r.sqlite3"
    pairs = {p.left: p.right for p in {q.id: q for q in loaded_bank.bank.questions}[MATCH].pairs}  # type: ignore[union-attr]
    play(loaded_bank, db, "kim", {MATCH: lambda pq: pairs})
    _, out, _ = run(capsys, "--db", str(db), "--report", "responses", "--format", "json")
    (match,) = [r for r in json.loads(out)["responses"] if r["question_id"] == MATCH]
    assert match["response"] == sorted(f"{left} → {right}" for left, right in pairs.items())


def test_players_report_has_no_bank_heading(
    class_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(class_db), "--report", "players")
    assert code == 0 and "Players" in out
    assert (
        "quiz @ " not in out
        and "class mean" not in out
        and "A tiny quiz" not in out.split("Players")[0]
    )


def test_piped_output_keeps_its_full_width(
    class_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = "Maximilian " + "Alexander-" * 12 + "Smith"
    s = SqliteStore(class_db)
    s.start_game(
        GameInfo("g-long", long_name, BANK_ID, "hash0001", "A tiny quiz", Mode.EXAM, 3, 3.0, 3e9)
    )
    s.close()
    _abandon(class_db, "g-long", long_name)
    code, out, _ = run(capsys, "--db", str(class_db), "--report", "players")
    assert code == 0 and long_name in out  # on one line, not cut at 80 columns
    assert max(len(line) for line in out.splitlines()) > 120


def test_json_numbers_are_rounded_for_people(
    class_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "--db", str(class_db), "--format", "json")
    data = json.loads(out)
    (bank,) = data["banks"]
    assert bank["mean_percent"] == 53.3 and bank["sd_percent"] == 32.1

    def floats(value: Any) -> list[float]:
        if isinstance(value, float):
            return [value]
        if isinstance(value, dict):
            return [f for v in value.values() for f in floats(v)]
        if isinstance(value, list):
            return [f for v in value for f in floats(v)]
        return []

    assert all(round(f, 3) == f for f in floats(data))


def test_teacher_bank_option_supplies_prompts_and_evidence(tmp_path: Path) -> None:
    from quizgame.tui.screens.teacher_screen import load_results

    own = tmp_path / "elsewhere"
    own.mkdir()
    for f in BUNDLED_BANK.parent.glob(BUNDLED_BANK.stem + ".*"):  # the bank and its article
        shutil.copy(f, own / f.name)
    (own / BUNDLED_BANK.name).rename(own / "my-bank.yaml")
    loaded = load_bank(own / "my-bank.yaml").loaded
    assert loaded is not None and loaded.bank_id == "my-bank"
    db = tmp_path / "r.sqlite3"
    play(loaded, db, "kim", {})
    without = load_results(str(db)).report
    with_bank = load_results(str(db), [own / "my-bank.yaml"]).report
    assert without is not None and with_bank is not None
    assert not without.versions[0].items[0].evidence
    assert with_bank.versions[0].items[0].evidence and with_bank.versions[0].items[0].prompt


def test_versions_of_one_bank_are_reported_together_with_changes_marked(
    class_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = SqliteStore(class_db)
    info = GameInfo("g-f1", "F", BANK_ID, "hash0002", "A tiny quiz", Mode.EXAM, 2, 2.0, 2e9)
    s.start_game(info)
    for n, (qid, text, outcome) in enumerate(
        [("q1", "Paris", Outcome.CORRECT), ("q4", "new", Outcome.CORRECT)]
    ):  # the key of q1 was changed to Paris (marked wrong in the first version); q4 is new
        fields = (
            "g-f1", "F", BANK_ID, "hash0002", qid, "choice", text, text, outcome,
            1.0, 1.0, 1.0, 5.0, 1, True, 2e9 + n,
        )  # fmt: skip
        s.record_answer(AnswerRecord(*fields))
    s.finish_game("g-f1", 2.0, 2.0, True, 2e9 + 10)
    s.close()
    (v,) = _report(class_db).versions  # one bank, not two unrelated ones
    assert v.hashes == ("hash0001", "hash0002") and v.bank_hash == "hash0002"
    assert v.players == 6 and "(+1 earlier version)" in v.label
    changed = {i.question_id: i.changed for i in v.items}
    assert changed["q1"].startswith("changed: the same answer was marked differently")
    assert changed["q4"] == "new in a later version"
    assert (
        changed["q3"] == "not in the latest version"
        and changed["q2"] == "not in the latest version"
    )
    code, out, _ = run(capsys, "--db", str(class_db), "--report", "questions")
    assert code == 0 and "q1 *" in out and "* q4: new in a later version" in out
