"""Finding an imported question's evidence in the article: where its right answer's words are.

Moodle files carry no evidence unless quizgame wrote it there, so `quizgame import --article`
proposes a quote per question — the sentence holding the right answer, or failing that, the
sentence sharing the most keywords with the question — for the teacher to check.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from quizgame.article.evidence import locate
from quizgame.article.passages import Article, Kind
from quizgame.text.normalise import normalise_text

_STOPWORDS = frozenset(
    [
        "true",
        "false",
        "which",
        "what",
        "when",
        "where",
        "does",
        "said",
        "says",
        "according",
        "article",
        "about",
        "after",
        "again",
        "their",
        "there",
        "these",
        "those",
        "this",
        "that",
        "with",
        "from",
        "have",
        "been",
        "were",
        "will",
        "would",
        "could",
        "should",
        "into",
        "than",
        "then",
        "them",
        "they",
        "your",
        "also",
        "only",
        "most",
        "more",
        "such",
        "some",
        "over",
        "under",
        "other",
        "because",
        "while",
        "being",
    ]
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _right_texts(q: Mapping[str, Any]) -> list[str]:
    from quizgame.game.kinds import kind_named

    kind = kind_named(str(q.get("type")))
    return kind.right_texts(q) if kind is not None else []


def _sentence_quote(article: Article, start: int, passage_id: str) -> str | None:
    passage = article.passage(passage_id)
    if passage is None:
        return None
    for s in passage.sentences:
        if s.start <= start < s.end:
            return " ".join(s.text.split())
    return " ".join(passage.text.split())


def match_evidence(article: Article, question: Mapping[str, Any]) -> list[dict[str, str]]:
    """Evidence found automatically: the body sentences containing the right answer's words, or
    failing that the one body sentence sharing most of the question's key words."""
    found: list[dict[str, str]] = []
    seen: set[str] = set()
    for raw in _right_texts(question):
        text = raw.strip().strip("\"'“”‘’«»").strip()
        if len(normalise_text(text).replace(" ", "")) < 4:
            continue
        look = locate(article, text)
        hit = look.evidence
        if hit is None or hit.kind is not Kind.BODY:
            continue
        quote = _sentence_quote(article, hit.start, hit.passage_id)
        if quote and quote not in seen:
            seen.add(quote)
            found.append({"quote": quote, "passage": hit.passage_id})
    if found:
        return found
    return _keyword_evidence(article, question)


def _keywords(text: str) -> set[str]:
    """Content words, cut to six letters so `restored` meets `restore`."""
    return {
        w[:6]
        for w in _WORD.findall(normalise_text(text))
        if len(w) >= 4 and w not in _STOPWORDS and not w.isdigit()
    }


def _keyword_evidence(article: Article, question: Mapping[str, Any]) -> list[dict[str, str]]:
    """The body sentence sharing the most (rarity-weighted) key words with the question, if it
    shares enough of them to be a confident guess."""
    words = _keywords(" ".join([str(question.get("prompt", "")), *_right_texts(question)]))
    if len(words) < 3:
        return []
    sentences = [(p.id, s.text, _keywords(s.text)) for p in article.body for s in p.sentences]
    if not sentences:
        return []
    df = {w: sum(1 for _, _, ks in sentences if w in ks) for w in words}
    weight = {w: math.log((1 + len(sentences)) / (1 + df[w])) + 0.1 for w in words}
    total = sum(weight.values())
    best: tuple[float, int, str, str] | None = None
    for pid, text, ks in sentences:
        shared = words & ks
        score = sum(weight[w] for w in shared)
        if best is None or score > best[0]:
            best = (score, len(shared), " ".join(text.split()), pid)
    if best is None or best[1] < 2 or best[0] < 0.4 * total:
        return []
    return [{"quote": best[2], "passage": best[3]}]
