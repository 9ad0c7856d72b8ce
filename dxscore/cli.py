"""The command line: parses options and wires load → validate → score → render.

Nothing here computes or formats a result. Heavy modules (pydantic, PyYAML,
rich) are imported inside the commands that need them, so ``dxscore
--version`` costs little more than importing typer.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, ParamSpec, TypeVar

import typer

from dxscore import __version__
from dxscore.errors import ExitCode, InputError

if TYPE_CHECKING:
    from dxscore.actuals import Actuals
    from dxscore.columnar import LargeActuals
    from dxscore.errors import Problem
    from dxscore.i18n import Lang
    from dxscore.model import TargetSet
    from dxscore.provenance import Provenance
    from dxscore.scoring import Scorecard
    from dxscore.targets import LoadedTargetSet

app = typer.Typer(
    name="dxscore",
    help="Score Vietnamese cities' digital-transformation targets against measured actuals.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

PROGRESS_BYTES = 20 * 1024 * 1024  # inputs this large show a progress bar (on a terminal)
P = ParamSpec("P")
R = TypeVar("R")


def _reports_input_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn :class:`InputError` into its problems on standard error and exit code 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except InputError as error:
            from dxscore.i18n import t
            from dxscore.render.problems import as_text, count

            lang = _language(kwargs.get("lang"))
            for line in as_text(error.problems, lang):
                typer.echo(line, err=True)
            files = len({problem.file for problem in error.problems})
            typer.echo(t("cli.problems", lang, count=count(error.problems), files=files), err=True)
            raise typer.Exit(ExitCode.INVALID) from None

    return wrapper


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


class FailOn(StrEnum):
    missed = "missed"
    at_risk = "at_risk"
    never = "never"


class Pillar(StrEnum):
    overall = "overall"
    government = "government"
    economy = "economy"
    society = "society"


class LangChoice(StrEnum):
    en = "en"
    vi = "vi"


TargetsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--targets",
        "-t",
        help="Target file or folder (repeatable). Default: $DXSCORE_TARGETS, else ./targets/, else the bundled files.",
    ),
]


ActualsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Actuals files: CSV or .xlsx, long or wide layout (see the README).",
        show_default=False,
    ),
]
CityOption = Annotated[
    str | None,
    typer.Option(
        "--city",
        help="The target set (id or name) the rows are for; rows of other cities are skipped.",
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding", help="The actuals' text encoding (default: UTF-8, with or without BOM)."
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        help="The sheet of an .xlsx workbook to read (default: the first one not hidden).",
    ),
]
LangOption = Annotated[
    LangChoice | None,
    typer.Option(
        "--lang", help="Language of the report (default: from LANG/LC_ALL, else English)."
    ),
]


AsOfOption = Annotated[
    int | None,
    typer.Option(
        "--as-of",
        min=1900,
        max=2100,
        help="Judge as of this year (default: the latest year with a value).",
    ),
]
YearOption = Annotated[
    list[int] | None, typer.Option("--year", help="Only this target year (repeatable).")
]
PillarOption = Annotated[
    list[Pillar] | None, typer.Option("--pillar", help="Only this pillar (repeatable).")
]
AreaOption = Annotated[
    list[str] | None, typer.Option("--area", help="Only this area (repeatable).")
]


def _language(choice: object) -> Lang:
    """``--lang`` when given, else from the environment (LANG, LC_ALL)."""
    from dxscore.i18n import detect_lang

    return "vi" if choice == LangChoice.vi else "en" if choice == LangChoice.en else detect_lang()


def _warn(warnings: list[Problem], lang: Lang) -> None:
    from dxscore.i18n import t

    for warning in warnings:
        typer.echo(
            f"{t('warning.prefix', lang)}: {warning.render(lang, with_type=False)}", err=True
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


@app.command()
@_reports_input_errors
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Target files or folders (their *.yaml, *.yml). Default: the discovered target files."
        ),
    ] = None,
    output_format: Annotated[
        ValidateFormat,
        typer.Option(
            "--format",
            "-f",
            help="text; json (a report on standard output); github (::error annotations).",
        ),
    ] = ValidateFormat.text,
    actuals: Annotated[
        list[Path] | None,
        typer.Option(
            "--actuals",
            "-a",
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

    from dxscore.actuals import read_actuals
    from dxscore.i18n import t
    from dxscore.render import problems as render_problems
    from dxscore.targets import chosen_paths, display_name, locate_files, validate_target_files

    language = _language(lang)
    if not actuals:  # --city, --encoding and --sheet are about actuals
        _refuse_unused(city=city, encoding=encoding, sheet=sheet)
    files, missing = locate_files(chosen_paths(paths))  # reported in the chosen format
    loaded, problems = validate_target_files(files)
    problems[:0] = missing
    observations = in_actuals = 0
    # rows of a city whose target file is broken would each be an "unknown city"
    unchecked = [str(path) for path in actuals or []] if problems else []
    if unchecked:
        typer.echo(t("msg.actuals_not_checked", language, n=len(unchecked)), err=True)
    elif actuals:
        data = read_actuals(
            actuals, [item.target_set for item in loaded], city=city, encoding=encoding, sheet=sheet
        )
        problems.extend(data.problems)
        in_actuals = len(data.problems)
        observations = len(data.observations)
        _warn(data.warnings, language)
    if output_format is ValidateFormat.json:
        by_file = {item.file: item.target_set.id for item in loaded}
        names = [problem.file for problem in missing] + [display_name(path) for path in files]
        names += [str(path) for path in actuals or []]
        typer.echo(
            render_problems.as_json(
                [(name, by_file.get(name)) for name in names],
                problems,
                __version__,
                unchecked=unchecked,
            )
        )
    elif output_format is ValidateFormat.github:
        # an actuals problem's column counts fields (or sheet columns), GitHub's counts
        # characters: the annotation keeps the line, and the message names the column
        first = len(problems) - in_actuals
        annotated = [*problems[:first], *(replace(p, col=None) for p in problems[first:])]
        for line in render_problems.as_github(annotated, language):
            typer.echo(line)
    else:
        for line in render_problems.as_text(problems, language):
            typer.echo(line, err=True)
    if problems:
        bad = len({problem.file for problem in problems})
        total = len(missing) + len(files) + len(actuals or [])
        found = render_problems.count(problems)
        typer.echo(t("cli.invalid", language, count=found, bad=bad, total=total), err=True)
        raise typer.Exit(ExitCode.INVALID)
    summary = ", ".join(
        t(
            "cli.targets_count",
            language,
            id=item.target_set.id,
            count=sum(len(ind.targets) for _, ind in item.target_set.indicators()),
        )
        for item in loaded
    )
    typer.echo(t("cli.valid_targets", language, count=len(loaded), summary=summary), err=True)
    if actuals:
        typer.echo(
            t("cli.valid_actuals", language, count=len(actuals), observations=observations),
            err=True,
        )


@app.command()
@_reports_input_errors
def targets(
    set_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="A target set id (hanoi, haiphong, …).")
    ] = None,
    targets_paths: TargetsOption = None,
    output_format: Annotated[TableOrJson, typer.Option("--format", "-f")] = TableOrJson.table,
    lang: LangOption = None,
) -> None:
    """List the target sets, or one set's pillars, indicators and targets."""
    import json

    from dxscore.console import stdout
    from dxscore.render import targets_view

    loaded = _load_targets(targets_paths)
    if set_id is not None:
        chosen = _pick(loaded, set_id)
        if output_format is TableOrJson.json:
            typer.echo(chosen.model_dump_json(indent=2, exclude_none=True))
            return
        for part in targets_view.detail(chosen, _language(lang)):
            stdout().print(part)
        return
    if output_format is TableOrJson.json:
        data = [item.target_set.model_dump(mode="json", exclude_none=True) for item in loaded]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    sets = [(item.target_set, item.file) for item in loaded]
    stdout().print(targets_view.overview(sets, _language(lang)))


@app.command()
@_reports_input_errors
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
            help="Exit 1 when a target is this bad or worse (missed is worse than at_risk).",
        ),
    ] = FailOn.missed,
    output_format: Annotated[TableOrJson, typer.Option("--format", "-f")] = TableOrJson.table,
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
) -> None:
    """Score actuals against the targets and print the colored report. Exit 1 when --fail-on is met."""
    language = _language(lang)
    scorecard, _ = _score(
        actuals,
        targets_paths,
        as_of,
        year,
        pillar,
        city,
        area,
        encoding,
        sheet,
        language,
        history=explain,
    )
    if output_format is TableOrJson.json:
        from dxscore.render.json_report import json_chunks

        _write_chunks(json_chunks(scorecard, __version__, explain=explain))
    else:
        from dxscore.console import stdout
        from dxscore.render import terminal

        if explain:
            _explain_what_leagues_hide(scorecard, language)
        console = stdout()
        for part in terminal.report(scorecard, language, explain=explain):
            console.print(part)
        line, _ = terminal.verdict(scorecard, fail_on.value, language)
        console.print(line)
    if scorecard.failing(fail_on.value):
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


class ReportFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".csv": "csv",
    ".xlsx": "xlsx",
}
_EXPLAINED = ("markdown", "html", "json")  # the formats with an audit trail (--explain)
_WITH_HISTORY = ("markdown", "html", "xlsx")  # the formats that show every reported value


@app.command()
@_reports_input_errors
def report(
    actuals: ActualsArgument,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="The file to write (its extension chooses the format); - for standard output.",
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
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
        chosen = _EXTENSIONS.get(Path(str(output)).suffix.lower())
        if chosen is None:
            raise InputError([problem(str(output), "unknown-format")])
    if chosen == "xlsx" and to_stdout and sys.stdout.isatty():
        raise InputError([problem("-o -", "workbook-to-terminal")])
    if explain and (chosen or "markdown") not in _EXPLAINED:
        raise InputError(
            [problem("--explain", "option-unused.explain", format=chosen or "markdown")]
        )
    language = _language(lang)
    scorecard, loaded = _score(
        actuals,
        targets_paths,
        as_of,
        year,
        pillar,
        city,
        area,
        encoding,
        sheet,
        language,
        history=explain or (chosen or "markdown") in _WITH_HISTORY,
    )
    from dxscore.provenance import provenance

    scored = {ts.id for ts in scorecard.target_sets}
    made = provenance(
        actuals, [item.file for item in loaded if item.target_set.id in scored], __version__
    )
    document = _render_document(scorecard, chosen or "markdown", language, explain, made)
    if to_stdout:
        if isinstance(document, bytes):
            sys.stdout.buffer.write(document)
            sys.stdout.flush()
        else:
            typer.echo(document, nl=False)
        return
    target = Path(str(output))
    inputs = [*actuals, *(Path(item.file) for item in loaded)]
    replaced = write_atomic(
        target,
        document if isinstance(document, bytes) else document.encode("utf-8"),
        inputs=inputs,
        replaceable=None if force else is_a_report,
    )
    from dxscore.i18n import t

    typer.echo(t("cli.replaced" if replaced else "cli.wrote", language, path=target), err=True)


class CompareFormat(StrEnum):
    table = "table"
    markdown = "markdown"
    json = "json"


@app.command()
@_reports_input_errors
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
    from dxscore.console import stdout
    from dxscore.render import compare as render_compare
    from dxscore.scoring import score

    language = _language(lang)
    if not actuals:
        _refuse_unused(encoding=encoding, sheet=sheet)
    loaded = _load_targets(targets_paths)
    observations = []
    if actuals:
        from dxscore.actuals import Actuals

        data = _read_actuals(actuals, loaded, None, encoding, sheet, language, history=True)
        assert isinstance(data, Actuals)  # history=True: the reference reader
        sets = [item.target_set for item in loaded]
        span = _reported_span(actuals, data)
        _check_filters(sets, data, span, None, None, as_of)
        # as of the latest reported year, as `check` judges the same files, areas included
        as_of = as_of if as_of is not None else span[1]
        # cities side by side: their city-wide values; an area's are said to be left out
        observations = [o for o in data.observations if o.area is None]
        if not observations:
            from dxscore.errors import problem

            names = ", ".join(str(path) for path in actuals)
            raise InputError([problem(names, "compare-areas-only")])
        if len(observations) < len(data.observations):
            from dxscore.i18n import t

            skipped = len(data.observations) - len(observations)
            typer.echo(t("msg.compare_areas", language, n=skipped), err=True)
    with_data = {o.target_set for o in observations}
    sets = sorted(
        (item.target_set for item in loaded), key=lambda ts: (ts.id not in with_data, ts.id)
    )
    view = render_compare.comparison(score(sets, observations, as_of=as_of, areas=[None]))
    if output_format is CompareFormat.json:
        typer.echo(render_compare.as_json(view, __version__), nl=False)
    elif output_format is CompareFormat.markdown:
        typer.echo(render_compare.as_markdown(view, language), nl=False)
    else:
        console = stdout()
        for part in render_compare.as_table(view, language):
            console.print(part)


def _write_chunks(chunks: Iterable[str]) -> None:
    """Write a document to standard output as it is made, in batches (a large one never sits whole in memory)."""
    write = sys.stdout.write
    batch: list[str] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) == 4096:
            write("".join(batch))
            batch.clear()
    write("".join(batch))
    sys.stdout.flush()


def _render_document(
    scorecard: Scorecard, chosen: str, lang: Lang, explain: bool, made: Provenance
) -> str | bytes:
    if chosen == "html":
        from dxscore.render.html import as_html

        return as_html(scorecard, lang, made, explain=explain)
    if chosen == "xlsx":
        from dxscore.render.workbook import as_workbook

        return as_workbook(scorecard, lang, made)
    if chosen == "json":
        from dxscore.render.json_report import as_json

        return as_json(scorecard, __version__, explain=explain)
    if chosen == "csv":
        from dxscore.render.csv_report import as_csv

        return as_csv(scorecard, lang)
    from dxscore.render.markdown import as_markdown

    return as_markdown(scorecard, lang, made, explain=explain)


def _score(
    actuals: list[Path],
    targets_paths: list[Path] | None,
    as_of: int | None,
    years: list[int] | None,
    pillars: list[Pillar] | None,
    city: str | None,
    areas: list[str] | None,
    encoding: str | None,
    sheet: str | None,
    lang: Lang,
    *,
    history: bool,
) -> tuple[Scorecard, list[LoadedTargetSet]]:
    """Load, read, check the filters and score: the pipeline ``check`` and ``report`` share.

    ``history``: the output shows the observations behind each verdict (see _read_actuals).
    """
    import unicodedata

    from dxscore.scoring import score_series

    loaded = _load_targets(targets_paths)
    data = _read_actuals(actuals, loaded, city, encoding, sheet, lang, history=history)
    wanted = [city] if city else data.named_sets
    sets = [
        item.target_set for item in loaded if item.target_set.id in _resolve_ids(loaded, wanted)
    ]
    span = _reported_span(actuals, data)
    _check_filters(sets, data, span, years, areas, as_of)
    as_of = as_of if as_of is not None else span[1]
    series = data.series(as_of)
    data.close()
    scorecard = score_series(
        sets,
        series,
        as_of=as_of,
        years=years,
        pillars=[p.value for p in pillars] if pillars else None,
        areas=[unicodedata.normalize("NFC", a.strip()) for a in areas] if areas else None,
    )
    if years or pillars or areas:
        _refuse_or_name_unscored(sets, scorecard, years, pillars, areas, lang)
    if data.not_reported:
        from dxscore.i18n import t

        typer.echo(t("msg.not_reported", lang, n=data.not_reported), err=True)
    return scorecard, loaded


def _refuse_or_name_unscored(
    sets: list[TargetSet],
    scorecard: Scorecard,
    years: list[int] | None,
    pillars: list[Pillar] | None,
    areas: list[str] | None,
    lang: Lang,
) -> None:
    """Filters that leave nothing to score, or no reported value to check, are an error (a CI
    gate must not pass by checking nothing); filters that leave a city of the actuals with
    nothing scored or nothing reported are named on standard error, so that none drops out
    silently."""
    from dxscore.errors import problem
    from dxscore.i18n import t

    given = [("--year", str(y)) for y in years or []]
    given += [("--pillar", p.value) for p in pillars or []]
    given += [("--area", a) for a in areas or []]
    filters = " ".join(f"{option} {value}" for option, value in given)
    scored = {result.target_set for result in scorecard.results}
    checked = {r.target_set for r in scorecard.results if r.status != "no_data"}
    option = "--pillar" if pillars else "--area" if areas else "--year"
    if not scored and (years or pillars):
        raise InputError([problem(option, "nothing-to-score", filters=filters)])
    if not checked:
        raise InputError([problem(option, "nothing-to-check", filters=filters)])
    for target_set in sets:
        if target_set.id not in scored:
            typer.echo(t("msg.not_scored", lang, set=target_set.id, filters=filters), err=True)
        elif target_set.id not in checked:
            typer.echo(t("msg.not_checked", lang, set=target_set.id, filters=filters), err=True)


def _refuse_unused(
    *, city: str | None = None, encoding: str | None = None, sheet: str | None = None
) -> None:
    """An actuals option given with no actuals file to apply to is a mistake, not a no-op."""
    from dxscore.actuals import unused_options
    from dxscore.errors import problem

    problems = unused_options([], sheet, encoding)
    if city is not None:
        problems.append(problem("--city", "option-unused"))
    if problems:
        raise InputError(problems)


def _reported_span(paths: list[Path], data: Actuals | LargeActuals) -> tuple[int, int]:
    """The first and last year with a reported value; none at all (an empty template, or only
    rows of other cities) is an error: a check of nothing must not pass a CI gate."""
    span = data.years()
    if span is None:
        from dxscore.errors import problem

        names = ", ".join(str(path) for path in paths)
        raise InputError(
            [problem(names, "nothing-reported", rows=data.rows, empty=data.not_reported)]
        )
    return span


def _unknown_area(area: str, known: set[str]) -> Problem:
    """The area closest to what was typed (accents and case aside), or the first ten."""
    import difflib

    from dxscore.errors import problem
    from dxscore.model import loose_word

    by_loose = {loose_word(name): name for name in sorted(known, reverse=True)}
    close = difflib.get_close_matches(loose_word(area), list(by_loose), n=1, cutoff=0.8)
    if close:
        return problem("--area", "unknown-area.close", area=area, close=by_loose[close[0]])
    listed = ", ".join(sorted(known)[:10])
    if len(known) > 10:
        return problem("--area", "unknown-area.many", area=area, areas=listed, more=len(known) - 10)
    return problem("--area", "unknown-area", area=area, areas=listed)


def _resolve_ids(loaded: list[LoadedTargetSet], names: list[str]) -> set[str]:
    from dxscore.actuals import resolve_city

    sets = [item.target_set for item in loaded]
    return {found for name in names if (found := resolve_city(sets, name))}


@contextlib.contextmanager
def _progress_bar(paths: list[Path]) -> Iterator[Callable[[str, int], None] | None]:
    """A progress bar on standard error for large inputs, only when standard error is a terminal."""
    total = sum(p.stat().st_size for p in paths if p.is_file())
    if not sys.stderr.isatty() or total < PROGRESS_BYTES:
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    from dxscore.console import stderr

    done: dict[str, int] = {}
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=stderr(),
        transient=True,
    ) as bar:
        task = bar.add_task("reading", total=total)

        def advance(file: str, position: int) -> None:
            done[file] = position
            bar.update(task, completed=sum(done.values()))

        yield advance


@contextlib.contextmanager
def _spinner(paths: list[Path], message: str) -> Iterator[None]:
    """A spinner on standard error while a large input is read in one go (no bar: DuckDB
    does not say how far it is), only when standard error is a terminal."""
    total = sum(p.stat().st_size for p in paths if p.is_file())
    if not sys.stderr.isatty() or total < PROGRESS_BYTES:
        yield
        return
    from dxscore.console import stderr

    with stderr().status(message):
        yield


def _check_filters(
    sets: list[TargetSet],
    data: Actuals | LargeActuals,
    span: tuple[int, int] | None,
    years: list[int] | None,
    areas: list[str] | None,
    as_of: int | None,
) -> None:
    """A --year or --area that matches nothing is a mistake, not an empty success."""
    import unicodedata

    from dxscore.errors import problem

    problems = []
    known_years = sorted({y for ts in sets for y in ts.target_years()})
    for year in years or []:
        if year not in known_years:
            listed = ", ".join(map(str, known_years))
            problems.append(problem("--year", "unknown-year", year=year, years=listed))
    known_areas = data.areas() if areas else set()
    for area in areas or []:
        if not known_areas:
            problems.append(problem("--area", "unknown-area.none"))
            break
        if unicodedata.normalize("NFC", area.strip()) not in known_areas:
            problems.append(_unknown_area(area, known_areas))
    if as_of is not None and span is not None and as_of < span[0]:
        problems.append(problem("--as-of", "no-data-as-of", year=as_of, earliest=span[0]))
    if problems:
        raise InputError(problems)


def _read_actuals(
    paths: list[Path],
    loaded: list[LoadedTargetSet],
    city: str | None,
    encoding: str | None,
    sheet: str | None,
    lang: Lang,
    *,
    history: bool = True,
) -> Actuals | LargeActuals:
    """Read and validate actuals; problems raise, warnings go to standard error.

    ``history``: keep every observation (``--explain`` and HTML charts show them); without
    it, a large clean CSV file is read by DuckDB (:mod:`dxscore.columnar`).
    """
    from dxscore.actuals import read_actuals

    if not history and sheet is None:
        from dxscore.columnar import read_large
        from dxscore.i18n import t

        with _spinner(paths, t("cli.reading-large", lang)):
            large = read_large(
                paths, [item.target_set for item in loaded], city=city, encoding=encoding
            )
        if large is not None:
            return large
    with _progress_bar(paths) as progress:
        data = read_actuals(
            paths,
            [item.target_set for item in loaded],
            city=city,
            encoding=encoding,
            sheet=sheet,
            progress=progress,
        )
    _warn(data.warnings, lang)  # an unused column is named whether or not the file has errors
    if data.problems:
        raise InputError(data.problems)
    return data


@app.command()
def schema(
    report: Annotated[
        bool, typer.Option("--report", help="The schema of the JSON report instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of the target-file format (or, with --report, of the JSON report)."""
    from dxscore.schema import report_schema, target_file_schema

    typer.echo(report_schema() if report else target_file_schema(), nl=False)


@app.command()
@_reports_input_errors
def template(
    set_id: Annotated[
        str, typer.Argument(metavar="ID", help="The target set to write a template for.")
    ],
    targets_paths: TargetsOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (UTF-8 with BOM, for Excel) instead of standard output.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
) -> None:
    """Write a blank actuals CSV: every indicator × target year, values left empty to fill in."""
    from dxscore.output import write_atomic
    from dxscore.render.template import actuals_template

    if output is not None and output.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
        from dxscore.errors import problem

        raise InputError([problem("--output", "template-not-csv", path=output)])
    loaded = _load_targets(targets_paths)
    chosen = _pick(loaded, set_id)
    text = actuals_template(chosen)
    if output is None or str(output) == "-":
        typer.echo(text, nl=False)
        return
    inputs = [Path(item.file) for item in loaded]
    replaced = write_atomic(output, text.encode("utf-8-sig"), inputs=inputs, overwrite=force)
    from dxscore.i18n import t

    typer.echo(
        t("cli.replaced" if replaced else "cli.wrote", _language(None), path=output), err=True
    )


def _load_targets(paths: list[Path] | None) -> list[LoadedTargetSet]:
    from dxscore.targets import find_target_files, load_target_sets

    return load_target_sets(find_target_files(paths))


def _pick(loaded: list[LoadedTargetSet], set_id: str) -> TargetSet:
    for item in loaded:
        if item.target_set.id == set_id:
            return item.target_set
    import difflib

    from dxscore.errors import problem

    known = [item.target_set.id for item in loaded]
    close = difflib.get_close_matches(set_id, known, n=1)
    listed = ", ".join(known) or "–"
    if close:
        raise InputError(
            [problem(set_id, "unknown-target-set.close", close=close[0], known=listed)]
        )
    raise InputError([problem(set_id, "unknown-target-set", known=listed)])


def main() -> None:
    """The console script: the app, with Ctrl-C, a closed pipe and bugs ending cleanly."""
    import signal

    if hasattr(signal, "SIGPIPE"):  # `dxscore … | head` ends quietly, as Unix tools do (csvkit too)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    _utf8_streams()
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:  # `2>&-`: messages are not wanted, as with 2>/dev/null
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115  # until exit
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitCode.OK)
    except OSError as error:  # writing the output failed: a full disk, a closed terminal
        output_failed(error)
    except Exception as error:  # a bug: one line, and the traceback only on request
        from dxscore.i18n import t

        if os.environ.get("DXSCORE_DEBUG"):
            raise
        detail = " ".join(str(error).split())
        bug = t("cli.internal_error", _argv_language())
        sys.stderr.write(f"dxscore: {bug}: {type(error).__name__}: {detail}\n")
        sys.exit(ExitCode.INTERNAL)


def output_failed(error: OSError) -> NoReturn:
    """Writing the output failed (a full disk, a closed standard output): say so, exit 2."""
    from dxscore.i18n import problem_text

    reason = problem_text(
        "output-failed", _argv_language(), {"reason": error.strerror or str(error)}
    )
    if sys.stdout is not None:
        _silence_stdout()  # what is left in its buffer cannot fail again at exit
    try:
        sys.stderr.write(f"dxscore: {reason}\n")
        sys.stderr.flush()
    except (AttributeError, OSError):  # standard error is closed or full too: the code says it
        sys.stderr = None  # nothing left to flush at exit
    sys.exit(ExitCode.INVALID)


class _ClosedOutput(io.TextIOBase):
    """Standard output when the run started with it closed (``>&-``): writing to it fails as
    writing to a full disk does, with a message and exit 2."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


def _utf8_streams() -> None:
    """What goes to a file or a pipe is UTF-8, whatever the locale: a document (JSON, CSV,
    markdown, HTML) says it is, and Vietnamese needs it (Windows writes a redirected stream in
    its code page, where 'ộ' does not exist). A terminal keeps its encoding, and a character it
    cannot show becomes '?' instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper) or stream.encoding.lower() in ("utf-8", "utf8"):
            continue
        if stream.isatty():
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8")


def _argv_language() -> Lang:
    """The language of a message written after typer is done: --lang if given, else LANG."""
    args = sys.argv[1:]
    for index, arg in enumerate(args):
        chosen = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
        if chosen in ("en", "vi"):
            return "vi" if chosen == "vi" else "en"
    return _language(None)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the final flush cannot fail."""
    try:
        out = sys.stdout.fileno()
    except (OSError, ValueError):  # a stream without a file behind it has nothing to flush
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, out)


if __name__ == "__main__":  # pragma: no cover
    main()
