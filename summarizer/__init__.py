"""summarizer: news articles in any language -> grounded records and an English brief.

    import summarizer

    summary = summarizer.extract("seeds/000_f162027763fb38f0.txt")
    for article, outcome in summarizer.extract_many(["article1.txt", "article2.txt"]):
        ...  # an ExtractionResult (.summary, .stats) or the SummarizerError of that article
"""

from __future__ import annotations

__version__ = "0.1.0"

# ``extract`` the function shadows the ``extract`` subpackage as an attribute of this package;
# importing it here, after the subpackage has loaded, keeps the function in place.
from .api import Outcome, extract, extract_many  # noqa: E402
from .articles import Article, read_article  # noqa: E402
from .config import Settings, resolve_settings  # noqa: E402
from .errors import (  # noqa: E402
    ArticleError,
    BackendError,
    ConfigError,
    ExtractionError,
    SummarizerError,
)
from .extract.result import ExtractionResult, ExtractionStats  # noqa: E402
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
    "ExtractionResult",
    "ExtractionStats",
    "MeetingEvent",
    "Outcome",
    "Settings",
    "SummarizerError",
    "__version__",
    "extract",
    "extract_many",
    "read_article",
    "resolve_settings",
]
