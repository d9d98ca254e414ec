"""How a record reads in English: the phrases every view of the records shares (the Markdown
brief, the digest, the HTML page, the eval report, and the headline and brief composed from the
records).

The functions take records or merged digest items alike: they read only the fields the two
have in common.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum
from typing import Any

from .records import Casualty, Demand, MeetingEvent

__all__ = [
    "LANGUAGE_NAMES",
    "QUALIFIER_WORDS",
    "casualty_context",
    "casualty_details",
    "casualty_figure",
    "compose_brief",
    "compose_headlines",
    "date_words",
    "describe_record",
    "join_words",
    "language_name",
    "meeting_extras",
    "meeting_line",
    "plain",
    "plural",
    "record_title",
    "seen_span",
]

LANGUAGE_NAMES = {
    "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "en": "English", "de": "German", "pl": "Polish",
    "fr": "French", "es": "Spanish", "it": "Italian", "be": "Belarusian", "sr": "Serbian", "mk": "Macedonian",
}  # fmt: skip
"""English names of the languages shown by name; any other code is shown as the code."""

QUALIFIER_WORDS = {"approximate": "about ", "at_least": "at least ", "exact": ""}
"""The words put before a casualty figure for each ``CasualtyQualifier``."""


def plain(value: Any) -> Any:
    """The plain value of an enum member; record defaults are members, validated values are strings."""
    return value.value if isinstance(value, Enum) else value


def join_words(words: Sequence[str]) -> str:
    """``a, b and c``."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def plural(n: int, word: str) -> str:
    """``1 article``, ``2 articles``."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def meeting_line(m: Any) -> str:
    """``date · place · status — participants: outcome`` in plain English (not escaped)."""
    who = ", ".join(m.participants) or "participants unknown"
    outcome = f": {m.outcome}" if m.outcome else ""
    return f"{m.date or 'date unknown'} · {m.location or 'place unknown'} · {m.status} — {who}{outcome}"


def meeting_extras(m: Any) -> list[str]:
    """Format, length and topics of a meeting, when known: ``["phone", "2 h", "topics: gas"]``."""
    extra = []
    if m.format != "unknown":
        extra.append(str(plain(m.format)).replace("_", " "))
    if m.duration_hours is not None:
        extra.append(f"{m.duration_hours:g} h")
    if m.topics:
        extra.append("topics: " + ", ".join(m.topics))
    return extra


def casualty_figure(c: Any, *, empty: str = "no figure") -> str:
    """One report's figure: ``about 2,400 killed, 12,000 injured``; a merged toll's ranges
    (``killed_range``), where it has them, stand for its figures: ``11,000–12,000 injured``."""
    parts = []
    for label in ("killed", "injured"):
        count, rng = getattr(c, label), getattr(c, f"{label}_range", None)
        if rng is not None:
            parts.append(f"{rng[0]:,}–{rng[1]:,} {label}")
        elif count is not None:
            parts.append(f"{count:,} {label}")
    return QUALIFIER_WORDS[plain(c.qualifier)] + (", ".join(parts) or empty)


def casualty_details(c: Any, *, with_unspecified: bool = False) -> list[str]:
    """Victims, country, place and period of a toll, those that are known. Victims
    ``unspecified`` say nothing and are left out unless ``with_unspecified``."""
    victims = plain(c.victims)
    if victims == "unspecified" and not with_unspecified:
        victims = None
    return [str(x) for x in (victims, c.country, c.location, c.period) if x]


def casualty_context(c: Any) -> str:
    """Victims, country, place and period of a toll, comma-separated."""
    return ", ".join(casualty_details(c)) or "no details"


def seen_span(d: Any) -> str:
    """When a merged demand was reported: ``2026-01-14``, ``2026-01-14 to 2026-02-02`` or ``undated``."""
    seen = d.first_seen or "undated"
    if d.last_seen and d.last_seen != d.first_seen:
        seen = f"{seen} to {d.last_seen}"
    return str(seen)


def record_title(record: MeetingEvent | Demand | Casualty) -> str:
    """The English record in one line, headed by its kind (``Meeting: ...``)."""
    if isinstance(record, MeetingEvent):
        return f"Meeting: {meeting_line(record)}"
    if isinstance(record, Demand):
        target = f" → {record.target}" if record.target else ""
        return f"Demand [{record.category}]: {record.actor}{target}: {record.demand}"
    details = ", ".join(casualty_details(record, with_unspecified=True))
    return f"Casualties: {casualty_figure(record)} ({details})"


def describe_record(record: MeetingEvent | Demand | Casualty, *, width: int = 120) -> str:
    """A one-line English description of a record, for the eval report's debugging sections."""
    if isinstance(record, MeetingEvent):
        where = f" in {record.location}" if record.location else ""
        when = f" on {record.date}" if record.date else ""
        text = f"{', '.join(record.participants) or '?'}{where}{when} ({record.status}, {record.format})"
    elif isinstance(record, Demand):
        target = f" -> {record.target}" if record.target else ""
        text = f"{record.actor}{target} [{record.category}]: {record.demand}"
    else:
        parts = [f"killed={record.killed}", f"injured={record.injured}", str(record.qualifier), str(record.victims)]
        parts += [x for x in (record.period, record.location) if x]
        text = " ".join(parts)
    return text if len(text) <= width else text[: width - 1] + "…"


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip


def date_words(iso: str | None, *, on: str = "on") -> str:
    """``on 15 August 2025``, ``in August 2025``, ``in 2025``; empty for no date. ``on`` is the
    word before a day ("is planned for 22 January")."""
    if not iso:
        return ""
    parts = str(iso).split("-")
    if len(parts) == 3:
        return f"{on} {int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"in {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"in {parts[0]}"


def _clause(text: str) -> str:
    """A model's English phrase made to follow a colon: spaces collapsed, a final stop and a
    leading "Demand for" dropped ("Demand for a pay rise." -> "a pay rise")."""
    text = " ".join(text.split()).rstrip(". ")
    return re.sub(r"^(?:demands?|calls?)\s+(?:for|that|to)\s+", "", text, flags=re.I) or text


def _demands(d: Any) -> str:
    """``Hamas demands of Israel``, ``Protesters demand``: an actor whose last word is a plural
    noun in lower case ("dockworkers", "Correos unions") takes the plural."""
    last = d.actor.split()[-1] if d.actor.split() else ""
    verb = "demand" if last[:1].islower() and last.endswith("s") else "demands"
    target = f" of {d.target}" if d.target else ""
    return f"{_capital(d.actor)} {verb}{target}"


_VICTIMS = {"civilians": "civilians", "military": "soldiers", "mixed": "people", "unspecified": "people"}


def _counts(c: Any, *, verb: bool) -> str:
    """``at least 12 civilians were killed and 40 were injured`` (``verb``), or in a headline's
    words ``at least 12 people killed, 40 injured``."""
    killed, injured = c.killed, c.injured
    first = killed if killed is not None else injured
    noun = _VICTIMS[str(plain(c.victims))]
    if noun == "people" and first == 1:
        noun = "person"
    parts: list[str] = []
    for count, word in ((killed, "killed"), (injured, "injured")):
        if count is not None:
            be = ("was " if count == 1 else "were ") if verb else ""
            parts.append(f"{count:,} {noun + ' ' if not parts else ''}{be}{word}")
    return QUALIFIER_WORDS[plain(c.qualifier)] + (" and " if verb else ", ").join(parts)


# How a meeting reads by its status: a headline, and a sentence of the brief.
_MEETING_HEADLINE = {
    "happened": "{who} hold a meeting{where}",
    "planned": "{who} to hold a meeting{where}",
    "possible": "{who} may hold a meeting{where}",
    "cancelled": "Meeting between {who} called off",
}
_MEETING_SENTENCE = {
    "happened": "A meeting between {who} took place{how}{where}{when}.",
    "planned": "A meeting between {who} is planned{how}{where}{when}.",
    "possible": "A meeting between {who} may take place{how}{where}{when}.",
    "cancelled": "A meeting between {who}{where}{when} was called off.",
}


def _headline_of(record: MeetingEvent | Demand | Casualty) -> str:
    if isinstance(record, MeetingEvent):
        who = join_words(record.participants[:3])
        where = f" in {record.location}" if record.location else ""
        if plain(record.format) == "phone" and plain(record.status) == "happened":
            return f"{who} hold a phone call"
        return _MEETING_HEADLINE[str(plain(record.status))].format(who=who, where=where)
    if isinstance(record, Demand):
        words = _clause(record.demand).split()
        if len(words) > 10 and "," in " ".join(words[:10]):  # a long list: its first item
            words = " ".join(words).split(",")[0].split()
        return f"{_demands(record)}: {' '.join(words)}"
    where = f" in {record.location}" if record.location else ""
    return _capital(f"{_counts(record, verb=False)}{where}")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence_of(record: MeetingEvent | Demand | Casualty) -> list[str]:
    """A record in one to three English sentences, from its fields alone."""
    if isinstance(record, MeetingEvent):
        status, fmt = str(plain(record.status)), str(plain(record.format))
        out = [
            _MEETING_SENTENCE[status].format(
                who=join_words(record.participants),
                how={"phone": " by phone", "video": " by video link"}.get(fmt, ""),
                where=f" in {record.location}" if record.location else "",
                when=f" {date_words(record.date, on='for' if status == 'planned' else 'on')}" if record.date else "",
            )
        ]
        if record.topics:
            tense = "The talks covered" if status == "happened" else "The talks are to cover"
            out.append(f"{tense} {join_words(record.topics[:4])}.")
        if record.outcome:
            out.append(f"Outcome: {_clause(record.outcome)}.")
        return out
    if isinstance(record, Demand):
        return [f"{_demands(record)}: {_clause(record.demand)}."]
    where = f" in {record.location}" if record.location else ""
    when = f" {date_words(record.period)}" if record.period else ""
    cause = f" (cause: {_clause(record.cause)})" if record.cause else ""
    source = f", according to {record.reported_by}" if record.reported_by else ""
    return [_capital(f"{_counts(record, verb=True)}{where}{when}{cause}{source}.")]


def _reading_order(records: list[Any]) -> list[Any]:
    return sorted(records, key=lambda r: min((e.start for e in r.evidence), default=0))


def compose_headlines(records: list[Any]) -> list[str]:
    """Headlines of an article from its records (their fields are English by construction), one
    per record in the order the article reports them, at most 15 words each: the first is the
    headline, the next stand in where it cannot be used."""
    return [" ".join(_headline_of(r).split()[:15]) for r in _reading_order(records)
            if not (isinstance(r, Casualty) and r.killed is None and r.injured is None)]  # fmt: skip


def compose_brief(records: list[Any], *, limit: int = 4) -> list[str]:
    """The brief of an article from its records, in the order the article reports them: one or
    two sentences per record, repeats left out, at most ``limit`` sentences."""
    sentences: list[str] = []
    for record in _reading_order(records):
        for sentence in _sentence_of(record):
            if sentence not in sentences and len(sentences) < limit:
                sentences.append(sentence)
    return sentences
