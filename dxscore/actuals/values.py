"""The grammar of a cell: numbers, years and milestone words, as analysts write them."""

from __future__ import annotations

import re

from dxscore.model import MAX_NUMBER, unit_range, unit_span
from dxscore.observations import Value
from dxscore.text import control_character, literal, normalize_word

MIN_YEAR, MAX_YEAR = 1900, 2100


TRUE_WORDS = frozenset({"yes", "true", "1", "done", "đạt", "hoàn thành", "có"})
FALSE_WORDS = frozenset({"no", "false", "0", "not done", "chưa đạt", "chưa hoàn thành", "không"})
# What an `estimate` cell holds for "this value is an estimate" (ước thực hiện) and for "it is
# not"; an empty cell is not one. Compared as normalize_word gives them.
ESTIMATE_WORDS = frozenset(
    {
        "yes",
        "true",
        "1",
        "x",
        "ước",
        "ước tính",
        "ước thực hiện",
        "uoc",
        "uoc tinh",
        "est",
        "est.",
        "estimate",
        "có",
    }
)
MEASURED_WORDS = frozenset({"no", "false", "0", "không", "khong"})
# What a cell holds for "no value" in sheets made for people: refused with the advice a dash
# gets (leave the cell empty), never read as zero or as a word
NOT_AVAILABLE = frozenset({"n/a", "na", "n.a.", "#n/a", "không có", "khong co", "không có số liệu"})

_DASHES = frozenset("\u2212\u2012\u2013\u2014")  # minus sign, figure dash, en and em dash
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


YEAR_INSIDE = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:(?:\.[0-9]{3}){2,}|(?:[ \u00a0\u202f][0-9]{3})+)")


# a date as a sheet shows or saves it: 1905-07-16, 16/07/1905, 7/16/05, 16.07.1905
DATE = re.compile(
    r"(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[T ][0-9:.]+)?"
    r"|[0-9]{1,2}([/.-])[0-9]{1,2}\1(?:[0-9]{2}|[0-9]{4})(?: [0-9:.]+)?)"
)


Reason = tuple[str, dict[str, str]]  # a message catalogue key (problem.<key>) and its fields


def parse_number(text: str, *, percent_sign: bool = True) -> float | Reason:
    """A finite number, or why it is not one (a ``not-a-number.*`` message key).

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
        if not fraction.isdigit() or whole in ("+", "-"):  # "55,", "+,5": no number written whole
            return _words_after_a_number(cleaned)  # "15,2 (ước)": a number, then words
        if any(c.isalpha() for c in whole):  # "abc,125" is no number, not an ambiguous one
            return "not-a-number", {}
        if len(fraction) == 3 and whole.lstrip("+-") not in ("0", ""):  # 0,125 groups nothing
            return "not-a-number.comma", {"whole": whole, "fraction": fraction}
        cleaned = f"{whole}.{fraction}"
    if cleaned.lstrip("+-").casefold() in {"nan", "inf", "infinity"}:
        return "not-a-number.nan", {}
    if not _NUMBER.fullmatch(cleaned):
        if _GROUPED.fullmatch(cleaned):  # 1.500.000, 1 500 000
            return "not-a-number.thousands", {}
        if DATE.fullmatch(cleaned):
            return "not-a-number.date", {}
        if cleaned and all(c == "-" or c in _DASHES for c in cleaned):  # "not reported"?
            return "not-a-number.dash", {}
        if any(c.isdigit() and not c.isascii() for c in cleaned):
            return "not-a-number.digits", {}
        return _words_after_a_number(cleaned)
    number = float(cleaned) + 0.0  # "-0" is 0
    if not -MAX_NUMBER <= number <= MAX_NUMBER:
        return "not-a-number.too-large", {}
    return number


# A number, then words: "15.2 (ước)", "61% - sơ bộ", "44 (số liệu 6 tháng)"
_NUMBER_THEN_WORDS = re.compile(r"([+-]?[0-9]+(?:[.,][0-9]+)?) ?%?(?: +| ?[(\[–-] ?)(.*?) ?[)\]]?")


def _words_after_a_number(text: str) -> Reason:
    """Why a number with words after it is refused: an estimate's mark belongs in the
    `estimate` column, other words in the `note` column."""
    words = _NUMBER_THEN_WORDS.fullmatch(text)
    if words is None or not any(c.isalpha() for c in words.group(2)):
        return "not-a-number", {}
    number = words.group(1)
    if normalize_word(words.group(2)) in ESTIMATE_WORDS:
        return "not-a-number.estimate", {"number": number}
    return "not-a-number.words", {"number": number}


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


def parse_estimate(text: str) -> bool | None:
    """Whether an `estimate` cell marks its row's value as an estimate (empty: no); None for
    a word that says neither."""
    word = normalize_word(text)
    if not word or word in MEASURED_WORDS:
        return False
    return True if word in ESTIMATE_WORDS else None


Outcome = Value | Reason  # a cell read as a value, or why it is not one


def read_cell(unit: str, cell: str) -> Outcome:
    """A value cell of an indicator of ``unit``: its value, or why it is not one."""
    garbage = control_character(cell, name=True)
    if garbage is not None:  # "\x1f55" is no 55, though strip() would make it one
        return "control-character", {"code": f"{ord(garbage):04X}"}
    if normalize_word(cell) in NOT_AVAILABLE:
        return "not-a-number.dash", {}
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
