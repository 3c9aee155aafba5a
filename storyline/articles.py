"""Build an :class:`Article` from a read document and what cleaning found in it.

Source (outlet), in order of trust: the input's metadata, the URL's domain, a trailer line
("Source: X and agencies"), a credit line ("With reporting by A and B"), the file name.
Date: the input's metadata, else a full date in a date line, dateline or photo caption,
else unknown (never guessed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from urllib.parse import urlparse

from storyline.model import Article, Cleaned, Document


def article_id(document: Document) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of the raw text and its outlet.

    The outlet (source and URL) is part of the key, so one wire story run by two outlets
    makes two articles (one a copy of the other), while the same file read twice makes one.
    """
    key = document.raw.strip()
    if document.source or document.url:
        key += f"\x00{document.source or ''}\x00{document.url or ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def make_article(document: Document, cleaned: Cleaned) -> Article:
    source, source_from = _source(document, cleaned)
    date: dt.date | None = document.date
    date_from: str | None = "metadata"
    if date is None:
        date, date_from = cleaned.date_hint, cleaned.date_hint_from
    return Article(
        id=article_id(document),
        path=document.path,
        line=document.line,
        source=source,
        source_from=source_from,
        title=cleaned.title,
        date=date,
        date_from=date_from,
        url=document.url,
        text=cleaned.text,
        headings=cleaned.headings,
        removed=cleaned.removed,
        credits=cleaned.credits,
    )


def _source(document: Document, cleaned: Cleaned) -> tuple[str, str]:
    if document.source:
        return document.source, "metadata"
    if document.url and (host := urlparse(document.url).hostname):
        return host.removeprefix("www."), "url"
    if cleaned.trailer_source:
        return cleaned.trailer_source, "trailer"
    agencies = [c for c in cleaned.credits if c != "agencies"]
    if agencies:
        return ", ".join(agencies), "credit line"
    name = "stdin" if document.path == "<stdin>" else Path(document.path).stem
    return (name if document.line is None else f"{name}:{document.line}"), "file name"
