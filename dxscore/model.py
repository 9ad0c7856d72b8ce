"""The target-file format, schema version 1, as pydantic models.

The models check structure and types (strictly: a quoted number or ``yes`` is
not accepted where a number or a boolean belongs). Rules that tie fields of an
indicator together (a rank goes with ``max``/``below``, a percentage stays
within 0–100, ids are unique) are checked by :func:`consistency_problems`, so
that each finding can point at the exact target year it concerns.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Any, Literal, Protocol

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from dxscore.text import control_character, literal, loose_word, normalize_word

Unit = Literal["percent", "percent_per_year", "percent_change", "rank", "count", "milestone"]
PillarKey = Literal["overall", "government", "economy", "society"]
PILLARS: tuple[PillarKey, ...] = ("overall", "government", "economy", "society")
Comparator = Literal["min", "above", "max", "below", "about", "done"]
COMPARATORS: tuple[Comparator, ...] = ("min", "above", "max", "below", "about", "done")

# The indicator ids every target set uses for the same quantity, so that sets can be compared,
# with the unit that quantity has in every set (DESIGN, "Canonical indicator ids").
CANONICAL_INDICATORS: dict[str, str] = {
    "dx_rank": "rank",
    "online_services_level4": "percent",
    "records_online_city": "percent",
    "records_online_district": "percent",
    "records_online_commune": "percent",
    "inspections_online": "percent",
    "reporting_online": "percent",
    "digital_economy_grdp_share": "percent",
    "labour_productivity_growth": "percent_per_year",
    "broadband_household_coverage": "percent",
    "broadband_commune_coverage": "percent",
    "epayment_account_share": "percent",
}

TargetSetId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)]
IndicatorId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
FIRST_YEAR, LAST_YEAR = 1900, 2100  # the target years a file may set
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
# No indicator comes near a trillion; beyond it, sums and fitted lines could overflow to
# infinity and NaN, which JSON cannot hold. Actual values have the same bound.
MAX_NUMBER = 1e12
MAX_WEIGHT = 1000.0
Number = Annotated[float, Field(allow_inf_nan=False, ge=-MAX_NUMBER, le=MAX_NUMBER)]


def _printable(text: str) -> str:
    """Refuse control characters (they would move the cursor or clear the screen when
    printed), line and paragraph separators (``"\\L"``, ``"\\P"`` in YAML: each terminal
    and editor breaks lines at them its own way), and text with nothing to read: only spaces,
    or a zero-width space."""
    for char in text:
        if unicodedata.category(char) == "Cc" and char not in "\n\t":
            raise PydanticCustomError(
                "control-character",
                "the text holds the control character U+{code}; remove it",
                {"code": f"{ord(char):04X}"},
            )
        if char in "\u2028\u2029":
            raise PydanticCustomError(
                "line-separator",
                "the text holds U+{code}, a line or paragraph separator",
                {"code": f"{ord(char):04X}"},
            )
    if text and not any(char.isprintable() and not char.isspace() for char in text):
        raise PydanticCustomError(
            "blank-text", "the text holds nothing visible (only spaces or invisible characters)"
        )
    return text


# Letters that show nothing: the Hangul fillers (U+3164 looks like an empty name)
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")


def _a_name(text: str) -> str:
    """A name or title follows the rules of an area's name in actuals (no control character,
    no invisible format character such as a right-to-left override), and holds a visible
    letter or digit: U+2800 (a blank braille cell) or a lone combining accent names nothing."""
    found = control_character(text, name=True)
    if found is not None:
        invisible = unicodedata.category(found) == "Cf"
        raise PydanticCustomError(
            "invisible-character" if invisible else "control-character",
            "the name holds the character U+{code}; remove it",
            {"code": f"{ord(found):04X}"},
        )
    if not any(
        unicodedata.category(char)[0] in "LN" and char not in _INVISIBLE_LETTERS for char in text
    ):
        raise PydanticCustomError("name-without-letter", "the name has no visible letter or digit")
    return text


NonEmptyText = Annotated[str, Field(min_length=1), AfterValidator(_printable)]
NameText = Annotated[NonEmptyText, AfterValidator(_a_name)]


def _the_integer_one(value: object) -> object:
    """pydantic matches ``Literal[1]`` by equality, so ``true`` and ``1.0`` would pass as 1."""
    if type(value) is not int:
        raise PydanticCustomError("literal_error", "Input should be {expected}", {"expected": 1})
    return value


SchemaVersion = Annotated[Literal[1], BeforeValidator(_the_integer_one)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(_Strict):
    """A text in Vietnamese and English."""

    vi: NameText
    en: NameText

    def in_lang(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


class Resolution(_Strict):
    """The document the targets come from."""

    title: Text
    sources: list[NonEmptyText] = Field(default_factory=list)


def _target_schema(schema: dict[str, Any]) -> None:
    """A target's JSON Schema as a file may write it: no key left empty (null), and the rules
    across its keys (exactly one comparator; `tolerance` with `about`, `stretch` with `min`
    or `above`), so that an editor refuses what `dxscore validate` refuses."""
    for field in schema["properties"].values():
        kinds = [kind for kind in field.pop("anyOf", []) if kind != {"type": "null"}]
        field.update(kinds[0] if len(kinds) == 1 else {"anyOf": kinds} if kinds else {})
        field.pop("default", None)
    schema["oneOf"] = [{"required": [key]} for key in COMPARATORS]
    schema["dependentRequired"] = {"tolerance": ["about"]}
    schema["dependentSchemas"] = {
        "stretch": {"anyOf": [{"required": ["min"]}, {"required": ["above"]}]}
    }


class Target(_Strict):
    """What an indicator must reach by one target year: exactly one comparator."""

    model_config = ConfigDict(json_schema_extra=_target_schema)

    min: Number | None = None
    above: Number | None = None
    max: Number | None = None
    below: Number | None = None
    about: Number | None = None
    done: Annotated[bool, Field(strict=True, json_schema_extra={"const": True})] | None = None
    tolerance: Annotated[float, Field(ge=0, le=MAX_NUMBER, allow_inf_nan=False)] | None = Field(
        default=None,
        description="With `about` only: the absolute margin below the value that still counts as met (default 5% of the value).",
    )
    stretch: Number | None = Field(
        default=None,
        description="With `min` or `above` only: the upper end of a band such as 'từ 7 - 7,5%'.",
    )

    @model_validator(mode="before")
    @classmethod
    def _no_empty_keys(cls, data: object) -> object:
        """``max: ~`` or ``max:`` with nothing after it: a key left empty is a slip, not a
        comparator left out (and the JSON Schema, as editors read it, refuses it too)."""
        if not isinstance(data, dict):
            return data
        items = list(data.items())
        for index, (key, value) in enumerate(items):
            if value is not None:
                continue
            before, number = items[index - 1] if index else (None, None)
            numeric = isinstance(key, int | float) or str(key)[:1].isdigit()
            if numeric and isinstance(number, int | float) and not isinstance(number, bool):
                raise PydanticCustomError(  # "{min: 60,5}": a decimal comma, read as two keys
                    "decimal-comma",  # (not quoted back: YAML has read "-0,05" as 0 and 5)
                    "the number of `{before}` has a comma, which YAML reads as the start of a"
                    " second key; write a decimal with a point (7.5, not 7,5)",
                    {"before": before},
                )
            words = str(key).split(None, 1)
            if len(words) == 2 and words[0] in cls.model_fields:  # "{min 60}", "{about\t30}"
                raise PydanticCustomError(
                    "no-colon",
                    "`{key}` has no value: write `{word}: {rest}`, with a ':' after the key",
                    {"key": " ".join(words), "word": words[0], "rest": words[1]},
                )
            raise PydanticCustomError(
                "empty-key", "`{key}` has no value: give it one or leave the key out", {"key": key}
            )
        return data

    @model_validator(mode="after")
    def _one_comparator(self) -> Target:
        given = [key for key in COMPARATORS if getattr(self, key) is not None]
        if len(given) != 1:
            found = ", ".join(given) if given else "–"
            raise PydanticCustomError(
                "comparator-count",
                "give exactly one comparator of {allowed} (found: {found})",
                {"allowed": ", ".join(COMPARATORS), "found": found},
            )
        if self.done is False:
            raise PydanticCustomError(
                "done-false", "a milestone target is `done: true`; `done: false` sets no target"
            )
        if self.tolerance is not None and self.about is None:
            raise PydanticCustomError(
                "tolerance-without-about", "`tolerance` goes only with `about`"
            )
        if self.stretch is not None:
            if self.min is None and self.above is None:
                raise PydanticCustomError(
                    "stretch-comparator", "`stretch` goes only with `min` or `above`"
                )
            if self.stretch < self.value:
                raise PydanticCustomError(
                    "stretch-below-target",
                    "`stretch` ({stretch}) is below the target ({value}); a stretch goal lies beyond it",
                    {"stretch": literal(self.stretch), "value": literal(self.value)},
                )
        return self

    # Cached: scoring asks for these once per area, indicator and year, a million times in all.
    @cached_property
    def comparator(self) -> Comparator:
        return next(key for key in COMPARATORS if getattr(self, key) is not None)

    @cached_property
    def value(self) -> float:
        """The threshold (1 for a milestone)."""
        raw = getattr(self, self.comparator)
        return 1.0 if raw is True else float(raw)

    @cached_property
    def effective_tolerance(self) -> float:
        """The margin of an `about` target: given, or 5% of the value."""
        if self.tolerance is not None:
            return self.tolerance
        return float(
            Decimal(repr(abs(self.value))) * Decimal("0.05")
        )  # 3.0 for 60, not 3.0000000000000004

    def as_dict(self) -> dict[str, float | bool]:
        """The target as written: ``{"min": 60}``, ``{"about": 30, "tolerance": 1.5}``."""
        return dict(self._written)

    @cached_property
    def _written(self) -> dict[str, float | bool]:
        return self.model_dump(exclude_none=True)


class Indicator(_Strict):
    """One measured quantity and its targets per year."""

    id: IndicatorId
    name: Text
    unit: Unit
    weight: Annotated[float, Field(gt=0, le=MAX_WEIGHT, allow_inf_nan=False)] = 1.0
    targets: Annotated[
        dict[Year, Target],
        Field(
            min_length=1,
            json_schema_extra={"propertyNames": {"pattern": "^(19[0-9]{2}|20[0-9]{2}|2100)$"}},
        ),
    ]
    quote: NonEmptyText = Field(
        description="The source sentence, verbatim; fragments joined with '…'."
    )


class Pillars(_Strict):
    """The three pillars of the programmes, plus optional cross-cutting goals."""

    overall: list[Indicator] = Field(default_factory=list)
    government: list[Indicator]
    economy: list[Indicator]
    society: list[Indicator]


class TargetSet(_Strict):
    """One resolution's targets: the content of one target file."""

    dxscore: SchemaVersion = Field(description="Schema version.")
    id: TargetSetId
    name: Text
    resolution: Resolution
    pillars: Pillars

    @model_validator(mode="after")
    def _has_indicators(self) -> TargetSet:
        if not any(True for _ in self.indicators()):
            raise PydanticCustomError(
                "no-indicators", "the file sets no target: every pillar is empty"
            )
        return self

    def indicators(self) -> Iterator[tuple[PillarKey, Indicator]]:
        """Every indicator with its pillar, in file order."""
        for pillar in PILLARS:
            for indicator in getattr(self.pillars, pillar):
                yield pillar, indicator

    def numbered_indicators(self) -> Iterator[tuple[PillarKey, int, Indicator]]:
        """Every indicator with its pillar and its index in that pillar's list."""
        for pillar in PILLARS:
            for index, indicator in enumerate(getattr(self.pillars, pillar)):
                yield pillar, index, indicator

    def city_keys(self) -> set[str]:
        """What a city column may hold for this set: its id or a name, in any case, with or
        without accents and spaces (``Hà Nội``, ``ha noi``, ``hanoi``)."""
        words = (self.id, self.name.vi, self.name.en)
        return {normalize_word(w) for w in words} | {loose_word(w) for w in words}

    def target_years(self) -> list[int]:
        return sorted({year for _, ind in self.indicators() for year in ind.targets})


Loc = tuple[str | int, ...]
Finding = tuple[Loc, str, dict[str, object]]  # where, catalogue key (problem.<key>), its fields

_UNIT_RANGE: dict[str, tuple[float | None, float | None]] = {
    "percent": (0.0, 100.0),
    "rank": (1.0, None),
    "count": (0.0, None),
}
_UNIT_COMPARATORS: dict[str, frozenset[str]] = {
    "milestone": frozenset({"done"}),
    "rank": frozenset({"max", "below"}),
}


def unit_range(unit: str) -> tuple[float | None, float | None]:
    """The values a quantity of this unit can take (None: unbounded)."""
    return _UNIT_RANGE.get(unit, (None, None))


def unit_span(unit: str) -> str:
    """:func:`unit_range` as a message words it: ``0–100``, ``≥ 1``, ``any`` for a unit whose
    values have no bound (a growth rate may be negative)."""
    low, high = unit_range(unit)
    if low is None and high is None:
        return "any"
    if high is None:
        return f"≥ {literal(low or 0)}"
    return f"{literal(low or 0)}–{literal(high)}"


class Checked(Protocol):
    """What :func:`consistency_problems` reads of an indicator: an :class:`Indicator`, or the
    part of one that validates on its own (its id None when that is not valid)."""

    @property
    def id(self) -> str | None: ...
    @property
    def unit(self) -> Unit: ...
    @property
    def targets(self) -> Mapping[int, Target]: ...


def consistency_problems(
    indicators: Iterable[tuple[PillarKey, int, Checked]],
) -> list[Finding]:
    """Rules across fields: (document location, catalogue key, its fields) for each breach.

    Takes ``(pillar, index, indicator)`` so that it also runs over what validated in a file
    where the rest did not: every problem of a file is reported at once.
    """
    found: list[Finding] = []
    seen: dict[str, tuple[str, int]] = {}
    for pillar, index, indicator in indicators:
        here: Loc = ("pillars", pillar, index)
        first = seen.setdefault(indicator.id, (pillar, index)) if indicator.id else None
        if first is not None and first != (pillar, index):
            found.append(
                (
                    (*here, "id"),
                    "duplicate-indicator",
                    {"id": indicator.id, "first": f"{first[0]}[{first[1]}]"},
                )
            )
        # a shared id in another unit: compare would set unlike quantities side by side
        canonical = CANONICAL_INDICATORS.get(indicator.id or "")
        if canonical is not None and indicator.unit != canonical:
            found.append(
                (
                    (*here, "unit"),
                    "canonical-unit",
                    {"id": indicator.id, "unit": indicator.unit, "canonical": canonical},
                )
            )
        found.extend(((*here, *loc), key, params) for loc, key, params in _unit_problems(indicator))
    return found


def _unit_problems(indicator: Checked) -> Iterator[Finding]:
    """Comparators that do not fit the unit, values outside its range, targets no value of
    the unit can meet (``above: 100`` for a percent), and ranks that are not whole."""
    allowed = _UNIT_COMPARATORS.get(indicator.unit)
    low, high = unit_range(indicator.unit)
    for year, target in indicator.targets.items():
        at: Loc = ("targets", year)
        comparator = target.comparator
        if comparator == "done" and indicator.unit != "milestone":
            yield at, "unit-comparator.done", {"unit": indicator.unit}
            continue
        if allowed is not None and comparator not in allowed:
            need = "/".join(f"`{c}`" for c in sorted(allowed))
            yield (
                at,
                "unit-comparator",
                {"unit": indicator.unit, "need": need, "comparator": comparator},
            )
            continue
        for key in (comparator, "stretch"):
            value = getattr(target, key)
            if value is None or value is True:
                continue
            if (low is not None and value < low) or (high is not None and value > high):
                yield (
                    (*at, key),
                    "out-of-range.target",
                    {
                        "value": literal(value),
                        "unit": indicator.unit,
                        "span": unit_span(indicator.unit),
                    },
                )
            elif key == "stretch":  # a band's upper end may be the most there is: "phấn đấu 100%"
                continue
            elif (comparator == "above" and value == high) or (
                comparator == "below" and value == low
            ):
                fields = {"comparator": comparator, "value": literal(value), "unit": indicator.unit}
                yield (*at, key), "unreachable", {**fields, "span": unit_span(indicator.unit)}
            elif indicator.unit == "rank" and not float(value).is_integer():
                yield (*at, key), "rank-whole", {"value": literal(value)}
