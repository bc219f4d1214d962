"""Which outlet (or person) an article credits for a sentence (hand-written sentences)."""

from __future__ import annotations

import pytest

from claimwatch.extract.attribution import attribute, find_attributions
from claimwatch.model import Document
from claimwatch.sentences import split_sentences
from claimwatch.work import Work


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("As The Guardian reports, the convoy was hit twice.", "The Guardian"),
        ("As Reuters reported, the gunmen fled on motorbikes.", "Reuters"),
        ("The Washington Post notes that the cell had been watched for months.", "The Washington Post"),
        ("The New York Times reported that the bomber was 19.", "The New York Times"),
        ("The toll rose to 14, according to Reuters.", "Reuters"),
        ("Five soldiers died, according to a report by Al Jazeera.", "Al Jazeera"),
        ("The group has threatened more attacks, reports Kano Post.", "Kano Post"),
        ("The militants came from the north, Daily Trust reported.", "Daily Trust"),
        ("The Guardian's security correspondent Jan Novak suggested the cell was local.", "The Guardian"),
        ("We heard the blast from the market, a shopkeeper told AFP.", "AFP"),
        ("A car burns after the blast in the city centre. REUTERS/Jane Doe", "Reuters"),
        ("One guard was wounded, according to the mayor of the town, Ali Musa.", "the mayor of the town, Ali Musa"),
        ("Police said the attackers were three men.", None),
        ("The interior ministry said in a statement that 12 died.", None),
        ("Officials reported that the road was closed.", None),
        ("Nigeria reported two more attacks on Sunday.", None),
        ("The militants attacked a checkpoint on Friday.", None),
    ],
)
def test_attribute(sentence: str, source: str | None) -> None:
    assert attribute(sentence) == source


def test_find_attributions_by_sentence_and_photo_credit() -> None:
    text = (
        "Gunmen attacked a bus station on Monday. As The Independent reports, the attackers used rifles.\n"
        "A wounded man is carried to an ambulance. REUTERS/Jane Doe\n"
        "The army said it was searching the area."
    )
    work = Work(document=Document(text=text))
    work.sentences = split_sentences(text)
    found = find_attributions(work)
    assert found == {1: "The Independent", 2: "Reuters", 3: "Reuters"}
