"""Writing Moodle XML: a checked bank as the file Moodle's question bank imports.

Each question's evidence goes into its general feedback; hints, outcome feedback and the retry
penalty travel in Moodle's own elements (quizgame.interop.moodle_extras).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from quizgame.interop.cloze import embedded_text
from quizgame.interop.feedback import feedback_text
from quizgame.interop.html import text_to_html
from quizgame.interop.moodle_extras import extras_xml
from quizgame.interop.notes import Exported, InteropError
from quizgame.interop.ordering import GRADING
from quizgame.interop.parts import points_value, portable_questions
from quizgame.interop.weighted import moodle_weight


def _cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


# Characters XML 1.0 cannot hold at all, not even as `&#…;` references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _refuse_unwritable(text: str, what: str, line: int) -> None:
    """Refuse what would make the file not well-formed: a bank may hold an ESC or a BEL (check
    allows them), but no XML file can, and a changed character would not read back the same."""
    bad = _NOT_XML.search(text)
    if bad is not None:
        raise InteropError(
            f"{what} holds the control character U+{ord(bad.group()):04X}, which Moodle XML "
            "cannot carry — remove it from the bank, or export to GIFT",
            line,
        )


def _comment(text: str) -> str:
    """Text safe inside `<!-- … -->`: no `--`, and control characters as visible pictures."""
    from quizgame.text.safe import one_line

    return _esc(one_line(text)).replace("--", "-")


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _field(tag: str, text: str, indent: str, attrs: str = ' format="html"') -> list[str]:
    return [
        f"{indent}<{tag}{attrs}>",
        f"{indent}  <text>{_cdata(text)}</text>",
        f"{indent}</{tag}>",
    ]


def _answer(fraction: str, text: str, feedback: str | None, indent: str) -> list[str]:
    out = [f'{indent}<answer fraction="{fraction}" format="html">']
    out.append(f"{indent}  <text>{_cdata(text_to_html(text))}</text>")
    fb = text_to_html(feedback) if feedback else ""
    out += _field("feedback", fb, indent + "  ")
    out.append(f"{indent}</answer>")
    return out


def export_moodle_xml(loaded: Any, lines: Sequence[int]) -> Exported:
    """A checked bank as Moodle XML; each question's evidence goes into its general feedback."""
    from quizgame.game.kinds import Form, kind_of

    bank = loaded.bank
    shuffle = "true" if bank.settings.shuffle_choices else "false"
    items, notes = portable_questions(loaded, lines, "Moodle XML")
    # the game's retry credit is what Moodle's penalty leaves: 1 − penalty on the first retry
    penalty = f"{1 - bank.settings.retry_credit:.7f}"
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f"<!-- Exported by quizgame from {_comment(loaded.path.name)}. -->",
        "<quiz>",
        '  <question type="category">',
        "    <category>",
        f"      <text>$course$/top/{_esc(bank.title.replace('/', '-'))}</text>",
        "    </category>",
        "  </question>",
    ]
    i = "    "
    _refuse_unwritable(bank.title, "the title", 0)
    for item in items:
        first = len(out)
        q = item.question
        qkind = kind_of(q)
        answers = qkind.moodle_answers(q)
        kind = qkind.moodle_type
        out.append(f'  <question type="{kind}">')
        out += [f"{i}<name>", f"{i}  <text>{_esc(q.id)}</text>", f"{i}</name>"]
        qtext = text_to_html(q.prompt)
        if kind == "cloze":
            qtext += text_to_html(embedded_text(q))
        out += _field("questiontext", qtext, i)
        general = text_to_html(feedback_text(q.explanation, item.evidence))
        out += _field("generalfeedback", general, i)
        out.append(f"{i}<defaultgrade>{points_value(q.points)}</defaultgrade>")
        out.append(f"{i}<penalty>{penalty}</penalty>")
        out.append(f"{i}<hidden>0</hidden>")
        if kind == "multichoice":
            single = qkind.form is Form.ONE
            out.append(f"{i}<single>{'true' if single else 'false'}</single>")
            out.append(f"{i}<shuffleanswers>{shuffle}</shuffleanswers>")
            out.append(f"{i}<answernumbering>abc</answernumbering>")
            for ans in answers:
                if single:
                    frac = "100" if ans.fraction == 100 else "0"
                else:
                    frac = moodle_weight(ans.fraction)
                out += _answer(frac, ans.text, ans.feedback, i)
        elif kind == "truefalse":
            for ans in answers:
                frac = "100" if ans.fraction == 100 else "0"
                out.append(f'{i}<answer fraction="{frac}" format="moodle_auto_format">')
                out.append(f"{i}  <text>{ans.text}</text>")
                out += _field(
                    "feedback", text_to_html(ans.feedback) if ans.feedback else "", i + "  "
                )
                out.append(f"{i}</answer>")
        elif kind == "shortanswer":
            out.append(f"{i}<usecase>{1 if q.case_sensitive else 0}</usecase>")
            for ans in answers:
                out.append(f'{i}<answer fraction="100" format="moodle_auto_format">')
                out.append(f"{i}  <text>{_esc(ans.text)}</text>")
                out += _field("feedback", "", i + "  ")
                out.append(f"{i}</answer>")
        elif kind == "matching":
            out.append(f"{i}<shuffleanswers>true</shuffleanswers>")
            for ans in answers:
                left = ans.left or ""
                out.append(f'{i}<subquestion format="html">')
                out.append(f"{i}  <text>{_cdata(text_to_html(left) if left else '')}</text>")
                out.append(f"{i}  <answer>")
                out.append(f"{i}    <text>{_esc(ans.text)}</text>")
                out.append(f"{i}  </answer>")
                out.append(f"{i}</subquestion>")
        elif kind == "numerical":
            out.append(f'{i}<answer fraction="100" format="moodle_auto_format">')
            out.append(f"{i}  <text>{q.answer:g}</text>")
            out += _field("feedback", "", i + "  ")
            out.append(f"{i}  <tolerance>{q.tolerance:g}</tolerance>")
            out.append(f"{i}</answer>")
            if q.unit:
                out.append(f"{i}<units>")
                out.append(f"{i}  <unit>")
                out.append(f"{i}    <multiplier>1</multiplier>")
                out.append(f"{i}    <unit_name>{_esc(q.unit)}</unit_name>")
                out.append(f"{i}  </unit>")
                out.append(f"{i}</units>")
            # units optional, typed in the same box, no penalty: as quizgame reads them
            out.append(f"{i}<unitgradingtype>0</unitgradingtype>")
            out.append(f"{i}<showunits>{'0' if q.unit else '3'}</showunits>")
            out.append(f"{i}<unitsleft>0</unitsleft>")
        elif kind == "ordering":
            out.append(f"{i}<layouttype>VERTICAL</layouttype>")
            out.append(f"{i}<selecttype>ALL</selecttype>")
            out.append(f"{i}<selectcount>0</selectcount>")
            out.append(f"{i}<gradingtype>{GRADING}</gradingtype>")
            out.append(f"{i}<showgrading>SHOW</showgrading>")
            for n, ans in enumerate(answers, 1):
                out.append(f'{i}<answer fraction="{n}" format="html">')
                out.append(f"{i}  <text>{_cdata(text_to_html(ans.text))}</text>")
                out += _field("feedback", "", i + "  ")
                out.append(f"{i}</answer>")
        out += extras_xml(q, i, _field)
        if q.tags:
            out.append(f"{i}<tags>")
            out += [f"{i}  <tag><text>{_esc(t)}</text></tag>" for t in q.tags]
            out.append(f"{i}</tags>")
        out.append("  </question>")
        _refuse_unwritable("\n".join(out[first:]), f"question '{q.id}'", item.line)
    out.append("</quiz>")
    return Exported("\n".join(out) + "\n", notes, len(items))
