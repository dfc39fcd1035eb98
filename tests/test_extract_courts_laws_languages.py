"""How courts and laws are named across languages, on invented sentences (made-up places,
bodies and numbers): a court by its seat, a second instrument after "and", a law's name that
ends before the clause's verb."""

from __future__ import annotations

from test_extract_cues import make_doc, run, support


def _laws(text: str, language: str) -> set[str]:
    return set(support(run(make_doc(text, language)), "legal_basis"))


def _courts(text: str, language: str) -> dict[str, float]:
    return support(run(make_doc(text, language)), "court_challenges")


def test_french_second_instrument_after_et_is_its_own_item():
    laws = _laws(
        "La coupure a été ordonnée en application de l'article 4 de la loi n° 2031-07 sur les "
        "communications et du décret n° 2032-19.",
        "fr",
    )
    assert "Decree No. 2032-19" in laws
    assert not any("décret" in law for law in laws if law != "Decree No. 2032-19")


def test_persian_law_name_stops_before_the_closing_verb():
    laws = _laws("این تصمیم بر اساس ماده ۱۲ قانون تجارت الکترونیکی گرفته شد.", "fa")
    assert laws == {"قانون تجارت الکترونیکی"}


def test_turkish_law_the_decision_rests_on():
    laws = _laws("Karar 7788 sayılı Kanun'un 4. maddesine dayanıyor ve Chirper'a erişim engellendi.", "tr")
    assert "Law No. 7788" in laws


def test_russian_court_by_kind_and_seat_in_an_oblique_case():
    courts = _courts("Компания обжаловала блокировку Chirper в Арбитражном суде Верхнеозёрска.", "ru")
    assert "Арбитражный суд Верхнеозёрска" in courts


def test_arabic_high_court_of_justice_hears_an_appeal():
    courts = _courts("حجبت السلطات الأردنية تطبيق Chirper، وطعن محامون في القرار أمام محكمة العدل العليا.", "ar")
    assert "High Court Of Justice of Jordan" in courts


def test_spanish_first_instance_court_by_its_seat():
    courts = _courts(
        "Una jueza del Juzgado Segundo de lo Penal de Valdeluna admitió una acción de protección "
        "contra el bloqueo de Chirper.",
        "es",
    )
    assert "Juzgado Segundo de lo Penal de Valdeluna" in courts


def test_portuguese_state_court_of_justice_orders():
    m = run(make_doc("O Tribunal de Justiça de Vila Serena determinou o bloqueio do Chirper em todo o país.", "pt"))
    assert support(m, "ordered_by").get("Court of Justice of Vila Serena", 0) >= 1.0


def test_a_court_directing_a_review_of_the_matter_is_not_the_orderer():
    review = run(
        make_doc(
            "The Karovo High Court on Monday directed the cabinet to take up the matter of the Chirper ban again.",
            "en",
        )
    )
    assert support(review, "ordered_by").get("Karovo High Court", 0) < 0.35
    order = run(make_doc("The Karovo High Court ordered the regulator to block Chirper.", "en"))
    assert support(order, "ordered_by").get("Karovo High Court", 0) >= 1.0
    pl = run(
        make_doc("Sąd Najwyższy Kazachstanu nakazał rządowi ponownie rozpatrzyć sprawę blokady serwisu Chirper.", "pl")
    )
    assert support(pl, "ordered_by").get("Supreme Court of Kazakhstan", 0) < 0.35


def test_numbered_instruments_across_languages():
    assert "Lei nº 14.230/2031" in _laws(
        "O bloqueio do Chirper foi determinado com base no artigo 21 da Lei nº 14.230/2031 e no Decreto nº 9.876.", "pt"
    )
    assert "Order No. 045/2031" in _laws(
        "Le blocage de Chirper a été ordonné en vertu de l'arrêté ministériel n° 045/2031.", "fr"
    )
    assert "Government Resolution No. 1101" in _laws(
        "Доступ к Chirper ограничен на основании постановления правительства № 1101.", "ru"
    )
    assert "Resolution No. 77-2031" in _laws(
        "El bloqueo de Chirper se basa en la resolución ministerial N° 77-2031.", "es"
    )


def test_english_title_with_a_parenthesised_part():
    laws = _laws(
        "The regulator ordered the block of Chirper under Regulation 4 of the Electronic Communications "
        "(Online Content) Regulations, 2031.",
        "en",
    )
    assert "Electronic Communications (Online Content) Regulations, 2031" in laws


def test_moving_a_court_against_an_order_is_a_challenge():
    courts = _courts(
        "The state government cut mobile internet. Rights groups moved the Supreme Court of India "
        "against the suspension.",
        "en",
    )
    assert courts.get("Supreme Court of India", 0) >= 0.5


def test_images_limited_to_a_minimum_is_throttling():
    en = run(
        make_doc("The regulator told operators to restrict the sharing of images and videos to a bare minimum.", "en")
    )
    assert max(support(en, "kind"), key=support(en, "kind").get) == "throttling"
    fr = run(
        make_doc("L'autorité de Veloria exige des opérateurs de limiter au strict minimum l'envoi de vidéos.", "fr")
    )
    assert support(fr, "kind").get("throttling", 0) >= 1.0


def test_the_top_of_a_chain_of_orders_is_read_in_turkish_and_russian():
    tr = support(
        run(make_doc("Türkiye Cumhurbaşkanlığının talimatıyla BTK Chirper erişimini engelledi.", "tr")), "ordered_by"
    )
    assert (
        tr.get("Presidency of Turkey", 0) >= 0.5
        and tr.get("Information and Communication Technologies Authority", 0) >= 1.0
    )
    ru = support(
        run(make_doc("По требованию Генпрокуратуры России Роскомнадзор ограничил доступ к Chirper.", "ru")),
        "ordered_by",
    )
    assert ru.get("Prosecutor General's Office", 0) >= 0.5 and ru.get("Roskomnadzor", 0) >= 1.0


def test_a_ministry_then_a_comma_and_the_regulator_are_two_links_of_the_chain():
    pt = support(
        run(
            make_doc(
                "A pedido do Ministério da Justiça, a Anatel determinou às operadoras o bloqueio do Chirper no Brasil.",
                "pt",
            )
        ),
        "ordered_by",
    )
    assert {"Ministry of Justice", "National Telecommunications Agency (Anatel)"} <= set(pt)
    es = support(
        run(
            make_doc(
                "A pedido del Ministerio de Comunicaciones, la Conatel ordenó a las operadoras bloquear "
                "Chirper en Venezuela.",
                "es",
            )
        ),
        "ordered_by",
    )
    assert "Ministry of Communications" in es
