"""Walking a directory for input files: the one walk `dangjian load` and the article reader share, so both see
the same files in the same order.

Entries are taken in name order, depth first; hidden entries (a name starting with a dot) and store directories
are left out; a directory that is a symbolic link is not entered (a link back up the tree would loop forever).
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dangjian.loaders.read.document import ReadError

__all__ = ["NOT_REGULAR", "NOT_REGULAR_HINT", "walk_files", "is_store_directory"]

NOT_REGULAR = "not a regular file (a named pipe, socket or device), skipped"
NOT_REGULAR_HINT = "give the file itself: copy what the pipe or device delivers into a file first"


def walk_files(directory: Path) -> Iterator[Path | ReadError]:
    """Every regular file under `directory`, and a ReadError for each entry that cannot be walked or read
    (a directory that cannot be listed; a named pipe, socket or device).

    >>> import pathlib, tempfile
    >>> top = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a/c.ttl", ".git/HEAD", "a.txt"):
    ...     (top / name).parent.mkdir(exist_ok=True); _ = (top / name).write_text("x")
    >>> [str(path.relative_to(top)) for path in walk_files(top)]
    ['a/c.ttl', 'a.txt', 'b.txt']
    >>> import shutil; shutil.rmtree(top)
    """
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        yield ReadError(str(directory), f"cannot list the directory: {error.strerror or error}",
                        hint="check its permissions")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            if not entry.is_symlink() and not is_store_directory(entry):
                yield from walk_files(entry)
        elif entry.is_file():
            yield entry
        else:
            yield ReadError(str(entry), NOT_REGULAR, hint=NOT_REGULAR_HINT)


def is_store_directory(directory: Path) -> bool:
    """An embedded store's files (RocksDB keeps CURRENT and LOCK): data of ours, not input."""
    return (directory / "CURRENT").is_file() and (directory / "LOCK").is_file()
