"""The scorecard cut into what every document shows: per target set and area, per target year
and pillar, the results and their summary row. Shared by the terminal, markdown and HTML."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from dxscore.i18n import Lang, t
from dxscore.model import PILLARS, PillarKey, TargetSet
from dxscore.scoring import LeagueRow, Result, Scorecard, Summary, league_tables

# The columns of a results table, as catalogue keys, in the order every document shows them.
RESULT_COLUMNS = (
    "col.indicator",
    "col.target",
    "col.actual",
    "col.projected",
    "col.attainment",
    "col.status",
)


class Heading(NamedTuple):
    """What a document says first of a target set: its title, its resolution, and as of when."""

    title: str
    document: str
    meta: str


def heading(target_set: TargetSet, as_of: int | None, lang: Lang, version: str) -> Heading:
    meta = (
        t("report.meta", lang, year=as_of, version=version)
        if as_of is not None
        else t("report.meta_no_data", lang, version=version)
    )
    return Heading(
        t("report.title", lang, city=target_set.name.in_lang(lang)),
        target_set.resolution.title.in_lang(lang),
        meta,
    )


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
    """One section per target set and area, in the scorecard's order (linear in its size)."""
    results: dict[tuple[str, str | None], list[Result]] = defaultdict(list)
    for result in scorecard.results:
        results[(result.target_set, result.area)].append(result)
    summaries: dict[tuple[str, str | None], list[Summary]] = defaultdict(list)
    for row in scorecard.summary:
        summaries[(row.target_set, row.area)].append(row)
    for target_set in scorecard.target_sets:
        for area in scorecard.areas:
            rows = results.get((target_set.id, area))
            if not rows:
                continue
            summary = tuple(summaries[(target_set.id, area)])
            by_block: dict[tuple[int, str], list[Result]] = defaultdict(list)
            for result in rows:
                by_block[(result.target_year, result.pillar)].append(result)
            pillar_rows = {(s.target_year, s.pillar): s for s in summary if s.pillar is not None}
            blocks = [
                PillarBlock(
                    year, pillar, pillar_rows[(year, pillar)], tuple(by_block[(year, pillar)])
                )
                for year in sorted({r.target_year for r in rows})
                for pillar in PILLARS
                if (year, pillar) in by_block
            ]
            yield Section(target_set, area, summary, tuple(blocks))


@dataclass(frozen=True, slots=True)
class Part:
    """What a document shows of one target set, together: its full reports (city-wide, or an
    area drilled into), then its league tables (by target year)."""

    target_set: TargetSet
    reports: tuple[Section, ...]
    leagues: tuple[tuple[int, list[LeagueRow]], ...]

    @property
    def league_heads(self) -> bool:
        """Whether the league carries the set's heading (no full report above it does)."""
        return bool(self.leagues) and not self.reports


def parts(scorecard: Scorecard) -> list[Part]:
    """The document's parts, one per target set with something to show, in the scorecard's order."""
    ranked = league_sets(scorecard)
    reports: dict[str, list[Section]] = defaultdict(list)
    for section in sections(scorecard):
        if section.area is None or section.target_set.id not in ranked:
            reports[section.target_set.id].append(section)
    leagues: dict[str, list[tuple[int, list[LeagueRow]]]] = defaultdict(list)
    for set_id, year, rows in league_tables(scorecard):
        if set_id in ranked:
            leagues[set_id].append((year, rows))
    return [
        Part(ts, tuple(reports[ts.id]), tuple(leagues[ts.id]))
        for ts in scorecard.target_sets
        if reports[ts.id] or leagues[ts.id]
    ]


def league_sets(scorecard: Scorecard) -> set[str]:
    """The target sets whose areas are shown as league rows rather than in full: those with
    several areas (one area alone, or one drilled into, gets its full report)."""
    named: dict[str, set[str]] = defaultdict(set)
    for result in scorecard.results:
        if result.area is not None:
            named[result.target_set].add(result.area)
    return {set_id for set_id, areas in named.items() if len(areas) > 1}
