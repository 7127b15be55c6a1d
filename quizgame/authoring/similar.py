"""Indexes that let `Context` find statements alike in words, and sentences, without scanning.

Every candidate question asks which other sources the article credits with the same statement
(`Context.credited_same`) and whether the narration puts a wrong option beside the same words
(`Context.told_doing`). Asked by scanning every statement that shares a word, or every sentence
naming the option, both grow with the article, so a long article cost its length squared. Here
statements with the same content words share one group, and each group keeps the first statement
of each speaker (of each speaker and stance): a question's answer depends only on the group's
words and on those first statements, so each call costs the number of *distinct* statements
sharing a word, not the number of times the article repeats them. The answers are exactly the
ones the scans gave (`tests/authoring/test_similar.py` compares both on the development set).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from quizgame.article.passages import Article, Passage, Sentence
from quizgame.authoring.attribution import Attribution
from quizgame.authoring.clauses import content_words


def similar(wa: frozenset[str], wb: frozenset[str]) -> bool:
    """Mostly the same words: at least three shared, and half of all the words either uses."""
    shared = len(wa & wb)
    return shared >= 3 and shared / len(wa | wb) >= 0.5


@dataclass
class _Group:
    """Statements with one set of content words: the first of each speaker, and of each speaker
    per stance (a dict keeps them in order of first appearance)."""

    words: frozenset[str]
    first: dict[str, int] = field(default_factory=dict)
    first_by_stance: dict[str, dict[str, int]] = field(default_factory=dict)


class StatementIndex:
    """The article's statements grouped by content words, by word, and by passage position."""

    def __init__(self, items: tuple[Attribution, ...]) -> None:
        self.items = items
        self.words: list[frozenset[str]] = []
        self.position = {id(b): n for n, b in enumerate(items)}
        groups: dict[frozenset[str], _Group] = {}
        self.by_word: dict[str, list[_Group]] = {}
        spans: dict[str, list[tuple[int, int, int]]] = {}
        for n, b in enumerate(items):
            wb = frozenset(content_words(b.content))
            self.words.append(wb)
            group = groups.get(wb)
            if group is None:
                group = groups[wb] = _Group(wb)
                for w in wb:
                    self.by_word.setdefault(w, []).append(group)
            group.first.setdefault(b.speaker, n)
            if b.stance is not None:
                group.first_by_stance.setdefault(b.stance, {}).setdefault(b.speaker, n)
            spans.setdefault(b.passage_id, []).append((b.start, b.end, n))
        self.spans = {pid: sorted(s) for pid, s in spans.items()}
        self.starts = {pid: [s[0] for s in ss] for pid, ss in self.spans.items()}
        self.longest = {pid: max(e - s for s, e, _ in ss) for pid, ss in self.spans.items()}

    def credited(self, a: Attribution) -> dict[str, int]:
        """Each speaker of a statement like `a`, with the position of their first such statement:
        the same words (`similar`), the same stance in two shared words, or an overlapping span.
        `a`'s own speaker is among them; the caller leaves out every name for `a`'s source."""
        n = self.position[id(a)]
        wa = self.words[n]
        out: dict[str, int] = {}

        def take(firsts: dict[str, int]) -> None:
            for speaker, m in firsts.items():
                if m < out.get(speaker, len(self.items)):
                    out[speaker] = m

        seen: set[int] = set()
        for w in wa:
            for group in self.by_word.get(w, ()):
                if id(group) in seen:
                    continue
                seen.add(id(group))
                if similar(wa, group.words):
                    take(group.first)
                elif a.stance is not None and len(wa & group.words) >= 2:
                    take(group.first_by_stance.get(a.stance, {}))
        spans, starts = self.spans[a.passage_id], self.starts[a.passage_id]
        lo = bisect_left(starts, a.start - self.longest[a.passage_id])
        for start, end, m in spans[lo : bisect_left(starts, a.end)]:
            if start < a.end and a.start < end:
                take({self.items[m].speaker: m})
        return out


class NarrationIndex:
    """For each entity, the distinct stem sets of the sentences naming it, each with the first
    such sentence's span and how many sentences have it."""

    def __init__(self) -> None:
        self.by_entity: dict[int, dict[frozenset[str], tuple[int, int, int]]] = {}

    def add(self, entity: int, start: int, end: int, stems: frozenset[str]) -> None:
        sets = self.by_entity.setdefault(entity, {})
        first = sets.get(stems)
        sets[stems] = (start, end, 1) if first is None else (first[0], first[1], first[2] + 1)

    def told(self, entity: int, want: frozenset[str], offset: int) -> bool:
        """Whether a sentence naming the entity, other than the one holding `offset`, shares at
        least two stems and three quarters of `want`. Sentences never overlap, so only one can
        hold `offset`: a stem set seen twice always has another."""
        for stems, (start, end, count) in self.by_entity.get(entity, {}).items():
            if count == 1 and start <= offset < end:
                continue
            shared = len(want & stems)
            if shared >= 2 and shared >= 0.75 * len(want):
                return True
        return False


class SentenceLookup:
    """The sentence at an offset, and the sentences over a span, by bisection (`Context` has it)."""

    article: Article

    @cached_property
    def _sentence_bounds(self) -> dict[str, tuple[list[int], list[int]]]:
        return {
            p.id: ([s.start for s in p.sentences], [s.end for s in p.sentences])
            for p in self.article.passages
        }

    def sentence_at(self, passage: Passage, offset: int) -> Sentence | None:
        """The sentence of `passage` holding `offset`, by bisection: a passage's sentences are in
        order and never overlap, and a one-paragraph article has all its sentences in one passage,
        so scanning them for every lookup made it quadratic."""
        starts, ends = self._sentence_bounds[passage.id]
        i = bisect_right(starts, offset) - 1
        return passage.sentences[i] if i >= 0 and offset < ends[i] else None

    def sentence_from(self, passage: Passage, offset: int) -> Sentence | None:
        """The first sentence of `passage` that starts at or after `offset`, by bisection."""
        starts, _ = self._sentence_bounds[passage.id]
        i = bisect_left(starts, offset)
        return passage.sentences[i] if i < len(starts) else None

    def sentences_in(self, passage: Passage, start: int, end: int) -> tuple[Sentence, ...]:
        """The sentences of `passage` overlapping [start, end), in order, by bisection (their ends
        are in order too, since they never overlap)."""
        starts, ends = self._sentence_bounds[passage.id]
        return passage.sentences[bisect_right(ends, start) : bisect_left(starts, end)]
