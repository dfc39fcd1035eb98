"""Score the builder against a corpus of articles with gold records (rules: the corpus README).

`scoring` holds the pure per-field rules, `corpus` runs the builder over incident folders,
`baseline` pins score floors, `report` renders tables, JSON and diffs.
"""

from .baseline import check_baseline, load_baseline, write_baseline
from .corpus import CorpusResult, IncidentResult, evaluate_corpus, find_incidents
from .scoring import SCORED_FIELDS, RecordScore, score_record

__all__ = [
    "SCORED_FIELDS",
    "CorpusResult",
    "IncidentResult",
    "RecordScore",
    "check_baseline",
    "evaluate_corpus",
    "find_incidents",
    "load_baseline",
    "score_record",
    "write_baseline",
]
