"""`quizgame article FILE`: the passages of an article with ids and kinds, as banks cite them."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import Any

from quizgame.commands._common import fail
from quizgame.text.safe import json_safe, one_line


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "article",
        help="show an article's passages with their ids",
        description="Split an article into passages (headline, dateline, body p1…pN, captions, footers) "
        "and print them with ids, kinds and character offsets.",
    )
    p.add_argument("file", metavar="FILE", help="article text file (.txt or .md)")
    p.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    p.add_argument("--sentences", action="store_true", help="also list each passage's sentences")
    p.add_argument(
        "--quotes",
        action="store_true",
        help="also list who said what (quotes and reported speech in body passages)",
    )


def run(args: argparse.Namespace) -> int:
    from quizgame.article.passages import ArticleError, read_article

    try:
        article = read_article(Path(args.file))
    except ArticleError as exc:
        return fail(f"{args.file}: {exc}")
    if args.format == "json":
        out: dict[str, Any] = {
            "file": args.file,  # json_safe below escapes what json.dumps leaves raw
            "headline": article.headline,
            "passages": [
                {
                    "id": p.id,
                    "kind": p.kind.value,
                    "text": p.text,
                    "start": p.start,
                    "end": p.end,
                    **(
                        {
                            "sentences": [
                                {"id": s.id, "text": s.text, "start": s.start, "end": s.end}
                                for s in p.sentences
                            ]
                        }
                        if args.sentences
                        else {}
                    ),
                }
                for p in article.passages
            ],
        }
        _extend_json(article, out, args)
        sys.stdout.write(json_safe(json.dumps(out, indent=2, ensure_ascii=False)) + "\n")
        return 0
    for p in article.passages:
        label = f"{p.id:>4} {p.kind.value:<11}"
        body = textwrap.fill(
            one_line(" ".join(p.text.split())),
            width=96,
            initial_indent="",
            subsequent_indent=" " * 17,
        )
        print(f"{label} {body}")
        if args.sentences:
            for s in p.sentences:
                print(" " * 17 + f"{s.id}: " + one_line(" ".join(s.text.split())))
    _extend_text(article, args)
    return 0


def _extend_json(article: Any, out: dict[str, Any], args: argparse.Namespace) -> None:
    """Extension point: other features (quote attribution) add their keys to the JSON here."""
    if getattr(args, "quotes", False):
        from quizgame.authoring.attribution import extract

        out["quotes"] = [a.to_json() for a in extract(article)]


def _extend_text(article: Any, args: argparse.Namespace) -> None:
    """Extension point: other features (quote attribution) add their text output here."""
    if getattr(args, "quotes", False):
        from quizgame.authoring.attribution import extract

        found = extract(article).items
        print(f"\nquotes ({len(found)}):")
        for a in found:
            how = "direct" if a.direct else "reported"
            who = f"{one_line(a.speaker)} ({a.kind.value})"
            content = one_line(" ".join(a.content.split()))
            print(f"{a.passage_id:>4} {who} {one_line(a.cue)} [{how}]")
            print(
                textwrap.fill(content, width=96, initial_indent=" " * 7, subsequent_indent=" " * 7)
            )
