"""What travels: evidence questions become two linked choice questions, and are joined again on import.

Moodle has no two-part type, so an evidence question leaves as `ID-part-a` and `ID-part-b` choice
questions (half the points each) and `quizgame import` joins such a pair back into one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizgame.interop.notes import Imported, Note, QuestionDict
from quizgame.text.ids import unique_ids

PART_A, PART_B = "-part-a", "-part-b"


@dataclass(frozen=True)
class Portable:
    """One question as the exporters see it: a model of a shared type plus its evidence."""

    line: int
    question: (
        Any  # ChoiceQuestion | MultiQuestion | TrueFalseQuestion | ShortQuestion | MatchQuestion
    )
    evidence: tuple[tuple[str, str | None], ...]


def portable_questions(
    loaded: Any, lines: Sequence[int], fmt_name: str
) -> tuple[list[Portable], list[Note]]:
    """The bank's questions in exportable form; an `evidence` question becomes `ID-part-a` and
    `ID-part-b` (the importer joins them again), with one note saying so."""
    from quizgame.bank.models import ChoiceQuestion, Evidence
    from quizgame.game.kinds import kind_of

    out: list[Portable] = []
    notes: list[Note] = []
    for q, line in zip(loaded.bank.questions, lines, strict=False):
        resolved = loaded.evidence.get(q.id, ())
        pairs = tuple(
            (ev.quote, ev.passage or (resolved[i].passage_id if i < len(resolved) else None))
            for i, ev in enumerate(q.evidence)
        )
        if q.type == "cloze":  # its first quote is its own text, which travels anyway
            pairs = pairs[1:]
        if kind_of(q).moodle_type is not None:  # Moodle has the type: it travels as it is
            out.append(Portable(line, q, pairs))
            continue
        half = q.points / 2
        part_a = ChoiceQuestion.model_construct(
            type="choice",
            id=q.id + PART_A,
            prompt=q.prompt,
            choices=q.choices,
            answer=q.answer,
            explanation=q.explanation,
            evidence=q.evidence,
            points=half,
            tags=q.tags,
        )
        b_hit = loaded.part_b.get(q.id, {}).get(q.part_b.answer)
        b_passage = b_hit.passage_id if b_hit is not None else None
        part_b = ChoiceQuestion.model_construct(
            type="choice",
            id=q.id + PART_B,
            prompt=q.part_b.prompt,
            choices=q.part_b.choices,
            answer=q.part_b.answer,
            explanation=q.explanation,
            evidence=[Evidence(quote=q.part_b.answer, passage=b_passage)],
            points=half,
            tags=q.tags,
        )
        out.append(Portable(line, part_a, pairs))
        out.append(Portable(line, part_b, ((q.part_b.answer, b_passage),)))
        notes.append(
            Note(
                line,
                f"evidence question '{q.id}' exported as two choice questions "
                f"'{part_a.id}' and '{part_b.id}' — {fmt_name} has no two-part type "
                "(`quizgame import` joins them again)",
            )
        )
    return out, notes


def rejoin_parts(imported: Imported) -> None:
    """Join `ID-part-a` + `ID-part-b` choice questions (as exported) back into one evidence question."""
    qs, lines = imported.questions, imported.lines
    out_q: list[QuestionDict] = []
    out_l: list[int] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        b = qs[i + 1] if i + 1 < len(qs) else None
        aid = str(a.get("id", ""))
        if (
            b is not None
            and aid.endswith(PART_A)
            and b.get("id") == aid[: -len(PART_A)] + PART_B
            and a.get("type") == b.get("type") == "choice"
        ):
            merged: QuestionDict = {
                "id": aid[: -len(PART_A)],
                "type": "evidence",
                "prompt": a["prompt"],
                "choices": a["choices"],
                "answer": a["answer"],
                "part_b": {
                    "prompt": b["prompt"],
                    "choices": b["choices"],
                    "answer": b["answer"],
                },
            }
            for key in ("explanation", "evidence", "tags"):
                if key in a:
                    merged[key] = a[key]
            # each part carries half the points; a part without `points` has Moodle's default 1
            total = float(a.get("points", 1)) + float(b.get("points", 1))
            if total != 1:
                merged["points"] = points_value(total)
            out_q.append(merged)
            out_l.append(lines[i])
            i += 2
            continue
        out_q.append(a)
        out_l.append(lines[i])
        i += 1
    imported.questions, imported.lines = out_q, out_l


def finish_ids(imported: Imported) -> None:
    ids = unique_ids([str(q["id"]) for q in imported.questions])
    for q, qid in zip(imported.questions, ids, strict=True):
        q["id"] = qid


def points_value(points: float) -> float | int:
    """Points as YAML shows them best: 2 rather than 2.0."""
    return int(points) if float(points).is_integer() else round(points, 4)


def question_lines(path: Path, count: int) -> list[int]:
    """The line where each question of a bank file starts (1 where it cannot be told)."""
    from quizgame.bank.yamlnodes import MAX_BANK_BYTES
    from quizgame.bank.yamlparse import parse
    from quizgame.text.reading import ReadRefused, read_limited

    try:
        text = read_limited(path, MAX_BANK_BYTES, what="bank").decode("utf-8-sig")
    except (ReadRefused, UnicodeDecodeError):
        return [1] * count
    root = parse(text, str(path)).root
    node = root.get("questions") if root is not None and root.kind == "map" else None
    lines = [item.line for item in node.items] if node is not None and node.kind == "seq" else []
    return (lines + [1] * count)[:count]
