"""Tests of ontology/dangjian.ttl: core terms declared, aligned, and every dj: term the project uses declared."""
from __future__ import annotations

import re
from pathlib import Path

import owlrl
import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from dangjian.ontology import CORE_CLASSES, CORE_PROPERTIES, DJ, ontology_path

dj = Namespace(DJ)
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

ONTOLOGY_IRI = URIRef("https://w3id.org/dangjian/ontology")
REPO = Path(__file__).resolve().parents[2]
GOOD_GRAPH = REPO / "tests" / "fixtures" / "ontology" / "good.trig"
OWLRL_ERROR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
PROPERTY_TYPES = {OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property}
TERM_TYPES = PROPERTY_TYPES | {OWL.Class}

# Extension terms the loaders' provenance model (docs/DESIGN.md) relies on.
EXTENSION_TERMS = (
    "Sentence", "states", "start", "end", "storeFormat", "sourceFile", "contentHash", "truncated",
    "extractorVersion", "code", "dateText", "adminLevel",
)

# Domain and range of each core property, as the contract lists them.
CONTRACT = {
    "partOf": ({"Place"}, {"Place"}),
    "hostUnit": ({"PartyOrganization"}, {"Community", "Street", "Organization", "District", "Zone"}),
    "subOrganizationOf": ({"PartyOrganization", "Organization"}, {"PartyOrganization", "Organization"}),
    "holder": ({"Post"}, {"Person"}),
    "organization": ({"Post"}, {"PartyOrganization", "Organization"}),
    "title": ({"Post"}, {str(RDFS.Literal)}),
    "coBuildsWith": ({"Community", "Street", "PartyOrganization", "Organization"},
                     {"Community", "Street", "PartyOrganization", "Organization"}),
    "organizer": ({"Event"}, {"Community", "Street", "PartyOrganization", "Organization", "District", "Zone"}),
    "partner": ({"Event"}, {"Organization", "Community", "PartyOrganization"}),
    "location": ({"Event"}, {str(RDFS.Resource)}),
    "date": ({"Event"}, {str(XSD.date), str(XSD.gYearMonth), str(XSD.gYear)}),
    "audience": ({"Event"}, {str(RDFS.Literal)}),
    "program": ({"Event", "PartyOrganization", "Community"}, {"Program"}),
    "author": ({"Article"}, {"Person"}),
}

# (term, property, what it must reach through that property, transitively).
ALIGNMENTS = [
    *[(c, RDFS.subClassOf, SCHEMA.Place) for c in
      ("Province", "City", "District", "Zone", "Street", "Community", "ResidentialCompound", "Facility")],
    *[(c, RDFS.subClassOf, dj.Place) for c in
      ("Province", "City", "District", "Zone", "Street", "Community", "ResidentialCompound", "Facility")],
    ("PartyOrganization", RDFS.subClassOf, dj.Organization),
    ("PartyOrganization", RDFS.subClassOf, ORG.Organization),
    ("Person", RDFS.subClassOf, FOAF.Person),
    ("Post", RDFS.subClassOf, ORG.Post),
    ("Event", RDFS.subClassOf, SCHEMA.Event),
    ("Article", RDFS.subClassOf, SCHEMA.NewsArticle),
    ("Article", RDFS.subClassOf, PROV.Entity),
    ("Program", RDFS.subClassOf, SKOS.Concept),
    ("CoBuildingPartnership", RDFS.subClassOf, ORG.OrganizationalCollaboration),
    ("partOf", RDFS.subPropertyOf, SCHEMA.containedInPlace),
    ("subOrganizationOf", RDFS.subPropertyOf, ORG.subOrganizationOf),
    ("holder", RDFS.subPropertyOf, ORG.heldBy),
    ("holder", OWL.inverseOf, dj.holds),
    ("holds", RDFS.subPropertyOf, ORG.holds),
    ("organization", RDFS.subPropertyOf, ORG.postIn),
    ("organizer", RDFS.subPropertyOf, SCHEMA.organizer),
    ("location", RDFS.subPropertyOf, SCHEMA.location),
    ("author", RDFS.subPropertyOf, SCHEMA.author),
    ("code", RDFS.subPropertyOf, SKOS.notation),
    ("coBuildsWith", RDF.type, OWL.SymmetricProperty),
]

# How the project names dj: terms in its files: prefixed, as full IRIs, or from the DJ constant.
TERM_PATTERNS = [
    re.compile(r"(?<![A-Za-z0-9_])dj:([A-Za-z_][A-Za-z0-9_]*)"),
    re.compile(re.escape(DJ) + r"([A-Za-z_][A-Za-z0-9_]*)"),
    re.compile(r"\{DJ\}([A-Za-z_][A-Za-z0-9_]*)"),
    re.compile(r"\bDJ\s*\+\s*[\"']([A-Za-z_][A-Za-z0-9_]*)"),
    re.compile(r"(?<![A-Za-z0-9])_?dj\(\s*[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']\s*\)"),
]
SCANNED_SUFFIXES = {".py", ".rq", ".ttl", ".trig", ".md", ".html", ".js"}
SKIPPED_DIRS = {".venv", "venv", ".git", "node_modules", "__pycache__", "build", "dist", "dangjian-data"}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def declared_terms(graph: Graph) -> set[str]:
    return {str(s)[len(DJ):] for s, t in graph.subject_objects(RDF.type)
            if str(s).startswith(DJ) and t in TERM_TYPES}


def class_set(graph: Graph, node) -> set[str]:
    """The dj: local names (or full IRIs for other terms) a domain or range stands for."""
    union = graph.value(node, OWL.unionOf)
    members = list(Collection(graph, union)) if union is not None else [node]
    return {str(m)[len(DJ):] if str(m).startswith(DJ) else str(m) for m in members}


def test_ontology_parses_as_owl_ontology(ontology):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None


@pytest.mark.parametrize("name", CORE_CLASSES + CORE_PROPERTIES + EXTENSION_TERMS)
def test_ontology_declares_core_and_extension_terms(ontology, name):
    assert name in declared_terms(ontology), f"dj:{name} is not declared in {ontology_path()}"


@pytest.mark.parametrize("name", sorted(declared_terms(Graph().parse(ontology_path()))))
def test_ontology_documents_every_term(ontology, name):
    term = dj[name]
    languages = {label.language for label in ontology.objects(term, RDFS.label) if isinstance(label, Literal)}
    assert {"zh", "en"} <= languages, f"dj:{name} needs rdfs:label in zh and en"
    comments = [c for c in ontology.objects(term, RDFS.comment) if c.language == "en"]
    assert comments, f"dj:{name} needs an English rdfs:comment"
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology
    if set(ontology.objects(term, RDF.type)) & PROPERTY_TYPES:
        assert ontology.value(term, RDFS.domain) is not None, f"dj:{name} needs rdfs:domain"
        assert ontology.value(term, RDFS.range) is not None, f"dj:{name} needs rdfs:range"
    else:
        assert ontology.value(term, RDFS.subClassOf) is not None, f"dj:{name} needs a superclass"


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_ontology_domain_and_range_follow_the_contract(ontology, name):
    domain, range_ = CONTRACT[name]
    assert class_set(ontology, ontology.value(dj[name], RDFS.domain)) == domain
    stated = class_set(ontology, ontology.value(dj[name], RDFS.range))
    if range_ - stated:  # datatypes outside OWL 2's map: an rdfs:Literal range, the datatypes as schema:rangeIncludes
        assert stated == {str(RDFS.Literal)}
        stated = {str(t) for t in ontology.objects(dj[name], SCHEMA.rangeIncludes)}
    assert stated == range_


@pytest.mark.parametrize("name, link, target", ALIGNMENTS, ids=lambda x: str(x).rsplit("/", 1)[-1])
def test_ontology_aligns_to_standard_vocabularies(ontology, name, link, target):
    reached = set(ontology.transitive_objects(dj[name], link)) if link != RDF.type else set(
        ontology.objects(dj[name], link))
    assert target in reached, f"dj:{name} should reach {target} through {link}"


def test_ontology_references_only_declared_classes(ontology):
    builtins = {RDFS.Literal, RDFS.Resource, RDF.langString, OWL.Thing}
    declared = set(ontology.subjects(RDF.type, OWL.Class)) | set(ontology.subjects(RDF.type, RDFS.Datatype))
    referenced = set()
    for link in (RDFS.subClassOf, RDFS.domain, RDFS.range):
        for node in ontology.objects(None, link):
            union = ontology.value(node, OWL.unionOf)
            referenced |= set(Collection(ontology, union)) if union is not None else {node}
    undeclared = {c for c in referenced - declared - builtins if not str(c).startswith(str(XSD))}
    assert not undeclared, f"classes used but not declared as owl:Class: {sorted(undeclared)}"


def test_ontology_ranges_match_property_kinds(ontology):
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        for node in class_set(ontology, ontology.value(prop, RDFS.range)):
            assert not node.startswith(str(XSD)) and node != str(RDFS.Literal), f"{prop} is an object property"
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        rng = ontology.value(prop, RDFS.range)
        if rng is None:
            continue  # external terms declared for OWL tools only
        kinds = class_set(ontology, rng)
        assert all(k.startswith(str(XSD)) or k == str(RDFS.Literal) for k in kinds), f"{prop} is a datatype property"


def test_ontology_class_hierarchy_has_no_cycles(ontology):
    for cls in ontology.subjects(RDF.type, OWL.Class):
        above = set(ontology.transitive_objects(cls, RDFS.subClassOf)) - {cls}
        assert all((parent, RDFS.subClassOf, cls) not in ontology for parent in above), f"cycle at {cls}"


def owl_rl_errors(data: Graph) -> list[str]:
    """The inconsistencies an OWL 2 RL reasoner finds in the ontology plus `data`."""
    graph = Graph().parse(ontology_path(), format="turtle")
    graph += data
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return [str(message) for message in graph.objects(None, OWLRL_ERROR)]


def test_ontology_is_consistent_with_the_hand_written_graph():
    store = ox.Store()
    store.load(path=str(GOOD_GRAPH), format=ox.RdfFormat.TRIG)
    union = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    data = Graph().parse(data=union.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
    assert owl_rl_errors(data) == []


def test_ontology_disjoint_kinds_make_a_person_organization_inconsistent():
    data = Graph()
    node = URIRef("https://w3id.org/dangjian/id/person/甲")
    data.add((node, RDF.type, dj.Person))
    data.add((node, RDF.type, dj.Organization))
    assert owl_rl_errors(data), "an entity both a person and an organization should be inconsistent"


def project_files():
    for path in REPO.rglob("*"):
        parts = path.relative_to(REPO).parts
        if any(p in SKIPPED_DIRS or p.endswith(".egg-info") for p in parts[:-1]):
            continue
        if path.suffix in SCANNED_SUFFIXES and path.is_file():
            yield path


def used_terms(path: Path):
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        for pattern in TERM_PATTERNS:
            for match in pattern.finditer(line):
                yield number, match.group(1)


def test_ontology_declares_every_dj_term_the_project_uses(ontology):
    declared = declared_terms(ontology)
    missing = sorted({f"{path.relative_to(REPO)}:{number}: dj:{name}"
                      for path in project_files() for number, name in used_terms(path)
                      if name not in declared})
    assert not missing, ("dj: terms used but not declared; declare them in ontology/dangjian.ttl "
                         "(copy the template at its end):\n" + "\n".join(missing))


def test_ontology_term_scan_finds_terms_in_every_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('q = "?s dj:partOf ?o"\niri = f"{DJ}hostUnit"\nx = DJ + "author"\n'
                      f'y = "<{DJ}coBuildsWith>"\nz = "adj:notATerm"\nw = _dj("degree")\n', encoding="utf-8")
    assert [name for _, name in used_terms(sample)] == ["partOf", "hostUnit", "author", "coBuildsWith", "degree"]
