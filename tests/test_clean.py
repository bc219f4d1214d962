"""Stage `clean`: boilerplate out, article text kept word for word, header metadata kept in fields."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.clean import clean_document, is_boilerplate, normalise, stage, strip_photo_credit, title_line
from claimwatch.model import Document
from claimwatch.work import Work

BLOG_POST = """Posted by on March 3, 2021 9:15 pm
Tags: , , , , ,
Categories: Africa Security Terrorism World

Gunmen attacked a police checkpoint near Harbor Town on Tuesday night, killing four officers, the governor said.

The group has claimed responsibility for similar attacks in the past, officials said.

Share this:
Twitter
Facebook

Leave a Reply

Your email address will not be published. Required fields are marked *

Comment

Name *
"""

NEWS_SITE = """Rebels claim attack on border post

Monday, August 28th, 2017 | World News

Rebels said on Sunday they had attacked a border post, in a statement posted online.

The attack killed two guards, according to the interior ministry.
"""


def clean(text: str, **metadata: object) -> Document:
    return clean_document(Document(text=text, **metadata))  # type: ignore[arg-type]


def test_blog_header_and_footer_are_removed_and_the_date_kept() -> None:
    document = clean(BLOG_POST)
    assert document.text == (
        "Gunmen attacked a police checkpoint near Harbor Town on Tuesday night, killing four officers, "
        "the governor said.\n\n"
        "The group has claimed responsibility for similar attacks in the past, officials said."
    )
    assert document.published == datetime(2021, 3, 3, 21, 15)
    assert document.title is None  # the first line left is a sentence


def test_dateline_with_section_tag_and_title() -> None:
    document = clean(NEWS_SITE)
    assert document.title == "Rebels claim attack on border post"
    assert document.published == datetime(2017, 8, 28)
    assert "World News" not in document.text
    assert document.text.startswith("Rebels claim attack on border post\n\nRebels said on Sunday")


def test_existing_metadata_wins() -> None:
    known = datetime(2017, 8, 27, 9, 0)
    document = clean(NEWS_SITE, title="Given title", published=known)
    assert document.title == "Given title"
    assert document.published == known
    assert "World News" not in document.text


def test_posted_line_with_author_and_byline() -> None:
    document = clean("By Jane Roe, Wire Example\nPosted on 4 June 2017 at 10:48\n\nA bomb exploded in the square.")
    assert document.author == "Jane Roe"
    assert document.published == datetime(2017, 6, 4, 10, 48)
    assert document.text == "A bomb exploded in the square."


@pytest.mark.parametrize(
    "sentence",
    [
        "On June 4, 2017 a bomb exploded near the bridge, killing three people.",
        "Police said the attack on March 3, 2021 was the third this year.",
        "Share this: the group urged followers to spread the video.",
        "Tags on the bodies identified the victims, officials said.",
        "By nightfall the death toll had risen to 12.",
    ],
)
def test_article_sentences_are_kept(sentence: str) -> None:
    document = clean(f"{sentence}\n\nA second paragraph follows here.")
    assert document.text.startswith(sentence)
    assert document.published is None and document.author is None


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        (
            "An injured man lies in a hospital in Town, January 10, 2017. REUTERS/Jane Roe",
            "An injured man lies in a hospital in Town, January 10, 2017.",
        ),
        ("Police guard the site of the blast. REUTERS/John Doe/File Photo", "Police guard the site of the blast."),
        ("Smoke rises over the market. (AP Photo/Ali Example)", "Smoke rises over the market."),
        ("Soldiers patrol the street. AFP PHOTO / JOHN DOE", "Soldiers patrol the street."),
        ("The group told Reuters it carried out the attack.", "The group told Reuters it carried out the attack."),
        ("REUTERS/Jane Roe", "REUTERS/Jane Roe"),  # nothing would be left: not a caption credit
    ],
)
def test_photo_credits(caption: str, expected: str) -> None:
    assert strip_photo_credit(caption) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Required fields are marked *",
        "Share this:",
        "Share this: Facebook, Twitter, Email",
        "Related posts",
        "Tags: , , ,",
        "Categories: Amaq Iraq Politics",
        "Filed under: World",
        "Advertisement",
        "© 2017 Example Media. All rights reserved.",
        "Click to share on Twitter (Opens in new window)",
        "Home | World | Asia",
        "News » Africa » Nigeria",
        "Reporting by Jane Roe; Editing by John Doe",
        "Additional reporting by Jane Roe in Town",
        "Image copyright Getty Images",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Police said 3 / 4 of the victims were children / teenagers / adults.",
        "Reporters Without Borders said it was alarmed.",
        "Photo evidence was shown in court, the prosecutor said.",
    ],
)
def test_lines_like_boilerplate_that_are_article_text(line: str) -> None:
    assert not is_boilerplate(line)


def test_published_and_updated_line() -> None:
    document = clean("Published: 12:30 GMT, 4 June 2017 | Updated: 13:00 GMT, 4 June 2017\n\nA blast killed 10.")
    assert document.text == "A blast killed 10."
    assert document.published is not None and document.published.date().isoformat() == "2017-06-04"


def test_footer_is_cut_after_article_text() -> None:
    body = "Gunmen opened fire on worshippers at a mosque on Friday, killing at least ten people, police said."
    document = clean(f"{body}\n\nRelated posts\n\nFive killed in market blast\n\nArmy says rebels retreat")
    assert document.text == body


def test_footer_word_at_the_top_does_not_remove_the_article() -> None:
    document = clean("Related posts\n\nGunmen opened fire on worshippers at a mosque on Friday, police said.")
    assert document.text == "Gunmen opened fire on worshippers at a mosque on Friday, police said."


def test_normalise_unicode_and_whitespace() -> None:
    raw = "Cafe\u0301\u00a0owner  said\r\n\r\n\r\n\r\nThe\u200b blast\twas loud.  \n"
    assert normalise(raw) == "Café owner said\n\nThe blast was loud."


def test_hard_wrapped_lines_are_joined() -> None:
    raw = "Militants attacked the convoy on the main\nroad north of the city, officials said.\nA second line."
    joined = "Militants attacked the convoy on the main road north of the city, officials said."
    assert normalise(raw) == f"{joined}\nA second line."


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Taliban suicide attack in Kabul\nA suicide bomber killed 20 people.", "Taliban suicide attack in Kabul"),
        ("A suicide bomber killed 20 people.\nMore text.", None),
        ("Only one line without punctuation", None),
        ("Was it a bomb?\nOfficials did not say.", None),
        (" ".join(["word"] * 40) + "\nMore text.", None),
    ],
)
def test_title_line(text: str, title: str | None) -> None:
    assert title_line(text) == title


def test_stage_replaces_the_document_and_leaves_the_input_alone() -> None:
    original = Document(text=NEWS_SITE, source="x.txt")
    work = stage(Work(document=original))
    assert work.document is not original
    assert original.text == NEWS_SITE
    assert work.document.source == "x.txt"


# --------------------------------------------------------------------------- properties

_PIECES = [
    "Gunmen attacked a checkpoint on Tuesday, police said.",
    "the attack killed four",
    "Rebels claim attack on border post",
    "Posted by Desk on June 4, 2017 10:48 pm",
    "Monday, August 28th, 2017 | World News",
    "Tags: , , ,",
    "Leave a Reply",
    "Share this:",
    "Photo of the scene. REUTERS/Jane Roe",
    "By Jane Roe",
    "June 4, 2017",
    "Café\u00a0 owner",
    "",
    "  ",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_cleaning_twice_changes_nothing(pieces: list[str], separator: str) -> None:
    once = clean(separator.join(pieces))
    twice = clean_document(once)
    assert twice.text == once.text
    assert twice.title == once.title


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_cleans_to_stripped_nfc_text(text: str) -> None:
    cleaned = clean(text).text
    assert cleaned == cleaned.strip()
    assert "\n\n\n" not in cleaned and "\r" not in cleaned
    assert unicodedata.is_normalized("NFC", cleaned)
