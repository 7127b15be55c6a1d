"""Question presentation: which questions a game asks, in what order, with what choice order.

Kept apart from the game loop (`quizgame.game.session`) because it is decided once, up front, from
the bank, the mode and the session's seeded random source — and the guided-reading rule
(`guided_needed`) is shared by the ordering and by what the reading pane reveals.
"""

from __future__ import annotations

import random
from collections.abc import Collection

from quizgame.article.evidence import ResolvedEvidence
from quizgame.article.passages import Article
from quizgame.bank.loaded import LoadedBank
from quizgame.bank.models import Mode
from quizgame.game.kinds import AnyQuestion, kind_of
from quizgame.game.presented import PresentedQuestion

MAIN_IDEA_TAGS = frozenset({"main idea", "main-idea", "main_idea", "central idea", "gist"})


def present_all(
    loaded: LoadedBank, mode: Mode, only: Collection[str] | None, rng: random.Random
) -> tuple[PresentedQuestion, ...]:
    """The questions of a game in play order, numbered, their choices laid out.

    Guided mode orders questions by where their proof is in the reading; otherwise the bank's
    `shuffle_questions` setting decides. `only` restricts the game to those ids (practice).
    """
    settings = loaded.bank.settings
    qs: list[AnyQuestion] = list(loaded.bank.questions)
    if only is not None:
        qs = [q for q in qs if q.id in only]
    if settings.shuffle_questions and mode is not Mode.GUIDED:
        rng.shuffle(qs)
    if mode is Mode.GUIDED:  # questions follow the reading: ordered by where their proof is
        qs.sort(key=lambda q: body_needed(loaded, q))
    total = len(qs)
    return tuple(present(loaded, rng, q, n, total) for n, q in enumerate(qs, 1))


def body_needed(loaded: LoadedBank, q: AnyQuestion) -> int:
    """Body passages to reveal before `q` (guided reading rule, see `guided_needed`)."""
    return guided_needed(loaded.article, q, loaded.evidence.get(q.id, ()))


def present(
    loaded: LoadedBank, rng: random.Random, q: AnyQuestion, number: int, total: int
) -> PresentedQuestion:
    """One question as shown: its kind's layout (choice order from `rng` if the bank shuffles)."""
    shuffle_choices = loaded.bank.settings.shuffle_choices

    def shuffled(items: list[str]) -> tuple[str, ...]:
        if shuffle_choices:
            items = list(items)
            rng.shuffle(items)
        return tuple(items)

    layout = kind_of(q).layout(q, shuffled, rng, shuffle_choices)
    return PresentedQuestion(
        number,
        total,
        q,
        layout.choices,
        part_b_choices=layout.part_b_choices,
        match_left=layout.match_left,
        match_right=layout.match_right,
        order_items=layout.order_items,
        gap_options=layout.gap_options,
        evidence=loaded.evidence.get(q.id, ()),
        part_b_evidence=loaded.part_b.get(q.id, {}),
    )


def guided_needed(article: Article, q: AnyQuestion, evidence: tuple[ResolvedEvidence, ...]) -> int:
    """How many body passages guided mode reveals before showing `q`.

    Enough that every cited passage (body or aside) is on screen; the whole article for a question
    tagged `main idea` or whose evidence spans the article (its first and last thirds both cited).
    """
    body = article.body
    if any(t.casefold().strip() in MAIN_IDEA_TAGS for t in q.tags):
        return len(body)
    by_id = {p.id: p for p in article.passages}
    ends = [by_id[e.passage_id].end for e in evidence if e.passage_id in by_id]
    if not ends or not body:
        return 0
    needed = 0
    for end in ends:
        k = next((i + 1 for i, p in enumerate(body) if p.end >= end), len(body))
        needed = max(needed, k)
    body_index = {p.id: i for i, p in enumerate(body)}
    cited = sorted({body_index[e.passage_id] for e in evidence if e.passage_id in body_index})
    third = len(body) / 3
    if len(body) >= 3 and cited and cited[0] < third and cited[-1] >= len(body) - third:
        return len(body)
    return needed
