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
    # reports
    "report.title": {
        "en": "{city}: digital-transformation scorecard",
        "vi": "{city}: đánh giá thực hiện mục tiêu chuyển đổi số",
    },
    "report.subtitle": {"en": "{document}", "vi": "{document}"},
    "report.meta": {
        "en": "As of {year} · made with dxscore {version}",
        "vi": "Tính đến năm {year} · lập bằng dxscore {version}",
    },
    "report.meta_no_data": {
        "en": "No reported values · made with dxscore {version}",
        "vi": "Chưa có số liệu · lập bằng dxscore {version}",
    },
    "report.summary": {"en": "Summary", "vi": "Tổng hợp"},
    "report.area": {"en": "Area: {area}", "vi": "Địa bàn: {area}"},
    "report.legend": {"en": "How to read this report", "vi": "Cách đọc báo cáo"},
    "report.sources": {
        "en": "The targets as the resolution words them",
        "vi": "Mục tiêu theo nguyên văn nghị quyết",
    },
    "report.chart": {
        "en": "{name}: reported values, trend to {year} and target",
        "vi": "{name}: số liệu đã báo cáo, xu hướng đến năm {year} và mục tiêu",
    },
    "col.trend": {"en": "Trend", "vi": "Xu hướng"},
    "col.score": {"en": "Score", "vi": "Điểm"},
    "col.coverage": {"en": "coverage", "vi": "có số liệu"},
    "legend.achieved": {
        "en": "the latest value reported by the target year meets the target",
        "vi": "giá trị mới nhất được báo cáo đến năm mục tiêu đáp ứng mục tiêu",
    },
    "legend.on_track": {
        "en": "not met yet, but the least-squares trend of the reported values meets the target in the target year",
        "vi": "chưa đạt, nhưng đường xu hướng (bình phương tối thiểu) của số liệu đáp ứng mục tiêu vào năm mục tiêu",
    },
    "legend.at_risk": {
        "en": "not met, and the trend does not meet it either (or cannot be drawn: values from one year only, or a milestone)",
        "vi": "chưa đạt, và xu hướng cũng không đạt (hoặc không vẽ được: số liệu chỉ có một năm, hoặc mục tiêu dạng hoàn thành)",
    },
    "legend.missed": {
        "en": "the target year has come and the target was not met",
        "vi": "đã đến năm mục tiêu mà mục tiêu chưa đạt",
    },
    "legend.no_data": {
        "en": "no value was reported by the target year",
        "vi": "không có giá trị nào được báo cáo đến năm mục tiêu",
    },
    "legend.attainment": {
        "en": "Attainment: the latest value ÷ the target (the target ÷ the value for ranks), from 0 to 100%; a milestone is 0 or 100%. A value within an “about” target's tolerance is achieved even below 100%.",
        "vi": "Mức đạt: giá trị mới nhất ÷ mục tiêu (mục tiêu ÷ giá trị với thứ hạng), từ 0 đến 100%; mục tiêu dạng hoàn thành là 0 hoặc 100%. Với mục tiêu “khoảng”, giá trị trong biên sai số được tính là đã đạt dù dưới 100%.",
    },
    "legend.score": {
        "en": "Score: 100 × the weighted mean attainment of a pillar's indicators that have data; coverage: the share of its indicators with data, so that missing data never lowers a score. The target set's score is the mean of its pillars' scores.",
        "vi": "Điểm: 100 × trung bình có trọng số mức đạt của các chỉ tiêu có số liệu trong trụ cột; tỷ lệ có số liệu: phần chỉ tiêu có số liệu, nên thiếu số liệu không làm giảm điểm. Điểm của bộ chỉ tiêu là trung bình điểm các trụ cột.",
    },
    "legend.projection": {
        "en": "Projected: the straight line fitted through all values reported up to the as-of year, read at the target year; shown as fitted, so a percentage can exceed 100%.",
        "vi": "Dự báo: đường thẳng khớp qua mọi giá trị báo cáo đến năm đánh giá, đọc tại năm mục tiêu; giữ nguyên như khi khớp, nên tỷ lệ phần trăm có thể vượt 100%.",
    },
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
