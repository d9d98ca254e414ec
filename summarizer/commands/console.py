"""The terminal of a command: progress, notice and error lines on stderr, results on stdout where
an output is ``-``, summaries read from stdin."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import ConfigError
from ..progress import PlainDisplay, RichDisplay, observing
from ..records import ArticleSummary

__all__ = [
    "is_stdout",
    "model_progress",
    "notify",
    "one_stdout",
    "question_progress",
    "set_quiet",
    "stdin_summaries",
    "write_text",
]


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


def set_quiet(quiet: bool) -> None:
    """With ``quiet`` (-q) only error lines reach stderr: no progress, notices or warnings."""
    global _QUIET
    _QUIET = quiet


def notify(line: str) -> None:
    """Progress, notice and error lines of a run, on stderr (stdout carries the results); with
    -q only errors."""
    if _QUIET and not line.startswith("error"):
        return
    text = f"summarizer: {line}"
    if _DISPLAY is not None:
        _DISPLAY.line(text)
    else:
        print(text, file=sys.stderr, flush=True)


def model_progress() -> Callable[[int, int], None]:
    return _Progress("assembling the embedded model (first run only)")


@contextlib.contextmanager
def question_progress() -> Iterator[None]:
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


def is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == "-"


def one_stdout(*options: tuple[str, Path | None]) -> None:
    taken = [name for name, path in options if is_stdout(path)]
    if len(taken) > 1:
        raise ConfigError(f"only one output can go to stdout (-): {', '.join(taken)}")


def write_text(path: Path, text: str) -> None:
    if is_stdout(path):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from ..io import write_text_atomic

    write_text_atomic(path, text)


def stdin_summaries() -> list[ArticleSummary]:
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
