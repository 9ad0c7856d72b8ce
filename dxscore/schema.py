"""The JSON Schema of the target-file format, generated from the pydantic models."""

from __future__ import annotations

import json

from dxscore.model import TargetSet


def target_file_schema() -> str:
    """JSON Schema (draft 2020-12) of a target file, as editors and CI validators read it."""
    schema = TargetSet.model_json_schema()
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "dxscore target file (schema version 1)",
        **{key: value for key, value in schema.items() if key != "title"},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def report_schema() -> str:
    """JSON Schema of the JSON report (``check --format json``, ``report -f json``)."""
    from dxscore.report_model import Report

    schema = Report.model_json_schema()
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
