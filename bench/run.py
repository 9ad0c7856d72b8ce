"""Time dxscore against baselines measured in the same run, and write the table as markdown.

    python bench/run.py [--rows 1000000] [--repeat 5] [--out bench/RESULTS.md]

The goals of issue 20, each a ratio to a floor measured in the same run:

- `dxscore --version` against `import typer`;
- `import dxscore` against starting Python (`python -c pass`);
- `dxscore check` on the Hanoi example against the stack's floor (a typer app with check's
  options that imports pydantic's BaseModel and rich's Console, and does nothing);
- `dxscore check` on a million generated rows, with DuckDB (`dxscore[large]`) and with the
  Python reader (DuckDB hidden from the run), against iterating the file with `csv`, and the
  DuckDB run against `frictionless validate` (installed here from PyPI when missing);
- the peak memory of either million-row run.

Context rows measure, in the same run, the floors under those goals (DuckDB alone reading the
file; a check made wholly in SQL, `bench/sql_floor.py`; the Python part of the large check,
`bench/phases.py`) and a flawed million-row file. Each case runs its command and its baseline
alternately ``--repeat`` times and compares the medians, so that a busy machine slows both
alike; peak memory is the child's maximum resident set size. The large inputs are generated
once into a temporary folder (bench/generate.py).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DXSCORE = [PYTHON, "-m", "dxscore"]
# The same command without DuckDB, as if the [large] extra were not installed
WITHOUT_DUCKDB = [
    PYTHON,
    "-c",
    "import sys; sys.modules['duckdb'] = None\n"
    "from dxscore.__main__ import main; sys.argv[0] = 'dxscore'; main()",
]


FRICTIONLESS_SCHEMA = """{"fields": [
  {"name": "city", "type": "string", "constraints": {"required": true}},
  {"name": "area", "type": "string"},
  {"name": "indicator", "type": "string", "constraints": {"required": true}},
  {"name": "year", "type": "integer", "constraints": {"minimum": 1900, "maximum": 2100}},
  {"name": "value", "type": "string"}
]}
"""


# A command with the parameters of `dxscore check` (same types) that only imports what any
# check built on this stack must: pydantic's models (for the target files) and rich's console
# (for the tables). Since typer 0.29, running a command with a non-flag option also imports
# pydantic's model machinery and builds a TypeAdapter per option. No dxscore code runs.
STACK_FLOOR = """
from enum import Enum
from pathlib import Path
from typing import Optional
import typer
class F(str, Enum):
    a = "a"
    b = "b"
app = typer.Typer()
@app.command()
def check(actuals: list[Path], targets: Optional[list[Path]] = typer.Option(None),
          as_of: Optional[int] = None, year: Optional[list[int]] = None,
          pillar: Optional[list[F]] = None, city: Optional[str] = None,
          area: Optional[list[str]] = None, fail_on: F = F.a, format: F = F.a,
          lang: Optional[F] = None, encoding: Optional[str] = None,
          sheet: Optional[str] = None, explain: bool = False,
          all_rows: bool = typer.Option(False, "--all")) -> None:
    from pydantic import BaseModel
    from rich.console import Console
@app.command()
def other() -> None:
    pass
app()
"""


@dataclass
class Measure:
    seconds: float
    peak_mib: float


@dataclass
class Row:
    case: str
    baseline: str
    measured: str
    ratio: str
    met: bool | None  # None: context, not a goal


def run(command: list[str], stdout: Path | None = None, cwd: Path = ROOT) -> Measure:
    """Run once; wall time and the child's peak memory (measured by a fresh wrapper process)."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "out = open(sys.argv[1], 'wb') if sys.argv[1] != '-' else subprocess.DEVNULL\n"
        "start = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL).returncode\n"
        "elapsed = time.perf_counter() - start\n"
        "print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
    )
    result = subprocess.run(
        [PYTHON, "-c", wrapper, str(stdout) if stdout else "-", *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    seconds, peak_kib, code = result.stdout.split()
    if int(code) not in (0, 1, 2) and "frictionless" not in command[0]:
        raise SystemExit(f"failed ({code}): {' '.join(command)}")
    return Measure(float(seconds), int(peak_kib) / 1024)


def compare(
    command: list[str], baseline: list[str], repeat: int, stdout: Path | None = None
) -> tuple[Measure, Measure]:
    """Command and baseline run alternately; the medians (and the largest peak)."""
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(run(command, stdout))
        theirs.append(run(baseline))
    return median(ours), median(theirs)


def median(measures: list[Measure]) -> Measure:
    return Measure(
        statistics.median(m.seconds for m in measures), max(m.peak_mib for m in measures)
    )


def ratio_row(
    case: str,
    baseline: str,
    ours: Measure,
    base: Measure,
    goal: float | None,
    what: str = "",
    digits: int = 2,
) -> Row:
    """A row with ours / baseline (goal: at most this ratio; None: context)."""
    ratio = ours.seconds / base.seconds
    unit = "s" if ours.seconds >= 0.1 else "ms"
    scale = 1 if unit == "s" else 1000
    measured = (
        f"{ours.seconds * scale:.{digits}f} {unit} / {base.seconds * scale:.{digits}f} {unit}"
    )
    if goal is None:
        return Row(case, baseline, measured, f"{ratio:.2f} ×  ({what})", None)
    return Row(case, baseline, measured, f"{ratio:.2f} ×  (goal ≤ {goal})", ratio <= goal)


def compile_dxscore() -> None:
    """Compile the dxscore that ``python -m dxscore`` runs, as ``pip install`` does. From an
    editable install under PYTHONDONTWRITEBYTECODE, every timed run would compile it afresh."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("dxscore")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("dxscore is not installed in this Python: pip install -e .")
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)


def frictionless_command(given: str | None) -> tuple[str | None, str]:
    """The frictionless command: given, on PATH, or installed from PyPI into a virtual
    environment of its own (kept in the temporary folder for the next run). It is not a
    dependency of dxscore. (None, why) when it cannot be had."""
    found = given or shutil.which("frictionless")
    if found:
        return found, ""
    venv = Path(tempfile.gettempdir()) / "dxscore-bench-frictionless"
    command = venv / "bin" / "frictionless"
    if not command.exists():
        print(f"installing frictionless from PyPI into {venv} …", file=sys.stderr)
        try:
            subprocess.run([PYTHON, "-m", "venv", str(venv)], check=True, capture_output=True)
            subprocess.run(
                [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "frictionless"],
                check=True,
                capture_output=True,
                timeout=900,
            )
        except (OSError, subprocess.SubprocessError) as error:
            return None, f"could not install frictionless ({type(error).__name__})"
    return str(command), ""


def flawed_copy(source: Path, target: Path) -> None:
    """The file with one value that is not a number, a hundred rows from the end."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    at = max(1, len(lines) - 100)
    city, area, indicator, year, _ = lines[at].rstrip("\n").split(",")
    lines[at] = f"{city},{area},{indicator},{year},abc\n"
    target.write_text("".join(lines), encoding="utf-8")


def load() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--big-rows", type=int, default=0, help="also time this many rows (context; 0: not)"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument(
        "--frictionless",
        help="the frictionless command (default: on PATH, else installed from PyPI)",
    )
    parser.add_argument(
        "--no-frictionless", action="store_true", help="do not measure frictionless"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    compile_dxscore()
    load_before = load()
    started = time.perf_counter()
    repeat = args.repeat
    quick = max(repeat, 3) * 7  # start-up cases: a quarter of a second, and noisy on a busy machine
    work = Path(tempfile.mkdtemp(prefix="dxscore-bench-"))
    rows: list[Row] = []
    add: Callable[[Row], None] = rows.append
    try:
        big = work / "actuals.csv"
        generate(args.rows, big)
        json_out = work / "out.json"
        n = f"{args.rows:,}"

        ours, base = compare([*DXSCORE, "--version"], [PYTHON, "-c", "import typer"], quick)
        add(ratio_row("`dxscore --version`", "`python -c 'import typer'`", ours, base, 0.35))

        ours, base = compare([PYTHON, "-c", "import dxscore"], [PYTHON, "-c", "pass"], quick)
        add(ratio_row('`python -c "import dxscore"`', "`python -c pass`", ours, base, 1.5))

        example = str(ROOT / "examples" / "hanoi-actuals.csv")
        ours, base = compare(
            [*DXSCORE, "check", example, "--fail-on", "never"],
            [PYTHON, "-c", STACK_FLOOR, "check", example],
            quick,
        )
        add(
            ratio_row(
                "`dxscore check examples/hanoi-actuals.csv`",
                "the stack's floor: a typer app with `check`'s options that imports pydantic's"
                " `BaseModel` and rich's `Console`, and does nothing",
                ours,
                base,
                1.35,
            )
        )

        iterate = [
            PYTHON,
            "-c",
            f"import csv\nfor _ in csv.reader(open({str(big)!r}, newline='', encoding='utf-8')): pass",
        ]
        check_big = ["check", str(big), "--format", "json", "--fail-on", "never"]
        with_duckdb, base = compare([*DXSCORE, *check_big], iterate, repeat, stdout=json_out)
        add(
            ratio_row(
                f"`dxscore check` on {n} rows with areas, `[large]` installed (JSON to a file)",
                "iterating the file with `csv`",
                with_duckdb,
                base,
                3.0,
            )
        )
        frictionless, why = (
            (None, "not asked for")
            if args.no_frictionless
            else frictionless_command(args.frictionless)
        )
        if frictionless:
            # With a schema, frictionless checks every row; left to guess the types, it reads
            # the value column as numbers and stops at its error limit on the first milestone
            # words, having checked a fraction of the file. It refuses absolute paths as
            # unsafe, so it runs beside the file.
            (work / "schema.json").write_text(FRICTIONLESS_SCHEMA, encoding="utf-8")
            command = [frictionless, "validate", "--schema", "schema.json", big.name]
            theirs = median([run(command, cwd=work) for _ in range(min(repeat, 3))])
            faster = theirs.seconds / with_duckdb.seconds
            add(
                Row(
                    "the same check",
                    "`frictionless validate --schema` on the file (every row checked)",
                    f"{with_duckdb.seconds:.2f} s / {theirs.seconds:.2f} s",
                    f"{faster:.1f} × faster  (goal ≥ 6)",
                    faster >= 6,
                )
            )
        else:
            add(Row("the same check", "`frictionless validate`", "not measured", why, False))

        without, base = compare([*WITHOUT_DUCKDB, *check_big], iterate, repeat, stdout=json_out)
        add(
            ratio_row(
                f"`dxscore check` on {n} rows, without `[large]` (the Python reader)",
                "iterating the file with `csv`",
                without,
                base,
                10.0,
            )
        )
        peak = max(with_duckdb.peak_mib, without.peak_mib)
        add(
            Row(
                f"peak memory on {n} rows, either path",
                "",
                f"{with_duckdb.peak_mib:.0f} MiB with `[large]`, {without.peak_mib:.0f} MiB without",
                "goal ≤ 450 MiB",
                peak <= 450,
            )
        )

        # context: the floors under the large goals, measured in the same run
        read_only = [
            PYTHON,
            "-c",
            "import duckdb\n"
            f'duckdb.sql("CREATE TABLE raw AS FROM read_csv({str(big)!r}, all_varchar=true)")',
        ]
        ours, base = compare(read_only, iterate, repeat)
        add(
            ratio_row(
                "context: `import duckdb` and read the file into a table, nothing more",
                "iterating the file with `csv`",
                ours,
                base,
                None,
                "DuckDB's floor",
            )
        )
        floor_out = work / "floor.json"
        sql_floor = [PYTHON, str(ROOT / "bench" / "sql_floor.py"), str(big), str(floor_out)]
        floor, base = compare(sql_floor, iterate, repeat)
        add(
            ratio_row(
                "context: the targets loaded and the file scored wholly inside DuckDB, with no"
                " check of any name or value and no summaries (`bench/sql_floor.py`)",
                "iterating the file with `csv`",
                floor,
                base,
                None,
                "a floor for any check in SQL",
            )
        )
        # context: where the large check's time goes, timed in-process (bench/phases.py)
        phases_runs: list[dict[str, float]] = []
        base_runs: list[Measure] = []
        for _ in range(repeat):
            found = subprocess.run(
                [PYTHON, str(ROOT / "bench" / "phases.py"), str(big)],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            phases_runs.append(json.loads(found.stdout))
            base_runs.append(run(iterate))
        spent = {key: statistics.median(p[key] for p in phases_runs) for key in phases_runs[0]}
        base = median(base_runs)
        python_part = spent["series"] + spent["score"] + spent["json"]
        add(
            Row(
                "context: where the time of the same check goes, timed in-process"
                " (`bench/phases.py`)",
                "iterating the file with `csv`",
                ", ".join(f"{key} {value:.2f} s" for key, value in spent.items())
                + f" / {base.seconds:.2f} s",
                f"{python_part / base.seconds:.2f} ×  (series, verdicts and JSON: the Python part)",
                None,
            )
        )

        flawed = work / "flawed.csv"
        flawed_copy(big, flawed)
        check_flawed = [*DXSCORE, "check", str(flawed), "--format", "json", "--fail-on", "never"]
        ours, base = compare(check_flawed, iterate, repeat)
        add(
            Row(
                f"context: a flawed file of {n} rows (one value not a number, 100 rows from"
                " the end), `[large]` installed: refused, each problem with its line",
                "iterating the file with `csv`",
                f"{ours.seconds:.2f} s / {base.seconds:.2f} s, {ours.peak_mib:.0f} MiB",
                f"{ours.seconds / base.seconds:.2f} ×  (DuckDB's rows read by the row engine)",
                None,
            )
        )

        if args.big_rows:
            huge = work / "huge.csv"
            generate(args.big_rows, huge)
            check_huge = [*DXSCORE, "check", str(huge), "--format", "json", "--fail-on", "never"]
            big_repeat = min(repeat, 3)
            ours, base = compare(check_huge, [*DXSCORE, *check_big], big_repeat, stdout=json_out)
            add(
                Row(
                    f"context: `dxscore check` on {args.big_rows:,} rows",
                    f"the {n}-row check (median of {big_repeat} runs each, interleaved)",
                    f"{ours.seconds:.1f} s / {base.seconds:.2f} s, {ours.peak_mib:.0f} MiB",
                    f"{ours.seconds / base.seconds:.1f} ×",
                    None,
                )
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    minutes = (time.perf_counter() - started) / 60
    header = (
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}; median of {repeat} interleaved runs"
        f" ({quick} for the start-up cases), {minutes:.0f} min. Load average (1, 5, 15 min)"
        f" {load_before} at the start, {load()} at the end."
    )
    table = ["| case | baseline | ours / baseline | ratio | goal met |", "|---|---|---|---|---|"]
    marks = {True: "✔", False: "✘", None: "–"}
    table += [
        f"| {r.case} | {r.baseline} | {r.measured} | {r.ratio} | {marks[r.met]} |" for r in rows
    ]
    text = header + "\n\n" + "\n".join(table) + "\n"
    print(text)
    args.out.write_text(replace_table(args.out, text), encoding="utf-8")


BEGIN, END = "<!-- bench/run.py: the latest table -->", "<!-- end of the table -->"


def replace_table(out: Path, table: str) -> str:
    """The file with its table replaced, and what is written around it kept (the notes on the
    table); a new file is the table alone."""
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if BEGIN in old and END in old:
        head, rest = old.split(BEGIN, 1)
        return f"{head}{BEGIN}\n{table}{END}{rest.split(END, 1)[1]}"
    return f"{BEGIN}\n{table}{END}\n"


if __name__ == "__main__":
    main()
