"""The typer application every command registers with, and how its help reads."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperOption

from dxscore import __version__

app = typer.Typer(
    name="dxscore",
    help="Score Vietnamese cities' digital-transformation targets against measured actuals.",
    epilog=(
        "An analyst's round: `dxscore template hanoi -o actuals.csv`, fill in the values,"
        " `dxscore check actuals.csv`, then `dxscore report actuals.csv -o report.html`."
        " `dxscore COMMAND --help` shows a command's options and examples."
    ),
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion (bash, zsh, fish, PowerShell)
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # the examples at the end of each command's help
    context_settings={"help_option_names": ["-h", "--help"]},
)


def examples(*lines: str) -> str:
    """A command's epilog: its examples, as a block of commands to copy."""
    return "**Examples**\n\n```\n" + "\n".join(lines) + "\n```\n"


# typer 0.29 prints a parameter's Python type beside it (`<list[Path]>`, `<bool>`); a person
# reads the metavar given (FILE, YEAR) or, for a flag, nothing. A test pins what --help shows.
def _argument_type(self: TyperArgument, ctx: Any) -> str | None:
    return None if self.metavar is not None else TyperArgument.display_type(self, ctx)


def _option_type(self: TyperOption, ctx: Any) -> str | None:
    if self.metavar is not None:
        return self.metavar
    if self.is_flag:
        return None
    return TyperOption.display_type(self, ctx)


TyperArgument.display_type_rich = _argument_type  # type: ignore[method-assign, assignment]
TyperOption.display_type_rich = _option_type  # type: ignore[method-assign]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dxscore {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Score Vietnamese cities' digital-transformation targets against measured actuals."""
