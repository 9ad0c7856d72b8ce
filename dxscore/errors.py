"""Exit codes and the one shape every input problem takes.

Every loader reports what is wrong with a file as a list of :class:`Problem`s,
collected before anything is printed, so a user sees all problems of a file
at once. :class:`InputError` carries them to the command line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from dxscore.text import printable


class ExitCode(IntEnum):
    """The exit codes of every command (documented in the README)."""

    OK = 0
    FAILED = 1  # ``check`` found a status at least as bad as ``--fail-on``
    INVALID = 2  # invalid input or usage
    INTERNAL = 70  # a bug in dxscore (EX_SOFTWARE)
    INTERRUPTED = 130  # Ctrl-C


# not a problem of the input: the notice that a reader stopped counting them
TOO_MANY_PROBLEMS = "too-many-problems"
# how many problems of one file a reader locates and words; past them it only counts, so
# that a file of a hundred thousand mistakes costs no more than one of a thousand
MAX_PROBLEMS = 1000


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one input, located as precisely as the input allows.

    ``line`` and ``col`` count from 1, as editors do. ``path`` is the place in
    the document (``pillars.government[3].targets.2025.min``) or a column name.
    ``type`` is a stable kebab-case id (``duplicate-key``, ``float-type``).
    The words live in the catalogue (``dxscore/i18n.py``) under
    ``problem.<key>``, so a problem is data until it is shown in a language;
    ``detail`` carries text from a library (PyYAML, pydantic) as it came.
    """

    file: str
    type: str
    key: str
    line: int | None = None
    col: int | None = None
    path: str | None = None
    params: tuple[tuple[str, str], ...] = ()
    detail: str = ""

    def text(self, lang: str = "en") -> str:
        """What is wrong and what to do, in ``lang``."""
        from dxscore.i18n import problem_text

        return problem_text(self.key, lang, dict(self.params), self.detail)

    @property
    def message(self) -> str:
        """What is wrong and what to do, in English (:meth:`text` in another language)."""
        return self.text()

    @property
    def listed_as(self) -> str:
        """The name docs/problems.md lists it under: its type, or for a warning (whose type is
        ``warning``) the word after ``warning.`` in its key (``looks-like-fraction``)."""
        return self.key.split(".")[1] if self.type == "warning" else self.type

    @property
    def column(self) -> int | None:
        """The column the problem is at, counting from 1 (a field, or a sheet's column)."""
        return self.col

    def render(self, lang: str = "en", *, with_type: bool = True) -> str:
        """``FILE:LINE:COL: path: message [type]``."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        text = self.text(lang)
        what = f"{self.path}: {text}" if self.path else text
        line = f"{where}: {what} [{self.type}]" if with_type else f"{where}: {what}"
        return printable(line, newlines=False)  # a key or a cell may hold an ESC, a line break

    def __str__(self) -> str:
        return self.render()

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "path": self.path,
            "message": self.text(),
            "type": self.type,
        }


def problem(
    file: str,
    key: str,
    line: int | None = None,
    col: int | None = None,
    path: str | None = None,
    /,
    *,
    kind: str | None = None,
    detail: str = "",
    fields: Mapping[str, object] | None = None,
    **params: object,
) -> Problem:
    """A :class:`Problem` whose words are ``problem.<key>`` in the catalogue; its type is the
    key's first part unless ``kind`` says otherwise."""
    return Problem(
        file,
        kind or key.split(".")[0],
        key,
        line,
        col,
        path,
        tuple((name, str(value)) for name, value in {**(fields or {}), **params}.items()),
        detail,
    )


# warnings about how dxscore ran rather than about what it read: said on the terminal only, not
# in a document (a report is the same whether or not DuckDB read its input)
_NOT_ABOUT_THE_INPUT = frozenset({"warning.without-duckdb"})


def about_the_input(warnings: Iterable[Problem]) -> list[Problem]:
    """The warnings a document lists: those about its input, in the order they were said."""
    return [warning for warning in warnings if warning.key not in _NOT_ABOUT_THE_INPUT]


class InputError(Exception):
    """One or more inputs are invalid; the CLI prints the problems and exits 2.

    ``warnings``: what was worth saying about the inputs all the same (an unused column),
    which the CLI prints before the problems."""

    def __init__(self, problems: list[Problem], warnings: list[Problem] | None = None) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        self.warnings = warnings or []


def unopened(name: str, path: Path, error: OSError) -> Problem:
    """A file that could not be opened: ``not-found`` (with the closest name in its folder,
    when one is close) when it does not exist, else ``unreadable`` with the system's reason."""
    if isinstance(error, FileNotFoundError):
        return not_found(name, path)
    return problem(name, "unreadable", reason=error.strerror or error)


def not_found(name: str, path: Path) -> Problem:
    """``not-found``, with the closest name in the folder when one is close."""
    close = closest_file(path)
    if close is not None:
        return problem(name, "not-found.close", kind="not-found", close=close)
    return problem(name, "not-found")


def closest_file(path: Path, looked_at: int = 1000) -> str | None:
    """The name of the file in ``path``'s folder closest to ``path``'s name (the first
    ``looked_at`` entries: a folder of a million files costs no more), as it would be typed."""
    import difflib
    import itertools

    try:
        names = [entry.name for entry in itertools.islice(path.parent.iterdir(), looked_at)]
    except OSError:
        return None
    found = difflib.get_close_matches(path.name, names, n=1, cutoff=0.8)
    return str(path.parent / found[0]) if found else None
