"""Baselines: lead, sumy LexRank/TextRank with our splitter, greedy oracle."""

from __future__ import annotations

import pytest

from storyline import baselines
from storyline.pipeline import load

from .conftest import EVENT


@pytest.fixture(scope="module")
def documents():
    corpus = load([EVENT])
    return [[s.text for s in corpus.sentences[a.id]] for a in corpus.articles]


def _words(sentences):
    return sum(len(s.split()) for s in sentences)


def test_lead_takes_first_sentences_round_robin(documents):
    summary = baselines.lead(documents, 40)
    assert summary[: len(documents)] == [d[0] for d in documents][: len(summary)]
    assert _words(summary) >= 40
    assert _words(summary[:-1]) < 40  # stops once the budget is reached


@pytest.mark.parametrize("name", ["lexrank", "textrank"])
def test_sumy_baselines_pick_real_sentences_within_budget(documents, name):
    summary = getattr(baselines, name)(documents, 60)
    pool = {s for d in documents for s in d}
    assert summary and set(summary) <= pool
    assert _words(summary[:-1]) < 60


def test_oracle_prefers_sentences_that_match_the_reference(documents):
    target = documents[1][2]
    summary = baselines.oracle(documents, 30, [target])
    assert summary[0] == target


def test_oracle_stops_when_nothing_helps(documents):
    assert baselines.oracle(documents, 100, ["zzz qqq xxx"]) == []
