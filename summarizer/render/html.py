"""One self-contained HTML page for a digest: the merged timeline, then every article's original
text with its evidence highlighted by record type.

The page has no external resources: inline CSS and a little inline JavaScript. Every string that
comes from an article or a record is escaped with ``html.escape``; the JavaScript only moves
existing nodes (``cloneNode``) and toggles classes, so no text is ever parsed as HTML.
Highlights are computed from the evidence offsets; overlapping spans are split into segments,
each segment marked with every record that covers it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..digest.models import Digest, DigestSource, MergedCasualty, MergedDemand, MergedMeeting
from ..english import casualty_context, casualty_figure, language_name, meeting_line, record_title, seen_span
from ..extract.grounding import locate_quote
from ..records import ArticleSummary, Casualty, Demand, MeetingEvent
from .digest import coverage

__all__ = ["RECORD_CLASSES", "render_html"]

RECORD_CLASSES: dict[str, str] = {"meetings": "meeting", "demands": "demand", "casualties": "casualty"}
"""Record list of an ``ArticleSummary`` -> CSS class of its highlights (``<mark class="meeting">``)."""

_CSS = """
:root { --meeting: #ffe08a; --demand: #a8d8ff; --casualty: #ffb3b3; --ink: #1d1d1f; --muted: #666; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; }
header, main { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
h1 { margin-top: 1.2rem; }
.meta, .why { color: var(--muted); font-size: 0.9em; }
.legend mark { margin-right: 0.5rem; }
ol.timeline, ul.items { padding-left: 1.2rem; }
ol.timeline li, ul.items li { margin: 0.35rem 0; cursor: pointer; }
ol.timeline li:hover, ul.items li:hover { background: #f4f4f4; }
.when { font-weight: 600; font-variant-numeric: tabular-nums; }
.cite a { font-size: 0.85em; margin-left: 0.3rem; }
article.source { border-top: 1px solid #ddd; margin-top: 1.5rem; }
.text { white-space: pre-wrap; font-family: Georgia, "Times New Roman", serif; }
mark { padding: 0 1px; border-radius: 2px; cursor: pointer; color: inherit; }
mark.meeting { background: var(--meeting); }
mark.demand { background: var(--demand); }
mark.casualty { background: var(--casualty); }
mark.meeting.demand { background: linear-gradient(var(--meeting) 50%, var(--demand) 50%); }
mark.meeting.casualty { background: linear-gradient(var(--meeting) 50%, var(--casualty) 50%); }
mark.demand.casualty { background: linear-gradient(var(--demand) 50%, var(--casualty) 50%); }
mark.meeting.demand.casualty {
  background: linear-gradient(var(--meeting) 33%, var(--demand) 33% 66%, var(--casualty) 66%);
}
mark.active { outline: 2px solid var(--ink); }
#details { position: fixed; right: 1rem; bottom: 1rem; width: min(26rem, 90vw); max-height: 60vh; overflow: auto;
  background: #fff; border: 1px solid #bbb; border-radius: 6px; box-shadow: 0 4px 16px rgba(0,0,0,.2); padding: 0.8rem; }
#details[hidden], #records { display: none; }
#details-close { float: right; border: 0; background: none; font-size: 1.2rem; cursor: pointer; }
.record { border-left: 4px solid #ccc; padding-left: 0.6rem; margin-bottom: 0.8rem; }
.record.meeting { border-color: var(--meeting); }
.record.demand { border-color: var(--demand); }
.record.casualty { border-color: var(--casualty); }
.record h4 { margin: 0 0 0.3rem; }
.record dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.6rem; margin: 0; }
.record dt { color: var(--muted); }
.record dd { margin: 0; }
.record blockquote { margin: 0.4rem 0 0; font-style: italic; }
.unlocated { color: #a00; font-size: 0.9em; }
"""

_JS = """
(function () {
  "use strict";
  window.addEventListener("error", function () { document.body.dataset.jsError = "1"; });
  var panel = document.getElementById("details");
  var body = document.getElementById("details-body");
  function clear() { while (body.firstChild) { body.removeChild(body.firstChild); } }
  function show(ids) {
    clear();
    ids.forEach(function (id) {
      var record = document.getElementById(id);
      if (record) {
        var copy = record.cloneNode(true);
        copy.removeAttribute("id");
        body.appendChild(copy);
      }
    });
    panel.hidden = !body.firstChild;
  }
  function activate(ids) {
    var first = null;
    document.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    document.querySelectorAll("mark[data-record]").forEach(function (m) {
      var mine = m.dataset.record.split(" ");
      if (ids.some(function (id) { return mine.indexOf(id) >= 0; })) {
        m.classList.add("active");
        if (!first) { first = m; }
      }
    });
    return first;
  }
  function ids(node, attribute) { return (node.getAttribute(attribute) || "").split(" ").filter(Boolean); }
  document.querySelectorAll("mark[data-record]").forEach(function (m) {
    m.tabIndex = 0;
    function open() { var list = ids(m, "data-record"); activate(list); show(list); }
    m.addEventListener("click", open);
    m.addEventListener("keydown", function (e) { if (e.key === "Enter") { open(); } });
  });
  document.querySelectorAll("[data-records]").forEach(function (item) {
    item.addEventListener("click", function (e) {
      if (e.target.closest("a")) { return; }
      var list = ids(item, "data-records");
      var first = activate(list);
      show(list);
      if (first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
    });
  });
  document.getElementById("details-close").addEventListener("click", function () { panel.hidden = true; });
  document.body.dataset.ready = "1";
})();
"""


# Where a timeline entry links to: article anchors by id, record ids by evidence span.
_Links = tuple[dict[str, str], dict[tuple[str, int, int], str]]


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    record_id: str
    kind: str
    title: str


@dataclass(frozen=True)
class _RecordView:
    record_id: str
    kind: str
    title: str
    summary: ArticleSummary
    record: MeetingEvent | Demand | Casualty


def _record_fields(record: MeetingEvent | Demand | Casualty) -> list[tuple[str, str]]:
    data = record.model_dump(mode="json", exclude={"evidence"})
    rows = []
    for key, value in data.items():
        if value is None or value == [] or value == "unknown":
            continue
        shown = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        rows.append((key.replace("_", " "), shown))
    return rows


def _highlight(text: str, spans: Sequence[_Span]) -> str:
    """``text`` escaped, with every span wrapped in ``<mark>``. Overlapping spans are split at
    every boundary; each segment carries the classes, record ids and titles of all spans covering it."""
    cuts = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    out: list[str] = []
    order = list(RECORD_CLASSES.values())
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        segment = _e(text[a:b])
        covering = [s for s in spans if s.start <= a and s.end >= b]
        if not covering:
            out.append(segment)
            continue
        kinds = sorted({s.kind for s in covering}, key=order.index)
        ids = list(dict.fromkeys(s.record_id for s in covering))
        titles = list(dict.fromkeys(s.title for s in covering))
        out.append(
            f'<mark class="{" ".join(kinds)}" data-record="{_e(" ".join(ids))}" title="{_e(chr(10).join(titles))}">'
            f"{segment}</mark>"
        )
    return "".join(out)


def _record_panel(view: _RecordView, article_anchor: str) -> str:
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in _record_fields(view.record))
    quotes = "".join(
        f'<blockquote lang="{_e(view.summary.language)}">{_e(e.quote)}</blockquote>' for e in view.record.evidence
    )
    label = view.kind.capitalize()
    return (
        f'<div class="record {view.kind}" id="{view.record_id}">'
        f'<h4>{label} · <a href="#{article_anchor}">{_e(view.summary.article_id)}</a> ({_e(view.summary.language)})</h4>'
        f"<dl>{rows}</dl>{quotes}</div>"
    )


def _cite(sources: Iterable[DigestSource], anchors: dict[str, str]) -> str:
    links = []
    for s in dict((s.article_id, s) for s in sources).values():
        target = anchors.get(s.article_id)
        label = f"({_e(s.article_id)}, {_e(s.language)})"
        links.append(f'<a href="#{target}">{label}</a>' if target else label)
    return f'<span class="cite">{"".join(links)}</span>'


def _linked_records(sources: Iterable[DigestSource], by_span: dict[tuple[str, int, int], str]) -> str:
    ids = [by_span[key] for s in sources for e in s.evidence if (key := (s.article_id, e.start, e.end)) in by_span]
    return " ".join(dict.fromkeys(ids))


def _item(
    sources: Sequence[DigestSource],
    links: _Links,
    body: str,
    reason: str | None,
    title: str | None = None,
) -> str:
    """One timeline entry: ``body``, its citations, the merge reason when given; clicking it
    highlights the evidence of the records it merges."""
    anchors, by_span = links
    tip = f' title="{_e(title)}"' if title is not None else ""
    why = f'<div class="why">{_e(reason)}</div>' if reason is not None else ""
    return f'<li data-records="{_e(_linked_records(sources, by_span))}"{tip}>{body} {_cite(sources, anchors)}{why}</li>'


def _meeting_item(m: MergedMeeting, links: _Links) -> str:
    who = ", ".join(m.participants) or "participants unknown"
    outcome = f": {m.outcome}" if m.outcome else ""
    body = (
        f'<span class="when">{_e(m.date or "date unknown")}</span> · {_e(m.location or "place unknown")} · '
        f"<strong>{_e(m.status)}</strong> — {_e(who)}{_e(outcome)}"
    )
    shown = len(m.sources) > 1 or "kept apart" in m.merge_reason
    return _item(m.sources, links, body, m.merge_reason if shown else None, meeting_line(m))


def _demand_item(d: MergedDemand, links: _Links) -> str:
    target = f"→ {d.target} " if d.target else ""
    body = (
        f"<strong>{_e(d.actor)}</strong> {_e(target)}[{_e(d.category)}]: "
        f'{_e(d.demand)} <span class="meta">(seen {_e(seen_span(d))})</span>'
    )
    return _item(d.sources, links, body, d.merge_reason if len(d.sources) > 1 else None)


def _casualty_item(c: MergedCasualty, links: _Links) -> str:
    cause = f"; cause: {c.cause}" if c.cause else ""
    body = f"{_e(casualty_figure(c))} ({_e(casualty_context(c))}){_e(cause)}"
    return _item(c.sources, links, body, c.merge_reason if len(c.sources) > 1 else None)


def _section(title: str, section_id: str, items: list[str], tag: str = "ul") -> str:
    css = "timeline" if tag == "ol" else "items"
    body = "".join(items) or "<li>none reported</li>"
    return f'<section id="{section_id}"><h2>{_e(title)}</h2><{tag} class="{css}">{body}</{tag}></section>'


def render_html(digest: Digest, summaries: Sequence[ArticleSummary], texts: dict[str, str]) -> str:
    """One self-contained HTML page: the digest's timeline of meetings, demands and casualties,
    then every article's original text (``texts[article_id]``, the whole decoded file the
    evidence offsets index) with evidence highlighted as ``<mark class="meeting|demand|casualty"
    data-record="...">``. Hovering a highlight shows the English record (``title``); clicking it
    opens a details panel; clicking a timeline item highlights its evidence. All article and record
    text is escaped with ``html.escape``."""
    ordered = sorted(summaries, key=lambda s: (s.published or "", s.article_id))
    anchors = {s.article_id: f"article-{n}" for n, s in enumerate(ordered)}
    views: list[_RecordView] = []
    by_span: dict[tuple[str, int, int], str] = {}
    for summary in ordered:
        for field_name, kind in RECORD_CLASSES.items():
            for record in getattr(summary, field_name):
                record_id = f"record-{len(views)}"
                views.append(_RecordView(record_id, kind, record_title(record), summary, record))
                for e in record.evidence:
                    by_span.setdefault((summary.article_id, e.start, e.end), record_id)

    languages, span = coverage(digest)
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Digest of {len(digest.articles)} articles</title><style>{_CSS}</style></head><body>",
        "<header><h1>Digest</h1>",
        f'<p class="meta">{len(digest.articles)} articles in {_e(", ".join(languages))}{_e(span)}</p>',
        '<p class="legend"><mark class="meeting">meeting</mark><mark class="demand">demand</mark>'
        '<mark class="casualty">casualty</mark> — hover a highlight for the English record, click for details.</p>',
        "</header><main>",
        _section(
            "Timeline of meetings", "timeline", [_meeting_item(m, (anchors, by_span)) for m in digest.meetings], "ol"
        ),
        _section("Standing demands", "demands", [_demand_item(d, (anchors, by_span)) for d in digest.demands]),
        _section("Casualties", "casualties", [_casualty_item(c, (anchors, by_span)) for c in digest.casualties]),
        '<section id="articles"><h2>Articles</h2>',
    ]
    for summary in ordered:
        parts.append(_article(summary, anchors[summary.article_id], texts.get(summary.article_id), views))
    parts.append("</section></main>")
    parts.append(
        '<aside id="details" hidden><button type="button" id="details-close" aria-label="Close">×</button>'
        '<div id="details-body"></div></aside>'
    )
    parts.append('<div id="records" hidden>')
    parts.extend(_record_panel(v, anchors[v.summary.article_id]) for v in views)
    parts.append("</div>")
    parts.append(f"<script>{_JS}</script></body></html>\n")
    return "\n".join(parts)


def _article(summary: ArticleSummary, anchor: str, text: str | None, views: Sequence[_RecordView]) -> str:
    language = language_name(summary.language)
    head = (
        f'<article class="source" id="{anchor}"><h3>{_e(summary.headline)}</h3>'
        f'<p class="meta">{_e(summary.article_id)} · {_e(language)} · published {_e(summary.published or "unknown")}'
        "</p>"
    )
    if text is None:
        return head + '<p class="unlocated">Original text not available.</p></article>'
    spans: list[_Span] = []
    unlocated: list[str] = []
    for view in views:
        if view.summary is not summary:
            continue
        for e in view.record.evidence:
            where = locate_quote(text, e.quote, hint=e.start)
            if where is None:
                unlocated.append(f"{view.title} — quote not found: {e.quote}")
            else:
                spans.append(_Span(where[0], where[1], view.record_id, view.kind, view.title))
    missing = "".join(f'<p class="unlocated">{_e(u)}</p>' for u in unlocated)
    return f'{head}<div class="text" lang="{_e(summary.language)}">{_highlight(text, spans)}</div>{missing}</article>'
