"""Validation problems as text lines, GitHub workflow commands, or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence

from dxscore.errors import TOO_MANY_PROBLEMS, Problem
from dxscore.text import printable

MAX_PER_FILE = 50


def count(problems: Sequence[Problem]) -> int:
    """How many problems were found (the notice that the reader stopped is not one)."""
    return sum(1 for problem in problems if problem.type != TOO_MANY_PROBLEMS)


def capped(
    problems: Sequence[Problem], limit: int = MAX_PER_FILE
) -> tuple[list[Problem], dict[str, int]]:
    """At most ``limit`` problems per file, and how many were left out per file."""
    kept: list[Problem] = []
    counts: dict[str, int] = {}
    left_out: dict[str, int] = {}
    for problem in problems:
        if problem.type == TOO_MANY_PROBLEMS:  # the reader's notice that it stopped: always shown
            kept.append(problem)
            continue
        counts[problem.file] = counts.get(problem.file, 0) + 1
        if counts[problem.file] <= limit:
            kept.append(problem)
        else:
            left_out[problem.file] = left_out.get(problem.file, 0) + 1
    return kept, left_out


def as_text(problems: Sequence[Problem], lang: str = "en") -> list[str]:
    """``FILE:LINE:COL: path: message [type]`` lines, capped per file with "… and N more"."""
    kept, left_out = capped(problems)
    lines = [problem.render(lang) for problem in kept]
    lines += [f"{file}: {more(count, lang)}" for file, count in left_out.items()]
    return lines


def more(count: int, lang: str) -> str:
    from dxscore.i18n import t

    return t("cli.more_problems", "vi" if lang == "vi" else "en", count=count)


def as_github(problems: Sequence[Problem], lang: str = "en", level: str = "error") -> list[str]:
    """GitHub Actions ``::error`` (or ``::warning``) workflow commands, shown inline on the
    pull request."""
    kept, left_out = capped(problems)
    lines = []
    for problem in kept:
        props = [f"file={_property(problem.file)}"]
        if problem.line is not None:
            props.append(f"line={problem.line}")
        if problem.col is not None:
            props.append(f"col={problem.col}")
        props.append(f"title={_property('dxscore ' + problem.listed_as)}")
        text = problem.text(lang)
        message = printable(f"{problem.path}: {text}" if problem.path else text, newlines=False)
        lines.append(f"::{level} {','.join(props)}::{_data(message)}")
    lines += [
        f"::{level} file={_property(file)}::{_data(more(count, lang))}"
        for file, count in left_out.items()
    ]
    return lines


def as_json(
    files: Sequence[tuple[str, str | None]],
    problems: Sequence[Problem],
    version: str,
    unchecked: Sequence[str] = (),
) -> str:
    """Every problem (uncapped), and per file whether it is valid (null: ``unchecked``, not
    looked at) and which target set it holds."""
    bad = {problem.file for problem in problems}
    sheets = {name.rpartition("!")[0] for name in bad if "!" in name}  # book.xlsx!Sheet

    def valid(file: str) -> bool | None:
        return None if file in unchecked else file not in bad and file not in sheets

    document = {
        "tool": "dxscore",
        "version": version,
        "valid": not problems,
        "files": [
            {"file": file, "target_set": set_id, "valid": valid(file)} for file, set_id in files
        ],
        "problems": [problem.as_dict() for problem in problems],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
