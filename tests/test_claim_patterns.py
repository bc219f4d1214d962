"""Claim cues, channels, links and delays on hand-written reports (issue 9): the mechanisms, each in its own words."""

from __future__ import annotations

from datetime import datetime

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
