"""court_challenges, legal_basis, acknowledged and workarounds on tests/stance_corpus: invented
multi-article incidents in fourteen languages about what a sentence does not say (a case about
another matter, a challenge only planned, a state of emergency not declared, a bill not passed,
an official denial, silence, VPNs that were themselves blocked). Each gold file states only
those four fields; every incident must score 1 on each, except the three listed in KNOWN."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO_ROOT
from shutdown_records.evaluate import evaluate_corpus, find_incidents
from shutdown_records.extraction.pipeline import build_record

CORPUS = REPO_ROOT / "tests" / "stance_corpus"
IDS = [i.id for i in find_incidents(CORPUS)]
FIELDS = ("legal_basis", "court_challenges", "workarounds", "acknowledged")
# Still wrong, and why (tests/stance_corpus/README.md): both need the incident's own dates.
KNOWN = {
    ("ks-2025-urgence-fr", "court_challenges"),  # a 2020 shutdown's case, told in the next sentence
    ("lv-2025-ordre-fr", "legal_basis"),  # the law of a 2023 block, "not cited this time"
    ("ni-2025-apagon-es", "court_challenges"),  # a 2021 suit against a law, still pending
}


@pytest.fixture(scope="module")
def results() -> dict:
    return {r.id: r for r in evaluate_corpus(CORPUS).incidents}


def test_the_corpus_covers_many_languages(results: dict) -> None:
    languages = {lang for r in results.values() for lang in r.languages}
    assert len(results) >= 24
    assert len(languages) >= 10


@pytest.mark.parametrize("incident", IDS)
def test_the_four_stance_fields_follow_the_readme_rules(results: dict, incident: str) -> None:
    r = results[incident]
    for name in FIELDS:
        if name not in r.scores.fields or (incident, name) in KNOWN:
            continue
        assert r.scores.fields[name] == 1.0, (
            f"{incident} {name}: built {r.record.get(name)!r}, gold {r.gold.get(name)!r}"
        )


# --- the ideas the corpus exposed, each with a case where it must not fire -----------------


def _build(tmp_path: Path, articles: list[tuple[str, str]], published: str = "2025-05-05") -> dict:
    paths = []
    for i, (language, body) in enumerate(articles, 1):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(f"---\nlanguage: {language}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return build_record(paths).record


def _courts(record: dict) -> list[str]:
    return [c["court"] for c in record.get("court_challenges") or []]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "en",
            "Ghana's regulator blocked the app Chatterbox on Monday. The journalists' union said it plans "
            "to challenge the block at the Constitutional Court.",
        ),
        (
            "pt",
            "O governo do Brasil bloqueou o aplicativo Papinho na segunda-feira. A Ordem dos Advogados "
            "vai recorrer ao Supremo Tribunal Federal contra o bloqueio.",
        ),
        (
            "id",
            "Pemerintah Indonesia memblokir aplikasi Obrolan pada Senin. Sejumlah organisasi akan mengajukan "
            "uji materi ke Mahkamah Konstitusi jika pemblokiran berlanjut.",
        ),
    ],
)
def test_a_challenge_only_planned_names_no_court(tmp_path: Path, language: str, body: str) -> None:
    assert _courts(_build(tmp_path, [(language, body)])) == []


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "en",
            "Ghana's regulator blocked the app Chatterbox on Monday. The Ghana Bar Association filed a "
            "challenge at the High Court against the block.",
        ),
        (
            "pt",
            "O governo do Brasil bloqueou o aplicativo Papinho na segunda-feira. A Ordem dos Advogados "
            "recorreu ao Supremo Tribunal Federal contra o bloqueio.",
        ),
    ],
)
def test_a_challenge_filed_names_its_court(tmp_path: Path, language: str, body: str) -> None:
    assert len(_courts(_build(tmp_path, [(language, body)]))) == 1


@pytest.mark.parametrize(
    ("language", "body"),
    [
        (
            "pt",
            "Moçambique: internet móvel restabelecida após dez dias; Conselho Constitucional recebe recurso "
            "da oposição. O Conselho Constitucional recebeu na terça-feira o recurso da Frente Popular "
            "sobre a contagem dos votos.",
        ),
        (
            "fr",
            "L'internet mobile a été coupé au Niger pendant le bac. La Cour constitutionnelle a rejeté jeudi "
            "le recours de l'opposition sur les élections municipales.",
        ),
        (
            "es",
            "El internet móvil se ralentizó en Rinconada. Un juzgado de Villa Romero admitió una demanda por "
            "difamación contra un periodista local.",
        ),
    ],
)
def test_a_court_case_about_another_matter_is_no_challenge(tmp_path: Path, language: str, body: str) -> None:
    assert _courts(_build(tmp_path, [(language, body)])) == []


def test_an_election_and_the_shutdown_in_one_clause_is_still_a_challenge(tmp_path: Path) -> None:
    body = (
        "Mobile internet was cut in Ghana during the municipal elections. The Ghana Bar Association "
        "petitioned the High Court over the internet shutdown during the elections."
    )
    assert len(_courts(_build(tmp_path, [("en", body)]))) == 1


def test_a_chamber_of_a_court_is_that_court(tmp_path: Path) -> None:
    body = (
        "Un juez ordenó bloquear la red social Charla en Venezuela. La Sala Constitucional del Tribunal "
        "Superior de Justicia de Venezuela admitió el recurso de la empresa contra el bloqueo."
    )
    courts = _courts(_build(tmp_path, [("es", body)]))
    assert len(courts) == 1 and "Constitutional Chamber" not in courts[0]


def test_a_court_named_without_any_country_keeps_its_bare_name(tmp_path: Path) -> None:
    first = (
        "रामगढ़ी ज़िले में मोबाइल इंटरनेट बंद कर दिया गया है। इंटरनेट बंद किए जाने के खिलाफ़ पत्रकार की "
        "याचिका पर उच्च न्यायालय ने सरकार से जवाब मांगा है।"
    )
    later = "उच्च न्यायालय में इंटरनेट बंदी के खिलाफ़ पत्रकार की याचिका पर सुनवाई 24 जुलाई को होगी।"
    assert _courts(_build(tmp_path, [("hi", first), ("hi", later)])) == ["High Court"]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("fr", "Un projet de loi sur la cybersécurité, qui autoriserait les coupures, n'a pas été adopté."),
        ("en", "A draft Cybersecurity Bill that would let the police order shutdowns is before parliament."),
    ],
)
def test_a_law_merely_proposed_is_no_basis(tmp_path: Path, language: str, body: str) -> None:
    lead = {"fr": "L'internet est coupé en Centrafrique depuis mercredi. ", "en": "Internet is down in Ghana. "}
    assert _build(tmp_path, [(language, lead[language] + body)])["legal_basis"] == []


def test_a_law_passed_is_a_basis(tmp_path: Path) -> None:
    body = (
        "L'internet est coupé en Centrafrique depuis mercredi. La coupure a été ordonnée en vertu de "
        "la loi sur la cybersécurité, a dit le ministre."
    )
    assert _build(tmp_path, [("fr", body)])["legal_basis"] != []


def test_one_law_number_in_two_spellings_is_one_instrument(tmp_path: Path) -> None:
    record = _build(
        tmp_path,
        [
            (
                "es",
                "El juez bloqueó Charla en Venezuela con base en el artículo 19 de la Ley 19.448 de Telecomunicaciones.",
            ),
            ("es", "La Ley 19.448 sigue permitiendo bloqueos totales en Venezuela, según la ONG."),
        ],
    )
    assert len(record["legal_basis"]) == 1


def test_two_acts_of_the_same_year_stay_two(tmp_path: Path) -> None:
    body = (
        "Ghana's regulator blocked Chatterbox under the Communications Act 2019 and the Cybersecurity Act "
        "2019, the minister said."
    )
    assert len(_build(tmp_path, [("en", body)])["legal_basis"]) == 2


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        ("pt", "O Papinho foi bloqueado no Brasil. Nas primeiras horas, os downloads de VPN dispararam.", ["vpn"]),
        ("id", "Obrolan diblokir di Indonesia. Unduhan aplikasi VPN melonjak karena pengguna beralih ke VPN.", ["vpn"]),
        ("it", "Chiacchiera è stata bloccata in Italia. Gli utenti hanno aggirato il blocco con le VPN.", ["vpn"]),
        ("tr", "Cıvıltı'ya Türkiye'de erişim engeli getirildi. Kullanıcılar VPN uygulamalarına yöneldi.", ["vpn"]),
    ],
)
def test_users_turning_to_a_tool_is_a_workaround(tmp_path: Path, language: str, body: str, expected: list) -> None:
    assert _build(tmp_path, [(language, body)])["workarounds"] == expected


@pytest.mark.parametrize(
    ("language", "body"),
    [
        # "em baixo" (down) is no download; "Kullanıcılar" (users) is no "kullandı" (used)
        (
            "pt",
            "A internet foi cortada em Moçambique. Até as VPN deixaram de funcionar, já que a rede estava em baixo.",
        ),
        ("tr", "Türkiye'de sosyal medya yavaşladı. Kullanıcılar, VPN hizmetlerinin de yavaşladığını bildirdi."),
    ],
)
def test_a_tool_that_failed_or_was_hit_is_no_workaround(tmp_path: Path, language: str, body: str) -> None:
    assert _build(tmp_path, [(language, body)])["workarounds"] == []


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        (
            "fr",
            "La province du Nord de la Centrafrique est coupée d'internet. Des ONG utilisent des terminaux "
            "satellitaires pour coordonner l'aide.",
            ["satellite"],
        ),
        (
            "es",
            "Venezuela bloqueó la red social Charla. Muchos usuarios cambiaron los DNS del router para saltarse el bloqueo.",
            ["alternative_dns"],
        ),
        (
            "ar",
            "حجبت السلطات في الأردن تطبيق همسة. ولجأ المستخدمون إلى خدمات البروكسي وإلى متصفح تور للالتفاف على الحجب.",
            ["proxy", "tor"],
        ),
    ],
)
def test_other_tools_people_used(tmp_path: Path, language: str, body: str, expected: list) -> None:
    assert sorted(_build(tmp_path, [(language, body)])["workarounds"]) == sorted(expected)


def test_an_agency_head_confirming_the_block_acknowledges_it(tmp_path: Path) -> None:
    body = (
        "Türkiye'de Cıvıltı'ya erişim engeli getirildi. BİK Başkanı Kemal Ertan, salı günü yaptığı "
        "açıklamada engeli doğruladı."
    )
    assert _build(tmp_path, [("tr", body)])["acknowledged"] is True


def test_a_platform_that_failed_the_laws_requirements_is_no_denial(tmp_path: Path) -> None:
    body = (
        "В Казахстане заблокировали мессенджер «Перекличка» по решению суда, который признал сервис "
        "не выполнившим требования закона. В пресс-службе ведомства подтвердили, что блокировка введена."
    )
    assert _build(tmp_path, [("ru", body)])["acknowledged"] is True


def test_an_official_denial_is_still_a_denial(tmp_path: Path) -> None:
    body = (
        "В Казахстане третий день нет мобильного интернета. «Никаких ограничений не вводилось», — заявил "
        "пресс-секретарь губернатора."
    )
    assert _build(tmp_path, [("ru", body)])["acknowledged"] is False


def test_a_regional_court_named_in_swahili_is_a_challenge(tmp_path: Path) -> None:
    body = (
        "Mamlaka ya Mawasiliano Tanzania imezuia mitandao ya kijamii. Kituo cha Haki kimefungua kesi katika "
        "Mahakama ya Haki ya Afrika Mashariki kupinga hatua hiyo ya kuzuia mitandao."
    )
    assert _courts(_build(tmp_path, [("sw", body)])) == ["East African Court of Justice"]


def test_an_application_only_announced_in_turkish_is_no_challenge(tmp_path: Path) -> None:
    body = (
        "Sözlükçe'ye Türkiye'den erişim engellendi. Sitenin avukatı, Anayasa Mahkemesi'ne bireysel "
        "başvuruda bulunacaklarını açıkladı."
    )
    assert _courts(_build(tmp_path, [("tr", body)])) == []


def test_a_numbered_cabinet_decision_is_a_basis(tmp_path: Path) -> None:
    body = (
        "أعلنت وزارة الاتصالات العراقية قطع خدمة الإنترنت خلال الامتحانات، وقالت إن القطع يأتي استناداً إلى "
        "قرار مجلس الوزراء رقم 14 لسنة 2025."
    )
    assert _build(tmp_path, [("ar", body)])["legal_basis"] == [{"instrument": "Cabinet Decision No. 14"}]


@pytest.mark.parametrize(
    ("language", "body", "expected"),
    [
        (
            "it",
            "Fluxo è stato bloccato in Italia. Molti abbonati hanno continuato a vedere le partite usando una "
            "VPN o cambiando i server DNS del router.",
            ["alternative_dns", "vpn"],
        ),
        (
            "id",
            "Internet seluler di Indonesia diputus. Sejumlah jurnalis mengirim berita melalui telepon satelit.",
            ["satellite"],
        ),
    ],
)
def test_dns_changes_and_satellite_phones_in_more_languages(
    tmp_path: Path, language: str, body: str, expected: list
) -> None:
    assert sorted(_build(tmp_path, [(language, body)])["workarounds"]) == expected


def test_a_court_in_other_news_is_no_challenge(tmp_path: Path) -> None:
    body = (
        "اینترنت همراه در ایران قطع شده است. در خبری دیگر، دیوان عدالت اداری شکایت یک شهروند علیه مصوبه "
        "افزایش قیمت بنزین را رد کرد."
    )
    assert _courts(_build(tmp_path, [("fa", body)])) == []
