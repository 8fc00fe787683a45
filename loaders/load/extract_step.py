"""The extraction step: one document's articles to their facts and RDF triples (`ArticleResult`, which
`dangjian extract` shows as JSON or TriG), touching no store.

>>> page = Document(path="page.txt", text="青枫社区开展读书会\\n\\n近日,青枫社区党支部书记林晓带领党员开展读书会。", kind="text")
>>> [(r.article.title, r.facts.date) for r in extract_document(page, LoadOptions(date="2023-07-20"))]
[('青枫社区开展读书会', '2023-07-20')]
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox

from dangjian.loaders.articles.model import ArticleFacts
from dangjian.loaders.articles.segment import Article, segment
from dangjian.loaders.extract.extract import extract_articles
from dangjian.loaders.load.identity import EXTRACTOR_VERSION, Identified, document_hash, identify
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.rdf.ntriples import Triple, nquads, to_ox
from dangjian.loaders.rdf.to_rdf import article_graph, article_triples, gazetteer_triples, knowledge_triples
from dangjian.loaders.read.document import Document, ReadError
from dangjian.loaders.read.read import iter_documents
from dangjian.ontology import DJ, GAZETTEER_GRAPH, KNOWLEDGE_GRAPH

__all__ = ["ArticleResult", "extract_document", "extract_file", "warm_up"]


@dataclass
class ArticleResult:
    """What one article yields: its id, its facts, and the triples of its graph (as N-Triples terms)."""

    article_id: str
    content_hash: str
    facts: ArticleFacts
    lines: list[Triple]                                            # the article graph
    gazetteer_lines: list[Triple]                                  # the gazetteer places it touched
    heads: dict[str, list[Triple]] = field(default_factory=dict)   # entity IRI → its type and label
    knowledge: list[Triple] = field(default_factory=list)          # facts, statements, other names

    @property
    def article(self) -> Article:
        return self.facts.article

    @property
    def triples(self) -> list[ox.Triple]:
        """The article graph as pyoxigraph triples."""
        return [ox.Triple(q.subject, q.predicate, q.object) for q in to_ox(self.lines)]

    @property
    def gazetteer(self) -> list[ox.Triple]:
        return [ox.Triple(q.subject, q.predicate, q.object) for q in to_ox(self.gazetteer_lines)]

    def to_json(self) -> dict:
        f = self.facts
        label = {k: e.label for k, e in f.entities.items()}

        def show(value):
            return label.get(value, value) if isinstance(value, str) else value.value

        return {
            "id": self.article_id,
            "title": f.article.title,
            "authors": f.article.authors,
            "date": f.date,
            "truncated": f.article.truncated,
            "entities": [{"class": e.cls, "label": e.label, "alt": sorted(e.alt), "code": e.code, "key": e.key}
                         for e in f.entities.values()],
            "facts": [{"s": show(x.s), "p": x.p, "o": show(x.o),
                       "evidence": f.text[x.evidence.start:x.evidence.end] if x.evidence else None,
                       "start": x.evidence.start if x.evidence else None,
                       "end": x.evidence.end if x.evidence else None} for x in f.facts],
        }

    def to_turtle(self) -> str:
        text = nquads(self.lines, article_graph(self.article_id).value) + nquads(self.gazetteer_lines, GAZETTEER_GRAPH)
        text += nquads([*(t for head in self.heads.values() for t in head), *self.knowledge], KNOWLEDGE_GRAPH)
        quads = ox.parse(text.encode(), format=ox.RdfFormat.N_QUADS)
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes={"dj": DJ}).decode()


def extract_document(doc: Document, options: LoadOptions, identified: Identified | None = None) -> list[ArticleResult]:
    """Extract every article of one document (pure: touches no store)."""
    articles, ids = identified or identify(doc, options)
    results, resolver = extract_articles(articles, date=doc.date or options.date, scope_of=lambda a: ids[id(a)][0])
    stamp = {"version": EXTRACTOR_VERSION, "time": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    gaz = gazetteer_triples(resolver.gazetteer_entities.values(), resolver.gazetteer_facts)
    out: list[ArticleResult] = []
    for facts in results:
        facts.source = doc.source or options.source
        facts.url = doc.url or options.url
        facts.source_file = doc.path if doc.line is None else f"{doc.path}:{doc.line}"
        article_id, digest = ids[id(facts.article)]
        lines = article_triples(facts, article_id, activity=stamp, content_hash=digest,
                                document_hash=f"{document_hash(doc, options)}:{len(results)}")
        heads, knowledge = knowledge_triples(facts)
        out.append(ArticleResult(article_id, digest, facts, lines, gaz, heads, knowledge))
    return out


def extract_file(path: str | Path, options: LoadOptions) -> Iterator[ArticleResult | ReadError]:
    """What one file yields, article by article as it is read, for `dangjian extract`; what cannot be read (the
    file, or one record of a JSON Lines file) comes as its ReadError, in its place, and the rest goes on."""
    for item in iter_documents([path], max_chars=options.max_chars):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from extract_document(item, options)


def warm_up() -> None:
    """Load the dictionaries and the gazetteer index once, before forking: the workers share them."""
    extract_articles(segment("苏州市姑苏区双塔街道示例社区党委书记王芳带领党员开展活动。"), date=None, scope_of=lambda a: "warm-up")
