"""Small helpers for tests of the loaders: one hand-written article's facts by label and its posts, and what a
`dangjian load` left in the store (its quads, its graphs)."""
import json

from dangjian.loaders.read.document import Document
from dangjian.loaders.load.extract_step import extract_document
from dangjian.loaders.load.options import LoadOptions


def facts_of(text, **meta):
    (result,) = extract_document(Document(path="t.txt", text=text, kind="text", **meta), LoadOptions())
    f = result.facts
    label = {k: e.label for k, e in f.entities.items()}
    triples = {(label.get(x.s, x.s), x.p, label.get(x.o, x.o) if isinstance(x.o, str) else x.o.value) for x in f.facts}
    types = {(e.label, e.cls) for e in f.entities.values()}
    return result, triples, types


def posts(triples):
    holders = {s: o for s, p, o in triples if p == "holder"}
    orgs = {s: o for s, p, o in triples if p == "organization"}
    titles = {s: o for s, p, o in triples if p == "title"}
    return {(holders[k], orgs[k], titles[k]) for k in holders if k in orgs and k in titles}


def count(dangjian, *store: str) -> int:
    """How many quads the store of the `dangjian` fixture holds (or the store given as `--store`, DIR)."""
    out = dangjian("query", *store, "--format", "json", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                   check_status=0)
    return int(json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"])


def graphs(dangjian) -> list[str]:
    """The names of the store's graphs, sorted."""
    out = dangjian("query", "--format", "json", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", check_status=0)
    return sorted(b["g"]["value"] for b in json.loads(out.stdout)["results"]["bindings"])
