#!/usr/bin/env bash
# Mutation testing of the scoring engine, the cell grammar and the row engine's reading rules
# (docs/mutation.md). Takes some 20 minutes on 2 cores: not part of .ci/run.
#
#   bench/mutation.sh            mutmut over the functions below (every one checked again), then
#                                the hand-made mutants, then the score per module
#   bench/mutation.sh --fresh    the same in a new mutants/ folder (after a change of the tests
#                                that mutmut's recorded test durations no longer fit)
#   MUTATION_JOBS=1 bench/mutation.sh   one worker instead of two
#
# Which tests run is set in pyproject.toml, [tool.mutmut]. The score per module, over the
# mutants that are not equivalent (bench/mutation_equivalent.txt), is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/mutmut ]; then
  .venv/bin/python -m pip install --quiet -e '.[test,mutation]'
fi
if [ "${1:-}" = "--fresh" ]; then
  rm -rf mutants
fi

# The functions mutated (mutmut's names). rules.py: the Python side only (the SQL side is held
# to it by the DuckDB reader's differential tests, tests/test_large.py, marked slow).
# rows.py: the rules that decide what is read (values, years, estimates, totals rows); the
# rest of it (CSV syntax, headers, progress, warnings) is left out to keep the run short.
mutated=(
  'dxscore.scoring.*'
  'dxscore.actuals.values.*'
  'dxscore.rules.x_fit_line__*'
  'dxscore.rules.x_ordered_sum__*'
  'dxscore.rules.x_line_through__*'
  'dxscore.rules.xǁFitǁat__*'
  'dxscore.rules.x_is_ragged__*'
  'dxscore.rules.x_first_filled__*'
  'dxscore.rules.x_is_future__*'
  'dxscore.rules.x_looks_like_fractions__*'
  'dxscore.rules.x_mixes_scales__*'
  'dxscore.actuals.rows.xǁRowReaderǁ_observe__*'
  'dxscore.actuals.rows.xǁRowReaderǁ_year__*'
  'dxscore.actuals.rows.xǁRowReaderǁ_estimate__*'
  'dxscore.actuals.rows.xǁRowReaderǁ_not_a_total__*'
  'dxscore.actuals.rows.x_is_a_total__*'
)

mkdir -p mutants
echo "mutmut: ${#mutated[@]} patterns of functions (log: mutants/run.log)"
if ! .venv/bin/mutmut run --max-children "${MUTATION_JOBS:-2}" "${mutated[@]}" >mutants/run.log 2>&1; then
  tr '\r' '\n' <mutants/run.log | tail -n 40
  exit 1
fi
tr '\r' '\n' <mutants/run.log | LC_ALL=C grep -a 'mutations/second' || true
echo "hand-made mutants:"
.venv/bin/python bench/mutate_by_hand.py
.venv/bin/python bench/mutation_report.py "${mutated[@]}"
