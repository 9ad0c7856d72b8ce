"""The ``check`` report for the terminal: per target year and pillar, then a summary and a verdict.

It fits the width it is printed at (:mod:`dxscore.render.layout`): a table when the names get
40 columns, else each name and id on a line of their own above the figures. Indicators without
data are listed by id under each pillar (``--all``: a row each). With areas, the league comes
first.

Color never carries meaning alone: every status also has a symbol and a word.
Text from input files is escaped before rich reads markup, or put in a ``Text``, which reads
none; either way its control characters are shown, not sent to the terminal.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from dxscore.i18n import Lang, t
from dxscore.model import PILLARS, TargetSet
from dxscore.render import wording
from dxscore.render.sections import (
    Part,
    PillarBlock,
    Section,
    explanation,
    parts,
    total_label,
)
from dxscore.scoring import STATUSES, Result, Scorecard, Summary
from dxscore.text import escape, printable

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from dxscore.render.layout import Column

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


def report(
    scorecard: Scorecard, lang: Lang, *, explain: bool = False, all_rows: bool = False
) -> Iterator[RenderableType]:
    """Everything ``check`` prints, part by part, for each target set and area: with areas, the
    league first, then the city-wide report. Indicators without data are listed by id under
    each pillar, or each in a row of its own with ``all_rows``."""
    from rich.text import Text

    folded = False
    for part in parts(scorecard):
        if part.leagues:
            yield Text.from_markup(
                _title(part.target_set, None, scorecard.as_of, lang), emoji=False
            )
            yield from _league_tables(part, lang)
        for section in part.reports:
            heading = _title(
                section.target_set,
                section.area,
                scorecard.as_of,
                lang,
                city_wide=bool(part.leagues) and section.area is None,
            )
            yield from _full_report(section, heading, scorecard.as_of, lang, explain, all_rows)
            folded = folded or (
                not all_rows and any(r.status == "no_data" for r in section.results())
            )
    if folded:
        yield Text(t("check.all_hint", lang), style="dim")


NAME_WIDTH = 40  # the least a wide table gives the names; with less, names go above the figures


def _full_report(
    section: Section,
    heading: str,
    as_of: int | None,
    lang: Lang,
    explain: bool,
    all_rows: bool,
) -> Iterator[RenderableType]:
    from rich.text import Text

    from dxscore.render.layout import ByWidth, Listed

    yield Text.from_markup(heading, emoji=False)
    wide: list[RenderableType] = []
    narrow: list[RenderableType] = []
    shown_blocks: list[tuple[PillarBlock, list[_Cells]]] = []
    for block in section.blocks:
        title = Text.from_markup(
            "\n" + _table_title(block.target_year, block.pillar, block.summary, lang), emoji=False
        )
        shown = [
            _cells(r, block.has_projections, lang)
            for r in block.results
            if all_rows or r.status != "no_data"
        ]
        after: list[RenderableType] = []
        if not all_rows and block.with_data < len(block.results):
            missing = [r.indicator.id for r in block.results if r.status == "no_data"]
            after.append(Listed(Text.from_markup(status_text("no_data", lang) + ":"), missing))
        if explain:
            after += [
                Text.from_markup(line, emoji=False) for line in _explain(block.results, as_of, lang)
            ]
        wide.append(title)
        narrow.append(title)
        if shown:
            shown_blocks.append((block, shown))
            wide.append(_wide_table(block, shown, lang, name_width=None))
            narrow.append(_stacked(block, shown, lang))
        wide += after
        narrow += after

    def probes(width: int) -> list[RenderableType]:
        return [_wide_table(block, shown, lang, name_width=width) for block, shown in shown_blocks]

    yield ByWidth(probes, _name_width(shown_blocks), wide, narrow)
    yield Text("")
    yield _matrix(section.summary, lang)


class _Cells(NamedTuple):
    """One result's cells, as the wide table and the stacked layout both show them."""

    id: str
    name: Text
    figures: tuple[tuple[Text, ...], ...]  # target, actual, (projected,) attainment, status


def _cells(result: Result, projections: bool, lang: Lang) -> _Cells:
    from rich.text import Text

    status = [Text(wording.status(result.status, lang), STATUS_STYLE[result.status])]
    short = wording.awaiting_short(result, lang)
    if short:
        status.append(Text(short, "dim"))
    projected = ((Text(wording.projected_of(result, lang)),),) if projections else ()
    return _Cells(
        result.indicator.id,
        Text(printable(result.indicator.name.in_lang(lang))),
        (
            (Text(wording.target(result.target, result.indicator.unit, lang)),),
            (Text(wording.actual_of(result, lang)),),
            *projected,
            (Text(wording.bar(result.attainment)),),
            tuple(status),
        ),
    )


def _name_width(blocks: Sequence[tuple[PillarBlock, Sequence[_Cells]]]) -> int:
    """The least width of the wide tables' names: ``NAME_WIDTH``, or the longest id (whole)."""
    return max([NAME_WIDTH, *(len(cells.id) for _, shown in blocks for cells in shown)])


def _figure_columns(block: PillarBlock, lang: Lang) -> list[Column]:
    from dxscore.render.layout import Column

    projected = (
        [Column(t("col.projected", lang), justify="right", wrap=False)]
        if block.has_projections
        else []
    )
    return [
        Column(t("col.target", lang)),
        Column(t("col.actual", lang)),
        *projected,
        Column(t("col.attainment", lang), wrap=False),
        Column(t("col.status", lang), wrap=False),
    ]


def _wide_table(
    block: PillarBlock, shown: Sequence[_Cells], lang: Lang, *, name_width: int | None
) -> Table:
    """A pillar's results as a table: name and id in the first column, then the figures; the
    names ``name_width`` wide (to measure the table) or as wide as rich gives them."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    least = _name_width([(block, shown)])  # never narrower than an id
    table.add_column(t("col.indicator", lang), width=name_width, min_width=least)
    for column in _figure_columns(block, lang):
        table.add_column(column.header, justify=column.justify, no_wrap=not column.wrap)
    for cells in shown:
        table.add_row(
            Text.assemble(cells.name, "\n", (cells.id, "dim")),
            *(Text("\n").join(cell) for cell in cells.figures),
        )
    return table


def _stacked(block: PillarBlock, shown: Sequence[_Cells], lang: Lang) -> RenderableType:
    """A pillar's results for a narrow terminal: each name and id on a line of their own,
    the figures below them."""
    from dxscore.render.layout import Entry, Stacked

    entries = [Entry([cells.name], cells.id, [cells.figures]) for cells in shown]
    return Stacked(_figure_columns(block, lang), entries)


def _league_tables(part: Part, lang: Lang) -> Iterator[RenderableType]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    name = escape(part.target_set.name.in_lang(lang))
    for year, rows in part.leagues:
        table = Table(
            title=f"[bold]{name} · {t('heading.league', lang, year=year)}[/bold]",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
            show_edge=False,
            padding=(0, 1, 0, 0),  # two spaces between columns: a league fits 80 columns
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
        yield Text("")
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
    )


def _title(
    target_set: TargetSet,
    area: str | None,
    as_of: int | None,
    lang: Lang,
    *,
    city_wide: bool = False,
) -> str:
    """The set's name, where, as of when, and its resolution (said once: not again over the
    city-wide report that follows the league)."""
    when = (
        t("heading.as_of", lang, year=as_of)
        if as_of is not None
        else t("heading.no_data_at_all", lang)
    )
    where = f" · {escape(t('heading.area', lang, area=area))}" if area is not None else ""
    if city_wide:
        return (
            f"\n[bold]{escape(target_set.name.in_lang(lang))}[/bold] · "
            f"{t('heading.city_wide', lang)} · {when}"
        )
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


def _explain(rows: Sequence[Result], as_of: int | None, lang: Lang) -> Iterator[str]:
    """Each verdict's audit trail on one line: the documents' lines (sections.explanation),
    the value's note and source, and the verdict with its colored status."""
    for result in rows:
        head = f"  [bold]{escape(result.indicator.id)}[/bold] {result.target_year}: "
        lines = explanation(result, as_of, lang)
        if not result.used:
            yield head + escape(lines[0])
            continue
        *reasons, _ = lines
        current = result.current
        if current and (current.note or current.source):
            reasons.append(" · ".join(p for p in (current.note, current.source) if p))
        verdict = f"{wording.target(result.target, result.indicator.unit, lang)} → "
        yield head + escape("; ".join([*reasons, verdict])) + status_text(result.status, lang)


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
        label = t("pillar." + pillar, lang) if pillar is not None else total_label(lang)
        table.add_row(f"[bold]{label}[/bold]" if pillar is None else label, *cells)
    return table


def _score_cell(row: Summary | None, lang: Lang) -> str:
    if row is None:
        return ""
    score = wording.score(row.score, lang)
    return f"{score} · {wording.percent(row.coverage)}"


def verdict(
    scorecard: Scorecard, fail_on: str, lang: Lang, width: int = 10_000
) -> tuple[str, bool]:
    """The closing lines, and whether ``check`` should exit 1. A line wider than ``width``
    breaks before its ``(--fail-on …)``, so that the exit code is never alone on a line."""
    counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
    for result in scorecard.results:
        counts[result.status] += 1
    line = t("verdict.counts", lang, **counts)
    if fail_on == "never":
        return _fitted(f"{line} {t('verdict.never', lang)}", width), False
    failing = scorecard.failing(fail_on)
    worst = t("status." + fail_on, lang)
    if failing:
        said = _fitted(t("verdict.fail", lang, n=failing, worst=worst, fail_on=fail_on), width)
        return f"{line}\n[bold red]{said}[/]", True
    said = _fitted(t("verdict.pass", lang, worst=worst, fail_on=fail_on), width)
    return f"{line}\n[green]{said}[/]", False


def _fitted(line: str, width: int) -> str:
    """``line`` whole when it fits, else broken before its ``(--fail-on``."""
    from rich.cells import cell_len

    head, cut, tail = line.rpartition(" (--fail-on")
    if cell_len(line) <= width or not cut:
        return line
    return f"{head}\n  {cut.strip()}{tail}"
