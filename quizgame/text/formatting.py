"""How numbers read everywhere they are shown: game screens, plain mode, reports and exports."""

from __future__ import annotations


def format_points(x: float) -> str:
    """`1`, `0.5`, `0.25`: no trailing zeros, at most two decimals."""
    x = round(x, 2)
    return f"{x:g}" if x == int(x) else f"{x:.2f}".rstrip("0")


def format_duration(seconds: float | None) -> str:
    """`42s`, `3m 05s`, `1h 02m`; `—` when unknown."""
    if seconds is None:
        return "—"
    s = round(seconds)
    if s < 60:
        return f"{s}s"
    m, s = divmod(s, 60)
    if m < 60:
        return f"{m}m {s:02d}s"
    h, m = divmod(m, 60)
    return f"{h}h {m:02d}m"


def format_percent(fraction: float | None) -> str:
    """`42%` for 0.42; `—` when unknown."""
    return "—" if fraction is None else f"{100 * fraction:.0f}%"


def clip(text: str, limit: int) -> str:
    """One line of at most `limit` characters, ending in … when cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def count_of(n: int, noun: str) -> str:
    """`1 question`, `2 questions`: a count with its noun in the right number."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
