"""Requests built to hurt the server: huge headers and bodies, broken Accept headers, absurd numbers.

Each is answered with a 4xx that says what was wrong, in milliseconds, and the server stays as it was.
"""
from __future__ import annotations

import select
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

MIB = 1 << 20
FIXTURE = Path(__file__).parent / "fixtures" / "community.trig"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, serve_command):
    """A real `dangjian serve` over the community graph; yields (url, pid)."""
    from dangjian.graph.store.embedded import EmbeddedStore
    from dangjian.graph.dataset.rdf_files import load_rdf_file
    path = tmp_path_factory.mktemp("hostile") / "store"
    with EmbeddedStore(path) as store:
        load_rdf_file(store, FIXTURE)
    with serve_command("--store", str(path)) as (url, process):
        yield url, process.pid


def _rss(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) * 1024


def _address(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname, parts.port


def _status(sock: socket.socket, seconds: float) -> int:
    """The status code of the first response line on `sock`, waiting at most `seconds`."""
    sock.settimeout(seconds)
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return int(data.split(b" ", 2)[1])


def _push(url: str, head: bytes, body_chunks, seconds: float) -> tuple[int, int, float]:
    """Send `head`, then chunks until the server answers; returns (status, bytes sent, seconds to the answer)."""
    started = time.monotonic()
    sent = 0
    with socket.create_connection(_address(url)) as sock:
        try:
            sock.sendall(head)
            sent += len(head)
            for chunk in body_chunks:
                if select.select([sock], [], [], 0)[0]:
                    break  # the server has answered (or closed): stop sending, as a client would
                sock.sendall(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            status = _status(sock, seconds)
        except ConnectionResetError:
            status = 0
    return status, sent, time.monotonic() - started


def _health_times(url: str, stop: threading.Event, times: list[float]) -> None:
    with httpx.Client(timeout=30) as client:
        while not stop.is_set():
            started = time.monotonic()
            assert client.get(f"{url}/-/health").status_code == 200
            times.append(time.monotonic() - started)
            time.sleep(0.01)


def test_hostile_requests_10_mb_header_gets_431_at_once_and_the_server_stays_small(server) -> None:
    url, pid = server
    before = _rss(pid)
    stop, times = threading.Event(), []
    health = threading.Thread(target=_health_times, args=(url, stop, times))
    health.start()
    while not times:  # the health poll is running before the header is sent
        time.sleep(0.01)
    try:
        head = b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\nAccept: "
        blocks = (b"text/csv, " * 6554 for _ in range(160))  # 64 KiB at a time, 10 MiB in all
        status, sent, seconds = _push(url, head, blocks, 10)
    finally:
        stop.set()
        health.join()
    assert status == 431 and seconds < 2, (status, seconds)
    assert sent < 10 * MIB  # the server answered before the header was all sent
    assert max(times) < 1, times  # the rest of the server never froze
    assert _rss(pid) - before < 16 * MIB


def test_hostile_requests_300_mb_chunked_body_gets_413_while_streaming(server) -> None:
    url, pid = server
    before = _rss(pid)
    head = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"%x\r\n%s\r\n" % (MIB, b"#" * MIB)
    status, sent, seconds = _push(url, head, (chunk for _ in range(300)), 10)
    assert status == 413 and seconds < 3, (status, seconds)
    assert sent < 64 * MIB  # refused while the body was arriving, not after reading it
    assert _rss(pid) - before < 32 * MIB
    assert httpx.get(f"{url}/-/health", timeout=10).status_code == 200


def test_hostile_requests_declared_oversize_body_gets_413_before_it_is_sent(server) -> None:
    url, _ = server
    head = (b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
            b"Content-Length: 300000000\r\n\r\n")
    status, sent, seconds = _push(url, head, (b"#" * MIB for _ in range(300)), 10)
    assert status == 413 and sent < 64 * MIB and seconds < 3


@pytest.mark.parametrize("accept", [";;;", "text/csv;q=abc", "*/*;q=-1", ",,,", "text/csv;q=2", "/", "a/b/c"])
def test_hostile_requests_broken_accept_headers_get_406_with_a_message(client: httpx.Client, accept: str) -> None:
    for method, path, params in (("GET", "/sparql", {"query": "ASK {}"}), ("GET", "/sparql", {}),
                                 ("POST", "/sparql", {"query": "ASK {}"})):
        response = client.request(method, path, params=params if method == "GET" else None,
                                  data=params if method == "POST" else None, headers={"Accept": accept})
        assert response.status_code in (400, 406), (accept, method, params, response.status_code, response.text)
        assert "Accept" in response.json()["detail"]


def test_hostile_requests_java_style_accept_still_works(client: httpx.Client) -> None:
    # HttpURLConnection's default: a bare `*` and q without a leading zero.
    response = client.get("/sparql", params={"query": "ASK {}"},
                          headers={"Accept": "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"})
    assert response.status_code == 200


@pytest.mark.parametrize("query", ["offset=999999999999999", "offset=-1", "limit=0", "limit=100000000000",
                                   "offset=1e9", "offset=18446744073709551616"])
def test_hostile_requests_absurd_page_numbers_get_422(client: httpx.Client, query: str) -> None:
    response = client.get(f"/api/articles?{query}")
    assert response.status_code == 422, response.text


def test_hostile_requests_far_offset_within_the_cap_is_an_empty_page(client: httpx.Client) -> None:
    response = client.get("/api/articles", params={"offset": 1_000_000})
    assert response.status_code == 200 and response.json()["articles"] == []
