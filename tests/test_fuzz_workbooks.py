"""Workbooks whose XML parts are mutated at random: every one ends in values or in placed
problems, never an exception, whatever the sheet, the shared strings or the styles hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_fuzz import FUZZ, WORKED_SET, mutated
from test_hostile_corpus import make_hostile as mh

from dxscore.actuals import read_actuals
from dxscore.i18n import CATALOGUE

pytestmark = pytest.mark.slow  # fuzzing

STYLES = (
    f'<styleSheet xmlns="{mh.MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/>'
    '</numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>'
).encode()
ROWS = (
    mh.data_row(2)
    + mh.data_row(3, mh.cell("C3", "", shared=1), year=2023)
    + '<row r="4">'
    + mh.cell("A4", "", shared=0)  # reporting_online
    + mh.cell("B4", 2022)
    + '<c r="C4" s="1"><v>0.5</v></c></row>'
)
PARTS = {
    "xl/worksheets/sheet1.xml": mh.sheet_xml(
        ROWS, tail='<mergeCells count="1"><mergeCell ref="D2:E2"/></mergeCells>'
    ),
    "xl/sharedStrings.xml": mh.shared_strings(["reporting_online", "12"]),
    "xl/styles.xml": STYLES,
}


def workbook(path: Path, part: str, content: bytes) -> Path:
    parts = mh.book_parts(PARTS["xl/worksheets/sheet1.xml"], PARTS["xl/sharedStrings.xml"])
    parts["xl/styles.xml"] = STYLES
    parts["xl/_rels/workbook.xml.rels"] = mh.workbook_rels().replace(
        b"</Relationships>",
        f'<Relationship Id="rId9" Type="{mh.OFFICE}/styles" Target="styles.xml"/>'
        "</Relationships>".encode(),
    )
    parts[part] = content
    mh.write_zip(path, parts)
    return path


def test_the_unmutated_workbook_reads() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = workbook(Path(folder) / "b.xlsx", "xl/styles.xml", STYLES)
        actuals = read_actuals([path], [WORKED_SET])
    assert not actuals.problems, actuals.problems
    assert sorted((o.indicator, o.year, o.value) for o in actuals.observations) == [
        ("dx_rank", 2023, 12.0),
        ("dx_rank", 2024, 4.0),
        ("reporting_online", 2022, 50.0),  # 0.5 in a percentage format
    ]


@pytest.mark.parametrize("part", sorted(PARTS))
@FUZZ
@given(data=st.data())
def test_a_mutated_part_ends_in_values_or_placed_problems(
    part: str, data: st.DataObject, tmp_path: Path
) -> None:
    content = data.draw(mutated(PARTS[part]))
    path = workbook(tmp_path / "b.xlsx", part, content)
    actuals = read_actuals([path], [WORKED_SET])
    for problem in actuals.problems:
        assert problem.text("en") and problem.text("vi")
        if problem.type in WORKBOOK_TYPES:  # the CSV reader's own are the lead's to place
            assert problem.line is not None and problem.col is not None, problem


WORKBOOK_TYPES = {
    key.removeprefix("problem.").split(".")[0] for key in CATALOGUE if key.startswith("problem.")
} & {
    "not-a-workbook",
    "no-sheets",
    "sheet-part-missing",
    "bad-merged-range",
    "sheet-xml",
    "bad-row-number",
    "row-past-limit",
    "row-out-of-order",
    "bad-cell-reference",
    "cell-in-another-row",
    "column-past-limit",
    "cell-repeated",
    "cell-out-of-order",
    "cell-too-long",
    "bad-cell-style",
    "bad-cell-type",
    "bad-cell-value",
    "bad-shared-string",
    "bad-inline-string",
    "table-too-wide",
    "too-many-shared-strings",
    "shared-strings-too-large",
    "shared-string-too-long",
    "workbook-part-too-large",
    "merged-cells",
    "formula-without-value",
}


@FUZZ
@given(data=st.data())
def test_a_mutated_zip_ends_in_values_or_placed_problems(
    data: st.DataObject, tmp_path: Path
) -> None:
    good = workbook(tmp_path / "good.xlsx", "xl/styles.xml", STYLES).read_bytes()
    path = tmp_path / "b.xlsx"
    path.write_bytes(data.draw(mutated(good)))
    actuals = read_actuals([path], [WORKED_SET])
    for problem in actuals.problems:
        assert problem.text("en") and problem.text("vi")
        if problem.type in WORKBOOK_TYPES:
            assert problem.line is not None and problem.col is not None, problem
