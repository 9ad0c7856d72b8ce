"""Reading actuals: every accepted form gives the same scores; every rejection names line and column."""

from __future__ import annotations

import codecs
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL as MINIMAL_YAML
from conftest import ROOT, Cli

DATA = Path(__file__).parent / "data"
WORKED = DATA / "worked.yaml"
BUNDLED = ROOT / "targets"
LONG = (DATA / "worked-actuals.csv").read_text(encoding="utf-8")

Write = Callable[..., Path]


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters with combining tone marks."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            composed = unicodedata.normalize("NFC", base + marks[0]) if marks else base
            if len(composed) == 1 and marks and _encodable(composed):
                out += (composed + "".join(marks[1:])).encode("cp1258")
            else:
                out += (base + "".join(marks)).encode("cp1258")
    return out


def _encodable(char: str) -> bool:
    try:
        char.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True


def scored(cli: Cli, *args: str | Path) -> dict:  # type: ignore[type-arg]
    result = cli("check", "--format", "json", "--fail-on", "never", *args)
    assert result.code == 0, result
    document = json.loads(result.out)
    return {
        "as_of": document["as_of"],
        "results": document["results"],
        "summary": document["summary"],
    }


def wide(long_text: str) -> str:
    rows = [line.split(",", 2) for line in long_text.strip().splitlines()[1:]]
    years = sorted({year for _, year, _ in rows})
    table: dict[str, dict[str, str]] = {}
    for indicator, year, value in rows:
        table.setdefault(indicator, {})[year] = value
    lines = ["indicator," + ",".join(years)]
    lines += [
        indicator + "," + ",".join(cells.get(y, "") for y in years)
        for indicator, cells in table.items()
    ]
    return "\n".join(lines) + "\n"


def test_every_layout_and_dialect_scores_the_same(cli: Cli, write: Write) -> None:
    expected = scored(cli, write(LONG, "long.csv"), "-t", WORKED)
    assert expected["as_of"] == 2024 and len(expected["results"]) == 12

    assert scored(cli, write(wide(LONG), "wide.csv"), "-t", WORKED) == expected
    # years headed as Vietnamese sheets head them: "Năm 2023", "năm2024", "Year 2022"
    worded = wide(LONG).replace(",20", ",Năm 20", 1).replace(",20", ",năm20", 1)
    worded = worded.replace(",20", ",Year 20", 1)
    assert worded.splitlines()[0].count("20") == 3 and "Year 20" in worded
    assert scored(cli, write(worded, "worded.csv"), "-t", WORKED) == expected
    # a year heading with more in it would drop its column: refused where it stands
    preliminary = wide(LONG).replace(",20", ",Năm 20", 1).replace("\n", " (sơ bộ)\n", 1)
    refused = cli("check", write(preliminary, "preliminary.csv"), "-t", WORKED)
    last = preliminary.split("\n", 1)[0].count(",") + 1
    assert refused.code == 2
    assert f"preliminary.csv:1:{last}: " in refused.err
    assert "(sơ bộ): this heading holds the year" in refused.err
    # ... but a year headed as an estimate ("Năm 2024 (ước)") is that year's, its values estimates
    estimate = wide(LONG).replace("\n", " (ước)\n", 1)
    document = json.loads(
        cli("check", write(estimate, "estimate.csv"), "-t", WORKED, "-f", "json").out
    )
    estimated = {(r["indicator"], r["actual_year"]) for r in document["results"] if r["estimate"]}
    assert estimated and {year for _, year in estimated} == {2024}

    # a column of targets or plans beside the years holds no actuals: left out, with a warning
    head, rows = wide(LONG).split("\n", 1)
    planned = head + ",Mục tiêu 2025\n" + rows.replace("\n", ",60\n")
    path = write(planned, "planned.csv")
    assert scored(cli, path, "-t", WORKED) == expected
    kept = cli("check", path, "-t", WORKED, "--fail-on", "never")
    assert f"warning: {path}: column(s) not used: Mục tiêu 2025" in kept.err

    # Excel in Vietnam: semicolons, decimal commas, a BOM, CRLF, Vietnamese headers
    excel = (
        LONG.replace(",", ";")
        .replace('"6;5"', "6,5")
        .replace("indicator;year;value", "Chỉ tiêu ; NĂM ; Giá trị")
    )
    path = write(b"\xef\xbb\xbf" + excel.replace("\n", "\r\n").encode("utf-8"), "excel.csv")
    assert scored(cli, path, "-t", WORKED) == expected

    tabbed = LONG.replace(",", "\t").replace('"6\t5"', "6.5")
    assert scored(cli, write(tabbed, "tabbed.tsv"), "-t", WORKED) == expected

    # several target sets loaded: a city column, or --city for a file without one
    with_city = "\n".join(
        ["city," + LONG.splitlines()[0]]
        + [f"Ví dụ tính tay,{line}" for line in LONG.strip().splitlines()[1:]]
    )
    assert scored(cli, write(with_city, "city.csv"), "-t", WORKED, "-t", BUNDLED) == expected
    assert (
        scored(cli, write(LONG, "plain.csv"), "-t", WORKED, "-t", BUNDLED, "--city", "worked")
        == expected
    )


def test_utf16_with_a_bom_and_windows_1258_with_encoding(cli: Cli, write: Write) -> None:
    expected = scored(cli, write(LONG, "long.csv"), "-t", WORKED)
    assert scored(cli, write(LONG.encode("utf-16"), "utf16.csv"), "-t", WORKED) == expected
    windows = write(cp1258(LONG), "cp1258.csv")
    assert scored(cli, windows, "-t", WORKED, "--encoding", "cp1258") == expected


def test_encoding_utf8_on_a_file_with_a_bom_reads_past_the_bom(cli: Cli, write: Write) -> None:
    """Excel's "CSV UTF-8" starts with a BOM; --encoding utf-8 must not glue it to a column."""
    expected = scored(cli, write(LONG, "long.csv"), "-t", WORKED)
    bom = write(b"\xef\xbb\xbf" + LONG.encode("utf-8"), "bom.csv")
    for name in ("utf-8", "UTF8", "utf_8"):
        assert scored(cli, bom, "-t", WORKED, "--encoding", name) == expected


@pytest.mark.parametrize("order", ["le", "be"])
def test_encoding_utf16_on_a_file_with_its_bom_reads_past_the_bom(
    cli: Cli, write: Write, order: str
) -> None:
    """Found by a test campaign: the BOM stuck to the first heading ('missing column(s):
    city'), or, before a note column, silently dropped the notes."""
    expected = scored(cli, write(LONG, "long.csv"), "-t", WORKED)
    bom = codecs.BOM_UTF16_LE if order == "le" else codecs.BOM_UTF16_BE
    path = write(bom + LONG.encode(f"utf-16-{order}"), "utf16.csv")
    assert scored(cli, path, "-t", WORKED, "--encoding", f"utf-16-{order}") == expected


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_a_utf8_file_given_another_encoding_is_refused_not_garbled(
    cli: Cli, write: Write, bom: bytes
) -> None:
    """Found by a test campaign: --encoding applies to every file, and an Excel "CSV UTF-8"
    among cp1258 files was read as 'SĂ³c SÆ¡n', silently (with a BOM: 'missing column city')."""
    utf8 = write(bom + LONG.encode("utf-8"), "utf8.csv")
    windows = write(cp1258(LONG), "cp1258.csv")
    result = cli("check", windows, utf8, "-t", WORKED, "--encoding", "cp1258")
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        f"{utf8}: the file is UTF-8 (as Excel's 'CSV UTF-8' is), which --encoding cp1258 would"
        " garble; check it without --encoding (files in different encodings: one run each)"
        " [encoding-but-utf8]"
    )


def test_undecodable_bytes_suggest_an_encoding(cli: Cli, write: Write) -> None:
    path = write(cp1258(LONG), "cp1258.csv")  # "chưa đạt" holds bytes UTF-8 cannot read
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    line = result.err.splitlines()[0]
    assert line.startswith(f"{path}:11:")
    assert "--encoding" in line and "cp1258" in line
    assert "Traceback" not in result.err


@pytest.mark.parametrize("order", ["le", "be"])
def test_utf16_without_a_bom_is_named_with_the_encoding_to_pass(
    cli: Cli, write: Write, order: str
) -> None:
    """Valid UTF-8 to a decoder (NUL is a character), but every other byte is NUL."""
    path = write(LONG.encode(f"utf-16-{order}"), "utf16.csv")
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(f"{path}:1:1: the file holds NUL bytes from its start")
    assert f"--encoding utf-16-{order} [not-decodable]" in result.err.splitlines()[0]
    expected = scored(cli, write(LONG, "long.csv"), "-t", WORKED)
    assert scored(cli, path, "-t", WORKED, "--encoding", f"utf-16-{order}") == expected


def test_an_unknown_encoding_is_a_usage_error(cli: Cli, write: Write) -> None:
    result = cli("check", write(LONG), "-t", WORKED, "--encoding", "klingon")
    assert result.code == 2
    assert "unknown text encoding 'klingon'" in result.err
    assert cli("check", write(LONG), "-t", WORKED, "--encoding", "rot13").code == 2


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            "dx_rnak,2024,3",
            ":2:1: indicator: unknown indicator 'dx_rnak' for worked; did you mean 'dx_rank'?",
        ),
        ("dx_rank,2024,abc", ":2:3: value: 'abc' is not a number [not-a-number]"),
        (
            "dx_rank,2024,0",
            ":2:3: value: 0 is outside the range of dx_rank (unit rank: ≥ 1)",
        ),
        (
            "reporting_online,2024,120",
            ":2:3: value: 120 is outside the range of reporting_online (unit percent: 0–100)",
        ),
        ("reporting_online,2024,-1", ":2:3: value: -1 is outside the range"),
        (
            "reporting_online,2024,NaN",
            ":2:3: value: 'NaN' is not a value; NaN and infinity are refused",
        ),
        ("reporting_online,2024,inf", ":2:3: value: 'inf' is not a value"),
        ("reporting_online,2024,1e999", ":2:3: value: '1e999' is too large; values go up to"),
        # beyond a trillion, a line through such values could overflow to NaN in the JSON
        ("labour_productivity_growth,2024,-2e12", ":2:3: value: '-2e12' is too large"),
        ("labour_productivity_growth,2024,1000000000001", ":2:3: value: '1000000000001' is too"),
        ("reporting_online,2024,0x10", ":2:3: value: '0x10' is not a number"),
        ("reporting_online,2024,1_000", ":2:3: value: '1_000' is not a number"),
        # a dash for "not reported", a typeset minus, full-width digits: each told what to write
        ("reporting_online,2024,–", ":2:3: value: '–' is not a number; leave the cell empty"),
        (
            "labour_productivity_growth,2024,\u22125",
            ":2:3: value: '\u22125' starts with U+2212, a typeset minus or dash; write the minus as '-'",
        ),
        (
            'labour_productivity_growth,2024,"\u22120,125"',
            ":2:3: value: '\u22120,125' starts with U+2212, a typeset minus",
        ),
        (
            "reporting_online,2024,\uff15\uff15",
            ":2:3: value: '\uff15\uff15' has digits other than 0–9 (full-width, or another script's)",
        ),
        ('reporting_online,2024,"1,234"', ":2:3: value: '1,234' is ambiguous"),
        ('reporting_online,2024,"1.234,5"', ":2:3: value: '1.234,5' is ambiguous"),
        (
            "e_government_done,2024,maybe",
            ":2:3: value: 'maybe' is not a milestone value for e_government_done",
        ),
        (
            "reporting_online,1899,50",
            ":2:2: year: year '1899' is not a year between 1900 and 2100 [bad-year]",
        ),
        ("reporting_online,2101,50", ":2:2: year: year '2101' is not a year"),
        ("reporting_online,twenty,50", ":2:2: year: year 'twenty' is not a year"),
        (
            "reporting_online,2024,50,extra",
            ":2:4: the row has 4 cells but the header has 3 columns",
        ),
        ("reporting_online,2024", ":2:3: value: the row has 2 cells but the header has 3 columns"),
    ],
)
def test_rejected_values(cli: Cli, write: Write, row: str, expected: str) -> None:
    path = write(f"indicator,year,value\n{row}\n", "bad.csv")
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2, result
    assert result.err.splitlines()[0].startswith(f"{path}{expected}"), result.err
    assert "Traceback" not in result.err


def test_an_indicator_written_by_its_name_is_read_with_one_warning(cli: Cli, write: Write) -> None:
    """Revision 2: the indicator's Vietnamese or English name, give or take accents, case,
    spacing and punctuation, is read as that indicator; one warning counts such rows."""
    path = write(
        "indicator,year,value\n"
        '"Hồ sơ công việc cấp xã được xử lý trên môi trường mạng.",2023,50\n'
        "commune level work records processed online,2024,55\n"
        "dx_rank,2024,3\n",
        "named.csv",
    )
    result = cli("check", path, "--city", "hanoi", "-f", "json", "--fail-on", "never")
    assert result.code == 0, result
    commune = [
        r
        for r in json.loads(result.out)["results"]
        if r["indicator"] == "records_online_commune" and r["target_year"] == 2025
    ]
    assert [(r["actual"], r["actual_year"]) for r in commune] == [(55.0, 2024)]
    warnings = [line for line in result.err.splitlines() if line.startswith("warning:")]
    assert warnings == [
        f"warning: {path}:2: 2 row(s) (lines 2, 3) name their indicator by its name rather than its"
        " id; they are"
        " read as that indicator, but an id is safer (a name may change): `dxscore targets`"
        " lists the ids and `dxscore template` writes them"
    ]
    worked = write(
        "indicator,year,value\nho so cap xa,2024,55\nCommune records online,2023,50\n", "w.csv"
    )
    assert cli("check", worked, "-t", WORKED, "--fail-on", "never").code == 0


@pytest.mark.parametrize(
    ("name", "told"),
    [
        (  # found by a review: quận (district) was told it names the commune-level indicator
            "Hồ sơ công việc cấp quận được xử lý trên môi trường mạng",
            "is close to the names of several indicators of hanoi (records_online_commune,"
            " records_online_district, records_online_city); write the id of the one meant",
        ),
        ("Ward-level work records processed online", "is close to the names of several"),
        (  # a typo in a name is a question, not an answer
            "Hồ sơ công việc cấp xã được xử lý trên môi trường mạnh lưới",
            "unknown indicator 'Hồ sơ công việc cấp xã được xử lý trên môi trường mạnh lưới'"
            " for hanoi; did you mean 'records_online_commune'?",
        ),
    ],
)
def test_a_name_only_close_to_an_indicators_is_not_guessed(
    cli: Cli, write: Write, name: str, told: str
) -> None:
    path = write(f'indicator,year,value\n"{name}",2024,55\n', "named.csv")
    result = cli("check", path, "--city", "hanoi")
    assert result.code == 2
    assert result.err.startswith(f"{path}:2:1: indicator: "), result.err
    assert told in result.err.splitlines()[0], result.err


@pytest.mark.parametrize(
    ("above", "delimiter", "quote"),
    [
        ("BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ\n", ",", ""),
        ("BÁO CÁO;;\nĐơn vị: %;;\n;;\n", ";", ""),
        # found by a review: every cell quoted (LibreOffice's export), or a plain title above
        # a quoted header, was read at the title's "," and failed before the header was found
        ('"BÁO CÁO SỐ LIỆU"\n', ";", '"'),
        ("BÁO CÁO SỐ LIỆU\n", ";", '"'),
        ('"BÁO CÁO\nSỐ LIỆU"\n', ",", '"'),  # a title over two lines of one cell
    ],
)
def test_a_title_above_a_csv_header_says_which_lines_to_delete(
    cli: Cli, write: Write, above: str, delimiter: str, quote: str
) -> None:
    """Found by an analyst campaign: a sheet with a title, saved as CSV, was refused as
    missing every column. Revision 2: it is read as the same sheet is read as .xlsx, the
    header found below its title, with a warning that names the header's line."""
    rows = [["Chỉ tiêu", "Năm", "Giá trị"], ["records_online_commune", "2024", "55"]]
    table = "".join(delimiter.join(f"{quote}{c}{quote}" for c in row) + "\n" for row in rows)
    path = write(above + table, "titled.csv")
    result = cli("check", path, "-t", WORKED, "-f", "json", "--fail-on", "never")
    lines = above.count("\n")
    assert result.code == 0, result
    assert (
        f"warning: {path}:{lines + 1}:1: the table's header is on this line: the {lines} line(s)"
        " above it (a title, a unit, a date) are not read"
    ) in result.err
    assert (
        json.loads(result.out)["results"]
        == scored(cli, write(table, "table.csv"), "-t", WORKED)["results"]
    )
    commune = next(
        r for r in json.loads(result.out)["results"] if r["indicator"] == "records_online_commune"
    )
    assert commune["actual"] == 55.0


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_a_header_with_a_line_break_in_a_heading_is_the_header(
    cli: Cli, write: Write, delimiter: str
) -> None:
    """Found by a review: Excel writes a heading typed with Alt+Enter over two lines of one
    quoted cell; the header's first line alone was taken for a title above the table."""
    header = delimiter.join(['"Ghi\nchú"', "Chỉ tiêu", "Năm", "Giá trị"])
    row = delimiter.join(["", "records_online_commune", "2024", "55"])
    table = f"{header}\n{row}\n"
    assert scored(cli, write(table, "broken.csv"), "-t", WORKED)["results"]
    titled = write("BÁO CÁO SỐ LIỆU\n" + table, "titled.csv")
    result = cli("check", titled, "-t", WORKED, "--fail-on", "never")
    assert result.code == 0, result
    assert f"warning: {titled}:2:1: the table's header is on this line" in result.err


def test_two_header_like_lines_below_a_title_are_ambiguous(cli: Cli, write: Write) -> None:
    """Which of two header-like lines heads the table is not guessed."""
    text = "BÁO CÁO\nChỉ tiêu,Năm,Giá trị\nindicator,year,value\nrecords_online_commune,2024,55\n"
    result = cli("check", write(text, "twice.csv"), "-t", WORKED)
    assert result.code == 2
    assert "twice.csv:2:1: lines 2 and 3 each look like the table's header" in result.err
    assert "[header-ambiguous]" in result.err


def test_a_decimal_comma_after_a_zero_is_read_as_a_decimal(cli: Cli, write: Write) -> None:
    """Found by an analyst campaign: 0,125 was refused as ambiguous, though a thousands group
    never follows a lone 0."""
    path = write(
        "indicator;year;value\nlabour_productivity_growth;2023;0,125\n"
        "labour_productivity_growth;2024;-0,375\nreporting_online;2024;55,5\n",
        "comma.csv",
    )
    document = scored(cli, path, "-t", WORKED)
    actual = {r["indicator"]: r["actual"] for r in document["results"]}
    assert actual["labour_productivity_growth"] == -0.375
    assert actual["reporting_online"] == 55.5
    refused = cli(
        "check", write("indicator;year;value\nreporting_online;2024;10,125\n"), "-t", WORKED
    )
    assert refused.code == 2 and "'10,125' is ambiguous" in refused.err


def test_a_second_row_for_the_same_year_is_rejected_with_the_first_line(
    cli: Cli, write: Write
) -> None:
    path = write(
        "indicator,year,value\ndx_rank,2024,3\ndx_rank,2023,4\ndx_rank,2024,2\n", "dup.csv"
    )
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert result.err.splitlines()[0] == (
        f"{path}:4:3: value: a second row for dx_rank in 2024 (worked, city-wide); "
        f"the first is at {path}:2. Keep one row [duplicate-row]"
    )


def test_duplicates_across_files_are_rejected(cli: Cli, write: Write) -> None:
    first = write("indicator,year,value\ndx_rank,2024,3\n", "a.csv")
    second = write("indicator,year,value\ndx_rank,2024,3\n", "b.csv")
    result = cli("check", first, second, "-t", WORKED)
    assert result.code == 2
    assert f"{second}:2:3: value: a second row for dx_rank in 2024" in result.err
    assert f"the first is at {first}:2" in result.err


def test_an_unknown_city_suggests_the_closest(cli: Cli, write: Write) -> None:
    path = write(
        "city,indicator,year,value\nHa Noi,dx_rank,2024,1\nhanio,dx_rank,2023,6\n", "c.csv"
    )
    result = cli("check", path, "-t", BUNDLED)
    assert result.code == 2
    # "Ha Noi" is Hà Nội typed without accents; "hanio" is a typo
    assert result.err.splitlines()[0].startswith(
        f"{path}:3:1: city: unknown city 'hanio'; did you mean 'hanoi'? loaded target sets: haiphong, hanoi"
    )


def test_several_target_sets_need_a_city(cli: Cli, write: Write) -> None:
    path = write("indicator,year,value\ndx_rank,2024,1\n", "c.csv")
    result = cli("check", path, "-t", BUNDLED)
    assert result.code == 2
    assert result.err.splitlines()[0].startswith(
        f"{path}:1:1: missing column(s): city (several target sets are loaded: haiphong, hanoi,"
        " vietnam; add a city column, or name the city with --city in check, report or validate)"
    )
    vietnamese = cli("check", path, "-t", BUNDLED, "--lang", "vi").err
    assert "các tiêu đề cột tìm thấy: 'indicator', 'year', 'value'" in vietnamese
    assert "city: thành phố, tỉnh, city" in vietnamese


def test_an_empty_city_is_refused_even_under_city(cli: Cli, write: Write) -> None:
    """Found by a test campaign: with --city, an empty city cell went to that city, so rows
    under a merged 'Hải Phòng' cell in Excel were scored as Hanoi's."""
    path = write(
        "city,indicator,year,value\nhaiphong,records_online_commune,2024,35\n"
        ",inspections_online,2024,20\n",
        "merged.csv",
    )
    result = cli("check", path, "-t", BUNDLED, "--city", "hanoi")
    assert result.code == 2
    assert f"{path}:3:1: city: the city is empty; write it on every row" in result.err


def test_a_province_or_city_heading_names_the_city_column(cli: Cli, write: Write) -> None:
    """Found by a first-day analyst campaign: 'Tỉnh/Thành phố' went unused, and under --city
    Haiphong's 91% was scored as Hanoi's."""
    path = write(
        "Tỉnh/Thành phố;Chỉ tiêu;Năm;Giá trị\n"
        "Hà Nội;records_online_commune;2024;55\n"
        "Hải Phòng;records_online_city;2024;91\n",
        "provinces.csv",
    )
    ran = cli("check", path, "-t", BUNDLED, "--city", "hanoi", "-f", "json", "--fail-on", "never")
    assert ran.code == 0, ran
    reported = {
        (r["indicator"], r["actual"]) for r in json.loads(ran.out)["results"] if r["actual"]
    }
    assert reported == {("records_online_commune", 55.0)}
    assert "1 row(s) for other cities not scored" in ran.err


def test_an_unknown_city_option(cli: Cli, write: Write) -> None:
    result = cli("check", write(LONG), "-t", BUNDLED, "--city", "danang")
    assert result.code == 2
    assert "--city: unknown city 'danang'" in result.err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", ":1:1: the file is empty"),
        (
            "indicator,year\ndx_rank,2024\n",
            ":1:1: missing column(s): value; the headings found are 'indicator', 'year'. Head the"
            " column(s) so: value: value, actual",
        ),
        ("year,value\n2024,1\n", ":1:1: missing column(s): indicator"),
        ("indicator,year,value\n", ":1: the file has a header but no rows"),
        ("indicator,value,year,Value\n", ":1:4: Value: two columns mean 'value'"),
        ("indicator,year,2024\n", ":1:1: the header mixes a wide layout"),
        ("indicator,1850\n", ":1:2: 1850: column year 1850 is not between 1900 and 2100"),
        ('indicator,year,value\n"ab"c,2024,5\n', ":2:1: a closing quote must be followed by"),
        (
            'indicator\tyear\tvalue\n"ab"c\t2024\t5\n',
            ":2:1: a closing quote must be followed by a tab",
        ),
    ],
)
def test_rejected_files(cli: Cli, write: Write, content: str, expected: str) -> None:
    path = write(content, "f.csv")
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2, result
    assert result.err.splitlines()[0].startswith(f"{path}{expected}"), result.err


def test_rows_after_a_stray_character_behind_a_quote_are_checked_too(
    cli: Cli, write: Write
) -> None:
    """Found by a README audit: '"48"x' ended the file, so the bad value two lines on went
    unreported though every problem of every file is promised at once."""
    path = write(
        'indicator,year,value\ndx_rank,2023,"48"x\ndx_rank,2024,abc\ndx_rank,2022,7\n', "q.csv"
    )
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    errors = [line for line in result.err.splitlines() if line.startswith(str(path))]
    assert [line.split(": ", 1)[0] for line in errors] == [f"{path}:2:1", f"{path}:3:3"]
    assert "[csv-syntax]" in errors[0] and "'abc' is not a number" in errors[1]
    # a quote opened after the stray character: the next lines are inside its cell, and are
    # not read as rows (a review found a false 'ragged-row' and a row read from a note)
    for note in ('"ghi chú\n"', '"first line\ndx_rank,2022,7"'):
        opened = write(
            f'indicator,year,value,note\ndx_rank,2023,"48"x,{note}\ndx_rank,2024,abc,\n', "o.csv"
        )
        result = cli("check", opened, "-t", WORKED)
        errors = [line for line in result.err.splitlines() if line.startswith(str(opened))]
        assert len(errors) == 1 and errors[0].startswith(f"{opened}:2:1: "), note


def test_a_units_name_is_worded_in_the_messages_language(cli: Cli, write: Write) -> None:
    path = write("indicator,year,value\nrecords_online_commune,2024,150\n", "over.csv")
    english = cli("check", path, "-t", WORKED, "--lang", "en").err
    vietnamese = cli("check", path, "-t", WORKED, "--lang", "vi").err
    assert "(unit percent: 0–100) [out-of-range]" in english
    assert "(đơn vị phần trăm: 0–100) [out-of-range]" in vietnamese


def test_a_target_files_units_are_named_as_the_file_writes_them(cli: Cli, write: Write) -> None:
    """In a target file's problems the unit is what the analyst typed there, in any language."""
    yaml_file = write(MINIMAL_YAML.replace("2025: {min: 60}", "2025: {done: true}"), "t.yaml")
    line = cli("validate", yaml_file, "--lang", "vi").err.splitlines()[0]
    assert line.endswith("chỉ dùng với đơn vị milestone, không dùng với percent [unit-comparator]")


def test_a_header_only_file_is_refused_wherever_it_comes(cli: Cli, write: Write) -> None:
    """The check once counted the rows of every file read so far: second, it passed."""
    empty = write("indicator,year,value\n", "empty.csv")
    full = DATA / "worked-actuals.csv"
    for order in ((empty, full), (full, empty)):
        result = cli("check", *order, "-t", WORKED)
        assert result.code == 2, order
        assert f"{empty}:1: the file has a header but no rows" in result.err, order


def test_every_problem_at_once_up_to_a_cap(cli: Cli, write: Write) -> None:
    rows = "".join(f"dx_rank,{1900 + n % 200},x\n" for n in range(1200))
    path = write("indicator,year,value\n" + rows, "many.csv")
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    lines = result.err.splitlines()
    assert sum(1 for line in lines if line.endswith("[not-a-number]")) == 50
    assert lines[-3:] == [
        f"{path}: stopped after 1000 problems; fix these first [too-many-problems]",
        f"{path}: … and 950 more problems",
        "✘ 1000 problem(s) in 1 input(s); fix them and run again",
    ]


def test_lines_count_as_the_file_counts_them(cli: Cli, write: Write) -> None:
    content = (
        'indicator,year,value,note\ndx_rank,2023,4,"a note\nover two lines"\n\ndx_rank,2024,zero,\n'
    )
    path = write(content, "lines.csv")
    result = cli("check", path, "-t", WORKED)
    assert result.err.splitlines()[0].startswith(f"{path}:5:3: value: 'zero' is not a number")


def test_empty_values_are_not_reported_not_zero(cli: Cli, write: Write) -> None:
    path = write("indicator,year,value\ndx_rank,2023,4\ndx_rank,2024,\n", "e.csv")
    document = scored(cli, path, "-t", WORKED, "--year", "2025", "--pillar", "overall")
    assert document["as_of"] == 2023
    assert document["results"][0]["actual"] == 4.0


def test_percent_signs_and_vietnamese_milestone_words(cli: Cli, write: Write) -> None:
    path = write(
        "indicator,year,value\nreporting_online,2024, 95 % \ne_government_done,2024,Hoàn thành\n",
        "w.csv",
    )
    document = scored(cli, path, "-t", WORKED)
    actual = {r["indicator"]: r["actual"] for r in document["results"]}
    assert actual["reporting_online"] == 95.0
    assert actual["e_government_done"] is True


def test_unused_columns_are_named_in_a_warning(cli: Cli, write: Write) -> None:
    result = cli(
        "check", write("indicator,year,value,unit\ndx_rank,2024,3,rank\n", "u.csv"), "-t", WORKED
    )
    assert "warning:" in result.err and "column(s) not used: unit" in result.err
    # a column without a header is named by its place when a cell of it holds data
    unnamed = write("indicator,year,value,\ndx_rank,2023,3,\ndx_rank,2024,3,x\n", "n.csv")
    result = cli("check", unnamed, "-t", WORKED, "--fail-on", "never")
    assert f"warning: {unnamed}:3:4: a column without a header holds data" in result.err
    empty = write("indicator,year,value,\ndx_rank,2024,3,\n", "m.csv")  # a trailing delimiter
    assert "warning" not in cli("check", empty, "-t", WORKED, "--fail-on", "never").err
    # also when the file has errors: the column may be where the data went
    bad = write("indicator,year,value,unit\ndx_rank,2024,0,rank\n", "b.csv")
    result = cli("check", bad, "-t", WORKED)
    assert result.code == 2
    assert "column(s) not used: unit" in result.err and "[out-of-range]" in result.err


def test_validate_checks_actuals_without_scoring(cli: Cli, write: Write) -> None:
    good = cli("validate", WORKED, "--actuals", DATA / "worked-actuals.csv")
    assert good.code == 0
    assert "1 actuals file(s) valid: 14 observation(s)" in good.err
    assert good.out == ""
    bad = write("indicator,year,value\ndx_rank,2024,0\n", "bad.csv")
    result = cli("validate", WORKED, "--actuals", bad, "--format", "github")
    assert result.code == 2
    assert result.out.startswith(
        f"::error file={bad},line=2,title=dxscore out-of-range::value: 0 is outside"
    )


def test_validate_checks_actuals_once_the_target_files_are_valid(cli: Cli, write: Write) -> None:
    """With a broken target file, every row of its city would be an "unknown city": the
    actuals wait, and say so, and JSON marks them neither valid nor invalid."""
    broken = write(WORKED.read_text(encoding="utf-8").replace("dxscore: 1", "dxscore: 2"), "w.yaml")
    actuals = DATA / "worked-actuals.csv"
    result = cli("validate", broken, "--actuals", actuals)
    assert result.code == 2
    lines = result.err.splitlines()
    assert (
        lines[0]
        == "1 actuals file(s) not checked: they are checked against the target files once those are valid"
    )
    assert [line for line in lines if line.startswith(str(broken))] == lines[1:-1]  # no cascade
    document = json.loads(cli("validate", broken, "--actuals", actuals, "-f", "json").out)
    assert [f["valid"] for f in document["files"]] == [False, None]


def test_control_characters_in_names_and_notes_are_refused(cli: Cli, write: Write) -> None:
    """An ESC or NUL would travel into the Markdown and HTML reports; a multi-line note is fine."""
    path = write(
        "area,indicator,year,value,note,source\n"
        "X\x1b[31mY,dx_rank,2024,5,,\n"
        "Z,reporting_online,2024,50,a\x00b,\n"
        "Z,dx_rank,2024,5,,a\x07b\n"
        'W,dx_rank,2024,5,"two\nlines\twith a tab",\n',
        "c.csv",
    )
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert [line.split(";")[0] for line in result.err.splitlines()[:3]] == [
        f"{path}:2:1: area: the cell holds the control character U+001B",
        f"{path}:3:5: note: the cell holds the control character U+0000",
        f"{path}:4:6: source: the cell holds the control character U+0007",
    ]
    assert "✘ 3 problem(s)" in result.err  # not the multi-line note


def test_invisible_characters_in_areas_are_refused(cli: Cli, write: Write) -> None:
    """Found by a test campaign: "Sóc Sơn" with a zero-width space after it was a second area
    that printed the same, ranked apart, with its series cut in two. A note may keep one."""
    path = write(
        "area,indicator,year,value,note\n"
        "Sóc Sơn,dx_rank,2023,5,\n"
        "Sóc Sơn\u200b,dx_rank,2024,4,\n"
        "\ufeffBa Vì,dx_rank,2024,4,\n"
        "Đông\u202eAnh,dx_rank,2024,4,a\u200bb\n",
        "z.csv",
    )
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert [line.split(" (")[0] for line in result.err.splitlines()[:3]] == [
        f"{path}:3:1: area: the name holds the invisible character U+200B",
        f"{path}:4:1: area: the name holds the invisible character U+FEFF",
        f"{path}:5:1: area: the name holds the invisible character U+202E",
    ]
    assert "✘ 3 problem(s)" in result.err  # not the note


def test_a_control_character_does_not_hide_the_rest_of_the_row(cli: Cli, write: Write) -> None:
    """Names take no tab or line break, inside or at the end (issue 23: a line break trimmed
    like a space let garbage through; only spaces are trimmed); the rest of the row is still
    checked."""
    path = write(
        "area,indicator,year,value,note\n"
        "A\tB,dx_rank,2024,x,\n"
        '"C\n",dx_rank,2024,5,a\x1bb\n'
        "C,dx_rank,2024,6,\n",
        "r.csv",
    )
    result = cli("check", path, "-t", WORKED)
    assert [line.split(": ")[0:2] for line in result.err.splitlines()[:5]] == [
        [f"{path}:2:1", "area"],  # the tab
        [f"{path}:2:4", "value"],  # 'x' is not a number
        [f"{path}:3:1", "area"],  # "C\n": a line break, not trimmed into the area C
        [f"{path}:3:5", "note"],  # the ESC
        [f"{path}:5:4", "value"],  # line 3 read on as the area C, so C is given twice
    ]


def test_nul_in_a_utf8_file_is_not_taken_for_utf16(cli: Cli, write: Write) -> None:
    path = write("indicator,year,value,note\ndx_rank,2024,5,a\x00b\n", "n.csv")
    result = cli("check", path, "-t", WORKED)
    assert result.err.startswith(f"{path}:2:4: note: the cell holds the control character U+0000")


def test_actuals_with_no_reported_value_are_an_error(cli: Cli, write: Write) -> None:
    """A check of nothing must not pass a CI gate: an empty template, only other cities."""
    template = write(cli("template", "haiphong").out, "template.csv")
    result = cli("check", template)
    assert result.code == 2
    assert result.err.startswith(f"{template}: no value is reported (24 row(s) read, 24 value(s)")
    hanoi = ROOT / "examples" / "hanoi-actuals.csv"
    result = cli("check", hanoi, "--city", "haiphong")
    assert result.code == 2
    assert "24 row(s) for other cities not scored" in result.err
    assert "[nothing-reported]" in result.err
    assert cli("report", template, "-f", "json").code == 2
    compared = cli("compare", hanoi, "--as-of", "2020")  # as check refuses it
    assert compared.code == 2 and "[no-data-as-of]" in compared.err


# --- found missing by a mutation audit --------------------------------------------------------


def test_two_target_sets_without_a_city_column_need_one(cli: Cli, write: Write) -> None:
    path = write("indicator,year,value\ndx_rank,2024,3\n", "two.csv")
    result = cli("check", path, "-t", BUNDLED / "hanoi.yaml", "-t", BUNDLED / "haiphong.yaml")
    assert result.code == 2 and "[missing-column]" in result.err and "--city" in result.err


def test_a_wide_file_with_a_value_column_is_mixed(cli: Cli, write: Write) -> None:
    path = write("indicator,2023,2024,value\ndx_rank,5,4,3\n", "mixed.csv")
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2 and "[mixed-layout]" in result.err


def test_the_edges_of_what_is_accepted(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each bound is inclusive: the year 2100 (on a clock that has reached it), 10¹² written
    out, a milestone written 0."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4133980800")  # 1 January 2101
    path = write(
        "indicator,year,value\n"
        "labour_productivity_growth,2024,1000000000000\n"
        "e_government_done,2024,0\n"
        "reporting_online,2100,50\n",
        "edges.csv",
    )
    document = scored(cli, path, "-t", WORKED)
    assert document["as_of"] == 2100
    actual = {r["indicator"]: r["actual"] for r in document["results"]}
    assert actual["labour_productivity_growth"] == 1e12
    assert actual["e_government_done"] is False


def test_a_pillar_with_no_target_scores_nothing_and_says_so(cli: Cli, write: Write) -> None:
    from conftest import MINIMAL  # sets no overall target

    targets = write(MINIMAL, "minimal.yaml")
    path = write("indicator,year,value\nrecords_online_commune,2024,50\n", "p.csv")
    result = cli("check", path, "-t", targets, "--pillar", "overall")
    assert result.code == 2
    assert "--pillar: no target matches --pillar overall; nothing would be scored" in result.err


def test_a_filter_that_leaves_out_a_city_names_it(cli: Cli, write: Write) -> None:
    """Found by a test campaign: with Hanoi's and Haiphong's rows in one file, --pillar overall
    (which Haiphong's resolution does not set) scored Hanoi alone and said nothing of Haiphong."""
    examples = ROOT / "examples"
    haiphong = (examples / "haiphong-actuals.csv").read_text(encoding="utf-8")
    both = (examples / "hanoi-actuals.csv").read_text(encoding="utf-8").rstrip("\n") + "\n"
    both += haiphong.split("\n", 1)[1]
    path = write(both, "both.csv")
    result = cli("check", path, "--pillar", "overall", "-f", "json", "--fail-on", "never")
    assert result.code == 0
    assert {row["target_set"] for row in json.loads(result.out)["results"]} == {"hanoi"}
    assert "haiphong: not scored, nothing of it matches --pillar overall" in result.err
    assert "hanoi:" not in result.err


def test_a_filter_that_leaves_no_reported_value_is_refused_not_passed(
    cli: Cli, write: Write
) -> None:
    """Found by an analyst campaign: --pillar society on actuals of digital government alone
    printed "no target missed" and exited 0, a CI gate passed by checking nothing."""
    path = write("indicator,year,value\nrecords_online_commune,2024,55\n", "gov.csv")
    hanoi = ROOT / "targets" / "hanoi.yaml"
    for filters in (["--pillar", "society"], ["--year", "2030", "--pillar", "economy"]):
        refused = cli("check", path, "-t", hanoi, *filters)
        assert refused.code == 2, refused
        assert (
            f"--pillar: no value is reported for the targets under {' '.join(filters)};"
            " nothing would be checked" in refused.err
        )
    assert cli("check", path, "-t", hanoi, "--pillar", "government", "--fail-on", "never").code == 0
    both = write(
        "city,indicator,year,value\nHà Nội,records_online_commune,2024,55\n"
        "Hải Phòng,epayment_account_share,2024,63\n",
        "both.csv",
    )
    named = cli("check", both, "--pillar", "society", "-f", "json", "--fail-on", "never")
    assert named.code == 0, named
    assert (
        "hanoi: nothing checked, no value is reported for its targets under --pillar society"
        in (named.err)
    )


def test_a_row_of_empty_cells_is_a_blank_line(cli: Cli, write: Write) -> None:
    """Found by a test campaign: Excel saves a formatted blank row as ';;;', which was refused
    as an empty city or indicator although blank lines are skipped."""
    rows = "indicator;year;value\ndx_rank;2024;3\n;;\n ; ; \nreporting_online;2024;90\n"
    document = scored(cli, write(rows, "blank.csv"), "-t", WORKED)
    assert {(r["indicator"], r["actual"]) for r in document["results"] if r["actual"]} == {
        ("dx_rank", 3.0),
        ("reporting_online", 90.0),
    }


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("dx_rank,2024.0,3", "2: year: year '2024.0' is not a year written alone; write 2024"),
        ("dx_rank,năm 2024,3", "2: year: year 'năm 2024' is not a year written alone; write 2024"),
        ("dx_rank,2150,3", "2: year: year '2150' is not a year between 1900 and 2100"),
        ("reporting_online,2024,1.500.000", "3: value: '1.500.000' is ambiguous: thousands"),
        ("reporting_online,2024,1 500 000", "3: value: '1 500 000' is ambiguous: thousands"),
        ("reporting_online,2024,2024-05-05", "3: value: '2024-05-05' is a date, not a number"),
        ("reporting_online,2024,05/05/2024", "3: value: '05/05/2024' is a date, not a number"),
        # found by a review: a year in a date cell, saved as CSV in a Vietnamese or US locale,
        # was told to write 1905
        ("dx_rank,16/07/1905,3", "2: year: '16/07/1905' is a date, not a year (a year typed"),
        ("dx_rank,7/16/05,3", "2: year: '7/16/05' is a date, not a year"),
    ],
)
def test_refusals_say_what_was_written_instead(
    cli: Cli, write: Write, row: str, message: str
) -> None:
    """Found by a test campaign: these got a bare 'not a year' or 'not a number'."""
    path = write(f"indicator,year,value\n{row}\n", "r.csv")
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(f"{path}:2:{message}")


def test_a_wide_heading_saved_as_a_date_is_told_so(cli: Cli, write: Write) -> None:
    """Found by a review: a year heading in a date cell, saved as CSV (16/07/1905 for 2024),
    was told to head the column 1905."""
    path = write("Chỉ tiêu;2023;16/07/1905\nreporting_online;50;55\n", "wide.csv")
    result = cli("check", path, "-t", WORKED)
    assert result.code == 2
    assert result.err.startswith(f"{path}:1:3: 16/07/1905: '16/07/1905' is a date, not a year")
    assert "1905 alone" not in result.err
