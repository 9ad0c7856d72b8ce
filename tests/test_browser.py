"""The example HTML reports as a reader sees them: rendered by headless Chromium (Debian's
package, driven by Playwright, which never downloads a browser of its own) at a desktop and a
phone width, and printed to PDF.

Marked ``browser``. Where no Chromium is installed they are skipped with the reason; with
``DXSCORE_BROWSER=required`` (as ``.ci/run`` sets it) a missing browser is a failure.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser

EXAMPLES = ROOT / "examples"
PAGES = [
    "report-hanoi.html",
    "report-hanoi.vi.html",
    "report-haiphong.html",
    "report-hanoi-districts.vi.html",
]
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
# Chromium as the network is closed here: no sandbox (root in a container), no GPU, nothing
# fetched in the background; Playwright gives it a fresh profile folder (--user-data-dir)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SUMMARY = {"en": "Summary", "vi": "Tổng hợp"}


def chromium() -> str | None:
    explicit = os.environ.get("DXSCORE_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _unavailable(reason: str) -> None:
    if os.environ.get("DXSCORE_BROWSER") == "required":
        pytest.fail(f"{reason} (DXSCORE_BROWSER=required)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: pip install -e '.[test]'")
    executable = chromium()
    if executable is None:
        _unavailable("no Chromium: apt-get install chromium to render the HTML reports")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        yield launched
        launched.close()


class Reader:
    """A page opened as a reader opens the file, with what the browser complained of and
    every request it made."""

    def __init__(self, browser: Any, name: str | Path, width: int, height: int) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)  # a local file: anything slower is a failure
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None,
        )
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = (EXAMPLES / name).as_uri()  # a name in examples/, or a path
        self.page.goto(self.url, wait_until="load")

    def js(self, script: str) -> Any:
        return self.page.evaluate(script)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def reader(browser: Any, request: pytest.FixtureRequest) -> Iterator[Reader]:
    name, size = request.param
    opened = Reader(browser, name, *SIZES[size])
    yield opened
    opened.close()


CASES = [(name, size) for name in PAGES for size in SIZES]


@pytest.mark.parametrize("reader", CASES, indirect=True, ids=[f"{n}-{s}" for n, s in CASES])
def test_the_page_reads_as_a_reader_needs_it(reader: Reader) -> None:
    lang = reader.js("document.documentElement.lang")
    # not blank: the title and the summary are there and visible
    assert reader.js("document.body.innerText.length") > 2000
    assert reader.page.locator("h1").first.is_visible()
    # the summary above the fold: its heading and the first score or count
    fold = reader.js("innerHeight")
    heading = reader.page.locator("#summary h2")
    assert heading.inner_text() == SUMMARY[lang]
    assert reader.js("document.querySelector('#summary h2').getBoundingClientRect().top") < fold
    first = "document.querySelector('#summary .overview .counts').getBoundingClientRect().bottom"
    assert reader.js(first) < fold, "the first counts by status are below the fold"
    # nothing overflows the page's width
    assert reader.js("document.documentElement.scrollWidth") <= reader.js("innerWidth")
    # every chart fits, is wide enough to read, and shows its axis text at a legible size
    charts = reader.js(
        """[...document.querySelectorAll('svg.chart')].map(svg => {
             const box = svg.getBoundingClientRect();
             const years = [...svg.querySelectorAll('text.year')].map(t => t.getBoundingClientRect());
             const ticks = svg.querySelectorAll('text.tick').length;
             const timeline = svg.querySelector('circle.done, circle.not-done') !== null;
             return {left: box.left, right: box.right, width: box.width, ticks, timeline,
                     years: years.length, smallest: Math.min(...years.map(r => r.height)),
                     labels: svg.querySelectorAll('text.value-label').length,
                     target: svg.querySelectorAll('text.target-label').length};
           })"""
    )
    assert charts, "no chart on the page"
    width = reader.js("innerWidth")
    for chart in charts:
        assert chart["left"] >= 0 and chart["right"] <= width, chart
        assert chart["width"] >= min(300, width - 40), chart
        assert chart["years"] >= 2 and chart["smallest"] >= 9, chart  # years, ≥ 9 px tall
        assert chart["ticks"] >= 2 or chart["timeline"], chart  # a scale, or a timeline
        assert chart["labels"] >= 1 and chart["target"] >= 1, chart
    # self-contained and quiet: nothing fetched but the file, nothing logged
    assert reader.requests == [reader.url]
    assert reader.errors == []


@pytest.mark.parametrize("name", ["report-hanoi.html", "report-hanoi.vi.html"])
def test_printed_the_summary_is_on_the_first_page_and_charts_keep_their_labels(
    browser: Any, name: str
) -> None:
    from pypdf import PdfReader

    opened = Reader(browser, name, 1280, 800)
    try:
        lang = opened.js("document.documentElement.lang")
        opened.page.emulate_media(media="print")
        # in the print layout every chart still shows its years and labels, inside the page
        hidden = opened.js(
            """[...document.querySelectorAll('svg.chart')].filter(svg => {
                 const box = svg.getBoundingClientRect();
                 const year = svg.querySelector('text.year').getBoundingClientRect();
                 return box.width < 200 || year.height < 5 || box.right > innerWidth;
               }).length"""
        )
        assert hidden == 0
        pdf = opened.page.pdf(format="A4", print_background=True)
    finally:
        opened.close()
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) > 2
    first = pages[0].extract_text()
    assert SUMMARY[lang] in first
    behind = {"en": "Furthest behind", "vi": "Các mục tiêu chậm nhất"}[lang]
    assert behind in first
    text = "".join(page.extract_text() for page in pages)
    assert text.count("2025") > 20  # the charts' years are printed as text, not lost


# Text without a place to break: a path deep in folders, a URL, an id-like name. A reader on a
# phone scrolls a wide table sideways inside its box, never the whole page.
UNBROKEN = "Tỷ_lệ_hồ_sơ_công_việc_được_xử_lý_trên_môi_trường_mạng_của_cấp_xã_phường_thị_trấn"
URL = "https://sotttt.hanoi.gov.vn/" + "/".join(["bao-cao-chuyen-doi-so-nam-2024"] * 4)


@pytest.mark.parametrize("width", [320, 360, 400])
def test_long_unbroken_text_never_widens_the_page_on_a_phone(
    browser: Any, tmp_path: Path, width: int
) -> None:
    from typer.testing import CliRunner

    from conftest import MINIMAL
    from dxscore.cli import app

    folder = tmp_path.joinpath(*["so-lieu-chuyen-doi-so-cua-thanh-pho"] * 4)
    folder.mkdir(parents=True)
    targets = folder / "muc-tieu-chuyen-doi-so-giai-doan-2021-2025-dinh-huong-2030.yaml"
    targets.write_text(
        MINIMAL.replace("Commune records online", UNBROKEN).replace("Test City", UNBROKEN),
        encoding="utf-8",
    )
    actuals = folder / "so-lieu-thuc-hien-chuyen-doi-so-nam-2024-ban-chinh-thuc-cuoi-cung.csv"
    actuals.write_text(
        "BÁO CÁO\nindicator,year,value,area,note,source\n"
        f"records_online_commune,2023,0.4,{UNBROKEN},{UNBROKEN},{URL}\n"
        f"records_online_commune,2024,0.5,{UNBROKEN},{UNBROKEN},{URL}\n",
        encoding="utf-8",
    )
    page = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["report", str(actuals), "-t", str(targets), "-o", str(page), "--lang", "en"]
    )
    assert result.exit_code == 0, result.output
    opened = Reader(browser, page, width, 800)
    try:
        assert opened.js("document.body.innerText").count("Warnings about the input") == 1
        assert opened.js("document.documentElement.scrollWidth") <= opened.js("innerWidth")
        # what is wider than the screen is a table, scrolled inside its own box
        boxes = opened.js(
            """[...document.querySelectorAll('.scroll')].map(box => box.getBoundingClientRect().right)"""
        )
        assert boxes and max(boxes) <= width
    finally:
        opened.close()


@pytest.mark.parametrize("width", [320, 400])
def test_the_comparison_page_scrolls_its_tables_not_the_page_on_a_phone(
    browser: Any, tmp_path: Path, width: int
) -> None:
    from typer.testing import CliRunner

    from dxscore.cli import app

    page = tmp_path / "compare.html"
    actuals = [str(EXAMPLES / name) for name in ("hanoi-actuals.csv", "haiphong-actuals.csv")]
    result = CliRunner().invoke(
        app, ["compare", *actuals, "-t", str(ROOT / "targets"), "-o", str(page)]
    )
    assert result.exit_code == 0, result.output
    opened = Reader(browser, page, width, 800)
    try:
        assert opened.js("document.documentElement.scrollWidth") <= opened.js("innerWidth")
        wide = opened.js(
            "[...document.querySelectorAll('.scroll')].filter(b => b.scrollWidth > b.clientWidth).length"
        )
        assert wide >= 1  # the comparison is wider than a phone: it scrolls in its box
        assert opened.errors == [] and opened.requests == [opened.url]
    finally:
        opened.close()
