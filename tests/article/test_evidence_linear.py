"""Evidence lookup does work proportional to the article, not to matches × passages.

No timing: the work is counted. The article's passages are a tuple that counts every passage it
hands out, and its normalised text a string that counts every character `find` scans, so a lookup
that scans every passage per match, or rescans the rest of the article per match, fails."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any, SupportsIndex

from quizgame.article.evidence import locate
from quizgame.article.passages import Article, Passage, parse_article
from quizgame.text.normalise import Normalised

PARAGRAPH = "The minister said the talks would resume on Monday, and the envoy agreed."


class CountingPassages(tuple[Passage, ...]):
    handed_out = 0

    def __iter__(self) -> Iterator[Passage]:
        for p in super().__iter__():
            CountingPassages.handed_out += 1
            yield p

    def __getitem__(self, i: Any) -> Any:
        CountingPassages.handed_out += 1
        return super().__getitem__(i)


class CountingText(str):
    scanned = 0

    def find(self, sub: str, start: SupportsIndex | None = None, end: Any = None) -> int:
        lo = 0 if start is None else int(start)
        hi = len(self) if end is None else min(int(end), len(self))
        found = str.find(self, sub, lo, hi)
        CountingText.scanned += (hi if found == -1 else found + len(sub)) - lo
        return found


def counted(article: Article) -> Article:
    out = dataclasses.replace(article, passages=CountingPassages(article.passages))
    norm = article.normalised
    out.__dict__["normalised"] = Normalised(CountingText(norm.text), norm.origin)
    return out


def long_article(paragraphs: int) -> Article:
    return parse_article("Talks resume\n\n" + "\n\n".join([PARAGRAPH] * paragraphs) + "\n")


def test_a_quote_in_every_passage_costs_passages_not_passages_squared() -> None:
    n = 2000
    article = counted(long_article(n))
    CountingPassages.handed_out = 0
    found = locate(article, "the talks would resume")
    assert found.evidence is not None and found.evidence.passage_id == "p1"
    # one passage per match plus one pass to index them; a scan per match is ~n*n/2 = 2,000,000
    assert CountingPassages.handed_out <= 4 * n


def test_an_elided_quote_whose_last_part_is_missing_scans_the_article_about_once() -> None:
    n = 2000
    article = counted(long_article(n))
    CountingText.scanned = 0
    found = locate(article, "the minister said ... words that are nowhere")
    assert found.evidence is None
    # every match of the first part used to rescan the rest of the article for the missing part
    # (≈ 1,000 × the text here); now a few linear passes: the quote, each part, and each part
    # again to say whether they sit in different passages
    assert CountingText.scanned <= 8 * len(article.normalised.text)


def test_elided_quotes_still_resolve_inside_one_passage() -> None:
    article = parse_article("Head\n\nAlpha one two.\n\nBeta three alpha four.\n\nfive gamma.\n")
    found = locate(article, "alpha ... four")
    assert found.evidence is not None and found.evidence.passage_id == "p2"
    assert locate(article, "alpha ... gamma").evidence is None  # crosses passages


def test_passage_at_finds_each_offset_and_none_between_passages() -> None:
    article = long_article(5)
    for p in article.passages:
        assert article.passage_at(p.start) is p
        assert article.passage_at(p.end - 1) is p
        if article.passage_at(p.end) is not None:
            assert article.passage_at(p.end) is not p
    assert article.passage_at(-1) is None
    assert article.passage_at(len(article.text) + 10) is None
