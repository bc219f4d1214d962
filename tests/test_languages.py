"""Reports in French, Spanish, German and Arabic (fixtures written for these tests): the same language-independent
record as an English report, evidence kept in the original words, and one incident across languages."""

from __future__ import annotations

import pytest

import claimwatch
from claimwatch import Store
from claimwatch.extract import casualties, dates
from claimwatch.ingest.records import from_record
from claimwatch.model import Document

FRENCH = (
    "Au moins 14 soldats ont été tués mardi dans une attaque contre une base militaire à Ménaka, dans le nord-est "
    "du Mali, a indiqué l'armée malienne.\n\n"
    "L'attaque a été revendiquée mercredi par l'État islamique au Grand Sahara dans un communiqué diffusé sur "
    "Telegram."
)
ENGLISH = (
    "At least 14 soldiers were killed on Tuesday in an attack on a military base in Menaka, in north-eastern Mali, "
    "the army said.\n\n"
    "Islamic State Sahel Province claimed responsibility for the attack on Wednesday in a statement on Telegram."
)
PUBLISHED = "2024-05-09T10:00"


def test_a_french_report_gives_the_record_an_english_one_gives() -> None:
    french = claimwatch.extract(FRENCH, published=PUBLISHED)
    english = claimwatch.extract(ENGLISH, published=PUBLISHED)
    assert french.document.language == "fr"
    assert english.document.language == "en"
    for result in (french, english):
        incident = result.incidents[0]
        assert incident.date == "2024-05-07"
        assert incident.place is not None and incident.place.country_code == "ML"
        assert incident.killed.min == 14
        claim = result.claims[0]
        assert claim.group is not None and claim.group.name == "Islamic State Sahel Province"
        assert claim.status == "claimed"
        assert claim.channel == "telegram"
    # the evidence stays in the words of the report
    assert "revendiquée" in french.claims[0].evidence[0].text


def test_a_french_and_an_english_report_of_one_attack_link_into_one_incident(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store(f"sqlite:///{tmp_path / 'multi.db'}")
    for text, outlet in ((FRENCH, "Journal du Sahel"), (ENGLISH, "Sahel Wire")):
        document = Document(text=text, published=claimwatch.pipeline.datetime.fromisoformat(PUBLISHED), outlet=outlet)
        store.add(document, claimwatch.extract_document(document))
    incidents = store.incidents(country="ML")
    assert len(incidents) == 1
    assert len(incidents[0].to_dict()["sources"]) == 2


@pytest.mark.parametrize(
    ("language", "text", "killed"),
    [
        ("fr", "Le bilan s'élève à 23 morts selon les autorités.", 23),
        ("fr", "L'explosion a fait au moins 9 morts et 30 blessés.", 9),
        ("es", "El ataque dejó al menos 12 muertos en la plaza.", 12),
        ("es", "Siete policías murieron en la emboscada.", 7),
        ("de", "Mindestens 27 Menschen wurden bei dem Anschlag getötet.", 27),
        ("ar", "أسفر الهجوم عن مقتل 12 شخصا", 12),
    ],
)
def test_tolls_in_each_language(language: str, text: str, killed: int) -> None:
    found = [c for _s, _e, kind, c in casualties.counts_in(text, language) if kind == "killed"]
    assert found, text
    assert killed in (found[0].value, found[0].min)


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("fr", "L'attaque a eu lieu le 3 mars 2024 près de la frontière.", "2024-03-03"),
        ("fr", "Des hommes armés ont attaqué le village hier soir.", "2024-05-08"),
        ("es", "El atentado ocurrió el 2 de mayo de 2024 en el centro.", "2024-05-02"),
        ("es", "Los hombres armados atacaron el martes el cuartel.", "2024-05-07"),
        ("de", "Der Anschlag ereignete sich am Dienstag in der Hauptstadt.", "2024-05-07"),
        ("ar", "وقع الهجوم يوم الثلاثاء في السوق", "2024-05-07"),
    ],
)
def test_dates_in_each_language(language: str, text: str, day: str) -> None:
    found = dates.dates_in(text, claimwatch.pipeline.datetime.fromisoformat(PUBLISHED), language)
    assert day in [m.date for m in found]


@pytest.mark.parametrize(
    ("text", "group", "status"),
    [
        ("Les shebab ont revendiqué l'attentat contre l'hôtel de Mogadiscio.", "al-Shabaab", "claimed"),
        ("El ELN se atribuyó el atentado contra el oleoducto.", "National Liberation Army (Colombia)", "claimed"),
        ("Die Taliban bekannten sich zu dem Angriff auf den Stützpunkt.", "Taliban", "claimed"),
        ("Les talibans ont démenti toute implication dans l'attentat.", "Taliban", "denied"),
        ("تبنى تنظيم الدولة الإسلامية مسؤولية الهجوم على نقطة التفتيش", "Islamic State", "claimed"),
    ],
)
def test_claims_in_each_language(text: str, group: str, status: str) -> None:
    result = claimwatch.extract(text, published=PUBLISHED)
    assert [(c.group.name if c.group else None, c.status) for c in result.claims][:1] == [(group, status)]


def test_the_source_and_the_caller_name_the_language() -> None:
    record = from_record({"text": "Quelques mots en français.", "lang": "fr"}, "x.jsonl:1")
    assert record.language == "fr"
    result = claimwatch.extract("Twelve people were killed.", language="en-GB")
    assert result.document.language == "en"
