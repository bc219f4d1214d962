"""Killed and wounded figures (claimwatch.extract.casualties)."""

from __future__ import annotations

import pytest

from claimwatch.counts import incident_toll
from claimwatch.extract.casualties import counts_in, find_counts
from claimwatch.model import Count, Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def _figures(text: str) -> list[tuple[str, Count]]:
    return [(kind, count) for _s, _e, kind, count in counts_in(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Seven people were killed and 48 were wounded in the blast in Kabul.",
         [("killed", Count(value=7)), ("wounded", Count(value=48))]),
        ("The bomber killed at least 25 worshippers at the mosque in Quetta.", [("killed", Count(min=25))]),
        ("Dozens wounded as car bomb hits market in Baghdad.", [("wounded", Count(min=24))]),
        ("More than 20 people died when the truck exploded.", [("killed", Count(min=20))]),
        ("Between 21 and 23 people were killed, officials said.", [("killed", Count(min=21, max=23))]),
        ("21 to 23 people were killed in Maiduguri.", [("killed", Count(min=21, max=23))]),
        ("The death toll rose to 33 on Sunday.", [("killed", Count(value=33))]),
        ("The death toll from the Mogadishu bombing has climbed to 358.", [("killed", Count(value=358))]),
        ("Four security forces were slightly injured.", [("wounded", Count(value=4))]),
        ("The gunmen opened fire, killing three and wounding five others.",
         [("killed", Count(value=3)), ("wounded", Count(value=5))]),
        ("The explosion left 12 dead and 30 wounded.", [("killed", Count(value=12)), ("wounded", Count(value=30))]),
        ("Up to 30 people may have been hurt.", []),  # "may have been" is speculation, not a figure
        ("As many as 30 people were injured.", [("wounded", Count(max=30))]),
        ("Nearly 100 people were wounded in Lahore.", [("wounded", Count(max=100))]),
        ("A police officer was killed in the ambush.", [("killed", Count(value=1))]),
        ("Scores of people were injured.", [("wounded", Count(min=40))]),
        ("No one was hurt in the attack on the embassy.", [("wounded", Count(value=0))]),
        ("No casualties were reported.", [("killed", Count(value=0)), ("wounded", Count(value=0))]),
        ("Twenty-two people were killed at the Manchester Arena.", [("killed", Count(value=22))]),
        ("The attack claimed the lives of 86 people in Nice.", [("killed", Count(value=86))]),
        ("Two dozen people were injured.", [("wounded", Count(value=24))]),
        ("Militants beheaded three farmers near the river.", [("killed", Count(value=3))]),
        ("Four hostages were executed by the kidnappers.", [("killed", Count(value=4))]),
        ("Nine members of the local militia were killed overnight.", [("killed", Count(value=9))]),
        ("The death toll from Friday's bombing of a crowded bus station outside the capital rose to 61.",
         [("killed", Count(value=61))]),
    ],
)
def test_counts(sentence: str, expected: list[tuple[str, Count]]) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He was killed 3 years ago.",
        "In 2015 the group grew to 3000 fighters.",
        "The attack on June 3 was claimed by the group.",
        "Hundreds were killed or wounded.",  # neither kind can be told apart
        "The 30-year-old man lives in Paris.",
        "Police said the suspect was arrested.",
    ],
)
def test_no_false_counts(sentence: str) -> None:
    assert _figures(sentence) == []


def test_subject_of_an_active_verb_is_not_a_count() -> None:
    assert _figures("Two gunmen killed three people.") == [("killed", Count(value=3))]
    assert _figures("A suicide bomber killed at least 50 people.") == [("killed", Count(min=50))]


def test_day_of_month_is_not_a_count() -> None:
    assert _figures("The attack on June 3 killed eight.") == [("killed", Count(value=8))]


def test_year_is_not_a_count() -> None:
    assert _figures("In 2015, 130 people were killed in Paris.") == [("killed", Count(value=130))]


def test_list_sums_and_separates_attackers() -> None:
    figures = _figures("Two policemen, two civilians, a security guard, and three attackers died.")
    assert figures == [
        ("killed", Count(value=8, includes_perpetrators=True)),
        ("killed", Count(value=5, includes_perpetrators=False)),
    ]


def test_perpetrators() -> None:
    assert _figures("Three attackers were shot dead by police.") == [
        ("killed", Count(value=3, includes_perpetrators=True))
    ]
    # the figure without the attackers stands beside the total, as for lists
    assert _figures("The blast killed 22 people, including the bomber.") == [
        ("killed", Count(value=22, includes_perpetrators=True)),
        ("killed", Count(value=21, includes_perpetrators=False)),
    ]
    assert _figures("Gunfire killed nine people, including two of the attackers.")[-1] == (
        "killed", Count(value=7, includes_perpetrators=False)
    )
    # how many attackers are among the dead is not said: only the total
    assert _figures("The raid killed 14 people, including the gunmen.") == [
        ("killed", Count(value=14, includes_perpetrators=True))
    ]
    assert _figures("The blast killed 22 people, not including the bomber.") == [
        ("killed", Count(value=22, includes_perpetrators=False))
    ]


def test_find_counts_uses_document_offsets() -> None:
    text = "Police in Kano said little.\nAt least 25 people were killed in the blast."
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    [mention] = find_counts(work)
    assert mention.sentence == 1
    assert text[mention.start : mention.end] == mention.text == "At least 25 people were killed"
    assert mention.kind == "killed" and mention.count == Count(min=25)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # one victim named after the verb
        ("Two men on a motorbike shot dead a district commander outside his home.", [("killed", Count(value=1))]),
        ("The grenade wounded a passer-by near the gate.", [("wounded", Count(value=1))]),
        # the bomber who died is not among the victims
        ("The bomber blew himself up at the gate, killing himself and two guards.",
         [("killed", Count(value=2, includes_perpetrators=False))]),
    ],
)
def test_victims_named_after_the_verb(sentence: str, expected: list[tuple[str, Count]]) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels have killed more than 3,000 villagers in the valley since 2016.",
        "Roughly 40,000 people died during the long civil war in the north.",
        "Over the past decade, attacks in the region have left some 900 people dead.",
    ],
)
def test_totals_over_a_period_are_no_attack_toll(sentence: str) -> None:
    assert _figures(sentence) == []


def test_a_toll_ranked_against_a_period_is_kept() -> None:
    assert _figures("The bombing, the deadliest in the capital since 2019, killed 31 people.") == [
        ("killed", Count(value=31))
    ]


@pytest.mark.parametrize(
    ("sentence", "claimed"),
    [
        ("In its statement the movement claimed that it had killed 25 soldiers.", True),
        ("The faction claimed responsibility for killing nine guards at the depot.", True),
        ("The insurgents said their fighters killed 40 troops in the raid.", True),
        ("The faction claimed the ambush, which killed nine guards at the depot.", False),
        ("Police said the bomb killed nine guards at the depot.", False),
    ],
)
def test_the_groups_own_figure_is_marked(sentence: str, claimed: bool) -> None:
    work = Work(document=Document(text=sentence))
    work.sentences = split_sentences(sentence)
    [mention] = find_counts(work)
    assert mention.by_claimant is claimed


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # one victim named by a person noun of the table
        ("A forest ranger was killed when the patrol came under fire.", [("killed", Count(value=1))]),
        ("A magistrate died of his wounds in hospital.", [("killed", Count(value=1))]),
        ("A 31-year-old nurse was shot and killed outside the clinic.", [("killed", Count(value=1))]),
        # an aside between the noun and its verb
        ("Nine people, including three of the assailants, were killed in the raid.",
         [("killed", Count(value=9, includes_perpetrators=True)),
          ("killed", Count(value=6, includes_perpetrators=False))]),
        ("Thirty pupils (most of them girls) died in the fire.", [("killed", Count(value=30))]),
        # a verb and the list of victims it counts
        ("The raiders killed four guards and a driver near the depot.", [("killed", Count(value=5))]),
        ("The blast killed a teacher and a 9-year-old boy.", [("killed", Count(value=2))]),
        ("Gunmen killed six farmers, two herders and a trader.", [("killed", Count(value=9))]),
        # a list before another clause is not the verb's object
        ("The mortar round killed three soldiers and a medic was hurt.",
         [("killed", Count(value=3)), ("wounded", Count(value=1))]),
        # "more than N" is the floor N
        ("The explosion injured more than 60 shoppers.", [("wounded", Count(min=60))]),
        # one kind twice is still that kind
        ("The insurgents slaughtered and beheaded seven villagers.", [("killed", Count(value=7))]),
    ],
)
def test_victims_grammar(sentence: str, expected: list[tuple[str, Count]]) -> None:
    assert _figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The raiders killed and wounded dozens of travellers.",  # one figure for both kinds
        "Forty villagers, among them children, were killed and injured in the shelling.",
        "The patrol lost two men, a spokesman for the army told reporters.",
        "Police say 900 people, mostly in the capital, have died in the unrest.",  # an aside of place
    ],
)
def test_victims_grammar_reads_no_figure(sentence: str) -> None:
    assert _figures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The cell had been ordered to kill at least 40 police officers.",  # a plan
        "Officials warned the device could injure dozens of commuters.",  # a possibility
        "The army's offensive in the hills has killed hundreds of civilians, rights groups say.",  # a campaign
    ],
)
def test_plans_and_campaigns_are_no_toll(sentence: str) -> None:
    assert _figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The market bombing claimed at least 45 lives.", [("killed", Count(min=45))]),
        ("The ambush took nine lives on the highway.", [("killed", Count(value=9))]),
        ("Two constables were martyred in the firing.", [("killed", Count(value=2))]),
        # no one hurt: no one killed either
        ("A parcel bomb exploded at the post office, but there were no injuries from the blast.",
         [("killed", Count(value=0)), ("wounded", Count(value=0))]),
        # combatants of the defending side are victims, not attackers
        ("Six militia fighters and two farmers were killed in the raid.", [("killed", Count(value=8))]),
    ],
)
def test_more_toll_phrasings(sentence: str, expected: list[tuple[str, Count]]) -> None:
    assert _figures(sentence) == expected


def test_a_spate_of_attacks_is_no_one_attack() -> None:
    assert _figures("It was the third in a wave of bombings that have claimed 30 lives this month.") == []
    assert _figures("The group claimed 17 attacks last month.") == []


def test_a_link_to_another_story_gives_no_toll() -> None:
    assert _figures("Related: Nine police officers killed in desert ambush") == []
    assert _figures("READ MORE: Two killed as gunmen storm hotel") == []
    assert _figures("Nine police officers were killed in a desert ambush.") == [("killed", Count(value=9))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Four Border Security Force (BSF) jawans were injured in the blast.", [("wounded", Count(value=4))]),
        ("Two constables from the state reserve police were killed at the checkpoint.", [("killed", Count(value=2))]),
        ("By evening at least 30 people had died, medics said.", [("killed", Count(min=30))]),
        ("Officials condemned the killing of 14 fishermen on the lake.", [("killed", Count(value=14))]),
        ("A lone attacker gunned down five worshippers at the shrine.", [("killed", Count(value=5))]),
    ],
)
def test_noun_phrases_perfects_and_nominal_killings(sentence: str, expected: list[tuple[str, Count]]) -> None:
    assert _figures(sentence) == expected


def test_a_perfect_with_an_object_is_still_active() -> None:
    assert _figures("Three gunmen have killed nine villagers.") == [("killed", Count(value=9))]
    assert _figures("The curfew followed the deaths of 11 traders in a string of raids this week.") == []


def test_a_toll_someone_gives() -> None:
    assert _figures("Hospital officials put the death toll at 23 on Tuesday.") == [("killed", Count(value=23))]
    assert _figures("A monitoring group gave the toll as 31.") == [("killed", Count(value=31))]
    assert _figures("Medics put the number of wounded at more than 70.") == [("wounded", Count(min=70))]


def test_a_listed_group_may_say_where_it_came_from() -> None:
    assert _figures("Two guards from the embassy and a driver died in the blast.") == [("killed", Count(value=3))]


def test_members_of_a_named_group_are_counted_as_attackers() -> None:
    [(kind, count)] = _figures("Five Boko Haram fighters were killed in the gunfight, the army said.")
    assert (kind, count.value, count.includes_perpetrators) == ("killed", 5, True)
    [(_kind, victims)] = _figures("Five villagers were killed in the raid.")
    assert victims.includes_perpetrators is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministry later revised the death toll from 14 to 11.", Count(value=11)),
        ("Officials lowered the toll to nine after a recount.", Count(value=9)),
        ("Police corrected the initial death toll down to 20.", Count(value=20)),
    ],
)
def test_a_corrected_toll(sentence: str, expected: Count) -> None:
    assert _figures(sentence) == [("killed", expected)]


def _work(text: str) -> Work:
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    return work


def test_a_corrected_toll_stands_even_below_an_earlier_one() -> None:
    text = ("A gunman killed 21 people at the hotel. "
            "On Sunday the ministry revised the death toll from 21 to 19, saying the gunman had been counted.")
    mentions = find_counts(_work(text))
    assert [m.revised for m in mentions] == [False, True]
    assert incident_toll(mentions, "killed") == Count(value=19)


def test_a_vague_plural_gives_way_to_a_written_number() -> None:
    text = "Hundreds killed. At least 12 villagers were killed in the night raid."
    mentions = find_counts(_work(text))
    assert [m.vague for m in mentions] == [True, False]
    assert incident_toll(mentions, "killed") == Count(min=12)
    # alone, a vague death toll is still the figure (a floor) ...
    alone = find_counts(_work("Dozens were killed when the bomb went off."))
    assert incident_toll(alone, "killed") == Count(min=24)
    # ... but wounded told only as "dozens" are no figure (counts.vague-wounded: the labels code them unknown)
    alone = find_counts(_work("Dozens were wounded when the bomb went off."))
    assert incident_toll(alone, "wounded") == Count()
    both = find_counts(_work("The blast killed nine people and wounded dozens more at the market."))
    assert incident_toll(both, "killed") == Count(value=9) and incident_toll(both, "wounded") == Count()
