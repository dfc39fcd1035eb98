"""The field registry (fields.py) agrees with the model and with the data files that name fields.

Each test names a mistake a contributor adding a field could make and that would otherwise
pass silently: a registry entry without a model attribute, a typo in data/extraction/merge.yaml (the
threshold is then ignored), a STOP column that no sheet has, two eval columns with one head.
"""

from __future__ import annotations

import typing
from pathlib import Path

import pytest

from shutdown_records import fields, model
from shutdown_records.datafiles import shared
from shutdown_records.evaluate.corpus import CorpusResult
from shutdown_records.evaluate.report import FIELD_ABBREVIATIONS, render_table
from shutdown_records.export.csv_rows import COLUMNS
from shutdown_records.export.ooni import OONI_FACTS
from shutdown_records.export.vocab import stop_columns

# The record's own name and bookkeeping: every other attribute of the model is a core field.
NOT_CORE = {"id", "title", "summary", "review_status", "sources", "evidence", "conflicts", "curation"}
NOT_CORE |= {"extra_columns", "imported_rows"}


def test_every_core_attribute_of_the_model_carries_its_registry_entry() -> None:
    """An attribute added without its `FieldSpec` would be left out of every stage: name it."""
    assert [f.name for f in fields.FIELDS] == [n for n in model.Incident.model_fields if n not in NOT_CORE]
    assert all(
        sum(isinstance(m, fields.FieldSpec) for m in info.metadata) <= 1
        for info in model.Incident.model_fields.values()
    )


def test_unique_comes_from_the_type_that_refuses_duplicates() -> None:
    assert {f.name for f in fields.FIELDS if f.unique} == {"platforms", "kinds", "regions"}
    with pytest.raises(ValueError, match="duplicate entries"):
        model.Incident.model_validate({"id": "vl-2031-x", "title": "t", "regions": ["Aster", "aster"]})


def test_registry_kind_matches_the_model_type() -> None:
    """A `set` or `named_list` field is a list in the model, a scalar or date field is not."""
    for spec in fields.FIELDS:
        annotation = model.Incident.model_fields[spec.name].annotation
        is_list = typing.get_origin(annotation) is list
        assert is_list == spec.is_list, spec.name
        if spec.kind == "named_list":
            (item,) = typing.get_args(annotation)
            assert spec.item_key in item.model_fields, f"{spec.name}: item key {spec.item_key!r} is not a sub-field"
        else:
            assert spec.item_key is None, spec.name


@pytest.mark.parametrize(
    ("section", "rule"),
    [
        ("scalar_floor", "scalar"),
        ("set_thresholds", "set"),
        ("object_thresholds", "object"),
        ("min_single", "object set"),  # object items and set values alike
    ],
)
def test_merge_yaml_tunes_only_fields_merged_its_way(section: str, rule: str) -> None:
    """`set_thresholds: {platfroms: ...}` would be ignored without a word: name the typo."""
    tuned = [name for name in shared("extraction/merge").get(section) or {} if name != "default"]
    assert tuned, section
    wrong = [name for name in tuned if name not in fields.BY_NAME or fields.BY_NAME[name].merge not in rule.split()]
    assert not wrong, f"data/extraction/merge.yaml `{section}` names fields not merged as {rule}: {wrong}"


def test_stop_columns_of_each_field_are_stop_columns() -> None:
    known = set(stop_columns()) | {"service_details"}  # service_details: the 2023 sheets' column
    for spec in fields.FIELDS:
        assert set(spec.stop) <= known, f"{spec.name}: {set(spec.stop) - known} is not a STOP column"


def test_eval_columns_have_distinct_short_heads() -> None:
    heads = list(FIELD_ABBREVIATIONS.values())
    assert len(set(heads)) == len(heads) and all(1 <= len(h) <= 4 for h in heads)
    assert list(FIELD_ABBREVIATIONS) == list(fields.scored())


def test_eval_table_heads_follow_the_registry() -> None:
    """The table reads its columns from the registry: no KeyError when a field is scored."""
    table = render_table(CorpusResult(corpus=Path("corpus"), incidents=[]))
    assert table.splitlines()[0].split()[1:-2] == [f.score.abbreviation for f in fields.FIELDS if f.score]


def test_csv_has_one_column_per_exported_field_and_ooni_one_line_per_fact() -> None:
    assert [c for c in COLUMNS if c in fields.BY_NAME] == [f.name for f in fields.FIELDS if f.csv]
    assert [name for name, _ in OONI_FACTS] == [
        f.name
        for f in sorted((f for f in fields.FIELDS if f.ooni), key=lambda f: f.ooni.rank)  # type: ignore[union-attr]
    ]
    ranks = [f.ooni.rank for f in fields.FIELDS if f.ooni]
    assert len(set(ranks)) == len(ranks)


def test_item_keys_and_list_fields_come_from_the_registry() -> None:
    assert model.ITEM_KEYS == {f.name: f.item_key for f in fields.FIELDS if f.item_key}
    assert model.LIST_FIELDS == {f.name for f in fields.FIELDS if f.is_list}
    assert model.EVIDENCED_FIELDS == tuple(f.name for f in fields.FIELDS if f.evidenced)


def test_a_field_given_a_stop_column_is_exported_there_without_code(monkeypatch: pytest.MonkeyPatch) -> None:
    """A registry entry's STOP column with no cell of its own in export/stop.py gets the values."""
    from dataclasses import replace

    from shutdown_records.export import stop

    record = model.Incident.model_validate(
        {
            "id": "zz-2031-x",
            "title": "t",
            "operators": [{"name": "Ruritel"}, {"name": "Zubronet", "asn": 64500}],
        }
    )
    assert stop.computed_cells(record).get("telco_ack") is None
    specs = tuple(replace(f, stop=(*f.stop, "telco_ack")) if f.name == "operators" else f for f in fields.FIELDS)
    monkeypatch.setattr(stop, "FIELDS", specs)
    assert stop.computed_cells(record)["telco_ack"] == "Ruritel, Zubronet"
    assert stop.stop_row(record)["telco_ack"] == "Ruritel, Zubronet"
