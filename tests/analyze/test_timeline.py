import dataclasses
import datetime as dt

from storyline.analyze.nlp import parse
from storyline.analyze.timeline import anchors, dated_mentions
from storyline.segment import Sentences
from tests.conftest import make_article


def _dated(name: str, text: str, day: dt.date | None):
    article = dataclasses.replace(make_article(text, id=name), source=name)
    if day is None:
        return article
    return dataclasses.replace(article, date=day, date_from="metadata")


def test_an_undated_article_is_anchored_where_its_lead_meets_the_dated_outlets_lead():
    articles = [
        _dated(
            "wire",
            "An earthquake struck the Orsk valley on Sunday, killing 40.",
            dt.date(2030, 11, 11),
        ),
        _dated(
            "daily",
            "The earthquake that hit Orsk on Sunday killed 41 people.",
            dt.date(2030, 11, 12),
        ),
        _dated(
            "radio", "An earthquake struck the Orsk valley yesterday, killing at least 40.", None
        ),
    ]
    docs = {a.id: d for a, d in zip(articles, parse([a.text for a in articles]), strict=True)}
    found = anchors(articles, Sentences(articles), docs)
    assert found["wire"] == dt.date(2030, 11, 11)
    # The dated outlets put the quake on Sunday 10 November: "yesterday" was written on the 11th.
    assert found["radio"] == dt.date(2030, 11, 11)


def test_a_period_starting_on_a_weekday_lies_ahead_of_a_past_tense_clause():
    article = _dated(
        "wire",
        "The government declared three days of mourning starting on Monday.",
        dt.date(2030, 11, 10),
    )
    docs = {article.id: parse([article.text])[0]}
    ((mention, _, _),) = dated_mentions([article], Sentences([article]), docs)
    assert (mention.mention, mention.date) == ("on Monday", dt.date(2030, 11, 11))


def test_a_thing_after_following_lies_behind_a_future_clause_and_before_lies_ahead():
    article = _dated(
        "wire",
        "The minister will appear in court today following his arrest on Thursday. "
        "Unions will march on Sunday before the vote on Tuesday.",
        dt.date(2030, 11, 15),  # a Friday
    )
    docs = {article.id: parse([article.text])[0]}
    days = {m.mention: m.date for m, _, _ in dated_mentions([article], Sentences([article]), docs)}
    assert days["on Thursday"] == dt.date(2030, 11, 14)
    assert days["on Tuesday"] == dt.date(2030, 11, 19)
