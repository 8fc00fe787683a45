"""`dangjian load`: RDF files into their named graphs, every other file to the article loaders."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dangjian.api.commands.common import (CommandError, UsageError, add_command, add_store_option, iso_date,
                                          open_store_for, positive_int)
from dangjian.graph.dataset.rdf_suffixes import described, is_rdf_file


def register(subparsers) -> None:
    parser = add_command(
        subparsers, "load", help="load RDF files and articles into the store",
        description=f"Load files and directories. RDF files ({described()}) go into the named graph "
                    f"https://w3id.org/dangjian/graph/file/<file name> (loading a file again replaces its graph; "
                    f"TriG and N-Quads keep their own graphs). Every other file is read as articles (text, "
                    f"Markdown, HTML, JSON Lines). Directories are walked recursively in name order, leaving out "
                    f"hidden entries and store directories.",
        examples=["dangjian load samples/", "dangjian load extra/places.ttl --store http://127.0.0.1:7878",
                  "dangjian load news/ --jobs 2 --validate",
                  "dangjian load news.txt --date 2023-07-20 --source 苏州日报 --keep-going",
                  "dangjian load corpus/ --scheduler local:2            # extract in 2 Dask worker processes",
                  "dangjian load corpus/ --scheduler tcp://10.0.0.5:8786 --store http://10.0.0.9:8890"])
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or directories to load")
    articles = parser.add_argument_group("articles")
    articles.add_argument("--date", type=iso_date, help="publication date (YYYY-MM-DD) when a file does not say; an "
                                                        "article loaded before without it is replaced with it")
    articles.add_argument("--source", help="publisher (e.g. 苏州日报) when a file does not say")
    articles.add_argument("--url", help="address of the article when a file does not say")
    articles.add_argument("--jobs", type=positive_int, default=1, metavar="N", help="extract with N processes (default 1)")
    articles.add_argument("--scheduler", type=_scheduler, metavar="ADDRESS",
                          help="extract on a Dask cluster: tcp://HOST:8786 is a running scheduler (its workers need "
                               "dangjian installed; this process reads the files and writes the store), local:N "
                               "starts N worker processes here; needs pip install 'dangjian[dask]'")
    articles.add_argument("--reextract", action="store_true",
                          help="extract again articles already in the store (e.g. after upgrading dangjian)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--strict", action="store_true", help="stop at the first file that fails")
    mode.add_argument("--keep-going", dest="strict", action="store_false",
                      help="load what can be loaded, report the rest, exit 1 (the default)")
    articles.add_argument("--validate", action="store_true",
                          help="after loading, check what the new or changed articles brought (their graphs and "
                               "the entities and facts they name) against the SHACL shapes; exit 1 on a violation")
    parser.add_argument("--no-progress", action="store_true", help="no per-file messages on stderr")
    add_store_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.scheduler and args.jobs > 1:
        raise UsageError("give --jobs or --scheduler, not both: the cluster's workers are the processes")
    rdf_files, article_files, problems = split_paths(args.paths)
    for problem in problems:
        _say(f"error: {problem}")
    if problems and args.strict:
        raise CommandError("nothing loaded (--strict); fix the paths above and run again")
    if not rdf_files and not article_files:
        raise CommandError("no files to load; pass RDF files, article files or directories that contain them")
    store = open_store_for(args)
    try:
        failures = len(problems) + _load_rdf(store, rdf_files, args)
        if article_files and not (args.strict and failures):
            failures += _load_articles(store, article_files, args)
    finally:
        store.close()
    if failures:
        raise CommandError(f"{failures} path(s) failed (see above); fix them and load them again")
    return 0


def split_paths(paths: list[Path]) -> tuple[list[Path], list[Path], list[str]]:
    """RDF files, other (article) files, and messages for paths that cannot be loaded; directories walked."""
    from dangjian.loaders.read.walk import NOT_REGULAR, walk_files

    rdf, articles, problems = [], [], []
    for path in paths:
        if not path.exists():
            problems.append(f"{path}: no such file or directory")
        elif path.is_dir():
            found = False
            for file in walk_files(path):
                found = True
                if isinstance(file, Path):
                    (rdf if is_rdf_file(file) else articles).append(file)
                else:
                    problems.append(str(file))
            if not found:
                problems.append(f"{path}: the directory holds no files to load")
        elif not path.is_file():  # reading a named pipe with no writer would wait forever
            problems.append(f"{path}: {NOT_REGULAR} — give the file itself")
        else:
            (rdf if is_rdf_file(path) else articles).append(path)
    return rdf, articles, problems


def _store_totals(store) -> str:
    """The store's entities per class as `dangjian stats` counts them, labelled so a reader sees why they differ
    from the load's own counts (articles, the places around named ones, what earlier loads brought)."""
    from dangjian.graph.dataset.stats import store_stats

    held = ", ".join(f"{name} {n}" for name, n in sorted(store_stats(store).classes.items()) if n)
    return (f"the store now holds (as `dangjian stats` counts, with the articles, the gazetteer's places around "
            f"the named ones and earlier loads): {held}")


def _load_rdf(store, files: list[Path], args: argparse.Namespace) -> int:
    from dangjian.graph.dataset.rdf_files import RdfFileError, load_rdf_file

    failures = 0
    for path in files:
        try:
            loaded = load_rdf_file(store, path)
        except RdfFileError as error:
            _say(f"error: {error}")
            failures += 1
            if args.strict:
                break
            continue
        if not args.no_progress:
            _say(f"loaded {path}: {loaded.quads} triples into <{loaded.graph}>")
    return failures


def _load_articles(store, files: list[Path], args: argparse.Namespace) -> int:
    """Hand article files to the loaders; returns how many failed."""
    from dangjian.loaders.load.options import LoadOptions
    from dangjian.loaders.load.pipeline import load_articles

    options = LoadOptions(date=args.date, source=args.source, url=args.url, jobs=args.jobs,
                          reextract=args.reextract, strict=args.strict, progress=not args.no_progress)
    report = _on_cluster(store, files, options, args.scheduler) if args.scheduler else load_articles(store, files,
                                                                                                  options)
    _say(report.summary())
    if report.articles:
        _say(_store_totals(store))
    failures = len(report.failed)
    if args.validate and report.loaded:
        from dangjian.graph.dataset.validate import validate_articles
        checked = validate_articles(store, report.loaded)
        _say(f"what {len(report.loaded)} new or changed article(s) brought: {checked.text()}".rstrip())
        failures += not checked.conforms
    return failures


def _scheduler(value: str) -> str:
    from dangjian.loaders.load.distributed import parse_scheduler

    try:
        parse_scheduler(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return value


def _on_cluster(store, files: list[Path], options, scheduler: str):
    """The load with extraction on a Dask cluster (dangjian.loaders.load.distributed)."""
    try:
        from dangjian.loaders.load.distributed import ClusterError, cluster_client, load_on_cluster
        with cluster_client(scheduler) as client:
            return load_on_cluster(store, files, options, client)
    except ModuleNotFoundError as error:
        raise CommandError(f"--scheduler needs Dask: pip install 'dangjian[dask]' (module {error.name} is missing)")
    except ClusterError as error:
        raise CommandError(str(error)) from None


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
