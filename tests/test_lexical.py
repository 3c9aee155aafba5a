"""Lexical helpers: standalone sentences, key words, numbers."""

from __future__ import annotations

import pytest

from storyline.lexical import (
    bare_quotation,
    key_overlap,
    numbers,
    numbers_disagree,
    standalone,
    word_count,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said the bridge would stay closed until the inspection was finished.", False),
        ("But the ferry company said the captain had followed every procedure.", False),
        ('"We will rebuild the pier before the summer season," he said on Tuesday.', False),
        ('"It is too early to say what caused it," Chief Dario Menheim said.', True),
        ("This week the council approved a new budget for the harbour works.", True),
        ("The ferry struck the bridge at 6.40 p.m. on Monday, officials said.", True),
        ("The statement read as follows:", False),
        ('Mr Morrow told reporters: "We will need months to repair the damage.', False),
        ('"We will find out what happened, and we will not rest until we do."', False),
    ],
)
def test_standalone(text, expected):
    assert standalone(text) is expected


def test_numbers_in_digits_and_words():
    assert numbers("Three workers died and 11 were hurt; 2,500 fled.") == {3.0, 11.0, 2500.0}


def test_numbers_that_disagree():
    a = "Three workers were killed and 11 people injured in the fire on Tuesday."
    assert numbers_disagree(a, "Four workers died in the fire on Tuesday, the union said.")
    assert not numbers_disagree(a, "Eleven people were injured and three workers killed.")
    assert not numbers_disagree(a, "The fire at the terminal killed workers on Tuesday.")


def test_key_overlap_uses_content_words_of_the_shorter_sentence():
    assert key_overlap("The ferry hit the bridge.", "A ferry hit a bridge on Monday night.") == 1.0
    assert key_overlap("Shares fell sharply.", "The bridge stays closed.") == 0.0


def test_word_count_counts_hyphenated_and_apostrophes_once():
    assert word_count("The port's north-side pier reopened.") == 5


def test_bare_quotation_is_told_apart_from_other_dangling_sentences():
    assert bare_quotation('"We will not rest until we know what happened at the terminal."')
    assert not bare_quotation("He said the terminal would stay closed until Friday.")
    assert not bare_quotation('"We will not rest," Castellane said on Tuesday evening.')
