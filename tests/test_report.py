"""`dxscore report`: every format, golden files, inert input text, safe writing."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from golden import DOCUMENTS, render
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from conftest import MINIMAL, ROOT, Cli
from dxscore.report_model import Report

DATA = Path(__file__).parent / "data"
WORKED = DATA / "worked.yaml"
ACTUALS = DATA / "worked-actuals.csv"

Write = Callable[..., Path]


@pytest.mark.parametrize("path", list(DOCUMENTS), ids=lambda p: p.name)
def test_golden_files_and_examples_are_current(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert path.read_text(encoding="utf-8") == render(path), (
        "regenerate with `python tests/golden.py` and review the diff"
    )


class Page(HTMLParser):
    """Collects what a browser would run or fetch, and the charts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.remote: list[str] = []
        self.charts: list[list[str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.remote.append(value)
            if name.startswith("on"):
                self.remote.append(f"{name}={value}")
        if tag == "svg":
            self.charts.append([])
        if tag == "circle" and self.charts:
            self.charts[-1].append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_with_one_chart_per_result_with_data(cli: Cli) -> None:
    result = cli("report", ACTUALS, "-t", WORKED, "-f", "html")
    assert result.code == 0
    page = Page()
    page.feed(result.out)
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert page.remote == []
    with_data = json.loads(cli("check", ACTUALS, "-t", WORKED, "-f", "json").out)["results"]
    expected = sum(1 for r in with_data if r["status"] != "no_data")
    assert len(page.charts) == expected == 11
    assert all(circles for circles in page.charts)  # every chart plots its observations
    assert "Commune records online" in "".join(page.text)


@pytest.mark.parametrize("name", ["r.csv", "r.xlsx"])
def test_explain_is_refused_where_it_would_add_nothing(cli: Cli, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    result = cli("report", ACTUALS, "-t", WORKED, "-o", out, "--explain")
    assert result.code == 2
    assert result.err.startswith("--explain: a "), result.err
    assert "--explain is for markdown, HTML and JSON" in result.err
    assert not out.exists()


def test_json_report_follows_its_schema(cli: Cli) -> None:
    result = cli("report", ACTUALS, "-t", WORKED, "-f", "json", "--explain")
    report = Report.model_validate_json(result.out)
    assert report.as_of == 2024 and len(report.results) == 12
    schema = cli("schema", "--report").out
    assert json.loads(schema)["title"] == "Report"
    assert (ROOT / "schema" / "report-v1.schema.json").read_text(encoding="utf-8") == schema
    # the published schema lets version 1 gain keys; the models here still catch a stray one
    assert '"additionalProperties": false' not in schema
    added = json.loads(result.out)
    added["results"][0]["new_key"] = 1
    with pytest.raises(ValidationError):
        Report.model_validate(added)


def test_json_carries_the_warnings_about_its_input(cli: Cli, write: Write) -> None:
    targets = write(MINIMAL, "t.yaml")
    actuals = write(
        "BÁO CÁO\nindicator,year,value\nrecords_online_commune,2023,0.9\n"
        "records_online_commune,2024,0.95\n",
        "fractions.csv",
    )
    for command in (("report", "-f", "json"), ("check", "-f", "json", "--fail-on", "never")):
        out = cli(*command, actuals, "-t", targets, "--lang", "vi").out
        document = json.loads(out)
        Report.model_validate(document)
        assert document["warnings"] == [
            {
                "file": str(actuals),
                "line": 2,
                "col": 1,
                "path": None,
                "type": "header-below",
                "message": "the table's header is on this line: the 1 line(s) above it (a title,"
                " a unit, a date) are not read",
            },
            {
                "file": str(actuals),
                "line": 3,
                "col": None,
                "path": None,
                "type": "looks-like-fraction",
                "message": "every value of records_online_commune (testcity) lies between 0 and 1"
                " (lines 3, 4) while its targets are percentages above 1: 0.9 is read as 0.9%;"
                " if 90% is meant, write 90",
            },
        ]
    clean = json.loads(cli("report", ACTUALS, "-t", WORKED, "-f", "json").out)
    assert [warning["type"] for warning in clean["warnings"]] == ["not-reported"]


def test_csv_opens_in_excel_and_has_a_row_per_result(cli: Cli) -> None:
    result = cli("report", ACTUALS, "-t", WORKED, "-f", "csv", "--lang", "vi")
    assert result.out.startswith("\ufefftarget_set,area,pillar,indicator,name,")
    rows = list(csv.DictReader(io.StringIO(result.out.lstrip("\ufeff"))))
    assert len(rows) == 12
    commune = next(
        r for r in rows if r["indicator"] == "records_online_commune" and r["target_year"] == "2025"
    )
    assert (commune["status"], commune["status_text"], commune["projected"]) == (
        "on_track",
        "↗ đúng tiến độ",
        "62.67",
    )


def test_csv_carries_what_json_does_in_decimals(cli: Cli, write: Write) -> None:
    """Tolerance and stretch were only in the worded target; a tiny actual read 1e-05, and a
    projection just below zero read -0.0."""
    targets = write(
        MINIMAL.replace("{min: 60}", "{min: 0.5, stretch: 0.75}").replace(
            "{about: 30}",
            "{about: 30}",  # its margin: 5% of 30
        ),
        "t.yaml",
    )
    actuals = write(
        "indicator,year,value\nrecords_online_commune,2023,0.004\n"
        "records_online_commune,2024,0.00001\ndigital_economy_share,2024,20\n",
        "a.csv",
    )
    out = cli("report", actuals, "-t", targets, "-f", "csv", "--year", "2025").out
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}
    commune, economy = rows["records_online_commune"], rows["digital_economy_share"]
    assert (commune["stretch"], commune["tolerance"]) == ("0.75", "")
    assert (economy["tolerance"], economy["stretch"]) == ("1.5", "")
    assert commune["actual"] == "0.00001"
    assert commune["projected"] == "0.0"  # -0.003993 rounded: not -0.0
    document = json.loads(cli("report", actuals, "-t", targets, "-f", "json", "--year", "2025").out)
    projected = {r["indicator"]: r["projected"] for r in document["results"]}
    assert str(projected["records_online_commune"]) == "0.0"
    assert out.splitlines()[0].endswith(",tolerance,stretch,estimate,awaiting,awaiting_text")


HOSTILE = "<script>alert(1)</script> | [bold]x[/bold] =cmd ~~struck~~"


def test_input_text_is_inert_in_every_format(cli: Cli, write: Write) -> None:
    targets = write(
        MINIMAL.replace("Commune records online", f'"{HOSTILE}"').replace(
            "Test City", "=HYPERLINK(1)"
        ),
        "evil.yaml",
    )
    actuals = write(
        f'indicator,year,value,area\nrecords_online_commune,2024,50,"{HOSTILE}"\n', "evil.csv"
    )
    out = {
        fmt: cli("report", actuals, "-t", targets, "-f", fmt, "--lang", "en").out
        for fmt in ("markdown", "html", "json", "csv")
    }
    assert re.search(r"(?<!\\)<script", out["markdown"]) is None  # escaped as \<script>
    inline_html = {
        token.content  # type: ignore[attr-defined]
        for token in _markdown_tokens(out["markdown"])
        if token.type == "html_inline"  # type: ignore[attr-defined]
    }
    assert inline_html <= OWN_HTML
    assert (
        "\\<script>alert(1)\\</script> \\| \\[bold\\]x\\[/bold\\] =cmd \\~\\~struck\\~\\~"
        in out["markdown"]
    )
    # in an HTML block (the quotes' summaries) markdown escapes would print: HTML's alone
    assert (
        "<details><summary>&lt;script&gt;alert(1)&lt;/script&gt; | [bold]x[/bold] =cmd"
        " ~~struck~~ (records_online_commune)</summary>" in out["markdown"]
    )
    page = Page()
    page.feed(out["html"])
    assert "script" not in page.tags
    assert HOSTILE in "".join(page.text)
    assert json.loads(out["json"])["results"][0]["area"] == HOSTILE
    rows = list(csv.reader(io.StringIO(out["csv"].lstrip("\ufeff"))))
    assert rows[1][4] == f"{HOSTILE}"  # starts with "<": harmless in a spreadsheet
    terminal = cli(
        "check", actuals, "-t", targets, "--fail-on", "never", env={"COLUMNS": "200"}
    ).out
    assert "[bold]x[/bold]" in terminal and "<script>" in terminal  # as written


# Markdown as written: escapes where markdown needs them, never an HTML entity -----------------

MARKDOWN_REPORTS = sorted(
    [*(ROOT / "examples").glob("report-*.md"), *(ROOT / "tests" / "golden").glob("*.md")]
)
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# the HTML dxscore itself writes into a markdown report: line breaks and small type in table
# cells, and the resolution's words folded under <details>
OWN_HTML = {"<br>", "<sub>", "</sub>"}


def _markdown_tokens(source: str) -> list[object]:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(source)
    return [*tokens, *(child for token in tokens for child in token.children or [])]


@pytest.mark.parametrize("path", MARKDOWN_REPORTS, ids=lambda p: p.name)
def test_a_markdown_report_reads_as_written_as_plain_text_and_rendered(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    for line in source.splitlines():  # the <details><summary> lines are HTML: entities belong
        if not line.startswith("<details><summary>"):
            assert ENTITY.search(line) is None, line
    for token in _markdown_tokens(source):
        kind, content = token.type, token.content  # type: ignore[attr-defined]
        if kind == "html_inline":
            assert content in OWN_HTML, (path.name, content)
        if kind == "html_block":
            assert content.startswith(("<details><summary>", "</details>")), (path.name, content)


def test_targets_and_sources_read_as_written_in_the_example_report() -> None:
    source = (ROOT / "examples" / "report-hanoi.md").read_text(encoding="utf-8")
    assert "| > 80% |" in source and "against > 40% ·" in source
    assert "<sub>broadband_household_coverage</sub>" in source  # an id reads as one


# text from input files: ASCII punctuation, letters, digits, Vietnamese and typographic marks
_CELL_TEXT = (
    st.lists(
        st.sampled_from(
            [*"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ", *"aZ09Đạứ≥≈·…½", "&amp;", "KH&ĐT", "1. "]
        ),
        max_size=12,
    )
    .map("".join)
    .filter(lambda value: value.strip() != "")
)


def _rendered_text(source: str) -> str:
    """What a reader sees of rendered markdown: its text, tags and entities gone."""
    from html import unescape

    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(source)
    return unescape(re.sub(r"<[^>]*>", "", html)).strip()


@given(_CELL_TEXT)
def test_markdown_text_renders_as_written_wherever_a_report_puts_it(value: str) -> None:
    from dxscore.render.markdown import text

    written = value.strip()
    inline = text(value)
    first = text(value, block_start=True)
    places = {
        "cell": f"| h |\n|---|\n| x<br><sub>{inline}</sub> | \n",
        "heading": f"### {inline}\n",
        "strong": f"1. **{inline}**: x\n",
        "paragraph": f"{first}  \n*meta*\n",
        "quote": f"   > {first}\n   > {first}\n",
        "list": f"- a:\n  - {first}: `x`\n",
    }
    expected = {
        "cell": f"h\nx{written}",
        "heading": written,
        "strong": f"{written}: x",
        "paragraph": f"{written}\nmeta",
        "quote": f"{written}\n{written}",
        "list": f"a:\n\n{written}: x",
    }
    for place, source in places.items():
        seen = re.sub(r"\n+", "\n", _rendered_text(source))
        assert seen == re.sub(r"\n+", "\n", expected[place]), (place, source)
    # and as plain text, what needs no escape is left alone
    for plain in ("> 80%", "KH&ĐT", "a < b", "records_online_commune", "#8", "C# ≥ 5"):
        assert text(plain) == plain


def test_csv_neutralises_formulas(cli: Cli, write: Write) -> None:
    targets = write(MINIMAL.replace("Commune records online", "\"=cmd|' /C calc'!A0\""), "f.yaml")
    actuals = write(
        "indicator,year,value,area\n"
        + "".join(
            f"records_online_commune,2024,50,{area}\n" for area in ("@SUM(1)", "-2+3", "+cmd")
        ),
        "f.csv",
    )
    rows = list(
        csv.DictReader(
            io.StringIO(cli("report", actuals, "-t", targets, "-f", "csv").out.lstrip("\ufeff"))
        )
    )
    assert rows[0]["name"] == "'=cmd|' /C calc'!A0"
    assert {row["area"] for row in rows} == {"'@SUM(1)", "'-2+3", "'+cmd"}


@pytest.mark.parametrize(
    ("name", "start"),
    [("r.md", "# "), ("r.html", "<!DOCTYPE html>"), ("r.json", "{"), ("r.csv", "\ufeff")],
)
def test_the_extension_chooses_the_format(cli: Cli, tmp_path: Path, name: str, start: str) -> None:
    out = tmp_path / name
    result = cli("report", ACTUALS, "-t", WORKED, "-o", out)
    assert result.code == 0  # a report documents; it does not gate, even with a target missed
    assert out.read_text(encoding="utf-8").startswith(start)
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


def test_report_refuses_bad_outputs(cli: Cli, tmp_path: Path) -> None:
    copy = tmp_path / "actuals.csv"
    copy.write_bytes(ACTUALS.read_bytes())
    before = copy.read_bytes()
    result = cli("report", copy, "-t", WORKED, "-o", copy, "-f", "csv")
    assert result.code == 2 and "refusing to write over an input file" in result.err
    assert copy.read_bytes() == before
    assert (
        "refusing to write over an input file"
        in cli("report", copy, "-t", WORKED, "-o", WORKED, "-f", "csv").err
    )
    assert (
        "cannot tell the format" in cli("report", copy, "-t", WORKED, "-o", tmp_path / "r.pdf").err
    )
    assert (
        "this is a folder"
        in cli("report", copy, "-t", WORKED, "-o", tmp_path, "-f", "markdown").err
    )
    assert "does not exist" in cli("report", copy, "-t", WORKED, "-o", tmp_path / "no" / "r.md").err
    assert (
        f"{copy} is a file, not a folder"
        in cli("report", copy, "-t", WORKED, "-o", copy / "r.md").err
    )


def test_a_replaced_report_keeps_its_permissions(cli: Cli, tmp_path: Path) -> None:
    private = tmp_path / "report.md"
    assert cli("report", ACTUALS, "-t", WORKED, "-o", private, "--as-of", "2023").code == 0
    private.chmod(0o600)
    assert cli("report", ACTUALS, "-t", WORKED, "-o", private).code == 0
    assert private.stat().st_mode & 0o777 == 0o600
    assert "As of 2024" in private.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["r.md", "r.html", "r.json", "r.csv"])
def test_report_replaces_an_older_report_whole_and_says_so(
    cli: Cli, tmp_path: Path, name: str
) -> None:
    out = tmp_path / name
    first = cli("report", ACTUALS, "-t", WORKED, "-o", out, "--lang", "vi", "--as-of", "2023")
    assert first.code == 0 and first.err.endswith(f"đã ghi {out}\n")
    again = cli("report", ACTUALS, "-t", WORKED, "-o", out)
    assert again.code == 0 and again.err.endswith(f"\nreplaced {out}\n")
    fmt = {".md": "markdown"}.get(out.suffix, out.suffix[1:])
    fresh = cli("report", ACTUALS, "-t", WORKED, "-f", fmt).out  # click's runner reads \r\n as \n
    assert out.read_bytes().decode("utf-8").replace("\r\n", "\n") == fresh


def test_report_keeps_a_file_it_did_not_write_unless_forced(cli: Cli, tmp_path: Path) -> None:
    """Found by an analyst campaign: -o other-actuals.csv replaced the analyst's data."""
    data = tmp_path / "actuals-2023.csv"
    data.write_text("indicator,year,value\nrecords_online_commune,2023,40\n", encoding="utf-8")
    refused = cli("report", ACTUALS, "-t", WORKED, "-o", data)
    assert refused.code == 2
    assert f"{data}: the file exists and is not a dxscore report, so it is kept" in refused.err
    assert data.read_text(encoding="utf-8").endswith(",2023,40\n")
    forced = cli("report", ACTUALS, "-t", WORKED, "-o", data, "--force")
    assert forced.code == 0 and forced.err.endswith(f"\nreplaced {data}\n")
    assert data.read_text(encoding="utf-8-sig").startswith("target_set,area,pillar")
    empty = tmp_path / "empty.md"
    empty.touch()
    assert cli("report", ACTUALS, "-t", WORKED, "-o", empty).code == 0  # nothing to lose


@pytest.mark.parametrize(
    "kept",
    [
        (ROOT / "targets" / "haiphong.yaml").read_text(encoding="utf-8"),  # starts `dxscore: 1`
        "Meeting notes: run dxscore check on the May figures\n",
        '{"tool": "jq", "note": "compare with dxscore"}\n',
    ],
)
def test_report_keeps_a_file_that_only_mentions_dxscore(
    cli: Cli, tmp_path: Path, kept: str
) -> None:
    """Found by a review: any file naming dxscore in its first 8 KiB was taken for a report."""
    mine = tmp_path / "mine.md"
    mine.write_text(kept, encoding="utf-8")
    refused = cli("report", ACTUALS, "-t", WORKED, "-o", mine)
    assert refused.code == 2 and "is not a dxscore report, so it is kept" in refused.err
    assert mine.read_text(encoding="utf-8") == kept


def test_vietnamese_documents_are_nfc(cli: Cli) -> None:
    import unicodedata

    for fmt in ("markdown", "html", "csv"):
        out = cli("report", ACTUALS, "-t", WORKED, "-f", fmt, "--lang", "vi").out
        assert unicodedata.is_normalized("NFC", out), fmt
        assert "Chính quyền số" in out or fmt == "csv"


def test_the_guide_shows_real_pieces_of_the_example_report() -> None:
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    pieces = [block.split("```", 1)[0] for block in guide.split("```markdown\n")[1:]]
    assert pieces
    example = (ROOT / "examples" / "report-hanoi.md").read_text(encoding="utf-8")
    for piece in pieces:
        assert piece.strip() in example, piece


def test_large_counts_read_as_numbers_not_exponents(cli: Cli, write: Write) -> None:
    """A count of enterprises (1,500,000) is worded 1500000 in every document, never 1.5e+06;
    the CSV carries the target files' numbers unrounded, for a spreadsheet to compute with."""
    targets = write(
        MINIMAL.replace(
            "unit: percent\n      targets:\n        2025: {min: 60}",
            "unit: count\n      targets:\n        2025: {min: 1500000}",
        )
        .replace("2030: {min: 80}", "2030: {min: 0.125}")
        .replace("id: records_online_commune", "id: digital_enterprises"),
        "count.yaml",
    )
    actuals = write(
        "indicator,year,value\ndigital_enterprises,2021,1000000\n"
        "digital_enterprises,2023,1234567\n",
        "count.csv",
    )
    shown = cli(
        "check", actuals, "-t", targets, "--explain", "--fail-on", "never", env={"COLUMNS": "200"}
    ).out
    for text in ("≥ 1500000", "1234567 (2023)", "slope +117283.5/yr → 1469134 in 2025"):
        assert text in shown
    markdown = cli("report", actuals, "-t", targets, "-f", "markdown").out
    assert "≥ 1500000" in markdown and "1234567" in markdown
    for document in (shown, markdown):
        assert "e+0" not in document
    rows = list(
        csv.DictReader(
            io.StringIO(cli("report", actuals, "-t", targets, "-f", "csv").out.lstrip("\ufeff"))
        )
    )
    values = {r["target_year"]: r["target_value"] for r in rows if r["unit"] == "count"}
    assert values == {"2025": "1500000", "2030": "0.125"}


def test_rounding_never_makes_a_target_look_met(cli: Cli, write: Write) -> None:
    """Found by an export campaign: 99.995 against "≥ 100%" read 100%, a 99.5% attainment read
    a full bar and 100%, a score short of 100 read 100.0, and "> 99.995%" read "> 100%"."""
    targets = write(
        MINIMAL.replace("{min: 60}", "{min: 100}").replace("{min: 80}", "{above: 99.995}"),
        "near.yaml",
    )
    actuals = write(
        "indicator,year,value\nrecords_online_commune,2023,99.5\n"
        "records_online_commune,2024,99.995\n",
        "near.csv",
    )
    wide = {"COLUMNS": "200", "NO_COLOR": "1"}
    shown = cli(
        "check", actuals, "-t", targets, "--pillar", "government", "--fail-on", "never", env=wide
    ).out
    rows = [line.split() for line in shown.splitlines() if line.startswith("Commune records")]
    assert rows[0][3:9] == ["≥", "100%", "99.995%", "(2024)", "100.49%", "████▉"]
    assert rows[0][9:10] == ["99%"]  # not 100%: the target is not reached
    assert rows[1][3:7] == [">", "99.995%", "99.995%", "(2024)"]  # not "> 100%" nor "100%"
    assert "score 99.9 · data for 1 of 1" in shown  # 99.99…, not 100.0
    markdown = cli("report", actuals, "-t", targets, "--pillar", "government", "-f", "markdown").out
    assert "| ≥ 100% | 99.995% (2024) |" in markdown and "| > 99.995% |" in markdown
    explained = cli(
        "check",
        actuals,
        "-t",
        targets,
        "--pillar",
        "government",
        "--explain",
        "--year",
        "2025",
        "--fail-on",
        "never",
        env=wide,
    ).out  # the trail and the chart's labels word values as the table does
    assert "2024: 99.995%; current 99.995% (2024)" in explained
    html = cli("report", actuals, "-t", targets, "--pillar", "government", "-f", "html").out
    assert "<title>2024: 99.995%</title>" in html


def test_a_projection_near_its_target_shows_the_digits_that_keep_it_short(
    cli: Cli, write: Write
) -> None:
    """59.99 then 59.994 project to 59.998000000000005 for 2025: that reads 59.998%, on its
    side of "≥ 60%", neither 60% (which looks met) nor the float's every digit."""
    actuals = write(
        "indicator,year,value\nrecords_online_commune,2023,59.99\n"
        "records_online_commune,2024,59.994\n",
        "near.csv",
    )
    targets = write(MINIMAL, "near.yaml")
    markdown = cli("report", actuals, "-t", targets, "--year", "2025", "-f", "markdown").out
    assert "| ≥ 60% | 59.99% (2024) | 59.998% |" in markdown
    assert "59.99800" not in markdown
    # found by a review: --explain worded the same projection "→ 60% in 2025"
    explained = cli("check", actuals, "-t", targets, "--year", "2025", "--explain").out
    assert "→ 59.998% in 2025" in explained and "→ 60% in 2025" not in explained
