"""The ROUGE wrapper against values computed by hand."""

from __future__ import annotations

import pytest

from storyline.rouge import reference_sentences, score, truncate

CANDIDATE = ["the cat sat on the mat"]
REFERENCE = "the cat is on the mat"


def test_unigram_bigram_and_lcs_by_hand():
    result = score(CANDIDATE, [REFERENCE], None)
    # unigrams: the x2, cat, on, mat = 5 of 6 on both sides
    assert result.rouge1_recall == pytest.approx(5 / 6)
    assert result.rouge1_f == pytest.approx(5 / 6)
    # bigrams: "the cat", "on the", "the mat" = 3 of 5
    assert result.rouge2_recall == pytest.approx(3 / 5)
    # longest common subsequence: the cat on the mat = 5 of 6
    assert result.rougeLsum_recall == pytest.approx(5 / 6)


def test_several_references_are_averaged_not_maxed():
    result = score(CANDIDATE, [REFERENCE, "a dog sat on a log"], None)
    # second reference shares "sat" and "on": 2 of 6
    assert result.rouge1_recall == pytest.approx((5 / 6 + 2 / 6) / 2)


def test_stemming_matches_inflections():
    result = score(["the ferries sank"], ["the ferry sinks"], None)
    assert result.rouge1_recall == pytest.approx(2 / 3)  # the, ferri; "sank" is irregular


def test_truncation_to_the_word_budget():
    assert truncate(["one two three", "four five six"], 4) == ["one two three", "four"]
    assert truncate(["one two three"], None) == ["one two three"]
    result = score(["the cat sat on the mat"], [REFERENCE], 3)  # "the cat sat"
    assert result.rouge1_recall == pytest.approx(2 / 6)
    assert result.rouge1_f == pytest.approx(2 * (2 / 3) * (2 / 6) / (2 / 3 + 2 / 6))


def test_multinews_leading_dash_is_stripped_and_lines_become_sentences():
    assert reference_sentences("– First point here. Second point there.\nThird.") == [
        "First point here.",
        "Second point there.",
        "Third.",
    ]
    assert score(CANDIDATE, ["– " + REFERENCE], None) == score(CANDIDATE, [REFERENCE], None)


def test_lsum_uses_sentence_lines():
    split = score(["the cat sat.", "on the mat."], ["the cat is on the mat."], None)
    assert 0 < split.rougeLsum_recall <= 1
