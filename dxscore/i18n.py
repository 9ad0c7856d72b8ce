"""Every label, heading and status word in English and Vietnamese, in one catalogue.

Indicator, pillar-set and city names come from the target files' ``vi``/``en``
fields; everything dxscore itself says is here. A test fails when a key lacks
a language.
"""

from __future__ import annotations

import errno
import os
import unicodedata
from collections.abc import Mapping
from typing import Literal

Lang = Literal["en", "vi"]
LANGS: tuple[Lang, ...] = ("en", "vi")

# Words that several problems share (each keeps its own type)
_BEYOND_A_TRILLION: dict[Lang, str] = {
    "en": "{written} is out of bounds: a number in a target file lies within ± 10¹² (a"
    " trillion); no indicator comes near it",
    "vi": "{written} vượt giới hạn: số trong tệp chỉ tiêu phải nằm trong khoảng ± 10¹² (một nghìn"
    " tỷ); không chỉ tiêu nào gần tới mức đó",
}
_WEIGHT_OUTSIDE: dict[Lang, str] = {
    "en": "the weight {written} is outside the weights accepted, more than 0 and at most {most}:"
    " give one in that range (a weight left out is 1)",
    "vi": "trọng số {written} nằm ngoài khoảng được chấp nhận, lớn hơn 0 và không quá {most}: hãy"
    " ghi một trọng số trong khoảng này (không ghi thì trọng số là 1)",
}
_YEAR_OUTSIDE: dict[Lang, str] = {
    "en": "the target year {year} is outside the years accepted, {first} to {last}: write a year"
    " in that range",
    "vi": "năm mục tiêu {year} nằm ngoài khoảng năm được chấp nhận, từ {first} đến {last}: hãy"
    " ghi một năm trong khoảng này",
}
_YEAR_OUTSIDE_CLOSE: dict[Lang, str] = {
    "en": "the target year {year} is outside the years accepted, {first} to {last}; did you mean"
    " {close}?",
    "vi": "năm mục tiêu {year} nằm ngoài khoảng năm được chấp nhận, từ {first} đến {last}; có"
    " phải là {close} không?",
}

CATALOGUE: dict[str, dict[Lang, str]] = {
    # statuses
    "status.achieved": {"en": "achieved", "vi": "đã đạt"},
    "status.on_track": {"en": "on track", "vi": "đúng tiến độ"},
    "status.at_risk": {"en": "at risk", "vi": "có nguy cơ không đạt"},
    "status.missed": {"en": "missed", "vi": "không đạt"},
    "status.no_data": {"en": "no data", "vi": "chưa có số liệu"},
    # pillars
    "pillar.overall": {"en": "Overall", "vi": "Mục tiêu chung"},
    "pillar.government": {"en": "Digital government", "vi": "Chính quyền số"},
    "pillar.economy": {"en": "Digital economy", "vi": "Kinh tế số"},
    "pillar.society": {"en": "Digital society", "vi": "Xã hội số"},
    # columns and headings
    "targets.title": {"en": "Target sets", "vi": "Các bộ chỉ tiêu"},
    "targets.id": {"en": "id", "vi": "mã"},
    "targets.name": {"en": "name", "vi": "tên"},
    "targets.indicators": {"en": "indicators", "vi": "chỉ tiêu"},
    "targets.targets": {"en": "targets", "vi": "mục tiêu"},
    "targets.years": {"en": "years", "vi": "năm"},
    "targets.file": {"en": "file", "vi": "tệp"},
    "targets.indicator": {"en": "indicator", "vi": "mã chỉ tiêu"},
    "targets.unit": {"en": "unit", "vi": "đơn vị"},
    "targets.weight": {"en": "weight", "vi": "trọng số"},
    "col.indicator": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "col.target": {"en": "Target", "vi": "Mục tiêu"},
    "col.actual": {"en": "Actual (year)", "vi": "Thực hiện (năm)"},
    "col.projected": {"en": "Projected", "vi": "Dự báo"},
    "col.attainment": {"en": "Attainment", "vi": "Tỷ lệ đạt"},
    "col.status": {"en": "Status", "vi": "Đánh giá"},
    "col.pillar": {"en": "Pillar", "vi": "Trụ cột"},
    "heading.as_of": {"en": "as of {year}", "vi": "tính đến năm {year}"},
    "heading.no_data_at_all": {"en": "no reported values", "vi": "chưa có số liệu nào"},
    "heading.target_year": {"en": "Target year {year}", "vi": "Mục tiêu năm {year}"},
    "heading.area": {"en": "Area: {area}", "vi": "Địa bàn: {area}"},
    "heading.city_wide": {"en": "city-wide", "vi": "toàn thành phố"},
    "heading.score": {
        "en": "score {score} · data for {have} of {total}",
        "vi": "điểm {score} · {have}/{total} chỉ tiêu có số liệu",
    },
    "heading.summary": {
        "en": "Scores by pillar and target year (score · coverage)",
        "vi": "Điểm theo trụ cột và năm mục tiêu (điểm · tỷ lệ có số liệu)",
    },
    # target wording
    "target.done": {"en": "done", "vi": "đạt"},
    "target.top": {"en": "top {n}", "vi": "nhóm {n} dẫn đầu"},
    "unit.per_year": {"en": "%/yr", "vi": "%/năm"},
    # a unit's name: in English its id in the target file, in Vietnamese the words for it
    "unitname.percent": {"en": "percent", "vi": "phần trăm"},
    "unitname.percent_per_year": {"en": "percent_per_year", "vi": "%/năm"},
    "unitname.percent_change": {"en": "percent_change", "vi": "% thay đổi"},
    "unitname.rank": {"en": "rank", "vi": "thứ hạng"},
    "unitname.count": {"en": "count", "vi": "số lượng"},
    "unitname.milestone": {"en": "milestone", "vi": "hoàn thành/chưa"},
    "target.stretch": {"en": "stretch {n}", "vi": "phấn đấu {n}"},
    "value.done": {"en": "done", "vi": "đạt"},
    "value.not_done": {"en": "not done", "vi": "chưa đạt"},
    # verdict
    "verdict.counts": {
        "en": "{achieved} achieved, {on_track} on track, {at_risk} at risk, {missed} missed, {no_data} without data",
        "vi": "Kết quả: {achieved} mục tiêu đã đạt, {on_track} đúng tiến độ, {at_risk} có nguy cơ không đạt, {missed} không đạt, {no_data} chưa có số liệu",
    },
    "verdict.fail": {
        "en": "✘ {n} target(s) {worst} or worse (--fail-on {fail_on}): exit 1",
        "vi": "✘ {n} mục tiêu bị đánh giá “{worst}” hoặc thấp hơn (--fail-on {fail_on}): mã thoát 1",
    },
    "verdict.pass": {
        "en": "✔ no target {worst} or worse (--fail-on {fail_on})",
        "vi": "✔ không có mục tiêu nào bị đánh giá “{worst}” hoặc thấp hơn (--fail-on {fail_on})",
    },
    "verdict.never": {"en": "(--fail-on never: exit 0)", "vi": "(--fail-on never: mã thoát 0)"},
    # explain
    "explain.observations": {"en": "observations", "vi": "số liệu"},
    "explain.none": {
        "en": "no observation up to {year}",
        "vi": "chưa có số liệu tính đến năm {year}",
    },
    "explain.current": {
        "en": "current {value} ({year})",
        "vi": "giá trị gần nhất {value} ({year})",
    },
    "explain.fit": {
        "en": "least-squares slope {slope}/yr → {projected} in {year}",
        "vi": "xu hướng (bình phương tối thiểu) {slope}/năm → dự báo {projected} vào năm {year}",
    },
    "explain.no_fit": {
        "en": "no projection (needs two years of numbers)",
        "vi": "không dự báo được (cần số liệu của ít nhất hai năm)",
    },
    "explain.deadline_passed": {
        "en": "the {year} value is reported and does not meet the target",
        "vi": "số liệu năm {year} đã được báo cáo và không đạt mục tiêu",
    },
    # estimates and verdicts that wait for the deadline's value (scoring rules, revision 2)
    "value.estimate": {"en": "est.", "vi": "ước"},
    "awaiting.short": {"en": "awaiting {year} value", "vi": "chờ số liệu năm {year}"},
    "awaiting.trend": {
        "en": "the {year} value is not reported yet; judged by its trend",
        "vi": "chưa có số liệu năm {year}; đánh giá theo xu hướng",
    },
    "awaiting.latest": {
        "en": "the {year} value is not reported yet; judged by the {latest} value (no trend to project)",
        "vi": "chưa có số liệu năm {year}; đánh giá theo giá trị năm {latest} (không đủ số liệu để dự báo xu hướng)",
    },
    "awaiting.achieved": {
        "en": "the {year} value is not reported yet; achieved by the {latest} value",
        "vi": "chưa có số liệu năm {year}; đã đạt theo giá trị năm {latest}",
    },
    "awaiting.estimate": {
        "en": "the {year} value is an estimate; the measured value is not reported yet",
        "vi": "số liệu năm {year} là số ước tính; chưa có số liệu chính thức",
    },
    # the terminal report that fits its width (issue 22)
    "check.all_hint": {
        "en": "Indicators without data are listed by id; --all gives each its own row.",
        "vi": "Các chỉ tiêu chưa có số liệu chỉ được liệt kê theo mã; dùng --all để xem đầy đủ từng chỉ tiêu.",
    },
    # reports
    "report.title": {
        "en": "{city}: digital-transformation scorecard",
        "vi": "{city}: đánh giá thực hiện mục tiêu chuyển đổi số",
    },
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
        "en": "The targets as the document words them",
        "vi": "Nguyên văn mục tiêu trong văn bản",
    },
    "report.chart": {
        "en": "{name}: reported values, trend to {year} and target",
        "vi": "{name}: số liệu đã báo cáo, xu hướng đến năm {year} và mục tiêu",
    },
    "col.area": {"en": "Area", "vi": "Địa bàn"},
    "col.worst_pillar": {"en": "Weakest pillar", "vi": "Trụ cột yếu nhất"},
    "heading.league": {
        "en": "areas ranked, target year {year}",
        "vi": "xếp hạng địa bàn, mục tiêu năm {year}",
    },
    "compare.title": {
        "en": "Target sets compared on their shared indicators",
        "vi": "So sánh các bộ chỉ tiêu theo các chỉ tiêu chung",
    },
    "compare.scores": {
        "en": "Scores (all of each set's targets; score · coverage)",
        "vi": "Điểm (toàn bộ chỉ tiêu của từng bộ; điểm · tỷ lệ có số liệu)",
    },
    "compare.year": {"en": "Year", "vi": "Năm"},
    "col.score": {"en": "Score", "vi": "Điểm"},
    "summary.coverage": {"en": "coverage", "vi": "có số liệu"},  # after a percentage
    "col.coverage": {"en": "Coverage", "vi": "Tỷ lệ có số liệu"},
    "legend.achieved": {
        "en": "the latest value reported by the target year meets the target",
        "vi": "giá trị gần nhất được báo cáo tính đến năm mục tiêu đã đạt mục tiêu",
    },
    "legend.on_track": {
        "en": "not met yet, but the least-squares trend of the reported values meets the target in the target year",
        "vi": "chưa đạt, nhưng theo đường xu hướng (phương pháp bình phương tối thiểu) của số liệu đã báo cáo sẽ đạt mục tiêu vào năm mục tiêu",
    },
    "legend.at_risk": {
        "en": "not met, and the trend does not meet it either (or cannot be drawn: values from one year only, or a milestone)",
        "vi": "chưa đạt, và theo xu hướng cũng không đạt (hoặc không xác định được xu hướng: số liệu chỉ có một năm, hoặc là mục tiêu dạng hoàn thành)",
    },
    "legend.missed": {
        "en": "the target year's own measured value is reported, and it does not meet the target",
        "vi": "số liệu chính thức của năm mục tiêu đã được báo cáo và không đạt mục tiêu",
    },
    "legend.estimate": {
        "en": "est.: an estimate (ước thực hiện), not a measured value. An estimate can achieve a target but never miss one: a failing estimate for the target year is at risk.",
        "vi": "ước: số ước thực hiện, chưa phải số liệu chính thức. Số ước tính có thể cho kết quả “đã đạt” nhưng không bao giờ cho kết quả “không đạt”: số ước tính của năm mục tiêu chưa đạt được đánh giá là “có nguy cơ không đạt”.",
    },
    "legend.awaiting": {
        "en": "awaiting: the target year has passed in the data, but its measured value is not reported yet; the verdict rests on the trend, the latest value or an estimate until it is.",
        "vi": "chờ số liệu: dữ liệu đã tới năm mục tiêu nhưng chưa có số liệu chính thức của năm đó; cho tới khi có, kết quả dựa vào xu hướng, giá trị gần nhất hoặc số ước tính.",
    },
    "legend.no_data": {
        "en": "no value was reported by the target year",
        "vi": "không có giá trị nào được báo cáo đến năm mục tiêu",
    },
    "legend.attainment": {
        "en": "Attainment: the latest value ÷ the target (the target ÷ the value for ranks), from 0 to 100%; a milestone is 0 or 100%. A value within an “about” target's tolerance is achieved even below 100%.",
        "vi": "Tỷ lệ đạt: giá trị gần nhất ÷ mục tiêu (đối với chỉ tiêu xếp hạng: mục tiêu ÷ giá trị), từ 0 đến 100%; mục tiêu dạng hoàn thành là 0 hoặc 100%. Với mục tiêu “khoảng”, giá trị trong mức sai lệch cho phép (±) được tính là đã đạt dù dưới 100%.",
    },
    "legend.score": {
        "en": "Score: 100 × the weighted mean attainment of a pillar's indicators that have data; coverage: the share of its indicators with data, so that missing data never lowers a score. The target set's score is the mean of its pillars' scores.",
        "vi": "Điểm: 100 × trung bình có trọng số tỷ lệ đạt của các chỉ tiêu có số liệu trong trụ cột; tỷ lệ có số liệu: phần chỉ tiêu có số liệu, nên thiếu số liệu không làm giảm điểm. Điểm của bộ chỉ tiêu là trung bình điểm các trụ cột.",
    },
    "legend.projection": {
        "en": "Projected: the straight line fitted through all values reported up to the as-of year, read at the target year; shown as fitted, so a percentage can exceed 100%.",
        "vi": "Dự báo: giá trị tại năm mục tiêu trên đường xu hướng thẳng (phương pháp bình phương tối thiểu) ước lượng từ mọi giá trị được báo cáo tính đến năm số liệu (năm ghi ở “Tính đến năm …”); giá trị dự báo không bị giới hạn, nên tỷ lệ phần trăm có thể vượt 100%.",
    },
    # problems with inputs (dxscore.errors.Problem): "problem.<key>"
    "problem.unreadable": {
        "en": "cannot read the file: {reason}",
        "vi": "không đọc được tệp: {reason}",
    },
    "problem.not-found": {"en": "no such file or folder", "vi": "không có tệp hay thư mục này"},
    "problem.not-found.close": {
        "en": "no such file or folder; did you mean '{close}'?",
        "vi": "không có tệp hay thư mục này; có phải là '{close}' không?",
    },
    "problem.no-target-files": {
        "en": "the folder holds no *.yaml or *.yml target files",
        "vi": "thư mục không có tệp chỉ tiêu *.yaml hay *.yml nào",
    },
    "problem.file-too-large": {
        "en": "the file is larger than {size} KiB; a target file is a few KiB, so this is not one",
        "vi": "tệp lớn hơn {size} KiB; tệp chỉ tiêu chỉ vài KiB, nên đây không phải tệp chỉ tiêu",
    },
    "problem.not-utf8": {
        "en": "byte 0x{byte} is not UTF-8; save the file as UTF-8",
        "vi": "byte 0x{byte} không phải UTF-8; hãy lưu tệp dạng UTF-8",
    },
    "problem.yaml-syntax": {
        "en": "{detail}; check the indentation (spaces, one level deeper under its key) and the"
        " ':', '-' and ',' on this line and the one above",
        "vi": "lỗi cú pháp YAML: {detail}; hãy kiểm tra thụt lề (dấu cách, sâu hơn một mức so với"
        " khóa chứa nó) và các dấu ':', '-', ',' ở dòng này và dòng trên",
    },
    "problem.yaml-syntax.escape": {
        "en": "in double quotes a backslash starts an escape (\\n, \\t), and this one is none; put"
        " the text in single quotes, or write the backslash twice",
        "vi": "trong dấu nháy kép, dấu \\ mở đầu một ký tự thoát (\\n, \\t), và chỗ này không phải;"
        " hãy đặt văn bản trong dấu nháy đơn, hoặc viết dấu \\ hai lần",
    },
    "problem.yaml-syntax.cannot-start": {
        "en": "a YAML value cannot start with '{char}'; put the value in quotes",
        "vi": "giá trị YAML không được bắt đầu bằng '{char}'; hãy đặt giá trị trong dấu nháy",
    },
    "problem.yaml-syntax.no-colon": {
        "en": "'{written}' has no ':' after its key; write `key: value`",
        "vi": "'{written}' thiếu dấu ':' sau khóa; hãy ghi `khóa: giá trị`",
    },
    "problem.yaml-syntax.unclosed-quote-line": {
        "en": "the quote {quote} opened here is not closed on its line, so the lines below are read"
        " as part of it; close it",
        "vi": "dấu nháy {quote} mở ở đây chưa được đóng trên cùng dòng, nên các dòng bên dưới bị đọc"
        " như một phần của nó; hãy thêm dấu {quote} để đóng",
    },
    "problem.yaml-syntax.tab": {
        "en": "a tab character here: YAML indents with spaces only; replace the tab with spaces",
        "vi": "có ký tự tab ở đây: YAML chỉ thụt lề bằng dấu cách; hãy thay tab bằng dấu cách",
    },
    "problem.yaml-syntax.character": {
        "en": "the character U+{code} is not allowed in YAML; remove it",
        "vi": "ký tự U+{code} không được phép trong YAML; hãy xóa ký tự này",
    },
    "problem.yaml-syntax.unclosed-quote": {
        "en": "the quote {quote} opened here is never closed (the file ends first); close it",
        "vi": "dấu nháy {quote} mở ở đây chưa được đóng (tệp kết thúc trước khi gặp dấu đóng); hãy thêm dấu {quote} để đóng",
    },
    "problem.yaml-syntax.unclosed-flow-or-comma": {
        "en": "the {opener} opened here is not closed, or a ',' is missing between its entries:"
        " at {line}:{col} a ',' or '{closer}' was expected",
        "vi": "dấu ngoặc {opener} mở ở đây chưa được đóng, hoặc thiếu dấu ',' giữa các mục: tại dòng {line}, cột {col} cần có ',' hoặc '{closer}'",
    },
    "problem.yaml-syntax.line-separator": {
        "en": "the text holds the line separator U+{code} (often pasted from Word or a PDF),"
        " which YAML reads as a line break and editors do not; replace it with a space or a new line",
        "vi": "văn bản chứa ký tự phân cách dòng U+{code} (thường do dán từ Word hoặc PDF): YAML coi đó là dấu xuống dòng nhưng trình soạn thảo thì không; hãy thay bằng dấu cách hoặc dấu xuống dòng thông thường",
    },
    "problem.yaml-alias": {
        "en": "YAML aliases (*{name}) are not allowed in dxscore files; write the value out in full",
        "vi": "không dùng bí danh YAML (*{name}) trong tệp dxscore; hãy viết đầy đủ giá trị",
    },
    "problem.yaml-anchor": {
        "en": "YAML anchors (&{name}) are not allowed in dxscore files; write the value out in full",
        "vi": "không dùng neo YAML (&{name}) trong tệp dxscore; hãy viết đầy đủ giá trị",
    },
    "problem.yaml-tag": {
        "en": "YAML tags ({tag}) are not allowed in dxscore files; write the plain value",
        "vi": "không dùng thẻ YAML ({tag}) trong tệp dxscore; hãy viết giá trị thông thường",
    },
    "problem.yaml-too-deep": {
        "en": "nested deeper than {depth} levels",
        "vi": "lồng sâu quá {depth} cấp",
    },
    "problem.yaml-complex-key": {
        "en": "a key must be a plain value, not a list or mapping",
        "vi": "khóa phải là giá trị đơn, không phải danh sách hay ánh xạ",
    },
    "problem.duplicate-key": {
        "en": "key '{key}' is repeated (first on line {first}); keep only one",
        "vi": "khóa '{key}' bị lặp (lần đầu ở dòng {first}); chỉ giữ một",
    },
    "problem.empty-file.yaml": {
        "en": "the file is empty; see docs/targets.md (or `dxscore schema`) for the format",
        "vi": "tệp rỗng; xem định dạng trong docs/targets.md (hoặc `dxscore schema`)",
    },
    "problem.not-a-mapping.list": {
        "en": "the file holds a list; a target file is a mapping of keys (dxscore: 1, id: …, pillars: …)",
        "vi": "tệp chứa một danh sách; tệp chỉ tiêu phải là ánh xạ các khóa (dxscore: 1, id: …, pillars: …)",
    },
    "problem.not-a-mapping.value": {
        "en": "the file holds a single value; a target file is a mapping of keys (dxscore: 1, id: …, pillars: …)",
        "vi": "tệp chỉ chứa một giá trị; tệp chỉ tiêu phải là ánh xạ các khóa (dxscore: 1, id: …, pillars: …)",
    },
    "problem.extra-forbidden": {
        "en": "unknown key '{key}'; allowed here: {allowed}",
        "vi": "khóa không hợp lệ '{key}'; các khóa được phép ở đây: {allowed}",
    },
    "problem.extra-forbidden.year": {
        "en": "unknown key '{key}' here: a target year goes under `targets:`, indented one level below it",
        "vi": "khóa không hợp lệ '{key}' ở đây: năm mục tiêu phải nằm trong `targets:`, thụt lề sâu hơn một mức",
    },
    "problem.extra-forbidden.close": {
        "en": "unknown key '{key}'; did you mean '{close}'? allowed here: {allowed}",
        "vi": "khóa không hợp lệ '{key}'; có phải là '{close}' không? Các khóa được phép ở đây: {allowed}",
    },
    "problem.missing": {
        "en": "required key '{key}' is missing",
        "vi": "thiếu khóa bắt buộc '{key}'",
    },
    "problem.schema": {"en": "{detail}", "vi": "{detail}"},
    "problem.year-key.quoted": {
        "en": 'the key "{key}" is a year in quotes: write it as a number, without quotes (2025: {{min: 60}})',
        "vi": 'khóa "{key}" là năm nằm trong dấu nháy: hãy viết năm dưới dạng số, không có dấu nháy (2025: {{min: 60}})',
    },
    "problem.year-key": {
        "en": "this key is not a target year: write a year from 1900 to 2100 as a whole number (2025: {{min: 60}})",
        "vi": "khóa này không phải năm mục tiêu: hãy viết năm từ 1900 đến 2100 dưới dạng số nguyên (2025: {{min: 60}})",
    },
    "problem.schema-version": {
        "en": "this dxscore reads target files of schema version 1, not {written}; write"
        " `dxscore: 1` (a number, unquoted), or, for a file made for a newer dxscore, upgrade"
        " dxscore",
        "vi": "phiên bản dxscore này đọc tệp chỉ tiêu theo lược đồ phiên bản 1, không phải {written};"
        " hãy ghi `dxscore: 1` (số, không có dấu nháy), hoặc nâng cấp dxscore nếu tệp được tạo cho"
        " phiên bản mới hơn",
    },
    # pydantic's findings in a target file, in words of our own: each echoes the value as
    # written ({written}) and says what to write (dxscore/target_words.py)
    "problem.schema.float_type.text": {
        "en": "{written} is not a number: write `{key}:` and a number in digits, such as `{key}: 60`",
        "vi": "{written} không phải là số: hãy ghi `{key}:` và một số viết bằng chữ số, ví dụ `{key}: 60`",
    },
    "problem.schema.float_type.empty": {
        "en": "`{key}` has no value: write a number, or leave the key out",
        "vi": "`{key}` chưa có giá trị: hãy ghi một số, hoặc bỏ khóa này",
    },
    "problem.schema.float_type.percent": {
        "en": "{written} is not a number: write the target as a number, `{key}: {number}` (the"
        " unit is set by `unit:`)",
        "vi": "{written} không phải là số: hãy ghi chỉ tiêu dưới dạng số, `{key}: {number}` (đơn"
        " vị đã được đặt ở `unit:`)",
    },
    "problem.schema.float_type.percent.other": {
        "en": "{written} is not a number: write `{key}: {number}`, without the %",
        "vi": "{written} không phải là số: hãy ghi `{key}: {number}`, không có dấu %",
    },
    "problem.schema.float_type.number": {
        "en": "{written} is a number in quotes, which YAML reads as text: remove the quotes,"
        " `{key}: {number}`",
        "vi": "{written} là số nằm trong dấu nháy, nên YAML đọc thành văn bản: hãy bỏ dấu nháy,"
        " `{key}: {number}`",
    },
    "problem.schema.float_type.comma": {
        "en": "{written} is not a number: write a decimal with a point, `{key}: {number}`",
        "vi": "{written} không phải là số: hãy viết số thập phân bằng dấu chấm, `{key}: {number}`",
    },
    "problem.schema.float_type.thousands": {
        "en": "{written} is not a number, and is ambiguous: in Vietnamese usage the comma is the"
        " decimal mark ({decimal}), in English it groups thousands ({whole}); write"
        " `{key}: {whole}` or `{key}: {decimal}`, whichever is meant",
        "vi": "{written} không phải là số, và không rõ nghĩa: theo cách viết của Việt Nam, dấu phẩy"
        " là dấu thập phân ({decimal}); theo cách viết tiếng Anh, dấu phẩy phân cách hàng nghìn"
        " ({whole}); hãy viết `{key}: {whole}` hoặc `{key}: {decimal}`, tùy theo ý muốn",
    },
    "problem.schema.float_type.grouped": {
        "en": "{written} is not a number: write `{key}: {whole}`, without thousands separators",
        "vi": "{written} không phải là số: hãy viết `{key}: {whole}`, không có dấu phân cách hàng"
        " nghìn",
    },
    "problem.schema.float_type.letter-o": {
        "en": "{written} is not a number: it holds the letter O where a zero belongs; write"
        " `{key}: {number}`",
        "vi": "{written} không phải là số: có chữ O ở chỗ cần số 0; hãy viết `{key}: {number}`",
    },
    "problem.schema.finite_number": {
        "en": "{written} cannot be a target (`.nan` is not a number, `.inf` is infinity): write a"
        " number in digits, such as `{key}: 60`",
        "vi": "{written} không thể là giá trị chỉ tiêu (`.nan` không phải là số, `.inf` là vô"
        " cực): hãy ghi một số bằng chữ số, ví dụ `{key}: 60`",
    },
    "problem.schema.finite_number.large": _BEYOND_A_TRILLION,
    "problem.schema.less_than_equal.trillion": _BEYOND_A_TRILLION,
    "problem.schema.greater_than_equal.trillion": _BEYOND_A_TRILLION,
    "problem.schema.greater_than.weight": _WEIGHT_OUTSIDE,
    "problem.schema.less_than_equal.weight": _WEIGHT_OUTSIDE,
    "problem.schema.greater_than_equal.tolerance": {
        "en": "the tolerance {written} is below 0: a tolerance is the margin below the value that"
        " still counts as met, 0 or more (`{{about: 60, tolerance: 3}}` is met from 57)",
        "vi": "dung sai {written} nhỏ hơn 0: dung sai là khoảng thấp hơn giá trị mà vẫn tính là"
        " đạt, từ 0 trở lên (`{{about: 60, tolerance: 3}}` đạt từ 57)",
    },
    "problem.schema.less_than_equal.year": _YEAR_OUTSIDE,
    "problem.schema.greater_than_equal.year": _YEAR_OUTSIDE,
    "problem.schema.less_than_equal.year.close": _YEAR_OUTSIDE_CLOSE,
    "problem.schema.greater_than_equal.year.close": _YEAR_OUTSIDE_CLOSE,
    # a bound of a field that has no words of its own (pydantic's limit, in its context)
    "problem.schema.greater_than": {
        "en": "give a number greater than {gt}",
        "vi": "hãy ghi một số lớn hơn {gt}",
    },
    "problem.schema.greater_than_equal": {
        "en": "give a number of at least {ge}",
        "vi": "hãy ghi một số từ {ge} trở lên",
    },
    "problem.schema.less_than_equal": {
        "en": "give a number of at most {le}",
        "vi": "hãy ghi một số từ {le} trở xuống",
    },
    "problem.schema.int_type": {
        "en": "write a whole number",
        "vi": "hãy ghi một số nguyên",
    },
    "problem.schema.bool_type": {
        "en": "{written} is not a boolean: only `true` and `false` are (not yes, on or 1); a"
        " milestone target is `{key}: true`",
        "vi": "{written} không phải giá trị đúng/sai: chỉ `true` và `false` là giá trị đúng/sai"
        " (yes, on hay 1 thì không); mục tiêu dạng hoàn thành ghi là `{key}: true`",
    },
    "problem.schema.string_type": {
        "en": "`{key}` holds {written}, where a text belongs: write it as one text, in quotes",
        "vi": "`{key}` chứa {written}, trong khi ở đây cần một đoạn văn bản: hãy viết thành một"
        " đoạn văn bản, đặt trong dấu nháy",
    },
    "problem.schema.string_type.empty": {
        "en": "`{key}` has no value: write its text",
        "vi": "`{key}` chưa có giá trị: hãy viết nội dung",
    },
    "problem.schema.string_type.number": {
        "en": "YAML reads {written} as a number, not a text: put it in quotes, `{example}`",
        "vi": "YAML đọc {written} là số, không phải văn bản: hãy đặt trong dấu nháy, `{example}`",
    },
    "problem.schema.string_type.boolean": {
        "en": "YAML reads {written} as a boolean, not a text: put it in quotes, `{example}`",
        "vi": "YAML đọc {written} là giá trị đúng/sai, không phải văn bản: hãy đặt trong dấu nháy,"
        " `{example}`",
    },
    "problem.schema.string_type.id": {
        "en": "{written} is not an id: an id is a text that starts with a letter, such as"
        " `id: {example}`",
        "vi": "{written} không phải mã: mã là văn bản bắt đầu bằng chữ cái, ví dụ `id: {example}`",
    },
    "problem.schema.model_type": {
        "en": "`{key}` is a mapping of keys ({allowed}), not {written}: write each key on its own"
        " line below it, indented",
        "vi": "`{key}` là một ánh xạ các khóa ({allowed}), không phải {written}: hãy ghi mỗi khóa"
        " trên một dòng bên dưới, thụt lề vào",
    },
    "problem.schema.model_type.empty": {
        "en": "`{key}` has no value: write its keys below it ({allowed})",
        "vi": "`{key}` chưa có giá trị: hãy ghi các khóa của nó ở bên dưới ({allowed})",
    },
    "problem.schema.model_type.target": {
        "en": "a target year holds a comparison such as `{example}`, not {written} alone; its"
        " keys: {allowed}",
        "vi": "mỗi năm mục tiêu phải ghi một phép so sánh như `{example}`, không chỉ ghi {written};"
        " các khóa: {allowed}",
    },
    "problem.schema.model_type.target.empty": {
        "en": "the target year has no comparison: write one, such as `{example}`; its keys:"
        " {allowed}",
        "vi": "năm mục tiêu chưa có phép so sánh: hãy ghi một phép so sánh, ví dụ `{example}`;"
        " các khóa: {allowed}",
    },
    "problem.schema.model_type.text": {
        "en": "`{key}` is written in both languages, `{key}: {{vi: …, en: …}}`, not as one text"
        " ({written})",
        "vi": "`{key}` phải ghi bằng cả hai ngôn ngữ, `{key}: {{vi: …, en: …}}`, không phải một"
        " đoạn văn bản ({written})",
    },
    "problem.schema.model_type.text.empty": {
        "en": "`{key}` has no value: write it in both languages, `{key}: {{vi: …, en: …}}`",
        "vi": "`{key}` chưa có giá trị: hãy ghi bằng cả hai ngôn ngữ, `{key}: {{vi: …, en: …}}`",
    },
    "problem.schema.model_type.indicator": {
        "en": "an indicator is a mapping of keys ({allowed}), not {written}: write it as"
        " `- id: …`, with its other keys below, indented",
        "vi": "mỗi chỉ tiêu là một ánh xạ các khóa ({allowed}), không phải {written}: hãy viết"
        " `- id: …`, các khóa khác ở bên dưới, thụt lề vào",
    },
    "problem.schema.dict_type.value": {
        "en": "`{key}` maps each target year to a comparison, not {written}: write one year a"
        " line below it, such as `2025: {{min: 60}}`",
        "vi": "`{key}` ghi mỗi năm mục tiêu kèm một phép so sánh, không phải {written}: hãy ghi"
        " mỗi năm trên một dòng bên dưới, ví dụ `2025: {{min: 60}}`",
    },
    "problem.schema.dict_type.empty": {
        "en": "`{key}` has no value: write one target year a line below it, such as"
        " `2025: {{min: 60}}`",
        "vi": "`{key}` chưa có giá trị: hãy ghi mỗi năm mục tiêu trên một dòng bên dưới, ví dụ"
        " `2025: {{min: 60}}`",
    },
    "problem.schema.too_short": {
        "en": "`{key}` holds no target year: give at least one, such as `2025: {{min: 60}}`",
        "vi": "`{key}` chưa có năm mục tiêu nào: hãy ghi ít nhất một năm, ví dụ"
        " `2025: {{min: 60}}`",
    },
    "problem.schema.list_type": {
        "en": "`{key}` is a list, not {written}: write each item on its own line after `- `",
        "vi": "`{key}` là một danh sách, không phải {written}: hãy ghi mỗi mục trên một dòng, sau"
        " dấu `- `",
    },
    "problem.schema.list_type.value": {
        "en": "`{key}` is a list, not {written}: write `{key}: [{text}]`, or each item on its own"
        " line after `- `",
        "vi": "`{key}` là một danh sách, không phải {written}: hãy ghi `{key}: [{text}]`, hoặc mỗi"
        " mục trên một dòng, sau dấu `- `",
    },
    "problem.schema.list_type.empty": {
        "en": "`{key}` has no value: write a list, `{key}: [a, b]`, or leave the key out",
        "vi": "`{key}` chưa có giá trị: hãy ghi một danh sách, `{key}: [a, b]`, hoặc bỏ khóa này",
    },
    "problem.schema.list_type.pillar": {
        "en": "`{key}` is a list of indicators, not {written}: start each indicator with `- `"
        " (`- id: …`), or write `{key}: []` for none",
        "vi": "`{key}` là danh sách các chỉ tiêu, không phải {written}: hãy bắt đầu mỗi chỉ tiêu"
        " bằng `- ` (`- id: …`), hoặc ghi `{key}: []` nếu không có chỉ tiêu nào",
    },
    "problem.schema.list_type.pillar.empty": {
        "en": "`{key}` has no value: list its indicators, each starting with `- ` (`- id: …`), or"
        " write `{key}: []` for none",
        "vi": "`{key}` chưa có giá trị: hãy liệt kê các chỉ tiêu, mỗi chỉ tiêu bắt đầu bằng `- `"
        " (`- id: …`), hoặc ghi `{key}: []` nếu không có chỉ tiêu nào",
    },
    "problem.schema.literal_error": {
        "en": "{written} is not a value of `{key}`; the values: {choices}",
        "vi": "{written} không phải giá trị hợp lệ của `{key}`; các giá trị được phép: {choices}",
    },
    "problem.schema.literal_error.close": {
        "en": "{written} is not a value of `{key}`; did you mean '{close}'? The values: {choices}",
        "vi": "{written} không phải giá trị hợp lệ của `{key}`; có phải là '{close}' không? Các"
        " giá trị được phép: {choices}",
    },
    "problem.schema.string_pattern_mismatch.indicator": {
        "en": "{written} is not an indicator id: write lowercase letters, digits and _, starting"
        " with a letter, such as '{example}'",
        "vi": "{written} không phải mã chỉ tiêu hợp lệ: hãy viết chữ thường không dấu, chữ số và"
        " _, bắt đầu bằng chữ cái, ví dụ '{example}'",
    },
    "problem.schema.string_pattern_mismatch.target-set": {
        "en": "{written} is not a target-set id: write lowercase letters, digits, _ and -,"
        " starting with a letter, such as '{example}'",
        "vi": "{written} không phải mã bộ chỉ tiêu hợp lệ: hãy viết chữ thường không dấu, chữ số,"
        " _ và -, bắt đầu bằng chữ cái, ví dụ '{example}'",
    },
    "problem.schema.string_too_short": {
        "en": "`{key}` is empty ({written}): write its text",
        "vi": "`{key}` đang để trống ({written}): hãy viết nội dung",
    },
    "problem.schema.string_too_long": {
        "en": "`{key}` has {length} characters, more than the {most} allowed: shorten it",
        "vi": "`{key}` có {length} ký tự, vượt quá {most} ký tự cho phép: hãy rút ngắn",
    },
    "problem.schema.empty-key": {
        "en": "`{key}` has no value: give it one or leave the key out",
        "vi": "`{key}` chưa có giá trị: hãy điền giá trị hoặc bỏ khóa này",
    },
    "problem.schema.decimal-comma": {
        "en": "the number of `{before}` has a comma, which YAML reads as the start of a"
        " second key; write a decimal with a point (7.5, not 7,5)",
        "vi": "số của `{before}` có dấu phẩy, YAML đọc phần sau dấu phẩy thành một khóa thứ hai;"
        " hãy viết số thập phân bằng dấu chấm (7.5, không phải 7,5)",
    },
    "problem.schema.decimal-comma.thousands": {
        "en": "`{key}: {written}` is ambiguous: in Vietnamese usage the comma is the decimal mark"
        " ({written} is {decimal}), in English it groups thousands ({written} is {whole}), and YAML"
        " reads it as the start of a second key; write `{key}: {whole}` or `{key}: {decimal}`,"
        " whichever is meant",
        "vi": "`{key}: {written}` không rõ nghĩa: theo cách viết của Việt Nam, dấu phẩy là dấu thập"
        " phân ({written} là {decimal}); theo cách viết tiếng Anh, dấu phẩy phân cách hàng nghìn"
        " ({written} là {whole}); còn YAML đọc dấu phẩy là chỗ bắt đầu một khóa thứ hai; hãy viết"
        " `{key}: {whole}` hoặc `{key}: {decimal}`, tùy theo ý muốn",
    },
    "problem.schema.decimal-comma.grouped": {
        "en": "`{key}: {written}` groups thousands with commas, which YAML reads as the start of"
        " more keys; write `{key}: {whole}`, without separators",
        "vi": "`{key}: {written}` dùng dấu phẩy để phân cách hàng nghìn, mà YAML đọc là chỗ bắt đầu"
        " các khóa khác; hãy viết `{key}: {whole}`, không có dấu phân cách",
    },
    "problem.schema.no-colon": {
        "en": "`{key}` has no value: write `{word}: {rest}`, with a ':' after the key",
        "vi": "`{key}` chưa có giá trị: hãy ghi `{word}: {rest}`, có dấu ':' sau khóa",
    },
    "problem.schema.comparator-count": {
        "en": "give exactly one comparator of {allowed} (found: {found})",
        "vi": "cần đúng một phép so sánh trong {allowed} (hiện có: {found})",
    },
    "problem.schema.tolerance-without-about": {
        "en": "`tolerance` goes only with `about`",
        "vi": "`tolerance` chỉ dùng với `about`",
    },
    "problem.schema.stretch-comparator": {
        "en": "`stretch` goes only with `min` or `above`",
        "vi": "`stretch` chỉ dùng với `min` hoặc `above`",
    },
    "problem.schema.stretch-below-target": {
        "en": "`stretch` ({stretch}) is below the target ({value}); a stretch goal lies beyond it",
        "vi": "`stretch` ({stretch}) thấp hơn mục tiêu ({value}); mức phấn đấu phải cao hơn mục tiêu",
    },
    "problem.schema.done-false": {
        "en": "a milestone target is `done: true`; `done: false` sets no target",
        "vi": "mục tiêu dạng hoàn thành ghi là `done: true`; `done: false` không đặt mục tiêu nào",
    },
    "problem.schema.control-character": {
        "en": "the text holds the control character U+{code}; remove it",
        "vi": "văn bản chứa ký tự điều khiển U+{code}; hãy xóa ký tự này",
    },
    "problem.schema.blank-text": {
        "en": "the text holds nothing visible (only spaces or invisible characters); write it out",
        "vi": "văn bản không có ký tự nhìn thấy được (chỉ có dấu cách hoặc ký tự ẩn); hãy viết nội dung",
    },
    "problem.schema.no-indicators": {
        "en": "the file sets no target: every pillar is empty",
        "vi": "tệp không đặt mục tiêu nào: mọi trụ cột đều trống",
    },
    "problem.duplicate-indicator": {
        "en": "indicator id '{id}' is already used by {first}; give each indicator its own id",
        "vi": "mã chỉ tiêu '{id}' đã dùng ở {first}; mỗi chỉ tiêu cần mã riêng",
    },
    "problem.unit-comparator.done": {
        "en": "`done` goes with unit milestone, not {unit}",
        "vi": "`done` chỉ dùng với đơn vị milestone, không dùng với {unit}",
    },
    "problem.unit-comparator": {
        "en": "unit {unit} takes {need}, not `{comparator}`",
        "vi": "đơn vị {unit} dùng {need}, không dùng `{comparator}`",
    },
    "problem.out-of-range.target": {
        "en": "{value} is outside the range of unit {unit} ({span})",
        "vi": "{value} nằm ngoài khoảng của đơn vị {unit} ({span})",
    },
    # the shared indicators' own names, for compare's rows (each set words its own differently)
    "indicator.dx_rank": {
        "en": "National rank in digital transformation",
        "vi": "Thứ hạng cả nước về chuyển đổi số",
    },
    "indicator.online_services_level4": {
        "en": "Eligible administrative procedures offered online at level 4",
        "vi": "Thủ tục hành chính đủ điều kiện được cung cấp trực tuyến mức độ 4",
    },
    "indicator.records_online_city": {
        "en": "City- or province-level work records processed online",
        "vi": "Hồ sơ công việc cấp thành phố, cấp tỉnh được xử lý trên môi trường mạng",
    },
    "indicator.records_online_district": {
        "en": "District-level work records processed online",
        "vi": "Hồ sơ công việc cấp huyện được xử lý trên môi trường mạng",
    },
    "indicator.records_online_commune": {
        "en": "Commune-level work records processed online",
        "vi": "Hồ sơ công việc cấp xã được xử lý trên môi trường mạng",
    },
    "indicator.inspections_online": {
        "en": "Inspections carried out through the digital environment",
        "vi": "Hoạt động kiểm tra được thực hiện thông qua môi trường số",
    },
    "indicator.reporting_online": {
        "en": "Reporting on the reporting information system",
        "vi": "Chế độ báo cáo được thực hiện trên hệ thống thông tin báo cáo",
    },
    "indicator.digital_economy_grdp_share": {
        "en": "Digital economy share of GRDP (of GDP for the country)",
        "vi": "Tỷ trọng kinh tế số trong GRDP (cả nước: trong GDP)",
    },
    "indicator.labour_productivity_growth": {
        "en": "Labour productivity growth per year",
        "vi": "Tốc độ tăng năng suất lao động hằng năm",
    },
    "indicator.broadband_household_coverage": {
        "en": "Households covered by (fibre) broadband",
        "vi": "Hộ gia đình được phủ hạ tầng băng thông rộng (cáp quang)",
    },
    "indicator.broadband_commune_coverage": {
        "en": "Communes, wards and towns covered by broadband",
        "vi": "Xã, phường, thị trấn được phủ hạ tầng băng thông rộng",
    },
    "indicator.epayment_account_share": {
        "en": "Population with an electronic payment account",
        "vi": "Tỷ lệ dân số có tài khoản thanh toán điện tử",
    },
    "problem.canonical-unit": {
        "en": "'{id}' is a shared indicator id, measured in {canonical} in every target set, not"
        " {unit}; give this indicator an id of its own",
        "vi": "'{id}' là mã chỉ tiêu dùng chung, có đơn vị {canonical} trong mọi bộ chỉ tiêu, không phải {unit}; hãy đặt mã riêng cho chỉ tiêu này",
    },
    "problem.unreachable": {
        "en": "`{comparator}: {value}` can never be met (values of unit {unit}: {span})",
        "vi": "mục tiêu `{comparator}: {value}` không thể đạt được (phạm vi giá trị của đơn vị {unit}: {span})",
    },
    "problem.rank-whole": {
        "en": "a rank is a whole number, not {value}",
        "vi": "thứ hạng phải là số nguyên, không phải {value}",
    },
    "problem.duplicate-target-set": {
        "en": "target set id '{id}' is already used by {first}; ids must be unique among loaded files",
        "vi": "mã bộ chỉ tiêu '{id}' đã dùng ở {first}; mã phải khác nhau giữa các tệp đã nạp",
    },
    "problem.ambiguous-city": {
        "en": "'{city}' names several loaded target sets ({sets}); write the id of the one meant",
        "vi": "'{city}' là tên của nhiều bộ chỉ tiêu đã nạp ({sets}); hãy ghi mã của bộ chỉ tiêu cần dùng",
    },
    "problem.unknown-target-set": {
        "en": "no target set with this id or name; loaded: {known}",
        "vi": "không có bộ chỉ tiêu mang mã hoặc tên này; đã nạp: {known}",
    },
    "problem.unknown-target-set.close": {
        "en": "no target set with this id or name; did you mean '{close}'? loaded: {known}",
        "vi": "không có bộ chỉ tiêu mang mã hoặc tên này; có phải là '{close}' không? Đã nạp: {known}",
    },
    "problem.unknown-city": {
        "en": "unknown city '{city}'; loaded target sets: {known}",
        "vi": "không nhận ra thành phố '{city}'; các bộ chỉ tiêu đã nạp: {known}",
    },
    "problem.unknown-city.close": {
        "en": "unknown city '{city}'; did you mean '{close}'? loaded target sets: {known}",
        "vi": "không nhận ra thành phố '{city}'; có phải là '{close}' không? Các bộ chỉ tiêu đã nạp: {known}",
    },
    "problem.unknown-city.empty": {
        "en": "the city is empty; write it on every row (a cell merged in Excel is empty below"
        " its first row: unmerge it and fill each row)",
        "vi": "ô thành phố để trống; hãy ghi thành phố ở mọi dòng (ô gộp trong Excel để trống từ"
        " dòng thứ hai: hãy bỏ gộp ô và điền từng dòng)",
    },
    "problem.unknown-indicator": {
        "en": "unknown indicator '{indicator}' for {city}; `dxscore targets {city}` lists them",
        "vi": "bộ chỉ tiêu {city} không có chỉ tiêu '{indicator}'; xem danh sách bằng `dxscore targets {city}`",
    },
    "problem.unknown-indicator.close": {
        "en": "unknown indicator '{indicator}' for {city}; did you mean '{close}'? `dxscore targets {city}` lists them",
        "vi": "bộ chỉ tiêu {city} không có chỉ tiêu '{indicator}'; có phải là '{close}' không? Xem danh sách bằng `dxscore targets {city}`",
    },
    "problem.unknown-indicator.names": {
        "en": "'{indicator}' is close to the names of several indicators of {city} ({candidates}); write the id of the one meant in this column",
        "vi": "'{indicator}' gần với tên của nhiều chỉ tiêu thuộc bộ {city} ({candidates}); hãy ghi mã của chỉ tiêu cần báo cáo vào cột này",
    },
    "problem.unknown-indicator.empty": {
        "en": "the indicator is empty",
        "vi": "ô chỉ tiêu để trống",
    },
    "problem.unknown-encoding": {
        "en": "unknown text encoding '{encoding}' (try utf-8, utf-16, cp1258)",
        "vi": "không nhận ra bảng mã '{encoding}' (thử utf-8, utf-16, cp1258)",
    },
    "problem.not-decodable": {
        "en": "byte 0x{byte} cannot be read as {encoding}; save it as UTF-8 (in Excel: CSV UTF-8), or name its encoding with --encoding (for example cp1258 or utf-16)",
        "vi": "byte 0x{byte} không đọc được theo {encoding}; hãy lưu tệp dạng UTF-8 (trong Excel: CSV UTF-8), hoặc nêu bảng mã bằng --encoding (ví dụ cp1258 hay utf-16)",
    },
    "problem.not-decodable.file": {
        "en": "the input cannot be read as {encoding}; save it as UTF-8 (in Excel: CSV UTF-8), or name its encoding with --encoding (for example cp1258 or utf-16)",
        "vi": "không đọc được dữ liệu theo {encoding}; hãy lưu tệp dạng UTF-8 (trong Excel: CSV UTF-8), hoặc nêu bảng mã bằng --encoding (ví dụ cp1258 hay utf-16)",
    },
    "problem.not-decodable.utf16": {
        "en": "the file holds NUL bytes from its start: it looks like UTF-16 saved without a byte-order mark; save it as UTF-8 (in Excel: CSV UTF-8), or pass --encoding {encoding}",
        "vi": "tệp chứa byte NUL ngay từ đầu: có vẻ là UTF-16 được lưu không có dấu thứ tự byte (BOM); hãy lưu tệp dạng UTF-8 (trong Excel: CSV UTF-8), hoặc dùng --encoding {encoding}",
    },
    "problem.not-decodable.utf32": {
        "en": "the file holds three NUL bytes in four from its start: it looks like UTF-32 saved without a byte-order mark; save it as UTF-8 (in Excel: CSV UTF-8), or pass --encoding {encoding}",
        "vi": "tệp có ba byte NUL trong mỗi bốn byte ngay từ đầu: có vẻ là UTF-32 được lưu không có dấu thứ tự byte (BOM); hãy lưu tệp dạng UTF-8 (trong Excel: CSV UTF-8), hoặc dùng --encoding {encoding}",
    },
    "problem.csv-syntax.unclosed": {
        "en": 'a quoted cell is never closed: a " opens here and no " ends it before the end of the file',
        "vi": 'một ô mở dấu " ở đây nhưng không có dấu " đóng trước cuối tệp',
    },
    "problem.csv-syntax.too-large": {
        "en": "a cell is larger than the CSV reader's limit; is a quote left open?",
        "vi": "một ô lớn quá giới hạn đọc CSV; có dấu ngoặc kép nào chưa đóng?",
    },
    "problem.option-unused.explain": {
        "en": "a {format} report has no audit trail; --explain is for markdown, HTML and JSON (-o FILE.md, .html or .json), and `dxscore check --explain` prints it",
        "vi": "báo cáo {format} không có phần giải trình; --explain dành cho báo cáo markdown, HTML và JSON (-o TỆP.md, .html hoặc .json), và `dxscore check --explain` in ra phần này",
    },
    "problem.option-unused": {
        "en": "there is no actuals file for this option to apply to",
        "vi": "không có tệp số liệu nào để áp dụng tùy chọn này",
    },
    "problem.option-unused.sheet": {
        "en": "no input is an .xlsx workbook, so there is no sheet '{sheet}' to choose; --sheet is for workbooks",
        "vi": "không có tệp đầu vào nào là tệp Excel .xlsx, nên không có trang tính '{sheet}' để chọn; --sheet chỉ dùng cho tệp Excel",
    },
    "problem.option-unused.encoding": {
        "en": "every input is an .xlsx workbook, which carries its own encoding; --encoding {encoding} is for CSV files",
        "vi": "mọi tệp đầu vào đều là tệp Excel .xlsx, vốn tự mang bảng mã; --encoding {encoding} chỉ dùng cho tệp CSV",
    },
    "problem.template-not-csv": {
        "en": "the template is a CSV file (Excel opens it); name it .csv rather than '{path}'",
        "vi": "mẫu là tệp CSV (Excel mở được); hãy đặt tên .csv thay vì '{path}'",
    },
    "problem.nothing-reported": {
        "en": "no value is reported ({rows} row(s) read, {empty} value(s) left empty): there is nothing to score; fill in the values, or check --city",
        "vi": "chưa có giá trị nào được báo cáo (đã đọc {rows} dòng, {empty} giá trị để trống): không có gì để chấm điểm; hãy điền số liệu, hoặc kiểm tra --city",
    },
    "problem.control-character": {
        "en": "the cell holds the control character U+{code}; remove it (it would travel into the reports)",
        "vi": "ô chứa ký tự điều khiển U+{code}; hãy xóa ký tự này (nếu không, ký tự này sẽ xuất hiện trong báo cáo)",
    },
    "problem.invisible-character": {
        "en": "the name holds the invisible character U+{code} (a zero-width space, a direction mark"
        " or a byte-order mark, often pasted from a web page); remove it: the name would look like"
        " another and be scored apart from it",
        "vi": "tên chứa ký tự ẩn U+{code} (khoảng trắng độ rộng 0, dấu định hướng văn bản hoặc dấu BOM,"
        " thường bị dán vào từ trang web); hãy xóa ký tự này: nếu không, tên trông giống một tên khác"
        " nhưng được tính riêng",
    },
    "problem.csv-syntax.nul": {
        "en": "the line holds a NUL byte; is this a CSV file?",
        "vi": "dòng chứa byte NUL; đây có phải tệp CSV?",
    },
    "problem.csv-syntax": {
        "en": "the CSV cannot be read from here on ({detail}); check the quotes of this row",
        "vi": "không đọc được CSV từ đây ({detail}); hãy kiểm tra dấu ngoặc kép của dòng này",
    },
    "problem.csv-syntax.after-quote": {
        "en": 'a closing quote must be followed by the delimiter {delimiter} or the end of the line; check the quotes of this row (a quote inside a value is written twice: "")',
        "vi": 'sau dấu ngoặc kép đóng phải là dấu phân cách {delimiter} hoặc hết dòng; hãy kiểm tra dấu ngoặc kép của dòng này (dấu ngoặc kép trong giá trị được viết hai lần: "")',
    },
    "problem.csv-syntax.after-quote-tab": {
        "en": 'a closing quote must be followed by a tab or the end of the line; check the quotes of this row (a quote inside a value is written twice: "")',
        "vi": 'sau dấu ngoặc kép đóng phải là dấu tab hoặc hết dòng; hãy kiểm tra dấu ngoặc kép của dòng này (dấu ngoặc kép trong giá trị được viết hai lần: "")',
    },
    "problem.too-many-problems": {
        "en": "stopped after {count} problems; fix these first",
        "vi": "dừng sau {count} lỗi; hãy sửa các lỗi này trước",
    },
    "problem.empty-file": {
        "en": "the file is empty; see `dxscore template` for the format",
        "vi": "tệp rỗng; xem định dạng bằng `dxscore template`",
    },
    "problem.empty-file.first-line": {
        "en": "the first line is empty; it must hold the column names",
        "vi": "dòng đầu để trống; dòng đầu phải ghi tên các cột",
    },
    "problem.empty-file.no-rows": {
        "en": "the file has a header but no rows",
        "vi": "tệp có dòng tiêu đề nhưng không có dòng số liệu nào",
    },
    "problem.ragged-row": {
        "en": "the row has {cells} cells but the header has {columns} columns; check for a stray delimiter or a decimal comma in an unquoted cell",
        "vi": "dòng có {cells} ô nhưng tiêu đề có {columns} cột; kiểm tra dấu phân cách thừa hoặc dấu phẩy thập phân trong ô không có ngoặc kép",
    },
    "problem.bad-year.column": {
        "en": "column year {year} is not between {low} and {high}",
        "vi": "năm {year} ở tiêu đề cột không nằm trong khoảng {low}–{high}",
    },
    "problem.area-total": {
        "en": "'{area}' labels a total, not a district or commune: it would be ranked as one; delete the row (a city-wide value goes in a row with the area left empty)",
        "vi": "'{area}' là dòng tổng, không phải quận, huyện, phường, xã: dòng này sẽ bị xếp hạng như một địa bàn; hãy xóa dòng (số liệu toàn thành phố ghi ở dòng để trống địa bàn)",
    },
    "problem.bad-year.date": {
        "en": "'{year}' is a date, not a year (a year typed into a cell formatted as a date: format the cells as Number and type the year again)",
        "vi": "'{year}' là ngày tháng, không phải năm (năm được nhập vào ô định dạng ngày: hãy định dạng ô là Number rồi nhập lại năm)",
    },
    "problem.bad-year.heading": {
        "en": "this heading holds the year {year} but is not a year heading, so the values under it cannot be read; if they are reported values, head it {year} alone (an estimate is headed '{year} (ước)' or '{year} (est.)'); if they are something else, delete the column",
        "vi": "tiêu đề này có năm {year} nhưng không phải tiêu đề năm, nên không đọc được số liệu trong cột; nếu đó là số liệu thực hiện, hãy chỉ ghi {year} (số ước tính thì ghi tiêu đề '{year} (ước)'); nếu là nội dung khác, hãy xóa cột này",
    },
    "problem.bad-year.inside": {
        "en": "year '{year}' is not a year written alone; write {found}",
        "vi": "'{year}' có thêm ký tự ngoài số năm; hãy chỉ ghi {found}",
    },
    "problem.bad-year": {
        "en": "year '{year}' is not a year between {low} and {high}",
        "vi": "'{year}' không phải năm trong khoảng {low}–{high}",
    },
    "problem.duplicate-column.year": {
        "en": "year {year} heads two columns; keep one",
        "vi": "năm {year} là tiêu đề của hai cột; chỉ giữ một cột",
    },
    "problem.duplicate-column.area": {
        "en": "two columns name an area ({first} and {second}); give each area in one column,"
        " with its district where communes share a name ('Sóc Sơn / Phù Linh')",
        "vi": "hai cột cùng ghi địa bàn ({first} và {second}); hãy ghi địa bàn trong một cột duy nhất,"
        " kèm tên huyện nếu các xã trùng tên ('Sóc Sơn / Phù Linh')",
    },
    "problem.duplicate-column": {
        "en": "two columns mean '{role}' ({first} and {second}); keep one",
        "vi": "hai cột cùng nghĩa '{role}' ({first} và {second}); chỉ giữ một",
    },
    "problem.mixed-layout": {
        "en": "the header mixes a wide layout (years as columns) with year/value columns; use one layout",
        "vi": "tiêu đề trộn dạng ngang (năm làm cột) với cột year/value; chỉ dùng một dạng",
    },
    "problem.missing-column": {
        "en": "missing column(s): {columns}; the headings found are {found}. Head the column(s) so: {accepted_en} (or, for a wide layout, head columns with years)",
        "vi": "thiếu cột: {columns}; các tiêu đề cột tìm thấy: {found}. Hãy đặt tiêu đề cột như sau: {accepted_vi} (hoặc, với dạng ngang, lấy các năm làm tiêu đề cột)",
    },
    "problem.missing-column.city": {
        "en": "missing column(s): {columns} (several target sets are loaded: {known}; add a city"
        " column, or name the city with --city in check, report or validate); the headings found"
        " are {found}. Head the column(s) so: {accepted_en}",
        "vi": "thiếu cột: {columns} (đang nạp nhiều bộ chỉ tiêu: {known}; hãy thêm cột thành phố,"
        " hoặc nêu thành phố bằng --city khi dùng check, report hay validate); các tiêu đề cột"
        " tìm thấy: {found}. Hãy đặt tiêu đề cột như sau: {accepted_vi}",
    },
    "problem.duplicate-row": {
        "en": "a second row for {indicator} in {year} ({city}, city-wide); the first is at {first}. Keep one row",
        "vi": "{indicator} năm {year} ({city}, toàn thành phố) đã có dòng ở {first}; chỉ giữ một dòng",
    },
    "problem.duplicate-row.area": {
        "en": "a second row for {indicator} in {year} ({city}, area {area}); the first is at {first}. Keep one row",
        "vi": "{indicator} năm {year} ({city}, địa bàn {area}) đã có dòng ở {first}; chỉ giữ một dòng",
    },
    "problem.bad-milestone": {
        "en": "'{value}' is not a milestone value for {indicator}; write done/yes/1/đạt/hoàn thành or no/0/chưa đạt",
        "vi": "'{value}' không phải giá trị hợp lệ cho chỉ tiêu dạng hoàn thành {indicator}; ghi done/yes/1/đạt/hoàn thành hoặc no/0/chưa đạt",
    },
    "problem.not-a-number": {"en": "'{value}' is not a number", "vi": "'{value}' không phải là số"},
    "problem.not-a-number.dash": {
        "en": "'{value}' is not a number; leave the cell empty when the value is not reported",
        "vi": "'{value}' không phải là số; để trống ô nếu chưa có số liệu",
    },
    "problem.not-a-number.estimate": {
        "en": "'{value}' marks an estimate in the value cell; write {number} here and mark the"
        " row in the estimate column (ước)",
        "vi": "'{value}' ghi dấu ước tính ngay trong ô giá trị; hãy ghi {number} ở đây và đánh"
        " dấu dòng này ở cột ước tính (ước)",
    },
    "problem.not-a-number.words": {
        "en": "'{value}' has words after the number; write {number} here and the words in the"
        " note column",
        "vi": "'{value}' có chữ sau con số; hãy ghi {number} ở đây và ghi phần chữ vào cột ghi chú",
    },
    "problem.not-a-number.minus": {
        "en": "'{value}' starts with {sign}, a typeset minus or dash; write the minus as '-' (a hyphen)",
        "vi": "'{value}' bắt đầu bằng {sign}, dấu trừ hoặc gạch ngang kiểu chữ in; hãy ghi dấu trừ là '-' (gạch nối)",
    },
    "problem.not-a-number.digits": {
        "en": "'{value}' has digits other than 0–9 (full-width, or another script's); write them as 0–9",
        "vi": "'{value}' có chữ số không phải 0–9 (chữ số toàn độ rộng hoặc của hệ chữ khác); hãy ghi bằng 0–9",
    },
    "problem.not-a-number.percent-sign": {
        "en": "'{value}' has a % sign, but this indicator is not a percentage",
        "vi": "'{value}' có dấu %, nhưng chỉ tiêu này không tính theo phần trăm",
    },
    "problem.not-a-number.thousands": {
        "en": "'{value}' is ambiguous: thousands separators are not read; write the number without them (55.5 or 55,5)",
        "vi": "'{value}' không rõ nghĩa: dấu phân cách hàng nghìn không được đọc; hãy bỏ dấu phân cách hàng nghìn (ví dụ 55.5 hoặc 55,5)",
    },
    "problem.not-a-number.comma": {
        "en": "'{value}' is ambiguous: it could be {whole}{fraction} or {whole}.{fraction}; write it without the comma or with a dot",
        "vi": "'{value}' không rõ nghĩa: có thể là số nguyên {whole}{fraction} (dấu phẩy phân cách hàng nghìn) hoặc số thập phân {whole},{fraction}; hãy bỏ dấu phẩy nếu là số nguyên, hoặc dùng dấu chấm thập phân ({whole}.{fraction})",
    },
    "problem.not-a-number.date": {
        "en": "'{value}' is a date, not a number (Excel turns some entries into dates: format"
        " the cells as Number and type the value again)",
        "vi": "'{value}' là ngày tháng, không phải số (Excel tự đổi một số giá trị thành ngày:"
        " hãy định dạng ô là Number rồi nhập lại giá trị)",
    },
    "problem.not-a-number.nan": {
        "en": "'{value}' is not a value; NaN and infinity are refused (leave the cell empty when not reported)",
        "vi": "'{value}' không phải giá trị; không nhận NaN và vô cực (để trống ô nếu chưa báo cáo)",
    },
    "problem.not-a-number.too-large": {
        "en": "'{value}' is too large; values go up to a trillion (10¹²) either way",
        "vi": "'{value}' quá lớn; giá trị tuyệt đối tối đa là một nghìn tỷ (10¹²)",
    },
    "problem.not-a-number.rank": {
        "en": "'{value}' is not a rank; a rank is a whole number (1, 2, 3 …)",
        "vi": "'{value}' không phải thứ hạng; thứ hạng là số nguyên (1, 2, 3 …)",
    },
    "problem.no-data-as-of": {
        "en": "no value is reported up to {year}; the earliest is from {earliest}",
        "vi": "không có giá trị nào được báo cáo đến năm {year}; sớm nhất là năm {earliest}",
    },
    "problem.out-of-range": {
        "en": "{value} is outside the range of {indicator} (unit {unit}: {span})",
        "vi": "{value} nằm ngoài khoảng của {indicator} (đơn vị {unit}: {span})",
    },
    "problem.compare-areas-only": {
        "en": "every value is a district's or a commune's; compare sets cities side by side on their city-wide values (`dxscore check` scores the areas)",
        "vi": "mọi giá trị đều thuộc quận, huyện, phường, xã; lệnh compare so sánh các thành phố theo số liệu toàn thành phố (dùng `dxscore check` để chấm điểm từng địa bàn)",
    },
    "problem.explain-league": {
        "en": "the areas of {sets} are shown as league rows, which have no verdicts to explain; add --area NAME for an area's full report and its audit trail, or use --format json",
        "vi": "các địa bàn của {sets} được hiển thị thành bảng xếp hạng, không có kết luận nào để giải thích; thêm --area TÊN để xem báo cáo đầy đủ của một địa bàn kèm giải thích, hoặc dùng --format json",
    },
    "problem.not-a-mapping": {
        "en": "a row given in Python must be a mapping of column to value, such as {{'indicator': 'dx_rank', 'year': 2024, 'value': 6}}",
        "vi": "mỗi dòng truyền vào từ Python phải là một ánh xạ từ tên cột tới giá trị, ví dụ {{'indicator': 'dx_rank', 'year': 2024, 'value': 6}}",
    },
    "problem.unknown-format.compare": {
        "en": "compare writes markdown (.md), JSON (.json) or HTML (.html); name the file so, or choose with --format",
        "vi": "lệnh compare ghi ra markdown (.md), JSON (.json) hoặc HTML (.html); hãy đặt tên tệp theo đuôi đó, hoặc chọn bằng --format",
    },
    "problem.unknown-pillar": {
        "en": "no pillar is called '{pillar}'; the pillars are {pillars}",
        "vi": "không có trụ cột nào tên '{pillar}'; các trụ cột là {pillars}",
    },
    "problem.unknown-year": {
        "en": "{year} is not a target year (target years: {years})",
        "vi": "{year} không phải năm mục tiêu (các năm mục tiêu: {years})",
    },
    "problem.nothing-to-score": {
        "en": "no target matches {filters}; nothing would be scored",
        "vi": "không có mục tiêu nào thỏa mãn {filters}; không có gì để chấm điểm",
    },
    "problem.header-ambiguous": {
        "en": "lines {header} and {others} each look like the table's header, so which one heads it"
        " is not guessed; delete the lines above the real header (a title, a note), then run again",
        "vi": "dòng {header} và dòng {others} đều giống dòng tiêu đề của bảng, nên không đoán dòng"
        " nào là tiêu đề; hãy xóa các dòng phía trên dòng tiêu đề thật (tên báo cáo, ghi chú) rồi"
        " chạy lại",
    },
    "problem.estimate-column-wide": {
        "en": "an estimate column cannot say which year of a wide row is estimated; mark the year"
        " in its heading instead ('2025 (ước)' or '2025 (est.)') and delete this column",
        "vi": "trong bảng dạng ngang, cột ước tính không cho biết năm nào là số ước; hãy ghi vào"
        " tiêu đề của năm đó ('2025 (ước)') và xóa cột này",
    },
    "problem.bad-estimate": {
        "en": "'{value}' does not say whether the value is an estimate; write ước (or yes, x, 1) for"
        " an estimate, and leave the cell empty (or write no, 0) for a measured value",
        "vi": "'{value}' không cho biết giá trị có phải số ước tính hay không; ghi ước (hoặc có, x,"
        " 1) nếu là số ước tính, để trống ô (hoặc ghi không, 0) nếu là số liệu chính thức",
    },
    "problem.future-year": {
        "en": "{year} is after the current year ({now}): a measured value of {indicator} cannot"
        " be dated in the future; write the year it was measured in (a target for {year}"
        " belongs in the target file, not in the actuals)",
        "vi": "năm {year} ở sau năm hiện tại ({now}): số liệu thực hiện của {indicator} không thể"
        " ghi năm trong tương lai; hãy ghi năm đo được số liệu (mục tiêu của năm {year} thuộc tệp"
        " chỉ tiêu, không thuộc tệp số liệu thực hiện)",
    },
    "problem.nothing-to-check": {
        "en": "no value is reported for the targets under {filters}; nothing would be checked."
        " Fill in their values, or change the filter",
        "vi": "không có số liệu nào cho các mục tiêu thuộc {filters}; không có gì để kiểm tra."
        " Hãy điền số liệu, hoặc đổi bộ lọc",
    },
    "problem.unknown-area.none": {
        "en": "the actuals have no values by area; leave out --area to score the city as a whole",
        "vi": "tệp số liệu không có số liệu theo địa bàn; bỏ --area để chấm điểm toàn thành phố",
    },
    "problem.unknown-area": {
        "en": "area '{area}' has no reported values (areas: {areas})",
        "vi": "địa bàn '{area}' không có số liệu (các địa bàn: {areas})",
    },
    "problem.unknown-area.many": {
        "en": "area '{area}' has no reported values (areas: {areas} and {more} more)",
        "vi": "địa bàn '{area}' không có số liệu (các địa bàn: {areas} và {more} địa bàn khác)",
    },
    "problem.unknown-area.close": {
        "en": "area '{area}' has no reported values; did you mean '{close}'?",
        "vi": "địa bàn '{area}' không có số liệu; có phải là '{close}' không?",
    },
    "problem.unknown-format": {
        "en": "cannot tell the format from this extension; use .md (markdown), .html, .json, .csv or .xlsx (an Excel workbook), or --format",
        "vi": "không nhận ra định dạng từ đuôi tệp; dùng .md (markdown), .html, .json, .csv hoặc .xlsx (bảng tính Excel), hoặc --format",
    },
    "problem.output-is-input": {
        "en": "refusing to write over an input file; choose another output name",
        "vi": "không ghi đè lên tệp đầu vào; hãy chọn tên tệp khác",
    },
    "problem.output-is-folder": {
        "en": "this is a folder; give a file name",
        "vi": "đây là thư mục; hãy nêu tên tệp",
    },
    "problem.output-not-a-file": {
        "en": "this is not a regular file (a device or a pipe); use -o - for standard output",
        "vi": "đây không phải tệp thường (thiết bị hay ống dẫn); dùng -o - để ghi ra đầu ra chuẩn",
    },
    "problem.output-exists": {
        "en": "the file exists; choose another name or pass --force",
        "vi": "tệp đã tồn tại; hãy chọn tên khác hoặc dùng --force",
    },
    "problem.output-not-a-report": {
        "en": "the file exists and is not a dxscore report, so it is kept; choose another name,"
        " or pass --force to replace it",
        "vi": "tệp đã tồn tại và không phải báo cáo của dxscore nên được giữ nguyên; hãy chọn"
        " tên khác, hoặc dùng --force để ghi đè",
    },
    "problem.output-folder-is-file": {
        "en": "{folder} is a file, not a folder; give a path in a folder",
        "vi": "{folder} là một tệp, không phải thư mục; hãy nêu đường dẫn trong một thư mục",
    },
    "problem.output-folder-missing": {
        "en": "the folder {folder} does not exist; create it first",
        "vi": "thư mục {folder} chưa có; hãy tạo trước",
    },
    "problem.output-failed": {
        "en": "cannot write the output: {reason}",
        "vi": "không ghi được kết quả: {reason}",
    },
    "problem.output-unwritable": {
        "en": "cannot write here: {reason}",
        "vi": "không ghi được vào đây: {reason}",
    },
    "problem.not-a-workbook": {
        "en": "cannot read this as an .xlsx workbook ({reason}); save it from Excel as .xlsx, or as CSV UTF-8",
        "vi": "không đọc được tệp .xlsx này ({reason}); hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.spreadsheet-not-text": {
        "en": "this is a spreadsheet file (such as .xls or .ods), not CSV text; dxscore reads CSV files and .xlsx workbooks named .xlsx: save it from Excel or LibreOffice as .xlsx, or as CSV UTF-8",
        "vi": "đây là tệp bảng tính (như .xls hoặc .ods), không phải văn bản CSV; dxscore đọc tệp CSV và tệp Excel có đuôi .xlsx: hãy lưu lại từ Excel hoặc LibreOffice dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.not-a-worksheet": {
        "en": "the sheet '{sheet}' holds a chart, not cells; name a worksheet with --sheet",
        "vi": "trang tính '{sheet}' là biểu đồ, không phải bảng ô; hãy chọn trang tính khác bằng --sheet",
    },
    "problem.area-spelling": {
        "en": "area '{area}' is written '{first}' on line {first_line}: the same area, in another case,"
        " spacing or place of the tone mark (Thủy, Thuỷ); write it one way",
        "vi": "địa bàn '{area}' đã được ghi là '{first}' ở dòng {first_line}: cùng một địa bàn nhưng khác"
        " chữ hoa/thường, dấu cách hoặc vị trí dấu thanh (Thủy, Thuỷ); hãy ghi thống nhất một cách",
    },
    "problem.area-spelling.file": {
        "en": "area '{area}' is written '{first}' in {where}: the same area, in another case,"
        " spacing or place of the tone mark (Thủy, Thuỷ); write it one way",
        "vi": "địa bàn '{area}' đã được ghi là '{first}' ở {where}: cùng một địa bàn nhưng khác"
        " chữ hoa/thường, dấu cách hoặc vị trí dấu thanh (Thủy, Thuỷ); hãy ghi thống nhất một cách",
    },
    "problem.encoding-but-utf8": {
        "en": "the file is UTF-8 (as Excel's 'CSV UTF-8' is), which --encoding {encoding} would"
        " garble; check it without --encoding (files in different encodings: one run each)",
        "vi": "tệp dùng bảng mã UTF-8 (như 'CSV UTF-8' của Excel) nên --encoding {encoding} sẽ làm lỗi chữ; hãy kiểm tra tệp này mà không dùng --encoding (các tệp dùng bảng mã khác nhau: chạy riêng từng tệp)",
    },
    "problem.merged-cells": {
        "en": "cells {range} are merged: only the first holds a value, the others read empty;"
        " unmerge them and fill each cell (Excel: Merge & Center › Unmerge Cells)",
        "vi": "các ô {range} được gộp: chỉ ô đầu có giá trị, các ô còn lại để trống; hãy bỏ gộp"
        " ô và điền từng ô (Excel: Merge & Center › Unmerge Cells)",
    },
    "problem.formula-without-value": {
        "en": "the cell holds the formula {formula} but no computed value (the file was not saved by Excel); open and save it in Excel, or write the value",
        "vi": "ô có công thức {formula} nhưng không có giá trị đã tính (tệp không được lưu bằng Excel); hãy mở và lưu lại bằng Excel, hoặc ghi giá trị",
    },
    "problem.unknown-sheet": {
        "en": "the workbook has no sheet '{sheet}'; its sheets: {sheets}",
        "vi": "tệp Excel không có trang tính '{sheet}'; các trang tính: {sheets}",
    },
    # issue 23, hostile input round two: workbooks read part by part, and target files' names
    "problem.not-a-workbook.not-zip": {
        "en": "this is not an .xlsx workbook: an .xlsx file is a zip archive and this one is not; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "đây không phải tệp Excel .xlsx: tệp .xlsx là một tệp nén zip, còn tệp này thì không; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.not-a-workbook.ole2": {
        "en": "this is an old .xls workbook, or an .xlsx saved with a password (both are stored another way); save it from Excel as .xlsx without a password, or as CSV UTF-8",
        "vi": "đây là tệp Excel cũ dạng .xls, hoặc tệp .xlsx có đặt mật khẩu (cả hai được lưu theo cách khác); hãy lưu lại từ Excel dạng .xlsx không đặt mật khẩu, hoặc CSV UTF-8",
    },
    "problem.not-a-workbook.damaged-zip": {
        "en": "the workbook's zip structure is damaged; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "cấu trúc nén zip của tệp Excel bị hỏng; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.not-a-workbook.encrypted": {
        "en": "the workbook's parts are encrypted; save it from Excel without a password, or as CSV UTF-8",
        "vi": "các phần của tệp Excel bị mã hóa; hãy lưu lại từ Excel không đặt mật khẩu, hoặc CSV UTF-8",
    },
    "problem.not-a-workbook.compression": {
        "en": "the workbook's part {part} is compressed in a way Excel never uses; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "phần {part} của tệp Excel được nén theo cách Excel không bao giờ dùng; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.not-a-workbook.part-missing": {
        "en": "the workbook lacks its part {part}, which every .xlsx file holds; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "tệp Excel thiếu phần {part}, phần mà mọi tệp .xlsx đều có; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.not-a-workbook.damaged-part": {
        "en": "the workbook's part {part} is damaged (cut short, or its checksum does not match); save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "phần {part} của tệp Excel bị hỏng (bị cắt cụt, hoặc mã kiểm tra không khớp); hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.not-a-workbook.xml": {
        "en": "the workbook's part {part} is not well-formed XML (at line {line}, column {col} of that part); the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "phần {part} của tệp Excel không phải XML hợp lệ (tại dòng {line}, cột {col} của phần đó); tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.not-a-workbook.doctype": {
        "en": "the workbook's part {part} declares a document type (DOCTYPE), which Excel never writes and which can make a small file expand to gigabytes; it is not read: save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "phần {part} của tệp Excel khai báo kiểu tài liệu (DOCTYPE), điều Excel không bao giờ ghi và có thể khiến một tệp nhỏ phình ra hàng gigabyte; phần này không được đọc: hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.workbook-too-large": {
        "en": "the file is larger than {limit} MiB, dxscore's limit for a workbook; save large data as CSV UTF-8",
        "vi": "tệp lớn hơn {limit} MiB, giới hạn của dxscore cho một tệp Excel; hãy lưu dữ liệu lớn dạng CSV UTF-8",
    },
    "problem.workbook-too-many-parts": {
        "en": "the workbook has more than {limit} parts (an Excel workbook has a few dozen), dxscore's limit; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "tệp Excel có hơn {limit} phần (một tệp Excel thường chỉ có vài chục), vượt giới hạn của dxscore; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.workbook-part-too-large": {
        "en": "the workbook's part {part} unpacks to more than {limit} MiB, dxscore's limit for one part of a workbook (a sheet of about a million cells); save large data as CSV UTF-8",
        "vi": "phần {part} của tệp Excel khi giải nén lớn hơn {limit} MiB, giới hạn của dxscore cho một phần của tệp Excel (một trang tính khoảng một triệu ô); hãy lưu dữ liệu lớn dạng CSV UTF-8",
    },
    "problem.too-many-shared-strings": {
        "en": "the workbook holds more than {limit} distinct texts (shared strings), dxscore's limit; save large data as CSV UTF-8",
        "vi": "tệp Excel chứa hơn {limit} chuỗi văn bản khác nhau (shared strings), vượt giới hạn của dxscore; hãy lưu dữ liệu lớn dạng CSV UTF-8",
    },
    "problem.shared-strings-too-large": {
        "en": "the workbook's texts (shared strings) add up to more than {limit} characters, dxscore's limit; save large data as CSV UTF-8",
        "vi": "tổng độ dài các chuỗi văn bản (shared strings) của tệp Excel vượt {limit} ký tự, giới hạn của dxscore; hãy lưu dữ liệu lớn dạng CSV UTF-8",
    },
    "problem.shared-string-too-long": {
        "en": "the workbook's text number {index} (a shared string) is longer than {limit} characters, which no Excel cell can hold; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "chuỗi văn bản số {index} (shared string) của tệp Excel dài hơn {limit} ký tự, điều không ô Excel nào chứa được; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.no-sheets": {
        "en": "the workbook lists no sheet; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "tệp Excel không có trang tính nào; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.sheet-part-missing": {
        "en": "the workbook lists the sheet '{sheet}' but does not hold it, and no other sheet is read in its place; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "tệp Excel liệt kê trang tính '{sheet}' nhưng không chứa trang đó, và không trang nào khác được đọc thay; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-merged-range": {
        "en": "the sheet lists '{range}' as merged cells, which is no range of cells within Excel's limits; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "trang tính ghi '{range}' là vùng ô gộp, nhưng đó không phải vùng ô nào trong giới hạn của Excel; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.table-too-wide": {
        "en": "the table's header runs to column {column}, past dxscore's limit of {limit} columns (a table of every year from 1900 to 2100 needs about 200); remove what stands right of the table, or save it as CSV UTF-8",
        "vi": "dòng tiêu đề của bảng kéo dài tới cột {column}, vượt giới hạn {limit} cột của dxscore (một bảng ghi mọi năm từ 1900 đến 2100 chỉ cần khoảng 200 cột); hãy xóa phần nằm bên phải bảng, hoặc lưu dạng CSV UTF-8",
    },
    "problem.sheet-xml": {
        "en": "the sheet's XML is damaged in or after this row; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "XML của trang tính bị hỏng tại hoặc sau dòng này; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-row-number": {
        "en": "a row is numbered '{written}', which is no row number; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "một dòng được đánh số '{written}', không phải số dòng; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.row-past-limit": {
        "en": "row {row} is past Excel's last row, {limit}; the sheet is not read: the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "dòng {row} vượt quá dòng cuối cùng của Excel ({limit}); trang tính không được đọc: tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.row-out-of-order": {
        "en": "row {row} comes after row {previous}: a row given twice, or out of order, would overwrite or hide another; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "dòng {row} nằm sau dòng {previous}: một dòng ghi hai lần, hoặc sai thứ tự, sẽ ghi đè hoặc che mất dòng khác; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.row-out-of-order.repeated": {
        "en": "row {row} is given twice: the second would overwrite or hide the first; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "dòng {row} được ghi hai lần: lần sau sẽ ghi đè hoặc che mất lần trước; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-cell-reference": {
        "en": "a cell is named '{written}', which is no cell reference (such as B7); the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "một ô được đặt tên '{written}', không phải địa chỉ ô (như B7); tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.cell-in-another-row": {
        "en": "the cell {written} is written in row {row}; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "ô {written} lại được ghi trong dòng {row}; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.column-past-limit": {
        "en": "the cell {written} is past Excel's last column, XFD ({limit} columns); the sheet is not read: the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "ô {written} vượt quá cột cuối cùng của Excel, XFD ({limit} cột); trang tính không được đọc: tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.cell-repeated": {
        "en": "the cell {written} is given twice in this row: which value holds would be a guess; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "ô {written} được ghi hai lần trong dòng này: không thể biết giá trị nào đúng; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.cell-out-of-order": {
        "en": "the cell {written} comes after a cell to its right: it would be lost; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "ô {written} được ghi sau một ô nằm bên phải nó: ô này sẽ bị mất; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.cell-too-long": {
        "en": "the cell holds more than {limit} characters, which no Excel cell can; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "ô chứa hơn {limit} ký tự, điều không ô Excel nào chứa được; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-cell-style": {
        "en": "the cell's style number {style} is none of the workbook's {count} styles, so how its number reads (a percentage, a date) would be a guess; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "kiểu định dạng số {style} của ô không nằm trong {count} kiểu định dạng của tệp Excel, nên không thể biết số trong ô được hiểu thế nào (phần trăm hay ngày tháng); tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-cell-style.format": {
        "en": "the cell's number format is not defined in the workbook, so whether its number is a percentage or a date would be a guess; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "định dạng số của ô không được khai báo trong tệp Excel, nên không thể biết số trong ô là phần trăm hay ngày tháng; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-cell-type": {
        "en": "the cell's type '{kind}' is none that Excel writes; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "kiểu ô '{kind}' không phải kiểu nào Excel ghi; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-cell-value.number": {
        "en": "the cell is stored as a number but holds '{written}'; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "ô được lưu dạng số nhưng chứa '{written}'; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-cell-value.boolean": {
        "en": "the cell is stored as true/false but holds '{written}'; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "ô được lưu dạng đúng/sai nhưng chứa '{written}'; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-cell-value.date": {
        "en": "the cell is stored as a date but '{written}' is no date Excel can show; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "ô được lưu dạng ngày tháng nhưng '{written}' không phải ngày Excel hiển thị được; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-shared-string": {
        "en": "the cell points to text number {index} of the workbook's {count} texts (shared strings), which does not exist; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "ô trỏ tới chuỗi văn bản số {index} trong {count} chuỗi (shared strings) của tệp Excel, nhưng chuỗi đó không tồn tại; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-shared-string.malformed": {
        "en": "the cell's text (shared string {index}) is malformed: its words are not where Excel puts them, and it is not read as empty; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "văn bản của ô (shared string {index}) sai cấu trúc: chữ không nằm ở chỗ Excel đặt, và ô không được coi là để trống; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.bad-inline-string": {
        "en": "the cell's text is malformed: its words are not where Excel puts them, and it is not read as empty; the file is damaged or was not written by a spreadsheet program; save it again from Excel as .xlsx, or as CSV UTF-8",
        "vi": "văn bản của ô sai cấu trúc: chữ không nằm ở chỗ Excel đặt, và ô không được coi là để trống; tệp bị hỏng hoặc không do chương trình bảng tính tạo ra; hãy lưu lại từ Excel dạng .xlsx, hoặc CSV UTF-8",
    },
    "problem.schema.invisible-character": {
        "en": "the name holds the invisible character U+{code} (a zero-width space, a direction mark or a byte-order mark, often pasted from a web page); remove it: the name would not read as it looks",
        "vi": "tên chứa ký tự ẩn U+{code} (khoảng trắng độ rộng 0, dấu định hướng văn bản hoặc dấu BOM, thường bị dán vào từ trang web); hãy xóa ký tự này: nếu không, tên đọc ra không giống như nhìn thấy",
    },
    "problem.schema.name-without-letter": {
        "en": "the name has no visible letter or digit (only spaces, marks or invisible characters such as U+3164); write the name out",
        "vi": "tên không có chữ cái hay chữ số nhìn thấy được (chỉ có dấu cách, dấu phụ hoặc ký tự ẩn như U+3164); hãy viết tên đầy đủ",
    },
    "problem.schema.line-separator": {
        "en": "the text holds U+{code}, a line or paragraph separator (\\L or \\P in double quotes), which terminals and editors break lines at differently; write \\n, or a space",
        "vi": "văn bản chứa U+{code}, ký tự phân cách dòng hoặc đoạn (\\L hoặc \\P trong dấu nháy kép), mà mỗi terminal, mỗi trình soạn thảo xuống dòng theo một cách khác nhau; hãy viết \\n, hoặc một dấu cách",
    },
    "problem.yaml-syntax.unclosed-flow-at-end": {
        "en": "the {opener} opened here is never closed (the file ends first); close it with {closer}",
        "vi": "dấu ngoặc {opener} mở ở đây chưa được đóng (tệp kết thúc trước khi gặp dấu đóng); hãy thêm dấu {closer} để đóng",
    },
    "problem.yaml-too-many-nodes": {
        "en": "the file holds more than {limit} values (keys, texts, numbers), dxscore's limit: a target file holds a few hundred; it is read no further than here",
        "vi": "tệp chứa hơn {limit} giá trị (khóa, văn bản, số), vượt giới hạn của dxscore: một tệp chỉ tiêu chỉ có vài trăm; tệp không được đọc tiếp từ chỗ này",
    },
    "problem.yaml-syntax.directive": {
        "en": "a %YAML or %TAG directive must be followed by '---' and the document; dxscore reads its own YAML rules anyway: remove this line",
        "vi": "chỉ thị %YAML hoặc %TAG phải được theo sau bởi '---' và nội dung tài liệu; dxscore vẫn đọc theo quy tắc YAML riêng: hãy xóa dòng này",
    },
    # warnings
    "warning.other-cities": {
        "en": "{count} row(s) for other cities not scored (--city {city})",
        "vi": "{count} dòng của thành phố khác không được tính (--city {city})",
    },
    "warning.other-sheets": {
        "en": "only the sheet '{sheet}' is read; the workbook's other sheets ({sheets}) are not: choose one with --sheet",
        "vi": "chỉ đọc trang tính '{sheet}'; các trang tính khác ({sheets}) không được đọc: chọn trang bằng --sheet",
    },
    "warning.given-twice": {
        "en": "given more than once; read once",
        "vi": "tệp được chỉ định nhiều lần; chỉ đọc một lần",
    },
    "warning.unused-columns": {
        "en": "column(s) not used: {columns}",
        "vi": "cột không dùng: {columns}",
    },
    "warning.unnamed-column": {
        "en": "a column without a header holds data, which is not used; give it a header or remove it",
        "vi": "một cột không có tiêu đề có chứa dữ liệu, dữ liệu này không được dùng; hãy đặt tiêu đề cho cột hoặc xóa cột",
    },
    "warning.unused-columns.more": {
        "en": "column(s) not used: {columns} and {more} more",
        "vi": "cột không dùng: {columns} và {more} cột khác",
    },
    "warning.compare-areas": {
        "en": "{n} value(s) of districts or communes not compared: compare sets cities side by side on their city-wide values (`dxscore check --area` scores an area)",
        "vi": "{n} giá trị của quận, huyện, phường, xã không được so sánh: lệnh compare chỉ so sánh các thành phố theo số liệu toàn thành phố; dùng `dxscore check --area` để chấm điểm từng địa bàn",
    },
    "warning.not-scored": {
        "en": "not scored, nothing of it matches {filters}",
        "vi": "không được chấm điểm, không có gì của bộ chỉ tiêu này thỏa mãn {filters}",
    },
    "warning.not-checked": {
        "en": "nothing checked, no value is reported for its targets under {filters}",
        "vi": "không kiểm tra được, không có số liệu cho các mục tiêu thuộc {filters}",
    },
    "warning.not-reported": {
        "en": "{n} cell(s) left empty: not reported",
        "vi": "{n} ô để trống: chưa báo cáo",
    },
    "warning.header-below": {
        "en": "the table's header is on this line: the {above} line(s) above it (a title, a unit,"
        " a date) are not read",
        "vi": "dòng tiêu đề của bảng ở dòng này: {above} dòng phía trên (tên báo cáo, đơn vị, ngày"
        " tháng) không được đọc",
    },
    "warning.indicator-names": {
        "en": "{count} row(s) (lines {lines}) name their indicator by its name rather than its id; they are read"
        " as that indicator, but an id is safer (a name may change): `dxscore targets` lists"
        " the ids and `dxscore template` writes them",
        "vi": "{count} dòng (dòng {lines}) ghi tên chỉ tiêu thay cho mã chỉ tiêu; các dòng này vẫn được đọc theo"
        " chỉ tiêu có tên đó, nhưng nên ghi mã (tên có thể thay đổi): `dxscore targets` liệt kê"
        " các mã và `dxscore template` ghi sẵn các mã",
    },
    "warning.indicator-names.one": {
        "en": "the row on line {lines} names its indicator by its name rather than its id; it is"
        " read as that indicator, but an id is safer (a name may change): `dxscore targets` lists"
        " the ids and `dxscore template` writes them",
        "vi": "dòng {lines} ghi tên chỉ tiêu thay cho mã chỉ tiêu; dòng này vẫn được đọc theo"
        " chỉ tiêu có tên đó, nhưng nên ghi mã (tên có thể thay đổi): `dxscore targets` liệt kê"
        " các mã và `dxscore template` ghi sẵn các mã",
    },
    "warning.looks-like-fraction": {
        "en": "every value of {indicator} ({city}) lies between 0 and 1 (lines {lines}) while its"
        " targets are percentages above 1: {value} is read as {value}%; if {percent}% is meant,"
        " write {percent}",
        "vi": "mọi giá trị của {indicator} ({city}) đều nằm trong khoảng 0–1 (dòng {lines}) trong"
        " khi mục tiêu là tỷ lệ phần trăm lớn hơn 1: {value} được đọc là {value}%; nếu ý là"
        " {percent}% thì hãy ghi {percent}",
    },
    "warning.looks-like-fraction.one": {
        "en": "the only value of {indicator} ({city}), on line {lines}, lies between 0 and 1 while"
        " its targets are percentages above 1: {value} is read as {value}%; if {percent}% is"
        " meant, write {percent}",
        "vi": "giá trị duy nhất của {indicator} ({city}), ở dòng {lines}, nằm trong khoảng 0–1"
        " trong khi mục tiêu là tỷ lệ phần trăm lớn hơn 1: {value} được đọc là {value}%; nếu ý"
        " là {percent}% thì hãy ghi {percent}",
    },
    "warning.mixed-scale": {
        "en": "{indicator} ({city}) is {small} on line {small_line} but {large} on line"
        " {large_line}: {small} is read as {small}%, and the trend jumps; if {percent}% is meant,"
        " write {percent}",
        "vi": "{indicator} ({city}) là {small} ở dòng {small_line} nhưng {large} ở dòng"
        " {large_line}: {small} được đọc là {small}% nên xu hướng tăng vọt; nếu ý là {percent}%"
        " thì hãy ghi {percent}",
    },
    "warning.without-duckdb": {
        "en": "a large file ({size} MiB) is read by the Python reader; with DuckDB installed"
        " (pip install 'dxscore[large]') it is read several times faster",
        "vi": "tệp lớn ({size} MiB) được đọc bằng bộ đọc Python; nếu cài DuckDB"
        " (pip install 'dxscore[large]') tệp sẽ được đọc nhanh hơn nhiều lần",
    },
    "warning.prefix": {"en": "warning", "vi": "cảnh báo"},
    # command-line summaries
    "cli.problems": {
        "en": "✘ {count} problem(s) in {files} input(s); fix them and run again",
        "vi": "✘ {count} lỗi trong {files} đầu vào (tệp hoặc tùy chọn); hãy sửa rồi chạy lại",
    },
    "cli.invalid": {
        "en": "✘ {count} problem(s) in {bad} of {total} file(s)",
        "vi": "✘ {count} lỗi trong {bad}/{total} tệp",
    },
    "cli.valid_targets": {
        "en": "✔ {count} target file(s) valid: {summary}",
        "vi": "✔ {count} tệp chỉ tiêu hợp lệ: {summary}",
    },
    "cli.targets_count": {"en": "{id} ({count} targets)", "vi": "{id} ({count} mục tiêu)"},
    "cli.valid_actuals": {
        "en": "✔ {count} actuals file(s) valid: {observations} observation(s)",
        "vi": "✔ {count} tệp số liệu hợp lệ: {observations} giá trị",
    },
    "cli.reading": {"en": "reading", "vi": "đang đọc"},
    "cli.wrote": {"en": "wrote {path}", "vi": "đã ghi {path}"},
    "cli.replaced": {"en": "replaced {path}", "vi": "đã ghi đè {path}"},
    "cli.internal_error": {
        "en": "internal error (a bug; DXSCORE_DEBUG=1 shows the traceback)",
        "vi": "lỗi nội bộ của chương trình; đặt DXSCORE_DEBUG=1 để xem chi tiết",
    },
    "cli.more_problems": {"en": "… and {count} more problems", "vi": "… và {count} lỗi khác"},
    # messages
    "msg.actuals_not_checked": {
        "en": "{n} actuals file(s) not checked: they are checked against the target files once those are valid",
        "vi": "chưa kiểm tra {n} tệp số liệu: tệp số liệu chỉ được đối chiếu với các tệp chỉ tiêu sau khi các tệp chỉ tiêu hợp lệ",
    },
    "msg.explain_league": {
        "en": "--explain: the areas of {sets} are shown as league rows, which have no verdicts to explain; add --area NAME for an area's audit trail, or use --format json",
        "vi": "--explain: các địa bàn của {sets} được hiển thị thành bảng xếp hạng, không có kết luận nào để giải thích; thêm --area TÊN để xem giải thích của một địa bàn, hoặc dùng --format json",
    },
    # documents to hand upward (issue 21): summary first, provenance, series, audit trail,
    # charts that read on paper, the workbook
    "summary.total": {"en": "All pillars (mean)", "vi": "Bình quân các trụ cột"},
    "report.scores": {
        "en": "Scores by pillar and target year",
        "vi": "Điểm theo trụ cột và năm mục tiêu",
    },
    "overview.year": {
        "en": "{city} · target year {year}",
        "vi": "{city} · mục tiêu năm {year}",
    },
    "overview.score": {
        "en": "Score {score} of 100 · data for {coverage} of the targets",
        "vi": "Điểm {score}/100 · có số liệu cho {coverage} số mục tiêu",
    },
    "overview.out_of": {
        "en": "of 100 · data for {coverage} of the targets",
        "vi": "/100 điểm · có số liệu cho {coverage} số mục tiêu",
    },
    "overview.by_area": {"en": "{city}, by area", "vi": "{city}, theo địa bàn"},
    "overview.areas": {
        "en": "{n} areas ranked (the league follows); counts over all areas",
        "vi": "Xếp hạng {n} địa bàn (xem bảng xếp hạng bên dưới); số mục tiêu được tính gộp cho tất cả địa bàn",
    },
    "overview.behind": {"en": "Furthest behind", "vi": "Các mục tiêu chậm nhất"},
    "overview.against": {"en": "{figure} against {target}", "vi": "{figure}, mục tiêu {target}"},
    "overview.none_behind": {
        "en": "No target is missed or at risk.",
        "vi": "Không có mục tiêu nào không đạt hoặc có nguy cơ không đạt.",
    },
    "overview.more_behind": {
        "en": "… and {n} more missed or at risk, in the tables below.",
        "vi": "… và {n} mục tiêu khác không đạt hoặc có nguy cơ không đạt, xem các bảng bên dưới.",
    },
    "made.heading": {"en": "About this report", "vi": "Thông tin về báo cáo"},
    "made.date": {"en": "Made", "vi": "Thời điểm lập"},
    "made.version": {"en": "dxscore version", "vi": "Phiên bản dxscore"},
    "made.as_of": {"en": "Values as of", "vi": "Số liệu tính đến năm"},
    "made.estimates": {"en": "Estimates", "vi": "Số ước tính"},
    "made.estimates_some": {
        "en": "{n} of the {total} values used are estimates, marked “{mark}”",
        "vi": "{n} trong {total} giá trị được sử dụng là số ước tính, ghi “{mark}”",
    },
    "made.estimates_none": {
        "en": "none (the {total} values used are all measured values)",
        "vi": "không có (cả {total} giá trị được sử dụng đều là số liệu chính thức)",
    },
    "made.estimates_none.one": {
        "en": "none (the one value used is a measured value)",
        "vi": "không có (giá trị duy nhất được sử dụng là số liệu chính thức)",
    },
    "made.actuals": {"en": "Actuals (SHA-256)", "vi": "Tệp số liệu (SHA-256)"},
    "made.targets": {"en": "Target files (SHA-256)", "vi": "Tệp chỉ tiêu (SHA-256)"},
    "made.bundled": {
        "en": "{name} (bundled with dxscore {version})",
        "vi": "{name} (có sẵn trong dxscore {version})",
    },
    "made.warnings": {"en": "Warnings about the input", "vi": "Cảnh báo về dữ liệu đầu vào"},
    "made.warnings_intro": {
        "en": "Said while the input was read (and on the terminal): check them before relying on the figures they concern.",
        "vi": "Được ghi nhận khi đọc dữ liệu đầu vào (và in ra trên màn hình lệnh): hãy kiểm tra trước khi sử dụng các số liệu liên quan.",
    },
    "made.sha256_unknown": {
        "en": "standard input: not recorded",
        "vi": "đầu vào chuẩn: không ghi nhận được",
    },
    "series.heading": {
        "en": "Values reported, year by year",
        "vi": "Số liệu đã báo cáo theo từng năm",
    },
    "explain.fit_years": {
        "en": "(a line through {n} years of values)",
        "vi": "(đường thẳng qua số liệu của {n} năm)",
    },
    "explain.appendix": {
        "en": "Appendix: how each verdict was reached",
        "vi": "Phụ lục: căn cứ của từng đánh giá",
    },
    "chart.target": {"en": "target", "vi": "mục tiêu"},
    "chart.trend": {"en": "trend", "vi": "xu hướng"},
    "chart.milestone_target": {"en": "done by {year}", "vi": "hoàn thành đến năm {year}"},
    "chart.unit.percent": {"en": "%", "vi": "%"},
    "chart.unit.percent_per_year": {"en": "% per year", "vi": "% mỗi năm"},
    "chart.unit.percent_change": {"en": "% change", "vi": "% thay đổi"},
    "chart.unit.rank": {"en": "rank (#1 = best)", "vi": "thứ hạng (#1 = cao nhất)"},
    "chart.unit.count": {"en": "number", "vi": "số lượng"},
    "sheet.summary": {"en": "Summary", "vi": "Tổng hợp"},
    "sheet.results": {"en": "Results", "vi": "Kết quả"},
    "sheet.observations": {"en": "Observations", "vi": "Số liệu"},
    "sheet.league": {"en": "League", "vi": "Xếp hạng"},
    "col.target_set": {"en": "Target set", "vi": "Bộ chỉ tiêu"},
    "col.target_year": {"en": "Target year", "vi": "Năm mục tiêu"},
    "col.indicator_id": {"en": "Indicator id", "vi": "Mã chỉ tiêu"},
    "col.unit": {"en": "Unit", "vi": "Đơn vị"},
    "col.year": {"en": "Year", "vi": "Năm"},
    "col.value": {"en": "Value", "vi": "Giá trị"},
    "col.target_value": {"en": "Target value", "vi": "Giá trị mục tiêu"},
    "col.actual_value": {"en": "Actual", "vi": "Thực hiện"},
    "col.actual_year": {"en": "Year of actual", "vi": "Năm số liệu"},
    "col.estimate": {"en": "Estimate", "vi": "Ước tính"},
    "col.awaiting": {"en": "Awaiting", "vi": "Chờ số liệu"},
    "col.note": {"en": "Note", "vi": "Ghi chú"},
    "col.source": {"en": "Source", "vi": "Nguồn"},
    "col.file": {"en": "File", "vi": "Tệp"},
    "col.line": {"en": "Line", "vi": "Dòng"},
    "col.rank": {"en": "Rank", "vi": "Hạng"},
    "col.quote": {"en": "The resolution says", "vi": "Nguyên văn mục tiêu"},
    "yes": {"en": "yes", "vi": "có"},
    "problem.workbook-to-terminal": {
        "en": "a workbook is not text to show in a terminal; write it to a file (-o scorecard.xlsx), or pipe standard output to one",
        "vi": "bảng tính không phải văn bản để hiển thị trên cửa sổ dòng lệnh; hãy ghi ra tệp (-o bang-diem.xlsx), hoặc chuyển đầu ra chuẩn vào một tệp",
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


def unit_name(unit: str, lang: Lang) -> str:
    """``percent`` in English (the target file's id), ``phần trăm`` in Vietnamese."""
    return t(f"unitname.{unit}", lang)


def problem_text(key: str, lang: str, params: Mapping[str, str], detail: str = "") -> str:
    """The words of a problem or warning (``problem.<key>``) in ``lang``, fields filled in."""
    texts = CATALOGUE.get(f"problem.{key}") or CATALOGUE[key]
    language: Lang = "vi" if lang == "vi" else "en"
    if language == "vi" and params.get("reason") in _OS_REASONS_VI:  # the system's words
        params = {**params, "reason": _OS_REASONS_VI[params["reason"]]}
    if language == "vi" and key == "yaml-syntax":  # the YAML parser's words, in English
        detail = _yaml_detail_vi(detail)
    if key == "out-of-range" and f"unitname.{params.get('unit')}" in CATALOGUE:  # actuals'
        params = {**params, "unit": unit_name(params["unit"], language)}
    return unicodedata.normalize("NFC", texts[language].format(detail=detail, **params))


# The operating system's reasons a file cannot be read or written, which it gives in English
_OS_REASONS_VI = {
    os.strerror(errno.ENOENT): "không có tệp hoặc thư mục này",
    os.strerror(errno.EACCES): "không có quyền truy cập",
    os.strerror(errno.EISDIR): "đây là một thư mục",
    os.strerror(errno.ENOTDIR): "một phần của đường dẫn không phải thư mục",
    os.strerror(errno.ENOSPC): "ổ đĩa đã hết chỗ trống",
    os.strerror(errno.EROFS): "hệ thống tệp chỉ cho phép đọc",
    os.strerror(errno.EPERM): "thao tác không được phép",
}


# The YAML parser's (libyaml's, or PyYAML's) words for the common mistakes; anything else is
# left as the parser wrote it
_COLON = "không được có dấu ':' ở đây"
_YAML_VI = (
    ("while parsing a flow sequence", "trong một danh sách [ ],"),
    ("while parsing a flow mapping", "trong một cặp ngoặc { },"),
    ("while parsing a block mapping", "trong một nhóm khóa – giá trị,"),
    ("while parsing a block collection", "trong một danh sách gạch đầu dòng,"),
    ("while scanning a quoted scalar", "trong một giá trị đặt trong dấu nháy,"),
    ("while parsing a quoted scalar", "trong một giá trị đặt trong dấu nháy,"),
    ("while scanning a simple key", "trong một khóa,"),
    ("could not find expected ':'", "thiếu dấu ':' sau khóa"),
    ("while scanning for the next token ", ""),
    ("did not find expected ',' or ']'", "thiếu dấu ',' hoặc ']'"),
    ("did not find expected ',' or '}'", "thiếu dấu ',' hoặc '}'"),
    ("did not find expected key", "không tìm thấy khóa ở chỗ cần có"),
    ("did not find expected '-' indicator", "thiếu dấu '-' của phần tử"),
    ("did not find expected <document start>", "có nội dung thừa sau phần đã đọc xong"),
    ("mapping values are not allowed in this context", _COLON),
    ("mapping values are not allowed here", _COLON),
    ("found unexpected end of stream", "tệp kết thúc giữa chừng (có dấu nháy chưa đóng?)"),
    ("found unknown escape character", "có ký tự thoát sau dấu \\ không hợp lệ"),
    (
        "found character that cannot start any token",
        "có ký tự không được đứng đầu một giá trị; hãy đặt giá trị trong dấu ngoặc kép",
    ),
)


def _yaml_detail_vi(detail: str) -> str:
    for english, vietnamese in _YAML_VI:
        detail = detail.replace(english, vietnamese)
    return detail
