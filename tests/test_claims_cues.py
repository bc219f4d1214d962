"""The claim, denial and suspicion cues added for real news (hand-written sentences)."""

from __future__ import annotations

import pytest

from claimwatch.extract.claims import find_claims
from claimwatch.extract.groups import find_groups
from claimwatch.model import ClaimMention, Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def _claims(text: str) -> list[ClaimMention]:
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    work.mentions.groups = find_groups(work)
    return find_claims(work)


def _pairs(text: str) -> list[tuple[str | None, str]]:
    return [(c.group.name if c.group else None, c.status) for c in _claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # denials
        ("In a statement, the Houthi movement denied having anything to do with the port explosion.",
         [("Houthis", "denied")]),
        ("Rebels were blamed at first. The OLA later issued a statement denying that it had killed the farmers.",
         [("Oromo Liberation Army", "denied")]),
        ("Hours later a TTP spokesman distanced the group from the mosque bombing.",
         [("Tehrik-i-Taliban Pakistan", "denied")]),
        ("Responsibility for the market blast was denied by the Baloch Liberation Army on Monday.",
         [("Balochistan Liberation Army", "denied")]),
        # claims
        ("The bombing of the bridge, acknowledged by Islamic State, killed nine.", [("Islamic State", "claimed")]),
        ("The raid was acknowledged by police only on Friday.", []),
        ("Hasm said it was behind the ambush on the checkpoint.", [("Hasm Movement", "claimed")]),
        # a group saying it holds a captive claims the abduction
        ("The Maoists on Tuesday said the missing soldier was in its captivity.",
         [("Communist Party of India (Maoist)", "claimed")]),
        ("Police said the suspect was in their custody.", []),
        # an adverb between the auxiliary and the act ("had also killed") leaves the group its author
        ("Al-Shabaab said that it had also killed two soldiers in an ambush.", [("al-Shabaab", "claimed")]),
        # suspicions
        ("Police said the bomber was a member of Jamaah Ansharut Daulah.", [("Jamaah Ansharut Daulah", "suspected")]),
        ("Villagers were killed by suspected Lakurawa fighters overnight.", [("Lakurawa", "suspected")]),
        ("Officials say members of the Shining Path rebel group have killed 16 people.",
         [("Shining Path", "suspected")]),
        # a negated suspicion is none
        ("The governor did not blame any group, although the Taliban operate nearby.", []),
        # "were killed": the group's men are the victims, not the authors
        ("Eight al-Shabaab militants were killed in the clash.", []),
        # an apposition about allegiance is not the act's author
        ("The ADF, a rebel group that pledged allegiance to Islamic State, has killed thousands.", []),
    ],
)
def test_new_cues(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parent's claim that names its branch inside the claim is the branch's
        ("Islamic State claimed fighters from its West Africa Province affiliate killed 10 soldiers.",
         [("Islamic State West Africa Province", "claimed")]),
        ("ISIS claimed ISWAP fighters captured four trucks at the base.",
         [("Islamic State West Africa Province", "claimed")]),
    ],
)
def test_branch_named_inside_a_parent_claim(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Most such attacks have been claimed by the Islamic State group, which controls the valley.",
        "In some cases, the raids have been claimed by al-Shabaab.",
        "The Hasm Movement has claimed responsibility for several recent attacks in statements posted online.",
    ],
)
def test_claims_of_attacks_in_general_are_background(text: str) -> None:
    assert [c for c in _claims(text) if c.status == "claimed"] == []


def test_a_claim_of_many_attacks_including_one_is_kept() -> None:
    text = "ISIS has claimed several attacks in the city, including the bombing of the market on Monday."
    assert _pairs(text) == [("Islamic State", "claimed")]


def test_joint_claim_opening_the_sentence_names_every_group() -> None:
    text = ("Claiming responsibility for the ambush, the Manipur Naga People's Front (MNPF), Revolutionary People's "
            "Front (RPF) and the NSCN-K said the attack was part of their campaign.")
    names = [c.group.name for c in _claims(text) if c.group]
    assert names == ["Manipur Naga People's Front", "Revolutionary People's Front", "NSCN (Khaplang)"]


def test_joint_claim_with_abbreviations_after_each_name() -> None:
    text = ("Three outfits, the Kanglei Yawol Kanna Lup (KYKL), the United National Liberation Front (UNLF) and "
            "PREPAK, jointly claimed responsibility for the ambush.")
    names = sorted(c.group.name for c in _claims(text) if c.group)
    assert names == ["Kanglei Yawol Kanna Lup", "People's Revolutionary Party of Kangleipak",
                     "United National Liberation Front"]


def test_group_video_with_the_soldier_formula_is_a_claim() -> None:
    text = ("The Daesh group released a video of the attacker presenting himself as a \"soldier of the caliphate\".")
    assert _pairs(text) == [("Islamic State", "claimed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the accused is the one right after the verb
        ("Police accused the Taliban of the bombing.", [("Taliban", "suspected")]),
        ("The capital accuses its neighbour of sheltering Jaish al-Adl fighters.", []),
        ("Al-Shabaab was accused of the raid on the depot.", [("al-Shabaab", "suspected")]),
        # "rejecting the claims that X was behind it" is X's denial
        ("Rejecting the claims of officials that the Taliban was behind the blast, a Taliban spokesman said it was a "
         "plot.", [("Taliban", "denied")]),
        # a denial by someone the sentence names is no denial by the group last mentioned
        ("ISIS claimed the shooting. The ministry also rejected the accusations.", [("Islamic State", "claimed")]),
        # "Al Qaeda linked militants": the name is a modifier, not the suspect
        ("Officials said they suspected the Al Qaeda linked militants were to blame.", []),
        # a group tied to another in an apposition: the claimant is the first
        ("A statement from Wilayat Khorasan, a group linked to Islamic State, claimed responsibility for the attack.",
         [("Islamic State Khorasan Province", "claimed")]),
        # "claimed that it had executed", "claimed in a post that the group was responsible"
        ("In a statement, the BLA claimed that it had executed ten hostages.",
         [("Balochistan Liberation Army", "claimed")]),
        ("A BIFF spokesman said their fighters were behind the raids.",
         [("Bangsamoro Islamic Freedom Fighters", "claimed")]),
    ],
)
def test_accusations_rejections_and_appositions(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _pairs(text) == expected


def _channels(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.group.name if c.group else None, c.channel) for c in _claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "its news agency": the group's own outlet in the alias table
        ("Islamic State claimed the shooting. Its news agency said a soldier of the caliphate did it.",
         [("Islamic State", "amaq")]),
        # the statement's channel, named in a sentence whose speaker is "the group"
        ("Al-Shabaab claimed responsibility for the twin bombings. In a statement posted on its websites, the "
         "group said its fighters stormed the hotel.", [("al-Shabaab", "website"), ("al-Shabaab", "website")]),
        # a bare statement gives way to the outlet named elsewhere, not to a spokesman
        ("Islamic State said in a statement that its fighters attacked the post. The claim was carried by Amaq.",
         [("Islamic State", "amaq")]),
        ("JNIM said on its communication channels that its fighters had attacked the airport.",
         [("Jama'at Nusrat al-Islam wal-Muslimin", "statement")]),
    ],
)
def test_claim_channels(text: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert _channels(text) == expected


def _link(text: str) -> str:
    claimed = [c for c in _claims(text) if c.status == "claimed"]
    assert claimed
    return claimed[0].link


@pytest.mark.parametrize(
    ("text", "link"),
    [
        # the group's own men, named in more ways
        ("Al-Qaeda claimed the raid, saying its militants carried out the attacks on the base.", "directed"),
        ("ISIS claimed the blast and said one of its suicide bombers detonated a vest.", "directed"),
        ("The statement said the group attacked a crowd at the concert hall. ISIS claimed the shooting.", "directed"),
        ("Hasm claimed the bombing and said it had planted a device by the road.", "directed"),
        # a newspaper citing a security source is reporting, not Amaq's formula
        ("ISIS claimed the ambush. A local paper cited a security source as saying nine died.", "unclear"),
        ("ISIS claimed the ambush. Amaq, citing a security source, said a fighter opened fire.", "inspired"),
        # "the IS-inspired group" describes a group, it does not say the attack was inspired
        ("ISIS claimed the bombings. Police blamed the IS-inspired group JAD.", "unclear"),
    ],
)
def test_link_cues(text: str, link: str) -> None:
    assert _link(text) == link


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Al-Shabaab fighters raided the airport. The militants also attacked a base near the river.",
         [("al-Shabaab", "suspected"), ("al-Shabaab", "suspected")]),
        ("AQAP held two hostages. Both were killed by the militants when troops stormed the hideout.",
         [("al-Qaeda in the Arabian Peninsula", "suspected")]),
        # the group is named too long before: the militants may be anyone's
        ("ISIS fighters raided the town. Shops shut. Schools closed. Roads emptied. The militants attacked a post.",
         [("Islamic State", "suspected")]),
    ],
)
def test_acts_of_the_militants_point_to_the_group_just_named(
    text: str, expected: list[tuple[str | None, str]]
) -> None:
    assert _pairs(text) == expected


def test_a_branch_speaking_right_after_its_parents_claim_is_the_claimant() -> None:
    text = ("ISIS supporters claimed responsibility for the blast in the city. The loyalists, operating under the name "
            "of Khurasan Province, issued a statement with a picture of the bomber.")
    assert _pairs(text) == [("Islamic State Khorasan Province", "claimed")]


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("The Shabab on Monday claimed responsibility for an attack the day before in the coastal town.", 24.0),
        ("Hasm claimed the bombing. The announcement came a day after the blast.", 24.0),
    ],
)
def test_a_day_before_or_after_is_a_days_delay(text: str, hours: float) -> None:
    claimed = [c for c in _claims(text) if c.delay_hours.known]
    assert claimed and claimed[0].delay_hours.value == hours


@pytest.mark.parametrize(
    "text",
    [
        # "the early hours after the attack" is a time of day; a ministry's statement times no group's claim
        "Hasm claimed the bombing. In the early hours after the attack the ministry had claimed one bomber was caught.",
        "Hasm claimed the bombing. Hours after the attack, a statement by the interior ministry named the dead.",
    ],
)
def test_no_delay_from_times_of_day_or_official_statements(text: str) -> None:
    assert all(not c.delay_hours.known for c in _claims(text))


def test_disavowed_is_a_denial() -> None:
    assert _pairs("A Taliban spokesman disavowed the group's involvement in the blast.") == [("Taliban", "denied")]


def test_a_monitor_of_jihadist_websites_is_not_the_channel() -> None:
    text = "ISIS claimed the church bombing, according to a US group that monitors jihadist websites."
    assert _channels(text) == [("Islamic State", None)]


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("The NSCN-K claimed the ambush and said that the attack was a part of its operation against the army.",
         "directed"),
        ("Hasm claimed the attack. Hasm said in a statement that it had planted a device by the road.", "directed"),
    ],
)
def test_more_directed_link_cues(text: str, link: str) -> None:
    assert _link(text) == link


def test_attacks_feared_are_not_attributed() -> None:
    assert _pairs("The government warned of a wave of retaliatory attacks by al-Shabaab after the strike.") == []
    assert _pairs("Dozens died in attacks by al-Shabaab on the town.") == [("al-Shabaab", "suspected")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Islamic State group's Amaq agency posted a video of two men it said were on their way to the attack.",
         [("Islamic State", "claimed")]),
        # a video posted by anyone else, or one about no attack, is no claim
        ("Police posted a video of the ISIS attack on the checkpoint.", [("Islamic State", "suspected")]),
        ("Amaq released a video of ISIS fighters training in the desert.", []),
    ],
)
def test_a_groups_outlet_publishing_material_about_the_attack(
    text: str, expected: list[tuple[str | None, str]]
) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("Al-Shabaab claimed the bombing. \"We conducted an operation against the apostates,\" Abu Ali, a spokesman "
         "of al-Shabaab, told reporters.", "directed"),
        # an officer's "we" is no cue
        ("Al-Shabaab claimed the bombing. \"We killed five militants,\" an army officer told reporters.", "unclear"),
    ],
)
def test_the_groups_own_we(text: str, link: str) -> None:
    assert _link(text) == link


def test_he_said_right_after_a_groups_claim_speaks_for_the_group() -> None:
    text = (
        "A spokesman for al-Shabaab claimed responsibility for the ambush in a statement. "
        "He also said they had killed three policemen at a checkpoint."
    )
    assert _pairs(text) == [("al-Shabaab", "claimed"), ("al-Shabaab", "claimed")]


def test_he_said_after_an_officials_suspicion_is_no_claim() -> None:
    text = (
        "A police officer blamed al-Shabaab for the ambush. "
        "He also said they had killed three policemen at a checkpoint."
    )
    assert _pairs(text) == [("al-Shabaab", "suspected")]
