"""Cross-document linking rules (claimwatch.store.link): pure functions, no database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from claimwatch import periods
from claimwatch.model import Count, Group, Incident, Perpetrator, Place
from claimwatch.store import link

MOSUL = Place("Mosul", "IQ", 36.34, 43.13, "Nineveh", 99072)
BAGHDAD = Place("Baghdad", "IQ", 33.34, 44.40, "Baghdad", 98182)
IRAQ = Place("Iraq", "IQ")


def make(id: str = "x", date: str | None = "2017-06-03", precision: str | None = "day",
         place: Place | None = MOSUL, types: list[str] | None = None, groups: list[str] | None = None,
         killed: int | None = None, weapons: list[str] | None = None) -> Incident:
    return Incident(
        id=id,
        date=date,
        date_precision=precision,
        place=place,
        attack_types=["bombing"] if types is None else types,
        weapon_types=weapons or [],
        perpetrators=[Perpetrator(g, "group") for g in groups or []],
        killed=Count(value=killed),
    )


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2017-06-03", "day", (date(2017, 6, 3), date(2017, 6, 3))),
        ("2017-06-03T14:00", "hour", (date(2017, 6, 3), date(2017, 6, 3))),
        ("2017-06", "month", (date(2017, 6, 1), date(2017, 6, 30))),
        ("2016-02-10", "month", (date(2016, 2, 1), date(2016, 2, 29))),
        ("2017", "year", (date(2017, 1, 1), date(2017, 12, 31))),
        (None, "day", None),
        ("not a date", "day", None),
    ],
)
def test_date_range(value: str | None, precision: str, expected: tuple[date, date] | None) -> None:
    assert periods.date_range(value, precision) == expected


def test_same_day_same_city_matches() -> None:
    assert link.match(make("new"), [make("stored")]) == "stored"


def test_a_day_apart_still_matches_but_a_week_does_not() -> None:
    assert link.match(make(date="2017-06-04"), [make("stored")]) == "stored"
    assert link.match(make(date="2017-06-10"), [make("stored")]) is None


def test_month_precision_matches_a_day_inside_it_in_the_same_city() -> None:
    assert link.match(make(date="2017-06", precision="month"), [make("stored")]) == "stored"
    assert link.match(make(date="2017-07", precision="month"), [make("stored")]) is None


def test_country_level_place_matches_a_city_in_that_country() -> None:
    assert link.match(make(place=IRAQ), [make("stored")]) == "stored"


def test_different_cities_or_countries_do_not_match() -> None:
    assert link.match(make(place=BAGHDAD), [make("stored")]) is None
    assert link.match(make(place=Place("Kabul", "AF")), [make("stored")]) is None


def test_same_name_in_two_countries_does_not_match() -> None:
    lebanon, libya = Place("Tripoli", "LB"), Place("Tripoli", "LY")
    assert link.match(make(place=lebanon), [make("stored", place=libya)]) is None


def test_nearby_coordinates_count_as_the_same_place() -> None:
    suburb = Place("Hammam al-Alil", "IQ", 36.16, 43.26, "Nineveh", 1)  # ~23 km from Mosul
    assert link.place_agreement(suburb, MOSUL) == "near"
    assert link.match(make(place=suburb), [make("stored")]) == "stored"


def test_disjoint_attack_types_never_match() -> None:
    assert link.match(make(types=["shooting"]), [make("stored")]) is None
    assert link.match(make(types=[]), [make("stored")]) == "stored"  # one side empty: compatible


def test_coarse_date_and_coarse_place_need_more_evidence() -> None:
    vague = make(date="2017-06", precision="month", place=IRAQ)
    assert link.match(vague, [make("stored")]) is None
    vague_with_group = make(date="2017-06", precision="month", place=IRAQ, groups=["Islamic State"])
    assert link.match(vague_with_group, [make("stored", groups=["Islamic State"])]) == "stored"


def test_unknown_place_needs_exact_day_and_strong_evidence() -> None:
    assert link.match(make(place=None), [make("stored")]) is None
    with_group = make(place=None, groups=["Islamic State"])
    assert link.match(with_group, [make("stored", groups=["Islamic State"])]) == "stored"
    with_toll = make(place=None, killed=12)
    assert link.match(with_toll, [make("stored", killed=12)]) == "stored"
    coarse = make(place=None, date="2017-06", precision="month", groups=["Islamic State"])
    assert link.match(coarse, [make("stored", groups=["Islamic State"])]) is None


def test_unknown_date_needs_the_same_place_and_strong_evidence() -> None:
    assert link.match(make(date=None, precision=None), [make("stored")]) is None
    strong = make(date=None, precision=None, groups=["Islamic State"])
    assert link.match(strong, [make("stored", groups=["Islamic State"])]) == "stored"
    assert link.match(make(date=None, precision=None, place=None, groups=["IS"]), [make("s", groups=["IS"])]) is None


def test_the_best_scoring_candidate_wins() -> None:
    coarse = make("coarse", place=IRAQ)
    exact = make("exact")
    assert link.match(make(), [coarse, exact]) == "exact"
    assert link.match(make(), []) is None


def test_combine_keeps_the_finest_date_the_most_specific_place_and_every_type() -> None:
    reports = [
        make("a", date="2017-06", precision="month", place=IRAQ, types=["bombing"], groups=["Islamic State"]),
        make("b", place=MOSUL, types=["bombing", "suicide attack"], weapons=["explosives"]),
        make("c", place=Place("Mosul", "IQ"), types=["Bombing"], groups=["islamic state"]),
    ]
    merged = link.combine(reports)
    assert (merged.date, merged.date_precision) == ("2017-06-03", "day")
    assert merged.place is not None and merged.place.name == "Mosul" and merged.place.geonameid == 99072
    assert merged.attack_types == ["bombing", "suicide attack"]
    assert merged.weapon_types == ["explosives"]
    assert [p.name for p in merged.perpetrators] == ["Islamic State"]
    with pytest.raises(ValueError):
        link.combine([])


def _figure(doc: str, when: datetime | None, value: int | None = None, low: int | None = None,
            high: int | None = None) -> link.Figure:
    return link.Figure(Count(value=value, min=low, max=high), doc, when)


DAY1, DAY2, DAY3 = datetime(2017, 6, 3, 12), datetime(2017, 6, 4, 12), datetime(2017, 6, 5, 12)


def test_the_most_recent_exact_figure_wins() -> None:
    count, basis = link.current_count([_figure("d1", DAY1, 12), _figure("d2", DAY2, 15), _figure("d0", None, 40)])
    assert count.value == 15
    assert basis is not None and basis.document_id == "d2" and basis.rule == "most recent exact figure"


def test_ties_at_the_latest_time_go_to_the_value_most_sources_report() -> None:
    figures = [_figure("d1", DAY1, 15), _figure("d2", DAY2, 15), _figure("d3", DAY2, 18)]
    count, basis = link.current_count(figures)
    assert count.value == 15
    assert basis is not None and basis.sources == 2 and "most sources" in basis.rule


def test_a_document_gives_its_largest_exact_figure() -> None:
    count, _ = link.current_count([_figure("d1", DAY1, 12), _figure("d1", DAY1, 14)])
    assert count.value == 14


def test_newer_bounds_rule_out_an_older_exact_figure() -> None:
    count, basis = link.current_count([_figure("d1", DAY1, 12), _figure("d2", DAY2, low=20)])
    assert (count.value, count.min, count.max) == (None, 20, None)
    assert basis is not None and basis.document_id == "d2"


def test_an_older_exact_figure_inside_newer_bounds_stands() -> None:
    count, _ = link.current_count([_figure("d1", DAY1, 25), _figure("d2", DAY2, low=20)])
    assert count.value == 25


def test_only_bounds_give_the_tightest_bounds() -> None:
    count, _ = link.current_count([_figure("d1", DAY1, low=10, high=30), _figure("d2", DAY2, low=15)])
    assert (count.min, count.max) == (15, 30)
    count, _ = link.current_count([_figure("d1", DAY1, high=10), _figure("d2", DAY3, low=20)])
    assert (count.min, count.max) == (20, None)  # the toll rose past the old ceiling


def test_no_figures_and_mixed_timezones() -> None:
    assert link.current_count([]) == (Count(), None)
    aware = datetime(2017, 6, 4, 12, tzinfo=timezone(timedelta(hours=3)))
    count, _ = link.current_count([_figure("d1", DAY1, 12), _figure("d2", aware, 15)])
    assert count.value == 15
    assert link.current_count([_figure("d1", datetime(2017, 6, 3, tzinfo=UTC), 1)])[0].value == 1


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["claimed"], "claimed"),
        (["claimed", "suspected"], "claimed"),
        (["denied", "denied"], "denied"),
        (["claimed", "denied"], "disputed"),
        (["suspected"], "suspected"),
    ],
)
def test_merged_status(statuses: list[str], expected: str) -> None:
    assert link.merged_status(statuses) == expected


def test_two_claimants_make_both_claims_disputed() -> None:
    settled = link.settle_statuses([("a", Group("IS"), "claimed"), ("b", Group("AQ"), "claimed"),
                                    ("c", Group("Taliban"), "denied")])
    assert settled == {"a": "disputed", "b": "disputed", "c": "denied"}
    assert link.settle_statuses([("a", Group("IS"), "claimed")]) == {"a": "claimed"}


def test_claim_key_ignores_case() -> None:
    assert link.claim_key("inc", Group("Islamic State")) == link.claim_key("inc", Group("islamic state"))
    assert link.claim_key(None, None) == ("", "")


def test_a_candidate_without_place_may_match_a_place_its_document_names() -> None:
    stored = make("stored", place=Place("Nineveh Province", "IQ"))
    candidate = make(place=None, date="2017-06-04")
    assert link.match(candidate, [stored]) is None
    assert link.match(candidate, [stored], text="MOSUL, Nineveh (Wire) - A bomb went off on Saturday.") == "stored"
    assert link.match(candidate, [stored], text="Ninevehs are not a word boundary.") is None
    undated = make(place=None, date=None, precision=None)
    assert link.match(undated, [stored], text="NINEVEH (Wire) - A bomb.") is None  # still needs a date


def test_named_in_strips_region_words_and_respects_word_boundaries() -> None:
    assert link.named_in(Place("Kaduna State", "NG"), "gunmen in southern Kaduna killed")
    assert not link.named_in(Place("Syria", "SY"), "the Syrian Democratic Forces")


def test_a_stored_incident_without_place_may_match_a_place_its_documents_name() -> None:
    stored = make("stored", place=None)
    candidate = make(date="2017-06-04")
    assert link.match(candidate, [stored]) is None
    assert link.match(candidate, [stored], stored_texts={"stored": "MOSUL (Wire) - A bomb exploded."}) == "stored"


def test_a_publication_day_given_by_default_agrees_with_a_written_day_a_few_days_before() -> None:
    # A later report that dates the attack nowhere gets its own publication day (resolve.3.news-of-the-day):
    # that says only that the attack came no later, so it still links to the attack told with its day.
    later = make("new", date="2017-06-06")
    later.trace.append("resolve.3.news-of-the-day")
    assert link.match(later, [make("stored")]) == "stored"
    written = make("new", date="2017-06-06")
    assert link.match(written, [make("stored")]) is None
    # ... but not to an attack after that day, nor to one weeks before.
    assert link.match(later, [make("stored", date="2017-06-08")]) is None
    assert link.match(later, [make("stored", date="2017-05-20")]) is None


def test_the_canonical_date_is_a_written_one_over_a_default_publication_day() -> None:
    default = make("a", date="2017-06-06")
    default.trace.append("resolve.3.news-of-the-day")
    merged = link.combine([default, make("b", date="2017-06-03")])
    assert merged.date == "2017-06-03"
    alone = link.combine([default])
    assert alone.date == "2017-06-06" and "resolve.3.news-of-the-day" in alone.trace
