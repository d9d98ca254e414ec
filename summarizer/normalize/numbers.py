"""Numbers in article text: numerals, number words, qualifiers and durations.

Deterministic tables for Russian, Ukrainian, Bulgarian, English, German, Polish and French.
Digits may be grouped with spaces (also no-break and thin spaces), commas or dots
("2 400", "2,400", "2.400"); a decimal comma or point with a multiplier word is understood
("1,5 тыс." -> 1500).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from ..lexicon import multiplier_words, number_words, pattern
from .dates import find_dates

__all__ = ["QUALIFIERS", "Count", "find_counts", "parse_duration_hours", "parse_number"]


@dataclass(frozen=True)
class Count:
    """A number in a text: ``text[start:end]`` is the numeral (digits or words), ``qualifier`` from the words before."""

    value: int
    qualifier: str
    start: int
    end: int


QUALIFIERS = ("exact", "approximate", "at_least")


# --- number words ----------------------------------------------------------------------------

_A = "['’ʼ]"


def _forms(spec: str) -> dict[str, float]:
    """'value:form form ...; value:form ...' -> {form: value}."""
    out: dict[str, float] = {}
    for part in spec.split(";"):
        value, forms = part.split(":")
        for form in forms.split():
            out[form.replace("'", "'")] = float(value)
    return out


_WORDS: dict[str, float] = number_words()  # every language's number words (durations, parse_number)
_MULTIPLIERS: dict[str, int] = multiplier_words()  # "тысяч[аиу]?" -> 1000, "万" -> 10000 (lexicon data)


def _word_alt(words: dict[str, float]) -> str:
    return "|".join(re.escape(w).replace("'", _A) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"


_WORD_ALT = _word_alt(_WORDS)
_MULT_ALT = "|".join(f"(?:{p})" for p in _MULTIPLIERS)
_JOIN = r"(?:[\s\u00a0-]+(?:и|і|й|and|und|i|et)?[\s\u00a0-]*|-)"
_SPACES = "\u0020\u00a0\u202f\u2009"
_DIGITS = (
    rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?"  # 2 400, 12 000,5
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 2,400.5
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 2.400,5
    r"|\d+(?:[.,]\d+)?"
)
# A letter or digit of a script written with spaces: a number glued to one is part of a word
# ("B52", "20-й" aside), while Chinese, Japanese and Korean write "36人", "94人", "4명". An
# apostrophe may follow digits (Turkish "20'den fazla") but not a number word ("п'ять").
_LETTER = r"[^\W\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"


@functools.lru_cache(maxsize=64)
def _number_re(language: str | None) -> tuple[re.Pattern[str], dict[str, float]]:
    """The number pattern and word values of ``language`` (every language's when None)."""
    words = number_words(language)
    alt = _word_alt(words)
    pattern = re.compile(
        rf"(?<!\d[.,:/])(?<!{_LETTER})(?:(?P<digits>{_DIGITS})|(?P<words>(?:{alt})(?:{_JOIN}(?:{alt}))*))"
        rf"(?:[\s\u00a0]*(?P<mult>{_MULT_ALT})(?!{_LETTER}))?(?!{_LETTER}|(?<!\d)['’])",
        re.IGNORECASE,
    )
    return pattern, words


_NUMBER_RE = _number_re(None)[0]


def _digits_value(raw: str) -> float:
    s = re.sub(rf"[{_SPACES}]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    return float(s.replace(",", "."))


def _words_value(raw: str, words: dict[str, float] = _WORDS) -> float | None:
    tokens = [
        t for t in re.split(r"[\s\u00a0-]+", raw.lower()) if t and t not in ("и", "і", "й", "and", "und", "i", "et")
    ]
    total, current = 0.0, 0.0
    for token in tokens:
        token = re.sub(_A, "'", token)
        value = words.get(token)
        if value is None:
            return None
        if value == 100 and 0 < current < 10:
            current *= 100
        elif value >= 10 and current == 1:
            current = value  # "una ventina", "uma dezena": an article before a collective number
        else:
            current += value
    return total + current


MAX_NUMBER = 10**12


def _multiplier(raw: str | None) -> int:
    if not raw:
        return 1
    for unit, value in _MULTIPLIERS.items():
        if re.fullmatch(unit, raw, re.IGNORECASE):
            return value
    return 1


def _match_value(m: re.Match[str], words: dict[str, float] = _WORDS) -> float | None:
    if m.group("digits"):
        base: float | None = _digits_value(m.group("digits"))
    else:
        base = _words_value(m.group("words"), words)
    if base is None:
        return None
    value = base * _multiplier(m.group("mult"))
    # A run of hundreds of digits is no count of anything (and overflows float -> int).
    return value if math.isfinite(value) and value < MAX_NUMBER else None


def parse_number(text: str) -> int | None:
    """The value of the first number in ``text``: "2 400", "2,400", "12 тысяч", "1,5 тыс.", "двадцять",
    "п'яти", "three", "zwölf". None if there is none."""
    for m in _NUMBER_RE.finditer(text):
        value = _match_value(m)
        if value is not None:
            return int(round(value))
    return None


# --- qualifiers and counts -------------------------------------------------------------------


# Qualifier words are per-language data (``approximate``, ``at_least`` and their ``_after`` forms
# in ``summarizer/lexicon``); "+" after a number ("20+") is no language's.
@functools.lru_cache(maxsize=64)
def _qualifier_patterns(language: str | None = None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # The words of the text's own language where it has a lexicon: English "over" is no
    # qualifier in "gesproken over vijf doden" (Dutch: spoken of five dead).
    approx, least = pattern("approximate", language=language).pattern, pattern("at_least", language=language).pattern
    approx_after = pattern("approximate_after", language=language).pattern
    least_after = pattern("at_least_after", language=language).pattern
    before = re.compile(rf"(?:(?P<approx>{approx})|(?P<least>{least}))[\s\u00a0]*$", re.IGNORECASE)
    after = re.compile(rf"^[\s\u00a0]*(?:(?P<approx>{approx_after})|(?P<least>\+|{least_after}))", re.IGNORECASE)
    return before, after


_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:%|процент\w*|відсот\w*|per ?cent|prozent|procent\w*|pour ?cent|п\.п\.)"
    r"|\s*(?:долл\w*|доллар\w*|долар\w*|евро|євро|руб\w*|гривен\w*|гривн\w*|грн|dollars?|euros?|usd|eur|лв\.?|лева"
    r"|złotych|zł|\$|€)(?!\w)"
    r"|[-‑–][^\W\d_]|:\d|\.\d)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:[$€£₴₽№#]|№\s*)\s*$")


def _qualifier(text: str, start: int, end: int, language: str | None = None) -> str:
    qual_before, qual_after = _qualifier_patterns(language)
    head, *rest = text[start:end].split(maxsplit=1) or [""]
    inside = qual_before.fullmatch(head) if rest else None  # "una ventina": about twenty
    for m in (inside, qual_before.search(text[max(0, start - 40) : start]), qual_after.match(text[end : end + 15])):
        if m:
            return "approximate" if m.group("approx") else "at_least"
    return "exact"


def _date_spans(text: str) -> list[tuple[int, int]]:
    # A dummy publication date makes every date expression resolve, so its digits are known.
    return [(d.start, d.end) for d in find_dates(text, "2000-01-01")]


def find_counts(text: str, language: str | None = None, *, own_qualifiers: bool = False) -> list[Count]:
    """Every count in ``text`` (numerals and number words) with its qualifier.

    Qualifiers come from the words just before the number: approximate ("около", "почти",
    "близько", "майже", "близо", "about", "almost", "etwa", "prawie", "environ"...) or at_least
    ("не менее", "более", "понад", "щонайменше", "над", "поне", "at least", "over", "more than",
    "mindestens", "ponad", "plus de"...); otherwise exact. Parts of dates, percentages, money,
    times ("15:00") and compound adjectives ("20-точечного") are not counts. Number words are
    those of ``language`` (every language's when None); numerals count in any language. With
    ``own_qualifiers`` (the text's language is known, not guessed) the qualifier words are
    ``language``'s too.
    """
    spans = _date_spans(text)
    qualifiers_of = language if own_qualifiers else None
    out: list[Count] = []
    number_re, words = _number_re(language)
    for m in number_re.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in spans):
            continue
        if _NOT_A_COUNT_AFTER.match(text[end : end + 12]) or _NOT_A_COUNT_BEFORE.search(
            text[max(0, start - 3) : start]
        ):
            continue
        value = _match_value(m, words)
        if value is None or value != int(value):
            continue
        out.append(Count(int(value), _qualifier(text, start, end, qualifiers_of), start, end))
    return _thousands_and_rest(out, text)


def _thousands_and_rest(counts: list[Count], text: str) -> list[Count]:
    """A count of thousands in words and the number right after it are one count: "20 bin 426"
    (Turkish), "2 тысячи 323", "3 mil 200" (Spanish)."""
    out: list[Count] = []
    for count in counts:
        last = out[-1] if out else None
        if (
            last is not None
            and re.search(r"[^\W\d_]", text[last.start : last.end])  # "bin", "тысячи": a multiplier word
            and last.value >= 1000
            and last.value % 1000 == 0
            and 0 < count.value < 1000
            and not text[last.end : count.start].strip()
        ):
            out[-1] = Count(last.value + count.value, last.qualifier, last.start, count.end)
            continue
        out.append(count)
    return out


# --- durations -------------------------------------------------------------------------------

_DURATION_STEMS: dict[str, float] = {
    "одно": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "пяти": 5, "шести": 6, "семи": 7,
    "восьми": 8, "девяти": 9, "десяти": 10, "одиннадцати": 11, "двенадцати": 12, "полу": 0.5, "полутора": 1.5,
    "дво": 2, "двох": 2, "три": 3, "трьох": 3, "чотири": 4, "чотирьох": 4, "п'яти": 5, "дев'яти": 9,
    "одинадцяти": 11, "дванадцяти": 12, "пів": 0.5, "півтора": 1.5, "едно": 1, "дву": 2, "четири": 4, "пет": 5,
    "шест": 6, "седем": 7, "осем": 8, "девет": 9, "десет": 10, "дванадесет": 12, "ein": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "jedno": 1, "dwu": 2, "trzy": 3, "cztero": 4, "pięcio": 5, "sześcio": 6, "siedmio": 7, "ośmio": 8,
    "dziewięcio": 9, "dziesięcio": 10, "dwunasto": 12, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "half": 0.5,
}  # fmt: skip
_STEM_ALT = "|".join(re.escape(s).replace("'", _A) for s in sorted(_DURATION_STEMS, key=len, reverse=True))
_COMPOUND_DURATION = re.compile(
    rf"(?<!\w)(?P<n>{_STEM_ALT}|\d+(?:[.,]\d+)?)(?:einhalb)?[-‑]?(?:часов|часов|годинн|годин|часов|stündig"
    rf"|godzinn|hours?-long|hour|часови|часов|heures)",
    re.IGNORECASE,
)
_HOUR_UNIT = (
    r"часа|часов|часу|час|годин[иуа]?|годинах|hours?|hrs?|h|stunden|stunde|std\.|godzin[ayę]?|heures?|ore|horas?"
)
_MINUTE_UNIT = r"минут[аыу]?|хвилин[иау]?|минути|minutes?|mins?|minuten?|minut[ya]?|minuti|minutos"
_HALF = r"(?:с половиной|з половиною|и половина|and a half|und eine halbe|i pół|et demie)"
_NUM_TOKEN = rf"(?:\d+(?:[.,]\d+)?|(?:{_WORD_ALT})(?:{_JOIN}(?:{_WORD_ALT}))*|\w+einhalb)"
_UNIT_DURATION = re.compile(
    rf"(?<![\w.,])(?P<n>{_NUM_TOKEN})[\s\u00a0]*(?P<half>{_HALF}[\s\u00a0]*)?"
    rf"(?:(?P<h>{_HOUR_UNIT})|(?P<m>{_MINUTE_UNIT}))(?!\w)"
    rf"(?:[\s\u00a0,]*(?:и|і|and|und|i|et)?[\s\u00a0]*(?P<n2>\d+)[\s\u00a0]*(?:{_MINUTE_UNIT})(?!\w))?",
    re.IGNORECASE,
)
_HALF_HOUR = re.compile(
    r"(?<!\w)(?:полчаса|пів ?години|півгодини|half an hour|eine halbe stunde|pół godziny|une demi-heure)(?!\w)",
    re.IGNORECASE,
)
_HOUR_AND_HALF = re.compile(r"(?<!\w)(?:an hour and a half|eineinhalb stunden|anderthalb stunden)(?!\w)", re.IGNORECASE)
_ONE_HOUR = re.compile(
    r"(?<!\w)(?:более|больше|около|почти|понад|близько|майже|над|близо|почти|more than|over|about|almost|nearly"
    r"|an|one|a full|über|etwa|fast|eine|ponad|około|prawie|une|plus d'une)[\s\u00a0]+"
    r"(?:часа|час|годину|години|година|hour|stunde|godzinę|godziny|heure)(?!\w)",
    re.IGNORECASE,
)
_TIME_OF_DAY_BEFORE = re.compile(r"(?<!\w)(?:в|во|к|до|после|о|об|at|um|à|o|с|з|по|от|from|till|until|bis)\s+$", re.I)
_TIME_OF_DAY_AFTER = re.compile(
    r"^\s*(?::\d|утра|вечера|дня|ночи|ранку|вечора|ночі|сутра|вечерта|a\.m|p\.m|am\b|pm\b|uhr)", re.I
)


def _token_value(raw: str) -> float | None:
    raw = raw.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", raw):
        return float(raw.replace(",", "."))
    m = re.fullmatch(r"(\w+)einhalb", raw, re.IGNORECASE)
    if m:
        base = _WORDS.get(m.group(1).lower()) or (1.0 if m.group(1).lower() == "ein" else None)
        return base + 0.5 if base is not None else None
    return _words_value(raw)


def parse_duration_hours(text: str) -> float | None:
    """Length in hours of the first duration in ``text``: "почти пятичасовые переговоры" -> 5.0,
    "понад 12 годин" -> 12.0, "близько п'яти годин" -> 5.0, "над четири часа" -> 4.0,
    "two and a half hours" -> 2.5, "90 minutes" -> 1.5. Times of day ("в 15 часов") are not
    durations. None when there is no duration."""
    found: list[tuple[int, float]] = []
    for m in _COMPOUND_DURATION.finditer(text):
        raw = re.sub(_A, "'", m.group("n").lower())
        value = _DURATION_STEMS.get(raw)
        if value is None:
            value = _token_value(raw)
        if value is not None and "einhalb" in m.group(0).lower():
            value += 0.5
        if value:
            found.append((m.start(), float(value)))
    for m in _UNIT_DURATION.finditer(text):
        if _TIME_OF_DAY_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        if _TIME_OF_DAY_AFTER.match(text[m.end() : m.end() + 8]):
            continue
        value = _token_value(m.group("n"))
        if value is None or value <= 0:
            continue
        if m.group("half"):
            value += 0.5
        if m.group("m"):
            value /= 60
        elif m.group("n2"):
            value += int(m.group("n2")) / 60
        found.append((m.start(), value))
    for m in _HALF_HOUR.finditer(text):
        found.append((m.start(), 0.5))
    for m in _HOUR_AND_HALF.finditer(text):
        found.append((m.start(), 1.5))
    for m in _ONE_HOUR.finditer(text):
        found.append((m.start(), 1.0))
    if not found:
        return None
    found.sort(key=lambda f: f[0])
    hours = found[0][1]
    return round(hours, 2) if math.isfinite(hours) and hours < MAX_NUMBER else None
