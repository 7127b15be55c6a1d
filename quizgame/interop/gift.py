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
from collections.abc import Sequence
from typing import Any

from quizgame.interop import (
    Exported,
    Imported,
    InteropError,
    Note,
    QuestionDict,
    Weighted,
    feedback_text,
    finish_ids,
    html_to_text,
    points_value,
    portable_questions,
    rejoin_parts,
    shorten,
    slugify,
    split_feedback,
    weighted_choice_question,
    weighted_short_question,
)

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
            label = name or shorten(_clean(prompt, fmt))
            self.note(line, f"skipped description '{label}' — quizgame has no description type")
            return
        label = name or shorten(_clean(_split_format(text[: max(start, 0)])[1], "moodle"))
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
        label = name or shorten(prompt)
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
        pairs: list[dict[str, str]] = []
        distractors: list[str] = []
        for part in self._answer_parts(answers, "="):
            if "->" not in part:
                self.note(line, f"'{label}': left out '{shorten(part)}' — it has no `->`")
                continue
            left, _, right = part.partition("->")
            left_text, right_text = _clean(left, fmt), _clean(right, "plain")
            if not right_text:
                continue
            if left_text:
                pairs.append({"left": left_text, "right": right_text})
            else:
                distractors.append(right_text)
        if len(pairs) < 2:
            self.note(line, f"skipped matching question '{label}' — it needs two pairs")
            return None
        q: QuestionDict = {"type": "match", "pairs": pairs}
        if distractors:
            q["distractors"] = distractors
        return q

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


_MOODLE_GRADES = tuple(
    float(g)
    for g in [
        "100",
        "90",
        "83.33333",
        "80",
        "75",
        "70",
        "66.66667",
        "60",
        "50",
        "40",
        "33.33333",
        "30",
        "25",
        "20",
        "16.66667",
        "14.28571",
        "12.5",
        "11.11111",
        "10",
        "5",
    ]
)


def moodle_weight(fraction: float) -> str:
    """A percentage Moodle accepts (it only takes its own list), written as Moodle writes it."""
    grades = _MOODLE_GRADES
    sign = -1 if fraction < 0 else 1
    best = min(grades, key=lambda g: abs(g - abs(fraction)))
    return f"{sign * best:.5f}".rstrip("0").rstrip(".")


def export_gift(loaded: Any, lines: Sequence[int]) -> Exported:
    """A checked bank as GIFT; each question's evidence goes into its general feedback."""
    from quizgame.bank.models import (
        ChoiceQuestion,
        MatchQuestion,
        MultiQuestion,
        ShortQuestion,
        TrueFalseQuestion,
    )

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
        if isinstance(q, ChoiceQuestion):
            for c in q.choices:
                mark = "=" if c.text == q.answer else "~"
                fb = f"#{escape(c.feedback)}" if c.feedback else ""
                body.append(f"\t{mark}{escape(c.text)}{fb}")
        elif isinstance(q, MultiQuestion):
            right = set(q.answers)
            wrong = [c for c in q.choices if c.text not in right]
            for c in q.choices:
                share = 100 / len(right) if c.text in right else -100 / max(1, len(wrong))
                fb = f"#{escape(c.feedback)}" if c.feedback else ""
                body.append(f"\t~%{moodle_weight(share)}%{escape(c.text)}{fb}")
            if len(right) > 10:
                notes.append(
                    Note(item.line, f"'{q.id}': Moodle's weights cannot split 100% evenly here")
                )
        elif isinstance(q, TrueFalseQuestion):
            right_fb = q.feedback_true if q.answer else q.feedback_false
            wrong_fb = q.feedback_false if q.answer else q.feedback_true
            tf = "TRUE" if q.answer else "FALSE"
            if wrong_fb or right_fb:
                tf += "#" + escape(wrong_fb or "")
            if right_fb:
                tf += "#" + escape(right_fb)
            body.append(f"\t{tf}")
        elif isinstance(q, ShortQuestion):
            for a in (q.answer, *q.accept):
                body.append(f"\t={escape(a)}")
            if any("->" in a for a in (q.answer, *q.accept)):
                raise InteropError(  # GIFT has no escape for it: the file would mean another bank
                    f"question '{q.id}': an accepted answer contains '->', which GIFT readers "
                    "(Moodle's and quizgame's) take for a matching question — reword that "
                    "answer, or export to Moodle XML",
                    item.line,
                )
        elif isinstance(q, MatchQuestion):
            if any("->" in p.left for p in q.pairs):
                raise InteropError(  # `a -> b -> c` reads back as the pair a → "b -> c"
                    f"question '{q.id}': a left side contains '->', which GIFT cannot escape "
                    "(it would read back as a different pair) — reword it, or export to "
                    "Moodle XML",
                    item.line,
                )
            for p in q.pairs:
                body.append(f"\t={escape(p.left)} -> {escape(p.right)}")
            for d in q.distractors:
                body.append(f"\t= -> {escape(d)}")
        out += [head, *body, general, "}", ""]
    return Exported("\n".join(out), notes, len(items))
