"""The JSON Schemas of the target-file format and of the JSON report, generated from the
pydantic models."""

from __future__ import annotations

import json
from typing import Any

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

    schema = _open(Report.model_json_schema())
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _open(schema: Any) -> Any:
    """The schema without ``additionalProperties: false``: a version-1 report may gain keys
    (README, "JSON output"), and a consumer's validation must not break when it does. The
    models stay closed, so that dxscore's own tests catch a key added by mistake."""
    if isinstance(schema, dict):
        return {
            key: _open(value)
            for key, value in schema.items()
            if not (key == "additionalProperties" and value is False)
        }
    if isinstance(schema, list):
        return [_open(item) for item in schema]
    return schema
