"""What a reader gives the pipeline: observations, problems and warnings.

Two readers give it: the reference reader (:mod:`.reader`, every row in Python, every problem
placed) and, for large clean CSV files when DuckDB is installed, :mod:`.large`. Both meet
:class:`ActualsData`, the one contract the pipeline relies on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from dxscore.errors import Problem
from dxscore.observations import Observation
from dxscore.scoring import Series, SeriesKey, series_from_groups, series_of, with_unreported


class ActualsData(Protocol):
    """What the pipeline asks of the actuals, whichever reader read them."""

    problems: list[Problem]  # what makes the input invalid (none: it is valid)
    warnings: list[Problem]  # what the user should know, the input being valid all the same
    rows: int  # rows read
    not_reported: int  # cells left empty ("not reported")
    named_sets: list[str]  # the target sets the rows name, in the order they first appear

    def areas(self) -> set[str]:
        """The areas the files name, with a value or only empty cells."""

    def years(self) -> tuple[int, int] | None:
        """The first and last year with a reported value (None: no value at all)."""

    def series(self, as_of: int | None) -> dict[SeriesKey, Series]:
        """Each (target set, area, indicator) series up to ``as_of``, for the verdicts."""

    def close(self) -> None:
        """Let go of what the reader holds (DuckDB's memory and spill folder)."""


@dataclass
class Actuals:
    """What the actuals files held: observations, and everything worth telling the user."""

    observations: list[Observation] = field(default_factory=list)
    # the same observations by series, in the order read: kept with them by the row engine,
    # so that a million of them are not grouped again
    groups: dict[SeriesKey, list[Observation]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    not_reported: int = 0  # cells left empty: "not reported", documented, never an observation
    # the series with a cell left empty: an area whose every cell is empty is still scored
    # (with no data), not dropped from the report
    unreported: set[SeriesKey] = field(default_factory=set)
    rows: int = 0
    named_sets: list[str] = field(default_factory=list)  # target sets the rows name, in order
    # each area as first written, by its case- and space-folded form: "sóc sơn" is not a second
    # area beside "Sóc Sơn" but the same one written another way (file and line of the first)
    area_spellings: dict[tuple[str, str], tuple[str, str, int]] = field(default_factory=dict)

    def close(self) -> None:
        """Nothing to let go: the observations are plain Python objects."""

    def areas(self) -> set[str]:
        """The areas the files name, with a value or only empty cells."""
        named = {o.area for o in self.observations if o.area is not None}
        named.update(area for _, area, _ in self.unreported if area is not None)
        return named

    def years(self) -> tuple[int, int] | None:
        """The first and last year with a reported value (None: no value at all)."""
        if not self.observations:
            return None
        years = [o.year for o in self.observations]
        return min(years), max(years)

    def series(self, as_of: int | None) -> dict[SeriesKey, Series]:
        """Each (target set, area, indicator) series up to ``as_of``, for the verdicts."""
        if sum(map(len, self.groups.values())) == len(self.observations):  # kept together
            return with_unreported(series_from_groups(self.groups, as_of), self.unreported)
        return with_unreported(series_of(self.observations, as_of), self.unreported)
