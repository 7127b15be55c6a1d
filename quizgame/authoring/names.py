"""Names in news text: titles, roles and organisation words, and reading a noun phrase as a name.

News text signals who is a person and who an organisation with capitalisation, titles, role nouns and
appositions, so a small rule set over the words is enough: no model, no downloads, the same answer
on every run. The entity layer (`entities.py`) builds on these readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from quizgame.authoring.lexicon import (
    _ORG_OF_HEADS,
    _PARTICLES,
    _TIME_WORDS,
    COUNTRIES,
    DOCUMENT_NOUNS,
    FEMALE_WORDS,
    GENERIC_PEOPLE,
    GROUP_NOUNS,
    MALE_WORDS,
    MULTI_COUNTRIES,
    ORG_WORDS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    STOP_CAPS,
    SURNAME_TITLES,
    TITLES,
    VAGUE_NOUNS,
)

# the word lists are part of this module's interface (older callers import them from here)
__all__ = [
    "COUNTRIES",
    "DOCUMENT_NOUNS",
    "FEMALE_WORDS",
    "GENERIC_PEOPLE",
    "GROUP_NOUNS",
    "MALE_WORDS",
    "MULTI_COUNTRIES",
    "ORG_WORDS",
    "ROLE_NOUNS",
    "ROLE_SYNONYMS",
    "STOP_CAPS",
    "SURNAME_TITLES",
    "TITLES",
    "VAGUE_NOUNS",
    "_ORG_OF_HEADS",
    "_PARTICLES",
    "_TIME_WORDS",
]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


class SpeakerKind(StrEnum):
    """What a source is. Quizzes offer people with people and organisations with organisations;
    a VAGUE source (`officials`, `reports`) is kept but never offered as a named option."""

    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    DOCUMENT = "document"
    VAGUE = "vague"


_PRONOUNS = {
    "he": SpeakerKind.PERSON,
    "she": SpeakerKind.PERSON,
    "it": SpeakerKind.ORGANISATION,
    "they": SpeakerKind.GROUP,
}

# A word, with brackets kept so an editor's `[Sergey]` can be read as part of a name.
_TOKEN = re.compile(r"[\w\[\]][\w'’\-\u2013\[\]]*")
_POSSESSIVE = re.compile(r"['’]s?$")


def _bare(word: str) -> str:
    return word.replace("[", "").replace("]", "")


def _is_cap(word: str) -> bool:
    w = _bare(word)
    return bool(w) and w[0].isupper()


def _is_particle_name(word: str) -> bool:
    """`el-Sisi`, `al-Assad`: a lowercase particle joined to a capitalised name."""
    head, dash, rest = word.partition("-")
    return bool(dash) and head in _PARTICLES and bool(rest) and rest[0].isupper()


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def tokens(text: str, base: int = 0) -> list[Token]:
    return [Token(base + m.start(), base + m.end(), m.group(0)) for m in _TOKEN.finditer(text)]


def token_texts(text: str) -> list[str]:
    """The words of `tokens`, without their offsets (most callers want only these)."""
    return _TOKEN.findall(text)


@dataclass(frozen=True, slots=True)
class NameParse:
    """A noun phrase read as a name: the name itself, what kind it looks like, the words around it."""

    name: str
    kind: SpeakerKind | None
    descriptors: frozenset[str]
    had_the: bool = False
    titled: bool = False
    role: str | None = None  # `former US ambassador to the United Nations`, split from the name
    gender: str | None = None  # from the honorific or role word right before the name


def gender_of(word: str) -> str | None:
    low = word.lower().rstrip(".")
    return "f" if low in FEMALE_WORDS else "m" if low in MALE_WORDS else None


@dataclass(frozen=True, slots=True)
class RoleParse:
    """A role reference such as `the diplomat` or `the Kremlin rep`: head noun plus modifiers."""

    head: str
    modifiers: frozenset[str]


def _kind_of(words: list[str], *, titled: bool) -> SpeakerKind | None:
    lowered = [_bare(w).lower() for w in words]
    joined = " ".join(lowered)
    if titled:
        return SpeakerKind.PERSON
    if (
        any(w in ORG_WORDS for w in lowered)
        or (len(words) == 1 and is_acronym(words[0]))
        or any(c.isdigit() for w in words for c in w)  # `TVN24`
    ):
        return SpeakerKind.ORGANISATION
    if joined in COUNTRIES or joined in MULTI_COUNTRIES:
        return SpeakerKind.ORGANISATION
    return None


def _strip_parens(text: str) -> str:
    return re.sub(r"\s*\([^()]*\)", "", text)


def tail_name(phrase: str) -> NameParse | None:
    """The name at the end of a noun phrase (its head), with the words before it as descriptors.

    Scans leftwards over capitalised words (and particles such as `bin`, `el-`), stopping at a
    title, a lowercase word, a possessive or a sentence word such as `The`.
    """
    words = token_texts(_strip_parens(phrase))
    if not words:
        return None
    name: list[str] = []
    i = len(words) - 1
    while i >= 0:
        w = words[i]
        bare = _bare(w)
        low = bare.lower()
        if name and _POSSESSIVE.search(w) and w[-2:] in ("'s", "’s"):
            break
        if low == "today" and not name and i > 0 and _is_cap(words[i - 1]):
            name.insert(0, bare)  # `USA Today`: a name, not a time word
            i -= 1
            continue
        acronym = len(bare) >= 2 and bare.isupper() and bare.isalpha()  # `WHO`, `US`
        if not acronym and (low in _TIME_WORDS or (low in STOP_CAPS and low not in _PARTICLES)):
            break
        surname = (  # `Ada King`, `Tom Bishop`: a title word as a surname after a first name
            not name
            and low in SURNAME_TITLES
            and _is_cap(w)
            and i > 0
            and _is_cap(words[i - 1])
            and _bare(words[i - 1]).lower() not in TITLES | ROLE_NOUNS | STOP_CAPS
        )
        if (
            (_is_cap(w) and low not in TITLES and low not in ROLE_NOUNS)
            or surname
            or _is_particle_name(w)
            or (low in _PARTICLES and name and i > 0 and _is_cap(words[i - 1]))
        ):
            name.insert(0, bare)
        else:
            break
        i -= 1
    if not name or (name[-1][0].islower() and not _is_particle_name(name[-1])):
        return None
    # `Parliament Yvette Cooper`: an institution's name glued to a person's
    org_at = [x for x, w in enumerate(name[:-2]) if w.lower() in ORG_WORDS]
    if org_at and not any(w.lower() in ORG_WORDS for w in name[org_at[-1] + 1 :]):
        name = name[org_at[-1] + 1 :]
    if name[-1].endswith(("'s", "’s")):
        return None  # `Johnson's critics`: the name is not the head
    before = words[: i + 1]
    if (
        len(name) >= 3
        and before
        and before[-1].lower() in ("the", "to", "of", "for", "at", "in")
        and any(_bare(w).lower() in TITLES for w in before)
        and all(_is_cap(w) for w in name[-2:])
    ):
        # `Ambassador to the United Nations Nikki Haley`: the place belongs to the role
        keep = 3 if name[-2].lower() in _PARTICLES or len(name[-2]) <= 2 else 2
        before = before + name[:-keep]
        name = name[-keep:]
    titled = bool(before) and (
        _bare(before[-1]).lower() in TITLES or _bare(before[-1]).lower() in ROLE_NOUNS
    )
    had_the = bool(before) and before[-1].lower() == "the"
    descriptors = frozenset(
        _bare(w).lower() for w in before[-5:] if _bare(w).lower() not in STOP_CAPS
    )
    kind = _kind_of(name, titled=titled and not _kind_of(name, titled=False))
    if kind is None and titled:
        kind = SpeakerKind.PERSON
    role = role_text(before) if kind in (None, SpeakerKind.PERSON) else None
    if role and kind is None:
        kind = SpeakerKind.PERSON
    gender = gender_of(_bare(before[-1])) if before else None
    return NameParse(" ".join(name), kind, descriptors, had_the, titled, role, gender)


_HONORIFICS = _set("mr mrs ms miss mme mlle sir dame")


def role_text(before: list[str]) -> str | None:
    """The title phrase before a name, as a role: `Former US Ambassador to the United Nations` →
    `former US ambassador to the United Nations` (title words lowercased, names kept)."""
    start = len(before)
    while start > 0 and (
        _bare(before[start - 1]).lower() not in STOP_CAPS
        or before[start - 1].lower() in ("of", "to", "for", "the")
    ):
        start -= 1
    words = [w for w in before[start:] if _bare(w).lower().rstrip(".") not in _HONORIFICS]
    while words and words[0].lower() in ("the", "of", "to", "for"):
        words = words[1:]
    if not any(_bare(w).lower() in TITLES | ROLE_NOUNS for w in words):
        return None
    low = TITLES | ROLE_NOUNS | _set("former acting deputy vice chief senior")
    return " ".join(_bare(w).lower() if _bare(w).lower() in low else _bare(w) for w in words)


def parse_name_phrase(phrase: str) -> NameParse | None:
    """Read a subject noun phrase as a name, handling `of` phrases (`Lucy Fischer of The Times`)."""
    phrase = _strip_parens(phrase).strip(" ,;:")
    phrase = _DAY_POSSESSIVE.sub("", phrase)  # `Today's Court of Session`
    if not phrase:
        return None
    org = _ORG_OF.search(phrase)
    person_of = re.search(
        r"(?:^|\s)((?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*)\s+of\s+(?:the\s+)?$",
        phrase[: org.start()] if org is not None else "",
    )
    if person_of is not None and _kind_of(person_of.group(1).split(), titled=False) is None:
        org = None  # `Steve Peers of the University of Essex`: a person, described by the `of`
    after = token_texts(re.split(r"\s(?:of|for|on)\s", org.group(0), maxsplit=1)[-1]) if org else []
    titled_person = any(
        w.lower() in TITLES and k + 1 < len(after) and after[k + 1][:1].isupper()
        for k, w in enumerate(after)
    )  # `House of Commons Speaker John Bercow`: a person after the organisation
    if org is not None and not titled_person:
        return NameParse(
            " ".join(org.group(0).split()),
            SpeakerKind.ORGANISATION,
            frozenset(),
            bool(re.search(r"\bthe\s+$", phrase[: org.start()], re.IGNORECASE)),
        )
    for m in re.finditer(r"\s+of\s+", phrase):
        left = phrase[: m.start()]
        cand = tail_name(left)
        if cand is not None and (len(cand.name.split()) >= 2 or cand.titled):
            if cand.kind is SpeakerKind.ORGANISATION and _org_of_head(cand.name):
                break  # `House of Commons …`: the `of` belongs to the organisation's name
            rest = frozenset(w.text.lower() for w in tokens(phrase[m.end() :]))
            return NameParse(
                cand.name, cand.kind, cand.descriptors | rest, cand.had_the, cand.titled
            )
    cand = tail_name(phrase)
    if cand is None:
        return None
    parts = cand.name.split()
    prefix = phrase[: phrase.rfind(parts[0])] if parts[0] in phrase else ""
    if len(parts) >= 3 and re.search(r"\bof\s*$", prefix):
        # `Mayor of London Sadiq Khan`: the first word after `of` is the place, not the name
        return NameParse(
            " ".join(parts[1:]), SpeakerKind.PERSON, cand.descriptors | {parts[0].lower()}
        )
    return cand


_DAY_POSSESSIVE = re.compile(
    r"^(?:the\s+)?(?:today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|this\s+week)['’]s\s+",
    re.IGNORECASE,
)
_ORG_OF = re.compile(
    r"(?:\b[A-Z][\w'’\-]*\s+)*\b(?:"
    + "|".join(sorted(w.capitalize() for w in _ORG_OF_HEADS))
    + r")\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'’\-]*"
    r"(?:\s+(?:(?:and|&|of|for|the)\s+)*[A-Z][\w'’\-]*)*\s*$"
)


def _org_of_head(name: str) -> bool:
    return name.split()[-1].lower() in _ORG_OF_HEADS


def parse_role(phrase: str) -> RoleParse | None:
    """`the diplomat`, `The Wooster professor`, `the Kremlin rep` → head noun and modifiers."""
    words = token_texts(_strip_parens(phrase))
    if not words or len(words) > 5:
        return None
    head = _bare(words[-1]).lower()
    if head not in ROLE_NOUNS and head not in GENERIC_PEOPLE:
        return None
    if words[0].lower() not in ("the", "this", "that") and len(words) > 1:
        return None
    mods = frozenset(_bare(w).lower() for w in words[1:-1])
    return RoleParse(head, mods)


def pronoun_kind(phrase: str) -> SpeakerKind | None:
    return _PRONOUNS.get(phrase.strip().lower())
