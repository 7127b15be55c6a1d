"""Explanations a student learns from: who said it, where, and why each tempting option is wrong.

"X said this in passage p4" tells a student who got it wrong nothing they did not already see;
saying what each wrong option's source did say (or that it is only mentioned) shows them how to
find the answer next time.
"""

from __future__ import annotations

from quizgame.authoring.attribution import Attribution
from quizgame.authoring.clauses import cap, clean, mid
from quizgame.authoring.context import Context
from quizgame.authoring.stems import clause

_SNIPPET_WORDS = 8
_INTRANSITIVE = frozenset({"comment", "respond", "reply", "continue", "ask", "speak", "remark"})


def snippet(text: str) -> str:
    words = clean(text).strip(' "“”').split()
    cut = " ".join(words[:_SNIPPET_WORDS]).rstrip(",.;:")
    return f"“{cut}…”" if len(words) > _SNIPPET_WORDS else f"“{cut}”"


def who_where(ctx: Context, a: Attribution, verb: str | None = None) -> str:
    verb = verb or ("said" if a.direct or a.lemma in _INTRANSITIVE else a.cue)
    text = f"In passage {a.passage_id}, {mid(a.speaker)} {verb} this"
    if a.mention and not ctx.mentions(a.speaker, a.mention):
        text += f" (“{a.mention}” refers back to {mid(a.speaker)}"
        if a.antecedent is not None and a.antecedent[0] != a.passage_id:
            text += f", named in {a.antecedent[0]}"
        text += ")"
    elif not a.mention and a.antecedent is not None and a.antecedent[0] != a.passage_id:
        text += f" (the quotation continues from {a.antecedent[0]}, which names {mid(a.speaker)})"
    return text + "."


def why_not(ctx: Context, a: Attribution, wrong: list[str]) -> str:
    """One clause per wrong option, saying what the article does credit to that source."""
    parts: list[str] = []
    for w in wrong:
        b = ctx.said_other(w, a)
        if b is not None:
            if b.form == "according-to":
                parts.append(f"{cap(mid(w))} is cited in {b.passage_id} for something else")
            elif b.direct:
                parts.append(f"{cap(mid(w))} is quoted in {b.passage_id} on something else")
            else:
                sentence, _ = ctx.sentences(b.passage_id, b.start, b.end)
                what = clause(b, sentence["quote"])
                if what:
                    parts.append(f"{cap(mid(w))} {what} ({b.passage_id})")
                else:  # the cue may be a noun ("Trump's claim"): no verb to reuse
                    parts.append(f"{cap(mid(w))} is credited in {b.passage_id} with something else")
        else:
            parts.append(f"{cap(mid(w))} is named in the article but credited with no statement")
    if not parts:
        return ""
    return " Not the others: " + "; ".join(parts) + "."


def explain(ctx: Context, a: Attribution, wrong: list[str], verb: str | None = None) -> str:
    return who_where(ctx, a, verb) + why_not(ctx, a, wrong)
