"""Documents kept in the repository and checked against a fresh rendering by the tests:
golden files for the renderers and the example reports. Regenerate them on purpose, and
review the diff: `python tests/golden.py`.

They are made as of a fixed date (SOURCE_DATE_EPOCH) and from paths relative to the
repository, so that neither today's date nor this machine's folders land in a committed file.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from dxscore.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
TARGETS = ROOT / "targets"
EXAMPLES = ROOT / "examples"
# 2026-06-30 12:00 UTC: the date every golden file and example says it was made
SOURCE_DATE_EPOCH = "1782820800"

HANOI = EXAMPLES / "hanoi-actuals.csv"
HANOI_VI = EXAMPLES / "hanoi-actuals.vi.csv"
HAIPHONG = EXAMPLES / "haiphong-actuals.csv"
HAIPHONG_VI = EXAMPLES / "haiphong-actuals.vi.csv"
DISTRICTS = EXAMPLES / "hanoi-districts.csv"
DISTRICTS_VI = EXAMPLES / "hanoi-districts.vi.csv"

# path → (actuals, targets, extra options)
DOCUMENTS: dict[Path, tuple[tuple[Path, ...], Path, tuple[str, ...]]] = {
    ROOT / "tests/golden/worked.en.md": (
        (DATA / "worked-actuals.csv",),
        DATA / "worked.yaml",
        ("--lang", "en"),
    ),
    ROOT / "tests/golden/worked.vi.md": (
        (DATA / "worked-actuals.csv",),
        DATA / "worked.yaml",
        ("--lang", "vi"),
    ),
    ROOT / "tests/golden/worked.en.csv": (
        (DATA / "worked-actuals.csv",),
        DATA / "worked.yaml",
        ("--lang", "en", "-f", "csv"),
    ),
    ROOT / "tests/golden/worked.explain.en.md": (
        (DATA / "worked-actuals.csv",),
        DATA / "worked.yaml",
        ("--lang", "en", "--explain"),
    ),
    EXAMPLES / "report-hanoi.md": ((HANOI,), TARGETS, ("--lang", "en")),
    EXAMPLES / "report-hanoi.html": ((HANOI,), TARGETS, ("--lang", "en", "-f", "html")),
    EXAMPLES / "report-hanoi.vi.md": ((HANOI_VI,), TARGETS, ("--lang", "vi")),
    EXAMPLES / "report-hanoi.vi.html": ((HANOI_VI,), TARGETS, ("--lang", "vi", "-f", "html")),
    EXAMPLES / "report-haiphong.md": ((HAIPHONG,), TARGETS, ("--lang", "en")),
    EXAMPLES / "report-haiphong.html": ((HAIPHONG,), TARGETS, ("--lang", "en", "-f", "html")),
    EXAMPLES / "report-haiphong.vi.md": ((HAIPHONG_VI,), TARGETS, ("--lang", "vi")),
    EXAMPLES / "report-haiphong.vi.html": (
        (HAIPHONG_VI,),
        TARGETS,
        ("--lang", "vi", "-f", "html"),
    ),
    # the city-wide values and four districts': the city's full report and the districts' league
    EXAMPLES / "report-hanoi-districts.md": ((HANOI, DISTRICTS), TARGETS, ("--lang", "en")),
    EXAMPLES / "report-hanoi-districts.html": (
        (HANOI, DISTRICTS),
        TARGETS,
        ("--lang", "en", "-f", "html"),
    ),
    EXAMPLES / "report-hanoi-districts.vi.md": (
        (HANOI_VI, DISTRICTS_VI),
        TARGETS,
        ("--lang", "vi"),
    ),
    EXAMPLES / "report-hanoi-districts.vi.html": (
        (HANOI_VI, DISTRICTS_VI),
        TARGETS,
        ("--lang", "vi", "-f", "html"),
    ),
}

# Workbooks: compared by what they hold (sheets, cells, formats, fills, panes, filters), not
# as bytes, which depend on zlib and on whether openpyxl finds lxml
WORKBOOKS: dict[Path, tuple[tuple[Path, ...], Path, tuple[str, ...]]] = {
    EXAMPLES / "report-hanoi.xlsx": ((HANOI,), TARGETS, ("--lang", "en", "-f", "xlsx")),
    EXAMPLES / "report-hanoi.vi.xlsx": ((HANOI_VI,), TARGETS, ("--lang", "vi", "-f", "xlsx")),
    EXAMPLES / "report-haiphong.xlsx": ((HAIPHONG,), TARGETS, ("--lang", "en", "-f", "xlsx")),
    EXAMPLES / "report-hanoi-districts.xlsx": (
        (HANOI, DISTRICTS),
        TARGETS,
        ("--lang", "en", "-f", "xlsx"),
    ),
}


def _invoke(spec: tuple[tuple[Path, ...], Path, tuple[str, ...]]) -> Any:
    """The document as dxscore writes it now, to standard output (so nothing is written), from
    paths relative to the repository (run from its root)."""
    actuals, targets, options = spec
    relative = [str(p.relative_to(ROOT)) for p in actuals]
    result = CliRunner().invoke(
        app,
        ["report", *relative, "-t", str(targets.relative_to(ROOT)), "-o", "-", *options],
        env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH},
    )
    assert result.exit_code == 0, result.output
    return result


def render(path: Path) -> str:
    return _invoke(DOCUMENTS[path]).stdout  # click's runner reads \r\n as \n, as read_text does


def render_workbook(path: Path) -> bytes:
    return _invoke(WORKBOOKS[path]).stdout_bytes


def entries(workbook: bytes) -> dict[str, bytes]:
    """A workbook's entries by name (the XML inside), for a search through what it holds."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def contents(workbook: bytes) -> dict[str, object]:
    """What a reader of the workbook sees: per sheet its panes, filter, column widths and every
    cell's value, number format, fill and boldness; and the document properties."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(workbook))
    seen: dict[str, object] = {
        "properties": (book.properties.creator, book.properties.created, book.properties.modified)
    }
    for sheet in book:
        seen[sheet.title] = (
            sheet.freeze_panes,
            sheet.auto_filter.ref,
            {k: d.width for k, d in sheet.column_dimensions.items()},
            [
                [(c.value, c.number_format, c.fill.fgColor.rgb, c.font.b) for c in row]
                for row in sheet.iter_rows()
            ],
        )
    return seen


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    for path in DOCUMENTS:
        path.write_text(render(path), encoding="utf-8", newline="")
        sys.stdout.write(f"wrote {path.relative_to(ROOT)}\n")
    for path in WORKBOOKS:
        path.write_bytes(render_workbook(path))
        sys.stdout.write(f"wrote {path.relative_to(ROOT)}\n")
