"""Large files: the DuckDB reader (dxscore.actuals.large) gives exactly what the reference reader gives.

Every test scores the same file twice, once through each reader, and compares the documents
byte for byte. The variants cover what the DuckDB reader must get right (accents, CRLF,
semicolons, blanks, milestone words, targets already past, filters) and what it must hand
back to the reference reader (quotes, duplicates, unknown names, bad values).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ROOT, Cli
from dxscore.actuals import Actuals, large, read_actuals
from dxscore.actuals.large import LargeActuals, read_large
from dxscore.model import TargetSet
from dxscore.render.json_report import Rows, _result, _rounded_text, _scalar, _summary, as_json
from dxscore.scoring import Scorecard, score, score_series
from dxscore.targets import load_target_sets

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # bench/, not a package

pytestmark = pytest.mark.slow  # every test here takes a second or more


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Conftest's fixed day, moved to 1 January 2101: both readers are compared on years up
    to 2100, which a value may be dated in only once the clock has reached them."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "4133980800")


TARGETS = [ROOT / "targets" / f"{name}.yaml" for name in ("hanoi", "haiphong", "vietnam")]


@pytest.fixture(scope="module")
def sets() -> list[TargetSet]:
    return [item.target_set for item in load_target_sets(TARGETS)]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200,000 generated rows: 715 communes × Hanoi's 28 indicators × 10 years (9 MB)."""
    path = tmp_path_factory.mktemp("large") / "communes.csv"
    generate(200_000, path)
    return path


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20,000 rows, for the variants: the DuckDB reader is told to take files of any size."""
    path = tmp_path_factory.mktemp("small") / "communes.csv"
    generate(20_000, path)
    return path


@pytest.fixture
def any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(large, "MIN_BYTES", 0)


def _scored(
    data: Actuals | LargeActuals | None, sets: list[TargetSet], **options: object
) -> Scorecard:
    """Score what a reader gave as the command line does (as-of: the latest year with data)."""
    assert data is not None, "the DuckDB reader gave up on a file it should read"
    assert not data.problems, data.problems[:3]
    named = [ts for ts in sets if ts.id in data.named_sets]
    as_of = options.pop("as_of", None)
    if as_of is None:
        span = data.years()
        as_of = span[1] if span else None
    return score_series(named, data.series(as_of), as_of=as_of, **options)  # type: ignore[arg-type]


def _by_reference(path: Path, sets: list[TargetSet], **options: object) -> Scorecard:
    city = options.pop("city", None)
    return _scored(read_actuals([path], sets, city=city), sets, **options)  # type: ignore[arg-type]


def _by_duckdb(path: Path, sets: list[TargetSet], **options: object) -> Scorecard:
    city = options.pop("city", None)
    return _scored(read_large([path], sets, city=city), sets, **options)  # type: ignore[arg-type]


def _same(path: Path, sets: list[TargetSet], **options: object) -> str:
    expected = as_json(_by_reference(path, sets, **dict(options)), "test")
    assert as_json(_by_duckdb(path, sets, **dict(options)), "test") == expected
    return expected


def test_200k_rows_score_identically_through_both_readers(
    big: Path, sets: list[TargetSet], cli: Cli
) -> None:
    expected = _same(big, sets)
    document = json.loads(expected)
    hanoi = next(ts for ts in sets if ts.id == "hanoi")
    indicators = [indicator for _, indicator in hanoi.indicators()]
    communes = -(-200_000 // (len(indicators) * 10))  # the last one cut short
    year_targets = sum(len(indicator.targets) for indicator in indicators)
    assert len(document["results"]) == communes * year_targets
    statuses = {row["status"] for row in document["results"]}
    # as of 2024 nothing is past due; the last commune is cut short, so some have no data
    assert statuses == {"achieved", "on_track", "at_risk", "no_data"}
    # the command line takes the DuckDB path for a file this large, with the same result
    ran = cli("check", big, "--format", "json", "--fail-on", "never")
    assert ran.code == 0, ran
    assert json.loads(ran.out)["results"] == document["results"]


@pytest.mark.usefixtures("any_size")
def test_targets_already_past_and_filters(small: Path, sets: list[TargetSet]) -> None:
    _same(small, sets, as_of=2026)  # 2025 is past: its verdicts rest on the value up to 2025
    _same(small, sets, as_of=2031)  # every target year is past
    _same(small, sets, as_of=2019, years=[2030], pillars=["economy"])
    _same(small, sets, areas=["Xã 00007", "Xã 00050"])


def _variant(big: Path, tmp_path: Path, change: Callable[[list[str]], list[str]]) -> Path:
    lines = big.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "variant.csv"
    path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8", newline="")
    return path


def _rows(lines: list[str], edit: Callable[[list[str]], list[str]], every: int = 7) -> list[str]:
    return [lines[0]] + [
        ",".join(edit(line.split(","))) if n % every == 0 else line
        for n, line in enumerate(lines[1:], 1)
    ]


VARIANTS: dict[str, Callable[[list[str]], list[str]]] = {
    "city names as people write them": lambda lines: _rows(
        lines, lambda c: ["Hà Nội" if len(c[2]) % 2 else "Ha Noi", *c[1:]]
    ),
    "no city column": lambda lines: [line.split(",", 1)[1] for line in lines],
    "Vietnamese headers and CRLF": lambda lines: [
        "thành phố,địa bàn,chỉ tiêu,năm,giá trị\r",
        *(line + "\r" for line in lines[1:]),
    ],
    "semicolons and decimal commas": lambda lines: [
        line.replace(",", ";").replace(".", ",") for line in lines
    ],
    "blank values, percent signs and Vietnamese milestone words": lambda lines: _rows(
        lines,
        lambda c: [
            *c[:4],
            ""
            if c[3] == "2019"
            else {"done": "đạt", "no": "chưa đạt"}.get(c[4], c[4] + "%" if "." in c[4] else c[4]),
        ],
        every=3,
    ),
    # 130 years apart: the check for rows given twice takes its slower way
    "years two centuries apart": lambda lines: [
        *lines,
        "hanoi,Xã 9,dx_rank,1900,3",
        "hanoi,Xã 9,dx_rank,2030,3",
    ],
    "a decimal comma after a zero": lambda lines: [
        *(line.replace(",", ";") for line in lines),
        "hanoi;Xã 9;records_online_commune;2015;0,125",
        "hanoi;Xã 9;labour_productivity_growth;2015;-0,125",
    ],
    "a trailing delimiter on every line": lambda lines: [line + "," for line in lines],
    "indicator ids in capitals, city-wide rows": lambda lines: _rows(
        lines, lambda c: [c[0], "", c[2].upper(), *c[3:]] if c[1] == "Xã 00003" else c, every=1
    ),
}


@pytest.mark.usefixtures("any_size")
@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variants_score_identically(
    name: str, small: Path, sets: list[TargetSet], tmp_path: Path
) -> None:
    path = _variant(small, tmp_path, VARIANTS[name])
    _same(path, sets[:1] if name == "no city column" else sets)


HANDED_BACK: dict[str, Callable[[list[str]], list[str]]] = {
    "quoted cells": lambda lines: [lines[0], '"hanoi",Xã 9,dx_rank,2015,3', *lines[1:]],
    "a row given twice": lambda lines: [*lines, lines[5]],
    "a row given twice, years two centuries apart": lambda lines: [
        *lines,
        "hanoi,Xã 9,dx_rank,1900,3",
        "hanoi,Xã 9,dx_rank,2100,3",
        "hanoi,Xã 9,dx_rank,2100,4",
    ],
    "a word that is not a number": lambda lines: [
        *lines,
        "hanoi,Xã 9,records_online_commune,2015,abc",
    ],
    # 53,125 is neither a unit's smallest nor its largest value: the pattern must refuse it
    "an ambiguous decimal comma inside the range": lambda lines: [
        *(line.replace(",", ";") for line in lines),
        "hanoi;Xã 9;records_online_commune;2015;53,125",
    ],
    "an unknown indicator": lambda lines: [*lines, "hanoi,Xã 1,dx_rnak,2015,3"],
    "an out-of-range value": lambda lines: [*lines, "hanoi,Xã 9,records_online_commune,2015,101"],
    "a fractional rank": lambda lines: [*lines, "hanoi,Xã 9,dx_rank,2015,2.5"],
    "a year with spaces": lambda lines: [*lines, "hanoi,Xã 9,dx_rank, 2015,3"],
    "an area with spaces around it": lambda lines: [*lines, "hanoi, Xã 9 ,dx_rank,2015,3"],
    "an area with an escape character": lambda lines: [*lines, "hanoi,Xã\x1b[31m9,dx_rank,2015,3"],
    "an area with a zero-width space": lambda lines: [*lines, "hanoi,Xã 9\u200b,dx_rank,2015,3"],
    "an area written in another case": lambda lines: [*lines, "hanoi,XÃ 00001,dx_rank,2015,3"],
    "a totals row": lambda lines: [*lines, "hanoi,Tổng cộng,dx_rank,2015,3"],
    "a blank line": lambda lines: [lines[0], "", *lines[1:]],
    "data in a column without a header": lambda lines: [
        lines[0] + ",",
        *(line + "," for line in lines[1:-1]),
        lines[-1] + ",x",
    ],
    "a note column": lambda lines: [lines[0] + ",note", *(line + "," for line in lines[1:])],
    "a ragged row": lambda lines: [*lines, "hanoi,Xã 9,dx_rank,2015"],
    "a trailing delimiter": lambda lines: [*lines, "hanoi,Xã 9,dx_rank,2015,3,"],
    "a cell over the CSV field limit": lambda lines: [
        *lines,
        "hanoi,Xã 9,dx_rank,2015," + "0" * 140_000 + "3",
    ],
    "a header cell over the CSV field limit": lambda lines: [lines[0] + "x" * 140_000, *lines[1:]],
    "a year of 5,000 digits": lambda lines: [*lines, "hanoi,Xã 9,dx_rank," + "1" * 5000 + ",3"],
    "a value too large for a float": lambda lines: [
        *lines,
        "hanoi,Xã 9,labour_productivity_growth,2015," + "9" * 401,
    ],
}


def test_the_docs_count_the_kinds_of_flawed_file() -> None:
    words = {20: "twenty", 21: "twenty-one", 22: "twenty-two", 23: "twenty-three"}
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    assert f"checks that {words[len(HANDED_BACK)]} kinds of" in page


@pytest.mark.usefixtures("any_size")
@pytest.mark.parametrize("name", sorted(HANDED_BACK))
def test_what_the_duckdb_reader_hands_back(
    name: str, small: Path, sets: list[TargetSet], tmp_path: Path, cli: Cli
) -> None:
    path = _variant(small, tmp_path, HANDED_BACK[name])
    found = read_large([path], sets)
    by_reference = read_actuals([path], sets)
    # left to the reference reader (None), or refused: DuckDB's rows handed back to the
    # reference row engine, which says what is wrong as it says it reading the file
    assert not isinstance(found, LargeActuals)
    if found is not None:
        assert found.problems
        assert (found.problems, found.warnings) == (by_reference.problems, by_reference.warnings)
    ran = cli("check", path, "--format", "json", "--fail-on", "never")
    if by_reference.problems:  # reported as ever, with line and column
        assert ran.code == 2, ran
        first = by_reference.problems[0]
        assert f"{path}:{first.line}" in ran.err
    else:
        assert ran.code == 0, ran


def test_a_small_file_is_left_to_the_reference_reader(sets: list[TargetSet], small: Path) -> None:
    assert small.stat().st_size < large.MIN_BYTES
    assert read_large([small], sets) is None
    assert read_large([ROOT / "examples" / "hanoi-districts.csv"], sets) is None


SERIES = st.lists(
    st.tuples(
        st.integers(2015, 2030),
        st.one_of(
            # 0 or from 1 up: a value within 0–1 beside much larger ones is warned of
            # (mixed-scale), and such a file is left to the reference reader
            st.tuples(st.floats(1, 100), st.integers(0, 6)).map(lambda p: round(p[0], p[1])),
            st.sampled_from([0.0, 1.0, 33.3, 66.7, 99.99, 100.0]),
        ),
    ),
    min_size=1,
    max_size=16,
    unique_by=lambda point: point[0],
)


@settings(max_examples=30, deadline=None)
@given(series=st.lists(SERIES, min_size=1, max_size=6), as_of=st.integers(2016, 2032))
def test_fitted_lines_match_to_the_bit(
    series: list[list[tuple[int, float]]], as_of: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """DuckDB adds the sums of each line in Python's order: projections agree to the last bit."""
    sets = [item.target_set for item in load_target_sets(TARGETS[:1])]
    path = tmp_path_factory.mktemp("fit") / "series.csv"
    rows = [
        f"Xã {n},records_online_commune,{year},{value!r}"
        for n, points in enumerate(series)
        for year, value in points
    ]
    rows.append("Xã lớn,records_online_commune,2015,50.0")  # not a file of fractions of 1
    path.write_text("area,indicator,year,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    original = large.MIN_BYTES
    large.MIN_BYTES = 0  # not monkeypatch: hypothesis runs many examples in one test
    try:
        fast = read_large([path], sets)
    finally:
        large.MIN_BYTES = original
    assert fast is not None
    reference = read_actuals([path], sets)
    expected, got = reference.series(as_of), fast.series(as_of)
    assert set(expected) == set(got)  # with the series that have no value up to as_of
    for key, found in got.items():
        assert found.fit() == expected[key].fit()
        for year in (2025, 2030):
            assert found.current(year) == expected[key].current(year)


def test_json_rows_are_what_json_dumps_writes(sets: list[TargetSet], tmp_path: Path) -> None:
    """The template writer (Rows) against the dicts of the JSON contract, on every kind of row."""
    data = read_actuals(
        [ROOT / "examples" / "hanoi-actuals.csv", ROOT / "examples" / "haiphong-actuals.csv"], sets
    )
    cards = [score(sets, data.observations), score(sets, data.observations, as_of=2031)]
    districts = read_actuals([ROOT / "examples" / "hanoi-districts.csv"], sets)
    cards.append(score(sets, districts.observations))
    notes = tmp_path / "notes.csv"  # a note without a source, a source without a note
    notes.write_text(
        'city,indicator,year,value,note,source\nhanoi,dx_rank,2024,5,"a ""note""",\n'
        "hanoi,it_rank,2024,4,,a source\n",
        encoding="utf-8",
    )
    cards.append(score(sets, read_actuals([notes], sets).observations))
    rows = Rows()
    checked = 0
    for card in cards:
        for result in card.results:
            expected = "  " + json.dumps(_result(result, False), ensure_ascii=False)
            assert rows.result(result) == expected
            checked += 1
        for summary in card.summary:
            expected = "  " + json.dumps(_summary(summary), ensure_ascii=False)
            assert rows.summary(summary) == expected
    assert checked > 300


@given(st.one_of(st.none(), st.booleans(), st.integers(), st.floats()), st.integers(0, 6))
@example(float("inf"), 2)
@example(float("-inf"), 4)
@example(float("nan"), 1)
@example(-0.0, 2)
@example(1e16, 2)
@example(2.675, 2)  # 2.67499999…: round() sees the exact binary value
def test_json_numbers_are_written_as_json_dumps_writes_them(
    value: float | bool | None, digits: int
) -> None:
    """Every number, boolean and null, and the rounded numbers (infinity and NaN too)."""
    assert _scalar(value) == json.dumps(value)
    if isinstance(value, float) or value is None:
        assert _rounded_text(value, digits) == json.dumps(
            None if value is None else round(value, digits) + 0.0  # -0.0 written as 0.0
        )


@pytest.mark.usefixtures("any_size")
def test_an_area_with_data_only_after_as_of_is_still_scored(
    small: Path, sets: list[TargetSet], tmp_path: Path
) -> None:
    path = _variant(
        small,
        tmp_path,
        lambda lines: [
            *lines,
            "hanoi,Xã mới,dx_rank,2024,3",
            "haiphong,Y,online_services_level4,2024,55",
        ],
    )
    document = json.loads(_same(path, sets, as_of=2021))
    late = [row for row in document["results"] if row["area"] == "Xã mới"]
    assert late and {row["status"] for row in late} == {"no_data"}
    _same(path, sets, as_of=2021, areas=["Xã mới"], years=[2025])


@pytest.mark.usefixtures("any_size")
def test_options_the_reference_refuses_are_refused(small: Path, cli: Cli, tmp_path: Path) -> None:
    ran = cli("check", small, "--city", "nowhere", "--format", "json")
    assert ran.code == 2 and "nowhere" in ran.err
    with_bom = tmp_path / "bom.csv"
    with_bom.write_bytes(b"\xef\xbb\xbf" + small.read_bytes())
    sets = [item.target_set for item in load_target_sets(TARGETS)]
    for encoding in (None, "utf-8", "UTF8"):  # a BOM is not text, whatever --encoding says
        assert read_large([with_bom], sets, encoding=encoding) is not None
    assert read_large([with_bom], sets, encoding="cp1258") is None
    expected = cli("check", small, "--format", "json", "--fail-on", "never")
    ran = cli("check", with_bom, "--encoding", "utf-8", "--format", "json", "--fail-on", "never")
    assert ran.code == expected.code == 0 and ran.out == expected.out


@pytest.mark.usefixtures("any_size")
def test_a_path_duckdb_would_expand_is_left_to_the_reference_reader(
    small: Path, sets: list[TargetSet], tmp_path: Path, cli: Cli
) -> None:
    odd = tmp_path / "a[1].csv"
    odd.write_bytes(small.read_bytes())
    (tmp_path / "a1.csv").write_text("city,area,indicator,year,value\nhanoi,X,dx_rank,2016,3\n")
    assert read_large([odd], sets) is None
    ran = cli("check", odd, "--format", "json", "--fail-on", "never")
    assert json.loads(ran.out)["as_of"] == 2024  # this file, not a1.csv


PLAIN = st.from_regex(large.PLAIN_NUMBER, fullmatch=True).filter(lambda s: len(s) < 30)


@settings(max_examples=300)
@given(
    cell=PLAIN,
    unit=st.sampled_from(["percent", "percent_per_year", "percent_change", "rank", "count"]),
)
def test_plain_numbers_follow_only_the_rules_the_duckdb_reader_asks_about(
    cell: str, unit: str
) -> None:
    """The DuckDB reader checks a unit's numbers through its extremes, one fractional and one
    with a % sign; that is sound while those are the only rules for such numbers."""
    from dxscore.actuals.values import read_cell
    from dxscore.model import MAX_NUMBER, unit_range

    number = float(cell.rstrip("%").replace(",", "."))
    low, high = unit_range(unit)
    allowed = (
        (low is None or number >= low)
        and (high is None or number <= high)
        and number <= MAX_NUMBER  # a bound on the largest value too
        and (unit != "rank" or number.is_integer())
        and (not cell.endswith("%") or unit.startswith("percent"))
    )
    found = read_cell(unit, cell)
    assert (not isinstance(found, tuple)) == allowed
    if allowed:
        assert found == number


@pytest.mark.usefixtures("any_size")
def test_rows_of_other_cities_under_city_are_handed_back(
    small: Path, sets: list[TargetSet], cli: Cli
) -> None:
    """Only Hanoi's rows: under --city haiphong the reference reader warns and finds nothing."""
    assert read_large([small], sets, city="haiphong") is None
    ran = cli("check", small, "--city", "haiphong", "--format", "json")
    assert ran.code == 2
    assert "for other cities not scored" in ran.err and "[nothing-reported]" in ran.err


def test_an_interrupted_duckdb_read_exits_130_and_does_not_read_again(big: Path) -> None:
    """An interrupted query used to be taken for a file DuckDB could not read: the reference
    reader started over and the run ended with 0. The query here is interrupted by DuckDB's
    own interrupt(), which is deterministic; Ctrl-C reaches DuckDB as a signal, which it
    sometimes misses, and comes out as the RuntimeError of the next test."""
    script = f"""
import sys, threading
from dxscore.actuals import large
read = large._Reader._read
def held(self, db):
    threading.Timer(0.3, db.interrupt).start()
    db.execute("SELECT sum(hash(range)) FROM range(1000000000000)").fetchall()
    return read(self, db)
large._Reader._read = held
from dxscore.__main__ import main

sys.argv = ["dxscore", "check", {str(big)!r}, "--format", "json", "--fail-on", "never"]
main()
"""
    process = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, timeout=120, check=False
    )
    assert process.returncode == 130, process.stderr
    assert process.stdout == b""  # nothing was scored
    assert b"internal error" not in process.stderr and b"Traceback" not in process.stderr


def test_duckdb_errors_for_ctrl_c_are_a_keyboard_interrupt() -> None:
    """Ctrl-C during a query: RuntimeError("Query interrupted"); interrupt(): its own class."""
    import duckdb

    for error in (RuntimeError("Query interrupted"), duckdb.InterruptException("Interrupted!")):
        with pytest.raises(KeyboardInterrupt), large.ctrl_c():
            raise error
    with pytest.raises(ValueError), large.ctrl_c():
        raise ValueError("a file DuckDB cannot parse")


@pytest.mark.usefixtures("any_size")
def test_an_area_whose_every_cell_is_empty_is_still_scored(
    small: Path, sets: list[TargetSet], tmp_path: Path
) -> None:
    path = _variant(
        small,
        tmp_path,
        lambda lines: [
            *lines,
            "hanoi,Xã trống,dx_rank,2023,",
            "hanoi,Xã trống,records_online_commune,2024,",
            "haiphong,Z,online_services_level4,2024,",
        ],
    )
    document = json.loads(_same(path, sets))
    for area in ("Xã trống", "Z"):
        blank = [row for row in document["results"] if row["area"] == area]
        assert blank and {row["status"] for row in blank} == {"no_data"}
    _same(path, sets, areas=["Xã trống"], years=[2030])


@pytest.mark.usefixtures("any_size")
def test_without_duckdb_a_large_file_is_read_by_python_with_one_line_saying_so(
    small: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB is an extra (pip install 'dxscore[large]'): without it, the same verdicts, and
    one warning that says how to read such a file faster."""
    with_duckdb = cli("check", small, "-f", "json", "--fail-on", "never")
    assert "DuckDB" not in with_duckdb.err
    monkeypatch.setattr(large, "installed", lambda: False)
    without = cli("check", small, "-f", "json", "--fail-on", "never")
    assert without.out == with_duckdb.out
    notes = [line for line in without.err.splitlines() if "dxscore[large]" in line]
    assert notes == [
        f"warning: {small}: a large file (1 MiB) is read by the Python reader; with DuckDB"
        " installed (pip install 'dxscore[large]') it is read several times faster"
    ]
    explained = cli("check", small, "-f", "json", "--explain", "--fail-on", "never")
    assert "dxscore[large]" not in explained.err  # DuckDB would not read it either


@pytest.mark.usefixtures("any_size")
def test_a_series_that_mixes_scales_is_left_to_the_reference_reader(
    small: Path, sets: list[TargetSet], tmp_path: Path
) -> None:
    """rules.mixes_scales and its SQL twin agree: 0.82 beside 91 in one series is warned of
    (the reference reader words it), 0.1 after 25 is read by DuckDB as written."""
    mixed = _variant(
        small,
        tmp_path,
        lambda lines: [
            *lines,
            "hanoi,Xã lạ,records_online_commune,2015,0.82",
            "hanoi,Xã lạ,records_online_commune,2016,91",
        ],
    )
    assert read_large([mixed], sets) is None
    warned = [w.key for w in read_actuals([mixed], sets).warnings]
    assert warned == ["warning.mixed-scale"]
    fall = _variant(
        small,
        tmp_path,
        lambda lines: [
            *lines,
            "hanoi,Xã lạ,records_online_commune,2015,25",
            "hanoi,Xã lạ,records_online_commune,2016,0.1",
        ],
    )
    assert read_large([fall], sets) is not None
    assert not read_actuals([fall], sets).warnings
