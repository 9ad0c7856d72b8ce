"""Documents kept in the repository and checked against a fresh rendering by the tests:
golden files for the renderers and the example reports. Regenerate them on purpose, and
review the diff: `python tests/golden.py`."""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from dxscore.cli import app

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
TARGETS = ROOT / "targets"
EXAMPLES = ROOT / "examples"

# path → (actuals, targets, extra options)
DOCUMENTS: dict[Path, tuple[Path, Path, tuple[str, ...]]] = {
    ROOT / "tests/golden/worked.en.md": (
        DATA / "worked-actuals.csv",
        DATA / "worked.yaml",
        ("--lang", "en"),
    ),
    ROOT / "tests/golden/worked.vi.md": (
        DATA / "worked-actuals.csv",
        DATA / "worked.yaml",
        ("--lang", "vi"),
    ),
    ROOT / "tests/golden/worked.en.csv": (
        DATA / "worked-actuals.csv",
        DATA / "worked.yaml",
        ("--lang", "en", "-f", "csv"),
    ),
    EXAMPLES / "report-hanoi.md": (EXAMPLES / "hanoi-actuals.csv", TARGETS, ("--lang", "en")),
    EXAMPLES / "report-hanoi.html": (
        EXAMPLES / "hanoi-actuals.csv",
        TARGETS,
        ("--lang", "en", "-f", "html"),
    ),
    EXAMPLES / "report-hanoi.vi.md": (EXAMPLES / "hanoi-actuals.csv", TARGETS, ("--lang", "vi")),
    EXAMPLES / "report-hanoi.vi.html": (
        EXAMPLES / "hanoi-actuals.csv",
        TARGETS,
        ("--lang", "vi", "-f", "html"),
    ),
}


def render(path: Path) -> str:
    """The document as dxscore writes it now (to standard output, so nothing is written)."""
    actuals, targets, options = DOCUMENTS[path]
    relative = [str(p.relative_to(ROOT)) for p in (actuals, targets)]
    result = CliRunner().invoke(
        app, ["report", relative[0], "-t", relative[1], "-o", "-", *options]
    )
    assert result.exit_code == 0, result.output
    return result.stdout


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    for path in DOCUMENTS:
        path.write_text(render(path), encoding="utf-8", newline="")
        sys.stdout.write(f"wrote {path.relative_to(ROOT)}\n")
