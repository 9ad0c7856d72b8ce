"""The mutation score per module, from mutmut's results (mutants/**/*.meta) and the hand-made
mutants' (mutants/hand.json), over the mutants that are not equivalent.

    .venv/bin/python bench/mutation_report.py PATTERN…   # mutmut's names, as bench/mutation.sh

A survivor listed in bench/mutation_equivalent.txt (its function and the line as mutated) is
equivalent: it cannot change what a user sees. Every other survivor is printed with its
line, for a test to kill it. The table printed is the one docs/mutation.md records.
"""

from __future__ import annotations

import fnmatch
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants"
EQUIVALENT = Path(__file__).resolve().parent / "mutation_equivalent.txt"

# mutmut's exit codes (mutmut.stats.status_by_exit_code): a timeout counts as killed, as the
# mutant made the tests hang
KILLED = {1: "killed", 3: "killed", 36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout"}
KILLED |= {255: "timeout", 37: "caught by type check", -11: "segfault", -9: "segfault"}
SURVIVED = {0: "survived"}

GROUPS = {
    "dxscore/scoring.py": "scoring engine",
    "dxscore/rules.py": "scoring engine",
    "dxscore/actuals/values.py": "value and year grammar",
    "dxscore/actuals/rows.py": "row engine (reading rules)",
}


def equivalents() -> dict[tuple[str, str], str]:
    """(function, mutated line) → why the mutant cannot change behaviour."""
    found = {}
    for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        function, mutated, why = (part.strip() for part in line.split(" ¦ ", 2))
        found[(function, mutated)] = why
    return found


def function_of(mutant: str) -> str:
    """``dxscore.scoring.x_league__mutmut_43`` → ``scoring.league``;
    ``…rows.xǁRowReaderǁ_year__mutmut_3`` → ``rows.RowReader._year``."""
    module, _, rest = mutant.rpartition(".x")
    name = rest.rsplit("__mutmut_", 1)[0].lstrip("_ǁ").replace("ǁ", ".")
    if rest.startswith("_"):
        name = rest[1:].rsplit("__mutmut_", 1)[0]
    return f"{module.rsplit('.', 1)[-1]}.{name}"


def mutated_line(mutant: str) -> str:
    """The lines the mutant adds, as ``mutmut show`` prints them, joined."""
    shown = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "mutmut"), "show", mutant],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    added = [
        line[1:].strip()
        for line in shown.splitlines()
        if line.startswith("+") and not line.startswith("+++")
    ]
    return " / ".join(added)


def main(patterns: list[str]) -> int:
    known = equivalents()
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[tuple[str, str, str]] = []
    used: set[tuple[str, str]] = set()
    seen_equivalent: list[tuple[str, str, str]] = []  # file, what, why
    for meta in sorted(MUTANTS.glob("dxscore/**/*.py.meta")):
        file = str(meta.relative_to(MUTANTS))[: -len(".meta")]
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for mutant, code in sorted(codes.items()):
            if patterns and not any(fnmatch.fnmatch(mutant, p) for p in patterns):
                continue
            if code in KILLED:
                tally[file]["killed"] += 1
            elif code in SURVIVED:
                function, line = function_of(mutant), mutated_line(mutant)
                if (function, line) in known:
                    used.add((function, line))
                    tally[file]["equivalent"] += 1
                    seen_equivalent.append((file, f"`{function}`: `{line}`", known[function, line]))
                else:
                    tally[file]["survived"] += 1
                    survivors.append((file, mutant, line))
            else:
                tally[file]["not run" if code is None else f"exit {code}"] += 1
    hand = MUTANTS / "hand.json"
    scenarios: list[tuple[str, str]] = []
    for outcome in json.loads(hand.read_text(encoding="utf-8")) if hand.exists() else []:
        status = outcome["status"]
        if outcome["name"].startswith("scenario: "):  # the list, each against its test
            scenarios.append((outcome["name"].removeprefix("scenario: "), status))
            continue
        key = status if status in ("killed", "equivalent", "survived") else "not run"
        tally[outcome["file"]][key] += 1
        tally[outcome["file"]]["by hand"] += 1
        if key == "equivalent":
            seen_equivalent.append((outcome["file"], outcome["name"], outcome["equivalent"]))
        if key == "survived":
            survivors.append((outcome["file"], "by hand", outcome["name"]))

    print("| module | mutants | killed | survived | equivalent | score |")
    print("|---|---:|---:|---:|---:|---:|")
    by_group: dict[str, Counter[str]] = defaultdict(Counter)
    for file in sorted(tally, key=lambda f: (GROUPS.get(f, f), f)):
        counts = tally[file]
        by_group[GROUPS.get(file, file)].update(counts)
        print(row(file + f" ({counts['by hand']} by hand)", counts))
    for group, counts in by_group.items():
        print(row(f"**{group}**", counts))
    others = {k: v for c in tally.values() for k, v in c.items() if k.startswith(("not", "exit"))}
    if others:
        print(f"\nnot counted: {others}")
    if scenarios:
        print("\n| the issue's mutant | its named test |")
        print("|---|---|")
        for name, status in scenarios:
            print(f"| {name} | {status} |")
    if seen_equivalent:
        print("\n| module | equivalent mutant | why it cannot change behaviour |")
        print("|---|---|---|")
        for file, what, why in sorted(seen_equivalent, key=lambda e: (GROUPS.get(e[0], e[0]), e)):
            print(f"| {file} | {escaped(what)} | {why} |")
    for file, mutant, line in survivors:
        print(f"SURVIVED {mutant} ({file}): {line}")
    for stale in sorted(set(known) - used):
        print(f"(equivalent listed but not seen this run: {stale[0]} ¦ {stale[1]})")
    return 0


def escaped(text: str) -> str:
    """Text for a markdown table's cell: its bars escaped."""
    return text.replace("|", "\\|")


def row(name: str, counts: Counter[str]) -> str:
    killed, survived, equivalent = counts["killed"], counts["survived"], counts["equivalent"]
    total = killed + survived + equivalent
    judged = killed + survived
    score = f"{100 * killed / judged:.1f} %" if judged else "–"
    return f"| {name} | {total} | {killed} | {survived} | {equivalent} | {score} |"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
