"""Where the time of `dxscore check FILE --format json` goes, timed in-process.

    python bench/phases.py FILE [--without-duckdb]

Prints one JSON object, seconds per phase, in the order a check runs them: ``start`` (Python
and dxscore's imports up to the command), ``targets`` (the bundled target files loaded),
``read`` (the file read and checked: by DuckDB, or with --without-duckdb by the Python
reader), ``series`` (each series reduced to what the verdicts need, as Python objects),
``score`` (every verdict and summary) and ``json`` (the document written to a file). The same
steps as ``dxscore.api.score`` and ``check``, without the command line's own work.
"""

from __future__ import annotations

import gc
import json
import sys
import tempfile
import time

START = time.perf_counter()


def main(path: str, without_duckdb: bool) -> None:
    if without_duckdb:
        sys.modules["duckdb"] = None  # type: ignore[assignment]  # as without the [large] extra
    gc.disable()  # as the command line runs
    from dxscore import __version__, api
    from dxscore.render.json_report import json_chunks
    from dxscore.scoring import score_series

    times: dict[str, float] = {}
    mark = time.perf_counter()

    def phase(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        times[name] = now - mark
        mark = now

    times["start"] = mark - START
    sets = api.load_targets()
    phase("targets")
    data, _ = api.read(path, sets, history=False)
    phase("read")
    span = data.years()
    assert span is not None
    as_of = span[1]
    series = data.series(as_of)
    data.close()
    phase("series")
    chosen = [ts for ts in sets if ts.id in data.named_sets]
    card = score_series(chosen, series, as_of=as_of)
    phase("score")
    with tempfile.TemporaryFile("w", encoding="utf-8") as out:  # in batches, as check does
        batch: list[str] = []
        for chunk in json_chunks(card, __version__):
            batch.append(chunk)
            if len(batch) == 4096:
                out.write("".join(batch))
                batch.clear()
        out.write("".join(batch))
    phase("json")
    print(json.dumps(times))


if __name__ == "__main__":
    main(sys.argv[1], "--without-duckdb" in sys.argv[2:])
