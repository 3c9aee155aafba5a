"""Tests for reading decoded inputs (text, JSON, JSON Lines, HTML) into documents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from storyline.ingest.readers import ReadResult, read
from storyline.ingest.sources import Source
from storyline.model import Document

from ..conftest import FRENCH

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EVENT = FIXTURES / "event"


PAGE = (
    "<html><head><title>Dam opens</title></head><body><article>"
    "<h1>Dam opens</h1>"
    "<p>The new dam on the Kessel river opened on Friday after six years of work.</p>"
    "<p>Engineers said the reservoir would take two winters to fill completely.</p>"
    "</article></body></html>"
)


def _read_bytes(path: str, data: bytes, suffix: str) -> ReadResult:
    return read(Source(path, data, suffix))


def _read_json(value: Any, path: str = "in.json") -> ReadResult:
    return _read_bytes(path, json.dumps(value).encode(), ".json")


def _read_file(path: Path) -> ReadResult:
    return _read_bytes(str(path), path.read_bytes(), path.suffix.lower())


def _only_document(result: ReadResult) -> Document:
    assert result.problems == []
    [document] = result.documents
    return document


def test_plain_text_is_one_document_with_the_raw_text() -> None:
    text = "Headline\n\nFirst paragraph of the story.\nSecond paragraph.\n"

    document = _only_document(_read_bytes("story.txt", text.encode(), ".txt"))

    assert document == Document(path="story.txt", raw=text)


def test_multinews_separated_text_is_one_document_per_part() -> None:
    path = FIXTURES / "multinews_style.txt"

    result = _read_file(path)

    assert result.problems == []
    assert [d.line for d in result.documents] == [1, 2, 3]
    assert [d.locator for d in result.documents] == [f"{path}:{n}" for n in (1, 2, 3)]
    assert result.documents[0].raw.startswith("Thousands of migrating cranes")
    assert result.documents[1].raw.startswith("A fogbound flock of cranes")
    assert result.documents[2].raw.startswith("Passengers at Druvenholt")
    assert all("|||||" not in d.raw for d in result.documents)


def test_json_object_with_alternative_field_names() -> None:
    document = _only_document(
        _read_json(
            {
                "body": "The council approved the budget on Tuesday.",
                "headline": "Budget approved",
                "outlet": "Valley Times",
                "link": "https://valley.example/budget",
                "published": "2017-11-20T08:00:00Z",
            }
        )
    )

    assert document.raw == "The council approved the budget on Tuesday."
    assert document.title == "Budget approved"
    assert document.source == "Valley Times"
    assert document.url == "https://valley.example/budget"
    assert document.date == dt.date(2017, 11, 20)
    assert document.line is None
    assert document.collection is None


def test_json_array_is_one_document_per_object() -> None:
    result = _read_json([{"text": "First story."}, {"text": "Second story."}])

    assert result.problems == []
    assert [d.raw for d in result.documents] == ["First story.", "Second story."]


def test_json_articles_wrapper_is_unwrapped() -> None:
    result = _read_json({"articles": [{"content": "One."}, {"article": "Two."}]})

    assert result.problems == []
    assert [d.raw for d in result.documents] == ["One.", "Two."]


def test_json_source_object_gives_its_name() -> None:
    document = _only_document(
        _read_json({"text": "A story.", "source": {"id": "x-news", "name": "X"}})
    )

    assert document.source == "X"


def test_jsonl_malformed_line_is_reported_and_others_are_read() -> None:
    lines = ['{"text": "Line one story."}', '{"text": "broken', '{"text": "Line three story."}']

    result = _read_bytes("feed.jsonl", "\n".join(lines).encode(), ".jsonl")

    assert [(d.raw, d.line) for d in result.documents] == [
        ("Line one story.", 1),
        ("Line three story.", 3),
    ]
    [problem] = result.problems
    assert problem.line == 2
    assert problem.locator == "feed.jsonl:2"


def test_json_object_without_text_field_is_a_problem() -> None:
    result = _read_json({"title": "Only a headline", "url": "https://x.example/a"})

    assert result.documents == []
    [problem] = result.problems
    assert "no article text" in str(problem)


def test_evaluation_cluster_is_one_document_per_document() -> None:
    cluster = {
        "id": "c1",
        "documents": [{"text": "First account."}, {"text": "Second account."}],
        "summaries": ["A reference summary."],
    }

    result = _read_json(cluster, path="clusters.json")

    assert result.problems == []
    assert [d.raw for d in result.documents] == ["First account.", "Second account."]
    assert all(d.collection == "c1" for d in result.documents)
    assert all("reference summary" not in d.raw for d in result.documents)


def test_evaluation_clusters_in_jsonl_keep_line_and_collection() -> None:
    lines = [
        json.dumps({"id": "c1", "documents": [{"text": "A."}], "summaries": []}),
        json.dumps({"id": "c2", "documents": [{"text": "B."}, {"text": "C."}]}),
    ]

    result = _read_bytes("eval.jsonl", "\n".join(lines).encode(), ".jsonl")

    assert [(d.raw, d.line, d.collection) for d in result.documents] == [
        ("A.", 1, "c1"),
        ("B.", 2, "c2"),
        ("C.", 2, "c2"),
    ]


def test_cluster_with_no_documents_is_a_problem() -> None:
    result = _read_json({"id": "c9", "documents": [], "summaries": ["x"]})

    assert result.documents == []
    [problem] = result.problems
    assert "no documents" in str(problem)


def test_html_page_gives_main_text_and_metadata() -> None:
    path = EVENT / "outlet_d.html"
    gold = json.loads((EVENT.parent / "event_annotations.json").read_text(encoding="utf-8"))[
        "outlet_d.html"
    ]

    document = _only_document(_read_file(path))

    assert document.title == gold["title"]
    assert document.source == "Estuary Chronicle" == gold["source"]
    assert document.date == dt.date(2026, 3, 10) == dt.date.fromisoformat(gold["date"])
    assert gold["body"][0] in document.raw
    assert gold["body"][-1] in document.raw


def test_html_page_excludes_comments() -> None:
    document = _only_document(_read_file(EVENT / "outlet_d.html"))

    assert "That pier fender has been damaged since last autumn." not in document.raw
    assert "Hope everyone who was hurt recovers quickly." not in document.raw
    assert "harbourwatcher" not in document.raw


def test_html_page_excludes_navigation() -> None:
    document = _only_document(_read_file(EVENT / "outlet_d.html"))
    lines = document.raw.splitlines()

    assert "Transport & Roads" not in document.raw
    assert not {"Home", "Local", "Sport", "Weather"} & set(lines)


def test_html_in_json_text_field_is_extracted() -> None:
    document = _only_document(_read_json({"text": PAGE, "title": "From JSON"}))

    assert "<p>" not in document.raw
    assert "The new dam on the Kessel river opened on Friday" in document.raw
    assert "two winters to fill completely" in document.raw
    assert document.title == "From JSON"


def test_non_utf8_file_gives_a_notice_naming_the_encoding() -> None:
    result = _read_bytes("french.txt", FRENCH.encode("cp1252"), ".txt")

    document = _only_document(result)
    assert document.raw == FRENCH
    [notice] = result.notices
    assert notice.path == "french.txt"
    assert "cp1252" in notice.message


def test_utf8_file_gives_no_notice() -> None:
    result = _read_bytes("plain.txt", "Déjà vu.".encode(), ".txt")

    assert result.notices == []


def test_epoch_milliseconds_date_is_converted() -> None:
    document = _only_document(_read_json({"text": "A story.", "date": 1511136000000}))

    assert document.date == dt.date(2017, 11, 20)


def test_epoch_seconds_date_is_converted() -> None:
    document = _only_document(_read_json({"text": "A story.", "date": 1511136000}))

    assert document.date == dt.date(2017, 11, 20)


def test_empty_input_is_a_problem_not_an_exception() -> None:
    result = _read_bytes("empty.txt", b"", ".txt")

    assert result.documents == []
    [problem] = result.problems
    assert "empty" in str(problem)


def test_invalid_json_file_is_a_problem() -> None:
    result = _read_bytes("bad.json", b'{"text": "unterminated', ".json")

    assert result.documents == []
    [problem] = result.problems
    assert "not valid JSON" in str(problem)
