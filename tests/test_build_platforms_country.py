"""Platforms and country: canonical names, careful X, passing mentions, tails that do not vote."""

from __future__ import annotations

from pathlib import Path

from shutdown_records.extraction.assemble import platform_name
from shutdown_records.extraction.extractors import country, platforms
from shutdown_records.extraction.loader import load_sources
from shutdown_records.extraction.pipeline import build_record
from shutdown_records.extraction.types import Doc

FIX = Path(__file__).parent / "fixtures" / "build"


def _doc(text: str, language: str = "en") -> Doc:
    return Doc(id="t.txt", path=Path("t.txt"), text=text, sha256="0" * 64, language=language)


def test_x_formerly_twitter_is_one_platform_not_two():
    found = list(platforms.extract(_doc("Pakistan blocked X, formerly known as Twitter, on Saturday.")))
    assert {m.value for m in found} == {"X"}


def test_bare_capital_x_is_not_a_platform_without_a_cue():
    text = "Police searched house X and found nothing. The X-ray showed no damage."
    assert list(platforms.extract(_doc(text))) == []


def test_bare_x_counts_once_the_article_established_the_platform():
    text = "The social media platform X was blocked on Monday.\n\nUsers said X was still unreachable."
    found = list(platforms.extract(_doc(text)))
    assert [m.value for m in found] == ["X", "X"]


def test_platform_named_in_a_blocking_sentence_outweighs_a_passing_mention():
    text = "Authorities blocked TikTok on Monday.\n\nLike Facebook, the app is popular with students."
    weights = {m.value: m.weight for m in platforms.extract(_doc(text))}
    assert weights["TikTok"] > weights["Facebook"]


def test_twitter_and_x_are_named_by_the_incident_date():
    assert platform_name("X", "2021-06-04") == "Twitter"
    assert platform_name("Twitter", "2024-02-17") == "X"
    assert platform_name("Twitter", "2023-07") == "X"
    assert platform_name("TikTok", "2010-01-01") == "TikTok"


def test_a_twitter_block_before_the_rename_stays_twitter():
    result = build_record([FIX / "ng_twitter_2021.txt"])
    assert result.record["platforms"] == ["Twitter"]


def test_passing_mentions_are_left_out_but_kept_in_conflicts():
    result = build_record([FIX / "ke_tiktok_en.txt", FIX / "ke_tiktok_fr.txt"])
    assert result.record["platforms"] == ["TikTok"]
    left = result.record["conflicts"]["platforms"]
    assert {c["value"] for c in left["candidates"]} >= {"Facebook", "Instagram"}
    cited = {c["value"] for c in result.record["evidence"]["platforms"]}
    assert {"TikTok", "Facebook", "Instagram"} <= cited


def test_country_comes_from_the_body_not_the_related_news_tail():
    doc = load_sources([FIX / "ke_tiktok_en.txt"]).docs[0]
    codes = {m.value for m in country.extract(doc)}
    assert codes == {"KE"}  # Uganda appears five times, all after "Related news"


def test_french_country_name_and_demonym_are_read():
    found = list(country.extract(_doc("Les fournisseurs pakistanais ont coupé l'accès.", "fr")))
    assert {m.value for m in found} == {"PK"}
    found = list(country.extract(_doc("Le blocage au Sénégal continue.", "fr")))
    assert {m.value for m in found} == {"SN"}


def test_a_country_s_own_name_is_read_beside_cldrs_in_every_case():
    # CLDR's Russian name is "Киргизия"; the press there writes "Кыргызстан", declined.
    for sentence in ("В Кыргызстане заблокировали TikTok.", "Власти Кыргызстана отключили интернет."):
        assert {m.value for m in country.extract(_doc(sentence, "ru"))} == {"KG"}


def test_country_is_read_in_a_language_without_vocabulary():
    result = build_record([FIX / "nl_unsupported.txt"])
    assert result.record["country"] == "ET"
    assert any("no vocabulary" in p for p in result.problems)


def test_capital_x_listed_with_other_platforms_is_the_platform():
    found = list(platforms.extract(_doc("Protesters rely on X, TikTok and WhatsApp; access to X was cut.")))
    assert [m.value for m in found].count("X") >= 1


def test_platform_used_to_announce_something_is_a_passing_mention():
    text = "NetBlocks said in a post on Twitter that access to WhatsApp was restricted."
    weights = {m.value: m.weight for m in platforms.extract(_doc(text))}
    assert weights["WhatsApp"] == 1.0 and weights["Twitter"] < 0.5
