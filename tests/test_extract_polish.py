"""Polish cues (data/lang/pl/cues.yaml) on invented articles: places, people and bodies are made up."""

from __future__ import annotations

from test_extract_cues import make_doc, run, support


def _values(mentions, field):  # type: ignore[no-untyped-def]
    return [m.value for m in mentions if m.field == field]


def test_polish_chain_of_orders_court_by_seat_and_numbered_law():
    doc = make_doc(
        "Rząd Kazachstanu nakazał regulatorowi telekomunikacyjnemu zablokowanie komunikatora Chirper w całym kraju. "
        "Blokada została wprowadzona na podstawie ustawy nr 5512 o łączności, powołując się na bezpieczeństwo narodowe. "
        "Prawnicy fundacji Wolna Sieć złożyli skargę do Sądu Rejonowego w Ordabasach.",
        "pl",
    )
    m = run(doc)
    assert "Government of Kazakhstan" in support(m, "ordered_by")
    assert {"instrument": "Law No. 5512"} in _values(m, "legal_basis")
    assert set(support(m, "court_challenges")) == {"Sąd Rejonowy w Ordabasach"}
    assert max(support(m, "kind"), key=support(m, "kind").get) == "service_block"
    assert support(m, "scope").get("national", 0) >= 1.0
    assert support(m, "justification").get("national_security", 0) >= 0.5


def test_polish_article_of_a_named_law_and_a_whole_network_cut():
    doc = make_doc(
        "Władze Tadżykistanu wyłączyły internet mobilny w regionie Ardan. "
        "Decyzję wydano na podstawie art. 12 ustawy o bezpieczeństwie publicznym. "
        "Według ministerstwa spraw wewnętrznych chodzi o ochronę porządku publicznego podczas protestów.",
        "pl",
    )
    m = run(doc)
    assert max(support(m, "kind"), key=support(m, "kind").get) == "full_network"
    laws = _values(m, "legal_basis")
    assert {"instrument": "Ustawa o bezpieczeństwie publicznym", "provision": "Art. 12"} in laws
    assert "mobile" in support(m, "networks")
    assert "public_order" in support(m, "justification")
    assert "protests" in support(m, "context")


def test_polish_state_of_emergency_not_declared_and_another_case_weigh_little():
    doc = make_doc(
        "Rząd Kazachstanu zablokował serwis Chirper. Stan wyjątkowy nie został ogłoszony. "
        "W innej sprawie Sąd Okręgowy w Ordabasach rozpatrywał skargę dotyczącą wyborów.",
        "pl",
    )
    m = run(doc)
    assert support(m, "legal_basis").get("State of emergency", 0) < 0.3
    assert support(m, "court_challenges").get("Sąd Okręgowy w Ordabasach", 0) < 0.5
