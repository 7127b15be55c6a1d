"""YAML values with their positions, the size limits on a bank file, and decoding its bytes.

The composer that builds these nodes from PyYAML's event stream is in quizgame.bank.yamlparse;
this module holds what every later check shares: the `Node` each error points at, the limits
that keep hostile files from blowing up (size, depth, aliases, expanded values), turning a file's
bytes into text with a positioned error, and turning nodes into plain data within those limits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizgame.bank.diagnostics import Diagnostic, error
from quizgame.text.reading import convert_hint, utf16_or_32

MAX_BANK_BYTES = 10_000_000
MAX_DEPTH = 50
MAX_ALIASES = 1_000
MAX_EXPANDED_VALUES = 1_000_000


@dataclass(slots=True, eq=False)
class Node:
    """A YAML value with its 1-based start position; maps keep their (key, value) node pairs."""

    kind: str  # "scalar" | "seq" | "map"
    line: int
    col: int
    value: Any = None  # python value for scalars
    items: list[Node] = field(default_factory=list)  # seq items
    pairs: list[tuple[Node, Node]] = field(default_factory=list)  # map entries
    quoted: bool = False

    def get(self, key: str) -> Node | None:
        for k, v in self.pairs:
            if k.value == key:
                return v
        return None

    def key_node(self, key: str) -> Node | None:
        for k, _ in self.pairs:
            if k.value == key:
                return k
        return None


class YamlRefused(Exception):
    """Raised internally when a document is too large or too deep to read safely."""


def too_large(file: str) -> Diagnostic:
    return error(
        file,
        1,
        1,
        f"file is over the {MAX_BANK_BYTES:,}-byte limit for a bank",
        "split the bank into several files",
        code="too-large",
    )


def decode(raw: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode a bank file, refusing binary, oversized and non-UTF-8 content with a position."""
    if len(raw) > MAX_BANK_BYTES:
        return None, [too_large(file)]
    wide = utf16_or_32(raw)
    if wide is not None:
        return None, [
            error(
                file,
                1,
                1,
                f"this bank is saved as {wide} text; a bank must be UTF-8",
                convert_hint(wide, Path(file).name),
                code="encoding",
            )
        ]
    nul = raw.find(b"\x00")
    if nul != -1:
        line = raw.count(b"\n", 0, nul) + 1
        col = nul - (raw.rfind(b"\n", 0, nul) + 1) + 1
        return None, [
            error(
                file,
                line,
                col,
                "this is a binary file, not a YAML bank (it contains NUL bytes)",
                "give the path of a .yaml bank",
                code="binary",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [
            error(
                file,
                line,
                col,
                f"invalid UTF-8 byte 0x{raw[exc.start]:02x}",
                "save the file as UTF-8 in your editor",
                code="encoding",
            )
        ]
    return text, []


def to_python(node: Node | None) -> Any:
    """Plain Python data from nodes, bounded so alias bombs cannot blow up memory."""
    budget = [MAX_EXPANDED_VALUES]

    def build(n: Node, depth: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise YamlRefused(
                n.line,
                n.col,
                f"the file expands to more than {MAX_EXPANDED_VALUES:,} values "
                "(an alias bomb?) — refusing it",
                "write the values out instead of nesting aliases",
            )
        if n.kind == "scalar":
            return n.value
        if n.kind == "seq":
            return [build(i, depth + 1) for i in n.items]
        out: dict[Any, Any] = {}
        for k, v in n.pairs:
            key = k.value if k.kind == "scalar" else repr(build(k, depth + 1))
            try:
                out[key] = build(v, depth + 1)
            except TypeError:
                out[repr(key)] = build(v, depth + 1)
        return out

    return None if node is None else build(node, 0)
