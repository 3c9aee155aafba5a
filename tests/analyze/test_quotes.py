import numpy as np
from spacy.tokens import Doc

from storyline.analyze.names import Names, clean_name
from storyline.analyze.nlp import parse, pipeline
from storyline.analyze.quotes import _speech_subject, find_quotes, merge_quotes, quote_spans
from storyline.embed import HashingEmbedder
from tests.conftest import make_article


def _quotes(text):
    doc = parse([text])[0]
    return find_quotes(make_article(text), doc, Names([doc]))


def test_quote_spans_take_curly_straight_and_mixed_marks_but_not_apostrophes():
    text = (
        'She said “we are ready now” and "the dam will hold.” It’s the ‘last warning they’ll get’.'
    )
    found = [text[s:e] for s, e in quote_spans(text)]
    assert found == ["we are ready now", "the dam will hold.", "last warning they’ll get"]


def test_an_open_quote_runs_to_the_end_of_its_paragraph():
    text = "“The levee is old and we knew it.\n\n“We will rebuild,” she said."
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "The levee is old and we knew it.",
        "We will rebuild,",
    ]


def test_names_resolve_short_and_titled_forms_to_the_full_name():
    docs = parse(["Harbour master Ilse Varrow-Kent met Mayor Tomas al-Brenn on Friday."])
    names = Names(docs)
    assert names.person("Mr Brenn") == "Tomas al-Brenn"
    assert names.person("Varrow-Kent") == "Ilse Varrow-Kent"
    assert clean_name("President Tomas Brenn's") == "Tomas Brenn"


def test_speakers_come_from_verbs_pronouns_previous_sentences_and_according_to():
    text = (
        "Harbour master Ilse Varrow met the mayor, Tomas Brenn, on Friday.\n\n"
        "“The sea wall will not survive another storm,” Varrow told reporters.\n\n"
        "She said the work would take “at least three summers”.\n\n"
        "Brenn was blunt. “We have no money left for repairs this year.”\n\n"
        "“Nobody warned us about the flooding,” a shop owner said.\n\n"
        "The city will borrow “whatever it takes”, according to Brenn."
    )
    speakers = [(q.text.split()[0], q.speaker, q.description) for q in _quotes(text)]
    assert speakers == [
        ("The", "Ilse Varrow", ""),
        ("at", "Ilse Varrow", ""),
        ("We", "Tomas Brenn", ""),
        ("Nobody", "", "a shop owner"),
        ("whatever", "Tomas Brenn", ""),
    ]


def test_roles_and_pronouns_resolve_to_the_person_given_that_role():
    text = (
        "Kessly's mayor, Petra Omundsen, toured the flooded streets on Monday.\n\n"
        "“We will rebuild every house,” Omundsen said.\n\n"
        "Health Minister Ravi Astaire visited the field hospital. "
        "“Nobody will be turned away,” the minister said.\n\n"
        "The water authority, Aquavel, said the dam had been inspected in May. "
        "“The structure was sound,” the authority said in a statement.\n\n"
        "Jon Ferris, a farmer, watched his barn float away. "
        "“I have nothing left,” he said."
    )
    assert [q.speaker for q in _quotes(text)] == [
        "Petra Omundsen",
        "Ravi Astaire",
        "Aquavel",
        "Jon Ferris",
    ]


def test_a_title_with_a_nationality_is_the_person_given_that_title_and_the_nearest_subject_speaks():
    text = (
        "Valdorian president Anja Rusk welcomed the Ostmark president, Pel Haverin, to Brask.\n\n"
        "After her talks Mr Haverin on Friday, the Valdorian president said: "
        "“Our borders will stay open.”"
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Anja Rusk"


def test_a_noun_describing_a_person_before_the_name_is_not_part_of_it():
    assert clean_name("Pensioner Gerd Hallam") == "Gerd Hallam"
    assert clean_name("Mum Ida") == "Mum Ida"  # too short to tell
    text = (
        "The ferry sank in minutes.\n\n"
        "Grandmother Edda Runge, 74, was pulled from the water by a rower. "
        "“That boy is my angel,” she said."
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Edda Runge"


def _found(texts, embedder=None):
    """Quotes of several articles (ids a, b, …) found and merged with one story's names."""
    articles = [make_article(text, id=chr(ord("a") + k)) for k, text in enumerate(texts)]
    docs = parse(texts)
    names = Names(docs)
    found = [q for a, d in zip(articles, docs, strict=True) for q in find_quotes(a, d, names)]
    return found, merge_quotes(found, embedder or HashingEmbedder())


def test_the_attribution_in_the_quotes_own_sentence_beats_a_pronoun_in_the_next():
    text = (
        "Mayor Lena Hart met the engineers on Friday.\n\n"
        'Dan Ortiz told reporters: "The repairs will take until spring, and we should say '
        'so plainly." He said the harbour board would meet on Monday.'
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Dan Ortiz"


def test_a_speech_verb_inside_the_quote_before_does_not_name_the_next_speaker():
    text = (
        "“Our neighbours have been complaining about the sewer smell since May,” said "
        "Edith Morrow, who runs the allotment society. “We phoned the water board. "
        "Nobody came.”"
    )
    assert [q.speaker for q in _quotes(text)] == ["Edith Morrow", "Edith Morrow"]


def test_he_said_is_the_person_named_beside_a_title_also_after_another_quote():
    text = (
        "Kessland’s finance minister, Ivo Brandt, spoke after talks with Lars Vinter in Orvel. "
        "“Every option stays open,” he said. “We will act if we must.”\n\n"
        "The Ostmark foreign secretary, Nadia Pell, defended the tariffs after meeting "
        "Pavel Orsk. “They protect our farmers,” she told state radio."
    )
    assert [q.speaker for q in _quotes(text)] == ["Ivo Brandt", "Ivo Brandt", "Nadia Pell"]


def test_she_is_the_subject_named_before_her_in_her_own_sentence():
    text = (
        "Mayor Tom Reyes was convicted on Friday. His lawyer, Rosa Ferne, said the mayor "
        "would appeal against what she called “a rushed ruling”."
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Rosa Ferne"


def test_a_name_beside_a_role_is_a_person_and_police_ranks_are_titles():
    assert clean_name("Detective Superintendent Owen Hale") == "Owen Hale"
    text = (
        "Imke Harrowgate, the ferry company’s managing director, apologised to passengers. "
        "“The timetable failed them,” she said.\n\n"
        "“Refunds start on Monday,” Harrowgate said."
    )
    assert [q.speaker for q in _quotes(text)] == ["Imke Harrowgate", "Imke Harrowgate"]


def test_a_spokesperson_speaks_for_the_organization_it_is_a_spokesperson_for():
    text = (
        "The Allied Porters' Union called a strike on Monday.\n\n"
        "A spokesperson for the University of Arden said the library “will stay open "
        "as normal”.\n\n"
        "“Our members have run out of patience,” a spokesman for the union said."
    )
    assert [q.speaker for q in _quotes(text)] == ["University of Arden", "Allied Porters' Union"]


def test_any_verb_whose_clause_is_the_quote_and_verbs_of_blame_attribute_it():
    text = (
        "The storm reached the island at night.\n\n"
        "Pensioner Ida Varn, 81, wept: “I have lived here all my life and never seen this.”\n\n"
        "Minister Cora Venn hit back, accusing the drivers of “playing games with commuters”."
    )
    assert [q.speaker for q in _quotes(text)] == ["Ida Varn", "Cora Venn"]


def test_the_prime_minister_is_the_one_person_the_story_gives_that_title():
    found, _ = _found(
        [
            "Prime Minister Katia Doren addressed parliament on Monday.",
            "Katia Doren's party won 80 seats. Opposition leader Anton Rell called it a fraud.\n\n"
            "The prime minister appeared unmoved. “The count stands,” she said.\n\n"
            "Rell spoke again. “We will appeal,” he said. “So will we,” the prime minister said.",
        ]
    )
    assert [f.speaker for f in found] == ["Katia Doren", "Anton Rell", "Katia Doren"]


def test_the_two_halves_of_a_quote_split_by_its_attribution_are_one_statement():
    _, quotes = _found(
        [
            "“The ferry will sail again,” Hale said, “but not before the hull is checked.”\n\n"
            "“We will not cut corners,” she said. “Not one, not ever.”"
        ]
    )
    assert sorted(len(q.variants) for q in quotes) == [1, 1, 2]


def test_a_one_word_quote_counts_when_a_speech_verb_reports_it():
    text = (
        "Minister Petra Dahl, who has called the strikers “vandals”, refused to meet them. "
        "The “Skyline” tower reopened on Monday."
    )
    found = _quotes(text)
    assert [(q.text, q.speaker) for q in found] == [("vandals", "Petra Dahl")]


def test_a_title_with_a_name_beside_it_is_that_person_for_a_later_pronoun():
    text = (
        "The Health Secretary, Orla Fennick, visited the ward on Friday. "
        "“Nobody will wait longer than a week,” she told reporters."
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Orla Fennick"


def test_an_organization_named_with_and_is_kept_whole():
    text = "The Harbour and Rivers Authority said it “regretted the delay to every skipper”."
    (quote,) = _quotes(text)
    assert quote.speaker == "Harbour and Rivers Authority"


def test_a_name_after_a_role_is_a_person_whatever_the_tagger_says():
    text = (
        "At a briefing in Tarvo, chief executive Inés Valcárcel apologized. "
        "“We let our passengers down,” Valcárcel said."
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Inés Valcárcel"


def test_a_short_form_of_an_organizations_name_is_its_full_name():
    text = (
        "The Tarvian Foreign Ministry summoned the ambassador on Monday. "
        "The Foreign Ministry called the arrests “a grave provocation”."
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Tarvian Foreign Ministry"


def test_a_number_is_nobodys_name():
    text = (
        "Two officials confirmed the payment to reporters in Tarvo. "
        "One of them called it “the cost of bringing everyone home”."
    )
    (quote,) = _quotes(text)
    assert quote.speaker == ""


def test_a_name_in_quotation_marks_is_not_a_quote():
    text = (
        "The ministry announced it would hold a “Coastal Peoples’ Forum” in Vardo. "
        "“We Will Not Be Moved,” the mayor said, naming the march after an old song. "
        "Mayor Ilse Brandt said the forum was “a stage for the ministry alone”."
    )
    found = _quotes(text)
    assert [(q.text, q.speaker) for q in found] == [
        ("We Will Not Be Moved,", "Ilse Brandt"),
        ("a stage for the ministry alone", "Ilse Brandt"),
    ]


def test_a_name_after_a_title_is_a_person_even_when_the_parser_misses_it():
    names = Names(parse(['"We ask the public for patience," Mayor Ruaidh Tanter said.']))
    assert names.person("Tanter") == "Ruaidh Tanter"


class _Fixed:
    """An embedder giving each text a fixed vector (unit vectors with set cosines)."""

    def __init__(self, vectors):
        self.vectors = vectors

    def encode(self, texts):
        return np.array([self.vectors[t] for t in texts], dtype=np.float32)


def test_the_only_quotes_of_one_speaker_in_two_articles_are_one_statement_at_less_meaning():
    texts = [
        "“The pier had to be closed for everyone's safety,” Mayor Olla Brenk said.",
        "“Keeping people off the pier was the only safe choice,” Mayor Olla Brenk said.",
        "“Our crews worked all night,” Mayor Olla Brenk said. “The tide is calm again,” she added.",
    ]
    side = (1 - 0.55**2) ** 0.5  # vectors at cosine 0.55 from the first
    vectors = {
        "The pier had to be closed for everyone's safety,": np.array([1.0, 0.0, 0.0]),
        "Keeping people off the pier was the only safe choice,": np.array([0.55, side, 0.0]),
        "Our crews worked all night,": np.array([0.0, 0.0, 1.0]),
        "The tide is calm again,": np.array([0.55, 0.0, side]),
    }
    _, quotes = _found(texts, _Fixed(vectors))
    groups = sorted(sorted(v.text for v in q.variants) for q in quotes)
    assert groups == [
        [
            "Keeping people off the pier was the only safe choice,",
            "The pier had to be closed for everyone's safety,",
        ],
        ["Our crews worked all night,"],
        ["The tide is calm again,"],  # its speaker says more in its article
    ]


def test_a_one_word_quote_joins_the_longer_quote_of_its_speaker_that_holds_the_word():
    _, quotes = _found(
        [
            "Minister Petra Dahl insisted the curfew was “temporary”.",
            "“The curfew is temporary and will end when the streets are calm,” Minister "
            "Petra Dahl said.",
        ]
    )
    assert [len(q.variants) for q in quotes] == [2]


def test_a_name_beside_a_title_or_a_number_is_the_speaker():
    text = (
        "The Transport Minister, Hallie Brandvold, dismissed the union's demands as "
        '"a wish list, not a plan". '
        "One of the rescued climbers, Oskar Lindqvist, 31, said the guides had been "
        '"calm but firm" throughout. '
        "The chairman of the drivers' association, Mirko Salas, called the report "
        '"late by years".'
    )
    assert [(q.text, q.speaker) for q in _quotes(text)] == [
        ("a wish list, not a plan", "Hallie Brandvold"),
        ("calm but firm", "Oskar Lindqvist"),
        ("late by years", "Mirko Salas"),
    ]


def test_a_pronoun_after_a_pronoun_is_who_the_sentence_before_is_about():
    text = (
        "Governor Ilse Marrak defended the rate rise on Thursday, a week after Finance "
        "Minister Dag Holt had urged patience. "
        '"Waiting would have cost more," she told reporters. '
        '"If prices keep rising," she added, "we will act again."'
    )
    assert {q.speaker for q in _quotes(text)} == {"Ilse Marrak"}


def test_a_quote_a_speaker_characterises_something_with_is_theirs_not_the_next_speakers():
    text = (
        "Interior Minister Tavi Orrell has refused to resign. In a radio interview he "
        'defended the officers as "the last line between order and chaos." '
        "Prime Minister Lidia Hosk said an inquiry would report in March."
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Tavi Orrell"


def test_a_speech_verb_misparsed_as_a_relative_clause_has_its_head_noun_as_subject():
    # "The Health Minister, Ruth Okello, on Tuesday called the figures incomplete", as
    # the parser read it in one article: "called" a relative clause of "Minister".
    words = ["The", "Minister", ",", "Okello", ",", "called", "the", "figures", "incomplete"]
    heads = [1, 1, 1, 1, 1, 1, 7, 5, 5]
    deps = ["det", "ROOT", "punct", "appos", "punct", "relcl", "det", "dobj", "oprd"]
    tags = ["DT", "NNP", ",", "NNP", ",", "VBD", "DT", "NNS", "JJ"]
    pos = ["DET", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "ADJ"]
    lemmas = ["the", "Minister", ",", "Okello", ",", "call", "the", "figure", "incomplete"]
    doc = Doc(
        pipeline().vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas
    )
    assert _speech_subject(doc[5]).text == "Minister"


def test_a_pronoun_after_a_quoted_sentence_is_the_person_it_quotes():
    text = (
        "Ash fell on three villages overnight near Monte Carrasco.\n\n"
        '"The crater wall is cracking," according to the institute\'s chief volcanologist, '
        'Berit Oyelaran-Stroud. She said the eruption had entered "a more violent stage".'
    )
    speakers = {q.text: q.speaker for q in _quotes(text)}
    assert speakers["a more violent stage"] == "Berit Oyelaran-Stroud"


def test_a_name_after_a_profession_is_a_person():
    text = (
        "Chief forecaster Amara Velt said the record should end the debate. "
        '"This is no freak," she said. "It is what summer looks like now."'
    )
    assert {q.speaker for q in _quotes(text)} == {"Amara Velt"}


def test_a_named_spokesman_is_the_speaker_not_the_group():
    text = (
        "Activists from the Harbour Tenants Union plan to march on Tuesday. The group's "
        "spokesman, Orrin Tasca, "
        'called the exclusion rule "a quarantine of ideas".'
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Orrin Tasca"


def test_a_speaker_in_a_reduced_relative_clause_is_found():
    text = (
        "Lawmakers voted through $40m in flood aid on Tuesday, a sum the mayor, Della Hart, "
        "called \u201ca first instalment\u201d."
    )
    (quote,) = _quotes(text)
    assert quote.speaker == "Della Hart"


def test_ranks_and_professions_before_a_name_are_not_part_of_it():
    assert clean_name("Rear Admiral Sela Dravic") == "Sela Dravic"
    assert clean_name("Geologist Ilse Varnholt") == "Ilse Varnholt"
    assert clean_name("Head Office") == "Head Office"
    assert clean_name("Student Union Council") == "Student Union Council"
    assert clean_name("Head Start Foundation") == "Head Start Foundation"


def test_a_sentence_inside_a_split_quote_does_not_hide_who_said_it():
    text = (
        "The union's general secretary, Margit Ellery, said the vote left no doubt. "
        '"Nurses have been patient for three years. That patience has run out," she said. '
        '"We will not be told that two nurses for forty patients is safe."'
    )
    assert [q.speaker for q in _quotes(text)] == ["Margit Ellery", "Margit Ellery"]


def test_a_pronoun_or_a_bare_quote_after_an_unnamed_person_is_nobody_named():
    text = (
        "The Transport Minister, Tomas Reiner, ordered an inquiry. "
        '"Every family deserves answers," Reiner said.\n\n'
        "A woman who had been travelling in the third carriage described the impact. "
        '"The lights went out and then everything was upside down," she said.\n\n'
        "A shopkeeper whose freezers failed was blunt. "
        '"Nobody came, nobody called, and everything I had went in the bin."'
    )
    assert [q.speaker for q in _quotes(text)] == ["Tomas Reiner", "", ""]


def test_a_paragraph_break_ends_a_sentence():
    text = (
        '"This is a correction, not a collapse," the central bank governor, Anselm Greit, '
        "told reporters at the bank's headquarters, \"and the tessa will be stronger for "
        'it."\n\nFinance Minister Teodora Ruskell, speaking in Corvanian at a separate '
        "briefing, said the government had run out of good options. "
        '"We chose a controlled step to avoid an uncontrolled fall," she said.'
    )
    assert [q.speaker for q in _quotes(text)][-1] == "Teodora Ruskell"
