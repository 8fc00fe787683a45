"""The OpenAPI schema and the offline /docs page: every route described, with examples."""
from __future__ import annotations

import re

import httpx

from dangjian.api.pages.docs_page import render

OURS = {"sparql", "entities", "articles", "meta"}


def _has_example(value: object) -> bool:
    if isinstance(value, dict):
        return any(k in ("example", "examples") and v for k, v in value.items()) or any(
            _has_example(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_example(v) for v in value)
    return False


def test_openapi_every_route_has_a_description_and_examples(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    every = [(path, method, op) for path, methods in schema["paths"].items() for method, op in methods.items()]
    for path, method, op in every:
        assert op.get("summary") and op.get("description"), (path, method)
        assert _has_example(op), (path, method)
    operations = [(path, method, op) for path, method, op in every if OURS & set(op.get("tags", []))]
    paths = {path for path, _, _ in operations}
    assert {"/sparql", "/api/entities", "/api/entities/{id}", "/api/entities/{id}/neighbourhood", "/api/articles",
            "/api/articles/{id}", "/api/stats", "/-/health", "/-/version"} <= paths
    for path, method, op in operations:
        assert op.get("summary") and len(op.get("description", "")) > 40, (path, method)
        assert _has_example(op), (path, method)
        for parameter in op.get("parameters", []):
            assert parameter.get("description"), (path, method, parameter["name"])


def test_openapi_docs_page_is_self_contained(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "/api/entities/{id}/neighbourhood" in page.text
    assert not re.search(r'(?:src|href)=["\']https?://', page.text)


def test_openapi_docs_page_renders_markdown_descriptions(client: httpx.Client) -> None:
    page = client.get("/docs").text
    assert "<strong><code>/sparql</code></strong>" in page and "<li>" in page
    assert "**" not in page and "`" not in page


def test_openapi_docs_page_keeps_html_in_a_description_as_text() -> None:
    schema = {"info": {"title": "t", "description": "**bold** <script>alert(1)</script> [x](javascript:alert(1))"},
              "paths": {"/a": {"get": {"summary": "s", "description": "`<img src=x onerror=alert(1)>`",
                                       "parameters": [{"name": "q", "in": "query", "description": "<b>q</b>"}]}}}}
    page = render(schema)
    assert "<strong>bold</strong>" in page and "<script>" not in page and "<img" not in page and "<b>" not in page
    assert 'href="javascript:' not in page
