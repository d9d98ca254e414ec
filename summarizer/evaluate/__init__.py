"""Evaluate extractions against gold data: matching, scoring, reports and the baseline gate.

Typical use::

    report = run_eval(Path("evals/gold"), Path("articles"), predictions=load_predictions(path))
    text = format_table(report)
    problems = compare_to_baseline(report, load_report(Path("evals/baseline.json")))
"""

from __future__ import annotations

from ..io import load_predictions
from .gold import RECORD_TYPES, GoldArticle, load_gold, parse_gold
from .report import (
    DEFAULT_TOLERANCE,
    HEADLINE_KEYS,
    REPORT_VERSION,
    build_report,
    compare_to_baseline,
    load_report,
    write_report,
)
from .runner import run_eval
from .scorer import (
    CASUALTY_COUNT_TOLERANCE,
    DEMAND_SIMILARITY_THRESHOLD,
    FIELDS,
    FLOAT_TOLERANCE,
    ArticleScore,
    Counts,
    Matching,
    Ratio,
    match_records,
    optimal_assignment,
    score_article,
)
from .table import format_table

__all__ = [
    "CASUALTY_COUNT_TOLERANCE",
    "DEFAULT_TOLERANCE",
    "DEMAND_SIMILARITY_THRESHOLD",
    "FIELDS",
    "FLOAT_TOLERANCE",
    "HEADLINE_KEYS",
    "RECORD_TYPES",
    "REPORT_VERSION",
    "ArticleScore",
    "Counts",
    "GoldArticle",
    "Matching",
    "Ratio",
    "build_report",
    "compare_to_baseline",
    "format_table",
    "load_gold",
    "load_predictions",
    "load_report",
    "match_records",
    "optimal_assignment",
    "parse_gold",
    "run_eval",
    "score_article",
    "write_report",
]
