"""The extractive summarizer: budget, candidates, redundancy, citations."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.embed import HashingEmbedder
from storyline.pipeline import embed_sentences, load, make_story
from storyline.segment import segment
from storyline.summarizer import (
    SummaryConfig,
    key_overlap,
    numbers_disagree,
    reports_same,
    standalone,
    summarize_story,
    word_count,
)

from .conftest import EVENT, make_article


@pytest.fixture(scope="module")
def corpus():
    return load([EVENT])


@pytest.fixture(scope="module")
def vectors(corpus):
    return embed_sentences(corpus, HashingEmbedder())


def _summary(corpus, vectors, words=120):
    return summarize_story(corpus.articles, corpus.sentences, vectors, SummaryConfig(words=words))


@pytest.mark.parametrize("words", [40, 120, 250])
def test_summary_respects_the_word_budget(corpus, vectors, words):
    summary = _summary(corpus, vectors, words)
    assert summary
    assert sum(word_count(s.text) for s in summary) <= words


def test_each_sentence_is_a_real_sentence_of_its_first_citation(corpus, vectors):
    texts = {a.id: a.text for a in corpus.articles}
    for sentence in _summary(corpus, vectors):
        first = sentence.citations[0]
        assert texts[first.article][first.start : first.end] == sentence.text
        for citation in sentence.citations:
            cited = texts[citation.article][citation.start : citation.end]
            assert cited in {s.text for s in corpus.sentences[citation.article]}


def test_one_citation_per_article_at_most(corpus, vectors):
    for sentence in _summary(corpus, vectors, 250):
        articles = [c.article for c in sentence.citations]
        assert len(articles) == len(set(articles))


def test_no_heading_or_dangling_sentence_is_picked(corpus, vectors, annotations):
    headings = {h for a in annotations.values() for h in a["headings"]}
    for sentence in _summary(corpus, vectors, 250):
        assert sentence.text not in headings
        assert standalone(sentence.text)


def test_summary_follows_reading_order(corpus, vectors):
    positions = {}
    for article in corpus.articles:
        for s in corpus.sentences[article.id]:
            positions[(s.article, s.start)] = s.index / len(corpus.sentences[article.id])
    summary = _summary(corpus, vectors, 250)
    order = [positions[(s.citations[0].article, s.citations[0].start)] for s in summary]
    assert order == sorted(order)


def test_identical_sentences_are_cited_but_not_repeated(fake_embedder):
    shared = "The council voted by nine votes to four to close the old harbour road."
    texts = [
        f"{shared} The decision followed a long debate in the town hall on Monday evening.",
        f"{shared} Shop owners on the road said they would appeal to the regional court.",
    ]
    articles = [make_article(t, id=f"a{i}") for i, t in enumerate(texts)]
    sentences = {a.id: segment(a) for a in articles}
    vectors = {a.id: fake_embedder.encode([s.text for s in sentences[a.id]]) for a in articles}
    summary = summarize_story(articles, sentences, vectors, SummaryConfig(words=100))
    texts_out = [s.text for s in summary]
    assert texts_out.count(shared) == 1
    cited = next(s for s in summary if s.text == shared)
    assert {c.article for c in cited.citations} == {"a0", "a1"}


def test_empty_input_gives_empty_summary():
    assert summarize_story([], {}, {}, SummaryConfig()) == ()


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
    ],
)
def test_standalone(text, expected):
    assert standalone(text) is expected


def test_reports_same_needs_shared_words_below_the_high_threshold():
    config = SummaryConfig()
    a = "Shares in the ferry operator fell sharply on Tuesday morning."
    b = "The bridge will stay closed to traffic until the inspection ends."
    assert key_overlap(a, b) < config.support_overlap
    assert not reports_same(0.8, a, b, config)
    assert reports_same(0.9, a, b, config)
    assert reports_same(0.75, a, "On Tuesday morning shares in the ferry operator fell.", config)


def test_numbers_that_disagree_block_a_citation():
    config = SummaryConfig()
    a = "Three workers were killed and 11 people injured in the fire on Tuesday."
    b = "Four workers died in the fire on Tuesday, the union said."
    assert numbers_disagree(a, b)
    assert not reports_same(0.95, a, b, config)
    assert not numbers_disagree(a, "Eleven people were injured and three workers killed.")
    assert not numbers_disagree(a, "The fire at the terminal killed workers on Tuesday.")


def test_make_story_titles_the_story_after_a_headline(corpus, vectors):
    story = make_story(corpus, vectors, SummaryConfig(words=100))
    titles = {a.title for a in corpus.articles if a.title}
    assert story.title in titles
    assert set(story.articles) == {a.id for a in corpus.articles}


def test_hashing_embedder_is_deterministic_and_unit_length():
    first = HashingEmbedder().encode(["a ferry hit the bridge", ""])
    second = HashingEmbedder().encode(["a ferry hit the bridge", ""])
    assert np.array_equal(first, second)
    assert np.isclose(np.linalg.norm(first[0]), 1.0)
    assert np.linalg.norm(first[1]) == 0.0
