"""Targets and values worded as the resolutions word them: "≥ 60%", "> 50%", "≈ 30%", "top 5"."""

from __future__ import annotations

from dxscore.i18n import Lang, t
from dxscore.model import Target
from dxscore.observations import Observation, Value
from dxscore.scoring import Result, meets, shown_score
from dxscore.text import literal

_SYMBOL = {"min": "≥", "above": ">", "max": "≤", "below": "<", "about": "≈"}
_SUFFIX = {"percent": "%", "percent_change": "%"}
STATUS_SYMBOL = {"achieved": "✔", "on_track": "↗", "at_risk": "⚠", "missed": "✘", "no_data": "·"}


def number(value: float, lang: Lang = "en", places: int = 2) -> str:
    """``60`` not ``60.0``; at most two decimals (or ``places``), as the sources write them;
    never an exponent (a count of 1,500,000 enterprises reads ``1500000``, not ``1.5e+06``).
    In Vietnamese the decimal mark is a comma, as the resolutions write it: ``7,5``."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return _decimal_mark("0" if text == "-0" else text, lang)


def exact(value: float, lang: Lang = "en") -> str:
    """Every digit, never an exponent: a target as its file writes it (``99.995``, not ``100``)."""
    return _decimal_mark(literal(value), lang)


def slope(value: float, lang: Lang = "en") -> str:
    """A trend per year with its sign: ``+7.5``, ``-12``, ``+0.00123`` (three significant
    digits below 1, so that a slow trend does not read as flat)."""
    if abs(value) >= 1:
        return ("+" if value > 0 else "-") + number(abs(value), lang)
    return _decimal_mark(f"{value:+.3g}", lang)


def _decimal_mark(text: str, lang: Lang) -> str:
    return text.replace(".", ",") if lang == "vi" else text


def quantity(
    value: float, unit: str, lang: Lang = "en", *, every_digit: bool = False, places: int = 2
) -> str:
    """``55%``, ``7.5%/yr`` (``%/năm``), ``#6`` for a rank; with at most two decimals (or
    ``places``), or with every digit."""
    text = exact(value, lang) if every_digit else number(value, lang, places)
    if unit == "rank":
        return f"#{text}"
    if unit == "percent_per_year":
        return text + t("unit.per_year", lang)
    return text + _SUFFIX.get(unit, "")


def actual_of(result: Result, lang: Lang = "en") -> str:
    """The result's actual and its year, worded as :func:`value_against` words it:
    ``55% (2024)``, ``17.34% (2025, est.)``."""
    text = value_against(result.actual, result, lang)
    if result.actual_year is None:
        return text
    mark = f", {t('value.estimate', lang)}" if result.estimate else ""
    return f"{text} ({result.actual_year}{mark})"


def observed(observation: Observation, result: Result, lang: Lang = "en") -> str:
    """One reported value of the result's indicator: ``55%``, ``17.34% (est.)``."""
    text = value_against(observation.value, result, lang)
    return f"{text} ({t('value.estimate', lang)})" if observation.estimate else text


def awaiting(result: Result, lang: Lang = "en") -> str | None:
    """Why a verdict is not final, in words: the target year has passed in the data without
    its measured value (None when it has not, or when there is no data to judge by)."""
    if not result.awaiting or result.status == "no_data":
        return None
    year = result.target_year
    if result.actual_year == year:  # reported, as an estimate
        return t("awaiting.estimate", lang, year=year)
    if result.status == "achieved":
        return t("awaiting.achieved", lang, year=year, latest=result.actual_year)
    if result.projected is not None:
        return t("awaiting.trend", lang, year=year)
    return t("awaiting.latest", lang, year=year, latest=result.actual_year)


def awaiting_short(result: Result, lang: Lang = "en") -> str | None:
    """:func:`awaiting` in a few words, for a table cell: ``awaiting 2025 value``."""
    if awaiting(result, lang) is None:
        return None
    return t("awaiting.short", lang, year=result.target_year)


def value_against(actual: Value | None, result: Result, lang: Lang = "en") -> str:
    """A value of the result's indicator, rounded as everywhere unless the rounding would cross
    its target: 99.995 against "≥ 100%" reads ``99.995%``, not ``100%``."""
    if isinstance(actual, float):
        return _on_its_side(actual, meets(result.target, actual), result, lang)
    return value(actual, result.indicator.unit, lang)


def projected_of(result: Result, lang: Lang = "en") -> str:
    """The projection, rounded unless the rounding would cross the target (as :func:`actual_of`)."""
    if result.projected is None:
        return "–"
    return _on_its_side(result.projected, result.status == "on_track", result, lang)


def _on_its_side(number: float, met: bool, result: Result, lang: Lang) -> str:
    """``number`` with two decimals, or as few more as keep it on its side of the target: a
    projection of 59.998000000000005 against "≥ 60%" reads ``59.998%``, neither ``60%`` nor
    the float's every digit."""
    unit = result.indicator.unit
    for places in range(2, 16):
        if meets(result.target, round(number, places)) == met:
            return quantity(number, unit, lang, places=places)
    return quantity(number, unit, lang, every_digit=True)


def value(actual: Value | None, unit: str, lang: Lang = "en") -> str:
    """An actual as a reader wants it: ``55%``, ``#6``, ``done``; ``–`` when there is none."""
    if actual is None:
        return "–"
    if isinstance(actual, bool):
        return t("value.done" if actual else "value.not_done", lang)
    return quantity(actual, unit, lang)


def target(target: Target, unit: str, lang: Lang = "en") -> str:
    """``≥ 60%``, ``> 7.5%/yr``, ``≈ 30% (± 1.5)``, ``top 5``, ``≥ 7%/yr (stretch 7.5%/yr)``, ``done``."""
    comparator = target.comparator
    if comparator == "done":
        return t("target.done", lang)
    if unit == "rank" and comparator == "max":
        return t("target.top", lang, n=exact(target.value, lang))
    text = f"{_SYMBOL[comparator]} {quantity(target.value, unit, lang, every_digit=True)}"
    if target.tolerance is not None:
        text += f" (± {exact(target.tolerance, lang)})"
    if target.stretch is not None:
        stretch = quantity(target.stretch, unit, lang, every_digit=True)
        text += f" ({t('target.stretch', lang, n=stretch)})"
    return text


def status(status: str, lang: Lang = "en") -> str:
    """``✔ achieved``, ``↗ đúng tiến độ``: a symbol and a word, never a color alone."""
    return f"{STATUS_SYMBOL[status]} {t('status.' + status, lang)}"


def percent(fraction: float | None) -> str:
    """``55%``; never ``100%`` short of 1 (99.5% of a target is not the target)."""
    return "–" if fraction is None else f"{_whole_percent(fraction)}%"


def _whole_percent(fraction: float) -> int:
    rounded = round(fraction * 100)
    return 99 if rounded == 100 and fraction < 1 else rounded


def score(value: float | None, lang: Lang = "en") -> str:
    """``78.5``; never ``100.0`` short of 100."""
    shown = shown_score(value)
    return "–" if shown is None else _decimal_mark(f"{shown:.1f}", lang)


def worst_pillar(pillar: str | None, pillar_score: float | None, lang: Lang = "en") -> str:
    """``Digital government (58.8)``; ``–`` when no pillar has data."""
    if pillar is None:
        return "–"
    return f"{t('pillar.' + pillar, lang)} ({score(pillar_score, lang)})"


BAR_WIDTH = 5
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(fraction: float | None) -> str:
    """A text bar with eighth-block resolution and the percentage: ``█████▌     55%``."""
    if fraction is None:
        return "–"
    eighths = round(max(0.0, min(1.0, fraction)) * BAR_WIDTH * 8)
    full, part = divmod(eighths, 8)
    cells = "█" * full + (_EIGHTHS[part] if part else "")
    if fraction < 1 and eighths == BAR_WIDTH * 8:
        cells = "█" * (BAR_WIDTH - 1) + _EIGHTHS[-1]  # short of the target: not a full bar
    return f"{cells.ljust(BAR_WIDTH)} {_whole_percent(fraction):>3}%"
