"""Load a bank file: YAML nodes → pydantic models → semantic checks, with every problem positioned.

`load_bank` never raises for a bad bank: it returns all diagnostics found in one pass, sorted by
position, plus the loaded bank when there were no errors. Questions are validated one by one, so a
broken question does not hide the problems of the others.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quizgame.bank.diagnostics import Diagnostic, error, sort_diagnostics
from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import Bank, Question
from quizgame.bank.validation_errors import pydantic_diagnostic
from quizgame.bank.yamlnodes import (
    MAX_BANK_BYTES,
    Node,
    YamlRefused,
    decode,
    to_python,
    too_large,
)
from quizgame.bank.yamlparse import STOP_CODES, parse
from quizgame.text.reading import ReadRefused, read_limited

QuestionModel = Any  # one of the models in quizgame.bank.QUESTION_TYPES


@dataclass
class LoadResult:
    path: Path
    display: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    loaded: LoadedBank | None = None
    title: str | None = None
    question_count: int = 0
    root: Node | None = None  # the YAML nodes, for later checks that report positions

    @property
    def ok(self) -> bool:
        return self.loaded is not None and not any(d.is_error for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


@cache
def _question_adapter() -> TypeAdapter[Any]:
    """Built only when a bank has errors: valid banks are validated in one `Bank` pass."""
    return TypeAdapter(Question)


def load_bank(path: str | Path, *, display: str | None = None) -> LoadResult:
    """Read, validate and resolve one bank file."""
    p = Path(path)
    shown = display if display is not None else str(path)
    result = LoadResult(p, shown)
    try:  # regular files only (never a pipe or a device), at most one byte past the limit
        raw = read_limited(p, MAX_BANK_BYTES, what="bank")
    except ReadRefused as exc:
        if exc.kind == "too-large":
            result.diagnostics.append(too_large(shown))
            return result
        code = {
            "missing": "missing-file",
            "directory": "missing-file",
            "not-regular": "not-a-file",
        }.get(exc.kind, "unreadable")
        hint = "check the path" if exc.kind == "missing" else None
        message = {
            "missing": "file not found",
            "directory": "this is a directory, not a bank file",
        }.get(exc.kind, str(exc))
        result.diagnostics.append(error(shown, 1, 1, message, hint, code=code))
        return result
    return load_bank_text(raw, p, shown, result)


def load_bank_text(
    raw: bytes, path: Path, shown: str, result: LoadResult | None = None
) -> LoadResult:
    from quizgame.bank.checks import check_bank  # checks imports this module's types

    result = result or LoadResult(path, shown)
    text, diags = decode(raw, shown)
    result.diagnostics.extend(diags)
    if text is None:
        return result
    parsed = parse(text, shown)
    result.diagnostics.extend(parsed.diagnostics)
    root = result.root = parsed.root
    if any(d.code in STOP_CODES for d in parsed.diagnostics):
        result.diagnostics = sort_diagnostics(result.diagnostics)
        return result  # a tag or merge key changed the data: what follows would be follow-on
    if root is None:
        if not result.diagnostics:
            result.diagnostics.append(
                error(
                    shown,
                    1,
                    1,
                    "the file is empty",
                    "a bank needs at least `title`, `article` and `questions`",
                    code="empty",
                )
            )
        result.diagnostics = sort_diagnostics(result.diagnostics)
        return result
    try:
        data = to_python(root)
    except YamlRefused as exc:
        line, col, message, hint = exc.args
        result.diagnostics.append(error(shown, line, col, message, hint, code="refused"))
        result.diagnostics = sort_diagnostics(result.diagnostics)
        return result
    if not isinstance(data, dict):
        result.diagnostics.append(
            error(
                shown,
                root.line,
                root.col,
                "a bank must be a mapping of keys to values",
                "start with `title: …`, `article: …` and `questions:`",
                code="type",
            )
        )
        result.diagnostics = sort_diagnostics(result.diagnostics)
        return result

    bank = _validate_fast(data)
    if bank is not None:
        questions = list(enumerate(bank.questions))
        q_list = root.get("questions")
        q_nodes = list(q_list.items) if q_list is not None else []
    else:  # validate question by question so one broken question hides no other problem
        questions, q_nodes = _validate_questions(data, root, shown, result)
        bank = _validate_bank(data, root, questions, shown, result)
    if isinstance(data.get("title"), str):
        result.title = data["title"]
    result.question_count = len(q_nodes)
    article, evidence, part_b = check_bank(
        data, root, questions, q_nodes, path, shown, result.diagnostics
    )
    result.diagnostics = sort_diagnostics(result.diagnostics)
    if bank is not None and article is not None and not result.errors:
        result.loaded = LoadedBank(
            path=path,
            bank=bank,
            article=article,
            evidence=evidence,
            part_b=part_b,
            content_hash=hashlib.sha256(raw).hexdigest()[:16],
        )
    return result


def _validate_fast(data: dict[str, Any]) -> Bank | None:
    try:
        return Bank.model_validate(data)
    except ValidationError:
        return None


def _validate_questions(
    data: dict[str, Any], root: Node, shown: str, result: LoadResult
) -> tuple[list[tuple[int, QuestionModel]], list[Node]]:
    raw_questions = data.get("questions")
    q_list_node = root.get("questions")
    if not isinstance(raw_questions, list) or q_list_node is None or q_list_node.kind != "seq":
        return [], []
    good: list[tuple[int, QuestionModel]] = []
    for i, (item, _node) in enumerate(zip(raw_questions, q_list_node.items, strict=True)):
        try:
            good.append((i, _question_adapter().validate_python(item)))
        except ValidationError as exc:
            for err in exc.errors():
                result.diagnostics.append(pydantic_diagnostic(err, ("questions", i), root, shown))
    return good, list(q_list_node.items)


def _validate_bank(
    data: dict[str, Any],
    root: Node,
    questions: list[tuple[int, QuestionModel]],
    shown: str,
    result: LoadResult,
) -> Bank | None:
    all_ok = isinstance(data.get("questions"), list) and len(questions) == len(data["questions"])
    candidate = dict(data)
    if all_ok:
        candidate["questions"] = [q for _, q in questions]
    try:
        return Bank.model_validate(candidate)
    except ValidationError as exc:
        for err in exc.errors():
            loc = tuple(err["loc"])
            if (
                loc
                and loc[0] == "questions"
                and len(loc) > 1
                and isinstance(data.get("questions"), list)
            ):
                continue  # already reported per question
            result.diagnostics.append(pydantic_diagnostic(err, (), root, shown))
        return None
