"""Who ordered a restriction, and whether a court case is about it, on invented articles.

Articles written for these tests (invented towns, people and platforms' users; no corpus
text), in en, fr, es, pt, ar, fa, ru, tr, id, hi, ur, sw, pl and it: the local-language
"on the orders of X" constructions, the chain government -> regulator -> operators, and
court cases about another matter (an election dispute, another platform's ban).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction.pipeline import build_record


def _build(tmp_path: Path, lang: str, body: str) -> dict:
    path = tmp_path / "01.txt"
    path.write_text(
        f"---\nurl: https://example.org/1\npublished: 2024-03-10\nlanguage: {lang}\n---\n{body}\n", encoding="utf-8"
    )
    result = build_record([path])
    assert not [p for p in result.problems if "extractor" in p]
    return result.record


def _names(record: dict, field: str) -> list[str]:
    return [str(item.get("name") or item.get("court") or item.get("instrument")) for item in record[field]]


# ------------------------------------------------------------------ "on the orders of X"


@pytest.mark.parametrize(
    ("lang", "body", "orderer"),
    [
        (
            "en",
            "Operators cut the internet in Malawi\nMobile operators switched off the internet across Malawi on "
            "Friday on the orders of the Ministry of Information, residents of the town of Kelvo said.",
            "Ministry of Information",
        ),
        (
            "fr",
            "Coupure d'internet au Tchad\nÀ la demande du ministère des Postes et Télécommunications, les opérateurs "
            "ont coupé l'internet mobile samedi dans tout le pays, selon des habitants de la ville de Kelvo.",
            "Ministry of Posts and Telecommunications",
        ),
        (
            "es",
            "Bloqueo de X en Honduras\nPor orden del Ministerio del Interior, las operadoras bloquearon el acceso a la "
            "red social X el lunes en todo el territorio de Honduras, según usuarios de la ciudad de Kelvo.",
            "Ministry of Interior",
        ),
        (
            "pt",
            "Telegram bloqueado em Moçambique\nA pedido do Ministério das Comunicações, as operadoras bloquearam o "
            "Telegram na segunda-feira em todo o país, segundo usuários da cidade de Kelvo.",
            "Ministry of Communications",
        ),
        (
            "ru",
            "В Киргизии заблокировали Telegram\nОператоры связи ограничили доступ к Telegram в Киргизии по требованию "
            "Министерства цифрового развития, сообщили жители города Кельво.",
            "Ministry of Digital Development",
        ),
        (
            "ar",
            "قطع الإنترنت في السودان\nبأمر من وزارة الاتصالات، قطعت شركات الاتصالات خدمة الإنترنت في السودان يوم "
            "الأحد، بحسب سكان مدينة كيلفو.",
            "Ministry of Communications",
        ),
        (
            "fa",
            "قطع اینترنت در ایران\nبه دستور شورای عالی امنیت ملی، اپراتورهای تلفن همراه اینترنت را در ایران قطع کردند.",
            "Supreme National Security Council",
        ),
        (
            "id",
            "Internet diputus di Papua\nAtas perintah Kementerian Komunikasi dan Informatika, operator seluler memutus "
            "akses internet di Papua pada hari Senin, kata warga kota Kelvo.",
            "Ministry of Communication and Information Technology (Indonesia)",
        ),
        (
            "hi",
            "मणिपुर में इंटरनेट बंद\nगृह मंत्रालय के आदेश पर दूरसंचार कंपनियों ने सोमवार को भारत के मणिपुर में मोबाइल इंटरनेट बंद कर दिया।",
            "Ministry of Home Affairs",
        ),
        (
            "sw",
            "Intaneti yazimwa Tanzania\nKwa agizo la Wizara ya Habari, kampuni za simu zilizima intaneti nchini "
            "Tanzania siku ya Jumatatu, wakazi wa mji wa Kelvo walisema.",
            "Ministry of Information",
        ),
        (
            "tr",
            "Türkiye'de X'e erişim engeli\nUlaştırma ve Altyapı Bakanlığının talimatıyla operatörler X'e erişimi "
            "engelledi, Kelvo kentindeki kullanıcılar bildirdi.",
            "Ministry of Transport and Infrastructure",
        ),
        (
            "ur",
            "پاکستان میں انٹرنیٹ بند\nوزارت داخلہ کے حکم پر موبائل کمپنیوں نے پاکستان میں موبائل انٹرنیٹ بند کر دیا۔",
            "Ministry of Interior",
        ),
        (
            "pl",
            "Blokada Telegrama w Polsce\nNa polecenie Ministerstwa Cyfryzacji operatorzy zablokowali dostęp do "
            "Telegrama w Polsce w poniedziałek.",
            "Ministry of Digital Affairs",
        ),
        (
            "it",
            "Telegram bloccato\nSu ordine del Ministero dell'Interno, gli operatori hanno bloccato Telegram in Italia "
            "lunedì.",
            "Ministry of Interior",
        ),
    ],
)
def test_the_body_an_order_came_from_is_the_orderer_not_the_operators(tmp_path, lang, body, orderer):
    assert _names(_build(tmp_path, lang, body), "ordered_by") == [orderer]


# ------------------------------------------------------------------ the chain


def test_a_regulator_that_relayed_a_government_order_is_not_the_orderer(tmp_path):
    body = (
        "Facebook blocked in Malawi\nThe government of Malawi ordered the telecommunications regulator to block "
        "Facebook on Friday. The Malawi Communications Regulatory Authority relayed the order to operators Airtel "
        "and TNM, which blocked the platform within hours."
    )
    assert _names(_build(tmp_path, "en", body), "ordered_by") == ["Government of Malawi"]


def test_a_regulator_that_issued_the_order_is_the_orderer(tmp_path):
    body = (
        "WhatsApp blocked in Malawi\nThe Malawi Communications Regulatory Authority ordered mobile operators to "
        "block WhatsApp on Tuesday, a day before the vote in Zomba. Airtel and TNM complied within hours."
    )
    assert _names(_build(tmp_path, "en", body), "ordered_by") == ["Malawi Communications Regulatory Authority (MACRA)"]


def test_the_authority_told_to_act_is_not_the_one_telling(tmp_path):
    body = (
        "Bloqueo de TikTok en Honduras\nEl gobierno de Honduras ordenó a la Conatel bloquear TikTok el lunes. "
        "Los usuarios de la ciudad de Kelvo ya no pudieron abrir la aplicación."
    )
    assert _names(_build(tmp_path, "es", body), "ordered_by") == ["Government of Honduras"]


def test_an_order_to_restore_access_is_not_the_blocks_order(tmp_path):
    body = (
        "TikTok blocked in Malawi\nThe Malawi Communications Regulatory Authority blocked TikTok on Monday. "
        "Access was restored on Friday by order of the High Court, after a petition challenging the decision."
    )
    record = _build(tmp_path, "en", body)
    assert _names(record, "ordered_by") == ["Malawi Communications Regulatory Authority (MACRA)"]
    assert _names(record, "court_challenges") == ["High Court of Malawi"]


# ------------------------------------------------------------------ courts: this case or another


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Internet cut in Malawi\nThe government shut down the internet in Malawi on Friday. Meanwhile, the Supreme "
            "Court heard a petition by the opposition challenging the results of the presidential election.",
        ),
        (
            "en",
            "TikTok blocked in Malawi\nThe regulator blocked TikTok on Monday. The High Court of Malawi is still "
            "hearing a petition against last year's ban on Facebook filed by a rights group.",
        ),
        (
            "fr",
            "Coupure d'internet au Tchad\nLe gouvernement a coupé l'internet samedi. La Cour suprême a par ailleurs "
            "rejeté le recours de l'opposition contre les résultats de l'élection présidentielle.",
        ),
        (
            "es",
            "Bloqueo de TikTok en Honduras\nEl gobierno bloqueó TikTok el lunes. La Corte Suprema de Honduras rechazó "
            "un recurso contra los resultados electorales presentado por la oposición.",
        ),
        (
            "ar",
            "قطع الإنترنت في السودان\nقطعت السلطات الإنترنت يوم الأحد. ورفضت المحكمة العليا طعن المعارضة في نتائج "
            "الانتخابات الرئاسية.",
        ),
        (
            "ru",
            "В Киргизии заблокировали TikTok\nВласти Киргизии заблокировали TikTok в понедельник. Верховный суд "
            "Киргизии отклонил жалобу оппозиции на итоги выборов.",
        ),
        (
            "tr",
            "Türkiye'de TikTok'a erişim engeli\nBTK, TikTok'a erişimi engelledi. Anayasa Mahkemesi ise muhalefetin "
            "seçim sonuçlarına yaptığı itirazı reddetti.",
        ),
        (
            "fa",
            "فیلتر تیک‌تاک در ایران\nدولت تیک‌تاک را فیلتر کرد. دیوان عدالت اداری شکایت نامزدها درباره نتایج "
            "انتخابات را رد کرد.",
        ),
        (
            "id",
            "TikTok diblokir di Indonesia\nKementerian memblokir TikTok pada hari Senin. Mahkamah Konstitusi menolak "
            "gugatan hasil pemilihan presiden yang diajukan oposisi.",
        ),
        (
            "hi",
            "भारत में टिकटॉक पर प्रतिबंध\nसरकार ने सोमवार को टिकटॉक को ब्लॉक कर दिया। सुप्रीम कोर्ट ने चुनाव परिणामों के "
            "खिलाफ विपक्ष की याचिका खारिज कर दी।",
        ),
    ],
)
def test_a_court_case_about_another_matter_is_no_challenge(tmp_path, lang, body):
    assert _build(tmp_path, lang, body)["court_challenges"] == []


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            "Internet cut in Pakistan\nThe government of Pakistan shut down mobile internet in the city of Kelvo on "
            "Friday. In neighbouring India, the Supreme Court of India had ruled in a 2020 petition that indefinite "
            "internet shutdowns are unlawful.",
        ),
        (
            "fr",
            "Coupure au Tchad\nLe gouvernement tchadien a coupé l'internet samedi. Au Sénégal voisin, la Cour suprême "
            "du Sénégal avait été saisie d'un recours contre une coupure similaire en 2023.",
        ),
    ],
)
def test_a_court_of_another_country_hears_another_countrys_case(tmp_path, lang, body):
    assert _build(tmp_path, lang, body)["court_challenges"] == []


def test_a_court_case_against_this_block_is_a_challenge(tmp_path):
    body = (
        "TikTok blocked in Malawi\nThe regulator blocked TikTok on Monday. A rights group filed a petition against "
        "the TikTok ban at the High Court of Malawi on Wednesday."
    )
    assert _names(_build(tmp_path, "en", body), "court_challenges") == ["High Court of Malawi"]


# ------------------------------------------------------------------ acknowledged: denials


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "en",
            'Internet outage in Malawi\nUsers in Malawi lost internet access on Friday. "No shutdown was ordered," '
            "Information Minister Tavo Renk said.",
        ),
        (
            "fr",
            "Perturbations au Tchad\nL'internet était inaccessible samedi au Tchad. « Aucune coupure n'a été "
            "ordonnée », a assuré le ministre Tavo Renk.",
        ),
        (
            "es",
            'Caída en Honduras\nUsuarios de Honduras se quedaron sin internet el domingo. "No se ordenó ningún '
            'corte", dijo el ministro Tavo Renk.',
        ),
        (
            "pt",
            'Queda em Moçambique\nA internet caiu em Moçambique no domingo. "Não houve nenhuma ordem de corte", '
            "disse o ministro Tavo Renk.",
        ),
        (
            "ru",
            "Сбои в Киргизии\nВ понедельник жители Киргизии остались без интернета. В министерстве заявили, что "
            "никаких блокировок не вводилось.",
        ),
        (
            "ar",
            "انقطاع في السودان\nانقطع الإنترنت في السودان يوم الأحد. وقال وزير الاتصالات إن الحكومة لم تصدر أي قرار "
            "بقطع الإنترنت.",
        ),
        (
            "fa",
            "اختلال در ایران\nاینترنت در ایران روز دوشنبه قطع شد. وزیر ارتباطات گفت هیچ دستوری برای قطع اینترنت صادر "
            "نشده است.",
        ),
        (
            "tr",
            "Türkiye'de kesinti\nPazartesi günü Türkiye'de internet kesildi. Bakan, herhangi bir erişim engeli kararı "
            "verilmediğini söyledi.",
        ),
        (
            "id",
            "Gangguan di Papua\nInternet di Papua terputus pada hari Senin. Menteri mengatakan tidak ada perintah "
            "pemblokiran internet.",
        ),
        (
            "hi",
            "भारत में इंटरनेट ठप\nसोमवार को मणिपुर में इंटरनेट बंद रहा। मंत्री ने कहा कि इंटरनेट बंद करने का कोई आदेश नहीं दिया गया।",
        ),
    ],
)
def test_an_official_saying_no_restriction_was_ordered_is_a_denial(tmp_path, lang, body):
    assert _build(tmp_path, lang, body)["acknowledged"] is False


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (  # a promise about the future, then the announcement
            "en",
            "Internet cut in Malawi during exams\nThe ministry had said there would be no internet cut during the "
            "exams. On Monday the Ministry of Education announced that mobile data was suspended during the exams.",
        ),
        (  # "did not say why it blocked": the saying is negated, not the block
            "en",
            "TikTok blocked in Malawi\nThe regulator announced on Monday that it had blocked TikTok. The regulator "
            "did not say why it blocked the platform.",
        ),
        (
            "fr",
            "Coupure au Tchad\nLe ministre avait assuré qu'il n'y aurait pas de coupure pendant le bac. Lundi, le "
            "ministère de l'Éducation a annoncé la suspension de l'internet mobile pendant les épreuves.",
        ),
        (
            "ru",
            "Блокировка в Киргизии\nДоступ к TikTok ограничен с понедельника. В министерстве подтвердили блокировку.",
        ),
        (
            "ar",
            "حجب في الأردن\nتعذر الوصول إلى تيك توك منذ الاثنين. وأكدت هيئة تنظيم قطاع الاتصالات حجب التطبيق.",
        ),
        (
            "tr",
            "Türkiye'de erişim engeli\nPazartesiden beri TikTok'a erişilemiyor. BTK, erişim engelini doğruladı.",
        ),
    ],
)
def test_a_confirmation_or_a_promise_is_no_denial(tmp_path, lang, body):
    assert _build(tmp_path, lang, body)["acknowledged"] is True


# ------------------------------------------------------------------ laws named in the local language


@pytest.mark.parametrize(
    ("lang", "body", "instrument"),
    [
        (
            "ar",
            "حجب المواقع في مصر\nحجبت السلطات المصرية الموقع بموجب القانون رقم 175 لسنة 2018 بشأن مكافحة جرائم تقنية "
            "المعلومات.",
            "Law No. 175/2018",
        ),
        (
            "fa",
            "فیلتر در ایران\nدادستانی دسترسی به سایت را بر اساس قانون جرایم رایانه‌ای مسدود کرد.",
            "قانون جرایم رایانه‌ای",
        ),
        (
            "hi",
            "भारत में ऐप पर प्रतिबंध\nसरकार ने सूचना प्रौद्योगिकी अधिनियम की धारा 69ए के तहत ऐप को ब्लॉक कर दिया।",
            "सूचना प्रौद्योगिकी अधिनियम",
        ),
        (
            "sw",
            "Tanzania yazuia X\nSerikali ilizuia mtandao wa X chini ya Sheria ya Makosa ya Mtandao ya 2015.",
            "Sheria ya Makosa ya Mtandao ya 2015",
        ),
        (
            "es",
            "Bloqueo en Honduras\nEl gobierno bloqueó las redes sociales mediante el Decreto Ejecutivo PCM-045-2024.",
            "Decree PCM-045-2024",
        ),
        (
            "en",
            "Internet cut in Malawi\nThe government suspended mobile internet on Monday, invoking a 2016 "
            "telecommunications law that allows it to suspend networks in an emergency.",
            "2016 telecommunications Law",
        ),
        (
            "pl",
            "Blokada w Polsce\nNa mocy ustawy regulującej publikacje internetowe Sąd Rejonowy w Kelvie zablokował "
            "dostęp do serwisu.",
            "ustawa regulująca publikacje internetowe",
        ),
        (
            "ru",
            "Блокировка в Киргизии\nСуд заблокировал сайт на основании статьи 280 Уголовного кодекса.",
            "Уголовный кодекс",
        ),
        (
            "id",
            "Pemblokiran di Indonesia\nKementerian memblokir situs itu berdasarkan Pasal 156 KUHP.",
            "Criminal Code (KUHP)",
        ),
    ],
)
def test_a_law_named_or_described_in_the_local_language_is_the_legal_basis(tmp_path, lang, body, instrument):
    assert _names(_build(tmp_path, lang, body), "legal_basis") == [instrument]


# ------------------------------------------------------------------ regulators and ministries as articles name them


@pytest.mark.parametrize(
    ("lang", "body", "orderer"),
    [
        (
            "en",
            "TikTok blocked\nThe regulator in Malawi ordered operators to block TikTok on Monday, citing national "
            "security.",
            "Malawian telecommunications regulator",
        ),
        (
            "pl",
            "Blokada Telegrama\nRegulator telekomunikacyjny w Polsce nakazał operatorom zablokowanie Telegrama w "
            "poniedziałek.",
            "Polish telecommunications regulator",
        ),
        (
            "es",
            "Bloqueo de TikTok\nEl regulador de telecomunicaciones de Honduras ordenó a las operadoras bloquear TikTok "
            "el lunes.",
            "Honduran telecommunications regulator",
        ),
        (
            "fr",
            "Facebook bloqué au Tchad\nLe régulateur des télécommunications du Tchad a ordonné aux opérateurs de "
            "bloquer Facebook dimanche.",
            "Chadian telecommunications regulator",
        ),
        (
            "ar",
            "حجب تيك توك في الأردن\nأمرت وزارة الاقتصاد الرقمي والريادة شركات الاتصالات بحجب تطبيق تيك توك في الأردن.",
            "Ministry of Digital Economy and Entrepreneurship",
        ),
        (
            "hi",
            "भारत में ऐप पर प्रतिबंध\nसूचना एवं प्रसारण मंत्रालय ने भारत में ऐप को ब्लॉक करने का आदेश दिया।",
            "Ministry of Information and Broadcasting",
        ),
        (
            "tr",
            "Türkiye'de X'e erişim engeli\nİçişleri Bakanlığı, operatörlere X'e erişimi engellemesi talimatını verdi.",
            "Ministry of Interior",
        ),
        (
            "ru",
            "В Киргизии заблокировали TikTok\nМинистерство связи Киргизии приказало операторам заблокировать TikTok в "
            "понедельник.",
            "Ministry of Communications",
        ),
    ],
)
def test_a_regulator_named_by_its_country_or_a_ministry_by_its_portfolio(tmp_path, lang, body, orderer):
    assert _names(_build(tmp_path, lang, body), "ordered_by") == [orderer]


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        (
            "fr",
            "Coupure au Tchad\nLa présidence de la République a décidé de couper l'internet au Tchad dimanche, "
            "jour du scrutin à Kelvo.",
        ),
        (
            "en",
            "Internet cut in Malawi\nThe Presidency ordered operators to cut the internet in Malawi on Sunday, "
            "residents of Kelvo said.",
        ),
        (
            "es",
            "Corte en Honduras\nLa Presidencia de la República ordenó cortar internet en Honduras el domingo.",
        ),
    ],
)
def test_the_presidency_as_an_organ_is_the_orderer(tmp_path, lang, body):
    record = _build(tmp_path, lang, body)
    assert _names(record, "ordered_by") == [f"Presidency of {record_country(record)}"]


def record_country(record: dict) -> str:
    return {"TD": "Chad", "MW": "Malawi", "HN": "Honduras"}[record["country"]]


@pytest.mark.parametrize(
    ("lang", "body", "orderer"),
    [
        (
            "fr",
            "Blocage au Sénégal\nLe gouvernement sénégalais a ordonné à l'ARTP de bloquer TikTok mercredi.",
            "Senegalese government",
        ),
        (
            "pt",
            "Bloqueio no Brasil\nO Ministério da Justiça determinou à Anatel que bloqueasse o aplicativo na "
            "quarta-feira.",
            "Ministry of Justice",
        ),
        (
            "ru",
            "Блокировка в России\nГенпрокуратура поручила Роскомнадзору заблокировать сайт в понедельник.",
            "Prosecutor General's Office",
        ),
        (
            "tr",
            "Türkiye'de erişim engeli\nİçişleri Bakanlığı, BTK'ya TikTok'a erişimin engellenmesi talimatını verdi.",
            "Ministry of Interior",
        ),
        (
            "hi",
            "भारत में ऐप पर प्रतिबंध\nगृह मंत्रालय ने दूरसंचार विभाग को भारत में ऐप को ब्लॉक करने का आदेश दिया।",
            "Ministry of Home Affairs",
        ),
        (
            "fa",
            "فیلتر در ایران\nشورای عالی امنیت ملی به وزارت ارتباطات دستور داد اینستاگرام را در ایران مسدود کند.",
            "Supreme National Security Council",
        ),
    ],
)
def test_the_body_an_order_is_addressed_to_is_not_its_author(tmp_path, lang, body, orderer):
    assert _names(_build(tmp_path, lang, body), "ordered_by") == [orderer]


@pytest.mark.parametrize(
    ("lang", "body", "acknowledged"),
    [
        (
            "ur",
            "پاکستان میں ایکس بند\nپیر سے ایکس تک رسائی ممکن نہیں۔ پی ٹی اے نے ایکس کی بندش کی تصدیق کی۔",
            True,
        ),
        (
            "it",
            "Blocco in Italia\nTelegram non funziona da lunedì. L'Agcom ha confermato il blocco.",
            True,
        ),
        (
            "sw",
            "Intaneti yakatika Tanzania\nIntaneti ilikatika Jumatatu. Waziri alisema serikali haikuagiza kuzimwa kwa "
            "intaneti.",
            False,
        ),
        (
            "pl",
            "Awaria w Polsce\nInternet nie działał w poniedziałek. Minister powiedział, że rząd nie nakazał żadnej "
            "blokady.",
            False,
        ),
        (
            "ur",
            "پاکستان میں انٹرنیٹ بند\nپیر کو انٹرنیٹ بند رہا۔ وزیر نے کہا کہ انٹرنیٹ بند کرنے کا کوئی حکم نہیں دیا گیا۔",
            False,
        ),
    ],
)
def test_confirmations_and_denials_in_more_languages(tmp_path, lang, body, acknowledged):
    assert _build(tmp_path, lang, body)["acknowledged"] is acknowledged
