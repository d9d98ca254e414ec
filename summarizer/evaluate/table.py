"""The eval report as a readable table: per split, headline figures, per language and per article."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .gold import RECORD_TYPES
from .report import HEADLINE_KEYS

__all__ = ["format_figure", "format_table"]


def format_figure(value: Any, digits: int = 3) -> str:
    """A figure as the tables show it: ``-`` for none, floats to ``digits`` places."""
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        first, *rest = cells
        return "  ".join(
            [str(first).ljust(widths[0])] + [str(c).rjust(w) for c, w in zip(rest, widths[1:], strict=True)]
        )

    return [line(header), line(["-" * w for w in widths]), *(line(row) for row in rows)]


def _per_language_rows(report: Mapping[str, Any]) -> list[list[str]]:
    rows = []
    for language, item in report.get("per_language", {}).items():
        types, fields, recall = item.get("types", {}), item.get("fields", {}), item.get("candidate_recall") or {}
        rows.append(
            [
                language,
                str(item.get("articles")),
                *(format_figure(types.get(kind, {}).get("f1"), 2) for kind in RECORD_TYPES),
                *(format_figure(fields.get("meetings", {}).get(name), 2) for name in ("status", "date", "location")),
                format_figure(recall.get("all"), 2),
                format_figure(item.get("english_headline_share"), 2),
                format_figure(item.get("english_brief_share"), 2),
                format_figure(item.get("seconds_mean"), 1),
            ]
        )
    return rows


_LANGUAGE_HEADER = ["lang", "n", "meet F1", "dem F1", "cas F1", "status", "date", "place", "cand rec", "en head",
                    "en brief", "s/art"]  # fmt: skip


def format_table(report: Mapping[str, Any]) -> str:
    """Render a report as plain text. A report of several splits (``run_eval_sets``) starts with
    their headline figures side by side, then each split's table."""
    splits = report.get("splits")
    if not isinstance(splits, Mapping):
        return _format_split(report)
    out: list[str] = []
    if len(splits) > 1:
        names = list(splits)
        rows = [
            [key, *(format_figure((splits[name].get("headline") or {}).get(key)) for name in names)] for key in HEADLINE_KEYS
        ]
        rows.append(["articles", *(str(splits[name].get("articles")) for name in names)])
        rows.append(["seconds/article", *(format_figure(splits[name].get("cost", {}).get("seconds_mean"), 1) for name in names)])
        out += ["headline figures by split", ""] + _table(["figure", *names], rows) + [""]
    for name, item in splits.items():
        out += [f"=== split: {name} ===", _format_split(item)]
    return "\n".join(out).rstrip() + "\n"


def _format_split(report: Mapping[str, Any]) -> str:
    """One split: per type P/R/F1 (tp/fp/fn), field accuracies, grounding shares, candidate
    recall, English-ness, cost, the per-language table and the per-article breakdown."""
    out: list[str] = [f"eval report v{report.get('version')}: {report.get('articles')} article(s)", ""]

    types = report.get("types", {})
    rows = [
        [
            kind,
            format_figure(t.get("precision")),
            format_figure(t.get("recall")),
            format_figure(t.get("f1")),
            str(t.get("tp")),
            str(t.get("fp")),
            str(t.get("fn")),
        ]
        for kind, t in types.items()
    ]
    out += _table(["records", "P", "R", "F1", "tp", "fp", "fn"], rows) + [""]

    rows = []
    for kind, accs in report.get("fields", {}).items():
        for name, acc in accs.items():
            rows.append([f"{kind}.{name}", format_figure(acc)])
    out += _table(["field (matched pairs)", "accuracy"], rows) + [""]

    rows = [[name, format_figure(value)] for name, value in report.get("grounding", {}).items()]
    out += _table(["grounding", "share"], rows) + [""]

    recall = report.get("candidate_recall") or {}
    english = report.get("english") or {}
    rows = [[f"candidate recall {kind}", format_figure(value)] for kind, value in recall.items()]
    rows += [[f"English {name.replace('_share', '')}s", format_figure(value)] for name, value in english.items()]
    if rows:
        out += _table(["diagnostic", "share"], rows) + [""]

    rows = [[name, format_figure(value, 1)] for name, value in report.get("cost", {}).items()]
    out += _table(["cost per article", "value"], rows) + [""]

    rows = _per_language_rows(report)
    if rows:
        out += ["per language:"] + _table(_LANGUAGE_HEADER, rows) + [""]

    per_article = report.get("per_article", {})
    if per_article:
        header = ["article"] + [f"{kind[:4]} tp/fp/fn" for kind in RECORD_TYPES] + ["seconds"]
        rows = []
        for aid, row in per_article.items():
            cells = [aid]
            for kind in RECORD_TYPES:
                c = row.get(kind, {})
                cells.append(f"{c.get('tp', 0)}/{c.get('fp', 0)}/{c.get('fn', 0)}")
            cells.append(format_figure(row.get("seconds"), 1))
            rows.append(cells)
        out += _table(header, rows)

    failures = report.get("failures") or {}
    if failures:
        out += ["", "extraction failures (scored as empty):"]
        out += [f"  {aid}: {reason}" for aid, reason in failures.items()]
    return "\n".join(out).rstrip() + "\n"
