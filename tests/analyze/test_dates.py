"""Date expressions found in text and resolved against the article's date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.analyze.dates import find_dates

WEDNESDAY = dt.date(2031, 3, 12)


def _resolved(text: str, anchor: dt.date | None = WEDNESDAY) -> list[tuple[str, object, object]]:
    return [(m.text, m.value, m.precision) for m in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare weekday in a past-tense clause: the latest such day up to the article's
        ("The ferry sank on Monday, the coastguard said.", ("on Monday", dt.date(2031, 3, 10))),
        ("Divers returned on Wednesday.", ("on Wednesday", WEDNESDAY)),
        ("The mayor resigned last Wednesday.", ("last Wednesday", dt.date(2031, 3, 5))),
        # the future: the first such day from it on (the day itself: "will speak on
        # Wednesday" in Wednesday's paper is that day, not a week ahead)
        ("The inquiry will open on Friday.", ("on Friday", dt.date(2031, 3, 14))),
        ("Ministers will vote on Wednesday.", ("on Wednesday", WEDNESDAY)),
        ("Talks resume next Monday.", ("next Monday", dt.date(2031, 3, 17))),
        ("The report, published yesterday, blamed the crew.", ("yesterday", dt.date(2031, 3, 11))),
        ("Ships may sail tomorrow.", ("tomorrow", dt.date(2031, 3, 13))),
    ],
)
def test_relative_days_resolve_against_the_article_date(text, expected):
    assert _resolved(text) == [(*expected, "day")]


def test_day_and_month_without_a_year_take_the_nearest_year():
    january = dt.date(2031, 1, 4)
    assert _resolved("The vote on December 28 was annulled.", january) == [
        ("December 28", dt.date(2030, 12, 28), "day")
    ]
    assert _resolved("Hearings start 2 February.", january) == [
        ("2 February", dt.date(2031, 2, 2), "day")
    ]


def test_a_month_alone_is_the_last_one_unless_the_clause_looks_ahead():
    assert _resolved("The plant closed in November.") == [
        ("in November", dt.date(2030, 11, 1), "month")
    ]
    assert _resolved("Elections will be held in May.") == [("in May", dt.date(2031, 5, 1), "month")]


def test_periods_relative_to_the_article_date():
    assert _resolved("Prices rose last month and will rise next year.") == [
        ("last month", dt.date(2031, 2, 1), "month"),
        ("next year", dt.date(2032, 1, 1), "year"),
    ]
    assert _resolved("Work started this week.") == [("this week", dt.date(2031, 3, 10), "week")]
    assert _resolved("Three days ago the dam gave way.") == [
        ("Three days ago", dt.date(2031, 3, 9), "day")
    ]
    assert _resolved("Repairs end in two weeks.") == [
        ("in two weeks", dt.date(2031, 3, 26), "week")
    ]


def test_full_dates_need_no_anchor():
    text = "The treaty of 14 July 2029 replaced the one signed on Nov. 3, 2011 (2012-01-05)."
    assert _resolved(text, None) == [
        ("14 July 2029", dt.date(2029, 7, 14), "day"),
        ("Nov. 3, 2011", dt.date(2011, 11, 3), "day"),
        ("2012-01-05", dt.date(2012, 1, 5), "day"),
    ]
    assert _resolved("Unrest began in March 2029 and in 2027.", None) == [
        ("March 2029", dt.date(2029, 3, 1), "month"),
        ("in 2027", dt.date(2027, 1, 1), "year"),
    ]


def test_without_an_anchor_relative_dates_are_kept_as_text_not_guessed():
    [mention] = find_dates("The ferry sank on Monday.", None)
    assert (mention.text, mention.value, mention.precision) == ("on Monday", None, None)
    assert mention.note == "no date to resolve it against"


def test_impossible_dates_are_kept_with_a_note():
    for anchor in (WEDNESDAY, None):
        [mention] = find_dates("It was dated 31 February 2030.", anchor)
        assert mention.value is None and mention.note == "not a valid date"
        assert not mention.relative


def test_weekdays_with_a_date_plans_and_parts_of_a_month():
    assert _resolved("The next walkout will be on Friday, March 21.") == [
        ("Friday, March 21", dt.date(2031, 3, 21), "day")
    ]
    # a day something is called or forecast for lies ahead, whatever the tense
    assert _resolved("The union called a strike for Monday.") == [
        ("for Monday", dt.date(2031, 3, 17), "day")
    ]
    assert _resolved("Repairs will be done by the end of the month.") == [
        ("the end of the month", dt.date(2031, 3, 1), "month")
    ]
    assert _resolved("The works begin at the start of next year.") == [
        ("the start of next year", dt.date(2032, 1, 1), "year")
    ]


def test_a_day_of_the_month_written_as_a_word_is_a_day():
    assert _resolved("The zoo stays closed until the first of April.") == [
        ("the first of April", dt.date(2031, 4, 1), "day")
    ]
    assert _resolved("The strike ended on the twenty-first of February 2031.") == [
        ("the twenty-first of February 2031", dt.date(2031, 2, 21), "day")
    ]
    assert _resolved("Tuesday, the third of March, was calm.") == [
        ("Tuesday, the third of March", dt.date(2031, 3, 3), "day")
    ]
    assert _resolved("The first of 12 trains left in May.") == [
        ("in May", dt.date(2030, 5, 1), "month")
    ]


def test_a_month_named_alone_and_since_a_month():
    assert _resolved("Sales have fallen since January; October was the best month.") == [
        ("since January", dt.date(2031, 1, 1), "month"),
        ("October", dt.date(2030, 10, 1), "month"),
    ]
    # "since" looks back even in a clause that looks ahead
    assert _resolved("Prices, up since June, will fall.")[0][1] == dt.date(2030, 6, 1)
    assert _resolved("A march against the plan drew crowds.") == []


def test_the_modal_may_is_not_a_month():
    assert _resolved("Officials may 5 times repeat the drill, and may meet in may.") == []


def test_offsets_point_into_the_longer_text():
    text = "Intro. The ferry sank on Monday."
    [mention] = find_dates(text[7:], WEDNESDAY, offset=7)
    assert text[mention.start : mention.end] == "on Monday"


@given(st.text(max_size=200), st.dates(min_value=dt.date(1900, 3, 1)))
def test_any_text_gives_mentions_that_slice_back(text, anchor):
    for mention in find_dates(text, anchor):
        assert text[mention.start : mention.end] == mention.text
        assert (mention.value is None) == (mention.precision is None)


def test_a_year_written_alone_is_a_year():
    assert _resolved("The 1987 bridge was rebuilt under a 2024 plan.") == [
        ("1987", dt.date(1987, 1, 1), "year"),
        ("2024", dt.date(2024, 1, 1), "year"),
    ]


def test_the_weekend_is_the_coming_one_in_a_future_clause_else_the_last():
    # the week of that weekend's Saturday, from Wednesday 12 March
    assert _resolved("Ministers will meet at the weekend.") == [
        ("at the weekend", dt.date(2031, 3, 10), "week")
    ]
    assert _resolved("Fans gathered at the weekend.") == [
        ("at the weekend", dt.date(2031, 3, 3), "week")
    ]


def test_the_start_or_end_of_a_month_names_that_month():
    assert _resolved("No rain has fallen since the start of May.") == [
        ("since the start of May", dt.date(2030, 5, 1), "month")
    ]


def test_a_month_next_year_is_that_month_of_next_year():
    assert _resolved("Fees rise from September next year.") == [
        ("from September next year", dt.date(2032, 9, 1), "month")
    ]


def test_a_deadline_month_is_the_nearest_whatever_the_tense():
    august = dt.date(2031, 8, 14)
    assert _resolved("Forecasters said they saw no relief before October.", august) == [
        ("before October", dt.date(2031, 10, 1), "month")
    ]


def test_due_to_with_a_verb_looks_ahead():
    assert _resolved("The talks, due to open Thursday, are being brokered by Norway.") == [
        ("Thursday", dt.date(2031, 3, 13), "day")
    ]


def test_a_day_of_something_is_no_date():
    assert _resolved("Students ran riot in a day of chaos.") == []


def test_a_possessive_weekday_is_not_scheduled_by_the_preposition_before_it():
    assert _resolved("For Tuesday's hearing the judge sat until dusk.") == [
        ("Tuesday", WEDNESDAY - dt.timedelta(days=1), "day")
    ]
    assert _resolved("The hearing is set for Friday.")[0][1] > WEDNESDAY


def test_a_day_counted_from_another_counts_from_the_last_day_named():
    monday, tuesday = dt.date(2031, 3, 10), dt.date(2031, 3, 11)
    assert _resolved("Crews searched on Tuesday for the cabin that fell a day earlier.") == [
        ("on Tuesday", tuesday, "day"),
        ("a day earlier", monday, "day"),
    ]
    assert _resolved("The envoy left on Monday. Talks had failed the previous day.")[1] == (
        "the previous day",
        dt.date(2031, 3, 9),
        "day",
    )
    assert _resolved("Two weeks later, the port reopened.", WEDNESDAY) == [
        ("Two weeks later", None, None)
    ]
    later = find_dates("Two weeks later, the port reopened.", WEDNESDAY, previous=monday)
    assert [(m.value, m.precision) for m in later] == [(dt.date(2031, 3, 24), "week")]
    [alone] = find_dates("Two days later, police made arrests.", WEDNESDAY)
    assert alone.note == "no earlier day to count from"
    assert _resolved("She left three days before the vote.") == []


def test_earlier_or_later_in_the_week_is_this_week():
    monday = dt.date(2031, 3, 10)
    assert _resolved("Talks stalled earlier in the week.") == [
        ("earlier in the week", monday, "week")
    ]
    assert _resolved("A vote is due later in the month.") == [
        ("later in the month", dt.date(2031, 3, 1), "month")
    ]
