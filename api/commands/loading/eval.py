"""`dangjian eval`: score what the loaders extract from a text against a researcher's gold annotations."""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from dangjian.api.commands.common import CommandError, add_command


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "eval", help="precision, recall and F1 of the extraction against your gold annotations",
        description="Load TEXT into a fresh temporary store (your store is not touched), read back its entities "
                    "and relations, and compare them with GOLD.json: precision, recall and F1 per entity class "
                    "and per relation, then over the core classes and relations. The gold format is that of "
                    "../shared/eval/seed-gold.json: \"entities\" with type, name, aliases, optional; "
                    "\"relations\" with s, p, o (and title for a post), optional; \"document\" names the text, "
                    "relative to the gold file's folder or the one above it, when TEXT is not given.",
        examples=["dangjian eval seed-gold.json samples/seed-page.txt",
                  "dangjian eval my-gold.json                       # the text its \"document\" names",
                  "dangjian eval my-gold.json article.txt --format json > report.json"])
    parser.add_argument("gold", type=Path, metavar="GOLD.json", help="gold annotations of one document")
    parser.add_argument("text", type=Path, nargs="?", metavar="TEXT",
                        help="the document to extract from (default: the gold file's \"document\")")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="table (default): per class and relation, then what was missed or wrong; json: "
                             "the whole report")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from dangjian.loaders.scoring.gold import GoldError, read_gold
    from dangjian.loaders.scoring.gold_score import score

    try:
        gold = read_gold(args.gold)
    except GoldError as error:
        raise CommandError(str(error)) from None
    text_path = args.text or _document_of(args.gold, gold.document)
    try:
        text = text_path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as error:
        raise CommandError(f"{text_path}: cannot read it ({error.strerror or error}); give the text as TEXT") from None
    report = score(gold, text, _extract(text_path))
    if args.format == "json":
        print(json.dumps(as_json(report, args.gold, text_path), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(as_table(report))
    return 0


def _document_of(gold_path: Path, document: str | None) -> Path:
    """The text a gold file names: as written (from here), else by name beside the gold file or one folder up
    (shared/eval → shared)."""
    if not document:
        raise CommandError(f"{gold_path} names no \"document\"; give the text: dangjian eval {gold_path} TEXT")
    candidates = [Path(document)] + [folder / name for folder in (gold_path.parent, gold_path.parent.parent)
                                     for name in dict.fromkeys((document, Path(document).name))]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise CommandError(f"{gold_path} names the document {document!r}, which is not here, beside it or one folder up; "
                       f"give the text: dangjian eval {gold_path} TEXT")


def _extract(text_path: Path):
    from dangjian.graph.store.embedded import EmbeddedStore
    from dangjian.loaders.scoring.gold_score import read_system
    from dangjian.loaders.load.options import LoadOptions
    from dangjian.loaders.load.pipeline import load_articles

    with tempfile.TemporaryDirectory(prefix="dangjian-eval-") as folder:
        store = EmbeddedStore(Path(folder) / "store")
        try:
            loaded = load_articles(store, [text_path], LoadOptions(progress=False))
            if loaded.failed:
                raise CommandError(f"{text_path}: could not be loaded: {'; '.join(loaded.failed)}")
            return read_system(store)
        finally:
            store.close()


def _rates(counts: dict) -> dict:
    from dangjian.loaders.scoring.gold_score import prf
    precision, recall, f1 = prf(counts["tp"], counts["fp"], counts["fn"])
    return {**counts, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def as_json(report: dict, gold: Path, text: Path) -> dict:
    """The report with precision, recall and F1 on every row, as `--format json` prints it."""
    def total(values: tuple[float, float, float]) -> dict:
        return dict(zip(("precision", "recall", "f1"), (round(v, 4) for v in values)))
    return {"gold": str(gold), "text": str(text),
            "entities": {cls: _rates(c) for cls, c in report["entities"].items()},
            "relations": {p: _rates(c) for p, c in report["relations"].items()},
            "total": {"entities": total(report["entity_prf"]), "relations": total(report["relation_prf"])},
            "post_title_accuracy": report["post_title_accuracy"],
            **{key: sorted(report[key]) for key in ("missed", "false_positives", "ungrounded")}}


def as_table(report: dict) -> str:
    """Per class and relation tp, fp, fn, P, R, F1; what was missed or wrong; the totals last."""
    from dangjian.loaders.scoring.gold_score import CORE_PREDICATES, CORE_TYPES, SECONDARY_PREDICATES, SECONDARY_TYPES

    lines = []
    for heading, rows, core, order in (("entity class", report["entities"], CORE_TYPES, SECONDARY_TYPES),
                                       ("relation", report["relations"], CORE_PREDICATES, SECONDARY_PREDICATES)):
        lines.append(f"{heading:<20}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>6}{'F1':>6}")
        for name in sorted(rows, key=lambda n: ([*core, *order].index(n) if n in [*core, *order] else 99, n)):
            r = _rates(rows[name])
            mark = "" if name in core else "  (not in the totals)"
            lines.append(f"{name:<20}{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}{r['precision']:>7.2f}{r['recall']:>6.2f}"
                         f"{r['f1']:>6.2f}{mark}")
        lines.append("")
    for key in ("missed", "false_positives"):
        if report[key]:
            lines.append(f"{key.replace('_', ' ')} ({len(report[key])}):")
            lines += [f"  {item}" for item in sorted(report[key])]
            lines.append("")
    accuracy = report["post_title_accuracy"]
    lines.append(f"post titles right: {'n/a' if accuracy is None else f'{accuracy:.2f}'}")
    (ep, er, ef), (rp, rr, rf) = report["entity_prf"], report["relation_prf"]
    lines.append(f"entities P={ep:.2f} R={er:.2f} F1={ef:.2f}; relations P={rp:.2f} R={rr:.2f} F1={rf:.2f}")
    return "\n".join(lines) + "\n"
