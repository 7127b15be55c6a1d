"""Evidence in a Moodle question's general feedback: written after the explanation, read back on import.

Neither GIFT nor Moodle XML has a place for evidence, so it travels as one line per quote,
`Evidence (p4): "the words"`; Moodle shows that to students after they answer, as quizgame does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_MARKER = re.compile(r"(?:^|(?<=\s))Evidence(?: \((p[1-9][0-9]*)\))?: [\"“]")


def feedback_text(explanation: str, evidence: Iterable[tuple[str, str | None]]) -> str:
    """The explanation followed by one `Evidence (pN): "quote"` line per quote."""
    lines = [explanation.strip()]
    for quote, passage in evidence:
        label = f"Evidence ({passage})" if passage else "Evidence"
        lines.append(f'{label}: "{quote.strip()}"')
    return "\n".join(line for line in lines if line)


def split_feedback(text: str) -> tuple[str, list[dict[str, str]]]:
    """Undo `feedback_text`: the explanation and the evidence items found after it.

    A quote runs to the next marker or the end, so quotes may themselves contain quotation marks.
    """
    matches = list(_MARKER.finditer(text))
    if not matches:
        return text.strip(), []
    evidence: list[dict[str, str]] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        quote = text[m.end() : end].strip()
        if quote[-1:] in ('"', "”"):
            quote = quote[:-1].rstrip()
        if not quote:
            continue
        item = {"quote": quote}
        if m.group(1):
            item["passage"] = m.group(1)
        evidence.append(item)
    return text[: matches[0].start()].strip(), evidence
