"""The digest's records: merged meetings, demands and casualty tolls, each citing its sources.
``schemas/Digest.json`` is generated from them."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ..io import write_text_atomic
from ..records import (
    CasualtyQualifier,
    DemandCategory,
    Evidence,
    IsoPartialDate,
    MeetingFormat,
    MeetingStatus,
    Victims,
)

__all__ = [
    "CasualtySource",
    "DemandSource",
    "Digest",
    "DigestArticle",
    "DigestSource",
    "MeetingSource",
    "MergedCasualty",
    "MergedDemand",
    "MergedMeeting",
    "digest_schema_document",
    "write_digest_schema",
]


class _DigestModel(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=True)


class DigestArticle(_DigestModel):
    """One input article, as listed at the top of the digest."""

    article_id: str = Field(description="The article's id (its file name without extension).")
    language: str = Field(description="ISO 639-1 code of the article's language: ru, uk, bg, en, ...")
    published: IsoPartialDate | None = Field(default=None, description="Publication date; null if unknown.")
    headline: str = Field(description="The article's English headline.")


class DigestSource(_DigestModel):
    """One article that reports a merged item, with the verbatim quotes that support it."""

    article_id: str = Field(description="The reporting article's id.")
    language: str = Field(description="ISO 639-1 code of the reporting article's language.")
    published: IsoPartialDate | None = Field(
        default=None, description="The article's publication date; null if unknown."
    )
    evidence: list[Evidence] = Field(
        description="The article's quotes for this item, in its own language, with offsets into that article."
    )


class MeetingSource(DigestSource):
    """An article reporting a meeting, with what that article said about its date, place and status."""

    date: IsoPartialDate | None = Field(default=None, description="The meeting date as this article gave it.")
    location: str | None = Field(default=None, description="The place as this article gave it.")
    status: MeetingStatus = Field(description="The status as this article reported it.")


class DemandSource(DigestSource):
    """An article reporting a demand, with that article's English wording of it."""

    demand: str = Field(description="The demand as extracted from this article (English).")


class CasualtySource(DigestSource):
    """An article reporting a casualty count, with the figure it gave."""

    killed: int | None = Field(default=None, description="Dead, as this article reported it.")
    injured: int | None = Field(default=None, description="Injured, as this article reported it.")
    qualifier: CasualtyQualifier = Field(description="exact, approximate or at_least, as this article reported it.")
    reported_by: str | None = Field(default=None, description="Who gave the figure, according to this article.")
    superseded: bool = Field(
        default=False,
        description="True when a later report from the same reporter replaces this figure.",
    )


class MergedMeeting(_DigestModel):
    """One meeting, merged from every article that reports it."""

    participants: list[str] = Field(description="Canonical English names of everyone any source names as taking part.")
    location: str | None = Field(
        default=None, description="The most precise place reported (a city beats a country beats null)."
    )
    date: IsoPartialDate | None = Field(
        default=None, description="The most precise date reported (a day beats a month beats a year); null if unknown."
    )
    status: MeetingStatus = Field(description="The status in the latest report (by publication date).")
    format: MeetingFormat = Field(description="in_person, phone, video, or unknown when no source says.")
    duration_hours: float | None = Field(
        default=None, description="Length in hours, from the latest report giving one."
    )
    topics: list[str] = Field(description="English topics from every source, deduplicated, first mention first.")
    outcome: str | None = Field(default=None, description="The outcome from the latest report giving one (English).")
    sources: list[MeetingSource] = Field(description="Every article reporting the meeting, oldest first.")
    merge_reason: str = Field(description="Why these reports were taken as one meeting (or kept apart), in English.")


class MergedDemand(_DigestModel):
    """One standing demand, deduplicated across articles."""

    actor: str = Field(description="Who demands: canonical English name of a state, organisation or person.")
    target: str | None = Field(default=None, description="Of whom it is demanded; null if unstated.")
    demand: str = Field(description="What is demanded, in the latest article's English wording.")
    category: DemandCategory = Field(description="The kind of demand.")
    first_seen: IsoPartialDate | None = Field(
        default=None, description="Earliest publication date of an article reporting it; null if none is dated."
    )
    last_seen: IsoPartialDate | None = Field(
        default=None, description="Latest publication date of an article reporting it; null if none is dated."
    )
    sources: list[DemandSource] = Field(description="Every article reporting the demand, oldest first.")
    merge_reason: str = Field(description="Why these reports were taken as one demand, in English.")


class MergedCasualty(_DigestModel):
    """One casualty toll (an incident or a period), reconciled across articles."""

    killed: int | None = Field(
        default=None, description="Dead: the figure of the most recent current report; null if no source gives one."
    )
    injured: int | None = Field(
        default=None, description="Injured: the figure of the most recent current report; null if none."
    )
    killed_range: tuple[int, int] | None = Field(
        default=None, description="[min, max] of the current figures for the dead when sources disagree; else null."
    )
    injured_range: tuple[int, int] | None = Field(
        default=None, description="[min, max] of the current figures for the injured when sources disagree; else null."
    )
    qualifier: CasualtyQualifier = Field(description="exact, approximate or at_least, from the most recent report.")
    victims: Victims = Field(description="civilians, military, mixed or unspecified.")
    country: str | None = Field(default=None, description="Whose people, in English.")
    location: str | None = Field(default=None, description="English place of the incident, if one.")
    period: IsoPartialDate | None = Field(default=None, description="ISO date or period the count covers.")
    cause: str | None = Field(default=None, description="English cause, from the latest report giving one.")
    sources: list[CasualtySource] = Field(description="Every report of the toll with the figure it gave, oldest first.")
    merge_reason: str = Field(description="Why these reports were taken as one toll and how figures were reconciled.")


class Digest(_DigestModel):
    """One English digest of many articles: a merged timeline of meetings, the standing demands of
    each party and the casualty figures, every item citing the articles that report it."""

    articles: list[DigestArticle] = Field(description="The input articles, by publication date then id.")
    meetings: list[MergedMeeting] = Field(description="Merged meetings, in date order (unknown dates last).")
    demands: list[MergedDemand] = Field(description="Deduplicated demands, by actor then first seen.")
    casualties: list[MergedCasualty] = Field(description="Reconciled casualty tolls, by period.")


def digest_schema_document() -> str:
    """The JSON Schema of ``Digest``, exactly as committed in ``schemas/Digest.json``."""
    return json.dumps(Digest.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_digest_schema(folder: Path) -> Path:
    """Write ``Digest.json`` (the schema of ``Digest``) into ``folder``; return its path."""
    path = Path(folder) / "Digest.json"
    write_text_atomic(path, digest_schema_document())
    return path
