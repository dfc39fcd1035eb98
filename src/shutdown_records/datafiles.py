"""Language-neutral data files, `data/<name>.yaml`, read once and cached.

Why a module of its own at the bottom of the package: build, report, export and evaluate all
read these vocabularies (platform aliases, authority names, country names, equivalents), and
none of them should import another stage to do it.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from .dataschema import check, read_yaml
from .vocabschema import SCHEMAS


@cache
def shared(name: str) -> dict[str, Any]:
    """`data/<name>.yaml`: language-neutral data (platform aliases, authority names...).

    `name` says who reads it: `vocab/...` (every stage), `extraction/...`, `exchange/...`
    (STOP, OONI), `eval/...`."""
    path = resources.files("shutdown_records").joinpath("data", *f"{name}.yaml".split("/"))
    if not path.is_file():
        return {}
    data, text = read_yaml(path)
    model = SCHEMAS.get(name)
    # Checked against its schema (vocabschema.py), when it has one: a misspelt key is an error.
    return check(model, data, str(path), text, "vocabschema.py") if model else data or {}


def check_all() -> None:
    """Read every vocabulary that has a schema now, so a file that does not fit it stops a build
    with its file and line before any extractor runs (an extractor's own failure is only
    reported as a problem)."""
    for name in SCHEMAS:
        shared(name)
