"""Opening an actuals file: its encoding, byte-order marks, and what is not text."""

from __future__ import annotations

import codecs
from pathlib import Path

from dxscore.errors import Problem, problem

UTF8_SAMPLE = 1 << 16  # bytes looked at to tell a UTF-8 file given another --encoding


def reads_as_utf8(sample: bytes) -> bool:
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


def is_utf8(encoding: str) -> bool:
    """``utf-8`` in any of its spellings (``UTF8``, ``utf_8``), with or without ``-sig``."""
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


# How a spreadsheet file starts: an OLE2 compound file (Excel 97-2003 .xls) or a zip (.xlsx,
# .ods, .numbers). A portal's "Excel export" named .xls is often CSV text, which is read.
BINARY_SPREADSHEETS = (b"\xd0\xcf\x11\xe0", b"PK\x03\x04")


def is_text_encoding(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding)._is_text_encoding
    except LookupError:
        return False


UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)  # FF FE 00 00 starts like UTF-16 LE's


def encoding_from_bom(head: bytes) -> str:
    if head.startswith(UTF32_BOMS):
        return "utf-32"
    if head.startswith(UTF16_BOMS):
        return "utf-16"
    return "utf-8-sig"


def chosen_encoding(encoding: str | None, head: bytes) -> str:
    """The encoding a file is read in: ``--encoding``, else its BOM's (UTF-8 by default); a
    BOM is never text, whatever ``--encoding`` says."""
    chosen = encoding or encoding_from_bom(head[:4])
    if chosen != "utf-8-sig" and head.startswith(codecs.BOM_UTF8) and is_utf8(chosen):
        return "utf-8-sig"  # --encoding utf-8 on Excel's "CSV UTF-8": its BOM is not text
    if head.startswith(UTF16_BOMS) and codecs.lookup(chosen).name in ("utf-16-le", "utf-16-be"):
        return "utf-16"  # --encoding utf-16-le on a file that has its BOM: nor is this one
    return chosen


def looks_like_utf16(head: bytes) -> bool:
    """Every other byte NUL, as in a header of ASCII letters in UTF-16 (not one NUL in a cell);
    or, in UTF-32, three bytes of four."""
    if len(head) < 8:
        return False
    half = len(head) // 2
    return max(head[1::2].count(0), head[0::2].count(0)) >= 0.75 * half


def utf16_problem(name: str, head: bytes) -> Problem:
    """UTF-16 or UTF-32 saved without its byte-order mark: named at its first byte, with the
    encoding to pass (ASCII letters are one byte and one, or three, NULs)."""
    quarter = len(head) // 4
    nuls = [head[i::4].count(0) >= 0.75 * quarter for i in range(4)]  # per byte of four
    if quarter >= 4 and sum(nuls) == 3:
        order = "be" if nuls[0] else "le"  # 'c' is 63 00 00 00 in LE, 00 00 00 63 in BE
        return problem(name, "not-decodable.utf32", 1, 1, encoding=f"utf-32-{order}")
    order = "be" if head[0::2].count(0) > head[1::2].count(0) else "le"  # 'c' is 63 00 in LE
    return problem(name, "not-decodable.utf16", 1, 1, encoding=f"utf-16-{order}")


def decode_problem(path: Path, name: str, encoding: str) -> Problem:
    """Locate the first undecodable byte (only on this error path is the file read twice)."""
    shown_encoding = "UTF-8" if encoding == "utf-8-sig" else encoding
    if not path.is_file():
        return problem(name, "not-decodable.file", encoding=shown_encoding)
    raw = path.read_bytes()
    try:
        raw.decode(encoding)
    except UnicodeDecodeError as error:
        # the lines and columns of the text before the byte, as decoded (a line break is two
        # or four bytes in UTF-16 and UTF-32: counting b"\n" would misplace the column)
        try:
            before = raw[: error.start].decode(encoding, "replace")
        except UnicodeError:  # a codec without "replace" (idna)
            before = raw[: error.start].decode("latin-1")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
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
