"""``dxscore targets``: the target sets, or one set's pillars, indicators and targets."""

from __future__ import annotations

from typing import Annotated

import typer

from dxscore.cli.app import app, examples
from dxscore.cli.options import (
    LangOption,
    TableOrJson,
    TargetsOption,
    language,
    reports_input_errors,
)


@app.command(
    epilog=examples(
        "dxscore targets",
        'dxscore targets "Hải Phòng" --lang vi',
        "dxscore targets hanoi --format json > hanoi.json",
    )
)
@reports_input_errors
def targets(
    set_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID", help="A target set: its id or name (hanoi, haiphong, 'Hải Phòng' …)."
        ),
    ] = None,
    targets_paths: TargetsOption = None,
    output_format: Annotated[
        TableOrJson,
        typer.Option(
            "--format", "-f", metavar="table|json", help="A table, or the validated sets as JSON."
        ),
    ] = TableOrJson.table,
    lang: LangOption = None,
) -> None:
    """List the target sets, or one set's pillars, indicators and targets."""
    import json

    from dxscore import api
    from dxscore.console import stdout
    from dxscore.render import targets_view

    loaded = api.load_target_files(targets_paths)
    if set_id is not None:
        chosen = api.find_target_set(set_id, [item.target_set for item in loaded])
        if output_format is TableOrJson.json:
            typer.echo(chosen.model_dump_json(indent=2, exclude_none=True))
            return
        for part in targets_view.detail(chosen, language(lang)):
            stdout().print(part)
        return
    if output_format is TableOrJson.json:
        data = [item.target_set.model_dump(mode="json", exclude_none=True) for item in loaded]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    sets = [(item.target_set, item.file) for item in loaded]
    stdout().print(targets_view.overview(sets, language(lang)))
