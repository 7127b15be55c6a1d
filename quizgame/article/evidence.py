"""Find a teacher's evidence quote in the article and turn it into exact spans of the original text.

Matching is forgiving where typing is (curly vs straight quotes, dashes, spacing, case, `...`
elisions) and strict where truth is (the words must be there, in order, inside one passage).
The article is normalised once (`Article.normalised`), so each lookup is a substring search,
not a rescan of the article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from quizgame.article.passages import Article, Kind, Passage
from quizgame.text.normalise import normalise, normalise_text, split_ellipsis


@dataclass(frozen=True, slots=True)
class ResolvedEvidence:
    """A quote located in the article: one span per elided part, all inside one passage."""

    quote: str
    passage_id: str
    kind: Kind
    spans: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass(frozen=True, slots=True)
class Lookup:
    """The outcome of a lookup: the evidence when found, otherwise why not and the nearest text."""

    evidence: ResolvedEvidence | None
    problem: str | None = None
    hint: str | None = None
    warning: str | None = None


def _occurrences(haystack: str, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
    hits: list[int] = []
    if not needle:
        return hits
    end = len(haystack) if hi is None else hi
    pos = haystack.find(needle, lo, end)
    while pos != -1:
        hits.append(pos)
        pos = haystack.find(needle, pos + 1, end)
    return hits


def _candidates(article: Article, quote: str) -> list[ResolvedEvidence]:
    norm = article.normalised
    whole = normalise_text(quote)
    found: list[ResolvedEvidence] = []
    for pos in _occurrences(norm.text, whole):
        start, end = norm.span(pos, pos + len(whole))
        passage = article.passage_at(start)
        if passage is not None and end <= passage.end:
            found.append(ResolvedEvidence(quote, passage.id, passage.kind, ((start, end),)))
    if found:
        return found
    parts = [normalise_text(p) for p in split_ellipsis(quote)]
    if len(parts) < 2:
        return found
    following: dict[int, int] = {}  # part index → its occurrence last found (-1: none left)
    for pos in _occurrences(norm.text, parts[0]):
        start, end = norm.span(pos, pos + len(parts[0]))
        passage = article.passage_at(start)
        if passage is None:
            continue
        spans = [(start, end)]
        cursor = pos + len(parts[0])
        for k, part in enumerate(parts[1:], 1):
            nxt = _next_at(norm.text, part, cursor, following, k)
            if nxt == -1:
                break
            s, e = norm.span(nxt, nxt + len(part))
            if e > passage.end:
                break
            spans.append((s, e))
            cursor = nxt + len(part)
        if len(spans) == len(parts):
            found.append(ResolvedEvidence(quote, passage.id, passage.kind, tuple(spans)))
    return found


def _next_at(text: str, part: str, cursor: int, following: dict[int, int], k: int) -> int:
    """The first occurrence of `part` at or after `cursor`, remembered between calls.

    Cursors only grow from one match of the first part to the next, so a remembered occurrence
    at or past the cursor is still the first one, and one search covers every earlier match:
    searching afresh per match would rescan the same text each time (quadratic in the article).
    """
    known = following.get(k)
    if known is not None and (known == -1 or known >= cursor):
        return known
    found = text.find(part, cursor)
    following[k] = found
    return found


def passages_holding(article: Article, quote: str) -> frozenset[str]:
    """The ids of every passage where `locate` finds `quote`: a quote is found in a passage it
    names exactly when that passage is among them. One search serves every passage, where
    `locate` per passage searched the whole article each time (a quote repeated through a long
    text made that quadratic)."""
    return frozenset(f.passage_id for f in _candidates(article, quote))


def locate(article: Article, quote: str, passage: str | None = None) -> Lookup:
    """Resolve a quote, preferring the passage the teacher named, then body text over captions."""
    found = _candidates(article, quote)
    if passage is not None:
        if article.passage(passage) is None:
            body = article.body
            last = body[-1].id if body else "none"
            return Lookup(
                None,
                f"passage {passage!r} does not exist in the article",
                f"body passages are p1…{last}; run `quizgame article` to list them",
            )
        in_named = [f for f in found if f.passage_id == passage]
        if in_named:
            return Lookup(in_named[0])
        if found:
            where = found[0].passage_id
            return Lookup(
                None, f"the quote is in {where}, not in {passage}", f"change `passage:` to {where}"
            )
    body_hits = [f for f in found if f.kind is Kind.BODY]
    if body_hits:
        return Lookup(body_hits[0])
    if found:
        hit = found[0]
        return Lookup(
            hit,
            warning=f"the quote only occurs in a {hit.kind.value} ({hit.passage_id}), "
            "not in the article's body text",
        )
    split = _parts_in_different_passages(article, quote)
    if split:
        return Lookup(
            None,
            f"the parts of this `...` quote are in different passages ({', '.join(split)})",
            "`...` may only leave out words within one passage: make it one quote per passage",
        )
    return Lookup(None, "evidence quote not found in the article", closest_hint(article, quote))


NEARBY = 4000  # normalised characters after one part that the next is looked for in


def _parts_in_different_passages(article: Article, quote: str) -> list[str]:
    """The passages an elided quote's parts are in, when each part is found (in order, each within
    NEARBY characters of the one before: an elision across a paragraph break) but they are not all
    in one passage. Bounded so a failed lookup still scans the article about once."""
    parts = [normalise_text(p) for p in split_ellipsis(quote)]
    if len(parts) < 2:
        return []
    norm = article.normalised
    where: list[str] = []
    cursor, limit = 0, len(norm.text)
    for part in parts:
        pos = norm.text.find(part, cursor, limit)
        if pos == -1:
            return []
        passage = article.passage_at(norm.span(pos, pos + len(part))[0])
        if passage is None:
            return []
        where.append(passage.id)
        cursor = pos + len(part)
        limit = min(len(norm.text), cursor + NEARBY + len(part))
    distinct = list(dict.fromkeys(where))
    return distinct if len(distinct) > 1 else []


@lru_cache(maxsize=512)
def _passage_norm(text: str) -> tuple[str, Sequence[int]]:
    n = normalise(text)
    return n.text, n.origin


def closest(article: Article, quote: str) -> tuple[Passage, str, float] | None:
    """The body passage and exact original text most like the quote (whole words), with a 0–100
    similarity."""
    from rapidfuzz import fuzz  # deferred: only failed lookups need it

    needle = normalise_text(quote)
    best: tuple[Passage, str, float] | None = None
    for p in article.body or article.passages:
        text, origin = _passage_norm(p.text)
        if not text:
            continue
        al = fuzz.partial_ratio_alignment(needle, text)
        if al is None:
            continue
        if best is None or al.score > best[2]:
            s = origin[al.dest_start] if al.dest_start < len(origin) else 0
            e = origin[al.dest_end - 1] + 1 if al.dest_end > 0 else 0
            s, e = _whole_words(p.text, s, e)
            best = (p, p.text[s:e].strip(), float(al.score))
    return best


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so it neither starts nor ends inside a word."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _word_key(word: str) -> str:
    return "".join(ch for ch in normalise_text(word) if ch.isalnum())


CONTEXT = 4  # unchanged words kept on each side of a difference


def marked_difference(quote: str, found: str) -> str:
    """The article's words with what differs from the quote marked: `[-quote's-]{+article's+}`.

    Words compare ignoring case and punctuation; long unchanged stretches are cut to `…`.
    """
    from difflib import SequenceMatcher

    mine, theirs = quote.split(), found.split()
    ops = SequenceMatcher(
        None, [_word_key(w) for w in mine], [_word_key(w) for w in theirs], autojunk=False
    ).get_opcodes()
    out: list[str] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            words = theirs[j1:j2]
            first, last = n == 0, n == len(ops) - 1
            keep_head = 0 if first else CONTEXT
            keep_tail = 0 if last else CONTEXT
            if len(words) > keep_head + keep_tail + 1 and len(ops) > 1:
                words = [*words[:keep_head], "…", *words[len(words) - keep_tail :]]
                words = [w for w in words if w]
            out += words
            continue
        removed = "[-" + " ".join(mine[i1:i2]) + "-]" if i2 > i1 else ""
        added = "{+" + " ".join(theirs[j1:j2]) + "+}" if j2 > j1 else ""
        out.append(removed + added)
    return " ".join(out)


def closest_hint(article: Article, quote: str) -> str:
    near = closest(article, quote)
    if near is None:
        return "the article has no text to quote"
    passage, text, _ = near
    marked = marked_difference(quote, text)
    if "[-" not in marked and "{+" not in marked:
        snippet = text if len(text) <= 120 else marked
        return f"closest is {passage.id}: “{snippet}” — copy the words exactly"
    return (
        f"closest is {passage.id}: “{marked}” — [-…-] is in your quote, {{+…+}} in the article; "
        "copy the article's words"
    )
