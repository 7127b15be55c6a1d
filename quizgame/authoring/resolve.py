"""Resolving each candidate's source to one entity: names, pronouns, role nouns, common nouns.

A left-to-right pass: `Peskov` joins `Dmitry Peskov`, `he`/`she` take the nearest earlier person
whose gender (where the text shows it) agrees, `the diplomat` the nearest person described as one,
`the court` the organisation named with that word, and `officials` or `the study` stay what they
are (vague or a document). A quote with no tag of its own inherits the speaker of the passage, or
of the previous paragraph when it continues that speaker's quotation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from quizgame.article.passages import Article, Passage, Sentence
from quizgame.authoring.entities import Entity, Registry
from quizgame.authoring.names import GENERIC_PEOPLE, ROLE_NOUNS, RoleParse, SpeakerKind
from quizgame.authoring.quotes import Cand
from quizgame.authoring.reported import sentence_subject


@dataclass(slots=True)
class Resolved:
    cand: Cand
    entity: Entity | None
    antecedent: tuple[str, int, int] | None


_PRONOUN_KINDS = {
    "it": frozenset({SpeakerKind.ORGANISATION, SpeakerKind.GROUP, SpeakerKind.DOCUMENT}),
    "they": frozenset({SpeakerKind.ORGANISATION, SpeakerKind.GROUP, SpeakerKind.VAGUE}),
}
_FEMININE = frozenset({"she"})
_MASCULINE = frozenset({"he"})


class Resolver:
    def __init__(self, article: Article, registry: Registry) -> None:
        self.article = article
        self.registry = registry
        self.history: list[Resolved] = []
        self.by_passage: dict[int, list[Resolved]] = {}
        self.last_spoken: dict[int, Resolved] = {}
        self._pstarts = [p.start for p in article.passages]
        self._sentence_starts: dict[str, list[int]] = {}
        self._body = article.body

    def _sent_starts(self, p: Passage) -> list[int]:
        starts = self._sentence_starts.get(p.id)
        if starts is None:
            starts = self._sentence_starts[p.id] = [s.start for s in p.sentences]
        return starts

    def _passage_id_at(self, offset: int, default: str) -> str:
        i = bisect.bisect_right(self._pstarts, offset) - 1
        return self.article.passages[i].id if i >= 0 else default

    def resolve(self, cand: Cand, continues_from: Resolved | None) -> Resolved:
        subj = cand.subject
        entity: Entity | None = None
        ante: tuple[str, int, int] | None = None
        at = cand.order
        if subj.name is not None:
            entity = self.registry.entity_for(subj.name, at)
            if subj.extra:
                entity.descriptors |= subj.extra
            if entity.role is None:
                entity.role = subj.role_text or subj.name.role
        elif subj.inherit:
            same = self.by_passage.get(cand.pindex, [])
            prior = same[-1] if same else continues_from
            if prior is not None and prior.entity is not None:
                entity = prior.entity
                ante = _ante_of(prior)
        elif subj.pronoun is not None:
            entity, ante = self._pronoun(cand, subj.pronoun)
        elif subj.role is not None:
            entity, ante = self._role(cand, subj.role)
            if entity is None and subj.noun is not None:
                entity = self.registry.noun_entity(subj.noun, SpeakerKind.PERSON, at)
        elif subj.noun is not None and subj.noun_kind is not None:
            entity = self.registry.org_for_noun(subj.noun, at) if _definite(subj.text) else None
            if entity is None and _indefinite(subj.text):
                entity, ante = self._named_later(cand, subj.noun)
            if entity is None:
                entity = self.registry.noun_entity(subj.noun, subj.noun_kind, at)
        r = Resolved(cand, entity, ante)
        self.history.append(r)
        self.by_passage.setdefault(cand.pindex, []).append(r)
        if cand.form != "possessed":
            self.last_spoken[cand.pindex] = r  # `X's claim` is never a pronoun's antecedent
        return r

    def _pronoun(
        self, cand: Cand, pronoun: str
    ) -> tuple[Entity | None, tuple[str, int, int] | None]:
        want = "f" if pronoun in _FEMININE else "m" if pronoun in _MASCULINE else None

        kinds = _PRONOUN_KINDS.get(pronoun, frozenset({SpeakerKind.PERSON}))

        def fits(e: Entity | None) -> bool:
            return e is not None and e.kind in kinds and (want is None or e.gender in (None, want))

        hit: tuple[Entity | None, tuple[str, int, int] | None] = (None, None)
        p = cand.passage
        # the subject of this sentence (its first person named before the pronoun), else the last
        # source credited, else the subject of the previous sentence, else the nearest person
        for m in self.registry.mentions_between(cand.sentence_start, cand.order):
            if fits(m.entity) and not m.possessive and not m.quoted:
                hit = (m.entity, (p.id, m.start, m.end))
                break
        if hit[0] is None and pronoun in ("they", "it"):
            hit = self._unnamed_subject(cand, kinds)
        if hit[0] is None:
            last = self.last_spoken.get(cand.pindex)
            if last is not None and fits(last.entity):
                hit = (last.entity, _ante_of(last))
        if hit[0] is None:
            k = bisect.bisect_left(self._sent_starts(p), cand.sentence_start) - 1
            if k >= 0:
                hit = self._scan(p.sentences[k], p.id, fits, kinds)
        if hit[0] is None:
            prev = self.by_passage.get(cand.pindex - 1, [])
            for r in reversed(prev):
                if fits(r.entity):
                    hit = (r.entity, _ante_of(r))
                    break
                if r.entity is not None and r.entity.kind is SpeakerKind.PERSON:
                    break
        if hit[0] is None and cand.pindex > 0 and cand.sentence_start == p.start:
            before = self._body[cand.pindex - 1]  # the last sentence of the paragraph before
            if before.sentences:
                hit = self._scan(before.sentences[-1], before.id, fits, kinds)
        if hit[0] is None:
            lo = max(0, cand.order - 1500)
            for m in reversed(self.registry.mentions_between(lo, cand.order)):
                if fits(m.entity) and not m.possessive and not m.quoted:
                    hit = (m.entity, (self._passage_id_at(m.start, p.id), m.start, m.end))
                    break
        if hit[0] is not None and hit[0].kind is None and SpeakerKind.PERSON in kinds:
            hit[0].kind = SpeakerKind.PERSON  # `She` names her: a person
        if hit[0] is not None and want is not None and hit[0].gender is None:
            hit[0].gender = want
        return hit

    def _unnamed_subject(
        self, cand: Cand, kinds: frozenset[SpeakerKind]
    ) -> tuple[Entity | None, tuple[str, int, int] | None]:
        """`State prosecutors charged him, they said`: `they` is the sentence's own subject."""
        p = cand.passage
        at = (cand.tag[0] if cand.tag else cand.order) - p.start
        found = sentence_subject(p.text, cand.sentence_start - p.start, at)
        if found is None:
            return None, None
        subj, start = found
        if subj.noun is not None and subj.noun_kind in kinds:
            entity = self.registry.noun_entity(subj.noun, subj.noun_kind, cand.order)
            return entity, (p.id, p.start + start, p.start + start + len(subj.text))
        return None, None

    def _scan(
        self,
        x: Sentence,
        pid: str,
        fits: Callable[[Entity | None], bool],
        kinds: frozenset[SpeakerKind],
    ) -> tuple[Entity | None, tuple[str, int, int] | None]:
        """The first person (by kind, else a likely person) named outside quotes in a sentence."""
        for stage in (0, 1, 2):  # known people, a one-word subject, other unknown full names
            for m in self.registry.mentions_between(x.start, x.end):
                if m.possessive or m.quoted:
                    continue
                if stage == 0:
                    if fits(m.entity):
                        return m.entity, (pid, m.start, m.end)
                    continue
                if _PLACE_PREP.search(x.text, 0, m.start - x.start):
                    continue
                subject = m.start == x.start and bool(
                    _VERB_NEXT.match(x.text, m.end - x.start)
                )  # `Bloomberg endorsed …`, not `Northamptonshire police …`
                if _maybe_person(m.entity, kinds, subject) and (
                    (stage == 2) == (len(m.entity.name.split()) >= 2)
                ):
                    return m.entity, (pid, m.start, m.end)
        return None, None

    def _named_later(
        self, cand: Cand, noun: str
    ) -> tuple[Entity | None, tuple[str, int, int] | None]:
        """`a federal judge in Texas ruled …` ¶ `Judge Gray Miller wrote …`: an indefinite role
        introduces someone the next lines name with that very title."""
        head = noun.split()[-1].lower()
        if head not in ROLE_NOUNS or head in GENERIC_PEOPLE:
            return None, None
        end = cand.passage.end
        if cand.pindex + 1 < len(self._body):
            end = self._body[cand.pindex + 1].end
        for m in self.registry.mentions_between(cand.order, end):
            if (
                m.entity.kind is SpeakerKind.PERSON
                and head in m.entity.descriptors
                and not m.quoted
            ):
                return m.entity, (self._passage_id_at(m.start, cand.passage.id), m.start, m.end)
        return None, None

    def _role(
        self, cand: Cand, role: RoleParse
    ) -> tuple[Entity | None, tuple[str, int, int] | None]:
        lo = max(0, cand.order - 3000)
        for m in reversed(self.registry.mentions_between(lo, cand.order)):
            if m.entity.compatible(role) and not m.quoted:
                return m.entity, (self._passage_id_at(m.start, cand.passage.id), m.start, m.end)
        for r in reversed(self.history[-50:]):
            if r.entity is not None and r.entity.compatible(role):
                return r.entity, _ante_of(r)
        if role.head in GENERIC_PEOPLE:
            return None, None
        for r in reversed(self.history[-10:]):
            if r.cand.pindex < cand.pindex - 1:
                break
            if r.entity is not None and r.entity.kind is SpeakerKind.PERSON:
                return r.entity, _ante_of(r)
        return None, None


_PLACE_PREP = re.compile(r"\b(?:from|in|at|near|into|across|outside|inside|through)\s+(?:the\s+)?$")


_VERB_NEXT = re.compile(
    r"\s+(?:[a-z]+ed|[a-z]+s|is|was|has|had|will|would|said|told|met|made|took|gave|won|spoke)\b"
)


def _maybe_person(e: Entity, kinds: frozenset[SpeakerKind], subject: bool) -> bool:
    """A name of unknown kind (`Anne Sacoolas`; `Bloomberg` opening its sentence) may be a
    pronoun's person."""
    words = len(e.name.split())
    return (
        SpeakerKind.PERSON in kinds
        and e.kind is None
        and (2 <= words <= 3 or (words == 1 and subject))
    )


def _indefinite(text: str) -> bool:
    return bool(re.match(r"(?:a|an)\s", text.strip(), re.IGNORECASE))


def _definite(text: str) -> bool:
    return text.strip().lower().startswith(("the ", "this ", "that "))


def _ante_of(r: Resolved) -> tuple[str, int, int] | None:
    if r.cand.subject.name is not None and r.cand.tag is not None:
        return (r.cand.passage.id, *r.cand.tag)
    return r.antecedent
