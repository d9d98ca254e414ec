"""Plain-text primitives shared by extraction, merging and scoring: folding, content tokens,
token-set similarity and script checks."""

from __future__ import annotations

import re

__all__ = [
    "any_of",
    "STOPWORDS",
    "content_tokens",
    "fold",
    "has_cyrillic",
    "is_latin_script",
    "sentence_bounds",
    "token_set_similarity",
]

STOPWORDS = frozenset(
    """a an the of to in on at for from by with and or that this these those is are be been was were it its
    their them they as into any all must should shall will would not no than then also which who whom what
    there here has have had do does did""".split()
)
"""English function words left out when comparing the wording of two records."""

_WORD_RE = re.compile(r"\w+")
_STEM_LENGTH = 5

# Cyrillic and Cyrillic Supplement: every letter a modern language writes, and all the
# transliteration tables know.
_CYRILLIC_MODERN = re.compile(r"[\u0400-\u052f]")
# Plus the historic and combining blocks: any of them in an English field is a defect.
_CYRILLIC_ANY = re.compile(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")


def any_of(*parts: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``parts`` (regex fragments, tried in order)."""
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def fold(text: str) -> str:
    """``text`` for case- and spacing-blind comparison: case-folded, white-space runs as one space."""
    return " ".join(text.casefold().split())


def content_tokens(text: str) -> set[str]:
    """The content words of an English string: lower-cased, function words dropped, each cut to
    its first five characters (a crude stem: "Ukraine"/"Ukrainian", "withdraw"/"withdrawal")."""
    return {w[:_STEM_LENGTH] for w in _WORD_RE.findall(text.casefold()) if w not in STOPWORDS}


def token_set_similarity(a: str, b: str) -> float:
    """Dice coefficient of the content-word sets of two English strings, in [0, 1], so that
    paraphrases of one demand score high."""
    ta, tb = content_tokens(a), content_tokens(b)
    if not ta or not tb:
        return 0.0
    return 2 * len(ta & tb) / (len(ta) + len(tb))


def has_cyrillic(text: str, *, historic: bool = True) -> bool:
    """True if ``text`` contains a Cyrillic letter.

    ``historic=False`` looks only for the modern letters (U+0400–U+052F). Transliteration
    uses that narrower check: a stray combining or historic letter in a Latin phrase must not
    send it through the tables (which would title-case it), while an English-cleanliness check
    counts any Cyrillic character at all.
    """
    pattern = _CYRILLIC_ANY if historic else _CYRILLIC_MODERN
    return pattern.search(text) is not None


def is_latin_script(text: str) -> bool:
    """Whether most letters of ``text`` (Cyrillic already transliterated) are Latin."""
    letters = [c for c in text if c.isalpha()]
    return sum(c < "\u0250" for c in letters) * 2 >= len(letters)


_SENTENCE_BREAK = re.compile(r"[.!?\n]+(?=\s|$)")


def sentence_bounds(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (a position when ``end`` is None), by end punctuation:
    a rougher cut than the splitter's, for a number or a date inside any text."""
    left = 0
    for m in _SENTENCE_BREAK.finditer(text, 0, start):
        left = m.end()
    right_m = _SENTENCE_BREAK.search(text, start if end is None else end)
    return left, right_m.start() if right_m else len(text)
