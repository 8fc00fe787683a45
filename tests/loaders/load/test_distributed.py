"""Loading on a Dask cluster (a real LocalCluster of two worker processes): the same graph as a local load, nothing
lost when a worker dies, the same errors for bad files."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dangjian.graph.store import open_store
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.load.pipeline import load_articles
from dangjian.loaders.load.progress import LoadReport

distributed = pytest.importorskip("distributed")

from dangjian.loaders.load.distributed import ClusterError, load_on_cluster  # noqa: E402

pytestmark = pytest.mark.dask

ROOT = Path(__file__).resolve().parents[3]
LOAD_TIME = "<http://www.w3.org/ns/prov#endedAtTime>"
QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def _cluster() -> distributed.LocalCluster:
    return distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                    dashboard_address="127.0.0.1:0")


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with _cluster() as cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def corpus(folder: Path, synthetic: int) -> list[Path]:
    """The sample page, the hand-checked articles and `synthetic` articles from bench/corpus.py."""
    folder.mkdir()
    shutil.copy(ROOT / "samples" / "seed-page.txt", folder)
    for path in sorted((ROOT / "tests" / "fixtures" / "articles").glob("*")):
        if not path.name.endswith("-gold.json"):
            shutil.copy(path, folder)
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(synthetic), str(folder / "synthetic")],
                   check=True, capture_output=True)
    return sorted(p for p in folder.rglob("*") if p.is_file())


def quads(path: Path) -> set[tuple[str, ...]]:
    """Every quad of a store, the load-time stamps left out."""
    store = open_store(str(path), read_only=True)
    try:
        rows = store.query(QUADS)
        return {tuple(str(row[v]) for v in "spog") for row in rows if str(row["p"]) != LOAD_TIME}
    finally:
        store.close()


def load_local(files: list[Path], location: Path) -> set[tuple[str, ...]]:
    store = open_store(str(location))
    load_articles(store, files, LoadOptions(progress=False))
    store.close()
    return quads(location)


def load_dask(files: list[Path], location: Path, client, batch_chars: int = 4_000):
    store = open_store(str(location))
    try:
        return load_on_cluster(store, files, LoadOptions(progress=False), client, batch_chars=batch_chars)
    finally:
        store.close()


def test_distributed_load_gives_the_local_graph_quad_for_quad(client, tmp_path):
    files = corpus(tmp_path / "corpus", 40)
    local = load_local(files, tmp_path / "local")
    report = load_dask(files, tmp_path / "dask", client)
    assert report.articles > 50 and not report.failed
    assert quads(tmp_path / "dask") == local
    again = load_dask(files, tmp_path / "dask", client)
    assert (again.articles, again.unchanged) == (0, report.articles)


def test_distributed_load_worker_killed_mid_run_loses_nothing_after_rerun(tmp_path):
    files = corpus(tmp_path / "corpus", 200)
    local = load_local(files, tmp_path / "local")
    with _cluster() as cluster, distributed.Client(cluster) as dask_client:
        outcome: list[object] = []
        run = threading.Thread(target=lambda: outcome.append(_attempt(files, tmp_path / "dask", dask_client)))
        run.start()
        victim = _busy_worker(dask_client)
        os.kill(victim, signal.SIGKILL)
        assert run.is_alive(), "the load ended before a worker was killed"
        run.join(timeout=300)
        assert outcome and isinstance(outcome[0], (LoadReport, ClusterError))
        rerun = load_dask(files, tmp_path / "dask", dask_client)
    assert not rerun.failed
    assert quads(tmp_path / "dask") == local


def _attempt(files: list[Path], location: Path, dask_client) -> object:
    """A load that may fail: a dead worker's batch is retried elsewhere, or the load stops with ClusterError."""
    try:
        return load_dask(files, location, dask_client, batch_chars=3_000)
    except Exception as error:  # the test asserts on the re-run, whatever this run did
        return error


def _busy_worker(dask_client, seconds: float = 120.0) -> int:
    """The process id of a worker running a batch, once both workers are busy and some batches are done."""
    pids = dask_client.run(os.getpid)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        busy = [address for address, keys in dask_client.processing().items() if keys]
        if len(busy) == 2:
            time.sleep(0.2)
            return pids[busy[0]]
        time.sleep(0.05)
    raise AssertionError("the workers never got a batch to extract")


def test_distributed_load_reports_bad_files_as_the_local_load_does(client, dangjian, tmp_path):
    folder = tmp_path / "input"
    folder.mkdir()
    shutil.copy(ROOT / "samples" / "seed-page.txt", folder)
    (folder / "broken.jsonl").write_text('{"title": "社区活动", "text": "富元社区开展活动。"}\n{"title": \n',
                                         encoding="utf-8")
    (folder / "blank.txt").write_text("\n\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    local = dangjian("load", "input", "--no-progress", "--store", "local-store")
    on_cluster = dangjian("load", "input", "--no-progress", "--store", "dask-store",
                          "--scheduler", client.scheduler.address)
    assert local.returncode == on_cluster.returncode == 1
    errors = [line for line in local.stderr.splitlines() if "error" in line or line.startswith("  ")]
    assert len(errors) >= 3
    assert errors == [line for line in on_cluster.stderr.splitlines() if "error" in line or line.startswith("  ")]


def test_distributed_scheduler_option_misuse_is_bad_usage(dangjian):
    both = dangjian("load", str(ROOT / "samples"), "--jobs", "2", "--scheduler", "local:2")
    unknown = dangjian("load", str(ROOT / "samples"), "--scheduler", "somewhere")
    assert both.returncode == unknown.returncode == 2
    assert "not both" in both.stderr and "tcp://HOST:8786" in unknown.stderr


def test_distributed_load_command_starts_and_stops_a_local_cluster(dangjian):
    sample = str(ROOT / "samples" / "seed-page.txt")
    local = dangjian("load", sample, "--no-progress", "--store", "local-store", check_status=0)
    on_cluster = dangjian("load", sample, "--no-progress", "--store", "dask-store", "--scheduler", "local:2",
                          check_status=0)
    assert "8 article(s) loaded" in on_cluster.stderr
    assert _summary(on_cluster.stderr) == _summary(local.stderr)


def _summary(stderr: str) -> list[str]:
    """The load's summary without its duration."""
    return [line.split(" in ")[0] for line in stderr.splitlines() if "loaded" in line or "entities" in line]
