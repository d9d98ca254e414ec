"""Canonical English names for people, states, organisations and places.

The alias table lives in ``data/aliases.json`` (data, not code). Each alias is a small regular
expression written for humans: ``~`` stands for the optional case ending of the script it follows
(Slavic declension for Cyrillic, Polish/German/English possessive endings for Latin), a space
matches any run of whitespace, ``.``, dashes and apostrophes are literal (any typographic
variant), and ``е`` also matches ``ё``. A leading ``=`` makes an alias case-sensitive (acronyms
such as ``US`` and ``UN`` must not match the English words "us" and "un"); every other alias
matches in any letter case, because Ukrainian media write "путін", "рф", "москва" in lower case.
An entry's canonical name is an alias too, unless a case-sensitive alias spells it ("=Jordan…"):
then the name itself matches only as that alias allows.

Word boundaries follow the script: Chinese characters need none (the languages write no spaces),
katakana must not continue a longer katakana word ("インド" is not in "インドネシア"), a Hangul alias
may carry Korean particles ("서울에서", "부산시는"), and an Arabic alias its clitics ("بالقاهرة",
"والقاهرة", "للقاهرة").

Unknown names are transliterated from Cyrillic with an English-friendly table per language
(Russian, Ukrainian, Bulgarian; Belarusian, Serbian and Macedonian letters too), so no English
field ever carries Cyrillic.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from ..lexicon import nominative_name
from .alias_patterns import anchors_of, compile_patterns
from .text import has_cyrillic
from .translit import transliterate, transliterate_name

__all__ = [
    "KINDS",
    "Mention",
    "canonical_actor",
    "canonical_person",
    "canonical_place",
    "english_name",
    "find_mentions",
    "strip_cyrillic",
    "transliterate",
]

KINDS = ("person", "state", "organisation", "place", "group")

_DATA_FILE = Path(__file__).parent / "data" / "aliases.json"

@dataclass(frozen=True)
class Mention:
    """One occurrence of a known entity in a text: ``text[start:end] == surface``."""

    name: str
    kind: str
    start: int
    end: int
    surface: str

    @property
    def actor(self) -> str | None:
        """The canonical actor this mention stands for (Moscow -> Russia, Kyiv -> Ukraine), or None."""
        entity = _entities_by_key().get((self.name, self.kind))
        return entity.actor if entity else None

    @property
    def place(self) -> str | None:
        """The canonical place this mention stands for (Kremlin -> Moscow), or None."""
        entity = _entities_by_key().get((self.name, self.kind))
        return entity.place if entity else None


@dataclass
class _Entity:
    name: str
    kind: str
    actor: str | None
    place: str | None
    raw_patterns: list[str] = field(default_factory=list)
    raw_adjectives: list[str] = field(default_factory=list)
    # Lower-case literal beginnings of the aliases: an entity none of whose anchors occurs in a
    # text cannot match it, so its regexes are neither compiled nor run (most of the table).
    # None: some alias starts with regex syntax, so the entity is always tried.
    anchors: tuple[str, ...] | None = None
    adjective_anchors: tuple[str, ...] | None = None

    @cached_property
    def patterns(self) -> list[re.Pattern[str]]:
        return compile_patterns(self.raw_patterns)

    @cached_property
    def adjectives(self) -> list[re.Pattern[str]]:
        return compile_patterns(self.raw_adjectives)

    def may_occur_in(self, lowered: str, *, adjectives: bool = False) -> bool:
        anchors = self.adjective_anchors if adjectives else self.anchors
        return anchors is None or any(anchor in lowered for anchor in anchors)


def _person_patterns(first: list[str], last: list[str]) -> list[str]:
    """'First Last' combinations (a case-sensitive part makes the whole case-sensitive) and 'Last'."""
    out: list[str] = []
    for f in first:
        for la in last:
            sensitive = f.startswith("=") or la.startswith("=")
            combo = f"{f.lstrip('=')} {la.lstrip('=')}"
            out.append(("=" if sensitive else "") + combo)
    out.extend(last)
    return out


@lru_cache(maxsize=1)
def _entities() -> tuple[_Entity, ...]:
    data = json.loads(_DATA_FILE.read_text(encoding="utf-8"))
    merged: dict[tuple[str, str], _Entity] = {}
    for row in data["entries"]:
        name, kind = row["name"], row["kind"]
        if kind not in KINDS:
            raise ValueError(f"aliases.json: unknown kind {kind!r} for {name!r}")
        patterns = list(row.get("aliases", []))
        if kind == "person":
            patterns += _person_patterns(row.get("first", []), row.get("last", []))
        if not any(p.startswith("=" + name) for p in patterns):
            patterns.append(name)
        default_actor = None if kind == "place" else name
        default_place = name if kind in ("place", "state") else None
        entity = merged.get((name, kind))
        if entity is None:
            entity = _Entity(name, kind, row.get("actor", default_actor), row.get("place", default_place))
            merged[(name, kind)] = entity
        entity.raw_patterns += patterns
        entity.raw_adjectives += row.get("adjectives", [])
    for entity in merged.values():
        entity.anchors = anchors_of(entity.raw_patterns)
        entity.adjective_anchors = anchors_of(entity.raw_adjectives)
    return tuple(merged.values())


@lru_cache(maxsize=1)
def _entities_by_key() -> dict[tuple[str, str], _Entity]:
    return {(e.name, e.kind): e for e in _entities()}


@lru_cache(maxsize=1)
def _anchor_index() -> tuple[tuple[int, ...], dict[str, tuple[tuple[str, int], ...]]]:
    """The entities always tried, and every anchor filed under its first two letters."""
    always: list[int] = []
    index: dict[str, list[tuple[str, int]]] = {}
    for i, entity in enumerate(_entities()):
        if entity.anchors is None:
            always.append(i)
            continue
        for anchor in entity.anchors:
            index.setdefault(anchor[:2], []).append((anchor, i))
    return tuple(always), {k: tuple(v) for k, v in index.items()}


def _present(lowered: str) -> list[_Entity]:
    """The entities that may occur in ``lowered`` (the same as ``may_occur_in``, in table order),
    found by looking up only the anchors whose first two letters occur in the text."""
    always, index = _anchor_index()
    found = set(always)
    bigrams = {lowered[i : i + 2] for i in range(len(lowered) - 1)}
    for bigram in bigrams & index.keys():
        for anchor, i in index[bigram]:
            if i not in found and anchor in lowered:
                found.add(i)
    entities = _entities()
    return [entities[i] for i in sorted(found)]


def find_mentions(text: str) -> list[Mention]:
    """Every known alias occurrence in ``text``.

    Offsets index ``text``. Where matches overlap the longest wins (ties: the earlier one); the
    result is sorted by start and non-overlapping. Matching is case-insensitive (except acronyms)
    and accepts inflected forms: "Путиным", "путіним", "Виткоффа", "Кушнером", "Києві".
    """
    return list(_find_mentions(text))


@functools.lru_cache(maxsize=8192)
def _find_mentions(text: str) -> tuple[Mention, ...]:
    # Cached: the pipeline looks at each sentence several times (as target and as context).
    candidates: list[tuple[int, int, _Entity]] = []
    lowered = text.lower().replace("ё", "е")
    for entity in _present(lowered):
        for regex in entity.patterns:
            for m in regex.finditer(text):
                if m.end() > m.start():
                    candidates.append((m.start(), m.end(), entity))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int]] = []
    chosen: list[Mention] = []
    for start, end, entity in candidates:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append(Mention(entity.name, entity.kind, start, end, text[start:end]))
    chosen.sort(key=lambda m: m.start)
    return tuple(chosen)


_TRIM = " \t\n\u00a0.,;:!?\"'«»„“”()[]"


def _full_match(surface: str) -> _Entity | None:
    phrase = surface.strip(_TRIM)
    if not phrase:
        return None
    best: _Entity | None = None
    lowered = phrase.lower().replace("ё", "е")
    for entity in _present(lowered):
        if any(regex.fullmatch(phrase) for regex in entity.patterns):
            # Prefer a person over a place of the same spelling, a state over a place.
            if best is None or KINDS.index(entity.kind) < KINDS.index(best.kind):
                best = entity
    return best


def canonical_person(surface: str) -> str | None:
    """Canonical English name of a person phrase in any case form ("Виткоффа" -> "Steve Witkoff").

    A phrase that contains a known person among other words ("президент Путин") gives that
    person (the first, if several). None if no known person is mentioned.
    """
    entity = _full_match(surface)
    if entity is not None and entity.kind == "person":
        return entity.name
    for mention in find_mentions(surface):
        if mention.kind == "person":
            return mention.name
    return None


def _adjective_actor(surface: str) -> str | None:
    lowered = surface.lower().replace("ё", "е")
    for entity in _entities():
        if not entity.raw_adjectives or not entity.may_occur_in(lowered, adjectives=True):
            continue
        if any(regex.search(surface) for regex in entity.adjectives):
            return entity.actor or entity.name
    return None


def canonical_actor(surface: str) -> str | None:
    """Canonical actor for a demand's actor or target.

    The Kremlin and Moscow give "Russia", Kyiv "Ukraine", Washington and the White House
    "United States"; people give their canonical name, organisations theirs. A longer phrase
    gives its most specific actor: a person before an organisation before a state
    ("пресс-секретарь Кремля Дмитрий Песков" -> "Dmitry Peskov"); phrases such as
    "российская сторона" or "European leaders" are understood too. None if unknown.
    """
    entity = _full_match(surface)
    if entity is not None and entity.actor:
        return entity.actor
    mentions = [m for m in find_mentions(surface) if m.actor]
    if mentions:
        order = {"person": 0, "organisation": 1, "group": 2, "state": 3, "place": 4}
        best = min(mentions, key=lambda m: (order[m.kind], m.start))
        return best.actor
    return _adjective_actor(surface)


def canonical_place(surface: str) -> str | None:
    """English exonym for a place phrase ("в Женеве" -> "Geneva"); the Kremlin gives "Moscow".

    States are places too ("в России" -> "Russia"). None if no known place is mentioned.
    """
    entity = _full_match(surface)
    if entity is not None and entity.place:
        return entity.place
    mentions = [m for m in find_mentions(surface) if m.place]
    if not mentions:
        return None
    # A city is more precise than the state around it ("Москва, Россия" -> "Moscow").
    cities = [m for m in mentions if m.kind in ("place", "organisation")]
    return (cities or mentions)[0].place


def english_name(surface: str, lang: str | None = None) -> str:
    """English form of a name phrase; never returns Cyrillic.

    Known people, places, states and organisations give their canonical name
    ("Путіним" -> "Vladimir Putin", "Женеві" -> "Geneva"); a phrase containing a known person
    gives that person. Anything else is transliterated word by word, after removing Slavic case
    endings where that is unambiguous (instrumental "-ым/-ом", adjectival "-ского"), and
    title-cased ("Игорем Костюковым" -> "Igor Kostyukov"). ``lang`` (ru, uk, bg: the article's
    language) picks the transliteration table; by default it is guessed from the letters. Latin
    input that is not known is returned trimmed but otherwise unchanged.
    """
    phrase = " ".join(surface.split()).strip(_TRIM)
    if not phrase:
        return ""
    entity = _full_match(phrase)
    if entity is not None:
        return entity.name
    persons = [m for m in find_mentions(phrase) if m.kind == "person"]
    if persons:
        return persons[0].name
    if not has_cyrillic(phrase, historic=False):
        return nominative_name(phrase, lang)
    return transliterate_name(phrase, lang)


def strip_cyrillic(text: str) -> str:
    """Make an English field free of Cyrillic: known names become canonical English names, any
    other Cyrillic word is transliterated (case kept). Text without Cyrillic is returned unchanged."""
    if not has_cyrillic(text, historic=False):
        return text
    pieces: list[str] = []
    cursor = 0
    for mention in find_mentions(text):
        if not has_cyrillic(mention.surface, historic=False):
            continue
        pieces.append(text[cursor : mention.start])
        pieces.append(mention.name)
        cursor = mention.end
    pieces.append(text[cursor:])
    return transliterate("".join(pieces))
