"""Read and validate actuals files against the loaded target sets."""

from __future__ import annotations

import contextlib
import csv
import io
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from dxscore.actuals.data import Actuals
from dxscore.actuals.encoding import (
    BINARY_SPREADSHEETS,
    UTF8_SAMPLE,
    chosen_encoding,
    decode_problem,
    is_text_encoding,
    is_utf8,
    looks_like_utf16,
    reads_as_utf8,
    utf16_problem,
)
from dxscore.actuals.index import TargetIndex, index_of
from dxscore.actuals.layout import names_the_indicator
from dxscore.actuals.rows import Progress, Seen, TableReader, csv_problem
from dxscore.errors import InputError, Problem, problem, unopened
from dxscore.model import TargetSet


def read_actuals(
    paths: Sequence[Path],
    target_sets: Sequence[TargetSet],
    *,
    city: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> Actuals:
    """Read every file; observations from all, problems from all, duplicates checked across files."""
    unused = unused_options(paths, sheet, encoding)
    if unused:
        raise InputError(unused)
    targets = index_of(target_sets)
    if city is not None and targets.resolve_city(city) is None:
        raise InputError([targets.unknown_city("--city", city)])
    result = Actuals()
    seen = Seen()
    read: set[str] = set()
    for path in paths:
        real = STDIN_NAME if is_stdin(path) else os.path.realpath(path)  # not Path.resolve,
        # which raises on a link to itself
        if real in read:
            result.warnings.append(problem(str(path), "warning.given-twice", kind="warning"))
            continue
        read.add(real)
        if is_stdin(path):
            with _stdin_as_file() as kept:
                _read_file(
                    kept,
                    targets,
                    city,
                    encoding,
                    sheet,
                    result,
                    seen,
                    progress,
                    name=STDIN_NAME,
                )
            continue
        _read_file(path, targets, city, encoding, sheet, result, seen, progress)
    return result


STDIN = "-"  # as a file name: standard input
STDIN_NAME = "<stdin>"  # standard input, as messages name it


def is_stdin(path: Path) -> bool:
    return str(path) == STDIN


@contextlib.contextmanager
def _stdin_as_file() -> Iterator[Path]:
    """Standard input saved to a temporary file, read as any file is (a pipe can be read only
    once; an undecodable byte is located by reading the file again)."""
    import shutil
    import sys
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dxscore-") as folder:
        kept = Path(folder) / "stdin"
        with kept.open("wb") as copy:
            if sys.stdin is not None:
                shutil.copyfileobj(sys.stdin.buffer, copy)
        yield kept


def unused_options(paths: Sequence[Path], sheet: str | None, encoding: str | None) -> list[Problem]:
    """``--sheet`` or ``--encoding`` where it would do nothing: a mistake, not a no-op."""
    if not paths:
        given = (("--sheet", sheet), ("--encoding", encoding))
        return [problem(option, "option-unused") for option, value in given if value is not None]
    books = sum(1 for path in paths if path.suffix.lower() in SPREADSHEET_SUFFIXES)
    found = []
    if sheet is not None and not books:
        found.append(problem("--sheet", "option-unused.sheet", sheet=sheet))
    if encoding is not None and books == len(paths):
        found.append(problem("--encoding", "option-unused.encoding", encoding=encoding))
    return found


def _read_file(
    path: Path,
    targets: TargetIndex,
    city: str | None,
    encoding: str | None,
    sheet: str | None,
    result: Actuals,
    seen: Seen,
    progress: Progress | None = None,
    *,
    name: str | None = None,
) -> None:
    name = name or str(path)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        _read_spreadsheet(path, sheet, targets, city, result, seen)
        return
    if encoding is not None and not is_text_encoding(encoding):
        raise InputError([problem("--encoding", "unknown-encoding", encoding=encoding)])
    try:
        raw = io.BufferedReader(io.FileIO(path), UTF8_SAMPLE)  # once: a pipe cannot be read twice
    except OSError as error:
        result.problems.append(unopened(name, path, error))
        return
    head = raw.peek(64)[:64]
    if head.startswith(BINARY_SPREADSHEETS):  # not text: an .xls, .ods, or a renamed .xlsx
        result.problems.append(problem(name, "spreadsheet-not-text", 1, 1))
        raw.close()
        return
    chosen = chosen_encoding(encoding, head)
    if encoding is None and chosen == "utf-8-sig" and looks_like_utf16(head):
        result.problems.append(utf16_problem(name, head))  # it decodes as UTF-8: NUL is valid
        raw.close()
        return
    if encoding is not None and not is_utf8(chosen) and reads_as_utf8(raw.peek(UTF8_SAMPLE)):
        # --encoding applies to every file: an Excel "CSV UTF-8" among them would be garbled
        result.problems.append(problem(name, "encoding-but-utf8", encoding=encoding))
        raw.close()
        return
    reader = TableReader(path, name, chosen, targets, city, result, seen)
    if progress is not None:
        reader.progress = lambda _rows: progress(name, raw.tell())
    try:
        with io.TextIOWrapper(raw, encoding=chosen, newline="") as stream:
            reader.read(stream)
    except UnicodeError:  # UnicodeDecodeError, or UTF-16 without its BOM
        result.problems.append(decode_problem(path, name, chosen))
    except csv.Error as error:
        result.problems.append(csv_problem(name, str(error), reader.next_line))
    except OSError as error:
        result.problems.append(problem(name, "unreadable", reason=error.strerror or error))


SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")


def _read_spreadsheet(
    path: Path,
    sheet: str | None,
    targets: TargetIndex,
    city: str | None,
    result: Actuals,
    seen: Seen,
) -> None:
    from dxscore.spreadsheet import SheetError, open_sheet

    def refuse(error: SheetError) -> None:  # called as the rows are read, so in their order
        if error.at is None:  # the whole workbook: placed at its start, as CI annotates a file
            result.problems.append(problem(str(path), error.key, 1, 1, fields=error.fields))
        else:
            line, col = error.at
            reader.add(problem(reader.name, error.key, line, col, fields=error.fields))

    try:  # missing, a folder, unreadable or empty: said as for a CSV file, not as a damaged book
        with path.open("rb") as book:
            empty = not book.read(1)
    except OSError as error:
        result.problems.append(unopened(str(path), path, error))
        return
    if empty:
        result.problems.append(problem(str(path), "empty-file", 1, 1))
        return
    try:
        title, records, others = open_sheet(path, sheet, names_the_indicator, refuse)
    except SheetError as error:
        refuse(error)
        return
    if others:  # nothing unread goes unsaid: a second sheet may hold another year's table
        listed = ", ".join(f"'{name}'" for name in others)
        result.warnings.append(
            problem(str(path), "warning.other-sheets", kind="warning", sheet=title, sheets=listed)
        )
    reader = TableReader(path, f"{path}!{title}", "", targets, city, result, seen)
    reader.pad_rows = True
    try:  # the rows from the header on (a table may start lower down, below a title)
        reader.read_records(records)
    except SheetError as error:  # a formula without its value, a damaged sheet
        refuse(error)


# What a spreadsheet writes in a totals row where the area goes (case and spaces aside; with
# their accents where, without them, a place could be named so: "Công", "Cống"): "Tổng cộng",
# "Tổng toàn thành phố", "Toàn TP", "Toàn thành phố Hà Nội", "Cả tỉnh", "Total" …


ROWS_NAME = "<rows>"  # rows given in Python, as messages name them


def read_rows(
    rows: Sequence[object], target_sets: Sequence[TargetSet], *, city: str | None = None
) -> Actuals:
    """Rows given in Python as mappings, validated exactly as the rows of a CSV file: their
    keys are the header (in the order they first appear), each row's index its line."""
    targets = index_of(target_sets)
    if city is not None and targets.resolve_city(city) is None:
        raise InputError([targets.unknown_city("--city", city)])
    result = Actuals()
    not_mappings = [i for i, row in enumerate(rows) if not isinstance(row, Mapping)]
    if not_mappings:
        raise InputError([problem(ROWS_NAME, "not-a-mapping", i) for i in not_mappings[:50]])
    keys: dict[str, None] = {}
    for row in rows:
        keys.update(dict.fromkeys(str(key) for key in row))  # type: ignore[attr-defined]
    header = list(keys)
    if not rows:
        result.problems.append(problem(ROWS_NAME, "empty-file"))
        return result
    cells = (
        (index, [_as_cell(row.get(key)) for key in header])  # type: ignore[attr-defined]
        for index, row in enumerate(rows)
    )
    reader = TableReader(Path(ROWS_NAME), ROWS_NAME, "", targets, city, result, Seen())
    reader.read_table(None, header, cells)
    return result


def _as_cell(value: object) -> str:
    """A value as a CSV cell holds it: ``55``, ``55.5``, ``true``; nothing for None."""
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # "nan" and "inf" are refused as a CSV's are
    return str(value)
