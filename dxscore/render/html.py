"""The scorecard as one self-contained HTML page: inline CSS, inline SVG charts, no scripts,
no remote fonts or images. Jinja2 autoescapes everything the template prints; the charts are
SVG text made by :mod:`dxscore.render.charts`, which escapes its own input text.

The page reads as the markdown report does: summary first, the leagues of areas, what the
report was made from, the details (each indicator with its chart), the values year by year,
then the appendices."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dxscore.errors import Problem
from dxscore.i18n import Lang, t
from dxscore.model import PILLARS
from dxscore.provenance import Provenance
from dxscore.render import wording
from dxscore.render.charts import projection_words, svg
from dxscore.render.sections import (
    RESULT_COLUMNS,
    Overview,
    Part,
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
from dxscore.scoring import STATUSES, Scorecard

TEMPLATES = Path(__file__).parent / "templates"


def as_html(
    scorecard: Scorecard,
    lang: Lang,
    provenance: Provenance,
    *,
    explain: bool = False,
    warnings: Sequence[Problem] = (),
) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup

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
    sections = [section for part in shown for section in part.reports]
    titled = len(sections) > 1 or len(shown) > 1
    head = _head(shown, scorecard.as_of, lang, provenance.version)
    return template.render(
        lang=lang,
        title=_page_title(shown, lang) if shown else "dxscore",
        head=head,
        overviews=[_overview(entry, lang) for entry in overviews(scorecard)],
        leagues=[table for part in shown for table in _leagues(part, lang)],
        made=made_from(provenance, scorecard, lang),
        warnings=warnings_about_input(warnings, lang),
        sections=[_section(s, lang, titled, Markup) for s in sections],
        explain=[_explained(s, scorecard.as_of, lang, titled) for s in sections] if explain else [],
        quotes=_quotes(shown, lang),
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
        symbols=[(status, wording.STATUS_SYMBOL[status]) for status in STATUSES],
        labels={key: t(key, lang) for key in _LABELS},
    )


_LABELS = (
    "report.summary",
    "report.legend",
    "report.sources",
    "report.scores",
    "made.heading",
    "made.warnings",
    "made.warnings_intro",
    "series.heading",
    "explain.appendix",
    "overview.behind",
    "col.pillar",
    *RESULT_COLUMNS,
    "col.area",
    "col.score",
    "col.coverage",
    "col.worst_pillar",
)


def _head(shown: list[Part], as_of: int | None, lang: Lang, version: str) -> dict[str, Any]:
    sets = [part.target_set for part in shown]
    if len(sets) == 1:
        one = heading(sets[0], as_of, lang, version)
        return {"title": one.title, "documents": [one.document], "meta": one.meta}
    meta = (
        heading(sets[0], as_of, lang, version).meta
        if sets
        else t("report.meta_no_data", lang, version=version)
    )
    return {
        "title": t(
            "report.title", lang, city=", ".join(ts.name.in_lang(lang) for ts in sets) or "dxscore"
        ),
        "documents": [
            f"{ts.name.in_lang(lang)}: {ts.resolution.title.in_lang(lang)}" for ts in sets
        ],
        "meta": meta,
    }


def _page_title(shown: list[Part], lang: Lang) -> str:
    """What the browser's tab says: every city, and the area when one alone is shown."""
    cities = ", ".join(part.target_set.name.in_lang(lang) for part in shown)
    title = t("report.title", lang, city=cities)
    areas = {section.area for part in shown for section in part.reports}
    area = next(iter(areas)) if len(areas) == 1 and not any(p.leagues for p in shown) else None
    return title if area is None else f"{title} · {t('report.area', lang, area=area)}"


def _place(section_set: Any, area: str | None, lang: Lang) -> str:
    name: str = section_set.name.in_lang(lang)
    return name if area is None else f"{name} · {t('report.area', lang, area=area)}"


def _section_title(section: Section, lang: Lang) -> str:
    """``Hanoi: digital-transformation scorecard · Area: Ba Đình``."""
    title = t("report.title", lang, city=section.target_set.name.in_lang(lang))
    return (
        title if section.area is None else f"{title} · {t('report.area', lang, area=section.area)}"
    )


def _overview(entry: Overview, lang: Lang) -> dict[str, Any]:
    return {
        "heading": entry.title(lang),
        "areas": t("overview.areas", lang, n=entry.ranked_areas) if entry.ranked_areas else None,
        "score": None if entry.ranked_areas else wording.score(entry.score, lang),
        "score_text": None
        if entry.ranked_areas
        else t("overview.out_of", lang, coverage=wording.percent(entry.coverage)),
        "hue": None if entry.score is None else round(entry.score * 1.2),
        "counts": [
            {
                "status": status,
                "symbol": wording.STATUS_SYMBOL[status],
                "n": entry.counts[status],
                "word": t("status." + status, lang),
            }
            for status in STATUSES
        ],
        "behind": [
            {
                "name": result.indicator.name.in_lang(lang),
                "area": result.area,
                "figure": t(
                    "overview.against",
                    lang,
                    figure=wording.actual_of(result, lang),
                    target=wording.target(result.target, result.indicator.unit, lang),
                ),
                "status": result.status,
                "status_text": wording.status(result.status, lang),
                "attainment": f"{t('col.attainment', lang)} {wording.percent(result.attainment)}",
                "awaiting": wording.awaiting(result, lang),
                "quote": quote,
            }
            for result, quote in quoted_once(entry.behind)
        ],
        "none_behind": t("overview.none_behind", lang),
        "more_behind": t("overview.more_behind", lang, n=entry.more_behind)
        if entry.more_behind
        else None,
    }


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


def _section(section: Section, lang: Lang, titled: bool, markup: Any) -> dict[str, Any]:
    years = section.years
    summary = []
    for pillar in (*PILLARS, None):
        summary_rows = [section.summary_row(pillar, year) for year in years]
        if all(row is None for row in summary_rows):
            continue
        summary.append(
            {
                "label": total_label(lang) if pillar is None else t("pillar." + pillar, lang),
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
        charts: list[dict[str, Any]] = []
        for result in block.results:
            unit = result.indicator.unit
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
                    "projected": projection_words(result, lang),
                    "attainment": result.attainment,
                    "attainment_text": wording.percent(result.attainment),
                    "status": result.status,
                    "status_text": wording.status(result.status, lang),
                    "awaiting": wording.awaiting(result, lang),
                }
            )
            chart = svg(result, lang)
            if chart is not None:
                charts.append(
                    {
                        "name": result.indicator.name.in_lang(lang),
                        "svg": markup(chart),  # made by charts.svg, its input text escaped
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
                "charts": charts,
            }
        )
    series_years, series_rows = series(section)
    return {
        "title": _section_title(section, lang) if titled else None,
        "years": years,
        "summary": summary,
        "blocks": blocks,
        "series_years": series_years,
        "series": [
            {
                "name": row.indicator.name.in_lang(lang),
                "id": row.indicator.id,
                "cells": [
                    {
                        "text": wording.observed(row.values[year], row.result, lang),
                        "estimate": row.values[year].estimate,
                    }
                    if year in row.values
                    else None
                    for year in series_years
                ],
            }
            for row in series_rows
        ],
    }


def _explained(section: Section, as_of: int | None, lang: Lang, titled: bool) -> dict[str, Any]:
    return {
        "title": _place(section.target_set, section.area, lang) if titled else None,
        "years": [
            {
                "heading": t("heading.target_year", lang, year=year),
                "rows": [
                    {"id": result.indicator.id, "steps": explanation(result, as_of, lang)}
                    for block in section.blocks
                    if block.target_year == year
                    for result in block.results
                ],
            }
            for year in section.years
        ],
    }


def _quotes(shown: list[Part], lang: Lang) -> list[dict[str, Any]]:
    groups = []
    for part in shown:
        seen = {result.indicator.id for section in part.reports for result in section.results()}
        groups.append(
            {
                "title": part.target_set.name.in_lang(lang) if len(shown) > 1 else None,
                "quotes": [
                    {
                        "id": indicator.id,
                        "name": indicator.name.in_lang(lang),
                        "quote": indicator.quote,
                    }
                    for _, indicator in part.target_set.indicators()
                    if indicator.id in seen or not part.reports
                ],
            }
        )
    return groups
