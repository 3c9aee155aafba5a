from storyline.analyze.names import Names, clean_name
from storyline.analyze.nlp import parse
from storyline.analyze.quotes import find_quotes, quote_spans
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
