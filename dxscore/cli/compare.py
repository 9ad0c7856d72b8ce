"""``dxscore compare``: every loaded target set side by side on their shared indicators."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dxscore.cli.app import app, examples
from dxscore.cli.options import (
    AsOfOption,
    EncodingOption,
    LangOption,
    SheetOption,
    TargetsOption,
    language,
    reports_input_errors,
    warn,
)


class CompareFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"
    html = "html"


EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".html": "html"}
EXTENSIONS[".htm"] = "html"


@app.command(
    epilog=examples(
        "dxscore compare",
        "dxscore compare hanoi.csv haiphong.csv --lang vi",
        "dxscore compare actuals.csv -o comparison.html",
    )
)
@reports_input_errors
def compare(
    actuals: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE",
            help="Actuals files with a city column, or one file per city (optional: targets alone).",
        ),
    ] = None,
    targets_paths: TargetsOption = None,
    city: Annotated[
        list[str] | None,
        typer.Option(
            "--city",
            metavar="CITY",
            help="Only this target set, by id or name (repeatable; default: every loaded set).",
        ),
    ] = None,
    as_of: AsOfOption = None,
    output_format: Annotated[
        CompareFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="table|markdown|json|html",
            show_default=False,
            help="The output's format (default: from the -o extension, else table).",
        ),
    ] = CompareFormat.table,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the comparison to this file (.md, .json or .html); - for standard output.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace the output file even if it is not a dxscore report."),
    ] = False,
    lang: LangOption = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
) -> None:
    """Every loaded target set side by side (cities and the national reference) on the canonical indicators they share."""
    from dxscore import __version__, api
    from dxscore.console import stdout
    from dxscore.errors import InputError, problem
    from dxscore.render import compare as render_compare

    chosen = language(lang)
    to_file = output is not None and output != "-"
    fmt = output_format.value
    if to_file and output_format is CompareFormat.table:  # the table is for a terminal
        fmt = EXTENSIONS.get(Path(str(output)).suffix.lower(), "")
        if not fmt:
            raise InputError([problem(str(output), "unknown-format.compare")])
    card = api.compare(
        actuals or None,
        targets=targets_paths,
        city=city,
        as_of=as_of,
        encoding=encoding,
        sheet=sheet,
    )
    warn(card.warnings, chosen)
    view = render_compare.comparison(card.scorecard)
    if fmt == "table":
        console = stdout()
        for part in render_compare.as_table(view, chosen):
            console.print(part)
        return
    if fmt == "json":
        document = render_compare.as_json(view, __version__)
    elif fmt == "html":
        document = render_compare.as_html(view, chosen, __version__)
    else:
        document = render_compare.as_markdown(view, chosen, __version__)
    if not to_file:
        typer.echo(document, nl=False)
        return
    from dxscore.i18n import t
    from dxscore.output import is_a_report, write_atomic

    target = Path(str(output))
    inputs = [Path(name) for name in (*card.actuals_files, *card.target_files)]
    replaced = write_atomic(
        target, document.encode("utf-8"), inputs=inputs, replaceable=None if force else is_a_report
    )
    typer.echo(t("cli.replaced" if replaced else "cli.wrote", chosen, path=target), err=True)
