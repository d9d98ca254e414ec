"""summarizer: news articles in any language -> grounded records and an English brief."""

from __future__ import annotations

__version__ = "0.1.0"

from .articles import Article, read_article  # noqa: E402
from .errors import (  # noqa: E402
    ArticleError,
    BackendError,
    ConfigError,
    ExtractionError,
    SummarizerError,
)
from .records import ArticleSummary, Casualty, Demand, Evidence, MeetingEvent  # noqa: E402

__all__ = [
    "Article",
    "ArticleError",
    "ArticleSummary",
    "BackendError",
    "Casualty",
    "ConfigError",
    "Demand",
    "Evidence",
    "ExtractionError",
    "MeetingEvent",
    "SummarizerError",
    "__version__",
    "read_article",
]
