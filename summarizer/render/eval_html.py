"""The eval report as one self-contained HTML page, for people who look at errors rather than JSON.

Per split: precision, recall and F1 per record type, the headline figures and the per-language
table; then every article's text twice, side by side, gold evidence on the left and predicted
evidence on the right, each highlight coloured by record type and marked by its outcome:
matched (``tp``), false positive (``fp``, predicted only), false negative (``fn``, gold only) or
an optional gold record nobody found (``optional``). Articles with an error come first and open.

No external resources and no script: inline CSS only. Every string from an article or a record
is escaped; the matching is recomputed with the scorer, exactly as the report counted it.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..articles import read_article
from ..english import record_title
from ..evaluate.gold import RECORD_TYPES, GoldArticle, load_gold
from ..evaluate.scorer import ArticleScore, score_article
from ..evaluate.splits import EvalSet
from ..evaluate.table import format_figure
from ..extract.grounding import locate_quote
from ..records import ArticleSummary
from .html import RECORD_CLASSES

__all__ = ["OUTCOMES", "render_eval_html"]

OUTCOMES: dict[str, str] = {
    "tp": "matched",
    "fp": "false positive",
    "fn": "false negative",
    "optional": "optional, not found",
}
"""CSS class of a highlight's outcome -> what it means."""

_CSS = """
:root { --meeting: #ffe08a; --demand: #a8d8ff; --casualty: #ffb3b3; --fp: #d0021b; --fn: #6a1b9a;
  --ink: #1d1d1f; --muted: #666; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; }
header, main { max-width: 90rem; margin: 0 auto; padding: 0 1rem; }
.meta { color: var(--muted); font-size: 0.9em; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
details.article { border-top: 1px solid #ccc; padding: 0.4rem 0; }
details.article > summary { cursor: pointer; font-weight: 600; }
.counts { font-weight: normal; color: var(--muted); margin-left: 0.5rem; }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
.side h4 { margin: 0.4rem 0; }
.text { white-space: pre-wrap; font-family: Georgia, "Times New Roman", serif; }
mark { color: inherit; background: none; padding: 0 1px; }
mark.meeting { background: var(--meeting); }
mark.demand { background: var(--demand); }
mark.casualty { background: var(--casualty); }
mark.fp { box-shadow: inset 0 -4px 0 var(--fp); }
mark.fn { box-shadow: inset 0 -4px 0 var(--fn); }
mark.optional { background: #e4e4e4; }
ul.records { padding-left: 1.2rem; }
ul.records li { margin: 0.2rem 0; }
.badge { display: inline-block; font-size: 0.75em; font-weight: 700; padding: 0 0.35rem; border-radius: 3px;
  margin-right: 0.3rem; color: #fff; background: #2e7d32; }
.badge.fp { background: var(--fp); }
.badge.fn { background: var(--fn); }
.badge.optional { background: #888; }
.kind { font-size: 0.75em; padding: 0 0.3rem; margin-right: 0.3rem; }
.kind.meeting { background: var(--meeting); }
.kind.demand { background: var(--demand); }
.kind.casualty { background: var(--casualty); }
.unlocated, .failure { color: #a00; font-size: 0.9em; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _fmt(value: Any, digits: int = 2) -> str:
    return format_figure(value, digits)


@dataclass(frozen=True)
class _Shown:
    """One record on one side of an article, with its outcome."""

    record_id: str
    kind: str  # meeting, demand, casualty
    outcome: str  # tp, fp, fn, optional
    title: str
    spans: tuple[tuple[int, int], ...]
    unlocated: tuple[str, ...]


def _side(
    prefix: str, summary: ArticleSummary, text: str, outcomes: Mapping[str, Mapping[int, str]]
) -> list[_Shown]:
    shown: list[_Shown] = []
    for field_name, kind in RECORD_CLASSES.items():
        for index, record in enumerate(getattr(summary, field_name)):
            spans, unlocated = [], []
            for evidence in record.evidence:
                where = locate_quote(text, evidence.quote, hint=evidence.start)
                if where is None:
                    unlocated.append(evidence.quote)
                else:
                    spans.append(where)
            shown.append(
                _Shown(
                    f"{prefix}-{kind}-{index}",
                    kind,
                    outcomes[field_name].get(index, "tp"),
                    record_title(record),
                    tuple(spans),
                    tuple(unlocated),
                )
            )
    return shown


def _marked(text: str, shown: Sequence[_Shown]) -> str:
    """``text`` escaped; every evidence span in a ``<mark>`` whose classes name the record types
    and outcomes of all records covering that stretch (overlaps are cut into segments)."""
    spans = [(a, b, item) for item in shown for a, b in item.spans]
    cuts = sorted({0, len(text)} | {a for a, _, _ in spans} | {b for _, b, _ in spans})
    kinds_order = list(RECORD_CLASSES.values())
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        items = list(dict.fromkeys(item for s, e, item in spans if s <= a and e >= b))
        if not items:
            out.append(_e(text[a:b]))
            continue
        kinds = sorted({i.kind for i in items}, key=kinds_order.index)
        outcomes = sorted({i.outcome for i in items}, key=list(OUTCOMES).index)
        title = "\n".join(f"{OUTCOMES[i.outcome]} · {i.title}" for i in items)
        ids = " ".join(i.record_id for i in items)
        out.append(f'<mark class="{" ".join(kinds + outcomes)}" data-record="{_e(ids)}" title="{_e(title)}">'
                   f"{_e(text[a:b])}</mark>")  # fmt: skip
    return "".join(out)


def _record_list(shown: Sequence[_Shown]) -> str:
    if not shown:
        return '<p class="meta">no records</p>'
    items = []
    for item in shown:
        missing = "".join(f'<div class="unlocated">quote not found: {_e(q)}</div>' for q in item.unlocated)
        items.append(
            f'<li id="{_e(item.record_id)}"><span class="badge {item.outcome}">{item.outcome.upper()}</span>'
            f'<span class="kind {item.kind}">{item.kind}</span>{_e(item.title)}{missing}</li>'
        )
    return f'<ul class="records">{"".join(items)}</ul>'


def _outcomes(score: ArticleScore, gold: GoldArticle) -> tuple[dict[str, dict[int, str]], dict[str, dict[int, str]]]:
    """Per record type: predicted index -> outcome, gold index -> outcome."""
    predicted: dict[str, dict[int, str]] = {}
    expected: dict[str, dict[int, str]] = {}
    for kind in RECORD_TYPES:
        matching = score.matchings[kind]
        predicted[kind] = {i: "fp" for i in matching.unmatched_predicted}
        optional = gold.optional_indices(kind)
        expected[kind] = {i: "optional" for i in optional}
        expected[kind].update({g: "tp" for _, g in matching.all_pairs})
        expected[kind].update({i: "fn" for i in matching.unmatched_gold})
    return predicted, expected


def _article(
    article_id: str, gold: GoldArticle, predicted: ArticleSummary | None, text: str, failure: str | None
) -> tuple[int, str]:
    """The number of errors in the article, and its section."""
    summary = predicted or ArticleSummary(article_id=article_id, language="und", headline="", brief="")
    score = score_article(summary, gold, text, article_id=article_id)
    predicted_outcomes, gold_outcomes = _outcomes(score, gold)
    gold_side = _side(f"{article_id}-gold", gold.summary, text, gold_outcomes)
    predicted_side = _side(f"{article_id}-pred", summary, text, predicted_outcomes)
    counts = {kind: score.matchings[kind].counts for kind in RECORD_TYPES}
    errors = sum(c.fp + c.fn for c in counts.values())
    tally = " · ".join(f"{RECORD_CLASSES[k]} {c.tp} TP {c.fp} FP {c.fn} FN" for k, c in counts.items())
    note = f'<p class="failure">extraction failed: {_e(failure)}</p>' if failure else ""
    headline = f"<p class=\"meta\">predicted headline: {_e(summary.headline)}</p>" if summary.headline else ""
    section = (
        f'<details class="article" id="article-{_e(article_id)}"{" open" if errors or failure else ""}>'
        f'<summary>{_e(article_id)} ({_e(gold.summary.language)})<span class="counts">{_e(tally)}</span></summary>'
        f"{note}{headline}"
        '<div class="side">'
        f'<section class="gold"><h4>Gold</h4><div class="text" lang="{_e(gold.summary.language)}">'
        f"{_marked(text, gold_side)}</div>{_record_list(gold_side)}</section>"
        f'<section class="predicted"><h4>Predicted</h4><div class="text" lang="{_e(gold.summary.language)}">'
        f"{_marked(text, predicted_side)}</div>{_record_list(predicted_side)}</section>"
        "</div></details>"
    )
    return errors + (1 if failure else 0), section


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figures(report: Mapping[str, Any]) -> str:
    types = report.get("types", {})
    type_rows = [
        [kind, *(_fmt(types.get(kind, {}).get(k), 3) for k in ("precision", "recall", "f1")),
         *(_fmt(types.get(kind, {}).get(k)) for k in ("tp", "fp", "fn"))]
        for kind in RECORD_TYPES
    ]  # fmt: skip
    language_rows = []
    for language, item in report.get("per_language", {}).items():
        lang_types = item.get("types", {})
        recall = item.get("candidate_recall") or {}
        language_rows.append(
            [language, _fmt(item.get("articles")),
             *(_fmt(lang_types.get(kind, {}).get(k)) for kind in RECORD_TYPES for k in ("precision", "recall", "f1")),
             _fmt(recall.get("all")), _fmt(item.get("seconds_mean"), 1)]
        )  # fmt: skip
    headline = report.get("headline", {})
    headline_rows = [[key.replace("_", " "), _fmt(value, 3)] for key, value in headline.items()]
    per_type_header = [f"{RECORD_CLASSES[k]} {m}" for k in RECORD_TYPES for m in ("P", "R", "F1")]
    return (
        "<h3>Records</h3>"
        + _table(["type", "precision", "recall", "F1", "TP", "FP", "FN"], type_rows)
        + "<h3>By language</h3>"
        + _table(["language", "articles", *per_type_header, "candidate recall", "s/article"], language_rows)
        + "<details><summary>Headline figures</summary>"
        + _table(["figure", "value"], headline_rows)
        + "</details>"
    )


def render_eval_html(
    report: Mapping[str, Any], sets: Sequence[EvalSet], predictions: Mapping[str, ArticleSummary]
) -> str:
    """The page for ``report`` (what ``run_eval_sets`` returned for ``sets``) and the
    ``predictions`` that were scored (keyed by article id)."""
    splits: Mapping[str, Any] = report.get("splits", {})
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Evaluation: {_e(', '.join(splits))}</title><style>{_CSS}</style></head><body>",
        "<header><h1>Evaluation</h1>",
        '<p class="legend"><mark class="meeting">meeting</mark> <mark class="demand">demand</mark> '
        '<mark class="casualty">casualty</mark> · <mark class="fp">false positive</mark> (predicted only) · '
        '<mark class="fn">false negative</mark> (gold only) · <mark class="optional">optional gold</mark>. '
        "Hover a highlight for its record.</p></header><main>",
    ]
    for item in sets:
        split = splits.get(item.name, {})
        failures: Mapping[str, str] = split.get("failures", {})
        gold = load_gold(item.gold)
        articles = []
        for article_id, gold_article in gold.items():
            text = read_article(item.articles / f"{article_id}.txt").text
            articles.append(_article(article_id, gold_article, predictions.get(article_id), text,
                                     failures.get(article_id)))  # fmt: skip
        articles.sort(key=lambda pair: -pair[0])  # errors first; stable, so by id within
        wrong = sum(1 for errors, _ in articles if errors)
        parts.append(
            f'<section class="split" id="split-{_e(item.name)}"><h2>Split {_e(item.name)}</h2>'
            f'<p class="meta">{len(articles)} articles, {wrong} with an error (shown open, first)</p>'
        )
        parts.append(_figures(split))
        parts.append("<h3>Articles</h3>")
        parts.extend(section for _, section in articles)
        parts.append("</section>")
    parts.append("</main></body></html>\n")
    return "\n".join(parts)
