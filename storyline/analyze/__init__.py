"""What a story's articles say beyond the summary: where outlets agree and conflict on
numbers and dates, who said what, when things happened, and how each outlet labels the
people involved.

:func:`analyze_story` parses each article once with spaCy and runs, in order, the
timeline (:mod:`.timeline`, which also resolves the dates the claims need), the claims
(:mod:`.claims`), the quotes (:mod:`.quotes`) and the framing (:mod:`.framing`). A story
of one article has nothing to compare, so it gets no conflicts or agreements.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.analyze.claims import story_claims
from storyline.analyze.framing import story_framing
from storyline.analyze.names import Names
from storyline.analyze.nlp import parse
from storyline.analyze.quotes import story_quotes
from storyline.analyze.timeline import dated_mentions, story_timeline
from storyline.embed import Embedder
from storyline.model import Analysis, Article, Sentence


def analyze_story(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[Sentence]],
    embedder: Embedder,
) -> Analysis:
    """The analysis of one story's canonical articles (copies left out by the caller)."""
    if not articles:
        return Analysis()
    docs = dict(zip((a.id for a in articles), parse([a.text for a in articles]), strict=True))
    names = Names(docs.values())
    mentions = dated_mentions(articles, sentences, docs)
    timeline = story_timeline(articles, mentions, embedder)
    conflicts, agreements = story_claims(articles, sentences, docs, mentions, embedder)
    if len({a.source for a in articles}) < 2:
        conflicts, agreements = [], []
    return Analysis(
        conflicts=tuple(conflicts),
        agreements=tuple(agreements),
        quotes=tuple(story_quotes(articles, docs, names, embedder)),
        timeline=tuple(timeline),
        framing=tuple(story_framing(articles, docs, names)),
    )
