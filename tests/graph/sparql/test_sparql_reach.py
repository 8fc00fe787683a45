"""Finding the endpoints a request would call: by parsing, so text tricks neither hide nor invent one."""
from __future__ import annotations

import pytest

from dangjian.graph.sparql.reach import Reach, ReachRefused, check_reach, reach

URL = "http://127.0.0.1:9/sparql"


@pytest.mark.parametrize("query", [
    f"SELECT * {{ SERVICE <{URL}> {{ ?s ?p ?o }} }}",
    f"PREFIX e: <http://127.0.0.1:9/> SELECT * {{ SERVICE SILENT e:sparql {{ ?s ?p ?o }} }}",
    f"BASE <http://127.0.0.1:9/x/> SELECT * {{ SERVICE <../sparql> {{ ?s ?p ?o }} }}",
    f"SELECT * {{ \\u0053ERVICE <{URL}> {{ ?s ?p ?o }} }}",
])
def test_sparql_reach_resolves_the_endpoint_however_it_is_written(query: str) -> None:
    assert URL in reach(query).services


def test_sparql_reach_ignores_the_word_in_comments_strings_and_names() -> None:
    text = (f'PREFIX service: <http://e/> SELECT ?service {{ ?service service:p "SERVICE <{URL}> {{}}" }} '
            f"# SERVICE <{URL}>")
    assert reach(text) == Reach()


def test_sparql_reach_assumes_the_worst_of_what_it_cannot_parse() -> None:
    assert reach(f"SELECT * {{ SERVICE <{URL}> {{ ?s ?p ?o ") == Reach(services=(None,))
    assert reach("SELECT * { ?s ?p ?o ") == Reach()  # no keyword, nothing to fear: the store reports the error
    nested = f"SELECT * {{ SERVICE <http://other/> {{ SERVICE <{URL}> {{ ?s ?p ?o }} }} }}"
    with pytest.raises(ReachRefused):  # rdflib's parser cannot read a SERVICE inside a SERVICE
        check_reach(nested, services=[URL, "http://other/"])


def test_sparql_reach_finds_load_only_in_updates_and_checks_both_lists() -> None:
    update = f"LOAD <{URL}> INTO GRAPH <http://g/> ; INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{URL}> {{ ?s ?p ?o }} }}"
    assert reach(update, update=True) == Reach(services=(URL,), loads=(URL,))
    with pytest.raises(ReachRefused, match="LOAD is disabled"):
        check_reach(update, services=[URL], update=True)
    check_reach(update, services=[URL], loads=[URL], update=True)
    with pytest.raises(ReachRefused, match="SERVICE is limited to"):
        check_reach(f"SELECT * {{ SERVICE <http://elsewhere/> {{ ?s ?p ?o }} }}", services=[URL])
