"""The docs keep up with the code, one test per thing documented (as datasette's test_docs): every route of every
router the app includes, every setting, every `serve` option, and every command (its --help has examples and
README names it)."""
from __future__ import annotations

import argparse
import dataclasses
import re
from pathlib import Path

import pytest

from dangjian.api import app, cli
from dangjian.api.settings import Settings

REPO = Path(__file__).parents[2]
API_DOC = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
README = (REPO / "README.md").read_text(encoding="utf-8")
DOCS = README + "".join(path.read_text(encoding="utf-8") for path in sorted((REPO / "docs").glob("*.md")))
ROUTES = sorted({route.path for module in app.ROUTERS for route in module.router.routes})
COMMANDS = next(a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
SERVE_OPTIONS = {option: action.dest for action in COMMANDS["serve"]._actions for option in action.option_strings
                 if option.startswith("--") and option not in ("--help", "--store")}
# settings a user switches by a name other than their own
SWITCHED_AS = {"updates_enabled": "allow_updates"}


@pytest.mark.parametrize("path", ROUTES)
def test_docs_api_mentions_every_route(path: str) -> None:
    pieces = [piece for piece in re.split(r"\{[^}]*\}", path) if piece.strip("/")]
    missing = [piece.rstrip("/") for piece in pieces if piece.rstrip("/") not in DOCS]
    assert not missing, f"{path}: the docs do not mention {missing}"


@pytest.mark.parametrize("option", sorted(SERVE_OPTIONS))
def test_docs_api_mentions_every_serve_option(option: str) -> None:
    assert option in API_DOC


@pytest.mark.parametrize("name", [field.name for field in dataclasses.fields(Settings)])
def test_docs_api_mentions_every_setting(name: str) -> None:
    options = [option for option, dest in SERVE_OPTIONS.items() if dest == SWITCHED_AS.get(name, name)]
    assert f"DANGJIAN_{name.upper()}" in API_DOC or any(option in API_DOC for option in options), \
        f"{name}: document its environment variable or its serve option in docs/api.md"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_every_command_has_examples_and_is_in_readme(name: str) -> None:
    text = COMMANDS[name].format_help()
    assert "examples:" in text and f"  dangjian {name}" in text
    if any(action.dest == "store" for action in COMMANDS[name]._actions):
        assert "./dangjian-data" in text
    assert f"dangjian {name}" in README
