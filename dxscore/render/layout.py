"""Tables that fit the terminal they are printed on, from 80 columns up (and a little below).

A wide terminal gets a rich table with a column of names. A narrow one gets the *stacked*
layout instead: each entry's heading (its name and id) on a line of its own across the whole
width, and its figures under it in aligned columns below one header, so that a long name no
longer squeezes every cell into a column a word wide. Which one is chosen is decided when the
document is printed, from the width rich gives it (``COLUMNS``, the terminal, or 80 on a pipe).

Words, and so indicator ids, are never broken: cells are wrapped at their spaces only, and a
column is never made narrower than its longest word (a path, in a column that says so, is the
one exception).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.text import Text

SEPARATOR = " · "  # between the pieces of a cell laid out on one line
WIDE_ENOUGH = 10_000  # a width no table needs: to measure one at its natural width


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    justify: Literal["left", "right"] = "left"
    wrap: bool = True  # whether a piece may be wrapped at its spaces (a bar or a status may not)
    fold: bool = False  # whether a word may be broken (a file's path: never an id)


Cell = Sequence["Text"]  # a cell's pieces: one line each when space is short, else on one line


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of the stacked layout: its names, each on a line of its own (wrapped at its
    spaces), the id after the last of them (``name · id``, or on the next line when that line
    has no room for it whole), then its rows of figures."""

    names: Sequence[Text]
    id: str
    rows: Sequence[Sequence[Cell]]  # one row, or one per target year


def words_width(text: str) -> int:
    """The width of the longest word of ``text`` (what a column needs not to break one)."""
    from rich.cells import cell_len

    return max((cell_len(word) for word in text.split()), default=0)


class Stacked:
    """The stacked layout: a header over the figures' columns, then each entry's heading on a
    line of its own and its rows of figures below it, indented."""

    def __init__(
        self,
        columns: Sequence[Column],
        entries: Sequence[Entry],
        *,
        indent: int = 2,
        gap: int = 2,
    ) -> None:
        self.columns = tuple(columns)
        self.entries = tuple(entries)
        self.indent = indent
        self.gap = gap

    def widths(self, available: int) -> tuple[list[int], bool]:
        """The columns' widths within ``available``, and whether each cell's pieces stand on one
        line (else one line each): pieces on one line when that fits, then one per line, then
        the widest wrappable columns narrowed down to their longest word."""
        from rich.cells import cell_len

        count = len(self.columns)
        joined = [cell_len(column.header) for column in self.columns]
        stacked = list(joined)
        floor = [words_width(column.header) for column in self.columns]
        for entry in self.entries:
            for row in entry.rows:
                for index, cell in enumerate(row):
                    plains = [piece.plain for piece in cell]
                    widths = [cell_len(plain) for plain in plains]
                    joined[index] = max(
                        joined[index], sum(widths) + len(SEPARATOR) * (len(widths) - 1)
                    )
                    stacked[index] = max(stacked[index], *widths, 0)
                    column = self.columns[index]
                    if not column.wrap:
                        floor[index] = max(floor[index], *widths, 0)
                    elif not column.fold:
                        floor[index] = max(floor[index], *map(words_width, plains), 0)
        room = available - self.gap * (count - 1)
        if sum(joined) <= room:
            return joined, True
        widths = stacked
        floor = [min(low, high) for low, high in zip(floor, widths, strict=True)]
        excess = sum(widths) - room
        while excess > 0:  # narrow the widest column that can be, a column at a time
            slack = [index for index in range(count) if widths[index] > floor[index]]
            if not slack:
                break  # every column at its longest word: the lines run over, no word is cut
            widths[max(slack, key=lambda index: widths[index])] -= 1
            excess -= 1
        return widths, False

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        widths, joined = self.widths(options.max_width - self.indent)
        header = self._line(console, [Text(c.header, "bold") for c in self.columns], widths)
        yield Text("\n").join(header)
        yield Text("─" * min(options.max_width, self.indent + _total(widths, self.gap)))
        glue = Text(SEPARATOR if joined else "\n")
        for entry in self.entries:
            yield _heading(entry, options.max_width)
            lines: list[Text] = []
            for row in entry.rows:
                lines += self._line(console, [glue.join(cell) for cell in row], widths)
            yield Text("\n").join(lines)

    def _line(self, console: Console, cells: Sequence[Text], widths: Sequence[int]) -> list[Text]:
        """One row of cells, each wrapped to its column's width, as lines of text."""
        from rich.text import Text

        wrapped = [
            cell.wrap(
                console,
                width,
                justify=column.justify,
                overflow="fold",  # only a path: no other column is narrower than a word
            )
            for cell, width, column in zip(cells, widths, self.columns, strict=True)
        ]
        height = max(len(lines) for lines in wrapped)
        gap = Text(" " * self.gap)
        rows = []
        for number in range(height):
            parts = [
                lines[number] if number < len(lines) else Text(" " * width)
                for lines, width in zip(wrapped, widths, strict=True)
            ]
            line = Text(" " * self.indent) + gap.join(parts)
            line.rstrip()
            rows.append(line)
        return rows


def _heading(entry: Entry, width: int) -> Text:
    """The entry's names, and its id after the last of them or under it when it would not fit."""
    from rich.cells import cell_len
    from rich.text import Text

    *first, last = entry.names
    together = cell_len(last.plain) + len(SEPARATOR) + len(entry.id) <= width
    named = Text.assemble(last, (SEPARATOR if together else "\n", "dim"), (entry.id, "dim"))
    return Text("\n").join([*first, named])


def _total(widths: Sequence[int], gap: int) -> int:
    return sum(widths) + gap * (len(widths) - 1)


class ByWidth:
    """The wide layout when each of its tables fits the width at its natural size with its
    name column ``name_width`` wide, else the narrow layout.

    ``probes`` makes the wide layout's tables with their name column that wide, to measure
    them; ``wide`` and ``narrow`` are what is printed."""

    def __init__(
        self,
        probes: Callable[[int], Iterable[RenderableType]],
        name_width: int,
        wide: Iterable[RenderableType],
        narrow: Iterable[RenderableType],
    ) -> None:
        self.probes = probes
        self.name_width = name_width
        self.wide = tuple(wide)
        self.narrow = tuple(narrow)

    def fits(self, console: Console, options: ConsoleOptions) -> bool:
        from rich.measure import Measurement

        unbounded = options.update_width(WIDE_ENOUGH)
        return all(
            Measurement.get(console, unbounded, table).maximum <= options.max_width
            for table in self.probes(self.name_width)
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from (self.wide if self.fits(console, options) else self.narrow)


class Listed:
    """A label and a list of words after it (``· no data: it_rank, innovation_rank``),
    wrapped between the words and under the first of them."""

    def __init__(self, label: Text, words: Sequence[str]) -> None:
        self.label = label
        self.words = tuple(words)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len
        from rich.text import Text

        indent = cell_len(self.label.plain) + 1
        listed = Text(", ".join(self.words))
        if indent + max(map(cell_len, self.words), default=0) > options.max_width:
            yield Text.assemble(self.label, " ", listed)  # no room to hang: wrapped as a line
            return
        lines = listed.wrap(console, options.max_width - indent)
        first = Text.assemble(self.label, " ", lines[0])
        yield Text("\n").join([first, *(Text(" " * indent) + line for line in lines[1:])])
