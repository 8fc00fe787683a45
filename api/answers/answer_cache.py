"""JSON answers kept per store generation, served as encoded bytes with an ETag; repeats answered 304."""
from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from fastapi import Request, Response

__all__ = ["AnswerCache", "CACHE_CONTROL", "cached_json", "encode", "not_modified", "request_etag", "unchanged",
           "validated"]

# Clients and proxies may keep an answer but must ask again each time: the revalidation costs a
# 304 with no body, and a load is seen by the very next request, which any max-age would delay.
CACHE_CONTROL = "no-cache"
MAX_ENTRIES = 20_000
# A 2-hop neighbourhood can take 100 KB: bound the bytes too, per process.
MAX_BYTES = 128 << 20
# A longer If-None-Match is not one we sent; it is ignored rather than parsed.
MAX_IF_NONE_MATCH = 4096


class AnswerCache:
    """The (ETag, encoded body) answers of one generation, least recently used dropped first; a new
    generation empties it. Keys are normalized parameters, plus the raw path and query string of the
    requests answered, which `CachedAnswers` looks up without routing."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._bytes = 0
        self._generation: str | None = None
        self._answers: OrderedDict[tuple, tuple[str, bytes]] = OrderedDict()
        self._cost: dict[tuple, int] = {}  # a body's bytes, on the first of the keys it was put under
        self._lock = threading.Lock()

    def get(self, generation: str, key: tuple) -> tuple[str, bytes] | None:
        with self._lock:
            if generation != self._generation:
                return None
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, generation: str, keys: tuple[tuple, ...], answer: tuple[str, bytes]) -> None:
        with self._lock:
            if generation != self._generation:
                self._answers.clear()
                self._cost.clear()
                self._generation, self._bytes = generation, 0
            for i, key in enumerate(keys):
                self._answers.pop(key, None)
                self._bytes -= self._cost.pop(key, 0)
                self._cost[key] = 0 if i else len(answer[1])
                self._bytes += self._cost[key]
                self._answers[key] = answer
            while self._answers and (len(self._answers) > self.max_entries or self._bytes > self.max_bytes):
                key, _ = self._answers.popitem(last=False)
                self._bytes -= self._cost.pop(key)

    def __len__(self) -> int:
        return len(self._answers)

    @property
    def size(self) -> int:
        """Bytes of the bodies kept (a body under two keys counted once)."""
        return self._bytes


def request_etag(generation: str, key: tuple) -> str:
    """A strong ETag naming the answer to `key` in this generation; the same in every worker process."""
    return '"' + hashlib.blake2b(repr((generation, key)).encode(), digest_size=12).hexdigest() + '"'


def raw_key(scope: dict) -> tuple:
    """The request as sent: path and query string, before any parsing."""
    return ("raw", scope["path"], scope["query_string"])


def not_modified(request: Request, etag: str) -> bool:
    """Whether the request's If-None-Match names `etag` (or is `*`); anything unparseable names nothing."""
    return matches(request.headers.get("if-none-match"), etag)


def matches(header: str | None, etag: str) -> bool:
    """Whether an If-None-Match value names `etag`."""
    if not header or len(header) > MAX_IF_NONE_MATCH:
        return False
    for tag in header.split(","):
        tag = tag.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


def encode(value: object) -> bytes:
    """JSON as Starlette's JSONResponse writes it, done once per generation instead of once per request."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def unchanged(etag: str) -> Response:
    """The 304 telling a client its copy (named by `etag`) is still the answer: no body."""
    return Response(status_code=304, headers={"ETag": etag, "Cache-Control": CACHE_CONTROL})


def validated(request: Request, etag: str, body: bytes, media_type: str = "application/json") -> Response:
    """`body` with its ETag, or a 304 with no body when the client already holds it."""
    if not_modified(request, etag):
        return unchanged(etag)
    return Response(body, media_type=media_type, headers={"ETag": etag, "Cache-Control": CACHE_CONTROL})


async def cached_json(request: Request, state, key: tuple, compute: Callable[[], Awaitable[object]]) -> Response:
    """The answer to `key` in the store's current generation: from `state.answers`, else `await compute()`,
    kept there under `key` and under the raw request.

    Read `state.store` before calling (the route's store dependency does): that is what notices a change.
    Errors `compute` raises (404, 422) are not kept.
    """
    generation = state.generation
    answer = state.answers.get(generation, key)
    if answer is None:
        answer = (request_etag(generation, key), encode(await compute()))
    if state.generation == generation:  # else the data changed meanwhile: keep nothing of the old generation
        state.answers.put(generation, (key, raw_key(request.scope)), answer)
    return validated(request, *answer)
