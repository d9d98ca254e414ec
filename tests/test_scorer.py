"""Unit tests of the scorer on hand-made cases: matching, metrics, field accuracy, grounding."""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest

from summarizer.evaluate import scorer
from summarizer.evaluate.gold import GoldArticle, parse_gold
from summarizer.evaluate.scorer import (
    Counts,
    dates_compatible,
    match_records,
    optimal_assignment,
    score_article,
    token_set_similarity,
    values_agree,
)
from summarizer.records import Evidence

from .handmade import GOLD, TEXT, casualty, demand, ev, meeting, summary

# --- small comparisons ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("2026-01-22", "2026-01", True),
        ("2026-01", "2026-01-22", True),
        ("2026", "2026-01-22", True),
        ("2025-12", "2026-01", False),
        ("2026-01-22", "2026-01-23", False),
        (None, "2026-01-22", True),
        ("2026-01-22", None, True),
    ],
)
def test_dates_compatible(a: str | None, b: str | None, ok: bool) -> None:
    assert dates_compatible(a, b) is ok


def test_values_agree_normalisation() -> None:
    assert values_agree("location", "  moscow ", "Moscow")
    assert values_agree("duration_hours", 5.04, 5.0)
    assert not values_agree("duration_hours", 5.1, 5.0)
    assert not values_agree("duration_hours", None, 5.0)
    assert values_agree("target", None, None)
    assert values_agree("date", "2026-01-22", "2026-01-22")
    assert not values_agree("date", "2026-01", "2026-01-22")
    assert values_agree("killed", 12, 12)
    assert not values_agree("killed", 11, 12)


def test_counts_conventions() -> None:
    assert (Counts(0, 0, 0).precision, Counts(0, 0, 0).recall, Counts(0, 0, 0).f1) == (1.0, 1.0, 1.0)
    assert Counts(0, 0, 3).f1 == 0.0
    assert Counts(0, 2, 0).f1 == 0.0
    c = Counts(tp=2, fp=1, fn=1)
    assert c.precision == pytest.approx(2 / 3) and c.recall == pytest.approx(2 / 3) and c.f1 == pytest.approx(2 / 3)


# --- whole-article cases -------------------------------------------------------------------


def test_perfect_prediction() -> None:
    score = score_article(GOLD, GOLD, TEXT)
    for kind in ("meetings", "demands", "casualties"):
        c = score.matchings[kind].counts
        assert (c.tp, c.fp, c.fn) == (1, 0, 0)
        assert c.f1 == 1.0
        assert all(r.value == 1.0 for r in score.fields[kind].values())
    assert score.verbatim.value == 1.0
    assert score.english_clean.value == 1.0


def test_empty_prediction() -> None:
    score = score_article(summary(), GOLD, TEXT)
    for kind in ("meetings", "demands", "casualties"):
        c = score.matchings[kind].counts
        assert (c.tp, c.fp, c.fn) == (0, 0, 1)
        assert c.f1 == 0.0
        assert all(r.value is None for r in score.fields[kind].values())
    assert score.verbatim.value is None
    described = "Steve Witkoff, Jared Kushner, Vladimir Putin in Moscow on 2026-01-22 (happened, in_person)"
    assert score.unmatched["meetings"]["gold"] == [described]


def test_extra_record_is_a_false_positive() -> None:
    extra = meeting(["Donald Trump", "Volodymyr Zelensky"], location="Davos")
    pred = GOLD.model_copy(update={"meetings": [*GOLD.meetings, extra]})
    m = score_article(pred, GOLD, TEXT).matchings["meetings"]
    assert (m.counts.tp, m.counts.fp, m.counts.fn) == (1, 1, 0)
    assert m.pairs == [(0, 0)] and m.unmatched_predicted == [1]
    assert m.counts.precision == 0.5 and m.counts.recall == 1.0


def test_wrong_date_prevents_the_match() -> None:
    pred = GOLD.model_copy(update={"meetings": [meeting(["Steve Witkoff", "Vladimir Putin"], date="2025-12")]})
    c = score_article(pred, GOLD, TEXT).matchings["meetings"].counts
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)


def test_coarser_date_matches_but_date_field_is_wrong() -> None:
    pred = GOLD.model_copy(update={"meetings": [meeting(["steve witkoff"], date="2026-01")]})
    score = score_article(pred, GOLD, TEXT)
    assert score.matchings["meetings"].counts.tp == 1
    assert score.fields["meetings"]["date"].value == 0.0
    assert score.fields["meetings"]["status"].value == 1.0
    assert score.fields["meetings"]["location"].value == 1.0


def test_unknown_date_is_compatible() -> None:
    pred = GOLD.model_copy(update={"meetings": [meeting(["Vladimir Putin"], date=None)]})
    assert score_article(pred, GOLD, TEXT).matchings["meetings"].counts.tp == 1


# --- optional gold records -----------------------------------------------------------------


def _gold_with_optional() -> GoldArticle:
    data = GOLD.model_dump(mode="json")
    optional = meeting(["Donald Trump", "Vladimir Putin"], date="2026-02", status="possible").model_dump(mode="json")
    optional["optional"] = True
    data["meetings"].append(optional)
    return parse_gold(data)


def test_optional_gold_matched_is_neither_tp_nor_fp() -> None:
    gold = _gold_with_optional()
    assert gold.optional_indices("meetings") == frozenset({1})
    pred = GOLD.model_copy(
        update={"meetings": [*GOLD.meetings, meeting(["Donald Trump"], date="2026-02", status="possible")]}
    )
    m = score_article(pred, gold, TEXT).matchings["meetings"]
    assert (m.counts.tp, m.counts.fp, m.counts.fn) == (1, 0, 0)
    assert m.optional_pairs == [(1, 1)]


def test_optional_gold_unmatched_is_not_fn() -> None:
    score = score_article(GOLD, _gold_with_optional(), TEXT)
    c = score.matchings["meetings"].counts
    assert (c.tp, c.fp, c.fn) == (1, 0, 0)
    assert score.unmatched["meetings"]["gold"] == []


def test_optional_pair_does_not_count_in_field_accuracy() -> None:
    gold = _gold_with_optional()
    pred = GOLD.model_copy(update={"meetings": [*GOLD.meetings, meeting(["Donald Trump"], date="2026-02")]})
    # The optional pair has the wrong status ("happened" vs "possible"): it must not show.
    assert score_article(pred, gold, TEXT).fields["meetings"]["status"].value == 1.0


def test_required_gold_is_preferred_over_optional() -> None:
    required = meeting(["Steve Witkoff", "Vladimir Putin"])
    optional = meeting(["Steve Witkoff", "Vladimir Putin"])
    m = match_records("meetings", [meeting(["Steve Witkoff", "Vladimir Putin"])], [optional, required], optional={0})
    assert m.pairs == [(0, 1)] and m.optional_pairs == [] and m.counts.tp == 1


# --- the assignment ------------------------------------------------------------------------


def _greedy_first_come(kind: str, predicted: list[Any], gold: list[Any]) -> int:
    score = scorer._SCORERS[kind]
    taken: set[int] = set()
    for p in predicted:
        for gi, g in enumerate(gold):
            if gi not in taken and score(p, g) is not None:
                taken.add(gi)
                break
    return len(taken)


def _greedy_best_first(kind: str, predicted: list[Any], gold: list[Any]) -> int:
    score = scorer._SCORERS[kind]
    candidates = sorted(
        ((s, pi, gi) for pi, p in enumerate(predicted) for gi, g in enumerate(gold) if (s := score(p, g)) is not None),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, pi, gi in candidates:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
    return len(used_p)


def test_optimal_assignment_beats_greedy_first_come() -> None:
    # P0 shares Witkoff with both gold meetings (a tie); taking G0 first leaves P1 nothing.
    gold = [meeting(["Steve Witkoff", "Vladimir Putin"]), meeting(["Steve Witkoff", "Rustem Umerov"])]
    predicted = [meeting(["Steve Witkoff"]), meeting(["Vladimir Putin"])]
    assert _greedy_first_come("meetings", predicted, gold) == 1
    m = match_records("meetings", predicted, gold)
    assert sorted(m.pairs) == [(0, 1), (1, 0)]
    assert m.counts.tp == 2


def test_optimal_assignment_maximises_matches_before_score() -> None:
    # The best-scoring pair (P0-G0, Jaccard 1.0) would leave P1 unmatched: two weaker pairs win.
    gold = [meeting(["Steve Witkoff", "Vladimir Putin"]), meeting(["Steve Witkoff", "Rustem Umerov"])]
    predicted = [meeting(["Steve Witkoff", "Vladimir Putin"]), meeting(["Vladimir Putin", "Sergey Lavrov"])]
    assert _greedy_best_first("meetings", predicted, gold) == 1
    assert sorted(match_records("meetings", predicted, gold).pairs) == [(0, 1), (1, 0)]


def test_optimal_assignment_prefers_the_better_score_on_ties_in_count() -> None:
    gold = [meeting(["Steve Witkoff", "Vladimir Putin"]), meeting(["Steve Witkoff", "Jared Kushner"])]
    predicted = [meeting(["Steve Witkoff", "Jared Kushner"]), meeting(["Steve Witkoff", "Vladimir Putin"])]
    assert sorted(match_records("meetings", predicted, gold).pairs) == [(0, 1), (1, 0)]


def _brute_force_best(weights: list[list[float]]) -> float:
    n, m = len(weights), len(weights[0])
    best = 0.0
    if n <= m:
        for cols in itertools.permutations(range(m), n):
            best = max(best, sum(max(0.0, weights[i][c]) for i, c in enumerate(cols)))
    else:
        for rows in itertools.permutations(range(n), m):
            best = max(best, sum(max(0.0, weights[r][j]) for j, r in enumerate(rows)))
    return best


@pytest.mark.parametrize("use_scipy", [False, True])
def test_optimal_assignment_is_exact(use_scipy: bool) -> None:
    if use_scipy:
        pytest.importorskip("scipy")
    rng = random.Random(7)
    for _ in range(200):
        n, m = rng.randint(1, 5), rng.randint(1, 5)
        weights = [[rng.choice([0.0, 0.0, rng.random(), float(rng.randint(1, 3))]) for _ in range(m)] for _ in range(n)]
        pairs = optimal_assignment(weights, use_scipy=use_scipy)
        assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
        assert all(weights[r][c] > 0 for r, c in pairs)
        assert sum(weights[r][c] for r, c in pairs) == pytest.approx(_brute_force_best(weights))


def test_optimal_assignment_empty() -> None:
    assert optimal_assignment([]) == []
    assert optimal_assignment([[]]) == []
    assert match_records("demands", [], [demand()]).unmatched_gold == [0]


# --- demands -------------------------------------------------------------------------------


def test_demand_matches_on_actor_and_overlapping_evidence() -> None:
    pred = demand(actor="russia", text="Kyiv has to give up the Donbas region.", target=None)
    m = match_records("demands", [pred], [demand()])
    assert m.counts.tp == 1


def test_demand_matches_on_similar_text_without_overlap() -> None:
    pred = demand(text="Ukraine must withdraw troops from the Donbas.", evidence=[ev("Кремль требует")])
    assert token_set_similarity(pred.demand, demand().demand) >= scorer.DEMAND_SIMILARITY_THRESHOLD
    assert match_records("demands", [pred], [demand()]).counts.tp == 1


def test_demand_needs_the_same_actor() -> None:
    assert match_records("demands", [demand(actor="Ukraine")], [demand()]).counts.tp == 0


def test_demand_with_different_text_and_no_overlap_does_not_match() -> None:
    other = demand(text="Security guarantees for Ukraine.", evidence=[ev("гарантиях безопасности")])
    assert match_records("demands", [other], [demand()]).counts.tp == 0


def test_demand_field_accuracy() -> None:
    pred = demand(target=None, category="security")
    score = score_article(summary(demands=[pred]), summary(demands=[demand()]), TEXT)
    assert score.fields["demands"]["actor"].value == 1.0
    assert score.fields["demands"]["target"].value == 0.0
    assert score.fields["demands"]["category"].value == 0.0


# --- casualties ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred", "gold", "ok"),
    [
        ((12, 40), (12, 40), True),
        ((100, None), (95, None), True),  # within 10%
        ((100, None), (90, None), True),  # exactly 10% of the larger
        ((100, None), (85, None), False),  # 15% apart
        ((12, None), (12, 40), True),  # null on one side: matches on the other count
        ((None, 40), (12, 40), True),
        ((None, 38), (12, 40), True),
        ((12, 10), (12, 40), False),  # the shared non-null counts must all agree
        ((12, None), (None, 40), False),  # no count given by both
        ((0, None), (0, 5), True),
    ],
)
def test_casualty_counts(pred: tuple[int | None, int | None], gold: tuple[int | None, int | None], ok: bool) -> None:
    m = match_records("casualties", [casualty(*pred)], [casualty(*gold)])
    assert (m.counts.tp == 1) is ok


def test_casualty_field_accuracy_is_exact_on_counts() -> None:
    pred = casualty(killed=11, injured=40, qualifier="approximate", period="2026-01-22")
    score = score_article(summary(casualties=[pred]), summary(casualties=[casualty()]), TEXT)
    assert score.matchings["casualties"].counts.tp == 1
    fields = {name: r.value for name, r in score.fields["casualties"].items()}
    assert fields == {"killed": 0.0, "injured": 1.0, "qualifier": 0.0, "victims": 1.0, "period": 0.0}


def test_casualty_ties_use_the_tie_breaker() -> None:
    gold = [casualty(2, None, location="Kyiv"), casualty(2, None, location="Odesa")]
    predicted = [casualty(2, None, location="Odesa"), casualty(2, None, location="Kyiv")]
    assert sorted(match_records("casualties", predicted, gold).pairs) == [(0, 1), (1, 0)]


# --- grounding -----------------------------------------------------------------------------


def test_verbatim_share_checks_offsets() -> None:
    good = ev("погибли 12 человек")
    shifted = Evidence(quote=good.quote, start=good.start + 1, end=good.end + 1)
    pred = summary(casualties=[casualty(evidence=[good, shifted])])
    assert score_article(pred, GOLD, TEXT).verbatim.value == 0.5


def test_english_clean_share_counts_free_text_but_not_quotes() -> None:
    pred = summary(
        meetings=[meeting(["Steve Witkoff", "Путин"], location="Москва")],
        casualties=[casualty()],  # Cyrillic only in its quote: clean
    )
    score = score_article(pred, GOLD, TEXT)
    # headline, brief, 2 participants, location = 5 strings (enums, dates and nulls not counted)
    assert (score.english_clean.hits, score.english_clean.total) == (3, 5)


def test_canonical_participants_use_the_alias_table() -> None:
    pred = summary(meetings=[meeting(["Steve Witkoff", "Witkoff", "Уиткофф", "Some Newcomer"])])
    score = score_article(pred, GOLD, TEXT)
    # "Witkoff" has a canonical form it does not use; Cyrillic never counts; an unknown name is accepted.
    assert (score.canonical_participants.hits, score.canonical_participants.total) == (2, 4)


def test_unknown_record_type() -> None:
    with pytest.raises(ValueError, match="unknown record type"):
        match_records("events", [], [])
