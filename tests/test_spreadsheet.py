"""Actuals from .xlsx workbooks: the same layouts and checks as CSV, problems naming the sheet."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from conftest import ROOT, Cli

DATA = Path(__file__).parent / "data"
WORKED = DATA / "worked.yaml"


def as_number(cell: str) -> object:
    for kind in (int, float):
        try:
            return kind(cell)
        except ValueError:
            continue
    return cell


def new_book() -> tuple[Workbook, Worksheet]:
    """An empty workbook and its one sheet."""
    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    return book, sheet


def workbook_from_csv(
    source: Path, target: Path, sheet: str = "Số liệu", extra_first_sheet: bool = False
) -> Path:
    """An Excel copy of a CSV, with numbers stored as numbers, as Excel would store them."""
    book, first = new_book()
    if extra_first_sheet:
        first.title = "Ghi chú"
        first.append(["this sheet holds notes, not data"])
        data = book.create_sheet(sheet)
    else:
        first.title = sheet
        data = first
    with source.open(encoding="utf-8") as handle:
        for row in csv.reader(handle):
            data.append([as_number(cell) for cell in row])
    book.save(target)
    return target


def with_sheet_xml(source: Path, target: Path, edit: Callable[[str], str]) -> Path:
    """A copy of a workbook with its first sheet's XML edited, as other writers write it."""
    with zipfile.ZipFile(source) as book, zipfile.ZipFile(target, "w") as copy:
        for item in book.infolist():
            data = book.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode()).encode()
            copy.writestr(item, data)
    return target


def government_2025(cli: Cli, path: Path) -> dict[str, object]:
    """The actual each 2025 government target of the worked example was scored with."""
    document = scored(cli, path, "-t", WORKED, "--year", "2025", "--pillar", "government")
    return {r["indicator"]: r["actual"] for r in document["results"]}


def scored(cli: Cli, *args: str | Path) -> dict:  # type: ignore[type-arg]
    """The JSON document's verdicts (its warnings, which name the file read, left out)."""
    result = cli("check", *args, "--format", "json", "--fail-on", "never")
    assert result.code == 0, result
    document = json.loads(result.out)
    del document["warnings"]
    return document  # type: ignore[no-any-return]


def test_an_xlsx_copy_of_the_example_scores_identically(cli: Cli, tmp_path: Path) -> None:
    example = ROOT / "examples" / "hanoi-actuals.csv"
    book = workbook_from_csv(example, tmp_path / "hanoi.xlsx")
    assert scored(cli, book) == scored(cli, example)


def test_sheet_chooses_the_sheet(cli: Cli, tmp_path: Path) -> None:
    actuals = DATA / "worked-actuals.csv"
    book = workbook_from_csv(actuals, tmp_path / "w.xlsx", "Data", extra_first_sheet=True)
    assert scored(cli, book, "-t", WORKED, "--sheet", "Data") == scored(cli, actuals, "-t", WORKED)
    result = cli("check", book, "-t", WORKED, "--sheet", "Sheet9")
    assert result.code == 2
    assert (
        f"{book}:1:1: the workbook has no sheet 'Sheet9'; its sheets: 'Ghi chú', 'Data' [unknown-sheet]"
        in result.err
    )
    decomposed = unicodedata.normalize(
        "NFD", "ghi CHÚ"
    )  # the same name to Excel, typed another way
    assert cli("check", book, "-t", WORKED, "--sheet", decomposed).err.startswith(
        f"{book}!Ghi chú:1:1: missing column(s)"
    )
    first = cli("check", book, "-t", WORKED)  # the first sheet holds no data columns
    assert first.code == 2 and f"{book}!Ghi chú:1:1: missing column(s)" in first.err
    # the sheet not read is named (found by an analyst campaign: a second year's table
    # on a second sheet went unread without a word)
    assert (
        f"warning: {book}: only the sheet 'Ghi chú' is read; the workbook's other sheets"
        " ('Data') are not: choose one with --sheet"
    ) in first.err


def test_problems_name_the_sheet_row_and_column(cli: Cli, tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.title = "2024"
    sheet.append(["indicator", "year", "value"])
    sheet.append(["dx_rank", 2024, 3])
    sheet.append([])
    sheet.append(["records_online_commune", 2024, "năm mươi"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert (
        result.err.splitlines()[0]
        == f"{path}!2024:4:3: value: 'năm mươi' is not a number [not-a-number]"
    )
    document = json.loads(cli("validate", WORKED, "--actuals", path, "--format", "json").out)
    assert {Path(f["file"]).name: f["valid"] for f in document["files"]} == {
        "worked.yaml": True,
        "bad.xlsx": False,
    }


def test_percent_formatted_cells_and_dates(cli: Cli, tmp_path: Path) -> None:
    import datetime

    book, sheet = new_book()
    sheet.append(["indicator", "year", "value"])
    sheet.append(["records_online_commune", 2024, 0.55])
    sheet["C2"].number_format = "0%"  # Excel stores 55% as 0.55
    sheet.append(["inspections_online", 2024, datetime.date(2024, 5, 1)])
    path = tmp_path / "p.xlsx"
    book.save(path)
    result = cli("check", path, "-t", WORKED)
    assert (
        result.err.splitlines()[0]
        == f"{path}!Sheet:3:3: value: '2024-05-01' is a date, not a number (Excel turns some"
        " entries into dates: format the cells as Number and type the value again) [not-a-number]"
    )
    sheet.delete_rows(3)
    book.save(path)
    assert government_2025(cli, path)["records_online_commune"] == 55.0


def test_a_percentage_cell_keeps_every_digit(cli: Cli, tmp_path: Path) -> None:
    """Found by a test campaign: 0.59999999999 shown as 60.00% read as 60 (ten significant
    digits) and met "≥ 60%"; a plain cell of the same precision did not."""
    book, sheet = new_book()
    sheet.append(["indicator", "year", "value"])
    sheet.append(["records_online_commune", 2024, 0.59999999999])
    sheet.append(["inspections_online", 2024, 0.07])
    for cell in ("C2", "C3"):
        sheet[cell].number_format = "0.00%"
    path = tmp_path / "p.xlsx"
    book.save(path)
    actual = government_2025(cli, path)
    assert actual["records_online_commune"] == 59.999999999
    assert actual["inspections_online"] == 7.0  # not 7.000000000000001


def test_a_file_that_is_not_a_workbook(cli: Cli, tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("indicator,year,value\n", encoding="utf-8")
    result = cli("check", fake, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(
        f"{fake}:1:1: this is not an .xlsx workbook: an .xlsx file is a zip"
    )


def test_a_wrong_declared_sheet_size_loses_no_row(cli: Cli, tmp_path: Path) -> None:
    good = workbook_from_csv(DATA / "worked-actuals.csv", tmp_path / "good.xlsx")
    bad = with_sheet_xml(
        good,
        tmp_path / "bad.xlsx",
        lambda xml: re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:C2"/>', xml),
    )
    assert scored(cli, bad, "-t", WORKED) == scored(cli, good, "-t", WORKED)


def test_a_formula_without_a_computed_value_is_named(cli: Cli, tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["indicator", "year", "value"])
    sheet.append(["dx_rank", 2024, "=2+3"])  # openpyxl saves formulas without computing them
    path = tmp_path / "formula.xlsx"
    book.save(path)
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert f"{path}!Sheet:2:3: the cell holds the formula =2+3 but no computed value" in result.err


def test_a_chart_sheet_is_not_read_as_cells(cli: Cli, tmp_path: Path) -> None:
    book, sheet = new_book()
    for n in range(1, 4):
        sheet.append([n])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=3))
    book.create_chartsheet("Biểu đồ").add_chart(chart)
    path = tmp_path / "chart.xlsx"
    book.save(path)
    result = cli("check", path, "-t", WORKED, "--sheet", "Biểu đồ")
    assert result.code == 2
    assert result.err.startswith(
        f"{path}:1:1: the sheet 'Biểu đồ' holds a chart, not cells; name a worksheet with --sheet"
    )


def test_a_chart_sheet_without_a_chart_does_not_stop_the_worksheets_being_read(
    cli: Cli, tmp_path: Path
) -> None:
    """openpyxl could not read such a workbook at all (an AttributeError, its words shown to the
    user); dxscore reads only the sheet it is asked for, and a chart sheet is not one."""
    book = workbook_from_csv(DATA / "worked-actuals.csv", tmp_path / "data.xlsx")
    loaded = load_workbook(book)
    loaded.create_chartsheet("Chart")
    loaded.save(book)
    assert scored(cli, book, "-t", WORKED)["results"]
    result = cli("check", book, "-t", WORKED, "--sheet", "chart")
    assert result.code == 2
    assert result.err.startswith(f"{book}:1:1: the sheet 'Chart' holds a chart, not cells")


def test_a_cell_formatted_far_to_the_right_changes_nothing(cli: Cli, tmp_path: Path) -> None:
    """Found by a test campaign: a bold empty cell in column XFD on each row made openpyxl pad
    every row to 16,384 cells, and 20,000 rows took 84 s. What is read must not change: data
    in a column without a heading, and a formula never computed, are still found."""
    plain = workbook_from_csv(DATA / "worked-actuals.csv", tmp_path / "plain.xlsx")
    book, sheet = new_book()
    with (DATA / "worked-actuals.csv").open(encoding="utf-8") as handle:
        for number, row in enumerate(csv.reader(handle), 1):
            sheet.append([as_number(cell) for cell in row])
            sheet.cell(number, 16384).font = Font(bold=True)
    book.save(tmp_path / "wide.xlsx")
    assert scored(cli, tmp_path / "wide.xlsx", "-t", WORKED) == scored(cli, plain, "-t", WORKED)

    sheet.cell(3, 40).value = "stray"
    book.save(tmp_path / "wide.xlsx")
    stray = cli("check", tmp_path / "wide.xlsx", "-t", WORKED, "--fail-on", "never").err
    assert "wide.xlsx!Sheet:3:40: a column without a header holds data" in stray
    sheet.cell(4, 3).value = "=B4*2"  # openpyxl saves no value for it
    book.save(tmp_path / "wide.xlsx")
    result = cli("check", tmp_path / "wide.xlsx", "-t", WORKED)
    assert result.code == 2
    assert "!Sheet:4:3: " in result.err and "[formula-without-value]" in result.err


def test_a_missing_folder_or_empty_workbook_is_said_as_for_a_csv(cli: Cli, tmp_path: Path) -> None:
    """Found by a test campaign: these gave openpyxl's exception text and "save it from Excel"."""
    (tmp_path / "folder.xlsx").mkdir()
    (tmp_path / "empty.xlsx").write_bytes(b"")
    expected = {
        "missing.xlsx": "no such file or folder [not-found]",
        "folder.xlsx": "cannot read the file: Is a directory [unreadable]",
        "empty.xlsx": "1:1: the file is empty; see `dxscore template` for the format [empty-file]",
    }
    for name, message in expected.items():
        result = cli("check", tmp_path / name, "-t", WORKED)
        assert result.code == 2
        separator = ":" if message[:1].isdigit() else ": "
        assert result.err.splitlines()[0] == f"{tmp_path / name}{separator}{message}"


def test_sheet_and_encoding_options_that_would_do_nothing(cli: Cli, tmp_path: Path) -> None:
    actuals = DATA / "worked-actuals.csv"
    result = cli("check", actuals, "-t", WORKED, "--sheet", "Data")
    assert result.code == 2 and result.err.startswith("--sheet: no input is an .xlsx workbook")
    book = workbook_from_csv(actuals, tmp_path / "w.xlsx")
    result = cli("check", book, "-t", WORKED, "--encoding", "cp1258")
    assert result.code == 2 and result.err.startswith("--encoding: every input is an .xlsx")
    for command in (("validate", "--sheet", "Data"), ("compare", "--encoding", "cp1258")):
        result = cli(*command)  # no actuals at all
        assert result.code == 2 and "there is no actuals file for this option" in result.err
    assert "[option-unused]" in cli("validate", "--city", "hanoi").err
    both = cli("check", book, actuals, "-t", WORKED, "--encoding", "utf-8", "--fail-on", "never")
    assert both.code == 2 and "[duplicate-row]" in both.err  # read: the option applies to one


def test_a_column_without_a_header_is_warned_of_as_in_a_csv(cli: Cli, tmp_path: Path) -> None:
    """A sheet's rows end at their last value: a row reaching past the header is data in a
    column without one, as in a CSV, not a ragged row."""
    book, sheet = new_book()
    sheet.append(["indicator", "year", "value"])
    sheet.append(["dx_rank", 2023, 5])
    sheet.append(["dx_rank", 2024, 4, None, "a remark"])
    path = tmp_path / "unnamed.xlsx"
    book.save(path)
    result = cli("check", path, "-t", WORKED, "--fail-on", "never")
    assert result.code == 0, result
    assert f"{path}!Sheet:3:5: a column without a header holds data" in result.err
    assert json.loads(cli("check", path, "-t", WORKED, "-f", "json").out)["as_of"] == 2024


def test_a_literal_percent_sign_in_the_format_is_not_a_percentage(cli: Cli, tmp_path: Path) -> None:
    """``0.0"%"``, ``0.0\\%`` and ``0.0_%`` print 7.2 and a % sign or room for one: 7.2."""
    book, sheet = new_book()
    sheet.append(["indicator", "year", "value"])
    shown = (('0.0"%"', 7.2), ("0.0\\%", 7.2), ("0.0_%", 7.2), ("0.0%", 0.072))  # all 7.2%
    for row, (number_format, stored) in enumerate(shown, 2):
        sheet.append(["records_online_commune", 2019 + row, stored])
        sheet[f"C{row}"].number_format = number_format
    path = tmp_path / "literal.xlsx"
    book.save(path)
    result = cli("check", path, "-t", WORKED, "--explain", "--format", "json")
    rows = json.loads(result.out)["results"]
    seen = {
        o["year"]: o["value"]
        for r in rows
        if r["indicator"] == "records_online_commune"
        for o in r["explain"]["observations"]
    }
    assert seen == {2021: 7.2, 2022: 7.2, 2023: 7.2, 2024: 7.2}


def test_a_hidden_first_sheet_is_passed_over_for_the_first_one_shown(
    cli: Cli, tmp_path: Path
) -> None:
    example = ROOT / "examples" / "hanoi-actuals.csv"
    book = workbook_from_csv(example, tmp_path / "hidden.xlsx", extra_first_sheet=True)
    from openpyxl import load_workbook

    edited = load_workbook(book)
    hidden = edited["Ghi chú"]
    hidden.append(["indicator", "year", "value"])
    hidden.sheet_state = "hidden"
    edited.active = 1
    edited.save(book)
    assert scored(cli, book) == scored(cli, example)


def test_xls_and_ods_files_are_refused_with_what_to_do(cli: Cli, tmp_path: Path) -> None:
    """Told apart by their first bytes, not their names: a portal's "Excel export" named .xls
    is often CSV text, and is read as such."""
    for name, magic in (
        ("book.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        ("book.ods", b"PK\x03\x04"),
    ):
        path = tmp_path / name
        path.write_bytes(magic + bytes(range(256)))
        result = cli("check", path, "-t", WORKED)
        assert result.code == 2
        assert result.err.startswith(
            f"{path}:1:1: this is a spreadsheet file (such as .xls or .ods), not CSV text;"
        ), result.err
    export = tmp_path / "export.xls"
    export.write_bytes((ROOT / "examples" / "hanoi-actuals.csv").read_bytes())
    assert scored(cli, export) == scored(cli, ROOT / "examples" / "hanoi-actuals.csv")


def test_a_table_lower_down_the_sheet_is_found_and_rows_keep_their_numbers(
    cli: Cli, tmp_path: Path
) -> None:
    book, sheet = new_book()
    sheet["A3"], sheet["B3"], sheet["C3"] = "indicator", "year", "value"
    sheet.append(["records_online_commune", 2024, 50])
    sheet.append(["dx_rank", 2024, "x"])
    path = tmp_path / "lower.xlsx"
    book.save(path)
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert (
        result.err.splitlines()[0] == f"{path}!Sheet:5:3: value: 'x' is not a number [not-a-number]"
    )
    sheet.delete_rows(5)
    book.save(path)
    assert government_2025(cli, path)["records_online_commune"] == 50


def test_a_title_above_the_table_is_skipped_and_its_merged_data_still_refused(
    cli: Cli, tmp_path: Path
) -> None:
    """Found by a README audit: a title merged over the table's width was taken for the
    header, so the sheet was refused for missing columns."""
    book, sheet = new_book()
    sheet["A1"] = "BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ NĂM 2024"
    sheet.merge_cells("A1:D1")
    sheet["A2"], sheet["C2"] = "Đơn vị: %", "Kỳ: 2024"  # a subtitle of two cells, too
    sheet.append(["indicator", "year", "value", "area"])
    sheet.append(["records_online_commune", 2024, 30, "Sóc Sơn"])
    path = tmp_path / "titled.xlsx"
    book.save(path)
    document = scored(cli, path, "-t", WORKED, "--year", "2025", "--pillar", "government")
    [result] = [r for r in document["results"] if r["indicator"] == "records_online_commune"]
    assert (result["area"], result["actual"]) == ("Sóc Sơn", 30.0)

    sheet.append(["inspections_online", 2024, 20, None])
    sheet.merge_cells("D4:D5")  # the table's columns come from its header, not the title
    book.save(path)
    refused = cli("check", path, "-t", WORKED)
    assert refused.code == 2
    assert refused.err.startswith(f"{path}!Sheet:4:4: cells D4:D5 are merged")


def test_numbers_read_as_excel_shows_them_and_formulas_only_in_the_table(
    cli: Cli, tmp_path: Path
) -> None:
    """Found by an analyst campaign: 0.7+0.2 stored as 0.8999999999999999 missed a 90% target
    that Excel shows (and exports to CSV) as 90.0%; an array formula never computed was read
    as an empty cell; a =TODAY() in the title refused the workbook."""
    from openpyxl.worksheet.formula import ArrayFormula

    book, sheet = new_book()
    sheet.append(["Ngày lập:", "=TODAY()"])  # above the table: not read
    sheet.append(["indicator", "year", "value"])
    sheet.append(["records_online_commune", 2025, 1.4 - 0.8])  # 0.6 to Excel, 0.59999… stored
    sheet["C3"].number_format = "0.0%"
    sheet.append(["inspections_online", 2025, 50.00000000000001])  # 50 to Excel: not above 50
    path = tmp_path / "noise.xlsx"
    book.save(path)
    assert 1.4 - 0.8 < 0.6
    actual = {
        r["indicator"]: (r["actual"], r["status"])
        for r in scored(cli, path, "-t", WORKED, "--year", "2025")["results"]
    }
    assert actual["records_online_commune"] == (60.0, "achieved")
    assert actual["inspections_online"] == (50.0, "missed")

    sheet.append(["dx_rank", 2024, None])
    sheet["C5"] = ArrayFormula("C5", "=MIN(C4:C4)")
    book.save(path)
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(f"{path}!Sheet:5:3: the cell holds the formula =MIN(C4:C4)")


def test_a_year_formatted_as_a_date_says_how_to_fix_it(cli: Cli, tmp_path: Path) -> None:
    """Found by an analyst campaign: 2024 in a date cell reads 1905-07-16, and the message
    said to write 1905."""
    book, sheet = new_book()
    sheet.append(["indicator", "year", "value"])
    sheet.append(["records_online_commune", 2024, 55])
    sheet["B2"].number_format = "dd/mm/yyyy"
    path = tmp_path / "date.xlsx"
    book.save(path)
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(
        f"{path}!Sheet:2:2: year: '1905-07-16' is a date, not a year (a year typed into a cell"
        " formatted as a date: format the cells as Number and type the year again) [bad-year]"
    )


def test_a_year_heading_formatted_as_a_date_says_how_to_fix_it(cli: Cli, tmp_path: Path) -> None:
    """Found by an analyst campaign: a wide sheet's heading 2024 in a date cell reads
    1905-07-16, and the message said to head the column 1905."""
    book, sheet = new_book()
    sheet.append(["indicator", 2023, 2024])
    sheet.append(["records_online_commune", 50, 55])
    sheet["C1"].number_format = "dd/mm/yyyy"
    path = tmp_path / "date.xlsx"
    book.save(path)
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(
        f"{path}!Sheet:1:3: 1905-07-16: '1905-07-16' is a date, not a year (a year typed into a"
        " cell formatted as a date"
    ), result.err
    assert "1905 alone" not in result.err


def test_a_formula_excel_computed_to_empty_text_is_an_empty_cell(cli: Cli, tmp_path: Path) -> None:
    """Found by a test campaign: Excel saves =IF(…,"lỗi","") that came out empty as a text
    cell with an empty value; it was taken for a formula never computed, and the whole
    workbook refused with advice (save it in Excel) that could not help."""
    book, sheet = new_book()
    sheet.append(["indicator", "year", "value", "note"])
    sheet.append(["records_online_commune", 2024, 55, '=IF(C2>100,"lỗi","")'])
    plain = tmp_path / "plain.xlsx"
    book.save(plain)

    def as_excel(xml: str) -> str:  # the computed "": t="str" and <v></v>
        edited, count = re.subn(
            r'<c r="D2"([^>]*)>(<f>.*?</f>)<v\s*/>', r'<c r="D2"\1 t="str">\2<v></v>', xml
        )
        assert count == 1, xml
        return edited

    saved = with_sheet_xml(plain, tmp_path / "excel.xlsx", as_excel)
    document = scored(cli, saved, "-t", WORKED, "--year", "2025", "--pillar", "government")
    result = {r["indicator"]: r for r in document["results"]}["records_online_commune"]
    assert (result["actual"], result["note"]) == (55.0, None)
    never = cli("check", plain, "-t", WORKED)  # written by a program, never computed
    assert never.code == 2 and "[formula-without-value]" in never.err


def test_merged_cells_are_found_in_a_sheet_written_with_namespace_prefixes(
    cli: Cli, tmp_path: Path
) -> None:
    """Writers such as the OpenXML SDK write <x:sheetData>, <x:mergeCell>: the merge went
    unnoticed, and a district's value became city-wide."""
    book, sheet = new_book()
    sheet.append(["indicator", "year", "value", "area"])
    sheet.append(["records_online_commune", 2024, 30, "Sóc Sơn"])
    sheet.append(["inspections_online", 2024, 20, None])
    sheet.merge_cells("D2:D3")
    plain, prefixed = tmp_path / "plain.xlsx", tmp_path / "prefixed.xlsx"
    book.save(plain)
    main = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'

    def with_prefixes(xml: str) -> str:
        xml = xml.replace(main, main.replace("xmlns=", "xmlns:x="))
        return re.sub(r"<(/?)(?![?])([a-zA-Z]+)([ />])", r"<\1x:\2\3", xml)

    with_sheet_xml(plain, prefixed, with_prefixes)
    result = cli("check", prefixed, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(f"{prefixed}!Sheet:2:4: cells D2:D3 are merged")


def test_an_empty_merged_box_left_of_the_table_loses_nothing(cli: Cli, tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append([None, None, "indicator", "year", "value"])
    sheet.append([None, None, "records_online_commune", 2024, 30])
    sheet.append([None, None, "inspections_online", 2024, 20])
    sheet.merge_cells("A2:B3")
    path = tmp_path / "left.xlsx"
    book.save(path)
    assert government_2025(cli, path)["inspections_online"] == 20


def test_a_header_merged_over_two_rows_loses_nothing(cli: Cli, tmp_path: Path) -> None:
    book, sheet = new_book()
    sheet.append(["indicator", "year", "value"])
    sheet.append([None, None, None])
    sheet.append(["records_online_commune", 2024, 30])
    for column in "ABC":
        sheet.merge_cells(f"{column}1:{column}2")
    path = tmp_path / "header.xlsx"
    book.save(path)
    assert government_2025(cli, path)["records_online_commune"] == 30


def test_merged_cells_in_the_table_are_refused(cli: Cli, tmp_path: Path) -> None:
    """Found by a test campaign: an area merged over two rows read empty on the second, and
    that district's value silently became a city-wide one."""
    book, sheet = new_book()
    sheet.append(["indicator", "year", "value", "area"])
    sheet.append(["records_online_commune", 2024, 30, "Sóc Sơn"])
    sheet.append(["inspections_online", 2024, 20, None])
    path = tmp_path / "merged.xlsx"
    book.save(path)
    sheet.merge_cells("F2:F3")  # an empty box beside the table: nothing is lost
    book.save(path)
    assert {r["area"] for r in scored(cli, path, "-t", WORKED)["results"]} == {None, "Sóc Sơn"}
    sheet.merge_cells("D2:D3")
    book.save(path)
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(
        f"{path}!Sheet:2:4: cells D2:D3 are merged: only the first holds a value, the others"
        " read empty; unmerge them and fill each cell"
    )


def test_every_merged_range_and_every_later_problem_is_reported_at_once(
    cli: Cli, tmp_path: Path
) -> None:
    """Found by an analyst campaign: reading stopped at the first merged range, so a sheet
    took one run per problem to fix."""
    book, sheet = new_book()
    sheet.append(["area", "indicator", "year", "value"])
    sheet.append(["Sóc Sơn", "records_online_commune", 2023, 30])
    sheet.append([None, "records_online_commune", 2024, 35])
    sheet.append(["Ba Vì", "records_online_commune", 2023, 20])
    sheet.append([None, "records_online_commune", 2024, 25])
    sheet.append(["Ba Vì", "records_online_commune", 2022, "abc"])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("A4:A5")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    found = [line.split(" ")[0] for line in result.err.splitlines() if line.startswith(str(path))]
    assert found == [f"{path}!Sheet:2:1:", f"{path}!Sheet:4:1:", f"{path}!Sheet:6:4:"]
    assert "cells A4:A5 are merged" in result.err and "'abc' is not a number" in result.err
