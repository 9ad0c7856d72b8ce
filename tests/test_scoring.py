"""The scoring rules, pinned: worked examples computed by hand, each boundary, and invariants."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from dxscore.actuals import read_actuals
from dxscore.model import MAX_NUMBER, Target, TargetSet
from dxscore.observations import Observation
from dxscore.scoring import (
    Scorecard,
    Summary,
    attainment,
    fit_line,
    judge,
    league,
    meets,
    score,
)
from dxscore.targets import load_target_sets

DATA = Path(__file__).parent / "data"


def target(**spec: float | bool) -> Target:
    return Target.model_validate(spec)


def history(*points: tuple[int, float | bool]) -> list[Observation]:
    return [Observation("x", None, "i", year, value) for year, value in points]


# --- each rule and boundary -------------------------------------------------------------


def test_strict_above_is_not_met_at_equality_but_attains_fully() -> None:
    above = target(above=50)
    assert not meets(above, 50.0)
    assert meets(above, 50.01)
    assert attainment(above, 50.0) == 1.0


def test_about_is_met_exactly_at_the_tolerance_edge() -> None:
    about = target(about=30, tolerance=2)
    assert meets(about, 28.0)
    assert not meets(about, 27.99)
    assert attainment(about, 28.0) == pytest.approx(28 / 30)


def test_about_tolerance_defaults_to_five_percent_of_the_value() -> None:
    about = target(about=30)
    assert meets(about, 28.5)
    assert not meets(about, 28.49)


@pytest.mark.parametrize(
    ("spec", "edge", "beyond"),
    [
        ({"about": 60}, 57.0, 56.99999),  # 5% of 60 is 3, not 3.0000000000000004
        ({"about": 2.2, "tolerance": 0.11}, 2.09, 2.0899999),  # not 2.0900000000000003
        ({"about": 1e-9}, 9.5e-10, 9.4e-10),  # a margin far below any fixed rounding
        ({"about": 0.3, "tolerance": 4e-10}, 0.2999999996, 0.2999999995),
    ],
)
def test_the_edge_of_an_about_margin_is_the_decimal_written_minus_its_margin(
    spec: dict[str, float], edge: float, beyond: float
) -> None:
    about = target(**spec)
    assert meets(about, edge)
    assert not meets(about, beyond)


def test_below_when_the_projection_lands_exactly_on_the_target() -> None:
    # 2022: 9, 2023: 7 → slope −2 → 2025: 3. "below 3" is not met at 3: at risk.
    status, current, projected, _ = judge(
        target(below=3), 2025, history((2022, 9), (2023, 7)), False
    )
    assert (status, projected) == ("at_risk", pytest.approx(3.0))
    assert current is not None and current.value == 7
    status, _, _, _ = judge(target(max=3), 2025, history((2022, 9), (2023, 7)), False)
    assert status == "on_track"


def test_a_rank_target_is_lower_is_better() -> None:
    top5 = target(max=5)
    assert meets(top5, 5.0) and meets(top5, 1.0) and not meets(top5, 6.0)
    assert attainment(top5, 8.0) == pytest.approx(5 / 8)
    assert attainment(top5, 2.0) == 1.0


def test_a_milestone_is_done_or_not_and_never_projected() -> None:
    done = target(done=True)
    assert attainment(done, True) == 1.0 and attainment(done, False) == 0.0
    status, _, projected, fit = judge(done, 2025, history((2023, False), (2024, False)), True)
    assert (status, projected, fit) == ("at_risk", None, None)
    assert judge(done, 2025, history((2024, True)), True)[0] == "achieved"
    assert judge(done, 2025, history((2025, False)), True)[0] == "missed"


def test_a_single_observation_cannot_be_projected() -> None:
    status, _, projected, _ = judge(target(min=60), 2030, history((2024, 50)), False)
    assert (status, projected) == ("at_risk", None)


def test_two_observations_in_the_same_year_cannot_be_projected() -> None:
    assert fit_line([(2024, 50.0), (2024, 60.0)]) is None


def test_a_past_target_year_without_its_value_is_judged_by_the_trend() -> None:
    # rule 3 of revision 2: as-of is past the deadline, but no 2025 value is reported, so
    # nothing shows the target missed: the line through 40, 55, 70 (2023, 2024, 2026) decides
    status, current, projected, _ = judge(
        target(min=60), 2025, history((2023, 40), (2024, 55), (2026, 70)), False
    )
    # current is the latest value up to the target year (2024), not the later 2026 one
    assert current is not None and (current.year, current.value) == (2024, 55)
    assert status == "on_track"
    assert projected == pytest.approx(55 + (45 / (14 / 3)) * (2025 - 2024 - 1 / 3))


def test_a_value_reached_after_the_deadline_does_not_achieve_it() -> None:
    status, _, _, _ = judge(target(min=60), 2025, history((2024, 55), (2026, 70)), False)
    assert status != "achieved"


def test_missed_only_on_the_deadlines_own_measured_value() -> None:
    assert judge(target(min=60), 2025, history((2024, 55), (2025, 58)), False)[0] == "missed"
    # the same value in 2024, with the deadline's own value not reported: not missed
    assert judge(target(min=60), 2025, history((2023, 50), (2024, 58)), False)[0] == "on_track"
    assert judge(target(min=60), 2025, history((2024, 58)), False)[0] == "at_risk"


def estimated(*points: tuple[int, float | bool]) -> list[Observation]:
    """Observations whose last one is an estimate."""
    *measured, last = history(*points)
    return [*measured, last._replace(estimate=True)]


def test_a_failing_estimate_for_the_deadline_is_at_risk_whatever_the_trend() -> None:
    # 40 → 58 (est.) is steep enough for a line to pass 60 in 2025; the estimate outweighs it
    status, current, projected, fit = judge(
        target(min=60), 2025, estimated((2020, 0), (2025, 58)), False
    )
    assert status == "at_risk"
    assert current is not None and current.estimate
    assert fit is not None and projected == pytest.approx(58)
    milestone = judge(target(done=True), 2025, estimated((2025, False)), True)
    assert milestone[0] == "at_risk"


def test_an_estimate_that_meets_the_target_achieves_it_flagged_as_an_estimate() -> None:
    goal = TargetSet.model_validate(
        {
            "dxscore": 1,
            "id": "x",
            "name": {"vi": "X", "en": "X"},
            "resolution": {"title": {"vi": "NQ", "en": "R"}},
            "pillars": {
                "government": [
                    {
                        "id": "i",
                        "name": {"vi": "Chỉ tiêu", "en": "Indicator"},
                        "unit": "percent",
                        "targets": {2025: {"min": 60}, 2030: {"min": 90}},
                        "quote": "60% … 90%",
                    }
                ],
                "economy": [],
                "society": [],
            },
        }
    )
    card = score([goal], estimated((2024, 50), (2025, 62)))
    by_year = {r.target_year: r for r in card.results}
    assert (by_year[2025].status, by_year[2025].estimate, by_year[2025].awaiting) == (
        "achieved",
        True,
        True,  # its measured value is still to come
    )
    assert (by_year[2030].estimate, by_year[2030].awaiting) == (True, False)  # 2030 is ahead
    measured = score([goal], history((2024, 50), (2025, 62)))
    assert [(r.estimate, r.awaiting) for r in measured.results] == [(False, False)] * 2


def test_no_observation_up_to_the_target_year_is_no_data() -> None:
    assert judge(target(min=60), 2025, [], False)[0] == "no_data"
    assert judge(target(min=60), 2025, history((2026, 70)), False)[0] == "no_data"


def test_projections_are_not_clipped() -> None:
    status, _, projected, _ = judge(
        target(min=80), 2030, history((2022, 40), (2023, 48), (2024, 55)), False
    )
    assert projected == pytest.approx(47.6667 + 7.5 * 7, abs=1e-3)  # 100.17 %: past 100, as fitted
    assert status == "on_track"


def test_attainment_with_a_zero_target() -> None:
    assert attainment(target(min=0), 0.0) == 1.0
    assert attainment(target(max=0), 0.0) == 1.0
    assert attainment(target(max=0), 2.0) == 0.0


# --- the worked example (tests/data/worked.yaml), computed by hand ------------------------


@pytest.fixture(scope="module")
def worked() -> Scorecard:
    sets = [item.target_set for item in load_target_sets([DATA / "worked.yaml"])]
    data = read_actuals([DATA / "worked-actuals.csv"], sets)
    assert data.problems == []
    return score(sets, data.observations)


def test_worked_example_statuses(worked: Scorecard) -> None:
    got = {
        (r.indicator.id, r.target_year): (r.status, r.projected, r.attainment)
        for r in worked.results
    }
    approx = pytest.approx
    assert worked.as_of == 2024
    assert got == {
        # ranks 24, 12, 8: slope −8, line through (2023, 14.667); top 5 / below 3
        ("dx_rank", 2025): ("on_track", approx(14.6667 - 16, abs=1e-3), 5 / 8),
        ("dx_rank", 2030): ("on_track", approx(14.6667 - 56, abs=1e-3), 3 / 8),
        # 90 in 2024 for a 2024 target of 100: deadline passed
        ("reporting_online", 2024): ("missed", None, approx(0.9)),
        # 40, 48, 55: slope 7.5 → 62.67 in 2025, 100.17 in 2030
        ("records_online_commune", 2025): ("on_track", approx(62.6667, abs=1e-3), approx(55 / 60)),
        ("records_online_commune", 2030): ("on_track", approx(100.1667, abs=1e-3), approx(55 / 80)),
        # 45, 50: "above 50" not met at 50; projected 55 → on track; attainment 1
        ("inspections_online", 2025): ("on_track", approx(55.0), 1.0),
        # not done in 2024, deadline ahead, milestones are not projected
        ("e_government_done", 2025): ("at_risk", None, 0.0),
        # 28 is within about 30 ± 2
        ("digital_economy_grdp_share", 2025): ("achieved", None, approx(28 / 30)),
        # 26, 28: slope 2 → exactly 40 in 2030, and "above 40" is strict
        ("digital_economy_grdp_share", 2030): ("at_risk", approx(40.0), approx(0.7)),
        # a single observation (6,5 with a decimal comma): no projection
        ("labour_productivity_growth", 2025): ("at_risk", None, approx(6.5 / 7)),
        ("epayment_account_share", 2025): ("achieved", None, 1.0),
        ("broadband_household_coverage", 2025): ("no_data", None, None),
    }


def test_worked_example_scores(worked: Scorecard) -> None:
    rows = {(s.target_year, s.pillar): (s.score, s.coverage) for s in worked.summary}
    approx = pytest.approx
    assert rows == {
        (2024, "government"): (approx(90.0), 1.0),
        (2024, None): (approx(90.0), 1.0),
        (2025, "overall"): (approx(62.5), 1.0),
        # weights 2, 1, 1: (2 × 55/60 + 1 + 0) / 4
        (2025, "government"): (approx(100 * (2 * 55 / 60 + 1) / 4), 1.0),
        (2025, "economy"): (approx(100 * (28 / 30 + 6.5 / 7) / 2), 1.0),
        # no_data does not drag the score down; coverage shows it
        (2025, "society"): (approx(100.0), 0.5),
        (2025, None): (approx((62.5 + 70.8333 + 93.0952 + 100) / 4, abs=1e-3), 7 / 8),
        (2030, "overall"): (approx(37.5), 1.0),
        (2030, "government"): (approx(68.75), 1.0),
        (2030, "economy"): (approx(70.0), 1.0),
        (2030, None): (approx((37.5 + 68.75 + 70) / 3), 1.0),
    }
    counts = {(s.target_year, s.pillar): s.counts for s in worked.summary}
    assert counts[(2025, None)] == {
        "achieved": 2,
        "on_track": 3,
        "at_risk": 2,
        "missed": 0,
        "no_data": 1,
    }


def test_as_of_past_the_deadline_awaits_its_value(worked: Scorecard) -> None:
    sets = worked.target_sets
    observations = {o for r in worked.results for o in r.used}
    later = score(sets, observations, as_of=2025, years=[2025])
    commune = next(r for r in later.results if r.indicator.id == "records_online_commune")
    # 40, 48, 55 by 2024 and no 2025 value: judged by the trend, and said to await 2025's
    assert (commune.status, commune.awaiting, commune.estimate) == ("on_track", True, False)
    economy = next(r for r in later.results if r.indicator.id == "digital_economy_grdp_share")
    assert (economy.status, economy.awaiting) == ("achieved", True)
    measured = Observation("worked", None, "records_online_commune", 2025, 57.0)
    with_2025 = score(sets, observations | {measured}, as_of=2025, years=[2025])
    commune = next(r for r in with_2025.results if r.indicator.id == "records_online_commune")
    assert (commune.status, commune.awaiting) == ("missed", False)
    earlier = score(sets, observations, as_of=2023, years=[2025])
    dx = next(r for r in earlier.results if r.indicator.id == "dx_rank")
    assert (dx.actual, dx.actual_year, dx.projected, dx.awaiting) == (
        12,
        2023,
        pytest.approx(-12.0),
        False,
    )  # 24, 12: slope −12


def test_filters_narrow_results_and_summaries(worked: Scorecard) -> None:
    observations = {o for r in worked.results for o in r.used}
    narrow = score(worked.target_sets, observations, years=[2030], pillars=["economy"])
    assert [(r.indicator.id, r.target_year) for r in narrow.results] == [
        ("digital_economy_grdp_share", 2030)
    ]
    assert [(s.pillar, s.score) for s in narrow.summary] == [
        ("economy", pytest.approx(70.0)),
        (None, pytest.approx(70.0)),
    ]


def test_fail_on_levels(worked: Scorecard) -> None:
    assert worked.failing("missed") == 1
    assert worked.failing("at_risk") == 4
    assert worked.failing("never") == 0


# --- invariants -----------------------------------------------------------------------------

values = st.floats(min_value=0, max_value=100, allow_nan=False)
comparators = st.sampled_from(["min", "above", "about", "max", "below"])
thresholds = st.floats(min_value=0.5, max_value=100, allow_nan=False)


@given(comparators, thresholds, values)
def test_attainment_lies_between_zero_and_one(
    comparator: str, threshold: float, value: float
) -> None:
    assert 0.0 <= attainment(target(**{comparator: threshold}), value) <= 1.0


@given(
    st.sampled_from(["min", "above", "about"]),
    thresholds,
    st.lists(values, min_size=1, max_size=5),
    st.floats(min_value=0, max_value=50, allow_nan=False),
    st.integers(min_value=0, max_value=3),
)
def test_raising_a_higher_is_better_actual_never_worsens_its_status(
    comparator: str, threshold: float, series: list[float], raise_by: float, ahead: int
) -> None:
    rank = {"missed": 0, "at_risk": 1, "on_track": 2, "achieved": 3}
    goal = target(**{comparator: threshold})
    as_of = 2020 + len(series) - 1
    before = history(*((2020 + i, v) for i, v in enumerate(series)))
    after = [*before[:-1], Observation("x", None, "i", as_of, series[-1] + raise_by)]
    year = as_of + ahead
    assert rank[judge(goal, year, after, False)[0]] >= rank[judge(goal, year, before, False)[0]]


@given(
    comparators,
    thresholds,
    st.lists(values, min_size=1, max_size=5),
    st.integers(min_value=-2, max_value=3),
)
def test_achieved_exactly_when_the_comparator_holds_on_current(
    comparator: str, threshold: float, series: list[float], offset: int
) -> None:
    goal = target(**{comparator: threshold})
    as_of = 2020 + len(series) - 1
    status, current, _, _ = judge(
        goal, as_of + offset, history(*((2020 + i, v) for i, v in enumerate(series))), False
    )
    if current is None:
        assert status == "no_data"
    else:
        assert (status == "achieved") == meets(goal, current.value)


extreme = st.floats(min_value=-MAX_NUMBER, max_value=MAX_NUMBER, allow_nan=False)


@given(
    comparators,
    extreme,
    st.lists(st.tuples(st.integers(1900, 2100), extreme), min_size=2, max_size=6),
    st.integers(1900, 2100),
)
@example("above", MAX_NUMBER, [(1900, -MAX_NUMBER), (2000, MAX_NUMBER)], 2100)
@example("below", -MAX_NUMBER, [(1900, MAX_NUMBER), (1901, -MAX_NUMBER / 2)], 2100)
def test_values_within_bounds_never_give_infinity_or_nan(
    comparator: str, threshold: float, points: list[tuple[int, float]], target_year: int
) -> None:
    """JSON cannot hold NaN: every value the readers accept keeps the numbers finite."""
    goal = target(**{comparator: threshold})
    series = sorted(dict(points).items())
    _, current, projected, fit = judge(goal, target_year, history(*series), False)
    for number in (projected, *(fit or ())):
        assert number is None or math.isfinite(number)
    if current is not None:
        assert math.isfinite(attainment(goal, current.value))


# --- found missing by a mutation audit --------------------------------------------------------


def test_a_projection_that_lands_on_the_target_despite_float_error_is_on_track() -> None:
    # 10 → 35 → 47.5 lies on a line that reaches 60 in 2025; in floats, 59.99999999999905
    status, _, projected, _ = judge(
        target(min=60), 2025, history((2021, 10.0), (2023, 35.0), (2024, 47.5)), False
    )
    assert projected is not None and projected != 60.0
    assert status == "on_track"


@pytest.mark.parametrize(
    ("points", "comparator", "expected"),
    [  # 7,000 a year: exactly 1,500,000 in 2030, in series a million in size
        (((2021, 1437000), (2023, 1451000), (2024, 1458000)), "min", "on_track"),
        (((2021, 1437000), (2022, 1444000), (2024, 1458000)), "min", "on_track"),
        (((2021, 1437000), (2023, 1451000), (2024, 1458000)), "above", "at_risk"),
        (((2021, 1437000), (2022, 1444000), (2024, 1458000)), "above", "at_risk"),
    ],
)
def test_a_line_of_millions_that_lands_on_the_target_is_judged_as_landing_on_it(
    points: tuple[tuple[int, float], ...], comparator: str, expected: str
) -> None:
    """Found by an independent oracle: evaluated from its intercept at year 0, such a line
    missed 1,500,000 by 10⁻⁸, and 'min' went at risk while 'above' went on track."""
    status, _, projected, _ = judge(target(**{comparator: 1500000}), 2030, history(*points), False)
    assert projected == pytest.approx(1500000, abs=1e-6)
    assert status == expected


def test_a_projection_just_beyond_the_target_is_beyond_it() -> None:
    # the exact line reaches 80.00000000025 in 2030: more than 80, as the data say
    status, _, projected, _ = judge(
        target(above=80), 2030, history((2023, 79.9999999999), (2024, 79.99999999995)), False
    )
    assert projected is not None and projected > 80
    assert status == "on_track"


def _worked_sets() -> list[TargetSet]:
    return [item.target_set for item in load_target_sets([DATA / "worked.yaml"])]


def test_pillars_without_data_do_not_pull_the_set_score_down() -> None:
    only = [Observation("worked", None, "records_online_commune", 2024, 48.0)]
    card = score(_worked_sets(), only, years=[2025])
    rows = {row.pillar: row for row in card.summary}
    assert rows["government"].score == pytest.approx(80.0)  # 48 of 60, one of four with data
    assert rows["economy"].score is None and rows["society"].score is None
    assert rows[None].score == pytest.approx(80.0)  # the mean of the pillars with a score


def test_league_names_the_weakest_pillar_and_lists_areas_without_data_last() -> None:
    observations = [
        Observation("worked", "A", "records_online_commune", 2023, 70.0),
        Observation("worked", "A", "epayment_account_share", 2023, 10.0),
        Observation("worked", "B", "records_online_commune", 2023, 30.0),
        Observation("worked", "C", "records_online_commune", 2024, 90.0),  # after as-of
    ]
    card = score(_worked_sets(), observations, as_of=2023, years=[2025])
    rows = [(r.rank, r.area, r.worst_pillar) for r in league(card)]
    assert rows == [(1, "A", "society"), (2, "B", "government"), (None, "C", None)]


def test_scores_that_read_the_same_share_a_rank() -> None:
    """Sums that differ in the last bit (20.000000000000004 and 20.0) read 20.0 alike, and so
    does 19.96; 99.96 reads 99.9, short of 100, as 99.91 does."""
    counts = dict.fromkeys(("achieved", "on_track", "at_risk", "missed", "no_data"), 0)
    scores = {"A": 20.000000000000004, "B": 20.0, "C": 19.96, "D": 100.0, "E": 99.96, "F": 99.91}
    summary = tuple(
        Summary("worked", area, 2025, None, value, 1.0, counts)  # type: ignore[arg-type]
        for area, value in scores.items()
    )
    card = Scorecard(2024, tuple(_worked_sets()), (), summary, tuple(scores))
    ranks = {r.area: r.rank for r in league(card)}
    assert ranks == {"D": 1, "E": 2, "F": 2, "A": 4, "B": 4, "C": 4}  # E and F both read 99.9


def test_equal_scores_share_a_rank() -> None:
    """Found by a test campaign: two areas at 100.0 ranked 1 and 2, by name."""
    observations = [
        Observation("worked", area, "records_online_commune", 2024, value)
        for area, value in (("Hoàn Kiếm", 70.0), ("Ba Đình", 70.0), ("Sóc Sơn", 30.0), ("X", 20.0))
    ]
    card = score(_worked_sets(), observations, as_of=2024, years=[2025])
    assert [(r.rank, r.area) for r in league(card)] == [
        (1, "Ba Đình"),
        (1, "Hoàn Kiếm"),
        (3, "Sóc Sơn"),
        (4, "X"),
    ]
