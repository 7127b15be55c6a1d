"""Plain-mode input for the order and cloze types: `3 1 2 4` for an order, one line per gap.

Kept out of plain.py so each type's line dialogue sits in one place; PlainGame hands over its own
`ask` and `say` so quitting, escaping and end of input behave exactly as for the other types.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quizgame.game.kinds.cloze import numbered_gaps
from quizgame.game.presented import PresentedQuestion
from quizgame.play.presenter import choice_key, key_to_index

Ask = Callable[..., str]
Say = Callable[[str], None]


def parse_order(raw: str, count: int) -> list[int] | None:
    """`3 1 2 4` (or `3,1,2,4`, `C A B D`) as 0-based indices; None unless each item once."""
    keys = [k for k in re.split(r"[\s,;>]+", raw) if k]
    picked = [key_to_index(k, count) for k in keys]
    if len(picked) != count or any(i is None for i in picked):
        return None
    indices = [i for i in picked if i is not None]
    return indices if sorted(indices) == list(range(count)) else None


def read_order(pq: PresentedQuestion, ask: Ask, say: Say) -> list[str]:
    items = pq.order_items
    for n, item in enumerate(items, 1):
        say(f"  {n}) {item}")
    example = " ".join(str(n) for n in reversed(range(1, len(items) + 1)))
    while True:
        raw = ask(f"The numbers in the right order, e.g. '{example}': ")
        order = parse_order(raw, len(items))
        if order is not None:
            return [items[i] for i in order]
        say(f"Please list each number 1–{len(items)} once, separated by spaces.")


def read_gaps(pq: PresentedQuestion, ask: Ask, say: Say) -> tuple[str, ...]:
    q = pq.question
    say(numbered_gaps(getattr(q, "text", "")))
    out: list[str] = []
    for n, options in enumerate(pq.gap_options, 1):
        if options:
            for k, option in enumerate(options):
                say(f"  {choice_key(k)}) {option}")
            last = choice_key(len(options) - 1)
            while True:
                raw = ask(f"Gap ({n}), pick A–{last}: ")
                picked = key_to_index(raw, len(options)) if raw else None
                if picked is not None:
                    out.append(options[picked])
                    break
                say(f"Please answer with a letter A–{last}.")
        else:
            while True:
                text = ask(f"Gap ({n}): ", choice=False)
                if text:
                    out.append(text)
                    break
                say("Please type the missing words (or :q to stop).")
    return tuple(out)
