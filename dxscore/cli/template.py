"""``dxscore template``: a blank actuals CSV to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dxscore.cli.app import app, examples
from dxscore.cli.options import LangOption, TargetsOption, language, reports_input_errors
from dxscore.errors import InputError


@app.command(
    epilog=examples(
        "dxscore template hanoi -o actuals.csv",
        'dxscore template "Hải Phòng" --lang vi --year 2025 -o so-lieu-2025.csv',
    )
)
@reports_input_errors
def template(
    set_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The target set (its id or name) to write a template for."
        ),
    ],
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            metavar="YEAR",
            min=1900,
            max=2100,
            help="The year the values are measured in (default: the last full calendar year).",
        ),
    ] = None,
    targets_paths: TargetsOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file (UTF-8 with BOM, for Excel) instead of standard output.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Write a blank actuals CSV: one row per indicator for the year being reported, values left empty to fill in."""
    from dxscore import api
    from dxscore.output import write_atomic

    if output is not None and output.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        from dxscore.errors import problem

        raise InputError([problem("--output", "template-not-csv", path=output)])
    chosen = language(lang)
    loaded = api.load_target_files(targets_paths)
    text = api.template(
        set_id, targets=[item.target_set for item in loaded], year=year, lang=chosen
    )
    if output is None or str(output) == "-":
        typer.echo(text, nl=False)
        return
    inputs = [Path(item.file) for item in loaded]
    replaced = write_atomic(output, text.encode("utf-8-sig"), inputs=inputs, overwrite=force)
    from dxscore.i18n import t

    typer.echo(t("cli.replaced" if replaced else "cli.wrote", chosen, path=output), err=True)
