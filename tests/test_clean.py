"""Page-furniture removal, checked against the annotated fixtures and on patterns."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean import clean, clean_all, normalize_line
from storyline.ingest.readers import read
from storyline.ingest.sources import expand
from storyline.model import Document

from .conftest import EVENT


def _fixture_documents(annotations: dict[str, Any]) -> list[Document]:
    documents = []
    for name in annotations:
        source = next(expand([EVENT / name]))
        documents.extend(read(source).documents)  # type: ignore[arg-type]
    return documents


def test_every_body_sentence_of_the_fixtures_survives(annotations):
    for name, cleaned in zip(annotations, clean_all(_fixture_documents(annotations)), strict=True):
        for sentence in annotations[name]["body"]:
            assert sentence in cleaned.text, f"{name}: lost {sentence!r}"


def test_no_furniture_line_of_the_fixtures_stays(annotations):
    for name, cleaned in zip(annotations, clean_all(_fixture_documents(annotations)), strict=True):
        for line in annotations[name]["furniture"]:
            assert line not in cleaned.text, f"{name}: kept furniture {line!r}"


def test_subheads_are_kept_as_headings(annotations):
    for name, cleaned in zip(annotations, clean_all(_fixture_documents(annotations)), strict=True):
        headings = [cleaned.text[h.start : h.end] for h in cleaned.headings]
        assert headings == annotations[name]["headings"], name


def test_title_source_and_date_match_the_annotations(annotations):
    for name, cleaned in zip(annotations, clean_all(_fixture_documents(annotations)), strict=True):
        expected = annotations[name]
        assert cleaned.title == expected["title"], name
        if expected["date"] and name.endswith(".txt"):
            assert cleaned.date_hint == dt.date.fromisoformat(expected["date"]), name
        if expected["source"] and name.endswith(".txt"):
            assert cleaned.trailer_source == expected["source"], name


def test_every_removal_has_a_reason(annotations):
    for cleaned in clean_all(_fixture_documents(annotations)):
        assert cleaned.removed
        assert all(r.reason and r.text for r in cleaned.removed)


def _doc(text: str, title: str | None = None) -> Document:
    return Document(path="t.txt", raw=text, title=title)


BODY = (
    "Officials in the town of Marrow Bay said the flood barrier held through the night.\n\n"
    "The barrier, finished in 2019, was built to withstand a surge of 3.2 metres.\n\n"
    "Residents returned to their homes on Thursday morning after the warning was lifted."
)


def test_duplicated_caption_with_credit_is_removed_and_dates_the_article():
    caption = "Volunteers stack sandbags in Marrow Bay, January 14, 2026."
    cleaned = clean(_doc(f"{caption}\n{caption} (CPA)\n\n{BODY}"))
    assert caption not in cleaned.text
    assert [r.reason for r in cleaned.removed][:2] == ["photo caption (printed twice)"] * 2
    assert cleaned.date_hint == dt.date(2026, 1, 14)
    assert cleaned.date_hint_from == "caption"


def test_related_block_between_rules_is_removed_but_a_lone_subhead_stays():
    text = (
        f"{BODY}\n\n_____\n\nRead more\n\nCouncil backs new harbour wall\n\n"
        "Storm names for the season announced\n\n_____\n\nWhat comes next\n\n"
        "Engineers will inspect the barrier next week before the spring tides."
    )
    cleaned = clean(_doc(text))
    assert "Council backs new harbour wall" not in cleaned.text
    assert "Storm names for the season announced" not in cleaned.text
    assert [cleaned.text[h.start : h.end] for h in cleaned.headings] == ["What comes next"]
    assert "Engineers will inspect the barrier" in cleaned.text


def test_player_banner_and_comment_furniture_is_removed():
    text = (
        "Accessibility links\n\nBreaking News\n\nFlood barrier holds in Marrow Bay\n\n"
        "please wait\n\n0:00 0:01:05 0:00\n\n"
        f"{BODY}\n\nLeave a Reply\n\nTime limit is exhausted. Please reload the CAPTCHA."
    )
    cleaned = clean(_doc(text))
    assert cleaned.title == "Flood barrier holds in Marrow Bay"
    assert cleaned.text == BODY
    reasons = {r.reason for r in cleaned.removed}
    assert "media player timestamp" in reasons
    assert "comment form or CAPTCHA" in reasons


def test_trailers_become_source_and_credits():
    cleaned = clean(_doc(f"{BODY}\n\nSource: Harbour Post and agencies"))
    assert cleaned.trailer_source == "Harbour Post"
    assert cleaned.credits == ("agencies",)
    cleaned = clean(_doc(f"{BODY}\n\nWith reporting by CPA, Tidewater Wire and Kestrel News"))
    assert cleaned.credits == ("CPA", "Tidewater Wire", "Kestrel News")
    assert cleaned.text == BODY


def test_dateline_is_stripped_from_the_first_paragraph():
    cleaned = clean(_doc("MARROW BAY, Jan. 14, 2026 (CPA) - " + BODY))
    assert cleaned.text == BODY
    assert cleaned.date_hint == dt.date(2026, 1, 14)
    assert cleaned.date_hint_from == "dateline"


def test_wire_dateline_with_an_underscore_dash():
    cleaned = clean(_doc("MARROW BAY, Northland (CPA) _ " + BODY))
    assert cleaned.text == BODY


def test_metadata_title_repeated_in_the_text_is_removed_once():
    cleaned = clean(_doc(f"Flood barrier holds\n\n{BODY}", title="Flood barrier holds"))
    assert cleaned.title == "Flood barrier holds"
    assert cleaned.text == BODY


def test_furniture_learned_from_another_article():
    first = _doc(f"Flood barrier holds\n\nMost shared this week\n\n{BODY}")
    second = _doc(
        "Rain returned to the valley on Friday, forecasters said in a short statement.\n\n"
        "Most shared this week\n\n"
        "The river is expected to peak on Saturday afternoon at the old stone bridge."
    )
    alone = clean(second)
    assert "Most shared this week" in alone.text  # on its own it looks like a subhead
    together = clean_all([first, second])[1]
    assert "Most shared this week" not in together.text


def test_text_without_prose_is_kept_rather_than_emptied():
    cleaned = clean(_doc("Harbour wall plans approved by council"))
    assert cleaned.text == "Harbour wall plans approved by council"


def test_headline_only_item_keeps_its_headline_as_text():
    # a feed entry whose only line is its title must not vanish as "furniture"
    headline = "Harbour wall plans approved by council"
    cleaned = clean(_doc(headline, title=headline))
    assert cleaned.title == headline
    assert cleaned.text == headline


def test_item_whose_only_line_is_furniture_keeps_its_metadata_title():
    cleaned = clean(_doc("VIDEO: Storm surge tops the harbour wall", title="Storm surge video"))
    assert cleaned.text == "Storm surge video"


def test_normalize_line_collapses_odd_spaces():
    assert normalize_line("\u00a0Sochi\u2009 talks\u200b  end ") == "Sochi talks end"


_FURNITURE = [
    "Listen to this article",
    "Advertisement",
    "Share this article",
    "Read more",
    "_______________",
    "0:00 0:02:10 0:00",
    "Powered by automated translation",
    "Breaking News",
    "Leave a Reply",
]


@settings(max_examples=60, deadline=None)
@given(
    inserts=st.lists(
        st.tuples(st.integers(min_value=0, max_value=20), st.sampled_from(_FURNITURE)),
        max_size=8,
    ),
    pick=st.integers(min_value=0, max_value=3),
)
def test_property_inserted_furniture_never_costs_a_body_sentence(annotations, inserts, pick):
    name = [n for n in annotations if n.endswith(".txt")][pick % 3]
    paragraphs = [p for p in (EVENT / name).read_text(encoding="utf-8").split("\n\n") if p]
    for position, line in inserts:
        paragraphs.insert(position % (len(paragraphs) + 1), line)
    cleaned = clean(_doc("\n\n".join(paragraphs)))
    for sentence in annotations[name]["body"]:
        assert sentence in cleaned.text
