"""A class list (`quizgame serve --roster FILE`): the names students pick from.

One name a line, or a CSV file whose header has a `name` column (else its first column is the
name). Blank lines and lines starting with `#` are skipped. Names are cleaned as typed names are
(`clean_name`), so a roster cannot smuggle control characters into a report. The read is bounded:
a class list is small, and a huge or binary file is refused with a message, not loaded.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from quizgame.play.prefs import clean_name
from quizgame.text.reading import ReadRefused, read_limited

MAX_BYTES = 256 * 1024
MAX_NAMES = 1000


class RosterError(ValueError):
    """The class list cannot be used; the message says where and how to fix it."""


def read_roster(path: Path) -> tuple[str, ...]:
    try:  # regular files only: a named pipe or a device is refused, never waited on or read
        raw = read_limited(path, MAX_BYTES, what="class list")
    except ReadRefused as exc:
        if exc.kind == "too-large":
            raise RosterError(
                f"{path}: error: the class list is over {MAX_BYTES // 1024} KiB — "
                "give a file with one student name a line"
            ) from None
        raise RosterError(f"{path}: error: {exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RosterError(
            f"{path}: error: not UTF-8 text (byte {exc.start}) — save the class list as UTF-8"
        ) from None
    return parse_roster(text, str(path))


def parse_roster(text: str, where: str = "<roster>") -> tuple[str, ...]:
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)]
    content = [(n, line) for n, line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not content:
        raise RosterError(f"{where}: error: no names — put one student name on each line")
    names: list[str] = []
    if any("," in line or "\t" in line for _, line in content):
        names = _csv_names(content)
    else:
        names = [clean_name(line) for _, line in content]
    unique = tuple(dict.fromkeys(n for n in names if n))
    if not unique:
        raise RosterError(f"{where}: error: no names — put one student name on each line")
    if len(unique) > MAX_NAMES:
        raise RosterError(f"{where}: error: more than {MAX_NAMES} names — one class at a time")
    return unique


def _csv_names(content: list[tuple[int, str]]) -> list[str]:
    sample = "\n".join(line for _, line in content)
    dialect: type[csv.Dialect] | csv.Dialect = csv.excel
    if "\t" in sample and "," not in sample:
        dialect = csv.excel_tab
    rows = [r for r in csv.reader(io.StringIO(sample), dialect) if r]
    header = [c.strip().lower() for c in rows[0]]
    column = 0
    if "name" in header:
        column, rows = header.index("name"), rows[1:]
    return [clean_name(r[column]) if column < len(r) else "" for r in rows]
