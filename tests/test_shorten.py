"""Shortening summary sentences: only asides go, quotations stay intact."""

from __future__ import annotations

import pytest

from storyline.shorten import shorten


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mayor said on Friday that the flood wall (built in 1961) held firm.",
            "The mayor said that the flood wall held firm.",
        ),
        (
            "A fire tore through the grain terminal early on Tuesday, city officials said.",
            "A fire tore through the grain terminal, city officials said.",
        ),
        (
            "However, rescuers reached the upper village late Sunday after a long climb.",
            "Rescuers reached the upper village after a long climb.",
        ),
        (
            "The storm _ the worst in a decade _ closed the port, police said Tuesday night.",
            "The storm, the worst in a decade, closed the port, police said.",
        ),
    ],
)
def test_asides_are_dropped(sentence, expected):
    assert shorten(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry operator cancelled all crossings to the northern islands until Sunday.",
        "Officials postponed Friday's vote on the harbour budget to the next session.",
        "The council approved the new budget for the harbour district by nine votes.",
    ],
)
def test_weekdays_that_carry_meaning_and_plain_sentences_are_kept(sentence):
    assert shorten(sentence) == sentence


def test_quotations_are_never_touched():
    sentence = '"We met (briefly) on Monday and agreed," the harbour master said Tuesday.'
    assert shorten(sentence) == '"We met (briefly) on Monday and agreed," the harbour master said.'


def test_a_sentence_mostly_made_of_asides_is_left_whole():
    sentence = "However, it held (barely) on Friday."
    assert shorten(sentence) == sentence
