"""Large CSV files read column by column with DuckDB, for speed.

The reference reader (:mod:`dxscore.actuals.rows`) takes one row at a time and reports each
problem with its line and column. A large file that is clean is read here instead, several
times as fast: DuckDB parses it, bulk queries check that the reference reader would read
every row the same way, and each series (target set, area, indicator) is reduced to what the
verdicts need: its latest values and the sums of its fitted line, added in the order
:func:`dxscore.rules.fit_line` adds them, so that the scores are identical.

Before DuckDB parses anything, one pass over the file's bytes decides whether DuckDB's reading
can be the reference reader's: a single UTF-8 file of at least :data:`MIN_BYTES` in the long
layout with no note or source column, no quotes, no NUL and no lone carriage return, whose
every line has as many cells as the header. A file that fails it is left to the reference
reader (None), which reads it once.

Once DuckDB has parsed the file, a check that finds what the reference reader certainly
refuses (an unknown name, a value it does not read, a row given twice) hands DuckDB's rows to
the reference row engine, which reports every problem as it does reading the file: a refused
file is not read again. A check with only a doubt (what the reference reader may warn of or
accept as it is: an indicator written by its name, spaces around an area) leaves the file to
the reference reader (None), which reads it whole: see :class:`_Reader`.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from dxscore.actuals.data import Actuals
from dxscore.actuals.encoding import chosen_encoding, is_utf8
from dxscore.actuals.index import TargetIndex, index_of
from dxscore.actuals.layout import (
    LOOK_FOR_HEADER,
    clean_long_layout,
    find_header,
    first_record,
    sniff_delimiter,
)
from dxscore.actuals.reader import SPREADSHEET_SUFFIXES
from dxscore.actuals.rows import Seen, TableReader, csv_problem, is_a_total
from dxscore.actuals.values import parse_year, read_cell
from dxscore.clock import current_year
from dxscore.errors import Problem
from dxscore.model import TargetSet
from dxscore.observations import Observation
from dxscore.rules import (
    AS_NUMBER,
    CELL_LIMIT,
    FIRST_LINES_SQL,
    PLAIN_NUMBER,
    Fit,
    filled_sql,
    fractions_sql,
    future_sql,
    longest_cell_sql,
    named_sets,
    rows_are_even,
    series_sql,
    years_sql,
)
from dxscore.scoring import NO_DATA, Series, SeriesKey, with_unreported
from dxscore.text import control_character, nfc, normalize_word

if TYPE_CHECKING:
    import mmap

    import duckdb

MIN_BYTES = 4 * 1024 * 1024  # below this, importing DuckDB (about 0.15 s) costs more than it saves
MAX_OTHER_VALUES = 1000  # distinct other value spellings (done, 55%, 55,5), each checked in Python
ROLES = ("city", "area", "indicator", "year", "value")
HANDED_BACK_BATCH = 10_000  # rows of a refused file fetched at a time for the row engine
_LONE_CR = re.compile(rb"\r(?!\n)")
_DUCKDB_EXPANDS = re.compile(r"[*?\[\]{}]|^~|://")  # DuckDB reads these as globs, homes, URLs
_new_tuple = tuple.__new__


def installed() -> bool:
    """Whether DuckDB is installed (``pip install 'dxscore[large]'``)."""
    import importlib.util

    return importlib.util.find_spec("duckdb") is not None


def worth_it(paths: Sequence[Path]) -> bool:
    """Whether these inputs are what DuckDB would read faster: one CSV file of MIN_BYTES or more."""
    if len(paths) != 1 or paths[0].suffix.lower() in SPREADSHEET_SUFFIXES:
        return False
    try:
        return paths[0].is_file() and paths[0].stat().st_size >= MIN_BYTES
    except OSError:
        return False


def read_large(
    paths: Sequence[Path],
    target_sets: Sequence[TargetSet],
    *,
    city: str | None = None,
    encoding: str | None = None,
) -> LargeActuals | Actuals | None:
    """The file read by DuckDB; or, when DuckDB's reading could differ from the reference
    reader's, None before DuckDB has parsed it (the reference reader reads it), or after, the
    reference row engine's reading of DuckDB's rows (with the problems of an invalid file).
    None too when DuckDB is not installed or the file is small."""
    if len(paths) != 1 or not (encoding is None or is_utf8(encoding)) or not installed():
        return None
    path = paths[0]
    if path.suffix.lower() in SPREADSHEET_SUFFIXES or _DUCKDB_EXPANDS.search(str(path)):
        return None
    try:
        if not path.is_file() or path.stat().st_size < MIN_BYTES:
            return None
    except OSError:
        return None
    targets = index_of(target_sets)
    if city is not None and targets.resolve_city(city) is None:
        return None  # the reference reader says which cities there are
    import mmap

    try:
        with (
            path.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            head = data[:64]
            if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16
                return None
            for mark in (b'"', b"\0"):  # quoting, NUL
                if data.find(mark) != -1:
                    return None
            if data.find(b"\r") != -1 and _LONE_CR.search(data):
                return None
            top = [line for _ in range(LOOK_FOR_HEADER + 1) if (line := data.readline())]
            lines = [
                line.decode("utf-8-sig" if at == 0 else "utf-8") for at, line in enumerate(top)
            ]
            header_line = lines[0]  # a BOM is not text, whatever --encoding
            delimiter = sniff_delimiter(header_line)
            if (
                find_header(lines) is not None
                or sniff_delimiter(first_record(lines[0], lines[1:])) != delimiter
            ):  # the reference reader looks for the header below titles
                return None
            header = next(csv.reader([header_line.rstrip("\r\n")], delimiter=delimiter))
            needed = city is None and len(targets.sets) > 1
            layout = clean_long_layout(str(path), header, city_needed=needed)
            if layout is None or set(layout[0]) - set(ROLES):
                return None
            roles, unnamed = layout
            # DuckDB ignores empty cells past the last column ("…,5,"); the reference reader
            # calls such a row ragged. Without quotes, every line holds the same delimiters
            # (a blank line holds none), and DuckDB refuses a line with more than the header.
            scanned = _scan(data, delimiter.encode())
            if scanned is None or not rows_are_even(*scanned, len(header)):
                return None
    except (OSError, ValueError, UnicodeDecodeError, csv.Error):
        return None
    file = _File(path, head, encoding, delimiter, header, roles, unnamed)
    return _Reader(file, targets, city).read()


def _scan(data: mmap.mmap, delimiter: bytes, chunk: int = 1 << 22) -> tuple[int, int] | None:
    """The delimiters and lines of a file, in one pass a chunk at a time (the file is never all
    in memory); None when it is not UTF-8, which DuckDB would find only at the end."""
    delimiters = newlines = 0
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for start in range(0, len(data), chunk):
            piece = data[start : start + chunk]
            delimiters += piece.count(delimiter)
            newlines += piece.count(b"\n")
            if not piece.isascii() or decoder.getstate()[0]:  # (a character begun before)
                decoder.decode(piece)
        decoder.decode(b"", True)
    except UnicodeDecodeError:
        return None
    return delimiters, newlines + (0 if data[-1:] == b"\n" else 1)


class _File(NamedTuple):
    """A file that DuckDB reads as the reference reader would, and what its first line says."""

    path: Path
    head: bytes  # its first bytes
    encoding: str | None  # as --encoding gave it
    delimiter: str
    header: list[str]
    roles: dict[str, int]
    unnamed: list[int]  # the columns without a heading


@contextlib.contextmanager
def ctrl_c() -> Iterator[None]:
    """Ctrl-C during a query, which DuckDB turns into an error of its own ("Query
    interrupted"), as the KeyboardInterrupt it is: the command ends with 130, rather than
    the reference reader starting over or an internal error."""
    try:
        yield
    except Exception as error:
        import duckdb

        if isinstance(error, duckdb.InterruptException) or (
            isinstance(error, RuntimeError) and "interrupted" in str(error).lower()
        ):
            raise KeyboardInterrupt from None
        raise


Indicator = tuple[str, str, str]  # a set's indicator: set id, indicator id, unit


class LargeActuals:
    """A large file's observations, kept in DuckDB; the same questions as :class:`Actuals`."""

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        name: str,
        targets: TargetIndex,
        indicators: list[Indicator],
        low: int,
        rows: int,
        not_reported: int,
    ) -> None:
        self._db, self._name, self._targets = connection, name, targets
        self._indicators = indicators  # by their code (k) in table obs
        self._low = low  # the first year of table obs
        self.rows, self.not_reported = rows, not_reported
        found = self._fetch(FIRST_LINES_SQL)
        self.named_sets = named_sets((indicators[k][0], line) for k, line in found)
        self.unreported: set[SeriesKey] = set()  # the series with a cell left empty
        if not_reported:
            empty = self._fetch("SELECT k, area FROM stats WHERE reported < rows")
            self.unreported = {(indicators[k][0], area, indicators[k][1]) for k, area in empty}
        self.problems: list[Problem] = []  # a file with a problem is never read here
        self.spill: tempfile.TemporaryDirectory[str] | None = None
        self.warnings: list[Problem] = []

    def close(self) -> None:
        """Let DuckDB's memory and its spill folder go."""
        self._db.close()
        if self.spill is not None:
            self.spill.cleanup()

    def _fetch(self, query: str) -> list[Any]:
        with ctrl_c():
            return self._db.execute(query).fetchall()

    def areas(self) -> set[str]:
        # every series, those whose every cell is empty too
        found = self._fetch("SELECT DISTINCT area FROM stats WHERE area IS NOT NULL")
        return {area for (area,) in found}

    def years(self) -> tuple[int, int] | None:
        [(low, high)] = self._fetch("SELECT min(first_year), max(last_year) FROM stats")
        return None if low is None else (low, high)

    def series(self, as_of: int | None) -> dict[SeriesKey, Series]:
        """Each series up to ``as_of``: its latest values and its line, from one query."""
        if as_of is None:
            return {}
        past = sorted(
            {
                year
                for ts in self._targets.sets.values()
                for _, ind in ts.indicators()
                for year in ind.targets
                if year < as_of
            }
        )
        rows = self._fetch(series_sql(as_of, past, self._low))
        name, indicators = self._name, self._indicators
        new = _new_tuple
        series: dict[SeriesKey, Series] = {}
        # once per series, a hundred thousand times for a file of every commune: Observation(…)
        # and Sums(…) without the calls of their __new__ (Python functions)
        for row in rows:
            k, area, year, value, line = row[:5]
            set_id, indicator, unit = indicators[k]
            if year is None:  # every value after as-of: the area is scored, without data
                series[(set_id, area, indicator)] = NO_DATA
                continue
            milestone = unit == "milestone"
            if milestone:
                value = value == 1.0
            last = new(Observation, (set_id, area, indicator, year, value, name, line, *_NO_NOTE))
            earlier = None
            if past:
                points = zip(row[5:-3:3], row[6:-3:3], row[7:-3:3], strict=True)
                earlier = tuple(
                    new(Observation, (set_id, area, indicator, y, v, name, at, *_NO_NOTE))
                    for y, v, at in ((y, v == 1.0 if milestone else v, at) for y, v, at in points)
                    if y is not None
                )
            series[(set_id, area, indicator)] = new(Sums, (last, earlier, *row[-3:]))
        return with_unreported(series, self.unreported)


_NO_NOTE = ("", "", False)  # an observation's note, source and estimate, from a file without them


class Sums(NamedTuple):
    """A :class:`~dxscore.scoring.Series` from a query: its current values and its line."""

    last: Observation  # the latest observation up to as-of
    earlier: tuple[Observation, ...] | None  # the latest up to each target year before as-of
    mean_year: float
    mean_value: float
    slope: float | None  # None: no line (fewer than two years), as rules.line_through says

    @property
    def history(self) -> tuple[Observation, ...]:
        return ()  # not kept: --explain and HTML read it all

    def current(self, target_year: int) -> Observation | None:
        # only for a target year of the loaded sets (what scoring asks): the query kept the
        # latest value up to each of them, not every year's
        if self.last.year <= target_year:
            return self.last
        found = [o for o in self.earlier or () if o.year <= target_year]
        return max(found, key=lambda o: o.year, default=None)

    def fit(self) -> Fit | None:
        slope = self.slope
        return None if slope is None else Fit(slope, self.mean_year, self.mean_value)


class _Refused(Exception):
    """A check found what the reference reader certainly refuses the file for."""


class _Reader:
    """One file into DuckDB, and the checks that make it as good as the reference reader's.

    Each check ends in one of three ways. Nothing to say: on to the next. Something the
    reference reader certainly refuses (an unknown name, a value it does not read, a row given
    twice): :class:`_Refused`, and the reference row engine reads DuckDB's rows to say it in
    its words. Something it may only warn of or accept as it is (an indicator written by its
    name, spaces around an area): a doubt, and the checks go on as far as they can, in case
    something further is refused; a file with a doubt and nothing refused is left to the
    reference reader, which reads it whole (such a file is valid, or its problem escaped
    these checks).
    """

    def __init__(self, file: _File, targets: TargetIndex, city: str | None) -> None:
        self.file, self.path, self.roles = file, file.path, file.roles
        self.columns, self.unnamed = len(file.header), file.unnamed
        self.targets, self.city = targets, city
        self.wanted = targets.resolve_city(city) if city else None
        self.longest = 0  # the longest cell, in bytes
        self.doubt = False  # something the reference reader may warn of, or accept as it is
        # whether rows give a series and year twice exactly when their cells are the same:
        # each (city, indicator), area and year cell stands for one of its own
        self.as_written = False
        self.years = (0, 0)  # the first and last year the rows give

    def read(self) -> LargeActuals | Actuals | None:
        import duckdb

        # Beyond its memory limit DuckDB spills to disk: to a folder of our own that goes
        # away with the process, never a `.tmp` in the user's working folder.
        spill = tempfile.TemporaryDirectory(prefix="dxscore-")
        db = duckdb.connect(config={"temp_directory": spill.name})
        found: LargeActuals | Actuals | None = None
        try:
            with ctrl_c():
                self._parse(db)
                try:
                    found = self._read(db)
                except _Refused:  # the reference row engine says why, from DuckDB's rows
                    found = self._refused(db)
        except KeyboardInterrupt:
            db.close()
            spill.cleanup()
            raise
        except Exception:  # DuckDB could not parse it (or a bug here): the reference reader
            if os.environ.get("DXSCORE_DEBUG"):  # reads the file and says what is wrong
                raise
            found = None
        if isinstance(found, LargeActuals):
            found.spill = spill
        else:
            db.close()
            spill.cleanup()
        return found

    def _column(self, role: str) -> str:
        return f"c{self.roles[role]}"

    def _parse(self, db: duckdb.DuckDBPyConnection) -> None:
        columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(self.columns))
        db.execute(
            f"""CREATE TEMP TABLE raw AS SELECT *
            FROM read_csv({_quoted(str(self.path))}, header = true,
                delim = {_quoted(self.file.delimiter)}, quote = '"', escape = '"',
                strict_mode = true, auto_detect = false, encoding = 'utf-8',
                compression = 'none', hive_partitioning = false, columns = {{{columns}}})"""
        )

    def _read(self, db: duckdb.DuckDBPyConnection) -> LargeActuals | None:
        """The checks, cheapest first, and the observations (None: a doubt, nothing refused)."""
        found = db.execute(
            f"SELECT count(*), {longest_cell_sql(self.columns)}, {filled_sql(self.unnamed)}"
            " FROM raw"
        ).fetchone()
        assert found is not None
        total, longest, filled = found
        self.longest = longest or 0
        if self.longest > CELL_LIMIT:  # bytes ≥ characters: csv.reader may refuse a cell
            if self._too_large(db):
                raise _Refused
            self.doubt = True
        if filled:  # a trailing delimiter on every line is fine; data there is warned of
            self.doubt = True
        names = self._names(db)
        if names is None:  # rows of other cities (skipped): what else holds is not known
            return None
        sets = {city_cell: set_id for city_cell, _, set_id, *_ in names}
        if not self._areas_and_years_read(db, sets):  # years written otherwise, not cast here
            return None
        # each (city, indicator) cell pair stands for a set's indicator of its own, too
        self.as_written &= len({(s, i) for _, _, s, i, _ in names}) == len(names)
        # each of a set's indicators by a code (k) of its own: narrow tables, quick to group
        indicators = list(dict.fromkeys((set_id, ind, unit) for _, _, set_id, ind, unit in names))
        code = {indicator: k for k, indicator in enumerate(indicators)}
        city = f"r.{self._column('city')}" if "city" in self.roles else "NULL"
        join = (
            f"raw r JOIN names n ON n.ind = r.{self._column('indicator')}"
            f" AND n.city IS NOT DISTINCT FROM {city}"
        )
        value = self._column("value")
        db.execute("CREATE TEMP TABLE names (city VARCHAR, ind VARCHAR, k INTEGER, unit VARCHAR)")
        _insert(
            db,
            "names",
            [(c, i, code[(set_id, ind, unit)], unit) for c, i, set_id, ind, unit in names],
        )
        # Each value cell once: whether it is a plain number, and then its value; and each
        # (unit, cell) the rows give once: the reference rules are asked about those
        db.execute(
            f"""CREATE TEMP TABLE vals AS
            SELECT cell, regexp_full_match(cell, '{PLAIN_NUMBER}') AS plain,
                CASE WHEN plain THEN {AS_NUMBER} END AS number
            FROM (SELECT DISTINCT {value} AS cell FROM raw WHERE cell IS NOT NULL);
            CREATE TEMP TABLE pairs AS
            SELECT DISTINCT n.unit, r.{value} AS cell FROM {join} WHERE cell IS NOT NULL"""
        )
        self._plain_values_read(db)
        other = self._other_values(db)
        if other is None:  # too many to ask about one by one
            return None
        db.execute(
            """CREATE TEMP TABLE readings AS SELECT p.unit, p.cell, v.number AS v
            FROM pairs p JOIN vals v USING (cell) WHERE v.plain AND p.unit <> 'milestone'"""
        )
        _insert(db, "readings", other)
        area = f"r.{self._column('area')}" if "area" in self.roles else "NULL"
        db.execute(
            f"""CREATE TEMP TABLE obs AS
            SELECT n.k, {area} AS area, CAST(r.{self._column("year")} AS INTEGER) AS year,
                r.rowid + 2 AS line, g.v
            FROM {join} LEFT JOIN readings g ON g.unit = n.unit AND g.cell = r.{value}"""
        )
        [(joined,)] = db.execute("SELECT count(*) FROM obs").fetchall()
        if joined != total:  # every row has its names: a row lost here would be a silent loss
            return None
        low, high = self.years
        db.execute(
            f"""CREATE TEMP TABLE stats AS
            SELECT k, area, count(*) AS rows, count(v) AS reported,
                {years_sql(low, high)} AS years, max(v) AS top, min(line) AS first_line,
                max(v) FILTER (WHERE v > 0 AND v < 1) AS small,
                min(year) FILTER (WHERE v IS NOT NULL) AS first_year,
                max(year) FILTER (WHERE v IS NOT NULL) AS last_year
            FROM obs GROUP BY k, area"""
        )
        percentages = [k for k, (_, _, unit) in enumerate(indicators) if unit == "percent"]
        found = db.execute(
            f"""SELECT count(*) FILTER (WHERE rows <> years), {future_sql(current_year())},
                sum(rows), sum(rows - reported), ({fractions_sql(percentages)}) FROM stats"""
        ).fetchone()
        assert found is not None
        twice, future, rows, blank, fractions = found
        if twice or future:  # a row given twice, a value dated in the future
            raise _Refused
        if fractions or not rows or self.doubt:  # warned of, said to be empty, or a doubt
            return None
        if blank:
            db.execute("DELETE FROM obs WHERE v IS NULL")
        db.execute("DROP TABLE raw; DROP TABLE vals; DROP TABLE pairs; DROP TABLE readings")
        name = str(self.path)
        return LargeActuals(db, name, self.targets, indicators, low, rows, blank)

    def _too_large(self, db: duckdb.DuckDBPyConnection) -> bool:
        """Whether a cell is longer than csv.reader reads, in characters (strlen counts bytes)."""
        held = " OR ".join(f"length(c{i}) > {CELL_LIMIT}" for i in range(self.columns))
        found = db.execute(f"SELECT count(*) FROM raw WHERE {held}").fetchone()
        return found is None or bool(found[0])

    def _names(self, db: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]] | None:
        """(city cell, indicator cell) → target set, indicator and unit, each as the reference
        reader resolves it; None when a row is of a city not wanted (skipped, and warned of)."""
        city = self._column("city") if "city" in self.roles else "NULL"
        pairs = db.execute(
            f"SELECT DISTINCT {city}, {self._column('indicator')} FROM raw"
        ).fetchall()
        names = []
        for city_cell, indicator_cell in pairs:
            if "city" in self.roles:
                if control_character(city_cell or "", name=True) is not None:
                    raise _Refused  # strip() would hide it
                cell = (city_cell or "").strip()
                set_id = self.targets.resolve_city(cell) if cell else None
                if set_id is None:  # unknown, or empty
                    raise _Refused
            else:
                set_id = self.wanted or next(iter(self.targets.sets))
            if self.wanted is not None and set_id != self.wanted:
                return None
            if control_character(indicator_cell or "", name=True) is not None:
                raise _Refused
            written = (indicator_cell or "").strip()
            indicator = self.targets.indicators[set_id].get(written.casefold())
            if indicator is None and written:  # written by its name: read, and warned of
                indicator = self.targets.indicator_named(set_id, written)
                self.doubt = True
            if indicator is None:  # unknown, or empty
                raise _Refused
            names.append((city_cell, indicator_cell, set_id, indicator.id, indicator.unit))
        return names

    def _areas_and_years_read(self, db: duckdb.DuckDBPyConnection, sets: dict[Any, str]) -> bool:
        """Whether every year is a plain year (False: some are written otherwise, and may be
        read all the same); every area written as the reference reader keeps it, or a doubt.
        ``sets``: the target set of each city cell."""
        written = True  # every area cell is the area itself
        if "area" in self.roles:
            city = self._column("city") if "city" in self.roles else "NULL"
            spellings: dict[tuple[str, str], str] = {}  # (set, folded area) → the area
            for city_cell, cell in db.execute(
                f"SELECT DISTINCT {city}, {self._column('area')} FROM raw"
            ).fetchall():
                if cell is None:
                    continue
                if control_character(cell, name=True):
                    raise _Refused
                stripped = cell.strip()
                if nfc(stripped) != cell:  # read as another area, or as none: no error
                    self.doubt, written = True, False
                if not stripped:
                    continue
                area = nfc(stripped)
                if is_a_total(area):
                    raise _Refused
                set_id = sets[city_cell]  # (None without a city column)
                if spellings.setdefault((set_id, normalize_word(area)), area) != area:
                    raise _Refused  # two spellings of one area in one city
        years = []
        plain = True
        for (cell,) in db.execute(f"SELECT DISTINCT {self._column('year')} FROM raw").fetchall():
            year = None if cell is None else parse_year(cell)
            if year is None:
                if cell is None or parse_year(cell.strip()) is None:
                    raise _Refused  # or a control character in it: refused all the same
                plain = False  # spaces around it
            else:
                years.append(year)
        self.years = (min(years, default=0), max(years, default=0))
        if not plain:
            self.doubt = True
        # each area and year cell stands for an area and a year of its own ("2015", "02015")
        self.as_written = written and plain and len(set(years)) == len(years)
        return plain

    def _other_values(self, db: duckdb.DuckDBPyConnection) -> list[tuple[str, str, Any]] | None:
        """Values that are not plain numbers, read by the reference rules: (unit, cell, value);
        a blank cell's value is NULL ("not reported"). None when there are too many."""
        found = db.execute(
            f"""SELECT p.unit, p.cell FROM pairs p JOIN vals v USING (cell)
            WHERE NOT v.plain OR p.unit = 'milestone' LIMIT {MAX_OTHER_VALUES + 1}"""
        ).fetchall()
        if len(found) > MAX_OTHER_VALUES:
            self.doubt = True
            return None
        other: list[tuple[str, str, Any]] = []
        for unit, cell in found:
            if not cell.strip():
                other.append((unit, cell, None))
                continue
            value = read_cell(unit, cell)
            if isinstance(value, tuple):
                raise _Refused
            other.append((unit, cell, float(value)))
        return other

    def _plain_values_read(self, db: duckdb.DuckDBPyConnection) -> None:
        """Plain numbers pass the reference rules when each unit's smallest, largest, first
        fractional and first percent-signed value do: the rules are a range, whole numbers
        for ranks, and a % sign only on percentages."""
        found = db.execute(
            """SELECT p.unit, arg_min(p.cell, v.number), arg_max(p.cell, v.number),
                any_value(p.cell) FILTER (WHERE v.number <> floor(v.number)),
                any_value(p.cell) FILTER (WHERE ends_with(p.cell, '%'))
            FROM pairs p JOIN vals v USING (cell)
            WHERE v.plain AND p.unit <> 'milestone' GROUP BY p.unit"""
        ).fetchall()
        for unit, *examples in found:
            for cell in examples:
                if cell is not None and isinstance(read_cell(unit, cell), tuple):
                    raise _Refused

    def _same_cells_twice(self, db: duckdb.DuckDBPyConnection) -> bool:
        """Whether two rows give the same city, area, indicator and year cells."""
        cells = ", ".join(
            self._column(role)
            for role in ("city", "area", "indicator", "year")
            if role in self.roles
        )
        found = db.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM raw GROUP BY {cells} HAVING count(*) > 1)"
        ).fetchone()
        return found is None or bool(found[0])

    def _refused(self, db: duckdb.DuckDBPyConnection) -> Actuals | None:
        """DuckDB's rows read by the reference row engine, for the problems of a file it
        certainly refuses: said in its words, and the file is not read again. None (the file
        is read after all) should a check here have been wrong."""
        db.execute(
            "DROP TABLE IF EXISTS obs; DROP TABLE IF EXISTS stats; DROP TABLE IF EXISTS pairs;"
            " DROP TABLE IF EXISTS vals; DROP TABLE IF EXISTS readings;"
            " DROP TABLE IF EXISTS names"
        )
        name, file = str(self.path), self.file
        result = Actuals()
        encoding = chosen_encoding(file.encoding, file.head)
        # A row given twice is said with the line of the first: each series and year is
        # remembered, a million of them, unless no two rows give the same cells
        # no two rows giving the same cells: no series and year is given twice, none is
        # remembered (a million of them otherwise)
        seen = Seen(nothing_twice=self.as_written and not self._same_cells_twice(db))
        reader = TableReader(self.path, name, encoding, self.targets, self.city, result, seen)
        reader.keep = False  # only its problems and warnings are wanted: not a million rows
        cells = ", ".join(f"coalesce(c{i}, '')" for i in range(self.columns))
        rows = db.execute(f"SELECT rowid, {cells} FROM raw")  # in the file's order

        def records() -> Iterator[tuple[int, Sequence[str]]]:
            expected = 0
            while batch := rows.fetchmany(HANDED_BACK_BATCH):
                if batch[0][0] != expected or batch[-1][0] != expected + len(batch) - 1:
                    raise RuntimeError("DuckDB gave the rows out of order")
                expected += len(batch)
                if self.longest <= CELL_LIMIT:
                    for row in batch:
                        yield row[0] + 2, row[1:]
                    continue
                for row in batch:  # what csv.reader refuses, row by row as it reads them
                    if any(len(cell) > CELL_LIMIT for cell in row[1:]):
                        error = f"field larger than field limit ({CELL_LIMIT})"
                        reader.add(csv_problem(name, error, row[0] + 2))
                        continue
                    yield row[0] + 2, row[1:]

        reader.read_table(1, file.header, records())
        return result if result.problems else None


def _insert(db: duckdb.DuckDBPyConnection, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """Rows into a table in one statement (executemany runs one per row)."""
    if rows:
        places = "(" + ", ".join("?" * len(rows[0])) + ")"
        values = [cell for row in rows for cell in row]
        db.execute(f"INSERT INTO {table} VALUES " + ", ".join([places] * len(rows)), values)


def _quoted(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"
