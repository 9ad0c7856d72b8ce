"""The catalogue of problems: for every problem type dxscore reports, an input that has it, the
command that finds it, and what to do about it. ``python docs/generate.py`` runs each case and
writes docs/problems.md with the messages as dxscore prints them; a test fails when a problem
type of the message catalogue (dxscore/i18n.py) has no case here, or the page is stale.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Files = dict[str, str | bytes]
Run = Callable[[Files, list[str], str | None, tuple[str, ...]], tuple[int, str, str]]


@dataclass(frozen=True)
class Case:
    type: str  # the type printed in [brackets]; for a warning, its catalogue key
    what: str  # what the problem is, in a sentence
    files: Files
    argv: list[str]  # the command, after `dxscore`
    fix: str  # what to do
    about: str | None = None  # the input told in words (a binary or a large file)
    show: tuple[str, ...] | None = None  # the files to show (default: every text file given)
    stdout: str | None = None  # a file standard output goes to (a subprocess runs the command)
    code: int = 2  # the exit code
    marker: str | None = None  # what the output must hold (default: the type in brackets)
    hide: tuple[str, ...] = ()  # modules the run goes without, as if not installed
    lang: str = "en"


@dataclass
class Section:
    title: str
    intro: str
    cases: list[Case] = field(default_factory=list)


# --- inputs ------------------------------------------------------------------------------------

TARGETS = """\
dxscore: 1
id: mycity
name: {vi: Thành phố Mẫu, en: Sample City}
resolution:
  title: {vi: Nghị quyết mẫu, en: Sample resolution}
pillars:
  government:
    - id: meetings_online
      name: {vi: Cuộc họp trực tuyến, en: Meetings held online}
      unit: percent
      targets:
        2025: {min: 60}
        2030: {min: 80}
      quote: "60% cuộc họp được tổ chức trực tuyến"
  economy: []
  society: []
"""


def targets(*changes: tuple[str, str]) -> str:
    """The sample target file with each (old, new) replaced once."""
    text = TARGETS
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def validate(text: str, name: str = "mycity.yaml") -> tuple[Files, list[str]]:
    return {name: text}, ["validate", name]


def actuals(text: str, *options: str, name: str = "actuals.csv") -> tuple[Files, list[str]]:
    return {name: text}, ["check", name, *options]


def workbook(make: Callable[..., None]) -> bytes:
    """The bytes of a workbook that ``make(sheet)`` fills in (openpyxl)."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    make(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _long_rows(book: object) -> None:
    sheet = book.active  # type: ignore[attr-defined]
    sheet.title = "Số liệu"
    sheet.append(["city", "area", "indicator", "year", "value"])
    sheet.append(["hanoi", "Sóc Sơn", "records_online_commune", 2023, 20])
    sheet.append(["hanoi", None, "records_online_commune", 2024, 29])
    sheet.merge_cells("B2:B3")


def _formula(book: object) -> None:
    sheet = book.active  # type: ignore[attr-defined]
    sheet.append(["city", "indicator", "year", "value"])
    sheet.append(["hanoi", "records_online_commune", 2024, "=50+5"])


def _two_sheets(book: object) -> None:
    sheet = book.active  # type: ignore[attr-defined]
    sheet.title = "2024"
    sheet.append(["city", "indicator", "year", "value"])
    sheet.append(["hanoi", "records_online_commune", 2024, 55])
    other = book.create_sheet("2023")  # type: ignore[attr-defined]
    other.append(["city", "indicator", "year", "value"])
    other.append(["hanoi", "records_online_commune", 2023, 48])


def _chart_first(book: object) -> None:
    from openpyxl.chart import BarChart

    data = book.active  # type: ignore[attr-defined]
    data.title = "Số liệu"
    data.append(["city", "indicator", "year", "value"])
    data.append(["hanoi", "records_online_commune", 2024, 55])
    chart = book.create_chartsheet("Biểu đồ", 0)  # type: ignore[attr-defined]
    chart.add_chart(BarChart())


def _plain(book: object) -> None:
    sheet = book.active  # type: ignore[attr-defined]
    sheet.append(["city", "indicator", "year", "value"])
    sheet.append(["hanoi", "records_online_commune", 2024, 55])


def _hostile() -> Any:
    """tests/corpus/make_hostile.py, which writes workbooks part by part (as no spreadsheet
    program would), and its corpus of hostile inputs."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "make_hostile.py"
    spec = importlib.util.spec_from_file_location("docs_make_hostile", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


H = _hostile()


def parts_book(parts: dict[str, Any]) -> bytes:
    """A workbook of these parts, as bytes."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.xlsx"
        H.write_zip(path, parts)
        return path.read_bytes()


def corpus(name: str) -> bytes:
    """An input of the hostile corpus, as bytes."""
    import tempfile

    (found,) = [one for one in H.CASES if one.name == name]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        found.write(path)
        return path.read_bytes()


def sheet_book(rows: str, *, strings: bytes | None = None, tail: str = "") -> bytes:
    """A workbook whose sheet, Data, has the header indicator, year, value and ``rows``."""
    return parts_book(H.book_parts(H.sheet_xml(rows, tail=tail), strings))


def hostile_check(data: bytes) -> tuple[Files, list[str]]:
    return {"book.xlsx": data}, ["check", "book.xlsx", "--city", "hanoi"]


ONE_ROW = "city,indicator,year,value\nhanoi,records_online_commune,2024,55\n"
DISTRICTS = (
    "city,area,indicator,year,value\n"
    "hanoi,Ba Đình,records_online_commune,2024,63\n"
    "hanoi,Sóc Sơn,records_online_commune,2024,29\n"
)


# --- the catalogue -----------------------------------------------------------------------------

SECTIONS: list[Section] = []


def section(title: str, intro: str) -> Section:
    SECTIONS.append(Section(title, intro))
    return SECTIONS[-1]


def case(
    target: Section,
    type: str,
    what: str,
    given: tuple[Files, list[str]],
    fix: str,
    **more: object,
) -> None:
    files, argv = given
    target.cases.append(Case(type, what, files, argv, fix, **more))  # type: ignore[arg-type]


S = section(
    "Files and folders",
    "Before anything is read: a path that leads nowhere, or to something that is not a file.",
)
case(
    S,
    "not-found",
    "A path given to `validate` or `--targets`, or an actuals file, leads nowhere. When a file"
    " of a close name is in the same folder, the message names it.",
    (
        {},
        ["validate", "targets/mycity.yaml"],
    ),
    "Check the path; `dxscore targets` lists the target files it finds.",
)
case(
    S,
    "unreadable",
    "A file cannot be read: a folder given as a file, a link that leads nowhere, no permission.",
    ({"2024/.keep": ""}, ["check", "2024"]),
    "Give the path of a file. The reason at the end is the operating system's.",
    about="`2024` is a folder.",
)
case(
    S,
    "no-target-files",
    "A folder given as target files holds no `*.yaml` or `*.yml` file.",
    ({"empty/.keep": ""}, ["validate", "empty/"]),
    "Give the folder that holds the target files, or the files themselves.",
    show=(),
)

# --- target files ------------------------------------------------------------------------------

S = section(
    "Target files: reading the YAML",
    "A target file is read by a strict YAML reader: whatever could make the file mean something"
    " other than it shows is refused, at the line and column where it stands.",
)
case(
    S,
    "file-too-large",
    "A target file over 1 MiB. A target file is a few KiB; a larger one is refused unread.",
    ({"big.yaml": "# " + "x" * (1 << 20) + "\n"}, ["validate", "big.yaml"]),
    "Give a target file: this is something else.",
    about="`big.yaml` holds a comment of a million characters.",
    show=(),
)
case(
    S,
    "not-utf8",
    "A target file that is not UTF-8 (here saved as Windows-1258).",
    (
        {"mycity.yaml": TARGETS.encode().replace("Mẫu".encode(), b"M\xe2u")},
        ["validate", "mycity.yaml"],
    ),
    "Save the file as UTF-8 (in VS Code: *Save with Encoding*, UTF-8).",
    show=(),
    about="In `mycity.yaml`, the city's name is written `Mâu` in Windows-1258 (byte 0xE2).",
)
case(
    S,
    "empty-file",
    "A target file with nothing in it.",
    validate(""),
    "Write the target set, or remove the file. [Target files](targets.md) has the format.",
    show=(),
)
case(
    S,
    "not-a-mapping",
    "A target file that holds a list or a single value instead of keys.",
    validate("- dxscore: 1\n- id: mycity\n"),
    "Write the keys at the top level, without `- `.",
)
case(
    S,
    "yaml-syntax",
    "YAML that does not parse. The YAML reader often notices a slip lines after it; dxscore"
    " places it where it is and says what to write. A key without its colon:",
    validate(targets(("      unit: percent", "      unit percent"))),
    "Write `key: value`, with a space after the colon.",
)
case(
    S,
    "yaml-syntax",
    "A tab in the indentation:",
    validate(targets(("      unit: percent", "\tunit: percent"))),
    "Indent with spaces only, one level deeper under the key.",
)
case(
    S,
    "yaml-syntax",
    "A quote left open (it would take in the lines below):",
    validate(targets(('"60% cuộc họp được tổ chức trực tuyến"', '"60% cuộc họp'))),
    "Close the quote.",
)
case(
    S,
    "yaml-syntax",
    "A `{` or `[` left open, or a `,` missing between its entries (the two read alike to the"
    " reader):",
    validate(targets(("2030: {min: 80}", "2030: {min: 80"))),
    "Close it on its line, or add the `,`.",
)
case(
    S,
    "yaml-syntax",
    "A backslash in double quotes that starts no escape (a Windows path):",
    validate(targets(('"60% cuộc họp được tổ chức trực tuyến"', '"D:\\du-lieu\\nghi-quyet.pdf"'))),
    "Put the text in single quotes, or write each backslash twice.",
)
case(
    S,
    "yaml-syntax",
    "A value that starts with a character YAML reserves (`@`, a backtick):",
    validate(targets(("en: Sample City", "en: @city"))),
    "Put the value in quotes.",
)
case(
    S,
    "yaml-syntax",
    "A character YAML does not allow (a control character written raw):",
    validate(targets(("en: Sample City", "en: Sample\x01City"))),
    "Remove it.",
    show=(),
    about="`mycity.yaml` holds the byte 0x01 in the city's English name.",
)
case(
    S,
    "yaml-syntax",
    "A line separator (U+2028, U+2029 or U+0085) pasted from Word or a PDF. YAML breaks the"
    " line there and an editor does not, so every later line number would be off:",
    validate(targets(("cuộc họp được", "cuộc họp\u2028được"))),
    "Replace it with a space.",
    show=(),
    about="`mycity.yaml` holds U+2028 inside its quote.",
)
case(
    S,
    "yaml-alias",
    "A YAML alias (`*name`). Aliases let a small file expand without bound (an alias bomb) and"
    " hide what a value is.",
    validate(targets(("2030: {min: 80}", "2030: *sixty"))),
    "Write the value out in full.",
)
case(
    S,
    "yaml-anchor",
    "A YAML anchor (`&name`) with no alias. Refused for the same reason as an alias.",
    validate(targets(("2025: {min: 60}", "2025: &sixty {min: 60}"))),
    "Remove the anchor.",
)
case(
    S,
    "yaml-tag",
    "A YAML tag (`!!int`, `!!python/object`). A tag can make a value something other than it reads.",
    validate(targets(("{min: 60}", "{min: !!int 60}"))),
    "Write the plain value.",
)
case(
    S,
    "yaml-too-deep",
    "Nesting deeper than 64 levels, which no target file needs.",
    validate(targets(("2030: {min: 80}", "2030: " + "[" * 70 + "]" * 70))),
    "Write the value the file means.",
    show=(),
    about="`mycity.yaml` nests 70 lists in its 2030 target.",
)
case(
    S,
    "yaml-too-many-nodes",
    "More than 50,000 values (keys, texts, numbers) in one file; the bundled files hold a few"
    " hundred. The file is read no further.",
    validate(
        targets(
            (
                "  title: {vi: Nghị quyết mẫu, en: Sample resolution}",
                "  title: {vi: Nghị quyết mẫu, en: Sample resolution}\n  sources:\n"
                + "".join(f"    - s{n}\n" for n in range(50_001)).rstrip("\n"),
            ),
        )
    ),
    "This is not a target file; write the targets of one document.",
    show=(),
    about="`mycity.yaml` lists 50,001 sources (350 KiB).",
)
case(
    S,
    "yaml-complex-key",
    "A key that is a list or a mapping (`? [a, b]`).",
    validate(targets(("        2030: {min: 80}", "        ? [2030, 2031]\n        : {min: 80}"))),
    "Write one key: a target year, or a name.",
)
case(
    S,
    "duplicate-key",
    "A key repeated in one mapping. YAML would keep the last one silently.",
    validate(targets(("        2030: {min: 80}", "        2025: {min: 80}"))),
    "Keep one. A second target year has its own year.",
)

S = section(
    "Target files: the format",
    "Once parsed, the file is checked against [the format](targets.md). Each message names the"
    " place in the document (`pillars.government[0].targets.2025.min`) as well as the line and"
    " column. Fixing these may bring up others: a check that relates several keys waits until"
    " each key is valid.",
)
case(
    S,
    "extra-forbidden",
    "An unknown key, with the keys allowed there (and the one probably meant).",
    validate(targets(("      unit: percent", "      unit: percent\n      wieght: 2"))),
    "Correct the key's spelling, or remove it.",
)
case(
    S,
    "extra-forbidden",
    "A target year written one level too far left, beside `targets:` instead of under it.",
    validate(targets(("        2030: {min: 80}", "      2030: {min: 80}"))),
    "Indent the year under `targets:`.",
)
case(
    S,
    "missing",
    "A required key left out.",
    validate(targets(("      unit: percent\n", ""))),
    "Add the key. [Target files](targets.md) lists the required ones.",
)
case(
    S,
    "schema-version",
    "A schema version other than the integer 1.",
    validate(targets(("dxscore: 1", "dxscore: '1'"))),
    "Write `dxscore: 1`. A file made for a newer dxscore needs that dxscore.",
)
case(
    S,
    "float-type",
    "A value of the wrong kind. Each kind has its type: `float-type` (a number), `finite-number`"
    " (`.nan`, `.inf`), `bool-type` (only `true` and `false` are booleans: `yes` is not),"
    " `string-type` (a text), `model-type` and `dict-type` (a mapping of keys), `list-type`"
    " (a list).",
    validate(
        targets(
            ("name: {vi: Thành phố Mẫu, en: Sample City}", "name: Sample City"),
            ("{min: 60}", "{min: 6O}"),
            ("{min: 80}", "{min: .nan}"),
            (
                "  economy: []",
                "  economy:\n    - id: digital_firms\n      name: {vi: 2025, en: Digital firms}\n"
                '      unit: milestone\n      targets: {2025: {done: yes}}\n      quote: "…"',
            ),
            (
                "  society: []",
                "  society:\n    - {id: smartphones, name: {vi: Điện thoại thông minh,"
                ' en: Smartphones}, unit: percent, targets: [80], quote: "…"}',
            ),
            (
                "  title: {vi: Nghị quyết mẫu, en: Sample resolution}",
                "  title: {vi: Nghị quyết mẫu, en: Sample resolution}\n  sources: nghiquyet.vn",
            ),
        )
    ),
    "Write the kind of value the message asks for: `60`, not `6O` or `'60'`; a name in quotes"
    " when it looks like a number; `{vi: …, en: …}` where a mapping is asked for.",
)
case(
    S,
    "float-type",
    'A target written as text: with its unit (`90%`), in quotes (`"80"`), or in words. The'
    " message quotes it back and says what to write.",
    validate(targets(("{min: 60}", "{min: 90%}"), ("{min: 80}", '{min: "80"}'))),
    "Write the number alone, without quotes: the unit is set by `unit:`.",
)
case(
    S,
    "model-type",
    "A target year given a bare number (`2025: 90`) instead of a comparison.",
    validate(targets(("2025: {min: 60}", "2025: 90"))),
    "Write the comparison: `2025: {min: 90}`.",
)
case(
    S,
    "int-type",
    "A target year that is not a year: in quotes (as JSON writes it), or not a whole number.",
    validate(targets(("        2030: {min: 80}", '        "2030": {min: 80}'))),
    "Write the year as a number without quotes: `2030: {min: 80}`.",
)
case(
    S,
    "string-pattern-mismatch",
    "An id that is not lowercase letters, digits and `_` (a target set's id may hold `-`).",
    validate(targets(("- id: meetings_online", "- id: Meetings-Online"))),
    "Write the id in lowercase, with `_` between words.",
)
case(
    S,
    "literal-error",
    "A value not among those allowed: a unit, a pillar, a language.",
    validate(targets(("unit: percent", "unit: percentage"))),
    "Write one of the values the message lists.",
)
case(
    S,
    "greater-than",
    "A number outside its bounds: a weight of 0 or less (`greater-than`) or over 1000"
    " (`less-than-equal`), a tolerance below 0 or a target year before 1900"
    " (`greater-than-equal`).",
    validate(
        targets(
            ("      unit: percent", "      unit: percent\n      weight: 0"),
            ("{min: 60}", "{about: 60, tolerance: -1}"),
            (
                "  economy: []",
                "  economy:\n    - id: digital_firms\n      name: {vi: Doanh nghiệp số,"
                " en: Digital firms}\n      unit: count\n      weight: 2000\n"
                '      targets: {1800: {min: 1000}}\n      quote: "…"',
            ),
        )
    ),
    "Give a number within the bounds the message states.",
)
case(
    S,
    "less-than-equal",
    "A target year after 2100 (or before 1900), often a slip of the keys: `2205` for `2025`.",
    validate(targets(("2030: {min: 80}", "2205: {min: 80}"))),
    "Write the year meant.",
)
case(
    S,
    "too-short",
    "Too few or too many: no target year (`too-short`), an empty text (`string-too-short`), an"
    " id over 64 characters (`string-too-long`).",
    validate(
        targets(
            ("en: Sample City", "en: ''"),
            ("- id: meetings_online", "- id: meetings_" + "online_" * 9 + "held"),
            ("        2025: {min: 60}\n        2030: {min: 80}", "        {}"),
        )
    ),
    "Give at least one target year, write the text, shorten the id.",
)
case(
    S,
    "empty-key",
    "A key with no value (`max:`, or `max: ~`).",
    validate(targets(("{min: 60}", "{min: 60, max: }"))),
    "Give it a value or leave the key out.",
)
case(
    S,
    "decimal-comma",
    "A decimal comma in a number (`{min: 7,5}`). YAML reads the comma as the start of a second key.",
    validate(targets(("{min: 60}", "{min: 60,5}"))),
    "Write a decimal point: `{min: 60.5}`.",
)
case(
    S,
    "decimal-comma",
    "A number with its thousands grouped by commas (`{min: 1,000}`). It reads as a thousand in"
    " English and as 1.0 in Vietnamese usage, where the comma is the decimal mark.",
    validate(targets(("unit: percent", "unit: count"), ("{min: 60}", "{min: 1,000}"))),
    "Write the number without separators, `{min: 1000}`, or with a decimal point, `{min: 1.0}`,"
    " whichever is meant.",
)
case(
    S,
    "no-colon",
    "A key without its colon inside `{…}` (`{min 60}`).",
    validate(targets(("{min: 60}", "{min 60}"))),
    "Write `{min: 60}`.",
)
case(
    S,
    "comparator-count",
    "A target year with no comparator, or with two.",
    validate(targets(("{min: 60}", "{min: 60, max: 90}"))),
    "Give exactly one of `min`, `above`, `max`, `below`, `about`, `done`.",
)
case(
    S,
    "tolerance-without-about",
    "`tolerance` beside a comparator other than `about`.",
    validate(targets(("{min: 60}", "{min: 60, tolerance: 2}"))),
    "Use `about` with its tolerance, or remove the tolerance.",
)
case(
    S,
    "stretch-comparator",
    "`stretch` beside a comparator other than `min` or `above`.",
    validate(targets(("{min: 60}", "{about: 60, stretch: 70}"))),
    "A stretch goal goes with `min` or `above`.",
)
case(
    S,
    "stretch-below-target",
    "A stretch goal below its target.",
    validate(targets(("{min: 60}", "{min: 60, stretch: 50}"))),
    "A stretch goal lies beyond the target: `{min: 60, stretch: 70}`.",
)
case(
    S,
    "done-false",
    "A milestone target `done: false`, which sets no target.",
    validate(
        targets(
            ("unit: percent", "unit: milestone"),
            ("2025: {min: 60}", "2025: {done: false}"),
            ("        2030: {min: 80}\n", ""),
        )
    ),
    "Write `done: true` for the year the milestone is due.",
)
case(
    S,
    "control-character",
    "A control character in a text (an escape sequence would recolor or clear the terminal"
    " that shows it). In actuals the same type names a control character in a cell.",
    validate(targets(('quote: "60%', 'quote: "\\e[2J60%'))),
    "Remove it.",
)
case(
    S,
    "blank-text",
    "A text with nothing visible in it: spaces, or a zero-width space.",
    validate(targets(("en: Sample City", "en: ' '"))),
    "Write the text out.",
)
case(
    S,
    "name-without-letter",
    "A name with no visible letter or digit: only spaces, marks, or characters that look like"
    " nothing (U+3164, U+2800).",
    validate(targets(("en: Sample City", "en: '\u3164'"))),
    "Write the name out.",
    show=(),
    about="The city's English name in `mycity.yaml` is U+3164 (a Hangul filler) alone.",
)
case(
    S,
    "invisible-character",
    "An invisible character in a name (a zero-width space, a direction mark such as U+202E):"
    " the name would not read as it looks. In actuals the same type names one in an area.",
    validate(targets(("en: Sample City", 'en: "Sample \\u202eCity"'))),
    "Remove it (it is often pasted from a web page).",
)
case(
    S,
    "line-separator",
    "A line or paragraph separator written as an escape in double quotes (`\\L`, `\\P`):"
    " terminals and editors break lines at it differently.",
    validate(targets(('quote: "60% cuộc họp', 'quote: "60%\\Lcuộc họp'))),
    "Write `\\n`, or a space.",
)
case(
    S,
    "no-indicators",
    "A file that sets no target: every pillar empty.",
    validate(
        targets(
            (
                TARGETS[TARGETS.index("    - id: meetings_online") : TARGETS.index("  economy")],
                "",
            ),
            ("  government:\n", "  government: []\n"),
        )
    ),
    "Add the indicators and their targets.",
)

S = section(
    "Target files: rules across keys",
    "Rules that join several keys are checked once each key is valid.",
)
case(
    S,
    "unit-comparator",
    "A comparator the unit does not take: a rank takes `max` or `below`, a milestone `done` only.",
    validate(
        targets(
            ("id: meetings_online", "id: meetings_rank"),
            ("unit: percent", "unit: rank"),
            ("        2030: {min: 80}", "        2030: {done: true}"),
        )
    ),
    'A rank target is `{max: 5}` ("top 5"); a milestone is `unit: milestone` with `{done: true}`.',
)
case(
    S,
    "out-of-range",
    "A target outside its unit's range: a percentage over 100, a rank below 1, a count below 0."
    " In actuals the same type names a value outside its range.",
    validate(targets(("{min: 60}", "{min: 160}"))),
    "Correct the number, or the unit.",
)
case(
    S,
    "unreachable",
    "A target no value can meet: `above: 100` for a percentage, `below: 1` for a rank.",
    validate(targets(("{min: 60}", "{above: 100}"))),
    'Write the target as the document states it: "100%" is `{min: 100}`.',
)
case(
    S,
    "rank-whole",
    "A rank that is not a whole number.",
    validate(
        targets(
            ("id: meetings_online", "id: meetings_rank"),
            ("unit: percent", "unit: rank"),
            ("{min: 60}", "{max: 2.5}"),
            ("{min: 80}", "{max: 2}"),
        )
    ),
    "Write a whole rank: `{max: 3}`.",
)
case(
    S,
    "canonical-unit",
    "A shared indicator id (one the cities compare on) in another unit than its own.",
    validate(
        targets(
            ("id: meetings_online", "id: records_online_commune"),
            ("unit: percent", "unit: count"),
        )
    ),
    "Give the indicator an id of its own, or measure it in the shared id's unit."
    " [Target files](targets.md) lists the shared ids.",
)
case(
    S,
    "duplicate-indicator",
    "Two indicators of one file with the same id.",
    validate(
        targets(
            (
                "  economy: []",
                "  economy:\n    - id: meetings_online\n"
                "      name: {vi: Họp, en: Meetings}\n      unit: percent\n"
                '      targets: {2025: {min: 10}}\n      quote: "10%"',
            )
        )
    ),
    "Give each indicator its own id.",
)
case(
    S,
    "duplicate-target-set",
    "Two loaded target files with the same id.",
    ({"mycity.yaml": TARGETS, "copy/mycity.yaml": TARGETS}, ["validate", "mycity.yaml", "copy/"]),
    "Give each target set its own id, or load one of the two.",
    show=(),
)

# --- actuals -----------------------------------------------------------------------------------

S = section(
    "Actuals: the file",
    "What stops a file from being read as a table. The line is counted as the file counts it"
    " (the header is line 1).",
)
case(
    S,
    "empty-file",
    "An empty file, a file with only a header, or one whose first line is empty.",
    actuals("city,indicator,year,value\n"),
    "Fill in the rows; `dxscore template` writes a file to start from.",
)
case(
    S,
    "not-decodable",
    "Bytes that are not UTF-8 (here a file saved as Windows-1258); or a file that looks like"
    " UTF-16 or UTF-32 saved without a byte-order mark.",
    (
        {
            "actuals.csv": "city,indicator,year,value,note\nhanoi,records_online_commune,2024,55,\u01af\u01a1\u0301c\n".encode(
                "cp1258"
            )
        },
        ["check", "actuals.csv"],
    ),
    "Save it as UTF-8 (in Excel: *CSV UTF-8*), or name its encoding: `--encoding cp1258`.",
    about="`actuals.csv` is saved as Windows-1258; its last cell reads `Ước`.",
)
case(
    S,
    "unknown-encoding",
    "An `--encoding` Python does not know.",
    actuals(ONE_ROW, "--encoding", "vni"),
    "Name an encoding such as `utf-8`, `utf-16` or `cp1258`.",
    show=(),
)
case(
    S,
    "encoding-but-utf8",
    "An `--encoding` given for a file that is UTF-8 all the same (as Excel's *CSV UTF-8* is):"
    " read as the encoding named, it would be garbled.",
    (
        {
            "actuals.csv": "\ufeffcity,indicator,year,value,note\nhanoi,records_online_commune,2024,55,Ước\n"
        },
        ["check", "actuals.csv", "--encoding", "cp1258"],
    ),
    "Leave out `--encoding`. Files in different encodings are checked in separate runs.",
    show=(),
)
case(
    S,
    "csv-syntax",
    "A quote left open (it would swallow every row after it), or a character after a closing"
    ' quote (`"48"x`), told at the line where the record starts.',
    actuals(
        "city,indicator,year,value,note\n"
        'hanoi,records_online_commune,2023,"48"x,\n'
        'hanoi,records_online_commune,2024,55,"illustrative\n'
        "hanoi,inspections_online,2024,47,\n"
    ),
    'Close the quote; a quote inside a quoted cell is written twice (`""`).',
)
case(
    S,
    "csv-syntax",
    "A cell over the CSV reader's limit of 131,072 characters (a quote left open, often).",
    actuals(
        "city,indicator,year,value,note\nhanoi,records_online_commune,2024,55,"
        + "x" * 140_000
        + "\n"
    ),
    "Shorten the cell, or close the quote left open above it.",
    show=(),
    about="The note of row 2 holds 140,000 characters.",
)
case(
    S,
    "ragged-row",
    "A row with more or fewer cells than the header, often a decimal comma in a"
    " comma-separated file.",
    actuals("city,indicator,year,value\nhanoi,records_online_commune,2024,55,5\n"),
    'Quote the cell (`"55,5"`), write `55.5`, or remove the stray delimiter.',
)
case(
    S,
    "header-ambiguous",
    "Title lines above the header are skipped (with a warning), but here two lines could"
    " each head the table, so the header is not guessed.",
    actuals(
        "Số liệu năm 2024\n"
        "indicator,year,value\n"
        "records_online_commune,2024,55\n"
        "Số liệu năm 2023\n"
        "indicator,year,value\n"
        "records_online_commune,2023,48\n",
        "--city",
        "hanoi",
    ),
    "Delete the lines above the real header.",
)
case(
    S,
    "missing-column",
    "A required column missing: `indicator`, `year` and `value` (or years as columns), and"
    " `city` when several target sets are loaded and `--city` names none. The message lists"
    " the headings found and those accepted.",
    actuals("chỉ số,năm,giá trị\nrecords_online_commune,2024,55\n"),
    "Head the columns as the message lists them, in English or Vietnamese, or add `--city`."
    " [The user guide](guide.md#columns) lists every heading.",
)
case(
    S,
    "duplicate-column",
    "Two columns with one meaning (`value` and `Giá trị`), a year heading two columns, or two"
    " columns of areas.",
    actuals("city,indicator,year,value,Giá trị\nhanoi,records_online_commune,2024,55,55\n"),
    "Keep one.",
)
case(
    S,
    "mixed-layout",
    "A header with both years as columns and `year`/`value` columns.",
    actuals("city,indicator,year,value,2023\nhanoi,records_online_commune,2024,55,48\n"),
    "Use one layout: long (`year`, `value`) or wide (a column per year).",
)
case(
    S,
    "estimate-column-wide",
    "An `estimate` column in the wide layout, where it cannot say which year is estimated.",
    actuals("city,indicator,2024,2025,estimate\nhanoi,records_online_commune,55,58,ước\n"),
    "Mark the year in its heading: `2025 (ước)` or `2025 (est.)`.",
)
case(
    S,
    "too-many-problems",
    "A file with more than 1,000 problems: counting stops, the first 50 are printed, and the"
    " rest are told as a count. A file with thousands of bad rows has one mistake repeated.",
    actuals(
        "city,indicator,year,value\n"
        + "".join(f"hanoi,records_online_comune,{1900 + i % 120},{i % 100}\n" for i in range(1200)),
    ),
    "Fix the mistake the first messages show, and run again.",
    show=(),
    about="`actuals.csv` has 1,200 rows, each with the indicator misspelt.",
)

S = section(
    "Actuals: rows and cells",
    "Every problem of every file is reported in one run, each at its line and column.",
)
case(
    S,
    "unknown-city",
    "A city no loaded target set has, or a city cell left empty.",
    actuals(
        "city,indicator,year,value\n"
        "hanoii,records_online_commune,2024,55\n"
        ",records_online_commune,2023,48\n"
    ),
    "Write the id (`hanoi`) or the name (`Hà Nội`, with or without accents); `dxscore targets`"
    " lists them.",
)
case(
    S,
    "ambiguous-city",
    "A name that two loaded target sets share.",
    (
        {
            "mycity.yaml": targets(("vi: Thành phố Mẫu", "vi: Hà Nội")),
            "actuals.csv": "city,indicator,year,value\nHà Nội,meetings_online,2024,55\n",
        },
        ["check", "actuals.csv", "--targets", "bundled", "--targets", "mycity.yaml"],
    ),
    "Write the id of the one meant (`hanoi` or `mycity`).",
    show=("actuals.csv",),
)
case(
    S,
    "unknown-indicator",
    "An indicator the target set does not have: misspelt (with the id probably meant), close"
    " to the names of several indicators (all listed, none guessed), or empty. An indicator"
    " written by its exact name is read, with a warning (see `indicator-names` below).",
    actuals(
        "city,indicator,year,value\n"
        "hanoi,records_online_comune,2024,55\n"
        "hanoi,Hồ sơ công việc cấp quận được xử lý trên môi trường mạng,2024,60\n"
        "hanoi,,2024,5\n"
    ),
    "Write the id; `dxscore targets hanoi` lists them, `dxscore template hanoi` writes them.",
)
case(
    S,
    "not-a-number",
    "A value that is not a number as dxscore reads numbers, each with its reason.",
    actuals(
        "city,indicator,year,value\n"
        "hanoi,records_online_commune,2018,năm mươi\n"
        "hanoi,records_online_commune,2019,N/A\n"
        "hanoi,records_online_commune,2020,-\n"
        'hanoi,records_online_commune,2021,"1,234"\n'
        "hanoi,records_online_commune,2022,1.234.567\n"
        "hanoi,records_online_commune,2023,−5\n"
        "hanoi,records_online_commune,2024,１２\n"
        "hanoi,records_online_district,2024,1e999\n"
        "hanoi,records_online_city,2024,NaN\n"
        "hanoi,dx_rank,2024,3%\n"
        "hanoi,dx_rank,2023,2.5\n"
        "hanoi,records_online_city,2023,16/07/2023\n"
    ),
    "Write the number with digits 0–9, a point or an unambiguous comma for decimals, no"
    " thousands separators, and `%` only on a percentage. Leave the cell empty when the value"
    " is not reported.",
)
case(
    S,
    "bad-milestone",
    "A milestone value that is not one of the words dxscore reads.",
    actuals("city,indicator,year,value\nhanoi,e_government_done,2024,gần xong\n"),
    "Write `done`, `yes`, `1`, `đạt`, `hoàn thành` or `no`, `0`, `chưa đạt`, `chưa hoàn thành`.",
)
case(
    S,
    "out-of-range",
    "A value outside its unit's range: a percentage over 100, a rank below 1, a count below 0.",
    actuals(
        "city,indicator,year,value\nhanoi,records_online_commune,2024,555\nhanoi,dx_rank,2024,0\n"
    ),
    "Correct the value.",
)
case(
    S,
    "bad-year",
    "A year that is not a year from 1900 to 2100, a year typed into a cell formatted as a"
    " date, or a year heading with more than a year in it.",
    actuals(
        "city,indicator,year,value\n"
        "hanoi,records_online_commune,24,55\n"
        "hanoi,records_online_commune,1905-07-16,48\n"
    ),
    "Write the year alone, as four digits; format a spreadsheet's year cells as Number.",
)
case(
    S,
    "future-year",
    "A value dated after the current year. A measured value cannot be dated in the future; a"
    " target belongs in the target file.",
    actuals("city,indicator,year,value\nhanoi,records_online_commune,2030,80\n"),
    "Write the year the value was measured in.",
)
case(
    S,
    "bad-estimate",
    "An `estimate` cell that says neither yes nor no.",
    actuals("city,indicator,year,value,estimate\nhanoi,records_online_commune,2025,58,6 tháng\n"),
    "Write `ước` (or `yes`, `x`, `1`) for an estimate; leave it empty (or `no`, `0`) for a"
    " measured value. Say more in the `note` column.",
)
case(
    S,
    "duplicate-row",
    "Two rows for the same city, area, indicator and year, in one file or across files."
    " Neither is dropped or preferred.",
    actuals(
        "city,indicator,year,value\n"
        "hanoi,records_online_commune,2024,55\n"
        "hanoi,records_online_commune,2024,57\n"
    ),
    "Keep one row.",
)
case(
    S,
    "control-character",
    "A control character (NUL, ESC, U+001F …) in a cell: it would travel into the reports.",
    actuals("city,indicator,year,value\nhanoi,records_online_commune,2024,\x1b[31m55\n"),
    "Remove it. Notes and sources keep their tabs and line breaks.",
    show=(),
    about="`actuals.csv` holds the escape sequence `ESC[31m` before a value.",
)
case(
    S,
    "invisible-character",
    "An invisible character in an area (a zero-width space, a direction mark, a byte-order"
    " mark): the area would print like another and be scored apart.",
    actuals(
        "city,area,indicator,year,value\n"
        "hanoi,Sóc Sơn,records_online_commune,2023,20\n"
        "hanoi,Sóc Sơn\u200b,records_online_commune,2024,29\n"
    ),
    "Remove it (it is often pasted from a web page).",
    show=(),
    about="The second `Sóc Sơn` ends with a zero-width space (U+200B).",
)
case(
    S,
    "area-spelling",
    "One city's area written two ways (case, spacing, the place of a tone mark): it would"
    " split in two.",
    actuals(
        "city,area,indicator,year,value\n"
        "haiphong,Thủy Nguyên,records_online_commune,2023,40\n"
        "haiphong,Thuỷ Nguyên,records_online_commune,2024,45\n"
    ),
    "Write it one way.",
)
case(
    S,
    "area-total",
    "An area that labels a total (`Tổng cộng`, `Toàn thành phố`, `Total` …): it would be ranked"
    " as one more district.",
    actuals(
        "city,area,indicator,year,value\n"
        "hanoi,Sóc Sơn,records_online_commune,2024,29\n"
        "hanoi,Tổng cộng,records_online_commune,2024,55\n"
    ),
    "Delete the row. A city-wide value goes in a row with the area left empty.",
)

S = section(
    "Actuals: what is checked",
    "A check that would check nothing is an error, so that a CI gate never passes empty.",
)
case(
    S,
    "nothing-reported",
    "No value reported at all: an empty template, or only rows of other cities.",
    actuals("city,indicator,year,value\nhanoi,records_online_commune,2024,\n"),
    "Fill in the values; check `--city`.",
)
case(
    S,
    "nothing-to-check",
    "Filters under which no target has a reported value.",
    actuals(ONE_ROW, "--pillar", "society"),
    "Fill in the values of those targets, or change the filter.",
    show=(),
)
case(
    S,
    "nothing-to-score",
    "Filters that match no target at all.",
    (
        {"mycity.yaml": TARGETS, "actuals.csv": "indicator,year,value\nmeetings_online,2024,55\n"},
        ["check", "actuals.csv", "-t", "mycity.yaml", "--pillar", "economy"],
    ),
    "Change the filters; `dxscore targets ID` shows each set's years and pillars.",
    show=("actuals.csv",),
    about="`mycity.yaml` (the sample target file of the sections above) sets no economy target.",
)
case(
    S,
    "unknown-year",
    "A `--year` that is not a target year.",
    actuals(ONE_ROW, "--year", "2024"),
    "Give a target year (2025, 2030 for the bundled sets).",
    show=(),
)
case(
    S,
    "unknown-pillar",
    "A pillar that does not exist (in Python: `dxscore.score(…, pillar=…)`; the command line"
    " refuses it as a usage error).",
    (
        {
            "actuals.csv": ONE_ROW,
            "score.py": "import dxscore\n\n"
            "try:\n"
            '    dxscore.score("actuals.csv", pillar="digital")\n'
            "except dxscore.InputError as error:\n"
            "    print(error)\n",
        },
        [],
    ),
    "Use `overall`, `government`, `economy` or `society`.",
    code=0,
)
case(
    S,
    "unknown-area",
    "An `--area` with no reported values (with the area probably meant), or `--area` for"
    " actuals without areas.",
    ({"districts.csv": DISTRICTS}, ["check", "districts.csv", "--area", "Soc Som"]),
    "Write the area as the file does; accents may be left out when one area matches.",
    show=(),
)
case(
    S,
    "no-data-as-of",
    "An `--as-of` before every reported value.",
    actuals(ONE_ROW, "--as-of", "2020"),
    "Give a later year, or leave `--as-of` out (the latest year with a value).",
    show=(),
)
case(
    S,
    "explain-league",
    "`--explain` where every area is shown as a league row, which has no verdicts to explain.",
    ({"districts.csv": DISTRICTS}, ["check", "districts.csv", "--explain"]),
    "Add `--area NAME` for one area's report and audit trail, or use `--format json`.",
    show=(),
)
case(
    S,
    "compare-areas-only",
    "`compare` given only values of districts or communes: it compares cities on their"
    " city-wide values.",
    ({"districts.csv": DISTRICTS}, ["compare", "districts.csv"]),
    "Compare city-wide values; `dxscore check` ranks the areas.",
    show=(),
)
case(
    S,
    "unknown-target-set",
    "A target set no loaded file has (with the one probably meant).",
    ({}, ["targets", "hanoy"]),
    "Give an id or a name that `dxscore targets` lists.",
)
case(
    S,
    "not-a-mapping",
    "In Python, a row that is not a mapping of column to value.",
    (
        {
            "rows.py": "import dxscore\n\n"
            "try:\n"
            '    dxscore.score([("hanoi", "dx_rank", 2024, 1)])\n'
            "except dxscore.InputError as error:\n"
            "    print(error)\n",
        },
        [],
    ),
    "Give each row as a dict: `{'city': 'hanoi', 'indicator': 'dx_rank', 'year': 2024, 'value': 1}`.",
    code=0,
)

S = section(
    "Workbooks and other spreadsheets",
    "An `.xlsx` workbook is read like a CSV file; problems name the sheet as well"
    " (`actuals.xlsx!Số liệu:3:2`).",
)
case(
    S,
    "spreadsheet-not-text",
    "An Excel 97–2003 `.xls`, an `.ods` or an `.xlsx` renamed `.csv`, told apart by its first"
    " bytes.",
    ({"actuals.csv": workbook(_plain)}, ["check", "actuals.csv"]),
    "Save it from Excel or LibreOffice as `.xlsx`, or as CSV UTF-8.",
    about="`actuals.csv` is a workbook renamed `.csv`.",
)
case(
    S,
    "not-a-workbook",
    "A file named `.xlsx` that is not a workbook, or a damaged one.",
    ({"actuals.xlsx": ONE_ROW}, ["check", "actuals.xlsx"]),
    "Save it from Excel as `.xlsx`, or as CSV UTF-8 named `.csv`.",
    about="`actuals.xlsx` is a CSV file renamed `.xlsx`.",
)
case(
    S,
    "merged-cells",
    "Cells merged in the rows of data (a district over several rows): only the first holds"
    " the value, the others would read empty.",
    ({"actuals.xlsx": workbook(_long_rows)}, ["check", "actuals.xlsx"]),
    "Unmerge them and fill each cell (Excel: Merge & Center › Unmerge Cells). A merged title"
    " or header is read.",
    about="In `actuals.xlsx`, the area cells B2:B3 are merged.",
)
case(
    S,
    "formula-without-value",
    "A formula whose value was never computed: the file was written by a program (openpyxl,"
    " some converters), not saved by Excel.",
    ({"actuals.xlsx": workbook(_formula)}, ["check", "actuals.xlsx"]),
    "Open and save it in Excel, or write the value.",
    about="`actuals.xlsx` was written by openpyxl; its value cell holds `=50+5`.",
)
case(
    S,
    "unknown-sheet",
    "A `--sheet` the workbook does not have.",
    ({"actuals.xlsx": workbook(_plain)}, ["check", "actuals.xlsx", "--sheet", "2024"]),
    "Name a sheet the message lists (case and accents as you like).",
    about="`actuals.xlsx` has one sheet, `Sheet`.",
)
case(
    S,
    "not-a-worksheet",
    "A `--sheet` that holds a chart, not cells.",
    ({"actuals.xlsx": workbook(_chart_first)}, ["check", "actuals.xlsx", "--sheet", "Biểu đồ"]),
    "Name a worksheet.",
    about="`actuals.xlsx` has a chart sheet, `Biểu đồ`, and a worksheet, `Số liệu`.",
)

S = section(
    "Damaged and hostile workbooks",
    "A workbook is a zip of XML parts. dxscore reads every part it needs as a stream, within"
    " limits, and refuses what Excel would never write rather than guess what it means. Each"
    " problem is placed at the sheet's row and column where it has one, else at `FILE:1:1`."
    " The inputs below were written part by part (`tests/corpus/make_hostile.py`); their"
    " sheet, `Data`, is headed `indicator`, `year`, `value`. [Limits](limits.md) has the"
    " figures.",
)
case(
    S,
    "not-a-workbook",
    "A file that is not a workbook, in one message per cause: not a zip, an old `.xls` or a"
    " workbook saved with a password, a damaged zip, a part missing or damaged, XML that is"
    " not well-formed, a compression Excel never uses, or a DOCTYPE (which could make a small"
    ' file expand to gigabytes: a "billion laughs").',
    hostile_check(corpus("entity-bomb.xlsx")),
    "Save it again from Excel as `.xlsx`, or as CSV UTF-8.",
    about="The sheet of `book.xlsx` declares XML entities, each ten times the one before.",
)
case(
    S,
    "workbook-too-large",
    "A workbook over 32 MiB on disk.",
    hostile_check(b"PK\x03\x04" + bytes(33 * 1024 * 1024)),
    "Save large data as CSV UTF-8.",
    about="`book.xlsx` is 33 MiB.",
)
case(
    S,
    "workbook-too-many-parts",
    "A workbook of more than 10,000 parts; an Excel workbook has a few dozen.",
    hostile_check(
        parts_book(
            {
                **H.book_parts(H.sheet_xml(H.data_row(2))),
                **{f"xl/media/image{n}.png": b"" for n in range(10_001)},
            }
        )
    ),
    "Save it again from Excel as `.xlsx`, or as CSV UTF-8.",
    about="`book.xlsx` holds 10,001 empty images beside its sheet.",
)
case(
    S,
    "workbook-part-too-large",
    "A part that unpacks to more than 32 MiB (a sheet of about a million cells). The size the"
    " zip declares is checked first, then the bytes unpacked are counted as they are read.",
    hostile_check(
        parts_book(H.book_parts(H.sheet_xml(H.data_row(2), tail=" " * (33 * 1024 * 1024))))
    ),
    "Save large data as CSV UTF-8.",
    about="The sheet of `book.xlsx` ends with 33 MiB of spaces (a zip of 33 KiB).",
)
case(
    S,
    "too-many-shared-strings",
    "More than 500,000 distinct texts (shared strings).",
    hostile_check(
        sheet_book(H.data_row(2), strings=H.shared_strings(f"t{n}" for n in range(500_001)))
    ),
    "Save large data as CSV UTF-8.",
    about="`book.xlsx` holds 500,001 shared strings.",
)
case(
    S,
    "shared-strings-too-large",
    "Shared strings of more than 16 Mi characters in all.",
    hostile_check(
        sheet_book(H.data_row(2), strings=H.shared_strings("x" * 32_767 for _ in range(520)))
    ),
    "Save large data as CSV UTF-8.",
    about="`book.xlsx` holds 520 shared strings of 32,767 characters each.",
)
case(
    S,
    "shared-string-too-long",
    "A shared string longer than 32,767 characters, which no Excel cell can hold"
    " (`cell-too-long` for a cell's own text).",
    hostile_check(sheet_book(H.data_row(2), strings=H.shared_strings(["x" * 40_000]))),
    "Save it again from Excel.",
    about="The one shared string of `book.xlsx` is 40,000 characters long.",
)
case(
    S,
    "cell-too-long",
    "A cell's own text longer than 32,767 characters.",
    hostile_check(sheet_book(H.data_row(2, H.cell("C2", "9" * 40_000)))),
    "Save it again from Excel.",
    about="Cell C2 of `book.xlsx` holds a text of 40,000 characters.",
)
case(
    S,
    "row-past-limit",
    "A row past Excel's last, 1,048,576. It is placed where it stands: after the last good row.",
    hostile_check(corpus("row-99999999.xlsx")),
    "Save it again from Excel.",
    about="The sheet of `book.xlsx` has one row, numbered 99,999,999.",
)
case(
    S,
    "column-past-limit",
    "A cell past Excel's last column, XFD.",
    hostile_check(corpus("column-past-excel.xlsx")),
    "Save it again from Excel.",
    about="Row 2 of `book.xlsx` has a cell XFE2.",
)
case(
    S,
    "table-too-wide",
    "A header that runs past 256 columns (every year from 1900 to 2100 takes about 200).",
    hostile_check(
        parts_book(
            H.book_parts(
                H.sheet_xml(
                    '<row r="1">'
                    + H.cell("A1", "indicator")
                    + H.cell("B1", "year")
                    + H.cell("C1", "value")
                    + H.cell("AMJ1", "x")
                    + "</row>"
                    + H.data_row(2),
                    header=False,
                )
            )
        )
    ),
    "Remove what stands right of the table, or save it as CSV UTF-8.",
    about="The header row of `book.xlsx` has a cell in column AMJ (1,024).",
)
case(
    S,
    "no-sheets",
    "A workbook that lists no sheet.",
    hostile_check(corpus("no-sheets.xlsx")),
    "Save it again from Excel.",
)
case(
    S,
    "sheet-part-missing",
    "A sheet the workbook lists but does not hold. No other sheet is read in its place.",
    hostile_check(corpus("sheet-part-missing.xlsx")),
    "Save it again from Excel.",
    about="`book.xlsx` lists the sheet `Data`, and its zip lacks it.",
)
case(
    S,
    "sheet-xml",
    "A sheet whose XML is damaged (here it stops mid-row).",
    hostile_check(corpus("truncated-sheet-xml.xlsx")),
    "Save it again from Excel.",
)
case(
    S,
    "bad-merged-range",
    "A merged range that is no range of cells.",
    hostile_check(corpus("bad-merge-reference.xlsx")),
    "Save it again from Excel.",
    about="The sheet of `book.xlsx` lists `AAAA2:B3` as merged cells.",
)
case(
    S,
    "bad-row-number",
    "A row numbered with something that is no row number.",
    hostile_check(sheet_book(H.data_row(2).replace('<row r="2">', '<row r="1e3">'))),
    "Save it again from Excel.",
    about="Row 2 of `book.xlsx` is numbered `1e3`.",
)
case(
    S,
    "row-out-of-order",
    "A row given twice, or after a row below it: one would overwrite or hide the other.",
    hostile_check(corpus("row-given-twice.xlsx")),
    "Save it again from Excel.",
)
case(
    S,
    "bad-cell-reference",
    "A cell named with something that is no cell reference.",
    hostile_check(sheet_book(H.data_row(2).replace('r="C2"', 'r="2C"'))),
    "Save it again from Excel.",
    about="The value cell of row 2 is named `2C`.",
)
case(
    S,
    "cell-in-another-row",
    "A cell whose reference names another row than the one it stands in.",
    hostile_check(corpus("cell-in-another-row.xlsx")),
    "Save it again from Excel.",
)
case(
    S,
    "cell-repeated",
    "A cell given twice in its row: which value holds would be a guess.",
    hostile_check(corpus("cell-given-twice.xlsx")),
    "Save it again from Excel.",
)
case(
    S,
    "cell-out-of-order",
    "A cell after a cell to its right: it would be lost.",
    hostile_check(corpus("cells-out-of-order.xlsx")),
    "Save it again from Excel.",
)
case(
    S,
    "bad-cell-style",
    "A cell whose style, or number format, the workbook does not define: whether its number"
    " is a percentage or a date would be a guess.",
    hostile_check(corpus("style-out-of-range.xlsx")),
    "Save it again from Excel.",
    about="The value cell of row 2 has style number 7; the workbook defines one style.",
)
case(
    S,
    "bad-cell-type",
    "A cell of a type Excel never writes.",
    hostile_check(sheet_book(H.data_row(2, H.cell("C2", 4, attrs=' t="q"')))),
    "Save it again from Excel.",
    about="The value cell of row 2 has the type `q`.",
)
case(
    S,
    "bad-cell-value",
    "A cell stored as a number, true/false or a date that holds something else.",
    hostile_check(corpus("number-not-a-number.xlsx")),
    "Save it again from Excel.",
)
case(
    S,
    "bad-shared-string",
    "A cell that points to a shared string that does not exist (a negative index would read"
    " the last one), or to one that is malformed (it would read as empty).",
    hostile_check(corpus("shared-string-negative.xlsx")),
    "Save it again from Excel.",
    about="The value cell of row 2 points to shared string -1.",
)
case(
    S,
    "bad-inline-string",
    "A cell's own text that is malformed.",
    hostile_check(sheet_book(H.data_row(2, '<c r="C2" t="inlineStr"><is>4</is></c>'))),
    "Save it again from Excel.",
    about="The value cell of row 2 holds `<is>4</is>`, without its `<t>`.",
)

S = section(
    "Options and outputs",
    "A report is written to a temporary file renamed into place, never over an input file, and"
    " never over a file that is not a dxscore report unless `--force` says so.",
)
case(
    S,
    "option-unused",
    "An option that would do nothing: `--sheet` when no input is a workbook, `--encoding` when"
    " every input is one, `--explain` for a CSV or workbook report.",
    actuals(ONE_ROW, "--sheet", "2024"),
    "Leave the option out.",
    show=(),
)
case(
    S,
    "unknown-format",
    "An output name whose extension names no format.",
    ({"actuals.csv": ONE_ROW}, ["report", "actuals.csv", "-o", "report.txt"]),
    "Name it `.md`, `.html`, `.json`, `.csv` or `.xlsx`, or choose with `--format`.",
    show=(),
)
case(
    S,
    "output-is-input",
    "`-o` naming an input file (actuals or a target file).",
    ({"actuals.csv": ONE_ROW}, ["report", "actuals.csv", "-o", "actuals.csv", "-f", "csv"]),
    "Choose another name.",
    show=(),
)
case(
    S,
    "output-not-a-report",
    "`-o` naming an existing file that is not a dxscore report (another month's actuals, notes)."
    " A report dxscore wrote is replaced, with `replaced FILE`.",
    (
        {"actuals.csv": ONE_ROW, "notes.md": "# My notes\n"},
        ["report", "actuals.csv", "-o", "notes.md"],
    ),
    "Choose another name, or pass `--force`.",
    show=(),
)
case(
    S,
    "output-exists",
    "`template -o` naming a file that exists.",
    ({"actuals.csv": ONE_ROW}, ["template", "hanoi", "-o", "actuals.csv"]),
    "Choose another name, or pass `--force`.",
    show=(),
)
case(
    S,
    "template-not-csv",
    "`template -o` naming a workbook: the template is CSV (Excel opens it).",
    ({}, ["template", "hanoi", "-o", "actuals.xlsx"]),
    "Name it `.csv`.",
)
case(
    S,
    "output-is-folder",
    "`-o` naming a folder.",
    ({"actuals.csv": ONE_ROW, "report.md/.keep": ""}, ["report", "actuals.csv", "-o", "report.md"]),
    "Give a file name: `-o report.md/scorecard.md`, or another name.",
    show=(),
)
case(
    S,
    "output-folder-missing",
    "`-o` into a folder that does not exist.",
    ({"actuals.csv": ONE_ROW}, ["report", "actuals.csv", "-o", "/nonexistent/report.md"]),
    "Create the folder first.",
    show=(),
)
case(
    S,
    "output-folder-is-file",
    '`-o` into a "folder" that is a file.',
    ({"actuals.csv": ONE_ROW}, ["report", "actuals.csv", "-o", "actuals.csv/report.md"]),
    "Give a path in a folder.",
    show=(),
)
case(
    S,
    "output-not-a-file",
    "`-o` naming a device or a pipe.",
    ({"actuals.csv": ONE_ROW}, ["report", "actuals.csv", "-o", "/dev/null", "-f", "markdown"]),
    "Use `-o -` for standard output.",
    show=(),
)
case(
    S,
    "output-unwritable",
    "`-o` where nothing may be written (here Linux's `/proc`, where no file can be made; the reason given is the system's).",
    ({"actuals.csv": ONE_ROW}, ["report", "actuals.csv", "-o", "/proc/report.md"]),
    "Write somewhere you may.",
    show=(),
)
case(
    S,
    "output-failed",
    "Standard output that cannot be written: a full disk (here `/dev/full`), a closed output.",
    ({"actuals.csv": ONE_ROW}, ["check", "actuals.csv", "--format", "json"]),
    "Free some space, or write elsewhere.",
    show=(),
    stdout="/dev/full",
    marker="cannot write the output",
)
case(
    S,
    "workbook-to-terminal",
    "A workbook asked for on a terminal (`report -f xlsx` without `-o`).",
    ({"actuals.csv": ONE_ROW}, ["report", "actuals.csv", "-f", "xlsx"]),
    "Write it to a file: `-o scorecard.xlsx`.",
    show=(),
    stdout="tty",
)

# --- warnings ----------------------------------------------------------------------------------

W = section(
    "Warnings",
    "A warning goes to standard error, also when the file has errors, and changes no exit"
    " code. Each says what was not read, or read in a way to know about: nothing is dropped"
    " silently. A report lists them too (all but `without-duckdb`, which is about speed):"
    ' the markdown, HTML and workbook reports under "Warnings about the input", the JSON'
    " document in `warnings`, each with its `type`, the name it has here.",
)
case(
    W,
    "header-below",
    "Title lines above the header of a CSV file (as a sheet saved as CSV has them) are skipped.",
    actuals(
        "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2024\n"
        "Đơn vị: %\n"
        "city,indicator,year,value\n"
        "hanoi,records_online_commune,2024,55\n",
        "--fail-on",
        "never",
    ),
    "Nothing, if the header is the one meant.",
    code=0,
)
case(
    W,
    "unused-columns",
    'Columns dxscore does not use, named (a long list ends "… and N more").',
    actuals(
        "city,indicator,year,value,Người nhập\nhanoi,records_online_commune,2024,55,Lan\n",
        "--fail-on",
        "never",
    ),
    "Nothing, if the columns are not meant as data; else head them as"
    " [the guide](guide.md#columns) says.",
    code=0,
)
case(
    W,
    "unnamed-column",
    "A column without a header that holds data.",
    actuals(
        "city,indicator,year,value,\nhanoi,records_online_commune,2024,55,x\n",
        "--fail-on",
        "never",
    ),
    "Give it a header, or remove it.",
    code=0,
)
case(
    W,
    "not-reported",
    "Empty value cells are counted: a value not reported is never read as 0.",
    actuals(
        "city,indicator,year,value\nhanoi,records_online_commune,2024,55\n"
        "hanoi,inspections_online,2024,\n",
        "--fail-on",
        "never",
    ),
    "Nothing, if the values are not known yet.",
    code=0,
)
case(
    W,
    "indicator-names",
    "Indicators written by their exact name (Vietnamese or English, give or take accents,"
    " case and spacing) are read as that indicator.",
    actuals(
        "city,indicator,year,value\n"
        "hanoi,Hồ sơ công việc cấp xã được xử lý trên môi trường mạng,2024,55\n",
        "--fail-on",
        "never",
    ),
    "Write ids: a name may change.",
    code=0,
)
case(
    W,
    "looks-like-fraction",
    "A percentage indicator whose every value lies between 0 and 1 while its targets are above"
    " 1: `0.55` is read as 0.55%.",
    actuals(
        "city,indicator,year,value\n"
        "hanoi,records_online_commune,2023,0.48\n"
        "hanoi,records_online_commune,2024,0.55\n",
        "--fail-on",
        "never",
    ),
    "Write 55 for 55%.",
    code=0,
)
case(
    W,
    "mixed-scale",
    "One series of a percentage holds a value between 0 and 1 that, as a fraction of 1, would be"
    " at least half its largest value (itself 20 or more): `0.82` (82% written as a fraction)"
    " in 2024 and `91` in 2025 would read as a jump from 0.82% to 91%, and the projection with"
    " it.",
    actuals(
        "city,indicator,year,value\n"
        "hanoi,records_online_commune,2024,0.82\n"
        "hanoi,records_online_commune,2025,91\n",
        "--fail-on",
        "never",
    ),
    "Write every value of a percentage the same way: 82 for 82%.",
    code=0,
)
case(
    W,
    "other-cities",
    "Rows of other cities than `--city` names are not scored.",
    actuals(
        "city,indicator,year,value\n"
        "hanoi,records_online_commune,2024,55\n"
        "haiphong,records_online_commune,2024,52\n",
        "--city",
        "hanoi",
        "--fail-on",
        "never",
    ),
    "Nothing, if one city was meant.",
    code=0,
)
case(
    W,
    "given-twice",
    "A file given more than once is read once.",
    ({"actuals.csv": ONE_ROW}, ["check", "actuals.csv", "actuals.csv", "--fail-on", "never"]),
    "Give it once.",
    show=(),
    code=0,
)
case(
    W,
    "not-scored",
    "With several cities, a city that the filters leave with nothing to score (Haiphong's"
    " resolution has no overall pillar).",
    actuals(
        "city,indicator,year,value\n"
        "hanoi,dx_rank,2024,1\n"
        "haiphong,records_online_commune,2024,52\n",
        "--pillar",
        "overall",
        "--fail-on",
        "never",
    ),
    "Nothing, if that city was not meant.",
    code=0,
)
case(
    W,
    "not-checked",
    "With several cities, a city with targets under the filters but no value reported for them.",
    actuals(
        "city,indicator,year,value\n"
        "hanoi,digital_economy_grdp_share,2024,16.25\n"
        "haiphong,records_online_commune,2024,52\n",
        "--pillar",
        "economy",
        "--fail-on",
        "never",
    ),
    "Nothing, if that city's values are not known yet.",
    code=0,
)
case(
    W,
    "compare-areas",
    "`compare` leaves out the values of districts and communes.",
    (
        {"actuals.csv": ONE_ROW, "districts.csv": DISTRICTS},
        ["compare", "actuals.csv", "districts.csv", "-o", "comparison.md"],
    ),
    "`dxscore check --area` scores an area.",
    show=(),
    code=0,
)
case(
    W,
    "other-sheets",
    "A workbook with several visible sheets: only the first is read.",
    ({"actuals.xlsx": workbook(_two_sheets)}, ["check", "actuals.xlsx", "--fail-on", "never"]),
    "Choose one with `--sheet`; check each sheet in a run of its own.",
    about="`actuals.xlsx` has the sheets `2024` and `2023`.",
    code=0,
)
case(
    W,
    "without-duckdb",
    "A CSV file of 4 MiB or more read without DuckDB installed. It is read all the same, by"
    " the Python reader, more slowly.",
    (
        {
            "communes.csv": "city,area,indicator,year,value\n"
            + "".join(
                f"hanoi,Xã {n},records_online_commune,{2020 + y},{40 + 5 * y}\n"
                for n in range(20_000)
                for y in range(5)
            )
        },
        ["check", "communes.csv", "--format", "json", "--fail-on", "never"],
    ),
    "Install the `large` extra: `pip install '.[large]'` in a checkout.",
    about="`communes.csv` has 100,000 rows (over 4 MiB) for 20,000 communes; DuckDB is not"
    " installed.",
    show=(),
    stdout="/dev/null",
    hide=("duckdb",),
    code=0,
)


# --- the page ----------------------------------------------------------------------------------

HEAD = """\
# Problems

<!-- Generated by `python docs/generate.py` from docs/problem_cases.py: do not edit. -->

Every problem dxscore reports, with an input that has it, the message as dxscore prints it,
and what to do. Each message reads `FILE:LINE:COL: place: what is wrong and what to do [type]`;
the `type` in brackets is stable (scripts may rely on it), the words may improve. With
`--lang vi` the words are Vietnamese; `validate --format json` gives them in English.

A problem ends the run with exit code 2, after every problem of every file is reported (up to
50 a file are printed). Nothing is read out of a cell that has a problem, and nothing is
guessed. A warning (at the end of the page) is printed and the run goes on.

The examples were run in an empty folder, shown as `/home/analyst`, with a copy of the bundled
target files, on 30 June 2026 (the date matters for `future-year`). `tests/test_docs_generated.py` fails when a problem type has
no example here, or when this page is stale.
"""


def page(run: Run) -> str:
    out = [HEAD, ""]
    for part in SECTIONS:
        out.append(f"- [{part.title}](#{_anchor(part.title)})")
    failed = []
    for part in SECTIONS:
        out += ["", f"## {part.title}", "", part.intro]
        previous = None
        for item in part.cases:
            try:
                out += ["", *_case(item, run, heading=item.type != previous)]
                previous = item.type
            except AssertionError as error:  # every case that fails, not only the first
                failed.append(str(error))
    assert not failed, "\n\n".join(failed)
    return "\n".join(out).rstrip() + "\n"


def _anchor(title: str) -> str:
    return re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")


def _case(item: Case, run: Run, *, heading: bool = True) -> list[str]:
    warning = item in SECTIONS[-1].cases
    lines = [f"### `{item.type}`", ""] if heading else []
    lines += [item.what, ""]
    if item.about:
        lines += [item.about, ""]
    shown = (
        item.show
        if item.show is not None
        else tuple(
            name
            for name, content in item.files.items()
            if isinstance(content, str) and not name.endswith(".py") and not item.about
        )
    )
    code, out, err = run(item.files, item.argv, item.stdout, item.hide)
    printed = err if item.argv else out
    for name in shown:
        content = item.files[name]
        assert isinstance(content, str)
        lines += [
            f"`{name}`:",
            "",
            f"```{_language(name)}",
            *_excerpt(name, content, printed),
            "```",
            "",
        ]
    for name, content in item.files.items():
        if name.endswith(".py"):
            lines += [f"`{name}`:", "", "```python", content.rstrip("\n"), "```", ""]
    command = (
        "dxscore " + " ".join(_quoted(a) for a in item.argv)
        if item.argv
        else "python " + next(name for name in item.files if name.endswith(".py"))
    )
    if item.stdout in ("/dev/full", "/dev/null"):
        command += f" > {item.stdout}"
    shown_lines = [line.rstrip() for line in printed.rstrip("\n").splitlines()]
    if len(shown_lines) > 20:  # a long run: its first and last lines
        shown_lines = [*shown_lines[:3], "…", *shown_lines[-3:]]
    lines += ["```console", f"$ {command}", *shown_lines, "```", ""]
    marker = item.marker or ("warning:" if warning else f"[{item.type}]")
    assert marker in printed, f"{item.type}: {command} printed\n{printed}"
    assert code == item.code, f"{item.type}: {command} exited {code}, not {item.code}\n{printed}"
    return [*lines, f"**Fix:** {item.fix}"]


def _language(name: str) -> str:
    return {"yaml": "yaml", "csv": "csv"}.get(name.rsplit(".", 1)[-1], "text")


def _quoted(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


def _excerpt(name: str, content: str, printed: str) -> list[str]:
    """The file, or for a long one the lines the messages are about, with a line either side."""
    lines = content.rstrip("\n").splitlines()
    if len(lines) <= 12:
        return lines
    places = {int(m) for m in re.findall(rf"^{re.escape(name)}:(\d+)", printed, re.M)}
    keep = {n for p in places for n in range(p - 2, p + 2) if 1 <= n <= len(lines)}
    out, last = [], 0
    for number in sorted(keep):
        if number != last + 1:
            out.append("…")
        out.append(lines[number - 1])
        last = number
    if last < len(lines):
        out.append("…")
    return out
