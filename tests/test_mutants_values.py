"""The grammar of a cell as an analyst meets it in a CSV file, where mutation testing found the
tests blind (issue 24): each cell is written to a real file, read by ``dxscore check``, and
either its value or its message checked.

The word lists and the patterns (numbers, grouped thousands, dates, a year inside other text)
are pinned here word by word and at each boundary, written out rather than taken from
dxscore's own constants, so that a changed constant fails a test (docs/mutation.md).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Cli

Write = Callable[..., Path]

TARGETS = {
    "percent": "{min: 50}",
    "percent_per_year": "{min: 5}",
    "percent_change": "{min: 5}",
    "count": "{min: 50}",
    "rank": "{max: 3}",
    "milestone": "{done: true}",
}


@pytest.fixture(autouse=True)
def as_a_new_process() -> None:
    """Each test reads its cells as a new dxscore process does, with no milestone word
    remembered from an earlier test (the grammar keeps the spellings it has read, and a test
    run, or mutmut's forked workers, would otherwise only ever find them there)."""
    from dxscore.actuals import values

    values._MILESTONE_CACHE.clear()


def target_file(write: Write) -> Path:
    """One indicator of each unit, named after its unit, with a 2025 target."""
    indicators = "".join(
        f"    - id: {unit}\n"
        f"      name: {{vi: {unit}, en: {unit}}}\n"
        f"      unit: {unit}\n"
        f"      targets: {{2025: {target}}}\n"
        f"      quote: illustrative\n"
        for unit, target in TARGETS.items()
    )
    return write(
        "dxscore: 1\nid: testcity\nname: {vi: Thành phố Thử, en: Test City}\n"
        "resolution:\n  title: {vi: Nghị quyết thử, en: Test resolution}\n"
        f"pillars:\n  government:\n{indicators}  economy: []\n  society: []\n",
        "targets.yaml",
    )


def quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'


def read_each(
    cli: Cli, write: Write, unit: str, cells: list[str], years: list[str] | None = None
) -> dict[str, object]:
    """The cells in one file, a row each (areas A0, A1 …): ``cell@year`` → the value scored,
    when every cell is read, or else the message of each line (None: a line with none)."""
    years = years or ["2025"] * len(cells)
    body = "".join(
        f"A{i},{unit},{quoted(year)},{quoted(cell)}\n"
        for i, (cell, year) in enumerate(zip(cells, years, strict=True))
    )
    actuals = write("area,indicator,year,value\n" + body, "actuals.csv")
    ran = cli("check", actuals, "--targets", target_file(write), "-f", "json", "--fail-on", "never")
    keys = [f"{cell}@{year}" for cell, year in zip(cells, years, strict=True)]
    if ran.code == 0:
        rows = json.loads(ran.out)["results"]
        actual = {row["area"]: row["actual"] for row in rows if row["indicator"] == unit}
        return {key: actual[f"A{i}"] for i, key in enumerate(keys)}
    assert ran.code == 2, ran
    told: dict[int, str] = {}
    for line in ran.err.splitlines():
        where, _, text = line.partition(": ")
        if where.startswith(f"{actuals}:"):
            told.setdefault(int(where.split(":")[-2]), text)
    return {key: told.get(i + 2) for i, key in enumerate(keys)}


def values(cli: Cli, write: Write, unit: str, cases: list[tuple[str, float]]) -> None:
    """Every cell is read as the value given."""
    found = read_each(cli, write, unit, [cell for cell, _ in cases])
    assert found == {f"{cell}@2025": value for cell, value in cases}


def refused(cli: Cli, write: Write, unit: str, cases: list[tuple[str, str]]) -> None:
    """Every cell is refused with a message holding the words given."""
    found = read_each(cli, write, unit, [cell for cell, _ in cases])
    wrong = {
        cell: found[f"{cell}@2025"]
        for cell, told in cases
        if told not in str(found[f"{cell}@2025"])
    }
    assert not wrong, wrong


DASH = "is not a number; leave the cell empty when the value is not reported"
NAN = "is not a value; NaN and infinity are refused (leave the cell empty when not reported)"
THOUSANDS = "is ambiguous: thousands separators are not read"
TOO_LARGE = "is too large; values go up to a trillion (10¹²) either way"
DATE = "is a date, not a number"


# --- The scenarios of the issue ---------------------------------------------------------------


def test_a_percent_sign_is_read_in_a_csv_file(cli: Cli, write: Write) -> None:
    cases = [("55%", 55.0), ("100%", 100.0), ("0%", 0.0), ("55 %", 55.0), ("55,5%", 55.5)]
    cases += [("7.5%", 7.5), (" 55% ", 55.0)]
    values(cli, write, "percent", cases)
    values(cli, write, "percent_per_year", cases)


def test_a_percent_sign_is_refused_where_the_unit_is_not_a_percentage(
    cli: Cli, write: Write
) -> None:
    told = "has a % sign, but this indicator is not a percentage [not-a-number]"
    refused(cli, write, "count", [("55%", told), ("\u221255%", told)])


def test_dashes_and_n_a_are_told_to_leave_the_cell_empty(cli: Cli, write: Write) -> None:
    cells = ["-", "--", "---", " - ", "\u2014", "\u2013", "\u2212", "\u2012", "-\u2013"]
    refused(cli, write, "percent", [(cell, DASH) for cell in cells])


def test_a_trillion_either_way_is_the_largest_value(cli: Cli, write: Write) -> None:
    values(cli, write, "count", [("1000000000000", 1e12), ("1e12", 1e12)])  # quick path, slow path
    values(cli, write, "count", [("1000000000000.0", 1e12), ("999999999999.5", 999999999999.5)])
    values(cli, write, "percent_change", [("-1e12", -1e12), ("-1000000000000", -1e12)])


def test_past_a_trillion_is_too_large(cli: Cli, write: Write) -> None:
    cells = ["1000000000001", "1000000000000.5", "1.0000000001e12"]
    refused(cli, write, "count", [(cell, TOO_LARGE) for cell in cells])
    cells = ["-1000000000001", "-1.0000000001e12", "1e309", "-1e309"]  # 1e309: past a float
    refused(cli, write, "percent_change", [(cell, TOO_LARGE) for cell in cells])


def test_a_decimal_comma_is_read_with_or_without_a_whole_part(cli: Cli, write: Write) -> None:
    cases = [(",125", 0.125), ("0,125", 0.125), (",5", 0.5), ("55,5", 55.5), ("55,25", 55.25)]
    values(cli, write, "percent", [*cases, ("55,1234", 55.1234), ("+0,125", 0.125)])
    values(cli, write, "percent_change", [("-0,125", -0.125), ("-55,5", -55.5)])


def test_a_comma_that_could_group_thousands_is_refused(cli: Cli, write: Write) -> None:
    cases = [
        ("1,125", "is ambiguous: it could be 1125 or 1.125"),
        ("-1,125", "is ambiguous: it could be -1125 or -1.125"),
        ("55,", "'55,' is not a number [not-a-number]"),
        ("+,5", "'+,5' is not a number [not-a-number]"),
        ("-,5", "'-,5' is not a number [not-a-number]"),
        ("-,125", "'-,125' is not a number [not-a-number]"),
        ("+,125", "'+,125' is not a number [not-a-number]"),
        (",", "',' is not a number [not-a-number]"),
        ("5,5a", "'5,5a' is not a number [not-a-number]"),
    ]
    refused(cli, write, "percent_change", cases)


def test_nan_and_infinity_are_named(cli: Cli, write: Write) -> None:
    cells = ["+nan", "-inf", "Infinity", "NaN", "inf", "-Infinity", "+INF", "nan%"]
    refused(cli, write, "percent_change", [(cell, NAN) for cell in cells])


def test_grouped_thousands_are_named(cli: Cli, write: Write) -> None:
    cells = ["1,234,567", "1.234,5", "1,234.5", "1.500.000", "1 500 000", "-1.500.000"]
    cells += ["12\u00a0345", "123 456", "+1\u202f234"]
    refused(cli, write, "percent_change", [(cell, THOUSANDS) for cell in cells])


# --- The number pattern at its boundaries ----------------------------------------------------


def test_the_number_pattern_reads_these(cli: Cli, write: Write) -> None:
    cases = [("5", 5.0), ("+5", 5.0), ("-5", -5.0), ("-0", 0.0), ("5.", 5.0), (".5", 0.5)]
    cases += [("-.5", -0.5), ("1e3", 1000.0), ("1E3", 1000.0), ("1e+3", 1000.0)]
    cases += [("25e-1", 2.5), ("1.5e2", 150.0), (" 12 ", 12.0), ("123 ", 123.0)]
    cases += [("1.234", 1.234)]  # one group of three: a decimal point, not thousands
    cases += [("-5.", -5.0), ("5.e2", 500.0), ("-.5e1", -5.0)]  # past the plain digits' quick path
    values(cli, write, "percent_change", cases)


def test_the_number_pattern_refuses_these(cli: Cli, write: Write) -> None:
    plain = ["e3", "1e", "1e3.5", "0x10", "1_000", "5-", "+-5", "1..5", "12 34", "1 2345"]
    plain += ["1234 567", "1.234.56", "abc", "1a5", "1.5.5"]
    cases = [(cell, f"'{cell}' is not a number [not-a-number]") for cell in plain]
    cases += [
        ("\uff15\uff15", "has digits other than 0–9"),
        ("\u0665", "has digits other than 0–9"),
        ("\u201355", "starts with U+2013, a typeset minus or dash; write the minus as '-'"),
        ("\u221255", "starts with U+2212, a typeset minus or dash"),
        ("\u221255%", "starts with U+2212, a typeset minus or dash"),
        ("\u20125", "starts with U+2012"),
        ("\u20145", "starts with U+2014"),
        ("\u2014", DASH),
    ]
    refused(cli, write, "percent_change", cases)


def test_a_typeset_minus_on_a_percentage_is_named(cli: Cli, write: Write) -> None:
    told = "starts with U+2212"
    refused(cli, write, "percent", [("\u221255%", told), ("\u22125%%", told), ("\u22125", told)])


def test_minus_zero_reads_as_zero(cli: Cli, write: Write) -> None:
    """'-0' is 0, in JSON as in every document: never '-0'."""
    for unit, cells in [("percent_change", ["-0", "-0.0", "-0,0", "-0e3"]), ("count", ["0"])]:
        body = "".join(f"A{i},{unit},2025,{quoted(cell)}\n" for i, cell in enumerate(cells))
        actuals = write("area,indicator,year,value\n" + body, "actuals.csv")
        ran = cli(
            "check", actuals, "--targets", target_file(write), "-f", "json", "--fail-on", "never"
        )
        assert ran.code == 0, ran
        rows = [r for r in json.loads(ran.out)["results"] if r["indicator"] == unit]
        assert [math.copysign(1, r["actual"]) for r in rows] == [1.0] * len(cells), cells


def test_a_date_is_named(cli: Cli, write: Write) -> None:
    cells = ["2024-07-16", "2024-7-6", "2024-07-16T10:30:00", "2024-07-16 10:30", "16/07/2024"]
    cells += ["7/16/05", "16.07.1905", "16-07-2024", "16/07/2024 10:30", "1/2/24", "24-07-16"]
    refused(cli, write, "percent_change", [(cell, DATE) for cell in cells])


def test_what_only_looks_like_a_date_is_not_one(cli: Cli, write: Write) -> None:
    cells = ["16/07-2024", "16/07/202", "123/07/2024", "16/07/20245", "2024-07", "2024-07-16T"]
    cells += ["124-07-16", "24-7-6T10:00"]
    found = read_each(cli, write, "percent_change", cells)
    assert all(told is not None and DATE not in str(told) for told in found.values()), found


# --- Units, ranks and ranges -------------------------------------------------------------------


def test_values_outside_their_units_range_are_refused(cli: Cli, write: Write) -> None:
    refused(cli, write, "rank", [("2.5", "is not a rank; a rank is a whole number")])
    refused(cli, write, "rank", [("0", "outside the range of rank (unit rank: ≥ 1)")])
    told = "outside the range of percent (unit percent: 0–100)"
    refused(cli, write, "percent", [("100.5", told), ("-1", told)])
    refused(cli, write, "count", [("-1", "outside the range of count (unit count: ≥ 0)")])


def test_values_at_the_edge_of_their_units_range_are_read(cli: Cli, write: Write) -> None:
    values(cli, write, "rank", [("1", 1.0), ("2.0", 2.0)])
    values(cli, write, "percent", [("100", 100.0), ("0", 0.0)])
    values(cli, write, "count", [("0", 0.0)])


def test_a_control_character_in_a_value_is_named(cli: Cli, write: Write) -> None:
    refused(cli, write, "percent", [("\x1f55", "U+001F")])


# --- Milestone words -------------------------------------------------------------------------------

DONE = ["yes", "true", "1", "done", "đạt", "hoàn thành", "có", "Yes", " DONE ", "Đạt", "Hoàn Thành"]
NOT_DONE = ["no", "false", "0", "not done", "chưa đạt", "chưa hoàn thành", "không", "No", "KHÔNG"]


def test_these_words_say_a_milestone_is_done_or_not(cli: Cli, write: Write) -> None:
    values(cli, write, "milestone", [(word, True) for word in DONE])
    values(cli, write, "milestone", [(word, False) for word in NOT_DONE])


def test_other_words_are_no_milestone(cli: Cli, write: Write) -> None:
    cells = ["maybe", "x", "ok", "2", "đạt được", "none"]
    refused(cli, write, "milestone", [(cell, "[bad-milestone]") for cell in cells])


def test_a_milestone_word_repeated_on_many_rows_reads_the_same_each_time(
    cli: Cli, write: Write
) -> None:
    """The words are remembered once read (the same few repeat on every row): each row reads
    as its own word says, whichever was read first, and words that are none stay refused."""
    rows = "".join(
        f"{area},milestone,{year},{word}\n"
        for area, word in [("A", "yes"), ("B", "no"), ("C", "Yes"), ("D", "không")]
        for year in (2024, 2025)
    )
    actuals = write("area,indicator,year,value\n" + rows, "actuals.csv")
    ran = cli("check", actuals, "--targets", target_file(write), "-f", "json", "--fail-on", "never")
    rows = json.loads(ran.out)["results"]
    found = {(r["area"], r["actual"]) for r in rows if r["indicator"] == "milestone"}
    assert found == {("A", True), ("B", False), ("C", True), ("D", False)}
    bad = write("area,indicator,year,value\nA,milestone,2024,maybe\nB,milestone,2024,maybe\n")
    refused = cli("check", bad, "--targets", target_file(write))
    assert refused.code == 2 and refused.err.count("[bad-milestone]") == 2


# --- Estimate words --------------------------------------------------------------------------------

ESTIMATE = ["yes", "true", "1", "x", "ước", "ước tính", "ước thực hiện", "uoc", "uoc tinh"]
ESTIMATE += ["est", "est.", "estimate", "có", "X", "Ước tính", "EST"]
MEASURED = ["", " ", "no", "false", "0", "không", "khong", "No"]


def estimates_of(cli: Cli, write: Write, cells: list[str]) -> dict[str, object]:
    """The cells as an `estimate` column, a row each: cell → whether the row's value is
    marked an estimate, or the message of the row's problem."""
    body = "".join(f"A{i},percent,2025,55,{quoted(cell)}\n" for i, cell in enumerate(cells))
    actuals = write("area,indicator,year,value,estimate\n" + body, "actuals.csv")
    ran = cli("check", actuals, "--targets", target_file(write), "-f", "json", "--fail-on", "never")
    if ran.code == 0:
        rows = json.loads(ran.out)["results"]
        marked = {r["area"]: r["estimate"] for r in rows if r["indicator"] == "percent"}
        return {cell: marked[f"A{i}"] for i, cell in enumerate(cells)}
    told = {int(line.split(":")[1]): line for line in ran.err.splitlines() if "[" in line}
    return {cell: told.get(i + 2) for i, cell in enumerate(cells)}


def estimate_of(cli: Cli, write: Write, cell: str) -> object:
    return estimates_of(cli, write, [cell])[cell]


def test_these_words_mark_an_estimate_or_a_measured_value(cli: Cli, write: Write) -> None:
    assert estimates_of(cli, write, ESTIMATE) == dict.fromkeys(ESTIMATE, True)
    assert estimates_of(cli, write, MEASURED) == dict.fromkeys(MEASURED, False)


def test_other_words_in_an_estimate_column_are_refused(cli: Cli, write: Write) -> None:
    found = estimates_of(cli, write, ["maybe", "2", "ước?", "estimated value"])
    assert all("[bad-estimate]" in str(told) for told in found.values()), found


# --- "No value" words --------------------------------------------------------------------------------


def test_no_value_words_are_told_to_leave_the_cell_empty(cli: Cli, write: Write) -> None:
    words = ["n/a", "na", "n.a.", "#n/a", "không có", "khong co", "không có số liệu", "N.A.", "NA"]
    words += ["N/A", "#N/A", "Không Có"]
    for unit in ("count", "milestone", "percent"):
        refused(cli, write, unit, [(word, DASH) for word in words])


# --- Years -----------------------------------------------------------------------------------------


def test_year_cells_at_every_boundary(cli: Cli, write: Write) -> None:
    cases = [
        ("1899", "'1899' is not a year between 1900 and 2100"),
        ("2101", "'2101' is not a year between 1900 and 2100"),
        ("20245", "'20245' is not a year between 1900 and 2100"),
        ("12024", "'12024' is not a year between 1900 and 2100"),
        ("năm 1899", "'năm 1899' is not a year between 1900 and 2100"),
        ("năm 2101", "'năm 2101' is not a year between 1900 and 2100"),
        ("2024.0", "'2024.0' is not a year written alone; write 2024"),
        ("năm 2024", "'năm 2024' is not a year written alone; write 2024"),
        ("FY1900", "'FY1900' is not a year written alone; write 1900"),
        ("2100a", "'2100a' is not a year written alone; write 2100"),
        ("1999/2000", "'1999/2000' is not a year written alone; write 1999"),
        ("2024-07-16", "is a date"),
        ("\uff12\uff10\uff12\uff15", "is not a year between 1900 and 2100"),
        ("", "is not a year between 1900 and 2100"),
        ("2100", "2100 is after the current year"),
        ("2027", "2027 is after the current year"),
    ]
    years = [year for year, _ in cases]
    found = read_each(cli, write, "percent", ["55"] * len(cases), years)
    wrong = {
        year: found[f"55@{year}"] for year, told in cases if told not in str(found[f"55@{year}"])
    }
    assert not wrong, wrong


@pytest.mark.parametrize(("year", "as_of"), [("1900", 1900), (" 2024 ", 2024), ("2026", 2026)])
def test_years_that_are_read(cli: Cli, write: Write, year: str, as_of: int) -> None:
    actuals = write(f"indicator,year,value\npercent,{year},55\n", "actuals.csv")
    ran = cli("check", actuals, "--targets", target_file(write), "-f", "json", "--fail-on", "never")
    assert ran.code == 0, ran
    assert json.loads(ran.out)["as_of"] == as_of


# --- What the row engine reads: fractions, estimates with control characters, totals rows --------

FRACTION = "lies between 0 and 1"


def warnings_of(cli: Cli, write: Write, rows: str) -> str:
    actuals = write("area,indicator,year,value\n" + rows, "actuals.csv")
    ran = cli("check", actuals, "--targets", target_file(write), "--fail-on", "never")
    assert ran.code == 0, ran
    return ran.err


@pytest.mark.parametrize(
    "values",
    [("0.55", "0.6"), ("0", "0.5"), ("1", "0.55"), ("0.55", "0", "1")],
)
def test_a_percentage_written_as_fractions_of_1_throughout_is_warned_of(
    cli: Cli, write: Write, values: tuple[str, ...]
) -> None:
    rows = "".join(f",percent,{2020 + i},{v}\n" for i, v in enumerate(values))
    assert FRACTION in warnings_of(cli, write, rows)


@pytest.mark.parametrize(
    "values", [("0", "0"), ("0",), ("55", "0.5"), ("0.5", "1.5"), ("100", "0")]
)
def test_percentages_that_are_not_all_fractions_are_not_warned_of(
    cli: Cli, write: Write, values: tuple[str, ...]
) -> None:
    rows = "".join(f",percent,{2020 + i},{v}\n" for i, v in enumerate(values))
    assert FRACTION not in warnings_of(cli, write, rows)


@pytest.mark.parametrize("cell", ["yes\t", "x\n", "\tước", "có\r"])
def test_an_estimate_cell_with_a_control_character_is_refused(
    cli: Cli, write: Write, cell: str
) -> None:
    """A tab or a line break in an `estimate` cell (a slip in a sheet) is named, not read past."""
    found = estimate_of(cli, write, cell)
    assert isinstance(found, str) and "[bad-estimate]" in found, found


@pytest.mark.parametrize(
    "area", ["Tổng cộng :", "Tổng cộng:", "TỔNG CỘNG :", "Total :", "Ca nuoc", "Cả nước"]
)
def test_a_totals_row_is_refused_however_it_is_written(cli: Cli, write: Write, area: str) -> None:
    actuals = write(f"area,indicator,year,value\nBa Đình,percent,2025,55\n{area},percent,2025,60\n")
    ran = cli("check", actuals, "--targets", target_file(write))
    assert ran.code == 2 and "[area-total]" in ran.err, ran


def test_every_totals_row_is_named_not_only_the_first(cli: Cli, write: Write) -> None:
    actuals = write(
        "area,indicator,year,value\n"
        "Ba Đình,percent,2025,55\nTổng cộng,percent,2025,60\n"
        "Ba Đình,count,2025,55\nTổng cộng,count,2025,60\n"
    )
    ran = cli("check", actuals, "--targets", target_file(write))
    assert ran.code == 2
    assert [line.split(": ")[0] for line in ran.err.splitlines() if "[area-total]" in line] == [
        f"{actuals}:3:1",
        f"{actuals}:5:1",
    ]


def test_a_second_row_for_an_area_names_the_area(cli: Cli, write: Write) -> None:
    actuals = write(
        "area,indicator,year,value\nBa Đình,percent,2025,55\nBa Đình,percent,2025,56\n"
        ",percent,2025,50\n,percent,2025,51\n"
    )
    ran = cli("check", actuals, "--targets", target_file(write))
    assert ran.code == 2
    told = [line.split(": ", 1)[1] for line in ran.err.splitlines() if "[duplicate-row]" in line]
    assert told == [
        f"value: a second row for percent in 2025 (testcity, area Ba Đình); the first is at "
        f"{actuals}:2. Keep one row [duplicate-row]",
        f"value: a second row for percent in 2025 (testcity, city-wide); the first is at "
        f"{actuals}:4. Keep one row [duplicate-row]",
    ]


@pytest.mark.parametrize("cell", ["\t", "\u2028", " \r ", "\x0b"])
def test_a_value_cell_of_only_a_control_character_is_named_not_skipped(
    cli: Cli, write: Write, cell: str
) -> None:
    """A tab or a line separator alone is not an empty cell (an empty one is skipped as not
    reported): it is named, as in any other cell."""
    found = read_each(cli, write, "percent", [cell])[f"{cell}@2025"]
    assert "[control-character]" in str(found), found


@pytest.mark.parametrize(
    ("values", "warned"),
    [
        ((0.82, 91.0), True),  # 82% typed as a fraction of 1, beside 91%
        ((0.1, 20.0), True),  # at both bounds: 0.1 as 10% is half of 20, itself 20
        ((0.1, 20.05), False),  # 10% is under half of the largest
        ((0.11, 19.99), False),  # the largest under 20
        ((1.0, 30.0), False),  # 1 is 1%, not a fraction of 1
        ((0.0, 30.0), False),  # 0 is 0 whichever way it is written
        ((25.0, 0.1), False),  # a real fall to 0.1%: 10% would be under half of 25
        ((0.5, 0.6), False),  # every value within 0–1: the other warning, looks-like-fraction
    ],
)
def test_a_series_that_mixes_scales_is_warned_of_at_its_bounds(
    values: tuple[float, ...], warned: bool
) -> None:
    import dxscore

    rows = [
        {"city": "haiphong", "indicator": "records_online_city", "year": 2020 + n, "value": v}
        for n, v in enumerate(values)
    ]
    card = dxscore.score(rows)
    assert ("warning.mixed-scale" in [w.key for w in card.warnings]) is warned


@pytest.mark.parametrize(
    "values",
    [(0.1, 1.0, 60.0), (0.1, 1.5, 60.0)],
)
def test_only_values_under_1_are_taken_for_fractions(values: tuple[float, ...]) -> None:
    """1 and 1.5 are 1% and 1.5%: beside 0.1 (10% at most, under half of 60) nothing is
    warned of; were they taken for fractions, 100% and 150% would be."""
    import dxscore

    rows = [
        {"city": "haiphong", "indicator": "records_online_city", "year": 2020 + n, "value": v}
        for n, v in enumerate(values)
    ]
    assert "warning.mixed-scale" not in [w.key for w in dxscore.score(rows).warnings]


@pytest.mark.parametrize("cell", ["Xinf", "Xnan", "xInfinity"])
def test_a_word_ending_in_nan_or_inf_is_no_number_not_a_nan(
    cli: Cli, write: Write, cell: str
) -> None:
    path = write(f"indicator,year,value\nrecords_online_commune,2024,{cell}\n")
    ran = cli("check", path, "--city", "haiphong")
    assert ran.code == 2
    assert f"value: '{cell}' is not a number [not-a-number]" in ran.err


DUPLICATES = (
    "city,indicator,year,value\n"
    "haiphong,records_online_commune,2023,50\n"
    "haiphong,records_online_commune,2023,51\n"
    "haiphong,records_online_city,2024,abc\n"
    "haiphong,records_online_city,2024,60\n"
    "haiphong,records_online_district,2024,\n"
    "haiphong,records_online_district,2024,70\n"
)


@pytest.mark.parametrize("reader", ["row engine", "DuckDB, handing the file back"])
def test_a_second_row_names_the_first_whatever_that_held(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch, reader: str
) -> None:
    """A row given twice is refused with the line of the first, whether the first held a
    value, a refused value or nothing; the same when DuckDB reads the file first and hands
    it back (its rows then read without observations kept)."""
    if reader.startswith("DuckDB"):
        from dxscore.actuals import large

        monkeypatch.setattr(large, "MIN_BYTES", 0)
    from dxscore.actuals import reader as reference

    opened: list[object] = []
    read_file = reference._read_file

    def counted(*args: object, **kwargs: object) -> None:
        opened.append(args[0])
        read_file(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reference, "_read_file", counted)
    path = write(DUPLICATES, "twice.csv")
    ran = cli("check", path, "-f", "json")
    assert ran.code == 2
    # DuckDB's rows are handed to the row engine: the file is not opened a second time
    assert opened == ([] if reader.startswith("DuckDB") else [path])
    said = [line for line in ran.err.splitlines() if "second row" in line]
    assert said == [
        f"{path}:3:4: value: a second row for records_online_commune in 2023 (haiphong,"
        f" city-wide); the first is at {path}:2. Keep one row [duplicate-row]",
        f"{path}:5:4: value: a second row for records_online_city in 2024 (haiphong,"
        f" city-wide); the first is at {path}:4. Keep one row [duplicate-row]",
        f"{path}:7:4: value: a second row for records_online_district in 2024 (haiphong,"
        f" city-wide); the first is at {path}:6. Keep one row [duplicate-row]",
    ]


def test_a_second_row_in_another_file_names_the_file_of_the_first(cli: Cli, write: Write) -> None:
    first = write(
        "city,indicator,year,value\nhaiphong,records_online_city,2024,abc\n"
        "haiphong,records_online_district,2024,\n",
        "first.csv",
    )
    second = write(
        "city,indicator,year,value\nhaiphong,records_online_city,2024,60\n"
        "haiphong,records_online_district,2024,70\n",
        "second.csv",
    )
    ran = cli("check", first, second)
    assert ran.code == 2
    assert f"{second}:2:4: value: a second row for records_online_city in 2024" in ran.err
    assert f"the first is at {first}:2. Keep one row" in ran.err
    assert f"the first is at {first}:3. Keep one row" in ran.err


def test_a_future_year_is_refused_on_every_row_that_gives_it(cli: Cli, write: Write) -> None:
    """The second row of a year after the current one (2026 in the tests) is read by the
    engine's quick path for rows like those before it: it is refused there too."""
    path = write(
        "city,indicator,year,value\n"
        "haiphong,records_online_city,2024,50\nhaiphong,records_online_city,2030,50\n"
        "haiphong,records_online_commune,2024,50\nhaiphong,records_online_commune,2030,50\n",
        "future.csv",
    )
    ran = cli("check", path)
    assert ran.code == 2
    assert [line.split(": ")[0] for line in ran.err.splitlines() if "[future-year]" in line] == [
        f"{path}:3:3",
        f"{path}:5:3",
    ]


def test_a_second_file_without_the_series_of_a_first_file_is_read(cli: Cli, write: Write) -> None:
    """The mixed-scale check looks at each file's own values: a second file that gives no
    value of a series the first one mixed is read as usual (the first one's warning stays)."""
    first = write(
        "city,indicator,year,value\nhaiphong,records_online_city,2023,0.8\n"
        "haiphong,records_online_city,2024,85\n",
        "first.csv",
    )
    second = write(
        "city,indicator,year,value\nhaiphong,records_online_commune,2024,50\n", "second.csv"
    )
    ran = cli("check", first, second, "--fail-on", "never")
    assert ran.code == 0, ran
    assert ran.err.count("[mixed-scale]") + ran.err.count("is 0.8 on line 2 but 85") == 1
