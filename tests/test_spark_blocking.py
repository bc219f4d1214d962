"""Blocking for the Spark job's link stage (no Spark needed): what could link shares a block."""

from __future__ import annotations

from datetime import datetime

from claimwatch.model import Count, Place
from claimwatch.spark.blocking import assign_blocks, block_keys, gather, window_places
from store_builders import MOSUL, NICE, article, extraction, incident

KABUL = Place("Kabul", "AF", 34.53, 69.17, "Kabul", 1138958)


def _report(text: str, *, date: str | None, place: Place | None, day: int = 3):
    doc = article(text, published=datetime(2017, 6, day, 12))
    return extraction(doc, [incident(doc, text, date=date, place=place, killed=Count(3))])


def _blocks(items):
    places = gather([p for item in items for p in window_places(item)])
    numbers = assign_blocks((index, block_keys(item, places)) for index, item in enumerate(items))
    return [numbers[index] for index in range(len(items))]


def test_reports_of_one_week_and_country_share_a_block_and_others_do_not() -> None:
    items = [
        _report("A bomb exploded in Mosul on Saturday.", date="2017-06-03", place=MOSUL),
        _report("The toll from Saturday's Mosul bombing rose.", date="2017-06-04", place=MOSUL, day=4),
        _report("A bomb exploded in Kabul on Saturday.", date="2017-06-03", place=KABUL),
        _report("A truck attack in Nice, months earlier.", date="2016-07-14", place=NICE),
    ]
    mosul, update, kabul, nice = _blocks(items)
    assert mosul == update
    assert len({mosul, kabul, nice}) == 3


def test_a_report_without_a_place_joins_the_country_whose_place_it_names() -> None:
    items = [
        _report("A bomb exploded in Mosul on Saturday.", date="2017-06-03", place=MOSUL),
        _report("A group claimed Saturday's attack in Mosul.", date="2017-06-03", place=None),
        _report("A group claimed an attack somewhere.", date="2017-06-03", place=None),
        _report("A bomb exploded in Kabul on Saturday.", date="2017-06-03", place=KABUL),
    ]
    mosul, claim, placeless, kabul = _blocks(items)
    assert claim == mosul and kabul != mosul
    assert placeless != kabul  # names no place: it joins no country (only other placeless reports)


def test_a_window_edge_does_not_split_adjacent_days_and_copies_of_a_text_share_a_block() -> None:
    for day in range(1, 15):  # whatever weekday the window starts on
        first = _report(f"A bomb exploded in Mosul, day {day}.", date=f"2017-06-{day:02d}", place=MOSUL)
        second = _report(f"The Mosul bombing, a day later, day {day}.", date=f"2017-06-{day + 1:02d}", place=MOSUL)
        assert len(set(_blocks([first, second]))) == 1
    text = "No incident in this one."
    copies = [extraction(article(text), []), extraction(article(text), [])]
    assert len(set(_blocks(copies))) == 1
