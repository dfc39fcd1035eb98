"""An authority that does not comment makes no statement about the restriction: its negation
denies the saying, not the block (issue 7). "Did not comment" stays the weak `no` cue of
`acknowledged` (silence is no acknowledgement); it is never an official denial, so it does not
outweigh an authority's confirmation. A real denial still reads as one. Invented articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from shutdown_records.extraction.extractors import fields
from shutdown_records.extraction.merge import Citer, merge_field
from shutdown_records.extraction.types import Doc, Mention


def _doc(text: str, language: str) -> Doc:
    return Doc(id="t1", path=Path("t1.txt"), text=text, sha256="0" * 64, language=language)


def _mentions(doc: Doc) -> list[Mention]:
    return [m for m in fields.extract(doc) if m.field == "acknowledged"]


NO_COMMENT = [
    ("ru", "В Велории отключили мобильный интернет. Власти Велории не прокомментировали отключение."),
    ("ru", "Мессенджер Чатли заблокирован в Велории. Министерство связи никак не комментирует блокировку."),
    ("en", "Mobile internet was cut in Veloria on Monday. The ministry did not comment on the shutdown."),
    ("fr", "L'internet mobile a été coupé en Velorie lundi. Le ministère n'a pas commenté la coupure."),
    ("es", "El internet móvil fue cortado en Veloria el lunes. El ministerio no comentó el corte."),
    ("pt", "A internet móvel foi cortada na Velória na segunda-feira. O ministério não comentou o bloqueio."),
    ("tr", "Veloria'da mobil internet pazartesi kesildi. Bakanlık kesinti hakkında yorum yapmadı."),
    ("ar", "قطعت السلطات الإنترنت في فيلوريا يوم الاثنين. ولم تعلق الحكومة على قطع الإنترنت."),
    ("id", "Pemerintah Veloria memutus internet pada Senin. Kementerian tidak mengomentari pemblokiran itu."),
]


@pytest.mark.parametrize(("lang", "text"), NO_COMMENT, ids=[f"{c[0]}{i}" for i, c in enumerate(NO_COMMENT)])
def test_no_comment_is_never_read_as_a_denial(lang, text):
    found = _mentions(_doc(text, lang))
    assert not any((m.note or "").startswith("denied") for m in found)
    assert all(m.weight <= 0.7 for m in found)


CONFIRMED_THEN_SILENT = [
    (
        "ru",
        "Министерство связи Велории объявило о блокировке мессенджера Чатли. Власти не прокомментировали отключение.",
    ),
    (
        "fr",
        "Le ministère de la Communication de Velorie a confirmé la coupure d'internet. Le gouvernement n'a pas commenté la coupure.",
    ),
    (
        "es",
        "El Ministerio de Comunicaciones de Veloria confirmó el bloqueo de Chatli. El gobierno no comentó el bloqueo.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), CONFIRMED_THEN_SILENT, ids=[c[0] for c in CONFIRMED_THEN_SILENT])
def test_silence_beside_a_confirmation_keeps_it_acknowledged(lang, text):
    doc = _doc(text, lang)
    assert merge_field("acknowledged", _mentions(doc), Citer([doc])).value is True


DENIALS = [
    ("ru", "В Велории пропал мобильный интернет. Министерство связи Велории опровергло блокировку."),
    ("ru", "В Велории пропал мобильный интернет. Министр Тавор Ренк заявил, что правительство не отключало интернет."),
    ("en", "Mobile internet went down in Veloria on Monday. The ministry denied ordering any shutdown."),
    ("fr", "L'internet mobile était inaccessible en Velorie lundi. Le ministère a démenti toute coupure."),
    ("es", "El internet móvil cayó en Veloria el lunes. El gobierno negó haber ordenado el bloqueo."),
    ("ar", "انقطع الإنترنت في فيلوريا يوم الاثنين. وقالت وزارة الاتصالات إنها لم تقطع الإنترنت."),
    ("id", "Internet di Veloria mati pada Senin. Kementerian Komunikasi membantah pemblokiran itu."),
]


@pytest.mark.parametrize(("lang", "text"), DENIALS, ids=[f"{c[0]}{i}" for i, c in enumerate(DENIALS)])
def test_a_denial_beside_the_rule_is_still_false(lang, text):
    assert {m.value for m in _mentions(_doc(text, lang))} == {False}
