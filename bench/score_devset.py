"""Score the extractor on the real-news development set (bench/devset/gold) with dangjian's scorer
(dangjian.loaders.scoring.gold_score, the one `dangjian eval` uses: the matching rules of ../shared/eval/score.py).

The article texts are not in the repository: save each page's text as TEXTS/NAME.txt (see
bench/devset/README.md for how to find it again), then

    python bench/score_devset.py --texts /tmp/devset-texts                 # the table, per class and relation
    python bench/score_devset.py --texts DIR --verbose --only hebei        # what was missed and what was wrong
    python bench/score_devset.py --texts DIR --json report.json            # everything, for comparing runs
    python bench/score_devset.py --texts DIR --check                       # validate the gold files only
    python bench/score_devset.py --texts DIR --gold bench/devset/held      # the held-out batch

Every text is first checked: its first 20 characters must be the gold's `first20`, and
../shared/eval/heldout_check.py must not call it a hidden evaluation article (such a text is
refused). Each document is loaded into a fresh store and read back with SPARQL; by default the
loaders run in this process (the same code, without starting Python and jieba once per document),
`--subprocess` loads with the real `dangjian load` command line.
This script fetches nothing. Exit status: 0 scored, 1 a text or gold file has problems, 2 bad usage.
"""
from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from dangjian.loaders.scoring import gold_score as scorer
from dangjian.graph.store.embedded import EmbeddedStore
from dangjian.loaders.scoring.gold import Gold, normalize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_fixtures import SHARED, VENV_CLI, check_gold, micro_totals  # noqa: E402

GOLD_DIR = Path(__file__).resolve().parent / "devset" / "gold"
HELDOUT = SHARED / "eval" / "heldout_check.py"


def gold_files(only: str | None, folder: Path = GOLD_DIR) -> list[Path]:
    files = sorted(folder.glob("*-gold.json"))
    return [f for f in files if only is None or only in f.name]


def check_texts(files: list[Path], texts: Path) -> tuple[list[tuple[Path, dict, Path]], list[str]]:
    """Pair each gold file with its saved text; problems when a text is missing, different or held out."""
    pairs, problems = [], []
    for gold in files:
        data = json.loads(gold.read_text(encoding="utf-8"))
        text = texts / data["document"]
        if not text.is_file():
            problems.append(f"{gold.name}: {text} not found; find it with the query in the gold file and save it there")
            continue
        head = text.read_text(encoding="utf-8-sig")[:20]
        if head != data["first20"]:
            problems.append(f"{gold.name}: {text} starts {head!r}, the gold says {data['first20']!r}")
            continue
        pairs.append((gold, data, text))
    if pairs and HELDOUT.is_file():
        out = subprocess.run([sys.executable, str(HELDOUT), *(str(t) for _, _, t in pairs)],
                             capture_output=True, text=True)
        hidden = {line.split(":")[0] for line in out.stdout.splitlines() if "HIDDEN" in line}
        problems += [f"{t}: a hidden evaluation article; remove it from the set" for _, _, t in pairs if str(t) in hidden]
        pairs = [p for p in pairs if str(p[2]) not in hidden]
    return pairs, problems


def score_one(data: dict, text: Path, cli: str | None) -> dict:
    """Load `text` into a fresh store (in this process, or with `cli load`) and score it against `data`."""
    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(tmp) / "kg"
        if cli is not None:
            subprocess.run([*shlex.split(cli), "load", str(text), "--store", str(store_dir), "--no-progress"],
                           check=True, capture_output=True)
        store = EmbeddedStore(store_dir)
        try:
            if cli is None:
                from dangjian.loaders.load.options import LoadOptions
                from dangjian.loaders.load.pipeline import load_articles
                load_articles(store, [text], LoadOptions(progress=False))
            system = scorer.read_system(store)
        finally:
            store.close()
    gold = Gold(data["entities"], data.get("relations", []))
    report = scorer.score(gold, text.read_text(encoding="utf-8-sig"), system)
    report["duplicated"] = duplicated(gold, system)
    return report


def duplicated(gold: Gold, system: scorer.System) -> list[str]:
    """Gold entities that several system nodes stand for (the scorer counts all but one as wrong)."""
    nodes: dict[tuple[str, int], list[str]] = defaultdict(list)
    for node, node_types in system.types.items():
        for t in node_types:
            for i in gold.match(system.labels.get(node, set()), {t}):
                nodes[(t, i)].append(system.shortest_name(node))
    return [f"{t}: {gold.entities[i]['name']} <- {' | '.join(sorted(found))}"
            for (t, i), found in sorted(nodes.items()) if len(found) > 1]


def table(reports: list[dict], key: str, names: list[str]) -> list[str]:
    sums: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    for rep in reports:
        for name, row in rep[key].items():
            for c in ("tp", "fp", "fn"):
                sums[name][c] += row[c]
    head = {"entities": "entity class", "relations": "relation"}[key]
    lines = [f"{head:<20}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>6}{'F1':>6}"]
    for name in names + sorted(set(sums) - set(names)):
        if name not in sums:
            continue
        tp, fp, fn = (sums[name][c] for c in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"{name:<20}{tp:>5}{fp:>5}{fn:>5}{p:>7.2f}{r:>6.2f}{f:>6.2f}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--texts", type=Path, required=True, help="the folder holding the saved NAME.txt texts")
    ap.add_argument("--only", metavar="PART", help="score the gold files whose name contains PART")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, metavar="DIR",
                    help="the folder of gold files (default bench/devset/gold; bench/devset/held is the held-out batch)")
    ap.add_argument("--check", action="store_true", help="check the texts and gold files, score nothing")
    ap.add_argument("--subprocess", action="store_true", help="run the real `dangjian` command per document")
    ap.add_argument("--cli", default=str(VENV_CLI) if VENV_CLI.exists() else "dangjian", help="with --subprocess")
    ap.add_argument("--verbose", action="store_true", help="list each document's missed and wrong items")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write every report to FILE")
    args = ap.parse_args(argv)
    files = gold_files(args.only, args.gold)
    if not files:
        print(f"score_devset: no gold file in {args.gold} matches {args.only!r}", file=sys.stderr)
        return 2
    pairs, problems = check_texts(files, args.texts)
    for gold, data, text in pairs:
        normed = normalize(text.read_text(encoding="utf-8-sig"))
        problems += [f"{gold.name}: {p}" for p in check_gold(data, normed, normalize)]
    for p in problems:
        print(p, file=sys.stderr)
    if args.check:
        print(f"{len(files)} gold files, {len(pairs)} texts ready, {len(problems)} problems", file=sys.stderr)
        return 1 if problems else 0
    reports = {}
    for gold, data, text in pairs:
        print(f"scoring {text.stem} ...", file=sys.stderr)
        reports[text.stem] = score_one(data, text, args.cli if args.subprocess else None)
    rows = list(reports.values())
    provinces = {json.loads(g.read_text(encoding="utf-8")).get("province") for g, _, _ in pairs}
    print(f"{len(rows)} documents, {len(provinces)} provinces")
    print("\n".join(table(rows, "entities", scorer.CORE_TYPES + scorer.SECONDARY_TYPES)))
    print()
    print("\n".join(table(rows, "relations", scorer.CORE_PREDICATES + scorer.SECONDARY_PREDICATES)))
    total = micro_totals(rows, scorer.CORE_TYPES, scorer.CORE_PREDICATES)
    (ep, er, ef), (rp, rr, rf) = total["entity_prf"], total["relation_prf"]
    print(f"\nentities P={ep:.3f} R={er:.3f} F1={ef:.3f}; relations P={rp:.3f} R={rr:.3f} F1={rf:.3f}")
    if args.verbose:
        for name, rep in reports.items():
            (a, b, c), (d, e, f) = rep["entity_prf"], rep["relation_prf"]
            print(f"\n== {name}  entities F1={c:.2f} relations F1={f:.2f}")
            for key in ("missed", "false_positives", "duplicated"):
                for item in sorted(rep[key]):
                    print(f"  {key[:6]} {item}")
    if args.json:
        args.json.write_text(json.dumps(reports, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
