"""The national target set (targets/vietnam.yaml) agrees with its source, target by target.

The source is the table "National targets (Quyết định 749/QĐ-TTg), for a comparison target set" in
the shared FACTS.md. A clean clone may not have ../shared/FACTS.md, so that section is copied here
verbatim as `FACTS_NATIONAL_TARGETS`; the quotes are checked against the copy, and the copy against
FACTS.md whenever that file is present.

`VIETNAM_TARGETS` is written by hand from the table. When the target file changes, this table must
change with it, on purpose.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from dxscore.targets import load_target_file

ROOT = Path(__file__).resolve().parent.parent
TARGET_FILE = ROOT / "targets" / "vietnam.yaml"

SCHEMA_LINE = "# yaml-language-server: $schema=../schema/targets-v1.schema.json"
PILLARS = ("overall", "government", "economy", "society")
COMPARATORS = ("min", "above", "max", "below", "about", "done")
ELLIPSIS = "\u2026"

# The FACTS.md section the file is transcribed from, verbatim (heading to the end of the file).
FACTS_NATIONAL_TARGETS = """\
## National targets (Quyết định 749/QĐ-TTg), for a comparison target set
| indicator | 2025 | 2030 |
|---|---|---|
| level-4 online public services | 80% ("80% dịch vụ công trực tuyến mức độ 4") | all |
| work records processed online, ministry/province · district · commune | 90% · 80% · 60% | 100% · 90% · 70% |
| reporting regimes on the Government reporting system | 100% | — |
| digital economy share of GDP | 20% | 30% |
| digital economy share in each sector | at least 10% | — |
| labour productivity growth | at least 7% a year | — |
| fibre broadband | over 80% of households, 100% of communes | universal |
| population with an electronic payment account | over 50% | over 80% |
"""

# (indicator, year, comparator, value), one row per year-target.
VIETNAM_TARGETS: list[tuple[str, int, str, float]] = [
    # government
    ("online_services_level4", 2025, "min", 80),  # "80% dịch vụ công trực tuyến mức độ 4"
    ("online_services_level4", 2030, "min", 100),  # "all": every service, 100%
    ("records_online_city", 2025, "min", 90),  # ministry/province · district · commune
    ("records_online_city", 2030, "min", 100),
    ("records_online_district", 2025, "min", 80),
    ("records_online_district", 2030, "min", 90),
    ("records_online_commune", 2025, "min", 60),
    ("records_online_commune", 2030, "min", 70),
    ("reporting_online", 2025, "min", 100),  # 2030 "—"
    # economy
    ("digital_economy_grdp_share", 2025, "min", 20),  # share of GDP
    ("digital_economy_grdp_share", 2030, "min", 30),
    ("digital_economy_sector_share", 2025, "min", 10),  # "at least 10%"; 2030 "—"
    ("labour_productivity_growth", 2025, "min", 7),  # "at least 7% a year"; 2030 "—"
    # society
    ("broadband_household_coverage", 2025, "above", 80),  # "over 80% of households"
    ("broadband_household_coverage", 2030, "min", 100),  # fibre broadband "universal"
    ("broadband_commune_coverage", 2025, "min", 100),  # "100% of communes"
    ("epayment_account_share", 2025, "above", 50),  # "over 50%"
    ("epayment_account_share", 2030, "above", 80),  # "over 80%"
]
EXPECTED_COUNT = 18

# Canonical indicator ids: pillar and unit, wherever a target set uses them.
CANONICAL: dict[str, tuple[str, str]] = {
    "dx_rank": ("overall", "rank"),
    "online_services_level4": ("government", "percent"),
    "records_online_city": ("government", "percent"),
    "records_online_district": ("government", "percent"),
    "records_online_commune": ("government", "percent"),
    "inspections_online": ("government", "percent"),
    "reporting_online": ("government", "percent"),
    "digital_economy_grdp_share": ("economy", "percent"),
    "digital_economy_sector_share": ("economy", "percent"),
    "labour_productivity_growth": ("economy", "percent_per_year"),
    "broadband_household_coverage": ("society", "percent"),
    "broadband_commune_coverage": ("society", "percent"),
    "epayment_account_share": ("society", "percent"),
}
# The national table states no ranking and no inspection target.
CANONICAL_ABSENT = {"dx_rank", "inspections_online"}


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    data = yaml.safe_load(TARGET_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{TARGET_FILE}: top level is not a mapping"
    return data


def _indicators(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(pillar, indicator) pairs in file order."""
    return [(pillar, item) for pillar, items in doc["pillars"].items() for item in items or []]


def _row_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """Numbers compare as floats (60 == 60.0); True stays distinct from 1."""
    ind, year, comp, value = row
    value_key = ("bool", value) if isinstance(value, bool) else ("num", float(value))
    return (ind, year, comp, value_key)


def test_file_validates() -> None:
    target_set, problems = load_target_file(TARGET_FILE)
    assert problems == []
    assert target_set is not None


def test_header_and_document(doc: dict[str, Any]) -> None:
    first = TARGET_FILE.read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_LINE
    assert set(doc) == {"dxscore", "id", "name", "resolution", "pillars"}
    assert doc["dxscore"] == 1
    assert doc["id"] == "vietnam"
    assert doc["name"] == {"vi": "Việt Nam", "en": "Vietnam"}
    assert doc["resolution"] == {
        "title": {
            "vi": "Quyết định 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt "
            "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
            "en": "Decision 749/QĐ-TTg of 3 June 2020 approving the National Digital "
            "Transformation Programme to 2025, with orientation to 2030",
        },
        "sources": ["mic.gov.vn", "en.qdnd.vn"],
    }
    assert list(doc["pillars"]) == list(PILLARS)
    assert doc["pillars"]["overall"] == []
    ids = [ind["id"] for _pillar, ind in _indicators(doc)]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


def test_table_has_no_duplicates() -> None:
    keys = Counter((ind, year) for ind, year, _comp, _value in VIETNAM_TARGETS)
    assert [k for k, n in keys.items() if n > 1] == []
    assert len(VIETNAM_TARGETS) == EXPECTED_COUNT


def test_year_targets_match_the_table(doc: dict[str, Any]) -> None:
    found = []
    for _pillar, ind in _indicators(doc):
        for year, target in ind["targets"].items():
            assert type(year) is int, f"{ind['id']}: year {year!r} is not a plain integer"
            # Exactly one comparator and nothing else: no stretch or tolerance was transcribed.
            assert len(target) == 1, f"{ind['id']}.{year}: {target}"
            ((comp, value),) = target.items()
            assert comp in COMPARATORS, f"{ind['id']}.{year}: {comp}"
            assert type(value) in (int, float), f"{ind['id']}.{year}: {value!r}"
            found.append((ind["id"], year, comp, value))
    assert len(found) == EXPECTED_COUNT
    assert sorted(map(_row_key, found)) == sorted(map(_row_key, VIETNAM_TARGETS))


def test_quotes_are_verbatim_from_the_facts_table(doc: dict[str, Any]) -> None:
    problems = []
    for _pillar, ind in _indicators(doc):
        quote = ind.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            problems.append(f"{ind['id']}: no quote")
            continue
        for fragment in (f.strip() for f in quote.split(ELLIPSIS)):
            if not fragment:
                problems.append(f"{ind['id']}: empty fragment in {quote!r}")
            elif fragment not in FACTS_NATIONAL_TARGETS:
                problems.append(f"{ind['id']}: not in the FACTS table: {fragment!r}")
    assert not problems, "\n".join(problems)


def test_canonical_ids_placement(doc: dict[str, Any]) -> None:
    placed = {ind["id"]: (pillar, ind["unit"]) for pillar, ind in _indicators(doc)}
    missing = sorted(set(CANONICAL) - CANONICAL_ABSENT - set(placed))
    assert not missing, f"canonical ids missing: {missing}"
    wrong = {
        cid: {"found": placed[cid], "expected": CANONICAL[cid]}
        for cid in CANONICAL
        if cid in placed and placed[cid] != CANONICAL[cid]
    }
    assert not wrong, f"canonical ids in the wrong pillar or unit: {wrong}"
    assert not CANONICAL_ABSENT & set(placed)
