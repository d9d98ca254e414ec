"""What one extraction returns besides the records: the numbers the eval and benchmark report."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..llm.client import CallUsage
from ..records import ArticleSummary

__all__ = ["ExtractionResult", "ExtractionStats"]


@dataclass
class ExtractionStats:
    """Cost and diagnostics of one article's extraction."""

    seconds: float = 0.0
    model_seconds: float = 0.0  # inside model calls (HTTP round trip included)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    cached_calls: int = 0
    prefill_tokens: int = 0  # prompt tokens the server read (not reused from its KV cache)
    prefill_seconds: float = 0.0
    decode_seconds: float = 0.0
    dropped_ungrounded: int = 0
    dropped_unsupported: int = 0
    warnings: list[str] = field(default_factory=list)
    # Questions the model never answered validly: label, message and its last raw output.
    failed_questions: list[dict[str, str]] = field(default_factory=list)
    # Per record type, the (start, end) spans of the sentences that were examined as candidates.
    candidates: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def note_candidate(self, kind: str, start: int, end: int) -> None:
        self.candidates.setdefault(kind, []).append((start, end))

    def record(self, usage: CallUsage) -> None:
        """Count one question and what it cost."""
        self.calls += 1
        self.model_seconds += usage.seconds
        self.cached_calls += int(usage.cached)
        self.prompt_tokens += usage.prompt_tokens
        self.completion_tokens += usage.completion_tokens
        self.prefill_tokens += usage.prefill_tokens
        self.prefill_seconds += usage.prefill_seconds
        self.decode_seconds += usage.decode_seconds

    def add(self, other: ExtractionStats) -> None:
        self.seconds += other.seconds
        self.model_seconds += other.model_seconds
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.calls += other.calls
        self.cached_calls += other.cached_calls
        self.prefill_tokens += other.prefill_tokens
        self.prefill_seconds += other.prefill_seconds
        self.decode_seconds += other.decode_seconds
        self.dropped_ungrounded += other.dropped_ungrounded
        self.dropped_unsupported += other.dropped_unsupported
        self.warnings.extend(other.warnings)
        self.failed_questions.extend(other.failed_questions)
        for kind, spans in other.candidates.items():
            self.candidates.setdefault(kind, []).extend(spans)


@dataclass
class ExtractionResult:
    summary: ArticleSummary
    stats: ExtractionStats
