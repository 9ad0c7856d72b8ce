"""Actuals in an .xlsx workbook: the rows of one sheet as text cells, for the same reader as CSV.

openpyxl (imported only here) reads the workbook in read-only mode, row by row. Cells become
the text a CSV would hold: numbers without a trailing ``.0``, a percentage-formatted cell
(which Excel stores as 0.55) as ``55%``, dates in ISO form (then refused as values, with
their cell named), booleans as true/false.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class SheetError(Exception):
    """The workbook or sheet cannot be read; ``key`` and ``fields`` name the problem."""

    def __init__(self, key: str, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.fields = fields


def open_sheet(path: Path, sheet: str | None) -> tuple[str, Iterator[tuple[int, list[str]]]]:
    """The sheet's title and its rows as (row number, text cells)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise SheetError("not-a-workbook", reason=" ".join(str(error).split())) from None
    names = workbook.sheetnames
    if sheet is None:
        chosen = workbook.worksheets[0]
    elif sheet in names:
        chosen = workbook[sheet]
    else:
        raise SheetError("unknown-sheet", sheet=sheet, sheets=", ".join(names))
    return chosen.title, _rows(workbook, chosen)


def _rows(workbook: Any, sheet: Any) -> Iterator[tuple[int, list[str]]]:
    try:
        for number, row in enumerate(sheet.iter_rows(), 1):
            cells = [_text(cell) for cell in row]
            while cells and cells[-1] == "":
                cells.pop()  # formatting alone extends a row; empty cells at its end say nothing
            yield number, cells
    finally:
        workbook.close()


def _text(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        if "%" in (cell.number_format or ""):
            return f"{value * 100:.10g}%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return repr(value) if isinstance(value, float) else str(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()  # a date typed into Excel
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return str(value)
