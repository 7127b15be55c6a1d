"""Moving banks to and from Moodle (GIFT and Moodle XML) without losing what quizgame adds.

Importers turn a foreign file into plain question dicts in the bank format (ready to write as YAML),
plus one note, with its source line, for everything they could not carry over: a teacher must be
able to see what was left behind. Exporters do the reverse from a checked bank.

Evidence has no place in either format, so it travels in each question's general feedback, after
the explanation, one line per quote: `Evidence (p4): "the words"`. Moodle shows that to students
after they answer (which is what quizgame does too), and the importer reads it back.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from quizgame.article.evidence import locate
from quizgame.article.passages import Article, Kind
from quizgame.text.normalise import normalise_text

FORMATS = ("gift", "moodle-xml")

QuestionDict = dict[str, Any]


class InteropError(Exception):
    """The file cannot be imported at all; `line` says where (0 when the whole file is at fault)."""

    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True, slots=True)
class Note:
    """Something that did not make it across, said in one line with the source line number."""

    line: int
    message: str

    def format(self, file: str) -> str:
        from quizgame.text.safe import one_line  # names from the file may hold escapes

        return f"{one_line(file)}:{self.line}: warning: {one_line(self.message)}"


@dataclass
class Imported:
    """An imported file: bank-format question dicts (no evidence unless the file carried it)."""

    questions: list[QuestionDict] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    title: str | None = None
    shuffle_choices: bool | None = None


@dataclass
class Exported:
    text: str
    notes: list[Note] = field(default_factory=list)
    count: int = 0


# --- evidence in general feedback ----------------------------------------------------------------

_MARKER = re.compile(r"(?:^|(?<=\s))Evidence(?: \((p[1-9][0-9]*)\))?: [\"“]")


def feedback_text(explanation: str, evidence: Iterable[tuple[str, str | None]]) -> str:
    """The explanation followed by one `Evidence (pN): "quote"` line per quote."""
    lines = [explanation.strip()]
    for quote, passage in evidence:
        label = f"Evidence ({passage})" if passage else "Evidence"
        lines.append(f'{label}: "{quote.strip()}"')
    return "\n".join(line for line in lines if line)


def split_feedback(text: str) -> tuple[str, list[dict[str, str]]]:
    """Undo `feedback_text`: the explanation and the evidence items found after it.

    A quote runs to the next marker or the end, so quotes may themselves contain quotation marks.
    """
    matches = list(_MARKER.finditer(text))
    if not matches:
        return text.strip(), []
    evidence: list[dict[str, str]] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        quote = text[m.end() : end].strip()
        if quote[-1:] in ('"', "”"):
            quote = quote[:-1].rstrip()
        if not quote:
            continue
        item = {"quote": quote}
        if m.group(1):
            item["passage"] = m.group(1)
        evidence.append(item)
    return text[: matches[0].start()].strip(), evidence


# --- text helpers --------------------------------------------------------------------------------

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.images = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "img":
            self.images += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, int]:
    """Plain text from Moodle's HTML (paragraphs become lines), and how many images it had."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line), parser.images


def text_to_html(text: str) -> str:
    """Our plain text as Moodle HTML: one escaped paragraph per line."""
    return "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in text.split("\n"))


_ID_OK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def slugify(text: str, fallback: str) -> str:
    """A question id from a Moodle name; names that already are valid ids stay as they are."""
    text = text.strip()
    if _ID_OK.match(text) and len(text) <= 80:
        return text
    spaced = re.sub(r"[\W_]+", " ", text)  # dashes and punctuation separate words
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > 50:
        slug = slug[:50].rsplit("-", 1)[0] or slug[:50]
    return slug or fallback


def unique_ids(ids: Sequence[str]) -> list[str]:
    """Make ids unique by adding -2, -3, … to repeats."""
    used: set[str] = set()
    next_suffix: dict[str, int] = {}  # per id, the suffix to try next: 40,000 repeats of one
    out: list[str] = []  # id used to try -2, -3, … from the start each time (quadratic)
    for qid in ids:
        new, n = qid, next_suffix.get(qid, 2)
        if new in used:
            new = f"{qid}-{n}"
            while new in used:
                n += 1
                new = f"{qid}-{n}"
            next_suffix[qid] = n + 1
        used.add(new)
        out.append(new)
    return out


def shorten(text: str, width: int = 40) -> str:
    one = " ".join(text.split())
    return one if len(one) <= width else one[: width - 1] + "…"


Weighted = tuple[float, str, str | None]  # (percent of the marks, choice text, feedback)


def weighted_choice_question(
    parsed: Sequence[Weighted], *, single: bool, label: str, note: Callable[[str], None]
) -> QuestionDict | None:
    """A `choice` or `multi` question from Moodle-style weighted answers (GIFT and XML alike).

    quizgame has no per-choice weights, so what cannot be kept is said through `note`, one line
    each: the best-weighted answer is the right one of a single-answer question, and every
    positively weighted answer is a right one of a multiple-answer question, each an equal share.
    """
    if len(parsed) < 2:
        note(f"skipped question '{label}' — a choice question needs two answers")
        return None
    choices: list[Any] = [{"text": t, "feedback": f} if f else t for _, t, f in parsed]
    if single:
        best = max(w for w, _, _ in parsed)
        if best <= 0:
            note(f"skipped question '{label}' — no answer earns any marks")
            return None
        right = [t for w, t, _ in parsed if w == best]
        if best < 100:
            note(f"'{label}': no answer earns 100%; quizgame takes the best one as right")
        for w, t, _ in parsed:
            if 0 < w < best:
                note(
                    f"'{label}': partial credit ({w:g}%) for '{shorten(t)}' is not kept — "
                    "quizgame counts only the right answer"
                )
        if len(right) > 1:
            note(
                f"'{label}': {len(right)} answers are marked right; quizgame kept the "
                f"first, '{shorten(right[0])}'"
            )
        return {"type": "choice", "choices": choices, "answer": right[0]}
    positive = [(w, t) for w, t, _ in parsed if w > 0]
    if not positive:
        note(f"skipped question '{label}' — no answer earns any marks")
        return None
    if len({round(w, 3) for w, _ in positive}) > 1:
        note(
            f"'{label}': answer weights are not kept — quizgame gives each right choice an equal share"
        )
    return {"type": "multi", "choices": choices, "answers": [t for _, t in positive]}


def weighted_short_question(
    parsed: Sequence[Weighted], *, label: str, note: Callable[[str], None]
) -> QuestionDict | None:
    """A `short` question from weighted accepted answers (GIFT and XML alike): fully right answers
    are kept, partly right ones and per-answer feedback are left out with a note each."""
    accepted: list[str] = []
    for weight, text, _ in parsed:
        if weight >= 100:
            accepted.append(text)
        elif weight > 0:
            note(
                f"'{label}': left out answer '{shorten(text)}' ({weight:g}% credit) — "
                "quizgame accepts only fully right answers"
            )
    if any(feedback for _, _, feedback in parsed):
        note(f"'{label}': feedback on short answers is not kept — use the explanation")
    if not accepted:
        note(f"skipped short-answer question '{label}' — it has no right answer")
        return None
    q: QuestionDict = {"type": "short", "answer": accepted[0]}
    if len(accepted) > 1:
        q["accept"] = accepted[1:]
    return q


def name_of(question: Mapping[str, Any]) -> str:
    return str(question.get("id") or shorten(str(question.get("prompt", ""))))


# --- matching evidence in an article -------------------------------------------------------------

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
    qtype = q.get("type")
    if qtype == "choice":
        return [str(q.get("answer", ""))]
    if qtype == "multi":
        return [str(a) for a in q.get("answers", [])]
    if qtype == "short":
        return [str(q.get("answer", "")), *(str(a) for a in q.get("accept", []))]
    if qtype == "match":
        return [str(p.get("left", "")) for p in q.get("pairs", [])]
    return []


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


# --- writing a bank ------------------------------------------------------------------------------


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


def _ordered(q: Mapping[str, Any]) -> dict[str, Any]:
    out = {k: q[k] for k in _KEY_ORDER if k in q}
    out.update({k: v for k, v in q.items() if k not in out})
    return out


ARTICLE_PLACEHOLDER = "PUT-THE-ARTICLE-FILE-HERE.txt"


def bank_yaml(
    title: str,
    article: str,
    questions: Sequence[Mapping[str, Any]],
    *,
    source: str,
    output_name: str,
    shuffle_choices: bool | None = None,
) -> str:
    """The YAML text of an imported bank, with a header saying what is left to do."""
    bank: dict[str, Any] = {"title": title, "article": article}
    if shuffle_choices:
        bank["settings"] = {"shuffle_choices": True}
    bank["questions"] = [_ordered(q) for q in questions]
    body = yaml.dump(
        bank,
        Dumper=_BankDumper,
        sort_keys=False,
        allow_unicode=True,
        width=4096,
        default_flow_style=False,
    )
    body = body.replace("\n  - id: ", "\n\n  - id: ").replace("questions:\n\n", "questions:\n", 1)
    header = [f"# Imported from {source} by `quizgame import`.", "#"]
    no_evidence = sum(1 for q in questions if "evidence" not in q)
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
    header.append(f"# Check it with:  quizgame check {output_name}")
    return "\n".join(header) + "\n" + body


def needs(questions: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """How many questions still lack evidence and an explanation."""
    return (
        sum(1 for q in questions if "evidence" not in q),
        sum(1 for q in questions if "explanation" not in q),
    )


def question_lines(path: Path, count: int) -> list[int]:
    """The line where each question of a bank file starts (1 where it cannot be told)."""
    from quizgame.bank.yamlnodes import MAX_BANK_BYTES, parse
    from quizgame.text.reading import ReadRefused, read_limited

    try:
        text = read_limited(path, MAX_BANK_BYTES, what="bank").decode("utf-8-sig")
    except (ReadRefused, UnicodeDecodeError):
        return [1] * count
    root = parse(text, str(path)).root
    node = root.get("questions") if root is not None and root.kind == "map" else None
    lines = [item.line for item in node.items] if node is not None and node.kind == "seq" else []
    return (lines + [1] * count)[:count]


# --- what travels: evidence questions become two linked choice questions ---------------------------

PART_A, PART_B = "-part-a", "-part-b"


@dataclass(frozen=True)
class Portable:
    """One question as the exporters see it: a model of a shared type plus its evidence."""

    line: int
    question: (
        Any  # ChoiceQuestion | MultiQuestion | TrueFalseQuestion | ShortQuestion | MatchQuestion
    )
    evidence: tuple[tuple[str, str | None], ...]


def portable_questions(
    loaded: Any, lines: Sequence[int], fmt_name: str
) -> tuple[list[Portable], list[Note]]:
    """The bank's questions in exportable form; an `evidence` question becomes `ID-part-a` and
    `ID-part-b` (the importer joins them again), with one note saying so."""
    from quizgame.bank.models import ChoiceQuestion, Evidence, EvidenceQuestion

    out: list[Portable] = []
    notes: list[Note] = []
    for q, line in zip(loaded.bank.questions, lines, strict=False):
        resolved = loaded.evidence.get(q.id, ())
        pairs = tuple(
            (ev.quote, ev.passage or (resolved[i].passage_id if i < len(resolved) else None))
            for i, ev in enumerate(q.evidence)
        )
        if not isinstance(q, EvidenceQuestion):
            out.append(Portable(line, q, pairs))
            continue
        half = q.points / 2
        part_a = ChoiceQuestion.model_construct(
            type="choice",
            id=q.id + PART_A,
            prompt=q.prompt,
            choices=q.choices,
            answer=q.answer,
            explanation=q.explanation,
            evidence=q.evidence,
            points=half,
            tags=q.tags,
        )
        b_hit = loaded.part_b.get(q.id, {}).get(q.part_b.answer)
        b_passage = b_hit.passage_id if b_hit is not None else None
        part_b = ChoiceQuestion.model_construct(
            type="choice",
            id=q.id + PART_B,
            prompt=q.part_b.prompt,
            choices=q.part_b.choices,
            answer=q.part_b.answer,
            explanation=q.explanation,
            evidence=[Evidence(quote=q.part_b.answer, passage=b_passage)],
            points=half,
            tags=q.tags,
        )
        out.append(Portable(line, part_a, pairs))
        out.append(Portable(line, part_b, ((q.part_b.answer, b_passage),)))
        notes.append(
            Note(
                line,
                f"evidence question '{q.id}' exported as two choice questions "
                f"'{part_a.id}' and '{part_b.id}' — {fmt_name} has no two-part type "
                "(`quizgame import` joins them again)",
            )
        )
    return out, notes


def rejoin_parts(imported: Imported) -> None:
    """Join `ID-part-a` + `ID-part-b` choice questions (as exported) back into one evidence question."""
    qs, lines = imported.questions, imported.lines
    out_q: list[QuestionDict] = []
    out_l: list[int] = []
    i = 0
    while i < len(qs):
        a = qs[i]
        b = qs[i + 1] if i + 1 < len(qs) else None
        aid = str(a.get("id", ""))
        if (
            b is not None
            and aid.endswith(PART_A)
            and b.get("id") == aid[: -len(PART_A)] + PART_B
            and a.get("type") == b.get("type") == "choice"
        ):
            merged: QuestionDict = {
                "id": aid[: -len(PART_A)],
                "type": "evidence",
                "prompt": a["prompt"],
                "choices": a["choices"],
                "answer": a["answer"],
                "part_b": {
                    "prompt": b["prompt"],
                    "choices": b["choices"],
                    "answer": b["answer"],
                },
            }
            for key in ("explanation", "evidence", "tags"):
                if key in a:
                    merged[key] = a[key]
            if "points" in a or "points" in b:
                merged["points"] = float(a.get("points", 1)) + float(b.get("points", 1))
            out_q.append(merged)
            out_l.append(lines[i])
            i += 2
            continue
        out_q.append(a)
        out_l.append(lines[i])
        i += 1
    imported.questions, imported.lines = out_q, out_l


def finish_ids(imported: Imported) -> None:
    ids = unique_ids([str(q["id"]) for q in imported.questions])
    for q, qid in zip(imported.questions, ids, strict=True):
        q["id"] = qid


def points_value(points: float) -> float | int:
    """Points as YAML shows them best: 2 rather than 2.0."""
    return int(points) if float(points).is_integer() else round(points, 4)
