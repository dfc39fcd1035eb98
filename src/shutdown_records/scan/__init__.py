"""`scan`: new incidents and updates to known records, found in a news stream.

`engine.run_scan(paths, ScanOptions(out=...))` is the whole pipeline (docs/scan.md); the modules
hold one stage each: inputs (readers and units), language, relevance, judging (per article),
grouping, matching (known records), incidents (build tasks), engines (where work runs), outputs.
"""
