"""The row engine: every row of a table read into observations, each problem placed."""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

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
from dxscore.rules import (
    SeriesYear,
    first_filled,
    is_future,
    is_ragged,
    looks_like_fractions,
    mixes_scales,
)
from dxscore.scoring import SeriesKey
from dxscore.text import control_character, nfc, normalize_word, shown

PROGRESS_EVERY = 50_000  # rows between progress reports
Progress = Callable[[str, int], None]  # (file, bytes read so far)


class Seen:
    """Where each series and year was first read, across the files of one run, for a row that
    gives one twice (duplicate-row).

    A million rows are a million series and years. Each series keeps the latest year read
    (``latest``): a row of a later year, as files mostly run, is new without a look-up. A row
    of an earlier year is looked for among the series' observations (the group the engine
    keeps them in, which know their file and line) and among ``cells``, the rows read without
    an observation: an empty or refused cell (its file and line), or any row where observations
    are not kept (its line: one file, whose problems alone are wanted).
    """

    def __init__(self, *, nothing_twice: bool = False) -> None:
        self.latest: dict[SeriesKey, list[int]] = {}  # per series, its latest year read (boxed)
        self.cells: dict[SeriesYear, tuple[str, int] | int] = {}
        # a file known to give no series and year twice (the DuckDB reader's checks): nothing
        # is remembered
        self.nothing_twice = nothing_twice

    def first(
        self, key: SeriesYear, latest: list[int], group: list[Observation], name: str
    ) -> str | None:
        """Where the series and year of ``key`` was read before, as ``FILE:LINE``; None when
        it was not (``name``: the file of a line alone)."""
        year = key[3]
        if year > latest[0] or self.nothing_twice:
            return None
        found = self.cells.get(key)
        if found is not None:
            return f"{name}:{found}" if isinstance(found, int) else "{}:{}".format(*found)
        for observation in group:
            if observation.year == year:
                return f"{observation.file}:{observation.line}"
        return None

    def remember(self, key: SeriesYear, latest: list[int], where: tuple[str, int] | int) -> None:
        """A row of the series and year of ``key`` read without an observation kept."""
        if key[3] > latest[0]:
            latest[0] = key[3]
        if not self.nothing_twice:
            self.cells[key] = where


TOTALS = re.compile(
    r"(tổng|cộng|tổng (cộng|số)|tong (cong|so)|total|grand total|sum"
    r"|(tổng )?(toàn|cả) (thành phố|tp|tỉnh|quận|huyện|thị xã|quốc|nước)( .*)?"
    r"|(tong )?toan (thanh pho|tp|tinh|quan|huyen|thi xa|quoc)( .*)?|ca nuoc)"
)  # matched after the trailing dots, colons and spaces are cut (is_a_total)


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
        seen: Seen,
    ) -> None:
        self.path, self.name, self.encoding = path, name, encoding
        self.targets, self.city, self.result, self.seen = targets, city, result, seen
        self.line = 0
        # unit → value cell → what it reads as (a large file repeats a few thousand values)
        self.outcomes: dict[str, dict[str, Outcome]] = {}
        self.remembered = 0  # outcomes kept, of every unit
        self.progress: Callable[[int], None] | None = None
        self.wanted = targets.resolve_city(city) if city else None
        self.pad_rows = False  # a sheet row omits its empty trailing cells; a CSV row does not
        self.next_line = 1  # where the record being read starts (for CSV syntax errors)
        self.other_city_rows = 0
        # whether observations are kept: not when only the problems of a file known to be
        # refused are wanted (the DuckDB reader's rows, handed back; then Seen is this file's
        # alone); its counts are kept all the same
        self.keep = True
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

    def written_by_name(self) -> None:
        """A row whose indicator is written by its name: counted, and the first lines kept."""
        self.named_rows += 1
        if len(self.named_lines) < 10:
            self.named_lines.append(self.line)

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
        record: list[str] = []  # the lines of the record being read (where quotes may be)
        source: Iterator[str] = rest

        def records() -> Iterator[str]:
            for line in rest:
                record.append(line)
                yield line

        if self._may_hold_quotes():  # else each record is one line, and leaves no quote open
            source = records()
        rows = csv.reader(source, delimiter=delimiter, strict=True)
        self.next_line = skip + 1
        self.read_records(self._csv_records(rows, record, skip))

    def _may_hold_quotes(self) -> bool:
        """Whether the file may hold a '"': not when its bytes hold none in an encoding that
        writes it as its ASCII byte (one cheap scan, rather than keeping each line's text in
        case a record has a syntax error, a third of the time of the csv module)."""
        try:
            if '"'.encode(self.encoding) not in (b'"', codecs.BOM_UTF8 + b'"'):
                return True
        except (LookupError, UnicodeError):
            return True
        import mmap

        try:
            with (
                self.path.open("rb") as handle,
                mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
            ):
                return data.find(b'"') != -1
        except (OSError, ValueError):  # not a file mmap takes (empty, a pipe)
            return True

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

    def read_records(self, records: Iterator[tuple[int, Sequence[str]]]) -> None:
        """Read (line, cells) records, the first being the header; any source (CSV, a sheet)."""
        first = next(records, None)
        if first is None:
            self.problem("empty-file", 1, 1)
            return
        self.read_table(*first, records)

    def read_table(
        self,
        header_line: int | None,
        header: Sequence[str],
        rows: Iterator[tuple[int, Sequence[str]]],
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
                    "warning.indicator-names" + (".one" if self.named_rows == 1 else ""),
                    lines[0],
                    kind="warning",
                    count=self.named_rows,
                    lines=shown_lines,
                )
            )
        self._warn_of_fractions()
        if self.keep:  # (the series' values are kept only then)
            self._warn_of_mixed_scales()
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
            first = next((value for _, value in values if value > 0), values[0][1])
            self.result.warnings.append(
                problem(
                    self.name,
                    "warning.looks-like-fraction" + (".one" if len(lines) == 1 else ""),
                    lines[0],
                    kind="warning",
                    indicator=indicator_id,
                    city=set_id,
                    lines=shown,
                    value=f"{first:g}",
                    percent=f"{first * 100:g}",
                )
            )

    def _warn_of_mixed_scales(self) -> None:
        """A series of a percentage (targets above 1), in this file, that mixes scales
        (:func:`~dxscore.rules.mixes_scales`): ``0.82`` in 2024 then ``91`` in 2025."""
        percentages = {
            (set_id, indicator.id)
            for set_id, indicators in self.targets.indicators.items()
            for indicator in indicators.values()
            if indicator.unit == "percent" and all(t.value > 1 for t in indicator.targets.values())
        }
        for (set_id, area, indicator_id), group in self.result.groups.items():
            if (set_id, indicator_id) not in percentages or min(map(_VALUE, group), default=1) >= 1:
                continue  # (most series: no value under 1, told at C speed)
            mine = [
                (o.line, o.value)
                for o in group
                if o.file == self.name and isinstance(o.value, float)
            ]
            if not mixes_scales(value for _, value in mine):
                continue
            small, small_line = max((v, -at) for at, v in mine if 0 < v < 1)
            large, large_line = max((v, -at) for at, v in mine)
            small_line, large_line = -small_line, -large_line  # the first line of each
            self.result.warnings.append(
                problem(
                    self.name,
                    "warning.mixed-scale",
                    small_line,
                    kind="warning",
                    indicator=indicator_id,
                    city=set_id if area is None else f"{set_id}, {area}",
                    small=f"{small:g}",
                    small_line=small_line,
                    large=f"{large:g}",
                    large_line=large_line,
                    percent=f"{small * 100:g}",
                )
            )

    def _read_rows(
        self,
        header_line: int | None,
        header: Sequence[str],
        records: Iterator[tuple[int, Sequence[str]]],
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
        width = len(header)
        # A row like those read before takes a short way: the long layout with nothing but its
        # names, year and value, each cell one already accepted, and a series and year not seen
        # yet. Every lookup is a cache the full way (read_row) fills once it has accepted a
        # cell; any other row (a new or refused cell, an empty one, a year in the future, a
        # row given twice) is read the full way, which has done nothing of it yet.
        short, keep = layout.plain, self.keep
        names_of, names_key, year_of = layout.names_of, layout.names_key, layout.present_year_of
        year_at, value_at = layout.year_at or 0, layout.value_at or 0
        fractions, unkept = self.fractions, self.seen.cells
        remember = not self.seen.nothing_twice
        kept, name = self.result.observations.append, self.name
        rows = self.result.rows
        problems = self.result.problems
        try:
            for self.line, cells in records:
                # "stopped after 1000 problems": the rest is unread
                if len(problems) > MAX_PROBLEMS:
                    break
                if (not cells or not cells[0].strip()) and not "".join(cells).strip():
                    continue  # a blank line, or one of empty cells (Excel writes ";;;" for those)
                rows += 1
                if progress is not None and rows % every == 0:
                    self.result.rows = rows
                    progress(rows)
                if self.pad_rows and len(cells) != width:  # a sheet: rows end at their last value
                    past = first_filled(cells, range(width, len(cells)))  # past the header
                    if past is not None and unnamed_data is None:
                        unnamed_data = (self.line, past)
                    cells = [*cells, *[""] * (width - len(cells))][:width]
                if is_ragged(cells, header):  # located at the first cell too many or missing
                    at = min(len(cells), width)
                    missing = header[at] if at < width else None
                    self.problem(
                        "ragged-row",
                        self.line,
                        at + 1,
                        missing,
                        cells=len(cells),
                        columns=width,
                    )
                    continue
                if unnamed and unnamed_data is None:
                    found = first_filled(cells, unnamed)
                    unnamed_data = None if found is None else (self.line, found)
                if short:
                    named = names_of.get(names_key(cells))
                    if named is None:
                        named = layout.names(self, cells)
                        if named is None:
                            continue
                    year = year_of.get(cells[year_at])
                    outcome = named.outcomes.get(cells[value_at])
                    if (
                        year is not None
                        and outcome is not None
                        and type(outcome) is not tuple  # refused
                        and (named.fraction is None or fractions.get(named.fraction, ()) is None)
                    ):
                        latest = named.latest
                        if year > latest[0]:  # a year after any of the series: not seen yet
                            latest[0] = year
                            set_id, area, _, by_name, indicator_id = named[:5]
                            if by_name:
                                self.written_by_name()
                            line = self.line
                            if keep:
                                observation: Observation = _new_tuple(
                                    Observation,  # with no note, source or estimate
                                    (
                                        set_id,
                                        area,
                                        indicator_id,
                                        year,
                                        outcome,
                                        name,
                                        line,
                                        "",
                                        "",
                                        False,
                                    ),
                                )
                                kept(observation)
                                named.group.append(observation)
                            elif remember:
                                unkept[(set_id, area, indicator_id, year)] = line
                            continue
                    layout.read_rest(self, cells, named)
                    continue
                layout.read_row(self, cells)
        finally:
            self.result.rows = rows
        if unnamed_data is not None:
            line, index = unnamed_data
            self.result.warnings.append(
                problem(self.name, "warning.unnamed-column", line, index + 1, kind="warning")
            )
        if self.result.rows == rows_before and not any(  # a row refused is a row that was there
            found.file == self.name for found in self.result.problems
        ):
            self.problem("empty-file.no-rows", header_line)


class Names(NamedTuple):
    """What a row's city, indicator and area cells name."""

    set_id: str
    area: str | None
    indicator: Indicator
    by_name: bool  # the indicator is written by its name, not its id
    indicator_id: str
    series: tuple[str, str | None, str]  # (set id, area, indicator id)
    unit: str
    fraction: tuple[str, str] | None  # a percentage's (set id, indicator id): see _fraction
    outcomes: dict[str, Outcome]  # value cell → what it reads as, for the indicator's unit
    group: list[Observation]  # the series' observations (Actuals.groups)
    latest: list[int]  # the series' latest year read (Seen.latest)


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
        self.present_year_of: dict[str, int] = {}  # the same, for years not in the future
        # the long layout with no column but the names, year and value: rows the short way
        self.plain = not self.years and set(roles) <= {"city", "area", "indicator", "year", "value"}
        self.unknown_of: dict[tuple[str, str], Problem] = {}  # (set id, cell) → why it is none
        # (city, indicator, area cells, those the table has) → what they name, once accepted
        named_at = [at for at in (self.city_at, self.indicator_at, self.area_at) if at is not None]
        self.names_key: Callable[[Sequence[str]], object] = itemgetter(*named_at)
        self.names_of: dict[object, Names] = {}

    def read_row(self, reader: TableReader, cells: Sequence[str]) -> None:
        # the city, indicator and area cells of a row, once accepted together, stand for what
        # they name: most rows of a large file repeat a combination already read
        names = self.names_of.get(self.names_key(cells))
        if names is None:
            names = self.names(reader, cells)
            if names is None:
                return
        self.read_rest(reader, cells, names)

    def read_rest(self, reader: TableReader, cells: Sequence[str], names: Names) -> None:
        """A row read on from what its city, indicator and area cells name."""
        if names.by_name:
            reader.written_by_name()
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
                    names,
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
            year = self._year(reader, cells[year_index], reader.line, year_index)
            if year is None:
                return
        self._observe(
            reader, names, year, cells[self.value_at], self.value_at, note, source, estimate
        )

    def names(self, reader: TableReader, cells: Sequence[str]) -> Names | None:
        """What a row's city, indicator and area cells name (None when a problem is said of
        the city or the indicator: the row is not read on); remembered once all three are
        accepted."""
        city_at = self.city_at
        set_id = self.set_of.get(cells[city_at]) if city_at is not None else self.fixed_set
        if set_id is None:
            set_id = self._city(reader, cells)
            if set_id is None:
                return None
        indicator_cell = cells[self.indicator_at]
        known = self.indicator_of.get((set_id, indicator_cell))
        if known is None:
            known = self._indicator(reader, set_id, indicator_cell)
            if known is None:
                return None
        indicator, by_name = known
        area: str | None = None
        accepted = True
        if self.area_at is not None:
            area_cell = cells[self.area_at]
            area = self.area_of.get((set_id, area_cell))
            if area is None and (set_id, area_cell) not in self.area_of:
                stripped = area_cell.strip()
                area = nfc(stripped) if stripped else None
                accepted = (
                    self._clean(reader, area_cell, self.area_at, name=True)
                    and self._not_a_total(reader, area)
                    and self._one_spelling(reader, set_id, area)
                )
                if accepted:
                    self.area_of[(set_id, area_cell)] = area  # a refused one: on every row
        series = (set_id, area, indicator.id)
        unit = indicator.unit
        fraction = (set_id, indicator.id) if unit == "percent" else None
        outcomes = reader.outcomes.setdefault(unit, {})
        # (observations not kept: none is appended to it, and no list is made per series)
        group = reader.result.groups.setdefault(series, []) if reader.keep else _NOT_KEPT
        latest = reader.seen.latest.setdefault(series, [0])
        names: Names = _new_tuple(  # Names(…), without the call of its __new__
            Names,
            (
                *(set_id, area, indicator, by_name, indicator.id, series),
                *(unit, fraction, outcomes, group, latest),
            ),
        )
        if accepted and len(self.names_of) < MAX_REMEMBERED:
            self.names_of[self.names_key(cells)] = names
        return names

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
            if not is_future(year, reader.current_year):
                self.present_year_of[cell] = year
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

    def _city(self, reader: TableReader, cells: Sequence[str]) -> str | None:
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
        names: Names,
        year: int,
        cell: str,
        index: int,
        note: str,
        source: str,
        estimate: bool,
    ) -> None:
        line = reader.line
        set_id, area, indicator, _, indicator_id, series, unit, _, outcomes, group, latest = names
        if is_future(year, reader.current_year) and cell.strip():  # measured: not in the future
            at = index if self.year_at is None else self.year_at  # wide: the value's column
            reader.problem(
                "future-year",
                line,
                at + 1,
                self.header[at],
                year=year,
                now=reader.current_year,
                indicator=indicator_id,
            )
            return
        key = (set_id, area, indicator_id, year)
        seen = reader.seen
        first = seen.first(key, latest, group, reader.name)
        if first is not None:
            reader.problem(
                "duplicate-row" if area is None else "duplicate-row.area",
                line,
                index + 1,
                self.header[index],
                indicator=indicator_id,
                year=year,
                city=set_id,
                area=area,
                first=first,
            )
            return
        outcome = outcomes.get(cell)
        if outcome is None:
            if not cell.strip() and control_character(cell, name=True) is None:
                seen.remember(key, latest, (reader.name, line) if reader.keep else line)
                reader.result.not_reported += 1
                reader.result.unreported.add(series)
                return
            outcome = read_cell(unit, cell)
            if reader.remembered < MAX_REMEMBERED:  # a large file repeats a few thousand values
                outcomes[cell] = outcome
                reader.remembered += 1
        if isinstance(outcome, tuple):
            seen.remember(key, latest, (reader.name, line) if reader.keep else line)
            reason, params = outcome
            fields = {"value": shown(cell), "indicator": indicator_id, **params}
            reader.add(
                problem(reader.name, reason, line, index + 1, self.header[index], fields=fields)
            )
            return
        if unit == "percent" and isinstance(outcome, float):
            self._fraction(reader, set_id, indicator, outcome)
        if not reader.keep:  # the input is refused: only its problems are wanted
            seen.remember(key, latest, line)
            return
        # Observation(…) with every field, without the call of its __new__ (a Python function)
        observation: Observation = _new_tuple(
            Observation,
            (set_id, area, indicator_id, year, outcome, reader.name, line, note, source, estimate),
        )
        if year > latest[0]:  # (its group tells where it was read, should a row give it again)
            latest[0] = year
        reader.result.observations.append(observation)
        group.append(observation)

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


_VALUE = itemgetter(4)  # an Observation's value
MAX_REMEMBERED = 100_000
_new_tuple = tuple.__new__
_NOT_KEPT: list[Observation] = []  # the group of every series, where observations are not kept
