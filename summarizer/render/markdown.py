"""The English Markdown brief of one ``ArticleSummary``."""

from __future__ import annotations

import re

from ..english import casualty_context, casualty_figure, language_name, meeting_extras
from ..records import ArticleSummary, Casualty, Demand, Evidence, MeetingEvent

__all__ = ["escape_markdown", "render_brief"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+|!~])")


def escape_markdown(text: str) -> str:
    """Escape Markdown and HTML syntax so article text renders as plain text."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _quote(evidence: list[Evidence]) -> str:
    return "\n".join(f"  > {escape_markdown(e.quote)} `[{e.start}:{e.end}]`" for e in evidence)


def _meeting_line(m: MeetingEvent) -> str:
    when = m.date or "date unknown"
    where = m.location or "place unknown"
    who = ", ".join(m.participants) or "participants unknown"
    extra = meeting_extras(m)
    tail = f" ({'; '.join(extra)})" if extra else ""
    outcome = f": {m.outcome}" if m.outcome else ""
    return f"- {when} · {where} · **{m.status}** — {escape_markdown(who)}{outcome}{tail}"


def _demand_line(d: Demand) -> str:
    target = f" → {d.target}" if d.target else ""
    return f"- **{escape_markdown(d.actor)}**{escape_markdown(target)} [{d.category}]: {escape_markdown(d.demand)}"


def _casualty_line(c: Casualty) -> str:
    source = f"; source: {c.reported_by}" if c.reported_by else ""
    cause = f"; cause: {c.cause}" if c.cause else ""
    return f"- {casualty_figure(c, empty='')} ({casualty_context(c)}){cause}{source}"


def render_brief(summary: ArticleSummary) -> str:
    """Headline, language and date, the brief, then meetings, demands and casualties, each
    line followed by its original-language quote and offsets."""
    language = language_name(summary.language)
    lines = [
        f"# {escape_markdown(summary.headline)}",
        "",
        f"*{summary.article_id} · source language: {language} · published: {summary.published or 'unknown'}*",
        "",
        escape_markdown(summary.brief),
        "",
    ]
    sections: list[tuple[str, list[str]]] = [
        ("Meetings", [f"{_meeting_line(m)}\n{_quote(m.evidence)}" for m in summary.meetings]),
        ("Demands", [f"{_demand_line(d)}\n{_quote(d.evidence)}" for d in summary.demands]),
        ("Casualties", [f"{_casualty_line(c)}\n{_quote(c.evidence)}" for c in summary.casualties]),
    ]
    for title, items in sections:
        lines.append(f"## {title}")
        lines.append("")
        lines.extend(items or ["- none reported"])
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
