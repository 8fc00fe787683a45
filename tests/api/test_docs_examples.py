"""Every `sh` and `sparql` example of README.md and docs/*.md runs against the sample store and answers as shown.

Commands run with bash in a scratch folder that holds the repository's folders (linked), a copy of the
sample store as ./dangjian-data, and the files the examples name (news/, page.txt, extra/places.ttl).
`curl` lines go to a real server over a copy of the sample store (updates on, token in
$DANGJIAN_UPDATE_TOKEN); `dangjian serve` lines start and answer /-/health, or, when they would bind
beyond loopback, are parsed only.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from markdown_examples import Block, blocks, command_lines, prose_urls, table_shown

from dangjian.api.app import create_app
from dangjian.api.settings import Settings
from dangjian.graph.store.embedded import EmbeddedStore

REPO = Path(__file__).resolve().parents[2]
DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
EXAMPLES = [block for path in DOCS for block in blocks(path)]
BIN = Path(sys.executable).parent
DOCUMENTED_URL = "http://127.0.0.1:8000"
TOKEN = "docs-example-token-5b8e2f7a9c1d3e6f0a4b7c9d2e5f8a1b"
LINKED = ("samples", "bench", "tests", "docs", "ontology")
# A short page written for these tests (invented units and people), so that `remove page.txt` leaves the sample.
PAGE = """测试街道枫林社区开展垃圾分类宣传活动

本报讯 近日，测试街道枫林社区党支部联合枫林小学在社区广场开展垃圾分类宣传活动，社区党支部书记林小禾向居民讲解分类知识。
"""
PLACES = """@prefix dj: <https://w3id.org/dangjian/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/dangjian/id/community/测试街道/枫林社区> a dj:Community ; rdfs:label "枫林社区"@zh .
"""


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample folder loaded by `dangjian load samples/` into a store directory (closed)."""
    location = tmp_path_factory.mktemp("docs-sample") / "store"
    done = subprocess.run([str(BIN / "dangjian"), "load", str(REPO / "samples"), "--store", str(location)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return location


@pytest.fixture(scope="module")
def server(sample_store: Path, tmp_path_factory: pytest.TempPathFactory, serve_app) -> Iterator[str]:
    copy = tmp_path_factory.mktemp("docs-server") / "store"
    shutil.copytree(sample_store, copy)
    store = EmbeddedStore(copy)
    with serve_app(create_app(store, settings=Settings(updates_enabled=True, update_token=TOKEN))) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def workspace_of(sample_store: Path, tmp_path_factory: pytest.TempPathFactory):
    """`workspace_of(document)`: the document's scratch folder, made when its first example runs (a reader
    follows a page in order, so `dangjian analyze --write` before a query of the analytics graph holds)."""
    made: dict[Path, Path] = {}

    def folder_for(document: Path) -> Path:
        if document not in made:
            made[document] = _make_workspace(tmp_path_factory.mktemp("docs-" + document.stem), sample_store)
        return made[document]
    return folder_for


def _make_workspace(folder: Path, sample_store: Path) -> Path:
    for name in LINKED:
        (folder / name).symlink_to(REPO / name)
    shutil.copytree(sample_store, folder / "dangjian-data")
    (folder / "news").mkdir()
    shutil.copy(REPO / "samples" / "seed-page.txt", folder / "news")
    (folder / "page.txt").write_text(PAGE, encoding="utf-8")
    (folder / "extra").mkdir()
    (folder / "extra" / "places.ttl").write_text(PLACES, encoding="utf-8")
    return folder


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DANGJIAN_")}
    return env | {"PATH": f"{BIN}{os.pathsep}{env.get('PATH', '')}", "DANGJIAN_UPDATE_TOKEN": TOKEN}


def _run_serve(words: list[str], folder: Path) -> None:
    """Start the documented `dangjian serve` on a free loopback port, ask /-/health, stop it."""
    if "--host" in words and words[words.index("--host") + 1] not in ("127.0.0.1", "localhost"):
        from dangjian.api.cli import build_parser
        build_parser().parse_args(words[1:])  # binds beyond loopback: only check that the options exist
        return
    for flag in ("-p", "--port"):
        if flag in words:
            del words[words.index(flag):words.index(flag) + 2]
    process = subprocess.Popen([*words, "-p", "0"], cwd=folder, env=_env(), stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = process.stderr.readline()
            found = re.search(r"http://127\.0\.0\.1:\d+", line)
            if found:
                assert httpx.get(found[0] + "/-/health", timeout=10).status_code == 200
                return
            assert line or process.poll() is None, f"{shlex.join(words)} stopped: {process.stderr.read()}"
        raise AssertionError(f"{shlex.join(words)} printed no URL within 60 s")
    finally:
        process.terminate()
        process.wait(timeout=30)


def _check_curl(output: str, command: str) -> None:
    parts = re.split(r"\n@@(\d{3})@@\n", output)
    statuses = [int(s) for s in parts[1::2]]
    assert statuses and all(s in (200, 204) for s in statuses), f"{command}\n{output[:2000]}"
    for body, status in zip(parts[0::2], statuses):
        if status == 200:
            assert body.strip(), command
            if body.lstrip()[:1] in "{[":
                json.loads(body)


def _run_command(command: str, folder: Path, server: str) -> None:
    words = shlex.split(command.replace("\\\n", " "), comments=True)
    if words[:2] == ["dangjian", "serve"]:
        _run_serve(words, folder)
        return
    line = command.replace(DOCUMENTED_URL, server)
    curl = words[0] == "curl"
    if curl:
        line = re.sub(r"(^|;\s*)curl ", r"\1curl -sS -w '\\n@@%{http_code}@@\\n' ", line)
    done = subprocess.run(["bash", "-c", line], cwd=folder, env=_env(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command}\nexit {done.returncode}\n{done.stderr[-3000:]}"
    if curl:
        _check_curl(done.stdout, command)
    elif ">" in words or "-o" in words:
        written = folder / words[words.index("-o") + 1] if "-o" in words else folder / words[words.index(">") + 1]
        assert written.is_file() and written.stat().st_size > 0, command
    elif words[0] in ("dangjian", "curl") and not {"load", "remove", "serve"} & set(words[:2]):
        assert done.stdout.strip() or done.stderr.strip(), command


def _run_sparql(block: Block, folder: Path) -> None:
    """Run the block as README says (`dangjian query -f FILE.rq`) and compare with the table shown after it."""
    (folder / "example.rq").write_text(block.text, encoding="utf-8")
    done = subprocess.run([str(BIN / "dangjian"), "query", "-f", "example.rq", "--format", "json"], cwd=folder,
                          env=_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    rows = result["results"]["bindings"]
    if block.shown is None:
        assert rows, f"{block.name}: the example answers no row on the sample"
        return
    header, count = table_shown(block.shown)
    assert result["head"]["vars"] == header and len(rows) == count, (result["head"]["vars"], len(rows))


@pytest.mark.parametrize("block", EXAMPLES, ids=[b.name for b in EXAMPLES])
def test_docs_examples_run_on_the_sample_and_answer_as_shown(block: Block, workspace_of, server: str) -> None:
    if block.not_run:
        pytest.skip(f"{block.name}: not run ({block.not_run})")
    workspace = workspace_of(block.path)
    if block.language == "sparql":
        _run_sparql(block, workspace)
        return
    for command in command_lines(block.text):
        _run_command(command, workspace, server)


PROSE = [(path, url) for path in DOCS for url in prose_urls(path, DOCUMENTED_URL)]


@pytest.mark.parametrize("path, url", PROSE, ids=[f"{p.name}:{u[len(DOCUMENTED_URL):] or '/'}" for p, u in PROSE])
def test_docs_examples_pages_the_text_names_open_in_a_browser(path: Path, url: str, server: str) -> None:
    answer = httpx.get(server + url[len(DOCUMENTED_URL):], headers={"Accept": "text/html"}, timeout=30,
                       follow_redirects=True)
    assert answer.status_code == 200, f"{path.name}: {url} answers {answer.status_code}"


def test_docs_examples_are_found() -> None:
    assert len(PROSE) >= 3
    assert len(EXAMPLES) >= 10
    assert any("curl" in b.text for b in EXAMPLES) and any(b.language == "sparql" for b in EXAMPLES)
