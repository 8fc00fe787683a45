"""Turn extracted facts into RDF: the knowledge graph (each entity and fact once), one evidence graph per article
(Web Annotation, a node per sentence), and the gazetteer's places."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import pyoxigraph as ox

from dangjian.loaders.rdf import ntriples as nt
from dangjian.loaders.articles.credits import opening_words
from dangjian.loaders.articles.model import ArticleFacts, Entity, Fact, Literal
from dangjian.loaders.rdf.ntriples import Triple
from dangjian.ontology import ARTICLE, DCT, DJ, GAZETTEER_GRAPH, GRAPH, ID, PROV, RDF, RDFS, SCHEMA, SKOS

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


def _literal(value: Literal) -> str:
    if value.lang:
        return f"{nt.literal(value.value)}@{value.lang}"
    if value.datatype:
        return nt.typed(value.value, value.datatype)
    return nt.literal(value.value)


@lru_cache(maxsize=4096)
def _entity(key: str) -> str:
    """An entity's IRI as an N-Triples term (an article names each entity several times; bounded, so memory stays
    flat however large the corpus)."""
    return f"<{ID}{iri_part(key)}>"


@lru_cache(maxsize=1024)
def _term(ns: str, local: str) -> str:
    return f"<{ns}{local}>"


TYPE, NAME, ALT_NAME = _term(RDF, "type"), _term(RDFS, "label"), _term(SKOS, "altLabel")


def entity_triples(entity: Entity) -> Iterator[Triple]:
    node = _entity(entity.key)
    yield node, TYPE, _term(DJ, entity.cls)
    yield node, NAME, nt.zh(entity.label)
    for alt in sorted(entity.alt):
        if alt and alt != entity.label:
            yield node, ALT_NAME, nt.zh(alt)
    if entity.code:
        yield node, _term(DJ, "code"), nt.literal(entity.code)


def _object(fact: Fact) -> str:
    return _literal(fact.o) if isinstance(fact.o, Literal) else _entity(fact.o)


def canonical(fact: Fact) -> Fact:
    """A fact as the knowledge graph holds it: dj:coBuildsWith is symmetric, so it is stated from the smaller key."""
    if fact.p == "coBuildsWith" and isinstance(fact.o, str) and fact.o < fact.s:
        return Fact(fact.o, fact.p, fact.s, fact.evidence, fact.gazetteer)
    return fact


def fact_iri(fact: Fact) -> str:
    """The one node of a fact (an rdf:Statement) every article stating it points at: named by a digest of s, p, o."""
    o = fact.o if isinstance(fact.o, str) else f"{fact.o.value}\x00{fact.o.datatype}\x00{fact.o.lang}"
    digest = hashlib.sha1(f"{fact.s}\x00{fact.p}\x00{o}".encode()).hexdigest()[:20]
    return f"<{ID}fact/{digest}>"


# A post's holder, organization and title are what its key says, and an event belongs to the one article that
# reports it: their facts are evidenced by the post or event itself, named in the sentence, not by a statement.
SELF_EVIDENT = frozenset({"Post", "Event"})


def self_evident(fact: Fact, facts: ArticleFacts) -> bool:
    """Whether a fact's evidence is its subject's annotation (a post's or event's own facts)."""
    subject = facts.entities.get(fact.s)
    return subject is not None and subject.cls in SELF_EVIDENT


def knowledge_triples(facts: ArticleFacts) -> tuple[dict[str, list[Triple]], list[Triple]]:
    """What an article adds to the knowledge graph: each entity's type and label (by entity IRI, written only for
    an entity the store does not know yet), and the rest (alternative names, codes, facts and their statements),
    which a store holds once however often it is written."""
    heads: dict[str, list[Triple]] = {}
    rest: list[Triple] = []
    for entity in facts.entities.values():
        node = _entity(entity.key)
        if not entity.gazetteer:  # a gazetteer place has its type and label in the gazetteer graph
            heads[node[1:-1]] = [(node, TYPE, _term(DJ, entity.cls)), (node, NAME, nt.zh(entity.label))]
        rest.extend((node, ALT_NAME, nt.zh(alt)) for alt in sorted(entity.alt) if alt and alt != entity.label)
        if entity.code and not entity.gazetteer:
            rest.append((node, _term(DJ, "code"), nt.literal(entity.code)))
    for fact in map(canonical, facts.facts):
        s, p, o = _entity(fact.s), _term(DJ, fact.p), _object(fact)
        rest.append((s, p, o))
        if not self_evident(fact, facts):
            stmt = fact_iri(fact)
            rest += [(stmt, _term(RDF, "subject"), s),
                     (stmt, _term(RDF, "predicate"), p), (stmt, _term(RDF, "object"), o)]
    return heads, rest


def article_triples(facts: ArticleFacts, article_id: str, *, activity: dict[str, str],
                    content_hash: str, document_hash: str | None = None) -> list[Triple]:
    """Everything one article's named graph holds: the article, and its evidence (no entity or fact itself)."""
    art = nt.iri(ARTICLE + article_id)
    article = facts.article
    title = article.title or facts.text[:30]
    out: list[Triple] = [
        (art, TYPE, _term(DJ, "Article")),
        (art, NAME, nt.zh(title)),
        (art, _term(SCHEMA, "text"), nt.literal(facts.text)),
        (art, _term(DJ, "contentHash"), nt.literal(content_hash)),
    ]
    if document_hash:
        out.append((art, _term(DJ, "documentHash"), nt.literal(document_hash)))
    opening = opening_words(facts.text) if not article.title else ""
    if len(opening) >= 4 and opening != title:
        out.append((art, ALT_NAME, nt.zh(opening)))  # 本网讯(…)11月23日, cut: the lead's own words
    if facts.date:
        kind = {10: "date", 7: "gYearMonth", 4: "gYear"}.get(len(facts.date))
        if kind:
            out.append((art, _term(SCHEMA, "datePublished"), nt.typed(facts.date, kind)))
    if facts.source:
        out.append((art, _term(DCT, "source"), nt.zh(facts.source)))
    if facts.url:
        try:
            out.append((art, _term(SCHEMA, "url"), nt.iri(ox.NamedNode(facts.url).value)))
        except ValueError:
            out.append((art, _term(SCHEMA, "url"), nt.literal(facts.url)))
    if facts.source_file:
        out.append((art, _term(DJ, "sourceFile"), nt.literal(facts.source_file)))
    if article.truncated:
        out.append((art, _term(DJ, "truncated"), nt.typed("true", "boolean")))
    act = nt.iri(f"{ARTICLE}{article_id}/activity")
    out += [
        (art, _term(PROV, "wasGeneratedBy"), act),
        (act, TYPE, _term(PROV, "Activity")),
        (act, _term(DJ, "extractorVersion"), nt.literal(activity["version"])),
        (act, _term(PROV, "endedAtTime"), nt.typed(activity["time"], "dateTime")),
    ]
    for name in article.authors:
        out.append((art, _term(DJ, "author"), _entity(f"person/{name}")))
    out.extend(_evidence(facts, ARTICLE + article_id))
    return out


Span = tuple[int, int] | None


def _bodies(facts: ArticleFacts) -> dict[Span, list[str]]:
    """What each sentence states (by its span): every fact read from it (a post's or event's own facts by the post
    or event, which name their subject and object), and an entity no fact of a sentence names by the first
    sentence that names it; one named in no sentence is attached to the whole article (None). So every fact has
    each of its sentences, and every entity at least one sentence where the article has one for it."""
    by_span: dict[Span, dict[str, None]] = {}
    named: set[str] = set()
    for fact in facts.facts:
        span = (fact.evidence.start, fact.evidence.end) if fact.evidence else None
        body = _entity(fact.s) if self_evident(fact, facts) else fact_iri(canonical(fact))
        by_span.setdefault(span, {})[body] = None
        if span is not None:  # a fact of no sentence gives its subject and object none
            named.add(fact.s)
            if isinstance(fact.o, str):
                named.add(fact.o)
    for mention in facts.mentions:
        if mention.key not in named:
            by_span.setdefault((mention.sentence.start, mention.sentence.end), {})[_entity(mention.key)] = None
            named.add(mention.key)
    for key in facts.entities:
        if key not in named:  # named in no sentence: the article as a whole states it
            by_span.setdefault(None, {})[_entity(key)] = None
    return {span: list(nodes) for span, nodes in by_span.items()}


def _evidence(facts: ArticleFacts, art: str) -> Iterator[Triple]:
    """Each sentence that states something, once: its offsets (code points into the article's schema:text, which
    holds its text; `dj:end` exclusive), the article it is part of, and `dj:states` each fact (its rdf:Statement
    node) and entity it states. What the article states in no particular sentence hangs on a node of the article
    with no offsets (`<article/statements>`)."""
    source = nt.iri(art)
    states, part_of = _term(DJ, "states"), _term(DCT, "isPartOf")
    start_of, end_of = _term(DJ, "start"), _term(DJ, "end")
    for span, bodies in sorted(_bodies(facts).items(), key=lambda item: item[0] or (-1, -1)):
        if span is None:
            node = nt.iri(f"{art}/statements")
        else:
            start, end = span
            node = nt.iri(f"{art}/sentence/{start}-{end}")
            yield node, start_of, nt.typed(str(start), "integer")
            yield node, end_of, nt.typed(str(end), "integer")
        yield node, part_of, source
        for body in bodies:
            yield node, states, body


GAZETTEER_SOURCE = "https://w3id.org/dangjian/source/jionlp-china-location"


def gazetteer_triples(entities: Iterable[Entity], facts: Iterable[Fact]) -> list[Triple]:
    """The gazetteer's places and their containment, for the gazetteer graph (added to, never replaced)."""
    out: list[Triple] = []
    source = nt.iri(GAZETTEER_SOURCE)
    for entity in entities:
        out.extend(entity_triples(entity))
        out.append((_entity(entity.key), _term(PROV, "wasDerivedFrom"), source))
    for fact in facts:  # the gazetteer's containment; what an article itself says is dj:partOf in its graph
        out.append((_entity(fact.s), _term(DJ, "withinArea" if fact.p == "partOf" else fact.p), _object(fact)))
    out.append((nt.iri(GAZETTEER_GRAPH), _term(PROV, "wasDerivedFrom"), source))
    out.append((source, NAME, nt.zh("jionlp 中国五级行政区划 (china_location)")))
    return out
