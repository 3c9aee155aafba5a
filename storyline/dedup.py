"""Fold copies: wire stories run by several outlets, a page scraped twice, a re-publication.

An article is a copy when most of its word 5-grams also occur in an article seen before
(MinHash estimate of the Jaccard similarity at least ``threshold``). The first article of
a family in input order is the canonical one; later ones get ``duplicate_of`` set to it,
so the same input order always gives the same result. Headlines are left out on purpose:
a re-publication under a new headline is still a copy.

Incremental: :meth:`Deduplicator.add` takes the next batch and remembers every canonical
article it has seen (an LSH index of MinHash signatures, a few hundred bytes per article).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from storyline.model import Article

_WORD = re.compile(r"\w+")
SHINGLE = 5
NUM_PERM = 64
#: Articles shorter than this many words are never folded: a one-line brief or a
#: headline-only item repeats stock phrases too easily to call it a copy.
MIN_WORDS = 25


class Deduplicator:
    def __init__(self, threshold: float = 0.7) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._canonical: dict[str, str] = {}

    def add(self, articles: Sequence[Article]) -> list[Article]:
        """The articles in the same order, each copy with ``duplicate_of`` set."""
        result = []
        for article in articles:
            original = self._find(article)
            if original is None:
                result.append(article)
            else:
                result.append(dataclasses.replace(article, duplicate_of=original))
        return result

    def canonical(self, article_id: str) -> str:
        """The canonical article of ``article_id`` (itself when it is not a copy)."""
        return self._canonical.get(article_id, article_id)

    def _find(self, article: Article) -> str | None:
        if article.id in self._canonical:  # seen before: same answer as the first time
            found = self._canonical[article.id]
            return None if found == article.id else found
        words = _WORD.findall(article.text.lower())
        if len(words) < MIN_WORDS:
            self._canonical[article.id] = article.id
            return None
        signature = _signature(words)
        best, best_score = None, self.threshold
        for key in sorted(self._lsh.query(signature)):
            score = signature.jaccard(self._signatures[key])
            if score >= best_score:
                best, best_score = key, score
        if best is not None:
            self._canonical[article.id] = best
            return best
        self._lsh.insert(article.id, signature)
        self._signatures[article.id] = signature
        self._canonical[article.id] = article.id
        return None


def _signature(words: list[str]) -> MinHash:
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    signature = MinHash(num_perm=NUM_PERM, seed=7)
    signature.update_batch([s.encode() for s in sorted(shingles)])
    return signature
