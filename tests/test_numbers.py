"""Number words and vague amounts (claimwatch.extract.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch.extract.numbers import Amount, number_to_words, parse_amount, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seven", 7),
        ("Seven", 7),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("forty", 40),
        ("a hundred", None),  # "a hundred" is not in the grammar: the article is not a number
        ("one hundred", 100),
        ("three hundred and five", 305),
        ("two thousand", 2000),
        ("48", 48),
        ("1,200", 1200),
        ("3 thousand", 3000),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two dozen", 24),
        ("5.5", None),
        ("five six", None),
        ("people", None),
        ("", None),
    ],
)
def test_parse_number(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dozens", Amount(min=24)),
        ("Dozens of", Amount(min=24)),
        ("scores", Amount(min=40)),
        ("hundreds", Amount(min=200)),
        ("tens of thousands", Amount(min=20_000)),
        ("several", Amount(min=3)),
        ("a handful of", Amount(min=2, max=9)),
    ],
)
def test_vague_amounts_are_lower_bounds(text: str, expected: Amount) -> None:
    assert parse_amount(text) == expected


@given(st.integers(min_value=0, max_value=999))
def test_words_round_trip(value: int) -> None:
    assert parse_number(number_to_words(value)) == value


@given(st.integers(min_value=0, max_value=10**7))
def test_digits_round_trip(value: int) -> None:
    assert parse_number(str(value)) == value
    assert parse_number(f"{value:,}") == value


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz -,", max_size=30))
def test_never_raises(text: str) -> None:
    parse_amount(text)
