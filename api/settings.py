"""The API's limits and switches: query time limit, row limit, query length, endpoints SERVICE may call, updates."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

__all__ = ["Settings", "TOKEN_ENV", "SERVICES_ENV"]

TOKEN_ENV = "DANGJIAN_UPDATE_TOKEN"
SERVICES_ENV = "DANGJIAN_ALLOW_SERVICE"
_ENV = {"query_timeout": "DANGJIAN_QUERY_TIMEOUT", "row_limit": "DANGJIAN_ROW_LIMIT",
        "max_query_length": "DANGJIAN_MAX_QUERY_LENGTH", "query_slots": "DANGJIAN_QUERY_SLOTS",
        "query_memory": "DANGJIAN_QUERY_MEMORY"}


@dataclass(frozen=True)
class Settings:
    """Limits for /sparql and the update switch; read-only with a 10 s limit unless told otherwise.

    >>> Settings(row_limit=100).row_limit
    100
    """

    query_timeout: float = 10.0
    row_limit: int = 10_000
    max_query_length: int = 100_000
    query_slots: int = 2
    query_memory: int | None = None  # MiB per query worker; None: a share of the machine (see query_pool)
    updates_enabled: bool = False
    update_token: str | None = None
    services: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.query_timeout <= 0 or self.row_limit < 1 or self.max_query_length < 1 or self.query_slots < 1:
            raise ValueError("query_timeout, row_limit, max_query_length and query_slots must be positive")
        if self.query_memory is not None and self.query_memory < 64:
            raise ValueError("query_memory (--query-memory) is in MiB and must be at least 64")
        object.__setattr__(self, "services", tuple(self.services))  # a list when read back from JSON
        for endpoint in self.services:
            _check_endpoint(endpoint, "--allow-service")
        if self.updates_enabled and not self.update_token:
            raise ValueError(f"updates need a bearer token: set {TOKEN_ENV} in the server's environment")

    @classmethod
    def from_env(cls, **overrides) -> Settings:
        """Defaults, then DANGJIAN_* environment variables, then `overrides` (None means not given)."""
        values: dict = {"update_token": os.environ.get(TOKEN_ENV) or None}
        types = {f.name: f.type for f in fields(cls)}
        for name, env in _ENV.items():
            if os.environ.get(env):
                try:
                    values[name] = (float if types[name].startswith("float") else int)(os.environ[env])
                except ValueError:
                    raise ValueError(f"{env}={os.environ[env]!r} is not a number") from None
        if os.environ.get(SERVICES_ENV):
            values["services"] = tuple(os.environ[SERVICES_ENV].split())
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def _check_endpoint(url: str, option: str) -> None:
    """An endpoint the server may call must be an absolute http(s) URL, written as clients will write it."""
    scheme, _, rest = url.partition("://")
    if scheme not in ("http", "https") or not rest or any(c.isspace() or c in '<>"{}|\\^`' for c in url):
        raise ValueError(f"{option} {url!r}: give the endpoint's full http:// or https:// URL, exactly as "
                         f"queries name it")
