"""Tolls, datelines and claims as French, Spanish and German reports write them (fixtures written for these
tests, in each language's usual phrasing)."""

from __future__ import annotations

import pytest

from claimwatch.anchors import DATELINE as _DATELINE
from claimwatch.extract import casualties
from claimwatch.extract.numbers import parse_amount


@pytest.mark.parametrize(
    ("language", "text", "value"),
    [
        ("fr", "une vingtaine de", 20),
        ("fr", "une trentaine d'", 30),
        ("es", "una veintena de", 20),
        ("es", "un centenar de", 100),
    ],
)
def test_round_figures_read_as_that_figure(language: str, text: str, value: int) -> None:
    amount = parse_amount(text, language)
    assert amount is not None and amount.value == value


@pytest.mark.parametrize(
    ("language", "text", "killed"),
    [
        ("fr", "L'embuscade a fait une quarantaine de morts selon un élu local.", 40),
        ("fr", "Une dizaine de villageois ont été tués dans la nuit.", 10),
        ("es", "La explosión dejó una veintena de muertos en el mercado.", 20),
        ("de", "Dabei töteten sie mindestens neun Soldaten.", 9),
        ("de", "Acht Menschen wurden nach Angaben der Polizei getötet.", 8),
        ("de", "Bei dem Überfall kamen zwölf Dorfbewohner ums Leben.", 12),
    ],
)
def test_tolls_as_each_language_writes_them(language: str, text: str, killed: int) -> None:
    found = [c for _s, _e, kind, c in casualties.counts_in(text, language) if kind == "killed"]
    assert found, text
    assert killed in (found[0].value, found[0].min)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("BOGOTÁ (EFE) - Un coche bomba estalló", "BOGOTÁ (EFE) - "),
        ("Lima, 3 mar (EFE) Dos soldados murieron", "Lima, 3 mar (EFE) "),
        ("Kundus (dpa) Bei einem Anschlag", "Kundus (dpa) "),
        ("NIAMEY, 4 juin (Reuters) - Une attaque", "NIAMEY, 4 juin (Reuters) - "),
    ],
)
def test_datelines_in_other_languages_are_not_the_attack_place(text: str, dateline: str) -> None:
    match = _DATELINE.search(text)
    assert match is not None and match.group() == dateline


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "group", "status"),
    [
        ("La emboscada contra la patrulla fue perpetrada por el ELN, según el ejército.",
         "National Liberation Army (Colombia)", "suspected"),
        ("El gobernador vinculó el atentado con el Clan del Golfo.", "Gulf Clan", "suspected"),
        ("La fiscalía responsabilizó de la masacre al Cártel de Sinaloa.", "Sinaloa Cartel", "suspected"),
        ("L'embuscade a été perpétrée par les shebab, selon la police somalienne.", "al-Shabaab", "suspected"),
        ("Zu dem Überfall auf die Kaserne hatte sich die Miliz al-Shabaab bekannt.", "al-Shabaab", "claimed"),
        ("Die Taliban beanspruchten den Angriff auf den Konvoi für sich.", "Taliban", "claimed"),
    ],
)
def test_claims_and_suspicions_as_each_language_writes_them(text: str, group: str, status: str) -> None:
    import claimwatch

    result = claimwatch.extract(text, published="2024-05-09T10:00")
    assert [(c.group.name if c.group else None, c.status) for c in result.claims] == [(group, status)]


@pytest.mark.parametrize(
    ("language", "text", "day"),
    [
        ("de", "Vor zehn Tagen war ein Konvoi angegriffen worden.", "2024-04-29"),
        ("fr", "Il y a onze jours, un camp militaire a été attaqué.", "2024-04-28"),
        ("es", "Hace doce días, un cuartel fue atacado.", "2024-04-27"),
    ],
)
def test_days_ago_counted_in_words(language: str, text: str, day: str) -> None:
    from datetime import datetime

    from claimwatch.extract import dates

    found = dates.dates_in(text, datetime.fromisoformat("2024-05-09T10:00"), language)
    assert day in [m.date for m in found]


@pytest.mark.slow
def test_another_attack_in_german_is_another_incident() -> None:
    import claimwatch

    text = ("Am Dienstag wurden bei einem Anschlag in Kundus mindestens zwölf Menschen getötet. "
            "Bei einem weiteren Anschlag starben fünf Menschen.")
    result = claimwatch.extract(text, published="2024-05-09T10:00", language="de")
    assert len(result.incidents) == 2
    assert result.incidents[0].killed.min == 12
