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


def escape(text: str) -> str:
    """Text from input files, made inert: rich markup (``[bold]``) prints as written, and
    control characters (an ESC that would recolor or clear the terminal) as ``\\x1b``."""
    from rich.markup import escape as rich_escape

    if not text.isprintable():
        text = "".join(c if c.isprintable() or c == "\n" else f"\\x{ord(c):02x}" for c in text)
    return rich_escape(text)
