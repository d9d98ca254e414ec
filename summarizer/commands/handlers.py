"""One function per subcommand: read the parsed options, call the library, print the result."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..config import Settings, resolve_settings
from ..errors import ConfigError, SummarizerError
from ..records import ArticleSummary
from .console import is_stdout, model_progress, notify, one_stdout, question_progress, stdin_summaries, write_text

__all__ = ["COMMANDS"]


def _explicit(args: argparse.Namespace) -> dict[str, Any]:
    """The settings given as options (None where not given)."""
    return {
        "backend": getattr(args, "backend", None),
        "base_url": getattr(args, "base_url", None),
        "model": getattr(args, "model", None),
        "api_key": getattr(args, "api_key", None),
        "model_file": getattr(args, "model_file", None),
        "timeout": getattr(args, "timeout", None),
        "retries": getattr(args, "retries", None),
        "threads": getattr(args, "threads", None),
        "context": getattr(args, "context", None),
        "seed": getattr(args, "seed", None),
        "server_args": getattr(args, "server_args", None),
        "cache_dir": getattr(args, "cache_dir", None),
        "use_cache": False if getattr(args, "no_cache", False) else None,
        "jobs": getattr(args, "jobs", None),
    }


def _settings(args: argparse.Namespace) -> Settings:
    from ..info import environment_switch

    explicit = _explicit(args)
    settings = resolve_settings(**explicit)
    notice = environment_switch(settings, explicit)
    if notice:
        notify(f"notice: {notice}")
    return settings


def _types(args: argparse.Namespace) -> list[str] | None:
    if not getattr(args, "types", None):
        return None
    known = ("meetings", "demands", "casualties")
    aliases = {"meeting": "meetings", "demand": "demands", "casualty": "casualties"}
    wanted = [aliases.get(t.strip(), t.strip()) for t in args.types.split(",") if t.strip()]
    unknown = [t for t in wanted if t not in known]
    if unknown or not wanted:
        raise ConfigError(f"--types: unknown record type {', '.join(unknown) or '(none)'}; use {', '.join(known)}")
    return list(dict.fromkeys(wanted))


def _cmd_schemas(args: argparse.Namespace) -> int:
    from ..digest import write_digest_schema
    from ..evaluate.splits import project_root
    from ..records import write_schemas

    folder = args.output
    if folder is None:
        root = project_root()
        if not (root / "summarizer").is_dir() or not (root / "schemas").is_dir():
            raise ConfigError("no source checkout with a schemas/ folder here or above: pass -o FOLDER")
        folder = root / "schemas"
    for path in [*write_schemas(folder), write_digest_schema(folder)]:
        print(path)
    return 0


def _cmd_digest(args: argparse.Namespace) -> int:
    from ..articles import read_article
    from ..batch import ARTICLE_SUFFIXES, expand_paths, run_batch
    from ..digest import build_digest
    from ..io import load_summaries
    from ..render.digest import render_digest_markdown
    from ..render.html import render_html

    one_stdout(("-o", args.output), ("--json", args.json), ("--html", args.html))
    source: Path = args.source
    articles_dir = args.articles
    if is_stdout(source):
        summaries = stdin_summaries()
    elif not source.exists():
        raise ConfigError(f"{source}: no such file or folder")
    elif source.is_dir() and any(p.suffix.lower() in ARTICLE_SUFFIXES for p in source.iterdir()):
        articles_dir = articles_dir or source
        summaries = []
        with question_progress():
            code = run_batch([str(source)], _settings(args), published=args.published, progress=model_progress(),
                             notify=notify, on_summary=summaries.append)  # fmt: skip
        if code != 0 and not summaries:
            return code
    else:
        summaries = load_summaries(source)
    digest = build_digest(summaries)
    markdown = render_digest_markdown(digest)
    if args.output is not None or not (is_stdout(args.json) or is_stdout(args.html)):
        write_text(args.output or Path("-"), markdown)
    if args.json:
        write_text(args.json, digest.model_dump_json(indent=2) + "\n")
    if args.html:
        texts: dict[str, str] = {}
        if articles_dir is not None:
            for name in expand_paths([str(articles_dir)]):
                try:
                    article = read_article(name, published=args.published)
                except SummarizerError:
                    continue
                texts[article.article_id] = article.text
        write_text(args.html, render_html(digest, summaries, texts))
    return 0


def _cmd_cache(args: argparse.Namespace) -> int:
    from ..llm import ResponseCache, clear_slot_states

    settings = resolve_settings(cache_dir=args.cache_dir)
    folder = settings.cache_dir / "responses"
    if args.action == "path":
        print(folder)
        return 0
    from ..extract.replay import ResultCache

    responses = ResponseCache(folder).clear()
    results = ResultCache(settings.cache_dir / "results").clear()
    slots = clear_slot_states(settings.cache_dir)
    print(
        f"removed {responses} cached responses from {folder}, {results} cached article results"
        f" and {slots} saved prompt prefixes"
    )
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    import dataclasses
    import json

    from ..info import describe

    explicit = _explicit(args)
    lines = describe(resolve_settings(**explicit), explicit)
    if args.json:
        print(json.dumps([dataclasses.asdict(line) for line in lines], ensure_ascii=False, indent=2))
        return 0
    width = max(len(line.name) for line in lines)
    for line in lines:
        print(f"{line.name.ljust(width)}  {line.value}")
        print(f"{''.ljust(width)}    ↳ {line.reason}")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from ..llm import start_embedded_server

    settings = resolve_settings(**{**_explicit(args), "backend": "embedded"})  # a base URL does not apply
    server, _ = start_embedded_server(settings, model_progress())
    server.port = args.port
    with server:
        print(f"serving {server.model_path.name} at {server.base_url}", flush=True)
        print(f"use it with: summarizer extract --base-url {server.base_url} ARTICLE.txt", flush=True)
        print("press Ctrl-C to stop", flush=True)
        while server.alive():
            time.sleep(0.5)
    return 0


def _cmd_extract(args: argparse.Namespace, *, brief: bool = False) -> int:
    from ..batch import run_batch

    settings = _settings(args)
    fmt = "markdown" if brief else args.format
    output = None if is_stdout(args.output) else args.output
    with question_progress():
        return run_batch(
            args.paths,
            settings,
            output=output,
            fmt=fmt,
            published=args.published,
            resume=getattr(args, "resume", False),
            append=args.append,
            progress=model_progress(),
            stdout=sys.stdout,
            notify=notify,
            types=_types(args),
            stdin_id=args.stdin_id,
        )


def _eval_sets(args: argparse.Namespace) -> list:  # list[EvalSet]
    from ..evaluate.splits import EvalSet, project_root, resolve_splits

    if args.gold is None and args.articles is None:
        if not (project_root() / "evals" / "gold").is_dir():
            raise ConfigError(
                "the eval corpus (evals/ and seeds/ of the source checkout) is not here: the package alone "
                "(a wheel) does not ship it; run inside a checkout, or pass --gold DIR --articles DIR"
            )
        return resolve_splits(args.split)
    if args.gold is None or args.articles is None:
        raise ConfigError("--gold and --articles go together")
    for folder, what in ((args.gold, "gold"), (args.articles, "article")):
        if not folder.is_dir():
            raise ConfigError(f"{folder}: {what} folder not found")
    return [EvalSet("custom", args.gold, args.articles)]


def _cmd_eval(args: argparse.Namespace) -> int:
    from .. import progress
    from ..articles import Article
    from ..evaluate.report import compare_to_baseline, load_report
    from ..evaluate.runner import run_eval_sets
    from ..evaluate.table import format_table
    from ..extract import ExtractionResult, ExtractionStats, extract_article
    from ..io import load_predictions, load_stats, save_stats

    one_stdout(("--report", args.report), ("--html", args.html), ("--save-predictions", args.save_predictions))
    # A result on stdout (for jq or a pipe) moves the readable table to stderr.
    table_stream = sys.stderr if any(is_stdout(p) for p in (args.report, args.html, args.save_predictions)) else None
    sets = _eval_sets(args)
    if args.baseline and not args.baseline.is_file():
        raise ConfigError(f"--baseline {args.baseline}: no such file")
    baseline = load_report(args.baseline) if args.baseline else None
    if args.predictions:
        if not args.predictions.is_file():
            raise ConfigError(f"--predictions {args.predictions}: no such file")
        sidecar = args.predictions.with_name(args.predictions.name + ".stats.json")
        stats = load_stats(sidecar) if sidecar.exists() else None
        predictions = load_predictions(args.predictions)
        report = run_eval_sets(sets, predictions=predictions, stats=stats)
    else:
        from ..llm import open_client

        settings = _settings(args)
        captured: list[ArticleSummary] = []
        captured_stats: dict[str, ExtractionStats] = {}

        with question_progress(), open_client(settings, model_progress()) as client:

            def extract(article: Article) -> ExtractionResult:
                result = extract_article(article, client)
                captured.append(result.summary)
                captured_stats[article.article_id] = result.stats
                progress.article_done(article.article_id, result.stats.seconds)
                notify(f"{article.article_id}: {result.stats.seconds:.1f} s, {result.stats.calls} questions")
                return result

            report = run_eval_sets(sets, extract=extract)
        predictions = {s.article_id: s for s in captured}
        if args.save_predictions:
            write_text(args.save_predictions, "".join(s.model_dump_json() + "\n" for s in captured))
            if not is_stdout(args.save_predictions):
                save_stats(args.save_predictions.with_name(args.save_predictions.name + ".stats.json"), captured_stats)
    print(format_table(report), file=table_stream)
    if args.report:
        write_text(args.report, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        if not is_stdout(args.report):
            notify(f"report written to {args.report}")
    if args.html:
        from ..render.eval_html import render_eval_html

        write_text(args.html, render_eval_html(report, sets, predictions))
        if not is_stdout(args.html):
            notify(f"HTML report written to {args.html}")
    if baseline is not None:
        regressions = compare_to_baseline(report, baseline, tolerance=args.tolerance)
        if regressions:
            print(f"REGRESSION against {args.baseline} (tolerance {args.tolerance}):", file=sys.stderr)
            for line in regressions:
                print(f"  {line}", file=sys.stderr)
            return 1
        print(f"no regression against {args.baseline} (tolerance {args.tolerance})", file=table_stream)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "extract": _cmd_extract,
    "brief": lambda a: _cmd_extract(a, brief=True),
    "eval": _cmd_eval,
    "digest": _cmd_digest,
    "schemas": _cmd_schemas,
    "serve": _cmd_serve,
    "info": _cmd_info,
    "cache": _cmd_cache,
}
"""The handler of each subcommand; it returns the exit code."""
