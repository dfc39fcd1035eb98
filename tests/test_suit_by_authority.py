"""A case brought by the authority that wants the block is no challenge to it (issue 7):
"суд по иску министерства", "acting on a petition filed by the Communications Authority",
"a petición del Ministerio", "BTK'nın başvurusu üzerine". The court stays the orderer and
is not listed as hearing a challenge; a case brought by lawyers or the platform still is.
Invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction.extractors import authorities, legal
from shutdown_records.extraction.types import Doc


def _support(text: str, language: str) -> dict[tuple[str, str], float]:
    doc = Doc(id="t1", path=Path("t1.txt"), text=text, sha256="0" * 64, language=language)
    found: dict[tuple[str, str], float] = {}
    for mod in (authorities, legal):
        for m in mod.extract(doc):
            if m.field in ("ordered_by", "court_challenges"):
                key = (m.field, str(m.value.get("name") or m.value.get("court")))
                found[key] = found.get(key, 0.0) + m.weight
    return found


BROUGHT_BY_AUTHORITY = [
    (
        "ru",
        "Мессенджер Чатли заблокирован в Велории. Городской суд Велограда по иску Министерства связи постановил "
        "заблокировать Чатли.",
        "Городской суд Велограда",
    ),
    (
        "en",
        "Chatly was blocked in Veloria on Monday. The Velgrad High Court, acting on a petition filed by the "
        "Communications Authority, ordered the block of Chatly.",
        "Velgrad High Court",
    ),
    (
        "es",
        "Chatly fue bloqueado en Veloria el lunes. El Tribunal Supremo de Veloria, a petición del Ministerio del "
        "Interior, ordenó el bloqueo de Chatly.",
        "Supreme Court",
    ),
]


@pytest.mark.parametrize(("lang", "text", "court"), BROUGHT_BY_AUTHORITY, ids=[c[0] for c in BROUGHT_BY_AUTHORITY])
def test_a_suit_by_the_authority_leaves_the_court_as_orderer(lang, text, court):
    found = _support(text, lang)
    assert not any(f == "court_challenges" for f, _ in found)
    assert any(f == "ordered_by" and name.startswith(court) for f, name in found)


def test_turkish_request_of_the_regulator_is_no_challenge():
    found = _support(
        "Chatly Veloria'da pazartesi günü engellendi. Velgrad Sulh Ceza Hakimliği, BTK'nın başvurusu üzerine "
        "Chatly'ye erişim engeli getirdi.",
        "tr",
    )
    assert not any(f == "court_challenges" for f, _ in found)


CHALLENGED = [
    (
        "ru",
        "Мессенджер Чатли заблокирован в Велории. Городской суд Велограда по иску компании Чатли отменил блокировку.",
    ),
    (
        "en",
        "Chatly was blocked in Veloria on Monday. The Velgrad High Court heard a petition filed by lawyers challenging "
        "the block.",
    ),
    (
        "es",
        "Chatly fue bloqueado en Veloria el lunes. Abogados presentaron una demanda ante el Tribunal Supremo de Veloria "
        "contra el bloqueo.",
    ),
    (
        "tr",
        "Chatly Veloria'da pazartesi günü engellendi. Avukatlar erişim engeline karşı Anayasa Mahkemesi'ne başvurdu.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), CHALLENGED, ids=[c[0] for c in CHALLENGED])
def test_a_suit_by_anyone_else_is_still_a_challenge(lang, text):
    assert any(f == "court_challenges" and w >= 0.4 for (f, _), w in _support(text, lang).items())
