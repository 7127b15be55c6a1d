"""export → import gives back the same questions, for every type both formats share.

Each case is a one-question bank written the way a teacher would, with feedback, points, tags and
evidence (quote and passage), so anything the round trip loses shows up as a difference.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from quizgame.bank.loader import load_bank
from tests.interop.helpers import run_cli, with_article

CASES: dict[str, str] = {
    "choice": """
      - id: kremlin-refutes
        type: choice
        prompt: "Who refuted the claim? (Hint: {braces}, ~tilde, = and # are escaped)"
        choices:
          - text: The White House
            feedback: "It \\"did not respond\\" — see p19."
          - The Kremlin
          - "Interfax: a media site"
        answer: The Kremlin
        explanation: "The first paragraph says so.\\nSecond line of the explanation."
        evidence:
          - quote: The Kremlin on Tuesday refuted President Trump's claim
            passage: p1
        points: 2
        tags: [main idea, attribution]
""",
    "multi": """
      - id: us-russia-agreed
        type: multi
        prompt: What have the US and Russia agreed to? Select all that apply.
        choices:
          - Sending joint peacekeepers to Ukraine
          - Warming relations through diplomatic talks
          - text: Closing each other's embassies
            feedback: They may reinstall them.
          - Pursuing economic relations once a deal is negotiated
        answers:
          - Warming relations through diplomatic talks
          - Pursuing economic relations once a deal is negotiated
        explanation: Both agreed to warmer relations and to economic ties.
        evidence:
          - quote: The US and Russia both agreed to warming relations through diplomatic talks
            passage: p15
          - quote: The two countries also have agreed to pursue economic relations once a deal is negotiated.
            passage: p16
""",
    "truefalse": """
      - id: flag-changes-nothing
        type: truefalse
        prompt: "True or false: the EU flag would make the troops acceptable to Russia."
        answer: false
        feedback_true: Read Lavrov's quote again.
        feedback_false: "Right: the flag \\"does not change anything\\"."
        explanation: Lavrov said the flag does not change anything.
        evidence:
          - quote: under the flag of the European Union or under national flags, does not change anything in this regard
            passage: p4
        tags: [close reading]
""",
    "short": """
      - id: interfax
        type: short
        prompt: Which Russian media site reported Peskov's words?
        answer: Interfax
        accept: [the Russian media site Interfax, Interfax news]
        explanation: The quote is reported "according to the Russian media site Interfax".
        evidence:
          - quote: according to the Russian media site Interfax
            passage: p13
        points: 0.5
""",
    "match": """
      - id: who-said-what
        type: match
        prompt: Match each quote to the person who said it.
        pairs:
          - left: "“Yeah, he will accept that.”"
            right: Donald Trump
          - left: "“This is, of course, unacceptable to us.”"
            right: Sergey Lavrov
          - left: "“The Americans need rare earth metals.”"
            right: Dmitry Peskov
        distractors: [Vladimir Putin, Emmanuel Macron]
        explanation: Trump, Lavrov and Peskov said these.
        evidence:
          - quote: "Yeah, he will accept that."
            passage: p7
          - quote: The Americans need rare earth metals.
            passage: p18
""",
    "evidence": """
      - id: rare-earths
        type: evidence
        prompt: "Part A: What does Peskov suggest about rare earth metals?"
        choices:
          - Russia will refuse to sell them
          - Russia has plenty of them, which could open up cooperation with the US
        answer: Russia has plenty of them, which could open up cooperation with the US
        part_b:
          prompt: "Part B: Which quote best supports your answer?"
          choices:
            - Much has suffered, much has been destroyed
            - We have plenty of them, and we have our own plans for developing strategic resources
          answer: We have plenty of them, and we have our own plans for developing strategic resources
        explanation: Peskov said Russia has "plenty of them".
        evidence:
          - quote: This opens up quite broad prospects for cooperation.
            passage: p18
        tags: [inference]
""",
    "evidence-2-points": """
      - id: rare-earths
        type: evidence
        prompt: "Part A: What does Peskov suggest about rare earth metals?"
        choices:
          - Russia will refuse to sell them
          - Russia has plenty of them
        answer: Russia has plenty of them
        part_b:
          choices:
            - Much has suffered, much has been destroyed
            - We have plenty of them
          answer: We have plenty of them
        explanation: Peskov said Russia has "plenty of them".
        evidence:
          - quote: We have plenty of them
            passage: p18
        points: 2
""",
    "numeric": """
      - id: days
        type: numeric
        prompt: How many days after Trump's claim did the Kremlin refute it?
        answer: 1
        tolerance: 0.5
        unit: day
        explanation: Monday, then Tuesday.
        evidence:
          - quote: The Kremlin on Tuesday refuted President Trump's claim
            passage: p1
        points: 2
        tags: [time]
""",
    "order": """
      - id: events
        type: order
        prompt: Put these in the order they happened.
        items:
          - Lavrov meets Trump's delegation in Saudi Arabia
          - 'Trump says Putin has "no problem" with peacekeepers'
          - The Kremlin refutes Trump's claim
        explanation: Last week, Monday, Tuesday.
        evidence:
          - quote: The Kremlin on Tuesday refuted President Trump's claim
            passage: p1
""",
    "cloze": """
      - id: trust
        type: cloze
        prompt: Fill in Peskov's words.
        text: In order to say that we [[trust]] the Americans, we have to go a long [[way]]
        gaps:
          - distractors: [fear, "help {us} ~ #1"]
          - accept: [long way]
        explanation: He said it is a long way.
        tags: [attribution]
""",
    "moodle-extras": """
      - id: media-site
        type: short
        prompt: Which Russian media site reported Peskov's words?
        answer: Interfax
        accept: ["*Interfax*"]
        case_sensitive: true
        hint: 'Look for "according to" in p13.'
        feedback_correct: Well found.
        feedback_wrong: "Not quite.\nRead p13 again."
        explanation: It is named in p13.
        evidence:
          - quote: according to the Russian media site Interfax
            passage: p13
""",
}

GIFT_HAS_NO = {"order", "cloze"}


def _bank(tmp_path: Path, qtype: str) -> Path:
    with_article(tmp_path)
    path = tmp_path / "bank.yaml"
    body = "title: Round trip\narticle: article.txt\nquestions:\n" + textwrap.indent(
        textwrap.dedent(CASES[qtype]).strip("\n"), "  "
    )
    path.write_text(body + "\n", encoding="utf-8")
    result = load_bank(path)
    assert result.ok, [d.format() for d in result.diagnostics]
    return path


def _questions(path: Path) -> list[dict[str, Any]]:
    result = load_bank(path)
    assert result.loaded is not None, [d.format() for d in result.diagnostics]
    return [q.model_dump() for q in result.loaded.bank.questions]


@pytest.mark.parametrize("fmt", ["gift", "moodle-xml"])
@pytest.mark.parametrize("qtype", list(CASES))
def test_export_then_import_gives_back_the_same_questions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qtype: str, fmt: str
) -> None:
    if fmt == "gift" and qtype in GIFT_HAS_NO:
        pytest.skip("GIFT has no such type (test_gift_says_what_it_cannot_carry)")
    bank = _bank(tmp_path, qtype)
    exported = tmp_path / ("out.gift" if fmt == "gift" else "out.xml")
    code, _, err = run_cli(capsys, "export", str(bank), "--to", fmt, "-o", str(exported))
    assert code == 0, err
    if qtype == "evidence":  # the split is announced, with the bank's line of the question
        assert "bank.yaml:4: warning: evidence question 'rare-earths' exported as two" in err
    back = tmp_path / "back.yaml"
    code, _, err = run_cli(
        capsys, "import", str(exported), "--article", str(tmp_path / "article.txt"), "-o", str(back)
    )
    assert code == 0, err
    assert _questions(back) == _questions(bank)
    assert "Round trip" in back.read_text(encoding="utf-8")


def test_the_bundled_bank_survives_both_round_trips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import BUNDLED_BANK, SEED_ARTICLE

    original = _questions(BUNDLED_BANK)
    from quizgame.game.kinds import KINDS

    assert {q["type"] for q in original} == {k.name for k in KINDS}
    for fmt, name in (("gift", "k.gift"), ("moodle-xml", "k.xml")):
        out = tmp_path / name
        assert run_cli(capsys, "export", str(BUNDLED_BANK), "--to", fmt, "-o", str(out))[0] == 0
        back = tmp_path / f"{name}.yaml"
        code, _, err = run_cli(
            capsys, "import", str(out), "--article", str(SEED_ARTICLE), "-o", str(back)
        )
        assert code == 0, err
        kept = [q for q in original if fmt != "gift" or q["type"] not in GIFT_HAS_NO]
        assert _questions(back) == kept, fmt


@pytest.mark.parametrize("qtype", sorted(GIFT_HAS_NO))
def test_gift_says_what_it_cannot_carry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qtype: str
) -> None:
    bank = _bank(tmp_path, qtype)
    out = tmp_path / "out.gift"
    code, _, err = run_cli(capsys, "export", str(bank), "--to", "gift", "-o", str(out))
    assert code == 0
    assert f"bank.yaml:4: warning: skipped {qtype} question" in err
    assert "export to Moodle XML to keep it" in err
    assert "::" not in out.read_text(encoding="utf-8")


def test_retry_credit_travels_as_moodle_penalty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = _bank(tmp_path, "numeric")
    text = bank.read_text(encoding="utf-8").replace(
        "questions:", "settings:\n  retry_credit: 0.25\nquestions:"
    )
    bank.write_text(text, encoding="utf-8")
    out = tmp_path / "out.xml"
    assert run_cli(capsys, "export", str(bank), "--to", "moodle-xml", "-o", str(out))[0] == 0
    assert "<penalty>0.7500000</penalty>" in out.read_text(encoding="utf-8")
    back = tmp_path / "back.yaml"
    code, _, err = run_cli(
        capsys, "import", str(out), "--article", str(tmp_path / "article.txt"), "-o", str(back)
    )
    assert code == 0, err
    loaded = load_bank(back).loaded
    assert loaded is not None and loaded.bank.settings.retry_credit == 0.25
    code, _, err = run_cli(
        capsys, "export", str(bank), "--to", "gift", "-o", str(tmp_path / "o.gift")
    )
    assert code == 0 and "GIFT has no penalty" in err and "keeps 0.25" in err


def test_gift_export_refuses_arrows_in_short_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """GIFT cannot escape `->`: the file would read back as a matching question, so no file."""
    with_article(tmp_path)
    bank = tmp_path / "arrow.yaml"
    bank.write_text(
        "title: Arrows\narticle: article.txt\nquestions:\n"
        "  - id: arrow\n    type: short\n    prompt: Which way?\n    answer: Moscow -> Kyiv\n"
        "    explanation: x\n    evidence: The Kremlin on Tuesday refuted\n",
        encoding="utf-8",
    )
    code, _, err = run_cli(
        capsys, "export", str(bank), "--to", "gift", "-o", str(tmp_path / "a.gift")
    )
    assert code == 1
    assert "arrow.yaml:4: error: question 'arrow': an accepted answer contains '->'" in err
    assert not (tmp_path / "a.gift").exists()
