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
        "Nine villagers were killed on Sunday in various attacks blamed on the rebels.",
        "Five guards lost their lives in separate attacks in the two provinces.",
        "Four traders and 12 soldiers have been killed in the attacks carried out in recent days.",
        "The militants staged multiple raids on farms across the district that killed 30 people.",
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
    mentions = find_counts(_work("Nine villagers were killed on Sunday in various attacks blamed on the rebels."))
    assert incident_toll(mentions, "killed") == Count(value=9)


@pytest.mark.parametrize(
    "later",
    [
        "Later on Sunday, the gunmen raided a second village, where they killed four people.",
        "Another group of the fighters entered a hamlet nearby, where they shot six people who died there.",
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
    mentions = find_counts(_work("Later on Sunday, the gunmen raided a village, where they killed four people."))
    assert incident_toll(mentions, "killed") == Count(value=4)


def test_those_counted_may_be_placed_by_a_relative_clause() -> None:
    sentence = "Three herders (two men and a boy) who were in the hills were killed."
    figures = [(k, c) for _s, _e, k, c in counts_in(sentence)]
    assert figures == [("killed", Count(value=3))]



@pytest.mark.slow
def test_each_figure_goes_to_the_listed_act_at_the_place_after_it() -> None:
    text = ("A roadside bomb killed three soldiers in Kano on Monday.\n\n"
            "The attack came after separate bombings on Saturday killed 14 people in the city of Maiduguri "
            "and 9 traders in Yola.")
    by_place = {i.place.name if i.place else None: i for i in extract(text).incidents}
    assert by_place["Maiduguri"].killed.value == 14
    assert by_place["Yola"].killed.value == 9
    assert by_place["Kano"].killed.value == 3


@pytest.mark.slow
def test_a_figure_of_a_list_of_acts_goes_to_none_of_them() -> None:
    text = ("A roadside bomb killed three soldiers in Kano on Monday.\n\n"
            "Last week, 20 soldiers were killed in attacks in the towns of Maiduguri and Yola.")
    by_place = {i.place.name if i.place else None: i for i in extract(text).incidents}
    assert not by_place["Maiduguri"].killed.known and not by_place["Yola"].killed.known
    assert by_place["Kano"].killed.value == 3


@pytest.mark.slow
def test_a_figure_in_the_words_of_an_act_goes_to_it() -> None:
    text = ("A suicide bomber killed six people at a market in Kano on Monday.\n\n"
            "The attack followed the killing of more than 40 soldiers in Borno state on Friday.")
    incidents = extract(text).incidents
    assert incidents[0].killed == Count(value=6)
    assert [i.killed.min for i in incidents[1:]] == [40]


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
            "At least 31 people were killed and 60 others wounded there, the police said.")
    by_place = {i.place.name if i.place else None: i for i in extract(text).incidents}
    assert by_place["Maiduguri"].killed == Count(min=31) and by_place["Maiduguri"].wounded == Count(value=60)


@pytest.mark.slow
def test_a_figure_told_only_of_another_country_gives_way() -> None:
    text = ("A bomb killed two worshippers at a mosque in Kano on Friday, police said.\n\n"
            "Three soldiers from Chad were wounded in the blast.\n\n"
            "Ghana's Christians have also suffered this month after two church bombings killed at least 19 people.")
    by_place = {i.place.name if i.place else None: i for i in extract(text).incidents}
    assert by_place["Kano"].killed == Count(value=2)
    assert by_place["Kano"].wounded == Count(value=3)


def test_french_totals_over_a_period_or_several_attacks() -> None:
    assert counts_in("Depuis le début de l'année, plus de 90 personnes sont mortes dans la région.", "fr") == []
    text = ("Une trentaine de personnes ont été tuées dans des attaques visant des villages. "
            "Dans le premier village, huit civils ont été tués par des hommes armés.")
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
            "The attack followed bombings in Maiduguri, Yola and Bauchi over the weekend.\n\n"
            "The bombings killed 11 people, officials said.")
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
