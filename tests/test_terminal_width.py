"""The terminal documents fit the width they are given, from 80 columns up (issue 22):
no line wider than the terminal, no indicator id broken, no name cut short; a narrow terminal
gets each name and id on a line of its own above the figures, indicators without data are
listed by id under each pillar (each in a row of its own with --all), and with areas the
league comes first. Run through the real CLI at 80, 100 and 160 columns, in both languages."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from conftest import ROOT, Cli

EXAMPLES = ROOT / "examples"
TARGETS = ROOT / "targets"
HANOI = EXAMPLES / "hanoi-actuals.csv"
HAIPHONG = EXAMPLES / "haiphong-actuals.csv"
DISTRICTS = EXAMPLES / "hanoi-districts.csv"
WIDTHS = (80, 100, 160)
LANGS = ("en", "vi")
NO_DATA = {"en": "· no data:", "vi": "· chưa có số liệu:"}


def run(cli: Cli, columns: int, *args: str | Path) -> str:
    result = cli(*args, "-t", TARGETS, env={"COLUMNS": str(columns), "NO_COLOR": "1"})
    assert result.code in (0, 1), result
    return result.out


def widest(out: str) -> int:
    return max(cell_len(line.rstrip()) for line in out.splitlines())


def whole(word: str, out: str) -> bool:
    """Whether ``word`` (an id) stands whole on some line, not as part of a longer id."""
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", out) is not None


def flat(out: str) -> str:
    """The text with its line breaks and runs of spaces as single spaces (to read what wraps)."""
    return " ".join(out.split())


def scored(cli: Cli, *actuals: Path) -> list[dict[str, object]]:
    document = json.loads(
        cli("check", *actuals, "-t", TARGETS, "--format", "json", "--fail-on", "never").out
    )
    return [r for r in document["results"] if r["area"] is None]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize(
    "actuals",
    [(HANOI,), (HAIPHONG,), (DISTRICTS,), (HANOI, DISTRICTS)],
    ids=lambda a: "+".join(p.stem for p in a),
)
def test_check_fits_the_width_and_breaks_no_id(
    cli: Cli, columns: int, lang: str, actuals: tuple[Path, ...]
) -> None:
    out = run(cli, columns, "check", *actuals, "--fail-on", "never", "--lang", lang)
    assert widest(out) <= columns
    assert "…" not in out
    for result in scored(cli, *actuals):
        assert whole(str(result["indicator"]), out), result["indicator"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("fail_on", ["missed", "never"])
def test_the_verdict_keeps_its_exit_code_with_its_words(
    cli: Cli, columns: int, lang: str, fail_on: str
) -> None:
    """A closing line too wide breaks before its "(--fail-on …)", never between "exit" (or
    "mã thoát") and the code, and never leaves the code alone on a line."""
    out = run(cli, columns, "check", HANOI, "--fail-on", fail_on, "--lang", lang)
    code = "1" if fail_on == "missed" else "0"
    exit_words = {"en": "exit", "vi": "mã thoát"}[lang]
    last = out.rstrip().splitlines()[-1].strip()
    assert last.startswith(("(--fail-on", "✘", "6 achieved", "Kết quả"))
    assert last.endswith(f"{exit_words} {code}" + (")" if fail_on == "never" else ""))
    assert widest(out) <= columns


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", [80, 100])
def test_a_narrow_check_puts_name_and_id_above_the_figures(
    cli: Cli, columns: int, lang: str
) -> None:
    """Each indicator with data: its name whole, its id after it (or under it when the line has
    no room), and its target and status on the line below, not a column a word wide."""
    from dxscore.render import wording

    out = run(cli, columns, "check", HANOI, "--fail-on", "never", "--lang", lang)
    lines = out.splitlines()
    names = {
        ind["id"]: ind["name"][lang]
        for pillar in json.loads(run(cli, 200, "targets", "hanoi", "--format", "json"))[
            "pillars"
        ].values()
        for ind in pillar
    }
    shown = [r for r in scored(cli, HANOI) if r["status"] != "no_data"]
    assert shown
    for result in shown:
        indicator, name = str(result["indicator"]), names[str(result["indicator"])]
        together = f"{name} · {indicator}"
        headings = [
            i
            for i, line in enumerate(lines)
            if line in (together, indicator) and i + 1 < len(lines)
        ]
        assert headings, indicator
        for at in headings:
            if cell_len(together) <= columns:
                assert lines[at] == together
            else:
                assert flat(" ".join(lines[max(0, at - 2) : at])).endswith(flat(name))
        figures = [flat(lines[at + 1]) for at in headings]
        status = wording.status(str(result["status"]), lang)
        assert any(status in line for line in figures), (indicator, figures)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
def test_indicators_without_data_are_listed_by_id_under_each_pillar(
    cli: Cli, columns: int, lang: str
) -> None:
    out = run(cli, columns, "check", HANOI, "--fail-on", "never", "--lang", lang)
    label = NO_DATA[lang]
    assert f"{label} it_rank, competitiveness_rank, innovation_rank, cybersecurity_rank" in flat(
        out
    )
    assert f"{label} labour_productivity_growth" in flat(out)
    assert "National rank in information technology" not in out  # a name of one without data
    assert "Thứ hạng cả nước về công nghệ thông tin" not in out
    # one list per target year and pillar that has indicators without data
    blocks = {
        (r["target_year"], r["pillar"]) for r in scored(cli, HANOI) if r["status"] == "no_data"
    }
    assert flat(out).count(label) == len(blocks)
    assert "--all" in out  # how to see them in full is said


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
def test_all_gives_every_indicator_a_row(cli: Cli, columns: int, lang: str) -> None:
    out = run(cli, columns, "check", HANOI, "--fail-on", "never", "--all", "--lang", lang)
    assert widest(out) <= columns
    assert NO_DATA[lang] not in out
    name = {
        "en": "Average annual labour productivity growth",
        "vi": "Tốc độ tăng năng suất lao động bình quân hằng năm",
    }[lang]
    assert name in flat(out)
    missing = [r for r in scored(cli, HANOI) if r["status"] == "no_data"]
    assert flat(out).count({"en": "· no data", "vi": "· chưa có số liệu"}[lang]) == len(missing)
    for result in scored(cli, HANOI):
        assert whole(str(result["indicator"]), out)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
def test_with_areas_the_league_comes_first(cli: Cli, columns: int, lang: str) -> None:
    league = {"en": "areas ranked", "vi": "xếp hạng địa bàn"}[lang]
    report = {"en": "Target year 2025 ·", "vi": "Mục tiêu năm 2025 ·"}[lang]
    both = run(cli, columns, "check", HANOI, DISTRICTS, "--fail-on", "never", "--lang", lang)
    assert league in both and report in both
    assert both.index(league) < both.index(report)
    city_wide = {"en": "Hanoi · city-wide", "vi": "Hà Nội · toàn thành phố"}[lang]
    assert both.index(league) < both.index(city_wide) < both.index(report)
    alone = run(cli, columns, "check", DISTRICTS, "--fail-on", "never", "--lang", lang)
    assert report not in alone
    assert alone.split(league)[0].count("\n") <= 6  # heading, resolution, then the league


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("set_id", ["hanoi", "haiphong"])
def test_targets_cuts_no_name(cli: Cli, columns: int, lang: str, set_id: str) -> None:
    out = run(cli, columns, "targets", set_id, "--lang", lang)
    assert "…" not in out
    assert widest(out) <= columns
    document = json.loads(run(cli, 200, "targets", set_id, "--format", "json"))
    for indicators in document["pillars"].values():
        for indicator in indicators:
            assert whole(indicator["id"], out), indicator["id"]
            if columns == 80:  # names above their figures, each whole
                for name in indicator["name"].values():
                    assert flat(name) in flat(out), name


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
def test_the_targets_overview_fits(cli: Cli, columns: int, lang: str) -> None:
    out = run(cli, columns, "targets", "--lang", lang)
    assert widest(out) <= columns
    assert "…" not in out
    for set_id in ("hanoi", "haiphong", "vietnam"):
        assert whole(set_id, out)
        path = TARGETS / f"{set_id}.yaml"  # shown whole, as given or from the working folder
        assert str(path) in out or os.path.relpath(path) in out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("columns", WIDTHS)
def test_compare_of_three_sets_fits(cli: Cli, columns: int, lang: str) -> None:
    out = run(cli, columns, "compare", HANOI, HAIPHONG, "--lang", lang)
    assert widest(out) <= columns
    assert "…" not in out
    document = json.loads(cli("compare", HANOI, HAIPHONG, "-t", TARGETS, "--format", "json").out)
    assert len(document["target_sets"]) == 3
    for row in document["indicators"]:
        assert whole(row["indicator"], out), row["indicator"]
    symbols = {"achieved": "✔", "on_track": "↗", "at_risk": "⚠", "missed": "✘"}
    shown = {
        cell["status"]
        for row in document["indicators"]
        for cell in row["sets"].values()
        if cell and cell["status"] in symbols
    }
    assert len(shown) >= 3
    for status in shown:
        assert symbols[status] in out


@pytest.mark.parametrize("columns", WIDTHS)
def test_statuses_keep_symbol_and_word_and_what_they_wait_for(cli: Cli, columns: int) -> None:
    out = flat(run(cli, columns, "check", HANOI, "--fail-on", "never"))
    for status in ("✔ achieved", "↗ on track", "⚠ at risk", "✘ missed"):
        assert status in out
    assert "awaiting 2025 value" in out


@pytest.mark.parametrize("columns", [72, *WIDTHS])
def test_text_from_a_target_file_prints_as_written_at_any_width(
    cli: Cli, write: object, columns: int
) -> None:
    from conftest import MINIMAL

    assert callable(write)
    targets = write(
        MINIMAL.replace("Commune records online", "'[bold]Commune[/bold] records online \\'"),
        "odd.yaml",
    )
    actuals = write("indicator,year,value\nrecords_online_commune,2024,55\n", "odd.csv")
    result = cli(
        "check",
        actuals,
        "-t",
        targets,
        "--fail-on",
        "never",
        env={"COLUMNS": str(columns), "NO_COLOR": "1"},
    )
    assert "[bold]Commune[/bold] records online \\" in result.out
    assert widest(result.out) <= columns
