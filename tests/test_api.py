"""dxscore as a library: the pipeline of the command line, for Python callers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import dxscore
from conftest import ROOT, Cli

HANOI = ROOT / "examples" / "hanoi-actuals.csv"
WORKED = ROOT / "tests" / "data" / "worked.yaml"


def test_score_gives_what_check_prints(cli: Cli) -> None:
    card = dxscore.score(HANOI)
    printed = json.loads(cli("check", HANOI, "-f", "json", "--fail-on", "never").out)
    assert card.to_dict() == printed
    explained = json.loads(cli("check", HANOI, "-f", "json", "--explain", "--fail-on", "never").out)
    assert card.to_dict(explain=True) == explained
    assert card.as_of == 2025
    first = card.results[0]
    assert (first.target_set, first.indicator, first.status) == (
        printed["results"][0]["target_set"],
        printed["results"][0]["indicator"],
        printed["results"][0]["status"],
    )
    assert card.failing("missed") == sum(1 for r in printed["results"] if r["status"] == "missed")
    assert card.summary[-1].score == printed["summary"][-1]["score"]


def test_rows_are_validated_as_csv_rows_are() -> None:
    rows = [
        {"city": "hanoi", "indicator": "records_online_commune", "year": 2024, "value": 55},
        {"city": "hanoi", "indicator": "records_online_city", "year": 2024, "value": "555%"},
        {"city": "hanoi", "indicator": "nonsense", "year": 2024, "value": 1},
    ]
    with pytest.raises(dxscore.InputError) as raised:
        dxscore.score(rows)
    problems = raised.value.problems
    assert [(p.file, p.line, p.column, p.type) for p in problems] == [
        ("<rows>", 1, 4, "out-of-range"),
        ("<rows>", 2, 2, "unknown-indicator"),
    ]
    assert (
        problems[0].message
        == "555 is outside the range of records_online_city (unit percent: 0–100)"
    )
    assert problems[0].text("vi").startswith("555 nằm ngoài khoảng")


def test_rows_score_as_the_same_csv_does(cli: Cli, write: object) -> None:
    rows = [
        {"indicator": "records_online_commune", "year": 2023, "value": 48},
        {"indicator": "records_online_commune", "year": 2024, "value": 55.0},
        {"indicator": "e_government_done", "year": 2024, "value": False},
        {"indicator": "digital_economy_grdp_share", "year": 2024, "value": None},
    ]
    card = dxscore.score(rows, targets=WORKED, as_of=2024)
    csv_text = (
        "indicator,year,value\nrecords_online_commune,2023,48\nrecords_online_commune,2024,55.0\n"
        "e_government_done,2024,false\ndigital_economy_grdp_share,2024,\n"
    )
    path = write(csv_text, "same.csv")  # type: ignore[operator]
    printed = json.loads(cli("check", path, "-t", WORKED, "-f", "json", "--fail-on", "never").out)
    assert card.to_dict()["results"] == printed["results"]
    assert [w.type for w in card.warnings] == ["warning"]  # the empty cell: not reported


def test_warnings_are_returned_not_printed(
    capsys: pytest.CaptureFixture[str], write: object
) -> None:
    path = write("indicator,year,value,extra\nrecords_online_commune,2024,55,x\n", "w.csv")  # type: ignore[operator]
    card = dxscore.score(path, targets=WORKED)
    assert capsys.readouterr() == ("", "")
    assert [w.key for w in card.warnings] == ["warning.unused-columns"]


def test_filters_and_target_sets_given_as_models() -> None:
    hanoi = dxscore.find_target_set("Hà Nội")
    assert hanoi.id == "hanoi" and dxscore.find_target_set("ha noi") == hanoi
    card = dxscore.score(HANOI, targets=[hanoi], year=2030, pillar="economy")
    assert {(r.target_year, r.pillar) for r in card.results} == {(2030, "economy")}
    with pytest.raises(dxscore.InputError) as raised:
        dxscore.score(HANOI, pillar="economics")
    assert raised.value.problems[0].type == "unknown-pillar"
    districts = ROOT / "examples" / "hanoi-districts.csv"
    one = dxscore.score(districts, area="Hoàn Kiếm")
    assert {r.area for r in one.results} == {"Hoàn Kiếm"}
    assert len(dxscore.load_targets()) == 3


def test_compare_validate_and_template() -> None:
    card = dxscore.compare([HANOI])
    assert {r.target_set for r in card.results} == {"hanoi", "haiphong", "vietnam"}
    assert all(r.area is None for r in card.results)
    found = dxscore.validate()
    assert not found.problems and len(found.loaded) == 3
    assert dxscore.template("hanoi", year=2024).splitlines()[1].startswith("hanoi,dx_rank,")


def test_import_is_cheap_and_typed() -> None:
    """The names are loaded when first used: importing dxscore pulls in no heavy library."""
    code = (
        "import sys, dxscore; heavy = {'pydantic', 'yaml', 'rich', 'typer'} & set(sys.modules);"
        "print(sorted(heavy))"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "[]"
    assert (Path(dxscore.__file__).parent / "py.typed").is_file()
    assert set(dxscore.__all__) <= set(dir(dxscore))
