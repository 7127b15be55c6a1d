"""Moodle XML, the format Moodle's question bank exports: read it safely (writing it: moodle_xml_export).

The file comes from elsewhere, so it is parsed with defusedxml: entity declarations (billion
laughs) and external entities are refused, never expanded or fetched. Each element's line is
recorded while parsing so every note points at the `<question>` it is about.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from quizgame.interop.cloze import cloze_from_text
from quizgame.interop.feedback import split_feedback
from quizgame.interop.html import html_to_text
from quizgame.interop.moodle_extras import moodle_extras, retry_credit_from
from quizgame.interop.notes import Imported, InteropError, Note, QuestionDict
from quizgame.interop.numerical import xml_numeric
from quizgame.interop.ordering import xml_ordering
from quizgame.interop.parts import finish_ids, points_value, rejoin_parts
from quizgame.interop.weighted import (
    match_question,
    weighted_choice_question,
    weighted_short_question,
)
from quizgame.text.formatting import clip
from quizgame.text.ids import slugify

# Moodle's types we cannot play, with a word on what to do instead.
_UNSUPPORTED = {
    "essay": "quizgame has no essay type",
    "description": "quizgame has no description type",
    "calculated": "quizgame has no calculated type",
    "calculatedsimple": "quizgame has no calculated type",
    "calculatedmulti": "quizgame has no calculated type",
    "ddwtos": "quizgame has no drag-and-drop type",
    "ddimageortext": "quizgame has no drag-and-drop type",
    "ddmarker": "quizgame has no drag-and-drop type",
    "gapselect": "quizgame has no select-missing-words type",
    "randomsamatch": "quizgame has no random matching type",
    "random": "quizgame has no random question type",
}
_TYPE_WORDS = {"ddwtos": "drag-and-drop"}


class _Lines(ET.TreeBuilder):
    """Records the line of every start tag (the expat parser knows it while `start` runs)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[ET.Element, int] = {}
        self.expat: Any = None

    def start(self, tag: Any, attrs: dict[Any, Any], /) -> ET.Element:
        elem = super().start(tag, attrs)
        if self.expat is not None:
            self.lines[elem] = int(self.expat.CurrentLineNumber)
        return elem


def _parse(data: bytes) -> tuple[ET.Element, dict[ET.Element, int]]:
    import defusedxml
    from defusedxml.ElementTree import DefusedXMLParser

    builder = _Lines()
    parser = DefusedXMLParser(target=builder)
    builder.expat = getattr(parser, "parser", None)
    try:
        parser.feed(data)
        root = parser.close()
    except defusedxml.EntitiesForbidden:
        raise InteropError(
            "refused: the file declares XML entities, which can hide a 'billion laughs' memory bomb "
            "or read local files; Moodle's own exports never need them"
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise InteropError(f"refused unsafe XML: {type(exc).__name__}") from None
    except SyntaxError as exc:  # xml.etree's ParseError
        pos = getattr(exc, "position", (0, 0))
        raise InteropError(f"this is not well-formed XML: {exc}", int(pos[0])) from None
    return root, builder.lines


_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def _text_of(elem: ET.Element | None, default_format: str = "html") -> tuple[str, int]:
    """A Moodle text field (`<x format="html"><text>…</text></x>`) as plain text, and its images."""
    if elem is None:
        return "", 0
    node = elem.find("text")
    raw = (node.text if node is not None else elem.text) or ""
    images = len(elem.findall("file"))
    fmt = elem.get("format", default_format)
    if fmt == "html" or (fmt == "moodle_auto_format" and _TAG.search(raw)):
        text, imgs = html_to_text(raw)
        return text, images + imgs
    lines = [" ".join(line.split()) for line in raw.splitlines()]
    return "\n".join(line for line in lines if line), images


def _flag(elem: ET.Element, name: str, default: bool) -> bool:
    node = elem.find(name)
    if node is None or node.text is None:
        return default
    return node.text.strip().lower() in ("1", "true", "yes")


def _fraction(elem: ET.Element) -> float:
    try:
        return float(elem.get("fraction", "0"))
    except ValueError:
        return 0.0


class _Reader:
    def __init__(self, lines: dict[ET.Element, int]) -> None:
        self.lines = lines
        self.out = Imported()
        self.shuffles: list[bool] = []
        self.penalties: list[float] = []

    def note(self, line: int, message: str) -> None:
        self.out.notes.append(Note(line, message))

    def question(self, elem: ET.Element) -> None:
        line = self.lines.get(elem, 0)
        qtype = (elem.get("type") or "").strip()
        if qtype == "category":
            node = elem.find("category")
            path = _text_of(node, "plain_text")[0] if node is not None else ""
            parts = [p for p in path.split("/") if p and not p.startswith("$") and p != "top"]
            if parts and self.out.title is None:
                self.out.title = parts[-1]
            return
        name = _text_of(elem.find("name"), "plain_text")[0]
        prompt, images = _text_of(elem.find("questiontext"))
        label = name or clip(prompt, 40)
        if qtype in _UNSUPPORTED:
            word = _TYPE_WORDS.get(qtype, qtype)
            kind = "question" if qtype not in ("description",) else ""
            self.note(
                line,
                f"skipped {word} {kind} '{label}' — {_UNSUPPORTED[qtype]}".replace("  ", " "),
            )
            return
        handlers = {
            "multichoice": self.multichoice,
            "truefalse": self.truefalse,
            "shortanswer": self.short,
            "matching": self.matching,
            "numerical": self.numerical,
            "ordering": self.ordering,
            "cloze": self.cloze,
            "multianswer": self.cloze,
        }
        handler = handlers.get(qtype)
        if handler is None:
            self.note(line, f"skipped question '{label}' — quizgame has no {qtype!r} type")
            return
        q = handler(elem, line, label)
        if q is None:
            return
        if not prompt:
            self.note(line, f"skipped question '{label}' — it has no question text")
            return
        if images:
            self.note(line, f"'{label}': images are not kept — quizgame shows text only")
        index = len(self.out.questions) + 1
        result: QuestionDict = {"id": slugify(name or prompt, f"q{index}"), "prompt": prompt}
        result.update(q)
        explanation, evidence = split_feedback(_text_of(elem.find("generalfeedback"))[0])
        if explanation:
            result["explanation"] = explanation
        if evidence:
            result["evidence"] = evidence
        grade = elem.find("defaultgrade")
        try:
            points = float(grade.text or "1") if grade is not None else 1.0
        except ValueError:
            points = 1.0
        if points != 1 and 0 < points <= 100:
            result["points"] = points_value(points)
        tags = [_text_of(t, "plain_text")[0] for t in elem.findall("tags/tag")]
        if any(tags):
            result["tags"] = [t for t in tags if t]
        moodle_extras(elem, qtype, result, self.penalties, lambda m: self.note(line, m), label)
        self.out.questions.append(result)
        self.out.lines.append(line)

    def _answers(self, elem: ET.Element, html: bool = True) -> list[tuple[float, str, str | None]]:
        out: list[tuple[float, str, str | None]] = []
        for a in elem.findall("answer"):
            text = _text_of(a, "html" if html else "moodle_auto_format")[0]
            feedback = _text_of(a.find("feedback"))[0] or None
            if text:
                out.append((_fraction(a), text, feedback))
        return out

    def multichoice(self, elem: ET.Element, line: int, label: str) -> QuestionDict | None:
        parsed = self._answers(elem)
        if len(parsed) >= 2:
            self.shuffles.append(_flag(elem, "shuffleanswers", True))
        return weighted_choice_question(
            parsed,
            single=_flag(elem, "single", True),
            label=label,
            note=lambda msg: self.note(line, msg),
        )

    def truefalse(self, elem: ET.Element, line: int, label: str) -> QuestionDict | None:
        value: bool | None = None
        feedback: dict[bool, str | None] = {True: None, False: None}
        for w, text, fb in self._answers(elem):
            side = text.strip().lower() in ("true", "1", "t", "yes")
            feedback[side] = fb
            if w >= 100:
                value = side
        if value is None:
            self.note(line, f"skipped true/false question '{label}' — neither answer is right")
            return None
        q: QuestionDict = {"type": "truefalse", "answer": value}
        if feedback[True]:
            q["feedback_true"] = feedback[True]
        if feedback[False]:
            q["feedback_false"] = feedback[False]
        return q

    def short(self, elem: ET.Element, line: int, label: str) -> QuestionDict | None:
        q = weighted_short_question(
            self._answers(elem, html=False), label=label, note=lambda msg: self.note(line, msg)
        )
        if q is not None and _flag(elem, "usecase", False):
            q["case_sensitive"] = True
        return q

    def matching(self, elem: ET.Element, line: int, label: str) -> QuestionDict | None:
        subquestions = (
            (_text_of(sub)[0], _text_of(sub.find("answer"), "plain_text")[0])
            for sub in elem.findall("subquestion")
        )
        q = match_question(subquestions, label=label, note=lambda msg: self.note(line, msg))
        if q is not None:
            self.shuffles.append(_flag(elem, "shuffleanswers", True))
        return q

    def numerical(self, elem: ET.Element, line: int, label: str) -> QuestionDict | None:
        answers: list[tuple[float, str, float | None]] = []
        for a in elem.findall("answer"):
            tol = a.find("tolerance")
            try:
                tolerance = float(tol.text or 0) if tol is not None else None
            except ValueError:
                tolerance = None
            answers.append((_fraction(a), _text_of(a, "plain_text")[0], tolerance))
        units = [
            (u.findtext("unit_name") or "").strip()
            for u in elem.findall("units/unit")
            if (u.findtext("multiplier") or "1").strip() in ("1", "1.0", "1.0000000")
        ]
        return xml_numeric(answers, [u for u in units if u], label, lambda m: self.note(line, m))

    def ordering(self, elem: ET.Element, line: int, label: str) -> QuestionDict | None:
        items = [(_fraction(a), _text_of(a)[0]) for a in elem.findall("answer")]
        grading = elem.findtext("gradingtype")
        return xml_ordering(items, grading, label, lambda m: self.note(line, m))

    def cloze(self, elem: ET.Element, line: int, label: str) -> QuestionDict | None:
        text = _text_of(elem.find("questiontext"))[0]
        return cloze_from_text(text, label, lambda m: self.note(line, m))


def parse_moodle_xml(data: bytes) -> Imported:
    """Read a Moodle XML export; every question it could not carry over becomes a `Note`."""
    root, lines = _parse(data)
    if root.tag != "quiz":
        raise InteropError(
            f"this is XML but not a Moodle quiz export (its root is <{root.tag}>, not <quiz>)",
            lines.get(root, 1),
        )
    reader = _Reader(lines)
    for elem in root.findall("question"):
        reader.question(elem)
    out = reader.out
    if reader.shuffles:
        out.shuffle_choices = all(reader.shuffles)
    out.retry_credit = retry_credit_from(reader.penalties, lambda m: reader.note(0, m))
    rejoin_parts(out)
    finish_ids(out)
    return out
