"""The load, as named steps: read → hash check → identify → extract → encode → write, for every document of a
corpus, with a progress line and a summary.

`document_outcome` takes one document through the steps before the store, wherever it runs (this process, a
`--jobs` worker, a Dask worker); `load_articles` reads the files, has their outcomes computed in corpus order and
writes them to the store in batches.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from dangjian.loaders.load import known
from dangjian.loaders.load.batches import Batch
from dangjian.loaders.load.encoded import Encoded, encode_document
from dangjian.loaders.load.extract_step import ArticleResult, extract_document, extract_file, warm_up
from dangjian.loaders.load.identity import EXTRACTOR_VERSION, identify
from dangjian.loaders.load.known import Unchanged
from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.load.progress import LoadReport, Progress
from dangjian.loaders.load.workers import outcomes
from dangjian.loaders.rdf.retract import retract_article
from dangjian.loaders.rdf.store_format import check_store_format
from dangjian.loaders.read.document import Document, ReadError
from dangjian.loaders.read.read import iter_documents

# ArticleResult, extract_file and identify are named here too for callers from before the load was split in modules
__all__ = ["ArticleResult", "LoadOptions", "LoadReport", "Outcome", "Unchanged", "document_outcome", "extract_document",
           "extract_file", "identify", "load_articles", "read_and_extract"]

# what the steps make of one document: its articles encoded and the gazetteer places they touched, or "stored
# before", or why it was skipped
Outcome = tuple[list[Encoded], bytes] | Unchanged | str


def document_outcome(item: Document | ReadError, options: LoadOptions) -> Outcome:
    """One document's steps before the store; an error in any of them is its outcome, naming the file."""
    if isinstance(item, ReadError):
        return str(item)
    try:
        if stored := known.known_document(item, options):           # hash check: the document, stored before whole
            return stored
        identified = identify(item, options)                         # identify: its articles, their ids and hashes
        # The document's digest, which covers the metadata, is new: metadata given now must reach its articles.
        refresh = known.given_metadata(item, options)
        if not refresh and known.articles_unchanged(identified[1], options):   # hash check: each article
            return Unchanged(len(identified[0]))
        results = extract_document(item, options, identified)        # extract: facts and their triples
        return encode_document(results, refresh)                     # encode: N-Quads for the store
    except Exception as error:  # an extractor bug must not stop a whole corpus; it is reported with the file
        where = item.path if item.line is None else f"{item.path}:{item.line}"
        return f"{where}: extraction failed ({type(error).__name__}: {error}) — please report it with this file"


def read_and_extract(paths: list[Path], options: LoadOptions) -> Iterator[tuple[Document | ReadError, Outcome]]:
    """Read the files and take each document through its steps, here or in `options.jobs` processes."""
    return outcomes(iter_documents(paths, max_chars=options.max_chars), document_outcome, options, warm_up)


def load_articles(store, paths: Iterable[Path], options: LoadOptions, results=None) -> LoadReport:
    """Load article files into a store: one evidence graph per article, replaced when it changed, its facts and
    entities once in the knowledge graph. `results(paths, options)` extracts elsewhere, in corpus order
    (dangjian.loaders.load.distributed: on a Dask cluster); by default `read_and_extract`."""
    report = LoadReport()
    started = time.monotonic()
    progress = Progress(options.progress)
    check_store_format(store)
    batch = Batch(store)
    known.start(store, read_now=options.jobs > 1 and results is None)   # before the workers fork: they share it
    try:
        _write_all(store, (results or read_and_extract)(list(paths), options), options, report, progress, batch)
    finally:
        batch.close()
        known.finish()
    report.seconds = time.monotonic() - started
    progress.done(report)
    return report


def _write_all(store, steps: Iterable[tuple[Document | ReadError, Outcome]], options: LoadOptions, report: LoadReport,
               progress: Progress, batch: Batch) -> None:
    """write: each document's outcome counted, said, and its articles handed to the batch."""
    for item, outcome in steps:
        report.files += 1
        if isinstance(outcome, str):
            report.failed.append(outcome)
            progress.error(outcome)
            if options.strict:
                break
            continue
        if isinstance(outcome, Unchanged):
            report.unchanged += outcome.articles
            continue
        encoded, gazetteer = outcome
        if not encoded:
            report.failed.append(f"{item.path}: no article found — the file holds no title or paragraph")
            continue
        batch.add_gazetteer(gazetteer)
        for result in encoded:
            _write_article(store, result, options, report, batch)
        progress.step(report)


def _write_article(store, result: Encoded, options: LoadOptions, report: LoadReport, batch: Batch) -> None:
    """write: an article new to the store into the batch; a changed one retracted first; an unchanged one counted."""
    if result.article_id in batch.pending:
        report.unchanged += 1  # the same article twice in one load
        return
    stored = known.stored_article(result.article_id)
    if stored == (result.content_hash, EXTRACTOR_VERSION) and not (options.reextract or result.refresh):
        report.unchanged += 1
        return
    if stored is not None:
        batch.flush()
        retract_article(store, result.article_id)
        batch.labelled.forget()
    batch.add(result)
    known.remember(result.article_id, result.content_hash)
    report.replaced += stored is not None
    report.articles += 1
    report.loaded.append(result.article_id)
    report.facts += result.facts
    report.entities.update(result.entities)
