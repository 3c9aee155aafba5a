"""The analysis of a small fictional story told by three outlets, with the real models."""

import dataclasses
import datetime as dt

import pytest

from storyline.analyze import analyze_story
from storyline.model import Analysis
from storyline.segment import Sentences
from tests.conftest import make_article

COURIER = (
    "At least 14 people were killed when a landslide buried part of the village of Orla "
    "on Monday, the regional governor, Petra Salk, said.\n\n"
    "“We are digging with our hands because the machines cannot reach the houses,” Salk "
    "told reporters.\n\n"
    "About 2,000 residents were evacuated from the valley."
)
WIRE = (
    "Nine people died in the landslide that hit Orla on Monday, according to the police.\n\n"
    "Governor Petra Salk said rescuers were “digging with their bare hands because no "
    "machine can get to the houses”.\n\n"
    "Roughly 2,000 people were evacuated from the valley, officials said."
)
RADIO = (
    "Rescuers in Orla worked through the night after Monday's landslide.\n\n"
    "The embattled governor Salk promised help: “Every family will get a new home.”"
)


@pytest.fixture(scope="module")
def story(minilm):
    articles = [
        dataclasses.replace(
            make_article(text, id=name), source=name, date=dt.date(2031, 5, 7), date_from="metadata"
        )
        for name, text in (("courier", COURIER), ("wire", WIRE), ("radio", RADIO))
    ]
    return articles, analyze_story(articles, Sentences(articles), minilm)


def test_a_toll_the_outlets_disagree_on_is_a_conflict_and_a_shared_figure_an_agreement(story):
    articles, analysis = story
    conflicts = [c for c in analysis.conflicts if c.status == "conflict"]
    assert [sorted(c.expression for c in x.claims) for x in conflicts] == [["At least 14", "Nine"]]
    agreed = [sorted(c.expression for c in x.claims) for x in analysis.agreements]
    assert ["About 2,000", "Roughly 2,000"] in agreed
    for comparison in (*analysis.conflicts, *analysis.agreements):
        for claim in comparison.claims:
            article = next(a for a in articles if a.id == claim.article)
            assert article.text[claim.start : claim.end] == claim.text


def test_one_statement_in_two_wordings_is_one_quote_with_the_full_name(story):
    _, analysis = story
    digging = [q for q in analysis.quotes if "digging" in q.text]
    assert len(digging) == 1
    assert digging[0].speaker == "Petra Salk"
    assert {v.article for v in digging[0].variants} == {"courier", "wire"}
    assert any(q.speaker == "Petra Salk" and "new home" in q.text for q in analysis.quotes)


def test_monday_is_resolved_against_the_article_date(story):
    _, analysis = story
    mondays = [m for e in analysis.timeline for m in e.citations if m.mention.endswith("Monday")]
    assert {m.date for m in mondays} == {dt.date(2031, 5, 5)}
    assert {m.article for m in mondays} == {"courier", "wire", "radio"}


def test_labels_that_differ_between_outlets_are_reported(story):
    _, analysis = story
    salk = next(f for f in analysis.framing if f.entity == "Petra Salk")
    labels = {x.label: set(x.articles) for x in salk.labels}
    assert labels["regional governor"] == {"courier"}
    assert labels["embattled governor"] == {"radio"}


def test_one_article_has_nothing_to_compare_and_undated_dates_are_kept_unresolved(minilm):
    article = make_article(COURIER, id="solo")
    analysis = analyze_story([article], Sentences([article]), minilm)
    assert analysis.conflicts == () and analysis.agreements == ()
    monday = next(m for e in analysis.timeline for m in e.citations if "Monday" in m.mention)
    assert monday.date is None and monday.note == "no date to resolve it against"
    assert analyze_story([], {}, minilm) == Analysis()


def test_the_day_of_an_event_is_compared_across_outlets_whatever_verb_they_use(story, minilm):
    _, analysis = story
    days = [c for c in analysis.agreements if c.topic.startswith("day:")]
    assert days and {c.value for c in days[0].claims} == {"2031-05-05"}
    assert {c.article for c in days[0].claims} >= {"courier", "wire"}

    texts = {
        "gazette": "Floodwater broke through the dyke at Vessa on Tuesday, forcing 300 "
        "families from their homes.",
        "herald": "The dyke protecting Vessa gave way on Wednesday and floodwater forced "
        "hundreds of families to leave.",
    }
    articles = [
        dataclasses.replace(
            make_article(text, id=name), source=name, date=dt.date(2031, 5, 8), date_from="metadata"
        )
        for name, text in texts.items()
    ]
    flood = analyze_story(articles, Sentences(articles), minilm)
    conflict = next(c for c in flood.conflicts if c.topic.startswith("day:"))
    assert conflict.status == "conflict"
    assert {(c.article, c.value) for c in conflict.claims} == {
        ("gazette", "2031-05-06"),
        ("herald", "2031-05-07"),
    }
