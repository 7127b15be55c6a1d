"""The last line of defence: no control character in any text reaches the terminal.

Widgets show untrusted text through `quizgame.text.safe` (ESC becomes a visible ␛). Anything that
slips past — a widget we did not write, a string we forgot — is caught here: every rendered line
passes this filter before output, and it deletes C0/C1 control characters from the text of its
segments. Deleting keeps the layout: those characters take no cells. Textual's own control
segments (cursor moves) are not text and are left alone.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class ControlFilter(LineFilter):
    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(_CONTROL.search(s.text) for s in segments if not s.control):
            return segments
        return [
            s if s.control else Segment(_CONTROL.sub("", s.text), s.style, s.control)
            for s in segments
        ]
