"""`dangjian viz`: the graph page as one standalone HTML file that works offline."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dangjian.api.commands.common import CommandError, add_command, add_store_option, iso_date, open_store_for

from dangjian.ontology import CORE_CLASSES

# The classes the graph draws as nodes (posts become edges; articles are not drawn).
CLASSES = tuple(c for c in CORE_CLASSES if c not in ("Post", "Article"))


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "viz", help="write the interactive graph page as one offline HTML file",
        description="Write the graph page (overview or one entity's neighbourhood) as a single HTML file with "
                    "every script, style, node and entity card inside: it opens offline, from a USB stick or "
                    "an intranet share. At most --limit nodes are drawn; the page says what was left out.",
        examples=["dangjian viz -o graph.html",
                  "dangjian viz --focus 蠡口社区 --hops 2 -o likou.html",
                  "dangjian viz --place 元和街道 --types Community,PartyOrganization,Organization -o yuanhe.html",
                  "dangjian viz --from 2023-01-01 --to 2023-12-31 --lang en -o 2023.html"])
    parser.add_argument("-o", "--output", type=Path, metavar="FILE.html",
                        help="write the page to FILE.html (default: stdout)")
    parser.add_argument("--focus", metavar="ENTITY", help="centre on this entity: name, IRI or local id")
    parser.add_argument("--hops", type=int, choices=(1, 2, 3), default=1, help="neighbourhood size with --focus")
    parser.add_argument("--limit", type=int, default=300, metavar="N", help="draw at most N nodes (1–2000, default 300)")
    parser.add_argument("--place", metavar="STREET", help="only this street or district (name, IRI or local id)")
    parser.add_argument("--types", metavar="A,B", help=f"only these classes, comma-separated: {', '.join(CLASSES)}")
    parser.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="events on or after DATE")
    parser.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="events on or before DATE")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="interface language (default zh)")
    add_store_option(parser, reading=True)
    parser.set_defaults(run=run)


def _filters(G, args: argparse.Namespace):
    from dangjian.graph.viz.page import FILTER_PLACES
    from dangjian.graph.viz.select import Filters, find_node

    types = frozenset(t.strip() for t in (args.types or "").split(",") if t.strip())
    unknown = sorted(types - set(CLASSES))
    if unknown:
        raise CommandError(f"--types: unknown class {unknown[0]!r}; use some of {', '.join(CLASSES)}")
    place = find_node(G, args.place, FILTER_PLACES) if args.place else None
    if args.place and place is None:
        raise CommandError(f"--place: no street or district named {args.place!r} in the graph; "
                           f"`dangjian query` can list them")
    return Filters(types, place, args.date_from, args.date_to)


def run(args: argparse.Namespace) -> int:
    from dangjian.graph.network.projection import project
    from dangjian.graph.viz.page import build_page, offline_cards, select
    from dangjian.graph.viz.select import MAX_CAP, find_node

    if not 1 <= args.limit <= MAX_CAP:
        raise CommandError(f"--limit must be between 1 and {MAX_CAP}")
    store = open_store_for(args, reading=True)
    try:
        G = project(store)
        centre = find_node(G, args.focus) if args.focus else None
        if args.focus and centre is None:
            raise CommandError(f"--focus: no entity named {args.focus!r}; try `dangjian query` or the API search")
        filters = _filters(G, args)
        chosen = select(G, centre=centre, hops=args.hops, cap=args.limit, filters=filters)
        cards = offline_cards(store, chosen.entities(), args.lang)
    finally:
        store.close()
    html = build_page(G, lang=args.lang, hops=args.hops, links=None, cards=cards, selection=chosen)
    if args.output is None:
        sys.stdout.write(html)
    else:
        args.output.write_text(html, encoding="utf-8")
    where = f" to {args.output}" if args.output else ""
    print(f"wrote the graph page{where}: {len(chosen.nodes)} of {chosen.candidates} nodes", file=sys.stderr)
    return 0
