"""Place names in other languages and scripts (fixtures written for these tests)."""

from __future__ import annotations

import pytest

import claimwatch
from claimwatch.extract.arabic_script import clitic_forms, is_arabic
from claimwatch.extract.places import default_gazetteer, places_in


def test_arabic_clitics_are_taken_off_a_word() -> None:
    assert list(clitic_forms("وبالموصل")) == ["وبالموصل", "بالموصل", "الموصل"]
    assert "الموصل" in list(clitic_forms("للموصل"))
    assert list(clitic_forms("في")) == []  # too short to be a name
    assert is_arabic("بغداد") and not is_arabic("Baghdad")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "country", "name"),
    [
        ("انفجرت عبوة ناسفة في سوق شعبي ببغداد صباح اليوم", "IQ", "Baghdad"),
        ("وقع الهجوم قرب مدينة حلب شمال سوريا", "SY", "Aleppo"),
        ("قتل خمسة جنود في هجوم على نقطة تفتيش في محافظة إدلب", "SY", "Idlib"),
    ],
)
def test_arabic_script_place_names_are_found(sentence: str, country: str, name: str) -> None:
    places = [p for _, _, p in places_in(sentence, default_gazetteer())]
    assert any(p.name == name and p.country_code == country for p in places), places


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Une voiture piégée a explosé devant le marché.",
        "Der Anschlag ereignete sich am Abend. Dabei wurden drei Menschen verletzt.",
        "Este ataque fue el más grave del año.",
    ],
)
def test_function_words_of_other_languages_are_not_towns(sentence: str) -> None:
    assert places_in(sentence, default_gazetteer()) == []


@pytest.mark.slow
def test_an_arabic_report_gets_its_place_and_country() -> None:
    text = "قتل 7 أشخاص وأصيب 12 آخرون، الاثنين، بانفجار سيارة مفخخة في مدينة الموصل شمال العراق."
    result = claimwatch.extract(text, published="2024-03-05T09:00")
    assert result.document.language == "ar"
    incident = result.incidents[0]
    assert incident.place is not None and incident.place.country_code == "IQ"
    assert incident.place.name == "Mosul"
