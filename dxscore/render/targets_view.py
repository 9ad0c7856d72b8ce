"""The ``targets`` command's tables: the loaded target sets, or one set in full."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dxscore.console import escape
from dxscore.model import PILLARS, TargetSet
from dxscore.render import wording

if TYPE_CHECKING:
    from rich.console import RenderableType

PILLAR_NAMES = {
    "overall": "Overall · Tổng thể",
    "government": "Digital government · Chính quyền số",
    "economy": "Digital economy · Kinh tế số",
    "society": "Digital society · Xã hội số",
}


def overview(sets: Sequence[tuple[TargetSet, str]]) -> RenderableType:
    """One row per target set: id, name, document, indicator and target counts, file."""
    from rich.table import Table

    table = Table(title="Target sets", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("name")
    table.add_column("indicators", justify="right")
    table.add_column("targets", justify="right")
    table.add_column("years")
    table.add_column("file", overflow="fold")
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


def detail(target_set: TargetSet) -> list[RenderableType]:
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
        table = Table(title=PILLAR_NAMES[pillar], title_justify="left", show_lines=False)
        table.add_column("indicator", no_wrap=True)
        table.add_column("name", ratio=1)
        table.add_column("unit")
        table.add_column("weight", justify="right")
        for year in years:
            table.add_column(str(year), justify="right")
        for indicator in indicators:
            table.add_row(
                escape(indicator.id),
                Text.assemble(indicator.name.vi, "\n", (indicator.name.en, "dim")),
                indicator.unit,
                wording.number(indicator.weight),
                *(
                    wording.target(indicator.targets[year], indicator.unit)
                    if year in indicator.targets
                    else "·"
                    for year in years
                ),
            )
        parts.append(table)
    return parts
