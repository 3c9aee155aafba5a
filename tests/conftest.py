"""Shared fixtures: the fictional fixture corpus, its annotations, and embedders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline.embed import HashingEmbedder, MiniLMEmbedder
from storyline.model import Article, Span

FIXTURES = Path(__file__).parent / "fixtures"
EVENT = FIXTURES / "event"
EXAMPLE = Path(__file__).parent.parent / "examples" / "harbor"

#: Eight lines of French, long enough for charset detection to tell cp1252 from its cousins.
FRENCH = (
    "Le maire de Lyon a déclaré mardi que les travaux du pont reprendront après l'été.\n"
    "« Nous avons été très prudents », a-t-il ajouté lors d'une conférence de presse.\n"
    "Les élèves de l'école primaire ont célébré la fête de fin d'année avec leurs familles.\n"
    "Selon la préfecture, la circulation sera déviée pendant plusieurs semaines "
    "à partir de lundi.\n"
    "Les commerçants du quartier craignent une baisse de leur chiffre d'affaires cet hiver.\n"
    "Le préfet a précisé que la sécurité des riverains restait la priorité absolue de l'État.\n"
    "Une réunion publique est prévue jeudi soir à la mairie du troisième arrondissement.\n"
    "Les associations de cyclistes réclament une piste protégée pendant le chantier.\n"
)


def make_article(text: str, id: str = "a", headings: tuple[Span, ...] = ()) -> Article:
    """A cleaned article with ``text`` and no metadata, for stage tests."""
    return Article(
        id=id,
        path=f"{id}.txt",
        line=None,
        source=id.upper(),
        source_from="file name",
        title=None,
        date=None,
        date_from=None,
        url=None,
        text=text,
        headings=headings,
        removed=(),
    )


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
