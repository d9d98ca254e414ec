"""The ``summarizer`` command: parse options, call one library function, print.

Library errors become one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .config import Settings, resolve_settings
from .errors import ConfigError, SummarizerError
from .progress import PlainDisplay, RichDisplay, observing
from .records import ArticleSummary

__all__ = ["cli", "main"]

log = logging.getLogger("summarizer")


EXIT_CODES = """\
exit codes:
  0    done
  1    some article failed (the others are written), or eval fell below --baseline
  2    usage or bad input: an unknown option, a missing or unreadable file or folder, a bad setting
  3    the model server could not be started or reached, or stopped answering
  4    the model's answers could not be turned into records after every retry
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM)
"""

MODEL_OPTIONS = ("backend", "base_url", "model", "api_key", "model_file", "timeout", "retries", "threads", "context",
                 "seed", "server_args", "cache_dir", "no_cache")  # fmt: skip
SERVE_OPTIONS = ("model_file", "threads", "context", "server_args", "cache_dir")
"""What applies to ``serve``: the local model and its server, not a remote backend or a cache of answers."""


def _model_options(parser: argparse.ArgumentParser, only: Sequence[str] = MODEL_OPTIONS) -> None:
    group = parser.add_argument_group("model (option > environment variable > default)")
    options: dict[str, Callable[[], object]] = {
        "backend": lambda: group.add_argument(
            "--backend", choices=["embedded", "openai"],
            help="embedded llama.cpp, or openai for OpenAI and any OpenAI-compatible server "
            "(SUMMARIZER_BACKEND; default embedded, openai when a base URL is set)"),
        "base_url": lambda: group.add_argument(
            "--base-url", metavar="URL",
            help="an OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 (SUMMARIZER_BASE_URL, OPENAI_BASE_URL)"),
        "model": lambda: group.add_argument(
            "--model", help="model name on the server (SUMMARIZER_MODEL; default: the server's first model)"),
        "api_key": lambda: group.add_argument(
            "--api-key", help="API key (SUMMARIZER_API_KEY, OPENAI_API_KEY); never logged or cached"),
        "model_file": lambda: group.add_argument(
            "--model-file", type=Path, metavar="GGUF",
            help="serve this local GGUF through the embedded backend (SUMMARIZER_MODEL_FILE)"),
        "timeout": lambda: group.add_argument(
            "--timeout", type=float, metavar="S", help="seconds per model call (SUMMARIZER_TIMEOUT; default 180)"),
        "retries": lambda: group.add_argument(
            "--retries", type=int, metavar="N",
            help="re-asks and retries per call (SUMMARIZER_RETRIES; default 2)"),
        "threads": lambda: group.add_argument(
            "--threads", type=int, metavar="N",
            help="CPU threads of the embedded model (SUMMARIZER_THREADS; default all cores)"),
        "context": lambda: group.add_argument(
            "--context", type=int, metavar="TOKENS",
            help="context size of the embedded model (SUMMARIZER_CONTEXT; default 4096)"),
        "seed": lambda: group.add_argument(
            "--seed", type=int, help="sampling seed sent with every call (SUMMARIZER_SEED; default 0)"),
        "server_args": lambda: group.add_argument(
            "--server-args", metavar="ARGS",
            help='more llama.cpp server settings, e.g. "--n_gpu_layers 99" (SUMMARIZER_SERVER_ARGS)'),
        "cache_dir": lambda: group.add_argument(
            "--cache-dir", type=Path, metavar="DIR",
            help="where the model and the response cache live (SUMMARIZER_CACHE_DIR; default ~/.cache/summarizer)"),
        "no_cache": lambda: group.add_argument(
            "--no-cache", action="store_true",
            help="do not read or write the response cache (SUMMARIZER_CACHE=0)"),
    }  # fmt: skip
    for name in only:
        options[name]()


def _verbosity(parser: argparse.ArgumentParser, *, sub: bool) -> None:
    prefix = "sub_" if sub else ""
    parser.add_argument("-v", "--verbose", dest=f"{prefix}verbose", action="count", default=0,
                        help="more log lines on stderr (-vv for debug)")  # fmt: skip
    parser.add_argument("-q", "--quiet", dest=f"{prefix}quiet", action="count", default=0,
                        help="errors only on stderr: no progress, notices or warnings")  # fmt: skip


def _input_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of .txt files; - for stdin")
    parser.add_argument("--published", help="publication date YYYY-MM-DD for articles without a date header")
    parser.add_argument("--id", dest="stdin_id", metavar="NAME", help="article id of the article read from - (stdin)")
    parser.add_argument(
        "--types", metavar="TYPES",
        help="extract only these record types, a comma list of meetings, demands, casualties "
        "(the others' questions are not asked; their lists stay empty)",
    )  # fmt: skip
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write here (replaced when the run ends; - for stdout, the default)")  # fmt: skip
    parser.add_argument("--append", action="store_true", help="add to the -o file instead of replacing it")


def _subcommand(sub: Any, name: str, summary: str, examples: str, **kwargs: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=summary, description=summary, epilog=f"examples:\n{examples}\n\n{EXIT_CODES}",
        formatter_class=argparse.RawDescriptionHelpFormatter, **kwargs,
    )  # fmt: skip
    _verbosity(parser, sub=True)
    return parser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarizer",
        description="Turn news articles in any language into grounded records and an English brief.",
        epilog="examples:\n"
        "  summarizer extract seeds -o out.jsonl\n"
        "  summarizer extract seeds | summarizer digest - --html digest.html\n"
        "  summarizer info\n"
        "run 'summarizer COMMAND --help' for a command's options and examples.\n\n" + EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"summarizer {__version__}")
    _verbosity(parser, sub=False)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = _subcommand(sub, "extract", "extract records (JSON) from articles",
        "  summarizer extract seeds -o out.jsonl              # one ArticleSummary a line; a rerun replaces it\n"
        "  summarizer extract seeds -o out.jsonl --resume     # continue an interrupted run\n"
        "  summarizer extract --types casualties article.txt  # only casualty figures\n"
        "  curl -s URL | summarizer extract - --id story-42   # stdin, named")  # fmt: skip
    _input_options(extract)
    extract.add_argument("--format", choices=["json", "jsonl"], help="default: jsonl for several articles or .jsonl")
    extract.add_argument("--resume", action="store_true", help="skip article ids already in the -o JSONL file")
    extract.add_argument("--jobs", type=int, metavar="N",
                         help="articles sent at once to a remote server (SUMMARIZER_JOBS; default 1)")  # fmt: skip
    _model_options(extract)

    brief = _subcommand(sub, "brief", "an English Markdown brief per article",
        "  summarizer brief seeds/002_492a296c2b99c6ab.txt\n"
        "  summarizer brief seeds -o briefs.md")  # fmt: skip
    _input_options(brief)
    _model_options(brief)

    evaluate = _subcommand(sub, "eval", "score extractions against gold data",
        "  summarizer eval --split test\n"
        "  summarizer eval --split dev --save-predictions dev.jsonl\n"
        "  summarizer eval --split dev --predictions dev.jsonl --html dev.html   # rescore, no model\n"
        "  summarizer eval --split seeds --report - | jq .splits.seeds.headline")  # fmt: skip
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
    evaluate.add_argument("--report", type=Path, metavar="FILE", help="write the JSON report here (- for stdout)")
    evaluate.add_argument("--html", type=Path, metavar="FILE",
                          help="write the report as one self-contained HTML page: figures, and every article with "
                          "gold and predicted evidence side by side (- for stdout)")  # fmt: skip
    evaluate.add_argument("--save-predictions", type=Path, metavar="FILE",
                          help="write the extracted records here (JSONL; - for stdout)")  # fmt: skip
    evaluate.add_argument("--baseline", type=Path, help="fail when a headline figure falls below this report")
    evaluate.add_argument("--tolerance", type=float, default=0.05, help="allowed drop below the baseline (0.05)")
    _model_options(evaluate)

    digest = _subcommand(sub, "digest", "merge many articles into one English timeline",
        "  summarizer digest out.jsonl -o digest.md --html digest.html --json digest.json\n"
        "  summarizer extract seeds | summarizer digest -\n"
        "  summarizer digest out.jsonl --json - | jq '.meetings | length'")  # fmt: skip
    digest.add_argument("source", type=Path,
                        help="a folder of articles (extracted first), a JSONL of summaries, or - for JSONL on stdin")  # fmt: skip
    digest.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="Markdown digest here (default stdout, unless another option takes it)")  # fmt: skip
    digest.add_argument("--json", type=Path, metavar="FILE",
                        help="also write the merged events as JSON (schemas/Digest.json; - for stdout)")  # fmt: skip
    digest.add_argument("--html", type=Path, metavar="FILE", help="also write a self-contained HTML page (- for stdout)")
    digest.add_argument("--articles", type=Path, help="folder of the article files (for the HTML text view)")
    digest.add_argument("--published", help="publication date YYYY-MM-DD for articles without a date header")
    _model_options(digest)

    schemas = _subcommand(sub, "schemas", "write the JSON Schemas of the records",
        "  summarizer schemas                 # into the source checkout's schemas/\n"
        "  summarizer schemas -o /tmp/schemas")  # fmt: skip
    schemas.add_argument("-o", "--output", type=Path, metavar="DIR",
                         help="folder (default: schemas/ of the source checkout)")  # fmt: skip

    serve = _subcommand(sub, "serve", "run the embedded model server in the foreground",
        "  summarizer serve --port 8080 &\n"
        "  summarizer extract --base-url http://127.0.0.1:8080/v1 article.txt")  # fmt: skip
    serve.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (default 8080)")
    _model_options(serve, SERVE_OPTIONS)

    info = _subcommand(sub, "info", "show the backend, model, server, cache and versions a run would use, and why",
        "  summarizer info\n"
        "  OPENAI_BASE_URL=http://127.0.0.1:11434/v1 summarizer info\n"
        "  summarizer info --json | jq -r '.[] | select(.name==\"backend\") | .reason'")  # fmt: skip
    info.add_argument("--json", action="store_true", help="one JSON list of {name, value, reason}")
    _model_options(info)

    cache = _subcommand(sub, "cache", "manage the response cache",
        "  summarizer cache path\n"
        "  summarizer cache clear")  # fmt: skip
    cache.add_argument("action", choices=["clear", "path"])
    cache.add_argument("--cache-dir", type=Path, metavar="DIR", help="cache folder (SUMMARIZER_CACHE_DIR)")
    return parser


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
    from .info import environment_switch

    explicit = _explicit(args)
    settings = resolve_settings(**explicit)
    notice = environment_switch(settings, explicit)
    if notice:
        _notify(f"notice: {notice}")
    return settings


class _Progress:
    """Model assembly progress on stderr: a rewritten line on a terminal, a few lines otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.tty = sys.stderr.isatty()
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        if _QUIET:
            return
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


_QUIET = False
_DISPLAY: PlainDisplay | RichDisplay | None = None


def _notify(line: str) -> None:
    """Progress, notice and error lines of a run, on stderr (stdout carries the results); with
    -q only errors."""
    if _QUIET and not line.startswith("error"):
        return
    text = f"summarizer: {line}"
    if _DISPLAY is not None:
        _DISPLAY.line(text)
    else:
        print(text, file=sys.stderr, flush=True)


def _progress() -> Callable[[int, int], None]:
    return _Progress("assembling the embedded model (first run only)")


@contextlib.contextmanager
def _question_progress() -> Iterator[None]:
    """Progress inside each article on stderr: live bars on a terminal, plain lines otherwise."""
    global _DISPLAY
    if _QUIET:
        yield
        return
    display: PlainDisplay | RichDisplay = RichDisplay() if sys.stderr.isatty() else PlainDisplay(sys.stderr)
    with display, observing(display):
        _DISPLAY = display
        try:
            yield
        finally:
            _DISPLAY = None


def _is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == "-"


def _one_stdout(*options: tuple[str, Path | None]) -> None:
    taken = [name for name, path in options if _is_stdout(path)]
    if len(taken) > 1:
        raise ConfigError(f"only one output can go to stdout (-): {', '.join(taken)}")


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
    from .digest import write_digest_schema
    from .evaluate.splits import project_root
    from .records import write_schemas

    folder = args.output
    if folder is None:
        root = project_root()
        if not (root / "summarizer").is_dir() or not (root / "schemas").is_dir():
            raise ConfigError("no source checkout with a schemas/ folder here or above: pass -o FOLDER")
        folder = root / "schemas"
    for path in [*write_schemas(folder), write_digest_schema(folder)]:
        print(path)
    return 0


def _write_text(path: Path, text: str) -> None:
    if _is_stdout(path):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from .io import write_text_atomic

    write_text_atomic(path, text)


def _stdin_summaries() -> list[ArticleSummary]:
    """``ArticleSummary`` JSONL (or one JSON document) from stdin, as ``summarizer extract`` writes it."""
    from pydantic import ValidationError

    text = sys.stdin.read()
    if not text.strip():
        raise ConfigError("<stdin>: no summaries (expected the JSONL of summarizer extract)")
    if text.lstrip().startswith("["):  # extract --format json of several articles
        try:
            items = [json.dumps(item) for item in json.loads(text)]
        except (ValueError, TypeError) as exc:
            raise ConfigError(f"<stdin>: invalid JSON ({exc})") from None
        lines = list(enumerate(items, 1))
    else:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) > 1 and not lines[1][1].lstrip().startswith("{"):
            lines = [(1, text)]  # one indented JSON document
    summaries = []
    for number, line in lines:
        try:
            summaries.append(ArticleSummary.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ConfigError(f"<stdin>:{number}: not an ArticleSummary ({first.get('msg', 'invalid')})") from None
    return summaries


def _cmd_digest(args: argparse.Namespace) -> int:
    from .articles import read_article
    from .batch import ARTICLE_SUFFIXES, expand_paths, run_batch
    from .digest import build_digest
    from .io import load_summaries
    from .render.digest import render_digest_markdown
    from .render.html import render_html

    _one_stdout(("-o", args.output), ("--json", args.json), ("--html", args.html))
    source: Path = args.source
    articles_dir = args.articles
    if _is_stdout(source):
        summaries = _stdin_summaries()
    elif not source.exists():
        raise ConfigError(f"{source}: no such file or folder")
    elif source.is_dir() and any(p.suffix.lower() in ARTICLE_SUFFIXES for p in source.iterdir()):
        articles_dir = articles_dir or source
        summaries = []
        with _question_progress():
            code = run_batch([str(source)], _settings(args), published=args.published, progress=_progress(),
                             notify=_notify, on_summary=summaries.append)  # fmt: skip
        if code != 0 and not summaries:
            return code
    else:
        summaries = load_summaries(source)
    digest = build_digest(summaries)
    markdown = render_digest_markdown(digest)
    if args.output is not None or not (_is_stdout(args.json) or _is_stdout(args.html)):
        _write_text(args.output or Path("-"), markdown)
    if args.json:
        _write_text(args.json, digest.model_dump_json(indent=2) + "\n")
    if args.html:
        texts: dict[str, str] = {}
        if articles_dir is not None:
            for name in expand_paths([str(articles_dir)]):
                try:
                    article = read_article(name, published=args.published)
                except SummarizerError:
                    continue
                texts[article.article_id] = article.text
        _write_text(args.html, render_html(digest, summaries, texts))
    return 0


def _cmd_cache(args: argparse.Namespace) -> int:
    from .llm import ResponseCache, clear_slot_states

    settings = resolve_settings(cache_dir=args.cache_dir)
    folder = settings.cache_dir / "responses"
    if args.action == "path":
        print(folder)
        return 0
    responses = ResponseCache(folder).clear()
    slots = clear_slot_states(settings.cache_dir / "slots")
    print(f"removed {responses} cached responses from {folder} and {slots} saved prompt prefixes")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    import dataclasses
    import json

    from .info import describe

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
    from .llm import start_embedded_server

    settings = resolve_settings(**{**_explicit(args), "backend": "embedded"})  # a base URL does not apply
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
    output = None if _is_stdout(args.output) else args.output
    with _question_progress():
        return run_batch(
            args.paths,
            settings,
            output=output,
            fmt=fmt,
            published=args.published,
            resume=getattr(args, "resume", False),
            append=args.append,
            progress=_progress(),
            stdout=sys.stdout,
            notify=_notify,
            types=_types(args),
            stdin_id=args.stdin_id,
        )


def _eval_sets(args: argparse.Namespace) -> list:  # list[EvalSet]
    from .evaluate.splits import EvalSet, project_root, resolve_splits

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
    from . import progress
    from .articles import Article
    from .evaluate.report import compare_to_baseline, load_report
    from .evaluate.runner import run_eval_sets
    from .evaluate.table import format_table
    from .extract import ExtractionResult, ExtractionStats, extract_article
    from .io import load_predictions, load_stats, save_stats

    _one_stdout(("--report", args.report), ("--html", args.html), ("--save-predictions", args.save_predictions))
    # A result on stdout (for jq or a pipe) moves the readable table to stderr.
    table_stream = sys.stderr if any(_is_stdout(p) for p in (args.report, args.html, args.save_predictions)) else None
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
        from .llm import open_client

        settings = _settings(args)
        captured: list[ArticleSummary] = []
        captured_stats: dict[str, ExtractionStats] = {}

        with _question_progress(), open_client(settings, _progress()) as client:

            def extract(article: Article) -> ExtractionResult:
                result = extract_article(article, client)
                captured.append(result.summary)
                captured_stats[article.article_id] = result.stats
                progress.article_done(article.article_id, result.stats.seconds)
                _notify(f"{article.article_id}: {result.stats.seconds:.1f} s, {result.stats.calls} questions")
                return result

            report = run_eval_sets(sets, extract=extract)
        predictions = {s.article_id: s for s in captured}
        if args.save_predictions:
            _write_text(args.save_predictions, "".join(s.model_dump_json() + "\n" for s in captured))
            if not _is_stdout(args.save_predictions):
                save_stats(args.save_predictions.with_name(args.save_predictions.name + ".stats.json"), captured_stats)
    print(format_table(report), file=table_stream)
    if args.report:
        _write_text(args.report, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        if not _is_stdout(args.report):
            _notify(f"report written to {args.report}")
    if args.html:
        from .render.eval_html import render_eval_html

        _write_text(args.html, render_eval_html(report, sets, predictions))
        if not _is_stdout(args.html):
            _notify(f"HTML report written to {args.html}")
    if baseline is not None:
        regressions = compare_to_baseline(report, baseline, tolerance=args.tolerance)
        if regressions:
            print(f"REGRESSION against {args.baseline} (tolerance {args.tolerance}):", file=sys.stderr)
            for line in regressions:
                print(f"  {line}", file=sys.stderr)
            return 1
        print(f"no regression against {args.baseline} (tolerance {args.tolerance})", file=table_stream)
    return 0


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that every cleanup runs as for Ctrl-C; exit 143."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def cli(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (see ``EXIT_CODES``)."""
    global _QUIET
    args = _parser().parse_args(argv)
    verbose = args.verbose + args.sub_verbose
    _QUIET = bool(args.quiet + args.sub_quiet) and not verbose
    level = logging.ERROR if _QUIET else logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="summarizer: %(message)s", stream=sys.stderr, force=True)
    for noisy in ("httpx", "openai", "instructor", "httpcore"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "extract": _cmd_extract,
        "brief": lambda a: _cmd_extract(a, brief=True),
        "eval": _cmd_eval,
        "digest": _cmd_digest,
        "schemas": _cmd_schemas,
        "serve": _cmd_serve,
        "info": _cmd_info,
        "cache": _cmd_cache,
    }
    try:
        return commands[args.command](args)
    except SummarizerError as exc:
        print(f"summarizer: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except Terminated:
        print("summarizer: terminated", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("summarizer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file named on the command line that cannot be read or written
        print(f"summarizer: error: {exc}", file=sys.stderr)
        return 2


def main() -> None:
    signal.signal(signal.SIGTERM, _terminate)
    sys.exit(cli())
