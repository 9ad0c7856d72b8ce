"""What the actuals reader produces and the scoring engine consumes."""

from __future__ import annotations

from dataclasses import dataclass

Value = float | bool


@dataclass(frozen=True, slots=True)
class Observation:
    """One measured value of one indicator in one year, for a target set and (optionally) an area.

    ``value`` is a number, or True/False for a milestone. ``file`` and ``line``
    say where it came from, for ``--explain`` and for messages.
    """

    target_set: str
    area: str | None
    indicator: str
    year: int
    value: Value
    file: str = ""
    line: int = 0
    note: str = ""
    source: str = ""
