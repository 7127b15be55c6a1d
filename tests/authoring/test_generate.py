"""`quizgame generate`: banks that check clean and play, byte-identical per seed, never clobbering."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from quizgame.article.passages import parse_article, read_article
from quizgame.authoring.generate import GenerateError, generate
from quizgame.bank.bundled import bundled_dir
from quizgame.bank.loaded import LoadedBank
from quizgame.bank.loader import load_bank
from quizgame.bank.models import (
    ChoiceQuestion,
    MatchQuestion,
)
from quizgame.cli import main
from quizgame.game.scoring import Outcome
from quizgame.game.session import GameSession
from tests.answers import right_response

SEED_ARTICLE = bundled_dir() / "kremlin-peacekeepers.txt"
ARTICLES = sorted((Path(__file__).parent.parent / "data" / "articles").glob("*.txt"))
ALL = [*ARTICLES, SEED_ARTICLE]


def _copy(article: Path, folder: Path) -> Path:
    target = folder / article.name
    shutil.copyfile(article, target)
    return target


def _generate(article: Path, tmp_path: Path, *extra: str) -> Path:
    src = _copy(article, tmp_path)
    out = tmp_path / "bank.yaml"
    assert main(["generate", str(src), "-o", str(out), *extra]) == 0
    return out


def _loaded(path: Path) -> LoadedBank:
    result = load_bank(path)
    assert result.ok, [d.format() for d in result.diagnostics]
    assert not result.warnings, [d.format() for d in result.warnings]
    assert result.loaded is not None
    return result.loaded


@pytest.mark.parametrize("article", ALL, ids=lambda p: p.stem)
def test_generated_bank_passes_check(article: Path, tmp_path: Path) -> None:
    out = _generate(article, tmp_path)
    loaded = _loaded(out)
    assert len(loaded.bank.questions) >= 1
    assert main(["check", str(out)]) == 0


def test_seed_bank_mixes_types_and_leads_with_the_headline(tmp_path: Path) -> None:
    loaded = _loaded(_generate(SEED_ARTICLE, tmp_path))
    types = {q.type for q in loaded.bank.questions}
    assert {"choice", "truefalse"} <= types and len(types) >= 3, types
    assert 8 <= len(loaded.bank.questions) <= 15
    first = loaded.bank.questions[0]
    assert "refuted" in first.prompt and first.evidence[0].passage == "p1"


@pytest.mark.parametrize("article", ALL, ids=lambda p: p.stem)
def test_generated_bank_plays_to_full_marks(article: Path, tmp_path: Path) -> None:
    loaded = _loaded(_generate(article, tmp_path))
    session = GameSession(loaded, mode="practice", seed=1)
    while (pq := session.current) is not None:
        result = session.submit(right_response(pq))
        assert result.outcome is Outcome.CORRECT, pq.id
        session.next()
    summary = session.summary()
    assert summary.percent == pytest.approx(100.0)


@pytest.mark.parametrize("article", ALL, ids=lambda p: p.stem)
def test_answers_never_appear_in_their_own_prompt(article: Path, tmp_path: Path) -> None:
    loaded = _loaded(_generate(article, tmp_path, "--count", "20"))
    for q in loaded.bank.questions:
        if isinstance(q, ChoiceQuestion):
            assert q.answer.casefold() not in q.prompt.casefold(), q.id
            assert len({c.text.casefold() for c in q.choices}) == len(q.choices)
            surname = q.answer.split()[-1]
            assert surname.casefold() not in q.prompt.casefold(), q.id
        if isinstance(q, MatchQuestion):
            assert not set(q.distractors) & {p.right for p in q.pairs}
        assert q.explanation and any(e.passage for e in q.evidence)
        assert any(p in q.explanation for p in {e.passage for e in q.evidence if e.passage})


def test_distractors_are_of_the_answer_s_kind(tmp_path: Path) -> None:
    loaded = _loaded(_generate(SEED_ARTICLE, tmp_path, "--count", "30"))
    people = {"Dmitry Peskov", "Sergey Lavrov", "Trump", "Emmanuel Macron", "Vladimir Putin"}
    for q in loaded.bank.questions:
        if isinstance(q, ChoiceQuestion):
            texts = {c.text for c in q.choices}
            if q.answer in people:
                assert texts <= people, (q.id, texts)
            else:
                assert not texts & people, (q.id, texts)


def test_same_article_and_seed_give_identical_bytes(tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        outputs.append(_generate(SEED_ARTICLE, folder, "--seed", "7").read_bytes())
    assert outputs[0] == outputs[1]


def test_another_seed_keeps_ids_of_the_same_questions(tmp_path: Path) -> None:
    article = read_article(SEED_ARTICLE)
    one = generate(article, article_ref="a.txt", seed=1).text
    two = generate(article, article_ref="a.txt", seed=2).text
    assert one != two
    ids_one = {q["id"]: q["prompt"] for q in yaml.safe_load(one)["questions"]}
    ids_two = {q["id"]: q["prompt"] for q in yaml.safe_load(two)["questions"]}
    for qid in ids_one.keys() & ids_two.keys():
        if not qid.startswith("false-"):
            assert ids_one[qid] == ids_two[qid]


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _copy(SEED_ARTICLE, tmp_path)
    out = tmp_path / "bank.yaml"
    out.write_text("my careful edits\n", encoding="utf-8")
    assert main(["generate", str(src), "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "my careful edits\n"
    assert main(["generate", str(src), "-o", str(out), "--force"]) == 0
    assert "# DRAFT generated by `quizgame generate`" in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_header_marks_a_draft_and_paths_are_relative(tmp_path: Path) -> None:
    src = _copy(SEED_ARTICLE, tmp_path)
    (tmp_path / "banks").mkdir()
    out = tmp_path / "banks" / "draft.yaml"
    assert main(["generate", str(src), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert any("DRAFT" in ln for ln in header)
    data = yaml.safe_load(text)
    assert data["article"] == "../kremlin-peacekeepers.txt"
    choice = next(q for q in data["questions"] if q["type"] == "choice")
    assert list(choice) == [
        "id",
        "type",
        "prompt",
        "choices",
        "answer",
        "explanation",
        "evidence",
        "tags",
    ]


def test_schema_line_points_at_a_schema_beside_the_bank(tmp_path: Path) -> None:
    src = _copy(SEED_ARTICLE, tmp_path)
    assert main(["schema", "-o", str(tmp_path / "quizgame-bank.schema.json")]) == 0
    out = tmp_path / "bank.yaml"
    assert main(["generate", str(src), "-o", str(out)]) == 0
    first_line = out.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./quizgame-bank.schema.json"


def test_schema_line_points_at_the_bundled_schema_inside_the_checkout() -> None:
    from quizgame.commands.generate import _schema_ref

    ref = _schema_ref(bundled_dir())
    assert ref == "./quizgame-bank.schema.json"
    assert (bundled_dir() / ref).resolve().is_file()


def test_prints_to_stdout_without_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _copy(SEED_ARTICLE, tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["generate", src.name, "--count", "3"]) == 0
    data = yaml.safe_load(capsys.readouterr().out)
    assert data["article"] == "kremlin-peacekeepers.txt" and len(data["questions"]) == 3


def test_article_without_quotes_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "plain.txt"
    src.write_text("Rain\n\nThe river rose by two metres overnight.\n", encoding="utf-8")
    out = tmp_path / "bank.yaml"
    assert main(["generate", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "no quotes" in err and "Traceback" not in err
    assert not out.exists()


def test_missing_article_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", str(tmp_path / "nope.txt")]) == 2
    assert "not found" in capsys.readouterr().err


def test_one_speaker_skips_types_gracefully(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "one.txt"
    src.write_text(
        "Storm\n\n“The storm will pass by Friday,” forecaster Mia Holt said.\n", encoding="utf-8"
    )
    out = tmp_path / "bank.yaml"
    assert main(["generate", str(src), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "no match question" in err and "made 1 question" in err
    loaded = _loaded(out)
    assert [q.type for q in loaded.bank.questions] == ["truefalse"]


def test_generate_error_for_empty_article() -> None:
    with pytest.raises(GenerateError):
        generate(parse_article(""), article_ref="x.txt")


@pytest.mark.parametrize("count", ["0", "101", "many"])
def test_bad_count_is_refused(count: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["generate", str(SEED_ARTICLE), "--count", count])
    assert exc.value.code == 2
    assert "--count" in capsys.readouterr().err


def test_why_not_clauses_never_reuse_a_noun_cue_as_a_verb(tmp_path: Path) -> None:
    """ "Trump's claim that …" gives the cue "claim": "Trump claim something else" is not English."""
    import re

    loaded = _loaded(_generate(SEED_ARTICLE, tmp_path))
    explanations = " ".join(q.explanation for q in loaded.bank.questions)
    assert "Trump is credited in p1 with something else" in explanations
    for m in re.finditer(r"(\w+) something else", explanations):
        assert m.group(1) in {"on", "for", "with"}, m.group(0)
