"""Actuals in an .xlsx workbook: the rows of one sheet as text cells, for the same reader as CSV.

openpyxl (imported only here) reads the workbook in read-only mode, row by row. Cells become
the text a CSV would hold: numbers without a trailing ``.0``, a percentage-formatted cell
(which Excel stores as 0.55) as ``55%``, dates in ISO form (then refused as values, with
their cell named), booleans as true/false.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple


class SheetError(Exception):
    """The workbook or sheet cannot be read; ``key`` and ``fields`` name the problem."""

    def __init__(self, key: str, at: tuple[int, int] | None = None, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.at = at  # the row and column of the cell at fault, if one is
        self.fields = fields


def open_sheet(
    path: Path,
    sheet: str | None,
    is_header: Callable[[list[str]], bool],
    refuse: Callable[[SheetError], None],
) -> tuple[str, Iterator[tuple[int, list[str]]], list[str]]:
    """The sheet's title, its table's rows as (row number, text cells), from its header on
    (the first row that ``is_header``, see :func:`_rows`), and the workbook's other visible
    sheets when none was chosen (they are not read: the caller says so).

    A row of data that merged cells empty is not given: the range is passed to ``refuse``
    (once) while reading goes on, so that every such range is reported at once."""
    from openpyxl import load_workbook

    try:
        # values as Excel last computed them, and beside them the formulas, to tell a formula
        # that was never computed (saved by a program, not by Excel) from an empty cell
        values = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise SheetError("not-a-workbook", reason=_reason(error)) from None
    names = values.sheetnames
    others: list[str] = []
    if sheet is None:  # the first sheet Excel shows: a hidden one holds workings, not the data
        shown = [ws.title for ws in values.worksheets if ws.sheet_state == "visible"]
        title = shown[0] if shown else names[0]
        others = shown[1:]
    else:  # "số liệu", or typed with decomposed accents, is the same name (as to Excel)
        wanted = unicodedata.normalize("NFC", sheet).casefold()
        found = [name for name in names if unicodedata.normalize("NFC", name).casefold() == wanted]
        if not found:
            listed = ", ".join(f"'{name}'" for name in names)  # quoted: a trailing space shows
            raise SheetError("unknown-sheet", sheet=sheet, sheets=listed)
        title = found[0]
    if not hasattr(values[title], "iter_rows"):  # a chart sheet
        raise SheetError("not-a-worksheet", sheet=title)
    merged = _merged_ranges(path, values[title])
    return title, _rows(values, formulas, title, merged, is_header, refuse), others


class Merged(NamedTuple):
    """A range of merged cells: only its first (top-left) cell holds the value."""

    top: int
    left: int
    bottom: int
    right: int
    name: str  # "B2:B3"

    def hides(self, row: int, first: int, last: int) -> bool:
        """Whether it empties a cell of this row within the table's columns, first to last."""
        if not self.top <= row <= self.bottom or self.left > last or self.right < first:
            return False
        return row > self.top or self.right > self.left


def _merged_ranges(path: Path, sheet: Any) -> list[Merged]:
    """The sheet's ranges of merged cells. openpyxl's read-only sheet does not parse them, so
    they are read from the sheet's XML, where they follow the rows: only that tail is kept."""
    import zipfile

    from openpyxl.utils import column_index_from_string

    member = getattr(sheet, "_worksheet_path", None)
    if member is None:
        return []
    kept: list[bytes] = []
    carry = b""
    with zipfile.ZipFile(path) as book, book.open(member) as xml:
        while chunk := xml.read(1 << 20):
            if kept:
                kept.append(chunk)
                continue
            joined = carry + chunk
            end = _ROWS_END.search(joined)  # </sheetData>, or </x:sheetData> (OpenXML SDK)
            if end is not None:
                kept.append(joined[end.start() :])
            carry = joined[-24:]
    text = b"".join(kept).decode("utf-8", "replace")
    return [
        Merged(
            int(top),
            column_index_from_string(left),
            int(bottom),
            column_index_from_string(right),
            f"{left}{top}:{right}{bottom}",
        )
        for left, top, right, bottom in _MERGE.findall(text)
    ]


_ROWS_END = re.compile(rb"</(?:\w+:)?sheetData>")
_MERGE = re.compile(r'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')


def _rows(
    values: Any,
    formulas: Any,
    title: str,
    merged: list[Merged],
    is_header: Callable[[list[str]], bool],
    refuse: Callable[[SheetError], None],
) -> Iterator[tuple[int, list[str]]]:
    """The rows from the header on. Rows above it (a title such as "BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI
    SỐ", merged across the table or not, a unit, a date) are not the table and are not read; a
    sheet with no header (a sheet of notes) gives its first row with a value, for the reader
    to say what that header lacks."""
    try:
        for sheet in (values[title], formulas[title]):
            sheet.reset_dimensions()  # the size a file declares can be wrong: read every row
        # each cell as Excel last computed it, and what was written in it: a value or a formula
        pairs = zip(
            values[title].iter_rows(), formulas[title].iter_rows(values_only=True), strict=False
        )
        first = last = 0  # the table's columns, from its header
        reported: set[Merged] = set()
        above: tuple[int, list[str]] | None = None  # the first row with a value, above it
        for number, (row, written) in enumerate(pairs, 1):
            end = _extent(written)
            row, written = row[:end], written[:end]
            cells = [_text(cell) for cell in row]
            while cells and cells[-1] == "":
                cells.pop()  # formatting alone extends a row; empty cells at its end say nothing
            if not last:
                if not is_header(cells):
                    above = above or ((number, cells) if cells else None)
                    continue
                named = [i for i, cell in enumerate(cells, 1) if cell]
                first, last = named[0], named[-1]  # the header's first and last named columns
            elif merged and any(cells):
                # in a row of data, a merged cell reads empty but for the first: an area, a
                # city or a value would be lost (a merged title, or an empty box, is harmless)
                hiding = [m for m in merged if m.hides(number, first, last)]
                for m in hiding:
                    if m not in reported:
                        reported.add(m)
                        refuse(SheetError("merged-cells", (m.top, m.left), range=m.name))
                if hiding:
                    continue  # its emptied cells would read as city-wide, or as no value
            for column, (cell, content) in enumerate(zip(row, written, strict=False), 1):
                formula = getattr(content, "text", content)  # an array formula's text
                if (
                    cell.value is None
                    and getattr(cell, "data_type", None) != "str"  # "str": computed to ""
                    and isinstance(formula, str)
                    and formula.startswith("=")
                ):
                    raise SheetError(
                        "formula-without-value", (number, column), formula=formula[:40]
                    )
            yield number, cells
        if not last and above is not None:  # no header: its first row with a value, to say so
            yield above
    except SheetError:
        raise
    except Exception as error:  # a damaged sheet: truncated XML, a bad cell reference …
        raise SheetError("not-a-workbook", reason=_reason(error)) from None
    finally:
        values.close()
        formulas.close()


def _extent(contents: tuple[Any, ...]) -> int:
    """How many of a row's cells to read: up to its last that holds a value or a formula.

    openpyxl pads a row up to its last cell, so a cell merely formatted far to the right
    (column XFD) makes 16,384 cells of every row: read one by one in Python, 2,000 rows took
    ten times as long. The padding is found by counting it in C, halving the span each time."""
    high = len(contents)
    if not high or contents[-1] is not None:
        return high
    if contents.count(None) == high:
        return 0
    low = 0  # the last content lies in [low, high)
    while high - low > 16:
        middle = (low + high) // 2
        if contents[middle:high].count(None) < high - middle:
            low = middle
        else:
            high = middle
    return next(i for i in range(high, low, -1) if contents[i - 1] is not None)


def _times_100(value: float) -> str:
    """A percentage cell's number × 100 in decimal, exactly: 0.59999999999 is 59.999999999,
    not 60 (which would meet a target of 60), and 0.07 is 7, not 7.000000000000001."""
    from decimal import Decimal

    return format((Decimal(repr(value)) * 100).normalize(), "f")


def _reason(error: Exception) -> str:
    return " ".join(f"{type(error).__name__}: {error}".split())[:200]


def _text(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if isinstance(value, float):  # as Excel shows and exports it: 15 significant digits,
            value = float(f"{value:.15g}")  # so 0.7+0.2 (0.8999999999999999) is 0.9
        if _is_percent(cell.number_format or ""):
            return _times_100(value) + "%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()  # a date typed into Excel
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


# in a number format, what is not a symbol: "text", \x (the character x), [Red], _x (a space as
# wide as x) and *x (x repeated to fill the cell)
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|[_*].')


def _is_percent(number_format: str) -> bool:
    """Whether Excel shows the cell × 100 with a % sign: ``0%``, ``0.0%``, but not ``0.0"%"``,
    ``0.0\\%`` (a literal % after the stored number) or ``0.0_%`` (room for one)."""
    return "%" in _LITERALS.sub("", number_format)
