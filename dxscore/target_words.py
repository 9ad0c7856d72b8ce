"""The words for what pydantic finds wrong in a target file: each message echoes the value as
the file writes it and says what to write instead, in the catalogue's words
(``problem.schema.<pydantic type>.<variant>``), never in pydantic's own.

A function here takes what the file holds at the problem's place (the YAML node, when the
file has one) and returns the catalogue key and its fields; the problem keeps pydantic's type.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from typing import NamedTuple

from pydantic import BaseModel
from pydantic_core import ErrorDetails
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from dxscore.model import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_WEIGHT,
    PILLARS,
    Indicator,
    Pillars,
    Resolution,
    Target,
    Text,
)
from dxscore.text import literal

Worded = tuple[str, dict[str, str]]  # a catalogue key (after "problem."), its fields

# "1,000" and "12,500": one group of three digits after a comma, which reads as a thousand
# in English and as 1.0 in Vietnamese usage (where the comma is the decimal mark); "0,500"
# is a decimal in either
_THOUSANDS = re.compile(r"([-+]?)([1-9][0-9]{0,2}),([0-9]{3})")
# "1,000,000" or "1.000.000": thousands grouped, in English or in Vietnamese usage
_GROUPED = re.compile(r"[-+]?[1-9][0-9]{0,2}(?:(?:,[0-9]{3}){2,}|(?:\.[0-9]{3}){2,})")


def comma_number(written: str) -> Worded | None:
    """A number written with a comma, as the catalogue words it: grouped thousands
    (``1,000,000``), ambiguous (``1,000``: a thousand, or 1.0), or None for anything else
    (``7,5`` is a decimal comma)."""
    if _GROUPED.fullmatch(written):
        return "grouped", {"whole": re.sub("[,.]", "", written)}
    found = _THOUSANDS.fullmatch(written)
    if found:
        sign, head, group = found.groups()
        decimal = f"{sign}{head}.{group.rstrip('0') or '0'}"
        return "thousands", {"whole": f"{sign}{head}{group}", "decimal": decimal}
    return None


def decimal_comma(target: Node | None, before: str) -> Worded:
    """``{min: 1,000}``, which YAML reads as ``min: 1`` and a key ``000`` with no value: the
    number as written, from the target's mapping, and what to write for it."""
    written = _flow_number(target, before)
    found = comma_number(written) if written else None
    if found is None:
        return "schema.decimal-comma", {"before": before}
    variant, fields = found
    return f"schema.decimal-comma.{variant}", {"key": before, "written": str(written), **fields}


def _flow_number(target: Node | None, before: str) -> str | None:
    """The number of key ``before`` as the file writes it, commas and all: its value, then
    each plain key of digits with no value that follows it (``1``, ``000``, ``000``)."""
    if not isinstance(target, MappingNode):
        return None
    keys = [key.value if isinstance(key, ScalarNode) else None for key, _ in target.value]
    if before not in keys:
        return None
    at = keys.index(before)
    number = target.value[at][1]
    if not isinstance(number, ScalarNode) or number.style:
        return None
    parts = [number.value]
    for key, value in target.value[at + 1 :]:
        plain = isinstance(key, ScalarNode) and not key.style and isinstance(value, ScalarNode)
        if not plain or value.value != "" or not key.value.isascii() or not key.value.isdigit():
            break
        parts.append(key.value)
    return ",".join(parts)


# A number as YAML's core schema reads one ("90", "-7.5", "1e3"), and the same with a decimal comma
_NUMBER = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[-+]?[0-9]+,[0-9]+")
_TARGET_KEYS = frozenset(Target.model_fields)  # min, …, tolerance, stretch: a target's numbers
_MODEL_OF_FIELD: dict[str, type[BaseModel]] = {
    "name": Text,
    "title": Text,
    "resolution": Resolution,
    "pillars": Pillars,
}
_MODEL_OF_ITEM: dict[str, type[BaseModel]] = {
    "targets": Target,
    **dict.fromkeys(PILLARS, Indicator),
}
_EXAMPLE_ID = {"indicator": "records_online", "target-set": "hanoi"}


def worded(detail: ErrorDetails, node: Node | None) -> Worded | None:
    """The catalogue's words for one of pydantic's errors, given what the file holds where it
    is (``node``); None for an error this module does not word."""
    loc = tuple(detail["loc"])
    if loc[-1:] == ("[key]",):  # a target year out of range: the key, not its value
        bound = detail["type"] in ("greater_than_equal", "less_than_equal")
        return _year(loc[-2]) if bound and loc[-3:-2] == ("targets",) else None
    key = _field(loc)
    written = _echo(node, detail.get("input"))
    empty = (node is None and detail.get("input") is None) or _empty(node)
    wording = _WORDINGS.get(detail["type"])
    if wording is None:
        return None
    return wording(_Found(loc, key, written, empty, node, detail))


def _year(year: object) -> Worded | None:
    """``2205:``, ``1800:``, ``25:``: outside the years a target file sets, with the year
    probably meant."""
    if not isinstance(year, int):
        return None
    fields = {"year": str(year), "first": str(FIRST_YEAR), "last": str(LAST_YEAR)}
    kind = "less_than_equal" if year > LAST_YEAR else "greater_than_equal"
    meant = _year_meant(year)
    if meant is None:
        return f"schema.{kind}.year", fields
    return f"schema.{kind}.year.close", {**fields, "close": str(meant)}


def _year_meant(year: int) -> int | None:
    """The target year a slip of one digit makes ``year``: two digits swapped (2205 for 2025),
    one typed twice (20255), one too many (20725) or too few (225), one mistyped (3025), tried
    in that order and offered when one only fits; a year of two digits is one of this century
    (25 for 2025). Only years from 2000: no programme sets a target in the past century."""
    if 0 <= year < 100:
        return 2000 + year
    digits = str(year)
    if not digits.isdigit():
        return None
    swapped = {
        digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :] for i in range(len(digits) - 1)
    }
    doubled = {
        digits[:i] + digits[i + 1 :] for i in range(1, len(digits)) if digits[i - 1] == digits[i]
    }
    dropped = {digits[:i] + digits[i + 1 :] for i in range(len(digits))}
    added = {digits[:i] + d + digits[i:] for i in range(len(digits) + 1) for d in "0123456789"}
    mistyped = {digits[:i] + d + digits[i + 1 :] for i in range(len(digits)) for d in "0123456789"}
    for edits in (swapped, doubled, dropped, added, mistyped):
        fits = {int(e) for e in edits if e[:1] != "0" and 2000 <= int(e) <= LAST_YEAR} - {year}
        if fits:
            return fits.pop() if len(fits) == 1 else None
    return None


class _Found(NamedTuple):
    """One of pydantic's errors, and what the file holds there."""

    loc: tuple[str | int, ...]
    key: str  # the key the value belongs to (`min`, `name`, `sources`)
    written: str  # the value as the file writes it ('90%', "90", 90, [...])
    empty: bool  # the key has no value (`quote:`, `name: ~`)
    node: Node | None
    detail: ErrorDetails


def _field(loc: tuple[str | int, ...]) -> str:
    """The key a value belongs to: the last name in its place (`sources` for sources[0])."""
    return next((str(part) for part in reversed(loc) if isinstance(part, str)), "")


def _empty(node: Node | None) -> bool:
    return isinstance(node, ScalarNode) and node.tag.endswith(":null")


def _echo(node: Node | None, value: object) -> str:
    """The value as the file writes it, to quote back: a text in quotes (its own, or single
    ones: '90%'), a number or `true` as it is, a list as […] and a mapping as {…}."""
    if isinstance(node, ScalarNode):
        text = node.value if len(node.value) <= 40 else node.value[:39] + "…"
        if node.style in ('"', "'"):
            return f"{node.style}{text}{node.style}"
        return f"'{text}'" if node.tag.endswith(":str") else text or "~"
    if isinstance(node, SequenceNode) or isinstance(value, list):
        return "[…]"
    if isinstance(node, MappingNode) or isinstance(value, dict):
        return "{…}"
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    return literal(value) if isinstance(value, int | float) else f"'{value}'"


def _as_text(node: Node | None, value: object) -> str | None:
    """The text of a plain or quoted value, None for a list, a mapping or nothing."""
    if isinstance(node, ScalarNode):
        return str(node.value)
    return value if isinstance(value, str) else None


def _not_a_number(found: _Found) -> Worded:
    """`min: 90%`, `min: "90"`, `min: ninety`, `min: 7,5` (block style), `weight:`."""
    key, written = found.key, found.written
    fields = {"key": key, "written": written}
    if found.empty:
        return "schema.float_type.empty", fields
    text = _as_text(found.node, found.detail.get("input"))
    if text is None or isinstance(found.detail.get("input"), bool):
        return "schema.float_type.text", fields
    meant = _number_meant(text.strip())
    if meant is None:
        return "schema.float_type.text", fields
    variant, number = meant
    if variant == "percent" and key not in _TARGET_KEYS:
        variant = "percent.other"  # a weight: its unit is not the indicator's
    quoted = isinstance(found.node, ScalarNode) and found.node.style in ('"', "'")
    if variant == "number" and not quoted:
        variant = "text"
    return f"schema.float_type.{variant}", {**fields, **number}


def _number_meant(text: str) -> tuple[str, dict[str, str]] | None:
    """What a text written for a number means, and how to write it: `90%` is 90 with a %,
    `"90"` a number in quotes, `7,5` a decimal comma, `1,000` ambiguous, `6O` a letter O."""
    percent = text.endswith("%")
    bare = text.removesuffix("%").rstrip()
    if _NUMBER.fullmatch(bare):
        return ("percent" if percent else "number"), {"number": bare}
    if _DECIMAL_COMMA.fullmatch(bare) and comma_number(bare) is None:
        return "comma", {"number": bare.replace(",", ".")}
    grouped = comma_number(bare)
    if grouped is not None:
        return grouped
    digits = bare.replace("O", "0").replace("o", "0")
    if digits != bare and _NUMBER.fullmatch(digits):
        return "letter-o", {"number": digits}
    return None


def _not_finite(found: _Found) -> Worded:
    """`.nan`, `.inf`, and a number of hundreds of digits (which reads as infinity)."""
    text = _as_text(found.node, None) or ""
    if text.lstrip("+-")[:1].isdigit():  # hundreds of digits, read as infinity
        return "schema.finite_number.large", {"written": _digits(text)}
    return "schema.finite_number", {"key": found.key, "written": found.written}


def _digits(text: str) -> str:
    """A long number cut short: its first digits and how many there are."""
    return text if len(text) <= 20 else f"{text[:12]}… ({len(text)} characters)"


def _out_of_bounds(found: _Found) -> Worded | None:
    """A weight of 0 or over 1000, a tolerance below 0, a number beyond a trillion."""
    written, kind = _digits(found.written), found.detail["type"]
    if found.key == "weight":
        return f"schema.{kind}.weight", {"written": written, "most": literal(MAX_WEIGHT)}
    if found.key == "tolerance" and kind == "greater_than_equal":
        return f"schema.{kind}.tolerance", {"written": written}
    if found.key in _TARGET_KEYS:
        return f"schema.{kind}.trillion", {"written": written}
    return None


def _not_a_boolean(found: _Found) -> Worded:
    """`done: yes`, `done: 1`: only `true` and `false` are booleans."""
    return "schema.bool_type", {"key": found.key, "written": found.written}


def _not_a_text(found: _Found) -> Worded:
    """`quote:` with nothing, `quote: 30`, `vi: 2025`, `id: 42`, `quote: [a, b]`."""
    fields = {"key": found.key, "written": found.written}
    if found.empty:
        return "schema.string_type.empty", fields
    value = found.detail.get("input")
    if found.key == "id":
        example = _EXAMPLE_ID["target-set" if len(found.loc) == 1 else "indicator"]
        return "schema.string_type.id", {**fields, "example": example}
    if isinstance(value, bool | int | float) and isinstance(found.node, ScalarNode):
        quoted = f'"{found.node.value}"'
        in_list = isinstance(found.loc[-1], int)  # sources: [2020]
        kind = "boolean" if isinstance(value, bool) else "number"
        return f"schema.string_type.{kind}", {
            **fields,
            "example": quoted if in_list else f"{found.key}: {quoted}",
        }
    return "schema.string_type", fields


def _not_a_mapping(found: _Found) -> Worded:
    """`2030: 90`, `name: Sample City`, `resolution: Nghị quyết 03`, an indicator as a text."""
    model = _model_of(found.loc)
    allowed = ", ".join(model.model_fields) if model else "…"
    fields = {"key": found.key, "written": found.written, "allowed": allowed}
    if model is Target:
        value = found.detail.get("input")
        if value is True or value == "done":
            example = "{done: true}"
        elif isinstance(value, int | float) and not isinstance(value, bool):
            example = f"{{min: {_as_text(found.node, None) or literal(value)}}}"
        else:
            example = "{min: 60}"
        variant = "target.empty" if found.empty else "target"
        return f"schema.model_type.{variant}", {**fields, "example": example}
    if model is Text:
        return ("schema.model_type.text.empty" if found.empty else "schema.model_type.text"), fields
    if model is Indicator:
        return "schema.model_type.indicator", fields
    return ("schema.model_type.empty" if found.empty else "schema.model_type"), fields


def _model_of(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model of the value at ``loc``: a field's (`name`), or a list's or mapping's item's
    (a pillar's indicator, a target year's target)."""
    last = loc[-1] if loc else None
    if isinstance(last, str):
        return _MODEL_OF_FIELD.get(last)
    parent = loc[-2] if len(loc) > 1 else None
    return _MODEL_OF_ITEM.get(parent) if isinstance(parent, str) else None


def _not_targets(found: _Found) -> Worded:
    """`targets: [80]`, `targets: 80`, `targets:` with nothing."""
    variant = "empty" if found.empty else "value"
    return f"schema.dict_type.{variant}", {"key": found.key, "written": found.written}


def _not_a_list(found: _Found) -> Worded:
    """`sources: nghiquyet.vn`, `economy:` with nothing, a pillar's indicator without its `- `."""
    fields = {"key": found.key, "written": found.written}
    if found.key in PILLARS:
        return (
            "schema.list_type.pillar.empty" if found.empty else "schema.list_type.pillar"
        ), fields
    if found.empty:
        return "schema.list_type.empty", fields
    node = found.node
    if not isinstance(node, ScalarNode):
        return "schema.list_type", fields
    text = found.written if node.style in ('"', "'") else node.value  # as written, in [ ]
    return "schema.list_type.value", {**fields, "text": text}


def _not_a_choice(found: _Found) -> Worded:
    """`unit: percentage`: the value meant, and every value allowed."""
    expected = str((found.detail.get("ctx") or {}).get("expected", ""))
    choices = re.findall(r"'([^']*)'", expected)
    fields = {"key": found.key, "written": found.written, "choices": ", ".join(choices)}
    text = _as_text(found.node, found.detail.get("input"))
    close = _choice_meant(text.lower(), choices) if text else None
    if close is not None:
        return "schema.literal_error.close", {**fields, "close": close}
    return "schema.literal_error", fields


def _choice_meant(text: str, choices: list[str]) -> str | None:
    """The choice ``text`` is in another case (`Percent`), the longest one it starts with
    (`percentage` is `percent`, not `percent_change`, which difflib finds closer), the
    shortest one it begins (`perc`), else the closest one."""
    longer = [c for c in choices if text.startswith(c)]
    if longer:
        return max(longer, key=len)
    shorter = [c for c in choices if c.startswith(text)]
    if shorter:
        return min(shorter, key=len)
    close = difflib.get_close_matches(text, choices, n=1)
    return close[0] if close else None


def _not_an_id(found: _Found) -> Worded:
    """`id: Meetings-Online`: an id in lowercase, with the one probably meant."""
    pattern = str((found.detail.get("ctx") or {}).get("pattern", ""))
    kind = "target-set" if len(found.loc) == 1 else "indicator"  # the file's, an indicator's
    text = _as_text(found.node, found.detail.get("input")) or ""
    example = _id_like(text, dash=kind == "target-set")
    if example is None or not re.fullmatch(pattern, example):
        example = _EXAMPLE_ID[kind]
    fields = {"written": found.written, "example": example}
    return f"schema.string_pattern_mismatch.{kind}", fields


def _id_like(text: str, *, dash: bool) -> str | None:
    """``Hồ-sơ Xã`` as an id: ``ho_so_xa`` (``ho-so_xa`` where a dash is allowed)."""
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(char for char in plain if not unicodedata.combining(char)).lower()
    keep = "a-z0-9_-" if dash else "a-z0-9_"
    words = re.sub(f"[^{keep}]+", "_", plain).strip("_-")
    return words or None


def _empty_text(found: _Found) -> Worded:
    return "schema.string_too_short", {"key": found.key, "written": found.written}


def _long_text(found: _Found) -> Worded:
    text = _as_text(found.node, found.detail.get("input")) or ""
    most = str((found.detail.get("ctx") or {}).get("max_length", ""))
    return "schema.string_too_long", {"key": found.key, "length": str(len(text)), "most": most}


def _no_targets(found: _Found) -> Worded:
    return "schema.too_short", {"key": found.key}


_WORDINGS: dict[str, Callable[[_Found], Worded | None]] = {
    "float_type": _not_a_number,
    "finite_number": _not_finite,
    "greater_than": _out_of_bounds,
    "greater_than_equal": _out_of_bounds,
    "less_than_equal": _out_of_bounds,
    "bool_type": _not_a_boolean,
    "string_type": _not_a_text,
    "model_type": _not_a_mapping,
    "dict_type": _not_targets,
    "list_type": _not_a_list,
    "literal_error": _not_a_choice,
    "string_pattern_mismatch": _not_an_id,
    "string_too_short": _empty_text,
    "string_too_long": _long_text,
    "too_short": _no_targets,
}
