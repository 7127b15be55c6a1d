"""Reported speech: `X said that …`, `X denied …`, `…, police revealed`, `according to X, …`, passives.

Every cue verb outside a quotation is tried, each with the subject read leftwards from it to the
start of its clause, so one sentence may credit several sources (`X hailed …; Y underlined …`). A
cue inside content already credited belongs to that content (`he noted that the court rejected …`
is the noter's, not the court's). A participle cue (`…, calling it …`, `accusing …`) takes the
subject of its main clause. Linear in the passage's length: each sentence is scanned once.
"""

from __future__ import annotations

import re

from quizgame.article.passages import Passage
from quizgame.authoring.cues import (
    _AUX,
    _CUE,
    _DATELINE,
    _LEADING_TIME,
    _NP_OBJECT,
    _PARTICIPLE_CUE,
    _PAST,
    _PREP_START,
    _PRONOUN_START,
    _TRAILING_ADV,
    WEAK,
    lemma,
)
from quizgame.authoring.names import token_texts
from quizgame.authoring.quotes import Cand, trim
from quizgame.authoring.sources import (
    Spans,
    according_to,
    document_sources,
    drop_end,
    indirect,
    passive,
    possessed_speech,
)
from quizgame.authoring.subjects import Subject, read_subject


def _words(text: str) -> list[str]:
    return token_texts(text)


def _clause_like(content: str) -> bool:
    words = [w.lower() for w in _words(content)]
    if not words:
        return False
    if words[0] == "that" or words[0] in _PRONOUN_START:
        return True
    head = words[:8]
    cased = token_texts(content)[1:12]
    return (
        bool(_PRESENT_VERB.search(content[:120]))
        or any(w in _IRREGULAR_PAST for w in head)
        or any(w in _AUX for w in head)
        or bool(_PAST.search(" ".join(cased)))
        or any(q in content for q in '“"')
    )


_REPORTED = re.compile(rf"\b(?P<verb>{_CUE}|{_PARTICIPLE_CUE})\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$")
_CLAUSE_SEP = re.compile(r";\s|,\s+(?:and|but|while|whereas)\s|\s+but\s|:\s")
_OBJECT_AS = re.compile(r"\bas\b|^(?:[\w'’\-]+\s+){0,4}(?:of|for)\b")


def _content_after(text: str, v1: int, se: int) -> tuple[int, int, bool]:
    c0 = v1 + (len(text[v1:se]) - len(text[v1:se].lstrip()))
    lead = _LEADING_TIME.match(text[c0:se])
    if lead:
        c0 += lead.end()
    had_that = text[c0:se].lower().startswith("that ")
    if had_that:
        c0 += 5
    acc = re.search(
        r",\s+(?:according to|however|but|though|although|whereas)\b|^\s*[—–]\s", text[c0:se]
    )
    c1 = c0 + acc.start() if acc else se
    c0, c1 = trim(text, c0, c1)
    c1 = drop_end(text, c0, c1)
    return c0, c1, had_that


def reported_candidates(
    passage: Passage, pindex: int, masked: list[tuple[int, int]], tagged: list[Cand]
) -> list[Cand]:
    text = passage.text
    base = passage.start
    spans = Spans(masked)
    out: list[Cand] = []
    for sent in passage.sentences:
        ss, se = sent.start - base, sent.end - base
        covered = -1  # local end of content credited in this sentence: cues inside it are nested
        main: tuple[Subject, int, int] | None = None  # the sentence's main-clause subject
        for m in _REPORTED.finditer(text, ss, se):
            v0, v1 = m.start(), m.end()
            if spans.inside(v0) or _PASSIVE_BEFORE.search(text, max(ss, v0 - 12), v0):
                continue  # `was reported by …` is the passive rule's; `was recalled` is no speech
            plural_noun = m["verb"].endswith("s") and m["verb"] != "says"
            if text.startswith(" by ", v1) or (plural_noun and _AUX_NEXT.match(text, v1)):
                continue  # `member states had bid`: a plural noun, not the verb `states`
            verb = m["verb"].lower()
            lem = lemma(verb)
            clause = ss
            for sep in _CLAUSE_SEP.finditer(text, ss, v0):
                clause = sep.end()
            relative = _RELATIVE.search(text, max(ss, v0 - 60), v0)
            if v0 < covered and clause <= ss and relative is None:
                continue
            if relative is not None:
                clause = relative.start() + 1  # `…, which Ross has referred to as …`
            elif v0 < covered and not _CLAUSE_SEP.search(text, max(ss, covered - 400), v0):
                continue
            participle = verb.endswith("ing")
            subj: Subject | None
            coordinated = _AND_VERB.search(text, max(ss, v0 - 12), v0) is not None
            if participle or coordinated:
                # `…, accusing …` / `… declined the request and said …`: the main clause's subject
                if participle and not text[ss:v0].rstrip().endswith(","):
                    continue
                if main is not None:
                    subj, clause, tag_start = main[0], main[1], main[2]
                else:
                    found = sentence_subject(text, ss, v0)
                    if found is None:
                        continue
                    subj, tag_start = found
                    clause = tag_start
            else:
                antecedent = _WHICH_BEFORE.search(text, clause, v0)
                subj = read_subject(
                    text[clause : antecedent.start()] if antecedent else text[clause:v0]
                )
                if subj is None and antecedent is None:
                    subj, clause = _suffix_subject(text, clause, v0)
                if subj is None or subj.inherit:
                    continue
                at = text.rfind(subj.text, clause, v0) if subj.text else -1
                tag_start = at if at >= 0 else clause + _lstrip_len(text, clause, v0)
            c0, c1, had_that = _content_after(text, v1, se)
            n_words = len(_words(text[c0:c1]))
            lead_in = text[ss:tag_start]
            before = lead_in.rstrip(" ,")
            plain_comma = bool(re.search(r",\s*$", lead_in)) and not re.search(
                r",\s+(?:and|but|while|whereas)\s+$", lead_in
            )
            if not participle and n_words < 4 and plain_comma and len(_words(before)) >= 3:
                c0, c1 = trim(text, ss, tag_start)  # `…, police revealed on Saturday`
                c1 = drop_end(text, c0, c1, ".!?,")
            elif lem in WEAK:
                if not (had_that or _weak_ok(text[c0:c1], lem)):
                    continue
            elif lem not in _NP_OBJECT and not had_that and not _clause_like(text[c0:c1]):
                continue
            content = text[c0:c1]
            if len(_words(content)) < (1 if lem in _NP_OBJECT else 2):
                continue
            out.append(
                indirect(
                    passage,
                    pindex,
                    ss,
                    (c0, c1),
                    "reported",
                    verb,
                    subj,
                    (tag_start, v1),
                    tag_start,
                )
            )
            spans.add(tag_start, v1)
            covered = max(covered, c1)
            if main is None:
                main = (subj, clause, tag_start)
        out.extend(according_to(passage, pindex, spans, ss, se))
        out.extend(passive(passage, pindex, spans, ss, se))
        out.extend(document_sources(passage, pindex, spans, ss, se))
        out.extend(possessed_speech(passage, pindex, spans, ss, se))
    return out


_WHICH_BEFORE = re.compile(r",\s+(?:which|who)\s+(?:[a-z]+ly\s+)?$")  # `China, which claims`
_AUX_NEXT = re.compile(
    r"\s+(?:had|has|have|was|were|is|are|will|would|could|should|can|may|might|must|did|do)\b"
)
_RELATIVE = re.compile(r",\s+(?:which|who|whom)\s+[^,;]{1,40}$")
_AND_VERB = re.compile(r"[\w\"”’)]\s+and\s+(?:\w+ly\s+|also\s+|then\s+)?$")
# The subject of a sentence: its words up to the first finite verb.
_FINITE_VERB = re.compile(
    r"\s(?:[a-z]+ed|is|was|were|are|has|have|had|will|would|can|could|did|does|won|made|took|"
    r"met|sent|gave|went|came|saw|held|brought|left|told|said|spoke|wrote|set|put|filed)\b"
)
_PRESENT_S = re.compile(r"\s[a-z]{3,}s\b")  # `says`, `claims` — or a plural noun: tried last


def sentence_subject(text: str, ss: int, v0: int) -> tuple[Subject, int] | None:
    """The subject of the sentence's main clause: `On Wednesday, the Court of Session in Scotland
    issued …, finding …` → the Court of Session."""
    pos = ss
    for part in re.split(r"(,\s*)", text[ss:v0]):
        words = _words(part)
        if not words or part.strip() == ",":
            pos += len(part)
            continue
        if words[0].lower() in _PREP_START or _LEADING_TIME.match(part):
            pos += len(part)
            continue
        verb = _FINITE_VERB.search(part) or _PRESENT_S.search(part)
        if verb is None or verb.start() == 0:
            return None
        subj = read_subject(part[: verb.start()])
        if subj is None or subj.inherit:
            return None
        return subj, pos + (len(part) - len(part.lstrip()))
    return None


_IRREGULAR_PAST = frozenset(
    [
        "left",
        "went",
        "made",
        "took",
        "gave",
        "came",
        "saw",
        "held",
        "brought",
        "told",
        "said",
        "spoke",
        "wrote",
        "knew",
        "thought",
        "found",
        "lost",
        "won",
        "began",
        "became",
        "kept",
        "felt",
        "sent",
        "paid",
        "built",
        "stood",
        "understood",
        "meant",
        "led",
        "ran",
        "fell",
        "broke",
        "chose",
        "grew",
        "drove",
        "rose",
    ]
)
_PRESENT_VERB = re.compile(r"\b[a-z]{3,}s\s+(?:it|them|him|her|that|to|us)\b")
_FEELING = re.compile(
    r"(?:(?:its|his|her|their|our|deep|strong|grave|full)\s+)*(?:support|concern|regret|"
    r"sympathy|sympathies|condolences|opposition|disappointment|hope|outrage|solidarity|anger)\b"
)
_AS_TAKERS = frozenset(
    [
        "call",
        "describe",
        "term",
        "label",
        "refer",
        "characterise",
        "cite",
        "hail",
        "praise",
        "criticise",
        "dismiss",
        "see",
    ]
)
_CLAUSE_TAKERS = frozenset(
    [
        "find",
        "inform",
        "maintain",
        "rule",
        "show",
        "indicate",
        "estimate",
        "believe",
        "consider",
        "agree",
        "decide",
        "observe",
    ]
)
# `asked Judge Miller to delay`, `advises citizens to continue`: an object then a to-infinitive.
_OBJECT_TO = re.compile(r"^(?:[\w'’\-]+\s+){1,4}to\s+[a-z]+")
_TO_TAKERS = frozenset(["ask", "advise", "urge", "recommend", "request", "call", "tell", "warn"])


_SPLIT = re.compile(
    r",\s*|\s+(?:and|but|as|while|because|when|where|after|before|since|so|though|although)\s+"
)


def _suffix_subject(text: str, clause: int, v0: int) -> tuple[Subject | None, int]:
    """`Cows are sacred to Hindus and politicians of the X Party cited …`: the subject is the
    longest tail after a comma or conjunction that reads as one, once a clause precedes it."""
    for m in _SPLIT.finditer(text, clause, v0):
        if len(_words(text[clause : m.start()])) < 2:
            continue
        tail = text[m.end() : v0]
        if not tail.strip() or len(_words(tail)) > 10:
            continue
        if any(w.lower() in _AUX for w in _words(_TRAILING_ADV.sub("", " " + tail))):
            continue
        subj = read_subject(tail)
        if subj is not None and not subj.inherit:
            return subj, m.end()
    return None, clause


def _weak_ok(content: str, lem: str) -> bool:
    """A weak cue (`called`, `found`) reports speech only with a quote, `as`/`for`/`of`, or — for
    verbs of judging (`found`, `ruled`) — a clause."""
    head = content[:60]
    if lem in _CLAUSE_TAKERS:
        # `ruled the government's practice of … is unconstitutional`: the verb may come late
        late_verb = any(w.lower() in _AUX for w in _words(content)[:25])
        return content.startswith("to be ") or (
            (_clause_like(content) or late_verb) and not content.startswith("to ")
        )
    if "“" in head or '"' in head or (lem in _AS_TAKERS and re.search(r"\bas\b", head)):
        return True
    if lem in ("express", "voice") and _FEELING.match(content):
        return True  # `expressed its support`, `voiced concern`
    if lem == "speak":
        return bool(re.match(r"(?:of|about|out)\b", content))
    if lem == "write" and re.match(r"to\s.{0,60}?\b(?:asking|urging|calling|demanding)\b", content):
        return True
    if content.startswith("to "):
        return False  # `agreed to answer`: an action, not speech
    if lem in _TO_TAKERS and _OBJECT_TO.match(content):
        return True
    if re.match(r"^(?:[\w'’\-]+\s+){0,3}that\b", content):
        return True  # `maintains a position that …`
    return bool("“" in head or '"' in head or _OBJECT_AS.search(head))


def _lstrip_len(text: str, a: int, b: int) -> int:
    chunk = text[a:b]
    stripped = _DATELINE.sub("", chunk)
    stripped = stripped.lstrip(" ,")
    return len(chunk) - len(stripped)
