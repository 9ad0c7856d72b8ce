"""``dxscore check``: score actuals and print the colored report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from dxscore.cli.app import app, examples
from dxscore.cli.options import (
    ActualsArgument,
    AreaOption,
    AsOfOption,
    CityOption,
    EncodingOption,
    FailOn,
    LangOption,
    PillarOption,
    SheetOption,
    TableOrJson,
    TargetsOption,
    YearOption,
    language,
    reports_input_errors,
    score,
    warn,
    write_chunks,
)
from dxscore.errors import ExitCode, InputError

if TYPE_CHECKING:
    from dxscore.i18n import Lang
    from dxscore.scoring import Scorecard


@app.command(
    epilog=examples(
        "dxscore check actuals.csv",
        "dxscore check actuals.csv --year 2025 --lang vi",
        'dxscore check communes.xlsx --sheet "Số liệu" --area "Ba Vì" --explain',
        "dxscore check actuals.csv --fail-on at_risk --format json > scorecard.json",
    )
)
@reports_input_errors
def check(
    actuals: ActualsArgument,
    targets_paths: TargetsOption = None,
    as_of: AsOfOption = None,
    year: YearOption = None,
    pillar: PillarOption = None,
    city: CityOption = None,
    area: AreaOption = None,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            metavar="missed|at_risk|never",
            help="Exit 1 when a target is this bad or worse (missed is worse than at_risk).",
        ),
    ] = FailOn.missed,
    output_format: Annotated[
        TableOrJson,
        typer.Option("--format", "-f", metavar="table|json", help="The colored table, or JSON."),
    ] = TableOrJson.table,
    lang: LangOption = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Show the observations, fitted slope and projection behind each verdict.",
        ),
    ] = False,
    all_rows: Annotated[
        bool,
        typer.Option("--all", help="List every indicator, those without data too, one row each."),
    ] = False,
) -> None:
    """Score actuals against the targets and print the colored report. Exit 1 when --fail-on is met."""
    from dxscore import __version__

    chosen = language(lang)
    table = output_format is TableOrJson.table
    card = score(
        actuals,
        chosen,
        history=explain,
        warned=not table,  # a table's reader sees them last, above the verdict
        pillar=pillar,
        targets=targets_paths,
        city=city,
        as_of=as_of,
        year=year,
        area=area,
        encoding=encoding,
        sheet=sheet,
    )
    if not table:
        from dxscore.render.json_report import json_chunks

        write_chunks(
            json_chunks(card.scorecard, __version__, explain=explain, warnings=card.warnings)
        )
    else:
        from dxscore.console import stdout
        from dxscore.render import terminal

        if explain:
            try:
                _explain_what_leagues_hide(card.scorecard, chosen)
            except InputError as error:
                raise InputError(error.problems, list(card.warnings)) from None
        console = stdout()
        for part in terminal.report(card.scorecard, chosen, explain=explain, all_rows=all_rows):
            console.print(part)
        console.file.flush()  # before the warnings, which go to standard error
        warn(card.warnings, chosen)
        line, _ = terminal.verdict(card.scorecard, fail_on.value, chosen, console.width)
        console.print(line)
    if card.failing(fail_on.value):
        raise typer.Exit(ExitCode.FAILED)


def _explain_what_leagues_hide(scorecard: Scorecard, lang: Lang) -> None:
    """A city with several areas is shown as league rows, which have no verdicts to explain:
    --explain then says how to see them, and is an error when it would explain nothing."""
    from dxscore.errors import problem
    from dxscore.i18n import t
    from dxscore.render.sections import league_sets

    leagued = league_sets(scorecard)
    if not leagued:
        return
    names = ", ".join(sorted(leagued))
    if all(r.area is not None and r.target_set in leagued for r in scorecard.results):
        raise InputError([problem("--explain", "explain-league", sets=names)])
    typer.echo(t("msg.explain_league", lang, sets=names), err=True)
