"""Articles as scraped: split into passages, classify them, address sentences.

Scraped news carries photo captions, agency credits, map legends and share/subscribe footers in the
middle of the story. Students must never be asked about (or shown proof in) those, so every block is
classified, and only `body` paragraphs get the stable reading-order ids `p1…pN` that banks cite.
The original text is kept untouched so that every passage and sentence is an exact character span of
the file as read (offsets count code points of the UTF-8-decoded file, BOM included if present).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from quizgame.text.normalise import Normalised, normalise
from quizgame.text.reading import ReadRefused, convert_hint, read_limited, utf16_or_32

MAX_ARTICLE_BYTES = 5_000_000


class Kind(StrEnum):
    """What a block of the scraped page is; only BODY is the article's own text."""

    HEADLINE = "headline"
    SUBHEADING = "subheading"
    DATELINE = "dateline"
    BYLINE = "byline"
    BODY = "body"
    CAPTION = "caption"
    LEGEND = "legend"
    BOILERPLATE = "boilerplate"


ID_PREFIX = {  # each kind's passage ids: p1, p2… for the body
    Kind.HEADLINE: "h",
    Kind.SUBHEADING: "s",
    Kind.DATELINE: "d",
    Kind.BYLINE: "b",
    Kind.BODY: "p",
    Kind.CAPTION: "c",
    Kind.LEGEND: "g",
    Kind.BOILERPLATE: "f",
}


class ArticleError(Exception):
    """The article file cannot be used; the message says why in a teacher's words."""


@dataclass(frozen=True, slots=True)
class Sentence:
    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    kind: Kind
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...] = ()

    @property
    def is_body(self) -> bool:
        return self.kind is Kind.BODY


@dataclass(frozen=True)
class Article:
    """An article: the original text and its classified passages, in file order."""

    text: str
    passages: tuple[Passage, ...]
    path: Path | None = None
    _by_id: dict[str, Passage] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({p.id: p for p in self.passages})

    @property
    def headline(self) -> str:
        for p in self.passages:
            if p.kind is Kind.HEADLINE:
                return p.text
        return self.path.stem if self.path else ""

    @property
    def body(self) -> tuple[Passage, ...]:
        return tuple(p for p in self.passages if p.kind is Kind.BODY)

    def passage(self, passage_id: str) -> Passage | None:
        return self._by_id.get(passage_id)

    def passage_at(self, offset: int) -> Passage | None:
        """The passage holding `offset`, by bisection: evidence lookups call this once per match,
        so a scan of every passage made a quote that occurs often quadratic in the article."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0:
            p = self.passages[i]
            if p.start <= offset < p.end:
                return p
        return None

    @cached_property
    def _starts(self) -> tuple[int, ...]:
        return tuple(p.start for p in self.passages)

    def sentence(self, sentence_id: str) -> Sentence | None:
        pid, _, _ = sentence_id.partition(".")
        passage = self.passage(pid)
        if passage is None:
            return None
        return next((s for s in passage.sentences if s.id == sentence_id), None)

    @cached_property
    def normalised(self) -> Normalised:
        """The whole text normalised once, so evidence lookups never rescan or re-normalise."""
        return normalise(self.text)


# --- reading -------------------------------------------------------------------------------------


def read_article(path: str | Path) -> Article:
    """Read and parse an article file, refusing binary or oversized files with a clear message."""
    p = Path(path)
    try:
        raw = read_limited(p, MAX_ARTICLE_BYTES, what="article")
    except ReadRefused as exc:
        raise ArticleError(str(exc)) from None
    return parse_article(decode_article(raw, p.name), path=p)


def decode_article(raw: bytes, name: str = "article.txt") -> str:
    wide = utf16_or_32(raw)
    if wide is not None:
        raise ArticleError(
            f"the article is saved as {wide} text, not UTF-8 — {convert_hint(wide, name)}"
        )
    if b"\x00" in raw[:8192]:
        raise ArticleError(
            "article looks like a binary file (it contains NUL bytes); use plain text"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            f"article is not valid UTF-8 (bad byte at offset {exc.start}); save it as UTF-8"
        ) from None


def parse_article(text: str, *, path: Path | None = None) -> Article:
    """Split text into classified passages with ids; never fails, even on an empty text."""
    from quizgame.article.splitting import classified_passages  # its patterns: only to parse

    return Article(text=text, passages=classified_passages(text), path=path)
