"""Article splitting: the seed's captions and footer are never body; offsets are exact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgame.article.passages import (
    ArticleError,
    Kind,
    parse_article,
    read_article,
)
from quizgame.article.sentences import split_sentences
from tests.conftest import SEED_ARTICLE


@pytest.fixture(scope="module")
def seed() -> object:
    return read_article(SEED_ARTICLE)


def test_seed_kinds(seed: object) -> None:
    from quizgame.article.passages import Article

    assert isinstance(seed, Article)
    kinds = [(p.id, p.kind) for p in seed.passages]
    assert kinds[0] == ("h1", Kind.HEADLINE)
    captions = [p for p in seed.passages if p.kind is Kind.CAPTION]
    assert [c.text.split()[-1] for c in captions] == ["REUTERS", "AP", "REUTERS"]
    assert captions[0].text.startswith("Kremlin spokesman Dmitry Peskov on Tuesday referred")
    assert captions[1].text.startswith("Russian dictator Vladimir Putin said Monday")
    assert captions[2].text.startswith("Trump, who met with French President")
    footers = [p.text for p in seed.passages if p.kind is Kind.BOILERPLATE]
    assert footers == ["Source link", "Related Posts"]
    body = seed.body
    assert [p.id for p in body] == [f"p{i}" for i in range(1, 20)]
    assert body[0].text.startswith("WASHINGTON — The Kremlin on Tuesday refuted")
    assert (
        body[-1].text == "The White House did not respond to an inquiry from The Post on Tuesday."
    )
    assert not any(p.text.endswith(("REUTERS", " AP")) for p in body)


def test_offsets_are_exact(seed: object) -> None:
    from quizgame.article.passages import Article

    assert isinstance(seed, Article)
    for p in seed.passages:
        assert seed.text[p.start : p.end] == p.text
        for s in p.sentences:
            assert seed.text[s.start : s.end] == s.text
            assert p.start <= s.start < s.end <= p.end


def test_quotes_kept_intact_in_sentences(seed: object) -> None:
    from quizgame.article.passages import Article

    assert isinstance(seed, Article)
    p7 = seed.passage("p7")
    assert p7 is not None
    # "Yeah, he will accept that. I've asked him that question," must not be split at the inner full stop.
    assert len(p7.sentences) == 1
    p8 = seed.passage("p8")
    assert p8 is not None
    assert [s.text[:12] for s in p8.sentences] == ["“Look, if we", "“But I’ve sp"]
    assert seed.sentence("p8.s2") == p8.sentences[1]


@pytest.mark.parametrize(
    "raw",
    [
        b"Headline\r\n\r\nFirst para.\r\n\r\n\r\nSecond para.   \r\n",
        b"\xef\xbb\xbfHeadline\n\nFirst para.\n\n\n\nSecond para.\n",
        "Headline\n   \n\tFirst para.\n\n\u00a0\nSecond para.".encode(),
    ],
    ids=["crlf", "bom", "blank-runs"],
)
def test_line_endings_bom_and_blank_runs(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(raw)
    art = read_article(path)
    assert [p.kind for p in art.passages] == [Kind.HEADLINE, Kind.BODY, Kind.BODY]
    assert [p.text for p in art.body] == ["First para.", "Second para."]
    assert art.headline == "Headline"
    for p in art.passages:
        assert art.text[p.start : p.end] == p.text


def test_classifies_legend_byline_dateline_boilerplate_pull_quote() -> None:
    text = (
        "Big storm hits coast\n\n"
        "By Jane Doe and John Roe\n\n"
        "March 3, 2025\n\n"
        "The storm arrived on Monday. It was big.\n\n"
        "██ Flooded areas\n\n"
        "— “We lost everything”\n\n"
        "Residents were evacuated, officials said.\n\n"
        "Photo: a flooded street in Miami.\n\n"
        "Share this article\n\n"
        "Subscribe to our newsletter"
    )
    art = parse_article(text)
    assert [(p.id, p.kind.value) for p in art.passages] == [
        ("h1", "headline"),
        ("b1", "byline"),
        ("d1", "dateline"),
        ("p1", "body"),
        ("g1", "legend"),
        ("c1", "caption"),
        ("p2", "body"),
        ("c2", "caption"),
        ("f1", "boilerplate"),
        ("f2", "boilerplate"),
    ]


def test_lines_without_blank_separator_split_when_each_is_a_paragraph() -> None:
    art = parse_article(
        "Title\n\nOne full sentence.\nAnother one here.\n\nhard wrapped\nline continues."
    )
    assert [p.text for p in art.body] == [
        "One full sentence.",
        "Another one here.",
        "hard wrapped\nline continues.",
    ]


def test_sentences_respect_abbreviations_and_initials() -> None:
    text = "Mr. Smith met U.S. officials. J. Doe said “Stop. Now.” Then he left! Did he? Yes."
    spans = split_sentences(text, 0, len(text))
    assert [text[s:e] for s, e in spans] == [
        "Mr. Smith met U.S. officials.",
        "J. Doe said “Stop. Now.”",
        "Then he left!",
        "Did he?",
        "Yes.",
    ]


def test_every_development_article_has_body(tmp_path: Path) -> None:
    folder = Path(__file__).parent.parent / "data" / "articles"
    files = sorted(folder.glob("*.txt"))
    assert len(files) == 6
    for f in files:
        art = read_article(f)
        assert art.passages[0].kind is Kind.HEADLINE
        assert len(art.body) >= 5, f.name
        assert all(p.kind is not Kind.CAPTION for p in art.body)


def test_empty_article_has_no_passages() -> None:
    art = parse_article("")
    assert art.passages == ()
    assert art.body == ()


def test_refuses_binary_and_bad_utf8(tmp_path: Path) -> None:
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(ArticleError, match="binary"):
        read_article(binary)
    latin = tmp_path / "l.txt"
    latin.write_bytes("Caf\u00e9 news".encode("latin-1"))
    with pytest.raises(ArticleError, match="UTF-8"):
        read_article(latin)
    with pytest.raises(ArticleError, match="not found"):
        read_article(tmp_path / "missing.txt")


def test_cli_article_json(capsys: pytest.CaptureFixture[str]) -> None:
    from quizgame.cli import main

    assert main(["article", str(SEED_ARTICLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    passages = data["passages"]
    assert {"id", "kind", "text", "start", "end"} <= set(passages[0])
    for p in passages:
        assert text[p["start"] : p["end"]] == p["text"]
    assert [p["id"] for p in passages if p["kind"] == "caption"] == ["c1", "c2", "c3"]


def test_cli_article_text_lists_ids(capsys: pytest.CaptureFixture[str]) -> None:
    from quizgame.cli import main

    assert main(["article", str(SEED_ARTICLE)]) == 0
    out = capsys.readouterr().out
    assert "  p1 body" in out and "  c1 caption" in out and "  f1 boilerplate" in out


def test_cli_article_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from quizgame.cli import main

    assert main(["article", str(tmp_path / "nope.txt")]) == 2
    assert "not found" in capsys.readouterr().err


def test_markdown_article() -> None:
    text = (
        "# Storm hits the coast\n\n"
        "*By Jane Doe* | March 3, 2025\n\n"
        "The storm arrived on **Monday**, officials said.\n\n"
        "![A flooded street in Miami](flood.jpg)\n\n"
        "## What happens next\n\n"
        '"We will rebuild," the mayor said.\n'
    )
    art = parse_article(text)
    assert [(p.id, p.kind.value) for p in art.passages] == [
        ("h1", "headline"),
        ("b1", "byline"),
        ("p1", "body"),
        ("c1", "caption"),
        ("s1", "subheading"),
        ("p2", "body"),
    ]
    assert art.body[0].text == "The storm arrived on **Monday**, officials said."
