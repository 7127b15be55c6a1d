"""Question stems composed from the parts of an attribution: speaker, cue verb, content.

Stems are never article sentences with words cut out: the cue verb and the reported clause are put
back together in a fixed, grammatical frame, and anything that would not read cleanly (a first-person
clause in reported speech, a dangling `it`, a stem over ~30 words) gives no stem at all.
"""

from __future__ import annotations

import re

from quizgame.authoring import rules
from quizgame.authoring.attribution import Attribution
from quizgame.authoring.clauses import MAX_STEM_WORDS, has_verb, reported, shown, words
from quizgame.authoring.names import SpeakerKind

# verbs that report a that-clause: `said that …`, `warned that …`
_THAT_VERBS = frozenset(
    [
        "say",
        "state",
        "add",
        "note",
        "explain",
        "claim",
        "insist",
        "argue",
        "warn",
        "caution",
        "assert",
        "contend",
        "suggest",
        "conclude",
        "predict",
        "stress",
        "emphasise",
        "report",
        "write",
        "tweet",
        "believe",
        "estimate",
        "find",
    ]
)
# verbs whose object can be a noun phrase: `denied the claims`, `criticised the decision`
_NP_VERBS = frozenset(
    [
        "deny",
        "refute",
        "reject",
        "dismiss",
        "dispute",
        "criticise",
        "condemn",
        "praise",
        "welcome",
        "confirm",
        "announce",
        "reveal",
        "acknowledge",
        "admit",
        "call",
        "describe",
        "accuse",
        "cite",
        "urge",
        "back",
        "support",
        "endorse",
        "oppose",
        "blame",
        "thank",
        "question",
    ]
)
# the opposite position, for false statements that change what was said, not who said it
_OPPOSITE_CLAUSE = {"deny": "admitted", "refute": "confirmed", "dispute": "confirmed"}
_OPPOSITE_NP = {
    "deny": "accepted",
    "refute": "accepted",
    "reject": "accepted",
    "dismiss": "accepted",
    "dispute": "accepted",
    "criticise": "praised",
    "condemn": "praised",
    "praise": "criticised",
    "welcome": "criticised",
}


_NEGATED = re.compile(r"\b(?:not|never|n't|no longer|nor)\s+(?:\w+\s+)?$", re.I)
_PREPOSITION = re.compile(r"^(?:on|about|to|with|for|of|against|in|at|over)\s", re.I)


def takes_that(a: Attribution, text: str) -> bool:
    """Whether the article reports `a` with a that-clause (`denied that …`)."""
    return bool(re.search(rf"\b{re.escape(a.cue)}\s+that\b", text))


def clause(a: Attribution, sentence: str, *, pronoun_ok: bool = True) -> str | None:
    """`denied that they had …` / `criticised the decision` / `said that …`, or None."""
    if a.direct or a.form == "according-to":
        return None
    if (a.lemma not in _NP_VERBS and a.lemma not in _THAT_VERBS) or a.cue.endswith("ing"):
        return None  # `told …`, `agreed …`, `accusing …`: no frame that reads right every time
    if _NEGATED.search(sentence.split(a.cue)[0][-30:]):
        return None  # `did not find that …`: the negation sits outside the reported words
    # `they` for an organisation reads as the organisation itself
    person = a.kind is SpeakerKind.PERSON
    content = reported(a.content, pronoun_ok=pronoun_ok and person, they_ok=not person)
    if content is None:
        return None
    verb = a.cue.split()[-1]
    phase = re.search(
        rf"\b(initially|originally|at first|previously|later|eventually)\s+{re.escape(verb)}\b",
        sentence,
        re.I,
    )
    if phase:
        verb = f"{phase.group(1).lower()} {verb}"  # `initially denied`: the time is the truth
    if (a.lemma in _NP_VERBS and not takes_that(a, sentence)) or _PREPOSITION.match(content):
        return f"{verb} {content}"
    if not has_verb(content):
        return None  # `claimed that victory in the vote`: a noun phrase is no that-clause
    return f"{verb} that {content}"


def fits(stem: str) -> bool:
    return words(stem) <= MAX_STEM_WORDS


def who_reported(a: Attribution, sentence: str, kind_word: str) -> str | None:
    c = clause(a, sentence)
    stem = question(f"According to the article, {kind_word} {c}") if c else None
    return stem if stem and fits(stem) else None


def question(text: str) -> str:
    """`text` with a question mark: a full stop or comma that closed a quotation at the end
    (`called it “an act of barbarity.”`) goes, since the question mark now ends the sentence."""
    return re.sub(r"[.,]([”\"’']+)$", r"\1", text) + "?"


def who_quoted(quote: str) -> str | None:
    stem = f"Who said {shown(quote)}"
    return stem if fits(stem) else None


def statement(a: Attribution, speaker: str, sentence: str, quote: str | None) -> str | None:
    if quote is not None:
        if rules.leans_on_antecedent(quote):
            return None  # `X said “It has been recognized …”`: true or false of what?
        stem = f"{speaker} said {shown(quote)}"
    else:
        c = clause(a, sentence, pronoun_ok=False)
        if c is None:
            return None
        stem = f"According to the article, {speaker} {c}" + _stop(c)
    return stem if fits(stem) else None


def opposite(a: Attribution, speaker: str, sentence: str) -> str | None:
    """The same report with the position reversed (`denied` → `admitted`), or None when no
    reversal is safe for this verb."""
    if a.direct or a.form == "according-to":
        return None
    content = reported(a.content, pronoun_ok=False, they_ok=a.kind is not SpeakerKind.PERSON)
    if content is None:
        return None
    if takes_that(a, sentence):
        verb = _OPPOSITE_CLAUSE.get(a.lemma)
        c = f"{verb} that {content}" if verb else None
    else:
        verb = _OPPOSITE_NP.get(a.lemma)
        c = f"{verb} {content}" if verb else None
    if c is None:
        return None
    stem = f"According to the article, {speaker} {c}" + _stop(c)
    return stem if fits(stem) else None


def kind_word(a: Attribution) -> str:
    return "who" if a.kind.value == "person" else "which of these"


def _stop(text: str) -> str:
    """A full stop, unless the text already ends a sentence inside its closing quote."""
    return "" if re.search(r"[.!?][”\"’']?$", text) else "."
