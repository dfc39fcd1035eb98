"""`jsonl`: each record as one line of JSON, everything kept (the lossless machine format)."""

from __future__ import annotations

import json

from ..model import Incident
from .base import RecordWriter


class JsonlWriter(RecordWriter):
    name = "jsonl"
    description = "one record per line as JSON, every field (model_dump mode=json)"

    def write(self, record: Incident) -> None:
        self.out.write(json.dumps(record.model_dump(mode="json"), ensure_ascii=False))
        self.out.write("\n")
