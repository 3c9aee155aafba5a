"""Tests for parsing publication dates and finding full dates in text."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.ingest.dates import find_full_date, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-11-20T14:05:00Z", dt.date(2017, 11, 20)),
        ("2017-11-20T23:30:00-05:00", dt.date(2017, 11, 20)),
        ("2017-11-20", dt.date(2017, 11, 20)),
        ("  2017-11-20  ", dt.date(2017, 11, 20)),
        ("November 20, 2017", dt.date(2017, 11, 20)),
        ("20 November 2017", dt.date(2017, 11, 20)),
        ("Nov. 21, 2017", dt.date(2017, 11, 21)),
    ],
)
def test_parse_date_reads_full_dates(value: str, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["March 2011", "2011", "November"])
def test_parse_date_rejects_partial_dates(value: str) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize("value", ["garbage", "not a date at all", "32/13/2017"])
def test_parse_date_rejects_garbage(value: str) -> None:
    assert parse_date(value) is None


def test_find_full_date_reads_a_dateline() -> None:
    text = "ST. ELMIRA, March 9, 2026 — A ferry struck the bridge on Monday."

    assert find_full_date(text) == dt.date(2026, 3, 9)


def test_find_full_date_reads_day_first_and_iso_dates() -> None:
    assert find_full_date("Photo taken 10 March 2026 by staff.") == dt.date(2026, 3, 10)
    assert find_full_date("Updated 2026-03-11 at noon.") == dt.date(2026, 3, 11)


def test_find_full_date_returns_the_first_date() -> None:
    text = "Filed Nov. 21, 2017. The vote on November 30, 2017 was delayed."

    assert find_full_date(text) == dt.date(2017, 11, 21)


def test_find_full_date_skips_an_impossible_date() -> None:
    text = "On February 30, 2020 nothing happened; on March 2, 2020 it did."

    assert find_full_date(text) == dt.date(2020, 3, 2)


def test_find_full_date_ignores_month_and_year_only() -> None:
    assert find_full_date("The plant closed in March 2011 and never reopened.") is None


def test_find_full_date_without_dates_is_none() -> None:
    assert find_full_date("No dates are written in this sentence.") is None
