"""The two rich consoles: documents go to standard output, messages to standard error.

Created when a command prints (so commands that print nothing never import rich), and
anew each time, so that they follow the environment of the run (``COLUMNS``, ``NO_COLOR``).
Colors follow rich's handling of ``NO_COLOR``, ``FORCE_COLOR`` and non-terminals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, emoji=False)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, emoji=False)
