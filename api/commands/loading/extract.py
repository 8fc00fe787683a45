"""`dangjian extract`: show what the loaders read from one file, without touching a store."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dangjian.api.commands.common import CommandError, add_command, iso_date


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "extract", help="print the articles, entities and facts found in one file",
        description="Run the article loaders on one file and print, per article, what they found: as JSON "
                    "(for reading and diffing) or as the Turtle that `dangjian load` would store.",
        examples=["dangjian extract samples/seed-page.txt", "dangjian extract news.html --format turtle"])
    parser.add_argument("file", type=Path, metavar="FILE", help="an article file (text, Markdown, HTML, JSON Lines)")
    parser.add_argument("--format", choices=("json", "turtle"), default="json", help="json (default) or turtle")
    parser.add_argument("--date", type=iso_date, help="publication date (YYYY-MM-DD) when the file does not say")
    parser.add_argument("--source", help="publisher when the file does not say")
    parser.add_argument("--url", help="address of the article when the file does not say")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.file.is_dir():
        raise CommandError(f"{args.file}: a directory — extract reads one file: give a file in it, or load the "
                           f"whole folder with `dangjian load {args.file}`")
    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file")
    from dangjian.loaders.load.extract_step import ArticleResult, extract_file
    from dangjian.loaders.load.options import LoadOptions

    # one article at a time, written as it is extracted: memory stays flat however large the file
    written = failed = 0
    for item in extract_file(args.file, LoadOptions(date=args.date, source=args.source, url=args.url)):
        if isinstance(item, ArticleResult):
            sys.stdout.write(_shown(item, args.format, written))
            written += 1
        else:  # a file that is no article, or a broken record of a JSON Lines file: said, and the rest goes on
            print(f"dangjian extract: error: {item}", file=sys.stderr)
            failed += 1
    if args.format == "json" and (written or not failed):
        sys.stdout.write("\n]\n" if written else "[]\n")
    return 1 if failed else 0


def _shown(result, fmt: str, n: int) -> str:
    if fmt == "json":
        return ("[" if n == 0 else ",") + "\n" + _indented(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    return ("\n" if n else "") + result.to_turtle()


def _indented(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
