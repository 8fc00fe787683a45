"""The /sparql workbench (YASGUI) in a real headless Chromium, on loopback, over the sample page's graph."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_graph_page_browser import (ARTIFACTS, CHROMEDRIVER, CHROMIUM, _load_sample, assert_only_loopback, browser,  # noqa: F401
                                     requests_made, wait_for)

from dangjian.api import yasgui_assets
from dangjian.api.app import create_app
from dangjian.graph.store.embedded import EmbeddedStore

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                       reason="needs /usr/bin/chromium and /usr/bin/chromedriver (Debian: chromium chromium-driver)"),
    pytest.mark.skipif(not yasgui_assets.installed(),
                       reason="YASGUI was not fetched at install (pip install -e . where the npm registry is reachable)"),
]

ROWS = "document.querySelectorAll('.tab-pane.active .yasr table.dataTable tbody tr, .active .yasr table tbody tr')"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, serve) -> Iterator[str]:
    location: Path = tmp_path_factory.mktemp("sparql-page") / "store"
    _load_sample(location)
    store = EmbeddedStore(location, read_only=True)
    with serve(create_app(store)) as url:
        yield url
    store.close()


def _open(driver, url: str) -> None:
    driver.get_log("performance")
    driver.get(url)
    wait_for(driver, "window.workbench && document.querySelector('.yasqe .CodeMirror')")


def test_sparql_page_browser_competency_question_runs_and_shows_rows_offline(browser, base_url):  # noqa: F811
    _open(browser, f"{base_url}/sparql")
    questions = browser.find_elements("css selector", "#questions button")
    assert len(questions) == 15
    editor = browser.execute_script("return workbench.getTab().getYasqe().getValue()")
    assert all(f"PREFIX {p}:" in editor for p in ("dj", "rdfs", "oa"))
    browser.find_element("css selector", "#questions button[data-name='street-communities']").click()
    wait_for(browser, f"{ROWS}.length > 0", seconds=30)
    table = browser.find_element("css selector", ".yasr table tbody").text
    assert "元和街道" in table and "蠡口社区" in table
    assert browser.execute_script("return workbench.getTab().getName()") == browser.find_element(
        "css selector", "#questions button[data-name='street-communities']").text
    assert_only_loopback(browser, base_url)
    outside = browser.execute_script("return [...document.querySelectorAll('a[href]')].filter(a => a.offsetParent "
                                     "!== null && !a.href.startsWith(location.origin)).map(a => a.href)")
    assert outside == []
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE" and e["source"] != "network"]
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "sparql-workbench.png"))


def test_sparql_page_browser_shared_link_queries_this_server_only(browser, base_url):  # noqa: F811
    query = "SELECT ?name WHERE { ?c a <https://w3id.org/dangjian/ontology#Community> ; " \
            "<http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    from urllib.parse import urlencode
    _open(browser, f"{base_url}/sparql?" + urlencode({"query": query, "endpoint": "https://dbpedia.org/sparql"}))
    wait_for(browser, f"{ROWS}.length > 0", seconds=30)
    assert browser.execute_script("return workbench.getTab().getEndpoint()") == f"{base_url}/sparql"
    assert_only_loopback(browser, base_url)
    outside = browser.execute_script("return [...document.querySelectorAll('a[href]')].filter(a => a.offsetParent "
                                     "!== null && !a.href.startsWith(location.origin)).map(a => a.href)")
    assert outside == []
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE" and e["source"] != "network"]


def test_sparql_page_browser_prefix_autocompletion_offers_the_project_prefixes(browser, base_url):  # noqa: F811
    _open(browser, f"{base_url}/sparql")
    browser.execute_script("const y = workbench.getTab().getYasqe(); y.setValue('PREFIX d'); "
                           "y.focus(); y.setCursor({line: 0, ch: 8}); y.autocomplete();")
    hints = wait_for(browser, "[...document.querySelectorAll('.CodeMirror-hints li')].map(li => li.textContent)")
    assert "dj: <https://w3id.org/dangjian/ontology#>" in hints
    assert_only_loopback(browser, base_url)
