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
    if not args.file.is_file():
        raise CommandError(f"{args.file}: no such file")
    try:
        from dangjian.loaders.pipeline import LoadOptions, extract_file
    except ModuleNotFoundError as error:
        if error.name == "dangjian.loaders.pipeline":
            raise CommandError("article extraction is not available in this version") from None
        raise CommandError(f"the article loaders cannot start: module {error.name} is missing; "
                           f"reinstall dangjian (pip install -e .)") from None
    results = extract_file(args.file, LoadOptions(date=args.date, source=args.source, url=args.url))
    # one article at a time, written as it is extracted: memory stays flat however large the file
    if args.format == "json":
        sys.stdout.write("[")
        for n, result in enumerate(results):
            sys.stdout.write(("," if n else "") + "\n" + _indented(json.dumps(result.to_json(), ensure_ascii=False, indent=2)))
        sys.stdout.write("\n]\n")
    else:
        for n, result in enumerate(results):
            sys.stdout.write(("\n" if n else "") + result.to_turtle())
    return 0


def _indented(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())
