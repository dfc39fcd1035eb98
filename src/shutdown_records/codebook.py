"""The codebook: one-line definitions of every vocabulary value, kept in data/vocab/codebook.yaml."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources

import yaml

from . import model

# Vocabulary name in the codebook -> the model's enum that holds the values.
VOCABULARIES: dict[str, type[StrEnum]] = {
    "kind": model.Kind,
    "networks": model.Network,
    "scope": model.Scope,
    "status": model.Status,
    "authority_type": model.AuthorityType,
    "justification": model.Justification,
    "context": model.Context,
    "workarounds": model.Workaround,
    "review_status": model.ReviewStatus,
    "curation": model.Curation,
}


@cache
def codebook() -> dict[str, dict[str, str]]:
    text = resources.files("shutdown_records").joinpath("data", "vocab", "codebook.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def codebook_markdown() -> str:
    """docs/codebook.md, generated so the definitions live in one place."""
    lines = [
        "# Codebook",
        "",
        "Generated from `src/shutdown_records/data/codebook.yaml` by "
        "`python -m shutdown_records.codebook > docs/codebook.md`; a test keeps it current.",
        "",
    ]
    for name, values in codebook().items():
        lines += [f"## `{name}`", "", "| value | definition |", "| --- | --- |"]
        lines += [f"| `{value}` | {definition} |" for value, definition in values.items()]
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(codebook_markdown(), end="")
