"""Properties of what the server parses from clients (hypothesis): Accept headers and SPARQL scans never crash."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dangjian.graph.sparql.result_formats import FORMATS, SOLUTIONS, parse_accept, pick
from dangjian.graph.sparql.reach import Reach, reach

HEADER_PARTS = st.sampled_from(["text/csv", "*/*", "*", "application/json", ";", ",", "q=", "0.5", "-1", "abc",
                                " ", "/", "text/*", "=", ";q=1"])
HEADERS = st.one_of(st.text(max_size=40), st.lists(HEADER_PARTS, max_size=12).map("".join))
SPARQL_PARTS = st.sampled_from(["SELECT", "*", "{", "}", "SERVICE", "service", "<http://127.0.0.1:1/>", "?s", "?p",
                                "?o", "#", "\n", '"', "'''", "PREFIX e: <http://e/>", "e:x", "\\u0053", "LOAD", " "])
SPARQL = st.one_of(st.text(max_size=60), st.lists(SPARQL_PARTS, max_size=20).map(" ".join))


@given(header=HEADERS)
def test_client_input_properties_accept_parsing_never_fails_and_picks_a_known_format(header: str) -> None:
    ranked = parse_accept(header)
    assert all("/" in media for media in ranked)
    chosen = pick(SOLUTIONS, ranked)
    assert chosen is None or chosen in FORMATS


@given(text=SPARQL, update=st.booleans())
def test_client_input_properties_reach_never_fails_and_misses_no_mentioned_endpoint(text: str, update: bool) -> None:
    found = reach(text, update=update)
    assert isinstance(found, Reach)
    if "service" not in text.lower() and "\\u" not in text.lower():
        assert found.services == ()
