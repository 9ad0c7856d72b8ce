"""A blank actuals CSV for a target set: one row per indicator, for the year being reported."""

from __future__ import annotations

import csv
import io

from dxscore.i18n import Lang
from dxscore.model import TargetSet

COLUMNS = ("city", "indicator", "name", "year", "value", "estimate", "note", "source")


def actuals_template(target_set: TargetSet, year: int, lang: Lang = "en") -> str:
    """Long-format CSV, one row per indicator dated ``year`` (the year the values are measured
    in, never a target year unless asked for), ``name`` in ``lang`` for the person filling it
    in (it is not read back), ``value`` and ``estimate`` left empty ("not reported")."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for _, indicator in target_set.indicators():
        name = indicator.name.in_lang(lang)
        writer.writerow((target_set.id, indicator.id, name, year, "", "", "", ""))
    return buffer.getvalue()
