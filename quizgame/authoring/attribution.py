"""Who said what: quotes and reported statements in an article's body, each tied to its speaker.

A reading quiz about news is largely a quiz about attribution, and every attribution must be
provable by a span of the article. So each `Attribution` carries the exact character span of what
was said and of the words naming the speaker, and it is only ever taken from body passages —
captions and footers paraphrase, and students are never asked about them.

The extractor is a set of rules for the forms news writing uses (`“…,” X said`, `X said “…”`,
`X said that …`, `according to X`, quotes split by a speaker tag or running into the next
paragraph), followed by a left-to-right pass that resolves `he`, `the diplomat` or `Peskov` to one
canonical speaker. Deterministic, offline and linear in the article's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizgame.article.passages import Article, Passage
from quizgame.authoring.speakers import (
    GENERIC_PEOPLE,
    Entity,
    NameParse,
    Registry,
    RoleParse,
    SpeakerKind,
    parse_name_phrase,
    parse_role,
    pronoun_kind,
    tokens,
)


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- cue verbs --------------------------------------------------------------------------------------

_LEMMAS: dict[str, str] = {}
for _lemma, _forms in {
    "say": "said says say saying",
    "tell": "told tells telling",
    "add": "added adds adding",
    "explain": "explained explains",
    "state": "stated states",
    "note": "noted notes",
    "comment": "commented comments",
    "remark": "remarked",
    "tweet": "tweeted tweets",
    "write": "wrote writes",
    "post": "posted",
    "announce": "announced announces",
    "declare": "declared declares",
    "insist": "insisted insists",
    "claim": "claimed claims",
    "argue": "argued argues",
    "warn": "warned warns",
    "caution": "cautioned cautions",
    "assert": "asserted asserts",
    "contend": "contended contends",
    "reply": "replied replies",
    "respond": "responded",
    "continue": "continued",
    "recall": "recalled",
    "ask": "asked",
    "suggest": "suggested suggests",
    "acknowledge": "acknowledged acknowledges",
    "admit": "admitted admits",
    "confirm": "confirmed confirms",
    "reveal": "revealed reveals",
    "report": "reported reports",
    "predict": "predicted",
    "promise": "promised",
    "vow": "vowed",
    "urge": "urged",
    "concede": "conceded",
    "stress": "stressed",
    "emphasise": "emphasised emphasized",
    "conclude": "concluded",
    "deny": "denied denies",
    "refute": "refuted refutes",
    "reject": "rejected rejects",
    "dismiss": "dismissed dismisses",
    "dispute": "disputed disputes",
    "counter": "countered",
    "criticise": "criticised criticized",
    "condemn": "condemned condemns",
    "praise": "praised praises",
    "welcome": "welcomed welcomes",
}.items():
    for _form in _forms.split():
        _LEMMAS[_form] = _lemma

# Verbs whose object may be a noun phrase (`refuted Trump's claim`), not only a clause.
_NP_OBJECT = _set("deny refute reject dismiss dispute criticise condemn praise welcome")
# Reported speech needs a subject-verb clause after these: `told reporters` alone reports nothing.
_NEEDS_THAT = frozenset({"tell"})

STANCES: dict[str, str] = {
    "deny": "denial",
    "refute": "denial",
    "reject": "denial",
    "dismiss": "denial",
    "dispute": "denial",
    "counter": "denial",
    "claim": "claim",
    "insist": "claim",
    "assert": "claim",
    "contend": "claim",
    "argue": "claim",
    "warn": "warning",
    "caution": "warning",
    "announce": "announcement",
    "reveal": "announcement",
    "confirm": "announcement",
    "declare": "announcement",
    "criticise": "criticism",
    "condemn": "criticism",
    "praise": "support",
    "welcome": "support",
}


def lemma(cue: str) -> str:
    last = cue.split()[-1].lower()
    return _LEMMAS.get(last, last)


def stance(cue: str) -> str | None:
    """The position a cue verb takes (`refuted` → denial), or None for neutral `said`."""
    return STANCES.get(lemma(cue))


_FINITE = sorted(
    (f for f in _LEMMAS if not f.endswith("ing") and f != "say"), key=len, reverse=True
)
_CUE = r"(?:went\s+on\s+to\s+say|" + "|".join(_FINITE) + r")"
_PARTICIPLE_CUE = r"(?:saying|adding|telling)"
_AUX_ADV = (
    r"(?:had|has|have|also|then|later|further|again|once|previously|earlier|initially|"
    r"eventually|reportedly|even|only|simply|quickly|repeatedly|publicly|separately|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
)
_AUX = _set(
    """is are was were be been being has have had will would can could may might must shall
    should does do did 's 're 've 'd"""
)
_PRONOUN_START = _set("he she it they we i you there this")
_PREP_START = _set(
    """at in on after before during speaking with while when yesterday today by from as
    following asked addressing writing according per since until despite although though
    because however meanwhile earlier later also"""
)
_DAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|earlier|later)"
)
_TRAILING_ADV = re.compile(
    rf"(?:[\s,]+(?:on\s+)?{_DAY}|[\s,]+{_AUX_ADV}|[\s,]+(?:not|never))+\s*$", re.IGNORECASE
)
_LEADING_TIME = re.compile(
    rf"^(?:(?:on\s+|in\s+|at\s+the\s+time\s*)?(?:{_DAY}|january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b,?\s*)+",
    re.IGNORECASE,
)
_TIME_SEGMENT = re.compile(
    r"\b(?:day|week|month|year|morning|afternoon|evening|night|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)s?$",
    re.IGNORECASE,
)
_NAME_AND = re.compile(r"\b[A-Z][\w'’\-]*\s+and\s+[A-Z]")
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’\-]+\s+[—–-]\s+")
_TERMINATOR = re.compile(r"[.!?](?=[\s\"”’]|$)")
_PAST = re.compile(r"\b[a-z]{3,}ed\b")


# --- results ----------------------------------------------------------------------------------------


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
            **({"stance": self.stance} if self.stance else {}),
        }


@dataclass(frozen=True)
class Attributions:
    """Everything attributed in an article, in reading order, plus who is who."""

    items: tuple[Attribution, ...]
    registry: Registry = field(repr=False, compare=False)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def speakers(self) -> dict[str, SpeakerKind]:
        """Speakers in order of first attribution."""
        out: dict[str, SpeakerKind] = {}
        for a in self.items:
            out.setdefault(a.speaker, a.kind)
        return out

    def entity(self, speaker: str) -> Entity | None:
        for e in self.registry.entities.values():
            if e.display == speaker or e.name == speaker:
                return e
        return None


# --- candidates: what the rules find before speakers are resolved -----------------------------------


@dataclass(slots=True)
class _Subject:
    name: NameParse | None = None
    role: RoleParse | None = None
    pronoun: str | None = None
    inherit: bool = False
    text: str = ""
    extra: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Cand:
    passage: Passage
    pindex: int
    start: int  # content span, article offsets
    end: int
    direct: bool
    form: str
    cue: str
    subject: _Subject
    tag: tuple[int, int] | None
    order: int  # where the speaker is named (or the quote starts): resolution order
    unclosed: bool = False
    sentence_start: int = 0


@dataclass(slots=True)
class _Quote:
    open: int  # local index of the opening mark
    close: int | None  # local index of the closing mark, None if the quote runs on
    inner_start: int
    inner_end: int


def _find_quotes(text: str) -> list[_Quote]:
    """Double-quoted spans (curly, straight or guillemets); one left open runs to the end."""
    out: list[_Quote] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in '“«"':
            close_ch = {"“": "”", "«": "»", '"': '"'}[ch]
            j = text.find(close_ch, i + 1)
            if ch == "“":
                nxt = text.find("“", i + 1)
                if j != -1 and nxt != -1 and nxt < j:
                    j = -1  # a new quote opens before this one closes: it ran on
                    out.append(_Quote(i, None, i + 1, nxt))
                    i = nxt
                    continue
            if j == -1:
                out.append(_Quote(i, None, i + 1, n))
                break
            out.append(_Quote(i, j, i + 1, j))
            i = j + 1
            continue
        i += 1
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    return s, e


def _words(text: str) -> list[str]:
    return [t.text for t in tokens(text)]


def _read_subject(phrase: str, *, allow_inherit: bool = False) -> _Subject | None:
    """Read the words before (or after) a cue verb as a name, a role, a pronoun — or nothing."""
    text = _DATELINE.sub("", phrase.strip())
    text = _TRAILING_ADV.sub("", " " + text).strip(" ,;:—–")
    if not text:
        return _Subject(inherit=True) if allow_inherit else None
    text = re.sub(r"\s*—[^—]*—\s*", " ", text)
    segments = [s.strip() for s in re.split(r",", text) if s.strip()]
    heads: list[str] = []
    extra: set[str] = set()
    for seg in segments:
        words = _words(seg)
        if not words:
            continue
        first = words[0].lower()
        if (
            first in _PREP_START
            or _LEADING_TIME.match(seg)
            or all(w.isdigit() for w in words)
            or _TIME_SEGMENT.search(seg)
        ):
            continue
        if first in ("a", "an", "who", "which", "whose"):
            extra |= {w.lower() for w in words}
            continue
        heads.append(seg)
    if not heads or len(heads) > 3:
        return _Subject(inherit=True) if allow_inherit and not heads else None
    for seg in heads:
        words = _words(seg)
        if len(words) > 12 or any(w.lower() in _AUX for w in words) or _NAME_AND.search(seg):
            return None
    for seg in heads:
        if pronoun_kind(seg) is not None:
            return _Subject(pronoun=seg.lower(), text=seg, extra=frozenset(extra))
    for seg in heads:
        parsed = parse_name_phrase(seg)
        if parsed is not None:
            others = [h for h in heads if h is not seg]
            for o in others:
                extra |= {w.lower() for w in _words(o)}
            return _Subject(name=parsed, text=seg, extra=frozenset(extra))
    for seg in heads:
        role = parse_role(seg)
        if role is not None:
            return _Subject(role=role, text=seg, extra=frozenset(extra))
    return None


_VERB_FIRST = re.compile(rf"^\s*[,;:]?\s*(?P<verb>(?i:{_CUE}))\s+(?P<subj>[^,;:]+)", re.S)
_SUBJ_FIRST = re.compile(
    rf"^\s*[,;:]?\s*(?P<subj>[^;:“”\"]{{1,160}}?)\s+(?:(?i:{_AUX_ADV})\s+)*"
    rf"(?P<verb>(?i:{_CUE}))\b",
    re.S,
)
_BEFORE_VERB = re.compile(rf"\b(?P<verb>(?i:{_CUE}|{_PARTICIPLE_CUE}))\b")


def _tag_after(text: str, q: _Quote, limit: int) -> tuple[_Subject, str, int, int] | None:
    """`“…,” X said` or `“…,” said X`: the speaker tag right after a closing quote."""
    assert q.close is not None
    if text[q.inner_start : q.inner_end].rstrip().endswith("."):
        return None  # the sentence ended inside the quote: what follows is a new sentence
    seg_start = q.close + 1
    after = text[seg_start:limit]
    stop = _TERMINATOR.search(after)
    if stop:
        after = after[: stop.start()]
    m = _VERB_FIRST.match(after)
    if m:
        subj_text = re.split(r"\s+(?:at|in|on|during|after|to|with|from|via)\s+", m["subj"])[0]
        subj = _read_subject(subj_text)
        if subj is not None and not subj.inherit:
            end = m.start("subj") + len(subj_text)
            return subj, m["verb"], seg_start + m.start("verb"), seg_start + end
    m = _SUBJ_FIRST.match(after)
    if m:
        subj = _read_subject(m["subj"])
        if subj is not None and not subj.inherit:
            return subj, m["verb"], seg_start + m.start("subj"), seg_start + m.end("verb")
    return None


def _tag_before(text: str, q: _Quote, boundary: int) -> tuple[_Subject, str, int, int] | None:
    """`X said, “…”`: a cue verb ending the words just before an opening quote."""
    before = re.sub(
        r"—[^—]*—", lambda m: "—" + " " * (len(m.group(0)) - 1), text[boundary : q.open]
    )
    hits = list(_BEFORE_VERB.finditer(before))
    if not hits:
        return None
    m = hits[-1]
    gap = re.sub(r"—[^—]*—", "—", before[m.end() :])
    tail = gap.rstrip()
    if tail and not tail.endswith((",", ":", "—", "–")):
        return None
    if len(_words(gap)) > 6 or re.search(r"\bthat\b", gap):
        return None
    subj = _read_subject(before[: m.start()], allow_inherit=True)
    if subj is None:
        return None
    return subj, m["verb"], boundary + (m.start() if subj.inherit else 0), boundary + m.end()


def _sentence_start(passage: Passage, local: int) -> int:
    """Local index where the sentence holding `local` starts."""
    best = 0
    for s in passage.sentences:
        if s.start - passage.start <= local:
            best = s.start - passage.start
    return best


def _direct_candidates(passage: Passage, pindex: int) -> tuple[list[_Cand], list[tuple[int, int]]]:
    text = passage.text
    base = passage.start
    quotes = _find_quotes(text)
    cands: list[_Cand] = []
    masked: list[tuple[int, int]] = []
    prev_end = 0
    prev_tag_end = -1
    for qi, q in enumerate(quotes):
        close = q.close if q.close is not None else len(text)
        masked.append((q.open, close + 1))
        s, e = _trim(text, q.inner_start, q.inner_end)
        limit = quotes[qi + 1].open if qi + 1 < len(quotes) else len(text)
        sent0 = _sentence_start(passage, q.open)
        boundary = max(prev_end, sent0)
        found = _tag_after(text, q, limit) if q.close is not None else None
        form = "quote-then-tag"
        if found is None:
            found = _tag_before(text, q, boundary)
            form = "tag-then-quote"
        lead = text[boundary : q.open]
        at_start = not lead.strip() or (
            prev_tag_end >= 0 and not text[prev_tag_end : q.open].strip(" ,")
        )
        prev_end = close + 1
        if len(_words(text[s:e])) < 3 and (found is None or not at_start):
            continue  # a scare quote or a quoted phrase inside someone else's sentence
        if found is not None and found[0].inherit:
            found = (
                None
                if not at_start and not lead.strip(" ,").endswith(("saying", "adding"))
                else found
            )
        if found is None:
            if not at_start:
                continue
            subject = _Subject(inherit=True)
            cue, tag = "", None
            form = "continued" if qi == 0 and not lead.strip() else "split"
            order = base + q.open
        else:
            subject, cue, ts, te = found
            tag = (base + ts, base + te)
            masked.append((ts, te))
            if subject.inherit:
                form, tag = "split", None
            order = base + ts
            if form == "quote-then-tag":
                prev_tag_end = te
                prev_end = max(prev_end, te)
        cands.append(
            _Cand(
                passage,
                pindex,
                base + s,
                base + e,
                True,
                form,
                cue.lower(),
                subject,
                tag,
                order,
                unclosed=q.close is None,
                sentence_start=base + sent0,
            )
        )
    return cands, masked


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _clause_like(content: str) -> bool:
    words = [w.lower() for w in _words(content)]
    if not words:
        return False
    if words[0] == "that" or words[0] in _PRONOUN_START:
        return True
    head = words[:8]
    return (
        any(w in _AUX for w in head)
        or bool(_PAST.search(" ".join(words[1:7])))
        or any(q in content for q in '“"')
    )


_REPORTED = re.compile(rf"\b(?P<verb>{_CUE})\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<np>[^,;]+?)(?=\s*[,;]|[.!?]?\s*$)")


def _reported_candidates(
    passage: Passage, pindex: int, masked: list[tuple[int, int]], tagged: list[_Cand]
) -> list[_Cand]:
    text = passage.text
    base = passage.start
    out: list[_Cand] = []
    for sent in passage.sentences:
        ss, se = sent.start - base, sent.end - base
        sentence_has_tag = any(
            c.tag is not None and ss <= c.tag[0] - base < se for c in tagged
        ) or any(ss <= c.start - base < se for c in tagged)
        found_here = False
        for m in _REPORTED.finditer(text, ss, se):
            v0, v1 = m.start(), m.end()
            if _inside(masked, v0):
                continue
            clause = ss
            for sep in re.finditer(r";\s|,\s+(?:and|but)\s", text[ss:v0]):
                clause = ss + sep.end()
            subj = _read_subject(text[clause:v0])
            if subj is None or subj.inherit:
                continue
            verb = m["verb"].lower()
            lem = lemma(verb)
            rest_start = v1
            rest = text[v1:se]
            if lem in _NEEDS_THAT:
                that = re.match(r"^\s+(?:\S+\s+){0,6}?that\s", rest)
                if not that:
                    continue
                rest_start = v1 + that.end()
            c0 = rest_start + (len(text[rest_start:se]) - len(text[rest_start:se].lstrip()))
            lead = _LEADING_TIME.match(text[c0:se])
            if lead:
                c0 += lead.end()
            had_that = text[c0:se].lower().startswith("that ")
            if had_that:
                c0 += 5
            acc = re.search(
                r",\s+(?:according to|however|but|though|although|whereas)\b", text[c0:se]
            )
            c1 = c0 + acc.start() if acc else se
            c0, c1 = _trim(text, c0, c1)
            while c1 > c0 and text[c1 - 1] in ".!?":
                c1 -= 1
            content = text[c0:c1]
            if len(_words(content)) < 3:
                continue
            if lem not in _NP_OBJECT and not had_that and not _clause_like(content):
                continue
            if _inside(masked, c0):
                continue
            cand = _Cand(
                passage,
                pindex,
                base + c0,
                base + c1,
                False,
                "reported",
                verb,
                subj,
                (base + clause + _lstrip_len(text, clause, v0), base + v1),
                base + clause,
                sentence_start=base + ss,
            )
            out.append(cand)
            masked.append((clause, v1))
            found_here = True
            break  # one reported statement per sentence: later verbs belong to its content
        if found_here or sentence_has_tag:
            continue
        m2 = _ACCORDING.search(text, ss, se)
        if m2 is None or _inside(masked, m2.start()):
            continue
        np_text = m2["np"]
        if re.search(r"\band\b", np_text):
            continue
        by = re.search(r"\bby\s+(?=[A-Z])", np_text)
        if by:
            np_text = np_text[by.end() :]  # `a Twitter post by Amy Cook`
        subj = _read_subject(np_text)
        if subj is None or subj.name is None:
            continue
        if not text[ss : m2.start()].strip():
            comma = text.find(",", m2.end(), se)
            if comma == -1:
                continue
            app = re.match(r",\s+(?:a |an |the )?[a-z][^,]{0,60},", text[comma:se])
            if app and not any(w.lower() in _AUX for w in _words(app.group(0))):
                comma += app.end() - 1  # skip an apposition: `Amy Cook, director of …,`
            c0, c1 = _trim(text, comma + 1, se)
        else:
            c0, c1 = _trim(text, ss, m2.start())
        while c1 > c0 and text[c1 - 1] in ".!?":
            c1 -= 1
        if len(_words(text[c0:c1])) < 3:
            continue
        out.append(
            _Cand(
                passage,
                pindex,
                base + c0,
                base + c1,
                False,
                "according-to",
                "according to",
                subj,
                (base + m2.start(), base + m2.end()),
                base + m2.start(),
                sentence_start=base + ss,
            )
        )
    return out


def _lstrip_len(text: str, a: int, b: int) -> int:
    chunk = text[a:b]
    stripped = _DATELINE.sub("", chunk)
    stripped = stripped.lstrip(" ,")
    return len(chunk) - len(stripped)


# --- resolution --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Resolved:
    cand: _Cand
    entity: Entity | None
    antecedent: tuple[str, int, int] | None


class _Resolver:
    def __init__(self, article: Article, registry: Registry) -> None:
        self.article = article
        self.registry = registry
        self.history: list[_Resolved] = []
        self.by_passage: dict[int, list[_Resolved]] = {}

    def resolve(self, cand: _Cand, continues_from: _Resolved | None) -> _Resolved:
        subj = cand.subject
        entity: Entity | None = None
        ante: tuple[str, int, int] | None = None
        at = cand.order
        if subj.name is not None:
            entity = self.registry.entity_for(subj.name, at)
            if subj.extra:
                entity.descriptors |= subj.extra
        elif subj.inherit:
            same = self.by_passage.get(cand.pindex, [])
            prior = same[-1] if same else continues_from
            if prior is not None and prior.entity is not None:
                entity = prior.entity
                if prior.cand.tag is not None:
                    ante = (prior.cand.passage.id, *prior.cand.tag)
                else:
                    ante = prior.antecedent
        elif subj.pronoun is not None:
            entity, ante = self._pronoun(cand)
        elif subj.role is not None:
            entity, ante = self._role(cand, subj.role)
        r = _Resolved(cand, entity, ante)
        self.history.append(r)
        self.by_passage.setdefault(cand.pindex, []).append(r)
        return r

    def _pronoun(self, cand: _Cand) -> tuple[Entity | None, tuple[str, int, int] | None]:
        p = cand.passage
        prev_sentences = [s for s in p.sentences if s.end <= cand.sentence_start]
        if prev_sentences:
            s = prev_sentences[-1]
            for m in self.registry.mentions_between(s.start, s.end):
                if m.entity.kind is SpeakerKind.PERSON and not m.possessive:
                    return m.entity, (p.id, m.start, m.end)
        same = self.by_passage.get(cand.pindex, [])
        if same:
            last = same[-1]
            if last.entity is not None and last.entity.kind is SpeakerKind.PERSON:
                return last.entity, _ante_of(last)
            return None, None
        prev = self.by_passage.get(cand.pindex - 1, [])
        if prev and prev[-1].entity is not None and prev[-1].entity.kind is SpeakerKind.PERSON:
            return prev[-1].entity, _ante_of(prev[-1])
        return None, None

    def _role(
        self, cand: _Cand, role: RoleParse
    ) -> tuple[Entity | None, tuple[str, int, int] | None]:
        for r in reversed(self.history):
            if r.entity is not None and r.entity.compatible(role):
                return r.entity, _ante_of(r)
        for m in reversed(self.registry.mentions_between(0, cand.order)):
            if m.entity.compatible(role):
                hit = self.article.passage_at(m.start)
                return m.entity, ((hit.id if hit else cand.passage.id), m.start, m.end)
        if role.head in GENERIC_PEOPLE:
            return None, None
        for r in reversed(self.history):
            if r.cand.pindex < cand.pindex - 1:
                break
            if r.entity is not None and r.entity.kind is SpeakerKind.PERSON:
                return r.entity, _ante_of(r)
        return None, None


def _ante_of(r: _Resolved) -> tuple[str, int, int] | None:
    if r.cand.subject.name is not None and r.cand.tag is not None:
        return (r.cand.passage.id, *r.cand.tag)
    return r.antecedent


def extract(article: Article) -> Attributions:
    """All attributions in the article's body passages, in reading order."""
    registry = Registry.build(article)
    resolver = _Resolver(article, registry)
    results: list[_Resolved] = []
    body = article.body
    last_of_passage: _Resolved | None = None
    prev_unclosed = False
    for pindex, passage in enumerate(body):
        direct, masked = _direct_candidates(passage, pindex)
        reported = _reported_candidates(passage, pindex, masked, direct)
        cands = sorted(direct + reported, key=lambda c: (c.order, c.start))
        here: list[_Resolved] = []
        for c in cands:
            continues = last_of_passage if (prev_unclosed and c.form == "continued") else None
            if c.form == "continued" and continues is None:
                c.form = "split"
            here.append(resolver.resolve(c, continues))
        # an unclosed quote with no tag of its own takes the speaker named in the next paragraph
        results.extend(here)
        prev_unclosed = any(r.cand.unclosed for r in here) or _ends_unclosed(passage)
        last_of_passage = here[-1] if here else None
    _backfill_continuations(results)
    items = [_attribution(r) for r in results if r.entity is not None and r.entity.kind is not None]
    items.sort(key=lambda a: (a.start, a.end))
    return Attributions(tuple(items), registry)


def _ends_unclosed(passage: Passage) -> bool:
    qs = _find_quotes(passage.text)
    return bool(qs) and qs[-1].close is None


def _backfill_continuations(results: list[_Resolved]) -> None:
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


def _attribution(r: _Resolved) -> Attribution:
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
    )
