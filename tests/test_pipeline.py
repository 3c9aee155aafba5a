"""The library API: storyline.summarize and the corpus loader."""

from __future__ import annotations

import json

import pytest

import storyline
from storyline.embed import HashingEmbedder
from storyline.errors import NoUsableInput
from storyline.pipeline import load

from .conftest import EVENT, FIXTURES


def test_four_outlets_on_one_event_make_one_story(minilm):
    report = storyline.summarize(EVENT, words=100, embedder=minilm)
    assert isinstance(report, storyline.Report)
    assert len(report.articles) == 4
    assert len(report.stories) == 1
    story = report.stories[0]
    assert story.summary
    assert set(story.articles) == {a.id for a in report.articles}
    assert [s.id for s in report.storylines] == [story.storyline]
    assert story.first is not None and story.first.isoformat() == "2026-03-09"
    assert set(story.undated) == {a.id for a in report.articles if a.date is None}
    assert report.skipped == ()


def test_a_wire_copy_is_listed_but_never_cited(tmp_path, minilm):
    original = (EVENT / "outlet_a.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(original)
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"title": "Ferry crash copy", "text": original, "source": "Other Outlet"}) + "\n"
    )
    report = storyline.summarize(tmp_path, words=100, embedder=minilm)
    copies = [a for a in report.articles if a.duplicate_of]
    assert len(copies) == 1 and copies[0].source == "Other Outlet"
    (story,) = report.stories
    assert copies[0].id in story.articles
    cited = {c.article for line in story.summary for c in line.citations}
    assert copies[0].id not in cited


def test_bad_inputs_are_skipped_and_the_rest_goes_through(tmp_path, fake_embedder):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (tmp_path / "lines.jsonl").write_text('{"text": "Only a fragment"}\n{broken\n')
    report = storyline.summarize(
        [
            EVENT / "outlet_a.txt",
            tmp_path / "empty.txt",
            tmp_path / "blob.txt",
            tmp_path / "lines.jsonl",
            tmp_path / "missing.txt",
        ],
        embedder=fake_embedder,
    )
    assert len(report.articles) == 2  # outlet_a and the fragment line
    reasons = {s.path: s.reason for s in report.skipped}
    assert "empty" in reasons[str(tmp_path / "empty.txt")]
    assert "binary" in reasons[str(tmp_path / "blob.txt")]
    assert "not valid JSON" in reasons[f"{tmp_path / 'lines.jsonl'}:2"]
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]


def test_same_text_twice_is_read_once(tmp_path, fake_embedder):
    text = (EVENT / "outlet_a.txt").read_text(encoding="utf-8")
    (tmp_path / "copy1.txt").write_text(text)
    (tmp_path / "copy2.txt").write_text(text)
    report = storyline.summarize(tmp_path, embedder=fake_embedder)
    assert len(report.articles) == 1
    assert report.skipped[0].reason.startswith("same text as")


def test_article_without_sentences_is_skipped(tmp_path):
    (tmp_path / "furniture.txt").write_text("Read more\n\nShare this article\n\nAdvertisement\n")
    with pytest.raises(NoUsableInput):
        load([tmp_path / "furniture.txt"])


def test_nothing_usable_raises(tmp_path):
    with pytest.raises(NoUsableInput, match="no usable article"):
        storyline.summarize([tmp_path / "nothing-here.txt"], embedder=HashingEmbedder())


def test_multinews_file_gives_one_article_per_part(fake_embedder):
    report = storyline.summarize(FIXTURES / "multinews_style.txt", embedder=fake_embedder)
    assert [a.line for a in report.articles] == [1, 2, 3]


def test_progress_callback_reports_each_stage(fake_embedder):
    seen = []
    storyline.summarize(EVENT, embedder=fake_embedder, progress=lambda *a: seen.append(a))
    stages = {stage for stage, _, _ in seen}
    assert stages == {"reading", "grouping", "summarizing"}
    assert all(done <= total for _, done, total in seen)
