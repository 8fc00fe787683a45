"""The `dangjian` command: one parser built from the command modules, expected errors turned into exit codes."""
from __future__ import annotations

import argparse
import os
import sys

from dangjian.api.commands import analyze, export, ontology, query, serve, stats, validate, viz
from dangjian.api.commands.common import SERVER_HELP, UsageError
from dangjian.api.commands.loading import eval as eval_command
from dangjian.api.commands.loading import extract, load, remove
from dangjian.graph.store.embedded import is_snapshot_error
from dangjian.ontology.errors import DangjianError

# The subcommands' modules (each with `register(subparsers)` and `run(args)`), in the order --help lists them.
COMMANDS = (load, remove, extract, query, export, validate, stats, ontology, serve, viz, analyze, eval_command)

DESCRIPTION = "Build and query a knowledge graph of community party-building (社区党建) news."
EXAMPLES = """\
examples:
  dangjian load samples/                     # build the graph in ./dangjian-data
  dangjian ontology --queries                # the competency questions
  dangjian query --name <question> --format json
  dangjian <command> --help                  # each command's options and examples

"""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; each module in dangjian.api.commands registers its own subcommand."""
    parser = argparse.ArgumentParser(prog="dangjian", description=DESCRIPTION, epilog=EXAMPLES + SERVER_HELP,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True, dest="command")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; exit status 0 done, 1 failed (the message says what to do), 2 bad usage.

    Any error of dangjian's tree (dangjian.ontology.errors) that a command lets through is one line on stderr.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    command = f"dangjian {_command_name(args)}"
    try:
        return args.run(args)
    except UsageError as error:
        _subparser(parser, args).error(str(error))
    except (DangjianError, OSError, ValueError, SyntaxError) as error:
        if isinstance(error, BrokenPipeError):
            return _quiet_broken_pipe()
        print(f"{command}: error: {_message(error)}", file=sys.stderr)
        return 1
    except RuntimeError as error:
        if not is_snapshot_error(error):
            raise
        print(f"{command}: error: the store changed while it was read (a load in another process is writing "
              f"to it); run the command again", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{command}: interrupted", file=sys.stderr)
        return 130
    return 0


def _message(error: BaseException) -> str:
    """Expected errors carry their own advice; OS errors get the file name pyoxigraph or Python attached."""
    if isinstance(error, OSError) and error.filename:
        return f"{error.filename}: {error.strerror or error}"
    if isinstance(error, SyntaxError) and error.msg:
        return error.msg
    return str(error)


def _command_name(args: argparse.Namespace) -> str:
    return getattr(args, "command", None) or ""


def _subparser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the command that ran, so a usage error prints that command's usage line."""
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        sub = action.choices.get(_command_name(args))
        if sub is not None:
            return sub
    return parser


def _quiet_broken_pipe() -> int:
    """The reader went away (`dangjian export | head`): stop without a traceback."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("dangjian")
    except PackageNotFoundError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
