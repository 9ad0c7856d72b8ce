"""The two rich consoles: documents go to standard output, messages to standard error.

Created when a command prints (so commands that print nothing never import rich), and
anew each time, so that they follow the environment of the run (``COLUMNS``, ``NO_COLOR``).
Colors follow rich's handling of ``NO_COLOR``, ``FORCE_COLOR`` and non-terminals.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, emoji=False)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, emoji=False)


# backslashes before a "[" that rich's escape leaves alone (it opens no tag: "[1]", "[")
_BACKSLASHES_BEFORE_A_BRACKET = re.compile(r"(\\+)(?=\[)(?!\[[a-z#/@][^[]*?\])")


def printable(text: str, *, newlines: bool = True) -> str:
    """Text from input files with its control and invisible characters (an ESC that would
    recolor the terminal, a right-to-left override that would reverse the line) shown as
    ``\\x1b``, ``\\x202e``; line breaks too unless ``newlines``."""
    if text.isprintable():
        return text
    kept = "\n" if newlines else ""
    return "".join(c if c.isprintable() or c in kept else f"\\x{ord(c):02x}" for c in text)


def escape(text: str) -> str:
    """Text from input files made inert for rich markup: ``[bold]`` prints as written, and
    control characters as :func:`printable` shows them.

    Backslashes that end the text are doubled and followed by an empty tag, so that they print
    as written whether or not more markup follows (rich's own escape gets one of the two cases
    wrong: ``note\\`` printed ``note\\\\`` at the end of a line). Backslashes before a ``[``
    that opens no tag get one more, as rich reads ``\\[`` there as a bracket alone.
    """
    from rich.markup import escape as rich_escape

    text = _BACKSLASHES_BEFORE_A_BRACKET.sub(r"\1\\", printable(text))
    body = text.rstrip("\\")
    if len(body) == len(text):
        return rich_escape(text)
    return rich_escape(body) + "\\" * (2 * (len(text) - len(body))) + "[b][/b]"
