"""`check`: every kind of mistake is reported at its exact line and column, all in one run."""

from __future__ import annotations

import json
import shutil
import textwrap
import time
from pathlib import Path

import pytest

from quizgame.bank.loader import load_bank
from quizgame.cli import main
from tests.conftest import BUNDLED_BANK, SEED_ARTICLE

HEADER = """\
title: Test bank
article: article.txt
questions:
"""

GOOD_Q = """\
  - id: q1
    type: choice
    prompt: Who refuted Trump's claim?
    choices: [The Kremlin, The White House]
    answer: The Kremlin
    explanation: The first paragraph says so.
    evidence:
      - quote: The Kremlin on Tuesday refuted President Trump's claim
"""


def write_bank(tmp_path: Path, body: str, name: str = "bank.yaml") -> Path:
    shutil.copy(SEED_ARTICLE, tmp_path / "article.txt")
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def problems(path: Path) -> list[tuple[int, int, str, str]]:
    result = load_bank(path)
    return [(d.line, d.col, d.severity.value, d.message) for d in result.diagnostics]


def only(path: Path) -> tuple[int, int, str, str]:
    found = problems(path)
    assert len(found) == 1, found
    return found[0]


def test_bundled_bank_is_clean() -> None:
    result = load_bank(BUNDLED_BANK)
    assert result.diagnostics == []
    assert result.ok and result.loaded is not None
    assert result.question_count >= 15
    types = {q.type for q in result.loaded.bank.questions}
    assert types == {
        "choice",
        "multi",
        "truefalse",
        "short",
        "match",
        "evidence",
        "numeric",
        "order",
        "cloze",
    }


def test_good_bank_is_clean(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q)
    assert problems(path) == []


def test_yaml_syntax_error_position(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path, HEADER + GOOD_Q.replace("prompt: Who refuted", 'prompt: "Who refuted')
    )
    line, _col, sev, msg = only(path)
    assert sev == "error" and msg.startswith("YAML syntax error")
    assert line >= 6  # the unclosed quote opens on line 6


def test_unquoted_colon_in_value(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path, HEADER + GOOD_Q.replace("explanation: The first", "explanation: Note: the first")
    )
    line, col, _, msg = only(path)
    assert (line, col) == (9, 22)
    assert "mapping values are not allowed" in msg


def test_tab_in_indentation(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q.replace("    type: choice", "\ttype: choice"))
    found = problems(path)
    assert found[0][:2] == (5, 1)
    assert found[0][3] == "tab character in indentation"


def test_duplicate_key(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q + "    prompt: Again?\n")
    line, col, _, msg = only(path)
    assert (line, col) == (12, 5)
    assert msg == "duplicate key 'prompt' (first defined on line 6)"


def test_unknown_key_with_suggestion(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q + "    explaination: more\n")
    result = load_bank(path)
    (d,) = result.diagnostics
    assert (d.line, d.col, d.message) == (12, 5, "unknown key 'explaination'")
    assert d.hint == "did you mean 'explanation'?"


def test_unknown_top_level_key(tmp_path: Path) -> None:
    path = write_bank(tmp_path, "titel: x\n" + HEADER + GOOD_Q)
    (d,) = load_bank(path).diagnostics
    assert (d.line, d.col) == (1, 1)
    assert d.hint == "did you mean 'title'?"


def test_unknown_settings_key(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path,
        HEADER.replace("questions:", "settings:\n  shufle_choices: true\nquestions:") + GOOD_Q,
    )
    (d,) = load_bank(path).diagnostics
    assert (d.line, d.col, d.hint) == (4, 3, "did you mean 'shuffle_choices'?")


def test_wrong_type(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q + "    points: lots\n")
    line, col, _, msg = only(path)
    assert (line, col) == (12, 13)
    assert msg == "'points' must be a number, not the text 'lots'"


def test_missing_required_field(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path, HEADER + GOOD_Q.replace("    explanation: The first paragraph says so.\n", "")
    )
    result = load_bank(path)
    (d,) = result.diagnostics
    assert (d.line, d.col, d.message) == (4, 5, "missing required field 'explanation'")
    assert d.hint is not None and "explanation" in d.hint


def test_missing_evidence(tmp_path: Path) -> None:
    body = GOOD_Q.split("    evidence:")[0]
    (d,) = load_bank(write_bank(tmp_path, HEADER + body)).diagnostics
    assert (d.line, d.col, d.message) == (4, 5, "question 'q1' has no evidence yet")
    assert d.hint is not None and "evidence:" in d.hint


def test_unknown_question_type(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q.replace("type: choice", "type: choise"))
    (d,) = load_bank(path).diagnostics
    assert (d.line, d.col, d.message) == (5, 11, "unknown question type 'choise'")
    assert d.hint is not None and d.hint.startswith("did you mean 'choice'?")


def test_duplicate_question_ids(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q + GOOD_Q)
    line, col, _, msg = only(path)
    assert (line, col, msg) == (12, 9, "duplicate question id 'q1'")


def test_answer_not_among_choices(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path, HEADER + GOOD_Q.replace("answer: The Kremlin", "answer: the kremlin")
    )
    result = load_bank(path)
    (d,) = result.diagnostics
    assert (d.line, d.col, d.message) == (8, 13, "answer 'the kremlin' is not among the choices")
    assert d.hint is not None and "did you mean 'The Kremlin'?" in d.hint


MULTI = """\
  - id: m1
    type: multi
    prompt: Which are true?
    choices:
      - The Kremlin refuted Trump
      - Macron refuted Trump
      - The Kremlin refuted Trump
    answers: []
    explanation: p1.
    evidence: The Kremlin on Tuesday refuted
"""


def test_multi_without_right_choice_and_duplicate_choice(tmp_path: Path) -> None:
    found = problems(write_bank(tmp_path, HEADER + MULTI))
    assert found == [
        (10, 9, "error", "duplicate choice 'The Kremlin refuted Trump'"),
        (11, 14, "error", "this `multi` question has no right choice"),
    ]


def test_evidence_not_in_article_has_nearest_hint(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q.replace("refuted President", "denied President"))
    result = load_bank(path)
    (d,) = result.diagnostics
    assert (d.line, d.col, d.message) == (11, 16, "evidence quote not found in the article")
    assert d.hint is not None and d.hint.startswith("closest is p1: “")


def test_evidence_normalises_quotes_dashes_and_space(tmp_path: Path) -> None:
    q = GOOD_Q.replace(
        "quote: The Kremlin on Tuesday refuted President Trump's claim",
        "quote: 'WASHINGTON - The  Kremlin on Tuesday refuted President Trump\u2018s claim'",
    )
    assert problems(write_bank(tmp_path, HEADER + q)) == []


def test_evidence_with_ellipsis_resolves_to_two_spans(tmp_path: Path) -> None:
    q = GOOD_Q.replace(
        "quote: The Kremlin on Tuesday refuted President Trump's claim",
        "quote: The Kremlin on Tuesday refuted ... European peacekeepers",
    )
    result = load_bank(write_bank(tmp_path, HEADER + q))
    assert result.loaded is not None
    (ev,) = result.loaded.evidence["q1"]
    text = result.loaded.article.text
    assert [text[s:e] for s, e in ev.spans] == [
        "The Kremlin on Tuesday refuted",
        "European peacekeepers",
    ]
    assert ev.passage_id == "p1"


def test_evidence_only_in_caption_is_a_warning(tmp_path: Path) -> None:
    q = GOOD_Q.replace(
        "quote: The Kremlin on Tuesday refuted President Trump's claim",
        "quote: he had not spoken with Trump about the Ukrainian war directly",
    )
    result = load_bank(write_bank(tmp_path, HEADER + q))
    (d,) = result.diagnostics
    assert d.severity.value == "warning"
    assert (d.line, d.col) == (11, 16)
    assert "caption (c2)" in d.message
    assert result.ok  # warnings do not stop a bank from playing


def test_evidence_in_wrong_passage(tmp_path: Path) -> None:
    q = GOOD_Q + "        passage: p3\n"
    (d,) = load_bank(write_bank(tmp_path, HEADER + q)).diagnostics
    assert (d.line, d.col, d.message) == (12, 18, "the quote is in p1, not in p3")
    assert d.hint == "change `passage:` to p1"


def test_evidence_passage_that_does_not_exist(tmp_path: Path) -> None:
    q = GOOD_Q + "        passage: p99\n"
    (d,) = load_bank(write_bank(tmp_path, HEADER + q)).diagnostics
    assert d.message == "passage 'p99' does not exist in the article"


def test_missing_article(tmp_path: Path) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(HEADER.replace("article.txt", "nowhere.txt") + GOOD_Q, encoding="utf-8")
    (d,) = load_bank(path).diagnostics
    assert (d.line, d.col) == (2, 10)
    assert d.message == "article 'nowhere.txt': article file not found"


def test_binary_article(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q)
    (tmp_path / "article.txt").write_bytes(b"\x00\x01\x02binary")
    (d,) = load_bank(path).diagnostics
    assert "binary" in d.message


def test_all_errors_reported_sorted_in_one_run(tmp_path: Path) -> None:
    bad = (
        HEADER
        + GOOD_Q.replace("answer: The Kremlin", "answer: Nobody")
        + GOOD_Q.replace("type: choice", "type: choise")
        + MULTI.replace("id: m1", "id: q1")
    )
    found = problems(write_bank(tmp_path, bad))
    assert len(found) >= 4
    assert found == sorted(found, key=lambda f: (f[0], f[1]))
    messages = [f[3] for f in found]
    assert "answer 'Nobody' is not among the choices" in messages
    assert "unknown question type 'choise'" in messages
    assert "duplicate question id 'q1'" in messages


def test_python_tags_are_refused(tmp_path: Path) -> None:
    path = write_bank(
        tmp_path,
        "title: !!python/object/apply:os.system ['echo hi']\n"
        + HEADER[HEADER.index("article") :]
        + GOOD_Q,
    )
    found = problems(path)
    assert (
        1,
        8,
        "error",
        "YAML tag '!!python/object/apply:os.system' is not allowed in a bank",
    ) in found
    assert len(found) == 1  # and no follow-on errors about the title's type


def test_alias_bomb_refused_fast(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.perf_counter()
    found = problems(path)
    assert (
        time.perf_counter() - start < 5
    )  # generous: only guards against hanging, real figure in bench/
    assert any("alias" in f[3] for f in found)


def test_deep_nesting_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    found = problems(path)
    assert any("nesting" in f[3] for f in found)


def test_binary_and_bad_utf8_and_empty_bank(tmp_path: Path) -> None:
    b = tmp_path / "b.yaml"
    b.write_bytes(b"title: x\n\x00\x01")
    assert problems(b)[0][:2] == (2, 1) and "binary" in problems(b)[0][3]
    u = tmp_path / "u.yaml"
    u.write_bytes(b"title: caf\xe9\n")
    assert problems(u) == [(1, 11, "error", "invalid UTF-8 byte 0xe9")]
    e = tmp_path / "e.yaml"
    e.write_text("", encoding="utf-8")
    assert problems(e) == [(1, 1, "error", "the file is empty")]


def test_huge_file_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.write(b"title: x\n# " + b"x" * 11_000_000 + b"\n")
    (found,) = problems(big)
    assert "byte limit" in found[3]


def test_second_document_is_an_error(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q + "---\ntitle: other\n")
    line, _, _, msg = only(path)
    assert line == 12 and "second" in msg


# --- the command ------------------------------------------------------------------------------


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(BUNDLED_BANK)]) == 0
    bad = write_bank(tmp_path, HEADER + GOOD_Q.replace("answer: The Kremlin", "answer: Nobody"))
    assert main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:8:13: error: answer 'Nobody' is not among the choices — " in out
    assert main(["check", str(tmp_path / "missing.yaml")]) == 2
    assert main(["check", str(BUNDLED_BANK), str(tmp_path / "missing.yaml")]) == 2


def test_cli_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert exc.value.code == 2


def test_cli_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write_bank(tmp_path, HEADER + GOOD_Q + "    promt: x\n")
    assert main(["check", "--format", "json", str(bad)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data == [
        {
            "file": str(bad),
            "line": 12,
            "column": 5,
            "severity": "error",
            "code": "unknown-key",
            "message": "unknown key 'promt'",
            "hint": "did you mean 'prompt'?",
        }
    ]


def test_cli_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    q = GOOD_Q.replace(
        "quote: The Kremlin on Tuesday refuted President Trump's claim",
        "quote: he had not spoken with Trump about the Ukrainian war directly",
    )
    path = write_bank(tmp_path, HEADER + q)
    assert main(["check", str(path)]) == 0
    assert main(["check", "--strict", str(path)]) == 1


def test_schema_command_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "quizgame question bank"
    assert {"title", "article", "questions"} <= set(schema["required"])
    assert "ChoiceQuestion" in schema["$defs"]


def test_dedent_helper_sanity() -> None:
    assert textwrap.dedent(GOOD_Q).startswith("- id: q1")


def test_bundled_bank_validates_against_the_json_schema() -> None:
    """Editors must accept what `check` accepts, shorthands included."""
    import jsonschema
    import yaml

    from quizgame.commands.schema import schema_text

    schema = json.loads(schema_text())
    data = yaml.safe_load(BUNDLED_BANK.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    data["questions"][0]["choices"] = ["only one"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_control_character_is_positioned(tmp_path: Path) -> None:
    path = write_bank(tmp_path, HEADER + GOOD_Q.replace("prompt: Who", "prompt: \x07Who"))
    (d,) = load_bank(path).diagnostics
    assert (d.line, d.col, d.message) == (6, 13, "control character U+0007 is not allowed in YAML")
