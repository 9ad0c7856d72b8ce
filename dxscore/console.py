"""The two rich consoles: documents go to standard output, messages to standard error.

Created on first use, so commands that print nothing never import rich.
Colors follow rich's handling of ``NO_COLOR``, ``FORCE_COLOR`` and non-terminals.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


@cache
def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False)


@cache
def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def escape(text: str) -> str:
    """Text from input files, made inert for rich markup (``[bold]`` prints as written)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)
