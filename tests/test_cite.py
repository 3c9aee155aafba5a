"""Citations: lexical candidates confirmed by embeddings; numbers must agree."""

from __future__ import annotations

import numpy as np

from storyline.cite import CitationConfig, cite, reports_same
from storyline.segment import segment

from .conftest import make_article


def test_reports_same_needs_shared_words_and_a_close_vector():
    config = CitationConfig()
    a = "Shares in the ferry operator fell sharply on Tuesday morning."
    unrelated = "The bridge will stay closed to traffic until the inspection ends."
    reworded = "On Tuesday morning shares of the ferry company dropped."
    assert not reports_same(0.99, a, unrelated, config)  # no shared words: never
    assert reports_same(0.8, a, reworded, config)
    assert not reports_same(0.6, a, reworded, config)
    assert not reports_same(None, a, reworded, config)  # needs a vector
    copy = "Shares in the ferry operator fell sharply on Tuesday morning, traders said."
    assert reports_same(None, a, copy, config)  # near-verbatim: no vector needed


def test_numbers_that_disagree_block_a_citation():
    a = "Three workers were killed in the fire at the terminal on Tuesday."
    b = "Four workers were killed in the fire at the terminal on Tuesday."
    assert not reports_same(0.99, a, b, CitationConfig())


def test_cite_finds_the_paraphrase_in_another_article_with_the_real_model(minilm):
    one = make_article(
        "A ferry struck a support pier of the Tamsin Narrows Bridge on Monday evening. "
        "The weather was calm.",
        id="one",
    )
    two = make_article(
        "Officials said the bridge was shut. On Monday evening a ferry struck one of the "
        "Tamsin Narrows Bridge's support piers, police said.",
        id="two",
    )
    three = make_article("The harbour museum opens a new wing for lighthouse diaries.", id="three")
    sentences = {a.id: segment(a) for a in (one, two, three)}
    (cited,) = cite([sentences["one"][0]], sentences, minilm)
    assert [c.article for c in cited.citations] == ["one", "two"]
    second = cited.citations[1]
    assert two.text[second.start : second.end] == sentences["two"][1].text


def test_cite_embeds_only_the_few_sentences_it_needs():
    class Counting:
        name = "counting"

        def __init__(self) -> None:
            self.seen: list[str] = []

        def encode(self, texts):
            self.seen.extend(texts)
            return np.ones((len(texts), 4), dtype=np.float32) / 2.0

    related = ["A ferry hit the bridge on Monday.", "On Monday evening a vessel struck the bridge."]
    unrelated = [f"Market stall {i} sold {i} crates of apples at dawn." for i in range(18)]
    articles = [make_article(t, id=f"a{i}") for i, t in enumerate(related + unrelated)]
    sentences = {a.id: segment(a) for a in articles}
    embedder = Counting()
    cite([sentences["a0"][0]], sentences, embedder)
    assert sorted(embedder.seen) == sorted(related)
