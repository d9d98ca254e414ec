"""Who takes part: the model's names mapped to canonical names the sentence or its context
mention; invented, title-only and unknown-script names dropped."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from difflib import SequenceMatcher

from anyascii import anyascii

from ..lexicon import pattern
from ..normalize.delegations import DELEGATIONS, STATE_DELEGATIONS, STATE_OF_DELEGATION
from ..normalize.groups import group_words
from ..normalize.names import (
    Mention,
    canonical_actor,
    canonical_person,
    english_name,
    find_mentions,
    strip_cyrillic,
    transliterate,
)
from ..normalize.text import has_cyrillic, is_latin_script
from .candidates import Candidate, names_both_sides, sentence_people
from .rules import qualifies_other

__all__ = [
    "NAME_SIMILARITY",
    "ascii_fold",
    "bare_group",
    "given_names",
    "group_delegation",
    "mention_side",
    "names_nobody",
    "parties_between",
    "resolve_participants",
    "romanised_echo",
    "source_institution",
    "spelled_out",
    "state_of_collective",
    "supported_name",
    "talk_sides",
    "unknown_entity",
    "unverified",
    "window_mentions",
    "window_people",
    "window_text",
]


def window_mentions(candidate: Candidate) -> list[Mention]:
    return list(candidate.mentions) + list(candidate.context_mentions)


def _name_similarity(a: str, b: str) -> float:
    """How alike two English names are: the better of full-name and last-name similarity."""
    a, b = a.lower().strip(), b.lower().strip()
    full = SequenceMatcher(None, a, b).ratio()
    last = SequenceMatcher(None, a.split()[-1], b.split()[-1]).ratio() if a.split() and b.split() else 0.0
    return max(full, last)


NAME_SIMILARITY = 0.6


def window_text(candidate: Candidate) -> str:
    """The context sentence and the sentence, as one text: where a name must be written."""
    return " ".join(s.text for s in (candidate.context, candidate.sentence) if s is not None)


def window_people(candidate: Candidate) -> list[str]:
    """Canonical names of the people and groups the sentence and its context mention."""
    names: list[str] = []
    for mention in window_mentions(candidate):
        if mention.kind in {"person", "group"} and mention.name not in names:
            names.append(mention.name)
    return names


def _title_only(name: str, candidate: Candidate) -> bool:
    """True when every mention of ``name`` in the window only qualifies someone else
    ("the envoy of President Trump", "Trump's son-in-law"): such a person is not a participant."""
    spans = [(candidate.sentence, m) for m in candidate.mentions if m.name == name]
    if candidate.context is not None:
        spans += [(candidate.context, m) for m in candidate.context_mentions if m.name == name]
    if not spans:
        return False
    return all(qualifies_other(sentence.text[max(0, m.start - 80) : m.start], m.surface) for sentence, m in spans)


def _echoed_mention(english: str, candidate: Candidate) -> str | None:
    """The window mention a model merely transliterated ("Predstaviteli Na SASHT" for
    "представители на САЩ"): its canonical actor or name."""
    words = re.findall(r"[a-z]+", english.lower())
    for mention in window_mentions(candidate):
        surface = re.findall(r"[a-z]+", transliterate(mention.surface).lower())
        if len(surface) != 1 or len(surface[0]) < 3:
            continue
        if any(SequenceMatcher(None, surface[0], word).ratio() >= 0.7 for word in words):
            return mention.actor or mention.name
    return None


# The dashes of a compound word ("FNV-voorzitter", "ex‑presidente").
_DASH = re.compile(r"[-‐‑]")
# Lower-case words of more than three letters that belong to a surname ("della Rovere").
_NAME_PARTICLES = frozenset({"della", "delle", "dello", "degli", "dalla", "dalle"})


def without_title(name: str, language: str | None = None) -> str:
    """``name`` without the titles the model copied before it ("generaal Ian Isberg",
    "ministre Paul Martin", "FNV-voorzitter De Waal" -> the names): leading words (or the last
    part of a hyphenated word) that are lower-case, group words or the language's words for a
    body, as long as a capitalised name remains: a surname alone after a lower-case or compound
    title ("generaal Nkunda"), two words after a capitalised one ("de Croo", "General Motors"
    stay as they are)."""
    words = name.split()
    titles = pattern("institutions", "titles", whole_words=True, language=language) if language else None

    def title(word: str) -> bool:
        # "FNV-voorzitter", "ex-presidente": a title compound; "de", "van", "of", "bin": no title.
        word = _DASH.split(word)[-1]
        if len(word) <= 3 or word in _NAME_PARTICLES:
            return False
        return word[:1].islower() or ascii_fold(word) in group_words() or bool(titles and titles.fullmatch(word))

    lead = 0
    while lead < len(words) and title(words[lead]):
        lead += 1
    rest = words[lead:]
    # A title that cannot be a name's first word (lower case, or a compound: "generaal",
    # "CNV-voorzitter") may stand before a surname alone; a capitalised one only before two words.
    plain = all(w[:1].islower() or _DASH.search(w) for w in words[:lead])
    if lead == 0 or len(rest) < (1 if plain else 2) or not rest[0][:1].isupper():
        return _after_qualified_title(name, title)
    return " ".join(rest)


def _after_qualified_title(name: str, title: Callable[[str], bool]) -> str:
    """The name after a title that a place or body qualifies ("Madhya Pradesh Chief Minister
    Shivraj Singh Chouhan", "Bank of England Governor Andrew Bailey"): at least two capitalised
    words, none a title, after the last title word; ``name`` as it is where there is none."""
    words = name.split()
    last = max((i for i, w in enumerate(words) if title(w) and w[:1].isupper()), default=0)
    rest = words[last + 1 :]
    if last > 0 and len(rest) >= 2 and all(w[:1].isupper() and not title(w) for w in rest):
        return " ".join(rest)
    return name


def resolve_participants(names: list[str], candidate: Candidate, language: str | None = None) -> list[str]:
    """Map the model's names to canonical names that the sentence or its context mention.

    Garbled spellings ("Steve Uitkoff") map to the most similar person the window mentions;
    a known person the window never mentions, or a name that resembles nothing in the
    window, is dropped as invented; delegations are kept; an unknown person who is in the
    window is transliterated.
    """
    known = window_people(candidate)
    window_states = {m.actor or m.name for m in window_mentions(candidate)}
    window = strip_cyrillic(window_text(candidate))
    own, both = sentence_people(candidate), names_both_sides(candidate)
    # Where the sentence names the two sides itself, the model was not shown its context (see
    # ``passes._question``): a name only the context writes is not one of them.
    where = strip_cyrillic(candidate.sentence.text) if both else window
    window_words = [w for w in re.findall(r"\w+", where) if len(w) > 3 or _ACRONYM.match(w)]
    comparable = is_latin_script(window)
    resolved: list[str] = []
    for raw in names:
        raw = without_title(raw.strip(), language)
        if not raw:
            continue
        english = strip_cyrillic(raw).strip()
        name = canonical_person(raw) or canonical_person(english)
        if name is None and english.lower() in DELEGATIONS:
            name = DELEGATIONS[english.lower()]
        if name is None:
            # "the Thai and Cambodian delegations" split into "Thai" and "Cambodian delegation".
            name = _adjective_delegation(english)
        if name is None:
            # "Thai government", "Cambodian negotiators": a state's people at the table.
            name = _collective_delegation(english)
        if name is None:
            # "representatives of the US", "Ukraine": a state among participants is its delegation.
            actor = canonical_actor(raw) or canonical_actor(english) or _echoed_mention(english, candidate)
            people = given_names(english, window, language) if actor in STATE_DELEGATIONS else set()
            if len(people) == 1:
                name = people.pop()  # "Márcio França", not France
            elif actor in STATE_DELEGATIONS:
                name = STATE_DELEGATIONS[actor]
            elif actor is not None and canonical_person(actor) is not None:
                name = actor
        if name is None:
            name = group_delegation(english)
        if name is None and known:
            best = max(known, key=lambda k: _name_similarity(english, k))
            if _name_similarity(english, best) >= NAME_SIMILARITY:
                name = best
        if name is None and source_institution(raw, language):
            continue  # "Gobierno de la República", "Iglesia": the article's words, no English name
        if name is None:
            last = english.split()[-1].lower() if english.split() else ""
            # A hyphenated surname is also matched by its last part, as the window's words split
            # it ("Akufo-Addo": "Addo"), where that part is a word of its own (four letters).
            part = (re.findall(r"\w+", last) or [""])[-1]
            ends = {last, part} if len(part) >= 4 else {last}
            written = [
                w
                for w in window_words
                if last and any(SequenceMatcher(None, e, w.lower()).ratio() >= 0.8 for e in ends)
            ]
            if any(w[0].isupper() for w in written):
                # A name the window writes, capitalised there: "събрание" of "Народното
                # събрание" and "2026" of "Бюджет 2026" are no one's name.
                name = without_title(_as_written(english_name(raw, language), re.findall(r"\w+", where)), language)
            elif not comparable:
                # A window in a script an English name cannot be compared with (Greek, Arabic,
                # Chinese, Korean...): the model's English name stands, unless it is a known
                # person the window never mentions (checked below).
                name = unknown_entity(raw)
        if name is None or not is_latin_script(name) or names_nobody(name):
            continue  # nothing English to put in the record ("محمد درويش" echoed back, "Prime Minister")
        if _not_a_party(raw, name, language):
            continue
        if name in STATE_DELEGATIONS.values() and STATE_OF_DELEGATION[name] not in window_states:
            continue  # a delegation of a state the window never mentions
        if canonical_person(name) is not None and name not in known:
            continue  # a known person the window never mentions: the model made them up
        if canonical_person(name) is not None and both and name not in own:
            continue  # named only in the context the model was not shown
        if _title_only(name, candidate):
            continue
        if name not in resolved:
            resolved.append(name)
    return resolved


def _as_written(name: str, window_words: list[str]) -> str:
    """``name`` without the given names the window does not write: the model's "Mehmet Ali
    Yıldırım" for "Başbakan Yıldırım" is "Yıldırım" (a surname the article may name in full);
    a word the window writes with its accents is spelled as the window spells it ("Roman
    Kondrow" for "Roman Kondrów")."""
    accented = {ascii_fold(w): w for w in window_words if w[:1].isupper() and not w.isascii()}

    def spelled(word: str) -> str:
        # Only accents inside the word: a last letter that differs is a case ending ("Rabendą").
        written = accented.get(ascii_fold(word)) if word.isascii() else None
        return written if written is not None and written[-1] == word[-1] else word

    words = [spelled(w) for w in name.split()]
    name = " ".join(words)
    if len(words) < 2:
        return name
    lowered = [ascii_fold(w) for w in window_words]

    def written(word: str) -> bool:
        # As ``supported_name`` allows: a close spelling, or a looser one with the same start
        # ("Alexei" for the transliterated "Aleksey").
        folded = ascii_fold(word)
        return not word[:1].isupper() or any(
            (ratio := SequenceMatcher(None, folded, w).ratio()) >= 0.8 or (ratio >= 0.6 and w[:2] == folded[:2])
            for w in lowered
        )

    kept = [w for w in words[:-1] if written(w)] + words[-1:]
    return " ".join(kept)


def _not_a_party(raw: str, name: str, language: str | None) -> bool:
    """Whether a name the alias table does not know as a person or delegation is a place ("Miami")
    or the meeting itself ("Die Gespräche", "the talks"): the model's filler, not a participant."""
    if canonical_person(name) is not None or "delegation" in name.lower():
        return False
    if any(m.kind == "place" for m in find_mentions(name)):
        return True
    meeting = [pattern("meeting", language=code) for code in {language or "en", "en"}]
    words = [w for w in re.findall(r"[^\W\d_]+", raw) if len(w) > 3]  # "the", "die", "les" say nothing
    return bool(words) and all(any(p.search(w) for p in meeting) for w in words)


# Words after a state's adjective that mean the people who speak for it at a meeting.
_STATE_COLLECTIVES = frozenset(
    {"government", "officials", "side", "team", "negotiators", "representatives", "diplomats", "envoys", "delegates",
     "authorities", "leadership"}
)  # fmt: skip

_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f0-9][\w .,'’&()/-]*$")


def _collective_delegation(english: str) -> str | None:
    """The delegation of a state's adjective and a word for its people ("Thai government")."""
    head, _, tail = " ".join(english.lower().split()).removeprefix("the ").rpartition(" ")
    return _adjective_delegation(head) if tail in _STATE_COLLECTIVES else None


def _adjective_delegation(adjective: str) -> str | None:
    """The delegation of a state's adjective ("Thai" -> "Thai delegation"), None for other words."""
    return DELEGATIONS.get(f"{adjective.lower()} delegation")


def state_of_collective(english: str) -> str | None:
    """The state of "Egyptian government", "the Russian side": a demand's actor or target."""
    delegation = _collective_delegation(english)
    return STATE_OF_DELEGATION.get(delegation) if delegation else None


def unverified(name: str, candidate: Candidate) -> bool:
    """Whether ``name`` is the model's English for someone in a window whose script an English
    name cannot be compared with (Arabic, Chinese, Korean...), not a person or state the alias
    table finds there: nothing vouches for it."""
    window = strip_cyrillic(window_text(candidate))
    if is_latin_script(window):
        return False
    if name in window_people(candidate) or name in DELEGATIONS.values() or "delegation" in name.lower():
        return False
    if not any(w[:1].isupper() for w in re.findall(r"[^\W\d_]+", name)):
        return False  # a description ("victims' families"), translated, not a name to spell
    return not spelt_in(name, window) and not _surname_alike(name, window)


def _surname_alike(name: str, text: str) -> bool:
    """Whether the last word of ``name`` is, give or take a letter, a word of ``text``'s
    romanisation: a surname transliterated from an alphabet another way ("Panagiotou" for
    "Παναγιώτου", romanised "Panagiotoy"). Scripts that write no spaces or no vowels (Chinese,
    Japanese, Arabic) seldom pass, as an English spelling cannot be checked there."""
    words = re.findall(r"[^\W\d_]+", ascii_fold(name))
    if not words or len(words[-1]) < 4:
        return False
    last = words[-1].lower()
    romanised = {w.lower() for w in re.findall(r"[^\W\d_]+", anyascii(text))}
    return any(w[:1] == last[:1] and SequenceMatcher(None, last, w).ratio() >= 0.7 for w in romanised)


def spelt_in(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name``, in Latin letters ("M23" in a Chinese sentence) or in a
    script whose letters spell it ("习近平" for "Xi Jinping", "Μητσοτάκης" for "Mitsotakis"):
    the name's letters, without spaces and case, appear in the text's romanisation."""
    letters = _letters(ascii_fold(name))
    return len(letters) >= 3 and letters in _letters(anyascii(text))


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def source_institution(raw: str, language: str | None) -> bool:
    """Whether the model's answer is the article's own word for a body or group ("Gobierno",
    "Iglesia Católica", "Ministro dos Transportes", "профсоюз"; the lexicon's ``institutions``),
    echoed instead of named in English."""
    if language is None:
        return False
    words = pattern("institutions", whole_words=True, language=language)
    return any(words.fullmatch(w) for w in re.findall(r"[^\W\d_]+", raw))


BETWEEN_REACH = 90
"""How many characters after "between" (before "arasında", "之间") the sides of talks are named."""

_NEAR_MEETING = 60  # how close to "between" the meeting word must be ("talks between", "переговорів між")


def parties_between(candidate: Candidate, language: str | None) -> list[str]:
    """The sides of talks that a meeting sentence names after "between" (before a postposition:
    "Rusya ile Ukrayna arasındaki görüşmeler"): known people by name, states and groups as their
    delegations ("talks between representatives of Ukraine, the US and Russia" -> Ukrainian, US
    and Russian delegation). Empty unless it names two sides or more."""
    return list(_between(candidate, language))


def talk_sides(candidate: Candidate, language: str | None, *, envoys: bool = True) -> dict[str, Mention]:
    """The sides of talks a meeting sentence names, each with the mention that names it: after
    "between" (``parties_between``), else (with ``envoys``) as a list right after a word for
    envoys ("Unterhändler Moskaus und Kiews", "negotiators of Armenia and Azerbaijan"). Empty
    unless two or more."""
    sides = _between(candidate, language)
    if sides or not envoys:
        return sides
    text = candidate.sentence.text
    if not pattern("meeting", language=language).search(text):
        return {}
    for found in pattern("delegation", language=language).finditer(text):
        sides = _envoys_of(text, _word_end(text, found.end()), candidate.mentions, language)
        if len(sides) >= 2:
            return sides
    return {}


def _between(candidate: Candidate, language: str | None) -> dict[str, Mention]:
    text = candidate.sentence.text
    meeting = pattern("meeting", language=language)
    for kind, after in (("between", True), ("between_post", False)):
        for found in pattern(kind, whole_words=True, language=language).finditer(text):
            if after:
                near = meeting.search(text, max(0, found.start() - _NEAR_MEETING), found.start())
                lo, hi = found.end(), found.end() + BETWEEN_REACH
            else:
                near = meeting.search(text, found.end(), found.end() + _NEAR_MEETING)
                lo, hi = found.start() - BETWEEN_REACH, found.start()
            if near is None:
                continue  # "the border between them": no talks between them
            sides: dict[str, Mention] = {}
            for mention in sorted(candidate.mentions, key=lambda m: m.start):
                if not lo <= mention.start < hi:
                    continue
                side = mention_side(mention)
                if side is not None:
                    sides.setdefault(side, mention)
            if len(sides) >= 2:
                return sides
    return {}


_ENVOYS_REACH = 12  # "negotiators of the", "Unterhändler": how far after the word its list starts
_FUNCTION_WORDS = r"(?:[^\W\d_]{1,4}\s+){0,2}"  # "of the", "de la", "der": short words only
_FIRST_GAP = re.compile(rf"^[\s,:]*{_FUNCTION_WORDS}$")  # before the list's first name
_WORD_REST = re.compile(r"\w*")  # the rest of a word a stem matched ("делегац" -> "делегация")


def _word_end(text: str, position: int) -> int:
    return _WORD_REST.match(text, position).end()  # type: ignore[union-attr]  # \w* always matches


def _envoys_of(text: str, end: int, mentions: tuple[Mention, ...], language: str | None) -> dict[str, Mention]:
    """The sides a word for envoys names right after it, as a list: each a known mention, the
    first within a few short words of it, the next after a comma or the language's "and"."""
    joiner = pattern("and", whole_words=True, language=language).pattern
    further = re.compile(rf"^\s*(?:,|,?\s*(?:{joiner}))\s*{_FUNCTION_WORDS}$", re.IGNORECASE)
    sides: dict[str, Mention] = {}
    at = end
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < at:
            continue
        gap = text[at : mention.start]
        side = mention_side(mention)
        if (
            side is None
            or not (further if sides else _FIRST_GAP).match(gap)
            or (not sides and len(gap) > _ENVOYS_REACH)
        ):
            break
        sides.setdefault(side, mention)
        at = mention.end
    return sides


def mention_side(mention: Mention) -> str | None:
    """Who a mention at the table is: a known person, or a state's or group's delegation."""
    if mention.kind == "person":
        return mention.name
    actor = mention.actor or mention.name
    if actor in STATE_DELEGATIONS:
        return STATE_DELEGATIONS[actor]
    if mention.kind == "group":
        return f"{actor} delegation"  # "Hamas delegation"
    return None


def given_names(surname: str, text: str, language: str | None) -> set[str]:
    """The full names ``text`` writes for ``surname`` ("Carlos Marun", "Márcio França"): a
    capitalised word right before it that is no title, group or known entity ("ministro",
    "Außenminister", "Brasil") and does not open a sentence."""
    titles = pattern("institutions", "titles", language=language) if language else None
    found: set[str] = set()
    for m in re.finditer(rf"(?<![\w'’-])([^\W\d_][\w'’-]+)\s+{re.escape(surname)}(?!\w)", text):
        given = m.group(1)
        if not _may_be_given(given, text, m.start(), titles):
            continue
        if _DASH.split(given)[-1][:1].islower():
            continue  # "CNV-voorzitter Terpstra", "ex-ministro": a title compound, no given name
        folded = ascii_fold(given)
        if any(g in folded for g in group_words() if len(g) > 3) or canonical_actor(given) is not None:
            continue
        found.add(f"{given} {surname}")
    if not found and has_cyrillic(text, historic=False):
        found = _given_names_in_cyrillic(surname, text, titles)
    return found


def _given_names_in_cyrillic(surname: str, text: str, titles: re.Pattern[str] | None) -> set[str]:
    """The full names a Cyrillic text writes for the transliterated ``surname``: "Васил Терзиев"
    for "Terziev", the given name transliterated as the surname was. The same words are no given
    name as for ``given_names``: lower case, after a full stop, a title or a group word."""
    found: set[str] = set()
    for m in re.finditer(r"(?<![\w'’-])([^\W\d_][\w'’-]+)(?=\s+([^\W\d_][\w'’-]+)(?!\w))", text):
        given, last = m.group(1), m.group(2)
        if not has_cyrillic(last, historic=False) or ascii_fold(transliterate(last)) != ascii_fold(surname):
            continue
        if not _may_be_given(given, text, m.start(), titles):
            continue
        english = transliterate(given)
        if ascii_fold(english) in group_words() or canonical_actor(given) is not None:
            continue
        found.add(f"{english} {surname}")
    return found


def _may_be_given(word: str, text: str, start: int, titles: re.Pattern[str] | None) -> bool:
    """Whether ``word``, at ``start`` in ``text``, may be a given name: capitalised, not opening a
    sentence, and no title of the language."""
    before = text[:start].rstrip()
    if not word[:1].isupper() or not before or before[-1] in '.!?:\n»”"':
        return False
    return titles is None or not titles.search(word)


_LINKING_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "&"})


def spelled_out(name: str, text: str, language: str | None) -> str:
    """An acronym ("UNA") as an English article spells it out where it introduces it: "the
    United Nurses Association (UNA)" gives "United Nurses Association". The capitalised words
    before the bracket must give its letters in order. Any other name, a known one ("NATO"), or
    an acronym of an article in another language (whose long form is no English name), is
    returned as it is."""
    if language != "en" or not re.fullmatch(r"[A-Z]{2,8}", name) or canonical_actor(name) is not None:
        return name
    words = r"[A-Z][\w'’.-]*|of|and|for|the|on|in|&"
    for m in re.finditer(rf"((?:(?:{words})\s+)+)\({re.escape(name)}\)", text):
        phrase = m.group(1).split()
        for start in range(len(phrase)):
            candidate = phrase[start:]
            if candidate[0].lower() in _LINKING_WORDS:
                continue
            initials = "".join(w[0] for w in candidate if w.lower() not in _LINKING_WORDS)
            if initials.upper() == name:
                return " ".join(candidate)
    return name


def romanised_echo(raw: str, window: str, language: str | None) -> bool:
    """Whether the model's answer only spells in Latin letters the article's own Cyrillic word
    for a body or group ("profsoyuz" for "профсоюзы", the lexicon's ``institutions``): a
    transliteration, not an English name."""
    if language is None:
        return False
    words = pattern("institutions", whole_words=True, language=language)
    spelt = {
        ascii_fold(transliterate(w)) for w in re.findall(r"[^\W\d_]+", window) if not w.isascii() and words.fullmatch(w)
    }
    answer = [ascii_fold(w) for w in re.findall(r"[^\W\d_]+", raw) if w.isascii()]
    return any(len(a) >= 5 and any(s.startswith(a) for s in spelt) for a in answer)


def names_nobody(name: str) -> bool:
    """Whether ``name`` is only titles and group words ("Prime Minister", "the foreign minister of
    Malaysia", "Chinese diplomat"): a person no one named. Delegations are named groups."""
    if name in DELEGATIONS.values() or name in STATE_DELEGATIONS.values() or "delegation" in name.lower():
        return False
    words = _name_words(name)
    return (
        bool(words)
        and all(ascii_fold(w) in group_words() or _says_whose(w) for w in words)
        and any(ascii_fold(w) in group_words() for w in words)
    )


def _says_whose(word: str) -> bool:
    """Whether ``word`` is a state or organisation ("Malaysia") or a state's adjective ("Chinese")."""
    return canonical_actor(word) is not None or _adjective_delegation(word) is not None


def group_delegation(english: str) -> str | None:
    """A group without named members as a meeting names it, a delegation: the model's "unions'
    delegation" as it is, "the truckers" as "truckers' delegation", "bereaved families" as
    "bereaved families' delegation". Its words are translations ("les syndicats"), so they are
    not looked for in the sentence: the last must be a plural group word, the others group
    words, a state's adjective or lower-case words ("Brazilian", "bereaved"); a title alone
    ("Prime Minister") is a person no one named, and a capitalised word a name."""
    words = _name_words(english)
    if words and words[-1].lower() == "delegation":
        words = words[:-1]
        phrase = english
    else:
        phrase = None
    if not words or not all(
        w.islower() or ascii_fold(w) in group_words() or _adjective_delegation(w) is not None for w in words
    ):
        return None  # a capitalised word that is no group word or state's adjective is a name
    last = ascii_fold(words[-1])
    if last not in group_words() or not last.endswith("s"):
        return None
    if phrase is not None:
        return " ".join(phrase.split())
    group = " ".join(w for w in re.findall(r"[^\W\d_]+(?:['’]s?)?", english) if w.lower() != "the")
    group = group.rstrip("'’")
    return f"{group}' delegation"


def bare_group(name: str) -> bool:
    """Whether ``name`` is only group and title words, with nothing that says whose ("protesters",
    "the government", "Prime Minister"; not "Chilean truckers", "the dockworkers' union"): a
    demand's actor that names no party. Stricter than ``names_nobody``, where a state's
    adjective does not say who ("Chinese diplomat")."""
    if "'" in name or "’" in name:
        return False  # a possessive says whose: "victims' families", "Farmers' Union"
    words = _name_words(name)
    return bool(words) and all(ascii_fold(w) in group_words() for w in words)


def _name_words(name: str) -> list[str]:
    """The words of a name that may say who, without "of", "the" and "and"."""
    return [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in {"of", "the", "and"}]


def unknown_entity(raw: str) -> str | None:
    """The model's English name for an entity the alias table does not know, cleaned: Cyrillic
    transliterated, outer spaces and punctuation trimmed; None unless it is a short phrase in
    Latin script (an answer in the article's script, or a sentence, is no name)."""
    english = " ".join(strip_cyrillic(raw).split()).strip(" .,;:-\"'«»“”")
    if not english or len(english.split()) > 6 or not _LATIN_NAME.match(english):
        return None
    if english.casefold() in _NO_ONE:
        return None
    if _DOTTED_ACRONYM.fullmatch(english):
        return english.replace(".", "")  # "S.A.T.A." for "ΣΑΤΑ": an acronym is written without dots
    return english


# An acronym spelt with a dot after each letter ("S.A.T.A", "C.G.T."), the answer's whole name.
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}[A-Z]?")


# What a model writes in a name field when the sentence names no one.
_NO_ONE = frozenset(
    {"none", "null", "unknown", "n/a", "na", "nobody", "no one", "unspecified", "not specified", "the speaker", "speaker",
     "he", "she", "they", "we", "it", "someone"}
)  # fmt: skip


def ascii_fold(word: str) -> str:
    """``word`` without diacritics and case ("İSİG" -> "isig", "Wilmès" -> "wilmes")."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


_PROPER_WORD = re.compile(r"\b(?:[A-Z][A-Za-z]*[A-Z][A-Za-z]*|[A-Z][a-z]+)\b")
_ACRONYM = re.compile(r"^[A-Z0-9]{2,8}$")


# Letters English spellings of names drop even where they keep other accents ("ISIG", not "İSİG").
_NOT_IN_ENGLISH = frozenset("İıĞğŞşŢţȘșȚț")


def _with_accents(english: str, window_words: dict[str, str]) -> str:
    """``english`` with each word the window writes the same but for accents spelt as there
    ("Brasilia" -> "Brasília", "Wilmes" -> "Wilmès")."""

    def accented(m: re.Match[str]) -> str:
        original = window_words.get(ascii_fold(m.group(0)), "")
        if not original or original.isascii() or not original[:1].isupper() or set(original) & _NOT_IN_ENGLISH:
            return m.group(0)
        return original

    return re.sub(r"\b[A-Za-z]+\b", accented, english)


def supported_name(english: str, window: str) -> str | None:
    """The model's English name for an entity the alias table does not know, checked against
    the sentence and its context ``window`` where both are in Latin letters (Cyrillic is
    transliterated first): every capitalised word of it must be written there, give or take
    an ending or an accent, or the name is invented ("ISIL" for "İSİG"). A misspelt acronym is
    replaced by the acronym the window writes. Words of a group without a name ("protesters")
    are translations and are not checked, nor is a window in another script. None when the
    name is not supported."""
    window = strip_cyrillic(window)
    if not is_latin_script(window):
        return english
    window_words = {ascii_fold(w): w for w in re.findall(r"\w+", window)}
    words = [
        w
        for w in _PROPER_WORD.findall(english)
        if ascii_fold(w) not in group_words() and canonical_actor(w) is None  # "Brazilian": the table knows it
    ]
    if not words:
        return english
    for word in words:
        folded = ascii_fold(word)
        best = max(window_words, key=lambda w: SequenceMatcher(None, folded, w).ratio(), default="")
        ratio = SequenceMatcher(None, folded, best).ratio() if best else 0.0
        acronym = bool(_ACRONYM.match(word))
        if ratio >= 0.8 or (not acronym and ratio >= 0.6 and best[:2] == folded[:2]):
            return _with_accents(english, window_words)  # written in the window ("Brazilian": "brasileiros")
        original = window_words.get(best, "")
        if len(words) == 1 and acronym and original.isupper() and ratio >= 0.5:
            return ascii_fold(original).upper()
    return None
