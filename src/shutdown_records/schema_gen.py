"""The JSON Schema of a record, generated from the pydantic model (never edited by hand)."""

from __future__ import annotations

import json
from typing import Any

from .model import SCHEMA_ID, Incident


def incident_schema() -> dict[str, Any]:
    schema = Incident.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def incident_schema_text() -> str:
    return json.dumps(incident_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
