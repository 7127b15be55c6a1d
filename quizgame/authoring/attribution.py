"""Who said what: quotes and reported statements in an article's body, each tied to its source.

A reading quiz about news is largely a quiz about attribution, and every attribution must be
provable by a span of the article. So each `Attribution` carries the exact character span of what
was said and of the words naming the speaker, and it is only ever taken from body passages —
headlines, captions and footers paraphrase, and students are never asked about them.

The pipeline: the entity layer (`entities.py`) finds who the article names; the quote rules
(`quotes.py`) and the reported-speech rules (`reported.py`) find candidates; `resolve.py` ties
each to one source. Deterministic, offline and linear in the article's length.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from quizgame.article.passages import Article, Passage
from quizgame.authoring.cues import lemma, stance
from quizgame.authoring.entities import Entity, Registry
from quizgame.authoring.interview import interview_candidates
from quizgame.authoring.names import SpeakerKind
from quizgame.authoring.quotes import Cand, direct_candidates, find_quotes
from quizgame.authoring.reported import reported_candidates
from quizgame.authoring.resolve import Resolved, Resolver

__all__ = ["Attribution", "Attributions", "SpeakerKind", "extract", "lemma", "stance"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """One thing a speaker said, with exact spans of the words and of the naming tag.

    `start`/`end` cover the content (inside the quotation marks for direct speech) as offsets into
    `article.text`; `tag` covers the words that name the speaker in this passage, and `antecedent`
    the earlier words a pronoun or role (`the diplomat`) refers back to.
    """

    speaker: str
    kind: SpeakerKind
    content: str
    cue: str
    passage_id: str
    start: int
    end: int
    direct: bool
    form: str
    mention: str
    tag: tuple[int, int] | None = None
    antecedent: tuple[str, int, int] | None = None
    vague: bool = False  # an unnamed source (`officials`, `reports`): never a named option
    role: str | None = None  # the source's role where the article gives one

    @property
    def stance(self) -> str | None:
        return stance(self.cue)

    @property
    def lemma(self) -> str:
        return lemma(self.cue)

    def to_json(self) -> dict[str, object]:
        return {
            "speaker": self.speaker,
            "kind": self.kind.value,
            "content": self.content,
            "cue": self.cue,
            "passage": self.passage_id,
            "start": self.start,
            "end": self.end,
            "direct": self.direct,
            "form": self.form,
            "mention": self.mention,
            "vague": self.vague,
            **({"role": self.role} if self.role else {}),
            **({"stance": self.stance} if self.stance else {}),
        }


@dataclass(frozen=True)
class Attributions:
    """Everything attributed in an article, in reading order, plus who is who."""

    items: tuple[Attribution, ...]
    registry: Registry = field(repr=False, compare=False)
    _aliases: dict[int, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # for naming.py: every name of a source, plain and folded, per name asked about
    alias_memo: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    folded_memo: dict[str, frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # lookups other modules build once over these attributions (the registry no longer changes)
    derived: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __iter__(self) -> Iterator[Attribution]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> Attribution:
        return self.items[index]

    def speakers(self) -> dict[str, SpeakerKind]:
        """Named speakers in order of first attribution (vague sources are left out)."""
        out: dict[str, SpeakerKind] = {}
        for a in self.items:
            if not a.vague:
                out.setdefault(a.speaker, a.kind)
        return out

    def entity(self, speaker: str) -> Entity | None:
        """The entity behind a speaker string (its display, its name or any alias)."""
        hit = self.registry.entities.get(speaker)
        if hit is not None:
            return hit
        return self._by_any_name.get(speaker)

    @cached_property
    def _by_any_name(self) -> dict[str, Entity]:
        """Each display name, name and alias → the first entity bearing it, as a scan of the
        entities in order would find it: asked for every option of every candidate question,
        a scan cost the number of people named, per question. Built after extraction, when
        the registry no longer changes."""
        out: dict[str, Entity] = {}
        for e in self.registry.entities.values():
            for name in (e.display, e.name, *e.aliases):
                out.setdefault(name, e)
        return out

    @cached_property
    def said_names(self) -> frozenset[str]:
        """Every speaker string of an attribution."""
        return frozenset(a.speaker for a in self.items)

    @cached_property
    def displays(self) -> frozenset[str]:
        """Every entity's display name."""
        return frozenset(e.display for e in self.registry.entities.values())

    def aliases(self, speaker: str) -> frozenset[str]:
        """Every name form of that source in the article (`Dmitry Peskov`, `Peskov`, …)."""
        e = self.entity(speaker)
        if e is None:
            return frozenset({speaker})
        memo = self._aliases.get(id(e))
        if memo is None:
            names = {e.name, e.display, *e.aliases, *self._keys_of.get(id(e), ())}
            memo = self._aliases[id(e)] = frozenset(n for n in names if n)
        return memo

    @cached_property
    def _keys_of(self) -> dict[int, list[str]]:
        """The registry's keys for each entity, as `Registry.aliases_of` finds them by scanning
        every key: gathered once, since the registry no longer changes after extraction."""
        out: dict[int, list[str]] = {}
        for k, v in self.registry.entities.items():
            if not k.startswith("\x00"):
                out.setdefault(id(v), []).append(k)
        return out

    def same_source(self, a: str, b: str) -> bool:
        """Whether two speaker strings name one source (an alias, an acronym, a surname)."""
        if a == b:
            return True
        ea, eb = self.entity(a), self.entity(b)
        return ea is not None and ea is eb


def extract(article: Article) -> Attributions:
    """All attributions in the article's body passages, in reading order."""
    registry = Registry.build(article)
    resolver = Resolver(article, registry)
    results: list[Resolved] = []
    last_of_passage: Resolved | None = None
    prev_unclosed = False
    answers: dict[int, list[Cand]] = {}
    for c in interview_candidates(article.body, registry):
        answers.setdefault(c.pindex, []).append(c)
    for pindex, passage in enumerate(article.body):
        if pindex in answers:
            here_answers = [resolver.resolve(c, None) for c in answers[pindex]]
            results.extend(here_answers)
            last_of_passage, prev_unclosed = here_answers[-1], False
            continue
        direct, masked = direct_candidates(passage, pindex)
        reported = reported_candidates(passage, pindex, masked, direct)
        cands = sorted(_expand(direct + reported), key=lambda c: (c.order, c.start))
        here: list[Resolved] = []
        for c in cands:
            continues = None
            if (
                c.form == "continued"
                and last_of_passage is not None
                and (prev_unclosed or last_of_passage.cand.direct)
            ):
                continues = last_of_passage
            if c.form == "continued" and continues is None:
                c.form = "split"
            here.append(resolver.resolve(c, continues))
        results.extend(here)
        prev_unclosed = any(r.cand.unclosed for r in here) or _ends_unclosed(passage)
        last_of_passage = here[-1] if here else None
    _backfill_continuations(results)
    items = [
        _attribution(r, registry)
        for r in results
        if r.entity is not None and r.entity.kind is not None
    ]
    items.sort(key=lambda a: (a.start, a.end))
    return Attributions(tuple(_dedupe(items)), registry)


def _expand(cands: list[Cand]) -> list[Cand]:
    """A compound subject gives one candidate per source."""
    out: list[Cand] = []
    for c in cands:
        parts = c.subject.sources()
        if len(parts) == 1:
            out.append(c)
            continue
        for k, part in enumerate(parts):
            out.append(
                Cand(
                    c.passage,
                    c.pindex,
                    c.start,
                    c.end,
                    c.direct,
                    c.form,
                    c.cue,
                    part,
                    c.tag,
                    c.order + k,
                    c.unclosed,
                    c.sentence_start,
                )
            )
    return out


def _dedupe(items: list[Attribution]) -> list[Attribution]:
    seen: set[tuple[str, int, int]] = set()
    out: list[Attribution] = []
    for a in items:
        key = (a.speaker, a.start, a.end)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _ends_unclosed(passage: Passage) -> bool:
    qs = find_quotes(passage.text)
    return bool(qs) and qs[-1].close is None


def _backfill_continuations(results: list[Resolved]) -> None:
    """`“First part.` ¶ `“Second part,” Smith said.`: the open quote takes the later tag's speaker."""
    for i in range(len(results) - 1, -1, -1):
        r = results[i]
        if r.entity is None and r.cand.unclosed and i + 1 < len(results):
            nxt = results[i + 1]
            if nxt.cand.pindex == r.cand.pindex + 1 and nxt.entity is not None:
                r.entity = nxt.entity
                if nxt.cand.tag is not None:
                    r.antecedent = (nxt.cand.passage.id, *nxt.cand.tag)
                r.cand.cue = r.cand.cue or nxt.cand.cue


def _attribution(r: Resolved, registry: Registry) -> Attribution:
    c = r.cand
    assert r.entity is not None and r.entity.kind is not None
    text = c.passage.text
    base = c.passage.start
    mention = ""
    if c.tag is not None:
        mention = c.subject.text or text[c.tag[0] - base : c.tag[1] - base]
    cue = c.cue
    if not cue and r.antecedent is not None:
        cue = "said"
    return Attribution(
        speaker=r.entity.display,
        kind=r.entity.kind,
        content=text[c.start - base : c.end - base],
        cue=cue or "said",
        passage_id=c.passage.id,
        start=c.start,
        end=c.end,
        direct=c.direct,
        form=c.form,
        mention=mention.strip(),
        tag=c.tag,
        antecedent=r.antecedent,
        vague=r.entity.vague,
        role=r.entity.role,
    )
