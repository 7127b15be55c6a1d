"""Make large, realistic banks for benchmarks and fuzzing (several types, real evidence quotes)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import yaml

from quizgame.article.passages import read_article
from quizgame.bank.bundled import bundled_dir

SEED_ARTICLE = bundled_dir() / "kremlin-peacekeepers.txt"


def make_bank(folder: Path, count: int, seed: int = 1) -> Path:
    """Write `count` questions about the seed article to folder/big.yaml (article copied beside it)."""
    rng = random.Random(seed)
    shutil.copy(SEED_ARTICLE, folder / "article.txt")
    article = read_article(SEED_ARTICLE)
    sentences = [(p.id, s.text) for p in article.body for s in p.sentences]
    speakers = [
        "Dmitry Peskov",
        "Sergey Lavrov",
        "Donald Trump",
        "Emmanuel Macron",
        "Vladimir Putin",
    ]
    questions: list[dict[str, Any]] = []
    for i in range(count):
        pid, sentence = rng.choice(sentences)
        words = sentence.split()
        start = rng.randrange(0, max(1, len(words) - 6))
        quote = " ".join(words[start : start + rng.randint(5, 12)])
        kind = ("choice", "multi", "truefalse", "short", "match")[i % 5]
        base: dict[str, Any] = {
            "id": f"q{i:05d}",
            "type": kind,
            "prompt": f"Question {i}: according to passage {pid}, what does the article say about this?",
        }
        if kind == "choice":
            choices = rng.sample(speakers, 4)
            base |= {"choices": choices, "answer": choices[rng.randrange(4)]}
        elif kind == "multi":
            choices = rng.sample(speakers, 4)
            base |= {"choices": choices, "answers": choices[:2]}
        elif kind == "truefalse":
            base |= {"answer": bool(i % 2)}
        elif kind == "short":
            base |= {"answer": rng.choice(speakers), "accept": [rng.choice(speakers).split()[-1]]}
        else:
            base |= {
                "pairs": [
                    {"left": f"“{n}. {w}”", "right": s}
                    for n, (w, s) in enumerate(zip(words[:3], speakers, strict=False))
                ],
                "distractors": [speakers[-1]],
            }
        base |= {
            "explanation": f"The article says so in {pid}: {sentence[:80]}",
            "evidence": [{"quote": quote, "passage": pid}],
            "tags": rng.sample(["attribution", "main idea", "close reading", "vocabulary"], 2),
        }
        questions.append(base)
    bank = {
        "title": f"Benchmark bank ({count} questions)",
        "article": "article.txt",
        "questions": questions,
    }
    path = folder / "big.yaml"
    path.write_text(
        yaml.safe_dump(bank, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )
    return path
