"""A loaded bank: what the game plays. Kept apart from the loader, which the game does not need
when the bank comes from the play cache (quizgame.bank.playcache): importing the loader pulls in YAML,
the node composer and pydantic's validators."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from quizgame.article.evidence import ResolvedEvidence
from quizgame.article.passages import Article
from quizgame.bank.models import Bank


@dataclass(frozen=True)
class LoadedBank:
    """A bank that passed `check`: models, the parsed article and every evidence span resolved."""

    path: Path
    bank: Bank
    article: Article
    evidence: Mapping[str, tuple[ResolvedEvidence, ...]]
    part_b: Mapping[str, Mapping[str, ResolvedEvidence]]
    content_hash: str

    @property
    def bank_id(self) -> str:
        """Results are filed under this id (the file name) plus `content_hash`."""
        return self.path.stem
