"""Direct quotations: speaker, affiliation, continuation (hand-written articles)."""

from __future__ import annotations

import pytest

from claimwatch.extract.groups import find_groups
from claimwatch.extract.quotes import find_quotes
from claimwatch.model import Document, Quote
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


def _quotes(text: str) -> list[Quote]:
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    work.mentions.groups = find_groups(work)
    return find_quotes(work)


@pytest.mark.parametrize(
    ("text", "speaker", "affiliation", "quoted"),
    [
        (
            "“This is a familiar playbook for the group,” said Maria Okafor, a senior analyst at Crisis Desk, "
            "a risk consultancy in Lagos.",
            "Maria Okafor", "Crisis Desk", "This is a familiar playbook for the group",
        ),
        (
            '"We heard two loud blasts near the gate," a police officer told Reuters.',
            "police officer", None, "We heard two loud blasts near the gate",
        ),
        (
            'The governor said: "We will not be intimidated by these cowards."',
            "governor", None, "We will not be intimidated by these cowards.",
        ),
        (
            '"The attack on worshippers is a cowardly act," the interior ministry said in a statement.',
            "interior ministry", None, "The attack on worshippers is a cowardly act",
        ),
        (
            '"Four soldiers were killed in the clash," Pakistan\'s military said on Friday.',
            "Pakistan's military", None, "Four soldiers were killed in the clash",
        ),
        (
            '"The roads into the town remain closed," said Omar Haidari of the Red Crescent.',
            "Omar Haidari", "Red Crescent", "The roads into the town remain closed",
        ),
        (
            'Colonel Ade Bello, a spokesman for the Nigerian Army, said: "Troops repelled the attackers."',
            "Colonel Ade Bello", "Nigerian Army", "Troops repelled the attackers.",
        ),
    ],
)
def test_speaker_and_affiliation(text: str, speaker: str, affiliation: str | None, quoted: str) -> None:
    [quote] = _quotes(text)
    assert (quote.speaker, quote.affiliation, quote.text) == (speaker, affiliation, quoted)
    assert text[quote.start : quote.end].rstrip(",") == quoted


def test_group_statement_speaker_is_the_group() -> None:
    text = (
        "The Pakistani Taliban denied involvement. "
        '"We have no link to this bombing of a public place," the group said in a statement.'
    )
    [quote] = _quotes(text)
    assert quote.speaker == "Tehrik-i-Taliban Pakistan"


def test_it_said_resolves_to_the_group() -> None:
    text = 'Al-Shabaab claimed the raid. The fighters "stormed the base at dawn," it said.'
    [quote] = _quotes(text)
    assert quote.speaker == "al-Shabaab"


def test_continuation_keeps_the_speaker() -> None:
    text = (
        "“The group wants to show it can still strike,” said Dana Levi, a researcher at the Sahel Institute. "
        "“There is no sign that the cell was directed from abroad.” "
        "The army said it had arrested three people."
    )
    quotes = _quotes(text)
    assert [(q.speaker, q.affiliation) for q in quotes] == [("Dana Levi", "Sahel Institute")] * 2
    assert quotes[1].text == "There is no sign that the cell was directed from abroad."


def test_he_said_takes_the_previous_speaker() -> None:
    text = (
        '"We lost three colleagues," said Amina Yusuf, a nurse at the Central Hospital. '
        '"The wards are full," she said.'
    )
    assert [q.speaker for q in _quotes(text)] == ["Amina Yusuf", "Amina Yusuf"]


@pytest.mark.parametrize(
    "text",
    [
        "The prosecutor is investigating “attempted terrorist murder” in the case.",
        "The group’s ‘news agency’ published a short notice.",
        'He shouted "God is great" before he was shot.',
        'Analysts call it a "lone wolf" attack.',
    ],
)
def test_scare_quotes_and_unattributed_phrases_are_not_quotes(text: str) -> None:
    assert _quotes(text) == []
