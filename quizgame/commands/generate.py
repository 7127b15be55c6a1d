"""`quizgame generate ARTICLE [-o BANK]`: a draft bank about who said what, ready to edit and check."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from quizgame.commands._common import fail
from quizgame.text.atomic import write_atomic


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if not 1 <= n <= 100:
        raise argparse.ArgumentTypeError("choose between 1 and 100 questions")
    return n


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "generate",
        help="draft a question bank from an article",
        description="Find who said what in an article, build many candidate questions (stance, "
        "who-said, select-all, short answer, match, true/false, Part A/B evidence, the headline "
        "event), keep the best set and write it as a draft bank that passes `quizgame check`. "
        "Review and edit it before use. The same article and seed always give the same file.",
    )
    p.add_argument("article", metavar="ARTICLE", help="article text file (.txt or .md)")
    p.add_argument(
        "-o", "--output", metavar="BANK", help="write the bank to BANK.yaml (default: print it)"
    )
    p.add_argument(
        "--count",
        type=_count,
        default=None,
        metavar="N",
        help="at most N questions (default: sized to the article, about one per 45 words)",
    )
    p.add_argument(
        "--seed", type=int, default=0, metavar="S", help="seed for choices and order (default: 0)"
    )
    p.add_argument("--force", action="store_true", help="overwrite BANK if it exists")


def _relative(target: Path, folder: Path) -> str:
    try:
        return Path(os.path.relpath(target, folder)).as_posix()
    except ValueError:  # another drive on Windows
        return target.as_posix()


def _schema_ref(folder: Path) -> str | None:
    """A schema beside the bank, else the bundled one if its relative path is short enough to
    survive the folder being copied around; None when neither is sensible."""
    from quizgame.bank.bundled import schema_path

    if (folder / "quizgame-bank.schema.json").is_file():
        return "./quizgame-bank.schema.json"
    schema = schema_path()
    if not schema.is_file():
        return None
    rel = _relative(schema.resolve(), folder)
    if rel.count("../") > 3 or "site-packages" in rel:
        return None
    return rel if rel.startswith(".") else f"./{rel}"


def run(args: argparse.Namespace) -> int:
    from quizgame.article.passages import ArticleError, read_article
    from quizgame.authoring.generate import GenerateError, generate
    from quizgame.bank.loader import load_bank_text
    from quizgame.text.safe import for_stream, one_line

    article_path = Path(args.article)
    out = Path(args.output) if args.output else None
    if out is not None:
        if out.is_dir():
            return fail(f"{out} is a directory; give a file name such as {out / 'draft.yaml'}", 1)
        if out.exists() and not args.force:
            return fail(f"{out} already exists; use --force to overwrite it", 1)
        if not out.parent.resolve().is_dir():
            return fail(f"folder {out.parent} does not exist", 1)
    try:
        article = read_article(article_path)
    except ArticleError as exc:
        return fail(f"{args.article}: {exc}", 2 if not article_path.is_file() else 1)
    folder = (out.parent if out is not None else Path.cwd()).resolve()
    bank_path = out.resolve() if out is not None else folder / "draft.yaml"
    try:
        draft = generate(
            article,
            article_ref=_relative(article_path.resolve(), folder),
            schema_ref=_schema_ref(folder),
            count=args.count,
            seed=args.seed,
        )
    except GenerateError as exc:
        return fail(f"{args.article}: {exc}", 1)
    checked = load_bank_text(draft.text.encode("utf-8"), bank_path, str(bank_path))
    if checked.errors:  # a bug, never the teacher's fault: refuse to write a broken bank
        for d in checked.errors:
            print(d.format(), file=sys.stderr)
        return fail("the generated bank does not pass `check` (a quizgame bug); nothing written", 1)
    for note in draft.notes:
        print(f"note: {one_line(note)}", file=sys.stderr)
    if out is None:
        sys.stdout.write(for_stream(draft.text, sys.stdout))
        return 0
    try:
        write_atomic(out, draft.text)
    except OSError as exc:
        return fail(f"cannot write {out}: {exc.strerror or exc}", 1)
    kinds = ", ".join(f"{n} {k}" for k, n in draft.types.items())
    print(
        f"wrote {one_line(str(out))}: {draft.questions} draft questions ({kinds}) — edit it, "
        f"then run `quizgame check {one_line(str(out))}`",
        file=sys.stderr,
    )
    return 0
