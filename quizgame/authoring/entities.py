"""The entity layer: every person, organisation, group or document an article names, with aliases.

Attribution needs to know that `Kremlin spokesman Dmitry Peskov`, `Peskov` and `the Kremlin rep` are
one person, that `the Federal Security Service (FSB)` and `FSB` are one organisation, and which
sources are vague (`officials`) and must never be offered as named options.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from quizgame.article.passages import Article
from quizgame.authoring.name_runs import name_runs
from quizgame.authoring.names import (
    COUNTRIES,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    VAGUE_NOUNS,
    NameParse,
    RoleParse,
    SpeakerKind,
    is_acronym,
)
from quizgame.authoring.quotes import find_quotes

# --- the registry ---------------------------------------------------------------------------------


@dataclass(slots=True)
class Entity:
    """One person or organisation named in the article, under its fullest name."""

    name: str
    kind: SpeakerKind | None
    descriptors: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    first: int = 0
    mentions: int = 0
    had_the: bool = False
    reused_surname: bool = False
    gender: str | None = None  # "m" / "f" where honorifics, role words or pronouns show it
    role: str | None = None  # `former US ambassador to the United Nations`, split from the name

    @property
    def vague(self) -> bool:
        return self.kind is SpeakerKind.VAGUE

    @property
    def display(self) -> str:
        """How a quiz shows it: `The Kremlin`, `PBS`, `Dmitry Peskov`."""
        if self.kind in (SpeakerKind.VAGUE, SpeakerKind.DOCUMENT, SpeakerKind.GROUP) and (
            self.name[:1].islower()
        ):
            return self.name
        if (
            self.kind is SpeakerKind.ORGANISATION
            and self.had_the
            and not is_acronym(self.name)
            and not self.name.startswith("The ")
            and self.name.lower() not in COUNTRIES
        ):
            return f"The {self.name}"
        return self.name

    def compatible(self, role: RoleParse) -> bool:
        if self.kind is not SpeakerKind.PERSON:
            return False
        wanted = ROLE_SYNONYMS.get(role.head, frozenset({role.head}))
        if self.descriptors & wanted:
            return True
        return bool(role.modifiers) and bool(role.modifiers & self.descriptors)


_ACRONYM_PAREN = re.compile(
    r"(?P<long>(?:[A-Z][\w'’\-]*\s+(?:(?:of|for|and|the|on|de|du)\s+)*){1,8}[A-Z][\w'’\-]*)"
    r"\s*\((?P<acro>[A-Z][A-Za-z&]{1,7})\)"
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: Entity
    possessive: bool
    quoted: bool = False  # inside a quotation: never a speaker, never an antecedent


_COMMON = DOCUMENT_NOUNS | GROUP_NOUNS | VAGUE_NOUNS | ROLE_NOUNS


class _Entities(dict[str, Entity]):
    """Name → entity, remembering the order keys were first added (for incremental indexes)."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[str] = []

    def __setitem__(self, key: str, value: Entity) -> None:
        if key not in self:
            self.order.append(key)
        super().__setitem__(key, value)


class Registry:
    """Every name in the body text, merged so a surname or short form finds its full name."""

    def __init__(self) -> None:
        self.entities: _Entities = _Entities()
        self._by_surname: dict[str, list[Entity]] = {}
        self.mentions: list[Mention] = []
        self._starts: list[int] = []
        self._last_seen: dict[int, list[int]] = {}  # id(entity) → sorted mention starts
        self._by_word: dict[str, list[Entity]] = {}
        self._indexed = 0

    # building ---------------------------------------------------------------------------------

    @classmethod
    def build(cls, article: Article) -> Registry:
        reg = cls()
        raw: list[tuple[int, int, NameParse, bool]] = []
        quoted: list[tuple[int, int]] = []
        for passage in article.body:
            for start, end, parse, possessive in name_runs(passage.text, passage.start):
                raw.append((start, end, parse, possessive))
            for q in find_quotes(passage.text):
                close = q.close if q.close is not None else len(passage.text)
                quoted.append((passage.start + q.open, passage.start + close))
        qstarts = [a for a, _ in quoted]
        # full names first, so that a later `Peskov` joins `Dmitry Peskov`
        for start, _end, parse, _pos in raw:
            if len(parse.name.split()) >= 2:
                reg._add(parse, start)
        for start, end, parse, possessive in raw:
            entity = reg._add(parse, start)
            k = bisect.bisect_right(qstarts, start) - 1
            inside = k >= 0 and quoted[k][0] < start < quoted[k][1]
            reg.mentions.append(Mention(start, end, entity, possessive, inside))
        reg.mentions.sort(key=lambda m: m.start)
        reg._starts = [m.start for m in reg.mentions]
        for m in reg.mentions:
            reg._last_seen.setdefault(id(m.entity), []).append(m.start)
        for passage in article.body:
            reg._acronyms(passage.text, passage.start)
        reg._short_forms()
        for e in reg.entities.values():
            if e.kind is None and len(e.name.split()) >= 2 and e.reused_surname:
                e.kind = SpeakerKind.PERSON
        return reg

    def _add(self, parse: NameParse, at: int) -> Entity:
        entity = self.find(parse.name, at)
        if entity is None:
            entity = Entity(parse.name, parse.kind, first=at)
            self.entities[parse.name] = entity
            words = parse.name.split()
            if len(words) >= 2 and parse.kind is not SpeakerKind.ORGANISATION:
                self._by_surname.setdefault(words[-1], []).append(entity)
                entity.aliases.add(words[-1])
        elif entity.name != parse.name:
            for bearer in self._by_surname.get(parse.name, [entity]):
                bearer.reused_surname = True
            entity.aliases.add(parse.name)
        entity.mentions += 1
        entity.descriptors |= parse.descriptors
        entity.had_the = entity.had_the or parse.had_the
        if entity.role is None and parse.role:
            entity.role = parse.role
        if entity.gender is None and parse.gender is not None:
            entity.gender = parse.gender  # `Mrs`, `Ms`, `spokeswoman`, `Queen` right before it
        if entity.kind is None and parse.kind is not None:
            entity.kind = parse.kind
        elif parse.titled and entity.kind is None:
            entity.kind = SpeakerKind.PERSON
        return entity

    def find(self, name: str, at: int | None = None) -> Entity | None:
        """The entity a name refers to; a bare surname picks the most recently mentioned bearer."""
        hit = self.entities.get(name)
        if hit is not None:
            return hit
        words = name.split()
        if len(words) == 1:
            bearers = self._by_surname.get(words[0], [])
            if len(bearers) == 1 or at is None:
                return bearers[0] if bearers else None
            if bearers:
                return max(bearers, key=lambda e: self._last_mention(e, at))
        if len(words) >= 2 and words[0].lower() == "the":
            return self.entities.get(" ".join(words[1:]))
        return None

    def _last_mention(self, entity: Entity, at: int) -> int:
        seen = self._last_seen.get(id(entity), [])
        i = bisect.bisect_right(seen, at) - 1
        return seen[i] if i >= 0 else -entity.first

    def _acronyms(self, text: str, base: int) -> None:
        """`the Federal Security Service (FSB)`: the acronym joins the long name's entity."""
        for m in _ACRONYM_PAREN.finditer(text):
            acro = m["acro"]
            words = m["long"].split()
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if not initials or acro[0] not in initials:
                continue
            entity = None
            for k in range(len(words)):
                if words[k][:1].isupper() and " ".join(words[k:]) in self.entities:
                    entity = self.entities[" ".join(words[k:])]
                    break
            if entity is None:
                continue
            other = self.entities.get(acro)
            if other is not None and other is not entity:
                self._merge(other, entity)
            self.entities[acro] = entity
            entity.aliases.add(acro)
            if entity.kind is None:
                entity.kind = SpeakerKind.ORGANISATION

    def _short_forms(self) -> None:
        """`Court of Justice` after `European Court of Justice`: one organisation, if only one
        longer name ends with the short one."""
        longer: dict[str, list[Entity]] = {}
        for name, e in list(self.entities.items()):
            words = name.split()
            if e.kind is SpeakerKind.ORGANISATION and len(words) >= 3 and name == e.name:
                for k in range(1, len(words) - 1):
                    longer.setdefault(" ".join(words[k:]), []).append(e)
        for name, e in list(self.entities.items()):
            owners = [o for o in longer.get(name, []) if o is not e]
            if (
                len(owners) == 1
                and len(name.split()) >= 2
                and e.kind
                in (
                    None,
                    SpeakerKind.ORGANISATION,
                )
            ):
                self._merge(e, owners[0])
                self.entities[name] = owners[0]
                owners[0].aliases.add(name)

    def _merge(self, other: Entity, entity: Entity) -> None:
        entity.mentions += other.mentions
        entity.descriptors |= other.descriptors
        for mm in range(len(self.mentions)):
            if self.mentions[mm].entity is other:
                old = self.mentions[mm]
                self.mentions[mm] = replace(old, entity=entity)
                self._last_seen.setdefault(id(entity), []).append(old.start)
        self._last_seen.get(id(entity), []).sort()

    def noun_entity(self, noun: str, kind: SpeakerKind, at: int) -> Entity:
        """An unnamed source kept under its own words: `officials`, `the study`, `Turkish official`."""
        key = noun.lower()
        entity = self.entities.get(f"\x00{key}")
        if entity is None:
            if kind is SpeakerKind.PERSON:
                kind = SpeakerKind.VAGUE  # an unnamed person (`a Turkish official`) is vague
            if noun[:1].isupper() and noun.split()[0].lower() in _COMMON:
                noun = noun[:1].lower() + noun[1:]  # `Officials said` → `officials`
            entity = Entity(noun, kind, first=at)
            self.entities[f"\x00{key}"] = entity
        entity.mentions += 1
        return entity

    def org_for_noun(self, noun: str, at: int) -> Entity | None:
        """`the court`, `the embassy`: the organisation or group named with that head word."""
        head = noun.split()[-1].lower()
        best: Entity | None = None
        best_at = -(10**12)
        for e in self._with_word(head):
            if e.kind not in (SpeakerKind.ORGANISATION, SpeakerKind.GROUP):
                continue
            # the most mentioned such organisation, then the most recent: `the court` in an
            # article about the Court of Session that also names the Supreme Court once
            seen = e.mentions * 10**9 + self._last_mention(e, at)
            if seen > best_at:
                best, best_at = e, seen
        return best

    def _with_word(self, word: str) -> list[Entity]:
        """Named entities with `word` in their name; the index grows as entities are added, so
        lookups stay cheap on long articles."""
        order = self.entities.order
        for key in order[self._indexed :]:
            if not key.startswith("\x00"):
                for w in key.lower().split():
                    self._by_word.setdefault(w, []).append(self.entities[key])
        self._indexed = len(order)
        return self._by_word.get(word, [])

    def aliases_of(self, entity: Entity) -> frozenset[str]:
        names = {entity.name, entity.display, *entity.aliases}
        names |= {k for k, v in self.entities.items() if v is entity and not k.startswith("\x00")}
        return frozenset(n for n in names if n)

    def entity_for(self, parse: NameParse, at: int) -> Entity:
        """The registered entity for a parsed speaker name, registering it if new."""
        entity = self.find(parse.name, at)
        if entity is None:
            entity = self._add(parse, at)
        else:
            entity.descriptors |= parse.descriptors
            if entity.kind is None:
                entity.kind = parse.kind
        if entity.kind is None:
            words = parse.name.split()
            entity.kind = (
                SpeakerKind.ORGANISATION
                if len(words) == 1 and words[0].lower() in COUNTRIES
                else SpeakerKind.PERSON
            )
        return entity

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def of_kind(self, kind: SpeakerKind) -> list[Entity]:
        """Named entities of a kind, each once (aliases and unnamed sources left out)."""
        out: dict[int, Entity] = {}
        for key, e in self.entities.items():
            if e.kind is kind and not key.startswith("\x00"):
                out.setdefault(id(e), e)
        return list(out.values())
