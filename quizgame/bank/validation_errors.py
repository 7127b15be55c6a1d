"""Pydantic's validation errors as teacher-friendly diagnostics, each at its place in the YAML.

A pydantic error names a location (`questions.3.choices.1`) and a machine type (`missing`,
`extra_forbidden`, …); a teacher needs the line and column in the file, the words "this field is
missing" and a hint that says what to write instead (with the nearest allowed key when misspelt).
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping
from functools import cache
from typing import Any

from pydantic import BaseModel

from quizgame.bank.diagnostics import Diagnostic, error
from quizgame.bank.models import QUESTION_TYPES, Bank
from quizgame.bank.yamlnodes import Node


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


def pydantic_diagnostic(
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
        # said only of a question's own fields: not of `questions` itself, nor of an evidence `quote`
        own = (
            len(loc) >= 3
            and loc[0] == "questions"
            and isinstance(loc[1], int)
            and all(p in QUESTION_TYPES for p in loc[2:-1])
        )
        qtype = next((p for p in loc[2:-1] if p in QUESTION_TYPES), None) if own else None
        hint = f"add `{missing}: …` here" + (
            f" (every `{qtype}` question needs one)"
            if qtype
            else " (every question needs one)"
            if own
            else ""
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
