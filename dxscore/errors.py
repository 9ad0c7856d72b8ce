"""Exit codes and the one shape every input problem takes.

Every loader reports what is wrong with a file as a list of :class:`Problem`s,
collected before anything is printed, so a user sees all problems of a file
at once. :class:`InputError` carries them to the command line.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of every command (documented in the README)."""

    OK = 0
    FAILED = 1  # ``check`` found a status at least as bad as ``--fail-on``
    INVALID = 2  # invalid input or usage
    INTERNAL = 70  # a bug in dxscore (EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input, located as precisely as the input allows.

    ``line`` and ``col`` count from 1, as editors do. ``path`` is the place in
    the document (``pillars.government[3].targets.2025.min``) or a column name.
    ``type`` is a stable kebab-case id (``duplicate-key``, ``float-type``).
    """

    file: str
    message: str
    type: str
    line: int | None = None
    col: int | None = None
    path: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        what = f"{self.path}: {self.message}" if self.path else self.message
        return f"{where}: {what} [{self.type}]"

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "path": self.path,
            "message": self.message,
            "type": self.type,
        }


class InputError(Exception):
    """One or more inputs are invalid; the CLI prints the problems and exits 2."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
