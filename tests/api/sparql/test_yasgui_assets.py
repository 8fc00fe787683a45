"""Fetching YASGUI's files: only the published tarball is accepted, and a half-written folder is not taken."""
from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from dangjian.api import yasgui_assets


def _tarball(path: Path) -> Path:
    """A tarball laid out like the npm package's, with invented contents."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for member in yasgui_assets.FILES:
            data = b"/* not the published file */"
            info = tarfile.TarInfo(member)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    path.write_bytes(buffer.getvalue())
    return path


def test_yasgui_assets_refuse_a_tarball_that_is_not_the_published_one(tmp_path: Path) -> None:
    forged = _tarball(tmp_path / "yasgui.tgz")
    with pytest.raises(yasgui_assets.AssetError, match=r"yasgui\.tgz: not the published @zazuko/yasgui 4\.6\.2"):
        yasgui_assets.fetch(tmp_path / "out", source=str(forged))
    assert not yasgui_assets.installed(tmp_path / "out")


def test_yasgui_assets_missing_source_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(yasgui_assets.AssetError, match=yasgui_assets.ENV):
        yasgui_assets.fetch(tmp_path / "out", source=str(tmp_path / "absent.tgz"))


def test_yasgui_assets_files_without_the_version_marker_are_not_installed(tmp_path: Path) -> None:
    for name in yasgui_assets.FILES.values():
        (tmp_path / name).write_text("/* cut short */")
    assert not yasgui_assets.installed(tmp_path)
    (tmp_path / yasgui_assets.MARKER).write_text(f"{yasgui_assets.PACKAGE} 0.0.1 MIT x\n")
    assert not yasgui_assets.installed(tmp_path)
