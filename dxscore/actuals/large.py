"""Large CSV files read column by column with DuckDB, for speed.

The reference reader (:mod:`dxscore.actuals.rows`) takes one row at a time and reports each
problem with its line and column. A large file that is clean is read here instead, five or
six times as fast: DuckDB parses it, bulk queries check that the reference reader would
read every row the same way, and each series (target set, area, indicator) is reduced to
what the verdicts need: its latest values and the sums of its fitted line, added in the
order :func:`dxscore.scoring.fit_line` adds them, so that the scores are identical.

Whenever this reader has any doubt, it returns None before anything is scored, and the
reference reader reads the file from the start and reports whatever is wrong as usual.
It only takes a single UTF-8 file of at least :data:`MIN_BYTES` in the long layout with
no note or source column, no quotes, no blank lines and no lone carriage returns, whose
names, years and values are all accepted, and with no row given twice.
"""

from __future__ import annotations

import contextlib
import csv
import mmap
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dxscore.actuals.encoding import is_utf8
from dxscore.actuals.index import TargetIndex
from dxscore.actuals.layout import clean_long_layout, sniff_delimiter
from dxscore.actuals.reader import SPREADSHEET_SUFFIXES
from dxscore.actuals.rows import is_a_total
from dxscore.actuals.values import parse_year, read_cell
from dxscore.clock import current_year
from dxscore.errors import Problem
from dxscore.model import TargetSet
from dxscore.observations import Observation
from dxscore.rules import (
    AS_NUMBER,
    CELL_LIMIT,
    FRACTIONS_SQL,
    NAMED_SETS_SQL,
    PLAIN_NUMBER,
    Fit,
    filled_sql,
    future_sql,
    given_twice_sql,
    line_through,
    longest_cell_sql,
    rows_are_even,
    series_sql,
)
from dxscore.scoring import NO_DATA, Series, SeriesKey, with_unreported
from dxscore.text import control_character, nfc, normalize_word

if TYPE_CHECKING:
    import duckdb

MIN_BYTES = 4 * 1024 * 1024  # below this, importing DuckDB (about 0.15 s) costs more than it saves
MAX_OTHER_VALUES = 1000  # distinct other value spellings (done, 55%, 55,5), each checked in Python
ROLES = ("city", "area", "indicator", "year", "value")
_LONE_CR = re.compile(rb"\r(?!\n)")
_DUCKDB_EXPANDS = re.compile(r"[*?\[\]{}]|^~|://")  # DuckDB reads these as globs, homes, URLs


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
) -> LargeActuals | None:
    """The file read by DuckDB, or None when the reference reader must read it (DuckDB is not
    installed, the file is small, or DuckDB's reading would differ from the reference's)."""
    if len(paths) != 1 or not (encoding is None or is_utf8(encoding)) or not installed():
        return None
    path = paths[0]
    if path.suffix.lower() in SPREADSHEET_SUFFIXES or _DUCKDB_EXPANDS.search(str(path)):
        return None
    targets = TargetIndex(target_sets)
    if city is not None and targets.resolve_city(city) is None:
        return None  # the reference reader says which cities there are
    try:
        if not path.is_file() or path.stat().st_size < MIN_BYTES:
            return None
        with (
            path.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16
                return None
            for mark in (b'"', b"\0", b"\n\n", b"\n\r\n"):  # quoting, NUL, blank lines
                if data.find(mark) != -1:
                    return None
            if data.find(b"\r") != -1 and _LONE_CR.search(data):
                return None
            first = data.readline()
            header_line = first.decode("utf-8-sig")  # a BOM is not text, whatever --encoding
            delimiter = sniff_delimiter(header_line)
            header = next(csv.reader([header_line.rstrip("\r\n")], delimiter=delimiter))
            needed = city is None and len(targets.sets) > 1
            layout = clean_long_layout(str(path), header, city_needed=needed)
            if layout is None or set(layout[0]) - set(ROLES):
                return None
            roles, unnamed = layout
            # DuckDB ignores empty cells past the last column ("…,5,"); the reference reader
            # calls such a row ragged. Without quotes, every line holds the same delimiters.
            delimiters, lines = _count_delimiters_and_lines(data, delimiter.encode())
            if not rows_are_even(delimiters, lines, len(header)):
                return None
    except (OSError, ValueError, UnicodeDecodeError, csv.Error):
        return None
    return _Reader(path, delimiter, len(header), roles, unnamed, targets, city).read()


def _count_delimiters_and_lines(
    data: mmap.mmap, delimiter: bytes, chunk: int = 1 << 24
) -> tuple[int, int]:
    """Delimiters and lines in one pass, a chunk at a time (the file is never all in memory)."""
    delimiters = newlines = 0
    for start in range(0, len(data), chunk):
        piece = data[start : start + chunk]
        delimiters += piece.count(delimiter)
        newlines += piece.count(b"\n")
    return delimiters, newlines + (0 if data[-1:] == b"\n" else 1)


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


class LargeActuals:
    """A large file's observations, kept in DuckDB; the same questions as :class:`Actuals`."""

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        name: str,
        targets: TargetIndex,
        named_sets: list[str],
        rows: int,
        not_reported: int,
        unreported: set[SeriesKey],
    ) -> None:
        self._db, self._name, self._targets = connection, name, targets
        self.named_sets, self.rows, self.not_reported = named_sets, rows, not_reported
        self.unreported = unreported  # the series with a cell left empty
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
        found = self._fetch("SELECT DISTINCT area FROM obs WHERE area IS NOT NULL")
        named = {area for (area,) in found}
        named.update(area for _, area, _ in self.unreported if area is not None)
        return named

    def years(self) -> tuple[int, int] | None:
        [(low, high)] = self._fetch("SELECT min(year), max(year) FROM obs")  # one row, always
        return None if low is None else (low, high)

    def series(self, as_of: int | None) -> dict[SeriesKey, Series]:
        """Each series up to ``as_of``: its latest values and its line's sums, from one query."""
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
        rows = self._fetch(series_sql(as_of, past))
        milestones = {
            (ts.id, ind.id)
            for ts in self._targets.sets.values()
            for _, ind in ts.indicators()
            if ind.unit == "milestone"
        }
        name = self._name
        series: dict[SeriesKey, Series] = {}
        for row in rows:
            set_id, area, indicator, n, year, value, line = row[:7]
            if not n:  # every value after as-of: the area is scored, without data
                series[(set_id, area, indicator)] = NO_DATA
                continue
            milestone = (set_id, indicator) in milestones
            last = Observation(
                set_id, area, indicator, year, value == 1.0 if milestone else value, name, line
            )
            earlier = None
            if past:
                earlier = tuple(
                    Observation(set_id, area, indicator, y, v == 1.0 if milestone else v, name, at)
                    for y, v, at in zip(row[7:-4:3], row[8:-4:3], row[9:-4:3], strict=True)
                    if y is not None
                )
            series[(set_id, area, indicator)] = Sums(last, earlier, n, *row[-4:])
        return with_unreported(series, self.unreported)


class Sums:
    """A :class:`~dxscore.scoring.Series` from a query: its current values and its line's sums."""

    __slots__ = ("_earlier", "_last", "_sums", "history")

    def __init__(
        self,
        last: Observation,
        earlier: tuple[Observation, ...] | None,
        n: int,
        mean_x: float,
        mean_y: float,
        sxx: float,
        sxy: float,
    ) -> None:
        self.history: tuple[Observation, ...] = ()  # not kept: --explain and HTML read it all
        self._last = last  # the latest observation up to as-of
        self._earlier = earlier  # the latest up to each target year before as-of
        self._sums = (n, mean_x, mean_y, sxx, sxy)

    def current(self, target_year: int) -> Observation | None:
        # only for a target year of the loaded sets (what scoring asks): the query kept the
        # latest value up to each of them, not every year's
        if self._last.year <= target_year:
            return self._last
        found = [o for o in self._earlier or () if o.year <= target_year]
        return max(found, key=lambda o: o.year, default=None)

    def fit(self) -> Fit | None:
        return line_through(*self._sums)


class _Reader:
    """One file into DuckDB, and the checks that make it as good as the reference reader's."""

    def __init__(
        self,
        path: Path,
        delimiter: str,
        columns: int,
        roles: dict[str, int],
        unnamed: list[int],
        targets: TargetIndex,
        city: str | None,
    ) -> None:
        self.path, self.delimiter, self.columns = path, delimiter, columns
        self.roles, self.unnamed, self.targets = roles, unnamed, targets
        self.wanted = targets.resolve_city(city) if city else None

    def read(self) -> LargeActuals | None:
        import duckdb

        # Beyond its memory limit DuckDB spills to disk: to a folder of our own that goes
        # away with the process, never a `.tmp` in the user's working folder.
        spill = tempfile.TemporaryDirectory(prefix="dxscore-")
        db = duckdb.connect(config={"temp_directory": spill.name})
        try:
            with ctrl_c():
                found = self._read(db)
        except KeyboardInterrupt:
            db.close()
            spill.cleanup()
            raise
        except Exception:  # DuckDB could not parse it (or a bug here): the reference reader
            if os.environ.get("DXSCORE_DEBUG"):  # reads the file and says what is wrong
                raise
            found = None
        if found is None:
            db.close()
            spill.cleanup()
        else:
            found.spill = spill
        return found

    def _column(self, role: str) -> str:
        return f"c{self.roles[role]}"

    def _read(self, db: duckdb.DuckDBPyConnection) -> LargeActuals | None:
        columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(self.columns))
        db.execute(
            f"""CREATE TEMP TABLE raw AS SELECT *
            FROM read_csv({_quoted(str(self.path))}, header = true,
                delim = {_quoted(self.delimiter)}, quote = '"', escape = '"',
                strict_mode = true, auto_detect = false, encoding = 'utf-8',
                compression = 'none', hive_partitioning = false, columns = {{{columns}}})"""
        )
        longest = db.execute(longest_cell_sql(self.columns)).fetchone()
        if longest is None or (longest[0] or 0) > CELL_LIMIT:  # bytes ≥ characters
            return None
        if self.unnamed:  # a trailing delimiter on every line is fine; data there is warned of
            held = db.execute(filled_sql(self.unnamed)).fetchone()
            if held is None or held[0]:
                return None
        names = self._names(db)
        if names is None or not self._areas_and_years_clean(db):
            return None
        city = f"r.{self._column('city')}" if "city" in self.roles else "NULL"
        area = f"r.{self._column('area')}" if "area" in self.roles else "NULL"
        db.execute(
            "CREATE TEMP TABLE names"
            " (city VARCHAR, ind VARCHAR, set_id VARCHAR, indicator VARCHAR, unit VARCHAR)"
        )
        db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", names)
        # Each cell once: its names, and whether it is a plain number (then its value too)
        db.execute(
            f"""CREATE TEMP TABLE cells AS
            SELECT n.set_id, {area} AS area, n.indicator, n.unit,
                CAST(r.{self._column("year")} AS INTEGER) AS year,
                r.{self._column("value")} AS cell, r.rowid + 2 AS line,
                n.unit <> 'milestone' AND regexp_full_match(cell, '{PLAIN_NUMBER}') AS plain,
                CASE WHEN plain THEN {AS_NUMBER} END AS number
            FROM raw r JOIN names n
                ON n.ind = r.{self._column("indicator")} AND n.city IS NOT DISTINCT FROM {city}"""
        )
        sizes = db.execute("SELECT (SELECT count(*) FROM raw), (SELECT count(*) FROM cells)")
        total, joined = sizes.fetchone() or (0, -1)
        if total != joined:  # every row has its names: a row lost here would be a silent loss
            return None
        db.execute("DROP TABLE raw")  # what follows reads cells, then obs
        other = self._other_values(db)
        if other is None or not self._plain_values_clean(db):
            return None
        db.execute("CREATE TEMP TABLE other (unit VARCHAR, cell VARCHAR, v DOUBLE)")
        if other:
            db.executemany("INSERT INTO other VALUES (?, ?, ?)", other)
        db.execute(
            """CREATE TEMP TABLE obs AS
            SELECT c.set_id, c.area, c.indicator, c.unit, c.year, c.line,
                CASE WHEN c.plain THEN c.number ELSE o.v END AS v
            FROM cells c LEFT JOIN other o ON o.unit = c.unit AND o.cell = c.cell;
            DROP TABLE cells"""
        )
        if self._given_twice(db) or self._warned_or_refused(db):
            return None
        counts = db.execute(
            "SELECT count(*), count(*) FILTER (WHERE v IS NULL) FROM obs"
        ).fetchone()
        assert counts is not None
        rows, blank = counts
        if rows == 0:
            return None
        named = [set_id for (set_id,) in db.execute(NAMED_SETS_SQL).fetchall()]
        unreported: set[SeriesKey] = set()
        if blank:
            found = db.execute("SELECT DISTINCT set_id, area, indicator FROM obs WHERE v IS NULL")
            unreported = set(found.fetchall())
            db.execute("DELETE FROM obs WHERE v IS NULL")
        return LargeActuals(db, str(self.path), self.targets, named, rows, blank, unreported)

    def _warned_or_refused(self, db: duckdb.DuckDBPyConnection) -> bool:
        """Whether the reference reader would refuse a value dated in the future, or warn of a
        percentage given as fractions of 1 throughout: it reads the file, and says so."""
        future = db.execute(future_sql(current_year())).fetchone()
        fractions = db.execute(FRACTIONS_SQL).fetchone()
        return future is None or fractions is None or bool(future[0] or fractions[0])

    def _given_twice(self, db: duckdb.DuckDBPyConnection) -> bool:
        """Whether any series gives a year twice."""
        low, high = db.execute("SELECT min(year), max(year) FROM obs").fetchone() or (0, 0)
        found = db.execute(given_twice_sql(low or 0, high or 0)).fetchone()
        return found is None or found[0] > 0

    def _names(self, db: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]] | None:
        """(city cell, indicator cell) → target set, indicator and unit, each as the reference
        reader resolves it; None when any is unknown or not wanted."""
        city = self._column("city") if "city" in self.roles else "NULL"
        pairs = db.execute(
            f"SELECT DISTINCT {city}, {self._column('indicator')} FROM raw"
        ).fetchall()
        names = []
        for city_cell, indicator_cell in pairs:
            written = f"{city_cell or ''}{indicator_cell or ''}"
            if control_character(written, name=True) is not None:  # strip() would hide it
                return None
            if "city" in self.roles:
                cell = (city_cell or "").strip()
                set_id = self.targets.resolve_city(cell) if cell else None
            else:
                set_id = self.wanted or next(iter(self.targets.sets))
            if set_id is None or (self.wanted is not None and set_id != self.wanted):
                return None
            indicator = self.targets.indicators[set_id].get(
                (indicator_cell or "").strip().casefold()
            )
            if indicator is None:
                return None
            names.append((city_cell, indicator_cell, set_id, indicator.id, indicator.unit))
        return names

    def _areas_and_years_clean(self, db: duckdb.DuckDBPyConnection) -> bool:
        """Every area written as the reference reader keeps it, every year a plain year."""
        if "area" in self.roles:
            # two spellings of one area are the reference reader's to report
            folded: set[str] = set()
            for (cell,) in db.execute(
                f"SELECT DISTINCT {self._column('area')} FROM raw"
            ).fetchall():
                if cell is None:
                    continue
                word = normalize_word(cell)
                if (
                    not cell.strip()
                    or nfc(cell.strip()) != cell
                    or control_character(cell, name=True)
                    or is_a_total(cell)
                    or word in folded
                ):
                    return False
                folded.add(word)
        for (cell,) in db.execute(f"SELECT DISTINCT {self._column('year')} FROM raw").fetchall():
            if cell is None or parse_year(cell) is None:
                return False
        return True

    def _other_values(self, db: duckdb.DuckDBPyConnection) -> list[tuple[str, str, Any]] | None:
        """Values that are not plain numbers, read by the reference rules: (unit, cell, value);
        a blank cell's value is NULL ("not reported"). None when any is refused."""
        found = db.execute(
            f"""SELECT DISTINCT unit, cell FROM cells WHERE cell IS NOT NULL AND NOT plain
            LIMIT {MAX_OTHER_VALUES + 1}"""
        ).fetchall()
        if len(found) > MAX_OTHER_VALUES:
            return None
        other: list[tuple[str, str, Any]] = []
        for unit, cell in found:
            if not cell.strip():
                other.append((unit, cell, None))
                continue
            value = read_cell(unit, cell)
            if isinstance(value, tuple):
                return None
            other.append((unit, cell, float(value)))
        return other

    def _plain_values_clean(self, db: duckdb.DuckDBPyConnection) -> bool:
        """Plain numbers pass the reference rules when each unit's smallest, largest, first
        fractional and first percent-signed value do: the rules are a range, whole numbers
        for ranks, and a % sign only on percentages."""
        found = db.execute(
            """SELECT unit, arg_min(cell, number), arg_max(cell, number),
                any_value(cell) FILTER (WHERE number <> floor(number)),
                any_value(cell) FILTER (WHERE ends_with(cell, '%'))
            FROM cells WHERE plain GROUP BY unit"""
        ).fetchall()
        for unit, *examples in found:
            for cell in examples:
                if cell is not None and isinstance(read_cell(unit, cell), tuple):
                    return False
        return True


def _quoted(text: str) -> str:
    """A SQL string literal."""
    return "'" + text.replace("'", "''") + "'"
