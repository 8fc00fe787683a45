"""Running the API with uvicorn on a store: one process, or several workers that each open the store read-only."""
from __future__ import annotations

import copy
import inspect
import json
import os
import socket
import sys
from dataclasses import replace

import uvicorn
from uvicorn.config import LOGGING_CONFIG

from dangjian.api.app import create_app
from dangjian.api.limits import HeaderCappedHttpTools
from dangjian.api.settings import Settings
from dangjian.graph.pool.query_pool import default_memory_limit
from dangjian.graph.store import open_store, store_spec

__all__ = ["serve", "app_from_environment", "listening_socket", "CONFIG_ENV"]

CONFIG_ENV = "DANGJIAN_SERVE_CONFIG"


def _open(spec: str, settings: Settings):
    """A server reads a snapshot, so loads can run while it serves; updates go through its writer process."""
    return open_store(spec, read_only=True)


def app_from_environment():
    """The app for one uvicorn worker process, configured by `serve` through $DANGJIAN_SERVE_CONFIG."""
    config = json.loads(os.environ[CONFIG_ENV])
    settings = Settings(**config["settings"])
    return create_app(_open(config["store"], settings), settings=settings)


def _log_config(access_log: bool) -> dict:
    """uvicorn's logging with every line on stderr (its access log defaults to stdout)."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    if not access_log:
        config["loggers"]["uvicorn.access"]["level"] = "WARNING"
    return config


def listening_socket(host: str, port: int) -> socket.socket:
    """A bound TCP socket, as uvicorn binds it, but failing with an OSError the caller can explain instead of
    uvicorn's logged `[Errno 98]` and exit."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)  # worker processes serve on it
    return sock


def serve(store: str | None = None, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          settings: Settings | None = None, access_log: bool = False) -> None:
    """Serve the store's API until interrupted; port 0 picks a free port. The URL is printed on stderr.
    Not run as a docstring example: it serves until interrupted.

    >>> serve("dangjian-data", port=0)  # doctest: +SKIP
    """
    settings = settings or Settings.from_env()
    if settings.query_memory is None:  # the machine's share is divided among the query workers of every process
        settings = replace(settings, query_memory=default_memory_limit(settings.query_slots, workers) >> 20)
    spec = store_spec(store)
    if workers > 1 and settings.updates_enabled and not spec.startswith(("http://", "https://")):
        raise ValueError("updates need a single worker over an embedded store (one writer at a time): "
                         "drop --workers or --allow-updates")
    options = dict(host=host, port=port, loop="uvloop", http=HeaderCappedHttpTools, log_config=_log_config(access_log),
                   access_log=access_log, timeout_graceful_shutdown=5)
    if workers > 1:
        os.environ[CONFIG_ENV] = json.dumps({"store": spec, "settings": settings.__dict__})
        config = uvicorn.Config("dangjian.api.serve:app_from_environment", factory=True, workers=workers, **options)
    else:
        config = uvicorn.Config(create_app(_open(spec, settings), settings=settings), **options)
    sock = listening_socket(host, port)
    sock.listen(config.backlog)  # clients that come before the workers are up wait instead of being refused
    bound_host, bound_port = sock.getsockname()[:2]
    print(f"dangjian: serving {spec} at http://{bound_host}:{bound_port}/ (query page /sparql, API docs /docs); "
          f"Ctrl+C stops", file=sys.stderr, flush=True)
    server = uvicorn.Server(config)
    if workers > 1:
        from uvicorn.supervisors import Multiprocess
        # Older uvicorn releases take the server's run function as `target`; newer ones build it themselves.
        extra = {"target": server.run} if "target" in inspect.signature(Multiprocess).parameters else {}
        Multiprocess(config, sockets=[sock], **extra).run()
    else:
        server.run(sockets=[sock])
