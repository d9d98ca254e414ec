"""Numbers in article text: numerals, number words, qualifiers, durations and casualty counts.

Deterministic tables for Russian, Ukrainian, Bulgarian, English, German, Polish and French.
Digits may be grouped with spaces (also no-break and thin spaces), commas or dots
("2 400", "2,400", "2.400"); a decimal comma or point with a multiplier word is understood
("1,5 тыс." -> 1500).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .dates import find_dates

__all__ = ["QUALIFIERS", "Count", "casualty_counts", "find_counts", "parse_duration_hours", "parse_number"]

QUALIFIERS = ("exact", "approximate", "at_least")


@dataclass(frozen=True)
class Count:
    """A number in a text: ``text[start:end]`` is the numeral (digits or words), ``qualifier`` from the words before."""

    value: int
    qualifier: str
    start: int
    end: int


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


_WORDS: dict[str, float] = {}
_WORDS.update(
    _forms(  # Russian
        "1:один одна одно одного одной одному одним одну;2:два две двух двум двумя двое двоих;"
        "3:три трех трёх трем трём тремя трое троих;4:четыре четырех четырёх четырем четырьмя четверо четверых;"
        "5:пять пяти пятью пятеро пятерых;6:шесть шести шестью шестеро шестерых;7:семь семи семеро семерых;"
        "8:восемь восьми восемью восьмеро;9:девять девяти девятью девятеро;10:десять десяти десятью десятеро;"
        "11:одиннадцать одиннадцати;12:двенадцать двенадцати;13:тринадцать тринадцати;14:четырнадцать четырнадцати;"
        "15:пятнадцать пятнадцати;16:шестнадцать шестнадцати;17:семнадцать семнадцати;18:восемнадцать восемнадцати;"
        "19:девятнадцать девятнадцати;20:двадцать двадцати;30:тридцать тридцати;40:сорок сорока;"
        "50:пятьдесят пятидесяти;60:шестьдесят шестидесяти;70:семьдесят семидесяти;80:восемьдесят восьмидесяти;"
        "90:девяносто девяноста;100:сто ста;200:двести двухсот;300:триста трехсот трёхсот;400:четыреста четырехсот;"
        "500:пятьсот пятисот;600:шестьсот шестисот;700:семьсот семисот;800:восемьсот восьмисот;900:девятьсот девятисот;"
        "1.5:полтора полторы полутора"
    )
)
_WORDS.update(
    _forms(  # Ukrainian
        "1:одна одне однієї одній;2:дві двох двом двома двоє;3:трьох трьом трьома троє;4:чотири чотирьох чотирьом;"
        "5:п'ять п'яти п'ятьма п'ятеро п'ятьох;6:шість шести шістьох шістьма;7:сім семи сімох сьома;"
        "8:вісім восьми вісьмох;9:дев'ять дев'яти дев'ятьох;10:десять десяти десятьох;11:одинадцять одинадцяти;"
        "12:дванадцять дванадцяти;13:тринадцять тринадцяти;14:чотирнадцять чотирнадцяти;15:п'ятнадцять п'ятнадцяти;"
        "16:шістнадцять шістнадцяти;17:сімнадцять сімнадцяти;18:вісімнадцять вісімнадцяти;"
        "19:дев'ятнадцять дев'ятнадцяти;20:двадцять двадцяти;30:тридцять тридцяти;40:сорок сорока;"
        "50:п'ятдесят п'ятдесяти;60:шістдесят шістдесяти;70:сімдесят сімдесяти;80:вісімдесят вісімдесяти;"
        "90:дев'яносто дев'яноста;100:сто ста;200:двісті двохсот;300:триста трьохсот;400:чотириста чотирьохсот;"
        "500:п'ятсот п'ятисот;600:шістсот;700:сімсот;800:вісімсот;900:дев'ятсот;1.5:півтора півтори"
    )
)
_WORDS.update(
    _forms(  # Bulgarian
        "1:един едно;2:двама;3:трима;4:четири четирима;5:пет петима;6:шест шестима;7:седем седмина;8:осем осмина;"
        "9:девет деветима;10:десет десетима;11:единадесет единайсет;12:дванадесет дванайсет;13:тринадесет тринайсет;"
        "14:четиринадесет четиринайсет;15:петнадесет петнайсет;16:шестнадесет шестнайсет;17:седемнадесет седемнайсет;"
        "18:осемнадесет осемнайсет;19:деветнадесет деветнайсет;20:двадесет двайсет;30:тридесет трийсет;"
        "40:четиридесет четирийсет;50:петдесет;60:шестдесет;70:седемдесет;80:осемдесет;90:деветдесет;200:двеста;"
        "400:четиристотин;500:петстотин;600:шестстотин;700:седемстотин;800:осемстотин;900:деветстотин"
    )
)
_WORDS.update(
    _forms(  # English
        "1:one;2:two;3:three;4:four;5:five;6:six;7:seven;8:eight;9:nine;10:ten;11:eleven;12:twelve dozen;"
        "13:thirteen;14:fourteen;15:fifteen;16:sixteen;17:seventeen;18:eighteen;19:nineteen;20:twenty;30:thirty;"
        "40:forty;50:fifty;60:sixty;70:seventy;80:eighty;90:ninety;100:hundred"
    )
)
_WORDS.update(
    _forms(  # German
        "1:eins;2:zwei;3:drei;4:vier;5:fünf;6:sechs;7:sieben;8:acht;9:neun;10:zehn;11:elf;12:zwölf;13:dreizehn;"
        "14:vierzehn;15:fünfzehn;16:sechzehn;17:siebzehn;18:achtzehn;19:neunzehn;20:zwanzig;30:dreißig;40:vierzig;"
        "50:fünfzig;60:sechzig;70:siebzig;80:achtzig;90:neunzig;100:hundert einhundert"
    )
)
_WORDS.update(
    _forms(  # Polish
        "1:jeden jedna jedno;2:dwa dwie dwóch dwoje dwojga;3:trzy trzech troje trojga;4:cztery czterech czworo;"
        "5:pięć pięciu pięcioro;6:sześć sześciu sześcioro;7:siedem siedmiu;8:osiem ośmiu;9:dziewięć dziewięciu;"
        "10:dziesięć dziesięciu;11:jedenaście jedenastu;12:dwanaście dwunastu;13:trzynaście trzynastu;"
        "14:czternaście czternastu;15:piętnaście piętnastu;16:szesnaście szesnastu;17:siedemnaście siedemnastu;"
        "18:osiemnaście osiemnastu;19:dziewiętnaście dziewiętnastu;20:dwadzieścia dwudziestu;30:trzydzieści trzydziestu;"
        "40:czterdzieści czterdziestu;50:pięćdziesiąt pięćdziesięciu;100:sto stu;200:dwieście dwustu;"
        "1.5:półtora półtorej"
    )
)
_WORDS.update(
    _forms(  # French
        "2:deux;3:trois;4:quatre;5:cinq;6:six;7:sept;8:huit;9:neuf;10:dix;11:onze;12:douze;13:treize;14:quatorze;"
        "15:quinze;16:seize;20:vingt;30:trente;40:quarante;50:cinquante;60:soixante;100:cent"
    )
)
_MULTIPLIERS: dict[str, int] = {}
for _value, _pattern in (
    (
        1000,
        r"тыс\.?|тысяч[аиу]?|тысячами|тис\.?|тисяч[аіу]?|хил\.?|хиляд[аи]|thousand|thousands|tausend|tys\.?"
        r"|tysiąc[ae]?|tysięcy|mille|k",
    ),
    (
        1_000_000,
        r"млн\.?|миллион(?:а|ов)?|мільйон(?:а|ів)?|милион(?:а|и)?|million|millions|millionen|mio\.?|mln\.?"
        r"|milion(?:y|ów)?",
    ),
    (
        1_000_000_000,
        r"млрд\.?|миллиард(?:а|ов)?|мільярд(?:а|ів)?|милиард(?:а|и)?|billion|billions|milliarden?"
        r"|mrd\.?|mld\.?|miliard(?:y|ów)?",
    ),
):
    _MULTIPLIERS[_pattern] = _value

_WORD_ALT = "|".join(re.escape(w).replace("'", _A) for w in sorted(_WORDS, key=len, reverse=True))
_MULT_ALT = "|".join(f"(?:{p})" for p in _MULTIPLIERS)
_JOIN = r"(?:[\s\u00a0-]+(?:и|і|й|and|und|i|et)?[\s\u00a0-]*|-)"
_WORD_SEQ = rf"(?:{_WORD_ALT})(?:{_JOIN}(?:{_WORD_ALT}))*"
_SPACES = "\u0020\u00a0\u202f\u2009"
_DIGITS = (
    rf"\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?:[.,]\d+)?"  # 2 400, 12 000,5
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 2,400.5
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 2.400,5
    r"|\d+(?:[.,]\d+)?"
)
_NUMBER_RE = re.compile(
    rf"(?<![\w.,:/])(?:(?P<digits>{_DIGITS})|(?P<words>{_WORD_SEQ}))"
    rf"(?:[\s\u00a0]*(?P<mult>{_MULT_ALT})(?!\w))?(?![\w'’])",
    re.IGNORECASE,
)


def _digits_value(raw: str) -> float:
    s = re.sub(rf"[{_SPACES}]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    return float(s.replace(",", "."))


def _words_value(raw: str) -> float | None:
    tokens = [
        t for t in re.split(r"[\s\u00a0-]+", raw.lower()) if t and t not in ("и", "і", "й", "and", "und", "i", "et")
    ]
    total, current = 0.0, 0.0
    for token in tokens:
        token = re.sub(_A, "'", token)
        value = _WORDS.get(token)
        if value is None:
            return None
        if value == 100 and 0 < current < 10:
            current *= 100
        else:
            current += value
    return total + current


MAX_NUMBER = 10**12


def _multiplier(raw: str | None) -> int:
    if not raw:
        return 1
    for pattern, value in _MULTIPLIERS.items():
        if re.fullmatch(pattern, raw, re.IGNORECASE):
            return value
    return 1


def _match_value(m: re.Match[str]) -> float | None:
    if m.group("digits"):
        base: float | None = _digits_value(m.group("digits"))
    else:
        base = _words_value(m.group("words"))
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

_APPROX = (
    r"около|почти|приблизительно|примерно|порядка|ориентировочно|близько|майже|приблизно|орієнтовно|близо"
    r"|приблизително|към|about|almost|nearly|around|roughly|approximately|some|an estimated|estimated|close to"
    r"|up to|just under|etwa|fast|rund|knapp|ungefähr|circa|ca\.|beinahe|nahezu|annähernd|bis zu|około|ok\.|prawie"
    r"|blisko|niemal|niemalże|mniej więcej|environ|près de|presque|quelque|approximativement|autour de|jusqu'à"
)
_AT_LEAST = (
    r"не менее|не меньше|по меньшей мере|по крайней мере|как минимум|минимум|более чем|больше чем|более|свыше"
    r"|больше|понад|щонайменше|принаймні|більш ніж|більше ніж|більше|не менше ніж|не менш ніж|не менше|як мінімум"
    r"|мінімум|над|поне|повече от|най-малко|не по-малко от|at least|over|more than|upwards of|in excess of"
    r"|a minimum of|no fewer than|no less than|mindestens|über|mehr als|wenigstens|zumindest|ponad|co najmniej"
    r"|przynajmniej|więcej niż|powyżej|plus de|plus d'|au moins|au minimum"
)
_QUAL_BEFORE = re.compile(rf"(?<!\w)(?:(?P<approx>{_APPROX})|(?P<least>{_AT_LEAST}))[\s\u00a0]*$", re.IGNORECASE)
_QUAL_AFTER = re.compile(r"^\s*(?:\+|с лишним|з гаком|и повече|or more|und mehr|i więcej|et plus)", re.IGNORECASE)
_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:%|процент\w*|відсот\w*|per ?cent|prozent|procent\w*|pour ?cent|п\.п\.)"
    r"|\s*(?:долл\w*|доллар\w*|долар\w*|евро|євро|руб\w*|гривен\w*|гривн\w*|грн|dollars?|euros?|usd|eur|лв\.?|лева"
    r"|złotych|zł|\$|€)(?!\w)"
    r"|[-‑–][^\W\d_]|:\d|\.\d)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:[$€£₴₽№#]|№\s*)\s*$")


def _qualifier(text: str, start: int, end: int) -> str:
    before = text[max(0, start - 40) : start]
    m = _QUAL_BEFORE.search(before)
    if m:
        return "approximate" if m.group("approx") else "at_least"
    if _QUAL_AFTER.match(text[end : end + 15]):
        return "at_least"
    return "exact"


def _date_spans(text: str) -> list[tuple[int, int]]:
    # A dummy publication date makes every date expression resolve, so its digits are known.
    return [(d.start, d.end) for d in find_dates(text, "2000-01-01")]


def find_counts(text: str) -> list[Count]:
    """Every count in ``text`` (numerals and number words) with its qualifier.

    Qualifiers come from the words just before the number: approximate ("около", "почти",
    "близько", "майже", "близо", "about", "almost", "etwa", "prawie", "environ"...) or at_least
    ("не менее", "более", "понад", "щонайменше", "над", "поне", "at least", "over", "more than",
    "mindestens", "ponad", "plus de"...); otherwise exact. Parts of dates, percentages, money,
    times ("15:00") and compound adjectives ("20-точечного") are not counts.
    """
    spans = _date_spans(text)
    out: list[Count] = []
    for m in _NUMBER_RE.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in spans):
            continue
        if _NOT_A_COUNT_AFTER.match(text[end : end + 12]) or _NOT_A_COUNT_BEFORE.search(
            text[max(0, start - 3) : start]
        ):
            continue
        value = _match_value(m)
        if value is None or value != int(value):
            continue
        out.append(Count(int(value), _qualifier(text, start, end), start, end))
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


# --- casualties ------------------------------------------------------------------------------

_KILLED = re.compile(
    r"(?<!\w)(?:погиб\w*|убит\w*|убил\w*|жертв\w*|мертв\w*|загин\w*|загибл\w*|вбит\w*|вбив\w*|вбил\w*|убити"
    r"|killed|killing|kills|dead|died|deaths?|death toll|fatalities|lives|getötet\w*|tote\w*|todesopfer\w*|tot"
    r"|starben|ums leben|zginęł\w*|zginął|zginęli|zabit\w*|zabił\w*|ofiar\w*|nie żyj\w*|zmarł\w*|tués?|tuées?"
    r"|morts?|décès|muertos|morti)(?!\w)",
    re.IGNORECASE,
)
_INJURED = re.compile(
    r"(?<!\w)(?:ранен\w*|ранени\w*|пострадал\w*|травмирован\w*|поранен\w*|поранено|травмован\w*|постраждал\w*"
    r"|injured|injuring|injuries|wounded|wounding|hurt|verletzt\w*|verwundet\w*|rann(?:y|i|ych|ymi|e)|poszkodowan\w*"
    r"|blessé\w*|heridos|feriti)(?!\w)",
    re.IGNORECASE,
)
_CHILDREN = re.compile(
    r"(?<!\w)(?:дет(?:ей|и|ям|ьми)|ребен\w*|ребён\w*|несовершеннолетн\w*|діт(?:ей|и|ям|ьми)|дитин\w*|неповнолітн\w*"
    r"|деца(?:та)?|дете(?:то)?|непълнолетн\w*|children|child|kids|minors?|kinder\w*|kind|dzieci\w*|dzieck\w*"
    r"|enfants?|niños|bambini)(?!\w)",
    re.IGNORECASE,
)
_NOT_PEOPLE = re.compile(
    r"^[\s\u00a0]*(?:\w+[\s\u00a0]+)?(?:дрон\w*|беспилотник\w*|бпла|ракет\w*|шахед\w*|здани\w*|будин\w*|домов|дома"
    r"|объект\w*|об'єкт\w*|км|километр\w*|кілометр\w*|тонн\w*|лет|років|години|годы|drones?|missiles?|rockets?"
    r"|buildings?|homes?|houses?|km|tonnes?|tons?|years?|drohnen|raketen|gebäude|dronów|rakiet|budynków|ans)(?!\w)",
    re.IGNORECASE,
)
_INCLUDING = re.compile(
    r"(?:в том числе|включая|среди них|из них|среди которых|серед них|у тому числі|в тому числі|зокрема|з них"
    r"|включително|сред тях|от тях|сред които|including|among them|of them|of whom|darunter|davon|w tym|wśród nich"
    r"|dont|parmi eux)[\s\u00a0:—–-]*(?:\w+[\s\u00a0]+)?$",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[,;:—–()]")
_SENTENCE = re.compile(r"[.!?\n]+(?=\s|$)")


def _sentence_of(text: str, pos: int) -> tuple[int, int]:
    left = 0
    for m in _SENTENCE.finditer(text, 0, pos):
        left = m.end()
    right = _SENTENCE.search(text, pos)
    return left, right.start() if right else len(text)


def casualty_counts(text: str) -> dict[str, int | str | None]:
    """Killed and injured counts in ``text`` (a sentence or paragraph about one toll).

    Returns ``{"killed", "injured", "children_killed", "children_injured", "qualifier"}``. A number
    belongs to the nearest killed- or injured-word of its sentence, before or after it
    ("погибли около 2 400 человек", "2 400 погибших", "ещё почти 12 000 получили ранения"); each
    comma, colon or dash between them counts as 40 extra characters of distance. A number followed
    by a children-word ("трое детей", "5 children") is a children count, and after "including /
    в том числе / серед них" it belongs to the casualty word before it. Several numbers for one
    field: the largest wins. Children killed without a total make the total. ``qualifier`` is
    that of the killed figure, else of the injured figure, else "exact".
    """
    keywords = [(m.start(), m.end(), "killed") for m in _KILLED.finditer(text)]
    keywords += [(m.start(), m.end(), "injured") for m in _INJURED.finditer(text)]
    result: dict[str, int | str | None] = {
        "killed": None, "injured": None, "children_killed": None, "children_injured": None, "qualifier": "exact",
    }  # fmt: skip
    if not keywords:
        return result
    best: dict[str, Count] = {}
    for count in find_counts(text):
        if _NOT_PEOPLE.match(text[count.end : count.end + 30]):
            continue
        left, right = _sentence_of(text, count.start)
        children = bool(_CHILDREN.match(text[count.end : count.end + 40].lstrip(" \u00a0"))) or bool(
            re.match(r"^[\s\u00a0]*\w+[\s\u00a0]+" + _CHILDREN.pattern, text[count.end : count.end + 40], re.I)
        )
        including = bool(_INCLUDING.search(text[max(left, count.start - 40) : count.start]))
        scored: list[tuple[float, str]] = []
        for k_start, k_end, kind in keywords:
            if k_start < left or k_end > right:
                continue
            if k_start >= count.end:
                if including:
                    continue
                gap = text[count.end : k_start]
            else:
                gap = text[k_end : count.start]
            distance = len(gap) + 40 * len(_PUNCT.findall(gap))
            if distance <= 150:
                scored.append((distance, kind))
        if not scored:
            continue
        kind = min(scored)[1]
        field = f"children_{kind}" if children else kind
        if field not in best or count.value > best[field].value:
            best[field] = count
    for field, count in best.items():
        result[field] = count.value
    if result["killed"] is None and "children_killed" in best:
        result["killed"] = result["children_killed"]
        best["killed"] = best["children_killed"]
    if result["injured"] is None and "children_injured" in best:
        result["injured"] = result["children_injured"]
        best["injured"] = best["children_injured"]
    lead = best.get("killed") or best.get("injured")
    if lead is not None:
        result["qualifier"] = lead.qualifier
    return result
