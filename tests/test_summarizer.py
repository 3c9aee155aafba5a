"""Sentence selection: budget, candidates, redundancy, order."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.lexical import standalone, word_count
from storyline.pipeline import load, make_story
from storyline.salience import FEATURES, Ranker
from storyline.segment import segment
from storyline.summarizer import SummaryConfig, select, summarize_story

from .conftest import EVENT, make_article


@pytest.fixture(scope="module")
def corpus():
    return load([EVENT])


def _summary(corpus, embedder, words=120):
    return summarize_story(corpus.articles, corpus.sentences, embedder, SummaryConfig(words=words))


@pytest.mark.parametrize("words", [40, 120, 250])
def test_summary_respects_the_word_budget(corpus, fake_embedder, words):
    summary = _summary(corpus, fake_embedder, words)
    assert summary
    assert sum(word_count(s.text) for s in summary) <= words


def test_overflow_fills_the_budget_for_truncating_scorers(corpus):
    strict = select(corpus.articles, corpus.sentences, SummaryConfig(words=50))
    filled = select(corpus.articles, corpus.sentences, SummaryConfig(words=50, overflow=True))
    assert sum(word_count(s.text) for s in strict) <= 50
    assert sum(word_count(s.text) for s in filled) >= 50


def test_each_sentence_is_a_real_sentence_of_its_first_citation(corpus, fake_embedder):
    texts = {a.id: a.text for a in corpus.articles}
    for sentence in _summary(corpus, fake_embedder):
        first = sentence.citations[0]
        assert texts[first.article][first.start : first.end] == sentence.text
        for citation in sentence.citations:
            cited = texts[citation.article][citation.start : citation.end]
            assert cited in {s.text for s in corpus.sentences[citation.article]}


def test_one_citation_per_article_at_most(corpus, fake_embedder):
    for sentence in _summary(corpus, fake_embedder, 250):
        articles = [c.article for c in sentence.citations]
        assert len(articles) == len(set(articles))


def test_no_heading_or_dangling_sentence_is_picked(corpus, fake_embedder, annotations):
    headings = {h for a in annotations.values() for h in a["headings"]}
    for sentence in _summary(corpus, fake_embedder, 250):
        assert sentence.text not in headings
        assert standalone(sentence.text)


def test_summary_follows_reading_order(corpus):
    picked = select(corpus.articles, corpus.sentences, SummaryConfig(words=250))
    lengths = {a: len(s) for a, s in corpus.sentences.items()}
    positions = [s.index / lengths[s.article] for s in picked]
    assert positions == sorted(positions)


def test_ranker_decides_what_is_picked(corpus):
    # A ranker that only likes late sentences picks late sentences.
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("relative_position")] = 1.0
    late = Ranker(np.zeros(len(FEATURES)), np.ones(len(FEATURES)), weights, 0.0)
    picked = select(corpus.articles, corpus.sentences, SummaryConfig(words=60), late)
    lengths = {a: len(s) for a, s in corpus.sentences.items()}
    assert all(s.index / lengths[s.article] > 0.5 for s in picked)


def test_identical_sentences_are_cited_but_not_repeated(fake_embedder):
    shared = "The council voted by nine votes to four to close the old harbour road."
    texts = [
        f"{shared} The decision followed a long debate in the town hall on Monday evening.",
        f"{shared} Shop owners on the road said they would appeal to the regional court.",
    ]
    articles = [make_article(t, id=f"a{i}") for i, t in enumerate(texts)]
    sentences = {a.id: segment(a) for a in articles}
    summary = summarize_story(articles, sentences, fake_embedder, SummaryConfig(words=100))
    assert [s.text for s in summary].count(shared) == 1
    cited = next(s for s in summary if s.text == shared)
    assert {c.article for c in cited.citations} == {"a0", "a1"}


def test_empty_input_gives_empty_summary(fake_embedder):
    assert summarize_story([], {}, fake_embedder, SummaryConfig()) == ()


def test_make_story_titles_the_story_after_a_headline(corpus, fake_embedder):
    story = make_story(corpus, fake_embedder, SummaryConfig(words=100))
    titles = {a.title for a in corpus.articles if a.title}
    assert story.title in titles
    assert set(story.articles) == {a.id for a in corpus.articles}


def test_hashing_embedder_is_deterministic_and_unit_length(fake_embedder):
    first = fake_embedder.encode(["a ferry hit the bridge", ""])
    second = fake_embedder.encode(["a ferry hit the bridge", ""])
    assert np.array_equal(first, second)
    assert np.isclose(np.linalg.norm(first[0]), 1.0)
    assert np.linalg.norm(first[1]) == 0.0


def test_a_bare_quotation_comes_with_the_sentence_naming_its_speaker(fake_embedder):
    text = (
        "Mayor Irena Castellane visited the shelter for evacuated families on Tuesday. "
        '"We will find out what happened at the grain terminal, and we will not rest." '
        "The harbour reopened to ships on Friday after inspections of the piers."
    )
    article = make_article(text)
    sentences = {article.id: segment(article)}
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("quotation")] = 1.0  # prefer the quotation above all
    likes_quotes = Ranker(np.zeros(len(FEATURES)), np.ones(len(FEATURES)), weights, 0.0)
    picked = select([article], sentences, SummaryConfig(words=30), likes_quotes)
    assert [s.index for s in picked] == [0, 1]
    assert standalone(picked[0].text) and not standalone(picked[1].text)
