"""The hash check: what the store holds already, read once before a load, so that a document or article stored
before with the same text, metadata and extractor version is skipped before it is extracted.

The state is module-level on purpose: worker processes see it through fork, so they skip what the store holds
without asking it. `start` fills it before a load, `finish` empties it after.
"""
from __future__ import annotations

from dataclasses import dataclass

from dangjian.loaders.load.identity import EXTRACTOR_VERSION, document_hash
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.rdf.retract import stored_documents, stored_hashes
from dangjian.loaders.read.document import Document

__all__ = ["Unchanged", "articles_unchanged", "finish", "given_metadata", "known_document", "remember", "start",
           "stored_article"]

# The content hash and extractor version of every article in the store, read once before a load starts.
_KNOWN: dict[str, tuple[str, str | None]] = {}
_KNOWN_FROM: list = []   # the store to read _KNOWN from when first needed: a load of unchanged documents never is
_KNOWN_DOCUMENTS: dict[str, int] = {}   # document digest → how many articles it gave


@dataclass
class Unchanged:
    """A document whose every article is in the store with the same text and extractor version."""

    articles: int


def start(store, *, read_now: bool) -> None:
    """Know what `store` holds for the load about to start: the documents' digests now, the articles' hashes when
    first needed, or now with `read_now` (before worker processes fork, so that they share them)."""
    _KNOWN.clear()
    _KNOWN_FROM[:] = [store]
    if read_now:
        _known()
    _KNOWN_DOCUMENTS.clear()
    _KNOWN_DOCUMENTS.update(stored_documents(store))


def finish() -> None:
    """Forget the store's hashes: the next load reads them again."""
    _KNOWN.clear()
    _KNOWN_FROM.clear()
    _KNOWN_DOCUMENTS.clear()


def _known() -> dict[str, tuple[str, str | None]]:
    """The stored articles' hashes, read from the store the first time a document is not known whole. What this
    load stored already is known better here than by the store, whose last batch may be half written."""
    if _KNOWN_FROM:
        for article_id, stored in stored_hashes(_KNOWN_FROM.pop()).items():
            _KNOWN.setdefault(article_id, stored)
    return _KNOWN


def stored_article(article_id: str) -> tuple[str, str | None] | None:
    """The content hash and extractor version an article was stored with, or None for a new article."""
    return _known().get(article_id)


def remember(article_id: str, digest: str) -> None:
    """This load stored the article: a second copy of it later in the corpus is unchanged."""
    _KNOWN[article_id] = (digest, EXTRACTOR_VERSION)


def known_document(doc: Document, options: LoadOptions) -> Unchanged | None:
    """The document as it was stored before, whole (same digest), unless the load extracts everything again."""
    known = _KNOWN_DOCUMENTS.get(document_hash(doc, options))
    return Unchanged(known) if known and not options.reextract else None


def given_metadata(doc: Document, options: LoadOptions) -> bool:
    """Whether the load gives a date, source or URL the document does not state itself (so the flag applies)."""
    return any(flag and not own for flag, own in ((options.date, doc.date), (options.source, doc.source),
                                                  (options.url, doc.url)))


def articles_unchanged(ids: dict[int, tuple[str, str]], options: LoadOptions) -> bool:
    """Whether every article (id, content hash) is stored with this text and extractor version."""
    return bool(ids) and not options.reextract and all(
        _known().get(article_id) == (digest, EXTRACTOR_VERSION) for article_id, digest in ids.values())
