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

import json
import math
import statistics
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
    right_options: tuple[str, ...] = ()  # select-all: the right options; match: "left → right"


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

    @property
    def state(self) -> str:
        """finished / abandoned (quit) / unfinished (killed, or still being played)."""
        if self.complete:
            return "finished"
        return "abandoned" if self.status == "abandoned" else "unfinished"


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
    last_state: str = "finished"  # GameScore.state of the last game
    last_answered: int = 0
    last_questions: int = 0
    last_mode: str = ""
    completed: int = 0  # finished games: "best" is the best of these


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
    changed: str = ""  # how the question differs between bank versions; "" when it does not
    # select-all: how many chose each option; match: each pair (left → chosen right). First tries.
    option_counts: tuple[OptionCount, ...] = ()


@dataclass(frozen=True)
class OptionCount:
    label: str  # an option, or "left → right" for a match pair
    count: int
    of: int  # answers counted (first tries in analysed games)
    right: bool | None = None  # None: the bank file was not found


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
    sd_percent: float | None = None
    alpha: float | None = None  # Cronbach's alpha (KR-20 for right/wrong questions)
    unfinished: int = 0  # games left out of class statistics (abandoned or unfinished)
    hashes: tuple[str, ...] = ()  # every version's content hash, oldest first

    @property
    def label(self) -> str:
        more = len(self.hashes) - 1
        earlier = f" (+{more} earlier version{'s' if more > 1 else ''})" if more > 0 else ""
        return f"{self.bank_id} @ {self.bank_hash[:8]}{earlier}"


@dataclass(frozen=True)
class Report:
    players: tuple[PlayerRow, ...]
    versions: tuple[VersionReport, ...]
    games: int
    answers: int
    notes: tuple[str, ...] = field(default=())
    game_rows: tuple[GameScore, ...] = ()  # every game, in start order (the Games section)
    responses: tuple[StoredAnswer, ...] = ()  # every attempt, for the Responses report


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
        _version_report(
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


def analysed_games(scores: Sequence[GameScore]) -> dict[str, GameScore]:
    """Per player, the one game class analysis uses: their first complete one."""
    chosen: dict[str, GameScore] = {}
    for s in sorted(scores, key=lambda s: (s.started, s.game_id)):
        if s.complete and s.player not in chosen:
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

    hashes = tuple(dict.fromkeys(s.bank_hash for s in vscores))
    changed = _changed_questions(vscores, by_game, hashes)
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
        options = option_counts(qmeta.type if qmeta else types.get(qid, ""), firsts, qmeta)
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
                changed.get(qid, ""),
                options,
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
    unfinished = sum(1 for s in vscores if not s.complete)
    if unfinished:
        notes.append(
            f"{unfinished} unfinished game(s) (abandoned or still being played) are left out "
            "of class statistics"
        )
    alpha = cronbach_alpha(_item_matrix(qids, last_by_q, chosen))
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
        statistics.stdev(percents) if len(percents) >= 2 else None,
        alpha,
        unfinished,
        hashes,
    )


def _changed_questions(
    vscores: Sequence[GameScore],
    by_game: Mapping[str, Sequence[StoredAnswer]],
    hashes: Sequence[str],
) -> dict[str, str]:
    """Question id → how it changed between versions (only when there are several)."""
    if len(hashes) < 2:
        return {}
    seen_in: dict[str, set[str]] = defaultdict(set)
    marks: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # (qid, answer) → hash → mark
    for s in vscores:
        for a in by_game[s.game_id]:
            seen_in[a.question_id].add(a.bank_hash)
            if a.response_json != TIMED_OUT_JSON:
                marks[(a.question_id, _norm_key(a.response_text))][a.bank_hash] = a.outcome
    out: dict[str, str] = {}
    for (qid, _), by_hash in marks.items():
        if len(set(by_hash.values())) > 1:
            out[qid] = "changed: the same answer was marked differently in another version"
    latest, first = hashes[-1], hashes[0]
    for qid, where in seen_in.items():
        if qid in out:
            continue
        if latest not in where:
            out[qid] = "not in the latest version"
        elif first not in where:
            out[qid] = "new in a later version"
    return out


def _item_matrix(
    qids: Sequence[str],
    last_by_q: Mapping[str, Sequence[tuple[GameScore, StoredAnswer]]],
    chosen: Mapping[str, GameScore],
) -> list[list[float]]:
    """Per analysed player, their score on each question (0 for one they did not answer)."""
    by_player: dict[str, dict[str, float]] = defaultdict(dict)
    for qid in qids:
        for s, a in last_by_q.get(qid, ()):
            by_player[s.player][qid] = a.fraction
    return [[by_player[p].get(q, 0.0) for q in qids] for p in sorted(chosen)]


def _pvariance(values: Sequence[float]) -> float:
    """Population variance in plain floats (statistics.pvariance is exact, and slow)."""
    mean = sum(values) / len(values)
    return sum((v - mean) ** 2 for v in values) / len(values)


def cronbach_alpha(matrix: Sequence[Sequence[float]]) -> float | None:
    """Cronbach's alpha of a players × questions score matrix (KR-20 for 0/1 scores)."""
    n = len(matrix)
    k = len(matrix[0]) if matrix else 0
    if n < MIN_PLAYERS_FOR_DISCRIMINATION or k < 2:
        return None
    item_var = sum(_pvariance([row[j] for row in matrix]) for j in range(k))
    total_var = _pvariance([sum(row) for row in matrix])
    if total_var <= 1e-12:
        return None
    return (k / (k - 1)) * (1 - item_var / total_var)


def option_counts(
    qtype: str, firsts: Sequence[StoredAnswer], meta: QuestionMeta | None
) -> tuple[OptionCount, ...]:
    """Select-all: how many chose each option; match: how many made each pair (first tries)."""
    if qtype not in ("multi", "match"):
        return ()
    counts: Counter[str] = Counter()
    of = 0
    for a in firsts:
        try:
            response = json.loads(a.response_json)
        except ValueError:
            continue
        if qtype == "multi" and isinstance(response, list):
            counts.update(set(map(str, response)))
        elif qtype == "match" and isinstance(response, dict):
            counts.update(f"{left} → {right}" for left, right in response.items())
        else:
            continue  # timed out: no choice made
        of += 1
    right = set(meta.right_options) if meta and meta.right_options else None
    labels = list(meta.right_options) if meta else []
    labels += sorted((c for c in counts if c not in labels), key=lambda c: (-counts[c], c))
    return tuple(
        OptionCount(c, counts[c], of, None if right is None else c in right) for c in labels
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
