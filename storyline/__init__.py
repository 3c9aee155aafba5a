"""storyline: turn news articles from many outlets into cited story reports.

Library use::

    import storyline
    report = storyline.summarize(["articles/"], words=250)
    print(report.to_markdown())
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from storyline.errors import InputError, ModelError, NoUsableInput, StorylineError
from storyline.model import Article, Citation, Report, Sentence, Story, SummarySentence

if TYPE_CHECKING:
    from storyline.embed import Embedder
    from storyline.pipeline import Progress

__version__ = "0.1.0"


def summarize(
    inputs: Sequence[str | Path] | str | Path,
    words: int = 250,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read articles and return a :class:`Report`; see :func:`storyline.pipeline.summarize`."""
    from storyline.pipeline import summarize as run

    return run(inputs, words=words, embedder=embedder, progress=progress)


__all__ = [
    "Article",
    "Citation",
    "InputError",
    "ModelError",
    "NoUsableInput",
    "Report",
    "Sentence",
    "Story",
    "StorylineError",
    "SummarySentence",
    "__version__",
    "summarize",
]
