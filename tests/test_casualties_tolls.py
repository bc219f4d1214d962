"""Casualty grammar and toll choice: lists with an owned person, qualified lists, appositions, ordinals, nouns of
killing, joint figures, and the toll an incident shows when a report recalls an older attack or adds victims."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claimwatch.counts import incident_toll
from claimwatch.extract.casualties import counts_in, find_counts
from claimwatch.model import Count, Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def _figures(sentence: str) -> list[tuple[str, Count]]:
    return [(kind, count) for _s, _e, kind, count in counts_in(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an item of one owned by those counted before it
        ("Four aid workers and their driver were killed near the border.", [("killed", Count(value=5))]),
        ("The mine killed two guards and their cook on the road.", [("killed", Count(value=3))]),
        # a qualifier before a list bounds its sum
        ("The blast killed at least 40 pilgrims and 6 police officers.", [("killed", Count(min=46))]),
        ("At least 9 farmers and 2 herders were killed overnight.", [("killed", Count(min=11))]),
        # a second noun without a number of its own belongs to the first figure
        ("Officials said 12 soldiers and militia members were killed and 8 wounded.",
         [("killed", Count(value=12)), ("wounded", Count(value=8))]),
        # an apposition or an age between the counted person and the verb
        ("One of the passengers, an elderly man, died later in hospital.", [("killed", Count(value=1))]),
        ("A fourth victim, in her 60s, was wounded in the leg.", [("wounded", Count(value=1))]),
        # an ordinal stands for the next victim
        ("The sniper shot dead three men and wounded a fourth near the bridge.",
         [("killed", Count(value=3)), ("wounded", Count(value=1))]),
        # nouns of killing and wounding with a number after them
        ("The raid ended in the death of at least 9 villagers.", [("killed", Count(min=9))]),
        ("Sources reported the martyrdom of 4 guards and the wounding of 7 others.",
         [("killed", Count(value=4)), ("wounded", Count(value=7))]),
        # two nouns of no one hurt count both kinds
        ("No deaths or injuries were reported after the explosion.",
         [("killed", Count(value=0)), ("wounded", Count(value=0))]),
        # a noun before "and" shares no figure with the verb after it; "killed and injured" still does
        ("The gunmen caused the fatalities and wounding 11 people in the square.", [("wounded", Count(value=11))]),
        ("The bombers killed and injured scores at the depot.", []),
        # an aside between dashes, "another N", a relative pronoun
        ("Three medics - all volunteers from the city - were wounded.", [("wounded", Count(value=3))]),
        ("A second blast went off, killing another 8.", [("killed", Count(value=8))]),
        ("The shells hit four farmers who died in their field.", [("killed", Count(value=4))]),
        ("Two raiders who killed six guards escaped.", [("killed", Count(value=6))]),
        # the attack's own figures before a campaign's toll stand; the campaign's do not
        ("A teacher was killed and three pupils hurt, the latest in a wave of attacks that has killed 90.",
         [("killed", Count(value=1)), ("wounded", Count(value=3))]),
        ("Forty people were killed in a series of raids.", []),
        # a verb's second figure at another place; a clause of its own is read on its own
        ("Bombs killed 30 people in the north and 12 guards at the port.",
         [("killed", Count(value=30)), ("killed", Count(value=12))]),
        ("Raiders killed 4 farmers in the valley and 2 guards were hurt at the gate.",
         [("killed", Count(value=4)), ("wounded", Count(value=2))]),
        # an act done to the counted before their fate
        ("Five guards were ambushed and killed near the dam.", [("killed", Count(value=5))]),
        ("Two nurses were abducted and wounded.", [("wounded", Count(value=2))]),
        # a toll named by who its people are
        ("He said the number of pilgrims who fell victim to the gunmen was 14.", [("killed", Count(value=14))]),
        ("The number of people who were injured rose to 40.", [("wounded", Count(value=40))]),
        # one victim told of before who died afterwards
        ("The ranger, Somchai Prasert, was later reported dead.", [("killed", Count(value=1))]),
        ("The cook subsequently died in hospital.", [("killed", Count(value=1))]),
        ("The shepherd died of his wounds two days later.", [("killed", Count(value=1))]),
        ("The gunman was later declared dead.", [("killed", Count(value=1, includes_perpetrators=True))]),
        ("The driver was later questioned by police.", []),
        # a kind word that qualifies the attackers named after it counts them, not victims
        ("The raiders fled carrying four wounded comrades.", [("wounded", Count(value=4, includes_perpetrators=True))]),
        ("Soldiers found three dead gunmen near the wall.", [("killed", Count(value=3, includes_perpetrators=True))]),
    ],
)
def test_casualty_grammar(sentence: str, expected: list[tuple[str, Count]]) -> None:
    assert _figures(sentence) == expected


def _work(text: str, published: datetime | None = None) -> Work:
    work = Work(document=Document(text=text, published=published))
    work.sentences = split_sentences(text)
    return work


def test_a_recalled_attack_gives_way_to_the_lead_figure() -> None:
    text = ("A bomb at a bus station killed six people on Tuesday. "
            "Two weeks ago, a similar blast killed 30 people in the same province.")
    mentions = find_counts(_work(text))
    assert [m.recalled for m in mentions] == [False, True]
    assert incident_toll(mentions, "killed") == Count(value=6)


@pytest.mark.parametrize(
    "recalled",
    [
        "Last Sunday, a car bomb killed 22 soldiers at a checkpoint.",
        "Three rocket attacks earlier this year killed at least 40 people.",
        "The raid followed the killing of 35 miners in the district.",
        "It comes only days after 18 people were shot dead at a wedding.",
        "It was the deadliest attack in the city since 50 people were killed at a market.",
    ],
)
def test_recalled_figures(recalled: str) -> None:
    text = f"Gunmen killed four people at a market on Wednesday. {recalled}"
    mentions = find_counts(_work(text))
    assert mentions[-1].recalled
    assert incident_toll(mentions, "killed") == Count(value=4)


def test_a_year_before_the_report_recalls_an_attack() -> None:
    text = "Militants killed seven guards at the mine on Monday. In 2019, a raid on the same mine killed 60 workers."
    mentions = find_counts(_work(text, published=datetime(2024, 5, 7, tzinfo=UTC)))
    assert [m.recalled for m in mentions] == [False, True]
    assert incident_toll(mentions, "killed") == Count(value=7)
    # in a report of that same year the year recalls nothing
    same_year = find_counts(_work(text, published=datetime(2019, 5, 7, tzinfo=UTC)))
    assert [m.recalled for m in same_year] == [False, False]


def test_a_recalled_figure_alone_stands() -> None:
    """An incident whose only figure is a recalled one (the older attack itself) keeps it."""
    mentions = find_counts(_work("Two months ago, an ambush killed 14 rangers."))
    assert mentions[0].recalled
    assert incident_toll(mentions, "killed") == Count(value=14)


def test_victims_told_as_also_add_to_the_lead_figure() -> None:
    text = ("Doctors said six soldiers and one officer were killed, with four others wounded. "
            "A shepherd was also killed, and three others were wounded.")
    mentions = find_counts(_work(text))
    assert [m.additional for m in mentions] == [False, False, True, True]
    assert incident_toll(mentions, "killed") == Count(value=8)
    assert incident_toll(mentions, "wounded") == Count(value=7)


def test_also_in_the_first_figure_adds_nothing() -> None:
    mentions = find_counts(_work("Two teachers were also killed in the attack on the school."))
    assert incident_toll(mentions, "killed") == Count(value=2)


def test_also_adds_to_a_floor() -> None:
    text = "At least 10 worshippers were killed in the blast. A guard was also killed at the gate."
    assert incident_toll(find_counts(_work(text)), "killed") == Count(min=11)


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # a number written in words and in figures
        ("Nine (9) villagers were killed in the raid.", "en", [("killed", Count(value=9))]),
        ("On compte aussi cinq (5) blessés légers.", "fr", [("wounded", Count(value=5))]),
        # a wounded verb with "and" glued on starts its own figure
        ("قتل 4 جنود وأصيب 9 آخرون في الهجوم", "ar", [("killed", Count(value=4)), ("wounded", Count(value=9))]),
    ],
)
def test_figures_in_several_languages(sentence: str, language: str, expected: list[tuple[str, Count]]) -> None:
    assert [(kind, count) for _s, _e, kind, count in counts_in(sentence, language)] == expected


def test_a_group_spokesman_gives_the_groups_figure() -> None:
    text = ("Rebels attacked an army post, killing five soldiers, a local official said. "
            "The rebels' leader spoke later. "
            "Al-Shabaab spokesman Ali Dheere said the fighters had taken the post. He added that 30 soldiers died.")
    mentions = find_counts(_work(text))
    assert [(m.count.value, m.by_claimant) for m in mentions] == [(5, False), (30, True)]
    assert incident_toll(mentions, "killed") == Count(value=5)


def test_a_spokesman_of_no_group_is_no_claimant() -> None:
    text = "A police spokesman said 12 people were killed. He added that 20 were wounded."
    assert [m.by_claimant for m in find_counts(_work(text))] == [False, False]
