"""Diagnostics beside P/R/F1: candidate recall and the English-ness of headlines and briefs.

Candidate recall asks whether the pipeline looked at the right sentences at all: a gold record
is *covered* when one of its evidence quotes overlaps a sentence that was examined as a
candidate for that record type. A record that is not covered cannot be found, whatever the
model answers, so this separates "never asked" from "asked and got wrong".

English-ness is judged by ``normalize.language.is_english`` (py3langid, a fixed model shipped in
its wheel: deterministic and offline) on the headline and on the brief separately.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..normalize.language import is_english
from ..records import ArticleSummary
from .gold import RECORD_TYPES, GoldArticle
from .scorer import Ratio

__all__ = ["candidate_coverage", "english_checks"]


def _overlaps(start: int, end: int, spans: Sequence[Sequence[int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def candidate_coverage(gold: GoldArticle, candidates: Mapping[str, Sequence[Sequence[int]]]) -> dict[str, Ratio]:
    """Per record type, how many of the gold article's required records were candidates.

    ``candidates`` maps a record type to the (start, end) spans examined for it (from
    ``ExtractionStats.candidates``). Optional gold records are not counted.
    """
    coverage: dict[str, Ratio] = {}
    for kind in RECORD_TYPES:
        ratio = Ratio()
        spans = candidates.get(kind, ())
        optional = gold.optional_indices(kind)
        for index, record in enumerate(getattr(gold.summary, kind)):
            if index in optional:
                continue
            ratio.count(any(_overlaps(ev.start, ev.end, spans) for ev in record.evidence))
        coverage[kind] = ratio
    return coverage


def english_checks(summary: ArticleSummary) -> dict[str, bool]:
    """``{"headline": bool, "brief": bool}``: whether each reads as English."""
    return {"headline": is_english(summary.headline), "brief": is_english(summary.brief)}
