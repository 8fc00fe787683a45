"""A query that needs too much memory: stopped at the per-worker limit with a 503 that names it; the server goes on."""
from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from dangjian.api.app import create_app
from dangjian.api.settings import Settings

MIB = 1 << 20
LIMIT_MIB = 256
# A string doubled 27 times: 1 GiB, four times the limit, reached in about a second.
BINDS = 'BIND("aaaaaaaa" AS ?a0) ' + " ".join(f"BIND(CONCAT(?a{i}, ?a{i}) AS ?a{i + 1})" for i in range(27))
BOMB = f"SELECT (STRLEN(?a27) AS ?n) WHERE {{ {BINDS} }}"


def _worker_rss() -> dict[int, int]:
    """Resident bytes of this process's query workers, by pid."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(fields["PPid"]) == os.getpid() and b"query_worker" in command and "VmRSS" in fields:
            found[int(entry.name)] = int(fields["VmRSS"].split()[0]) * 1024
    return found


class PeakWatch:
    """The largest resident size any query worker reached, sampled every 20 ms in a thread."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max([self.peak, *_worker_rss().values()])

    def __enter__(self) -> PeakWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def test_sparql_memory_limit_stops_the_query_with_503_naming_it(community_store, serve_app) -> None:
    settings = Settings(query_timeout=20, query_slots=2, query_memory=LIMIT_MIB)
    with serve_app(create_app(community_store, settings=settings)) as url, \
            httpx.Client(base_url=url, timeout=60) as client, PeakWatch() as watch:
        started = time.monotonic()
        with ThreadPoolExecutor(2) as both:  # every slot busy with a query over the limit
            answers = list(both.map(lambda _: client.get("/sparql", params={"query": BOMB}), range(2)))
        elapsed = time.monotonic() - started
        for answer in answers:
            assert answer.status_code == 503, answer.text
            assert f"{LIMIT_MIB} MiB" in answer.json()["detail"] and "--query-memory" in answer.json()["detail"]
        after = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "format": "json"})
        assert after.status_code == 200 and after.json()["boolean"] is True
    assert elapsed < 15, "stopped by the memory limit, not by the time limit"
    # Resident size counts code and libraries beside the limited data; no worker came near 1 GiB.
    assert 0 < watch.peak < (LIMIT_MIB + 160) * MIB, watch.peak / MIB


def test_sparql_memory_limit_defaults_to_a_share_of_the_machine() -> None:
    settings = Settings()
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    assert settings.query_memory is None
    from dangjian.graph.pool.query_pool import default_memory_limit
    each = default_memory_limit(slots=2, processes=2)
    assert 256 * MIB <= each <= total // 8 + MIB
