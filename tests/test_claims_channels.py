"""Claim channels stay within the evaluation vocabulary (evaluation/claims/README.md)."""

from __future__ import annotations

import pytest

from claimwatch.extract.claims import find_claims
from claimwatch.extract.groups import find_groups
from claimwatch.model import Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work

# The channel names of the README, the only ones a claim may carry.
VOCABULARY = {
    "amaq", "nashir", "al-naba", "shahada", "az-zallaqa", "magazine", "telegram", "twitter", "website", "video",
    "phone_call", "radio", "social_media", "spokesman", "statement",
}


def _channels(text: str) -> list[str | None]:
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    work.mentions.groups = find_groups(work)
    return [c.channel for c in find_claims(work) if c.group]


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Al-Shabaab claimed the ambush in a post on its Facebook page.", "social_media"),
        ("The Taliban claimed the raid on Instagram late on Monday.", "social_media"),
        ("The ELN said in an audio recording that it had carried out the bombing of the pipeline.", "statement"),
        ("Hamas claimed the shooting in an audio message sent to reporters.", "statement"),
    ],
)
def test_networks_and_recordings_take_the_vocabulary_names(text: str, channel: str) -> None:
    assert _channels(text) == [channel]
    assert set(_channels(text)) <= VOCABULARY


def test_a_spokesman_on_social_media_is_still_social_media() -> None:
    # the platform is more specific than the person who spoke on it
    assert _channels("A Taliban spokesman claimed the attack on Facebook.") == ["social_media"]


def _stances(text: str) -> list[tuple[str, str | None]]:
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    work.mentions.groups = find_groups(work)
    return [(c.status, c.channel) for c in find_claims(work) if c.group]


def test_a_denial_takes_no_channel_from_the_groups_own_claim() -> None:
    text = ("The Pakistani Taliban denied any part in the mosque bombing. "
            "On Monday a commander of the TTP had claimed the attack in a Twitter post.")
    assert _stances(text) == [("denied", None), ("claimed", "twitter")]


def test_a_denial_takes_the_channel_of_the_groups_later_words() -> None:
    text = ("The Pakistani Taliban denied any part in the mosque bombing. "
            "On Monday a commander of the TTP had claimed the attack in a Twitter post. "
            "Later a TTP spokesman said in a statement that the group does not target mosques.")
    assert _stances(text) == [("denied", "spokesman"), ("claimed", "twitter")]


def _links(text: str) -> str:
    from claimwatch.extract.claims import find_link
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    work.mentions.groups = find_groups(work)
    return find_link(work, find_claims(work))[0]


def test_the_groups_spokesman_naming_its_men_as_the_doers_is_directed() -> None:
    text = ("A spokesman for Jaish-e-Mohammed told reporters by phone that the ambush was carried out by the "
            "brave fighters of the outfit.")
    assert _links(text) == "directed"


def test_an_officer_naming_the_doers_is_no_link_cue() -> None:
    text = "The police chief said the ambush was carried out by fighters of Jaish-e-Mohammed."
    assert _links(text) == "unclear"


@pytest.mark.parametrize(
    ("text", "channel"),
    [
        ("Le groupe Boko Haram a revendiqué l'attaque sur sa page Facebook.", "social_media"),
        ("Boko Haram a revendiqué l'attaque dans un enregistrement sonore.", "statement"),
    ],
)
def test_french_channels_take_the_vocabulary_names(text: str, channel: str) -> None:
    work = Work(document=Document(text=text, language="fr"))
    work.sentences = split_sentences(text)
    work.mentions.groups = find_groups(work)
    assert [c.channel for c in find_claims(work) if c.group] == [channel]
