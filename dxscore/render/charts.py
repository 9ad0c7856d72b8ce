"""One chart per verdict, as static SVG that reads without hovering and on paper.

What every chart shows (DESIGN, "Documents a person reads"): a y axis with its scale and unit,
the years on the x axis, every reported value labelled (an estimate marked, and drawn hollow),
the target drawn and labelled at its target year, the fitted trend dashed to the target year,
and the status in its color and with its symbol and word. The scale starts at zero (a rank
at #1), so a single value stands where it does against its target; ranks are drawn with #1 at
the top, so that up is better on every chart. A milestone is a timeline of its reports.

Pure: a :class:`~dxscore.scoring.Result` in, SVG text out, every input text escaped. The SVG
carries classes (``axis``, ``tick``, ``year``, ``value``, ``target``, ``trend``, ``status``)
that the page's CSS colors and that tests and the browser check look for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from dxscore.i18n import Lang, t
from dxscore.observations import Observation
from dxscore.render import wording
from dxscore.scoring import Result

WIDTH = 320.0
HEIGHT = 176.0
TIMELINE_HEIGHT = 104.0
FONT = 11.0  # labels, in the chart's own units (a chart is drawn 300–420 px wide)
TICK_FONT = 10.0
_CHAR = 0.58  # the width of a character, in font sizes (for room and collisions)
_TOP, _BOTTOM = 34.0, 22.0  # room for the status and axis title; for the years
_RIGHT = 74.0  # room for the target's and the trend's labels beside the target year
_BOUNDED = {"percent": (0.0, 100.0), "rank": (1.0, math.inf), "count": (0.0, math.inf)}


@dataclass(frozen=True, slots=True)
class _Scale:
    """Values to the chart's y, and the ticks to write on the axis."""

    low: float
    high: float
    top: float
    bottom: float
    inverted: bool  # ranks: #1 at the top
    ticks: tuple[float, ...]

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        if self.inverted:
            share = 1 - share
        return round(self.bottom - share * (self.bottom - self.top), 1)


def svg(result: Result, lang: Lang = "en") -> str | None:
    """The chart of one result, or None when no value of its indicator is reported."""
    if not result.used:
        return None
    if result.indicator.unit == "milestone":
        return _timeline(result, lang)
    return _line_chart(result, lang)


def shown_projection(result: Result) -> float | None:
    """The projection within its unit's range (a share of a whole stays within 0–100%, a rank
    at #1 or below), as documents draw and word it; the fitted value stays in JSON."""
    if result.projected is None:
        return None
    low, high = _BOUNDED.get(result.indicator.unit, (-math.inf, math.inf))
    return min(high, max(low, result.projected))


def _line_chart(result: Result, lang: Lang) -> str:
    unit = result.indicator.unit
    values = [(o.year, float(o.value)) for o in result.used]
    target_value = result.target.value
    projected = shown_projection(result)
    first = min(year for year, _ in values)
    last = max(result.target_year, max(year for year, _ in values))
    scale = _scale(
        [v for _, v in values]
        + [target_value]
        + ([] if projected is None or result.fit is None else [projected, _fit_at(result, first)]),
        unit,
    )
    tick_labels = [_tick(value, unit, lang) for value in scale.ticks]
    left = 10.0 + _CHAR * TICK_FONT * max(len(label) for label in tick_labels)
    right = WIDTH - _RIGHT
    x_of = _years(first, last, left, right)
    parts = [_open(WIDTH, HEIGHT, _label(result, lang))]
    parts.append(_status(result, lang))
    parts.append(
        _text(4, 14, _axis_title(unit, lang), "axis-title", anchor="start", size=TICK_FONT)
    )
    # the scale: gridlines and their values, with the unit
    for value, label in zip(scale.ticks, tick_labels, strict=True):
        y = scale.y(value)
        parts.append(f'<line class="grid" x1="{left}" y1="{y}" x2="{right + 8}" y2="{y}"/>')
        parts.append(_text(left - 5, y + 3.5, label, "axis tick", anchor="end", size=TICK_FONT))
    parts.append(
        f'<line class="axis-line" x1="{left}" y1="{scale.top - 4}" x2="{left}" y2="{scale.bottom}"/>'
    )
    parts.append(_year_axis(first, last, result.target_year, x_of, scale.bottom))
    # the target: a line across the plot, and a mark and label at its year
    target_y = scale.y(target_value)
    target_x = x_of(result.target_year)
    parts.append(
        f'<line class="target-line" x1="{left}" y1="{target_y}" x2="{right + 8}" y2="{target_y}"/>'
    )
    parts.append(
        f'<rect class="target-mark" x="{target_x - 7}" y="{target_y - 2}" width="14" height="4"/>'
    )
    side: list[tuple[float, str, str, str]] = [
        (target_y, t("chart.target", lang), _target_words(result, lang), "target")
    ]
    # the trend, dashed to the target year, ending where the projection is
    if result.fit is not None and projected is not None:
        x1, y1 = x_of(first), scale.y(_fit_at(result, first))
        x2, y2 = target_x, scale.y(projected)
        parts.append(
            f'<line class="trend {result.status}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}">'
            f"<title>{escape(_fitted_title(result, lang))}</title></line>"
        )
        parts.append(f'<circle class="trend-end {result.status}" cx="{x2}" cy="{y2}" r="3.2"/>')
        side.append((y2, t("chart.trend", lang), projection_words(result, lang), "trend"))
    # the reported values, joined, each labelled (a label flips below its value where the
    # one before would cover it, or where its value is lower than its neighbours)
    points = [(x_of(o.year), scale.y(float(o.value)), o) for o in result.used]
    if len(points) > 1:
        joined = " ".join(f"{x},{y}" for x, y, _ in points)
        parts.append(f'<polyline class="values" points="{joined}"/>')
    ends_at_target = result.target_year == last
    previous: tuple[float, bool] | None = None  # the last label's right end, and its side
    for index, (x, y, observation) in enumerate(points):
        hollow = " estimate" if observation.estimate else ""
        parts.append(
            f'<circle class="value{hollow}" cx="{x}" cy="{y}" r="3.6">'
            f"<title>{observation.year}: {escape(wording.observed(observation, result, lang))}</title>"
            "</circle>"
        )
        words = wording.observed(observation, result, lang)
        width = _CHAR * FONT * len(words)
        anchor, start = "middle", x - width / 2
        if ends_at_target and x >= target_x - 1:  # beside the target's label: to the left
            anchor, start = "end", x + 4 - width
        elif start < left + 2:  # it would run into the axis's figures: to the right
            anchor, start = "start", x - 3
        below = _trough(points, index)
        if previous is not None and start < previous[0] + 3 and previous[1] == below:
            below = not below
        if below and y + 16 > scale.bottom - 2:
            below = False
        if not below and y - 7 - FONT < scale.top - 12:
            below = True
        label_x = {"end": x + 4, "start": x - 3}.get(anchor, x)
        parts.append(
            _text(label_x, y + 15 if below else y - 7, words, "value-label" + hollow, anchor=anchor)
        )
        previous = (start + width, below)
    parts.extend(_side_labels(side, target_x, result.target_year == last, scale))
    parts.append("</svg>")
    return "".join(parts)


def _timeline(result: Result, lang: Lang) -> str:
    """A milestone: its reports along the years (three at least) to the target year, and the
    target at its year as a flag."""
    years = [o.year for o in result.used]
    last = max(result.target_year, max(years))
    first = min(min(years), last - 2)
    left, right = 24.0, WIDTH - 24.0
    x_of = _years(first, last, left, right)
    line_y = 58.0
    parts = [_open(WIDTH, TIMELINE_HEIGHT, _label(result, lang))]
    parts.append(_status(result, lang))
    target_x = x_of(result.target_year)
    parts.append(f'<path class="target-mark" d="M{target_x} {line_y} v-30 h12 l-4 5 l4 5 h-12"/>')
    flag = t("chart.milestone_target", lang, year=result.target_year)
    to_the_left = target_x > WIDTH / 2
    parts.append(
        _text(
            target_x - 4 if to_the_left else target_x + 16,
            line_y - 20,
            flag,
            "target-label",
            anchor="end" if to_the_left else "start",
        )
    )
    parts.append(_year_axis(first, last, result.target_year, x_of, line_y + 14, ticks=False))
    parts.append(f'<line class="axis-line" x1="{left}" y1="{line_y}" x2="{right}" y2="{line_y}"/>')
    for observation in result.used:
        x = x_of(observation.year)
        done = observation.value is True
        kind = ("value done" if done else "value not-done") + (
            " estimate" if observation.estimate else ""
        )
        words = wording.observed(observation, result, lang)
        parts.append(
            f'<circle class="{kind}" cx="{x}" cy="{line_y}" r="5">'
            f"<title>{observation.year}: {escape(words)}</title></circle>"
        )
        room = _CHAR * FONT * len(words) / 2
        anchor = "start" if x - room < 2 else "end" if x + room > WIDTH - 2 else "middle"
        parts.append(_text(x, line_y + 17, words, "value-label", anchor=anchor))
    parts.append("</svg>")
    return "".join(parts)


def _open(width: float, height: float, label: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {width:g} {height:g}" width="{width:g}" height="{height:g}"'
        f' role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(label)}</title>"
    )


def _label(result: Result, lang: Lang) -> str:
    return t(
        "report.chart",
        lang,
        name=result.indicator.name.in_lang(lang),
        year=result.target_year,
    )


def _status(result: Result, lang: Lang) -> str:
    return _text(
        WIDTH - 4,
        14,
        wording.status(result.status, lang),
        f"status {result.status}",
        anchor="end",
    )


def _text(
    x: float,
    y: float,
    words: str,
    css: str,
    *,
    anchor: str = "middle",
    size: float = FONT,
) -> str:
    return (
        f'<text class="{css}" x="{round(x, 1)}" y="{round(y, 1)}" text-anchor="{anchor}"'
        f' font-size="{size:g}">{escape(words)}</text>'
    )


def _years(first: int, last: int, left: float, right: float) -> _YearScale:
    return _YearScale(first, last, left, right)


@dataclass(frozen=True, slots=True)
class _YearScale:
    """Years to the chart's x, half a year of room at either end (for the labels)."""

    first: int
    last: int
    left: float
    right: float

    def __call__(self, year: float) -> float:
        span = self.last - self.first + 1
        step = (self.right - self.left) / span
        return round(self.left + (year - self.first + 0.5) * step, 1)


def _year_axis(
    first: int, last: int, target_year: int, x_of: _YearScale, y: float, *, ticks: bool = True
) -> str:
    """The years under the plot: every year where there is room, else every other one (the
    first, the last and the target year always)."""
    step = (x_of.right - x_of.left) / (last - first + 1)
    every = 1 if step >= 30 else 2 if step >= 16 else math.ceil(32 / step)
    forced = {first, last, target_year}
    shown = sorted(
        forced
        | {
            year
            for year in range(first, last + 1)
            if (year - first) % every == 0 and all(abs(year - f) >= every for f in forced - {year})
        }
    )
    parts = []
    if ticks:
        parts.append(
            f'<line class="axis-line" x1="{x_of.left}" y1="{y}" x2="{x_of.right}" y2="{y}"/>'
        )
    for year in shown:
        x = x_of(year)
        css = "axis year target-year" if year == target_year else "axis year"
        if ticks:
            parts.append(f'<line class="axis-line" x1="{x}" y1="{y}" x2="{x}" y2="{y + 3}"/>')
        parts.append(_text(x, y + 14, str(year), css, size=TICK_FONT))
    return "".join(parts)


def _scale(values: list[float], unit: str) -> _Scale:
    top, bottom = _TOP, HEIGHT - _BOTTOM
    if unit == "rank":
        high = max(values)
        step = _nice_step((high - 1) / 3 if high > 1 else 1)
        end = max(step, math.ceil(high / step) * step)
        ticks = (1.0, *(v for v in _range(step, end, step) if v > 1 + step / 3))
        return _Scale(1.0, end, top, bottom, True, ticks)
    low, high = min(0.0, min(values)), max(0.0, max(values))
    if high == low:
        high = low + 1
    step = _nice_step((high - low) / 4)
    start = math.floor(low / step) * step
    end = math.ceil(high / step) * step
    if unit == "percent" and end > 100 >= high:
        end = 100.0
    ticks = tuple(_range(start, end, step))
    return _Scale(start, end, top, bottom, False, ticks)


def _range(start: float, end: float, step: float) -> list[float]:
    count = round((end - start) / step)
    return [round(start + i * step, 10) for i in range(count + 1)]


def _nice_step(raw: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten, at least ``raw``."""
    if raw <= 0:
        return 1.0
    power: float = 10.0 ** math.floor(math.log10(raw))
    for factor in (1.0, 2.0, 2.5, 5.0):
        if factor * power >= raw:
            return factor * power
    return 10.0 * power


def _tick(value: float, unit: str, lang: Lang) -> str:
    if unit == "rank":
        return f"#{wording.number(value, lang)}"
    if unit == "percent":
        return wording.number(value, lang) + "%"
    return wording.number(value, lang)


def _axis_title(unit: str, lang: Lang) -> str:
    return t("chart.unit." + unit, lang)


def _target_words(result: Result, lang: Lang) -> str:
    """The target without its stretch or tolerance, which would not fit beside it."""
    target = result.target.model_copy(update={"stretch": None, "tolerance": None})
    return wording.target(target, result.indicator.unit, lang)


def projection_words(result: Result, lang: Lang) -> str:
    """The projection as documents word it: within its unit's range (``≥ 100%``, ``#1``)."""
    shown = shown_projection(result)
    if shown is None or result.projected is None:
        return "–"
    if shown == result.projected:
        return wording.projected_of(result, lang)
    unit = result.indicator.unit
    if unit == "rank":
        return f"#{wording.number(shown, lang)}"
    words = wording.quantity(shown, unit, lang)
    return f"≥ {words}" if shown < result.projected else f"≤ {words}"


def _fitted_title(result: Result, lang: Lang) -> str:
    fit = result.fit
    assert fit is not None and result.projected is not None
    return t(
        "explain.fit",
        lang,
        slope=wording.slope(fit.slope, lang),
        projected=wording.projected_of(result, lang),
        year=result.target_year,
    )


def _fit_at(result: Result, year: int) -> float:
    assert result.fit is not None
    low, high = _BOUNDED.get(result.indicator.unit, (-math.inf, math.inf))
    return min(high, max(low, result.fit.at(year)))


def _trough(points: list[tuple[float, float, Observation]], index: int) -> bool:
    """Whether the value is below both its neighbours (its label then goes under it)."""
    y = points[index][1]
    neighbours = [points[i][1] for i in (index - 1, index + 1) if 0 <= i < len(points)]
    return bool(neighbours) and all(other < y for other in neighbours)


def _side_labels(
    side: list[tuple[float, str, str, str]], x: float, at_the_end: bool, scale: _Scale
) -> list[str]:
    """The target's and the trend's labels beside the target year (a word over a figure, the
    figure on two lines where one would run off the chart), kept apart: beside the plot when
    the target year ends it, else over the mark."""
    side.sort()
    x_text = x + 11 if at_the_end else x
    room = (WIDTH - x_text - 2) / (_CHAR * FONT) if at_the_end else WIDTH
    lines = [_wrap(figure, room) for _, _, figure, _ in side]
    placed: list[float] = []
    for y, *_ in side:
        y = max(scale.top + 4, min(scale.bottom - 4, y))
        if placed:  # below the label above it: its word and its figure's lines
            below = placed[-1] + (len(lines[len(placed) - 1]) + 1) * FONT + 2
            y = max(y, below)
        placed.append(y)
    bottom = scale.bottom + 8
    if placed and placed[-1] + (len(lines[-1]) - 1) * FONT > bottom:  # off the bottom: move up
        shift = placed[-1] + (len(lines[-1]) - 1) * FONT - bottom
        placed = [y - shift for y in placed]
    anchor = "start" if at_the_end else "middle"
    parts = []
    for (_, word, _, css), figure, y in zip(side, lines, placed, strict=True):
        y_word = y - 2 if at_the_end else y - 8 - len(figure) * FONT
        parts.append(
            _text(
                x_text, y_word, word, f"side-word {css}-word", anchor=anchor, size=TICK_FONT - 0.5
            )
        )
        for number, line in enumerate(figure, 1):
            parts.append(_text(x_text, y_word + number * FONT, line, f"{css}-label", anchor=anchor))
    return parts


def _wrap(words: str, room: float) -> list[str]:
    """``words`` on one line, or on two split at the space nearest the middle when one line
    would need more than ``room`` characters (``nhóm 5`` over ``dẫn đầu``)."""
    if len(words) <= room or " " not in words:
        return [words]
    middle = len(words) / 2
    spaces = [i for i, c in enumerate(words) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return [words[:cut], words[cut + 1 :]]
