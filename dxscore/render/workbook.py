"""The scorecard as an Excel workbook, for the offices that live in Excel.

Sheets: the summary (the score and counts per target set and target year, the targets furthest
behind with the resolution's words, what the report was made from and the warnings about its
input), every result, every
reported value, and the league of areas when there are areas. Numbers are numbers: a
percentage is stored as Excel stores one (55% is 0.55, formatted ``0%``), so that a reader can
compute with it as with any percentage typed into Excel, a rank is 6 formatted ``#6``. Each
data sheet has its header frozen and a filter; a status is a word and a cell color. Rows are
streamed (openpyxl's write-only mode), so a report of a hundred thousand results stays small
in memory.

The zip is written the same way every time (its entries dated by the report's date, the
document properties first and uncompressed), so the workbook is reproducible and
:func:`is_a_workbook_report` can tell a dxscore workbook from its first bytes.
"""

from __future__ import annotations

import datetime
import io
import itertools
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from dxscore.errors import Problem
from dxscore.i18n import Lang, t
from dxscore.model import PILLARS, PillarKey
from dxscore.observations import Observation, Value
from dxscore.provenance import Provenance
from dxscore.render import wording
from dxscore.render.sections import (
    heading,
    made_from,
    overviews,
    parts,
    total_label,
    warnings_about_input,
)
from dxscore.scoring import STATUSES, Result, Scorecard, Status, league_tables, shown_score

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

CREATOR = "dxscore"
ROWS_PER_SHEET = 1_048_576 - 1  # Excel's rows, less the header: more go on a sheet "… 2"
_PIECE = 1 << 20
FIRST_ENTRY = "docProps/core.xml"
MARK = f"<dc:creator>{CREATOR}</dc:creator>".encode()
_PERCENTS = ("percent", "percent_per_year", "percent_change")
# Excel's own "Good", "Neutral" and "Bad" styles, and a blue and a grey in the same manner
_STATUS_STYLE: dict[Status, tuple[str, str]] = {
    "achieved": ("C6EFCE", "006100"),
    "on_track": ("DDEBF7", "1F4E79"),
    "at_risk": ("FFEB9C", "9C5700"),
    "missed": ("FFC7CE", "9C0006"),
    "no_data": ("EDEDED", "595959"),
}


def as_workbook(
    scorecard: Scorecard, lang: Lang, provenance: Provenance, *, warnings: Sequence[Problem] = ()
) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    writer = _Writer(book, lang)
    _summary(writer, scorecard, provenance, warnings)
    _results(writer, scorecard)
    _observations(writer, scorecard, provenance)
    if any(part.leagues for part in parts(scorecard)):
        _league(writer, scorecard)
    made = provenance.made.astimezone(datetime.UTC).replace(tzinfo=None)
    book.properties.creator = CREATOR
    book.properties.lastModifiedBy = CREATOR
    book.properties.created = made
    book.properties.modified = made
    book.properties.description = f"dxscore {provenance.version}"
    book.properties.language = lang
    buffer = io.BytesIO()
    book.save(buffer)
    return _reproducible(buffer.getvalue(), made)


def is_a_workbook_report(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a workbook dxscore wrote: a zip whose first
    entry is its document properties, stored as written, naming dxscore as the creator."""
    name = FIRST_ENTRY.encode()
    return (
        head.startswith(b"PK\x03\x04")
        and head[8:10] == b"\x00\x00"  # stored, not compressed
        and head[30 : 30 + len(name)] == name
        and MARK in head
    )


def _reproducible(data: bytes, made: datetime.datetime) -> bytes:
    """The same zip, its entries dated ``made`` (not the clock's now) and the document
    properties first and stored uncompressed (so the first bytes say who wrote it)."""
    stamp = (max(1980, made.year), made.month, made.day, made.hour, made.minute, made.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    ordered = [FIRST_ENTRY, *(n for n in names if n != FIRST_ENTRY)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_STORED if name == FIRST_ENTRY else zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            if name == FIRST_ENTRY:  # openpyxl dates the save itself: the report's date instead
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + made.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    source.read(name),
                )
                target.writestr(info, content)
                continue
            # a sheet of a large report is hundreds of MiB of XML: copied a piece at a time
            with source.open(name) as piece, target.open(info, "w") as copy:
                shutil.copyfileobj(piece, copy, _PIECE)
    return out.getvalue()


class _Writer:
    """Cells with their formats and styles, made once and shared."""

    def __init__(self, book: Workbook, lang: Lang) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.book = book
        self.lang = lang
        self.bold = Font(bold=True)
        self.title = Font(bold=True, size=14)
        self.header_fill = PatternFill("solid", fgColor="F2F2F2")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.status_fill = {
            s: PatternFill("solid", fgColor=f) for s, (f, _) in _STATUS_STYLE.items()
        }
        self.status_font = {s: Font(color=c, bold=True) for s, (_, c) in _STATUS_STYLE.items()}
        self.sheet: Any = None

    def new_sheet(self, key: str, widths: list[float], *, number: int = 1) -> Any:
        from openpyxl.utils import get_column_letter

        title = t(key, self.lang) + (f" {number}" if number > 1 else "")
        # Any: the stubs leave out what a write-only sheet has (column_dimensions, auto_filter)
        sheet: Any = self.book.create_sheet(title)
        for index, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        self.sheet = sheet
        return sheet

    def cell(self, value: Any, number_format: str | None = None, **style: Any) -> Any:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.sheet, value=value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text from an input file is shown, never run as a formula
        if number_format:
            cell.number_format = number_format
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    def text(self, value: str | None) -> Any:
        if not value:
            return None
        return self.cell(value) if value.startswith("=") else value

    def header(self, keys: list[str]) -> list[Any]:
        return [self.cell(t(key, self.lang), font=self.bold, fill=self.header_fill) for key in keys]

    def status(self, status: Status) -> Any:
        return self.cell(
            wording.status(status, self.lang),
            fill=self.status_fill[status],
            font=self.status_font[status],
        )

    def quantity(self, value: Value | None, unit: str, *, places: int | None = None) -> Any:
        """A value of the unit as a number with its format (a milestone: its word)."""
        if value is None:
            return None
        if isinstance(value, bool):
            return wording.value(value, unit, self.lang)
        if unit in _PERCENTS:
            shown = round(value, 4 if places is None else places)
            return self.cell(round(shown / 100, 8), _format("0", _decimals(shown), "%"))
        if unit == "rank":
            return self.cell(value, _format('"#"0', _decimals(value, places), ""))
        return self.cell(value, _format("#,##0", _decimals(value, places), ""))

    def fraction(self, value: float | None) -> Any:
        return None if value is None else self.cell(round(value, 4), "0%")

    def score(self, value: float | None) -> Any:
        """A score as every document shows it (to a tenth, never 100.0 short of 100)."""
        shown = shown_score(value)
        return None if shown is None else self.cell(shown, "0.0")


def _decimals(value: float, places: int | None = None) -> int:
    """How many decimals show the value as written (at most four, or ``places``)."""
    limit = 4 if places is None else places
    text = f"{round(value, limit):.{limit}f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _format(whole: str, decimals: int, suffix: str) -> str:
    return whole + ("." + "0" * decimals if decimals else "") + suffix


def _summary(
    writer: _Writer, scorecard: Scorecard, provenance: Provenance, warnings: Sequence[Problem]
) -> None:
    lang = writer.lang
    sheet = writer.new_sheet("sheet.summary", [26, 18, 14, 12, 12, 12, 12, 12, 12, 12, 60])
    shown = parts(scorecard)
    if shown:
        head = heading(shown[0].target_set, scorecard.as_of, lang, provenance.version)
        names = ", ".join(part.target_set.name.in_lang(lang) for part in shown)
        sheet.append([writer.cell(t("report.title", lang, city=names), font=writer.title)])
        for part in shown:
            sheet.append([writer.text(part.target_set.resolution.title.in_lang(lang))])
        sheet.append([head.meta])
    sheet.append([])
    # the score and counts per target set (and area) and target year
    sheet.append(
        writer.header(
            [
                "col.target_set",
                "col.area",
                "col.target_year",
                "col.pillar",
                "col.score",
                "col.coverage",
            ]
        )
        + [
            writer.cell(
                wording.status(status, lang),
                font=writer.status_font[status],
                fill=writer.status_fill[status],
            )
            for status in STATUSES
        ]
    )
    entries = overviews(scorecard)
    sections = {
        (section.target_set.id, section.area): section for part in shown for section in part.reports
    }
    for entry in entries:
        name = entry.target_set.name.in_lang(lang)
        if entry.ranked_areas:
            sheet.append(
                [
                    writer.text(name),
                    t("overview.areas", lang, n=entry.ranked_areas),
                    entry.target_year,
                    None,
                    None,
                    None,
                    *(entry.counts[status] for status in STATUSES),
                ]
            )
            continue
        section = sections[(entry.target_set.id, entry.area)]
        for pillar in (None, *PILLARS):
            row = section.summary_row(pillar, entry.target_year)
            if row is None:
                continue
            label = total_label(lang) if pillar is None else t("pillar." + pillar, lang)
            sheet.append(
                [
                    writer.text(name),
                    writer.text(entry.area),
                    entry.target_year,
                    writer.cell(label, font=writer.bold) if pillar is None else label,
                    writer.score(row.score),
                    writer.fraction(row.coverage),
                    *(row.counts[status] for status in STATUSES),
                ]
            )
    # the targets furthest behind
    sheet.append([])
    sheet.append([writer.cell(t("overview.behind", lang), font=writer.bold)])
    sheet.append(
        writer.header(
            [
                "col.target_set",
                "col.area",
                "col.target_year",
                "col.indicator",
                "col.actual_value",
                "col.actual_year",
                "col.target",
                "col.status",
                "col.attainment",
                "col.estimate",
                "col.quote",
            ]
        )
    )
    behind = [(entry, result) for entry in entries for result in entry.behind]
    for entry, result in behind:
        unit = result.indicator.unit
        sheet.append(
            [
                writer.text(entry.target_set.name.in_lang(lang)),
                writer.text(result.area),
                result.target_year,
                writer.text(result.indicator.name.in_lang(lang)),
                writer.quantity(result.actual, unit),
                result.actual_year,
                wording.target(result.target, unit, lang),
                writer.status(result.status),
                writer.fraction(result.attainment),
                t("yes", lang) if result.estimate else None,
                writer.cell(" ".join(result.indicator.quote.split()), alignment=writer.wrap),
            ]
        )
    if not behind:
        sheet.append([t("overview.none_behind", lang)])
    # what the report was made from
    sheet.append([])
    sheet.append([writer.cell(t("made.heading", lang), font=writer.bold)])
    for label, value in made_from(provenance, scorecard, lang):
        if isinstance(value, str):
            sheet.append([label, writer.text(value)])
            continue
        for index, (path, sha) in enumerate(value):
            sheet.append([label if index == 0 else None, writer.text(path), None, None, sha])
    # what was said reading the input: where, and what
    listed = warnings_about_input(warnings, lang)
    if listed:
        sheet.append([])
        sheet.append([writer.cell(t("made.warnings", lang), font=writer.bold)])
        sheet.append([t("made.warnings_intro", lang)])
        for where, what in listed:
            sheet.append([writer.text(where), writer.text(what)])


_RESULT_COLUMNS = [
    "col.target_set",
    "col.area",
    "col.target_year",
    "col.pillar",
    "col.indicator",
    "col.indicator_id",
    "col.unit",
    "col.target",
    "col.target_value",
    "col.actual_value",
    "col.actual_year",
    "col.estimate",
    "col.projected",
    "col.attainment",
    "col.status",
    "col.awaiting",
    "col.note",
    "col.source",
]


def _results(writer: _Writer, scorecard: Scorecard) -> None:
    lang = writer.lang
    names = {ts.id: ts.name.in_lang(lang) for ts in scorecard.target_sets}
    pillars = {pillar: t("pillar." + pillar, lang) for pillar in PILLARS}
    _table(
        writer,
        "sheet.results",
        [14, 16, 11, 18, 44, 28, 10, 16, 10, 11, 10, 9, 11, 11, 22, 40, 30, 24],
        lambda: writer.header(_RESULT_COLUMNS),
        len(scorecard.results),
        (_result_row(writer, result, names, pillars) for result in scorecard.results),
    )


def _result_row(
    writer: _Writer, result: Result, names: dict[str, str], pillars: dict[PillarKey, str]
) -> list[Any]:
    lang = writer.lang
    unit = result.indicator.unit
    current = result.current
    target = result.target
    return [
        writer.text(names.get(result.target_set, result.target_set)),
        writer.text(result.area),
        result.target_year,
        pillars[result.pillar],
        writer.text(result.indicator.name.in_lang(lang)),
        writer.text(result.indicator.id),
        t("unitname." + unit, lang),
        wording.target(target, unit, lang),
        wording.value(True, unit, lang)
        if target.comparator == "done"
        else writer.quantity(target.value, unit),
        writer.quantity(result.actual, unit),
        result.actual_year,
        t("yes", lang) if result.estimate else None,
        None if result.projected is None else writer.quantity(result.projected, unit, places=2),
        writer.fraction(result.attainment),
        writer.status(result.status),
        wording.awaiting(result, lang),
        writer.text(current.note) if current else None,
        writer.text(current.source) if current else None,
    ]


_OBSERVATION_COLUMNS = [
    "col.target_set",
    "col.area",
    "col.indicator",
    "col.indicator_id",
    "col.year",
    "col.value",
    "col.estimate",
    "col.note",
    "col.source",
    "col.file",
    "col.line",
]


def _observations(writer: _Writer, scorecard: Scorecard, provenance: Provenance) -> None:
    lang = writer.lang
    values = _in_file_order(_observed(scorecard), provenance)
    names = {ts.id: ts.name.in_lang(lang) for ts in scorecard.target_sets}

    def rows() -> Iterator[list[Any]]:
        for result, observation in values:
            yield [
                writer.text(names.get(observation.target_set, observation.target_set)),
                writer.text(observation.area),
                writer.text(result.indicator.name.in_lang(lang)),
                writer.text(observation.indicator),
                observation.year,
                writer.quantity(observation.value, result.indicator.unit),
                t("yes", lang) if observation.estimate else None,
                writer.text(observation.note),
                writer.text(observation.source),
                writer.text(observation.file),
                observation.line or None,
            ]

    _table(
        writer,
        "sheet.observations",
        [14, 16, 44, 28, 8, 11, 9, 40, 30, 30, 8],
        lambda: writer.header(_OBSERVATION_COLUMNS),
        len(values),
        rows(),
    )


def _in_file_order(
    series: Iterator[tuple[Result, tuple[Observation, ...]]], provenance: Provenance
) -> list[tuple[Result, Observation]]:
    """Every value with the result it was scored in, in the order of the files as the command
    line gave them (a workbook's sheet, ``book.xlsx!Sheet``, where its workbook stands), each
    from its first line to its last; the values of one line (the wide layout's years) by year."""
    given = {item.path: index for index, item in enumerate(provenance.actuals)}
    unknown = len(given)

    def place(file: str) -> int:
        found = given.get(file)
        return found if found is not None else given.get(file.rpartition("!")[0], unknown)

    places: dict[str, int] = {}
    pairs = [(result, observation) for result, used in series for observation in used]
    for _, observation in pairs:
        if observation.file not in places:
            places[observation.file] = place(observation.file)
    # a line holds one series: its values differ by year alone
    pairs.sort(key=lambda pair: (places[pair[1].file], pair[1].file, pair[1].line, pair[1].year))
    return pairs


def _observed(scorecard: Scorecard) -> Iterator[tuple[Result, tuple[Observation, ...]]]:
    """Each series' observations once (the results of every target year share them)."""
    seen: set[tuple[str, str | None, str]] = set()
    for result in scorecard.results:
        key = (result.target_set, result.area, result.indicator.id)
        if result.used and key not in seen:
            seen.add(key)
            yield result, result.used


_LEAGUE_COLUMNS = [
    "col.target_set",
    "col.target_year",
    "col.rank",
    "col.area",
    "col.score",
    "col.coverage",
]


def _league(writer: _Writer, scorecard: Scorecard) -> None:
    lang = writer.lang
    tables = league_tables(scorecard)
    names = {ts.id: ts.name.in_lang(lang) for ts in scorecard.target_sets}

    def header() -> list[Any]:
        statuses = [
            writer.cell(
                wording.status(status, lang),
                font=writer.status_font[status],
                fill=writer.status_fill[status],
            )
            for status in STATUSES
        ]
        return [
            *writer.header(_LEAGUE_COLUMNS),
            *statuses,
            *writer.header(["col.worst_pillar", "col.score"]),
        ]

    _table(
        writer,
        "sheet.league",
        [14, 11, 7, 24, 9, 11, 10, 10, 10, 10, 10, 22, 9],
        header,
        sum(len(rows) for _, _, rows in tables),
        (
            [
                writer.text(names.get(set_id, set_id)),
                year,
                row.rank,
                writer.text(row.area),
                writer.score(row.score),
                writer.fraction(row.coverage),
                *(row.counts[status] for status in STATUSES),
                None if row.worst_pillar is None else t("pillar." + row.worst_pillar, lang),
                writer.score(row.worst_score),
            ]
            for set_id, year, rows in tables
            for row in rows
        ),
    )


def _table(
    writer: _Writer,
    key: str,
    widths: list[float],
    header: Callable[[], list[Any]],
    total: int,
    rows: Iterator[list[Any]],
) -> None:
    """A data sheet: the header frozen and a filter over every column and row, the rows
    streamed; past Excel's last row the table goes on in a sheet "… 2", and so on."""
    from openpyxl.utils import get_column_letter

    sheets = max(1, -(-total // ROWS_PER_SHEET))
    for number in range(1, sheets + 1):
        sheet = writer.new_sheet(key, widths, number=number)
        here = min(ROWS_PER_SHEET, total - (number - 1) * ROWS_PER_SHEET)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{max(here, 1) + 1}"
        sheet.append(header())
        for row in itertools.islice(rows, ROWS_PER_SHEET):
            sheet.append(row)
