"""HTML pages to text with trafilatura: main content only, comments excluded."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

import trafilatura
import trafilatura.settings
from trafilatura.settings import use_config

from storyline.errors import InputError
from storyline.ingest.dates import parse_date
from storyline.model import Document

_TAG = re.compile(r"<(?:p|div|br|article|body|html|h[1-6]|span|a)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True for markup (a JSON field holding a page), false for text that mentions a tag."""
    return len(_TAG.findall(text[:5000])) >= 2


@lru_cache(maxsize=1)
def _config():  # type: ignore[no-untyped-def]
    config = use_config()
    # trafilatura falls back to a flat baseline extraction (one line, headings merged into
    # paragraphs) when a page's main text is short; short news items need their structure.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "10")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "10")
    return config


def read_html(path: str, markup: str, line: int | None = None) -> Document:
    """Extract an article's main text and metadata (title, site name, date, URL)."""
    try:
        extracted = trafilatura.bare_extraction(
            markup,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            config=_config(),
            # Only dates stated in the markup; no guessing from copyright lines.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        raise InputError(path, f"HTML could not be parsed ({type(exc).__name__})", line) from exc
    text = extracted.text if isinstance(extracted, trafilatura.settings.Document) else None
    if text is None or not text.strip():
        raise InputError(path, "no article text found in the HTML page", line)
    assert isinstance(extracted, trafilatura.settings.Document)
    url = extracted.url
    return Document(
        path=path,
        raw=text,
        line=line,
        title=extracted.title or None,
        source=extracted.sitename or (_domain(url) if url else None),
        url=url or None,
        date=parse_date(extracted.date) if extracted.date else None,
    )


def _domain(url: str) -> str | None:
    host = urlparse(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")
