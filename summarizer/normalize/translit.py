"""Transliteration of Cyrillic into English-friendly Latin, with a table per language
(Russian, Ukrainian, Bulgarian; Belarusian, Serbian and Macedonian letters too)."""

from __future__ import annotations

import re

from .text import has_cyrillic

__all__ = ["script_language", "transliterate", "transliterate_name"]


def _cyrillic(text: str) -> bool:
    return has_cyrillic(text, historic=False)


_COMMON = {
    "а": "a", "б": "b", "в": "v", "д": "d", "ж": "zh", "з": "z", "й": "y", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "ц": "ts", "ч": "ch", "ш": "sh", "ю": "yu", "я": "ya", "ь": "", "ъ": "", "'": "", "’": "", "ʼ": "",
    # Belarusian, Serbian, Macedonian letters.
    "ў": "w", "ђ": "dj", "ћ": "c", "џ": "dz", "љ": "lj", "њ": "nj", "ј": "j", "ѓ": "gj", "ќ": "kj",
    "ѕ": "dz",
}  # fmt: skip
_TABLES: dict[str, dict[str, str]] = {
    "ru": {**_COMMON, "г": "g", "е": "e", "ё": "yo", "и": "i", "х": "kh", "щ": "shch", "ы": "y", "э": "e",
           "і": "i", "ї": "yi", "є": "ye", "ґ": "g"},
    "uk": {**_COMMON, "г": "h", "ґ": "g", "е": "e", "є": "ye", "и": "y", "і": "i", "ї": "yi", "х": "kh",
           "щ": "shch", "ё": "yo", "ы": "y", "э": "e"},
    "bg": {**_COMMON, "г": "g", "е": "e", "и": "i", "х": "h", "щ": "sht", "ъ": "a", "ь": "y", "ё": "yo",
           "ы": "y", "э": "e", "і": "i", "ї": "yi", "є": "ye", "ґ": "g"},
}  # fmt: skip
_VOWELS = set("аеёиоуыэюяіїєъь")
_WORD_RE = re.compile(r"[\w'’ʼ]+", re.UNICODE)


def script_language(text: str) -> str:
    low = text.lower()
    if any(c in low for c in "іїєґ"):
        return "uk"
    if any(c in low for c in "ыэё"):
        return "ru"
    if re.search(r"ъ(?=[а-я])", low) or low.endswith("ия") or "щ" in low and "ъ" in low:
        return "bg"
    return "ru"


def _translit_word(word: str, lang: str) -> str:
    table = _TABLES[lang]
    low = word.lower()
    out: list[str] = []
    i = 0
    while i < len(low):
        ch = low[i]
        prev = low[i - 1] if i else ""
        rest = low[i:]
        if lang in ("ru", "uk") and rest in ("ий", "ый"):
            piece, step = "y", 2
        elif lang == "ru" and rest == "ий":
            piece, step = "y", 2
        elif lang == "bg" and rest == "ия":
            piece, step = "ia", 2
        elif lang == "uk" and low[i : i + 2] == "зг":
            piece, step = "zgh", 2
        elif ch == "е" and lang == "ru" and (not prev or prev in "ьъ"):
            piece, step = "ye", 1
        elif ch in table:
            piece, step = table[ch], 1
        else:
            piece, step = ch, 1
        if word[i].isupper() and piece:
            piece = piece[0].upper() + piece[1:]
        out.append(piece)
        i += step
    result = "".join(out)
    if len(word) > 1 and word.isupper():
        result = result.upper()
    return result


def transliterate(text: str, lang: str | None = None) -> str:
    """Transliterate Cyrillic letters in ``text`` into Latin, keeping everything else as it is.

    ``lang`` (ru, uk, bg) picks the table; by default it is guessed from the letters (і ї є ґ:
    Ukrainian; ъ inside a word: Bulgarian; otherwise Russian).
    """
    if not _cyrillic(text):
        return text
    language = lang if lang in _TABLES else script_language(text)

    def repl(m: re.Match[str]) -> str:
        word = m.group(0)
        return _translit_word(word, language) if _cyrillic(word) else word

    return _WORD_RE.sub(repl, text)


_SAFE_ENDINGS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(ов|ев|ёв|єв|ин|ын|ін)(?:ым|им)$", re.I), r"\1"),  # Дмитриевым, путіним
    (re.compile(r"(ов|ев|ин|ын|ін)(?:ой|ою|ої|ій)$", re.I), r"\1а"),  # Захаровой
    (re.compile(r"(ск|цк)(?:ого|ому|им|ым|ом)$", re.I), r"\1ий"),  # Зеленского
    (re.compile(r"(ськ|цьк|зьк)(?:ого|ому|им|ім)$", re.I), r"\1ий"),  # Зеленського
    (re.compile(r"(е)ем$", re.I), r"\1й"),  # Сергеем
    (re.compile(r"([бвгджзклмнпрстфхцчшщ])(?:ові|еві)$", re.I), r"\1"),  # Кушнерові
    (re.compile(r"([бвгджзклмнпрстфхцчшщ])(?:ом|ем|ём|єм)$", re.I), r"\1"),  # Кушнером
]


def _strip_case_ending(word: str) -> str:
    if len(word) < 5 or not _cyrillic(word):
        return word
    for regex, replacement in _SAFE_ENDINGS:
        stripped = regex.sub(replacement, word)
        if stripped != word:
            return stripped if len(stripped) >= 4 else word
    return word


def _titled(word: str) -> str:
    if not word or not word[0].isalpha():
        return word
    if len(word) > 1 and word.isupper():
        return word
    return word[0].upper() + word[1:].lower()


def transliterate_name(phrase: str, lang: str | None = None) -> str:
    """A Cyrillic name phrase in Latin letters, title-cased, after removing Slavic case endings
    where that is unambiguous ("Игорем Костюковым" -> "Igor Kostyukov")."""
    if lang not in _TABLES:
        lang = script_language(phrase)
    words = []
    for word in phrase.split(" "):
        parts = re.split(r"([-‐‑])", word)
        words.append("".join(_titled(transliterate(_strip_case_ending(p), lang)) for p in parts))
    return " ".join(words)
