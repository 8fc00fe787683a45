"""docs/api.md keeps up with the code: every route, serve option and limit is documented."""
from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import httpx

from dangjian.api.settings import Settings

DOC = (Path(__file__).parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
OURS = {"sparql", "entities", "articles", "meta"}


def test_docs_api_mentions_every_route(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    for path, methods in schema["paths"].items():
        if any(OURS & set(op.get("tags", [])) for op in methods.values()):
            stem = re.sub(r"\{id\}.*", "", path)
            assert stem in DOC, path
            if path.endswith("/neighbourhood"):
                assert "/neighbourhood" in DOC


def test_docs_api_mentions_every_serve_option() -> None:
    help_text = subprocess.run([str(Path(sys.executable).parent / "dangjian"), "serve", "--help"],
                               capture_output=True, text=True).stdout
    for option in set(re.findall(r"--[a-z][a-z-]+", help_text)) - {"--help", "--store"}:
        assert option in DOC, option


def test_docs_api_mentions_every_limit() -> None:
    for field in dataclasses.fields(Settings):
        if field.name not in ("updates_enabled", "update_token"):
            assert f"DANGJIAN_{field.name.upper()}" in DOC or field.name in DOC, field.name
