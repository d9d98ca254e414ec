"""Casualty counts in a sentence: the dead, the injured and the children among them, each count
tied to the nearest casualty word of the language's lexicon."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import replace

from ..lexicon import counts_come_first, lexicons, pattern
from .language import detect_language
from .numbers import Count, find_counts
from .text import sentence_bounds

__all__ = ["casualty_counts"]


def _words(kind: str, language: str | None) -> re.Pattern[str]:
    """The ``kind`` words of ``language``'s lexicon, of every lexicon for a language without one
    (or none given): a count is read in the article's own language ("tot hiertoe 475 naschokken"
    is no German toll)."""
    return pattern(kind, whole_words=True, language=language)


@functools.lru_cache(maxsize=1)
def _not_people() -> re.Pattern[str]:
    """What follows a number that counts no people (the lexicons' ``not_people``: "19 anni",
    "28일", "5 more drones"): a whole word, perhaps after one other word; in a language that
    writes a counter right after its number (Chinese, Japanese, Korean) the counter itself."""
    glued: list[str] = []
    words: list[str] = []
    for lexicon in lexicons().values():
        counter_after_number = lexicon.anchor == "none" and lexicon.count_first
        (glued if counter_after_number else words).extend(lexicon.fragments("not_people"))
    return re.compile(
        rf"^[\s\u00a0]*(?:(?:\w+[\s\u00a0]+)?(?:{'|'.join(words) or '(?!x)x'})(?!\w)|(?:{'|'.join(glued) or '(?!x)x'}))",
        re.IGNORECASE,
    )


_INCLUDING = re.compile(
    r"(?:в том числе|включая|среди них|из них|среди которых|серед них|у тому числі|в тому числі|зокрема|з них"
    r"|включително|сред тях|от тях|сред които|including|among them|of them|of whom|darunter|davon|w tym|wśród nich"
    r"|dont|parmi eux)[\s\u00a0:—–-]*(?:\w+[\s\u00a0]+)?$",
    re.IGNORECASE,
)
_PUNCT = re.compile(r"[;:—–()]|(?<!\d),|,(?!\d)")  # not the comma of a number ("8,4 grados")


# How far a word of denial may stand from the casualty word it denies: "no one was injured",
# "δεν προκάλεσε τραυματισμούς", "пострадавших нет".
_DENIAL_REACH = 20
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\d]|[。，、；：！？]")


def _denied(
    keywords: list[tuple[int, int, str]], text: str, language: str | None
) -> tuple[set[int], list[tuple[int, int]]]:
    """The casualty words a word of denial takes back ("no one was injured", "caused no
    injuries", "пострадавших нет"): each denial denies the nearest casualty word of its clause,
    at most ``_DENIAL_REACH`` characters away with no count between them ("no fewer than 20
    dead" denies nothing). Also the spans of the denials, whose own number words count no one
    ("no one"). A denial inside a casualty word is part of it (Polish "nie żyje", is dead)."""
    denied: set[int] = set()
    spans: list[tuple[int, int]] = []
    numbers_of = language or detect_language(text)
    for kind, forward in (("negation", True), ("negation_after", False)):
        for match in pattern(kind, language=language).finditer(text):
            if any(match.start() < end and start < match.end() for start, end, _ in keywords):
                continue
            spans.append(match.span())
            best: tuple[int, int] | None = None
            for index, (start, end, _) in enumerate(keywords):
                gap = text[match.end() : start] if forward else text[end : match.start()]
                if (start < match.end() if forward else end > match.start()) or len(gap) > _DENIAL_REACH:
                    continue
                if _CLAUSE_BREAK.search(gap) or find_counts(gap, numbers_of):
                    continue
                if best is None or len(gap) < best[0]:
                    best = (len(gap), index)
            if best is not None:
                denied.add(best[1])
    return denied, spans


def _said_of(words: re.Pattern[str], after: str) -> bool:
    """Whether ``words`` follow a number, right after it or after one other word ("5 children",
    "трое детей", "27 orang hilang"); ``after`` is the text after the number."""
    return bool(words.match(after.lstrip(" \u00a0"))) or bool(
        re.match(rf"^[\s\u00a0]*\w+[\s\u00a0]+(?:{words.pattern})", after, re.IGNORECASE)
    )


def _summed_with(
    count: Count, counts: list[Count], word_of: dict[int, tuple[int, str]], text: str, language: str | None
) -> list[Count]:
    """``count`` and the counts of its casualty word and field chained to it by "and" ("11
    strażaków i trzech cywilów": 14 injured), each with its own noun."""
    joined = re.compile(
        rf"^[\s\u00a0]*[^\W\d_]{{3,}}[\s\u00a0]+(?:{_words('and', language).pattern})[\s\u00a0]+$", re.IGNORECASE
    )
    same = sorted((c for c in counts if word_of.get(c.start) == word_of[count.start]), key=lambda c: c.start)
    at = same.index(count)
    lo = hi = at
    while lo > 0 and joined.match(text[same[lo - 1].end : same[lo].start]):
        lo -= 1
    while hi + 1 < len(same) and joined.match(text[same[hi].end : same[hi + 1].start]):
        hi += 1
    return same[lo : hi + 1]


def _ranges_as_lower_bounds(counts: list[Count], text: str, language: str | None) -> list[Count]:
    """A range of counts ("entre 58 y 65 muertes", "58–65 dead") is its lower bound, at least."""
    between = pattern("between", whole_words=True, language=language)
    out: list[Count] = []
    skip = False
    for first, second in zip(counts, [*counts[1:], None], strict=False):
        if skip:
            skip = False
            continue
        if second is not None:
            gap = text[first.end : second.start]
            said = re.fullmatch(r"[\s\u00a0]*[^\W\d_]{1,3}[\s\u00a0]*", gap) and between.search(
                text[max(0, first.start - 12) : first.start]
            )
            if said or re.fullmatch(r"[\s\u00a0]*[-–—][\s\u00a0]*", gap):
                out.append(replace(first, qualifier="at_least"))
                skip = True
                continue
        out.append(first)
    return out


# How far after a number the missing may still share its count with the dead ("30 muertos y desaparecidos").
_DEAD_OR_MISSING = 16

# "17 and 15 years old": what a first number shares with the second, taken off to read what follows both.
_PAIRED = re.compile(r"^[\s\u00a0]*(?:[,/-]|\w{1,4})[\s\u00a0]*\d+(?!\d)")


# A casualty word that already has its own number nearby is a worse home for a second one:
# "12 people were killed and 30 were injured" gives 30 to "injured", not to the nearer "killed".
SHARED_WORD = 50
MAX_ASSIGNED = 8


def _assign(options: list[tuple[Count, bool, list[tuple[float, int]]]]) -> list[int]:
    """The casualty word of each count: the choice with the least total distance, where two
    counts (other than children counts) tied to one word pay ``SHARED_WORD`` extra. Beyond
    ``MAX_ASSIGNED`` counts, each simply takes its nearest word."""
    nearest = [scored[0][1] for _, _, scored in options]
    if len(options) > MAX_ASSIGNED:
        return nearest
    best_cost, best = float("inf"), nearest
    for choice in itertools.product(*(scored for _, _, scored in options)):
        words = [index for (_, children, _), (_, index) in zip(options, choice, strict=True) if not children]
        cost = sum(distance for distance, _ in choice) + SHARED_WORD * (len(words) - len(set(words)))
        if cost < best_cost:
            best_cost, best = cost, [index for _, index in choice]
    return best


_ONE_REACH = 2
"""How many words may stand between "one" written as a word and the killed- or injured-word after
it, with no punctuation: "un muerto", "una persona resultó herida", "один человек погиб"; not "una
delegazione dei familiari delle vittime", "un analogo pericolo di morte". After its word, "one"
must follow it at once ("σκότωσε έναν μηχανοδηγό", "murió un policía"; not "42 νεκρούς και ένα
δεύτερο εκτροχιασμό")."""


def casualty_counts(text: str, language: str | None = None) -> dict[str, int | str | None]:
    """Killed and injured counts in ``text`` (a sentence or paragraph about one toll).

    Returns ``{"killed", "injured", "children_killed", "children_injured", "qualifier"}``. A number
    belongs to the nearest killed- or injured-word of its sentence, before or after it
    ("погибли около 2 400 человек", "2 400 погибших", "ещё почти 12 000 получили ранения"); each
    comma, colon or dash between them counts as 40 extra characters of distance. A number followed
    by a children-word ("трое детей", "5 children") is a children count, and after "including /
    в том числе / серед них" it belongs to the casualty word before it. Several numbers for one
    field: the nearest to its word wins ("rose to 27 dead, and at least 50 are missing": 27;
    "revised from 23 to 19 dead": 19). Children killed without a total make the total. ``qualifier`` is
    that of the killed figure, else of the injured figure, else "exact". Casualty words are
    those of ``language``'s lexicon when it is given, of every lexicon otherwise; number words are
    those of ``language`` (detected from ``text`` when None); numerals count in any language. In a
    language whose lexicon says that counts come before their word (Korean "4명이 숨지고", Turkish
    "on işçi öldü"), a word before the number is 60 characters further away.
    """
    # Casualty words of the given language only: one guessed from a sentence is no ground to leave words out.
    keywords = [(m.start(), m.end(), "killed") for m in _words("killed", language).finditer(text)]
    keywords += [(m.start(), m.end(), "injured") for m in _words("injured", language).finditer(text)]
    children_words = _words("children", language)
    result: dict[str, int | str | None] = {
        "killed": None, "injured": None, "children_killed": None, "children_injured": None, "qualifier": "exact",
    }  # fmt: skip
    denied, denials = _denied(keywords, text, language)
    keywords = [k for index, k in enumerate(keywords) if index not in denied]
    if not keywords:
        return result
    numbers_of = language or detect_language(text)
    count_first = counts_come_first(numbers_of)
    options: list[tuple[Count, bool, list[tuple[float, int]]]] = []
    missing = _words("missing", language)
    for count in _ranges_as_lower_bounds(
        find_counts(text, numbers_of, own_qualifiers=language is not None), text, language
    ):
        if any(start <= count.start < end for start, end in denials):
            continue  # "no one", "ni uno": no count
        after = text[count.end : count.end + 40]
        if 1800 <= count.value <= 2100 and re.match(r"['’]\w", after):
            continue  # a year with a case ending ("2014'te"), no count
        if _not_people().match(after) or _not_people().match(_PAIRED.sub("", after, count=1)):
            continue  # "19 anni"; "17 και 15 ετών": the first of two ages
        if re.match(rf"^[\s\u00a0]*(?:\w+[\s\u00a0]+){{0,3}}(?:{missing.pattern})", after, re.IGNORECASE):
            continue  # "25 orang hilang", "50 are missing": neither dead nor injured
        if re.match(rf"^[^\d.,;:!?]{{0,{_DEAD_OR_MISSING}}}?(?:{missing.pattern})", after, re.IGNORECASE):
            continue  # "28명의 사망·실종자", "30 dead or missing": the dead and the missing in one count
        left, right = sentence_bounds(text, count.start)
        children = _said_of(children_words, after)
        including = bool(_INCLUDING.search(text[max(left, count.start - 40) : count.start]))
        # "one" in words is as often the article "a" ("un", "una", "ein"): a count only next to its word.
        lone_one = count.value == 1 and not any(ch.isdigit() for ch in text[count.start : count.end])
        scored: list[tuple[float, int]] = []
        for index, (k_start, k_end, _kind) in enumerate(keywords):
            if k_start < left or k_end > right:
                continue
            if k_start >= count.end:
                if including:
                    continue
                gap = text[count.end : k_start]
            else:
                gap = text[k_end : count.start]
            distance = len(gap) + 40 * len(_PUNCT.findall(gap)) + (60 if count_first and k_start < count.end else 0)
            if lone_one and (len(gap.split()) > (_ONE_REACH if k_start >= count.end else 0) or _PUNCT.search(gap)):
                continue
            if distance <= 150:
                scored.append((distance, index))
        if scored:
            options.append((count, children, sorted(scored)))
    best: dict[str, Count] = {}
    nearest: dict[str, float] = {}  # the distance of each field's count to its word
    word_of: dict[int, tuple[int, str]] = {}  # the casualty word and field of each count, by its start
    for (count, children, scored), index in zip(options, _assign(options), strict=True):
        kind = keywords[index][2]
        field = f"children_{kind}" if children else kind
        word_of[count.start] = (index, field)
        apart = next(d for d, i in scored if i == index)
        if field not in best or apart < nearest[field]:
            best[field], nearest[field] = count, apart
    for field, count in best.items():
        result[field] = sum(c.value for c in _summed_with(count, [c for c, _, _ in options], word_of, text, language))
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
