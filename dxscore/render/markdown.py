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
    Part,
    PillarBlock,
    Section,
    heading,
    parts,
)
from dxscore.scoring import STATUSES, Result, Scorecard

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
    lines: list[str] = []
    for part in parts(scorecard):
        for section in part.reports:
            lines.extend(_section(section, scorecard.as_of, lang, version))
        if part.league_heads:
            lines.extend(_heading(heading(part.target_set, scorecard.as_of, lang, version)))
        lines.extend(_league(part, lang))
    lines.extend(_legend(lang))
    return "\n".join(lines).rstrip("\n") + "\n"


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
