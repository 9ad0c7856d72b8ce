"""The scorecard cut into what every document shows: per target set and area, per target year
and pillar, the results and their summary row. Shared by the terminal, markdown and HTML."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from dxscore.model import PILLARS, PillarKey, TargetSet
from dxscore.scoring import Result, Scorecard, Summary


@dataclass(frozen=True, slots=True)
class PillarBlock:
    target_year: int
    pillar: PillarKey
    summary: Summary
    results: tuple[Result, ...]

    @property
    def with_data(self) -> int:
        return sum(1 for r in self.results if r.status != "no_data")

    @property
    def has_projections(self) -> bool:
        return any(r.projected is not None for r in self.results)


@dataclass(frozen=True, slots=True)
class Section:
    """One target set in one area (``area`` None: city-wide)."""

    target_set: TargetSet
    area: str | None
    summary: tuple[Summary, ...]
    blocks: tuple[PillarBlock, ...]

    @property
    def years(self) -> list[int]:
        return sorted({block.target_year for block in self.blocks})

    def summary_row(self, pillar: PillarKey | None, year: int) -> Summary | None:
        return next((s for s in self.summary if s.pillar == pillar and s.target_year == year), None)

    def results(self) -> Iterator[Result]:
        for block in self.blocks:
            yield from block.results


def sections(scorecard: Scorecard) -> Iterator[Section]:
    for target_set in scorecard.target_sets:
        for area in scorecard.areas:
            results = [
                r for r in scorecard.results if r.target_set == target_set.id and r.area == area
            ]
            if not results:
                continue
            summary = tuple(
                s for s in scorecard.summary if s.target_set == target_set.id and s.area == area
            )
            blocks = []
            for year in sorted({r.target_year for r in results}):
                for pillar in PILLARS:
                    rows = tuple(r for r in results if r.target_year == year and r.pillar == pillar)
                    if rows:
                        row = next(
                            s for s in summary if s.target_year == year and s.pillar == pillar
                        )
                        blocks.append(PillarBlock(year, pillar, row, rows))
            yield Section(target_set, area, summary, tuple(blocks))
