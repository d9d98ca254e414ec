"""Normalisation done in code, not by the model: names, dates, numbers and language.

* :mod:`.names` -- canonical English names from the alias table ``data/aliases.json``,
  transliteration of unknown Cyrillic names.
* :mod:`.dates` -- date expressions resolved against the publication date.
* :mod:`.numbers` -- numerals, number words, qualifiers, durations, casualty counts.
* :mod:`.language` -- ISO 639-1 language of a text.
"""

from .dates import DateMention, dates_compatible, find_dates, resolve_date
from .language import detect_language
from .names import (
    Mention,
    canonical_actor,
    canonical_person,
    canonical_place,
    english_name,
    find_mentions,
    has_cyrillic,
    strip_cyrillic,
    transliterate,
)
from .numbers import Count, casualty_counts, find_counts, parse_duration_hours, parse_number

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
    "has_cyrillic",
    "parse_duration_hours",
    "parse_number",
    "resolve_date",
    "strip_cyrillic",
    "transliterate",
]
