"""What a score was measured on: a corpus digest, and the fixed dev/hold-out split.

Floors pinned on one corpus mean nothing on another: the digest (SHA-256 over each
incident's id, gold.yaml and source files) is stored with the floors, and a check against a
different corpus says so instead of comparing. The split (`bench/corpus_split.json`) names
the incidents kept aside, so `eval --split holdout` reports the generalisation estimate and
`--split dev` the part one may tune on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from .corpus import IncidentFolder

SPLITS = ("dev", "holdout")
DEFAULT_SPLIT_FILE = Path("bench") / "corpus_split.json"


def corpus_digest(incidents: Sequence[IncidentFolder]) -> str:
    """`sha256:<hex>` of the incidents' ids, gold files and sources (names and bytes), in id order."""
    digest = hashlib.sha256()
    for incident in sorted(incidents, key=lambda i: i.id):
        digest.update(b"incident\0" + incident.id.encode("utf-8") + b"\0")
        for path in (incident.gold_path, *incident.source_paths):
            data = path.read_bytes()
            digest.update(path.name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0" + data)
    return "sha256:" + digest.hexdigest()


def load_split(path: Path) -> dict[str, Any]:
    """Read a split file (`{"holdout": [ids...], ...}`), naming what is wrong in one line."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(
            "no split file here; run from the repository root or pass --split-file bench/corpus_split.json",
            place=str(path),
        ) from None
    except OSError as err:
        raise InputError(f"cannot read the split file: {err.strerror}", place=str(path)) from None
    except json.JSONDecodeError as err:
        raise InputError(f"not valid JSON: {err.msg}", place=f"{path}:{err.lineno}:{err.colno}") from None
    holdout = data.get("holdout") if isinstance(data, dict) else None
    if not isinstance(holdout, list) or not all(isinstance(i, str) for i in holdout) or not holdout:
        raise InputError('a split file is a JSON object with "holdout": [incident ids]', place=str(path))
    return data


def select_split(
    incidents: Sequence[IncidentFolder], split: str, data: dict[str, Any], path: Path
) -> list[IncidentFolder]:
    """The incidents of `split`: `holdout` lists them, `dev` is every other incident. Every
    hold-out id must be in the corpus: otherwise the split was made for another corpus."""
    holdout = set(data["holdout"])
    known = {i.id for i in incidents}
    missing = sorted(holdout - known)
    if missing:
        raise UsageError(
            f"the split's hold-out incidents {', '.join(missing)} are not in this corpus: "
            "the split belongs to another corpus (use --split only with ../shared/corpus or give --split-file)",
            place=str(path),
        )
    chosen = [i for i in incidents if (i.id in holdout) == (split == "holdout")]
    return chosen
