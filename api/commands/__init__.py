"""The `dangjian` subcommands, one module each.

To add a command, write `api/commands/<name>.py` with `register(subparsers)` (build the parser with
`common.add_command`, then `set_defaults(run=run)`) and a `run(args) -> int`, and list its name in
`dangjian.api.cli.COMMANDS`. Keep module-level imports light (argparse, pathlib): `dangjian --help`
imports every command module, so heavy libraries (jieba, pyshacl, fastapi) are imported inside `run`.
"""
