"""Language of an article: Cyrillic by distinctive letters and stopwords, every other script by
a language identifier.

Deterministic. Cyrillic: uk, bg, ru, be, sr, mk (falls back to ru), told apart by letters and
stopwords, which separate the East Slavic languages better than a general identifier. Other
text of 40 letters or more: py3langid (97 languages, a fixed model shipped in its wheel), so
that Turkish, Indonesian or Swedish are named as what they are; shorter text: script, then Latin
stopwords and diacritics (en, de, fr, pl, es, it, pt, nl, cs; falls back to en). Never "und".
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

__all__ = ["detect_language", "is_english"]

_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)

_CYRILLIC_STOPWORDS: dict[str, set[str]] = {
    "ru": {"что", "это", "как", "не", "он", "она", "они", "его", "для", "по", "из", "от", "за", "также", "был",
           "была", "были", "который", "которые", "или", "но", "уже", "только", "при", "после", "этом", "того",
           "ее", "её", "их", "так", "же", "ли", "бы", "есть", "мы", "вы", "с", "в", "и", "к", "о", "у", "со"},
    "uk": {"що", "та", "це", "як", "не", "він", "вона", "вони", "його", "для", "від", "за", "також", "був",
           "була", "були", "який", "які", "або", "але", "вже", "лише", "під", "після", "цьому", "їх", "так",
           "ж", "чи", "б", "є", "ми", "ви", "з", "в", "і", "й", "у", "до", "на", "із", "щодо"},
    "bg": {"на", "се", "от", "че", "за", "да", "е", "са", "ще", "не", "той", "тя", "те", "това", "който",
           "които", "като", "но", "или", "след", "със", "към", "при", "по", "във", "вече", "само", "бе", "би",
           "има", "беше", "бяха", "си", "ги", "му", "й", "ни", "и", "в", "с"},
    "be": {"што", "гэта", "як", "не", "ён", "яна", "яны", "для", "ад", "за", "таксама", "быў", "і", "ў", "з"},
    "sr": {"је", "су", "да", "се", "на", "од", "за", "и", "у", "који", "која", "што", "није", "као"},
    "mk": {"на", "се", "од", "за", "и", "во", "да", "е", "што", "кој", "која", "не", "ќе", "со"},
}  # fmt: skip

_LATIN_STOPWORDS: dict[str, set[str]] = {
    "en": {"the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "as", "was", "by", "he", "it",
           "said", "his", "from", "at", "be", "has", "have", "are", "will", "an", "this", "which", "not"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "des", "ein", "eine",
           "sich", "auf", "für", "im", "zu", "auch", "wird", "sie", "er", "es", "dass", "bei", "nach", "wie"},
    "fr": {"le", "la", "les", "et", "des", "du", "un", "une", "est", "que", "qui", "dans", "pour", "pas",
           "sur", "au", "aux", "avec", "il", "elle", "ce", "ont", "sont", "par", "plus", "mais", "a"},
    "pl": {"i", "w", "się", "nie", "na", "że", "to", "z", "do", "jest", "o", "jak", "po", "ale", "od", "za",
           "przez", "który", "która", "są", "by", "był", "była", "także", "oraz", "dla", "tym"},
    "es": {"el", "la", "los", "las", "y", "de", "que", "en", "un", "una", "es", "por", "con", "para", "del",
           "se", "no", "su", "al", "lo", "como", "más", "pero", "ha", "sus"},
    "it": {"il", "la", "le", "e", "di", "che", "in", "un", "una", "è", "per", "con", "non", "del", "della",
           "si", "lo", "gli", "i", "al", "ha", "sono", "anche", "come", "ma"},
    "pt": {"o", "a", "os", "as", "e", "de", "que", "em", "um", "uma", "é", "por", "com", "para", "do", "da",
           "não", "se", "no", "na", "ao", "mas", "foi", "são"},
    "nl": {"de", "het", "een", "en", "van", "is", "dat", "niet", "met", "op", "voor", "zijn", "ook", "te",
           "aan", "door", "maar", "wordt", "hij", "zij", "er", "werd"},
    "cs": {"a", "je", "se", "na", "v", "že", "to", "s", "z", "do", "o", "jak", "po", "ale", "od", "za",
           "který", "která", "jsou", "byl", "byla", "také", "pro", "jeho"},
}  # fmt: skip

_LATIN_LETTERS: dict[str, str] = {
    "pl": "łąęśźżńó",
    "de": "äöüß",
    "fr": "éèêçàùœëîï",
    "es": "ñ¿¡áíóú",
    "it": "àèìòù",
    "pt": "ãõçâêô",
    "cs": "ěščřžůťď",
}

_SCRIPTS: list[tuple[str, str]] = [
    ("ar", "\u0600-\u06ff"), ("he", "\u0590-\u05ff"), ("el", "\u0370-\u03ff"), ("ka", "\u10a0-\u10ff"),
    ("hy", "\u0530-\u058f"), ("ja", "\u3040-\u30ff"), ("ko", "\uac00-\ud7af"), ("zh", "\u4e00-\u9fff"),
    ("th", "\u0e00-\u0e7f"), ("hi", "\u0900-\u097f"),
]  # fmt: skip


def _count(text: str, chars: str) -> int:
    return sum(text.count(c) for c in chars)


def _detect_cyrillic(low: str, words: list[str]) -> str:
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in _CYRILLIC_STOPWORDS.items()}
    total = max(1, len(words))
    uk_letters = _count(low, "іїєґ")
    ru_letters = _count(low, "ыэё")
    if _count(low, "ђћџ") or (_count(low, "љњј") and not ru_letters and not uk_letters):
        return "sr"
    if _count(low, "ѓќѕ"):
        return "mk"
    if "ў" in low and ("і" in low or "ы" in low):
        return "be"
    scores["uk"] += 3 * uk_letters
    scores["ru"] += 3 * ru_letters
    # Bulgarian: no ы/э, many ъ, many "на/се/от/че/ще".
    hard_sign = len(re.findall(r"ъ(?=[а-я])", low))
    scores["bg"] += 2 * hard_sign
    if ru_letters + uk_letters == 0 and hard_sign and scores["bg"] >= 0.05 * total:
        return "bg"
    if uk_letters > ru_letters and uk_letters >= 2:
        return "uk"
    best = max(("ru", "uk", "bg"), key=lambda lang: scores[lang])
    if scores[best] == 0:
        return "uk" if uk_letters > ru_letters else "ru"
    return best


def _detect_latin(low: str, words: list[str]) -> str:
    counts = Counter(words)
    scores: dict[str, float] = {lang: sum(counts[w] for w in stop) for lang, stop in _LATIN_STOPWORDS.items()}
    for lang, letters in _LATIN_LETTERS.items():
        scores[lang] += 0.5 * _count(low, letters)
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] > 0 else "en"


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language (``ru``, ``uk``, ``bg``, ``en``, ``de``, ``pl``, ``fr``...).

    The script decides first; Cyrillic is split by distinctive letters (і ї є ґ: Ukrainian;
    ы э ё: Russian; frequent ъ without ы/э: Bulgarian) and stopword counts, Latin by stopwords
    and diacritics. Falls back to "ru" for Cyrillic, "en" for Latin and for empty text.
    """
    low = text.lower()
    letters = [c for c in low if c.isalpha()]
    if not letters:
        return "en"
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u052f")
    latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
    other = len(letters) - cyrillic - latin
    if other > max(cyrillic, latin):
        if len(letters) >= 40:
            return _identified(text)
        for code, span in _SCRIPTS:
            if len(re.findall(f"[{span}]", low)) * 2 >= other:
                return code
        return "en"
    words = _WORD_RE.findall(low)
    if cyrillic >= latin:
        return _detect_cyrillic(low, words)
    if len(letters) >= 40:
        return _identified(text)
    return _detect_latin(low, words)


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier. Its packaged model takes ~0.8 s to decompress, more than a cached
    rerun of five articles spends on everything else, so the decompressed model is kept in the
    user's cache folder (pickled by us, keyed by the package version) and loads in ~0.2 s."""
    import pickle
    from importlib.metadata import version

    from platformdirs import user_cache_dir
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    kept = Path(user_cache_dir("summarizer")) / f"langid-{version('py3langid')}.pickle"
    try:
        with kept.open("rb") as file:
            return pickle.load(file)  # noqa: S301 - written by the branch below, in the user's own cache
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    with contextlib.suppress(OSError):
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_suffix(f".partial-{os.getpid()}")
        with partial.open("wb") as file:
            pickle.dump(identifier, file, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(kept)
    return identifier


def _identified(text: str) -> str:
    language, _ = _identifier().classify(text)
    return str(language)


# A word with its inner apostrophes, dots and hyphens ("Akufo-Addo", "victims'", "dbb"), so that
# a name's parts never pass for lower-case words.
_WORD = re.compile(r"(?<![\w'’-])[\d\w][\w'’.-]*(?<!\.)")

ENOUGH_WORDS = 4
"""How many lower-case words a text must keep, its names set aside, for them alone to tell its
language."""


def is_english(text: str) -> bool:
    """Whether ``text`` reads as English: English is the language identifier's first choice,
    for the whole text or, where its names outweigh its words ("Nana Akufo-Addo and Jean-Pierre
    Fabre hold a meeting in Lomé", read as Nigerian Pidgin), for its lower-case words alone
    when at least ``ENOUGH_WORDS`` of them are left. Names are no evidence of a language; the
    words between them are ("Poslanniki prezidenta ... vstretilis s predstavitelyami" is not
    English, whatever its names).

    Empty text is not English. Used to check the headline and brief, and by the eval.
    """
    if not text.strip():
        return False
    if _identified(text) == "en":
        return True
    words = [w for w in _WORD.findall(text) if w[:1].islower()]
    return len(words) >= ENOUGH_WORDS and _identified(" ".join(words)) == "en"
