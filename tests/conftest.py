"""Shared fixtures: the fictional fixture corpus, its annotations, and embedders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.embed import HashingEmbedder, MiniLMEmbedder

FIXTURES = Path(__file__).parent / "fixtures"
EVENT = FIXTURES / "event"
EXAMPLE = Path(__file__).parent.parent / "examples" / "harbor"


@pytest.fixture(scope="session")
def annotations() -> dict[str, Any]:
    """Per fixture file: title, source, date, body sentences, headings, furniture lines."""
    return json.loads((FIXTURES / "event_annotations.json").read_text(encoding="utf-8"))


@pytest.fixture
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture(scope="session")
def minilm() -> MiniLMEmbedder:
    """The real model, loaded once per test session."""
    return MiniLMEmbedder()
