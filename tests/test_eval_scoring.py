"""The scoring rules of the corpus README, one behaviour per test, on hand-written records."""

from __future__ import annotations

import pytest

from shutdown_records.evaluate.scoring import (
    SCORED_FIELDS,
    name_words,
    names_match,
    score_date,
    score_exact,
    score_names,
    score_record,
    score_set,
)

# --- exact ---------------------------------------------------------------------------


def test_exact_fields_ignore_case() -> None:
    assert score_exact("BR", "br") == 1.0
    assert score_exact("service_block", "Service_Block") == 1.0
    assert score_exact("national", "regional") == 0.0


def test_exact_boolean_compares_with_its_text() -> None:
    assert score_exact(True, True) == 1.0
    assert score_exact(False, True) == 0.0
    assert score_exact(True, "true") == 1.0


def test_exact_value_missing_from_record_scores_zero() -> None:
    assert score_exact("BR", None) == 0.0


def test_exact_null_gold_is_left_out() -> None:
    assert score_exact(None, True) is None
    assert score_exact(None, None) is None


# --- dates ---------------------------------------------------------------------------


def test_date_equal_day_scores_one() -> None:
    assert score_date("2021-06-04", "2021-06-04") == 1.0


def test_date_day_inside_gold_month_scores_one() -> None:
    assert score_date("2023-02", "2023-02-09") == 1.0


def test_date_month_against_gold_day_scores_half() -> None:
    assert score_date("2023-02-09", "2023-02") == 0.5


def test_date_month_against_gold_day_in_another_month_scores_zero() -> None:
    assert score_date("2023-02-09", "2023-03") == 0.0


def test_date_wrong_day_in_right_month_scores_zero() -> None:
    assert score_date("2023-02-09", "2023-02-10") == 0.0


def test_date_day_outside_gold_month_scores_zero() -> None:
    assert score_date("2023-02", "2023-03-01") == 0.0


def test_date_null_against_null_scores_one() -> None:
    assert score_date(None, None) == 1.0


def test_date_value_against_null_gold_scores_zero() -> None:
    assert score_date(None, "2021-06-10") == 0.0


def test_date_null_record_against_gold_value_scores_zero() -> None:
    assert score_date("2021-06-10", None) == 0.0


def test_date_any_of_takes_the_best_reading() -> None:
    gold = {"any_of": ["2021-06-04", "2021-06-05"]}
    assert score_date(gold, "2021-06-05") == 1.0
    assert score_date(gold, "2021-06") == 0.5
    assert score_date(gold, "2021-06-07") == 0.0


def test_date_that_is_not_a_calendar_month_matches_only_itself() -> None:
    assert score_date("2021-13", "2021-13") == 1.0
    assert score_date("2021-13", "2021-13-01") == 0.0


def test_date_gold_read_as_date_object_still_compares() -> None:
    import datetime

    assert score_date(datetime.date(2024, 8, 30), "2024-08-30") == 1.0


# --- sets ----------------------------------------------------------------------------


def test_set_f1_of_partial_overlap() -> None:
    # gold {a, b}, built {a, c}: precision 1/2, recall 1/2 -> F1 0.5
    assert score_set("context", ["protests", "religious"], ["protests", "elections"]) == pytest.approx(0.5)


def test_set_f1_with_extra_built_item() -> None:
    # gold {vpn}, built {vpn, tor}: P 1/2, R 1 -> F1 2/3
    assert score_set("workarounds", ["vpn"], ["vpn", "tor"]) == pytest.approx(2 / 3)


def test_two_empty_sets_score_one() -> None:
    assert score_set("platforms", [], []) == 1.0


def test_empty_record_set_against_gold_items_scores_zero() -> None:
    assert score_set("networks", ["mobile"], []) == 0.0
    assert score_set("networks", [], ["mobile"]) == 0.0


def test_twitter_and_x_count_as_one_platform() -> None:
    assert score_set("platforms", ["Twitter"], ["X"]) == 1.0
    assert score_set("platforms", ["X"], ["twitter"]) == 1.0
    # Both names in the record are one platform, not a false positive.
    assert score_set("platforms", ["X"], ["X", "Twitter"]) == 1.0


def test_twitter_x_equivalence_is_only_for_platforms() -> None:
    assert score_set("context", ["x"], ["twitter"]) == 0.0


def test_set_items_may_be_mappings() -> None:
    assert score_set("platforms", ["TikTok"], [{"name": "TikTok"}]) == 1.0


# --- names ---------------------------------------------------------------------------


def test_name_normalisation_strips_accents_punctuation_and_case() -> None:
    assert name_words("Ministère de l’Économie, numérique!") == {"ministere", "economie", "numerique"}


def test_name_normalisation_drops_small_words_in_several_languages() -> None:
    assert name_words("The Ministry of the Interior") == {"ministry", "interior"}
    assert name_words("Tribunal Superior de la Justicia") == {"tribunal", "superior", "justicia"}
    assert name_words("Supremo Tribunal do Estado") == {"supremo", "tribunal", "estado"}


def test_small_words_that_yaml_1_1_reads_as_booleans_are_still_dropped() -> None:
    from shutdown_records.extraction.langdata import shared

    entries = [word for words in shared("eval/smallwords").values() for word in words]
    assert all(isinstance(word, str) for word in entries), "quote on/no/y in eval_smallwords.yaml"
    assert name_words("Law On Information") == {"law", "information"}
    assert name_words("Lei no Brasil y Chile") == {"lei", "brasil", "chile"}


def test_name_made_only_of_small_words_keeps_them() -> None:
    assert name_words("The") == {"the"}


def test_names_match_when_accents_and_punctuation_differ() -> None:
    assert names_match("Ministere de la Communication", "Ministère de la Communication.")


def test_names_match_when_one_contains_the_other() -> None:
    assert names_match("Constitutional Court", "Turkish Constitutional Court")
    assert names_match("Federal Government of Nigeria", "Federal Government")


def test_names_match_at_exactly_sixty_percent_shared_words() -> None:
    # 3 shared of 5 words each: 3/5 = 0.6 -> match
    assert names_match("alpha beta gamma delta epsilon", "alpha beta gamma zeta eta")


def test_names_do_not_match_below_sixty_percent() -> None:
    # 2 shared of 4 words each: 0.5 -> no match (and neither contains the other)
    assert not names_match("alpha beta gamma delta", "alpha beta zeta eta")


def test_sixty_percent_is_of_the_longer_name() -> None:
    # 3 shared; 4 and 6 words: 3/6 = 0.5 < 0.6 even though 3/4 of the shorter are shared.
    assert not names_match("alpha beta gamma delta", "alpha beta gamma zeta eta theta")
    # 3 shared; 4 and 5 words: 3/5 = 0.6 -> match
    assert names_match("alpha beta gamma delta", "alpha beta gamma zeta eta")


def test_small_words_do_not_count_towards_the_overlap() -> None:
    # Without dropping "of the", 4 of 6 words would be shared; after dropping, 2 of 4 are.
    assert not names_match("Ministry of the Interior", "Council of the Interior Affairs")


def test_names_score_matches_any_alias() -> None:
    gold = [{"any_of": ["Information and Communication Technologies Authority", "BTK"]}]
    assert score_names(gold, ["BTK"]) == 1.0
    assert score_names(gold, [{"name": "Information & Communication Technologies Authority"}]) == 1.0


def test_names_matching_is_one_to_one_and_does_not_double_count() -> None:
    gold = [{"any_of": ["Nigerian government", "Federal Government"]}]
    # Two built names match the one gold item: one true positive, one false positive.
    assert score_names(gold, ["Nigerian government", "Federal Government of Nigeria"]) == pytest.approx(2 / 3)


def test_names_matching_finds_the_best_assignment() -> None:
    gold = [
        {"any_of": ["Constitutional Court of Turkey", "Constitutional Court"]},
        {"any_of": ["European Court of Human Rights", "European Court"]},
    ]
    # "Constitutional Court" matches only gold 0; "European Constitutional Court" contains
    # both "Constitutional Court" and "European Court": a greedy pairing in order would give
    # it gold 0 and leave "Constitutional Court" unmatched (F1 0.5).
    built = ["European Constitutional Court", "Constitutional Court"]
    assert score_names(gold, built) == 1.0


def test_court_challenge_gold_items_are_read_through_court() -> None:
    gold = [{"court": {"any_of": ["ECOWAS Court of Justice", "ECOWAS Court"]}}]
    assert score_names(gold, [{"court": "ECOWAS Community Court of Justice", "status": "decided"}]) == 1.0


def test_record_mapping_is_read_through_name_court_instrument_value_in_order() -> None:
    gold = [{"any_of": ["Law No. 5651"]}]
    assert score_names(gold, [{"instrument": "Law No. 5651", "provision": "Article 8"}]) == 1.0
    assert score_names(gold, [{"value": "Law 5651"}]) == 1.0
    # `name` wins over `instrument` when both are present.
    assert score_names(gold, [{"name": "Decree 12", "instrument": "Law No. 5651"}]) == 0.0


def test_two_empty_name_lists_score_one_and_a_missing_one_zero() -> None:
    assert score_names([], []) == 1.0
    assert score_names([{"any_of": ["UCC"]}], []) == 0.0
    assert score_names([], [{"name": "UCC"}]) == 0.0


def test_names_in_non_latin_scripts_match() -> None:
    gold = [{"any_of": ["Роскомнадзор", "Roskomnadzor"]}]
    assert score_names(gold, ["роскомнадзор"]) == 1.0


# --- a whole record ------------------------------------------------------------------

GOLD = {
    "incident": "xx-2024-test",
    "country": "BR",
    "platforms": ["X"],
    "kind": "service_block",
    "networks": [],
    "scope": "national",
    "start_date": "2024-08-30",
    "end_date": None,
    "ordered_by": [{"any_of": ["Caio Venturim", "Supreme Federal Court"]}],
    "justification": ["non_compliance"],
    "context": ["other"],
    "legal_basis": [],
    "court_challenges": [],
    "workarounds": ["vpn"],
    "acknowledged": None,
}


def test_record_score_is_the_mean_of_its_fields_and_null_acknowledged_is_left_out() -> None:
    record = {
        "country": "BR",
        "platforms": ["Twitter"],
        "kind": "service_block",
        "networks": [],
        "scope": "national",
        "start_date": "2024-08",  # 0.5
        "end_date": "2024-10-08",  # 0 against null
        "ordered_by": [{"name": "Justice Caio Venturim", "type": "judiciary"}],
        "justification": ["non_compliance"],
        "context": [],  # 0
        "legal_basis": [],
        "court_challenges": [],
        "workarounds": ["vpn"],
        "acknowledged": True,  # left out: gold is null
    }
    scored = score_record(GOLD, record)
    assert "acknowledged" not in scored.fields
    assert len(scored.fields) == len(SCORED_FIELDS) - 1
    assert scored.fields["start_date"] == 0.5
    assert scored.fields["end_date"] == 0.0
    assert scored.fields["context"] == 0.0
    assert scored.score == pytest.approx((13 - 2.5) / 13)


def test_empty_record_scores_only_what_null_and_empty_gold_allow() -> None:
    scored = score_record(GOLD, {})
    # Right by absence: networks, end_date (null vs null), legal_basis, court_challenges.
    assert {k for k, v in scored.fields.items() if v == 1.0} == {
        "networks",
        "end_date",
        "legal_basis",
        "court_challenges",
    }
    assert scored.score == pytest.approx(4 / 13)


def test_field_absent_from_gold_is_left_out() -> None:
    scored = score_record({"country": "NG"}, {"country": "NG", "kind": "full_network"})
    assert scored.fields == {"country": 1.0}
    assert scored.score == 1.0


def test_codebook_reasons_the_gold_files_write_as_other_score_as_other() -> None:
    # corpus README: illegal_content, precautionary and technical are `other` in the gold files
    assert score_set("justification", ["other"], ["illegal_content"]) == 1.0
    assert score_set("justification", ["national_security", "other"], ["national_security", "technical"]) == 1.0
    assert score_set("justification", ["national_security"], ["precautionary"]) == 0.0
