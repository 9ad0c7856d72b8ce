"""The least a check made wholly inside DuckDB would take: a floor for the large-file goals.

    python bench/sql_floor.py ACTUALS.csv OUT.json

Not dxscore, and not a check: it loads the bundled target files as dxscore does (pydantic
models), lets DuckDB read the file with its types given, reduces each series to its latest
value and fitted line, joins every target, and has DuckDB write one JSON row per result. It
leaves out everything that makes a check trustworthy: the names, years and values are not
checked (a misspelt indicator is silently dropped by the join, "55,5" becomes null), rows
given twice are not found, Vietnamese milestone words are not read, verdicts are a plain
comparison, and there are no summaries. Whatever a real check does costs more than this.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(actuals: str, out: str) -> None:
    import typer  # noqa: F401  (the command line a check starts from)

    from dxscore.targets import bundled_targets_dir, load_target_sets

    loaded = load_target_sets(sorted(bundled_targets_dir().glob("*.yaml")))
    targets = [
        (item.target_set.id, indicator.id, year, target.comparator, target.value)
        for item in loaded
        for _, indicator in item.target_set.indicators()
        for year, target in indicator.targets.items()
    ]

    import duckdb

    db = duckdb.connect()
    db.execute("CREATE TABLE targets (set_id TEXT, indicator TEXT, year INT, op TEXT, x DOUBLE)")
    db.executemany("INSERT INTO targets VALUES (?, ?, ?, ?, ?)", targets)
    path = actuals.replace("'", "''")
    db.execute(
        f"""CREATE TABLE raw AS FROM read_csv('{path}', header = true, auto_detect = false,
            columns = {{'city': 'VARCHAR', 'area': 'VARCHAR', 'indicator': 'VARCHAR',
            'year': 'INTEGER', 'value': 'VARCHAR'}})"""
    )
    db.execute(
        """CREATE TABLE series AS
        SELECT city AS set_id, area, indicator, max(year) AS last_year,
            arg_max(v, year) AS last_v, regr_slope(v, year) AS slope
        FROM (SELECT *, TRY_CAST(value AS DOUBLE) AS v FROM raw)
        GROUP BY ALL"""
    )
    db.execute(
        f"""COPY (
            SELECT s.set_id AS target_set, s.area, s.indicator, t.year AS target_year,
                CASE WHEN s.last_v >= t.x THEN 'achieved'
                    WHEN s.last_v + s.slope * (t.year - s.last_year) >= t.x THEN 'on_track'
                    ELSE 'at_risk' END AS status,
                s.last_v AS actual, s.last_year AS actual_year,
                round(s.last_v + s.slope * (t.year - s.last_year), 2) AS projected,
                round(least(1, s.last_v / t.x), 4) AS attainment, NULL AS note, NULL AS source
            FROM series s JOIN targets t USING (set_id, indicator)
            ORDER BY target_set, area, target_year, indicator
        ) TO '{out.replace("'", "''")}' (FORMAT json)"""
    )


if __name__ == "__main__":
    main(*sys.argv[1:3])
