import dataclasses
import datetime as dt
from collections import Counter

from storyline.analyze.nlp import parse
from storyline.analyze.timeline import (
    Event,
    Story,
    _story,
    anchors,
    dated_mentions,
    event_of,
    story_timeline,
)
from storyline.model import DatedMention
from storyline.segment import Sentences
from tests.conftest import make_article


def _dated(name: str, text: str, day: dt.date | None):
    article = dataclasses.replace(make_article(text, id=name), source=name)
    if day is None:
        return article
    return dataclasses.replace(article, date=day, date_from="metadata")


def _docs(articles) -> dict:
    return {a.id: d for a, d in zip(articles, parse([a.text for a in articles]), strict=True)}


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
    docs = _docs(articles)
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


def _days(text: str, day: dt.date = dt.date(2031, 3, 12)) -> dict[str, dt.date | None]:
    """Each mention of a one-article story published on ``day`` (a Wednesday)."""
    article = _dated("wire", text, day)
    docs = {article.id: parse([article.text])[0]}
    return {m.mention: m.date for m, _, _ in dated_mentions([article], Sentences([article]), docs)}


def test_an_infinitive_under_a_past_verb_of_no_intent_is_past():
    monday = dt.date(2031, 3, 10)
    assert _days("The minister declined to comment on Monday.") == {"on Monday": monday}
    assert _days("The rocket failed to reach orbit late on Monday.") == {"on Monday": monday}
    assert _days("The board met to approve the merger on Monday night.") == {"on Monday": monday}


def test_a_present_perfect_of_intent_or_with_until_looks_ahead():
    assert _days("The union has called a strike in the city on Friday.") == {
        "on Friday": dt.date(2031, 3, 14)
    }
    assert _days("The airline has suspended all flights until Monday.") == {
        "until Monday": dt.date(2031, 3, 17)
    }


def test_a_thing_ahead_of_which_a_date_is_lies_ahead():
    assert _days("Prices rose sharply ahead of the vote in September.") == {
        "in September": dt.date(2031, 9, 1)
    }


def test_a_past_passive_is_past_whatever_the_quote_says():
    text = '"This will help us," said the curator, who confirmed the vase was found on Friday.'
    assert _days(text) == {"on Friday": dt.date(2031, 3, 7)}


def test_a_possessive_date_is_its_nouns_not_the_verbs():
    text = "Students vowed to stay until the senate reverses Monday's decision."
    assert _days(text) == {"Monday": dt.date(2031, 3, 10)}


def test_a_participle_on_a_noun_is_past_in_a_future_sentence_unless_it_plans():
    text = "Brandt will be mayor after a recount completed on Friday put him ahead."
    assert _days(text) == {"on Friday": dt.date(2031, 3, 7)}
    text = "Brandt will face the vote scheduled for Friday."
    assert _days(text) == {"for Friday": dt.date(2031, 3, 14)}


def test_must_looks_ahead():
    assert _days("The court must decide by Friday.") == {"by Friday": dt.date(2031, 3, 14)}


def test_an_undated_article_is_anchored_where_its_lead_week_holds_the_dated_leads():
    articles = [
        _dated(
            "wire",
            "A ferry collided with a tanker off Kessel on Thursday night, killing two.",
            dt.date(2030, 11, 15),
        ),
        _dated(
            "daily",
            "Investigators on Saturday began examining the damaged ferry.",
            dt.date(2030, 11, 16),
        ),
        _dated(
            "radio",
            "Families of those killed in last week's ferry collision demanded answers. "
            "The operator restarted the crossing on Saturday.",
            None,
        ),
    ]
    docs = _docs(articles)
    # "last week" holds Thursday 14 November only from Monday 18 on
    assert anchors(articles, Sentences(articles), docs)["radio"] == dt.date(2030, 11, 18)


def test_an_undated_lead_a_day_from_the_dated_leads_anchors_its_article():
    articles = [
        _dated(
            "wire",
            "A cyber attack knocked out the Kessel hospital's computers early on Saturday.",
            dt.date(2030, 10, 8),
        ),
        _dated(
            "daily",
            "Hackers locked staff out of the Kessel hospital in the early hours of Saturday.",
            dt.date(2030, 10, 7),
        ),
        _dated(
            "radio",
            "The hackers are demanding $6 million, officials said Wednesday. "
            "The attack on the hospital began late on Friday, the trust said.",
            None,
        ),
    ]
    docs = _docs(articles)
    sentences = Sentences(articles)
    assert anchors(articles, sentences, docs)["radio"] == dt.date(2030, 10, 9)
    days = {
        m.mention: m.date
        for m, _, _ in dated_mentions(articles, sentences, docs)
        if m.article == "radio"
    }
    # Friday 4 October, the night before the others' Saturday; not Friday 11 October
    assert days["on Friday"] == dt.date(2030, 10, 4)


def test_a_weekday_before_the_story_began_counts_against_an_anchor():
    saturday = dt.date(2030, 11, 9)
    story = Story(Counter({saturday: 2}), saturday)

    def read_as(day: dt.date) -> list[tuple[DatedMention, Event, str]]:
        mention = DatedMention("radio", 0, 40, "on Monday", 20, 29, day, "day")
        return [(mention, Event("lay", frozenset(), False), "")]

    # "laid flowers on Monday" read as 4 November: before Saturday's sinking
    assert story.evidence(read_as(dt.date(2030, 11, 4)), None) == -2
    assert story.evidence(read_as(dt.date(2030, 11, 11)), None) == 0


def test_a_dated_lead_announcing_a_later_day_does_not_date_the_story():
    article = _dated(
        "wire",
        "Taps will run dry overnight starting Monday, the water board said.",
        dt.date(2030, 8, 14),
    )
    docs = {article.id: parse([article.text])[0]}
    assert not _story([article], Sentences([article]), docs, {article.id: article.date}).leads


def test_a_lead_dating_a_noun_by_its_possessive_leaves_the_anchor_free():
    articles = [
        _dated(
            "wire",
            "A ferry sank off Kessel on Saturday, killing 12 people.",
            dt.date(2030, 11, 10),
        ),
        _dated(
            "daily",
            "Divers searched the wreck of the ferry that sank off Kessel on Saturday.",
            dt.date(2030, 11, 11),
        ),
        _dated(
            "radio",
            "The toll from Saturday's sinking rose to 14 last night, the coastguard said.",
            None,
        ),
    ]
    docs = _docs(articles)
    # the lead is Saturday's sinking, so "last night" need not be Saturday night
    assert anchors(articles, Sentences(articles), docs)["radio"] == dt.date(2030, 11, 11)


def test_one_sentence_naming_one_day_twice_is_one_timeline_entry(fake_embedder):
    article = _dated(
        "wire",
        "Talks resume today [Tuesday] in Varn, the ministry said. The mayor resigned on Friday.",
        dt.date(2030, 11, 12),  # a Tuesday
    )
    docs = {article.id: parse([article.text])[0]}
    mentions = dated_mentions([article], Sentences([article]), docs)
    assert len(mentions) == 3
    entries = story_timeline([article], mentions, fake_embedder)
    assert [(e.date, len(e.citations)) for e in entries] == [
        (dt.date(2030, 11, 8), 1),
        (dt.date(2030, 11, 12), 2),
    ]


def test_a_present_verb_the_tagger_reads_as_a_plural_noun_still_looks_ahead():
    text = (
        "Ms Orlov's surprise trip to the coastal city on Monday came before Mr Varga hosts "
        "Danish prime minister Ida Holm and Polish president Jan Nowak for negotiations on "
        "energy on Wednesday."
    )
    hosts = next(t for t in parse([text])[0] if t.text == "hosts")
    assert hosts.tag_ == "NNS"  # the misreading this test is about
    days = _days(text, dt.date(2031, 3, 11))  # a Tuesday
    assert days["on Monday"] == dt.date(2031, 3, 10)
    assert days["on Wednesday"] == dt.date(2031, 3, 12)


def test_a_thing_announced_or_confirmed_is_an_event_a_statement_is_not():
    def speech(text: str, expression: str) -> bool:
        doc = parse([text])[0]
        start = text.index(expression)
        return event_of(doc, start, start + len(expression)).speech

    assert not speech("The first case was confirmed on January 24.", "on January 24")
    assert not speech("The ministry announced the recall on Tuesday.", "on Tuesday")
    assert not speech("The court declared the vote unlawful on March 12.", "on March 12")
    assert speech("The minister told reporters on Tuesday that talks would go on.", "on Tuesday")
    assert speech("The ministry confirmed on Tuesday that it was aware.", "on Tuesday")


def test_a_deadline_a_present_progressive_and_an_expected_event_look_ahead():
    # Published Wednesday 12 March 2031.
    assert _days("The gang is demanding a ransom in bitcoin by Friday.") == {
        "by Friday": dt.date(2031, 3, 14)
    }
    assert _days('"The harvest could be lost by Friday," he said.') == {
        "by Friday": dt.date(2031, 3, 14)
    }
    assert _days("An early election in January is widely expected.") == {
        "in January": dt.date(2032, 1, 1)
    }
    assert _days("The rebels could not cross the river on Monday.") == {
        "on Monday": dt.date(2031, 3, 10)
    }


def test_what_someone_said_could_happen_on_a_weekday_lies_ahead():
    thursday, saturday = dt.date(2031, 3, 13), dt.date(2031, 3, 15)
    assert _days("Residents were told they could return on Thursday at the earliest.") == {
        "on Thursday": thursday
    }
    assert _days("The police said the pass could reopen on Saturday if the snow stops.") == {
        "on Saturday": saturday
    }
    assert _days("The pass reopened on Saturday.") == {"on Saturday": dt.date(2031, 3, 8)}


def test_a_day_counted_from_another_counts_across_sentences():
    days = _days("The strike began on Monday. Two days later, talks resumed.")
    assert days == {"on Monday": dt.date(2031, 3, 10), "Two days later": dt.date(2031, 3, 12)}
