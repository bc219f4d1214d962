"""Which outlet the article credits for a sentence ("As The Independent reports, ...").

A sentence is attributed when it names a news outlet as its source, in one of these forms:
1. "As The Independent reports/noted, ..."        -> The Independent
2. "The New York Times notes that ..."             -> The New York Times (outlet as the subject)
3. "... according to Reuters" / "..., Reuters reported" / "..., reports Balochistan Post"
4. "The Independent's Middle East correspondent Patrick Cockburn suggested ..." -> The Independent
5. "..., a police officer told Reuters"            -> Reuters (the outlet that carried the words)
6. A photo credit "REUTERS/Mohammad Ismail"       -> Reuters
"According to" a person or an office gives that person ("the mayor of Brussels, Philippe Close").

An outlet is a name in `KNOWN_OUTLETS` or a capitalised name that ends in a newspaper word ("Balochistan
Post", "Daily Trust", "Premium Times"). Officials who "said" something are not outlets: their words are
quotes (quotes.py), and police or ministries never count as outlets here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..work import Work

KNOWN_OUTLETS: tuple[str, ...] = (
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Agence France Presse", "BBC", "CNN",
    "Al Jazeera", "Al-Jazeera", "Al Arabiya", "The New York Times", "New York Times", "The Washington Post",
    "Washington Post", "The Guardian", "The Independent", "The Telegraph", "The Times", "The Wall Street Journal",
    "Wall Street Journal", "Bloomberg", "Xinhua", "Anadolu Agency", "Anadolu", "Dawn", "The Express Tribune",
    "Geo News", "Geo TV", "The Balochistan Post", "Balochistan Post", "Long War Journal", "SITE Intelligence Group",
    "SITE", "Sky News", "Fox News", "NBC News", "ABC News", "CBS News", "NPR", "Der Spiegel", "Le Monde",
    "dpa", "DPA", "EFE", "ANSA", "TASS", "RIA Novosti", "Interfax", "Tolo News", "TOLOnews", "Pajhwok",
    "Khaama Press", "Premium Times", "Vanguard", "Punch", "The Punch", "Daily Trust", "Sahara Reporters",
    "The Hindu", "Times of India", "NDTV", "PTI", "Press Trust of India", "IANS", "Haaretz", "Times of Israel",
    "The Jerusalem Post", "Jerusalem Post", "Asharq Al-Awsat", "Rudaw", "Kurdistan 24", "Hurriyet", "Daily Sabah",
    "France 24", "RFI", "Deutsche Welle", "DW", "Voice of America", "VOA", "Radio Free Europe", "RFE/RL",
    "Politico", "USA Today", "Los Angeles Times", "Financial Times", "The Economist", "Daily Mail", "The Sun",
    "The Mirror", "Evening Standard", "Le Figaro", "El Pais", "El País", "Garowe Online", "Hiiraan Online",
    "Shabelle", "Anadolu News Agency", "EPA", "Getty Images", "Politics Nigeria", "POLITICS NIGERIA",
)
_OUTLET_WORDS = (
    r"(?:Times|Post|News|Journal|Herald|Guardian|Telegraph|Tribune|Daily|Gazette|Chronicle|Mail|Express|Standard|"
    r"Observer|Agency|Press|Reporters|Online|TV|Television|Radio|Network|Monitor|Review|Wire)"
)
_KNOWN = "|".join(re.escape(o) for o in sorted(KNOWN_OUTLETS, key=len, reverse=True))
_CAP = r"[A-Z][\w&'.-]*"
_GENERIC = rf"(?:The\s+(?:{_CAP}\s+){{0,4}}|(?:{_CAP}\s+){{1,4}}){_OUTLET_WORDS}\b(?:\s+of\s+{_CAP})?"
_OUTLET = rf"(?P<outlet>(?:{_KNOWN})(?![\w-])|{_GENERIC})"
_REPORT = r"(?:reports?|reported|reporting|notes?|noted|wrote|writes|says|said|quoted|cited|adds|added|revealed)"
_NOT_OUTLET = re.compile(
    r"^(?:the\s+)?(?:police|officials?|ministry|government|army|military|authorities|witnesses|residents|"
    r"interior|defen[cs]e|foreign)\b",
    re.IGNORECASE,
)

_PATTERNS: list[re.Pattern[str]] = [
    re.compile(rf"^\s*As\s+{_OUTLET}\s+{_REPORT}\b"),  # 1.
    re.compile(rf"^\s*{_OUTLET}(?:'s)?\s+(?:also\s+)?{_REPORT}\b"),  # 2.
    re.compile(rf"\b[Aa]ccording to\s+(?:a\s+report\s+(?:by|in|from)\s+)?{_OUTLET}"),  # 3.
    re.compile(rf",\s*{_OUTLET}\s+(?:reported|reports|said|says|wrote|noted)\b"),
    re.compile(rf",\s*(?:reports?|reported|writes|wrote|said|says)\s+{_OUTLET}"),
    re.compile(rf"\b{_OUTLET}'s\s+(?:[\w-]+\s+){{0,4}}?(?:correspondent|reporter|editor|journalist|columnist|"
               r"analyst|bureau)\b"),  # 4.
    re.compile(rf"\b(?:told|speaking to|in an interview with)\s+{_OUTLET}"),  # 5.
    re.compile(rf"\b{_OUTLET}\s+(?:reported|reports|quoted|cited)\b"),
    re.compile(r"\b(?P<outlet>REUTERS|AFP|AP|EPA|ANSA|EFE)/[A-Z]"),  # 6.
]
_ACCORDING_TO_PERSON = re.compile(
    r"\b[Aa]ccording to\s+(?P<who>(?:the\s+)?[\w'-]+(?:\s+(?:of\s+)?[\w'-]+){0,4}(?:,\s+[A-Z][\w'-]*(?:\s+[A-Z]"
    r"[\w'-]*){0,3})?)\s*[.,;]?\s*$"
)
_CREDIT_ONLY = re.compile(r"^\s*[A-Z]{2,}/[\w .'-]+$")
_CANONICAL = {o.lower(): o for o in KNOWN_OUTLETS}
_CANONICAL.update({"reuters": "Reuters", "ap": "AP", "afp": "AFP", "politics nigeria": "Politics Nigeria"})


def find_attributions(work: Work) -> dict[int, str]:
    """Sentence index -> the outlet (or, after "according to", the person) the sentence is credited to."""
    found: dict[int, str] = {}
    text = work.document.text
    for position, sentence in enumerate(work.sentences):
        source = attribute(sentence.text)
        if source is None:
            continue
        found[sentence.index] = source
        # A photo credit standing alone credits the caption before it on the same line.
        if _CREDIT_ONLY.match(sentence.text) and position > 0:
            previous = work.sentences[position - 1]
            if "\n" not in text[previous.end : sentence.start]:
                found.setdefault(previous.index, source)
    return found


def attribute(text: str) -> str | None:
    """The outlet one sentence credits, or None."""
    text = text.replace("’", "'")
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            outlet = _canonical(match.group("outlet"))
            if outlet is not None:
                return outlet
    person = _ACCORDING_TO_PERSON.search(text)
    if person is not None:
        return person.group("who").strip()
    return None


def _canonical(name: str) -> str | None:
    name = name.strip().rstrip(".,")
    if _NOT_OUTLET.match(name):
        return None
    if name.lower() in _CANONICAL:
        return _CANONICAL[name.lower()]
    if name.lower().startswith("the ") and name[4:].lower() in _CANONICAL:
        return _CANONICAL[name[4:].lower()]
    return name
