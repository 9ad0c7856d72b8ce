"""Realistic large actuals: areas × indicators × years from a bundled target set, any row count.

    python bench/generate.py ROWS OUT.csv [--city hanoi]

Values follow a per-area trend with noise, within each unit's range; milestones flip to done
at a random year. Deterministic (seeded), so every run measures the same file.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dxscore.targets import load_target_sets  # noqa: E402

YEARS = tuple(range(2015, 2025))


def generate(rows: int, out: Path, city: str = "hanoi") -> None:
    target_set = next(
        item.target_set for item in load_target_sets([ROOT / "targets" / f"{city}.yaml"])
    )
    indicators = [ind for _, ind in target_set.indicators()]
    per_area = len(indicators) * len(YEARS)
    areas = max(1, -(-rows // per_area))
    rng = random.Random(20251121)
    written = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write("city,area,indicator,year,value\n")
        for number in range(areas):
            area = f"Xã {number:05d}"
            for indicator in indicators:
                start, slope = rng.uniform(5, 60), rng.uniform(-1, 6)
                done_year = rng.choice(YEARS)
                for year in YEARS:
                    if written == rows:
                        return
                    if indicator.unit == "milestone":
                        value = "done" if year >= done_year else "no"
                    elif indicator.unit == "rank":
                        value = str(rng.randint(1, 63))
                    else:
                        raw = start + slope * (year - YEARS[0]) + rng.uniform(-3, 3)
                        value = f"{min(100.0, max(0.0, raw)):.2f}"
                    handle.write(f"{city},{area},{indicator.id},{year},{value}\n")
                    written += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--city", default="hanoi")
    args = parser.parse_args()
    generate(args.rows, args.out, args.city)


if __name__ == "__main__":
    main()
