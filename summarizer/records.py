"""The Pydantic records of RECORDS.md: the contract between extractor, gold data and consumers.

Field descriptions are written for the model to read; ``schemas/*.json`` is generated from
these classes (``summarizer schemas``) and a test fails when the committed files are stale.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "ArticleSummary",
    "Casualty",
    "CasualtyQualifier",
    "Demand",
    "DemandCategory",
    "Evidence",
    "MeetingEvent",
    "MeetingFormat",
    "MeetingStatus",
    "STATUS_RANK_ACROSS_REPORTS",
    "STATUS_RANK_WITHIN_ARTICLE",
    "Victims",
    "write_schemas",
    "schema_documents",
]

ISO_PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
IsoPartialDate = Annotated[
    str,
    Field(
        pattern=ISO_PARTIAL_DATE,
        description="ISO date at the precision the article allows: 2026-01-22, 2025-12 or 2025.",
    ),
]


class MeetingStatus(str, Enum):
    happened = "happened"
    planned = "planned"
    possible = "possible"
    cancelled = "cancelled"


# Status precedence answers two different questions, so it is defined twice, here, side by side.
# Within one article, two mentions of one meeting that are equally certain: the further-along
# status wins, and a cancellation overrides everything ("talks were held" then "called off").
STATUS_RANK_WITHIN_ARTICLE = {"planned": 0, "possible": 1, "happened": 2, "cancelled": 3}
# Across articles the latest report wins; between reports of the same date, what happened
# outranks a cancellation (a meeting reported as held was held), which outranks plans and rumours.
STATUS_RANK_ACROSS_REPORTS = {"possible": 0, "planned": 1, "cancelled": 2, "happened": 3}


class MeetingFormat(str, Enum):
    in_person = "in_person"
    phone = "phone"
    video = "video"
    unknown = "unknown"


class DemandCategory(str, Enum):
    territory = "territory"
    military = "military"
    security = "security"
    recognition = "recognition"
    sanctions = "sanctions"
    economic = "economic"
    political = "political"
    humanitarian = "humanitarian"
    other = "other"


class CasualtyQualifier(str, Enum):
    exact = "exact"
    approximate = "approximate"
    at_least = "at_least"


class Victims(str, Enum):
    civilians = "civilians"
    military = "military"
    mixed = "mixed"
    unspecified = "unspecified"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class Evidence(_Record):
    """A verbatim span of the article that supports a record."""

    quote: str = Field(
        min_length=1,
        description="A verbatim span of the article text, in the article's own language; never translated.",
    )
    start: int = Field(ge=0, description="Offset of the quote's first character in the article text.")
    end: int = Field(ge=0, description="Offset just past the quote's last character (exclusive).")

    @model_validator(mode="after")
    def _span_matches_quote(self) -> Evidence:
        if self.end - self.start != len(self.quote):
            raise ValueError("end - start must equal the length of quote")
        return self


EvidenceList = Annotated[
    list[Evidence],
    Field(min_length=1, description="At least one verbatim quote from the article supporting this record."),
]


class MeetingEvent(_Record):
    """One specific encounter between identified people or delegations: in person, by phone or
    by video; past, scheduled, rumoured or called off. Aggregates ("met six times"), interviews,
    statements and press conferences are not meetings."""

    participants: list[str] = Field(
        description=(
            "Canonical English names of the people who meet, full name first name first "
            "('Steve Witkoff', 'Vladimir Putin'); a group without named members as a delegation "
            "('US delegation', 'Ukrainian delegation', 'G7 leaders')."
        )
    )
    location: str | None = Field(
        default=None,
        description="English name of the city (or the place if no city: 'Florida', 'Russia'); null if not stated.",
    )
    date: IsoPartialDate | None = Field(
        default=None,
        description="ISO date at the precision the article allows (2026-01-22, 2025-12, 2025); null if unknown.",
    )
    status: MeetingStatus = Field(
        description=(
            "happened: took place or is under way; planned: scheduled, announced or confirmed by a party; "
            "possible: may happen, considered, unconfirmed or officially 'not planned'; "
            "cancelled: called off or postponed without a date."
        )
    )
    format: MeetingFormat = Field(default=MeetingFormat.unknown, description="in_person, phone, video or unknown.")
    duration_hours: float | None = Field(
        default=None,
        ge=0,
        description="Length in hours if stated ('almost five hours' -> 5.0, 'over 12 hours' -> 12.0).",
    )
    topics: list[str] = Field(
        default_factory=list,
        description="Short English noun phrases: 'security guarantees', '20-point peace plan'.",
    )
    outcome: str | None = Field(
        default=None, description="English, one sentence, only if the article reports one ('no breakthrough')."
    )
    evidence: EvidenceList


class Demand(_Record):
    """A party insisting that another party do, accept or refrain from something. Proposals,
    offers, hopes and expectations are not demands."""

    actor: str = Field(
        description=(
            "Canonical English name of who demands: a state ('Russia', 'Ukraine', 'United States'), an "
            "organisation ('NATO', 'European Union') or a person ('Vladimir Putin'). The Kremlin and Moscow "
            "stand for Russia, Kyiv for Ukraine, Washington and the White House for United States."
        )
    )
    target: str | None = Field(default=None, description="Of whom it is demanded, same naming; null if unstated.")
    demand: str = Field(description="English, one sentence: what is demanded.")
    category: DemandCategory = Field(description="The kind of demand.")
    evidence: EvidenceList


class Casualty(_Record):
    """A reported count of people killed or injured (people only: not buildings, drones or missiles)."""

    killed: int | None = Field(default=None, ge=0, description="Number of dead; null if not given.")
    injured: int | None = Field(default=None, ge=0, description="Number of injured; null if not given.")
    qualifier: CasualtyQualifier = Field(
        default=CasualtyQualifier.exact,
        description="exact; approximate ('about', 'almost', 'nearly'); at_least ('at least', 'over', 'more than').",
    )
    victims: Victims = Field(default=Victims.unspecified, description="civilians, military, mixed or unspecified.")
    children_killed: int | None = Field(default=None, ge=0, description="Children killed, where given.")
    children_injured: int | None = Field(default=None, ge=0, description="Children injured, where given.")
    country: str | None = Field(default=None, description="Whose people, in English: 'Ukraine'.")
    location: str | None = Field(default=None, description="English place name of the incident, if one.")
    period: IsoPartialDate | None = Field(
        default=None, description="ISO date or period the count covers: 2026-03-07, 2025."
    )
    cause: str | None = Field(default=None, description="English: 'Russian missile strike', 'Russian attacks'.")
    reported_by: str | None = Field(
        default=None, description="Who gives the figure: 'European governments', 'UN Human Rights Monitoring Mission'."
    )
    evidence: EvidenceList


class ArticleSummary(_Record):
    """Everything extracted from one article, every record grounded in a verbatim quote."""

    article_id: str = Field(description="The file name without its extension; 'stdin' for standard input.")
    language: str = Field(description="ISO 639-1 code of the article's language: ru, uk, bg, en, de, ...")
    published: IsoPartialDate | None = Field(default=None, description="Publication date from the header.")
    headline: str = Field(description="English, at most 15 words.")
    brief: str = Field(description="English, 2-4 sentences: who, what, when, where, and what is at stake.")
    meetings: list[MeetingEvent] = Field(default_factory=list)
    demands: list[Demand] = Field(default_factory=list)
    casualties: list[Casualty] = Field(default_factory=list)


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "ArticleSummary": ArticleSummary,
    "MeetingEvent": MeetingEvent,
    "Demand": Demand,
    "Casualty": Casualty,
    "Evidence": Evidence,
}


def schema_documents() -> dict[str, str]:
    """File name -> JSON text of every published schema, exactly as committed in ``schemas/``."""
    docs: dict[str, str] = {}
    for name, model in SCHEMA_MODELS.items():
        docs[f"{name}.json"] = json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
    return docs


def write_schemas(folder: Path) -> list[Path]:
    """Write ``schema_documents()`` into ``folder``; return the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
