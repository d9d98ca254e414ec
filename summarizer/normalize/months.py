"""Month names of the date resolver: every inflected form of every language's lexicon
(``months`` in ``summarizer/lexicon/<code>.json``), matched in any letter case, except in the
languages marked ``months_case_sensitive`` (English "may" and "march" are words; there only the
capitalised and the all-capitals forms are months)."""

from __future__ import annotations

import re

from ..lexicon import lexicons

__all__ = ["MONTHS_CI", "MONTHS_CS", "MONTH_RE", "alternation"]


def _month_tables() -> tuple[dict[str, int], dict[str, int]]:
    insensitive: dict[str, int] = {}
    sensitive: dict[str, int] = {}
    for lexicon in lexicons().values():
        for number, forms in enumerate(lexicon.months, 1):
            for form in forms:
                if lexicon.months_case_sensitive:
                    sensitive[form] = number
                    sensitive[form.upper()] = number
                else:
                    insensitive[form.lower()] = number
    return insensitive, sensitive


MONTHS_CI, MONTHS_CS = _month_tables()


def alternation(words: list[str] | set[str] | dict[str, int]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MONTH_RE = (
    rf"(?:(?i:(?P<mci>{alternation(MONTHS_CI)}))|(?P<mcs>{alternation(MONTHS_CS)}))"
    r"(?!\w)"
)
