"""Extractors: each reads one Doc and yields Mentions for the fields it knows.

`EXTRACTORS` lists them in a fixed order (deterministic output). Each module exposes
`extract(doc: Doc) -> Iterable[Mention]` and must never raise on odd text.
"""
