"""Ids and slugs: a valid question id from any text, and unique ids from repeated ones."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def slugify(text: str, fallback: str) -> str:
    """A question id from a Moodle name; names that already are valid ids stay as they are."""
    text = text.strip()
    if _ID_OK.match(text) and len(text) <= 80:
        return text
    spaced = re.sub(r"[\W_]+", " ", text)  # dashes and punctuation separate words
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > 50:
        slug = slug[:50].rsplit("-", 1)[0] or slug[:50]
    return slug or fallback


def unique_ids(ids: Sequence[str]) -> list[str]:
    """Make ids unique by adding -2, -3, … to repeats."""
    used: set[str] = set()
    next_suffix: dict[str, int] = {}  # per id, the suffix to try next: 40,000 repeats of one
    out: list[str] = []  # id used to try -2, -3, … from the start each time (quadratic)
    for qid in ids:
        new, n = qid, next_suffix.get(qid, 2)
        if new in used:
            new = f"{qid}-{n}"
            while new in used:
                n += 1
                new = f"{qid}-{n}"
            next_suffix[qid] = n + 1
        used.add(new)
        out.append(new)
    return out
