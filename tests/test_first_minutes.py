"""What a newcomer meets in the first minutes: help that teaches, names taken the same way by
every command, compare written to a file, and one's own target file beside the bundled ones."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT, Cli

Write = Callable[..., Path]
COMMANDS = ("check", "report", "validate", "targets", "template", "schema", "compare")
HANOI = ROOT / "examples" / "hanoi-actuals.csv"
HAIPHONG = ROOT / "examples" / "haiphong-actuals.csv"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_ends_with_examples_and_reads_as_words(cli: Cli, command: str) -> None:
    shown = cli(command, "--help", env={"COLUMNS": "120"}).out
    assert "Examples" in shown
    examples = shown.split("Examples", 1)[1]
    assert len(re.findall(rf"dxscore {command}\b", examples)) >= 2
    assert "<list[" not in shown and "<bool>" not in shown and "<str>" not in shown
    assert "<int" not in shown


def test_the_root_help_offers_shell_completion_and_the_round(cli: Cli) -> None:
    shown = cli("--help", env={"COLUMNS": "120"}).out
    assert "--install-completion" in shown and "--show-completion" in shown
    assert "dxscore template hanoi -o actuals.csv" in shown


@pytest.mark.parametrize("name", ["haiphong", "Hải Phòng", "hai phong", "HẢI PHÒNG", "Haiphong"])
def test_a_target_set_by_id_or_name_in_every_command(cli: Cli, name: str) -> None:
    assert "records_online_commune" in cli("targets", name, env={"COLUMNS": "160"}).out
    assert cli("template", name).out.splitlines()[1].startswith("haiphong,")
    checked = cli("check", HAIPHONG, "--city", name, "-f", "json", "--fail-on", "never")
    assert json.loads(checked.out)["results"][0]["target_set"] == "haiphong"
    compared = json.loads(cli("compare", "--city", name, "-f", "json").out)
    assert compared["target_sets"] == ["haiphong"]


def test_compare_writes_markdown_json_and_html(cli: Cli, tmp_path: Path) -> None:
    for suffix, opening in (
        (".md", "# "),
        (".json", '{\n  "tool": "dxscore"'),
        (".html", "<!DOCTYPE html>"),
    ):
        path = tmp_path / f"comparison{suffix}"
        ran = cli("compare", HANOI, HAIPHONG, "-o", path)
        assert ran.code == 0, ran
        assert path.read_text(encoding="utf-8").startswith(opening)
        again = cli("compare", HANOI, HAIPHONG, "-o", path)  # its own report: replaced
        assert again.code == 0 and "replaced" in again.err
    page = (tmp_path / "comparison.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="dxscore">' in page and "Haiphong" in page
    assert "awaiting 2025 value" in page
    refused = cli("compare", "-o", tmp_path / "comparison.txt")
    assert refused.code == 2 and "[unknown-format]" in refused.err
    mine = tmp_path / "notes.md"
    mine.write_text("my notes\n", encoding="utf-8")
    assert cli("compare", "-o", mine).code == 2  # not a dxscore report: kept
    assert mine.read_text(encoding="utf-8") == "my notes\n"


def test_ones_own_target_file_beside_the_bundled_ones(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    mine = write(MINIMAL, "mine.yaml")
    monkeypatch.chdir(tmp_path)  # no ./targets here: discovery would find the bundled files
    listed = cli("targets", "--targets", "bundled", "--targets", mine, "-f", "json")
    assert [s["id"] for s in json.loads(listed.out)] == ["haiphong", "hanoi", "vietnam", "testcity"]
    (tmp_path / "bundled").mkdir()  # a folder of that name is that folder
    (tmp_path / "bundled" / "x.yaml").write_text(MINIMAL, encoding="utf-8")
    listed = cli("targets", "--targets", "bundled", "-f", "json")
    assert [s["id"] for s in json.loads(listed.out)] == ["testcity"]


def test_an_area_written_without_accents_is_the_one_it_reads_as(cli: Cli) -> None:
    districts = ROOT / "examples" / "hanoi-districts.csv"
    ran = cli("check", districts, "--area", "hoan kiem", "-f", "json", "--fail-on", "never")
    assert {r["area"] for r in json.loads(ran.out)["results"]} == {"Hoàn Kiếm"}
