"""The rules a fair reading question keeps, as code: used to filter drafts and to lint banks.

`generate` drops any candidate that breaks one; `quizgame check` reports the same problems in a
teacher's bank as warnings, with the article's words as evidence. Each rule returns `Problem`s
saying what is wrong, the option or text at fault and, where the article shows it, the proof.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from quizgame.authoring.attribution import Attribution
from quizgame.authoring.clauses import MAX_STEM_WORDS, unclosed, words
from quizgame.authoring.context import Context
from quizgame.authoring.naming import is_vague, vague_name


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    hint: str
    field: str = "prompt"  # which part of the question: prompt, choices, answer, explanation
    index: int | None = None  # which choice, when the problem is one option


def _quote_ev(ctx: Context, a: Attribution) -> str:
    ev, _ = ctx.sentences(a.passage_id, a.start, a.end)
    return f"{a.passage_id}: “{ev['quote']}”"


def alias_options(ctx: Context, key: str, options: list[str]) -> list[Problem]:
    out = []
    for n, o in enumerate(options):
        if o != key and ctx.same(o, key):
            out.append(
                Problem(
                    "option-alias",
                    f"option {o!r} names the same source as the answer {key!r}",
                    "the article uses both names for one source, so both options are right; "
                    "replace it with another source from the article",
                    "choices",
                    n,
                )
            )
    return out


def second_right(
    ctx: Context, key: str, options: list[str], statements: list[Attribution]
) -> list[Problem]:
    """An option the article credits with the same statement or stance as the answer."""
    out = []
    for st in statements:
        credited = ctx.credited_same(st)
        for n, o in enumerate(options):
            if o == key or ctx.same(o, key):
                continue
            hit = ctx.first_said_by_any(o, credited)
            if hit is not None:
                out.append(
                    Problem(
                        "second-answer",
                        f"option {o!r} is also credited with this in the article",
                        f"a second right answer — {_quote_ev(ctx, hit)}; replace the option "
                        "or ask about something only the answer said",
                        "choices",
                        n,
                    )
                )
    return out


def typed_answer_unique(ctx: Context, statement: Attribution) -> list[Problem]:
    """A typed answer has no options to exclude others: nobody else may be credited with it."""
    others = ctx.credited_same(statement)
    if not others:
        return []
    return [
        Problem(
            "second-answer",
            f"{others[0]!r} is also credited with this, so a typed answer has two right names",
            "make it a choice question without that option",
        )
    ]


_PRONOUN_CONJUNCT = re.compile(
    r"\b(?:he|she|they|we)\s+and\b|\band\s+(?:he|she|they|we)\b", re.IGNORECASE
)


def unnamed_co_source(ctx: Context, statement: Attribution) -> list[Problem]:
    """`Both he and Commissioner X urged …`: a pronoun in a compound subject is a second source
    the draft cannot name, so asking who said it has two right answers."""
    passage = ctx.article.passage(statement.passage_id)
    if passage is None:
        return []
    sent = ctx.sentences_in(passage, statement.start, statement.end)
    if not sent:
        return []
    text = ctx.article.text
    around = text[sent[0].start : statement.start] + " " + text[statement.end : sent[-1].end]
    if not _PRONOUN_CONJUNCT.search(around):
        return []
    return [
        Problem(
            "second-answer",
            "the sentence credits this to a compound subject with a pronoun "
            f"({_quote_ev(ctx, statement)}), so another person said it too",
            "ask about another statement, or name both sources",
        )
    ]


def stem_names_answer(ctx: Context | None, prompt: str, key: str) -> list[Problem]:
    named = (
        ctx.mentions(key, prompt)
        if ctx is not None
        else bool(re.search(rf"(?<!\w){re.escape(key)}(?!\w)", prompt, re.IGNORECASE))
    )
    if not named or len(key) < 2:
        return []
    return [
        Problem(
            "stem-gives-answer",
            f"the question names its own answer {key!r}",
            "reword the question so the answer is not in it",
        )
    ]


def unclosed_quote(text: str, where: str, index: int | None = None) -> list[Problem]:
    if not unclosed(text):
        return []
    return [
        Problem(
            "unclosed-quote",
            "a quotation mark is opened but never closed",
            "close the quotation (“…”), ending the quoted words where the sentence ends",
            where,
            index,
        )
    ]


def stem_quality(prompt: str) -> list[Problem]:
    """Generation-only: short stems that quote whole sentences."""
    out = []
    if words(prompt) > MAX_STEM_WORDS + 6:  # + "True or false:" / "Part A:" frames
        out.append(Problem("long-stem", "the question is too long", "shorten it"))
    for m in re.finditer(r"“([^”]*)”", prompt):
        inner = m.group(1).strip()
        if words(inner) < 5:
            continue  # a phrase quoted inside reported speech (`a “long way” to go`) is fine
        if inner[-1] not in ".!?" or not (inner[0].isupper() or inner[0].isdigit()):
            out.append(
                Problem("cut-quote", "the quotation is not a whole sentence", "quote it whole")
            )
    return out


# `I am a professor in …`, `I'm a nurse`, `My research has focused on …`: who the speaker is,
# told in their own words — true, but no finding, position or event the article is about.
_SELF_INTRODUCTION = re.compile(
    r"^(?:I\s+am|I['’]m|I\s+was|I\s+have\s+been|I['’]ve\s+been)\s+(?:a|an)\s"
    r"|^My\s+(?:name|research|work|job|career|background|field|training|expertise|specialty|"
    r"speciality|role|title|areas?)\b"
    r"|^I\s+(?:work|worked|teach|taught|lecture|specialise|specialize)\s+(?:as|at|in|on)\b"
)


def self_introduction(quote: str) -> bool:
    """Whether a quoted sentence is the speaker introducing themselves (asked about by no maker)."""
    return _SELF_INTRODUCTION.match(quote.strip(' "“”')) is not None


# A quotation opening on a third-person pronoun points back to something said before it; `It` is
# kept when it only fills the subject slot (`It is time to …`, `It would be an outrage if …`).
_ANAPHORIC_START = re.compile(r"^(?:He|She|They|It|His|Her|Hers|Their|Its|Him|Them)\b")
_DUMMY_IT = re.compile(
    r"^It(?:['’]s|\s+(?:is|was|will\s+be|would\s+be))\s+(?:[\w’'-]+\s+){0,4}?(?:to|that|if|when|whether)\b"
)


def leans_on_antecedent(quote: str) -> bool:
    """`It has been recognized by UNESCO …`: what `It` is lies outside the quotation, so a
    statement made of it alone says nothing a reader can judge."""
    text = quote.strip(' "“”')
    return _ANAPHORIC_START.match(text) is not None and _DUMMY_IT.match(text) is None


def options_fair(ctx: Context, key_attr: Attribution, options: list[str]) -> list[Problem]:
    """Generation-only: distractors are named sources of the answer's kind, never vague ones."""
    out = []
    for n, o in enumerate(options):
        if o == key_attr.speaker:
            continue
        entity = ctx.found.entity(o)
        kind = entity.kind if entity is not None else None
        if kind is not key_attr.kind:
            out.append(Problem("kind", f"{o!r} is not of the answer's kind", "", "choices", n))
        if vague_name(o) or not ctx.named(o, key_attr.kind):
            out.append(Problem("badly-named", f"{o!r} is not a proper name", "", "choices", n))
    if is_vague(key_attr):
        out.append(Problem("vague", "the answer is a vague source", ""))
    return out


def key_pattern(keys: list[tuple[int, int, bool]]) -> list[Problem]:
    """Across a bank's choice questions: (answer position, option count, answer is longest)."""
    if len(keys) < 3:
        return []
    out = []
    positions = Counter(p for p, _, _ in keys)
    pos, n = positions.most_common(1)[0]
    if n == len(keys):
        out.append(
            Problem(
                "key-position",
                f"the answer is option {pos + 1} in all {n} choice questions",
                "students learn the pattern; move some answers, or set "
                "`settings: shuffle_choices: true`",
                "answer",
            )
        )
    longest = sum(1 for _, _, is_long in keys if is_long)
    if longest == len(keys):
        out.append(
            Problem(
                "key-longest",
                f"the answer is the longest option in all {longest} choice questions",
                "students learn to pick the longest option; lengthen some distractors",
                "answer",
            )
        )
    return out


def longest(options: list[str], key: str) -> bool:
    return len(key) > max((len(o) for o in options if o != key), default=0)
