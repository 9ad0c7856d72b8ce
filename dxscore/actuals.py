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
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from dxscore.errors import InputError, Problem
from dxscore.model import Indicator, TargetSet, unit_range
from dxscore.observations import Observation, Value

MAX_PROBLEMS = 1000
MIN_YEAR, MAX_YEAR = 1900, 2100

# Header names, compared after NFC, case folding and collapsing spaces.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "chỉ tiêu", "chi tieu", "mã chỉ tiêu"),
    "year": ("year", "năm", "nam"),
    "value": ("value", "giá trị", "gia tri", "actual"),
    "city": ("city", "thành phố", "thanh pho", "tỉnh", "target_set", "target set"),
    "area": ("area", "địa bàn", "dia ban", "district", "quận huyện", "xã phường"),
    "note": ("note", "ghi chú", "ghi chu", "notes"),
    "source": ("source", "nguồn", "nguon"),
}
_ROLE_OF = {
    unicodedata.normalize("NFC", alias): role
    for role, aliases in COLUMN_NAMES.items()
    for alias in aliases
}

TRUE_WORDS = frozenset({"yes", "true", "1", "done", "đạt", "hoàn thành", "có"})
FALSE_WORDS = frozenset({"no", "false", "0", "not done", "chưa đạt", "chưa hoàn thành", "không"})

_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_YEAR_HEADER = re.compile(r"[0-9]{4}")
_QUOTED = re.compile(r'"[^"]*"')
MAX_SHOWN = 60


@dataclass
class Actuals:
    """What the actuals files held: observations, and everything worth telling the user."""

    observations: list[Observation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    not_reported: int = 0  # cells left empty: "not reported", documented, never an observation
    rows: int = 0
    named_sets: list[str] = field(default_factory=list)  # target sets the rows name, in order


def normalize_header(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def normalize_word(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _loose(text: str) -> str:
    """``Hà Nội`` → ``hanoi``: no accents, no spaces, for matching names as people type them."""
    decomposed = unicodedata.normalize("NFD", normalize_word(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c) and not c.isspace())


def nfc(text: str) -> str:
    """Text from a file in NFC (a Windows-1258 file holds decomposed accents)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def shown(text: str) -> str:
    """Cell text fit for a one-line message: control characters escaped, long text cut."""
    cleaned = "".join(
        c if unicodedata.category(c) != "Cc" else f"\\x{ord(c):02x}" for c in text.strip()
    )
    return cleaned if len(cleaned) <= MAX_SHOWN else cleaned[: MAX_SHOWN - 1] + "…"


def parse_number(text: str, *, percent_sign: bool = True) -> float | str:
    """A finite number, or the reason it is not one.

    Accepts ``55``, ``55.5``, ``55,5`` (a decimal comma when unambiguous) and a
    ``%`` suffix. Refuses thousands separators (``1.234,5``, ``1,234``), hex,
    underscores, NaN and infinities.
    """
    cleaned = text.strip()
    if cleaned.endswith("%"):
        if not percent_sign:
            return "has a % sign, but this indicator is not a percentage"
        cleaned = cleaned[:-1].rstrip()
    if "," in cleaned:
        whole, _, fraction = cleaned.partition(",")
        if "." in cleaned or "," in fraction:
            return "is ambiguous: thousands separators are not read; write the number without them (55.5 or 55,5)"
        if len(fraction) == 3:
            return f"is ambiguous: {whole},{fraction} could be {whole}{fraction} or {whole}.{fraction}; write it without the comma or with a dot"
        cleaned = f"{whole}.{fraction}"
    if cleaned.lstrip("+-").casefold() in {"nan", "inf", "infinity"}:
        return (
            "is not a value; NaN and infinity are refused (leave the cell empty when not reported)"
        )
    if not _NUMBER.fullmatch(cleaned):
        return "is not a number"
    number = float(cleaned)
    if not math.isfinite(number):
        return "is too large to be a number"
    return number


def parse_milestone(text: str) -> bool | None:
    word = normalize_word(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def read_actuals(
    paths: Sequence[Path],
    target_sets: Sequence[TargetSet],
    *,
    city: str | None = None,
    encoding: str | None = None,
) -> Actuals:
    """Read every file; observations from all, problems from all, duplicates checked across files."""
    catalogue = _Catalogue(target_sets)
    if city is not None and catalogue.resolve_city(city) is None:
        raise InputError([Problem("--city", catalogue.unknown_city_message(city), "unknown-city")])
    result = Actuals()
    first_seen: dict[tuple[str, str | None, str, int], str] = {}
    read: set[Path] = set()
    for path in paths:
        if path.resolve() in read:
            result.warnings.append(f"{path}: given more than once; read once")
            continue
        read.add(path.resolve())
        _read_file(path, catalogue, city, encoding, result, first_seen)
    return result


def resolve_city(target_sets: Sequence[TargetSet], name: str) -> str | None:
    """The id of the target set that ``name`` (an id or a name) stands for."""
    return _Catalogue(target_sets).resolve_city(name)


class _Catalogue:
    """The loaded target sets, indexed for the reader's look-ups."""

    def __init__(self, target_sets: Sequence[TargetSet]) -> None:
        self.sets = {ts.id: ts for ts in target_sets}
        self.indicators: dict[str, dict[str, Indicator]] = {
            ts.id: {ind.id: ind for _, ind in ts.indicators()} for ts in target_sets
        }
        self.city_names: dict[str, str] = {}
        for ts in target_sets:
            for name in (ts.id, ts.name.vi, ts.name.en):
                self.city_names[normalize_word(name)] = ts.id
                self.city_names[_loose(name)] = ts.id

    def resolve_city(self, text: str) -> str | None:
        """A target set id from its id or its Vietnamese or English name, with or without accents and spaces."""
        return self.city_names.get(normalize_word(text)) or self.city_names.get(_loose(text))

    def unknown_city_message(self, text: str) -> str:
        known = sorted(self.sets)
        close = difflib.get_close_matches(normalize_word(text), list(self.city_names), n=1)
        hint = f"did you mean '{self.city_names[close[0]]}'? " if close else ""
        return (
            f"unknown city '{shown(text)}'; {hint}loaded target sets: {', '.join(known) or 'none'}"
        )

    def unknown_indicator_message(self, text: str, set_id: str) -> str:
        ids = list(self.indicators[set_id])
        close = difflib.get_close_matches(text, ids, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return f"unknown indicator '{shown(text)}' for {set_id}; {hint}`dxscore targets {set_id}` lists them"


def _read_file(
    path: Path,
    catalogue: _Catalogue,
    city: str | None,
    encoding: str | None,
    result: Actuals,
    first_seen: dict[tuple[str, str | None, str, int], str],
) -> None:
    name = str(path)
    if encoding is not None and not _is_text_encoding(encoding):
        raise InputError(
            [
                Problem(
                    "--encoding",
                    f"unknown text encoding '{encoding}' (try utf-8, utf-16, cp1258)",
                    "unknown-encoding",
                )
            ]
        )
    try:
        raw = path.open("rb")  # opened once: a pipe or /dev/stdin cannot be read twice
    except OSError as error:
        result.problems.append(
            Problem(name, f"cannot read the file: {error.strerror or error}", "unreadable")
        )
        return
    chosen = encoding or _encoding_from_bom(raw.peek(4)[:4])
    reader = _FileReader(path, name, chosen, catalogue, city, result, first_seen)
    try:
        with io.TextIOWrapper(raw, encoding=chosen, newline="") as stream:
            reader.read(stream)
    except UnicodeError:  # UnicodeDecodeError, or UTF-16 without its BOM
        result.problems.append(_decode_problem(path, name, chosen))
    except csv.Error as error:
        result.problems.append(
            Problem(name, _csv_error_message(str(error)), "csv-syntax", reader.next_line)
        )
    except OSError as error:
        result.problems.append(
            Problem(name, f"cannot read the file: {error.strerror or error}", "unreadable")
        )


def _is_text_encoding(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding)._is_text_encoding
    except LookupError:
        return False


def _csv_error_message(error: str) -> str:
    if "end of data" in error or "EOF" in error:
        return 'a quoted cell is never closed: a " opens here and no " ends it before the end of the file'
    if "field larger than field limit" in error:
        return "a cell is larger than the CSV reader's limit; is a quote left open?"
    if "NUL" in error:
        return "the line holds a NUL byte; is this a CSV file?"
    return f"the CSV cannot be read from here on ({error}); check the quotes of this row"


def _encoding_from_bom(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig"


def _decode_problem(path: Path, name: str, encoding: str) -> Problem:
    """Locate the first undecodable byte (only on this error path is the file read twice)."""
    shown_encoding = "UTF-8" if encoding == "utf-8-sig" else encoding
    hint = "save it as UTF-8 (in Excel: CSV UTF-8), or name its encoding with --encoding (for example cp1258 or utf-16)"
    if not path.is_file():
        return Problem(
            name, f"the input cannot be read as {shown_encoding}; {hint}", "not-decodable"
        )
    raw = path.read_bytes()
    try:
        raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        col = len(raw[line_start : error.start].decode(encoding, "replace")) + 1
        return Problem(
            name,
            f"byte 0x{raw[error.start]:02x} cannot be read as {shown_encoding}; {hint}",
            "not-decodable",
            line,
            col,
        )
    except UnicodeError as error:
        return Problem(
            name, f"the file cannot be read as {shown_encoding} ({error}); {hint}", "not-decodable"
        )
    return Problem(name, f"the file cannot be read as {shown_encoding}; {hint}", "not-decodable")


class _FileReader:
    """Reads one file into the shared :class:`Actuals`."""

    def __init__(
        self,
        path: Path,
        name: str,
        encoding: str,
        catalogue: _Catalogue,
        city: str | None,
        result: Actuals,
        first_seen: dict[tuple[str, str | None, str, int], str],
    ) -> None:
        self.path, self.name, self.encoding = path, name, encoding
        self.catalogue, self.city, self.result, self.first_seen = (
            catalogue,
            city,
            result,
            first_seen,
        )
        self.line = 0
        self.next_line = 1  # where the record being read starts (for CSV syntax errors)
        self.other_city_rows = 0

    def problem(
        self,
        message: str,
        kind: str,
        line: int | None,
        col: int | None = None,
        column: str | None = None,
    ) -> None:
        problems = self.result.problems
        if len(problems) < MAX_PROBLEMS:
            problems.append(Problem(self.name, message, kind, line, col, column))
        elif len(problems) == MAX_PROBLEMS:
            problems.append(
                Problem(
                    self.name,
                    f"stopped after {MAX_PROBLEMS} problems; fix these first",
                    "too-many-problems",
                )
            )

    def read(self, stream: io.TextIOWrapper) -> None:
        sample = stream.readline()
        if not sample.strip():
            rest = stream.read(1)
            message = (
                "the file is empty"
                if not rest
                else "the first line is empty; it must hold the column names"
            )
            self.problem(
                f"{message}; see `dxscore template` for the format",
                "empty-file",
                1 if rest else None,
            )
            return
        delimiter = _sniff_delimiter(sample)
        rows = csv.reader(_chain(sample, stream), delimiter=delimiter, strict=True)
        self._read_rows(rows)
        if self.other_city_rows:
            self.result.warnings.append(
                f"{self.name}: {self.other_city_rows} row(s) for other cities not scored (--city {self.city})"
            )

    def _read_rows(self, rows: Iterator[list[str]]) -> None:
        header = next(rows)
        self.line = 1
        layout = self._layout(header)
        if layout is None:
            return
        end: int = rows.line_num  # type: ignore[attr-defined]
        self.next_line = end + 1
        for cells in rows:
            self.line = end + 1
            end = rows.line_num  # type: ignore[attr-defined]
            self.next_line = end + 1
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # a blank line
            self.result.rows += 1
            if len(cells) != len(header):
                self.problem(
                    f"the row has {len(cells)} cells but the header has {len(header)} columns; "
                    "check for a stray delimiter or a decimal comma in an unquoted cell",
                    "ragged-row",
                    self.line,
                )
                continue
            layout.read_row(self, cells)
        if self.result.rows == 0 and not self.result.problems:
            self.problem("the file has a header but no rows", "empty-file", 1)

    def _layout(self, header: list[str]) -> _Layout | None:
        roles: dict[str, int] = {}
        years: dict[int, int] = {}
        unused: list[str] = []
        for index, cell in enumerate(header):
            key = normalize_header(cell)
            if _YEAR_HEADER.fullmatch(key):
                if not MIN_YEAR <= int(key) <= MAX_YEAR:
                    self.problem(
                        f"column year {key} is not between {MIN_YEAR} and {MAX_YEAR}",
                        "bad-year",
                        1,
                        index + 1,
                        cell,
                    )
                    return None
                if int(key) in years.values():
                    self.problem(
                        f"year {key} heads two columns; keep one",
                        "duplicate-column",
                        1,
                        index + 1,
                        cell,
                    )
                    return None
                years[index] = int(key)
                continue
            role = _ROLE_OF.get(key)
            if role is None:
                if key:
                    unused.append(cell.strip())
                continue
            if role in roles:
                self.problem(
                    f"two columns mean '{role}' ({header[roles[role]]!r} and {cell!r}); keep one",
                    "duplicate-column",
                    1,
                    index + 1,
                    cell,
                )
                return None
            roles[role] = index
        wide = bool(years)
        required = ("indicator",) if wide else ("indicator", "year", "value")
        missing = [role for role in required if role not in roles]
        if wide and ("year" in roles or "value" in roles):
            self.problem(
                "the header mixes a wide layout (years as columns) with year/value columns; use one layout",
                "mixed-layout",
                1,
            )
            return None
        if "city" not in roles and self.city is None and len(self.catalogue.sets) > 1:
            missing.append("city")
        if missing:
            need = ", ".join(missing)
            hint = (
                f" (several target sets are loaded: add a city column or pass --city {sorted(self.catalogue.sets)[0]})"
                if "city" in missing
                else ""
            )
            self.problem(
                f"missing column(s): {need}{hint}; the header needs indicator, year, value (or years as columns)",
                "missing-column",
                1,
            )
            return None
        if unused:
            names = ", ".join(shown(name) for name in unused[:10])
            more = f" and {len(unused) - 10} more" if len(unused) > 10 else ""
            self.result.warnings.append(f"{self.name}: column(s) not used: {names}{more}")
        return _Layout(roles, years, [cell.strip() for cell in header])


class _Layout:
    """Where each field is in a row, and how one row becomes observations."""

    def __init__(self, roles: dict[str, int], years: dict[int, int], header: list[str]) -> None:
        self.roles, self.years, self.header = roles, years, header

    def read_row(self, reader: _FileReader, cells: list[str]) -> None:
        roles = self.roles
        line = reader.line
        set_id = self._city(reader, cells)
        if set_id is None:
            return
        indicator_cell = cells[roles["indicator"]].strip()
        indicator = reader.catalogue.indicators[set_id].get(indicator_cell.casefold())
        if indicator is None:
            message = (
                "the indicator is empty"
                if not indicator_cell
                else reader.catalogue.unknown_indicator_message(indicator_cell, set_id)
            )
            reader.problem(
                message,
                "unknown-indicator",
                line,
                roles["indicator"] + 1,
                self.header[roles["indicator"]],
            )
            return
        area = nfc(_text(cells, roles.get("area"))) or None
        note = nfc(_text(cells, roles.get("note")))
        source = nfc(_text(cells, roles.get("source")))
        if self.years:
            for index, column_year in self.years.items():
                self._observe(
                    reader, set_id, area, indicator, column_year, cells[index], index, note, source
                )
            return
        year_index = roles["year"]
        year_cell = cells[year_index].strip()
        year = int(year_cell) if year_cell.isdecimal() and year_cell.isascii() else None
        if year is None or not MIN_YEAR <= year <= MAX_YEAR:
            reader.problem(
                f"year '{shown(year_cell)}' is not a year between {MIN_YEAR} and {MAX_YEAR}",
                "bad-year",
                line,
                year_index + 1,
                self.header[year_index],
            )
            return
        self._observe(
            reader,
            set_id,
            area,
            indicator,
            year,
            cells[roles["value"]],
            roles["value"],
            note,
            source,
        )

    def _city(self, reader: _FileReader, cells: list[str]) -> str | None:
        index = self.roles.get("city")
        wanted = reader.catalogue.resolve_city(reader.city) if reader.city else None
        if index is None:
            only = wanted or next(iter(reader.catalogue.sets))
            if only not in reader.result.named_sets:
                reader.result.named_sets.append(only)
            return only
        cell = cells[index].strip()
        set_id = reader.catalogue.resolve_city(cell) if cell else wanted
        if set_id is None:
            message = (
                "the city is empty" if not cell else reader.catalogue.unknown_city_message(cell)
            )
            reader.problem(message, "unknown-city", reader.line, index + 1, self.header[index])
            return None
        if wanted is not None and set_id != wanted:
            reader.other_city_rows += 1
            return None
        if set_id not in reader.result.named_sets:
            reader.result.named_sets.append(set_id)
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
            where = area or "city-wide"
            reader.problem(
                f"a second value for {indicator.id} in {year} ({set_id}, {where}); the first is at {reader.first_seen[key]}. Keep one row",
                "duplicate-row",
                line,
                index + 1,
                column,
            )
            return
        reader.first_seen[key] = f"{reader.name}:{line}"
        if not cell.strip():
            reader.result.not_reported += 1
            return
        value = _value(reader, indicator, cell, line, index + 1, column)
        if value is not None:
            reader.result.observations.append(
                Observation(
                    set_id, area, indicator.id, year, value, reader.name, line, note, source
                )
            )


def _value(
    reader: _FileReader, indicator: Indicator, cell: str, line: int, col: int, column: str
) -> Value | None:
    if indicator.unit == "milestone":
        done = parse_milestone(cell)
        if done is None:
            reader.problem(
                f"'{shown(cell)}' is not a milestone value for {indicator.id}; write done/yes/1/đạt/hoàn thành or no/0/chưa đạt",
                "bad-milestone",
                line,
                col,
                column,
            )
        return done
    number = parse_number(cell, percent_sign=indicator.unit.startswith("percent"))
    if isinstance(number, str):
        reader.problem(f"'{shown(cell)}' {number}", "not-a-number", line, col, column)
        return None
    low, high = unit_range(indicator.unit)
    if (low is not None and number < low) or (high is not None and number > high):
        span = f"{low:g}–{high:g}" if high is not None else f"at least {low:g}"
        reader.problem(
            f"{number:g} is outside the range of {indicator.id} (unit {indicator.unit}: {span})",
            "out-of-range",
            line,
            col,
            column,
        )
        return None
    return number


def _text(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None else ""


def _sniff_delimiter(header_line: str) -> str:
    """The delimiter used most in the header line: ``,``, ``;`` or tab."""
    unquoted = _QUOTED.sub("", header_line)
    counts = {delimiter: unquoted.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _chain(first: str, rest: io.TextIOBase | Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest
