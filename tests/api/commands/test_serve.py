"""`dangjian serve` as a user runs it: loopback, -p 0 with the URL on stderr, following loads, usage errors."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

DANGJIAN = str(Path(sys.executable).parent / "dangjian")
FIXTURE = Path(__file__).parents[1] / "fixtures" / "community.trig"
EXTRA = """@prefix dj: <https://w3id.org/dangjian/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/dangjian/id/org/新来的单位> a dj:Organization ; rdfs:label "新来的单位"@zh .
"""


def dangjian(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([DANGJIAN, *args], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("serve") / "store")
    assert dangjian("load", str(FIXTURE), "--store", path).returncode == 0
    return path


def _labels(url: str, q: str) -> list[str]:
    return [h["label"] for h in httpx.get(f"{url}/api/entities", params={"q": q}, timeout=10).json()]


def test_serve_binds_loopback_prints_url_on_stderr_and_follows_a_load(store_dir: str, tmp_path: Path,
                                                                      serve_command) -> None:
    with serve_command("--store", store_dir) as (url, process):
        assert httpx.get(f"{url}/-/health").json()["status"] == "ok"
        assert "桃源社区" in _labels(url, "桃源")
        extra = tmp_path / "extra.ttl"
        extra.write_text(EXTRA, encoding="utf-8")
        loaded = dangjian("load", str(extra), "--store", store_dir)
        assert loaded.returncode == 0, loaded.stderr
        deadline = time.monotonic() + 10
        while "新来的单位" not in _labels(url, "新来的") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _labels(url, "新来的") == ["新来的单位"]
        sparql = httpx.get(f"{url}/sparql", params={"query": 'ASK { ?s ?p "新来的单位"@zh }', "format": "json"})
        assert sparql.json()["boolean"] is True
    assert process.stdout.read() == ""


def test_serve_with_two_workers_answers(store_dir: str, serve_command) -> None:
    # Ready means /-/health answered; each worker's first query may still take seconds on a busy machine.
    with serve_command("--store", store_dir, "--workers", "2") as (url, _), httpx.Client(timeout=60) as client:
        for _ in range(6):
            assert client.get(f"{url}/api/entities/place/320599001001").json()["label"] == "桃源社区"
            assert client.get(f"{url}/sparql", params={"query": "ASK {}"}).status_code == 200


def test_serve_help_says_why_it_binds_loopback() -> None:
    help_text = " ".join(dangjian("serve", "--help").stdout.split())
    assert "127.0.0.1" in help_text and "only this machine" in help_text
    assert "example" in help_text


def test_serve_bad_usage_exits_2_and_a_missing_store_exits_1(tmp_path: Path, store_dir: str) -> None:
    no_token = dangjian("serve", "--store", store_dir, "--allow-updates")
    env_free = {k: v for k, v in os.environ.items() if k != "DANGJIAN_UPDATE_TOKEN"}
    assert no_token.returncode == 2 or "DANGJIAN_UPDATE_TOKEN" in env_free
    assert "DANGJIAN_UPDATE_TOKEN" in no_token.stderr
    missing = dangjian("serve", "--store", str(tmp_path / "nowhere"))
    assert missing.returncode == 1 and "dangjian load" in missing.stderr and missing.stdout == ""


def test_serve_on_a_busy_port_names_the_port_and_what_to_do(store_dir: str) -> None:
    import socket
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = dangjian("serve", "--store", store_dir, "--port", str(port))
    assert busy.returncode == 1 and "Traceback" not in busy.stderr and "Errno" not in busy.stderr
    assert f"port {port} on 127.0.0.1 is already in use" in busy.stderr
    assert "-p 0" in busy.stderr and f"--port {port + 1}" in busy.stderr


def test_serve_cors_option_lets_one_origin_query_from_a_browser(store_dir: str, serve_command) -> None:
    origin = "https://editor.example.org"
    with serve_command("--store", store_dir, "--cors", origin) as (url, _):
        preflight = httpx.options(f"{url}/sparql", headers={"Origin": origin, "Access-Control-Request-Method": "GET"})
        assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == origin
    bad = dangjian("serve", "--store", store_dir, "--cors", "editor.example.org")
    assert bad.returncode == 2 and "--cors" in bad.stderr
