"""Concepts of a story, their features and the shipped weight model."""

from __future__ import annotations

import numpy as np

from storyline.concepts import FEATURES, concept_features, concepts, default_concept_model


def test_concepts_are_stemmed_words_and_pairs_without_stopword_pairs():
    found = concepts("The ferries were sailing to the islands.")
    assert ("ferri",) in found and ("island",) in found
    assert ("ferri", "were") in found
    assert ("to", "the") not in found and ("the",) not in found


def test_features_count_articles_positions_and_names():
    documents = [
        ["Storm Aldous closed the port of Marrow Bay.", "Ferries stayed in harbour."],
        ["The port reopened after Storm Aldous passed.", "Fishermen counted the damage."],
    ]
    keys, rows = concept_features(documents)
    assert rows.shape == (len(keys), len(FEATURES))
    table = dict(zip(keys, rows, strict=True))
    aldous = table[("aldou",)]
    assert aldous[FEATURES.index("documents")] == 2
    assert aldous[FEATURES.index("lead_sentences")] == 2
    assert aldous[FEATURES.index("capitalized")] == 1.0
    assert table[("fishermen",)][FEATURES.index("documents")] == 1
    assert table[("fishermen",)][FEATURES.index("first_position")] == 0.5


def test_the_shipped_model_prefers_what_every_article_leads_with():
    lead = "Storm Aldous closed the port of Marrow Bay and cut power to 4,000 homes."
    documents = [
        [lead, "A bakery on Quay Street handed out free bread to neighbours."],
        [lead.replace("closed", "shut"), "The school choir postponed its spring concert."],
        [lead, "Wind gusts reached 130 km/h at the lighthouse overnight."],
    ]
    weights = default_concept_model().weights(documents)
    assert weights[("aldou",)] > weights[("bakeri",)]
    assert weights[("marrow", "bay")] > weights[("choir",)]
    assert all(np.isfinite(list(weights.values()))) and min(weights.values()) >= 0.0
