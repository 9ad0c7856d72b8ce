"""The scorecard as a GitHub-flavoured markdown document, for briefings and repositories.

Everything that comes from input files is escaped, so that a name holding ``|``,
``<script>`` or ``[text](link)`` prints as written and cannot break a table.
"""

from __future__ import annotations

from dxscore.i18n import Lang, t
from dxscore.model import PILLARS
from dxscore.render import wording
from dxscore.render.sections import (
    RESULT_COLUMNS,
    Heading,
    PillarBlock,
    Section,
    heading,
    league_areas,
    sections,
)
from dxscore.scoring import STATUSES, Result, Scorecard, league_tables

_SPECIAL = str.maketrans(
    {
        "\\": "\\\\",
        "|": "\\|",
        "*": "\\*",
        "_": "\\_",
        "`": "\\`",
        "[": "\\[",
        "]": "\\]",
        "#": "\\#",
        "~": "\\~",  # ~~struck through~~ in GitHub's markdown
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "\r": " ",
    }
)


def text(value: str) -> str:
    """Input text made inert for markdown, on one line (line breaks become ``<br>``)."""
    escaped = value.translate(_SPECIAL)
    return "<br>".join(part.strip() for part in escaped.split("\n"))


def html_text(value: str) -> str:
    """Input text made inert inside an HTML block, where markdown escapes print as written."""
    from html import escape

    return " ".join(escape(value, quote=False).split())


def as_markdown(scorecard: Scorecard, lang: Lang, version: str) -> str:
    parts: list[str] = []
    in_league = league_areas(scorecard)
    titled: set[str] = set()  # target sets whose heading is written
    for section in sections(scorecard):
        if section.area not in in_league:
            parts.extend(_section(section, scorecard.as_of, lang, version))
            titled.add(section.target_set.id)
    if in_league:
        parts.extend(_league(scorecard, lang, version, titled))
    parts.extend(_legend(lang))
    return "\n".join(parts).rstrip("\n") + "\n"


def _section(section: Section, as_of: int | None, lang: Lang, version: str) -> list[str]:
    head = heading(section.target_set, as_of, lang, version)
    if section.area is not None:
        head = head._replace(title=f"{head.title} · {t('report.area', lang, area=section.area)}")
    lines = [
        *_heading(head),
        f"## {t('report.summary', lang)}",
        "",
        *_summary(section, lang),
        "",
    ]
    for year in section.years:
        lines += [f"## {t('heading.target_year', lang, year=year)}", ""]
        for block in section.blocks:
            if block.target_year == year:
                lines += _block(block, lang)
    lines += _quotes(section, lang)
    return lines


def _heading(head: Heading) -> list[str]:
    return [f"# {text(head.title)}", "", f"{text(head.document)}  ", f"*{head.meta}*", ""]


def _summary(section: Section, lang: Lang) -> list[str]:
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
        label = t("pillar." + (pillar or "all"), lang)
        if pillar is None:
            label, cells = f"**{label}**", [f"**{cell}**" for cell in cells]
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
            text(wording.projected_of(result, lang)),
            attainment,
            wording.status(result.status, lang),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _provenance(result: Result) -> str:
    """The note and source of the value shown, in small type under it."""
    current = result.current
    parts = [part for part in ((current.note, current.source) if current else ()) if part]
    return f"<br><sub>{text(' · '.join(parts))}</sub>" if parts else ""


def _quotes(section: Section, lang: Lang) -> list[str]:
    lines = [f"## {t('report.sources', lang)}", ""]
    seen: set[str] = set()
    for result in section.results():
        indicator = result.indicator
        if indicator.id in seen:
            continue
        seen.add(indicator.id)
        lines += [
            # an HTML block: markdown escapes would show, so HTML's alone
            f"<details><summary>{html_text(indicator.name.in_lang(lang))} ({indicator.id})</summary>",
            "",
            *(f"> {text(line)}" for line in indicator.quote.splitlines()),
            "",
            "</details>",
            "",
        ]
    return lines


def _league(scorecard: Scorecard, lang: Lang, version: str, titled: set[str]) -> list[str]:
    """The league tables; a target set with no full report above gets its heading here."""
    sets = {ts.id: ts for ts in scorecard.target_sets}
    names = {set_id: ts.name.in_lang(lang) for set_id, ts in sets.items()}
    lines: list[str] = []
    symbols = " | ".join(wording.STATUS_SYMBOL[status] for status in STATUSES)
    for set_id, year, rows in league_tables(scorecard):
        if set_id not in titled:
            lines += _heading(heading(sets[set_id], scorecard.as_of, lang, version))
            titled.add(set_id)
        lines += [
            f"## {text(names[set_id])} · {t('heading.league', lang, year=year)}",
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
        t("legend.attainment", lang),
        "",
        t("legend.projection", lang),
        "",
        t("legend.score", lang),
    ]
    return lines
