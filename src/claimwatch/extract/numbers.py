"""Numbers as news writes them: digits ("1,200"), words ("twenty-one", "a dozen") and vague amounts
("dozens", "scores", "hundreds") that only give a lower bound.

`NUMBER` is a regex fragment the casualty and date finders embed; `parse_amount` turns what it matched
into an `Amount` (exact value, or bounds). Vague plural amounts get a lower bound of twice the unit
("dozens" -> at least 24, "hundreds" -> at least 200) and no upper bound: the plural says "more than
one dozen" but nothing about how many more, so we never invent a maximum.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague plurals: the smallest amount the word can mean (two of the unit), never an upper bound.
_VAGUE_MIN = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "tens": 20}
# Small vague words: "several" / "a few" / "a handful of" are at least 2 or 3, at most about 9.
_FEW = {"several": (3, None), "a few": (2, None), "a handful of": (2, 9), "a couple of": (2, 2)}

_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN_WORDS = "|".join(_TENS)
# "twenty-one", "seven", "forty": a tens word may take a unit after it, a unit word stands alone.
_BELOW_100 = rf"(?:(?:{_TEN_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS}))"
_WORD_NUMBER = rf"(?:{_BELOW_100}(?:\s+(?:hundred|thousand|million)(?:\s+(?:and\s+)?{_BELOW_100})?)?)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:hundred|thousand|million))?"
_VAGUE = r"(?:dozens|scores|hundreds|thousands|tens)(?:\s+of)?(?:\s+(?:thousands|people))?"
_DOZEN = r"(?:a|one|two|three|half\s+a)\s+dozen"
_FEW_RE = r"(?:several|a\s+few|a\s+handful\s+of|a\s+couple\s+of)"

# One amount, as written. Alternatives are ordered so the longest reading wins ("a dozen" before "a").
NUMBER = rf"(?:{_DOZEN}|{_VAGUE}|{_FEW_RE}|{_DIGITS}|{_WORD_NUMBER})"
_NUMBER_RE = re.compile(rf"^{NUMBER}$", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """A parsed amount: exact (`value`) or bounded (`min`, `max`)."""

    value: int | None = None
    min: int | None = None
    max: int | None = None


def parse_number(text: str) -> int | None:
    """An exact integer from digits or words ("1,200", "twenty-one", "a dozen"), else None."""
    amount = parse_amount(text)
    return amount.value if amount else None


def parse_amount(text: str) -> Amount | None:
    """Parse what `NUMBER` matched; None when `text` is not an amount at all."""
    raw = re.sub(r"\s+", " ", text.strip().lower())
    if not raw or not _NUMBER_RE.match(raw):
        return None
    vague = re.match(r"^(dozens|scores|hundreds|thousands|tens)(?: of)?(?: (thousands|people))?$", raw)
    if vague:
        low = _VAGUE_MIN[vague.group(1)]
        if vague.group(2) == "thousands":  # "tens of thousands", "hundreds of thousands"
            low = {"tens": 20_000, "hundreds": 200_000}.get(vague.group(1), low * 1000)
        return Amount(min=low)
    for phrase, (low, high) in _FEW.items():
        if raw == phrase:
            return Amount(min=low, max=high)
    dozen = re.match(r"^(a|one|two|three|half a) dozen$", raw)
    if dozen:
        return Amount(value={"a": 12, "one": 12, "two": 24, "three": 36, "half a": 6}[dozen.group(1)])
    if raw[0].isdigit():
        return _parse_digits(raw)
    value = _parse_words(raw)
    return Amount(value=value) if value is not None else None


def _parse_digits(raw: str) -> Amount | None:
    match = re.match(r"^([\d,]+(?:\.\d+)?)(?: (hundred|thousand|million))?$", raw)
    if not match:
        return None
    number = float(match.group(1).replace(",", ""))
    if match.group(2):
        number *= _SCALES[match.group(2)]
    return Amount(value=int(number)) if number == int(number) else None


def _parse_words(raw: str) -> int | None:
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", raw):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def number_to_words(value: int) -> str:
    """English words for 0..999 (used by tests to round-trip the parser)."""
    if not 0 <= value < 1000:
        raise ValueError(f"number_to_words handles 0..999, not {value}")
    if value < 20:
        return next(k for k, v in _UNITS.items() if v == value)
    if value < 100:
        tens, unit = divmod(value, 10)
        word = next(k for k, v in _TENS.items() if v == tens * 10)
        return f"{word}-{number_to_words(unit)}" if unit else word
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        head = f"{number_to_words(hundreds)} hundred"
        return f"{head} and {number_to_words(rest)}" if rest else head
    thousands, rest = divmod(value, 1000)
    head = f"{number_to_words(thousands)} thousand"
    return f"{head} {number_to_words(rest)}" if rest else head
