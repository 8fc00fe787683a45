"""`dangjian stats`: how big the graph is: triples, graphs, entities per class."""
from __future__ import annotations

import argparse
import json
import sys

from dangjian.api.commands.common import add_command, add_store_option, open_store_for


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "stats", help="count triples, graphs and entities per class",
        description="Count the triples in all graphs, the named graphs, and the entities of each dj: class "
                    "(every core class is listed, 0 when empty).",
        examples=["dangjian stats", "dangjian stats --format json --store http://127.0.0.1:7878"])
    parser.add_argument("--format", choices=("table", "json"), default="table", help="table (default) or json")
    add_store_option(parser, reading=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dangjian.graph.dataset.stats import store_stats

    store = open_store_for(args, reading=True)
    try:
        stats = store_stats(store)
    finally:
        store.close()
    if args.format == "json":
        json.dump(stats.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(stats.text())
    return 0
