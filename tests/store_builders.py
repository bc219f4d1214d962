"""Hand-built documents and extractions for the store, link and query-CLI tests (no spaCy needed)."""

from __future__ import annotations

from datetime import datetime

from claimwatch.model import (
    CasualtyReport,
    Claim,
    Count,
    Document,
    Evidence,
    Extraction,
    Group,
    Incident,
    Perpetrator,
    Place,
    Quote,
    Range,
)

VERSION = "test.rules.v0"

MOSUL = Place("Mosul", "IQ", 36.34, 43.13, "Nineveh", 99072)
BAGHDAD = Place("Baghdad", "IQ", 33.34, 44.40, "Baghdad", 98182)
IRAQ = Place("Iraq", "IQ")
NICE = Place("Nice", "FR", 43.70, 7.27, "Provence-Alpes-Côte d'Azur", 2990440)
IS = Group("Islamic State", "Q2429253")
AQ = Group("al-Qaeda", "Q34490")


def article(
    text: str,
    *,
    published: datetime | None = None,
    outlet: str | None = "Test Wire",
    title: str | None = None,
    url: str | None = None,
) -> Document:
    return Document(text=text, published=published, outlet=outlet, title=title, url=url, source="test")


def evidence(text: str, doc: Document) -> Evidence:
    start = doc.text.find(text)
    assert start >= 0, f"{text!r} is not in the document"
    return Evidence(text=text, start=start, end=start + len(text))


def incident(
    doc: Document,
    sentence: str,
    *,
    local_id: str = "i1",
    date: str | None = "2017-06-03",
    precision: str | None = "day",
    place: Place | None = MOSUL,
    attack_types: list[str] | None = None,
    weapon_types: list[str] | None = None,
    killed: Count | None = None,
    wounded: Count | None = None,
    perpetrators: list[Perpetrator] | None = None,
) -> Incident:
    ev = evidence(sentence, doc)
    reports = []
    if killed is not None and killed.known:
        reports.append(CasualtyReport("killed", killed, ev, doc.published))
    if wounded is not None and wounded.known:
        reports.append(CasualtyReport("wounded", wounded, ev, doc.published))
    return Incident(
        id=local_id,
        date=date,
        date_precision=precision,
        place=place,
        attack_types=["bombing"] if attack_types is None else attack_types,
        weapon_types=["explosives"] if weapon_types is None else weapon_types,
        killed=killed or Count(),
        wounded=wounded or Count(),
        perpetrators=perpetrators or [],
        casualty_reports=reports,
        evidence=[ev],
    )


def claim(
    doc: Document,
    sentence: str,
    group: Group | None,
    *,
    local_id: str | None = "i1",
    status: str = "claimed",
    channel: str | None = None,
    delay: Range | None = None,
) -> Claim:
    return Claim(
        incident_id=local_id,
        group=group,
        channel=channel,
        status=status,
        delay_hours=delay or Range(),
        evidence=[evidence(sentence, doc)],
    )


def extraction(doc: Document, incidents: list[Incident], claims: list[Claim] | None = None,
               quotes: list[Quote] | None = None) -> Extraction:
    return Extraction(document=doc, incidents=incidents, claims=claims or [], quotes=quotes or [],
                      extractor_version=VERSION)


def mosul_first() -> Extraction:
    """A first report: a car bomb in Mosul, 12 killed, claimed by Islamic State within a day."""
    doc = article(
        "A car bomb exploded at a market in Mosul on Saturday, killing 12 people. "
        "Islamic State claimed the bombing through its Amaq agency.",
        published=datetime(2017, 6, 3, 18, 0),
        outlet="Wire One",
        title="Car bomb kills 12 in Mosul",
    )
    first = "A car bomb exploded at a market in Mosul on Saturday, killing 12 people."
    return extraction(
        doc,
        [incident(doc, first, killed=Count(12), wounded=Count(min=20), perpetrators=[Perpetrator(IS.name, "group")])],
        [claim(doc, "Islamic State claimed the bombing through its Amaq agency.", IS, channel="Amaq",
               delay=Range(value=6))],
        [Quote("Ahmed Ali", "police", "It was a car bomb", 10, 27)],
    )


def mosul_update() -> Extraction:
    """A later report of the same bombing: the toll rose to 15; al-Qaeda claims it too."""
    doc = article(
        "The death toll from Saturday's market bombing in Mosul rose to 15, officials said on Sunday. "
        "A statement attributed to al-Qaeda also claimed the attack.",
        published=datetime(2017, 6, 4, 9, 0),
        outlet="Wire Two",
    )
    first = "The death toll from Saturday's market bombing in Mosul rose to 15, officials said on Sunday."
    return extraction(
        doc,
        [incident(doc, first, place=Place("Mosul", "IQ"), weapon_types=[], killed=Count(15))],
        [claim(doc, "A statement attributed to al-Qaeda also claimed the attack.", AQ)],
    )


def nice_attack() -> Extraction:
    """An unrelated incident: a truck attack in Nice, July 2016."""
    doc = article(
        "A truck drove into crowds in Nice on July 14, killing 86 people on the Promenade des Anglais.",
        published=datetime(2016, 7, 15, 8, 0),
        outlet="Wire Three",
        title="Truck attack in Nice",
    )
    sentence = doc.text
    return extraction(
        doc,
        [incident(doc, sentence, date="2016-07-14", place=NICE, attack_types=["vehicle ramming"],
                  weapon_types=["vehicle"], killed=Count(86))],
    )
