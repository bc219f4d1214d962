"""The publication day a page's address carries, for reports whose page and record give none."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import claimwatch
from claimwatch.evaluation.claims import parse_label
from claimwatch.ingest.records import from_record
from claimwatch.model import Document
from claimwatch.url_dates import date_from_url, published_from_url, with_url_date


@pytest.mark.parametrize(
    ("url", "expected", "precision"),
    [
        ("https://news.example.org/2016/06/30/bomb-hits-market/", date(2016, 6, 30), "day"),
        ("https://news.example.org/world/2014/7/3/story/55821", date(2014, 7, 3), "day"),
        ("https://example.com/africa/20160630/attaque.html", date(2016, 6, 30), "day"),
        ("https://example.com/nachrichten/anschlag-auf-markt-2019-03-08-x", date(2019, 3, 8), "day"),
        ("https://example.com/monde/2018-03-03/deux-attaques-998", date(2018, 3, 3), "day"),
        ("https://example.com/ausland/2017-01/anschlag-im-norden", date(2017, 1, 1), "month"),
        ("https://example.com/blog/2016/02/village-raid.html", date(2016, 2, 1), "month"),
    ],
)
def test_a_date_in_the_path_is_read(url: str, expected: date, precision: str) -> None:
    found = date_from_url(url)
    assert found is not None
    assert (found.date, found.precision) == (expected, precision)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/articles/20987654",  # an article number, not a date
        "https://example.com/2016-13-40/page",  # no such month or day
        "https://example.com/top-news/2015/market-attack",  # a year alone
        "https://example.com/story?d=2016/06/30",  # the query is not the path
        "https://20160630.example.com/story",  # nor is the host
        "https://example.com/amp/223519",
        "",
        None,
    ],
)
def test_no_date_is_guessed_from_other_numbers(url: str | None) -> None:
    assert date_from_url(url) is None or date_from_url(url).precision == "month"  # type: ignore[union-attr]
    assert published_from_url(url) is None


def test_a_month_alone_gives_no_publication_day() -> None:
    assert published_from_url("https://example.com/ausland/2017-01/anschlag") is None


def test_the_record_or_the_page_wins_over_the_address() -> None:
    given = datetime(2016, 7, 1, 9, 30)
    document = with_url_date(Document(text="x", url="https://example.com/2016/06/30/x", published=given))
    assert document.published == given
    document = with_url_date(Document(text="x", url="https://example.com/2016/06/30/x"))
    assert document.published == datetime(2016, 6, 30)


def test_an_ingested_record_without_a_date_takes_its_url_day() -> None:
    record = {"text": "A bomb went off on Tuesday in the market.", "url": "https://example.com/2019/05/09/bomb"}
    assert from_record(record, "r.jsonl:1").published == datetime(2019, 5, 9)


def test_the_claims_evaluation_builds_its_document_like_ingest() -> None:
    label = parse_label(
        {"id": "x", "text": "Un attentat a eu lieu.", "url": "https://example.com/2020/10/31/x", "lang": "fr",
         "incidents": [], "claims": []}
    )
    assert label.document().published == datetime(2020, 10, 31)
    assert label.document().url == "https://example.com/2020/10/31/x"


def test_relative_days_are_read_against_the_day_in_the_address() -> None:
    text = "A suicide bomber killed 12 people at a police station in Kandahar on Tuesday."
    document = with_url_date(Document(text=text, url="https://example.com/2016/06/30/kandahar-blast"))
    incident = claimwatch.extract_document(document).incidents[0]
    assert (incident.date, incident.date_precision) == ("2016-06-28", "day")


def test_an_undated_report_dated_by_month_in_its_address_dates_its_main_incident_to_that_month() -> None:
    text = (
        "Bei einem Selbstmordanschlag auf ein Armeelager in der Stadt Gao im Norden Malis sind mindestens "
        "40 Menschen getötet worden."
    )
    document = Document(text=text, url="https://example.com/ausland/2017-01/gao-anschlag", language="de")
    incident = claimwatch.extract_document(document).incidents[0]
    assert (incident.date, incident.date_precision) == ("2017-01", "month")
    assert "resolve.3.month-of-address" in incident.trace


def test_a_dated_report_dates_an_undated_main_incident_by_its_publication_day_not_its_address_month() -> None:
    text = "Ein Selbstmordattentäter hat in der Stadt Gao im Norden Malis mindestens 40 Menschen getötet."
    document = Document(text=text, url="https://example.com/ausland/2017-01/gao", language="de",
                        published=datetime(2017, 1, 19))
    incident = claimwatch.extract_document(document).incidents[0]
    assert (incident.date, incident.date_precision) == ("2017-01-19", "day")
    assert "resolve.3.news-of-the-day" in incident.trace and "resolve.3.month-of-address" not in incident.trace


def test_a_month_in_the_address_resolves_the_relative_dates_every_day_of_it_agrees_on() -> None:
    from claimwatch.extract.dates import _read_against_month

    june = (datetime(2017, 6, 1), datetime(2017, 6, 30))
    found = _read_against_month("Ein ähnlicher Angriff im November des vergangenen Jahres.", june, "de")
    assert [(m.date, m.precision) for m in found] == [("2016-11", "month")]
    assert _read_against_month("Gunmen attacked the market on Friday.", june, "en") == []  # a day needs the day


def test_an_undated_report_dated_by_month_reads_last_year_in_its_text() -> None:
    text = (
        "Zwei Selbstmordattentäter haben in der Stadt Herat mindestens zehn Menschen getötet. "
        "Zu einem ähnlichen Angriff auf eine Moschee in der Stadt Kandahar im November des vergangenen Jahres "
        "hatte sich eine Terrormiliz bekannt."
    )
    document = Document(text=text, url="https://example.com/ausland/2017-06/herat", language="de")
    dates = sorted(i.date or "" for i in claimwatch.extract_document(document).incidents)
    assert "2016-11" in dates


@pytest.mark.slow
def test_the_library_call_reads_the_day_in_the_address_like_ingest() -> None:
    import claimwatch

    text = "A car bomb killed six people at a checkpoint in Mogadishu on Friday, police said."
    dated = claimwatch.extract(text, url="https://news.example.org/africa/2024/03/10/somalia-blast")
    assert [str(i.date) for i in dated.incidents] == ["2024-03-08"]
    given = claimwatch.extract(text, url="https://news.example.org/africa/2024/03/10/somalia-blast",
                               published="2024-03-17T09:00:00")
    assert [str(i.date) for i in given.incidents] == ["2024-03-15"]
