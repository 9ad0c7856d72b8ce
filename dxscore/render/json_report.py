"""The scorecard as the stable JSON document of the README ("JSON output")."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from dxscore.errors import Problem, about_the_input
from dxscore.scoring import Result, Scorecard, Summary


def as_json(
    scorecard: Scorecard,
    version: str,
    *,
    explain: bool = False,
    warnings: Sequence[Problem] = (),
) -> str:
    return "".join(json_chunks(scorecard, version, explain=explain, warnings=warnings))


def document(
    scorecard: Scorecard,
    version: str,
    *,
    explain: bool = False,
    warnings: Sequence[Problem] = (),
) -> dict[str, Any]:
    """The document as Python data: exactly what :func:`as_json` writes, parsed."""
    return {
        "tool": "dxscore",
        "version": version,
        "as_of": scorecard.as_of,
        "results": [_result(result, explain) for result in scorecard.results],
        "summary": [_summary(row) for row in scorecard.summary],
        "warnings": [warning_row(warning) for warning in about_the_input(warnings)],
    }


def warning_row(warning: Problem) -> dict[str, Any]:
    """A warning about the input as the document gives it: where, what (in English, as every
    message of a JSON document), and its type, the name [Problems](docs/problems.md) lists
    it under (``looks-like-fraction``)."""
    return {
        "file": warning.file,
        "line": warning.line,
        "col": warning.col,
        "path": warning.path,
        "type": warning.listed_as,
        "message": warning.text(),
    }


def json_chunks(
    scorecard: Scorecard,
    version: str,
    *,
    explain: bool = False,
    warnings: Sequence[Problem] = (),
) -> Iterator[str]:
    """The document in pieces, one row per line, so that a large one is written as it is made."""
    head = json.dumps(
        {"tool": "dxscore", "version": version, "as_of": scorecard.as_of}, ensure_ascii=False
    )
    yield f'{head[:-1]},\n "results": ['
    rows = Rows()
    separator = "\n"
    for result in scorecard.results:
        yield separator + (_line(_result(result, explain)) if explain else rows.result(result))
        separator = ",\n"
    yield '\n ],\n "summary": ['
    separator = "\n"
    for row in scorecard.summary:
        yield separator + rows.summary(row)
        separator = ",\n"
    yield '\n ],\n "warnings": ['
    yield ",".join("\n" + _line(warning_row(warning)) for warning in about_the_input(warnings))
    yield "\n ]}\n"


class Rows:
    """Result and summary rows as JSON text, with the parts that repeat encoded once.

    Writes exactly what ``json.dumps`` writes for the dicts of :func:`_result` and
    :func:`_summary` (a test holds it to that), several times as fast: a report on every
    commune has a hundred thousand rows.
    """

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._heads: dict[tuple[str, str | None], str] = {}
        self._numbers: dict[float, str] = {}
        self._middles: dict[tuple[str, str, str, int], str] = {}

    def text(self, value: str | None) -> str:
        if value is None:
            return "null"
        found = self._texts.get(value)
        if found is None:
            found = _ENCODER.encode(value)
            if len(self._texts) < 100_000:
                self._texts[value] = found
        return found

    def number(self, value: float) -> str:
        """A value as json writes it; the values of a file repeat (55.5 in many areas)."""
        found = self._numbers.get(value)
        if found is None:
            found = _float(value)
            if value != 0.0 and len(self._numbers) < 100_000:  # 0.0 and -0.0 are one key
                self._numbers[value] = found
        return found

    def _head(self, target_set: str, area: str | None) -> str:
        """From the row's start to "area", the same for every result of an area."""
        key = (target_set, area)
        head = self._heads.get(key)
        if head is None:
            head = f'  {{"target_set": {self.text(target_set)}, "area": {self.text(area)}'
            if len(self._heads) < 100_000:
                self._heads[key] = head
        return head

    def result(self, r: Result) -> str:
        key = (r.target_set, r.pillar, r.indicator.id, r.target_year)
        middle = self._middles.get(key)
        if middle is None:  # from "pillar" to "status", the same for every area
            middle = self._middles[key] = (
                f', "pillar": {self.text(r.pillar)}, "indicator": {self.text(r.indicator.id)},'
                f' "unit": {self.text(r.indicator.unit)}, "target_year": {r.target_year},'
                f' "target": {_ENCODER.encode(r.target.as_dict())}, "status": '
            )
        # each value as _scalar and _rounded_text write it, inline: this runs once per result
        current, actual, year, projected, attainment = (
            r.current,
            r.actual,
            r.actual_year,
            r.projected,
            r.attainment,
        )
        if current is None:
            note = source = "null"
        else:
            note = self.text(current.note) if current.note else "null"
            source = self.text(current.source) if current.source else "null"
        return (
            f'{self._head(r.target_set, r.area)}{middle}"{r.status}", "actual": '
            f"{self.number(actual) if type(actual) is float else _scalar(actual)},"
            f' "actual_year": {"null" if year is None else _scalar(year)},'
            f' "projected": {_rounded_text(projected, 2)},'
            f' "attainment": {_rounded_text(attainment, 4)},'
            f' "estimate": {"true" if r.estimate else "false"},'
            f' "awaiting": {"true" if r.awaiting else "false"},'
            f' "note": {note}, "source": {source}}}'
        )

    def summary(self, row: Summary) -> str:
        c = row.counts
        return (
            f"{self._head(row.target_set, row.area)},"
            f' "target_year": {row.target_year}, "pillar": {self.text(row.pillar)},'
            f' "score": {_rounded_text(row.score, 1)},'
            f' "coverage": {_rounded_text(row.coverage, 4)},'
            f' "counts": {{"achieved":'
            f' {c["achieved"]}, "on_track": {c["on_track"]}, "at_risk": {c["at_risk"]},'
            f' "missed": {c["missed"]}, "no_data": {c["no_data"]}}}}}'
        )


def _scalar(value: float | bool | None) -> str:
    """A number, a boolean or null, as json writes it."""
    if type(value) is float:
        return _float(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    return int.__repr__(value)  # an int, or an int subclass such as an IntEnum


def _rounded_text(value: float | None, digits: int) -> str:
    """``value`` rounded to ``digits`` decimals, as json writes it."""
    if value is None:
        return "null"
    if 0 < digits < 5 and -FIXED_BELOW < value < FIXED_BELOW:  # not NaN, nor infinite
        # `'%.2f' % value` has the digits round() rounds to (both ask for the correctly
        # rounded decimal of the exact binary value); below FIXED_BELOW no shorter decimal
        # names the same float, so repr(round(value, 2)) is them without trailing zeros
        # (55.20 → 55.2, 3.00 → 3.0). Twice as fast as round() and repr(), per number.
        text = (_FIXED[digits] % value).rstrip("0")
        if text[-1] == ".":
            text += "0"
        return "0.0" if text == "-0.0" else text  # round(-0.001, 2) + 0.0 is 0.0
    return _float(round(value, digits) + 0.0)  # never -0.0


FIXED_BELOW = 1e9  # far below 2**52 / 10**digits, where decimals this far apart share a float
_FIXED = {digits: f"%.{digits}f" for digits in range(1, 5)}  # 0.00001 is 1e-05


def _float(value: float) -> str:
    text = float.__repr__(value)
    return _NOT_FINITE.get(text, text) if text[-1] in "fn" else text  # inf, -inf, nan


_NOT_FINITE = {"inf": "Infinity", "-inf": "-Infinity", "nan": "NaN"}


_ENCODER = json.JSONEncoder(
    ensure_ascii=False
)  # one encoder for every row: json.dumps makes one per call


def _line(row: dict[str, Any]) -> str:
    """One result or summary row per line: readable, greppable, and written by json's C encoder."""
    return "  " + _ENCODER.encode(row)


def _result(result: Result, explain: bool) -> dict[str, Any]:
    row: dict[str, Any] = {
        "target_set": result.target_set,
        "area": result.area,
        "pillar": result.pillar,
        "indicator": result.indicator.id,
        "unit": result.indicator.unit,
        "target_year": result.target_year,
        "target": result.target.as_dict(),
        "status": result.status,
        "actual": result.actual,
        "actual_year": result.actual_year,
        "projected": rounded(result.projected, 2),
        "attainment": rounded(result.attainment, 4),
        "estimate": result.estimate,
        "awaiting": result.awaiting,
        "note": (result.current.note or None) if result.current else None,
        "source": (result.current.source or None) if result.current else None,
    }
    if explain:
        row["explain"] = {
            "observations": [
                {
                    "year": o.year,
                    "value": o.value,
                    "estimate": o.estimate,
                    "file": o.file,
                    "line": o.line,
                }
                for o in result.used
            ],
            "slope": rounded(result.fit.slope, 6) if result.fit else None,
            "intercept": rounded(result.fit.intercept, 6) if result.fit else None,
        }
    return row


def _summary(row: Summary) -> dict[str, Any]:
    return {
        "target_set": row.target_set,
        "area": row.area,
        "target_year": row.target_year,
        "pillar": row.pillar,
        "score": rounded(row.score, 1),
        "coverage": rounded(row.coverage, 4),
        "counts": row.counts,
    }


def rounded(value: float | None, digits: int) -> float | None:
    """``value`` to ``digits`` decimals, and never ``-0.0``."""
    return None if value is None else round(value, digits) + 0.0  # never -0.0
