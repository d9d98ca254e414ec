"""Ground quotes: find a model's quote in the article and return the article's own span.

Matching tolerates differences in white space, quote marks, dashes, apostrophes and letter
case; the stored quote is always ``text[start:end]``, the article's own characters.
"""

from __future__ import annotations

from ..records import Evidence

__all__ = ["evidence_for_span", "locate_quote", "make_evidence"]

_FOLD = str.maketrans(
    {
        "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'",
        "–": "-", "—": "-", "‒": "-", "―": "-", "‐": "-", "‑": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
        "ё": "е", "Ё": "Е",
    }
)  # fmt: skip


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` for matching; return the folded string and, per folded char, its source index.

    Runs of white space fold to one space, so the map is not one to one.
    """
    out: list[str] = []
    index: list[int] = []
    previous_space = False
    for i, char in enumerate(text.translate(_FOLD)):
        if char.isspace():
            if previous_space:
                continue
            previous_space = True
            out.append(" ")
            index.append(i)
        else:
            previous_space = False
            for lowered in char.lower():  # "İ".lower() is two characters: map both to i
                out.append(lowered)
                index.append(i)
    return "".join(out), index


def locate_quote(text: str, quote: str, *, hint: int = 0) -> tuple[int, int] | None:
    """Return ``(start, end)`` of ``quote`` in ``text``, or ``None`` when it is not there.

    Tries the exact string first (the occurrence nearest after ``hint``, else the first),
    then a folded comparison that ignores white-space runs, quote-mark and dash styles,
    ``ё``/``е`` and case. The span never starts or ends in white space.
    """
    quote = quote.strip()
    if not quote:
        return None
    exact = text.find(quote, hint)
    if exact < 0:
        exact = text.find(quote)
    if exact >= 0:
        return exact, exact + len(quote)
    folded_text, index = _folded_with_map(text)
    folded_quote, _ = _folded_with_map(quote)
    folded_quote = folded_quote.strip()
    # Quotes copied by a model often drop the surrounding quote marks: strip them on both sides.
    for candidate in (folded_quote, folded_quote.strip("\"' .,;:")):
        if len(candidate) < 3:
            continue
        pos = folded_text.find(candidate)
        if pos >= 0:
            start = index[pos]
            end = index[pos + len(candidate) - 1] + 1
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            return start, end
    return None


def make_evidence(text: str, quote: str, *, hint: int = 0) -> Evidence | None:
    """Evidence for a quote, grounded in ``text``; ``None`` when it cannot be found."""
    span = locate_quote(text, quote, hint=hint)
    if span is None:
        return None
    return evidence_for_span(text, *span)


def evidence_for_span(text: str, start: int, end: int) -> Evidence:
    """Evidence for a span the code already knows (e.g. a sentence), trimmed of white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(quote=text[start:end], start=start, end=end)
