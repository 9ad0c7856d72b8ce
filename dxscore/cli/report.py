"""``dxscore report``: the scorecard as a document (markdown, HTML, JSON, CSV)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dxscore.cli.app import app, examples
from dxscore.cli.options import (
    ActualsArgument,
    AreaOption,
    AsOfOption,
    CityOption,
    EncodingOption,
    LangOption,
    PillarOption,
    SheetOption,
    TargetsOption,
    YearOption,
    language,
    reports_input_errors,
    score,
)
from dxscore.errors import InputError

if TYPE_CHECKING:
    from dxscore.api import Card
    from dxscore.i18n import Lang


class ReportFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
}
EXPLAINED = ("markdown", "html", "json")  # the formats with an audit trail (--explain)
WITH_HISTORY = ("markdown", "html", "xlsx")  # the formats that show every reported value


@app.command(
    epilog=examples(
        "dxscore report actuals.csv -o report.html",
        "dxscore report actuals.csv -o bao-cao.md --lang vi",
        "dxscore report actuals.csv --format json --explain > scorecard.json",
    )
)
@reports_input_errors
def report(
    actuals: ActualsArgument,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The file to write (its extension chooses the format); - for standard output.",
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="markdown|html|json|csv|xlsx",
            help="markdown, html, json, csv or xlsx (default: from the -o extension, else markdown).",
        ),
    ] = None,
    targets_paths: TargetsOption = None,
    as_of: AsOfOption = None,
    year: YearOption = None,
    pillar: PillarOption = None,
    city: CityOption = None,
    area: AreaOption = None,
    lang: LangOption = None,
    encoding: EncodingOption = None,
    sheet: SheetOption = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Markdown, HTML and JSON: the values and fit behind each verdict (an appendix).",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option("--force", help="Replace the output file even if it is not a dxscore report."),
    ] = False,
) -> None:
    """Write the scorecard as a document: markdown, self-contained HTML, JSON, CSV or an Excel workbook. Exits 0 whatever the statuses."""
    from dxscore.errors import problem
    from dxscore.output import is_a_report, write_atomic

    to_stdout = output is None or output == "-"
    chosen = output_format.value if output_format else None
    if chosen is None and not to_stdout:
        chosen = EXTENSIONS.get(Path(str(output)).suffix.lower())
        if chosen is None:
            raise InputError([problem(str(output), "unknown-format")])
    if chosen == "xlsx" and to_stdout and sys.stdout.isatty():
        raise InputError([problem("-o -", "workbook-to-terminal")])
    if explain and (chosen or "markdown") not in EXPLAINED:
        raise InputError(
            [problem("--explain", "option-unused.explain", format=chosen or "markdown")]
        )
    lang_chosen = language(lang)
    card = score(
        actuals,
        lang_chosen,
        history=explain or (chosen or "markdown") in WITH_HISTORY,
        pillar=pillar,
        targets=targets_paths,
        city=city,
        as_of=as_of,
        year=year,
        area=area,
        encoding=encoding,
        sheet=sheet,
    )
    document = render(card, chosen or "markdown", lang_chosen, explain)
    if to_stdout:
        if isinstance(document, bytes):
            sys.stdout.buffer.write(document)
            sys.stdout.flush()
        else:
            typer.echo(document, nl=False)
        return
    target = Path(str(output))
    inputs = [Path(name) for name in (*card.actuals_files, *card.target_files)]
    replaced = write_atomic(
        target,
        document if isinstance(document, bytes) else document.encode("utf-8"),
        inputs=inputs,
        replaceable=None if force else is_a_report,
    )
    from dxscore.i18n import t

    typer.echo(t("cli.replaced" if replaced else "cli.wrote", lang_chosen, path=target), err=True)


def render(card: Card, chosen: str, lang: Lang, explain: bool) -> str | bytes:
    """The document in the chosen format (a workbook as bytes)."""
    from dxscore import __version__

    scorecard = card.scorecard
    if chosen == "json":
        from dxscore.render.json_report import as_json

        return as_json(scorecard, __version__, explain=explain, warnings=card.warnings)
    if chosen == "csv":
        from dxscore.render.csv_report import as_csv

        return as_csv(scorecard, lang)
    made = card.provenance()
    if chosen == "html":
        from dxscore.render.html import as_html

        return as_html(scorecard, lang, made, explain=explain, warnings=card.warnings)
    if chosen == "xlsx":
        from dxscore.render.workbook import as_workbook

        return as_workbook(scorecard, lang, made, warnings=card.warnings)
    from dxscore.render.markdown import as_markdown

    return as_markdown(scorecard, lang, made, explain=explain, warnings=card.warnings)
