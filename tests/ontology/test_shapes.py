"""Tests of ontology/shapes.ttl: a good graph conforms, a bad one fails with the expected messages."""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef

from dangjian.ontology import DJ, shapes_path

SH = Namespace("http://www.w3.org/ns/shacl#")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ontology"
ID = "https://w3id.org/dangjian/id/"
ARTICLE = "https://w3id.org/dangjian/article/1111111111111111"
CJK = re.compile(r"[\u3400-\u9fff]")
QUOTED = re.compile(r"https?://\S+|\"[^\"]*\"|“[^”]*”")  # IRIs and quoted data, in any language
RDF_TYPE = str(RDF.type)
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DCT = "http://purl.org/dc/terms/"


def triple(subject: str, relation: str, target: str) -> str:
    """How a whole-graph check words an offending triple."""
    return f'{ID}{subject} {relation} "{target}":'


# Every violation in fixtures/ontology/bad.trig: (focus node, part of its English message).
# Whole-graph checks (kinds, dates, cycles, self co-building) focus on the term they check
# and name the offending node in the message.
EXPECTED_VIOLATIONS = {
    (ID + "person/无名", "has no Chinese name"),
    (ID + "person/英文", "has no Chinese name"),
    (ID + "org/丙银行", "more than one rdfs:label @zh"),
    ("_:blank", "named by an IRI"),
    (RDF_TYPE, ID + "place/3 is typed both " + DJ + "Community and " + DJ + "Street"),
    (RDF_TYPE, ID + "org/戊公司 is typed both " + DJ + "Organization and " + DJ + "Person"),
    (ID + "post/a", "exactly one dj:holder"),
    (ID + "post/b", "holder must be a dj:Person"),
    (DJ + "organization", triple("post/c", "dj:organization", ID + "place/2") + " a post held in a place"),
    (ID + "post/d", "exactly one dj:title"),
    (ID + "post/e", "exactly one dj:holder"),
    (ID + "post/f", "holder must be a dj:Person"),
    (DJ + "organization", triple("post/f", "dj:organization", "某单位")),
    (ID + "event/1/a", "should have at least one dj:organizer"),
    (DJ + "organizer", triple("event/1/b", "dj:organizer", ID + "person/丁")),
    (DJ + "organizer", triple("event/1/f", "dj:organizer", "某居委会")),
    (DJ + "partner", triple("event/1/c", "dj:partner", ID + "place/1")),
    (ID + "event/1/c", "must point to a dj:Program"),
    (DJ + "date", ID + 'event/1/d has dj:date "7月18日", which is not an xsd:date'),
    (ID + "event/1/d", "Only a dj:Article has a dj:author"),
    (ID + "event/1/d", "dj:author must point to a dj:Person"),
    (DJ + "location", ID + "event/1/e has dj:location " + ID + "person/丁, which is neither"),
    (ID + "event/1/e", "dj:audience must be a literal"),
    (DJ + "partOf", triple("person/丁", "dj:partOf", ID + "place/2")),
    (DJ + "partOf", triple("place/6", "dj:partOf", ID + "org/丙银行")),
    (DJ + "partOf", "in a cycle through " + ID + "place/4"),
    (DJ + "partOf", "in a cycle through " + ID + "place/5"),
    (ID + "org/丙银行", "Only a dj:PartyOrganization has a dj:hostUnit"),
    (DJ + "hostUnit", triple("party-org/x", "dj:hostUnit", ID + "person/丁")),
    (DJ + "subOrganizationOf", triple("party-org/乙社区党委", "dj:subOrganizationOf", ID + "place/1")),
    (DJ + "subOrganizationOf", "in a cycle through " + ID + "party-org/甲"),
    (DJ + "subOrganizationOf", "in a cycle through " + ID + "party-org/乙"),
    (DJ + "coBuildsWith", triple("person/丁", "dj:coBuildsWith", ID + "party-org/乙社区党委")),
    (DJ + "coBuildsWith", ID + "org/丙银行 co-builds with itself"),
    (ARTICLE, "at most one schema:datePublished"),
    (ARTICLE, "single xsd:boolean"),
    (ARTICLE + "/sentence/9-4", "exactly one dct:isPartOf"),
    (ARTICLE + "/sentence/9-4", "not after its dj:end"),
    (DCT + "isPartOf", ARTICLE + "/sentence/9-4 is not, through dct:isPartOf"),
    (DCT + "isPartOf", ARTICLE + "/sentence/0-8 is not, through dct:isPartOf"),
    ("_:blank", "needs exactly one rdf:object"),
}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(shapes_path(), format="turtle")


def store_of(name: str) -> ox.Store:
    """The fixture in an in-memory store, one named graph per article, as the project stores it."""
    store = ox.Store()
    store.load(path=str(FIXTURES / name), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def bad_result(shapes) -> tuple[bool, Graph]:
    conforms, report, _ = pyshacl.validate(store_of("bad.trig"), shacl_graph=shapes)
    return conforms, report


def is_chinese(message: Literal) -> bool:
    # pySHACL drops the language tags of SPARQL-constraint messages: tell them apart by script,
    # ignoring the IRIs (with Chinese keys) and the data the messages quote.
    return message.language == "zh" or (message.language is None and bool(CJK.search(QUOTED.sub("", message))))


def english(messages) -> str:
    return next((str(m) for m in messages if m.language in ("en", None) and not is_chinese(m)), "")


def violations(report: Graph) -> set[tuple[str, str, str]]:
    """(focus node, English message, Chinese message) of each top-level result."""
    found = set()
    for result in report.objects(None, SH.result):
        focus = report.value(result, SH.focusNode)
        messages = list(report.objects(result, SH.resultMessage))
        chinese = next((str(m) for m in messages if is_chinese(m)), "")
        found.add((str(focus) if isinstance(focus, URIRef) else "_:blank", english(messages), chinese))
    return found


def test_shapes_accept_the_good_graph_across_named_graphs(shapes):
    conforms, _, text = pyshacl.validate(store_of("good.trig"), shacl_graph=shapes)
    assert conforms, text


def test_shapes_accept_a_party_branch_of_a_residential_compound(shapes):
    # regression: 小区党支部 are real and the extractor reads them; the shapes refused their host unit
    store = store_of("good.trig")
    knowledge = ox.NamedNode("https://w3id.org/dangjian/graph/knowledge")
    branch, compound = ox.NamedNode(ID + "party-org/富元家园党支部"), ox.NamedNode(ID + "compound/富元家园")
    for s, p, o in [(compound, RDF_TYPE, DJ + "ResidentialCompound"), (branch, RDF_TYPE, DJ + "PartyOrganization"),
                    (branch, DJ + "hostUnit", compound)]:
        store.add(ox.Quad(s, ox.NamedNode(p), ox.NamedNode(o) if isinstance(o, str) else o, knowledge))
    for node, name in [(compound, "富元家园"), (branch, "富元家园党支部")]:
        store.add(ox.Quad(node, ox.NamedNode(str(RDFS_LABEL)), ox.Literal(name, language="zh"), knowledge))
    conforms, _, text = pyshacl.validate(store, shacl_graph=shapes)
    assert conforms, text



def test_shapes_only_warn_about_an_event_whose_articles_do_not_say_who_held_it(shapes):
    # news often reports an event without its organizer: the graph is right to say no more than the text
    store = store_of("good.trig")
    event = ox.NamedNode(ID + "event/2/义诊活动")
    knowledge = ox.NamedNode("https://w3id.org/dangjian/graph/knowledge")
    store.add(ox.Quad(event, ox.NamedNode(RDF_TYPE), ox.NamedNode(DJ + "Event"), knowledge))
    store.add(ox.Quad(event, ox.NamedNode(RDFS_LABEL), ox.Literal("义诊活动", language="zh"), knowledge))
    conforms, report, _ = pyshacl.validate(store, shacl_graph=shapes, allow_warnings=True)
    assert conforms
    (result,) = report.subjects(SH.focusNode, URIRef(event.value))
    assert report.value(result, SH.resultSeverity) == SH.Warning


def test_shapes_only_warn_about_a_post_held_in_a_place(shapes):
    # 镇长 of a town: the news names the town, not its government
    store = store_of("good.trig")
    post = ox.NamedNode(ID + "post/张一/place/320508900000/镇长")
    knowledge = ox.NamedNode("https://w3id.org/dangjian/graph/knowledge")
    for p, o in [(RDF_TYPE, ox.NamedNode(DJ + "Post")), (DJ + "holder", ox.NamedNode(ID + "person/张一")),
                 (DJ + "organization", ox.NamedNode(ID + "place/320508900000")), (DJ + "title", ox.Literal("镇长")),
                 (RDFS_LABEL, ox.Literal("张一 镇长", language="zh"))]:
        store.add(ox.Quad(post, ox.NamedNode(p), o, knowledge))
    conforms, report, _ = pyshacl.validate(store, shacl_graph=shapes, allow_warnings=True)
    assert conforms
    severities = {report.value(r, SH.resultSeverity) for r in report.objects(None, SH.result)}
    assert severities == {SH.Warning}

def test_shapes_accept_the_good_graph_flattened_into_one_graph(shapes):
    union = store_of("good.trig").query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    flat = Graph().parse(data=union.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
    conforms, _, text = pyshacl.validate(flat, shacl_graph=shapes)
    assert conforms, text


def test_shapes_reject_the_bad_graph_with_the_expected_messages(bad_result):
    conforms, report = bad_result
    assert not conforms
    found = {(focus, en) for focus, en, _ in violations(report)}
    unmatched = {(f, part) for f, part in EXPECTED_VIOLATIONS
                 if not any(focus == f and part in en for focus, en in found)}
    unexpected = {(focus, en) for focus, en in found
                  if not any(focus == f and part in en for f, part in EXPECTED_VIOLATIONS)}
    assert not unmatched, f"violations not reported: {sorted(unmatched)}"
    assert not unexpected, f"violations not expected: {sorted(unexpected)}"


def test_shapes_explain_every_violation_in_english_and_chinese(bad_result):
    _, report = bad_result
    for focus, en, zh in violations(report):
        assert en and zh, f"a violation at {focus} lacks an English or Chinese message"


def test_shapes_count_a_fact_repeated_in_two_articles_once(shapes):
    store = store_of("good.trig")
    post = ox.NamedNode(ID + "post/赵强/竹园社区党支部/党支部书记")
    store.add(ox.Quad(post, ox.NamedNode(DJ + "holder"), ox.NamedNode(ID + "person/赵强"),
                      ox.NamedNode("https://w3id.org/dangjian/graph/article/cccccccccccccccc")))
    conforms, _, text = pyshacl.validate(store, shacl_graph=shapes)
    assert conforms, text


def test_shapes_read_a_node_typed_party_organization_and_organization_as_valid(shapes):
    store = store_of("good.trig")
    store.add(ox.Quad(ox.NamedNode(ID + "party-org/桂花社区党委"), ox.NamedNode(str(RDF.type)),
                      ox.NamedNode(DJ + "Organization"),
                      ox.NamedNode("https://w3id.org/dangjian/graph/article/cccccccccccccccc")))
    conforms, _, text = pyshacl.validate(store, shacl_graph=shapes)
    assert conforms, text


def test_shapes_flag_a_label_without_language(shapes):
    store = store_of("good.trig")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    person = ox.NamedNode(ID + "person/王芳")
    knowledge = ox.NamedNode("https://w3id.org/dangjian/graph/knowledge")
    store.remove(ox.Quad(person, label, ox.Literal("王芳", language="zh"), knowledge))
    store.add(ox.Quad(person, label, ox.Literal("王芳"), knowledge))
    conforms, report, _ = pyshacl.validate(store, shacl_graph=shapes)
    assert not conforms
    wanted = english(shapes.objects(URIRef("https://w3id.org/dangjian/shapes#HasChineseLabel"), SH.message))
    assert {(f, en) for f, en, _ in violations(report)} == {(ID + "person/王芳", wanted)}


def test_shapes_messages_exist_in_english_and_chinese(shapes):
    for node, message in shapes.subject_objects(SH.message):
        languages = {m.language for m in shapes.objects(node, SH.message) if isinstance(m, Literal)}
        assert {"en", "zh"} <= languages, f"{node} needs sh:message in en and zh"


def test_shapes_avoid_constructs_that_make_pyshacl_quadratic_or_crash(shapes):
    # sh:or and friends build a report per failed alternative, each counting the whole store;
    # a path or nested shape that steps from a literal value crashes pySHACL's pyoxigraph backend.
    for construct in (SH["or"], SH["and"], SH.xone, SH.node):
        assert not list(shapes.subject_objects(construct)), f"shapes.ttl uses {construct}"
    for path in shapes.objects(None, SH.path):
        assert isinstance(path, URIRef), "shapes.ttl uses a path of several steps; use a SPARQL constraint"
