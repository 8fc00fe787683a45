"""Fixtures shared by every test folder: stores (embedded and a real `oxigraph serve`) and the `dangjian` command."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from dangjian.graph.embedded import EmbeddedStore
from dangjian.graph.remote import RemoteStore

BIN = Path(sys.executable).parent
FIXTURES = Path(__file__).parent / "fixtures"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited with status {process.returncode}")
        try:
            httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError(f"oxigraph serve did not answer at {url} within {seconds} s")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a real `oxigraph serve --union-default-graph` on a free loopback port, for the whole session."""
    binary = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("the oxigraph server is missing: pip install -e '.[test]'")
        pytest.skip("the oxigraph server is not installed (pip install -e '.[test]')")
    location = tmp_path_factory.mktemp("oxigraph")
    url = f"http://127.0.0.1:{_free_port()}"
    log = open(location.parent / "oxigraph-serve.log", "wb")
    process = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", url.removeprefix("http://"), "--union-default-graph"],
        stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(params=["embedded", pytest.param("remote", marks=pytest.mark.remote)])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty store of each kind: the same test runs over pyoxigraph on disk and over a SPARQL server."""
    if request.param == "embedded":
        opened = EmbeddedStore(tmp_path / "store")
    else:
        opened = RemoteStore.from_url(request.getfixturevalue("oxigraph_server"))
        opened.update("DROP ALL")
    yield opened
    opened.close()


@pytest.fixture
def dangjian(tmp_path: Path):
    """Run the installed `dangjian` command in tmp_path with its own store; returns the CompletedProcess."""
    script = BIN / "dangjian"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "dangjian.api.cli"]
    env = {**os.environ, "DANGJIAN_STORE": str(tmp_path / "dangjian-data")}

    def run(*args: str, input: str | None = None, check_status: int | None = None) -> subprocess.CompletedProcess:
        done = subprocess.run([*command, *args], cwd=tmp_path, env=env, input=input, capture_output=True,
                              text=True, timeout=120)
        if check_status is not None:
            assert done.returncode == check_status, done.stderr
        return done
    return run
