"""A table's header: where it is, which column holds what, long or wide."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from dxscore.actuals.values import DATE, MAX_YEAR, MIN_YEAR, YEAR_INSIDE
from dxscore.errors import Problem, problem
from dxscore.text import loose_word, normalize_word

# Header names, compared after NFC, case folding and collapsing spaces.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator", "chỉ tiêu", "chi tieu", "mã chỉ tiêu", "ma chi tieu"),
    "year": ("year", "năm", "nam", "năm báo cáo", "nam bao cao"),
    "value": (
        *("value", "giá trị", "gia tri", "actual", "giá trị thực hiện", "gia tri thuc hien"),
        *("kết quả", "ket qua", "kết quả thực hiện", "ket qua thuc hien", "thực hiện"),
        *("thuc hien", "số liệu", "so lieu"),
    ),
    # what the indicator is called, for the person filling the sheet in: never read as data
    # (the indicator column when no other column names the indicator)
    "name": ("name", "indicator name", "tên chỉ tiêu", "ten chi tieu", "tên", "ten"),
    "estimate": ("estimate", "est", "est.", "ước tính", "uoc tinh", "ước", "uoc"),
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
    """The role of a column by its heading (as :func:`normalize_word` gives it), or None. A
    unit in brackets after it is left aside ("Giá trị (%)", "Value [tỷ đồng]"), an estimate's
    mark is not ("Giá trị (ước)" is no column dxscore knows: nothing is read as measured that a
    heading says is estimated)."""
    role = _ROLE_OF.get(heading)
    if (
        role is None
        and (unit := _UNIT_AFTER.search(heading))
        and not _IS_ESTIMATE.fullmatch(unit.group(1))
    ):
        role = _ROLE_OF.get(heading[: unit.start()])
    if role is None and ("/" in heading or "," in heading):
        kinds = set(_KINDS_OF_PLACE.split(heading))
        if kinds <= _CITY_KINDS:
            return "city"
        if kinds <= _AREA_KINDS | _CITY_KINDS:  # "Quận/Huyện/Thành phố": a city within the city
            return "area"
    return role


_UNIT_AFTER = re.compile(r" ?[(\[]([^()\[\]]*)[)\]]$")  # "giá trị (%)": the unit in brackets
_YEAR_HEADER = re.compile(r"(?:(?:year|năm|nam) ?)?([0-9]{4})")  # 2024, Năm 2024, Year 2024
# A year whose values are estimates, as reports head it: "2025 (ước)", "Năm 2025 (ước tính)",
# "Ước thực hiện 2025", "Ước TH năm 2025", "2025 (est.)", "Estimate 2025"
_ESTIMATE = r"(?:ước(?: tính| thực hiện| th)?|uoc(?: tinh| thuc hien| th)?|est\.?|estimate)"
_IS_ESTIMATE = re.compile(rf" ?{_ESTIMATE} ?")
_ESTIMATE_YEAR = re.compile(
    rf"(?:(?:year|năm|nam) ?)?([0-9]{{4}}) ?(?:\({_ESTIMATE}\)|\[{_ESTIMATE}\]|- ?{_ESTIMATE}|{_ESTIMATE})"
    rf"|{_ESTIMATE} (?:(?:year|năm|nam) )?([0-9]{{4}})"
)


# A heading of targets or plans beside the reported years ("Mục tiêu 2025", "KH 2025"):
# not a year of actuals, so its column is left out with a warning like any other unused one
_PLANNED = re.compile(r"\b(mục tiêu|muc tieu|kế hoạch|ke hoach|kh|chỉ tiêu giao|target|plan)\b")


_QUOTED = re.compile(r'"[^"]*"')


DELIMITERS = (",", ";", "\t")
LOOK_FOR_HEADER = 20  # lines below a CSV file's first line searched for its header


def _accepted(names: tuple[str, ...], lang: str) -> str:
    """What a column may be headed, as a message lists it: the headings of the message's
    language first, then the others (Vietnamese ones with their accents: a sheet made in a
    Vietnamese office is headed in Vietnamese whatever language the message is in)."""
    accented = {loose_word(name) for name in names if not name.isascii()}
    english = [n for n in names if n.isascii() and loose_word(n) not in accented]
    vietnamese = [n for n in names if not n.isascii()]
    return ", ".join([*english, *vietnamese] if lang == "en" else [*vietnamese, *english])


def first_record(first: str, below: list[str]) -> str:
    """The text of a CSV file's first record: its first line, and the next ones while a quoted
    cell is open (a heading typed with a line break, as Excel writes it)."""
    text = first
    for line in below:
        if text.count('"') % 2 == 0:
            break
        text += line
    return text


class HeaderFound(NamedTuple):
    """A CSV file's header below title lines: its index among the lines, its delimiter, and
    the lines (1-based) of any other line that could head the table."""

    start: int
    delimiter: str
    others: tuple[int, ...]


def find_header(lines: list[str]) -> HeaderFound | None:
    """Where a CSV file's header is when titles sit above it; None when the first record is
    the header, or no line looks like one (the header is then the first line, and what it
    lacks is said of it). A record may span lines, and a title seldom has the table's
    delimiter: each line is tried as the start of the header with each delimiter."""
    if not lines or _starts_a_header(lines, sniff_delimiter(first_record(lines[0], lines[1:]))):
        return None
    found: list[int] = []
    start = 1
    while start < len(lines):
        if any(_starts_a_header(lines[start:], d) for d in DELIMITERS):
            found.append(start)
            start += first_record(lines[start], lines[start + 1 :]).count("\n") or 1
        else:
            start += 1
    if not found:
        return None
    start = found[0]
    delimiter = sniff_delimiter(first_record(lines[start], lines[start + 1 :]))
    return HeaderFound(start, delimiter, tuple(other + 1 for other in found[1:]))


def _starts_a_header(lines: list[str], delimiter: str) -> bool:
    try:
        return names_the_indicator(next(csv.reader(lines, delimiter=delimiter), []))
    except csv.Error:
        return False


def names_the_indicator(cells: list[str]) -> bool:
    """Whether a row is its table's header: a cell names the indicator column (or its name
    column, which stands for it when nothing else does), which both layouts have."""
    return any(role_of(normalize_word(cell)) in ("indicator", "name") for cell in cells if cell)


def clean_long_layout(
    name: str, header: list[str], *, city_needed: bool
) -> tuple[dict[str, int], list[int]] | None:
    """The columns of a long-layout header, as the reference reader would take them, and those
    without a header (a warning if any cell of them holds data); None when it would say
    anything about the header (a problem, unused columns, a wide layout)."""
    columns = read_header(name, 1, header, city_needed=city_needed, known_sets=())
    if isinstance(columns, Problem) or columns.years or columns.unused:
        return None
    return columns.roles, columns.unnamed


def sniff_delimiter(header_line: str) -> str:
    """The delimiter used most in the header line: ``,``, ``;`` or tab."""
    unquoted = _QUOTED.sub("", header_line)
    counts = {delimiter: unquoted.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


@dataclass(frozen=True, slots=True)
class Columns:
    """What a table's header says: the column of each role, the year of each year column (the
    wide layout) and which of those hold estimates, the headings as written, the columns
    without a heading, and the headings of columns that are not used (for a warning)."""

    roles: dict[str, int]
    years: dict[int, int]
    header: list[str]
    unnamed: list[int]
    unused: list[str]
    estimated: frozenset[int] = frozenset()  # year columns headed as estimates ("2025 (ước)")


def _year_heading(key: str) -> tuple[int, bool] | None:
    """The year a heading names and whether its values are estimates, if it is a year's."""
    if plain := _YEAR_HEADER.fullmatch(key):
        return int(plain[1]), False
    if estimated := _ESTIMATE_YEAR.fullmatch(key):
        return int(estimated[1] or estimated[2]), True
    return None


def read_header(
    name: str,
    line: int | None,
    header: Sequence[str],
    *,
    city_needed: bool,
    known_sets: Sequence[str],
) -> Columns | Problem:
    """The columns of a header, or the first thing that makes it unreadable."""
    roles: dict[str, int] = {}
    years: dict[int, int] = {}
    estimated: set[int] = set()
    unused: list[str] = []
    unnamed: list[int] = []  # columns without a header: named in a warning if they hold data
    dated: list[tuple[int, str]] = []  # unused columns whose header holds a year
    for index, cell in enumerate(header):
        at = (line, index + 1, cell)
        key = normalize_word(cell)
        if (year_heading := _year_heading(key)) is not None:
            year, estimate = year_heading
            if not MIN_YEAR <= year <= MAX_YEAR:
                return problem(name, "bad-year.column", *at, year=year, low=MIN_YEAR, high=MAX_YEAR)
            if year in years.values():
                return problem(name, "duplicate-column.year", *at, year=year)
            years[index] = year
            if estimate:
                estimated.add(index)
            continue
        if DATE.fullmatch(key):  # a year heading formatted as a date: 2024 is 1905-07-16
            return problem(name, "bad-year.date", *at, year=cell.strip())
        role = role_of(key)
        if role is None:
            if key:
                unused.append(cell.strip())
                found = YEAR_INSIDE.search(key)
                if found and not _PLANNED.search(key):  # "Kế hoạch 2025" holds no actuals
                    dated.append((index, found[0]))
            else:
                unnamed.append(index)
            continue
        if role in roles:
            return problem(
                name,
                "duplicate-column.area" if role == "area" else "duplicate-column",
                *at,
                role=role,
                first=repr(header[roles[role]]),
                second=repr(cell),
            )
        roles[role] = index
    if "indicator" not in roles and "name" in roles:  # "Tên chỉ tiêu" alone names the indicator
        roles["indicator"] = roles.pop("name")
    wide = bool(years)
    if wide and dated:  # "Năm 2024 (sơ bộ)" beside "Năm 2023": a year column, not one to drop
        index, written = dated[0]
        return problem(name, "bad-year.heading", line, index + 1, header[index], year=written)
    if wide and "estimate" in roles:
        index = roles["estimate"]
        return problem(name, "estimate-column-wide", line, index + 1, header[index])
    required = ("indicator",) if wide else ("indicator", "year", "value")
    missing = [role for role in required if role not in roles]
    if wide and ("year" in roles or "value" in roles):
        return problem(name, "mixed-layout", line, 1)
    if "city" not in roles and city_needed:
        missing.append("city")
    if missing:
        headings = ", ".join(repr(cell.strip()) for cell in header if cell.strip()) or "–"
        accepted = {
            f"accepted_{lang}": "; ".join(
                f"{role}: {_accepted(COLUMN_NAMES[role], lang)}" for role in missing
            )
            for lang in ("en", "vi")
        }
        fields = {"columns": ", ".join(missing), "found": headings, **accepted}
        if "city" in missing:
            known = ", ".join(sorted(known_sets))
            return problem(name, "missing-column.city", line, 1, known=known, fields=fields)
        return problem(name, "missing-column", line, 1, fields=fields)
    return Columns(
        roles, years, [cell.strip() for cell in header], unnamed, unused, frozenset(estimated)
    )
