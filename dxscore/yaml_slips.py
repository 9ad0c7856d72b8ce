"""Where a person made a YAML slip: placing a syntax error on the line to change.

PyYAML notices many slips lines after they were made, and sometimes past the end of the file
(a line no editor shows and no CI can annotate). These heuristics move the message to where
the slip is, for the slips people make in target files. Their scope, on purpose narrow:

* only a file that does not parse comes here (a file that parses is never second-guessed);
* only these slips: a quote, ``[`` or ``{`` left open (:func:`unclosed`); a key written
  without its ``:`` (:func:`colon_left_out`); a ``%YAML`` directive with no document after it
  (:func:`directive_alone`);
* a suspect line is the slip only when fixing it there lets the parser read on past where it
  stopped (:func:`_reads_past`), at most :data:`TRIALS` reparses per file;
* anything else keeps PyYAML's own position and words.

Two slips do parse, and are told by the target model's validation instead
(:class:`dxscore.model.Target`): a decimal comma in a flow mapping (``{min: 60,5}`` reads as
two keys) and a key and value without the ``:`` between them (``{min 60}``).
"""

from __future__ import annotations

import re

import yaml

from dxscore.errors import Problem, problem
from dxscore.safe_yaml import char_at, lines_of, problem_at


def directive_alone(text: str, name: str, error: yaml.MarkedYAMLError) -> Problem | None:
    """``%YAML 1.2`` (or ``%TAG``) with no ``---`` after it: PyYAML then expects a document
    start past the end of the file; the line to change is the directive's."""
    if "expected <document start>" not in (error.problem or ""):
        return None
    for number, line in enumerate(lines_of(text), 1):
        if line.startswith("%"):
            return problem(name, "yaml-syntax.directive", number, 1)
        if line.strip() and not line.lstrip().startswith("#"):
            return None
    return None


def unclosed(text: str, name: str, error: yaml.MarkedYAMLError) -> Problem | None:
    """A quote, ``{`` or ``[`` left open, placed where it opens: the parser notices only
    lines later, often past the end of the file (a line CI cannot annotate)."""
    opened, noticed = error.context_mark, error.problem_mark
    if opened is None or noticed is None:
        return None
    opener = char_at(text, opened.line, opened.column)
    found = error.problem or ""
    if opener in "\"'" and "end of stream" in found:
        return problem_at(name, opened, "yaml-syntax.unclosed-quote", quote=opener)
    rest = "\n".join(lines_of(text)[noticed.line :])[noticed.column :]
    if "expected node content" in found and not rest.strip():  # "[1," or "{a: [" and the end
        bracket = _open_bracket(text)
        if bracket is not None:
            line, col, left = bracket
            right = {"{": "}", "[": "]"}[left]
            key = "yaml-syntax.unclosed-flow-at-end"
            return problem(name, key, line, col, opener=left, closer=right)
    if opened.line == noticed.line:
        return None
    if (quote := _quote_left_open(text, (noticed.line, noticed.column))) is not None:
        line, col, mark = quote
        return problem(name, "yaml-syntax.unclosed-quote-line", line, col, quote=mark)
    closer = {"{": "}", "[": "]"}.get(opener)
    if closer is None or f"',' or '{closer}'" not in found:
        return None
    # when the file ends there, it is left open; before that, a missing comma reads the same
    at_end = not "\n".join(lines_of(text)[noticed.line :]).strip()
    if at_end:  # where the parser noticed it is the end of the file, a line that may not exist
        return problem_at(
            name, opened, "yaml-syntax.unclosed-flow-at-end", opener=opener, closer=closer
        )
    return problem_at(
        name,
        opened,
        "yaml-syntax.unclosed-flow-or-comma",
        opener=opener,
        closer=closer,
        line=noticed.line + 1,
        col=noticed.column + 1,
    )


def _open_bracket(text: str) -> tuple[int, int, str] | None:
    """The innermost ``[`` or ``{`` left open at the end of the text (1-based line and
    column), quotes and comments set aside; None when every one is closed."""
    stack: list[tuple[int, int, str]] = []
    for number, line in enumerate(lines_of(text), 1):
        column = 0
        while column < len(line):
            char = line[column]
            if char == "#" and (column == 0 or line[column - 1] in " \t"):
                break
            if char in _REST_OF_QUOTED and _starts_a_value(line, column):
                end = _REST_OF_QUOTED[char].match(line, column + 1)
                if end is None:
                    break  # a quote over lines: not a bracket's business
                column = end.end()
                continue
            if char in "[{":
                stack.append((number, column + 1, char))
            elif char in "]}" and stack:
                stack.pop()
            column += 1
    return stack[-1] if stack else None


_REST_OF_QUOTED = {'"': re.compile(r'(?:[^"\\]|\\.)*"'), "'": re.compile(r"(?:[^']|'')*'")}
TRIALS = 4  # suspect lines tried, nearest first (each trial parses the file again)


def _quote_left_open(text: str, noticed: tuple[int, int]) -> tuple[int, int, str] | None:
    """The line, up to where the parser noticed a problem, whose quote was left open, as
    1-based line and column: the parser notices such a quote only where the lines it takes in
    stop making sense. A quoted value may span lines in YAML, so a line whose quote does not
    close on it is only a suspect: it is the one when closing it there lets the parser read
    on past where it stopped (a long quotation over two lines does not)."""
    lines = lines_of(text)
    tried = 0
    for number in range(min(noticed[0], len(lines) - 1), -1, -1):
        opened = _open_quote(lines[number])
        if opened is None:
            continue
        column, quote = opened
        line = lines[number]
        end = len(line.rstrip("\r"))  # before a CRLF file's \r
        ends = [end]  # at the end of the line, or before the } or ] that ends it
        if (flow := line[:end].rstrip()).endswith(("}", "]")) and len(flow) - 1 > column:
            ends.append(len(flow) - 1)
        if any(_reads_past(lines, number, line[:at] + quote + line[at:], noticed) for at in ends):
            return number + 1, column + 1, quote
        tried += 1
        if tried == TRIALS:
            break
    return None


def colon_left_out(text: str, name: str, error: yaml.MarkedYAMLError) -> Problem | None:
    """A key without its ':', placed on its own line: the parser notices it on the next one,
    either scanning the key ("could not find expected ':'", where the key began) or at the next
    key's ':' ("mapping values are not allowed here": the line above is the one when writing
    its ':' lets the parser read on)."""
    noticed = error.problem_mark
    lines = lines_of(text)
    if error.problem == "could not find expected ':'" and error.context_mark is not None:
        opened = error.context_mark
        written = _before_comment(lines[opened.line][opened.column :])
        return problem_at(name, opened, "yaml-syntax.no-colon", written=written.strip()[:40])
    if noticed is None or "mapping values are not allowed" not in (error.problem or ""):
        return None
    above = next(
        (n for n in range(noticed.line - 1, -1, -1) if lines[n].strip()[:1] not in ("", "#")),
        None,
    )
    if above is None:
        return None
    key = _KEY_WITHOUT_COLON.match(_before_comment(lines[above]))
    if key is None:
        return None
    fixed = f"{key['lead']}{key['key']}: {key['rest']}"
    if not _reads_past(lines, above, fixed, (noticed.line, noticed.column)):
        return None
    written = f"{key['key']} {key['rest']}".strip()[:40]
    return problem(name, "yaml-syntax.no-colon", above + 1, key.start("key") + 1, written=written)


# "  unit percent", "    - id records_online_commune", "dxscore 1", "  2025 {min: 60}": a
# key of the schema's kind (a name in ASCII, or a year), a space, a value
_KEY_WITHOUT_COLON = re.compile(
    r"(?P<lead>[ \t]*(?:-[ \t]+)?)(?P<key>[A-Za-z_][A-Za-z0-9_-]*|[0-9]{4})[ \t]+"
    r"(?P<rest>[^:]+?)[ \t]*$"
)


def _open_quote(line: str) -> tuple[int, str] | None:
    """The column (0-based) and the mark of a quote that opens a value on this line and does
    not close on it; quotes inside plain text ("Hanoi's") and comments are not values."""
    column = 0
    while column < len(line):
        char = line[column]
        if char == "#" and (column == 0 or line[column - 1] in " \t"):
            return None  # the rest of the line is a comment
        if char in _REST_OF_QUOTED and _starts_a_value(line, column):
            end = _REST_OF_QUOTED[char].match(line, column + 1)
            if end is None:
                return column, char
            column = end.end()
            continue
        column += 1
    return None


def _starts_a_value(line: str, column: int) -> bool:
    """Whether a quote at this column opens a value: after "key: ", "- ", "[", "{", "," or
    at the start of the line (looking back over spaces only: a long line stays linear)."""
    before = column
    while before and line[before - 1] in " \t":
        before -= 1
    if before == 0:
        return True
    char = line[before - 1]
    return char in ":[{," or (char == "-" and not line[: before - 1].strip())


def _before_comment(line: str) -> str:
    """A line without its comment (a '#' after a space)."""
    return re.split(r"[ \t]#", line, maxsplit=1)[0]


def _reads_past(lines: list[str], number: int, fixed: str, noticed: tuple[int, int]) -> bool:
    """Whether, with line ``number`` written as ``fixed``, the YAML parser reads the file to its
    end, or stops later than ``noticed`` (0-based line and column) did."""
    text = "\n".join([*lines[:number], fixed, *lines[number + 1 :]])
    # events only (the check is of the syntax), by the parser that noticed the problem
    loader = yaml.CSafeLoader(text) if yaml.__with_libyaml__ else yaml.SafeLoader(text)
    try:
        while loader.check_event():
            loader.get_event()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return mark is not None and (mark.line, mark.column) > noticed
    except yaml.YAMLError:
        return False
    finally:
        loader.dispose()
    return True
