"""The scoring engine as a user meets it, where mutation testing found the tests blind (issue 24).

Each test is named after a scenario of the issue and fails on the mutant that scenario names
(docs/mutation.md): attainment between 0 and 1 and at targets at or below 0, a projection
that lands exactly on a zero target, milestones never projected, the league, the scores as
they read, the area filter of the library and one value per year. Every target file here is
illustrative, made for the case; none of its numbers is published.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

import dxscore
from conftest import Cli

Write = Callable[..., Path]
Indicator = tuple[str, str, str]  # id, unit, targets in YAML flow style


def target_file(
    write: Write,
    government: Sequence[Indicator] = (),
    economy: Sequence[Indicator] = (),
    society: Sequence[Indicator] = (),
) -> Path:
    """A target set ``testcity`` holding these indicators (each named after its id)."""

    def pillar(indicators: Sequence[Indicator]) -> str:
        if not indicators:
            return " []\n"
        return "\n" + "".join(
            f"    - id: {id_}\n"
            f"      name: {{vi: {id_}, en: {id_}}}\n"
            f"      unit: {unit}\n"
            f"      targets: {targets}\n"
            f"      quote: illustrative\n"
            for id_, unit, targets in indicators
        )

    text = (
        "dxscore: 1\n"
        "id: testcity\n"
        "name: {vi: Thành phố Thử, en: Test City}\n"
        "resolution:\n"
        "  title: {vi: Nghị quyết thử, en: Test resolution}\n"
        "pillars:\n"
        f"  government:{pillar(government)}"
        f"  economy:{pillar(economy)}"
        f"  society:{pillar(society)}"
    )
    return write(text, "targets.yaml")


def checked(cli: Cli, actuals: Path, targets: Path, *args: str) -> dict[str, Any]:
    """``dxscore check … -f json`` as a user runs it, its document read."""
    ran = cli("check", actuals, "--targets", targets, "-f", "json", "--fail-on", "never", *args)
    assert ran.code == 0, ran
    document: dict[str, Any] = json.loads(ran.out)
    return document


def by_indicator(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["indicator"]: row for row in document["results"] if row["area"] is None}


# --- Attainment between 0 and 1, and targets at or below 0 ------------------------------------


def test_a_min_target_below_one_attains_in_proportion(cli: Cli, write: Write) -> None:
    """`min: 0.5` with 0.25 is half-way (a mutant read every target up to 1 as 'met or 0')."""
    targets = target_file(write, [("share", "percent", "{2025: {min: 0.5}}")])
    actuals = write("indicator,year,value\nshare,2025,0.25\n", "actuals.csv")
    row = by_indicator(checked(cli, actuals, targets))["share"]
    assert (row["status"], row["attainment"]) == ("missed", 0.5)


def test_a_max_target_with_an_actual_below_one_attains_in_proportion(
    cli: Cli, write: Write
) -> None:
    """`max: 0.5` with 0.8 is 0.5 / 0.8 = 62.5 % of the way (not 0: 0.8 is above 0)."""
    targets = target_file(write, [("errors", "percent", "{2025: {max: 0.5}}")])
    actuals = write("indicator,year,value\nerrors,2025,0.8\n", "actuals.csv")
    row = by_indicator(checked(cli, actuals, targets))["errors"]
    assert (row["status"], row["attainment"]) == ("missed", 0.625)


def test_zero_and_negative_targets_that_are_missed_attain_nothing(write: Write) -> None:
    """A target at or below 0 is all or nothing: met, 1; missed, 0 — also for a negative
    change (`above: 0` with −2) and for no change at all against `below: 0`."""
    targets = target_file(
        write,
        economy=[
            ("growth", "percent_change", "{2025: {above: 0}}"),
            ("shrink", "percent_change", "{2025: {max: -5}}"),
            ("cut", "percent_change", "{2025: {max: -5}}"),
            ("flatline", "percent_change", "{2025: {below: 0}}"),
            ("flat", "percent_change", "{2025: {min: 0}}"),
        ],
    )
    rows = [
        {"indicator": "growth", "year": 2025, "value": "-2"},
        {"indicator": "shrink", "year": 2025, "value": "-2"},
        {"indicator": "cut", "year": 2025, "value": "-6"},
        {"indicator": "flatline", "year": 2025, "value": "0"},
        {"indicator": "flat", "year": 2025, "value": "0"},
    ]
    found = {
        r.indicator: (r.status, r.attainment) for r in dxscore.score(rows, targets=targets).results
    }
    assert found == {
        "growth": ("missed", 0.0),
        "shrink": ("missed", 0.0),
        "cut": ("achieved", 1.0),
        "flatline": ("missed", 0.0),
        "flat": ("achieved", 1.0),
    }


# --- A projection that lands exactly on a zero target -------------------------------------------


def test_a_projection_landing_exactly_on_a_zero_target_is_on_track(cli: Cli, write: Write) -> None:
    """0.12 → 0.08 → 0.04 reaches 0 in 2026 (the float line says 1.4e-17): `max: 0` is on
    track, as the same line towards 0.5 would be."""
    targets = target_file(
        write,
        [("leaks", "percent", "{2026: {max: 0}}"), ("halved", "percent", "{2026: {max: 0.5}}")],
    )
    actuals = write(
        "indicator,year,value\n"
        "leaks,2023,0.12\nleaks,2024,0.08\nleaks,2025,0.04\n"
        "halved,2023,0.62\nhalved,2024,0.58\nhalved,2025,0.54\n",
        "actuals.csv",
    )
    rows = by_indicator(checked(cli, actuals, targets, "--explain"))
    assert (rows["leaks"]["status"], rows["leaks"]["projected"]) == ("on_track", 0.0)
    assert rows["halved"]["status"] == "on_track"
    # the line --explain shows: value = 81.04 − 0.04 × year (0.08 at the mean year, 2024)
    explained = rows["leaks"]["explain"]
    assert (explained["slope"], explained["intercept"]) == (-0.04, 81.04)


# --- Milestones are never projected ---------------------------------------------------------------


def test_a_milestone_is_never_projected_in_json_or_explain(cli: Cli, write: Write) -> None:
    """Two years of 'not done' draw no line: no `projected`, no slope in JSON, and `--explain`
    says why (a broken unit check in the engine would fit a line through 0 and 0)."""
    targets = target_file(write, society=[("universal", "milestone", "{2026: {done: true}}")])
    actuals = write("indicator,year,value\nuniversal,2023,no\nuniversal,2024,no\n", "actuals.csv")
    row = by_indicator(checked(cli, actuals, targets, "--explain"))["universal"]
    assert (row["status"], row["projected"]) == ("at_risk", None)
    assert (row["explain"]["slope"], row["explain"]["intercept"]) == (None, None)
    ran = cli("check", actuals, "--targets", targets, "--explain", "--fail-on", "never")
    assert "no projection" in ran.out and "slope" not in ran.out
    assert "projected" not in ran.out.lower()  # no Projected column for a milestone alone


# --- The league of areas --------------------------------------------------------------------------

LEAGUE_TARGETS: list[Indicator] = [("share", "percent", "{2025: {min: 50}}")]
LEAGUE_ECONOMY: list[Indicator] = [("growth", "percent_change", "{2025: {min: 10}}")]


def league_file(write: Write) -> Path:
    """A city-wide row between area rows, the areas not in name order."""
    return write(
        "area,indicator,year,value\n"
        "Tây Hồ,share,2025,25\n"
        "Tây Hồ,growth,2025,8\n"
        ",share,2025,40\n"
        "Ba Đình,share,2025,45\n"
        "Ba Đình,growth,2025,2\n"
        "Cầu Giấy,share,2025,0\n"
        "Đống Đa,share,2025,0\n"
        "Đống Đa,growth,2025,0.05\n",
        "districts.csv",
    )


def test_the_league_is_shown_for_a_file_with_city_wide_and_area_rows(
    cli: Cli, write: Write
) -> None:
    targets = target_file(write, LEAGUE_TARGETS, LEAGUE_ECONOMY)
    ran = cli(
        "check",
        league_file(write),
        "--targets",
        targets,
        "--fail-on",
        "never",
        env={"COLUMNS": "120"},
    )
    assert ran.code == 0, ran
    assert "areas ranked, target year 2025" in ran.out
    league = ran.out.split("areas ranked, target year 2025")[1].split("city-wide")[0]
    lines = [" ".join(line.split()[:5]) for line in league.splitlines() if line[:1].isdigit()]
    # Ba Đình: (90 + 20) / 2 = 55.0; Tây Hồ: (50 + 80) / 2 = 65.0; Đống Đa: (0 + 0.5) / 2
    assert lines == [
        "1 Tây Hồ 65.0 100%",
        "2 Ba Đình 55.0 100%",
        "3 Đống Đa 0.2 100%",
        "4 Cầu Giấy 0.0 50%",
    ]


def test_the_city_wide_result_comes_first_then_areas_by_name(write: Write) -> None:
    targets = target_file(write, LEAGUE_TARGETS, LEAGUE_ECONOMY)
    card = dxscore.score(league_file(write), targets=targets)
    order = list(dict.fromkeys(r.area for r in card.results))
    assert order == [None, "Ba Đình", "Cầu Giấy", "Tây Hồ", "Đống Đa"]
    assert list(dict.fromkeys(s.area for s in card.summary)) == order


def test_the_weakest_pillar_is_shown_with_its_score(cli: Cli, write: Write) -> None:
    targets = target_file(write, LEAGUE_TARGETS, LEAGUE_ECONOMY)
    ran = cli("report", league_file(write), "--targets", targets, "-f", "markdown")
    assert ran.code == 0, ran
    rows = {
        cells[1]: cells
        for line in ran.out.splitlines()
        if line.startswith("|")
        and len(cells := [c.strip() for c in line.strip("|").split("|")]) > 4
    }
    # Ba Đình: government 90.0, economy 20.0; Tây Hồ: government 50.0, economy 80.0
    assert rows["Ba Đình"][-1] == "Digital economy (20.0)"
    assert rows["Tây Hồ"][-1] == "Digital government (50.0)"
    assert rows["Cầu Giấy"][-1] == "Digital government (0.0)"  # its only pillar with data
    assert rows["Đống Đa"][-1] == "Digital government (0.0)"  # 0.0 is below economy's 0.5


def test_an_area_scoring_zero_ranks_below_one_scoring_half_a_point(write: Write) -> None:
    """0.0 is a score, and the lowest: below 0.5, whatever the names' order."""
    targets = target_file(write, [("share", "percent", "{2025: {min: 60}}")])
    actuals = write(
        "area,indicator,year,value\nAn Dương,share,2025,0\nBa Đình,share,2025,0.3\n",
        "districts.csv",
    )
    from dxscore.scoring import league

    card = dxscore.score(actuals, targets=targets)
    ranked = [(row.rank, row.area, row.score) for row in league(card.scorecard)]
    assert ranked == [(1, "Ba Đình", pytest.approx(0.5)), (2, "An Dương", 0.0)]


# --- Scores as they read --------------------------------------------------------------------------


def test_a_score_of_99_6_reads_99_6(cli: Cli, write: Write) -> None:
    """To a tenth: 99.6 reads 99.6 (rounded to a whole it would be 100, and so 99.9)."""
    targets = target_file(write, [("share", "percent", "{2025: {min: 50}}")])
    actuals = write("indicator,year,value\nshare,2025,49.8\n", "actuals.csv")
    ran = cli("check", actuals, "--targets", targets, "--fail-on", "never", env={"COLUMNS": "120"})
    assert "score 99.6" in ran.out and "99.9" not in ran.out
    markdown = cli("report", actuals, "--targets", targets, "-f", "markdown").out
    assert "99.6" in markdown and "99.9" not in markdown


# --- Python callers ---------------------------------------------------------------------------------


def test_the_area_filter_of_the_library_scores_that_area_alone(write: Write) -> None:
    targets = target_file(write, LEAGUE_TARGETS, LEAGUE_ECONOMY)
    card = dxscore.score(league_file(write), targets=targets, area="Ba Đình")
    assert {r.area for r in card.results} == {"Ba Đình"}
    assert {s.area for s in card.summary} == {"Ba Đình"}
    assert {(r.indicator, r.actual) for r in card.results} == {("share", 45.0), ("growth", 2.0)}
    both = dxscore.score(league_file(write), targets=targets, area=["Ba Đình", "Tay Ho"])
    assert {r.area for r in both.results} == {"Ba Đình", "Tây Hồ"}


def test_two_values_for_one_year_given_as_rows_are_refused(write: Write) -> None:
    """Which of two values for one year is 'current' is never guessed: rows given in Python
    are refused as a file's would be."""
    targets = target_file(write, LEAGUE_TARGETS)
    rows = [
        {"indicator": "share", "year": 2025, "value": 55},
        {"indicator": "share", "year": 2025, "value": 40},
    ]
    with pytest.raises(dxscore.InputError) as raised:
        dxscore.score(rows, targets=targets)
    assert [(p.type, p.line) for p in raised.value.problems] == [("duplicate-row", 1)]


def test_compare_without_actuals_says_no_verdict_awaits_or_is_an_estimate(cli: Cli) -> None:
    """Every set side by side with no data at all: each result says `false`, not `null`."""
    ran = cli("compare", "-f", "json")
    assert ran.code == 0, ran
    document = json.loads(ran.out)
    assert document["as_of"] is None
    cells = [c for row in document["indicators"] for c in row["sets"].values() if c is not None]
    assert cells and all(c["status"] == "no_data" for c in cells)
    assert {(c["estimate"], c["awaiting"]) for c in cells} == {(False, False)}


def test_compare_without_actuals_gives_python_each_result_its_pillar() -> None:
    """The library's compare with no actuals: every result "no data", each still in its
    pillar and city-wide, with an empty history (what a Python caller groups and reads)."""
    card = dxscore.compare()
    assert card.results and all(r.status == "no_data" for r in card.results)
    hanoi = next(ts for ts in dxscore.load_targets() if ts.id == "hanoi")
    pillar_of = {ind.id: pillar for pillar, ind in hanoi.indicators()}
    hanoi_results = [r for r in card.results if r.target_set == "hanoi"]
    assert hanoi_results
    for result in hanoi_results:
        assert result.pillar == pillar_of[result.indicator]
        assert result.area is None
    explained = card.to_dict(explain=True)["results"]
    assert explained and all(row["explain"]["observations"] == [] for row in explained)


def test_a_series_left_empty_does_not_hide_the_series_after_it(write: Write) -> None:
    """An indicator whose every cell is empty, first in the file: the values after it are
    scored all the same (reported as "no data" for it alone)."""
    path = write(
        "city,indicator,year,value\n"
        "haiphong,records_online_city,2024,\n"
        "haiphong,records_online_commune,2023,50\n"
        "haiphong,records_online_commune,2024,58\n",
        "empty-first.csv",
    )
    card = dxscore.score(path)
    commune = [r for r in card.results if r.indicator == "records_online_commune"]
    assert commune and all(r.actual == 58 for r in commune)
    city = [r for r in card.results if r.indicator == "records_online_city"]
    assert city and all(r.status == "no_data" for r in city)
