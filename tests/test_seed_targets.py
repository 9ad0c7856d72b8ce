"""The seed target files agree with the source texts, target by target.

These tests read `targets/*.yaml` with PyYAML only (not the dxscore package), so they check the
data itself: every year-target transcribed from the seeds in `tests/seeds/`, the comparator chosen
for it, the verbatim quotes and the placement of the canonical indicators.

`SEED_TARGETS` is written by hand from the seed texts. When a target file changes, this table must
change with it, on purpose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGETS_DIR = ROOT / "targets"
SEEDS_DIR = Path(__file__).resolve().parent / "seeds"

CITIES = ("hanoi", "haiphong")
PILLARS = ("overall", "government", "economy", "society")
COMPARATORS = ("min", "above", "max", "below", "about", "done")
MODIFIERS = ("stretch", "tolerance")
ELLIPSIS = "\u2026"

# (city, indicator, year, comparator, value), one row per year-target.
SEED_TARGETS: list[tuple[str, str, int, str, float | bool]] = [
    # --- Hanoi (seed 000, the programme) ----------------------------------------------------------
    # overall: "nhóm 5 / nhóm 3 địa phương dẫn đầu cả nước về …"
    ("hanoi", "dx_rank", 2025, "max", 5),
    ("hanoi", "dx_rank", 2030, "max", 3),
    ("hanoi", "it_rank", 2025, "max", 5),
    ("hanoi", "it_rank", 2030, "max", 3),
    ("hanoi", "competitiveness_rank", 2025, "max", 5),
    ("hanoi", "competitiveness_rank", 2030, "max", 3),
    ("hanoi", "innovation_rank", 2025, "max", 5),
    ("hanoi", "innovation_rank", 2030, "max", 3),
    ("hanoi", "cybersecurity_rank", 2025, "max", 5),
    ("hanoi", "cybersecurity_rank", 2030, "max", 3),
    # government
    ("hanoi", "online_services_level4", 2025, "min", 100),
    ("hanoi", "records_online_city", 2025, "min", 90),
    ("hanoi", "records_online_city", 2030, "min", 100),
    ("hanoi", "records_online_district", 2025, "min", 80),
    ("hanoi", "records_online_district", 2030, "min", 100),
    ("hanoi", "records_online_commune", 2025, "min", 60),
    ("hanoi", "records_online_commune", 2030, "min", 80),
    ("hanoi", "reporting_online", 2025, "min", 100),
    ("hanoi", "databases_connected_national", 2025, "min", 100),
    ("hanoi", "inspections_online", 2025, "min", 50),
    ("hanoi", "inspections_online", 2030, "min", 70),
    # "Cơ bản hoàn thành" (2025) and "Hoàn thành" (2030): two milestones
    ("hanoi", "party_state_dx_substantially_done", 2025, "done", True),
    ("hanoi", "party_state_dx_done", 2030, "done", True),
    ("hanoi", "e_government_done", 2025, "done", True),
    ("hanoi", "digital_government_done", 2030, "done", True),
    ("hanoi", "e_government_rank", 2030, "max", 3),
    ("hanoi", "smart_city_data_platform_done", 2030, "done", True),
    # economy
    ("hanoi", "digital_economy_grdp_share", 2025, "about", 30),
    ("hanoi", "digital_economy_grdp_share", 2030, "above", 40),
    ("hanoi", "labour_productivity_growth", 2025, "min", 7),
    ("hanoi", "labour_productivity_growth", 2030, "above", 7.5),
    ("hanoi", "startup_ecosystem_done", 2025, "done", True),
    # seed 004 (the draft resolution): "hình thành nền tảng dữ liệu cho các ngành kinh tế trọng điểm"
    ("hanoi", "economic_sectors_data_platform_done", 2030, "done", True),
    # society
    ("hanoi", "broadband_household_coverage", 2025, "above", 80),
    ("hanoi", "broadband_commune_coverage", 2025, "min", 100),
    ("hanoi", "mobile_4g5g_universal", 2025, "done", True),
    ("hanoi", "smartphone_universal", 2025, "done", True),
    ("hanoi", "epayment_account_share", 2025, "above", 50),
    ("hanoi", "epayment_account_share", 2030, "above", 80),
    ("hanoi", "fibre_broadband_universal", 2030, "done", True),
    ("hanoi", "mobile_5g_universal", 2030, "done", True),
    # --- Haiphong (seed 003, Resolution 03-NQ/TU) ----------------------------------------------
    # government
    ("haiphong", "online_services_level4", 2025, "min", 100),
    ("haiphong", "online_service_users_authenticated", 2025, "min", 100),
    ("haiphong", "records_online_city", 2025, "min", 90),
    ("haiphong", "records_online_city", 2030, "min", 100),
    ("haiphong", "records_online_district", 2025, "min", 80),
    ("haiphong", "records_online_district", 2030, "min", 90),
    ("haiphong", "records_online_commune", 2025, "min", 60),
    ("haiphong", "records_online_commune", 2030, "min", 70),
    ("haiphong", "agencies_open_data", 2025, "min", 100),
    ("haiphong", "reporting_online", 2025, "min", 100),
    ("haiphong", "data_analytics_platform_done", 2025, "done", True),
    # "giám sát, kiểm tra" (2025) and "kiểm tra" (2030): two quantities
    ("haiphong", "supervision_inspections_online", 2025, "min", 50),
    ("haiphong", "inspections_online", 2030, "min", 70),
    ("haiphong", "data_platform_done", 2030, "done", True),
    ("haiphong", "iot_infrastructure_done", 2030, "done", True),
    ("haiphong", "data_driven_services_growth", 2030, "min", 30),
    ("haiphong", "digital_identity_done", 2030, "done", True),
    # economy
    ("haiphong", "digital_economy_grdp_share", 2025, "min", 25),
    ("haiphong", "digital_economy_grdp_share", 2030, "min", 35),
    ("haiphong", "digital_economy_sector_share", 2025, "min", 15),
    ("haiphong", "digital_economy_sector_share", 2030, "min", 25),
    ("haiphong", "labour_productivity_growth", 2025, "min", 15),
    ("haiphong", "labour_productivity_growth", 2030, "min", 16),
    # society
    ("haiphong", "broadband_household_coverage", 2025, "min", 90),
    ("haiphong", "broadband_household_coverage", 2030, "min", 100),
    ("haiphong", "broadband_commune_coverage", 2025, "min", 100),
    ("haiphong", "broadband_commune_coverage", 2030, "min", 100),
    ("haiphong", "mobile_5g_urban_universal", 2025, "done", True),
    ("haiphong", "mobile_5g_universal", 2030, "done", True),
    ("haiphong", "smartphone_universal", 2025, "done", True),
    ("haiphong", "epayment_account_share", 2025, "above", 50),
    ("haiphong", "epayment_account_share", 2030, "above", 80),
    ("haiphong", "digital_identity_share", 2025, "min", 40),
]

# Stretch goals of a band ("từ 7 - 7,5%"), keyed by (city, indicator, year).
STRETCH: dict[tuple[str, str, int], float] = {
    ("hanoi", "labour_productivity_growth", 2025): 7.5,
}

EXPECTED_COUNTS = {"hanoi": 41, "haiphong": 33}

# Canonical indicator ids: pillar and unit, wherever a city uses them.
CANONICAL: dict[str, tuple[str, str]] = {
    "dx_rank": ("overall", "rank"),
    "online_services_level4": ("government", "percent"),
    "records_online_city": ("government", "percent"),
    "records_online_district": ("government", "percent"),
    "records_online_commune": ("government", "percent"),
    "inspections_online": ("government", "percent"),
    "reporting_online": ("government", "percent"),
    "digital_economy_grdp_share": ("economy", "percent"),
    "labour_productivity_growth": ("economy", "percent_per_year"),
    "broadband_household_coverage": ("society", "percent"),
    "broadband_commune_coverage": ("society", "percent"),
    "epayment_account_share": ("society", "percent"),
}
# Haiphong's resolution states no ranking target, so it has no dx_rank.
CANONICAL_ABSENT = {"haiphong": {"dx_rank"}}


def _load(city: str) -> dict[str, Any]:
    path = TARGETS_DIR / f"{city}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: top level is not a mapping"
    return data


@pytest.fixture(scope="module")
def docs() -> dict[str, dict[str, Any]]:
    return {city: _load(city) for city in CITIES}


def _indicators(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(pillar, indicator) pairs in file order."""
    out: list[tuple[str, dict[str, Any]]] = []
    for pillar, items in doc["pillars"].items():
        for item in items or []:
            out.append((pillar, item))
    return out


def _year_targets(
    city: str, doc: dict[str, Any]
) -> Iterator[tuple[str, str, int, str, Any, dict[str, Any]]]:
    """Yield (city, indicator, year, comparator, value, target mapping) for every year-target."""
    for _pillar, ind in _indicators(doc):
        for year, target in ind["targets"].items():
            comparators = [k for k in target if k in COMPARATORS]
            assert len(comparators) == 1, (
                f"{city}.{ind['id']}.{year}: expected exactly one comparator, got {sorted(target)}"
            )
            comp = comparators[0]
            yield city, ind["id"], year, comp, target[comp], target


def _fmt(rows: Iterable[tuple[Any, ...]]) -> str:
    return "\n".join(f"  {row!r}" for row in sorted(rows, key=repr))


def test_seed_table_has_no_duplicates() -> None:
    keys = Counter((c, i, y) for c, i, y, _comp, _v in SEED_TARGETS)
    dupes = [k for k, n in keys.items() if n > 1]
    assert not dupes, f"SEED_TARGETS lists these (city, indicator, year) twice: {dupes}"


def _row_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Comparison key: numbers compare as floats (60 == 60.0), and True stays distinct from 1."""
    city, ind, year, comp, value = row
    value_key = ("bool", value) if isinstance(value, bool) else ("num", float(value))
    return (city, ind, year, comp, value_key)


def test_year_targets_match_seed_table(docs: dict[str, dict[str, Any]]) -> None:
    found = {
        _row_key(row[:5]): row[:5] for city, doc in docs.items() for row in _year_targets(city, doc)
    }
    expected = {_row_key(row): row for row in SEED_TARGETS}
    missing = [expected[k] for k in expected.keys() - found.keys()]
    extra = [found[k] for k in found.keys() - expected.keys()]
    assert (missing, extra) == ([], []), (
        "target files differ from SEED_TARGETS\n"
        f"missing from the YAML files ({len(missing)}):\n{_fmt(missing)}\n"
        f"extra in the YAML files ({len(extra)}):\n{_fmt(extra)}"
    )


def test_stretch_values(docs: dict[str, dict[str, Any]]) -> None:
    found = {}
    for city, doc in docs.items():
        for _c, ind, year, _comp, _value, target in _year_targets(city, doc):
            if "stretch" in target:
                found[(city, ind, year)] = target["stretch"]
    assert found == STRETCH


@pytest.mark.parametrize("city", CITIES)
def test_year_target_counts(docs: dict[str, dict[str, Any]], city: str) -> None:
    count = sum(1 for _ in _year_targets(city, docs[city]))
    assert count == EXPECTED_COUNTS[city]
    assert sum(1 for row in SEED_TARGETS if row[0] == city) == EXPECTED_COUNTS[city]


def test_quotes_are_verbatim_from_seeds(docs: dict[str, dict[str, Any]]) -> None:
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))}
    assert seeds, f"no seed texts in {SEEDS_DIR}"
    # Checked file by file, so that no fragment can match across the join of two seeds.
    problems = []
    for city, doc in docs.items():
        for _pillar, ind in _indicators(doc):
            quote = ind.get("quote")
            if not isinstance(quote, str) or not quote.strip():
                problems.append(f"{city}.{ind['id']}: no quote")
                continue
            for fragment in (f.strip() for f in quote.split(ELLIPSIS)):
                if not fragment:
                    problems.append(f"{city}.{ind['id']}: empty fragment in {quote!r}")
                elif not any(fragment in text for text in seeds.values()):
                    problems.append(f"{city}.{ind['id']}: not in any seed: {fragment!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("city", CITIES)
def test_canonical_ids_placement(docs: dict[str, dict[str, Any]], city: str) -> None:
    placed = {ind["id"]: (pillar, ind["unit"]) for pillar, ind in _indicators(docs[city])}
    wanted = set(CANONICAL) - CANONICAL_ABSENT.get(city, set())
    missing = sorted(wanted - set(placed))
    assert not missing, f"{city}: canonical ids missing: {missing}"
    wrong = {
        cid: {"found": placed[cid], "expected": CANONICAL[cid]}
        for cid in CANONICAL
        if cid in placed and placed[cid] != CANONICAL[cid]
    }
    assert not wrong, f"{city}: canonical ids in the wrong pillar or unit: {wrong}"


@pytest.mark.parametrize("city", CITIES)
def test_file_shape(docs: dict[str, dict[str, Any]], city: str) -> None:
    """A light structural check of schema version 1, independent of the dxscore package."""
    doc = docs[city]
    assert set(doc) == {"dxscore", "id", "name", "resolution", "pillars"}
    assert doc["dxscore"] == 1
    assert doc["id"] == city
    assert set(doc["name"]) == {"vi", "en"}
    assert set(doc["resolution"]) <= {"title", "sources"}
    assert set(doc["resolution"]["title"]) == {"vi", "en"}
    assert set(doc["pillars"]) == set(PILLARS)
    ids = [ind["id"] for _p, ind in _indicators(doc)]
    assert len(ids) == len(set(ids)), (
        f"duplicate ids: {[i for i, n in Counter(ids).items() if n > 1]}"
    )
    for _pillar, ind in _indicators(doc):
        where = f"{city}.{ind['id']}"
        assert set(ind) == {"id", "name", "unit", "targets", "quote"}, where
        assert set(ind["name"]) == {"vi", "en"}, where
        unit = ind["unit"]
        for year, target in ind["targets"].items():
            assert type(year) is int, f"{where}: year {year!r} is not a plain integer"
            assert 2000 <= year <= 2100, f"{where}: year {year!r}"
            assert set(target) <= set(COMPARATORS) | set(MODIFIERS), f"{where}.{year}: {target}"
            (comp,) = [k for k in target if k in COMPARATORS]
            value = target[comp]
            if unit == "milestone" or comp == "done":
                assert (unit, comp, value) == ("milestone", "done", True), f"{where}.{year}"
            else:
                assert type(value) in (int, float), f"{where}.{year}: {value!r}"
            if unit == "rank":
                assert comp in ("max", "below"), f"{where}.{year}"
                assert value >= 1, f"{where}.{year}"
            if unit in ("percent", "percent_per_year", "percent_change"):
                assert 0 <= value <= 100, f"{where}.{year}: {value}"
            if "stretch" in target:
                assert comp in ("min", "above"), f"{where}.{year}"
                assert target["stretch"] > value, f"{where}.{year}"
