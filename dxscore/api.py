"""dxscore as a library: the pipeline every command runs, for Python callers as well.

    import dxscore
    card = dxscore.score("actuals.csv")            # a path, a list of paths, or rows
    card.to_dict()                                  # what `dxscore check --format json` prints
    card.results                                    # one object per result, the JSON keys as attributes
    card.warnings                                   # what the command line prints as warnings

Every function reads and validates exactly as the command line does, and raises
:class:`~dxscore.errors.InputError` (whose ``problems`` carry ``file``, ``line``, ``column``,
``type`` and ``message``) where a command would exit 2. Nothing here prints.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dxscore import __version__
from dxscore.errors import InputError, Problem, problem
from dxscore.model import PILLARS, PillarKey, TargetSet

if TYPE_CHECKING:
    from dxscore.actuals.data import ActualsData
    from dxscore.provenance import Provenance
    from dxscore.report_model import ResultRow, SummaryRow
    from dxscore.scoring import Scorecard
    from dxscore.targets import LoadedTargetSet

PathLike = str | os.PathLike[str]
Row = Mapping[str, object]
Progress = Callable[[str, int], None]  # (file, bytes read so far)
STDIN = "-"  # as a file name: standard input


@dataclass(frozen=True)
class Card:
    """A scored set of actuals: the verdicts, and what the user should know about them."""

    scorecard: Scorecard  # the verdicts, as the renderers take them
    warnings: tuple[Problem, ...] = ()
    actuals_files: tuple[str, ...] = ()  # the actuals files read, as given
    target_files: tuple[str, ...] = ()  # the target files loaded (each set's, in order)
    target_ids: tuple[str, ...] = ()  # the id of each of those files' target set
    bundled: frozenset[str] = frozenset()  # those of the target files bundled with dxscore

    @property
    def as_of(self) -> int | None:
        return self.scorecard.as_of

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The JSON document of ``dxscore check --format json`` (``--explain`` included), the
        warnings about the input among it."""
        from dxscore.render.json_report import document

        return document(self.scorecard, __version__, explain=explain, warnings=self.warnings)

    @cached_property
    def results(self) -> tuple[ResultRow, ...]:
        """Every result, its attributes the keys of a JSON result (``status``, ``actual`` …)."""
        from dxscore.report_model import ResultRow

        return tuple(ResultRow.model_validate(row) for row in self.to_dict()["results"])

    @cached_property
    def summary(self) -> tuple[SummaryRow, ...]:
        """Every summary row (a pillar's, or with ``pillar`` None the set's, score per year)."""
        from dxscore.report_model import SummaryRow

        return tuple(SummaryRow.model_validate(row) for row in self.to_dict()["summary"])

    def provenance(self) -> Provenance:
        """What a document made from this card says it was made from: now (SOURCE_DATE_EPOCH
        fixes it), this dxscore, the actuals files and the target files of the sets scored,
        each with its SHA-256 (a bundled target file by its name alone)."""
        from dxscore.provenance import provenance

        scored = {ts.id for ts in self.scorecard.target_sets}
        files = [f for f, i in zip(self.target_files, self.target_ids, strict=True) if i in scored]
        return provenance(self.actuals_files, files, __version__, bundled=self.bundled)

    def failing(self, fail_on: str = "missed") -> int:
        """How many results are at least as bad as ``fail_on`` (``missed``, ``at_risk``)."""
        return self.scorecard.failing(fail_on)


def load_targets(targets: PathLike | Sequence[PathLike] | None = None) -> list[TargetSet]:
    """The target sets: from ``targets`` (files or folders), else discovered as the command
    line discovers them (``$DXSCORE_TARGETS``, ``./targets/``, the bundled files)."""
    return [item.target_set for item in load_target_files(targets)]


def find_target_set(name: str, targets: Sequence[TargetSet] | None = None) -> TargetSet:
    """The target set ``name`` stands for: its id, or its Vietnamese or English name with or
    without accents (``hanoi``, ``Hà Nội``, ``ha noi``)."""
    sets = list(targets) if targets is not None else load_targets()
    return _pick(sets, name)


def score(
    actuals: PathLike | Sequence[PathLike] | Iterable[Row],
    *,
    targets: PathLike | Sequence[PathLike] | Sequence[TargetSet] | None = None,
    city: str | None = None,
    as_of: int | None = None,
    year: int | Iterable[int] | None = None,
    pillar: str | Iterable[str] | None = None,
    area: str | Iterable[str] | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    history: bool = True,
    progress: Progress | None = None,
) -> Card:
    """Read, validate and score actuals against the targets, as ``dxscore check`` does.

    ``actuals``: a file (CSV or .xlsx; ``-`` is standard input), several files, or rows given
    as mappings (``{"indicator": …, "year": …, "value": …}``), validated as CSV rows are, with
    their index as the line. ``year``, ``pillar`` and ``area`` narrow what is scored (a value
    or several); ``as_of`` defaults to the latest year with a reported value. ``history``
    False lets a large clean CSV file be read by DuckDB when it is installed (the verdicts are
    the same; the observations behind them are not kept, so ``to_dict(explain=True)`` shows
    none). Raises :class:`InputError` where ``check`` exits 2.
    """
    loaded = _loaded_or_given(targets)
    sets = [item.target_set for item in loaded]
    years, pillars, areas = _as_list(year), _pillars(pillar), _as_list(area)
    data, names = read(
        actuals,
        sets,
        city=city,
        encoding=encoding,
        sheet=sheet,
        history=history,
        progress=progress,
    )
    warnings = list(data.warnings)
    try:
        wanted = [city] if city else data.named_sets
        chosen_ids = {found for name in wanted if (found := _resolve(sets, name))}
        chosen = [ts for ts in sets if ts.id in chosen_ids]
        span = _reported_span(names, data)
        areas = _areas(areas, data)
        _check_filters(chosen, data, span, years, areas, as_of)
        as_of = as_of if as_of is not None else span[1]
        series = data.series(as_of)
    except InputError as error:  # what was worth saying about the input is said all the same
        error.warnings[:0] = warnings
        raise
    finally:
        data.close()
    from dxscore.scoring import score_series

    nfc_areas = [unicodedata.normalize("NFC", a.strip()) for a in areas] if areas else None
    scorecard = score_series(
        chosen, series, as_of=as_of, years=years, pillars=pillars, areas=nfc_areas
    )
    if years or pillars or areas:
        warnings += _unscored(chosen, scorecard, years, pillars, areas)
    if data.not_reported:
        warnings.append(
            problem(", ".join(names), "warning.not-reported", kind="warning", n=data.not_reported)
        )
    return _card(scorecard, warnings, names, loaded)


def _card(
    scorecard: Scorecard,
    warnings: Sequence[Problem],
    names: Sequence[str],
    loaded: Sequence[LoadedTargetSet],
) -> Card:
    files = tuple(item.file for item in loaded)
    ids = tuple(item.target_set.id for item in loaded)
    bundled = frozenset(item.file for item in loaded if item.bundled)
    return Card(scorecard, tuple(warnings), tuple(names), files, ids, bundled)


def compare(
    actuals: PathLike | Sequence[PathLike] | Iterable[Row] | None = None,
    *,
    targets: PathLike | Sequence[PathLike] | Sequence[TargetSet] | None = None,
    city: str | Iterable[str] | None = None,
    as_of: int | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Card:
    """Every target set (or those ``city`` names: ids or names) scored side by side on
    city-wide values, as ``dxscore compare`` does: sets with data first, the others (a
    national reference) with every result "no data"."""
    from dxscore.scoring import score as score_observations

    if actuals is None:
        _refuse_unused(encoding=encoding, sheet=sheet)
    loaded = _loaded_or_given(targets)
    sets = [item.target_set for item in loaded]
    if city is not None:
        wanted = {_pick(sets, name).id for name in _as_list(city) or []}
        loaded = [item for item in loaded if item.target_set.id in wanted]
        sets = [item.target_set for item in loaded]
    warnings: list[Problem] = []
    observations = []
    names: list[str] = []
    if actuals is not None:
        from dxscore.actuals import Actuals

        data, names = read(actuals, sets, encoding=encoding, sheet=sheet)
        assert isinstance(data, Actuals)  # history kept: the reference reader
        warnings += data.warnings
        span = _reported_span(names, data)
        _check_filters(sets, data, span, None, None, as_of)
        # as of the latest reported year, as `check` judges the same files, areas included
        as_of = as_of if as_of is not None else span[1]
        # cities side by side: their city-wide values; an area's are said to be left out
        observations = [o for o in data.observations if o.area is None]
        if not observations:
            raise InputError([problem(", ".join(names), "compare-areas-only")])
        skipped = len(data.observations) - len(observations)
        if skipped:
            warnings.append(
                problem(", ".join(names), "warning.compare-areas", kind="warning", n=skipped)
            )
    with_data = {o.target_set for o in observations}
    ordered = sorted(sets, key=lambda ts: (ts.id not in with_data, ts.id))
    scorecard = score_observations(ordered, observations, as_of=as_of, areas=[None])
    return _card(scorecard, warnings, names, loaded)


def read(
    actuals: PathLike | Sequence[PathLike] | Iterable[Row],
    target_sets: Sequence[TargetSet],
    *,
    city: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
    history: bool = True,
    progress: Progress | None = None,
) -> tuple[ActualsData, list[str]]:
    """The actuals read and validated (problems raise), and the names of what was read.

    A large clean CSV file is read by DuckDB when ``history`` is not needed and DuckDB is
    installed (``pip install 'dxscore[large]'``); every other input by the reference reader
    (a large file that DuckDB has parsed but not accepted: its rows, handed back).
    """
    from dxscore.actuals import read_actuals, read_rows

    if not _is_paths(actuals):
        rows = list(actuals)  # type: ignore[arg-type]  # mappings, as the docstring says
        data = read_rows(rows, target_sets, city=city)
        if data.problems:
            raise InputError(data.problems, data.warnings)
        return data, ["<rows>"]
    paths = _paths(actuals)  # type: ignore[arg-type]
    names = [str(path) for path in paths]
    without_duckdb = False
    if not history and sheet is None:
        from dxscore.actuals import large

        found = large.read_large(paths, target_sets, city=city, encoding=encoding)
        if found is not None:  # read by DuckDB, or its rows by the reference row engine
            if found.problems:
                raise InputError(found.problems, found.warnings)
            return found, names
        without_duckdb = large.worth_it(paths) and not large.installed()
    data = read_actuals(
        paths, target_sets, city=city, encoding=encoding, sheet=sheet, progress=progress
    )
    if without_duckdb:  # said once, whether or not the file is valid
        size = paths[0].stat().st_size / (1 << 20)
        data.warnings.append(
            problem(names[0], "warning.without-duckdb", kind="warning", size=f"{size:.0f}")
        )
    if data.problems:
        raise InputError(data.problems, data.warnings)
    return data, names


@dataclass
class Validation:
    """What ``dxscore validate`` found: the target sets that are valid, every problem of the
    target files and of the actuals, and what the actuals held."""

    target_files: list[str]  # every target file looked at, as shown in messages
    loaded: list[LoadedTargetSet]
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    actuals_files: list[str] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)  # actuals not checked: targets invalid
    observations: int = 0
    actuals_problems: int = 0  # the last ones of ``problems``


def validate(
    paths: PathLike | Sequence[PathLike] | None = None,
    *,
    actuals: Sequence[PathLike] | None = None,
    city: str | None = None,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Validation:
    """Check target files (the discovered ones by default) and, optionally, actuals files
    against them, without scoring. Problems are returned, not raised: a CI run reports them
    (an option about actuals given without actuals is raised: it is a mistake of usage)."""
    from dxscore.actuals import read_actuals
    from dxscore.targets import chosen_paths, display_name, locate_files, validate_target_files

    if not actuals:  # --city, --encoding and --sheet are about actuals
        _refuse_unused(city=city, encoding=encoding, sheet=sheet)

    files, missing = locate_files(chosen_paths(_paths(paths) if paths is not None else None))
    loaded, problems = validate_target_files(files)
    problems[:0] = missing
    found = Validation(
        [problem.file for problem in missing] + [display_name(path) for path in files],
        loaded,
        problems,
        actuals_files=[str(path) for path in actuals or []],
    )
    if not actuals:
        return found
    if problems:  # rows of a city whose target file is broken would each be an "unknown city"
        found.unchecked = list(found.actuals_files)
        return found
    data = read_actuals(
        _paths(actuals),
        [item.target_set for item in loaded],
        city=city,
        encoding=encoding,
        sheet=sheet,
    )
    found.problems.extend(data.problems)
    found.warnings.extend(data.warnings)
    found.actuals_problems = len(data.problems)
    found.observations = len(data.observations)
    return found


def template(
    name: str,
    *,
    targets: PathLike | Sequence[PathLike] | Sequence[TargetSet] | None = None,
    year: int | None = None,
    lang: str = "en",
) -> str:
    """A blank actuals CSV for the target set ``name`` (its id or name): one row per indicator
    for ``year`` (default: the last full calendar year), names in ``lang`` (``en``, ``vi``)."""
    from dxscore.clock import current_year
    from dxscore.render.template import actuals_template

    sets = [item.target_set for item in _loaded_or_given(targets)]
    chosen = _pick(sets, name)
    return actuals_template(chosen, year or current_year() - 1, "vi" if lang == "vi" else "en")


# --- the pieces ---------------------------------------------------------------------------


def load_target_files(
    targets: PathLike | Sequence[PathLike] | None = None,
) -> list[LoadedTargetSet]:
    """:func:`load_targets`, each target set with the file it came from."""
    from dxscore.targets import find_target_files, load_target_sets

    paths = None if targets is None else _paths(targets)
    return load_target_sets(find_target_files(paths))


def _loaded_or_given(
    targets: PathLike | Sequence[PathLike] | Sequence[TargetSet] | None,
) -> list[LoadedTargetSet]:
    """Target sets from files (or discovered), or given as models (validated again: a model
    built in Python may skip what a file is held to)."""
    if isinstance(targets, Sequence) and not isinstance(targets, str | bytes):
        models = [item for item in targets if isinstance(item, TargetSet)]
        if models and len(models) == len(targets):
            from dxscore.model import consistency_problems
            from dxscore.targets import LoadedTargetSet

            found = [
                problem(f"<{ts.id}>", key, None, None, _dotted(loc), fields=fields)
                for ts in models
                for loc, key, fields in consistency_problems(ts.numbered_indicators())
            ]
            seen: set[str] = set()
            for ts in models:
                if ts.id in seen:
                    found.append(
                        problem(f"<{ts.id}>", "duplicate-target-set", id=ts.id, first=f"<{ts.id}>")
                    )
                seen.add(ts.id)
            if found:
                raise InputError(found)
            return [LoadedTargetSet(ts, f"<{ts.id}>") for ts in models]
    return load_target_files(targets)  # type: ignore[arg-type]


def _refuse_unused(
    *, city: str | None = None, encoding: str | None = None, sheet: str | None = None
) -> None:
    """An option about actuals given with no actuals to apply to is a mistake, not a no-op."""
    from dxscore.actuals import unused_options

    problems = unused_options([], sheet, encoding)
    if city is not None:
        problems.append(problem("--city", "option-unused"))
    if problems:
        raise InputError(problems)


def _dotted(loc: tuple[str | int, ...]) -> str:
    """A place in a target set as messages write it: ``pillars.government[3].targets.2025``."""
    text = ""
    for position, part in enumerate(loc):
        if isinstance(part, int) and position and loc[position - 1] in PILLARS:
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _is_paths(value: object) -> bool:
    if isinstance(value, str | os.PathLike):
        return True
    if isinstance(value, Sequence) and not isinstance(value, bytes):
        return all(isinstance(item, str | os.PathLike) for item in value)
    return False


def _paths(value: PathLike | Sequence[PathLike]) -> list[Path]:
    if isinstance(value, str | os.PathLike):
        return [Path(value)]
    return [Path(item) for item in value]


def _as_list(value: Any) -> list[Any] | None:
    if value is None:
        return None
    if isinstance(value, str | int):
        return [value]
    return list(value)


def _pillars(value: str | Iterable[str] | None) -> list[PillarKey] | None:
    given = _as_list(value)
    if given is None:
        return None
    unknown = [p for p in given if p not in PILLARS]
    if unknown:
        listed = ", ".join(PILLARS)
        raise InputError(
            [problem("--pillar", "unknown-pillar", pillar=p, pillars=listed) for p in unknown]
        )
    return given


def _resolve(sets: Sequence[TargetSet], name: str) -> str | None:
    from dxscore.actuals import resolve_city

    return resolve_city(sets, name)


def _pick(sets: Sequence[TargetSet], name: str) -> TargetSet:
    found = _resolve(sets, name)
    for ts in sets:
        if ts.id == found:
            return ts
    import difflib

    from dxscore.actuals.index import bare_city

    known = [ts.id for ts in sets]
    close = difflib.get_close_matches(name, known, n=1) or difflib.get_close_matches(
        bare_city(name), known, n=1
    )
    listed = ", ".join(known) or "–"
    if close:
        raise InputError([problem(name, "unknown-target-set.close", close=close[0], known=listed)])
    raise InputError([problem(name, "unknown-target-set", known=listed)])


def _reported_span(names: Sequence[str], data: ActualsData) -> tuple[int, int]:
    """The first and last year with a reported value; none at all (an empty template, or only
    rows of other cities) is an error: a check of nothing must not pass a CI gate."""
    span = data.years()
    if span is None:
        raise InputError(
            [problem(", ".join(names), "nothing-reported", rows=data.rows, empty=data.not_reported)]
        )
    return span


def _areas(areas: Sequence[str] | None, data: ActualsData) -> list[str] | None:
    """The areas asked for, each as the files write it: "Le Chan" is "Lê Chân" when exactly
    one area of the files reads so without accents (an area that matches none, or several,
    is left as typed, for the filters' check to say so)."""
    if not areas:
        return None
    known = data.areas()
    by_loose: dict[str, list[str]] = {}
    from dxscore.text import loose_word

    for name in known:
        by_loose.setdefault(loose_word(name), []).append(name)
    resolved = []
    for area in areas:
        written = unicodedata.normalize("NFC", area.strip())
        matches = by_loose.get(loose_word(written), [])
        resolved.append(matches[0] if written not in known and len(matches) == 1 else area)
    return resolved


def _check_filters(
    sets: Sequence[TargetSet],
    data: ActualsData,
    span: tuple[int, int] | None,
    years: Sequence[int] | None,
    areas: Sequence[str] | None,
    as_of: int | None,
) -> None:
    """A year or an area that matches nothing is a mistake, not an empty success."""
    problems = []
    known_years = sorted({y for ts in sets for y in ts.target_years()})
    for year in years or []:
        if year not in known_years:
            listed = ", ".join(map(str, known_years))
            problems.append(problem("--year", "unknown-year", year=year, years=listed))
    known_areas = data.areas() if areas else set()
    for area in areas or []:
        if not known_areas:
            problems.append(problem("--area", "unknown-area.none"))
            break
        if unicodedata.normalize("NFC", area.strip()) not in known_areas:
            problems.append(_unknown_area(area, known_areas))
    if as_of is not None and span is not None and as_of < span[0]:
        problems.append(problem("--as-of", "no-data-as-of", year=as_of, earliest=span[0]))
    if problems:
        raise InputError(problems)


def _unknown_area(area: str, known: set[str]) -> Problem:
    """The area closest to what was typed (accents and case aside), or the first ten."""
    import difflib

    from dxscore.text import loose_word

    by_loose = {loose_word(name): name for name in sorted(known, reverse=True)}
    close = difflib.get_close_matches(loose_word(area), list(by_loose), n=1, cutoff=0.8)
    if close:
        return problem("--area", "unknown-area.close", area=area, close=by_loose[close[0]])
    listed = ", ".join(sorted(known)[:10])
    if len(known) > 10:
        return problem("--area", "unknown-area.many", area=area, areas=listed, more=len(known) - 10)
    return problem("--area", "unknown-area", area=area, areas=listed)


def _unscored(
    sets: Sequence[TargetSet],
    scorecard: Scorecard,
    years: Sequence[int] | None,
    pillars: Sequence[str] | None,
    areas: Sequence[str] | None,
) -> list[Problem]:
    """Filters that leave nothing to score, or no reported value to check, are an error (a CI
    gate must not pass by checking nothing); filters that leave a city of the actuals with
    nothing scored or nothing reported are warned of, so that none drops out silently."""
    given = [("--year", str(y)) for y in years or []]
    given += [("--pillar", p) for p in pillars or []]
    given += [("--area", a) for a in areas or []]
    filters = " ".join(f"{option} {value}" for option, value in given)
    scored = {result.target_set for result in scorecard.results}
    checked = {r.target_set for r in scorecard.results if r.status != "no_data"}
    option = "--pillar" if pillars else "--area" if areas else "--year"
    if not scored and (years or pillars):
        raise InputError([problem(option, "nothing-to-score", filters=filters)])
    if not checked:
        raise InputError([problem(option, "nothing-to-check", filters=filters)])
    warnings = []
    for target_set in sets:
        if target_set.id not in scored:
            warnings.append(
                problem(target_set.id, "warning.not-scored", kind="warning", filters=filters)
            )
        elif target_set.id not in checked:
            warnings.append(
                problem(target_set.id, "warning.not-checked", kind="warning", filters=filters)
            )
    return warnings
