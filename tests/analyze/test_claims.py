"""Claims found in parsed text and paired across outlets, with the real models."""

import dataclasses
import datetime as dt

import numpy as np
import pytest

from storyline.analyze.claims import (
    PairScorer,
    claim_cosines,
    compare,
    find_claims,
    find_date_claims,
    story_claims,
    story_found,
    with_order,
    with_periods,
)
from storyline.analyze.nlp import parse
from storyline.analyze.timeline import dated_mentions
from storyline.segment import Sentences
from tests.conftest import make_article


def _articles(**texts):
    return [
        dataclasses.replace(make_article(text, id=name), source=name)
        for name, text in texts.items()
    ]


def _found(text):
    article = make_article(text)
    return find_claims(article, parse([text])[0], Sentences([article])[article.id])


def _claims(text):
    return [f.claim.expression for f in _found(text)]


def _qualifiers(text):
    return {f.claim.expression: set(f.qualifiers) for f in _found(text)}


def test_a_part_of_a_whole_and_a_place_alone_are_qualified():
    assert _qualifiers("Marrowick alone has evacuated 4,200 people.")["4,200"] == {"alone"}
    shares = _qualifiers("The strike closed nearly 2,400 of its 4,600 state schools.")
    assert shares == {"nearly 2,400": {"of-them"}, "4,600": {"whole"}}
    fee = _qualifiers("He left in a deal worth €52 million, including bonuses.")
    assert fee["€52 million"] == {"including"}


def test_a_total_is_qualified_whether_the_words_come_before_or_after_it():
    assert _qualifiers("A total of 52 people were arrested.")["52"] == {"total"}
    assert _qualifiers("In all, 40 people died.")["40"] == {"total"}
    assert _qualifiers("The clash left seven people injured in total.")["seven"] == {"total"}
    assert _qualifiers("Police arrested 12 people in all parts of the city.")["12"] == set()


def test_a_qualifier_over_another_number_or_in_another_clause_is_not_this_numbers():
    inflation = _qualifiers("Prices rose 6.1 percent, well above the bank's 2 percent target.")
    assert inflation["6.1 percent"] == set()
    arrested = _qualifiers("Five other people, including two civil servants, were arrested.")
    assert arrested["Five"] == set()
    crossed = _qualifiers(
        "Nearly 25,000 migrants have entered, according to the police, who say the number "
        "is still rising."
    )
    assert crossed["Nearly 25,000"] == set()
    assert _qualifiers("Core inflation stood at 4.8 percent.")["4.8 percent"] == {"core"}


def test_others_are_people_and_the_counted_noun_is_not_its_own_subject():
    (five,) = _found("Five other people were also arrested.")
    (four,) = _found("Police arrested four others.")
    assert (five.concept, five.noun, five.subject) == ("arrested", "", "")
    assert (four.concept, four.noun) == ("arrested", "")


def test_a_participle_right_after_the_counted_noun_says_what_it_counts():
    killed, hurt = _found("Three workers were killed and 11 people injured on Tuesday.")
    assert (killed.concept, hurt.concept) == ("killed", "injured")


def test_boxes_pulled_from_shelves_are_not_people_rescued():
    boxes, people = _found("The firm pulled nearly 2 million boxes. Crews pulled 280 people out.")
    assert (boxes.concept, boxes.noun) == ("", "box")
    assert people.concept == "rescued"


def test_hostages_released_are_freed_but_figures_released_are_not():
    (hostages,) = _found("Nine captives walked free on Friday.")
    assert (hostages.concept, hostages.noun) == ("freed", "prisoner")
    (workers,) = _found("The rebels released 12 road workers.")
    assert workers.concept == "freed"
    (share,) = _found("Figures released on Monday showed a 14 percent fall.")
    assert share.concept == ""


def test_a_concept_word_right_after_the_counted_noun_is_read_however_it_is_parsed():
    (dead,) = _found(
        "The storm tore across the coast late yesterday, leaving nine people dead and whole "
        "streets under water."
    )
    assert dead.concept == "killed"


def test_a_subject_or_object_names_what_a_number_without_a_noun_counts():
    (toll,) = _found("The death toll in the camp stood at 19.")
    (hurt,) = _found("The ministry put the number of injured at 12.")
    assert (toll.concept, hurt.concept) == ("killed", "injured")


def test_the_subject_of_a_verb_of_measure_is_what_its_number_measures():
    (turnout,) = _found("Turnout was 58 percent, above the legal minimum.")
    (share, _) = _found("Turnout was 71 percent of about 1.9 million eligible voters.")
    (arrested,) = _found("Police arrested 58 people on Saturday.")
    (strike,) = _found("The strike lasted 36 hours.")
    assert (turnout.noun, share.noun, strike.noun) == ("turnout", "turnout", "strike")
    assert (arrested.concept, arrested.noun) == ("arrested", "")


def test_the_object_of_a_verb_of_estimate_is_what_its_number_measures():
    (_, crowd) = _found("The stadium holds 54,000, and police put the crowd at 65,000.")
    (estimated,) = _found("The crowd was estimated at 30,000.")
    (numbered,) = _found("The organisers said the crowd numbered about 58,000.")
    (turnout,) = _found("The board put turnout at 63 percent.")
    (officers,) = _found("Police put 300 officers on standby.")
    assert {crowd.noun, estimated.noun, numbered.noun} == {"crowd"}
    assert (turnout.noun, officers.noun) == ("turnout", "officer")


def test_a_sum_of_money_or_a_measure_counts_no_one():
    (losses,) = _found("The chamber of commerce put business losses at $210 million.")
    (package,) = _found("The government unveiled a $4.2 billion rescue package.")
    (cargo,) = _found("The port authority puts the loss at roughly 500 tonnes of styrene.")
    assert (losses.concept, package.concept, cargo.concept) == ("", "", "")


def test_a_figure_that_rose_is_an_update_only_possibly_different(minilm):
    assert _qualifiers("The death toll rose to seven last night.")["seven"] == {"risen"}
    assert _qualifiers("Prices rose by 12 percent.")["12 percent"] == set()
    articles = _articles(
        wire="Six people were killed in the crush at the stadium on Saturday.",
        daily="The death toll from the crush at the stadium rose to seven last night.",
    )
    docs = dict(zip([a.id for a in articles], parse([a.text for a in articles]), strict=True))
    found = story_found(articles, Sentences(articles), docs, [])
    conflicts, _ = compare(found, claim_cosines(found, minilm), PairScorer(pair=0.0, conflict=0.0))
    assert _expressions(conflicts, "conflict") == []
    assert _expressions(conflicts, "possibly different") == [["Six", "seven"]]


def test_a_claim_carries_the_words_of_its_clause_and_the_days_its_sentence_names():
    text = "About 12,000 people took part in the march, police said on Sunday."
    article = dataclasses.replace(make_article(text), date=dt.date(2031, 5, 6))
    sentences = Sentences([article])
    docs = {article.id: parse([text])[0]}
    found = find_claims(article, docs[article.id], sentences[article.id])
    mentions = dated_mentions([article], sentences, docs)
    (claim,) = with_periods(found, mentions)
    assert claim.event == "people took part march"
    sunday = dt.date(2031, 5, 4).toordinal()
    assert claim.periods == {(sunday, sunday)}


def test_years_ages_dates_times_and_street_numbers_are_not_claims():
    text = (
        "Eleven people were killed at 9:40 p.m. on March 3 at 221 Quay Road, where a "
        "67-year-old guard had worked since 2019."
    )
    assert _claims(text) == ["Eleven"]


def test_a_clock_time_is_not_a_claim():
    assert _claims("The 18:40 service from Varn left the rails with 240 on board.") == ["240"]


def test_times_of_day_written_with_a_dot_are_not_claims():
    assert _claims("The tanker struck the pier at about 9.15pm, and 30 crew were rescued.") == [
        "30"
    ]


def test_who_gives_a_figure_and_a_rejected_figure_are_read_from_the_sentence():
    disputed = {
        f.claim.expression: (f.attribution, f.denied)
        for f in _found(
            "Organisers said 8,000 people marched; the city council put the figure at 2,500. "
            "According to the monitors, turnout was barely 48 percent, not the 66 percent "
            "announced by the board."
        )
    }
    assert disputed == {
        "8,000": ("organiser", False),
        "2,500": ("council", False),
        "48 percent": ("monitor", False),
        "66 percent": ("board", True),
    }


@pytest.fixture(scope="module")
def compared(minilm):
    articles = _articles(
        courier=(
            "About 4,000 workers at the plant stayed on strike, demanding a 12 percent rise. "
            "More than 2,000 strikers marched through the city. "
            "Talks with the company lasted three hours."
        ),
        wire=(
            "Some 6,500 workers have been on strike since Monday. "
            "The union seeks a 12% raise. "
            "Negotiators stayed at the ministry for four hours."
        ),
        radio=(
            "Two miners were killed and 40 were injured when the tunnel collapsed. "
            "The company employs 9,000 people."
        ),
        post="Five miners died and 40 were hurt in the tunnel collapse.",
    )
    docs = dict(zip([a.id for a in articles], parse([a.text for a in articles]), strict=True))
    return story_claims(articles, Sentences(articles), docs, [], minilm)


def _expressions(comparisons, status):
    return [sorted(c.expression for c in x.claims) for x in comparisons if x.status == status]


def test_an_outlet_with_two_counts_of_one_kind_is_paired_with_the_closest(compared):
    conflicts, _ = compared
    assert ["About 4,000", "Some 6,500"] in _expressions(conflicts, "conflict")
    assert not any("More than 2,000" in c for c in _expressions(conflicts, "conflict"))


def test_deaths_conflict_while_injuries_and_rewordings_agree(compared):
    conflicts, agreements = compared
    assert ["Five", "Two"] in _expressions(conflicts, "conflict")
    agreed = _expressions(agreements, "agreement")
    assert ["40", "40"] in agreed
    assert ["12 percent", "12%"] in agreed


def test_durations_of_different_things_are_only_possibly_different(compared):
    conflicts, _ = compared
    assert ["four hours", "three hours"] in _expressions(conflicts, "possibly different")
    assert not any("three hours" in c for c in _expressions(conflicts, "conflict"))


def test_a_durations_topic_names_its_subject_and_verb_as_written(compared):
    conflicts, _ = compared
    topics = {x.topic for x in conflicts if x.status == "possibly different"}
    assert "Talks lasted (duration)" in topics or "Negotiators stayed (duration)" in topics


def test_a_conflict_less_certain_than_the_scorer_asks_is_a_possible_conflict(minilm):
    articles = _articles(
        radio="Two miners were killed when the tunnel collapsed.",
        post="Five miners died in the tunnel collapse.",
    )
    docs = dict(zip([a.id for a in articles], parse([a.text for a in articles]), strict=True))
    found = story_found(articles, Sentences(articles), docs, [])
    cosines = claim_cosines(found, minilm)
    sure, _ = compare(found, cosines, PairScorer(certain=0.0))
    unsure, _ = compare(found, cosines, PairScorer(certain=1.0))
    assert _expressions(sure, "conflict") == [["Five", "Two"]]
    assert _expressions(unsure, "conflict") == []
    assert _expressions(unsure, "possible conflict") == [["Five", "Two"]]


def test_an_outlet_that_reports_both_sides_figures_does_not_hide_the_conflict(minilm):
    articles = _articles(
        union="The union said 82 percent of teachers went on strike on Tuesday.",
        wire=(
            "The union said 82% of teachers went on strike on Tuesday, while the ministry "
            "said just under a third of teachers did."
        ),
        ministry="The ministry said 31 percent of teachers went on strike on Tuesday.",
    )
    docs = dict(zip([a.id for a in articles], parse([a.text for a in articles]), strict=True))
    conflicts, agreements = story_claims(articles, Sentences(articles), docs, [], minilm)
    assert ["31 percent", "82 percent", "82%", "just under a third"] in _expressions(
        conflicts, "conflict"
    )
    assert ["82 percent", "82%"] in _expressions(agreements, "agreement")


def test_a_dispute_one_outlet_reports_links_the_outlets_that_give_either_figure(minilm):
    articles = _articles(
        police="About 2,500 people marched through Lindau on Saturday, police said.",
        wire=(
            "Organisers said 8,000 people marched through Lindau on Saturday; the police put "
            "the figure at 2,500."
        ),
        organisers="Some 8,000 people marched through Lindau on Saturday.",
        lone="The union said 300 members joined; the company put the number at 120.",
    )
    docs = dict(zip([a.id for a in articles], parse([a.text for a in articles]), strict=True))
    conflicts, _ = story_claims(articles, Sentences(articles), docs, [], minilm)
    disputes = _expressions(conflicts, "conflict")
    assert ["120", "300"] in disputes  # one outlet's own dispute is reported too
    march = next(d for d in disputes if "8,000" in d)
    assert set(march) >= {"2,500", "8,000", "Some 8,000"}


def _first_date_claims(**texts):
    """The first date claim of each article (published 9 May 2031), in the order given."""
    articles = [dataclasses.replace(a, date=dt.date(2031, 5, 9)) for a in _articles(**texts)]
    docs = {a.id: d for a, d in zip(articles, parse([a.text for a in articles]), strict=True)}
    sentences = Sentences(articles)
    mentions = dated_mentions(articles, sentences, docs)
    return [find_date_claims(a, docs[a.id], sentences[a.id], mentions)[0] for a in articles]


def test_a_dates_keys_name_what_happened_whether_a_verb_or_the_noun_it_hangs_on():
    wire, daily = _first_date_claims(
        wire="Prosecutors arrested the former minister Lucan Drey on Wednesday.",
        daily="Drey resigned after his arrest on Thursday, his lawyer said.",
    )
    assert "arrest" in wire.keys & daily.keys
    assert "drey" not in wire.keys  # names are who, not what happened
    assert wire.same_event(daily)
    assert (wire.label, daily.label) == ("Prosecutors arrested", "arrest")


def test_a_date_in_a_clause_on_a_noun_is_labelled_with_that_noun():
    (talks,) = _first_date_claims(wire="The envoy welcomed fresh talks scheduled for Friday.")
    assert talks.label == "talks scheduled"


def test_a_day_many_happenings_share_is_named_after_the_one_most_outlets_date():
    dated = _first_date_claims(
        radio="I want to hear your view today, the minister told the envoy.",
        wire="President Hassan Rohani declared an end to the war on Tuesday.",
        daily="Iran declared victory over the militants on Tuesday.",
    )
    loose = PairScorer(pair=0.0, conflict=0.0, date_conflict=0.0, sure=0.0)
    _, agreements = compare(dated, np.ones((3, 3, 3)), loose)
    assert [a.topic for a in agreements] == ["day: Iran declared"]


def test_a_claim_knows_where_it_stands_in_its_article():
    text = (
        "The firm paid $4 million in fines and $2 million in damages. "
        "About 600 workers lost their jobs. "
        "Its fines of $4 million were the largest on record."
    )
    article = make_article(text)
    found = find_claims(article, parse([text])[0], Sentences([article])[article.id])
    placed = with_order(found, [article])
    assert [(f.rank, round(f.position, 2)) for f in placed] == [
        (0, 0.0),  # the first sum of money
        (1, 0.0),  # the second
        (0, round(text.index("About") / len(text), 2)),  # the first count of people
        (0, round(text.index("Its") / len(text), 2)),  # the first sum again, later
    ]


def test_one_happening_told_with_different_verbs_shares_a_key():
    wire, daily = _first_date_claims(
        wire="The fire broke out on Monday near the harbour.",
        daily="The blaze began on Sunday evening, firefighters said.",
    )
    assert "begin" in wire.keys & daily.keys
    assert wire.same_event(daily)


def test_an_inspection_a_discovery_a_warning_and_a_restart_are_each_one_happening():
    pairs = (
        ("Inspectors last visited the site in April.", "The plant passed an inspection in June."),
        ("The breach was discovered on Thursday.", "Staff first spotted the intrusion on May 1."),
        ("The agency was alerted to the fault on Monday.", "The firm notified it on May 2."),
        ("Tram services resumed on Wednesday.", "The operator restarted its network yesterday."),
    )
    for first, second in pairs:
        wire, daily = _first_date_claims(wire=first, daily=second)
        assert wire.same_event(daily), (first, second)


def test_days_of_one_happening_need_their_own_certainty_to_conflict():
    dated = _first_date_claims(
        wire="The ferry sank on Tuesday off the northern cape.",
        daily="The ferry sank on Wednesday off the northern cape.",
    )
    cosines = np.ones((3, 2, 2))
    loose = PairScorer(pair=0.0, conflict=0.0, date_conflict=0.0, sure=0.0, certain=0.0)
    doubted, _ = compare(dated, cosines, dataclasses.replace(loose, date_certain=1.0))
    trusted, _ = compare(dated, cosines, dataclasses.replace(loose, date_certain=0.0))
    assert [c.status for c in doubted] == ["possible conflict"]
    assert [c.status for c in trusted] == ["conflict"]


def test_a_day_something_is_due_or_still_goes_on_is_no_conflict_with_the_day_it_happened():
    loose = PairScorer(
        pair=0.0, conflict=0.0, date_conflict=0.0, sure=0.0, certain=0.0, date_certain=0.0
    )
    due = _first_date_claims(
        wire="The cruise ship docked at the harbour yesterday.",
        daily="The cruise ship will dock at the harbour on Saturday.",
    )
    still = _first_date_claims(
        wire="Dock workers at the port walked out on Monday.",
        daily="Dock workers at the port kept up their walkout on Wednesday.",
    )
    done = _first_date_claims(
        wire="The cruise ship docked at the harbour yesterday.",
        daily="The cruise ship docked at the harbour on Wednesday.",
    )
    assert "ahead" in due[1].qualifiers and "ongoing" in still[1].qualifiers
    for dated, status in ((due, "possibly different"), (still, "possibly different")):
        conflicts, _ = compare(dated, np.ones((3, 2, 2)), loose)
        assert [c.status for c in conflicts] == [status]
    conflicts, _ = compare(done, np.ones((3, 2, 2)), loose)
    assert [c.status for c in conflicts] == ["conflict"]


def test_a_value_something_changed_from_is_a_former_value():
    assert _qualifiers("The council raised fees from £9,800 to £12,500.") == {
        "£9,800": {"former"},
        "£12,500": set(),
    }
    assert _qualifiers("The toll rose to 14 from 11.")["11"] == {"former"}
    assert _qualifiers("Prices rose 6.1 percent, down from 7.2 percent.")["7.2 percent"] == {
        "former"
    }
    assert _qualifiers("Some 300 people fled from 12 villages to the city.")["12"] == set()


def test_a_date_on_a_time_of_day_is_labelled_with_the_verb_it_dates():
    failed, arrest = _first_date_claims(
        wire="The bearing on the conveyor failed in the early morning of 3 May.",
        daily="Drey will appear in court following his arrest on Thursday.",
    )
    assert (failed.label, arrest.label) == ("bearing failed", "arrest")
