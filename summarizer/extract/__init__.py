"""Article -> records: candidate sentences, model passes, grounding of quotes."""

from __future__ import annotations

from .grounding import locate_quote, make_evidence
from .pipeline import extract_article
from .result import ExtractionResult, ExtractionStats

__all__ = ["ExtractionResult", "ExtractionStats", "extract_article", "locate_quote", "make_evidence"]
