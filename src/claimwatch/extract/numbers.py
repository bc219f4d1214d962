"""Numbers as news writes them: digits ("1,200"), words ("twenty-one", "a dozen") and vague amounts
("dozens", "scores", "hundreds") that only give a lower bound.

`NUMBER` is a regex fragment the casualty and date finders embed; `parse_amount` turns what it matched
into an `Amount` (exact value, or bounds). Vague plural amounts get a lower bound of twice the unit
("dozens" -> at least 24, "hundreds" -> at least 200) and no upper bound: the plural says "more than
one dozen" but nothing about how many more, so we never invent a maximum.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .. import lang


@dataclass(frozen=True)
class _Words:
    """The number words of one language (`lang/<code>/numbers.toml`) and the patterns built from them."""

    units: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, int]
    vague_of_thousands: dict[str, int]
    few: dict[str, tuple[int, int | None]]
    dozen: dict[str, int]
    approximate: dict[str, int]
    joiner: str
    number: str  # the regex fragment of one amount
    number_re: re.Pattern[str]
    vague_re: re.Pattern[str]
    vague_word_re: re.Pattern[str]  # any vague plural, anywhere in a text
    thousands: str  # the word of "tens of thousands"
    dozen_re: re.Pattern[str]
    digits_re: re.Pattern[str]


def _alternatives(phrases: Iterable[str]) -> str:
    """The phrases as regex alternatives, in the order the resource file gives them (longest reading first)."""
    return "|".join(_space(phrase) for phrase in phrases)


def _space(phrase: str) -> str:
    return r"\s+".join(re.escape(part) for part in phrase.split())


@functools.lru_cache(maxsize=16)
def words(language: str | None = None) -> _Words:
    """The compiled number words of `language` (English where it has none of its own)."""
    res = lang.resources(language)
    data = res.section("numbers")
    units = {str(k): int(v) for k, v in data["units"].items()}
    tens = {str(k): int(v) for k, v in data["tens"].items()}
    scales = {str(k): int(v) for k, v in data["scales"].items()}
    vague = {str(k): int(v) for k, v in data["vague"].items()}
    few = {str(k): (int(v[0]), int(v[1]) or None) for k, v in data["few"].items()}
    dozen = {str(k): int(v) for k, v in data["dozen"].items()}
    # "une vingtaine de", "una veintena de": a round figure the press gives as the toll (read as that figure)
    approximate = {str(k): int(v) for k, v in data.get("approximate", {}).items()}
    joiner = res.text("numbers", "joiner")
    dozen_word = res.text("numbers", "dozen_word")
    tens_gap = data.get("fragments", {}).get("tens_gap", "[- ]")
    unit_words = "|".join(sorted(units, key=len, reverse=True))
    ten_words = "|".join(tens)
    scale_words = "|".join(scales)
    # "twenty-one", "seven", "forty": a tens word may take a unit after it, a unit word stands alone.
    below_100 = rf"(?:(?:{ten_words})(?:{tens_gap}(?:{unit_words}))?|(?:{unit_words}))"
    word_number = rf"(?:{below_100}(?:\s+(?:{scale_words})(?:\s+(?:{joiner}\s+)?{below_100})?)?)"
    digits = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s+(?:{scale_words}))?"
    vague_words = "|".join(vague)
    vague_re = rf"(?:{vague_words}){res.text('numbers', 'vague_tail')}"
    dozen_re = rf"(?:{_alternatives(dozen)})\s+{dozen_word}"
    few_re = rf"(?:{_alternatives(few)})"
    # One amount, as written. Alternatives are ordered so the longest reading wins ("a dozen" before "a").
    approximate_re = f"{_alternatives(approximate)}|" if approximate else ""
    number = rf"(?:{approximate_re}{dozen_re}|{vague_re}|{few_re}|{digits}|{word_number})"
    return _Words(
        units=units, tens=tens, scales=scales, vague=vague,
        vague_of_thousands={str(k): int(v) for k, v in data["vague_of_thousands"].items()},
        few=few, dozen=dozen, approximate=approximate, joiner=joiner, number=number,
        number_re=re.compile(rf"^{number}$", re.IGNORECASE),
        vague_re=re.compile(rf"^({vague_words})\b(.*)$", re.IGNORECASE),
        vague_word_re=re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in vague) or '(?!)'})\b", re.IGNORECASE),
        thousands=res.text("numbers", "thousands"),
        dozen_re=re.compile(rf"^({'|'.join(re.escape(k) for k in dozen)}) {dozen_word}$", re.IGNORECASE),
        digits_re=re.compile(rf"^([\d,]+(?:\.\d+)?)(?: ({scale_words}))?$"),
    )


# The English amount fragment, for callers that read English only.
NUMBER = words().number


def number_pattern(language: str | None = None) -> str:
    """The regex fragment of one amount in `language`."""
    return words(language).number


@dataclass(frozen=True)
class Amount:
    """A parsed amount: exact (`value`) or bounded (`min`, `max`)."""

    value: int | None = None
    min: int | None = None
    max: int | None = None


def parse_number(text: str, language: str | None = None) -> int | None:
    """An exact integer from digits or words ("1,200", "twenty-one", "a dozen"), else None."""
    amount = parse_amount(text, language)
    return amount.value if amount else None


def parse_amount(text: str, language: str | None = None) -> Amount | None:
    """Parse what `number_pattern(language)` matched; None when `text` is not an amount at all."""
    w = words(language)
    raw = re.sub(r"\s+", " ", text.strip().lower())
    if not raw or not w.number_re.match(raw):
        return None
    if raw in w.approximate:
        return Amount(value=w.approximate[raw])
    vague = w.vague_re.match(raw)
    if vague:
        low = w.vague[vague.group(1)]
        if w.thousands in vague.group(2):  # "tens of thousands", "hundreds of thousands"
            low = w.vague_of_thousands.get(vague.group(1), low * 1000)
        return Amount(min=low)
    for phrase, (low, high) in w.few.items():
        if raw == phrase:
            return Amount(min=low, max=high)
    dozen = w.dozen_re.match(raw)
    if dozen:
        return Amount(value=w.dozen[dozen.group(1)])
    if raw[0].isdigit():
        return _parse_digits(w, raw)
    value = _parse_words(w, raw)
    return Amount(value=value) if value is not None else None


def _parse_digits(w: _Words, raw: str) -> Amount | None:
    match = w.digits_re.match(raw)
    if not match:
        return None
    number = float(match.group(1).replace(",", ""))
    if match.group(2):
        number *= w.scales[match.group(2)]
    return Amount(value=int(number)) if number == int(number) else None


def _parse_words(w: _Words, raw: str) -> int | None:
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", raw):
        if word == w.joiner:
            continue
        if word in w.units:
            current += w.units[word]
        elif word in w.tens:
            current += w.tens[word]
        elif word in w.scales:
            scale = w.scales[word]
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
    w = words()
    if not 0 <= value < 1000:
        raise ValueError(f"number_to_words handles 0..999, not {value}")
    if value < 20:
        return next(k for k, v in w.units.items() if v == value)
    if value < 100:
        tens, unit = divmod(value, 10)
        word = next(k for k, v in w.tens.items() if v == tens * 10)
        return f"{word}-{number_to_words(unit)}" if unit else word
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        head = f"{number_to_words(hundreds)} hundred"
        return f"{head} and {number_to_words(rest)}" if rest else head
    thousands, rest = divmod(value, 1000)
    head = f"{number_to_words(thousands)} thousand"
    return f"{head} {number_to_words(rest)}" if rest else head
