import dataclasses

from storyline.dedup import Deduplicator
from tests.conftest import make_article

BODY = (
    "The harbour board of Port Wendle voted on Tuesday to close the old ferry pier for "
    "repairs that will take most of the summer, the board chair told reporters. Ferries "
    "will use the fishing quay instead, and the board said timetables would stay the same. "
    "Traders on the pier asked for compensation, which the board promised to consider at "
    "its next meeting in June."
)


def test_a_wire_copy_under_another_outlet_and_headline_is_folded_into_the_first():
    first = make_article(BODY, id="a")
    copy = dataclasses.replace(
        make_article(BODY.replace("told reporters", "told journalists"), id="b"),
        title="Pier to close for the summer",
    )
    folded = Deduplicator().add([first, copy])
    assert folded[0].duplicate_of is None
    assert folded[1].duplicate_of == "a"


def test_different_articles_on_one_event_are_not_copies():
    other = (
        "Ferry passengers in Port Wendle will board at the fishing quay from next month "
        "because the old pier is closing, the harbour board announced. Some traders said "
        "they would lose most of their summer income and asked the board for help. The "
        "chair said the pier had been patched too often and needed a proper rebuild."
    )
    folded = Deduplicator().add([make_article(BODY, id="a"), make_article(other, id="b")])
    assert [a.duplicate_of for a in folded] == [None, None]


def test_short_items_are_never_folded():
    text = "Markets closed higher on Friday."
    folded = Deduplicator().add([make_article(text, id="a"), make_article(text, id="b")])
    assert [a.duplicate_of for a in folded] == [None, None]


def test_batches_see_earlier_batches_and_answers_are_stable():
    dedup = Deduplicator()
    dedup.add([make_article(BODY, id="a")])
    later = dedup.add([make_article(BODY + " Updated at noon.", id="b")])
    assert later[0].duplicate_of == "a"
    assert dedup.add([make_article(BODY, id="a")])[0].duplicate_of is None
    assert dedup.canonical("b") == "a"
