from storyline.analyze.framing import entity_labels
from storyline.analyze.names import Names
from storyline.analyze.nlp import parse


def test_labels_keep_hyphenated_words_whole_and_drop_determiners():
    doc = parse(
        [
            "The disgraced ex-mayor, Viktor Anselm, left court. Under-fire minister Petra Vasko "
            "did not comment."
        ]
    )[0]
    labels = {(name, label) for name, _, label in entity_labels(doc, Names([doc]))}
    assert ("Viktor Anselm", "disgraced ex-mayor") in labels
    assert ("Petra Vasko", "under-fire minister") in labels
