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
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

# --- A cell is no longer than the csv module reads ------------------------------------------
# Python: csv.reader raises "field larger than field limit", told as csv-syntax.too-large.
CELL_LIMIT = csv.field_size_limit()


def longest_cell_sql(columns: int) -> str:
    """SQL: the length in bytes (≥ characters) of the longest cell of table ``raw`` (an
    aggregate over it)."""
    return "greatest(" + ", ".join(f"max(strlen(c{i}))" for i in range(columns)) + ")"


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
    """SQL: how many rows of ``raw`` hold more than spaces in any of these columns (an
    aggregate over it; 0 for no column)."""
    held = " OR ".join(f"trim(coalesce(c{i}, '')) <> ''" for i in columns)
    return f"count(*) FILTER (WHERE {held})" if held else "0"


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


def years_sql(low: int, high: int) -> str:
    """SQL: how many distinct years a group of rows of ``obs`` gives (an aggregate); a series
    with more rows than years gives a year twice. Within a span of 126 years, a series' years
    are the bits of one number, and counting its bits is cheaper than counting distinct years."""
    if high - low <= 126:
        return f"bit_count(bit_or(CAST(1 AS HUGEINT) << (year - {int(low)})))"
    return "count(DISTINCT year)"


# --- Target sets in the order the rows first name them -----------------------------------------
# Python: the reference reader appends each set to Actuals.named_sets when a row first names it.
# SQL: the first line of each indicator (``k``) of table ``stats`` (one row per series of
# ``obs``, with its first line); the sets in the order of their indicators' first lines.
FIRST_LINES_SQL = "SELECT k, min(first_line) FROM stats GROUP BY k"


def named_sets(first_lines: Iterable[tuple[str, int]]) -> list[str]:
    """The target sets in the order of their first line, from (set, first line) pairs."""
    first: dict[str, int] = {}
    for set_id, line in first_lines:
        first[set_id] = min(line, first.get(set_id, line))
    return sorted(first, key=first.__getitem__)


# --- No measured value after the current year --------------------------------------------------
def is_future(year: int, current_year: int) -> bool:
    """Python: a value dated after the current year is refused (future-year)."""
    return year > current_year


def future_sql(current_year: int) -> str:
    """SQL: how many series of ``stats`` have a value dated after the current year (an
    aggregate; ``last_year`` is a series' latest year with a value)."""
    return f"count(*) FILTER (WHERE last_year > {int(current_year)})"


# --- A percentage given as fractions of 1 throughout a file is warned of --------------------------
def looks_like_fractions(values: Iterable[float]) -> bool:
    """Python: every value within 0–1, and one above 0 (``0.55`` meant as 55%)."""
    seen = list(values)
    return bool(seen) and all(0 <= v <= 1 for v in seen) and any(v > 0 for v in seen)


MIXED_SCALE_FROM = 20.0  # the series' largest value from which a fraction of 1 stands out


def mixes_scales(values: Iterable[float]) -> bool:
    """Python: one series of a percentage holds a value within 0–1 (above 0) which, read as a
    fraction of 1, would be at least half its largest value, itself 20 or more (``0.82`` in
    2024 meant as 82%, then ``91`` in 2025): its trend would be a jump. A real fall to under
    1% from 20% or more is rare, and warned of only then."""
    seen = list(values)
    small = max((v for v in seen if 0 < v < 1), default=None)
    top = max(seen, default=0.0)
    return small is not None and top >= MIXED_SCALE_FROM and small * 200 >= top


def fractions_sql(percentages: Iterable[int]) -> str:
    """SQL: the percentage indicators (``k`` of a set's indicator, among ``percentages``) that
    would be warned of, from the largest value of each series (``top`` in ``stats``), and the
    series that mix scales (``small``: the largest value within 0–1); the DuckDB reader leaves
    such a file to the reference reader, which words the warnings."""
    codes = ", ".join(str(int(k)) for k in percentages) or "NULL"
    return f"""SELECT (SELECT count(*) FROM (SELECT 1 FROM stats WHERE k IN ({codes})
        GROUP BY k HAVING max(top) <= 1 AND max(top) > 0))
        + (SELECT count(*) FROM stats WHERE k IN ({codes})
        AND small IS NOT NULL AND top >= {MIXED_SCALE_FROM} AND small * 200 >= top)"""


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
    mean_x = sum([x for x, _ in points]) / n  # whole years: exact in any order
    mean_y = ordered_sum([y for _, y in points]) / n
    # the two sums of ordered_sum((x - mean_x) * …) in one pass: the same additions
    sxx = sxy = 0.0
    for x, y in points:
        dx = x - mean_x
        sxx += dx * dx
        sxy += dx * (y - mean_y)
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
    here, the SQL form as :func:`slope_sql`."""
    if n < 2 or sxx == 0:
        return None
    return Fit(sxy / sxx, mean_x, mean_y)


def slope_sql(n: str, sxx: str, sxy: str) -> str:
    """SQL: the slope of :func:`line_through` (NULL: no line), from columns of these names."""
    return f"CASE WHEN {n} >= 2 AND {sxx} <> 0 THEN {sxy} / {sxx} END"


def series_sql(as_of: int, past: Sequence[int], low: int) -> str:
    """SQL: per series of ``obs`` (its set's indicator ``k`` and its ``area``), up to ``as_of``:
    the latest year, value and line (Python: scoring.History.current; none when every value
    is after as-of), the same up to each target year in ``past`` (those before as-of), and the
    line fitted through its values (Python: :func:`fit_line`): the mean year and value and the
    slope (NULL: no line). ``low``: the first year of ``obs``.

    The sums are added as fit_line adds them, left to right by year: each series' value of
    each year is a column of its own (a series gives a year once), and each sum adds the years
    in order, adding 0.0 for a year without a value (x + 0.0 is x for every sum here, which
    starts at +0.0 and so is never -0.0)."""
    as_of = int(as_of)
    years = range(min(int(low), as_of), as_of + 1)
    latest = [(f"p{i}_", f"year <= {int(y)}") for i, y in enumerate(past)]
    latest.insert(0, ("last_", f"year <= {as_of}"))
    picked = ", ".join(
        f"max(year) FILTER (WHERE {up_to}) AS {name}year,"
        f" arg_max(v, year) FILTER (WHERE {up_to}) AS {name}v,"
        f" arg_max(line, year) FILTER (WHERE {up_to}) AS {name}line"
        for name, up_to in latest
    )
    shown = ", ".join(f"{name}year, {name}v, {name}line" for name, _ in latest)
    values = "".join(f", max(v) FILTER (WHERE year = {year}) AS v{year}" for year in years)

    def added(term: Callable[[int], str]) -> str:
        return "0.0" + "".join(
            f" + CASE WHEN v{year} IS NULL THEN 0.0 ELSE {term(year)} END" for year in years
        )

    return f"""
        WITH grouped AS (
            SELECT k, area, {picked},
                count(*) FILTER (WHERE year <= {as_of}) AS n,
                sum(year) FILTER (WHERE year <= {as_of}) AS sum_x {values}
            FROM obs
            GROUP BY k, area
        ), means AS (
            SELECT *, sum_x / n AS mx, ({added(lambda year: f"v{year}")}) / n AS my
            FROM grouped
        ), sums AS (
            SELECT *, {added(lambda year: f"({year} - mx) * ({year} - mx)")} AS sxx,
                {added(lambda year: f"({year} - mx) * (v{year} - my)")} AS sxy
            FROM means
        )
        SELECT k, area, {shown}, mx, my, {slope_sql("n", "sxx", "sxy")} AS slope FROM sums
        """
