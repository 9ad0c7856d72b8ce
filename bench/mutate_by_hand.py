"""Mutants mutmut does not make: module constants (the number, date and year patterns, the word
lists, SEVERITY, the year span) and decorated or cached functions (``_lowest_within`` under
``lru_cache``, ``Fit.intercept`` as a property, the milestone cache). Each is applied by hand to
a copy of the repository, the tests named for it run there, and the copy restored.

    .venv/bin/python bench/mutate_by_hand.py            # every hand-made mutant
    .venv/bin/python bench/mutate_by_hand.py YEAR DATE  # those whose name holds a word given

Writes mutants/hand.json (read by bench/mutation_report.py) and prints one line per mutant.
Never touches the working tree: the copy lives in a temporary folder.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPIED = ["dxscore", "tests", "targets", "examples", "schema", "bench", "docs", "README.md"]
COPIED += ["pyproject.toml", ".pre-commit-hooks.yaml"]

VALUES = "dxscore/actuals/values.py"
SCORING = "dxscore/scoring.py"
RULES = "dxscore/rules.py"
ROWS = "dxscore/actuals/rows.py"

# The tests each kind of mutant is run against (quick ones; -x stops at the first failure)
GRAMMAR_TESTS = ["tests/test_mutants_values.py", "tests/test_actuals.py"]
SCORING_TESTS = [
    "tests/test_mutants_scoring.py",
    "tests/test_scoring.py",
    "tests/test_verdicts.py",
    "tests/test_check.py",
]
ROWS_TESTS = ["tests/test_mutants_values.py", "tests/test_areas.py", "tests/test_actuals.py"]
PYTEST = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
PYTEST += ["-m", "not slow and not browser"]


@dataclass(frozen=True)
class Mutant:
    name: str  # what was changed, in a few words
    file: str
    old: str  # the source text replaced (once, exactly)
    new: str
    tests: tuple[str, ...]
    equivalent: str = ""  # why it cannot change what a user sees, when it cannot


def word_removed(constant: str, word: str, file: str, tests: list[str]) -> Mutant:
    """The word list ``constant`` without ``word`` (its definition as written in ``file``)."""
    source = (ROOT / file).read_text(encoding="utf-8")
    start = source.index(f"{constant} = frozenset(")
    end = source.index(")", start) + 1
    block = source[start:end]
    literal = f'"{word}"'
    assert block.count(literal) == 1, (constant, word)
    at = block.index(literal)
    after = block[at + len(literal) :]
    removed = len(literal) + len(after) - len(after.lstrip(", \n"))
    if not after.lstrip(" \n").startswith(","):  # the last word: take the comma before it
        before = block[:at].rstrip(", \n")
        block_new = before + block[at + len(literal) :]
    else:
        block_new = block[:at] + block[at + removed :]
    return Mutant(f"{constant} without {word!r}", file, block, block_new, tuple(tests))


def words_of(constant: str, file: str) -> list[str]:
    source = (ROOT / file).read_text(encoding="utf-8")
    start = source.index(f"{constant} = frozenset(")
    block = source[start : source.index(")", start)]
    return re.findall(r'"([^"]*)"', block)


def mutants() -> list[Mutant]:
    found: list[Mutant] = []
    add = found.append
    g, s, r = GRAMMAR_TESTS, SCORING_TESTS, ROWS_TESTS

    # --- the year span, and the year inside other text ----------------------------------------
    span = "MIN_YEAR, MAX_YEAR = 1900, 2100"
    add(Mutant("MIN_YEAR 1901", VALUES, span, "MIN_YEAR, MAX_YEAR = 1901, 2100", (*g,)))
    add(Mutant("MIN_YEAR 1899", VALUES, span, "MIN_YEAR, MAX_YEAR = 1899, 2100", (*g,)))
    add(Mutant("MAX_YEAR 2099", VALUES, span, "MIN_YEAR, MAX_YEAR = 1900, 2099", (*g,)))
    add(Mutant("MAX_YEAR 2101", VALUES, span, "MIN_YEAR, MAX_YEAR = 1900, 2101", (*g,)))
    year = r'YEAR_INSIDE = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2}|2100)(?![0-9])")'
    for label, new in [
        ("YEAR_INSIDE without its look-behind", year.replace("(?<![0-9])", "")),
        ("YEAR_INSIDE without its look-ahead", year.replace("(?![0-9])", "")),
        ("YEAR_INSIDE without 19xx", year.replace("19[0-9]{2}|", "")),
        ("YEAR_INSIDE without 2100", year.replace("|2100", "")),
        ("YEAR_INSIDE with 21xx", year.replace("|2100", "|21[0-9]{2}")),
        ("YEAR_INSIDE with 18xx", year.replace("(19[0-9]{2}", "(1[89][0-9]{2}")),
    ]:
        add(Mutant(label, VALUES, year, new, (*g,)))

    # --- the number pattern -------------------------------------------------------------------
    number = r'_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")'
    for label, old, new in [
        ("_NUMBER without a sign", "[+-]?(?:[0-9]+", "-?(?:[0-9]+"),
        ("_NUMBER without '5.'", r"(?:\.[0-9]*)?", r"(?:\.[0-9]+)?"),
        ("_NUMBER without '.5'", r"|\.[0-9]+)", ")"),
        ("_NUMBER with any decimal mark", r"(?:\.[0-9]*)?", r"(?:.[0-9]*)?"),
        ("_NUMBER without an exponent", r"(?:[eE][+-]?[0-9]+)?", ""),
        ("_NUMBER without 'E'", "[eE]", "[e]"),
        ("_NUMBER without an exponent's sign", "[eE][+-]?", "[eE]-?"),
        ("_NUMBER with an empty exponent", "[eE][+-]?[0-9]+", "[eE][+-]?[0-9]*"),
    ]:
        assert old in number, label
        add(Mutant(label, VALUES, number, number.replace(old, new, 1), (*g,)))

    grouped = r'_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:(?:\.[0-9]{3}){2,}|(?:[ \u00a0\u202f][0-9]{3})+)")'
    for label, old, new, equivalent in [
        ("_GROUPED without a sign", "[+-]?[0-9]{1,3}", "[0-9]{1,3}", ""),
        ("_GROUPED with 4-digit heads", "[0-9]{1,3}(?:", "[0-9]{1,4}(?:", ""),
        ("_GROUPED with 2-digit heads", "[0-9]{1,3}(?:", "[0-9]{1,2}(?:", ""),
        ("_GROUPED with three dotted groups", "{3}){2,}", "{3}){3,}", ""),
        (
            "_GROUPED with one dotted group",
            "{3}){2,}",
            "{3}){1,}",
            "one dotted group (1.234) is a number _NUMBER reads first; _GROUPED is asked only of "
            "what _NUMBER refuses",
        ),
        ("_GROUPED without no-break spaces", r"[ \u00a0\u202f]", "[ ]", ""),
        ("_GROUPED with 2-digit groups", r"\u202f][0-9]{3})+", r"\u202f][0-9]{2,3})+", ""),
    ]:
        assert old in grouped, label
        add(Mutant(label, VALUES, grouped, grouped.replace(old, new, 1), (*g,), equivalent))

    date = r'r"(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[T ][0-9:.]+)?"'
    date_rest = r'r"|[0-9]{1,2}([/.-])[0-9]{1,2}\1(?:[0-9]{2}|[0-9]{4})(?: [0-9:.]+)?)"'
    for label, old, text, new in [
        ("DATE without a time after an ISO date", date, r"(?:[T ][0-9:.]+)?", ""),
        ("DATE with 2-digit ISO years", date, "[0-9]{4}-", "[0-9]{2,4}-"),
        ("DATE without '.' between day and month", date_rest, "([/.-])", "([/-])"),
        ("DATE with mixed separators", date_rest, r"\1", "[/.-]"),
        ("DATE with 3-digit years", date_rest, "(?:[0-9]{2}|[0-9]{4})", "[0-9]{2,4}"),
        ("DATE without a time after a day", date_rest, r"(?: [0-9:.]+)?", ""),
        ("DATE with 3-digit days", date_rest, "|[0-9]{1,2}([/.-])", "|[0-9]{1,3}([/.-])"),
    ]:
        assert text in old, label
        add(Mutant(label, VALUES, old, old.replace(text, new, 1), (*g,)))

    dashes = '_DASHES = frozenset("\\u2212\\u2012\\u2013\\u2014")'
    for code in ("\\u2212", "\\u2012", "\\u2013", "\\u2014"):
        add(Mutant(f"_DASHES without {code}", VALUES, dashes, dashes.replace(code, ""), (*g,)))

    # --- the word lists ----------------------------------------------------------------------------
    for constant in ("TRUE_WORDS", "FALSE_WORDS", "ESTIMATE_WORDS", "MEASURED_WORDS"):
        for word in words_of(constant, VALUES):
            add(word_removed(constant, word, VALUES, g))
    for word in words_of("NOT_AVAILABLE", VALUES):
        add(word_removed("NOT_AVAILABLE", word, VALUES, g))

    # --- the milestone cache -------------------------------------------------------------------------
    cache = "        _MILESTONE_CACHE[text] = done"
    add(Mutant("the milestone cache keeps the opposite", VALUES, cache, cache + " is False", (*g,)))
    add(
        Mutant(
            "the milestone cache keeps nothing",
            VALUES,
            "len(_MILESTONE_CACHE) < 1000",
            "len(_MILESTONE_CACHE) < 0",
            (*g,),
            "the cache saves work only: without it every word is read again, the same way",
        )
    )
    add(
        Mutant(
            "the milestone cache returns only True",
            VALUES,
            "    if known is not None:\n        return known",
            "    if known:\n        return known",
            (*g,),
            "a cached False is read again from the word, as False",
        )
    )
    add(
        Mutant(
            "the milestone cache keeps words that are none",
            VALUES,
            "if done is not None and len(_MILESTONE_CACHE)",
            "if len(_MILESTONE_CACHE)",
            (*g,),
            "a cached None is not returned (known is not None): the word is read again",
        )
    )
    add(
        Mutant(
            "the milestone cache keyed by the word",
            VALUES,
            cache,
            "        _MILESTONE_CACHE[word] = done",
            (*g,),
            "a cell is looked up as written; one cached under its normalized word is read "
            "again or, written the same, found with the same value",
        )
    )

    # --- scoring: SEVERITY, STATUSES, the cached margin and the intercept --------------------------
    same_order = "only the order of the severities is compared: missed stays the worst"
    for old, new, equivalent in [
        ('"achieved": 0', '"achieved": 1', ""),
        ('"on_track": 0', '"on_track": 1', ""),
        ('"no_data": 0', '"no_data": 1', ""),
        ('"at_risk": 1', '"at_risk": 0', ""),
        ('"at_risk": 1', '"at_risk": 2', ""),
        ('"missed": 2', '"missed": 1', ""),
        ('"missed": 2', '"missed": 3', same_order),
    ]:
        add(Mutant(f"SEVERITY {new}", SCORING, old, new, (*s,), equivalent))
    statuses = (
        'STATUSES: tuple[Status, ...] = ("achieved", "on_track", "at_risk", "missed", "no_data")'
    )
    add(
        Mutant(
            "STATUSES with missed before at_risk",
            SCORING,
            statuses,
            statuses.replace('"at_risk", "missed"', '"missed", "at_risk"'),
            (*s, "tests/test_report.py", "tests/test_api.py"),
        )
    )
    add(
        Mutant(
            "_lowest_within uncached",
            SCORING,
            "@lru_cache(maxsize=1024)\ndef _lowest_within",
            "def _lowest_within",
            (*s,),
            "the cache saves work only: the function is pure",
        )
    )
    lowest = "return float(Decimal(repr(value)) - Decimal(repr(margin)))"
    add(Mutant("_lowest_within adds", SCORING, lowest, lowest.replace(" - ", " + "), (*s,)))
    add(Mutant("_lowest_within in floats", SCORING, lowest, "return value - margin", (*s,)))
    add(
        Mutant(
            "_lowest_within rounded",
            SCORING,
            lowest,
            "return round(value - margin, 9)",
            (*s,),
        )
    )
    intercept = "return self.mean_value - self.slope * self.mean_year"
    add(Mutant("Fit.intercept adds", RULES, intercept, intercept.replace(" - ", " + "), (*s,)))

    # --- the row engine's totals rows ----------------------------------------------------------------
    for label, old, new in [
        ("TOTALS without 'total'", "|total|grand total|", "|grand total|"),
        ("TOTALS without 'cộng'", "(tổng|cộng|tổng (cộng|số)", "(tổng|tổng (cộng|số)"),
        ("TOTALS without 'cả nước'", "|ca nuoc)", ")"),
        (
            "TOTALS without unaccented 'toàn TP'",
            "|(tong )?toan (thanh pho|tp|",
            "|(tong )?toan (thanh pho|",
        ),
    ]:
        add(Mutant(label, ROWS, old, new, (*r,)))
    return found


SCENARIO_TESTS = "tests/test_mutants_scoring.py::"
VALUE_TESTS = "tests/test_mutants_values.py::"
API = "dxscore/api.py"


def scenarios() -> list[Mutant]:
    """The surviving mutants issue 24 lists, each run against the one test named after its
    scenario alone: that test must kill it."""
    found: list[Mutant] = []

    def add(name: str, file: str, old: str, new: str, test: str) -> None:
        found.append(Mutant(f"scenario: {name}", file, old, new, (test,)))

    t, v = SCENARIO_TESTS, VALUE_TESTS
    add(
        "x <= 0 → x <= 1 (min 0.5, actual 0.25)",
        SCORING,
        "        if x <= 0:",
        "        if x <= 1:",
        t + "test_a_min_target_below_one_attains_in_proportion",
    )
    add(
        "value <= 0 → value <= 1 (max 0.5, actual 0.8)",
        SCORING,
        "    if value <= 0:  # max/below",
        "    if value <= 1:  # max/below",
        t + "test_a_max_target_with_an_actual_below_one_attains_in_proportion",
    )
    met = "return 1.0 if meets(target, value) else 0.0"
    add(
        "min/above at or below 0: always 1.0",
        SCORING,
        "        if x <= 0:\n            " + met,
        "        if x <= 0:\n            return 1.0",
        t + "test_zero_and_negative_targets_that_are_missed_attain_nothing",
    )
    add(
        "max/below at or below 0: always 1.0",
        SCORING,
        "    if value <= 0:  # max/below with a non-positive actual (a count of 0)\n        " + met,
        "    if value <= 0:  # max/below with a non-positive actual (a count of 0)\n        return 1.0",
        t + "test_zero_and_negative_targets_that_are_missed_attain_nothing",
    )
    add(
        "no abs_tol: a line landing on 0",
        SCORING,
        "rel_tol=1e-12, abs_tol=1e-12",
        "rel_tol=1e-12",
        t + "test_a_projection_landing_exactly_on_a_zero_target_is_on_track",
    )
    add(
        "milestones projected (the engine)",
        SCORING,
        "fit = None if milestone else series.fit()",
        "fit = series.fit()",
        t + "test_a_milestone_is_never_projected_in_json_or_explain",
    )
    add(
        "milestones projected (the unit check)",
        SCORING,
        'indicator.unit == "milestone"',
        'indicator.unit == "milestones"',
        t + "test_a_milestone_is_never_projected_in_json_or_explain",
    )
    add(
        "the league: continue → break",
        SCORING,
        "        if row.area is None:\n            continue",
        "        if row.area is None:\n            break",
        t + "test_the_league_is_shown_for_a_file_with_city_wide_and_area_rows",
    )
    add(
        "city-wide not first",
        SCORING,
        'key=lambda a: (a is not None, a or "")',
        'key=lambda a: (a is None, a or "")',
        t + "test_the_city_wide_result_comes_first_then_areas_by_name",
    )
    add(
        "areas in file order",
        SCORING,
        'key=lambda a: (a is not None, a or "")',
        "key=lambda a: (a is not None,)",
        t + "test_the_city_wide_result_comes_first_then_areas_by_name",
    )
    add(
        "the weakest pillar's score shown as –",
        SCORING,
        "weakest.score if weakest else None,",
        "None,",
        t + "test_the_weakest_pillar_is_shown_with_its_score",
    )
    add(
        "the weakest pillar: 0 taken for 1",
        SCORING,
        "key=lambda s: s.score or 0.0, default=None",
        "key=lambda s: s.score or 1.0, default=None",
        t + "test_the_weakest_pillar_is_shown_with_its_score",
    )
    add(
        "an area scoring 0 ranked above one scoring 0.5",
        SCORING,
        "-(s.score or 0.0)",
        "-(s.score or 1.0)",
        t + "test_an_area_scoring_zero_ranks_below_one_scoring_half_a_point",
    )
    add(
        "round(score, 1) → round(score)",
        SCORING,
        "round(score, 1) >= 100",
        "round(score) >= 100",
        t + "test_a_score_of_99_6_reads_99_6",
    )
    add(
        "no verdict's awaiting without data: None",
        SCORING,
        "            None, series.history, None,\n        )  # fmt: skip",
        "            None, series.history, None, None, False, None,\n        )  # fmt: skip",
        t + "test_compare_without_actuals_says_no_verdict_awaits_or_is_an_estimate",
    )
    add(
        "the area filter of the library dropped",
        API,
        "areas=nfc_areas",
        "areas=None",
        t + "test_the_area_filter_of_the_library_scores_that_area_alone",
    )
    add(
        "two values for one year not refused",
        ROWS,
        "        if first is not None:",
        "        if False:",
        t + "test_two_values_for_one_year_given_as_rows_are_refused",
    )
    add(
        "'55%' read as 5",
        VALUES,
        "cleaned = cleaned[:-1].rstrip()",
        "cleaned = cleaned[:-2].rstrip()",
        v + "test_a_percent_sign_is_read_in_a_csv_file",
    )
    add(
        "'-' and '--' without the leave-it-empty advice",
        VALUES,
        'if cleaned and all(c == "-" or c in _DASHES for c in cleaned):',
        "if False:",
        v + "test_dashes_and_n_a_are_told_to_leave_the_cell_empty",
    )
    add(
        "1e12 refused (the digits' quick path)",
        VALUES,
        "number if number <= MAX_NUMBER else",
        "number if number < MAX_NUMBER else",
        v + "test_a_trillion_either_way_is_the_largest_value",
    )
    add(
        "1e12 refused",
        VALUES,
        "if not -MAX_NUMBER <= number <= MAX_NUMBER:",
        "if not -MAX_NUMBER < number < MAX_NUMBER:",
        v + "test_a_trillion_either_way_is_the_largest_value",
    )
    add(
        "',125' refused",
        VALUES,
        'whole.lstrip("+-") not in ("0", "")',
        'whole.lstrip("+-") not in ("0",)',
        v + "test_a_decimal_comma_is_read_with_or_without_a_whole_part",
    )
    add(
        "'Infinity' without its message",
        VALUES,
        '{"nan", "inf", "infinity"}',
        '{"nan", "inf"}',
        v + "test_nan_and_infinity_are_named",
    )
    add(
        "'+nan', '-inf' without their message",
        VALUES,
        'cleaned.lstrip("+-").casefold()',
        "cleaned.casefold()",
        v + "test_nan_and_infinity_are_named",
    )
    add(
        "'1,234,567' without its message",
        VALUES,
        'if "." in cleaned or "," in fraction:',
        'if "." in cleaned:',
        v + "test_grouped_thousands_are_named",
    )
    return found


def copy_of_repository(into: Path) -> None:
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, into / name)


def run(mutant: Mutant, copy: Path) -> tuple[str, float]:
    target = copy / mutant.file
    original = target.read_text(encoding="utf-8")
    if original.count(mutant.old) != 1:
        return "stale (the source changed: update bench/mutate_by_hand.py)", 0.0
    target.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
    try:
        started = time.perf_counter()
        ran = subprocess.run(
            [*PYTEST, *mutant.tests],
            cwd=copy,
            capture_output=True,
            text=True,
            timeout=600,
        )
        took = time.perf_counter() - started
    finally:
        target.write_text(original, encoding="utf-8")
    if ran.returncode == 0:
        return ("equivalent" if mutant.equivalent else "survived"), took
    if ran.returncode == 1:
        return "killed", took
    return f"error (pytest exit {ran.returncode}): {ran.stdout[-300:]}", took


def main(words: list[str]) -> int:
    every = scenarios() + mutants()
    chosen = [m for m in every if not words or any(w in m.name for w in words)]
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="dxscore-hand-mutants-") as folder:
        copy = Path(folder)
        copy_of_repository(copy)
        check = subprocess.run(
            [sys.executable, "-c", "import dxscore; print(dxscore.__file__)"],
            cwd=copy,
            capture_output=True,
            text=True,
            check=True,
        )
        assert check.stdout.strip().startswith(str(copy)), (
            "the copy's dxscore is not the one imported"
        )
        for mutant in chosen:
            status, took = run(mutant, copy)
            print(f"{status:10} {took:5.1f}s  {mutant.file}: {mutant.name}", flush=True)
            outcomes.append(
                {
                    "name": mutant.name,
                    "file": mutant.file,
                    "status": status,
                    "equivalent": mutant.equivalent,
                }
            )
    out = ROOT / "mutants" / "hand.json"
    out.parent.mkdir(exist_ok=True)
    previous = json.loads(out.read_text(encoding="utf-8")) if words and out.exists() else []
    kept = [o for o in previous if o["name"] not in {m.name for m in chosen}]
    out.write_text(json.dumps(kept + outcomes, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
