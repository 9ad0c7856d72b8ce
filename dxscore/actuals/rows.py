"""The row engine: every row of a table read into observations, each problem placed."""

from __future__ import annotations

import csv
import io
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from dxscore.actuals.data import Actuals
from dxscore.actuals.index import TargetIndex, Where
from dxscore.actuals.layout import (
    LOOK_FOR_HEADER,
    Columns,
    find_header,
    first_record,
    read_header,
    sniff_delimiter,
)
from dxscore.actuals.values import (
    DATE,
    MAX_YEAR,
    MIN_YEAR,
    YEAR_INSIDE,
    Outcome,
    parse_estimate,
    parse_year,
    read_cell,
)
from dxscore.clock import current_year
from dxscore.errors import MAX_PROBLEMS, TOO_MANY_PROBLEMS, Problem, problem
from dxscore.model import Indicator
from dxscore.observations import Observation
from dxscore.rules import SeriesYear, first_filled, is_future, is_ragged, looks_like_fractions
from dxscore.text import control_character, nfc, normalize_word, shown

PROGRESS_EVERY = 50_000  # rows between progress reports
Progress = Callable[[str, int], None]  # (file, bytes read so far)


TOTALS = re.compile(
    r"(tổng|cộng|tổng (cộng|số)|tong (cong|so)|total|grand total|sum"
    r"|(tổng )?(toàn|cả) (thành phố|tp|tỉnh|quận|huyện|thị xã|quốc|nước)( .*)?"
    r"|(tong )?toan (thanh pho|tp|tinh|quan|huyen|thi xa|quoc)( .*)?|ca nuoc)[.:]*"
)


def is_a_total(area: str) -> bool:
    return TOTALS.fullmatch(normalize_word(area).rstrip(":. ")) is not None


def csv_problem(name: str, error: str, line: int) -> Problem:
    """The csv module's error, told at the line its record starts on (column 1: the record as
    a whole, as the module does not say where in it)."""
    if "end of data" in error or "EOF" in error:
        return problem(name, "csv-syntax.unclosed", line, 1)
    if "field larger than field limit" in error:
        return problem(name, "csv-syntax.too-large", line, 1)
    if "NUL" in error:
        return problem(name, "csv-syntax.nul", line, 1)
    if error.endswith("""expected after '"'"""):  # ',' expected after '"'
        if error[1] == "\t":
            return problem(name, "csv-syntax.after-quote-tab", line, 1)
        return problem(name, "csv-syntax.after-quote", line, 1, delimiter=error[:3])
    return problem(name, "csv-syntax", line, 1, detail=error)


class TableReader:
    """Reads one file into the shared :class:`Actuals`."""

    def __init__(
        self,
        path: Path,
        name: str,
        encoding: str,
        targets: TargetIndex,
        city: str | None,
        result: Actuals,
        first_seen: dict[SeriesYear, tuple[str, int]],
    ) -> None:
        self.path, self.name, self.encoding = path, name, encoding
        self.targets, self.city, self.result, self.first_seen = (
            targets,
            city,
            result,
            first_seen,
        )
        self.line = 0
        self.outcomes: dict[tuple[str, str], Outcome] = {}  # (unit, value cell) → what it reads as
        self.progress: Callable[[int], None] | None = None
        self.wanted = targets.resolve_city(city) if city else None
        self.pad_rows = False  # a sheet row omits its empty trailing cells; a CSV row does not
        self.next_line = 1  # where the record being read starts (for CSV syntax errors)
        self.other_city_rows = 0
        self.named_rows = 0  # rows whose indicator is written by its name, not its id
        self.named_lines: list[int] = []  # the first of them, to name in the warning
        self.current_year = current_year()  # no value may be dated after it
        # per percent indicator, the lines of its values while every one lies within 0–1
        # (None once one does not): "0.55" for 55% throughout a file is warned of
        self.fractions: dict[tuple[str, str], list[tuple[int, float]] | None] = {}

    def problem(
        self,
        key: str,
        line: int | None,
        col: int | None = None,
        column: str | None = None,
        **params: object,
    ) -> None:
        self.add(problem(self.name, key, line, col, column, fields=params))

    @property
    def full(self) -> bool:
        """Whether no more problems are kept (they are counted, and need no words)."""
        return len(self.result.problems) >= MAX_PROBLEMS

    def add(self, found: Problem) -> None:
        """Keep a problem, up to :data:`MAX_PROBLEMS` (then one that says so)."""
        problems = self.result.problems
        if len(problems) < MAX_PROBLEMS:
            problems.append(found)
        elif len(problems) == MAX_PROBLEMS:
            problems.append(problem(self.name, TOO_MANY_PROBLEMS, count=MAX_PROBLEMS))

    def read(self, stream: io.TextIOWrapper) -> None:
        sample = stream.readline()
        ahead = list(itertools.islice(stream, LOOK_FOR_HEADER))
        if not sample.strip() and not ahead:
            self.problem("empty-file", 1, 1)
            return
        lines = [sample, *ahead]
        found = find_header(lines)  # below title lines, as a sheet saved as CSV has them
        skip = 0
        delimiter = sniff_delimiter(first_record(sample, ahead))
        if found is not None:
            skip, delimiter = found.start, found.delimiter
            if found.others:  # which one heads the table is not guessed
                others = ", ".join(map(str, found.others))
                self.problem("header-ambiguous", skip + 1, 1, header=skip + 1, others=others)
                return
            self.result.warnings.append(
                problem(self.name, "warning.header-below", skip + 1, 1, kind="warning", above=skip)
            )
        elif not sample.strip():
            self.problem("empty-file.first-line", 1, 1)
            return
        rest = itertools.chain(lines[skip:], stream)  # from the header on
        record: list[str] = []  # the lines of the record being read

        def records() -> Iterator[str]:
            for line in rest:
                record.append(line)
                yield line

        rows = csv.reader(records(), delimiter=delimiter, strict=True)
        self.next_line = skip + 1
        self.read_records(self._csv_records(rows, record, skip))

    def _csv_records(
        self, rows: Iterator[list[str]], record: list[str], skipped: int
    ) -> Iterator[tuple[int, list[str]]]:
        """(first line of the record, cells); keeps ``next_line`` for CSV syntax errors.

        A syntax error in a data row (``"48"x``) is reported and reading goes on with the next
        line, so that the rest of the file is checked too, when the record's quotes pair up
        there: with one left open (``"48"x,"a note over two lines``), the next line is inside
        a cell, and the file ends at the error, as it does at one in the header."""
        end = skipped  # the lines above the header
        while True:
            try:
                cells = next(rows)
            except StopIteration:
                return
            except csv.Error as error:
                if end == skipped or "".join(record).count('"') % 2:
                    raise
                self.add(csv_problem(self.name, str(error), self.next_line))
                cells = []
            else:
                yield end + 1, cells
            end = skipped + rows.line_num  # type: ignore[attr-defined]
            self.next_line = end + 1
            record.clear()

    def read_records(self, records: Iterator[tuple[int, list[str]]]) -> None:
        """Read (line, cells) records, the first being the header; any source (CSV, a sheet)."""
        first = next(records, None)
        if first is None:
            self.problem("empty-file", 1, 1)
            return
        self.read_table(*first, records)

    def read_table(
        self, header_line: int | None, header: list[str], rows: Iterator[tuple[int, list[str]]]
    ) -> None:
        """Read a table: its header (at ``header_line``; None: it has no line, as the keys of
        rows given in Python) and its (line, cells) rows."""
        self._read_rows(header_line, header, rows)
        if self.named_rows:
            lines = self.named_lines
            shown_lines = ", ".join(map(str, lines[:10])) + (" …" if self.named_rows > 10 else "")
            self.result.warnings.append(
                problem(
                    self.name,
                    "warning.indicator-names",
                    lines[0],
                    kind="warning",
                    count=self.named_rows,
                    lines=shown_lines,
                )
            )
        self._warn_of_fractions()
        if self.other_city_rows:
            self.result.warnings.append(
                problem(
                    self.name,
                    "warning.other-cities",
                    kind="warning",
                    count=self.other_city_rows,
                    city=self.city,
                )
            )

    def _warn_of_fractions(self) -> None:
        """A percent indicator whose every value in the file lies within 0–1, while its
        targets are above 1: 0.55 was probably meant as 55%."""
        for (set_id, indicator_id), values in self.fractions.items():
            if not values or not looks_like_fractions(value for _, value in values):
                continue
            lines = [line for line, _ in values]
            shown = ", ".join(map(str, lines[:10])) + (" …" if len(lines) > 10 else "")
            self.result.warnings.append(
                problem(
                    self.name,
                    "warning.looks-like-fraction",
                    lines[0],
                    kind="warning",
                    indicator=indicator_id,
                    city=set_id,
                    lines=shown,
                )
            )

    def _read_rows(
        self, header_line: int | None, header: list[str], records: Iterator[tuple[int, list[str]]]
    ) -> None:
        rows_before = self.result.rows  # other files'
        columns = read_header(
            self.name,
            header_line,
            header,
            city_needed=self.city is None and len(self.targets.sets) > 1,
            known_sets=list(self.targets.sets),
        )
        if isinstance(columns, Problem):
            self.add(columns)
            return
        if columns.unused:
            names = ", ".join(shown(name) for name in columns.unused[:10])
            more = len(columns.unused) - 10
            key = "warning.unused-columns.more" if more > 0 else "warning.unused-columns"
            self.result.warnings.append(
                problem(self.name, key, kind="warning", columns=names, more=more)
            )
        layout = RowReader(columns)
        progress, every = self.progress, PROGRESS_EVERY
        unnamed, unnamed_data = layout.unnamed, None  # the first cell with data in such a column
        problems = self.result.problems
        for self.line, cells in records:
            if len(problems) > MAX_PROBLEMS:  # "stopped after 1000 problems": the rest is unread
                break
            if (not cells or not cells[0].strip()) and not "".join(cells).strip():
                continue  # a blank line, or one of empty cells (Excel writes ";;;" for those)
            self.result.rows += 1
            if progress is not None and self.result.rows % every == 0:
                progress(self.result.rows)
            if self.pad_rows and len(cells) != len(header):  # a sheet: rows end at their last value
                past = first_filled(cells, range(len(header), len(cells)))  # past the header
                if past is not None and unnamed_data is None:
                    unnamed_data = (self.line, past)
                cells = (cells + [""] * (len(header) - len(cells)))[: len(header)]
            if is_ragged(cells, header):  # located at the first cell too many or missing
                at = min(len(cells), len(header))
                missing = header[at] if at < len(header) else None
                self.problem(
                    "ragged-row",
                    self.line,
                    at + 1,
                    missing,
                    cells=len(cells),
                    columns=len(header),
                )
                continue
            if unnamed and unnamed_data is None:
                found = first_filled(cells, unnamed)
                unnamed_data = None if found is None else (self.line, found)
            layout.read_row(self, cells)
        if unnamed_data is not None:
            line, index = unnamed_data
            self.result.warnings.append(
                problem(self.name, "warning.unnamed-column", line, index + 1, kind="warning")
            )
        if self.result.rows == rows_before and not any(  # a row refused is a row that was there
            found.file == self.name for found in self.result.problems
        ):
            self.problem("empty-file.no-rows", header_line)


class RowReader:
    """Where each field is in a row, and how one row becomes observations.

    A large file repeats a few cities, indicators, areas and years on every row, so each
    distinct cell is checked once and what it stands for remembered, keyed by the cell as
    written; only a cell not seen before (or one that is wrong) takes the slow path.
    """

    def __init__(self, columns: Columns) -> None:
        roles = columns.roles
        self.roles, self.years, self.header = roles, columns.years, columns.header
        self.unnamed = columns.unnamed
        self.city_at = roles.get("city")
        self.indicator_at = roles["indicator"]
        self.area_at = roles.get("area")
        self.note_at, self.source_at = roles.get("note"), roles.get("source")
        self.year_at, self.value_at = roles.get("year"), roles.get("value")
        self.estimate_at = roles.get("estimate")
        self.estimated = columns.estimated  # year columns headed as estimates
        self.set_of: dict[str, str] = {}  # city cell → target set id, once accepted
        self.fixed_set: str | None = None  # the target set of every row, without a city column
        # (set id, cell) → the indicator, and whether the cell is its name rather than its id
        self.indicator_of: dict[tuple[str, str], tuple[Indicator, bool]] = {}
        self.area_of: dict[tuple[str, str], str | None] = {}  # (set, area cell) → its NFC name
        self.year_of: dict[str, int] = {}  # year cell → year, once accepted
        self.unknown_of: dict[tuple[str, str], Problem] = {}  # (set id, cell) → why it is none

    def read_row(self, reader: TableReader, cells: list[str]) -> None:
        line = reader.line
        city_at = self.city_at
        set_id = self.set_of.get(cells[city_at]) if city_at is not None else self.fixed_set
        if set_id is None:
            set_id = self._city(reader, cells)
            if set_id is None:
                return
        indicator_cell = cells[self.indicator_at]
        known = self.indicator_of.get((set_id, indicator_cell))
        if known is None:
            known = self._indicator(reader, set_id, indicator_cell)
            if known is None:
                return
        indicator, by_name = known
        if by_name:
            reader.named_rows += 1
            if len(reader.named_lines) < 10:
                reader.named_lines.append(reader.line)
        area: str | None = None
        if self.area_at is not None:
            area_cell = cells[self.area_at]
            area = self.area_of.get((set_id, area_cell))
            if area is None and (set_id, area_cell) not in self.area_of:
                stripped = area_cell.strip()
                area = nfc(stripped) if stripped else None
                if (
                    self._clean(reader, area_cell, self.area_at, name=True)
                    and self._not_a_total(reader, area)
                    and self._one_spelling(reader, set_id, area)
                ):
                    self.area_of[(set_id, area_cell)] = area  # a refused one: on every row
        # the row is read on after a control character, so that its other problems show too
        note = nfc(cells[self.note_at].strip()) if self.note_at is not None else ""
        if note and self.note_at is not None:
            self._clean(reader, cells[self.note_at], self.note_at, name=False)
        source = nfc(cells[self.source_at].strip()) if self.source_at is not None else ""
        if source and self.source_at is not None:
            self._clean(reader, cells[self.source_at], self.source_at, name=False)
        if self.years:
            for index, column_year in self.years.items():
                self._observe(
                    reader,
                    set_id,
                    area,
                    indicator,
                    column_year,
                    cells[index],
                    index,
                    note,
                    source,
                    index in self.estimated,
                )
            return
        estimate = False
        if self.estimate_at is not None:
            marked = self._estimate(reader, cells[self.estimate_at])
            if marked is None:
                return
            estimate = marked
        year_index = self.year_at
        assert year_index is not None and self.value_at is not None  # long layout
        year = self.year_of.get(cells[year_index])
        if year is None:
            year = self._year(reader, cells[year_index], line, year_index)
            if year is None:
                return
        self._observe(
            reader,
            set_id,
            area,
            indicator,
            year,
            cells[self.value_at],
            self.value_at,
            note,
            source,
            estimate,
        )

    def _estimate(self, reader: TableReader, cell: str) -> bool | None:
        """Whether an `estimate` cell marks its row's value as an estimate (a problem says
        where when it says neither)."""
        marked = parse_estimate(cell)
        if marked is None or control_character(cell, name=True) is not None:
            assert self.estimate_at is not None
            column = self.header[self.estimate_at]
            reader.problem(
                "bad-estimate", reader.line, self.estimate_at + 1, column, value=shown(cell)
            )
            return None
        return marked

    def _clean(self, reader: TableReader, text: str, index: int, *, name: bool) -> bool:
        """Whether the text is free of control characters (a problem says where when not)."""
        found = control_character(text, name=name)
        if found is not None:
            key = (
                "invisible-character"
                if unicodedata.category(found) == "Cf"
                else "control-character"
            )
            column = self.header[index]
            reader.problem(key, reader.line, index + 1, column, code=f"{ord(found):04X}")
        return found is None

    def _not_a_total(self, reader: TableReader, area: str | None) -> bool:
        """Whether the area is not a totals row's label (``Tổng cộng``), which would be
        scored, and ranked, as one more district (a problem says where when it is)."""
        if area is None or self.area_at is None or not is_a_total(area):
            return True
        reader.problem(
            "area-total", reader.line, self.area_at + 1, self.header[self.area_at], area=area
        )
        return False

    def _one_spelling(self, reader: TableReader, set_id: str, area: str | None) -> bool:
        """Whether the area is written as it was first in its city (a problem says where when
        not)."""
        if area is None or self.area_at is None:
            return True
        spellings = reader.result.area_spellings
        first = spellings.setdefault(
            (set_id, normalize_word(area)), (area, reader.name, reader.line)
        )
        if first[0] != area:
            at = (reader.line, self.area_at + 1, self.header[self.area_at])
            spelt, file, line = first
            if file == reader.name:
                reader.problem("area-spelling", *at, area=area, first=spelt, first_line=line)
            else:
                where = f"{file}:{line}"
                reader.problem("area-spelling.file", *at, area=area, first=spelt, where=where)
        return first[0] == area

    def _indicator(
        self, reader: TableReader, set_id: str, cell: str
    ) -> tuple[Indicator, bool] | None:
        """The indicator a cell names, by its id or by its name (then True), once per cell; a
        problem says why when it names none (its words worked out once per cell too, and not
        at all past the count of problems kept: work stays bounded whatever the file holds)."""
        at = (reader.line, self.indicator_at + 1, self.header[self.indicator_at])
        refused = self.unknown_of.get((set_id, cell))
        if refused is not None:
            reader.add(replace(refused, line=reader.line))
            return None
        if not self._clean(reader, cell, self.indicator_at, name=True):
            return None
        stripped = cell.strip()
        indicator = reader.targets.indicators[set_id].get(stripped.casefold())
        by_name = False
        if indicator is None and stripped:
            indicator = reader.targets.indicator_named(set_id, stripped)
            by_name = indicator is not None
        if indicator is not None:
            self.indicator_of[(set_id, cell)] = indicator, by_name
            return indicator, by_name
        if reader.full:
            reader.add(problem(reader.name, "unknown-indicator", *at))  # counted, not kept
        elif stripped:
            found = reader.targets.unknown_indicator(reader.name, stripped, set_id, at)
            if len(self.unknown_of) < MAX_REMEMBERED:
                self.unknown_of[(set_id, cell)] = found
            reader.add(found)
        else:
            reader.problem("unknown-indicator.empty", *at)
        return None

    def _year(self, reader: TableReader, cell: str, line: int, index: int) -> int | None:
        if not self._clean(reader, cell, index, name=True):
            return None
        stripped = cell.strip()
        year = parse_year(stripped)
        if year is not None:
            self.year_of[cell] = year
            return year
        if DATE.fullmatch(stripped):  # a year cell formatted as a date: 2024 is 1905-07-16
            reader.problem("bad-year.date", line, index + 1, self.header[index], year=stripped)
            return None
        inside = YEAR_INSIDE.search(stripped)  # "2024.0", "năm 2024": a year, not written alone
        if inside is not None:
            reader.problem(
                "bad-year.inside",
                line,
                index + 1,
                self.header[index],
                year=shown(stripped),
                found=inside.group(1),
            )
            return None
        reader.problem(
            "bad-year",
            line,
            index + 1,
            self.header[index],
            year=shown(stripped),
            low=MIN_YEAR,
            high=MAX_YEAR,
        )
        return None

    def _city(self, reader: TableReader, cells: list[str]) -> str | None:
        index = self.city_at
        wanted = reader.wanted
        if index is None:
            only = wanted or next(iter(reader.targets.sets))
            if only not in reader.result.named_sets:
                reader.result.named_sets.append(only)
            self.fixed_set = only
            return only
        if not self._clean(reader, cells[index], index, name=True):
            return None
        cell = cells[index].strip()
        # an empty cell is not --city's: a merged cell in Excel reads empty below its first row
        set_id = reader.targets.resolve_city(cell) if cell else None
        if set_id is None:
            at: Where = (reader.line, index + 1, self.header[index])
            if cell:
                reader.add(reader.targets.unknown_city(reader.name, cell, at))
            else:
                reader.problem("unknown-city.empty", *at)
            return None
        if wanted is not None and set_id != wanted:
            reader.other_city_rows += 1
            return None
        if set_id not in reader.result.named_sets:
            reader.result.named_sets.append(set_id)
        self.set_of[cells[index]] = set_id
        return set_id

    def _observe(
        self,
        reader: TableReader,
        set_id: str,
        area: str | None,
        indicator: Indicator,
        year: int,
        cell: str,
        index: int,
        note: str,
        source: str,
        estimate: bool,
    ) -> None:
        line, column = reader.line, self.header[index]
        if is_future(year, reader.current_year) and cell.strip():  # measured: not in the future
            at = index if self.year_at is None else self.year_at  # wide: the value's column
            reader.problem(
                "future-year",
                line,
                at + 1,
                self.header[at],
                year=year,
                now=reader.current_year,
                indicator=indicator.id,
            )
            return
        key = (set_id, area, indicator.id, year)
        if key in reader.first_seen:
            reader.problem(
                "duplicate-row" if area is None else "duplicate-row.area",
                line,
                index + 1,
                column,
                indicator=indicator.id,
                year=year,
                city=set_id,
                area=area,
                first="{}:{}".format(*reader.first_seen[key]),
            )
            return
        reader.first_seen[key] = (reader.name, line)
        outcome = reader.outcomes.get((indicator.unit, cell))
        if outcome is None:
            if not cell.strip() and control_character(cell, name=True) is None:
                reader.result.not_reported += 1
                reader.result.unreported.add((set_id, area, indicator.id))
                return
            outcome = read_cell(indicator.unit, cell)
            if len(reader.outcomes) < MAX_REMEMBERED:  # a large file repeats a few thousand values
                reader.outcomes[(indicator.unit, cell)] = outcome
        if isinstance(outcome, tuple):
            reason, params = outcome
            fields = {"value": shown(cell), "indicator": indicator.id, **params}
            reader.add(problem(reader.name, reason, line, index + 1, column, fields=fields))
            return
        if indicator.unit == "percent" and isinstance(outcome, float):
            self._fraction(reader, set_id, indicator, outcome)
        reader.result.observations.append(
            Observation(
                set_id, area, indicator.id, year, outcome, reader.name, line, note, source, estimate
            )
        )

    def _fraction(
        self, reader: TableReader, set_id: str, indicator: Indicator, value: float
    ) -> None:
        """Keep the lines of a percentage's values while each lies within 0–1 and its targets
        are above 1 (``0.55`` meant as 55%: warned of once the file is read)."""
        key = (set_id, indicator.id)
        values = reader.fractions.get(key, [])
        if values is None:
            return
        if value > 1 or not all(t.value > 1 for t in indicator.targets.values()):
            reader.fractions[key] = None
            return
        if len(values) < 11:  # enough lines to name, and to say there are more
            values.append((reader.line, value))
        reader.fractions[key] = values


MAX_REMEMBERED = 100_000
