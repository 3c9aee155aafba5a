"""storyline: turn news articles from many outlets into cited story reports.

Library use::

    import storyline
    report = storyline.summarize(["articles/"], words=250)
    print(report.to_markdown())
"""

from __future__ import annotations

from storyline.errors import InputError, ModelError, NoUsableInput, StorylineError
from storyline.model import Article, Citation, Report, Sentence, Story, SummarySentence
from storyline.pipeline import summarize

__version__ = "0.1.0"

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
