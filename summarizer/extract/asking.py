"""Bookkeeping of the model's questions: usage counted, one answer per sentence and article,
failed questions kept with the model's last output."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import ExtractionError
from ..llm.client import CallUsage
from .candidates import Candidate
from .result import ExtractionStats

__all__ = ["Memo", "ask_once", "note_failure", "record_usage"]

Memo = dict[tuple[str, str, str | None], Any]


def record_usage(stats: ExtractionStats, usage: CallUsage) -> None:
    stats.record(usage)


def ask_once(
    memo: Memo,
    kind: str,
    candidate: Candidate,
    ask: Callable[[Candidate], tuple[Any, CallUsage]],
) -> tuple[Any, CallUsage]:
    """Ask about a sentence once per article: long pages repeat themselves."""
    key = (kind, candidate.sentence.text, candidate.context.text if candidate.context else None)
    if key in memo:
        return memo[key], CallUsage(cached=True)
    answer, usage = ask(candidate)
    memo[key] = answer
    return answer, usage


def note_failure(stats: ExtractionStats, kind: str, candidate: Candidate | None, exc: ExtractionError) -> None:
    stats.warnings.append(f"{kind} question skipped: {exc}")
    stats.failed_questions.append(
        {
            "question": kind,
            "sentence": candidate.sentence.text if candidate else "",
            "error": str(exc),
            "last_output": exc.last_output or "",
        }
    )
