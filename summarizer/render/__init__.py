"""Render records for people: the English Markdown brief of one article, the Markdown digest of
many, and the self-contained HTML page of a digest."""

from __future__ import annotations

from .digest import render_digest_markdown
from .html import render_html
from .markdown import escape_markdown, render_brief

__all__ = ["escape_markdown", "render_brief", "render_digest_markdown", "render_html"]
