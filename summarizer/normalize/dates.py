"""Dates in article text, resolved to ISO partial dates against the publication date.

Deterministic, table-driven, no network. Languages: Russian, Ukrainian, Bulgarian, English,
German, Polish, French (and Spanish/Italian month names).

Resolution rules (documented here because they are the contract):

* Explicit full dates ("13 марта 2025 года", "22.01.2026", "January 22, 2026") and years
  ("в 2025 году", "nel 2025", "2025 yılında", "2025年": the lexicons' year words) resolve
  without a publication date. A span of days in one month ("17 – 18 лютого", "June 3-4") is
  that month: no one day.
* A day and month without a year ("2 грудня", "on 6 August") or a month alone ("в декабре",
  "на початку січня") take their year from an explicit year in the same sentence if there is
  one; otherwise the year that puts them nearest the publication date, a future month counting
  1.5 times its distance (published 2026-01-14: "в декабре" -> 2025-12). Past-tense verbs in the
  clause rule out a future date, future-tense words a past one.
* A weekday ("в четверг", "у четвер", "в четвъртък", "on Thursday", "am Donnerstag",
  "w czwartek", "jeudi") resolves to the next such day on or after the publication date in a
  future-tense clause, the latest such day on or before it in a past-tense clause, and the
  nearer of the two when the clause shows no tense (weekday names and tense cues of every
  language are lexicon data); "last/прошлый/минулого" and "next/следующий/наступного" force
  strictly before / strictly after. A weekday
  written next to an explicit date ("в четвер 22 січня") is dropped in favour of the date.
* A day of the month alone, as Chinese, Japanese and Korean news date events ("31日", "28일"),
  is the nearest such day to the publication date (this month, the one before or after), a
  day against the clause's tense counting 15 days further.
* today/tomorrow/yesterday ("tonight", "last night"), a week ago / in a week, this/last/next month,
  this/last/next year and a count of days ("3 days ago", "tra due giorni") are relative.
* Without a publication date only explicit dates and years are returned.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..lexicon import number_words, pattern, relative_patterns, weekday_patterns
from .language import detect_language
from .months import MONTH_RE, MONTHS_CI, MONTHS_CS, alternation
from .tense import clause_tense
from .text import sentence_bounds

__all__ = [
    "dates_compatible",
    "PRECISIONS",
    "DateMention",
    "find_dates",
    "relative_to_published",
    "resolve_date",
    "span_period",
]

PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class DateMention:
    """One date expression: ``value`` is an ISO partial date at ``precision``."""

    value: str
    start: int
    end: int
    precision: str


_APOS = "['’ʼ`]"
_WEEKDAY_PATTERNS: list[tuple[int, re.Pattern[str]]] = weekday_patterns()  # from the lexicon files

_LAST_BEFORE = re.compile(
    r"(?i:(?:прошл|минувш|минул|миналия|миналата|миналия|предишн|zeszł|ubiegł|ostatni|poprzedni)\w*"
    r"|(?:last|letzten|vergangenen|previous|past)(?:\s+(?:am|on))?)\s+$"
)
_NEXT_BEFORE = re.compile(
    r"(?i:(?:следующ|ближайш|наступн|найближч|следващ|przyszł|najbliższ|następn)\w*"
    r"|(?:next|nächsten|kommenden|coming))\s+$"
)
_LAST_AFTER = re.compile(r"^\s+(?:dernier|passé|pasado|scorso)(?!\w)", re.IGNORECASE)
_NEXT_AFTER = re.compile(r"^\s+(?:prochain|próximo|prossimo)(?!\w)", re.IGNORECASE)

# --- explicit dates --------------------------------------------------------------------------

# "года", "roku", "yılında", "年" after a year: the lexicons' year_after words.
_YEAR_WORD = f"(?:{pattern('year_after', whole_words=True).pattern})"
_YEAR = r"(?P<y>(?:19|20)\d{2})(?!\d)"
# A day, or a span of days in one month ("17 – 18 лютого", "17-18 February": its month).
_DAY = r"(?P<d>[0-3]?\d)(?:\.?(?=\s*[-–—]))?(?:\s*[-–—]\s*(?P<d2>[0-3]?\d))?(?:-?(?:го|е|ое|ого|я|th|st|nd|rd|er|\.))?"
_SP = r"[\s\u00a0\u202f]+"

_DAY_MONTH = re.compile(
    rf"(?<![\w.,]){_DAY}{_SP}(?:(?:of|de|del){_SP})?{MONTH_RE}(?:,?{_SP}(?:de{_SP})?{_YEAR}(?:-?(?:го|м))?(?:{_SP}?{_YEAR_WORD})?)?"
)
_MONTH_DAY = re.compile(
    rf"(?<!\w)(?P<mcs>{alternation(MONTHS_CS)}){_SP}(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    r"(?:\s*[-–—]\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d))?"
    rf"(?:,?{_SP}{_YEAR})?"
)
_NUMERIC = [
    re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d{2})(?!\d)"),
    re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<![\d/])(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>(?:19|20)\d{2})(?!\d)"),
]
# Chinese, Japanese and Korean write numbers for months and days: 2026年3月15日, 3월 15일.
_CJK_DAY = re.compile(r"(?:(?P<y>(?:19|20)\d{2})\s*[年년]\s*)?(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일号號]")
# News in these languages dates an event by its day alone, the month being the publication's:
# "首相は31日、…会談した" (on the 31st), "28일 회담". Not a count of days: "3日間", "20日以上",
# "3일간", "10日前".
_CJK_DAY_ONLY = re.compile(
    r"(?<![\d月월年년第.,])(?P<d>[1-3]?\d)\s*(?:[日号號](?![間间以余餘前後后元本]|ぶり|連続|连续|起)|일(?![간째본]|\s*동안))"
)
# Full-width digits ("３１日") read as ASCII ones; one character for one, so offsets stay.
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CJK_MONTH = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*[年년]\s*)?(?<![\d.])(?P<m>\d{1,2})\s*[月월](?!\s*\d{1,2}\s*[日일号號])"
)
_MONTH_YEAR = re.compile(rf"(?<!\w){MONTH_RE},?{_SP}{_YEAR}(?:-?(?:го|м))?(?:{_SP}?{_YEAR_WORD})?")
_MONTH_ONLY = re.compile(rf"(?<!\w){MONTH_RE}")
# A year is a number the language's words for it come before ("in 2014", "nel 2014", "tahun 2014")
# or after ("2014 года", "2014'te", "2014年"): the lexicons' year_before and year_after words.
_YEAR_AFTER_WORD = re.compile(
    rf"(?<![\d.,])(?<![A-Za-z\u00c0-\u024f\u0370-\u04ff]){_YEAR}(?:-?(?:го|м|й))?(?:{_SP})?(?:{_YEAR_WORD})",
    re.IGNORECASE,
)
_YEAR_AFTER_PREP = re.compile(
    rf"(?:{pattern('year_before', whole_words=True).pattern}){_SP}{_YEAR}(?![\d.,]\d)(?!\s*%)", re.IGNORECASE
)

# --- relative expressions --------------------------------------------------------------------

# "yesterday", "last month", "next year": each language's relative words are in its lexicon file.
_RELATIVE_PATTERNS = relative_patterns()
_MORGEN = re.compile(r"(?<!\w)morgen(?!\w)")  # lower case only: "Morgen" is "morning"
_HIER = re.compile(r"(?<!\w)hier(?!\w)")  # French "yesterday" but German "here"

# --- resolution helpers ----------------------------------------------------------------------


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _month_of(m: re.Match[str]) -> int | None:
    groups = m.groupdict()
    if groups.get("mci"):
        return MONTHS_CI.get(groups["mci"].lower())
    if groups.get("mcs"):
        word = groups["mcs"]
        return MONTHS_CS.get(word) or MONTHS_CS.get(word.capitalize())
    if groups.get("m"):
        return int(groups["m"])
    return None


def _pick_year(month: int, pub: dt.date, tense: str | None, day: int = 15) -> int:
    """The year that puts ``month`` nearest ``pub`` (future distance weighs 1.5x), tense-checked."""
    pub_index = pub.year * 12 + pub.month - 1
    best_year, best_cost = pub.year, float("inf")
    for year in (pub.year - 1, pub.year, pub.year + 1):
        delta = year * 12 + month - 1 - pub_index
        if delta == 0:
            return year
        if tense == "past" and delta > 0:
            continue
        if tense == "future" and delta < 0:
            continue
        cost = delta * 1.5 if delta > 0 else -delta
        if cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def _nearest_day(day: int, pub: dt.date, tense: str | None) -> str | None:
    """The date with day-of-month ``day`` nearest ``pub`` (its month, the one before or after),
    a date against the clause's tense counting ``_AGAINST_TENSE`` days further: news dates most
    events within days of itself, and a tense cue may belong to another verb ("20日夜…会談し、
    …連携する方針で一致した": the talks were on the 20th, not a month later)."""
    options = []
    for shift in (-1, 0, 1):
        index = pub.year * 12 + pub.month - 1 + shift
        iso = _iso_day(index // 12, index % 12 + 1, day)
        if iso is None:
            continue
        delta = (dt.date.fromisoformat(iso) - pub).days
        against = (tense == "past" and delta > 0) or (tense == "future" and delta < 0)
        options.append((abs(delta) + (_AGAINST_TENSE if against else 0), iso))
    return min(options)[1] if options else None


_AGAINST_TENSE = 15


def _iso_day(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _shift_month(pub: dt.date, months: int) -> str:
    index = pub.year * 12 + pub.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


_Adder = Callable[[str | None, int, int, str, int], None]


@dataclass
class _Candidate:
    value: str
    start: int
    end: int
    precision: str
    rank: int  # explicit patterns outrank relative ones on overlap


def _explicit_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of explicit year mentions, used to complete day-month mentions."""
    out = []
    for regex in (_YEAR_AFTER_WORD, _YEAR_AFTER_PREP, _MONTH_YEAR, *_NUMERIC):
        for m in regex.finditer(text):
            out.append((m.start(), m.end(), int(m.group("y"))))
    return out


def _context_year(text: str, start: int, end: int, years: list[tuple[int, int, int]]) -> int | None:
    left, right = sentence_bounds(text, start, end)
    near = [(min(abs(s - end), abs(start - e)), y) for s, e, y in years if s >= left and e <= right]
    return min(near)[1] if near else None


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """All date expressions in ``text`` resolved against ``published`` (ISO date or None).

    Returns non-overlapping mentions sorted by start; see the module docstring for the rules.
    """
    pub = _parse_published(published)
    cands: list[_Candidate] = []
    text = text.translate(_FULLWIDTH_DIGITS)
    years = _explicit_years(text)

    def add(value: str | None, start: int, end: int, precision: str, rank: int) -> None:
        if value:
            cands.append(_Candidate(value, start, end, precision, rank))

    for regex in _NUMERIC:
        for m in regex.finditer(text):
            add(_iso_day(int(m.group("y")), int(m.group("m")), int(m.group("d"))), m.start(), m.end(), "day", 3)

    for regex in (_DAY_MONTH, _MONTH_DAY, _CJK_DAY):
        for m in regex.finditer(text):
            month, day = _month_of(m), int(m.group("d"))
            if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
                continue
            end = m.end()
            year = int(m.group("y")) if m.group("y") else None
            if year is None:
                year = _context_year(text, m.start(), end, years)
            if year is None and pub is not None:
                year = _pick_year(month, pub, clause_tense(text, m.start(), end), day)
            if year is not None and m.groupdict().get("d2"):
                add(f"{year:04d}-{month:02d}", m.start(), end, "month", 3)  # days of one month: the month
            elif year is not None:
                add(_iso_day(year, month, day), m.start(), end, "day", 3)

    if pub is not None:
        for m in _CJK_DAY_ONLY.finditer(text):
            day = int(m.group("d"))
            if 1 <= day <= 31:
                add(_nearest_day(day, pub, clause_tense(text, m.start(), m.end())), m.start(), m.end(), "day", 2)

    for m in _MONTH_YEAR.finditer(text):
        month = _month_of(m)
        if month:
            add(f"{int(m.group('y')):04d}-{month:02d}", m.start(), m.end(), "month", 2)

    for m in _CJK_MONTH.finditer(text):
        month = int(m.group("m"))
        if not 1 <= month <= 12:
            continue
        year = int(m.group("y")) if m.group("y") else _context_year(text, m.start(), m.end(), years)
        if year is None and pub is not None:
            year = _pick_year(month, pub, clause_tense(text, m.start(), m.end()))
        if year is not None:
            add(f"{year:04d}-{month:02d}", m.start(), m.end(), "month", 1)

    for m in _MONTH_ONLY.finditer(text):
        month = _month_of(m)
        if not month or (m.group("mcs") and not _english_month_context(text, m)):
            continue
        year = _context_year(text, m.start(), m.end(), years)
        if year is None and pub is not None:
            year = _pick_year(month, pub, clause_tense(text, m.start(), m.end()))
        if year is not None:
            add(f"{year:04d}-{month:02d}", m.start(), m.end(), "month", 1)

    for regex in (_YEAR_AFTER_WORD, _YEAR_AFTER_PREP):
        for m in regex.finditer(text):
            add(m.group("y"), m.start("y"), m.end(), "year", 1)

    if pub is not None:
        _add_relative(text, pub, add)
        _add_weekdays(text, pub, add)

    return _select(cands)


_EN_MONTH_CUE = re.compile(
    r"(?:in|on|since|until|by|from|early|late|mid|end of|start of|beginning of|Anfang|Ende|Mitte|im|seit|bis|ab"
    r"|Beginn|zum)[\s-]+$",
    re.IGNORECASE,
)


def _english_month_context(text: str, m: re.Match[str]) -> bool:
    """English/German month names alone need a cue word ("in May", "im Mai"): May is also a verb."""
    word = m.group("mcs")
    if word in ("May", "MAY", "March", "MARCH") or word.endswith(".") or _BEFORE_A_NAME.match(text, m.end()):
        # A month name right before a capitalised word is a given name without a cue word
        # ("Jan Brouwer", "June Carter"); "in January Trump met..." has its cue.
        return bool(_EN_MONTH_CUE.search(text[max(0, m.start() - 20) : m.start()]))
    return True


_BEFORE_A_NAME = re.compile(r"\s+[^\W\d_a-zà-ÿ][^\W\d_]+")


def _add_relative(text: str, pub: dt.date, add: _Adder) -> None:
    day_offsets = {"today": 0, "tomorrow": 1, "after_tomorrow": 2, "yesterday": -1, "before_yesterday": -2,
                   "week_ago": -7, "week_ahead": 7}  # fmt: skip
    month_offsets = {"this_month": 0, "last_month": -1, "next_month": 1}
    year_offsets = {"this_year": 0, "last_year": -1, "next_year": 1}
    hits = [(k, m, lang) for k, rx, lang in _RELATIVE_PATTERNS for m in rx.finditer(text)]
    hits += [("tomorrow", m, "de") for m in _MORGEN.finditer(text)]
    if detect_language(text) == "fr":
        hits += [("yesterday", m, "fr") for m in _HIER.finditer(text)]
    for kind, m, language in hits:
        if kind in ("days_ago", "days_ahead"):  # "3 days ago", "tra due giorni"
            n = m.group("n")
            days = int(n) if n.isdigit() else int(number_words(language).get(n.lower(), 0))
            if days:
                shifted = pub + dt.timedelta(days=days if kind == "days_ahead" else -days)
                add(shifted.isoformat(), m.start(), m.end(), "day", 0)
        elif kind in day_offsets:
            add((pub + dt.timedelta(days=day_offsets[kind])).isoformat(), m.start(), m.end(), "day", 0)
        elif kind in month_offsets:
            add(_shift_month(pub, month_offsets[kind]), m.start(), m.end(), "month", 0)
        else:
            add(f"{pub.year + year_offsets[kind]:04d}", m.start(), m.end(), "year", 0)


def _add_weekdays(text: str, pub: dt.date, add: _Adder) -> None:
    for weekday, regex in _WEEKDAY_PATTERNS:
        for m in regex.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            after = text[m.end() : m.end() + 15]
            if _LAST_BEFORE.search(before) or _LAST_AFTER.search(after):
                mode = "before"
            elif _a_span_start(text, m.start(), m.end()):
                mode = "on_or_before"  # "since Monday": a span that has begun
            elif _NEXT_BEFORE.search(before) or _NEXT_AFTER.search(after):
                mode = "after"
            else:
                tense = clause_tense(text, m.start(), m.end())
                mode = {"past": "on_or_before", "future": "on_or_after"}.get(tense or "", "nearest")
            delta = (weekday - pub.weekday()) % 7
            if mode == "nearest":  # no tense to go by: news speaks of the days around its date
                mode = "on_or_after" if delta <= 3 else "on_or_before"
            if mode == "after" and delta == 0:
                delta = 7
            elif mode in ("before", "on_or_before"):
                delta = -((pub.weekday() - weekday) % 7)
                if mode == "before" and delta == 0:
                    delta = -7
            add((pub + dt.timedelta(days=delta)).isoformat(), m.start(), m.end(), "day", -1)


def _select(cands: list[_Candidate]) -> list[DateMention]:
    """Non-overlapping mentions: longer spans first, then explicit before relative, then precision."""
    order = {"day": 0, "month": 1, "year": 2}
    cands.sort(key=lambda c: (-(c.end - c.start), -c.rank, order[c.precision], c.start))
    chosen: list[_Candidate] = []
    for cand in cands:
        if any(cand.start < c.end and c.start < cand.end for c in chosen):
            continue
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    # A weekday written next to an explicit date names the same day: keep the date.
    result: list[_Candidate] = []
    for i, cand in enumerate(chosen):
        if cand.rank == -1:
            neighbours = chosen[i + 1 : i + 2] + chosen[max(0, i - 1) : i]
            if any(n.rank == 3 and _adjacent(cand, n) for n in neighbours):
                continue
        result.append(cand)
    return [DateMention(c.value, c.start, c.end, c.precision) for c in result]


def _adjacent(a: _Candidate, b: _Candidate) -> bool:
    gap = b.start - a.end if b.start >= a.end else a.start - b.end
    return 0 <= gap <= 3


@functools.lru_cache(maxsize=1)
def _span_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The lexicons' ``since`` words that end a text and ``since_after`` words that start one."""
    before = pattern("since", whole_words=True)
    after = pattern("since_after")
    return re.compile(rf"(?:{before.pattern})\s*$", before.flags), re.compile(rf"\s*(?:{after.pattern})", after.flags)


def _a_span_start(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` starts a span ("the first talks since 7 March",
    "seit Januar", "2022年以来"): the lexicons' ``since`` words right before it or ``since_after``
    words right after it. Such a date is no day of the event the text tells."""
    before, after = _span_words()
    return bool(before.search(text[max(0, start - 16) : start]) or after.match(text[end : end + 16]))


def resolve_date(text: str, published: str | None) -> str | None:
    """The single best date of a short text: the most precise mention (the first on ties) that
    starts no span ("since 7 March"), or None."""
    mentions = [m for m in find_dates(text, published) if not _a_span_start(text, m.start, m.end)]
    if not mentions:
        return None
    order = {"day": 0, "month": 1, "year": 2}
    return min(mentions, key=lambda m: (order[m.precision], m.start)).value


def span_period(text: str, published: str | None) -> str | None:
    """The period from a date that starts a span in ``text`` ("since Monday (29)", "seit
    Januar", "2022年以来") to publication: the day where the span starts that day, its month where
    both lie in one month, its year where both lie in one year, else None (a span over years is
    no ISO period). None when ``text`` starts no span, or the span would start after publication."""
    if published is None:
        return None
    for mention in find_dates(text, published):
        if not _a_span_start(text, mention.start, mention.end) or mention.value > published:
            continue
        if mention.value == published:
            return published  # "since this morning": the day itself
        if mention.value[:7] == published[:7] and len(mention.value) >= 7:
            return published[:7]
        return published[:4] if mention.value[:4] == published[:4] else None
    return None


def relative_to_published(date: str | None, published: str | None) -> int:
    """-1 when ``date`` lies wholly before publication, 1 wholly after, 0 otherwise (either
    unknown, or ``date`` as coarse as a month or year that holds the publication day)."""
    if date is None or published is None:
        return 0
    pub = published[: len(date)]
    if date < pub:
        return -1
    if date > pub:
        return 1
    return 0


def dates_compatible(a: str | None, b: str | None) -> bool:
    """True when two ISO partial dates agree at the coarser precision, or either is unknown.

    ``"2026-01-22"`` and ``"2026-01"`` are compatible; ``"2025-12"`` and ``"2026-01"`` are not.
    """
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]
