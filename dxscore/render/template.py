"""A blank actuals CSV for a target set: one row per indicator and target year."""

from __future__ import annotations

import csv
import io

from dxscore.model import TargetSet

COLUMNS = ("city", "indicator", "year", "value", "note", "source")


def actuals_template(target_set: TargetSet) -> str:
    """Long-format CSV with ``value`` left empty (empty means "not reported")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for _, indicator in target_set.indicators():
        for year in sorted(indicator.targets):
            writer.writerow((target_set.id, indicator.id, year, "", "", ""))
    return buffer.getvalue()
