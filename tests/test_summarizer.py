"""Sentence selection: budget, candidates, concept coverage, order."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.concepts import ConceptModel, concept_features
from storyline.lexical import standalone, word_count
from storyline.pipeline import Group, load, make_story
from storyline.salience import FEATURES, Ranker
from storyline.segment import segment
from storyline.shorten import shorten
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


def _words(picked):
    return sum(word_count(text) for _, text in picked)


def test_overflow_lets_the_last_sentence_run_past_the_budget(corpus):
    strict = select(corpus.articles, corpus.sentences, SummaryConfig(words=50))
    filled = select(corpus.articles, corpus.sentences, SummaryConfig(words=50, overflow=10))
    assert 40 <= _words(strict) <= 50
    assert 50 < _words(filled) <= 60


def test_each_sentence_is_a_real_sentence_of_its_first_citation(corpus, fake_embedder):
    texts = {a.id: a.text for a in corpus.articles}
    for sentence in _summary(corpus, fake_embedder):
        first = sentence.citations[0]
        assert shorten(texts[first.article][first.start : first.end]) == sentence.text
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
    positions = [s.index / lengths[s.article] for s, _ in picked]
    assert positions == sorted(positions)


def test_ranker_decides_when_salience_outweighs_coverage(corpus):
    # A ranker that only likes late sentences picks late sentences.
    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("relative_position")] = 1.0
    late = Ranker(np.zeros(len(FEATURES)), np.ones(len(FEATURES)), weights, 0.0)
    config = SummaryConfig(words=60, salience=100.0)
    picked = select(corpus.articles, corpus.sentences, config, late)
    lengths = {a: len(s) for a, s in corpus.sentences.items()}
    assert picked
    assert all(s.index / lengths[s.article] > 0.5 for s, _ in picked)


class _Likes:
    """A stand-in regressor giving weight only to concepts holding one stemmed word."""

    def __init__(self, word):
        self.word = word
        self.keys = []

    def predict(self, rows):
        return np.array([float(self.word in key) for key in self.keys])


def test_concept_weights_decide_what_is_covered():
    texts = [
        "The ferry operator cancelled all crossings to the northern islands until Sunday. "
        "Engineers found a crack in the hull of the largest ferry during an inspection. "
        "Passengers with tickets will get a full refund from the operator next week."
    ]
    article = make_article(texts[0])
    sentences = {article.id: segment(article)}
    likes = _Likes("refund")
    model = ConceptModel(likes)
    likes.keys = concept_features([[shorten(s.text) for s in sentences[article.id]]])[0]
    config = SummaryConfig(words=16, salience=0.0)
    picked = select([article], sentences, config, concept_model=model)
    assert [s.index for s, _ in picked] == [2]


def test_a_repeat_in_other_words_adds_no_coverage():
    first = "Storm surge flooded the low streets of Marrow Bay and closed the ferry port."
    again = "Storm surge flooded the low streets of Marrow Bay and shut the ferry port."
    other = "The regional council opened three shelters in schools for evacuated families."
    articles = [make_article(f"{first} {other}", id="a0"), make_article(again, id="a1")]
    sentences = {a.id: segment(a) for a in articles}
    picked = select(articles, sentences, SummaryConfig(words=30, salience=0.0))
    texts = [text for _, text in picked]
    assert other in texts
    assert len({first, again} & set(texts)) == 1


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
    event = Group("event-1", "storyline-1", corpus.articles)
    story = make_story(corpus, event, "story-1", fake_embedder, SummaryConfig(words=100))
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
    config = SummaryConfig(words=30, salience=100.0)
    picked = [s for s, _ in select([article], sentences, config, likes_quotes)]
    assert [s.index for s in picked] == [0, 1]
    assert standalone(picked[0].text) and not standalone(picked[1].text)
