"""Cue verbs: the words that mark speech or a position taken (`said`, `denied`, `according to`).

Each form maps to a lemma, and some lemmas to a stance (`refuted` → denial), which questions ask about.
The regular-expression pieces here are shared by the quote and reported-speech rules.
"""

from __future__ import annotations

import re


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# --- cue verbs --------------------------------------------------------------------------------------

_LEMMAS: dict[str, str] = {}
for _lemma, _forms in {
    "say": "said says say saying",
    "tell": "told tells telling",
    "add": "added adds adding",
    "explain": "explained explains explaining",
    "state": "stated states stating",
    "note": "noted notes noting",
    "comment": "commented comments commenting",
    "remark": "remarked remarks",
    "tweet": "tweeted tweets tweeting",
    "write": "wrote writes writing",
    "post": "posted",
    "announce": "announced announces announcing",
    "declare": "declared declares declaring",
    "insist": "insisted insists insisting",
    "claim": "claimed claims claiming claim",
    "argue": "argued argues arguing argue",
    "warn": "warned warns warning warn",
    "caution": "cautioned cautions",
    "assert": "asserted asserts asserting",
    "reassert": "reasserted reasserts",
    "reaffirm": "reaffirmed reaffirms",
    "affirm": "affirmed affirms",
    "contend": "contended contends",
    "reply": "replied replies",
    "respond": "responded responds",
    "continue": "continued",
    "recall": "recalled recalls",
    "ask": "asked asks asking",
    "suggest": "suggested suggests suggesting suggest",
    "acknowledge": "acknowledged acknowledges",
    "admit": "admitted admits",
    "confirm": "confirmed confirms confirming",
    "reveal": "revealed reveals revealing",
    "report": "reported reports reporting",
    "predict": "predicted predicts",
    "promise": "promised promises",
    "vow": "vowed vows",
    "pledge": "pledged pledges",
    "urge": "urged urges urging",
    "concede": "conceded concedes",
    "stress": "stressed stresses stressing",
    "emphasise": "emphasised emphasized emphasises emphasizes",
    "underline": "underlined underlines",
    "conclude": "concluded concludes",
    "deny": "denied denies denying deny",
    "refute": "refuted refutes",
    "reject": "rejected rejects rejecting",
    "dismiss": "dismissed dismisses",
    "dispute": "disputed disputes",
    "counter": "countered counters",
    "criticise": "criticised criticized criticises criticizes criticising criticizing",
    "condemn": "condemned condemns condemning",
    "denounce": "denounced denounces",
    "praise": "praised praises praising",
    "hail": "hailed hails",
    "welcome": "welcomed welcomes welcoming",
    "accuse": "accused accuses accusing",
    "blame": "blamed blames blaming",
    "describe": "described describes describing",
    "characterise": "characterized characterised characterizes characterises",
    "call": "called calls calling",
    "term": "termed terms",
    "label": "labelled labeled",
    "cite": "cited cites citing",
    "testify": "testified testifies",
    "allege": "alleged alleges alleging",
    "agree": "agreed agrees",
    "question": "questioned questioning",
    "threaten": "threatened threatens",
    "advise": "advised advises",
    "recommend": "recommended recommends",
    "propose": "proposed proposes",
    "demand": "demanded demands demanding",
    "request": "requested requests",
    "appeal": "appealed appeals",
    "estimate": "estimated estimates estimate",
    "inform": "informed informs",
    "indicate": "indicated indicates indicate",
    "find": "found finds finding find",
    "rule": "ruled rules",
    "show": "showed shows show",
    "envision": "envisioned envisions envisaged",
    "express": "expressed expresses",
    "voice": "voiced voices",
    "apologise": "apologized apologised",
    "attack": "attacked attacks",
    "support": "supported supports",
    "back": "backed",
    "oppose": "opposed opposes",
    "second": "seconded",
    "refer": "referred",
    "speak": "spoke speaks",
    "maintain": "maintained maintains",
    "believe": "believes believed believe",
    "consider": "considers considered",
    "read": "reads read",
    "answer": "answered answers",
    "specify": "specified specifies",
    "mention": "mentioned mentions",
    "observe": "observed observes observing",
    "decide": "decided decides",
}.items():
    for _form in _forms.split():
        _LEMMAS[_form] = _lemma

# Cues that are only speech when their object is a clause or a quote, never a bare noun phrase
# (`called the police`, `found the body`, `shows a map`): they need `that`, a quote or an `as`.
WEAK = frozenset(
    [
        "call",
        "write",
        "read",
        "decide",
        "observe",
        "find",
        "show",
        "rule",
        "support",
        "back",
        "oppose",
        "consider",
        "believe",
        "maintain",
        "speak",
        "refer",
        "express",
        "voice",
        "question",
        "agree",
        "inform",
        "indicate",
        "estimate",
        "attack",
        "cite",
        "advise",
        "recommend",
        "propose",
        "request",
        "appeal",
        "demand",
        "threaten",
        "envision",
        "continue",
        "respond",
        "ask",
    ]
)
# Verbs whose object may be a noun phrase (`refuted Trump's claim`), not only a clause.
_NP_OBJECT = _set(
    "deny refute reject dismiss dispute criticise condemn denounce praise hail welcome accuse blame "
    "describe characterise term label urge underline reaffirm reassert reveal announce confirm attack "
    "question express voice support back oppose threaten cite propose recommend advise demand "
    "second envision claim mention"
)
# Reported speech needs a subject-verb clause after these: `told reporters` alone reports nothing.
_NEEDS_THAT: frozenset[str] = frozenset()

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
    "denounce": "criticism",
    "accuse": "criticism",
    "blame": "criticism",
    "attack": "criticism",
    "oppose": "criticism",
    "praise": "support",
    "hail": "support",
    "welcome": "support",
    "support": "support",
    "back": "support",
    "urge": "call",
    "demand": "call",
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
_PARTICIPLE_CUE = (
    "(?:" + "|".join(sorted((f for f in _LEMMAS if f.endswith("ing")), key=len, reverse=True)) + ")"
)
# An `-ly` adverb (`subsequently`, `consistently`), not a noun or name that ends in -ly.
_LY = r"(?-i:(?!(?:family|ally|assembly|rally|supply|monopoly|anomaly|homily)\b)[a-z]{3,}ly\b)"
_AUX_ADV = (
    rf"(?:{_LY}|had|has|have|did|does|do|also|then|later|further|again|once|previously|earlier|initially|"
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
    because however meanwhile earlier later also then where whereas"""
)
_DAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"last\s+(?:week|month|year|night)|this\s+(?:week|month|year)|earlier|later)"
)
_TRAILING_ADV = re.compile(
    rf"(?:[\s,]+(?:on\s+)?{_DAY}|[\s,]+{_AUX_ADV}|[\s,]+(?:not|never)|[\s,]+{_LY})+\s*$",
    re.IGNORECASE,
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
