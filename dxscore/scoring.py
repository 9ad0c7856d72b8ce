"""The scoring engine: a pure function of target sets, observations and options.

No I/O, no printing, no globals. The rules (README, "How targets are scored"):

Per target set, area, indicator and target year TY, over observations with
year ≤ as-of (as-of defaults to the latest year with a reported value):

1. ``current`` = the latest observation with year ≤ min(as-of, TY); none: ``no_data``.
2. ``current`` meets the comparator: ``achieved``.
3. else, when the target year's own value is reported and is not an estimate: ``missed``.
4. else the outcome is not known yet: ``projected`` = the least-squares line through all
   observations with year ≤ as-of, at TY (two distinct years needed; milestones are not
   projected). It meets the comparator: ``on_track``; otherwise, or with no line:
   ``at_risk``. A failing estimate for TY is ``at_risk`` whatever the line says.

Every result says whether ``current`` is an estimate (``estimate``) and whether the deadline
has passed in the data without its measured value (``awaiting``: as-of ≥ TY and no value for
TY that is not an estimate), so that no verdict reads as firmer than its evidence.

Attainment (0–1) measures ``current`` against the target; a pillar's score is
100 × the weighted mean attainment of its indicators with data, and coverage
the share of its indicators with data; a set's score is the mean of its
pillars' scores.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from operator import attrgetter
from typing import Literal, Protocol

from dxscore.model import PILLARS, Indicator, PillarKey, Target, TargetSet
from dxscore.observations import Observation, Value
from dxscore.rules import Fit, fit_line

Status = Literal["achieved", "on_track", "at_risk", "missed", "no_data"]
STATUSES: tuple[Status, ...] = ("achieved", "on_track", "at_risk", "missed", "no_data")
# How bad a status is, for --fail-on: missed is worse than at_risk.
SEVERITY: dict[Status, int] = {
    "achieved": 0,
    "on_track": 0,
    "no_data": 0,
    "at_risk": 1,
    "missed": 2,
}


@dataclass(slots=True)  # not frozen, for speed (see Observation); nothing changes one once made
class Result:
    """The verdict on one indicator for one target year, with what it rests on."""

    target_set: str
    area: str | None
    pillar: PillarKey
    indicator: Indicator
    target_year: int
    target: Target
    status: Status
    actual: Value | None
    actual_year: int | None
    projected: float | None
    attainment: float | None
    used: tuple[Observation, ...]  # the observations the verdict rests on (year ≤ as-of)
    fit: Fit | None
    current: Observation | None = None  # the observation behind ``actual`` (its note and source)
    estimate: bool = False  # ``actual`` is an estimate
    awaiting: bool = False  # as-of ≥ the target year, and its measured value is not reported


@dataclass(slots=True)  # not frozen, for speed, as Result
class Summary:
    """A pillar's score for a target year (``pillar`` None: the whole target set)."""

    target_set: str
    area: str | None
    target_year: int
    pillar: PillarKey | None
    score: float | None
    coverage: float
    counts: dict[Status, int]


@dataclass(frozen=True, slots=True)
class Scorecard:
    as_of: int | None
    target_sets: tuple[TargetSet, ...]
    results: tuple[Result, ...]
    summary: tuple[Summary, ...]
    areas: tuple[str | None, ...] = field(default=(None,))

    def failing(self, fail_on: str) -> int:
        """How many results are at least as bad as ``fail_on`` (``missed``, ``at_risk``, ``never``)."""
        if fail_on == "never":
            return 0
        threshold = SEVERITY["missed" if fail_on == "missed" else "at_risk"]
        return sum(1 for r in self.results if SEVERITY[r.status] >= threshold)


def meets(target: Target, value: Value) -> bool:
    """Whether ``value`` satisfies the target's comparator."""
    comparator = target.comparator
    if comparator == "done":
        return value is True
    if isinstance(value, bool):
        return False
    x = target.value
    if comparator == "min":
        return value >= x
    if comparator == "above":
        return value > x
    if comparator == "max":
        return value <= x
    if comparator == "below":
        return value < x
    return value >= threshold(target)  # about


def threshold(target: Target) -> float:
    """The value the comparator compares with: the target's, or for ``about`` the lowest
    value within its margin."""
    if target.comparator == "about":
        return _lowest_within(target.value, target.effective_tolerance)
    return target.value


@lru_cache(maxsize=1024)
def _lowest_within(value: float, margin: float) -> float:
    """``value − margin`` as the decimals written subtract: 2.2 − 0.11 is 2.09, not
    2.0900000000000003 (which 2.09 would miss); 1e-9 − 5e-11 is 9.5e-10, where rounding to a
    fixed number of decimals would make it 1e-9."""
    return float(Decimal(repr(value)) - Decimal(repr(margin)))


def attainment(target: Target, value: Value) -> float:
    """How far ``value`` has come towards the target, 0–1."""
    comparator = target.comparator
    if comparator == "done" or isinstance(value, bool):
        return 1.0 if value is True else 0.0
    x = target.value
    if comparator in ("min", "above", "about"):
        if x <= 0:
            return 1.0 if meets(target, value) else 0.0
        return _clip(value / x)
    if value <= 0:  # max/below with a non-positive actual (a count of 0)
        return 1.0 if meets(target, value) else 0.0
    return _clip(x / value)


class Series(Protocol):
    """One indicator's data in one area, as far as the verdicts need it."""

    @property
    def history(self) -> tuple[Observation, ...]:
        """The observations with year ≤ as-of, by year (empty when the reader kept only sums)."""

    def current(self, target_year: int) -> Observation | None:
        """The latest observation with year ≤ the target year (and ≤ as-of)."""

    def fit(self) -> Fit | None:
        """The least-squares line through the observations with year ≤ as-of."""


def judge(
    target: Target,
    target_year: int,
    history: Sequence[Observation],
    milestone: bool,
) -> tuple[Status, Observation | None, float | None, Fit | None]:
    """Status, current observation, projection and fit for one target year.

    ``history`` holds one indicator's observations with year ≤ as-of, sorted by year.
    """
    return verdict(target, target_year, History(history), milestone)


def verdict(
    target: Target, target_year: int, series: Series, milestone: bool
) -> tuple[Status, Observation | None, float | None, Fit | None]:
    """The rules of the module docstring, for one series and one target year."""
    current = series.current(target_year)
    if current is None:
        return "no_data", None, None, None
    if meets(target, current.value):
        return "achieved", current, None, None
    deadline_value = current.year == target_year
    if deadline_value and not current.estimate:
        return "missed", current, None, None
    fit = None if milestone else series.fit()
    if fit is None:
        return "at_risk", current, None, None
    projected = fit.at(target_year)
    if deadline_value:  # a failing estimate of the deadline outweighs any trend
        return "at_risk", current, projected, fit
    # a line that lands on the target lands on it, whatever the float error: within a
    # millionth of a millionth, the projection is compared as the target itself
    mark = threshold(target)
    landed = mark if math.isclose(projected, mark, rel_tol=1e-12, abs_tol=1e-12) else projected
    status: Status = "on_track" if meets(target, landed) else "at_risk"
    return status, current, projected, fit


def awaiting(series: Series, target_year: int, as_of: int) -> bool:
    """Whether the deadline has passed in the data (as-of ≥ the target year) while no measured
    value (one that is not an estimate) for the target year itself is reported."""
    return as_of >= target_year and _awaiting(series.current(target_year), target_year)


def _awaiting(current: Observation | None, target_year: int) -> bool:
    """:func:`awaiting` from the current observation (with as-of ≥ the target year)."""
    return current is None or current.year != target_year or current.estimate


class History:
    """A :class:`Series` from its observations (year ≤ as-of, by year); the line fitted once."""

    __slots__ = ("_fit", "history")

    def __init__(self, history: Sequence[Observation]) -> None:
        self.history = tuple(history)  # shared by the results of every target year
        self._fit: Fit | bool | None = False  # False: not fitted yet

    def current(self, target_year: int) -> Observation | None:
        for observation in reversed(self.history):
            if observation.year <= target_year:
                return observation
        return None

    def fit(self) -> Fit | None:
        if self._fit is False:
            self._fit = fit_line([(o.year, float(o.value)) for o in self.history])
        return self._fit  # type: ignore[return-value]


SeriesKey = tuple[str, str | None, str]  # target set, area, indicator
NO_DATA = History(())


def score(
    target_sets: Sequence[TargetSet],
    observations: Iterable[Observation],
    *,
    as_of: int | None = None,
    years: Iterable[int] | None = None,
    pillars: Iterable[PillarKey] | None = None,
    areas: Iterable[str | None] | None = None,
) -> Scorecard:
    """Score every given target set against the observations.

    ``years``, ``pillars`` and ``areas`` narrow what is scored; ``as_of``
    defaults to the latest observed year. A target set or area with no
    observation is scored too (every result ``no_data``).
    """
    observations = list(observations)
    if as_of is None:
        as_of = max((o.year for o in observations), default=None)
    series = series_of(observations, as_of)
    return score_series(target_sets, series, as_of=as_of, years=years, pillars=pillars, areas=areas)


def series_of(observations: Iterable[Observation], as_of: int | None) -> dict[SeriesKey, Series]:
    """The observations grouped into series, each up to ``as_of`` and by year."""
    by_key: dict[SeriesKey, list[Observation]] = defaultdict(list)
    for obs in observations:
        by_key[(obs.target_set, obs.area, obs.indicator)].append(obs)
    return series_from_groups(by_key, as_of)


def series_from_groups(
    groups: Mapping[SeriesKey, list[Observation]], as_of: int | None
) -> dict[SeriesKey, Series]:
    """Series from their observations in the order read (each list is sorted by year, in
    place: stable, and cheap as files list years in order), each up to ``as_of``."""
    by_year = attrgetter("year")
    series: dict[SeriesKey, Series] = {}
    for key, found in groups.items():
        if not found:  # every cell of it empty (or refused)
            continue
        found.sort(key=by_year)
        if as_of is not None and found[-1].year > as_of:
            found = [o for o in found if o.year <= as_of]
        series[key] = History(found)
    return series


def with_unreported(
    series: dict[SeriesKey, Series], unreported: Iterable[SeriesKey]
) -> dict[SeriesKey, Series]:
    """``series``, with each series whose every cell was left empty added without data: a
    place a file names is scored (every target "no data"), not left out of the report."""
    for key in unreported:
        series.setdefault(key, NO_DATA)
    return series


def score_series(
    target_sets: Sequence[TargetSet],
    series: Mapping[SeriesKey, Series],
    *,
    as_of: int | None,
    years: Iterable[int] | None = None,
    pillars: Iterable[PillarKey] | None = None,
    areas: Iterable[str | None] | None = None,
) -> Scorecard:
    """:func:`score` from each series' data up to ``as_of`` (None: there is no data at all)."""
    seen_areas: dict[str, dict[str | None, None]] = defaultdict(dict)  # ordered sets
    for set_id, area, _ in series:
        seen_areas[set_id][area] = None
    year_filter = set(years) if years is not None else None
    pillar_filter = set(pillars) if pillars is not None else None
    area_filter = set(areas) if areas is not None else None

    results: list[Result] = []
    summary: list[Summary] = []
    all_areas: dict[str | None, None] = {}
    get = series.get
    for target_set in target_sets:
        set_areas = _area_order(seen_areas.get(target_set.id) or [None])
        if area_filter is not None:
            set_areas = [a for a in set_areas if a in area_filter]  # none: this set is not shown
        plan = _plan(target_set, year_filter, pillar_filter)
        set_id = target_set.id
        for area in set_areas:
            all_areas[area] = None
            for target_year, pillar_plans in plan:
                year_results: list[Result] = []
                pillar_rows: list[Summary] = []
                for pillar, indicators in pillar_plans:
                    pillar_results = [
                        _result(
                            set_id,
                            area,
                            pillar,
                            indicator,
                            target_year,
                            target,
                            get((set_id, area, indicator_id), NO_DATA),
                            as_of,
                        )
                        for indicator, target, indicator_id in indicators
                    ]
                    pillar_rows.append(
                        _summarize(set_id, area, target_year, pillar, pillar_results)
                    )
                    year_results += pillar_results
                summary += pillar_rows
                summary.append(
                    _summarize_set(set_id, area, target_year, pillar_rows, len(year_results))
                )
                results += year_results
    return Scorecard(as_of, tuple(target_sets), tuple(results), tuple(summary), tuple(all_areas))


# per target year, per pillar: each indicator, its target that year, and its id
_Plan = list[tuple[int, list[tuple[PillarKey, list[tuple[Indicator, Target, str]]]]]]


def _plan(target_set: TargetSet, years: set[int] | None, pillars: set[PillarKey] | None) -> _Plan:
    """What is scored in each area, worked out once per set: per target year (left out when
    nothing is scored in it), the pillars with targets that year and their indicators."""
    plan: _Plan = []
    for target_year in target_set.target_years():
        if years is not None and target_year not in years:
            continue
        pillar_plans = [
            (pillar, indicators)
            for pillar in PILLARS
            if pillars is None or pillar in pillars
            if (
                indicators := [
                    (indicator, indicator.targets[target_year], indicator.id)
                    for indicator in getattr(target_set.pillars, pillar)
                    if target_year in indicator.targets
                ]
            )
        ]
        if pillar_plans:
            plan.append((target_year, pillar_plans))
    return plan


def _result(
    set_id: str,
    area: str | None,
    pillar: PillarKey,
    indicator: Indicator,
    target_year: int,
    target: Target,
    series: Series,
    as_of: int | None,
) -> Result:
    # positional, and the current observation looked up once: this runs once per result, a
    # hundred thousand times for a file of every commune
    if as_of is None:
        return Result(
            set_id, area, pillar, indicator, target_year, target, "no_data", None, None, None,
            None, series.history, None,
        )  # fmt: skip
    status, current, projected, fit = verdict(
        target, target_year, series, indicator.unit == "milestone"
    )
    waiting = as_of >= target_year and _awaiting(current, target_year)
    if current is None:
        return Result(
            set_id, area, pillar, indicator, target_year, target, status, None, None, projected,
            None, series.history, fit, None, False, waiting,
        )  # fmt: skip
    value = current.value
    return Result(
        set_id, area, pillar, indicator, target_year, target, status, value, current.year,
        projected, attainment(target, value), series.history, fit, current, current.estimate,
        waiting,
    )  # fmt: skip


def _area_order(areas: Iterable[str | None]) -> list[str | None]:
    """City-wide first, then areas by name."""
    return sorted(areas, key=lambda a: (a is not None, a or ""))


def _summarize(
    set_id: str, area: str | None, target_year: int, pillar: PillarKey, results: Sequence[Result]
) -> Summary:
    with_data = [r for r in results if r.attainment is not None]
    weight = sum([r.indicator.weight for r in with_data])
    score = (
        100 * sum([r.indicator.weight * (r.attainment or 0.0) for r in with_data]) / weight
        if with_data
        else None
    )
    return Summary(
        set_id, area, target_year, pillar, score, len(with_data) / len(results), _counts(results)
    )


def _summarize_set(
    set_id: str, area: str | None, target_year: int, pillars: Sequence[Summary], results: int
) -> Summary:
    """The set's row from its pillars' rows, over its ``results`` results (theirs together)."""
    scores = [s.score for s in pillars if s.score is not None]
    counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
    for row in pillars:
        for status, count in row.counts.items():
            counts[status] += count
    return Summary(
        set_id,
        area,
        target_year,
        None,
        sum(scores) / len(scores) if scores else None,
        (results - counts["no_data"]) / results,
        counts,
    )


def _counts(results: Iterable[Result]) -> dict[Status, int]:
    counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
    for result in results:
        counts[result.status] += 1
    return counts


def _clip(value: float) -> float:
    """``min(1.0, max(0.0, value))``, written out: it runs once per result."""
    if not value > 0.0:  # NaN too, as max(0.0, nan) gives 0.0
        return 0.0
    return value if value < 1.0 else 1.0


@dataclass(frozen=True, slots=True)
class LeagueRow:
    """One area's standing for one target year: its score, counts and weakest pillar."""

    rank: int | None  # None: no data to rank on
    target_set: str
    area: str
    target_year: int
    score: float | None
    coverage: float
    counts: dict[Status, int]
    worst_pillar: PillarKey | None
    worst_score: float | None


def league_tables(scorecard: Scorecard) -> list[tuple[str, int, list[LeagueRow]]]:
    """The league rows grouped per target set and target year, in that order."""
    tables: dict[tuple[str, int], list[LeagueRow]] = defaultdict(list)
    for row in league(scorecard):
        tables[(row.target_set, row.target_year)].append(row)
    return [(set_id, year, rows) for (set_id, year), rows in sorted(tables.items())]


def shown_score(score: float | None) -> float | None:
    """A score as a reader sees it: to a tenth, where anything short of 100 reads at most 99.9
    (so that a target set short of its targets never reads 100.0)."""
    if score is None:
        return None
    return 99.9 if score < 100 and round(score, 1) >= 100 else round(score, 1)


def league(scorecard: Scorecard) -> list[LeagueRow]:
    """Areas ranked per target set and target year, best score first (no data last, then by name);
    scores that read the same (to a tenth, as every document shows them) share a rank, and the
    next rank counts them (1, 1, 3).

    City-wide results (area None) are not in the league: they are the city itself.
    """
    rows: list[LeagueRow] = []
    totals: dict[tuple[str, int], list[Summary]] = defaultdict(list)
    pillars: dict[tuple[str, str, int], list[Summary]] = defaultdict(list)
    for row in scorecard.summary:
        if row.area is None:
            continue
        if row.pillar is None:
            totals[(row.target_set, row.target_year)].append(row)
        elif row.score is not None:
            pillars[(row.target_set, row.area, row.target_year)].append(row)
    for (set_id, year), entries in totals.items():
        ordered = sorted(entries, key=lambda s: (s.score is None, -(s.score or 0.0), s.area or ""))
        rank: int | None = None
        for position, entry in enumerate(ordered, 1):
            if entry.score is None:
                rank = None
            elif position == 1 or shown_score(entry.score) != shown_score(
                ordered[position - 2].score
            ):
                rank = position
            area = entry.area or ""
            weakest = min(pillars[(set_id, area, year)], key=lambda s: s.score or 0.0, default=None)
            rows.append(
                LeagueRow(
                    rank,
                    set_id,
                    area,
                    year,
                    entry.score,
                    entry.coverage,
                    entry.counts,
                    weakest.pillar if weakest else None,
                    weakest.score if weakest else None,
                )
            )
    return rows
