"""The bank list the picker shows: every bank found, loaded (from the play cache when unchanged).

This is where playing reads bank files; the presenter stays pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from quizgame.bank.discovery import bank_files
from quizgame.bank.loaded import LoadedBank


@dataclass(frozen=True)
class BankEntry:
    """One row of the bank picker: a playable bank, or a broken one with its first error."""

    path: Path
    title: str
    questions: int
    headline: str = ""
    level: str = ""
    tags: tuple[str, ...] = ()
    error: str | None = None
    loaded: LoadedBank | None = None

    @property
    def playable(self) -> bool:
        return self.loaded is not None

    @property
    def details(self) -> str:
        if self.error is not None:
            return f"✗ cannot be played: {self.error}"
        bits = [f"{self.questions} question{'s' if self.questions != 1 else ''}"]
        if self.level:
            bits.append(self.level)
        if self.tags:
            bits.append(", ".join(self.tags))
        return " · ".join(bits)


def discover_banks(cli_paths: Iterable[str | Path] = (), cwd: Path | None = None) -> list[Path]:
    """Bundled banks, then ./questions/*.yaml, then paths given on the command line; no repeats."""
    here = cwd or Path.cwd()
    named = [p if p.is_absolute() else here / p for p in map(Path, cli_paths)]
    return bank_files(named, here)


def bank_entry(path: Path) -> BankEntry:
    """A bank ready to play (from the play cache when unchanged), or why it cannot be played."""
    from quizgame.bank import playcache

    loaded = playcache.cached(path)
    if loaded is None:
        from quizgame.bank.loader import load_bank

        result = load_bank(path, display=path.name)
        if result.loaded is None or not result.ok:
            first = result.errors[0] if result.errors else None
            message = first.format() if first is not None else "the bank could not be loaded"
            return BankEntry(path, result.title or path.name, result.question_count, error=message)
        loaded = result.loaded
        playcache.store(path, loaded)
    bank = loaded.bank
    return BankEntry(
        path,
        bank.title,
        len(bank.questions),
        headline=loaded.article.headline,
        level=bank.level or "",
        tags=tuple(bank.tags),
        loaded=loaded,
    )


def bank_entries(paths: Iterable[Path]) -> list[BankEntry]:
    return [bank_entry(p) for p in paths]
