"""Per-bank class analysis: the item rows (facility, discrimination, answer distribution),
skills and version changes of one bank, from the analysed game of each player.

The definitions are in quizgame.results.reports' docstring.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from quizgame.results.class_statistics import (
    MIN_PLAYERS_FOR_DISCRIMINATION,
    cronbach_alpha,
    histogram,
    mean_of,
    pearson_r,
)
from quizgame.results.report_rows import (
    AnswerCount,
    BankMeta,
    GameScore,
    ItemRow,
    OptionCount,
    QuestionMeta,
    SkillRow,
    VersionReport,
)
from quizgame.results.store import StoredAnswer

GROUP_SHARE = 0.27
TIMED_OUT_JSON = "null"


def last_attempts(rows: Sequence[StoredAnswer]) -> dict[str, StoredAnswer]:
    """Per question, the attempt that counted: the last one (highest attempt number)."""
    last: dict[str, StoredAnswer] = {}
    for a in rows:
        prev = last.get(a.question_id)
        if prev is None or a.attempt >= prev.attempt:
            last[a.question_id] = a
    return last


def analysed_games(scores: Sequence[GameScore]) -> dict[str, GameScore]:
    """Per player, the one game class analysis uses: their first complete one."""
    chosen: dict[str, GameScore] = {}
    for s in sorted(scores, key=lambda s: (s.started, s.game_id)):
        if s.complete and s.player not in chosen:
            chosen[s.player] = s
    return chosen


def _norm_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def version_report(
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
        for qid, a in last_attempts(rows).items():
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
        mu, ml = mean_of(up), mean_of(low)
        d = mu - ml if (k and mu is not None and ml is not None) else None
        rest = [s.score - a.points for s, a in finals]
        r = pearson_r(item_scores, rest)
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
                mean_of(item_scores),
                mean_of([a.fraction for a in firsts]),
                d,
                r,
                top.response if top else None,
                top.count if top else 0,
                mean_of(secs),
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
        mean_of(percents),
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
        class_mean = mean_of(list(player_means.values()))  # each player weighs the same
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
