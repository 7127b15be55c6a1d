"""Finding the bank files behind stored results, for prompts, tags and evidence in reports.

Results store only a bank's id (its file name without `.yaml`) and a hash of its content, not the
questions. To name skills and show prompts, reports look the bank up: first among the files given
explicitly (`--bank PATH`), then the bundled banks, then `./questions/*.yaml`. A file whose hash
differs from the stored one is still used (question ids are stable), and the report says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from quizgame.article.evidence import ResolvedEvidence
from quizgame.bank.discovery import bank_files
from quizgame.bank.loaded import LoadedBank
from quizgame.bank.loader import load_bank
from quizgame.game.kinds import kind_of
from quizgame.game.scoring import right_answer_text
from quizgame.results.report_rows import BankMeta, QuestionMeta


def bank_meta(loaded: LoadedBank) -> BankMeta:
    questions = []
    for q in loaded.bank.questions:
        quotes = tuple(_quoted(loaded, e) for e in loaded.evidence.get(q.id, ())) or tuple(
            e.quote for e in q.evidence
        )
        for answer in kind_of(q).part_b_proofs(q):
            part_b = loaded.part_b.get(q.id, {}).get(answer)
            quotes = (*quotes, _quoted(loaded, part_b) if part_b else answer)
        questions.append(
            QuestionMeta(
                q.id,
                q.type,
                q.prompt,
                tuple(q.tags),
                right_answer_text(q),
                tuple(dict.fromkeys(quotes)),
                float(q.points),
                _right_options(q),
            )
        )
    return BankMeta(
        loaded.bank_id, loaded.content_hash, loaded.bank.title, tuple(questions), str(loaded.path)
    )


def _right_options(q: object) -> tuple[str, ...]:
    """Select-all: the right options; match: each right pair as "left → right" (the Responses
    report counts options and pairs the same way)."""
    pairs = getattr(q, "pairs", None)
    if q.__class__.__name__ == "MatchQuestion" and pairs:
        return tuple(f"{p.left} → {p.right}" for p in pairs)
    answers = getattr(q, "answers", None)
    if q.__class__.__name__ == "MultiQuestion" and answers:
        return tuple(answers)
    return ()


def _quoted(loaded: LoadedBank, ev: ResolvedEvidence) -> str:
    """The proof as the article words it (not as the bank typed it), with its passage id."""
    text = loaded.article.text
    words = " … ".join(" ".join(text[a:b].split()) for a, b in ev.spans)
    return f"[{ev.passage_id}] {words}"


def resolve_banks(
    bank_ids: Iterable[str], explicit: Iterable[Path] = (), cwd: Path | None = None
) -> dict[str, BankMeta]:
    """Bank id → metadata, for those ids a loadable bank file was found for."""
    wanted = set(bank_ids)
    found: dict[str, BankMeta] = {}
    for path in bank_files(explicit, cwd, named_first=True):
        if path.stem not in wanted or path.stem in found:
            continue
        result = load_bank(path)
        if result.loaded is not None:
            found[path.stem] = bank_meta(result.loaded)
    return found
