"""The README's picture of the HTML report, taken by the same headless Chromium the browser
checks use (Debian's package, driven by Playwright):

    python docs/screenshot.py   # writes docs/images/report-hanoi.png

The top of examples/report-hanoi.html at a desktop width: the title, the summary and the
first charts.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "examples" / "report-hanoi.html"
OUT = ROOT / "docs" / "images" / "report-hanoi.png"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        raise SystemExit("no Chromium: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 2150}, device_scale_factor=1)
        page.goto(PAGE.as_uri())
        page.screenshot(path=str(OUT), full_page=False)
        browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
