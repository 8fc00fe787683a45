"""The loader pipeline: read → segment → extract → RDF → store, with progress, parallel jobs and a summary.

>>> options = LoadOptions(date="2023-07-20")
>>> [r.article.title for r in extract_file("samples/seed-page.txt", options)][:1]  # doctest: +SKIP
['富元社区党建引领探索“红色治理”']
"""
from __future__ import annotations

import hashlib
import sys
import time
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox

from dangjian.loaders.read.document import Document, ReadError
from dangjian.loaders.extract.extract import extract_articles
from dangjian.loaders.articles.model import ArticleFacts
from dangjian.loaders.rdf.ntriples import Triple, nquads, to_ox
from dangjian.loaders.read.read import iter_documents
from dangjian.loaders.articles.segment import Article, segment
from dangjian.loaders.text.text import for_matching
from dangjian.loaders.rdf.retract import retract_article, stored_documents, stored_hashes
from dangjian.loaders.rdf.store_format import check_store_format, format_quad
from dangjian.loaders.rdf.to_rdf import article_graph, article_triples, gazetteer_triples, knowledge_triples
from dangjian.ontology import DJ, GAZETTEER_GRAPH, KNOWLEDGE_GRAPH, RDFS

EXTRACTOR_VERSION = "0.1.0"
CONTENT_HASH = f"<{DJ}contentHash>"


@dataclass
class LoadOptions:
    """Settings of one load; metadata flags fill in what a document does not say itself."""

    date: str | None = None
    source: str | None = None
    url: str | None = None
    jobs: int = 1
    reextract: bool = False
    strict: bool = False
    progress: bool = True
    max_chars: int = 2_000_000


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


@dataclass
class LoadReport:
    """What a load did, for the summary line and the exit status."""

    files: int = 0
    articles: int = 0
    unchanged: int = 0
    replaced: int = 0
    facts: int = 0
    entities: dict[str, str] = field(default_factory=dict)   # entity IRI → class, each entity once
    loaded: list[str] = field(default_factory=list)          # ids of the articles written (new or replaced)
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        per_class = ", ".join(f"{cls} {n}" for cls, n in sorted(Counter(self.entities.values()).items()))
        lines = [f"{self.articles} article(s) loaded, {self.unchanged} unchanged, {self.replaced} replaced, "
                 f"{self.facts} facts from {self.files} document(s) in {self.seconds:.1f} s"]
        if per_class:
            lines.append(f"distinct entities the loaded articles name: {per_class}")
        if self.failed:
            lines.append(f"{len(self.failed)} skipped:")
            lines.extend(f"  {reason}" for reason in self.failed)
        return "\n".join(lines)


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


def identify(doc: Document, options: LoadOptions) -> tuple[list[Article], dict[int, tuple[str, str]]]:
    """A document's articles and, by `id(article)`, each one's id and content hash: known before any extraction."""
    articles = document_articles(doc)
    url = doc.url or options.url
    ids: dict[int, tuple[str, str]] = {}
    for i, article in enumerate(articles):
        digest = content_hash(article.text)
        ident = hashlib.sha256(f"{url}#{i}".encode()).hexdigest() if url else digest
        ids[id(article)] = (ident[:16], digest)
    return articles, ids


def extract_document(doc: Document, options: LoadOptions,
                     identified: tuple[list[Article], dict[int, tuple[str, str]]] | None = None) -> list[ArticleResult]:
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


# The content hash and extractor version of every article in the store, read once before a load starts; worker
# processes see it through fork, so an unchanged document is recognised before anything is extracted.
_KNOWN: dict[str, tuple[str, str | None]] = {}
_KNOWN_FROM: list = []   # the store to read _KNOWN from when first needed: a load of unchanged documents never is
_KNOWN_DOCUMENTS: dict[str, int] = {}   # document digest → how many articles it gave


def _known() -> dict[str, tuple[str, str | None]]:
    """The stored articles' hashes, read from the store the first time a document is not known whole. What this
    load stored already is known better here than by the store, whose last batch may be half written."""
    if _KNOWN_FROM:
        for article_id, stored in stored_hashes(_KNOWN_FROM.pop()).items():
            _KNOWN.setdefault(article_id, stored)
    return _KNOWN


@dataclass
class Unchanged:
    """A document whose every article is in the store with the same text and extractor version."""

    articles: int


Outcome = tuple[list["Encoded"], bytes] | Unchanged | str


def given_metadata(doc: Document, options: LoadOptions) -> bool:
    """Whether the load gives a date, source or URL the document does not state itself (so the flag applies)."""
    return any(flag and not own for flag, own in ((options.date, doc.date), (options.source, doc.source),
                                                  (options.url, doc.url)))


def _unchanged(ids: dict[int, tuple[str, str]], options: LoadOptions) -> bool:
    return bool(ids) and not options.reextract and all(
        _known().get(article_id) == (digest, EXTRACTOR_VERSION) for article_id, digest in ids.values())


def process_document(item: Document | ReadError, options: LoadOptions) -> tuple[Document | ReadError, Outcome]:
    """One document's step of a load, wherever it runs (this process, a pool worker, a Dask worker): its outcome."""
    if isinstance(item, ReadError):
        return item, str(item)
    try:
        known = _KNOWN_DOCUMENTS.get(document_hash(item, options))
        if known and not options.reextract:
            return item, Unchanged(known)
        identified = identify(item, options)
        # The document's digest, which covers the metadata, is new: metadata given now must reach its articles.
        refresh = given_metadata(item, options)
        if not refresh and _unchanged(identified[1], options):
            return item, Unchanged(len(identified[0]))
        results = extract_document(item, options, identified)
        gazetteer = nquads(results[0].gazetteer_lines, GAZETTEER_GRAPH) if results else ""
        return item, ([replace(encode(r), refresh=refresh) for r in results], gazetteer.encode())
    except Exception as error:  # an extractor bug must not stop a whole corpus; it is reported with the file
        where = item.path if item.line is None else f"{item.path}:{item.line}"
        return item, f"{where}: extraction failed ({type(error).__name__}: {error}) — please report it with this file"


def _results(paths: list[Path], options: LoadOptions) -> Iterator[tuple[Document | ReadError, Outcome]]:
    docs = iter_documents(paths, max_chars=options.max_chars)
    if options.jobs <= 1:
        for item in docs:
            yield process_document(item, options)
        return
    import multiprocessing as mp
    from collections import deque
    _warm_up()
    # A bounded window of chunks in flight, results in order: memory stays flat however large the corpus. Wide
    # enough that the workers keep extracting while this process waits for the store to take a batch.
    with mp.get_context("fork").Pool(options.jobs) as pool:
        window: deque = deque()
        for chunk in document_chunks(docs):
            window.append((chunk, pool.apply_async(_process_chunk, (chunk, options))))
            if len(window) >= 16 * options.jobs:
                chunk, outcomes = window.popleft()
                yield from zip(chunk, outcomes.get())
        while window:
            chunk, outcomes = window.popleft()
            yield from zip(chunk, outcomes.get())


def document_chunks(docs: Iterable[Document | ReadError], chars: int = 50_000) -> Iterator[list[Document | ReadError]]:
    """Documents grouped a few at a time: one task a short news item would cost more in hand-over than in work."""
    chunk: list[Document | ReadError] = []
    size = 0
    for item in docs:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if size >= chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _process_chunk(chunk: list[Document | ReadError], options: LoadOptions) -> list[Outcome]:
    """The outcomes only: the documents stay with the loading process, not sent back."""
    return [process_document(item, options)[1] for item in chunk]


def _warm_up() -> None:
    """Load the dictionaries and the gazetteer index once, before forking: the workers share them."""
    extract_articles(segment("苏州市姑苏区双塔街道示例社区党委书记王芳带领党员开展活动。"), date=None, scope_of=lambda a: "warm-up")


@dataclass
class Encoded:
    """One article ready for the store, as a worker process hands it back: serialized, no Python RDF objects."""

    article_id: str
    content_hash: str
    data: bytes          # N-Quads of the article graph, without its content hash
    knowledge: bytes     # N-Quads of its knowledge-graph facts, statements and other names (others may state them too)
    marker: bytes        # N-Quads of the content hash: written last, it marks the graph complete
    heads: dict[str, bytes]   # entity IRI → N-Quads of its type and label, written when the store lacks them
    entities: dict[str, str]  # entity IRI → class
    facts: int
    refresh: bool = False     # replace it even if its text is stored: the load gives metadata it was stored without


def encode(result: ArticleResult) -> Encoded:
    """An article's N-Quads, built as text: no RDF object is made on the way to the store's bulk loader."""
    graph = article_graph(result.article_id).value
    data = nquads((t for t in result.lines if t[1] != CONTENT_HASH), graph)
    marker = nquads((t for t in result.lines if t[1] == CONTENT_HASH), graph)
    heads = {iri: nquads(head, KNOWLEDGE_GRAPH).encode() for iri, head in result.heads.items()}
    entities = {e.key: e.cls for e in result.facts.entities.values()}
    return Encoded(result.article_id, result.content_hash, data.encode(), nquads(result.knowledge, KNOWLEDGE_GRAPH).encode(),
                   marker.encode(), heads, entities, len(result.facts.facts))


class _Batch:
    """Articles written together: a transaction per small graph costs more than its data. The data goes in by the
    bulk loader where the store has one (what several articles of a batch state, once), then every graph's
    content hash in one transaction, so a graph is complete exactly when its hash is there. An entity's type and
    label are written only when the store has no label for it yet: the knowledge graph holds one of each,
    whichever article named it first.

    A full batch is written by a writer thread while the next one fills (the bulk loader lets go of the GIL, so
    extraction and writing overlap); one batch at most is in flight, and `flush()` waits until all is written."""

    def __init__(self, store, limit: int = 20_000_000) -> None:
        self.store = store
        self.limit = limit
        self.data: list[bytes] = []
        self.markers: list[bytes] = []
        self.heads: dict[str, bytes] = {}
        self.size = 0
        self.shared: set[bytes] = set()    # knowledge and gazetteer lines, each once
        self.pending: set[str] = set()
        self.labelled = _Labelled(store)
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dangjian-writer")
        self._in_flight: Future | None = None

    def add(self, item: Encoded) -> None:
        self.data.append(item.data)
        self.shared.update(item.knowledge.splitlines(keepends=True))
        self.markers.append(item.marker)
        for iri, head in item.heads.items():
            self.heads.setdefault(iri, head)
        self.pending.add(item.article_id)
        self.size += len(item.data) + len(item.knowledge)
        if self.size >= self.limit:
            self.flush(wait=False)

    def add_gazetteer(self, lines: bytes) -> None:
        self.shared.update(lines.splitlines(keepends=True))

    def flush(self, *, wait: bool = True) -> None:
        """Hand what is gathered to the writer; by default, wait until everything handed over is in the store."""
        if self.data or self.shared:
            work = (self.data, self.markers, self.heads, self.shared)
            self.data, self.markers, self.heads, self.size, self.shared, self.pending = [], [], {}, 0, set(), set()
            self._wait()
            self._in_flight = self._writer.submit(self._write, *work)
        if wait:
            self._wait()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._writer.shutdown()

    def _wait(self) -> None:
        in_flight, self._in_flight = self._in_flight, None
        if in_flight is not None:
            in_flight.result()  # a failed write is raised here, in the loading thread

    def _write(self, data: list[bytes], markers: list[bytes], heads: dict[str, bytes], shared: set[bytes]) -> None:
        new = self.labelled.new(list(heads))
        quads = b"".join(data) + b"".join(sorted(shared))
        quads += b"".join(heads[iri] for iri in new)
        quads += ox.serialize([format_quad()], format=ox.RdfFormat.N_QUADS)
        self.store.bulk_load(quads, ox.RdfFormat.N_QUADS)
        if markers:
            self.store.load(GAZETTEER_GRAPH, b"".join(markers), ox.RdfFormat.N_QUADS)


class _Labelled:
    """Which entities the store already has a label for, asking the store as little as possible: every store read
    fills the store's block cache, which is what made a load's memory grow with the corpus. The entities this load
    labelled are remembered (up to `limit`, then forgotten and asked again), and a store that had no label when the
    load began is not asked at all while that memory is whole. A retraction may delete labels: `forget()`."""

    def __init__(self, store, limit: int = 1_000_000) -> None:
        self.store = store
        self.limit = limit
        self.known: set[str] = set()
        self.whole = not store.query(f"SELECT ?e WHERE {{ ?e <{RDFS}label> ?l }} LIMIT 1")

    def new(self, iris: list[str]) -> list[str]:
        """Those of `iris` the store has no label for; they are remembered as labelled from now on."""
        unknown = [iri for iri in iris if iri not in self.known]
        if not self.whole:
            found = _labelled(self.store, unknown)
            unknown = [iri for iri in unknown if iri not in found]
            self._remember(found)
        self._remember(unknown)
        return unknown

    def forget(self) -> None:
        self.known.clear()
        self.whole = False

    def _remember(self, iris) -> None:
        if len(self.known) + len(iris) > self.limit:
            self.forget()
        self.known.update(iris)


def _labelled(store, iris: list[str], chunk: int = 500) -> set[str]:
    """Which of these entities already have a label in the store."""
    found: set[str] = set()
    for i in range(0, len(iris), chunk):
        values = " ".join(f"<{iri}>" for iri in iris[i:i + chunk])
        rows = store.query(f"SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {values} }} ?e <{RDFS}label> ?l }}")
        found.update(row["e"].value for row in rows)
    return found


def load_articles(store, paths: Iterable[Path], options: LoadOptions, results=None) -> LoadReport:
    """Load article files into a store: one evidence graph per article, replaced when it changed, its facts and
    entities once in the knowledge graph. `results(paths, options)` extracts elsewhere, in corpus order
    (dangjian.loaders.load.distributed: on a Dask cluster); by default here, in `options.jobs` processes."""
    report = LoadReport()
    started = time.monotonic()
    progress = _Progress(options.progress)
    check_store_format(store)
    batch = _Batch(store)
    _KNOWN.clear()
    _KNOWN_FROM[:] = [store]
    if options.jobs > 1 and results is None:
        _known()  # before the workers fork, so that they share it
    _KNOWN_DOCUMENTS.clear()
    _KNOWN_DOCUMENTS.update(stored_documents(store))
    try:
        _load_all(store, list(paths), options, report, progress, batch, results or _results)
    finally:
        batch.close()
        _KNOWN.clear()
        _KNOWN_FROM.clear()
        _KNOWN_DOCUMENTS.clear()
    report.seconds = time.monotonic() - started
    progress.done(report)
    return report


def _load_all(store, paths: list[Path], options: LoadOptions, report: LoadReport, progress, batch: _Batch,
              results) -> None:
    for item, outcome in results(paths, options):
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
            _store_article(store, result, options, report, batch)
        progress.step(report)


def _store_article(store, result: Encoded, options: LoadOptions, report: LoadReport, batch: _Batch) -> None:
    if result.article_id in batch.pending:
        report.unchanged += 1  # the same article twice in one load
        return
    known = _known().get(result.article_id)
    if known == (result.content_hash, EXTRACTOR_VERSION) and not (options.reextract or result.refresh):
        report.unchanged += 1
        return
    if known is not None:
        batch.flush()
        retract_article(store, result.article_id)
        batch.labelled.forget()
    batch.add(result)
    _KNOWN[result.article_id] = (result.content_hash, EXTRACTOR_VERSION)
    report.replaced += known is not None
    report.articles += 1
    report.loaded.append(result.article_id)
    report.facts += result.facts
    report.entities.update(result.entities)


class _Progress:
    """A one-line progress report on stderr: documents, articles/s, errors so far."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.monotonic()
        self.last = 0.0

    def step(self, report: LoadReport) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        rate = (report.articles + report.unchanged) / max(now - self.started, 1e-6)
        sys.stderr.write(f"\r{report.files} document(s), {report.articles} article(s) loaded, "
                         f"{rate:.0f} articles/s, {len(report.failed)} error(s)")
        sys.stderr.flush()

    def error(self, message: str) -> None:
        sys.stderr.write(("\n" if self.enabled else "") + f"error: {message}\n")

    def done(self, report: LoadReport) -> None:
        if self.enabled:
            sys.stderr.write("\n")
