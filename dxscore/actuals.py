"""Read and validate actuals files (CSV) against the loaded target sets.

One place opens, decodes and sniffs every actuals file, for ``check``,
``report`` and ``validate --actuals`` alike. Rows are read as a stream and
checked one by one without building a model per row; every problem is
collected (up to :data:`MAX_PROBLEMS`) with the line as the file counts it
(header = line 1) and the column, so a user fixes a file in one go.

Layouts: long (``indicator,year,value``, one observation per row) or wide
(``indicator,2022,2023,2024``, years as column headers). Delimiter ``,``,
``;`` or tab, chosen from the header line. UTF-8 with or without BOM, UTF-16
with a BOM, or any encoding named by ``--encoding``.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import itertools
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dxscore.errors import TOO_MANY_PROBLEMS, InputError, Problem, literal, problem
from dxscore.model import (
    MAX_NUMBER,
    Indicator,
    TargetSet,
    loose_word,
    normalize_word,
    unit_range,
    unit_span,
)
from dxscore.observations import Observation, Value
from dxscore.scoring import Series, SeriesKey, series_of, with_unreported

MAX_PROBLEMS = 1000
PROGRESS_EVERY = 50_000  # rows between progress reports
Progress = Callable[[str, int], None]  # (file, bytes read so far)
MIN_YEAR, MAX_YEAR = 1900, 2100

# Header names, compared after NFC, case folding and collapsing spaces.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "chỉ tiêu", "chi tieu", "mã chỉ tiêu"),
    "year": ("year", "năm", "nam"),
    "value": ("value", "giá trị", "gia tri", "actual"),
    "city": ("city", "thành phố", "thanh pho", "tỉnh", "target_set", "target set"),
    "area": (
        *("area", "địa bàn", "dia ban", "district", "commune", "ward"),
        *("quận huyện", "quận/huyện", "quận", "huyện", "quan huyen", "quan", "huyen"),
        *("xã phường", "xã/phường", "phường/xã", "phường xã", "xã", "phường", "xa", "phuong"),
        *("quận / huyện", "quận, huyện", "xã / phường", "phường / xã", "xã, phường", "phường, xã"),
    ),
    "note": ("note", "ghi chú", "ghi chu", "notes"),
    "source": ("source", "nguồn", "nguon"),
}
_ROLE_OF = {
    normalize_word(alias): role for role, aliases in COLUMN_NAMES.items() for alias in aliases
}
# A heading that lists the kinds of place its column holds, as Vietnamese forms head it:
# "Tỉnh/Thành phố" (cities), "Quận/Huyện/Thị xã", "Xã, phường, thị trấn" (areas)
_KINDS_OF_PLACE = re.compile(r" ?[/,] ?")
_CITY_KINDS = frozenset({"tỉnh", "thành phố", "tp", "tinh", "thanh pho"})
_AREA_KINDS = frozenset(
    {"quận", "huyện", "thị xã", "xã", "phường", "thị trấn"}
    | {"quan", "huyen", "thi xa", "xa", "phuong", "thi tran"}
)


def role_of(heading: str) -> str | None:
    """The role of a column by its heading (as :func:`normalize_word` gives it), or None."""
    role = _ROLE_OF.get(heading)
    if role is None and ("/" in heading or "," in heading):
        kinds = set(_KINDS_OF_PLACE.split(heading))
        if kinds <= _CITY_KINDS:
            return "city"
        if kinds <= _AREA_KINDS | _CITY_KINDS:  # "Quận/Huyện/Thành phố": a city within the city
            return "area"
    return role


TRUE_WORDS = frozenset({"yes", "true", "1", "done", "đạt", "hoàn thành", "có"})
FALSE_WORDS = frozenset({"no", "false", "0", "not done", "chưa đạt", "chưa hoàn thành", "không"})

_DASHES = frozenset("\u2212\u2012\u2013\u2014")  # minus sign, figure dash, en and em dash
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_YEAR_HEADER = re.compile(r"(?:(?:year|năm|nam) ?)?([0-9]{4})")  # 2024, Năm 2024, Year 2024
_YEAR_INSIDE = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:(?:\.[0-9]{3}){2,}|(?:[ \u00a0\u202f][0-9]{3})+)")
# A heading of targets or plans beside the reported years ("Mục tiêu 2025", "KH 2025"):
# not a year of actuals, so its column is left out with a warning like any other unused one
_PLANNED = re.compile(r"\b(mục tiêu|muc tieu|kế hoạch|ke hoach|kh|chỉ tiêu giao|target|plan)\b")
# a date as a sheet shows or saves it: 1905-07-16, 16/07/1905, 7/16/05, 16.07.1905
_DATE = re.compile(
    r"(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[T ][0-9:.]+)?"
    r"|[0-9]{1,2}([/.-])[0-9]{1,2}\1(?:[0-9]{2}|[0-9]{4})(?: [0-9:.]+)?)"
)
_QUOTED = re.compile(r'"[^"]*"')
MAX_SHOWN = 60


@dataclass
class Actuals:
    """What the actuals files held: observations, and everything worth telling the user."""

    observations: list[Observation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    not_reported: int = 0  # cells left empty: "not reported", documented, never an observation
    # the series with a cell left empty: an area whose every cell is empty is still scored
    # (with no data), not dropped from the report
    unreported: set[SeriesKey] = field(default_factory=set)
    rows: int = 0
    named_sets: list[str] = field(default_factory=list)  # target sets the rows name, in order
    # each area as first written, by its case- and space-folded form: "sóc sơn" is not a second
    # area beside "Sóc Sơn" but the same one written another way (file and line of the first)
    area_spellings: dict[tuple[str, str], tuple[str, str, int]] = field(default_factory=dict)

    def close(self) -> None:
        """Nothing to let go: the observations are plain Python objects."""

    def areas(self) -> set[str]:
        """The areas the files name, with a value or only empty cells."""
        named = {o.area for o in self.observations if o.area is not None}
        named.update(area for _, area, _ in self.unreported if area is not None)
        return named

    def years(self) -> tuple[int, int] | None:
        """The first and last year with a reported value (None: no value at all)."""
        if not self.observations:
            return None
        years = [o.year for o in self.observations]
        return min(years), max(years)

    def series(self, as_of: int | None) -> dict[SeriesKey, Series]:
        """Each (target set, area, indicator) series up to ``as_of``, for the verdicts."""
        return with_unreported(series_of(self.observations, as_of), self.unreported)


def nfc(text: str) -> str:
    """Text from a file in NFC (a Windows-1258 file holds decomposed accents)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Control characters (NUL, ESC …) would travel into the reports, where an ESC recolors a
# terminal; names take none, notes and sources keep tabs and line breaks (a multi-line cell).
_CONTROL_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_character(text: str, *, name: bool) -> str | None:
    """The first control character in a name (an area) or a free text (a note), if any. In a
    name, an invisible format character (a zero-width space, a direction mark, a byte-order
    mark: Unicode's Cf) counts too: "Sóc Sơn\u200b" would be a second area that looks the same."""
    found = (_CONTROL_IN_NAME if name else _CONTROL_IN_TEXT).search(text)
    if found is not None:
        return found.group()
    if name and not text.isprintable():
        return next((c for c in text if unicodedata.category(c) == "Cf"), None)
    return None


def shown(text: str) -> str:
    """Cell text fit for a one-line message: control characters escaped, long text cut."""
    cleaned = "".join(
        c if unicodedata.category(c) != "Cc" else f"\\x{ord(c):02x}" for c in text.strip()
    )
    return cleaned if len(cleaned) <= MAX_SHOWN else cleaned[: MAX_SHOWN - 1] + "…"


Where = tuple[int | None, int | None, str | None]  # line, column number, column name
Reason = tuple[str, dict[str, str]]  # a catalogue key (problem.<key>) and its fields


def parse_number(text: str, *, percent_sign: bool = True) -> float | Reason:
    """A finite number, or why it is not one (a ``not-a-number.*`` catalogue key).

    Accepts ``55``, ``55.5``, ``55,5`` (a decimal comma when unambiguous: not before
    three digits, ``1,234``, unless the whole part is 0, ``0,125``) and a
    ``%`` suffix. Refuses thousands separators (``1.234,5``, ``1,234``), hex,
    underscores, NaN and infinities.
    """
    if text.isascii() and text.replace(".", "", 1).isdigit():
        number = float(text) + 0.0  # the common case ("55", "55.5"), without the checks below
        return number if number <= MAX_NUMBER else ("not-a-number.too-large", {})
    cleaned = text.strip()
    if cleaned.endswith("%"):
        if not percent_sign:
            return "not-a-number.percent-sign", {}
        cleaned = cleaned[:-1].rstrip()
    if cleaned[:1] in _DASHES and isinstance(parse_number(cleaned[1:]), float):  # as Word types it
        return "not-a-number.minus", {"sign": f"U+{ord(cleaned[0]):04X}"}
    if "," in cleaned:
        whole, _, fraction = cleaned.partition(",")
        if "." in cleaned or "," in fraction:
            return "not-a-number.thousands", {}
        if len(fraction) == 3 and whole.lstrip("+-") not in ("0", ""):  # 0,125 groups nothing
            return "not-a-number.comma", {"whole": whole, "fraction": fraction}
        cleaned = f"{whole}.{fraction}"
    if cleaned.lstrip("+-").casefold() in {"nan", "inf", "infinity"}:
        return "not-a-number.nan", {}
    if not _NUMBER.fullmatch(cleaned):
        if _GROUPED.fullmatch(cleaned):  # 1.500.000, 1 500 000
            return "not-a-number.thousands", {}
        if _DATE.fullmatch(cleaned):
            return "not-a-number.date", {}
        if cleaned and all(c == "-" or c in _DASHES for c in cleaned):  # "not reported"?
            return "not-a-number.dash", {}
        if any(c.isdigit() and not c.isascii() for c in cleaned):
            return "not-a-number.digits", {}
        return "not-a-number", {}
    number = float(cleaned) + 0.0  # "-0" is 0
    if not -MAX_NUMBER <= number <= MAX_NUMBER:
        return "not-a-number.too-large", {}
    return number


def parse_year(text: str) -> int | None:
    """A year between MIN_YEAR and MAX_YEAR written in ASCII digits (no spaces), or None."""
    if text.isascii() and text.isdecimal() and len(text) <= 8:  # int() refuses 4,300+ digits
        year = int(text)
        return year if MIN_YEAR <= year <= MAX_YEAR else None
    return None


def parse_milestone(text: str) -> bool | None:
    """True or False for a milestone word in English or Vietnamese; None for anything else."""
    known = _MILESTONE_CACHE.get(text)
    if known is not None:
        return known
    word = normalize_word(text)
    done = True if word in TRUE_WORDS else False if word in FALSE_WORDS else None
    if done is not None and len(_MILESTONE_CACHE) < 1000:
        _MILESTONE_CACHE[text] = done  # the same few spellings repeat on every row
    return done


_MILESTONE_CACHE: dict[str, bool] = {}


def read_actuals(
    paths: Sequence[Path],
    target_sets: Sequence[TargetSet],
    *,
    city: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> Actuals:
    """Read every file; observations from all, problems from all, duplicates checked across files."""
    unused = unused_options(paths, sheet, encoding)
    if unused:
        raise InputError(unused)
    catalogue = Catalogue(target_sets)
    if city is not None and catalogue.resolve_city(city) is None:
        raise InputError([catalogue.unknown_city("--city", city)])
    result = Actuals()
    first_seen: dict[tuple[str, str | None, str, int], tuple[str, int]] = {}
    read: set[str] = set()
    for path in paths:
        real = os.path.realpath(path)  # not Path.resolve, which raises on a link to itself
        if real in read:
            result.warnings.append(problem(str(path), "warning.given-twice", kind="warning"))
            continue
        read.add(real)
        _read_file(path, catalogue, city, encoding, sheet, result, first_seen, progress)
    return result


def unused_options(paths: Sequence[Path], sheet: str | None, encoding: str | None) -> list[Problem]:
    """``--sheet`` or ``--encoding`` where it would do nothing: a mistake, not a no-op."""
    if not paths:
        given = (("--sheet", sheet), ("--encoding", encoding))
        return [problem(option, "option-unused") for option, value in given if value is not None]
    books = sum(1 for path in paths if path.suffix.lower() in SPREADSHEET_SUFFIXES)
    found = []
    if sheet is not None and not books:
        found.append(problem("--sheet", "option-unused.sheet", sheet=sheet))
    if encoding is not None and books == len(paths):
        found.append(problem("--encoding", "option-unused.encoding", encoding=encoding))
    return found


def resolve_city(target_sets: Sequence[TargetSet], name: str) -> str | None:
    """The id of the target set that ``name`` (an id or a name) stands for."""
    return Catalogue(target_sets).resolve_city(name)


class Catalogue:
    """The loaded target sets, indexed for the reader's look-ups."""

    def __init__(self, target_sets: Sequence[TargetSet]) -> None:
        self.sets = {ts.id: ts for ts in target_sets}
        self.indicators: dict[str, dict[str, Indicator]] = {
            ts.id: {ind.id: ind for _, ind in ts.indicators()} for ts in target_sets
        }
        owners: dict[str, list[str]] = {}
        for ts in target_sets:
            for key in ts.city_keys():
                owners.setdefault(key, []).append(ts.id)
        self.city_names: dict[str, str] = {}
        self.ambiguous: dict[str, list[str]] = {}  # a name that several sets answer to
        for key, found in owners.items():
            if key in self.sets:  # an id is its set's, whatever another set is named
                self.city_names[key] = key
            elif len(found) == 1:
                self.city_names[key] = found[0]
            else:
                self.ambiguous[key] = found

    def resolve_city(self, text: str) -> str | None:
        """A target set id from its id or its Vietnamese or English name, with or without accents and spaces."""
        known = self.city_names.get(text)  # most rows repeat a name already seen
        if known is not None:
            return known
        word = normalize_word(text)
        if word in self.ambiguous:  # not resolved by its loose form, which may be an id
            return None
        found = self.city_names.get(word) or self.city_names.get(loose_word(text))
        if found is not None:
            self.city_names[text] = found
        return found

    def unknown_city(self, file: str, text: str, at: Where = (None, None, None)) -> Problem:
        """Why ``text`` names no target set: unknown, or the name of several."""
        for key in (normalize_word(text), loose_word(text)):
            if key in self.ambiguous:
                fields = {"city": shown(text), "sets": ", ".join(self.ambiguous[key])}
                return problem(file, "ambiguous-city", *at, fields=fields)
        close = difflib.get_close_matches(normalize_word(text), list(self.city_names), n=1)
        fields = {"city": shown(text), "known": ", ".join(sorted(self.sets)) or "–"}
        if close:
            return problem(
                file, "unknown-city.close", *at, close=self.city_names[close[0]], fields=fields
            )
        return problem(file, "unknown-city", *at, fields=fields)

    def unknown_indicator(self, file: str, text: str, set_id: str, at: Where) -> Problem:
        fields = {"indicator": shown(text), "city": set_id}
        named = {  # an indicator written by its name, as a sheet for people would
            _letters(name): indicator.id
            for indicator in self.indicators[set_id].values()
            for name in (indicator.name.vi, indicator.name.en)
        }
        written = _letters(text)
        if written in named:  # its name, give or take accents, case, spaces and punctuation
            close_id = named[written]
            return problem(file, "unknown-indicator.name", *at, close=close_id, fields=fields)
        near = _nearest_names(written, named)
        if len(near) > 1:  # "cấp quận" is as close to "cấp xã" as to "cấp huyện": not a guess
            candidates = ", ".join(near)
            return problem(
                file, "unknown-indicator.names", *at, candidates=candidates, fields=fields
            )
        if near:
            return problem(file, "unknown-indicator.close", *at, close=near[0], fields=fields)
        close = difflib.get_close_matches(text, list(self.indicators[set_id]), n=1, cutoff=0.6)
        if close:
            return problem(file, "unknown-indicator.close", *at, close=close[0], fields=fields)
        return problem(file, "unknown-indicator", *at, fields=fields)


def _letters(name: str) -> str:
    """A name as its letters and digits alone: ``Hồ sơ cấp xã.`` → ``hosocapxa``."""
    return "".join(c for c in loose_word(name) if c.isalnum())


NAME_CUTOFF = 0.85  # how alike a name must be to be suggested at all
NAME_TIE = 0.05  # names this close to the nearest are as likely to be the one meant


def _nearest_names(written: str, named: dict[str, str]) -> list[str]:
    """The ids whose names are near ``written``: the nearest, and any about as near."""
    best: dict[str, float] = {}
    for name, indicator_id in named.items():
        ratio = difflib.SequenceMatcher(None, written, name).ratio()
        if ratio >= NAME_CUTOFF and ratio > best.get(indicator_id, 0.0):
            best[indicator_id] = ratio
    if not best:
        return []
    top = max(best.values())
    return sorted((i for i, r in best.items() if r >= top - NAME_TIE), key=lambda i: -best[i])


UTF8_SAMPLE = 1 << 16  # bytes looked at to tell a UTF-8 file given another --encoding


def _reads_as_utf8(sample: bytes) -> bool:
    """Whether text that is not plain ASCII (or starts with a UTF-8 BOM) decodes as UTF-8: no
    Windows-1258 Vietnamese does. The sample may end inside a character."""
    if sample.startswith(codecs.BOM_UTF8):
        return True
    if sample.isascii():
        return False
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.reason == "unexpected end of data" and error.start >= len(sample) - 3
    return True


def _read_file(
    path: Path,
    catalogue: Catalogue,
    city: str | None,
    encoding: str | None,
    sheet: str | None,
    result: Actuals,
    first_seen: dict[tuple[str, str | None, str, int], tuple[str, int]],
    progress: Progress | None = None,
) -> None:
    name = str(path)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        _read_spreadsheet(path, sheet, catalogue, city, result, first_seen)
        return
    if encoding is not None and not _is_text_encoding(encoding):
        raise InputError([problem("--encoding", "unknown-encoding", encoding=encoding)])
    try:
        raw = io.BufferedReader(io.FileIO(path), UTF8_SAMPLE)  # once: a pipe cannot be read twice
    except OSError as error:
        result.problems.append(problem(name, "unreadable", reason=error.strerror or error))
        return
    head = raw.peek(64)[:64]
    if head.startswith(BINARY_SPREADSHEETS):  # not text: an .xls, .ods, or a renamed .xlsx
        result.problems.append(problem(name, "spreadsheet-not-text"))
        raw.close()
        return
    chosen = encoding or _encoding_from_bom(head[:4])
    if chosen != "utf-8-sig" and head.startswith(codecs.BOM_UTF8) and is_utf8(chosen):
        chosen = "utf-8-sig"  # --encoding utf-8 on Excel's "CSV UTF-8": its BOM is not text
    elif head.startswith(UTF16_BOMS) and codecs.lookup(chosen).name in ("utf-16-le", "utf-16-be"):
        chosen = "utf-16"  # --encoding utf-16-le on a file that has its BOM: nor is this one
    if encoding is None and chosen == "utf-8-sig" and _looks_like_utf16(head):
        result.problems.append(_utf16_problem(name, head))  # it decodes as UTF-8: NUL is valid
        raw.close()
        return
    if encoding is not None and not is_utf8(chosen) and _reads_as_utf8(raw.peek(UTF8_SAMPLE)):
        # --encoding applies to every file: an Excel "CSV UTF-8" among them would be garbled
        result.problems.append(problem(name, "encoding-but-utf8", encoding=encoding))
        raw.close()
        return
    reader = _FileReader(path, name, chosen, catalogue, city, result, first_seen)
    if progress is not None:
        reader.progress = lambda _rows: progress(name, raw.tell())
    try:
        with io.TextIOWrapper(raw, encoding=chosen, newline="") as stream:
            reader.read(stream)
    except UnicodeError:  # UnicodeDecodeError, or UTF-16 without its BOM
        result.problems.append(_decode_problem(path, name, chosen))
    except csv.Error as error:
        result.problems.append(_csv_problem(name, str(error), reader.next_line))
    except OSError as error:
        result.problems.append(problem(name, "unreadable", reason=error.strerror or error))


def is_utf8(encoding: str) -> bool:
    """``utf-8`` in any of its spellings (``UTF8``, ``utf_8``), with or without ``-sig``."""
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")
# How a spreadsheet file starts: an OLE2 compound file (Excel 97-2003 .xls) or a zip (.xlsx,
# .ods, .numbers). A portal's "Excel export" named .xls is often CSV text, which is read.
BINARY_SPREADSHEETS = (b"\xd0\xcf\x11\xe0", b"PK\x03\x04")


def _read_spreadsheet(
    path: Path,
    sheet: str | None,
    catalogue: Catalogue,
    city: str | None,
    result: Actuals,
    first_seen: dict[tuple[str, str | None, str, int], tuple[str, int]],
) -> None:
    from dxscore.spreadsheet import SheetError, open_sheet

    def refuse(error: SheetError) -> None:  # called as the rows are read, so in their order
        if error.at is None:  # the whole workbook: placed at its start, as CI annotates a file
            result.problems.append(problem(str(path), error.key, 1, 1, fields=error.fields))
        else:
            line, col = error.at
            reader.add(problem(reader.name, error.key, line, col, fields=error.fields))

    try:  # missing, a folder, unreadable or empty: said as for a CSV file, not as a damaged book
        with path.open("rb") as book:
            empty = not book.read(1)
    except OSError as error:
        result.problems.append(problem(str(path), "unreadable", reason=error.strerror or error))
        return
    if empty:
        result.problems.append(problem(str(path), "empty-file"))
        return
    try:
        title, records, others = open_sheet(path, sheet, _names_the_indicator, refuse)
    except SheetError as error:
        refuse(error)
        return
    if others:  # nothing unread goes unsaid: a second sheet may hold another year's table
        listed = ", ".join(f"'{name}'" for name in others)
        result.warnings.append(
            problem(str(path), "warning.other-sheets", kind="warning", sheet=title, sheets=listed)
        )
    reader = _FileReader(path, f"{path}!{title}", "", catalogue, city, result, first_seen)
    reader.pad_rows = True
    try:  # the rows from the header on (a table may start lower down, below a title)
        reader.read_records(records)
    except SheetError as error:  # a formula without its value, a damaged sheet
        refuse(error)


# What a spreadsheet writes in a totals row where the area goes (case and spaces aside; with
# their accents where, without them, a place could be named so: "Công", "Cống"): "Tổng cộng",
# "Tổng toàn thành phố", "Toàn TP", "Toàn thành phố Hà Nội", "Cả tỉnh", "Total" …
TOTALS = re.compile(
    r"(tổng|cộng|tổng (cộng|số)|tong (cong|so)|total|grand total|sum"
    r"|(tổng )?(toàn|cả) (thành phố|tp|tỉnh|quận|huyện|thị xã|quốc|nước)( .*)?"
    r"|(tong )?toan (thanh pho|tp|tinh|quan|huyen|thi xa|quoc)( .*)?|ca nuoc)[.:]*"
)


def is_a_total(area: str) -> bool:
    return TOTALS.fullmatch(normalize_word(area).rstrip(": ")) is not None


DELIMITERS = (",", ";", "\t")
LOOK_FOR_HEADER = 20  # lines below a CSV file's first line searched for its header


def _first_record(first: str, below: list[str]) -> str:
    """The text of a CSV file's first record: its first line, and the next ones while a quoted
    cell is open (a heading typed with a line break, as Excel writes it)."""
    text = first
    for line in below:
        if text.count('"') % 2 == 0:
            break
        text += line
    return text


def _header_below(lines: list[str], delimiter: str) -> int | None:
    """The line a CSV file's header starts on when a title sits above it (None when the first
    record, read at ``delimiter``, is the header, or no header is found). A record may span
    lines, and a title seldom has the table's delimiter: each line below the first is tried
    as the start of the header with each delimiter."""
    if _starts_a_header(lines, delimiter):
        return None
    for start in range(1, len(lines)):
        if any(_starts_a_header(lines[start:], other) for other in DELIMITERS):
            return start + 1
    return None


def _starts_a_header(lines: list[str], delimiter: str) -> bool:
    try:
        return _names_the_indicator(next(csv.reader(lines, delimiter=delimiter), []))
    except csv.Error:
        return False


def _names_the_indicator(cells: list[str]) -> bool:
    """Whether a sheet's row is its table's header: a cell names the indicator column, which
    both layouts have."""
    return any(role_of(normalize_word(cell)) == "indicator" for cell in cells if cell)


def clean_long_layout(
    name: str, header: list[str], catalogue: Catalogue, city: str | None
) -> tuple[dict[str, int], list[int]] | None:
    """The columns of a long-layout header, as the reference reader would take them, and those
    without a header (a warning if any cell of them holds data); None when it would say
    anything about the header (a problem, unused columns, a wide layout)."""
    scratch = Actuals()
    reader = _FileReader(Path(name), name, "", catalogue, city, scratch, {})
    reader.line = 1
    layout = reader._layout(header)
    if layout is None or layout.years or scratch.problems or scratch.warnings:
        return None
    return layout.roles, layout.unnamed


def _is_text_encoding(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding)._is_text_encoding
    except LookupError:
        return False


def _csv_problem(name: str, error: str, line: int) -> Problem:
    if "end of data" in error or "EOF" in error:
        return problem(name, "csv-syntax.unclosed", line)
    if "field larger than field limit" in error:
        return problem(name, "csv-syntax.too-large", line)
    if "NUL" in error:
        return problem(name, "csv-syntax.nul", line)
    if error.endswith("""expected after '"'"""):  # ',' expected after '"'
        if error[1] == "\t":
            return problem(name, "csv-syntax.after-quote-tab", line)
        return problem(name, "csv-syntax.after-quote", line, delimiter=error[:3])
    return problem(name, "csv-syntax", line, detail=error)


UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _encoding_from_bom(head: bytes) -> str:
    if head.startswith(UTF16_BOMS):
        return "utf-16"
    return "utf-8-sig"


def _looks_like_utf16(head: bytes) -> bool:
    """Every other byte NUL, as in a header of ASCII letters in UTF-16 (not one NUL in a cell)."""
    if len(head) < 8:
        return False
    half = len(head) // 2
    return max(head[1::2].count(0), head[0::2].count(0)) >= 0.75 * half


def _utf16_problem(name: str, head: bytes) -> Problem:
    """UTF-16 saved without its byte-order mark: named at its first byte, with the encoding."""
    order = "be" if head[0::2].count(0) > head[1::2].count(0) else "le"  # 'c' is 63 00 in LE
    return problem(name, "not-decodable.utf16", 1, 1, encoding=f"utf-16-{order}")


def _decode_problem(path: Path, name: str, encoding: str) -> Problem:
    """Locate the first undecodable byte (only on this error path is the file read twice)."""
    shown_encoding = "UTF-8" if encoding == "utf-8-sig" else encoding
    if not path.is_file():
        return problem(name, "not-decodable.file", encoding=shown_encoding)
    raw = path.read_bytes()
    try:
        raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        try:
            col = len(raw[line_start : error.start].decode(encoding, "replace")) + 1
        except UnicodeError:  # a codec without "replace" (idna)
            col = error.start - line_start + 1
        return problem(
            name,
            "not-decodable",
            line,
            col,
            byte=f"{raw[error.start]:02x}",
            encoding=shown_encoding,
        )
    except UnicodeError:
        pass
    return problem(name, "not-decodable.file", encoding=shown_encoding)


class _FileReader:
    """Reads one file into the shared :class:`Actuals`."""

    def __init__(
        self,
        path: Path,
        name: str,
        encoding: str,
        catalogue: Catalogue,
        city: str | None,
        result: Actuals,
        first_seen: dict[tuple[str, str | None, str, int], tuple[str, int]],
    ) -> None:
        self.path, self.name, self.encoding = path, name, encoding
        self.catalogue, self.city, self.result, self.first_seen = (
            catalogue,
            city,
            result,
            first_seen,
        )
        self.line = 0
        self.outcomes: dict[tuple[str, str], Outcome] = {}  # (unit, value cell) → what it reads as
        self.progress: Callable[[int], None] | None = None
        self.wanted = catalogue.resolve_city(city) if city else None
        self.pad_rows = False  # a sheet row omits its empty trailing cells; a CSV row does not
        self.next_line = 1  # where the record being read starts (for CSV syntax errors)
        self.other_city_rows = 0

    def problem(
        self,
        key: str,
        line: int | None,
        col: int | None = None,
        column: str | None = None,
        **params: object,
    ) -> None:
        self.add(problem(self.name, key, line, col, column, fields=params))

    def add(self, found: Problem) -> None:
        """Keep a problem, up to :data:`MAX_PROBLEMS` (then one that says so)."""
        problems = self.result.problems
        if len(problems) < MAX_PROBLEMS:
            problems.append(found)
        elif len(problems) == MAX_PROBLEMS:
            problems.append(problem(self.name, TOO_MANY_PROBLEMS, count=MAX_PROBLEMS))

    def read(self, stream: io.TextIOWrapper) -> None:
        sample = stream.readline()
        if not sample.strip():
            more = stream.read(1)
            self.problem("empty-file.first-line" if more else "empty-file", 1 if more else None)
            return
        ahead = list(itertools.islice(stream, LOOK_FOR_HEADER))
        delimiter = sniff_delimiter(_first_record(sample, ahead))
        below = _header_below([sample, *ahead], delimiter)
        if below is not None:
            self.problem("header-below", 1, header=below, above=below - 1)
            return
        rest = itertools.chain(ahead, stream)  # the lines after the first
        record: list[str] = []  # the lines of the record being read

        def lines() -> Iterator[str]:
            for line in itertools.chain((sample,), rest):
                record.append(line)
                yield line

        rows = csv.reader(lines(), delimiter=delimiter, strict=True)
        self.read_records(self._csv_records(rows, record))

    def _csv_records(
        self, rows: Iterator[list[str]], record: list[str]
    ) -> Iterator[tuple[int, list[str]]]:
        """(first line of the record, cells); keeps ``next_line`` for CSV syntax errors.

        A syntax error in a data row (``"48"x``) is reported and reading goes on with the next
        line, so that the rest of the file is checked too, when the record's quotes pair up
        there: with one left open (``"48"x,"a note over two lines``), the next line is inside
        a cell, and the file ends at the error, as it does at one in the header."""
        end = 0
        while True:
            try:
                cells = next(rows)
            except StopIteration:
                return
            except csv.Error as error:
                if end == 0 or "".join(record).count('"') % 2:
                    raise
                self.add(_csv_problem(self.name, str(error), self.next_line))
                cells = []
            else:
                yield end + 1, cells
            end = rows.line_num  # type: ignore[attr-defined]
            self.next_line = end + 1
            record.clear()

    def read_records(self, records: Iterator[tuple[int, list[str]]]) -> None:
        """Read (line, cells) records, the first being the header; any source (CSV, a sheet)."""
        self._read_rows(records)
        if self.other_city_rows:
            self.result.warnings.append(
                problem(
                    self.name,
                    "warning.other-cities",
                    kind="warning",
                    count=self.other_city_rows,
                    city=self.city,
                )
            )

    def _read_rows(self, records: Iterator[tuple[int, list[str]]]) -> None:
        first = next(records, None)
        if first is None:
            self.problem("empty-file", None)
            return
        self.line, header = first
        header_line = self.line
        rows_before, problems_before = self.result.rows, len(self.result.problems)  # other files'
        layout = self._layout(header)
        if layout is None:
            return
        progress, every = self.progress, PROGRESS_EVERY
        unnamed, unnamed_data = layout.unnamed, None  # the first cell with data in such a column
        for self.line, cells in records:
            if (not cells or not cells[0].strip()) and not "".join(cells).strip():
                continue  # a blank line, or one of empty cells (Excel writes ";;;" for those)
            self.result.rows += 1
            if progress is not None and self.result.rows % every == 0:
                progress(self.result.rows)
            if self.pad_rows and len(cells) != len(header):  # a sheet: rows end at their last value
                past = _first_filled(cells, range(len(header), len(cells)))  # past the header
                if past is not None and unnamed_data is None:
                    unnamed_data = (self.line, past)
                cells = (cells + [""] * (len(header) - len(cells)))[: len(header)]
            if len(cells) != len(header):  # located at the first cell too many or missing
                at = min(len(cells), len(header))
                missing = header[at] if at < len(header) else None
                self.problem(
                    "ragged-row",
                    self.line,
                    at + 1,
                    missing,
                    cells=len(cells),
                    columns=len(header),
                )
                continue
            if unnamed and unnamed_data is None:
                found = _first_filled(cells, unnamed)
                unnamed_data = None if found is None else (self.line, found)
            layout.read_row(self, cells)
        if unnamed_data is not None:
            line, index = unnamed_data
            self.result.warnings.append(
                problem(self.name, "warning.unnamed-column", line, index + 1, kind="warning")
            )
        if self.result.rows == rows_before and len(self.result.problems) == problems_before:
            self.problem("empty-file.no-rows", header_line)

    def _layout(self, header: list[str]) -> _Layout | None:
        roles: dict[str, int] = {}
        years: dict[int, int] = {}
        unused: list[str] = []
        unnamed: list[int] = []  # columns without a header: named in a warning if they hold data
        dated: list[tuple[int, str]] = []  # unused columns whose header holds a year
        for index, cell in enumerate(header):
            key = normalize_word(cell)
            if year_header := _YEAR_HEADER.fullmatch(key):
                year = int(year_header[1])
                if not MIN_YEAR <= year <= MAX_YEAR:
                    self.problem(
                        "bad-year.column",
                        self.line,
                        index + 1,
                        cell,
                        year=year,
                        low=MIN_YEAR,
                        high=MAX_YEAR,
                    )
                    return None
                if year in years.values():
                    self.problem("duplicate-column.year", self.line, index + 1, cell, year=year)
                    return None
                years[index] = year
                continue
            if _DATE.fullmatch(key):  # a year heading formatted as a date: 2024 is 1905-07-16
                self.problem("bad-year.date", self.line, index + 1, cell, year=cell.strip())
                return None
            role = role_of(key)
            if role is None:
                if key:
                    unused.append(cell.strip())
                    found = _YEAR_INSIDE.search(key)
                    if found and not _PLANNED.search(key):  # "Kế hoạch 2025" holds no actuals
                        dated.append((index, found[0]))
                else:
                    unnamed.append(index)
                continue
            if role in roles:
                self.problem(
                    "duplicate-column.area" if role == "area" else "duplicate-column",
                    self.line,
                    index + 1,
                    cell,
                    role=role,
                    first=repr(header[roles[role]]),
                    second=repr(cell),
                )
                return None
            roles[role] = index
        wide = bool(years)
        if wide and dated:  # "Năm 2024 (ước)" beside "Năm 2023": a year column, not one to drop
            index, written = dated[0]
            self.problem("bad-year.heading", self.line, index + 1, header[index], year=written)
            return None
        required = ("indicator",) if wide else ("indicator", "year", "value")
        missing = [role for role in required if role not in roles]
        if wide and ("year" in roles or "value" in roles):
            self.problem("mixed-layout", self.line)
            return None
        if "city" not in roles and self.city is None and len(self.catalogue.sets) > 1:
            missing.append("city")
        if missing:
            if "city" in missing:
                known = ", ".join(sorted(self.catalogue.sets))
                self.problem(
                    "missing-column.city", self.line, columns=", ".join(missing), known=known
                )
            else:
                self.problem("missing-column", self.line, columns=", ".join(missing))
            return None
        if unused:
            names = ", ".join(shown(name) for name in unused[:10])
            more = len(unused) - 10
            key = "warning.unused-columns.more" if more > 0 else "warning.unused-columns"
            self.result.warnings.append(
                problem(self.name, key, kind="warning", columns=names, more=more)
            )
        return _Layout(roles, years, [cell.strip() for cell in header], unnamed)


class _Layout:
    """Where each field is in a row, and how one row becomes observations.

    A large file repeats a few cities, indicators, areas and years on every row, so each
    distinct cell is checked once and what it stands for remembered, keyed by the cell as
    written; only a cell not seen before (or one that is wrong) takes the slow path.
    """

    def __init__(
        self, roles: dict[str, int], years: dict[int, int], header: list[str], unnamed: list[int]
    ) -> None:
        self.roles, self.years, self.header, self.unnamed = roles, years, header, unnamed
        self.city_at = roles.get("city")
        self.indicator_at = roles["indicator"]
        self.area_at = roles.get("area")
        self.note_at, self.source_at = roles.get("note"), roles.get("source")
        self.year_at, self.value_at = roles.get("year"), roles.get("value")
        self.set_of: dict[str, str] = {}  # city cell → target set id, once accepted
        self.fixed_set: str | None = None  # the target set of every row, without a city column
        self.indicator_of: dict[tuple[str, str], Indicator] = {}  # (set id, cell) → indicator
        self.area_of: dict[tuple[str, str], str | None] = {}  # (set, area cell) → its NFC name
        self.year_of: dict[str, int] = {}  # year cell → year, once accepted

    def read_row(self, reader: _FileReader, cells: list[str]) -> None:
        line = reader.line
        city_at = self.city_at
        set_id = self.set_of.get(cells[city_at]) if city_at is not None else self.fixed_set
        if set_id is None:
            set_id = self._city(reader, cells)
            if set_id is None:
                return
        indicator_cell = cells[self.indicator_at]
        indicator = self.indicator_of.get((set_id, indicator_cell))
        if indicator is None:
            indicator = self._indicator(reader, set_id, indicator_cell)
            if indicator is None:
                return
        area: str | None = None
        if self.area_at is not None:
            area_cell = cells[self.area_at]
            area = self.area_of.get((set_id, area_cell))
            if area is None and (set_id, area_cell) not in self.area_of:
                stripped = area_cell.strip()
                area = nfc(stripped) if stripped else None
                if (
                    self._clean(reader, stripped, self.area_at, name=True)
                    and self._not_a_total(reader, area)
                    and self._one_spelling(reader, set_id, area)
                ):
                    self.area_of[(set_id, area_cell)] = area  # a refused one: on every row
        # the row is read on after a control character, so that its other problems show too
        note = nfc(cells[self.note_at].strip()) if self.note_at is not None else ""
        if note and self.note_at is not None:
            self._clean(reader, note, self.note_at, name=False)
        source = nfc(cells[self.source_at].strip()) if self.source_at is not None else ""
        if source and self.source_at is not None:
            self._clean(reader, source, self.source_at, name=False)
        if self.years:
            for index, column_year in self.years.items():
                self._observe(
                    reader, set_id, area, indicator, column_year, cells[index], index, note, source
                )
            return
        year_index = self.year_at
        assert year_index is not None and self.value_at is not None  # long layout
        year = self.year_of.get(cells[year_index])
        if year is None:
            year = self._year(reader, cells[year_index], line, year_index)
            if year is None:
                return
        self._observe(
            reader,
            set_id,
            area,
            indicator,
            year,
            cells[self.value_at],
            self.value_at,
            note,
            source,
        )

    def _clean(self, reader: _FileReader, text: str, index: int, *, name: bool) -> bool:
        """Whether the text is free of control characters (a problem says where when not)."""
        found = control_character(text, name=name)
        if found is not None:
            key = (
                "invisible-character"
                if unicodedata.category(found) == "Cf"
                else "control-character"
            )
            column = self.header[index]
            reader.problem(key, reader.line, index + 1, column, code=f"{ord(found):04X}")
        return found is None

    def _not_a_total(self, reader: _FileReader, area: str | None) -> bool:
        """Whether the area is not a totals row's label (``Tổng cộng``), which would be
        scored, and ranked, as one more district (a problem says where when it is)."""
        if area is None or self.area_at is None or not is_a_total(area):
            return True
        reader.problem(
            "area-total", reader.line, self.area_at + 1, self.header[self.area_at], area=area
        )
        return False

    def _one_spelling(self, reader: _FileReader, set_id: str, area: str | None) -> bool:
        """Whether the area is written as it was first in its city (a problem says where when
        not)."""
        if area is None or self.area_at is None:
            return True
        spellings = reader.result.area_spellings
        first = spellings.setdefault(
            (set_id, normalize_word(area)), (area, reader.name, reader.line)
        )
        if first[0] != area:
            at = (reader.line, self.area_at + 1, self.header[self.area_at])
            spelt, file, line = first
            if file == reader.name:
                reader.problem("area-spelling", *at, area=area, first=spelt, first_line=line)
            else:
                where = f"{file}:{line}"
                reader.problem("area-spelling.file", *at, area=area, first=spelt, where=where)
        return first[0] == area

    def _indicator(self, reader: _FileReader, set_id: str, cell: str) -> Indicator | None:
        stripped = cell.strip()
        indicator = reader.catalogue.indicators[set_id].get(stripped.casefold())
        if indicator is not None:
            self.indicator_of[(set_id, cell)] = indicator
            return indicator
        at = (reader.line, self.indicator_at + 1, self.header[self.indicator_at])
        if stripped:
            reader.add(reader.catalogue.unknown_indicator(reader.name, stripped, set_id, at))
        else:
            reader.problem("unknown-indicator.empty", *at)
        return None

    def _year(self, reader: _FileReader, cell: str, line: int, index: int) -> int | None:
        stripped = cell.strip()
        year = parse_year(stripped)
        if year is not None:
            self.year_of[cell] = year
            return year
        if _DATE.fullmatch(stripped):  # a year cell formatted as a date: 2024 is 1905-07-16
            reader.problem("bad-year.date", line, index + 1, self.header[index], year=stripped)
            return None
        inside = _YEAR_INSIDE.search(stripped)  # "2024.0", "năm 2024": a year, not written alone
        if inside is not None:
            reader.problem(
                "bad-year.inside",
                line,
                index + 1,
                self.header[index],
                year=shown(stripped),
                found=inside.group(1),
            )
            return None
        reader.problem(
            "bad-year",
            line,
            index + 1,
            self.header[index],
            year=shown(stripped),
            low=MIN_YEAR,
            high=MAX_YEAR,
        )
        return None

    def _city(self, reader: _FileReader, cells: list[str]) -> str | None:
        index = self.city_at
        wanted = reader.wanted
        if index is None:
            only = wanted or next(iter(reader.catalogue.sets))
            if only not in reader.result.named_sets:
                reader.result.named_sets.append(only)
            self.fixed_set = only
            return only
        cell = cells[index].strip()
        # an empty cell is not --city's: a merged cell in Excel reads empty below its first row
        set_id = reader.catalogue.resolve_city(cell) if cell else None
        if set_id is None:
            at: Where = (reader.line, index + 1, self.header[index])
            if cell:
                reader.add(reader.catalogue.unknown_city(reader.name, cell, at))
            else:
                reader.problem("unknown-city.empty", *at)
            return None
        if wanted is not None and set_id != wanted:
            reader.other_city_rows += 1
            return None
        if set_id not in reader.result.named_sets:
            reader.result.named_sets.append(set_id)
        self.set_of[cells[index]] = set_id
        return set_id

    def _observe(
        self,
        reader: _FileReader,
        set_id: str,
        area: str | None,
        indicator: Indicator,
        year: int,
        cell: str,
        index: int,
        note: str,
        source: str,
    ) -> None:
        line, column = reader.line, self.header[index]
        key = (set_id, area, indicator.id, year)
        if key in reader.first_seen:
            reader.problem(
                "duplicate-row" if area is None else "duplicate-row.area",
                line,
                index + 1,
                column,
                indicator=indicator.id,
                year=year,
                city=set_id,
                area=area,
                first="{}:{}".format(*reader.first_seen[key]),
            )
            return
        reader.first_seen[key] = (reader.name, line)
        outcome = reader.outcomes.get((indicator.unit, cell))
        if outcome is None:
            if not cell.strip():
                reader.result.not_reported += 1
                reader.result.unreported.add((set_id, area, indicator.id))
                return
            outcome = read_cell(indicator.unit, cell)
            if len(reader.outcomes) < MAX_REMEMBERED:  # a large file repeats a few thousand values
                reader.outcomes[(indicator.unit, cell)] = outcome
        if isinstance(outcome, tuple):
            reason, params = outcome
            fields = {"value": shown(cell), "indicator": indicator.id, **params}
            reader.add(problem(reader.name, reason, line, index + 1, column, fields=fields))
            return
        reader.result.observations.append(
            Observation(set_id, area, indicator.id, year, outcome, reader.name, line, note, source)
        )


Outcome = Value | Reason  # a cell read as a value, or why it is not one
MAX_REMEMBERED = 100_000


def read_cell(unit: str, cell: str) -> Outcome:
    """A value cell of an indicator of ``unit``: its value, or why it is not one."""
    if unit == "milestone":
        done = parse_milestone(cell)
        return ("bad-milestone", {}) if done is None else done
    number = parse_number(cell, percent_sign=unit.startswith("percent"))
    if isinstance(number, tuple):
        return number
    if unit == "rank" and not number.is_integer():
        return "not-a-number.rank", {}
    low, high = unit_range(unit)
    if (low is not None and number < low) or (high is not None and number > high):
        return "out-of-range", {"value": literal(number), "unit": unit, "span": unit_span(unit)}
    return number


def _first_filled(cells: list[str], indices: Iterable[int]) -> int | None:
    """The first of these cells that holds more than spaces."""
    return next((i for i in indices if cells[i].strip()), None)


def _text(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None else ""


def sniff_delimiter(header_line: str) -> str:
    """The delimiter used most in the header line: ``,``, ``;`` or tab."""
    unquoted = _QUOTED.sub("", header_line)
    counts = {delimiter: unquoted.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","
