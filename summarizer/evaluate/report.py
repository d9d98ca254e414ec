"""The eval report: a JSON-serialisable dict, a readable table, and the baseline gate."""

from __future__ import annotations

import json
import statistics
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..extract.result import ExtractionStats
from .gold import RECORD_TYPES
from .scorer import FIELDS, ArticleScore, Counts, Ratio

__all__ = [
    "DEFAULT_TOLERANCE",
    "HEADLINE_KEYS",
    "REPORT_VERSION",
    "build_report",
    "compare_to_baseline",
    "load_report",
    "write_report",
]

REPORT_VERSION = 2
DEFAULT_TOLERANCE = 0.05

HEADLINE_KEYS: tuple[str, ...] = (
    "meetings_f1",
    "demands_f1",
    "casualties_f1",
    "meetings_status_acc",
    "meetings_date_acc",
    "meetings_location_acc",
    "casualties_killed_acc",
    "casualties_injured_acc",
    "verbatim_share",
    "english_clean_share",
    "candidate_recall",
    "english_headline_share",
    "english_brief_share",
)
"""The figures the regression gate (``compare_to_baseline``) checks, in report order."""


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _counts_dict(counts: Counts) -> dict[str, Any]:
    return {
        "tp": counts.tp,
        "fp": counts.fp,
        "fn": counts.fn,
        "precision": _round(counts.precision),
        "recall": _round(counts.recall),
        "f1": _round(counts.f1),
    }


def _mean(values: Sequence[float]) -> float | None:
    return _round(statistics.fmean(values)) if values else None


def _median(values: Sequence[float]) -> float | None:
    return _round(float(statistics.median(values))) if values else None


def _aggregate(scores: Sequence[ArticleScore]) -> tuple[dict[str, Any], dict[str, Any]]:
    """P/R/F1 per record type and field accuracies per type over ``scores``."""
    totals = {kind: Counts() for kind in RECORD_TYPES}
    field_totals = {kind: {name: Ratio() for name in FIELDS[kind]} for kind in RECORD_TYPES}
    for score in scores:
        for kind in RECORD_TYPES:
            totals[kind].add(score.matchings[kind].counts)
            for name, ratio in score.fields[kind].items():
                field_totals[kind][name].add(ratio)
    types = {kind: _counts_dict(totals[kind]) for kind in RECORD_TYPES}
    fields = {kind: {name: _round(ratio.value) for name, ratio in field_totals[kind].items()} for kind in RECORD_TYPES}
    return types, fields


def _recall(ids: Sequence[str], coverage: Mapping[str, Mapping[str, Ratio]]) -> dict[str, float | None]:
    """Candidate recall per record type and over all types, for the articles ``ids``."""
    per_kind = {kind: Ratio() for kind in RECORD_TYPES}
    for aid in ids:
        for kind, ratio in coverage.get(aid, {}).items():
            per_kind[kind].add(ratio)
    overall = Ratio()
    for ratio in per_kind.values():
        overall.add(ratio)
    return {**{kind: _round(r.value) for kind, r in per_kind.items()}, "all": _round(overall.value)}


def _share(values: Sequence[bool]) -> float | None:
    return _round(sum(values) / len(values)) if values else None


def build_report(
    scores: Sequence[ArticleScore],
    stats: Mapping[str, ExtractionStats | None] | None = None,
    *,
    failures: Mapping[str, str] | None = None,
    languages: Mapping[str, str] | None = None,
    coverage: Mapping[str, Mapping[str, Ratio]] | None = None,
    english: Mapping[str, Mapping[str, bool]] | None = None,
) -> dict[str, Any]:
    """Aggregate per-article scores into the report dict (JSON-serialisable, stable key order).

    ``stats`` maps article ids to their ``ExtractionStats`` (cost figures are null where
    unknown); ``failures`` maps ids of articles whose extraction failed to the reason (they are
    scored as empty predictions). ``languages`` (the gold language of each article),
    ``coverage`` (candidate coverage per type, see ``coverage.candidate_coverage``) and
    ``english`` (whether the predicted headline and brief read as English) feed the
    per-language table, candidate recall and English-ness; where absent they are null.
    """
    stats = stats or {}
    languages = languages or {}
    coverage = coverage or {}
    english = english or {}
    verbatim, english_clean, canonical = Ratio(), Ratio(), Ratio()
    per_article: dict[str, Any] = {}
    matches: dict[str, Any] = {}
    optional_matches: dict[str, Any] = {}
    unmatched: dict[str, Any] = {}
    seconds: list[float] = []
    prompt_tokens: list[float] = []
    completion_tokens: list[float] = []
    ordered = sorted(scores, key=lambda s: s.article_id)

    for score in ordered:
        aid = score.article_id
        row: dict[str, Any] = {"language": languages.get(aid)}
        for kind in RECORD_TYPES:
            counts = score.matchings[kind].counts
            row[kind] = {"tp": counts.tp, "fp": counts.fp, "fn": counts.fn}
        article_stats = stats.get(aid)
        row["seconds"] = _round(article_stats.seconds, 3) if article_stats is not None else None
        row["candidate_recall"] = _recall([aid], coverage)["all"] if aid in coverage else None
        row["english"] = dict(english[aid]) if aid in english else None
        per_article[aid] = row
        if article_stats is not None:
            seconds.append(article_stats.seconds)
            prompt_tokens.append(float(article_stats.prompt_tokens))
            completion_tokens.append(float(article_stats.completion_tokens))
        verbatim.add(score.verbatim)
        english_clean.add(score.english_clean)
        canonical.add(score.canonical_participants)
        matches[aid] = {kind: [list(pair) for pair in score.matchings[kind].pairs] for kind in RECORD_TYPES}
        optional_matches[aid] = {
            kind: [list(pair) for pair in score.matchings[kind].optional_pairs] for kind in RECORD_TYPES
        }
        unmatched[aid] = {kind: score.unmatched[kind] for kind in RECORD_TYPES}

    types, fields = _aggregate(ordered)
    all_ids = [s.article_id for s in ordered]
    candidate_recall = _recall([aid for aid in all_ids if aid in coverage], coverage) if coverage else None
    english_share = {
        "headline_share": _share([english[a]["headline"] for a in all_ids if a in english]),
        "brief_share": _share([english[a]["brief"] for a in all_ids if a in english]),
    }
    per_language: dict[str, Any] = {}
    for language in sorted({languages.get(a) or "?" for a in all_ids}):
        group = [s for s in ordered if (languages.get(s.article_id) or "?") == language]
        ids = [s.article_id for s in group]
        lang_types, lang_fields = _aggregate(group)
        lang_seconds = [stats[a].seconds for a in ids if stats.get(a) is not None]  # type: ignore[union-attr]
        per_language[language] = {
            "articles": len(group),
            "types": lang_types,
            "fields": lang_fields,
            "candidate_recall": _recall([a for a in ids if a in coverage], coverage)
            if any(a in coverage for a in ids)
            else None,
            "english_headline_share": _share([english[a]["headline"] for a in ids if a in english]),
            "english_brief_share": _share([english[a]["brief"] for a in ids if a in english]),
            "seconds_mean": _mean(lang_seconds),
        }
    grounding = {
        "verbatim_share": _round(verbatim.value),
        "english_clean_share": _round(english_clean.value),
        "canonical_participants_share": _round(canonical.value),
    }
    cost = {
        "seconds_mean": _mean(seconds),
        "seconds_median": _median(seconds),
        "prompt_tokens_mean": _mean(prompt_tokens),
        "prompt_tokens_median": _median(prompt_tokens),
        "completion_tokens_mean": _mean(completion_tokens),
        "completion_tokens_median": _median(completion_tokens),
        "articles_with_stats": len(seconds),
    }
    headline = {
        "meetings_f1": types["meetings"]["f1"],
        "demands_f1": types["demands"]["f1"],
        "casualties_f1": types["casualties"]["f1"],
        "meetings_status_acc": fields["meetings"]["status"],
        "meetings_date_acc": fields["meetings"]["date"],
        "meetings_location_acc": fields["meetings"]["location"],
        "casualties_killed_acc": fields["casualties"]["killed"],
        "casualties_injured_acc": fields["casualties"]["injured"],
        "verbatim_share": grounding["verbatim_share"],
        "english_clean_share": grounding["english_clean_share"],
        "candidate_recall": candidate_recall["all"] if candidate_recall else None,
        "english_headline_share": english_share["headline_share"],
        "english_brief_share": english_share["brief_share"],
    }
    return {
        "version": REPORT_VERSION,
        "articles": len(per_article),
        "types": types,
        "fields": fields,
        "grounding": grounding,
        "candidate_recall": candidate_recall,
        "english": english_share,
        "cost": cost,
        "per_language": per_language,
        "per_article": per_article,
        "headline": headline,
        "matches": matches,
        "optional_matches": optional_matches,
        "unmatched": unmatched,
        "failures": dict(sorted((failures or {}).items())),
    }


def write_report(report: Mapping[str, Any], path: Path) -> None:
    """Write ``report`` as indented UTF-8 JSON (key order kept)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_report(path: Path) -> dict[str, Any]:
    """Read a report (or baseline) written by ``write_report``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: not a report (expected a JSON object)")
    return data


# --- the regression gate -------------------------------------------------------------------


def compare_to_baseline(
    report: Mapping[str, Any], baseline: Mapping[str, Any], tolerance: float = DEFAULT_TOLERANCE
) -> list[str]:
    """The regression gate: one line per headline figure that falls more than ``tolerance``
    below the baseline's; an empty list means the report passes.

    Reports of several splits are compared split by split (each line names its split); a split
    the baseline lacks is not checked. ``tolerance`` is absolute (default 0.05, i.e. five
    points on a 0-1 scale). A figure that is null or missing in the report but numeric in the
    baseline counts as a regression; a figure that is null in the baseline is not checked.
    Keys are those of ``HEADLINE_KEYS`` and any others the baseline's headline holds.
    """
    splits, reference_splits = report.get("splits"), baseline.get("splits")
    if isinstance(splits, Mapping) and isinstance(reference_splits, Mapping):
        problems: list[str] = []
        for name, item in splits.items():
            if name in reference_splits:
                problems += [f"{name}: {line}" for line in _compare(item, reference_splits[name], tolerance)]
        return problems
    return _compare(report, baseline, tolerance)


def _compare(report: Mapping[str, Any], baseline: Mapping[str, Any], tolerance: float) -> list[str]:
    current = report.get("headline") or {}
    reference = baseline.get("headline") or {}
    keys = [k for k in HEADLINE_KEYS if k in reference] + [k for k in reference if k not in HEADLINE_KEYS]
    problems: list[str] = []
    for key in keys:
        base = reference.get(key)
        if not isinstance(base, (int, float)) or isinstance(base, bool):
            continue
        value = current.get(key)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.append(f"{key}: missing (baseline {base:.3f})")
        elif value < base - tolerance - 1e-9:
            problems.append(
                f"{key}: {value:.3f} is {base - value:.3f} below the baseline {base:.3f} (tolerance {tolerance:.3f})"
            )
    return problems
