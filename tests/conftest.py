"""Fixtures shared by every test folder: stores (embedded and a real `oxigraph serve`), the `dangjian` command and `dangjian serve`."""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, settings

from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.graph.store.remote import RemoteStore

# Property tests: a small profile by default, so CI stays fast; DANGJIAN_HYPOTHESIS=long for a longer hunt (bench/).
settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("DANGJIAN_HYPOTHESIS", "ci"))

BIN = Path(sys.executable).parent
FIXTURES = Path(__file__).parent / "fixtures"
DANGJIAN = str(BIN / "dangjian")
# How long a server may take to answer its first request: imports, store, query workers, on a busy machine.
READY_SECONDS = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM, seconds: float = 15.0) -> None:
    """Ask a server process to stop (SIGINT: as Ctrl+C would), and kill it if it has not within `seconds`."""
    process.send_signal(sig)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=seconds)
        return
    process.kill()
    process.wait()


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
        stop(process)
        log.close()


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = {dir}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 300
"""
# As Virtuoso's documentation says: the SPARQL user may update, and anyone may write through the Graph Store.
VIRTUOSO_GRANTS = ('GRANT SPARQL_UPDATE TO "SPARQL"; GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO "SPARQL"; '
                   "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);")


@contextmanager
def virtuoso(binary: str, location: Path) -> Iterator[str]:
    """Run `virtuoso-t` in the foreground on free loopback ports with a database in `location`; yields its URL."""
    http_port, sql_port = _free_port(), _free_port()
    ini = location / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=location, sql_port=sql_port, http_port=http_port))
    url = f"http://127.0.0.1:{http_port}"
    log = open(location / "virtuoso-t.log", "wb")
    process = subprocess.Popen([binary, "-c", str(ini), "+foreground"], cwd=location, stdout=log,
                               stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while not _answers(f"{url}/sparql", process):
            if time.monotonic() > deadline:
                raise RuntimeError(f"Virtuoso did not answer at {url} within 120 s; see {location}/virtuoso.log")
            time.sleep(0.2)
        isql = shutil.which("isql-vt") or shutil.which("isql")
        subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={VIRTUOSO_GRANTS}"], check=True,
                       capture_output=True, timeout=60)
        yield url
    finally:
        stop(process, seconds=60)
        log.close()


def _answers(url: str, process: subprocess.Popen) -> bool:
    if process.poll() is not None:
        raise RuntimeError(f"virtuoso-t exited with status {process.returncode}")
    try:
        return httpx.get(url, params={"query": "ASK {}"}, timeout=2.0).status_code == 200
    except httpx.TransportError:
        return False


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a real Virtuoso 7.2 on loopback, with a throw-away database and SPARQL update rights."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("Virtuoso is missing: apt-get install virtuoso-opensource (.ci/run does under CI)")
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    with virtuoso(binary, tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


SERVERS = {"remote": "oxigraph_server", "virtuoso": "virtuoso_server"}


@pytest.fixture(params=["embedded", pytest.param("remote", marks=pytest.mark.remote),
                        pytest.param("virtuoso", marks=pytest.mark.virtuoso)])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty store of each kind: the same test runs over pyoxigraph on disk, `oxigraph serve` and Virtuoso."""
    if request.param == "embedded":
        opened = EmbeddedStore(tmp_path / "store")
    else:
        opened = RemoteStore.from_url(request.getfixturevalue(SERVERS[request.param]))
        graphs = opened.graphs()  # the project's graphs only: Virtuoso's own stay
        for i in range(0, len(graphs), 200):
            opened.update(" ; ".join(f"DROP SILENT GRAPH <{graph}>" for graph in graphs[i:i + 200]))
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


def wait_until_ready(url: str, process: subprocess.Popen | None = None, seconds: float = READY_SECONDS) -> None:
    """Poll /-/health until it answers 200: a server is ready when it answers, not after a fixed time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            if httpx.get(f"{url}/-/health", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"the server at {url} did not answer /-/health within {seconds} s")


@contextmanager
def serving(*args: str, env: dict | None = None) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `dangjian serve -p 0 ARGS` as a user would; yields its URL, read from stderr, once it answers."""
    process = subprocess.Popen([DANGJIAN, "serve", "-p", "0", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + READY_SECONDS
        url = None
        while url is None and time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line and process.poll() is not None:
                raise RuntimeError(f"dangjian serve exited with {process.returncode}")
            found = re.search(r"serving .* at (http://127\.0\.0\.1:\d+)/", line)
            url = found and found[1]
        assert url, "no URL on stderr"
        wait_until_ready(url, process)
        yield url, process
    finally:
        stop(process, signal.SIGINT)


@pytest.fixture(scope="session")
def serve_command():
    """`with serve_command("--store", DIR) as (url, process):` runs the real `dangjian serve`, ready to answer."""
    return serving
