"""A book-length text is drafted from its opening part, and the bank still checks against the file.

The limit is lowered here so a few repeats of a sample article cross it; at the real limit
(1,000,000 characters) no news article comes near it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgame.article.passages import read_article
from quizgame.authoring import generate as generate_module
from quizgame.authoring.generate import MAX_DRAFT_CHARS, drafted_part
from quizgame.bank.loader import load_bank
from quizgame.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "articles" / "turpin-sentencing.txt"
LIMIT = 6_000


def _long(folder: Path, one_line: bool) -> Path:
    article = read_article(SAMPLE)
    head = article.text[: article.body[0].start]
    sep = " " if one_line else "\n\n"
    unit = sep.join(" ".join(p.text.split()) for p in article.body)
    path = folder / f"long-{'line' if one_line else 'prose'}.txt"
    path.write_text(head + sep.join([unit] * 8) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("one_line", [False, True], ids=["prose", "one line"])
def test_a_long_text_is_drafted_from_its_opening_and_checks_against_the_whole_file(
    one_line: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generate_module, "MAX_DRAFT_CHARS", LIMIT)
    path = _long(tmp_path, one_line)
    article = read_article(path)
    assert len(article.text) > 2 * LIMIT
    part, note = drafted_part(article)
    assert note is not None and f"{len(article.text):,} characters" in note
    assert len(part.text) <= LIMIT and article.text.startswith(part.text)
    for p in part.passages:  # the file's own passages, same ids, cut only at a sentence's end
        whole = article.passage(p.id)
        assert whole is not None and whole.start == p.start and whole.text.startswith(p.text)
        assert p.sentences == tuple(s for s in whole.sentences if s.end <= p.end)
    out = tmp_path / "bank.yaml"
    assert main(["generate", str(path), "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    assert f"# note: {note}" in text
    cited = {int(n) for n in re.findall(r"passage: p(\d+)", text)}
    last = max(int(p.id[1:]) for p in part.body)
    assert cited and max(cited) <= last
    result = load_bank(out)  # every quote resolves in the whole file
    assert result.ok, [d.format() for d in result.diagnostics]


def test_an_article_under_the_limit_is_drafted_whole() -> None:
    article = read_article(SAMPLE)
    assert len(article.text) < MAX_DRAFT_CHARS // 100
    assert drafted_part(article) == (article, None)
