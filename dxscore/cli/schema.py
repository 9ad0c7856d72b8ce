"""``dxscore schema``: the JSON Schema of the target-file format or of the JSON report."""

from __future__ import annotations

from typing import Annotated

import typer

from dxscore.cli.app import app, examples


@app.command(
    epilog=examples(
        "dxscore schema > targets.schema.json",
        "dxscore schema --report > report.schema.json",
    )
)
def schema(
    report: Annotated[
        bool, typer.Option("--report", help="The schema of the JSON report instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of the target-file format (or, with --report, of the JSON report)."""
    from dxscore.schema import report_schema, target_file_schema

    typer.echo(report_schema() if report else target_file_schema(), nl=False)
