"""Claims of responsibility, denials, suspicions, channels, links and delays (hand-written articles)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from claimwatch.extract.claims import find_claims, find_unclaimed_statements, resolve_day
from claimwatch.extract.groups import find_groups
from claimwatch.model import ClaimMention, Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def _work(text: str, published: datetime | None = None) -> Work:
    work = Work(document=Document(text=text, published=published))
    work.sentences = split_sentences(text)
    return work


def _claims(text: str, published: datetime | None = None) -> list[ClaimMention]:
    work = _work(text, published)
    work.mentions.groups = find_groups(work)
    return find_claims(work)


def _pairs(text: str) -> list[tuple[str | None, str]]:
    return [(c.group.name if c.group else None, c.status) for c in _claims(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Taliban claimed responsibility for the ambush.", [("Taliban", "claimed")]),
        ("Al-Shabaab claimed the bombing in a radio broadcast.", [("al-Shabaab", "claimed")]),
        ("Boko Haram said it carried out the raid on the barracks.", [("Boko Haram", "claimed")]),
        ("Responsibility for the blast was claimed by the Pakistani Taliban.",
         [("Tehrik-i-Taliban Pakistan", "claimed")]),
        ("ISWAP took responsibility for the ambush near the lake.",
         [("Islamic State West Africa Province", "claimed")]),
        ("Hamas denied any involvement in the shooting.", [("Hamas", "denied")]),
        ("The TTP said it had nothing to do with the market blast.", [("Tehrik-i-Taliban Pakistan", "denied")]),
        ("Hezbollah distanced itself from the rocket fire.", [("Hezbollah", "denied")]),
        ("Police blamed the BLA for the attack on the convoy.", [("Balochistan Liberation Army", "suspected")]),
        ("Officials said suspected ADF militants killed ten villagers.", [("Allied Democratic Forces", "suspected")]),
        ("The attack bears the hallmarks of al-Qaeda.", [("al-Qaeda", "suspected")]),
        ("ISIS claimed the attack, while the Taliban denied any role.",
         [("Islamic State", "claimed"), ("Taliban", "denied")]),
        ("Both ISIS and the Taliban claimed the attack.", [("Islamic State", "disputed"), ("Taliban", "disputed")]),
        ("The Taliban and ISIS made competing claims of responsibility for the attack.",
         [("Taliban", "disputed"), ("Islamic State", "disputed")]),
        ("The bombing claimed the lives of 12 people in Kabul.", []),
        ("The violence has claimed over 20,000 lives since 2009.", []),
        ("Police said a gunman carried out the attack alone.", []),
        ("No group has claimed responsibility for the attack.", []),
        ("ISIS has not claimed the attack.", []),
    ],
)
def test_status_and_group(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _pairs(text) == expected


def test_competing_claim_both_groups_are_disputed() -> None:
    pairs = _pairs("ISIS claimed the bombing, but the Taliban made a rival claim hours later.")
    assert ("Islamic State", "disputed") in pairs


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed responsibility for the attack.",
        "No group ever claimed responsibility for the blast.",
        "No one has yet claimed the bombing.",
        "There was no immediate claim of responsibility.",
        "The attack has not yet been claimed.",
        "It was not immediately clear who was behind the shooting.",
    ],
)
def test_unclaimed_statements(text: str) -> None:
    work = _work("Gunmen attacked a checkpoint. " + text)
    assert find_unclaimed_statements(work) == [1]
    work.mentions.groups = find_groups(work)
    assert all(c.status != "claimed" for c in find_claims(work))


def test_unclaimed_with_suspect_in_same_sentence() -> None:
    pairs = _pairs("No group ever claimed the 2009 bombing, although two men from Lashkar-e-Jhangvi were charged.")
    assert pairs == [("Lashkar-e-Jhangvi", "suspected")]


def test_anaphor_resolves_to_most_recent_group() -> None:
    text = (
        "Al-Shabaab fighters stormed a hotel in Mogadishu on Friday. "
        "The group, which also claimed responsibility for a hotel siege last year, said the raid was revenge."
    )
    claims = [c for c in _claims(text) if c.status != "suspected"]  # sentence 0 names the raid as theirs
    assert [(c.group.name if c.group else None, c.sentence) for c in claims] == [("al-Shabaab", 1)]


def test_relative_clause_does_not_steal_the_subject() -> None:
    text = ("Pakistan's Taliban, which has grown stronger since the Taliban took Kabul, said it had nothing to do "
            "with the bombing.")
    assert _pairs(text) == [("Tehrik-i-Taliban Pakistan", "denied")]


def test_group_statement_with_possessive_subject() -> None:
    text = (
        "Islamic State claimed the shooting on Sunday. "
        "A statement on the group's news outlet said a unit of its fighters had carried out the operation."
    )
    claims = _claims(text)
    # the first claim takes the channel of the group's statement in the next sentence ("the group's" points back)
    assert [(c.group.name if c.group else None, c.channel) for c in claims] == [
        ("Islamic State", "statement"),
        ("Islamic State", "statement"),
    ]


@pytest.mark.parametrize(
    ("sentence", "channel"),
    [
        ("ISIS claimed the attack through its Amaq news agency.", "amaq"),
        ("ISIS claimed the attack in its weekly al-Naba newsletter.", "al-naba"),
        ("ISIS claimed the attack on Telegram.", "telegram"),
        ("AQAP claimed the attack in its Inspire magazine.", "magazine"),
        ("The Taliban claimed responsibility on Twitter.", "twitter"),
        ("The BLA claimed responsibility in a video released online.", "video"),
        ("The IRA claimed the bombing in a telephone call to a Belfast newspaper.", "phone_call"),
        ("The PKK claimed the attack on its website.", "website"),
        ("A Taliban spokesman claimed responsibility for the attack.", "spokesman"),
        ("ETA claimed the bombing in a statement.", "statement"),
        ("Hamas claimed the attack.", None),
    ],
)
def test_channel(sentence: str, channel: str | None) -> None:
    [claim] = _claims(sentence)
    assert claim.channel == channel


@pytest.mark.parametrize(
    ("text", "link", "cue"),
    [
        ("ISIS claimed the stabbing. Its Amaq agency cited a security source.", "inspired",
         "cited a security source"),
        ("ISIS's Amaq agency said a soldier of the caliphate carried out the stabbing.", "inspired",
         "soldier of the caliphate"),
        ("ISIS claimed the attack. The attacker had answered calls to target coalition countries, it said.",
         "inspired", "answered calls to"),
        ("ISIS said a detachment of its fighters carried out the attack on the checkpoint.", "directed", "detachment"),
        ("ISIS claimed the raid, calling it a martyrdom operation.", "directed", "martyrdom operation"),
        ("ISIS claimed the attack. Analysts said there was no indication that ISIS directed the attacker.",
         "inspired", "no indication that ISIS directed"),
        ("The Taliban claimed the ambush.", "unclear", None),
    ],
)
def test_link(text: str, link: str, cue: str | None) -> None:
    claims = [c for c in _claims(text) if c.group is not None]
    assert claims and all(c.link == link for c in claims)
    assert claims[0].link_cue == cue


def test_interpretive_cues_outweigh_one_directed_word() -> None:
    text = (
        "ISIS claimed the attack through Amaq. The statement said a detachment of its fighters carried it out. "
        "Amaq's statement quoted sources, wording used for attacks it inspired rather than directed."
    )
    assert {c.link for c in _claims(text) if c.group} == {"inspired"}


def test_sources_alone_is_not_inspired_outside_islamic_state_context() -> None:
    text = "The Taliban claimed the ambush, officials said citing security sources."
    assert _claims(text)[0].link == "unclear"


@pytest.mark.parametrize(
    ("sentence", "low", "high", "value"),
    [
        ("The claim came a little more than 24 hours after the attack.", 24, None, None),
        ("Amaq published the claim two days later.", None, None, 48),
        ("ISIS claimed the attack within hours.", None, 12, None),
        ("ISIS claimed the attack less than six hours after the blast.", None, 6, None),
        ("The claim came several hours after the attack.", 2, 12, None),
        ("The group's statement came the next day.", None, None, 24),
        ("The Taliban immediately claimed responsibility.", None, 3, None),
    ],
)
def test_delay(sentence: str, low: float | None, high: float | None, value: float | None) -> None:
    claims = _claims("ISIS fighters attacked a checkpoint. " + sentence)
    delays = [c.delay_hours for c in claims if c.delay_hours.known]
    assert delays, claims
    assert (delays[0].min, delays[0].max, delays[0].value) == (low, high, value)


def test_delay_without_group_gives_group_none_mention() -> None:
    text = (
        "ISIS claimed the rampage. "
        "The claim, coming more than 30 hours after the rampage, was slower than the usual 12 to 15 hours."
    )
    claims = _claims(text)
    timing = [c for c in claims if c.sentence == 1]
    assert len(timing) == 1 and timing[0].group is None and timing[0].delay_hours.min == 30


def test_usual_delay_is_not_read_as_the_delay() -> None:
    text = "ISIS claimed the attack. The group typically takes around 12 to 15 hours to claim attacks."
    assert all(not c.delay_hours.known for c in _claims(text))


def test_no_delay_without_claim_context() -> None:
    text = "ISIS fighters attacked the town. Police arrived two hours later."
    assert [(c.status, c.delay_hours.known) for c in _claims(text)] == [("suspected", False)]


def test_wording_prefers_a_quote() -> None:
    text = (
        '"Our brave fighters carried out the blessed attack on the crusaders," '
        "the Islamic State said in a statement."
    )
    [claim] = _claims(text)
    assert claim.group and claim.group.name == "Islamic State"
    assert claim.wording == "Our brave fighters carried out the blessed attack on the crusaders"
    assert claim.link == "directed"


def test_claimed_at_from_weekday_and_publication() -> None:
    text = "The attack was carried out by a soldier of the IS, the IS outlet Amaq wrote Saturday evening."
    [claim] = _claims(text, published=datetime(2021, 6, 14, 9))  # a Monday
    assert claim.claimed_at == "2021-06-12"
    assert claim.channel == "amaq"


def test_claimed_at_needs_publication_date() -> None:
    [claim] = _claims("ISIS claimed responsibility on Sunday for the attack.")
    assert claim.claimed_at is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [("today", date(2021, 6, 14)), ("yesterday", date(2021, 6, 13)), ("Monday", date(2021, 6, 14)),
     ("Sunday", date(2021, 6, 13)), ("Tuesday", date(2021, 6, 8))],
)
def test_resolve_day(word: str, expected: date) -> None:
    assert resolve_day(word, date(2021, 6, 14)) == expected


def test_offsets_point_at_the_cue() -> None:
    text = "Markets reopened. Jaish-e-Mohammed claimed responsibility for the convoy attack."
    [claim] = _claims(text)
    assert text[claim.start : claim.end] == claim.text == "claimed responsibility"
    assert claim.sentence == 1


# Reported claims whose verb phrase carries its medium before "that", and the group's men as the actors.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ELN commander said in an audio message on Friday that the group was holding two engineers.",
         [("National Liberation Army (Colombia)", "claimed")]),
        ("A Hamas official told a television channel on Monday that its fighters had ambushed the patrol.",
         [("Hamas", "claimed")]),
        ("Hezbollah announced on its television station on Sunday its responsibility for the rocket fire.",
         [("Hezbollah", "claimed")]),
        ("Police said the group was holding the captives in a forest camp.", []),
    ],
)
def test_claim_reported_with_medium_before_that(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ELN said on its website that it had no connection with the kidnapping.",
        "Hamas, in whose name the leaflet was printed, stated in a communique that it had no role in the shooting.",
    ],
)
def test_denial_reported_with_medium_before_that(text: str) -> None:
    assert [status for _, status in _pairs(text)] == ["denied"]


def test_an_official_finding_no_link_is_no_denial() -> None:
    assert _pairs("Police said in a briefing that no link to ISIS had been found.") == []


def test_relative_clause_led_by_a_preposition_does_not_steal_the_subject() -> None:
    text = "The IRA, from which the Real IRA broke away, said in a statement that it had no involvement in the blast."
    assert _pairs(text) == [("Provisional IRA", "denied")]


def test_soldier_of_the_caliphate_said_by_amaq_is_a_claim() -> None:
    text = 'The man who stabbed two guards was "a soldier of the caliphate", the Islamic State outlet Amaq reported.'
    claims = _claims(text)
    assert [(c.group.name if c.group else None, c.status, c.channel) for c in claims] == [
        ("Islamic State", "claimed", "amaq")
    ]


def test_soldier_of_the_caliphate_without_an_outlet_is_no_claim() -> None:
    assert _claims('Prosecutors said the man saw himself as "a soldier of the caliphate".') == []


def test_the_claim_as_a_noun_is_not_a_claim_verb() -> None:
    text = "ISIS militants opened fire on the convoy. The claim came hours after the shooting."
    assert [(c.group, c.sentence) for c in _claims(text)] == [(None, 1)]  # a timing mention, no claim by ISIS


@pytest.mark.parametrize(
    "sentence",
    [
        "The statement said fighters of the group had raided the outpost.",
        "It said the organisation's soldiers had shelled the base.",
    ],
)
def test_the_group_speaking_of_its_men_is_directed(sentence: str) -> None:
    claims = [c for c in _claims("ISWAP claimed the attack. " + sentence) if c.group]
    assert claims and {c.link for c in claims} == {"directed"}


def test_a_group_named_army_is_a_speaker_not_an_official() -> None:
    assert _pairs("The Baloch Liberation Army said in a message that it had carried out the raid.") == [
        ("Balochistan Liberation Army", "claimed")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hamas said it ambushed the convoy near the crossing.",
        "The PKK said in an email that the organisation's Amed battalion had blown up the pipeline.",
        "ISWAP said three of its members had stormed the barracks.",
        'ISIS claimed the raid. The statement said "brothers of the Islamic State" had raided the depot.',
        "Al-Shabaab said a cell of its fighters had bombed the checkpoint.",
        "The Taliban told a news agency by phone that its men had overrun the district centre.",
    ],
)
def test_the_group_doing_the_attack_itself_is_directed(text: str) -> None:
    claims = [c for c in _claims(text) if c.group]
    assert claims and {(c.status, c.link) for c in claims} == {("claimed", "directed")}


def test_claim_with_its_medium_between_verb_and_object() -> None:
    text = "The Houthis claimed on their television channel, late on Friday, the drone strike on the tanker."
    assert _pairs(text) == [("Houthis", "claimed")]


def test_soldier_of_the_caliphate_in_an_anaphoric_outlet_sentence() -> None:
    text = (
        "Islamic State claimed the stabbing in Nice. "
        'The group\'s Amaq agency called the attacker "a soldier of the caliphate".'
    )
    claims = _claims(text)
    # the outlet named in the second sentence is the channel of the claim in the first one too
    assert [(c.group.name if c.group else None, c.sentence, c.channel) for c in claims] == [
        ("Islamic State", 0, "amaq"),
        ("Islamic State", 1, "amaq"),
    ]
    assert {c.link for c in claims} == {"inspired"}


def test_a_passive_killing_in_a_group_report_is_no_claim() -> None:
    text = "The FMLN communique added that an army officer was killed in the clash."
    assert all(c.status != "claimed" for c in _claims(text))


def test_two_groups_in_one_sentence_keep_their_own_channels() -> None:
    text = (
        "Hamas claimed the shooting on its website, while Islamic Jihad said in a Telegram message that "
        "its fighters had attacked the settlement too."
    )
    assert [(c.group.name if c.group else None, c.channel) for c in _claims(text)] == [
        ("Hamas", "website"),
        ("Palestinian Islamic Jihad", "telegram"),
    ]


def test_anaphor_skips_a_group_named_inside_a_relative_clause() -> None:
    text = (
        "The Resistance Front, which analysts link to the banned Lashkar-e-Taiba, claimed the ambush. "
        "Later the group denied any role."
    )
    assert _pairs(text) == [("The Resistance Front", "claimed"), ("The Resistance Front", "denied")]


def test_a_security_source_quoted_by_the_reporter_is_no_link_cue() -> None:
    text = (
        "A security source said gunmen attacked the village. "
        "ISIS claimed the attack through Amaq and said its fighters had targeted a militia post."
    )
    assert {c.link for c in _claims(text) if c.group} == {"directed"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker's side before "suspected" is not the suspect; the branch named in apposition is
        ("Taliban officials said they suspected the local affiliate of Islamic State, known as Islamic State "
         "Khorasan Province, of the bombing.", [("Islamic State Khorasan Province", "suspected")]),
        ("Hamas officials suspected ISIS of the stabbing.", [("Islamic State", "suspected")]),
        ("A faction of the TTP was suspected.", [("Tehrik-i-Taliban Pakistan", "suspected")]),
        # an investigation into whether a group was responsible
        ("Army officers said they were probing whether members of the Maute group were behind the blast.",
         [("Maute group", "suspected")]),
        ("Police were checking whether Abu Sayyaf was responsible for the kidnapping.", [("Abu Sayyaf", "suspected")]),
    ],
)
def test_suspect_is_the_object_of_the_suspicion(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _pairs(text) == expected


def test_parent_claim_then_its_branch_is_one_claim_of_the_branch() -> None:
    text = ("Islamic State claimed the raid on Tuesday. Its statement said fighters of the group's West Africa "
            "Province had stormed the barracks.")
    assert _pairs(text) == [("Islamic State West Africa Province", "claimed"),
                            ("Islamic State West Africa Province", "claimed")]
    # a branch named much later speaks of another attack: the parent keeps its own claim
    far = ("Islamic State claimed the raid on Tuesday. Troops later retook the town. Roads were closed. Schools shut."
           " Islamic State West Africa Province claimed a separate ambush.")
    assert [g for g, _ in _pairs(far)] == ["Islamic State", "Islamic State West Africa Province"]


def test_denial_takes_the_channel_the_group_speaks_through_in_the_next_sentence() -> None:
    text = ('The TTP denied involvement. "We do not attack schools," TTP spokesman Ali Khan said in a statement.')
    assert [(c.status, c.channel) for c in _claims(text)] == [("denied", "statement")]
    text = "Hamas denied any role. A Hamas official told reporters by phone it was a lie."
    assert [(c.status, c.channel) for c in _claims(text)] == [("denied", "phone_call")]
    # another group speaking next says nothing of this denial's channel
    text = "Hamas denied any role. Hezbollah said in a statement that it welcomed the denial."
    assert [(c.group.name if c.group else None, c.channel) for c in _claims(text)][0] == ("Hamas", None)


def test_timing_sentence_whose_subject_is_the_claim_just_named() -> None:
    claims = _claims("ISWAP claimed the raid through Amaq. It came about 30 hours after the attack.")
    assert [(c.group.name if c.group else None, c.delay_hours.value) for c in claims] == [
        ("Islamic State West Africa Province", None), (None, 30.0)]
    assert _claims("Soldiers retook the town. It came about 30 hours after the attack.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the writer or an official names the act as a group's: a suspicion
        ("Three guards were hurt in an ISIS attack on the depot late on Monday.", [("Islamic State", "suspected")]),
        ("Two clerks died when a Taliban rocket struck the district office.", [("Taliban", "suspected")]),
        ("The villages were emptied by raids carried out by Boko Haram, the governor said.",
         [("Boko Haram", "suspected")]),
        ("The navy said Abu Sayyaf could be behind the blast at the pier.", [("Abu Sayyaf", "suspected")]),
        ("The police are still investigating who was behind the attack by Hamas gunmen.", [("Hamas", "suspected")]),
        # a general's account of the raid is no claim by the group he names
        ("Brig Gen Okello said a band of ADF rebels attacked the school at night.",
         [("Allied Democratic Forces", "suspected")]),
    ],
)
def test_attributions_by_others_are_suspicions(text: str, expected: list[tuple[str, str]]) -> None:
    assert _pairs(text) == expected


def test_a_group_that_denies_in_a_sentence_is_not_suspected_there() -> None:
    assert _pairs("The LeT denied attacking the convoy and blamed it on the security forces.") == [
        ("Lashkar-e-Taiba", "denied")
    ]


def test_a_person_who_denies_ties_to_a_group_is_no_denial_by_the_group() -> None:
    assert _pairs("The candidate has denied having any link with the Shining Path.") == []
    assert _pairs("Denying any role in the ambush, the Shining Path blamed the army.") == [("Shining Path", "denied")]


def test_claimed_that_the_attack_was_done_by_others_is_no_claim() -> None:
    text = "Denying involvement in the blast, the Taliban claimed that the bombing was the work of foreign forces."
    assert _pairs(text) == [("Taliban", "denied")]


def test_channel_named_where_the_group_speaks_elsewhere() -> None:
    text = (
        "Al-Shabaab claimed the bombing of the hotel. "
        "The guards at the gate fired at the car. "
        "In a post on its Telegram channel, al-Shabaab said five of its fighters took part."
    )
    assert [(c.sentence, c.channel) for c in _claims(text) if c.sentence == 0] == [(0, "telegram")]
    # another group's channel is not taken
    text = "Hamas claimed the rocket attack. Islamic Jihad said on Telegram that it had fired too."
    assert [(c.group.name if c.group else None, c.channel) for c in _claims(text)][0] == ("Hamas", None)
