"""The API's limits and switches: time, rows, query length and memory; what SERVICE and LOAD may reach; updates."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

__all__ = ["Settings", "TOKEN_ENV", "SERVICES_ENV", "LOADS_ENV", "MIN_TOKEN"]

TOKEN_ENV = "DANGJIAN_UPDATE_TOKEN"
SERVICES_ENV = "DANGJIAN_ALLOW_SERVICE"
LOADS_ENV = "DANGJIAN_ALLOW_LOAD"
MIN_TOKEN = 32  # characters: 192 bits from secrets.token_urlsafe(32), out of reach of guessing
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
    loads: tuple[str, ...] = ()
    cors_origins: tuple[str, ...] = ()  # web origins whose pages may call the API from a browser; none by default

    def __post_init__(self) -> None:
        if self.query_timeout <= 0 or self.row_limit < 1 or self.max_query_length < 1 or self.query_slots < 1:
            raise ValueError("query_timeout, row_limit, max_query_length and query_slots must be positive")
        if self.query_memory is not None and self.query_memory < 64:
            raise ValueError("query_memory (--query-memory) is in MiB and must be at least 64")
        object.__setattr__(self, "services", tuple(self.services))  # lists when read back from JSON
        object.__setattr__(self, "loads", tuple(self.loads))
        object.__setattr__(self, "cors_origins", tuple(self.cors_origins))
        for origin in self.cors_origins:
            _check_origin(origin)
        for endpoint in self.services:
            _check_endpoint(endpoint, "--allow-service")
        for source in self.loads:
            _check_endpoint(source, "--allow-load")
        if self.updates_enabled and len(self.update_token or "") < MIN_TOKEN:
            raise ValueError(f"updates need a bearer token of at least {MIN_TOKEN} random characters in {TOKEN_ENV}; "
                             f"make one with: python -c \"import secrets;print(secrets.token_urlsafe(32))\"")

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
        for name, env in (("services", SERVICES_ENV), ("loads", LOADS_ENV)):
            if os.environ.get(env):
                values[name] = tuple(os.environ[env].split())
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def _check_origin(origin: str) -> None:
    """A CORS origin is `*` or scheme://host[:port] with nothing after it, as browsers send it."""
    scheme, _, rest = origin.partition("://")
    if origin != "*" and (scheme not in ("http", "https") or not rest or "/" in rest or any(c.isspace() for c in rest)):
        raise ValueError(f"--cors {origin!r}: give an origin as browsers send it, e.g. https://yasgui.example.org "
                         f"(scheme, host and port, no path), or * for any origin")


def _check_endpoint(url: str, option: str) -> None:
    """An endpoint the server may call must be an absolute http(s) URL, written as clients will write it."""
    scheme, _, rest = url.partition("://")
    if scheme not in ("http", "https") or not rest or any(c.isspace() or c in '<>"{}|\\^`' for c in url):
        raise ValueError(f"{option} {url!r}: give the endpoint's full http:// or https:// URL, exactly as "
                         f"queries name it")
