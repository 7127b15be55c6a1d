"""Direct speech: quoted spans and the speaker tag before or after each (`“…,” X said`, `X said: “…”`).

A quotation is only credited when a tag names its speaker (or it continues a quote credited in the
same or the previous paragraph); a short quoted phrase inside someone else's sentence is left to
the reported-speech rules, which credit it as mixed speech. Words inside a quotation are never read
as a speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from quizgame.article.passages import Passage
from quizgame.authoring.cues import _AUX_ADV, _CUE, _PARTICIPLE_CUE, _TERMINATOR, lemma
from quizgame.authoring.names import token_texts
from quizgame.authoring.subjects import Subject, read_subject


@dataclass(slots=True)
class Cand:
    passage: Passage
    pindex: int
    start: int  # content span, article offsets
    end: int
    direct: bool
    form: str
    cue: str
    subject: Subject
    tag: tuple[int, int] | None
    order: int  # where the speaker is named (or the quote starts): resolution order
    unclosed: bool = False
    sentence_start: int = 0


@dataclass(slots=True)
class Quote:
    open: int  # local index of the opening mark
    close: int | None  # local index of the closing mark, None if the quote runs on
    inner_start: int
    inner_end: int


def find_quotes(text: str) -> list[Quote]:
    """Double-quoted spans (curly, straight or guillemets); one left open runs to the end."""
    out: list[Quote] = []
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
                    out.append(Quote(i, None, i + 1, nxt))
                    i = nxt
                    continue
            if j == -1:
                out.append(Quote(i, None, i + 1, n))
                break
            out.append(Quote(i, j, i + 1, j))
            i = j + 1
            continue
        i += 1
    return out


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    return s, e


def _words(text: str) -> list[str]:
    return token_texts(text)


_VERB_FIRST = re.compile(rf"^\s*[,;:]?\s*(?P<verb>{_CUE})\s+(?P<subj>[^;:“”\"]+)", re.S)
_SUBJ_FIRST = re.compile(
    rf"^\s*[,;:]?\s*(?P<subj>[^;:“”\"]{{1,160}}?)\s+(?:(?i:{_AUX_ADV})\s+)*"
    rf"(?P<verb>{_CUE})\b",
    re.S,
)
# Verbs that name or characterise their object with the quoted words (`called it “…”`).
_NAMING = frozenset(["call", "term", "label", "describe", "characterise", "dub", "brand", "refer"])
_TAGLIKE = re.compile(rf"[,\s]*[^.;:“”\"]{{0,60}}?\b(?:{_CUE})\b")
_BEFORE_VERB = re.compile(rf"\b(?P<verb>{_CUE}|{_PARTICIPLE_CUE})\b")


def _tag_after(text: str, q: Quote, limit: int) -> tuple[Subject, str, int, int] | None:
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
        subj_text = re.split(
            r"\s+(?:at|in|on|during|after|to|with|from|via|when|while|as)\s+|,\s+(?:[a-z]+ing|who)\b",
            m["subj"],
        )[0]
        subj = read_subject(subj_text)
        if subj is not None and not subj.inherit:
            end = m.start("subj") + len(subj_text)
            return subj, m["verb"], seg_start + m.start("verb"), seg_start + end
    m = _SUBJ_FIRST.match(after)
    if m:
        subj = read_subject(m["subj"])
        if subj is not None and not subj.inherit:
            return subj, m["verb"], seg_start + m.start("subj"), seg_start + m.end("verb")
    return None


def _tag_before(text: str, q: Quote, boundary: int) -> tuple[Subject, str, int, int] | None:
    """`X said, “…”`, `X told the BBC after the verdict “…”`: a cue verb shortly before a quote."""
    before = re.sub(
        r"—[^—]*—", lambda m: "—" + " " * (len(m.group(0)) - 1), text[boundary : q.open]
    )
    hits = list(_BEFORE_VERB.finditer(before))
    if not hits:
        return None
    m = hits[-1]
    gap = re.sub(r"—[^—]*—", "—", before[m.end() :])
    if len(_words(gap)) > 12 or re.search(r"\b(?:that|who|which|whether|if)\b|[.;!?]", gap):
        return None
    if _words(gap) and re.search(r"\b(?:is|was|are|were|has|have|had|will|would)\b", gap):
        return None
    verb = m["verb"]
    if _words(gap) and lemma(verb) in _NAMING:
        return None  # `called the move “…”`: a quoted phrase inside reported speech (mixed)
    if verb.lower().endswith("ing"):
        main = _BEFORE_VERB.search(before, 0, m.start())
        if main is not None and not main["verb"].lower().endswith("ing"):
            subj = read_subject(before[: main.start()])
            if subj is not None and not subj.inherit:
                return subj, verb, boundary + main.start(), boundary + m.end()
    subj = read_subject(before[: m.start()], allow_inherit=True)
    if subj is None:
        return None
    return subj, verb, boundary + (m.start() if subj.inherit else 0), boundary + m.end()


def sentence_starts(passage: Passage) -> list[int]:
    return [s.start - passage.start for s in passage.sentences]


def sentence_start(starts: list[int], local: int) -> int:
    """Local index where the sentence holding `local` starts (a bisect: linear overall)."""
    i = bisect.bisect_right(starts, local) - 1
    return starts[i] if i >= 0 else 0


def direct_candidates(passage: Passage, pindex: int) -> tuple[list[Cand], list[tuple[int, int]]]:
    text = passage.text
    base = passage.start
    quotes = find_quotes(text)
    starts = sentence_starts(passage)
    cands: list[Cand] = []
    masked: list[tuple[int, int]] = []
    prev_end = 0
    prev_tag_end = -1
    for qi, q in enumerate(quotes):
        close = q.close if q.close is not None else len(text)
        masked.append((q.open, close + 1))
        s, e = trim(text, q.inner_start, q.inner_end)
        limit = quotes[qi + 1].open if qi + 1 < len(quotes) else len(text)
        sent0 = sentence_start(starts, q.open)
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
            if not at_start or (q.close is not None and _TAGLIKE.match(text, q.close + 1)):
                continue  # not at a sentence start, or a tag we could not read (`the father`)
            subject = Subject(inherit=True)
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
            Cand(
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
