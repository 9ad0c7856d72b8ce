"""How to draw the HTML report's charts, measured: the SVG dxscore writes itself
(dxscore/render/charts.py) against two maintained libraries that render static SVG offline,
matplotlib and pygal, each drawing the same charts of the Hanoi example with the same content
(axis with scale and unit, years, target labelled at its year, every value labelled, the trend
dashed to the target year, the status).

    python bench/chart_libraries.py OUT_FOLDER   # in a venv with dxscore, matplotlib, pygal

Prints, per way, the import time, the time to draw every chart of the report, and the size of
the SVG; writes OUT_FOLDER/charts-WAY.html to look at in Chromium. The figures are in
docs/charts.md.
"""

from __future__ import annotations

import importlib
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dxscore.render import wording
from dxscore.scoring import Result

ROOT = Path(__file__).resolve().parent.parent
STATUS_COLOR = {
    "achieved": "#1a7f37",
    "on_track": "#0969da",
    "at_risk": "#9a6700",
    "missed": "#cf222e",
    "no_data": "#6e7781",
}


def results() -> list[Result]:
    from dxscore.actuals import read_actuals
    from dxscore.scoring import score
    from dxscore.targets import load_target_sets

    sets = [item.target_set for item in load_target_sets([ROOT / "targets" / "hanoi.yaml"])]
    data = read_actuals([ROOT / "examples" / "hanoi-actuals.csv"], sets)
    return [r for r in score(sets, data.observations).results if r.used]


def by_hand(result: Result) -> str:
    from dxscore.render.charts import svg

    return svg(result, "en") or ""


def with_matplotlib(result: Result) -> str:
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"  # text as text, not paths
    figure, axes = plt.subplots(figsize=(3.4, 1.9), dpi=96)
    unit = result.indicator.unit
    years = [o.year for o in result.used]
    if unit == "milestone":
        axes.set_yticks([])
        axes.plot(years, [0] * len(years), "o", color="black")
        for o in result.used:
            axes.annotate(
                wording.observed(o, result),
                (o.year, 0),
                textcoords="offset points",
                xytext=(0, 8),
                ha="center",
                fontsize=8,
            )
        axes.axvline(result.target_year, color="black", linestyle=":")
    else:
        values = [float(o.value) for o in result.used]
        axes.plot(years, values, "o-", color="black", markersize=4)
        for o, v in zip(result.used, values, strict=True):
            axes.annotate(
                wording.observed(o, result),
                (o.year, v),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=8,
            )
        axes.axhline(result.target.value, color="black", linestyle=":", linewidth=0.8)
        axes.annotate(
            f"target {wording.target(result.target, unit)}",
            (result.target_year, result.target.value),
            textcoords="offset points",
            xytext=(4, 4),
            fontsize=8,
        )
        if result.fit is not None and result.projected is not None:
            axes.plot(
                [years[0], result.target_year],
                [result.fit.at(years[0]), result.projected],
                "--",
                color=STATUS_COLOR[result.status],
            )
        if unit == "rank":
            axes.invert_yaxis()
        else:
            axes.set_ylim(bottom=0)
        axes.set_ylabel({"rank": "rank", "percent": "%"}.get(unit, unit), fontsize=8)
    axes.set_xticks(range(min(years), max(result.target_year, max(years)) + 1))
    axes.tick_params(labelsize=8)
    axes.set_title(
        wording.status(result.status), loc="right", fontsize=8, color=STATUS_COLOR[result.status]
    )
    figure.tight_layout()
    out = io.StringIO()
    figure.savefig(out, format="svg")
    plt.close(figure)
    return out.getvalue().split("?>", 1)[-1]


def with_pygal(result: Result) -> str:
    import pygal
    from pygal.style import Style

    unit = result.indicator.unit
    years = list(
        range(
            min(o.year for o in result.used),
            max(result.target_year, max(o.year for o in result.used)) + 1,
        )
    )
    style = Style(
        colors=("#1b1f24", STATUS_COLOR[result.status], "#57606a"),
        background="white",
        plot_background="white",
        font_family="sans-serif",
    )
    chart = pygal.Line(
        width=340,
        height=190,
        style=style,
        js=[],
        show_legend=False,
        print_values=True,
        inverse_y_axis=unit == "rank",
        title=wording.status(result.status),
        range=None
        if unit == "rank"
        else (0, max(100.0, result.target.value) if unit == "percent" else None),
        disable_xml_declaration=True,
        explicit_size=True,
        include_x_axis=unit != "rank",
    )
    chart.x_labels = [str(y) for y in years]
    observed = {o.year: o for o in result.used}
    numbers = [
        None
        if y not in observed
        else (1.0 if observed[y].value is True else float(observed[y].value))
        for y in years
    ]
    chart.add(
        "values",
        [
            None
            if v is None
            else {"value": v, "formatter": lambda v, o=observed[y]: wording.observed(o, result)}
            for y, v in zip(years, numbers, strict=True)
        ],
    )
    if result.fit is not None and result.projected is not None:
        chart.add(
            "trend",
            [result.fit.at(y) if y in (years[0], result.target_year) else None for y in years],
            stroke_style={"dasharray": "5,3"},
            allow_interruptions=False,
            print_values=False,
        )
    if unit != "milestone":
        chart.add(
            "target",
            [result.target.value if y == result.target_year else None for y in years],
            formatter=lambda v: f"target {wording.target(result.target, unit)}",
        )
    return chart.render(is_unicode=True)


WAYS: dict[str, tuple[str, Callable[[Result], str]]] = {
    "by-hand": ("dxscore.render.charts", by_hand),
    "matplotlib": ("matplotlib.pyplot", with_matplotlib),
    "pygal": ("pygal", with_pygal),
}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    shown = results()
    css = (ROOT / "dxscore" / "render" / "templates" / "report.html.j2").read_text(encoding="utf-8")
    style = css.split("<style>", 1)[1].split("</style>", 1)[0]
    for name, (module, draw) in WAYS.items():
        start = time.perf_counter()
        importlib.import_module(module)
        imported = time.perf_counter() - start
        start = time.perf_counter()
        charts = [draw(result) for result in shown]
        drawn = time.perf_counter() - start
        size = sum(len(chart.encode()) for chart in charts)
        print(
            f"{name}: import {imported * 1000:.0f} ms, {len(charts)} charts in {drawn * 1000:.0f} ms, {size / 1024:.0f} KiB of SVG"
        )
        figures = "".join(
            f"<figure><figcaption>{r.indicator.name.en} ({r.target_year})</figcaption>{c}</figure>"
            for r, c in zip(shown, charts, strict=True)
        )
        (out / f"charts-{name}.html").write_text(
            f'<!DOCTYPE html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><style>{style}</style><main><div class="charts">{figures}</div></main></html>',
            encoding="utf-8",
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
