"""Documents to hand upward (issue 21): the summary first, what a report was made from, each
indicator's values year by year, the audit trail as an appendix, charts that read on paper,
and the Excel workbook."""

from __future__ import annotations

import csv
import datetime
import hashlib
import html
import io
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from golden import SOURCE_DATE_EPOCH, WORKBOOKS, contents, entries, render_workbook

from conftest import MINIMAL, ROOT, Cli
from dxscore.i18n import Lang
from dxscore.observations import Observation
from dxscore.provenance import InputFile, Provenance, provenance
from dxscore.render.charts import svg
from dxscore.render.html import as_html
from dxscore.render.markdown import as_markdown
from dxscore.render.workbook import as_workbook
from dxscore.scoring import Result, Scorecard, score
from dxscore.targets import load_target_sets

DATA = Path(__file__).parent / "data"
WORKED = DATA / "worked.yaml"
ACTUALS = DATA / "worked-actuals.csv"
EXAMPLES = ROOT / "examples"
FIXED = {"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
MADE = Provenance(
    made=datetime.datetime(2026, 6, 30, 12, tzinfo=datetime.UTC),
    version="9.9",
    actuals=(InputFile("a.csv", "ab" * 32),),
    targets=(InputFile("t.yaml", None),),
)
SVG = "{http://www.w3.org/2000/svg}"

Write = Callable[..., Path]


def scorecard(
    rows: list[tuple[str, int, float | bool, bool]],
    targets: Path = WORKED,
    *,
    as_of: int | None = None,
    area: str | None = None,
) -> Scorecard:
    """A scorecard of the worked target set from (indicator, year, value, estimate) rows."""
    sets = [item.target_set for item in load_target_sets([targets])]
    observations = [
        Observation(sets[0].id, area, indicator, year, value, "a.csv", line, estimate=estimate)
        for line, (indicator, year, value, estimate) in enumerate(rows, 2)
    ]
    return score(sets, observations, as_of=as_of)


def result_of(card: Scorecard, indicator: str, year: int) -> Result:
    return next(r for r in card.results if r.indicator.id == indicator and r.target_year == year)


# What the report was made from ----------------------------------------------------------------


def test_provenance_hashes_each_input_once_and_takes_the_fixed_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "a.csv"
    data.write_bytes(b"indicator,year,value\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1782820800")
    made = provenance([data, data, "-"], [str(WORKED)], "1.2")
    assert made.made == datetime.datetime(2026, 6, 30, 12, tzinfo=datetime.UTC)
    assert made.actuals == (
        InputFile(str(data), hashlib.sha256(b"indicator,year,value\n").hexdigest()),
        InputFile("-", None),  # standard input cannot be read again
    )
    assert made.targets[0].sha256 == hashlib.sha256(WORKED.read_bytes()).hexdigest()
    assert made.version == "1.2"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_report_says_when_and_from_what_it_was_made(cli: Cli, fmt: str) -> None:
    out = cli("report", ACTUALS, "-t", WORKED, "-f", fmt, env=FIXED).out
    assert "2026-06-30 12:00 (UTC)" in out
    for path in (ACTUALS, WORKED):
        assert path.name in out
        assert hashlib.sha256(path.read_bytes()).hexdigest() in out
    assert "Values as of" in out and "none (the 14 values used are all measured values)" in out
    vi = cli("report", ACTUALS, "-t", WORKED, "-f", fmt, "--lang", "vi", env=FIXED).out
    assert "30/06/2026 12:00 (UTC)" in vi and "Số liệu tính đến năm" in vi


@pytest.mark.parametrize("render", [as_markdown, as_html])
def test_estimates_are_counted_and_marked_wherever_their_value_appears(
    render: Callable[..., str],
) -> None:
    card = scorecard(
        [
            ("digital_economy_grdp_share", 2024, 28.0, False),
            ("digital_economy_grdp_share", 2025, 29.5, True),
            ("records_online_commune", 2024, 55.0, False),
        ],
        as_of=2025,
    )
    out = render(card, "en", MADE)
    assert "1 of the 3 values used are estimates, marked “est.”" in out
    assert "29.5% (2025, est.)" in out  # the actual, in the summary and the tables
    assert "29.5% (est.)" in out  # the year-by-year series
    assert "the 2025 value is an estimate; the measured value is not reported yet" in out
    vi = render(card, "vi", MADE)
    assert "29,5% (2025, ước)" in vi and "29,5% (ước)" in vi


def test_the_report_for_the_repository_holds_no_path_of_this_machine() -> None:
    for path in [*EXAMPLES.glob("report-*"), *(ROOT / "tests" / "golden").iterdir()]:
        data = path.read_bytes()
        blob = b"".join(entries(data).values()) if path.suffix == ".xlsx" else data
        assert str(ROOT).encode() not in blob, path
        if path.suffix != ".csv":  # made as of the fixed date, whatever today's is
            assert b"2026-06-30" in blob or b"30/06/2026" in blob, path


def _document_text(path: Path) -> str:
    """What a report says, as text: a workbook's cells, row by row; any other file as read."""
    if path.suffix == ".html":  # as read: the entities of HTML's escaping undone
        return html.unescape(path.read_text(encoding="utf-8"))
    if path.suffix != ".xlsx":
        return path.read_text(encoding="utf-8")
    book = openpyxl.load_workbook(path)
    return "\n".join(
        " ".join(str(value) for value in row if value is not None)
        for sheet in book
        for row in sheet.iter_rows(values_only=True)
    )


@pytest.mark.parametrize("suffix", [".md", ".html", ".xlsx", ".json"])
def test_bundled_target_files_are_named_as_bundled_not_by_where_dxscore_is_installed(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    from dxscore import __version__
    from dxscore.targets import bundled_targets_dir

    monkeypatch.chdir(tmp_path)  # no ./targets/ here: the bundled files are the ones found
    monkeypatch.delenv("DXSCORE_TARGETS", raising=False)
    (tmp_path / "a.csv").write_bytes((EXAMPLES / "hanoi-actuals.csv").read_bytes())
    sha = hashlib.sha256((bundled_targets_dir() / "hanoi.yaml").read_bytes()).hexdigest()
    for options, lang, shown in (
        ((), "en", f"hanoi.yaml (bundled with dxscore {__version__})"),
        (("--targets", "bundled"), "vi", f"hanoi.yaml (có sẵn trong dxscore {__version__})"),
    ):
        out = tmp_path / f"report{suffix}"
        result = cli("report", "a.csv", *options, "-o", out, "--lang", lang, "--force")
        assert result.code == 0, result
        said = _document_text(out)
        assert str(bundled_targets_dir()) not in said
        assert str(Path(__file__).parent.parent) not in said  # nor this checkout's folder
        if suffix != ".json":  # JSON names no file (its explain names the actuals)
            assert shown in said and sha in said


def test_a_target_file_given_by_the_user_keeps_the_path_it_was_given_by(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    mine = tmp_path / "mine" / "hanoi.yaml"
    mine.parent.mkdir()
    mine.write_bytes((ROOT / "targets" / "hanoi.yaml").read_bytes())
    (tmp_path / "a.csv").write_bytes((EXAMPLES / "hanoi-actuals.csv").read_bytes())
    out = cli("report", "a.csv", "-t", "mine/hanoi.yaml", "--lang", "en").out
    assert "  - mine/hanoi.yaml: `" in out and "bundled" not in out


# What was said reading the input, in the document as well as on the terminal ------------------

FRACTIONS = (
    "BÁO CÁO CHUYỂN ĐỔI SỐ\n"
    "indicator,year,value\n"
    "records_online_commune,2023,0.9\n"
    "records_online_commune,2024,0.95\n"
)
WARNED = {
    "en": (
        "Warnings about the input",
        "every value of records_online_commune (testcity) lies between 0 and 1 (lines 3, 4)",
        "the table's header is on this line: the 1 line(s) above it",
    ),
    "vi": (
        "Cảnh báo về dữ liệu đầu vào",
        "mọi giá trị của records_online_commune (testcity) đều nằm trong khoảng 0–1 (dòng 3, 4)",
        "dòng tiêu đề của bảng ở dòng này: 1 dòng phía trên",
    ),
}


@pytest.mark.parametrize("suffix", [".md", ".html", ".xlsx"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_document_carries_the_warnings_about_its_input_after_the_summary(
    cli: Cli, write: Write, tmp_path: Path, suffix: str, lang: str
) -> None:
    targets = write(MINIMAL, "t.yaml")
    actuals = write(FRACTIONS, "fractions.csv")
    out = tmp_path / f"report{suffix}"
    result = cli("report", actuals, "-t", targets, "-o", out, "--lang", lang)
    assert result.code == 0, result
    heading, fraction, header = WARNED[lang]
    assert fraction in result.err  # said on the terminal, as before
    said = _document_text(out)
    assert said.count(heading) == 1
    assert fraction in said and header in said
    assert f"{actuals}:3" in said and f"{actuals}:2:1" in said  # the file and the line
    summary = {"en": "Summary", "vi": "Tổng hợp"}[lang]
    about = {"en": "About this report", "vi": "Thông tin về báo cáo"}[lang]
    assert said.index(about) < said.index(heading) < said.index(fraction)
    if suffix == ".xlsx":  # on the summary sheet, the first
        sheet = openpyxl.load_workbook(out).worksheets[0]
        assert sheet.title == summary
        assert any(fraction in str(row[1]) for row in _rows(sheet))
    else:
        assert said.index(summary) < said.index(about)


@pytest.mark.parametrize("suffix", [".md", ".html", ".xlsx"])
def test_a_document_without_warnings_has_no_section_for_them(
    cli: Cli, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"report{suffix}"
    assert (
        cli("report", EXAMPLES / "hanoi-actuals.csv", "-t", ROOT / "targets", "-o", out).code == 0
    )
    assert "Warnings about the input" not in _document_text(out)


# Summary first ----------------------------------------------------------------------------------


def test_the_summary_comes_first_with_counts_and_the_targets_furthest_behind(cli: Cli) -> None:
    out = cli("report", ACTUALS, "-t", WORKED, "--lang", "en", env=FIXED).out
    summary = out.index("## Summary")
    assert summary < out.index("## About this report") < out.index("### Overall · score")
    year = out[out.index("### Target year 2025", summary) :]
    year = year[: year.index("###", 5)]
    assert "**Score 81.6 of 100 · data for 88% of the targets**" in year
    assert "✔ 2 achieved · ↗ 3 on track · ⚠ 2 at risk · ✘ 0 missed · · 1 no data" in year
    behind = re.findall(r"^\d\. \*\*(.+?)\*\*: (.+?) · ([✘⚠] [a-z ]+) ·", year, re.MULTILINE)
    assert behind == [  # at risk, the lowest attainment first
        ("E-government completed", "not done (2024) against done", "⚠ at risk"),
        (
            "Labour productivity growth",
            "6.5%/yr (2024) against ≥ 7%/yr (stretch 7.5%/yr)",
            "⚠ at risk",
        ),
    ]
    assert "   > từ 7 - 7,5%" in year  # each with the resolution's sentence
    first = out[out.index("### Target year 2024", summary) :]
    assert "1. **Reporting online**: 90% (2024) against ≥ 100% · ✘ missed" in first


def test_the_furthest_behind_are_missed_then_at_risk_by_attainment() -> None:
    card = scorecard(
        [
            ("records_online_commune", 2025, 50.0, False),  # missed, 83%
            ("inspections_online", 2025, 10.0, False),  # missed, 20%
            ("digital_economy_grdp_share", 2024, 5.0, False),  # at risk, 17%
            ("epayment_account_share", 2024, 51.0, False),  # achieved
            ("dx_rank", 2024, 50.0, False),  # at risk, 10%
        ],
        as_of=2025,
    )
    out = as_markdown(card, "en", MADE)
    summary = out[out.index("### Target year 2025") : out.index("### Target year 2030")]
    names = re.findall(r"^\d\. \*\*(.+?)\*\*", summary, re.MULTILINE)
    assert (
        names
        == [
            "Inspections online",
            "Commune records online",
            "DX rank",
            "Digital economy share of GRDP",
            "E-government completed",
        ][: len(names)]
    )
    assert names[:2] == ["Inspections online", "Commune records online"]  # the missed first


def test_the_summarys_total_row_says_what_it_is(cli: Cli) -> None:
    for fmt in ("markdown", "html"):
        out = cli("report", ACTUALS, "-t", WORKED, "-f", fmt, "--lang", "en").out
        assert "All pillars (mean)" in out and "Target set" not in out
        vi = cli("report", ACTUALS, "-t", WORKED, "-f", fmt, "--lang", "vi").out
        assert "Bình quân các trụ cột" in vi and "Toàn bộ chỉ tiêu" not in vi


@pytest.mark.parametrize("name", ["report-hanoi-districts.md", "report-hanoi-districts.html"])
def test_the_league_of_areas_comes_before_the_appendix_of_quotes(name: str) -> None:
    out = (EXAMPLES / name).read_text(encoding="utf-8")
    league = out.index("areas ranked, target year 2025")
    assert out.index("Summary") < league < out.index("The targets as the document words them")
    assert league < out.index("Scores by pillar and target year")  # before the city's details
    assert "Hanoi, by area · target year 2025" in out  # the districts in the summary too
    assert "Sóc Sơn" in out[: out.index("About this report")]  # the weakest, named


# Each indicator's values year by year, and the audit trail ---------------------------------------


def test_each_indicator_shows_its_values_year_by_year(cli: Cli) -> None:
    out = cli("report", ACTUALS, "-t", WORKED, "--lang", "en").out
    series = out[out.index("## Values reported, year by year") :]
    assert series.splitlines()[2] == "| Indicator | 2022 | 2023 | 2024 |"
    assert "| DX rank<br><sub>dx_rank</sub> | #24 | #12 | #8 |" in series
    assert (
        "| Commune records online<br><sub>records_online_commune</sub> | 40% | 48% | 55% |"
        in series
    )


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_explain_adds_the_audit_trail_as_an_appendix(cli: Cli, fmt: str) -> None:
    plain = cli("report", ACTUALS, "-t", WORKED, "-f", fmt).out
    result = cli("report", ACTUALS, "-t", WORKED, "-f", fmt, "--explain")
    assert result.code == 0
    out = result.out
    assert "Appendix: how each verdict was reached" in out and "Appendix" not in plain
    appendix = out[out.index("Appendix: how each verdict was reached") :]
    assert (
        "least-squares slope +7.5/yr → 62.67% in 2025 (a line through 3 years of values)"
        in appendix
    )
    assert "observations: 2022: 40%, 2023: 48%, 2024: 55%" in appendix
    assert appendix.index("Appendix") < appendix.index("The targets as the document words them")


# Charts that read on paper ----------------------------------------------------------------------


def _chart(result: Result, lang: Lang = "en") -> ET.Element:
    drawn = svg(result, lang)
    assert drawn is not None
    return ET.fromstring(drawn)


def _texts(chart: ET.Element, css: str) -> list[str]:
    return [
        "".join(e.itertext())
        for e in chart.iter(f"{SVG}text")
        if css in (e.get("class") or "").split()
    ]


def _y(chart: ET.Element, tag: str, css: str) -> list[float]:
    return [
        float(e.get("cy") or e.get("y") or 0)
        for e in chart.iter(f"{SVG}{tag}")
        if css in (e.get("class") or "").split()
    ]


def test_a_chart_has_its_scale_years_labelled_values_target_trend_and_status() -> None:
    card = scorecard(
        [
            ("records_online_commune", 2022, 40.0, False),
            ("records_online_commune", 2023, 48.0, False),
            ("records_online_commune", 2024, 55.0, False),
        ]
    )
    chart = _chart(result_of(card, "records_online_commune", 2025))
    assert _texts(chart, "tick") == ["0%", "20%", "40%", "60%", "80%"]  # a scale with its unit
    assert _texts(chart, "year") == ["2022", "2023", "2024", "2025"]
    assert _texts(chart, "value-label") == ["40%", "48%", "55%"]  # every value labelled
    assert _texts(chart, "target-label") == ["≥ 60%"] and _texts(chart, "target-word") == ["target"]
    assert _texts(chart, "trend-label") == ["62.67%"]
    trend = next(e for e in chart.iter(f"{SVG}line") if "trend" in (e.get("class") or "").split())
    assert float(trend.get("x2") or 0) == max(
        float(e.get("x") or 0) for e in chart.iter(f"{SVG}text") if "year" in (e.get("class") or "")
    )  # dashed (by its class) to the target year
    status = next(e for e in chart.iter(f"{SVG}text") if "status" in (e.get("class") or ""))
    assert "".join(status.itertext()) == "↗ on track"  # symbol and word,
    assert status.get("class") == "status on_track"  # and the color its class gives
    vi = _chart(result_of(card, "records_online_commune", 2025), "vi")
    assert _texts(vi, "trend-label") == ["62,67%"] and _texts(vi, "status") == ["↗ đúng tiến độ"]


def test_a_single_value_stands_where_it_is_against_its_target() -> None:
    """Before, '78% against ≥ 100%' and '0.12% against ≥ 40%' drew the same picture."""
    small = _chart(
        result_of(
            scorecard([("inspections_online", 2024, 0.12, False)]), "inspections_online", 2025
        )
    )
    large = _chart(
        result_of(
            scorecard([("inspections_online", 2024, 48.0, False)]), "inspections_online", 2025
        )
    )
    for chart, share in ((small, 0.12 / 50), (large, 48 / 50)):
        zero = _y(chart, "text", "tick")[0] - 3.5  # the 0% gridline
        value = _y(chart, "circle", "value")[0]
        target = _y(chart, "rect", "target-mark")[0] + 2
        assert (zero - value) / (zero - target) == pytest.approx(share, abs=0.01)
    assert _texts(small, "value-label") == ["0.12%"]


def test_ranks_are_drawn_with_number_one_at_the_top() -> None:
    card = scorecard([("dx_rank", 2022, 24.0, False), ("dx_rank", 2024, 8.0, False)])
    chart = _chart(result_of(card, "dx_rank", 2025))
    first, last = _y(chart, "circle", "value")
    assert last < first  # rank 8 drawn above rank 24: up is better
    assert _texts(chart, "tick")[0] == "#1" and _texts(chart, "axis-title") == ["rank (#1 = best)"]


def test_a_milestone_is_a_timeline() -> None:
    card = scorecard(
        [("e_government_done", 2023, False, False), ("e_government_done", 2024, True, True)]
    )
    chart = _chart(result_of(card, "e_government_done", 2025))
    assert _texts(chart, "tick") == []  # no value scale
    assert _texts(chart, "year") == ["2023", "2024", "2025"]
    assert _texts(chart, "value-label") == ["not done", "done (est.)"]
    assert _texts(chart, "target-label") == ["done by 2025"]
    assert [c.get("class") for c in chart.iter(f"{SVG}circle")] == [
        "value not-done",
        "value done estimate",
    ]


def test_an_estimate_is_drawn_hollow_and_labelled_as_one() -> None:
    card = scorecard(
        [
            ("digital_economy_grdp_share", 2024, 28.0, False),
            ("digital_economy_grdp_share", 2025, 29.5, True),
        ],
        as_of=2025,
    )
    chart = _chart(result_of(card, "digital_economy_grdp_share", 2030))
    assert _texts(chart, "value-label") == ["28%", "29.5% (est.)"]
    assert [
        c.get("class")
        for c in chart.iter(f"{SVG}circle")
        if "value" in (c.get("class") or "").split()
    ] == ["value", "value estimate"]


def test_a_projection_is_drawn_within_its_units_range() -> None:
    card = scorecard(
        [
            ("records_online_commune", 2023, 60.0, False),
            ("records_online_commune", 2024, 75.0, False),
        ]
    )
    result = result_of(card, "records_online_commune", 2030)
    assert result.projected is not None and result.projected > 100
    chart = _chart(result)
    assert _texts(chart, "trend-label") == ["≥ 100%"]
    assert _texts(chart, "tick")[-1] == "100%"
    assert "≥ 100%" in as_markdown(card, "en", MADE)


def test_every_chart_in_the_html_has_axis_text_and_no_script() -> None:
    page = (EXAMPLES / "report-hanoi.html").read_text(encoding="utf-8")
    charts = re.findall(r"<svg class=\"chart\".*?</svg>", page, re.DOTALL)
    assert len(charts) == 19
    for drawn in charts:
        chart = ET.fromstring(drawn)
        assert _texts(chart, "year"), drawn[:200]
        assert _texts(chart, "value-label") and _texts(chart, "target-label")
        assert _texts(chart, "status")
    body = page.split("<main>")[1].split("</main>")[0]
    assert "<script" not in page
    assert "http" not in body.replace('xmlns="http://www.w3.org/2000/svg"', "")


# The workbook -----------------------------------------------------------------------------------


def _workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _rows(sheet: object) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(values_only=True))  # type: ignore[attr-defined]


def test_report_writes_a_workbook_with_real_numbers(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "scorecard.xlsx"
    result = cli("report", ACTUALS, "-t", WORKED, "-o", out, "--lang", "en")
    assert result.code == 0 and result.err.endswith(f"wrote {out}\n")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Results", "Observations"]
    results = book["Results"]
    assert results.freeze_panes == "A2" and results.auto_filter.ref == "A1:R13"
    header = [c.value for c in results[1]]
    row = next(
        r
        for r in results.iter_rows(min_row=2)
        if r[5].value == "records_online_commune" and r[2].value == 2025
    )
    cell = dict(zip(header, row, strict=True))
    assert (cell["Actual"].value, cell["Actual"].number_format) == (0.55, "0%")
    assert (cell["Target value"].value, cell["Target value"].number_format) == (0.6, "0%")
    assert (cell["Projected"].value, cell["Projected"].number_format) == (0.6267, "0.00%")
    assert (cell["Attainment"].value, cell["Attainment"].number_format) == (0.9167, "0%")
    assert cell["Year of actual"].value == 2024
    assert cell["Status"].value == "↗ on track"
    assert cell["Status"].fill.fgColor.rgb == "00DDEBF7"
    rank = next(r for r in results.iter_rows(min_row=2) if r[5].value == "dx_rank")
    assert (rank[9].value, rank[9].number_format) == (8, '"#"0')
    observations = book["Observations"]
    assert observations.freeze_panes == "A2" and observations.auto_filter.ref
    assert len(_rows(observations)) == 1 + 14
    summary = _rows(book["Summary"])
    assert summary[0][0] == "Worked example: digital-transformation scorecard"
    assert any(r[3] == "All pillars (mean)" for r in summary)
    assert any(r[0] == "Furthest behind" for r in summary)
    assert any(
        r[0] == "Actuals (SHA-256)" and r[4] == hashlib.sha256(ACTUALS.read_bytes()).hexdigest()
        for r in summary
    )


def test_the_workbook_speaks_vietnamese_and_carries_estimates_and_leagues() -> None:
    card = scorecard([("digital_economy_grdp_share", 2025, 29.5, True)], as_of=2025, area="Ba Đình")
    other = scorecard(
        [("digital_economy_grdp_share", 2025, 20.0, False)], as_of=2025, area="Sóc Sơn"
    )
    both = Scorecard(
        2025,
        card.target_sets,
        card.results + other.results,
        card.summary + other.summary,
        ("Ba Đình", "Sóc Sơn"),
    )
    book = _workbook(as_workbook(both, "vi", MADE))
    assert book.sheetnames == ["Tổng hợp", "Kết quả", "Số liệu", "Xếp hạng"]
    league = _rows(book["Xếp hạng"])
    assert league[0][:4] == ("Bộ chỉ tiêu", "Năm mục tiêu", "Hạng", "Địa bàn")
    assert [r[3] for r in league[1:3]] == ["Ba Đình", "Sóc Sơn"]
    assert book["Xếp hạng"].freeze_panes == "A2"
    observed = _rows(book["Số liệu"])
    assert (
        observed[1][1],
        observed[1][4],
        observed[1][5],
        observed[1][6],
    ) == ("Ba Đình", 2025, 0.295, "có")
    results = _rows(book["Kết quả"])
    assert "✘ không đạt" in {r[14] for r in results} and "⚠ có nguy cơ không đạt" in {
        r[14] for r in results
    }
    assert book.properties.creator == "dxscore"


def test_workbook_text_from_inputs_is_never_a_formula(write: Write) -> None:
    targets = write(MINIMAL.replace("Commune records online", '"=HYPERLINK(1)"'), "f.yaml")
    card = scorecard(
        [("records_online_commune", 2024, 50.0, False)], targets, area="=cmd|' /C calc'!A0"
    )
    data = as_workbook(card, "en", MADE)
    book = _workbook(data)
    cells = [c for row in book["Results"].iter_rows() for c in row]
    assert any(c.value == "=HYPERLINK(1)" and c.data_type == "s" for c in cells)
    assert all(c.data_type != "f" for sheet in book for row in sheet.iter_rows() for c in row)


def test_the_workbook_is_the_same_every_time_and_known_as_a_report() -> None:
    from dxscore.output import is_a_report

    card = scorecard([("records_online_commune", 2024, 50.0, False)])
    first, again = as_workbook(card, "en", MADE), as_workbook(card, "en", MADE)
    assert first == again
    assert is_a_report(first[:8192])
    other = io.BytesIO()
    openpyxl.Workbook().save(other)  # a workbook someone else made
    assert not is_a_report(other.getvalue()[:8192])


def test_a_workbook_is_written_safely(cli: Cli, tmp_path: Path) -> None:
    copy = tmp_path / "actuals.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["indicator", "year", "value"])  # type: ignore[union-attr]
    book.active.append(["records_online_commune", 2024, 50])  # type: ignore[union-attr]
    book.save(copy)
    before = copy.read_bytes()
    over_input = cli("report", copy, "-t", WORKED, "-o", copy)
    assert over_input.code == 2 and "refusing to write over an input file" in over_input.err
    theirs = tmp_path / "budget.xlsx"
    theirs.write_bytes(before)
    refused = cli("report", ACTUALS, "-t", WORKED, "-o", theirs)
    assert refused.code == 2 and "is not a dxscore report, so it is kept" in refused.err
    assert copy.read_bytes() == before == theirs.read_bytes()
    ours = tmp_path / "scorecard.xlsx"
    assert cli("report", ACTUALS, "-t", WORKED, "-o", ours).code == 0
    again = cli("report", ACTUALS, "-t", WORKED, "-o", ours, "--lang", "vi")
    assert again.code == 0 and again.err.endswith(f"đã ghi đè {ours}\n")
    assert openpyxl.load_workbook(ours).sheetnames[0] == "Tổng hợp"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file


def test_format_xlsx_and_an_unknown_extension_lists_every_format(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "r.data"
    assert cli("report", ACTUALS, "-t", WORKED, "-o", out, "--format", "xlsx").code == 0
    assert out.read_bytes().startswith(b"PK\x03\x04")
    unknown = cli("report", ACTUALS, "-t", WORKED, "-o", tmp_path / "r.pdf")
    assert unknown.code == 2
    for extension in (".md", ".html", ".json", ".csv", ".xlsx"):
        assert extension in unknown.err
    assert "xlsx" in cli("report", "--help").out


@pytest.mark.parametrize("path", list(WORKBOOKS), ids=lambda p: p.name)
def test_example_workbooks_are_current(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert contents(path.read_bytes()) == contents(render_workbook(path)), (
        "regenerate with `python tests/golden.py` and review the diff"
    )


@pytest.mark.parametrize("path", list(WORKBOOKS), ids=lambda p: p.name)
def test_the_values_sheet_lists_the_values_in_file_and_line_order(path: Path) -> None:
    """As the files were given on the command line, each from its first line to its last, so
    that a reader checks the sheet against the file row by row."""
    sheet = openpyxl.load_workbook(path).worksheets[2]
    assert sheet.title in ("Observations", "Số liệu")
    rows = _rows(sheet)
    assert rows[0][-2:] in (("File", "Line"), ("Tệp", "Dòng"))
    given = [str(file.relative_to(ROOT)) for file in WORKBOOKS[path][0]]
    places = [(str(row[-2]), int(str(row[-1]))) for row in rows[1:]]
    assert places == sorted(places, key=lambda place: (given.index(place[0]), place[1]))
    assert len(set(places)) == len(places)


def test_the_values_sheet_follows_the_order_the_files_were_given_in(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "r.xlsx"
    given = ["examples/hanoi-districts.csv", "examples/hanoi-actuals.csv"]
    assert cli("report", *given, "-t", "targets", "-o", out).code == 0
    rows = _rows(openpyxl.load_workbook(out)["Observations"])[1:]
    files = [str(row[-2]) for row in rows]
    assert files == sorted(files, key=given.index) and set(files) == set(given)
    lines = [int(str(row[-1])) for row in rows if row[-2] == given[0]]
    assert lines == sorted(lines)


# The Vietnamese examples ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["hanoi-actuals", "haiphong-actuals", "hanoi-districts"])
def test_each_vietnamese_twin_has_the_same_figures_and_sources(name: str) -> None:
    def rows(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    english, vietnamese = rows(EXAMPLES / f"{name}.csv"), rows(EXAMPLES / f"{name}.vi.csv")
    assert len(english) == len(vietnamese)
    for en, vi in zip(english, vietnamese, strict=True):
        assert {k: v for k, v in en.items() if k != "note"} == {
            k: v for k, v in vi.items() if k != "note"
        }
        assert en["note"] != vi["note"]


@pytest.mark.parametrize(
    "name",
    [
        "report-hanoi.vi.md",
        "report-hanoi.vi.html",
        "report-haiphong.vi.md",
        "report-hanoi-districts.vi.html",
    ],
)
def test_vietnamese_examples_show_vietnamese_notes(name: str) -> None:
    out = (EXAMPLES / name).read_text(encoding="utf-8")
    assert "giá trị minh họa (chưa công bố)" in out
    assert "illustrative value" not in out and "published" not in out


def test_a_workbook_is_not_poured_into_a_terminal(tmp_path: Path) -> None:
    import os
    import pty
    import subprocess

    main, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "dxscore", "report", ACTUALS, "-t", WORKED, "-f", "xlsx"],
            stdin=subprocess.DEVNULL,
            stdout=terminal,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(main)
    assert done.returncode == 2
    assert b"a workbook is not text to show in a terminal" in done.stderr
    piped = subprocess.run(
        [sys.executable, "-m", "dxscore", "report", ACTUALS, "-t", WORKED, "-f", "xlsx"],
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert piped.stdout.startswith(b"PK\x03\x04")  # to a pipe or a file, it is written


def test_a_label_too_long_beside_the_plot_goes_on_two_lines() -> None:
    """Found in print: the Vietnamese "nhóm 5 dẫn đầu" ran off the chart as "nhóm 5 dẫn đ"."""
    card = scorecard([("dx_rank", 2022, 24.0, False), ("dx_rank", 2024, 8.0, False)])
    chart = _chart(result_of(card, "dx_rank", 2025), "vi")
    assert _texts(chart, "target-label") == ["nhóm 5", "dẫn đầu"]
    for element in chart.iter(f"{SVG}text"):
        if "target-label" in (element.get("class") or ""):
            width = 0.58 * 11 * len("".join(element.itertext()))
            assert float(element.get("x") or 0) + width <= 320
    english = _chart(result_of(card, "dx_rank", 2025))
    assert _texts(english, "target-label") == ["top 5"]


def test_a_report_on_one_value_says_so_in_the_singular(
    cli: Cli, write: Callable[..., Path]
) -> None:
    path = write("indicator,year,value\nrecords_online_commune,2024,55\n", "one.csv")
    out = cli("report", path, "--city", "haiphong", "-f", "markdown").out
    assert "none (the one value used is a measured value)" in out
    assert "the 1 values" not in out
