"""One exception tree. Messages say what happened, to which input, and what to do.

The CLI is the one place that turns these into output (see :func:`storyline.cli.main`);
library callers catch :class:`StorylineError`.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class of every error storyline raises on purpose."""


class InputError(StorylineError):
    """An input (file, line of a file, or stdin) cannot be used."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {reason}")

    @property
    def locator(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


class NoUsableInput(StorylineError):
    """Nothing in the inputs produced an article, so there is nothing to report."""


class ModelError(StorylineError):
    """The embedding model (or another model) is missing or failed to load."""


class StoreError(StorylineError):
    """Reading or writing stored data failed."""


class OutputError(StorylineError):
    """A report could not be written where the user asked."""
