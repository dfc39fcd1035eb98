"""Cue extractors on small articles written for these tests (not from the corpus)."""

from __future__ import annotations

from pathlib import Path

from shutdown_records.extraction.extractors import authorities, fields, legal, reasons, workarounds
from shutdown_records.extraction.types import Doc, Mention


def make_doc(text: str, language: str = "en", body_end: int | None = None) -> Doc:
    return Doc(id="t1", path=Path("t1.txt"), text=text, sha256="0" * 64, language=language, body_end=body_end)


def run(doc: Doc) -> list[Mention]:
    out: list[Mention] = []
    for mod in (fields, authorities, reasons, legal, workarounds):
        out.extend(mod.extract(doc))
    return out


def support(mentions: list[Mention], field: str) -> dict[str, float]:
    totals: dict[str, float] = {}
    for m in mentions:
        if m.field != field:
            continue
        v = m.value
        key = str(v.get("name") or v.get("instrument") or v.get("court")) if isinstance(v, dict) else str(v)
        totals[key] = totals.get(key, 0.0) + m.weight
    return totals


EN = (
    "Freedonia blocks Chirper nationwide ahead of vote\n"
    "The Freedonian government has blocked access to the social media platform Chirper across the country, "
    "the Ministry of Interior said on Tuesday, citing national security and the spread of fake news.\n"
    "In a letter, the ministry ordered all operators to block the platform under Section 12 of the "
    "Telecommunication Regulation Act.\n"
    "The block comes two days before the presidential election and after weeks of protests.\n"
    "Many users turned to virtual private networks (VPNs) to get around the block.\n"
    "A digital rights group filed a petition against the ban at the Freedonia High Court on Friday.\n"
    "The platform remains blocked.\n"
)


def test_every_quote_is_the_exact_sentence_text_at_its_offsets():
    doc = make_doc(EN)
    mentions = run(doc)
    assert mentions
    for m in mentions:
        quote = doc.text[m.start : m.end]
        assert quote.strip() == quote and quote, m
        assert m.source == "t1"
        assert 0 < m.weight <= 1.0


def test_english_platform_block_reads_kind_scope_status_and_workaround():
    mentions = run(make_doc(EN))
    kind = support(mentions, "kind")
    assert max(kind, key=kind.get) == "service_block"
    assert "national" in support(mentions, "scope")
    assert "ongoing" in support(mentions, "status")
    assert set(support(mentions, "workarounds")) == {"vpn"}


def test_official_reasons_and_surrounding_events_are_told_apart():
    mentions = run(make_doc(EN))
    just = support(mentions, "justification")
    assert just.get("national_security", 0) >= 1.0
    assert just.get("misinformation", 0) >= 1.0
    ctx = support(mentions, "context")
    assert {"elections", "protests"} <= set(ctx)
    assert "elections" not in just


def test_ministry_is_the_orderer_and_the_court_a_challenge():
    mentions = run(make_doc(EN))
    ordered = support(mentions, "ordered_by")
    assert max(ordered, key=ordered.get) == "Ministry of Interior"
    assert not any("Court" in name for name in ordered)
    assert set(support(mentions, "court_challenges")) == {"Freedonia High Court"}
    ministry = [m for m in mentions if m.field == "ordered_by" and m.value["name"] == "Ministry of Interior"]
    assert ministry[0].value["type"] == "executive"


def test_named_act_and_section_become_the_legal_basis():
    mentions = run(make_doc(EN))
    basis = [m.value for m in mentions if m.field == "legal_basis"]
    assert {"instrument": "Telecommunication Regulation Act", "provision": "Section 12"} in basis


def test_a_law_only_required_in_general_is_not_a_legal_basis():
    doc = make_doc("The regulator ordered the platform blocked because it had no local office, as required by law.")
    assert support(run(doc), "legal_basis") == {}


def test_authority_announcing_the_suspension_counts_as_acknowledged():
    mentions = run(make_doc(EN))
    ack = support(mentions, "acknowledged")
    assert ack.get("True", 0) > ack.get("False", 0)


def test_silence_of_the_authorities_is_not_acknowledged_and_gives_no_reason():
    doc = make_doc(
        "Access to Chirper and Vidly was restricted in Freedonia on Friday, monitors said.\n"
        "Government spokesperson Ann Lee did not immediately respond to requests for comment.\n"
    )
    mentions = run(doc)
    assert set(support(mentions, "acknowledged")) == {"False"}
    none = [m for m in mentions if m.field == "justification"]
    assert [m.value for m in none] == ["none_given"]
    assert none[0].weight < 0.5 and none[0].note


def test_internet_shutdown_in_the_lead_wins_kind_over_a_later_platform_block():
    doc = make_doc(
        "Authorities shut down the internet across Freedonia on election day.\n"
        "Mobile data and fixed-line connections were cut in the capital.\n"
        + "Observers counted ballots in many districts during the day. " * 12
        + "\nSeparately, the messaging app Chatly has been banned since March.\n"
    )
    mentions = run(doc)
    kind = support(mentions, "kind")
    assert max(kind, key=kind.get) == "full_network"
    assert {"mobile", "fixed"} <= set(support(mentions, "networks"))


def test_slowing_a_platform_down_is_throttling():
    doc = make_doc("The telecom watchdog said it was slowing down Chirper on all mobile devices in the country.")
    kind = support(run(doc), "kind")
    assert max(kind, key=kind.get) == "throttling"


def test_cues_after_the_body_end_are_ignored():
    text = "Chirper was blocked nationwide on Monday.\nRelated news\nUsers relied on Starlink satellite internet."
    doc = make_doc(text, body_end=text.index("Related"))
    mentions = run(doc)
    assert support(mentions, "workarounds") == {}
    assert all(m.end <= doc.body[1] for m in mentions)


def test_curly_quotes_and_no_break_spaces_do_not_hide_cues():
    doc = make_doc(
        "Freedonia\u2019s government blocked Chirper \u201cuntil further\u00a0notice\u201d, citing national\u00a0security."
    )
    mentions = run(doc)
    assert "national_security" in support(mentions, "justification")
    assert "Government of Freedonia" not in support(mentions, "ordered_by")  # not a real country


def test_country_government_is_named_in_english():
    doc = make_doc("Nigeria's government has suspended Chirper indefinitely, citing threats to national security.")
    assert "Government of Nigeria" in support(run(doc), "ordered_by")


FR = (
    "Le gouvernement sénégalais a suspendu l'accès à l'application Vidly sur l'ensemble du territoire, "
    "a annoncé mercredi le ministre de la Communication, pour des raisons de sécurité nationale.\n"
    "Selon le ministère, l'application servait à diffuser des messages haineux pendant les manifestations.\n"
    "Les internautes utilisent un réseau privé virtuel pour contourner le blocage.\n"
)


def test_french_article_is_read_with_french_cues():
    mentions = run(make_doc(FR, "fr"))
    assert max(support(mentions, "kind"), key=support(mentions, "kind").get) == "service_block"
    assert "national" in support(mentions, "scope")
    assert {"national_security", "hate_speech"} <= set(support(mentions, "justification"))
    assert "protests" in support(mentions, "context")
    assert "vpn" in support(mentions, "workarounds")
    ordered = support(mentions, "ordered_by")
    assert "Government of Senegal" in ordered or "Ministry of Communication" in ordered


def test_spanish_and_portuguese_articles_are_read():
    es = make_doc(
        "El gobierno bloqueó el acceso a la red social Chirper en todo el país por motivos de seguridad nacional. "
        "Los usuarios recurren a redes privadas virtuales.",
        "es",
    )
    m = run(es)
    assert "service_block" in support(m, "kind") and "national" in support(m, "scope")
    assert "national_security" in support(m, "justification") and "vpn" in support(m, "workarounds")
    pt = make_doc(
        "O Supremo Tribunal Federal determinou a suspensão da rede social Chirper em todo o território nacional "
        "por descumprir ordens judiciais. Usuários recorreram a VPN para contornar o bloqueio.",
        "pt",
    )
    m = run(pt)
    assert "Supreme Federal Court" in support(m, "ordered_by")
    assert "non_compliance" in support(m, "justification") and "national" in support(m, "scope")


def test_language_without_cue_file_only_gets_language_neutral_workarounds():
    doc = make_doc("Chirper bloklandı. Kullanıcılar VPN ile erişiyor.", "xx")
    mentions = run(doc)
    assert {m.field for m in mentions} == {"workarounds"}


def test_every_cue_file_loads_and_every_pattern_compiles():
    """A typo in one cue file must fail here, not silently empty a field in a build."""
    from importlib import resources

    import yaml

    from shutdown_records.extraction import cues as C
    from shutdown_records.extraction.extractors import authorities as A
    from shutdown_records.extraction.extractors import legal as L

    root = resources.files("shutdown_records").joinpath("data", "lang")
    languages = sorted(p.name for p in root.iterdir() if p.is_dir())
    assert {"en", "fr", "es", "pt", "_common"} <= set(languages)
    sections = [
        ("kind",),
        ("scope",),
        ("scope_country",),
        ("networks",),
        ("status",),
        ("acknowledged",),
        ("justification",),
        ("justification_none",),
        ("context",),
        ("workarounds",),
        ("court_outcome",),
        ("court_status",),
    ]
    for lang in languages:
        data = yaml.safe_load(root.joinpath(lang, "cues.yaml").read_text(encoding="utf-8"))
        assert isinstance(data, dict), lang
        for gate in data.get("gates") or {}:
            C.cue_set(lang, "gates", gate)
        for path in sections:
            C.cue_set(lang, *path)
        A._generic_set(lang)
        L._legal_cues(lang)
        C.countries(lang)
    A._named_set()


def test_authority_told_to_carry_out_the_order_is_not_the_orderer():
    doc = make_doc(
        "The Supreme Court of Brazil ordered the suspension of Chirper on Friday. "
        "The telecom regulator Anatel is to implement the suspension within 24 hours.",
    )
    ordered = support(run(doc), "ordered_by")
    assert ordered["Supreme Federal Court"] >= 1.0
    assert ordered.get("National Telecommunications Agency (Anatel)", 0) < 0.5


def test_announcement_that_there_will_be_no_cut_is_neither_order_nor_acknowledgement():
    doc = make_doc(
        "Le ministre Tavo Renk a promis aux candidats de Veloria qu'il n'y aura pas de coupure du réseau cette année.",
        "fr",
    )
    mentions = run(doc)
    assert all(m.weight < 0.5 for m in mentions if m.field == "ordered_by")
    assert "True" not in support(mentions, "acknowledged")


def test_judge_named_with_the_court_yields_the_court_and_no_weekday_in_names():
    doc = make_doc("Brazilian Supreme Federal Court (STF) Justice Ana Lima Tuesday ordered Chirper blocked.")
    ordered = support(run(doc), "ordered_by")
    assert "Supreme Federal Court" in ordered
    assert not any("Tuesday" in name or name.startswith("Justice") for name in ordered)
    alone = support(
        run(make_doc("On Friday, Justice Ana Lima Tuesday ordered Chirper blocked nationwide.")), "ordered_by"
    )
    assert "Justice Ana Lima" in alone
    same_source = make_doc(
        "The Supreme Court of Brazil banned Chirper on Friday. In her order, Justice Ana Lima ordered operators to block it."
    )
    assert set(support(run(same_source), "ordered_by")) == {"Supreme Federal Court"}


def test_turkish_notice_and_law_number_are_read():
    doc = make_doc(
        "Bu internet sitesi hakkında 5651 sayılı Kanun uyarınca Bilgi Teknolojileri ve İletişim Kurumu "
        "tarafından idari tedbir uygulanmaktadır.",
        "tr",
    )
    mentions = run(doc)
    assert {"instrument": "Law No. 5651"} in [m.value for m in mentions if m.field == "legal_basis"]
    assert "True" in support(mentions, "acknowledged")


def test_a_named_region_makes_scope_regional_even_with_the_country_named():
    doc = make_doc(
        "Internet remains cut in Ethiopia's Tigray region\n"
        "Mobile internet and fixed-line services have been shut down in the northern Tigray region since November."
    )
    mentions = run(doc)
    assert set(support(mentions, "scope")) == {"regional"}
    assert max(support(mentions, "kind"), key=support(mentions, "kind").get) == "full_network"
    assert {"mobile", "fixed"} <= {k for k, v in support(mentions, "networks").items() if v >= 1.0}


def test_spanish_court_challenge_and_french_numbered_law():
    es = make_doc(
        "La Corte Suprema de Venezuela ordenó bloquear la red social Chirper. Un grupo de abogados presentó "
        "un recurso ante el Tribunal Constitucional, que falló que el bloqueo era inconstitucional.",
        "es",
    )
    m = run(es)
    assert "Supreme Court of Venezuela" in support(m, "ordered_by")
    assert set(support(m, "court_challenges")) == {"Constitutional Court of Venezuela"}
    fr = make_doc("Le gouvernement a suspendu Chirper en vertu de la loi n° 2023-12 relative à la cybersécurité.", "fr")
    m = run(fr)
    assert {"instrument": "Law No. 2023-12"} in [x.value for x in m if x.field == "legal_basis"]
    assert support(m, "kind").get("service_block", 0) >= 0.7


def test_portuguese_slowdown_is_throttling_with_official_reason():
    pt = make_doc(
        "O governo determinou a redução da velocidade do Chirper em todo o país, alegando segurança nacional.", "pt"
    )
    m = run(pt)
    assert set(support(m, "kind")) == {"throttling"}
    assert "national" in support(m, "scope") and "national_security" in support(m, "justification")


def test_mobile_cut_mentioned_in_a_platform_block_story_does_not_make_networks():
    doc = make_doc(
        "Freedonia blocks Chirper\nThe government has blocked access to the social media platform Chirper "
        "nationwide. Chirper was banned after the vote.\n"
        "On election day, the authorities had also shut down mobile internet for several hours.\n"
    )
    assert all(v < 0.5 for v in support(run(doc), "networks").values())


def test_state_level_order_under_named_rules_is_regional_with_state_authority():
    doc = make_doc(
        "Mobile internet suspended in Karvana for five more days\n"
        "The Karvana government on Saturday extended the suspension of mobile internet services across the state, "
        "citing fears that rumours could incite violence. The order, issued by the state's Home Department under "
        "the Temporary Suspension of Telecom Services Rules, 2017, said broadband would remain unaffected."
    )
    mentions = run(doc)
    ordered = [m.value for m in mentions if m.field == "ordered_by"]
    assert {"name": "Government of Karvana", "type": "state"} in ordered
    assert "regional" in support(mentions, "scope") and "national" not in support(mentions, "scope")
    basis = [m.value["instrument"] for m in mentions if m.field == "legal_basis"]
    assert basis == ["Temporary Suspension of Telecom Services Rules, 2017"]
    assert {"misinformation", "public_order"} <= set(support(mentions, "justification"))


def test_court_challenge_carries_what_the_court_did_when_stated():
    mentions = run(
        make_doc(
            "Kenya's Constitutional Court ruled that the ban on Chirper violated freedom of expression. "
            "A second petition is pending before the Freedonia High Court."
        )
    )
    values = [m.value for m in mentions if m.field == "court_challenges"]
    assert {"court": "Freedonia High Court", "status": "pending"} in values
    assert {
        "court": "Constitutional Court of Kenya",
        "outcome": "ruled the restriction unlawful",
        "status": "decided",
    } in values


def test_acronyms_match_in_capitals_only():
    doc = make_doc("The NCC ordered operators to block Chirper nationwide. Users used Tor to get around the block.")
    mentions = run(doc)
    assert "Nigerian Communications Commission" in support(mentions, "ordered_by")
    assert "tor" in support(mentions, "workarounds")
    lower = make_doc("The ncc ordered operators to block Chirper. A tor of hills stood nearby.")
    assert "Nigerian Communications Commission" not in support(run(lower), "ordered_by")
    assert "tor" not in support(run(lower), "workarounds")
