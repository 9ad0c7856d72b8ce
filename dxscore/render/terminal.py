"""The ``check`` report for the terminal: per target year and pillar, then a summary and a verdict.

Color never carries meaning alone: every status also has a symbol and a word.
Text from input files is escaped before rich sees it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from dxscore.i18n import Lang, t
from dxscore.model import PILLARS, TargetSet
from dxscore.render import wording
from dxscore.render.sections import Part, Section, parts
from dxscore.scoring import STATUSES, Result, Scorecard, Summary
from dxscore.text import escape, printable

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table

STATUS_STYLE = {
    "achieved": "bold green",
    "on_track": "cyan",
    "at_risk": "yellow",
    "missed": "bold red",
    "no_data": "dim",
}


def status_text(status: str, lang: Lang) -> str:
    return (
        f"[{STATUS_STYLE[status]}]{wording.STATUS_SYMBOL[status]} {t('status.' + status, lang)}[/]"
    )


def report(scorecard: Scorecard, lang: Lang, *, explain: bool = False) -> Iterator[RenderableType]:
    """Everything ``check`` prints, part by part, for each target set and area."""
    from rich.text import Text

    for part in parts(scorecard):
        for section in part.reports:
            yield from _full_report(section, scorecard.as_of, lang, explain)
        if part.league_heads:
            yield Text.from_markup(
                _title(part.target_set, None, scorecard.as_of, lang), emoji=False
            )
        yield from _league_tables(part, lang)


def _full_report(
    section: Section, as_of: int | None, lang: Lang, explain: bool
) -> Iterator[RenderableType]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    yield Text.from_markup(_title(section.target_set, section.area, as_of, lang), emoji=False)
    for block in section.blocks:
        table = Table(
            title=_table_title(block.target_year, block.pillar, block.summary, lang),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        projections = block.has_projections
        table.add_column(t("col.indicator", lang), ratio=1, min_width=8, overflow="fold")
        table.add_column(t("col.target", lang), max_width=14)
        table.add_column(t("col.actual", lang), max_width=14)
        if projections:
            table.add_column(t("col.projected", lang), justify="right", max_width=10)
        table.add_column(t("col.attainment", lang), no_wrap=True)
        table.add_column(t("col.status", lang), min_width=10)
        for result in block.results:
            cells = _row(result, lang)
            table.add_row(*(cells if projections else cells[:3] + cells[4:]))
        yield table
        if explain:
            for line in _explain(block.results, as_of, lang):
                yield Text.from_markup(line, emoji=False)
    yield _matrix(section.summary, lang)


def _league_tables(part: Part, lang: Lang) -> Iterator[RenderableType]:
    from rich import box
    from rich.table import Table

    name = escape(part.target_set.name.in_lang(lang))
    for year, rows in part.leagues:
        table = Table(
            title=f"[bold]{name} · {t('heading.league', lang, year=year)}[/bold]",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        table.add_column("#", justify="right")
        table.add_column(t("col.area", lang), ratio=1)
        table.add_column(t("col.score", lang), justify="right")
        table.add_column(t("col.coverage", lang), justify="right")
        for status in STATUSES:
            table.add_column(
                wording.STATUS_SYMBOL[status], justify="right", style=STATUS_STYLE[status]
            )
        table.add_column(t("col.worst_pillar", lang))
        cells = [
            (
                "–" if row.rank is None else str(row.rank),
                row.area,
                wording.score(row.score, lang),
                wording.percent(row.coverage),
                *(str(row.counts[status]) for status in STATUSES),
                wording.worst_pillar(row.worst_pillar, row.worst_score, lang),
            )
            for row in rows
        ]
        if len(cells) > LONG_LEAGUE:
            yield _plain_table(table, [tuple(map(printable, row)) for row in cells])
            continue
        for row_cells in cells:
            table.add_row(*(escape(cell) for cell in row_cells))
        yield table


LONG_LEAGUE = 200  # rows beyond which a league is laid out as plain text (rich tables are slow)


def _plain_table(table: Table, rows: list[tuple[str, ...]]) -> RenderableType:
    """The same columns as ``table``, aligned by hand: thousands of areas in a fraction of a second."""
    from rich.cells import cell_len
    from rich.console import Group
    from rich.text import Text

    headers = [str(column.header) for column in table.columns]
    right = [column.justify == "right" for column in table.columns]
    widths = [max(cell_len(h), *(cell_len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: tuple[str, ...] | list[str]) -> str:
        return "  ".join(
            (" " * (w - cell_len(c)) + c) if r else (c + " " * (w - cell_len(c)))
            for c, w, r in zip(cells, widths, right, strict=True)
        ).rstrip()

    body = "\n".join(line(row) for row in rows)
    return Group(
        Text.from_markup(str(table.title), emoji=False),
        Text(line(headers), style="bold"),
        Text("─" * sum(widths, 2 * (len(widths) - 1))),
        Text(body, no_wrap=True),
        Text(""),
    )


def _title(target_set: TargetSet, area: str | None, as_of: int | None, lang: Lang) -> str:
    when = (
        t("heading.as_of", lang, year=as_of)
        if as_of is not None
        else t("heading.no_data_at_all", lang)
    )
    where = f" · {escape(t('heading.area', lang, area=area))}" if area is not None else ""
    return (
        f"\n[bold]{escape(target_set.name.in_lang(lang))}[/bold]{where} · {when}\n"
        f"[dim]{escape(target_set.resolution.title.in_lang(lang))}[/dim]"
    )


def _table_title(year: int, pillar: str, summary: Summary, lang: Lang) -> str:
    total = sum(summary.counts.values())
    have = total - summary.counts["no_data"]
    score = wording.score(summary.score, lang)
    return (
        f"[bold]{t('heading.target_year', lang, year=year)} · {t('pillar.' + pillar, lang)}[/bold] · "
        + t("heading.score", lang, score=score, have=have, total=total)
    )


def _row(result: Result, lang: Lang) -> tuple[str, ...]:
    name = escape(result.indicator.name.in_lang(lang))
    return (
        f"{name}\n[dim]{escape(result.indicator.id)}[/dim]",
        escape(wording.target(result.target, result.indicator.unit, lang)),
        escape(wording.actual_of(result, lang)),
        escape(wording.projected_of(result, lang)),
        wording.bar(result.attainment),
        status_text(result.status, lang) + _awaiting_line(result, lang),
    )


def _awaiting_line(result: Result, lang: Lang) -> str:
    """A second line under the status when the verdict waits for the deadline's value."""
    short = wording.awaiting_short(result, lang)
    return f"\n[dim]{escape(short)}[/dim]" if short else ""


def _explain(rows: Sequence[Result], as_of: int | None, lang: Lang) -> Iterator[str]:
    for result in rows:
        unit = result.indicator.unit
        head = f"  [bold]{escape(result.indicator.id)}[/bold] {result.target_year}: "
        if not result.used:
            yield head + escape(t("explain.none", lang, year=as_of))
            continue
        points = ", ".join(f"{o.year}={wording.observed(o, result, lang)}" for o in result.used)
        parts = [f"{t('explain.observations', lang)} {points}"]
        if result.actual_year is not None:
            parts.append(
                t(
                    "explain.current",
                    lang,
                    value=wording.observed(result.current, result, lang) if result.current else "–",
                    year=result.actual_year,
                )
            )
        if result.status == "missed":
            parts.append(t("explain.deadline_passed", lang, year=result.target_year))
        elif result.fit is not None and result.projected is not None:
            parts.append(
                t(
                    "explain.fit",
                    lang,
                    slope=wording.slope(result.fit.slope, lang),
                    projected=wording.projected_of(result, lang),
                    year=result.target_year,
                )
            )
        elif result.status == "at_risk":
            parts.append(t("explain.no_fit", lang))
        waiting = wording.awaiting(result, lang)
        if waiting:
            parts.append(waiting)
        if result.current and (result.current.note or result.current.source):
            parts.append(" · ".join(p for p in (result.current.note, result.current.source) if p))
        parts.append(
            f"{wording.target(result.target, unit, lang)} → {status_text(result.status, lang)}"
        )
        yield head + escape("; ".join(parts[:-1])) + "; " + parts[-1]


def _matrix(summary: Sequence[Summary], lang: Lang) -> RenderableType:
    from rich.table import Table

    years = sorted({s.target_year for s in summary})
    title = t("heading.summary", lang)
    table = Table(title=title, title_justify="left", min_width=len(title))
    table.add_column(t("col.pillar", lang))
    for year in years:
        table.add_column(str(year), justify="right")
    for pillar in (*PILLARS, None):
        cells = []
        for year in years:
            row = next((s for s in summary if s.pillar == pillar and s.target_year == year), None)
            cells.append(_score_cell(row, lang))
        if all(cell == "" for cell in cells):
            continue
        label = t("pillar." + (pillar or "all"), lang)
        table.add_row(f"[bold]{label}[/bold]" if pillar is None else label, *cells)
    return table


def _score_cell(row: Summary | None, lang: Lang) -> str:
    if row is None:
        return ""
    score = wording.score(row.score, lang)
    return f"{score} · {wording.percent(row.coverage)}"


def verdict(scorecard: Scorecard, fail_on: str, lang: Lang) -> tuple[str, bool]:
    """The closing line, and whether ``check`` should exit 1."""
    counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
    for result in scorecard.results:
        counts[result.status] += 1
    line = t("verdict.counts", lang, **counts)
    if fail_on == "never":
        return f"{line} {t('verdict.never', lang)}", False
    failing = scorecard.failing(fail_on)
    worst = t("status." + fail_on, lang)
    if failing:
        return (
            f"{line}\n[bold red]{t('verdict.fail', lang, n=failing, worst=worst, fail_on=fail_on)}[/]",
            True,
        )
    return f"{line}\n[green]{t('verdict.pass', lang, worst=worst, fail_on=fail_on)}[/]", False
