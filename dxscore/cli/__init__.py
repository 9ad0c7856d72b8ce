"""The command line: a thin layer over the library (:mod:`dxscore.api`).

Each command (one module each) parses its options, calls the API, renders what it returns and
sets the exit code; nothing here reads a file or decides a verdict. Heavy modules (pydantic,
PyYAML, rich) are imported inside the commands that need them, so ``dxscore --help`` costs
little more than importing typer (and ``dxscore --version`` is answered before this package
is imported at all, in :mod:`dxscore.__main__`).
"""

from dxscore.cli import check, compare, report, schema, targets, template, validate
from dxscore.cli.app import app
from dxscore.cli.main import main, output_failed

__all__ = [
    "app",
    "check",
    "compare",
    "main",
    "output_failed",
    "report",
    "schema",
    "targets",
    "template",
    "validate",
]
