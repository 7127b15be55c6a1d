"""Untrusted text made safe to show on a terminal, one character for one character.

Bank text, articles and player names can hold anything: an ESC that would start a terminal escape
sequence (colours, cursor moves, an OSC 8 hyperlink, clearing the screen), a bell, a C1 control
(U+009B is CSI on some terminals). None of it may reach the terminal as a command. The rule:

- C0 controls (U+0000–U+001F) and DEL become their Unicode "control pictures" (ESC → ␛ U+241B,
  BEL → ␇ U+2407, NUL → ␀ U+2400, DEL → ␡ U+2421): visible, and plainly not the real thing.
- C1 controls (U+0080–U+009F) become U+FFFD �.
- Line feed and tab are kept where the text is multi-line (articles, explanations), because they
  are layout, not commands; single-line text (`one_line`) shows them as pictures too, and data
  files (`visible_data`, CSV) keep carriage returns as well.
- Everything else is left alone: markup-like brackets (`[bold]`), right-to-left text, zero-width
  and bidi format characters, emoji. They are text; the TUI never parses markup (every string is
  a `rich.text.Text`), and the plain mode prints plain lines.

Each character maps to exactly one character, so offsets into the original text (evidence
highlights) stay valid on the shown text.
"""

from __future__ import annotations

import re
from typing import TextIO

_PICTURES = {c: chr(0x2400 + c) for c in range(0x20)} | {0x7F: "\u2421"}
_C1 = {c: "\ufffd" for c in range(0x80, 0xA0)}


def _mapper(keep: str) -> tuple[dict[int, str], re.Pattern[str]]:
    """A translation table and a pattern finding what it changes, keeping the `keep` characters."""
    table = {c: p for c, p in {**_PICTURES, **_C1}.items() if chr(c) not in keep}
    return table, re.compile("[" + re.escape("".join(map(chr, table))) + "]")


_ONE_LINE = _mapper("")
_MULTI_LINE = _mapper("\n\t")
_DATA = _mapper("\n\t\r")


def _apply(text: str, mapper: tuple[dict[int, str], re.Pattern[str]]) -> str:
    table, pattern = mapper
    return text.translate(table) if pattern.search(text) else text


def visible(text: str) -> str:
    """`text` with every control character but line feed and tab shown as a visible picture."""
    return _apply(text, _MULTI_LINE)


def one_line(text: str) -> str:
    """Like `visible`, but line feeds and tabs are shown as pictures too (labels, table cells)."""
    return _apply(text, _ONE_LINE)


def json_safe(text: str) -> str:
    """JSON text (from `json.dumps`) with DEL and C1 controls written as `\\u` escapes too.

    `json.dumps` escapes only U+0000–U+001F; U+009B (CSI on some terminals) would pass through.
    Such characters can only occur inside JSON strings, so the escaped text is the same JSON."""
    return _JSON_EXTRA.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_JSON_EXTRA = re.compile("[\x7f-\x9f]")


def for_stream(text: str, stream: TextIO) -> str:
    """Data (a bank, an export) as written to `stream`: exact for a file or a pipe, and shown the
    safe way (`visible`) when the stream is a terminal, where a control character is a command."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return visible(text) if tty else text


def visible_data(text: str) -> str:
    """Like `visible`, but carriage returns are kept too: a CSV cell's line breaks are data."""
    return _apply(text, _DATA)
