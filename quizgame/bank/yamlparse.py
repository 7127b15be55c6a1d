"""Safe YAML reading that keeps every value's position and refuses what PyYAML lets through.

PyYAML silently keeps the last of two duplicate keys, expands alias bombs, recurses on deep nesting
and, with the wrong loader, builds Python objects. Here the parser's event stream (the C parser when
available) is composed into light position-carrying nodes by an iterative loop, so:
- duplicate keys, tabs in indentation and unknown tags become positioned diagnostics;
- nesting depth, alias count and total expanded size are bounded, so hostile files fail fast;
- every later error (pydantic, semantic checks) can point at the exact line and column.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Any

import yaml

from quizgame.bank.diagnostics import Diagnostic, error
from quizgame.bank.yamlnodes import MAX_ALIASES, MAX_DEPTH, Node, YamlRefused

try:  # the C parser is several times faster; fall back quietly where libyaml is missing
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass
class Parsed:
    root: Node | None
    diagnostics: list[Diagnostic]
    text: str


_HINTS: list[tuple[str, str]] = [
    (
        "exceeded maximum nesting depth",
        "a bank nests only a few levels deep; check the brackets and indentation",
    ),
    ("found character '\\t'", "YAML indentation must use spaces — replace the tab with spaces"),
    (
        "could not find expected ':'",
        "each entry needs `key: value`; check this line's indentation and quotes",
    ),
    (
        "mapping values are not allowed here",
        "a value that contains `: ` must be quoted — wrap the whole value in quotes",
    ),
    ("did not find expected key", "check the indentation: keys of one mapping must line up"),
    (
        "did not find expected '-' indicator",
        "items of a list must line up under each other, each starting with `- `",
    ),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
    ("found undefined alias", "the alias (`*name`) refers to no anchor (`&name`) defined above it"),
    (
        "found unknown escape character",
        "in double quotes a backslash starts an escape; use single quotes or `\\\\`",
    ),
    (
        "expected <block end>, but found",
        "the indentation of this line does not match the lines above",
    ),
    ("found a tab character", "YAML indentation must use spaces — replace the tab with spaces"),
]


def _syntax_hint(problem: str) -> str:
    for needle, hint in _HINTS:
        if needle in problem:
            return hint
    return "fix the YAML syntax here (quoting the value often helps)"


_TAB_INDENT = re.compile(r"^( *)\t", re.MULTILINE)


def _tab_diagnostics(text: str, file: str) -> list[Diagnostic]:
    diags = []
    for m in _TAB_INDENT.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        diags.append(
            error(
                file,
                line,
                len(m.group(1)) + 1,
                "tab character in indentation",
                "YAML indentation must use spaces — replace the tab with spaces",
                code="tab",
            )
        )
    return diags


def parse(text: str, file: str) -> Parsed:
    """Compose the first YAML document of `text` into nodes, collecting every problem found."""
    diags = _tab_diagnostics(text, file)
    tab_lines = {d.line for d in diags}
    loader = _Loader(text)
    root: Node | None = None
    try:
        root = _compose(loader, file, diags)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = str(exc.problem or exc.context or "invalid YAML")
        if (
            line not in tab_lines and not (line - 1 in tab_lines and "\\t" in repr(problem))
        ) or not any(d.code == "tab" for d in diags):
            diags.append(
                error(
                    file,
                    line,
                    col,
                    f"YAML syntax error: {problem}",
                    _syntax_hint(problem),
                    code="syntax",
                )
            )
        root = None
    except yaml.reader.ReaderError as exc:
        pos = min(max(exc.position, 0), len(text))
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        char = (
            exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        )
        diags.append(
            error(
                file,
                line,
                col,
                f"control character U+{char:04X} is not allowed in YAML",
                'delete it, or write it as an escape inside double quotes, e.g. "\\x07"',
                code="control-char",
            )
        )
        root = None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        diags.append(error(file, 1, 1, f"YAML error: {first}", code="syntax"))
        root = None
    except YamlRefused as exc:
        line, col, message, hint = exc.args
        diags.append(error(file, line, col, message, hint, code="refused"))
        root = None
    finally:
        loader.dispose()
    return Parsed(root, diags, text)


def _compose(loader: Any, file: str, diags: list[Diagnostic]) -> Node | None:
    anchors: dict[str, Node] = {}
    stack: list[tuple[Node, list[Node]]] = []  # (container, pending key holder for maps)
    root: Node | None = None
    aliases = 0
    documents = 0

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        container, pending = stack[-1]
        if container.kind == "seq":
            container.items.append(node)
        elif pending:
            key = pending.pop()
            container.pairs.append((key, node))
        else:
            pending.append(node)

    while loader.check_event():
        event = loader.get_event()
        mark = event.start_mark
        line, col = mark.line + 1, mark.column + 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                diags.append(
                    error(
                        file,
                        line,
                        col,
                        "a bank file holds one YAML document; found a second",
                        "remove the `---` and what follows, or move it into its own file",
                        code="multi-document",
                    )
                )
                break
            continue
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise YamlRefused(
                    line,
                    col,
                    f"more than {MAX_ALIASES} aliases — refusing to expand the file",
                    "banks do not need this many `*aliases`; write the values out",
                )
            target = anchors.get(event.anchor or "")
            if target is None:  # pragma: no cover - the parser reports this first
                raise YamlRefused(line, col, f"undefined alias *{event.anchor}", None)
            if any(open_node is target for open_node, _ in stack):  # the stack is ≤ MAX_DEPTH
                raise YamlRefused(
                    line,
                    col,
                    f"the alias *{event.anchor} refers to a value that contains it "
                    "(a value cannot include itself)",
                    f"write the value out here instead of `*{event.anchor}`",
                )
            attach(target)
            continue
        if isinstance(event, yaml.ScalarEvent):
            node = Node(
                "scalar",
                line,
                col,
                _scalar_value(loader, event, file, diags),
                quoted=event.style in ("'", '"'),
            )
            if event.anchor:
                anchors[event.anchor] = node
            attach(node)
            continue
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            tag = event.tag
            if tag is not None and tag not in _ALLOWED_TAGS and tag != "!":
                diags.append(_tag_error(file, line, col, tag))
            if len(stack) >= MAX_DEPTH:
                raise YamlRefused(
                    line,
                    col,
                    f"nesting deeper than {MAX_DEPTH} levels — refusing the file",
                    "a bank nests only a few levels deep; check the indentation",
                )
            node = Node("seq" if isinstance(event, yaml.SequenceStartEvent) else "map", line, col)
            if event.anchor:
                anchors[event.anchor] = node
            attach(node)
            stack.append((node, []))
            continue
        if isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            stack.pop()
            continue
    _check_duplicates(root, file, diags)
    return root


# Diagnostic codes after which the data is not what the author meant: the loader reports these
# alone, since validating what is left would only add errors that are not the author's.
STOP_CODES = frozenset({"tag", "merge-key"})


def _tag_error(file: str, line: int, col: int, tag: str) -> Diagnostic:
    if tag == "tag:yaml.org,2002:merge":
        return error(
            file,
            line,
            col,
            "merge keys (`<<:`) are not supported in a bank",
            "write the shared keys out in each question instead of `<<: *anchor`",
            code="merge-key",
        )
    shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml") else tag
    return error(
        file,
        line,
        col,
        f"YAML tag {shown!r} is not allowed in a bank",
        "remove the tag; banks hold plain text, numbers, lists and mappings",
        code="tag",
    )


def _scalar_value(loader: Any, event: Any, file: str, diags: list[Diagnostic]) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        if not event.implicit[0]:
            return event.value
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag not in _ALLOWED_TAGS:
        mark = event.start_mark
        diags.append(_tag_error(file, mark.line + 1, mark.column + 1, tag))
        return event.value
    if tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
        return event.value
    try:
        return loader.construct_object(yaml.ScalarNode(tag, event.value))
    except (yaml.YAMLError, ValueError):
        return event.value


def _check_duplicates(root: Node | None, file: str, diags: list[Diagnostic]) -> None:
    seen_nodes: set[int] = set()
    todo = [root] if root is not None else []
    while todo:
        node = todo.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if node.kind == "map":
            first: dict[Any, Node] = {}
            for k, v in node.pairs:
                key = k.value if k.kind == "scalar" else id(k)
                try:
                    prev = first.get(key)
                except TypeError:
                    prev = None
                if prev is not None:
                    diags.append(
                        error(
                            file,
                            k.line,
                            k.col,
                            f"duplicate key {k.value!r} (first defined on line {prev.line})",
                            "YAML would silently keep only the last one — remove or rename one of them",
                            code="duplicate-key",
                        )
                    )
                else:
                    with contextlib.suppress(TypeError):
                        first[key] = k
                todo.append(v)
        elif node.kind == "seq":
            todo.extend(node.items)
