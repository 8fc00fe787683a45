"""`dangjian serve`: the HTTP API and SPARQL endpoint over a store, on loopback unless told otherwise."""
from __future__ import annotations

import argparse
import errno
from pathlib import Path

from dangjian.api.commands.common import (CommandError, UsageError, add_command, add_store_option,
                                         export_server_options)
from dangjian.graph.store import store_spec

HOST_HELP = ("address to listen on (default 127.0.0.1: only this machine can connect, so nothing is exposed "
             "by accident; pass 0.0.0.0 or an intranet address to serve other machines — the API is read-only "
             "unless --allow-updates)")


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "serve", help="serve the SPARQL endpoint, JSON API and graph page over HTTP",
        description="Serve the graph over HTTP: /sparql (SPARQL 1.1 Protocol and a query page), /api (JSON\n"
                    "lookups, documented at /docs), /graph. The store is opened read-only, so `dangjian load`\n"
                    "can run meanwhile; the server follows the new data. The URL is printed on stderr.",
        examples=["dangjian serve                                  # http://127.0.0.1:8000/",
                  "dangjian serve -p 0                             # a free port; the URL is on stderr",
                  "dangjian serve --host 0.0.0.0 --workers 2       # an intranet server on both cores",
                  "dangjian serve --allow-service https://dbpedia.org/sparql   # federated queries to one endpoint",
                  "dangjian serve --cors https://yasgui.example.org  # a query editor on that site may query",
                  'export DANGJIAN_UPDATE_TOKEN="$(python -c "import secrets;print(secrets.token_urlsafe(32))")"',
                  "dangjian serve --allow-updates                  # updates with that token as the bearer"])
    add_store_option(parser)
    parser.add_argument("--host", default="127.0.0.1", help=HOST_HELP)
    parser.add_argument("-p", "--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="server processes (default 1; 2 uses both cores of a small machine)")
    parser.add_argument("--query-timeout", type=float, metavar="SECONDS",
                        help="stop SPARQL queries after this long and answer 503 (default 10)")
    parser.add_argument("--row-limit", type=int, metavar="N",
                        help="cut SPARQL results after N rows, saying so in a header (default 10000)")
    parser.add_argument("--max-query-length", type=int, metavar="CHARS",
                        help="refuse longer queries with 413 (default 100000)")
    parser.add_argument("--query-memory", type=int, metavar="MIB",
                        help="memory each SPARQL query process may use, in MiB; a query over it is stopped with "
                             "503 (default: half the machine's memory shared by all query processes)")
    parser.add_argument("--allow-updates", action="store_true",
                        help="accept SPARQL updates from clients that send the bearer token in $DANGJIAN_UPDATE_TOKEN "
                             "(at least 32 random characters; default: read-only, updates get 403); each update "
                             "is stopped and rolled back at --query-timeout")
    parser.add_argument("--allow-load", action="append", metavar="URL", dest="loads",
                        help="with --allow-updates: let LOAD fetch this URL (repeatable; default none: an update "
                             "with LOAD gets 400 and the server fetches nothing)")
    parser.add_argument("--allow-service", action="append", metavar="URL", dest="services",
                        help="let SPARQL queries call this endpoint with SERVICE (repeatable; default none: a query "
                             "with SERVICE gets 400, so the server never connects anywhere on a client's behalf)")
    parser.add_argument("--cors", action="append", metavar="ORIGIN", dest="cors_origins",
                        help="let web pages from ORIGIN (e.g. https://yasgui.example.org, or * for any) query this "
                             "server from a browser: sends CORS headers and answers preflight requests "
                             "(repeatable; default none: browsers block pages of other origins)")
    parser.add_argument("--access-log", action="store_true", help="log every request on stderr")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dangjian.api.serve import serve
    from dangjian.api.settings import Settings

    if args.workers < 1 or not 0 <= args.port <= 65535:
        raise UsageError("--workers must be at least 1 and --port between 0 and 65535")
    spec = store_spec(args.store)
    export_server_options(args)  # every worker process opens the store itself
    if not spec.startswith(("http://", "https://")) and not (Path(spec) / "CURRENT").exists():
        raise CommandError(f"there is no store at {spec}; build one first (dangjian load FILE... --store {spec})")
    try:
        settings = Settings.from_env(query_timeout=args.query_timeout, row_limit=args.row_limit,
                                     max_query_length=args.max_query_length, query_memory=args.query_memory,
                                     updates_enabled=args.allow_updates or None,
                                     services=tuple(args.services) if args.services else None,
                                     loads=tuple(args.loads) if args.loads else None,
                                     cors_origins=tuple(args.cors_origins) if args.cors_origins else None)
    except ValueError as error:
        raise UsageError(str(error)) from None
    try:
        serve(spec, host=args.host, port=args.port, workers=args.workers, settings=settings,
              access_log=args.access_log)
    except ValueError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise CommandError(_listen_failure(args.host, args.port, error)) from None
    return 0


def _listen_failure(host: str, port: int, error: OSError) -> str:
    """Why the server could not listen, naming the port and what to do."""
    if error.errno == errno.EADDRINUSE:
        return (f"port {port} on {host} is already in use, perhaps by another `dangjian serve`; stop that "
                f"process (see who holds it: ss -ltnp 'sport = :{port}') or choose another port: "
                f"--port {port + 1 if port < 65535 else 8000}, or -p 0 for a free one")
    if error.errno == errno.EACCES:
        return (f"not allowed to listen on {host}:{port} (ports below 1024 need administrator rights); "
                f"choose a port above 1024, e.g. --port 8000")
    if error.errno == errno.EADDRNOTAVAIL:
        return f"{host} is not an address of this machine; use --host 127.0.0.1 or one of its own addresses"
    return f"cannot listen on {host}:{port}: {error.strerror or error}; choose another --port (0 picks a free one)"
