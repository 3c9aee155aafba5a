"""storyline: turn news articles from many outlets into cited story reports.

Library use::

    import storyline
    report = storyline.summarize(["articles/"], words=250)
    print(report.to_markdown())
"""

from storyline.errors import InputError, ModelError, NoUsableInput, StorylineError
from storyline.model import Article, Citation, Report, Sentence, Story, SummarySentence

__version__ = "0.1.0"


def summarize(inputs, words=250, embedder=None, progress=None):  # type: ignore[no-untyped-def]
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
