"""The incident timeline (extraction/timeline.py, docs/timeline.md): which step each date is, and
how start and end are chosen from the steps. Every article here is invented: the places,
people and platforms do not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction.extractors import dates
from shutdown_records.extraction.loader import load_sources
from shutdown_records.extraction.pipeline import build_record
from shutdown_records.extraction.timeline import describe, steps


def _write(tmp_path: Path, articles: list[tuple[str, str | None, str]]) -> list[Path]:
    paths = []
    for i, (language, published, body) in enumerate(articles, 1):
        head = f"---\nlanguage: {language}\n" + (f"published: {published}\n" if published else "") + "---\n"
        path = tmp_path / f"{i:02d}.txt"
        path.write_text(head + body.strip() + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _build(tmp_path: Path, articles: list[tuple[str, str | None, str]]):
    return build_record(_write(tmp_path, articles))


def _extract(tmp_path: Path, language: str, published: str | None, body: str):
    doc = load_sources(_write(tmp_path, [(language, published, body)])).docs[0]
    return list(dates.extract(doc))


def test_start_is_when_the_block_took_effect_not_when_it_was_announced(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        [
            (
                "en",
                "2024-06-03",
                "The Ministry of Communications of Veldoria announced on Monday that the messaging "
                "app Quillchat would be blocked from 6 June 2024, citing public order.",
            ),
            (
                "en",
                "2024-06-07",
                "Quillchat has been blocked in Veldoria since 6 June, users in the city of Marrowby said. "
                "The ministry announced the measure on 3 June 2024.",
            ),
        ],
    )
    assert result.record["start_date"] == "2024-06-06"
    timeline = describe(result.mentions)
    assert any(line.startswith("2024-06-06 effect") for line in timeline), timeline


def test_an_order_date_counts_less_than_a_stated_effect_date(tmp_path: Path) -> None:
    # Two sources date the order, one the effect: the effect is the start.
    result = _build(
        tmp_path,
        [
            (
                "en",
                "2024-06-04",
                "The Ministry of Communications of Veldoria ordered on 3 June 2024 the blocking of "
                "the messaging app Quillchat.",
            ),
            (
                "en",
                "2024-06-04",
                "Telecom operators in Veldoria were ordered on 3 June 2024 to block Quillchat, the regulator said.",
            ),
            (
                "en",
                "2024-06-08",
                "Quillchat has been inaccessible in Veldoria since 6 June, users in the city of Marrowby said.",
            ),
        ],
    )
    assert result.record["start_date"] == "2024-06-06"
    assert ("order", "2024-06-03") in {(st.event, st.value) for st in steps(result.mentions)}
    assert any("took effect" in p for p in result.problems)


def test_order_revoked_before_it_took_effect_keeps_order_and_revocation_dates(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        [
            (
                "pt",
                "2023-04-14",
                "O juiz Tadeu Brandolim determinou nesta sexta-feira (14) o bloqueio do aplicativo "
                "Zapfala em todo o país, por descumprimento de ordens judiciais.",
            ),
            (
                "pt",
                "2023-04-17",
                "O juiz Tadeu Brandolim revogou neste domingo (16) a decisão que suspendia o Zapfala. "
                "As operadoras ainda não haviam aplicado a ordem, que nunca entrou em vigor.",
            ),
        ],
    )
    assert result.record["start_date"] == "2023-04-14"
    assert result.record["end_date"] == "2023-04-16"
    assert result.record["status"] == "ended"
    events = {(st.event, st.value) for st in steps(result.mentions)}
    assert ("revocation", "2023-04-16") in events and ("order", "2023-04-14") in events
    assert any("revoked before it took effect" in p for p in result.problems)


def test_the_restoration_date_is_never_taken_as_the_start(tmp_path: Path) -> None:
    # Two sources word the return so that only a restriction word stands near the date ("the
    # blackout ... came to an end": no return verb of the list takes it); two others say
    # it was restored that day.
    result = _build(
        tmp_path,
        [
            (
                "en",
                "2023-03-22",
                "Mobile internet in the Karvan province of Veldoria was cut on 18 March 2023 during protests.",
            ),
            ("en", "2023-03-22", "On 21 March 2023, the blackout in most districts of Karvan came to an end."),
            ("en", "2023-03-22", "On 21 March 2023, the blackout in the city of Marrowby came to an end."),
            ("en", "2023-03-23", "Internet access in Karvan was restored on 21 March after three days of suspension."),
            ("en", "2023-03-23", "Mobile internet was restored on 21 March 2023 in Karvan, officials said."),
        ],
    )
    assert result.record["start_date"] == "2023-03-18"
    assert result.record["end_date"] == "2023-03-21"
    assert any("when access returned, not a start" in p for p in result.problems)


def test_an_order_to_restore_dates_the_restoration(tmp_path: Path) -> None:
    found = _extract(
        tmp_path,
        "en",
        "2023-03-21",
        "The provincial cabinet on Tuesday ordered operators to restore mobile data in Karvan.",
    )
    assert [(m.field, m.value, m.extra["event"]) for m in found] == [("end_date", "2023-03-21", "restoration")]


def test_a_follow_up_articles_own_date_is_not_the_start(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        [
            ("en", "2025-01-10", "Authorities in Veldoria blocked the video app Flickwave on 8 January 2025."),
            (
                "en",
                "2026-02-20",
                "A year on, Flickwave is still blocked in Veldoria. The app was blocked again today "
                "on the last networks that carried it.",
            ),
            (
                "en",
                "2026-02-20",
                "Flickwave was blocked today on the last mobile network in Marrowby, engineers reported.",
            ),
        ],
    )
    assert result.record["start_date"] == "2025-01-08"
    assert any("follow-up" in p for p in result.problems)


def test_an_extension_is_neither_the_start_nor_the_end(tmp_path: Path) -> None:
    found = _extract(
        tmp_path,
        "en",
        "2023-03-23",
        "The government on Thursday extended the suspension of mobile internet in two districts until 24 March 2023.",
    )
    extended = [m for m in found if m.extra.get("event") == "extension"]
    assert extended and all(m.weight <= 0.3 for m in extended)


def test_a_lifting_said_on_a_day_is_the_end_date(tmp_path: Path) -> None:
    found = _extract(
        tmp_path,
        "en",
        "2023-06-05",
        "Veldoria announced Friday it was lifting the suspension of the Quillchat messaging service, "
        "which regulators had imposed in March.",
    )
    ends = [(m.value, m.extra["event"]) for m in found if m.field == "end_date"]
    assert ends == [("2023-06-02", "lifting")]


def test_a_trackers_end_label_glued_to_the_date_is_the_end(tmp_path: Path) -> None:
    found = _extract(
        tmp_path,
        "en",
        None,
        "Quillchat was unreachable in Veldoria while the votes were counted.\n"
        "Start3 May 2022 6:00 p.m.\nEnd5 May 2022 9:00 a.m.\nDuration 2 days\n",
    )
    assert [(m.field, m.value) for m in found if m.extra.get("cue") == "label"] == [
        ("start_date", "2022-05-03"),
        ("end_date", "2022-05-05"),
    ]


@pytest.mark.parametrize(
    "language, published, body, start, end",
    [
        (
            "fr",
            "2022-09-20",
            "L'accès à Quillchat est bloqué depuis le 12 septembre 2022 dans la région de Morvane. "
            "Le réseau a été rétabli le 19 septembre, selon des habitants.",
            "2022-09-12",
            "2022-09-19",
        ),
        (
            "es",
            "2022-09-20",
            "El acceso a Quillchat está bloqueado desde el 12 de septiembre de 2022 en la provincia de Morvane. "
            "El servicio fue restablecido el 19 de septiembre, según vecinos.",
            "2022-09-12",
            "2022-09-19",
        ),
        (
            "ru",
            "2022-09-20",
            "Доступ к Quillchat заблокирован с 12 сентября 2022 года в области Морвань. "
            "Доступ был восстановлен 19 сентября, сообщили жители.",
            "2022-09-12",
            "2022-09-19",
        ),
        (
            "id",
            "2022-09-20",
            "Akses ke Quillchat diblokir sejak 12 September 2022 di Provinsi Morvane. "
            "Layanan itu dipulihkan pada 19 September, kata warga.",
            "2022-09-12",
            "2022-09-19",
        ),
        (
            "sw",
            "2022-09-20",
            "Huduma ya Quillchat ilizuiwa tangu tarehe 12 Septemba 2022 katika mkoa wa Morvane. "
            "Huduma hiyo ilirejeshwa tarehe 19 Septemba.",
            "2022-09-12",
            "2022-09-19",
        ),
        (
            "sq",
            "2022-09-20",
            "Quillchat është bllokuar në krahinën e Morvanës që nga 12 shtatori 2022. "
            "Shërbimi u rikthye më 19 shtator, sipas banorëve.",
            "2022-09-12",
            "2022-09-19",
        ),
        # Devanagari digits and postpositions: "from 18 March", "restored on 21 March".
        (
            "hi",
            "2023-03-22",
            "मोर्वान ज़िले में १८ मार्च से मोबाइल इंटरनेट सेवाएं बंद थीं। २१ मार्च को इंटरनेट सेवाएं बहाल कर दी गईं।",
            "2023-03-18",
            "2023-03-21",
        ),
        # Urdu with Extended Arabic-Indic digits.
        (
            "ur",
            "2023-03-22",
            "مورون میں ۱۸ مارچ سے موبائل انٹرنیٹ بند تھا۔ ۲۱ مارچ کو انٹرنیٹ سروس بحال کر دی گئی۔",
            "2023-03-18",
            "2023-03-21",
        ),
        # Solar Hijri dates with Persian digits: 10 Dey 1396 = 31 December 2017, 23 Dey = 13 January 2018.
        (
            "fa",
            "2018-01-20",
            "دسترسی به کوییل‌چت از روز ۱۰ دی ۱۳۹۶ در استان موروان مسدود شد. وزیر گفت کوییل‌چت روز ۲۳ دی رفع فیلتر شد.",
            "2017-12-31",
            "2018-01-13",
        ),
    ],
)
def test_start_and_end_in_many_languages(
    tmp_path: Path, language: str, published: str, body: str, start: str, end: str
) -> None:
    found = _extract(tmp_path, language, published, body)
    starts = {m.value for m in found if m.field == "start_date" and m.weight >= 0.6}
    ends = {m.value for m in found if m.field == "end_date" and m.weight >= 0.6}
    assert starts == {start}, found
    assert ends == {end}, found


def test_bikram_sambat_dates_are_converted(tmp_path: Path) -> None:
    # 15 Baisakh 2080 BS is 28 April 2023.
    found = _extract(tmp_path, "ne", "2023-06-03", "सरकारले २०८० वैशाख १५ गते देखि मोर्वानमा क्विलच्याट बन्द गरेको छ।")
    assert [(m.field, m.value) for m in found] == [("start_date", "2023-04-28")]
    assert "nepali calendar" in found[0].note


def test_an_embedded_posts_byline_dates_the_post(tmp_path: Path) -> None:
    found = _extract(
        tmp_path,
        "ur",
        "2021-11-19",
        "کوییل چیٹ پر ملک بھر میں پابندی عائد تھی۔\n"
        "Update: Quillchat services have been restored across Veldoria.\n"
        "— Veldoria Telecom Authority (@VTAofficial) November 19, 2021\n",
    )
    assert [(m.field, m.value, m.extra["cue"]) for m in found] == [("end_date", "2021-11-19", "post")]


def test_an_official_denial_makes_acknowledged_false(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        [
            (
                "en",
                "2024-02-12",
                "Users across Veldoria have been unable to access Quillchat since Saturday. "
                "The Ministry of Information denied that Quillchat had been blocked and blamed the "
                "disruption on a technical fault.",
            ),
            (
                "en",
                "2024-02-13",
                "Quillchat remained inaccessible in Marrowby on Tuesday. The government insisted "
                "there was no shutdown of Quillchat, and the regulator denied blocking the app.",
            ),
        ],
    )
    assert result.record["acknowledged"] is False


def test_an_official_confirmation_makes_acknowledged_true(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        [
            (
                "fr",
                "2024-02-12",
                "Le ministère de la Communication a confirmé le blocage de Quillchat dans tout le pays.",
            ),
            ("fr", "2024-02-13", "Le gouvernement a annoncé la suspension de Quillchat pour des raisons de sécurité."),
        ],
    )
    assert result.record["acknowledged"] is True


@pytest.mark.parametrize(
    "language, body",
    [
        ("fr", "Le ministère de la Communication a démenti tout blocage de Quillchat, évoquant une panne technique."),
        ("es", "El Ministerio de Comunicaciones negó el bloqueo de Quillchat y lo atribuyó a una falla técnica."),
        ("pt", "O Ministério das Comunicações negou o bloqueio do Quillchat e citou uma falha técnica."),
        ("ru", "Министерство связи опровергло блокировку Quillchat и сослалось на технический сбой."),
    ],
)
def test_a_denial_is_read_in_other_languages(tmp_path: Path, language: str, body: str) -> None:
    result = _build(tmp_path, [(language, "2024-02-12", body), (language, "2024-02-13", body)])
    assert result.record["acknowledged"] is False


def test_a_suspended_order_in_spanish_is_a_revocation_before_effect(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        [
            (
                "es",
                "2024-03-22",
                "El juez Ramiro Albéniz ordenó el viernes 22 de marzo de 2024 el bloqueo de la "
                "aplicación Parlox en todo el país.",
            ),
            (
                "es",
                "2024-03-26",
                "El juez Ramiro Albéniz suspendió el bloqueo de Parlox el lunes 25 de marzo, antes de "
                "que las operadoras lo aplicaran.",
            ),
        ],
    )
    assert result.record["start_date"] == "2024-03-22"
    assert result.record["end_date"] == "2024-03-25"
    assert ("revocation", "2024-03-25") in {(st.event, st.value) for st in steps(result.mentions)}


def test_a_court_decision_dated_that_day_is_the_turkish_orders_date(tmp_path: Path) -> None:
    found = _extract(
        tmp_path,
        "tr",
        "2019-03-20",
        "Kuzgunlu Sulh Ceza Mahkemesi'nin 12 Mart 2019 tarihli kararıyla Flickwave'e erişim yasağı getirildi.",
    )
    assert [(m.field, m.value, m.extra["event"]) for m in found] == [("start_date", "2019-03-12", "order")]


def test_a_day_inside_the_month_other_sources_give_refines_it(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        [
            (
                "tr",
                None,
                "Kuzgunlu Sulh Ceza Mahkemesi'nin 12 Mart 2019 tarihli kararıyla Flickwave'e erişim yasağı getirildi.",
            ),
            ("en", "2019-05-02", "Flickwave has been blocked in Veldoria since March 2019, users say."),
            ("en", "2019-06-10", "Flickwave has been unreachable in Veldoria since March 2019."),
        ],
    )
    # (Each month mention counts 0.6 for each day inside it: the day the Turkish source gives
    # is the same start, said more precisely.)
    assert result.record["start_date"] == "2019-03-12"


def test_an_exam_schedule_range_gives_both_ends_in_arabic_digits(tmp_path: Path) -> None:
    # Announced before the exams: the schedule's last day is the end (a plan stating both ends
    # weighs 0.5 per source, so two sources set it; one alone does not).
    articles = [
        (
            "ar",
            "2025-06-05",
            "أعلنت وزارة الاتصالات في فالدوريا قطع الإنترنت خلال امتحانات الشهادة الثانوية من ٧ إلى ٢١ حزيران ٢٠٢٥.",
        ),
        (
            "ar",
            "2025-06-06",
            "سيتم قطع خدمة الإنترنت في جميع المحافظات من ٧ حزيران إلى ٢١ حزيران ٢٠٢٥ أثناء الامتحانات.",
        ),
    ]
    result = _build(tmp_path, articles)
    assert (result.record["start_date"], result.record["end_date"]) == ("2025-06-07", "2025-06-21")
    (tmp_path / "one").mkdir()
    assert _build(tmp_path / "one", articles[:1]).record["end_date"] is None


def test_a_hindi_range_with_bracketed_times(tmp_path: Path) -> None:
    found = _extract(
        tmp_path,
        "hi",
        "2023-03-18",
        "मोर्वान ज़िले में १८ मार्च (12:00 बजे) से २० मार्च (12:00 बजे) तक मोबाइल इंटरनेट सेवाएं निलंबित रहेंगी।",
    )
    assert [(m.field, m.value, m.extra["cue"]) for m in found] == [
        ("start_date", "2023-03-18", "range"),
        ("end_date", "2023-03-20", "range"),
    ]


def test_persian_month_with_joined_mah_keeps_its_year_and_split_weekdays_are_not_saturday(tmp_path: Path) -> None:
    # 12 Khordad 1399 is 1 June 2020; "سه شنبه" (Tuesday, written with a space) before a
    # Thursday 4 June 2020 article is 2 June, not the Saturday its last word spells.
    found = _extract(
        tmp_path,
        "fa",
        "2020-06-04",
        "دسترسی به کوییل‌چت از ۱۲ خردادماه ۱۳۹۹ در استان موروان مسدود شد. کاربران روز سه شنبه گفتند "
        "که کوییل‌چت در دسترس نیست.",
    )
    by_value = {m.value: m for m in found}
    assert by_value["2020-06-01"].field == "start_date"
    assert "2020-06-02" in by_value and "2020-05-30" not in by_value


def test_reports_published_together_are_not_follow_ups_despite_an_older_episode(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        [
            (
                "en",
                "2024-04-10",
                "Quillchat was blocked across Veldoria on Tuesday, 9 April 2024, engineers in Marrowby "
                "said. Regulators had restricted the app once before, in May 2021.",
            ),
            ("en", "2024-04-12", "Quillchat was blocked on Tuesday, the regulator confirmed."),
            ("en", "2024-04-11", "In May 2021, regulators had already restricted Quillchat for several weeks."),
        ],
    )
    assert result.record["start_date"] == "2024-04-09"
    assert not any("follow-up" in p for p in result.problems)


@pytest.mark.parametrize(
    "body",
    [
        "Veldoria's information minister, Arlen Brisk, said on Tuesday that the government had not blocked Quillchat "
        "and that the outage was caused by a technical problem. Users have been unable to access Quillchat since Sunday.",
        "The Ministry of Communications said the disruption to Quillchat was due to maintenance work on an undersea "
        "cable. Quillchat has been inaccessible since Sunday.",
    ],
)
def test_an_authority_explaining_it_away_is_a_denial_not_a_confirmation(tmp_path: Path, body: str) -> None:
    # "The ministry said..." would confirm the restriction; what it said denies it.
    result = _build(tmp_path, [("en", "2024-03-05", body)])
    assert result.record["acknowledged"] is False


@pytest.mark.parametrize(
    "language, body",
    [
        (
            "fr",
            "Le ministre de la Communication a affirmé que le gouvernement n'avait pas bloqué Quillchat, "
            "inaccessible depuis dimanche.",
        ),
        (
            "es",
            "El ministro de Comunicaciones aseguró que el gobierno no había bloqueado Quillchat, inaccesible desde "
            "el domingo.",
        ),
        (
            "pt",
            "O ministro das Comunicações afirmou que o governo não bloqueou o Quillchat, inacessível desde domingo.",
        ),
    ],
)
def test_an_official_saying_it_did_not_block_is_a_denial(tmp_path: Path, language: str, body: str) -> None:
    assert _build(tmp_path, [(language, "2024-03-05", body)]).record["acknowledged"] is False


def test_a_return_in_some_districts_only_is_a_partial_restoration(tmp_path: Path) -> None:
    found = _extract(
        tmp_path,
        "en",
        "2021-12-10",
        "A resident of Marrowby told reporters on Friday that access to the internet has been restored "
        "only in two districts, while the city itself is still offline.",
    )
    ends = [m for m in found if m.field == "end_date"]
    assert ends and all(m.weight < 0.6 and m.extra["event"] == "partial_restoration" for m in ends)


def test_an_announced_restoration_dates_the_end(tmp_path: Path) -> None:
    found = _extract(
        tmp_path,
        "en",
        "2022-03-22",
        "The regional governor announced on Monday that mobile internet had been restored across Karvan province.",
    )
    assert [(m.field, m.value, m.extra["event"]) for m in found] == [("end_date", "2022-03-21", "restoration")]


def test_a_country_named_as_the_speaker_acknowledges(tmp_path: Path) -> None:
    # The state speaks as its country (a real name, so CLDR knows it; the service is invented).
    result = _build(
        tmp_path,
        [("en", "2023-06-05", "Ghana said Friday it was lifting the suspension of the Quillchat messaging service.")],
    )
    assert result.record["acknowledged"] is True


def test_restored_after_n_days_in_persian_with_a_weekday_restating_the_date(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        [
            (
                "fa",
                "2020-06-20",
                "دسترسی به کوییل‌چت از صبح روز دوشنبه ۱۲ خرداد ۱۳۹۹ در استان موروان مسدود شد. "
                "کوییل‌چت پس از ۱۰ روز رفع فیلتر شد.",
            )
        ],
    )
    assert (result.record["start_date"], result.record["end_date"]) == ("2020-06-01", "2020-06-11")


@pytest.mark.parametrize(
    "language, body",
    [
        ("en", "On 21 March, after three days of blackout, the authorities restored access in Karvan."),
        ("fr", "Le 21 mars, après trois jours de coupure, les autorités ont rétabli l'accès à Karvan."),
        ("es", "El 21 de marzo, tras tres días de bloqueo, las autoridades restablecieron el acceso en Karvan."),
    ],
)
def test_how_long_it_lasted_does_not_make_the_return_date_a_start(tmp_path: Path, language: str, body: str) -> None:
    found = _extract(tmp_path, language, "2023-03-22", body)
    assert [(m.field, m.value) for m in found if m.field in ("start_date", "end_date")] == [("end_date", "2023-03-21")]
