"""The ``summarizer`` command: parse options, call one library function, print.

Library errors become one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .config import Settings, resolve_settings
from .errors import ConfigError, SummarizerError
from .records import ArticleSummary

__all__ = ["cli", "main"]

log = logging.getLogger("summarizer")


def _model_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("model (argument > SUMMARIZER_* environment variable > default)")
    group.add_argument("--backend", choices=["embedded", "openai"], help="embedded llama.cpp (default) or openai")
    group.add_argument(
        "--base-url", help="any OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 (OPENAI_BASE_URL)"
    )
    group.add_argument("--model", help="model name on the server (SUMMARIZER_MODEL)")
    group.add_argument("--api-key", help="API key (OPENAI_API_KEY / SUMMARIZER_API_KEY); never logged or cached")
    group.add_argument("--model-file", type=Path, help="serve this local GGUF through the embedded backend")
    group.add_argument("--timeout", type=float, help="seconds per model call (default 180)")
    group.add_argument("--retries", type=int, help="re-asks and retries per call (default 2)")
    group.add_argument("--threads", type=int, help="CPU threads for the embedded model (default: all cores)")
    group.add_argument("--cache-dir", type=Path, help="where the model and the response cache live")
    group.add_argument("--no-cache", action="store_true", help="do not read or write the response cache")


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of .txt files; - for stdin")
    parser.add_argument("--published", help="publication date YYYY-MM-DD for articles without a date header")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarizer",
        description="Turn news articles in any language into grounded records and an English brief.",
    )
    parser.add_argument("--version", action="version", version=f"summarizer {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log lines on stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = sub.add_parser("extract", help="extract records (JSON) from articles")
    _input_options(extract)
    extract.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    extract.add_argument("--format", choices=["json", "jsonl"], help="default: jsonl for several articles or .jsonl")
    extract.add_argument("--resume", action="store_true", help="skip article ids already in the -o JSONL file")
    extract.add_argument("--jobs", type=int, help="articles sent at once to a remote server (default 1)")
    _model_options(extract)

    brief = sub.add_parser("brief", help="an English Markdown brief per article")
    _input_options(brief)
    brief.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    _model_options(brief)

    evaluate = sub.add_parser("eval", help="score extractions against gold data")
    evaluate.add_argument(
        "--split",
        default="seeds",
        help="seeds, dev, test, all, or a comma list such as seeds,test (default seeds); "
        "each is scored and reported on its own",
    )
    evaluate.add_argument("--gold", type=Path, help="a gold folder of your own instead of --split (with --articles)")
    evaluate.add_argument("--articles", type=Path, help="the article folder for --gold")
    evaluate.add_argument(
        "--predictions",
        type=Path,
        help="score saved predictions (JSONL) instead of extracting; a PREDICTIONS.stats.json beside it "
        "(written by --save-predictions) supplies candidate recall and cost",
    )
    evaluate.add_argument("--report", type=Path, help="write the JSON report here")
    evaluate.add_argument("--save-predictions", type=Path, help="write the extracted records here (JSONL)")
    evaluate.add_argument("--baseline", type=Path, help="fail when a headline figure falls below this report")
    evaluate.add_argument("--tolerance", type=float, default=0.05, help="allowed drop below the baseline (0.05)")
    _model_options(evaluate)

    digest = sub.add_parser("digest", help="merge many articles into one English timeline")
    digest.add_argument("source", type=Path, help="a folder of articles (extracted first) or a JSONL of summaries")
    digest.add_argument("-o", "--output", type=Path, help="Markdown digest here instead of stdout")
    digest.add_argument("--json", type=Path, help="also write the merged events as JSON (schemas/Digest.json)")
    digest.add_argument("--html", type=Path, help="also write a self-contained HTML report")
    digest.add_argument("--articles", type=Path, help="folder of the article files (for the HTML text view)")
    digest.add_argument("--published", help="publication date YYYY-MM-DD for articles without a date header")
    _model_options(digest)

    schemas = sub.add_parser("schemas", help="write the JSON Schemas of the records")
    schemas.add_argument("-o", "--output", type=Path, default=Path("schemas"), help="folder (default schemas/)")

    serve = sub.add_parser("serve", help="run the embedded model server in the foreground")
    serve.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (default 8080)")
    _model_options(serve)

    cache = sub.add_parser("cache", help="manage the response cache")
    cache.add_argument("action", choices=["clear", "path"])
    cache.add_argument("--cache-dir", type=Path, help="cache folder")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return resolve_settings(
        backend=getattr(args, "backend", None),
        base_url=getattr(args, "base_url", None),
        model=getattr(args, "model", None),
        api_key=getattr(args, "api_key", None),
        model_file=getattr(args, "model_file", None),
        timeout=getattr(args, "timeout", None),
        retries=getattr(args, "retries", None),
        threads=getattr(args, "threads", None),
        cache_dir=getattr(args, "cache_dir", None),
        use_cache=False if getattr(args, "no_cache", False) else None,
        jobs=getattr(args, "jobs", None),
    )


class _Progress:
    """Model assembly progress on stderr: a rewritten line on a terminal, a few lines otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.tty = sys.stderr.isatty()
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        percent = int(100 * done / total) if total else 100
        step = 1 if self.tty else 10
        if percent // step == self.last // step and percent != 100:
            return
        self.last = percent
        text = f"{self.label}: {percent:3d}% ({done >> 20} / {total >> 20} MiB)"
        if self.tty:
            print(f"\r{text}", end="\n" if percent >= 100 else "", file=sys.stderr, flush=True)
        else:
            print(text, file=sys.stderr, flush=True)


def _notify(line: str) -> None:
    """Progress and error lines of a run, on stderr (stdout carries the results)."""
    print(f"summarizer: {line}", file=sys.stderr, flush=True)


def _progress() -> Callable[[int, int], None]:
    return _Progress("assembling the embedded model (first run only)")


def _cmd_schemas(args: argparse.Namespace) -> int:
    from .digest import write_digest_schema
    from .records import write_schemas

    for path in [*write_schemas(args.output), write_digest_schema(args.output)]:
        print(path)
    return 0


def _cmd_digest(args: argparse.Namespace) -> int:
    from .articles import read_article
    from .batch import ARTICLE_SUFFIXES, expand_paths, run_batch
    from .digest import build_digest
    from .io import load_summaries, write_text_atomic
    from .render.digest import render_digest_markdown
    from .render.html import render_html

    source: Path = args.source
    if not source.exists():
        raise SummarizerError(f"{source}: no such file or folder")
    articles_dir = args.articles or (source if source.is_dir() else None)
    if source.is_dir() and any(p.suffix.lower() in ARTICLE_SUFFIXES for p in source.iterdir()):
        summaries: list[ArticleSummary] = []
        code = run_batch([str(source)], _settings(args), published=args.published, progress=_progress(),
                         notify=_notify, on_summary=summaries.append)  # fmt: skip
        if code != 0 and not summaries:
            return code
    else:
        summaries = load_summaries(source)
    digest = build_digest(summaries)
    markdown = render_digest_markdown(digest)
    if args.output:
        write_text_atomic(args.output, markdown)
    else:
        sys.stdout.write(markdown)
    if args.json:
        write_text_atomic(args.json, digest.model_dump_json(indent=2) + "\n")
    if args.html:
        texts: dict[str, str] = {}
        if articles_dir is not None:
            for name in expand_paths([str(articles_dir)]):
                try:
                    article = read_article(name, published=args.published)
                except SummarizerError:
                    continue
                texts[article.article_id] = article.text
        write_text_atomic(args.html, render_html(digest, summaries, texts))
    return 0


def _cmd_cache(args: argparse.Namespace) -> int:
    from .llm import ResponseCache

    settings = resolve_settings(cache_dir=args.cache_dir)
    folder = settings.cache_dir / "responses"
    if args.action == "path":
        print(folder)
        return 0
    print(f"removed {ResponseCache(folder).clear()} cached responses from {folder}")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from .llm import start_embedded_server

    settings = _settings(args)
    if not settings.is_embedded:
        raise SummarizerError("serve runs the embedded model; --base-url and --backend openai do not apply")
    server, _ = start_embedded_server(settings, _progress())
    server.port = args.port
    with server:
        print(f"serving {server.model_path.name} at {server.base_url}", flush=True)
        print(f"use it with: summarizer extract --base-url {server.base_url} ARTICLE.txt", flush=True)
        print("press Ctrl-C to stop", flush=True)
        while server.alive():
            time.sleep(0.5)
    return 0


def _cmd_extract(args: argparse.Namespace, *, brief: bool = False) -> int:
    from .batch import run_batch

    settings = _settings(args)
    fmt = "markdown" if brief else args.format
    return run_batch(
        args.paths,
        settings,
        output=args.output,
        fmt=fmt,
        published=args.published,
        resume=getattr(args, "resume", False),
        progress=_progress(),
        stdout=sys.stdout,
        notify=_notify,
    )


def _eval_sets(args: argparse.Namespace) -> list:  # list[EvalSet]
    from .evaluate.splits import EvalSet, resolve_splits

    if args.gold is None and args.articles is None:
        return resolve_splits(args.split)
    if args.gold is None or args.articles is None:
        raise ConfigError("--gold and --articles go together")
    for folder, what in ((args.gold, "gold"), (args.articles, "article")):
        if not folder.is_dir():
            raise ConfigError(f"{folder}: {what} folder not found")
    return [EvalSet("custom", args.gold, args.articles)]


def _cmd_eval(args: argparse.Namespace) -> int:
    from .articles import Article
    from .evaluate.report import compare_to_baseline, load_report, write_report
    from .evaluate.runner import run_eval_sets
    from .evaluate.table import format_table
    from .extract import ExtractionResult, ExtractionStats, extract_article
    from .io import load_predictions, load_stats, save_stats, write_summaries

    sets = _eval_sets(args)
    baseline = load_report(args.baseline) if args.baseline else None
    if args.predictions:
        sidecar = args.predictions.with_name(args.predictions.name + ".stats.json")
        stats = load_stats(sidecar) if sidecar.exists() else None
        report = run_eval_sets(sets, predictions=load_predictions(args.predictions), stats=stats)
    else:
        from .llm import open_client

        settings = _settings(args)
        captured: list[ArticleSummary] = []
        captured_stats: dict[str, ExtractionStats] = {}

        with open_client(settings, _progress()) as client:

            def extract(article: Article) -> ExtractionResult:
                result = extract_article(article, client)
                captured.append(result.summary)
                captured_stats[article.article_id] = result.stats
                _notify(f"{article.article_id}: {result.stats.seconds:.1f} s, {result.stats.calls} questions")
                return result

            report = run_eval_sets(sets, extract=extract)
        if args.save_predictions:
            write_summaries(args.save_predictions, captured)
            save_stats(args.save_predictions.with_name(args.save_predictions.name + ".stats.json"), captured_stats)
    print(format_table(report))
    if args.report:
        write_report(report, args.report)
        print(f"report written to {args.report}")
    if baseline is not None:
        regressions = compare_to_baseline(report, baseline, tolerance=args.tolerance)
        if regressions:
            print(f"REGRESSION against {args.baseline} (tolerance {args.tolerance}):", file=sys.stderr)
            for line in regressions:
                print(f"  {line}", file=sys.stderr)
            return 1
        print(f"no regression against {args.baseline} (tolerance {args.tolerance})")
    return 0


def cli(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _parser().parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="summarizer: %(message)s", stream=sys.stderr)
    for noisy in ("httpx", "openai", "instructor", "httpcore"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "extract": _cmd_extract,
        "brief": lambda a: _cmd_extract(a, brief=True),
        "eval": _cmd_eval,
        "digest": _cmd_digest,
        "schemas": _cmd_schemas,
        "serve": _cmd_serve,
        "cache": _cmd_cache,
    }
    try:
        return commands[args.command](args)
    except SummarizerError as exc:
        print(f"summarizer: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("summarizer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    sys.exit(cli())
