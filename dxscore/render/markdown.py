"""The scorecard as a GitHub-flavoured markdown document, for briefings and repositories.

Summary first (per target set and target year: the score, the counts by status, the targets
furthest behind with the resolution's sentence), then the leagues of areas, what the report
was made from, the details, and the appendices (the audit trail with ``--explain``, the
resolution's words, how to read the report).

Everything that comes from input files is escaped, so that a name holding ``|``,
``<script>`` or ``[text](link)`` prints as written and cannot break a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dxscore.errors import Problem
from dxscore.i18n import Lang, t
from dxscore.model import PILLARS, TargetSet
from dxscore.provenance import Provenance
from dxscore.render import wording
from dxscore.render.charts import projection_words
from dxscore.render.sections import (
    RESULT_COLUMNS,
    Overview,
    Part,
    PillarBlock,
    Section,
    explanation,
    heading,
    made_from,
    overviews,
    parts,
    quoted_once,
    series,
    total_label,
    warnings_about_input,
)
from dxscore.scoring import STATUSES, Result, Scorecard

# What markdown would read as markup in text from input files, and nothing else: an escape
# where one is needed (a backslash, never an HTML entity, so that "> 80%" and "KH&ĐT" read as
# written in the plain text as well as rendered)
_ASCII_PUNCTUATION = r"!-/:-@\[-`{-~"
_BACKSLASH = re.compile(rf"\\(?=[{_ASCII_PUNCTUATION}]|$)")  # one that would escape what follows
_ALWAYS = re.compile(r"([|*`\[\]~])")  # table cells, emphasis, code, links, strikethrough
_UNDERSCORES = re.compile(r"_+")
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")  # a tag, a comment, an autolink: not "a < b"
_CLOSING_HASHES = re.compile(r"(?:(?<=\s)|^)#+$")  # what a heading would drop
# at the start of a block: a quote, a heading, a list item, a thematic break or an underline
_BLOCK_START = re.compile(r"^(?:[>#]|[-+](?=\s|$)|-[-\s]*$|=+\s*$|\d{1,9}(?=[.)](?:\s|$)))")


def text(value: str, *, block_start: bool = False) -> str:
    """Input text made inert for markdown, on one line (line breaks become ``<br>``), escaped
    where markdown needs it and nowhere else. ``block_start``: the text starts a line (a
    paragraph, a quote's line, a list item's first words), where ``>``, ``#``, ``- ``, ``1.``
    would start a block."""
    parts = [_inline(part.strip()) for part in value.replace("\r", " ").split("\n")]
    if block_start:
        parts[0] = _BLOCK_START.sub(_escape_block_start, parts[0])
    return "<br>".join(parts)


def _inline(part: str) -> str:
    part = _BACKSLASH.sub(r"\\\\", part)
    part = _ALWAYS.sub(r"\\\1", part)
    part = _UNDERSCORES.sub(lambda run: _underscores(run, part), part)
    part = _ENTITY.sub(r"\\&", part)
    part = _TAG.sub(r"\\<", part)
    return _CLOSING_HASHES.sub(lambda hashes: "\\" + hashes.group(), part)


def _underscores(run: re.Match[str], part: str) -> str:
    """A run of ``_`` inside a word (``records_online_commune``) emphasises nothing."""
    start, end = run.span()
    inside = start > 0 and end < len(part) and part[start - 1].isalnum() and part[end].isalnum()
    return run.group() if inside else "\\_" * len(run.group())


def _escape_block_start(found: re.Match[str]) -> str:
    marker = found.group()
    if marker.isdigit():  # "1." or "1)": the punctuation after the number
        return marker + "\\"
    return "\\" + marker


def code(value: str) -> str:
    """Text as a code span, where escapes would print: fenced by more backticks than it holds."""
    longest = max((len(run) for run in re.findall("`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value[:1] == "`" or value[-1:] == "`" else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def html_text(value: str) -> str:
    """Input text made inert inside an HTML block, where markdown escapes print as written."""
    from html import escape

    return " ".join(escape(value, quote=False).split())


def as_markdown(
    scorecard: Scorecard,
    lang: Lang,
    provenance: Provenance,
    *,
    explain: bool = False,
    warnings: Sequence[Problem] = (),
) -> str:
    shown = parts(scorecard)
    sections = [section for part in shown for section in part.reports]
    lines = _title(shown, scorecard.as_of, lang, provenance.version)
    lines += [f"## {t('report.summary', lang)}", ""]
    for entry in overviews(scorecard):
        lines += _overview(entry, lang)
    for part in shown:
        lines.extend(_league(part, lang))
    lines += _made_from(provenance, scorecard, lang)
    lines += _warnings(warnings, lang)
    for section in sections:
        lines.extend(_section(section, lang, titled=len(sections) > 1 or len(shown) > 1))
    if explain:
        lines += _explain(sections, scorecard.as_of, lang, titled=len(sections) > 1)
    lines += _quotes(shown, lang)
    lines.extend(_legend(lang))
    return "\n".join(lines).rstrip("\n") + "\n"


def _title(shown: list[Part], as_of: int | None, lang: Lang, version: str) -> list[str]:
    sets = [part.target_set for part in shown]
    if len(sets) == 1:
        head = heading(sets[0], as_of, lang, version)
        return [
            f"# {text(head.title)}",
            "",
            f"{text(head.document, block_start=True)}  ",
            f"*{head.meta}*",
            "",
        ]
    names = ", ".join(ts.name.in_lang(lang) for ts in sets) or "dxscore"
    meta = (
        heading(sets[0], as_of, lang, version).meta
        if sets
        else t("report.meta_no_data", lang, version=version)
    )
    documents = [
        f"{text(ts.name.in_lang(lang), block_start=True)}: {text(ts.resolution.title.in_lang(lang))}  "
        for ts in sets
    ]
    return [f"# {text(t('report.title', lang, city=names))}", "", *documents, f"*{meta}*", ""]


def _place(target_set: TargetSet, area: str | None, lang: Lang) -> str:
    name = target_set.name.in_lang(lang)
    return name if area is None else f"{name} · {t('report.area', lang, area=area)}"


def _section_title(section: Section, lang: Lang) -> str:
    """``Hanoi: digital-transformation scorecard · Area: Ba Đình``."""
    title = t("report.title", lang, city=section.target_set.name.in_lang(lang))
    return (
        title if section.area is None else f"{title} · {t('report.area', lang, area=section.area)}"
    )


def _overview(entry: Overview, lang: Lang) -> list[str]:
    title = entry.title(lang)
    lines = [f"### {text(title)}", ""]
    if entry.ranked_areas:
        lines += [t("overview.areas", lang, n=entry.ranked_areas), ""]
    else:
        lines += [
            "**"
            + t(
                "overview.score",
                lang,
                score=wording.score(entry.score, lang),
                coverage=wording.percent(entry.coverage),
            )
            + "**",
            "",
        ]
    lines += [_counts(entry, lang), ""]
    if not entry.behind:
        return [*lines, t("overview.none_behind", lang), ""]
    lines += [f"{t('overview.behind', lang)}:", ""]
    for number, (result, quote) in enumerate(quoted_once(entry.behind), 1):
        lines += _behind(number, result, quote, lang)
    if entry.more_behind:
        lines += [t("overview.more_behind", lang, n=entry.more_behind), ""]
    return lines


def _counts(entry: Overview, lang: Lang) -> str:
    return " · ".join(
        f"{wording.STATUS_SYMBOL[status]} {entry.counts[status]} {t('status.' + status, lang)}"
        for status in STATUSES
    )


def _behind(number: int, result: Result, quote: str | None, lang: Lang) -> list[str]:
    unit = result.indicator.unit
    name = result.indicator.name.in_lang(lang)
    area = f" · {text(result.area)}" if result.area is not None else ""
    figure = t(
        "overview.against",
        lang,
        figure=wording.actual_of(result, lang),
        target=wording.target(result.target, unit, lang),
    )
    line = (
        f"{number}. **{text(name)}**{area}: {text(figure)} · {wording.status(result.status, lang)}"
        f" · {t('col.attainment', lang).lower()} {wording.percent(result.attainment)}"
    )
    why = wording.awaiting(result, lang)
    lines = [line + (f" — {text(why)}" if why else "")]
    lines += [f"   > {text(line, block_start=True)}" for line in (quote or "").splitlines()]
    return [*lines, ""]


def _made_from(provenance: Provenance, scorecard: Scorecard, lang: Lang) -> list[str]:
    lines = [f"## {t('made.heading', lang)}", ""]
    for label, value in made_from(provenance, scorecard, lang):
        if isinstance(value, str):
            lines.append(f"- {label}: {text(value)}")
            continue
        lines.append(f"- {label}:")
        lines += [f"  - {text(path, block_start=True)}: `{sha}`" for path, sha in value]
    return [*lines, ""]


def _warnings(warnings: Sequence[Problem], lang: Lang) -> list[str]:
    listed = warnings_about_input(warnings, lang)
    if not listed:
        return []
    lines = [f"## {t('made.warnings', lang)}", "", t("made.warnings_intro", lang), ""]
    lines += [f"- {text(where, block_start=True)}: {text(what)}" for where, what in listed]
    return [*lines, ""]


def _section(section: Section, lang: Lang, *, titled: bool) -> list[str]:
    lines: list[str] = []
    if titled:
        lines += [f"# {text(_section_title(section, lang))}", ""]
    lines += [f"## {t('report.scores', lang)}", "", *_scores(section, lang), ""]
    for year in section.years:
        lines += [f"## {t('heading.target_year', lang, year=year)}", ""]
        for block in section.blocks:
            if block.target_year == year:
                lines += _block(block, lang)
    lines += _series(section, lang)
    return lines


def _scores(section: Section, lang: Lang) -> list[str]:
    years = section.years
    lines = [
        f"| {t('col.pillar', lang)} | " + " | ".join(str(y) for y in years) + " |",
        "|---|" + "---:|" * len(years),
    ]
    for pillar in (*PILLARS, None):
        rows = [section.summary_row(pillar, year) for year in years]
        if all(row is None for row in rows):
            continue
        cells = [
            f"{wording.score(row.score, lang)} · {wording.percent(row.coverage)} {t('summary.coverage', lang)}"
            if row
            else ""
            for row in rows
        ]
        if pillar is None:
            label, cells = f"**{total_label(lang)}**", [f"**{cell}**" for cell in cells]
        else:
            label = t("pillar." + pillar, lang)
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def _block(block: PillarBlock, lang: Lang) -> list[str]:
    heading = t("pillar." + block.pillar, lang)
    score = t(
        "heading.score",
        lang,
        score=wording.score(block.summary.score, lang),
        have=block.with_data,
        total=len(block.results),
    )
    lines = [
        f"### {heading} · {score}",
        "",
        "| " + " | ".join(t(key, lang) for key in RESULT_COLUMNS) + " |",
        "|---|---|---|---:|---|---|",
    ]
    for result in block.results:
        unit = result.indicator.unit
        attainment = "–" if result.attainment is None else f"`{wording.bar(result.attainment)}`"
        cells = [
            f"{text(result.indicator.name.in_lang(lang))}<br><sub>{text(result.indicator.id)}</sub>",
            text(wording.target(result.target, unit, lang)),
            text(wording.actual_of(result, lang)) + _provenance(result),
            text(projection_words(result, lang)),
            attainment,
            wording.status(result.status, lang) + _awaiting(result, lang),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _awaiting(result: Result, lang: Lang) -> str:
    """Under the status, why it is not final: the deadline's measured value is not reported."""
    why = wording.awaiting(result, lang)
    return f"<br><sub>{text(why)}</sub>" if why else ""


def _provenance(result: Result) -> str:
    """The note and source of the value shown, in small type under it."""
    current = result.current
    parts = [part for part in ((current.note, current.source) if current else ()) if part]
    return f"<br><sub>{text(' · '.join(parts))}</sub>" if parts else ""


def _series(section: Section, lang: Lang) -> list[str]:
    years, rows = series(section)
    if not rows:
        return []
    lines = [
        f"## {t('series.heading', lang)}",
        "",
        f"| {t('col.indicator', lang)} | " + " | ".join(str(y) for y in years) + " |",
        "|---|" + "---:|" * len(years),
    ]
    for row in rows:
        cells = [
            text(wording.observed(row.values[year], row.result, lang)) if year in row.values else ""
            for year in years
        ]
        name = f"{text(row.indicator.name.in_lang(lang))}<br><sub>{text(row.indicator.id)}</sub>"
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _explain(sections: list[Section], as_of: int | None, lang: Lang, *, titled: bool) -> list[str]:
    lines = [f"## {t('explain.appendix', lang)}", ""]
    for section in sections:
        if titled:
            lines += [f"### {text(_place(section.target_set, section.area, lang))}", ""]
        for year in section.years:
            lines += [f"**{t('heading.target_year', lang, year=year)}**", ""]
            for block in section.blocks:
                if block.target_year != year:
                    continue
                for result in block.results:
                    steps = "; ".join(explanation(result, as_of, lang))
                    lines.append(f"- {code(result.indicator.id)}: {text(steps)}")
            lines.append("")
    return lines


def _quotes(shown: list[Part], lang: Lang) -> list[str]:
    lines = [f"## {t('report.sources', lang)}", ""]
    for part in shown:
        if len(shown) > 1:
            lines += [f"### {text(part.target_set.name.in_lang(lang))}", ""]
        seen = {result.indicator.id for section in part.reports for result in section.results()}
        for _, indicator in part.target_set.indicators():
            if indicator.id not in seen and part.reports:
                continue
            lines += [
                # an HTML block: markdown escapes would show, so HTML's alone
                f"<details><summary>{html_text(indicator.name.in_lang(lang))} ({indicator.id})</summary>",
                "",
                *(f"> {text(line, block_start=True)}" for line in indicator.quote.splitlines()),
                "",
                "</details>",
                "",
            ]
    return lines


def _league(part: Part, lang: Lang) -> list[str]:
    name = text(part.target_set.name.in_lang(lang))
    lines: list[str] = []
    symbols = " | ".join(wording.STATUS_SYMBOL[status] for status in STATUSES)
    for year, rows in part.leagues:
        lines += [
            f"## {name} · {t('heading.league', lang, year=year)}",
            "",
            f"| # | {t('col.area', lang)} | {t('col.score', lang)} | {t('col.coverage', lang)} | {symbols} | {t('col.worst_pillar', lang)} |",
            "|---:|---|---:|---:|" + "---:|" * len(STATUSES) + "---|",
        ]
        for row in rows:
            worst = wording.worst_pillar(row.worst_pillar, row.worst_score, lang)
            counts = " | ".join(str(row.counts[status]) for status in STATUSES)
            rank = "–" if row.rank is None else str(row.rank)
            lines.append(
                f"| {rank} | {text(row.area)} | {wording.score(row.score, lang)} | {wording.percent(row.coverage)} | {counts} | {worst} |"
            )
        lines.append("")
    return lines


def _legend(lang: Lang) -> list[str]:
    lines = [f"## {t('report.legend', lang)}", ""]
    lines += [
        f"- **{wording.status(status, lang)}**: {t('legend.' + status, lang)}"
        for status in STATUSES
    ]
    lines += [
        "",
        t("legend.estimate", lang),
        "",
        t("legend.awaiting", lang),
        "",
        t("legend.attainment", lang),
        "",
        t("legend.projection", lang),
        "",
        t("legend.score", lang),
    ]
    return lines
