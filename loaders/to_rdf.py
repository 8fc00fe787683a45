"""Turn extracted facts into RDF: the knowledge graph (each entity and fact once), one evidence graph per article
(Web Annotation, a node per sentence), and the gazetteer's places."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import pyoxigraph as ox

from dangjian.loaders.credits import opening_words
from dangjian.loaders.model import ArticleFacts, Entity, Fact, Literal
from dangjian.ontology import ARTICLE, DCT, DJ, GAZETTEER_GRAPH, GRAPH, ID, OA, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

# Characters an IRI path may not hold (RFC 3987), percent-encoded; Chinese stays readable. Beyond ASCII
# only `ucschar` may stand as is: not C1 controls, surrogates, private use, U+FFF0-FFFF (U+FFFD among
# them), the last two code points of a plane, tag characters (U+E0000-E0FFF) or the private planes.
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}[\]|\\^`%#?\x7f-\x9f\ud800-\uf8ff\ufdd0-\ufdef\ufff0-\uffff'
                         r'\U0001fffe-\U0001ffff\U0002fffe-\U0002ffff\U0003fffe-\U0003ffff\U0004fffe-\U0004ffff'
                         r'\U0005fffe-\U0005ffff\U0006fffe-\U0006ffff\U0007fffe-\U0007ffff\U0008fffe-\U0008ffff'
                         r'\U0009fffe-\U0009ffff\U000afffe-\U000affff\U000bfffe-\U000bffff\U000cfffe-\U000cffff'
                         r'\U000dfffe-\U000dffff\U000e0000-\U000e0fff\U000efffe-\U0010ffff]')


def iri_part(text: str) -> str:
    """A path segment safe inside an IRI: what RFC 3987 forbids is percent-encoded as UTF-8.

    >>> iri_part("红色\ue000引擎 1")
    '红色%EE%80%80引擎%201'
    """
    return _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogatepass")), text)


def entity_iri(key: str) -> ox.NamedNode:
    return ox.NamedNode(ID + iri_part(key))


def article_iri(article_id: str) -> ox.NamedNode:
    return ox.NamedNode(ARTICLE + article_id)


def article_graph(article_id: str) -> ox.NamedNode:
    return ox.NamedNode(f"{GRAPH}article/{article_id}")


@lru_cache(maxsize=4096)
def _n(ns: str, local: str) -> ox.NamedNode:
    """A vocabulary term, built once: the evidence writes the same few hundred thousand times per corpus."""
    return ox.NamedNode(ns + local)


A = _n(RDF, "type")
LABEL = _n(RDFS, "label")
ALT = _n(SKOS, "altLabel")


def _literal(value: Literal) -> ox.Literal:
    if value.lang:
        return ox.Literal(value.value, language=value.lang)
    if value.datatype:
        return ox.Literal(value.value, datatype=_n(XSD, value.datatype))
    return ox.Literal(value.value)


def zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def entity_triples(entity: Entity) -> Iterator[ox.Triple]:
    node = entity_iri(entity.key)
    yield ox.Triple(node, A, _n(DJ, entity.cls))
    yield ox.Triple(node, LABEL, zh(entity.label))
    for alt in sorted(entity.alt):
        if alt and alt != entity.label:
            yield ox.Triple(node, ALT, zh(alt))
    if entity.code:
        yield ox.Triple(node, _n(DJ, "code"), ox.Literal(entity.code))


def _object(fact: Fact) -> ox.NamedNode | ox.Literal:
    return _literal(fact.o) if isinstance(fact.o, Literal) else entity_iri(fact.o)


def canonical(fact: Fact) -> Fact:
    """A fact as the knowledge graph holds it: dj:coBuildsWith is symmetric, so it is stated from the smaller key."""
    if fact.p == "coBuildsWith" and isinstance(fact.o, str) and fact.o < fact.s:
        return Fact(fact.o, fact.p, fact.s, fact.evidence, fact.gazetteer)
    return fact


def fact_iri(fact: Fact) -> ox.NamedNode:
    """The one node of a fact (an rdf:Statement) every article stating it points at: named by a digest of s, p, o."""
    o = fact.o if isinstance(fact.o, str) else f"{fact.o.value}\x00{fact.o.datatype}\x00{fact.o.lang}"
    digest = hashlib.sha1(f"{fact.s}\x00{fact.p}\x00{o}".encode()).hexdigest()[:20]
    return ox.NamedNode(f"{ID}fact/{digest}")


# A post's holder, organization and title are what its key says, and an event belongs to the one article that
# reports it: their facts are evidenced by the post or event itself, named in the sentence, not by a statement.
SELF_EVIDENT = frozenset({"Post", "Event"})


def self_evident(fact: Fact, facts: ArticleFacts) -> bool:
    """Whether a fact's evidence is its subject's annotation (a post's or event's own facts)."""
    subject = facts.entities.get(fact.s)
    return subject is not None and subject.cls in SELF_EVIDENT


def knowledge_triples(facts: ArticleFacts) -> tuple[dict[str, list[ox.Triple]], list[ox.Triple]]:
    """What an article adds to the knowledge graph: each entity's type and label (by entity IRI, written only for
    an entity the store does not know yet), and the rest (alternative names, codes, facts and their statements),
    which a store holds once however often it is written."""
    heads: dict[str, list[ox.Triple]] = {}
    rest: list[ox.Triple] = []
    for entity in facts.entities.values():
        node = entity_iri(entity.key)
        if not entity.gazetteer:  # a gazetteer place has its type and label in the gazetteer graph
            heads[node.value] = [ox.Triple(node, A, _n(DJ, entity.cls)), ox.Triple(node, LABEL, zh(entity.label))]
        rest.extend(ox.Triple(node, ALT, zh(alt)) for alt in sorted(entity.alt) if alt and alt != entity.label)
        if entity.code and not entity.gazetteer:
            rest.append(ox.Triple(node, _n(DJ, "code"), ox.Literal(entity.code)))
    for fact in map(canonical, facts.facts):
        s, p, o = entity_iri(fact.s), _n(DJ, fact.p), _object(fact)
        rest.append(ox.Triple(s, p, o))
        if not self_evident(fact, facts):
            stmt = fact_iri(fact)
            rest += [ox.Triple(stmt, A, _n(RDF, "Statement")), ox.Triple(stmt, _n(RDF, "subject"), s),
                     ox.Triple(stmt, _n(RDF, "predicate"), p), ox.Triple(stmt, _n(RDF, "object"), o)]
    return heads, rest


def article_triples(facts: ArticleFacts, article_id: str, *, activity: dict[str, str],
                    content_hash: str, document_hash: str | None = None) -> list[ox.Triple]:
    """Everything one article's named graph holds: the article, and its evidence (no entity or fact itself)."""
    art = article_iri(article_id)
    article = facts.article
    title = article.title or facts.text[:30]
    out: list[ox.Triple] = [
        ox.Triple(art, A, _n(DJ, "Article")),
        ox.Triple(art, LABEL, zh(title)),
        ox.Triple(art, _n(SCHEMA, "text"), ox.Literal(facts.text)),
        ox.Triple(art, _n(DJ, "contentHash"), ox.Literal(content_hash)),
    ]
    if document_hash:
        out.append(ox.Triple(art, _n(DJ, "documentHash"), ox.Literal(document_hash)))
    opening = opening_words(facts.text) if not article.title else ""
    if len(opening) >= 4 and opening != title:
        out.append(ox.Triple(art, ALT, zh(opening)))  # 本网讯(…)11月23日, cut: the lead's own words
    if facts.date:
        kind = {10: "date", 7: "gYearMonth", 4: "gYear"}.get(len(facts.date))
        if kind:
            out.append(ox.Triple(art, _n(SCHEMA, "datePublished"), ox.Literal(facts.date, datatype=_n(XSD, kind))))
    if facts.source:
        out.append(ox.Triple(art, _n(DCT, "source"), zh(facts.source)))
    if facts.url:
        try:
            out.append(ox.Triple(art, _n(SCHEMA, "url"), ox.NamedNode(facts.url)))
        except ValueError:
            out.append(ox.Triple(art, _n(SCHEMA, "url"), ox.Literal(facts.url)))
    if facts.source_file:
        out.append(ox.Triple(art, _n(DJ, "sourceFile"), ox.Literal(facts.source_file)))
    if article.truncated:
        out.append(ox.Triple(art, _n(DJ, "truncated"), ox.Literal("true", datatype=_n(XSD, "boolean"))))
    act = ox.NamedNode(f"{ARTICLE}{article_id}/activity")
    out += [
        ox.Triple(art, _n(PROV, "wasGeneratedBy"), act),
        ox.Triple(act, A, _n(PROV, "Activity")),
        ox.Triple(act, _n(DJ, "extractorVersion"), ox.Literal(activity["version"])),
        ox.Triple(act, _n(PROV, "endedAtTime"), ox.Literal(activity["time"], datatype=_n(XSD, "dateTime"))),
    ]
    for name in article.authors:
        out.append(ox.Triple(art, _n(DJ, "author"), entity_iri(f"person/{name}")))
    out.extend(_evidence(facts, art))
    return out


def _bodies(facts: ArticleFacts) -> dict[tuple[int, int] | None, list[ox.NamedNode]]:
    """What each sentence states (by its span): the facts read from it (a post's or event's own facts by the post
    or event), the entities named in it. An entity named nowhere is attached to the sentences of its facts; what
    has no sentence at all, to the whole article (None)."""
    by_span: dict[tuple[int, int] | None, dict[str, ox.NamedNode]] = {}
    placed: set[str] = set()

    def put(span: tuple[int, int] | None, node: ox.NamedNode) -> None:
        by_span.setdefault(span, {})[node.value] = node
        placed.add(node.value)

    for mention in facts.mentions:
        put((mention.sentence.start, mention.sentence.end), entity_iri(mention.key))
    for fact in facts.facts:
        span = (fact.evidence.start, fact.evidence.end) if fact.evidence else None
        if self_evident(fact, facts):
            put(span, entity_iri(fact.s))
            continue
        put(span, fact_iri(canonical(fact)))
        for key in (fact.s, fact.o):
            if isinstance(key, str) and key in facts.entities and entity_iri(key).value not in placed:
                put(span, entity_iri(key))
    for key in facts.entities:
        if entity_iri(key).value not in placed:
            put(None, entity_iri(key))
    return {span: list(nodes.values()) for span, nodes in by_span.items()}


def _evidence(facts: ArticleFacts, art: ox.NamedNode) -> Iterator[ox.Triple]:
    """One Web Annotation per sentence that states something: its bodies are the facts (rdf:Statement nodes) and
    entities it states, its target the sentence (a TextPositionSelector in code points into schema:text), its
    dj:evidence the sentence's text, written once."""
    for span, bodies in sorted(_bodies(facts).items(), key=lambda item: item[0] or (-1, -1)):
        if span is None:
            ann = ox.NamedNode(f"{art.value}/statements")
            yield ox.Triple(ann, A, _n(DJ, "SentenceAnnotation"))
            yield ox.Triple(ann, _n(OA, "hasTarget"), art)
        else:
            start, end = span
            ann = ox.NamedNode(f"{art.value}/sentence/{start}-{end}")
            target, pos = ox.NamedNode(f"{ann.value}/target"), ox.NamedNode(f"{ann.value}/position")
            yield ox.Triple(ann, A, _n(DJ, "SentenceAnnotation"))
            yield ox.Triple(ann, _n(DJ, "evidence"), zh(facts.text[start:end]))
            yield ox.Triple(ann, _n(OA, "hasTarget"), target)
            yield ox.Triple(target, _n(OA, "hasSource"), art)
            yield ox.Triple(target, _n(OA, "hasSelector"), pos)
            yield ox.Triple(pos, A, _n(OA, "TextPositionSelector"))
            yield ox.Triple(pos, _n(OA, "start"), ox.Literal(str(start), datatype=_n(XSD, "integer")))
            yield ox.Triple(pos, _n(OA, "end"), ox.Literal(str(end), datatype=_n(XSD, "integer")))
        for body in bodies:
            yield ox.Triple(ann, _n(OA, "hasBody"), body)


GAZETTEER_SOURCE = "https://w3id.org/dangjian/source/jionlp-china-location"


def gazetteer_triples(entities: Iterable[Entity], facts: Iterable[Fact]) -> list[ox.Triple]:
    """The gazetteer's places and their containment, for the gazetteer graph (added to, never replaced)."""
    out: list[ox.Triple] = []
    for entity in entities:
        out.extend(entity_triples(entity))
        out.append(ox.Triple(entity_iri(entity.key), _n(PROV, "wasDerivedFrom"), ox.NamedNode(GAZETTEER_SOURCE)))
    for fact in facts:  # the gazetteer's containment; what an article itself says is dj:partOf in its graph
        out.append(ox.Triple(entity_iri(fact.s), _n(DJ, "withinArea" if fact.p == "partOf" else fact.p), _object(fact)))
    graph = ox.NamedNode(GAZETTEER_GRAPH)
    out.append(ox.Triple(graph, _n(PROV, "wasDerivedFrom"), ox.NamedNode(GAZETTEER_SOURCE)))
    out.append(ox.Triple(ox.NamedNode(GAZETTEER_SOURCE), LABEL, zh("jionlp 中国五级行政区划 (china_location)")))
    return out
