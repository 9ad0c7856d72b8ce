"""Actuals in an .xlsx workbook: the rows of one sheet as text cells, for the same reader as CSV.

:mod:`dxscore.xlsx` reads the workbook part by part, with bounded work, refusing what Excel
would never write; this module chooses the sheet, finds its table's header and turns cells
into the text a CSV would hold: numbers without a trailing ``.0``, a percentage-formatted cell
(which Excel stores as 0.55) as ``55%``, dates in ISO form (then refused as values, with
their cell named), booleans as true/false.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from dxscore.xlsx import Book, Cell, Merged, SheetEntry, SheetError

__all__ = ["SheetError", "open_sheet"]

# The header is looked for in the first rows with a value (below a title, a unit, a date);
# a sheet without one in its first thousand is not a table
MAX_ROWS_ABOVE_HEADER = 1000
# A table's header spans at most this many columns (a wide layout of every year from 1900 to
# 2100 spans about 200): each of its rows is read as wide as its header
MAX_TABLE_COLUMNS = 256


def open_sheet(
    path: Path,
    sheet: str | None,
    is_header: Callable[[list[str]], bool],
    refuse: Callable[[SheetError], None],
) -> tuple[str, Iterator[tuple[int, list[str]]], list[str]]:
    """The sheet's title, its table's rows as (row number, text cells), from its header on
    (the first row that ``is_header``, see :func:`_rows`), and the workbook's other visible
    sheets when none was chosen (they are not read: the caller says so).

    A row of data that merged cells empty is not given, nor one with a cell that cannot be
    read: each is passed to ``refuse`` while reading goes on, so that every such problem is
    reported at once. A problem of the whole workbook raises :class:`SheetError`."""
    from dxscore.xlsx import merged_ranges, open_book

    book = open_book(path)
    try:
        if not book.sheets:
            raise SheetError("no-sheets")
        names = [entry.name for entry in book.sheets]
        others: list[str] = []
        if sheet is None:  # the first sheet Excel shows: a hidden one holds workings, not the data
            shown = [entry for entry in book.sheets if entry.state == "visible"]
            chosen = shown[0] if shown else book.sheets[0]
            others = [entry.name for entry in shown[1:]]
        else:  # "số liệu", or typed with decomposed accents, is the same name (as to Excel)
            wanted = unicodedata.normalize("NFC", sheet).casefold()
            found = [
                e for e in book.sheets if unicodedata.normalize("NFC", e.name).casefold() == wanted
            ]
            if not found:
                listed = ", ".join(f"'{name}'" for name in names)  # quoted: a trailing space shows
                raise SheetError("unknown-sheet", sheet=sheet, sheets=listed)
            chosen = found[0]
        if chosen.part is None:  # listed in the workbook, missing from the file
            raise SheetError("sheet-part-missing", sheet=chosen.name)
        if chosen.kind != "worksheet":  # a chart sheet
            raise SheetError("not-a-worksheet", sheet=chosen.name)
        merged = merged_ranges(book, chosen)
    except BaseException:
        book.close()
        raise
    return chosen.name, _rows(book, chosen, merged, is_header, refuse), others


class _Hiding:
    """Which merged ranges empty a cell of a row of the table, the rows taken in order: each
    range is looked at once when the rows reach it, so a sheet of many ranges costs no more
    than its rows and ranges."""

    def __init__(self, merged: list[Merged], first: int, last: int) -> None:
        # only ranges over the table's columns, from the first row in which they empty a cell:
        # their top row when they span columns (its cells right of the first), else the next
        spans = [
            (m.top if m.right > m.left else m.top + 1, m)
            for m in merged
            if m.left <= last and m.right >= first
        ]
        self.waiting = sorted(spans, key=lambda span: span[0], reverse=True)
        self.pending: list[Merged] = []  # ranges reached, not yet reported
        self.covered = 0  # the last row that a range reached empties

    def at(self, row: int) -> tuple[bool, list[Merged]]:
        """Whether a range empties a cell of this row, and the ranges to report here."""
        while self.waiting and self.waiting[-1][0] <= row:
            _, reached = self.waiting.pop()
            self.pending.append(reached)
            self.covered = max(self.covered, reached.bottom)
        report = [m for m in self.pending if m.bottom >= row]
        self.pending = []
        return self.covered >= row, report


def _texts(cells: list[Cell], width: int | None = None) -> list[str]:
    """A row's cells as text, by column, up to ``width`` columns (all when None), without the
    empty cells at its end (formatting alone extends a row; they say nothing)."""
    last = cells[-1].column if width is None else width
    texts = [""] * last
    for cell in cells:
        if cell.column > last:
            break
        texts[cell.column - 1] = _text(cell.value, cell.number_format)
    while texts and texts[-1] == "":
        texts.pop()
    return texts


def _first_outside(row: list[Cell], last: int) -> int:
    """The column of the row's first cell with a value right of column ``last``, or 0."""
    return next((c.column for c in row if c.column > last and c.value not in (None, "")), 0)


def _rows(
    book: Book,
    entry: SheetEntry,
    merged: list[Merged],
    is_header: Callable[[list[str]], bool],
    refuse: Callable[[SheetError], None],
) -> Iterator[tuple[int, list[str]]]:
    """The rows from the header on. Rows above it (a title such as "BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI
    SỐ", merged across the table or not, a unit, a date) are not the table and are not read; a
    sheet with no header (a sheet of notes) gives its first row with a value, for the reader
    to say what that header lacks."""
    from dxscore.xlsx import read_rows

    try:
        last = 0  # the table's last column, from its header
        hiding: _Hiding | None = None
        beyond = False  # a cell right of the header was given (the reader warns of the first)
        above: tuple[int, list[str]] | None = None  # the first row with a value, above it
        searched = 0  # rows with a value above the header
        for number, row in read_rows(book, entry, refuse):
            if not last:
                compact = [_text(cell.value, cell.number_format) for cell in row]
                if not is_header(compact):
                    if above is None and any(compact):
                        above = (number, _texts(row))
                    searched += 1
                    if searched == MAX_ROWS_ABOVE_HEADER:  # a sheet of notes, not a table
                        break
                    continue
                cells = _texts(row)
                named = [i for i, cell in enumerate(cells, 1) if cell]
                first, last = named[0], named[-1]  # the header's first and last named columns
                if last > MAX_TABLE_COLUMNS:  # every row of it would be as wide
                    raise SheetError(
                        "table-too-wide", (number, last), column=last, limit=MAX_TABLE_COLUMNS
                    )
                hiding = _Hiding(merged, first, last) if merged else None
            else:
                # cells right of the table's columns are given up to the first with a value,
                # once (for the reader to warn of it): a reader pads every row to the header
                outside = 0 if beyond else _first_outside(row, last)
                beyond = beyond or bool(outside)
                cells = _texts(row, outside or last)
                if hiding is not None and any(cells):
                    # in a row of data, a merged cell reads empty but for the first: an area, a
                    # city or a value would be lost (a merged title, or an empty box, is harmless)
                    hidden, report = hiding.at(number)
                    for m in report:
                        refuse(SheetError("merged-cells", (m.top, m.left), range=m.name))
                    if hidden:
                        continue  # its emptied cells would read as city-wide, or as no value
            for cell in row:
                if cell.value is None and cell.formula is not None:
                    raise SheetError(
                        "formula-without-value", (number, cell.column), formula=cell.formula[:40]
                    )
            yield number, cells
        if not last and above is not None:  # no header: its first row with a value, to say so
            yield above
    finally:
        book.close()


def _times_100(value: float) -> str:
    """A percentage cell's number × 100 in decimal, exactly: 0.59999999999 is 59.999999999,
    not 60 (which would meet a target of 60), and 0.07 is 7, not 7.000000000000001."""
    from decimal import Decimal

    return format((Decimal(repr(value)) * 100).normalize(), "f")


def _text(value: object, number_format: str) -> str:
    """A cell's value as the text a CSV would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if isinstance(value, float):  # as Excel shows and exports it: 15 significant digits,
            value = float(f"{value:.15g}")  # so 0.7+0.2 (0.8999999999999999) is 0.9
        if _is_percent(number_format):
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
