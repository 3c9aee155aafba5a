"""How each outlet labels the story's main people, groups and places.

Labels are read from the parse around each name:

- titles and descriptions written before it ("embattled Syrian regime leader Bashar al
  Assad" → "embattled syrian regime leader");
- appositions on either side ("Assad, the regime leader," / "the Syrian leader, Bashar
  al-Assad,");
- the plural noun a group's name qualifies ("Northern Front militants" → "militants");
- for organizations, another name for the same one ("NLF" for "Northern Liberation
  Front"). Places are left out (their labels are mostly geography).

Labels are lowercased without determiners. An entity is reported when it is named by at
least two articles and their labels differ; each label lists the articles using it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from storyline.analyze.names import TITLES, Names, clean_name
from storyline.model import Article, Framing, Label

#: Places are left out: their "labels" in news are mostly geography ("the capital").
_KINDS = {"PERSON": "person", "ORG": "group", "NORP": "group"}
_DROP = frozenset({"det", "predet", "punct", "relcl", "acl", "cc", "prep", "case"})
_MAX_WORDS = 6
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."})


def entity_labels(doc: Any, names: Names) -> list[tuple[str, str, str]]:
    """(canonical entity, kind, label) for every labelled name in ``doc``."""
    found = []
    for entity in doc.ents:
        kind = _KINDS.get(entity.label_)
        if kind is None:
            continue
        name = _canonical(entity, kind, names)
        if not name:
            continue
        for label in _labels(entity, kind):
            if label and label not in name.lower():
                found.append((name, kind, label))
        surface = clean_name(entity.text)
        if kind == "group" and surface and surface != name:
            found.append((name, kind, surface.lower()))  # another name: "NLF"
    return found


def _canonical(entity: Any, kind: str, names: Names) -> str:
    if kind == "person":
        return names.person(entity.text)
    if kind == "group":
        return names.group(entity.text)
    return clean_name(entity.text)


def _labels(entity: Any, kind: str) -> list[str]:
    root = entity.root
    doc = entity.doc
    labels = []
    before = [
        t for t in root.lefts if t.i < entity.start and t.dep_ in ("compound", "amod", "nmod")
    ]
    if before:
        first = min(t.left_edge.i for t in before)
        words = [t for t in doc[first : entity.start] if t.dep_ not in ("det", "poss", "case")]
        words = [t for t in words if t.lower_ not in _HONORIFICS]
        if words and any(t.pos_ == "NOUN" or t.lower_ in TITLES for t in words):
            labels.append(_phrase(words))
    # After "the plant of Halvorsen Motors, ..." the apposition may describe the plant.
    after_of = root.dep_ == "pobj" and root.head.lower_ == "of"
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not after_of:
            # right after the name ("Assad, the regime leader,"), and one person is no
            # plural ("Putin is to meet the leaders of Iran and Turkey, two other powers")
            beside = child.left_edge.i <= entity.end + 1
            if beside and not (kind == "person" and child.tag_ == "NNS"):
                labels.append(_phrase(_noun_phrase(child)))
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < root.i:
        labels.append(_phrase(_noun_phrase(root.head)))
    if kind == "group" and root.dep_ == "compound" and _members(root.head):
        labels.append(root.head.lower_)
    return [
        label
        for label in labels
        if 0 < len(label.split()) <= _MAX_WORDS and not _belongs_to_another(label, entity)
    ]


def _members(noun: Any) -> bool:
    """Whether a plural noun names people ("militants", "supporters", "troops"), not
    things ("shares", "checkpoints")."""
    lemma = noun.lemma_.lower()
    return noun.tag_ == "NNS" and (lemma in _PEOPLE or lemma.endswith(_PEOPLE_ENDINGS))


_PEOPLE = frozenset("troop force police staff militia official member guard".split())
_PEOPLE_ENDINGS = ("er", "ist", "ant", "ent", "ian", "man", "ee", "ary")


def _belongs_to_another(label: str, entity: Any) -> bool:
    """ "valdora's coast guard" describes Valdora's coast guard, not the name beside it."""
    doc = entity.doc
    window = doc[max(0, entity.start - _MAX_WORDS) : min(len(doc), entity.end + _MAX_WORDS + 2)]
    return any(
        t.dep_ == "poss" and t.pos_ == "PROPN" and t.lower_ in label.split()[0]
        for t in window
        if not (entity.start <= t.i < entity.end)
    )


def _noun_phrase(head: Any) -> list[Any]:
    """A noun and its modifiers, without determiners, clauses or trailing phrases."""
    keep = [head]
    for child in head.lefts:
        if child.dep_ not in _DROP and child.dep_ != "poss":
            keep.extend(child.subtree)
        elif child.dep_ == "poss":
            keep.extend(t for t in child.subtree if t.lower_ not in _HONORIFICS)
    return sorted(keep, key=lambda t: t.i)


def _phrase(tokens: Sequence[Any]) -> str:
    """The tokens' words, lowercased, spaced as written ("ex-mayor", "under-fire")."""
    kept = [t for t in tokens if t.pos_ != "PUNCT" or t.lower_ in ("'s", "’s", "-")]
    parts = []
    for token, following in zip(kept, [*kept[1:], None], strict=True):
        joined = following is not None and following.i == token.i + 1 and not token.whitespace_
        parts.append(token.lower_ + ("" if joined else " "))
    text = "".join(parts).replace(" 's", "'s").replace(" ’s", "’s")
    words = [word.strip("-") or word for word in text.split()]
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def story_framing(
    articles: Sequence[Article], docs: Mapping[str, Any], names: Names
) -> list[Framing]:
    """Entities named by two or more articles whose labels differ between them."""
    used: dict[tuple[str, str], dict[str, set[str]]] = {}
    named: dict[str, set[str]] = {}
    for article in articles:
        doc = docs[article.id]
        for entity in doc.ents:
            kind = _KINDS.get(entity.label_)
            if kind:
                named.setdefault(_canonical(entity, kind, names), set()).add(article.id)
        for name, kind, label in entity_labels(doc, names):
            used.setdefault((name, kind), {}).setdefault(label, set()).add(article.id)
    framings = []
    for (name, kind), labels in used.items():
        readers = named.get(name, set())
        if len(readers) < 2:
            continue
        if all(articles_ >= readers for articles_ in labels.values()):
            continue  # every article naming it uses every label: no difference
        order = sorted(labels.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        framings.append(
            Framing(
                name,
                kind,
                tuple(Label(label, tuple(sorted(ids))) for label, ids in order),
            )
        )
    return sorted(framings, key=lambda f: -len(named.get(f.entity, ())))
