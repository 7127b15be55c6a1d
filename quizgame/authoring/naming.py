"""Who may be an answer or an option: the names a quiz shows, and when two names are one source.

Generation and `quizgame check` both need to know that `Cengiz` and `Hatice Cengiz` are one person
(so they are never two options of one question), that `officials` is no name at all, and that
`United Nations Nikki Haley` is a title fused into a name. The entity layer answers these
itself (`Attribution.vague`, `Attributions.aliases`, `Attributions.same_source`); the adapters
below add what a quiz needs on top — accents, an owner's name (`Taiwan's Constitutional Court`),
an acronym of the words — because a missed alias is a second right answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable
from functools import lru_cache

from quizgame.authoring.attribution import Attribution, Attributions
from quizgame.authoring.entities import Entity
from quizgame.authoring.names import (
    COUNTRIES,
    GENERIC_PEOPLE,
    MULTI_COUNTRIES,
    ORG_WORDS,
    ROLE_NOUNS,
    STOP_CAPS,
    TITLES,
    SpeakerKind,
    is_acronym,
)

# Sources that name nobody in particular: never an answer a student can be asked to pick.
VAGUE = frozenset(
    [
        "official",
        "officials",
        "critic",
        "critics",
        "expert",
        "experts",
        "report",
        "reports",
        "source",
        "sources",
        "analyst",
        "analysts",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "authorities",
        "observer",
        "observers",
        "people",
        "some",
        "many",
        "others",
        "someone",
        "police",
        "investigators",
        "researchers",
        "scientists",
        "studies",
        "study",
        "media",
        "press",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "government",
    ]
)
# Words that make a capitalised run an institution or a document, not a person's name.
_NOT_PERSON = frozenset(
    [
        "research",
        "international",
        "directive",
        "commerce",
        "guardian",
        "journal",
        "institute",
        "national",
        "federal",
        "state",
        "republic",
        "democratic",
        "forces",
        "army",
        "party",
        "court",
        "tribunal",
        "agency",
        "center",
        "centre",
        "council",
        "office",
        "program",
        "programme",
        "act",
        "bill",
        "treaty",
        "report",
        "study",
        "group",
        "network",
        "daily",
        "weekly",
        "news",
        "press",
        "media",
        "online",
        "magazine",
        "museum",
        "hospital",
        "school",
        "airport",
        "station",
        "square",
        "street",
    ]
)
_MORE_TITLES = frozenset(
    {"assemblywoman", "assemblyman", "congressman", "congresswoman", "councilwoman"}
    | {"councilmember", "delegate", "senator", "chancellor", "rev", "reverend", "cde", "comrade"}
)
_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "van", "von", "bin", "al", "el", "la"})


# --- the entity layer's answers, widened ----------------------------


def aliases(found: Attributions, speaker: str) -> frozenset[str]:
    """Every name the article uses for `speaker` (itself included)."""
    memo = found.alias_memo.get(speaker)
    if memo is None:
        memo = found.alias_memo[speaker] = found.aliases(speaker) | _registry_aliases(
            found, speaker
        )
    return memo


def _folded_aliases(found: Attributions, name: str) -> frozenset[str]:
    memo = found.folded_memo.get(name)
    if memo is None:
        memo = found.folded_memo[name] = frozenset(_fold(n) for n in aliases(found, name))
    return memo


def same_source(found: Attributions, a: str, b: str) -> bool:
    """Whether two names stand for the same source (an alias, a surname, an acronym)."""
    return found.same_source(a, b) or _registry_same(found, a, b)


def is_vague(a: Attribution) -> bool:
    """A source such as `officials` or `reports`: kept, but never asked about or offered."""
    return a.vague or vague_name(a.speaker)


# --- fallbacks from today's registry ----------------------------------------------------------------


def _registry_aliases(found: Attributions, speaker: str) -> frozenset[str]:
    names = {speaker}
    entity = found.entity(speaker)
    if entity is not None:
        names |= {entity.name, entity.display, *entity.aliases}
    if speaker.startswith("The "):
        names.add(speaker[4:])
    return frozenset(n for n in names if n)


@lru_cache(maxsize=1 << 16)
def _fold(name: str) -> str:
    """Case, accents and a leading `the` do not make another source: `Erdogan` is `Erdoğan`."""
    name = unicodedata.normalize("NFKD", name.casefold().strip())
    name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return name[4:] if name.startswith("the ") else name


def _registry_same(found: Attributions, a: str, b: str) -> bool:
    if _fold(a) == _fold(b):
        return True
    wa, wb = _fold(a).split(), _fold(b).split()
    if len(wa) >= 2 and len(wb) >= 2 and wa[0] != wb[0] and wa[-1] == wb[-1]:
        ea, eb = found.entity(a), found.entity(b)
        if ea is not None and eb is not None and ea is not eb:
            return False  # `David Turpin` and `Louise Turpin`: two people sharing a surname
    if _folded_aliases(found, a) & _folded_aliases(found, b):
        return True
    # a bare surname or first word of a longer person name (`Cengiz` / `Hatice Cengiz`)
    if len(wa) == 1 and len(wb) > 1 and wa[0] in wb:
        return True
    if len(wb) == 1 and len(wa) > 1 and wb[0] in wa:
        return True
    # an organisation under its owner's name (`Taiwan's Constitutional Court`)
    if min(len(wa), len(wb)) >= 2 and (wa[-len(wb) :] == wb or wb[-len(wa) :] == wa):
        return True
    # an acronym of the other (`FSB` / `Federal Security Service`)
    return _acronym_of(a, b) or _acronym_of(b, a)


def _acronym_of(short: str, long: str) -> bool:
    if not is_acronym(short) or " " in short:
        return False
    return _initials(long) == short.casefold().replace(".", "")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper() and w.lower() != "the").casefold()


def same_source_keys(found: Attributions, name: str) -> tuple[set[Hashable], set[Hashable]]:
    """Keys to file `name` under, and keys to look up, so that two names `same_source` calls the
    same always meet: one's lookup keys share a key with the other's filing keys. Each rule of
    `same_source` and `_registry_same` that can say yes has its keys here (the same string or
    entity, a folded name in common, a lone word of a longer name, the last two words, an
    acronym's letters); lookups then compare a name with a few others, not with every name."""
    folded = _fold(name)
    words = folded.split()
    keys: set[Hashable] = {("S", name), ("F", folded)}
    keys |= {("F", f) for f in _folded_aliases(found, name)}
    entity = found.entity(name)
    if entity is not None:
        keys.add(("E", id(entity)))
    if len(words) >= 2:
        keys.add(("L", words[-2], words[-1]))
    post, query = set(keys), set(keys)
    if len(words) == 1:
        post.add(("W1", words[0]))
        query.add(("Wm", words[0]))
    else:
        post |= {("Wm", w) for w in words}
        query |= {("W1", w) for w in words}
    initials = _initials(name)
    if initials:
        post.add(("Ai", initials))
        query.add(("Aa", initials))
    if is_acronym(name) and " " not in name:
        acronym = name.casefold().replace(".", "")
        post.add(("Aa", acronym))
        query.add(("Ai", acronym))
    return post, query


# --- naming rules -----------------------------------------------------------------------------------


def vague_name(name: str) -> bool:
    words = [w.casefold().strip(".,") for w in name.split()]
    if not words:
        return True
    if words[0] in ("the", "a", "an", "some", "many", "several", "other"):
        words = words[1:]
    if not words:
        return True
    if not any(w[:1].isupper() for w in name.split() if w.casefold() not in ("the",)):
        return True  # no capitalised word: a description, not a name
    return len(words) == 1 and (words[0] in VAGUE or words[0] in GENERIC_PEOPLE)


# Countries written as capitals: matched as written, since `us` folded is also a pronoun.
_COUNTRY_ACRONYMS = frozenset(["US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "UAE", "DRC", "PRC"])


def is_place(name: str) -> bool:
    bare = name.removeprefix("the ").removeprefix("The ")
    return bare in _COUNTRY_ACRONYMS or _fold(name) in COUNTRIES or _fold(name) in MULTI_COUNTRIES


def well_named(
    name: str, kind: SpeakerKind, found: Attributions, lowercase: frozenset[str] = frozenset()
) -> bool:
    """Whether `name` can stand as an option: a full name as the article writes it, no fused
    title, no fragment, no vague description. `lowercase` holds the words the article writes in
    lower case: such a word (`research`, `guardian`) is no one's name."""
    if vague_name(name) or len(name) < 2 or re.search(r"[“”\"«»()\[\]]", name):
        return False
    words = name.split()
    core = [w for w in words if w.casefold() not in _CONNECTORS]
    if not core or any(not (w[:1].isupper() or w[:1].isdigit()) for w in core):
        return False
    if name not in found.registry.entities and name not in found.displays:
        return False
    if kind is SpeakerKind.PERSON:
        bare = [w.casefold().strip("'’.") for w in words]
        if any(
            w in TITLES or w in _MORE_TITLES or w in ORG_WORDS or w in STOP_CAPS or w in _NOT_PERSON
            for w in bare
        ):
            return False  # `President Trump`, `Kremlin Dmitry Peskov`: a title or body fused in
        if any(w in lowercase for w in bare if len(w) > 3):
            return False  # a word the article also writes in lower case is no one's name
        entity = _entity(found, name)
        if entity is not None and entity.had_the:
            return False  # `the Oberster Gerichtshof`, `social media site Facebook`: not people
        if len(words) == 1 and (
            is_place(name)
            or not _is_speaker(found, name)
            or name.lower().endswith("ly")
            or entity is None
            or not has_role(entity)
        ):
            return False  # a lone capitalised word is a name only when someone says something
        index = _index(found)
        # `United Nations Nikki Haley`: an organisation fused onto the name
        return not (
            len(words) >= 3
            and (
                words[0].casefold() in index.org_words
                or any(tuple(words[:k]) in index.prefixes for k in range(2, len(words)))
            )
        )
    if len(words) > 5 or _has_person(found, words):
        return False  # `Senate Minority Whip Dick Durbin` is a person fused into an office
    if len(words) == 1 and not is_acronym(name) and not is_place(name):
        return words[0].casefold() in ORG_WORDS or _is_speaker(found, name)
    return True


def has_role(entity: Entity) -> bool:
    """Whether the article introduces the entity with a person's role (`minister`, `wife`)."""
    return bool(entity.descriptors & (ROLE_NOUNS | TITLES | GENERIC_PEOPLE | _MORE_TITLES))


def _entity(found: Attributions, name: str) -> Entity | None:
    return found.entity(name)


def _has_person(found: Attributions, words: list[str]) -> bool:
    return len(words) >= 3 and words[-1] in _index(found).surnames


def _is_speaker(found: Attributions, name: str) -> bool:
    return name in found.said_names


class _Index:
    """Word sets `well_named` compares every name with, gathered once per article rather than
    once per name (a text naming thousands of people made that quadratic)."""

    def __init__(self, found: Attributions) -> None:
        entities = list(found.registry.entities.values())
        self.org_words = frozenset(
            w.casefold()
            for e in found.registry.of_kind(SpeakerKind.ORGANISATION)
            for w in e.name.split()
            if len(w) > 2
        )
        # names of bodies and places of two words or more, by their words
        self.prefixes = frozenset(
            tuple(e.name.split())
            for e in entities
            if e.kind is not SpeakerKind.PERSON and len(e.name.split()) >= 2
        )
        self.surnames = frozenset(
            e.name.split()[-1]
            for e in found.registry.of_kind(SpeakerKind.PERSON)
            if len(e.name.split()) >= 2 or _is_speaker(found, e.name)
        )


def _index(found: Attributions) -> _Index:
    index = found.derived.get("naming")
    if not isinstance(index, _Index):
        index = found.derived["naming"] = _Index(found)
    return index


def lowercase_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"(?<![\w'’-])([a-z][a-z'’-]+)", text))
