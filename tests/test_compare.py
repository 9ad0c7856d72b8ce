"""`dxscore compare`: cities and the national reference side by side."""

from __future__ import annotations

import json

from conftest import ROOT, Cli

EXAMPLES = ROOT / "examples"
TARGETS = ROOT / "targets"


def test_compare_shows_hanoi_haiphong_and_the_national_targets(cli: Cli) -> None:
    result = cli(
        "compare",
        EXAMPLES / "hanoi-actuals.csv",
        EXAMPLES / "haiphong-actuals.csv",
        "-t",
        TARGETS,
        "-f",
        "json",
    )
    assert result.code == 0, result
    document = json.loads(result.out)
    assert document["target_sets"] == ["haiphong", "hanoi", "vietnam"]  # sets with data first
    rows = {(row["indicator"], row["target_year"]): row["sets"] for row in document["indicators"]}
    commune = rows[("records_online_commune", 2025)]
    assert commune["hanoi"]["target"] == {"min": 60.0} and commune["hanoi"]["actual"] == 55.0
    assert commune["haiphong"]["target"] == {"min": 60.0} and commune["haiphong"]["actual"] == 52.0
    assert commune["vietnam"] == {
        "target": {"min": 60.0},
        "status": "no_data",
        "actual": None,
        "actual_year": None,
        "projected": None,
        "attainment": None,
        "estimate": False,
        "awaiting": True,  # as of 2025 (Hanoi's estimate), with no 2025 value
    }
    # Hanoi's 2025 estimate sets the as-of year; Haiphong's 2024 values are not "missed" by it
    assert commune["haiphong"]["status"] != "missed" and commune["haiphong"]["awaiting"]
    assert rows[("epayment_account_share", 2030)]["vietnam"]["target"] == {"above": 80.0}
    assert rows[("inspections_online", 2025)]["vietnam"] is None  # the national programme sets none
    assert ("dx_rank", 2025) not in rows  # only Hanoi has a ranking target: nothing to compare
    scores = {entry["target_year"]: entry["sets"] for entry in document["scores"]}
    assert scores[2025]["vietnam"]["score"] is None and scores[2025]["hanoi"]["score"] is not None


def test_compare_one_file_with_a_city_column_and_no_actuals(cli: Cli, write) -> None:  # type: ignore[no-untyped-def]
    both = write(
        "city,indicator,year,value\nHà Nội,epayment_account_share,2024,68\nHải Phòng,epayment_account_share,2024,63\n",
        "both.csv",
    )
    markdown = cli("compare", both, "-t", TARGETS, "-f", "markdown", "--lang", "vi").out
    assert markdown.startswith(
        "# So sánh các bộ chỉ tiêu theo các chỉ tiêu chung\n\nTính đến năm 2024 · lập bằng dxscore"
    )
    assert "| Hải Phòng | Hà Nội | Việt Nam |" in markdown
    assert "> 50% · 63% (2024) · ✔ đã đạt" in markdown  # ">" inside a line: as written
    bare = cli("compare", "-t", TARGETS, env={"COLUMNS": "200", "LANG": "en_US.UTF-8"})
    assert bare.code == 0
    assert "≥ 60%" in bare.out and "Vietnam" in bare.out


def test_values_of_areas_are_left_out_and_said_to_be(cli: Cli, write) -> None:  # type: ignore[no-untyped-def]
    """compare sets cities side by side: a district's value is not the city's, and is not
    silently dropped either. The as-of year is the latest reported one, areas included, so
    that compare and check judge the same city-wide value alike (a test campaign found
    compare calling on track a 2025 target that check, as of 2025, called missed)."""
    mixed = write(
        "city,area,indicator,year,value\n"
        "hanoi,Ba Đình,records_online_commune,2024,63\n"
        "hanoi,,records_online_commune,2023,55\n",
        "mixed.csv",
    )
    result = cli("compare", mixed, "-t", TARGETS, "-f", "json")
    assert result.code == 0
    assert "1 value(s) of districts or communes not compared" in result.err
    document = json.loads(result.out)
    assert document["as_of"] == 2024
    rows = {(row["indicator"], row["target_year"]): row["sets"] for row in document["indicators"]}
    hanoi = rows[("records_online_commune", 2025)]["hanoi"]
    assert hanoi["target"] == {"min": 60.0} and hanoi["actual"] == 55.0
    checked = json.loads(cli("check", mixed, "-t", TARGETS, "-f", "json").out)
    assert checked["as_of"] == 2024
    [same] = [
        r
        for r in checked["results"]
        if r["area"] is None
        and (r["indicator"], r["target_year"]) == ("records_online_commune", 2025)
    ]
    assert hanoi["status"] == same["status"]


def test_compare_refuses_actuals_of_areas_alone(cli: Cli) -> None:
    result = cli("compare", EXAMPLES / "hanoi-districts.csv", "-t", TARGETS)
    assert result.code == 2
    assert "every value is a district's or a commune's" in result.err
    assert "[compare-areas-only]" in result.err


def test_a_shared_indicator_is_named_for_all_sets_not_the_first(cli: Cli) -> None:
    """Found by a test campaign: the row took Haiphong's words, so the national GDP row read
    'GRDP thành phố'; and at 80 columns the ids were cut short."""
    actuals = (EXAMPLES / "hanoi-actuals.csv", EXAMPLES / "haiphong-actuals.csv")
    markdown = cli("compare", *actuals, "-t", TARGETS, "-f", "markdown", "--lang", "vi").out
    assert "| Tỷ trọng kinh tế số trong GRDP (cả nước: trong GDP)<br><sub>" in markdown
    assert "GRDP thành phố" not in markdown
    table = cli("compare", *actuals, "-t", TARGETS, env={"COLUMNS": "80"}).out
    assert "…" not in table  # neither cut nor broken: the id stands whole on a line
    assert "online_services_level4" in table.split()


def test_a_projection_that_rounds_to_zero_is_zero_not_minus_zero(cli: Cli, write) -> None:  # type: ignore[no-untyped-def]
    falling = write(
        "city,indicator,year,value\n"
        "Hà Nội,labour_productivity_growth,2023,0.5\nHà Nội,labour_productivity_growth,2024,0.249\n",
        "falling.csv",
    )  # projects to -0.002 for 2025
    result = cli("compare", falling, "-t", TARGETS, "-f", "json")
    assert "-0.0" not in result.out
    rows = {
        (r["indicator"], r["target_year"]): r["sets"] for r in json.loads(result.out)["indicators"]
    }
    assert rows[("labour_productivity_growth", 2025)]["hanoi"]["projected"] == 0.0
