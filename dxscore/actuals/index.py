"""The loaded target sets, indexed for the look-ups of the readers: cities and indicators."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import cached_property

from dxscore.errors import Problem, problem
from dxscore.model import Indicator, TargetSet
from dxscore.text import letters, loose_word, normalize_word, shown

Where = tuple[int | None, int | None, str | None]  # line, column number, column name


def resolve_city(target_sets: Sequence[TargetSet], name: str) -> str | None:
    """The id of the target set that ``name`` (an id or a name) stands for."""
    return index_of(target_sets).resolve_city(name)


_last: tuple[tuple[TargetSet, ...], TargetIndex] | None = None


def index_of(target_sets: Sequence[TargetSet]) -> TargetIndex:
    """The index of these target sets (the very objects): the last one made is kept, as a run
    asks about the same sets several times (``--city``, each city of the rows, every row)."""
    global _last
    given = tuple(target_sets)
    if (
        _last is None
        or len(_last[0]) != len(given)
        or any(a is not b for a, b in zip(_last[0], given, strict=True))
    ):
        _last = (given, TargetIndex(given))
    return _last[1]


class TargetIndex:
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

    @cached_property
    def named(self) -> dict[str, dict[str, list[str]]]:
        """Each indicator's Vietnamese and English names as letters and digits alone, per set:
        what an indicator written by its name (as a sheet for people writes it) is matched by
        (worked out when first asked for: most files write every indicator by its id)."""
        found: dict[str, dict[str, list[str]]] = {}
        for ts in self.sets.values():
            named: dict[str, list[str]] = {}
            for _, indicator in ts.indicators():
                for name in (indicator.name.vi, indicator.name.en):
                    ids = named.setdefault(letters(name), [])
                    if indicator.id not in ids:
                        ids.append(indicator.id)
            found[ts.id] = named
        return found

    def resolve_city(self, text: str) -> str | None:
        """A target set id from its id or its Vietnamese or English name, with or without accents and spaces."""
        known = self.city_names.get(text)  # most rows repeat a name already seen
        if known is not None:
            return known
        word = normalize_word(text)
        if word in self.ambiguous:  # not resolved by its loose form, which may be an id
            return None
        found = (
            self.city_names.get(word)
            or self.city_names.get(loose_word(text))
            or self.city_names.get(bare_city(text))
        )
        if found is not None:
            self.city_names[text] = found
        return found

    def unknown_city(self, file: str, text: str, at: Where = (None, None, None)) -> Problem:
        """Why ``text`` names no target set: unknown, or the name of several."""
        for key in (normalize_word(text), loose_word(text)):
            if key in self.ambiguous:
                fields = {"city": shown(text), "sets": ", ".join(self.ambiguous[key])}
                return problem(file, "ambiguous-city", *at, fields=fields)
        close = difflib.get_close_matches(
            normalize_word(text), list(self.city_names), n=1
        ) or difflib.get_close_matches(bare_city(text), list(self.city_names), n=1)
        fields = {"city": shown(text), "known": ", ".join(sorted(self.sets)) or "–"}
        if close:
            return problem(
                file, "unknown-city.close", *at, close=self.city_names[close[0]], fields=fields
            )
        return problem(file, "unknown-city", *at, fields=fields)

    def indicator_named(self, set_id: str, text: str) -> Indicator | None:
        """The indicator ``text`` is the Vietnamese or English name of, give or take accents,
        case, spaces and punctuation (None: of none, or of several)."""
        ids = self.named[set_id].get(letters(text), [])
        return self.indicators[set_id][ids[0]] if len(ids) == 1 else None

    def unknown_indicator(self, file: str, text: str, set_id: str, at: Where) -> Problem:
        fields = {"indicator": shown(text), "city": set_id}
        written = letters(text)
        named = self.named[set_id]
        if len(named.get(written, [])) > 1:  # the very name of several: not a guess
            candidates = ", ".join(named[written])
            return problem(
                file, "unknown-indicator.names", *at, candidates=candidates, fields=fields
            )
        near = _nearest_names(written, named) or _names_holding(written, named)
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


NAME_CUTOFF = 0.85  # how alike a name must be to be suggested at all
NAME_TIE = 0.05  # names this close to the nearest are as likely to be the one meant


def _nearest_names(written: str, named: dict[str, list[str]]) -> list[str]:
    """The ids whose names are near ``written``: the nearest, and any about as near."""
    best: dict[str, float] = {}
    matcher = difflib.SequenceMatcher(None, "", written)  # the written text analysed once
    for name, ids in named.items():
        matcher.set_seq1(name)
        if matcher.real_quick_ratio() < NAME_CUTOFF or matcher.quick_ratio() < NAME_CUTOFF:
            continue
        ratio = matcher.ratio()
        for indicator_id in ids:
            if ratio >= NAME_CUTOFF and ratio > best.get(indicator_id, 0.0):
                best[indicator_id] = ratio
    if not best:
        return []
    top = max(best.values())
    return sorted((i for i, r in best.items() if r >= top - NAME_TIE), key=lambda i: -best[i])


SHORTEST_PART = 10  # letters a part of a name needs before it is taken for that name


def _names_holding(written: str, named: dict[str, list[str]]) -> list[str]:
    """The ids whose names hold ``written`` whole, when it is long enough to mean something
    ("Hồ sơ công việc cấp xã" in "Hồ sơ công việc cấp xã được xử lý trên môi trường mạng")."""
    if len(written) < SHORTEST_PART:
        return []
    return sorted({i for name, ids in named.items() if written in name for i in ids})


# What a city's name may be written with, as forms and letters write it: "Thành phố Hải Phòng",
# "TP. Hải Phòng", "Tỉnh …", "Hai Phong City", "Hai-Phong"
_CITY_PREFIX = re.compile(r"^(?:thanhpho|tp|tinh|cityof)(?=.{3})")
_CITY_SUFFIX = re.compile(r"(?<=.{3})(?:city|province)$")


def bare_city(text: str) -> str:
    """A city's name as its letters alone, without "Thành phố", "TP.", "Tỉnh" before it or
    "City" after it: ``TP. Hải Phòng`` → ``haiphong``."""
    return _CITY_SUFFIX.sub("", _CITY_PREFIX.sub("", letters(text)))
