"""Splitting a passage into sentences: full stops that end a sentence, not an abbreviation or a quote.

Sentences are character spans of the article text, so evidence can be shown and cited exactly.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "fig",
        "approx",
        "est",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
_LONGEST_ABBREVIATION = 2 + max(len(a) for a in _ABBREVIATIONS)
_OPEN_QUOTES = {"\u201c": "\u201d", "\u2018": "\u2019"}
_QUOTE_MARK = re.compile('[\u201c"]')
_END_MARK = re.compile("[.!?\u2026]")


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of double-quoted speech that open and close inside the range (unclosed ones ignored)."""
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        m = _QUOTE_MARK.search(text, i, end)  # jump to the next quote mark, not char by char
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch == "\u201c":
            close = text.find("\u201d", i + 1, end)
            nxt_open = text.find("\u201c", i + 1, end)
            if close != -1 and (nxt_open == -1 or close < nxt_open):
                spans.append((i, close + 1))
                i = close + 1
                continue
        elif ch == '"':
            close = text.find('"', i + 1, end)
            if close != -1:
                spans.append((i, close + 1))
                i = close + 1
                continue
        i += 1
    return spans


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside [start, end).

    A sentence never ends inside a closed quotation, so `“Yes. I asked him,” Trump said.` stays
    one sentence and the quote stays intact; abbreviations and initials (`U.S.`, `Mr.`, `J.`) do not
    end sentences.
    """
    quotes = _quote_spans(text, start, end)
    qi = 0
    bounds: list[tuple[int, int]] = []
    sent_start = start
    i = start
    while i < end:
        m = _END_MARK.search(text, i, end)  # jump to the next . ! ? or …, not char by char
        if m is None:
            break
        i = m.start()
        while qi < len(quotes) and quotes[qi][1] <= i:
            qi += 1
        # punctuation right before a closing quote may end the sentence: “Stop. Now.” Then…
        inside_quote = qi < len(quotes) and quotes[qi][0] < i < quotes[qi][1] - 2
        if not inside_quote:
            j = i + 1
            while j < end and text[j] in ".!?…\"'\u201d\u2019)]":
                j += 1
            if j >= end:
                break
            if text[j].isspace():
                k = j
                while k < end and text[k].isspace():
                    k += 1
                if (
                    k < end
                    and _starts_sentence(text[k])
                    and not _is_abbreviation(text, sent_start, i)
                ):
                    bounds.append((sent_start, j))
                    sent_start = k
                    i = k
                    continue
            i = j
            continue
        i += 1
    if sent_start < end:
        bounds.append((sent_start, end))
    return [(s, e) for s, e in (trimmed(text, s, e) for s, e in bounds) if s < e]


def _starts_sentence(ch: str) -> bool:
    return ch.isupper() or ch.isdigit() or ch in "\"'\u201c\u2018([\u2014"


def _is_abbreviation(text: str, sent_start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    k = dot
    lowest = max(sent_start, dot - _LONGEST_ABBREVIATION)  # bounded: a long "word" costs no more
    while k > lowest and not text[k - 1].isspace() and text[k - 1] not in '("\u201c':
        k -= 1
    if k == lowest > sent_start and not text[k - 1].isspace() and text[k - 1] not in '("\u201c':
        return False  # a word longer than any abbreviation
    word = text[k:dot].lower().rstrip(".")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in _ABBREVIATIONS


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the white space (and BOM) at its ends."""
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
