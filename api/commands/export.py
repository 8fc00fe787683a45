"""`dangjian export`: write the whole store as one RDF file (or to stdout)."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from dangjian.api.commands.common import CommandError, add_command, add_store_option, open_store_for
from dangjian.graph.dataset.export import EXPORTERS, export_store

FORMATS = tuple(EXPORTERS)  # the RDF serializations of dangjian.graph.dataset.export
NETWORK_FORMATS = ("graphml", "gexf")  # the entity network for Gephi and Cytoscape (dangjian.graph.network.exchange)
TABLES = "csv"  # the entity network as nodes.csv and edges.csv (dangjian.graph.network.network_csv)


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "export", help="write the whole graph as RDF, or its entity network for Gephi, Cytoscape, Excel",
        description="Write every named graph to one file. TriG, N-Quads and JSON-LD keep the named graphs "
                    "(provenance: which article said what); Turtle and RDF/XML hold the union of all graphs. "
                    "graphml, gexf and csv write the entity network (entities and their links); csv writes two "
                    "tables, nodes.csv and edges.csv, into the directory -o names (default: the current one), "
                    "with labels, types, streets and districts, and how many articles support each row.",
        examples=["dangjian export --format trig -o dangjian.trig",
                  "dangjian export --format turtle --store http://127.0.0.1:7878 | head",
                  "dangjian export --format rdfxml -o dangjian.rdf   # for Protégé and other RDF/XML tools",
                  "dangjian export --format gexf -o dangjian.gexf   # for Gephi (events on its timeline)",
                  "dangjian export --format csv -o network          # network/nodes.csv, network/edges.csv"])
    parser.add_argument("--format", choices=FORMATS + NETWORK_FORMATS + (TABLES,), required=True,
                        help="trig | nquads | turtle | jsonld | rdfxml, or the entity network as graphml | gexf | csv")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE (replaced only when the export succeeds) instead of stdout; for csv, "
                             "the directory to write nodes.csv and edges.csv into (created if missing)")
    add_store_option(parser, reading=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.format == TABLES:
        return _run_tables(args)
    store = open_store_for(args, reading=True)
    try:
        if args.output is None:
            count = _write(store, args.format, sys.stdout.buffer)
            sys.stdout.flush()
        else:
            count = _export_to_file(store, args.format, args.output)
    finally:
        store.close()
    unions = ("turtle", "rdfxml")
    unit = "nodes" if args.format in NETWORK_FORMATS else "triples" if args.format in unions else "statements"
    print(f"exported {count} {unit}"
          + (f" to {args.output}" if args.output else ""), file=sys.stderr)
    return 0


def _run_tables(args: argparse.Namespace) -> int:
    from dangjian.graph.network.network_csv import write_csv

    directory = args.output or Path(".")
    if directory.exists() and not directory.is_dir():
        raise CommandError(f"{directory} is a file; for csv, -o names a directory to write nodes.csv and edges.csv into")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CommandError(f"cannot create the directory {directory}: {error.strerror or error}; choose another -o") from None
    store = open_store_for(args, reading=True)
    try:
        nodes, edges = write_csv(store, directory)
    finally:
        store.close()
    print(f"exported {nodes} nodes to {directory / 'nodes.csv'} and {edges} edges to {directory / 'edges.csv'}",
          file=sys.stderr)
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
        from dangjian.graph.network.exchange import export
        return len(export(store, format, out))
    return export_store(store, format, out)
