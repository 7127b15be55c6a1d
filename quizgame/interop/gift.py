"""GIFT, Moodle's plain-text quiz format: read it as Moodle does, write what Moodle reads back.

Parsing follows Moodle's own importer (qformat_gift) rather than a grammar of our own, so a file
that imports into Moodle imports here the same way: questions are blocks separated by blank lines,
the answer set is the text between the first `{` and the first `}`, general feedback follows the
last `####`, and `\\~ \\= \\# \\{ \\} \\: \\n \\\\` are escapes. Line breaks inside a block are
wrapping (they become spaces); `\\n` is a real line break.

quizgame keeps two things Moodle does not have in comments Moodle ignores: `// quizgame title:`
(the bank title) and, above a question, `// quizgame points:` and `// quizgame tags:`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from quizgame.interop.feedback import feedback_text, split_feedback
from quizgame.interop.html import html_to_text
from quizgame.interop.notes import Exported, Imported, InteropError, Note, QuestionDict
from quizgame.interop.parts import finish_ids, points_value, portable_questions, rejoin_parts
from quizgame.interop.weighted import (
    Weighted,
    match_question,
    moodle_weight,
    weighted_choice_question,
    weighted_short_question,
)
from quizgame.text.formatting import clip
from quizgame.text.ids import slugify

# Escapes become private-use characters while the structure is parsed, then turn back.
_ESCAPES = {"\\": "\ue000", ":": "\ue001", "#": "\ue002", "=": "\ue003"}
_ESCAPES.update({"{": "\ue004", "}": "\ue005", "~": "\ue006", "n": "\ue007"})
_UNESCAPE = {v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()}
_ESCAPE_RE = re.compile(r"\\([\\:#={}~n])")
_WEIGHT = re.compile(r"^%\s*(-?\d+(?:\.\d+)?)\s*%")
_DIRECTIVE = re.compile(r"^//\s*quizgame\s+([a-z-]+)\s*:\s*(.*)$", re.IGNORECASE)
_FORMATS = ("html", "moodle", "plain", "markdown")


def _protect(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(1)], text)


def _unprotect(text: str) -> str:
    return "".join(_UNESCAPE.get(ch, ch) for ch in text)


def _split_format(text: str, default: str = "moodle") -> tuple[str, str]:
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end].strip().lower() if end > 0 else ""
        if name in _FORMATS:
            return name, text[end + 1 :]
    return default, text


def _clean(text: str, default: str) -> str:
    """Final text: source line breaks are wrapping, escaped `\\n` are real breaks, HTML flattened.

    Any part may start with its own `[html]`/`[plain]`/… format, as in Moodle.
    """
    fmt, text = _split_format(text.strip(), default)
    if fmt == "html":
        return html_to_text(_unprotect(text))[0]
    wrapped = " ".join(text.split())
    lines = _unprotect(wrapped).split("\n")
    return "\n".join(line.strip() for line in lines if line.strip())


class _Reader:
    def __init__(self) -> None:
        self.out = Imported()
        self.categories: list[str] = []
        self.title_directive: str | None = None

    def note(self, line: int, message: str) -> None:
        self.out.notes.append(Note(line, message))

    def block(self, block: list[tuple[int, str]]) -> None:
        directives: dict[str, str] = {}
        body: list[tuple[int, str]] = []
        for n, line in block:
            if line.startswith("//"):
                m = _DIRECTIVE.match(line)
                if m:
                    directives[m.group(1).lower()] = m.group(2).strip()
                continue
            body.append((n, line))
        if "title" in directives and self.title_directive is None:
            self.title_directive = directives["title"]
        if not body:
            return
        first = body[0][0]
        text = _protect("\n".join(s for _, s in body)).strip()
        if text.startswith("$CATEGORY:"):
            self.categories.append(_unprotect(text[len("$CATEGORY:") :]).strip())
            return
        self.question(first, text, directives)

    def question(self, line: int, text: str, directives: dict[str, str]) -> None:
        name: str | None = None
        if text.startswith("::"):
            end = text.find("::", 2)
            if end == -1:
                text = text[2:]
            else:
                name = _clean(text[2:end], "plain") or None
                text = text[end + 2 :].strip()
        start, finish = text.find("{"), text.find("}")
        if start == -1 and finish == -1:
            fmt, prompt = _split_format(text)
            label = name or clip(_clean(prompt, fmt), 40)
            self.note(line, f"skipped description '{label}' — quizgame has no description type")
            return
        label = name or clip(_clean(_split_format(text[: max(start, 0)])[1], "moodle"), 40)
        if start == -1 or finish == -1 or finish < start:
            self.note(
                line,
                f"skipped question '{label}' — its braces do not pair up "
                "(write a literal brace as `\\{` or `\\}`)",
            )
            return
        if "{" in text[finish + 1 :]:
            self.note(
                line,
                f"skipped question '{label}' — it has two answer sets `{{…}}`; "
                "put a blank line between questions",
            )
            return
        answers = text[start + 1 : finish].strip()
        after = text[finish + 1 :].strip()
        qtext = text[:start] if not after else f"{text[:start]}_____{text[finish + 1 :]}"
        fmt, qtext = _split_format(qtext.strip())
        prompt = _clean(qtext, fmt)
        label = name or clip(prompt, 40)
        general = ""
        gf = answers.rfind("####")
        if gf != -1:
            general = answers[gf + 4 :]
            answers = answers[:gf].strip()

        q: QuestionDict | None
        if not answers:
            self.note(line, f"skipped essay question '{label}' — quizgame has no essay type")
            return
        if answers.startswith("#"):
            self.note(
                line,
                f"skipped numerical question '{label}' — quizgame has no numerical type "
                "(a `short` question can accept the number as text)",
            )
            return
        if "~" in answers:
            q = self.multichoice(line, label, answers, fmt)
        elif "=" in answers and "->" in answers:
            q = self.matching(line, label, answers, fmt)
        else:
            check = answers.split("#", 1)[0].strip()
            if check in ("T", "TRUE", "F", "FALSE"):
                q = self.truefalse(answers, fmt)
            else:
                q = self.short(line, label, answers, fmt)
        if q is None:
            return
        if not prompt:
            self.note(line, f"skipped question '{label}' — it has no question text")
            return
        index = len(self.out.questions) + 1
        result: QuestionDict = {"id": slugify(name or prompt, f"q{index}"), "prompt": prompt}
        result.update(q)
        explanation, evidence = split_feedback(_clean(general, fmt))
        if explanation:
            result["explanation"] = explanation
        if evidence:
            result["evidence"] = evidence
        self.directives(line, label, directives, result)
        self.out.questions.append(result)
        self.out.lines.append(line)

    def directives(
        self, line: int, label: str, directives: dict[str, str], result: QuestionDict
    ) -> None:
        if "points" in directives:
            try:
                points = float(directives["points"])
            except ValueError:
                points = 0
            if 0 < points <= 100:
                result["points"] = points_value(points)
            else:
                self.note(line, f"'{label}': `// quizgame points:` must be a number from 0 to 100")
        if "tags" in directives:
            tags = [t.strip() for t in directives["tags"].split(",") if t.strip()]
            if tags:
                result["tags"] = tags

    def _answer_parts(self, answers: str, sep: str) -> list[str]:
        parts = [p.strip() for p in answers.split(sep)]
        if parts and not parts[0]:
            parts = parts[1:]
        return [p for p in parts if p]

    def multichoice(self, line: int, label: str, answers: str, fmt: str) -> QuestionDict | None:
        single = "=" in answers
        parsed: list[tuple[float, str, str | None]] = []
        for part in self._answer_parts(answers.replace("=", "~="), "~"):
            weight = 0.0
            if part.startswith("="):
                weight, part = 100.0, part[1:]
            elif m := _WEIGHT.match(part):
                weight, part = float(m.group(1)), part[m.end() :]
            text, _, feedback = part.partition("#")
            choice = _clean(text, fmt)
            if choice:
                parsed.append((weight, choice, _clean(feedback, fmt) or None))
        return weighted_choice_question(
            parsed, single=single, label=label, note=lambda msg: self.note(line, msg)
        )

    def matching(self, line: int, label: str, answers: str, fmt: str) -> QuestionDict | None:
        def subquestions() -> Iterator[tuple[str, str]]:
            for part in self._answer_parts(answers, "="):
                if "->" not in part:
                    self.note(line, f"'{label}': left out '{clip(part, 40)}' — it has no `->`")
                    continue
                left, _, right = part.partition("->")
                yield _clean(left, fmt), _clean(right, "plain")

        return match_question(subquestions(), label=label, note=lambda msg: self.note(line, msg))

    def truefalse(self, answers: str, fmt: str) -> QuestionDict:
        bits = answers.split("#", 2)
        value = bits[0].strip() in ("T", "TRUE")
        wrong = _clean(bits[1], fmt) if len(bits) > 1 else ""
        right = _clean(bits[2], fmt) if len(bits) > 2 else ""
        q: QuestionDict = {"type": "truefalse", "answer": value}
        fb_true, fb_false = (right, wrong) if value else (wrong, right)
        if fb_true:
            q["feedback_true"] = fb_true
        if fb_false:
            q["feedback_false"] = fb_false
        return q

    def short(self, line: int, label: str, answers: str, fmt: str) -> QuestionDict | None:
        parsed: list[Weighted] = []
        for part in self._answer_parts(answers, "="):
            weight = 100.0
            if m := _WEIGHT.match(part):
                weight, part = float(m.group(1)), part[m.end() :]
            text, _, feedback = part.partition("#")
            answer = _clean(text, "plain")
            if answer:
                parsed.append((weight, answer, feedback.strip() or None))
            elif feedback.strip():
                parsed.append((0.0, "", feedback.strip()))  # only its feedback counts
        return weighted_short_question(parsed, label=label, note=lambda msg: self.note(line, msg))


def _category_title(path: str) -> str | None:
    parts = [p.strip() for p in path.split("/") if p.strip()]
    while parts and (parts[-1].startswith("$") or parts[-1].lower() == "top"):
        parts.pop()
    return parts[-1] if parts else None


def parse_gift(text: str) -> Imported:
    """Read a GIFT file; every question it could not carry over becomes a `Note`."""
    if "\x00" in text:
        raise InteropError("this is not a text file (it contains NUL bytes)")
    reader = _Reader()
    block: list[tuple[int, str]] = []
    for n, raw in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        line = raw.strip()
        if line:
            block.append((n, line))
        elif block:
            reader.block(block)
            block = []
    if block:
        reader.block(block)
    out = reader.out
    out.title = reader.title_directive or next(
        (t for t in (_category_title(c) for c in reader.categories) if t), None
    )
    rejoin_parts(out)
    finish_ids(out)
    return out


# --- export --------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Text as GIFT needs it: special characters escaped, line breaks as `\\n`."""
    out = text.replace("\\", "\\\\")
    for ch in "~=#{}:":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r", "").replace("\n", "\\n")


def export_gift(loaded: Any, lines: Sequence[int]) -> Exported:
    """A checked bank as GIFT; each question's evidence goes into its general feedback."""
    from quizgame.game.kinds import Form, kind_of

    bank = loaded.bank
    items, notes = portable_questions(loaded, lines, "GIFT")
    category = bank.title.replace("/", "-")
    out = [
        f"// quizgame title: {bank.title}",
        f"// Exported by quizgame from {loaded.path.name} (article: {bank.article}).",
        '// Evidence travels in each general feedback as lines `Evidence (p4): "…"`.',
        "",
        f"$CATEGORY: $course$/top/{category}",
        "",
    ]
    for item in items:
        q = item.question
        if q.points != 1:
            out.append(f"// quizgame points: {points_value(q.points)}")
        if q.tags:
            out.append(f"// quizgame tags: {', '.join(t.replace(',', ' ') for t in q.tags)}")
        head = f"::{escape(q.id)}::{escape(q.prompt)} {{"
        general = "\t####" + escape(feedback_text(q.explanation, item.evidence))
        body: list[str] = []
        kind = kind_of(q)
        answers = kind.moodle_answers(q)
        if kind.moodle_type == "multichoice" and kind.form is Form.ONE:
            for ans in answers:
                mark = "=" if ans.fraction == 100 else "~"
                fb = f"#{escape(ans.feedback)}" if ans.feedback else ""
                body.append(f"\t{mark}{escape(ans.text)}{fb}")
        elif kind.moodle_type == "multichoice":
            for ans in answers:
                fb = f"#{escape(ans.feedback)}" if ans.feedback else ""
                body.append(f"\t~%{moodle_weight(ans.fraction)}%{escape(ans.text)}{fb}")
            if sum(1 for ans in answers if ans.fraction > 0) > 10:
                notes.append(
                    Note(item.line, f"'{q.id}': Moodle's weights cannot split 100% evenly here")
                )
        elif kind.moodle_type == "truefalse":
            right = next(ans for ans in answers if ans.fraction == 100)
            wrong = next(ans for ans in answers if ans is not right)
            tf = right.text.upper()
            if wrong.feedback or right.feedback:
                tf += "#" + escape(wrong.feedback or "")
            if right.feedback:
                tf += "#" + escape(right.feedback)
            body.append(f"\t{tf}")
        elif kind.moodle_type == "shortanswer":
            for ans in answers:
                body.append(f"\t={escape(ans.text)}")
            if any("->" in ans.text for ans in answers):
                notes.append(
                    Note(
                        item.line,
                        f"'{q.id}': an accepted answer contains '->', which GIFT readers "
                        "(Moodle's included) take for a matching question — reword that answer",
                    )
                )
        elif kind.moodle_type == "matching":
            for ans in answers:
                body.append(f"\t={escape(ans.left or '')} -> {escape(ans.text)}")
        out += [head, *body, general, "}", ""]
    return Exported("\n".join(out), notes, len(items))
