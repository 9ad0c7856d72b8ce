"""Text helpers shared by every layer: how text from files is compared (``normalize_word``,
``loose_word``, ``letters``), checked (``control_character``), and shown (``shown`` in a message,
``printable`` and ``escape`` on a terminal, ``literal`` and ``decimal`` for numbers).

Nothing here imports more than the standard library at import time (rich only inside ``escape``).
"""

from __future__ import annotations

import re
import unicodedata


def normalize_word(text: str) -> str:
    """A header or a word as compared: NFC, case-folded, spaces collapsed, and the tone mark
    of oa, oe and uy where the newer spelling puts it (Thủy and Thuỷ, Hòa and Hoà are one)."""
    word = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    if word.isascii():
        return word
    decomposed = _OLDER_TONE_PLACE.sub(_tone_moved, unicodedata.normalize("NFD", word))
    return unicodedata.normalize("NFC", decomposed)


# In NFD, the older spelling's tone mark (grave, acute, tilde, hook, dot below) on the o of
# oa and oe or on the u of uy ("hòa", "thủy"), to be moved onto the second vowel
_TONES = "\u0300\u0301\u0303\u0309\u0323"
_OLDER_TONE_PLACE = re.compile(f"(o[{_TONES}])([ae])|(u[{_TONES}])(y)")


def _tone_moved(found: re.Match[str]) -> str:
    first, second = (found[1], found[2]) if found[1] else (found[3], found[4])
    return first[0] + second + first[1]


def loose_word(text: str) -> str:
    """``Hà Nội`` → ``hanoi``: no accents, no spaces, for matching names as people type them."""
    decomposed = unicodedata.normalize("NFD", normalize_word(text).replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c) and not c.isspace())


def nfc(text: str) -> str:
    """Text from a file in NFC (a Windows-1258 file holds decomposed accents)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Control characters (NUL, ESC …) would travel into the reports, where an ESC recolors a
# terminal; names and data cells take none (nor a line or paragraph separator), notes and
# sources keep tabs and line breaks (a multi-line cell).
_CONTROL_IN_NAME = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_character(text: str, *, name: bool) -> str | None:
    """The first control character in a name or a data cell (an area, an indicator, a year, a
    value) or in a free text (a note), if any. In a name, a line or paragraph separator
    (U+2028, U+2029) and an invisible format character (a zero-width space, a direction mark,
    a byte-order mark: Unicode's Cf) count too: "Sóc Sơn\u200b" would be a second area that
    looks the same, and "\x1f55" is no number, though Python's strip() would make it one."""
    found = (_CONTROL_IN_NAME if name else _CONTROL_IN_TEXT).search(text)
    if found is not None:
        return found.group()
    if name and not text.isprintable():
        return next((c for c in text if unicodedata.category(c) == "Cf"), None)
    return None


MAX_SHOWN = 60  # characters of a cell quoted in a message


def shown(text: str) -> str:
    """Cell text fit for a one-line message: control characters escaped, long text cut."""
    cleaned = "".join(
        c if unicodedata.category(c) != "Cc" else f"\\x{ord(c):02x}" for c in text.strip()
    )
    return cleaned if len(cleaned) <= MAX_SHOWN else cleaned[: MAX_SHOWN - 1] + "…"


def letters(name: str) -> str:
    """A name as its letters and digits alone: ``Hồ sơ cấp xã.`` → ``hosocapxa``."""
    return "".join(c for c in loose_word(name) if c.isalnum())


def literal(number: float) -> str:
    """A number as a message quotes it: every digit the input gave, never an exponent
    (``1234567``, not ``1.23457e+06``), ``60`` for ``60.0``."""
    return decimal(number).removesuffix(".0")


def decimal(number: float) -> str:
    """Every digit, as a decimal number: ``55.0``, ``0.00001`` (not ``1e-05``); an absurd
    exponent (``1e-300``) stays one rather than spelling out three hundred zeros."""
    text = repr(float(number))
    exponent = text.partition("e")[2]
    if exponent and abs(int(exponent)) > 20:
        return text
    from decimal import Decimal

    return format(Decimal(text), "f")


# backslashes before a "[" that rich's escape leaves alone (it opens no tag: "[1]", "[")
_BACKSLASHES_BEFORE_A_BRACKET = re.compile(r"(\\+)(?=\[)(?!\[[a-z#/@][^[]*?\])")


def printable(text: str, *, newlines: bool = True) -> str:
    """Text from input files with its control and invisible characters (an ESC that would
    recolor the terminal, a right-to-left override that would reverse the line) shown as
    ``\\x1b``, ``\\x202e``; line breaks too unless ``newlines``."""
    if text.isprintable():
        return text
    kept = "\n" if newlines else ""
    return "".join(c if c.isprintable() or c in kept else f"\\x{ord(c):02x}" for c in text)


def escape(text: str) -> str:
    """Text from input files made inert for rich markup: ``[bold]`` prints as written, and
    control characters as :func:`printable` shows them.

    Backslashes that end the text are doubled and followed by an empty tag, so that they print
    as written whether or not more markup follows (rich's own escape gets one of the two cases
    wrong: ``note\\`` printed ``note\\\\`` at the end of a line). Backslashes before a ``[``
    that opens no tag get one more, as rich reads ``\\[`` there as a bracket alone.
    """
    from rich.markup import escape as rich_escape

    text = _BACKSLASHES_BEFORE_A_BRACKET.sub(r"\1\\", printable(text))
    body = text.rstrip("\\")
    if len(body) == len(text):
        return rich_escape(text)
    return rich_escape(body) + "\\" * (2 * (len(text) - len(body))) + "[b][/b]"
