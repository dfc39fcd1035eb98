"""Loading sources: metadata, offsets into the whole file, tails, languages, bad files."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from shutdown_records.extraction.language import detect_language
from shutdown_records.extraction.loader import load_sources

FIX = Path(__file__).parent / "fixtures" / "build"
SEEDS = Path(__file__).parent.parent / "seeds"


def test_front_matter_gives_metadata_and_offsets_still_index_the_whole_file():
    doc = load_sources([FIX / "ke_tiktok_en.txt"]).docs[0]
    raw = (FIX / "ke_tiktok_en.txt").read_bytes().decode("utf-8")
    assert doc.text == raw  # front matter included: offsets index the file as stored
    assert doc.url == "https://example.org/kenya-tiktok"
    assert doc.published == date(2023, 3, 16)
    assert doc.language == "en"
    assert doc.text[doc.body_start :].startswith("Kenya blocks TikTok")


def test_related_news_tail_is_cut_off_the_body():
    doc = load_sources([FIX / "ke_tiktok_en.txt"]).docs[0]
    assert doc.body_end is not None
    assert doc.text[doc.body_end :].lstrip().startswith("Related news")
    assert "Uganda" not in doc.text[doc.body_start : doc.body_end]


def test_leading_date_line_is_the_published_date():
    loaded = load_sources([SEEDS / "002_fceb94332dd188dd.txt"])
    doc = loaded.docs[0]
    assert doc.published == date(2024, 4, 17)
    assert loaded.published_text[doc.id] == "2024-04-17"
    assert "date 2024" not in doc.text[doc.body_start :]


def test_folder_sources_are_read_in_name_order():
    loaded = load_sources([SEEDS])
    assert [d.id for d in loaded.docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le réseau social X est bloqué depuis deux mois au Pakistan, selon les fournisseurs d'accès et les avocats.",
            "fr",
        ),
        (
            "The platform has been blocked in the country since February, according to the internet providers and the lawyers.",
            "en",
        ),
        (
            "A rede social X foi suspensa no Brasil por decisão do ministro, que determinou o bloqueio em todo o país.",
            "pt",
        ),
        (
            "La red social X está bloqueada en Venezuela desde el jueves, según la organización que mide el acceso.",
            "es",
        ),
        ("Роскомнадзор замедлил работу Твиттера на всей территории страны.", "ru"),
    ],
)
def test_language_is_detected_when_not_declared(text, expected):
    assert detect_language(text)[0] == expected


def test_unreadable_sources_are_named_and_the_rest_still_load(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Le blocage a été levé à Dakar.".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    loaded = load_sources([FIX / "ke_tiktok_en.txt", bad, empty, tmp_path / "missing.txt"])
    assert [d.id for d in loaded.docs] == ["ke_tiktok_en"]
    assert len(loaded.unreadable) == 3
    assert any("latin1.txt" in p and "not UTF-8" in p for p in loaded.unreadable)
    assert any("empty.txt" in p and "empty" in p for p in loaded.unreadable)
    assert any("missing.txt" in p and "no such file" in p for p in loaded.unreadable)


def test_language_without_vocabulary_is_read_and_reported():
    loaded = load_sources([FIX / "nl_unsupported.txt"])
    doc = loaded.docs[0]
    assert doc.language == "nl" and not doc.language_supported
    assert any("language 'nl' has no vocabulary" in p for p in loaded.problems)


def test_html_text_is_stored_as_a_text_source_named_by_hash(tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "page.html"
    shutil.copy(FIX / "page.html", page)
    loaded = load_sources([page], store_dir=tmp_path / "sources")
    doc = loaded.docs[0]
    assert doc.path.parent == tmp_path / "sources" and doc.path.suffix == ".txt"
    assert loaded.origins[doc.id] == page
    assert doc.text == doc.path.read_text(encoding="utf-8")
    assert "blocked access to TikTok on Wednesday" in doc.text
    assert doc.language == "en"


def test_timestamp_and_regional_language_code_in_front_matter_are_accepted(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(
        "---\npublished: 2021-06-22T10:00:00Z\nlanguage: fr-FR\n---\nLe blocage continue.\n", encoding="utf-8"
    )
    loaded = load_sources([src])
    assert loaded.docs[0].language == "fr"
    assert loaded.published_text["a"] == "2021-06-22"


def test_a_text_too_short_to_tell_its_language_is_named_with_the_fix(tmp_path):
    src = tmp_path / "b.txt"
    src.write_text("Hello world.\n", encoding="utf-8")
    loaded = load_sources([src])
    assert loaded.docs == []
    assert "add `language: xx`" in loaded.unreadable[0]
    assert load_sources([src], language="en").docs[0].language == "en"


def test_also_read_links_inside_an_article_are_skipped_not_a_tail(tmp_path):
    from shutdown_records.extraction.extractors import country
    from shutdown_records.extraction.spans import in_related_line

    body = (
        "Authorities in Kenya blocked TikTok on Monday, according to the national regulator and to users.\n\n"
        + "Also read: Uganda and Tanzania discuss a new trade deal in Uganda\n\n"
        + "Also read:\n- Uganda markets rally as Uganda votes\n- Tanzania elects a new mayor\n\n"
        + "Many users in Kenya turned to virtual private networks to keep using the app, the regulator said on Tuesday.\n"
    )
    src = tmp_path / "a.txt"
    src.write_text("---\nlanguage: en\npublished: 2023-03-16\n---\n" + body, encoding="utf-8")
    doc = load_sources([src]).docs[0]
    assert doc.body_end is None  # the story goes on after the links
    assert "virtual private networks" in doc.text[doc.body_start :]
    assert in_related_line(doc, doc.text.index("Uganda and Tanzania"))
    assert in_related_line(doc, doc.text.index("Tanzania elects"))
    assert {m.value for m in country.extract(doc)} == {"KE"}
