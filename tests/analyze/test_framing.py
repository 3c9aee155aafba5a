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


def test_an_apposition_far_from_a_name_or_plural_for_a_person_is_not_its_label():
    doc = parse(
        [
            "On Wednesday, Putin is to meet the leaders of Iran and Turkey, two other powers "
            "with major stakes in the Syrian conflict. Bashar Assad, the regime leader, "
            "flew home."
        ]
    )[0]
    labels = {(name, label) for name, _, label in entity_labels(doc, Names([doc]))}
    assert not any(name == "Putin" for name, _ in labels)
    assert ("Bashar Assad", "regime leader") in labels
