"""Figures told of several acts together, of another act than the incident's, and which act of a sentence a figure
goes to (counts.aggregate, counts.other-act; resolve.3.figure-at, resolve.3.figure-of-list). Fixtures written for
these tests."""

from __future__ import annotations

import pytest

from claimwatch.counts import incident_toll
from claimwatch.extract.casualties import counts_in, find_counts
from claimwatch.model import Count, Document
from claimwatch.pipeline import extract
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def _work(text: str) -> Work:
    work = Work(document=Document(text=text, language="en"))
    work.sentences = split_sentences(text)
    return work


@pytest.mark.parametrize(
    "sentence",
    [
        "Across the valley, nine villagers died in various attacks over the harvest.",
        "Separate attacks on two mines killed five guards.",
        "Over the past few weeks, raids by the group have left 16 people dead in the district.",
        "Multiple bombings in the port town on Sunday killed 30 people.",
    ],
)
def test_a_toll_of_several_acts_gives_way_to_the_acts_own(sentence: str) -> None:
    text = f"Two farmers were shot dead in a village near the river on Sunday. {sentence}"
    mentions = find_counts(_work(text))
    assert [m.aggregate for m in mentions][-1] and not mentions[0].aggregate
    assert incident_toll(mentions, "killed") == Count(value=2)


def test_the_latest_of_a_series_is_no_aggregate() -> None:
    mentions = find_counts(_work("A guard was killed at the gate, the latest in a series of attacks on the mine."))
    assert not mentions[0].aggregate


def test_an_aggregate_alone_stands() -> None:
    mentions = find_counts(_work("Across the valley, nine villagers died in various attacks over the harvest."))
    assert incident_toll(mentions, "killed") == Count(value=9)


@pytest.mark.parametrize(
    "later",
    [
        "Later that day the gunmen stopped a bus on the highway and shot dead four passengers.",
        "Another band of the raiders then burned a hamlet nearby and shot dead six herders.",
        "Elsewhere, seven soldiers were killed when their truck hit a mine.",
    ],
)
def test_a_figure_of_a_later_act_gives_way_to_the_incidents_own(later: str) -> None:
    text = f"Two farmers were shot dead in a village near the river on Sunday. {later}"
    mentions = find_counts(_work(text))
    assert mentions[-1].other_act and not mentions[0].other_act
    assert incident_toll(mentions, "killed") == Count(value=2)


def test_earlier_often_tells_the_act_again() -> None:
    text = "Two farmers were shot dead in a village on Sunday. Earlier, gunmen shot dead three farmers at the well."
    mentions = find_counts(_work(text))
    assert not mentions[-1].other_act
    assert incident_toll(mentions, "killed") == Count(value=3)


def test_a_toll_told_later_still_updates_the_figure() -> None:
    text = "Two farmers were shot dead in a village on Sunday. Later on Sunday, the death toll rose to five."
    mentions = find_counts(_work(text))
    assert not mentions[-1].other_act
    assert incident_toll(mentions, "killed") == Count(value=5)


def test_a_figure_of_a_later_act_first_in_its_incident_stands() -> None:
    mentions = find_counts(_work("Later that day the gunmen stopped a bus and shot dead four passengers."))
    assert incident_toll(mentions, "killed") == Count(value=4)


def test_those_counted_may_be_placed_by_a_relative_clause() -> None:
    sentence = "Three herders (two men and a boy) who were in the hills were killed."
    figures = [(k, c) for _s, _e, k, c in counts_in(sentence)]
    assert figures == [("killed", Count(value=3))]



@pytest.mark.slow
def test_each_figure_goes_to_the_listed_act_at_the_place_after_it() -> None:
    text = ("A roadside bomb killed three soldiers in Kano on Monday.\n\n"
            "A day earlier, twin bombings killed 14 shoppers in Maiduguri and 9 traders in Yola.")
    by_place = {i.place.name if i.place else None: i for i in extract(text).incidents}
    assert by_place["Maiduguri"].killed.value == 14
    assert by_place["Yola"].killed.value == 9
    assert by_place["Kano"].killed.value == 3


@pytest.mark.slow
def test_a_figure_of_a_list_of_acts_goes_to_none_of_them() -> None:
    text = ("A roadside bomb killed three soldiers in Kano on Monday.\n\n"
            "20 soldiers died in ambushes near Maiduguri and Yola last week.")
    by_place = {i.place.name if i.place else None: i for i in extract(text).incidents}
    assert not by_place["Maiduguri"].killed.known and not by_place["Yola"].killed.known
    assert by_place["Kano"].killed.value == 3


@pytest.mark.slow
def test_a_figure_in_the_words_of_an_act_goes_to_it() -> None:
    text = ("A suicide bomber killed six people at a market in Kano on Monday.\n\n"
            "Police said the blast came two days after the killing of 40 soldiers at a base in Borno state.")
    incidents = extract(text).incidents
    assert incidents[0].killed == Count(value=6)
    assert [i.killed.value for i in incidents[1:]] == [40]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A fire swept the dormitory, and four pupils suffered severe burns.", [("wounded", Count(value=4))]),
        ("Two guards sustained burns when the fuel tank exploded.", [("wounded", Count(value=2))]),
        ("A mortar round hit the depot, but there were no injuries.",
         [("killed", Count(value=0)), ("wounded", Count(value=0))]),
    ],
)
def test_burns_and_zero_injuries(sentence: str, expected: list[tuple[str, Count]]) -> None:
    assert [(k, c) for _s, _e, k, c in counts_in(sentence)] == expected


def test_attackers_told_after_a_toll_of_people_are_among_it() -> None:
    text = ("Twelve people died in the fighting at the border post on Tuesday. "
            "Five of the insurgents were killed, a local official said.")
    mentions = find_counts(_work(text))
    assert incident_toll(mentions, "killed") == Count(value=7, includes_perpetrators=False)
    floor = find_counts(_work(text.replace("Twelve", "At least 12")))
    assert incident_toll(floor, "killed") == Count(min=7)


@pytest.mark.parametrize(
    "after",
    [
        "Nine rebels were also killed, a local official said.",  # on top of them
        "Twenty insurgents were killed, a local official said.",  # more than the toll: not among them
    ],
)
def test_attackers_told_after_that_are_not_among_the_toll(after: str) -> None:
    text = f"At least 12 people died in the fighting at the border post on Tuesday. {after}"
    mentions = find_counts(_work(text))
    assert all(m.count.includes_perpetrators is not False for m in mentions)


def test_attackers_told_after_a_toll_of_soldiers_are_not_among_it() -> None:
    text = "Twelve soldiers died at the border post on Tuesday. Five insurgents were killed, an official said."
    assert incident_toll(find_counts(_work(text)), "killed") == Count(value=12)


@pytest.mark.slow
def test_a_figure_said_to_be_there_goes_to_the_act_last_placed() -> None:
    text = ("Bombs struck markets in Kano and in Maiduguri on Sunday, killing dozens.\n\n"
            "The heaviest blast was in the centre of Maiduguri, where a bomber struck at the main gate.\n\n"
            "The bomb went off as traders were opening their stalls.\n\n"
            "31 people were killed there, police said, and 60 were wounded at the scene.")
    by_place = {i.place.name if i.place else None: i for i in extract(text).incidents}
    assert by_place["Maiduguri"].killed == Count(value=31) and by_place["Maiduguri"].wounded == Count(value=60)


@pytest.mark.slow
def test_a_figure_told_only_of_another_country_gives_way() -> None:
    text = ("A bomb killed two worshippers at a mosque in Kano on Friday, police said.\n\n"
            "Three soldiers from Chad were wounded in the blast.\n\n"
            "Across the border in Niger, a bombing killed 19 traders on the same day.")
    by_place = {i.place.name if i.place else None: i for i in extract(text).incidents}
    assert by_place["Kano"].killed == Count(value=2)
    assert by_place["Kano"].wounded == Count(value=3)


def test_french_totals_over_a_period_or_several_attacks() -> None:
    assert counts_in("Plus de 90 soldats ont été tués depuis 2019 dans la région.", "fr") == []
    text = ("Trente civils sont morts lors de plusieurs attaques contre des villages. "
            "Dans le premier village, huit civils ont été tués à coups de feu.")
    work = Work(document=Document(text=text, language="fr"))
    work.sentences = split_sentences(text)
    mentions = find_counts(work)
    assert [m.aggregate for m in mentions] == [True, False]
    assert incident_toll(mentions, "killed") == Count(value=8)


def test_two_told_as_both() -> None:
    assert [(k, c) for _s, _e, k, c in counts_in("Both of the hostages were killed in the raid.")] == [
        ("killed", Count(value=2))]
    assert counts_in("Both soldiers and civilians were killed in the raid.") == []


@pytest.mark.slow
def test_a_figure_told_of_the_acts_listed_just_before_goes_to_none() -> None:
    text = ("A roadside bomb killed three soldiers in Kano on Monday.\n\n"
            "There were bombings in Maiduguri, Yola and Bauchi over the weekend.\n\n"
            "These bombings killed 11 people, the army said.")
    by_place = {i.place.name if i.place else None: i for i in extract(text).incidents}
    assert by_place["Kano"].killed.value == 3
    assert not by_place["Maiduguri"].killed.known and not by_place["Yola"].killed.known


@pytest.mark.slow
def test_a_figure_in_a_groups_quoted_words_gives_way_to_an_independent_one() -> None:
    text = ("Gunmen attacked an army post near Kismayo on Monday, killing 12 soldiers, the army said.\n\n"
            "“Our brave fighters stormed the post and 30 soldiers were killed,” said a statement released by "
            "al-Shabaab.")
    (incident,) = extract(text).incidents
    assert incident.killed == Count(value=12)
    assert "resolve.3.figure-quoted" in incident.trace


def test_a_zero_of_both_kinds_against_a_toll_tells_of_another_act() -> None:
    text = ("Gunmen killed two guards at the depot on Friday. Mortar rounds later landed near a camp. "
            "No casualties were reported.")
    mentions = find_counts(_work(text))
    assert incident_toll(mentions, "killed") == Count(value=2)
    assert incident_toll(mentions, "wounded") == Count()
    # in the sentence of the toll itself it stands: no one was hurt besides those killed
    same = find_counts(_work("One guard was killed, but there were no injuries."))
    assert incident_toll(same, "wounded") == Count(value=0)


def test_german_places_between_the_auxiliary_and_the_participle() -> None:
    sentence = "Vier Polizisten wurden am Abend vor dem Rathaus in der Stadt Kidal leicht verletzt."
    assert [(k, c) for _s, _e, k, c in counts_in(sentence, "de")] == [("wounded", Count(value=4))]


@pytest.mark.slow
def test_a_date_right_after_a_figure_gives_it_to_the_act_of_that_day() -> None:
    text = ("Gunmen raided a police post in Kano on Tuesday, killing two officers.\n\n"
            "The gunmen came back on Wednesday and set fire to a school in Kano.\n\n"
            "A witness said the attackers shot dead five guards when they came back on Wednesday.")
    incidents = extract(text, published="2024-03-07T10:00:00+00:00").incidents
    by_date = {i.date: i for i in incidents}
    assert by_date["2024-03-05"].killed == Count(value=2)
    assert by_date["2024-03-06"].killed == Count(value=5)


def test_an_aggregate_stands_against_victims_told_as_also() -> None:
    text = ("Five soldiers were killed at the checkpoint on Monday, the third such attack in recent weeks. "
            "A shepherd was also killed nearby.")
    mentions = find_counts(_work(text))
    assert [m.aggregate for m in mentions] == [True, False]
    assert incident_toll(mentions, "killed") == Count(value=6)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen opened fire on a judge, assassinating him outside his home.", [("killed", Count(value=1))]),
        ("A senior judge was assassinated in the capital.", [("killed", Count(value=1))]),
        ("Police shot and killed him near the gate.", []),  # him may be the attacker
    ],
)
def test_one_victim_told_by_a_pronoun(sentence: str, expected: list[tuple[str, Count]]) -> None:
    assert [(k, c) for _s, _e, k, c in counts_in(sentence)] == expected
