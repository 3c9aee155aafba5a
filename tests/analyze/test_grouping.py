"""How paired claims become conflicts, with a scorer that pairs everything (no models)."""

import dataclasses
import datetime as dt

import numpy as np

from storyline.analyze.claims import (
    PAIR_FEATURES,
    PAIR_KINDS,
    Found,
    PairScorer,
    Regression,
    _certainty,
    compare,
)
from storyline.analyze.values import date_quantity, parse_quantity
from storyline.model import Claim

#: Every pair of one unit pairs (probability ≥ 0.98), equal values a little surer, so
#: only the one-to-one assignment and the grouping rules decide.
_WEIGHTS = tuple(2.0 if name == "agree" else 0.0 for name in PAIR_FEATURES)
EAGER = PairScorer({kind: Regression(_WEIGHTS, 4.0) for kind in PAIR_KINDS})


def _found(source, quantity, written, subject=""):
    claim = Claim(source, quantity.describe(), written, f"It was {written}.", 0, 10)
    return Found(claim, quantity, source, "", "", "", subject, frozenset(), "It was several.")


def _conflicts(found):
    cosines = np.ones((3, len(found), len(found)))
    conflicts, _ = compare(found, cosines, EAGER)
    return [sorted(c.expression for c in x.claims) for x in conflicts if x.status == "conflict"]


def test_an_outlet_giving_two_of_a_groups_numbers_does_not_hide_the_conflict():
    found = [
        _found("wire", parse_quantity("12,000"), "12,000"),
        _found("wire", parse_quantity("90,000"), "90,000"),
        _found("state", parse_quantity("12,000"), "12,000"),
        _found("organisers", parse_quantity("90,000"), "90,000"),
    ]
    assert _conflicts(found) == [["12,000", "12,000", "90,000", "90,000"]]


def test_an_outlet_giving_two_of_a_groups_dates_dates_two_events_not_a_conflict():
    monday, wednesday = dt.date(2031, 5, 5), dt.date(2031, 5, 7)
    found = [
        _found("wire", date_quantity(monday, "day"), "on Monday"),
        _found("wire", date_quantity(wednesday, "day"), "on Wednesday"),
        _found("state", date_quantity(monday, "day"), "on Monday"),
        _found("organisers", date_quantity(wednesday, "day"), "on Wednesday"),
    ]
    assert _conflicts(found) == []


def test_a_weakly_paired_day_of_another_event_does_not_veto_a_date_conflict():
    # P = sigmoid(8 · cosine + 2 · agree - 4): alike sentences pair surely, unlike ones
    # pair only when their days agree, and weakly (0.6, below sure).
    weights = tuple({"cosine": 8.0, "agree": 2.0}.get(name, 0.0) for name in PAIR_FEATURES)
    models = {kind: Regression(weights, -4.0) for kind in PAIR_KINDS}
    scorer = PairScorer(models, date_conflict=0.8, sure=0.7)
    sunday, monday = dt.date(2031, 5, 4), dt.date(2031, 5, 5)
    found = [
        _found("wire", date_quantity(monday, "day"), "broke out on Monday", "fire"),
        _found("daily", date_quantity(sunday, "day"), "began on Sunday", "fire"),
        _found("daily", date_quantity(monday, "day"), "emptied on Monday", "village"),
        _found("radio", date_quantity(monday, "day"), "three days ago", "fire"),
    ]
    cosines = np.full((3, 4, 4), 0.3)
    for i, j in ((0, 1), (0, 3)):  # the fire's start, as three outlets tell it
        cosines[0, i, j] = cosines[0, j, i] = 1.0
    conflicts, _ = compare(found, cosines, scorer)
    assert [sorted(c.expression for c in x.claims) for x in conflicts] == [
        ["began on Sunday", "broke out on Monday", "three days ago"]
    ]


def test_two_days_that_name_no_common_happening_are_possibly_different_not_a_conflict():
    monday, tuesday = dt.date(2031, 5, 5), dt.date(2031, 5, 6)
    strike = dataclasses.replace(
        _found("gazette", date_quantity(monday, "day"), "this morning"),
        keys=frozenset({"halt", "tram"}),
    )
    second_day = dataclasses.replace(
        _found("herald", date_quantity(tuesday, "day"), "on Tuesday"),
        keys=frozenset({"shut", "network"}),
    )
    conflicts, _ = compare([strike, second_day], np.ones((3, 2, 2)), EAGER)
    assert [c.status for c in conflicts] == ["possibly different"]
    walkout = dataclasses.replace(second_day, keys=frozenset({"halt", "bus"}))
    conflicts, _ = compare([strike, walkout], np.ones((3, 2, 2)), EAGER)
    assert [c.status for c in conflicts] == ["conflict"]


def test_two_figures_paired_to_one_loose_value_are_shown_side_by_side():
    # P = sigmoid(8 · cosine + 2 · agree - 4): each figure pairs surely with "more than
    # 330,000", but the two exact figures (0.6) are too unlike to be a conflict on their own.
    weights = tuple({"cosine": 8.0, "agree": 2.0}.get(name, 0.0) for name in PAIR_FEATURES)
    models = {kind: Regression(weights, -4.0) for kind in PAIR_KINDS}
    scorer = PairScorer(models, conflict=0.7, sure=0.7)
    found = [
        dataclasses.replace(_found(source, parse_quantity(written), written), concept="killed")
        for source, written in (
            ("wire", "330,000"),
            ("daily", "400,000"),
            ("radio", "more than 330,000"),
        )
    ]
    cosines = np.full((3, 3, 3), 0.55)
    for i in (0, 1):
        cosines[:, i, 2] = cosines[:, 2, i] = 1.0
    conflicts, agreements = compare(found, cosines, scorer)
    assert [(c.status, sorted(x.expression for x in c.claims)) for c in conflicts] == [
        ("possibly different", ["330,000", "400,000"])
    ]
    assert [sorted(x.expression for x in c.claims) for c in agreements] == [
        ["330,000", "more than 330,000"]
    ]


def test_a_figure_two_outlets_dispute_is_surer_than_one_pair_alone():
    found = [
        _found("wire", parse_quantity("330,000"), "330,000"),
        _found("radio", parse_quantity("330,000"), "330,000"),
        _found("daily", parse_quantity("400,000"), "400,000"),
    ]
    one = _certainty([0, 2], found, {(0, 2): 0.8})
    two = _certainty([0, 1, 2], found, {(0, 1): 0.99, (0, 2): 0.8, (1, 2): 0.8})
    assert abs(one - 0.8) < 1e-9
    assert abs(two - 0.96) < 1e-9  # the agreeing pair (0, 1) is no evidence of a conflict


def test_dates_years_apart_are_two_happenings_never_one_dated_twice():
    def met(source, day, written):
        found = _found(source, date_quantity(day, "day"), written)
        return dataclasses.replace(found, keys=frozenset({"meet"}))

    meeting = met("daily", dt.date(2017, 11, 20), "yesterday")
    visit = met("wire", dt.date(2015, 10, 20), "October 20, 2015")
    assert compare([meeting, visit], np.ones((3, 2, 2)), EAGER) == ([], [])
    week_off = met("wire", dt.date(2017, 11, 13), "on Monday")
    conflicts, _ = compare([meeting, week_off], np.ones((3, 2, 2)), EAGER)
    assert [c.status for c in conflicts] == ["conflict"]


def test_look_alikes_already_side_by_side_are_not_shown_again():
    found = [
        _found(source, parse_quantity(written), written)
        for source, written in (
            ("wire", "more than two years"),
            ("wire", "more than six years"),
            ("daily", "two years"),
            ("radio", "six years"),
        )
    ]
    conflicts, agreements = compare(found, np.ones((3, 4, 4)), EAGER)
    assert len(agreements) == 2
    # "more than six years" and "two years" look alike but are shown together already
    assert [len(c.claims) for c in conflicts] == [4]
