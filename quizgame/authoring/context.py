"""What every question maker shares: the article, its attributions, and how to prove things.

Questions may only be asked about sources that have a proper name (no `officials`) and only
with evidence that resolves in the article exactly as the loader will resolve it, so both checks
live here, once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from quizgame.article.evidence import locate
from quizgame.article.passages import Article
from quizgame.authoring.attribution import Attribution, Attributions
from quizgame.authoring.clauses import clean, content_words
from quizgame.authoring.naming import (
    aliases,
    is_vague,
    lowercase_words,
    same_source,
    well_named,
)
from quizgame.authoring.speakers import SpeakerKind

SentenceKey = tuple[str, int]
Evidence = dict[str, str]


@dataclass
class Context:
    article: Article
    found: Attributions
    _resolved: dict[tuple[str, str | None], bool] = field(default_factory=dict)
    # memos: the makers ask the same questions about names many times over
    _same: dict[tuple[str, str], bool] = field(default_factory=dict)
    _named: dict[tuple[str, SpeakerKind], bool] = field(default_factory=dict)
    _credited: dict[int, list[str]] = field(default_factory=dict)
    _said: dict[str, list[Attribution]] = field(default_factory=dict)
    _names: dict[str, frozenset[str]] = field(default_factory=dict)
    options: dict[tuple[str, SpeakerKind], list[str]] = field(default_factory=dict)

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
        return any(
            e.kind is SpeakerKind.PERSON
            and len(e.name.split()) >= 2
            and e.name.split()[-1] == last
            and self.found.entity(e.display) is not self.found.entity(speaker)
            for e in self.found.registry.entities.values()
        )

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
                sent = next((x for x in ante.sentences if x.start <= s < x.end), None)
                if sent is not None and any(
                    m.entity.kind is a.kind and not self.same(m.entity.display, a.speaker)
                    for m in self.found.registry.mentions_between(sent.start, sent.end)
                ):
                    return True
        passage = self.article.passage(a.passage_id)
        assert passage is not None
        start = next((s.start for s in passage.sentences if s.start <= a.tag[0] < s.end), a.tag[0])
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
        names = self._names.get(speaker)
        if names is None:
            found = set(aliases(self.found, speaker))
            words = speaker.split()
            if len(words) > 1 and not speaker.startswith("The "):
                found.add(words[-1])
            names = self._names[speaker] = frozenset(found)
        return any(
            re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", text, re.IGNORECASE)
            for n in names
            if len(n) > 1
        )

    def same(self, a: str, b: str) -> bool:
        key = (a, b) if a <= b else (b, a)
        if key not in self._same:
            self._same[key] = same_source(self.found, a, b)
        return self._same[key]

    # statements -------------------------------------------------------------------------------

    def credited_same(self, a: Attribution) -> list[str]:
        """Other sources the article credits with the same statement or stance as `a`: a compound
        subject, a shared sentence, or the same words or position reported twice."""
        memo = self._credited.get(id(a))
        if memo is not None:
            return memo
        out: list[str] = self._credited.setdefault(id(a), [])
        for b in self._neighbours(a):
            if b is a or self.same(b.speaker, a.speaker):
                continue
            shared_span = b.start < a.end and a.start < b.end
            wa, wb = content_words(a.content), content_words(b.content)
            shared = len(wa & wb)
            similar = shared >= 3 and shared / len(wa | wb) >= 0.5
            same_stance = a.stance is not None and b.stance == a.stance and shared >= 2
            if shared_span or similar or same_stance:
                out.append(b.speaker)
        return out

    @cached_property
    def _by_word(self) -> dict[str, list[int]]:
        """Attributions by content word, so similar statements are found without comparing
        every pair (an article twice as long costs twice as much, not four times)."""
        index: dict[str, list[int]] = {}
        for n, b in enumerate(self.found.items):
            for w in content_words(b.content):
                index.setdefault(w, []).append(n)
            index.setdefault("\x00" + b.passage_id, []).append(n)
        return index

    def _neighbours(self, a: Attribution) -> list[Attribution]:
        """Attributions sharing a content word with `a` or overlapping its span."""
        hits: set[int] = set()
        for w in content_words(a.content):
            hits.update(self._by_word.get(w, ()))
        hits.update(self._by_word.get("\x00" + a.passage_id, ()))
        return [self.found.items[n] for n in sorted(hits)]

    def told_doing(self, name: str, a: Attribution) -> bool:
        """Whether the article's narration puts `name` in a sentence with most of what `a` says
        (`Johnson joined the calls … to waive diplomatic immunity` beside `Mold urged the immunity
        be waived`): not an attribution, but a student could defend it as a second answer."""
        want = _stems(a.content)
        if len(want) < 2:
            return False
        entity = self.found.entity(name)
        if entity is None:
            return False
        for start, end, stems in self._sentences_naming.get(id(entity), ()):
            if start <= a.start < end:
                continue
            shared = want & stems
            if len(shared) >= 2 and len(shared) >= 0.75 * len(want):
                return True
        return False

    @cached_property
    def _sentences_naming(self) -> dict[int, list[tuple[int, int, frozenset[str]]]]:
        """For each entity (by id), the sentences that mention it with their stems, built once:
        `told_doing` is asked for every option of every candidate, so scanning every mention and
        re-stemming its sentence each time made long articles quadratic."""
        out: dict[int, list[tuple[int, int, frozenset[str]]]] = {}
        seen: set[tuple[int, int]] = set()
        stems_of: dict[int, frozenset[str]] = {}
        for m in self.found.registry.mentions:
            passage = self.article.passage_at(m.start)
            if passage is None:
                continue
            sent = next((s for s in passage.sentences if s.start <= m.start < s.end), None)
            if sent is None or (id(m.entity), sent.start) in seen:
                continue
            seen.add((id(m.entity), sent.start))
            if sent.start not in stems_of:
                stems_of[sent.start] = frozenset(_stems(self.article.text[sent.start : sent.end]))
            out.setdefault(id(m.entity), []).append((sent.start, sent.end, stems_of[sent.start]))
        return out

    def said_by(self, speaker: str) -> list[Attribution]:
        if speaker not in self._said:
            self._said[speaker] = [a for a in self.found.items if self.same(a.speaker, speaker)]
        return self._said[speaker]

    # evidence ---------------------------------------------------------------------------------

    def sentences(self, pid: str, start: int, end: int) -> tuple[Evidence, set[SentenceKey]]:
        """The whole sentences covering [start, end) in passage `pid`, as evidence, with keys."""
        passage = self.article.passage(pid)
        assert passage is not None
        hit = [s for s in passage.sentences if s.start < end and start < s.end]
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
                look = locate(self.article, ev["quote"], ev.get("passage"))
                self._resolved[key] = look.evidence is not None and not look.warning
            if not self._resolved[key]:
                return False
        return True

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
