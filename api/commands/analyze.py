"""`dangjian analyze`: network analytics of the graph as tables, and optionally as RDF in the store."""
from __future__ import annotations

import argparse
import sys

from dangjian.api.commands.common import CommandError, UsageError, add_command, add_store_option, open_store_for

TABLES = ("summary", "centrality", "components", "clusters", "community_pairs", "partner_pairs", "bridges")


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "analyze", help="centrality, clusters and bridges of the entity network",
        description="Project the graph into a network of entities and report: degree and betweenness "
                    "centrality per class (most connected communities, partners, people), connected "
                    "components, Louvain clusters of the co-organization network (units that organize or "
                    "partner in the same events, or co-build), communities sharing partners, and entities "
                    "linked to communities of more than one street. Betweenness is exact on small networks "
                    "and estimated from sampled sources on large ones (the table title says how many).",
        examples=["dangjian analyze",
                  "dangjian analyze --format csv --table centrality > centrality.csv",
                  "dangjian analyze --format json --top 20",
                  "dangjian analyze --write   # then SPARQL: ?x dj:betweennessCentrality ?b"])
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table",
                        help="table (default, for reading) | csv | json")
    parser.add_argument("--table", choices=TABLES, help="only this table (with csv: one plain CSV file)")
    parser.add_argument("--top", type=int, default=10, metavar="N", help="rows per class or list (default 10)")
    parser.add_argument("--sources", type=int, metavar="N",
                        help="estimate betweenness from N sampled sources (default: exact on small networks, "
                             "as many as a fixed budget allows on large ones)")
    parser.add_argument("--write", action="store_true",
                        help="also store the results as RDF in the graph https://w3id.org/dangjian/graph/analytics")
    add_store_option(parser, reading=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dangjian.graph.network.analytics import analytics_tables, analyze
    from dangjian.graph.network.analytics_rdf import write_analytics
    from dangjian.graph.network.projection import project
    from dangjian.graph.network.tables import tables_to_csv, to_csv, to_json, to_text

    if args.top < 1 or (args.sources is not None and args.sources < 1):
        raise UsageError("--top and --sources must be at least 1")
    if args.write and getattr(args, "read_only", False):
        raise UsageError("--write needs a writable store: leave out --read-only")
    store = open_store_for(args, reading=True)
    try:
        G = project(store)
        if len(G) == 0:
            raise CommandError(f"the store {store.location} has no entities; load articles first (dangjian load FILE)")
        print(f"analyzing {len(G)} entities and {G.number_of_edges()} links…", file=sys.stderr)
        results = analyze(G, betweenness_sample=args.sources)
        if args.write:
            count = write_analytics(store, results)
            print(f"wrote {count} triples to https://w3id.org/dangjian/graph/analytics", file=sys.stderr)
    finally:
        store.close()
    tables = analytics_tables(results, args.top)
    if args.table:
        tables = [t for t in tables if t.name == args.table]
    if args.format == "json":
        sys.stdout.write(to_json(tables) + "\n")
    elif args.format == "csv":
        sys.stdout.write(to_csv(tables[0]) if args.table else tables_to_csv(tables))
    else:
        sys.stdout.write(to_text(tables))
    return 0
