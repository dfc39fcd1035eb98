"""Build a draft record from news articles: load -> extract (per source) -> merge -> record.

`build_record(paths, record_path=..., existing=...)` is the whole pipeline; the modules hold
one stage each: loader (sources), language, extractors/ (one module per field family),
merge (sources -> values, evidence, conflicts), assemble (record), curation (keep reviews).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["BuildResult", "build_record"]

if TYPE_CHECKING:
    from .pipeline import BuildResult, build_record


def __getattr__(name: str) -> Any:
    # Lazy, so importing a sibling module (types, langdata) stays cheap.
    if name in __all__:
        from . import pipeline  # noqa: PLC0415

        return getattr(pipeline, name)
    raise AttributeError(name)
