"""The examples of the documentation, read out of its markdown so that a test can run them.

A page shows what a reader types and what dxscore prints; every such example is run, in the
order of the page, in a folder that holds copies of the repository's ``examples/``,
``targets/`` and ``schema/`` (so ``dxscore check examples/hanoi-actuals.csv`` runs as
written). The page's markdown says what is what:

- a ```` ```console ```` block: ``$ dxscore …`` lines are commands; the lines below one, up to
  the next command, are what it prints (standard output and standard error). Each shown line
  must be a line of the real output, in that order; ``…`` on a line of its own stands for
  lines left out. ``> FILE`` at the end of a command sends standard output to FILE.
- ``<!-- exit: N -->`` before a console block: each of its commands exits N (by default 0
  or 1, the codes of a run that read its input).
- ``<!-- file: NAME -->`` before a fenced block: the block is written to NAME, as UTF-8
  (``<!-- file: NAME ENCODING -->`` for another encoding).
- ``<!-- fill-in: NAME -->`` before a CSV block: its rows replace the rows of NAME with the
  same indicator, as a person fills a template in.
- ``<!-- python: … -->``: code run at that point, unseen by the reader (to make a workbook).
- a ```` ```pycon ```` block: Python at ``>>>`` prompts with its output, run as a doctest.
"""

from __future__ import annotations

import doctest
import re
import shlex
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("examples", "targets", "schema")
ENV = {"COLUMNS": "80", "NO_COLOR": "1", "LANG": "en_US.UTF-8", "LC_ALL": ""}

_FENCE = re.compile(
    r"^(?P<indent> *)```(?P<info>[^\n`]*)\n(?P<body>.*?)^(?P=indent)```\s*$", re.M | re.S
)
_DIRECTIVE = re.compile(r"<!--\s*(?P<kind>file|fill-in|exit|python):?\s*(?P<arg>.*?)\s*-->", re.S)


@dataclass(frozen=True)
class Block:
    """A fenced block of a page, with the directive written just above it (if any)."""

    info: str  # the fence's info string: console, csv, pycon …
    body: str
    line: int  # where the block starts in the page, for messages
    directive: tuple[str, str] | None  # ("file", "x.csv"), ("exit", "2") …


@dataclass(frozen=True)
class Hidden:
    """Code in an HTML comment, run where it stands."""

    code: str
    line: int


def blocks(text: str) -> Iterator[Block | Hidden]:
    """The page's fenced blocks and hidden code, in order."""
    items: list[tuple[int, Block | Hidden]] = []
    fences = list(_FENCE.finditer(text))
    for fence in fences:
        before = text[: fence.start()].rstrip()
        directive = None
        found = list(_DIRECTIVE.finditer(before))
        if found and found[-1].end() == len(before) and found[-1]["kind"] != "python":
            directive = (found[-1]["kind"], found[-1]["arg"])
        line = text.count("\n", 0, fence.start()) + 1
        items.append((fence.start(), Block(fence["info"].strip(), fence["body"], line, directive)))
    for hidden in _DIRECTIVE.finditer(text):
        inside = any(f.start() <= hidden.start() < f.end() for f in fences)
        if hidden["kind"] == "python" and not inside:
            line = text.count("\n", 0, hidden.start()) + 1
            items.append((hidden.start(), Hidden(hidden["arg"], line)))
    for _, item in sorted(items, key=lambda pair: pair[0]):
        yield item


@dataclass(frozen=True)
class Command:
    argv: list[str]  # the arguments after `dxscore`
    shown: list[str]  # the output lines the page shows
    stdout_to: str | None  # `> FILE`


def commands(body: str) -> Iterator[Command]:
    """The commands of a console block, each with the output shown under it."""
    current: tuple[str, list[str]] | None = None
    for line in body.splitlines():
        if line.startswith("$ "):
            if current:
                yield command(*current)
            current = (line[2:], [])
        elif current is not None:
            current[1].append(line.rstrip())
    if current:
        yield command(*current)


def command(line: str, shown: list[str]) -> Command:
    words = shlex.split(line)
    assert words[0] == "dxscore", f"not a dxscore command: {line}"
    stdout_to = None
    if len(words) >= 3 and words[-2] == ">":
        stdout_to, words = words[-1], words[:-2]
    return Command(words[1:], shown, stdout_to)


def lines_shown_in(shown: list[str], *streams: str) -> str | None:
    """None when every shown line is a line of one of the streams (standard output, standard
    error), the lines of each stream in their order; else the first shown line that is not."""
    printed = [[line.rstrip() for line in stream.splitlines()] for stream in streams]
    at = [0] * len(printed)
    for line in shown:
        if line in ("…", ""):
            continue
        for index, lines in enumerate(printed):
            if line in lines[at[index] :]:
                at[index] = lines.index(line, at[index]) + 1
                break
        else:
            return line
    return None


Runner = Callable[[list[str], dict[str, str]], tuple[int, str, str]]  # → code, stdout, stderr


def prepare(folder: Path) -> None:
    """A working folder as the repository's root looks to a reader."""
    for name in COPIED:
        shutil.copytree(ROOT / name, folder / name)


def run_page(page: Path, folder: Path, run: Runner) -> int:
    """Run every example of ``page`` in ``folder`` (the current folder); how many were run."""
    text = page.read_text(encoding="utf-8")
    ran = 0
    for item in blocks(text):
        where = f"{page.relative_to(ROOT)}:{item.line}"
        if isinstance(item, Hidden):
            exec(compile(item.code, where, "exec"), {"__name__": "__docs__"})
            continue
        kind, arg = item.directive or ("", "")
        if kind == "file":
            name, _, encoding = arg.partition(" ")
            (folder / name).write_text(item.body, encoding=encoding or "utf-8", newline="")
        elif kind == "fill-in":
            fill_in(folder / arg, item.body)
        if item.info == "console":
            for cmd in commands(item.body):
                code, out, err = run(cmd.argv, ENV)
                expected = {int(arg)} if kind == "exit" else {0, 1}
                assert code in expected, (
                    f"{where}: dxscore {shlex.join(cmd.argv)} exited {code}\n{err}"
                )
                if cmd.stdout_to:
                    (folder / cmd.stdout_to).write_text(out, encoding="utf-8")
                missing = lines_shown_in(cmd.shown, err) if cmd.stdout_to else None
                if not cmd.stdout_to:
                    missing = lines_shown_in(cmd.shown, out, err)
                assert missing is None, (
                    f"{where}: `dxscore {shlex.join(cmd.argv)}` did not print\n{missing!r}\n"
                    f"--- it printed:\n{err}{out}"
                )
                ran += 1
        elif item.info == "pycon":
            run_doctest(item.body, where)
            ran += 1
    return ran


_SHARED: dict[str, dict[str, object]] = {}


def run_doctest(body: str, where: str) -> None:
    """A pycon block as a doctest; the blocks of one page share their names, as a reader's
    session would."""
    page = where.rsplit(":", 1)[0]
    names = _SHARED.setdefault(page, {"__name__": "__docs__"})
    parser = doctest.DocTestParser()
    test = parser.get_doctest(body, names, where, where, 0)
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    names.update(test.globs)  # the test ran on a copy of the page's names
    assert not runner.failures, f"{where}:\n" + "".join(report)


def forget(page: Path) -> None:
    _SHARED.pop(str(page.relative_to(ROOT)), None)


def fill_in(path: Path, rows: str) -> None:
    """Replace the rows of a CSV file (a template) with those given, matched by indicator."""
    import csv
    import io

    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    header, body = table[0], table[1:]
    given = list(csv.reader(io.StringIO(rows)))
    assert given[0] == header, f"the rows filled in are headed {given[0]}, the file {header}"
    column = header.index("indicator")
    by_indicator = {row[column]: row for row in given[1:]}
    assert set(by_indicator) <= {row[column] for row in body}, "a row the template does not have"
    filled = [by_indicator.get(row[column], row) for row in body]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *filled])
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8"))
