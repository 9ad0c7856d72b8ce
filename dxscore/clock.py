"""What dxscore takes for "now": the date a report says it was made, and the current year that
no measured value may be dated after.

``SOURCE_DATE_EPOCH`` (seconds since 1970, the reproducible-builds convention) fixes it, so
that the example reports in the repository and the tests never depend on the real date.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping

ENV_VAR = "SOURCE_DATE_EPOCH"


def now(environ: Mapping[str, str] | None = None) -> datetime.datetime:
    """The current local time, or the fixed time of ``SOURCE_DATE_EPOCH`` (in UTC)."""
    environ = os.environ if environ is None else environ
    fixed = environ.get(ENV_VAR, "").strip()
    if fixed.isdecimal() and len(fixed) <= 12:
        return datetime.datetime.fromtimestamp(int(fixed), tz=datetime.UTC)
    return datetime.datetime.now().astimezone()


def current_year(environ: Mapping[str, str] | None = None) -> int:
    return now(environ).year
