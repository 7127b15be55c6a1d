"""Reading a number a student typed: `1,234`, `1 234`, `-2.5`, `12 km` — and writing one back.

Thousands separators (comma, space, thin or no-break space, apostrophe, underscore) are accepted
only between groups of three digits, so `1,5` is not silently read as 15. The decimal mark is `.`;
a lone comma followed by one, two or four-plus digits is read as a decimal comma (`2,5` → 2.5).
"""

from __future__ import annotations

import math
import re

_SEP = "[,\u00a0\u202f\u2009 '\u2019_]"
_NUMBER = re.compile(
    rf"^(?P<sign>[+\-\u2212]?)\s*(?P<int>\d{{1,3}}(?:{_SEP}\d{{3}})+|\d+)(?P<frac>[.,]\d+)?$"
)


def parse_number(text: str, unit: str | None = None) -> float | None:
    """The number in `text` (a trailing `unit`, in any case and singular or plural, is allowed).

    None when the text is not a number (or has another word after it).
    """
    raw = " ".join(text.split())
    if unit:
        raw = _strip_unit(raw, unit)
    m = _NUMBER.match(raw.strip())
    if m is None:
        return None
    whole = re.sub(_SEP, "", m.group("int"))
    frac = m.group("frac") or ""
    if frac.startswith(",") and "," not in m.group("int") and len(frac) - 1 != 3:
        frac = "." + frac[1:]
    elif frac.startswith(","):
        return None  # `1,234,5`: neither grouping nor a decimal mark
    value = float(whole + frac)
    if not math.isfinite(value):
        return None
    return -value if m.group("sign") in ("-", "\u2212") else value


def _strip_unit(raw: str, unit: str) -> str:
    low, u = raw.casefold(), " ".join(unit.split()).casefold()
    for form in (u, u + "s", u.removesuffix("s")):
        if form and low.endswith(form):
            return raw[: len(raw) - len(form)].rstrip()
    return raw


def format_number(value: float) -> str:
    """`1234` → `1,234`, `2.5` → `2.5`: how the game shows a number."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")
