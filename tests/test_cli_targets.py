"""The target-set commands as a user runs them: targets, schema, template, validate, --version."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL, ROOT, Cli
from dxscore import __version__
from dxscore.targets import bundled_targets_dir, find_target_files

BUNDLED = ROOT / "targets"


def raw(set_id: str) -> dict:  # type: ignore[type-arg]
    with (BUNDLED / f"{set_id}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)  # type: ignore[no-any-return]


def indicator_ids(set_id: str) -> list[str]:
    pillars = raw(set_id)["pillars"]
    return [item["id"] for pillar in pillars.values() for item in pillar]


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.code == 0
    assert result.out == f"dxscore {__version__}\n"


def test_the_bundled_target_files_are_valid(cli: Cli) -> None:
    result = cli("validate", BUNDLED)
    assert result.code == 0, result
    assert "haiphong (33 targets), hanoi (41 targets)" in result.err


def test_targets_lists_both_cities(cli: Cli) -> None:
    result = cli("targets", "--targets", BUNDLED)
    assert result.code == 0
    for text in ("haiphong", "hanoi", "Hà Nội", "Hải Phòng", "2025, 2030"):
        assert text in result.out


def test_targets_hanoi_shows_every_indicator_with_its_wording(cli: Cli) -> None:
    result = cli("targets", "hanoi", "--targets", BUNDLED, env={"COLUMNS": "200"})
    assert result.code == 0
    for indicator in indicator_ids("hanoi"):
        assert indicator in result.out
    for wording in (
        "top 5",
        "top 3",
        "≥ 60%",
        "> 50%",
        "≈ 30%",
        "≥ 7%/yr (stretch 7.5%/yr)",
        "done",
    ):
        assert wording in result.out


def test_targets_json_is_the_validated_file(cli: Cli) -> None:
    result = cli("targets", "haiphong", "--format", "json", "--targets", BUNDLED)
    assert result.code == 0
    data = json.loads(result.out)
    original = raw("haiphong")
    assert data["id"] == "haiphong"
    assert [i["id"] for p in data["pillars"].values() for i in p] == indicator_ids("haiphong")
    first = original["pillars"]["government"][0]
    assert data["pillars"]["government"][0]["targets"] == {
        str(year): target for year, target in first["targets"].items()
    }


def test_an_unknown_target_set_suggests_the_closest(cli: Cli) -> None:
    result = cli("targets", "hanio", "--targets", BUNDLED)
    assert result.code == 2
    assert "hanio: no target set with this id or name; did you mean 'hanoi'?" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    "written",
    ["Thành phố Hải Phòng", "TP. Hải Phòng", "tp hai phong", "Hai-Phong", "Hai Phong City"],
)
def test_a_city_is_found_as_forms_and_letters_write_it(cli: Cli, written: str) -> None:
    """ "Thành phố", "TP." and "City" around a name, and a hyphen in it, as every command
    takes a city (targets, template, --city in a CSV file's city column too)."""
    shown = cli("targets", written, "--targets", BUNDLED)
    assert shown.code == 0, shown
    assert shown.out.startswith("Hải Phòng (Haiphong)\n")
    template = cli("template", written, "-o", "-")
    assert template.code == 0 and "haiphong," in template.out


def test_a_name_close_to_a_city_suggests_it(cli: Cli) -> None:
    result = cli("template", "Thành phố Hải Phònq", "-o", "-")
    assert result.code == 2
    assert "did you mean 'haiphong'?" in result.err


def test_schema_is_json_schema_and_the_committed_copy_is_current(cli: Cli) -> None:
    result = cli("schema")
    assert result.code == 0
    schema = json.loads(result.out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["required"]) == {"dxscore", "id", "name", "resolution", "pillars"}
    assert schema["additionalProperties"] is False
    committed = (ROOT / "schema" / "targets-v1.schema.json").read_text(encoding="utf-8")
    assert committed == result.out, "run `dxscore schema > schema/targets-v1.schema.json`"


def _as_json(document: object) -> object:
    """A YAML document as an editor's validator sees it: mapping keys are strings."""
    if isinstance(document, dict):
        return {str(key): _as_json(value) for key, value in document.items()}
    if isinstance(document, list):
        return [_as_json(item) for item in document]
    return document


@pytest.mark.parametrize(
    "target",
    [
        "{}",  # no comparator
        "{min: 5, max: 7}",  # two
        "{min: 5, tolerance: 1}",  # tolerance with about only
        "{max: 5, stretch: 7}",  # stretch with min or above only
        "{min: null}",  # a key left empty: no comparator
        "{min: 60, max: ~}",  # or one beside it
    ],
)
def test_the_schema_refuses_what_validate_refuses_within_a_target(
    cli: Cli, write: Callable[..., Path], target: str
) -> None:
    """Found by a test campaign: an editor validating against the schema passed targets with
    no comparator or two, which `dxscore validate` refuses."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json.loads(cli("schema").out))
    for path in BUNDLED.glob("*.yaml"):  # the real files pass
        assert not list(validator.iter_errors(_as_json(yaml.safe_load(path.read_text("utf-8")))))
    text = MINIMAL.replace("2025: {min: 60}", f"2025: {target}")
    assert list(validator.iter_errors(_as_json(yaml.safe_load(text)))), target
    assert cli("validate", write(text, "t.yaml")).code == 2


@pytest.mark.parametrize("key", ["abc", "1800", "25"])
def test_the_schema_refuses_a_year_key_validate_refuses(
    cli: Cli, write: Callable[..., Path], key: str
) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json.loads(cli("schema").out))
    text = MINIMAL.replace("2025: {min: 60}", f"{key}: {{min: 60}}")
    assert list(validator.iter_errors(_as_json(yaml.safe_load(text))))
    assert cli("validate", write(text, "t.yaml")).code == 2


def test_a_quoted_year_says_to_write_it_without_quotes(
    cli: Cli, write: Callable[..., Path]
) -> None:
    """`dxscore targets -f json` writes year keys as strings, as JSON must; pasted into YAML
    they were refused with pydantic's 'Input should be a valid integer'."""
    path = write(MINIMAL.replace("2025: {min: 60}", '"2025": {min: 60}'), "t.yaml")
    result = cli("validate", path)
    assert result.code == 2
    assert (
        f'{path}:12:9: pillars.government[0].targets.2025: the key "2025" is a year in quotes:'
        " write it as a number, without quotes (2025: {min: 60}) [int-type]"
    ) in result.err
    for key in ("~", "true", "2025.0"):  # not quoted: no quotes to remove, nothing misquoted
        path = write(MINIMAL.replace("2025: {min: 60}", f"{key}: {{min: 60}}"), "t.yaml")
        assert "this key is not a target year: write a year from 1900 to 2100" in (
            cli("validate", path).err
        ), key


def test_target_files_point_editors_at_the_schema() -> None:
    for path in BUNDLED.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/targets-v1.schema.json"


def test_template_has_one_row_per_indicator_for_the_last_full_year(cli: Cli) -> None:
    """Revision 2: the year column holds the year the values are measured in (the last full
    calendar year: 2025 on the tests' fixed day), never a target year."""
    result = cli("template", "haiphong", "--targets", BUNDLED)
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert list(rows[0]) == [
        "city",
        "indicator",
        "name",
        "year",
        "value",
        "estimate",
        "note",
        "source",
    ]
    indicators = [item for pillar in raw("haiphong")["pillars"].values() for item in pillar]
    assert [row["indicator"] for row in rows] == [item["id"] for item in indicators]
    assert [row["name"] for row in rows] == [item["name"]["en"] for item in indicators]
    assert {row["year"] for row in rows} == {"2025"}
    assert all(row["city"] == "haiphong" and row["value"] == row["estimate"] == "" for row in rows)
    vietnamese = list(
        csv.DictReader(
            io.StringIO(cli("template", "Hải Phòng", "--lang", "vi", "--year", "2024").out)
        )
    )
    assert [row["name"] for row in vietnamese] == [item["name"]["vi"] for item in indicators]
    assert {row["year"] for row in vietnamese} == {"2024"}


def test_template_to_a_file_has_a_bom_and_never_overwrites(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "actuals.csv"
    assert cli("template", "hanoi", "--targets", BUNDLED, "-o", out).code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfcity,indicator,name,year")
    out.write_text("filled in by an analyst\n", encoding="utf-8")
    result = cli("template", "hanoi", "--targets", BUNDLED, "-o", out)
    assert result.code == 2
    assert "the file exists; choose another name or pass --force" in result.err
    assert out.read_text(encoding="utf-8") == "filled in by an analyst\n"
    assert cli("template", "hanoi", "--targets", BUNDLED, "-o", out, "--force").code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfcity")


def test_template_into_a_missing_folder(cli: Cli, tmp_path: Path) -> None:
    result = cli("template", "hanoi", "--targets", BUNDLED, "-o", tmp_path / "no" / "x.csv")
    assert result.code == 2
    assert "does not exist; create it first" in result.err


def test_discovery_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    explicit = tmp_path / "explicit.yaml"
    from_env = tmp_path / "env"
    local = tmp_path / "targets"
    for folder in (from_env, local):
        folder.mkdir()
        (folder / "a.yml").write_text(MINIMAL, encoding="utf-8")
        (folder / "notes.txt").write_text("not a target file", encoding="utf-8")
    explicit.write_text(MINIMAL, encoding="utf-8")
    env = {"DXSCORE_TARGETS": str(from_env)}
    assert find_target_files([explicit], env, tmp_path) == [explicit]
    assert find_target_files(None, env, tmp_path) == [from_env / "a.yml"]
    assert find_target_files(None, {}, tmp_path) == [local / "a.yml"]
    empty = tmp_path / "elsewhere"
    empty.mkdir()
    assert find_target_files(None, {}, empty) == sorted(bundled_targets_dir().glob("*.yaml"))


def test_validate_without_paths_uses_discovery(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "t.yaml").write_text(MINIMAL.replace("{min: 60}", "{min: x}"), encoding="utf-8")
    result = cli("validate", env={"DXSCORE_TARGETS": str(tmp_path)})
    assert result.code == 2
    assert "t.yaml:12:21:" in result.err


def test_start_up_imports_no_heavy_module() -> None:
    code = "import sys, dxscore.cli; print(sorted(m for m in ('pydantic', 'yaml', 'rich') if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_version_answers_before_the_command_line_is_built() -> None:
    """``dxscore --version`` and ``-V`` print the version without importing typer."""
    code = (
        "import sys; sys.argv = ['dxscore', '{flag}']; from dxscore.__main__ import main; main();"
        " print('typer' in sys.modules)"
    )
    for flag in ("--version", "-V"):
        out = subprocess.run(
            [sys.executable, "-c", code.format(flag=flag)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert out == f"dxscore {__version__}\nFalse\n"
    run = subprocess.run(  # with anything else, the full command line answers
        [sys.executable, "-m", "dxscore", "--version", "--help"], capture_output=True, text=True
    )
    assert run.returncode == 0 and run.stdout.startswith(f"dxscore {__version__}")


def test_python_dash_m_and_no_traceback_for_a_usage_error() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "dxscore", "validate", "--format", "xml"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "xml" in run.stderr


def test_template_is_never_written_under_a_workbook_name(cli: Cli, tmp_path: Path) -> None:
    """The template is CSV text: saved as .xlsx, Excel and dxscore would refuse it."""
    result = cli("template", "hanoi", "-o", tmp_path / "t.xlsx")
    assert result.code == 2 and "[template-not-csv]" in result.err
    assert not (tmp_path / "t.xlsx").exists()


def test_targets_speaks_the_chosen_language(cli: Cli) -> None:
    wide = {"COLUMNS": "200"}
    listing = cli("targets", "--targets", BUNDLED, "--lang", "vi", env=wide).out
    assert listing.lstrip().startswith("Các bộ chỉ tiêu")
    detail = cli("targets", "hanoi", "--targets", BUNDLED, env={**wide, "LANG": "vi_VN.UTF-8"}).out
    for text in ("Mục tiêu chung", "Chính quyền số", "trọng số", "thứ hạng", "nhóm 5 dẫn đầu"):
        assert text in detail, text
    assert "\nDigital government " not in detail  # a pillar title; names stay bilingual
