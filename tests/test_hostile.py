"""Inputs that once broke dxscore (found by a hostile-input campaign), kept as regression tests.

Each ends in a clear message and exit 2 (or a correct result), never a traceback, a wrong line,
a guessed value or a damaged file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT, Cli

DATA = Path(__file__).parent / "data"
WORKED = DATA / "worked.yaml"
HEADER = "indicator,year,value\n"

Write = Callable[..., Path]


def first_error(cli: Cli, *args: str | Path) -> str:
    result = cli(*args)
    assert result.code == 2, result
    assert "Traceback" not in result.err
    return result.err.splitlines()[0]


def test_an_unclosed_quote_does_not_swallow_the_rest_of_the_file(cli: Cli, write: Write) -> None:
    path = write(
        HEADER.replace("\n", ",note\n")
        + 'dx_rank,2022,24,"started\ndx_rank,2023,12,x\ndx_rank,2024,8,y\n'
    )
    line = first_error(cli, "check", path, "-t", WORKED)
    assert line.startswith(f"{path}:2:1: a quoted cell is never closed")


def test_a_stray_quote_is_refused_not_read_as_a_number(cli: Cli, write: Write) -> None:
    path = write(HEADER + 'dx_rank,2024,"4"0\n')
    assert first_error(cli, "check", path, "-t", WORKED).startswith(f"{path}:2:1: ")


def test_an_oversized_cell_names_its_own_line(cli: Cli, write: Write) -> None:
    path = write(HEADER + "dx_rank,2023,4\n\ndx_rank,2024," + "5" * 200_000 + "\n")
    line = first_error(cli, "check", path, "-t", WORKED)
    assert line.startswith(f"{path}:4:1: a cell is larger than the CSV reader's limit")


@pytest.mark.parametrize("value", ["١٢", "５５", "3%", "x", "12\x1b[2J"])
def test_values_are_never_guessed(cli: Cli, write: Write, value: str) -> None:
    indicator = "e_government_done" if value == "x" else "dx_rank"
    path = write(HEADER + f"{indicator},2024,{value}\n")
    line = first_error(cli, "check", path, "-t", WORKED)
    assert line.startswith(f"{path}:2:3: value: ")
    assert "\x1b" not in line  # control characters are shown escaped, never sent to the terminal


def test_decode_errors_name_the_bad_byte_itself(cli: Cli, write: Write) -> None:
    path = write(
        HEADER.encode() + "dx_rank,2024,1\ne_government_done,2024,hoàn thành\n".encode("cp1258")
    )
    line = first_error(cli, "check", path, "-t", WORKED)
    assert line.startswith(f"{path}:3:26: byte 0xe0 cannot be read as UTF-8")  # the "à" of "hoàn"


def test_utf16_without_a_bom_under_encoding_utf16(cli: Cli, write: Write) -> None:
    path = write((HEADER + "dx_rank,2024,1\n").encode("utf-16-le"))
    line = first_error(cli, "check", path, "-t", WORKED, "--encoding", "utf-16")
    assert "cannot be read as utf-16" in line


def test_a_semicolon_file_with_commas_in_a_quoted_header(cli: Cli, write: Write) -> None:
    path = write('indicator;year;value;"note, with, commas, inside"\ndx_rank;2024;3;x\n')
    assert cli("check", path, "-t", WORKED, "--fail-on", "never").code == 0


def test_a_year_heading_two_wide_columns(cli: Cli, write: Write) -> None:
    path = write("indicator,2024,2024\ndx_rank,3,4\n")
    assert (
        first_error(cli, "check", path, "-t", WORKED)
        == f"{path}:1:3: 2024: year 2024 heads two columns; keep one [duplicate-column]"
    )


def test_the_same_file_twice_is_read_once(cli: Cli) -> None:
    actuals = DATA / "worked-actuals.csv"
    result = cli("check", actuals, actuals, "-t", WORKED, "--format", "json")
    assert result.code == 1
    assert "given more than once; read once" in result.err
    assert len(json.loads(result.out)["results"]) == 12


def test_a_link_to_itself_is_a_message_not_a_bug(cli: Cli, tmp_path: Path) -> None:
    looped = tmp_path / "actuals.csv"
    looped.symlink_to(looped)
    result = cli("check", looped)
    assert result.code == 2
    assert result.err.startswith(
        f"{looped}: cannot read the file: Too many levels of symbolic links [unreadable]"
    )
    report = tmp_path / "report.md"  # a link that leads nowhere is replaced by the report
    report.symlink_to(report)
    written = cli("report", ROOT / "examples" / "hanoi-actuals.csv", "-o", report)
    assert written.code == 0, written
    assert report.read_text(encoding="utf-8").startswith("# ")


def test_filters_that_match_nothing_are_errors(cli: Cli) -> None:
    actuals = DATA / "worked-actuals.csv"
    assert first_error(cli, "check", actuals, "-t", WORKED, "--year", "1999").startswith(
        "--year: 1999 is not a target year (target years: 2024, 2025, 2030)"
    )
    assert first_error(cli, "check", actuals, "-t", WORKED, "--area", "nowhere").startswith(
        "--area: the actuals have no values by area; leave out --area"
    )
    districts = ROOT / "examples" / "hanoi-districts.csv"
    assert first_error(cli, "check", districts, "--area", "nowhere").startswith(
        "--area: area 'nowhere' has no reported values (areas: Ba Đình"
    )


def test_markup_and_emoji_codes_print_inert_and_escape_sequences_are_refused(
    cli: Cli, write: Write
) -> None:
    path = write('indicator,year,value,area\ndx_rank,2024,3,":smile: [bold]red"\n')
    result = cli("check", path, "-t", WORKED, "--fail-on", "never", env={"COLUMNS": "150"})
    assert "Area: :smile: [bold]red" in result.out and "😄" not in result.out
    escape = write('indicator,year,value,area\ndx_rank,2024,3,"\x1b[31mred"\n', "esc.csv")
    result = cli("check", escape, "-t", WORKED, "--fail-on", "never")
    assert result.code == 2 and "\x1b" not in result.out + result.err
    assert f"{escape}:2:4: area: the cell holds the control character U+001B" in result.err


def test_backslashes_that_end_a_text_print_as_written(cli: Cli, write: Write) -> None:
    r"""Found by a test campaign: rich's markup escape doubled a trailing backslash (`Ba Vi\`
    printed `Ba Vi\\`), and two of them before a closing tag printed one."""
    path = write("indicator,year,value,area,note\ndx_rank,2024,3,Ba Vi\\,z\\\\\n")
    result = cli(
        "check", path, "-t", WORKED, "--explain", "--fail-on", "never", env={"COLUMNS": "150"}
    )
    assert "Area: Ba Vi\\ · as of 2024" in result.out
    assert "(2024); z\\\\; top 5" in result.out

    # compare's tables too, and a backslash before a bracket that opens no tag
    named = write(
        WORKED.read_text(encoding="utf-8")
        .replace("id: worked", "id: town")
        .replace("en: Worked example", "en: 'Town \\[1]\\'"),
        "town.yaml",
    )
    both = write("city,indicator,year,value\nworked,dx_rank,2024,3\ntown,dx_rank,2024,4\n")
    compared = cli("compare", both, "-t", WORKED, "-t", named, env={"COLUMNS": "200"})
    assert compared.code == 0, compared
    assert "Town \\[1]\\ " in compared.out and "Town \\[1]\\\\" not in compared.out


def test_a_key_with_control_characters_is_named_escaped_on_one_line(cli: Cli, write: Write) -> None:
    """Found by a CI campaign: an unknown key holding an ESC sequence or a line break was
    written raw in the message, so it could clear the terminal or split the FILE:LINE:COL line."""
    path = write(MINIMAL + '"\\e[2Jwei\\nght": 1\n')
    for output in ("text", "github"):
        result = cli("validate", path, "--format", output)
        assert result.code == 2
        shown = result.out + result.err  # github annotations go to standard output
        assert "\x1b" not in shown and "\r" not in shown
        [line] = [line for line in shown.splitlines() if "unknown key" in line]
        assert "\\x1b[2Jwei\\x0aght" in line


def test_a_control_character_in_a_target_file(cli: Cli, write: Write) -> None:
    nul = write(b"dxscore: 1\nid: x\x00\n", "nul.yaml")
    assert (
        first_error(cli, "validate", nul)
        == f"{nul}:2:6: the character U+0000 is not allowed in YAML; remove it [yaml-syntax]"
    )
    escape = write(MINIMAL.replace("en: Test City", 'en: "\\e[2J"'), "esc.yaml")
    assert first_error(cli, "validate", escape).startswith(
        f"{escape}:3:31: name.en: the text holds the control character U+001B"
    )


def test_yaml_tags_and_odd_keys(cli: Cli, write: Write) -> None:
    tagged = write(MINIMAL.replace("{min: 60}", '{min: !!int "60"}'), "tag.yaml")
    assert first_error(cli, "validate", tagged).endswith("[yaml-tag]")
    python = write(MINIMAL.replace("{min: 60}", "!!python/object:os.system {}"), "py.yaml")
    assert first_error(cli, "validate", python).startswith(f"{python}:12:15: YAML tags")
    boolean_key = write(
        MINIMAL.replace("        2030: {min: 80}", "        true: {min: 80}"), "bool.yaml"
    )
    assert first_error(cli, "validate", boolean_key).startswith(
        f"{boolean_key}:13:9: pillars.government[0].targets.true:"
    )
    hex_key = write(
        MINIMAL.replace("        2030: {min: 80}", "        0x7e9: {min: 80}"), "hex.yaml"
    )
    assert "targets.0x7e9" in first_error(cli, "validate", hex_key)


def test_a_target_file_with_no_target(cli: Cli, write: Write) -> None:
    empty = write(
        "dxscore: 1\nid: x\nname: {vi: a, en: b}\nresolution: {title: {vi: a, en: b}}\n"
        "pillars: {government: [], economy: [], society: []}\n"
    )
    assert first_error(cli, "validate", empty).endswith(
        "the file sets no target: every pillar is empty [no-indicators]"
    )


def test_template_never_writes_over_a_target_file_or_a_device(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "hanoi.yaml"
    original = (ROOT / "targets" / "hanoi.yaml").read_text(encoding="utf-8")
    target.write_text(original, encoding="utf-8")
    line = first_error(cli, "template", "hanoi", "-t", target, "-o", target, "--force")
    assert "refusing to write over an input file" in line
    assert target.read_text(encoding="utf-8") == original
    fifo = tmp_path / "pipe"  # a stand-in for /dev/null: not a regular file, and safe to break
    os.mkfifo(fifo)
    assert "not a regular file" in first_error(
        cli, "template", "hanoi", "-t", target, "-o", fifo, "--force"
    )
    assert fifo.is_fifo()


@pytest.mark.parametrize("output_format", ["csv", "markdown", "json"])
def test_a_document_written_through_a_code_page_is_utf8(tmp_path: Path, output_format: str) -> None:
    """A redirected stream is in the locale's code page (cp1258 on a Vietnamese Windows),
    which has no 'ộ': the document was an internal error instead of UTF-8."""
    actuals = tmp_path / "a.csv"
    actuals.write_text(
        "city,indicator,year,value,note\nhanoi,dx_rank,2024,6,Sở TT&TT Hà Nội\n", encoding="utf-8"
    )
    command = ["report", actuals, "--lang", "vi", "-f", output_format]
    run = subprocess.run(
        [sys.executable, "-m", "dxscore", *command],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "cp1258"},
    )
    assert run.returncode == 0, run.stderr
    assert "Hà Nội" in run.stdout.decode("utf-8-sig")
    assert run.stderr == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("--format=json", "dxscore: cannot write the output: No space left on device\n"),
        ("--lang=vi", "dxscore: không ghi được kết quả: ổ đĩa đã hết chỗ trống\n"),
    ],
)
def test_a_full_disk_is_a_message_not_a_bug(option: str, message: str) -> None:
    with Path("/dev/full").open("w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "dxscore", "targets", "hanoi", option],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL")},
        )
    assert run.returncode == 2
    assert run.stderr == message


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_the_version_on_a_full_disk_or_a_closed_output_is_a_message() -> None:
    """Found by a README audit: --version, answered before the command line is built, ended
    in a traceback (exit 1) where every command says the output failed and exits 2."""
    version = [sys.executable, "-m", "dxscore", "--version"]
    clean = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL")}
    with Path("/dev/full").open("w") as full:
        run = subprocess.run(version, stdout=full, stderr=subprocess.PIPE, text=True, env=clean)
    assert (run.returncode, run.stderr) == (
        2,
        "dxscore: cannot write the output: No space left on device\n",
    )
    assert _with_stdout_closed(version) == (2, CLOSED_MESSAGE)


CLOSED_MESSAGE = "dxscore: cannot write the output: Bad file descriptor\n"


def _with_stdout_closed(command: list[str]) -> tuple[int, str]:
    """The exit code and standard error of a run started with standard output closed (`>&-`)."""
    clean = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL")}
    run = subprocess.run(
        command, stderr=subprocess.PIPE, text=True, env=clean, preexec_fn=lambda: os.close(1)
    )
    return run.returncode, run.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.slow
def test_a_closed_output_or_a_full_standard_error_still_exits_2() -> None:
    """Found by a README audit: `check -f json >&-` was an internal error (exit 70), and bad
    input with standard error on a full disk exited 1, the code of a missed target."""
    clean = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL")}
    check = [sys.executable, "-m", "dxscore", "check", str(ROOT / "examples" / "hanoi-actuals.csv")]
    for extra in ([], ["-f", "json"]):
        assert _with_stdout_closed([*check, *extra]) == (2, CLOSED_MESSAGE), extra
    # standard error closed (`2>&-`): messages are dropped as asked, the exit code stays true
    for command, code in (
        (check, 1),
        ([*check, "--fail-on", "never"], 0),
        ([*check[:-1], str(ROOT / "targets" / "hanoi.yaml")], 2),
    ):
        run = subprocess.run(
            command, stdout=subprocess.DEVNULL, env=clean, preexec_fn=lambda: os.close(2)
        )
        assert run.returncode == code, command
    with Path("/dev/full").open("w") as full:
        bad = subprocess.run(
            [*check[:-1], str(ROOT / "targets" / "hanoi.yaml")],  # not actuals: problems
            stdout=subprocess.PIPE,
            stderr=full,
            env=clean,
        )
    assert bad.returncode == 2


def test_the_systems_reasons_are_worded_in_vietnamese(cli: Cli, tmp_path: Path) -> None:
    result = cli("check", tmp_path / "missing.csv", "--lang", "vi")
    assert result.err.startswith(f"{tmp_path / 'missing.csv'}: không có tệp hay thư mục này")
    folder = cli("check", tmp_path, "--lang", "vi")
    assert folder.err.startswith(f"{tmp_path}: không đọc được tệp: đây là một thư mục")


def test_a_50_mib_target_file_is_refused_unread(cli: Cli, tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.write(b"# " + b"x" * (50 * 1024 * 1024) + b"\n")
    line = first_error(cli, "validate", huge)
    assert line.endswith("[file-too-large]")


@pytest.mark.slow
def test_a_10_mib_cell_and_a_million_columns(cli: Cli, write: Write) -> None:
    path = write(
        HEADER.replace("\n", ",note\n") + "dx_rank,2024,3," + "n" * (10 * 1024 * 1024) + "\n",
        "big.csv",
    )
    assert "larger than the CSV reader's limit" in first_error(cli, "check", path, "-t", WORKED)
    extra = ",".join(f"c{n}" for n in range(1_000_000))
    wide = write(f"indicator,year,value,{extra}\ndx_rank,2024,3{',' * 1_000_000}\n", "wide.csv")
    result = cli("check", wide, "-t", WORKED, "--fail-on", "never", "--format", "json")
    assert result.code == 0
    assert (
        "column(s) not used: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 999990 more" in result.err
    )
    assert len(result.err) < 1000


def test_signed_zero_reads_as_zero(cli: Cli, write: Write) -> None:
    path = write(HEADER + "reporting_online,2024,-0\n")
    out = cli("check", path, "-t", WORKED, "-f", "json", "--fail-on", "never").out
    row = next(r for r in json.loads(out)["results"] if r["indicator"] == "reporting_online")
    assert row["actual"] == 0.0 and str(row["actual"]) == "0.0"  # not -0.0
    assert "-0.0" not in out


def test_a_rank_is_a_whole_number(cli: Cli, write: Write) -> None:
    path = write(HEADER + "dx_rank,2024,2.5\n")
    assert first_error(cli, "check", path, "-t", WORKED).endswith(
        "value: '2.5' is not a rank; a rank is a whole number (1, 2, 3 …) [not-a-number]"
    )


def test_as_of_before_every_value_is_an_error(cli: Cli) -> None:
    line = first_error(cli, "check", DATA / "worked-actuals.csv", "-t", WORKED, "--as-of", "2010")
    assert line.startswith("--as-of: no value is reported up to 2010; the earliest is from 2022")


def test_an_interrupted_write_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dxscore import output

    report = tmp_path / "report.md"
    report.write_text("the previous report\n", encoding="utf-8")

    def interrupted(_: int) -> None:
        raise KeyboardInterrupt  # Ctrl-C after the data is written, before it is in place

    monkeypatch.setattr(output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(report, b"# the new report\n" * 1000)
    assert report.read_text(encoding="utf-8") == "the previous report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # the temporary file is gone
    monkeypatch.undo()
    output.write_atomic(report, b"# the new report\n")
    assert report.read_text(encoding="utf-8") == "# the new report\n"


def test_an_unwritable_folder(cli: Cli) -> None:
    result = cli(
        "report", DATA / "worked-actuals.csv", "-t", WORKED, "-o", "/proc/dxscore-report.md"
    )
    assert result.code == 2
    assert "/proc/dxscore-report.md: cannot write here" in result.err


def test_empty_cells_are_counted_not_silently_dropped(cli: Cli, write: Write) -> None:
    path = write(HEADER + "dx_rank,2023,4\ndx_rank,2024,\nreporting_online,2024,\n")
    result = cli("check", path, "-t", WORKED, "--fail-on", "never")
    assert "2 cell(s) left empty: not reported" in result.err


def test_about_is_met_at_its_margin_despite_float_rounding(cli: Cli, write: Write) -> None:
    targets = write(MINIMAL.replace("{about: 30}", "{about: 2.2}"), "about.yaml")  # margin 0.11
    actuals = write("indicator,year,value\ndigital_economy_share,2025,2.09\n", "about.csv")
    document = json.loads(
        cli("check", actuals, "-t", targets, "-f", "json", "--pillar", "economy").out
    )
    assert (
        document["results"][0]["status"] == "achieved"
    )  # 2.2 − 0.11 is 2.09, not 2.0900000000000003


def test_area_never_invents_an_area_for_another_city(cli: Cli, write: Write) -> None:
    path = write(
        "city,area,indicator,year,value\n"
        "hanoi,Ba Dinh,records_online_commune,2024,30\nhaiphong,,records_online_commune,2024,70\n"
    )
    out = cli(
        "check",
        path,
        "-t",
        ROOT / "targets",
        "--area",
        "Ba Dinh",
        "-f",
        "json",
        "--fail-on",
        "never",
    ).out
    assert {(r["target_set"], r["area"]) for r in json.loads(out)["results"]} == {
        ("hanoi", "Ba Dinh")
    }


def test_filters_that_leave_nothing(cli: Cli) -> None:
    args = (
        "check",
        DATA / "worked-actuals.csv",
        "-t",
        WORKED,
        "--year",
        "2024",
        "--pillar",
        "society",
    )
    assert first_error(cli, *args).startswith(
        "--pillar: no target matches --year 2024 --pillar society; nothing would be scored"
    )


def test_a_target_file_named_twice_is_read_once(cli: Cli) -> None:
    result = cli("validate", WORKED, WORKED.parent / ".." / "data" / "worked.yaml")
    assert result.code == 0, result


def test_an_encoding_without_replace_does_not_crash(cli: Cli, write: Write) -> None:
    path = write(b"indicator,year,value,note\ndx_rank,2024,5,\xc3\xa9\n", "idna.csv")
    result = cli("check", path, "-t", WORKED, "--encoding", "idna")
    assert result.code == 2 and "internal error" not in result.err


def test_a_write_error_without_a_system_reason_still_says_what_failed() -> None:
    script = (
        "import io, sys\n"
        "class Closed(io.TextIOBase):\n"
        "    def write(self, text):\n"
        "        raise io.UnsupportedOperation('not writable')\n"
        "sys.stdout = Closed()\n"
        "sys.argv = ['dxscore', 'targets', 'hanoi', '--format', 'json', '--lang', 'en']\n"
        "from dxscore.cli import main\n"
        "main()\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr == "dxscore: cannot write the output: not writable\n"
