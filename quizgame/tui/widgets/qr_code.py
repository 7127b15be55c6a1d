"""A QR code drawn with half-block characters: two modules per terminal cell, black on white.

Made with `segno` (pure Python, in the `serve` extra); without it the widget says how to get it
and the address stays readable beside it. Quiet zone of 2 modules so phone cameras lock on.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

_STYLE = Style(color="black", bgcolor="white")
_HALF = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def qr_rows(data: str, border: int = 2) -> list[str] | None:
    """The code as text rows (█ = dark), or None when segno is not installed."""
    try:
        import segno
    except ImportError:
        return None
    code = segno.make(data, error="l", micro=False)
    matrix = [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=border)]
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    return [
        "".join(_HALF[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(matrix[::2], matrix[1::2], strict=True)
    ]


class QRCode(Static):
    DEFAULT_CSS = """
    QRCode { width: auto; height: auto; }
    """

    def __init__(self, data: str, **kwargs: object) -> None:
        rows = qr_rows(data)
        text = (
            Text("(QR code: pip install segno)", style="dim")
            if rows is None
            else Text("\n".join(rows), style=_STYLE, no_wrap=True)
        )
        super().__init__(text, **kwargs)  # type: ignore[arg-type]
        self.data = data
