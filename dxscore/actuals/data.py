"""What a reader gives the pipeline: observations, problems and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field

from dxscore.errors import Problem
from dxscore.observations import Observation
from dxscore.scoring import Series, SeriesKey, series_of, with_unreported


@dataclass
class Actuals:
    """What the actuals files held: observations, and everything worth telling the user."""

    observations: list[Observation] = field(default_factory=list)
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
        return with_unreported(series_of(self.observations, as_of), self.unreported)
