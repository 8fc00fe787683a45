"""Names for what the lookups return: node summaries (IRI, id, label, main type) and vocabulary labels."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import pyoxigraph as ox

from dangjian.graph.sparql.safety import iri_list
from dangjian.graph.lookup.vocab_names import standard_name
from dangjian.graph.store import Store
from dangjian.ontology import ARTICLE, CORE_CLASSES, DJ, ID, ontology_path, sparql_prefixes

__all__ = ["main_type", "local_id", "vocab_label", "term_json", "describe_nodes", "select"]

# Most specific first: a node typed PartyOrganization and Organization reads as a party organization.
_CLASS_ORDER = {DJ + name: rank for rank, name in enumerate(CORE_CLASSES)}
_BATCH = 400


def select(store: Store, body: str) -> list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode]]:
    """Rows of a SELECT (the standard prefixes put in front) as dicts of variable name to term."""
    solutions = store.query(sparql_prefixes() + body)
    names = [v.value for v in solutions.variables]
    return [{n: row[n] for n in names if row[n] is not None} for row in solutions]


def main_type(types: Iterable[str]) -> str | None:
    """The local name of the most specific dj: class among `types`, else of any dj: class."""
    ranked = sorted((_CLASS_ORDER.get(t, len(_CLASS_ORDER)), t) for t in types if t.startswith(DJ))
    return ranked[0][1][len(DJ):] if ranked else None


def local_id(iri: str) -> str:
    """The short id the API accepts for an IRI: its path under `id/` or `article/`, else the IRI."""
    for base in (ID, ARTICLE):
        if iri.startswith(base):
            return iri[len(base):]
    return iri


@lru_cache(maxsize=1)
def _vocabulary() -> dict[tuple[str, str], str]:
    labels: dict[tuple[str, str], str] = {}
    path = ontology_path()
    if not path.exists():
        return labels
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        if triple.predicate == label and isinstance(triple.object, ox.Literal):
            labels.setdefault((triple.subject.value, triple.object.language or ""), triple.object.value)
    return labels


def vocab_label(iri: str, lang: str = "zh") -> str:
    """The ontology's label of a class or property in `lang` (zh or en), else the name of a standard term
    (rdfs:label, prov:wasDerivedFrom…), else its local name."""
    labels = _vocabulary()
    found = labels.get((iri, lang)) or standard_name(iri, lang) or labels.get((iri, "en")) or labels.get((iri, ""))
    return found or iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def term_json(term: ox.NamedNode | ox.Literal | ox.BlankNode, nodes: dict[str, dict]) -> dict:
    """A term for JSON: a node summary for an IRI, value/lang/datatype for a literal."""
    if isinstance(term, ox.Literal):
        out = {"value": term.value}
        if term.language:
            out["lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.NamedNode):
        return nodes.get(term.value) or _bare(term.value)
    return {"blank": term.value}


def _bare(iri: str) -> dict:
    return {"iri": iri, "id": local_id(iri), "label": None, "type": None}


def describe_nodes(store: Store, iris: Sequence[str]) -> dict[str, dict]:
    """Summaries of many nodes at once: IRI, id, Chinese label and main type."""
    unique = list(dict.fromkeys(iris))
    found = {i: _bare(i) for i in unique}
    types: dict[str, list[str]] = {i: [] for i in unique}
    for start in range(0, len(unique), _BATCH):
        chunk = unique[start:start + _BATCH]
        rows = select(store, f"""SELECT ?n ?label ?t WHERE {{
            VALUES ?n {{ {iri_list(chunk)} }}
            {{ ?n rdfs:label ?label }} UNION {{ ?n a ?t }} }}""")
        for row in rows:
            node = row["n"].value
            if "label" in row and found[node]["label"] is None:
                found[node]["label"] = row["label"].value
            if "t" in row:
                types[node].append(row["t"].value)
    for node, node_types in types.items():
        found[node]["type"] = main_type(node_types)
    return found
