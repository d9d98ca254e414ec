"""Month names of the date resolver, every inflected form: Russian, Ukrainian, Bulgarian, Polish,
French, Spanish, Italian (any letter case); English and German (capitalised, since "may" and
"march" are English words)."""

from __future__ import annotations

import re

__all__ = ["MONTHS_CI", "MONTHS_CS", "MONTH_RE", "alternation"]


def _ru_months() -> dict[str, int]:
    forms: dict[str, int] = {}
    soft = {"январ": 1, "феврал": 2, "апрел": 4, "июн": 6, "июл": 7, "сентябр": 9, "октябр": 10, "ноябр": 11,
            "декабр": 12}  # fmt: skip
    for stem, n in soft.items():
        for end in ("ь", "я", "е", "ю", "ем", "ём"):
            forms[stem + end] = n
    for stem, n in {"март": 3, "август": 8}.items():
        for end in ("", "а", "е", "у", "ом"):
            forms[stem + end] = n
    for end in ("й", "я", "е", "ю", "ем"):
        forms["ма" + end] = 5
    return forms


def _uk_months() -> dict[str, int]:
    forms: dict[str, int] = {}
    table = {"січ": ("ень", 1), "берез": ("ень", 3), "квіт": ("ень", 4), "трав": ("ень", 5), "черв": ("ень", 6),
             "лип": ("ень", 7), "серп": ("ень", 8), "верес": ("ень", 9), "жовт": ("ень", 10), "груд": ("ень", 12)}  # fmt: skip
    for stem, (nom, n) in table.items():
        forms[stem + nom] = n
        for end in ("ня", "ні", "нем", "ню"):
            forms[stem + end] = n
    for form in ("лютий", "лютого", "лютому", "лютім", "лютим"):
        forms[form] = 2
    for form in ("листопад", "листопада", "листопаді", "листопадом", "листопаду"):
        forms[form] = 11
    return forms


_BG_MONTHS = ["януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври",
              "ноември", "декември"]  # fmt: skip
_PL_MONTHS = [
    ("styczeń", "stycznia", "styczniu"), ("luty", "lutego", "lutym"), ("marzec", "marca", "marcu"),
    ("kwiecień", "kwietnia", "kwietniu"), ("maj", "maja", "maju"), ("czerwiec", "czerwca", "czerwcu"),
    ("lipiec", "lipca", "lipcu"), ("sierpień", "sierpnia", "sierpniu"), ("wrzesień", "września", "wrześniu"),
    ("październik", "października", "październiku"), ("listopad", "listopada", "listopadzie"),
    ("grudzień", "grudnia", "grudniu"),
]  # fmt: skip
_FR_MONTHS = [("janvier",), ("février", "fevrier"), ("mars",), ("avril",), ("mai",), ("juin",), ("juillet",),
              ("août", "aout"), ("septembre",), ("octobre",), ("novembre",), ("décembre", "decembre")]  # fmt: skip
_ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
              "noviembre", "diciembre"]  # fmt: skip
_IT_MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
              "ottobre", "novembre", "dicembre"]  # fmt: skip
# Capitalised languages: matched case-sensitively ("may", "march" are English words).
_EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]  # fmt: skip
_DE_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
              "November", "Dezember"]  # fmt: skip
_EN_ABBR = {"Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Aug.": 8, "Sep.": 9, "Sept.": 9,
            "Oct.": 10, "Nov.": 11, "Dec.": 12, "Jan": 1, "Feb": 2, "Aug": 8, "Sept": 9, "Oct": 10, "Nov": 11,
            "Dec": 12, "Jänner": 1}  # fmt: skip


def _month_tables() -> tuple[dict[str, int], dict[str, int]]:
    insensitive: dict[str, int] = {}
    insensitive.update(_ru_months())
    insensitive.update(_uk_months())
    for i, name in enumerate(_BG_MONTHS, 1):
        insensitive[name] = i
    for i, forms in enumerate(_PL_MONTHS, 1):
        for form in forms:
            insensitive[form] = i
    for i, fr_forms in enumerate(_FR_MONTHS, 1):
        for form in fr_forms:
            insensitive[form] = i
    for table in (_ES_MONTHS, _IT_MONTHS):
        for i, form in enumerate(table, 1):
            insensitive[form] = i
    sensitive: dict[str, int] = dict(_EN_ABBR)
    for table in (_EN_MONTHS, _DE_MONTHS):
        for i, form in enumerate(table, 1):
            sensitive[form] = i
            sensitive[form.upper()] = i
    return insensitive, sensitive


MONTHS_CI, MONTHS_CS = _month_tables()


def alternation(words: list[str] | set[str] | dict[str, int]) -> str:
    """A regex alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MONTH_RE = (
    rf"(?:(?i:(?P<mci>{alternation(MONTHS_CI)}))|(?P<mcs>{alternation(MONTHS_CS)}))"
    r"(?!\w)"
)
