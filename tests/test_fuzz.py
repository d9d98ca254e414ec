"""Property-based tests: the readers and normalisers never crash and always return offsets that
index their input, whatever text or bytes they are given."""

from __future__ import annotations

import datetime as dt
import math
import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from summarizer.articles import decode_bytes, parse_article
from summarizer.errors import ArticleError
from summarizer.extract.grounding import _folded_with_map, locate_quote
from summarizer.extract.sentences import split_sentences
from summarizer.normalize.casualties import casualty_counts
from summarizer.normalize.dates import find_dates, resolve_date
from summarizer.normalize.numbers import QUALIFIERS, find_counts, parse_duration_hours, parse_number

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ISO_PARTIAL = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

# Words and marks that the normalisers look for, so that random text often hits their rules.
TOKENS = [
    "13", "2", "22.01.2026", "2025-03-13", "2025", "2 400", "2,400", "1,5", "12 000", "99999999999999999999", "0",
    "марта", "января", "декабре", "грудня", "січня", "януари", "March", "May", "Januar", "года", "році", "г.",
    "в", "у", "на", "in", "on", "last", "next", "прошлом", "следующем", "наступного", "минулого", "четверг",
    "четвер", "четвъртък", "Thursday", "Donnerstag", "вчера", "завтра", "сегодня", "today", "this year",
    "месяце", "месяца", "погибли", "погибших", "загинули", "ранения", "поранені", "killed", "injured", "getötet",
    "человек", "людей", "детей", "children", "около", "более", "понад", "близо", "at least", "about", "almost",
    "в том числе", "including", "часов", "годин", "часа", "hours", "minutes", "хвилин", "пяти", "п'яти", "five",
    "двенадцать", "zwölf", "половиной", "and a half", "%", "долларов", "$", "—", "-", ",", ".", ":", ";", "«",
    "»", '"', "(", ")", "\n", " ", "\u00a0", "ё", "İ", "ß", "ﬁ",
]  # fmt: skip
long_number = st.integers(1, 420).map(lambda n: "9" * n)  # past float range at 309 digits
token_text = st.lists(st.one_of(st.sampled_from(TOKENS), long_number), max_size=40).map(" ".join)
any_text = st.one_of(st.text(max_size=300), token_text)
published = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat))


def _fold(text: str) -> str:
    return _folded_with_map(text)[0].strip()


@FUZZ
@given(st.binary(max_size=2000))
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
@example(b"\xef\xbb\xbf\x00")
@example("Привет".encode("utf-16-le"))
def test_decode_bytes_returns_text_or_raises_article_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except ArticleError:
        return
    assert isinstance(text, str) and isinstance(encoding, str)
    assert "\x00" not in text


@FUZZ
@given(any_text, published)
def test_parse_article_offsets_stay_in_the_text(text: str, date: str | None) -> None:
    try:
        article = parse_article(text, "fuzz", published=date)
    except ArticleError:
        assert not text.replace("\ufeff", "").strip() or date is not None
        return
    assert 0 <= article.body_start <= len(article.text)
    assert "\r" not in article.text
    assert article.published is None or ISO_PARTIAL.match(article.published)


@FUZZ
@given(any_text, any_text)
def test_locate_quote_returns_a_valid_span_or_none(text: str, quote: str) -> None:
    span = locate_quote(text, quote)
    if span is None:
        return
    start, end = span
    assert 0 <= start <= end <= len(text)
    assert text[start:end]


@FUZZ
@given(any_text, st.data())
def test_locate_quote_finds_every_substring(text: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    quote = text[i:j]
    span = locate_quote(text, quote, hint=data.draw(st.integers(0, len(text))))
    if not quote.strip():
        assert span is None
        return
    assert span is not None
    start, end = span
    assert 0 <= start < end <= len(text)
    assert _fold(text[start:end]) == _fold(quote)


@FUZZ
@given(token_text, st.data())
def test_locate_quote_finds_a_restyled_substring(text: str, data: st.DataObject) -> None:
    """Quote marks, dashes, case and white space as a model may rewrite them still ground."""
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, len(text)))
    original = text[i:j]
    assume(not any(c in original for c in "ßﬁ"))  # upper() expands these: no model writes "SS" for "ß"
    restyled = original.upper().replace("«", '"').replace("»", '"').replace("—", "-").replace(" ", "  ")
    if len(_fold(restyled).strip("\"' .,;:")) < 3:
        return
    span = locate_quote(text, restyled)
    assert span is not None, (text, restyled)
    start, end = span
    assert 0 <= start < end <= len(text)
    assert _fold(text[start:end]) == _fold(restyled) or _fold(text[start:end]) == _fold(restyled).strip("\"' .,;:")


def test_locate_quote_with_letters_that_lower_case_to_two_characters() -> None:
    """``"İ".lower()`` is two characters: the folded text must still map back to the right span."""
    text = "Встреча в İstanbul прошла."
    assert locate_quote(text, "В İSTANBUL ПРОШЛА") == (8, 25)
    assert locate_quote("İ abc", "İ ABC") == (0, 5)


@FUZZ
@given(any_text, st.data())
def test_split_sentences_spans_index_the_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    previous_end = start
    for index, sentence in enumerate(split_sentences(text, start)):
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.index == index
        previous_end = sentence.end


def _valid_partial(value: str) -> bool:
    if not ISO_PARTIAL.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


@FUZZ
@given(any_text, published)
def test_dates_are_iso_partial_dates(text: str, date: str | None) -> None:
    for mention in find_dates(text, date):
        assert _valid_partial(mention.value), mention
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.precision in ("day", "month", "year")
        assert len(mention.value) == {"day": 10, "month": 7, "year": 4}[mention.precision]
    resolved = resolve_date(text, date)
    assert resolved is None or _valid_partial(resolved)


@FUZZ
@given(any_text)
@example("погибли " + "9" * 400 + " человек")
@example("переговоры длились " + "9" * 400 + " часов")
def test_numbers_never_crash_and_counts_are_not_negative(text: str) -> None:
    for count in find_counts(text):
        assert count.value >= 0
        assert count.qualifier in QUALIFIERS
        assert 0 <= count.start < count.end <= len(text)
    counts = casualty_counts(text)
    for key in ("killed", "injured", "children_killed", "children_injured"):
        value = counts[key]
        assert value is None or (isinstance(value, int) and value >= 0), (key, value)
    assert counts["qualifier"] in QUALIFIERS
    hours = parse_duration_hours(text)
    assert hours is None or (math.isfinite(hours) and hours >= 0)
    number = parse_number(text)
    assert number is None or isinstance(number, int)
