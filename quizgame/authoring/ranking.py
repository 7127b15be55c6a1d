"""Choosing the draft from the candidates: the best questions, varied, no sentence asked twice.

Greedy by score, with three pressures: the first question is the most important one that touches
the headline; each further question of a type already chosen counts for less (a quiz of ten
who-said questions tests one skill); and a question may not reuse a sentence another question
already asks about, nor ask about the same statement again. Ties break on the question id, so the
result is the same on every run.
"""

from __future__ import annotations

import random
import re

from quizgame.authoring.candidates import Candidate
from quizgame.bank.models import GAP, gap_answers

_TYPE_DECAY = 0.55
_SPEAKER_DECAY = 0.75  # a draft about everyone quoted, not five questions on one speaker
# the first question asks who took the article's main position, or what the main event was
_LEADS = frozenset({"stance", "evidence", "short", "event"})
_ONCE = frozenset({"match", "multi", "evidence"})


def target_count(body_words: int) -> int:
    """About one question per 45 words of body text: 8–12 for a 500-word article."""
    return max(4, min(15, round(body_words / 45)))


# the order types are first offered in, so a short draft still mixes skills
_VARIETY = ("stance", "match", "multi", "who-said", "evidence", "false", "short", "event", "true")


def _cap(maker: str, count: int) -> int:
    """At most this many of one type: a draft of true statements teaches little."""
    if maker in _ONCE:
        return 1
    if maker in ("true", "short"):
        return 2
    if maker in ("false", "event"):
        return max(1, count // 4)
    return count


def select(cands: list[Candidate], count: int) -> list[Candidate]:
    pool = sorted(cands, key=lambda c: (-c.score, c.question["id"]))
    chosen: list[Candidate] = []
    used_sentences: set[tuple[str, int]] = set()
    used_subjects: set[int] = set()
    per_type: dict[str, int] = {}
    per_speaker: dict[str, int] = {}

    def free(c: Candidate) -> bool:
        if c.sentences & used_sentences or c.subjects & used_subjects:
            return False
        if any(_gives_away(c, other) or _gives_away(other, c) for other in chosen):
            return False
        if c.maker == "event" and any(
            o.maker == "event" and o.speaker == c.speaker for o in chosen
        ):
            return False
        if per_type.get(c.maker, 0) >= _cap(c.maker, count):
            return False
        return not c.speaker or per_speaker.get(c.speaker, 0) < max(2, count // 3)

    def take(c: Candidate) -> None:
        chosen.append(c)
        used_sentences.update(c.sentences)
        used_subjects.update(c.subjects)
        per_type[c.maker] = per_type.get(c.maker, 0) + 1
        if c.speaker:
            per_speaker[c.speaker] = per_speaker.get(c.speaker, 0) + 1

    # the most important question first (it usually touches the headline), then one of each type
    if pool:
        lead = [c for c in pool if c.maker in _LEADS]
        take(lead[0] if lead else pool[0])
    for maker in _VARIETY:
        if len(chosen) >= count:
            break
        best = next((c for c in pool if c.maker == maker and free(c)), None)
        if best is not None and maker not in per_type:
            take(best)
    while len(chosen) < count:
        best, best_score = None, float("-inf")
        for c in pool:
            if not free(c):
                continue
            score = c.score * (_TYPE_DECAY ** per_type.get(c.maker, 0))
            score *= _SPEAKER_DECAY ** per_speaker.get(c.speaker, 0) if c.speaker else 1.0
            if score > best_score:
                best, best_score = c, score
        if best is None:
            break
        take(best)
    return _in_reading_order(chosen)


def _names_in(answer: str) -> list[str]:
    return [w.strip(".,'’") for w in answer.split() if len(w) > 3 and w[:1].isupper()]


def _gives_away(asker: Candidate, answered: Candidate) -> bool:
    """Whether `asker`'s question names the person an event question asks students to find
    (`pray for Mayor Adamowicz` answers `who was stabbed?`)."""
    if answered.maker != "event":
        return False  # naming a speaker elsewhere does not tell who said a quotation
    key = answered.question.get("answer")
    if "text" in answered.question:  # a cloze: its key is the words in its gap
        key = next(iter(gap_answers(str(answered.question["text"]))), None)
    if answered.maker != "event" or not isinstance(key, str):
        return False  # naming a speaker elsewhere does not tell who said a quotation
    q = asker.question
    shown = [str(q["prompt"]), *map(str, q.get("choices", []))]
    shown.append(GAP.sub(" ", str(q.get("text", ""))))  # a cloze shows its text, gaps blank
    shown += [str(p["left"]) for p in q.get("pairs", [])]
    text = " ".join(shown)
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in _names_in(key))


def _in_reading_order(chosen: list[Candidate]) -> list[Candidate]:
    """A quiz follows the article, except that the most important question comes first."""
    if not chosen:
        return chosen
    top = max(chosen, key=lambda c: (c.importance, c.score))
    rest = sorted(
        (c for c in chosen if c is not top),
        key=lambda c: (min((_order(s) for s in c.sentences), default=(999, 0)), c.question["id"]),
    )
    return [top, *rest]


def _order(key: tuple[str, int]) -> tuple[int, int]:
    pid, start = key
    return int(pid[1:]) if pid[1:].isdigit() else 999, start


def place_keys(questions: list[dict[str, object]], seed: int, salt: str = "") -> None:
    """Put each choice question's answer in a balanced, seeded position among its options, with
    distractors in a seeded order: no position (and no length rank) gives the answer away."""
    # seeded per article too, so the first answer of every draft does not sit in one place
    rng = random.Random(f"{seed}\x1f{salt}")
    used: dict[int, int] = {}
    for q in questions:
        if q["type"] not in ("choice", "evidence"):
            if q["type"] == "multi":
                opts = list(q["choices"])  # type: ignore[call-overload]
                rng.shuffle(opts)
                q["choices"] = opts
            continue
        key = q["answer"]
        others = [c for c in q["choices"] if c != key]  # type: ignore[attr-defined]
        rng.shuffle(others)
        n = len(others) + 1
        # the least-used position so far, ties broken by the seed: answers spread evenly
        fewest = min(used.get(p, 0) for p in range(n))
        pos = rng.choice([p for p in range(n) if used.get(p, 0) == fewest])
        used[pos] = used.get(pos, 0) + 1
        q["choices"] = [*others[:pos], key, *others[pos:]]
        part_b = q.get("part_b")
        if isinstance(part_b, dict):
            b_key = part_b["answer"]
            b_others = [c for c in part_b["choices"] if c != b_key]
            rng.shuffle(b_others)
            b_pos = rng.randrange(len(b_others) + 1)
            part_b["choices"] = [*b_others[:b_pos], b_key, *b_others[b_pos:]]
