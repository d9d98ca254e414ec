"""The HTTP library of the installed ``openai`` client: ``httpx2`` for openai 3, ``httpx`` before."""

from __future__ import annotations

try:
    import httpx2 as httpx
except ImportError:  # pragma: no cover - openai < 3
    import httpx  # type: ignore[no-redef]

__all__ = ["httpx"]
