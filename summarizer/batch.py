"""Run the extractor over many articles: each finished article is written at once, a failure
on one article is recorded and the batch goes on, and a summary closes the run."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from . import progress as progress_events
from .api import extract_many
from .articles import ARTICLE_SUFFIXES, Article, expand_paths, read_article
from .config import Settings
from .errors import ArticleError, ConfigError, SummarizerError
from .extract import ExtractionResult, extract_article
from .records import ArticleSummary
from .render import render_brief

__all__ = ["ARTICLE_SUFFIXES", "BatchReport", "expand_paths", "run_batch"]

log = logging.getLogger(__name__)


@dataclass
class BatchReport:
    done: int = 0
    skipped: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def line(self) -> str:
        per = f", {statistics.mean(self.seconds):.1f} s per article" if self.seconds else ""
        return f"done {self.done}, skipped {self.skipped}, failed {len(self.failed)}{per}"


def _done_ids(path: Path) -> set[str]:
    ids: set[str] = set()
    if not path.is_file():
        return ids
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            ids.add(str(json.loads(line)["article_id"]))
        except (ValueError, KeyError, TypeError):
            continue  # a torn last line from an interrupted run is simply redone
    return ids


def _drop_torn_tail(path: Path) -> None:
    """Cut a partial last line left by an interrupted run, so appended lines stay valid JSONL."""
    if not path.is_file():
        return
    with path.open("rb+") as stream:
        data = stream.read()
        if data and not data.endswith(b"\n"):
            stream.truncate(data.rfind(b"\n") + 1)


class _Sink:
    """Where results go: JSONL lines or Markdown as each article finishes, or a JSON document at
    the end. A file is written beside its target and renamed over it when the run ends, so a
    rerun replaces it instead of appending, and a failed or interrupted run never destroys what
    was there; ``append`` (``--resume``, ``--append``) adds to the file instead."""

    def __init__(
        self,
        fmt: str,
        output: Path | None,
        stdout: IO[str],
        *,
        append: bool = False,
        on_summary: Callable[[ArticleSummary], None] | None = None,
    ) -> None:
        self.fmt = fmt
        self.on_summary = on_summary
        self.output = output
        self.stdout = stdout
        self.collected: list[dict[str, object]] = []
        self.stream: IO[str] | None = None
        self.tmp: Path | None = None
        self.existed = output is not None and output.exists()
        self.written = 0
        if on_summary is not None:
            return
        if output is None:
            self.stream = stdout if fmt in {"jsonl", "markdown"} else None
            return
        output.parent.mkdir(parents=True, exist_ok=True)
        if append:
            if fmt == "jsonl":
                _drop_torn_tail(output)
            self.stream = output.open("a", encoding="utf-8")
            return
        self.tmp = output.with_name(f".{output.name}.tmp-{os.getpid()}")
        self.stream = self.tmp.open("w", encoding="utf-8")

    def write(self, summary: ArticleSummary) -> None:
        self.written += 1
        if self.on_summary is not None:
            self.on_summary(summary)
            return
        if self.fmt == "json":
            self.collected.append(summary.model_dump(mode="json"))
            return
        assert self.stream is not None
        self.stream.write(summary.model_dump_json() + "\n" if self.fmt == "jsonl" else render_brief(summary) + "\n")
        self.stream.flush()

    def close(self, *, completed: bool) -> bool:
        """Finish the output; return False when an interrupted run left an existing file as it was."""
        if self.fmt == "json" and self.collected:
            document: object = self.collected[0] if len(self.collected) == 1 else self.collected
            text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
            (self.stream or self.stdout).write(text)
        if self.stream is not None and self.stream is not self.stdout:
            self.stream.close()
        if self.tmp is None or self.output is None:
            return True
        # Nothing written: keep what was there. Interrupted: keep an existing file whole (every
        # finished answer is cached, so a rerun repeats them without the model), but a new file
        # gets the finished articles, ready for --resume.
        if self.written and (completed or not self.existed):
            self.tmp.replace(self.output)
            return True
        self.tmp.unlink(missing_ok=True)
        return completed or not self.existed


def run_batch(
    paths: list[str],
    settings: Settings,
    *,
    output: Path | None = None,
    fmt: str | None = None,
    published: str | None = None,
    resume: bool = False,
    append: bool = False,
    progress: Callable[[int, int], None] | None = None,
    stdout: IO[str] | None = None,
    extract: Callable[[Article], ExtractionResult] | None = None,
    notify: Callable[[str], None] | None = None,
    types: Collection[str] | None = None,
    stdin_id: str | None = None,
    on_summary: Callable[[ArticleSummary], None] | None = None,
) -> int:
    """Extract every article in ``paths``; return the exit code (0 all done, 1 some failed,
    2 no article could be read).

    ``output`` is replaced when the run ends (see ``_Sink``) unless ``resume`` (skip the article
    ids already in it, and append) or ``append``; with ``on_summary``, summaries are handed to
    it instead of written. ``types`` limits the record types extracted; ``stdin_id`` names the
    article read from ``-``."""
    stdout = stdout or sys.stdout
    say = notify or (lambda line: log.info("%s", line))
    names = list(expand_paths(paths))
    if fmt is None:
        fmt = "jsonl" if len(names) > 1 or (output is not None and output.suffix == ".jsonl") else "json"
    if resume and (output is None or fmt != "jsonl"):
        raise ConfigError("--resume needs -o FILE.jsonl")
    if append and (output is None or fmt == "json"):
        raise ConfigError("--append needs -o FILE with JSONL or Markdown output")
    report = BatchReport()
    skip = _done_ids(output) if resume and output is not None else set()
    articles: list[Article] = []
    for name in names:
        try:
            article = read_article(name, published=published)
            if name == "-" and stdin_id:
                article = dataclasses.replace(article, article_id=stdin_id)
        except ArticleError as exc:
            say(f"error: {exc}")
            report.failed.append({"article": name, "error": type(exc).__name__, "message": str(exc)})
            continue
        if article.article_id in skip:
            report.skipped += 1
            continue
        articles.append(article)
    if not articles:
        if report.failed and not report.skipped:
            return 2
        if len(names) > 1:
            say(report.line())
        return 1 if report.failed else 0
    sink = _Sink(fmt, output, stdout, append=resume or append, on_summary=on_summary)
    completed = False
    progress_events.batch_started(len(articles))
    try:
        if extract is not None:
            _extract_all(articles, extract, sink, report, say, failures_dir=settings.cache_dir / "failures")
        else:
            from .llm import articles_at_once, open_client

            with open_client(settings, progress) as client:
                jobs = articles_at_once(settings)
                _extract_all(articles, lambda a: extract_article(a, client, types=types), sink, report, say,
                             jobs=jobs, failures_dir=settings.cache_dir / "failures")  # fmt: skip
        completed = True
    finally:
        if not sink.close(completed=completed):
            say(f"{output} left as it was (rerun it: finished articles come from the response cache)")
    if len(names) > 1:
        say(report.line())
    return 1 if report.failed else 0


def _save_failures(folder: Path, article_id: str, failed: list[dict[str, str]]) -> Path:
    """Keep the model's last raw output of every failed question for inspection."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{article_id}.json"
    path.write_text(json.dumps(failed, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _extract_all(
    articles: list[Article],
    extract: Callable[[Article], ExtractionResult],
    sink: _Sink,
    report: BatchReport,
    say: Callable[[str], None],
    *,
    jobs: int = 1,
    failures_dir: Path | None = None,
) -> None:
    total = len(articles)
    started_batch = time.perf_counter()
    for number, (article, outcome) in enumerate(extract_many(articles, extract=extract, jobs=jobs), 1):
        if isinstance(outcome, SummarizerError):
            exc = outcome
            if exc.exit_code == 3:  # the backend is gone: later articles would fail the same way
                raise exc
            progress_events.article_done(article.article_id, None)
            say(f"error: {article.article_id}: {exc}")
            report.failed.append({"article": article.article_id, "error": type(exc).__name__, "message": str(exc)})
            continue
        result = outcome
        seconds = result.stats.seconds
        sink.write(result.summary)
        progress_events.article_done(article.article_id, seconds)
        if result.stats.failed_questions and failures_dir is not None:
            saved = _save_failures(failures_dir, article.article_id, result.stats.failed_questions)
            say(f"warning: {article.article_id}: {len(result.stats.failed_questions)} question(s) got no valid "
                f"answer and were skipped; the model's last output is in {saved}")  # fmt: skip
        report.done += 1
        report.seconds.append(seconds)
        s = result.summary
        st = result.stats
        elapsed = time.perf_counter() - started_batch
        remaining = elapsed / number * (total - number)
        say(
            f"[{number}/{total}] {article.article_id}: {seconds:.1f} s, {len(s.meetings)} meetings, "
            f"{len(s.demands)} demands, {len(s.casualties)} casualties ({st.calls} calls, {st.cached_calls} cached, "
            f"{st.prompt_tokens}+{st.completion_tokens} tokens) · {elapsed:.0f} s elapsed, ~{remaining:.0f} s left"
        )
