"""Hostile actuals, round two (issue 23, the CSV reader's part): nothing read out of garbage,
work bounded by what is printed, every message placed, UTF-32 named."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, Cli

Write = Callable[..., Path]
WORKED = ROOT / "tests" / "data" / "worked.yaml"
HEADER = "city,area,indicator,year,value\n"


@pytest.mark.parametrize(
    "garbage", ["\x1f", "\x1c", "\x0b", "\x0c", "\x85", "\u2028", "\u2029", "\u200b"]
)
@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("hanoi,Ba Vì,dx_rank,2024,{g}5{g}", 5),  # a value
        ("hanoi,Ba Vì,dx_rank,{g}2024,5", 4),  # a year
        ("hanoi,Ba Vì,dx_rank{g},2024,5", 3),  # an indicator
        ("{g}hanoi,Ba Vì,dx_rank,2024,5", 1),  # a city
        ("hanoi,Ba Vì{g},dx_rank,2024,5", 2),  # an area
    ],
)
def test_a_control_or_format_character_in_a_data_cell_is_refused(
    cli: Cli, write: Write, garbage: str, row: str, column: int
) -> None:
    """Issue 23: "\\x1f55\\x1c" read as 55 (strip() took the characters away silently)."""
    path = write(HEADER + row.format(g=garbage) + "\n", "g.csv")
    ran = cli("check", path, "-t", ROOT / "targets")
    assert ran.code == 2
    first = ran.err.splitlines()[0]
    assert first.startswith(f"{path}:2:{column}: "), first
    assert f"U+{ord(garbage):04X}" in first


def test_the_same_in_the_wide_layout_and_a_note_keeps_its_tab(cli: Cli, write: Write) -> None:
    path = write('indicator,2023,2024,note\ndx_rank,5,\x1f4,"a\tb"\n', "w.csv")
    ran = cli("check", path, "-t", WORKED)
    assert ran.code == 2
    assert ran.err.splitlines()[0].startswith(
        f"{path}:2:3: 2024: the cell holds the control character U+001F"
    )
    assert "note" not in ran.err


@pytest.mark.parametrize("cell", ["55,", "+,5", "-,5", "55,%"])
def test_a_comma_without_a_number_on_both_sides_is_refused(
    cli: Cli, write: Write, cell: str
) -> None:
    path = write(f'indicator,year,value\nreporting_online,2024,"{cell}"\n', "c.csv")
    ran = cli("check", path, "-t", WORKED)
    assert ran.code == 2
    assert ran.err.startswith(f"{path}:2:3: value: '{cell}' is not a number [not-a-number]")


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_is_read_with_its_mark_and_named_without_it(
    cli: Cli, write: Write, encoding: str
) -> None:
    text = "indicator,year,value\nreporting_online,2024,50\n"
    path = write(text.encode(encoding), "u32.csv")
    ran = cli("check", path, "-t", WORKED, "-f", "json", "--fail-on", "never")
    if encoding == "utf-32":  # with its byte-order mark: read
        assert ran.code == 0, ran
        return
    assert ran.code == 2
    order = encoding[-2:]
    assert ran.err.splitlines()[0] == (
        f"{path}:1:1: the file holds three NUL bytes in four from its start: it looks like UTF-32"
        " saved without a byte-order mark; save it as UTF-8 (in Excel: CSV UTF-8), or pass"
        f" --encoding utf-32-{order} [not-decodable]"
    )
    told = cli("check", path, "-t", WORKED, "--encoding", f"utf-32-{order}", "-f", "json")
    assert json.loads(told.out)["results"]  # what the message says to do works


def test_a_lone_surrogate_in_utf16_is_placed_at_its_own_column(cli: Cli, write: Write) -> None:
    """Issue 23: it was one column off (a line break is two bytes in UTF-16)."""
    head = "indicator,year,value\nreporting_online,2024,5".encode("utf-16")
    path = write(head + b"\x00\xd8" + "0\n".encode("utf-16-le"), "s.csv")
    ran = cli("check", path, "-t", WORKED)
    assert ran.code == 2
    assert ran.err.splitlines()[0].startswith(f"{path}:2:24: byte 0x00 cannot be read as utf-16")


def test_work_for_unknown_indicators_stops_at_the_problems_kept(
    cli: Cli, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 23: 8,000 distinct unknown indicators took 11 s, a suggestion looked for each one
    even after "stopped after 1000 problems"; a repeated one was looked for on every row."""
    from dxscore.actuals import index

    looked: list[str] = []
    nearest = index._nearest_names
    monkeypatch.setattr(
        index,
        "_nearest_names",
        lambda written, named: looked.append(written) or nearest(written, named),
    )
    rows = "".join(f"nonsense_{n},2024,5\n" for n in range(8000))
    rows += "".join("same_nonsense,2024,5\n" for _ in range(50))
    ran = cli("check", write("indicator,year,value\n" + rows, "u.csv"), "-t", WORKED)
    assert ran.code == 2
    assert "[too-many-problems]" in ran.err
    assert len(looked) <= 1000


def test_letters_before_a_decimal_comma_are_no_number_and_a_spaced_full_stop_is_a_total(
    cli: Cli, write: Write
) -> None:
    """Found by the mutation audit: "abc,125" was called ambiguous (abc125 or abc.125), and
    "TỔNG CỘNG ." (a space before the full stop) was read as one more area."""
    path = write('indicator,year,value\nreporting_online,2024,"abc,125"\n', "a.csv")
    ran = cli("check", path, "-t", WORKED)
    assert ran.err.startswith(f"{path}:2:3: value: 'abc,125' is not a number [not-a-number]")
    total = write("area,indicator,year,value\nTỔNG CỘNG .,reporting_online,2024,50\n", "t.csv")
    ran = cli("check", total, "-t", WORKED)
    assert ran.code == 2 and "[area-total]" in ran.err
