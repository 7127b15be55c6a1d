"""`quizgame import FILE.gift|FILE.txt|FILE.xml [--article ARTICLE] [-o BANK.yaml]`: Moodle → bank.

(The module is not called `import.py` because `import` is a Python keyword.)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import",
        help="import a Moodle bank (GIFT or Moodle XML) as a quizgame bank",
        description="Turn a GIFT (.gift, .txt) or Moodle XML (.xml) file into a bank. Questions of "
        "types quizgame cannot play are listed and skipped. Evidence written by `quizgame export` "
        "comes back; with --article, evidence is matched automatically where the right answer's "
        "words are in the article. `quizgame check` then lists what is still missing.",
    )
    p.add_argument("file", metavar="FILE", help="GIFT or Moodle XML file")
    p.add_argument("--article", metavar="ARTICLE", help="the article the questions are about")
    p.add_argument(
        "-o",
        "--output",
        metavar="BANK",
        help="bank file to write (default: FILE with .yaml; `-` for standard output)",
    )
    p.add_argument("--force", action="store_true", help="overwrite BANK if it exists")
    p.add_argument(
        "--format",
        choices=("gift", "moodle-xml"),
        help="input format (default: from the file name or its first character)",
    )


def _format_of(path: Path, raw: bytes, given: str | None) -> str:
    if given:
        return given
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return "moodle-xml"
    if suffix in (".gift", ".txt"):
        return "gift"
    return "moodle-xml" if raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else "gift"


def run(args: argparse.Namespace) -> int:
    from quizgame.bank.yamlnodes import MAX_BANK_BYTES as MAX_IMPORT_BYTES
    from quizgame.commands._common import fail
    from quizgame.interop.evidence_match import match_evidence
    from quizgame.interop.gift import parse_gift
    from quizgame.interop.imported_bank import (
        ARTICLE_PLACEHOLDER,
        bank_yaml,
        lacks_evidence,
        needs,
    )
    from quizgame.interop.moodle_xml import parse_moodle_xml
    from quizgame.interop.notes import InteropError
    from quizgame.text.atomic import write_atomic
    from quizgame.text.reading import ReadRefused, read_limited
    from quizgame.text.safe import for_stream, one_line

    file_shown = one_line(args.file)  # the file name as printed: it may hold escapes too

    source = Path(args.file)
    try:  # the same limit as a bank: a bigger import would only write a bank `check` refuses
        raw = read_limited(source, MAX_IMPORT_BYTES, what="file")
    except ReadRefused as exc:
        if exc.kind == "too-large":
            return fail(
                f"{args.file}: the file is over the {MAX_IMPORT_BYTES:,}-byte limit for a bank "
                "— split it into several files and import each one",
                1,
            )
        return fail(f"{args.file}: {exc}", 2)

    to_stdout = args.output == "-"
    output = None if to_stdout else Path(args.output or source.with_suffix(".yaml"))
    if output is not None and output.resolve() == source.resolve():
        return fail(f"{args.file}: the bank would overwrite the file being imported; use -o", 1)
    if output is not None and output.exists() and not args.force:
        return fail(f"{output} already exists; use --force to overwrite it, or -o another name", 1)

    article = None
    if args.article:
        from quizgame.article.passages import ArticleError, read_article

        try:
            article = read_article(Path(args.article))
        except ArticleError as exc:
            return fail(f"{args.article}: {exc}", 2)

    fmt = _format_of(source, raw, args.format)
    try:
        if fmt == "gift":
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                line = raw[: exc.start].count(b"\n") + 1
                raise InteropError("the file is not UTF-8 text; save it as UTF-8", line) from None
            imported = parse_gift(text)
        else:
            imported = parse_moodle_xml(raw)
    except InteropError as exc:
        where = f"{file_shown}:{exc.line}" if exc.line else file_shown
        print(f"{where}: error: {one_line(exc.message)}", file=sys.stderr)
        return 1
    for note in imported.notes:
        print(note.format(args.file), file=sys.stderr)
    if not imported.questions:
        return fail(f"{args.file}: no question could be imported", 1)

    matched = 0
    if article is not None:
        for q in imported.questions:
            if lacks_evidence(q):
                found = match_evidence(article, q)
                if found:
                    q["evidence"] = found
                    matched += 1
        folder = Path.cwd() if output is None else output.resolve().parent
        article_ref = Path(os.path.relpath(Path(args.article).resolve(), folder)).as_posix()
    else:
        article_ref = ARTICLE_PLACEHOLDER
    title = imported.title or source.stem.replace("_", " ").replace("-", " ").strip() or "Imported"
    shown = "-" if output is None else output.name
    text = bank_yaml(
        title,
        article_ref,
        imported.questions,
        source=source.name,
        output_name=shown,
        shuffle_choices=imported.shuffle_choices,
        retry_credit=imported.retry_credit,
    )
    if len(text.encode("utf-8")) > MAX_IMPORT_BYTES:
        return fail(
            f"{args.file}: the bank would be over the {MAX_IMPORT_BYTES:,}-byte limit that "
            "`quizgame check` allows — split the file and import each part",
            1,
        )
    if output is None:
        sys.stdout.write(for_stream(text, sys.stdout))
    else:
        try:
            write_atomic(output, text)
        except OSError as exc:
            return fail(f"cannot write {output}: {exc.strerror or exc}", 1)

    n = len(imported.questions)
    where = "standard output" if output is None else one_line(str(output))
    print(f"wrote {where}: {n} question{'s' if n != 1 else ''} imported", file=sys.stderr)
    if article is None:
        print(
            f"  no --article given: `article:` is the placeholder {ARTICLE_PLACEHOLDER}; "
            "write the article file's name there",
            file=sys.stderr,
        )
    elif matched:
        print(
            f"  evidence matched automatically for {matched} question{'s' if matched != 1 else ''}"
            " — read each one and keep only quotes that really prove the answer",
            file=sys.stderr,
        )
    no_evidence, no_explanation = needs(imported.questions)
    if no_evidence or no_explanation:
        todo = []
        if no_evidence:
            todo.append(f"{no_evidence} need evidence")
        if no_explanation:
            todo.append(f"{no_explanation} need an explanation")
        target = "the bank" if output is None else one_line(str(output))
        print(
            f"  still to do: {', '.join(todo)} — `quizgame check {target}` lists them",
            file=sys.stderr,
        )
    return 0
