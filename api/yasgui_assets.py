"""YASGUI's built files for the /sparql page: fetched from the npm registry at build time, never kept in git.

This module uses the standard library only: setup.py loads it by path before anything is installed.
The tarball is pinned by version and checked against the registry's sha512 integrity, so a copy from a
mirror or a file (DANGJIAN_YASGUI_TARBALL) is accepted only when it is byte for byte the published one.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import tarfile
import urllib.request
from pathlib import Path

__all__ = ["PACKAGE", "VERSION", "FILES", "AssetError", "asset_dir", "installed", "fetch"]

PACKAGE = "@zazuko/yasgui"
VERSION = "4.6.2"
LICENSE = "MIT"
TARBALL = "https://registry.npmjs.org/@zazuko/yasgui/-/yasgui-4.6.2.tgz"
INTEGRITY = "sha512-Zw45KdPoAE1KRaAoxIHdQqeJxvaVG1oQdntw0hy0ktX35Zu8ZccuOLrXCLwR+GU+0xMzLw8Mjw6BkSZV2vUuQw=="
# Member of the tarball -> name in the asset folder.
FILES = {"package/build/yasgui.min.js": "yasgui.min.js", "package/build/yasgui.min.css": "yasgui.min.css"}
MARKER = "VERSION"
ENV = "DANGJIAN_YASGUI_TARBALL"


class AssetError(RuntimeError):
    """The tarball could not be read, or is not the published one."""


def asset_dir() -> Path:
    """Where the page's YASGUI files live: api/static/yasgui, beside this module (in the source tree or installed)."""
    return Path(__file__).resolve().parent / "static" / "yasgui"


def installed(folder: Path | None = None) -> bool:
    """True when `folder` holds this version's files (a marker written last, so a cut-short fetch is not taken)."""
    folder = folder or asset_dir()
    marker = folder / MARKER
    return (marker.is_file() and marker.read_text(encoding="utf-8").split()[:2] == [PACKAGE, VERSION]
            and all((folder / name).is_file() for name in FILES.values()))


def _read_tarball(source: str, timeout: float) -> bytes:
    if "://" not in source:
        return Path(source).read_bytes()
    with urllib.request.urlopen(source, timeout=timeout) as response:  # noqa: S310 (a pinned https URL or the user's)
        return response.read()


def _check(data: bytes, source: str) -> None:
    digest = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if digest != INTEGRITY:
        raise AssetError(f"{source}: not the published {PACKAGE} {VERSION} tarball (sha512 differs); "
                         f"fetch it again from the npm registry")


def fetch(folder: Path | None = None, source: str | None = None, timeout: float = 60) -> Path:
    """Download (or read) the pinned tarball, check its integrity and write the built files into `folder`.

    `source` defaults to $DANGJIAN_YASGUI_TARBALL (a file or an npm mirror's URL), else the npm registry.
    """
    folder = folder or asset_dir()
    source = source or os.environ.get(ENV) or TARBALL
    try:
        data = _read_tarball(source, timeout)
    except OSError as error:
        raise AssetError(f"{source}: cannot read the {PACKAGE} tarball ({error}); on a machine without the "
                         f"npm registry, set {ENV} to a copy of {TARBALL}") from None
    _check(data, source)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).unlink(missing_ok=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for member, name in FILES.items():
            extracted = archive.extractfile(member)
            if extracted is None:
                raise AssetError(f"{source}: the tarball has no {member}")
            (folder / name).write_bytes(extracted.read())
    (folder / MARKER).write_text(f"{PACKAGE} {VERSION} {LICENSE} {TARBALL}\n", encoding="utf-8")
    return folder
