"""Splitting an article's text into classified passages: the patterns that tell a caption, a
byline, a dateline or a share/subscribe footer from the article's own paragraphs.

Kept apart from `quizgame.article.passages` (what an article *is*) because only parsing needs it:
a game whose bank comes from the play cache (quizgame.bank.playcache) rebuilds its article from
stored offsets and never compiles these patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from quizgame.article.passages import ID_PREFIX, Kind, Passage, Sentence
from quizgame.article.sentences import split_sentences, trimmed

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


def classified_passages(text: str) -> tuple[Passage, ...]:
    """The text's passages, classified, with their ids and sentences; never fails."""
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
        pid = f"{ID_PREFIX[kind]}{counters[kind]}"
        sentences = tuple(
            Sentence(f"{pid}.s{n}", s, e, text[s:e])
            for n, (s, e) in enumerate(split_sentences(text, start, end), 1)
        )
        passages.append(Passage(pid, kind, start, end, chunk, sentences))
    return tuple(passages)
