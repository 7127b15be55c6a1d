"""Articles as scraped: split into passages, classify them, address sentences.

Scraped news carries photo captions, agency credits, map legends and share/subscribe footers in the
middle of the story. Students must never be asked about (or shown proof in) those, so every block is
classified, and only `body` paragraphs get the stable reading-order ids `p1…pN` that banks cite.
The original text is kept untouched so that every passage and sentence is an exact character span of
the file as read (offsets count code points of the UTF-8-decoded file, BOM included if present).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from quizgame.article.sentences import split_sentences, trimmed
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


_ID_PREFIX = {
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


# --- splitting -----------------------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_BLANK = re.compile(r"^[\s\u00a0\u200b\ufeff]*$")
_SENTENCE_END = re.compile(r"""[.!?…]["'\u201d\u2019)\]]*\s*$""")

_CREDIT = re.compile(
    r"""(?:^|[\s.,;:)\u201d"'/|])
        (?:REUTERS|Reuters|AP(?:\sPhoto)?|AFP(?:\svia\sGetty\sImages)?|Getty\sImages|EPA(?:-EFE)?|
           Shutterstock|Bloomberg|Xinhua|Anadolu|Sipa|TASS|SOPA\sImages|NurPhoto|Alamy|
           ZUMA(?:\sPress)?|Pool|UPI|dpa|DPA|Sputnik|Kremlin\sPool)
        \s*$""",
    re.VERBOSE,
)
_CREDIT_PREFIX = re.compile(
    r"^\s*(?:photo|image|picture|credit|caption|pictured|file\sphoto)\b\s*[:\-—]",
    re.IGNORECASE | re.VERBOSE,
)
_PULL_QUOTE = re.compile(r"^\s*[\u2014\u2013]\s*\S")
_LEGEND = re.compile(r"^\s*[\u2580-\u259f\u25a0-\u25ff\u2b1b\u2b1c\U0001f7e5-\U0001f7eb]")
_BOILERPLATE = re.compile(
    r"""^\s*(?:source\slink|related\s(?:posts|articles|stories)|read\smore|share\s(?:this|on)|
        subscribe|sign\sup|click\shere|advertisement|follow\sus|newsletter|copyright|©|
        all\srights\sreserved|comments?|leave\sa\s(?:reply|comment)|tags?:|filed\sunder|
        this\sarticle\swas|more\sfrom|recommended|you\smay\salso\slike|watch:|listen:)""",
    re.IGNORECASE | re.VERBOSE,
)
_DATE = re.compile(
    r"""^\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?
        (?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|
           \d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|
           \d{4}-\d{2}-\d{2})
        (?:[\s,|·-]+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?
        \s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(
    r"^\s*(?i:by|words\sby|reporting\sby)\s+[A-Z][\w.'\-]+(?:[\s,]+(?:and\s+)?[A-Z][\w.'\-]+){0,8}\s*$",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # without the line break
    text: str


def _lines(text: str) -> Iterator[_Line]:
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        content = m.group(0).rstrip("\r\n")
        yield _Line(m.start(), m.start() + len(content), content)


def _blocks(text: str) -> list[list[_Line]]:
    """Group lines into blank-line separated blocks, then split blocks whose lines are paragraphs.

    Scrapes often lose the blank line between two paragraphs (or between a caption and its
    neighbour); a block whose lines each end like a sentence or a credit is taken as one paragraph
    per line, while a block of hard-wrapped lines stays one paragraph.
    """
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in _lines(text):
        if _BLANK.match(line.text):
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)

    out: list[list[_Line]] = []
    for block in blocks:
        if len(block) > 1 and all(_line_is_paragraph(ln.text) for ln in block[:-1]):
            out.extend([ln] for ln in block)
        else:
            out.append(block)
    return out


def _tail(text: str) -> str:
    """The end of `text`, for patterns anchored at the end (`…$`): searching a long paragraph from
    every position costs time in its whole length. 200 characters hold any credit or sentence end
    (both are a few words long) plus the whitespace a line may end with."""
    if len(text) <= 200:
        return text
    cut = len(text) - 200
    while cut > 0 and not text[cut - 1].isspace():  # start at a word: `^` must not match inside one
        cut -= 1
        if len(text) - cut > 400:
            break
    return text[cut:]


def _line_is_paragraph(line: str) -> bool:
    return bool(
        _SENTENCE_END.search(_tail(line))
        or _CREDIT.search(_tail(line))
        or _LEGEND.match(line)
        or _BOILERPLATE.match(line)
        or _DATE.match(line)
        or _PULL_QUOTE.match(line)
    )


_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\S")
_MD_IMAGE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*(?:\S.*)?$")
_MD_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
_BYLINE_AND_DATE = re.compile(r"^(?P<by>[^|·]+?)\s*[|·—-]\s*(?P<date>[^|·]+)$")


def _classify(text: str, index: int, seen_body: bool) -> Kind:
    if index == 0:
        return Kind.HEADLINE
    if _MD_HEADING.match(text) and "\n" not in text.strip():
        return Kind.SUBHEADING
    if _MD_IMAGE.match(text):
        return Kind.CAPTION
    # Markdown `*By Jane Doe*` is still a byline (no * or _: nothing to strip, skip the scan)
    plain = _MD_EMPHASIS.sub("", text) if "*" in text or "_" in text else text
    if plain != text:
        return _classify(plain, index, seen_body)
    by_date = _BYLINE_AND_DATE.match(text) if not seen_body and len(text) < 120 else None
    if by_date and _BYLINE.match(by_date["by"]) and _DATE.match(by_date["date"]):
        return Kind.BYLINE
    if _LEGEND.match(text):
        return Kind.LEGEND
    if _BOILERPLATE.match(text) and len(text) < 120:
        return Kind.BOILERPLATE
    if not seen_body and len(text) < 80 and _DATE.match(text):
        return Kind.DATELINE
    if not seen_body and len(text) < 100 and _BYLINE.match(text):
        return Kind.BYLINE
    if _CREDIT.search(_tail(text)) or _CREDIT_PREFIX.match(text) or _PULL_QUOTE.match(text):
        return Kind.CAPTION
    return Kind.BODY


def parse_article(text: str, *, path: Path | None = None) -> Article:
    """Split text into classified passages with ids; never fails, even on an empty text."""
    passages: list[Passage] = []
    counters: dict[Kind, int] = {}
    seen_body = False
    for block in _blocks(text):
        start, end = trimmed(text, block[0].start, block[-1].end)
        if start >= end:
            continue
        chunk = text[start:end]
        kind = _classify(chunk, len(passages), seen_body)
        seen_body = seen_body or kind is Kind.BODY
        counters[kind] = counters.get(kind, 0) + 1
        pid = f"{_ID_PREFIX[kind]}{counters[kind]}"
        sentences = tuple(
            Sentence(f"{pid}.s{n}", s, e, text[s:e])
            for n, (s, e) in enumerate(split_sentences(text, start, end), 1)
        )
        passages.append(Passage(pid, kind, start, end, chunk, sentences))
    return Article(text=text, passages=tuple(passages), path=path)
