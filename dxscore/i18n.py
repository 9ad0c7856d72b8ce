"""Every label, heading and status word in English and Vietnamese, in one catalogue.

Indicator, pillar-set and city names come from the target files' ``vi``/``en``
fields; everything dxscore itself says is here. A test fails when a key lacks
a language.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from typing import Literal

Lang = Literal["en", "vi"]
LANGS: tuple[Lang, ...] = ("en", "vi")

CATALOGUE: dict[str, dict[Lang, str]] = {
    # statuses
    "status.achieved": {"en": "achieved", "vi": "đã đạt"},
    "status.on_track": {"en": "on track", "vi": "đúng tiến độ"},
    "status.at_risk": {"en": "at risk", "vi": "có nguy cơ"},
    "status.missed": {"en": "missed", "vi": "không đạt"},
    "status.no_data": {"en": "no data", "vi": "chưa có số liệu"},
    # pillars
    "pillar.overall": {"en": "Overall", "vi": "Tổng thể"},
    "pillar.government": {"en": "Digital government", "vi": "Chính quyền số"},
    "pillar.economy": {"en": "Digital economy", "vi": "Kinh tế số"},
    "pillar.society": {"en": "Digital society", "vi": "Xã hội số"},
    "pillar.all": {"en": "Target set", "vi": "Toàn bộ chỉ tiêu"},
    # columns and headings
    "col.indicator": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "col.target": {"en": "Target", "vi": "Mục tiêu"},
    "col.actual": {"en": "Actual (year)", "vi": "Thực tế (năm)"},
    "col.projected": {"en": "Projected", "vi": "Dự báo"},
    "col.attainment": {"en": "Attainment", "vi": "Mức đạt"},
    "col.status": {"en": "Status", "vi": "Đánh giá"},
    "col.pillar": {"en": "Pillar", "vi": "Trụ cột"},
    "heading.as_of": {"en": "as of {year}", "vi": "tính đến năm {year}"},
    "heading.no_data_at_all": {"en": "no reported values", "vi": "chưa có số liệu nào"},
    "heading.target_year": {"en": "Target year {year}", "vi": "Mục tiêu năm {year}"},
    "heading.area": {"en": "Area: {area}", "vi": "Địa bàn: {area}"},
    "heading.city_wide": {"en": "city-wide", "vi": "toàn thành phố"},
    "heading.score": {
        "en": "score {score} · data for {have} of {total}",
        "vi": "điểm {score} · có số liệu {have}/{total}",
    },
    "heading.summary": {
        "en": "Scores by pillar and target year (score · coverage)",
        "vi": "Điểm theo trụ cột và năm mục tiêu (điểm · tỷ lệ có số liệu)",
    },
    # target wording
    "target.done": {"en": "done", "vi": "hoàn thành"},
    "target.top": {"en": "top {n}", "vi": "top {n}"},
    "unit.per_year": {"en": "%/yr", "vi": "%/năm"},
    "target.stretch": {"en": "stretch {n}", "vi": "phấn đấu {n}"},
    "value.done": {"en": "done", "vi": "hoàn thành"},
    "value.not_done": {"en": "not done", "vi": "chưa hoàn thành"},
    # verdict
    "verdict.counts": {
        "en": "{achieved} achieved, {on_track} on track, {at_risk} at risk, {missed} missed, {no_data} without data",
        "vi": "{achieved} đã đạt, {on_track} đúng tiến độ, {at_risk} có nguy cơ, {missed} không đạt, {no_data} chưa có số liệu",
    },
    "verdict.fail": {
        "en": "✘ {n} target(s) {worst} or worse (--fail-on {fail_on}): exit 1",
        "vi": "✘ {n} mục tiêu {worst} trở xuống (--fail-on {fail_on}): mã thoát 1",
    },
    "verdict.pass": {
        "en": "✔ no target {worst} or worse (--fail-on {fail_on})",
        "vi": "✔ không có mục tiêu {worst} trở xuống (--fail-on {fail_on})",
    },
    "verdict.never": {"en": "(--fail-on never: exit 0)", "vi": "(--fail-on never: mã thoát 0)"},
    # explain
    "explain.heading": {"en": "How each verdict was reached", "vi": "Căn cứ của từng đánh giá"},
    "explain.observations": {"en": "observations", "vi": "số liệu"},
    "explain.none": {"en": "no observation up to {year}", "vi": "không có số liệu đến năm {year}"},
    "explain.current": {"en": "current {value} ({year})", "vi": "hiện tại {value} ({year})"},
    "explain.fit": {
        "en": "least-squares slope {slope}/yr → {projected} in {year}",
        "vi": "hệ số xu hướng (bình phương tối thiểu) {slope}/năm → {projected} năm {year}",
    },
    "explain.no_fit": {
        "en": "no projection (needs two years of numbers)",
        "vi": "không dự báo được (cần số liệu hai năm)",
    },
    "explain.deadline_passed": {"en": "deadline passed", "vi": "đã quá hạn"},
    # messages
    "msg.not_reported": {
        "en": "{n} cell(s) left empty: not reported",
        "vi": "{n} ô để trống: chưa báo cáo",
    },
}


def detect_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """Vietnamese when LC_ALL, LC_MESSAGES or LANG (the first set) starts with ``vi``."""
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "vi" if value.lower().startswith("vi") else "en"
    return "en"


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for ``key`` in ``lang``, NFC-normalized, with ``{name}`` fields filled in."""
    text = CATALOGUE[key][lang].format(**values)
    return unicodedata.normalize("NFC", text)
