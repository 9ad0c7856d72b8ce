"""Speed without a change of outcome (issue 20): a file is read once, and the short ways give
what the long ways give.

- A large file that DuckDB has parsed and that the reference reader certainly refuses is not
  read again: its rows, handed back from DuckDB, are read by the reference row engine, which
  says what is wrong in its words (the same problems and warnings as reading the file).
- The reference row engine's short way for rows like those read before gives exactly what
  reading every row the full way gives, whatever the rows hold.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import dxscore
from conftest import ROOT, Cli
from dxscore.actuals import Actuals, large, read_actuals, reader, rows
from dxscore.actuals import rows as rows_module
from dxscore.actuals.large import read_large
from dxscore.errors import InputError
from dxscore.model import TargetSet
from dxscore.scoring import series_of, with_unreported
from dxscore.targets import load_target_sets

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # bench/, not a package

TARGETS = [ROOT / "targets" / f"{name}.yaml" for name in ("hanoi", "haiphong", "vietnam")]


@pytest.fixture(scope="module")
def sets() -> list[TargetSet]:
    return [item.target_set for item in load_target_sets(TARGETS)]


@pytest.fixture(scope="module")
def communes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("communes") / "communes.csv"
    generate(20_000, path)
    return path


@pytest.fixture
def any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(large, "MIN_BYTES", 0)


@pytest.fixture
def file_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file the reference reader opens (its one way to a CSV file's bytes)."""
    opened: list[Path] = []
    read_file = reader._read_file

    def counted(path: Path, *args: Any, **kwargs: Any) -> None:
        opened.append(path)
        read_file(path, *args, **kwargs)

    monkeypatch.setattr(reader, "_read_file", counted)
    return opened


def _flawed(communes: Path, folder: Path, change: Callable[[list[str]], list[str]]) -> Path:
    lines = communes.read_text(encoding="utf-8").splitlines()
    path = folder / "flawed.csv"
    path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")
    return path


def _near_the_end(lines: list[str], value: str) -> list[str]:
    """The value of the last row of a rank (dx_rank) at least a hundred rows from the end
    replaced."""
    at = next(i for i in range(len(lines) - 100, 0, -1) if ",dx_rank," in lines[i])
    city, area, indicator, year, _ = lines[at].split(",")
    return [*lines[:at], f"{city},{area},{indicator},{year},{value}", *lines[at + 1 :]]


REFUSED: dict[str, Callable[[list[str]], list[str]]] = {
    "a word that is not a number near the end": lambda lines: _near_the_end(lines, "abc"),
    "a fractional rank near the end": lambda lines: _near_the_end(lines, "2.5"),
    "rows given twice": lambda lines: [*lines, *lines[5:9]],
    "an area written two ways": lambda lines: [*lines, "hanoi,XÃ 00001,dx_rank,2015,3"],
    "an unknown city": lambda lines: [*lines, "Đà Nẵng,Xã 1,dx_rank,2015,3"],
    "a year out of range": lambda lines: [*lines, "hanoi,Xã 1,dx_rank,1850,3"],
    "a value dated in the future": lambda lines: [*lines, "hanoi,Xã 1,dx_rank,2099,3"],
    # an indicator written by its name is read, and warned of; the bad value is refused
    "a name, and a bad value": lambda lines: [
        *lines,
        "hanoi,Xã 1,Thứ hạng cả nước về chuyển đổi số,2023,x",
    ],
    # rows given twice under other spellings of their names, with a bad value: each row is
    # remembered (the same cells twice would not find them)
    "a row given twice by the city's name, and a bad value": lambda lines: [
        *_near_the_end(lines, "abc"),
        "Hà Nội," + lines[3].split(",", 1)[1],
    ],
    "a row given twice with a year written 02016, and a bad value": lambda lines: [
        *_near_the_end(lines, "abc"),
        lines[2].replace(",2016,", ",02016,"),
    ],
    # more problems than are kept: the notice that says so, after the thousandth
    "two thousand bad values": lambda lines: [
        lines[0],
        *(f"{line.rsplit(',', 1)[0]},n/a" for line in lines[1:2001]),
        *lines[2001:],
    ],
}


@pytest.mark.slow
@pytest.mark.usefixtures("any_size")
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_refused_large_file_is_not_read_again(
    name: str,
    communes: Path,
    tmp_path: Path,
    sets: list[TargetSet],
    file_reads: list[Path],
    cli: Cli,
) -> None:
    path = _flawed(communes, tmp_path, REFUSED[name])
    parsed: list[object] = []
    monkeypatch = pytest.MonkeyPatch()
    parse = large._Reader._parse
    monkeypatch.setattr(large._Reader, "_parse", lambda self, db: parsed.append(parse(self, db)))
    try:
        with pytest.raises(InputError) as refused:
            dxscore.score(path, targets=TARGETS, history=False)
        ran = cli("check", path, "--format", "json", "--fail-on", "never")
    finally:
        monkeypatch.undo()
    assert parsed == [None, None]  # DuckDB parsed it, once per run
    assert file_reads == []  # and the reference reader never opened it
    expected = read_actuals([path], sets)  # the reference reader, reading the file
    assert file_reads == [path]
    assert expected.problems and refused.value.problems == expected.problems
    assert refused.value.warnings == expected.warnings
    assert ran.code == 2
    first = expected.problems[0]
    assert f"{path}:{first.line}:{first.col}" in ran.err


@pytest.mark.slow
@pytest.mark.usefixtures("any_size")
def test_a_check_wrong_about_a_refusal_costs_a_second_reading_not_a_wrong_result(
    communes: Path, sets: list[TargetSet], monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    """Should a check take a valid file for refused, the row engine finds nothing to say and
    the reference reader reads the file: slower, never a verdict on nothing."""
    expected = cli("check", communes, "--format", "json", "--fail-on", "never")

    def wrong(self: object, db: object) -> None:
        raise large._Refused

    monkeypatch.setattr(large._Reader, "_plain_values_read", wrong)
    assert read_large([communes], sets) is None
    ran = cli("check", communes, "--format", "json", "--fail-on", "never")
    assert ran.code == expected.code == 0 and ran.out == expected.out


@pytest.mark.slow
@pytest.mark.usefixtures("any_size")
def test_a_file_that_is_not_utf8_is_left_to_the_reference_reader_before_duckdb_parses_it(
    communes: Path, tmp_path: Path, sets: list[TargetSet], monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB finds a byte that is not UTF-8 only once it has read the file to it."""
    data = communes.read_bytes()
    at = data.rindex("Xã".encode())
    path = tmp_path / "latin.csv"
    path.write_bytes(data[:at] + b"X\xe3" + data[at + len("Xã".encode()) :])
    monkeypatch.setattr(large._Reader, "read", lambda self: pytest.fail("DuckDB parsed it"))
    assert read_large([path], sets) is None
    with pytest.raises(InputError) as refused:
        dxscore.score(path, targets=TARGETS, history=False)
    assert refused.value.problems[0].key == "not-decodable"


# --- the short way of the row engine -------------------------------------------------------

# mostly what is read, some of all that is not: each list's first cells are the usual ones
CITIES = ["hanoi", "hanoi", "hanoi", "Hà Nội", "haiphong", "HANOI ", "nowhere", ""]
INDICATORS = [
    "dx_rank",
    "records_online_commune",
    "smartphone_universal",
    "Thứ hạng cả nước về chuyển đổi số",  # dx_rank, by its name
    "Thứ hạng cả nước về chuyển đổi số",
    "dx_rnak",
    "online_services_level4",
    "",
]
AREAS = ["Xã 1", "Xã 2", "Xã 1", "Xã 2", " Xã 1 ", "XÃ 1", "Tổng cộng", "", "Xã\x1b3"]
YEARS = ["2015", "2020", "2024", "2015", "2020", "2024", " 2023", "2030", "năm 2024", ""]
VALUES = ["3", "55", "3", "55", "done", "0.5", "0,7", "0.05", "55%", "no", "", " ", "abc", "2.5"]

# series of rows: the same names with several years, as files hold them (the short way's case)
SERIES = st.tuples(
    st.tuples(st.sampled_from(CITIES), st.sampled_from(AREAS), st.sampled_from(INDICATORS)),
    st.lists(st.tuples(st.sampled_from(YEARS), st.sampled_from(VALUES)), min_size=1, max_size=8),
)


def _read(path: Path, sets: list[TargetSet], *, short: bool) -> Actuals:
    """The file read by the reference reader, its rows the short way where they can be."""
    original = rows.RowReader.__init__

    def without_short_way(self: rows.RowReader, columns: Any) -> None:
        original(self, columns)
        self.plain = self.plain and short

    rows.RowReader.__init__ = without_short_way  # type: ignore[method-assign]
    try:
        return read_actuals([path], sets)
    finally:
        rows.RowReader.__init__ = original  # type: ignore[method-assign]


def _series(data: Actuals, as_of: int) -> dict[object, object]:
    return {key: (s.history, s.fit()) for key, s in data.series(as_of).items()}


def _everything(data: Actuals) -> tuple[object, ...]:
    # the series as the engine kept them together, and as grouped from the observations alone
    regrouped = with_unreported(series_of(data.observations, 2024), data.unreported)
    assert _series(data, 2024) == {key: (s.history, s.fit()) for key, s in regrouped.items()}
    return (
        data.observations,
        data.problems,
        data.warnings,
        data.not_reported,
        data.unreported,
        data.rows,
        data.named_sets,
    )


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(table=st.lists(SERIES, min_size=1, max_size=12), order=st.randoms(use_true_random=False))
@example(  # an indicator by its name: rows given twice, new, and of a year not seen yet
    table=[
        (("hanoi", "Xã 1", "dx_rank"), [("2015", "3")]),
        (("hanoi", "Xã 1", INDICATORS[3]), [("2015", "3")]),
        (("hanoi", "Xã 2", INDICATORS[3]), [("2015", "3"), ("2016", "3")]),
    ],
    order=random.Random(1),
)
def test_the_short_way_reads_rows_as_the_full_way(
    table: list[tuple[tuple[str, str, str], list[tuple[str, str]]]],
    order: random.Random,
    sets: list[TargetSet],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Rows repeated, given twice, refused, empty, in the future, by name: the same result."""
    path = tmp_path_factory.mktemp("short") / "rows.csv"
    lines = [",".join((*names, *point)) for names, points in table for point in points]
    if order.random() < 0.3:
        order.shuffle(lines)
    path.write_text("city,area,indicator,year,value\n" + "\n".join(lines) + "\n", "utf-8")
    assert _everything(_read(path, sets, short=True)) == _everything(_read(path, sets, short=False))


def test_the_short_way_reads_the_examples_as_the_full_way(sets: list[TargetSet]) -> None:
    for path in sorted((ROOT / "examples").glob("*.csv")):
        assert _everything(_read(path, sets, short=True)) == _everything(
            _read(path, sets, short=False)
        )


@pytest.mark.slow
def test_the_short_way_reads_a_large_file_as_the_full_way(
    communes: Path, sets: list[TargetSet]
) -> None:
    assert _everything(_read(communes, sets, short=True)) == _everything(
        _read(communes, sets, short=False)
    )


def test_rows_given_twice_name_where_the_first_was_read(
    tmp_path: Path, sets: list[TargetSet]
) -> None:
    """The first row of a series and year is remembered by its observation (or, for an empty
    cell, its file and line): the message names it as before."""
    path = tmp_path / "twice.csv"
    path.write_text(
        "city,area,indicator,year,value\n"
        "hanoi,Xã 1,dx_rank,2020,3\nhanoi,Xã 1,dx_rank,2021,\n"
        "hanoi,Xã 1,dx_rank,2020,4\nhanoi,Xã 1,dx_rank,2021,5\n",
        encoding="utf-8",
    )
    problems = read_actuals([path], sets).problems
    assert [p.key for p in problems] == ["duplicate-row.area", "duplicate-row.area"]
    assert [dict(p.params)["first"] for p in problems] == [f"{path}:2", f"{path}:3"]


def test_a_refused_area_is_reported_on_every_row_it_is_on(
    tmp_path: Path, sets: list[TargetSet]
) -> None:
    """What a row's names stand for is remembered only once all three are accepted."""
    path = tmp_path / "totals.csv"
    path.write_text(
        "city,area,indicator,year,value\n"
        + "".join(f"hanoi,Tổng cộng,dx_rank,{year},3\n" for year in (2020, 2021, 2022))
        + "".join(f"hanoi,Xã\x1b1,dx_rank,{year},3\n" for year in (2020, 2021)),
        encoding="utf-8",
    )
    problems = read_actuals([path], sets).problems
    assert [(p.key, p.line) for p in problems] == [
        ("area-total", 2),
        ("area-total", 3),
        ("area-total", 4),
        ("control-character", 5),
        ("control-character", 6),
    ]


def test_rows_given_twice_out_of_order_across_files_and_layouts(
    tmp_path: Path, sets: list[TargetSet]
) -> None:
    """Each series keeps its latest year: a row of an earlier one is looked for among the
    observations and the empty or refused cells read before, in any file (as on main)."""
    (tmp_path / "a.csv").write_text(
        "city,area,indicator,year,value\n"
        "hanoi,Xã 1,dx_rank,2020,3\nhanoi,Xã 1,dx_rank,2018,4\nhanoi,Xã 1,dx_rank,2019,\n"
        "hanoi,Xã 1,dx_rank,2018,5\nhanoi,Xã 1,dx_rank,2019,6\nhanoi,Xã 1,dx_rank,2017,abc\n"
        "hanoi,Xã 1,dx_rank,2017,7\nhanoi,Xã 1,dx_rank,2020,8\n"
        "hanoi,Xã 1,dx_rank,2030,9\nhanoi,Xã 1,dx_rank,2030,9\n",
        encoding="utf-8",
    )
    (tmp_path / "b.csv").write_text(
        "city,area,indicator,year,value\nhanoi,Xã 1,dx_rank,2020,3\nHà Nội,Xã 1,dx_rank,2016,1\n",
        encoding="utf-8",
    )
    (tmp_path / "wide.csv").write_text(
        "city,area,indicator,2019,2020,2018\nhanoi,Xã 2,dx_rank,3,4,5\nhanoi,Xã 2,dx_rank,,6,7\n",
        encoding="utf-8",
    )
    files = [tmp_path / name for name in ("a.csv", "b.csv", "wide.csv")]
    data = read_actuals(files, sets)
    found = [
        (p.key, Path(p.file).name, p.line, p.col, dict(p.params).get("first"))
        for p in data.problems
    ]
    a, _, wide = (str(path) for path in files)
    assert found == [
        ("duplicate-row.area", "a.csv", 5, 5, f"{a}:3"),  # an earlier year, given before
        ("duplicate-row.area", "a.csv", 6, 5, f"{a}:4"),  # first given as an empty cell
        ("not-a-number", "a.csv", 7, 5, None),
        ("duplicate-row.area", "a.csv", 8, 5, f"{a}:7"),  # first given as a refused value
        ("duplicate-row.area", "a.csv", 9, 5, f"{a}:2"),
        ("future-year", "a.csv", 10, 4, None),  # refused, so not read: the same again
        ("future-year", "a.csv", 11, 4, None),
        ("duplicate-row.area", "b.csv", 2, 5, f"{a}:2"),  # in another file
        ("duplicate-row.area", "wide.csv", 3, 4, f"{wide}:2"),  # each year column
        ("duplicate-row.area", "wide.csv", 3, 5, f"{wide}:2"),
        ("duplicate-row.area", "wide.csv", 3, 6, f"{wide}:2"),
    ]
    assert len(data.observations) == 6


@pytest.mark.parametrize(
    "rows",
    [
        ["hanoi,Xã 1,dx_rank,2020,3\x00", "hanoi,Xã 1,dx_rank,2021,x"],  # NUL in a data row
        ["hanoi,Xã 1,dx_rank,2020," + "9" * 140_000, "hanoi,Xã 1,dx_rank,2021,x"],  # too large
        ["hanoi,Xã 1,dx_rank,2020,3", 'hanoi,Xã 1,dx_rank,2021,"4"x', "hanoi,Xã 1,dx_rank,2022,5"],
        ['hanoi,Xã 1,dx_rank,2020,"3', "over two lines", 'still",more', "hanoi,Xã 1,dx_rank,x,5"],
    ],
)
def test_a_file_without_quotes_is_read_without_keeping_each_line(
    rows: list[str], tmp_path: Path, sets: list[TargetSet], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a '"' in the file, every record is one line and none leaves a quote open: the
    syntax errors (NUL, a cell over the csv module's limit) are reported and reading goes on,
    as when each line is kept in case quotes need pairing."""
    path = tmp_path / "rows.csv"
    path.write_text("city,area,indicator,year,value\n" + "\n".join(rows) + "\n", "utf-8")
    scanned = read_actuals([path], sets)
    monkeypatch.setattr(rows_module.TableReader, "_may_hold_quotes", lambda self: True)
    kept = read_actuals([path], sets)
    assert _everything(scanned) == _everything(kept)
    assert scanned.problems
