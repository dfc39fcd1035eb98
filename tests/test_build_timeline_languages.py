"""The incident timeline in many languages (docs/timeline.md): return words in the press's own
language, relative dates counted from the article's day or from the date stated before them,
verb-final clauses, and what must not end an incident (another service's return, a return
that only could happen, a follow-up article years later). Kind, networks and scope read in
local words. Every article is invented: Veloria, Karsh, Corvanet and the people do not exist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction.pipeline import build_record

FRIDAY = "2024-03-15"  # Tuesday is 03-12, Thursday 03-14


def _build(tmp_path: Path, articles: list[tuple[str, str | None, str]]) -> dict:
    paths = []
    for i, (language, published, body) in enumerate(articles, 1):
        head = f"---\nlanguage: {language}\n" + (f"published: {published}\n" if published else "") + "---\n"
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(head + body.strip() + "\n", encoding="utf-8")
        paths.append(path)
    return build_record(paths).record


@pytest.mark.parametrize(
    "language, body, start, end",
    [
        (
            "fr",
            "L'accès à Facebook est bloqué en Velorie depuis mardi. L'accès a été restauré jeudi soir, "
            "selon des internautes de Karsh.",
            "2024-03-12",
            "2024-03-14",
        ),
        (
            "es",
            "Las autoridades de Veloria bloquearon TikTok el 4 de marzo. El servicio volvió a funcionar "
            "el 11 de marzo, informó la operadora Corvanet.",
            "2024-03-04",
            "2024-03-11",
        ),
        (
            "pt",
            "O acesso ao Telegram foi bloqueado em Velória no dia 4 de março. O serviço foi restaurado "
            "no dia 10 de março, segundo a operadora Corvanet.",
            "2024-03-04",
            "2024-03-10",
        ),
        (
            "ru",
            "Власти Велории заблокировали Telegram 4 марта. Доступ к мессенджеру был разблокирован 11 марта.",
            "2024-03-04",
            "2024-03-11",
        ),
        # Verb-final: the verb after the date says it was lifted ("engeli ... kaldırıldı").
        (
            "tr",
            "Velorya'da YouTube'a 4 Mart 2024 tarihinde erişim engeli getirildi. "
            "Erişim engeli 10 Mart 2024'te kaldırıldı.",
            "2024-03-04",
            "2024-03-10",
        ),
        # A conjunction joined to the verb: "وأعيد" (and it was restored).
        (
            "ar",
            "حجبت السلطات في فيلوريا موقع يوتيوب في ٤ مارس ٢٠٢٤. وأعيد الوصول إلى الموقع في ١٠ مارس ٢٠٢٤.",
            "2024-03-04",
            "2024-03-10",
        ),
        # Solar Hijri dates: 14 Esfand 1402 is 4 March 2024, 20 Esfand is 10 March.
        (
            "fa",
            "دسترسی به تلگرام از ۱۴ اسفند ۱۴۰۲ در فیلوریا مسدود شد. تلگرام روز ۲۰ اسفند رفع فیلتر شد.",
            "2024-03-04",
            "2024-03-10",
        ),
        (
            "id",
            "Pemerintah Veloria memblokir akses ke TikTok pada 4 Maret 2024. "
            "Akses TikTok dibuka kembali pada 9 Maret 2024.",
            "2024-03-04",
            "2024-03-09",
        ),
        # Devanagari digits; "restored on 9 March".
        (
            "hi",
            "कारश ज़िले में ४ मार्च से मोबाइल इंटरनेट सेवाएं बंद कर दी गईं। ९ मार्च को इंटरनेट सेवाएं बहाल कर दी गईं।",
            "2024-03-04",
            "2024-03-09",
        ),
        (
            "sw",
            "Serikali ya Veloria ilizima huduma za intaneti tarehe 4 Machi 2024. "
            "Huduma za intaneti zimerejeshwa tarehe 9 Machi.",
            "2024-03-04",
            "2024-03-09",
        ),
    ],
)
def test_the_end_is_read_in_the_press_own_words(tmp_path: Path, language: str, body: str, start: str, end: str) -> None:
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert (record["start_date"], record["end_date"]) == (start, end)


@pytest.mark.parametrize(
    "language, body, end",
    [
        ("en", "Veloria blocked TikTok on 5 March. Two days later, the ban was lifted after talks.", "2024-03-07"),
        ("en", "Veloria blocked TikTok on 5 March. The next day, access was restored.", "2024-03-06"),
        ("fr", "La Velorie a bloqué TikTok le 5 mars. Le lendemain, l'accès a été rétabli.", "2024-03-06"),
        ("es", "Veloria bloqueó TikTok el 5 de marzo. Tres días después, el acceso fue restablecido.", "2024-03-08"),
        ("pt", "Velória bloqueou o TikTok em 5 de março. No dia seguinte, o acesso foi restabelecido.", "2024-03-06"),
        ("ru", "Власти Велории заблокировали Telegram 5 марта. Через два дня доступ был восстановлен.", "2024-03-07"),
        (
            "tr",
            "Velorya'da YouTube'a 5 Mart 2024'te erişim engeli getirildi. İki gün sonra engel kaldırıldı.",
            "2024-03-07",
        ),
        ("ar", "حجبت السلطات في فيلوريا موقع يوتيوب في ٥ مارس ٢٠٢٤. وبعد يومين تم رفع الحجب عن الموقع.", "2024-03-07"),
        ("fa", "دسترسی به تلگرام از ۱۵ اسفند ۱۴۰۲ در فیلوریا مسدود شد. سه روز بعد تلگرام رفع فیلتر شد.", "2024-03-08"),
        (
            "id",
            "Veloria memblokir akses ke TikTok pada 5 Maret 2024. Dua hari kemudian, akses TikTok dibuka kembali.",
            "2024-03-07",
        ),
        ("hi", "कारश में ५ मार्च से इंटरनेट सेवाएं बंद कर दी गईं। तीन दिन बाद इंटरनेट सेवाएं बहाल कर दी गईं।", "2024-03-08"),
        (
            "sw",
            "Serikali ya Veloria ilizima intaneti tarehe 5 Machi 2024. Siku mbili baadaye huduma zilirejeshwa.",
            "2024-03-07",
        ),
    ],
)
def test_days_later_count_from_the_date_stated_before(tmp_path: Path, language: str, body: str, end: str) -> None:
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert record["start_date"] == "2024-03-05"
    assert record["end_date"] == end


@pytest.mark.parametrize(
    "language, body",
    [
        (
            "es",
            "Veloria bloqueó TikTok el 5 de marzo. Tres días después de las protestas del 1 de marzo, "
            "el acceso fue restablecido.",
        ),
        (
            "fr",
            "La Velorie a bloqué TikTok le 5 mars. Trois jours après le scrutin du 1er mars, l'accès a été rétabli.",
        ),
    ],
)
def test_days_after_an_event_are_not_counted_from_the_date_before(tmp_path: Path, language: str, body: str) -> None:
    # "three days after the protests of 1 March" counts from the protests, not from 5 March.
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert record["start_date"] == "2024-03-05"
    assert record["end_date"] != "2024-03-08"


def test_days_later_with_no_date_before_gives_nothing(tmp_path: Path) -> None:
    record = _build(tmp_path, [("en", FRIDAY, "Two days later, access to TikTok was restored in Veloria.")])
    assert record["end_date"] is None


@pytest.mark.parametrize(
    "body",
    [
        "Veloria blocked TikTok on 5 March. The government lifted the ban on 11 March.",
        "Veloria blocked TikTok on 5 March. On 11 March the ban was lifted.",
    ],
)
def test_a_ban_taken_by_a_lifting_verb_is_the_lifting(tmp_path: Path, body: str) -> None:
    record = _build(tmp_path, [("en", FRIDAY, body)])
    assert (record["start_date"], record["end_date"]) == ("2024-03-05", "2024-03-11")


@pytest.mark.parametrize(
    "language, body",
    [
        (
            "en",
            "Veloria has blocked Facebook since 2 March. Meanwhile, the electricity supply was restored on 10 March.",
        ),
        (
            "fr",
            "Facebook est bloqué en Velorie depuis le 2 mars. L'électricité a été rétablie le 10 mars dans la capitale.",
        ),
        (
            "es",
            "Facebook está bloqueado en Veloria desde el 2 de marzo. La electricidad fue restablecida el 10 de marzo.",
        ),
        ("id", "Facebook diblokir di Veloria sejak 2 Maret 2024. Listrik di ibu kota dipulihkan pada 10 Maret 2024."),
    ],
)
def test_another_service_coming_back_is_not_the_end(tmp_path: Path, language: str, body: str) -> None:
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert record["start_date"] == "2024-03-02"
    assert record["end_date"] is None


def test_internet_and_power_coming_back_together_is_the_end(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        [
            (
                "en",
                FRIDAY,
                "Internet access in Veloria was cut on 2 March. Internet and power were restored on 10 March.",
            )
        ],
    )
    assert record["end_date"] == "2024-03-10"


@pytest.mark.parametrize(
    "language, body",
    [
        ("en", "Veloria has blocked Facebook since 2 March. The minister said access could be restored on 20 March."),
        (
            "fr",
            "Facebook est bloqué en Velorie depuis le 2 mars. L'accès pourrait être rétabli le 20 mars, selon le ministre.",
        ),
        (
            "es",
            "Facebook está bloqueado en Veloria desde el 2 de marzo. El acceso podría ser restablecido el 20 de marzo.",
        ),
    ],
)
def test_a_return_that_only_could_happen_is_not_the_end(tmp_path: Path, language: str, body: str) -> None:
    # Published after the 20th, so the date is not a plan by its position in time alone.
    record = _build(tmp_path, [(language, "2024-03-25", body)])
    assert record["start_date"] == "2024-03-02"
    assert record["end_date"] is None


@pytest.mark.parametrize(
    "language, first, later",
    [
        (
            "en",
            "Veloria blocked Chirply on 5 June 2021, citing national security.",
            "Three years after Veloria blocked Chirply, the platform is still blocked today, rights groups said.",
        ),
        (
            "ru",
            "Власти Велории заблокировали Telegram 5 июня 2021 года.",
            "Спустя почти три года Telegram в Велории по-прежнему заблокирован, сообщили сегодня правозащитники.",
        ),
        (
            "tr",
            "Velorya'da YouTube'a 5 Haziran 2021'de erişim engeli getirildi.",
            "Velorya'da YouTube'a erişim engeli bugün hâlâ sürüyor.",
        ),
    ],
)
def test_a_follow_up_years_later_keeps_the_first_start(tmp_path: Path, language: str, first: str, later: str) -> None:
    record = _build(tmp_path, [(language, "2021-06-10", first), (language, "2024-03-15", later)])
    assert record["start_date"] == "2021-06-05"
    assert record["end_date"] is None


def test_an_announcement_days_before_the_effect_is_not_the_start(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        [
            (
                "fr",
                FRIDAY,
                "Le ministre velorien Tavo Renk a annoncé le 4 mars que TikTok serait bloqué. Le blocage est "
                "entré en vigueur le 7 mars. L'accès a été rétabli le 12 mars.",
            )
        ],
    )
    assert (record["start_date"], record["end_date"]) == ("2024-03-07", "2024-03-12")


@pytest.mark.parametrize(
    "language, body, networks",
    [
        (
            "ru",
            "В Велории 2 марта был отключен мобильный интернет в Карской области. 6 марта мобильный интернет заработал.",
            ["mobile"],
        ),
        ("fa", "اینترنت همراه در استان کارش از ۱۴ اسفند قطع شد. اینترنت همراه روز ۱۸ اسفند وصل شد.", ["mobile"]),
        (
            "id",
            "Internet seluler di Provinsi Karsh diputus sejak 3 Maret. Layanan internet dipulihkan pada 7 Maret.",
            ["mobile"],
        ),
        ("hi", "कारश ज़िले में ४ मार्च से मोबाइल इंटरनेट सेवाएं बंद कर दी गईं। ९ मार्च को सेवाएं बहाल कर दी गईं।", ["mobile"]),
        (
            "en",
            "A total internet blackout hit the region of Karsh in Veloria on 10 March. Residents could not use "
            "WhatsApp or Facebook, as all mobile and fixed-line connections were cut.",
            ["fixed", "mobile"],
        ),
    ],
)
def test_a_regional_network_shutdown_in_local_words(
    tmp_path: Path, language: str, body: str, networks: list[str]
) -> None:
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert record["kind"] == "full_network"
    assert record["platforms"] == []  # the apps people could not use are not a block of them
    assert record["scope"] == "regional"
    assert sorted(record["networks"]) == networks


def test_a_whole_country_cut_in_arabic_with_the_authority_between_verb_and_internet(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        [
            (
                "ar",
                FRIDAY,
                "قطعت السلطات في فيلوريا خدمة الإنترنت عبر الهاتف المحمول في ٣ مارس. وأعيدت الخدمة في ٨ مارس بحسب مستخدمين.",
            )
        ],
    )
    assert (record["kind"], record["networks"]) == ("full_network", ["mobile"])
    assert (record["start_date"], record["end_date"]) == ("2024-03-03", "2024-03-08")


@pytest.mark.parametrize(
    "language, body",
    [
        ("tr", "Velorya'da 4 Mart'ta internet hızı düşürüldü ve bağlantılar yavaşladı, kullanıcılar söyledi."),
        ("ar", "اشتكى مستخدمون في فيلوريا من بطء الإنترنت منذ ٤ مارس، بعد أن خفضت السلطات سرعة الاتصال."),
        ("fa", "سرعت اینترنت در فیلوریا از ۱۴ اسفند به شدت کند شد و کاربران از کندی اینترنت شکایت کردند."),
        ("id", "Kecepatan internet di Veloria diturunkan sejak 4 Maret 2024 sehingga video sulit diputar."),
        ("sw", "Kasi ya intaneti ilipungua nchini Veloria tangu tarehe 4 Machi 2024, watumiaji walisema."),
        ("hi", "कारश में ४ मार्च से इंटरनेट की स्पीड धीमी कर दी गई है।"),
    ],
)
def test_a_slowdown_in_local_words_is_throttling(tmp_path: Path, language: str, body: str) -> None:
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert record["kind"] == "throttling"
    assert record["start_date"] == "2024-03-04"


@pytest.mark.parametrize(
    "language, body",
    [
        (
            "fr",
            "Les autorités de Velorie ont ordonné lundi 4 mars la réduction du débit des réseaux sociaux. "
            "Facebook et WhatsApp étaient presque inutilisables, selon des habitants de Karsh.",
        ),
        (
            "es",
            "El regulador de Veloria ordenó el 4 de marzo la reducción de la velocidad de las redes sociales. "
            "Facebook y WhatsApp funcionaban muy lentos, según usuarios de Karsh.",
        ),
    ],
)
def test_social_networks_named_as_what_was_slowed_make_a_throttling_of_them(
    tmp_path: Path, language: str, body: str
) -> None:
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert record["kind"] == "throttling"
    assert sorted(record["platforms"]) == ["Facebook", "WhatsApp"]


MONDAY = "2024-03-18"  # "since Friday" is 2024-03-15


@pytest.mark.parametrize(
    "language, body",
    [
        ("fr", "TikTok est bloqué en Velorie depuis vendredi, selon des utilisateurs de Karsh."),
        ("es", "TikTok está bloqueado en Veloria desde el viernes, según usuarios de Karsh."),
        ("ru", "С пятницы TikTok в Велории заблокирован, сообщают пользователи."),
        ("tr", "Velorya'da TikTok'a cuma gününden bu yana erişilemiyor."),
        ("id", "TikTok diblokir di Veloria sejak Jumat, kata pengguna."),
        ("sw", "TikTok imezuiwa nchini Veloria tangu Ijumaa, watumiaji walisema."),
        ("hi", "कारश में शुक्रवार से इंटरनेट सेवाएं बंद हैं।"),
    ],
)
def test_since_friday_is_counted_from_the_articles_day(tmp_path: Path, language: str, body: str) -> None:
    record = _build(tmp_path, [(language, MONDAY, body)])
    assert (record["start_date"], record["end_date"]) == ("2024-03-15", None)


@pytest.mark.parametrize(
    "language, body",
    [
        (
            "pt",
            "O ministro Tavo Renk anunciou no dia 4 de março que o TikTok seria bloqueado. "
            "O bloqueio começou no dia 7 de março.",
        ),
        (
            "es",
            "El ministro Tavo Renk anunció el 4 de marzo que TikTok sería bloqueado. El bloqueo entró en vigor el 7 de marzo.",
        ),
        ("ru", "Министр Таво Ренк объявил 4 марта, что TikTok будет заблокирован. Блокировка вступила в силу 7 марта."),
        ("ar", "أعلن الوزير تافو رينك في ٤ مارس أن تيك توك سيحجب. وبدأ الحجب في ٧ مارس."),
        (
            "id",
            "Menteri Tavo Renk mengumumkan pada 4 Maret bahwa TikTok akan diblokir. Pemblokiran mulai berlaku pada 7 Maret.",
        ),
    ],
)
def test_the_announcement_is_not_the_start_in_other_languages(tmp_path: Path, language: str, body: str) -> None:
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert record["start_date"] == "2024-03-07"


@pytest.mark.parametrize(
    "language, body",
    [
        ("tr", "Velorya'da 4 Mart'ta internet tamamen kesildi. Kullanıcılar WhatsApp ve Facebook'a erişemedi."),
        ("ar", "انقطع الإنترنت بالكامل في فيلوريا يوم ٤ مارس، ولم يتمكن السكان من استخدام واتساب وفيسبوك."),
        (
            "sw",
            "Serikali ya Veloria ilizima intaneti nchi nzima tarehe 4 Machi 2024. "
            "Wananchi hawakuweza kutumia WhatsApp wala Facebook.",
        ),
        ("hi", "पूरे देश में ४ मार्च से इंटरनेट सेवाएं बंद हैं। लोग व्हाट्सऐप और फेसबुक का इस्तेमाल नहीं कर पा रहे हैं।"),
    ],
)
def test_apps_people_could_not_use_in_a_shutdown_are_no_platform_block(
    tmp_path: Path, language: str, body: str
) -> None:
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert (record["kind"], record["platforms"], record["start_date"]) == ("full_network", [], "2024-03-04")


@pytest.mark.parametrize(
    "language, body, scope",
    [
        ("tr", "Velorya'nın Karsh kentinde 4 Mart'ta mobil internet kesildi.", "local"),
        ("hi", "कारश शहर में ४ मार्च से मोबाइल इंटरनेट सेवाएं बंद कर दी गईं।", "local"),
        ("sw", "Serikali ilizima intaneti katika mji wa Karsh tarehe 4 Machi 2024.", "local"),
        ("sw", "Serikali ilizima intaneti mkoani Karsh tarehe 4 Machi 2024.", "regional"),
        ("ur", "کارش ضلع میں ۴ مارچ سے موبائل انٹرنیٹ بند ہے۔", "regional"),
        ("tr", "Velorya'nın Karsh ilinde 4 Mart'ta mobil internet kesildi.", "regional"),
    ],
)
def test_a_city_or_a_district_named_in_local_words_sets_the_scope(
    tmp_path: Path, language: str, body: str, scope: str
) -> None:
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert (record["kind"], record["scope"], record["start_date"]) == ("full_network", scope, "2024-03-04")


@pytest.mark.parametrize(
    "language, body",
    [
        (
            "fr",
            "La Velorie rétablit internet\n\nL'accès à internet a été rétabli lundi en Velorie, une semaine après "
            "la coupure décidée le 4 mars par les autorités.",
        ),
        (
            "es",
            "Veloria restablece internet\n\nEl acceso a internet fue restablecido el lunes en Veloria, una semana "
            "después del corte ordenado el 4 de marzo.",
        ),
        (
            "pt",
            "Velória restabelece internet\n\nO acesso à internet foi restabelecido na segunda-feira em Velória, "
            "uma semana após o corte de 4 de março.",
        ),
        (
            "ru",
            "В Велории восстановили интернет\n\nДоступ к интернету в Велории восстановлен в понедельник, через "
            "неделю после отключения 4 марта.",
        ),
        (
            "id",
            "Veloria memulihkan internet\n\nAkses internet di Veloria dipulihkan pada Senin, seminggu setelah "
            "pemutusan pada 4 Maret.",
        ),
    ],
)
def test_a_report_of_the_return_keeps_the_cut_as_the_start(tmp_path: Path, language: str, body: str) -> None:
    # "el corte" / "o corte" is the cut here, not a court: the date is the start.
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert (record["start_date"], record["end_date"]) == ("2024-03-04", "2024-03-11")


def test_bikram_sambat_start_and_end(tmp_path: Path) -> None:
    # 15 Baisakh 2080 BS is 28 April 2023; 5 Jestha 2080 is 19 May 2023 ("खुला गरियो": opened).
    body = "सरकारले २०८० वैशाख १५ गते देखि कार्शमा टिकटक बन्द गरेको छ। २०८० जेठ ५ गते टिकटक खुला गरियो।"
    record = _build(tmp_path, [("ne", "2023-06-03", body)])
    assert (record["start_date"], record["end_date"]) == ("2023-04-28", "2023-05-19")


def test_a_platform_every_source_only_names_in_passing_is_not_listed(tmp_path: Path) -> None:
    passing = "Other platforms, including YouTube, have also had content blocked, the minister said."
    record = _build(
        tmp_path,
        [
            ("en", "2024-03-06", "Veloria blocked Telegram on 4 March 2024, citing public order. " + passing),
            (
                "en",
                "2024-03-07",
                "Telegram has been inaccessible in Veloria since 4 March. The YouTube account of the tax office was hacked.",
            ),
            (
                "en",
                "2024-03-08",
                "Users in Veloria cannot open Telegram since 4 March. Some watched YouTube to follow the news.",
            ),
        ],
    )
    assert record["platforms"] == ["Telegram"]


def test_services_said_to_be_hit_are_blocked_platforms(tmp_path: Path) -> None:
    body = (
        "O WhatsApp foi bloqueado em Velória no dia 4 de março. Outras redes sociais, como Facebook e "
        "Instagram, também foram atingidas, segundo usuários de Karsh."
    )
    record = _build(tmp_path, [("pt", FRIDAY, body)])
    assert sorted(record["platforms"]) == ["Facebook", "Instagram", "WhatsApp"]


@pytest.mark.parametrize(
    "language, body",
    [
        (
            "en",
            "Veloria restores internet after week-long blackout\n\nInternet access was restored across Veloria on "
            "Monday, a week after authorities cut it on 4 March amid protests.",
        ),
        (
            "tr",
            "Velorya'da internet yeniden açıldı\n\nVelorya'da 4 Mart'ta kesilen internet pazartesi günü yeniden açıldı.",
        ),
        (
            "sw",
            "Intaneti imerejeshwa Veloria\n\nHuduma za intaneti zilirejeshwa Jumatatu, wiki moja baada ya kukatika tarehe 4 Machi.",
        ),
    ],
)
def test_a_report_of_the_internet_coming_back_names_a_network_shutdown(
    tmp_path: Path, language: str, body: str
) -> None:
    record = _build(tmp_path, [(language, FRIDAY, body)])
    assert (record["kind"], record["start_date"], record["end_date"]) == ("full_network", "2024-03-04", "2024-03-11")
