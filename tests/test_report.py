"""Rendering: the JSON schema, Markdown and HTML views of one report."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any

import pytest

from storyline.model import Article, Citation, Report, Story, Storyline, SummarySentence
from storyline.pipeline import summarize
from storyline.report import _when
from storyline.shorten import shorten

from .conftest import EVENT, make_article


@pytest.fixture(scope="module")
def report():
    from storyline.embed import HashingEmbedder

    return summarize([EVENT], words=120, embedder=HashingEmbedder())


def test_json_follows_schema_v1(report):
    data = json.loads(report.to_json())
    assert data["schema"] == "storyline.report/1"
    assert set(data) >= {"articles", "stories", "skipped"}
    article = data["articles"][0]
    assert set(article) >= {"id", "path", "source", "title", "date", "text", "removed"}
    assert all(set(r) == {"text", "reason"} for r in article["removed"])
    story = data["stories"][0]
    assert set(story) >= {"id", "title", "articles", "summary"}
    assert set(story["articles"]) == {a["id"] for a in data["articles"]}
    for sentence in story["summary"]:
        assert set(sentence) == {"text", "citations"}
        for citation in sentence["citations"]:
            assert set(citation) == {"article", "start", "end"}


def test_json_citations_slice_the_cited_article_text(report):
    data = json.loads(report.to_json())
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for sentence in data["stories"][0]["summary"]:
        first = sentence["citations"][0]
        assert shorten(texts[first["article"]][first["start"] : first["end"]]) == sentence["text"]


def test_json_dates_are_iso_or_null(report):
    data = json.loads(report.to_json())
    dates = {a["path"].rsplit("/", 1)[-1]: a["date"] for a in data["articles"]}
    assert dates["outlet_a.txt"] == "2026-03-09"
    assert dates["outlet_b.txt"] is None


def test_markdown_cites_every_sentence_with_reference_numbers(report):
    markdown = report.to_markdown()
    assert markdown.startswith("# storyline report")
    story = report.stories[0]
    assert f"## {story.title}" in markdown
    for sentence in story.summary:
        line = next(x for x in markdown.splitlines() if x.startswith(sentence.text))
        assert line.rstrip().endswith("]")
    assert "## Sources" in markdown
    assert "## Removed page furniture" in markdown
    assert "photo caption (printed twice)" in markdown


def test_markdown_lists_removed_furniture_per_article(report):
    markdown = report.to_markdown()
    removed_section = markdown.split("## Removed page furniture", 1)[1]
    assert "related-headlines block (other articles)" in removed_section
    assert "source trailer (kept as the source)" in removed_section


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("class") == "cite":
            self.links.append(attributes["href"])


def test_html_citation_links_point_at_marked_sentences(report):
    collector = _Collector()
    collector.feed(report.to_html())
    cited = sum(len(s.citations) for s in report.stories[0].summary)
    assert len(collector.links) == cited
    for link in collector.links:
        assert link.startswith("#") and link[1:] in collector.ids


def test_html_escapes_article_text():
    from storyline.model import Report

    article = make_article("A <script>alert(1)</script> tag appeared in a scraped sentence.")
    html = Report(articles=(article,), stories=()).to_html()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


# --------------------------------------------- storylines, copies and undated articles

NOV_20, NOV_21 = dt.date(2017, 11, 20), dt.date(2017, 11, 21)


def _article(id: str, source: str, date: dt.date | None, **extra: Any) -> Article:
    text = f"{_first_sentence(id)} It has a second sentence."
    date_from = "metadata" if date else None
    return replace(
        make_article(text, id=id), source=source, date=date, date_from=date_from, **extra
    )


def _first_sentence(article_id: str) -> str:
    return f"The {article_id} story was reported."


def _cite(*article_ids: str) -> SummarySentence:
    """The first sentence of the first article, supported by the first of the others."""
    citations = tuple(Citation(a, 0, len(_first_sentence(a))) for a in article_ids)
    return SummarySentence(_first_sentence(article_ids[0]), citations)


@pytest.fixture
def threaded() -> Report:
    """Two storylines: a strike told in two events (listed late-first), and a budget vote.

    The strike's start has four articles from three outlets, a wire copy (``copy``, of
    ``wire``) and an undated article (``post``).
    """
    articles = (
        _article("gazette", "Gazette", NOV_20),
        _article("wire", "Wire", NOV_21),
        _article("gazette2", "Gazette", NOV_21),
        _article("post", "Post", None),
        _article("copy", "Herald", NOV_21, duplicate_of="wire"),
        _article("end", "Gazette", dt.date(2017, 12, 3)),
        _article("budget", "Wire", dt.date(2018, 1, 14)),
    )
    start = Story(
        id="s-start",
        title="Dockers walk out",
        articles=("gazette", "wire", "gazette2", "post", "copy"),
        summary=(_cite("wire", "gazette"), _cite("post")),
        storyline="dock",
        first=NOV_20,
        last=NOV_21,
        undated=("post",),
    )
    end = Story(
        id="s-end",
        title="Strike ends with pay deal",
        articles=("end",),
        summary=(_cite("end"),),
        storyline="dock",
        first=dt.date(2017, 12, 3),
        last=dt.date(2017, 12, 3),
    )
    budget = Story(
        id="s-budget",
        title="Port budget approved",
        articles=("budget",),
        summary=(_cite("budget"),),
        storyline="port",
        first=dt.date(2018, 1, 14),
        last=dt.date(2018, 1, 14),
    )
    return Report(
        articles=articles,
        stories=(end, budget, start),
        storylines=(
            Storyline("dock", "Dock strike", ("s-end", "s-start")),
            Storyline("port", "Port budget", ("s-budget",)),
        ),
    )


def test_json_carries_storylines_dates_copies_and_undated_articles(threaded):
    data = json.loads(threaded.to_json())
    assert data["schema"] == "storyline.report/1"
    copies = {a["id"]: a["duplicate_of"] for a in data["articles"]}
    assert copies["copy"] == "wire"
    assert [i for i, of in copies.items() if of] == ["copy"]
    stories = {s["id"]: s for s in data["stories"]}
    start = stories["s-start"]
    assert (start["storyline"], start["first"], start["last"]) == (
        "dock",
        "2017-11-20",
        "2017-11-21",
    )
    assert start["undated_articles"] == ["post"]
    assert stories["s-end"]["undated_articles"] == []
    assert stories["s-budget"]["storyline"] == "port"
    assert data["storylines"] == [
        {"id": "dock", "title": "Dock strike", "stories": ["s-start", "s-end"]},
        {"id": "port", "title": "Port budget", "stories": ["s-budget"]},
    ]


def test_json_dates_of_an_undated_story_are_null():
    story = Story("s", "Undated", ("a",), ())
    data = Report(articles=(make_article("Text.", id="a"),), stories=(story,)).to_dict()
    assert (data["stories"][0]["first"], data["stories"][0]["last"]) == (None, None)


def test_markdown_orders_events_by_date_within_a_storyline(threaded):
    markdown = threaded.to_markdown()
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings[:5] == [
        "# storyline report",
        "## Dock strike",
        "### Dockers walk out",
        "### Strike ends with pay deal",
        "## Port budget approved",  # a one-event storyline is shown as its event
    ]
    assert "*2 events · 20 Nov – 3 Dec 2017*" in markdown


def test_markdown_gives_each_event_its_dates_and_independent_sources(threaded):
    markdown = threaded.to_markdown()
    assert "*20–21 Nov 2017 · 4 articles from 3 outlets, plus 1 copy · summary of" in markdown
    assert "*3 Dec 2017 · 1 article from 1 outlet · summary of" in markdown
    assert "The wire story was reported. [1, 2]" in markdown


def test_markdown_marks_copies_in_the_sources(threaded):
    sources = threaded.to_markdown().split("## Sources", 1)[1]
    copy_line = next(line for line in sources.splitlines() if line.startswith("[5]"))
    assert copy_line.rstrip().endswith("— copy of [2]")
    assert sum("copy of" in line for line in sources.splitlines()) == 1


def test_markdown_says_which_articles_were_grouped_without_a_date(threaded):
    markdown = threaded.to_markdown()
    note = "*1 article carries no date ([4]); it was grouped with this event by content alone.*"
    assert note in markdown
    assert markdown.count("by content alone") == 1
    # the note belongs to the event it was grouped with
    event = markdown.split("### Dockers walk out", 1)[1].split("###", 1)[0]
    assert note in event


def test_markdown_puts_undated_events_last(threaded):
    start, end, budget = (threaded.stories[2], threaded.stories[0], threaded.stories[1])
    undated = replace(end, id="s-undated", title="Talks stall", first=None, last=None)
    undated_article = replace(threaded.article("end"), date=None)
    report = replace(
        threaded,
        articles=(*threaded.articles[:5], undated_article, threaded.articles[6]),
        stories=(undated, budget, start),
        storylines=(Storyline("dock", "Dock strike", ("s-undated", "s-start")),),
    )
    markdown = report.to_markdown()
    assert markdown.index("### Dockers walk out") < markdown.index("### Talks stall")
    assert "*date unknown · 1 article from 1 outlet" in markdown


def test_report_without_storylines_shows_each_story_on_its_own(threaded):
    report = replace(threaded, storylines=())
    markdown = report.to_markdown()
    assert "###" not in markdown
    assert "## Dock strike" not in markdown
    assert markdown.index("## Strike ends with pay deal") < markdown.index("## Dockers walk out")
    data = report.to_dict()
    assert [t["stories"] for t in data["storylines"]] == [["s-end"], ["s-budget"], ["s-start"]]
    assert {s["id"]: s["storyline"] for s in data["stories"]}["s-start"] == "s-start"


def test_markdown_of_one_story_has_no_storyline_heading(threaded):
    budget = threaded.stories[1]
    report = Report(
        articles=(threaded.article("budget"),),
        stories=(budget,),
        storylines=(Storyline("port", "Port budget", ("s-budget",)),),
    )
    markdown = report.to_markdown()
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings[:3] == ["# storyline report", "## Port budget approved", "## Sources"]
    assert "*14 Jan 2018 · 1 article from 1 outlet ·" in markdown


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (NOV_20, NOV_20, "20 Nov 2017"),
        (NOV_20, NOV_21, "20–21 Nov 2017"),
        (dt.date(2017, 11, 30), dt.date(2017, 12, 2), "30 Nov – 2 Dec 2017"),
        (dt.date(2017, 12, 30), dt.date(2018, 1, 2), "30 Dec 2017 – 2 Jan 2018"),
        (None, None, "date unknown"),
    ],
)
def test_date_ranges_read_naturally(first, last, text):
    assert _when(first, last) == text


class _Outline(HTMLParser):
    """Headings (tag and text) in document order, and every link's target."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[str, str]] = []
        self.hrefs: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag in {"h1", "h2", "h3"}:
            self._open = tag
            self.headings.append((tag, ""))
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag == self._open:
            self._open = None

    def handle_data(self, data):
        if self._open:
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)


def test_html_shows_storylines_events_copies_and_undated_articles(threaded):
    html = threaded.to_html()
    outline = _Outline()
    outline.feed(html)
    assert outline.headings[:4] == [
        ("h1", "Dock strike"),
        ("h2", "Dockers walk out"),
        ("h2", "Strike ends with pay deal"),
        ("h1", "Port budget approved"),
    ]
    assert "20–21 Nov 2017 · 4 articles from 3 outlets, plus 1 copy" in html
    assert "2 events · 20 Nov – 3 Dec 2017" in html
    assert 'copy of <a href="#a2">[2]</a>' in html
    assert (
        '1 article carries no date (<a href="#a4">[4]</a>); '
        "it was grouped with this event by content alone." in html
    )
    collector = _Collector()
    collector.feed(html)
    assert {"a2", "a4"} <= collector.ids
    assert len(collector.links) == 5  # one per citation, each to a marked sentence
    assert all(link[1:] in collector.ids for link in collector.links)
