"""Score the extractor on every hand-annotated fixture article and the seed page with the shared scorer.

Usage:
    python bench/score_fixtures.py [--cli CMD] [--only NAME] [--verbose]
    python bench/score_fixtures.py --check      # only validate the gold files, no CLI needed

Each document is loaded into a fresh store through `dangjian load` and read back with
`dangjian query` by ../shared/eval/score.py (its `score_document`). The table goes to stdout;
progress and errors go to stderr. Exit status: 0 scored (or gold valid), 1 a document failed
or a gold file has problems, 2 bad usage or the command line could not load anything.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shlex
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
# The shared evaluation folder (scorer and seed gold): $DANGJIAN_SHARED, else ../shared beside the repository.
SHARED = Path(os.environ.get("DANGJIAN_SHARED") or ROOT.parent / "shared").resolve()
SCORER = SHARED / "eval" / "score.py"
SEED_GOLD = SHARED / "eval" / "seed-gold.json"
VENV_CLI = ROOT / ".venv" / "bin" / "dangjian"
Normalize = Callable[[str], str]  # the scorer's name normalization

# which entity classes may stand at each end of a gold relation (a loose sanity check of the annotations)
PLACES = {"Province", "City", "District", "Zone", "Street", "Community", "ResidentialCompound"}
UNITS = {"Community", "Street", "District", "Zone", "PartyOrganization", "Organization"}
ORGS = {"PartyOrganization", "Organization", "Program"}
CLASSES = PLACES | UNITS | {"Person", "Event", "Article", "Facility", "Program"}
DOMAINS = {
    "partOf": (PLACES | {"Facility", "Organization", "Program"}, PLACES | {"Facility"}),
    "hostUnit": (ORGS, UNITS),
    "subOrganizationOf": (ORGS, ORGS | PLACES),
    "post": ({"Person"}, UNITS | {"Program", "Facility"}),
    "coBuildsWith": (UNITS | {"Program", "Facility"}, UNITS | {"Program", "Facility"}),
    "organizer": ({"Event"}, UNITS | {"Program"}),
    "partner": ({"Event"}, UNITS | {"Program"}),
    "location": ({"Event"}, PLACES | {"Facility", "Organization"}),
    "author": ({"Article"}, {"Person"}),
    "program": ({"Event", "PartyOrganization", "Community", "Street", "Organization"}, {"Program"}),
}


def load_scorer(path: Path = SCORER) -> ModuleType:
    """Import the shared scorer by file path; it is not a package."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: shared scorer not found; put the shared folder next to the repository "
                                f"or set DANGJIAN_SHARED to it")
    spec = importlib.util.spec_from_file_location("dangjian_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def resolve_folder(folder: Path) -> Path:
    """A --dir as given from the current folder, else from the repository (the README's paths work from anywhere)."""
    return folder if folder.is_absolute() or folder.is_dir() else ROOT / folder


def gold_files(only: str | None = None, folders: list[Path] | None = None) -> list[Path]:
    """The fixtures' gold files (sorted) then the seed gold, optionally narrowed to one name."""
    if folders:
        folders = [resolve_folder(folder) for folder in folders]
        files = sorted(f for folder in folders for f in folder.glob("*-gold.json"))
    else:
        files = sorted(FIXTURES.glob("*-gold.json")) + ([SEED_GOLD] if SEED_GOLD.is_file() else [])
    if only is None:
        return files
    exact = [f for f in files if only in (doc_name(f), f.name, _document_stem(f))]
    return exact or [f for f in files if only in f.name]


def _document_stem(gold: Path) -> str:
    return Path(json.loads(gold.read_text(encoding="utf-8"))["document"]).stem


def doc_name(gold: Path) -> str:
    """Short name of a gold file: `hangzhou-village-gold.json` -> `hangzhou-village`."""
    return gold.name.removesuffix(".json").removesuffix("-gold")


def document_path(gold: Path, data: dict) -> Path:
    """Fixture gold names its document relative to the repo root, the seed gold relative to shared/."""
    for base in (ROOT, gold.parent.parent):
        candidate = base / data["document"]
        if candidate.is_file():
            return candidate
    return ROOT / data["document"]


def check_gold(data: dict, text: str, norm: Normalize) -> list[str]:
    """Problems in one gold file: dangling names, bad types, ungrounded names, inconsistent articles."""
    problems: list[str] = []
    names: dict[str, int] = {}
    for i, e in enumerate(data.get("entities", [])):
        types = e["type"] if isinstance(e["type"], list) else [e["type"]]
        if not set(types) <= CLASSES:
            problems.append(f"entity {e['name']}: unknown type {types}")
        labels = [e["name"]] + e.get("aliases", [])
        for label in labels:
            key = norm(label)
            if key in names and names[key] != i and "Article" not in types + _types(data["entities"][names[key]]):
                problems.append(f"entity {e['name']}: name {label} is also entity #{names[key]}")
            names[key] = i
        if not e.get("optional") and not any(norm(label) in text for label in labels):
            problems.append(f"entity {e['name']}: required but neither its name nor an alias is in the document")
    entities = data.get("entities", [])
    for r in data.get("relations", []):
        problems += _check_relation(r, names, entities, norm)
    problems += _check_duplicates(data.get("relations", []), names, norm)
    problems += _check_articles(data, names, norm)
    return problems


def _types(entity: dict) -> list[str]:
    return entity["type"] if isinstance(entity["type"], list) else [entity["type"]]


def _check_relation(r: dict, names: dict[str, int], entities: list[dict], norm: Normalize) -> list[str]:
    preds = r["p"] if isinstance(r["p"], list) else [r["p"]]
    where = f"relation {r['s']} {'/'.join(preds)} {r['o']}"
    ends = [names.get(norm(r["s"])), names.get(norm(r["o"]))]
    if None in ends:
        return [f"{where}: {'subject' if ends[0] is None else 'object'} names no entity"]
    problems = []
    types = [set(entities[i]["type"] if isinstance(entities[i]["type"], list) else [entities[i]["type"]]) for i in ends]
    for p in preds:
        if r.get("optional") and p in DOMAINS:
            continue  # an optional relation may stretch the domains: it is never required
        if p not in DOMAINS:
            problems.append(f"{where}: unknown predicate {p}")
        elif not (types[0] & DOMAINS[p][0] and types[1] & DOMAINS[p][1]):
            problems.append(f"{where}: {sorted(types[0])} -> {sorted(types[1])} does not fit {p}")
    if "post" in preds and not r.get("title"):
        problems.append(f"{where}: a post needs a title")
    if not r.get("optional") and any(entities[i].get("optional") for i in ends):
        problems.append(f"{where}: required, but an end is an optional entity")
    return problems


def _check_duplicates(relations: list[dict], names: dict[str, int], norm: Normalize) -> list[str]:
    """Two gold relations over the same ends and a shared predicate: the scorer credits only the first."""
    seen: dict[tuple, str] = {}
    problems = []
    for r in relations:
        ends = (names.get(norm(r["s"])), names.get(norm(r["o"])))
        for p in r["p"] if isinstance(r["p"], list) else [r["p"]]:
            keys = [(p, *ends)] + ([(p, ends[1], ends[0])] if p == "coBuildsWith" else [])
            if any(k in seen for k in keys):
                problems.append(f"relation {r['s']} {p} {r['o']}: same ends and predicate as an earlier one")
            seen[keys[0]] = r["s"]
    return problems


def _check_articles(data: dict, names: dict[str, int], norm: Normalize) -> list[str]:
    problems = []
    listed = set()
    for a in data.get("articles", []):
        if norm(a["title"]) not in names:
            problems.append(f"article {a['title']}: no Article entity")
        listed |= {(norm(a["title"]), norm(p)) for p in a["authors"]}
    optional = {(norm(r["s"]), norm(r["o"])) for r in data.get("relations", []) if r["p"] == "author" and r.get("optional")}
    listed -= optional
    stated = {(norm(r["s"]), norm(r["o"])) for r in data.get("relations", []) if r["p"] == "author" and not r.get("optional")}
    for title, person in sorted(listed ^ stated):
        problems.append(f"author {person} of {title}: listed in 'articles' or in 'relations' but not both")
    return problems


def micro_totals(reports: list[dict], core_types: list[str], core_preds: list[str]) -> dict:
    """Micro-averaged entity and relation P/R/F1 and post-title accuracy over several score reports."""
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def sums(tables: list[dict], keys: list[str]) -> tuple[int, int, int]:
        rows = [t[k] for t in tables for k in keys if k in t]
        return tuple(sum(row[c] for row in rows) for c in ("tp", "fp", "fn"))

    posts = [(rep["post_title_accuracy"], rep["relations"].get("post", {}).get("tp", 0)) for rep in reports]
    titled = sum(n for acc, n in posts if acc is not None)
    right = sum(acc * n for acc, n in posts if acc is not None)
    return {
        "entity_prf": prf(*sums([rep["entities"] for rep in reports], core_types)),
        "relation_prf": prf(*sums([rep["relations"] for rep in reports], core_preds)),
        "post_title_accuracy": right / titled if titled else None,
    }


def format_row(name: str, report: dict) -> str:
    ep, er, ef = report["entity_prf"]
    rp, rr, rf = report["relation_prf"]
    acc = report["post_title_accuracy"]
    titles = "  n/a" if acc is None else f"{acc:5.2f}"
    return f"{name:<24}{ep:6.2f}{er:6.2f}{ef:6.2f}  {rp:6.2f}{rr:6.2f}{rf:6.2f}  {titles}"


HEADER = f"{'document':<24}{'ent P':>6}{'R':>6}{'F1':>6}  {'rel P':>6}{'R':>6}{'F1':>6}  {'title':>5}"


def run_checks(files: list[Path], norm: Normalize) -> int:
    """Validate gold files; print problems to stdout (they are this mode's result)."""
    bad = 0
    for gold in files:
        data = json.loads(gold.read_text(encoding="utf-8"))
        document = document_path(gold, data)
        if not document.is_file():
            print(f"{gold}: document {data['document']} not found")
            bad += 1
            continue
        text = norm(document.read_text(encoding="utf-8-sig", errors="replace"))
        for problem in check_gold(data, text, norm):
            print(f"{gold.name}: {problem}")
            bad += 1
    print(f"{len(files)} gold files checked, {bad} problems", file=sys.stderr)
    return 1 if bad else 0


def score_all(scorer: ModuleType, files: list[Path], cli: str, verbose: bool) -> int:
    """Score each document and print the table; stop early when the CLI cannot load anything at all."""
    reports, rows, failed = [], [], []
    for gold in files:
        data = json.loads(gold.read_text(encoding="utf-8"))
        document = document_path(gold, data)
        print(f"scoring {doc_name(gold)} ...", file=sys.stderr)
        started = time.monotonic()
        try:
            report = scorer.score_document(cli, data, str(document))
        except SystemExit:
            failed.append(doc_name(gold))
            print(f"score_fixtures: {document}: `{cli} load` or `query` failed (its message is above).", file=sys.stderr)
            if not reports:
                print("score_fixtures: nothing could be loaded, so the loaders are probably not ready yet; "
                      f"try `{cli} load {document} --store /tmp/dj-try` to see the error.", file=sys.stderr)
                return 2
            continue
        print(f"  {time.monotonic() - started:.1f} s", file=sys.stderr)
        reports.append(report)
        rows.append((doc_name(gold), report))
    print(HEADER)
    for name, report in rows:
        print(format_row(name, report))
    fixtures = [report for name, report in rows if name != doc_name(SEED_GOLD)]
    if len(fixtures) > 1 and len(fixtures) < len(rows):
        print(format_row("micro total, fixtures", micro_totals(fixtures, scorer.CORE_TYPES, scorer.CORE_PREDICATES)))
    if len(reports) > 1:
        print(format_row("micro total", micro_totals(reports, scorer.CORE_TYPES, scorer.CORE_PREDICATES)))
    for name in failed:
        print(f"{name:<24}FAILED (see stderr)")
    if verbose:
        for name, report in rows:
            print(f"\n== {name}")
            for key in ("missed", "false_positives"):
                print(f"{key.replace('_', ' ')} ({len(report[key])}):")
                for item in sorted(report[key]):
                    print(f"  {item}")
    return 1 if failed else 0


def cli_available(cli: str) -> bool:
    first = shlex.split(cli)[0] if cli.strip() else ""
    return bool(first) and (Path(first).is_file() or shutil.which(first) is not None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=str(VENV_CLI) if VENV_CLI.exists() else "dangjian",
                    help="the dangjian command (default: the repository's .venv)")
    ap.add_argument("--only", metavar="NAME", help="score one document, e.g. hangzhou-village or seed")
    ap.add_argument("--dir", type=Path, action="append", metavar="FOLDER",
                    help="score the *-gold.json files of this folder instead (repeatable), e.g. tests/fixtures/articles2")
    ap.add_argument("--verbose", action="store_true", help="list each document's missed and false-positive items")
    ap.add_argument("--check", action="store_true", help="validate the gold files only; needs no CLI")
    args = ap.parse_args(argv)

    try:
        scorer = load_scorer()
    except FileNotFoundError as err:
        print(f"score_fixtures: {err}", file=sys.stderr)
        return 2
    files = gold_files(args.only, args.dir)
    if not files:
        names = ", ".join(doc_name(f) for f in gold_files())
        print(f"score_fixtures: no gold file matches --only {args.only}; known: {names}", file=sys.stderr)
        return 2
    if args.check:
        return run_checks(files, scorer.norm)
    if not cli_available(args.cli):
        print(f"score_fixtures: command not found: {args.cli}; pass --cli /path/to/.venv/bin/dangjian", file=sys.stderr)
        return 2
    return score_all(scorer, files, args.cli, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
