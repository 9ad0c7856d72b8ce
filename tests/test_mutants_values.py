"""The grammar of a cell as an analyst meets it in a CSV file, where mutation testing found the
tests blind (issue 24): each cell is written to a real file, read by ``dxscore check``, and
either its value or its message checked.

The word lists and the patterns (numbers, grouped thousands, dates, a year inside other text)
are pinned here word by word and at each boundary, written out rather than taken from
dxscore's own constants, so that a changed constant fails a test (docs/mutation.md).
"""

from __future__ import annotations

import json
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


def read(cli: Cli, write: Write, unit: str, cell: str, year: str = "2025") -> object:
    """What ``dxscore check`` makes of one cell in a CSV file: the value it scores, or the
    message of the problem it reports (without the file, line and column)."""
    actuals = write(f"indicator,year,value\n{unit},{quoted(year)},{quoted(cell)}\n", "actuals.csv")
    ran = cli("check", actuals, "--targets", target_file(write), "-f", "json", "--fail-on", "never")
    if ran.code == 0:
        rows = json.loads(ran.out)["results"]
        return next(row["actual"] for row in rows if row["indicator"] == unit)
    assert ran.code == 2, ran
    first = ran.err.splitlines()[0]
    return first.split(": ", 1)[1]  # past "actuals.csv:2:3"


DASH = "is not a number; leave the cell empty when the value is not reported"
NAN = "is not a value; NaN and infinity are refused (leave the cell empty when not reported)"
THOUSANDS = "is ambiguous: thousands separators are not read"
TOO_LARGE = "is too large; values go up to a trillion (10¹²) either way"
DATE = "is a date, not a number"


def message(cli: Cli, write: Write, unit: str, cell: str) -> str:
    found = read(cli, write, unit, cell)
    assert isinstance(found, str), (cell, found)
    return found


# --- The scenarios of the issue ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "value"),
    [("55%", 55.0), ("100%", 100.0), ("0%", 0.0), ("55 %", 55.0), ("55,5%", 55.5), ("7.5%", 7.5)],
)
def test_a_percent_sign_is_read_in_a_csv_file(
    cli: Cli, write: Write, cell: str, value: float
) -> None:
    assert read(cli, write, "percent", cell) == value
    assert read(cli, write, "percent_per_year", cell) == value


def test_a_percent_sign_is_refused_where_the_unit_is_not_a_percentage(
    cli: Cli, write: Write
) -> None:
    assert message(cli, write, "count", "55%").endswith(
        "has a % sign, but this indicator is not a percentage [not-a-number]"
    )


@pytest.mark.parametrize(
    "cell", ["-", "--", "---", " - ", "\u2014", "\u2013", "\u2212", "-\u2013", "n/a", "N/A", "#N/A"]
)
def test_dashes_and_n_a_are_told_to_leave_the_cell_empty(cli: Cli, write: Write, cell: str) -> None:
    assert DASH in message(cli, write, "percent", cell)


@pytest.mark.parametrize(
    ("unit", "cell", "value"),
    [
        ("count", "1000000000000", 1e12),  # the plain digits' quick path
        ("count", "1e12", 1e12),
        ("count", "1000000000000.0", 1e12),
        ("percent_change", "-1e12", -1e12),
        ("percent_change", "-1000000000000", -1e12),
    ],
)
def test_a_trillion_either_way_is_the_largest_value(
    cli: Cli, write: Write, unit: str, cell: str, value: float
) -> None:
    assert read(cli, write, unit, cell) == value


@pytest.mark.parametrize(
    ("unit", "cell"),
    [
        ("count", "1000000000001"),
        ("count", "1000000000000.5"),
        ("count", "1.0000000001e12"),
        ("percent_change", "-1000000000001"),
        ("percent_change", "-1.0000000001e12"),
        ("percent_change", "1e309"),  # past a float: infinity, not a number
    ],
)
def test_past_a_trillion_is_too_large(cli: Cli, write: Write, unit: str, cell: str) -> None:
    assert TOO_LARGE in message(cli, write, unit, cell)


@pytest.mark.parametrize(
    ("unit", "cell", "value"),
    [
        ("percent", ",125", 0.125),
        ("percent", "0,125", 0.125),
        ("percent", ",5", 0.5),
        ("percent_change", "-0,125", -0.125),
        ("percent", "55,5", 55.5),
        ("percent", "55,25", 55.25),
        ("percent", "55,1234", 55.1234),
    ],
)
def test_a_decimal_comma_is_read_with_or_without_a_whole_part(
    cli: Cli, write: Write, unit: str, cell: str, value: float
) -> None:
    assert read(cli, write, unit, cell) == value


@pytest.mark.parametrize(
    ("cell", "told"),
    [
        ("1,125", "is ambiguous: it could be 1125 or 1.125"),
        ("-1,125", "is ambiguous: it could be -1125 or -1.125"),
        ("55,", "'55,' is not a number [not-a-number]"),
        ("+,5", "'+,5' is not a number [not-a-number]"),
        ("-,5", "'-,5' is not a number [not-a-number]"),
        ("-,125", "'-,125' is not a number [not-a-number]"),
        ("+,125", "'+,125' is not a number [not-a-number]"),
        (",", "',' is not a number [not-a-number]"),
        ("5,5a", "'5,5a' is not a number [not-a-number]"),
    ],
)
def test_a_comma_that_could_group_thousands_is_refused(
    cli: Cli, write: Write, cell: str, told: str
) -> None:
    assert told in message(cli, write, "percent_change", cell)


@pytest.mark.parametrize("cell", ["+nan", "-inf", "Infinity", "NaN", "inf", "-Infinity", "+INF"])
def test_nan_and_infinity_are_named(cli: Cli, write: Write, cell: str) -> None:
    assert NAN in message(cli, write, "percent_change", cell)


@pytest.mark.parametrize(
    "cell",
    ["1,234,567", "1.234,5", "1,234.5", "1.500.000", "1 500 000", "-1.500.000", "12\u00a0345"],
)
def test_grouped_thousands_are_named(cli: Cli, write: Write, cell: str) -> None:
    assert THOUSANDS in message(cli, write, "percent_change", cell)


# --- The number pattern at its boundaries ----------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("5", 5.0),
        ("+5", 5.0),
        ("-5", -5.0),
        ("-0", 0.0),
        ("5.", 5.0),
        (".5", 0.5),
        ("-.5", -0.5),
        ("1e3", 1000.0),
        ("1E3", 1000.0),
        ("1e+3", 1000.0),
        ("25e-1", 2.5),
        ("1.5e2", 150.0),
        (" 12 ", 12.0),
        ("1.234", 1.234),  # one group of three: a decimal point, not thousands
        ("123 ", 123.0),
    ],
)
def test_the_number_pattern_reads_these(cli: Cli, write: Write, cell: str, value: float) -> None:
    assert read(cli, write, "percent_change", cell) == value


@pytest.mark.parametrize(
    ("cell", "told"),
    [
        ("e3", "'e3' is not a number [not-a-number]"),
        ("1e", "'1e' is not a number [not-a-number]"),
        ("1e3.5", "'1e3.5' is not a number [not-a-number]"),
        ("0x10", "'0x10' is not a number [not-a-number]"),
        ("1_000", "'1_000' is not a number [not-a-number]"),
        ("5-", "'5-' is not a number [not-a-number]"),
        ("+-5", "'+-5' is not a number [not-a-number]"),
        ("1..5", "'1..5' is not a number [not-a-number]"),
        ("12 34", "'12 34' is not a number [not-a-number]"),
        ("1 2345", "'1 2345' is not a number [not-a-number]"),
        ("1234 567", "'1234 567' is not a number [not-a-number]"),
        ("1.234.56", "'1.234.56' is not a number [not-a-number]"),
        ("1.234", None),  # read (above)
        ("\uff15\uff15", "has digits other than 0–9"),
        ("\u0665", "has digits other than 0–9"),
        ("\u201355", "starts with U+2013, a typeset minus or dash; write the minus as '-'"),
        ("\u221255", "starts with U+2212, a typeset minus or dash"),
        ("\u221255%", "starts with U+2212, a typeset minus or dash"),
        ("\u2014", DASH),
        ("abc", "'abc' is not a number [not-a-number]"),
    ],
)
def test_the_number_pattern_refuses_these(
    cli: Cli, write: Write, cell: str, told: str | None
) -> None:
    if told is None:
        return
    assert told in message(cli, write, "percent_change", cell)


def test_a_typeset_minus_on_a_percentage_is_named(cli: Cli, write: Write) -> None:
    assert "starts with U+2212" in message(cli, write, "percent", "\u221255%")


@pytest.mark.parametrize(
    "cell",
    [
        "2024-07-16",
        "2024-7-6",
        "2024-07-16T10:30:00",
        "2024-07-16 10:30",
        "16/07/2024",
        "7/16/05",
        "16.07.1905",
        "16-07-2024",
        "16/07/2024 10:30",
    ],
)
def test_a_date_is_named(cli: Cli, write: Write, cell: str) -> None:
    assert DATE in message(cli, write, "percent_change", cell)


@pytest.mark.parametrize("cell", ["16/07-2024", "16/07/202", "123/07/2024", "16/07/20245"])
def test_what_only_looks_like_a_date_is_not_one(cli: Cli, write: Write, cell: str) -> None:
    assert DATE not in message(cli, write, "percent_change", cell)


# --- Units, ranks and ranges -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "cell", "told"),
    [
        ("rank", "2.5", "is not a rank; a rank is a whole number"),
        ("rank", "0", "outside the range of rank (unit rank: ≥ 1)"),
        ("percent", "100.5", "outside the range of percent (unit percent: 0–100)"),
        ("percent", "-1", "outside the range of percent (unit percent: 0–100)"),
        ("count", "-1", "outside the range of count (unit count: ≥ 0)"),
    ],
)
def test_values_outside_their_units_range_are_refused(
    cli: Cli, write: Write, unit: str, cell: str, told: str
) -> None:
    assert told in message(cli, write, unit, cell)


@pytest.mark.parametrize(
    ("unit", "cell", "value"),
    [("rank", "1", 1.0), ("rank", "2.0", 2.0), ("percent", "100", 100.0), ("count", "0", 0.0)],
)
def test_values_at_the_edge_of_their_units_range_are_read(
    cli: Cli, write: Write, unit: str, cell: str, value: float
) -> None:
    assert read(cli, write, unit, cell) == value


def test_a_control_character_in_a_value_is_named(cli: Cli, write: Write) -> None:
    assert "U+001F" in message(cli, write, "percent", "\x1f55")


# --- Milestone words -------------------------------------------------------------------------------

DONE = ["yes", "true", "1", "done", "đạt", "hoàn thành", "có", "Yes", " DONE ", "Đạt", "Hoàn Thành"]
NOT_DONE = ["no", "false", "0", "not done", "chưa đạt", "chưa hoàn thành", "không", "No", "KHÔNG"]


@pytest.mark.parametrize("word", DONE)
def test_these_words_say_a_milestone_is_done(cli: Cli, write: Write, word: str) -> None:
    assert read(cli, write, "milestone", word) is True


@pytest.mark.parametrize("word", NOT_DONE)
def test_these_words_say_a_milestone_is_not_done(cli: Cli, write: Write, word: str) -> None:
    assert read(cli, write, "milestone", word) is False


@pytest.mark.parametrize("word", ["maybe", "x", "ok", "2", "đạt được", "n/a"])
def test_other_words_are_no_milestone(cli: Cli, write: Write, word: str) -> None:
    found = message(cli, write, "milestone", word)
    assert "[bad-milestone]" in found or (word == "n/a" and DASH in found)


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


def estimate_of(cli: Cli, write: Write, cell: str) -> object:
    actuals = write(
        f"indicator,year,value,estimate\npercent,2025,55,{quoted(cell)}\n", "actuals.csv"
    )
    ran = cli("check", actuals, "--targets", target_file(write), "-f", "json", "--fail-on", "never")
    if ran.code == 0:
        return json.loads(ran.out)["results"][0]["estimate"]
    return ran.err.splitlines()[0]


@pytest.mark.parametrize("word", ESTIMATE)
def test_these_words_mark_an_estimate(cli: Cli, write: Write, word: str) -> None:
    assert estimate_of(cli, write, word) is True


@pytest.mark.parametrize("word", MEASURED)
def test_these_words_mark_a_measured_value(cli: Cli, write: Write, word: str) -> None:
    assert estimate_of(cli, write, word) is False


@pytest.mark.parametrize("word", ["maybe", "2", "ước?", "estimated value"])
def test_other_words_in_an_estimate_column_are_refused(cli: Cli, write: Write, word: str) -> None:
    assert "[bad-estimate]" in str(estimate_of(cli, write, word))


# --- "No value" words --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "word", ["n/a", "na", "n.a.", "#n/a", "không có", "khong co", "không có số liệu", "N.A.", "NA"]
)
def test_no_value_words_are_told_to_leave_the_cell_empty(cli: Cli, write: Write, word: str) -> None:
    assert DASH in message(cli, write, "count", word)
    assert DASH in message(cli, write, "milestone", word)


# --- Years -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "told"),
    [
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
    ],
)
def test_year_cells_at_every_boundary(cli: Cli, write: Write, year: str, told: str) -> None:
    found = read(cli, write, "percent", "55", year=year)
    assert isinstance(found, str) and told in found, found


@pytest.mark.parametrize(("year", "as_of"), [("1900", 1900), (" 2024 ", 2024), ("2026", 2026)])
def test_years_that_are_read(cli: Cli, write: Write, year: str, as_of: int) -> None:
    actuals = write(f"indicator,year,value\npercent,{year},55\n", "actuals.csv")
    ran = cli("check", actuals, "--targets", target_file(write), "-f", "json", "--fail-on", "never")
    assert ran.code == 0, ran
    assert json.loads(ran.out)["as_of"] == as_of
