"""SHACL validation of a whole store, or of what some articles added to it, against the project's shapes, with a
report people can read."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from dangjian.graph.dataset.results import shorten
from dangjian.graph.store import Store
from dangjian.ontology import DJ, GRAPH, RDF, RDFS, SH, ontology_path, shapes_path

__all__ = ["Violation", "ValidationReport", "validate_store", "validate_articles"]

UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
# What an article graph names: what its sentences state, what that points at (a statement's subject and object, a
# post's or event's units and people), and its authors.
_NAMED = f"""SELECT DISTINCT ?n WHERE {{
  {{ GRAPH <%(graph)s> {{ ?a <{DJ}states> ?n }} }}
  UNION {{ GRAPH <%(graph)s> {{ ?a <{DJ}states> ?x }} ?x ?link ?n FILTER(isIRI(?n) && ?link NOT IN (<{RDF}type>, <{RDF}predicate>)) }}
  UNION {{ GRAPH <%(graph)s> {{ ?article <https://w3id.org/dangjian/ontology#author> ?n }} }} }}"""
# Everything said about those nodes, with the type and label of what it points at (so class checks see them).
_AROUND = """CONSTRUCT { ?n ?p ?o . ?o a ?type . ?o <%s> ?label } WHERE {
  VALUES ?n { %%s } ?n ?p ?o OPTIONAL { ?o a ?type } OPTIONAL { ?o <%s> ?label } }""" % (RDFS + "label", RDFS + "label")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: which node, along which path, what is wrong."""

    focus: str
    label: str | None
    path: str | None
    message: str
    severity: str

    def line(self) -> str:
        """`label <iri>  path: message`, with the severity in front when it is not a violation."""
        who = f"{self.label} {self.focus}" if self.label else self.focus
        where = f"{self.path}: " if self.path else ""
        level = "" if self.severity == "Violation" else f"[{self.severity}] "
        return f"{level}{who}  {where}{self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating a store; `conforms` ignores warnings and infos."""

    conforms: bool
    results: list[Violation]

    def text(self) -> str:
        """A summary line, then one line per result sorted by focus node."""
        violations = sum(1 for r in self.results if r.severity == "Violation")
        head = "the graph conforms to the shapes" if self.conforms else f"{violations} violation(s) of the shapes"
        if len(self.results) > violations:
            head += f", {len(self.results) - violations} warning(s) or info(s)"
        return "\n".join([head, *(r.line() for r in self.results)]) + "\n"


def validate_store(store: Store, shapes: Path | None = None, ontology: Path | None = None) -> ValidationReport:
    """Validate the union of all graphs with pySHACL; the ontology's subclass axioms apply to the shape targets.

    Not run as a docstring example: it needs a loaded store (tests/graph/dataset/test_export.py validates one).

    >>> validate_store(open_store("dangjian-data")).conforms  # doctest: +SKIP
    True
    """
    data = ox.Store()
    data.extend(ox.Quad(t.subject, t.predicate, t.object) for t in store.query(UNION))
    return _validate(data, shapes, ontology)


def validate_articles(store: Store, article_ids: list[str], chunk: int = 200) -> ValidationReport:
    """Validate what some articles brought: their graphs, and everything the store says about the entities and
    facts they name (with the type and label of what those point at). What a load changed, checked at load time;
    a shape that needs the whole graph (a cycle through places no changed article names) is `validate_store`'s.
    Not run as a docstring example: it needs a loaded store (`load --validate` runs it).

    >>> validate_articles(open_store("dangjian-data"), ["0123456789abcdef"]).conforms  # doctest: +SKIP
    True
    """
    data = ox.Store()
    for article_id in article_ids:
        graph = f"{GRAPH}article/{article_id}"
        data.extend(ox.Quad(t.subject, t.predicate, t.object)
                    for t in store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))
        named = [row["n"].value for row in store.query(_NAMED % {"graph": graph})]
        for i in range(0, len(named), chunk):
            around = store.query(_AROUND % " ".join(f"<{n}>" for n in named[i:i + chunk]))
            data.extend(ox.Quad(t.subject, t.predicate, t.object) for t in around)
    return _validate(data, None, None)


def _validate(data: ox.Store, shapes: Path | None, ontology: Path | None) -> ValidationReport:
    """pySHACL over a scratch store (changed in place: the ontology is mixed in)."""
    import pyshacl  # heavy (rdflib, owlrl): imported only when validating
    import rdflib

    _never_empty()

    # The ontology mixed into the scratch copy (what pySHACL's ont_graph does, which fails on RDF lists when the
    # data graph is a pyoxigraph store): subclass axioms then reach the shape targets.
    data.load(path=str(ontology or ontology_path()), format=ox.RdfFormat.TURTLE)
    shapes_graph = rdflib.Graph().parse(shapes or shapes_path(), format="turtle")
    conforms, results_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", inplace=True, allow_warnings=True, allow_infos=True)
    results = sorted(_violations(results_graph, data), key=lambda v: (v.label or "", v.focus, v.path or ""))
    return ValidationReport(conforms=bool(conforms), results=results)


def _never_empty() -> None:
    """pySHACL writes `datagraph or shapes_graph` while describing each result, and the truth of its pyoxigraph
    graph is a count of the whole store (0.4 s at 100k quads, per result kind): a store being validated is
    never empty, so say so instead of counting. Without it, validation grew with violations × store size."""
    from pyshacl import graph_abstraction

    kind = getattr(graph_abstraction, "OxigraphDataGraph", None)
    if kind is not None and "__bool__" not in vars(kind):
        kind.__bool__ = lambda self: True


def _violations(results_graph, data: ox.Store) -> list[Violation]:
    """Read sh:ValidationResult nodes out of pySHACL's rdflib results graph."""
    import rdflib

    sh = rdflib.Namespace(SH)
    found = []
    for result in results_graph.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = results_graph.value(result, sh.focusNode)
        path = results_graph.value(result, sh.resultPath)
        message = _english(results_graph.objects(result, sh.resultMessage))
        severity = results_graph.value(result, sh.resultSeverity)
        found.append(Violation(
            focus=_term(focus),
            label=_label(data, focus),
            path=_term(path) if path is not None else None,
            message=str(message) if message is not None else "does not satisfy its shape",
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        ))
    return found


def _english(messages) -> str | None:
    """Shapes give messages in English and Chinese; the report is in English, like the rest of the CLI."""
    ranked = sorted(messages, key=lambda m: getattr(m, "language", None) != "en")
    return str(ranked[0]) if ranked else None


def _term(node) -> str:
    """A prefixed name or <iri> for an rdflib term (blank-node paths shown as SHACL sees them)."""
    import rdflib

    if isinstance(node, rdflib.URIRef):
        return shorten(ox.NamedNode(str(node)))
    return node.n3() if hasattr(node, "n3") else str(node)


def _label(data: ox.Store, node) -> str | None:
    """The node's Chinese label (or any label) in the validated data, to say which entity is wrong."""
    import rdflib

    if not isinstance(node, rdflib.URIRef):
        return None
    labels = list(data.quads_for_pattern(ox.NamedNode(str(node)), ox.NamedNode(RDFS + "label"), None))
    labels.sort(key=lambda q: getattr(q.object, "language", None) != "zh")
    return labels[0].object.value if labels else None
