"""The scorecard cut into what every document shows: per target set and area, per target year
and pillar, the results and their summary row. Shared by the terminal, markdown and HTML."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from dxscore.errors import Problem, about_the_input
from dxscore.i18n import Lang, t
from dxscore.model import PILLARS, Indicator, PillarKey, TargetSet
from dxscore.observations import Observation
from dxscore.provenance import InputFile, Provenance
from dxscore.scoring import STATUSES, LeagueRow, Result, Scorecard, Status, Summary, league_tables

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


# What a director reads first -------------------------------------------------------------

BEHIND = 5  # the targets furthest behind that a summary lists, per target set and year


@dataclass(frozen=True, slots=True)
class Overview:
    """One target set (in one area, or over its ranked areas) in one target year, as the
    summary gives it: the score, the counts by status and the targets furthest behind."""

    target_set: TargetSet
    area: str | None  # the area of a full report; None: city-wide, or over the ranked areas
    ranked_areas: int  # more than 0: a league's overview (no one score: the league ranks them)
    target_year: int
    score: float | None
    coverage: float | None
    counts: dict[Status, int]
    behind: tuple[Result, ...]
    more_behind: int  # missed or at risk, but not among ``behind``
    named: bool = False  # the heading names the city and place (the report holds several)

    def title(self, lang: Lang) -> str:
        """``Target year 2025``; with several places in the report ``Hanoi, city-wide · target
        year 2025``, ``Hanoi, by area · target year 2025``, ``Hanoi · Area: Ba Đình · …``."""
        if not self.named:
            return t("heading.target_year", lang, year=self.target_year)
        city = self.target_set.name.in_lang(lang)
        if self.ranked_areas:
            place = t("overview.by_area", lang, city=city)
        elif self.area is not None:
            place = f"{city} · {t('report.area', lang, area=self.area)}"
        else:
            place = f"{city}, {t('heading.city_wide', lang)}"
        return t("overview.year", lang, city=place, year=self.target_year)


def overviews(scorecard: Scorecard) -> list[Overview]:
    """The summary's entries, in the document's order: per part, its full reports' target
    years, then its league's (one pass over the results)."""
    shown = parts(scorecard)
    behind: dict[tuple[str, str | None, int, bool], list[Result]] = defaultdict(list)
    ranked = {part.target_set.id for part in shown if part.leagues}
    full = {(section.target_set.id, section.area) for part in shown for section in part.reports}
    for result in scorecard.results:
        if result.status not in ("missed", "at_risk"):
            continue
        key = (result.target_set, result.area)
        if key in full:
            behind[(result.target_set, result.area, result.target_year, False)].append(result)
        elif result.area is not None and result.target_set in ranked:
            behind[(result.target_set, None, result.target_year, True)].append(result)
    entries: list[Overview] = []
    for part in shown:
        named = len(shown) > 1 or bool(part.leagues) or len(part.reports) > 1
        for section in part.reports:
            for year in section.years:
                total = section.summary_row(None, year)
                if total is None:
                    continue
                found = behind[(part.target_set.id, section.area, year, False)]
                entries.append(
                    Overview(
                        part.target_set,
                        section.area,
                        0,
                        year,
                        total.score,
                        total.coverage,
                        total.counts,
                        *_furthest(found),
                        named=named or section.area is not None,
                    )
                )
        for year, rows in part.leagues:
            counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
            for row in rows:
                for status in STATUSES:
                    counts[status] += row.counts[status]
            found = behind[(part.target_set.id, None, year, True)]
            entries.append(
                Overview(
                    part.target_set,
                    None,
                    len(rows),
                    year,
                    None,
                    None,
                    counts,
                    *_furthest(found),
                    named=True,
                )
            )
    return entries


def quoted_once(behind: tuple[Result, ...]) -> list[tuple[Result, str | None]]:
    """The targets furthest behind, each with the resolution's sentence the first time its
    indicator comes (areas of a league share it: it is not repeated under each)."""
    seen: set[str] = set()
    items: list[tuple[Result, str | None]] = []
    for result in behind:
        first = result.indicator.id not in seen
        seen.add(result.indicator.id)
        items.append((result, result.indicator.quote if first else None))
    return items


def _furthest(found: list[Result]) -> tuple[tuple[Result, ...], int]:
    """Missed first, then at risk; the lowest attainment first within each."""
    found.sort(key=lambda r: (r.status != "missed", r.attainment or 0.0))
    return tuple(found[:BEHIND]), max(0, len(found) - BEHIND)


def total_label(lang: Lang) -> str:
    """What the summary's last row is: the mean of the pillars' scores (not "the target set")."""
    return t("summary.total", lang)


# Where the report comes from --------------------------------------------------------------


def made_from(
    provenance: Provenance, scorecard: Scorecard, lang: Lang
) -> list[tuple[str, str | list[tuple[str, str]]]]:
    """The lines of "About this report": a label, and a text or a list of (file, SHA-256)."""
    used = {
        (o.target_set, o.area, o.indicator, o.year): o.estimate
        for result in scorecard.results
        for o in result.used
    }
    estimates = sum(used.values())
    mark = t("value.estimate", lang)
    lines: list[tuple[str, str | list[tuple[str, str]]]] = [
        (t("made.date", lang), made_at(provenance, lang)),
        (t("made.version", lang), provenance.version),
        (
            t("made.as_of", lang),
            t("heading.no_data_at_all", lang) if scorecard.as_of is None else str(scorecard.as_of),
        ),
        (
            t("made.estimates", lang),
            t("made.estimates_some", lang, n=estimates, total=len(used), mark=mark)
            if estimates
            else t(
                "made.estimates_none" + (".one" if len(used) == 1 else ""), lang, total=len(used)
            ),
        ),
        (t("made.actuals", lang), _files(provenance, provenance.actuals, lang)),
        (t("made.targets", lang), _files(provenance, provenance.targets, lang)),
    ]
    return lines


def warnings_about_input(warnings: Sequence[Problem], lang: Lang) -> list[tuple[str, str]]:
    """The warnings said while reading the input, as a document lists them after what it was
    made from: each as where (``FILE:LINE:COL``, as the terminal says it) and what."""
    from dxscore.text import printable

    listed = []
    for warning in about_the_input(warnings):
        where = warning.file
        if warning.line is not None:
            where += f":{warning.line}" + (f":{warning.col}" if warning.col is not None else "")
        what = warning.text(lang)
        if warning.path:
            what = f"{warning.path}: {what}"
        listed.append((printable(where, newlines=False), printable(what, newlines=False)))
    return listed


def made_at(provenance: Provenance, lang: Lang) -> str:
    """``2026-12-06 15:32 (UTC+07:00)``; in Vietnamese ``06/12/2026 15:32 (UTC+07:00)``."""
    made = provenance.made
    zone = made.strftime("%z")
    zone = "UTC" if zone in ("", "+0000") else f"UTC{zone[:3]}:{zone[3:]}"
    day = made.strftime("%d/%m/%Y" if lang == "vi" else "%Y-%m-%d")
    return f"{day} {made.strftime('%H:%M')} ({zone})"


def _files(
    provenance: Provenance, files: tuple[InputFile, ...], lang: Lang
) -> list[tuple[str, str]]:
    """Each file as named, or a bundled target file by its name and the version it came with
    (``hanoi.yaml (bundled with dxscore 0.1.0)``), and its SHA-256."""
    return [
        (
            t("made.bundled", lang, name=item.path, version=provenance.version)
            if item.bundled
            else item.path,
            item.sha256 or t("made.sha256_unknown", lang),
        )
        for item in files
    ]


# Each indicator's values, year by year ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class SeriesRow:
    indicator: Indicator
    pillar: PillarKey
    result: Result  # one of its results: how its values are worded (and rounded)
    values: dict[int, Observation]


def series(section: Section) -> tuple[list[int], list[SeriesRow]]:
    """The years with a reported value, and per indicator with data its values by year, in
    the order of the target file."""
    rows: dict[str, SeriesRow] = {}
    for result in section.results():
        if result.used and result.indicator.id not in rows:
            rows[result.indicator.id] = SeriesRow(
                result.indicator, result.pillar, result, {o.year: o for o in result.used}
            )
    order = {
        indicator.id: index for index, (_, indicator) in enumerate(section.target_set.indicators())
    }
    ordered = sorted(rows.values(), key=lambda row: order.get(row.indicator.id, len(order)))
    years = sorted({year for row in ordered for year in row.values})
    return years, ordered


# The audit trail (--explain) --------------------------------------------------------------


def explanation(result: Result, as_of: int | None, lang: Lang) -> list[str]:
    """How the verdict follows from the values: the values used, the current one, the fitted
    line (its slope, and what it gives at the target year), and the verdict."""
    from dxscore.render import wording

    if not result.used:
        return [t("explain.none", lang, year=as_of)]
    points = ", ".join(f"{o.year}: {wording.observed(o, result, lang)}" for o in result.used)
    lines = [f"{t('explain.observations', lang)}: {points}"]
    if result.current is not None:
        lines.append(
            t(
                "explain.current",
                lang,
                value=wording.observed(result.current, result, lang),
                year=result.current.year,
            )
        )
    if result.status == "missed":
        lines.append(t("explain.deadline_passed", lang, year=result.target_year))
    elif result.fit is not None and result.projected is not None:
        lines.append(
            t(
                "explain.fit",
                lang,
                slope=wording.slope(result.fit.slope, lang),
                projected=wording.projected_of(result, lang),
                year=result.target_year,
            )
            + " "
            + t("explain.fit_years", lang, n=len({o.year for o in result.used}))
        )
    elif result.status == "at_risk":
        lines.append(t("explain.no_fit", lang))
    waiting = wording.awaiting(result, lang)
    if waiting:
        lines.append(waiting)
    lines.append(
        f"{wording.target(result.target, result.indicator.unit, lang)} → "
        f"{wording.status(result.status, lang)}"
    )
    return lines
