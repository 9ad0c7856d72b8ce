"""Small trend charts as geometry: observations, the fitted trend to the target year, the target.

Pure computation; the HTML template draws the SVG from these numbers. Ranks are drawn
upside down, so that up is better on every chart.
"""

from __future__ import annotations

from dataclasses import dataclass

from dxscore.scoring import Result

WIDTH, HEIGHT = 180.0, 64.0
PAD_X, PAD_Y = 8.0, 8.0


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: float
    height: float
    points: tuple[Point, ...]
    trend: tuple[float, float, float, float] | None  # x1, y1, x2, y2
    target_y: float
    target_x: float
    first_year: int
    last_year: int


def chart(result: Result, value_label: dict[int, str]) -> Chart | None:
    """The chart of one result, or None when it has no observation."""
    if not result.used:
        return None
    values = [(o.year, _number(o.value)) for o in result.used]
    target_value = result.target.value
    first_year = min(year for year, _ in values)
    last_year = max(result.target_year, max(year for year, _ in values))
    if last_year == first_year:
        first_year -= 1
    span_values = [v for _, v in values] + [target_value]
    trend_ends: list[tuple[int, float]] = []
    if result.fit is not None:
        trend_ends = [
            (first_year, result.fit.at(first_year)),
            (result.target_year, result.fit.at(result.target_year)),
        ]
        span_values += [v for _, v in trend_ends]
    low, high = min(span_values), max(span_values)
    if high == low:
        low, high = low - 1, high + 1
    margin = (high - low) * 0.08
    low, high = low - margin, high + margin
    invert = result.indicator.unit == "rank"

    def x_of(year: float) -> float:
        return round(
            PAD_X + (year - first_year) / (last_year - first_year) * (WIDTH - 2 * PAD_X), 1
        )

    def y_of(value: float) -> float:
        share = (value - low) / (high - low)
        if invert:
            share = 1 - share
        return round(HEIGHT - PAD_Y - share * (HEIGHT - 2 * PAD_Y), 1)

    points = tuple(
        Point(x_of(year), y_of(value), f"{year}: {value_label[year]}") for year, value in values
    )
    trend = None
    if trend_ends:
        (x1, y1), (x2, y2) = trend_ends
        trend = (x_of(x1), y_of(y1), x_of(x2), y_of(y2))
    return Chart(
        WIDTH,
        HEIGHT,
        points,
        trend,
        y_of(target_value),
        x_of(result.target_year),
        first_year,
        last_year,
    )


def _number(value: float | bool) -> float:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    return float(value)
