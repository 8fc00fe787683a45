"""`dangjian validate`: check the whole graph against the SHACL shapes; exit 1 on violations."""
from __future__ import annotations

import argparse
import sys

from dangjian.api.commands.common import CommandError, add_command, add_store_option, open_store_for


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "validate", help="check the graph against the SHACL shapes",
        description="Validate the union of all graphs with pySHACL against the shapes shipped with the ontology. "
                    "Prints one line per problem (entity label, IRI, property, message); exit status 1 when "
                    "there is a violation.",
        examples=["dangjian validate", "dangjian validate --store http://127.0.0.1:7878 > report.txt"])
    add_store_option(parser, reading=True)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dangjian.graph.dataset.validate import validate_store
    from dangjian.ontology import ontology_path, shapes_path

    for needed in (shapes_path(), ontology_path()):
        if not needed.is_file():
            raise CommandError(f"{needed} is missing from the installation; reinstall dangjian (pip install -e .)")
    store = open_store_for(args, reading=True)
    try:
        report = validate_store(store)
    finally:
        store.close()
    sys.stdout.write(report.text())
    if not report.conforms:
        raise CommandError("the graph does not conform to the shapes; fix the data (or the loader that wrote it) "
                           "and run dangjian validate again")
    return 0
