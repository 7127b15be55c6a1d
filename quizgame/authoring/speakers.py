"""Who is who in an article: names with their titles and roles, people versus organisations.

Attribution needs to know that `Kremlin spokesman Dmitry Peskov`, `Peskov` and `the Kremlin rep` are
one person, that `The Kremlin` is an organisation, and which names are real people a quiz may offer
as plausible wrong answers. News text signals all of this with capitalisation, titles, role nouns and
appositions, so a small rule set over the body text is enough — no model, no downloads, and the same
answer on every run.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from quizgame.article.passages import Article


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"


# Words that introduce or stand for a person's position. Matched case-insensitively, they end a
# name when scanning leftwards (`Foreign Minister [Sergey] Lavrov` → `Sergey Lavrov`).
TITLES = _set(
    """president presidents prime minister ministers secretary chancellor senator sen rep
    representative governor gov mayor judge justice queen king prince princess crown pope sheikh
    dr mr mrs ms miss sir dame lord lady professor prof speaker chairman chairwoman chairperson
    director commissioner ambassador chief captain colonel general lieutenant sergeant detective
    inspector superintendent commander admiral bishop archbishop rabbi imam mp mep deputy vice
    spokesman spokeswoman spokesperson broadcaster leader head premier emir sultan coach manager
    dictator councillor councilman attorney prosecutor lawyer officer member"""
)

# Lowercase nouns naming what someone is; before a name they mark a person, alone they are a role
# reference (`the diplomat added`) to resolve to an earlier named speaker.
ROLE_NOUNS = _set(
    """spokesman spokeswoman spokesperson rep representative diplomat minister official officer
    president leader dictator chairperson chairman chairwoman chair commissioner judge justice
    professor researcher scientist co-author author lecturer analyst expert economist lawyer
    attorney prosecutor journalist reporter correspondent columnist editor broadcaster presenter
    host director manager chief executive ceo founder chef doctor nurse surgeon witness senator
    governor mayor ambassador envoy secretary adviser advisor aide negotiator activist campaigner
    rapporteur national mp lawmaker legislator politician candidate councillor general commander
    colonel captain detective inspector coach player striker teacher student singer actor"""
)

# Roles that only family or bystanders have: never resolved by recency alone (`the father said`).
GENERIC_PEOPLE = _set(
    """father mother son daughter brother sister wife husband parent parents child children
    family man woman boy girl person people resident residents neighbour neighbor friend victim
    survivor bystander witness one"""
)

# Role references and the descriptor words that make a named person compatible with them.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "diplomat": _set("diplomat minister ambassador envoy secretary consul"),
    "rep": _set("spokesman spokeswoman spokesperson representative rep secretary"),
    "spokesman": _set("spokesman spokeswoman spokesperson representative rep"),
    "spokeswoman": _set("spokesman spokeswoman spokesperson representative rep"),
    "spokesperson": _set("spokesman spokeswoman spokesperson representative rep"),
    "professor": _set("professor co-author author researcher scientist lecturer"),
    "researcher": _set("professor co-author author researcher scientist"),
    "scientist": _set("professor co-author author researcher scientist"),
    "minister": _set("minister secretary"),
    "official": _set("official officer spokesman minister secretary commissioner"),
    "leader": _set("leader president premier chancellor minister"),
    "president": _set("president leader chairperson"),
    "judge": _set("judge justice"),
    "lawyer": _set("lawyer attorney"),
}

ORG_WORDS = _set(
    """kremlin house union fund bank party police post times university college institute
    council commission ministry department agency court parliament congress senate assembly
    library exchange government administration news network organisation organization association
    committee service services reuters tass interfax pbs nbc cnn bbc npr ap afp foundation
    company corporation corp inc ltd group club league board bureau authority commons"""
)
# Heads that may take an `of` phrase inside an organisation name (House of Commons).
_ORG_OF_HEADS = _set(
    "house university office bank department ministry institute college court chamber bureau "
    "board council league commission"
)

COUNTRIES = _set(
    """afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain
    bangladesh belarus belgium benin bolivia bosnia botswana brazil britain bulgaria burkina
    cambodia cameroon canada chad chile china colombia congo croatia cuba cyprus czechia denmark
    djibouti ecuador egypt eritrea estonia ethiopia finland france gabon gambia georgia germany
    ghana greece guatemala guinea haiti honduras hungary iceland india indonesia iran iraq ireland
    israel italy jamaica japan jordan kazakhstan kenya kosovo kuwait laos latvia lebanon liberia
    libya lithuania luxembourg madagascar malawi malaysia mali malta mauritania mexico moldova
    mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger
    nigeria norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar
    romania russia rwanda senegal serbia singapore slovakia slovenia somalia spain sudan sweden
    switzerland syria taiwan tajikistan tanzania thailand togo tunisia turkey uganda ukraine
    uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe england scotland wales europe
    africa asia america moscow washington beijing london paris kyiv kiev"""
)
MULTI_COUNTRIES = frozenset(
    [
        "saudi arabia",
        "united states",
        "united kingdom",
        "north korea",
        "south korea",
        "south africa",
        "new zealand",
        "sri lanka",
        "el salvador",
        "costa rica",
        "ivory coast",
        "united arab emirates",
        "czech republic",
        "dominican republic",
        "sierra leone",
        "south sudan",
        "burkina faso",
        "northern ireland",
    ]
)

# Capitalised words that start sentences or clauses but are never part of a name.
STOP_CAPS = _set(
    """the a an this that these those in on at for but and so as if when while after before
    according speaking yesterday today currently officially specifically however another one
    per with by from during because rather like his her their its our my your we i you he she
    they it there here what who whom which why how yes yeah look now then also still even
    although though since until unless once both all some many much most more other such each
    every no not only just never let meanwhile earlier later instead despite without within
    beyond under over into through among between about against except to of up"""
)
_TIME_WORDS = _set(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december"""
)
_PARTICLES = _set("bin ibn al el de van von der da di du la le del dos das")
_PRONOUNS = {"he": SpeakerKind.PERSON, "she": SpeakerKind.PERSON}

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


@dataclass(frozen=True, slots=True)
class NameParse:
    """A noun phrase read as a name: the name itself, what kind it looks like, the words around it."""

    name: str
    kind: SpeakerKind | None
    descriptors: frozenset[str]
    had_the: bool = False
    titled: bool = False


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
    if any(w in ORG_WORDS for w in lowered) or (len(words) == 1 and is_acronym(words[0])):
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
    words = [t.text for t in tokens(_strip_parens(phrase))]
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
        if low in _TIME_WORDS or (low in STOP_CAPS and low not in _PARTICLES):
            break
        if (
            (_is_cap(w) and low not in TITLES and low not in ROLE_NOUNS)
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
    return NameParse(" ".join(name), kind, descriptors, had_the, titled)


def parse_name_phrase(phrase: str) -> NameParse | None:
    """Read a subject noun phrase as a name, handling `of` phrases (`Lucy Fischer of The Times`)."""
    phrase = _strip_parens(phrase).strip(" ,;:")
    if not phrase:
        return None
    low = phrase.lower()
    if low in ("police", "the police"):
        return NameParse("Police", SpeakerKind.ORGANISATION, frozenset(), True)
    org = _ORG_OF.search(phrase)
    if org is not None and not any(
        w.text.lower() in TITLES for w in tokens(org.group(0).split(" of ", 1)[1])
    ):
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


_ORG_OF = re.compile(
    r"(?:\b[A-Z][\w'’\-]*\s+)*\b(?:"
    + "|".join(sorted(w.capitalize() for w in _ORG_OF_HEADS))
    + r")\s+of\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*\s*$"
)


def _org_of_head(name: str) -> bool:
    return name.split()[-1].lower() in _ORG_OF_HEADS


def parse_role(phrase: str) -> RoleParse | None:
    """`the diplomat`, `The Wooster professor`, `the Kremlin rep` → head noun and modifiers."""
    words = [t.text for t in tokens(_strip_parens(phrase))]
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

    @property
    def display(self) -> str:
        """How a quiz shows it: `The Kremlin`, `PBS`, `Dmitry Peskov`."""
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


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: Entity
    possessive: bool


class Registry:
    """Every name in the body text, merged so a surname or short form finds its full name."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_surname: dict[str, list[Entity]] = {}
        self.mentions: list[Mention] = []
        self._starts: list[int] = []

    # building ---------------------------------------------------------------------------------

    @classmethod
    def build(cls, article: Article) -> Registry:
        reg = cls()
        raw: list[tuple[int, int, NameParse, bool]] = []
        for passage in article.body:
            for start, end, parse, possessive in _name_runs(passage.text, passage.start):
                raw.append((start, end, parse, possessive))
        # full names first, so that a later `Peskov` joins `Dmitry Peskov`
        for start, _end, parse, _pos in raw:
            if len(parse.name.split()) >= 2:
                reg._add(parse, start)
        for start, end, parse, possessive in raw:
            entity = reg._add(parse, start)
            reg.mentions.append(Mention(start, end, entity, possessive))
        reg.mentions.sort(key=lambda m: m.start)
        reg._starts = [m.start for m in reg.mentions]
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
        best = -1
        for m in self.mentions[: bisect.bisect_right(self._starts, at)]:
            if m.entity is entity:
                best = m.start
        return best if best >= 0 else -entity.first

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
        return [e for e in self.entities.values() if e.kind is kind]


def _name_runs(text: str, base: int) -> Iterable[tuple[int, int, NameParse, bool]]:
    """Capitalised word runs in a passage, each read as a name with its descriptors."""
    toks = tokens(text, base)
    i = 0
    n = len(toks)
    while i < n:
        if not (_is_cap(toks[i].text) or _is_particle_name(toks[i].text)):
            i += 1
            continue
        j = i + 1
        while j < n:
            gap = text[toks[j - 1].end - base : toks[j].start - base]
            w = toks[j].text
            if gap not in (" ", "-", "–"):
                break
            if _is_cap(w) or _is_particle_name(w):
                j += 1
                continue
            if (
                w in _PARTICLES
                and j + 1 < n
                and _is_cap(toks[j + 1].text)
                and text[toks[j].end - base : toks[j + 1].start - base] == " "
            ):
                j += 1
                continue
            if (
                w == "of"
                and _bare(toks[j - 1].text).lower() in _ORG_OF_HEADS
                and j + 1 < n
                and (_is_cap(toks[j + 1].text) or toks[j + 1].text == "the")
            ):
                j += 2 if toks[j + 1].text != "the" else 3
                continue
            break
        if _POSSESSIVE.search(toks[j - 1].text) and toks[j - 1].text[-2:] in ("'s", "’s"):
            possessive = True
        else:
            possessive = False
        yield from _split_run(text, base, toks, i, j, possessive)
        i = j


def _split_run(
    text: str, base: int, toks: list[Token], i: int, j: int, possessive: bool
) -> Iterable[tuple[int, int, NameParse, bool]]:
    words = [toks[k].text for k in range(i, j)]
    if possessive:
        words[-1] = re.sub(r"['’]s$", "", words[-1])
    # drop sentence words and dates from the front
    k = 0
    while k < len(words) and (
        _bare(words[k]).lower() in STOP_CAPS or _bare(words[k]).lower() in _TIME_WORDS
    ):
        k += 1
    had_the = k > 0 and words[k - 1].lower() == "the"
    if i > 0 and toks[i - 1].text == "the":
        had_the = True
    words = words[k:]
    offset = i + k
    if not words:
        return
    if any(_bare(w).lower() in _TIME_WORDS for w in words):
        return
    # split at the last title: `House of Commons Speaker John Bercow`
    last_title = max(
        (x for x, w in enumerate(words) if _bare(w).lower() in TITLES or _bare(w) in ("MP",)),
        default=-1,
    )
    left_ctx = _left_context(text, base, toks, offset)
    if 0 <= last_title < len(words) - 1:
        org_words = words[:last_title]
        person = words[last_title + 1 :]
        if org_words and _kind_of(org_words, titled=False) is SpeakerKind.ORGANISATION:
            yield (
                toks[offset].start,
                toks[offset + last_title - 1].end,
                NameParse(
                    " ".join(_bare(w) for w in org_words),
                    SpeakerKind.ORGANISATION,
                    frozenset(),
                    had_the,
                ),
                False,
            )
        desc = frozenset(_bare(w).lower() for w in words[: last_title + 1]) | left_ctx
        start = toks[offset + last_title + 1].start
        yield (
            start,
            toks[j - 1].end,
            NameParse(" ".join(_bare(w) for w in person), SpeakerKind.PERSON, desc, False, True),
            possessive,
        )
        return
    if last_title == len(words) - 1:
        return  # a bare title (`President`) names nobody
    prev = _previous_word(text, base, toks, offset)
    titled = prev in TITLES or prev in ROLE_NOUNS
    after = text[toks[j - 1].end - base : toks[j - 1].end - base + 40]
    apposition = re.match(
        r",\s+(?:(?:a|an|the)\s+[a-z]|\d+,|(?:" + "|".join(sorted(ROLE_NOUNS)) + r")\b)", after
    )
    desc = left_ctx
    if apposition:
        tail = text[toks[j - 1].end - base :]
        app = re.match(r",\s+([^,.;]{1,80})", tail)
        if app:
            desc = desc | frozenset(w.lower() for w in re.findall(r"[\w\-]+", app.group(1)))
    name_words = [_bare(w) for w in words]
    kind = _kind_of(name_words, titled=False)
    if kind is None and (titled or (apposition and len(name_words) >= 2)):
        kind = SpeakerKind.PERSON
    yield (
        toks[offset].start,
        toks[j - 1].end,
        NameParse(" ".join(name_words), kind, desc, had_the, titled),
        possessive,
    )


def _previous_word(text: str, base: int, toks: list[Token], idx: int) -> str:
    if idx == 0:
        return ""
    gap = text[toks[idx - 1].end - base : toks[idx].start - base]
    if any(c in gap for c in ".;:!?\n"):
        return ""
    return _bare(toks[idx - 1].text).lower()


def _left_context(text: str, base: int, toks: list[Token], idx: int) -> frozenset[str]:
    """Up to four words before a name, back to punctuation: `Kremlin spokesman`, `study co-author`."""
    out: list[str] = []
    k = idx
    while k > 0 and len(out) < 4:
        gap = text[toks[k - 1].end - base : toks[k].start - base]
        if gap.strip(" -–"):
            break
        w = _bare(toks[k - 1].text).lower()
        if w in STOP_CAPS or w in ("of", "to", "by", "was", "is", "said", "with", "and"):
            break
        out.append(w)
        k -= 1
    return frozenset(out)
