"""The pages dxscore writes about itself (docs/generate.py): the command reference, from each
command's --help, and the catalogue of problems, from examples run as a user would run them.
Each fails here when it is stale, or when a command, an option or a problem type is missing."""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType

import pytest

from conftest import ROOT
from dxscore.i18n import CATALOGUE

DOCS = ROOT / "docs"


def _module(name: str) -> ModuleType:
    """docs/NAME.py, imported as docs_NAME (bench/ has a generate.py of its own)."""
    spec = importlib.util.spec_from_file_location(f"docs_{name}", DOCS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[f"docs_{name}"] = module
    spec.loader.exec_module(module)
    return module


generate = _module("generate")


def test_the_command_reference_is_the_commands_own_help() -> None:
    written = (DOCS / "commands.md").read_text(encoding="utf-8")
    assert written == generate.commands_page(), "stale: run python docs/generate.py"


def test_every_command_and_option_is_in_the_command_reference() -> None:
    from typer.main import get_command

    from dxscore.cli import app

    written = (DOCS / "commands.md").read_text(encoding="utf-8")
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        section = written.split(f"## dxscore {name}\n", 1)
        assert len(section) == 2, f"no section for dxscore {name}"
        text = section[1].split("\n## ", 1)[0]
        for parameter in command.params:
            for option in parameter.opts:
                if option.startswith("-"):
                    assert re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text), (
                        f"dxscore {name} {option} is not in docs/commands.md"
                    )


def problem_types() -> set[str]:
    """Every type a problem can print in brackets, from the message catalogue: the first part
    of each ``problem.<key>``; for ``problem.schema.<pydantic type>`` the pydantic type (as
    ``float-type``); a year key that is not a year is pydantic's ``int-type``. The bare
    ``problem.schema`` carries any other pydantic error as it came, and has no type of its own."""
    types = set()
    for key in CATALOGUE:
        if not key.startswith("problem."):
            continue
        first, _, rest = key.removeprefix("problem.").partition(".")
        if first == "schema":
            if rest:
                types.add(rest.split(".")[0].replace("_", "-"))
        elif first == "year-key":
            types.add("int-type")
        else:
            types.add(first)
    return types


def warning_types() -> set[str]:
    return {
        key.removeprefix("warning.").split(".")[0]
        for key in CATALOGUE
        if key.startswith("warning.") and key != "warning.prefix"
    }


def test_every_problem_type_has_an_example_in_the_catalogue() -> None:
    """A problem type is documented when the catalogue shows a run that prints it."""
    written = (DOCS / "problems.md").read_text(encoding="utf-8")
    printed = set(re.findall(r"\[([a-z0-9-]+)\]$", written, re.M))
    # an output that cannot be written is said in one line, `dxscore: cannot write the output:
    # …`, with no file or line to name (the page shows it under its heading)
    if "### `output-failed`" in written and "dxscore: cannot write the output:" in written:
        printed.add("output-failed")
    missing = sorted(problem_types() - printed)
    assert not missing, f"problem types without an example in docs/problems.md: {missing}"


def test_every_warning_has_an_example_in_the_catalogue() -> None:
    written = (DOCS / "problems.md").read_text(encoding="utf-8")
    warnings = written.split("\n## Warnings\n", 1)[1]
    headings = set(re.findall(r"^### `([a-z0-9-]+)`$", warnings, re.M))
    missing = sorted(warning_types() - headings)
    assert not missing, f"warnings without an example in docs/problems.md: {missing}"


@pytest.mark.slow
def test_the_catalogue_of_problems_is_current() -> None:
    """Each example run again prints what the page shows (and the type it is there for)."""
    written = (DOCS / "problems.md").read_text(encoding="utf-8")
    assert written == generate.problems_page(), "stale: run python docs/generate.py"


def test_the_generated_pages_say_how_to_make_them_again() -> None:
    for name in ("commands.md", "problems.md"):
        text = (DOCS / name).read_text(encoding="utf-8")
        assert "python docs/generate.py" in text.split("\n\n", 3)[1]
