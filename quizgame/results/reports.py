"""Class reports from stored answers: pure functions over rows, no database, no terminal.

Definitions (docs/teachers.md §5 explains them for teachers):
- A question's *score* in a game is the `fraction` of its last attempt in that game (the attempt
  that counted: a retry replaces the earlier try). A game's score is the sum of those attempts'
  points (retry credit, speed and streak bonuses included), exactly as the game showed it.
- Per player (per bank id): every game with at least one answer counts.
- Class analysis of one bank *version* (bank id + content hash): each player counts once, with
  their *analysed game*: the first finished (or fully answered) game, else their first game with
  any answer. This is Moodle's default "first attempt": later replays, after the feedback showed
  the answers, would inflate the figures.
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

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from quizgame.results.store import StoredAnswer, StoredGame

MIN_PLAYERS_FOR_DISCRIMINATION = 3
GROUP_SHARE = 0.27
HISTOGRAM_BINS = 10
TIMED_OUT_JSON = "null"


# --- what the bank says about its questions (optional: reports work without it) -----------------


@dataclass(frozen=True)
class QuestionMeta:
    id: str
    type: str
    prompt: str
    tags: tuple[str, ...] = ()
    right_answer: str = ""
    evidence: tuple[str, ...] = ()  # the quotes that prove the answer
    points: float = 1.0


@dataclass(frozen=True)
class BankMeta:
    bank_id: str
    content_hash: str
    title: str
    questions: tuple[QuestionMeta, ...]
    source: str = ""  # where the bank file was found, for the report's notes

    def question(self, qid: str) -> QuestionMeta | None:
        for q in self.questions:
            if q.id == qid:
                return q
        return None


# --- report rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GameScore:
    game_id: str
    player: str
    bank_id: str
    bank_hash: str
    bank_title: str
    mode: str
    status: str
    started: float
    score: float
    max_score: float
    answered: int
    question_count: int
    seconds: float

    @property
    def percent(self) -> float:
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def complete(self) -> bool:
        return self.status == "finished" or (
            self.question_count > 0 and self.answered >= self.question_count
        )


@dataclass(frozen=True)
class PlayerRow:
    player: str
    bank_id: str
    bank_title: str
    games: int
    last_score: float
    last_max: float
    last_percent: float
    best_score: float
    best_max: float
    best_percent: float
    seconds: float  # time spent answering, all games
    last_played: float


@dataclass(frozen=True)
class AnswerCount:
    response: str
    count: int
    outcome: str  # correct / partial / wrong
    timed_out: bool = False


@dataclass(frozen=True)
class ItemRow:
    bank_id: str
    bank_hash: str
    question_id: str
    question_type: str
    prompt: str
    tags: tuple[str, ...]
    answered: int  # players whose analysed game answered it
    attempts: int  # every try at it, all games, retries and replays included
    facility: float | None
    first_try: float | None
    discrimination: float | None  # D, upper minus lower 27 %
    item_rest_r: float | None
    top_wrong: str | None
    top_wrong_count: int
    mean_seconds: float | None
    distribution: tuple[AnswerCount, ...]
    right_answer: str = ""
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class SkillRow:
    bank_id: str
    bank_hash: str
    tag: str
    player: str | None  # None: the class
    questions: int
    answers: int
    mean: float | None


@dataclass(frozen=True)
class HistogramBin:
    low: int  # percent, inclusive
    high: int  # percent, exclusive (the last bin includes 100)
    count: int

    @property
    def label(self) -> str:
        return f"{self.low}–{self.high}%" if self.high == 100 else f"{self.low}–{self.high - 1}%"


@dataclass(frozen=True)
class VersionReport:
    """Class analysis of one bank version."""

    bank_id: str
    bank_hash: str
    bank_title: str
    players: int
    games: int
    answers: int
    mean_percent: float | None
    items: tuple[ItemRow, ...]
    skills: tuple[SkillRow, ...]
    histogram: tuple[HistogramBin, ...]
    notes: tuple[str, ...] = ()
    last_played: float = 0.0  # when the latest game of this version started

    @property
    def label(self) -> str:
        return f"{self.bank_id} @ {self.bank_hash[:8]}"


@dataclass(frozen=True)
class Report:
    players: tuple[PlayerRow, ...]
    versions: tuple[VersionReport, ...]
    games: int
    answers: int
    notes: tuple[str, ...] = field(default=())


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
    if player is not None:
        players = [p for p in players if p.player == player]

    by_version: dict[tuple[str, str], list[GameScore]] = defaultdict(list)
    for s in scores:
        by_version[(s.bank_id, s.bank_hash)].append(s)
    versions = [
        _version_report(key, vscores, by_game, banks.get(key[0]), player)
        for key, vscores in sorted(by_version.items())
    ]
    return Report(tuple(players), tuple(versions), len(scores), n_answers)


def _last_attempts(rows: Sequence[StoredAnswer]) -> dict[str, StoredAnswer]:
    """Per question, the attempt that counted: the last one (highest attempt number)."""
    last: dict[str, StoredAnswer] = {}
    for a in rows:
        prev = last.get(a.question_id)
        if prev is None or a.attempt >= prev.attempt:
            last[a.question_id] = a
    return last


def _game_score(game_id: str, rows: Sequence[StoredAnswer], game: StoredGame | None) -> GameScore:
    last = _last_attempts(rows)
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
        best = max(games, key=lambda g: (g.percent, g.started))
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
            )
        )
    rows.sort(key=lambda r: (r.bank_id, r.player.casefold(), r.player))
    return rows


def analysed_games(scores: Sequence[GameScore]) -> dict[str, GameScore]:
    """Per player, the one game class analysis uses (see the module docstring)."""
    chosen: dict[str, GameScore] = {}
    for s in sorted(scores, key=lambda s: (s.started, s.game_id)):
        prev = chosen.get(s.player)
        if prev is None or (not prev.complete and s.complete):
            chosen[s.player] = s
    return chosen


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < MIN_PLAYERS_FOR_DISCRIMINATION:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)


def _norm_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def _version_report(
    key: tuple[str, str],
    vscores: Sequence[GameScore],
    by_game: Mapping[str, Sequence[StoredAnswer]],
    meta: BankMeta | None,
    player: str | None,
) -> VersionReport:
    bank_id, bank_hash = key
    chosen = analysed_games(vscores)
    # Ranking for D: by analysed-game percentage, best first, ties by name for determinism.
    ranked = sorted(chosen.values(), key=lambda s: (-s.percent, s.player))
    n = len(ranked)
    k = max(1, round(GROUP_SHARE * n)) if n >= MIN_PLAYERS_FOR_DISCRIMINATION else 0
    upper = {s.player for s in ranked[:k]}
    lower = {s.player for s in ranked[n - k :]} if k else set()

    # Per question: (player, last attempt, all attempts) in analysed games.
    last_by_q: dict[str, list[tuple[GameScore, StoredAnswer]]] = defaultdict(list)
    tries_by_q: dict[str, list[StoredAnswer]] = defaultdict(list)
    seconds_by_q: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for s in chosen.values():
        rows = by_game[s.game_id]
        for a in rows:
            tries_by_q[a.question_id].append(a)
            seconds_by_q[a.question_id][s.player] += a.seconds
        for qid, a in _last_attempts(rows).items():
            last_by_q[qid].append((s, a))
    attempts_all: Counter[str] = Counter()
    types: dict[str, str] = {}
    order: dict[str, int] = {}
    for s in vscores:
        for a in by_game[s.game_id]:
            attempts_all[a.question_id] += 1
            types.setdefault(a.question_id, a.question_type)
            order.setdefault(a.question_id, len(order))

    qids = list(order)
    if meta is not None:
        bank_order = {q.id: i for i, q in enumerate(meta.questions)}
        qids.sort(key=lambda q: (bank_order.get(q, len(bank_order)), order[q]))

    items = []
    for qid in qids:
        qmeta = meta.question(qid) if meta else None
        finals = last_by_q.get(qid, [])
        item_scores = [a.fraction for _, a in finals]
        firsts = [a for a in tries_by_q.get(qid, []) if a.attempt == 1]
        up = [a.fraction for s, a in finals if s.player in upper]
        low = [a.fraction for s, a in finals if s.player in lower]
        mu, ml = _mean(up), _mean(low)
        d = mu - ml if (k and mu is not None and ml is not None) else None
        rest = [s.score - a.points for s, a in finals]
        r = _pearson(item_scores, rest)
        dist = _distribution(firsts)
        wrong = [c for c in dist if c.outcome != "correct" and not c.timed_out]
        top = max(wrong, key=lambda c: c.count) if wrong else None
        secs = list(seconds_by_q.get(qid, {}).values())
        items.append(
            ItemRow(
                bank_id,
                bank_hash,
                qid,
                types.get(qid, qmeta.type if qmeta else ""),
                qmeta.prompt if qmeta else "",
                qmeta.tags if qmeta else (),
                len(finals),
                attempts_all[qid],
                _mean(item_scores),
                _mean([a.fraction for a in firsts]),
                d,
                r,
                top.response if top else None,
                top.count if top else 0,
                _mean(secs),
                tuple(dist),
                qmeta.right_answer if qmeta else "",
                qmeta.evidence if qmeta else (),
            )
        )

    notes = []
    skills: list[SkillRow] = []
    if meta is None:
        notes.append(
            f"skills: bank '{bank_id}' was not found — pass --bank PATH to read its question tags"
        )
    else:
        if meta.content_hash != bank_hash:
            notes.append(
                f"the bank file {meta.source or bank_id} has changed since these answers "
                "were given; prompts and tags are taken from the current file"
            )
        skills = _skill_rows(bank_id, bank_hash, meta, last_by_q, player)

    percents = [s.percent for s in chosen.values()]
    title = vscores[-1].bank_title if vscores else bank_id
    return VersionReport(
        bank_id,
        bank_hash,
        meta.title if meta and title == bank_id else title,
        n,
        len(vscores),
        sum(len(by_game[s.game_id]) for s in vscores),
        _mean(percents),
        tuple(items),
        tuple(skills),
        histogram(percents),
        tuple(notes),
        max((s.started for s in vscores), default=0.0),
    )


def _distribution(firsts: Sequence[StoredAnswer]) -> list[AnswerCount]:
    counts: Counter[str] = Counter()
    shown: dict[str, StoredAnswer] = {}
    for a in firsts:
        k = TIMED_OUT_JSON if a.response_json == TIMED_OUT_JSON else _norm_key(a.response_text)
        counts[k] += 1
        shown.setdefault(k, a)
    out = [
        AnswerCount(
            shown[k].response_text,
            c,
            shown[k].outcome,
            timed_out=shown[k].response_json == TIMED_OUT_JSON,
        )
        for k, c in counts.items()
    ]
    out.sort(key=lambda c: (-c.count, c.response.casefold()))
    return out


def _skill_rows(
    bank_id: str,
    bank_hash: str,
    meta: BankMeta,
    last_by_q: Mapping[str, Sequence[tuple[GameScore, StoredAnswer]]],
    player: str | None,
) -> list[SkillRow]:
    tags: dict[str, list[str]] = {}
    for q in meta.questions:
        for t in q.tags:
            tags.setdefault(t, []).append(q.id)
    rows = []
    for tag in sorted(tags, key=str.casefold):
        per_player: dict[str, list[float]] = defaultdict(list)
        for qid in tags[tag]:
            for s, a in last_by_q.get(qid, ()):
                per_player[s.player].append(a.fraction)
        player_means = {p: sum(v) / len(v) for p, v in per_player.items()}
        class_mean = _mean(list(player_means.values()))  # each player weighs the same
        count = sum(len(v) for v in per_player.values())
        rows.append(SkillRow(bank_id, bank_hash, tag, None, len(tags[tag]), count, class_mean))
        for p in sorted(per_player, key=lambda p: (p.casefold(), p)):
            if player is None or p == player:
                rows.append(
                    SkillRow(
                        bank_id,
                        bank_hash,
                        tag,
                        p,
                        len(tags[tag]),
                        len(per_player[p]),
                        player_means[p],
                    )
                )
    return rows


def histogram(percents: Iterable[float], bins: int = HISTOGRAM_BINS) -> tuple[HistogramBin, ...]:
    """Counts of scores in equal percentage bins; 100 % falls in the last bin."""
    width = 100 // bins
    counts = [0] * bins
    for p in percents:
        i = min(max(int(p // width), 0), bins - 1)
        counts[i] += 1
    return tuple(
        HistogramBin(i * width, 100 if i == bins - 1 else (i + 1) * width, c)
        for i, c in enumerate(counts)
    )
