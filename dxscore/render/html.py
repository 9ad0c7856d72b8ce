"""The scorecard as one self-contained HTML page: inline CSS, inline SVG charts, no scripts,
no remote fonts or images. Jinja2 autoescapes everything the template prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dxscore.i18n import Lang, t
from dxscore.model import PILLARS
from dxscore.render import wording
from dxscore.render.charts import chart
from dxscore.render.sections import RESULT_COLUMNS, Part, Section, heading, parts
from dxscore.scoring import STATUSES, Scorecard

TEMPLATES = Path(__file__).parent / "templates"


def as_html(scorecard: Scorecard, lang: Lang, version: str) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    template = environment.get_template("report.html.j2")
    shown = parts(scorecard)
    page_parts = [
        {
            "sections": [_section(s, scorecard.as_of, lang, version) for s in part.reports],
            # with no full report to carry the set's heading, the league carries it
            "intro": heading(part.target_set, scorecard.as_of, lang, version)._asdict()
            if part.league_heads
            else None,
            "leagues": _leagues(part, lang),
        }
        for part in shown
    ]
    return template.render(
        lang=lang,
        title=_page_title(shown, lang) if shown else "dxscore",
        parts=page_parts,
        symbols=[(status, wording.STATUS_SYMBOL[status]) for status in STATUSES],
        legend=[
            (status, wording.status(status, lang), t("legend." + status, lang))
            for status in STATUSES
        ],
        legend_notes=[
            t("legend.estimate", lang),
            t("legend.awaiting", lang),
            t("legend.attainment", lang),
            t("legend.projection", lang),
            t("legend.score", lang),
        ],
        labels={key: t(key, lang) for key in _LABELS},
    )


_LABELS = (
    "report.summary",
    "report.legend",
    "report.sources",
    "col.pillar",
    *RESULT_COLUMNS,
    "col.trend",
    "col.area",
    "col.score",
    "col.coverage",
    "col.worst_pillar",
)


def _page_title(shown: list[Part], lang: Lang) -> str:
    """What the browser's tab says: every city, and the area when one alone is shown."""
    cities = ", ".join(part.target_set.name.in_lang(lang) for part in shown)
    title = t("report.title", lang, city=cities)
    areas = {section.area for part in shown for section in part.reports}
    area = next(iter(areas)) if len(areas) == 1 and not any(p.leagues for p in shown) else None
    return title if area is None else f"{title} · {t('report.area', lang, area=area)}"


def _leagues(part: Part, lang: Lang) -> list[dict[str, Any]]:
    name = part.target_set.name.in_lang(lang)
    tables = []
    for year, rows in part.leagues:
        tables.append(
            {
                "heading": f"{name} · {t('heading.league', lang, year=year)}",
                "rows": [
                    {
                        "rank": "–" if r.rank is None else str(r.rank),
                        "area": r.area,
                        "score": wording.score(r.score, lang),
                        "hue": None if r.score is None else round(r.score * 1.2),
                        "coverage": wording.percent(r.coverage),
                        "counts": [r.counts[status] for status in STATUSES],
                        "worst": wording.worst_pillar(r.worst_pillar, r.worst_score, lang),
                    }
                    for r in rows
                ],
            }
        )
    return tables


def _section(section: Section, as_of: int | None, lang: Lang, version: str) -> dict[str, Any]:
    head = heading(section.target_set, as_of, lang, version)
    years = section.years
    summary = []
    for pillar in (*PILLARS, None):
        summary_rows = [section.summary_row(pillar, year) for year in years]
        if all(row is None for row in summary_rows):
            continue
        summary.append(
            {
                "label": t("pillar." + (pillar or "all"), lang),
                "total": pillar is None,
                "cells": [
                    None
                    if row is None
                    else {
                        "score": wording.score(row.score, lang),
                        "coverage": wording.percent(row.coverage),
                        "hue": None if row.score is None else round(row.score * 1.2),
                    }
                    for row in summary_rows
                ],
            }
        )
    blocks = []
    for block in section.blocks:
        rows: list[dict[str, Any]] = []
        for result in block.results:
            unit = result.indicator.unit
            labels = {o.year: wording.value_against(o.value, result, lang) for o in result.used}
            rows.append(
                {
                    "name": result.indicator.name.in_lang(lang),
                    "id": result.indicator.id,
                    "target": wording.target(result.target, unit, lang),
                    "actual": wording.actual_of(result, lang),
                    "provenance": " · ".join(
                        part
                        for part in (
                            (result.current.note, result.current.source) if result.current else ()
                        )
                        if part
                    ),
                    "projected": wording.projected_of(result, lang),
                    "attainment": result.attainment,
                    "attainment_text": wording.percent(result.attainment),
                    "status": result.status,
                    "status_text": wording.status(result.status, lang),
                    "awaiting": wording.awaiting(result, lang),
                    "chart": chart(result, labels),
                    "chart_label": t(
                        "report.chart",
                        lang,
                        name=result.indicator.name.in_lang(lang),
                        year=result.target_year,
                    ),
                }
            )
        blocks.append(
            {
                "heading": f"{t('heading.target_year', lang, year=block.target_year)} · {t('pillar.' + block.pillar, lang)}",
                "score": t(
                    "heading.score",
                    lang,
                    score=wording.score(block.summary.score, lang),
                    have=block.with_data,
                    total=len(block.results),
                ),
                "rows": rows,
            }
        )
    quotes: dict[str, tuple[str, str]] = {}
    for result in section.results():
        quotes.setdefault(
            result.indicator.id, (result.indicator.name.in_lang(lang), result.indicator.quote)
        )
    return {
        "title": head.title,
        "area": None if section.area is None else t("report.area", lang, area=section.area),
        "document": head.document,
        "meta": head.meta,
        "years": years,
        "summary": summary,
        "blocks": blocks,
        "quotes": [
            {"id": key, "name": name, "quote": quote} for key, (name, quote) in quotes.items()
        ],
    }
