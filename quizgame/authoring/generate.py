"""Draft a question bank from an article's attributions, for a teacher to edit.

Every question is built from an `Attribution`, so its answer is a speaker the article really names
and its evidence is the exact sentence (plus, for `he` or `the diplomat`, the sentence naming the
person) that proves it. Each evidence quote is resolved with `quizgame.article.evidence.locate` before it
is written, so a generated bank passes `quizgame check`. Choices come from the other speakers of the
same kind — people for people, organisations for organisations — so wrong answers stay plausible.

The output is YAML written by hand (not a dumper) so key order, comments and quoting stay friendly
to edit, and the same article and seed always give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from quizgame.article.evidence import locate
from quizgame.article.passages import Article
from quizgame.authoring.attribution import Attribution, Attributions, extract
from quizgame.authoring.speakers import COUNTRIES, MULTI_COUNTRIES, SpeakerKind

DEFAULT_COUNT = 10
MAX_COUNT = 100
_QUOTE_WORDS = 22  # longer quotes are shortened with … in prompts and match items
_MATCH_WORDS = 12


class GenerateError(Exception):
    """The article cannot give a draft bank; the message says why in a teacher's words."""


@dataclass
class Draft:
    text: str
    questions: int
    types: dict[str, int]
    notes: list[str] = field(default_factory=list)


# --- small text helpers -----------------------------------------------------------------------------


def _clean(text: str) -> str:
    return " ".join(text.split())


def _words(text: str) -> list[str]:
    return text.split()


def _fragment(content: str, max_words: int) -> tuple[str, bool]:
    """The quote's first sentence, cut to `max_words`; an exact substring, plus whether it was cut."""
    content = _clean(content)
    m = None
    for m in re.finditer(r"[.!?](?=\s+[A-Z“\"])", content):
        if len(content[: m.end()].split()) >= 6:
            break  # a first sentence of a few words (`Yes.`) says too little on its own
    else:
        m = None
    first = content[: m.end()] if m else content
    words = first.split()
    cut = m is not None
    if len(words) > max_words:
        first = " ".join(words[:max_words]).rstrip(",;:—–")
        cut = True
    return first, cut


def _shown(fragment: str, cut: bool) -> str:
    if not cut:
        return f"“{fragment}”"
    return f"“{fragment} …”" if fragment.endswith((".", "!", "?")) else f"“{fragment}…”"


def _mid(name: str) -> str:
    """A name inside a sentence: `The Kremlin` → `the Kremlin`."""
    return "the " + name[4:] if name.startswith("The ") else name


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:24] or "x"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:6]


_PRONOUN_CLAUSE = re.compile(
    r"^(?:he|she)\s+(had|would|will|could|might|may|must|should|did|was|is|has)\b", re.IGNORECASE
)
_THEY = {"was": "were", "is": "are", "has": "have"}


def _neutral_content(content: str) -> str | None:
    """Reported content for a prompt: `he had not …` → `they had not …`; None if it reads badly."""
    text = _clean(content)
    m = _PRONOUN_CLAUSE.match(text)
    if m:
        aux = m.group(1).lower()
        return "they " + _THEY.get(aux, aux) + text[m.end() :]
    if re.match(r"^(?:he|she)\b", text, re.IGNORECASE):
        return None
    return text


# --- the bank being built ---------------------------------------------------------------------------


@dataclass
class _Ctx:
    article: Article
    found: Attributions
    rng: random.Random
    used: set[int] = field(default_factory=set)  # indexes into items
    ids: set[str] = field(default_factory=set)
    maker: str = ""
    made: set[tuple[str, int]] = field(default_factory=set)

    @property
    def items(self) -> tuple[Attribution, ...]:
        return self.found.items

    def fresh(self, pred: Callable[[Attribution], bool]) -> list[int]:
        """Attributions passing `pred` in a seeded order: unused ones first, then ones another
        question type already asked about (never the same type twice on one attribution)."""
        ok = [i for i, a in enumerate(self.items) if pred(a) and (self.maker, i) not in self.made]
        unused = [i for i in ok if i not in self.used]
        reused = [i for i in ok if i in self.used]
        self.rng.shuffle(unused)
        self.rng.shuffle(reused)
        return unused + reused

    def take(self, i: int) -> None:
        self.used.add(i)
        self.made.add((self.maker, i))

    def unique_id(self, base: str) -> str:
        qid, n = base, 2
        while qid in self.ids:
            qid, n = f"{base}-{n}", n + 1
        self.ids.add(qid)
        return qid

    # names and distractors ----------------------------------------------------------------------

    def names_of(self, speaker: str) -> list[str]:
        entity = self.found.entity(speaker)
        names = [speaker]
        if entity is not None:
            names += [entity.name, *sorted(entity.aliases)]
        for word in speaker.split():
            if len(word) >= 4 and word[0].isupper() and word.lower() not in ("the",):
                names.append(word)
        return names

    def mentions(self, speaker: str, text: str) -> bool:
        return any(
            re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.IGNORECASE)
            for n in self.names_of(speaker)
        )

    def same_kind(self, speaker: str, kind: SpeakerKind, prompt: str) -> list[str]:
        """Other speakers of the kind first, then other people/organisations the article names."""
        places = COUNTRIES | MULTI_COUNTRIES
        is_country = speaker.lower() in places
        speakers = [s for s, k in self.found.speakers().items() if k is kind and s != speaker]
        extra = [
            e.display
            for e in sorted(
                self.found.registry.of_kind(kind), key=lambda e: (-e.mentions, e.first, e.name)
            )
            if e.display not in speakers
        ]
        self.rng.shuffle(speakers)
        out: list[str] = []
        for cand in [*speakers, *extra]:
            low = cand.lower()
            if (
                cand in out
                or low in ("us", "uk", "u.s", "the us")
                or (low in places) != is_country
                or self.mentions(cand, prompt)
                or self._same_entity(cand, speaker)
                or len(cand) < 2
            ):
                continue
            out.append(cand)
        return out

    def _same_entity(self, a: str, b: str) -> bool:
        names_a = {n.casefold() for n in self.names_of(a)}
        return bool(names_a & {n.casefold() for n in self.names_of(b)})

    # evidence ---------------------------------------------------------------------------------

    def proof(self, a: Attribution) -> list[dict[str, str]]:
        """The sentences holding the words and the speaker tag, plus the antecedent's if needed."""
        spans = [(a.start, a.end)]
        if a.tag is not None:
            spans.append(a.tag)
        items = [self._sentences(a.passage_id, min(s for s, _ in spans), max(e for _, e in spans))]
        if a.antecedent is not None and (not a.mention or not self.mentions(a.speaker, a.mention)):
            pid, s, e = a.antecedent
            ante = self._sentences(pid, s, e)
            if ante["quote"] not in items[0]["quote"] and items[0]["quote"] not in ante["quote"]:
                items.insert(0, ante) if s < a.start else items.append(ante)
        return items

    def _sentences(self, pid: str, start: int, end: int) -> dict[str, str]:
        passage = self.article.passage(pid)
        assert passage is not None
        hit = [s for s in passage.sentences if s.start < end and start < s.end]
        if hit:
            start, end = hit[0].start, hit[-1].end
        return {"quote": _clean(self.article.text[start:end]), "passage": pid}

    def resolves(self, evidence: Iterable[dict[str, str]]) -> bool:
        for ev in evidence:
            look = locate(self.article, ev["quote"], ev.get("passage"))
            if look.evidence is None or look.warning:
                return False
        return True


def _explain(ctx: _Ctx, a: Attribution, *, lead: str | None = None) -> str:
    how = {"direct": "said", "reported": a.cue}
    verb = a.cue if not a.direct else how["direct"]
    text = lead or f"{a.speaker} {verb} this in passage {a.passage_id}."
    if a.mention and not ctx.mentions(a.speaker, a.mention):
        text += f" The words “{a.mention}” refer to {a.speaker}"
        if a.antecedent is not None:
            text += f", named in {a.antecedent[0]}"
        text += "."
    elif not a.mention and a.antecedent is not None:
        text += f" The quote continues from the sentence that names {a.speaker}."
    return text


# --- question makers --------------------------------------------------------------------------------

Question = dict[str, Any]


def _speaker_choice(
    ctx: _Ctx, i: int, prompt: str, id_prefix: str, tags: list[str], explanation: str | None = None
) -> Question | None:
    """A "who …?" choice question about attribution `i`, or None when it would be unfair:
    the prompt names the speaker, too few same-kind distractors exist, or the proof won't resolve."""
    a = ctx.items[i]
    if ctx.mentions(a.speaker, prompt):
        return None
    others = ctx.same_kind(a.speaker, a.kind, prompt)[:3]
    if len(others) < 2:
        return None
    evidence = ctx.proof(a)
    if not ctx.resolves(evidence):
        return None
    choices = [a.speaker, *others]
    ctx.rng.shuffle(choices)
    ctx.take(i)
    return {
        "id": ctx.unique_id(f"{id_prefix}-{_slug(a.speaker)}-{_digest(a.content)}"),
        "type": "choice",
        "prompt": prompt,
        "choices": choices,
        "answer": a.speaker,
        "explanation": explanation or _explain(ctx, a),
        "evidence": evidence,
        "tags": tags,
    }


def _who_said(ctx: _Ctx) -> Question | None:
    for i in ctx.fresh(lambda a: a.direct):
        frag, cut = _fragment(ctx.items[i].content, _QUOTE_WORDS)
        q = _speaker_choice(
            ctx, i, f"Who said this: {_shown(frag, cut)}?", "who-said", ["attribution", "who said"]
        )
        if q is not None:
            return q
    return None


def _stance_prompt(a: Attribution) -> str | None:
    if a.form == "according-to":
        return None
    content = _neutral_content(a.content)
    if content is None or len(content.split()) > 40:
        return None
    if a.stance in ("denial", "criticism", "support") and a.lemma not in ("say",):
        return f"According to the article, who {a.cue} {content}?"
    return f"According to the article, who {a.cue} that {content}?"


def _stance(ctx: _Ctx) -> Question | None:
    order = ctx.fresh(lambda a: not a.direct and a.stance is not None)
    order += ctx.fresh(lambda a: not a.direct and a.stance is None)
    for i in order:
        a = ctx.items[i]
        prompt = _stance_prompt(a)
        if prompt is None:
            continue
        lead = f"In passage {a.passage_id}, {_mid(a.speaker)} {a.cue} this."
        q = _speaker_choice(
            ctx,
            i,
            prompt,
            a.stance or "reported",
            ["attribution", "stance" if a.stance else "reported speech"],
            _explain(ctx, a, lead=lead),
        )
        if q is not None:
            return q
    return None


def _statement(a: Attribution, speaker: str) -> str | None:
    if a.direct:
        frag, cut = _fragment(a.content, _QUOTE_WORDS)
        return f"True or false: {speaker} said {_shown(frag, cut)}"
    if a.form == "according-to":
        return None
    content = _neutral_content(a.content)
    if content is None or len(content.split()) > 40:
        return None
    that = "" if a.stance in ("denial", "criticism", "support") else "that "
    return f"True or false: according to the article, {speaker} {a.cue} {that}{content}."


def _true(ctx: _Ctx) -> Question | None:
    for i in ctx.fresh(lambda a: True):
        a = ctx.items[i]
        prompt = _statement(a, a.speaker)
        evidence = ctx.proof(a)
        if prompt is None or not ctx.resolves(evidence):
            continue
        ctx.take(i)
        return {
            "id": ctx.unique_id(f"true-{_slug(a.speaker)}-{_digest(a.content)}"),
            "type": "truefalse",
            "prompt": prompt,
            "answer": True,
            "explanation": _explain(ctx, a),
            "evidence": evidence,
            "tags": ["attribution", "true or false"],
        }
    return None


def _false(ctx: _Ctx) -> Question | None:
    for i in ctx.fresh(lambda a: True):
        a = ctx.items[i]
        probe = _statement(a, "X")
        if probe is None:
            continue
        others = [
            o
            for o in ctx.same_kind(a.speaker, a.kind, probe)
            if not any(b.speaker == o and _clean(b.content) == _clean(a.content) for b in ctx.items)
        ]
        if not others:
            continue
        wrong = others[0]
        prompt = _statement(a, wrong)
        evidence = ctx.proof(a)
        if prompt is None or not ctx.resolves(evidence):
            continue
        ctx.take(i)
        return {
            "id": ctx.unique_id(f"false-{_slug(a.speaker)}-{_digest(a.content, wrong)}"),
            "type": "truefalse",
            "prompt": prompt,
            "answer": False,
            "feedback_true": f"Look again at who the article says {a.cue} this in {a.passage_id}.",
            "explanation": _explain(
                ctx,
                a,
                lead=f"It was {_mid(a.speaker)}, not {_mid(wrong)}: passage {a.passage_id} "
                f"attributes this to {_mid(a.speaker)}.",
            ),
            "evidence": evidence,
            "tags": ["attribution", "true or false"],
        }
    return None


def _match(ctx: _Ctx) -> Question | None:
    chosen: list[tuple[Attribution, str, bool]] = []
    speakers: list[str] = []
    kinds: set[SpeakerKind] = set()
    for i in ctx.fresh(lambda a: a.direct):
        a = ctx.items[i]
        if a.speaker in speakers:
            continue
        frag, cut = _fragment(a.content, _MATCH_WORDS)
        if ctx.mentions(a.speaker, frag) or any(frag == f for _, f, _ in chosen):
            continue
        if not ctx.resolves([{"quote": frag, "passage": a.passage_id}]):
            continue
        chosen.append((a, frag, cut))
        speakers.append(a.speaker)
        kinds.add(a.kind)
        if len(chosen) == 4:
            break
    if len(chosen) < 2:
        return None
    chosen.sort(key=lambda t: t[0].start)
    extra: list[str] = []
    if len(kinds) == 1:
        kind = next(iter(kinds))
        extra = [
            s
            for s in ctx.same_kind(chosen[0][0].speaker, kind, " ".join(f for _, f, _ in chosen))
            if s not in speakers
        ][:1]
    explanation = "; ".join(
        f"{a.speaker} said {_shown(f, c)} ({a.passage_id})" for a, f, c in chosen
    )
    return {
        "id": ctx.unique_id("match-quotes-" + _digest(*(a.content for a, _, _ in chosen))),
        "type": "match",
        "prompt": "Match each quote to the speaker who said it.",
        "pairs": [{"left": _shown(f, c), "right": a.speaker} for a, f, c in chosen],
        **({"distractors": extra} if extra else {}),
        "explanation": explanation + ".",
        "evidence": [{"quote": f, "passage": a.passage_id} for a, f, _ in chosen],
        "tags": ["attribution", "match"],
    }


def _evidence(ctx: _Ctx) -> Question | None:
    named = ctx.fresh(lambda a: a.direct and bool(a.mention) and ctx.mentions(a.speaker, a.mention))
    for i in named:
        a = ctx.items[i]
        others: list[Attribution] = []
        for b in ctx.items:
            if b.direct and b.speaker != a.speaker and b.speaker not in [o.speaker for o in others]:
                others.append(b)
        ctx.rng.shuffle(others)
        others = others[:3]
        if len(others) < 2:
            return None
        frags = [_shown(*_fragment(x.content, _MATCH_WORDS)) for x in [a, *others]]
        if len(set(frags)) != len(frags):
            continue
        proofs = [ctx._sentences(x.passage_id, *_tag_span(x)) for x in [a, *others]]
        texts = [p["quote"] for p in proofs]
        if len(set(texts)) != len(texts) or not ctx.resolves({"quote": t} for t in texts):
            continue
        prompt = f"Part A: Which of these did {a.speaker} say, according to the article?"
        part_a = list(frags)
        part_b = list(texts)
        ctx.rng.shuffle(part_a)
        ctx.rng.shuffle(part_b)
        ctx.take(i)
        return {
            "id": ctx.unique_id(f"evidence-{_slug(a.speaker)}-{_digest(a.content)}"),
            "type": "evidence",
            "prompt": prompt,
            "choices": part_a,
            "answer": frags[0],
            "part_b": {
                "prompt": "Part B: Which sentence from the article best supports your answer "
                "to Part A?",
                "choices": part_b,
                "answer": texts[0],
            },
            "explanation": f"Passage {a.passage_id} quotes {_mid(a.speaker)}; the speaker tag "
            f"“{a.mention}” names who said it.",
            "evidence": [proofs[0]],
            "tags": ["attribution", "evidence"],
        }
    return None


def _tag_span(a: Attribution) -> tuple[int, int]:
    if a.tag is None:
        return a.start, a.end
    return min(a.start, a.tag[0]), max(a.end, a.tag[1])


_MAKERS: dict[str, Callable[[_Ctx], Question | None]] = {
    "who-said": _who_said,
    "stance": _stance,
    "true": _true,
    "match": _match,
    "false": _false,
    "evidence": _evidence,
}
_ONCE = frozenset({"match", "evidence"})
_WHY_SKIPPED = {
    "who-said": "who-said-this questions (need direct quotes and at least 3 speakers of a kind)",
    "stance": "stance questions (need reported statements such as `X denied …` and at least "
    "3 speakers of a kind)",
    "true": "true statements (no attribution short enough to state)",
    "false": "false statements (need a second speaker of the same kind to swap in)",
    "match": "the match question (needs direct quotes from at least 2 speakers)",
    "evidence": "the Part A/B evidence question (needs direct quotes from at least 3 speakers)",
}


def generate(
    article: Article,
    *,
    article_ref: str,
    schema_ref: str | None = None,
    count: int = DEFAULT_COUNT,
    seed: int = 0,
) -> Draft:
    """Build the draft bank's YAML; raises GenerateError when the article gives no question."""
    if count < 1:
        raise GenerateError("--count must be at least 1")
    found = extract(article)
    if not found.items:
        raise GenerateError(
            "found no quotes or attributed statements in the article's body text, so there is "
            "nothing to ask about who said what; write the questions by hand instead"
        )
    ctx = _Ctx(article, found, random.Random(seed))
    questions: list[Question] = []
    types: dict[str, int] = {}
    live = list(_MAKERS)
    made_once: set[str] = set()
    while len(questions) < count and live:
        for name in list(live):
            if len(questions) >= count:
                break
            ctx.maker = name
            q = _MAKERS[name](ctx)
            if q is None or name in _ONCE:
                live.remove(name)
            if q is not None:
                questions.append(q)
                types[name] = types.get(name, 0) + 1
                made_once.add(name)
    notes = [f"skipped {_WHY_SKIPPED[n]}" for n in _MAKERS if n not in made_once]
    if not questions:
        raise GenerateError(
            "the article's attributions gave no usable question "
            f"({len(found.items)} found, but none with a provable answer)"
        )
    if len(questions) < count:
        n, m = len(questions), len(found.items)
        notes.append(
            f"made {n} question{'s' if n != 1 else ''}, not {count}: the article has "
            f"{m} attribution{'s' if m != 1 else ''}"
        )
    text = _render(article, article_ref, schema_ref, questions, seed)
    return Draft(text, len(questions), types, notes)


# --- YAML -------------------------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = _clean(str(value))
    if text and text == text.strip() and not text.startswith(("-", "?", "[", "{", "!", "&", "*")):
        try:
            if yaml.safe_load(f"k: {text}") == {"k": text} and "\t" not in text:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(_scalar(i) if "," not in i else f'"{i}"' for i in items) + "]"


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "tags" and isinstance(v, list):
                out.append(f"{pad}{k}: {_flow(v)}")
            elif isinstance(v, dict | list):
                out.append(f"{pad}{k}:")
                _emit(v, indent + 2, out)
            else:
                out.append(f"{pad}{k}: {_scalar(v)}")
        return
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                inner: list[str] = []
                _emit(item, indent + 2, inner)
                inner[0] = f"{pad}- " + inner[0][indent + 2 :]
                out.extend(inner)
            else:
                out.append(f"{pad}- {_scalar(item)}")
        return
    out.append(f"{pad}{_scalar(value)}")


def _render(
    article: Article,
    article_ref: str,
    schema_ref: str | None,
    questions: list[Question],
    seed: int,
) -> str:
    lines: list[str] = []
    if schema_ref:
        lines += [f"# yaml-language-server: $schema={schema_ref}", "#"]
    lines += [
        "# DRAFT generated by `quizgame generate` — review every question before using it:",
        "# check each answer against the article, reword prompts, replace weak distractors,",
        f"# then run `quizgame check` on this file. (seed {seed}; ids stay the same on a re-run)",
    ]
    if not schema_ref:
        lines += [
            "# For completion in your editor: `quizgame schema -o quizgame-bank.schema.json` here,",
            "# then make the first line: # yaml-language-server: $schema=./quizgame-bank.schema.json",
        ]
    head = {
        "title": f"Draft: {article.headline}".strip(),
        "article": article_ref,
        "tags": ["draft", "attribution"],
        "settings": {"mode": "practice", "shuffle_choices": False, "max_attempts": 2},
    }
    _emit(head, 0, lines)
    lines += ["", "questions:"]
    for n, q in enumerate(questions):
        if n:
            lines.append("")
        _emit([q], 2, lines)
    return "\n".join(lines) + "\n"
