"""Name runs: the capitalised word sequences of a passage, each read as a name with its context.

`House of Commons Speaker John Bercow` is split at its last title into an organisation and a
person; words before a name (`Kremlin spokesman`) and an apposition after it (`, a professor at …`)
become its descriptors, which role references (`the spokesman`) are matched against later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizgame.authoring.names import (
    _ORG_OF_HEADS,
    _PARTICLES,
    _POSSESSIVE,
    _TIME_WORDS,
    ROLE_NOUNS,
    STOP_CAPS,
    SURNAME_TITLES,
    TITLES,
    NameParse,
    SpeakerKind,
    Token,
    _bare,
    _is_cap,
    _is_particle_name,
    _kind_of,
    gender_of,
    role_text,
    tokens,
)

# built once: every capitalised run asks (a pattern rebuilt per run cost a sort of the lexicon)
_APPOSITION = re.compile(
    r",\s+(?:(?:a|an|the)\s+[a-z]|\d+,|(?:" + "|".join(sorted(ROLE_NOUNS)) + r")\b)"
)
_TITLE_OR_ROLE = TITLES | ROLE_NOUNS


def name_runs(text: str, base: int) -> Iterable[tuple[int, int, NameParse, bool]]:
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
    while (
        k < len(words)
        and not _acronym(words[k])
        and (_plain(words[k]) in STOP_CAPS or _plain(words[k]) in _TIME_WORDS)
    ):
        k += 1  # `The`, `Today's`, `Monday` open the run but are not the name
    had_the = k > 0 and words[k - 1].lower() == "the"
    if i > 0 and toks[i - 1].text == "the":
        had_the = True
    words = words[k:]
    offset = i + k
    if not words:
        return
    if any(_bare(w).lower() in _TIME_WORDS for w in words):
        return
    # split at the last title: `House of Commons Speaker John Bercow`; a title word ending the
    # run after a first name is a surname (`Ada King`)
    last_title = max(
        (
            x
            for x, w in enumerate(words)
            if (_bare(w).lower() in TITLES or _bare(w) in ("MP",))
            and not (
                _bare(w).lower() in SURNAME_TITLES
                and x == len(words) - 1
                and x > 0
                and _bare(words[x - 1]).lower() not in _TITLE_OR_ROLE
                and len(words) >= 2
            )
        ),
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
            NameParse(
                " ".join(_bare(w) for w in person),
                SpeakerKind.PERSON,
                desc,
                False,
                True,
                role_text([_bare(w) for w in words[: last_title + 1]]),
                gender_of(_bare(words[last_title])),
            ),
            possessive,
        )
        return
    if last_title == len(words) - 1:
        return  # a bare title (`President`) names nobody
    prev = _previous_word(text, base, toks, offset)
    titled = prev in TITLES or prev in ROLE_NOUNS
    after = text[toks[j - 1].end - base : toks[j - 1].end - base + 40]
    apposition = _APPOSITION.match(after)
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
        NameParse(
            " ".join(name_words),
            kind,
            desc,
            had_the,
            titled,
            role_text(_left_words(text, base, toks, offset)) if titled else None,
            gender_of(prev),
        ),
        possessive,
    )


def _plain(word: str) -> str:
    return re.sub(r"['’]s$", "", _bare(word)).lower()


def _acronym(word: str) -> bool:
    """`WHO`, `US`: capitals, never a stop word."""
    return len(word) >= 2 and word.isupper() and word.isalpha()


def _previous_word(text: str, base: int, toks: list[Token], idx: int) -> str:
    if idx == 0:
        return ""
    gap = text[toks[idx - 1].end - base : toks[idx].start - base]
    if any(c in gap for c in ".;:!?\n"):
        return ""
    return _bare(toks[idx - 1].text).lower()


def _left_context(text: str, base: int, toks: list[Token], idx: int) -> frozenset[str]:
    """Up to four words before a name, back to punctuation: `Kremlin spokesman`, `study co-author`."""
    return frozenset(w.lower() for w in _left_words(text, base, toks, idx))


def _left_words(text: str, base: int, toks: list[Token], idx: int) -> list[str]:
    """The words of `_left_context`, in reading order and as written."""
    out: list[str] = []
    k = idx
    while k > 0 and len(out) < 4:
        gap = text[toks[k - 1].end - base : toks[k].start - base]
        if gap.strip(" -–"):
            break
        w = _bare(toks[k - 1].text)
        if w.lower() in STOP_CAPS or w in ("of", "to", "by", "was", "is", "said", "with", "and"):
            break
        out.insert(0, w)
        k -= 1
    return out
