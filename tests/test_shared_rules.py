"""The rules the resolver and the store's linking share: one implementation each, with the properties the
two former copies disagreed on (periods.py, counts.py, Place.rank)."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from claimwatch import anchors, annotate, lexicon, logistic, periods, resolve, text
from claimwatch.counts import best_count
from claimwatch.extract import claims, groups, quotes, roles
from claimwatch.model import Count, Place
from claimwatch.store import link

PRECISIONS = ("hour", "day", "month", "year")


@st.composite
def dated(draw: st.DrawFn) -> tuple[str, str]:
    day = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
    precision = draw(st.sampled_from(PRECISIONS))
    value = {"year": day.isoformat()[:4], "month": day.isoformat()[:7]}.get(precision, day.isoformat())
    return value, precision


@given(dated(), dated())
def test_two_dates_agree_exactly_when_their_periods_meet(a: tuple[str, str], b: tuple[str, str]) -> None:
    (first_a, last_a), (first_b, last_b) = periods.date_range(*a), periods.date_range(*b)  # type: ignore[misc]
    single_days = first_a == last_a and first_b == last_b
    meet = abs((first_a - first_b).days) <= 1 if single_days else first_a <= last_b and first_b <= last_a
    assert periods.compatible(*a, *b) is meet
    assert periods.agreement(*a, *b) == periods.agreement(*b, *a)  # symmetric


@given(dated())
def test_a_period_holds_its_own_date(a: tuple[str, str]) -> None:
    first, last = periods.date_range(*a)  # type: ignore[misc]
    assert first <= last and first.isoformat().startswith(a[0][:4])
    assert periods.first_day(*a) == first and periods.last_day(*a) == last
    assert periods.agreement(*a, *a) in ("same", "coarse")


def test_a_day_before_a_month_does_not_meet_it_even_with_the_slack() -> None:
    # The former link rule and the former resolver rule agreed here; this pins the shared one.
    assert periods.agreement("2017-05-31", "day", "2017-06", "month") is None
    assert periods.agreement("2017-06-01", "day", "2017-06-02", "day") == "adjacent"
    assert periods.agreement(None, "day", "2017-06", "month") == "unknown"


counts = st.builds(
    Count,
    value=st.none() | st.integers(0, 500),
    min=st.none() | st.integers(0, 500),
    max=st.none() | st.integers(0, 500),
    includes_perpetrators=st.none() | st.just(True),
)


@given(st.lists(counts, max_size=6))
def test_the_best_figure_is_the_largest_exact_one_else_bounds_that_hold(figures: list[Count]) -> None:
    best = best_count(figures)
    floors = [c.min for c in figures if c.value is None and c.min is not None]
    # An exact value below a reported floor is part of the toll ("a cleric was killed" beside "at least 10").
    exact = [c.value for c in figures if c.value is not None and (not floors or c.value >= max(floors))]
    if exact:
        assert best.value == max(exact) and best.min is None and best.max is None
        return
    assert best.value is None
    mins = [c.min for c in figures if c.min is not None]
    assert best.min == (max(mins) if mins else None)
    if best.min is not None and best.max is not None:
        assert best.min <= best.max  # a floor above the ceiling drops the ceiling (the toll rose)
    assert best.includes_perpetrators == (True if any(c.includes_perpetrators for c in figures) else None)


def test_the_resolver_and_the_store_use_the_same_figure_rule() -> None:
    assert link.document_best is best_count
    rose = [Count(max=10), Count(min=20, includes_perpetrators=True)]
    assert (best_count(rose).min, best_count(rose).max, best_count(rose).includes_perpetrators) == (20, None, True)


# The three shapes the gazetteer gives places (extract/places.py): a city, a region, a country.
cities = st.builds(Place, name=st.sampled_from(["Mosul", "Kano", "Djibouti"]), country_code=st.just("XX"),
                   lat=st.floats(-80, 80), lon=st.floats(-170, 170), admin1=st.just("XX.07"),
                   geonameid=st.integers(1, 10**7))
regions = st.builds(lambda name, lat: Place(name=name, country_code="XX", lat=lat, lon=lat, admin1=name),
                    st.sampled_from(["Nineveh", "Borno", "Punjab"]), st.none() | st.floats(-80, 80))
countries = st.builds(lambda name, lat: Place(name=name, country_code="XX", lat=lat, lon=lat),
                      st.sampled_from(["Syria", "Iraq", "Nigeria"]), st.none() | st.floats(-80, 80))


@given(cities, regions, countries)
def test_a_city_is_finer_than_a_region_finer_than_a_country(city: Place, region: Place, country: Place) -> None:
    # The former link rule ranked a region with coordinates as a city and a country whose gazetteer name is
    # not its ISO name ("Syria") as a region; the resolver's rule, now the only one, ranks them by shape.
    assert (city.rank, region.rank, country.rank) == (0, 1, 2)
    assert link.place_rank(region) == region.rank
    assert anchors.most_specific([]) is None


def test_dates_in_the_store_use_the_shared_periods() -> None:
    assert periods.date_range("2016-02", "month") == (date(2016, 2, 1), date(2016, 2, 1) + timedelta(days=28))


# --------------------------------------------------------------------------- the attack lexicon, one source

# The five copies before lexicon.py, frozen here: the patterns built from the one lexicon must read every
# text as they did (the role tagger's triggers are a feature of the trained CRF).
_FORMER_NEEDS_PARSE = re.compile(
    r"attack|bomb|blast|explo|kill|dead|death|die|wound|injur|hurt|shot|shoot|gun|fire|stab|knife|"
    r"knives|ramm|vehicle|truck|kidnap|abduct|hostage|hijack|arson|torch|burn|assassin|massacre|"
    r"rampage|claim|responsib|denie|deny|said|says|told|according|statement|suicide|militant|"
    r"rebel|guerrill|terror|insurgen|ambush|raid|assault|grenade|rocket|mortar|dynamite|murder",
    re.IGNORECASE,
)
_FORMER_ATTACK_WORD = re.compile(r"attack|bomb|blast|explo|shoot|ambush|raid|kill|stab|kidnap|massacre|assault", re.I)
_FORMER_TRIGGERS = re.compile(
    r"^(attack\w*|bomb\w*|blast\w*|explo\w*|kill\w*|murder\w*|assassin\w*|kidnap\w*|abduct\w*|"
    r"hostage\w*|burn\w*|set|fire|torch\w*|shot|shoot\w*|gunned|machinegunned|wound\w*|injur\w*|"
    r"dynamit\w*|destroy\w*|damag\w*|massacre\w*|ambush\w*|raid\w*|sabotag\w*|hijack\w*|robbe\w*|"
    r"stole|stolen|seiz\w*|died|dead|death|victim\w*|perpetrat\w*|responsib\w*|claim\w*)$"
)
_WORDS = sorted({w.lower() for w in re.findall(r"[A-Za-z]+", (Path(__file__).parent / "fixtures").joinpath(
    "explain", "bridge-claim.txt").read_text(encoding="utf-8"))} | {
    "stabbed", "assaulted", "gunned", "firebomb", "shot", "shots", "set", "sets", "died", "dies", "claims",
    "responsibility", "kidnappers", "raiders", "hostages", "sabotaged", "robbery", "seized", "victims"})


@given(st.lists(st.sampled_from(_WORDS), max_size=8).map(" ".join) | st.text(max_size=30))
def test_the_patterns_built_from_the_lexicon_read_text_as_the_former_copies(sample: str) -> None:
    assert bool(annotate.NEEDS_PARSE.search(sample)) == bool(_FORMER_NEEDS_PARSE.search(sample))
    assert bool(resolve._ATTACK_WORD.search(sample)) == bool(_FORMER_ATTACK_WORD.search(sample))
    for word in sample.lower().split():
        assert bool(roles._TRIGGERS.match(word)) == bool(_FORMER_TRIGGERS.match(word))


def test_every_consumer_shares_the_attack_stems() -> None:
    for stem in lexicon.ATTACK_STEMS:
        assert annotate.NEEDS_PARSE.search(stem) and resolve._ATTACK_WORD.search(stem)


# --------------------------------------------------------------------------- punctuation and softmax

def test_one_punctuation_table_keeps_offsets_and_serves_every_extractor() -> None:
    typeset = "“It’s ours,” the group said — in a statement ‐ on Amaq‘s feed „today”"
    plain = typeset.translate(text.ASCII_PUNCTUATION)
    assert len(plain) == len(typeset) and plain.isascii()
    assert claims._ASCII is groups._ASCII is quotes._ASCII is text.ASCII_PUNCTUATION


@given(st.lists(st.floats(-50, 50), min_size=1, max_size=6))
def test_softmax_gives_probabilities_in_the_order_of_the_scores(scores: list[float]) -> None:
    probabilities = logistic.softmax(scores)
    assert math.isclose(sum(probabilities), 1.0)
    best = max(range(len(scores)), key=lambda k: scores[k])
    assert probabilities[best] == max(probabilities)
    assert math.isclose(logistic.softmax([0.0, scores[0]])[1], logistic.sigmoid(scores[0]))


def test_an_exact_figure_below_a_floor_is_a_part_of_the_toll() -> None:
    part = [Count(min=12), Count(value=1)]
    assert (best_count(part).value, best_count(part).min) == (None, 12)
    assert best_count([Count(min=12), Count(value=15)]).value == 15
