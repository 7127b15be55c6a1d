"""Interview transcripts: `MS Although we used …` paragraphs are the interviewee's own words.

A Q&A printed as paragraphs that start with a speaker label — the interviewer's in double brackets
(`((WN))`), the interviewee's as full name or initials (`Michael Siegel …`, `MS …`) — credits each
answer to the person the label names. Only labels used at least twice count, and initials only when
they match exactly one person the article names, so an ordinary paragraph starting with an
acronym is never read as an answer. Questions are the interviewer's: not attributions.
"""

from __future__ import annotations

import re
from collections import Counter

from quizgame.article.passages import Passage
from quizgame.authoring.entities import Registry
from quizgame.authoring.names import NameParse, SpeakerKind
from quizgame.authoring.quotes import Cand
from quizgame.authoring.subjects import Subject

_ANSWER = re.compile(r"\s+(?:I|We|My|Our|Yes|No|Well)\b")  # right after an interviewee's name
_LABEL = re.compile(r"^(?P<label>\(\([^()]{1,30}\)\)|[A-Z]{2,3})\s+(?=[A-Z“\"])")


def interview_candidates(body: tuple[Passage, ...], registry: Registry) -> list[Cand]:
    labels = Counter(m["label"] for p in body if (m := _LABEL.match(p.text)))
    if not any(lb.startswith("((") and n >= 2 for lb, n in labels.items()):
        return []
    people = registry.of_kind(SpeakerKind.PERSON)
    by_initials: dict[str, list[str]] = {}
    for e in people:
        words = e.name.split()
        if len(words) >= 2:
            by_initials.setdefault("".join(w[0] for w in words).upper(), []).append(e.name)
    # full names by their place among the people, so a paragraph opening on one is found by
    # looking up its first characters, not by trying every person's pattern on every paragraph
    full: dict[str, int] = {}
    for n, e in enumerate(people):
        if len(e.name.split()) >= 2:
            full.setdefault(e.name, n)
    lengths = sorted({len(name) for name in full})
    out: list[Cand] = []
    for pindex, p in enumerate(body):
        m = _LABEL.match(p.text)
        name: str | None = None
        start = 0
        if m is not None and not m["label"].startswith("(("):
            names = by_initials.get(m["label"], [])
            if labels[m["label"]] >= 2 and len(names) == 1:
                name, start = names[0], m.end()
        elif m is None:
            opening = [full[p.text[:n]] for n in lengths if p.text[:n] in full]
            for k in sorted(opening):
                if _ANSWER.match(p.text, len(people[k].name)):
                    name, start = people[k].name, len(people[k].name) + 1
                    break
        if name is None:
            continue
        subject = Subject(
            name=NameParse(name, SpeakerKind.PERSON, frozenset()), text=p.text[:start].strip()
        )
        s = start + (len(p.text[start:]) - len(p.text[start:].lstrip()))
        out.append(
            Cand(
                p,
                pindex,
                p.start + s,
                p.end,
                True,
                "interview",
                "said",
                subject,
                (p.start, p.start + start),
                p.start,
                sentence_start=p.start,
            )
        )
    return out
