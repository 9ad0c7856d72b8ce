"""``compare``: target sets side by side on the canonical indicators they share.

``comparison()`` cuts a scorecard into rows (indicator × target year) with one cell per
target set; the renderers print it for the terminal, as markdown or as JSON.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dxscore.i18n import Lang, t
from dxscore.model import CANONICAL_INDICATORS, TargetSet
from dxscore.render import wording
from dxscore.render.json_report import rounded
from dxscore.scoring import Result, Scorecard, Summary

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text


@dataclass(frozen=True, slots=True)
class Row:
    indicator: str  # a shared id: its name is the catalogue's (indicator.<id>), not one set's
    target_year: int
    cells: tuple[Result | None, ...]  # one per target set; None: no target that year


@dataclass(frozen=True, slots=True)
class Comparison:
    as_of: int | None
    sets: tuple[TargetSet, ...]
    rows: tuple[Row, ...]
    scores: tuple[tuple[int, tuple[Summary | None, ...]], ...]  # per target year, one per set


def comparison(scorecard: Scorecard) -> Comparison:
    """City-wide results of the canonical indicators at least two sets share (all, with one set)."""
    sets = scorecard.target_sets
    results = {
        (r.target_set, r.indicator.id, r.target_year): r
        for r in scorecard.results
        if r.area is None
    }
    holders = {
        indicator: [ts for ts in sets if any(ind.id == indicator for _, ind in ts.indicators())]
        for indicator in CANONICAL_INDICATORS
    }
    shared = [ind for ind in CANONICAL_INDICATORS if len(holders[ind]) >= min(2, len(sets))]
    rows = []
    for indicator in shared:
        years = sorted(
            {
                year
                for ts in holders[indicator]
                for _, ind in ts.indicators()
                if ind.id == indicator
                for year in ind.targets
            }
        )
        for year in years:
            rows.append(
                Row(
                    indicator,
                    year,
                    tuple(results.get((ts.id, indicator, year)) for ts in sets),
                )
            )
    totals = {
        (s.target_set, s.target_year): s
        for s in scorecard.summary
        if s.area is None and s.pillar is None
    }
    years = sorted({year for _, year in totals} | {row.target_year for row in rows})
    scores = tuple((year, tuple(totals.get((ts.id, year)) for ts in sets)) for year in years)
    return Comparison(scorecard.as_of, sets, tuple(rows), scores)


def _cell(result: Result | None, lang: Lang) -> str:
    if result is None:
        return "·"
    unit = result.indicator.unit
    target = wording.target(result.target, unit, lang)
    if result.status == "no_data":
        return target
    actual = wording.actual_of(result, lang)
    waiting = wording.awaiting_short(result, lang)
    status = wording.status(result.status, lang) + (f" ({waiting})" if waiting else "")
    return f"{target} · {actual} · {status}"


def _score(summary: Summary | None, lang: Lang) -> str:
    if summary is None:
        return "·"
    return f"{wording.score(summary.score, lang)} · {wording.percent(summary.coverage)}"


def _pieces(result: Result | None, lang: Lang) -> tuple[Text, ...]:
    """A cell of the terminal table, in the pieces :func:`_cell` joins: the target, then the
    actual and the status (and why it waits), each on a line of its own when space is short."""
    from rich.text import Text

    from dxscore.render.terminal import STATUS_STYLE

    if result is None:
        return (Text("·"),)
    target = Text(wording.target(result.target, result.indicator.unit, lang))
    if result.status == "no_data":
        return (target,)
    status = Text(wording.status(result.status, lang), STATUS_STYLE[result.status])
    waiting = wording.awaiting_short(result, lang)
    return (
        target,
        Text(wording.actual_of(result, lang)),
        status,
        *((Text(waiting, "dim"),) if waiting else ()),
    )


def _two_lines(pieces: Sequence[Text]) -> Text:
    """A cell of the wide table: the target and the actual, then the status and what it waits for."""
    from rich.text import Text

    from dxscore.render.layout import SEPARATOR

    return Text("\n").join(Text(SEPARATOR).join(part) for part in (pieces[:2], pieces[2:]) if part)


NAME_WIDTH = 30  # the least the wide table gives the indicators' names


def as_table(view: Comparison, lang: Lang) -> list[RenderableType]:
    """The comparison for the terminal, fitting its width: a table with a column of names when
    there is room, else each name and id on a line of its own above its rows of figures."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from dxscore.render.layout import ByWidth, Column, Entry, Stacked
    from dxscore.text import escape, printable

    title = t("compare.title", lang) + (
        f" · {t('heading.as_of', lang, year=view.as_of)}" if view.as_of else ""
    )
    names = [printable(ts.name.in_lang(lang)) for ts in view.sets]
    grouped: dict[str, list[list[tuple[Text, ...]]]] = {}  # rows by indicator, in order
    for row in view.rows:
        grouped.setdefault(row.indicator, []).append(
            [(Text(str(row.target_year)),), *(_pieces(cell, lang) for cell in row.cells)]
        )
    entries = [
        Entry([Text(printable(t("indicator." + indicator, lang)))], indicator, rows)
        for indicator, rows in grouped.items()
    ]

    least = max([NAME_WIDTH, *(len(entry.id) for entry in entries)])  # never narrower than an id

    def table(name_width: int | None) -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        table.add_column(t("col.indicator", lang), width=name_width, min_width=least)
        table.add_column(t("compare.year", lang), justify="right")
        for name in names:
            table.add_column(Text(name))
        for entry in entries:
            for number, cells in enumerate(entry.rows):
                heading = (
                    Text.assemble(entry.names[0], "\n", (entry.id, "dim")) if number == 0 else ""
                )
                table.add_row(heading, *(_two_lines(cell) for cell in cells))
        return table

    stacked = Stacked(
        [
            Column(t("compare.year", lang), justify="right", wrap=False),
            *(Column(name) for name in names),
        ],
        entries,
    )
    scores = Table(
        title=t("compare.scores", lang), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False
    )
    scores.add_column(t("compare.year", lang), justify="right")
    for name in names:
        scores.add_column(Text(name), justify="right")
    for year, summaries in view.scores:
        scores.add_row(str(year), *(_score(summary, lang) for summary in summaries))
    return [
        Text.from_markup(f"[bold]{escape(title)}[/bold]", emoji=False),
        ByWidth(
            lambda width: [table(width)],
            least,
            [table(None)],
            [stacked],
        ),
        Text(""),
        scores,
    ]


def _meta(view: Comparison, lang: Lang, version: str) -> str:
    """``As of 2025 · made with dxscore 0.1.0``: what a document says it was made from."""
    if view.as_of is None:
        return t("report.meta_no_data", lang, version=version)
    return t("report.meta", lang, year=view.as_of, version=version)


def as_markdown(view: Comparison, lang: Lang, version: str) -> str:
    from dxscore.render.markdown import text

    names = [text(ts.name.in_lang(lang)) for ts in view.sets]
    title = t("compare.title", lang)
    lines = [
        f"# {text(title)}",
        "",
        text(_meta(view, lang, version), block_start=True),
        "",
        f"| {t('col.indicator', lang)} | {t('compare.year', lang)} | " + " | ".join(names) + " |",
        "|---|---:|" + "---|" * len(names),
    ]
    for row in view.rows:
        cells = " | ".join(text(_cell(cell, lang)) for cell in row.cells)
        lines.append(
            f"| {text(t('indicator.' + row.indicator, lang))}<br><sub>{text(row.indicator)}</sub> | {row.target_year} | {cells} |"
        )
    lines += [
        "",
        f"## {t('compare.scores', lang)}",
        "",
        f"| {t('compare.year', lang)} | " + " | ".join(names) + " |",
        "|---:|" + "---:|" * len(names),
    ]
    lines += [
        f"| {year} | " + " | ".join(_score(cell, lang) for cell in cells) + " |"
        for year, cells in view.scores
    ]
    return "\n".join(lines) + "\n"


def as_html(view: Comparison, lang: Lang, version: str) -> str:
    """One self-contained page: the comparison and the scores as tables, statuses in words,
    symbols and colors, readable on paper."""
    from html import escape

    def cell(result: Result | None) -> str:
        if result is None:
            return '<td class="none">·</td>'
        target = escape(wording.target(result.target, result.indicator.unit, lang))
        if result.status == "no_data":
            return f"<td>{target}<br><span class='status no_data'>{escape(wording.status('no_data', lang))}</span></td>"
        actual = escape(wording.actual_of(result, lang))
        status = escape(wording.status(result.status, lang))
        waiting = wording.awaiting_short(result, lang)
        note = f"<br><small>{escape(waiting)}</small>" if waiting else ""
        return (
            f"<td>{target}<br>{actual}<br>"
            f"<span class='status {result.status}'>{status}</span>{note}</td>"
        )

    names = "".join(f"<th>{escape(ts.name.in_lang(lang))}</th>" for ts in view.sets)
    rows = "".join(
        f"<tr><th scope='row'>{escape(t('indicator.' + row.indicator, lang))}"
        f"<br><code>{escape(row.indicator)}</code></th><td class='num'>{row.target_year}</td>"
        + "".join(cell(result) for result in row.cells)
        + "</tr>"
        for row in view.rows
    )
    scores = "".join(
        f"<tr><th scope='row'>{year}</th>"
        + "".join(f"<td class='num'>{escape(_score(summary, lang))}</td>" for summary in cells)
        + "</tr>"
        for year, cells in view.scores
    )
    title = escape(t("compare.title", lang))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="dxscore">
<title>{title}</title>
<style>
body {{ font-family: system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1f24; line-height: 1.4; overflow-wrap: break-word; }}
.scroll {{ overflow-x: auto; margin: 1rem 0 2rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: .9rem; }}
th, td {{ border-bottom: 1px solid #d0d7de; padding: .4rem .5rem; text-align: left; vertical-align: top; }}
thead th {{ border-bottom: 2px solid #57606a; }}
.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
.none {{ color: #8c959f; }}
code {{ font-size: .8rem; color: #57606a; }}
.status {{ font-weight: 600; white-space: nowrap; }}
.achieved {{ color: #1a7f37; }} .on_track {{ color: #0969da; }} .at_risk {{ color: #9a6700; }}
.missed {{ color: #cf222e; }} .no_data {{ color: #6e7781; }}
@media print {{ body {{ margin: 0; max-width: none; }} .scroll {{ overflow: visible; }} tr {{ break-inside: avoid; }} }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{escape(_meta(view, lang, version))}</p>
<div class="scroll">
<table>
<thead><tr><th>{escape(t("col.indicator", lang))}</th><th class="num">{escape(t("compare.year", lang))}</th>{names}</tr></thead>
<tbody>{rows}</tbody>
</table>
</div>
<h2>{escape(t("compare.scores", lang))}</h2>
<div class="scroll">
<table>
<thead><tr><th class="num">{escape(t("compare.year", lang))}</th>{names}</tr></thead>
<tbody>{scores}</tbody>
</table>
</div>
</body>
</html>
"""


def as_json(view: Comparison, version: str) -> str:
    def cell(result: Result | None) -> dict[str, Any] | None:
        if result is None:
            return None
        return {
            "target": result.target.as_dict(),
            "status": result.status,
            "actual": result.actual,
            "actual_year": result.actual_year,
            "projected": rounded(result.projected, 2),
            "attainment": rounded(result.attainment, 4),
            "estimate": result.estimate,
            "awaiting": result.awaiting,
        }

    document = {
        "tool": "dxscore",
        "version": version,
        "as_of": view.as_of,
        "target_sets": [ts.id for ts in view.sets],
        "indicators": [
            {
                "indicator": row.indicator,
                "target_year": row.target_year,
                "sets": {
                    ts.id: cell(result) for ts, result in zip(view.sets, row.cells, strict=True)
                },
            }
            for row in view.rows
        ],
        "scores": [
            {
                "target_year": year,
                "sets": {
                    ts.id: None
                    if summary is None
                    else {
                        "score": rounded(summary.score, 1),
                        "coverage": rounded(summary.coverage, 4),
                    }
                    for ts, summary in zip(view.sets, cells, strict=True)
                },
            }
            for year, cells in view.scores
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
