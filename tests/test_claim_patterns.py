"""Claim cues, channels, links and delays on hand-written reports (issue 9): the mechanisms, each in its own words."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claimwatch.extract.claims import find_claims
from claimwatch.extract.groups import find_groups
from claimwatch.model import Claim, ClaimMention, Document
from claimwatch.pipeline import extract_document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def _mentions(text: str, published: datetime | None = None) -> list[ClaimMention]:
    work = Work(document=Document(text=text, published=published))
    work.sentences = split_sentences(text)
    work.mentions.groups = find_groups(work)
    return find_claims(work)


def _claims(text: str, published: datetime | None = None) -> list[Claim]:
    extraction = extract_document(Document(text=text, published=published))
    return [c for c in extraction.claims if c.group is not None]


# --------------------------------------------------------------------------- a claim mentioned in passing


PASSING = ("A gunman killed nine people at a concert hall in Lyon on Saturday night. "
           "ISIS claimed the shooting in a statement carried by its Amaq agency on Sunday. "
           "Police said the gunman had acted alone. "
           "In 2019 the group claimed the bombing of a ferry in Marseille that killed two sailors.")


def test_a_claim_in_passing_takes_no_channel_from_the_claim_the_article_is_about() -> None:
    claims = _claims(PASSING)
    main = next(c for c in claims if "Amaq" in c.evidence[0].text)
    assert main.channel == "amaq"
    passing = [c for c in claims if c is not main]
    assert passing
    assert all(c.channel is None for c in passing)


GERMANY = ("A truck drove into a crowd at a fair in Hamburg on Monday, killing eight people. "
           "The Islamic State's Amaq agency said the attack was carried out in response to calls to target "
           "coalition countries. "
           "In July a teenager with an axe wounded four passengers on a train near Bremen. "
           "Daesh later released a video in which the teenager called himself a \"soldier of the caliphate\".")


def test_a_claim_in_passing_reads_its_link_in_its_own_sentences() -> None:
    claims = _claims(GERMANY)
    passing = next(c for c in claims if "video" in c.evidence[0].text)
    assert passing.link == "inspired"
    assert passing.channel == "video"


# --------------------------------------------------------------------------- delays and quoted attack names


def test_an_attack_some_days_ago_in_the_claim_sentence_gives_the_delay() -> None:
    text = ("Al-Shabaab on Friday claimed responsibility for the ambush near Baidoa three days ago, "
            "in which six soldiers died.")
    [mention] = [m for m in _mentions(text) if m.group]
    assert mention.delay_hours.value == 72


def test_a_day_after_another_event_gives_no_delay() -> None:
    text = ("Al-Shabaab claimed the ambush in a statement. "
            "The statement came a day after the interior minister visited the town and promised more troops.")
    assert all(m.delay_hours.value is None for m in _mentions(text))


def test_a_day_after_the_attack_still_gives_the_delay() -> None:
    text = "Al-Shabaab claimed responsibility for the ambush a day after the attack, in a statement."
    assert any(m.delay_hours.value == 24 for m in _mentions(text) if m.group)


def test_days_ago_outside_an_attack_phrase_gives_no_delay() -> None:
    text = "The Taliban claimed the bombing, two weeks after talks ended three days ago."
    assert all(m.delay_hours.value != 72 for m in _mentions(text))


@pytest.mark.parametrize(
    "text",
    [
        'The Islamic State claimed "a blessed attack" on the barracks.',
        "Hamas claimed 'the heroic operation' at the junction.",
    ],
)
def test_a_claimed_attack_may_be_named_in_quotes(text: str) -> None:
    assert [(m.group.name if m.group else None, m.status) for m in _mentions(text)][0][1] == "claimed"


# --------------------------------------------------------------------------- a claim of "another" attack


ANOTHER = ("A bomb killed five people at a bus station in Homs on Thursday. "
           "The Islamic State claimed the bombing on Telegram on Friday. "
           "On Tuesday a roadside bomb killed two soldiers in the city of Hama. "
           "In the same message the group claimed another bomb attack, on an army truck.")


def test_a_claim_of_another_attack_goes_to_another_incident() -> None:
    claims = _claims(ANOTHER, datetime(2024, 3, 9, tzinfo=UTC))
    incidents = {c.incident_id for c in claims}
    assert len(claims) == 2 and len(incidents) == 2
    assert all(c.channel == "telegram" for c in claims)


# --------------------------------------------------------------------------- the parent's regional branch


def test_a_parents_claim_is_its_named_regional_branchs() -> None:
    text = ("Al-Qaeda claimed responsibility for a car bomb that killed nine soldiers at a base in Mukalla on Monday. "
            "US drones have often struck al-Qaeda in the Arabian Peninsula in the province.")
    assert [(c.group.name if c.group else None, c.status) for c in _claims(text)] == [
        ("al-Qaeda in the Arabian Peninsula", "claimed")]


def test_an_affiliate_with_a_name_of_its_own_does_not_take_the_parents_claim() -> None:
    text = ("The Taliban claimed the truck bombing that killed 40 people in Kabul on Saturday. "
            "Analysts say the Haqqani network, an arm of the movement, has long operated near the city.")
    assert ("Taliban", "claimed") in [(c.group.name if c.group else None, c.status) for c in _claims(text)]


def test_hostages_held_by_a_group_make_it_suspected() -> None:
    text = "Soldiers tried on Saturday to free three aid workers, hostages held by al-Shabaab near Kismayo."
    assert [(m.group.name if m.group else None, m.status) for m in _mentions(text)] == [("al-Shabaab", "suspected")]


# --------------------------------------------------------------------------- directed: the group's account of its men


def _link(text: str) -> str:
    return next(m.link for m in _mentions(text) if m.group and m.status == "claimed")


@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram claimed the raid on the barracks and published a picture of the two suicide bombers.",
        "The Islamic State claimed the attack. Its statement revealed the identity of the bomber, a local man.",
        "In a post on its website, al-Shabaab said it was behind the blast and that fighters stormed the hotel.",
        "The Islamic State claimed the bombings on Tuesday, releasing on its channel a photo of four men it named.",
    ],
)
def test_the_group_naming_its_men_or_telling_what_they_did_is_directed(text: str) -> None:
    assert _link(text) == "directed"


@pytest.mark.parametrize(
    "text",
    [
        "The Islamic State claimed the attack. Police later released the photo of the attacker.",
        "The Islamic State claimed the assault as gunmen and suicide bombers killed 20 people at the mall.",
    ],
)
def test_an_officials_picture_or_the_reporters_account_is_no_link_cue(text: str) -> None:
    assert _link(text) == "unclear"


# --------------------------------------------------------------------------- "an attack later claimed by a group"


AWAITED_TEXT = (
    "A soldier stands guard outside the parliament in Baghdad on May 3, 2016, during an attack on the building. "
    "The Islamic State group claimed that assault, in which gunmen killed at least ten people in Baghdad. "
    "Gunmen shot dead a judge in Basra on Friday, police said, in an attack later claimed by a militant group. "
    "The judge had received threats for months. "
    "The Iran-backed militia Kata'ib Hezbollah claimed the attack in a statement on its website."
)


def test_a_claim_goes_to_the_attack_said_to_be_claimed_by_a_group_not_yet_named() -> None:
    claims = _claims(AWAITED_TEXT, datetime(2024, 8, 24, tzinfo=UTC))
    by_group = {c.group.name: c for c in claims if c.group}
    assert by_group["Islamic State"].status == "claimed"
    assert by_group["Kata'ib Hezbollah"].status == "claimed"
    assert by_group["Islamic State"].incident_id != by_group["Kata'ib Hezbollah"].incident_id


# --------------------------------------------------------------------------- "claimed the attacks"


THE_ATTACKS_TEXT = (
    "Three policemen died and nine were wounded when two suicide bombers attacked a police compound in Bannu "
    "district on Thursday. "
    "Earlier, late on Wednesday night, gunmen shot dead two policemen in Peshawar. "
    "The Pakistani Taliban claimed responsibility for the attacks in a statement."
)


def test_a_claim_of_the_attacks_claims_each_attack_told_before_it() -> None:
    claims = _claims(THE_ATTACKS_TEXT, datetime(2024, 5, 10, tzinfo=UTC))
    extraction = extract_document(Document(text=THE_ATTACKS_TEXT, published=datetime(2024, 5, 10, tzinfo=UTC)))
    assert len(extraction.incidents) == 2
    assert {c.incident_id for c in claims} == {i.id for i in extraction.incidents}
    assert all(c.status == "claimed" for c in claims)


def test_a_claim_of_one_attack_stays_on_it() -> None:
    text = THE_ATTACKS_TEXT.replace("for the attacks", "for the bombing")
    assert len(_claims(text, datetime(2024, 5, 10, tzinfo=UTC))) == 1


# --------------------------------------------------------------------------- one family, one account


def test_the_reporters_account_of_the_parents_act_joins_the_branchs_claim() -> None:
    text = ("Islamic State fighters attacked an army checkpoint near Rafah on Friday, killing six soldiers. "
            "Islamic State said on Saturday that fighters of its Sinai Province had attacked the checkpoint.")
    assert [(c.group.name if c.group else None, c.status) for c in _claims(text)] == [
        ("Islamic State Sinai Province", "claimed")]


def test_officials_blaming_the_parent_stay_an_account_of_their_own() -> None:
    text = ("A roadside bomb killed two soldiers in Mukalla on Saturday, a military source said, blaming al-Qaeda. "
            "Al-Qaeda in the Arabian Peninsula claimed the bombing on Twitter.")
    pairs = [(c.group.name if c.group else None, c.status) for c in _claims(text)]
    assert ("al-Qaeda", "suspected") in pairs and ("al-Qaeda in the Arabian Peninsula", "claimed") in pairs


# --------------------------------------------------------------------------- officials are no group's voice


def test_what_officials_claim_is_no_groups_claim() -> None:
    text = ("The Taliban have grown stronger in the south. "
            "Afghan officials claim the bombings in Kandahar are linked to foreign support.")
    assert [m for m in _mentions(text) if m.status == "claimed"] == []


def test_an_officials_spokesman_lends_no_channel_to_the_groups_claim() -> None:
    text = ("The Taliban claimed the ambush that killed 12 soldiers in Helmand on Sunday. "
            "\"The Taliban carried out a complex attack,\" said Major Ann Reed, a NATO military spokesperson.")
    [mention] = [m for m in _mentions(text) if m.status == "claimed"]
    assert mention.channel is None


def test_a_groups_military_spokesman_is_still_its_voice() -> None:
    text = ("Al-Shabaab claimed the car bombing in Mogadishu on Sunday. "
            "\"We conducted an operation,\" Abu Musa, military-operations spokesperson of al-Shabaab, told reporters.")
    assert [m.channel for m in _mentions(text) if m.status == "claimed"][0] == "spokesman"


# --------------------------------------------------------------------------- the incident told best


def test_a_claim_on_an_undated_incident_goes_to_the_dated_one_its_sentence_tells_too() -> None:
    from types import SimpleNamespace

    from claimwatch.model import Evidence, Group, Incident, Place
    from claimwatch.resolve_claims import BEST_TOLD, _move_to_best_told

    text = ("Three soldiers died in an ambush in the district. "
            "The ambush took place at a village near the border on Wednesday. "
            "Claiming the ambush, the front said it was part of its campaign.")
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    undated = SimpleNamespace(incident=Incident(id="i1"), place=None, sentences=[0, 2])
    dated = SimpleNamespace(incident=Incident(id="i2", date="2024-07-03"), place=SimpleNamespace(place=Place("X")),
                            sentences=[1, 2])
    resolver = SimpleNamespace(drafts=[undated, dated])
    third = work.sentences[2]
    claim = Claim(incident_id="i1", group=Group(name="Front"), status="claimed",
                  evidence=[Evidence(text=third.text, start=third.start, end=third.end)])
    [moved] = _move_to_best_told(work, resolver, [claim])  # type: ignore[arg-type]
    assert moved.incident_id == "i2" and BEST_TOLD in moved.trace

    dated.sentences = [1]  # the claim's sentence tells only the undated incident: it stays
    claim.incident_id = "i1"
    assert _move_to_best_told(work, resolver, [claim])[0].incident_id == "i1"  # type: ignore[arg-type]


def test_a_claim_on_a_region_without_a_day_goes_to_the_one_dated_town_of_that_country() -> None:
    from types import SimpleNamespace

    from claimwatch.model import Evidence, Group, Incident, Place
    from claimwatch.resolve_claims import _move_to_best_told

    text = "Militants attacked a convoy in the valley. Six were hurt at Sopore on Thursday. The front claimed it."
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    region = Place("Kashmir", country_code="IN", admin1="Kashmir")
    town = Place("Sopore", country_code="IN", admin1="IN.12", geonameid=1)
    undated = SimpleNamespace(incident=Incident(id="i1"), place=SimpleNamespace(place=region), sentences=[0, 2])
    dated = SimpleNamespace(incident=Incident(id="i2", date="2024-07-04"), place=SimpleNamespace(place=town),
                            sentences=[1])
    third = work.sentences[2]

    def claim() -> Claim:
        return Claim(incident_id="i1", group=Group(name="Front"), status="claimed",
                     evidence=[Evidence(text=third.text, start=third.start, end=third.end)])

    resolver = SimpleNamespace(drafts=[undated, dated])
    assert _move_to_best_told(work, resolver, [claim()])[0].incident_id == "i2"  # type: ignore[arg-type]
    elsewhere = SimpleNamespace(incident=Incident(id="i3", date="2024-07-01"),
                                place=SimpleNamespace(place=Place("Jammu", country_code="IN", geonameid=2)),
                                sentences=[1])
    resolver = SimpleNamespace(drafts=[undated, dated, elsewhere])  # two dated towns: which one is unknown
    assert _move_to_best_told(work, resolver, [claim()])[0].incident_id == "i1"  # type: ignore[arg-type]


# --------------------------------------------------------------------------- suspicions


def _pairs(text: str) -> list[tuple[str | None, str]]:
    return [(m.group.name if m.group else None, m.status) for m in _mentions(text)]


def test_members_trying_to_do_something_who_attacked_are_the_groups_act() -> None:
    assert _pairs("Boko Haram fighters trying to reach the market attacked a checkpoint on Monday.") == [
        ("Boko Haram", "suspected")]


def test_fighters_who_fled_when_troops_attacked_are_no_act_of_theirs() -> None:
    assert _pairs("Boko Haram fighters trying to flee when troops attacked were caught.") == []


def test_a_group_that_could_not_be_ruled_out_is_suspected() -> None:
    text = "The prosecutor said former members of the FARC who reject the peace deal could not be ruled out."
    assert _pairs(text) == [("FARC dissidents", "suspected")]


def test_an_abbreviation_in_parentheses_restates_the_fuller_name() -> None:
    text = ("Police said former members of the Revolutionary Armed Forces of Colombia (FARC) could not be ruled "
            "out.")
    assert _pairs(text) == [("FARC dissidents", "suspected")]


# --------------------------------------------------------------------------- channels in other languages


def _channels_in(text: str, language: str) -> list[str | None]:
    work = Work(document=Document(text=text, language=language))
    work.sentences = split_sentences(text)
    work.mentions.groups = find_groups(work)
    return [m.channel for m in find_claims(work) if m.group]


@pytest.mark.parametrize(
    ("text", "language", "channel"),
    [
        ("Die Taliban bekannten sich auf Twitter zu dem Anschlag auf die Polizeiwache.", "de", "twitter"),
        ("أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم في تغريدة على تويتر.", "ar", "twitter"),
        ("أعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجوم في تسجيل مصور.", "ar", "video"),
    ],
)
def test_platforms_named_in_german_and_arabic(text: str, language: str, channel: str) -> None:
    assert _channels_in(text, language) == [channel]


# --------------------------------------------------------------------------- the place named after the cue


OBJECT = ("A suicide bomber killed 14 people at a bus station in Kabul on Monday. "
          "The Islamic State claimed the bombing on Tuesday. "
          "It was the worst attack in Kabul since the group claimed the bombing of a wedding hall in Herat in 2019.")


def test_a_claim_sentence_of_two_incidents_claims_the_one_named_after_its_cue() -> None:
    extraction = extract_document(Document(text=OBJECT, published=datetime(2024, 3, 12, tzinfo=UTC)))
    places = {i.id: i.place.name if i.place else None for i in extraction.incidents}
    claimed = sorted((places[c.incident_id or ""] or "")[:3] for c in extraction.claims if c.group)
    assert claimed == ["Her", "Kab"]  # the gazetteer writes Herāt


# --------------------------------------------------------------------------- a claim of another day's attack


OTHER_DAY_TEXT = ("Gunmen killed two soldiers at a checkpoint in Kirkuk on Tuesday, officials said. "
                  "Islamic State on Tuesday claimed responsibility for an attack on a police post in Kirkuk late on "
                  "Sunday that killed four policemen.")


def test_a_claim_of_an_attack_on_another_day_stays_off_the_days_incident() -> None:
    extraction = extract_document(Document(text=OTHER_DAY_TEXT, published=datetime(2024, 5, 8, 12, tzinfo=UTC)))
    dated = {i.id: i.date for i in extraction.incidents}
    claims = [c for c in extraction.claims if c.status == "claimed"]
    assert claims and all(dated.get(c.incident_id or "") != "2024-05-07" for c in claims)


def test_a_day_tied_to_something_else_is_not_the_claimed_attacks() -> None:
    text = ("Gunmen killed two soldiers at a checkpoint in Kirkuk on Tuesday, officials said. "
            "Islamic State claimed the attack in Kirkuk, two days after a raid on Sunday.")
    extraction = extract_document(Document(text=text, published=datetime(2024, 5, 8, 12, tzinfo=UTC)))
    dated = {i.id: i.date for i in extraction.incidents}
    assert [dated.get(c.incident_id or "") for c in extraction.claims if c.status == "claimed"] == ["2024-05-07"]


def test_the_day_of_the_claim_itself_is_not_the_attacks() -> None:
    text = ("Islamic State claimed responsibility on Thursday for an attack on an army post near Rafah that killed "
            "three soldiers on Tuesday.")
    extraction = extract_document(Document(text=text, published=datetime(2024, 5, 10, 9, tzinfo=UTC)))
    [incident] = extraction.incidents
    assert [c.incident_id for c in extraction.claims if c.group] == [incident.id]


def test_a_quotation_right_after_the_groups_spokesman_is_his_voice() -> None:
    text = ("Al-Shabaab claimed the bombing of the convoy near Afgoye. "
            "The al-Shabaab spokesman said the target was a foreign commander. "
            "\"We succeeded in killing him and two of his guards.\"")
    assert _link(text) == "directed"


def test_a_quotation_after_a_police_spokesman_is_not_the_groups() -> None:
    text = ("Al-Shabaab claimed the bombing of the convoy near Afgoye. "
            "A police spokesman said al-Shabaab fighters had fled. "
            "\"We killed five of them in the forest.\"")
    assert _link(text) == "unclear"


def test_an_earlier_attack_claimed_by_the_group_in_passing_stands_apart() -> None:
    text = ("A truck bomb killed 20 people at a market in Mogadishu on Saturday, police said. "
            "In 2019, a similar bombing at a hotel in the city was also claimed by al-Shabaab.")
    extraction = extract_document(Document(text=text, published=datetime(2024, 5, 12, tzinfo=UTC)))
    main = extraction.incidents[0]
    assert main.date == "2024-05-11"
    assert all(c.incident_id != main.id for c in extraction.claims if c.group)


def test_the_day_of_the_claims_statement_is_not_the_attacks() -> None:
    from claimwatch.extract.claims import claimed_attack_day
    from claimwatch.pipeline import default_pipeline

    def day_of(text: str) -> tuple[str, str] | None:
        work = default_pipeline().run(Document(text=text, published=datetime(2024, 5, 10, 12, tzinfo=UTC)))
        [mention] = [m for m in work.mentions.claims if m.group]
        return claimed_attack_day(work, mention)

    assert day_of("Islamic State claimed the attack in Kirkuk in a statement on Thursday.") is None
    assert day_of("Islamic State claimed the attack on a police post in Kirkuk late on Sunday.") == (
        "2024-05-05", "day")


def test_claims_of_a_multitude_of_bombings_are_background() -> None:
    text = ("Washington listed al-Shabaab in 2008, noting the group's claims of responsibility for a multitude of "
            "bombings.")
    assert [m for m in _mentions(text) if m.status == "claimed"] == []
