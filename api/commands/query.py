"""`dangjian query`: run a SPARQL query (text, file or competency question) and print the result."""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from dangjian.api.commands.common import CommandError, UsageError, add_command, add_store_option, open_store_for

FORMATS = ("table", "json", "csv", "tsv", "xml", "turtle", "nt", "jsonld")
_LOCATED = re.compile(r"^error at (\d+):(\d+): ")


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "query", help="run a SPARQL query over all graphs",
        description="Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query. The default graph is the union of "
                    "all named graphs. Only the result goes to stdout; --format json, xml, csv and tsv print "
                    "exactly the SPARQL 1.1 results document.",
        examples=["dangjian query 'SELECT ?c ?name WHERE { ?c a <https://w3id.org/dangjian/ontology#Community> ; "
                  "<http://www.w3.org/2000/01/rdf-schema#label> ?name }'",
                  "dangjian query -f my-question.rq --format csv > answer.csv",
                  "dangjian ontology --queries        # the competency questions, then:",
                  "dangjian query --name <name> --format json"])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("query", nargs="?", help="the query text")
    source.add_argument("-f", "--file", type=Path, metavar="FILE.rq", help="read the query from a file (- for stdin)")
    source.add_argument("--name", metavar="CQ", help="a competency question shipped with the ontology")
    parser.add_argument("--format", choices=FORMATS, default="table",
                        help="table (default) | json csv tsv xml for SELECT and ASK | turtle nt jsonld for "
                             "CONSTRUCT and DESCRIBE")
    add_store_option(parser, reading=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dangjian.graph.dataset.results import FormatMismatch, write_result

    text, origin = read_query(args)
    store = open_store_for(args, reading=True)
    try:
        try:
            result = store.query(text)
        except SyntaxError as error:
            raise CommandError(f"{syntax_message(origin, error)}; fix the query and run it again") from None
        try:
            count = write_result(result, args.format, sys.stdout.buffer)
        except FormatMismatch as error:
            raise UsageError(str(error)) from None
        sys.stdout.flush()
    finally:
        store.close()
    if args.format == "table" and count is not None:
        print(f"({count} row{'s' if count != 1 else ''})", file=sys.stderr)
    return 0


def read_query(args: argparse.Namespace) -> tuple[str, str]:
    """The query text and where it came from (for error messages)."""
    if args.name:
        path = competency_question(args.name)
        return path.read_text(encoding="utf-8"), str(path)
    if args.file:
        if str(args.file) == "-":
            return sys.stdin.read(), "<stdin>"
        try:
            return args.file.read_text(encoding="utf-8"), str(args.file)
        except FileNotFoundError:
            raise CommandError(f"{args.file}: no such file") from None
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{args.file}: cannot read the query ({error})") from None
    return args.query, "<query>"


def competency_question(name: str) -> Path:
    """The file of a competency question by its stem; an unknown name lists the known ones."""
    from dangjian.ontology import queries_dir

    path = queries_dir() / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in queries_dir().glob("*.rq"))) or "none installed"
        raise UsageError(f"no competency question named {name!r} (known: {known}; see dangjian ontology --queries)")
    return path


def syntax_message(origin: str, error: SyntaxError) -> str:
    """`origin:line:column: message` when the parser says where, else `origin: message`."""
    message = str(error.msg if error.msg else error)
    located = _LOCATED.match(message)
    if located:
        line, column = located.groups()
        return f"{origin}:{line}:{column}: SPARQL syntax error: {message[located.end():]}"
    return f"{origin}: SPARQL syntax error: {message}"
