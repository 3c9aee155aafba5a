"""Read decoded inputs into :class:`~storyline.model.Document` records.

Formats: plain or scraped text (``|||||`` separates several articles, the Multi-News
convention), HTML (main text by trafilatura, comments excluded), a JSON object or array,
and JSON Lines. A JSON object is either one article or a cluster of the evaluation sets
(``{"id", "documents": [...], "summaries": [...]}``). See docs/inputs.md for field names.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from storyline.errors import InputError
from storyline.ingest import html
from storyline.ingest.dates import parse_date
from storyline.ingest.decode import decode
from storyline.ingest.sources import Source
from storyline.model import Document, Notice

TEXT_KEYS = ("text", "body", "content", "article", "maintext", "story")
TITLE_KEYS = ("title", "headline")
SOURCE_KEYS = ("source", "outlet", "publisher", "site_name", "sitename", "site")
URL_KEYS = ("url", "link")
DATE_KEYS = ("date", "published", "published_at", "publish_date", "pubDate", "datetime")

_MULTINEWS_SEPARATOR = re.compile(r"[ \t]*\|\|\|\|\|[ \t]*\n?")


@dataclass
class ReadResult:
    """Everything read from one input: its articles, what had to be skipped, and notices."""

    documents: list[Document] = field(default_factory=list)
    problems: list[InputError] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def read(source: Source) -> ReadResult:
    """Read one input. Never raises for bad content: problems are collected in the result."""
    result = ReadResult()
    try:
        decoded = decode(source.path, source.data)
    except InputError as exc:
        result.problems.append(exc)
        return result
    if decoded.guessed:
        result.notices.append(
            Notice(source.path, f"not UTF-8; decoded as {decoded.encoding} (detected charset)")
        )
    kind = _kind(source.suffix, decoded.text)
    if kind == "jsonl":
        _read_json_lines(source.path, decoded.text, result)
    elif kind == "json":
        _read_json(source.path, decoded.text, result)
    elif kind == "html":
        _collect(result, lambda: [html.read_html(source.path, decoded.text)])
    else:
        _collect(result, lambda: list(_read_text(source.path, decoded.text)))
    if not result.documents and not result.problems:
        result.problems.append(InputError(source.path, "holds no article"))
    return result


def _collect(result: ReadResult, produce: Any) -> None:
    try:
        result.documents.extend(produce())
    except InputError as exc:
        result.problems.append(exc)


def _kind(suffix: str, text: str) -> str:
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in (".html", ".htm"):
        return "html"
    head = text.lstrip()[:2000].lower()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "jsonl" if "\n{" in text.strip() else "json"
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    return "text"


def _read_text(path: str, text: str) -> Iterator[Document]:
    parts = [p for p in _MULTINEWS_SEPARATOR.split(text)]
    several = len(parts) > 1
    for number, part in enumerate(parts, start=1):
        if not part.strip():
            continue
        yield Document(path=path, raw=part, line=number if several else None)


def _read_json(path: str, text: str, result: ReadResult) -> None:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        result.problems.append(
            InputError(path, f"not valid JSON ({exc.msg}); fix the file", line=exc.lineno)
        )
        return
    items = value if isinstance(value, list) else [value]
    for item in items:
        read_object(path, None, item, result)


def json_lines(path: str, text: str) -> Iterator[tuple[int, Any] | InputError]:
    """Each non-blank line's number and parsed value, or an error naming ``path:line``."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"not valid JSON ({exc.msg}); fix or remove the line", number)


def _read_json_lines(path: str, text: str, result: ReadResult) -> None:
    for item in json_lines(path, text):
        if isinstance(item, InputError):
            result.problems.append(item)
        else:
            read_object(path, item[0], item[1], result)


def read_object(path: str, line: int | None, value: Any, result: ReadResult) -> None:
    """Read one JSON value: an article object, a cluster object, or a list of articles."""
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    if isinstance(value, list):
        for item in value:
            read_object(path, line, item, result)
        return
    if not isinstance(value, dict):
        result.problems.append(
            InputError(path, "expected a JSON object with a text field", line=line)
        )
        return
    if isinstance(value.get("documents"), list):
        collection = str(value.get("id")) if value.get("id") is not None else None
        for item in value["documents"]:
            _collect(result, lambda item=item: [_article(path, line, item, collection)])
        if not value["documents"]:
            result.problems.append(InputError(path, "cluster has no documents", line=line))
        return
    label = value.get("cluster")
    collection = str(label) if isinstance(label, (str, int)) else None
    _collect(result, lambda: [_article(path, line, value, collection)])


def _article(path: str, line: int | None, obj: Any, collection: str | None) -> Document:
    if not isinstance(obj, dict):
        raise InputError(path, "expected a JSON object with a text field", line=line)
    text = _first_string(obj, TEXT_KEYS)
    if text is None or not text.strip():
        names = "/".join(TEXT_KEYS[:3])
        raise InputError(path, f"no article text (expected a {names} field)", line=line)
    document = Document(
        path=path,
        raw=text,
        line=line,
        title=_first_string(obj, TITLE_KEYS),
        source=_source_name(obj),
        url=_first_string(obj, URL_KEYS),
        date=_date(obj),
        collection=collection,
    )
    if html.looks_like_html(text):
        extracted = html.read_html(path, text, line=line)
        document = _merge(document, extracted)
    return document


def _merge(meta: Document, extracted: Document) -> Document:
    """Text from the HTML; metadata from the JSON object first, then from the HTML."""
    return Document(
        path=meta.path,
        raw=extracted.raw,
        line=meta.line,
        title=meta.title or extracted.title,
        source=meta.source or extracted.source,
        url=meta.url or extracted.url,
        date=meta.date or extracted.date,
        collection=meta.collection,
    )


def _first_string(obj: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _source_name(obj: dict[str, Any]) -> str | None:
    for key in SOURCE_KEYS:
        value = obj.get(key)
        if isinstance(value, dict):  # e.g. {"source": {"id": ..., "name": "Outlet"}}
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _date(obj: dict[str, Any]) -> dt.date | None:
    for key in DATE_KEYS:
        value = obj.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds
            try:
                return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
            except (OverflowError, OSError, ValueError):
                return None  # not a timestamp: leave the date unknown
        if isinstance(value, str) and value.strip():
            parsed = parse_date(value)
            if parsed is not None:
                return parsed
    return None
