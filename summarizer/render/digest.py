"""The English Markdown digest: the articles, a dated timeline of meetings, the standing demands
of each party and the casualty figures, each line citing its sources."""

from __future__ import annotations

from collections.abc import Sequence

from ..digest.models import Digest, DigestSource, MergedDemand
from ..english import casualty_context, casualty_figure, meeting_extras, meeting_line, plural, seen_span
from .markdown import escape_markdown

__all__ = ["coverage", "render_digest_markdown"]


def _cite(sources: Sequence[DigestSource]) -> str:
    seen: dict[str, str] = {}
    for s in sources:
        seen.setdefault(s.article_id, f"({escape_markdown(s.article_id)}, {escape_markdown(s.language)})")
    return " ".join(seen.values())


def coverage(digest: Digest) -> tuple[list[str], str]:
    """The digest's languages (sorted) and its publication span (", published A to B" or "")."""
    dated = [a.published for a in digest.articles if a.published]
    languages = sorted({a.language for a in digest.articles})
    return languages, f", published {min(dated)} to {max(dated)}" if dated else ""


def render_digest_markdown(digest: Digest) -> str:
    """An English Markdown digest: the articles, a dated timeline of meetings
    (``date · place · status — participants: outcome``), the standing demands of each party and
    the casualty figures, each line citing its sources as ``(article_id, language)``. Merged items
    carry their merge reason on an indented line. All article-derived text is escaped."""
    languages, span = coverage(digest)
    lines = [
        "# Digest",
        "",
        f"*{plural(len(digest.articles), 'article')} in {plural(len(languages), 'language')} "
        f"({escape_markdown(', '.join(languages))}){span}*",
        "",
        "## Articles",
        "",
    ]
    for a in digest.articles:
        lines.append(
            f"- {a.published or 'undated'} — {escape_markdown(a.headline)} "
            f"({escape_markdown(a.article_id)}, {escape_markdown(a.language)})"
        )
    lines += ["", "## Timeline of meetings", ""]
    for m in digest.meetings:
        extras = "; ".join(meeting_extras(m))
        tail = f" ({escape_markdown(extras)})" if extras else ""
        lines.append(f"- {escape_markdown(meeting_line(m))}{tail} — {_cite(m.sources)}")
        if len(m.sources) > 1 or "kept apart" in m.merge_reason:
            lines.append(f"  - *{'merged' if len(m.sources) > 1 else 'not merged'}: {escape_markdown(m.merge_reason)}*")
    if not digest.meetings:
        lines.append("- none reported")
    lines += ["", "## Standing demands", ""]
    actors: dict[str, list[MergedDemand]] = {}
    for d in digest.demands:
        actors.setdefault(d.actor, []).append(d)
    for actor, demands in actors.items():
        lines += [f"### {escape_markdown(actor)}", ""]
        for d in demands:
            target = f"→ {escape_markdown(d.target)} " if d.target else ""
            seen = seen_span(d)
            lines.append(
                f"- {target}\\[{d.category}\\]: {escape_markdown(d.demand)} (seen {seen}) — {_cite(d.sources)}"
            )
            if len(d.sources) > 1:
                lines.append(f"  - *merged: {escape_markdown(d.merge_reason)}*")
        lines.append("")
    if not digest.demands:
        lines += ["- none reported", ""]
    lines += ["## Casualties", ""]
    for c in digest.casualties:
        cause = f"; cause: {c.cause}" if c.cause else ""
        per_source = " ".join(
            f"({escape_markdown(s.article_id)}, {escape_markdown(s.language)}: "
            + escape_markdown(
                casualty_figure(s)
                + (f"; {s.reported_by}" if s.reported_by else "")
                + ("; superseded" if s.superseded else "")
            )
            + ")"
            for s in c.sources
        )
        lines.append(
            f"- {escape_markdown(casualty_figure(c))} ({escape_markdown(casualty_context(c))}){escape_markdown(cause)}"
            f" — {per_source}"
        )
        if len(c.sources) > 1:
            lines.append(f"  - *merged: {escape_markdown(c.merge_reason)}*")
    if not digest.casualties:
        lines.append("- none reported")
    return "\n".join(lines).rstrip() + "\n"
