"""Workbooks that are damaged or made to hurt (issue 23): the crash and its siblings, bounded
work, and nothing read out of garbage. Each message is placed at its cell where it has one
(FILE!SHEET:ROW:COL), else at the file's start (FILE:1:1), and says what to do."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_hostile_corpus import make_hostile as mh

from conftest import ROOT, Cli

WORKED = Path(__file__).parent / "data" / "worked.yaml"


def book(path: Path, sheet: bytes | None, strings: bytes | None = None, **options: object) -> Path:
    mh.write_zip(path, mh.book_parts(sheet, strings, **options))  # type: ignore[arg-type]
    return path


def first_error(cli: Cli, path: Path, *args: str) -> str:
    result = cli("check", path, "-t", WORKED, *args)
    assert result.code == 2, result
    return result.err.splitlines()[0]


def test_a_sheet_listed_but_missing_from_the_zip_is_a_message_not_a_crash(
    cli: Cli, tmp_path: Path
) -> None:
    path = book(tmp_path / "b.xlsx", None)
    assert first_error(cli, path).startswith(
        f"{path}:1:1: the workbook lists the sheet 'Data' but does not hold it"
    )


def test_a_missing_first_sheet_is_not_replaced_by_the_next(cli: Cli, tmp_path: Path) -> None:
    second = mh.sheet_xml(mh.data_row(2))
    path = book(
        tmp_path / "b.xlsx",
        None,
        names=("Data", "Notes"),
        extra={"xl/worksheets/sheet2.xml": second},
    )
    line = first_error(cli, path)
    assert line.endswith("[sheet-part-missing]") and "'Data'" in line


def test_a_workbook_without_sheets(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "b.xlsx"
    parts = mh.book_parts(mh.sheet_xml(mh.data_row(2)))
    parts["xl/workbook.xml"] = mh.workbook_xml(())
    mh.write_zip(path, parts)
    assert first_error(cli, path) == (
        f"{path}:1:1: the workbook lists no sheet; save it again from Excel as .xlsx, or as CSV"
        " UTF-8 [no-sheets]"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "-1",
            "the cell points to text number -1 of the workbook's 2 texts (shared strings), which does not exist",
        ),
        ("2", "the cell points to text number 2 of the workbook's 2 texts"),
        ("1_0", "the cell points to text number 1_0 of the workbook's 2 texts"),
        ("١", "the cell points to text number ١ of the workbook's 2 texts"),
    ],
)
def test_a_shared_string_index_outside_the_table_is_refused_at_its_cell(
    cli: Cli, tmp_path: Path, value: str, expected: str
) -> None:
    """-1 read the last string, 1_0 the eleventh, ١ the second; 2 was an IndexError."""
    sheet = mh.sheet_xml(mh.data_row(2, f'<c r="C2" t="s"><v>{value}</v></c>'))
    path = book(tmp_path / "b.xlsx", sheet, mh.shared_strings(["x", "4"]))
    line = first_error(cli, path)
    assert line.startswith(f"{path}!Data:2:3: {expected}"), line
    assert line.endswith("[bad-shared-string]")


@pytest.mark.parametrize(
    "string",
    [
        "<si><x>4</x></si>",
        "<si>4</si>",
        "<si/>",
        "<si><t>4</t><t>5</t></si>",
        "<si><t>4<b/></t></si>",
    ],
)
def test_a_malformed_shared_string_is_an_error_not_an_empty_cell(
    cli: Cli, tmp_path: Path, string: str
) -> None:
    sheet = mh.sheet_xml(mh.data_row(2, mh.cell("C2", "", shared=0)))
    strings = f'<sst xmlns="{mh.MAIN}">{string}</sst>'.encode()
    line = first_error(cli, book(tmp_path / "b.xlsx", sheet, strings))
    assert "!Data:2:3: the cell's text (shared string 0) is malformed" in line, line


def test_rich_text_and_phonetic_runs_are_not_malformed(cli: Cli, tmp_path: Path) -> None:
    strings = (
        f'<sst xmlns="{mh.MAIN}"><si><r><rPr><b/></rPr><t>dx_</t></r><r><t>rank</t></r>'
        "<rPh><t>x</t></rPh></si></sst>"
    ).encode()
    sheet = mh.sheet_xml(
        mh.data_row(2).replace(mh.cell("A2", "dx_rank"), mh.cell("A2", "", shared=0))
    )
    result = cli(
        "check", book(tmp_path / "b.xlsx", sheet, strings), "-t", WORKED, "--format", "json"
    )
    assert result.code in (0, 1), result
    assert '"indicator": "dx_rank"' in result.out


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            mh.data_row(2, mh.cell("C2", 4) + mh.cell("C2", 5)),
            "!Data:2:3: the cell C2 is given twice in this row",
        ),
        (
            '<row r="2">' + mh.cell("C2", 4) + mh.cell("A2", "dx_rank") + "</row>",
            "!Data:2:1: the cell A2 comes after a cell to its right",
        ),
        (mh.data_row(2) + mh.data_row(2, year=2023), "!Data:2:1: row 2 is given twice"),
        (mh.data_row(3) + mh.data_row(2), "!Data:2:1: row 2 comes after row 3"),
        (
            '<row r="2">' + mh.cell("A3", "dx_rank") + "</row>",
            "!Data:2:1: the cell A3 is written in row 2",
        ),
        (
            '<row r="2">' + mh.cell("2A", "dx_rank") + "</row>",
            "!Data:2:1: a cell is named '2A', which is no cell reference",
        ),
        ('<row r="1e3">' + "</row>", "!Data:2:1: a row is numbered '1e3', which is no row number"),
        (mh.data_row(2, '<c r="C2"><v>4</v><v>5</v></c>'), "!Data:2:3: the sheet's XML is damaged"),
        (mh.data_row(2, '<c r="C2"><v>4<x/>5</v></c>'), "!Data:2:3: the sheet's XML is damaged"),
        (
            mh.data_row(2, '<c r="C2"><c r="D2"><v>4</v></c></c>'),
            "!Data:2:3: the sheet's XML is damaged",
        ),
        ('<row r="2"><row r="3"></row></row>', "!Data:2:1: the sheet's XML is damaged"),
    ],
)
def test_cells_and_rows_given_twice_or_out_of_order_are_refused(
    cli: Cli, tmp_path: Path, row: str, expected: str
) -> None:
    """Before: the second of two C2 silently won, a row given twice or backwards was dropped,
    and the cells right of a cell given out of order were dropped."""
    line = first_error(cli, book(tmp_path / "b.xlsx", mh.sheet_xml(row)))
    assert expected in line, line


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('<c r="C2"><v>4x</v></c>', "the cell is stored as a number but holds '4x'"),
        ('<c r="C2"><v> 4</v></c>', "the cell is stored as a number but holds ' 4'"),
        ('<c r="C2"><v>1_000</v></c>', "the cell is stored as a number but holds '1_000'"),
        ('<c r="C2"><v>1e999</v></c>', "the cell is stored as a number but holds '1e999'"),
        (f'<c r="C2"><v>{"9" * 5000}</v></c>', "the cell is stored as a number but holds '9999"),
        ('<c r="C2" t="b"><v>7</v></c>', "the cell is stored as true/false but holds '7'"),
        ('<c r="C2" t="d"><v>yesterday</v></c>', "the cell is stored as a date but 'yesterday'"),
        ('<c r="C2" t="q"><v>4</v></c>', "the cell's type 'q' is none that Excel writes"),
        (
            '<c r="C2" s="-1"><v>4</v></c>',
            "the cell's style number -1 is none of the workbook's 1 styles",
        ),
        (
            '<c r="C2" s="7"><v>4</v></c>',
            "the cell's style number 7 is none of the workbook's 1 styles",
        ),
        ('<c r="C2" t="inlineStr"><is>4</is></c>', "the cell's text is malformed"),
    ],
)
def test_a_cell_that_is_not_what_it_says_is_refused_at_the_cell(
    cli: Cli, tmp_path: Path, cell: str, expected: str
) -> None:
    line = first_error(cli, book(tmp_path / "b.xlsx", mh.sheet_xml(mh.data_row(2, cell))))
    assert line.startswith(f"{tmp_path / 'b.xlsx'}!Data:2:3: {expected}"), line


def test_a_style_whose_number_format_is_not_defined_is_refused(cli: Cli, tmp_path: Path) -> None:
    """openpyxl took the undefined format 165 as the workbook's second custom format (here a
    percentage), so 0.04 read as 4%."""
    styles = (
        f'<styleSheet xmlns="{mh.MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/>'
        '<numFmt numFmtId="166" formatCode="0.00%"/></numFmts><cellXfs count="3"><xf numFmtId="0"/>'
        '<xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>'
    ).encode()
    rels = mh.workbook_rels(strings=False).replace(
        b"</Relationships>",
        f'<Relationship Id="rId9" Type="{mh.OFFICE}/styles" Target="styles.xml"/></Relationships>'.encode(),
    )
    sheet = mh.sheet_xml(
        mh.data_row(2, '<c r="C2" s="1"><v>0.04</v></c>').replace("dx_rank", "reporting_online")
    )
    path = tmp_path / "b.xlsx"
    parts = mh.book_parts(sheet, extra={"xl/styles.xml": styles})
    parts["xl/_rels/workbook.xml.rels"] = rels
    mh.write_zip(path, parts)
    line = first_error(cli, path)
    assert line.startswith(f"{path}!Data:2:3: the cell's number format is not defined"), line


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (mh.data_row(99_999_999), "!Data:2:1: row 99,999,999 is past Excel's last row, 1,048,576"),
        (
            mh.data_row(2, mh.cell("XFE2", 4)),
            "!Data:2:3: the cell XFE2 is past Excel's last column, XFD (16,384 columns)",
        ),
    ],
)
def test_rows_and_columns_past_excels_limits_are_refused_at_once(
    cli: Cli, tmp_path: Path, row: str, expected: str
) -> None:
    """A single row numbered 99999999 took 84 s (openpyxl gave every row above it)."""
    line = first_error(cli, book(tmp_path / "b.xlsx", mh.sheet_xml(row)))
    assert expected in line, line


def test_a_row_far_down_costs_nothing_and_keeps_its_number(cli: Cli, tmp_path: Path) -> None:
    path = book(tmp_path / "b.xlsx", mh.sheet_xml(mh.data_row(1_048_576, mh.cell("C1048576", 0))))
    assert "!Data:1048576:3: value: 0 is outside the range of dx_rank" in first_error(cli, path)


@pytest.mark.parametrize(
    ("limit", "value", "strings", "expected"),
    [
        (
            "MAX_SHARED_STRINGS",
            3,
            ["a"] * 4,
            "b.xlsx:1:1: the workbook holds more than 3 distinct texts (shared strings), dxscore's limit",
        ),
        (
            "MAX_SHARED_TEXT",
            10,
            ["abcdef", "ghijkl"],
            "b.xlsx:1:1: the workbook's texts (shared strings) add up to more than 10 characters",
        ),
        (
            "MAX_CELL_TEXT",
            5,
            ["abcdef"],
            "b.xlsx:1:1: the workbook's text number 0 (a shared string) is longer than 5 characters",
        ),
    ],
)
def test_shared_strings_are_bounded_each_limit_with_its_own_message(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    limit: str,
    value: int,
    strings: list[str],
    expected: str,
) -> None:
    """The limits themselves are a million strings, 32 Mi characters and Excel's 32,767 a
    cell; the corpus holds the issue's reproductions (20 million strings, one of 1 GiB)."""
    from dxscore import xlsx
    from dxscore.actuals import read_actuals
    from dxscore.targets import load_target_sets

    monkeypatch.setattr(xlsx, limit, value)
    path = book(tmp_path / "b.xlsx", mh.sheet_xml(mh.data_row(2)), mh.shared_strings(strings))
    problems = read_actuals([path], [load_target_sets([WORKED])[0].target_set]).problems
    assert str(problems[0]).startswith(str(tmp_path / expected)), problems


def test_a_part_is_refused_by_what_it_inflates_to_whatever_the_zip_declares(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dxscore import xlsx

    rows = "".join(mh.data_row(n) for n in range(2, 3000))
    path = book(tmp_path / "b.xlsx", mh.sheet_xml(rows))
    monkeypatch.setattr(xlsx, "MAX_PART_BYTES", 100_000)
    with pytest.raises(xlsx.SheetError) as declared:
        xlsx.Package(path)
    assert declared.value.key == "workbook-part-too-large"
    mh.lie_about_size(path, "xl/worksheets/sheet1.xml", 50_000)  # under the limit, a lie
    package = xlsx.Package(path)
    with pytest.raises(xlsx.SheetError) as inflated:
        for _ in package.open("xl/worksheets/sheet1.xml").chunks():
            pass
    assert inflated.value.key in ("workbook-part-too-large", "not-a-workbook.damaged-part")
    package.close()


def test_only_the_compression_excel_writes(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "b.xlsx"
    mh.write_zip(path, mh.book_parts(mh.sheet_xml(mh.data_row(2))), zipfile.ZIP_LZMA)
    assert "is compressed in a way Excel never uses" in first_error(cli, path)


def test_a_doctype_is_refused_before_any_entity_expands(cli: Cli, tmp_path: Path) -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {c} "{("&" + p + ";") * 16}">'
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + f']><sst xmlns="{mh.MAIN}"><si><t>&i;</t></si></sst>'
    ).encode()
    path = book(tmp_path / "b.xlsx", mh.sheet_xml(mh.data_row(2)), bomb)
    assert first_error(cli, path).startswith(
        f"{path}:1:1: the workbook's part xl/sharedStrings.xml declares a document type (DOCTYPE)"
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"indicator,year,value\n",
            "this is not an .xlsx workbook: an .xlsx file is a zip archive",
        ),
        (b"PK\x03\x04" + bytes(40), "this is not an .xlsx workbook"),
        (
            b"\xd0\xcf\x11\xe0" + bytes(600),
            "this is an old .xls workbook, or an .xlsx saved with a password",
        ),
    ],
)
def test_not_a_workbook_is_placed_and_said_in_dxscores_words(
    cli: Cli, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "b.xlsx"
    path.write_bytes(content)
    line = first_error(cli, path)
    assert line.startswith(f"{path}:1:1: {expected}"), line
    assert "BadZipFile" not in line and "Error" not in line


def test_a_zip_without_content_types_is_said_in_dxscores_words(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "b.xlsx"
    parts = mh.book_parts(mh.sheet_xml(mh.data_row(2)))
    del parts["[Content_Types].xml"]
    mh.write_zip(path, parts)
    assert first_error(cli, path) == (
        f"{path}:1:1: the workbook lacks its part [Content_Types].xml, which every .xlsx file"
        " holds; the file is damaged or was not written by a spreadsheet program; save it again"
        " from Excel as .xlsx, or as CSV UTF-8 [not-a-workbook]"
    )


def test_a_damaged_sheet_is_placed_at_the_row_where_it_breaks(cli: Cli, tmp_path: Path) -> None:
    rows = mh.data_row(2) + mh.data_row(3, year=2023)
    path = book(tmp_path / "b.xlsx", mh.sheet_xml(rows)[:-60])
    assert first_error(cli, path).startswith(f"{path}!Data:3:1: the sheet's XML is damaged")


@pytest.mark.slow  # a process of its own: a warning goes to the real standard error
def test_no_library_warning_reaches_the_user(tmp_path: Path) -> None:
    """openpyxl warned, with a path into site-packages, of extensions it drops, of a workbook
    without a default style, and of a date it could not convert (then read as #VALUE!)."""
    ext = (
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations'
        ' xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" count="0"/>'
        "</ext></extLst>"
    )
    path = book(tmp_path / "b.xlsx", mh.sheet_xml(mh.data_row(2), tail=ext))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dxscore",
            "check",
            str(path),
            "-t",
            str(WORKED),
            "--fail-on",
            "never",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result
    assert "Warning" not in result.stderr and "site-packages" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("limit", "value", "expected"),
    [
        (
            "MAX_PARTS",
            8,
            "b.xlsx:1:1: the workbook has more than 8 parts (an Excel workbook has a few dozen)",
        ),
        (
            "MAX_WORKBOOK_BYTES",
            1000,
            "b.xlsx:1:1: the file is larger than 0 MiB, dxscore's limit for a workbook",
        ),
    ],
)
def test_the_file_and_its_number_of_parts_are_bounded_before_the_zip_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: str, value: int, expected: str
) -> None:
    from dxscore import xlsx
    from dxscore.actuals import read_actuals
    from dxscore.targets import load_target_sets

    extra: dict[str, bytes] = {f"xl/media/image{n}.png": b"x" * 400 for n in range(6)}
    path = book(tmp_path / "b.xlsx", mh.sheet_xml(mh.data_row(2)), extra=extra)
    monkeypatch.setattr(xlsx, limit, value)
    problems = read_actuals([path], [load_target_sets([WORKED])[0].target_set]).problems
    assert str(problems[0]).startswith(str(tmp_path / expected)), problems


def test_a_refused_cell_does_not_also_make_the_sheet_empty(cli: Cli, tmp_path: Path) -> None:
    """Found by the docs' catalogue: a sheet whose only data row had a refused cell was also
    said to have "a header but no rows" (the sheet's part was read ahead of its header)."""
    mh.generate(tmp_path)
    ran = cli("check", tmp_path / "style-out-of-range.xlsx", "-t", WORKED)
    assert ran.code == 2
    assert "[bad-cell-style]" in ran.err and "[empty-file]" not in ran.err
