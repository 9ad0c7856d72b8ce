"""Districts and communes: each area scored on its own, a league table, drilling into one area."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Cli

DATA = Path(__file__).parent / "data"
WORKED = DATA / "worked.yaml"
WIDE = {"COLUMNS": "160", "NO_COLOR": "1", "LANG": "en_US.UTF-8"}

Write = Callable[..., Path]

# Three communes on three trajectories towards "≥ 60% of commune records online by 2025".
ROWS = {
    "Ba Đình": (50, 58, 64),  # already there: achieved
    "Cầu Giấy": (30, 40, 50),  # +10 a year → 60 in 2025: on track
    "Sóc Sơn": (20, 22, 24),  # +2 a year → 26 in 2025: at risk
}


def areas_file(write: Write) -> Path:
    lines = ["indicator,year,value,area"]
    for area, values in ROWS.items():
        # NFD on purpose for one area: names are matched NFC-normalized, printed as written
        lines += [
            f"records_online_commune,{year},{value},{area}"
            for year, value in zip((2022, 2023, 2024), values, strict=True)
        ]
    return write("\n".join(lines) + "\n", "areas.csv")


def test_each_area_gets_its_own_status(cli: Cli, write: Write) -> None:
    document = json.loads(
        cli("check", areas_file(write), "-t", WORKED, "-f", "json", "--year", "2025").out
    )
    status = {
        r["area"]: r["status"]
        for r in document["results"]
        if r["indicator"] == "records_online_commune"
    }
    assert status == {"Ba Đình": "achieved", "Cầu Giấy": "on_track", "Sóc Sơn": "at_risk"}
    assert {row["area"] for row in document["summary"]} == set(ROWS)


def test_the_league_table_ranks_areas_by_score(cli: Cli, write: Write) -> None:
    result = cli(
        "check", areas_file(write), "-t", WORKED, "--year", "2025", "--fail-on", "never", env=WIDE
    )
    lines = [
        line.split()
        for line in result.out.splitlines()
        if line.strip()[:1].isdigit() and "%" in line
    ]
    assert [line[1:3] for line in lines] == [["Ba", "Đình"], ["Cầu", "Giấy"], ["Sóc", "Sơn"]]
    assert [line[0] for line in lines] == ["1", "2", "3"]
    assert "areas ranked, target year 2025" in result.out
    assert "Commune records online" not in result.out  # no full per-area report in the league view


def test_area_drills_into_one_area(cli: Cli, write: Write) -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Sóc Sơn")
    result = cli(
        "check", areas_file(write), "-t", WORKED, "--area", nfd, "--fail-on", "never", env=WIDE
    )
    assert "Area: Sóc Sơn" in result.out
    assert "Commune records online" in result.out
    assert "areas ranked" not in result.out


def test_explain_says_how_to_see_what_a_league_hides(cli: Cli, write: Write) -> None:
    """Found by a test campaign: --explain on a league printed no audit trail and said nothing."""
    path = areas_file(write)
    league = cli("check", path, "-t", WORKED, "--explain", "--fail-on", "never", env=WIDE)
    assert league.code == 2 and "[explain-league]" in league.err
    assert "add --area NAME" in league.err and league.out == ""

    city_wide = path.read_text(encoding="utf-8") + "records_online_commune,2024,61,\n"
    mixed = cli(
        "check", write(city_wide, "mixed.csv"), "-t", WORKED, "--explain", "--fail-on", "never"
    )
    assert mixed.code == 0
    assert "--explain: the areas of worked are shown as league rows" in mixed.err
    assert "records_online_commune 2025: observations: 2024: 61%" in mixed.out  # city-wide


@pytest.mark.parametrize(
    "label",
    [
        *("Tổng cộng", "TỔNG CỘNG:", "Cộng", "Toàn thành phố", "Total"),
        # found by a first-day analyst campaign: labels as city offices write them
        *("Toàn TP", "Tổng toàn thành phố", "Toàn thành phố Hà Nội", "Cả nước", "Toan TP."),
    ],
)
def test_a_totals_row_is_refused_not_ranked_as_an_area(cli: Cli, write: Write, label: str) -> None:
    """Found by an analyst campaign: a sheet's 'Tổng cộng' row was ranked first in the league,
    as one more district."""
    text = areas_file(write).read_text(encoding="utf-8")
    path = write(text + f"records_online_commune,2024,60,{label}\n", "totals.csv")
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(f"{path}:11:4: area: '{label.rstrip(':')}")
    assert "labels a total, not a district or commune" in result.err


def test_a_place_that_only_looks_like_a_total_without_accents_is_an_area(
    cli: Cli, write: Write
) -> None:
    text = areas_file(write).read_text(encoding="utf-8")
    path = write(text + "records_online_commune,2024,60,Công\n", "cong.csv")
    assert cli("check", path, "-t", WORKED, "--fail-on", "never").code == 0
    path = write(text + "records_online_commune,2024,60,Toàn Thắng\n", "toan.csv")  # a commune
    assert cli("check", path, "-t", WORKED, "--fail-on", "never").code == 0


@pytest.mark.parametrize(
    ("heading", "kinds"),
    [("Quận/Huyện/Thị xã", "districts"), ("Xã, phường, thị trấn", "communes")],
)
def test_a_heading_that_lists_kinds_of_place_names_the_area_column(
    cli: Cli, write: Write, heading: str, kinds: str
) -> None:
    """Found by a first-day analyst campaign: such a column went unused, and its areas were
    scored as the city itself."""
    path = write(
        f'indicator,year,value,"{heading}"\n'
        "records_online_commune,2024,35,Sơn Tây\n"
        "records_online_commune,2024,45,Ba Vì\n",
        f"{kinds}.csv",
    )
    ran = cli("check", path, "-t", WORKED, "-f", "json", "--fail-on", "never")
    assert ran.code == 0, ran
    assert {r["area"] for r in json.loads(ran.out)["results"]} == {"Sơn Tây", "Ba Vì"}


def test_an_area_with_its_tone_mark_moved_is_one_area_written_two_ways(
    cli: Cli, write: Write
) -> None:
    """Thủy and Thuỷ are one name in two spellings (found by a first-day analyst campaign:
    they were ranked as two districts, each with half of the series)."""
    path = write(
        "indicator,year,value,area\n"
        "records_online_commune,2023,40,Thủy Nguyên\n"
        "records_online_commune,2024,50,Thuỷ Nguyên\n",
        "tones.csv",
    )
    ran = cli("check", path, "-t", WORKED)
    assert ran.code == 2
    assert ran.err.startswith(
        f"{path}:3:4: area: area 'Thuỷ Nguyên' is written 'Thủy Nguyên' on line 2: the same"
        " area, in another case, spacing or place of the tone mark (Thủy, Thuỷ); write it one way"
    )


def test_reports_carry_the_league_table(cli: Cli, write: Write) -> None:
    path = areas_file(write)
    markdown = cli("report", path, "-t", WORKED, "--year", "2025", "--lang", "en").out
    assert "## Worked example · areas ranked, target year 2025" in markdown
    assert "| 1 | Ba Đình |" in markdown and "| 3 | Sóc Sơn |" in markdown
    html = cli("report", path, "-t", WORKED, "--year", "2025", "-f", "html", "--lang", "vi").out
    assert "xếp hạng địa bàn, mục tiêu năm 2025" in html and "Sóc Sơn" in html


def test_a_report_of_areas_alone_is_titled_and_dated(cli: Cli, write: Write) -> None:
    """With no city-wide rows there is no full report to carry the title: the league does."""
    path = areas_file(write)
    markdown = cli("report", path, "-t", WORKED, "--year", "2025", "--lang", "en").out
    assert markdown.startswith("# Worked example: digital-transformation scorecard\n\n")
    assert "*As of 2024 · made with dxscore " in markdown.split("## ")[0]
    html = cli("report", path, "-t", WORKED, "-f", "html", "--lang", "en").out
    assert "<title>Worked example: digital-transformation scorecard</title>" in html
    assert html.count("<h1>") == 1 and '<p class="meta">As of 2024 · made with' in html
    terminal = cli("check", path, "-t", WORKED, "--fail-on", "never", env=WIDE).out
    assert terminal.lstrip().startswith("Worked example · as of 2024\n")


def test_a_long_league_is_laid_out_whole(cli: Cli, write: Write) -> None:
    """Past 200 rows the league is laid out as plain text (bench/ measures why): still every
    area, in order, with its rank."""
    rows = "".join(  # below the target of 60, so that no two areas tie
        f"records_online_commune,2024,{5 + n * 0.2:.1f},[bold]Xã {n:03d}\n" for n in range(250)
    )
    path = write("indicator,year,value,area\n" + rows, "many.csv")
    result = cli("check", path, "-t", WORKED, "--year", "2025", "--fail-on", "never", env=WIDE)
    ranked = [line.split() for line in result.out.splitlines() if "[bold]Xã" in line]
    assert len(ranked) == 250  # every area, each printed as written
    assert [int(line[0]) for line in ranked] == list(range(1, 251))
    scores = [float(line[3]) for line in ranked]
    assert scores == sorted(scores, reverse=True)


def test_a_long_league_shows_unprintable_characters_escaped(cli: Cli, write: Write) -> None:
    """Found by a test campaign: the plain-text league wrote a name's unprintable characters
    raw, where the rich table shows them escaped."""
    rows = "".join(
        f"records_online_commune,2024,{5 + n * 0.2:.1f},Xã {n:03d}{chr(0xE000) if n == 7 else ''}\n"
        for n in range(250)
    )
    path = write("indicator,year,value,area\n" + rows, "many.csv")
    result = cli("check", path, "-t", WORKED, "--year", "2025", "--fail-on", "never", env=WIDE)
    assert result.code == 0
    assert "\ue000" not in result.out
    assert "Xã 007\\xe000" in result.out


def test_each_citys_league_stands_under_its_own_heading(cli: Cli, write: Write) -> None:
    """Found by a test campaign: Haiphong's league tables came after Hanoi's full report."""
    from conftest import ROOT

    districts = write(
        "city,area,indicator,year,value\n"
        "haiphong,Lê Chân,epayment_account_share,2024,60\n"
        "haiphong,Hồng Bàng,epayment_account_share,2024,70\n",
        "hp.csv",
    )
    hanoi = ROOT / "examples" / "hanoi-actuals.csv"
    targets = ROOT / "targets"
    markdown = cli("report", districts, hanoi, "-t", targets, "-f", "markdown", "--lang", "en").out
    headings = [line for line in markdown.splitlines() if line.startswith(("# ", "## Ha"))]
    assert headings[:4] == [  # summary first: the leagues, then the full reports
        "# Haiphong, Hanoi: digital-transformation scorecard",
        "## Haiphong · areas ranked, target year 2025",
        "## Haiphong · areas ranked, target year 2030",
        "# Hanoi: digital-transformation scorecard",
    ]
    html = cli("report", districts, hanoi, "-t", targets, "-f", "html", "--lang", "en").out
    assert (
        html.index("<h1>Haiphong") < html.index("Haiphong · areas ranked") < html.index("<h1>Hanoi")
    )


@pytest.mark.parametrize(
    "header", ["Quận/Huyện", "Quận / Huyện", "Quận, huyện", "Huyện", "Phường/Xã", "xã", "Địa bàn"]
)
def test_the_area_column_goes_by_its_vietnamese_names(cli: Cli, write: Write, header: str) -> None:
    """Found by a test campaign: 'Quận/Huyện' was ignored as an unused column, and every
    district's value became a city-wide one."""
    path = write(
        f'indicator,year,value,"{header}"\nrecords_online_commune,2024,30,Sóc Sơn\n', "q.csv"
    )
    document = json.loads(cli("check", path, "-t", WORKED, "-f", "json", "--fail-on", "never").out)
    assert {r["area"] for r in document["results"]} == {"Sóc Sơn"}


def test_an_unknown_area_gets_the_closest_or_a_count_of_the_rest(cli: Cli, write: Write) -> None:
    """Found by a test campaign: on 741 communes the message listed ten, as if those were all."""
    rows = "".join(f"records_online_commune,2024,50,Xã {n:03d}\n" for n in range(25))
    path = write("indicator,year,value,area\n" + rows, "many.csv")
    unaccented = cli("check", path, "-t", WORKED, "--area", "xa 007", "-f", "json")
    assert {r["area"] for r in json.loads(unaccented.out)["results"]} == {"Xã 007"}  # the one
    typed = cli("check", path, "-t", WORKED, "--area", "Xa 0077").err
    assert "--area: area 'Xa 0077' has no reported values; did you mean 'Xã 007'?" in typed
    far = cli("check", path, "-t", WORKED, "--area", "Phường 1").err
    assert "(areas: Xã 000, Xã 001" in far and "Xã 009 and 15 more)" in far


def test_an_area_written_two_ways_is_refused_not_split_in_two(cli: Cli, write: Write) -> None:
    """Found by a test campaign: 'Sóc Sơn' 57 and 'sóc sơn' 55 for the same year were two areas
    in the league, and the conflicting values passed. Other cities may share the name."""
    first = write(
        "city,indicator,year,value,area\nhanoi,records_online_commune,2024,57,Sóc Sơn\n"
        "haiphong,records_online_commune,2024,40,SÓC SƠN\n",
        "a.csv",
    )
    second = write(
        "city,indicator,year,value,area\nhanoi,records_online_commune,2024,55,sóc  sơn\n", "b.csv"
    )
    from conftest import ROOT

    targets = ROOT / "targets"
    assert cli("check", first, "-t", targets, "--fail-on", "never").code == 0
    mixed = write(  # Haiphong writes it first: Hanoi's two spellings are still two
        "city,indicator,year,value,area\nhanoi,records_online_commune,2024,57,Sóc Sơn\n"
        "haiphong,records_online_commune,2024,40,sóc sơn\nhanoi,records_online_commune,2023,55,sóc sơn\n",
        "mixed.csv",
    )
    assert (
        "mixed.csv:4:5: area: area 'sóc sơn' is written 'Sóc Sơn' on line 2"
        in cli("check", mixed, "-t", targets).err
    )
    result = cli("check", first, second, "-t", targets)
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        f"{second}:2:5: area: area 'sóc  sơn' is written 'Sóc Sơn' in {first}:2: the same area,"
        " in another case, spacing or place of the tone mark (Thủy, Thuỷ); write it one way"
        " [area-spelling]"
    )


def test_a_district_column_beside_a_commune_column_is_refused_with_what_to_do(
    cli: Cli, write: Write
) -> None:
    path = write(
        "indicator,year,value,Quận/Huyện,Phường/Xã\nrecords_online_commune,2024,30,Sóc Sơn,Phù Linh\n",
        "two.csv",
    )
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(
        f"{path}:1:5: Phường/Xã: two columns name an area ('Quận/Huyện' and 'Phường/Xã'); give"
        " each area in one column, with its district where communes share a name"
    )


def test_a_city_with_one_area_gets_its_full_report_whatever_the_others_have(
    cli: Cli, write: Write
) -> None:
    """Found by a test campaign: whether an area got a league row or a full report depended on
    how many areas all cities had together."""
    from conftest import ROOT

    path = write(
        "city,area,indicator,year,value\n"
        "hanoi,Ba Đình,epayment_account_share,2024,70\n"
        "haiphong,Lê Chân,epayment_account_share,2024,60\n"
        "haiphong,Hồng Bàng,epayment_account_share,2024,50\n",
        "mixed.csv",
    )
    markdown = cli("report", path, "-t", ROOT / "targets", "-f", "markdown", "--year", "2025").out
    headings = [line for line in markdown.splitlines() if line.startswith(("# ", "## H"))]
    assert "# Hanoi: digital-transformation scorecard · Area: Ba Đình" in headings
    assert "## Haiphong · areas ranked, target year 2025" in headings
    assert "## Hanoi · areas ranked, target year 2025" not in headings


def test_an_area_whose_every_cell_is_empty_is_ranked_without_data(cli: Cli, write: Write) -> None:
    """A commune that sent its rows back blank stays in the league, last and without data; it
    used to vanish from the report with only a count of empty cells. Checked alone, it has
    nothing to check, which is said, not passed."""
    path = write(
        "area,indicator,year,value\n"
        "Ba Đình,records_online_commune,2024,64\n"
        "Tây Hồ,records_online_commune,2023,\n"
        "Tây Hồ,records_online_commune,2024,\n",
        "blank.csv",
    )
    ran = cli("check", path, "-t", WORKED, "-f", "json", "--year", "2025", "--fail-on", "never")
    assert ran.code == 0, ran
    rows = {
        (r["area"], r["status"])
        for r in json.loads(ran.out)["results"]
        if r["indicator"] == "records_online_commune"
    }
    assert rows == {("Ba Đình", "achieved"), ("Tây Hồ", "no_data")}
    assert "2 cell(s) left empty: not reported" in ran.err
    one = cli("check", path, "-t", WORKED, "--area", "Tây Hồ")
    assert one.code == 2, one
    assert "no value is reported for the targets under --area Tây Hồ" in one.err
