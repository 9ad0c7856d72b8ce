"""The documentation says what dxscore does: every example in it runs and prints what the page
shows, the README stays a front page, and every link leads somewhere."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import docblocks
import pytest

from conftest import ROOT, Cli

DOCS = ROOT / "docs"
GENERATED = {DOCS / "commands.md", DOCS / "problems.md"}  # checked by their generator's test
PAGES = sorted(
    [ROOT / "README.md", *(p for p in DOCS.rglob("*.md") if p not in GENERATED)],
    key=lambda p: str(p),
)
README = ROOT / "README.md"
SETUP = (
    "python3 -m venv .venv && .venv/bin/pip install . && "
    ".venv/bin/dxscore check examples/hanoi-actuals.csv --fail-on never",
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/pytest",
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder that looks like the repository's root to the examples."""
    docblocks.prepare(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def runner(cli: Cli) -> docblocks.Runner:
    def run(argv: list[str], env: dict[str, str]) -> tuple[int, str, str]:
        result = cli(*argv, env=env)
        return result.code, result.out, result.err

    return run


def test_the_readme_is_a_front_page() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200


def test_the_readme_starts_with_the_two_commands() -> None:
    text = README.read_text(encoding="utf-8")
    first = [b.body.strip() for b in docblocks.blocks(text) if isinstance(b, docblocks.Block)][:2]
    assert first == list(SETUP)
    assert text.index("```") < text.index("\n## ")  # before anything else is said


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_every_example_of_the_page_runs_as_shown(page: Path, cli: Cli, folder: Path) -> None:
    docblocks.forget(page)
    docblocks.run_page(page, folder, runner(cli))


def _commands_in(body: str) -> list[list[str]]:
    """The dxscore commands of a shell or PowerShell block, as a reader would run them."""
    found = []
    for line in body.splitlines():
        for part in re.split(r"&&|;", line):
            words = shlex.split(part.replace("\\", "/"))
            if words and re.fullmatch(r"(\.venv/(bin|Scripts)/)?dxscore", words[0]):
                found.append(words[1:])
    return found


def test_every_dxscore_command_of_the_readme_runs(cli: Cli, folder: Path) -> None:
    """The set-up commands and the Windows ones as well as the examples: each dxscore command
    runs as written (the console blocks are also checked against the output they show)."""
    text = README.read_text(encoding="utf-8")
    ran = 0
    for block in docblocks.blocks(text):
        if isinstance(block, docblocks.Block) and block.info in ("sh", "powershell"):
            for argv in _commands_in(block.body):
                result = cli(*argv, env=docblocks.ENV)
                assert result.code == 0, (argv, result)
                ran += 1
    assert ran >= 2  # the first set-up command, and its PowerShell twin


def test_the_readme_shows_examples_for_every_path() -> None:
    text = README.read_text(encoding="utf-8")
    shown = "\n".join(b.body for b in docblocks.blocks(text) if isinstance(b, docblocks.Block))
    for command in ("dxscore template", "dxscore check", "dxscore report", "dxscore validate"):
        assert command in shown, command
    assert "--format github" in shown and "dxscore.score(" in shown


_LINK = re.compile(r"\]\((?!https?://|#)([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize(
    "page", [*PAGES, *sorted(GENERATED)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_every_link_leads_to_a_file(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for target in _LINK.findall(text):
        assert (page.parent / target).exists(), f"{page.relative_to(ROOT)} links to {target}"


def test_the_index_links_every_page() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    for page in sorted(DOCS.rglob("*.md")):
        if page.name == "README.md" and page.parent == DOCS:
            continue
        assert str(page.relative_to(DOCS)) in index, f"docs/README.md does not link {page.name}"


def test_the_api_page_shows_every_exported_name() -> None:
    """Each name ``dxscore`` exports has its place on the page, and each function is called in
    an example that the page's test runs."""
    import dxscore

    text = (DOCS / "api.md").read_text(encoding="utf-8")
    headings = "\n".join(line for line in text.splitlines() if line.startswith("## "))
    examples = "\n".join(
        b.body
        for b in docblocks.blocks(text)
        if isinstance(b, docblocks.Block) and b.info == "pycon"
    )
    for name in dxscore.__all__:
        shown = name.replace("_", "\\_") if name.startswith("__") else name
        assert shown in headings, f"docs/api.md has no section for dxscore.{name}"
        value = getattr(dxscore, name)
        if callable(value) and not isinstance(value, type):
            assert f"dxscore.{name}(" in examples, f"no example calls dxscore.{name}"
