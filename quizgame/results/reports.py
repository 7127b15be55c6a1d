"""Class reports from stored answers: pure functions over rows, no database, no terminal.

Definitions (docs/teachers.md §5 explains them for teachers):
- A question's *score* in a game is the `fraction` of its last attempt in that game (the attempt
  that counted: a retry replaces the earlier try). A game's score is the sum of those attempts'
  points (retry credit, speed and streak bonuses included), exactly as the game showed it.
- Per player (per bank id): every game with at least one answer counts.
- Versions: editing a bank file changes its content hash; answers to every version of one bank id
  are reported together (question ids are stable), and a question that changed is marked: one
  answered in some versions only, or one where the same answer was marked differently in two
  versions (its key was changed).
- Class analysis of one bank (all its versions): each player counts once, with
  their *analysed game*: the first finished (or fully answered) game. This is Moodle's default
  "first attempt": later replays, after the feedback showed the answers, would inflate the figures.
  Games left unfinished (abandoned, or still in progress) are shown as such but left out of class
  statistics: a game quit after one answer says nothing about the other questions.
- Standard deviation: of analysed-game percentages (sample SD, n − 1). Reliability: Cronbach's
  alpha over the question scores of analysed games (equal to KR-20 when every question is right or
  wrong); it needs at least 3 players and 2 questions.
- Facility index: mean question score over analysed games (0 = nobody, 1 = everybody right).
  First-try facility: the same over first attempts only.
- Discrimination index D: players ranked by analysed-game percentage (ties broken by name);
  D = mean question score of the top 27 % minus that of the bottom 27 % (group size
  round(0.27 n), at least 1). Also the item–rest correlation r (point-biserial with partial
  credit): Pearson's r between the question score and the player's points on the *other*
  questions. Both need at least 3 players.
- Answer distribution and most-chosen wrong answer: first attempts in analysed games; answers
  differing only in case or spacing are counted together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from quizgame.results.class_statistics import histogram
from quizgame.results.item_analysis import analysed_games, last_attempts, version_report
from quizgame.results.report_rows import (
    AnswerCount,
    BankMeta,
    GameScore,
    HistogramBin,
    ItemRow,
    OptionCount,
    PlayerRow,
    QuestionMeta,
    Report,
    SkillRow,
    VersionReport,
)
from quizgame.results.store import StoredAnswer, StoredGame

# The report's rows and helpers stay importable from here, where callers have always found them.
__all__ = [
    "AnswerCount",
    "BankMeta",
    "GameScore",
    "HistogramBin",
    "ItemRow",
    "OptionCount",
    "PlayerRow",
    "QuestionMeta",
    "Report",
    "SkillRow",
    "VersionReport",
    "analysed_games",
    "build_report",
    "histogram",
]


# --- building ----------------------------------------------------------------------------------


def build_report(
    games: Iterable[StoredGame],
    answers: Iterable[StoredAnswer],
    banks: Mapping[str, BankMeta] | None = None,
    *,
    player: str | None = None,
) -> Report:
    """Everything the results command and the teacher view show.

    `banks` maps bank id → what the bank file says (prompts, tags); without it, skills are empty
    and a note says so. `player` keeps only that player's per-player rows; class figures still
    cover the whole class, so one student can be read against it.
    """
    banks = banks or {}
    by_game: dict[str, list[StoredAnswer]] = defaultdict(list)
    n_answers = 0
    for a in answers:
        by_game[a.game_id].append(a)
        n_answers += 1
    game_rows = {g.game_id: g for g in games}
    scores = [_game_score(gid, rows, game_rows.get(gid)) for gid, rows in by_game.items()]
    scores.sort(key=lambda s: (s.started, s.game_id))

    players = _player_rows(scores)
    mine = [a for rows in by_game.values() for a in rows]
    if player is not None:
        players = [p for p in players if p.player == player]
        scores_shown = [s for s in scores if s.player == player]
        mine = [a for a in mine if a.player == player]
    else:
        scores_shown = scores
    start = {s.game_id: (s.started, s.game_id) for s in scores}
    mine.sort(key=lambda a: (a.bank_id, a.player.casefold(), start[a.game_id], a.answered_at))

    by_bank: dict[str, list[GameScore]] = defaultdict(list)
    for s in scores:  # in start order: the last game's hash is the latest version
        by_bank[s.bank_id].append(s)
    versions = [
        version_report(
            (bank_id, vscores[-1].bank_hash), vscores, by_game, banks.get(bank_id), player
        )
        for bank_id, vscores in sorted(by_bank.items())
    ]
    return Report(
        tuple(players),
        tuple(versions),
        len(scores),
        n_answers,
        game_rows=tuple(scores_shown),
        responses=tuple(mine),
    )


def _game_score(game_id: str, rows: Sequence[StoredAnswer], game: StoredGame | None) -> GameScore:
    last = last_attempts(rows)
    score = sum(a.points for a in last.values())
    seconds = sum(a.seconds for a in rows)
    first = rows[0]
    if game is None:  # the game row was lost (its start failed): rebuild what we can
        max_answered = sum(a.max_points for a in last.values())
        return GameScore(
            game_id,
            first.player,
            first.bank_id,
            first.bank_hash,
            first.bank_id,
            "",
            "playing",
            min(a.answered_at for a in rows),
            score,
            max_answered,
            len(last),
            0,
            seconds,
        )
    return GameScore(
        game_id,
        game.player,
        game.bank_id,
        game.bank_hash,
        game.bank_title,
        game.mode,
        game.status,
        game.started,
        round(score, 4),
        game.max_score,
        len(last),
        game.question_count,
        seconds,
    )


def _player_rows(scores: Sequence[GameScore]) -> list[PlayerRow]:
    grouped: dict[tuple[str, str], list[GameScore]] = defaultdict(list)
    for s in scores:  # already in start order
        grouped[(s.player, s.bank_id)].append(s)
    rows = []
    for (player, bank_id), games in grouped.items():
        last = games[-1]
        done = [g for g in games if g.complete]
        best = max(done or games, key=lambda g: (g.percent, g.started))
        rows.append(
            PlayerRow(
                player,
                bank_id,
                last.bank_title,
                len(games),
                last.score,
                last.max_score,
                last.percent,
                best.score,
                best.max_score,
                best.percent,
                sum(g.seconds for g in games),
                last.started,
                last.state,
                last.answered,
                last.question_count,
                last.mode,
                len(done),
            )
        )
    rows.sort(key=lambda r: (r.bank_id, r.player.casefold(), r.player))
    return rows
