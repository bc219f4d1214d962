"""One claim sentence that names the places of several incidents claims each (hand-built inputs)."""

from __future__ import annotations

from claimwatch.claim_incidents import SEVERAL, IncidentPlaces, incidents_named, spread_over_incidents
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
