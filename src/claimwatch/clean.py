"""Stage 1: make `Document.text` article text only, and keep the metadata the removed lines carried.

    1. normalise   Unicode NFC; one kind of space and line break; invisible characters out; a line
                   broken inside a sentence (hard-wrapped text) joined again; paragraphs separated by
                   exactly one blank line
    2. header      in the first lines: "Posted by … on June 4, 2017 10:48 pm", "Monday, August 28th,
                   2017 | World News", a bare date, "By Jane Roe" out; their date fills `published`
                   and the byline `author` when the document has none
    3. labels      "Tags: …", "Categories: …", "Filed under: …" lines out, wherever they are
    4. footer      from "Leave a Reply", "Related posts", "You may also like"… to the end: out;
                   share buttons, "Your email address will not be published", "Required fields are
                   marked *", "Advertisement" lines out
    5. credits     "REUTERS/Name Surname", "(AP Photo/Name)" at the end of a photo caption: out
    6. title       a short first line without final punctuation becomes `title` when there is none
                   (it stays in the text: the headline names the main incident)

Rules match whole lines (or a credit at the end of one), so a sentence of the article that merely
uses one of these words is never touched. Clean runs before any offsets exist: it returns new text.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import datetime
from typing import TYPE_CHECKING

from .extract.dates import parse_publication_date
from .model import Document

if TYPE_CHECKING:
    from .work import Work

HEADER_LINES = 6  # where a date, a byline or a "Posted by" line is metadata and not a sentence
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 200
FOOTER_AFTER_WORDS = 10  # a footer line ends the article only once this many words of text are kept


def stage(work: Work) -> Work:
    work.document = clean_document(work.document)
    return work


def clean_document(document: Document) -> Document:
    """A copy of `document` with article text only and the metadata its boilerplate carried.

    Joining the lines a removal broke can bring a metadata line into the header zone, so the pass runs
    until the text stops changing (twice in practice): cleaning a clean document changes nothing.
    """
    cleaned = _clean_once(document)
    for _ in range(3):
        again = _clean_once(cleaned)
        if again.text == cleaned.text:
            return again
        cleaned = again
    return cleaned


def _clean_once(document: Document) -> Document:
    lines = normalise(document.text).split("\n")
    published, author = document.published, document.author
    kept: list[str] = []
    # Running counts over the lines kept so far, so each line costs the same however long the text is.
    kept_lines = kept_words = 0
    for line in lines:
        if not line:
            kept.append(line)
            continue
        in_header = kept_lines < HEADER_LINES  # lines kept so far: cleaning twice changes nothing
        if kept_words >= FOOTER_AFTER_WORDS and is_footer_start(line):
            break
        if is_boilerplate(line):
            continue
        if is_date_line(line, in_header=in_header):
            published = published or publication_date(line)
            continue
        if in_header and (byline := byline_author(line)):
            author = author or byline
            continue
        line = strip_photo_credit(line)
        kept.append(line)
        if line:
            kept_lines += 1
            kept_words += len(line.split())
    text = normalise(join_paragraphs(kept))  # a removed line may leave a broken sentence to join
    title = document.title or title_line(text)
    outlet = document.outlet or dateline_outlet(text)
    return dataclasses.replace(
        document, text=text, title=title, published=published, author=author, outlet=outlet
    )


# A wire dateline near the top: "KABUL, Jan 10 (Reuters) - ..." names the outlet that filed the report.
_DATELINE_OUTLET = re.compile(r"^[A-Z][A-Z .'’-]{1,40},[^\n(]{0,60}\((?P<outlet>[A-Z][\w .&'’-]{1,40})\)\s*[-–—]", re.M)


def dateline_outlet(text: str) -> str | None:
    match = _DATELINE_OUTLET.search(text[:600])
    return match.group("outlet").strip() if match else None


# --------------------------------------------------------------------------- 1. normalise

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_BREAKS = re.compile("\r\n|\r|[\u2028\u2029\x85]")
_SENTENCE_END = re.compile(r"""[.!?:;"”’')\]…*]$""")


def normalise(text: str) -> str:
    """NFC text, single spaces, no invisible characters, paragraphs separated by one blank line."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub(" ", text.replace("\t", " "))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return join_paragraphs(unwrap(lines))


def unwrap(lines: list[str]) -> list[str]:
    """Join a line that stops mid-sentence with the next when that one goes on in lower case.

    The pieces of a joined line are gathered in a list and joined once, so a text hard-wrapped into
    one long paragraph costs linear time, not a copy of the growing line per piece.
    """
    joined: list[list[str]] = []
    for line in lines:
        previous = joined[-1][-1] if joined else ""
        if previous and line[:1].islower() and not _SENTENCE_END.search(previous[-1:]):
            joined[-1].append(line)
        else:
            joined.append([line])
    return [" ".join(pieces) for pieces in joined]


def join_paragraphs(lines: list[str]) -> str:
    """Lines back into text: runs of blank lines become one blank line; none at either end."""
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# --------------------------------------------------------------------------- 2. header: dates and bylines

# Where a date is in a line (the shared parser reads it); months longest first so "sept" beats "sep".
_MONTH_NAMES = (
    "january february march april may june july august september october november december "
    "sept jan feb mar apr jun jul aug sep oct nov dec"
).split()
_MONTH = r"(?P<month{n}>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+)?(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?m\.?)?)?"
_DATE = re.compile(
    r"\b" + _WEEKDAY + r"(?:"
    + _MONTH.format(n=1) + r"\s+" + _DAY.format(n=1)
    + r"|" + _DAY.format(n=2) + r"\s+(?:of\s+)?" + _MONTH.format(n=2)
    + r"),?\s+(?P<year>(?:19|20)\d\d)\b" + _TIME
    + r"|\b(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T ](?P<isotime>[0-2]\d:[0-5]\d))?",
    re.IGNORECASE,
)
_HEADER_WORDS = re.compile(
    r"^(?:(?:posted|published|updated|last updated|first published|date|written)\b[^|]*|by\b[^|]*|"
    r"on|at|[A-Z]{2,4}|\(?(?:GMT|UTC|[ECMP][SD]?T|BST|CET|CEST|IST)\)?[+-]?\d*)?$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b[0-2]?\d[:.][0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_POSTED = re.compile(r"^(?:posted|published|updated|last updated|first published)\b", re.IGNORECASE)


def is_date_line(line: str, *, in_header: bool) -> bool:
    """A metadata line that dates the article: "Posted by X on <date>", "<date> | World News", a bare date.

    A sentence that mentions a date is not one. Below the header only "Posted…"/"Updated…" lines
    and bare dates count.
    """
    match = _DATE.search(line)
    if not match or not (in_header or _POSTED.match(line) or match.group(0).strip() == line):
        return False
    rest = _CLOCK.sub(" ", _DATE.sub(" ", line))  # every date and time: "12:30 GMT, 4 June 2017 | Updated: …"
    return _is_header_rest(re.sub(r"\s+", " ", rest).strip(" ,;:-–—"))


def _is_header_rest(rest: str) -> bool:
    """What a metadata line holds besides its date: "Posted by … on", "| World News", "Updated:"…"""
    if not rest:
        return True
    if len(rest.split()) > 12 or re.search(r"[.!?]$", rest):
        return False
    segments = [s.strip(" ,;:-–—") for s in rest.split("|")]
    if len(segments) > 1:  # "| World News | Asia": every segment a short label
        return all(len(s.split()) <= 5 and not re.search(r"[.!?]$", s) for s in segments)
    return bool(_HEADER_WORDS.match(rest))


def publication_date(text: str) -> datetime | None:
    """The publication time in a header line, read by the shared date parser (`extract/dates.py`).

    `_DATE` above only finds where a header line's date is, to tell a metadata line from a sentence.
    """
    return parse_publication_date(text)


_BYLINE = re.compile(r"^[Bb]y\s+(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|al|bin))*)"
                     r"(?:\s*[,|–—-]\s*[\w .'’&-]{1,60})?$")


def byline_author(line: str) -> str | None:
    """'By Jane Roe' or 'By Jane Roe, Reuters' at the top of an article: the author's name."""
    match = _BYLINE.match(line)
    if not match or len(line.split()) > 12:
        return None
    return match.group("name")


# --------------------------------------------------------------------------- 3./4. labels, footer, buttons

_LABEL = re.compile(
    r"^(?:tags?|tagged(?: with| as)?|categories|category|filed under|posted in|topics?|keywords|sections?)\s*:",
    re.IGNORECASE,
)
# Whole-line phrases of blog and news-site furniture (compared lower-case, without end punctuation).
_FURNITURE = {
    "leave a reply", "leave a comment", "cancel reply", "post comment", "post navigation", "comments",
    "your email address will not be published", "required fields are marked *", "required fields are marked",
    "share this", "share this article", "share this story", "share", "like this", "like", "loading",
    "related", "related posts", "related articles", "related stories", "read more", "advertisement",
    "facebook", "twitter", "email", "print", "whatsapp", "reddit", "linkedin", "pinterest", "telegram",
    "tumblr", "pocket", "skype", "more", "skip to content", "name *", "email *", "website", "comment",
    "subscribe", "sign up for our newsletter", "follow us", "this site uses akismet to reduce spam",
    "save my name, email, and website in this browser for the next time i comment",
    "notify me of new posts by email", "notify me of follow-up comments by email",
    "click to share on twitter", "click to share on facebook", "click to email this to a friend",
    "click to print", "opens in new window", "be the first to like this", "continue reading",
    "our standards: the thomson reuters trust principles", "our standards", "the thomson reuters trust principles",
}
_FOOTER_START = re.compile(
    r"^(?:leave a (?:reply|comment)|related (?:posts|articles|stories)|you (?:may|might) also like|"
    r"post navigation|comments are closed|\d+ comments?|more from [\w ]+|recommended(?: for you)?)\W*$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b).{0,120}$|^all rights reserved\W*$", re.IGNORECASE)
_PIECES = re.compile(r"(?<=[.!?:])\s+|\s*[|•·,]\s*")


# "Reporting by Jane Roe; Editing by John Doe" closes wire copy; "Image copyright Getty Images" heads a picture
_WIRE_CREDIT = re.compile(
    r"^(?:\(?\s*)?(?:additional )?(?:reporting|writing|editing|compiled|compiling|edited|written) by\b", re.IGNORECASE
)
_IMAGE_CREDIT = re.compile(
    r"^(?:image|picture|photo|media) (?:copyright|credit|source)\b|^getty images$", re.IGNORECASE
)
_CAPTION_LABEL = re.compile(r"^(?:image|media|photo|video) caption:?\s+", re.IGNORECASE)
_NAV_SEPARATOR = re.compile(r"\s+(?:\||>|»|›|/)\s+")


def is_navigation(line: str) -> bool:
    """A breadcrumb or menu: 'Home | World | Asia', 'News » Africa » Nigeria' (three short labels or more)."""
    labels = _NAV_SEPARATOR.split(line)
    return len(labels) >= 3 and all(
        0 < len(label.split()) <= 3 and not re.search(r"[.!?,;]$", label) for label in labels
    )


def is_footer_start(line: str) -> bool:
    """A line after which a page holds no more article text (comments, related posts)."""
    return bool(_FOOTER_START.match(line))


def is_boilerplate(line: str) -> bool:
    """A whole line of site furniture: tags, categories, comment form, share buttons, copyright, credits."""
    if _LABEL.match(line) or _COPYRIGHT.match(line) or _furniture_key(line) in _FURNITURE:
        return True
    if _WIRE_CREDIT.match(line) and len(line.split()) <= 30:
        return True
    if _IMAGE_CREDIT.match(line) and len(line.split()) <= 8:
        return True
    if is_navigation(line):
        return True
    pieces = [p for p in _PIECES.split(line) if p.strip()]
    return bool(pieces) and all(_furniture_key(piece) in _FURNITURE for piece in pieces)


def _furniture_key(piece: str) -> str:
    key = piece.strip().lower()
    key = re.sub(r"\s*\(opens in new window\)", "", key)
    key = re.sub(r"\s*\(\d+\)$", "", key)  # "Comments (3)"
    return key if key.endswith("*") else key.rstrip(" .:!…")


# --------------------------------------------------------------------------- 5. photo credits

_AGENCY = r"(?:REUTERS|Reuters|AP Photo|AP|AFP(?: PHOTO)?|EPA(?:-EFE)?|Getty Images|Xinhua|ANADOLU|Anadolu)"
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_PHOTO_CREDIT = re.compile(
    r"\s*(?:\(\s*)?" + _AGENCY + r"\s?/\s?" + _NAME
    + r"(?:\s?/\s?(?:File(?: Photo)?|Pool|Handout|Getty Images|" + _AGENCY + r"))*(?:\s*\))?\.?\s*$"
)


def strip_photo_credit(line: str) -> str:
    """A caption without its label and the photographer's credit ("… January 10, 2017. REUTERS/Name")."""
    stripped = _CAPTION_LABEL.sub("", line) or line
    while (shorter := _PHOTO_CREDIT.sub("", stripped)) != stripped and shorter.strip():
        stripped = shorter
    return stripped


# --------------------------------------------------------------------------- 6. title


def title_line(text: str) -> str | None:
    """The first line when it reads like a headline: short, no end punctuation, more text below it."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if not first or not rest.strip():
        return None
    if len(first) > TITLE_MAX_CHARS or len(first.split()) > TITLE_MAX_WORDS:
        return None
    if re.search(r"""[.!?:;,…]["'”’)\]]*$""", first):
        return None
    return first
