"""`dangjian ontology`: print the ontology as Turtle, or list the competency questions."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dangjian.api.commands.common import CommandError, add_command


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "ontology", help="print the ontology (Turtle) or list the competency questions",
        description="Print the dangjian OWL ontology as Turtle and nothing else, or with --queries list the "
                    "competency questions (SPARQL files shipped with it) that `dangjian query --name` runs.",
        examples=["dangjian ontology > dangjian.ttl", "dangjian ontology --queries"])
    parser.add_argument("--queries", action="store_true", help="list the competency questions instead")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dangjian.ontology import ontology_path, queries_dir

    if args.queries:
        files = sorted(queries_dir().glob("*.rq"))
        if not files:
            raise CommandError(f"no competency questions in {queries_dir()}; reinstall dangjian (pip install -e .)")
        sys.stdout.write("".join(f"{path.stem}\n{_indent(question(path))}" for path in files))
        return 0
    path = ontology_path()
    try:
        sys.stdout.buffer.write(path.read_bytes())
    except FileNotFoundError:
        raise CommandError(f"{path} is missing from the installation; reinstall dangjian (pip install -e .)") from None
    return 0


def question(path: Path) -> list[str]:
    """The comment lines at the top of a query file: the question in Chinese and English."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped or lines:
                break
            continue
        text = stripped.lstrip("#").strip()
        if text:
            lines.append(text)
    return lines


def _indent(lines: list[str]) -> str:
    return "".join(f"    {line}\n" for line in lines)
