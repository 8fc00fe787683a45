"""The SPARQL 1.1 Service Description of /sparql, for machine clients that GET it without a query."""
from __future__ import annotations

import pyoxigraph as ox

from dangjian.graph.sparql.result_formats import FORMATS

__all__ = ["service_description"]

SD = "http://www.w3.org/ns/sparql-service-description#"
_W3_FORMATS = {"json": "SPARQL_Results_JSON", "xml": "SPARQL_Results_XML", "csv": "SPARQL_Results_CSV",
               "tsv": "SPARQL_Results_TSV", "turtle": "Turtle", "nt": "N-Triples", "nquads": "N-Quads",
               "trig": "TriG", "jsonld": "JSON-LD", "rdfxml": "RDF_XML", "n3": "N3"}


def service_description(endpoint: str, *, updates: bool) -> list[ox.Triple]:
    """Triples saying what the endpoint at `endpoint` supports: languages, result formats, union default graph."""
    service, dataset, graph = ox.BlankNode("service"), ox.BlankNode("dataset"), ox.BlankNode("default")
    a = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def sd(local: str) -> ox.NamedNode:
        return ox.NamedNode(SD + local)

    triples = [ox.Triple(service, a, sd("Service")), ox.Triple(service, sd("endpoint"), ox.NamedNode(endpoint)),
               ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
               ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
               ox.Triple(service, sd("defaultDataset"), dataset), ox.Triple(dataset, a, sd("Dataset")),
               ox.Triple(dataset, sd("defaultGraph"), graph), ox.Triple(graph, a, sd("Graph"))]
    if updates:
        triples.append(ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Update")))
    triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode("http://www.w3.org/ns/formats/" + _W3_FORMATS[f.name]))
                for f in FORMATS]
    return triples
