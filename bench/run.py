"""Time dxscore against baselines measured in the same run, and write the table as markdown.

    python bench/run.py [--rows 1000000] [--repeat 5] [--big-rows 10000000] [--out bench/RESULTS.md]

Each case runs its command and its baseline alternately ``--repeat`` times and compares the
medians, so that a busy machine slows both alike. Peak memory is the child's maximum resident
set size. The large inputs are generated once into a temporary folder (bench/generate.py).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DXSCORE = [PYTHON, "-m", "dxscore"]


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
          sheet: Optional[str] = None, explain: bool = False) -> None:
    from pydantic import BaseModel
    from rich.console import Console
@app.command()
def other() -> None:
    pass
app()
"""


BIG_REPEAT = 3  # runs of the largest case (each about ten times the million-row one)


@dataclass
class Measure:
    seconds: float
    peak_mib: float


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
    if int(code) not in (0, 1) and "frictionless" not in command[0]:
        raise SystemExit(f"failed ({code}): {' '.join(command)}")
    return Measure(float(seconds), int(peak_kib) / 1024)


def compare(
    command: list[str],
    baseline: list[str],
    repeat: int,
    stdout: Path | None = None,
    baseline_stdout: Path | None = None,
) -> tuple[Measure, Measure]:
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(run(command, stdout))
        theirs.append(run(baseline, baseline_stdout))
    return median(ours), median(theirs)


def median(measures: list[Measure]) -> Measure:
    return Measure(
        statistics.median(m.seconds for m in measures), max(m.peak_mib for m in measures)
    )


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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--big-rows", type=int, default=10_000_000, help="0 to skip the 10M case")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument(
        "--frictionless",
        default=shutil.which("frictionless"),
        help="the frictionless command (default: on PATH); install it apart: pip install frictionless",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate

    compile_dxscore()

    work = Path(tempfile.mkdtemp(prefix="dxscore-bench-"))
    rows: list[tuple[str, str, str, str, bool | None]] = []  # met: None for context
    try:
        big = work / "actuals.csv"
        generate(args.rows, big)
        json_out = work / "out.json"

        ours, base = compare([*DXSCORE, "--version"], [PYTHON, "-c", "import typer"], args.repeat)
        rows.append(
            (
                "`dxscore --version`",
                "`python -c 'import typer'`",
                f"{ours.seconds:.3f} s / {base.seconds:.3f} s",
                f"{ours.seconds / base.seconds:.2f} ×  (goal ≤ 1.3)",
                ours.seconds / base.seconds <= 1.3,
            )
        )

        example = str(ROOT / "examples" / "hanoi-actuals.csv")
        ours, base = compare(
            [*DXSCORE, "check", example, "--fail-on", "never"],
            [PYTHON, "-c", "import typer, pydantic, yaml, rich.table"],
            args.repeat,
        )
        rows.append(
            (
                "`dxscore check examples/hanoi-actuals.csv`",
                "`import typer, pydantic, yaml, rich.table`",
                f"{ours.seconds:.3f} s / {base.seconds:.3f} s",
                f"{ours.seconds / base.seconds:.2f} ×  (goal ≤ 1.6)",
                ours.seconds / base.seconds <= 1.6,
            )
        )

        # context, not a goal: what the stack costs before any dxscore code runs
        ours, base = compare(
            [PYTHON, "-c", STACK_FLOOR, "check", example],
            [PYTHON, "-c", "import typer, pydantic, yaml, rich.table"],
            args.repeat,
        )
        rows.append(
            (
                "context: a typer app with `check`'s 13 parameters that imports pydantic's"
                " `BaseModel` and rich's `Console`, and does nothing",
                "`import typer, pydantic, yaml, rich.table`",
                f"{ours.seconds:.3f} s / {base.seconds:.3f} s",
                f"{ours.seconds / base.seconds:.2f} ×  (the stack's floor)",
                None,
            )
        )

        iterate = [
            PYTHON,
            "-c",
            f"import csv\nfor _ in csv.reader(open({str(big)!r}, newline='', encoding='utf-8')): pass",
        ]
        check_big = [*DXSCORE, "check", str(big), "--format", "json", "--fail-on", "never"]
        ours, base = compare(check_big, iterate, args.repeat, stdout=json_out)
        one_million = ours
        rows.append(
            (
                f"`dxscore check` on {args.rows:,} rows with areas (JSON to a file)",
                "iterating the file with `csv`",
                f"{ours.seconds:.2f} s / {base.seconds:.2f} s",
                f"{ours.seconds / base.seconds:.2f} ×  (goal ≤ 2.0)",
                ours.seconds / base.seconds <= 2.0,
            )
        )
        rows.append(
            (
                f"peak memory on {args.rows:,} rows",
                "",
                f"{ours.peak_mib:.0f} MiB",
                "goal ≤ 600 MiB",
                ours.peak_mib <= 600,
            )
        )

        # context, not a goal: DuckDB's share, reading the file before anything is checked
        read_only = [
            PYTHON,
            "-c",
            "import duckdb\n"
            f'duckdb.sql("CREATE TABLE raw AS FROM read_csv({str(big)!r}, all_varchar=true)")',
        ]
        ours, base = compare(read_only, iterate, args.repeat)
        rows.append(
            (
                "context: `import duckdb` and read the file into a table, nothing more",
                "iterating the file with `csv`",
                f"{ours.seconds:.2f} s / {base.seconds:.2f} s",
                f"{ours.seconds / base.seconds:.2f} ×  (DuckDB's floor)",
                None,
            )
        )

        # context, not a goal: a check made wholly in DuckDB, with none of the checks
        floor_out = work / "floor.json"
        sql_floor = [PYTHON, str(ROOT / "bench" / "sql_floor.py"), str(big), str(floor_out)]
        floor, base = compare(sql_floor, iterate, args.repeat)
        rows.append(
            (
                "context: the targets loaded and the file scored wholly inside DuckDB, with no"
                " check of any name or value and no summaries (`bench/sql_floor.py`)",
                "iterating the file with `csv`",
                f"{floor.seconds:.2f} s / {base.seconds:.2f} s",
                f"{floor.seconds / base.seconds:.2f} ×  (a floor for any check in SQL)",
                None,
            )
        )

        frictionless = args.frictionless
        if frictionless:
            # With a schema, frictionless checks every row; left to guess the types, it reads
            # the value column as numbers and stops at its error limit on the first milestone
            # words, having checked a fraction of the file. It refuses absolute paths as
            # unsafe, so it runs beside the file.
            (work / "schema.json").write_text(FRICTIONLESS_SCHEMA, encoding="utf-8")
            command = [frictionless, "validate", "--schema", "schema.json", big.name]
            theirs = median([run(command, cwd=work) for _ in range(min(args.repeat, 3))])
            rows.append(
                (
                    "the same check",
                    "`frictionless validate --schema` on the file (every row checked)",
                    f"{one_million.seconds:.2f} s / {theirs.seconds:.2f} s",
                    f"{theirs.seconds / one_million.seconds:.1f} × faster  (goal ≥ 10)",
                    theirs.seconds / one_million.seconds >= 10,
                )
            )
            rows.append(
                (
                    "context: the floor for any check in SQL, above",
                    "the same frictionless run",
                    f"{floor.seconds:.2f} s / {theirs.seconds:.2f} s",
                    f"{theirs.seconds / floor.seconds:.1f} × faster",
                    None,
                )
            )
        else:
            rows.append(
                (
                    "the same check",
                    "`frictionless validate`",
                    "not measured",
                    "frictionless is not installed (pip install frictionless)",
                    False,
                )
            )

        if args.big_rows:
            huge = work / "huge.csv"
            generate(args.big_rows, huge)
            # interleaved with the smaller check, as every other case is with its baseline: a
            # single run against a time taken minutes earlier moved by a fifth between runs
            check_huge = [*DXSCORE, "check", str(huge), "--format", "json", "--fail-on", "never"]
            ours, base = compare(
                check_huge, check_big, BIG_REPEAT, stdout=json_out, baseline_stdout=json_out
            )
            ratio = ours.seconds / base.seconds
            rows.append(
                (
                    f"`dxscore check` on {args.big_rows:,} rows",
                    f"the {args.rows:,}-row time (median of {BIG_REPEAT} runs each, interleaved)",
                    f"{ours.seconds:.1f} s / {base.seconds:.2f} s, {ours.peak_mib:.0f} MiB",
                    f"{ratio:.1f} ×  (goal ≤ 11)",
                    ratio <= 11,
                )
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)

    header = f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; median of {args.repeat} interleaved runs."
    table = ["| case | baseline | ours / baseline | ratio | goal met |", "|---|---|---|---|---|"]
    marks = {True: "✔", False: "✘", None: "–"}
    table += [f"| {a} | {b} | {c} | {d} | {marks[ok]} |" for a, b, c, d, ok in rows]
    text = header + "\n\n" + "\n".join(table) + "\n"
    print(text)
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
