"""`dxscore check` as an analyst and a CI job use it: report, verdict, exit codes, options."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL as MINIMAL_YAML
from conftest import ROOT, Cli
from dxscore.i18n import CATALOGUE, LANGS, detect_lang

DATA = Path(__file__).parent / "data"
WORKED = DATA / "worked.yaml"
WORKED_ACTUALS = DATA / "worked-actuals.csv"
EXAMPLES = ROOT / "examples"
WIDE = {"COLUMNS": "160", "NO_COLOR": "1", "LANG": "en_US.UTF-8"}

Write = Callable[..., Path]


def test_the_hanoi_example_report(cli: Cli) -> None:
    result = cli("check", EXAMPLES / "hanoi-actuals.csv", env=WIDE)
    assert result.code == 1  # targets missed by the 2025 deadline
    out = result.out
    assert "Hanoi · as of 2025" in out
    for heading in ("Target year 2025 · Digital government", "Target year 2030 · Digital economy"):
        assert heading in out
    for status in ("✔ achieved", "↗ on track", "⚠ at risk", "✘ missed", "· no data"):
        assert status in out
    assert "#1 (2024)" in out and "top 5" in out and "≈ 30%" in out
    assert "Scores by pillar and target year" in out
    assert "missed or worse (--fail-on missed): exit 1" in out


def test_the_haiphong_example_scores_cleanly(cli: Cli) -> None:
    result = cli("check", EXAMPLES / "haiphong-actuals.csv", "--format", "json")
    assert result.code == 0
    document = json.loads(result.out)
    assert document["as_of"] == 2024
    assert {r["target_set"] for r in document["results"]} == {"haiphong"}


def test_examples_cite_or_label_every_value() -> None:
    for path in EXAMPLES.glob("*.csv"):
        vietnamese = path.name.endswith(".vi.csv")  # the twins the Vietnamese reports are made from
        published, illustrative = (
            ("đã công bố", "giá trị minh họa") if vietnamese else ("published", "illustrative")
        )
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                note = row["note"]
                assert note.startswith((published, illustrative)), (path, row)
                if note.startswith(published):
                    assert row["source"], (path, row)


def test_json_follows_the_contract(cli: Cli) -> None:
    result = cli("check", WORKED_ACTUALS, "-t", WORKED, "--format", "json")
    assert result.code == 1
    document = json.loads(result.out)
    assert {"tool", "version", "as_of", "results", "summary"} <= set(document)
    row = next(r for r in document["results"] if r["indicator"] == "records_online_commune")
    assert row == {
        "target_set": "worked",
        "area": None,
        "pillar": "government",
        "indicator": "records_online_commune",
        "unit": "percent",
        "target_year": 2025,
        "target": {"min": 60.0},
        "status": "on_track",
        "actual": 55.0,
        "actual_year": 2024,
        "projected": 62.67,
        "attainment": 0.9167,
        "estimate": False,
        "awaiting": False,
        "note": None,
        "source": None,
    }
    milestone = next(r for r in document["results"] if r["indicator"] == "e_government_done")
    assert milestone["actual"] is False and milestone["target"] == {"done": True}
    total = next(s for s in document["summary"] if s["target_year"] == 2025 and s["pillar"] is None)
    assert total == {
        "target_set": "worked",
        "area": None,
        "target_year": 2025,
        "pillar": None,
        "score": 81.6,
        "coverage": 0.875,
        "counts": {"achieved": 2, "on_track": 3, "at_risk": 2, "missed": 0, "no_data": 1},
    }


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 1),  # reporting_online missed its 2024 target
        (("--fail-on", "never"), 0),
        (("--year", "2025"), 0),  # nothing missed in 2025 …
        (("--year", "2025", "--fail-on", "at_risk"), 1),  # … but two at risk
        (("--year", "2030", "--pillar", "overall", "--fail-on", "at_risk"), 0),
    ],
)
def test_fail_on_decides_the_exit_code(cli: Cli, args: tuple[str, ...], code: int) -> None:
    assert cli("check", WORKED_ACTUALS, "-t", WORKED, *args).code == code


def test_filters_show_only_what_was_asked(cli: Cli) -> None:
    result = cli(
        "check", WORKED_ACTUALS, "-t", WORKED, "--year", "2030", "--pillar", "economy", env=WIDE
    )
    assert "Target year 2030 · Digital economy" in result.out
    assert "Target year 2025" not in result.out and "Digital government" not in result.out


def test_as_of_option(cli: Cli) -> None:
    result = cli("check", WORKED_ACTUALS, "-t", WORKED, "--as-of", "2023", "--format", "json")
    document = json.loads(result.out)
    assert document["as_of"] == 2023
    assert all(r["actual_year"] in (None, 2023, 2022) for r in document["results"])


def test_explain_shows_the_audit_trail(cli: Cli) -> None:
    result = cli("check", WORKED_ACTUALS, "-t", WORKED, "--explain", "--year", "2025", env=WIDE)
    out = " ".join(result.out.split())
    assert (
        "records_online_commune 2025: observations: 2022: 40%, 2023: 48%, 2024: 55%; current 55%"
        " (2024); least-squares slope +7.5/yr → 62.67% in 2025 (a line through 3 years of values);"
        " ≥ 60% → ↗ on track"
    ) in out
    assert "labour_productivity_growth 2025: observations: 2024: 6.5%/yr" in out
    assert "no projection (needs two years of numbers)" in out
    document = json.loads(
        cli("check", WORKED_ACTUALS, "-t", WORKED, "--explain", "--format", "json").out
    )
    row = next(r for r in document["results"] if r["indicator"] == "records_online_commune")
    assert [o["year"] for o in row["explain"]["observations"]] == [2022, 2023, 2024]
    assert row["explain"]["slope"] == 7.5


def test_vietnamese_report(cli: Cli) -> None:
    result = cli("check", WORKED_ACTUALS, "-t", WORKED, "--lang", "vi", env=WIDE)
    out = result.out
    for text in (
        "Ví dụ tính tay · tính đến năm 2024",
        "Mục tiêu năm 2025 · Chính quyền số",
        "✔ đã đạt",
        "↗ đúng tiến độ",
        "Hồ sơ cấp xã",
    ):
        assert text in out
    assert unicodedata.is_normalized("NFC", out)
    from_env = cli("check", WORKED_ACTUALS, "-t", WORKED, env={**WIDE, "LANG": "vi_VN.UTF-8"})
    assert from_env.out == out


def test_vietnamese_writes_a_decimal_comma_and_english_a_dot(cli: Cli) -> None:
    """As the resolutions write 7,5%: to a Vietnamese reader 62.67 has a thousands dot."""
    args = ("check", WORKED_ACTUALS, "-t", WORKED, "--explain", "--year", "2025")
    vietnamese = " ".join(cli(*args, "--lang", "vi", env=WIDE).out.split())
    english = " ".join(cli(*args, "--lang", "en", env=WIDE).out.split())
    assert "+7,5/năm → dự báo 62,67% vào năm 2025" in vietnamese
    assert "+7.5/yr → 62.67% in 2025" in english
    assert "6,5%/năm" in vietnamese and "62.67" not in vietnamese


def test_language_detection() -> None:
    assert detect_lang({"LANG": "vi_VN.UTF-8"}) == "vi"
    assert detect_lang({"LC_ALL": "en_US.UTF-8", "LANG": "vi_VN.UTF-8"}) == "en"
    assert detect_lang({}) == "en"


def test_every_label_exists_in_every_language() -> None:
    for key, texts in CATALOGUE.items():
        assert set(texts) == set(LANGS), key
        for lang in LANGS:
            assert texts[lang].strip(), (key, lang)
            assert unicodedata.is_normalized("NFC", texts[lang]), (key, lang)


def test_text_from_input_is_printed_as_written(cli: Cli, write: Write) -> None:
    path = write("indicator,year,value,area\ndx_rank,2024,3,[bold]Ba Đình[/bold]\n", "a.csv")
    result = cli("check", path, "-t", WORKED, "--fail-on", "never", env=WIDE)
    assert "Area: [bold]Ba Đình[/bold]" in result.out


def test_areas_are_scored_each_on_their_own(cli: Cli, write: Write) -> None:
    rows = "indicator,year,value,area\n" + "".join(
        f"records_online_commune,{year},{value},{area}\n"
        for area, values in (("Ba Đình", (50, 60)), ("Sóc Sơn", (20, 22)))
        for year, value in zip((2023, 2024), values, strict=True)
    )
    document = json.loads(
        cli("check", write(rows), "-t", WORKED, "--format", "json", "--year", "2025").out
    )
    status = {(r["area"], r["indicator"]): r["status"] for r in document["results"]}
    assert status[("Ba Đình", "records_online_commune")] == "achieved"
    assert status[("Sóc Sơn", "records_online_commune")] == "at_risk"
    only = json.loads(
        cli("check", write(rows), "-t", WORKED, "--format", "json", "--area", "Sóc Sơn").out
    )
    assert {r["area"] for r in only["results"]} == {"Sóc Sơn"}


def test_a_missing_actuals_file(cli: Cli, tmp_path: Path) -> None:
    result = cli("check", tmp_path / "nope.csv", "-t", WORKED)
    assert result.code == 2
    assert "nope.csv: no such file or folder [not-found]" in result.err


def test_a_closed_pipe_ends_quietly() -> None:
    import subprocess
    import sys

    command = [
        sys.executable,
        "-m",
        "dxscore",
        "check",
        str(EXAMPLES / "hanoi-actuals.csv"),
        "--fail-on",
        "never",
    ]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()  # the reader goes away, as `| head -c 10` does
        error = process.stderr.read().decode()
        code = process.wait()
    assert code == -13  # 2 MB of output: the writer meets the closed pipe and ends by SIGPIPE
    assert "Traceback" not in error
    assert error == ""


def test_every_problem_key_in_the_code_has_words_in_both_languages() -> None:
    import re

    calls = re.compile(
        r'(?:problem|_problem_at|YamlProblem)\((?:[^()"]|\([^()]*\))*?(?<!=)"([a-z][a-z0-9_.-]+)"'
        r'|"((?:warning|problem|cli)\.[a-z0-9_.-]+)"|\b(?:yield at|yield \(\*at, key\)), "([a-z.-]+)"'
    )
    found = set()
    for path in (ROOT / "dxscore").rglob("*.py"):
        for match in calls.finditer(path.read_text(encoding="utf-8")):
            key = next(group for group in match.groups() if group)
            found.add(key if key.startswith(("warning.", "problem.", "cli.")) else f"problem.{key}")
    assert len(found) > 60
    missing = sorted(
        key
        for key in found
        if key not in CATALOGUE and key.removeprefix("problem.") not in CATALOGUE
    )
    assert missing == []


def test_messages_follow_the_language(cli: Cli, write: Write) -> None:
    path = write("indicator,year,value\ndx_rnak,2024,3\ndx_rank,2024,abc\n", "bad.csv")
    result = cli("check", path, "-t", WORKED, "--lang", "vi")
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0].endswith(
        "bộ chỉ tiêu worked không có chỉ tiêu 'dx_rnak'; có phải là 'dx_rank' không? Xem danh sách bằng `dxscore targets worked` [unknown-indicator]"
    )
    assert lines[1].endswith("value: 'abc' không phải là số [not-a-number]")
    assert lines[2] == "✘ 2 lỗi trong 1 đầu vào (tệp hoặc tùy chọn); hãy sửa rồi chạy lại"
    yaml_file = write(MINIMAL_YAML.replace("{min: 60}", "{min: sixty}"), "t.yaml")
    result = cli("validate", yaml_file, env={"LANG": "vi_VN.UTF-8"})
    assert result.err.splitlines()[0].endswith(
        "pillars.government[0].targets.2025.min: 'sixty' không phải là số: hãy ghi `min:` và một"
        " số viết bằng chữ số, ví dụ `min: 60` [float-type]"
    )
    english = cli("validate", yaml_file, "--lang", "en")
    assert english.err.splitlines()[0].endswith(
        "'sixty' is not a number: write `min:` and a number in digits, such as `min: 60`"
        " [float-type]"
    )


def test_a_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import io

    from dxscore.cli import options

    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * 1000)
    monkeypatch.setattr(options, "PROGRESS_BYTES", 100)
    with options.progress_shown([big], "en") as progress:  # pytest's stderr is not a terminal
        assert progress is None

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(options.sys, "stderr", terminal)
    monkeypatch.setenv("FORCE_COLOR", "1")
    with options.progress_shown([big], "en") as progress:
        assert progress is not None  # a spinner, and a bar the reference reader advances
        progress(str(big), 500)
    assert "reading" in terminal.getvalue()
    monkeypatch.setattr(options.sys, "stderr", Terminal())
    with options.progress_shown([tmp_path / "small.csv", Path("-")], "en") as progress:
        assert progress is None  # nothing large to read (a missing file, standard input)


@pytest.mark.parametrize("columns", [72, 76, 80])
def test_status_words_are_whole_in_a_narrow_terminal(cli: Cli, columns: int) -> None:
    """CI logs are 80 columns or fewer; the status word must survive, not only its colour,
    and so must the indicator id an analyst copies into the actuals."""
    result = cli("check", WORKED_ACTUALS, "-t", WORKED, env={"COLUMNS": str(columns)})
    shown = result.out
    for status in ("✔ achieved", "↗ on track", "⚠ at risk", "✘ missed"):
        assert status in shown, status
    assert max(len(line.rstrip()) for line in shown.splitlines()) <= columns
    assert "…" not in shown  # a long indicator id folds onto the next line, never cut
