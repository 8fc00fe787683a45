"""The process pool behind `--jobs`: documents in chunks to forked worker processes, their outcomes back in corpus
order, a bounded window of chunks in flight so that memory stays flat however large the corpus.

>>> pages = [Document(path=f"{i}.txt", text="社区" * 10, kind="text") for i in range(5)]
>>> [len(chunk) for chunk in document_chunks(pages, chars=40)]
[2, 2, 1]
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from dangjian.loaders.load.options import LoadOptions
from dangjian.loaders.read.document import Document, ReadError

__all__ = ["document_chunks", "outcomes"]

Item = Document | ReadError
Outcome = TypeVar("Outcome")
Step = Callable[[Item, LoadOptions], Outcome]


def outcomes(docs: Iterable[Item], step: Step, options: LoadOptions,
             prepare: Callable[[], None]) -> Iterator[tuple[Item, Outcome]]:
    """Each document with `step(document, options)`, in corpus order: here with one job, else in `options.jobs`
    worker processes forked after `prepare()` (what they all need, loaded once). `step` must be a module-level
    function: the workers are handed its name."""
    if options.jobs <= 1:
        for item in docs:
            yield item, step(item, options)
        return
    import multiprocessing as mp
    prepare()
    # A bounded window of chunks in flight, results in order: memory stays flat however large the corpus. Wide
    # enough that the workers keep extracting while this process waits for the store to take a batch.
    with mp.get_context("fork").Pool(options.jobs) as pool:
        window: deque = deque()
        for chunk in document_chunks(docs):
            window.append((chunk, pool.apply_async(_each, (step, chunk, options))))
            if len(window) >= 16 * options.jobs:
                chunk, done = window.popleft()
                yield from zip(chunk, done.get())
        while window:
            chunk, done = window.popleft()
            yield from zip(chunk, done.get())


def document_chunks(docs: Iterable[Item], chars: int = 50_000) -> Iterator[list[Item]]:
    """Documents grouped a few at a time: one task a short news item would cost more in hand-over than in work."""
    chunk: list[Item] = []
    size = 0
    for item in docs:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if size >= chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _each(step: Step, chunk: list[Item], options: LoadOptions) -> list:
    """In a worker: the outcomes only; the documents stay with the loading process, not sent back."""
    return [step(item, options) for item in chunk]
