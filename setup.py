"""The build step pyproject.toml cannot declare: YASGUI's built files fetched into api/static/yasgui.

The files are third-party code, so they are never committed; every install or wheel built where the npm
registry (or $DANGJIAN_YASGUI_TARBALL) is reachable carries them. Without them /sparql still works,
as a plain query page that says how to get YASGUI.
"""
import importlib.util
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _assets_module():
    spec = importlib.util.spec_from_file_location("_yasgui_assets", HERE / "api" / "yasgui_assets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithYasgui(build_py):
    """build_py that first makes sure api/static/yasgui holds the pinned YASGUI files."""

    def run(self) -> None:
        assets = _assets_module()
        folder = HERE / "api" / "static" / "yasgui"
        if not assets.installed(folder):
            try:
                assets.fetch(folder)
                print(f"fetched {assets.PACKAGE} {assets.VERSION} into {folder}", file=sys.stderr)
            except assets.AssetError as error:
                print(f"warning: {error}; /sparql will be the plain query page", file=sys.stderr)
        super().run()


setup(cmdclass={"build_py": BuildWithYasgui})
