"""The scorecard as the stable JSON document of the README ("JSON output")."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dxscore.scoring import Result, Scorecard, Summary


def as_json(scorecard: Scorecard, version: str, *, explain: bool = False) -> str:
    return "".join(json_chunks(scorecard, version, explain=explain))


def json_chunks(scorecard: Scorecard, version: str, *, explain: bool = False) -> Iterator[str]:
    """The document in pieces, one row per line, so that a large one is written as it is made."""
    head = json.dumps(
        {"tool": "dxscore", "version": version, "as_of": scorecard.as_of}, ensure_ascii=False
    )
    yield f'{head[:-1]},\n "results": ['
    separator = "\n"
    for result in scorecard.results:
        yield separator + _line(_result(result, explain))
        separator = ",\n"
    yield '\n ],\n "summary": ['
    separator = "\n"
    for row in scorecard.summary:
        yield separator + _line(_summary(row))
        separator = ",\n"
    yield "\n ]}\n"


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
        "projected": _round(result.projected, 2),
        "attainment": _round(result.attainment, 4),
        "note": (result.current.note or None) if result.current else None,
        "source": (result.current.source or None) if result.current else None,
    }
    if explain:
        row["explain"] = {
            "observations": [
                {"year": o.year, "value": o.value, "file": o.file, "line": o.line}
                for o in result.used
            ],
            "slope": _round(result.fit.slope, 6) if result.fit else None,
            "intercept": _round(result.fit.intercept, 6) if result.fit else None,
        }
    return row


def _summary(row: Summary) -> dict[str, Any]:
    return {
        "target_set": row.target_set,
        "area": row.area,
        "target_year": row.target_year,
        "pillar": row.pillar,
        "score": _round(row.score, 1),
        "coverage": _round(row.coverage, 4),
        "counts": row.counts,
    }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
