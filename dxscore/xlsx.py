"""An .xlsx workbook read part by part, with bounded work and nothing read out of garbage.

A workbook is a zip of XML parts. Everything dxscore reads of one (the list of its sheets, its
shared strings, its number formats, one sheet's cells) is parsed here, with expat, as a stream,
so that the work is bounded by limits each with its own problem type:

* the zip: at most :data:`MAX_PARTS` parts, each inflating to at most :data:`MAX_PART_BYTES`
  (the size the zip declares is checked first, then the bytes actually inflated are counted as
  they are read, since a declared size can lie); only the methods Excel writes (deflate, none);
* shared strings: at most :data:`MAX_SHARED_STRINGS` of them, :data:`MAX_SHARED_TEXT`
  characters in all, and a cell at most :data:`MAX_CELL_TEXT` characters (Excel's own limit);
* rows and columns within Excel's own limits, :data:`MAX_ROW` and :data:`MAX_COLUMN`;
* no DOCTYPE (so no entity can expand: a "billion laughs" is refused before it starts).

What Excel would never write is refused, placed at its cell where it has one: a shared-string
index that is negative, past the table or not a number, a malformed shared string, a cell
reference given twice or out of order, a row number given twice, a number that is no number, a
style that does not exist. openpyxl supplies the conversions (serial numbers to dates, number
formats, shared formulas); it does not parse the file.
"""

from __future__ import annotations

import datetime
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

MAX_WORKBOOK_BYTES = 32 * 1024 * 1024  # the file itself
MAX_PARTS = 10_000
MAX_PART_BYTES = 32 * 1024 * 1024  # one part, inflated: a sheet of about 1.3 million cells
MAX_SHARED_STRINGS = 500_000
MAX_SHARED_TEXT = 16 * 1024 * 1024  # characters, all shared strings together
MAX_CELL_TEXT = 32_767  # characters in one cell: Excel's limit
MAX_ROW = 1_048_576  # Excel's last row
MAX_COLUMN = 16_384  # Excel's last column, XFD

_CHUNK = 64 * 1024
# what reading a damaged zip raises: a wrong header, checksum, length or compressed stream
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    struct.error,
    zlib.error,
)


class SheetError(Exception):
    """The workbook or sheet cannot be read; ``key`` and ``fields`` name the problem, ``at``
    the row and column of the cell at fault when there is one."""

    def __init__(self, key: str, at: tuple[int, int] | None = None, **fields: object) -> None:
        super().__init__(key)
        self.key = key
        self.at = at
        self.fields = fields


# --- the zip -------------------------------------------------------------------------------


class Package:
    """The zip's parts, each read through a counter that stops at :data:`MAX_PART_BYTES`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        _check_directory(path)
        try:
            self.zip = zipfile.ZipFile(path)
            infos = self.zip.infolist()
        except _ZIP_ERRORS:
            raise SheetError("not-a-workbook.damaged-zip") from None
        self.parts = {info.filename: info for info in infos}
        if len(infos) > MAX_PARTS:
            raise SheetError("workbook-too-many-parts", limit=f"{MAX_PARTS:,}")
        for info in infos:
            if info.flag_bits & 0x1:
                raise SheetError("not-a-workbook.encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise SheetError("not-a-workbook.compression", part=info.filename)
            if info.file_size > MAX_PART_BYTES:
                raise SheetError(
                    "workbook-part-too-large", part=info.filename, limit=_mib(MAX_PART_BYTES)
                )

    def __contains__(self, part: str) -> bool:
        return part in self.parts

    def open(self, part: str) -> _CountedPart:
        if part not in self.parts:
            raise SheetError("not-a-workbook.part-missing", part=part)
        try:
            stream = self.zip.open(self.parts[part])
        except _ZIP_ERRORS:
            raise SheetError("not-a-workbook.damaged-part", part=part) from None
        return _CountedPart(stream, part)

    def close(self) -> None:
        self.zip.close()


class _CountedPart:
    """A part read in chunks, the inflated bytes counted: never more than the limit, whatever
    the zip declares (zipfile inflates each chunk with a bound on its output)."""

    def __init__(self, stream: IO[bytes], part: str) -> None:
        self.stream, self.part, self.count = stream, part, 0

    def chunks(self) -> Iterator[bytes]:
        try:
            with self.stream:
                while chunk := self.stream.read(_CHUNK):
                    self.count += len(chunk)
                    if self.count > MAX_PART_BYTES:
                        raise SheetError(
                            "workbook-part-too-large", part=self.part, limit=_mib(MAX_PART_BYTES)
                        )
                    yield chunk
        except _ZIP_ERRORS:
            # a checksum that does not match, compressed data cut short
            raise SheetError("not-a-workbook.damaged-part", part=self.part) from None


def _check_directory(path: Path) -> None:
    """Refuse, before the zip's directory is read into memory, a file too large, a zip
    directory of more than :data:`MAX_PARTS` entries, and what is not a zip at all."""
    try:
        with path.open("rb") as file:
            size = file.seek(0, 2)
            if size > MAX_WORKBOOK_BYTES:
                raise SheetError("workbook-too-large", limit=_mib(MAX_WORKBOOK_BYTES))
            file.seek(0)
            head = file.read(8)
            file.seek(max(0, size - 65_557))  # the end record, after a comment of up to 64 KiB
            tail = file.read()
    except OSError as error:
        raise SheetError("unreadable", reason=error.strerror or error) from None
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: an .xls, or an .xlsx saved with a password
        raise SheetError("not-a-workbook.ole2")
    end = tail.rfind(b"PK\x05\x06")
    if not head.startswith(b"PK") or end < 0 or len(tail) < end + 22:
        raise SheetError("not-a-workbook.not-zip")
    entries, directory = struct.unpack_from("<HI", tail, end + 10)
    if entries > MAX_PARTS or directory > MAX_PARTS * 1024:
        raise SheetError("workbook-too-many-parts", limit=f"{MAX_PARTS:,}")


def _mib(size: int) -> int:
    return size // (1024 * 1024)


# --- XML, streamed ---------------------------------------------------------------------------


Start = Callable[[str, dict[str, str]], None]
End = Callable[[str], None]
Text = Callable[[str], None]


def _parse(source: _CountedPart, start: Start, end: End, text: Text | None = None) -> None:
    """Stream a part through expat: local element names (a prefix set aside, so that a
    prefixed ``x:row`` is a row) and attributes; a DOCTYPE is refused before its entities
    can be declared, let alone expanded."""
    from xml.parsers import expat

    parser = expat.ParserCreate()  # names as written, a prefix set aside below

    def refuse_doctype(*_: object) -> None:
        raise SheetError("not-a-workbook.doctype", part=source.part)

    def on_start(name: str, attributes: dict[str, str]) -> None:
        start(name.rpartition(":")[2] if ":" in name else name, attributes)

    def on_end(name: str) -> None:
        end(name.rpartition(":")[2] if ":" in name else name)

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.StartElementHandler = on_start
    parser.EndElementHandler = on_end
    if text is not None:
        parser.CharacterDataHandler = text
        parser.buffer_text = True
    try:
        for chunk in source.chunks():
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise SheetError(
            "not-a-workbook.xml", part=source.part, line=error.lineno, col=error.offset + 1
        ) from None


def _attribute(attributes: dict[str, str], name: str) -> str | None:
    """An attribute by its local name, in whatever namespace (``r:id``)."""
    if name in attributes:
        return attributes[name]
    return next((v for k, v in attributes.items() if k.rpartition(":")[2] == name), None)


# --- the workbook: its sheets, shared strings and number formats ----------------------------


@dataclass(frozen=True, slots=True)
class SheetEntry:
    """A sheet as the workbook lists it: its part is None when the zip does not hold it."""

    name: str
    state: str  # visible, hidden, veryHidden
    part: str | None
    kind: str  # worksheet, chartsheet, dialogsheet, macrosheet, or "" when unknown


@dataclass(slots=True)
class Book:
    package: Package
    sheets: list[SheetEntry]
    epoch: datetime.datetime
    strings: list[str] = field(default_factory=list)
    malformed: set[int] = field(default_factory=set)  # shared strings that are not well formed
    formats: list[str | None] = field(default_factory=lambda: ["General"])  # by style index

    def close(self) -> None:
        self.package.close()


def open_book(path: Path) -> Book:
    """The workbook's sheets, shared strings and number formats; :class:`SheetError` for a
    file that is not a workbook or exceeds a limit."""
    from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH

    package = Package(path)
    try:
        if "[Content_Types].xml" not in package:
            raise SheetError("not-a-workbook.part-missing", part="[Content_Types].xml")
        workbook = _target(_relations(package, "_rels/.rels"), "officeDocument", "")
        if workbook is None:
            raise SheetError("not-a-workbook.part-missing", part="xl/workbook.xml")
        folder = str(PurePosixPath(workbook).parent)
        relations = _relations(package, _rels_of(workbook), folder)
        listed, date1904 = _sheets(package, workbook)
        sheets = []
        for name, state, rid in listed:
            kind, target = relations.get(rid, ("", ""))
            present = target if target in package else None
            sheets.append(SheetEntry(name, state, present, kind))
        book = Book(package, sheets, MAC_EPOCH if date1904 else WINDOWS_EPOCH)
        strings = _target(relations, "sharedStrings", folder)
        if strings is not None:
            book.strings, book.malformed = _shared_strings(package.open(strings))
        styles = _target(relations, "styles", folder)
        if styles is not None and styles in package:
            book.formats = _number_formats(package.open(styles))
    except BaseException:
        package.close()
        raise
    return book


def _rels_of(part: str) -> str:
    path = PurePosixPath(part)
    return str(path.parent / "_rels" / f"{path.name}.rels")


def _relations(package: Package, part: str, folder: str = "") -> dict[str, tuple[str, str]]:
    """A .rels part: relation id → (kind, the part it names), targets resolved from
    ``folder``."""
    found: dict[str, tuple[str, str]] = {}
    if part not in package and part != "_rels/.rels":
        return found

    def start(name: str, attributes: dict[str, str]) -> None:
        if name != "Relationship" or attributes.get("TargetMode") == "External":
            return
        target = attributes.get("Target", "")
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else f"{folder}/{target}"
            if folder
            else target
        )
        parts: list[str] = []
        for piece in path.split("/"):
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece not in ("", "."):
                parts.append(piece)
        kind = attributes.get("Type", "").rpartition("/")[2]
        found[attributes.get("Id", "")] = (kind, "/".join(parts))

    _parse(package.open(part), start, lambda _: None)
    return found


def _target(relations: dict[str, tuple[str, str]], kind: str, _folder: str) -> str | None:
    return next((target for k, target in relations.values() if k == kind), None)


def _sheets(package: Package, part: str) -> tuple[list[tuple[str, str, str]], bool]:
    """The workbook part's sheets (name, state, relation id) in order, and whether its dates
    count from 1904."""
    listed: list[tuple[str, str, str]] = []
    date1904 = [False]

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == "sheet":
            listed.append(
                (
                    attributes.get("name", ""),
                    attributes.get("state", "visible"),
                    _attribute(attributes, "id") or "",
                )
            )
        elif name == "workbookPr":
            date1904[0] = attributes.get("date1904", "0").lower() in ("1", "true")

    _parse(package.open(part), start, lambda _: None)
    return listed, date1904[0]


class _RichText:
    """The text of a shared string or an inline string, as Excel writes it: one ``<t>``, or
    runs ``<r>`` each holding one ``<t>``; phonetic guides (``<rPh>``) are not its text."""

    ALLOWED = frozenset({"t", "r", "rPh", "phoneticPr", "rPr", "extLst"})

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.pieces: list[str] = []
        self.size = 0
        self.path: list[str] = []  # elements open below the string's own (si, is)
        self.texts = 0  # <t> that count
        self.plain = 0  # <t> directly below the string
        self.bad = False
        self.collecting = False

    def start(self, name: str) -> None:
        parent = self.path[-1] if self.path else None
        if parent is None:
            self.bad |= name not in self.ALLOWED or name == "rPr"
            self.plain += name == "t"
        elif parent == "r":
            self.bad |= name not in ("t", "rPr")
        elif parent == "t":
            self.bad = True  # markup inside a text
        self.collecting = name == "t" and parent in (None, "r")
        self.texts += self.collecting
        self.path.append(name)

    def end(self) -> None:
        self.path.pop()
        self.collecting = False

    def text(self, data: str, limit: int) -> None:
        if self.collecting:
            self.size += len(data)
            if self.size > limit:
                raise SheetError("cell-too-long", limit=f"{limit:,}")
            self.pieces.append(data)
        elif data.strip() and (not self.path or self.path[-1] in ("r",)):
            self.bad = True  # text outside any <t>

    def value(self) -> tuple[str, bool]:
        """The text (as openpyxl reads it, ``_x005F_`` unescaped) and whether it is malformed:
        no text element, or one both plain and in runs, or markup where text belongs."""
        mixed = self.plain > 1 or 0 < self.plain < self.texts  # two plain texts, or plain and runs
        malformed = self.bad or not self.texts or mixed
        return "".join(self.pieces).replace("x005F_", ""), malformed


def _shared_strings(source: _CountedPart) -> tuple[list[str], set[int]]:
    """The shared strings, within :data:`MAX_SHARED_STRINGS` and :data:`MAX_SHARED_TEXT`; and
    the indices of those that are malformed (refused where a cell uses them)."""
    strings: list[str] = []
    malformed: set[int] = set()
    rich = _RichText()
    inside = [False]
    total = [0]

    def start(name: str, attributes: dict[str, str]) -> None:
        if inside[0]:
            rich.start(name)
        elif name == "si":
            if len(strings) == MAX_SHARED_STRINGS:
                raise SheetError("too-many-shared-strings", limit=f"{MAX_SHARED_STRINGS:,}")
            inside[0] = True
            rich.reset()

    def end(name: str) -> None:
        if inside[0] and rich.path:
            rich.end()
        elif inside[0]:  # </si>
            inside[0] = False
            text, bad = rich.value()
            if bad:
                malformed.add(len(strings))
            total[0] += len(text)
            if total[0] > MAX_SHARED_TEXT:
                raise SheetError("shared-strings-too-large", limit=f"{MAX_SHARED_TEXT:,}")
            strings.append(text)

    def text(data: str) -> None:
        if inside[0]:
            rich.text(data, MAX_CELL_TEXT)

    try:
        _parse(source, start, end, text)
    except SheetError as error:
        if error.key == "cell-too-long":  # a shared string longer than a cell can hold
            raise SheetError(
                "shared-string-too-long", index=len(strings), limit=f"{MAX_CELL_TEXT:,}"
            ) from None
        raise
    return strings, malformed


def _number_formats(source: _CountedPart) -> list[str | None]:
    """Each cell style's number format (``cellXfs``), as Excel shows numbers in it: a custom
    format by its code, a built-in one by its number; None for a format the file names but
    does not define (a number in it is refused: how it reads would be a guess)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    custom: dict[int, str] = {}
    ids: list[str] = []
    where: list[str] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == "numFmt" and where == ["numFmts"]:
            number = attributes.get("numFmtId", "")
            if number.isdigit() and number.isascii():
                custom[int(number)] = attributes.get("formatCode", "")
        elif name == "xf" and where == ["cellXfs"]:
            ids.append(attributes.get("numFmtId", "0"))
        if name in ("numFmts", "cellXfs") or where:
            where.append(name)

    def end(name: str) -> None:
        if where:
            where.pop()

    _parse(source, start, end)
    formats: list[str | None] = []
    for written in ids:
        number = (
            int(written) if written.isdigit() and written.isascii() and len(written) < 10 else -1
        )
        if number in custom:
            formats.append(custom[number])
        elif 0 <= number < 164:
            formats.append(BUILTIN_FORMATS.get(number, "General"))
        else:
            formats.append(None)
    return formats or ["General"]


# --- a sheet's rows --------------------------------------------------------------------------


@dataclass(slots=True)
class Cell:
    """A cell with content: its column, its value as Excel last computed it (None for a
    formula never computed), its number format, and its formula (``=…``) if it has one."""

    column: int
    value: object
    number_format: str
    formula: str | None = None


_REFERENCE = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")
_NUMBER = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?")
_WHOLE = re.compile(r"[0-9]{1,10}")
_INFINITY = float("inf")


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_COLUMNS = {_letters(number): number for number in range(1, MAX_COLUMN + 1)}  # "XFD": 16384


def read_rows(
    book: Book, entry: SheetEntry, refuse: Callable[[SheetError], None]
) -> Iterator[tuple[int, list[Cell]]]:
    """Each row with content, as (its number, its cells by column): rows that hold nothing
    are not given (so a row numbered a million costs nothing), nor is a row with a cell that
    had to be refused (``refuse`` is told, and reading goes on). A sheet whose structure is
    garbage (rows or cells out of order, past Excel's limits) raises :class:`SheetError`."""
    assert entry.part is not None
    scan = _SheetScan(book, refuse)
    source = book.package.open(entry.part)
    from xml.parsers import expat

    parser = expat.ParserCreate()  # names as written: the handlers set prefixes aside

    def refuse_doctype(*_: object) -> None:
        raise SheetError("not-a-workbook.doctype", part=entry.part)

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.StartElementHandler = scan.start
    parser.EndElementHandler = scan.end
    parser.CharacterDataHandler = scan.text
    parser.buffer_text = True
    try:
        for chunk in source.chunks():
            parser.Parse(chunk, False)
            yield from scan.take()
        parser.Parse(b"", True)
        yield from scan.take()
    except expat.ExpatError:
        yield from scan.take()
        raise SheetError("sheet-xml", (scan.row + (not scan.in_row), 1)) from None


class _SheetScan:
    """The state of reading a sheet's XML: the row and cell being read, the rows read. Its
    handlers run once per element of a sheet of up to a million cells: they are kept lean."""

    def __init__(self, book: Book, refuse: Callable[[SheetError], None]) -> None:
        self.book, self.refuse = book, refuse
        self.ready: list[tuple[int, list[Cell]]] = []
        self.in_data = self.in_row = False
        self.row = 0  # the number of the last row begun
        self.row_text = "0"  # as a cell reference ends
        self.cells: list[Cell] = []
        self.refused = False  # a cell of this row was refused
        self.column = 0  # the last cell's column in this row
        self.cell: dict[str, str] | None = None  # the cell being read: its attributes
        self.target: list[str] | None = None  # the text being read: of <v> or of <f>
        self.value: list[str] = []
        self.formula: list[str] = []
        self.formula_attributes: dict[str, str] | None = None
        self.rich = _RichText()  # an inline string's text (<is>), while one is read
        self.inline = False
        self.seen: set[str] = set()
        self.shared: dict[str, tuple[str, str]] = {}  # shared formulas: si → (text, origin)
        self.styles: dict[str, tuple[str | None, bool, bool]] = {}  # s="…" → format, date?
        self.columns: dict[str, int] = {}  # "AB" → 28

    def take(self) -> list[tuple[int, list[Cell]]]:
        ready, self.ready = self.ready, []
        return ready

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if ":" in name:  # x:row, as the OpenXML SDK writes
            name = name.rpartition(":")[2]
        if self.cell is not None:
            if self.inline:
                self.rich.start(name)
            elif self.target is not None or name in self.seen or name in ("c", "row"):
                # markup inside a value, a second value, a cell inside a cell: whichever
                # was read would be a guess
                raise SheetError("sheet-xml", (self.row, self.column))
            elif name == "v":
                self.target = self.value
                self.seen.add(name)
            elif name == "f":
                self.target = self.formula
                self.formula_attributes = attributes
                self.seen.add(name)
            elif name == "is":
                self.inline = True
                self.rich.reset()
                self.seen.add(name)
        elif name == "c":
            if self.in_row:
                self._begin_cell(attributes)
        elif name == "row":
            if self.in_row:  # a row inside a row
                raise SheetError("sheet-xml", (self.row, 1))
            if self.in_data:
                self._begin_row(attributes.get("r"))
        elif name == "sheetData":
            self.in_data = True

    def end(self, name: str) -> None:
        if ":" in name:
            name = name.rpartition(":")[2]
        if self.cell is not None:
            if self.inline and self.rich.path:
                self.rich.end()
            elif name == "c":
                self._end_cell()
            else:
                self.target = None
        elif name == "row":
            if self.in_row:
                self.in_row = False
                if self.cells and not self.refused:
                    self.ready.append((self.row, self.cells))
        elif name == "sheetData":
            self.in_data = False

    def text(self, data: str) -> None:
        if self.target is not None:
            self.target.append(data)
        elif self.inline:
            self.rich.text(data, MAX_CELL_TEXT)

    def _begin_row(self, written: str | None) -> None:
        if written is None:
            number = self.row + 1
        elif _WHOLE.fullmatch(written) and int(written) > 0:
            number = int(written)
        else:
            raise SheetError("bad-row-number", (self.row + 1, 1), written=written[:20])
        if number > MAX_ROW:  # placed where it stands: no program shows such a row
            raise SheetError(
                "row-past-limit", (self.row + 1, 1), row=f"{number:,}", limit=f"{MAX_ROW:,}"
            )
        if number <= self.row:
            key = "row-out-of-order.repeated" if number == self.row else "row-out-of-order"
            raise SheetError(key, (number, 1), row=number, previous=self.row)
        self.row, self.in_row, self.row_text = number, True, str(number)
        self.cells, self.refused, self.column = [], False, 0

    def _begin_cell(self, attributes: dict[str, str]) -> None:
        written = attributes.get("r")
        if written is None:
            column = self.column + 1
        elif written.endswith(self.row_text) and (
            column := _COLUMNS.get(written[: -len(self.row_text)], 0)
        ):
            pass  # the common case: a column's letters and this row's number
        else:
            found = _REFERENCE.fullmatch(written)
            if found is None:
                raise SheetError(
                    "bad-cell-reference", (self.row, self.column + 1), written=written[:20]
                )
            letters = found[1]
            column = self.columns.get(letters) or self.columns.setdefault(
                letters, column_number(letters)
            )
            if int(found[2]) != self.row:
                raise SheetError(
                    "cell-in-another-row",
                    (self.row, min(column, MAX_COLUMN)),
                    written=written,
                    row=self.row,
                )
        if column > MAX_COLUMN:
            raise SheetError(
                "column-past-limit",
                (self.row, self.column + 1),
                written=written or "",
                limit=f"{MAX_COLUMN:,}",
            )
        if column <= self.column:
            key = "cell-repeated" if column == self.column else "cell-out-of-order"
            raise SheetError(key, (self.row, column), written=written or "")
        self.column = column
        self.cell = attributes
        self.seen = set()  # the cell's v, f and is: each at most once
        self.value, self.formula, self.formula_attributes = [], [], None
        self.target, self.inline = None, False

    def _end_cell(self) -> None:
        attributes, self.cell = self.cell or {}, None
        inline, self.inline = self.inline, False
        try:
            cell = self._content(attributes, inline)
        except SheetError as error:
            self.refused = True
            self.refuse(error)
            return
        if cell is not None:
            self.cells.append(cell)

    def _style(self, written: str, at: tuple[int, int]) -> tuple[str | None, bool, bool]:
        """A style's number format, and whether it shows a date, a duration (once a style)."""
        found = self.styles.get(written)
        if found is not None:
            return found
        formats = self.book.formats
        if not (_WHOLE.fullmatch(written) and int(written) < len(formats)):
            raise SheetError("bad-cell-style", at, style=written[:20], count=len(formats))
        from openpyxl.styles.numbers import is_date_format, is_timedelta_format

        code = formats[int(written)]
        found = (code, is_date_format(code), is_timedelta_format(code))
        return self.styles.setdefault(written, found)

    def _content(self, attributes: dict[str, str], inline: bool) -> Cell | None:
        at = (self.row, self.column)
        kind = attributes.get("t", "n")
        style = attributes.get("s", "0")
        number_format, is_date, is_duration = self.styles.get(style) or self._style(style, at)
        formula = None if self.formula_attributes is None else self._formula()
        text = "".join(self.value) if len(self.value) != 1 else self.value[0]
        if len(text) > MAX_CELL_TEXT:
            raise SheetError("cell-too-long", at, limit=f"{MAX_CELL_TEXT:,}")
        value: Any
        if inline:
            value, bad = self.rich.value()
            if bad:
                raise SheetError("bad-inline-string", at)
        elif not text:
            value = "" if kind == "str" else None  # a formula computed to empty text, or none
        elif kind == "n":
            # Excel writes at most 17 significant digits and an exponent within ±308
            if len(text) > 40 or not _NUMBER.fullmatch(text):
                raise SheetError("bad-cell-value.number", at, written=text[:20])
            if number_format is None:
                raise SheetError("bad-cell-style.format", at)
            value = float(text) if "." in text or "e" in text or "E" in text else int(text)
            if value in (_INFINITY, -_INFINITY):
                raise SheetError("bad-cell-value.number", at, written=text[:20])
            if is_date:
                value = self._date(value, is_duration, text, at)
        elif kind == "s":
            value = self._shared(text, at)
        elif kind == "b":
            if text not in ("0", "1"):
                raise SheetError("bad-cell-value.boolean", at, written=text[:20])
            value = text == "1"
        elif kind in ("str", "e"):
            value = text
        elif kind == "d":
            value = _iso_date(text, at)
        elif kind == "inlineStr":
            value = None  # its text is in <is>, which it lacks
        else:
            raise SheetError("bad-cell-type", at, kind=kind[:20])
        if value is None and formula is None:
            return None
        return Cell(self.column, value, number_format or "General", formula)

    def _shared(self, text: str, at: tuple[int, int]) -> str:
        strings = self.book.strings
        if not (_WHOLE.fullmatch(text) and int(text) < len(strings)):
            raise SheetError("bad-shared-string", at, index=text[:20], count=len(strings))
        index = int(text)
        if index in self.book.malformed:
            raise SheetError("bad-shared-string.malformed", at, index=index)
        return strings[index]

    def _date(self, number: float, duration: bool, text: str, at: tuple[int, int]) -> object:
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(number, self.book.epoch, timedelta=duration)
        except (OverflowError, ValueError):
            raise SheetError("bad-cell-value.date", at, written=text[:20]) from None

    def _formula(self) -> str:
        """The cell's formula as written, a shared formula's child translated from its
        first cell (as Excel shows it)."""
        text = "=" + "".join(self.formula)
        attributes = self.formula_attributes or {}
        if attributes.get("t") != "shared":
            return text
        index = attributes.get("si", "")
        here = f"{_letters(self.column)}{self.row}"
        if text != "=":
            if index not in self.shared:
                self.shared[index] = (text, here)
            return text
        if index not in self.shared:
            return text
        from openpyxl.formula.translate import Translator

        master, origin = self.shared[index]
        try:
            return str(Translator(master, origin).translate_formula(here))
        except Exception:  # a formula openpyxl cannot move: shown as written at its origin
            return master


def _iso_date(text: str, at: tuple[int, int]) -> object:
    from openpyxl.utils.datetime import from_ISO8601

    parse: Callable[[str], object] = from_ISO8601
    try:
        return parse(text)
    except (ValueError, TypeError, OverflowError):
        raise SheetError("bad-cell-value.date", at, written=text[:20]) from None


# --- merged cells ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Merged:
    """A range of merged cells: only its first (top-left) cell holds the value."""

    top: int
    left: int
    bottom: int
    right: int
    name: str  # "B2:B3"


_ROWS_END = re.compile(rb"</(?:\w+:)?sheetData>")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([^"]*)"')
_RANGE = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})(?::([A-Z]{1,3})([1-9][0-9]{0,6}))?")


def merged_ranges(book: Book, entry: SheetEntry) -> list[Merged]:
    """The sheet's ranges of merged cells. They follow the rows in the sheet's XML, so only
    that tail is kept as the part is read (a pass over bytes, no parse)."""
    assert entry.part is not None
    kept: list[bytes] = []
    carry = b""
    for chunk in book.package.open(entry.part).chunks():
        if kept:
            kept.append(chunk)
            continue
        joined = carry + chunk
        end = _ROWS_END.search(joined)
        if end is not None:
            kept.append(joined[end.start() :])
        carry = joined[-24:]
    found = []
    for written in _MERGE.findall(b"".join(kept)):
        text = written.decode("utf-8", "replace")
        match = _RANGE.fullmatch(text)
        if match is None:
            raise SheetError("bad-merged-range", range=text[:40])
        left, top = column_number(match[1]), int(match[2])
        right, bottom = (column_number(match[3]), int(match[4])) if match[3] else (left, top)
        if (
            max(top, bottom) > MAX_ROW
            or max(left, right) > MAX_COLUMN
            or top > bottom
            or left > right
        ):
            raise SheetError("bad-merged-range", range=text[:40])
        found.append(Merged(top, left, bottom, right, text))
    return found
