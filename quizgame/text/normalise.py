"""Text normalisation that remembers where every character came from.

Teachers type evidence quotes with straight quotes, plain hyphens and single spaces, while scraped
articles carry curly quotes, em dashes and non-breaking spaces. Matching therefore happens on a
normalised copy of the article, and the index map turns every hit back into an exact span of the
original text, so the game can highlight precisely what the teacher quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised string plus, for each of its characters, the index of the source character."""

    text: str
    origin: tuple[int, ...]

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


def normalise(source: str, *, fold_case: bool = True) -> Normalised:
    """Fold quotes, dashes, ellipses, whitespace runs and (optionally) case.

    Leading and trailing whitespace is dropped and any run of whitespace becomes one space, so a quote
    that crosses a line break in the article still matches the teacher's one-line version.
    """
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1
    for i, ch in enumerate(source):
        if ch in _ZERO_WIDTH:
            continue
        if ch.isspace():
            if pending_space < 0:
                pending_space = i
            continue
        if pending_space >= 0:
            if out:
                out.append(" ")
                origin.append(pending_space)
            pending_space = -1
        mapped = _CHAR_MAP.get(ch, ch)
        if fold_case:
            mapped = mapped.lower()
        for piece in mapped:
            out.append(piece)
            origin.append(i)
    return Normalised("".join(out), tuple(origin))


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
