"""What the commands share: their options, the language, warnings, and how input errors end."""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from dxscore.errors import ExitCode, InputError

if TYPE_CHECKING:
    from dxscore.api import Card
    from dxscore.errors import Problem
    from dxscore.i18n import Lang

PROGRESS_BYTES = 20 * 1024 * 1024  # inputs this large show progress (on a terminal)
P = ParamSpec("P")
R = TypeVar("R")


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


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


TargetsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--targets",
        "-t",
        metavar="PATH",
        help="Target file or folder (repeatable). Default: $DXSCORE_TARGETS, else ./targets/, else the bundled files.",
    ),
]
ActualsArgument = Annotated[
    list[Path],
    typer.Argument(
        metavar="FILE",
        help="Actuals files: CSV or .xlsx, long or wide layout; - reads standard input.",
        show_default=False,
    ),
]
CityOption = Annotated[
    str | None,
    typer.Option(
        "--city",
        metavar="CITY",
        help="The target set (id or name) the rows are for; rows of other cities are skipped.",
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        metavar="ENCODING",
        help="The actuals' text encoding (default: UTF-8, with or without BOM).",
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option(
        "--sheet",
        metavar="SHEET",
        help="The sheet of an .xlsx workbook to read (default: the first one not hidden).",
    ),
]
LangOption = Annotated[
    LangChoice | None,
    typer.Option(
        "--lang",
        metavar="en|vi",
        help="Language of the report (default: from LANG/LC_ALL, else English).",
    ),
]
AsOfOption = Annotated[
    int | None,
    typer.Option(
        "--as-of",
        metavar="YEAR",
        min=1900,
        max=2100,
        help="Judge as of this year (default: the latest year with a value).",
    ),
]
YearOption = Annotated[
    list[int] | None,
    typer.Option("--year", metavar="YEAR", help="Only this target year (repeatable)."),
]
PillarOption = Annotated[
    list[Pillar] | None,
    typer.Option(
        "--pillar",
        metavar="PILLAR",
        help="Only this pillar: overall, government, economy or society (repeatable).",
    ),
]
AreaOption = Annotated[
    list[str] | None,
    typer.Option(
        "--area",
        metavar="AREA",
        help="Only this district or commune, written with or without accents (repeatable).",
    ),
]


def language(choice: object) -> Lang:
    """``--lang`` when given, else from the environment (LANG, LC_ALL)."""
    from dxscore.i18n import detect_lang

    return "vi" if choice == LangChoice.vi else "en" if choice == LangChoice.en else detect_lang()


def pillar_names(pillars: Iterable[Pillar] | None) -> list[str] | None:
    return [p.value for p in pillars] if pillars else None


def warn(warnings: Iterable[Problem], lang: Lang) -> None:
    """Each warning on standard error, as ``warning: FILE:LINE:COL: message``."""
    from dxscore.i18n import t

    for warning in warnings:
        typer.echo(
            f"{t('warning.prefix', lang)}: {warning.render(lang, with_type=False)}", err=True
        )


def reports_input_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn :class:`InputError` into its warnings and problems on standard error, and exit 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except InputError as error:
            from dxscore.i18n import t
            from dxscore.render.problems import as_text, count

            lang = language(kwargs.get("lang"))
            warn(error.warnings, lang)
            for line in as_text(error.problems, lang):
                typer.echo(line, err=True)
            files = len({problem.file for problem in error.problems})
            typer.echo(t("cli.problems", lang, count=count(error.problems), files=files), err=True)
            raise typer.Exit(ExitCode.INVALID) from None

    return wrapper


@contextlib.contextmanager
def progress_shown(
    paths: Iterable[Path], lang: Lang
) -> Iterator[Callable[[str, int], None] | None]:
    """Progress on standard error while large inputs are read, only when standard error is a
    terminal: a spinner (DuckDB does not say how far it is) and a bar that the reference reader
    advances."""
    files = [p for p in paths if str(p) != "-" and p.is_file()]
    total = sum(p.stat().st_size for p in files)
    if not sys.stderr.isatty() or total < PROGRESS_BYTES:
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, Progress, SpinnerColumn

    from dxscore.console import stderr
    from dxscore.i18n import t

    done: dict[str, int] = {}
    with Progress(
        SpinnerColumn(),
        "[progress.description]{task.description}",
        BarColumn(),
        DownloadColumn(),
        console=stderr(),
        transient=True,
    ) as bar:
        task = bar.add_task(t("cli.reading", lang), total=total)

        def advance(file: str, position: int) -> None:
            done[file] = position
            bar.update(task, completed=sum(done.values()))

        yield advance


def score(
    actuals: list[Path],
    lang: Lang,
    *,
    history: bool,
    pillar: list[Pillar] | None,
    warned: bool = True,
    **options: Any,
) -> Card:
    """``check``'s and ``report``'s call of the library, with progress shown for a large input
    and the warnings said (unless not ``warned``: the caller says them after its report, where
    they do not scroll away); ``options`` are :func:`dxscore.score`'s, as the command took them."""
    from dxscore import api

    with progress_shown(actuals, lang) as progress:
        card = api.score(
            actuals, pillar=pillar_names(pillar), history=history, progress=progress, **options
        )
    if warned:
        warn(card.warnings, lang)
    return card


def write_chunks(chunks: Iterable[str]) -> None:
    """Write a document to standard output as it is made, in batches (a large one never sits
    whole in memory)."""
    write = sys.stdout.write
    batch: list[str] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) == 4096:
            write("".join(batch))
            batch.clear()
    write("".join(batch))
    sys.stdout.flush()
