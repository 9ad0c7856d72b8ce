"""The target files say what the seeds say: the document each target comes from, and names no
stronger than their sentences.

Like test_seed_targets.py, these tests read `targets/*.yaml` with PyYAML only and check the data
against the seed texts in `tests/seeds/`:

- Hanoi's targets are those of the city's digital-transformation programme ("Chương trình Chuyển
  đổi số thành phố Hà Nội đến năm 2025, định hướng đến năm 2030"), which seeds 000-002 report;
  seed 004 reports another document, the draft resolution of 2/11/2022, and is the source of
  exactly one target, whose quote says so in the seed's own words.
- Where a sentence says "cơ bản hoàn thành" (substantially completed) or "bình quân" (on
  average), the indicator's names say so too, in both languages, and one indicator never stands
  for both "cơ bản hoàn thành" and "hoàn thành".
- The canonical `inspections_online` counts inspection activities ("hoạt động kiểm tra") only;
  Haiphong's 2025 "giám sát, kiểm tra" (supervision and inspection) is a quantity of its own.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGETS_DIR = ROOT / "targets"
SEEDS_DIR = Path(__file__).resolve().parent / "seeds"

FILES = ("hanoi", "haiphong", "vietnam")
ELLIPSIS = "\u2026"

PROGRAMME_VI = "Chương trình Chuyển đổi số thành phố Hà Nội đến năm 2025, định hướng đến năm 2030"
# How the seeds themselves name it (seed 000 and seed 002).
PROGRAMME_IN_SEEDS = "Chương trình Chuyển đổi số thành phố Hà Nội"

PROGRAMME_SEED = "000_6b79407dabffbb81.txt"  # the programme's targets in full
DRAFT_SEED = "004_ba09de7e10fed825.txt"  # the draft resolution, 2/11/2022
# The seed's words that name the draft, with which the quote of a target from it begins.
DRAFT_WORDS = "Tại dự thảo Nghị quyết về chuyển đổi số"
# Written by hand: the targets of targets/hanoi.yaml that are the draft's, not the programme's.
DRAFT_INDICATORS = {"economic_sectors_data_platform_done"}

# Which target file names each seed file among its sources.
SEED_OF_FILE = {
    "000_6b79407dabffbb81.txt": "hanoi",
    "001_90acfbc0c201f444.txt": "hanoi",
    "002_a8fda39059931bc6.txt": "hanoi",
    "003_623a02d6e21adf13.txt": "haiphong",
    "004_ba09de7e10fed825.txt": "hanoi",
}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fold(text: str) -> str:
    return _nfc(text).casefold()


@pytest.fixture(scope="module")
def docs() -> dict[str, dict[str, Any]]:
    out = {}
    for name in FILES:
        data = yaml.safe_load((TARGETS_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
        assert isinstance(data, dict), name
        out[name] = data
    return out


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    texts = {p.name: _nfc(p.read_text(encoding="utf-8")) for p in sorted(SEEDS_DIR.glob("*.txt"))}
    assert set(texts) == set(SEED_OF_FILE), f"seed files in {SEEDS_DIR}: {sorted(texts)}"
    return texts


def _indicators(docs: dict[str, dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(file, indicator) for every indicator of every target file."""
    for name, doc in docs.items():
        for items in doc["pillars"].values():
            for indicator in items or []:
                yield name, indicator


def _fragments(quote: str) -> list[str]:
    return [f.strip() for f in _nfc(quote).split(ELLIPSIS) if f.strip()]


# --- Hanoi's document -----------------------------------------------------------------------


def test_hanoi_title_names_the_programme(
    docs: dict[str, dict[str, Any]], seeds: dict[str, str]
) -> None:
    """The title is the programme's, as the sources name it, not Resolution 18-NQ/TU's."""
    assert PROGRAMME_IN_SEEDS in seeds[PROGRAMME_SEED]
    title = docs["hanoi"]["resolution"]["title"]
    assert _nfc(title["vi"]) == PROGRAMME_VI
    assert "Programme" in title["en"]
    assert "Hanoi" in title["en"]
    assert "2025" in title["en"]
    assert "2030" in title["en"]
    for text in (title["vi"], title["en"]):
        assert "18-NQ" not in text
        assert "nghị quyết" not in _fold(text)
        assert "resolution" not in _fold(text)


def test_hanoi_quotes_are_the_programme_s_but_one_from_the_draft(
    docs: dict[str, dict[str, Any]], seeds: dict[str, str]
) -> None:
    """Every Hanoi quote is seed 000's (the programme), except the draft's targets: their quotes
    lie in seed 004 only and begin with the seed's words naming the draft resolution."""
    problems = []
    draft_found = set()
    for name, indicator in _indicators(docs):
        if name != "hanoi":
            continue
        where = f"hanoi.{indicator['id']}"
        fragments = _fragments(indicator["quote"])
        if all(f in seeds[PROGRAMME_SEED] for f in fragments):
            if DRAFT_WORDS in fragments[0]:
                problems.append(f"{where}: the programme's quote names the draft")
            continue
        draft_found.add(indicator["id"])
        if not all(f in seeds[DRAFT_SEED] for f in fragments):
            problems.append(f"{where}: quote neither seed 000's nor seed 004's: {fragments}")
        if not fragments[0].startswith(DRAFT_WORDS):
            problems.append(f"{where}: a target of the draft whose quote does not say so")
    assert not problems, "\n".join(problems)
    assert draft_found == DRAFT_INDICATORS


def test_sources_name_each_seed_and_what_it_is(docs: dict[str, dict[str, Any]]) -> None:
    """Each seed is named (by its copy in tests/seeds/) in one source line of its file; seed
    004's line says that it reports the draft and which target comes from it; no other says
    draft."""
    for seed, name in SEED_OF_FILE.items():
        lines = [s for s in docs[name]["resolution"].get("sources", []) if seed in s]
        assert len(lines) == 1, f"{name}.yaml: sources naming {seed}: {lines}"
        (line,) = lines
        says_draft = "draft" in line.casefold()
        assert says_draft == (seed == DRAFT_SEED), f"{name}.yaml, {seed}: {line}"
        if seed == DRAFT_SEED:
            for indicator in DRAFT_INDICATORS:
                assert indicator in line, f"{name}.yaml, {seed}: does not name {indicator}"


# --- Names no stronger than their sentences -------------------------------------------------

SUBSTANTIALLY_VI = "cơ bản hoàn thành"
COMPLETED_VI = "hoàn thành"


def test_substantial_completion_is_named_as_such(docs: dict[str, dict[str, Any]]) -> None:
    """A sentence that says "cơ bản hoàn thành" (substantially completed) gives names that say
    so in both languages, and shares no indicator with a plain "hoàn thành": one done/not-done
    value cannot be both."""
    problems = []
    for name, indicator in _indicators(docs):
        where = f"{name}.{indicator['id']}"
        quote = _fold(indicator["quote"])
        vi, en = _fold(indicator["name"]["vi"]), _fold(indicator["name"]["en"])
        substantially = quote.count(SUBSTANTIALLY_VI)
        completed = quote.count(COMPLETED_VI) - substantially
        if substantially and completed:
            problems.append(f"{where}: one indicator for 'cơ bản hoàn thành' and 'hoàn thành'")
        if substantially and SUBSTANTIALLY_VI not in vi:
            problems.append(f"{where}: vi name {indicator['name']['vi']!r} drops 'cơ bản'")
        if substantially and "substantially" not in en:
            problems.append(f"{where}: en name {indicator['name']['en']!r} drops 'substantially'")
        if not substantially and ("cơ bản" in vi or "substantially" in en):
            problems.append(f"{where}: a name says 'substantially', its quote does not")
    assert not problems, "\n".join(problems)


def test_average_growth_is_named_as_average(docs: dict[str, dict[str, Any]]) -> None:
    """A quote that says "bình quân" (on average) gives names that say "bình quân" / "average",
    and the names say it only where the quote does."""
    problems = []
    for name, indicator in _indicators(docs):
        where = f"{name}.{indicator['id']}"
        quoted = "bình quân" in _fold(indicator["quote"])
        vi, en = _fold(indicator["name"]["vi"]), _fold(indicator["name"]["en"])
        if ("bình quân" in vi) != quoted:
            problems.append(f"{where}: quote says bình quân: {quoted}; vi name: {vi!r}")
        if ("average" in en) != quoted:
            problems.append(f"{where}: quote says bình quân: {quoted}; en name: {en!r}")
    assert not problems, "\n".join(problems)


# --- inspections_online: inspections only ---------------------------------------------------


def test_inspections_online_counts_inspection_activities_only(
    docs: dict[str, dict[str, Any]],
) -> None:
    """The canonical inspections_online ("inspection activities carried out through the digital
    environment") is "hoạt động kiểm tra" in every year's sentence; a sentence that counts
    "giám sát, kiểm tra" (supervision and inspection) is another indicator, named so."""
    problems = []
    for name, indicator in _indicators(docs):
        where = f"{name}.{indicator['id']}"
        fragments = [_fold(f) for f in _fragments(indicator["quote"])]
        vi, en = _fold(indicator["name"]["vi"]), _fold(indicator["name"]["en"])
        supervision = any("giám sát" in f for f in fragments)
        if indicator["id"] == "inspections_online":
            if not all("hoạt động kiểm tra" in f for f in fragments):
                problems.append(f"{where}: a sentence without 'hoạt động kiểm tra'")
            if supervision:
                problems.append(f"{where}: joins 'giám sát, kiểm tra' to inspections")
        if supervision != ("giám sát" in vi) or supervision != ("supervision" in en):
            problems.append(
                f"{where}: 'giám sát' in the quote: {supervision}; names {vi!r}, {en!r}"
            )
    assert not problems, "\n".join(problems)
