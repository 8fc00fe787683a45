"""`dangjian remove`: take articles back out of the store, with the facts only they stated."""
from __future__ import annotations

import argparse
import sys

from dangjian.api.commands.common import CommandError, add_command, add_store_option, open_store_for


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "remove", help="remove articles and the facts no other article states",
        description="Remove articles named by their IRI, their graph's IRI, their URL or the file they were "
                    "loaded from (every article of that file). Each article's graph goes; a fact or an entity "
                    "goes too when no remaining article states it, so a fact two articles state survives the "
                    "removal of one.",
        examples=["dangjian remove https://w3id.org/dangjian/article/3f2a9c0d1e4b5a67",
                  "dangjian remove news/2023-07-20.txt", "dangjian remove https://example.org/news/1.html"])
    parser.add_argument("refs", nargs="+", metavar="ARTICLE", help="article IRI, graph IRI, URL or file")
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dangjian.loaders.rdf.retract import article_ids_of, retract_article
    from dangjian.loaders.rdf.store_format import check_store_format

    store = open_store_for(args)
    try:
        check_store_format(store)
        missing = []
        for ref in args.refs:
            ids = article_ids_of(store, ref)
            removed = [i for i in ids if retract_article(store, i)]
            if not removed:
                missing.append(ref)
            for article_id in removed:
                print(f"removed article {article_id} ({ref})", file=sys.stderr)
    finally:
        store.close()
    if missing:
        raise CommandError(f"no article found for: {', '.join(missing)} (give an article IRI, its URL or the "
                           f"file it was loaded from; `dangjian query` lists them)")
    return 0
