"""``dxscore validate``: check target files (and actuals) without scoring, for CI."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dxscore import __version__
from dxscore.cli.app import app, examples
from dxscore.cli.options import (
    CityOption,
    EncodingOption,
    LangOption,
    SheetOption,
    language,
    reports_input_errors,
    warn,
)
from dxscore.errors import ExitCode


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@app.command(
    epilog=examples(
        "dxscore validate targets/",
        "dxscore validate targets/ --format github",
        "dxscore validate --actuals actuals.csv",
    )
)
@reports_input_errors
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="PATH",
            help="Target files or folders (their *.yaml, *.yml). Default: the discovered target files.",
        ),
    ] = None,
    output_format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="text|json|github",
            help="text; json (a report on standard output); github (::error and ::warning annotations).",
        ),
    ] = ValidateFormat.text,
    actuals: Annotated[
        list[Path] | None,
        typer.Option(
            "--actuals",
            "-a",
            metavar="FILE",
            help="Also check this actuals file against the targets (repeatable); nothing is scored.",
        ),
    ] = None,
    city: CityOption = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    lang: LangOption = None,
) -> None:
    """Check target files (and actuals) without scoring; every problem as FILE:LINE:COL. Exit 0 valid, 2 invalid."""
    from dataclasses import replace

    from dxscore import api
    from dxscore.i18n import t
    from dxscore.render import problems as render_problems

    chosen = language(lang)
    found = api.validate(paths, actuals=actuals, city=city, encoding=encoding, sheet=sheet)
    problems = found.problems
    if found.unchecked:
        typer.echo(t("msg.actuals_not_checked", chosen, n=len(found.unchecked)), err=True)
    github = output_format is ValidateFormat.github
    if not github:
        warn(found.warnings, chosen)
    if output_format is ValidateFormat.json:
        by_file = {item.file: item.target_set.id for item in found.loaded}
        names = [*found.target_files, *found.actuals_files]
        typer.echo(
            render_problems.as_json(
                [(name, by_file.get(name)) for name in names],
                problems,
                __version__,
                unchecked=found.unchecked,
            )
        )
    elif output_format is ValidateFormat.github:
        # an actuals problem's column counts fields (or sheet columns), GitHub's counts
        # characters: the annotation keeps the line, and the message names the column
        first = len(problems) - found.actuals_problems
        annotated = [*problems[:first], *(replace(p, col=None) for p in problems[first:])]
        for line in render_problems.as_github(annotated, chosen):
            typer.echo(line)
        data = set(found.actuals_files)
        warnings = [replace(w, col=None) if w.file in data else w for w in found.warnings]
        for line in render_problems.as_github(warnings, chosen, level="warning"):
            typer.echo(line)
    else:
        for line in render_problems.as_text(problems, chosen):
            typer.echo(line, err=True)
    if problems:
        bad = len({problem.file for problem in problems})
        total = len(found.target_files) + len(found.actuals_files)
        count = render_problems.count(problems)
        typer.echo(t("cli.invalid", chosen, count=count, bad=bad, total=total), err=True)
        raise typer.Exit(ExitCode.INVALID)
    summary = ", ".join(
        t(
            "cli.targets_count",
            chosen,
            id=item.target_set.id,
            count=sum(len(ind.targets) for _, ind in item.target_set.indicators()),
        )
        for item in found.loaded
    )
    typer.echo(t("cli.valid_targets", chosen, count=len(found.loaded), summary=summary), err=True)
    if actuals:
        typer.echo(
            t("cli.valid_actuals", chosen, count=len(actuals), observations=found.observations),
            err=True,
        )
