"""The ``targets`` command's tables: the loaded target sets, or one set in full."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dxscore.i18n import Lang, t, unit_name
from dxscore.model import PILLARS, TargetSet
from dxscore.render import wording
from dxscore.text import escape

if TYPE_CHECKING:
    from rich.console import RenderableType


def overview(sets: Sequence[tuple[TargetSet, str]], lang: Lang = "en") -> RenderableType:
    """One row per target set: id, name, document, indicator and target counts, file.

    Names are given in both languages (the file has both); the labels follow ``lang``."""
    from rich.table import Table

    table = Table(title=t("targets.title", lang), title_justify="left")
    table.add_column(t("targets.id", lang), no_wrap=True)
    table.add_column(t("targets.name", lang))
    table.add_column(t("targets.indicators", lang), justify="right")
    table.add_column(t("targets.targets", lang), justify="right")
    table.add_column(t("targets.years", lang))
    table.add_column(t("targets.file", lang), overflow="fold")
    for target_set, file in sets:
        indicators = [ind for _, ind in target_set.indicators()]
        table.add_row(
            escape(target_set.id),
            escape(f"{target_set.name.vi} ({target_set.name.en})"),
            str(len(indicators)),
            str(sum(len(ind.targets) for ind in indicators)),
            ", ".join(str(year) for year in target_set.target_years()),
            escape(file),
        )
    return table


def detail(target_set: TargetSet, lang: Lang = "en") -> list[RenderableType]:
    """Per pillar: every indicator with its unit, weight and target per year."""
    from rich.table import Table
    from rich.text import Text

    years = target_set.target_years()
    parts: list[RenderableType] = [
        Text.assemble(
            (f"{target_set.name.vi} ({target_set.name.en})", "bold"),
            "\n",
            target_set.resolution.title.vi,
            "\n",
            (target_set.resolution.title.en, "italic"),
        )
    ]
    for pillar in PILLARS:
        indicators = getattr(target_set.pillars, pillar)
        if not indicators:
            continue
        table = Table(title=t(f"pillar.{pillar}", lang), title_justify="left", show_lines=False)
        table.add_column(t("targets.indicator", lang), no_wrap=True)
        table.add_column(t("targets.name", lang), ratio=1)
        table.add_column(t("targets.unit", lang))
        table.add_column(t("targets.weight", lang), justify="right")
        for year in years:
            table.add_column(str(year), justify="right")
        for indicator in indicators:
            table.add_row(
                escape(indicator.id),
                Text.assemble(indicator.name.vi, "\n", (indicator.name.en, "dim")),
                unit_name(indicator.unit, lang),
                wording.number(indicator.weight, lang),
                *(
                    wording.target(indicator.targets[year], indicator.unit, lang)
                    if year in indicator.targets
                    else "·"
                    for year in years
                ),
            )
        parts.append(table)
    return parts
