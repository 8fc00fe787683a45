"""HermiT, an OWL 2 DL reasoner (shipped with owlready2, run on Java), accepts the ontology: consistent, every class satisfiable."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from dangjian.ontology import ontology_path

owlready2 = pytest.importorskip("owlready2", reason="the test extra installs owlready2")

pytestmark = pytest.mark.skipif(shutil.which("java") is None,
                                reason="HermiT needs a Java runtime (Debian: default-jre-headless)")


def _reasoned_world(path: Path, scratch: Path):
    """An owlready2 world holding the ontology at `path`, after HermiT ran over it (it raises when it refuses)."""
    triples = ox.serialize(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
    copy = scratch / "ontology.nt"
    copy.write_bytes(triples)
    world = owlready2.World()
    world.get_ontology(copy.as_uri()).load(format="ntriples")
    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return world


def test_owl_dl_hermit_accepts_the_ontology_and_finds_every_class_satisfiable(tmp_path: Path) -> None:
    world = _reasoned_world(ontology_path(), tmp_path)
    assert list(world.inconsistent_classes()) == []


def test_owl_dl_hermit_refuses_a_range_outside_the_owl2_datatype_map(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(ontology_path().read_text(encoding="utf-8") + """
<urn:example:madeUpDay> a owl:DatatypeProperty ; rdfs:range [ a rdfs:Datatype ; owl:unionOf ( xsd:gMonthDay xsd:gDay ) ] .
""", encoding="utf-8")
    with pytest.raises(owlready2.OwlReadyJavaError, match="OWL 2 datatype map"):
        _reasoned_world(broken, tmp_path)
