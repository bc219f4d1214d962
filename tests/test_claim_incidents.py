"""One claim sentence that names the places of several incidents claims each (hand-built inputs)."""

from __future__ import annotations

from claimwatch.claim_incidents import COVERS_ACTS, SEVERAL, IncidentPlaces, incidents_named, spread_over_incidents
from claimwatch.model import Claim, ClaimMention, Evidence, Group, Place, PlaceMention, Sentence

TEXT = ("A bomb hit a market in Tikrit. Gunmen raided a checkpoint in Baiji. "
        "The group claimed the attacks in Tikrit and Baiji on its channel.")


def _sentences() -> list[Sentence]:
    sentences, start = [], 0
    for index, part in enumerate(TEXT.split(". ")):
        text = part if part.endswith(".") else part + "."
        sentences.append(Sentence(index=index, start=start, end=start + len(text), text=text))
        start += len(text) + 1
    return sentences


def _place(name: str, sentence: Sentence) -> PlaceMention:
    start = sentence.start + sentence.text.index(name)
    return PlaceMention(start=start, end=start + len(name), text=name, sentence=sentence.index,
                        place=Place(name=name))


def _inputs() -> tuple[list[Sentence], dict[int, list[PlaceMention]], list[IncidentPlaces]]:
    sentences = _sentences()
    places = {2: [_place("Tikrit", sentences[2]), _place("Baiji", sentences[2])]}
    incidents = [IncidentPlaces("i1", "Tikrit", frozenset({0})), IncidentPlaces("i2", "Baiji", frozenset({1}))]
    return sentences, places, incidents


def test_places_of_two_incidents_in_a_plural_claim() -> None:
    sentences, places, incidents = _inputs()
    assert incidents_named(2, places[2], sentences, incidents) == ["i1", "i2"]


def test_the_claim_is_copied_to_the_other_incident() -> None:
    sentences, places, incidents = _inputs()
    group = Group(name="Islamic State")
    evidence = Evidence(text=sentences[2].text, start=sentences[2].start, end=sentences[2].end)
    claim = Claim(incident_id="i1", group=group, channel="telegram", evidence=[evidence], trace=["en.claim"])
    mention = ClaimMention(start=sentences[2].start, end=sentences[2].end, text="claimed", sentence=2, group=group,
                           status="claimed")
    spread = spread_over_incidents([claim], [mention], sentences, places, incidents, lambda i: evidence)
    assert [(c.incident_id, c.channel) for c in spread] == [("i1", "telegram"), ("i2", "telegram")]
    assert spread[1].trace[-1] == SEVERAL and claim.trace == ["en.claim"]


def test_a_place_named_for_something_else_is_not_an_attack_place() -> None:
    sentences = _sentences()
    text = "The group claimed the attacks in Tikrit in revenge for the presence of troops in Baiji."
    sentence = Sentence(index=2, start=sentences[2].start, end=sentences[2].start + len(text), text=text)
    sentences[2] = sentence
    places = [_place("Tikrit", sentence), _place("Baiji", sentence)]
    incidents = [IncidentPlaces("i1", "Tikrit", frozenset({0})), IncidentPlaces("i2", "Baiji", frozenset({1}))]
    assert incidents_named(2, places, sentences, incidents) == ["i1"]


def test_a_retracted_claim_keeps_the_channel_of_its_denial() -> None:
    from claimwatch.model import Document
    from claimwatch.pipeline import extract_document

    text = ("A suicide bomber killed 30 people at a mosque in Peshawar on Monday. In a Twitter post, a TTP commander "
            "claimed responsibility for the bombing. Hours later a TTP spokesman distanced the group from the bombing.")
    claims = [c for c in extract_document(Document(text=text)).claims if c.group is not None]
    assert [(c.group.name if c.group else None, c.status, c.channel) for c in claims] == [
        ("Tehrik-i-Taliban Pakistan", "denied", "spokesman")
    ]


# --------------------------------------------------------------------------- a plural claim covers told acts

ACTS = ("The Moro fighters claimed responsibility for the raids on army camps this week. "
        "Three soldiers were hurt when the group's gunmen fired on a camp in the hills.")


def _acts(act_trace: list[str], act_day: str | None) -> list[Claim]:
    first, second = ACTS.split(". ")
    sentences = [Sentence(index=0, start=0, end=len(first) + 1, text=first + "."),
                 Sentence(index=1, start=len(first) + 2, end=len(ACTS), text=second)]
    group = Group(name="Moro Front")
    claim_evidence = Evidence(text=sentences[0].text, start=0, end=sentences[0].end)
    act_evidence = Evidence(text=sentences[1].text, start=sentences[1].start, end=sentences[1].end)
    claimed = Claim(incident_id="i1", group=group, channel="spokesman", link="directed", evidence=[claim_evidence])
    act = Claim(incident_id="i2", group=group, status="suspected", evidence=[act_evidence], trace=act_trace)
    mentions = [ClaimMention(start=0, end=10, text="claimed", sentence=0, group=group, status="claimed"),
                ClaimMention(start=sentences[1].start, end=sentences[1].end, text="fired", sentence=1, group=group,
                             status="suspected")]
    incidents = [IncidentPlaces("i1", None, frozenset({0}), "2024-03-04"),
                 IncidentPlaces("i2", None, frozenset({1}), act_day)]
    return spread_over_incidents([claimed, act], mentions, sentences, {}, incidents, lambda i: claim_evidence)


def test_a_plural_claim_takes_over_an_act_told_as_the_groups() -> None:
    claims = _acts(["claims.3.attributed-act"], "2024-03-02")
    assert [(c.incident_id, c.status, c.channel, c.link) for c in claims] == [
        ("i1", "claimed", "spokesman", "directed"), ("i2", "claimed", "spokesman", "directed")]
    assert claims[1].trace[-1] == COVERS_ACTS


def test_an_officials_suspicion_or_an_old_act_stays_a_suspicion() -> None:
    assert _acts(["en.claim.blamed"], "2024-03-02")[1].status == "suspected"
    assert _acts(["claims.3.attributed-act"], "2023-03-02")[1].status == "suspected"
    assert _acts(["claims.3.attributed-act"], None)[1].status == "suspected"


def test_a_suspicion_of_several_attacks_covers_each_incident_of_that_day() -> None:
    from claimwatch.pipeline import extract

    text = (
        "Nine died on Monday in several raids that officials blamed on ADF rebels in North Kivu province of "
        "the Democratic Republic of Congo, officials said. Rebels shot dead six farmers near Beni on Monday. "
        "Separately, gunmen killed three traders in Butembo on Monday."
    )
    result = extract(text, published="2023-05-02T09:00:00")
    suspected = {c.incident_id for c in result.claims if c.status == "suspected"}
    assert suspected == {i.id for i in result.incidents} and len(result.incidents) >= 2
    assert any("claims.incidents.plural-suspicion" in c.trace for c in result.claims)


def test_a_suspicion_of_one_attack_covers_no_other_incident() -> None:
    from claimwatch.pipeline import extract

    text = (
        "Six farmers were killed near Beni in the Democratic Republic of Congo on Monday in an attack attributed "
        "to ADF rebels, officials said. Separately, gunmen killed three traders in Butembo on Monday."
    )
    result = extract(text, published="2023-05-02T09:00:00")
    assert len({c.incident_id for c in result.claims}) == 1
