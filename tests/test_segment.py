"""Sentence splitting with offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.articles import make_article as build_article
from storyline.clean import clean_all
from storyline.ingest.readers import read
from storyline.ingest.sources import expand
from storyline.model import Span
from storyline.segment import Sentences, has_sentences, segment, split_paragraph

from .conftest import EVENT, make_article


def _texts(paragraph: str) -> list[str]:
    return [paragraph[s.start : s.end] for s in split_paragraph(paragraph)]


def test_abbreviations_initials_and_decimals_do_not_split():
    paragraph = (
        "Mr. Halloway met Gen. Tarrow in the U.S. capital on Monday. "
        "J. K. Morrow said repairs would cost 2.5 million crowns, or 3.7 per cent of the budget. "
        "Dr. Alvarez left at 6.40 p.m. without comment."
    )
    assert _texts(paragraph) == [
        "Mr. Halloway met Gen. Tarrow in the U.S. capital on Monday.",
        "J. K. Morrow said repairs would cost 2.5 million crowns, or 3.7 per cent of the budget.",
        "Dr. Alvarez left at 6.40 p.m. without comment.",
    ]


def test_multi_sentence_quotation_stays_with_its_attribution():
    paragraph = (
        'The mayor spoke briefly. "We were lucky. Nobody died. We will rebuild," '
        "Mayor Irena Castellane told reporters."
    )
    assert _texts(paragraph) == [
        "The mayor spoke briefly.",
        '"We were lucky. Nobody died. We will rebuild," Mayor Irena Castellane told reporters.',
    ]


def test_curly_quotes_and_ellipses_inside_a_quotation():
    paragraph = "“There was a bang … and then nothing. Silence,” said one passenger."
    assert _texts(paragraph) == [paragraph]


def test_typewriter_quotes_of_wire_copy():
    paragraph = (
        "``The dam held. The town is dry,'' the engineer said. The mayor called it "
        "``a miracle.'' Officials met on Friday."
    )
    assert _texts(paragraph) == [
        "``The dam held. The town is dry,'' the engineer said.",
        "The mayor called it ``a miracle.''",
        "Officials met on Friday.",
    ]


def test_an_unclosed_quotation_does_not_swallow_the_paragraph():
    sentence = "The report called the plan ``a danger to the coast and its people."
    later = [f"Officials met {n} times in the spring." for n in range(30)]
    paragraph = " ".join([sentence, *later])
    texts = _texts(paragraph)
    assert len(texts) > 15
    assert texts[0] == sentence


def test_offsets_are_shifted_into_the_article_text():
    spans = split_paragraph("One short sentence here. Another one follows.", offset=100)
    assert spans == [Span(100, 124), Span(125, 145)]


def test_headings_are_not_sentences_and_offsets_slice_back():
    article = make_article(
        "The first paragraph ends here.\n\nA heading\n\nThe last one. It has two.",
        headings=(Span(32, 41),),
    )
    sentences = segment(article)
    assert [s.text for s in sentences] == [
        "The first paragraph ends here.",
        "The last one.",
        "It has two.",
    ]
    assert all(article.text[s.start : s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == [0, 1, 2]


def test_fixture_sentences_match_the_annotations(annotations):
    documents = []
    for name in annotations:
        documents.extend(read(next(expand([EVENT / name]))).documents)  # type: ignore[arg-type]
    for name, document, cleaned in zip(annotations, documents, clean_all(documents), strict=True):
        found = [s.text for s in segment(build_article(document, cleaned))]
        assert found == annotations[name]["body"], name


_WORDS = st.sampled_from(
    [
        "Mr.",
        "U.S.",
        "2.5",
        "said",
        "the",
        "ferry",
        '"Yes.',
        'no,"',
        "Dr.",
        "(CPA)",
        "bridge.",
        "closed?",
        "“Why",
        "now”",
        "…",
        "J.",
        "K.",
        "Morrow",
        "e.g.",
        "3.7%",
        "a.m.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=30), min_size=1, max_size=4))
def test_property_offsets_always_slice_back_to_the_sentence(paragraphs):
    text = "\n\n".join(" ".join(words) for words in paragraphs)
    article = make_article(text)
    sentences = segment(article)
    previous_end = 0
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= previous_end
        previous_end = sentence.end
    covered = "".join(s.text for s in sentences)
    assert covered.replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_sentences_are_split_on_first_use_and_match_segment():
    articles = [
        make_article("First thing happened. Then a second thing.\n\nA new paragraph.", id="a"),
        make_article("One line only", id="b"),
    ]
    lazy = Sentences(articles)
    assert len(lazy) == 2 and list(lazy) == ["a", "b"]
    assert lazy._found == {}
    assert lazy["a"] == segment(articles[0])
    assert set(lazy._found) == {"a"}
    assert [len(found) for found in lazy.values()] == [3, 1]


def test_has_sentences_agrees_with_segment():
    text = "Harbour Talks\nOfficials met on Friday."
    body = make_article(text)
    headings_only = make_article(text, headings=(Span(0, 13), Span(14, len(text))))
    blank = make_article("   \n  ")
    for article in (body, headings_only, blank):
        assert has_sentences(article) == bool(segment(article))
    assert has_sentences(body) and not has_sentences(headings_only)
