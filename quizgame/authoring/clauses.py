"""Pieces of the article a question may quote or restate: whole sentences, reported clauses.

A quoted stem that stops mid-phrase (`"we can say that it is…"`) drops the words that carry the
meaning, and one with an unclosed quotation mark reads as broken, so questions quote only whole
sentences (or whole clauses) with their closing punctuation. Reported content is restated in the
third person (`he had not …` → `they had not …`) only where that reads naturally; otherwise the
candidate is dropped rather than pasted in with mechanical edits.
"""

from __future__ import annotations

import re

MAX_STEM_WORDS = 30
MAX_QUOTE_WORDS = 24
MIN_QUOTE_WORDS = 6  # `May he rest in peace.` is a formula, not a position

_SENTENCE_END = re.compile(
    r"(?<![A-Z][a-z]\.)(?<![A-Z][a-z][a-z]\.)(?<![A-Z]\.)(?<=[.!?])[”\"’']?\s+(?=[“\"‘']?[A-Z])"
    r"|\s*\[(?:\.\.\.|…)\]\s*"
)
_OPEN = "“‘«"
_CLOSE = "”’»"


def clean(text: str) -> str:
    return " ".join(text.split())


def words(text: str) -> int:
    return len(text.split())


def whole_sentences(content: str) -> list[str]:
    """The complete sentences of a quotation, each ending in . ! or ? — a clause that ends in the
    comma before a speaker tag (`"…," she said`) or before an omission (`…[...]`) is complete too,
    and gets its full stop back. Sentences opening on `And` or `But` lean on the one before."""
    text = clean(content).strip(' "“”')
    out: list[str] = []
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    for n, part in enumerate(parts):
        part = part.strip(' "“”')
        if not part or not (part[0].isupper() or part[0].isdigit()):
            continue
        if _CONJUNCTION_START.match(part):
            continue
        if part[-1] in ",;:" and n == len(parts) - 1:
            part = part[:-1].rstrip() + "."
        elif part[-1].isalnum() and _before_ellipsis(text, part):
            part += "."
        if part[-1] not in ".!?":
            continue
        if "..." in part or "…" in part or "[" in part or unclosed(part):
            continue
        if MIN_QUOTE_WORDS <= words(part) <= MAX_QUOTE_WORDS:
            out.append(part)
    return out


_CONJUNCTION_START = re.compile(
    r"^(?:And|But|Or|So|Because|Now that|Which|Also|Still|Then|Besides|Beyond that|"
    r"On top of that|That is why|This is why)\b"
)


def _before_ellipsis(text: str, part: str) -> bool:
    at = text.find(part)
    return at >= 0 and re.match(r"\s*\[(?:\.\.\.|…)\]", text[at + len(part) :]) is not None


def unclosed(text: str) -> bool:
    """An opening quotation mark with no closing one (or an odd number of straight quotes)."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if depth == 0:
                return True
            depth -= 1
    if depth:
        return True
    return text.count('"') % 2 == 1


def shown(sentence: str) -> str:
    return f"“{sentence}”"


_PRONOUN_CLAUSE = re.compile(
    r"^(?:he|she)\s+(had|would|will|could|might|may|must|should|did|was|is|has|does|"
    r"[a-z]+ed)\b",
    re.IGNORECASE,
)
_THEY = {"was": "were", "is": "are", "has": "have", "does": "do"}
_BAD_START = re.compile(r"^(?:it|this|that|these|those|they|there|which|and|but|so)\b", re.I)


def reported(content: str, *, pronoun_ok: bool = True, they_ok: bool = True) -> str | None:
    """Reported content fit for a stem: a clause or noun phrase, third person, no dangling start;
    None when it cannot be restated cleanly. `they_ok=False` (a person speaking): a clause that
    opens on `they` in the article is about others (`the minister said they are to build …`, where
    `they` is Italy), whom the stem cannot name."""
    text = _LEADING_ADVERB.sub("", clean(content).rstrip(" .,;:"))
    text = _LEADING_TIME.sub("", text)
    if re.match(r"^[\w'’-]+,", text):
        return None  # `officials, with 25 others injured`: no clause to restate
    if not text or unclosed(text) or "[" in text:
        return None
    m = _PRONOUN_CLAUSE.match(text)
    if m and not pronoun_ok:
        return None  # `X said that they …` reads as if `they` were someone else
    if m:
        verb = m.group(1).lower()
        text = "they " + _THEY.get(verb, verb) + text[m.end() :]
    elif re.match(r"^(?:his|her)\s+[a-z]", text) and pronoun_ok:
        text = "their" + text[3:]
    elif re.match(r"^(?:he|she|his|her|him)\b", text, re.I):
        return None
    if _BAD_START.match(text) and not (text.lower().startswith("they ") and (m or they_ok)):
        return None
    if re.search(r"\b(?:I|me|my|we|our|us)\b", text):
        return None  # first person left in indirect speech reads as a pasted quote
    text = _ALWAYS_CUT.split(text, maxsplit=1)[0].rstrip(" ,")
    if m:
        text = re.sub(r"\bhis\b", "their", text)
        text = re.sub(r"\bhimself\b|\bherself\b", "themselves", text)
    if words(text) > MAX_CLAUSE_WORDS:
        text = _main_clause(text)
    if words(text) < 3 or words(text) > MAX_CLAUSE_WORDS or unclosed(text):
        return None
    if _PASTED.match(text) or text.endswith(" by"):
        return None  # `The death of … was announced by`: a whole sentence, not a reported clause
    if re.search(r"\b(?:said|says|told|reported|according)\b", text):
        return None  # a report inside the report: whose words these are is no longer clear
    if re.search(r"\b(?:it|them)\b", text):
        return None  # `it` and `them` point back to something the stem does not show
    return text


MAX_CLAUSE_WORDS = 20
_PASTED = re.compile(
    r"^(?:The|A|An|This|These|Those|might|may|will|would|could|can|should|is|are|was|were|has|"
    r"have|had|did|does|do)\b"
)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|did|"
    r"does|do|[a-z]{3,}ed|[a-z]{3,}s)\b"
)


def has_verb(clause: str) -> bool:
    """Whether the clause's first part (before a comma) has something like a finite verb."""
    return _VERBISH.search(clause.split(",")[0]) is not None


# a second clause joined on: another source, a narrator's aside, a dangling participle
_ALWAYS_CUT = re.compile(
    r";\s|\s[—–]\s|,\s+(?:which|who|whose|calling|saying|adding|describing|accusing|citing|"
    r"and|but|while|as|although|though|however|of\s+which)\b|\s+and\s+that\s"
)
_LEADING_TIME = re.compile(
    r"^(?:(?:late|early|on|last|this|earlier|later)\s+)?(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|yesterday|today|week|month|year|night|morning)\b,?\s*",
    re.I,
)
_LEADING_ADVERB = re.compile(r"^[a-z]+ly\s+(?=[a-z])")
_CLAUSE_BREAK = re.compile(
    r",\s+(?:which|who|whose|while|whereas|as|after|before|although|though|but|and|however|"
    r"saying|adding|despite)\b|\s+(?:which|who|whose|because|while|whereas|although|after|"
    r"before|despite|in order to|so that)\s|\s+[—–]\s|;\s"
)


def _main_clause(text: str) -> str:
    """The reported clause without its trailing relative, concessive or time clause: still true
    to the article (only a qualification is left out) and short enough to read in a stem."""
    for m in _CLAUSE_BREAK.finditer(text):
        head = text[: m.start()].rstrip(" ,")
        if words(head) >= 6:
            return head
    return text


def mid(name: str) -> str:
    """A name inside a sentence: `The Kremlin` → `the Kremlin`."""
    return "the " + name[4:] if name.startswith("The ") else name


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def content_words(text: str) -> set[str]:
    return {
        w
        for w in re.findall(r"[a-z0-9][a-z0-9'’-]+", text.casefold())
        if len(w) > 3 and w not in _STOP
    }


def overlap(a: str, b: str) -> float:
    """Share of the smaller text's content words found in the other."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "they",
        "their",
        "there",
        "which",
        "would",
        "could",
        "should",
        "about",
        "after",
        "before",
        "said",
        "says",
        "also",
        "been",
        "being",
        "into",
        "than",
        "then",
        "them",
        "these",
        "those",
        "what",
        "when",
        "where",
        "while",
        "will",
        "your",
        "only",
        "over",
        "such",
        "some",
        "more",
        "most",
        "very",
        "just",
        "because",
        "again",
        "against",
    ]
)
