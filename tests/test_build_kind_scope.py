"""kind, platforms, scope and networks on invented articles in many languages: a whole-network
shutdown that names the platforms people could not use, a block story that recalls an earlier
shutdown, blackout and slowdown wording, and regional shutdowns (issue 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction.pipeline import build_record


def _build(tmp_path: Path, lang: str, body: str, published: str = "2025-03-10") -> dict:
    """Build one record from one invented article."""
    p = tmp_path / "a.txt"
    p.write_text(
        f"---\nurl: https://example.org/a\npublished: {published}\nlanguage: {lang}\n---\n{body}\n",
        encoding="utf-8",
    )
    result = build_record([p])
    failed = [m for m in result.problems if "extractor" in m]
    assert not failed, failed
    return result.record


# ------------------------------------------------------- a block story recalls an old shutdown


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Veloria blocks TikTok\n\nVeloria's telecom regulator blocked TikTok on Monday, citing videos "
            "it said insulted the president. In 2021, the country shut down the internet entirely for "
            "five days during the election.",
        ),
        (
            "fr",
            "La Veloria bloque TikTok\n\nLe régulateur des télécommunications a bloqué TikTok lundi en "
            "Veloria. En 2021, le pays avait coupé internet pendant cinq jours lors de l'élection.",
        ),
        (
            "es",
            "Veloria bloquea TikTok\n\nEl regulador de telecomunicaciones bloqueó TikTok el lunes en "
            "Veloria. En 2021, el país cortó internet durante cinco días en las elecciones.",
        ),
        (
            "pt",
            "Velória bloqueia o TikTok\n\nO regulador das telecomunicações bloqueou o TikTok na "
            "segunda-feira na Velória. Em 2021, o país cortou a internet durante cinco dias nas eleições.",
        ),
        (
            "en",
            "Dravia bans TikTok\n\nThe communications ministry of Dravia banned TikTok on Tuesday. "
            "Last year the government cut off the internet for a week during protests.",
        ),
    ],
)
def test_an_earlier_shutdown_recalled_in_a_block_story_is_background(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "service_block"
    assert record["platforms"] == ["TikTok"]


def test_an_earlier_block_recalled_in_a_shutdown_story_is_background(tmp_path):
    body = (
        "Veloria cuts internet\n\nAuthorities in Veloria cut the internet nationwide on Monday, "
        "NetBlocks said. In 2021, the regulator blocked TikTok for a month."
    )
    record = _build(tmp_path, "en", body)
    assert record["kind"] == "full_network"
    assert record["platforms"] == []


def test_a_year_of_the_articles_own_is_the_story_not_background(tmp_path):
    body = (
        "Veloria blocks TikTok, cuts internet in the north\n\nIn 2025, the regulator blocked TikTok "
        "nationwide. The authorities shut down the internet in March 2025 in the province of Karsh."
    )
    plain = body.replace("In 2025, the", "The").replace(" in March 2025", "")
    assert _build(tmp_path, "en", body)["kind"] == _build(tmp_path, "en", plain)["kind"]


# ------------------------------------------- a whole-network shutdown names what people lost


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Veloria cuts internet nationwide\n\nAuthorities in Veloria shut down the internet across the "
            "country on Monday, NetBlocks said. Families could not use WhatsApp or Facebook to reach "
            "relatives abroad.",
        ),
        (
            "fr",
            "Coupure totale d'internet en Veloria\n\nLes autorités ont coupé internet dans tout le pays lundi, "
            "selon NetBlocks. Les habitants ne pouvaient plus utiliser WhatsApp ni Facebook.",
        ),
        (
            "ru",
            "В Веларии полностью отключили интернет\n\nВ понедельник власти Веларии полностью отключили "
            "интернет по всей стране, сообщает NetBlocks. Жители не могли пользоваться WhatsApp и Facebook.",
        ),
        (
            "tr",
            "Velorya'da internet tamamen kesildi\n\nVelorya'da pazartesi günü internet tüm ülkede tamamen "
            "kesildi. Vatandaşlar WhatsApp ve Facebook'u kullanamadı.",
        ),
        (
            "ar",
            "قطع الإنترنت بالكامل في فيلوريا\n\nقطعت السلطات الإنترنت بشكل كامل في جميع أنحاء البلاد يوم "
            "الاثنين، بحسب نت بلوكس. ولم يتمكن السكان من استخدام واتساب وفيسبوك.",
        ),
        (
            "fa",
            "قطع کامل اینترنت در ولوریا\n\nمقامات روز دوشنبه اینترنت را در سراسر کشور به طور کامل قطع "
            "کردند. مردم نمی‌توانستند از واتس‌اپ و فیسبوک استفاده کنند.",
        ),
        (
            "hi",
            "वेलोरिया में पूरे देश में इंटरनेट बंद\n\nसोमवार को अधिकारियों ने पूरे देश में इंटरनेट पूरी तरह "
            "बंद कर दिया। लोग व्हाट्सएप और फेसबुक का इस्तेमाल नहीं कर पा रहे थे।",
        ),
        (
            "id",
            "Internet diputus total di Veloria\n\nPemerintah memutus akses internet di seluruh negeri pada "
            "hari Senin. Warga tidak bisa menggunakan WhatsApp dan Facebook.",
        ),
    ],
)
def test_platforms_people_could_not_use_in_a_shutdown_are_not_a_block(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "full_network"
    assert record["platforms"] == []


def test_two_platforms_blocked_while_the_internet_works_stay_a_block(tmp_path):
    body = (
        "WhatsApp and Facebook blocked in Veloria\n\nThe telecom regulator of Veloria blocked WhatsApp and "
        "Facebook on Monday, NetBlocks said. The rest of the internet kept working."
    )
    record = _build(tmp_path, "en", body)
    assert record["kind"] == "service_block"
    assert sorted(record["platforms"]) == ["Facebook", "WhatsApp"]


# ------------------------------------------------------------ blackout and collapse wording


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Dravia plunged into blackout before vote\n\nDravia was plunged into a blackout on Tuesday, "
            "according to IODA. Residents said WhatsApp and Facebook stopped working.",
        ),
        (
            "en",
            "Connectivity collapses in Veloria\n\nConnectivity collapsed across Veloria on Friday after "
            "operators received an order, NetBlocks reported. Users could not send messages on Telegram.",
        ),
        (
            "fr",
            "Black-out en Dravie\n\nLa Dravie est plongée dans le black-out depuis mardi: la connectivité "
            "s'est effondrée, selon Cloudflare. Les utilisateurs de WhatsApp n'arrivent plus à écrire.",
        ),
        (
            "es",
            "Apagón en Dravia\n\nLa conectividad se desplomó en Dravia el martes, según IODA. Los usuarios "
            "no podían enviar mensajes por WhatsApp ni por Facebook.",
        ),
        (
            "pt",
            "Apagão digital em Drávia\n\nA conectividade despencou em Drávia na terça-feira, segundo a IODA. "
            "Os usuários não conseguiam enviar mensagens pelo WhatsApp.",
        ),
        (
            "ru",
            "Блэкаут в Дравии\n\nВо вторник в Дравии произошёл блэкаут: по данным IODA, трафик упал почти "
            "до нуля. Пользователи не могли отправлять сообщения в WhatsApp и Facebook.",
        ),
        (
            "tr",
            "Dravya'da internet karartması\n\nDravya'da salı günü internet bağlantısı çöktü, IODA verilerine "
            "göre. Kullanıcılar WhatsApp üzerinden mesaj gönderemedi.",
        ),
        (
            "ar",
            "انقطاع تام للإنترنت في درافيا\n\nشهدت درافيا يوم الثلاثاء تعتيما رقميا بحسب بيانات كلاودفلير. "
            "ولم يتمكن المستخدمون من إرسال الرسائل عبر واتساب.",
        ),
        (
            "hi",
            "द्राविया में इंटरनेट ब्लैकआउट\n\nमंगलवार को द्राविया में ब्लैकआउट हो गया। उपयोगकर्ता व्हाट्सएप पर संदेश नहीं भेज पा रहे थे।",
        ),
    ],
)
def test_blackout_and_collapse_wording_is_a_whole_network_shutdown(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "full_network"
    assert record["platforms"] == []


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Veloria blocks TikTok\n\nThe regulator blocked TikTok on Monday. A power blackout hit the capital "
            "the same night, and a media blackout surrounded the trial.",
        ),
        (
            "es",
            "Veloria bloquea TikTok\n\nEl regulador bloqueó TikTok el lunes. Un apagón eléctrico afectó a la "
            "capital esa misma noche.",
        ),
    ],
)
def test_a_power_or_media_blackout_is_not_a_shutdown(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "service_block"
    assert record["platforms"] == ["TikTok"]


# -------------------------------------------------------------- slowdown wording vs a block


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Internet slowed in Veloria during protests\n\nInternet speeds in Veloria were slowed sharply on "
            "Thursday. Bandwidth was restricted on all operators, and mobile connections were degraded to "
            "2G, making it nearly impossible to load videos on Facebook or send photos on WhatsApp.",
        ),
        (
            "fr",
            "Internet bridé en Veloria\n\nLes autorités ont restreint la bande passante jeudi: l'internet "
            "mobile a été dégradé en 2G, selon NetBlocks. Envoyer une vidéo sur Facebook devenait impossible.",
        ),
        (
            "es",
            "Internet lento en Veloria\n\nEl ancho de banda fue restringido en todos los operadores el jueves y "
            "la conexión móvil se redujo a 2G, según NetBlocks. Era casi imposible enviar fotos por WhatsApp.",
        ),
        (
            "pt",
            "Internet lenta na Velória\n\nA largura de banda foi restringida em todas as operadoras na "
            "quinta-feira, tornando quase impossível o envio de fotos pelo WhatsApp.",
        ),
    ],
)
def test_a_slowdown_of_the_connection_lists_no_platform(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "throttling"
    assert record["platforms"] == []


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("en", "Veloria slows down Telegram\n\nThe regulator began slowing down Telegram on Thursday, NetBlocks said."),
        ("ru", "В Веларии замедлили Telegram\n\nВ четверг регулятор начал замедление Telegram, сообщает NetBlocks."),
    ],
)
def test_a_platform_named_at_the_slowdown_word_is_what_was_slowed(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "throttling"
    assert record["platforms"] == ["Telegram"]


# -------------------------------------------------------- regional and local vs national


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Mobile internet suspended in Karsh province\n\nThe government suspended mobile internet in the "
            "province of Karsh on Sunday after clashes. The rest of the country was not affected.",
        ),
        (
            "fr",
            "Internet mobile suspendu dans la province de Karsh\n\nLe gouvernement a suspendu l'internet mobile "
            "dans la province de Karsh dimanche après des affrontements.",
        ),
        (
            "es",
            "Suspenden internet móvil en la provincia de Karsh\n\nEl gobierno suspendió el internet móvil en la "
            "provincia de Karsh el domingo tras los enfrentamientos.",
        ),
        (
            "pt",
            "Internet móvel suspensa na província de Karsh\n\nO governo suspendeu a internet móvel na província "
            "de Karsh no domingo após confrontos.",
        ),
        (
            "ru",
            "В Дравии ограничили мобильный интернет в двух регионах\n\nВласти приостановили работу мобильного "
            "интернета в Карской и Пештинской областях. В столице интернет работает.",
        ),
        (
            "tr",
            "Karsh ilinde mobil internet kesildi\n\nKarsh ilinde pazar günü çatışmaların ardından mobil internet "
            "erişimi kesildi.",
        ),
        (
            "id",
            "Internet seluler diputus di Provinsi Karsh\n\nPemerintah memutus internet seluler di Provinsi Karsh "
            "pada hari Minggu setelah bentrokan.",
        ),
    ],
)
def test_mobile_internet_cut_in_a_province_is_a_regional_shutdown(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "full_network"
    assert record["platforms"] == []
    assert record["scope"] == "regional"
    assert record["networks"] == ["mobile"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Internet cut in Marlo and Peshta\n\nAuthorities cut internet access in the cities of Marlo and "
            "Peshta in the north of Chad on Wednesday after riots, OONI data showed.",
        ),
        (
            "es",
            "Cortan internet en Marlo y Peshta\n\nLas autoridades cortaron internet en las ciudades de Marlo y "
            "Peshta, en el norte de Chad, el miércoles tras los disturbios.",
        ),
        (
            "fr",
            "Internet coupé à Marlo et Peshta\n\nLes autorités ont coupé internet dans les villes de Marlo et "
            "Peshta mercredi après des émeutes.",
        ),
    ],
)
def test_internet_cut_in_named_cities_is_local(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "full_network"
    assert record["scope"] == "local"


def test_a_region_named_before_one_of_its_cities_stays_regional(tmp_path):
    body = (
        "Internet cut in Karsh region\n\nAuthorities cut internet access in the region of Karsh, including "
        "the city of Tembli, on Wednesday after riots."
    )
    record = _build(tmp_path, "en", body)
    assert record["scope"] == "regional"


# ------------------------------------------------- more wording, on a second invented set


def test_arabic_platform_names_joined_to_and_are_still_named(tmp_path):
    body = (
        "حجب فيسبوك وواتساب في فيلوريا\n\nحجبت السلطات موقعي فيسبوك وواتساب يوم الخميس، بينما ظلت خدمة "
        "الإنترنت متاحة، وطال الحجب أيضا بتيليجرام."
    )
    record = _build(tmp_path, "ar", body)
    assert record["kind"] == "service_block"
    assert sorted(record["platforms"]) == ["Facebook", "Telegram", "WhatsApp"]


@pytest.mark.parametrize(
    ("lang", "body", "platform"),
    [
        ("tr", "Twitter'a bant daraltması\n\nVelorya'da salı günü Twitter'a bant daraltması uygulandı.", "X"),
        (
            "ru",
            "В Веларии замедлили YouTube\n\nРегулятор замедлил работу YouTube на стационарных устройствах.",
            "YouTube",
        ),
    ],
)
def test_a_platform_in_a_slowdown_sentence_is_a_throttled_platform(tmp_path, lang, body, platform):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "throttling"
    assert record["platforms"] == [platform]


def test_french_general_cut_of_internet_is_a_shutdown_not_a_block(tmp_path):
    body = (
        "Facebook et WhatsApp inaccessibles au Tchad\n\nFacebook et WhatsApp sont inaccessibles depuis la "
        "coupure générale d'internet décidée jeudi par les autorités, a constaté NetBlocks. Le pays tout "
        "entier est privé de connexion."
    )
    record = _build(tmp_path, "fr", body)
    assert record["kind"] == "full_network"
    assert record["platforms"] == []


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Veloria disconnected from the world\n\nResidents have been unable to use WhatsApp and Facebook "
            "since Monday, when authorities disconnected the country from the global network, IODA data show.",
        ),
        (
            "en",
            "Internet halted in Veloria\n\nInternet services were halted across Veloria on Monday on government "
            "orders. Users could not open WhatsApp or Instagram.",
        ),
        (
            "en",
            "Veloria goes offline\n\nVeloria went offline on Monday after the government ordered operators to "
            "disable data services. WhatsApp and Facebook were unreachable.",
        ),
        (
            "es",
            "Veloria, desconectada\n\nEl gobierno dejó sin conexión a todo el país el lunes. Los usuarios no "
            "podían usar WhatsApp ni Facebook.",
        ),
        (
            "pt",
            "Governo derruba a internet na Velória\n\nO governo derrubou a internet em todo o país na "
            "segunda-feira. Os usuários não conseguiam usar o WhatsApp nem o Facebook.",
        ),
        (
            "ru",
            "В Веларии пропал интернет\n\nВ понедельник в Веларии пропал интернет: власти отключили связь по "
            "всей стране. WhatsApp и Telegram не работали.",
        ),
        (
            "ar",
            "توقف الإنترنت في فيلوريا\n\nتوقفت خدمة الإنترنت في جميع أنحاء فيلوريا يوم الاثنين بأمر من "
            "الحكومة، ولم يتمكن المستخدمون من استخدام واتساب وفيسبوك.",
        ),
        (
            "id",
            "Internet mati total di Veloria\n\nInternet mati total di seluruh Veloria sejak Senin atas perintah "
            "pemerintah. Warga tidak bisa memakai WhatsApp dan Facebook.",
        ),
        (
            "hi",
            "वेलोरिया में इंटरनेट ठप\n\nसोमवार को पूरे वेलोरिया में इंटरनेट सेवाएं ठप रहीं। लोग व्हाट्सएप और फेसबुक का इस्तेमाल नहीं कर सके।",
        ),
    ],
)
def test_other_ways_of_saying_the_whole_network_went_down(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "full_network"
    assert record["platforms"] == []


def test_a_blocked_app_going_offline_is_still_a_block(tmp_path):
    body = (
        "Veloria blocks Telegram\n\nThe regulator blocked Telegram on Monday. The app went offline for most "
        "users within hours, while other services kept working."
    )
    record = _build(tmp_path, "en", body)
    assert record["kind"] == "service_block"
    assert record["platforms"] == ["Telegram"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "fr",
            "L'internet mobile suspendu dans tout le pays\n\nLe gouvernement a suspendu l'internet mobile dans "
            "tout le pays lundi. Les connexions fixes fonctionnaient, mais WhatsApp était inaccessible.",
        ),
        (
            "es",
            "Suspenden el internet móvil en todo el país\n\nEl gobierno suspendió el internet móvil en todo el "
            "país el lunes. La banda ancha fija funcionaba con normalidad.",
        ),
        (
            "pt",
            "Internet móvel suspensa em todo o país\n\nO governo suspendeu a internet móvel em todo o país na "
            "segunda-feira. A banda larga fixa funcionava normalmente.",
        ),
    ],
)
def test_a_network_said_to_keep_working_is_not_one_that_was_cut(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "full_network"
    assert record["scope"] == "national"
    assert record["networks"] == ["mobile"]


def test_a_network_that_stopped_working_is_not_spared(tmp_path):
    body = (
        "Internet coupé au Tchad\n\nLe gouvernement a coupé internet dans tout le pays lundi. Les connexions "
        "fixes ne fonctionnaient plus après la coupure d'internet."
    )
    record = _build(tmp_path, "fr", body)
    assert "fixed" in record["networks"]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "es",
            "Restringen el acceso a X en Veloria\n\nEl regulador restringió el acceso a la red social X el lunes. "
            "Otras plataformas funcionaban con normalidad.",
        ),
        (
            "pt",
            "Velória bloqueia o X\n\nO regulador bloqueou a rede social X na segunda-feira. Outras plataformas "
            "funcionavam normalmente.",
        ),
    ],
)
def test_a_block_of_the_social_network_x_is_a_block(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert record["kind"] == "service_block"
    assert record["platforms"] == ["X"]
