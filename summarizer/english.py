"""How a record reads in English: the phrases every view of the records shares (the Markdown
brief, the digest, the HTML page, the eval report and the headline composed from the records).

The functions take records or merged digest items alike: they read only the fields the two
have in common.
"""

from __future__ import annotations

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
    "describe_record",
    "describe_records",
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

_MEETING_VERB = {
    "happened": "met",
    "planned": "are to meet",
    "possible": "may meet",
    "cancelled": "called off a meeting",
}


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


def describe_records(records: list[Any]) -> list[str]:
    """One English sentence per record (at most five), from its fields alone: what a headline
    and brief are composed of when the model's do not read as English."""
    sentences: list[str] = []
    for record in records[:5]:
        if isinstance(record, MeetingEvent):
            where = f" in {record.location}" if record.location else ""
            when = f" ({record.date})" if record.date else ""
            sentences.append(f"{' and '.join(record.participants[:4])} {_MEETING_VERB[record.status]}{where}{when}.")
        elif isinstance(record, Demand):
            sentences.append(f"{record.actor} demands: {record.demand.rstrip('.')}.")
        elif isinstance(record, Casualty):
            counts = [f"{n} {word}" for n, word in ((record.killed, "killed"), (record.injured, "injured")) if n]
            where = f" in {record.location}" if record.location else ""
            sentences.append(f"{' and '.join(counts) or 'Casualties'} reported{where}.")
    return sentences
