"""Each loading rule of target files, broken on purpose: exit 2, the exact line and column, the path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL, ROOT, Cli

Write = Callable[..., Path]


def problems(result: object) -> list[str]:
    return [line for line in result.err.splitlines() if line.endswith("]")]  # type: ignore[attr-defined]


def only_problem(cli: Cli, path: Path) -> str:
    result = cli("validate", path)
    assert result.code == 2, result
    found = problems(result)
    assert len(found) == 1, found
    return found[0]


def test_the_minimal_file_is_valid(cli: Cli, write: Write) -> None:
    result = cli("validate", write(MINIMAL))
    assert result.code == 0, result
    assert "1 target file(s) valid: testcity (4 targets)" in result.err


def test_unknown_key_points_at_the_key_and_suggests_the_right_one(cli: Cli, write: Write) -> None:
    path = write(
        MINIMAL.replace('      quote: "khoảng 30%"', '      quote: "khoảng 30%"\n      wieght: 2')
    )
    line = only_problem(cli, path)
    assert line.startswith(
        f"{path}:22:7: pillars.economy[0].wieght: unknown key 'wieght'; did you mean 'weight'?"
    )
    assert line.endswith("[extra-forbidden]")


def test_a_repeated_key_is_reported_at_its_second_occurrence(cli: Cli, write: Write) -> None:
    path = write(
        MINIMAL.replace(
            "        2025: {min: 60}\n", "        2025: {min: 60}\n        2025: {min: 65}\n"
        )
    )
    line = only_problem(cli, path)
    assert (
        line == f"{path}:13:9: pillars.government[0].targets.2025: key '2025' is repeated"
        " (first on line 12); keep only one [duplicate-key]"
    )


def test_a_repeated_key_inside_a_flow_mapping(cli: Cli, write: Write) -> None:
    path = write(MINIMAL.replace("{min: 60}", "{min: 60, min: 65}"))
    assert (
        only_problem(cli, path)
        == f"{path}:12:25: pillars.government[0].targets.2025.min: key 'min' is repeated"
        " (first on line 12); keep only one [duplicate-key]"
    )


def test_aliases_and_anchors_are_refused(cli: Cli, write: Write) -> None:
    path = write(
        MINIMAL.replace(
            "        2030: {min: 80}", "        2030: &goal {min: 80}\n        2031: *goal"
        )
    )
    line = only_problem(cli, path)
    assert line.startswith(f"{path}:13:15: YAML anchors (&goal) are not allowed")
    assert line.endswith("[yaml-anchor]")


def test_a_billion_laughs_file_is_refused_at_once(cli: Cli, write: Write) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = write("\n".join(lines) + "\n")
    line = only_problem(cli, path)
    assert line.startswith(f"{path}:1:5: YAML anchors (&a0) are not allowed")


def test_an_alias_without_an_anchor_is_refused(cli: Cli, write: Write) -> None:
    path = write(MINIMAL.replace("        2030: {min: 80}", "        2030: *goal"))
    result = cli("validate", path)
    assert result.code == 2
    assert problems(result)[0].startswith(f"{path}:13:15: ")


@pytest.mark.parametrize("word", ["yes", "on", "True", "1"])
def test_only_true_is_a_boolean(cli: Cli, write: Write, word: str) -> None:
    path = write(MINIMAL.replace("{done: true}", f"{{done: {word}}}"))
    line = only_problem(cli, path)
    assert line == (
        f"{path}:27:22: pillars.society[0].targets.2025.done: '{word}' is not a boolean: only"
        " `true` and `false` are (not yes, on or 1); a milestone target is `done: true`"
        " [bool-type]"
    ).replace("'1'", "1")


def test_dates_stay_strings(cli: Cli, write: Write) -> None:
    path = write(MINIMAL.replace('quote: "khoảng 30%"', "quote: 2025-12-31"))
    assert cli("validate", path).code == 0


def test_a_quoted_number_is_not_a_number(cli: Cli, write: Write) -> None:
    path = write(MINIMAL.replace("{min: 60}", '{min: "60"}'))
    line = only_problem(cli, path)
    assert line == (
        f'{path}:12:21: pillars.government[0].targets.2025.min: "60" is a number in quotes,'
        " which YAML reads as text: remove the quotes, `min: 60` [float-type]"
    )


def test_a_quoted_year_beside_the_same_year_unquoted_is_located(cli: Cli, write: Write) -> None:
    """Both keys read "2025"; only the quoted one (line 13) is wrong."""
    path = write(MINIMAL.replace("        2030: {min: 80}\n", '        "2025": {min: 70}\n'))
    assert only_problem(cli, path).startswith(
        f'{path}:13:9: pillars.government[0].targets.2025: the key "2025" is a year in quotes'
    )


def test_sexagesimal_and_nan_are_not_numbers(cli: Cli, write: Write) -> None:
    path = write(MINIMAL.replace("{min: 60}", "{min: 1:30}").replace("{min: 80}", "{min: .nan}"))
    result = cli("validate", path)
    assert result.code == 2
    assert [line.rsplit("[", 1)[1] for line in problems(result)] == [
        "float-type]",
        "finite-number]",
    ]
    assert problems(result)[1].startswith(f"{path}:13:21: pillars.government[0].targets.2030.min:")


def test_a_file_over_one_mebibyte_is_refused_unread(cli: Cli, write: Write) -> None:
    path = write(MINIMAL + "#" + "x" * (1024 * 1024) + "\n")
    line = only_problem(cli, path)
    assert line.startswith(f"{path}: the file is larger than 1024 KiB")
    assert line.endswith("[file-too-large]")


def test_bytes_that_are_not_utf8_are_located(cli: Cli, write: Write) -> None:
    path = write(
        MINIMAL.replace("Thành phố Thử", "Thành pho Thu").encode("utf-8").replace(b"pho", b"ph\xf4")
    )
    line = only_problem(cli, path)  # columns count characters, as editors do: "Thành" is 5
    assert line == f"{path}:3:20: byte 0xf4 is not UTF-8; save the file as UTF-8 [not-utf8]"


def test_a_utf8_bom_is_accepted(cli: Cli, write: Write) -> None:
    assert cli("validate", write(b"\xef\xbb\xbf" + MINIMAL.encode())).code == 0


@pytest.mark.parametrize("content", ["", "\n\n", "# only a comment\n", "---\n"])
def test_an_empty_file(cli: Cli, write: Write, content: str) -> None:
    path = write(content)
    assert only_problem(cli, path).startswith(f"{path}: the file is empty")


def test_a_list_instead_of_a_mapping(cli: Cli, write: Write) -> None:
    path = write("- dxscore: 1\n- id: x\n")
    line = only_problem(cli, path)
    assert line.startswith(f"{path}:1:1: the file holds a list; a target file is a mapping")
    assert line.endswith("[not-a-mapping]")


def test_text_that_is_not_yaml(cli: Cli, write: Write) -> None:
    path = write("dxscore: 1\nid: [unclosed\nname: x\n")
    line = only_problem(cli, path)
    assert line.startswith(f"{path}:2:5: the [ opened here is not closed")
    assert line.endswith("at 3:5 a ',' or ']' was expected [yaml-syntax]")


def test_tabs_in_indentation(cli: Cli, write: Write) -> None:
    path = write(MINIMAL.replace("  economy:", "\teconomy:"))
    line = only_problem(cli, path)
    assert line == (
        f"{path}:15:1: a tab character here: YAML indents with spaces only;"
        " replace the tab with spaces [yaml-syntax]"
    )


def test_two_documents_in_one_file(cli: Cli, write: Write) -> None:
    path = write(MINIMAL + "---\nid: other\n")
    line = only_problem(cli, path)
    assert line.startswith(f"{path}:29:1: ")
    assert "single document" in line


def test_deep_nesting_is_refused(cli: Cli, write: Write) -> None:
    path = write("x: " + "[" * 10_000 + "]" * 10_000 + "\n")
    line = only_problem(cli, path)
    assert line.startswith(f"{path}:1:")
    assert line.endswith("[yaml-too-deep]")


def test_a_missing_key_points_at_its_parent(cli: Cli, write: Write) -> None:
    path = write(MINIMAL.replace("      unit: milestone\n", ""))
    line = only_problem(cli, path)
    assert line == f"{path}:23:7: pillars.society[0].unit: required key 'unit' is missing [missing]"


def test_every_problem_of_a_file_is_reported_at_once(cli: Cli, write: Write) -> None:
    broken = (
        MINIMAL.replace("{min: 60}", "{min: sixty}")
        .replace("{about: 30}", "{about: 30, max: 40}")
        .replace("id: smartphone_universal", "id: Smartphone")
    )
    result = cli("validate", write(broken))
    assert result.code == 2
    assert [line.split(": ", 2)[1] for line in problems(result)] == [
        "pillars.government[0].targets.2025.min",
        "pillars.economy[0].targets.2025",
        "pillars.society[0].id",
    ]
    assert "✘ 3 problem(s) in 1 of 1 file(s)" in result.err


def test_an_indicator_with_one_error_still_has_its_other_targets_checked(
    cli: Cli, write: Write
) -> None:
    """A target that does not validate must not hide the unit rules of its neighbours."""
    broken = (
        MINIMAL.replace("{min: 60}", "{min: 60, max: 70}")
        .replace("{min: 80}", "{min: 180}")
        .replace("2025: {done: true}", "2025: {done: false}\n        2026: {min: 1}")
        .replace("id: smartphone_universal", "id: digital_economy_share")
    )
    result = cli("validate", write(broken))
    assert result.code == 2
    assert [line.split(": ", 2)[1:] for line in problems(result)] == [
        [
            "pillars.government[0].targets.2025",
            "give exactly one comparator of min, above, max, below, about, done"
            " (found: min, max) [comparator-count]",
        ],
        [
            "pillars.government[0].targets.2030.min",
            "180 is outside the range of unit percent (0–100) [out-of-range]",
        ],
        [
            "pillars.society[0].id",
            "indicator id 'digital_economy_share' is already used by economy[0];"
            " give each indicator its own id [duplicate-indicator]",
        ],
        [
            "pillars.society[0].targets.2025",
            "a milestone target is `done: true`; `done: false` sets no target [done-false]",
        ],
        [
            "pillars.society[0].targets.2026",
            "unit milestone takes `done`, not `min` [unit-comparator]",
        ],
    ]


def test_many_problems_are_capped(cli: Cli, write: Write) -> None:
    items = "".join(
        f"    - {{id: i{n}, name: {{vi: a, en: b}}, unit: percent, targets: {{2025: {{min: x}}}}, quote: q}}\n"
        for n in range(60)
    )
    path = write(MINIMAL.replace("  government:\n", "  government:\n" + items))
    result = cli("validate", path)
    assert result.code == 2
    assert len(problems(result)) == 50
    assert f"{path}: … and 10 more problems" in result.err


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        (
            "{min: 60}",
            "{min: 60, max: 70}",
            "12:9: pillars.government[0].targets.2025: give exactly one comparator",
        ),
        (
            "{min: 60}",
            "{}",
            "12:9: pillars.government[0].targets.2025: give exactly one comparator",
        ),
        (
            "{min: 60}",
            "{min: 60, tolerance: 2}",
            "12:9: pillars.government[0].targets.2025: `tolerance` goes only with `about`",
        ),
        (
            "{about: 30}",
            "{about: 30, stretch: 35}",
            "20:9: pillars.economy[0].targets.2025: `stretch` goes only with `min` or `above`",
        ),
        (
            "{min: 60}",
            "{min: 60, stretch: 50}",
            "12:9: pillars.government[0].targets.2025: `stretch` (50) is below the target (60)",
        ),
        (
            "{done: true}",
            "{done: false}",
            "27:9: pillars.society[0].targets.2025: a milestone target is `done: true`",
        ),
        (
            "{min: 80}",
            "{min: 120}",
            "13:21: pillars.government[0].targets.2030.min: 120 is outside the range of unit percent (0–100)",
        ),
        (
            "unit: milestone",
            "unit: rank",
            "27:9: pillars.society[0].targets.2025: `done` goes with unit milestone, not rank",
        ),
        (
            "unit: percent\n      targets:\n        2025: {about",
            "unit: rank\n      targets:\n        2025: {about",
            "20:9: pillars.economy[0].targets.2025: unit rank takes `below`/`max`, not `about`",
        ),
        (
            "unit: milestone",
            "unit: percent",
            "27:9: pillars.society[0].targets.2025: `done` goes with unit milestone, not percent",
        ),
        (
            "unit: percent\n      targets:\n        2025: {about",
            "unit: milestone\n      targets:\n        2025: {about",
            "20:9: pillars.economy[0].targets.2025: unit milestone takes `done`, not `about`",
        ),
        (
            "unit: milestone",
            "unit: kg",
            "25:13: pillars.society[0].unit: 'kg' is not a value of `unit`; the values: percent,"
            " percent_per_year, percent_change, rank, count, milestone",
        ),
        (
            "id: testcity",
            "id: Test City",
            "2:5: id: 'Test City' is not a target-set id: write lowercase letters, digits, _ and"
            " -, starting with a letter, such as 'test_city'",
        ),
        # found by a CI campaign: a decimal comma and a missing ':' inside {…} were "`5` has no
        # value: … leave the key out"; a key that is a number named the value's column; year
        # keys one level too far left were "Keys should be strings"
        (
            "2025: {min: 60}",
            "2025: {min: 60,5}",
            "12:9: pillars.government[0].targets.2025: the number of `min` has a comma, which YAML"
            " reads as the start of a second key; write a decimal with a point (7.5, not 7,5)",
        ),
        (
            "2025: {min: 60}",
            "2025: {min 60}",
            "12:9: pillars.government[0].targets.2025: `min 60` has no value: write `min: 60`",
        ),
        (
            "2025: {min: 60}",
            "2025: {min: 60, 5: 3}",
            "12:25: pillars.government[0].targets.2025.5: unknown key '5'; allowed here: min,",
        ),
        (
            "      unit: percent\n      targets:\n        2025: {min: 60}",
            "      unit: percent\n      true: 1\n      targets:\n        2025: {min: 60}",
            "11:7: pillars.government[0].true: unknown key 'true'; allowed here: id,",
        ),
        (
            "      unit: percent\n      targets:\n        2025: {min: 60}",
            "      unit: percent\n      ~: 1\n      targets:\n        2025: {min: 60}",
            "11:7: pillars.government[0].~: unknown key '~'; allowed here: id,",
        ),
        (
            "      unit: percent\n      targets:\n        2025: {min: 60}",
            "      unit: percent\n      1.50: 1\n      targets:\n        2025: {min: 60}",
            "11:7: pillars.government[0].1.50: unknown key '1.50'; allowed here: id,",
        ),
        (
            "2025: {min: 60}",
            "2025: {about\t30}",
            "12:9: pillars.government[0].targets.2025: `about 30` has no value: write `about: 30`",
        ),
        (
            "      targets:\n        2025: {min: 60}\n        2030: {min: 80}",
            "      targets: {2030: {min: 80}}\n      2025: {min: 60}",
            "12:7: pillars.government[0].2025: unknown key '2025' here: a target year goes under"
            " `targets:`, indented one level below it",
        ),
        (
            "dxscore: 1",
            "dxscore: 2",
            "1:10: dxscore: this dxscore reads target files of schema version 1, not 2; write `dxscore: 1`",
        ),
        (
            "dxscore: 1",
            "dxscore: true",
            "1:10: dxscore: this dxscore reads target files of schema version 1, not true;",
        ),  # True == 1
        (  # compare would set a count beside other cities' percentages
            "unit: percent\n      targets:\n        2025: {min: 60}",
            "unit: count\n      targets:\n        2025: {min: 60}",
            "10:13: pillars.government[0].unit: 'records_online_commune' is a shared indicator id,"
            " measured in percent in every target set, not count",
        ),
        (
            "{min: 60}",
            "{above: 100}",
            "12:23: pillars.government[0].targets.2025.above: `above: 100` can never be met"
            " (values of unit percent: 0–100)",
        ),
        (
            "unit: percent\n      targets:\n        2025: {about: 30}",
            "unit: rank\n      targets:\n        2025: {below: 1.0}",
            "20:23: pillars.economy[0].targets.2025.below: `below: 1` can never be met"
            " (values of unit rank: ≥ 1)",
        ),
        (
            "unit: percent\n      targets:\n        2025: {about: 30}",
            "unit: rank\n      targets:\n        2025: {max: 5.5}",
            "20:21: pillars.economy[0].targets.2025.max: a rank is a whole number, not 5.5",
        ),
        (
            "dxscore: 1",
            "dxscore: 1.0",
            "1:10: dxscore: this dxscore reads target files of schema version 1, not 1.0;",
        ),
        (
            "dxscore: 1",
            'dxscore: "1"',
            "1:10: dxscore: this dxscore reads target files of schema version 1, not '1'; write `dxscore: 1` (a number, unquoted)",
        ),
        (
            'quote: "khoảng 30%"',
            'quote: "  "',
            "21:14: pillars.economy[0].quote: the text holds nothing visible",
        ),
        (
            "en: Test City",
            'en: "\u200b"',
            "3:31: name.en: the text holds nothing visible",
        ),
        (
            "en: Test City",
            'en: "\\e"',
            "3:31: name.en: the text holds the control character U+001B",
        ),
        (
            "        2030: {min: 80}",
            "        1800: {min: 80}",
            "13:9: pillars.government[0].targets.1800: the target year 1800 is outside the years"
            " accepted, 1900 to 2100: write a year in that range",
        ),
        (
            "id: smartphone_universal",
            "id: digital_economy_share",
            "23:11: pillars.society[0].id: indicator id 'digital_economy_share' is already used by economy[0]",
        ),
        (
            "unit: percent\n      targets:\n        2025: {min",
            "unit: percent\n      weight: 0\n      targets:\n        2025: {min",
            "11:15: pillars.government[0].weight: the weight 0 is outside the weights accepted,"
            " more than 0 and at most 1000: give one in that range (a weight left out is 1)",
        ),
        (
            "{min: 60}",
            "{min: 60, stretch: 150}",
            "12:34: pillars.government[0].targets.2025.stretch: 150 is outside the range of unit percent",
        ),
        (  # weights beyond 1000 could add up to infinity, and scores to NaN
            "unit: percent\n      targets:\n        2025: {min",
            "unit: percent\n      weight: 1.0e308\n      targets:\n        2025: {min",
            "11:15: pillars.government[0].weight: the weight 1.0e308 is outside the weights"
            " accepted, more than 0 and at most 1000",
        ),
        (
            "{about: 30}",
            "{about: 3.0e13}",
            "20:23: pillars.economy[0].targets.2025.about: 3.0e13 is out of bounds: a number in a"
            " target file lies within ± 10¹² (a trillion)",
        ),
        (  # a number is quoted with every digit the file gave, never as 1.23457e+06
            "{min: 80}",
            "{min: 1234567}",
            "13:21: pillars.government[0].targets.2030.min: 1234567 is outside the range of unit percent (0–100)",
        ),
        (
            "{min: 60}",
            "{min: 60, stretch: 59.1234567}",
            "12:9: pillars.government[0].targets.2025: `stretch` (59.1234567) is below the target (60)",
        ),
    ],
)
def test_target_rules(cli: Cli, write: Write, replace: str, by: str, expected: str) -> None:
    assert replace in MINIMAL
    path = write(MINIMAL.replace(replace, by, 1))
    line = only_problem(cli, path)
    assert line.startswith(f"{path}:{expected}"), line


def test_target_set_ids_are_unique_across_files(cli: Cli, write: Write) -> None:
    first = write(MINIMAL, "a/one.yaml")
    second = write(MINIMAL, "a/two.yaml")
    line = only_problem(cli, first.parent)
    assert line == (
        f"{second}:2:5: id: target set id 'testcity' is already used by {first}; "
        "ids must be unique among loaded files [duplicate-target-set]"
    )


def test_the_pre_commit_hook_checks_the_whole_folder(
    cli: Cli, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by a CI campaign: given only the changed file, the hook passed a new file whose id
    another file already had. It runs as pre-commit runs it, from the repository's root."""
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hook.get("pass_filenames", True)  # pre-commit appends the changed files
    assert hook["entry"].split()[0] == "dxscore"
    command = [*hook["entry"].split()[1:], *hook["args"]]
    write(MINIMAL, "targets/a.yaml")
    write(MINIMAL, "targets/b.yaml")  # the one being committed
    write("dxscore: 1\nid: [\n", "targets/sub/c.yaml")  # not in the folder's files
    monkeypatch.chdir(tmp_path)
    result = cli(*command, "targets/b.yaml")
    assert result.code == 2 and "[duplicate-target-set]" in result.err
    (tmp_path / "targets/b.yaml").unlink()
    assert cli(*command, "targets/a.yaml").code == 0
    assert cli(*command, "targets/sub/c.yaml").code == 2  # a changed file is read wherever it is


def test_a_missing_path_and_an_empty_folder(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert only_problem(cli, missing) == f"{missing}: no such file or folder [not-found]"
    assert only_problem(cli, tmp_path).endswith("[no-target-files]")


@pytest.mark.parametrize("output_format", ["json", "github"])
def test_a_missing_path_is_reported_in_the_chosen_format_beside_the_other_files(
    cli: Cli, write: Write, output_format: str
) -> None:
    import json

    good = write(MINIMAL)
    missing = good.parent / "nope.yaml"
    result = cli("validate", "--format", output_format, missing, good)
    assert result.code == 2
    if output_format == "github":
        assert result.out.splitlines() == [
            f"::error file={missing},title=dxscore not-found::no such file or folder"
        ]
        return
    report = json.loads(result.out)
    assert report["files"] == [
        {"file": str(missing), "target_set": None, "valid": False},
        {"file": str(good), "target_set": "testcity", "valid": True},
    ]
    assert [(p["file"], p["type"]) for p in report["problems"]] == [(str(missing), "not-found")]


def test_a_folders_links_to_nothing_and_upper_case_suffixes_are_not_skipped(
    cli: Cli, write: Write
) -> None:
    folder = write(MINIMAL, "d/a.yaml").parent
    write(
        MINIMAL.replace("testcity", "other")
        .replace("Thành phố Thử", "Khác")
        .replace("Test City", "Other"),
        "d/B.YAML",
    )
    (folder / "gone.yaml").symlink_to(folder / "deleted.yaml")
    (folder / "self.yml").symlink_to(folder / "self.yml")
    (folder / ".#a.yaml").symlink_to("user@host.1234")  # Emacs's lock of an open file: hidden
    result = cli("validate", folder)
    assert result.code == 2
    assert problems(result) == [
        f"{folder / 'gone.yaml'}: cannot read the file: No such file or directory [unreadable]",
        f"{folder / 'self.yml'}: cannot read the file: Too many levels of symbolic links [unreadable]",
    ]
    assert "✘ 2 problem(s) in 2 of 4 file(s)" in result.err
    assert only_problem(cli, folder / "self.yml").endswith(
        "Too many levels of symbolic links [unreadable]"
    )


def test_a_city_cell_that_names_two_target_sets_is_refused_not_guessed(
    cli: Cli, write: Write
) -> None:
    """Two sets may share a name (an older resolution of the same city); a row that uses it
    went silently to the later one. Ids stay unique, so an id always says which."""
    folder = write(MINIMAL, "d/a.yaml").parent
    write(MINIMAL.replace("id: testcity", "id: testcity_2021"), "d/b.yaml")
    assert cli("validate", folder).code == 0
    actuals = write(
        "city,indicator,year,value\n"
        "Test City,records_online_commune,2024,50\n"
        "testcity_2021,records_online_commune,2024,50\n",
        "a.csv",
    )
    result = cli("validate", folder, "--actuals", actuals)
    assert result.code == 2
    assert problems(result) == [
        f"{actuals}:2:1: city: 'Test City' names several loaded target sets (testcity,"
        " testcity_2021); write the id of the one meant [ambiguous-city]"
    ]


def test_github_format_annotates_the_line(cli: Cli, write: Write) -> None:
    path = write(MINIMAL.replace("{min: 60}", "{min: sixty}"))
    result = cli("validate", "--format", "github", path)
    assert result.code == 2
    assert result.out.splitlines() == [
        f"::error file={path},line=12,col=21,title=dxscore float-type::"
        "pillars.government[0].targets.2025.min: 'sixty' is not a number: write `min:` and a"
        " number in digits, such as `min: 60`"
    ]


def test_github_annotations_of_actuals_keep_the_line_not_the_field_number(
    cli: Cli, write: Write
) -> None:
    """GitHub reads col as a character; an actuals problem's column is a field (the 4th here,
    which starts at character 20), so an annotation with col=4 would underline the wrong text."""
    targets = write(MINIMAL)
    actuals = write(
        "city,indicator,year,value\ntestcity,records_online_commune,2024,abc\n", "a.csv"
    )
    result = cli("validate", "--format", "github", targets, "--actuals", actuals)
    assert result.code == 2
    assert result.out.splitlines() == [
        f"::error file={actuals},line=2,title=dxscore not-a-number::value: 'abc' is not a number"
    ]


def test_github_annotates_the_warnings_of_actuals_too(cli: Cli, write: Write) -> None:
    """A warning (here: a percentage written as fractions of 1) is a ::warning on the line
    it names, so that it shows on the pull request; it is not printed twice."""
    targets = write(MINIMAL)
    actuals = write(
        "city,indicator,year,value\ntestcity,records_online_commune,2023,0.44\n"
        "testcity,records_online_commune,2024,0.55\n",
        "a.csv",
    )
    result = cli("validate", "--format", "github", targets, "--actuals", actuals)
    assert result.code == 0, result
    assert result.out.splitlines() == [
        f"::warning file={actuals},line=2,title=dxscore looks-like-fraction::every value of"
        " records_online_commune (testcity) lies between 0 and 1 (lines 2, 3) while its targets"
        " are percentages above 1: 0.44 is read as 0.44%25; if 44%25 is meant, write 44"
    ]
    assert "warning" not in result.err


def test_json_format_lists_files_and_problems(cli: Cli, write: Write) -> None:
    import json

    good = write(MINIMAL, "d/good.yaml")
    bad = write(
        MINIMAL.replace("id: testcity", "id: other").replace("{min: 60}", "{min: sixty}"),
        "d/bad.yaml",
    )
    result = cli("validate", "--format", "json", good.parent)
    assert result.code == 2
    report = json.loads(result.out)
    assert report["valid"] is False
    assert report["files"] == [
        {"file": str(bad), "target_set": None, "valid": False},
        {"file": str(good), "target_set": "testcity", "valid": True},
    ]
    assert report["problems"] == [
        {
            "file": str(bad),
            "line": 12,
            "col": 21,
            "path": "pillars.government[0].targets.2025.min",
            "message": "'sixty' is not a number: write `min:` and a number in digits, such as"
            " `min: 60`",
            "type": "float-type",
        }
    ]


def test_the_c_and_python_yaml_parsers_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml is used when PyYAML has it; the pure-Python fallback must find the same problems."""
    from conftest import ROOT
    from dxscore import safe_yaml

    files = sorted((ROOT / "tests" / "corpus").glob("*.yaml")) + sorted(
        (ROOT / "targets").glob("*.yaml")
    )
    broken = [
        MINIMAL.replace("{min: 60}", "{min: 60"),
        MINIMAL.replace("  economy:", "\teconomy:"),
        MINIMAL + "---\nx: 1\n",
    ]

    def outcome() -> list[object]:
        results: list[object] = []
        for path in files:
            document, problems = safe_yaml.parse_file(path)
            results.append(
                (document.data if document else None, [(p.line, p.col, p.type) for p in problems])
            )
        for text in broken:
            document, problems = safe_yaml.parse_text(text, "x.yaml")
            results.append([(p.line, p.type) for p in problems])
        return results

    fast = outcome()
    monkeypatch.setattr(safe_yaml, "_FastLoader", safe_yaml._Loader)
    assert outcome() == fast


def test_a_choice_of_words_is_listed_in_the_messages_language(cli: Cli, write: Write) -> None:
    """pydantic joins the allowed words with an English "or"; the message lists them."""
    path = write(MINIMAL.replace("unit: milestone", "unit: kg"))
    result = cli("validate", path, "--lang", "vi")
    assert problems(result) == [
        f"{path}:25:13: pillars.society[0].unit: 'kg' không phải giá trị hợp lệ của `unit`; các"
        " giá trị được phép: percent, percent_per_year, percent_change, rank, count, milestone"
        " [literal-error]"
    ]


def test_targets_on_the_edge_of_a_units_range_are_valid(cli: Cli, write: Write) -> None:
    """0% and rank 1 ("ranked first") lie inside their units' ranges, and a band may end at
    100% ("trên 90%, phấn đấu 100%")."""
    edges = (
        MINIMAL.replace("{min: 60}", "{above: 90, stretch: 100}")
        .replace("{min: 80}", "{min: 0}")
        .replace(
            "unit: percent\n      targets:\n        2025: {about: 30}",
            "unit: rank\n      targets:\n        2025: {max: 1}",
        )
    )
    assert "unit: rank" in edges
    result = cli("validate", write(edges))
    assert result.code == 0, result


def test_a_control_character_after_accented_text_is_placed_by_character(
    cli: Cli, write: Write
) -> None:
    """libyaml counts UTF-8 bytes; a file with accents above the character must still point
    at its line and column, or CI annotates a line that does not hold it."""
    path = write("# Thành phố Hà Nội chuyển đổi số\ndxscore: 1\nid: a\x1b\n")
    line = only_problem(cli, path)
    assert line.startswith(f"{path}:3:6: the character U+001B is not allowed"), line


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        (
            'quote: "Phổ cập điện thoại di động thông minh"',
            'quote: "Phổ cập điện thoại di động thông minh',
            '28:14: the quote " opened here is never closed (the file ends first); close it',
        ),
        (  # the file ends inside it
            'quote: "Phổ cập điện thoại di động thông minh"',
            'quote: ["Phổ cập điện thoại di động thông minh"',
            "28:14: the [ opened here is never closed (the file ends first); close it with ]",
        ),
        (  # a comma missing, which the parser finds at the next line: it reads the same
            "{min: 60}",
            "{min: 60\n          stretch: 70}",
            "12:15: the { opened here is not closed, or a ',' is missing between its entries:"
            " at 13:18 a ',' or '}' was expected",
        ),
        (  # left open with more of the file below (found by a README audit)
            "{min: 60}",
            "{min: 60",
            "12:15: the { opened here is not closed, or a ',' is missing between its entries:"
            " at 13:13 a ',' or '}' was expected",
        ),
    ],
)
def test_an_unclosed_quote_or_brace_is_placed_where_it_opens(
    cli: Cli, write: Write, replace: str, by: str, expected: str
) -> None:
    """Not at the end of the file (a line CI cannot annotate) where the parser notices."""
    path = write(MINIMAL.replace(replace, by))
    assert only_problem(cli, path) == f"{path}:{expected} [yaml-syntax]"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_line_separator_pasted_from_word_is_refused_where_an_editor_shows_it(
    cli: Cli, write: Write, separator: str
) -> None:
    """PyYAML breaks lines at NEL, LS and PS; editors do not. Every later line number would be
    one too many, and in a quote the character would silently become a space."""
    path = write(MINIMAL.replace('quote: "60% hồ', f'quote: "60%{separator} hồ'))
    assert only_problem(cli, path) == (
        f"{path}:14:18: the text holds the line separator U+{ord(separator):04X} (often pasted"
        " from Word or a PDF), which YAML reads as a line break and editors do not; replace it"
        " with a space or a new line [yaml-syntax]"
    )


@pytest.mark.parametrize(
    ("digits", "refusal"),
    [(20, "[less-than-equal]"), (400, "[finite-number]"), (5000, "[finite-number]")],
)
def test_a_very_long_integer_is_too_large_not_a_tag(
    cli: Cli, write: Write, digits: int, refusal: str
) -> None:
    path = write(MINIMAL.replace("{min: 60}", "{min: 1" + "0" * digits + "}"))
    line = only_problem(cli, path)
    assert line.startswith(f"{path}:12:21: pillars.government[0].targets.2025.min: "), line
    assert line.endswith(refusal), line


def test_a_null_key_is_named_as_written_and_found(cli: Cli, write: Write) -> None:
    path = write(
        MINIMAL.replace(
            "        2030: {min: 80}\n", "        2030: {min: 80}\n        ~: {min: 90}\n"
        )
    )
    line = only_problem(cli, path)
    assert line.startswith(f"{path}:14:9: pillars.government[0].targets.~: "), line


def test_a_key_without_its_colon_is_placed_on_its_own_line(cli: Cli, write: Write) -> None:
    """Found by a CI campaign: the parser notices a missing ':' on the next line, where the
    message was placed, and said nothing of which key."""
    path = write(MINIMAL.replace("      unit: milestone\n", "      unit milestone\n"))
    assert only_problem(cli, path) == (
        f"{path}:25:7: 'unit milestone' has no ':' after its key; write `key: value` [yaml-syntax]"
    )
    result = cli("validate", path, "--lang", "vi")
    assert result.err.startswith(f"{path}:25:7: 'unit milestone' thiếu dấu ':' sau khóa")


def test_a_quote_left_open_mid_file_is_placed_where_it_opens(cli: Cli, write: Write) -> None:
    """Found by a CI campaign: reported three lines on, where the parser lost its way; one
    left open at the end of the file was already placed where it opens."""
    path = write(MINIMAL.replace('quote: "khoảng 30%"', 'quote: "khoảng 30%'))
    assert only_problem(cli, path).startswith(
        f'{path}:21:14: the quote " opened here is not closed on its line'
    )
    valid = write(MINIMAL.replace('quote: "khoảng 30%"', 'quote: "khoảng\n        30%"'), "ok.yaml")
    assert cli("validate", valid).code == 0  # a quoted value may span lines


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        # found by a review: a long quotation over two lines, a quote in a folded text or in
        # a comment, were taken for a quote left open when the slip was elsewhere
        (
            "  title: {vi: Nghị quyết thử, en: Test resolution}\n",
            '  title: {vi: "Nghị quyết số 03, về chuyển đổi số\n    thành phố", en: "R"}\n',
            "26:7: 'unit milestone' has no ':'",
        ),
        (
            "resolution:\n",
            'note: >\n  Theo Quyết định 749: "đến năm 2025, 80% hồ sơ\n  được xử lý".\nresolution:\n',
            "28:7: 'unit milestone' has no ':'",
        ),
        (
            "en: Test City}",
            'en: Test City}  # tên: "Hải Phòng chưa chốt',
            "25:7: 'unit milestone' has no ':'",
        ),
        (
            'quote: "khoảng 30%"',
            'quote: "năm 2025: \\"80%\\" hồ sơ\n        được xử lý"',
            "26:7: 'unit milestone' has no ':'",
        ),
        # found by a second review: a label in a quotation, a closing quote alone, a doubled
        # apostrophe, a quote in a block text or in plain text
        (
            'quote: "khoảng 30%"',
            'quote: "khoảng 30%\n        Nguồn: NQ 18"',
            "26:7: 'unit milestone' has no ':'",
        ),
        (
            'quote: "khoảng 30%"',
            'quote: "khoảng 30%\n        "',
            "26:7: 'unit milestone' has no ':'",
        ),
        (
            'quote: "khoảng 30%"',
            "quote: 'khoảng 30%\n        xã '''",
            "26:7: 'unit milestone' has no ':'",
        ),
        (
            'quote: "khoảng 30%"',
            'quote: |\n        "khoảng 30%',
            "26:7: 'unit milestone' has no ':'",
        ),
        ('quote: "khoảng 30%"', 'quote: khoảng, "30%', "25:7: 'unit milestone' has no ':'"),
    ],
)
def test_a_long_quotation_is_not_taken_for_a_quote_left_open(
    cli: Cli, write: Write, replace: str, by: str, expected: str
) -> None:
    broken = MINIMAL.replace("      unit: milestone", '      unit milestone  # đơn vị: "%"')
    assert replace in broken
    path = write(broken.replace(replace, by, 1))
    assert only_problem(cli, path).startswith(f"{path}:{expected} after its key; write"), path


@pytest.mark.parametrize(
    ("replace", "by", "expected"),
    [
        # found by a second review: a quote in a comment below, or the next item's quote, was
        # taken for the closing one; a ':' left out above a key was placed on that key
        (
            'quote: "khoảng 30%"',
            'quote: "khoảng 30%\n  # the "economy" pillar',
            '21:14: the quote " opened here is not closed on its line',
        ),
        (
            "resolution:\n",
            'resolution:\n  sources:\n    - "Báo Hà Nội mới\n    - "VNEconomy"\n',
            '6:7: the quote " opened here is not closed on its line',
        ),
        (
            "    - id: smartphone_universal",
            "    - id smartphone_universal",
            "23:7: 'id smartphone_universal' has no ':' after its key",
        ),
        ("dxscore: 1", "dxscore 1", "1:1: 'dxscore 1' has no ':' after its key"),
        # found by a third review: a quote left open before the } of its line; a label in a
        # plain text over two lines is not a key without its ':'
        (
            "      name: {vi: Hồ sơ cấp xã, en: Commune records online}",
            '      name: {vi: "Hồ sơ cấp xã, en: Commune records online}',
            '9:18: the quote " opened here is not closed on its line',
        ),
        (
            '      quote: "60% hồ sơ công việc tại cấp xã"',
            "      quote:\n        khoảng 30% theo\n        Nguồn: NQ 18",
            "16:14: mapping values are not allowed in this context",
        ),
    ],
)
def test_a_slip_is_placed_on_its_own_line(
    cli: Cli, write: Write, replace: str, by: str, expected: str
) -> None:
    assert replace in MINIMAL
    path = write(MINIMAL.replace(replace, by, 1))
    assert only_problem(cli, path).startswith(f"{path}:{expected}")
    crlf = write(MINIMAL.replace(replace, by, 1).replace("\n", "\r\n").encode(), "crlf.yaml")
    assert only_problem(cli, crlf).startswith(f"{crlf}:{expected}")


def test_an_escape_and_a_mark_that_cannot_start_a_value_are_told(cli: Cli, write: Write) -> None:
    """Found by a review: both got the advice to check the indentation."""
    escape = write(MINIMAL.replace("en: Test City", 'en: "C:\\qx"'), "escape.yaml")
    assert "put the text in single quotes, or write the backslash twice" in only_problem(
        cli, escape
    )
    at = write(MINIMAL.replace("en: Test City", "en: @x"), "at.yaml")
    assert only_problem(cli, at) == (
        f"{at}:3:31: a YAML value cannot start with '@'; put the value in quotes [yaml-syntax]"
    )


def test_other_yaml_syntax_errors_say_what_to_look_at(cli: Cli, write: Write) -> None:
    """Found by a CI campaign: the parser's words alone ("did not find expected key")."""
    path = write(MINIMAL.replace("2025: {min: 60}\n", "2025: {min: 60},\n"))
    assert only_problem(cli, path).endswith(
        "; check the indentation (spaces, one level deeper under its key) and the ':', '-' and"
        " ',' on this line and the one above [yaml-syntax]"
    )


@pytest.mark.parametrize(
    ("broken", "vietnamese"),
    [
        ("2025: {min: 60]\n", "trong một cặp ngoặc { }, thiếu dấu ',' hoặc '}'"),
        ("2025: {min: 60}\n      unit: percent: x\n", "không được có dấu ':' ở đây"),
        ("2025: {min: 60},\n", "không tìm thấy khóa ở chỗ cần có"),
    ],
)
def test_yaml_syntax_errors_are_explained_in_vietnamese(
    cli: Cli, write: Write, broken: str, vietnamese: str
) -> None:
    path = write(MINIMAL.replace("2025: {min: 60}\n", broken))
    result = cli("validate", path, "--lang", "vi")
    assert result.code == 2
    line = result.err.splitlines()[0]
    assert line.startswith(f"{path}:") and "lỗi cú pháp YAML: " in line, line
    assert vietnamese in line, line
    assert "expected" not in line and "allowed" not in line and "found" not in line, line


def test_annotations_name_the_file_as_the_repository_does(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`targets/../targets/x.yaml` is `targets/x.yaml` to GitHub, which matches it to a file."""
    path = write(MINIMAL.replace("dxscore: 1", "dxscore: 2"), "t/x.yaml")
    monkeypatch.chdir(path.parent.parent)
    result = cli("validate", "--format", "github", "t/../t/x.yaml")
    assert result.out.startswith("::error file=t/x.yaml,line=1,col=10,")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_misspelt_required_key_is_one_problem_not_two(cli: Cli, write: Write, lang: str) -> None:
    """Found by a new user: `targest:` was also 'required key 'targets' is missing', at the
    indicator's first line, for the key that the unknown one is meant to be."""
    path = write(
        MINIMAL.replace(
            "      targets:\n        2025: {min: 60}", "      targest:\n        2025: {min: 60}"
        )
    )
    result = cli("validate", path, "--lang", lang)
    assert result.code == 2
    words = {
        "en": "unknown key 'targest'; did you mean 'targets'?",
        "vi": "khóa không hợp lệ 'targest'; có phải là 'targets' không?",
    }[lang]
    assert problems(result) == [
        f"{path}:11:7: pillars.government[0].targest: {words} "
        + {"en": "allowed here", "vi": "Các khóa được phép ở đây"}[lang]
        + ": id, name, unit, weight, targets, quote [extra-forbidden]"
    ]


def test_a_required_key_left_out_beside_an_unrelated_unknown_key_is_still_missing(
    cli: Cli, write: Write
) -> None:
    path = write(MINIMAL.replace("      unit: milestone\n", "      colour: blue\n"))
    result = cli("validate", path)
    assert [line.rsplit("[", 1)[1] for line in problems(result)] == [
        "missing]",
        "extra-forbidden]",
    ]


@pytest.mark.parametrize(
    ("written", "english", "vietnamese"),
    [
        (
            "1,000",
            "`min: 1,000` is ambiguous: in Vietnamese usage the comma is the decimal mark (1,000"
            " is 1.0), in English it groups thousands (1,000 is 1000), and YAML reads it as the"
            " start of a second key; write `min: 1000` or `min: 1.0`, whichever is meant",
            "`min: 1,000` không rõ nghĩa: theo cách viết của Việt Nam, dấu phẩy là dấu thập phân"
            " (1,000 là 1.0); theo cách viết tiếng Anh, dấu phẩy phân cách hàng nghìn (1,000 là"
            " 1000); còn YAML đọc dấu phẩy là chỗ bắt đầu một khóa thứ hai; hãy viết `min: 1000`"
            " hoặc `min: 1.0`, tùy theo ý muốn",
        ),
        (
            "12,500",
            "`min: 12,500` is ambiguous: in Vietnamese usage the comma is the decimal mark (12,500"
            " is 12.5), in English it groups thousands (12,500 is 12500), and YAML reads it as the"
            " start of a second key; write `min: 12500` or `min: 12.5`, whichever is meant",
            "`min: 12,500` không rõ nghĩa:",
        ),
        (  # one problem: not also "key '0' is repeated", for the second 000
            "1,000,000",
            "`min: 1,000,000` groups thousands with commas, which YAML reads as the start of more"
            " keys; write `min: 1000000`, without separators",
            "`min: 1,000,000` dùng dấu phẩy để phân cách hàng nghìn, mà YAML đọc là chỗ bắt đầu"
            " các khóa khác; hãy viết `min: 1000000`, không có dấu phân cách",
        ),
        (  # a decimal comma keeps its advice: following it turns no thousand into a unit
            "7,5",
            "the number of `min` has a comma, which YAML reads as the start of a second key;"
            " write a decimal with a point (7.5, not 7,5)",
            "số của `min` có dấu phẩy, YAML đọc phần sau dấu phẩy thành một khóa thứ hai; hãy"
            " viết số thập phân bằng dấu chấm (7.5, không phải 7,5)",
        ),
        (
            "0,500",
            "the number of `min` has a comma, which YAML reads as the start of a second key;"
            " write a decimal with a point (7.5, not 7,5)",
            "số của `min` có dấu phẩy",
        ),
    ],
)
def test_a_number_with_grouped_thousands_is_not_told_to_become_a_decimal(
    cli: Cli, write: Write, written: str, english: str, vietnamese: str
) -> None:
    """Found by a new user: `{min: 1,000}` was told to write a decimal with a point, which
    turns a thousand into 1.000, that is 1."""
    path = write(MINIMAL.replace("2025: {about: 30}", f"2025: {{min: {written}}}"))
    at = f"{path}:20:9: pillars.economy[0].targets.2025: "
    assert only_problem(cli, path) == f"{at}{english} [decimal-comma]"
    result = cli("validate", path, "--lang", "vi")
    assert result.code == 2
    assert problems(result)[0].startswith(f"{at}{vietnamese}"), result
    assert len(problems(result)) == 1, result


# Found by a new user: pydantic's own words ("Input should be a valid number") reached the
# user, without the value written or what to write instead.
WORDED = [
    (
        "{min: 60}",
        "{min: 90%}",
        "12:21: pillars.government[0].targets.2025.min",
        "'90%' is not a number: write the target as a number, `min: 90` (the unit is set by"
        " `unit:`) [float-type]",
        "'90%' không phải là số: hãy ghi chỉ tiêu dưới dạng số, `min: 90` (đơn vị đã được đặt ở"
        " `unit:`) [float-type]",
    ),
    (
        "{min: 60}",
        '{min: "90"}',
        "12:21: pillars.government[0].targets.2025.min",
        '"90" is a number in quotes, which YAML reads as text: remove the quotes, `min: 90`'
        " [float-type]",
        '"90" là số nằm trong dấu nháy, nên YAML đọc thành văn bản: hãy bỏ dấu nháy, `min: 90`'
        " [float-type]",
    ),
    (
        "{min: 60}",
        "{min: ninety}",
        "12:21: pillars.government[0].targets.2025.min",
        "'ninety' is not a number: write `min:` and a number in digits, such as `min: 60`"
        " [float-type]",
        "'ninety' không phải là số: hãy ghi `min:` và một số viết bằng chữ số, ví dụ `min: 60`"
        " [float-type]",
    ),
    (
        "{min: 60}",
        "{min: 6O}",
        "12:21: pillars.government[0].targets.2025.min",
        "'6O' is not a number: it holds the letter O where a zero belongs; write `min: 60`"
        " [float-type]",
        "'6O' không phải là số: có chữ O ở chỗ cần số 0; hãy viết `min: 60` [float-type]",
    ),
    (  # outside {…}, a comma in a number makes a text, not a second key
        "2025: {min: 60}",
        "2025:\n          min: 1,000",
        "13:16: pillars.government[0].targets.2025.min",
        "'1,000' is not a number, and is ambiguous: in Vietnamese usage the comma is the decimal"
        " mark (1.0), in English it groups thousands (1000); write `min: 1000` or `min: 1.0`,"
        " whichever is meant [float-type]",
        "'1,000' không phải là số, và không rõ nghĩa: theo cách viết của Việt Nam, dấu phẩy là"
        " dấu thập phân (1.0); theo cách viết tiếng Anh, dấu phẩy phân cách hàng nghìn (1000);"
        " hãy viết `min: 1000` hoặc `min: 1.0`, tùy theo ý muốn [float-type]",
    ),
    (
        "2025: {min: 60}",
        "2025:\n          min: 7,5",
        "13:16: pillars.government[0].targets.2025.min",
        "'7,5' is not a number: write a decimal with a point, `min: 7.5` [float-type]",
        "'7,5' không phải là số: hãy viết số thập phân bằng dấu chấm, `min: 7.5` [float-type]",
    ),
    (
        "2025: {min: 60}",
        "2025: 90",
        "12:15: pillars.government[0].targets.2025",
        "a target year holds a comparison such as `{min: 90}`, not 90 alone; its keys: min,"
        " above, max, below, about, done, tolerance, stretch [model-type]",
        "mỗi năm mục tiêu phải ghi một phép so sánh như `{min: 90}`, không chỉ ghi 90; các khóa:"
        " min, above, max, below, about, done, tolerance, stretch [model-type]",
    ),
    (
        "unit: milestone",
        "unit: percentage",
        "25:13: pillars.society[0].unit",
        "'percentage' is not a value of `unit`; did you mean 'percent'? The values: percent,"
        " percent_per_year, percent_change, rank, count, milestone [literal-error]",
        "'percentage' không phải giá trị hợp lệ của `unit`; có phải là 'percent' không? Các giá"
        " trị được phép: percent, percent_per_year, percent_change, rank, count, milestone"
        " [literal-error]",
    ),
    (
        "2030: {min: 80}",
        "2205: {min: 80}",
        "13:9: pillars.government[0].targets.2205",
        "the target year 2205 is outside the years accepted, 1900 to 2100; did you mean 2025?"
        " [less-than-equal]",
        "năm mục tiêu 2205 nằm ngoài khoảng năm được chấp nhận, từ 1900 đến 2100; có phải là"
        " 2025 không? [less-than-equal]",
    ),
    (
        "2030: {min: 80}",
        "30: {min: 80}",
        "13:9: pillars.government[0].targets.30",
        "the target year 30 is outside the years accepted, 1900 to 2100; did you mean 2030?"
        " [greater-than-equal]",
        "năm mục tiêu 30 nằm ngoài khoảng năm được chấp nhận, từ 1900 đến 2100; có phải là 2030"
        " không? [greater-than-equal]",
    ),
    (
        "{done: true}",
        "{done: yes}",
        "27:22: pillars.society[0].targets.2025.done",
        "'yes' is not a boolean: only `true` and `false` are (not yes, on or 1); a milestone"
        " target is `done: true` [bool-type]",
        "'yes' không phải giá trị đúng/sai: chỉ `true` và `false` là giá trị đúng/sai (yes, on"
        " hay 1 thì không); mục tiêu dạng hoàn thành ghi là `done: true` [bool-type]",
    ),
    (
        "{vi: Kinh tế số",
        "{vi: 2025",
        "17:18: pillars.economy[0].name.vi",
        'YAML reads 2025 as a number, not a text: put it in quotes, `vi: "2025"` [string-type]',
        'YAML đọc 2025 là số, không phải văn bản: hãy đặt trong dấu nháy, `vi: "2025"`'
        " [string-type]",
    ),
    (
        'quote: "khoảng 30%"',
        "quote:",
        "21:13: pillars.economy[0].quote",
        "`quote` has no value: write its text [string-type]",
        "`quote` chưa có giá trị: hãy viết nội dung [string-type]",
    ),
    (
        "name: {vi: Thành phố Thử, en: Test City}",
        "name: Test City",
        "3:7: name",
        "`name` is written in both languages, `name: {vi: …, en: …}`, not as one text"
        " ('Test City') [model-type]",
        "`name` phải ghi bằng cả hai ngôn ngữ, `name: {vi: …, en: …}`, không phải một đoạn văn"
        " bản ('Test City') [model-type]",
    ),
    (
        "      targets:\n        2025: {about: 30}",
        "      targets: [30]",
        "19:7: pillars.economy[0].targets",
        "`targets` maps each target year to a comparison, not […]: write one year a line below"
        " it, such as `2025: {min: 60}` [dict-type]",
        "`targets` ghi mỗi năm mục tiêu kèm một phép so sánh, không phải […]: hãy ghi mỗi năm"
        " trên một dòng bên dưới, ví dụ `2025: {min: 60}` [dict-type]",
    ),
    (
        "        2025: {about: 30}\n",
        "        {}\n",
        "19:7: pillars.economy[0].targets",
        "`targets` holds no target year: give at least one, such as `2025: {min: 60}` [too-short]",
        "`targets` chưa có năm mục tiêu nào: hãy ghi ít nhất một năm, ví dụ `2025: {min: 60}`"
        " [too-short]",
    ),
    (
        "  title: {vi: Nghị quyết thử, en: Test resolution}",
        "  title: {vi: Nghị quyết thử, en: Test resolution}\n  sources: nghiquyet.vn",
        "6:12: resolution.sources",
        "`sources` is a list, not 'nghiquyet.vn': write `sources: [nghiquyet.vn]`, or each item"
        " on its own line after `- ` [list-type]",
        "`sources` là một danh sách, không phải 'nghiquyet.vn': hãy ghi"
        " `sources: [nghiquyet.vn]`, hoặc mỗi mục trên một dòng, sau dấu `- ` [list-type]",
    ),
    (
        "id: records_online_commune",
        "id: Hồ-sơ Xã",
        "8:11: pillars.government[0].id",
        "'Hồ-sơ Xã' is not an indicator id: write lowercase letters, digits and _, starting with"
        " a letter, such as 'ho_so_xa' [string-pattern-mismatch]",
        "'Hồ-sơ Xã' không phải mã chỉ tiêu hợp lệ: hãy viết chữ thường không dấu, chữ số và _,"
        " bắt đầu bằng chữ cái, ví dụ 'ho_so_xa' [string-pattern-mismatch]",
    ),
    (
        "{about: 30}",
        "{about: 30, tolerance: -1}",
        "20:38: pillars.economy[0].targets.2025.tolerance",
        "the tolerance -1 is below 0: a tolerance is the margin below the value that still"
        " counts as met, 0 or more (`{about: 60, tolerance: 3}` is met from 57)"
        " [greater-than-equal]",
        "dung sai -1 nhỏ hơn 0: dung sai là khoảng thấp hơn giá trị mà vẫn tính là đạt, từ 0"
        " trở lên (`{about: 60, tolerance: 3}` đạt từ 57) [greater-than-equal]",
    ),
    (
        "{min: 80}",
        "{min: .nan}",
        "13:21: pillars.government[0].targets.2030.min",
        ".nan cannot be a target (`.nan` is not a number, `.inf` is infinity): write a number in"
        " digits, such as `min: 60` [finite-number]",
        ".nan không thể là giá trị chỉ tiêu (`.nan` không phải là số, `.inf` là vô cực): hãy ghi"
        " một số bằng chữ số, ví dụ `min: 60` [finite-number]",
    ),
    (
        "en: Test City}",
        "en: ''}",
        "3:31: name.en",
        "`en` is empty (''): write its text [string-too-short]",
        "`en` đang để trống (''): hãy viết nội dung [string-too-short]",
    ),
    (
        "id: smartphone_universal",
        "id: smartphone_" + "universal_" * 6 + "x",
        "23:11: pillars.society[0].id",
        "`id` has 72 characters, more than the 64 allowed: shorten it [string-too-long]",
        "`id` có 72 ký tự, vượt quá 64 ký tự cho phép: hãy rút ngắn [string-too-long]",
    ),
]


@pytest.mark.parametrize(("replace", "by", "where", "english", "vietnamese"), WORDED)
def test_a_value_of_the_wrong_kind_is_echoed_with_what_to_write(
    cli: Cli, write: Write, replace: str, by: str, where: str, english: str, vietnamese: str
) -> None:
    assert replace in MINIMAL
    path = write(MINIMAL.replace(replace, by, 1))
    assert only_problem(cli, path) == f"{path}:{where}: {english}"
    result = cli("validate", path, "--lang", "vi")
    assert result.code == 2
    assert problems(result) == [f"{path}:{where}: {vietnamese}"]


def test_no_message_is_pydantics_own(cli: Cli, write: Write) -> None:
    """Every value of the wrong kind that a target file can hold, at once: none of pydantic's
    wordings ("Input should be", "String should") reaches the user."""
    broken = MINIMAL
    for replace, by, *_ in WORDED:
        if replace in broken and "\n" not in replace:
            broken = broken.replace(replace, by, 1)
    result = cli("validate", write(broken))
    assert result.code == 2
    assert len(problems(result)) > 10, result
    assert " should " not in result.err.replace("`", ""), result


def test_a_comparison_written_as_a_target_year_is_one_problem(cli: Cli, write: Write) -> None:
    """`targets: {min: 30}` (the year left out) was also 'a mapping of keys' for 30: its key is
    told already, as no target year."""
    path = write(
        MINIMAL.replace("      targets:\n        2025: {about: 30}", "      targets: {min: 30}")
    )
    assert only_problem(cli, path) == (
        f"{path}:19:17: pillars.economy[0].targets.min: this key is not a target year: write a"
        " year from 1900 to 2100 as a whole number (2025: {min: 60}) [int-type]"
    )
