"""The typer application every command registers with."""

from __future__ import annotations

from typing import Annotated

import typer

from dxscore import __version__

app = typer.Typer(
    name="dxscore",
    help="Score Vietnamese cities' digital-transformation targets against measured actuals.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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
