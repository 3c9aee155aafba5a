"""Sentences with character offsets into an article's cleaned text.

pysbd finds the boundaries (it knows abbreviations such as Mr, Gen. and U.S., initials and
decimal numbers). Two rules on top: a paragraph is never crossed, and a quotation that
spans several sentences stays in one sentence with its attribution, so that
``"A. B," she said.`` is one sentence rather than an orphaned ``B," she said.``. Wire copy's
typewriter quotes (two backquotes opening, two apostrophes closing) count as quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache

import pysbd

from storyline.model import Article, Sentence, Span

_PARAGRAPH = re.compile(r"[^\n]+")
_MAX_QUOTE_SENTENCES = 5  # a quotation spanning more sentences is rather an unbalanced mark
_CLOSING = ("''", "”")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def segment(article: Article) -> tuple[Sentence, ...]:
    """All body sentences of ``article`` in text order; subheads are not sentences."""
    spans = [span for paragraph in _paragraphs(article) for span in split_paragraph(*paragraph)]
    return tuple(
        Sentence(article.id, index, span.start, span.end, article.text[span.start : span.end])
        for index, span in enumerate(spans)
    )


def has_sentences(article: Article) -> bool:
    """Whether :func:`segment` finds any sentence, without running the splitter: some
    paragraph that is not a subhead has text."""
    return next(_paragraphs(article), None) is not None


class Sentences(Mapping[str, tuple[Sentence, ...]]):
    """Each article's sentences by article id, split on first use and kept.

    Splitting is the slow part of reading (pysbd, ~5 ms an article), and grouping articles
    into events does not need it; only the stories a summary is written for pay for it.
    """

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = {article.id: article for article in articles}
        self._found: dict[str, tuple[Sentence, ...]] = {}

    def __getitem__(self, article_id: str) -> tuple[Sentence, ...]:
        found = self._found.get(article_id)
        if found is None:
            found = self._found[article_id] = segment(self._articles[article_id])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._articles)

    def __len__(self) -> int:
        return len(self._articles)


def _paragraphs(article: Article) -> Iterator[tuple[str, int]]:
    headings = {(h.start, h.end) for h in article.headings}
    for match in _PARAGRAPH.finditer(article.text):
        if (match.start(), match.end()) not in headings and match.group().strip():
            yield match.group(), match.start()


def split_paragraph(paragraph: str, offset: int = 0) -> list[Span]:
    """Sentence spans of one paragraph, shifted by ``offset``; whitespace is trimmed."""
    pieces: list[Span] = []
    cursor = 0
    for piece in _segmenter().segment(paragraph):
        piece = piece.strip()
        if not piece:
            continue
        start = paragraph.find(piece, cursor)
        if start < 0:  # pysbd altered the text: keep the rest of the paragraph as one piece
            rest = paragraph[cursor:]
            piece = rest.strip()
            if not piece:
                break
            start = cursor + len(rest) - len(rest.lstrip())
        cursor = start + len(piece)
        pieces.append(Span(start, cursor))
    if not pieces and paragraph.strip():  # a paragraph always holds at least one sentence
        start = len(paragraph) - len(paragraph.lstrip())
        pieces.append(Span(start, len(paragraph.rstrip())))
    merged = _merge_open_quotes(paragraph, _move_closing_marks(paragraph, pieces))
    return [Span(offset + s.start, offset + s.end) for s in merged]


def _merge_open_quotes(paragraph: str, spans: list[Span]) -> list[Span]:
    """Join a span that leaves a quotation open with the spans up to the one closing it.

    Only when the quotation closes within a few sentences: an unbalanced quote mark (common
    in wire copy) must not glue the rest of the paragraph together.
    """
    merged: list[Span] = []
    n = 0
    while n < len(spans):
        end = n
        if _open_quote(paragraph[spans[n].start : spans[n].end]):
            for k in range(n + 1, min(n + _MAX_QUOTE_SENTENCES, len(spans))):
                if not _open_quote(paragraph[spans[n].start : spans[k].end]):
                    end = k
                    break
        merged.append(Span(spans[n].start, spans[end].end))
        n = end + 1
    return merged


def _move_closing_marks(paragraph: str, spans: list[Span]) -> list[Span]:
    """Give a closing quote mark that opens a piece (``.'' Next``) back to the piece before."""
    moved: list[Span] = []
    for span in spans:
        mark = next((m for m in _CLOSING if paragraph.startswith(m, span.start)), None)
        if moved and mark:
            moved[-1] = Span(moved[-1].start, span.start + len(mark))
            rest = paragraph[span.start + len(mark) : span.end]
            if not rest.strip():
                continue
            span = Span(span.end - len(rest.lstrip()), span.end)
        moved.append(span)
    return moved


def _open_quote(text: str) -> bool:
    if text.count("“") > text.count("”") or text.count("``") > text.count("''"):
        return True
    return text.count('"') % 2 == 1
