"""Writing an imported bank: the YAML (through the one bank writer) with a header of what is left to do."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from quizgame.bank.writer import bank_yaml_text

ARTICLE_PLACEHOLDER = "PUT-THE-ARTICLE-FILE-HERE.txt"


def lacks_evidence(q: Mapping[str, Any]) -> bool:
    """No `evidence:` yet (a cloze needs none: its own filled-in text is its evidence)."""
    return "evidence" not in q and q.get("type") != "cloze"


def bank_yaml(
    title: str,
    article: str,
    questions: Sequence[Mapping[str, Any]],
    *,
    source: str,
    output_name: str,
    shuffle_choices: bool | None = None,
    retry_credit: float | None = None,
) -> str:
    """The YAML text of an imported bank, with a header saying what is left to do."""
    bank: dict[str, Any] = {"title": title, "article": article}
    settings: dict[str, Any] = {}
    if shuffle_choices:
        settings["shuffle_choices"] = True
    if retry_credit is not None and retry_credit != 0.5:
        settings["retry_credit"] = retry_credit
    if settings:
        bank["settings"] = settings
    bank["questions"] = list(questions)
    body = bank_yaml_text(bank)
    header = [f"# Imported from {source} by `quizgame import`.", "#"]
    no_evidence = sum(1 for q in questions if lacks_evidence(q))
    no_explanation = sum(1 for q in questions if "explanation" not in q)
    todo: list[str] = []
    if article == ARTICLE_PLACEHOLDER:
        todo.append("#  - `article:` names a placeholder: write the article file's name there.")
    if no_evidence:
        todo.append(
            f"#  - {no_evidence} question{'s have' if no_evidence != 1 else ' has'} no evidence yet: "
            "add `evidence:` with words from the article."
        )
    if no_explanation:
        todo.append(
            f"#  - {no_explanation} question{'s have' if no_explanation != 1 else ' has'} "
            "no explanation yet: add `explanation:`."
        )
    if todo:
        header += ["# Still to do (`quizgame check` lists each one with its line):", *todo, "#"]
    if output_name == "-":  # printed, not saved: there is no file name to give yet
        header.append("# Save it as a .yaml file, then check it with:  quizgame check FILE.yaml")
    else:
        header.append(f"# Check it with:  quizgame check {output_name}")
    return "\n".join(header) + "\n" + body


def needs(questions: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """How many questions still lack evidence and an explanation."""
    return (
        sum(1 for q in questions if lacks_evidence(q)),
        sum(1 for q in questions if "explanation" not in q),
    )
