"""The words for what pydantic finds wrong in a target file: each message echoes the value as
the file writes it and says what to write instead, in the catalogue's words
(``problem.schema.<pydantic type>.<variant>``), never in pydantic's own.

A function here takes what the file holds at the problem's place (the YAML node, when the
file has one) and returns the catalogue key and its fields; the problem keeps pydantic's type.
"""

from __future__ import annotations

import re

from yaml.nodes import MappingNode, Node, ScalarNode

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
