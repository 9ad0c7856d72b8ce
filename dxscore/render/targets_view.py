"""The ``targets`` command's tables: the loaded target sets, or one set in full.

Both fit the terminal's width (see :mod:`dxscore.render.layout`): a table when the names get
room, else each name on a line of its own above its figures; no name is cut, no id broken.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dxscore.i18n import Lang, t, unit_name
from dxscore.model import PILLARS, Indicator, TargetSet
from dxscore.render import wording
from dxscore.text import printable

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from dxscore.render.layout import Column

NAME_WIDTH = 40  # the least the wide tables give the names
SET_NAME_WIDTH = 20  # … and the overview the sets' names


def overview(sets: Sequence[tuple[TargetSet, str]], lang: Lang = "en") -> RenderableType:
    """One row per target set: id, name, document, indicator and target counts, file.

    Names are given in both languages (the file has both); the labels follow ``lang``."""
    from rich.console import Group
    from rich.text import Text

    from dxscore.render.layout import ByWidth, Column, Entry, Stacked

    rows = []
    for target_set, file in sets:
        indicators = [ind for _, ind in target_set.indicators()]
        rows.append(
            (
                target_set.id,
                Text(printable(f"{target_set.name.vi} ({target_set.name.en})")),
                [
                    (Text(str(len(indicators))),),
                    (Text(str(sum(len(ind.targets) for ind in indicators))),),
                    (Text(", ".join(str(year) for year in target_set.target_years())),),
                    (Text(printable(file)),),
                ],
            )
        )

    def table(name_width: int | None) -> Table:
        from rich.table import Table

        table = Table(title=t("targets.title", lang), title_justify="left")
        table.add_column(t("targets.id", lang), no_wrap=True)
        table.add_column(t("targets.name", lang), width=name_width, min_width=SET_NAME_WIDTH)
        table.add_column(t("targets.indicators", lang), justify="right")
        table.add_column(t("targets.targets", lang), justify="right")
        table.add_column(t("targets.years", lang))
        table.add_column(t("targets.file", lang), no_wrap=True)
        for set_id, name, cells in rows:
            table.add_row(Text(set_id), name, *(cell[0] for cell in cells))
        return table

    stacked = Stacked(
        [
            Column(t("targets.indicators", lang), justify="right"),
            Column(t("targets.targets", lang), justify="right"),
            Column(t("targets.years", lang)),
            Column(t("targets.file", lang), fold=True),
        ],
        [Entry([name], set_id, [cells]) for set_id, name, cells in rows],
    )
    title = Text(t("targets.title", lang), style="italic")
    return ByWidth(
        lambda width: [table(width)], SET_NAME_WIDTH, [table(None)], [Group(title, stacked)]
    )


def detail(target_set: TargetSet, lang: Lang = "en") -> list[RenderableType]:
    """Per pillar: every indicator with its unit, weight and target per year."""
    from rich.text import Text

    from dxscore.render.layout import ByWidth, Column, Entry, Stacked

    years = target_set.target_years()
    parts: list[RenderableType] = [
        Text.assemble(
            (printable(f"{target_set.name.vi} ({target_set.name.en})"), "bold"),
            "\n",
            printable(target_set.resolution.title.vi),
            "\n",
            (printable(target_set.resolution.title.en), "italic"),
        )
    ]
    blocks = []
    for pillar in PILLARS:
        indicators: list[Indicator] = getattr(target_set.pillars, pillar)
        if indicators:
            blocks.append((pillar, [_figures(indicator, years, lang) for indicator in indicators]))
    columns = [
        Column(t("targets.unit", lang)),
        Column(t("targets.weight", lang), justify="right"),
        *(Column(str(year), justify="right") for year in years),
    ]

    def tables(name_width: int | None) -> list[Table]:
        return [
            _table(t(f"pillar.{pillar}", lang), rows, columns, lang, name_width)
            for pillar, rows in blocks
        ]

    narrow: list[RenderableType] = []
    for pillar, rows in blocks:
        narrow.append(Text("\n" + t(f"pillar.{pillar}", lang), style="italic"))
        narrow.append(
            Stacked(
                columns,
                [Entry(names, ind_id, [cells]) for ind_id, names, cells in rows],
            )
        )
    parts.append(ByWidth(tables, NAME_WIDTH, tables(None), narrow))
    return parts


_Figures = tuple[str, tuple["Text", "Text"], list[tuple["Text", ...]]]


def _figures(indicator: Indicator, years: Sequence[int], lang: Lang) -> _Figures:
    """An indicator's id, its names (Vietnamese, then English), and its unit, weight and
    target per year."""
    from rich.text import Text

    return (
        indicator.id,
        (Text(printable(indicator.name.vi)), Text(printable(indicator.name.en), "dim")),
        [
            (Text(unit_name(indicator.unit, lang)),),
            (Text(wording.number(indicator.weight, lang)),),
            *(
                (
                    Text(
                        wording.target(indicator.targets[year], indicator.unit, lang)
                        if year in indicator.targets
                        else "·"
                    ),
                )
                for year in years
            ),
        ],
    )


def _table(
    title: str,
    indicators: Sequence[_Figures],
    columns: Sequence[Column],
    lang: Lang,
    name_width: int | None,
) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column(t("targets.indicator", lang), no_wrap=True)
    table.add_column(t("targets.name", lang), width=name_width, min_width=NAME_WIDTH)
    for column in columns:
        table.add_column(column.header, justify=column.justify)
    for ind_id, (vi, en), cells in indicators:
        table.add_row(Text(ind_id), Text("\n").join([vi, en]), *(cell[0] for cell in cells))
    return table
