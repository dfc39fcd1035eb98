"""Whole records from Arabic reporting: tests/arabic_corpus (ten invented incidents, every field)
must stay at its floors (tests/floors/arabic_corpus.json), and each idea the corpus exposed
is asserted on invented sentences, with a case where it must not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO_ROOT
from shutdown_records.evaluate import check_baseline, evaluate_corpus, find_incidents, load_baseline
from shutdown_records.evaluate.corpus_id import corpus_digest
from shutdown_records.extraction.pipeline import build_record

CORPUS = REPO_ROOT / "tests" / "arabic_corpus"
FLOORS = REPO_ROOT / "tests" / "floors" / "arabic_corpus.json"


def test_the_arabic_corpus_stays_at_its_floors() -> None:
    floors = load_baseline(FLOORS)
    assert corpus_digest(find_incidents(CORPUS)) == floors.get("corpus_digest"), (
        "tests/arabic_corpus changed since its floors were pinned: re-pin with "
        "`shutdown-records eval tests/arabic_corpus --write-baseline tests/floors/arabic_corpus.json`"
    )
    result = evaluate_corpus(CORPUS)
    assert len(result.incidents) >= 10
    assert {lang for r in result.incidents for lang in r.languages} >= {"ar"}
    drops = check_baseline(result, floors)
    assert not drops, "arabic_corpus: scores below their floors:\n" + "\n".join(map(str, drops))


def _build(tmp_path: Path, articles: list[tuple[str, str]], language: str = "ar") -> dict:
    paths = []
    for i, (published, body) in enumerate(articles, 1):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(f"---\nlanguage: {language}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return build_record(paths).record


def _names(record: dict, field: str, key: str = "name") -> list[str]:
    return [item[key] if isinstance(item, dict) else item for item in record.get(field) or []]


# --- dates -------------------------------------------------------------------------------------


def test_two_names_of_one_month_joined_by_a_slash_are_one_month(tmp_path: Path) -> None:
    body = "ستقطع وزارة الاتصالات في بلاد قيدار خدمة الإنترنت يومياً خلال الامتحانات من 3 أيار/مايو إلى 9 أيار/مايو."
    seen = "انقطعت خدمة الإنترنت صباح السبت مع انطلاق الامتحانات."
    record = _build(tmp_path, [("2025-05-01", body), ("2025-05-04", seen)])
    assert (record["start_date"], record["end_date"]) == ("2025-05-03", "2025-05-09")


def test_a_slash_month_alone_is_no_range(tmp_path: Path) -> None:
    body = "حجبت السلطات تطبيق تيك توك منذ 3 أيار/مايو، وما زال محجوباً."
    record = _build(tmp_path, [("2025-05-10", body)])
    assert (record["start_date"], record["end_date"]) == ("2025-05-03", None)


def test_a_schedule_that_begins_and_continues_until_a_day_is_a_range(tmp_path: Path) -> None:
    body = (
        "أعلنت وزارة الاتصالات أنها ستقطع الإنترنت ساعتين يومياً خلال الامتحانات التي تبدأ في "
        "3 حزيران/يونيو الجاري وتستمر حتى 12 حزيران/يونيو."
    )
    seen = "انقطع الإنترنت صباح الثلاثاء مع انطلاق الامتحانات في مدينة الواحات."
    record = _build(tmp_path, [("2025-06-01", body), ("2025-06-04", seen)])
    assert (record["start_date"], record["end_date"]) == ("2025-06-03", "2025-06-12")


@pytest.mark.parametrize(("body", "start"), [("منذ صباح الأحد 15 جوان", "2025-06-15"), ("منذ 2 أفريل", "2025-04-02")])
def test_maghrebi_month_names(tmp_path: Path, body: str, start: str) -> None:
    record = _build(tmp_path, [("2025-06-20", f"تعذّر الوصول إلى فيسبوك {body} في الجزائر.")])
    assert record["start_date"] == start


# --- who ordered it ----------------------------------------------------------------------------


def test_a_regulator_is_named_as_the_text_names_it(tmp_path: Path) -> None:
    body = "حجبت الهيئة العامة للاتصالات والمعلوماتية في ليبيا تطبيق تيك توك منذ السبت، وفق بيان رسمي."
    record = _build(tmp_path, [("2025-03-10", body)])
    assert _names(record, "ordered_by") == ["الهيئة العامة للاتصالات والمعلوماتية"]


def test_operators_are_no_regulator(tmp_path: Path) -> None:
    body = "قالت شركات الاتصالات في ليبيا إنها نفذت قرار حجب تيك توك منذ السبت."
    record = _build(tmp_path, [("2025-03-10", body)])
    assert not any("شركات" in name for name in _names(record, "ordered_by"))


def test_a_body_that_denies_issuing_an_order_did_not_order(tmp_path: Path) -> None:
    body = (
        "تعذّر الوصول إلى فيسبوك وإنستغرام في الجزائر منذ الأحد. ونفت وزارة البريد في بيان أن تكون قد "
        'أصدرت "أي تعليمات بحجب مواقع التواصل".'
    )
    record = _build(tmp_path, [("2025-06-16", body)])
    assert record["ordered_by"] == []
    assert record["acknowledged"] is False


def test_a_future_verb_names_the_restriction_its_announcer_orders(tmp_path: Path) -> None:
    body = "أعلنت وزارة الاتصالات العراقية، اليوم الأحد، أنها ستقطع خدمة الإنترنت يومياً خلال الامتحانات."
    record = _build(tmp_path, [("2025-05-18", body)])
    assert "Ministry of Communications" in _names(record, "ordered_by")


# --- law and court -----------------------------------------------------------------------------


def test_a_law_cited_by_its_number_alone_is_the_law_named_in_full(tmp_path: Path) -> None:
    body = (
        "حجبت الهيئة الوطنية للاتصالات تطبيق تيك توك استناداً إلى قانون مكافحة الجرائم الإلكترونية رقم 4 "
        'لسنة 2022. وقالت منظمة حقوقية إن "القانون رقم 4 نفسه محل طعن".'
    )
    record = _build(tmp_path, [("2025-03-10", body)])
    assert _names(record, "legal_basis", "instrument") == ["قانون مكافحة الجرائم الإلكترونية رقم 4 لسنة 2022"]


def test_a_law_with_another_number_stays_apart(tmp_path: Path) -> None:
    body = (
        "حجبت الهيئة الوطنية للاتصالات تطبيق تيك توك استناداً إلى قانون مكافحة الجرائم الإلكترونية رقم 4 "
        "لسنة 2022، وبموجب القانون رقم 9 لسنة 2019."
    )
    record = _build(tmp_path, [("2025-03-10", body)])
    assert len(_names(record, "legal_basis", "instrument")) == 2


def test_a_court_named_by_its_seat_heard_the_challenge(tmp_path: Path) -> None:
    body = (
        "حُجب تيك توك في ليبيا منذ 8 آذار. وقضت الدائرة الإدارية بمحكمة استئناف الزيتونة بوقف تنفيذ قرار "
        "الحجب في الدعوى التي رفعها محامون."
    )
    record = _build(tmp_path, [("2025-04-02", body)])
    assert _names(record, "court_challenges", "court") == ["محكمة استئناف الزيتونة"]


# --- workarounds, scope, context ---------------------------------------------------------------


def test_satellite_internet_is_a_workaround(tmp_path: Path) -> None:
    body = "قُطع الإنترنت عن الإقليم منذ الإثنين، ولجأ التجار إلى أجهزة ستارلينك للاتصال بالإنترنت الفضائي."
    assert _build(tmp_path, [("2025-02-05", body)])["workarounds"] == ["satellite"]


def test_a_vpn_said_not_to_help_is_no_workaround(tmp_path: Path) -> None:
    body = (
        "انقطع الإنترنت في عموم البلاد صباح الأربعاء. ويشكو مستخدمون من أن تطبيقات الشبكات الافتراضية "
        "الخاصة لا تنفع خلال ساعات القطع."
    )
    assert _build(tmp_path, [("2025-05-22", body)])["workarounds"] == []


def test_a_town_cut_alone_is_local(tmp_path: Path) -> None:
    body = "قُطعت خدمة بيانات الهاتف المحمول عن بلدة الرمانة في الأردن منذ مساء الأحد على خلفية احتجاجات."
    assert _build(tmp_path, [("2025-07-08", body)])["scope"] == "local"


def test_a_hijri_date_in_ramadan_is_no_religious_context(tmp_path: Path) -> None:
    body = "حجبت الهيئة تطبيق فيسبوك منذ السبت 8 آذار/مارس 2025، الموافق 8 رمضان 1446 هـ، بعد اشتباكات قبلية."
    assert "religious" not in (_build(tmp_path, [("2025-03-10", body)])["context"] or [])


def test_a_block_during_ramadan_is_religious_context(tmp_path: Path) -> None:
    body = "حجبت السلطات تطبيق فيسبوك خلال شهر رمضان بسبب الإعلانات."
    assert "religious" in (_build(tmp_path, [("2025-03-10", body)])["context"] or [])


def test_a_lifting_condition_is_no_reason(tmp_path: Path) -> None:
    body = "قطعت السلطات الإنترنت عن الإقليم منذ الإثنين، على أن تعود الخدمة إلى حين استقرار الأوضاع."
    assert "public_order" not in (_build(tmp_path, [("2025-02-05", body)])["justification"] or [])


def test_stability_as_the_aim_is_public_order(tmp_path: Path) -> None:
    body = "قطعت السلطات الإنترنت عن الإقليم منذ الإثنين، وقال الوزير إن القرار اتُّخذ للحفاظ على الاستقرار."
    assert "public_order" in (_build(tmp_path, [("2025-02-05", body)])["justification"] or [])


def test_a_vpn_tried_beside_calls_via_an_app_is_no_workaround(tmp_path: Path) -> None:
    body = (
        "انقطع الإنترنت في عموم البلاد صباح الأربعاء. وكتب أحد المستخدمين: جرّبت ثلاثة تطبيقات VPN ولا شيء "
        "يعمل، حتى المكالمات عبر واتساب متوقفة."
    )
    assert _build(tmp_path, [("2025-05-22", body)])["workarounds"] == []


def test_getting_round_via_vpn_apps_is_a_workaround(tmp_path: Path) -> None:
    body = "حجبت السلطات تطبيق تيك توك في البلاد منذ السبت، ويواصل المستخدمون النشر عبر تطبيقات في بي إن."
    assert _build(tmp_path, [("2025-03-10", body)])["workarounds"] == ["vpn"]


def test_disruptions_of_a_service_are_no_unrest(tmp_path: Path) -> None:
    body = "سجلت اضطرابات في مواقع التواصل الاجتماعي في الجزائر منذ الأحد، وتعذّر الوصول إلى فيسبوك."
    assert "unrest" not in (_build(tmp_path, [("2025-06-16", body)])["context"] or [])


def test_unrest_in_the_streets_is_unrest(tmp_path: Path) -> None:
    body = "قطعت السلطات الإنترنت عن مدينة الواحات منذ الأحد إثر اضطرابات عنيفة بين محتجين وقوات الأمن."
    assert "unrest" in (_build(tmp_path, [("2025-06-16", body)])["context"] or [])
