"""Hardened YAML: parse a small configuration file into plain data plus positions.

The file is composed into PyYAML's node tree by a loader of our own (the global
loaders are never patched), then turned into dicts, lists and scalars by code
that knows the rules of dxscore files:

* aliases and anchors are refused while composing, so an alias bomb costs
  nothing; nesting deeper than :data:`MAX_DEPTH` is refused too;
* scalars follow the YAML 1.2 core schema: only ``true``/``false`` are
  booleans (``yes``, ``on``, ``no`` stay strings), dates stay strings, and
  sexagesimal ``1:30`` or ``0b1`` are not numbers;
* a key repeated in one mapping is an error, reported at the second one;
* files over :data:`MAX_BYTES` are refused before they are read in full.

Positions are kept: :func:`locate` follows a location such as
``("pillars", "government", 3, "targets", 2025, "min")`` down the node tree
and returns its line, column and printable path.
"""

from __future__ import annotations

import dataclasses
import re
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from dxscore.errors import Problem, problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 64
# values (keys, scalars, lists, mappings): the largest bundled file holds about 600; composing
# each costs microseconds in Python, so a 1 MiB file of 200,000 would take seconds
MAX_NODES = 50_000

_TAG = "tag:yaml.org,2002:"


class _CoreResolver(BaseResolver):
    """The YAML 1.2 core schema's implicit types, and nothing else."""


for _tag, _pattern, _first in (
    ("bool", r"^(?:true|false)$", "tf"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
):
    _CoreResolver.add_implicit_resolver(_TAG + _tag, re.compile(_pattern), list(_first))


class YamlProblem(Exception):
    """A problem that stops composing: a syntax error, an alias, too deep."""

    def __init__(self, mark: Any, key: str, **params: object) -> None:
        super().__init__(key)
        self.mark = mark
        self.key = key
        self.params = params


class _Checks(Composer, _CoreResolver):
    """Python composition (aliases, anchors, tags and depth checked) over any event source."""

    _depth = 0
    _nodes = 0

    if TYPE_CHECKING:  # provided by the parser class mixed in

        def peek_event(self) -> Any: ...

        def dispose(self) -> None: ...

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise YamlProblem(event.start_mark, "yaml-alias", name=event.anchor)
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.tag is not None:
            raise YamlProblem(event.start_mark, "yaml-tag", tag=event.tag)
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.anchor is not None:
            raise YamlProblem(event.start_mark, "yaml-anchor", name=event.anchor)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise YamlProblem(event.start_mark, "yaml-too-many-nodes", limit=f"{MAX_NODES:,}")
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YamlProblem(event.start_mark, "yaml-too-deep", depth=MAX_DEPTH)
        try:
            node: Node | None = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        return node


class _Loader(_Checks, Reader, Scanner, Parser):
    """The pure-Python reader, scanner and parser (used when libyaml is not available)."""

    def __init__(self, text: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _CoreResolver.__init__(self)
        self._depth = self._nodes = 0


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _CLoader(_Checks, CParser):
        """libyaml's scanner and parser (C, several times faster), our composition over its events."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            Composer.__init__(self)
            _CoreResolver.__init__(self)
            self._depth = 0

        def get_single_node(self) -> Node | None:
            return Composer.get_single_node(self)

    _FastLoader: type[_Checks] = _CLoader
else:  # pragma: no cover
    _FastLoader = _Loader


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed file: its plain data and the node tree that knows where each part came from."""

    file: str
    data: Any
    root: Node


def parse_file(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one YAML file; never raises for bad content."""
    name = display or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return None, [problem(name, "unreadable", reason=error.strerror or error)]
    if len(raw) > MAX_BYTES:
        return None, [problem(name, "file-too-large", size=MAX_BYTES // 1024)]
    return parse_bytes(raw, name)


def parse_bytes(raw: bytes, name: str) -> tuple[Document | None, list[Problem]]:
    """Decode (UTF-8, optional BOM) and parse; problems instead of exceptions."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        col = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1  # in characters
        return None, [problem(name, "not-utf8", line, col, byte=f"{raw[error.start]:02x}")]
    return parse_text(text, name)


def parse_text(text: str, name: str) -> tuple[Document | None, list[Problem]]:
    separators = [
        problem(name, "yaml-syntax.line-separator", line, col, code=f"{ord(found):04X}")
        for line, col, found in _line_separators(text)
    ]
    if separators:
        return None, separators
    document, problems = _parse(text, name, _FastLoader)
    lines = lines_of(text)
    if lines[-1] == "" and len(lines) > 1:  # the line break that ends the last line
        lines.pop()
    end = (len(lines), len(lines[-1].rstrip("\r")) + 1)
    return document, [_within(end, found) for found in problems]


def _within(end: tuple[int, int], found: Problem) -> Problem:
    """The problem placed on a line that exists: a parser that reaches the end of the file
    marks the line after the last (a line no editor shows, no CI annotates); that place is
    ``end``, the end of the last line."""
    if found.line is None or found.line <= end[0]:
        return found
    return dataclasses.replace(found, line=end[0], col=end[1])


# YAML 1.1 (PyYAML) breaks lines at NEL, LS and PS too; editors and GitHub do not, so every
# line number after one would be off, and inside a quote the character would become a space
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")


def _line_separators(text: str) -> list[tuple[int, int, str]]:
    """Each NEL, LS or PS: its line and column as an editor counts them, and itself (in one
    pass: a file may hold hundreds of thousands)."""
    found = []
    line, line_start = 1, 0
    for match in _LINE_SEPARATORS.finditer(text):
        line += text.count("\n", line_start, match.start())
        line_start = text.rfind("\n", line_start, match.start()) + 1 or line_start
        found.append((line, match.start() - line_start + 1, match.group()))
    return found


def _parse(text: str, name: str, parser: type[_Checks]) -> tuple[Document | None, list[Problem]]:
    try:
        loader = parser(text)  # type: ignore[call-arg]  # characters are checked here
    except yaml.reader.ReaderError as error:
        return _reread(text, name, parser) or (None, [_reader_problem(text, name, error)])
    try:
        root = loader.get_single_node()
    except YamlProblem as error:
        return None, [
            problem_at(
                name, error.mark, error.key, fields={str(k): v for k, v in error.params.items()}
            )
        ]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if "nesting depth" in (error.problem or "") and (again := _reread(text, name, parser)):
            # libyaml stops at 1000 levels, scanning a flow collection ("[[[[…") ahead of
            # the composer; the Python parser reaches the composer's limit and says where
            return again
        from dxscore import yaml_slips  # only a file that does not parse needs it

        for slip in (yaml_slips.directive_alone, yaml_slips.unclosed, yaml_slips.colon_left_out):
            if placed := slip(text, name, error):
                return None, [placed]
        if mark is not None and char_at(text, mark.line, mark.column) == "\t":
            # said as it is, not as the parser's "cannot start any token"
            return None, [problem_at(name, mark, "yaml-syntax.tab")]
        found = error.problem or ""
        if "unknown escape character" in found:  # "C:\qx" in double quotes
            return None, [problem_at(name, mark, "yaml-syntax.escape")]
        if "cannot start any token" in found and mark is not None:  # "id: @x", "name: `x`"
            char = char_at(text, mark.line, mark.column)
            return None, [problem_at(name, mark, "yaml-syntax.cannot-start", char=char)]
        message = " ".join(part for part in (error.context, error.problem) if part) or str(error)
        return None, [problem_at(name, mark, "yaml-syntax", detail=message)]
    except yaml.reader.ReaderError as error:
        return _reread(text, name, parser) or (None, [_reader_problem(text, name, error)])
    except yaml.YAMLError as error:
        return None, [problem(name, "yaml-syntax", detail=" ".join(str(error).split()))]
    finally:
        loader.dispose()
    if root is None or (isinstance(root, ScalarNode) and root.tag == _TAG + "null"):
        return None, [problem(name, "empty-file.yaml")]
    if not isinstance(root, MappingNode):
        found = "list" if isinstance(root, SequenceNode) else "value"
        return None, [problem_at(name, root.start_mark, f"not-a-mapping.{found}")]
    problems: list[Problem] = []
    data = _to_python(root, name, problems)
    return Document(name, data, root), problems


_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # YAML's line breaks, as its marks count lines


def lines_of(text: str) -> list[str]:
    """The text's lines as YAML (and an editor) counts them: a lone CR ends a line too."""
    return _LINE_BREAK.split(text)


def char_at(text: str, line: int, column: int) -> str:
    """The character at a 0-based line and column (as YAML's marks count them), or ''."""
    lines = _LINE_BREAK.split(text, line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _reread(
    text: str, name: str, parser: type[_Checks]
) -> tuple[Document | None, list[Problem]] | None:
    """The Python parser's finding where libyaml's is not as good: libyaml places a bad
    character by its UTF-8 byte (a line with accents before it would be misplaced)."""
    return None if parser is _Loader else _parse(text, name, _Loader)


def _reader_problem(text: str, name: str, error: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow (a control character, U+FFFE), located."""
    before = text[: error.position]
    line = before.count("\n") + 1
    col = error.position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character))
    return problem(name, "yaml-syntax.character", line, col, code=f"{code:04X}")


def problem_at(
    name: str,
    mark: Any,
    key: str,
    /,
    detail: str = "",
    path: str | None = None,
    fields: Mapping[str, object] | None = None,
    **params: object,
) -> Problem:
    line, col = (None, None) if mark is None else (mark.line + 1, mark.column + 1)
    return problem(name, key, line, col, path, detail=detail, fields={**(fields or {}), **params})


def _scalar(node: ScalarNode) -> Any:
    tag = node.tag.removeprefix(_TAG)
    value: str = node.value
    if tag == "str":
        return value
    if tag == "null":
        return None
    if tag == "bool":
        return value == "true"
    if tag == "int":  # longer than any number a target file allows: a float (inf past 1e308),
        # which pydantic refuses as too large, not as "not a number" (nor, past 4300 digits,
        # int() as a bug)
        return int(value) if len(value) <= 16 else float(value)
    if tag == "float":
        lowered = value.lower()
        if lowered.endswith(".inf"):
            return float("-inf") if lowered.startswith("-") else float("inf")
        return float("nan") if lowered == ".nan" else float(value)
    raise ValueError(node.tag)


def _to_python(node: Node, name: str, problems: list[Problem], path: str = "") -> Any:
    """The node as Python data; ``path`` (``pillars.economy[0]``) names it in problems."""
    if isinstance(node, ScalarNode):
        try:
            return _scalar(node)
        except ValueError:
            problems.append(
                problem_at(name, node.start_mark, "yaml-tag", path=path or None, tag=node.tag)
            )
            return node.value
    if isinstance(node, SequenceNode):
        return [
            _to_python(item, name, problems, f"{path}[{index}]")
            for index, item in enumerate(node.value)
        ]
    assert isinstance(node, MappingNode)
    result: dict[Any, Any] = {}
    first_seen: dict[Any, Node] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            problems.append(
                problem_at(name, key_node.start_mark, "yaml-complex-key", path=path or None)
            )
            continue
        key = _to_python(key_node, name, problems, path)
        here = f"{path}.{key}" if path else str(key)
        if key in first_seen and _comma_group(node, key_node, value_node):
            continue  # {min: 1,000,000}: the target's model tells the commas, once
        if key in first_seen:
            first = first_seen[key].start_mark.line + 1
            problems.append(
                problem_at(
                    name, key_node.start_mark, "duplicate-key", path=here, key=key, first=first
                )
            )
            continue
        first_seen[key] = key_node
        result[key] = _to_python(value_node, name, problems, here)
    return result


def _comma_group(mapping: MappingNode, key: Node, value: Node) -> bool:
    """Whether an entry of a ``{…}`` mapping is digits after a comma with nothing after them:
    ``000`` in ``{min: 1,000,000}``, where a comma in a number starts a key at each group."""
    return (
        mapping.flow_style is True
        and isinstance(key, ScalarNode)
        and not key.style  # plain: None, or '' from libyaml
        and key.value.isascii()
        and key.value.isdigit()
        and isinstance(value, ScalarNode)
        and not value.style
        and value.value == ""
    )


@dataclass(frozen=True, slots=True)
class Location:
    line: int
    col: int
    path: str
    key: str | None = None  # the last key, as the file writes it (`~`, `true`, `1.50`)
    node: Node | None = None  # what ``loc`` names, when the file has it (a value as written)


def locate(root: Node, loc: tuple[str | int, ...], *, at_key: bool = False) -> Location:
    """The position of ``loc`` in the file, or of the deepest part of it that exists.

    A scalar is pointed at where its value starts, a mapping or list at its key
    (that is the line a reader looks for). ``at_key`` points at the last key
    even for a scalar (for an unknown key). A ``"[key]"`` part, pydantic's
    marker for a bad mapping key, does the same.
    """
    node: Node = root
    mark = root.start_mark
    parts: list[str] = []
    key_mark: yaml.Mark | None = None
    written: str | None = None
    walking = True
    for part in loc:
        if part == "[key]":
            at_key = True
            continue
        if walking and isinstance(node, MappingNode):
            match = _find_key(node, part)
            if match is not None:
                key_node, node = match
                key_mark, written = key_node.start_mark, key_node.value
                is_scalar = isinstance(node, ScalarNode)
                mark = node.start_mark if is_scalar else key_mark
                parts.append(f".{key_node.value}")
                continue
        elif (
            walking
            and isinstance(node, SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            node = node.value[part]
            key_mark = written = None
            mark = node.start_mark
            parts.append(f"[{part}]")
            continue
        walking = False  # the rest is not in the file (a missing key): name it, point at its parent
        written = None
        parts.append(f".{part}")
    if at_key and key_mark is not None:
        mark = key_mark
    path = "".join(parts).removeprefix(".")
    return Location(mark.line + 1, mark.column + 1, path, written, node if walking else None)


def _find_key(node: MappingNode, part: object) -> tuple[Node, Node] | None:
    """The entry of a mapping whose key pydantic names ``part``: exactly (``true`` is True,
    not 1; "2025" is not 2025), else as pydantic names a key it could not use, by its str()
    (None for `~:`, True for `yes:`). Looked up in an index built once per mapping, so that
    locating each of thousands of keys is not a walk over thousands of keys."""
    index = _INDEXES.get(node)
    if index is None:
        index = _INDEXES[node] = _index(node)
    exact, loose = index
    try:
        found = exact.get((type(part), part)) or loose.get(part)
    except TypeError:  # an unhashable part
        return None
    return found


_Index = tuple[dict[tuple[type, object], tuple[Node, Node]], dict[object, tuple[Node, Node]]]
_INDEXES: weakref.WeakKeyDictionary[MappingNode, _Index] = weakref.WeakKeyDictionary()


def _index(node: MappingNode) -> _Index:
    exact: dict[tuple[type, object], tuple[Node, Node]] = {}
    loose: dict[object, tuple[Node, Node]] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            continue
        try:
            key = _scalar(key_node)
        except ValueError:
            continue
        entry = (key_node, value_node)
        if isinstance(key, float) and key != key:  # .nan: equal to nothing, itself included
            continue
        exact.setdefault((type(key), key), entry)
        for name in (key_node.value, str(key), key):
            loose.setdefault(name, entry)
    return exact, loose
