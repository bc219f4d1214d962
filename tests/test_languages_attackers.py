"""Attackers counted among the dead, and periods that are not attack dates, in each language."""

from __future__ import annotations

from datetime import datetime

import pytest

import claimwatch

CASES = [
    ("en", "Gunmen stormed a hotel in the town of Kismayo on Monday, killing at least 20 people. "
           "Among the dead were three of the attackers.", (None, 17)),
    ("de", "Bei einem Anschlag auf eine Kaserne in der Stadt Gao sind 40 Menschen getötet worden. "
           "Unter den Toten seien auch vier Angreifer.", (36, None)),
    ("fr", "Un attentat contre un camp militaire dans la ville de Gao a fait au moins 30 morts. "
           "Parmi les morts figurent deux kamikazes.", (None, 28)),
    ("es", "Un atentado contra una comisaría en la ciudad de Tumaco dejó 12 muertos. "
           "Entre los muertos hay dos atacantes.", (10, None)),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_attackers_among_the_dead_are_taken_out_of_the_toll(
    language: str, text: str, expected: tuple[int | None, int | None]
) -> None:
    incident = claimwatch.extract(text, language=language, published="2021-03-02").incidents[0]
    value, low = expected
    assert (incident.killed.value, incident.killed.min) == (value, low)
    assert incident.killed.includes_perpetrators is not True


def test_a_sentence_that_counts_no_attackers_changes_nothing() -> None:
    text = ("Bei einem Anschlag auf eine Kaserne in der Stadt Gao sind 40 Menschen getötet worden. "
            "Unter den Toten seien viele Soldaten.")
    incident = claimwatch.extract(text, language="de", published="2021-03-02").incidents[0]
    assert incident.killed.value == 40


def test_as_many_attackers_as_dead_is_not_read() -> None:
    text = ("A blast hit a checkpoint in the town of Baidoa on Monday, killing two people. "
            "Among the dead were two suicide bombers.")
    incident = claimwatch.extract(text, published="2021-03-02").incidents[0]
    assert incident.killed.value == 2


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Seit Januar wurden in der Provinz mehrere Hundert Zivilisten getötet."),
        ("fr", "Depuis janvier, plusieurs centaines de civils ont été tués dans la province."),
        ("es", "Desde enero han muerto cientos de civiles en la provincia."),
        ("en", "Several hundred civilians have been killed in the province since 2014."),
    ],
)
def test_the_start_of_a_period_is_not_an_attack_date(language: str, text: str) -> None:
    from claimwatch.anchors import not_attack_dates
    from claimwatch.extract.dates import dates_in

    found = dates_in(text, datetime(2017, 6, 15), language)
    assert found
    assert not_attack_dates(text, found, language) == {found[0].start}


def test_since_a_clause_keeps_the_date_of_the_act_it_names() -> None:
    from claimwatch.anchors import not_attack_dates
    from claimwatch.extract.dates import dates_in

    text = "C'est la première attaque à Sousse depuis qu'un groupe a revendiqué l'attentat du musée en mars 2015."
    found = dates_in(text, datetime(2017, 6, 15), "fr")
    assert [m.date for m in found] == ["2015-03"]
    assert not_attack_dates(text, found, "fr") == set()
