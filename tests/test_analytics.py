"""Claim-timing analytics over hand-built claim records (no store, no model)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimwatch import analytics
from claimwatch.analytics import Delay, delay_from


def claim(n: int, day: str, delay: tuple[float | None, float | None, float | None], *, group: str = "Islamic State",
          channel: str = "Amaq", link: str = "directed", status: str = "claimed", incident: str | None = None
          ) -> dict[str, Any]:
    value, low, high = delay
    return {
        "id": f"c{n}",
        "incident_id": incident or f"i{n}",
        "group": {"name": group, "wikidata_id": None},
        "channel": channel,
        "delay_hours": {"value": value, "min": low, "max": high},
        "link": link,
        "status": status,
        "incident_date": day,
    }


USUAL = [(13, None, None), (12, None, None), (15, None, None), (14, None, None), (None, 12, 13), (13.5, None, None)]
HISTORY = [claim(n, f"2016-0{n + 1}-10", d) for n, d in enumerate(USUAL)]
SLOW = claim(99, "2017-06-03", (None, 24, None), link="inspired")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"value": 26, "min": None, "max": None}, Delay(26, 26, 26)),
        ({"value": None, "min": 20, "max": 30}, Delay(25, 20, 30)),
        ({"value": None, "min": 24, "max": None}, Delay(24, 24, 24, open_high=True)),
        ({"value": None, "min": None, "max": 6}, Delay(6, 6, 6)),
        ({"value": None, "min": 30, "max": 20}, Delay(25, 20, 30)),
        ({"value": None, "min": None, "max": None}, None),
        (None, None),
    ],
)
def test_delay_from_reads_every_shape(raw: Any, expected: Delay | None) -> None:
    assert delay_from(raw) == expected


def test_delay_describe() -> None:
    assert Delay(26, 26, 26).describe() == "26 h"
    assert Delay(24, 24, 24, open_high=True).describe() == "more than 24 h"
    assert Delay(12.5, 12, 13).describe() == "12–13 h"


def test_stats_carry_the_uncertainty_of_each_delay() -> None:
    stats = analytics.delay_stats([Delay(10, 10, 10), Delay(15, 10, 20), Delay(30, 30, 30)])
    assert stats is not None
    assert stats.n == 3 and stats.uncertain == 1
    assert stats.median.value == 15 and stats.median.low == 10 and stats.median.high == 20
    assert stats.min == 10 and stats.max == 30


def test_stats_of_nothing_is_none_and_of_one_is_that_one() -> None:
    assert analytics.delay_stats([]) is None
    one = analytics.delay_stats([Delay(7, 7, 7)])
    assert one is not None and one.q1.value == one.median.value == one.q3.value == 7


def test_stats_by_group_and_channel_skip_denials_and_unknown_delays() -> None:
    points = analytics.claim_points([
        *HISTORY,
        claim(50, "2016-05-01", (3, None, None), group="Taliban", channel="Telegram"),
        claim(51, "2016-05-02", (5, None, None), group="Taliban", status="denied"),
        claim(52, "2016-05-03", (None, None, None), group="Taliban"),
    ])
    by_group = analytics.delay_stats_by(points, "group")
    assert by_group["Islamic State"].n == 6
    assert by_group["Taliban"].n == 1
    by_channel = analytics.delay_stats_by(points, "channel")
    assert set(by_channel) == {"Amaq", "Telegram"}


def test_a_slow_claim_is_flagged_with_a_sentence() -> None:
    found = analytics.anomalies(analytics.claim_points([*HISTORY, SLOW]))
    assert [a.claim_id for a in found] == ["c99"]
    assert found[0].kind == "late"
    assert found[0].sentence == "claimed more than 24 h after the attack; Islamic State's median is 13.2 h (n=6)"


def test_the_sentence_reads_like_the_issue() -> None:
    history = analytics.delay_stats([Delay(13, 13, 13)] * 41)
    assert history is not None
    point = analytics.claim_point(claim(1, "2017-06-03", (26, None, None)))
    assert analytics.anomaly_sentence(point, history) == (
        "claimed 26 h after the attack; Islamic State's median is 13 h (n=41)"
    )


def test_an_early_claim_is_flagged_early() -> None:
    fast = claim(98, "2017-06-03", (2, None, None))
    (found,) = analytics.anomalies(analytics.claim_points([*HISTORY, fast]))
    assert found.kind == "early"


def test_only_earlier_claims_count_and_five_are_needed() -> None:
    # The slow claim is the earliest: nothing before it, so nothing to compare with.
    early_slow = claim(97, "2015-01-01", (40, None, None))
    assert analytics.anomalies(analytics.claim_points([*HISTORY, early_slow])) == []
    assert analytics.anomalies(analytics.claim_points([*HISTORY[:4], SLOW])) == []
    usual = analytics.usual_ranges(analytics.claim_points([*HISTORY[:4], SLOW]))
    assert usual["c99"].history is None


def test_a_delay_that_straddles_the_fence_is_not_flagged() -> None:
    unsure = claim(96, "2017-06-03", (None, 10, 40))
    assert analytics.anomalies(analytics.claim_points([*HISTORY, unsure])) == []


def test_a_usual_claim_gets_its_range_but_no_flag() -> None:
    usual = analytics.usual_ranges(analytics.claim_points([*HISTORY, claim(95, "2017-06-03", (14, None, None))]))
    assert usual["c95"].anomaly is None
    assert usual["c95"].fence is not None and usual["c95"].fence[0] <= 14 <= usual["c95"].fence[1]


def test_link_shares_per_group_per_year() -> None:
    shares = analytics.link_shares(analytics.claim_points([*HISTORY, SLOW]))
    assert shares["Islamic State"]["2016"] == {"directed": 6, "inspired": 0, "unclear": 0}
    assert shares["Islamic State"]["2017"] == {"directed": 0, "inspired": 1, "unclear": 0}
    monthly = analytics.link_shares(analytics.claim_points([SLOW]), period="month")
    assert list(monthly["Islamic State"]) == ["2017-06"]


def test_competing_and_denied_claims() -> None:
    points = analytics.claim_points([
        claim(1, "2017-01-10", (6, None, None), group="Taliban", incident="k"),
        claim(2, "2017-01-10", (None, None, None), group="Islamic State", incident="k"),
        claim(3, "2023-09-29", (None, None, None), group="TTP", status="denied", incident="m"),
        claim(4, "2023-09-30", (5, None, None), group="TTP", incident="x"),
    ])
    found = {c.incident_id: c for c in analytics.conflicts(points)}
    assert set(found) == {"k", "m"}
    assert found["k"].competing and found["k"].claimed_by == ["Islamic State", "Taliban"]
    assert found["m"].denied_by == ["TTP"] and not found["m"].competing


def test_unclaimed_after_n_days() -> None:
    incidents = [
        {"id": "old", "date": "2018-07-15", "place": {"name": "Damboa"}, "claims": []},
        {"id": "fresh", "date": "2018-07-30", "place": None, "claims": []},
        {"id": "denied", "date": "2018-07-01", "place": None, "claims": [{"status": "denied"}]},
        {"id": "owned", "date": "2018-07-01", "place": None, "claims": [{"status": "claimed"}]},
        {"id": "undated", "date": None, "claims": []},
    ]
    found = analytics.unclaimed(incidents, days=7, today=date(2018, 8, 1))
    assert [(u.incident_id, u.days, u.place) for u in found] == [("denied", 31, None), ("old", 17, "Damboa")]


def test_summarise_filters_after_judging_on_the_whole_history() -> None:
    summary = analytics.summarise([*HISTORY, SLOW], since=date(2017, 1, 1))
    assert summary.claims == 1
    assert [a.claim_id for a in summary.anomalies] == ["c99"]
    assert analytics.summarise([*HISTORY, SLOW], group="taliban").claims == 0
    as_json = summary.to_dict()
    assert as_json["anomalies"][0]["usual_range"][1] < 24


def test_claim_point_reads_records_with_to_dict() -> None:
    class Record:
        def to_dict(self) -> dict[str, Any]:
            return claim(7, "2017-06", (5, None, None), group="Boko Haram")

    point = analytics.claim_point(Record())
    assert point.group == "Boko Haram" and point.incident_date == date(2017, 6, 1) and point.delay == Delay(5, 5, 5)


@pytest.mark.parametrize(("raw", "expected"), [("2017", date(2017, 1, 1)), ("2017-06-03T10:00", date(2017, 6, 3)),
                                              ("", None), ("soon", None), (date(2020, 1, 2), date(2020, 1, 2))])
def test_parse_date(raw: Any, expected: date | None) -> None:
    assert analytics.parse_date(raw) == expected


bound = st.floats(min_value=0, max_value=500, allow_nan=False)


@given(st.lists(st.tuples(bound, bound), min_size=1, max_size=30))
def test_statistics_stay_inside_their_bounds(pairs: list[tuple[float, float]]) -> None:
    delays = [delay_from({"value": None, "min": a, "max": b}) for a, b in pairs]
    stats = analytics.delay_stats([d for d in delays if d is not None])
    assert stats is not None
    for spread in (stats.q1, stats.median, stats.q3):
        assert spread.low - 1e-9 <= spread.value <= spread.high + 1e-9
    assert stats.q1.value <= stats.median.value + 1e-9 <= stats.q3.value + 2e-9
