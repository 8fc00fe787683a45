"""Running SPARQL under a hard time limit: a pool of worker processes for the embedded store, threads otherwise.

pyoxigraph cannot cancel a query, so over an embedded store each query runs in a worker process
that is killed (and replaced) when the limit passes; updates run the same way in one writer process,
and a killed update leaves nothing written. Other stores (a remote server) do the work
elsewhere; their queries run in a bounded number of threads and are answered at the limit.
Either way at most `slots` queries run at once, so runaway queries cannot pile up. A worker process
may also be given a memory limit: a query that needs more is stopped, and the worker replaced.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import pickle
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from dangjian.graph.sparql.query_exec import QueryReply, QueryRequest, QueryTimeout, execute
from dangjian.graph.pool.query_worker import HEADER, frame
from dangjian.graph.store.watch import DirectoryWatch
from dangjian.graph.sparql.update_exec import UpdateRequest, apply_update

__all__ = ["ProcessPool", "ThreadRunner", "make_runner", "default_memory_limit"]

MIB = 1 << 20
# Rust aborts when an allocation fails; the kernel's OOM killer sends SIGKILL.
_OUT_OF_MEMORY = (-signal.SIGABRT, -signal.SIGKILL)


def _machine_memory() -> int:
    """Bytes of memory this process may use: the machine's, or its control group's limit when lower."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
    except OSError:
        return total
    return min(total, int(limit)) if limit.isdigit() else total


def default_memory_limit(slots: int, processes: int = 1) -> int:
    """Bytes each query worker may use: all of them together at most half the machine, each at least 256 MiB.

    >>> default_memory_limit(2) >= 256 * MIB
    True
    """
    return max(256 * MIB, _machine_memory() // 2 // (slots * processes))


def _too_big(limit: int) -> QueryReply:
    return QueryReply(error="memory", message=(
        f"the query needed more than the {limit // MIB:,} MiB of memory a query may use (--query-memory) and "
        f"was stopped; add a LIMIT, narrow the patterns or build smaller strings, or ask the administrator "
        f"to raise the limit"))


def _busy(slots: int, timeout: float) -> QueryTimeout:
    return QueryTimeout(f"all {slots} query slots stayed busy for the {timeout:g} s time limit; "
                        f"try again later or ask the administrator to raise the limit")


def _over(timeout: float) -> QueryTimeout:
    return QueryTimeout(f"the query ran past the {timeout:g} s time limit and was stopped; "
                        f"add a LIMIT, narrow the patterns, or use `dangjian query` on a local store")


def _update_over(timeout: float) -> QueryTimeout:
    return QueryTimeout(f"the update ran past the {timeout:g} s time limit and was stopped; nothing of it was "
                        f"written. Split it into smaller updates, or load the data with `dangjian load`")


class _Worker:
    def __init__(self, process: asyncio.subprocess.Process, generation: int) -> None:
        self.process = process
        self.generation = generation

    async def ask(self, message: object) -> QueryReply:
        self.process.stdin.write(frame(pickle.dumps(message)))
        await self.process.stdin.drain()
        header = await self.process.stdout.readexactly(HEADER)
        return pickle.loads(await self.process.stdout.readexactly(int.from_bytes(header, "big")))

    async def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        await self.process.wait()


class ProcessPool:
    """Worker processes that open the embedded store at `path` read-only; `run` answers within `timeout`.

    Each worker's data may grow to `memory` bytes (default: `default_memory_limit(slots)`).
    """

    def __init__(self, path: str, *, slots: int = 2, timeout: float = 10.0, watch_interval: float = 1.0,
                 memory: int | None = None) -> None:
        self.path, self.slots, self.timeout = path, slots, timeout
        self.memory = memory or default_memory_limit(slots)
        self._watch = DirectoryWatch(path, watch_interval)
        self._generation = 0
        self._idle: asyncio.Queue[_Worker] | None = None
        self._workers: set[_Worker] = set()
        self._writer: _Worker | None = None
        self._writing = asyncio.Lock()

    async def _spawn(self, module: str = "dangjian.graph.pool.query_worker") -> _Worker:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", module, self.path, str(self.memory),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "RUST_BACKTRACE": "0"})  # an allocation failure logs one line, not a backtrace
        worker = _Worker(process, self._generation)
        self._workers.add(worker)
        return worker

    async def start(self) -> None:
        """Start the workers now rather than on the first query."""
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self.slots):
                self._idle.put_nowait(await self._spawn())

    def refresh(self) -> None:
        """Make every worker reopen its snapshot before its next query (after a write through this process)."""
        self._generation += 1

    async def run(self, request: QueryRequest) -> QueryReply:
        """The reply to `request`; raises QueryTimeout when the limit passes, SyntaxError etc. via unwrap."""
        await self.start()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        worker = await self._take_idle()
        if self._watch.changed():
            self._generation += 1
        reopen = worker.generation != self._generation
        worker.generation = self._generation
        try:
            # asyncio.timeout, not wait_for: no task is made per query
            async with asyncio.timeout_at(max(deadline, loop.time() + 0.001)):
                reply = await worker.ask((request, reopen))
        except BaseException as error:
            # A worker stopped mid-query cannot be reused: its reply would answer the next request.
            await self._replace(worker)
            if isinstance(error, TimeoutError):
                raise _over(self.timeout) from None
            if isinstance(error, (asyncio.IncompleteReadError, ConnectionError)):
                return self._died(worker.process.returncode)
            raise
        if reply.error == "memory":  # a MemoryError in Python: the worker's state is suspect
            await self._replace(worker)
            return _too_big(self.memory)
        self._idle.put_nowait(worker)
        return reply

    async def _take_idle(self) -> _Worker:
        """An idle worker, waiting at most the time limit for one."""
        try:
            return self._idle.get_nowait()
        except asyncio.QueueEmpty:
            pass
        try:
            return await asyncio.wait_for(self._idle.get(), self.timeout)
        except TimeoutError:
            raise _busy(self.slots, self.timeout) from None

    async def _replace(self, worker: _Worker) -> None:
        self._workers.discard(worker)
        await worker.stop()
        self._idle.put_nowait(await self._spawn())

    def _died(self, status: int | None) -> QueryReply:
        if status in _OUT_OF_MEMORY:
            return _too_big(self.memory)
        return QueryReply(error="failed", message=f"the query process died (exit status {status}); "
                                                  f"the query was not answered")

    async def update(self, request: UpdateRequest) -> QueryReply:
        """Apply `request` in the writer process, one update at a time; raises QueryTimeout at the limit."""
        async with self._writing:
            if self._writer is None:
                self._writer = await self._spawn("dangjian.graph.pool.update_worker")
            try:
                reply = await asyncio.wait_for(self._writer.ask(request), self.timeout)
            except BaseException as error:
                writer, self._writer = self._writer, None
                await writer.stop()  # its transaction dies with it: nothing of the update is written
                if isinstance(error, TimeoutError):
                    raise _update_over(self.timeout) from None
                if isinstance(error, (asyncio.IncompleteReadError, ConnectionError)):
                    return self._died(writer.process.returncode)
                raise
        self.refresh()
        return reply

    async def close(self) -> None:
        """Stop every worker and the writer."""
        for worker in [*self._workers, *([self._writer] if self._writer else [])]:
            await worker.stop()
        self._workers.clear()
        self._idle, self._writer = None, None


class ThreadRunner:
    """Queries through the Store protocol in at most `slots` threads, answered with a timeout at the limit."""

    def __init__(self, store, *, slots: int = 2, timeout: float = 10.0) -> None:
        self.store, self.slots, self.timeout = store, slots, timeout
        self._executor = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="sparql")
        self._free: asyncio.Semaphore | None = None

    def _query(self, sparql, default_graph, named_graphs):
        return self.store.query(sparql, default_graph=default_graph, named_graphs=named_graphs)

    async def update(self, request: UpdateRequest) -> QueryReply:
        """Apply `request` through the store in a thread; answered with a timeout at the limit."""
        return await self._in_thread(apply_update, self.store.update, request, over=_update_over)

    async def start(self) -> None:
        if self._free is None:
            self._free = asyncio.Semaphore(self.slots)

    def refresh(self) -> None:
        """Nothing to reopen: each query goes to the store itself."""

    async def run(self, request: QueryRequest) -> QueryReply:
        return await self._in_thread(execute, self._query, request, over=_over)

    async def _in_thread(self, function, *args, over) -> QueryReply:
        await self.start()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        try:
            await asyncio.wait_for(self._free.acquire(), self.timeout)
        except TimeoutError:
            raise _busy(self.slots, self.timeout) from None
        future = loop.run_in_executor(self._executor, function, *args)
        # The slot stays taken until the thread really ends, even after the client got its 503.
        future.add_done_callback(lambda _: self._free.release())
        try:
            return await asyncio.wait_for(asyncio.shield(future), max(deadline - loop.time(), 0.001))
        except TimeoutError:
            raise over(self.timeout) from None

    async def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def make_runner(store, *, slots: int, timeout: float, memory: int | None = None) -> ProcessPool | ThreadRunner:
    """A process pool for a store on this machine's disk (an EmbeddedStore), threads for any other store.

    `memory` bounds each worker process; a remote store's queries use the remote server's memory.
    """
    if store.directory is not None:
        return ProcessPool(store.location, slots=slots, timeout=timeout, memory=memory)
    return ThreadRunner(store, slots=slots, timeout=timeout)
