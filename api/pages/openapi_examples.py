"""Example responses shown in the OpenAPI schema (/docs); shapes follow the lookups in dangjian.graph."""
from __future__ import annotations

_ID = "https://w3id.org/dangjian/id/"
_COMMUNITY = {"iri": _ID + "place/320507103004", "id": "place/320507103004", "label": "蠡口社区", "type": "Community"}
_STREET = {"iri": _ID + "place/320507103000", "id": "place/320507103000", "label": "元和街道", "type": "Street"}
_PARTY = {"iri": _ID + "party-org/蠡口社区党委", "id": "party-org/蠡口社区党委", "label": "蠡口社区党委",
          "type": "PartyOrganization"}


def _json(example: dict | list) -> dict:
    return {200: {"content": {"application/json": {"example": example}}}}


def missing(what: str) -> dict:
    """The 404 of a route that looks something up, as the schema declares it."""
    return {404: {"description": f"No such {what} in the graph; the message says where to look.",
                  "content": {"application/json": {"example": {"detail": f"no {what} … in the graph"}}}}}


SEARCH = _json([{**_COMMUNITY, "matched": "蠡口社区", "parent": _STREET, "description": "社区 · 元和街道"}])

CARD = _json({
    **_COMMUNITY,
    "types": [{"iri": "https://w3id.org/dangjian/ontology#Community", "name": "Community", "label": "社区"}],
    "alt_labels": [], "codes": ["320507103004"],
    "properties": [{"predicate": {"iri": "https://w3id.org/dangjian/ontology#partOf", "name": "partOf",
                                  "label": "隶属于"}, "values": [_STREET]}],
    "incoming": [{"predicate": {"iri": "https://w3id.org/dangjian/ontology#hostUnit", "name": "hostUnit",
                                "label": "所在单位"}, "count": 1, "subjects": [_PARTY]}],
    "sources": [{"article": "https://w3id.org/dangjian/article/5d2f0c1b9e8a7f60", "id": "5d2f0c1b9e8a7f60",
                 "title": "元和街道多社区学习贯彻市委十三届五次全会精神", "date": "2023-07-20", "url": None,
                 "source": "苏州日报", "evidence": ["由蠡口社区党委书记祝晓菲进行领学，……"]}],
}) | missing("entity")

NEIGHBOURHOOD = _json({
    "directed": True, "multigraph": True,
    "graph": {"center": _COMMUNITY["iri"], "hops": 1, "limit": 200, "truncated": False, "nodes": 3, "links": 2},
    "nodes": [{**_COMMUNITY, "hop": 0}, {**_STREET, "hop": 1}, {**_PARTY, "hop": 1}],
    "links": [{"source": _COMMUNITY["iri"], "target": _STREET["iri"],
               "predicate": "https://w3id.org/dangjian/ontology#partOf", "label": "隶属于"},
              {"source": _PARTY["iri"], "target": _COMMUNITY["iri"],
               "predicate": "https://w3id.org/dangjian/ontology#hostUnit", "label": "所在单位"}],
}) | missing("entity")

_ARTICLE = {"iri": "https://w3id.org/dangjian/article/5d2f0c1b9e8a7f60", "id": "5d2f0c1b9e8a7f60",
            "title": "元和街道多社区学习贯彻市委十三届五次全会精神", "date": "2023-07-20", "source": "苏州日报", "url": None}

ARTICLES = _json({"total": 1, "limit": 100, "offset": 0, "articles": [_ARTICLE]})

ARTICLE = _json({
    **_ARTICLE, "graph": "https://w3id.org/dangjian/graph/article/5d2f0c1b9e8a7f60",
    "authors": [{"iri": _ID + "person/高达", "id": "person/高达", "label": "高达", "type": "Person"}],
    "entities": [{**_COMMUNITY, "mentions": 2}],
    "facts": [{"subject": _PARTY, "predicate": {"iri": "https://w3id.org/dangjian/ontology#hostUnit",
                                                "label": "所在单位"},
               "object": _COMMUNITY, "evidence": ["由蠡口社区党委书记祝晓菲进行领学，……"]}],
}) | missing("article")

STATS = _json({
    "classes": [{"class": "Community", "iri": "https://w3id.org/dangjian/ontology#Community", "label": "社区",
                 "count": 12}],
    "streets": [{**_STREET, "parent": {"iri": _ID + "place/320507", "id": "place/320507", "label": "相城区",
                                       "type": "District"}, "communities": 4, "events": 3}],
    "districts": [{"iri": _ID + "place/320507", "id": "place/320507", "label": "相城区", "type": "District",
                   "parent": None, "streets": 2, "communities": 6, "events": 5}],
    "months": [{"month": "2023-07", "articles": 8, "events": 6}],
})

HEALTH = _json({"status": "ok", "store": "./dangjian-data"})
VERSION = _json({"dangjian": "0.1.0", "python": "3.11.9", "pyoxigraph": "0.5.13", "fastapi": "0.165.0",
                 "uvicorn": "0.54.0"})

SPARQL_JSON = {"head": {"vars": ["community", "name"]}, "results": {"bindings": [
    {"community": {"type": "uri", "value": _COMMUNITY["iri"]},
     "name": {"type": "literal", "value": "蠡口社区", "xml:lang": "zh"}}]}}
SPARQL_RESPONSES = {
    200: {"description": "The results, in the negotiated format (Accept header or `format`).",
          "content": {"application/sparql-results+json": {"example": SPARQL_JSON},
                      "text/csv": {"example": "community,name\r\nhttps://w3id.org/dangjian/id/place/320507103004,蠡口社区\r\n"},
                      "text/turtle": {"example": "<https://w3id.org/dangjian/id/place/320507103004> "
                                                 "rdfs:label \"蠡口社区\"@zh ."}}},
    400: {"description": "Malformed query (the parser's message and position) or a bad graph IRI."},
    403: {"description": "An update while updates are disabled."},
    406: {"description": "No acceptable format for this kind of result."},
    413: {"description": "The query is longer than the server's maximum."},
    503: {"description": "The query ran past the time limit and was stopped."},
}
SPARQL_QUERY = "PREFIX dj: <https://w3id.org/dangjian/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" \
               "SELECT ?community ?name WHERE { ?community a dj:Community ; rdfs:label ?name } LIMIT 10"

GRAPH_PAGE = missing("entity, street or district")
ANALYTICS = {200: {"description": "The tables as JSON, or with `format=csv` as CSV.",
                   "content": {"application/json": {}, "text/csv": {}}}, **missing("table")}
EXPORT = {200: {"description": "The graph file.", "content": {"application/graphml+xml": {},
                                                              "application/gexf+xml": {}}}}
