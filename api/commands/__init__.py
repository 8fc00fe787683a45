"""The `dangjian` subcommands, one module each: here the ones that read or serve a store through dangjian.graph,
in `loading/` the ones that run the article loaders (the only ones that import dangjian.loaders).

To add a command, write `api/commands/<name>.py` (or `api/commands/loading/<name>.py`) with
`register(subparsers)` (build the parser with `common.add_command`, then `set_defaults(run=run)`) and a
`run(args) -> int`, then import it in `dangjian.api.cli` and list it in `COMMANDS`. Keep module-level imports
light (argparse, pathlib): `dangjian --help` imports every command module, so heavy libraries (jieba, pyshacl,
fastapi) are imported inside `run`.
"""

from dangjian.ontology import lazy_exports

# What other packages and users take from here, by module; each module is imported when first used.
__all__, __getattr__ = lazy_exports(__name__, {
    "common": ("CommandError", "SERVER_HELP", "UsageError"),
}, modules=("analyze", "export", "ontology", "query", "serve", "stats", "validate", "viz"))
