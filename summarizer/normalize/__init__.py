"""Normalisation done in code, not by the model: names, dates, numbers and language.

* :mod:`.names` -- canonical English names from the alias table ``data/aliases.json``,
  transliteration of unknown Cyrillic names.
* :mod:`.dates` -- date expressions resolved against the publication date.
* :mod:`.numbers` -- numerals, number words, qualifiers, durations, casualty counts.
* :mod:`.language` -- ISO 639-1 language of a text.
* :mod:`.text` -- folding, content tokens, token-set similarity, script checks.
* :mod:`.translit` -- Cyrillic to Latin, a table per language.
"""

from .casualties import casualty_counts
from .dates import DateMention, dates_compatible, find_dates, resolve_date
from .language import detect_language
from .names import (
    Mention,
    canonical_actor,
    canonical_person,
    canonical_place,
    english_name,
    find_mentions,
    strip_cyrillic,
)
from .numbers import Count, find_counts, parse_duration_hours, parse_number
from .text import fold, has_cyrillic, token_set_similarity
from .translit import transliterate

__all__ = [
    "dates_compatible",
    "Count",
    "DateMention",
    "Mention",
    "canonical_actor",
    "canonical_person",
    "canonical_place",
    "casualty_counts",
    "detect_language",
    "english_name",
    "find_counts",
    "find_dates",
    "find_mentions",
    "fold",
    "has_cyrillic",
    "parse_duration_hours",
    "parse_number",
    "resolve_date",
    "strip_cyrillic",
    "token_set_similarity",
    "transliterate",
]
