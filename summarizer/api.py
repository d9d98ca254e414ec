"""The library's front door: one article or many, in, records out.

``extract`` reads one article (a path or its text) and returns its ``ArticleSummary``;
``extract_many`` is the one loop over many articles that the CLI, the eval, the benchmark and
the digest all use: it yields each article with its result or its error, in input order.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .articles import Article, expand_paths, parse_article, read_article
from .config import Settings, resolve_settings
from .errors import SummarizerError
from .extract import ExtractionResult, extract_article
from .extract.passes import Asker
from .records import ArticleSummary

__all__ = ["Outcome", "extract", "extract_many"]

Outcome = ExtractionResult | SummarizerError
"""What ``extract_many`` yields for one article: its result (summary and stats) or its error."""

Extractor = Callable[[Article], ExtractionResult]


def _is(test: str, source: str | Path) -> bool:
    """``Path(source).is_file()`` or ``.is_dir()``; False for text no path could be."""
    try:
        return bool(getattr(Path(source), test)())
    except (OSError, ValueError):  # too long for a file name, or a NUL in it
        return False


def _as_article(source: str | Path | Article, published: str | None) -> Article:
    """An ``Article`` from an ``Article``, a ``Path``, a string naming a file (or ``-``), or the text itself."""
    if isinstance(source, Article):
        return source
    if isinstance(source, Path) or source == "-" or ("\n" not in source and _is("is_file", source)):
        return read_article(source, published=published)
    return parse_article(source, "article", published=published)


def _expanded(source: str | Path | Article) -> list[str | Path | Article]:
    """A folder as its article files, in name order; anything else as it is."""
    if isinstance(source, Article) or source == "-" or not _is("is_dir", source):
        return [source]
    return [Path(name) for name in expand_paths([str(source)])]


@contextlib.contextmanager
def _extractor(
    settings: Settings | None, client: Asker | None, progress: Callable[[int, int], None] | None
) -> Iterator[Extractor]:
    if client is not None:
        yield lambda article: extract_article(article, client)
        return
    from .llm import open_client

    with open_client(settings or resolve_settings(), progress) as opened:
        yield lambda article: extract_article(article, opened)


def extract(
    text_or_path: str | Path | Article,
    *,
    published: str | None = None,
    settings: Settings | None = None,
    client: Asker | None = None,
) -> ArticleSummary:
    """Extract the records of one article and its English headline and brief.

    ``text_or_path`` is a ``Path``, a string naming an article file (``.txt``, ``.html``) or
    ``-`` for stdin, an ``Article``, or else the article's text itself. ``published``
    (``YYYY-MM-DD``) is the publication date of an article without a ``date`` header.
    ``settings`` (see ``summarizer.config.resolve_settings``) choose the model, by default from
    the ``SUMMARIZER_*`` environment; ``client`` replaces the model (``summarizer.testing.FakeModel``).
    Raises ``ArticleError``, ``ConfigError``, ``BackendError`` or ``ExtractionError``.
    """
    article = _as_article(text_or_path, published)
    with _extractor(settings, client, None) as run:
        return run(article).summary


def _each(articles: list[Article], run: Extractor, jobs: int) -> Iterator[tuple[Article, Outcome]]:
    if jobs <= 1:
        for article in articles:
            try:
                yield article, run(article)
            except SummarizerError as exc:
                yield article, exc
        return
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(run, article) for article in articles]
        try:
            for article, future in zip(articles, futures, strict=True):
                try:
                    yield article, future.result()
                except SummarizerError as exc:
                    yield article, exc
        finally:
            for future in futures:
                future.cancel()


def extract_many(
    sources: Iterable[str | Path | Article],
    *,
    published: str | None = None,
    settings: Settings | None = None,
    client: Asker | None = None,
    extract: Extractor | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[Article, Outcome]]:
    """Extract many articles; yield each ``Article`` with its ``ExtractionResult`` (``.summary``
    and ``.stats``) or the ``SummarizerError`` it failed with, in input order, ``jobs`` at a time (for a remote server).

    ``sources`` are paths (a folder stands for its ``.txt`` and ``.html`` files, in name order),
    ``Article`` objects or texts, as for ``extract``; all are read before
    the first model call, so an unreadable file raises ``ArticleError`` at once. The model is
    ``extract`` (a function of an article), else ``client``, else one opened from ``settings``
    for the whole loop (``progress`` reports the download of an embedded model).
    """
    articles = [_as_article(one, published) for source in sources for one in _expanded(source)]
    if not articles:
        return
    if extract is not None:
        yield from _each(articles, extract, jobs)
        return
    with _extractor(settings, client, progress) as run:
        yield from _each(articles, run, jobs)
