"""How a load knows a document's articles before extracting them: the articles it holds, each one's id and content
hash, and the document's digest, which covers everything an extraction depends on (the extractor version too)."""
from __future__ import annotations

import hashlib

from dangjian.loaders.articles.segment import Article, segment
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.read.document import Document
from dangjian.loaders.text.text import for_matching

__all__ = ["EXTRACTOR_VERSION", "Identified", "content_hash", "document_articles", "document_hash", "identify"]

EXTRACTOR_VERSION = "0.1.0"

# a document's articles and, by `id(article)`, each one's id and content hash
Identified = tuple[list[Article], dict[int, tuple[str, str]]]


def document_articles(doc: Document) -> list[Article]:
    """The articles of a document: a text page may hold several; a Markdown, HTML or JSON record is one."""
    text = doc.text
    if doc.title and not text.lstrip().startswith(doc.title.strip()):
        text = f"{doc.title}\n{text}"
    articles = segment(text)
    if doc.kind != "text" and len(articles) > 1:
        first = articles[0]
        for other in articles[1:]:
            if other.title:
                first.paragraphs.append(other.title)
            first.paragraphs.extend(other.paragraphs)
            first.authors.extend(a for a in other.authors if a not in first.authors)
            first.credits.extend(a for a in other.credits if a not in first.credits)
            first.media.extend(a for a in other.media if a not in first.media)
            first.truncated = other.truncated
        articles = [first]
    if doc.author:
        for name in doc.author.replace("、", " ").replace(",", " ").split():
            if name not in articles[0].authors and articles:
                articles[0].authors.append(name)
    return articles


def document_hash(doc: Document, options: LoadOptions) -> str:
    """A digest of everything an extraction of the document depends on (text, metadata, extractor version),
    known before it is segmented: a document loaded before with the same digest is skipped unread."""
    parts = (EXTRACTOR_VERSION, doc.kind, doc.text, doc.title, doc.date or options.date, doc.source or options.source,
             doc.url or options.url, doc.author)
    return hashlib.sha256("\x00".join(part or "" for part in parts).encode()).hexdigest()


def content_hash(text: str) -> str:
    return hashlib.sha256(for_matching(text).encode()).hexdigest()


def identify(doc: Document, options: LoadOptions) -> Identified:
    """A document's articles and, by `id(article)`, each one's id and content hash: known before any extraction."""
    articles = document_articles(doc)
    url = doc.url or options.url
    ids: dict[int, tuple[str, str]] = {}
    for i, article in enumerate(articles):
        digest = content_hash(article.text)
        ident = hashlib.sha256(f"{url}#{i}".encode()).hexdigest() if url else digest
        ids[id(article)] = (ident[:16], digest)
    return articles, ids
