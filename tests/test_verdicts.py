"""Verdicts an analyst can trust (scoring and actuals, revision 2): `missed` only on the
deadline's own measured value, estimates marked wherever they show, a template that dates its
values right, and the files analysts really have read as they are meant."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, Cli

Write = Callable[..., Path]
EXAMPLES = ROOT / "examples"
HAIPHONG = EXAMPLES / "haiphong-actuals.csv"
HANOI = EXAMPLES / "hanoi-actuals.csv"


def results(cli: Cli, *args: str | Path) -> list[dict[str, object]]:
    ran = cli("check", *args, "-f", "json", "--fail-on", "never")
    assert ran.code == 0, ran
    rows: list[dict[str, object]] = json.loads(ran.out)["results"]
    return rows


def counts(rows: list[dict[str, object]], year: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in rows:
        if row["target_year"] == year:
            status = str(row["status"])
            found[status] = found.get(status, 0) + 1
    return found


def test_one_early_value_does_not_turn_a_target_year_into_missed(cli: Cli, write: Write) -> None:
    """The issue's first scenario: one 2025 row (a six-month estimate) added to Haiphong's 2024
    values moved as-of to 2025 and turned "4 achieved, 2 on track, 8 at risk" into "10 missed"."""
    before = results(cli, HAIPHONG)
    assert counts(before, 2025).get("missed", 0) == 0
    early = HAIPHONG.read_text(encoding="utf-8") + (
        "haiphong,records_online_commune,2025,58,ước,6-month estimate (ước 6 tháng),\n"
    )
    after_rows = results(cli, write(early, "early.csv"))
    assert counts(after_rows, 2025).get("missed", 0) == 0
    by_key = {(r["indicator"], r["target_year"]): r for r in after_rows}
    for row in before:  # every other verdict stands; the 2025 ones now wait for their value
        if row["indicator"] == "records_online_commune" or row["target_year"] != 2025:
            continue
        later = by_key[(row["indicator"], 2025)]
        assert later["status"] == row["status"] or (row["status"], later["status"]) in {
            ("on_track", "at_risk"),  # the trend read at 2025 from as-of 2025: the same line
            ("at_risk", "on_track"),
        }
        assert later["awaiting"] is True
    commune = by_key[("records_online_commune", 2025)]  # 58 (est.) against ≥ 60
    assert (commune["status"], commune["estimate"], commune["awaiting"]) == (
        "at_risk",
        True,
        True,
    )


def test_a_measured_failing_value_for_the_deadline_is_missed(cli: Cli, write: Write) -> None:
    measured = HAIPHONG.read_text(encoding="utf-8") + (
        "haiphong,records_online_commune,2025,58,,measured,\n"
    )
    row = next(
        r
        for r in results(cli, write(measured, "measured.csv"))
        if r["indicator"] == "records_online_commune" and r["target_year"] == 2025
    )
    assert (row["status"], row["estimate"], row["awaiting"]) == ("missed", False, False)


def test_the_hanoi_example_shows_no_missed_resting_on_a_2024_value(cli: Cli) -> None:
    rows = results(cli, HANOI)
    missed = [r for r in rows if r["status"] == "missed"]
    assert missed and all(r["actual_year"] == r["target_year"] for r in missed)
    assert all(not r["estimate"] for r in missed)
    economy = next(
        r
        for r in rows
        if r["indicator"] == "digital_economy_grdp_share" and r["target_year"] == 2025
    )
    assert (economy["actual"], economy["estimate"], economy["status"]) == (17.34, True, "at_risk")


@pytest.mark.parametrize(
    ("lang", "marked", "waiting"),
    [
        ("en", "17.34% (2025, est.)", "the 2025 value is an estimate; the measured value is not"),
        ("vi", "17,34% (2025, ước)", "số liệu năm 2025 là số ước tính"),
    ],
)
def test_estimates_and_awaiting_are_said_in_every_document(
    cli: Cli, lang: str, marked: str, waiting: str
) -> None:
    wide = {"COLUMNS": "250"}
    terminal = cli("check", HANOI, "--lang", lang, "--fail-on", "never", env=wide).out
    assert marked.split(" (")[0] in terminal and ("est.)" if lang == "en" else "ước)") in terminal
    assert ("awaiting 2025 value" if lang == "en" else "chờ số liệu năm 2025") in terminal
    explained = cli("check", HANOI, "--lang", lang, "--explain", "--fail-on", "never", env=wide)
    assert ("2025: 17.34% (est.)" if lang == "en" else "2025: 17,34% (ước)") in explained.out
    for fmt in ("markdown", "html"):
        document = cli("report", HANOI, "--lang", lang, "-f", fmt).out
        assert marked in document, fmt
        assert waiting in document, fmt
    table = cli("report", HANOI, "--lang", lang, "-f", "csv").out.lstrip("\ufeff")
    economy = next(
        row
        for row in csv.DictReader(io.StringIO(table))
        if row["indicator"] == "digital_economy_grdp_share" and row["target_year"] == "2025"
    )
    assert (economy["actual"], economy["estimate"], economy["awaiting"]) == (
        "17.34",
        "true",
        "true",
    )
    assert economy["awaiting_text"].startswith(waiting)
    both = cli("compare", HANOI, HAIPHONG, "--lang", lang, "-f", "markdown").out
    assert marked in both
    assert ("awaiting 2025 value" if lang == "en" else "chờ số liệu năm 2025") in both


def test_the_template_filled_in_as_written_scores_as_of_its_year(cli: Cli, write: Write) -> None:
    """The issue's second scenario: the template wrote the target years (2025, 2030) into the
    year column; filled in as written, the values were dated 2030 and "10 missed"."""
    import dxscore

    milestones = {
        indicator.id
        for indicator in (ind for _, ind in dxscore.find_target_set("haiphong").indicators())
        if indicator.unit == "milestone"
    }
    template = cli("template", "haiphong").out
    rows = list(csv.DictReader(io.StringIO(template)))
    for row in rows:
        row["value"] = "đạt" if row["indicator"] in milestones else "50"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    filled = write(buffer.getvalue(), "filled.csv")
    ran = cli("check", filled, "-f", "json", "--fail-on", "never")
    assert ran.code == 0, ran
    document = json.loads(ran.out)
    assert document["as_of"] == 2025  # the last full calendar year on the tests' fixed day
    assert not any(
        r["status"] == "missed" and r["actual_year"] != 2025 for r in document["results"]
    )
    assert "warning" not in ran.err  # the name and estimate columns are the template's own


def test_a_value_dated_in_the_future_is_refused(cli: Cli, write: Write) -> None:
    path = write(
        "city,indicator,year,value\nhaiphong,records_online_commune,2030,50\n"
        "haiphong,records_online_commune,2031,\n",  # an empty cell dated ahead says nothing
        "future.csv",
    )
    ran = cli("check", path)
    assert ran.code == 2
    assert ran.err.splitlines()[0] == (
        f"{path}:2:3: year: 2030 is after the current year (2026): a measured value of"
        " records_online_commune cannot be dated in the future; write the year it was measured"
        " in (a target for 2030 belongs in the target file, not in the actuals) [future-year]"
    )
    vietnamese = cli("check", path, "--lang", "vi").err
    assert "năm 2030 ở sau năm hiện tại (2026)" in vietnamese
    wide = write("city,indicator,2025,2027\nhaiphong,records_online_commune,50,\n", "wide.csv")
    assert cli("check", wide, "--fail-on", "never").code == 0  # an empty future column is fine
    wide = write("city,indicator,2025,2027\nhaiphong,records_online_commune,50,60\n", "wide2.csv")
    ran = cli("check", wide)
    assert ran.code == 2 and f"{wide}:2:4: 2027: 2027 is after the current year" in ran.err


def test_fractions_of_one_for_a_percentage_are_warned_of(cli: Cli, write: Write) -> None:
    path = write(
        "city,indicator,year,value\nhaiphong,records_online_commune,2023,0.44\n"
        "haiphong,records_online_commune,2024,0.55\nhaiphong,inspections_online,2024,41\n",
        "fractions.csv",
    )
    ran = cli("check", path, "--fail-on", "never")
    assert ran.code == 0
    assert (
        f"warning: {path}:2: every value of records_online_commune (haiphong) lies between 0 and 1"
        " (lines 2, 3) while its targets are percentages above 1: 0.44 is read as 0.44%; if 44%"
        " is meant, write 44"
    ) in ran.err
    assert "inspections_online" not in ran.err


@pytest.mark.parametrize("cell", ["N/A", "n/a", "NA", "không có", "-", "#N/A"])
def test_not_available_is_refused_with_the_advice_a_dash_gets(
    cli: Cli, write: Write, cell: str
) -> None:
    path = write(f"city,indicator,year,value\nhaiphong,records_online_commune,2024,{cell}\n")
    ran = cli("check", path)
    assert ran.code == 2
    assert (
        f"{path}:2:4: value: '{cell}' is not a number; leave the cell empty when the value is not reported"
        in ran.err
    )


def test_a_dash_as_the_file_is_standard_input(cli: Cli) -> None:
    text = HAIPHONG.read_text(encoding="utf-8")
    ran = cli.runner.invoke(
        __import__("dxscore.cli", fromlist=["app"]).app,
        ["check", "-", "-f", "json", "--fail-on", "never"],
        input=text,
    )
    assert ran.exit_code == 0, ran.stderr
    from_file = json.loads(cli("check", HAIPHONG, "-f", "json", "--fail-on", "never").out)
    assert json.loads(ran.stdout)["results"] == from_file["results"]
    broken = cli.runner.invoke(
        __import__("dxscore.cli", fromlist=["app"]).app,
        ["check", "-"],
        input="city,indicator,year,value\nhaiphong,records_online_commune,2024,abc\n",
    )
    assert broken.exit_code == 2
    assert broken.stderr.startswith("<stdin>:2:4: value: 'abc' is not a number")


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("Mã chỉ tiêu;Năm báo cáo;Giá trị thực hiện", "records_online_commune;2024;52"),
        ("Chỉ tiêu;Năm;Kết quả", "records_online_commune;2024;52"),
        (
            "Tên chỉ tiêu;Năm;Kết quả thực hiện",
            "Hồ sơ công việc cấp xã được xử lý trên môi trường mạng;2024;52",
        ),
        (
            "Chỉ tiêu;Tên chỉ tiêu;Năm;Số liệu",
            "records_online_commune;whatever the sheet says;2024;52",
        ),
        ("indicator;name;year;Thực hiện", "records_online_commune;;2024;52"),
    ],
)
def test_vietnamese_headings_are_read(cli: Cli, write: Write, header: str, row: str) -> None:
    path = write(f"{header}\n{row}\n", "vi.csv")
    ran = cli("check", path, "--city", "haiphong", "-f", "json", "--fail-on", "never")
    assert ran.code == 0, ran
    commune = [
        r for r in json.loads(ran.out)["results"] if r["indicator"] == "records_online_commune"
    ]
    assert {r["actual"] for r in commune} == {52.0}
    by_name = header.startswith("Tên chỉ tiêu")
    assert ("its indicator by its name" in ran.err) is by_name
    assert "not used" not in ran.err  # a name column is never data, never warned about


@pytest.mark.parametrize(
    ("heading", "cell", "estimate"),
    [
        ("estimate", "yes", True),
        ("Ước tính", "ước", True),
        ("Ước", "x", True),
        ("Estimate", "", False),
        ("estimate", "không", False),
    ],
)
def test_the_estimate_column(
    cli: Cli, write: Write, heading: str, cell: str, estimate: bool
) -> None:
    path = write(
        f"city,indicator,year,value,{heading}\nhaiphong,records_online_commune,2024,52,{cell}\n"
    )
    row = next(r for r in results(cli, path) if r["indicator"] == "records_online_commune")
    assert row["estimate"] is estimate


def test_a_word_that_says_neither_estimate_nor_measured_is_refused(cli: Cli, write: Write) -> None:
    path = write(
        "city,indicator,year,value,estimate\nhaiphong,records_online_commune,2024,52,maybe\n"
    )
    ran = cli("check", path)
    assert ran.code == 2
    assert f"{path}:2:5: estimate: 'maybe' does not say whether the value is an estimate" in ran.err


def test_an_estimate_column_in_the_wide_layout_is_refused(cli: Cli, write: Write) -> None:
    path = write("city,indicator,2024,estimate\nhaiphong,records_online_commune,52,x\n")
    ran = cli("check", path)
    assert ran.code == 2 and f"{path}:1:4: estimate: an estimate column cannot say" in ran.err


def test_a_percentage_written_as_a_fraction_in_one_year_is_warned_of(
    cli: Cli, write: Write
) -> None:
    """0.82 in 2024 (82% meant) and 91 in 2025: read as written, the trend jumps from 0.82% to
    91% and projects far past 100%; the warning names both lines and what to write, after the
    report, where it does not scroll away."""
    path = write(
        "city,indicator,year,value\nhaiphong,records_online_city,2023,80\n"
        "haiphong,records_online_city,2024,0.82\nhaiphong,records_online_city,2025,91\n"
        "haiphong,records_online_commune,2024,0.4\nhaiphong,records_online_commune,2025,30\n",
        "mixed.csv",
    )
    ran = cli("check", path, "--fail-on", "never")
    assert ran.code == 0
    warning = (
        f"warning: {path}:3: records_online_city (haiphong) is 0.82 on line 3 but 91 on line 4:"
        " 0.82 is read as 0.82%, and the trend jumps; if 82% is meant, write 82"
    )
    assert warning in ran.err
    # 0.4 beside 30: 40% is as likely as a fall to 0.4%, so it is warned of too; a fall from
    # 25% to 0.1% (10%, under half of 25) is taken as written
    assert "records_online_commune (haiphong) is 0.4 on line 5 but 30 on line 6" in ran.err
    fall = write(
        "city,indicator,year,value\nhaiphong,records_online_city,2023,25\n"
        "haiphong,records_online_city,2024,0.1\n",
        "fall.csv",
    )
    assert "warning" not in cli("check", fall, "--fail-on", "never").err
    vietnamese = cli("check", path, "--fail-on", "never", "--lang", "vi").err
    assert "là 0.82 ở dòng 3 nhưng 91 ở dòng 4" in vietnamese
    # JSON callers get the same warning on standard error
    assert warning in cli("check", path, "-f", "json", "--fail-on", "never").err


def test_warnings_come_after_the_terminal_report_and_before_the_verdict(
    cli: Cli, write: Write
) -> None:
    path = write(
        "city,indicator,year,value\nhaiphong,records_online_commune,2023,0.44\n"
        "haiphong,records_online_commune,2024,0.55\n",
        "fractions.csv",
    )
    # one stream, as a terminal shows them (standard output and error interleaved)
    ran = subprocess.run(
        [sys.executable, "-m", "dxscore", "check", str(path), "--fail-on", "never"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "80"},
        check=False,
    )
    shown = ran.stdout
    assert ran.returncode == 0, shown
    assert "0.44 is read as 0.44%; if 44% is meant, write 44" in shown
    assert shown.index("Scores by pillar") < shown.index("warning:")
    assert shown.index("warning:") < shown.index("31 without data")


def test_a_missing_actuals_file_is_not_found_and_a_close_name_is_offered(
    cli: Cli, write: Write
) -> None:
    """The same type as validate's for a missing file; a typo'd name gets the file it resembles."""
    there = write(
        "city,indicator,year,value\nhaiphong,records_online_commune,2024,50\n", "hp2025.csv"
    )
    typo = there.with_name("hp2052.csv")
    ran = cli("check", typo)
    assert ran.code == 2
    assert f"{typo}: no such file or folder; did you mean '{there}'? [not-found]" in ran.err
    far = there.with_name("something-else.csv")
    assert f"{far}: no such file or folder [not-found]" in cli("check", far).err
    vietnamese = cli("report", typo, "-o", there.with_name("r.md"), "--lang", "vi").err
    assert f"không có tệp hay thư mục này; có phải là '{there}' không?" in vietnamese


@pytest.mark.parametrize("heading", ["Giá trị (%)", "Giá trị [%]", "Value (tỷ đồng)", "Kết quả(%)"])
def test_a_unit_in_brackets_after_a_heading_is_left_aside(
    cli: Cli, write: Write, heading: str
) -> None:
    path = write(f"Mã chỉ tiêu,Năm,{heading}\nrecords_online_commune,2024,55\n", "unit.csv")
    document = json.loads(
        cli("check", path, "--city", "haiphong", "-f", "json", "--fail-on", "never").out
    )
    read = [r for r in document["results"] if r["indicator"] == "records_online_commune"]
    assert read and all(r["actual"] == 55 for r in read)


def test_an_estimate_mark_in_brackets_is_not_taken_for_a_unit(cli: Cli, write: Write) -> None:
    """'Giá trị (ước)' says the values are estimates: not read as measured ones; the message
    lists the Vietnamese headings in English too (the sheet was made in a Vietnamese office)."""
    path = write("indicator,year,Giá trị (ước)\nrecords_online_commune,2024,55\n", "est.csv")
    ran = cli("check", path, "--city", "haiphong")
    assert ran.code == 2
    assert (
        f"{path}:1:1: missing column(s): value; the headings found are 'indicator', 'year',"
        " 'Giá trị (ước)'. Head the column(s) so: value: value, actual, giá trị, giá trị thực hiện"
    ) in ran.err


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        (
            "15.2 (ước)",
            "'15.2 (ước)' marks an estimate in the value cell; write 15.2 here and mark",
        ),
        (
            "15,2 (ước tính)",
            "'15,2 (ước tính)' marks an estimate in the value cell; write 15,2 here",
        ),
        ("15.2 ước", "'15.2 ước' marks an estimate in the value cell; write 15.2 here"),
        ("15.2 [est.]", "'15.2 [est.]' marks an estimate in the value cell; write 15.2 here"),
        ("61% - sơ bộ", "'61% - sơ bộ' has words after the number; write 61 here and the words in"),
        (
            "44 (số liệu 6 tháng)",
            "'44 (số liệu 6 tháng)' has words after the number; write 44 here",
        ),
        ("12abc", "'12abc' is not a number"),
        ("1e5x", "'1e5x' is not a number"),
        ("5 [1]", "'5 [1]' is not a number"),
    ],
)
def test_words_after_a_number_are_refused_with_where_they_belong(
    cli: Cli, write: Write, cell: str, said: str
) -> None:
    path = write(f'city,indicator,year,value\nhaiphong,records_online_commune,2024,"{cell}"\n')
    ran = cli("check", path)
    assert ran.code == 2
    assert f"{path}:2:4: value: {said}" in ran.err
    if "estimate" in said:
        vietnamese = cli("check", path, "--lang", "vi").err
        assert "hãy ghi 15" in vietnamese and "ở cột ước tính (ước)" in vietnamese


def test_part_of_a_name_is_told_the_indicators_whose_names_hold_it(cli: Cli, write: Write) -> None:
    """Never read as a guess: a part of one name gets that id offered, a part of several
    names gets them all listed; a part too short to mean anything gets neither."""
    path = write(
        "indicator,year,value\nHồ sơ công việc cấp xã,2024,50\nHồ sơ công việc,2024,50\n"
        "Hồ sơ,2024,50\n",
        "names.csv",
    )
    ran = cli("check", path, "--city", "haiphong")
    assert ran.code == 2
    assert (
        f"{path}:2:1: indicator: unknown indicator 'Hồ sơ công việc cấp xã' for haiphong;"
        " did you mean 'records_online_commune'?"
    ) in ran.err
    assert (
        f"{path}:3:1: indicator: 'Hồ sơ công việc' is close to the names of several indicators"
        " of haiphong (records_online_city, records_online_commune, records_online_district)"
    ) in ran.err
    assert f"{path}:4:1: indicator: unknown indicator 'Hồ sơ' for haiphong; `dxscore" in ran.err


def test_one_row_written_by_name_is_said_as_one(cli: Cli, write: Write) -> None:
    path = write(
        "indicator,year,value\nHồ sơ công việc cấp xã được xử lý trên môi trường mạng,2024,50\n",
        "one.csv",
    )
    ran = cli("check", path, "--city", "haiphong", "--fail-on", "never")
    assert f"warning: {path}:2: the row on line 2 names its indicator by its name" in ran.err
    assert "row(s)" not in ran.err


def test_one_value_as_a_fraction_of_one_is_said_as_the_only_one(cli: Cli, write: Write) -> None:
    path = write("city,indicator,year,value\nhaiphong,records_online_commune,2025,0.66\n")
    ran = cli("check", path, "--fail-on", "never")
    assert (
        f"warning: {path}:2: the only value of records_online_commune (haiphong), on line 2,"
        " lies between 0 and 1 while its targets are percentages above 1: 0.66 is read as"
        " 0.66%; if 66% is meant, write 66"
    ) in ran.err
