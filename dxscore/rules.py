"""The rules written twice: in Python, for the reference reader (:mod:`dxscore.actuals.rows`)
and the scoring engine, and in SQL, for the DuckDB reader of large files
(:mod:`dxscore.actuals.large`). Each rule's two forms stand side by side here, so that a change
to one is seen with the other; the differential tests (``tests/test_large.py``) hold both to
the same results, to the last bit of a fitted line.

Rules the DuckDB reader does not write again are not here: it asks the reference reader's own
Python (a city's or an indicator's name, an area's spelling, a year, a value that is not a
plain number, the extremes of each unit's values).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import NamedTuple

# --- A cell is no longer than the csv module reads ------------------------------------------
# Python: csv.reader raises "field larger than field limit", told as csv-syntax.too-large.
CELL_LIMIT = csv.field_size_limit()


def longest_cell_sql(columns: int) -> str:
    """SQL: the length in bytes (≥ characters) of the longest cell of table ``raw``."""
    return (
        "SELECT greatest(" + ", ".join(f"max(strlen(c{i}))" for i in range(columns)) + ") FROM raw"
    )


# --- Every row has as many cells as the header ------------------------------------------------
def is_ragged(cells: Sequence[str], header: Sequence[str]) -> bool:
    """Python: a row with more or fewer cells than the header (ragged-row)."""
    return len(cells) != len(header)


def rows_are_even(delimiters: int, lines: int, columns: int) -> bool:
    """The same rule counted on a file's bytes, for DuckDB (which pads a short row): without
    quotes, every line of an even file holds one delimiter fewer than it has columns."""
    return delimiters == (columns - 1) * lines


# --- A column without a heading holds no data (or is warned of) ---------------------------------
def first_filled(cells: Sequence[str], indices: Iterable[int]) -> int | None:
    """Python: the first of these cells that holds more than spaces."""
    return next((i for i in indices if cells[i].strip()), None)


def filled_sql(columns: Iterable[int]) -> str:
    """SQL: how many rows of ``raw`` hold more than spaces in any of these columns."""
    held = " OR ".join(f"trim(coalesce(c{i}, '')) <> ''" for i in columns)
    return f"SELECT count(*) FROM raw WHERE {held}"


# --- A plain number ---------------------------------------------------------------------------
# Python: dxscore.actuals.values.parse_number, the whole grammar. SQL reads only the forms files
# hold by the million, as parse_number reads them: 55, 55.5, 55,5 (a decimal comma that is not
# a thousands separator), each perhaps with a % sign; every other cell goes to parse_number.
# Whether a plain number is allowed for its unit (range, whole ranks, % only for percentages) is
# asked of the Python rules about each unit's extreme values.
PLAIN_NUMBER = r"[0-9]+(\.[0-9]+|,([0-9]{1,2}|[0-9]{4,}))?%?"
AS_NUMBER = "CAST(replace(rtrim(cell, '%'), ',', '.') AS DOUBLE)"


# --- One value per city, area, indicator and year ----------------------------------------------
SeriesYear = tuple[str, str | None, str, int]  # target set, area, indicator, year
# Python: the reference reader keeps each SeriesYear's first file and line, and refuses a
# second one (duplicate-row).


def given_twice_sql(low: int, high: int) -> str:
    """SQL: how many series of table ``obs`` give a year twice. Within a span of 126 years,
    each series' years are the bits of one number: a year given twice sets a bit already set."""
    if high - low <= 126:
        return f"""SELECT count(*) FROM (SELECT 1 FROM obs GROUP BY set_id, area, indicator
            HAVING count(*) <> bit_count(bit_or(CAST(1 AS HUGEINT) << (year - {low}))))"""
    return """SELECT count(*) FROM (SELECT 1 FROM obs
        GROUP BY set_id, area, indicator, year HAVING count(*) > 1)"""


# --- Target sets in the order the rows first name them -----------------------------------------
# Python: the reference reader appends each set to Actuals.named_sets when a row first names it.
NAMED_SETS_SQL = "SELECT set_id FROM obs GROUP BY set_id ORDER BY min(line)"


# --- No measured value after the current year --------------------------------------------------
def is_future(year: int, current_year: int) -> bool:
    """Python: a value dated after the current year is refused (future-year)."""
    return year > current_year


def future_sql(current_year: int) -> str:
    """SQL: how many values of ``obs`` are dated after the current year."""
    return f"SELECT count(*) FROM obs WHERE year > {int(current_year)} AND v IS NOT NULL"


# --- A percentage given as fractions of 1 throughout a file is warned of --------------------------
def looks_like_fractions(values: Iterable[float]) -> bool:
    """Python: every value within 0–1, and one above 0 (``0.55`` meant as 55%)."""
    seen = list(values)
    return bool(seen) and all(0 <= v <= 1 for v in seen) and any(v > 0 for v in seen)


# SQL: the percentage series (per set and indicator) that would be warned of; the DuckDB reader
# hands such a file to the reference reader, which words the warning
FRACTIONS_SQL = """SELECT count(*) FROM (SELECT 1 FROM obs WHERE unit = 'percent'
    GROUP BY set_id, indicator HAVING max(v) <= 1 AND max(v) > 0)"""


# --- The latest value up to a year, and the least-squares line ---------------------------------
class Fit(NamedTuple):
    """The least-squares line behind a projection, through the means of the points it fits.

    Evaluated from the means, not from the intercept at year 0: that one is some two thousand
    slopes away, and a million-sized value would then carry an error of 10⁻⁸, enough to turn
    a line that lands on its target to the wrong side of it. A named tuple, as
    :class:`~dxscore.observations.Observation`: a large file has a hundred thousand of them."""

    slope: float
    mean_year: float
    mean_value: float

    def at(self, year: int) -> float:
        return self.mean_value + self.slope * (year - self.mean_year)

    @property
    def intercept(self) -> float:
        """The value at year 0 (value = intercept + slope × year), for ``--explain``."""
        return self.mean_value - self.slope * self.mean_year


def fit_line(points: Sequence[tuple[int, float]]) -> Fit | None:
    """Python: ordinary least squares through (year, value); None with fewer than two distinct
    years. Sums are added left to right, as :func:`series_sql` adds them."""
    n = len(points)
    if n < 2:
        return None
    mean_x = sum(x for x, _ in points) / n
    mean_y = ordered_sum(y for _, y in points) / n
    sxx = ordered_sum((x - mean_x) * (x - mean_x) for x, _ in points)
    sxy = ordered_sum((x - mean_x) * (y - mean_y) for x, y in points)
    return line_through(n, mean_x, mean_y, sxx, sxy)


def ordered_sum(values: Iterable[float]) -> float:
    """Left to right, one rounding per addition, as SQL's ``list_reduce`` adds (Python's
    own ``sum`` compensates from 3.12 on): the large-file reader's fits match to the bit."""
    total = 0.0
    for value in values:
        total += value
    return total


def line_through(n: int, mean_x: float, mean_y: float, sxx: float, sxy: float) -> Fit | None:
    """The least-squares line from its sums (None without two distinct years): both forms end
    here."""
    if n < 2 or sxx == 0:
        return None
    return Fit(sxy / sxx, mean_x, mean_y)


def series_sql(as_of: int, past: Sequence[int]) -> str:
    """SQL: per series of ``obs``, up to ``as_of``: how many values, the latest year, value and
    line (Python: scoring.History.current), the same up to each target year in ``past`` (those
    before as-of), and the sums of the least-squares line (Python: :func:`fit_line`)."""
    as_of = int(as_of)
    by_past = "".join(
        f", max(year) FILTER (WHERE year <= {int(y)}), arg_max(v, year) FILTER (WHERE year <= {int(y)}),"
        f" arg_max(line, year) FILTER (WHERE year <= {int(y)})"
        for y in past
    )
    return f"""
        WITH grouped AS (
            SELECT set_id, area, indicator, count(*) FILTER (WHERE year <= {as_of}) AS n,
                list(year ORDER BY year) FILTER (WHERE year <= {as_of}) AS xs,
                list(v ORDER BY year) FILTER (WHERE year <= {as_of}) AS ys,
                max(year) FILTER (WHERE year <= {as_of}) AS last_year,
                arg_max(v, year) FILTER (WHERE year <= {as_of}) AS last_v,
                arg_max(line, year) FILTER (WHERE year <= {as_of}) AS last_line {by_past}
            FROM obs
            GROUP BY set_id, area, indicator
        ), means AS (
            SELECT *, list_sum(xs) / n AS mx,
                list_reduce(ys, lambda a, b: a + b) / n AS my
            FROM grouped
        )
        SELECT * EXCLUDE (xs, ys, mx, my), mx, my,
            list_reduce(list_transform(xs, lambda x: (x - mx) * (x - mx)),
                lambda a, b: a + b) AS sxx,
            list_reduce(list_transform(xs, lambda x, i: (x - mx) * (ys[i] - my)),
                lambda a, b: a + b) AS sxy
        FROM means
        """
