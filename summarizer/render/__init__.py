"""Render records for people: the English Markdown brief (and, later, HTML)."""

from __future__ import annotations

from .markdown import escape_markdown, render_brief

__all__ = ["escape_markdown", "render_brief"]
