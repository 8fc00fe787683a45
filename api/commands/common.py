"""What the subcommands share: building a parser with an example, the --store option, and opening the store."""
from __future__ import annotations

import argparse
import datetime
import os
from pathlib import Path

from dangjian.graph.store.engines import ENGINE_ENV, ENGINES, QUERY_METHOD_ENV, QUERY_METHODS, UPDATE_METHOD_ENV, UPDATE_METHODS
from dangjian.graph.store import DEFAULT_STORE, STORE_ENV, Store, open_store, store_spec
from dangjian.ontology.errors import DangjianError


class CommandError(DangjianError):
    """An expected failure: the message is printed on stderr (it says what to do next) and the exit status is 1."""


class UsageError(DangjianError):
    """The arguments make no sense together: printed with the command's usage, exit status 2."""


STORE_HELP = (f"where the graph lives: a directory (embedded store, created when missing) or the URL of a "
              f"SPARQL 1.1 server such as http://127.0.0.1:7878 (default: ${STORE_ENV}, else {DEFAULT_STORE}; "
              f"server settings: see `dangjian --help`)")

SERVER_HELP = f"""\
store:
  --store DIR        embedded store in DIR (default ${STORE_ENV}, else {DEFAULT_STORE}); one process at a time
  --store URL        a SPARQL 1.1 server (SPARQL Protocol + Graph Store Protocol), e.g. http://127.0.0.1:7878
                     started with `oxigraph serve --location DIR --union-default-graph`, or Virtuoso 7.2 at
                     http://127.0.0.1:8890 (its SPARQL user needs SPARQL_UPDATE to write); other servers need
                     their own "union default graph" setting (Fuseki: unionDefaultGraph)
environment for --store URL (each also a command option, which wins):
  {ENGINE_ENV:<23}--engine: auto (default: ask the server), {", ".join(ENGINES)}
  {QUERY_METHOD_ENV:<23}--query-method: {", ".join(QUERY_METHODS)} (GET, form POST, direct POST)
  {UPDATE_METHOD_ENV:<23}--update-method: {", ".join(UPDATE_METHODS)}
  DANGJIAN_QUERY_PATH, DANGJIAN_UPDATE_PATH, DANGJIAN_STORE_PATH
                     endpoint paths under the URL (default: the engine's; oxigraph /query, /update, /store;
                     Virtuoso /sparql, /sparql, /sparql-graph-crud; Fuseki: /query, /update, /data)
  DANGJIAN_STORE_USER and DANGJIAN_STORE_PASSWORD   HTTP basic credentials
  DANGJIAN_STORE_TOKEN                              a bearer token (used instead of basic credentials)"""


def add_command(subparsers, name: str, *, help: str, description: str, examples: list[str]) -> argparse.ArgumentParser:
    """A subcommand parser whose --help ends with runnable examples."""
    epilog = "examples:\n" + "\n".join(f"  {line}" for line in examples)
    return subparsers.add_parser(name, help=help, description=description, epilog=epilog,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)


def add_store_option(parser: argparse.ArgumentParser, *, reading: bool = False) -> None:
    """--store for every command that uses one, with how to talk to a server; readers also get --read-only."""
    parser.add_argument("--store", metavar="S", default=None, help=STORE_HELP)
    server = parser.add_argument_group("SPARQL server (--store URL)")
    server.add_argument("--engine", choices=["auto", *ENGINES], default=None,
                        help=f"the kind of server (default ${ENGINE_ENV}, else auto: asked from its Server header)")
    server.add_argument("--query-method", choices=QUERY_METHODS, default=None,
                        help=f"how queries travel (default ${QUERY_METHOD_ENV}, else the engine's: oxigraph direct, "
                             f"Virtuoso form)")
    server.add_argument("--update-method", choices=UPDATE_METHODS, default=None,
                        help=f"how updates travel (default ${UPDATE_METHOD_ENV}, else the engine's)")
    if reading:
        parser.add_argument("--read-only", action="store_true",
                            help="open the embedded store read-only, e.g. while a server holds it "
                                 "(you see the data as it was when opened)")


def open_store_for(args: argparse.Namespace, *, reading: bool = False) -> Store:
    """Open the store of --store; a command that only reads refuses to create a new, empty store."""
    spec = store_spec(args.store)
    if reading and not spec.startswith(("http://", "https://")) and not Path(spec).exists():
        raise CommandError(f"there is no store at {spec}; load data first (dangjian load FILE... --store {spec})")
    return open_store(spec, read_only=getattr(args, "read_only", False), **server_options(args))


def server_options(args: argparse.Namespace) -> dict[str, str]:
    """--engine, --query-method and --update-method as given (an option left out is not in the dict)."""
    names = ("engine", "query_method", "update_method")
    return {name: getattr(args, name) for name in names if getattr(args, name, None)}


def export_server_options(args: argparse.Namespace) -> None:
    """The options as their environment variables, for worker processes that open the store themselves."""
    envs = {"engine": ENGINE_ENV, "query_method": QUERY_METHOD_ENV, "update_method": UPDATE_METHOD_ENV}
    os.environ.update({envs[name]: value for name, value in server_options(args).items()})


def iso_date(value: str) -> str:
    """An argparse type: a date written YYYY-MM-DD."""
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2023-07-20") from None


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)
