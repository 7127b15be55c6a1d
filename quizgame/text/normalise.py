"""Text normalisation that remembers where every character came from.

Teachers type evidence quotes with straight quotes, plain hyphens and single spaces, while scraped
articles carry curly quotes, em dashes and non-breaking spaces. Matching therefore happens on a
normalised copy of the article, and the index map turns every hit back into an exact span of the
original text, so the game can highlight precisely what the teacher quoted.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

_CHAR_MAP: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u0060": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
}
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


class Origins(Sequence[int]):
    """For each character of a normalised text, the index of the source character it came from.

    Stored as runs, not one int per character (a tuple of five million ints is ~180 MB): run k
    starts at normalised index `at[k]`, maps to source index `src[k]`, and advances one source
    character per character when `step[k]` is 1 (plain text) or stays put when 0 (the one space
    of a whitespace run, the three dots of `…`). Lookup is a bisection over the runs.
    """

    __slots__ = ("_at", "_len", "_src", "_step")

    def __init__(self) -> None:
        self._at = array("q")
        self._src = array("q")
        self._step = array("b")
        self._len = 0

    def add(self, source_index: int, length: int, step: int) -> None:
        if length <= 0:
            return
        if self._step and self._step[-1] == step == 1:  # continues the previous plain run?
            k = len(self._at) - 1
            if self._src[k] + (self._len - self._at[k]) == source_index:
                self._len += length
                return
        self._at.append(self._len)
        self._src.append(source_index)
        self._step.append(step)
        self._len += length

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("origin index out of range")
        k = bisect_right(self._at, i) - 1
        return self._src[k] + (i - self._at[k]) * self._step[k]


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised string plus, for each of its characters, the index of the source character."""

    text: str
    origin: Sequence[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open range of the normalised text back to the source text."""
        if start >= end:
            pos = (
                self.origin[start]
                if start < len(self.origin)
                else (self.origin[-1] + 1 if self.origin else 0)
            )
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


_ZW_CLASS = "".join(sorted(_ZERO_WIDTH))
# Where normalising is not one character for one: a whitespace run other than a lone plain space
# (with any zero-width characters in or next to it), zero-width characters, an ellipsis. The plain
# text between them is mapped and case-folded a whole run at a time, in C, not a character at a time.
_SPECIAL = re.compile(rf"(?:[^\S ]|[{_ZW_CLASS}\u2026]| [\s{_ZW_CLASS}])[\s{_ZW_CLASS}]*")
_LEADING = re.compile(rf"[\s{_ZW_CLASS}]*")
_ONE_FOR_ONE = {k: v for k, v in _CHAR_MAP.items() if len(v) == 1}


def normalise(source: str, *, fold_case: bool = True) -> Normalised:
    """Fold quotes, dashes, ellipses, whitespace runs and (optionally) case.

    Leading and trailing whitespace is dropped and any run of whitespace becomes one space, so a quote
    that crosses a line break in the article still matches the teacher's one-line version. Linear,
    and quick on a long article: only the places where the length changes are visited one by one.
    """
    lo = _LEADING.match(source).end()  # type: ignore[union-attr]  # `*` always matches
    hi = len(source)
    while hi > lo and (source[hi - 1].isspace() or source[hi - 1] in _ZERO_WIDTH):
        hi -= 1
    mapped = source
    for char, replacement in _ONE_FOR_ONE.items():  # one for one, so every offset stays put
        if char in mapped:
            mapped = mapped.replace(char, replacement)
    out: list[str] = []
    origin = Origins()
    pos = lo
    for m in _SPECIAL.finditer(source, lo, hi):
        _plain(mapped, pos, m.start(), fold_case, out, origin)
        run, at = m.group(), m.start()
        if run[0] == "\u2026":  # an ellipsis, then maybe the whitespace run after it
            out.append("...")
            origin.add(at, 3, 0)
            run, at = run[1:], at + 1
        first_space = next((i for i, ch in enumerate(run) if ch.isspace()), -1)
        if first_space >= 0:
            out.append(" ")
            origin.add(at + first_space, 1, 0)
        pos = m.end()
    _plain(mapped, pos, hi, fold_case, out, origin)
    return Normalised("".join(out), origin)


def _plain(
    mapped: str, start: int, end: int, fold_case: bool, out: list[str], origin: Origins
) -> None:
    """Fold `mapped[start:end]`, text with no whitespace run, zero-width character or ellipsis."""
    if start >= end:
        return
    run = mapped[start:end]
    folded = run.lower() if fold_case else run
    if len(folded) == end - start:
        out.append(folded)
        origin.add(start, end - start, 1)
        return
    for i, ch in enumerate(run, start):  # a character whose lower case is longer (İ → i̇)
        piece = ch.lower()
        out.append(piece)
        origin.add(i, len(piece), 0)


def normalise_text(source: str, *, fold_case: bool = True) -> str:
    """Just the normalised string, for comparisons that need no positions."""
    return normalise(source, fold_case=fold_case).text


_ELLIPSIS_SPLIT = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\[\u2026\]|\.\.\.|\u2026)\s*")


def split_ellipsis(quote: str) -> list[str]:
    """Split a quote at elisions (`...`, `…`, `[...]`) into the parts that must each occur in order."""
    return [part for part in _ELLIPSIS_SPLIT.split(quote) if part.strip()]


_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def loose_key(text: str) -> str:
    """The comparison key for typed answers: case, whitespace and punctuation do not count."""
    folded = normalise_text(text)
    return " ".join(_PUNCT.sub(" ", folded).split())
