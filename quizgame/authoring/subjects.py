"""Reading the words before (or after) a cue verb as its source: a name, a role, a pronoun or a noun.

`Kremlin spokesman Dmitry Peskov`, `he`, `the diplomat`, `the study`, `officials` and `The
Investigative Committee and the FSB` are all sources; a date, a place phrase or an apposition around
them is not. A compound subject gives one source per conjunct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizgame.authoring.cues import (
    _AUX,
    _DATELINE,
    _LEADING_TIME,
    _PREP_START,
    _TIME_SEGMENT,
    _TRAILING_ADV,
)
from quizgame.authoring.names import (
    DOCUMENT_NOUNS,
    GENERIC_PEOPLE,
    GROUP_NOUNS,
    ROLE_NOUNS,
    TITLES,
    VAGUE_NOUNS,
    NameParse,
    RoleParse,
    SpeakerKind,
    parse_name_phrase,
    parse_role,
    pronoun_kind,
    token_texts,
)

# Determiners and quantifiers dropped from the front of a common-noun source.
_DETERMINERS = re.compile(
    r"^(?:(?:the|a|an|this|that|these|those|his|her|its|their|our)\s+)+", re.IGNORECASE
)


_PARTICIPLE_TAIL = re.compile(
    r"\s+(?:posted|published|issued|released|signed|written|made|sent|given|shared|put)\b"
)
_SUBORDINATOR = re.compile(
    r"^(?:as|and|but|while|because|when|where|so|though|although|since|after|before)\s+",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Subject:
    """One reading of a source phrase; `parts` holds the conjuncts of a compound subject."""

    name: NameParse | None = None
    role: RoleParse | None = None
    pronoun: str | None = None
    inherit: bool = False
    text: str = ""
    extra: frozenset[str] = frozenset()
    noun: str | None = None  # a common-noun source (`study`, `Turkish official`, `officials`)
    noun_kind: SpeakerKind | None = None
    parts: tuple[Subject, ...] = field(default_factory=tuple)
    role_text: str | None = None  # an apposition giving the source's role

    def sources(self) -> tuple[Subject, ...]:
        return self.parts or (self,)


def _words(text: str) -> list[str]:
    return token_texts(text)


def noun_source(seg: str) -> tuple[str, SpeakerKind] | None:
    """`the study` → (`study`, document); `A number of Senators` → (`Senators`, vague)."""
    seg = seg.strip(" ,;:")
    if "“" in seg or '"' in seg:
        return None
    seg = _PARTICIPLE_TAIL.split(seg)[0]  # `a statement posted to his account` → `a statement`
    later = re.search(r"^[a-z][\w\s]*?\s(?=(?:the|a|an)\s)", seg)
    if later:
        seg = seg[later.end() :]  # `few days later the administration` → `the administration`
    bare = _DETERMINERS.sub("", seg).strip()
    words = _words(bare)
    if not words or len(words) > 6:
        return None
    if any(w.lower() in _AUX or w.lower() in ("who", "which", "that") for w in words):
        return None
    head = words[-1].lower()
    head = re.sub(r"['’]s?$", "", head)
    if head in DOCUMENT_NOUNS:
        return bare, SpeakerKind.DOCUMENT
    if head in VAGUE_NOUNS or (head.endswith("s") and head[:-1] in ROLE_NOUNS):
        return bare, SpeakerKind.VAGUE
    if head in GROUP_NOUNS:
        return bare, SpeakerKind.GROUP
    if head in ROLE_NOUNS and head not in GENERIC_PEOPLE:
        return bare, SpeakerKind.PERSON
    return None


_NOT_DESCRIPTION = frozenset(
    ["the", "a", "an", "he", "she", "they", "it", "his", "her", "their", "its", "several", "some"]
)


def split_sources(text: str) -> list[str]:
    """`X, Y, and a spokesperson for Z` → three source phrases (org names with `and` kept whole)."""
    out: list[str] = []
    for piece in re.split(r",\s*(?:and\s+)?", text):
        out.extend(p for p in _conjuncts(piece.strip()) if p.strip())
    return out


def _conjuncts(seg: str) -> list[str]:
    """`The Investigative Committee and the FSB` → two; `Police and Crime Commissioner X` → one."""
    seg = re.sub(r"^both\s+", "", seg, flags=re.IGNORECASE)
    if re.search(
        r"\b(?:of|for)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*\s+and\s+(?:the\s+)?[A-Z]",
        seg,
    ):
        return [seg]  # `Institute of Allergy and Infectious Diseases`: one organisation
    pieces = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", seg) if p.strip()]
    if len(pieces) < 2:
        return [seg]
    merged: list[str] = []
    for p in pieces:
        first = p.split()[0] if p.split() else ""
        if merged and first[:1].islower() and first.lower() not in _NOT_DESCRIPTION:
            merged[-1] = f"{merged[-1]} and {p}"  # `X of Y and contributor to Slate`: one person
            continue
        if (
            merged
            and first[:1].isupper()
            and merged[-1].split()[-1][:1].isupper()
            and not (len(merged[-1].split()) > 1 and merged[-1].split()[-2][:1].isupper())
            and any(w.lower() in TITLES for w in p.split()[:-1])
            and first.lower() not in ("the",)
        ):
            merged[-1] = f"{merged[-1]} and {p}"
        else:
            merged.append(p)
    return merged


_POSSESSED_DOC = re.compile(
    r"^(?:part\s+of\s+)?(?P<owner>.+?)['’]s?\s+(?:[\w\-]+\s+){0,2}(?P<doc>[a-z]+)$", re.IGNORECASE
)
_DOC_OF = re.compile(
    r"^(?:(?:a|an|the|another|this)\s+)?(?:[\w\-]+\s+)?(?P<doc>[a-z]+)\s+(?:from|by|of)\s+"
    r"(?P<src>(?:the\s+)?[A-Z].*)$",
    re.IGNORECASE,
)
_PLACE_TAIL = re.compile(r"\s+(?:in|at|from)\s+(?:the\s+)?[A-Z][\w'’\-]*(?:,?\s+[A-Z][\w'’\-]*)*$")


def _one(seg: str, extra: frozenset[str]) -> Subject | None:
    own = _POSSESSED_DOC.match(seg)
    if own and own["doc"].lower() in DOCUMENT_NOUNS:
        inner = _one(own["owner"], extra)  # `Judge Miller's statement`: the judge is the source
        if inner is not None:
            return inner
    doc = _DOC_OF.match(seg)
    if doc and doc["doc"].lower() in DOCUMENT_NOUNS:
        inner = _one(doc["src"], extra)  # `a statement from the Federal Reserve`
        if inner is not None:
            return inner
    place = _PLACE_TAIL.search(seg)
    if place and place.start() > 0:
        inner = _one(seg[: place.start()], extra)  # `the Democratic Rally in Cyprus`
        if inner is not None:
            return inner
    if pronoun_kind(seg) is not None:
        return Subject(pronoun=seg.lower(), text=seg, extra=extra)
    noun = noun_source(seg)
    parsed = parse_name_phrase(seg)
    words = _words(seg)
    if noun is not None and not _proper_words(seg) and not any(w[:1].isupper() for w in words[1:]):
        parsed = None  # `Officials said`: capitalised only because it starts the sentence
    if parsed is not None and not (noun and _lower_head(seg)):
        return Subject(name=parsed, text=seg, extra=extra)
    role = parse_role(seg)
    if re.match(r"(?:his|her|their|its)\s", seg, re.IGNORECASE) and noun is not None:
        # `his publicist`: someone else than the person the pronoun names
        return Subject(noun=noun[0], noun_kind=noun[1], text=seg, extra=extra)
    if role is not None and role.head not in GENERIC_PEOPLE:
        return Subject(role=role, text=seg, extra=extra, noun=noun[0] if noun else None)
    if noun is not None:
        return Subject(noun=noun[0], noun_kind=noun[1], text=seg, extra=extra)
    return None


def _proper_words(seg: str) -> list[str]:
    """Capitalised words that are not common nouns or determiners (`Officials`, `The`)."""
    common = DOCUMENT_NOUNS | GROUP_NOUNS | VAGUE_NOUNS | ROLE_NOUNS | _NOT_DESCRIPTION
    return [
        w
        for w in _words(seg)
        if w[:1].isupper() and w.lower() not in common and w.lower().rstrip("s") not in common
    ]


def _capitals(seg: str) -> int:
    return sum(1 for w in _words(seg) if w[:1].isupper() and w.lower() not in _NOT_DESCRIPTION)


def _lower_head(seg: str) -> bool:
    words = _words(seg)
    return bool(words) and words[-1][:1].islower()


def read_subject(phrase: str, *, allow_inherit: bool = False) -> Subject | None:
    """Read the words before (or after) a cue verb as a source — or nothing."""
    text = _DATELINE.sub("", phrase.strip())
    if not re.search(r"[A-Z][\w'’\-]*\s+Today\s*$", text):  # `USA Today` is a name
        text = _TRAILING_ADV.sub("", " " + text)
    text = _SUBORDINATOR.sub("", text.strip(" ,;:—–"))
    if not text:
        return Subject(inherit=True) if allow_inherit else None
    text = re.sub(r"\s*—[^—]*—\s*", " ", text)
    text = re.sub(r"\s*\([^()]*\)", "", text)
    segments = [s.strip() for s in re.split(r",", text) if s.strip()]
    rel = re.match(r"(?:which|who|whom|that)\s+(.+)$", segments[-1] if segments else "")
    if len(segments) > 1 and rel and len(_words(rel.group(1))) <= 4:
        sub = _one(rel.group(1), frozenset())
        if sub is not None and (sub.name is not None or sub.pronoun is not None):
            return sub  # `…, which NASA said`: the relative clause's own subject
    last = re.sub(
        r"^(?:where|when|while|as|and|but|so|because|since|after|before)\s+",
        "",
        segments[-1] if segments else "",
        flags=re.IGNORECASE,
    )
    if len(segments) > 1 and pronoun_kind(last) is not None:
        return Subject(pronoun=last.lower(), text=last)  # `…, then with Trump, where he`
    heads: list[str] = []
    extra: set[str] = set()
    for seg in segments:
        words = _words(seg)
        if not words:
            continue
        first = words[0].lower()
        if (first in _PREP_START or _LEADING_TIME.match(seg)) and seg is segments[-1]:
            rest = _LEADING_TIME.sub("", seg)
            if rest != seg and rest and noun_source(rest) is not None:
                heads.append(rest)  # `on Friday the government announced …`
                continue
            tail = parse_name_phrase(seg) if len(words) > 2 else None
            if tail is not None and len(tail.name.split()) <= 3:
                heads.append(tail.name)  # `On live television Erdogan also attacked …`
            continue
        if (
            first in _PREP_START
            or _LEADING_TIME.match(seg)
            or all(w.isdigit() for w in words)
            or _TIME_SEGMENT.search(seg)
        ):
            continue
        if heads and (
            first in ("a", "an", "who", "which", "whose")
            or (words[0][:1].islower() and first not in _NOT_DESCRIPTION)
        ):
            extra |= {w.lower() for w in words}  # an apposition: `X, co-author of …,`
            continue
        heads.append(seg)
    if not heads or len(heads) > 3:
        return Subject(inherit=True) if allow_inherit and not heads else None
    if len(heads) > 1 and all(_conjunct_like(h) for h in heads) and " and " in f" {heads[-1]}":
        heads = [", ".join(heads)]
    role_text: str | None = None
    if len(heads) > 1:
        named = [h for h in heads if _proper_person(h)]
        if len(named) == 1 and heads.index(named[0]) > 0:
            before = heads[heads.index(named[0]) - 1]
            org = parse_name_phrase(before)
            if (
                org is not None
                and org.kind is SpeakerKind.ORGANISATION
                and not re.search(r"\b(?!(?:of|and|the|for)\b)[a-z]", before)
            ):
                named = []  # `the University of California, San Diego`: an organisation, a place
        if len(named) == 1:
            # `A Republican Assemblywoman, Jill Tolles,`: the name is the source, the rest its role
            role_text = ", ".join(h for h in heads if h is not named[0])
            extra |= {w.lower() for h in heads if h is not named[0] for w in _words(h)}
            heads = named
    for seg in heads:
        words = _words(seg)
        if len(words) > 14 or any(w.lower() in _AUX for w in words):
            return None
    fz = frozenset(extra)
    for seg in heads:
        parts = _conjuncts(seg)
        if len(parts) > 1:
            if any(len(_words(p)) > 7 for p in parts):
                heads = [h for h in heads if h is not seg]
                continue  # a clause, not a list of sources
            subs = [_one(p, fz) for p in parts]
            good = [s for s in subs if s is not None]
            if len(good) == len(subs):
                return Subject(text=seg, extra=fz, parts=tuple(good))
            heads = [h for h in heads if h is not seg]
    for seg in heads:
        if pronoun_kind(seg) is not None:
            return Subject(pronoun=seg.lower(), text=seg, extra=fz)
    for seg in heads:
        sub = _one(seg, fz)
        if sub is not None:
            others = [h for h in heads if h is not seg]
            more = {w.lower() for o in others for w in _words(o)}
            sub.extra = fz | frozenset(more)
            sub.role_text = role_text
            return sub
    return None


def _proper_person(seg: str) -> bool:
    """`Jill Tolles`, `Pradeep Khosla`: two to four capitalised words and nothing else."""
    words = _words(seg)
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    parsed = parse_name_phrase(seg)
    return (
        parsed is not None
        and parsed.name == " ".join(words)
        and parsed.kind is not SpeakerKind.ORGANISATION
    )


def _conjunct_like(seg: str) -> bool:
    """`Egypt, Greece and Cyprus said`: comma-separated names, the last joined by `and`."""
    words = _words(seg)
    return bool(words) and all(w[:1].isupper() or w == "and" for w in words) and len(words) <= 4
