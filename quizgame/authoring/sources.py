"""Sources named without a subject-verb tag: `according to X`, `… was condemned by X`, `a statement
from X`, `the analysis of X`, `X's statement reads`.

Each names its source in a noun phrase, so these rules look for the phrase and read it as one or
more sources (a list gives one attribution per source). Linear: each sentence is scanned once.
"""

from __future__ import annotations

import bisect
import re

from quizgame.article.passages import Passage
from quizgame.authoring.cues import _AUX
from quizgame.authoring.names import SpeakerKind, token_texts
from quizgame.authoring.quotes import Cand, trim
from quizgame.authoring.subjects import Subject, noun_source, read_subject, split_sources


def indirect(
    passage: Passage,
    pindex: int,
    ss: int,
    content: tuple[int, int],
    form: str,
    cue: str,
    subj: Subject,
    tag: tuple[int, int],
    order: int,
) -> Cand:
    """A reported (unquoted) attribution found in `passage.text` at local offsets: every offset
    (content span, tag, order, the sentence start `ss`) becomes an article offset."""
    base = passage.start
    return Cand(
        passage,
        pindex,
        base + content[0],
        base + content[1],
        False,
        form,
        cue,
        subj,
        (base + tag[0], base + tag[1]),
        base + order,
        sentence_start=base + ss,
    )


def drop_end(text: str, c0: int, c1: int, chars: str = ".!?") -> int:
    """The end `c1` moved back over trailing `chars` (final punctuation), never before `c0`."""
    while c1 > c0 and text[c1 - 1] in chars:
        c1 -= 1
    return c1


class Spans:
    """Sorted, non-overlapping local spans (quotes, tags) with a bisect lookup."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [a for a, _ in self._spans]

    def add(self, a: int, b: int) -> None:
        if not self._starts or a >= self._starts[-1]:
            self._spans.append((a, b))  # the usual case: spans arrive in reading order
            self._starts.append(a)
            return
        i = bisect.bisect_left(self._starts, a)
        self._spans.insert(i, (a, b))
        self._starts.insert(i, a)

    def inside(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        # spans may nest (a tag inside nothing, quotes never overlap): check a few neighbours
        for k in range(max(0, i - 2), i + 1):
            a, b = self._spans[k]
            if a <= pos < b:
                return True
        return False


_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<np>(?:[^,;.“”\"]|(?<=\b[A-Z])\.)+?)"
    r"(?=\s*[,;“\"]|[.!?]?\s*$|\s+(?:on|in|at)\s|\s+(?:he|she|they|it|there)\s)"
)
_PASSIVE = re.compile(
    r"\b(?:(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?|(?<=[a-z,] ))(?P<verb>announced|condemned|"
    r"criticised|criticized|praised|welcomed|denied|confirmed|reported|seconded|rejected|"
    r"described|supported|backed|endorsed|stated|claimed|questioned|opposed|hailed|accused|"
    r"proposed|recommended|disputed|denounced|called|declared|ruled|revealed|noted|published|released)(?:\s+(?:on|in|at|last|this|earlier)\s+\w+)?\s+by\s+"
    r"(?P<np>[^;.“”\"]+)"
)


_AND_BY = re.compile(r"\s+and\s+by\s+(?P<np>(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,4})")
_POSSESSED_SPEECH = re.compile(
    r"(?P<owner>\b[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})['’]s?\s+(?:[a-z]+\s+)?"
    r"(?P<noun>allegations?|accusations?|claims?|criticism|warnings?|denials?|assertions?|"
    r"insistence|admission)\s+(?=that\b|of\b|about\b)"
)


def possessed_speech(passage: Passage, pindex: int, spans: Spans, ss: int, se: int) -> list[Cand]:
    """`despite Tsvangirai's allegations of fraud`: the owner of a speech noun is its source."""
    text = passage.text
    out: list[Cand] = []
    for m in _POSSESSED_SPEECH.finditer(text, ss, se):
        if spans.inside(m.start()):
            continue
        subj = read_subject(m["owner"])
        if subj is None or subj.name is None:
            continue
        c0, c1 = trim(text, m.end(), se)
        c1 = min(c1, c0 + 200)
        c1 = drop_end(text, c0, c1, ".!?,")
        if len(_words(text[c0:c1])) < 2:
            continue
        out.append(
            indirect(
                passage,
                pindex,
                ss,
                (c0, c1),
                "possessed",
                m["noun"].lower(),
                subj,
                (m.start(), m.end()),
                m.start(),
            )
        )
        spans.add(m.start(), m.end())
    return out


_DOC = re.compile(
    r"\b(?P<doc>[Ss]tatements?|[Rr]eports?|[Ll]etters?|[Aa]nalys[ie]s|[Ss]tud(?:y|ies)|[Mm]aps?|"
    r"[Dd]ecrees?|[Rr]ulings?|[Ss]urveys?|[Pp]olls?|[Ee]stimates?|[Ff]indings|[Ff]igures|"
    r"[Nn]umbers|[Ff]ootage|[Aa]nnouncements?|[Pp]etitions?|[Cc]omplaints?|[Tt]weets?|"
    r"[Pp]osts?|[Cc]ondemnations?|[Oo]rders?|[Dd]ecisions?|[Cc]riticism|[Jj]udge?ments?|"
    r"[Vv]erdicts?|[Oo]pinions?|[Pp]roclamations?)\b"
    r"(?:\s+(?:of\s+)?(?!(?:on|the|a|an|to|in|at|into|for|about|over)\b)[a-z][\w\-]*){0,3}?"
    r"\s+(?:from|by|of)\s+"
    r"(?P<np>(?:the\s+|a\s+)?[A-Z](?:[^;.“”\"]|(?<=\b[A-Z])\.)*?)"
    r"(?=\s*[;.“\"]|\s*,\s+(?![A-Z]|and\s)|\s+(?:who|which|that|directing|ordering|asking|"
    r"on|in|at|during|said|says|shows?|found|finds|"
    r"draws?|indicates?|notes?|reads?)\b|\s*$)"
)


_LONG_ACRONYM = re.compile(
    r"(?P<long>[A-Z][\w'’\-]*(?:,?\s+(?:(?:and|of|for|the|&)\s+)*[A-Z][\w'’\-]*)+)\s*"
    r"\((?P<acro>[A-Z]{2,8})\)"
)


def collapse_acronyms(text: str) -> str:
    """`United Nations Educational, Scientific and Cultural Organization (UNESCO)` → `UNESCO`,
    so the commas inside the name do not split it into several sources."""

    def repl(m: re.Match[str]) -> str:
        caps = "".join(w[0] for w in re.findall(r"[A-Z][\w'’\-]*", m["long"]))
        return m["acro"] if caps.endswith(m["acro"]) and "," in m["long"] else m.group(0)

    return _LONG_ACRONYM.sub(repl, text)


def document_sources(passage: Passage, pindex: int, spans: Spans, ss: int, se: int) -> list[Cand]:
    """`Statements of condemnation have come from X, Y and Z`, `a joint statement by A and B`."""
    text = passage.text
    out: list[Cand] = []
    for m in _DOC.finditer(text, ss, se):
        if spans.inside(m.start("np")) or spans.inside(m.start()):
            continue
        np_text = collapse_acronyms(re.split(r"\s+(?:on|in|at|during)\s", m["np"])[0])
        c0, c1 = trim(text, ss, se)
        c1 = drop_end(text, c0, c1)
        for k, piece in enumerate(split_sources(np_text)):
            subj = read_subject(piece)
            if subj is None or subj.inherit or subj.pronoun is not None:
                continue
            if subj.noun is not None and subj.noun_kind is SpeakerKind.DOCUMENT:
                continue
            out.append(
                indirect(
                    passage,
                    pindex,
                    ss,
                    (c0, c1),
                    "reported",
                    m["doc"].lower(),
                    subj,
                    (m.start(), m.start("np") + len(np_text)),
                    m.start("np") + k,
                )
            )
        spans.add(m.start(), m.start("np") + len(np_text))
    return out


_APPOSED_NAME = re.compile(r",\s+(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){1,3}),")


def according_to(passage: Passage, pindex: int, spans: Spans, ss: int, se: int) -> list[Cand]:
    text = passage.text
    out: list[Cand] = []
    for m2 in _ACCORDING.finditer(text, ss, se):
        if spans.inside(m2.start()):
            continue
        np_text = m2["np"]
        if re.match(r"(?:which|whom|this|that|it|these|those)\b", np_text):
            continue
        by = re.search(r"\b(?:by|from|of)\s+(?=(?:the\s+)?[A-Z])", np_text)
        lead = noun_source(np_text[: by.start()]) if by else None
        if by and lead is not None and lead[1] is SpeakerKind.DOCUMENT:
            np_text = np_text[by.end() :]  # `a Twitter post by Amy Cook`
        subj = read_subject(np_text)
        app_name = _APPOSED_NAME.match(text, m2.end())
        if app_name and (subj is None or subj.name is None):
            subj = read_subject(app_name["name"])  # `According to the mayor, Dee Margo, …`
        if subj is None or subj.inherit:
            continue
        if not text[ss : m2.start()].strip():
            comma = text.find(",", m2.end(), se)
            if comma == -1:
                continue
            app = re.match(r",\s+(?:a |an |the )?[a-z][^,]{0,60},", text[comma:se])
            if app and not any(w.lower() in _AUX for w in _words(app.group(0))):
                comma += app.end() - 1  # skip an apposition: `Amy Cook, director of …,`
            c0, c1 = trim(text, comma + 1, se)
        else:
            c0, c1 = trim(text, ss, m2.start())
            if len(_words(text[c0:c1])) < 3:
                c0, c1 = trim(text, m2.end(), se)
        c1 = drop_end(text, c0, c1)
        if len(_words(text[c0:c1])) < 3:
            continue
        out.append(
            indirect(
                passage,
                pindex,
                ss,
                (c0, c1),
                "according-to",
                "according to",
                subj,
                (m2.start(), m2.start("np") + len(m2["np"])),
                m2.start(),
            )
        )
        spans.add(m2.start(), m2.start("np") + len(m2["np"]))  # `a post by X` is this source
    return out


def passive(passage: Passage, pindex: int, spans: Spans, ss: int, se: int) -> list[Cand]:
    """`The move was condemned by X and Y`: the agents are the sources, the subject the content."""
    text = passage.text
    out: list[Cand] = []
    for m in _PASSIVE.finditer(text, ss, se):
        if spans.inside(m.start()):
            continue
        np_text = re.split(
            r"\s+(?:on|in|at|during|after|before|over|for|to|as|was|were|is|are|has|had|have)\b"
            r"|,\s+(?![A-Z]|and\s)",
            m["np"],
        )[0]
        np_text = re.sub(r"^members\s+of\s+", "", np_text)
        subj = read_subject(np_text)
        if subj is None or subj.inherit or subj.pronoun is not None:
            continue
        second = _AND_BY.search(text, m.start("np") + len(np_text), se)
        if second is not None:  # `reported by The Guardian as … and by Associated Press …`
            other = read_subject(second["np"])
            if other is not None and other.name is not None:
                subj = Subject(text=f"{np_text} and {second['np']}", parts=(subj, other))
        c0, c1 = trim(text, ss, m.start())
        if len(_words(text[c0:c1])) < 1:
            continue
        c1 = m.start("np") - 1
        out.append(
            indirect(
                passage,
                pindex,
                ss,
                (c0, c1),
                "reported",
                m["verb"].lower(),
                subj,
                (m.start("np"), m.start("np") + len(np_text)),
                m.start("np"),
            )
        )
    return out


def _words(text: str) -> list[str]:
    return token_texts(text)
