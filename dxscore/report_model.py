"""The JSON report's contract as pydantic models: its JSON Schema (``dxscore schema --report``)
is generated from them, and the tests validate every JSON report against them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from dxscore.model import PillarKey as PillarName
from dxscore.model import Unit
from dxscore.scoring import Status


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ObservationUsed(_Closed):
    year: int
    value: float | bool
    estimate: bool
    file: str
    line: int


class Explanation(_Closed):
    observations: list[ObservationUsed]
    slope: float | None
    intercept: float | None


class ResultRow(_Closed):
    target_set: str
    area: str | None
    pillar: PillarName
    indicator: str
    unit: Unit
    target_year: int
    target: dict[str, float | bool] = Field(
        description="The target as written: {'min': 60}, {'about': 30, 'tolerance': 2}."
    )
    status: Status
    actual: float | bool | None
    actual_year: int | None
    projected: float | None = Field(
        description="The fitted line at the target year, rounded to 2 decimals; not clipped."
    )
    attainment: float | None = Field(ge=0, le=1, description="0–1, rounded to 4 decimals.")
    estimate: bool = Field(
        description="`actual` is an estimate (ước thực hiện), not a measured value."
    )
    awaiting: bool = Field(
        description="as_of ≥ target_year, and no measured (non-estimate) value for the target year is reported: the verdict waits on it."
    )
    note: str | None = Field(
        default=None, description="The note of the observation behind `actual`."
    )
    source: str | None = Field(
        default=None, description="The source of the observation behind `actual`."
    )
    explain: Explanation | None = Field(default=None, description="Only with --explain.")


class Counts(_Closed):
    achieved: int
    on_track: int
    at_risk: int
    missed: int
    no_data: int


class SummaryRow(_Closed):
    target_set: str
    area: str | None
    target_year: int
    pillar: PillarName | None = Field(description="null: the score of the whole target set.")
    score: float | None = Field(description="0–100, rounded to 1 decimal; null without data.")
    coverage: float = Field(ge=0, le=1)
    counts: Counts


class InputWarning(_Closed):
    """What was worth saying about the input, as the terminal says it on standard error."""

    file: str = Field(description="The input (a file, several joined by ', ', or an option).")
    line: int | None
    col: int | None
    path: str | None = Field(description="The column, or the place in a target file.")
    type: str = Field(
        description="The warning's name, as docs/problems.md lists it: looks-like-fraction, header-below, indicator-names …"
    )
    message: str = Field(description="What was noticed, and what to do (in English).")


class Report(_Closed):
    """A dxscore JSON report (stable: keys may be added, none renamed)."""

    tool: Literal["dxscore"]
    version: str
    as_of: int | None
    results: list[ResultRow]
    summary: list[SummaryRow]
    warnings: list[InputWarning] = Field(
        default_factory=list,
        description="The warnings about the input (a value that looks like a fraction, title lines skipped …), in the order they were said.",
    )
