"""Find, load and validate target files.

``load_target_sets(find_target_files(...))`` is the whole job: every problem of
every file is collected (each located at ``FILE:LINE:COL``) before anything is
raised, so a CI run shows them all at once.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from dxscore import safe_yaml, target_words
from dxscore.errors import MAX_PROBLEMS, TOO_MANY_PROBLEMS, InputError, Problem, not_found, problem
from dxscore.i18n import CATALOGUE
from dxscore.model import (
    PILLARS,
    Checked,
    Indicator,
    IndicatorId,
    PillarKey,
    Pillars,
    Resolution,
    Target,
    TargetSet,
    Text,
    Unit,
    Year,
    consistency_problems,
)
from dxscore.text import literal

ENV_VAR = "DXSCORE_TARGETS"
SUFFIXES = (".yaml", ".yml")
# As a target path, where no file or folder has that name: the target files bundled with dxscore,
# so that one's own file is loaded beside them with `--targets bundled --targets mine.yaml`
BUNDLED = "bundled"


@dataclass(frozen=True, slots=True)
class LoadedTargetSet:
    """A validated target set and the file it came from (``bundled``: one of dxscore's own,
    found by default or through ``--targets bundled``)."""

    target_set: TargetSet
    file: str
    bundled: bool = False


if TYPE_CHECKING:
    _ConcretePath = Path
else:
    _ConcretePath = type(Path())  # PosixPath or WindowsPath: Path itself is not subclassed


class BundledPath(_ConcretePath):
    """The folder of the bundled target files as dxscore reaches it (by default, or through
    ``--targets bundled``), and the files found in it (a path made from one is one): a report
    names such a file by its name and dxscore's version, not by where dxscore is installed.
    The same folder typed by the user is a plain path, shown as typed."""


def bundled_targets_dir() -> Path:
    """The target files shipped with dxscore (in the wheel, or ../targets in a checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "targets"
    return BundledPath(packaged if packaged.is_dir() else here.parent / "targets")


def find_target_files(
    paths: Sequence[Path] | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> list[Path]:
    """The target files to load, in DESIGN's order of precedence (see :func:`chosen_paths`);
    a path that gives no file is an error."""
    return expand_paths(chosen_paths(paths, environ, cwd))


def chosen_paths(
    paths: Sequence[Path] | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> list[Path]:
    """``paths`` (from ``--targets``) win; then ``$DXSCORE_TARGETS`` (paths separated by
    ``os.pathsep``); then ``./targets/`` when it exists; then the bundled copies."""
    environ = os.environ if environ is None else environ
    cwd = Path.cwd() if cwd is None else cwd
    if paths:
        return list(paths)
    if environ.get(ENV_VAR):
        return [Path(p) for p in environ[ENV_VAR].split(os.pathsep) if p]
    if (cwd / "targets").is_dir():
        return [cwd / "targets"]
    return [bundled_targets_dir()]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """:func:`locate_files`, with a path that gives no file an error."""
    files, problems = locate_files(paths)
    if problems:
        raise InputError(problems)
    return files


def locate_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Files as given, folders as their YAML files (sorted, ``.YAML`` too, hidden ones not),
    ``bundled`` as the bundled files; and a problem for each path that gives none. A link that leads nowhere is kept, for its
    reader to report."""
    files: list[Path] = []
    problems: list[Problem] = []
    for given in paths:
        path = bundled_targets_dir() if str(given) == BUNDLED and not given.exists() else given
        if path.is_dir():
            found = sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in SUFFIXES
                and not p.name.startswith(".")  # hidden: an editor's lock (.#hanoi.yaml), a backup
                and (p.is_file() or _leads_nowhere(p))
            )
            if not found:
                problems.append(problem(str(path), "no-target-files"))
            files.extend(found)
        elif path.exists() or _leads_nowhere(path):
            files.append(path)
        else:
            problems.append(not_found(str(path), path))
    unique = {
        os.path.realpath(path): path for path in reversed(files)
    }  # a file named twice is read once
    return [path for path in files if unique.get(os.path.realpath(path)) is path], problems


def _leads_nowhere(path: Path) -> bool:
    """A link to nothing, or to itself."""
    return path.is_symlink() and not path.exists()


def load_target_file(path: Path) -> tuple[LoadedTargetSet | None, list[Problem]]:
    """Parse and validate one file: the target set, or every problem found in it."""
    name = display_name(path)
    document, problems = safe_yaml.parse_file(path, name)
    if document is None:
        return None, problems
    target_set: TargetSet | None = None
    indicators: list[tuple[PillarKey, int, Checked]]
    try:
        target_set = TargetSet.model_validate(document.data)
        indicators = list(target_set.numbered_indicators())
    except ValidationError as error:
        problems.extend(_pydantic_problems(document, error))
        # what validates on its own is checked further, unless the file already has more
        # problems than are reported
        indicators = _valid_indicators(document.data) if len(problems) < MAX_PROBLEMS else []
    for loc, key, params in consistency_problems(indicators)[: MAX_PROBLEMS - len(problems)]:
        where = safe_yaml.locate(document.root, loc)
        problems.append(problem(name, key, where.line, where.col, where.path, fields=params))
    if problems or target_set is None:
        return None, _capped(name, problems)
    return LoadedTargetSet(target_set, name, isinstance(path, BundledPath)), []


def _capped(name: str, problems: list[Problem]) -> list[Problem]:
    """The first :data:`MAX_PROBLEMS` problems in the file's order, then a notice that more
    were found (parse problems and unused errors are not located, only counted)."""
    ordered = _sorted(problems)
    if len(ordered) <= MAX_PROBLEMS:
        return ordered
    return [*ordered[:MAX_PROBLEMS], problem(name, TOO_MANY_PROBLEMS, count=MAX_PROBLEMS)]


def _valid_indicators(data: object) -> list[tuple[PillarKey, int, Checked]]:
    """What validates on its own in a file that does not as a whole: each indicator, or of
    one that does not validate, the part that does (its errors are reported already)."""
    pillars = data.get("pillars") if isinstance(data, dict) else None
    found: list[tuple[PillarKey, int, Checked]] = []
    if not isinstance(pillars, dict):
        return found
    for pillar in PILLARS:
        items = pillars.get(pillar)
        for index, item in enumerate(items if isinstance(items, list) else []):
            try:
                found.append((pillar, index, Indicator.model_validate(item)))
            except ValidationError:
                part = _valid_part(item)
                if part is not None:
                    found.append((pillar, index, part))
    return found


class IndicatorPart(NamedTuple):
    """The part of an indicator that validates: its unit, its targets that validate on their
    own, and its id (None when that is not valid)."""

    id: str | None
    unit: Unit
    targets: dict[int, Target]


def _valid_part(item: object) -> IndicatorPart | None:
    """None without a valid unit: the targets' range and comparators depend on it."""
    if not isinstance(item, dict):
        return None
    unit_type, id_type, year_type = _adapters()
    try:
        unit: Unit = unit_type.validate_python(item.get("unit"), strict=True)
    except ValidationError:
        return None
    try:
        indicator_id = id_type.validate_python(item.get("id"), strict=True)
    except ValidationError:
        indicator_id = None
    targets: dict[int, Target] = {}
    given = item.get("targets")
    for year, target in given.items() if isinstance(given, dict) else ():
        try:
            targets[year_type.validate_python(year, strict=True)] = Target.model_validate(target)
        except ValidationError:
            continue
    return IndicatorPart(indicator_id, unit, targets)


@functools.cache
def _adapters() -> tuple[TypeAdapter[Unit], TypeAdapter[str], TypeAdapter[int]]:
    """The validators of a unit, an indicator id and a year, built once (each costs as much
    as validating a thousand values)."""
    return TypeAdapter(Unit), TypeAdapter(IndicatorId), TypeAdapter(Year)


def validate_target_files(paths: Iterable[Path]) -> tuple[list[LoadedTargetSet], list[Problem]]:
    """Load every file; also check that target-set ids are unique across files."""
    loaded: list[LoadedTargetSet] = []
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    for path in paths:
        result, found = load_target_file(path)
        problems.extend(found)
        if result is None:
            continue
        target_set = result.target_set
        if target_set.id in first_file:
            problems.append(
                _problem_at(
                    path,
                    result.file,
                    ("id",),
                    "duplicate-target-set",
                    id=target_set.id,
                    first=first_file[target_set.id],
                )
            )
            continue
        first_file[target_set.id] = result.file
        loaded.append(result)
    return loaded, problems


def _problem_at(path: Path, shown: str, at: tuple[str, ...], key: str, **fields: str) -> Problem:
    """A problem at a key of a file that parsed (read again: the loaded set keeps no places)."""
    document, _ = safe_yaml.parse_file(path, shown)
    where = safe_yaml.locate(document.root, at) if document else None
    line, col = (where.line, where.col) if where else (None, None)
    return problem(shown, key, line, col, ".".join(at), fields=fields)


def load_target_sets(paths: Iterable[Path]) -> list[LoadedTargetSet]:
    """Every target set, or :class:`InputError` with every problem of every file."""
    loaded, problems = validate_target_files(paths)
    if problems:
        raise InputError(problems)
    return loaded


def _pydantic_problems(document: safe_yaml.Document, error: ValidationError) -> list[Problem]:
    """Each of pydantic's errors, located and worded: the first :data:`MAX_PROBLEMS` only
    (locating each of thousands of unknown keys cost minutes)."""
    problems = []
    details = error.errors(include_url=False)[: MAX_PROBLEMS + 1]
    meant = _keys_meant(details)
    for detail in details:
        pydantic_type = detail["type"]
        kind = pydantic_type.replace("_", "-")
        loc = tuple(detail["loc"])
        if pydantic_type == "missing" and loc in meant:
            continue  # said once, as the unknown key that is its misspelling
        unknown = kind in ("extra-forbidden", "invalid-key")  # a key of a name not allowed
        where = safe_yaml.locate(document.root, loc, at_key=unknown)
        file, line, col, path = document.file, where.line, where.col, where.path
        if unknown:
            problems.append(_unknown_key((file, line, col, path), loc, where.key))
        elif kind == "missing":
            problems.append(problem(file, "missing", line, col, path, key=loc[-1]))
        elif pydantic_type == "int_type" and loc[-1:] == ("[key]",) and loc[-3:-2] == ("targets",):
            written = detail.get("input")  # "2025" in quotes, or not a year at all (~, 2025.0)
            quoted = isinstance(written, str) and written.isascii() and written.isdigit()
            key = "year-key.quoted" if quoted else "year-key"
            problems.append(problem(file, key, line, col, path, kind=kind, key=written))
        elif pydantic_type == "literal_error" and loc == ("dxscore",):
            written = _as_yaml(detail.get("input"))
            problems.append(problem(file, "schema-version", line, col, path, written=written))
        elif pydantic_type == "model_type" and loc[-2:-1] == ("targets",) and not _a_year(loc):
            continue  # `targets: {min: 60}`: its key is told already, as no target year
        elif pydantic_type == "decimal-comma":
            before = str((detail.get("ctx") or {}).get("before"))
            key, fields = target_words.decimal_comma(where.node, before)
            problems.append(problem(file, key, line, col, path, kind=kind, fields=fields))
        elif (words := target_words.worded(detail, where.node)) is not None:
            key, fields = words
            problems.append(problem(file, key, line, col, path, kind=kind, fields=fields))
        elif f"problem.schema.{pydantic_type}" in CATALOGUE:
            context = {name: _plain(value) for name, value in (detail.get("ctx") or {}).items()}
            problems.append(
                problem(file, f"schema.{pydantic_type}", line, col, path, kind=kind, fields=context)
            )
        else:
            problems.append(
                problem(file, "schema", line, col, path, kind=kind, detail=detail["msg"])
            )
    return problems


def _a_year(loc: tuple[str | int, ...]) -> bool:
    """Whether the last key of ``loc`` is a whole number, as a target year's key is."""
    return isinstance(loc[-1], int) and not isinstance(loc[-1], bool)


def _as_yaml(value: object) -> str:
    """A scalar as YAML wrote it, near enough to be recognised: '1' (quoted), true, ~."""
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # 1.0, which is not 1 here
    return _plain(value)


def _plain(value: object) -> str:
    """A pydantic error context value as the message shows it (pydantic's own wording)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return literal(value)
    return repr(value)


_MODEL_UNDER: dict[str | None, type[BaseModel]] = {
    None: TargetSet,
    "name": Text,
    "title": Text,
    "resolution": Resolution,
    "pillars": Pillars,
    "overall": Indicator,
    "government": Indicator,
    "economy": Indicator,
    "society": Indicator,
    "targets": Target,
}


def _keys_meant(details: Sequence[ErrorDetails]) -> set[tuple[str | int, ...]]:
    """Where a required key is missing because it is misspelt: the place of each key that an
    unknown key in the same mapping is close to (`targest:` for `targets:`)."""
    meant: set[tuple[str | int, ...]] = set()
    for detail in details:
        if detail["type"] not in ("extra_forbidden", "invalid_key"):
            continue
        loc = tuple(detail["loc"])
        close = _allowed_near(loc, str(loc[-1]))[1]
        if close is not None:
            meant.add((*loc[:-1], close))
    return meant


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel]:
    """The model of the mapping that holds the last key of ``loc``."""
    parent = next((part for part in reversed(loc[:-1]) if isinstance(part, str)), None)
    return _MODEL_UNDER.get(parent, TargetSet)


def _allowed_near(loc: tuple[str | int, ...], key: str) -> tuple[list[str], str | None]:
    """The keys allowed where ``loc`` ends, and the one closest to ``key`` (None when none is
    close, or when ``key`` is a target year written beside ``targets:``)."""
    model = _model_at(loc)
    allowed = list(model.model_fields)
    if model is Indicator and key.isdigit():
        return allowed, None
    close = difflib.get_close_matches(key, allowed, n=1)
    return allowed, close[0] if close else None


def _unknown_key(
    at: tuple[str, int, int, str], loc: tuple[str | int, ...], written: str | None
) -> Problem:
    """'unknown key …' with the keys allowed there and the closest one; the key named as the
    file writes it (pydantic gives `true` as 1 and `~` as 'None')."""
    file, line, col, path = at
    key = str(loc[-1]) if written is None else written
    if _model_at(loc) is Indicator and key.isdigit():  # "2025:" one level too far left
        return problem(file, "extra-forbidden.year", line, col, path, key=key)
    allowed, close = _allowed_near(loc, key)
    if close is not None:
        return problem(
            file,
            "extra-forbidden.close",
            line,
            col,
            path,
            key=key,
            close=close,
            allowed=", ".join(allowed),
        )
    return problem(file, "extra-forbidden", line, col, path, key=key, allowed=", ".join(allowed))


def _sorted(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.col or 0))


def display_name(path: Path) -> str:
    """Relative to the working folder when below it (as CI annotations want), else as given.
    A link keeps its own name: it is what the user wrote, and it may lead nowhere."""
    cwd = Path.cwd()
    for here in (Path(os.path.normpath(path.absolute())), Path(os.path.realpath(path))):
        if here.is_relative_to(cwd):
            return str(here.relative_to(cwd))
    return str(path)
