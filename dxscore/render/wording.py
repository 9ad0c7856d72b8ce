"""Targets and values worded as the resolutions word them: "≥ 60%", "> 50%", "≈ 30%", "top 5"."""

from __future__ import annotations

from dxscore.model import Target

_SYMBOL = {"min": "≥", "above": ">", "max": "≤", "below": "<", "about": "≈"}
_SUFFIX = {"percent": "%", "percent_per_year": "%/yr", "percent_change": "%"}


def number(value: float) -> str:
    """``60`` not ``60.0``; at most two decimals, as the sources write them."""
    return f"{round(value, 2):g}"


def quantity(value: float, unit: str) -> str:
    if unit == "rank":
        return f"#{number(value)}"
    return number(value) + _SUFFIX.get(unit, "")


def target(target: Target, unit: str) -> str:
    """``≥ 60%``, ``> 7.5%/yr``, ``≈ 30% (± 1.5)``, ``top 5``, ``≥ 7%/yr (stretch 7.5)``, ``done``."""
    comparator = target.comparator
    if comparator == "done":
        return "done"
    if unit == "rank" and comparator == "max":
        return f"top {number(target.value)}"
    text = f"{_SYMBOL[comparator]} {quantity(target.value, unit)}"
    if target.tolerance is not None:
        text += f" (± {number(target.tolerance)})"
    if target.stretch is not None:
        text += f" (stretch {number(target.stretch)})"
    return text
