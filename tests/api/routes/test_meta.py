"""/-/health and /-/version."""
from __future__ import annotations

import httpx


def test_meta_health_reports_ok_and_the_store(client: httpx.Client) -> None:
    body = client.get("/-/health").json()
    assert body["status"] == "ok" and body["store"].endswith("store")


def test_meta_version_names_the_stack(client: httpx.Client) -> None:
    body = client.get("/-/version").json()
    assert body["dangjian"] and body["pyoxigraph"] and body["python"].startswith("3.")
