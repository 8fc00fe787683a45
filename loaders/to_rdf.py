"""Turn extracted facts into RDF: one named graph per article with Web Annotation evidence, and gazetteer facts."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import pyoxigraph as ox

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


@lru_cache(maxsize=None)
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


def article_triples(facts: ArticleFacts, article_id: str, *, activity: dict[str, str],
                    content_hash: str) -> list[ox.Triple]:
    """Everything one article's named graph holds."""
    art = article_iri(article_id)
    article = facts.article
    title = article.title or facts.text[:30]
    out: list[ox.Triple] = [
        ox.Triple(art, A, _n(DJ, "Article")),
        ox.Triple(art, LABEL, zh(title)),
        ox.Triple(art, _n(SCHEMA, "text"), ox.Literal(facts.text)),
        ox.Triple(art, _n(DJ, "contentHash"), ox.Literal(content_hash)),
    ]
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
    for entity in facts.entities.values():
        out.extend(entity_triples(entity))
    for fact in facts.facts:
        out.append(ox.Triple(entity_iri(fact.s), _n(DJ, fact.p), _object(fact)))
    out.extend(_evidence(facts, art, article_id))
    return out


def _evidence(facts: ArticleFacts, art: ox.NamedNode, article_id: str) -> Iterator[ox.Triple]:
    """Web Annotation nodes: a mention points at its entity, a fact at a reified statement; both at the text."""
    n = 0
    text = facts.text
    for mention in facts.mentions:
        n += 1
        ann = ox.NamedNode(f"{ARTICLE}{article_id}/ann/{n}")
        yield ox.Triple(ann, A, _n(DJ, "Mention"))
        yield ox.Triple(ann, _n(OA, "hasBody"), entity_iri(mention.key))
        yield ox.Triple(ann, _n(DJ, "evidence"), zh(text[mention.sentence.start:mention.sentence.end]))
        yield from _target(ann, art, text, mention.span.start, mention.span.end, quote=True)
    sentence_targets: set[tuple[int, int]] = set()
    for fact in facts.facts:
        if fact.evidence is None:
            continue
        n += 1
        ann = ox.NamedNode(f"{ARTICLE}{article_id}/ann/{n}")
        stmt = ox.NamedNode(f"{ARTICLE}{article_id}/ann/{n}/statement")
        yield ox.Triple(ann, A, _n(DJ, "FactEvidence"))
        yield ox.Triple(ann, _n(OA, "hasBody"), stmt)
        yield ox.Triple(stmt, A, _n(RDF, "Statement"))
        yield ox.Triple(stmt, _n(RDF, "subject"), entity_iri(fact.s))
        yield ox.Triple(stmt, _n(RDF, "predicate"), _n(DJ, fact.p))
        yield ox.Triple(stmt, _n(RDF, "object"), _object(fact))
        span = (fact.evidence.start, fact.evidence.end)
        yield ox.Triple(ann, _n(DJ, "evidence"), zh(text[span[0]:span[1]]))
        # facts read from one sentence share its target: the sentence is described once
        target = ox.NamedNode(f"{ARTICLE}{article_id}/sentence/{span[0]}-{span[1]}")
        yield ox.Triple(ann, _n(OA, "hasTarget"), target)
        if span not in sentence_targets:
            sentence_targets.add(span)
            yield from _selector(target, art, span[0], span[1])


def _target(ann: ox.NamedNode, art: ox.NamedNode, text: str, start: int, end: int, *, quote: bool) -> Iterator[ox.Triple]:
    target = ox.NamedNode(f"{ann.value}/target")
    yield ox.Triple(ann, _n(OA, "hasTarget"), target)
    yield from _selector(target, art, start, end)
    if quote:
        yield ox.Triple(ox.NamedNode(f"{target.value}/position"), _n(OA, "exact"), ox.Literal(text[start:end]))


def _selector(target: ox.NamedNode, art: ox.NamedNode, start: int, end: int) -> Iterator[ox.Triple]:
    """A SpecificResource of the article text with its TextPositionSelector (code points into schema:text)."""
    pos = ox.NamedNode(f"{target.value}/position")
    yield ox.Triple(target, _n(OA, "hasSource"), art)
    yield ox.Triple(target, _n(OA, "hasSelector"), pos)
    yield ox.Triple(pos, A, _n(OA, "TextPositionSelector"))
    yield ox.Triple(pos, _n(OA, "start"), ox.Literal(str(start), datatype=_n(XSD, "integer")))
    yield ox.Triple(pos, _n(OA, "end"), ox.Literal(str(end), datatype=_n(XSD, "integer")))


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
