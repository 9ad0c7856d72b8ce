"""What the actuals reader produces and the scoring engine consumes."""

from __future__ import annotations

from typing import NamedTuple

Value = float | bool


class Observation(NamedTuple):
    """One measured value of one indicator in one year, for a target set and (optionally) an area.

    ``value`` is a number, or True/False for a milestone. ``file`` and ``line``
    say where it came from, for ``--explain`` and for messages. ``estimate``: the value is
    an estimate ("ước thực hiện"), which can achieve a target but never miss one. A named tuple:
    immutable, and built 3 times as fast as a frozen dataclass (a file may hold millions).
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
    estimate: bool = False
