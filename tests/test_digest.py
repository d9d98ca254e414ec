"""Cross-article merge: hand-made records for each rule, then the five gold summaries."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from summarizer.digest import (
    Digest,
    MergedMeeting,
    build_digest,
    digest_schema_document,
    write_digest_schema,
)
from summarizer.errors import ConfigError
from summarizer.io import load_summaries
from summarizer.normalize.text import token_set_similarity
from summarizer.records import ArticleSummary, Evidence
from summarizer.render.digest import render_digest_markdown

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evals" / "gold"


def _evidence(text: str, quote: str) -> list[dict[str, Any]]:
    start = text.index(quote)
    return [Evidence(quote=quote, start=start, end=start + len(quote)).model_dump()]


def _article(
    article_id: str,
    language: str,
    published: str | None,
    text: str,
    *,
    meetings: list[tuple[str, dict[str, Any]]] = (),  # type: ignore[assignment]
    demands: list[tuple[str, dict[str, Any]]] = (),  # type: ignore[assignment]
    casualties: list[tuple[str, dict[str, Any]]] = (),  # type: ignore[assignment]
) -> ArticleSummary:
    """An ArticleSummary whose records are (quote, fields) pairs grounded in ``text``."""

    def records(pairs: Any) -> list[dict[str, Any]]:
        return [{**fields, "evidence": _evidence(text, quote)} for quote, fields in pairs]

    return ArticleSummary.model_validate(
        {
            "article_id": article_id,
            "language": language,
            "published": published,
            "headline": f"Headline of {article_id}",
            "brief": "A brief.",
            "meetings": records(meetings),
            "demands": records(demands),
            "casualties": records(casualties),
        }
    )


def _meeting(participants: list[str], date: str | None, status: str = "happened", **extra: Any) -> dict[str, Any]:
    return {"participants": participants, "date": date, "status": status, "format": "in_person", **extra}


def _sources(m: MergedMeeting) -> list[tuple[str, str]]:
    return [(s.article_id, s.language) for s in m.sources]


WP = ["Steve Witkoff", "Vladimir Putin"]


# --------------------------------------------------------------------------------------------
# Meetings
# --------------------------------------------------------------------------------------------


def test_same_meeting_in_two_languages_is_merged_with_both_sources() -> None:
    ru = "Уиткофф встретится с Путиным 22 января в Москве."
    uk = "Віткофф зустрінеться з Путіним 22 січня."
    digest = build_digest(
        [
            _article(
                "a_ru",
                "ru",
                "2026-01-21",
                ru,
                meetings=[(ru, _meeting(WP, "2026-01-22", "planned", location="Moscow"))],
            ),
            _article("b_uk", "uk", "2026-01-21", uk, meetings=[(uk, _meeting(WP, "2026-01-22", "planned"))]),
        ]
    )
    assert len(digest.meetings) == 1
    m = digest.meetings[0]
    assert _sources(m) == [("a_ru", "ru"), ("b_uk", "uk")]
    assert m.sources[0].evidence[0].quote == ru and m.sources[1].evidence[0].quote == uk
    assert (m.date, m.location, m.status) == ("2026-01-22", "Moscow", "planned")
    assert "same participants {Steve Witkoff, Vladimir Putin}" in m.merge_reason
    assert "dates 2026-01-22 and 2026-01-22 compatible" in m.merge_reason
    assert "reported by 2 articles" in m.merge_reason


def test_planned_then_happened_takes_the_later_status_and_the_most_precise_fields() -> None:
    early = "Витков может поехать в Москву в январе."
    late = "Витков встретился с Путиным 22 января, встреча длилась три часа."
    digest = build_digest(
        [
            _article(
                "late", "ru", "2026-01-23", late,
                meetings=[(late, _meeting(WP, "2026-01-22", "happened", duration_hours=3.0, outcome="No deal."))],
            ),
            _article("early", "ru", "2026-01-10", early, meetings=[(early, _meeting(WP, "2026-01", "planned", location="Moscow"))]),
        ]
    )  # fmt: skip
    assert len(digest.meetings) == 1
    m = digest.meetings[0]
    assert m.status == "happened"  # from the later article
    assert m.date == "2026-01-22"  # a day beats a month
    assert m.location == "Moscow"  # a known place beats null
    assert (m.duration_hours, m.outcome) == (3.0, "No deal.")
    assert [s.article_id for s in m.sources] == ["early", "late"]  # oldest first
    assert [(s.status, s.date) for s in m.sources] == [("planned", "2026-01"), ("happened", "2026-01-22")]
    assert "status happened from the latest report (late, 2026-01-23)" in m.merge_reason


def test_the_day_wins_even_when_the_later_article_gives_only_the_month() -> None:
    a, b = "Встреча 22 января.", "Встреча прошла в январе."
    digest = build_digest(
        [
            _article("a", "ru", "2026-01-20", a, meetings=[(a, _meeting(WP, "2026-01-22", "planned"))]),
            _article("b", "ru", "2026-01-25", b, meetings=[(b, _meeting(WP, "2026-01", "happened"))]),
        ]
    )
    assert [(m.date, m.status) for m in digest.meetings] == [("2026-01-22", "happened")]


def test_different_meetings_on_the_same_day_stay_apart() -> None:
    a = "Виткофф и Путин встретились в Москве. Трамп и Зеленский встретились в Давосе."
    b = "Трамп і Зеленський зустрілися в Давосі."
    first, second = a.split(". ")
    digest = build_digest(
        [
            _article(
                "a", "ru", "2026-01-23", a,
                meetings=[
                    (first, _meeting(WP, "2026-01-22", location="Moscow")),
                    (second, _meeting(["Donald Trump", "Volodymyr Zelensky"], "2026-01-22", location="Davos")),
                ],
            ),
            _article("b", "uk", "2026-01-23", b,
                     meetings=[(b, _meeting(["Volodymyr Zelensky", "Donald Trump"], "2026-01-22", location="Davos"))]),
        ]
    )  # fmt: skip
    assert len(digest.meetings) == 2
    by_people = {frozenset(m.participants): m for m in digest.meetings}
    assert [s.article_id for s in by_people[frozenset(WP)].sources] == ["a"]
    assert [s.article_id for s in by_people[frozenset(["Donald Trump", "Volodymyr Zelensky"])].sources] == ["a", "b"]


def test_same_people_same_month_in_different_cities_or_formats_stay_apart() -> None:
    a, b, c = "Встреча в Берлине.", "Зустріч у Женеві.", "Телефонный разговор."
    people = ["US delegation", "Ukrainian delegation"]
    digest = build_digest(
        [
            _article("a", "ru", "2025-12-20", a, meetings=[(a, _meeting(people, "2025-12", location="Berlin"))]),
            _article("b", "uk", "2025-12-21", b, meetings=[(b, _meeting(people, "2025", location="Geneva"))]),
            _article("c", "ru", "2025-12-22", c, meetings=[(c, {**_meeting(people, "2025-12"), "format": "phone"})]),
        ]
    )
    assert len(digest.meetings) == 3


def test_a_country_and_a_city_are_compatible_places_and_the_city_wins() -> None:
    a, b = "Поездка в Россию.", "Встреча в Москве."
    digest = build_digest(
        [
            _article(
                "a", "ru", "2026-01-14", a, meetings=[(a, _meeting(WP, "2026-01", "possible", location="Russia"))]
            ),
            _article(
                "b", "ru", "2026-01-21", b, meetings=[(b, _meeting(WP, "2026-01-22", "planned", location="Moscow"))]
            ),
        ]
    )
    assert [(m.location, m.status, len(m.sources)) for m in digest.meetings] == [("Moscow", "planned", 2)]


def test_two_records_of_one_article_are_never_merged() -> None:
    text = "Первая встреча в марте. Вторая встреча в марте."
    first, second = text.split(". ")
    digest = build_digest(
        [_article("a", "ru", "2025-04-01", text,
                  meetings=[(first, _meeting(WP, "2025-03")), (second, _meeting(WP, "2025-03"))])]
    )  # fmt: skip
    assert len(digest.meetings) == 2


def test_a_single_shared_participant_is_enough_only_for_a_one_person_list() -> None:
    a, b = "Путин провел переговоры.", "Путін і Трамп поговорили."
    one = build_digest(
        [
            _article("a", "ru", "2026-01-02", a, meetings=[(a, _meeting(["Vladimir Putin"], "2026-01-01"))]),
            _article(
                "b", "uk", "2026-01-02", b, meetings=[(b, _meeting(["Vladimir Putin", "Donald Trump"], "2026-01-01"))]
            ),
        ]
    )
    two = build_digest(
        [
            _article(
                "a", "ru", "2026-01-02", a, meetings=[(a, _meeting(["Vladimir Putin", "Xi Jinping"], "2026-01-01"))]
            ),
            _article(
                "b", "uk", "2026-01-02", b, meetings=[(b, _meeting(["Vladimir Putin", "Donald Trump"], "2026-01-01"))]
            ),
        ]
    )
    assert len(one.meetings) == 1 and one.meetings[0].participants == ["Vladimir Putin", "Donald Trump"]
    assert len(two.meetings) == 2


def test_an_unknown_date_merges_only_with_a_single_candidate() -> None:
    a = "Виткофф встречался с Путиным 13 марта. Виткофф встречался с Путиным 11 апреля."
    march, april = a.split(". ")
    undated = "Віткофф зустрічався з Путіним."
    one = build_digest(
        [
            _article("a", "ru", "2025-04-20", march, meetings=[(march, _meeting(WP, "2025-03-13", location="Moscow"))]),
            _article("b", "uk", "2025-04-21", undated, meetings=[(undated, _meeting(WP, None))]),
        ]
    )
    assert [(m.date, len(m.sources)) for m in one.meetings] == [("2025-03-13", 2)]
    assert "dates 2025-03-13 and unknown compatible" in one.meetings[0].merge_reason

    ambiguous = build_digest(
        [
            _article("a", "ru", "2025-04-20", a,
                     meetings=[(march, _meeting(WP, "2025-03-13")), (april, _meeting(WP, "2025-04-11"))]),
            _article("b", "uk", "2025-04-21", undated, meetings=[(undated, _meeting(WP, None))]),
        ]
    )  # fmt: skip
    assert [(m.date, len(m.sources)) for m in ambiguous.meetings] == [("2025-03-13", 1), ("2025-04-11", 1), (None, 1)]
    assert "2 meetings could match" in ambiguous.meetings[-1].merge_reason
    assert "kept apart" in ambiguous.meetings[-1].merge_reason


# --------------------------------------------------------------------------------------------
# Casualties
# --------------------------------------------------------------------------------------------


def _toll(
    killed: int | None, injured: int | None = None, reported_by: str | None = None, **extra: Any
) -> dict[str, Any]:
    base = {"killed": killed, "injured": injured, "victims": "civilians", "country": "Ukraine", "period": "2026-03-07"}
    return {**base, "reported_by": reported_by, **extra}


def test_disagreeing_casualty_counts_give_a_range_and_list_every_source() -> None:
    a = "Погибли 10 человек, ранены 40."
    b = "Загинули 12 людей, поранено 40."
    digest = build_digest(
        [
            _article("b", "uk", "2026-03-08", b, casualties=[(b, _toll(12, 40, "Kyiv city administration"))]),
            _article("a", "ru", "2026-03-07", a, casualties=[(a, _toll(10, 40, "State Emergency Service"))]),
        ]
    )
    assert len(digest.casualties) == 1
    c = digest.casualties[0]
    assert c.killed_range == (10, 12)
    assert c.killed == 12  # the most recent report
    assert (c.injured, c.injured_range) == (40, None)
    assert [(s.article_id, s.language, s.killed, s.superseded) for s in c.sources] == [
        ("a", "ru", 10, False),
        ("b", "uk", 12, False),
    ]
    assert "current figures disagree: killed 10–12" in c.merge_reason
    assert "10–12 killed" in render_digest_markdown(digest)


def test_a_later_figure_from_the_same_reporter_supersedes_the_earlier_one() -> None:
    a, b = "Погибли 10 человек.", "Число погибших выросло до 14."
    digest = build_digest(
        [
            _article("a", "ru", "2026-03-07", a, casualties=[(a, _toll(10, reported_by="State Emergency Service"))]),
            _article("b", "ru", "2026-03-08", b, casualties=[(b, _toll(14, reported_by="State Emergency Service"))]),
        ]
    )
    c = digest.casualties[0]
    assert (c.killed, c.killed_range) == (14, None)
    assert [(s.killed, s.superseded) for s in c.sources] == [(10, True), (14, False)]


def test_tolls_for_different_periods_or_victims_stay_apart() -> None:
    a = "Погибли 10 мирных жителей и 3 военных."
    digest = build_digest(
        [_article("a", "ru", "2026-03-08", a, casualties=[
            ("Погибли 10 мирных жителей", _toll(10)),
            ("3 военных", _toll(3, victims="military")),
        ])]
    )  # fmt: skip
    other = "Погибли 5 человек."
    digest2 = build_digest(
        [
            _article("a", "ru", "2026-03-08", a, casualties=[("Погибли 10 мирных жителей", _toll(10))]),
            _article("b", "ru", "2026-03-09", other, casualties=[(other, _toll(5, period="2026-03-08"))]),
        ]
    )
    assert len(digest.casualties) == 2 and len(digest2.casualties) == 2


# --------------------------------------------------------------------------------------------
# Demands
# --------------------------------------------------------------------------------------------


def _demand(
    text: str, category: str = "territory", actor: str = "Russia", target: str | None = "Ukraine"
) -> dict[str, Any]:
    return {"actor": actor, "target": target, "demand": text, "category": category}


def test_demands_are_deduplicated_with_first_and_last_seen() -> None:
    a = "Кремль требует вывода войск из Донбасса."
    b = "Москва наполягає на виведенні військ з Донбасу."
    c = "Кремль требует передать Запорожье и Херсон."
    d = "Кремль настаивает на нейтральном статусе."
    e = "Москва вимагає нейтралітету."
    digest = build_digest(
        [
            _article("c", "ru", "2026-01-25", c + " " + d,
                     demands=[(c, _demand("Ukraine must hand the Zaporizhzhia and Kherson regions over to Russia.")),
                              (d, _demand("Neutral status for Ukraine.", "security", target=None))]),
            _article("a", "ru", "2026-01-10", a,
                     demands=[(a, _demand("Ukraine must withdraw its troops from Donbas."))]),
            _article("b", "uk", "2026-01-20", b + " " + e,
                     demands=[(b, _demand("Ukraine must withdraw all troops from the Donbas region.")),
                              (e, _demand("Ukraine must stay neutral.", "security", target=None))]),
        ]
    )  # fmt: skip
    assert token_set_similarity("Ukraine must withdraw its troops from Donbas.", "Ukraine must withdraw all troops from the Donbas region.") >= 0.4  # fmt: skip
    donbas = [x for x in digest.demands if "Donbas" in x.demand]
    assert len(donbas) == 1
    assert (donbas[0].first_seen, donbas[0].last_seen) == ("2026-01-10", "2026-01-20")
    assert [(s.article_id, s.language) for s in donbas[0].sources] == [("a", "ru"), ("b", "uk")]
    assert donbas[0].demand == "Ukraine must withdraw all troops from the Donbas region."  # the latest wording
    assert "wording similarity" in donbas[0].merge_reason
    # Same actor, target and category but different substance: kept apart.
    assert any("Zaporizhzhia" in x.demand and len(x.sources) == 1 for x in digest.demands)
    # Short texts with the same actor, target and category merge without a wording match.
    neutral = [x for x in digest.demands if x.category == "security"]
    assert len(neutral) == 1 and (neutral[0].first_seen, neutral[0].last_seen) == ("2026-01-20", "2026-01-25")
    assert len(digest.demands) == 3


def test_demands_with_a_different_target_or_category_stay_apart() -> None:
    a = "Россия требует признать Крым. Россия требует снять санкции."
    crimea, sanctions = a.split(". ")
    b = "Росія вимагає визнати Крим."
    digest = build_digest(
        [
            _article("a", "ru", "2026-01-10", a, demands=[
                (crimea, _demand("Crimea must be recognised as Russian.", "recognition", target=None)),
                (sanctions, _demand("Sanctions must be lifted.", "sanctions", target="United States")),
            ]),
            _article("b", "uk", "2026-01-11", b,
                     demands=[(b, _demand("Crimea must be recognised as Russian.", "recognition", target="Ukraine"))]),
        ]
    )  # fmt: skip
    assert len(digest.demands) == 3


# --------------------------------------------------------------------------------------------
# Determinism, loading, schema, Markdown
# --------------------------------------------------------------------------------------------


def _gold() -> list[ArticleSummary]:
    return load_summaries(GOLD)


def test_input_order_does_not_change_the_output() -> None:
    summaries = _gold()
    expected = build_digest(summaries).model_dump_json()
    rng = random.Random(7)
    for _ in range(5):
        shuffled = summaries[:]
        rng.shuffle(shuffled)
        assert build_digest(shuffled).model_dump_json() == expected
    assert render_digest_markdown(build_digest(list(reversed(summaries)))) == render_digest_markdown(
        build_digest(summaries)
    )


def test_gold_shows_the_22_january_meeting_once_from_bulgarian_and_ukrainian_reports() -> None:
    digest = build_digest(_gold())
    jan22 = [m for m in digest.meetings if m.date == "2026-01-22"]
    assert len(jan22) == 1
    m = jan22[0]
    assert {"Steve Witkoff", "Vladimir Putin"} <= set(m.participants)
    assert ("002_492a296c2b99c6ab", "bg") in _sources(m) and ("003_32f261f9b184bad9", "uk") in _sources(m)
    # The two articles that give the day; 000 and 001 (14 January) only reported a possible trip "this month",
    # which is compatible (same month, same people) and folds in as the earlier report of the same trip.
    assert sorted(s.article_id[:3] for s in m.sources if s.date == "2026-01-22") == ["002", "003"]
    assert (m.location, m.status, m.format) == ("Moscow", "planned", "in_person")
    assert all(s.evidence for s in m.sources)
    assert not any(x.date == "2026-01" and set(WP) <= set(x.participants) for x in digest.meetings)


def test_gold_shows_the_early_december_moscow_meeting_once_with_its_sources() -> None:
    digest = build_digest(_gold())
    december = [
        m
        for m in digest.meetings
        if (m.date or "").startswith("2025-12")
        and {"Steve Witkoff", "Jared Kushner", "Vladimir Putin"} <= set(m.participants)
    ]
    assert len(december) == 1
    m = december[0]
    assert (m.date, m.location, m.status, m.duration_hours) == ("2025-12-02", "Moscow", "happened", 5.0)
    assert _sources(m) == [
        ("000_f162027763fb38f0", "ru"),
        ("001_26853ce867b8a829", "ru"),
        ("002_492a296c2b99c6ab", "bg"),
        ("003_32f261f9b184bad9", "uk"),
    ]
    assert "reported by 4 articles in 3 languages (bg, ru, uk)" in m.merge_reason


def test_gold_other_meetings_stay_apart() -> None:
    digest = build_digest(_gold())
    # 003's 6 August talks (Putin) and the informal Witkoff-Dmitriev meeting that day are two meetings.
    assert len([m for m in digest.meetings if m.date == "2025-08-06"]) == 2
    # 004's undated meeting could be several Witkoff meetings: kept apart, and the reason says so.
    undated = [m for m in digest.meetings if "Scott Bessent" in m.participants]
    assert len(undated) == 1 and "kept apart" in undated[0].merge_reason
    # Berlin (002) and Geneva (003) delegation talks are different places.
    assert {m.location for m in digest.meetings if "US delegation" in m.participants} == {"Berlin", "Geneva"}
    assert len(digest.casualties) == 1 and digest.casualties[0].killed == 2400
    recognition = [d for d in digest.demands if d.category == "recognition"]
    assert len(recognition) == 1 and (recognition[0].first_seen, recognition[0].last_seen) == (
        "2026-01-14",
        "2026-01-21",
    )


def test_markdown_digest_has_a_dated_timeline_citing_sources() -> None:
    text = render_digest_markdown(build_digest(_gold()))
    assert "## Timeline of meetings" in text and "## Standing demands" in text and "## Casualties" in text
    line = next(x for x in text.splitlines() if x.startswith("- 2026-01-22"))
    assert "2026-01-22 · Moscow · planned — Steve Witkoff, Jared Kushner, Vladimir Putin" in line
    assert "(002\\_492a296c2b99c6ab, bg)" in line and "(003\\_32f261f9b184bad9, uk)" in line
    assert "### Russia" in text
    assert "about 2,400 killed, 12,000 injured (civilians, Ukraine, 2025)" in text


def test_markdown_escapes_article_text() -> None:
    text = "Кремль <b>требует</b>."
    digest = build_digest(
        [_article("x", "ru", "2026-01-01", text, demands=[(text, _demand("<script>alert(1)</script> *now*"))])]
    )
    out = render_digest_markdown(digest)
    assert "<script>" not in out and "\\<script\\>" in out and "\\*now\\*" in out


def test_load_summaries_reads_jsonl_files_and_folders(tmp_path: Path) -> None:
    gold = _gold()
    jsonl = tmp_path / "all.jsonl"
    jsonl.write_text("\n".join(s.model_dump_json() for s in gold) + "\n\n", encoding="utf-8")
    assert load_summaries(jsonl) == gold
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join(s.model_dump_json() for s in gold[:2]), encoding="utf-8")
    (folder / "b.json").write_text(json.dumps([s.model_dump(mode="json") for s in gold[2:4]]), encoding="utf-8")
    (folder / "c.json").write_text(gold[4].model_dump_json(), encoding="utf-8")
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    assert load_summaries(folder) == gold
    assert len(gold) == 5 and not any("optional" in json.dumps(s.model_dump()) for s in gold)


def test_load_summaries_errors_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_summaries(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"article_id": "x"}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="bad.jsonl:1: not a valid ArticleSummary"):
        load_summaries(bad)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid JSON"):
        load_summaries(broken)


def test_committed_digest_schema_matches_the_model(tmp_path: Path) -> None:
    committed = ROOT / "schemas" / "Digest.json"
    assert committed.read_text(encoding="utf-8") == digest_schema_document(), "schemas/Digest.json is stale"
    written = write_digest_schema(tmp_path)
    assert written.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
    assert Digest.model_validate_json(build_digest(_gold()).model_dump_json()) == build_digest(_gold())
