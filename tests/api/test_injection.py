"""Hostile ids and search strings: never a server error, never SPARQL injected, labels returned as plain data."""
from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

HOSTILE = [
    '"', "'", "}", "{", "UNION", '"} UNION { ?s ?p ?o } #', "'} UNION { ?s ?p ?o } #",
    "> ?p ?o } UNION { ?s ?p ?o", "a\nb", "\r\n}\n", "<script>alert(1)</script>", "\\", '\\"',
    "\\u0022) } #", "?s ?p ?o", "; DROP ALL ;", "%22%7D", "#", "蠡口\" . ?x ?y ?z", "\u202e\u0000",
    "x" * 5000,
]
HOSTILE_LABEL = '"引号"} UNION {<script>alert(1)</script>\\ 公司\n第二行'


@pytest.mark.parametrize("text", HOSTILE)
def test_injection_search_strings_match_only_as_text(client: httpx.Client, text: str) -> None:
    response = client.get("/api/entities", params={"q": text})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        for hit in response.json():
            names = [hit["label"], hit["matched"]]
            assert any(text.strip().lower() in n.lower() for n in names)


@pytest.mark.parametrize("text", HOSTILE)
def test_injection_ids_are_rejected_or_not_found(client: httpx.Client, text: str) -> None:
    for path in (f"/api/entities/{quote(text, safe='')}", f"/api/entities/{quote(text, safe='')}/neighbourhood",
                 f"/api/articles/{quote(text, safe='')}"):
        response = client.get(path)
        assert response.status_code in (404, 422), (path, response.status_code, response.text)
        assert "detail" in response.json()


@pytest.mark.parametrize("text", HOSTILE[:12])
def test_injection_filters_of_the_neighbourhood_are_checked(client: httpx.Client, text: str) -> None:
    url = "/api/entities/place/320599001001/neighbourhood"
    assert client.get(url, params={"types": text}).status_code == 422
    response = client.get(url, params={"predicates": text})
    assert response.status_code in (200, 422)
    if response.status_code == 200:
        assert response.json()["links"] == []


def test_injection_label_with_quotes_braces_and_script_comes_back_verbatim(client: httpx.Client) -> None:
    hits = client.get("/api/entities", params={"q": '"} UNION {'}).json()
    assert [h["label"] for h in hits] == [HOSTILE_LABEL]
    assert client.get("/api/entities", params={"q": "<script>"}).json()[0]["label"] == HOSTILE_LABEL
    card = client.get("/api/entities/org/引号")
    assert card.headers["content-type"].startswith("application/json")
    assert card.json()["label"] == HOSTILE_LABEL


def test_injection_article_title_with_braces_is_listed_as_text(client: httpx.Client) -> None:
    titles = [a["title"] for a in client.get("/api/articles").json()["articles"]]
    assert '桃源新村社区"红色"议事会 } UNION { <script>alert(1)</script>' in titles


def test_injection_over_long_search_is_refused(client: httpx.Client) -> None:
    response = client.get("/api/entities", params={"q": "桃" * 201})
    assert response.status_code == 422
