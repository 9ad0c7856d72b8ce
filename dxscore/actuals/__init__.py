"""Read and validate actuals files (CSV, .xlsx) against the loaded target sets.

One place opens, decodes and sniffs every actuals file, for ``check``, ``report``,
``validate --actuals`` and ``compare`` alike. Rows are read as a stream and checked one by
one without building a model per row; every problem is collected (up to
:data:`~dxscore.errors.MAX_PROBLEMS`) with the line as the file counts it (header =
line 1) and the column, so a user fixes a file in one go.

The modules, in the order a file goes through them: :mod:`.encoding` (bytes to text),
:mod:`.layout` (the header: where it is and which column holds what), :mod:`.rows` (each
row into observations, with :mod:`.values`, the grammar of a cell, and :mod:`.index`, the
target sets' cities and indicators), :mod:`.reader` (files and workbooks, start to end), and
:mod:`.data` (what comes out).
"""

from dxscore.actuals.data import Actuals
from dxscore.actuals.index import TargetIndex, resolve_city
from dxscore.actuals.reader import SPREADSHEET_SUFFIXES, read_actuals, read_rows, unused_options

__all__ = [
    "SPREADSHEET_SUFFIXES",
    "Actuals",
    "TargetIndex",
    "read_actuals",
    "read_rows",
    "resolve_city",
    "unused_options",
]
