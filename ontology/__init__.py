"""The dangjian ontology: namespaces, IRI minting rules and the paths of the shipped files; and, since this is
the lowest layer that every other imports, the root of dangjian's errors (`errors`) and the way packages declare
their public surface (`surface`)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from dangjian.ontology.errors import DangjianError
from dangjian.ontology.surface import lazy_exports

__all__ = ["DJ", "ID", "ARTICLE", "GRAPH", "GAZETTEER_GRAPH", "KNOWLEDGE_GRAPH", "ANALYTICS_GRAPH", "RDF", "RDFS", "XSD",
           "OWL", "SKOS", "PROV", "OA", "SCHEMA", "ORG", "FOAF", "DCT", "SH", "PREFIXES", "CORE_CLASSES",
           "CORE_PROPERTIES", "sparql_prefixes", "ontology_path", "shapes_path", "queries_dir", "DangjianError",
           "lazy_exports"]

DJ = "https://w3id.org/dangjian/ontology#"
ID = "https://w3id.org/dangjian/id/"
ARTICLE = "https://w3id.org/dangjian/article/"
GRAPH = "https://w3id.org/dangjian/graph/"
GAZETTEER_GRAPH = GRAPH + "gazetteer"
KNOWLEDGE_GRAPH = GRAPH + "knowledge"
ANALYTICS_GRAPH = GRAPH + "analytics"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"
DCT = "http://purl.org/dc/terms/"
SH = "http://www.w3.org/ns/shacl#"

PREFIXES = {
    "dj": DJ, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS, "prov": PROV,
    "oa": OA, "schema": SCHEMA, "org": ORG, "foaf": FOAF, "dct": DCT,
}

# The fixed core (../shared/contract/core-vocabulary.md); never renamed.
CORE_CLASSES = (
    "Province", "City", "District", "Zone", "Street", "Community", "ResidentialCompound",
    "PartyOrganization", "Organization", "Person", "Post", "Event", "Program", "Facility", "Article",
)
CORE_PROPERTIES = (
    "partOf", "hostUnit", "subOrganizationOf", "holder", "organization", "title", "coBuildsWith",
    "organizer", "partner", "location", "date", "audience", "program", "author",
)


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, to put before a query."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def _dir() -> Path:
    return Path(str(resources.files(__name__)))


def ontology_path() -> Path:
    """The OWL ontology as Turtle."""
    return _dir() / "dangjian.ttl"


def shapes_path() -> Path:
    """The SHACL shapes as Turtle."""
    return _dir() / "shapes.ttl"


def queries_dir() -> Path:
    """The folder of competency questions (`*.rq`)."""
    return _dir() / "queries"
