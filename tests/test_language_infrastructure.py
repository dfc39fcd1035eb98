"""Word boundaries, normalisation, inflection, digits and language identification in scripts
other than Latin. Invented articles only (invented places and people: Veloria, Tavo Renk)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction import cues as C
from shutdown_records.extraction.extractors import dates, platforms
from shutdown_records.extraction.langschema import LanguageDataError, validate
from shutdown_records.extraction.language import detect_language
from shutdown_records.extraction.pipeline import build_record
from shutdown_records.extraction.types import Doc
from shutdown_records.text import fold, native_digits


def make_doc(text: str, language: str) -> Doc:
    return Doc(id="t1", path=Path("t1.txt"), text=text + "\n", sha256="0" * 64, language=language)


def hit_texts(text: str, language: str, *path: str) -> list[str]:
    doc = make_doc(text, language)
    return [doc.text[h.start : h.end] for h in C.hits(doc, *path)]


# ------------------------------------------------------------------ word boundaries (Devanagari)


def test_a_hindi_cue_matches_in_a_sentence_but_not_inside_a_longer_word():
    # "बंद" (shut) is a restriction word; "बंदूक" (gun) begins with it followed by a vowel sign,
    # which the regex engine does not count as a letter: it used to match there.
    assert hit_texts("प्रशासन ने वेलोरिया जिले में इंटरनेट बंद कर दिया।", "hi", "gates", "restriction") == ["बंद"]
    assert hit_texts("पुलिस ने वेलोरिया गांव से एक बंदूक बरामद की।", "hi", "gates", "restriction") == []


def test_a_hindi_cue_takes_the_endings_listed_for_the_language():
    # "अफवाह" (rumour) in its oblique plural "अफवाहों": meta.yaml inflection.endings.
    found = hit_texts("प्रशासन ने अफवाहों को रोकने के लिए मोबाइल इंटरनेट बंद किया।", "hi", "justification")
    assert "अफवाहों" in found


def test_a_nepali_cue_matches_in_a_sentence_but_not_inside_a_longer_word():
    said = "टिकटक अझै बन्द छ, दूरसञ्चार प्राधिकरणका प्रवक्ता तावो रेन्कले भने।"
    gun = "वेलोरियाका प्रहरीसँग अझै बन्दुक छ।"  # "बन्दुक" (gun) begins with "बन्द" (shut)
    assert hit_texts(said, "ne", "status") == ["अझै बन्द"]
    assert hit_texts(gun, "ne", "status") == []


def test_nepali_postpositions_written_joined_are_endings_of_a_cue():
    pattern = C.compile_pattern(C.inflect("ne", fold("सरकार")))
    assert pattern.search(fold("वेलोरिया सरकारले टिकटक बन्द गर्‍यो।"))  # "by the government"
    assert pattern.search(fold("सरकारमा")) and not pattern.search(fold("सरकारी"))  # "सरकारी": an adjective


def test_a_turkish_cue_marked_as_a_stem_takes_suffixes():
    stem = C.compile_pattern(C.inflect("tr", fold("engellen"), stem=True))
    bare = C.compile_pattern(C.inflect("tr", fold("engellen")))
    for word in ("engellendi", "engellenmesi", "engellenmişti"):
        assert stem.fullmatch(word) and not bare.fullmatch(word)


# ------------------------------------------------------------------ normalisation before matching


def test_persian_typed_with_arabic_yeh_and_kaf_is_read_like_persian():
    persian = "دولت دسترسی به اینترنت همراه را در سراسر کشور قطع کرد."
    arabic_keys = persian.replace("ی", "ي").replace("ک", "ك")

    def found(text: str) -> list[tuple[str, int, int]]:
        return [(h.value, h.start, h.end) for h in C.hits(make_doc(text, "fa"), "kind")]

    assert found(arabic_keys) == found(persian) != []


def test_zero_width_non_joiner_and_space_are_one_spelling():
    assert fold("می\u200cشود") == fold("می شود")
    assert len(fold("می\u200cشود")) == len("می\u200cشود")


def test_turkish_capitals_and_russian_yo_match_like_the_cues():
    assert hit_texts("VELORİA'DA İNTERNET ERİŞİMİ ENGELLENDİ.", "tr", "gates", "restriction")
    assert fold("ещё") == fold("еще") and fold("ВЕЛОРİA") == "ВЕЛОРIA"


def test_quotes_stay_verbatim_at_their_offsets_after_normalisation(tmp_path):
    # Arabic yeh and kaf, a zero-width non-joiner and Persian digits in the source: the record
    # quotes the source as written, at offsets that index it.
    body = (
        "قطع اینترنت در ولوریا\n\n"
        "وزارت ارتباطات ولوریا روز ۱۲ خرداد ۱۴۰۳ دسترسي به اينترنت همراه را در سراسر كشور قطع كرد. "
        "مقام‌ها گفتند این تصمیم برای حفظ امنیت ملی گرفته شده است."
    )
    path = tmp_path / "fa.txt"
    path.write_text(f"---\nurl: https://example.org/fa\npublished: 2024-06-02\nlanguage: fa\n---\n{body}\n", "utf-8")
    built = build_record([path])
    record = built.record
    assert record["kind"] == "full_network"
    source = path.read_text(encoding="utf-8")
    quotes = [c for items in record["evidence"].values() for c in items]
    assert quotes
    for citation in quotes:
        assert source[citation["start"] : citation["end"]] == citation["quote"]


# ------------------------------------------------------------------ platform names in other scripts


@pytest.mark.parametrize(
    "language, text",
    [
        ("hi", "वेलोरिया प्रशासन ने टेलीग्राम पर रोक लगा दी।"),
        ("ur", "ویلوریا میں ٹیلی گرام تک رسائی بند کر دی گئی۔"),
        ("ar", "حجبت السلطات في ولوريا تطبيق تلغرام."),
        ("fa", "دسترسي به تلگرام در ولوريا مسدود شد."),  # Persian typed with Arabic yeh: folded
        ("pl", "Władze Velorii zablokowały dostęp do Telegramu."),
    ],
)
def test_a_platform_written_in_the_local_script_or_case_is_named(language, text):
    found = {m.value for m in platforms.extract(make_doc(text, language)) if m.field == "platforms"}
    assert found == {"Telegram"}


# ------------------------------------------------------------------ digits: one rule


def test_native_digits_have_one_rule_shared_by_matching_and_dates():
    assert native_digits("۱۴۰۳/۰۳/۱۲ ٢٠٢٤ २०८१ ১২") == "1403/03/12 2024 2081 12"
    assert fold("۱۲ خرداد") == "12 خرداد"
    assert dates.native_digits is native_digits


# ------------------------------------------------------------------ language identification

ARTICLES = {
    "ur": "وزارت داخلہ نے صوبہ ویلوریا میں موبائل انٹرنیٹ سروس معطل کرنے کا حکم دیا ہے۔ حکام کا کہنا ہے کہ یہ فیصلہ امن و امان کی صورتحال کے پیش نظر کیا گیا۔",
    "fa": "وزارت ارتباطات دسترسی به اینترنت همراه را در استان ولوریا قطع کرد. مقام‌ها گفتند این تصمیم برای حفظ امنیت گرفته شده است.",
    "ar": "قررت السلطات في ولوريا قطع خدمة الإنترنت عبر الهاتف المحمول في العاصمة. وقال وزير الاتصالات إن القرار جاء لأسباب أمنية.",
    "hi": "वेलोरिया प्रशासन ने जिले में मोबाइल इंटरनेट सेवाएं बंद करने का आदेश दिया है। अधिकारियों ने कहा कि यह फैसला अफवाहों को रोकने के लिए लिया गया।",
    "ne": "सरकारले वेलोरिया जिल्लामा मोबाइल इन्टरनेट सेवा बन्द गर्ने निर्णय गरेको छ। अधिकारीहरूले यो निर्णय सुरक्षाका लागि गरिएको बताए।",
    "sw": "Serikali ya Veloria imezima huduma za intaneti kwa simu za mkononi tangu Jumatatu. Waziri wa Mawasiliano Tavo Renk alisema hatua hiyo ni kwa sababu za usalama.",
    "id": "Pemerintah Veloria memblokir akses ke layanan Chirper sejak Senin. Menteri Komunikasi Tavo Renk mengatakan pemblokiran dilakukan untuk mencegah penyebaran hoaks.",
    "sq": "Qeveria e Velorias bllokoi aksesin në platformën Chirper që prej të hënës. Ministri i Komunikimit Tavo Renk deklaroi se vendimi u mor për arsye sigurie.",
    "ru": "Власти Велории заблокировали доступ к мессенджеру Chirper. Министр связи Таво Ренк заявил, что решение принято по соображениям безопасности.",
}


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_the_language_of_an_invented_article_is_told(language):
    assert detect_language(ARTICLES[language])[0] == language


@pytest.mark.parametrize(
    "text, language",
    [
        ("सरकारले टिकटक बन्द गरेको छ र सेवा अझै बन्द छ।", "ne"),  # short Nepali: its own stop words
        ("सरकार ने टिकटॉक पर रोक लगा दी है और सेवा अब भी बंद है।", "hi"),
        (ARTICLES["ne"][:80], "ne"),  # a headline-sized piece, not taken for Hindi
        # Malay is not Indonesian (no folder for it: the model tells it, stop words do not claim it)
        (
            "Kerajaan Veloria menyekat akses kepada perkhidmatan Telegram sejak Isnin. Menteri Komunikasi Tavo Renk "
            "berkata sekatan itu dibuat kerana penyebaran berita palsu.",
            "ms",
        ),
        # Persian typed on an Arabic keyboard (no Persian letters): its stop words tell it
        (ARTICLES["fa"].replace("ی", "ي").replace("ک", "ك"), "fa"),
    ],
)
def test_short_or_oddly_typed_articles_are_told(text, language):
    assert detect_language(text)[0] == language


@pytest.mark.parametrize(
    "text, language",
    [
        ("Тоолуу аймакта интернет байланышы өчүрүлдү. Тургундар эки жумадан бери байланышсыз калышты.", "ky"),
        ("Үкімет елдегі мобильді интернетті өшірді. Тұрғындар екі апта бойы байланыссыз қалды.", "kk"),
        (
            "Ҳукумат интернетро дар Вилояти Мухтори Кӯҳистони Бадахшон қатъ кард. Сокинони маҳаллӣ ду ҳафта бе алоқа монданд.",
            "tg",
        ),
        ("Ҳукумат вилоятда мобил интернетни ўчириб қўйди. Аҳоли икки ҳафта алоқасиз қолди.", "uz"),
        ("Улады адключылі мабільны інтэрнэт ва ўсёй краіне. Жыхары два тыдні заставаліся без сувязі.", "be"),
        ("Влада відключила мобільний інтернет по всій країні. Мешканці два тижні залишалися без зв'язку.", "uk"),
        ("Власти отключили мобильный интернет по всей стране. Жители две недели оставались без связи.", "ru"),
    ],
)
def test_cyrillic_alphabets_other_than_russian_are_told_by_their_letters(text, language):
    # A Kyrgyz or Tajik article is not read (nor labelled) as Russian: _common/meta.yaml other_languages.
    assert detect_language(text) == (language, "writing system")


@pytest.mark.parametrize(
    "text, language",
    [
        ("Η κυβέρνηση διέκοψε το διαδίκτυο στη Βελόρια. Οι κάτοικοι έμειναν χωρίς σύνδεση για δύο εβδομάδες.", "el"),
        ("ヴェロリア政府はインターネットを遮断しました。住民は二週間、ネットにつながりませんでした。", "ja"),
        ("벨로리아 정부가 인터넷을 차단했다. 주민들은 두 주 동안 연결 없이 지냈다.", "ko"),
    ],
)
def test_scripts_of_languages_without_a_folder_are_told_by_their_letters(text, language):
    # _common/meta.yaml other_languages: Japanese by its kana (katakana counted with hiragana).
    assert detect_language(text) == (language, "writing system")


def test_scans_quick_guess_reads_the_same_script_facts_as_the_builder():
    # One list of scripts (meta.yaml): a Tajik or Serbian article in a stream is not labelled Russian.
    from shutdown_records.scan.language import quick_language

    texts = {
        "tg": "Ҳукумат интернетро дар Вилояти Мухтори Кӯҳистони Бадахшон қатъ кард. Сокинони маҳаллӣ ду ҳафта бе алоқа монданд.",
        "sr": "Влада је искључила мобилни интернет у целој земљи. Становници су две недеље остали без везе са светом.",
        "ru": "Власти отключили мобильный интернет по всей стране. Жители две недели оставались без связи.",
        "el": "Η κυβέρνηση διέκοψε το διαδίκτυο στη Βελόρια. Οι κάτοικοι έμειναν χωρίς σύνδεση για δύο εβδομάδες.",
    }
    for language, text in texts.items():
        assert quick_language(text) == language == detect_language(text)[0]


# ------------------------------------------------------------------ the schema


def test_a_misspelt_inflection_key_is_an_error():
    with pytest.raises(LanguageDataError, match="endingz"):
        validate("meta", {"inflection": {"endingz": ["ले"]}}, "ne/meta.yaml", "inflection:\n  endingz: [ले]\n")
    with pytest.raises(LanguageDataError, match="stem"):
        validate("cues", {"kind": {"service_block": [{"re": "engellen", "stem": "yes"}]}}, "tr/cues.yaml", None)
