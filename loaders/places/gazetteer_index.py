"""The gazetteer's on-disk index: jionlp's five-level place list turned into a cached sqlite file."""

from __future__ import annotations

import fcntl
import importlib.metadata
import importlib.util
import io
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

# Bump when the schema or the way rows are derived changes: old cache files are then ignored.
FORMAT = 4

LEVELS = ("Province", "City", "District", "Zone", "Street", "Community")
PROVINCE, CITY, DISTRICT, ZONE, STREET, COMMUNITY = range(6)

# County-level codes 71-80 are the statistical codes given to functional zones (经开区, 高新区…).
_ZONE_NAME_2 = re.compile(r"(开发区|高新区|工业园区|产业园区?|示范区|管理区)$")
_ZONE_NAME_3 = re.compile(
    r"(开发区|高新区|工业区|工业园区?|产业园区?|科技园|度假区|旅游区|示范区|新城|新区|保税区|合作区|试验区|实验区)$"
)
# Town-level rows that are townships, streets or units that work like them; anything else
# (a prison, a company, a nursery garden) is dropped and its children hang on the county.
_STREET_LIKE = re.compile(
    r"(镇|乡|街道|苏木|办事处|管委会|工委|农场|牧场|林场|场|区|新城|园|团|社区|地区|管理处|委员会|中心)$"
)
_COMMUNITY_LIKE = re.compile(r"(社区|村|嘎查|委会|生活区|队|连)$")
# Rows that stand for no place of their own: their children hang one level up.
_PLACEHOLDER = re.compile(r"^((省|市|县|区)直辖行政区划|社区|街道|开发区|高新区|经开区|新区|园区|工业园区?|工业区)$")


def source_path() -> Path:
    """jionlp's zipped place list, found without importing jionlp (its import prints on stdout)."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("jionlp is not installed: run `pip install 'jionlp>=1.5.31,<1.6'`")
    return Path(list(spec.submodule_search_locations)[0]) / "dictionary" / "china_location.zip"


def cache_dir() -> Path:
    """Where derived data lives: `$XDG_CACHE_HOME/dangjian` or `~/.cache/dangjian`."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dangjian"


def index_name(source: Path) -> str:
    """The cache file's name: changes with jionlp's version, the source's size and our format."""
    return f"gazetteer-f{FORMAT}-jionlp{_jionlp_version()}-{source.stat().st_size}.sqlite"


def _jionlp_version() -> str:
    try:
        return importlib.metadata.version("jionlp")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def ensure_index(source: Path | None = None, directory: Path | None = None) -> Path:
    """The index file for `source`, built first when it is missing.

    Processes that start together wait on a lock while one of them builds; the file is written
    under a temporary name and renamed into place, so a reader only ever opens a complete file.
    """
    source = source or source_path()
    chosen = directory
    directory = directory or cache_dir()
    path = directory / index_name(source)
    if path.exists():
        return path
    try:
        directory.mkdir(parents=True, exist_ok=True)
        lock = open(directory / "gazetteer.lock", "a")  # noqa: SIM115 - closed below
    except OSError as error:
        if chosen is None:  # a read-only home: the temporary directory still serves
            return ensure_index(source, Path(tempfile.gettempdir()) / f"dangjian-cache-{os.getuid()}")
        raise OSError(f"cannot write the gazetteer index in {directory}: {error}; "
                      "set XDG_CACHE_HOME to a writable directory") from error
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            build_index(source, path)
            _remove_stale(directory, keep=path)
    return path


def _remove_stale(directory: Path, keep: Path) -> None:
    """Drop indexes of other jionlp versions or formats, and temporaries of builds killed long ago."""
    for old in directory.glob("gazetteer-*.sqlite"):
        if old != keep:
            old.unlink(missing_ok=True)
    for tmp in directory.glob("gazetteer-*.tmp"):
        if time.time() - tmp.stat().st_mtime > 3600:
            tmp.unlink(missing_ok=True)


def build_index(source: Path, dest: Path) -> None:
    """Parse `source` (jionlp's zip or its plain text) and write the sqlite index to `dest` atomically."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    try:
        with sqlite3.connect(tmp) as db:
            _write(db, _read_lines(source))
            about = {
                "source": f"jionlp {_jionlp_version()}: {source.parent.name}/{source.name}",
                "built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            }
            db.executemany("INSERT INTO meta VALUES (?, ?)", about.items())
        db.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read_lines(source: Path) -> Iterator[str]:
    if source.suffix == ".zip":
        with zipfile.ZipFile(source) as archive:
            member = next(n for n in archive.namelist() if n.endswith(".txt"))
            raw = archive.read(member)
    else:
        raw = source.read_bytes()
    return iter(io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig", newline=None))


def parse(lines: Iterable[str]) -> Iterator[tuple[int, int | None, str, int, str | None, str | None]]:
    """Rows `(id, parent id, name, level, code, alias)` from the tab-indented tree, streamed.

    Placeholders (a municipality's repeated city row, 省/市/县直辖行政区划, a bare 街道 or 开发区)
    are skipped and their children attached one level up; rows repeated under the same parent are
    merged (jionlp lists some communities twice).
    """
    parents: list[int | None] = [None] * 5
    siblings: list[dict[str, int]] = [{} for _ in range(5)]
    next_id = 1
    province_code = None
    for line in lines:
        name, *rest = line.strip().split("\t")
        depth = len(line) - len(line.lstrip("\t"))
        if not name or depth > 4:
            continue
        code = rest[0] if rest else None
        parent = parents[depth - 1] if depth else None
        if depth == 0:
            province_code = code
        repeated = depth > 0 and code == province_code
        if repeated:
            code = None  # Hong Kong and Macau repeat the region's code on every district
        for deeper in siblings[depth + 1 :]:
            deeper.clear()
        level = _level(depth, name, code)
        if level is None or (depth == 1 and repeated) or _PLACEHOLDER.match(name):
            parents[depth] = parent
            continue
        known = siblings[depth].get(name)
        if known is None:
            known = siblings[depth][name] = next_id
            next_id += 1
            yield known, parent, name, level, code, (rest[1] if len(rest) > 1 else None)
        parents[depth] = known


def _level(depth: int, name: str, code: str | None) -> int | None:
    if depth == 0:
        return PROVINCE
    if depth == 1:
        return CITY
    if depth == 2:
        zone = code is not None and code.isdigit() and 71 <= int(code[-2:]) <= 80
        return ZONE if zone or _ZONE_NAME_2.search(name) else DISTRICT
    if depth == 3:
        if _ZONE_NAME_3.search(name):
            return ZONE
        return STREET if _STREET_LIKE.search(name) else None
    return COMMUNITY if _COMMUNITY_LIKE.search(name) else None


_SUFFIX_FORMS = (("街道办事处", "街道"), ("嘎查委会", "嘎查"), ("村委会", "村"), ("居委会", "社区"))
_LONG_SUFFIXES = tuple(long for long, _ in _SUFFIX_FORMS)


def variants(name: str, level: int, alias: str | None) -> set[str]:
    """Other names a row answers to: jionlp's short alias (苏州 for 苏州市) and suffix-free forms."""
    forms = set()
    for short in (alias or "").split("/"):
        # A zone's short alias is usually generic (经开区, 高新区) and would match every city's zone.
        if len(short) >= 2 and (level != ZONE or len(short) >= 4):
            forms.add(short)
    if name.endswith(_LONG_SUFFIXES):
        for long, short in _SUFFIX_FORMS:
            if name.endswith(long) and len(name) > len(long):
                forms.add(name[: -len(long)] + short)
                break
    forms.discard(name)
    return forms


def _write(db: sqlite3.Connection, lines: Iterable[str]) -> None:
    db.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
        CREATE TABLE place (id INTEGER PRIMARY KEY, parent INTEGER, name TEXT NOT NULL,
                            level INTEGER NOT NULL, code TEXT, key TEXT, lineage TEXT NOT NULL);
        CREATE TEMP TABLE raw_form (form TEXT NOT NULL, place INTEGER NOT NULL, official INTEGER NOT NULL);
        """
    )
    extra: list[tuple[str, int]] = []
    # Each row's ids from the province down ("12/345/6789"), so a look-up returns whole chains.
    lineages: dict[int, str] = {}

    def places() -> Iterator[tuple[int, int | None, str, int, str | None, str]]:
        for i, parent, name, level, code, alias in parse(lines):
            if alias or name.endswith(_LONG_SUFFIXES):
                extra.extend((form, i) for form in variants(name, level, alias))
            lineage = f"{lineages[parent]}/{i}" if parent else str(i)
            if level != COMMUNITY:
                lineages[i] = lineage
            yield i, parent, name, level, code, lineage

    db.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, NULL, ?)", places())
    # A coded row's key is its code, or code/name where jionlp gives two rows the same code.
    db.executescript(
        """
        UPDATE place SET key = code WHERE code IS NOT NULL;
        UPDATE place SET key = code || '/' || name WHERE code IN
            (SELECT code FROM place WHERE code IS NOT NULL GROUP BY code HAVING count(*) > 1);
        INSERT INTO raw_form SELECT name, id, 1 FROM place;
        """
    )
    db.executemany("INSERT INTO raw_form VALUES (?, ?, 0)", extra)
    # One clustered table answers a look-up with the rows' chains, without touching `place`;
    # filled in key order, which sqlite sorts far faster than it inserts into a tree at random.
    db.executescript(
        """
        CREATE TABLE form (form TEXT NOT NULL, place INTEGER NOT NULL, official INTEGER NOT NULL,
                           level INTEGER NOT NULL, lineage TEXT NOT NULL,
                           PRIMARY KEY (form, place)) WITHOUT ROWID;
        INSERT OR IGNORE INTO form
            SELECT r.form, r.place, r.official, p.level, p.lineage
            FROM raw_form r JOIN place p ON p.id = r.place ORDER BY r.form, r.place, r.official DESC;
        DROP TABLE raw_form;
        """
    )
    places_count = db.execute("SELECT count(*) FROM place").fetchone()[0]
    db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", str(FORMAT)), ("places", str(places_count))])

