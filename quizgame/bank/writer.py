"""The one YAML writer for banks: block style, keys in the order authors write them, no anchors.

`quizgame import` writes through it (interop/imported_bank.py); the output reads like a
hand-written bank so a teacher can keep editing it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml


class _BankDumper(yaml.SafeDumper):
    """Block style, lists indented under their key (like hand-written banks), no anchors."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if "\n" in data:
        return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_BankDumper.add_representer(str, _str_representer)

_KEY_ORDER = (
    "id",
    "type",
    "prompt",
    "choices",
    "answer",
    "answers",
    "accept",
    "pairs",
    "distractors",
    "part_b",
    "feedback_true",
    "feedback_false",
    "explanation",
    "evidence",
    "points",
    "tags",
)


def ordered_question(q: Mapping[str, Any]) -> dict[str, Any]:
    """The question's keys in the order authors write them; unknown keys keep their place after."""
    out = {k: q[k] for k in _KEY_ORDER if k in q}
    out.update({k: v for k, v in q.items() if k not in out})
    return out


def bank_yaml_text(bank: Mapping[str, Any]) -> str:
    """A bank (title, article, settings, questions as dicts) as YAML, one blank line between questions."""
    data = dict(bank)
    if "questions" in data:
        data["questions"] = [ordered_question(q) for q in data["questions"]]
    body = yaml.dump(
        data,
        Dumper=_BankDumper,
        sort_keys=False,
        allow_unicode=True,
        width=4096,
        default_flow_style=False,
    )
    return body.replace("\n  - id: ", "\n\n  - id: ").replace("questions:\n\n", "questions:\n", 1)
