"""One name per person and organization across a story's articles.

Outlets write "Russian President Vladimir Putin" once and "Putin" or "Mr Putin" after;
some add particles ("Bashar al-Assad", "Mr Al Assad"). :class:`Names` collects the full
names spaCy finds in all articles of a story and maps a short or titled form to the full
one, so quotes and labels are grouped under one name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

#: Words that precede a name without being part of it ("Mr", "President", "Gen.").
TITLES = frozenset(
    "mr mrs ms miss dr sir dame prof professor gen general col colonel capt captain sgt "
    "lt major president vice prime minister mayor governor senator sen rep judge justice "
    "chief king queen prince princess sheikh rev reverend father bishop pope pres gov "
    "commander premier chancellor secretary spokesman spokeswoman spokesperson ambassador "
    "deputy foreign interior defence defense finance health inspector officer coach "
    "councillor councilor councilwoman councilman director chairman chairwoman chair ceo "
    "lord lady saint st mp detective superintendent constable sergeant sheriff admiral "
    "rear commodore brigadier lieutenant marshal".split()
)
#: Nouns that stand for a person in "the <noun> said" or beside a name ("the mayor,
#: Hanna Ilves,"): the titles and other roles.
ROLES = TITLES | frozenset(
    "leader boss head official candidate lawyer prosecutor executive founder owner manager "
    "spokesperson analyst economist expert witness resident survivor activist organiser "
    "organizer campaigner lawmaker legislator diplomat envoy negotiator chairperson "
    "striker midfielder defender goalkeeper player captain scientist engineer doctor "
    "forecaster meteorologist volcanologist seismologist epidemiologist virologist "
    "statistician historian researcher lecturer architect pilot surgeon investigator "
    "auditor geologist".split()
)
#: Nouns that describe a person before a name at a sentence's start ("Pensioner Gerd
#: Hallam, 68,"), besides the roles.
DESCRIPTORS = frozenset(
    "grandmother grandfather grandma grandpa gran grandad granny mother father mum dad "
    "widow widower pensioner retiree neighbour neighbor headteacher headmaster headmistress "
    "teacher nurse student schoolgirl schoolboy driver farmer shopkeeper worker volunteer "
    "firefighter medic paramedic fisherman mechanic landlord tenant victim passenger "
    "businessman businesswoman mum-of-two dad-of-two".split()
)
#: Name particles ignored when comparing names ("al-Assad" ~ "Assad").
PARTICLES = frozenset("al el bin ibn de da di van von der den la le du".split())
#: Nouns that make a title word part of an organization's name ("Interior Ministry").
_OFFICES = frozenset(
    "ministry department office service committee council court agency bureau police".split()
)
#: Nouns that end the names of bodies, not people ("Student Union", "Pilots Association").
_BODIES = frozenset(
    "union association institute foundation company group society federation league "
    "party club trust board commission".split()
)
_POSSESSIVE = re.compile(r"(?:'|’)s?$")
_CONNECTORS = frozenset({"of", "the", "and", "for", "&"})


def clean_name(text: str) -> str:
    """A name without leading titles, roles or describing nouns ("Rear Admiral Sela
    Dravic", "Geologist Ilse Varnholt", "Pensioner Gerd Hallam"), a possessive ending or
    surrounding punctuation."""
    words = _POSSESSIVE.sub("", text.strip(' \t\n,.;:"“”‘’()')).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        if len(words) == 2 and words[1].lower() in _OFFICES:
            break  # "Foreign Ministry" is a name, not a title before one
        words = words[1:]
    organization = any(w.lower() in _OFFICES | _BODIES for w in words)
    while len(words) > 2 and words[0].lower() in DESCRIPTORS | ROLES and not organization:
        words = words[1:]  # "Pensioner Gerd Hallam", "Geologist Ilse Varnholt"
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _key(name: str) -> tuple[str, ...]:
    parts = re.split(r"[\s\-‐]+", name.lower())
    return tuple(p.strip(".") for p in parts if p and p.strip(".") not in PARTICLES)


def acronym(name: str) -> str:
    """Initials of a multi-word name ("Northern Liberation Front" → "NLF"), else ""."""
    words = [w for w in name.split() if w.lower() not in _CONNECTORS]
    if len(words) < 2:
        return ""
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


class Names:
    """Full names of the people and organizations in ``docs`` (spaCy ``Doc`` objects)."""

    def __init__(self, docs: Iterable[Any]) -> None:
        people: Counter[str] = Counter()
        groups: Counter[str] = Counter()
        titles: dict[str, set[frozenset[str]]] = {}
        for doc in docs:
            for entity in doc.ents:
                name = clean_name(entity.text)
                if not name or not name[0].isupper():
                    continue
                if entity.label_ == "PERSON" or _titled(entity):
                    people[name] += 1
                    title = _title_words(entity)
                    if title:
                        titles.setdefault(name, set()).add(title)
                elif entity.label_ in _GROUP_LABELS:
                    groups[name] += 1
            for name in _untagged_titled(doc):
                people[name] += 1
        for name in list(people):  # "Grandmother Edda Runge" where "Edda Runge" is known
            words = name.split()
            if len(words) >= 3 and " ".join(words[1:]) in people:
                people[" ".join(words[1:])] += people.pop(name)
        self.people = people
        self.groups = groups
        self._titles = titles
        self._acronyms = {
            acronym(g): g for g in sorted(groups, key=groups.__getitem__) if acronym(g)
        }

    def person(self, text: str) -> str:
        """The fullest name in the story that ``text`` is a short form of, else ``text``."""
        name = clean_name(text)
        key = _key(name)
        if not key:
            return name
        fits = [p for p in self.people if _key(p)[-len(key) :] == key or _key(p)[: len(key)] == key]
        if not fits:  # "Opposition MP Leni Sauer": a known name with words before it
            fits = [p for p in self.people if len(_key(p)) >= 2 and key[-len(_key(p)) :] == _key(p)]
        if not fits:
            return name
        return max(fits, key=lambda p: (len(_key(p)), self.people[p], p))

    def group(self, text: str, short: bool = False) -> str:
        """An organization's name with an acronym expanded when the story spells it out;
        with ``short``, a one-word name is also taken for the only longer name that
        starts with it ("Greyhaven said" for "Greyhaven Environmental"), and any name for
        the only longer one that ends with it ("the Foreign Ministry" for "the Corvenan
        Foreign Ministry")."""
        name = clean_name(text)
        if name.isupper():
            return self._acronyms.get(name, name)
        longer = [g for g in self.groups if g.startswith(name + " ")]
        if short and len(longer) == 1 and " " not in name:
            return longer[0]
        fuller = [g for g in self.groups if g.endswith(" " + name)]
        return fuller[0] if short and len(fuller) == 1 else name

    def titled(self, noun: str, modifiers: frozenset[str] = frozenset()) -> str:
        """The one person of the story written with the title ``noun`` and all of
        ``modifiers`` before their name ("Prime Minister Katia Doren" for "the prime
        minister"); "" if nobody or several people are."""
        holders = {
            self.person(name)
            for name, titles in self._titles.items()
            if any(noun in title and modifiers <= title for title in titles)
        }
        return holders.pop() if len(holders) == 1 else ""

    def is_person(self, text: str) -> bool:
        """Whether ``text`` names (or is a short form of) a person of the story."""
        key = _key(clean_name(text))
        return bool(key) and any(
            _key(p)[-len(key) :] == key or _key(p)[: len(key)] == key for p in self.people
        )


_GROUP_LABELS = frozenset({"ORG", "NORP", "GPE", "FAC", "LOC"})


def _titled(entity: Any) -> bool:
    """Whether a name spaCy did not take for a person is one by its title or role: written
    after one ("Mayor Hanna Ilves", "chief executive Inés Valcárcel") or beside one ("the
    mayor, Hanna Ilves,")."""
    root = entity.root
    if len(entity) < 2 or any(not t.text[:1].isupper() for t in entity):
        return False
    before = entity.doc[entity.start - 1] if entity.start else None
    title_before = before is not None and before.lower_.rstrip(".") in ROLES
    beside_role = root.dep_ == "appos" and root.head.lemma_.lower() in ROLES
    role_beside = any(c.dep_ == "appos" and c.lemma_.lower() in ROLES for c in root.children)
    return title_before or beside_role or role_beside


def _title_words(entity: Any) -> frozenset[str]:
    """The words of the title written before a person's name, lowercased ("Prime
    Minister Katia Doren": prime, minister); empty if there is none."""
    words = []
    for token in reversed(entity.doc[max(0, entity.start - 4) : entity.start]):
        if not token.is_alpha or not (token.lower_ in TITLES or token.text[:1].isupper()):
            break
        words.append(token.lower_)
    words += [w.lower() for w in entity.text.split()[: -len(clean_name(entity.text).split())]]
    return frozenset(words) if TITLES & set(words) else frozenset()


def _untagged_titled(doc: Any) -> list[str]:
    """Names of two capitalized words or more after a capitalized title ("Mayor Ruaidh
    Tanter said") that spaCy did not tag as any entity."""
    found = []
    for token in doc:
        if not token.text[:1].isupper() or token.lower_.rstrip(".") not in TITLES:
            continue
        words = []
        for word in doc[token.i + 1 : token.i + 5]:
            if word.pos_ != "PROPN" or not word.text[:1].isupper() or word.ent_type_:
                break
            words.append(word.text)
        if len(words) >= 2 and not any(w.lower().rstrip(".") in TITLES for w in words):
            found.append(" ".join(words))
    return found
