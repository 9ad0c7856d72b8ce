"""The scorecard as CSV, one row per result, for spreadsheets and dashboards.

UTF-8 with a BOM so that Excel shows Vietnamese text correctly. Column names are
stable identifiers (like the JSON keys); the ``name``, ``target_text`` and
``status_text`` cells follow ``--lang``. Text cells that a spreadsheet would run
as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io

from dxscore.i18n import Lang
from dxscore.render import wording
from dxscore.scoring import Scorecard
from dxscore.text import decimal, literal

COLUMNS = (
    "target_set",
    "area",
    "pillar",
    "indicator",
    "name",
    "unit",
    "target_year",
    "comparator",
    "target_value",
    "target_text",
    "status",
    "status_text",
    "actual",
    "actual_year",
    "projected",
    "attainment",
    "weight",
    "note",
    "source",
    "tolerance",  # added after the others, so that a reader by position keeps working
    "stretch",
    "estimate",  # the scoring rules of revision 2: is `actual` an estimate,
    "awaiting",  # does the verdict wait for the target year's measured value (and why, in words)
    "awaiting_text",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    """A text cell a spreadsheet will show, never run (OWASP's CSV-injection advice)."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def as_csv(scorecard: Scorecard, lang: Lang) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in scorecard.results:
        unit = r.indicator.unit
        actual = "" if r.actual is None else _actual(r.actual)
        writer.writerow(
            (
                inert(r.target_set),
                inert(r.area or ""),
                r.pillar,
                inert(r.indicator.id),
                inert(r.indicator.name.in_lang(lang)),
                unit,
                r.target_year,
                r.target.comparator,
                "true" if r.target.comparator == "done" else literal(r.target.value),
                inert(wording.target(r.target, unit, lang)),
                r.status,
                wording.status(r.status, lang),
                actual,
                "" if r.actual_year is None else r.actual_year,
                "" if r.projected is None else round(r.projected, 2) + 0.0,  # never -0.0
                "" if r.attainment is None else round(r.attainment, 4),
                literal(r.indicator.weight),
                inert(r.current.note) if r.current else "",
                inert(r.current.source) if r.current else "",
                "" if r.target.comparator != "about" else literal(r.target.effective_tolerance),
                "" if r.target.stretch is None else literal(r.target.stretch),
                "true" if r.estimate else "false",
                "true" if r.awaiting else "false",
                wording.awaiting(r, lang) or "",
            )
        )
    return "\ufeff" + buffer.getvalue()


def _actual(value: float | bool) -> str:
    """``true``/``false``, or the number in full as a decimal: ``55.0``, ``0.00001`` (not
    ``1e-05``, which a spreadsheet may take for text)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return decimal(value)
