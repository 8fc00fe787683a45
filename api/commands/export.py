"""`dangjian export`: write the whole store as one RDF file (or to stdout)."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from dangjian.api.commands.common import CommandError, add_command, add_store_option, open_store_for
from dangjian.graph.export import EXPORTERS, export_store

FORMATS = tuple(EXPORTERS)  # the RDF serializations of dangjian.graph.export
NETWORK_FORMATS = ("graphml", "gexf")  # the entity network for Gephi and Cytoscape (dangjian.graph.exchange)


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "export", help="write the whole graph as RDF",
        description="Write every named graph to one file. TriG, N-Quads and JSON-LD keep the named graphs "
                    "(provenance: which article said what); Turtle holds the union of all graphs.",
        examples=["dangjian export --format trig -o dangjian.trig",
                  "dangjian export --format turtle --store http://127.0.0.1:7878 | head",
                  "dangjian export --format gexf -o dangjian.gexf   # for Gephi (events on its timeline)"])
    parser.add_argument("--format", choices=FORMATS + NETWORK_FORMATS, required=True,
                        help="trig | nquads | turtle | jsonld, or the entity network as graphml | gexf")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE (replaced only when the export succeeds) instead of stdout")
    add_store_option(parser, reading=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = open_store_for(args, reading=True)
    try:
        if args.output is None:
            count = _write(store, args.format, sys.stdout.buffer)
            sys.stdout.flush()
        else:
            count = _export_to_file(store, args.format, args.output)
    finally:
        store.close()
    unit = "nodes" if args.format in NETWORK_FORMATS else "triples" if args.format == "turtle" else "statements"
    print(f"exported {count} {unit}"
          + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0


def _export_to_file(store, format: str, output: Path) -> int:
    """Write next to the target and rename, so a failed export never leaves half a file."""
    directory = output.parent if str(output.parent) else Path(".")
    if not directory.is_dir():
        raise CommandError(f"{output}: the directory {directory} does not exist; create it or choose another -o")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{output.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            count = _write(store, format, out)
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def _write(store, format: str, out) -> int:
    """RDF statements, or for graphml and gexf the entity network; returns how many statements or nodes."""
    if format in NETWORK_FORMATS:
        from dangjian.graph.exchange import export
        return len(export(store, format, out))
    return export_store(store, format, out)
