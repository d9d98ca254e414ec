"""Per-language word lists, as data: one ``<code>.json`` file per language in this folder.

Each file names the words that make a sentence worth a question (``meeting``, ``demand``,
``casualty``), the words of the casualty counter (``killed``, ``injured``, ``children``), groups
that meet without named members (``delegation``), words that put a clause in the past or the future
(``past``, ``future``: the date resolver's tense cues), the verbs that put a meeting itself in the
past or the future (``meeting_past``, ``meeting_future``: "met", "will meet"; and ``meeting_after``,
what came after a meeting: "after the talks", "по итогам встречи"), the words that fix a meeting's
status or format (``cancelled``, ``not_planned``, ``possible``, ``phone``, ``video``), who the
victims of a casualty count are (``civilians``: also passengers, workers, residents, protesters;
``military``; ``both_sides``: "on both sides", "auf beiden Seiten", "с обеих сторон", a count of
either side's people, mixed), the words that qualify a count (``approximate``: "about"; ``at_least``: "at least",
"more than"; written just before the number, or, for ``approximate_after`` and ``at_least_after``,
just after it: "30명 이상", "20'den fazla"), the words after a number that make it no count of people
(``not_people``: ages, dates, units, money, objects: "19 anni", "28일", "40 km", "5 drones"), the
words that make a count a part of a toll already given (``subset``: "among the dead", "среди
погибших", "死者のうち", "nine of the injured"), the words of a figure that a later one replaced
(``superseded``: "an earlier toll", "précédent bilan", "ранее сообщалось"), the language's own words
for bodies and groups (``institutions``: "gobierno", "sindicatos", "правительство": a model that
echoes them has named no one in English), the titles a name may carry (``titles``: "Genel Başkanı",
"Gubernur", "Bürgermeister": not part of the name), the words that make a count one of the missing
(``missing``: "25 orang hilang", "vermisst"), the words that say no one was killed or injured,
before the casualty word they deny (``negation``: "no one was injured", "δεν προκάλεσε
τραυματισμούς", "sin heridos") or after it (``negation_after``: "пострадавших нет", "verletzt wurde
niemand", "死者は出ていない"), the words that make a date the start of a span, not the day of an event
(``since``: "since", "seit", "с 7 марта"; ``since_after``: "以来", "이후", "'den beri"), the nouns after
which "of" and a name say whose thing it is, not who took part (``whose``: "los aranceles de Trump",
"der Plan von Trump"), the word for talks between parties (``between``: "between", "между", "entre",
the parties after it; ``between_post``: "arasında", "之间", the parties before it), the word "and"
(``and``: counts it joins add up, "11 strażaków i trzech cywilów"), the words that make a number a
year (``year_before``, just before it: "in", "nel", "tahun", "عام"; ``year_after``, just after it:
"года", "roku", "yılında", "'te", "年"), the words that make meetings many (``times``: "{n} volte",
"più volte", "多次"; ``{n}`` a count of two or more), the words that add people to the meeting just
told (``also_present``: "X also attended", "也出席"), the words after which a clause tells what the
sentence's speaker said (``reported``: "said that", "заявил, что", "erklärte,", "表示，": a demand in
that clause is its own subject's), the seven ``weekdays`` (Monday first; ``weekdays_case_sensitive``
where a lower-case form means something else, as Indonesian "minggu", week), number words
(``numbers``: value -> space-separated forms), the case endings of names to undo (``name_endings``:
[inflected, nominative] pairs, "ckim" -> "cki") and the words that name what killed or injured
people (``causes``: an English label of ``CAUSE_KINDS`` -> words, "earthquake" -> ["землетрясени"])
and the words that multiply the number before them (``multipliers``: value -> words, "1000" ->
["тысяч[аиу]?"], "10000" -> ["万"]).

Entries are regular-expression fragments matched case-insensitively. In a language whose
``anchor`` is ``"word"`` a fragment matches at the start of a word (``"talks"`` does not match
"stalks"), unless it starts with ``~``, which lets it match inside a word (German compounds:
``"~gespräch"`` matches "Friedensgespräche"). Languages written without spaces (``"none"``:
Chinese, Japanese) match anywhere. ``count_first: true`` says that a count comes before its
casualty word (Korean, Japanese, Chinese, Turkish), which the casualty counter uses. Adding a language is adding a file; the files are
validated when first used, and a bad one is a ``ConfigError`` that names it.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError

__all__ = [
    "CAUSE_KINDS",
    "CIVILIAN_CAUSES",
    "FIELDS",
    "Lexicon",
    "cause_patterns",
    "counts_come_first",
    "lexicons",
    "load_lexicons",
    "multiplier_words",
    "nominative_name",
    "number_words",
    "pattern",
    "relative_patterns",
    "times_pattern",
    "weekday_patterns",
]

RELATIVE_KINDS: tuple[str, ...] = (
    "today", "tomorrow", "after_tomorrow", "yesterday", "before_yesterday", "this_month", "last_month",
    "next_month", "this_year", "last_year", "next_year", "days_ago", "days_ahead", "week_ago", "week_ahead",
)  # fmt: skip
"""The keys of a lexicon's ``relative`` words (day and month and year references). The entries of
``days_ago`` and ``days_ahead`` write ``{n}`` where the count of days stands ("{n} giorni fa",
"через {n} дней"): digits or a number word of the language. ``week_ago`` and ``week_ahead`` are one
week before or after the publication date ("a week ago", "через неделю")."""

CAUSE_KINDS: tuple[str, ...] = (
    "tsunami", "earthquake", "landslide", "flood", "storm", "wildfire", "missile strike", "drone attack",
    "air strike", "shelling", "bombing", "shooting", "building collapse", "mining accident", "stampede",
    "shipwreck", "plane crash", "train crash", "road crash", "explosion", "fire", "clashes",
)  # fmt: skip
"""The English labels of a lexicon's ``causes``, the most specific first: a sentence naming
several ("a car bomb explosion", "a fire after the earthquake", "a drone hit a bus of miners")
takes the first; weapons come before the accidents whose words they share ("plane")."""

CIVILIAN_CAUSES = frozenset(
    {"tsunami", "earthquake", "landslide", "flood", "storm", "wildfire", "building collapse", "mining accident",
     "stampede", "shipwreck", "plane crash", "train crash", "road crash", "bombing", "explosion", "fire"}
)  # fmt: skip
"""Causes whose dead and injured are civilians unless the text says otherwise: disasters,
accidents and bombings, not the fighting and strikes that may kill soldiers."""

FIELDS: tuple[str, ...] = (
    "meeting", "demand", "casualty", "killed", "injured", "children", "delegation", "past", "future",
    "meeting_past", "meeting_after", "meeting_future", "cancelled", "not_planned", "possible", "phone", "video", "civilians",
    "military", "both_sides", "approximate", "at_least", "approximate_after", "at_least_after", "not_people", "subset", "superseded", "institutions", "titles", "missing",
    "negation", "negation_after", "since", "since_after", "whose", "between", "between_post", "and",
    "year_before", "year_after", "times", "also_present", "reported",
)  # fmt: skip
"""The word-list fields of a lexicon file (each a list of regex fragments)."""

_FOLDER = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Lexicon:
    """One language's word lists (see the module docstring)."""

    language: str
    name: str
    anchor: str
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    count_first: bool = False  # a count comes before its casualty word ("4명이 숨지고", "36人死亡")
    weekdays: tuple[str, ...] = ()
    weekdays_case_sensitive: bool = False
    months: tuple[tuple[str, ...], ...] = ()  # twelve lists of word forms, January first
    months_case_sensitive: bool = False  # English "may", "march": only capitalised forms are months
    relative: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "yesterday" -> patterns
    name_endings: tuple[tuple[str, str], ...] = ()  # (inflected ending, nominative ending) of names
    multipliers: dict[int, tuple[str, ...]] = field(default_factory=dict)  # 1000 -> ("тысяч[аиу]?",)

    def fragments(self, kind: str, *, whole_words: bool = False) -> list[str]:
        """The regex fragments of ``kind``, each with the anchors its language asks for."""
        out = []
        for entry in self.words.get(kind, ()):
            inside = entry.startswith("~") or self.anchor == "none"
            body = entry.lstrip("~")
            before = "" if inside else r"(?<!\w)"
            after = r"(?!\w)" if whole_words and self.anchor == "word" else ""
            out.append(f"{before}(?:{body}){after}")
        return out


def _check_patterns(path: Path, what: str, entries: list[str]) -> None:
    for entry in entries:
        try:
            re.compile(entry.lstrip("~"))
        except re.error as exc:
            raise ConfigError(f"{path}: {what} {entry!r} is not a valid pattern ({exc})") from None


def _parse(path: Path) -> Lexicon:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: unreadable lexicon ({exc})") from None
    if not isinstance(data, dict) or data.get("language") != path.stem:
        raise ConfigError(f"{path}: a lexicon is a JSON object whose 'language' is the file's name ({path.stem!r})")
    if data.get("anchor") not in ("word", "none"):
        raise ConfigError(f'{path}: \'anchor\' must be "word" or "none"')
    words: dict[str, tuple[str, ...]] = {}
    for kind in FIELDS:
        entries = data.get(kind, [])
        if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip("~") for e in entries):
            raise ConfigError(f"{path}: {kind!r} must be a list of non-empty strings")
        _check_patterns(path, f"{kind} entry", entries)
        words[kind] = tuple(entries)
    numbers: dict[str, float] = {}
    raw_numbers = data.get("numbers", {})
    if not isinstance(raw_numbers, dict):
        raise ConfigError(f"{path}: 'numbers' must map values to space-separated word forms")
    for value, forms in raw_numbers.items():
        try:
            number = float(value)
        except ValueError:
            raise ConfigError(f"{path}: number value {value!r} is not a number") from None
        if not isinstance(forms, str):
            raise ConfigError(f"{path}: the forms of {value} must be one space-separated string")
        for form in forms.split():
            numbers[form.lower()] = number
    for flag in ("count_first", "weekdays_case_sensitive", "months_case_sensitive"):
        if not isinstance(data.get(flag, False), bool):
            raise ConfigError(f"{path}: {flag!r} must be true or false")
    weekdays = data.get("weekdays", [])
    if weekdays and (len(weekdays) != 7 or not all(isinstance(w, str) and w for w in weekdays)):
        raise ConfigError(f"{path}: 'weekdays' must list seven patterns, Monday first")
    _check_patterns(path, "weekday", weekdays)
    months = data.get("months", [])
    if months and (
        len(months) != 12
        or not all(isinstance(m, list) and m and all(isinstance(f, str) and f for f in m) for m in months)
    ):
        raise ConfigError(f"{path}: 'months' must list twelve lists of word forms, January first")
    relative = data.get("relative", {})
    if not isinstance(relative, dict) or not set(relative) <= set(RELATIVE_KINDS):
        raise ConfigError(f"{path}: 'relative' maps some of {', '.join(RELATIVE_KINDS)} to lists of patterns")
    for kind, entries in relative.items():
        if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
            raise ConfigError(f"{path}: relative {kind!r} must be a list of non-empty strings")
        counted = kind in ("days_ago", "days_ahead")
        if any((e.count("{n}") == 1) != counted for e in entries):
            raise ConfigError(
                f"{path}: relative {kind!r}: {{n}} (the count of days) once in each entry of days_ago and days_ahead, nowhere else"
            )
        _check_patterns(path, f"relative {kind} entry", entries)
    causes = data.get("causes", {})
    if not isinstance(causes, dict) or not set(causes) <= set(CAUSE_KINDS):
        raise ConfigError(f"{path}: 'causes' maps some of {', '.join(CAUSE_KINDS)} to lists of words")
    for kind, entries in causes.items():
        if not isinstance(entries, list) or not all(isinstance(e, str) and e.strip("~") for e in entries):
            raise ConfigError(f"{path}: cause {kind!r} must be a list of non-empty strings")
        _check_patterns(path, f"cause {kind} entry", entries)
        words[f"cause:{kind}"] = tuple(entries)
    multipliers: dict[int, tuple[str, ...]] = {}
    raw_multipliers = data.get("multipliers", {})
    if not isinstance(raw_multipliers, dict):
        raise ConfigError(f"{path}: 'multipliers' must map values to lists of words")
    for value, entries in raw_multipliers.items():
        if not value.isdigit() or not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
            raise ConfigError(f"{path}: multiplier {value!r} must be a whole number with a list of words")
        _check_patterns(path, f"multiplier {value} entry", entries)
        multipliers[int(value)] = tuple(entries)
    name_endings = data.get("name_endings", [])
    if not isinstance(name_endings, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(x, str) for x in pair) and pair[0]
        for pair in name_endings
    ):
        raise ConfigError(f"{path}: 'name_endings' must list [inflected ending, nominative ending] pairs")
    return Lexicon(
        path.stem,
        str(data.get("name", path.stem)),
        data["anchor"],
        words,
        numbers,
        data.get("count_first", False),
        tuple(weekdays),
        data.get("weekdays_case_sensitive", False),
        tuple(tuple(forms) for forms in months),
        data.get("months_case_sensitive", False),
        {kind: tuple(entries) for kind, entries in relative.items()},
        tuple((a, b) for a, b in name_endings),
        multipliers,
    )


def load_lexicons(folder: Path | None = None) -> dict[str, Lexicon]:
    """Read and validate every ``*.json`` lexicon in ``folder`` (default: this package)."""
    return {path.stem: _parse(path) for path in sorted((folder or _FOLDER).glob("*.json"))}


@functools.lru_cache(maxsize=1)
def lexicons() -> dict[str, Lexicon]:
    """The packaged lexicons, read once per process."""
    return load_lexicons()


@functools.lru_cache(maxsize=256)  # a few kinds, merged or per language (18 and counting)
def pattern(*kinds: str, whole_words: bool = False, language: str | None = None) -> re.Pattern[str]:
    """One case-insensitive pattern matching any entry of ``kinds`` in any language, or only in
    ``language`` where it has a lexicon (a word of one language may be another's: German
    "tot", dead, is Dutch "tot", until).

    ``whole_words`` also requires a word end after entries of space-separated languages.
    A pattern that can match nothing is returned when no language has such entries.
    """
    chosen = [lexicons()[language]] if language in lexicons() else list(lexicons().values())
    fragments = [f for lexicon in chosen for kind in kinds for f in lexicon.fragments(kind, whole_words=whole_words)]
    if not fragments:
        return re.compile(r"(?!x)x")
    # Longer fragments first, so that "death toll" wins over "dead" where both could match.
    fragments.sort(key=len, reverse=True)
    return re.compile("|".join(fragments), re.IGNORECASE)


def weekday_patterns() -> list[tuple[int, re.Pattern[str]]]:
    """(weekday number, Monday = 0; pattern) for every language's weekday names."""
    out = []
    for lexicon in lexicons().values():
        before, after = (r"(?<!\w)", r"(?!\w)") if lexicon.anchor == "word" else ("", "")
        flags = 0 if lexicon.weekdays_case_sensitive else re.IGNORECASE
        out += [(n, re.compile(f"{before}(?:{p}){after}", flags)) for n, p in enumerate(lexicon.weekdays)]
    return out


def counts_come_first(language: str | None) -> bool:
    """Whether ``language`` puts a count before its casualty word (its lexicon's ``count_first``)."""
    lexicon = lexicons().get(language or "")
    return bool(lexicon and lexicon.count_first)


def number_words(language: str | None = None) -> dict[str, float]:
    """Number words (lower case) of ``language``, or of every language when it is None or has
    no lexicon. Words of one language only, so that Turkish "on" (10) or Italian "due" (2) never
    count in an English sentence."""
    table = lexicons()
    if language in table:
        return dict(table[language].numbers)
    merged: dict[str, float] = {}
    for lexicon in table.values():
        for form, value in lexicon.numbers.items():
            merged.setdefault(form, value)
    return merged


def multiplier_words() -> dict[str, int]:
    """Every language's words that multiply the number before them ("тысяч[аиу]?" -> 1000,
    "万" -> 10000), longest first, so that "mil millones" wins over "mil"."""
    table = {entry: value for lexicon in lexicons().values() for value, entries in lexicon.multipliers.items()
             for entry in entries}  # fmt: skip
    return dict(sorted(table.items(), key=lambda item: len(item[0]), reverse=True))


def nominative_name(phrase: str, language: str | None) -> str:
    """A name phrase in Latin letters with the case endings of ``language`` undone where its
    lexicon lists them (``name_endings``: Polish "Mateuszem Koteckim" -> "Mateusz Kotecki");
    longer endings first, a word keeps at least three letters."""
    lexicon = lexicons().get(language or "")
    if lexicon is None or not lexicon.name_endings:
        return phrase
    endings = sorted(lexicon.name_endings, key=lambda pair: len(pair[0]), reverse=True)

    def nominative(word: str) -> str:
        if not word[:1].isupper():
            return word
        for ending, replacement in endings:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                return word[: -len(ending)] + replacement
        return word

    return " ".join(nominative(word) for word in phrase.split(" "))


@functools.lru_cache(maxsize=1)
def cause_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(English label, pattern of every language's words for it), most specific cause first."""
    return [(kind, pattern(f"cause:{kind}")) for kind in CAUSE_KINDS]


def _whole_number_words(lexicon: Lexicon, low: int, high: int) -> list[str]:
    """The escaped forms of ``lexicon``'s whole number words from ``low`` to ``high``, longest
    first (so that "twenty-one" wins over "twenty"): the ``{n}`` of a count in its patterns."""
    words = (w for w, v in lexicon.numbers.items() if low <= v <= high and v == int(v))
    return [re.escape(w) for w in sorted(words, key=len, reverse=True)]


@functools.lru_cache(maxsize=1)
def relative_patterns() -> list[tuple[str, re.Pattern[str], str]]:
    """(kind, pattern, language) of every lexicon's relative words ("yesterday", "last year",
    "3 days ago"), anchored at word boundaries in languages written with spaces, matched in any
    letter case. The ``{n}`` of a count of days is the group ``n``: digits or a number word."""
    out: list[tuple[str, re.Pattern[str], str]] = []
    for lexicon in lexicons().values():
        before, after = (r"(?<!\w)", r"(?!\w)") if lexicon.anchor == "word" else ("", "")
        count = "(?P<n>" + "|".join([r"\d{1,2}", *_whole_number_words(lexicon, 0, 31)]) + ")"
        for kind, entries in lexicon.relative.items():
            # One pattern per entry with a count (a group name is used once per pattern).
            bodies = [e.replace("{n}", count) for e in entries] if "{n}" in "".join(entries) else ["|".join(entries)]
            for body in bodies:
                out.append((kind, re.compile(f"{before}(?:{body}){after}", re.IGNORECASE), lexicon.language))
    return out


@functools.lru_cache(maxsize=1)
def times_pattern() -> re.Pattern[str]:
    """Every lexicon's words for "N times", "several times" ("sei volte", "plusieurs fois", "多次"):
    a count of meetings, not one. The ``{n}`` of an entry is a count of two or more, in digits or
    a number word of the entry's language ("once" is one meeting)."""
    out: list[str] = []
    for lexicon in lexicons().values():
        count = "(?:" + "|".join([r"(?<!\d)(?:[2-9]|[1-9]\d)(?!\d)", *_whole_number_words(lexicon, 2, 100)]) + ")"
        out += [f.replace("{n}", count) for f in lexicon.fragments("times", whole_words=True)]
    return re.compile("|".join(sorted(out, key=len, reverse=True)) or r"(?!x)x", re.IGNORECASE)
