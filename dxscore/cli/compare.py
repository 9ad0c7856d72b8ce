"""``dxscore compare``: every loaded target set side by side on their shared indicators."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dxscore.cli.app import app
from dxscore.cli.options import (
    AsOfOption,
    EncodingOption,
    LangOption,
    SheetOption,
    TargetsOption,
    language,
    refuse_unused,
    reports_input_errors,
    warn,
)


class CompareFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


@app.command()
@reports_input_errors
def compare(
    actuals: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Actuals files with a city column, or one file per city (optional: targets alone)."
        ),
    ] = None,
    targets_paths: TargetsOption = None,
    as_of: AsOfOption = None,
    output_format: Annotated[CompareFormat, typer.Option("--format", "-f")] = CompareFormat.table,
    lang: LangOption = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
) -> None:
    """Every loaded target set side by side (cities and the national reference) on the canonical indicators they share."""
    from dxscore import __version__, api
    from dxscore.console import stdout
    from dxscore.render import compare as render_compare

    chosen = language(lang)
    if not actuals:
        refuse_unused(encoding=encoding, sheet=sheet)
    card = api.compare(
        actuals or None, targets=targets_paths, as_of=as_of, encoding=encoding, sheet=sheet
    )
    warn(card.warnings, chosen)
    view = render_compare.comparison(card.scorecard)
    if output_format is CompareFormat.json:
        typer.echo(render_compare.as_json(view, __version__), nl=False)
    elif output_format is CompareFormat.markdown:
        typer.echo(render_compare.as_markdown(view, chosen), nl=False)
    else:
        console = stdout()
        for part in render_compare.as_table(view, chosen):
            console.print(part)
