"""Target files made to hurt (issue 23): names that show nothing, separators from escapes,
positions past the end of the file, and work that grew with the number of problems."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import MINIMAL, Cli
from dxscore import safe_yaml
from dxscore.targets import load_target_file

Write = Callable[..., Path]


def only_line(cli: Cli, path: Path) -> str:
    result = cli("validate", path)
    assert result.code == 2, result
    return result.err.splitlines()[0]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("\u3164", "name-without-letter"),  # Hangul filler: a letter that shows nothing
        ("\u2800", "name-without-letter"),  # a blank braille cell
        ("\u0301", "name-without-letter"),  # a combining accent on nothing
        ("-- %", "name-without-letter"),
        ("Test \u202eytiC", "invisible-character"),  # a right-to-left override, refused in areas
        ("Test\u200bCity", "invisible-character"),
        ("Test\\LCity", "line-separator"),  # "\L" in double quotes: U+2028
        ("Test\\PCity", "line-separator"),  # "\P": U+2029
        ("Test\\NCity", "control-character"),  # "\N": U+0085, refused before
    ],
)
def test_a_name_must_show_a_letter_or_a_digit_and_nothing_invisible(
    cli: Cli, write: Write, name: str, kind: str
) -> None:
    path = write(MINIMAL.replace("en: Test City}", f'en: "{name}"}}'))
    line = only_line(cli, path)
    assert line.startswith(f"{path}:3:31: name.en: "), line
    assert line.endswith(f"[{kind}]"), line


@pytest.mark.parametrize(
    "name", ["Thành phố Thử", unicodedata.normalize("NFD", "Hà Nội"), "3", "Ⅻ"]
)
def test_names_with_letters_or_digits_remain_valid(cli: Cli, write: Write, name: str) -> None:
    path = write(MINIMAL.replace("en: Test City}", f'en: "{name}"}}'))
    assert cli("validate", path).code == 0


def test_a_quote_keeps_its_line_breaks_but_not_a_line_separator(cli: Cli, write: Write) -> None:
    path = write(MINIMAL.replace('quote: "khoảng 30%"', 'quote: "khoảng\\n30%"'))
    assert cli("validate", path).code == 0
    path = write(MINIMAL.replace('quote: "khoảng 30%"', 'quote: "khoảng\\L30%"'))
    assert only_line(cli, path).endswith("[line-separator]")


@pytest.mark.parametrize("ending", ["", "\n", "\n\n"])
@pytest.mark.parametrize(
    ("tail", "opener"), [("extra: {a: 1, b: 2", "{"), ("extra: [1, 2,", "["), ("extra: [", "[")]
)
def test_a_flow_collection_left_open_at_the_end_is_placed_where_it_opens(
    cli: Cli, write: Write, tail: str, opener: str, ending: str
) -> None:
    path = write(MINIMAL + tail + ending)
    line = only_line(cli, path)
    lines = MINIMAL.count("\n") + 1
    assert line.startswith(f"{path}:{lines}:8: the {opener} opened here is never closed"), line
    assert f"{lines + 1}:" not in line


@pytest.mark.parametrize("text", ["%YAML 1.2", "%YAML 1.2\n", "# a comment\n%YAML 1.2\n"])
def test_a_yaml_directive_alone_is_placed_on_its_line(cli: Cli, write: Write, text: str) -> None:
    path = write(text)
    line = only_line(cli, path)
    number = text.split("\n").index("%YAML 1.2") + 1
    assert line.startswith(f"{path}:{number}:1: a %YAML or %TAG directive must be followed by"), (
        line
    )


def test_problems_past_the_first_thousand_are_counted_not_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """10,000 unknown keys took 9 s, 20,000 took 32 s: each was located by a walk over every
    key, although 50 are printed."""
    calls = 0
    locate = safe_yaml.locate

    def counted(*args: object, **options: object) -> safe_yaml.Location:
        nonlocal calls
        calls += 1
        return locate(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(safe_yaml, "locate", counted)
    path = tmp_path / "keys.yaml"
    path.write_text(MINIMAL + "".join(f"k{n}: 1\n" for n in range(5000)), encoding="utf-8")
    loaded, problems = load_target_file(path)
    assert loaded is None
    assert calls <= 1001
    assert [p.type for p in problems[:-1]] == ["extra-forbidden"] * 1000
    assert problems[-1].type == "too-many-problems"
    assert problems[0].line == MINIMAL.count("\n") + 1  # the first of them, in the file's order


def test_a_file_of_too_many_values_is_refused_where_the_limit_is_passed(
    cli: Cli, write: Write
) -> None:
    path = write(MINIMAL + "".join(f"k{n}: [1, 2, 3, 4]\n" for n in range(12_000)))
    line = only_line(cli, path)
    assert "the file holds more than 50,000 values" in line and line.endswith(
        "[yaml-too-many-nodes]"
    )
    number = int(line.removeprefix(f"{path}:").split(":")[0])
    assert MINIMAL.count("\n") < number < MINIMAL.count("\n") + 12_000


def test_a_problem_is_never_placed_past_the_end_of_the_file() -> None:
    for text in ("a: [", "a: {b: 1", "%YAML 1.2", "a: 'x", 'a: "x', "a: [1,\n\n", "{"):
        _, problems = safe_yaml.parse_text(text, "t.yaml")
        assert problems, text
        lines = text.rstrip("\n").count("\n") + 1
        assert all(p.line is None or p.line <= lines for p in problems), (text, problems)


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_a_slip_in_a_file_of_any_line_ending_is_placed_not_a_crash(
    cli: Cli, write: Callable[..., Path], ending: str
) -> None:
    """Found by the fuzzer (after the slips moved to their own module): a key without its ':'
    in a file whose lines end with a lone CR was an internal error, the heuristics splitting
    lines at LF alone where YAML counts CR too."""
    text = ending.join(["dxscore: 1", "id: x", "name {vi: a, en: b}", ""])
    ran = cli("validate", write(text.encode("utf-8"), "cr.yaml"))
    assert ran.code == 2 and "internal error" not in ran.err
    assert ran.err.startswith(f"{ran.err.split(':')[0]}:3:")
