"""GIFT, Moodle's plain-text quiz format: read it as Moodle does (writing it: quizgame.interop.gift_export).

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
from collections.abc import Iterator

from quizgame.interop.feedback import split_feedback
from quizgame.interop.html import html_to_text
from quizgame.interop.notes import Imported, InteropError, Note, QuestionDict
from quizgame.interop.numerical import gift_numeric
from quizgame.interop.parts import finish_ids, points_value, rejoin_parts
from quizgame.interop.weighted import (
    Weighted,
    match_question,
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
_MOODLE_META = re.compile(r"\[(id|tag):([^\]]*)\]", re.IGNORECASE)
# `// quizgame KEY: value` comments that carry what GIFT cannot hold, and the bank field each fills
TEXT_DIRECTIVES = {
    "hint": "hint",
    "feedback-correct": "feedback_correct",
    "feedback-partial": "feedback_partial",
    "feedback-wrong": "feedback_wrong",
}


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
                for key, value in _MOODLE_META.findall(line):  # Moodle 4's `// [id:…] [tag:…]`
                    key = key.lower()
                    if key == "tag":
                        directives["moodle-tags"] = directives.get("moodle-tags", "") + "," + value
                    else:
                        directives["moodle-id"] = value.strip()
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
            q = gift_numeric(answers, label, lambda msg: self.note(line, msg))
        elif "~" in answers:
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
        if "unit" in directives and result.get("type") == "numeric" and directives["unit"]:
            result["unit"] = directives["unit"]
        listed = directives.get("tags", "") + "," + directives.get("moodle-tags", "")
        tags = list(dict.fromkeys(t.strip() for t in listed.split(",") if t.strip()))
        if tags:
            result["tags"] = tags
        if directives.get("moodle-id"):
            result["id"] = directives["moodle-id"]
        for directive, key in TEXT_DIRECTIVES.items():
            if directives.get(directive):
                result[key] = from_one_line(directives[directive])
        sensitive = directives.get("case-sensitive", "").lower() in ("yes", "true", "1")
        if sensitive and result.get("type") == "short":
            result["case_sensitive"] = True

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


def from_one_line(text: str) -> str:
    """A `// quizgame …:` comment value back to its text (gift_export._one_line writes it)."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)
