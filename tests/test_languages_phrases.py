"""How French, Spanish and German name places and months (fixtures written for these tests, in our own words):
the place phrases of `lang/<code>/places.toml [phrases]` read by `extract/place_phrases.py`, the reference
points of `reference_before`, and the months named alone of `lang/<code>/dates.toml`."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest

from claimwatch import lang
from claimwatch.extract.dates import dates_in
from claimwatch.extract.places import default_gazetteer, places_in

PUBLISHED = datetime(2021, 6, 30)


def _names(sentence: str, language: str, context: Counter[str] | None = None) -> dict[str, str | None]:
    return {p.name: p.country_code for _, _, p in places_in(sentence, default_gazetteer(), context,
                                                            language=language)}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "language", "name", "country"),
    [
        # a sentence-initial article does not glue the country to a longer name
        ("Le Niger a connu une nouvelle attaque dans la nuit.", "fr", "Niger", "NE"),
        ("La Colombie a dénoncé l'attentat.", "fr", "Colombia", "CO"),
        # German nouns of places are capitalised, and do not make the name after them part of a longer name
        ("Der Sprengsatz explodierte in der Hauptstadt Bamako.", "de", "Bamako", "ML"),
        ("Angreifer überfielen einen Posten in der Provinz Helmand.", "de", "Helmand", "AF"),
        # a German genitive names the country
        ("Die Armee meldete Kämpfe im Osten Nigers.", "de", "Niger", "NE"),
    ],
)
def test_language_phrases_keep_a_place_a_place(sentence: str, language: str, name: str, country: str) -> None:
    assert _names(sentence, language).get(name) == country


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "language", "name"),
    [
        ("Des hommes armés ont attaqué la petite localité de Tessagou, au Mali.", "fr", "Tessagou"),
        ("La explosión ocurrió en el municipio de Villaclara, en Colombia.", "es", "Villaclara"),
        ("Die Miliz griff das Dorf Kalbarra in Mali an.", "de", "Kalbarra"),
    ],
)
def test_a_place_called_so_is_read_when_no_table_lists_it(sentence: str, language: str, name: str) -> None:
    # invented village names: only the words before them say they are places; the country is the document's
    country = "CO" if language == "es" else "ML"
    found = _names(sentence, language, Counter({country: 1}))
    assert found.get(name) == country, found


@pytest.mark.slow
def test_english_reads_no_other_language_phrases() -> None:
    found = _names("Gunmen attacked la localité de Tessagou, Mali.", "en", Counter({"ML": 1}))
    assert "Tessagou" not in found


@pytest.mark.parametrize(
    ("before", "language"),
    [
        ("Le bus a sauté sur une mine au nord de ", "fr"),
        ("L'attaque a eu lieu à 40 km de ", "fr"),
        ("La emboscada ocurrió cerca de la frontera con ", "es"),
        ("Die Bombe explodierte 30 Kilometer von ", "de"),
        ("Der Anschlag geschah südwestlich von ", "de"),
    ],
)
def test_reference_points_in_each_language(before: str, language: str) -> None:
    assert lang.resources(language).pattern("places", "reference_before").search(before)


@pytest.mark.parametrize(
    ("before", "language"),
    [("L'attaque a eu lieu dans le nord du ", "fr"), ("Der Anschlag geschah im Norden von ", "de")],
)
def test_inside_a_country_is_no_reference_point(before: str, language: str) -> None:
    assert not lang.resources(language).pattern("places", "reference_before").search(before)


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("En mars dernier, des hommes armés avaient tué neuf villageois.", "fr", "2021-03"),
        ("Au mois de septembre, un convoi avait été visé.", "fr", "2020-09"),
        ("En noviembre del año pasado, el grupo atacó una patrulla.", "es", "2020-11"),
        ("A finales de febrero murieron cinco soldados.", "es", "2021-02"),
        ("Im Mai hatte sich die Miliz zu einem Angriff bekannt.", "de", "2021-05"),
        ("Im Juli des vergangenen Jahres starben dort elf Menschen.", "de", "2020-07"),
    ],
)
def test_a_month_named_alone_is_the_latest_such_month(sentence: str, language: str, expected: str) -> None:
    found = [(d.date, d.precision) for d in dates_in(sentence, PUBLISHED, language)]
    assert (expected, "month") in found, found


def test_a_month_with_its_year_or_day_is_read_as_written() -> None:
    found = [d.date for d in dates_in("Le 12 mars, puis en mars 2019.", PUBLISHED, "fr")]
    assert found == ["2021-03-12", "2019-03"]


@pytest.mark.parametrize(
    ("sentence", "language", "killed"),
    [
        ("Cuatro integrantes de la Policía Nacional de Ecuador murieron en el ataque.", "es", 4),
        ("Cinq membres des forces de défense ont été tués dans l'embuscade.", "fr", 5),
    ],
)
def test_a_toll_whose_noun_phrase_has_de_complements(sentence: str, language: str, killed: int) -> None:
    from claimwatch.extract import casualties

    found = [c.value for _s, _e, kind, c in casualties.counts_in(sentence, language) if kind == "killed"]
    assert found == [killed]


@pytest.mark.slow
def test_german_nouns_are_not_other_spellings_of_small_towns() -> None:
    # a capitalised German noun that is only an alternate name of a town elsewhere is no place
    found = _names("Die Angreifer flohen in die Küche und dann in die Hauptstadt Kabul.", "de")
    assert list(found.values()) == ["AF"], found


@pytest.mark.slow
def test_the_andes_are_mountains_in_spanish() -> None:
    found = _names("La patrulla cayó en una emboscada en los Andes de Perú.", "es")
    assert "CL" not in found.values(), found


@pytest.mark.parametrize(
    ("sentence", "language", "attack_types"),
    [
        ("Bei einer Rebellen-Attacke auf einen Konvoi starben neun Soldaten.", "de", []),
        ("Un drone armé a frappé le camp ; une frappe de drone a suivi.", "fr", ["Bombing/Explosion"]),
        ("El puesto fue atacado con drones cargados de explosivos.", "es", ["Bombing/Explosion"]),
    ],
)
def test_attack_words_per_language(sentence: str, language: str, attack_types: list[str]) -> None:
    from claimwatch.extract.events import events_in

    cues = events_in(sentence, language)
    assert cues, sentence
    assert {t for _s, _e, cue in cues for t in cue.attack_types} >= set(attack_types)


def test_the_french_press_spelling_of_aqim() -> None:
    from claimwatch.extract.groups import lookup_group

    group = lookup_group("Aqmi")
    assert group is not None and group.name == "al-Qaeda in the Islamic Maghreb"


def test_no_english_model_reads_other_languages() -> None:
    from claimwatch import nlp

    assert nlp.for_language("de") is None
    assert nlp.for_language("xx") is None


def test_a_full_stop_glued_to_the_next_sentence_ends_it() -> None:
    from claimwatch.sentences import split_sentences

    text = "Dabei wurden neun Menschen verletzt.Im Mai gab es einen weiteren Anschlag. Die U.S.Army schwieg."
    assert [s.text for s in split_sentences(text)] == [
        "Dabei wurden neun Menschen verletzt.", "Im Mai gab es einen weiteren Anschlag.", "Die U.S.Army schwieg.",
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "language", "absent", "present"),
    [
        ("La bombe a explosé sur l'avenue Bourguiba, au centre de Tunis.", "fr", "TN.18", "Tunis"),
        ("Des tirs ont visé l'ambassade de France à Bamako.", "fr", "France", "Bamako"),
        ("Los disparos alcanzaron la embajada de Francia en Caracas.", "es", "France", "Caracas"),
    ],
)
def test_a_street_or_an_embassy_is_not_the_place_it_names(sentence: str, language: str, absent: str,
                                                          present: str) -> None:
    places = [p for _, _, p in places_in(sentence, default_gazetteer(), language=language)]
    assert any(p.name == present for p in places), places
    assert not any(absent in (p.name, p.admin1) for p in places), places


@pytest.mark.slow
def test_the_streets_of_a_city_are_in_the_city() -> None:
    assert _names("Une bombe a explosé dans les rues de Tunis.", "fr").get("Tunis") == "TN"


@pytest.mark.parametrize(
    ("sentence", "language", "kept"),
    [
        ("El ataque ocurrió el sábado; el ministro dijo el lunes que hubo nueve muertos.", "es", ["sábado"]),
        ("Der Anschlag geschah am Samstag, sagte ein Sprecher am Montag.", "de", ["Samstag"]),
    ],
)
def test_a_date_of_saying_is_not_the_date_of_the_attack(sentence: str, language: str, kept: list[str]) -> None:
    from claimwatch.anchors import not_attack_dates

    dates = dates_in(sentence, PUBLISHED, language)
    dropped = not_attack_dates(sentence, dates, language)
    assert [d.text for d in dates if d.start not in dropped] == kept


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "language", "across"),
    [
        ("La patrulla cayó en una emboscada cerca de la frontera con Venezuela.", "es", "VE"),
        ("L'attaque a visé un poste près de la frontière avec le Niger.", "fr", "NE"),
        ("Der Konvoi wurde nahe der Grenze zu Pakistan angegriffen.", "de", "PK"),
    ],
)
def test_a_name_across_the_border_is_not_the_place(sentence: str, language: str, across: str) -> None:
    assert across not in _names(sentence, language).values()


def test_el_suceso_is_the_incident() -> None:
    from claimwatch.extract.events import events_in

    assert events_in("El suceso ocurrió en la madrugada.", "es")


def test_recent_years_make_a_tally_only_with_a_figure() -> None:
    from claimwatch.extract.events import events_in

    told = "El atentado ocurrió en el valle, la zona donde más combates hubo en los últimos años."
    tally = "Más de 300 personas murieron en atentados en los últimos años."
    assert events_in(told, "es")
    assert not events_in(tally, "es")


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        ("Ocurrió apenas tres días después de que otro atentado matara a cinco agentes.", "es", "2021-06-27"),
        ("C'était deux jours après qu'une autre embuscade eut tué six soldats.", "fr", "2021-06-28"),
    ],
)
def test_so_many_days_after_another_act(sentence: str, language: str, expected: str) -> None:
    assert [d.date for d in dates_in(sentence, PUBLISHED, language)] == [expected]


def test_days_before_another_act_are_no_date() -> None:
    assert dates_in("Ocurrió tres días antes de que llegara el ejército.", PUBLISHED, "es") == []


@pytest.mark.slow
def test_where_people_came_from_is_not_a_place_in_german() -> None:
    found = _names("Zwei Busse aus der Provinz Helmand wurden in Kandahar angegriffen.", "de")
    assert "Helmand" not in found and "AF" in found.values(), found


def test_a_group_named_in_a_german_compound_is_suspected() -> None:
    import claimwatch

    text = ("Bei einer Taliban-Attacke auf einen Kontrollposten in der Provinz Helmand wurden am Montag "
            "sieben Polizisten getötet.")
    result = claimwatch.extract(text, published="2021-06-30T10:00:00", language="de")
    assert [(c.group.name if c.group else None, c.status) for c in result.claims] == [("Taliban", "suspected")]


def test_english_reads_no_compound_groups() -> None:
    import claimwatch

    result = claimwatch.extract("A Taliban-Linked cell was arrested in Kabul on Monday.",
                                published="2021-06-30T10:00:00", language="en")
    assert not result.claims


def test_the_modus_operandi_of_a_group_is_a_suspicion_in_french() -> None:
    import claimwatch

    text = ("Une explosion a tué six personnes lundi soir dans un marché de Maroua. L'attaque n'a pas été "
            "revendiquée, mais elle porte la signature de Boko Haram, selon une source sécuritaire.")
    result = claimwatch.extract(text, published="2021-06-29T10:00:00", language="fr")
    assert [(c.group.name if c.group else None, c.status) for c in result.claims] == [("Boko Haram", "suspected")]


def test_a_attack_that_targeted_in_french() -> None:
    from claimwatch.extract.events import events_in

    assert events_in("La plus récente a visé mardi le village de Tessagou.", "fr")
    assert not events_in("Le projet vise à former des enseignants.", "fr")
    assert not events_in("La réforme a visé à simplifier les règles.", "fr")


@pytest.mark.parametrize(
    ("sentence", "language", "killed"),
    [
        ("Neuf personnes – cinq soldats et quatre civils – ont été tuées lors de l'embuscade.", "fr", [9]),
        ("Seis personas — cuatro policías y dos civiles — murieron en el ataque.", "es", [6]),
    ],
)
def test_an_aside_between_dashes_inside_a_toll(sentence: str, language: str, killed: list[int]) -> None:
    from claimwatch.extract import casualties

    assert [c.value for _s, _e, kind, c in casualties.counts_in(sentence, language) if kind == "killed"] == killed


@pytest.mark.slow
def test_a_region_called_so_in_french() -> None:
    found = _names("Huit soldats ont été tués dans la région du Haut-Plateau, au Burkina Faso.", "fr",
                   Counter({"BF": 1}))
    assert found.get("Haut-Plateau") == "BF", found


def test_a_similar_attack_in_the_same_city_is_another_incident() -> None:
    import claimwatch

    text = ("Bei einem Anschlag auf einen Markt in Kabul sind am Montag mindestens fünf Menschen getötet worden. "
            "Zu einem ähnlichen Anschlag auf einen Markt in Kabul hatte sich die Terrormiliz IS bekannt.")
    result = claimwatch.extract(text, published="2021-06-30T10:00:00", language="de")
    assert len(result.incidents) == 2
    assert all(i.place is not None and i.place.name == "Kabul" for i in result.incidents)
