"""The ``summarizer`` command line's options: subcommands, model options with their environment
variables, examples and the exit codes in every ``--help``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import __version__

__all__ = ["EXIT_CODES", "MODEL_OPTIONS", "SERVE_OPTIONS", "build_parser"]


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


def build_parser() -> argparse.ArgumentParser:
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
