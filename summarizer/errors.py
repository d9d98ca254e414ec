"""The error tree. Everything the library raises on purpose derives from ``SummarizerError``;
the CLI turns it into one line on stderr and a non-zero exit."""

from __future__ import annotations

__all__ = [
    "ArticleError",
    "BackendError",
    "ConfigError",
    "ExtractionError",
    "SummarizerError",
]


class SummarizerError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1


class ConfigError(SummarizerError):
    """A setting the user can fix; the message says how."""

    exit_code = 2


class ArticleError(SummarizerError):
    """An input that cannot be read as an article (missing, empty, binary, a directory...)."""

    exit_code = 2


class BackendError(SummarizerError):
    """The model server could not be started or reached, or failed to answer."""

    exit_code = 3


class ExtractionError(SummarizerError):
    """The model's answers could not be turned into records after every retry."""

    exit_code = 4

    def __init__(
        self, message: str, *, article_id: str | None = None, attempts: int = 0, last_output: str | None = None
    ):
        super().__init__(message)
        self.article_id = article_id
        self.attempts = attempts
        self.last_output = last_output
