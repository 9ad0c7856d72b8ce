"""Generate dxscore's hostile corpus: the inputs that issue 23 describes, made from scratch.

Every input here is answered by the command line with exit 2 and a message placed at
``FILE:LINE:COL`` (``FILE!SHEET:ROW:COL`` in a workbook), within seconds, never a traceback
or a library's words. `tests/test_hostile_corpus.py` runs them all; a case marked ``lead`` is
one that the CSV reader's rework (the lead's part of issue 23) is still to fix.

    python tests/corpus/make_hostile.py OUT          # the small cases
    python tests/corpus/make_hostile.py OUT --large  # and the issue's large reproductions

A ``.yaml`` case is a target file (`dxscore validate FILE`); a ``.csv`` or ``.xlsx`` case is an
actuals file, checked against ``tests/data/worked.yaml`` (`dxscore check FILE -t worked.yaml`).
Nothing here is copied from another project's test suite: each input is written from the
description of the problem it reproduces.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# --- workbooks, written part by part ------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CHART_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"
BOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"

Part = bytes | Callable[[], Iterable[bytes]]  # a part's bytes, or its chunks (a large one)


def content_types(*, strings: bool = True, sheets: int = 1, chart: bool = False) -> bytes:
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{BOOK_TYPE}"/>']
    overrides += [
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{SHEET_TYPE}"/>'
        for n in range(1, sheets + 1)
    ]
    if chart:
        overrides.append(
            f'<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="{CHART_TYPE}"/>'
        )
    if strings:
        overrides.append(
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{STRINGS_TYPE}"/>'
        )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{TYPES}">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>"
    ).encode()


def package_rels() -> bytes:
    return (
        f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" '
        f'Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ).encode()


def workbook_xml(names: Iterable[str] = ("Data",), *, chart: bool = False) -> bytes:
    sheets = "".join(
        f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(names, 1)
    )
    return (
        f'<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>{sheets}</sheets></workbook>'
    ).encode()


def workbook_rels(sheets: int = 1, *, chart: bool = False, strings: bool = True) -> bytes:
    rels = [
        f'<Relationship Id="rId{n}" Type="{OFFICE}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in range(1, sheets + 1)
    ]
    if chart:
        rels = [
            f'<Relationship Id="rId1" Type="{OFFICE}/chartsheet" Target="chartsheets/sheet1.xml"/>'
        ]
    if strings:
        rels.append(
            f'<Relationship Id="rId99" Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    return f'<Relationships xmlns="{RELS}">{"".join(rels)}</Relationships>'.encode()


def cell(ref: str, value: str | int | float, *, shared: int | None = None, attrs: str = "") -> str:
    """A cell: a number, an inline string, or (``shared``) an index into the shared strings."""
    if shared is not None:
        return f'<c r="{ref}" t="s"{attrs}><v>{shared}</v></c>'
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"{attrs}><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"{attrs}><v>{value}</v></c>'


HEADER_ROW = (
    '<row r="1">' + cell("A1", "indicator") + cell("B1", "year") + cell("C1", "value") + "</row>"
)


def sheet_xml(rows: str, *, header: bool = True, tail: str = "") -> bytes:
    body = (HEADER_ROW if header else "") + rows
    return f'<worksheet xmlns="{MAIN}"><sheetData>{body}</sheetData>{tail}</worksheet>'.encode()


def data_row(number: int, value: str = "", *, year: int = 2024) -> str:
    """A row of dx_rank's value in ``year``: ``value`` is the value cell's XML (a rank of 4)."""
    value = value or cell(f"C{number}", 4)
    return (
        f'<row r="{number}">'
        + cell(f"A{number}", "dx_rank")
        + cell(f"B{number}", year)
        + value
        + "</row>"
    )


def shared_strings(strings: Iterable[str]) -> bytes:
    items = "".join(f"<si><t>{text}</t></si>" for text in strings)
    return f'<sst xmlns="{MAIN}">{items}</sst>'.encode()


def book_parts(
    sheet: Part | None = None,
    strings: Part | None = None,
    *,
    names: tuple[str, ...] = ("Data",),
    extra: dict[str, Part] | None = None,
) -> dict[str, Part]:
    """The parts of a workbook of one worksheet (``sheet``), with or without shared strings."""
    parts: dict[str, Part] = {
        "[Content_Types].xml": content_types(strings=strings is not None, sheets=len(names)),
        "_rels/.rels": package_rels(),
        "xl/workbook.xml": workbook_xml(names),
        "xl/_rels/workbook.xml.rels": workbook_rels(len(names), strings=strings is not None),
    }
    if sheet is not None:
        parts["xl/worksheets/sheet1.xml"] = sheet
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    parts.update(extra or {})
    return parts


def write_zip(path: Path, parts: dict[str, Part], method: int = zipfile.ZIP_DEFLATED) -> None:
    """The parts as a zip; a part given as chunks is streamed, so a part of a gigabyte is
    written without holding it in memory."""
    with zipfile.ZipFile(path, "w", method, compresslevel=9) as book:
        for name, part in parts.items():
            if isinstance(part, bytes):
                book.writestr(name, part)
                continue
            with book.open(name, "w", force_zip64=True) as member:
                for chunk in part():
                    member.write(chunk)


def lie_about_size(path: Path, member: str, declared: int) -> None:
    """Rewrite the sizes a zip declares for ``member`` (in its local header and in the central
    directory) as ``declared``: a zip whose headers understate what a part inflates to."""
    import struct

    data = bytearray(path.read_bytes())
    name = member.encode()
    with zipfile.ZipFile(path) as book:
        local, central = book.getinfo(member).header_offset, book.start_dir
    assert data[local : local + 4] == b"PK\x03\x04"
    struct.pack_into("<I", data, local + 22, declared)  # its uncompressed size
    while data[central : central + 4] == b"PK\x01\x02":
        lengths = struct.unpack_from("<HHH", data, central + 28)
        if data[central + 46 : central + 46 + lengths[0]] == name:
            struct.pack_into("<I", data, central + 24, declared)
        central += 46 + sum(lengths)
    path.write_bytes(bytes(data))


# --- the cases ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One hostile input: its file name (whose suffix says what it is) and how to write it."""

    name: str
    write: Callable[[Path], None]
    about: str
    large: bool = False  # costly to generate: made only in a test's tmp_path, never committed
    lead: bool = False  # in the CSV reader, which the lead reworks: expected to fail until then
    at: str = ""  # where the first message must be placed (LINE:COL), when that is the point


CASES: list[Case] = []


def case(name: str, about: str, *, large: bool = False, lead: bool = False) -> Callable[..., None]:
    def register(write: Callable[[Path], None]) -> Callable[[Path], None]:
        CASES.append(Case(name, write, about, large, lead))
        return write

    return register


def text_case(
    name: str, about: str, content: str | bytes, *, lead: bool = False, at: str = ""
) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    CASES.append(Case(name, lambda path: path.write_bytes(data), about, lead=lead, at=at))


def book_case(name: str, about: str, parts: Callable[[], dict[str, Part]], **options: bool) -> None:
    CASES.append(Case(name, lambda path: write_zip(path, parts()), about, **options))


# Workbooks: the crash, and its siblings -----------------------------------------------------

book_case(
    "sheet-part-missing.xlsx",
    "the only sheet is listed in workbook.xml but missing from the zip (was IndexError, exit 70)",
    lambda: book_parts(None),
)
book_case(
    "first-sheet-part-missing.xlsx",
    "the first of two sheets is missing from the zip: the second must not be read in its place",
    lambda: book_parts(
        None,
        names=("Data", "Notes"),
        extra={"xl/worksheets/sheet2.xml": sheet_xml(data_row(2))},
    ),
)
book_case(
    "no-sheets.xlsx",
    "a workbook that lists no sheet at all",
    lambda: {**book_parts(sheet_xml(data_row(2))), "xl/workbook.xml": workbook_xml(())},
)
book_case(
    "no-content-types.xlsx",
    'a zip without [Content_Types].xml (was KeyError: "There is no item named …")',
    lambda: {
        name: part
        for name, part in book_parts(sheet_xml(data_row(2))).items()
        if name != "[Content_Types].xml"
    },
)
book_case(
    "chartsheet-only.xlsx",
    "the only sheet is a chart sheet without a chart (was AttributeError: 'list' object …)",
    lambda: {
        "[Content_Types].xml": content_types(strings=False, sheets=0, chart=True),
        "_rels/.rels": package_rels(),
        "xl/workbook.xml": workbook_xml(("Chart",)),
        "xl/_rels/workbook.xml.rels": workbook_rels(0, chart=True, strings=False),
        "xl/chartsheets/sheet1.xml": (
            f'<chartsheet xmlns="{MAIN}" xmlns:r="{OFFICE}"><drawing r:id="rId1"/></chartsheet>'
        ).encode(),
    },
)
text_case(
    "not-a-zip.xlsx",
    "text named .xlsx: not a workbook",
    "indicator,year,value\ndx_rank,2024,4\n",
)
text_case(
    "truncated-zip.xlsx",
    "a zip cut short (was BadZipFile)",
    b"PK\x03\x04" + b"\x14\x00" * 20,
)
book_case(
    "bad-merge-reference.xlsx",
    "a merged range whose column is no column (AAAA): the sheet's merged cells are read from it",
    lambda: book_parts(
        sheet_xml(
            data_row(2), tail='<mergeCells count="1"><mergeCell ref="AAAA2:B3"/></mergeCells>'
        )
    ),
)
book_case(
    "truncated-sheet-xml.xlsx",
    "a sheet whose XML stops mid-row",
    lambda: book_parts(sheet_xml(data_row(2))[:-60]),
)
book_case(
    "style-out-of-range.xlsx",
    "a cell whose style index is past the workbook's styles (was IndexError)",
    lambda: book_parts(sheet_xml(data_row(2, cell("C2", 4, attrs=' s="7"')))),
)
book_case(
    "style-negative.xlsx",
    "a cell whose style index is negative: it would take the last style's number format",
    lambda: book_parts(sheet_xml(data_row(2, cell("C2", 4, attrs=' s="-1"')))),
)

# Workbooks: values read out of garbage -----------------------------------------------------

book_case(
    "shared-string-negative.xlsx",
    "a shared-string index of -1 (was read as the last string)",
    lambda: book_parts(
        sheet_xml(data_row(2, cell("C2", "", shared=-1))), shared_strings(["x", "4"])
    ),
)
book_case(
    "shared-string-past-end.xlsx",
    "a shared-string index past the table",
    lambda: book_parts(
        sheet_xml(data_row(2, cell("C2", "", shared=2))), shared_strings(["x", "4"])
    ),
)
book_case(
    "shared-string-not-a-number.xlsx",
    "a shared-string index that is not a whole number (١ would read as 1)",
    lambda: book_parts(
        sheet_xml(data_row(2, '<c r="C2" t="s"><v>١</v></c>')), shared_strings(["x", "4"])
    ),
)
book_case(
    "shared-string-malformed.xlsx",
    "a shared string without its <t> (was an empty cell: 'not reported')",
    lambda: book_parts(
        sheet_xml(data_row(2, cell("C2", "", shared=0))),
        f'<sst xmlns="{MAIN}"><si><x>4</x></si></sst>'.encode(),
    ),
)
book_case(
    "cell-given-twice.xlsx",
    "a cell reference given twice in a row (the second silently won)",
    lambda: book_parts(sheet_xml(data_row(2, cell("C2", 4) + cell("C2", 5)))),
)
book_case(
    "cells-out-of-order.xlsx",
    "a row whose cells go backwards: openpyxl drops the cells right of the last one",
    lambda: book_parts(
        sheet_xml(
            '<row r="2">' + cell("C2", 4) + cell("A2", "dx_rank") + cell("B2", 2024) + "</row>"
        )
    ),
)
book_case(
    "row-given-twice.xlsx",
    "a row number given twice: openpyxl silently drops the second row",
    lambda: book_parts(sheet_xml(data_row(2) + data_row(2, year=2023))),
)
book_case(
    "cell-in-another-row.xlsx",
    "a cell whose reference names another row than the row it stands in",
    lambda: book_parts(sheet_xml('<row r="2">' + cell("A3", "dx_rank") + "</row>")),
)
book_case(
    "number-not-a-number.xlsx",
    "a number cell whose value is not a number (was ValueError)",
    lambda: book_parts(sheet_xml(data_row(2, '<c r="C2"><v>4x</v></c>'))),
)
book_case(
    "boolean-not-a-boolean.xlsx",
    "a boolean cell holding 7",
    lambda: book_parts(sheet_xml(data_row(2, '<c r="C2" t="b"><v>7</v></c>'))),
)
book_case(
    "row-past-excel.xlsx",
    "a row numbered 1,048,577 (past Excel's last row)",
    lambda: book_parts(sheet_xml(data_row(1_048_577))),
)
book_case(
    "row-99999999.xlsx",
    "a single row numbered 99999999 in 5 KB (was 84 s)",
    lambda: book_parts(sheet_xml(data_row(99_999_999))),
)
book_case(
    "column-past-excel.xlsx",
    "a cell in column XFE (16,385, past Excel's last column)",
    lambda: book_parts(sheet_xml(data_row(2, cell("XFE2", 4)))),
)
book_case(
    "entity-bomb.xlsx",
    "a sheet that declares XML entities (a billion laughs)",
    lambda: book_parts(
        (
            '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
            + "".join(
                f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
                for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            )
            + f']><worksheet xmlns="{MAIN}"><sheetData>{HEADER_ROW}{data_row(2, cell("C2", "&i;"))}'
            "</sheetData></worksheet>"
        ).encode()
    ),
)


@case("bzip2-member.xlsx", "a part compressed with bzip2, which Excel never writes")
def _bzip2(path: Path) -> None:
    write_zip(path, book_parts(sheet_xml(data_row(2))), zipfile.ZIP_BZIP2)


@case(
    "declared-size-lies.xlsx",
    "a sheet whose zip header says 200 bytes while it inflates to 4 MiB: the inflating is capped",
)
def _lying(path: Path) -> None:
    rows = "".join(data_row(n) for n in range(2, 30_000))
    write_zip(path, book_parts(sheet_xml(rows)))
    lie_about_size(path, "xl/worksheets/sheet1.xml", 200)


def _many_strings(count: int, text: str = "a") -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield f'<sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}">'.encode()
        block = f"<si><t>{text}</t></si>".encode() * 100_000
        for _ in range(count // 100_000):
            yield block
        yield f"<si><t>{text}</t></si>".encode() * (count % 100_000)
        yield b"</sst>"

    return chunks


def _one_long_string(size: int) -> Callable[[], Iterator[bytes]]:
    def chunks() -> Iterator[bytes]:
        yield f'<sst xmlns="{MAIN}"><si><t>'.encode()
        block = b"a" * (1 << 20)
        for _ in range(size >> 20):
            yield block
        yield b"</t></si></sst>"

    return chunks


book_case(
    "twenty-million-strings.xlsx",
    "20 million one-character shared strings in 0.8 MB (was 242 s, 2.0 GiB)",
    lambda: book_parts(sheet_xml(data_row(2, cell("C2", "", shared=0))), _many_strings(20_000_000)),
    large=True,
)
book_case(
    "gigabyte-string.xlsx",
    "one shared string of 1 GiB in 1 MB (was 3.1 GiB)",
    lambda: book_parts(sheet_xml(data_row(2, cell("C2", "", shared=0))), _one_long_string(1 << 30)),
    large=True,
)
book_case(
    "gigabyte-sheet.xlsx",
    "a sheet part that inflates to 1 GiB of spaces",
    lambda: book_parts(
        lambda: iter(
            [f'<worksheet xmlns="{MAIN}"><sheetData>'.encode()]
            + [b" " * (1 << 20)] * 1024
            + [b"</sheetData></worksheet>"]
        )
    ),
    large=True,
)

# At dxscore's own limits: the most work a workbook can ask for (docs/limits.md)


def _dense_sheet(size: int) -> Callable[[], Iterator[bytes]]:
    """Rows of dx_rank, 2024 and a rank of 0 (out of range: each row is a problem), as many
    as fit in ``size`` bytes of sheet XML."""

    def chunks() -> Iterator[bytes]:
        yield f'<worksheet xmlns="{MAIN}"><sheetData>{HEADER_ROW}'.encode()
        written, number = 0, 2
        while written < size - 200:
            row = (
                f'<row r="{number}"><c r="A{number}" t="s"><v>0</v></c>'
                f'<c r="B{number}"><v>2024</v></c><c r="C{number}"><v>0</v></c></row>'
            ).encode()
            yield row
            written += len(row)
            number += 1
        yield b"</sheetData></worksheet>"

    return chunks


book_case(
    "dense-sheet-at-limit.xlsx",
    "a sheet part just under the 32 MiB limit, every one of its 340,000 rows a problem",
    lambda: book_parts(_dense_sheet(32 * 1024 * 1024 - 4096), shared_strings(["dx_rank"])),
    large=True,
)
book_case(
    "shared-strings-past-count.xlsx",
    "one shared string more than the limit of 500,000",
    lambda: book_parts(sheet_xml(data_row(2)), _many_strings(500_001)),
    large=True,
)
book_case(
    "shared-strings-past-size.xlsx",
    "shared strings of 32,767 characters each (Excel's most), past the limit of 16 Mi in all",
    lambda: book_parts(
        sheet_xml(data_row(2)),
        lambda: iter(
            [f'<sst xmlns="{MAIN}">'.encode()]
            + [b"<si><t>" + b"a" * 32_767 + b"</t></si>"] * 600
            + [b"</sst>"]
        ),
    ),
    large=True,
)


# Target files (YAML) ------------------------------------------------------------------------

MINIMAL = Path(__file__).resolve().parent.parent / "data" / "worked.yaml"


def target_file(name_en: str = "Worked example") -> str:
    """The worked example's target file with another English name."""
    text = MINIMAL.read_text(encoding="utf-8")
    return text.replace("en: Worked example}", f'en: "{name_en}"}}', 1)


def unknown_keys(count: int) -> str:
    """The worked example with ``count`` unknown keys at its top level."""
    keys = "".join(f"k{n}: 1\n" for n in range(count))
    return MINIMAL.read_text(encoding="utf-8") + keys


text_case("name-hangul-filler.yaml", "a name of U+3164 only (looks empty)", target_file("\u3164"))
text_case("name-braille-blank.yaml", "a name of U+2800 only (looks empty)", target_file("\u2800"))
text_case("name-lone-accent.yaml", "a name of one combining accent", target_file("\u0301"))
text_case(
    "name-right-to-left.yaml",
    "a name holding a right-to-left override (refused in an area)",
    target_file("Worked \u202eelpmaxe"),
)
text_case(
    "name-escape-line-separator.yaml", 'a name with "\\L" (a line separator)', target_file("a\\Lb")
)
text_case(
    "name-escape-paragraph.yaml", 'a name with "\\P" (a paragraph separator)', target_file("a\\Pb")
)
text_case(
    "flow-open-at-end.yaml",
    "a flow mapping left open at the end of the file",
    MINIMAL.read_text(encoding="utf-8") + "extra: {a: 1, b: 2\n",
)
text_case(
    "flow-open-at-end-no-newline.yaml",
    "a flow sequence left open, the file ending without a line break",
    MINIMAL.read_text(encoding="utf-8") + "extra: [1, 2",
)
text_case("yaml-directive-only.yaml", "%YAML 1.2 and nothing else", "%YAML 1.2\n")
text_case("yaml-directive-only-no-newline.yaml", "%YAML 1.2 without a line break", "%YAML 1.2")
text_case("unknown-keys-10000.yaml", "10,000 unknown keys (was 9 s)", unknown_keys(10_000))


def up_to_the_cap(head: str, line: Callable[[int], str]) -> str:
    """``head`` and numbered lines after it, as many as fit in the 1 MiB a target file may be."""
    cap = 1024 * 1024
    size = len(head.encode())
    lines = [head]
    number = 0
    while size + len(line(number).encode()) <= cap:
        lines.append(line(number))
        size += len(lines[-1].encode())
        number += 1
    return "".join(lines)


@case("unknown-keys-1mib.yaml", "unknown keys up to the 1 MiB cap (ran past a minute)", large=True)
def _unknown_keys_mib(path: Path) -> None:
    head = MINIMAL.read_text(encoding="utf-8")
    path.write_text(up_to_the_cap(head, lambda n: f"k{n}: 1\n"), encoding="utf-8")


@case("wrong-types-1mib.yaml", "1 MiB of indicators, every field of each wrong", large=True)
def _wrong_types(path: Path) -> None:
    head = MINIMAL.read_text(encoding="utf-8").replace("  society:\n", "  society:\n", 1)
    head = head[: head.index("  society:")] + "  society:\n"
    item = "    - {{id: {n}, name: 5, unit: parsec, targets: {{1800: {{min: x}}}}, quote: ~, odd: 1}}\n"
    path.write_text(up_to_the_cap(head, lambda n: item.format(n=n)), encoding="utf-8")


@case("duplicate-keys-1mib.yaml", "the same key repeated up to the 1 MiB cap", large=True)
def _duplicate_keys(path: Path) -> None:
    head = MINIMAL.read_text(encoding="utf-8")
    path.write_text(up_to_the_cap(head, lambda n: "id: again\n"), encoding="utf-8")


# Actuals as CSV, through the whole command line ---------------------------------------------
# The CSV reader is the lead's part of issue 23: a case marked lead=True is one still to be
# fixed there (none is now: the reader's rework fixed every one).

CSV_HEADER = "indicator,year,value\n"

text_case(
    "control-around-number.csv",
    "\\x1f55\\x1c read as 55",
    CSV_HEADER + "dx_rank,2024,\x1f4\x1c\n",
)
text_case(
    "vertical-tab-number.csv",
    "\\x0b around a number",
    CSV_HEADER + "dx_rank,2024,\x0b4\x0b\n",
)
text_case("nel-number.csv", "U+0085 after a number", CSV_HEADER + "dx_rank,2024,4\x85\n")
text_case(
    "line-separator-number.csv",
    "U+2028 after a number",
    CSV_HEADER + "dx_rank,2024,4\u2028\n",
)
text_case("control-year.csv", "\\x1f2024 read as a year", CSV_HEADER + "dx_rank,\x1f2024,4\n")
text_case(
    "control-indicator.csv",
    "an indicator id followed by \\x1f",
    CSV_HEADER + "dx_rank\x1f,2024,4\n",
)
text_case(
    "control-done.csv",
    "done\\x1f read as done",
    CSV_HEADER + "e_government_done,2024,done\x1f\n",
)
text_case(
    "control-wide.csv",
    "\\x1f around a value in the wide layout",
    "indicator,2024\ndx_rank,\x1f4\n",
)
text_case("trailing-comma-number.csv", '"4," read as 4', CSV_HEADER + 'dx_rank,2024,"4,"\n')
text_case(
    "plus-comma-number.csv",
    '"+,5" read as 0.5',
    CSV_HEADER + 'reporting_online,2024,"+,5"\n',
)
text_case(
    "missing-column.csv",
    "no value column: placed without a column",
    "indicator,year\ndx_rank,2024\n",
)
text_case("empty.csv", "an empty file: placed with no line", "")
text_case(
    "xls-named-csv.csv",
    "an .xls (OLE2) named .csv: placed with no line",
    b"\xd0\xcf\x11\xe0" + bytes(60),
)
text_case(
    "utf-16-lone-surrogate.csv",
    "a lone surrogate in UTF-16-LE: one column off",
    "\ufeff".encode("utf-16-le")
    + (CSV_HEADER + "dx_rank,2024,").encode("utf-16-le")
    + b"\x00\xd8"
    + "\n".encode("utf-16-le"),
    at="2:14",  # the 14th character of line 2
)
text_case(
    "escape-in-cell.csv",
    "an ESC in a value cell (refused today)",
    CSV_HEADER + "dx_rank,2024,4\x1b[2J\n",
)
text_case(
    "nul-in-area.csv",
    "a NUL in an indicator cell (refused today)",
    CSV_HEADER + "dx_\x00rank,2024,4\n",
)


@case(
    "unknown-indicators-40000.csv",
    "40,000 distinct unknown indicators (8,000 took 11 s: names matched past the 1,000th problem)",
)
def _unknown_indicators(path: Path) -> None:
    rows = "".join(f"unknown_indicator_{n},2024,{n % 100}\n" for n in range(40_000))
    path.write_text(CSV_HEADER + rows, encoding="utf-8")


def generate(out: Path, *, large: bool = False) -> list[tuple[Case, Path]]:
    """Write every case (the large ones too, when asked) into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for one in CASES:
        if one.large and not large:
            continue
        path = out / one.name
        one.write(path)
        written.append((one, path))
    return written


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3) or sys.argv[2:] not in ([], ["--large"]):
        sys.exit(__doc__)
    for one, path in generate(Path(sys.argv[1]), large=sys.argv[2:] == ["--large"]):
        print(f"{path.stat().st_size:>12,}  {path}  {one.about}")
