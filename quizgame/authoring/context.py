"""What every question maker shares: the article, its attributions, and how to prove things.

Questions may only be asked about sources that have a proper name (no `officials`) and only
with evidence that resolves in the article exactly as the loader will resolve it, so both checks
live here, once.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from quizgame.article.evidence import locate, passages_holding
from quizgame.article.passages import Article
from quizgame.authoring.attribution import Attribution, Attributions
from quizgame.authoring.clauses import clean, content_words
from quizgame.authoring.entities import Entity
from quizgame.authoring.naming import (
    aliases,
    is_vague,
    lowercase_words,
    same_source,
    same_source_keys,
    well_named,
)
from quizgame.authoring.similar import NarrationIndex, SentenceLookup, StatementIndex
from quizgame.authoring.speakers import SpeakerKind

SentenceKey = tuple[str, int]
Evidence = dict[str, str]


@dataclass
class Context(SentenceLookup):
    article: Article
    found: Attributions
    _resolved: dict[tuple[str, str | None], bool] = field(default_factory=dict)
    _held: dict[str, frozenset[str]] = field(default_factory=dict)
    # memos: the makers ask the same questions about names many times over
    _same: dict[tuple[str, str], bool] = field(default_factory=dict)
    _named: dict[tuple[str, SpeakerKind], bool] = field(default_factory=dict)
    _credited: dict[int, list[str]] = field(default_factory=dict)
    _said: dict[str, list[Attribution]] = field(default_factory=dict)
    _lemmas: dict[str, frozenset[str]] = field(default_factory=dict)
    _first_by_string: dict[str, dict[str, Attribution]] = field(default_factory=dict)
    _verbs_by_content: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    _naming_sentences: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    _names: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    _stems_of: dict[str, frozenset[str]] = field(default_factory=dict)
    _surnames: dict[str, list[Entity]] | None = None
    options: dict[tuple[str, SpeakerKind], Iterable[str]] = field(default_factory=dict)
    names_of_kind: dict[SpeakerKind, list[str]] = field(default_factory=dict)
    # what several question makers ask about one statement, worked out once (see candidates.py)
    quoted: dict[int, list[tuple[str, list[Evidence], set[SentenceKey]]]] = field(
        default_factory=dict
    )
    reported: list[tuple[int, Attribution, str, list[Evidence], set[SentenceKey]]] | None = None
    reported_options: dict[int, tuple[str, list[str]] | None] = field(default_factory=dict)

    @cached_property
    def usable(self) -> tuple[int, ...]:
        """Indexes of attributions a question may be about: a named, well-formed source."""
        return tuple(
            i
            for i, a in enumerate(self.found.items)
            if not is_vague(a) and self.named(a.speaker, a.kind) and not self.ambiguous(a)
        )

    def _shares_surname(self, speaker: str) -> bool:
        last = speaker.split()[-1]
        me = self.found.entity(speaker)
        return any(self.found.entity(e.display) is not me for e in self._people_by_surname(last))

    def _people_by_surname(self, last: str) -> list[Entity]:
        """People named with two words or more whose last word is `last` (an index built once:
        a scan of every entity for every pronoun cost a book its length squared)."""
        if self._surnames is None:
            self._surnames = {}
            for e in self.found.registry.entities.values():
                words = e.name.split()
                if e.kind is SpeakerKind.PERSON and len(words) >= 2:
                    self._surnames.setdefault(words[-1], []).append(e)
        return self._surnames.get(last, [])

    def ambiguous(self, a: Attribution) -> bool:
        """A pronoun or role (`he`, `the minister`) in a sentence that names another source of
        the same kind before it: the reader cannot be sure who spoke, so no question asks."""
        if a.tag is None:
            return False
        # `“…,” said the university's chancellor, Pradeep Khosla`: the tag runs on to a person
        after = a.tag[1] + 45 if a.direct and a.tag[0] >= a.end else a.tag[1]
        if a.kind is SpeakerKind.ORGANISATION and any(
            m.entity.kind is SpeakerKind.PERSON and len(m.entity.name.split()) >= 2
            for m in self.found.registry.mentions_between(a.tag[0], after)
        ):
            return True  # `the university's chancellor, Pradeep Khosla, said`: a person spoke
        if not a.mention or self.mentions(a.speaker, a.mention):
            return False
        if a.kind is SpeakerKind.PERSON and self._shares_surname(a.speaker):
            return True  # `she` with David and Louise Turpin both named: whose words?
        if (
            a.antecedent is not None
        ):  # `Mugabe agreed … in which Tsvangirai became …` ¶ `he declared`
            pid, s, _ = a.antecedent
            ante = self.article.passage(pid)
            if ante is not None:
                sent = self.sentence_at(ante, s)
                if sent is not None and any(
                    m.entity.kind is a.kind and not self.same(m.entity.display, a.speaker)
                    for m in self.found.registry.mentions_between(sent.start, sent.end)
                ):
                    return True
        passage = self.article.passage(a.passage_id)
        assert passage is not None
        around = self.sentence_at(passage, a.tag[0])
        start = around.start if around is not None else a.tag[0]
        return any(
            m.entity.kind is a.kind and not self.same(m.entity.display, a.speaker)
            for m in self.found.registry.mentions_between(start, a.tag[0])
        )

    @cached_property
    def lowercase(self) -> frozenset[str]:
        return lowercase_words(" ".join(p.text for p in self.article.body))

    def named(self, name: str, kind: SpeakerKind) -> bool:
        key = (name, kind)
        if key not in self._named:
            self._named[key] = well_named(name, kind, self.found, self.lowercase)
        return self._named[key]

    @cached_property
    def headline_words(self) -> set[str]:
        return content_words(self.article.headline)

    @cached_property
    def body_words(self) -> int:
        return sum(len(p.text.split()) for p in self.article.body)

    @cached_property
    def passage_order(self) -> dict[str, int]:
        return {p.id: n for n, p in enumerate(self.article.body)}

    # names ------------------------------------------------------------------------------------

    def mentions(self, speaker: str, text: str) -> bool:
        """Whether `text` names `speaker` by any of its names (a surname is enough)."""
        if speaker not in self._names:
            found = set(aliases(self.found, speaker))
            words = speaker.split()
            if len(words) > 1 and not speaker.startswith("The "):
                found.add(words[-1])
            # one pattern for all the names, built once: a regex alternation matches wherever any
            # one of them would (it backtracks to the next name when a word boundary fails)
            alts = "|".join(re.escape(n) for n in sorted(found) if len(n) > 1)
            self._names[speaker] = (
                re.compile(rf"(?<![\w])(?:{alts})(?![\w])", re.IGNORECASE) if alts else None
            )
        pattern = self._names[speaker]
        return pattern is not None and pattern.search(text) is not None

    def same(self, a: str, b: str) -> bool:
        key = (a, b) if a <= b else (b, a)
        if key not in self._same:
            self._same[key] = same_source(self.found, a, b)
        return self._same[key]

    # statements -------------------------------------------------------------------------------

    def credited_same(self, a: Attribution) -> list[str]:
        """Other sources the article credits with the same statement or stance as `a`: a compound
        subject, a shared sentence, or the same words or position reported twice. Each source
        once, in the order of its first such statement (callers ask whether a name is among them,
        and the first of them)."""
        memo = self._credited.get(id(a))
        if memo is not None:
            return memo
        firsts = self._statements.credited(a)
        out = self._credited[id(a)] = [
            s for s in sorted(firsts, key=firsts.__getitem__) if not self.same(s, a.speaker)
        ]
        return out

    def position(self, a: Attribution) -> int:
        """`a`'s index in `found.items`."""
        return self._statements.position[id(a)]

    @cached_property
    def _statements(self) -> StatementIndex:
        return StatementIndex(self.found.items)

    def told_doing(self, name: str, a: Attribution) -> bool:
        """Whether the article's narration puts `name` in a sentence with most of what `a` says
        (`Johnson joined the calls … to waive diplomatic immunity` beside `Mold urged the immunity
        be waived`): not an attribution, but a student could defend it as a second answer."""
        want = self._stems_of.get(a.content)
        if want is None:
            want = self._stems_of[a.content] = frozenset(_stems(a.content))
        if len(want) < 2:
            return False
        entity = self.found.entity(name)
        if entity is None:
            return False
        return self._sentences_naming.told(id(entity), want, a.start)

    @cached_property
    def _sentences_naming(self) -> NarrationIndex:
        """For each entity, the sentences that mention it with their stems, built once:
        `told_doing` is asked for every option of every candidate, so scanning every mention and
        re-stemming its sentence each time made long articles quadratic."""
        out = NarrationIndex()
        seen: set[tuple[int, int]] = set()
        stems_of: dict[int, frozenset[str]] = {}
        for m in self.found.registry.mentions:
            passage = self.article.passage_at(m.start)
            if passage is None:
                continue
            sent = self.sentence_at(passage, m.start)
            if sent is None or (id(m.entity), sent.start) in seen:
                continue
            seen.add((id(m.entity), sent.start))
            if sent.start not in stems_of:
                stems_of[sent.start] = frozenset(_stems(self.article.text[sent.start : sent.end]))
            out.add(id(m.entity), sent.start, sent.end, stems_of[sent.start])
        return out

    def said_by(self, speaker: str) -> list[Attribution]:
        """Every statement of `speaker` under any of its names, in reading order."""
        if speaker not in self._said:
            hits = [
                n
                for s in self.speakers_like(speaker)
                if self.same(s, speaker)
                for n in self._by_speaker[s]
            ]
            self._said[speaker] = [self.found.items[n] for n in sorted(hits)]
        return self._said[speaker]

    @cached_property
    def _by_speaker(self) -> dict[str, list[int]]:
        """Statements by speaker string: `said_by` compares each name once, not each statement."""
        out: dict[str, list[int]] = {}
        for n, a in enumerate(self.found.items):
            out.setdefault(a.speaker, []).append(n)
        return out

    def speakers_like(self, name: str) -> set[str]:
        """The speaker strings that may name the same source as `name`: every one `same` would
        accept, and a few more (see `naming.same_source_keys`)."""
        blocks = self._speaker_blocks
        out: set[str] = set()
        for key in same_source_keys(self.found, name)[1]:
            out.update(blocks.get(key, ()))
        return out

    @cached_property
    def _speaker_blocks(self) -> dict[Hashable, list[str]]:
        out: dict[Hashable, list[str]] = {}
        for s in self._by_speaker:
            for key in same_source_keys(self.found, s)[0]:
                out.setdefault(key, []).append(s)
        return out

    def said_other(self, speaker: str, a: Attribution) -> Attribution | None:
        """The first statement of `speaker` that is not `a` (`a` is at most one of them)."""
        return next((b for b in self.said_by(speaker) if b is not a), None)

    def lemmas_of(self, speaker: str) -> frozenset[str]:
        """The verbs (`urge`, `deny`) `speaker`'s statements are reported with."""
        memo = self._lemmas.get(speaker)
        if memo is None:
            memo = self._lemmas[speaker] = frozenset(b.lemma for b in self.said_by(speaker))
        return memo

    def first_said_by_any(self, speaker: str, names: Iterable[str]) -> Attribution | None:
        """The first statement of `speaker` whose speaker string is one of `names`."""
        firsts = self._first_by_string.get(speaker)
        if firsts is None:
            firsts = self._first_by_string[speaker] = {}
            for b in self.said_by(speaker):
                firsts.setdefault(b.speaker, b)
        hits = [firsts[n] for n in set(names) if n in firsts]
        return min(hits, key=lambda b: self._statements.position[id(b)]) if hits else None

    def reversed_elsewhere(self, a: Attribution) -> bool:
        """Whether the article credits `a`'s source with `a`'s very words under another verb."""
        lemmas = self._verbs_by_content.get(a.speaker)
        if lemmas is None:
            lemmas = self._verbs_by_content[a.speaker] = {}
            for b in self.said_by(a.speaker):
                lemmas.setdefault(b.content, set()).add(b.lemma)
        return any(lemma != a.lemma for lemma in lemmas.get(a.content, ()))

    def sentences_naming_speaker(self, speaker: str) -> dict[str, dict[str, int]]:
        """The sentences in which `speaker` says something and the sentence names whoever says it
        (a surname is enough), as `sentences` quotes them; for each, the passages it is in (the
        same words may occur twice) and the place in `said_by(speaker)` of the first such
        statement there. In reading order, so the first one fit for a purpose is found by
        skipping the few sentences and passages already used, not by rescanning every statement."""
        memo = self._naming_sentences.get(speaker)
        if memo is None:
            memo = self._naming_sentences[speaker] = {}
            for n, b in enumerate(self.said_by(speaker)):
                s = self.sentences(b.passage_id, b.start, b.end)[0]["quote"]
                if b.passage_id not in memo.get(s, {}) and self.mentions(b.speaker, s):
                    memo.setdefault(s, {})[b.passage_id] = n
        return memo

    @cached_property
    def speakers(self) -> frozenset[str]:
        """Every speaker string of a statement."""
        return frozenset(self._by_speaker)

    # evidence ---------------------------------------------------------------------------------

    def sentences(self, pid: str, start: int, end: int) -> tuple[Evidence, set[SentenceKey]]:
        """The whole sentences covering [start, end) in passage `pid`, as evidence, with keys."""
        passage = self.article.passage(pid)
        assert passage is not None
        hit = self.sentences_in(passage, start, end)
        if hit:
            start, end = hit[0].start, hit[-1].end
        keys = {(pid, s.start) for s in hit} or {(pid, start)}
        return {"quote": clean(self.article.text[start:end]), "passage": pid}, keys

    def locate_in(self, a: Attribution, text: str) -> tuple[int, int]:
        """Where a piece of `a`'s content sits in the article (its span if not found exactly)."""
        core = clean(text).rstrip(".,!?;:")[:60]
        hay = clean(self.article.text[a.start : a.end])
        pos = hay.find(core)
        if pos < 0:
            return a.start, a.end
        # map the position in the cleaned span back to the raw text (spaces may differ)
        raw = self.article.text
        i, seen = a.start, 0
        while i < a.end and seen < pos:
            if not (raw[i].isspace() and i + 1 < a.end and raw[i + 1].isspace()):
                seen += 1
            i += 1
        return i, min(a.end, i + len(text))

    def proof(
        self, a: Attribution, span: tuple[int, int] | None = None
    ) -> tuple[list[Evidence], set[SentenceKey]]:
        """Evidence for `a`: the sentence(s) with the words (or `span` of them), the one naming
        the speaker, and the antecedent's when a pronoun or role names them."""
        start, end = span or (a.start, a.end)
        main, keys = self.sentences(a.passage_id, start, end)
        items = [main]
        if a.tag is not None:
            tag, _ = self.sentences(a.passage_id, *a.tag)
            if tag["quote"] not in main["quote"]:
                items.insert(0, tag) if a.tag[0] < start else items.append(tag)
        if a.antecedent is not None and (not a.mention or not self.mentions(a.speaker, a.mention)):
            pid, s, e = a.antecedent
            ante, _ = self.sentences(pid, s, e)
            if all(ante["quote"] not in i["quote"] for i in items):
                items.insert(0, ante)
        return items, keys

    def resolves(self, evidence: Iterable[Evidence]) -> bool:
        for ev in evidence:
            key = (ev["quote"], ev.get("passage"))
            if key not in self._resolved:
                self._resolved[key] = self._resolves(ev["quote"], ev.get("passage"))
            if not self._resolved[key]:
                return False
        return True

    def _resolves(self, quote: str, passage: str | None) -> bool:
        """Whether `locate` finds `quote` (in `passage` when named) in body text, with no warning."""
        if passage is None:
            look = locate(self.article, quote)
            return look.evidence is not None and not look.warning
        held = self._held.get(quote)
        if held is None:
            held = self._held[quote] = passages_holding(self.article, quote)
        return self.article.passage(passage) is not None and passage in held

    def importance(self, a: Attribution) -> float:
        """How much a question about `a` matters: the headline event, the lead, a stance."""
        score = 0.0
        hw = self.headline_words
        if hw:
            shared = len(hw & content_words(a.content + " " + a.speaker))
            score += min(3.0, 1.2 * shared)
        order = self.passage_order.get(a.passage_id, 99)
        score += max(0.0, 2.0 - 0.5 * order)
        if a.stance in ("denial", "criticism", "support"):
            score += 2.0
        elif a.stance is not None:
            score += 1.2
        if not a.direct:
            score += 0.3  # a reported position is usually the point, a quote the colour
        return score


def _stems(text: str) -> set[str]:
    """Content words cut to a crude stem, so `waive` meets `waived`."""
    return {re.sub(r"(?:ing|ed|es|e|s|d)$", "", w) for w in content_words(text)}
