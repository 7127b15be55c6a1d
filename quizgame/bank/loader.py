"""Load a bank file: YAML nodes → pydantic models → semantic checks, with every problem positioned.

`load_bank` never raises for a bad bank: it returns all diagnostics found in one pass, sorted by
position, plus the loaded bank when there were no errors. Questions are validated one by one, so a
broken question does not hide the problems of the others.
"""

from __future__ import annotations

import difflib
import hashlib
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from quizgame.bank.diagnostics import Diagnostic, error, sort_diagnostics
from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import QUESTION_TYPES, Bank, Question
from quizgame.bank.yamlnodes import (
    MAX_BANK_BYTES,
    STOP_CODES,
    Node,
    YamlRefused,
    decode,
    parse,
    to_python,
    too_large,
)
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
    root = parsed.root
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
                result.diagnostics.append(_pydantic_diagnostic(err, ("questions", i), root, shown))
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
            result.diagnostics.append(_pydantic_diagnostic(err, (), root, shown))
        return None


# --- turning pydantic errors into teacher-friendly, positioned diagnostics ----------------------------


def _walk(root: Node, loc: tuple[Any, ...]) -> tuple[Node, Node | None, tuple[Any, ...]]:
    """The deepest node along `loc`, the key node naming it (if any), and the loc consumed."""
    node, key_node = root, None
    consumed: list[Any] = []
    for part in loc:
        if node.kind == "map" and isinstance(part, str):
            child = node.get(part)
            if child is None:
                if part in QUESTION_TYPES and _type_of(node) == part:
                    consumed.append(part)
                    continue
                break
            key_node, node = node.key_node(part), child
        elif node.kind == "seq" and isinstance(part, int) and 0 <= part < len(node.items):
            key_node, node = None, node.items[part]
        else:
            break
        consumed.append(part)
    return node, key_node, tuple(consumed)


def _type_of(node: Node) -> Any:
    t = node.get("type")
    return t.value if t is not None else None


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes (or the Question union marker) an annotation can hold."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out.extend(_unwrap(arg))
        return out
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


@cache
def _fields_of(model: type[BaseModel]) -> tuple[str, ...]:
    return tuple(model.model_fields)


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model whose fields are allowed at a bank-level `loc` (for 'did you mean' suggestions)."""
    model: type[BaseModel] | None = Bank
    for part in loc:
        if model is None or part == "questions":
            return None
        if isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        candidates = _unwrap(info.annotation) if info else []
        model = candidates[0] if candidates else None
    return model


def _allowed_keys(loc: tuple[Any, ...], node_type: Any) -> tuple[str, ...]:
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        qtype = node_type if node_type in QUESTION_TYPES else None
        rest = loc[2:]
        if rest and rest[0] in QUESTION_TYPES:
            qtype, rest = rest[0], rest[1:]
        if qtype is None:
            return ()
        model: type[BaseModel] | None = QUESTION_TYPES[qtype]
        for part in rest:
            if model is None or isinstance(part, int):
                continue
            info = model.model_fields.get(part)
            candidates = _unwrap(info.annotation) if info else []
            model = candidates[0] if candidates else None
        return _fields_of(model) if model else ()
    model2 = _model_at(loc)
    return _fields_of(model2) if model2 else ()


_TYPE_WORDS = {
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "a mapping (`key: value` lines)",
    "model_type": "a mapping (`key: value` lines)",
    "model_attributes_type": "a mapping (`key: value` lines)",
}


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 30 else value[:27] + "…"
        return f"the text {short!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _loc_name(loc: tuple[Any, ...]) -> str:
    parts = [p for p in loc if not (isinstance(p, str) and p in QUESTION_TYPES)]
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "bank"


def _pydantic_diagnostic(
    err: Mapping[str, Any], prefix: tuple[Any, ...], root: Node, shown: str
) -> Diagnostic:
    loc = prefix + tuple(err["loc"])
    etype = str(err["type"])
    node, key_node, consumed = _walk(root, loc)
    field_name = next(
        (p for p in reversed(loc) if isinstance(p, str) and p not in QUESTION_TYPES), "value"
    )
    where = node
    msg: str
    hint: str | None = None
    if etype == "missing":
        missing = loc[len(consumed)] if len(consumed) < len(loc) else field_name
        msg = f"missing required field {missing!r}"
        hint = f"add `{missing}: …` here" + (
            " (every question needs one)" if "questions" in loc else ""
        )
        code = "missing-field"
        qid = node.get("id") if missing == "evidence" and node.kind == "map" else None
        if qid is not None and isinstance(qid.value, str):  # e.g. a question fresh from import
            msg = f"question {qid.value!r} has no evidence yet"
            hint = (
                "add `evidence:` with a line `- quote: …` of words from the article that prove "
                "the answer (`quizgame article ARTICLE` lists the passages)"
            )
    elif etype == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1], _type_of(_walk(root, loc[:-1])[0]))
        bad = str(loc[-1])
        where = key_node or node
        msg = f"unknown key {bad!r}"
        close = difflib.get_close_matches(bad, allowed, n=1, cutoff=0.6)
        if close:
            hint = f"did you mean {close[0]!r}?"
        elif allowed:
            hint = "allowed here: " + ", ".join(allowed)
        code = "unknown-key"
    elif etype == "union_tag_invalid":
        ctx = err.get("ctx") or {}
        given = str(ctx.get("tag", _type_of(node)))
        where = node.get("type") or node
        msg = f"unknown question type {given!r}"
        close = difflib.get_close_matches(given, list(QUESTION_TYPES), n=1, cutoff=0.5)
        hint = (
            (f"did you mean {close[0]!r}? " if close else "")
            + "types: "
            + ", ".join(QUESTION_TYPES)
        )
        code = "unknown-type"
    elif etype == "union_tag_not_found":
        msg = "question has no 'type'"
        hint = "add `type: choice` (or " + ", ".join(list(QUESTION_TYPES)[1:]) + ")"
        code = "missing-field"
    elif etype in _TYPE_WORDS:
        msg = f"{field_name!r} must be {_TYPE_WORDS[etype]}, not {_describe(err.get('input'))}"
        hint = (
            "put quotes around text that looks like a number or true/false"
            if etype == "string_type"
            else None
        )
        code = "type"
    elif etype == "too_short":
        ctx = err.get("ctx") or {}
        n = ctx.get("min_length", 1)
        if isinstance(err.get("input"), str):
            msg = f"{field_name!r} is empty"
            hint = f"write the {field_name} text"
        else:
            msg = f"{field_name!r} needs at least {n} item{'s' if n != 1 else ''}"
        code = "too-short"
    elif etype == "too_long":
        ctx = err.get("ctx") or {}
        msg = f"{field_name!r} has too many items (at most {ctx.get('max_length')})"
        code = "too-long"
    elif etype == "string_pattern_mismatch":
        if field_name == "passage":
            msg = f"passage {err.get('input')!r} is not a body passage id"
            hint = "use an id like p4, as `quizgame article ARTICLE` lists them"
        elif field_name == "id":
            msg = f"question id {err.get('input')!r} has characters ids cannot have"
            hint = (
                "use letters, digits, '-', '_' or '.', starting with a letter or digit, no spaces"
            )
        else:
            msg = f"{field_name!r} has the wrong form: {err.get('msg')}"
        code = "pattern"
    elif etype == "enum":
        ctx = err.get("ctx") or {}
        msg = f"{field_name!r} cannot be {err.get('input')!r}"
        hint = f"use one of {ctx.get('expected', '')}"
        code = "enum"
    elif etype == "literal_error":
        msg = f"{field_name!r} cannot be {err.get('input')!r}: {err.get('msg')}"
        code = "enum"
    elif etype in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        msg = f"{field_name!r} {err.get('msg', '').lower()} (got {err.get('input')!r})"
        code = "range"
    elif etype == "value_error":
        text = str(err.get("msg", "")).removeprefix("Value error, ")
        msg, _, hint_part = text.partition(" — ")
        hint = hint_part or None
        code = "invalid"
    else:
        msg = f"{_loc_name(loc)}: {err.get('msg')}"
        code = "invalid"
    return error(shown, where.line, where.col, msg, hint, code=code)
