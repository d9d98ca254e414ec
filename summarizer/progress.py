"""Progress inside a run: which article, which question, how long, for a display to show.

The library never prints. The pipeline says what it is about to ask (``planned``) and wraps its
client (``watched``) so that every question is seen; the batch says how many articles there are
(``batch_started``) and when each is done (``article_done``). An observer installed with
``observing`` (the CLI's display) receives these events; without one they cost nothing.

Two displays ship here for the CLI, which owns the stream they write to: ``RichDisplay`` (a live
bar per article in flight, on a terminal) and ``PlainDisplay`` (whole lines, for CI logs and pipes).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

__all__ = [
    "Observer",
    "PlainDisplay",
    "RichDisplay",
    "article_done",
    "batch_started",
    "observing",
    "planned",
    "watched",
]


class Observer(Protocol):
    """What a display is told. Events of several articles may interleave (``--jobs``)."""

    def batch_started(self, articles: int) -> None: ...
    def planned(self, article_id: str, questions: Mapping[str, int]) -> None: ...
    def asking(self, article_id: str, kind: str) -> None: ...
    def answered(self, article_id: str, kind: str) -> None: ...
    def article_done(self, article_id: str, seconds: float | None) -> None: ...


_observer: Observer | None = None


@contextlib.contextmanager
def observing(observer: Observer) -> Iterator[Observer]:
    """Send the progress events of everything run inside the block to ``observer``."""
    global _observer
    previous, _observer = _observer, observer
    try:
        yield observer
    finally:
        _observer = previous


def batch_started(articles: int) -> None:
    if _observer is not None:
        _observer.batch_started(articles)


def planned(article_id: str, questions: Mapping[str, int]) -> None:
    """The questions about to be asked of one article, by kind (at most: repeats are asked once)."""
    if _observer is not None:
        _observer.planned(article_id, {kind: n for kind, n in questions.items() if n})


def article_done(article_id: str, seconds: float | None) -> None:
    """One article finished in ``seconds``, or failed (``None``)."""
    if _observer is not None:
        _observer.article_done(article_id, seconds)


class _Watched:
    """A client that tells the observer of every question before and after it is asked."""

    def __init__(self, inner: Any, article_id: str, observer: Observer) -> None:
        self._inner = inner
        self._article_id = article_id
        self._observer = observer

    def ask(self, messages: list[dict[str, str]], response_model: Any, **kwargs: Any) -> Any:
        kind = str(kwargs.get("label") or "question")
        self._observer.asking(self._article_id, kind)
        try:
            return self._inner.ask(messages, response_model, **kwargs)
        finally:
            self._observer.answered(self._article_id, kind)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def watched(client: Any, article_id: str) -> Any:
    """``client`` itself when nobody observes, else a wrapper reporting each question."""
    return client if _observer is None else _Watched(client, article_id, _observer)


# -- displays (the CLI chooses one and owns its stream) ----------------------------------------


@dataclass
class _Article:
    started: float
    total: int = 0
    done: int = 0
    kind: str = ""
    number: int = 0


@dataclass
class _Batch:
    """Counts shared by both displays, and the ETA over the batch."""

    clock: Any = time.monotonic
    articles: int = 0
    finished: int = 0
    failed: int = 0
    seconds: float = 0.0
    started: int = 0
    current: dict[str, _Article] = field(default_factory=dict)

    def begin(self, article_id: str) -> _Article:
        if article_id not in self.current:
            self.started += 1
            self.current[article_id] = _Article(started=self.clock(), number=self.started)
        return self.current[article_id]

    def end(self, article_id: str, seconds: float | None) -> None:
        self.current.pop(article_id, None)
        if seconds is None:  # failed: it is over, but its time says nothing of the others
            self.failed += 1
            return
        self.finished += 1
        self.seconds += seconds

    def eta(self, article: _Article) -> float | None:
        """Seconds left in the whole batch, from the articles done (or this one's question rate)."""
        elapsed = self.clock() - article.started
        if self.finished:
            per_article = self.seconds / self.finished
        elif article.done and article.total:
            per_article = elapsed * article.total / article.done
        else:
            return None
        remaining_articles = max(self.articles - self.finished - self.failed - 1, 0) if self.articles else 0
        return max(per_article - elapsed, 0.0) + per_article * remaining_articles

    def label(self, article_id: str, article: _Article) -> str:
        of = f"[{article.number}/{self.articles}] " if self.articles else ""
        return f"{of}{article_id}"


def _eta_text(seconds: float | None) -> str:
    if seconds is None:
        return "ETA unknown"
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"ETA {minutes}:{secs:02d}" if minutes else f"ETA {secs} s"


class PlainDisplay:
    """Whole lines on ``stream``: when an article turns to another kind of question, and every
    ``every`` questions; nothing is rewritten, so CI logs and pipes stay readable."""

    def __init__(self, stream: IO[str], *, every: int = 10, clock: Any = time.monotonic) -> None:
        self.stream = stream
        self.every = every
        self.state = _Batch(clock=clock)
        self.lock = threading.Lock()

    def __enter__(self) -> PlainDisplay:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def line(self, text: str) -> None:
        with self.lock:
            print(text, file=self.stream, flush=True)

    def batch_started(self, articles: int) -> None:
        self.state.articles += articles

    def planned(self, article_id: str, questions: Mapping[str, int]) -> None:
        with self.lock:
            self.state.begin(article_id).total += sum(questions.values())

    def asking(self, article_id: str, kind: str) -> None:
        with self.lock:
            article = self.state.begin(article_id)
            changed = kind != article.kind
            article.kind = kind
            if not changed and (article.done == 0 or article.done % self.every):
                return
            elapsed = self.state.clock() - article.started
            text = (
                f"summarizer: {self.state.label(article_id, article)}: {kind} question {article.done + 1}"
                f"/{max(article.total, article.done + 1)}, {elapsed:.0f} s, {_eta_text(self.state.eta(article))}"
            )
            print(text, file=self.stream, flush=True)

    def answered(self, article_id: str, kind: str) -> None:
        with self.lock:
            self.state.begin(article_id).done += 1

    def article_done(self, article_id: str, seconds: float | None) -> None:
        with self.lock:
            self.state.end(article_id, seconds)


class RichDisplay:
    """A live bar per article in flight (questions asked / planned, current kind, elapsed, ETA
    over the batch) on a ``rich`` console; ``line`` prints above the bars."""

    def __init__(self, console: Any = None, *, clock: Any = time.monotonic) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = console or Console(stderr=True)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(bar_width=24),
            MofNCompleteColumn(),
            TextColumn("questions · {task.fields[kind]}"),
            TimeElapsedColumn(),
            TextColumn("{task.fields[eta]}"),
            console=self.console,
            transient=True,
        )
        self.state = _Batch(clock=clock)
        self.tasks: dict[str, Any] = {}
        self.lock = threading.Lock()

    def __enter__(self) -> RichDisplay:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def line(self, text: str) -> None:
        self.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def _task(self, article_id: str) -> Any:
        article = self.state.begin(article_id)
        if article_id not in self.tasks:
            self.tasks[article_id] = self.progress.add_task(
                self.state.label(article_id, article), total=None, kind="", eta=""
            )
        return self.tasks[article_id]

    def _refresh(self, article_id: str) -> None:
        article = self.state.current[article_id]
        self.progress.update(
            self._task(article_id),
            completed=article.done,
            total=max(article.total, article.done) or None,
            kind=article.kind,
            eta=_eta_text(self.state.eta(article)),
        )

    def batch_started(self, articles: int) -> None:
        self.state.articles += articles

    def planned(self, article_id: str, questions: Mapping[str, int]) -> None:
        with self.lock:
            self._task(article_id)
            self.state.current[article_id].total += sum(questions.values())
            self._refresh(article_id)

    def asking(self, article_id: str, kind: str) -> None:
        with self.lock:
            self._task(article_id)
            self.state.current[article_id].kind = kind
            self._refresh(article_id)

    def answered(self, article_id: str, kind: str) -> None:
        with self.lock:
            self._task(article_id)
            self.state.current[article_id].done += 1
            self._refresh(article_id)

    def article_done(self, article_id: str, seconds: float | None) -> None:
        with self.lock:
            self.state.end(article_id, seconds)
            task = self.tasks.pop(article_id, None)
            if task is not None:
                self.progress.remove_task(task)
