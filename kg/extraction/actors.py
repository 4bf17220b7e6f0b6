"""Actor resolution: entity spans -> canonical actors (registry ids or minted ids) per Doc.

Why: every fact names its parties by key, so the hard decisions are made once, here:
registry linking through the gazetteer's ``ent_id_``, metonyms (Beijing the state vs the city),
collective actors ("Chinese analysts", group_of China), definite references ("the alliance"),
surnames after full names and parenthetical abbreviations ("Indo-Pacific Four (IP4)").
The result is stored as plain lists in ``doc._.kg_actors`` so it survives ``n_process > 1``
(``Doc.to_bytes`` keeps ``user_data``); :class:`DocActors` rebuilds the lookup after ``pipe``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg.extraction.embedded_names import DATE_WORDS, NOT_NAMES, restore
from kg.extraction.gazetteer import split_ent_id
from kg.extraction.lexicon import post_titles, read_json, word_map, word_set
from kg.facts import MONTHS, EntityClass
from kg.linking import (
    PATRONYMIC_PARTICLES,
    Actor,
    Registry,
    mint_id,
    normalise_name,
    patronymic,
    slug,
    without_particle,
)

EXTENSION = "kg_actors"
if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)

#: NER labels we turn into actors, with the class of a minted id.
NER_CLASS = {
    "PERSON": EntityClass.PERSON,
    "ORG": EntityClass.ORGANIZATION,
    # The registry lists the world's states, so an unknown GPE is most likely a city or region.
    "GPE": EntityClass.PLACE,
    "LOC": EntityClass.PLACE,
    "FAC": EntityClass.PLACE,
}
GROUP_CLASSES = frozenset(
    {
        EntityClass.ALLIANCE,
        EntityClass.INTERNATIONAL_ORGANIZATION,
        EntityClass.PARTNERSHIP_GROUP,
        EntityClass.ORGANIZATION,
    }
)
#: Lowercase particles that open a family name ("al-Mahdi", "bin Salman", "van der Leyen").
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "van", "von",
                             "der", "le", "la", "du", "dos", "das", "di", "do", "del", "della"})
#: Prepositions after which a capital's name is the place, not the government.
LOCATIVE_PREPS = frozenset(
    [
        "in",
        "at",
        "to",
        "from",
        "near",
        "into",
        "outside",
        "inside",
        "across",
        "around",
        "toward",
        "towards",
        "via",
        "throughout",
    ]
)
#: (Also royal and courtesy styles, "HRH Crown Prince Mohammed bin Salman", "HH Sheikh
#: Tamim": no part of a name and no body of their own.)
_TRIM_LEFT = frozenset({"the", "The", "a", "an", '"', "“", "‘", "'", "HRH", "H.R.H.", "HH",
                        "H.H.", "HM", "H.M.", "HE", "H.E.", "HIH", "HSH"})
#: Prepositions the NER may take into a name that opens a sentence ("Without Agadez").
_OPENING_PREPS = frozenset({"without", "with", "after", "before", "unlike", "despite", "for",
                            "like", "amid", "under", "since", "during", "following", "from",
                            "in", "at", "on", "by", "across", "beyond", "inside", "outside"})
_TRIM_RIGHT = frozenset({"'s", "’s", "'", "’", ",", ".", "(", ")", '"', "“", "”", ":", ";",
                         "-", "–", "—"})  # a dateline's dash: "NEW DELHI -"
#: Tokens back from a pronoun within which competing persons make it ambiguous.
_PRONOUN_WINDOW = 40
_ABBR_RE = re.compile(r"^[A-Z][A-Za-z]*[A-Z0-9]+$")


#: "the <noun> of X": X is a place whatever the NER says ("the state of Arunachal Pradesh").
_PLACE_NOUNS = frozenset({"state", "province", "region", "city", "town", "village", "island",
                          "islands", "district", "county", "prefecture", "territory", "port",
                          "municipality", "oblast"})
#: Last words that make a name a facility's or a feature's, a place whatever the NER says.
_FACILITY_HEADS = frozenset({"dam", "bridge", "airport", "canal", "pipeline", "harbour",
                             "harbor", "shoal", "reef", "strait", "valley", "plant", "peninsula",
                             "base"})
#: First words of a landform's name ("Cape Kamui", "Mount Elbrus"): no person's.
_LANDFORM_STARTS = frozenset({"cape", "mount", "mt", "lake", "gulf", "bay"})
#: Words of a place's name that may stand before "of <state>" ("the Gulf of Aden", "the Isle
#: of Man", "the Republic of Korea"): a name with none of them there is a person's.
_PLACE_NAME_WORDS = _PLACE_NOUNS | _FACILITY_HEADS | _LANDFORM_STARTS | {
    "republic", "kingdom", "isle", "sea"}
#: Prepositions that continue a body's name after its head word ("Centre for …", "Institute
#: of …", "Forum on …").
_NAME_PREPS = frozenset({"for", "of", "on"})
#: Sites only a place has: a name that possesses one is a place's ("near Karachi's airport").
_TRANSPORT_SITES = frozenset({"airport", "port", "harbour", "harbor", "seaport", "airspace",
                              "outskirts", "suburbs", "streets"})
#: Common nouns a place name modifies ("the Depsang and Demchok areas"); a person's name
#: does not modify them.
_AREA_NOUNS = _PLACE_NOUNS | {"area", "areas", "sector", "sectors", "regions", "plains",
                              "highlands", "plateau", "corridor", "resort", "hotel", "palace",
                              "estate", "field", "fields", "oilfield", "gasfield",
                              "mine", "capital", "zone", "crossing", "checkpoint",
                              "peninsula", "river", "rivers", "coast", "coastline", "valley",
                              "desert", "basin", "delta", "complex"}
#                               ("the Burgenstock resort": a venue; "the Shah Deniz field": a
#                               gas field; "the Gezira state capital"; "the Kokang
#                               self-administered zone"; "the Rafah crossing"; "the Ras El
#                               Hekma peninsula"; "the Litani and Awali rivers"; "the
#                               Tuanaimato sports complex")
#: Buildings and sites: a name "in" or "near" which one stands is a place ("a temple in
#: Surrey"); people are not where buildings are.
_SITE_NOUNS = _AREA_NOUNS | {"temple", "mosque", "church", "school", "hospital", "embassy",
                             "consulate", "camp", "prison", "factory", "village", "airport",
                             "base", "shrine", "market", "university", "border"}
#: Installations a state owns wherever they stand: "an American military base on the Arctic
#: island" is no place in the United States.
INSTALLATION_NOUNS = frozenset({"base", "bases", "embassy", "consulate", "camp", "prison",
                                "factory", "airport", "school", "hospital"})
#: Compass adjectives before a name make it a place's ("eastern Ladakh").
_COMPASS = frozenset({"eastern", "western", "northern", "southern", "central", "northeastern",
                      "northwestern", "southeastern", "southwestern", "north", "south", "east",
                      "west"})
#: Words that make an organisation's name a pact's, which "the alliance" may refer to.
_PACT_WORDS = frozenset({"alliance", "pact", "coalition", "treaty", "partnership", "league",
                         "bloc", "union", "organization", "organisation"})
#: Last words of names of policies and documents, which are not actors (README, known gaps).
_DOCUMENT_HEADS = frozenset({"initiative", "programme", "program", "plan", "strategy",
                             "doctrine", "concept", "declaration", "communique", "communiqué",
                             "act", "accord", "accords", "agreement", "treaty", "charter"})
#: Plural nouns that, numbered ("the two countries", "both sides"), refer back to a list.
_GROUP_NOUNS = frozenset({"countries", "nations", "states", "governments", "sides", "neighbours",
                          "neighbors", "capitals", "allies", "partners", "powers", "rivals",
                          "juntas", "leaders", "members", "organizations", "organisations",
                          "men", "women"})
#: Group nouns that count persons, not states or bodies ("the two leaders", "the two men").
_PERSON_GROUP_NOUNS = frozenset({"leaders", "men", "women"})
#: Those that only states are ("the two governments" never refers back to "Eastern and
#: Western carmakers").
_STATE_GROUP_NOUNS = frozenset({"countries", "nations", "states", "governments", "capitals",
                                "neighbours", "neighbors"})
#: Nouns that count what their "of" phrase names ("dozens of Chinese firms").
_QUANTITIES = frozenset({"dozens", "hundreds", "thousands", "scores", "number", "handful",
                         "majority", "minority"})
#: Nouns of posts whose unnamed holder a "his"/"her" may mean ("Brazil's ambassador said his
#: country …").
_POST_NOUNS = frozenset({"ambassador", "envoy", "minister", "president", "spokesman",
                         "spokeswoman", "spokesperson", "official", "diplomat", "leader",
                         "representative", "premier", "chancellor", "secretary", "adviser",
                         "advisor", "general", "commander", "chief"})
#: Plural nouns that, "of" an organisation, stand for it ("the leaders of the SCO").
_SELF_NOUNS = frozenset({"leaders", "heads", "members", "governments", "ministers",
                         "navies", "armies", "militaries", "forces", "troops", "delegations"})
#: Verbs of receiving guests (also read by ``events``: "hosted Modi for a state visit" names
#: both sides of the visit; "hosted the leaders of A and B in X" is a meeting).
HOSTING_VERBS = frozenset({"host", "receive", "welcome"})
#: Verbs whose agent brings an event about (also read by ``events``: "a summit hosted by
#: Russia" has Russia take part).
CONVENING_VERBS = frozenset({"host", "organise", "organize", "convene", "chair", "sponsor"})
#: Verbs whose subject and object are the two sides of a visit ("the two sides" after them).
_HOST_VERBS = HOSTING_VERBS | {"visit", "meet"}
#: Verbs whose subject or agent brings others together: a list of them ("talks co-hosted by
#: Saudi Arabia and Switzerland", "Qatar and Egypt mediated") is not "both sides" after them.
_MEDIATING_VERBS = CONVENING_VERBS | {"co-host", "cohost", "mediate", "broker", "facilitate"}
#: Nouns of the same go-between part, given by "as" ("with Egypt and the UAE as observers").
_GO_BETWEEN_NOUNS = frozenset({"observer", "mediator", "guarantor", "witness", "facilitator",
                               "host", "co-host", "guest", "sponsor"})
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4}
#: Words a name cannot end with: the NER stopped before the name's own last part.
_DANGLING = frozenset({"of", "for", "and", "the", "on", "in", "to"})


@dataclass(frozen=True, order=True)
class ActorSpan:
    """One resolved actor occurrence: token span, key, class, label and how it was found."""

    start: int
    end: int
    key: str
    cls: EntityClass
    label: str
    group_of: str | None = None
    kind: str = "name"  # name | metonym | demonym | collective | reference | abbreviation

    def to_list(self) -> list:
        """Plain list for ``doc.user_data`` (msgpack-serialisable)."""
        return [self.start, self.end, self.key, str(self.cls), self.label, self.group_of, self.kind]

    @classmethod
    def from_list(cls, row: list) -> ActorSpan:
        """Inverse of :meth:`to_list`."""
        return cls(row[0], row[1], row[2], EntityClass(row[3]), row[4], row[5], row[6])


class Lexicons:
    """The word lists actor resolution needs, loaded once per component."""

    def __init__(self) -> None:
        self.collective_nouns = word_set("collective_nouns.json", "nouns")
        self.singular = word_set("collective_nouns.json", "singular_with_quantifier")
        self.group_self = word_set("collective_nouns.json", "group_self_nouns")
        self.blocs = word_set("collective_nouns.json", "bloc_adjectives")
        self.quantifiers = word_set("collective_nouns.json", "quantifiers")
        self.references = {
            k.lower(): tuple(EntityClass(c) for c in v)
            for k, v in read_json("reference_nouns.json").items()
        }
        self.titles = post_titles()
        self.name_prefixes = word_set("role_titles.json", "name_prefixes")
        self.tenure = word_set("role_titles.json", "tenure")
        self.post_scopes = word_set("role_titles.json", "post_scopes")
        #: words naming a government portfolio, read off the ministers' titles ("foreign",
        #: "defence", "commerce"): with a body's head noun they name some state's ministry
        self.portfolios = portfolio_words()
        self.title_words = title_words()
        #: the last word of each post title ("minister", "spokesperson"): what "the …" names
        self.title_heads = title_heads()
        self.event_nouns = frozenset(word_map("event_cues.json", "nouns"))
        #: nouns a capital before which is the place: event nouns and those named after
        #: where they were agreed ("the Minsk agreements")
        self.venue_nouns = self.event_nouns | word_set("event_cues.json", "venue_named")
        self.speech_verbs = word_set("communication_verbs.json", "verbs")
        self.source_nouns = (word_set("communication_verbs.json", "nouns")
                             | word_set("communication_verbs.json", "source_nouns"))
        self.bloc_actors = {
            k.lower(): v for k, v in read_json("collective_nouns.json")["bloc_actors"].items()
        }
        self.institutions = word_set("collective_nouns.json", "institution_nouns")
        self.administrations = word_set("collective_nouns.json", "administration_nouns")
        self.org_heads = word_set("collective_nouns.json", "organization_heads")
        self.ship_prefixes = frozenset(read_json("collective_nouns.json")["ship_prefixes"])
        self.ship_nouns = word_set("collective_nouns.json", "ship_nouns")
        self.weapon_nouns = word_set("collective_nouns.json", "weapon_nouns")
        self.diseases = word_set("collective_nouns.json", "disease_names")
        self.company_ends = self.org_heads | word_set("collective_nouns.json", "company_name_ends")
        self.firm_nouns = word_set("collective_nouns.json", "firm_nouns")
        self.platforms = word_set("collective_nouns.json", "media_platforms")
        self.leader_phrases = word_set("collective_nouns.json", "leader_phrases")
        self.state_bodies = word_set("collective_nouns.json", "state_body_heads")
        #: singular nouns for people: in apposition they make the words before a person's name
        self.person_appositions = (word_set("collective_nouns.json", "person_appositions")
                                   | word_set("collective_nouns.json", "singular_with_quantifier")
                                   | word_set("collective_nouns.json", "independent_voices"))


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article and trailing possessive/punctuation tokens from a span."""
    while start < end and (doc[start].text in _TRIM_LEFT or (
            doc[start].is_sent_start and doc[start].lower_ in _OPENING_PREPS)):
        start += 1  # (a sentence's first word: "Without Agadez, the US …")
    while end > start and doc[end - 1].text in _TRIM_RIGHT:
        end -= 1
    for i in range(start, end):  # "Indo-Pacific Four (IP4" -> "Indo-Pacific Four"
        if doc[i].text == "(" and i > start:
            end = i
            break
    return start, end


#: Words before a month that make it a date's ("in October", "on 9 October", "since May").
_DATE_LEADS = frozenset({"in", "on", "since", "until", "by", "from", "of", "early", "late",
                         "mid", "last", "next", "this"})


def _dated_name(doc: Doc, start: int, end: int) -> bool:
    """A person's name the NER ran into the date before it ("On 9 October Scott Bessent", "At
    the end of August Putin said")."""
    if end - start < 2 or start == 0 or doc[start].lower_ not in MONTHS:
        return False
    before = doc[start - 1]
    return before.like_num or before.lower_ in _DATE_LEADS


def _hyphen_joins(doc: Doc, left: int) -> bool:
    """Whether token ``left`` and the token two on are one hyphenated word ("Trans-Pacific",
    "Ibero-American", "Mar-a-Lago"): a hyphen between them, no space on either side."""
    return (left >= 0 and left + 2 < len(doc) and doc[left + 1].text in ("-", "‑")
            and not doc[left].whitespace_ and not doc[left + 1].whitespace_)


def _hyphened_place(doc: Doc, span: ActorSpan, before: list[ActorSpan]) -> bool:
    """Whether a place or region is only the second piece of a hyphenated word whose first
    piece is no actor ("Trans-Pacific Partnership": no ocean; "Russia-Ukraine" stays two)."""
    start = span.start
    return (span.cls in (EntityClass.PLACE, EntityClass.REGION)
            and _hyphen_joins(doc, start - 2) and doc[start - 2].is_alpha
            and not any(s.end == start - 1 for s in before))


def _organ_of_another(doc: Doc, span: ActorSpan, before: list[ActorSpan],
                      reg: Registry) -> bool:
    """Whether a registry organ ("General Assembly", part of the UN) comes right after the
    name of another body ("the OAS General Assembly"), or after it (and "'s") and capitalised
    words of the same name ("the ECOWAS Mediation and Security Council", "the AU's Peace and
    Security Council"): that body's organ."""
    actor = reg.actors.get(span.key)
    if actor is None or not actor.part_of or not before:
        return False
    prev = before[-1]
    gap = doc[prev.end : span.start]
    if len(gap) and gap[0].text in ("'s", "’s"):
        gap = gap[1:]  # "the AU's Peace and Security Council"
    return (len(gap) <= 3 and all(t.is_title or t.lower_ in ("and", "&") for t in gap)
            and (not gap or gap[0].is_title) and prev.cls in GROUP_CLASSES
            and prev.key not in (actor.part_of, span.key)
            and (reg.actors[prev.key].part_of if prev.key in reg.actors else None)
            != actor.part_of)


#: Capitalised nouns after a body's name that name one of its organs ("the AU Commission").
_ORGAN_NOUNS = frozenset({"Commission", "Secretariat"})


def _named_organ(doc: Doc, span: ActorSpan, reg: Registry) -> ActorSpan | None:
    """The organ an international body's name and a capitalised organ noun name together
    ("the AU Commission", "the African Union Commission", "the ECOWAS Commission"): the
    registry's entry for "<body> <noun>", else one minted from the body's full name, so that
    every spelling of the body gives the same organ.

    Why: its chairperson, spokesperson and statements are the Commission's, not the Union's
    (whose chair is a head of state)."""
    if span.end >= len(doc) or doc[span.end].text not in _ORGAN_NOUNS or span.cls not in (
            EntityClass.INTERNATIONAL_ORGANIZATION, EntityClass.ALLIANCE) or (
            span.end + 1 < len(doc) and doc[span.end + 1].lower_ in ("on", "for", "of")):
        return None  # (not "the UN Commission on the Limits of the Continental Shelf")
    actor = reg.actors.get(span.key)
    if actor is None or actor.part_of:
        return None
    name = f"{actor.label} {doc[span.end].text}"
    known = reg.lookup(name)
    if known is not None:
        return ActorSpan(span.start, span.end + 1, known.id, known.cls, known.label)
    return ActorSpan(span.start, span.end + 1, mint_id(name, EntityClass.ORGANIZATION),
                     EntityClass.ORGANIZATION, name)


def _states_own_organ(doc: Doc, span: ActorSpan, before: list[ActorSpan],
                      reg: Registry) -> ActorSpan | None:
    """A state's own body named like an international body's organ: "Russia's Security
    Council", "the Armenian Security Council" (the state, or its adjective, owns the organ's
    name itself, not a noun after it: "Russia's Security Council seat" is the UN's).

    Why: the registry's "Security Council" is the UN's; Medvedev is deputy chairman of
    Russia's, Armen Grigoryan secretary of Armenia's."""
    actor = reg.actors.get(span.key)
    if actor is None or not actor.part_of or not before:
        return None
    i = span.start - 1
    if i >= 1 and doc[i].text in ("'s", "’s"):
        i -= 1
    state = before[-1]
    if not (state.start <= i < state.end and state.cls == EntityClass.STATE
            and doc[state.end - 1].head == doc[span.start : span.end].root):
        return None
    text = doc[span.start : span.end].text
    body = _state_body(doc, ActorSpan(span.start, span.end, "", EntityClass.ORGANIZATION, text),
                       before, reg)
    # (a state's organ, no "the organisation" later: see _references)
    return replace(body, kind="institution") if body is not None else None


def _extraposed(it: Token) -> bool:
    """Whether "it" is the dummy subject of a copula whose adjective or noun is followed by an
    infinitive or a that-clause ("It would be dishonest to praise …", "It is clear that …"):
    the clause is the real subject, and "it" names no actor."""
    verb = it.head
    if it.dep_ != "nsubj" or verb.lemma_ != "be" or not any(
            c.dep_ in ("acomp", "attr") and c.i > it.i for c in verb.children):
        return False
    return any(c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > it.i and any(
        g.lower_ in ("to", "that") and g.dep_ in ("aux", "mark") for g in c.children)
        for c in verb.children)


def _conjoined_owner(its: Token) -> Token | None:
    """The possessor of the noun that the noun owned by "its" is conjoined with ("the
    government's progress and its commitment": "government"), if it is a noun or name."""
    noun = its.head
    if its.dep_ != "poss" or noun.dep_ != "conj" or noun.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((c for c in noun.head.children if c.dep_ == "poss"
                 and c.pos_ in ("NOUN", "PROPN")), None)


def _strip_titles(doc: Doc, start: int, end: int, titles: dict[str, str]) -> int:
    """Start index of a person's name after any title words or honorifics ("Dr", "Mr") the
    NER swallowed. A monarch's title right after another title or form of address is a
    name ("COP28 President Sultan al-Jaber", "Dr King")."""
    i = start
    while i < end - 1:
        if doc[i].lower_.rstrip(".") in _ADDRESS_FORMS | _RANK_ABBREVIATIONS or (
                doc[i].lower_ == "lady" and i > 0 and doc[i - 1].lower_ == "first"):
            i += 1  # ("Dr", "Lt Gen Herzi Halevi", "First Lady Melania Trump")
            continue
        if doc[i].lower_ in _GIVEN_NAME_TITLES and i > 0 and _styles(doc[i - 1], titles):
            break
        for j in range(end - 1, i, -1):
            if doc[i:j].text.lower() in titles:
                i = j
                break
        else:
            break
    return i


def _styles(tok: Token, titles: dict[str, str]) -> bool:
    """A title word or form of address ("President", "Prince", "Dr") before a name."""
    word = tok.lower_.rstrip(".")
    return word in _ADDRESS_FORMS or word in titles or word in _NAME_PREFIXES


_GIVEN_NAME_TITLES = word_set("role_titles.json", "given_name_titles")
_NAME_PREFIXES = word_set("role_titles.json", "name_prefixes")


#: Forms of address that are no part of a name ("Dr Ifeoma Okonkwo", "Mr Tinubu"; the
#: Malaysian styles "Datuk Seri Hishammuddin Hussein", "Tun …"; the Indian "Shri", the
#: Commonwealth's "the Hon Simon Birmingham").
_ADDRESS_FORMS = frozenset({"dr", "mr", "mrs", "ms", "prof", "professor", "datuk", "dato",
                            "seri", "tun", "shri", "smt", "shrimati", "hon", "honourable",
                            "honorable", "mme", "madame"})


#: Abbreviated military ranks before a name ("Lt Gen Herzi Halevi", "Maj. Gen. X").
_RANK_ABBREVIATIONS = frozenset({"lt", "gen", "maj", "col", "brig", "capt", "sgt", "adm",
                                 "cdr", "cmdr"})


def is_locative(span: Span, event_nouns: frozenset[str],
                source_nouns: frozenset[str] = frozenset()) -> bool:
    """True when a capital's name is used as a place ("in Beijing", "the Washington summit").

    Why: "Beijing" acting (subject, possessor, holder) is the state; as the object of a
    locative preposition, or naming where a summit/visit/declaration happened, it is the city.
    After a noun of ``source_nouns`` "from" names who acted ("calls from Washington",
    "pressure from Beijing"), not where from.
    """
    root = span.root
    doc = span.doc
    if is_dateline(span):
        return True  # "MANILA, June 20 -": where the story was filed
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s", "'", "’"):
        return False  # a possessor acts: "Beijing's hosting of leaders"
    root = coordination_head(root)  # "in Tokyo or Seoul"
    head = root.head
    if (root.dep_ == "pobj" and head.lower_ == "from" and head.head.pos_ == "NOUN"
            and (head.head.lower_ in source_nouns or head.head.lemma_.lower() in source_nouns)):
        return False
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
        return not _judging_relative(root)
    if root.dep_ in ("compound", "nmod", "amod"):
        node = head
        for _ in range(3):
            if node.lower_ in event_nouns or node.lemma_.lower() in event_nouns:
                return True
            if node.dep_ not in ("compound", "nmod", "amod") or node.head == node:
                break
            node = node.head
    return root.dep_ == "appos" and head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


#: Verbs of judging and speaking: a capital that does them in a relative clause acts.
_JUDGING = frozenset({"criticise", "criticize", "condemn", "accuse", "oppose", "support",
                      "back", "welcome", "reject", "warn", "urge", "demand", "blame",
                      "praise", "say", "insist", "argue", "denounce"})


def _judging_relative(root: Token) -> bool:
    """ "to draw in Washington, which has historically criticised OPEC": a relative clause
    whose "which"/"who" judges or speaks makes the capital its state, after "in" too."""
    return any(c.dep_ == "relcl" and c.lemma_.lower() in _JUDGING
               and any(s.dep_ == "nsubj" and s.lower_ in ("which", "who") for s in c.children)
               for c in root.children)


def _shared_subject_object(tok: Token) -> bool:
    """An "it" object of a verb coordinated with an earlier one whose subject it shares
    ("Turkey joined NATO but has long criticised it"), not of a clause with a subject of its
    own ("…, and the Islamic Action Front condemned it")."""
    verb = tok.head
    return (tok.lower_ == "it" and tok.dep_ == "dobj"
            and (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"))
            and verb.head.i < verb.i  # (also "cut ties with Kenya, accusing it of …")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def coordination_head(tok: Token) -> Token:
    """The first conjunct of the coordination ``tok`` is in ("Malaysia" in "by Indonesia and
    Malaysia" gives "Indonesia"), which carries the arc the whole coordination hangs by."""
    while tok.dep_ == "conj" and tok.head != tok:
        tok = tok.head
    return tok


#: Time-zone abbreviations after a clock time ("14:05 GMT"), never an actor's name.
_TIME_ZONES = frozenset({"GMT", "UTC", "CET", "CEST", "EET", "EEST", "BST", "EST", "EDT",
                         "CST", "CDT", "PST", "PDT", "MSK", "JST", "KST", "AEST", "AEDT"})


def is_dateline(span: Span) -> bool:
    """An all-capitals name opening a line, before a comma or a dash ("BRUSSELS —")."""
    doc = span.doc
    start, end = span.start, span.end
    opens = start == 0 or "\n" in doc[start - 1].text or doc[start - 1].is_space
    return (opens and span.text.isupper() and len(span.text) > 2 and end < len(doc)
            and doc[end].text in (",", "-", "–", "—", "("))


class ActorResolver:
    """Component: resolves the Doc's entities into :class:`ActorSpan` rows in ``doc._``."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.lex = Lexicons()

    def __call__(self, doc: Doc) -> Doc:
        restore(doc)  # registry names the NER did not take into a longer name
        _split_at_commas(doc)
        _split_at_dashes(doc)
        _split_persons_of_states(doc, self.registry, self.lex)
        _join_split_persons(doc, self.lex)
        _untagged_titled_persons(doc, self.lex)
        _apposed_titled_persons(doc, self.lex)
        _untagged_repeated_names(doc, self.lex)
        doc._.set(EXTENSION, [s.to_list() for s in resolve_actors(doc, self.registry, self.lex)])
        return doc


def _split_at_commas(doc: Doc) -> None:
    """An unregistered name the NER ran across a comma is two ("In his meeting with Xi,
    Prabowo praised China": "Xi, Prabowo" tagged as one organisation): no name holds a comma
    (those that do, "Washington, D.C.", are registered)."""
    ents, changed = [], False
    for ent in doc.ents:
        commas = [t.i for t in ent if t.text == ","]
        if ent.ent_id_ or len(commas) != 1 or commas[0] in (ent.start, ent.end - 1):
            ents.append(ent)
            continue
        left, right = doc[ent.start : commas[0]], doc[commas[0] + 1 : ent.end]
        if not (left[0].is_title and right[0].is_title) or any(
                t.lower_ in ("of", "for", "and", "&") for t in ent):
            # ("the Ministry of Economy, Trade and Industry": a list inside one name)
            ents.append(ent)
            continue
        ents += [Span(doc, left.start, left.end, label=ent.label_),
                 Span(doc, right.start, right.end, label=ent.label_)]
        changed = True
    if changed:
        doc.set_ents(ents, default="unmodified")


_DASHES = frozenset({"-", "–", "—"})


def _split_at_dashes(doc: Doc) -> None:
    """An unregistered name the NER ran across a dash set between spaces keeps only its
    parts that are names: capitalised words with no digit, two or more after the dash
    ("DAKAR, 23 September 2025 - Rights groups …", "20:40 - Opposition voices", "Alexander
    Marschik - produce", "DILI - José Ramos-Horta"): a name's own hyphen has no space around
    it."""
    ents, cleared = [], []
    for ent in doc.ents:
        cut = [t.i for t in ent if t.text in _DASHES and t.whitespace_
               and t.i > 0 and doc[t.i - 1].whitespace_]
        if ent.ent_id_ or not cut or ent.label_ in NOT_NAMES:
            ents.append(ent)
            continue
        bounds = [ent.start, *cut, ent.end]
        for lo, hi in itertools.pairwise(bounds):
            if lo != ent.start:
                cleared.append(doc[lo : lo + 1])  # the dash
                lo += 1
            part = doc[lo:hi]
            if part and (len(part) >= 2 or lo == ent.start) and all(
                    (t.is_title or t.is_upper or not t.is_alpha)
                    and not any(c.isdigit() for c in t.text) for t in part):
                ents.append(Span(doc, part.start, part.end, label=ent.label_))
            elif part:
                cleared.append(part)
    if cleared:
        doc.set_ents(ents, outside=cleared, default="unmodified")


def _split_persons_of_states(doc: Doc, reg: Registry, lex: Lexicons) -> None:
    """An unregistered name the NER ran over "of <registered state>" with two or three
    capitalised words and no body word before the "of" is a person and the state ("Julia
    Sebutinde of Uganda, the court's vice-president," tagged as one organisation)."""
    ents, changed = [], False
    for ent in doc.ents:
        of = next((t.i for t in ent if t.lower_ == "of"), None)
        state = doc[of + 1 + (doc[of + 1].lower_ == "the") : ent.end] if (
            of is not None and of + 1 < ent.end) else None
        actor = reg.lookup(state.text) if state is not None and len(state) > 0 else None
        name = doc[ent.start : of] if of is not None else None
        if (ent.ent_id_ or actor is None or actor.cls != EntityClass.STATE or name is None
                or not 2 <= len(name) <= 3 or name[0].lower_ == "the"
                or not all(t.is_title and t.is_alpha for t in name)
                or any(t.lower_ in lex.org_heads or t.lower_ in lex.title_words
                       or t.lower_ in lex.administrations or t.lower_ in _PLACE_NAME_WORDS
                       for t in name)):
            ents.append(ent)
            continue
        ents += [Span(doc, name.start, name.end, label="PERSON"),
                 Span(doc, state.start, state.end, label="GPE")]
        changed = True
    if changed:
        doc.set_ents(ents, default="unmodified")


def _join_split_persons(doc: Doc, lex: Lexicons) -> None:
    """Two person names the NER put side by side are one name ("Hassan Sheikh" + "Mohamud");
    so is one capitalised word right after a person's name that the NER tagged otherwise
    ("Maria Corina" + "Machado" tagged ORG), unless it ends a body's name ("the Biden
    Administration"); so are a name and the one after its lowercase particles ("José Eduardo"
    + "dos" + "Santos" tagged GPE)."""
    ents = list(doc.ents)
    joined, changed = [], False
    for ent in ents:
        prev = joined[-1] if joined else None
        between = doc[prev.end: ent.start] if prev is not None else doc[0:0]
        if (prev is not None and prev.label_ == "PERSON" and len(between) <= 2
                and all(t.is_lower and t.lower_ in _NAME_PARTICLES for t in between)
                and (ent.label_ == "PERSON" or (
                    len(ent) == 1 and ent[0].is_title and ent[0].lower_ not in lex.org_heads
                    and ent[0].lower_ not in lex.administrations))
                and not prev.ent_id_ and (not ent.ent_id_ or (
                    len(ent) == 1 and _titled_first_name(doc, prev, lex)))):
            # (a registry name too after a titled first name: "then-foreign secretary
            # William" + "Hague", not the Netherlands' seat of government)
            for t in ent:
                t.ent_id = 0  # the joined name inherits no registry id
            joined[-1] = Span(doc, prev.start, ent.end, label="PERSON")
            changed = True
        else:
            joined.append(ent)
    for i, ent in enumerate(joined):  # "Espen Barth" + "Eide", "Sameh" + "Shoukry"
        if ent.label_ == "PERSON" and not ent.ent_id_:
            start, end = ent.start, ent.end
            if end < len(doc) and _name_word(doc[end], lex) and ent[-1].head.i == end:
                end += 1
            free = joined[i - 1].end if i > 0 else 0  # (that one may have grown right)
            before = doc[start - 1] if start > free else None
            if (before is not None and _name_word(before, lex) and before.dep_ == "compound"
                    and start <= before.head.i < end):
                start -= 1
            if (start, end) != (ent.start, ent.end):
                joined[i] = Span(doc, start, end, label="PERSON")
                changed = True
    if changed:
        doc.set_ents(joined, default="unmodified")


def _titled_first_name(doc: Doc, name: Span, lex: Lexicons) -> bool:
    """A one-word person name right after a post title ("foreign secretary William"), no
    honorific ("Prime Minister Sheikh" + a registry name is that registry person)."""
    return (len(name) == 1 and name.start > 0 and doc[name.start - 1].lower_ in lex.title_words
            and name[0].lower_ not in lex.name_prefixes)


def _name_word(tok: Token, lex: Lexicons) -> bool:
    """A capitalised word that may finish or start a person's name the NER cut short: no
    entity of its own, a proper noun, no title, rank, honorific or body word (the caller
    checks that the parser joins it to the name)."""
    return tok.ent_type_ == "" and _capitalised_name_word(tok, lex)


def _untagged_titled_persons(doc: Doc, lex: Lexicons) -> None:
    """Two or three capitalised words right after a post title that the NER tagged as nothing
    are a person's name ("Deputy National Security Adviser Daleep Singh warned"): the small
    model misses names it has not seen, and a post title before them is the surest sign of
    one."""
    ents = list(doc.ents)
    added = []
    for tok in doc:
        if tok.lower_ not in lex.title_words or tok.i + 2 >= len(doc):
            continue
        if title_ending_at(doc, tok.i + 1, 0, lex.titles) is None:
            continue
        end = tok.i + 1
        while (end < len(doc) and end - tok.i <= 4 and doc[end].is_title and doc[end].is_alpha
               and doc[end].pos_ == "PROPN" and not doc[end].ent_type_
               and doc[end].lower_ not in lex.title_words and doc[end].lower_ not in DATE_WORDS
               and doc[end].lower_ not in lex.org_heads):
            end += 1
        if end > tok.i + 1 and (place := _surname_place(doc, end, ents)) is not None:
            ents.remove(place)  # "Deputy Attorney General Lisa Monaco": no state Monaco
            doc[end].ent_id_ = ""
            end += 1
        if 2 <= end - tok.i - 1 <= 3 and not (end < len(doc) and doc[end].is_title
                                                and doc[end].is_alpha):
            added.append(Span(doc, tok.i + 1, end, label="PERSON"))
    if added:
        doc.set_ents(ents + added, default="unmodified")


def _surname_place(doc: Doc, i: int, ents: list[Span]) -> Span | None:
    """The one-word place entity at token ``i`` that ends a titled person's name after an
    untagged given name ("Deputy Attorney General Lisa Monaco said", "Senator Bob Jordan"),
    outside headings, where capitalised verbs could pass for given names."""
    if i >= len(doc) - 1 or (doc[i + 1].is_title and doc[i + 1].is_alpha) or is_heading(
            doc[i].sent):
        return None
    return next((e for e in ents if e.start == i and e.end == i + 1
                 and e.label_ in ("GPE", "LOC")), None)


def _untagged_repeated_names(doc: Doc, lex: Lexicons) -> None:
    """A lone capitalised word the NER tagged as nothing that is the surname of a person named
    in full earlier ("Rodrigo Chaves took the oath … Chaves, an economist, responded"), or
    the one-word name of an organisation tagged earlier ("the Conti gang … Conti publicly
    pledged its support"): the same actor, whom the model missed this time."""
    ents = list(doc.ents)
    first_seen: dict[str, int] = {}
    label: dict[str, str] = {}
    for e in ents:
        if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title:
            first_seen.setdefault(e[-1].text, e.end)
            label.setdefault(e[-1].text, "PERSON")
        elif e.label_ in ("ORG", "PERSON") and len(e) == 1 and e[0].is_title:
            first_seen.setdefault(e[0].text, e.end)  # ("Conti" tagged a person, read as the
            label.setdefault(e[0].text, e.label_)  # gang it names: its name links the same)
    added = []
    for tok in doc:
        if (tok.ent_type_ == "" and tok.is_title and tok.dep_ != "compound" and (
                tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and (
                    tok.is_sent_start or (tok.dep_ in ("nsubj", "nsubjpass")
                                          and label.get(tok.text) == "PERSON"))))
                and first_seen.get(tok.text, len(doc)) <= tok.i
                and tok.lower_ not in lex.title_words and tok.lower_ not in DATE_WORDS
                and not any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title
                            for j in (tok.i - 1, tok.i + 1))):
            added.append(Span(doc, tok.i, tok.i + 1, label=label[tok.text]))
    # "the candidate of Milorad Dodik's ruling party" with "Milorad" a place to the NER and
    # "Dodik" untagged: a given name and the surname of a person the article names
    surnames = {e[-1].text for e in ents if e.label_ == "PERSON"}
    given = [e for e in ents if e.label_ in ("GPE", "LOC") and len(e) == 1 and not e.ent_id_
             and e.end < len(doc) and not doc[e.end].ent_type_ and doc[e.end].is_title
             and doc[e.end].pos_ == "PROPN" and doc[e.end].text in surnames]
    if given:
        ents = [e for e in ents if e not in given]
        added += [Span(doc, e.start, e.end + 1, label="PERSON") for e in given]
    if added:
        doc.set_ents(ents + added, default="unmodified")


#: Entity labels the small model gives a person's name it does not know ("Jaiswal" PRODUCT,
#: "Naledi Pandor" ORG); a post title in apposition overrules them (never GPE or a registry
#: name: "Rafah, the southern city" has no post title, and a known name stays what it is).
_MISTAKEN_NAME_LABELS = frozenset({"", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "NORP", "FAC",
                                   "EVENT", "LAW", "LOC"})


def _apposed_titled_persons(doc: Doc, lex: Lexicons) -> None:
    """Two or three capitalised words with a post title (or a noun for a person, "a
    businessman") in apposition are a person's name, whatever the NER made of them: "Randhir
    Jaiswal, the spokesperson for India's Ministry of External Affairs, said", "Naledi
    Pandor, then South Africa's foreign minister, said", "Ilan Shor, a businessman".

    Why: the small model cuts or mislabels names it has not seen (there, "Jaiswal" alone as a
    PRODUCT and "Naledi Pandor" as an ORG), and the name then carries no role, quote or
    stance; an apposed post title ("the spokesperson", "South Africa's foreign minister") is
    as sure a sign of a person as a title before the name.
    """
    changed = False
    ents = list(doc.ents)
    for title in doc:
        if title.dep_ != "appos" or (title.lower_ not in lex.titles
                                     and title.lower_ not in lex.person_appositions):
            continue
        head = title.head
        if not (head.i + 1 < title.i and doc[head.i + 1].text == ","):
            continue
        start = head.i
        while start > 0 and head.i - start < 2 and _capitalised_name_word(doc[start - 1], lex):
            start -= 1
        if not _capitalised_name_word(head, lex) or start == head.i:
            continue  # one word may be a surname already known, or no name at all
        if start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN":
            whole = doc[start - 1].ent_type_ and doc[start - 1].ent_iob_ == "B" and (
                _capitalised_name_word(doc[start - 1], lex))
            if not whole or any(t.ent_iob_ != "I" for t in doc[start : head.i + 1]):
                continue  # a longer name than three words: not ours to cut
            start -= 1  # "Mirza Fakhrul Islam Alamgir, the party's secretary general, said":
            # four words the NER took together for a work of art, relabelled whole
        span = doc[start : head.i + 1]
        if not _relabelable(span):
            continue
        ents = [e for e in ents if e.end <= start or e.start > head.i]
        ents.append(Span(doc, start, head.i + 1, label="PERSON"))
        changed = True
    for span in _names_apposed_to_titles(doc, lex):
        # "Russia's ambassador in Sarajevo, Igor Kalabukhov, also congratulated …": the name
        # set after the post, which the NER left untagged
        ents = [e for e in ents if e.end <= span.start or e.start >= span.end]
        ents.append(span)
        changed = True
    if changed:
        doc.set_ents(sorted(ents, key=lambda e: e.start), default="unmodified")


def _relabelable(span: Span) -> bool:
    """Whether a person's name may replace what the NER made of these words: nothing, or
    labels a name is mistaken for, no registry name, not already a person's throughout."""
    return not (any(t.ent_type_ not in _MISTAKEN_NAME_LABELS or t.ent_id_ for t in span)
                or all(t.ent_type_ == "PERSON" for t in span))


def _names_apposed_to_titles(doc: Doc, lex: Lexicons) -> list[Span]:
    """Two or three capitalised words between commas that the parser sets in apposition to a
    post title before them, tagged as nothing or as something a name is mistaken for ("the
    EU's Special Representative …, Peter Sorensen, said", an ORG to the NER)."""
    out = []
    for name in doc:
        head = name.head
        if (name.dep_ != "appos" or head.i >= name.i
                or (head.lower_ not in lex.titles and head.lower_ not in lex.person_appositions)
                or not _capitalised_name_word(name, lex)):
            continue
        start = name.i
        while (start - 1 > head.i and name.i - start < 2
               and _capitalised_name_word(doc[start - 1], lex)
               and doc[start - 1].head == name):
            start -= 1
        end = name.i + 1
        if (start == name.i or doc[start - 1].text != ","
                or (end < len(doc) and doc[end].text not in (",", ".", ";"))):
            continue
        span = doc[start:end]
        if not _relabelable(span) or any(e.start < start or e.end > end for e in doc.ents
                                         if e.start < end and start < e.end):
            continue  # (a registry name, a person already, or part of a longer name)
        out.append(Span(doc, start, end, label="PERSON"))
    return out


def _known_as(doc: Doc, start: int, persons: list[ActorSpan]) -> ActorSpan | None:
    """The person a name is given as a byname of: "Mohamed Hamdan Dagalo, (widely) known as
    Hemedti" (the person's name ends right before the comma)."""
    k = start - 1
    if k < 2 or doc[k].lower_ != "as" or doc[k - 1].lower_ != "known":
        return None
    k -= 2
    if doc[k].pos_ == "ADV":
        k -= 1  # "widely", "better", "popularly"
    if k >= 0 and doc[k].text == ",":
        k -= 1
    return next((p for p in persons if p.end == k + 1), None)


def _inside_hyphenated_word(doc: Doc, start: int, end: int) -> bool:
    """Whether a name is the middle of one hyphenated word whose other parts name nothing
    ("AU" in "PORT-AU-PRINCE"; not "US" in "EU-US-Japan" talks)."""
    return (_hyphen_joins(doc, start - 2) and _hyphen_joins(doc, end - 1)
            and not doc[start - 2].ent_type_ and not doc[end + 1].ent_type_)


def _name_tail(doc: Doc, start: int, end: int, lex: Lexicons) -> int:
    """End of a body's name the NER cut before its "for"/"on"/"of" phrase: "the Kansai Centre
    for Northeast Asian Studies", "the Helsinki Institute for Security and Law" (capitalised
    words after the preposition, joined by "and"; no date word, no word of another entity)."""
    if end - start < 1 or doc[end - 1].lower_ not in lex.org_heads or end + 1 >= len(doc):
        return end
    if doc[end].lower_ not in ("for", "on", "of"):
        return end
    j = end + 1
    while j < len(doc) and (_name_tail_word(doc[j]) or (
            doc[j].lower_ in ("and", "&") and j > end + 1 and j + 1 < len(doc)
            and _name_tail_word(doc[j + 1]))):
        j += 1
    return j if j > end + 1 else end


def _name_tail_word(tok: Token) -> bool:
    """A capitalised word of a name's tail: no date word, no word of another entity."""
    return tok.is_title and tok.is_alpha and tok.lower_ not in DATE_WORDS and not tok.ent_type_


def _capitalised_name_word(tok: Token, lex: Lexicons) -> bool:
    """A word that may be part of a person's name: a capitalised proper noun, no title word,
    honorific or body word (unlike :func:`_name_word`, it may carry a wrong entity label)."""
    return (tok.pos_ == "PROPN" and tok.is_title and tok.is_alpha
            and tok.lower_ not in lex.title_words and tok.lower_ not in lex.name_prefixes
            and tok.lower_ not in lex.org_heads and tok.lower_ not in lex.administrations)


def _registry_span(
    doc: Doc, start: int, end: int, actor_id: str, mode: str, reg: Registry, lex: Lexicons
) -> ActorSpan | None:
    actor = reg.actors.get(actor_id)
    if actor is None:
        return None
    text = doc[start:end].text
    if mode == "metonym":
        if is_locative(doc[start:end], lex.venue_nouns, lex.source_nouns):
            place = reg.place_named(text, actor.id)
            if place is not None:
                return ActorSpan(start, end, place.id, place.cls, place.label, kind="name")
            return ActorSpan(
                start, end, mint_id(text, EntityClass.PLACE), EntityClass.PLACE,
                text.title() if text.isupper() else text, kind="name"  # "MANILA": Manila
            )
        return ActorSpan(start, end, actor.id, actor.cls, actor.label, kind="metonym")
    return ActorSpan(start, end, actor.id, actor.cls, actor.label, kind=mode)


_CLOSE_QUOTES = frozenset({'"', "”", "’", "'"})


def _whole_quotation(doc: Doc, start: int, end: int) -> bool:
    """Whether the words are all a quotation holds ('dismissed the tribunal in a post: "Hague
    Shmague."'), up to its closing punctuation: a slogan the model tags as a name."""
    j = end
    while j < len(doc) and doc[j].text in (".", ",", "!", "?"):
        j += 1
    return (start > 1 and doc[start - 1].text in _OPEN_QUOTES and j < len(doc)
            and doc[j].text in _CLOSE_QUOTES and doc[start - 2].lemma_.lower() not in (
                "call", "name", "dub", "as"))  # (not a name given: 'what it calls "X"')


#: Nouns whose "on" names what they are aimed at ("a ban on TikTok"), not where one wrote.
_AIMED_NOUNS = frozenset({"ban", "sanction", "restriction", "curb", "limit", "crackdown",
                          "tariff", "tax", "fine", "lawsuit", "case", "probe", "investigation",
                          "inquiry", "attack", "pressure", "reliance", "dependence", "rule",
                          "regulation", "law", "block", "stake", "deal", "bid", "hold"})


def _published_on(span: Span) -> bool:
    """A platform's name after "on"/"via" where words appeared ("wrote on X", "hailed the
    agreement on Twitter", "in a post on Telegram"), not what a ban or probe is aimed at
    ("a ban on TikTok")."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in ("on", "via"):
        return False
    head = root.head.head
    return head.pos_ in ("VERB", "AUX") or head.lemma_.lower() not in _AIMED_NOUNS


#: Capitalised words that make the name after them a military mission's or drill's.
_OPERATION_WORDS = frozenset({"Operation", "Exercise"})
#: Ship nouns a clause's subject may follow ("the ship Russia sent"): no name after them.
_LOOSE_SHIP_NOUNS = frozenset({"ship", "vessel", "boat"})


def _ship_names(doc: Doc, lex: Lexicons) -> frozenset[str]:
    """Names the text gives ships with a prefix or a ship noun ("MV Ruen", "HMS Montrose",
    "the frigate Admiral Gorshkov"): a later mention without it ("the Ruen was freed") is the
    ship again, no actor."""
    names = set()
    for tok in doc:
        # (also after a ship noun: "the frigate Admiral Gorshkov … the Gorshkov's port call")
        if tok.lower_ in lex.ship_nouns and tok.lower_ not in _LOOSE_SHIP_NOUNS and (
                tok.dep_ == "appos" and tok.head.ent_type_):
            ent = next((e for e in doc.ents if e.start <= tok.head.i < e.end), None)
            if ent is not None:  # "the Green Admiral, a Greek tanker", "the Eagle S, an oil
                # tanker that …": the name set beside the noun, trimmed as names are
                names.add(doc[slice(*_trim(doc, ent.start, ent.end))].text)
        if tok.text in lex.ship_prefixes or (tok.lower_ in lex.ship_nouns
                                             and tok.lower_ not in _LOOSE_SHIP_NOUNS):
            end = tok.i + 1
            if end + 1 < len(doc) and doc[end].lower_ in ("called", "named"):
                end += 1  # "a tanker called the Jaguar"
            if end + 1 < len(doc) and doc[end].lower_ == "the":
                end += 1
            first = end
            while end < len(doc) and end - first <= 2 and doc[end].is_title:
                end += 1
            if end > first:
                names.add(doc[first:end].text)
                if end > first + 1 and doc[first].lower_ in lex.titles:
                    names.add(doc[first + 1 : end].text)  # "Gorshkov", past the rank
    return frozenset(names)



def _name_spans(doc: Doc, reg: Registry, lex: Lexicons, lowers: list[str]) -> list[ActorSpan]:
    """First pass: one span per usable entity, linked or minted, persons merged by surname."""
    out: list[ActorSpan] = []
    persons: list[ActorSpan] = []
    local: dict[str, ActorSpan] = {}  # normalised surface -> first span (abbreviations, names)
    ships = _ship_names(doc, lex)
    lower_words: set[str] | None = None  # the text's lowercase words, read when first needed
    merged_to = -1  # end of a person whose name the loop made of two entities
    for ent in doc.ents:
        start, end = _trim(doc, ent.start, ent.end)
        if start < merged_to:
            continue  # "Wolf" of "Chad Wolf", made one person below
        if ent.label_ == "PERSON" and not ent.ent_id_:
            cut = next((k for k in range(start + 1, end - 1) if doc[k].text in ("'s", "’s")),
                       None)
            if cut is not None and cut + 2 == end and doc[end - 1].lower_.endswith("s"):
                end = cut  # "Pierre Poilievre's Conservatives": the person, not his party
            elif cut is not None:
                start = cut + 1  # "São Paulo's Tarcísio de Freitas": the name after
        if not ent.ent_id_ and ent.label_ == "ORG" and (comma := next(
                (k for k in range(end - 3, start, -1) if doc[k].text == ","), None)) and (
                lowers[comma + 1].rstrip(".") in _ADDRESS_FORMS
                and any(lowers[k] in lex.title_words for k in range(start, comma))):
            start = comma + 1  # "the Official Spokesperson, Shri Randhir Jaiswal" tagged as one
            # body: the post, then the person holding it
        if not ent.ent_id_ and doc[start:end].text in ships:
            continue  # "the Ruen" after "MV Ruen": the ship again
        if not ent.ent_id_ and doc[start:end].text in _TIME_ZONES:
            continue  # "15:10 GMT – Trump says …": a live blog's clock, no body
        if (not ent.ent_id_ and ent.label_ in ("PERSON", "ORG") and is_dateline(doc[start:end])
                and reg.lookup(doc[start:end].text.title()) is None
                and reg.metonym(doc[start:end].text.title()) is None):
            text = doc[start:end].text
            out.append(ActorSpan(start, end, mint_id(text, EntityClass.PLACE),
                                 EntityClass.PLACE, text.title()))
            continue  # "CAMP DAVID, Maryland, Aug. 18 —", "DURBAN, South Africa, July 18 -"
            # (an ORG to the NER): where the story was filed (not
            # "UNIFIL, the UN force, …", a body opening a paragraph; and the capitals stay
            # out of ``local``, so later mentions are read in their own case)
        if not ent.ent_id_ and (
                doc[start:end].text.lower() in lex.diseases
                or (end - start == 1 and doc[start].pos_ in _FUNCTION_POS
                    and doc[start].is_stop)
                or (end - start == 1 and doc[start].dep_ == "compound"
                    and (doc[start].head.lemma_.lower() in _WEAPON_KINDS
                         or (ent.label_ == "PERSON"
                             and doc[start].head.lemma_.lower() in lex.weapon_nouns)))):
            continue  # "during Covid": a disease; "Nowhere does the text name …": an adverb;
            # "short of Patriot interceptors", "Dongfeng missiles": a weapon's type
        if not ent.ent_id_ and ent.label_ == "PERSON" and (
                doc[start].text in _OPERATION_WORDS
                or (start > 0 and doc[start - 1].text in _OPERATION_WORDS)):
            continue  # "Operation Barkhane", "Exercise Mosi II": a mission's name, no person
            # (one the NER took for a body, "Operation Atalanta", stays the force it names)
        if (not ent.ent_id_ and end - start == 1 and doc[start].is_sent_start
                and ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC")
                and not (end < len(doc) and doc[end].tag_ == "NNS")):  # ("Defence officials")
            lower_words = lower_words if lower_words is not None else {
                t.text for t in doc if t.is_lower}
            if lowers[start] in lower_words:
                continue  # "Turnout was 27 per cent" where "the low turnout" comes too: a
                # common word opening a sentence, no name
        if ent.label_ == "PERSON" and not ent.ent_id_ and _dated_name(doc, start, end):
            start += 1  # "At the end of August Putin said": Putin, named as before
        if ent.label_ != "PERSON" and not ent.ent_id_:  # (a registry name is whole)
            end = _title_head_cut(doc, start, end, lex)  # "Frontex Executive | Director …"
            end = _name_tail(doc, start, end, lex)  # "the Kansai Centre | for Northeast …"
            end = next((k for k in range(start + 1, end - 1) if lowers[k] == "of"
                        and doc[k + 1].is_title and lowers[k + 1] in _LEADER_TITLE_STARTS
                        and any(doc[j].ent_type_ == "PERSON"
                                for j in range(k + 2, min(k + 4, len(doc))))), end)
            # "the Colorado Party of President Mario Abdo Benítez" tagged up to "President":
            # the body ends before the post of its leader, whose name follows
        if start >= end or "\n" in doc[start:end].text or _in_title(doc, start, end, lex):
            continue
        if (ent.ent_id_ and start > 0 and doc[start - 1].lower_ in _LANDFORM_STARTS
                and doc[start - 1].is_title and not doc[start - 1].ent_type_):
            # "the Lake Victoria basin", "Mount Kenya": the landform, not the registry's
            # state or region of that name
            out.append(_minted(doc, start - 1, end, EntityClass.PLACE, local))
            continue
        if (ent.label_ in ("GPE", "LOC") and end < len(doc) and doc[end].is_title
                and doc[end].lower_ in _FORMAT_HEADS and not doc[end].ent_type_):
            # "the Lima Group", "the OSCE Minsk Group", "the Berlin Process": a group of
            # states named after where it first met, not the city's state
            out.append(_minted(doc, start, end + 1, EntityClass.ORGANIZATION, local))
            continue
        if ent.label_ == "GPE" and end - start == 1 and _state_as_given_name(doc, start, lex):
            # "Jordan Bardella, president of the Rassemblement National,", "Chad Wolf said":
            # a given name that is also a state's, before a surname
            span = _minted(doc, start, end + 1, EntityClass.PERSON, local)
            out.append(span)
            persons.append(span)
            merged_to = end + 1
            continue
        text = doc[start:end].text
        norm = normalise_name(text)
        span: ActorSpan | None = None
        if ent.ent_id_ and _inside_hyphenated_word(doc, start, end):
            continue  # "PORT-AU-PRINCE": no African Union
        if ent.label_ == "PERSON" and not ent.ent_id_ and _whole_quotation(doc, start, end):
            continue  # 'a two-word post: "Hague Shmague."': words quoted, nobody named
        if norm in lex.platforms and _published_on(doc[start:end]):
            continue  # "hailed the agreement on Twitter": where it was said, no actor
        if (known := _known_as(doc, start, persons)) is not None:
            # "Mohamed Hamdan Dagalo, known as Hemedti": his byname (here and after)
            span = ActorSpan(start, end, known.key, known.cls, known.label)
        elif (ent.ent_id_ and start > 1 and doc[start - 1].text == "The"
              and not doc[start - 1].is_sent_start and doc[start - 2].is_alpha
              and (known := reg.actors.get(split_ent_id(ent.ent_id_)[0])) is not None
              and known.cls in (EntityClass.PLACE, EntityClass.REGION)):
            # "the editor of The Atlantic": a capitalised "The" after a word inside a sentence
            # makes the place's name a title's (a magazine, a newspaper), not the place (not
            # '"The Pacific is not asking …"', a quotation's first word)
            span = _minted(doc, start - 1, end, EntityClass.ORGANIZATION, local)
        elif ent.ent_id_:
            span = (None if _metaphor(doc, start, end, quoted=True) else
                    _registry_span(doc, start, end, *split_ent_id(ent.ent_id_), reg, lex))
            if span is not None and span.cls == EntityClass.PLACE and span.key in reg.actors:
                span = _one_meant(doc, start, end, reg.actors[span.key], reg, lex) or span
            if span is not None and _organ_of_another(doc, span, out, reg):
                span = None  # "the OAS General Assembly": the OAS's organ, not the UN's
            elif span is not None and (owned := _states_own_organ(doc, span, out, reg)):
                span = owned  # "Russia's Security Council": Russia's, not the UN's
            elif span is not None and (organ := _named_organ(doc, span, reg)) is not None:
                span = organ  # "the AU Commission": the Commission, not the Union
        elif (ent.label_ in _NAMED_THINGS or ent.label_ in ("PERSON", "GPE", "LOC")) and (
                lowers[start].rstrip(".") not in _ADDRESS_FORMS) and not (
                end - start == 1 and any(slug(text) in _name_words(doc, p) for p in persons)
                # ("Addressing the Shangri-La Dialogue in Singapore, Li, a general …": the
                # minister named in full before, whatever the parser hangs him on)
                ) and (
                _body_apposition(doc, end, head_only=ent.label_ in ("PERSON", "GPE", "LOC"))
                or _apposed_to_bodies(doc, start, end, lex)):
            # "the Weimar Triangle, a format for cooperation": the NER's "product" is a body;
            # "Kataib Hezbollah, an Iran-aligned armed faction": its "person" too, and
            # "Bruegel, the Brussels economic think tank": its "place" (registry names are
            # read above)
            text = doc[start:end].text
            span = ActorSpan(start, end, mint_id(text, EntityClass.ORGANIZATION),
                             EntityClass.ORGANIZATION, text)
            if end < len(doc) and doc[end].is_lower and (
                    known := reg.lookup(doc[start : end + 1].text)) is not None:
                # "the Visegrad group": the registry's Visegrád Group, noun and all
                span = ActorSpan(start, end + 1, known.id, known.cls, known.label)
        elif ent.label_ in NER_CLASS or ent.label_ == "NORP":
            one = end - start == 1 and doc[start].is_title
            # "Erdogan" after "Recep Tayyip Erdogan" (linked as "Erdoğan"): compare folded words
            # ("Eilertsen-Vogel" after "Marcus Eilertsen-Vogel": one word in three tokens)
            word = ((doc[start].is_title or (lowers[start] in _NAME_PARTICLES and end - start > 1))
                    and not any(t.whitespace_ for t in doc[start : end - 1]))  # ("al-Mahdi")
            same = [p for p in persons if word and slug(text) in _name_words(doc, p)]
            if not word and ent.label_ == "PERSON" and len(text.split()) > 1:
                # "Hassan Sheikh" after "Hassan Sheikh Mohamud": part of one longer name;
                # "Sheikh Mohammed" after "(Sheikh) Mohammed bin Abdulrahman Al Thani": an
                # honorific the NER kept in one mention and not the other does not count
                words = _word_slugs([w for w in text.split()
                                     if w.lower() not in lex.name_prefixes]) or {slug(text)}
                same = [p for p in persons if words < _name_words(doc, p)
                        and len(p.label.split()) > len(words)]
            kin = _kin_apposed(doc, start, end)
            if kin:
                same = []  # "his father, longtime president Idriss Déby" after "Mahamat Idriss
                # Déby": a relative is someone else, whatever names they share
            ended = _ending_with(same, text) if same and one else []
            body = (_state_body(doc, ActorSpan(start, end, "", EntityClass.ORGANIZATION, text),
                                out, reg)
                    if ent.label_ == "ORG" and any(lowers[i] in lex.state_bodies
                                                   for i in range(start, end)) else None)
            if body is not None:  # the same words after another state name another body
                span = body
            elif (norm in local or (one and text.endswith("s") and norm[:-1] in local)) and not (
                    is_dateline(doc[start:end])) and not (  # "coast guard cooperation": a kind
                    text.islower() and doc[start:end].root.dep_ == "compound"):
                prev = local.get(norm) or local[norm[:-1]]  # "the Houthis" after "Houthi"
                span = ActorSpan(start, end, prev.key, prev.cls, prev.label, prev.group_of)
            elif one and ent.label_ == "ORG" and not (
                    end < len(doc) and doc[end].is_title and lowers[end] in lex.portfolios
                    ) and len(heads := _named_by_head(out, text)) == 1:
                # (not "Union Home Minister Amit Shah": India's union government before a
                # portfolio, a word of the post, not the European Union named before)
                span = ActorSpan(start, end, heads[0].key, heads[0].cls, heads[0].label)
            elif one and ent.label_ == "ORG" and (organ := _organ_of_named(
                    doc, start, text, reg)) is not None:
                span = ActorSpan(start, end, organ.id, organ.cls, organ.label)
            elif same and len({p.key for p in same}) == 1:
                span = ActorSpan(start, end, same[0].key, same[0].cls, same[0].label)
            elif ended and len({p.key for p in ended}) == 1:
                # "Ortega" after Daniel Ortega and Laureano Ortega Murillo: the one whose name
                # ends with it, as a surname does
                span = ActorSpan(start, end, ended[0].key, ended[0].cls, ended[0].label)
            elif ended and len(known := {p.key: p for p in ended if p.key in reg.actors}) == 1:
                # "Trump" after Donald Trump and then First Lady Melania Trump: of two who
                # share a surname, the public figure the registry knows is the one a bare
                # surname names
                p = next(iter(known.values()))
                span = ActorSpan(start, end, p.key, p.cls, p.label)
            elif same and one:
                # "Wang" after Wang Yi and then Wang Wenbin: the one named last, as a reader
                # takes it
                last = max(same, key=lambda p: p.start)
                span = ActorSpan(start, end, last.key, last.cls, last.label)
            elif ent.label_ == "PERSON" and (
                    actor := _regnal_name(doc, start, text, reg)) is not None:
                # "King Charles": the registry's Charles III, a monarch named without the
                # numeral of his reign
                span = ActorSpan(start, end, actor.id, actor.cls, actor.label)
            elif ent.label_ in ("PERSON", "ORG") and not kin and (
                    actor := _registry_short_name(text, reg)):
                # "President Tayyip Erdogan" is the registry's Recep Tayyip Erdoğan (also when
                # the NER took a sentence-opening "Von der Leyen" for an organisation)
                span = ActorSpan(start, end, actor.id, actor.cls, actor.label)
            elif (actor := reg.lookup(text)) is not None:
                span = (_one_meant(doc, start, end, actor, reg, lex)
                        or ActorSpan(start, end, actor.id, actor.cls, actor.label))
                if _organ_of_another(doc, span, out, reg):
                    span = None  # "the ECOWAS Mediation and Security Council": not the UN's

            elif not one and ent.label_ in ("ORG", "GPE") and (
                    actor := _named_in_full(doc, start, text, reg)) is not None:
                # "the People's Republic" in an article that names China
                span = ActorSpan(start, end, actor.id, actor.cls, actor.label)
            elif one and ent.label_ in ("GPE", "LOC") and (
                    actor := _short_state_name(doc, start, text, reg)) is not None:
                # "Congo" in an article that names the Democratic Republic of Congo
                span = ActorSpan(start, end, actor.id, actor.cls, actor.label)
            elif (actor := reg.metonym(text)) is not None:
                span = _registry_span(doc, start, end, actor.id, "metonym", reg, lex)
            elif (actor := reg.demonym(text)) is not None:
                span = ActorSpan(start, end, actor.id, actor.cls, actor.label, kind="demonym")
            elif one and text.endswith("s") and reg.demonym(text[:-1]) is not None:
                span = None  # "Kazakhs worry about prices": a people, as "Americans" is, no
                # person or organisation of that name
            elif one and (actor := reg.surname(text)) is not None and not (
                    ent.label_ in ("GPE", "LOC", "FAC")
                    and _place_context(doc, start, end, lex.event_nouns)):
                # (not "memorandums followed on Thursday in Austin": the NER's place where
                # something happened, no Lloyd Austin)
                span = ActorSpan(start, end, actor.id, actor.cls, actor.label)
            elif ent.label_ == "NORP":
                span = None  # unregistered adjective: only part of a collective, if anything
            elif lowers[end - 1] in _DANGLING:
                span = None  # "the Permanent Mission of" (China): a stump, not a name
            elif norm in lex.titles or (
                    not one and (hit := title_starting_at(doc, start, end, lex.titles))
                    and hit[1] == end):
                span = None  # "Crown Prince" tagged on its own: a post, not a person; "Minister
                # of Finance" tagged ORG: a post with its portfolio, no body
            elif (norm in lex.tenure or norm in lex.post_scopes) and end < len(doc) and (
                    lowers[end] in lex.title_words):
                span = None  # "Caretaker Prime Minister Najib Mikati", "Federal Agriculture
                # Minister Lawrence MacAulay": a word of the post
            elif (ent.label_ == "ORG" and end < len(doc) and lowers[end] in lex.title_words
                  and (_portfolio_body(lowers[start:end], lex)
                       or (lowers[end] in _PORTFOLIO_TITLES
                           and _portfolio_words(lowers[start:end], lex)))):
                span = None  # "Foreign Ministry spokesperson X", "Parliament Speaker X",
                # "Foreign Affairs Cabinet Secretary X" (the portfolio alone): a
                # post in some state's ministry (the state is guessed as for "Government
                # spokesperson"), not a body named alike for every state
            elif " ".join(lowers[start:end]) in lex.leader_phrases:
                span = None  # "other Heads of State in the African Union": leaders, no body
            elif ent.label_ == "ORG" and end < len(doc) and lowers[end] == "minister":
                span = None  # "Indonesia's Law and Human Rights Minister": the portfolio of a
                # minister, whose state is named before it, not a body of its own
            elif (lex.bloc_actors.get(norm, "").lower() == f"the {norm}" and start > 0
                  and lowers[start - 1] == "the"):
                span = None  # "the West": the bloc, named in _blocs_and_institutions
            elif _metaphor(doc, start, end):
                span = None  # "described as an “Asian NATO”": a likeness, not an actor
            elif lowers[end - 1] in _DOCUMENT_HEADS:
                span = None  # "the Belt and Road Initiative": a policy, not an actor
            elif norm in lex.references:
                span = None  # "the Alliance": a reference, resolved in the third pass
            elif doc[end - 1].lemma_.lower() in lex.event_nouns and lowers[end - 1] != "forum":
                span = None  # "the NATO Summit" names an event, not an actor (a capitalised
                # "Forum" ends a body's name far more often: "the Sahel Policy Forum")
            elif _names_event(doc[start:end], lex.event_nouns):
                span = None  # "their first Freedom Edge exercise": the exercise's name
            elif _post_name(doc, start, end, lex):
                span = None  # "the EU's High Representative for Foreign Affairs and Security
                # Policy": a post, not a body
            elif (doc[start:end].root.dep_ in ("compound", "nmod")
                  and doc[start:end].root.head.lemma_.lower() in _DOCUMENT_HEADS):
                span = None  # "the Trinity House agreement": the document's name, where it
                # was signed, not a party to it
            elif _hyphen_joins(doc, end - 1) and doc[end + 1].is_alpha:
                span = None  # "Mar-a-Lago", "Trans-Pacific": the NER took a piece of a
                # hyphenated word (an unregistered piece; "Russia-Ukraine" stays two names)
            elif is_heading(doc[start].sent):
                span = None  # unknown names in headlines are mostly title-case words
            elif not any(c.isupper() for c in text) or _DESIGNATION.fullmatch(text):
                span = None  # "supreme" (lowercase NER noise), "S-400", "F-35": no actors
            else:
                cls = NER_CLASS[ent.label_]
                after_place_noun = (start >= 2 and lowers[start - 1] == "of"
                                    and lowers[start - 2] in _PLACE_NOUNS)
                site_owner = (end + 1 < len(doc) and lowers[end] in ("'s", "’s")
                              and lowers[end + 1] in _TRANSPORT_SITES)  # "Karachi's airport"
                if (after_place_noun or site_owner or lowers[end - 1] in _FACILITY_HEADS
                        or (cls == EntityClass.PERSON
                            and _place_context(doc, start, end, lex.event_nouns))
                        or (cls in (EntityClass.PERSON, EntityClass.ORGANIZATION)
                            and _where_done(doc, start, end, lex))):
                    cls = EntityClass.PLACE  # "the state of Arunachal Pradesh", "… Renaissance Dam"
                elif (cls == EntityClass.PLACE and end - start > 1
                      and (lowers[end - 1] in lex.org_heads or lowers[end - 1] in _FORMAT_HEADS
                           or any(lowers[i] in lex.org_heads and lowers[i + 1] in _NAME_PREPS
                                  for i in range(start, end - 1)))):
                    # "the Wilson Center", "the Vienna Centre for Safeguards Studies" (as FAC
                    # or GPE): a body's name, not a place's ("Gulf of Aden" has no body word)
                    cls = EntityClass.ORGANIZATION
                elif (cls == EntityClass.PERSON and end - start == 1 and text.isupper()
                      and len(text) > 2
                      and _acronym_in_running_text(doc[start])):
                    cls = EntityClass.ORGANIZATION  # "BLA, which regard CPEC …": no person
                elif (cls in (EntityClass.PERSON, EntityClass.PLACE) and end - start == 1
                      and _firm_named(doc, text, lex)
                      and not _named_in_full_person(doc, text)):
                    cls = EntityClass.ORGANIZATION  # "Rosatom's director general", "Rosatom,
                    # Russia's state nuclear corporation,": a firm
                elif (cls == EntityClass.PERSON and ((end - start > 1 and (
                        lowers[end - 1] in lex.company_ends
                        or (start >= 2 and doc[start - 1].text == ","
                            and lowers[start - 2] in lex.firm_nouns)))
                        or (start >= 1 and lowers[start - 1] in lex.firm_nouns))) or (
                        cls == EntityClass.PLACE and start >= 1
                        and lowers[start - 1] in lex.firm_nouns) or (
                        cls in (EntityClass.PERSON, EntityClass.PLACE)
                        and _kind_after(doc, start, end, lex)):  # ("the opposition Unitary
                    # Platform" tagged GPE; "the Dusit Thani hotel group", "Al-Manar
                    # television", "the Tariq Ben Ziyad brigade")
                    # "Chang Guang Satellite Technology", "a Chinese satellite company, Chang
                    # Guang …", "the consultancy Lanthanide Advisory", "the broadcaster CNN
                    # Türk": the NER's person is a firm's name
                    cls = EntityClass.ORGANIZATION
                elif (cls == EntityClass.ORGANIZATION and ent.label_ == "ORG"
                      and _person_shaped(doc, start, end, lex)
                      and (_post_apposed(doc, start, end, lex, lex.person_appositions)
                           or _speaker_of_a_body(doc, start, end, lex)
                           or _person_beside(doc, start, end, lex))):
                    cls = EntityClass.PERSON  # "Amara Diallo-Wright, senior counsel at …",
                    # "said Siobhan Kearney of the … Institute" tagged ORG: no body holds a
                    # post or speaks for another body
                elif (cls != EntityClass.PERSON and end - start >= 2
                      and lowers[start].rstrip(".") in _ADDRESS_FORMS):
                    cls = EntityClass.PERSON  # "Dr Ifeoma Okonkwo" tagged ORG
                elif cls != EntityClass.PERSON and (
                        _titled_name(doc, start, end, lex) or _kin_named(doc, start, end, lex)
                ) and not (cls == EntityClass.PLACE
                           and _place_context(doc, start, end, lex.event_nouns)):
                    cls = EntityClass.PERSON  # "chairman Moussa Faki Mahamat" tagged ORG (not
                    # "in parts of South Kivu", whose "of" is no title's)
                elif (cls == EntityClass.PLACE and 2 <= end - start <= 3
                      and _person_of_a_state(doc, start, end, reg)):
                    cls = EntityClass.PERSON  # "co-chaired by Abdullah Asiri of Saudi Arabia
                    # and Ashley Bloomfield of New Zealand" with "Ashley Bloomfield" a GPE
                elif cls == EntityClass.PLACE and _post_apposed(doc, start, end, lex):
                    cls = EntityClass.PERSON  # "Vassily Nebenzia, Russia's permanent
                    # representative," with "Nebenzia" tagged GPE: no place holds a post
                    while start > 0 and _name_part_before(doc, start, end):
                        start -= 1
                elif (cls == EntityClass.PERSON and start > 0 and lowers[start - 1] == "the"
                      and lowers[start] not in _ADDRESS_FORMS  # ("the Hon Simon Birmingham")
                      and ((text.endswith("s")
                            or doc[start:end].root.dep_ not in ("compound", "nmod")) if one else
                           doc[start:end].root.dep_ not in ("compound", "nmod", "poss"))):
                    # "the Houthis": a movement; "a supporter of the Polisario", "the
                    # Polisario's leader": a movement; "the Weimar Triangle": a format; no
                    # persons ("the John Doe case", "the Biden administration" name one)
                    cls = EntityClass.ORGANIZATION
                if cls == EntityClass.PERSON and any(c.isdigit() for c in text):
                    continue  # "General License 44": a licence's number, no person's name
                if doc[start].text in lex.ship_prefixes or (start > 0 and (
                        doc[start - 1].text in lex.ship_prefixes
                        or (lowers[start - 1] in lex.ship_nouns and doc[start].is_title))):
                    continue  # "HMS Queen Elizabeth": a warship, no queen; "the destroyer INS
                    # Kolkata", "the frigate Esbern Snare": ships, no actors
                if cls == EntityClass.PERSON and all(
                        lowers[k].rstrip(".") in lex.name_prefixes or lowers[k] in lex.titles
                        for k in range(start, end)):
                    continue  # "Qatar's Emir Sheikh Tamim …" with "Emir Sheikh" tagged apart:
                    # forms of address, no name (the name after them is the person)
                if cls == EntityClass.PERSON:
                    start = _strip_titles(doc, start, end, lex.titles)
                    if _dated_name(doc, start, end):
                        start += 1  # "On 9 October Scott Bessent announced": no "October"
                    if end - start == 1 and _first_name(doc, start - 1, lex):
                        start -= 1  # "Ambassador to Japan Rahm Emanuel": the NER took "Emanuel"
                    if (start >= 2 and doc[start - 1].text == "-" and doc[start - 2].is_title
                            and doc[start - 2].is_alpha and not doc[start - 1].whitespace_
                            and not doc[start - 2].whitespace_):
                        start -= 2  # "François-Philippe Champagne" with "Philippe Champagne"
                        # tagged: the hyphenated first name's first half
                    text = doc[start:end].text
                fuller = _named_by_first_word(out, text) if (
                    one and cls == EntityClass.ORGANIZATION) else None
                span = (ActorSpan(start, end, fuller.key, fuller.cls, fuller.label)
                        if fuller is not None else
                        ActorSpan(start, end, mint_id(text, cls), cls, text))
        if span is None or _hyphened_place(doc, span, out) or _regional_demonym(doc, span, reg):
            continue
        if (span.cls == EntityClass.PERSON and span.end - span.start > 1 and span.key not in
                reg.actors and lowers[span.start].rstrip(".") in _LANDFORM_STARTS):
            # "west of Cape Kamui" tagged PERSON: a landform
            span = ActorSpan(span.start, span.end, mint_id(span.label, EntityClass.PLACE),
                             EntityClass.PLACE, span.label, kind="name")
        out.append(span)
        local.setdefault(normalise_name(doc[span.start : span.end].text), span)
        if span.cls == EntityClass.PERSON:
            persons.append(span)
    return _surnames(doc, _short_names(doc, _abbreviations(doc, _initialisms(doc, out), lowers)),
                     lex)


def _state_as_given_name(doc: Doc, i: int, lex: Lexicons) -> bool:
    """Whether a one-word place name at ``i`` is a person's given name: a capitalised name
    follows as the head it modifies, which the NER took for a person or which has a person's
    post in apposition or is the subject of a verb of saying ("Jordan Bardella, president
    of …", "Chad Wolf said"; not "the Jordan River", "Georgia Tech")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if (nxt is None or not doc[i].is_title or doc[i].dep_ != "compound"
            or doc[i].head.i != nxt.i
            or not (nxt.is_title and nxt.is_alpha and nxt.pos_ == "PROPN")
            or nxt.ent_type_ not in ("", "PERSON")
            or (nxt.ent_type_ == "PERSON" and nxt.ent_iob_ != "B")
            or nxt.lower_ in lex.title_words or nxt.lower_ in lex.org_heads
            or nxt.lower_ in _PLACE_NOUNS or nxt.lower_ in _FORMAT_HEADS
            or (i + 2 < len(doc) and doc[i + 2].ent_type_ == "PERSON"
                and doc[i + 2].ent_iob_ == "I")):
        return False  # (a two-word person after the place is a name of its own)
    return (nxt.ent_type_ == "PERSON"
            or any(c.dep_ == "appos" and (c.lower_ in lex.title_heads
                                          or c.lower_ in lex.person_appositions)
                   for c in nxt.children)
            or (nxt.dep_ == "nsubj" and nxt.head.lemma_.lower() in lex.speech_verbs))


def _minted(doc: Doc, start: int, end: int, cls: EntityClass,
            local: dict[str, ActorSpan]) -> ActorSpan:
    """A new actor of class ``cls`` for the words ``start:end`` that no registry name covers
    whole ("Lake Victoria", "the Lima Group"), remembered in ``local`` for its later
    mentions."""
    text = doc[start:end].text
    span = ActorSpan(start, end, mint_id(text, cls), cls, text)
    local.setdefault(normalise_name(text), span)
    return span


#: First words of a leader's title that may follow "of" after a body's name ("the Colorado
#: Party of President X"): where the body's name ends.
_LEADER_TITLE_STARTS = frozenset({"president", "chancellor", "prime", "premier", "king",
                                  "queen", "emir", "sultan"})


#: Weapon nouns a one-word name before which is the weapon's type whatever the NER made of
#: it ("Mirage jets", "Leopard tanks"); before the others of ``weapon_nouns`` ("a Houthi
#: missile") only a name the NER took for a person's is ("Dongfeng missiles").
_WEAPON_KINDS = frozenset({"interceptor", "battery", "launcher", "howitzer",
                           "warhead", "helicopter", "jet", "tank", "rifle", "munition"})
#: Parts of speech no one-word name has, whatever the NER tagged ("Nowhere does …"): for a
#: stop word only ("airBaltic", which the parser made an adverb, is a name).
_FUNCTION_POS = frozenset({"ADV", "SCONJ", "CCONJ", "DET", "PRON", "AUX", "PART"})


#: Capitalised words after a place's name that make the two a group of states named after
#: where it first met ("the Lima Group", "the Minsk Group", "the Berlin Process", "the Paris
#: Club", "the Normandy Format").
_FORMAT_HEADS = frozenset({"group", "club", "process", "format", "quartet"})


#: Words that make the demonym after them a region's ("Central American", "South American";
#: not "Northern Kenyan leaders", who are Kenyan).
_REGION_PREFIXES = frozenset({"central", "south", "north", "latin", "east", "west",
                              "southeast", "northeast", "southwest", "northwest"})


#: Hyphenated prefixes that make the demonym after them a region's ("Ibero-American"; not
#: "Sino-American", which pairs two states).
_REGION_HYPHEN_PREFIXES = frozenset({"ibero", "pan", "inter", "latin", "afro", "meso",
                                     "central", "south", "north"})


def _regional_demonym(doc: Doc, span: ActorSpan, reg: Registry) -> bool:
    """A one-word demonym after a compass or region word that is no registered name with it
    ("urging the Central American country", "South American leaders"): the region's
    adjective, not the state's (was: the United States). "South Korean", registered whole,
    stays a state's."""
    if span.kind != "demonym" or span.end - span.start != 1 or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if (_hyphen_joins(doc, span.start - 2)
            and doc[span.start - 2].lower_ in _REGION_HYPHEN_PREFIXES):
        return True  # "the Ibero-American summit", "the Inter-American Democratic Charter"
    if prev.lower_ not in _REGION_PREFIXES or not prev.is_title:
        return False  # (most demonyms: nothing more to look up)
    pair = f"{prev.text} {doc[span.start].text}"
    actor = reg.actors.get(span.key)
    own = actor is not None and any(  # "North Macedonian", "East Timorese": the state's own
        n.split()[0].lower() == prev.lower_ for n in (actor.label, *actor.aliases))
    return not own and reg.demonym(pair) is None and reg.lookup(pair) is None


_OPEN_QUOTES = ('"', "“", "‘", "'")

#: A weapon or model designation ("S-400", "F-35", "Su-57"): letters, a hyphen, a number.
#: Registered names are looked up before this test ("G-7" is an alias of the G7).
_DESIGNATION = re.compile(r"[A-Za-z]{1,3}-\d{1,4}[A-Za-z]?")


def _one_meant(doc: Doc, start: int, end: int, place: Actor, reg: Registry,
               lex: Lexicons) -> ActorSpan | None:
    """An ambiguous metonym acting stands for the one of its actors the article names:
    "accused Brussels of politicising trade" is the EU in an article that names the EU and not
    Belgium (None when the name is a place here, or when neither or both are named).

    The article's registry actors are looked up only here: the registry marks few names
    ambiguous, so most articles never pay for it."""
    if place.cls != EntityClass.PLACE:
        return None
    candidates = reg.ambiguous(place.label)
    if not candidates or is_locative(doc[start:end], lex.venue_nouns, lex.source_nouns):
        return None
    mentioned = {split_ent_id(e.ent_id_)[0] if e.ent_id_ else getattr(reg.lookup(e.text), "id", "")
                 for e in doc.ents}
    named = [a for a in candidates if a.id in mentioned]
    if len(named) != 1:
        return None
    return ActorSpan(start, end, named[0].id, named[0].cls, named[0].label, kind="metonym")


def _names_event(span: Span, event_nouns: frozenset[str]) -> bool:
    """An unknown name that modifies an event noun ("the Freedom Edge exercise") or is
    listed as an example of one ("exercises such as Nordic Response")."""
    root = span.root
    head = root.head
    if root.dep_ in ("compound", "nmod"):
        return head.lemma_.lower() in event_nouns or head.lower_ in event_nouns
    such = head.lower_ == "as" and (head.head.lower_ == "such"
                                    or any(c.lower_ == "such" for c in head.children))
    if root.dep_ != "pobj" or not (such or head.lower_ in ("including", "like")):
        return False
    head = head.head.head if head.head.lower_ == "such" else head.head  # "exercises such as X"
    return head.lemma_.lower() in event_nouns or head.lower_ in event_nouns


def _name_head(label: str) -> str:
    """The head word of a body's name, lowercased: its last word, or the word before "of"
    ("court" in "International Court of Justice", "bank" in "Bank of England").

    Why: "the court" after "the International Court of Justice" refers to it as surely as
    after "the International Criminal Court".
    """
    words = label.split()
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1].lower()
    return words[-1].lower()


def _acronym_in_running_text(tok: Token) -> bool:
    """Whether an all-capitals word stands in mixed-case text (an acronym: a body or a
    programme, never a person's name), not in an all-capitals headline or dateline."""
    words = [t for t in tok.sent if t.is_alpha]
    return sum(t.is_upper for t in words) * 2 < len(words)


def _named_by_head(before: list[ActorSpan], word: str) -> list[ActorSpan]:
    """Earlier organisations whose name ends with ``word``: "the Commission" after "the
    European Commission" (distinct actors; the caller wants exactly one)."""
    low = word.lower()
    found = {s.key: s for s in before
             if s.cls in GROUP_CLASSES and s.kind == "name" and _name_head(s.label) == low
             and len(s.label.split()) > 1}
    return list(found.values())


#: Titles a monarch's given name follows ("King Charles", "Pope Francis").
_MONARCH_WORDS = frozenset({"king", "queen", "pope", "emperor", "sultan", "emir", "prince",
                            "princess", "grand"})
#: A regnal numeral ending a monarch's registry label ("Charles III", "Felipe VI").
_REGNAL = re.compile(r"^[IVXL]+$")


def _regnal_name(doc: Doc, start: int, text: str, reg: Registry) -> Actor | None:
    """The one registry person whose label is ``text`` and a regnal numeral ("Charles III"),
    when a monarch's title stands right before the given name ("King Charles")."""
    words = text.split()
    if len(words) == 2 and words[0].lower() in _MONARCH_WORDS:
        word = slug(words[1])  # the NER's "King Charles"
    elif len(words) == 1 and start > 0 and doc[start - 1].lower_ in _MONARCH_WORDS:
        word = slug(words[0])
    else:
        return None
    found = [a for a in reg.actors.values() if a.cls == EntityClass.PERSON
             and len(a.label.split()) == 2 and slug(a.label.split()[0]) == word
             and _REGNAL.match(a.label.split()[1])]
    return found[0] if len(found) == 1 else None


def _registry_short_name(text: str, reg: Registry) -> Actor | None:
    """The registry person a shortened full name stands for: the one person whose label or an
    alias ends with the same (ASCII-folded) surname and holds every word of it ("Tayyip
    Erdogan" for Recep Tayyip Erdoğan); two words at least (one word is
    :meth:`Registry.surname`'s)."""
    words = {slug(w) for w in text.split()}
    if len(words) < 2 or reg.lookup(text) is not None:
        return None
    found = {a.id: a for a, names in reg.persons_by_last_word(slug(text.split()[-1]))
             if words <= names}
    return next(iter(found.values())) if len(found) == 1 else None


def _named_by_first_word(before: list[ActorSpan], word: str) -> ActorSpan | None:
    """The one body named before whose name, of several words, opens with this word: "the
    Polisario" after "the Polisario Front" (a short form by the first word, as "Wagner" for
    the Wagner Group)."""
    found = {s.key: s for s in before if s.cls == EntityClass.ORGANIZATION
             and len(s.label.split()) > 1 and s.label.split()[0] == word}
    return next(iter(found.values())) if len(found) == 1 else None


def _one_named_elsewhere(doc: Doc, start: int, reg: Registry,
                         fits: Callable[[Actor, str], bool]) -> Actor | None:
    """The one registry actor the article names outside the mention at token ``start`` with a
    name or alias (normalised) that ``fits``; None when none or several do."""
    mentioned = {split_ent_id(e.ent_id_)[0] for e in doc.ents
                 if e.ent_id_ and e.start != start}
    found = [reg.actors[k] for k in mentioned if k in reg.actors and any(
        fits(reg.actors[k], normalise_name(n))
        for n in (reg.actors[k].label, *reg.actors[k].aliases))]
    return found[0] if len(found) == 1 else None


def _named_in_full(doc: Doc, start: int, text: str, reg: Registry) -> Actor | None:
    """The one actor the article names elsewhere whose full name or alias opens with this
    shorter one ("the People's Republic" for the People's Republic of China)."""
    short = normalise_name(text)
    return _one_named_elsewhere(doc, start, reg, lambda _a, name: name.startswith(short + " "))


def _short_state_name(doc: Doc, start: int, word: str, reg: Registry) -> Actor | None:
    """The one state the article names elsewhere whose full name or alias ends with this
    word: "Congo" for the Democratic Republic of Congo, "Korea" in an article that names
    South Korea and not North Korea.

    Why: a one-word short form that is no registry name of its own is ambiguous in general
    (two Congos, two Koreas) but not within an article that names only one of them in full;
    left unresolved, "Congo's foreign minister" gave her post to the other state named."""
    short = normalise_name(word)
    return _one_named_elsewhere(doc, start, reg, lambda actor, name: (
        actor.cls == EntityClass.STATE and name.endswith(" " + short)))


def _organ_of_named(doc: Doc, start: int, word: str, reg: Registry) -> Actor | None:
    """ "the Commission" in an article that names the EU but not yet the European Commission:
    the one registry organ whose name has the word and whose parent body (``part_of``) the
    article names somewhere ("the Council" of the EU is no one organ: the European Council,
    the Council of the European Union), unless a body the article names bears the word too.
    Only after "the"."""
    if start == 0 or doc[start - 1].lower_ != "the":
        return None
    mentioned = {split_ent_id(e.ent_id_)[0] if e.ent_id_ else (
        found.id if (found := reg.lookup(e.text) or reg.metonym(e.text)) else None)
        for e in doc.ents if e.start != start} - {None}
    low = word.lower()
    organs = [a for a in reg.actors.values() if a.part_of in mentioned
              and len(a.label.split()) > 1 and low in a.label.lower().split()]
    # a body the article names with the word anywhere in its name competes ("the Council"
    # in an article on the Council of Europe that also names the EU)
    rivals = [k for k in mentioned if k in reg.actors and reg.actors[k].part_of is None
              and low in reg.actors[k].label.lower().split()]
    return organs[0] if len(organs) == 1 and not rivals else None


def _name_words(doc: Doc, person: ActorSpan) -> frozenset[str]:
    """ASCII-folded words of a person's label and of the text that named them, a word after
    the article particle also without it ("al-Burhan": "Burhan"); not a father's name after
    "bin" ("Salman" alone is not Mohammed bin Salman)."""
    return _name_slugs(person.label) | _name_slugs(doc[person.start : person.end].text)


@functools.lru_cache(maxsize=16384)
def _name_slugs(name: str) -> frozenset[str]:
    """:func:`_word_slugs` of a name's words, kept: each person named is compared with every
    later one-word mention, so the same few names are slugged again and again."""
    return frozenset(_word_slugs(name.split()))


def _word_slugs(words: list[str]) -> set[str]:
    """Slugs of a name's words, a word after the article particle also without it; a father's
    name with its particle as one ("bin-salman"): "Salman" alone, or "Sultan bin Salman",
    is not Mohammed bin Salman, nor is "bin Salman" King Salman bin Abdulaziz."""
    out: set[str] = set()
    for k, w in enumerate(words):
        if patronymic(words, k):
            out.add(slug(f"{words[k - 1]} {w}"))
        elif w.lower() not in PATRONYMIC_PARTICLES:
            out.update((slug(w), slug(without_particle(w))))
    return out


def _person_of_a_state(doc: Doc, start: int, end: int, reg: Registry) -> bool:
    """Whether a two- or three-word capitalised name the NER took for a place stands before
    "of <registered state>" with no word of a place's name in it: places "of" a state carry
    such a word ("the Gulf of Aden", "the Isle of Man", "the Port of Spain"), a person
    named with their country does not ("Ashley Bloomfield of New Zealand")."""
    words = doc[start:end]
    if (end + 1 >= len(doc) or doc[end].lower_ != "of"
            or not all(t.is_title and t.is_alpha for t in words)
            or any(t.lower_ in _PLACE_NAME_WORDS for t in words)):
        return False
    k = end + 1 + (doc[end + 1].lower_ == "the" and end + 2 < len(doc))
    state = next((e for e in doc.ents if e.start == k), None)
    if state is None:
        return False
    # (the state's name may be the NER's now, without the registry's id: the gazetteer's was
    # taken out after "<name> of" for the NER to decide, see kg.extraction.embedded_names)
    actor = (reg.actors.get(split_ent_id(state.ent_id_)[0]) if state.ent_id_
             else reg.lookup(state.text))
    return actor is not None and actor.cls == EntityClass.STATE


def _person_shaped(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """Whether a span reads as a person's name: two to four capitalised words (hyphenated
    ones count as one), no article before it, no body's head word or post word in it."""
    words = doc[start:end]
    article = start > 0 and doc[start - 1].lower_ in ("the", "a", "an")
    return (2 <= len(words.text.split()) <= 4 and not article
            and all(t.is_title or t.text == "-" for t in words)
            and not any(t.lower_ in lex.org_heads or t.lower_ in lex.title_words
                        or t.lower_ in lex.state_bodies for t in words))


def _speaker_of_a_body(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """Whether a name is the subject of a reporting verb and followed by "of the <body>"
    ("said Siobhan Kearney of the Dublin-based Institute …"): how reports place a speaker
    in the body they work for; a body is not "of" another when it speaks."""
    root = doc[start:end].root
    return (end + 2 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ == "the"
            and root.dep_ == "nsubj" and root.head.lemma_.lower() in lex.speech_verbs
            and any(c.dep_ == "pobj" and c.ent_type_ == "ORG" for c in doc[end].children))


def _person_beside(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """Whether a name stands where only a person's can: in apposition to a noun for a person
    ("Garneau's predecessor, Francois-Philippe Champagne", "his wife, Ann Lee"), conjoined with
    a name the NER took for a person ("Sophie Douce and Agnès Faivre"), or as the subject of
    "is the <post>" ("Retno Marsudi is the Minister for Foreign Affairs")."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ == "appos" and head.i < start and (
            head.lower_ in lex.person_appositions or head.lower_ in lex.title_heads
            or head.lower_ in _KIN_NOUNS or (head.lower_ in _SUCCESSION_NOUNS and any(
                c.dep_ == "poss" and (c.ent_type_ == "PERSON" or c.lower_ in ("his", "her"))
                for c in head.children))):  # (not "Its predecessor, Future Forward")
        return True
    if any(t.ent_type_ == "PERSON" and not (start <= t.i < end) and _multiword_person(t)
           for t in (*root.conjuncts, *(c for c in root.children if c.dep_ == "conj"))):
        return True  # (a firm the NER took for a person has one word: "Amundi and Amia
        # Capital")
    return (root.dep_ == "nsubj" and root.head.lemma_ == "be"
            and any(c.dep_ == "attr" and c.lower_ in lex.title_heads
                    for c in root.head.children))


#: Nouns for whoever held a post before or after someone, or something before or after.
_SUCCESSION_NOUNS = frozenset({"predecessor", "successor"})


def _multiword_person(tok: Token) -> bool:
    """Whether a token is in a person entity of two words or more."""
    ents = [e for e in tok.doc.ents if e.start <= tok.i < e.end]
    return bool(ents) and ents[0].label_ == "PERSON" and len(ents[0]) >= 2


def _post_apposed(doc: Doc, start: int, end: int, lex: Lexicons,
                  more: frozenset[str] = frozenset()) -> bool:
    """Whether a name has a post title in apposition after it ("Nebenzia, Russia's permanent
    representative"), the apposition headed by the title's last word (or by one of ``more``
    person nouns: "senior counsel at …")."""
    root = doc[start:end].root
    return any(c.dep_ == "appos" and c.i > end
               and (c.lower_ in lex.title_heads or c.lower_ in more)
               and (c.lower_ in _SCHOLARS or c.lower_ in more
                    or not any(t.is_title for t in c.subtree if t.i > c.i))
               for c in root.children)  # ("Petrescu, a researcher at the Bucharest Institute
#                                          …": a scholar's post names where she works)


#: Post heads only a person holds, whatever capitalised name follows them.
_SCHOLARS = frozenset({"researcher", "analyst", "fellow", "professor", "lecturer", "scholar"})


def _name_part_before(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word right before a name, compounded to it, outside every entity: the
    first name the NER left out ("Vassily" of "Vassily Nebenzia", even at a sentence's
    start)."""
    tok = doc[start - 1]
    return (tok.is_title and tok.is_alpha and tok.pos_ == "PROPN" and not tok.ent_type_
            and tok.dep_ == "compound" and start <= tok.head.i < end)


def _first_name(doc: Doc, i: int, lex: Lexicons) -> bool:
    """A capitalised word right before a one-word person name that is no title, no other
    entity and no sentence start: the name's first part the NER left out."""
    if i < 1:
        return False
    tok, prev = doc[i], doc[i - 1]
    return (tok.is_title and tok.is_alpha and not tok.ent_type_ and tok.pos_ == "PROPN"
            and tok.lower_ not in lex.title_words and not prev.is_sent_end
            and prev.text not in (".", "!", "?", ":", ";", "\n") and not prev.is_space)


def _metaphor(doc: Doc, start: int, end: int, quoted: bool = False) -> bool:
    """A name after "a"/"an" that heads its phrase: "an “Asian NATO”", "a new Cold War" (not
    "a Hamas fighter", where the name only modifies the noun). With ``quoted`` (registry
    names: "a stronger NATO" is still NATO) only a quoted likeness counts."""
    if doc[start:end].root.dep_ in ("compound", "amod", "nmod", "poss"):
        return False
    i, seen_quote = start - 1, False
    while i >= 0 and start - i <= 3 and doc[i].lower_ not in ("a", "an"):
        seen_quote = seen_quote or doc[i].text in _OPEN_QUOTES
        if not (doc[i].text in _OPEN_QUOTES or doc[i].lower_ in ("new", "second", "another")
                or (quoted and doc[i].is_title)):
            return False
        i -= 1
    return i >= 0 and doc[i].lower_ in ("a", "an") and (seen_quote or not quoted)


def _state_body(
    doc: Doc, span: ActorSpan, before: list[ActorSpan], reg: Registry
) -> ActorSpan | None:
    """A body named right after a state ("Chinese foreign ministry", "China's Ministry of
    Commerce") is that state's: the registry's entry for it, else an id of its own per state.

    Why: minted from its words alone, "foreign ministry" would be one actor for every country.
    """
    text = doc[span.start : span.end].text
    inner = reg.demonym(doc[span.start].text) if span.end - span.start > 1 else None
    if inner is not None and inner.cls == EntityClass.STATE:  # "Indian Ministry of Commerce"
        state = ActorSpan(span.start, span.start + 1, inner.id, inner.cls, inner.label)
        text = doc[span.start + 1 : span.end].text
        names = [doc[span.start : span.end].text, f"{inner.label} {text}"]
    else:
        i = span.start - 1
        if i >= 1 and doc[i].text in ("'s", "’s"):
            i -= 1
        found = next((s for s in reversed(before) if s.start <= i < s.end), None)
        if found is None or not (found.cls == EntityClass.STATE or (
                found.cls in GROUP_CLASSES and doc[i + 1].text in ("'s", "’s"))):
            return None  # (an international body's own organ only after its possessive)
        state = found
        names = [f"{doc[state.start : span.start].text.strip()} {text}", f"{state.label} {text}"]
    for name in names:
        actor = reg.lookup(" ".join(name.split()))
        if actor is not None and actor.cls == EntityClass.ORGANIZATION:
            return ActorSpan(span.start, span.end, actor.id, actor.cls, actor.label)
    label = f"{state.label}'s {text}"
    return ActorSpan(span.start, span.end, mint_id(f"{state.label} {text}", span.cls),
                     span.cls, label)


#: Verbs whose "in" names what is taken part in or relied on, not where ("invested in X").
_IN_OBJECT_VERBS = frozenset({"invest", "participate", "engage", "believe", "involve", "result",
                              "specialise", "specialize", "succeed", "fail", "trust", "share",
                              "interfere", "intervene", "include", "join", "enrol", "enroll",
                              "serve", "sit", "vote", "elect", "stake"})


def _where_done(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """A name the NER took for a person's or a body's where a clause happens: "signed in
    Entebbe in 2010", "launching work near Herat" (a bare name: no "the", no body word, no
    acronym; not "invested in BlackRock" nor "served in Congress")."""
    root = doc[start:end].root  # itself, not a conjunct ("in Hungary and Chery has …")
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "near"):
        return False
    verb = root.head.head
    words = doc[start:end]
    return (verb.pos_ == "VERB" and verb.lemma_.lower() not in _IN_OBJECT_VERBS
            and not any(c.dep_ in ("det", "amod", "poss") for c in root.children)
            and not any(t.lower_ in lex.org_heads or t.is_upper for t in words)
            and not (len(words) == 1 and words[0].lower_ in lex.institutions))


#: Posts that head a firm or an agency, which a one-word name before them owns.
_HEAD_POSTS = frozenset({"chief executive", "director general", "director-general", "ceo",
                         "chairman", "chairwoman", "chairperson", "managing director",
                         "executive director", "chief economist"})


#: Nouns after a name that say it names a body ("the Tariq Ben Ziyad brigade").
_BODY_KIND_NOUNS = frozenset({"group", "television", "channel", "brigade", "network", "agency",
                              "daily", "weekly", "radio"})  # (with the firm nouns)


def _kind_after(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """Whether the name at ``start``..``end`` modifies a lowercase noun of a kind of body right
    after it, past at most one more lowercase noun ("the Dusit Thani hotel group", "Al-Manar
    television"): the NER's person or place is the body's name."""
    for k in (end, end + 1):
        if k >= len(doc) or not (doc[k].is_lower and doc[k].is_alpha
                                 and doc[k].pos_ == "NOUN"):
            return False
        if doc[k].lower_ in lex.firm_nouns or doc[k].lower_ in _BODY_KIND_NOUNS:
            return doc[start:end].root.head.i in range(end, k + 1)
    return False


def _firm_named(doc: Doc, word: str, lex: Lexicons) -> bool:
    """Whether the article calls the one-word name ``word`` a firm's anywhere: as the owner
    of a firm's or agency's head post ("Rosatom's director general", "Eni's chief
    executive"; a person's own post is an adviser's or spokesman's, not these) or with a firm
    noun in apposition ("Rosatom, Russia's state nuclear corporation,"). Why the whole
    article: the NER tags such names persons or places, and the first mention fixes the
    class of all the others."""
    for tok in doc:
        if tok.text != word:
            continue
        end = tok.i + 1
        if end + 1 < len(doc) and doc[end].lower_ in ("'s", "’s"):
            hit = title_starting_at(doc, end + 1, len(doc), lex.titles)
            if hit and " ".join(t.lower_ for t in doc[end + 1 : hit[1]]) in _HEAD_POSTS:
                return True
        if any(c.dep_ == "appos" and (c.lower_ in lex.firm_nouns or c.lower_ == "corporation")
               for c in tok.children):
            return True
    return False


#: Words before a noun for people that set them against their state's government ("Syrian
#: opposition figures", "exiled Iranian dissidents").
_OPPOSING_WORDS = frozenset({"opposition", "rebel", "rebels", "dissident", "exiled", "exile",
                             "insurgent", "separatist"})


def _in_relative_clause(tok: Token) -> bool:
    """Whether ``tok`` is inside a relative clause (up to six arcs up), also one the parser
    did not mark as such ("on whose Vienna premises …": a phrase with a relative word)."""
    node = tok
    for _ in range(6):
        if node.dep_ == "relcl" or any(c.tag_ in ("WP$", "WDT", "WP") for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _place_context(doc: Doc, start: int, end: int, event_nouns: frozenset[str]) -> bool:
    """A name the NER took for a person used as a place: after a compass adjective ("eastern
    Ladakh"), modifying an area noun ("the Depsang and Demchok areas"), where one of the
    ``event_nouns`` is held ("the summit in Nusa Dua") and the like (see the cases below)."""
    if start > 0 and doc[start - 1].text in _COMPASS:  # lowercase: "Western Jake" is a name
        return True
    root = coordination_head(doc[start:end].root)
    if root.dep_ == "pobj" and root.head.lower_ in ("in", "near", "outside"):
        prep = root.head  # "shot outside a temple in Surrey" (attached to either word)
        if prep.head.lower_ in _SITE_NOUNS or doc[prep.i - 1].lower_ in _SITE_NOUNS:
            return True
    if (end - start == 1 and root.dep_ == "pobj" and root.head.lower_ in _WHERE_PREPS
            and not (end < len(doc) and doc[end].lower_ in ("'s", "’s", "'", "’"))
            and not _named_in_full_person(doc, doc[start].text)):
        return True  # "fighting near Rafah", "talks at Turnberry": one word where something
        # is, no one's surname (a person is named in full before the surname alone)
    if end - start == 1 and not _named_in_full_person(doc, doc[start].text) and (
            _taken_or_reached(root) or _listed_with_places(doc, doc[start])):
        return True  # "captured Goma and Bukavu", "the fall of Goma", "sent an envoy to
        # Naypyitaw", "Kyiv, Kharkiv and Zaporizhzhia": one word for a place
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ == "part":
        return True  # "fighting continued in parts of South Kivu"
    if (root.dep_ == "pobj" and root.head.lower_ in ("in", "at")
            and root.head.head.lemma_.lower() in event_nouns):
        return True  # "the summit in Nusa Dua": where a meeting is held, no person
    if (root.dep_ == "pobj" and root.head.lower_ == "of"
            and root.head.head.lower_ in ("north", "south", "east", "west")):
        return True  # "a country estate south of San Francisco"
    appos = [c for c in root.children if c.dep_ == "appos"]
    if appos and appos[0].lemma_.lower() in _SITE_NOUNS:  # ("capital" is an area noun)
        return True  # "Chancay, a fishing town", "Wad Madani, the Gezira state capital" (not
        # "Daniel Suidani, premier of Malaita, the country's most populous province")
    head = root
    for _ in range(2):  # "the Zamzam displacement camp": through one more modifier
        if head.dep_ not in ("compound", "nmod"):
            return False
        head = head.head
        if head.lower_ in _AREA_NOUNS:
            return True
    return False


def _listed_with_places(doc: Doc, root: Token) -> bool:
    """Whether a name is listed with names the NER took for places and with no full name it
    took for a person's ("Kyiv, Kharkiv and Zaporizhzhia were hit"): a list is of one
    kind."""
    head = coordination_head(root)
    others = [t for t in (head, *head.conjuncts) if t.i != root.i]
    return any(t.ent_type_ in ("GPE", "LOC") for t in others) and not any(
        t.ent_type_ == "PERSON" and (t.ent_iob_ == "I" or doc[t.i + 1].ent_iob_ == "I")
        for t in others)  # (a one-word "person" in the list is as likely a place)


#: Verbs whose object is a place taken by force ("captured Goma").
_TAKING_VERBS = frozenset({"capture", "seize", "overrun", "besiege", "shell", "bomb",
                           "recapture", "retake", "encircle", "storm"})
#: Nouns whose "of" names a place taken or fought over ("the fall of Goma").
_TAKING_NOUNS = frozenset({"fall", "capture", "siege", "battle", "recapture", "liberation",
                           "outskirts", "shelling"})
#: Verbs of forces moving on a place ("pushed south towards Bukavu", "advancing on Bukavu").
_ADVANCING_VERBS = frozenset({"advance", "push", "march", "move", "drive", "press", "close"})
#: Verbs and nouns whose "to" names where someone goes ("sent an envoy to Naypyitaw").
_GOING_WORDS = frozenset({"send", "travel", "fly", "go", "return", "head", "deploy",
                          "dispatch", "relocate", "trip", "visit", "flight", "journey",
                          "link", "road", "route", "come"})


def _taken_or_reached(root: Token) -> bool:
    """Whether a name is the object of a taking verb, the "of" of a taking noun or the "to"
    of a going word (see the sets above)."""
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in _TAKING_VERBS
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ == "of":
        return prep.head.lemma_.lower() in _TAKING_NOUNS
    if prep.lower_ == "on":  # "the fighters advancing on Bukavu"
        return prep.head.lemma_.lower() in _ADVANCING_VERBS
    return (prep.lower_ in ("to", "towards", "toward")
            and prep.head.lemma_.lower() in _GOING_WORDS | _ADVANCING_VERBS)


#: Prepositions after which one word the NER took for a person is a place.
_WHERE_PREPS = frozenset({"in", "near", "outside", "at", "around", "across"})


def _named_in_full_person(doc: Doc, word: str) -> bool:
    """Whether ``word`` is the last word of a longer name the NER tagged a person."""
    return any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word for e in doc.ents)


#: Initials before a surname ("T.S. Tirumurti").
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
#: Lowercase words inside a person's name that make it no place's ("Alejandro Díaz de León",
#: "Ursula von der Leyen"; not "al"/"el", which place names carry: "Sharm el-Sheikh").
_INNER_PARTICLES = frozenset({"de", "da", "del", "della", "di", "do", "dos", "du", "la", "le",
                              "van", "von", "der", "den", "bin", "bint", "ibn"})


def _titled_name(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """A two-to-four-word capitalised name (hyphens inside allowed: "Kassym-Jomart Tokayev")
    right after a post title or in apposition to one ("premier, Mute Egede,"), or before ",
    who", with no word that makes it an organisation's ("chairman Moussa Faki Mahamat", not
    "President Biden's Cabinet")."""
    words = doc[start:end]
    if doc[start].text in _OPERATION_WORDS:
        return False  # "troops of Operation Barkhane": a mission's name, whatever precedes it
    named = _strip_titles(doc, start, end, lex.titles)
    if end - named < 2:
        return False  # "Russia's General Staff, who …": a title and one word name no person
    title = start - 1
    if title >= 1 and doc[title].text == "," and (end == len(doc) or doc[end].is_punct):
        title -= 1  # "Greenland's premier, Mute Egede, said": an apposition to the title
    who = end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "who"
    posted = title  # "Its ambassador in Geneva, Febrian Ruddyard,": past the post's place
    while posted > 0 and doc[posted].ent_type_ and doc[posted].text != ",":
        posted -= 1
    posted -= 1 if posted > 0 and doc[posted].lower_ == "the" else 0
    placed = (posted != title and posted > 0 and doc[start - 1].text == ","
              and doc[posted].lower_ in ("in", "to", "at")
              and doc[posted - 1].lower_ in lex.title_words)
    return (
        # (a title's "of" names its body: "director of Amnesty International"; so does the
        # "of" inside a body's name: "Turkey's Presidency of Defence Industries")
        ((start > 0 and doc[title].lower_ in lex.title_words
          and not (doc[title].lower_ == "of" and title > 0
                   and (doc[title - 1].lower_ in lex.title_heads
                        or doc[title - 1].is_title)))
         or (start > 0 and doc[title].is_alpha  # "minister of state for petroleum resources,"
             and title_ending_at(doc, title + 1, max(0, title - 9), lex.titles) is not None)
         or _title_follows(doc, end, lex) or placed
         or named > start  # "Rear Admiral Alireza Tangsiri" tagged whole: the title inside
         or who)  # "Moussa Faki Mahamat, who chairs the Commission": a person's name
        and 2 <= len(words) <= 5
        and all((t.is_title and t.is_alpha)
                or ((t.text == "-" or t.lower_ in _INNER_PARTICLES)
                    and 0 < t.i - start < len(words) - 1)
                or (_INITIALS.fullmatch(t.text) is not None and t.i - start < len(words) - 1)
                for t in words)  # "Kassym-Jomart Tokayev", "Alejandro Díaz de León", "T.S.
        # Tirumurti"
        and not any(t.lower_ in lex.org_heads for t in words)
    )


#: Nouns of kinship: the name they introduce is a person's ("his wife, Usha Vance").
_KIN_NOUNS = frozenset({"wife", "husband", "spouse", "widow", "widower", "son", "daughter",
                        "brother", "sister", "father", "mother", "nephew", "niece", "cousin",
                        "uncle", "aunt", "grandson", "granddaughter", "stepson",
                        "stepdaughter"})


def _kin_named(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """A two-to-four-word capitalised name right after a kinship noun or in apposition to one
    ("accompanied by his wife, Usha Vance," tagged ORG): nobody is a body's wife."""
    before = start - 1 - (start > 0 and doc[start - 1].text == ",")
    words = doc[start:end]
    return (before >= 0 and doc[before].lower_ in _KIN_NOUNS
            and 2 <= len(words) <= 4 and all(t.is_title and t.is_alpha for t in words)
            and not any(t.lower_ in lex.org_heads for t in words))


def _ending_with(persons: list[ActorSpan], word: str) -> list[ActorSpan]:
    """The persons whose name's last word is ``word`` (as slugs)."""
    return [p for p in persons if slug(p.label.split()[-1]) == slug(word)]


def _over_phrase(verb: Token, tok: Token) -> bool:
    """Whether ``tok`` sits in an "over"/"about" phrase of ``verb`` ("pressing China *over its
    support* for Russia"): what the verb's object is faulted or pressed for."""
    return any(p.dep_ == "prep" and p.lower_ in ("over", "about") and tok in p.subtree
               for p in verb.children)


def _kin_apposed(doc: Doc, start: int, end: int) -> bool:
    """Whether a name of two words or more is set beside a kinship noun ("his father,
    longtime president Idriss Déby,"; not "His son Mahamat took power": a given name alone
    is how the article refers to one it named in full)."""
    root = doc[start:end].root
    return end - start > 1 and root.dep_ == "appos" and root.head.lower_ in _KIN_NOUNS


#: NER labels for names of things, which an apposition can show to be a body's.
_NAMED_THINGS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC"})
#: Nouns an apposition uses for a body of states ("…, a format for cooperation").
_BODY_APPOSITIONS = frozenset({"format", "group", "grouping", "alliance", "bloc", "forum",
                               "organisation", "organization", "coalition", "partnership",
                               "club", "union", "dialogue", "body", "faction", "militia",
                               "movement", "tank", "party", "agency", "institute",
                               "foundation", "charity", "network", "firm", "company",
                               "corporation", "conglomerate", "manufacturer", "contractor",
                               "gang", "cartel"})


def _body_apposition(doc: Doc, end: int, head_only: bool = False) -> bool:
    """A name followed by ", a/an/the [modifiers] <body noun>" ("Kataib Hezbollah, an
    Iran-aligned armed faction"), the modifiers up to four tokens before any comma or
    preposition."""
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an",
                                                                                 "the"):
        return False
    for t in doc[end + 2 : min(end + 7, len(doc))]:
        if t.lower_ in _BODY_APPOSITIONS:
            # with ``head_only``, the body noun heads the apposition ("Baron Waqa, the Pacific
            # Islands Forum's secretary general" names a forum's man, not a forum)
            return not head_only or t.dep_ == "appos"
        if (t.is_punct and t.text != "-") or t.pos_ == "ADP":
            return False  # "X, a member of the group": the group is not X
    return False


def _apposed_to_bodies(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """A name right after a body noun, or in apposition after one, or a conjunct of one: "the
    two largest gang coalitions, Viv Ansanm and Gran Grif" (the NER's persons are two
    bodies); or one that qualifies a body noun after it ("the Conti gang")."""
    if start > 0 and doc[start - 1].is_lower and doc[start - 1].lemma_ in _BODY_APPOSITIONS:
        return True  # "the activist alliance Bagong Alyansang Makabayan"
    if (end < len(doc) and doc[end].is_lower and doc[end].lemma_ in _BODY_APPOSITIONS
            and doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end
            and doc[start].ent_type_ not in ("GPE", "LOC", "FAC")):  # ("a Krakow institute")
        return True  # "the Conti gang": a name that qualifies a body noun names the body
    node = doc[start:end].root
    while node.dep_ == "conj" and node.head.i < node.i:
        node = node.head
    return (node.dep_ == "appos" and node.head.i < start and doc[start - 1].text != "("
            and node.head.lemma_.lower() in _BODY_APPOSITIONS
            # (not past persons' posts: "the Eminent Persons Group — three former prime
            # ministers, Jamaica's Bruce Golding, …" lists the group's members)
            and not any(t.pos_ == "NOUN" and t.lemma_.lower() in lex.title_heads
                        for t in doc[node.head.i + 1 : start]))


#: Longest post title matched, in words ("deputy secretary of state").
MAX_TITLE = 5


def title_starting_at(doc: Doc, start: int, sent_end: int,
                      titles: dict[str, str]) -> tuple[str, int] | None:
    """Longest title starting at token ``start`` and ending before ``sent_end``: (canonical,
    end index)."""
    if (start + 3 < sent_end and doc[start + 1].lower_ in ("and", "&")
            and doc[start].is_alpha and f"{doc[start].lower_} minister" in titles
            and (rest := title_starting_at(doc, start + 2, sent_end, titles)) is not None
            and rest[0].endswith("Minister") and rest[0] != "Minister"):
        # "Norway's trade and industry minister": two portfolios, one post
        return f"{doc[start].text.capitalize()} and {rest[0]}", rest[1]
    for n in range(min(MAX_TITLE, sent_end - start), 0, -1):
        text = _title_text(doc[start : start + n])
        if text in titles:
            if text == "minister" and (end := _portfolio_end(doc, start + 1, sent_end)):
                field = _title_text(doc[start + 2 : end])
                return titles.get(f"{field} minister", titles[text]), end
            return titles[text], start + n
    return None


#: NER labels that end a capitalised portfolio ("Minister of Finance Fernando Haddad").
_NOT_PORTFOLIO = frozenset({"PERSON", "GPE", "NORP", "LOC"})


def _portfolio_end(doc: Doc, i: int, sent_end: int) -> int | None:
    """End of a portfolio after "Minister" ("Minister of Finance", "Minister of Trade,
    Industry and Competition", "the minister of industry and trade"): the post is a
    minister's of some state, the words are no body of their own. ``i`` is the index after
    "Minister"."""
    if i + 1 >= sent_end or doc[i].lower_ not in ("of", "for"):
        return None
    end, k = None, i + 1
    while k < sent_end and k - i <= 6:
        if portfolio_word(doc[k], doc[i + 1].is_title):
            end = k + 1
        elif not ((doc[k].lower_ in ("and", "&") or doc[k].text == ","
                   or (doc[k].lower_ == "for" and doc[k - 1].lower_ == "state"))
                  and end == k and k + 1 < sent_end
                  and portfolio_word(doc[k + 1], doc[i + 1].is_title)):
            break  # ("minister of state for petroleum resources": a junior minister's)
        k += 1
    return end


def portfolio_word(t: Token, capitalised: bool) -> bool:
    """A word of a minister's portfolio: capitalised, with no person, place or nationality
    tag ("Minister of Finance"); or lowercase, a noun or adjective ("the minister of industry
    and trade"), the portfolio's case set by its first word."""
    if capitalised:
        return t.is_title and t.is_alpha and t.ent_type_ not in _NOT_PORTFOLIO
    return t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ")


def _title_text(words: Span) -> str:
    """Lowercase text of words that may be a post title, a hyphen read as a space
    ("Executive Vice-President Valdis Dombrovskis" holds the post "vice president")."""
    return words.text.lower().replace("-", " ").replace("  ", " ")


def title_ending_at(doc: Doc, end: int, sent_start: int,
                    titles: dict[str, str]) -> tuple[str, int] | None:
    """Longest title whose tokens end right before token ``end`` and start at or after
    ``sent_start``: (canonical, start index)."""
    for n in range(min(MAX_TITLE, end - sent_start), 0, -1):
        text = _title_text(doc[end - n : end])
        if text in titles:
            first = end - n - 2  # "Trade and Industry Minister Yasutoshi Nishimura"
            if (first >= sent_start and titles[text].endswith("Minister")
                    and (hit := title_starting_at(doc, first, end, titles))
                    and hit[1] == end):
                return hit[0], first
            return titles[text], end - n
    for m in range(end - 3, max(sent_start, end - 9) - 1, -1):
        if doc[m].lower_ == "minister" and (hit := title_starting_at(doc, m, end, titles)):
            return (hit[0], m) if hit[1] == end else None  # "Minister of Finance"
    return None


def _title_follows(doc: Doc, end: int, lex: Lexicons) -> bool:
    """ "Moussa Faki Mahamat, chairperson of the African Union Commission, said": a post title
    of some body (up to three words) in apposition after the name (the preposition keeps out
    "X, a leader in …"), or a state's post set off by commas ("the Indian ambassador,")."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    i = end + 1 + (doc[end + 1].lower_ in ("the", "a", "an"))
    owned = i + 1 < len(doc) and doc[i].ent_type_ in ("NORP", "GPE")
    if owned:  # "T.S. Tirumurti, the Indian ambassador,", "X, Russia's permanent representative,"
        i += 1 + (doc[i + 1].text in ("'s", "’s"))
    if i >= len(doc) or doc[i].lower_ not in lex.title_words:
        return False
    hit = title_starting_at(doc, i, min(i + 3, len(doc) - 1), lex.titles)
    return hit is not None and (doc[hit[1]].lower_ in ("of", "at", "for", "to")
                                or (owned and doc[hit[1]].text == ","))


def _title_head_cut(doc: Doc, start: int, end: int, lex: Lexicons) -> int:
    """End of a name the NER ran into the first word of a post title after it: "Frontex
    Executive" in "Frontex Executive Director Hans Leijtens" ends before "Executive"."""
    if end >= len(doc) or doc[end].lower_ not in lex.title_words:
        return end
    for k in (1, 2):
        if end - k <= start:
            break
        for n in range(1, 3):
            if end + n <= len(doc) and doc[end - k : end + n].text.lower() in lex.titles:
                return end - k
    return end


def _in_title(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """True when the span completes a post title ("Secretary of State") or begins one
    ("Defense" in "US Defense Secretary Lloyd Austin")."""
    if end < len(doc) and doc[end].lower_ in lex.title_words:
        for n in range(1, 4):
            if end + n <= len(doc) and doc[start : end + n].text.lower() in lex.titles:
                return True
    if start == 0 or doc[start - 1].lower_ not in lex.title_words:
        return False
    for n in range(1, 4):
        if start - n >= 0 and doc[start - n : end].text.lower() in lex.titles:
            return True
    return False


#: First words of the titles a portfolio names ("Interior Cabinet Secretary", "Transport
#: Minister"; not "the former Labor prime minister", a party's).
_PORTFOLIO_TITLES = frozenset({"minister", "secretary", "cabinet", "commissioner"})


def _portfolio_body(words: list[str], lex: Lexicons) -> bool:
    """Whether lowercased ``words`` name a ministry by its portfolio alone, with no state:
    "foreign ministry", "ministry of foreign affairs", "defence department", or are a state
    body's head noun alone ("Parliament" in "Parliament Speaker Nabih Berri")."""
    heads = [w for w in words if w in lex.state_bodies]
    rest = [w for w in words if w not in lex.state_bodies and w not in ("of", "the", "and")]
    return len(heads) == 1 and _portfolio_words(rest, lex)


def _portfolio_words(words: list[str], lex: Lexicons) -> bool:
    """Whether lowercased ``words`` are all words of a government portfolio ("foreign
    affairs", "interior")."""
    return all(w in lex.portfolios or w == "affairs" for w in words)


def _post_name(doc: Doc, start: int, end: int, lex: Lexicons) -> bool:
    """True when an unknown name is a post's full name: a title of two or three words and
    "for"/"of" what it is in charge of ("High Representative for Foreign Affairs", "Secretary
    of State for Defence")."""
    for n in (3, 2):
        k = start + n
        if k < end and doc[start:k].text.lower() in lex.titles and doc[k].lower_ in ("for",
                                                                                      "of"):
            return True
    return False


def is_heading(sent: Span) -> bool:
    """A line without final punctuation (headline, section title): short, or a whole line of
    its own ("Weimar Triangle revived as Europe frets over Ukraine and Trump", where the NER
    takes title-case words for a person)."""
    text = sent.text.strip()
    if text.endswith(("”", '"')):
        return is_quoted_title(sent)
    if text.endswith((".", "!", "?", ":")):
        return False
    if len(sent) <= 8:
        return True
    return len(sent) <= 30 and _whole_line(sent)


def _whole_line(sent: Span) -> bool:
    """Whether a sentence is a line of its own."""
    doc = sent.doc
    starts_line = sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws
    ends_line = (sent.end == len(doc) or "\n" in doc[sent.end - 1].text_with_ws
                 or doc[sent.end].text.startswith("\n"))
    return starts_line and ends_line


def is_quoted_title(sent: Span) -> bool:
    """A section title quoting the body ('Paris: “This trust has been betrayed”'): a short
    line of its own, not the article's first, that ends on a quotation with no stop inside it.
    Its words are attributed where the body says them (a headline's are not, so not the
    first line)."""
    text = sent.text.strip()
    return (text.endswith(("”", '"')) and len(text) > 2 and text[-2] not in ".!?,;:"
            and sent.start > 0 and len(sent) <= 12 and _whole_line(sent))


def _ends_longer_name(doc: Doc, span: ActorSpan) -> bool:
    """Whether a place or state ends a longer capitalised name after "in"/"of"/"for" ("the
    U.N. Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)"): a bracketed
    abbreviation after it is the longer name's, not the state's."""
    k = span.start
    return (span.cls in (EntityClass.STATE, EntityClass.PLACE, EntityClass.REGION)
            and k >= 2 and doc[k - 1].lower_ in ("in", "of", "for") and doc[k - 2].is_title
            and doc[k - 2].pos_ in ("PROPN", "NOUN"))


def _abbreviations(doc: Doc, spans: list[ActorSpan], lowers: list[str]) -> list[ActorSpan]:
    """ "Indo-Pacific Four (IP4)": the bracketed abbreviation names the same actor after it."""
    by_end = {s.end: s for s in spans}
    abbr: dict[str, ActorSpan] = {}
    for i, low in enumerate(lowers[:-2]):
        if low != "(" or lowers[i + 2] != ")":
            continue
        tok, nxt = doc[i], doc[i + 1]
        if _ABBR_RE.match(nxt.text):
            owner = by_end.get(tok.i)
            if owner is not None and owner.kind != "demonym" and not _ends_longer_name(
                    doc, owner):
                abbr[nxt.text] = owner
    if not abbr:
        return spans
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for s in spans:
        text = doc[s.start : s.end].text
        target = abbr.get(text)
        if target is not None and s.key != target.key and s.start > target.start:
            s = ActorSpan(s.start, s.end, target.key, target.cls, target.label, target.group_of)
        out.append(s)
    lowered = {k.lower() for k in abbr}
    for tok in _scan(doc, lowers, lowered):
        target = abbr.get(tok.text)
        if target is not None and tok.i not in covered and tok.i > target.start:
            out.append(
                ActorSpan(
                    tok.i, tok.i + 1, target.key, target.cls, target.label, kind="abbreviation"
                )
            )
    return sorted(out)


def _initialisms(doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
    """ "the Rapid Support Forces … the RSF": an unknown all-capitals name that spells the
    initials of exactly one longer body named before it is that body (no brackets needed)."""
    bodies = [s for s in spans if s.cls in GROUP_CLASSES and s.end - s.start >= 2]
    if not bodies:
        return spans
    out = []
    for s in spans:
        text = doc[s.start : s.end].text
        if (s.end - s.start == 1 and 2 <= len(text) <= 6 and text.isupper() and text.isalpha()
                and s.key == mint_id(text, s.cls)):
            found = {b.key: b for b in bodies if b.start < s.start and "".join(
                w[0] for w in b.label.split() if w[:1].isupper()) == text}
            if len(found) == 1:
                b = next(iter(found.values()))
                s = ActorSpan(s.start, s.end, b.key, b.cls, b.label, b.group_of,
                              kind="abbreviation")
        out.append(s)
    return out


def _short_names(doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
    """A one-word person name that is a word of exactly one fuller person name in the article
    is that person, wherever the fuller name comes ("after Lai's inauguration" in a headline,
    "Lai Ching-te" later; family names come first in many languages; a hyphenated word too:
    "Fils-Aime" after "Alix Didier Fils-Aimé")."""
    full = [s for s in spans if s.cls == EntityClass.PERSON
            and " " in doc[s.start : s.end].text.strip()]
    out = []
    for s in spans:
        text = doc[s.start : s.end].text  # one word, hyphens and all ("Fils-Aime")
        if (s.cls == EntityClass.PERSON and " " not in text and s.kind == "name"
                and s.key == mint_id(s.label, EntityClass.PERSON)):  # not a registry person
            word = slug(text)
            keys = {p.key for p in full if word in _name_words(doc, p)}
            if len(keys) == 1 and s.key not in keys:
                p = next(p for p in full if p.key in keys)
                s = ActorSpan(s.start, s.end, p.key, p.cls, p.label, p.group_of, s.kind)
        out.append(s)
    return out


def _surnames(doc: Doc, spans: list[ActorSpan], lex: Lexicons) -> list[ActorSpan]:
    """A person's surname after their full name, where the NER tagged nothing: "Narendra
    Modi travelled to Russia … Modi told Xi that …" (one person with that surname only); in
    a headline, any one word of exactly one person's name."""
    persons = [s for s in spans if s.cls == EntityClass.PERSON and s.end - s.start >= 2]
    if not persons:
        return spans
    at = {i for s in spans for i in range(s.start, s.end)}
    by_surname: dict[str, set[str]] = {}
    by_word: dict[str, set[str]] = {}  # any word of the name, for headlines
    first: dict[str, int] = {}
    for p in persons:
        last = doc[p.end - 1].text
        if not patronymic([t.text for t in doc[p.end - 2 : p.end]], 1):  # not "bin Salman"
            by_surname.setdefault(last, set()).add(p.key)
            first[last] = min(first.get(last, p.start), p.start)
        for w in doc[p.start : p.end]:
            if w.is_title and w.lower_ not in lex.title_words:  # not "President"
                by_word.setdefault(w.text, set()).add(p.key)
    out = list(spans)
    for tok in doc:
        if tok.i in at or tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        if is_heading(tok.sent):
            # A headline names people by one word before the text names them in full, and
            # by the family name where it comes first ("as Xi and Putin meet").
            keys = by_word.get(tok.text)
        else:
            keys = by_surname.get(tok.text)
            if keys is not None and tok.i < first[tok.text]:
                continue
            if keys is not None and len(keys) > 1:  # the one named last before this word
                keys = {max((s for s in spans if s.key in keys and s.start < tok.i),
                            key=lambda s: s.start).key}
        if keys is None or len(keys) != 1:
            continue
        p = next(s for s in persons if s.key in keys)
        out.append(ActorSpan(tok.i, tok.i + 1, p.key, p.cls, p.label, p.group_of))
    return sorted(out)


#: Bodies that, named in apposition to a state with more items after them, are items of a
#: list ("Kinshasa, the United Nations and several Western governments").
_LISTED_BODIES = frozenset({EntityClass.INTERNATIONAL_ORGANIZATION, EntityClass.ALLIANCE,
                            EntityClass.PARTNERSHIP_GROUP})

#: Determiners that make a numbered plural refer back ("the two militaries", "their three").
_DEFINITE = frozenset({"the", "these", "those", "both", "their", "its", "our"})


def _group_modifier(
    tok: Token, at: dict[int, ActorSpan], lex: Lexicons
) -> tuple[int, ActorSpan | None, bool] | None:
    """The left modifier of a group noun that names whose group it is, if any."""
    for child in sorted(tok.lefts, key=lambda t: t.i):
        if child.dep_ not in ("amod", "compound", "nmod", "npadvmod", "nummod"):
            continue  # a possessor ("its analysts") does not name the group
        if child.i > 0 and f"{child.nbor(-1).lower_} {child.lower_}" in lex.blocs:
            return child.i - 1, None, True  # "Central Asian governments", "Latin American"
        span = at.get(child.i)
        if span is not None:
            return span.start, span, False
        if child.text.lower() in lex.blocs:
            return child.i, None, True
    return None


def _collectives(
    doc: Doc, spans: list[ActorSpan], lex: Lexicons, lowers: list[str]
) -> list[ActorSpan]:
    """Second pass: "Chinese analysts", "NATO allies", "some scholars", "NATO governments"."""
    at = {i: s for s in spans for i in range(s.start, s.end)}
    out: list[ActorSpan] = []
    replaced: set[tuple[int, int]] = set()
    for tok in _scan(doc, lowers, lex.collective_nouns | lex.singular):
        low = tok.lower_
        plural = low in lex.collective_nouns and tok.tag_ in ("NNS", "NNPS", "NN")
        singular = low in lex.singular and tok.tag_ == "NN"
        if not (plural or singular) or tok.i in at:
            continue
        found = _group_modifier(tok, at, lex)
        quant = [
            c
            for c in tok.lefts
            if c.dep_ in ("det", "amod", "nummod", "advmod") and c.lower_ in lex.quantifiers
        ]
        if found is None and not (plural and quant and low not in lex.group_self):
            continue
        if found is None and any(q.like_num for q in quant) and any(
                c.dep_ in ("det", "predet", "poss") and c.lower_ in _DEFINITE for c in tok.lefts):
            continue  # "between the two militaries": the two just named, no group of its own
        if (singular and found and not quant and tok.dep_ == "nsubj"
                and (found[1] is None or found[1].kind == "demonym"
                     or found[1].cls == EntityClass.REGION)):
            # "said a European official", "an Indian diplomat told me": the article is a
            # quantifier too before a nationality or bloc, for a speaker ("a Beijing official"
            # is China's; "expelled a Canadian diplomat" is an act against Canada; "a Pacific
            # analyst" is no ocean's)
            quant = [c for c in tok.lefts if c.dep_ == "det" and c.lower_ in ("a", "an")]
        if singular and not (found and quant):
            continue
        start = found[0] if found else quant[0].i
        if any(doc[j].is_quote for j in range(start, tok.i)):
            continue  # 'called China and India "important members …"': a quote starts between
        while any(doc[j].is_punct for j in range(start, tok.i)):  # "(IP4) partners"
            start += 1
        if found and quant and quant[0].i < start and quant[0].lower_ != "other":
            start = quant[0].i
        end = tok.i + 1
        for conj in tok.conjuncts:
            if conj.i > tok.i and conj.lower_ in lex.collective_nouns and conj.i - end <= 2:
                end = conj.i + 1
        text = doc[start:end].text
        modifier = found[1] if found else None
        if modifier is not None and modifier.cls in GROUP_CLASSES and low in lex.group_self:
            span = ActorSpan(start, end, modifier.key, modifier.cls, modifier.label)
        else:
            group_of = None
            if modifier is not None and modifier.cls != EntityClass.COLLECTIVE:
                group_of = modifier.key
            name = doc[(found[0] if found else start) : end].text if found else text
            span = ActorSpan(
                start,
                end,
                mint_id(name, EntityClass.COLLECTIVE),
                EntityClass.COLLECTIVE,
                name,  # label without the quantifier: the same in every article
                group_of,
                kind="collective",
            )
        out.append(span)
        if modifier is not None and span.start <= modifier.start:
            replaced.add((modifier.start, modifier.end))  # the new span covers it
        elif found and modifier is None:  # "Latin American leaders": no "American" inside
            replaced.update((s.start, s.end) for s in spans if start <= s.start and s.end <= end)
    keep = [s for s in spans if (s.start, s.end) not in replaced]
    spans = _blocs_and_institutions(doc, sorted(keep + out), lex, lowers)
    return _administrations(doc, spans, lex)


def _administrations(doc: Doc, spans: list[ActorSpan], lex: Lexicons) -> list[ActorSpan]:
    """ "the Trump and Biden administrations": each name stands for that person's government."""
    out = []
    for s in spans:
        root = doc[s.start : s.end].root
        node = coordination_head(root)
        head = node.head
        if (
            s.cls == EntityClass.PERSON
            and node.dep_ in ("compound", "nmod")
            and head.lower_ in lex.administrations
            and head.i >= s.end
        ):
            label = f"{s.label} {head.lemma_.lower()}"
            s = ActorSpan(
                s.start,
                s.end,
                mint_id(label, EntityClass.ORGANIZATION),
                EntityClass.ORGANIZATION,
                label,
                s.key,
                kind="institution",
            )
        out.append(s)
    return out


def _blocs_and_institutions(
    doc: Doc, spans: list[ActorSpan], lex: Lexicons, lowers: list[str]
) -> list[ActorSpan]:
    """ "Western" and "the West" alone name the West; "the PRC mission to the EU" names a
    state body."""
    at = {i: s for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    replaced: set[ActorSpan] = set()
    for tok in _scan(doc, lowers, lex.bloc_actors.keys() | lex.institutions):
        label = lex.bloc_actors.get(tok.lower_)
        if label and tok.lower_ == label.split()[-1].lower() and not (  # "the West" itself
                tok.i > 0 and lowers[tok.i - 1] == "the"
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title)):
            label = None  # not "West Africa", not a bare compass word
        if label and tok.i not in at and tok.is_title:
            key = mint_id(label, EntityClass.COLLECTIVE)
            out.append(
                ActorSpan(tok.i, tok.i + 1, key, EntityClass.COLLECTIVE, label, kind="collective")
            )
        if tok.lower_ not in lex.institutions or tok.i in at or tok.pos_ != "NOUN":
            continue
        owner = next(
            (
                at[c.i]
                for c in tok.lefts
                if c.dep_ in ("poss", "compound", "amod", "nmod")
                and c.i in at
                and at[c.i].cls == EntityClass.STATE
            ),
            None,
        )
        if owner is None:
            continue
        end = tok.i + 1
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "in", "at"):
                pobj = [c for c in prep.children if c.dep_ == "pobj" and c.i in at]
                if pobj:
                    end = at[pobj[0].i].end
                break
        text = doc[owner.start : end].text
        out.append(
            ActorSpan(
                owner.start,
                end,
                mint_id(text, EntityClass.ORGANIZATION),
                EntityClass.ORGANIZATION,
                text,
                owner.key,
                kind="institution",
            )
        )
        replaced.add(owner)
    return sorted(s for s in out if s not in replaced)


#: Nouns that count a body's members in "the 55-nation body", "the 27-member bloc".
_SIZE_NOUNS = frozenset({"nation", "member", "country", "state"})


def _size_modifier(tok: Token) -> bool:
    """ "55-nation" in "the 55-nation body": its size, which names no other kind of body."""
    return (tok.dep_ == "compound" and tok.lemma_.lower() in _SIZE_NOUNS
            and any(c.dep_ == "nummod" for c in tok.children))


def _references(
    doc: Doc, spans: list[ActorSpan], lex: Lexicons, lowers: list[str],
    registry: Registry | None = None,
) -> list[ActorSpan]:
    """Third pass: "the alliance" -> the most recent alliance (or organisation) mentioned.

    An organ of a larger body stands for that body when the noun fits it: "the bloc" after
    "European Commission President …" is the European Union (registry ``part_of``).
    """
    if not lex.references:
        return spans
    at = {i for s in spans for i in range(s.start, s.end)}
    ordered = sorted(spans)
    out = list(spans)
    for tok in _scan(doc, lowers, lex.references):
        classes = lex.references.get(tok.lower_)
        if (
            classes is None
            or tok.i in at
            or tok.dep_ == "compound"
            or tok.tag_ not in ("NN", "NNP", "NNS")
        ):
            continue
        det = [c for c in tok.lefts if c.dep_ == "det" and c.lower_ in ("the", "this", "that")]
        if not det or any(c.dep_ in ("amod", "compound") and not _size_modifier(c)
                          for c in tok.lefts):
            continue  # "the regional bloc" may be another one; "the 55-nation body" is not
        if any(c.dep_ == "prep" and c.lower_ == "of" and not any(
                g.dep_ == "pcomp" for g in c.children) for c in tok.rights):
            continue  # "the body of Alexei Navalny", "the union of the two parties" (but
            # "accusing the alliance of failing": a gerund the parser hung on the noun)
        before = [s for s in ordered if s.end <= tok.i and s.kind != "demonym"]
        # The most recent actor of any class the noun fits ("the bloc" after "ECOWAS said"
        # is ECOWAS even if an alliance was named earlier).
        # A state's own organ ("Russia's delegation", "the Chinese embassy") is no "the
        # organisation" or "the body" (only "the ministry" and its like, below).
        target = next((s for s in reversed(before) if s.cls in classes
                       and (s.kind != "institution" or tok.lower_ in lex.state_bodies)), None)
        if (target is not None and classes[0] == EntityClass.PARTNERSHIP_GROUP
                and target.cls != classes[0]):
            # "the BRICS summit …, the only leader of a NATO member state …, had applied to
            # join the grouping": a grouping named in the paragraph beats a nearer alliance
            para = _paragraph_start(doc, tok.i)
            target = next((s for s in reversed(before) if s.cls == classes[0]
                           and s.start >= para), target)
        if target is not None:
            target = _centre(doc, before, classes, tok, target)
        if target is not None and target.start in _clause_subject(tok):
            continue  # the nearest fit is the clause's own subject: which body is meant is
            # the reader's knowledge, and the one named before that is as likely wrong
        if tok.lower_ in lex.state_bodies:
            # "the ministry said" is the last body named a ministry ("India's Ministry of
            # External Affairs"), not an organisation named since ("the Trudeau government").
            # "Ukraine's foreign ministry described …" (no actor of its own: the state's
            # words) counts as well, not a body named before it ("Wagner acknowledged").
            target = next((s for s in reversed(before)
                           if (s.cls in classes and tok.lower_ in s.label.lower().split())
                           or (s.cls == EntityClass.STATE and s.end < len(doc)
                               and lowers[s.end] in ("'s", "’s")
                               and tok.lower_ in lowers[s.end + 1: s.end + 4])), target)
        if target is None and EntityClass.ALLIANCE in classes:
            # An unregistered pact named as an organisation ("the Alliance of Sahel States"),
            # never any organisation ("the alliance's burden" after "the Pentagon").
            # (its head word: "the Pacific Alliance Forum" is a forum, no pact)
            target = next((s for s in reversed(before) if s.cls == EntityClass.ORGANIZATION
                           and _name_head(s.label) in _PACT_WORDS), None)
        if target is None:
            continue
        parent = registry.actors.get(registry.actors[target.key].part_of or "") if (
            registry is not None and target.key in registry.actors) else None
        if parent is not None and parent.cls in classes:
            target = ActorSpan(0, 0, parent.id, parent.cls, parent.label)
        out.append(
            ActorSpan(
                det[0].i,
                tok.i + 1,
                target.key,
                target.cls,
                target.label,
                target.group_of,
                kind="reference",
            )
        )
    return sorted(out)


def _paragraph_start(doc: Doc, i: int) -> int:
    """Index of the first token of the paragraph (or headline) holding token ``i``."""
    while i > 0 and "\n" not in doc[i - 1].text:
        i -= 1
    return i


def _centre(doc: Doc, before: list[ActorSpan], classes: tuple[EntityClass, ...], tok: Token,
            nearest: ActorSpan) -> ActorSpan:
    """The previous sentence's main subject, when it fits the description and the nearest fit
    is only an object there: "The GCC has issued statements …, calling on the UN Security
    Council to act. But the six-nation bloc …" is the GCC.

    Why: a definite description continues what the last sentence was about (its subject, in
    centering terms) more often than the last thing it named.
    """
    sent = tok.sent
    if sent.start == 0 or nearest.end > sent.start:
        return nearest  # the nearest fit is in the description's own sentence
    prev = doc[sent.start - 1].sent
    if not prev.start <= nearest.start < prev.end:
        return nearest
    if doc[nearest.start : nearest.end].root.dep_ in ("nsubj", "nsubjpass"):
        return nearest
    for s in before:
        if (prev.start <= s.start < prev.end and s.cls in classes
                and s.kind != "institution"  # "Ukraine's delegation" is no "organisation"
                and doc[s.start : s.end].root.dep_ in ("nsubj", "nsubjpass")
                and doc[s.start : s.end].root.head == prev.root):
            return s
    return nearest


def _clause_subject(tok: Token) -> set[int]:
    """Token indices of the subject of the clause ``tok`` is an object or modifier in.

    Why: a definite description does not name its own clause's subject (binding principle C):
    in "the United States and the European Union have criticised the bloc's expansion" the
    bloc is not the EU (nor, as a fallback, the UN named a paragraph earlier: the SCO was
    meant, two paragraphs before that, so the description stays unresolved). Only the
    nearest clause: "NATO said the alliance would respond" is NATO, and a description inside
    the subject ("the alliance's members said") is left alone.
    """
    node = tok
    for _ in range(12):
        if node.head == node:
            return set()
        if node.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return set()  # the description is (in) the subject itself
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj and node.dep_ == "xcomp" and node.head != node:
                # a controlled clause's subject is its controller: the object ("NATO wants
                # Sweden to join the alliance": Sweden), else the subject and what it is said
                # to be ("Turkey would become the first member of NATO to join the bloc":
                # Turkey, the first member of NATO)
                gov = node.head
                objs = [c for c in gov.children if c.dep_ == "dobj"]
                if objs:
                    return {t.i for c in objs for t in _bare_phrase(c)}
                subj = [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
                attrs = [c for c in gov.children if c.dep_ == "attr"]
                return ({t.i for c in subj for t in _bare_phrase(c)}
                        | {t.i for a in attrs for t in a.subtree})
            return {t.i for c in subj for t in _bare_phrase(c)}
    return set()


def _bare_phrase(tok: Token) -> list[Token]:
    """``tok``'s phrase and its conjuncts without what is set beside or hung on them: in
    "Brazil, a founding member of BRICS, hosted the group's summit" and "Venezuela, which was
    suspended from Mercosur, criticised the bloc" BRICS and Mercosur are no part of the
    subject that the object cannot name."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in ("appos", "relcl", "acl", "prep", "punct", "advcl"):
            out += _bare_phrase(c)
    return out


def resolve_actors(doc: Doc, registry: Registry, lex: Lexicons) -> list[ActorSpan]:
    """All actor spans of a Doc, sorted by position (pure function of Doc and registry)."""
    lowers = [t.lower_ for t in doc]  # read once; Token objects are built on every access
    spans = _national_branches(doc, _name_spans(doc, registry, lex, lowers))
    spans = _collectives(doc, spans, lex, lowers)
    spans = _references(doc, spans, lex, lowers, registry)
    spans = _head_references(doc, spans, lex, lowers)
    spans = _compass_references(doc, spans, lowers)
    spans = _without_credits(doc, spans)
    spans = _without_genre_labels(doc, spans)
    return _title_references(doc, spans, lex, lowers, registry)


_DASH_TEXTS = frozenset({"-", "–", "—", "--"})


def _national_branches(doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
    """A company's name with a state's after it in one compound ("TikTok India's head") is
    the company's national branch: the company, not the state (whose post that head is
    not)."""
    out: list[ActorSpan] = []
    for s in spans:
        prev = out[-1] if out else None
        if (prev is not None and s.cls == EntityClass.STATE and s.kind == "name"
                and prev.cls == EntityClass.ORGANIZATION and prev.end == s.start
                and doc[prev.end - 1].dep_ == "compound"
                and s.start <= doc[prev.end - 1].head.i < s.end):
            out[-1] = ActorSpan(prev.start, s.end, prev.key, prev.cls, prev.label,
                                prev.group_of, prev.kind)
            continue
        out.append(s)
    return out


def _without_credits(doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
    """Without the agency credited in a dateline ("WARSAW, Sept 12 (Reuters) - Poland and the
    three Baltic states urged …"): a byline, not an actor of the story (the parser may even
    read it as one of the sentence's subjects)."""
    out = []
    for s in spans:
        if (s.start >= 1 and s.end + 1 < len(doc) and doc[s.start - 1].text == "("
                and doc[s.end].text == ")" and doc[s.end + 1].text in _DASH_TEXTS):
            line = _paragraph_start(doc, s.start - 1)
            if s.start - line <= 12 and doc[line].text.isupper():
                continue
        out.append(s)
    return out


def _without_genre_labels(doc: Doc, spans: list[ActorSpan]) -> list[ActorSpan]:
    """Without a genre label opening a line before a colon ("Explainer: Can the Arctic
    Council survive?"): the NER reads "Explainer" as a person."""
    labels = word_set("collective_nouns.json", "genre_labels")
    return [s for s in spans if not (
        s.end < len(doc) and doc[s.end].text == ":" and s.end - s.start == 1
        and doc[s.start].lower_ in labels
        and (s.start == 0 or "\n" in doc[s.start - 1].text_with_ws))]


#: Capitalised compass words that, after "the", shorten a state's name ("the North").
_COMPASS_NAMES = frozenset({"north", "south"})
#: Id prefixes of places and regions minted for names the registry lacks.
_MINTED_PLACES = ("place-", "region-")


def _compass_references(doc: Doc, spans: list[ActorSpan], lowers: list[str]) -> list[ActorSpan]:
    """ "Yoon urged the North to call off the launch": "the North" (capitalised) after North
    Korea was named is North Korea; likewise "the South". Only when exactly one state named
    earlier in the article bears that word first, and no capitalised word follows ("the
    North Atlantic" is a name of its own)."""
    states = [s for s in spans if s.cls == EntityClass.STATE and s.label.split()[0].lower()
              in _COMPASS_NAMES and len(s.label.split()) > 1]
    if not states:
        return spans
    at = {i: s for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for tok in _scan(doc, lowers, _COMPASS_NAMES):
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        minted = at.get(tok.i)  # the NER's own "North", a place of that name
        if minted is not None and not (minted.start == tok.i and minted.end == tok.i + 1
                                       and minted.key.startswith(_MINTED_PLACES)):
            continue
        if (tok.i == 0 or lowers[tok.i - 1] != "the" or not tok.is_title
                or (nxt is not None and nxt.is_title and nxt.is_alpha)):
            continue
        fits = {s.key: s for s in states if s.end <= tok.i
                and s.label.split()[0].lower() == tok.lower_}
        if len(fits) != 1:
            continue
        (target,) = fits.values()
        if minted is not None:
            out.remove(minted)
        out.append(ActorSpan(tok.i - 1, tok.i + 1, target.key, target.cls, target.label,
                             target.group_of, kind="reference"))
    return sorted(out)


#: How many sentences back "the bank" looks for the body it shortens.
_HEAD_REFERENCE_REACH = 4


def _head_references(doc: Doc, spans: list[ActorSpan], lex: Lexicons,
                     lowers: list[str]) -> list[ActorSpan]:
    """ "the bank" after "the New Development Bank", "the court" after "the International
    Criminal Court": a definite description by the head word of a body's name refers to
    that body, if exactly one body so named was mentioned in the last few sentences.

    Why beside ``reference_nouns.json``: those nouns ("the alliance", "the bloc") fit any body
    of a class; a name's own head word fits only the bodies that bear it, so no list is
    needed, and a word no body's name ends with ("the bank" in a text about no bank) refers
    to nothing.
    """
    named = [s for s in spans if s.cls in GROUP_CLASSES and len(s.label.split()) > 1 and (
        s.kind == "name" or (s.kind == "institution"  # "the administration" after "the Biden
                             and _name_head(s.label) in lex.administrations))]  # administration"
    heads = {_name_head(s.label) for s in named} - lex.references.keys()
    if not heads:
        return spans
    at = {i for s in spans for i in range(s.start, s.end)}
    sent_starts = [sent.start for sent in doc.sents]
    out = list(spans)
    for tok in _scan(doc, lowers, heads):
        if (tok.i in at or tok.i == 0 or lowers[tok.i - 1] != "the" or tok.is_title
                or tok.dep_ == "compound" or tok.tag_ not in ("NN", "NNS")
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights)):
            continue  # "the Bank" is a name of its own; "the bank of the river" is described
        here = bisect.bisect_right(sent_starts, tok.i) - 1
        since = sent_starts[max(0, here - _HEAD_REFERENCE_REACH)]
        fits = {s.key: s for s in named if since <= s.start and s.end <= tok.i
                and _name_head(s.label) == tok.lower_}
        if len(fits) != 1:
            continue
        (target,) = fits.values()
        # "the council" after one mention of the Inuit Circumpolar Council in an article on
        # the Arctic Council, named or referred to again and again: the article's council
        before = Counter(s.key for s in out if s.end <= tok.i and s.cls in GROUP_CLASSES
                         and _name_head(s.label) == tok.lower_)
        top, times = before.most_common(1)[0]
        if top != target.key and times >= 3 and before[target.key] == 1:
            target = next(s for s in out if s.key == top)
        out.append(ActorSpan(tok.i - 1, tok.i + 1, target.key, target.cls, target.label,
                             target.group_of, kind="reference"))
    return sorted(out)


#: Tokens before a person's name searched for the post title it is given ("French Foreign
#: Minister Jean-Yves Le Drian", "U.S. Secretary of State Antony Blinken").
_TITLE_BEFORE_NAME = 6
_TITLE_STOPS = frozenset({",", ";", ":", "and", "or", "(", ")", '"', "“", "”"})


def _title_references(doc: Doc, spans: list[ActorSpan], lex: Lexicons,
                      lowers: list[str], registry: Registry | None = None) -> list[ActorSpan]:
    """ "The minister said …" after "French Foreign Minister Jean-Yves Le Drian": a definite
    post title refers to the one person given that title in the last few sentences.

    The title is read where the article gave it: just before the name ("Foreign Minister Le
    Drian") or in an apposition to it ("Marise Payne, Australia's foreign minister,"). Two
    recent persons with the title ("the minister" after a prime minister and a foreign
    minister) leave it unresolved, as does a title described anew ("the minister of
    defence", "Australia's foreign minister").
    """
    persons = [s for s in spans if s.cls == EntityClass.PERSON and s.kind == "name"]
    if not persons:
        return spans
    at = {i for s in spans for i in range(s.start, s.end)}
    sent_starts: list[int] = []  # read when a description first needs them (most docs: never)
    given: dict[int, str] = {}  # each person mention's title context, likewise

    def titled(s: ActorSpan) -> str:
        if s.start not in given:
            given[s.start] = _given_title(doc, s, lowers)
        return given[s.start]

    at_state = {i: s for s in spans if s.cls == EntityClass.STATE
                for i in range(s.start, s.end)}
    # a state's demonym or name before the post ("the Finnish president", "the Cook Islands
    # premier")
    demonyms = {i: s for i, s in at_state.items() if s.kind in ("demonym", "name")}
    out = list(spans)
    for tok in _scan(doc, lowers, lex.title_heads):
        if tok.i in at or tok.tag_ not in ("NN", "NNP") or tok.dep_ in ("compound", "appos"):
            continue
        start = tok.i
        while (start > 0 and doc[start - 1].dep_ in ("compound", "amod")
               and doc[start - 1].head == tok and (start - 1 not in at or (
                   start - 1 in demonyms and demonyms[start - 1].end == start))):
            if start - 1 in demonyms:  # the whole state name ("Cook Islands")
                start = demonyms[start - 1].start + 1
            start -= 1  # "the foreign minister", "the prime minister", "the Finnish president"
        owner = _possessing_state(doc, tok, start, at_state, persons)
        if owner is None and (
                start == 0 or lowers[start - 1] != "the" or doc[start - 1].head != tok
                or any(c.dep_ in ("poss", "prep", "appos") or (
                    c.dep_ == "relcl" and lowers[c.left_edge.i - 1] != ",")
                    for c in tok.children)):
            continue  # "the defence minister of Japan", "Australia's foreign minister, Penny
            # Wong", "the minister who …": new ("the premier, who has led …" is not)
        state = owner or demonyms.get(start)
        if owner is not None:
            start = owner.start + 1  # "Brazil's president declared": the post's holder
        first = state.end + (owner is not None) if state is not None else start  # (past "'s")
        while first < tok.i and lowers[first] in _NEWLY:
            first += 1  # "the new prime minister": the post
        title = " ".join(lowers[first : tok.i + 1])
        honorific = title in _HONORIFICS  # "the prince" after "Prince Abdulaziz bin Salman"
        if (title not in lex.titles and not honorific
                and not (state is not None and title in _LEADER_WORDS)):
            continue
        sent_starts = sent_starts or [sent.start for sent in doc.sents]
        here = bisect.bisect_right(sent_starts, tok.i) - 1
        # A state's post ("the Finnish president") is specific enough to reach further back.
        # (but only one the article gave that state: a person given none, "Ambassador Zohour
        # Alaoui" of Morocco, is no "Spanish ambassador" thirty sentences on)
        near = sent_starts[max(0, here - _HEAD_REFERENCE_REACH)]
        since = 0 if state is not None else near
        wanted = (_HEAD_TITLES if title in _LEADER_WORDS
                  else _SAME_POSTS.get(title, (title,)) if state is not None else (title,))
        fits = {s.key: s for s in persons if since <= s.start and s.end <= tok.i
                and not _former(titled(s), wanted)  # "Brazil's former president Bolsonaro"
                and (_names_post(titled(s), wanted) or (honorific and lowers[s.start] == title)
                     or (state is not None and _registry_post(registry, s, wanted, state)))
                and (state is None or (
                    told := _given_state(doc, s, state, at_state, registry)) is True
                     or (told is None and s.start >= near))}
        back = here - 1
        while back > 0 and here - back < 3 and _quoted_words_only(
                doc[sent_starts[back]:sent_starts[back + 1]], persons):
            back -= 1  # '… conceded. "We consulted them. We kept our word," the president
            # wrote': the sentence before the quoted words
        prev = doc[sent_starts[back]:sent_starts[back + 1]] if here > 0 else None
        if prev is not None and state is None and "\n" not in prev.text.strip():
            # "He said Prof Yunus raised the issue … The chief adviser also complained": the
            # previous sentence's subject, given the post earlier in the article (however
            # long before), fits too, and the rule below picks it over anyone else
            added = {p.key: p for p in persons
                     if prev.start <= p.start < prev.end and p.key not in fits
                     and doc[p.start:p.end].root.dep_ in ("nsubj", "nsubjpass")
                     and (any(q.key == p.key and q.start < prev.start
                              and not _former(titled(q), wanted)
                              and _names_post(titled(q), wanted) for q in persons)
                          # "Benjamin Netanyahu acknowledged …. '…,' the prime minister
                          # said" with Rishi Sunak given the title earlier: the subject the
                          # registry gives the post now fits too
                          or (fits and _registry_post(registry, p, wanted)))}
            fits |= added
            if not fits:
                # "It took Keir Starmer less than 48 hours in Downing Street …. '…,' the new
                # prime minister told …": the one person of the previous sentence the registry
                # gives that post now
                held = {p.key: p for p in persons if prev.start <= p.start < prev.end
                        and _registry_post(registry, p, wanted)}
                fits |= held if len(held) == 1 else {}
        if len(fits) > 1 and prev is not None:
            # "Brown has rejected that characterisation. The Cook Islands premier, …": of
            # several fitting persons, the one the previous sentence is about
            # (both of two conjoined subjects, "Prime Minister X and Foreign Minister Y met.
            # The minister said …", leave it open)
            fits = {k: f for k, f in fits.items() if any(
                f.key == p.key and _is_subject(doc[p.start:p.end].root)
                for p in persons if prev.start <= p.start < prev.end)}
        if len(fits) != 1:
            continue
        (person,) = fits.values()
        if state is not None:
            out = [s for s in out if s is not state]
        out.append(ActorSpan(start - 1, tok.i + 1, person.key, person.cls, person.label,
                             person.group_of, kind="reference"))
    return sorted(out)


def _quoted_words_only(sent: Span, persons: list[ActorSpan]) -> bool:
    """Whether a sentence opens a quotation and names no person (a quoted sentence before the
    one that says who spoke it)."""
    text = sent.text.strip()
    return bool(text) and text[0] in "\"“‘'" and not any(
        sent.start <= p.start < sent.end for p in persons)


def _names_post(given: str, wanted: tuple[str, ...]) -> bool:
    """Whether a person's given title context names one of the ``wanted`` posts."""
    return any(re.search(rf"\b{re.escape(t)}\b", given) for t in wanted)


def _former(given: str, wanted: tuple[str, ...]) -> bool:
    """Whether a person's given title context names one of the ``wanted`` posts as past
    ("former president", "then-prime minister"): no holder a present reference means."""
    return any(re.search(rf"\b(?:former|then|ex|late)[\s-]+(?:\w+\s+)?{re.escape(t)}\b", given)
               for t in wanted)


def _possessing_state(doc: Doc, tok: Token, start: int, at_state: dict[int, ActorSpan],
                      persons: list[ActorSpan]) -> ActorSpan | None:
    """The state named with "'s" right before a post title that names no one new: "Brazil's
    president declared" (its holder, named before); not "Australia's foreign minister, Penny
    Wong," (a name set beside it), nor "Japan's minister of defence" or "… who"."""
    if start < 2 or doc[start - 1].text not in ("'s", "’s"):
        return None
    owner = at_state.get(start - 2)
    if owner is None or owner.kind != "name" or owner.end != start - 1:
        return None
    if tok.dep_ in ("attr", "oprd", "appos", "conj") or any(
            c.dep_ in ("prep", "appos", "relcl", "acl") for c in tok.children):
        return None  # ("who became Estonia's prime minister": a description)
    after = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ",")
    if any(p.start == after for p in persons):
        return None  # "Brazil's president, Lula,"; "Brazil's president Lula"
    return owner


#: Honorifics that name their bearer as a post title does ("the prince" after "Prince
#: Abdulaziz bin Salman", whose name the NER took with the honorific).
_HONORIFICS = frozenset({"prince", "princess", "sheikh", "sheikha"})

#: Words for a head of state or government ("the Japanese leader"), and the posts they mean.
_LEADER_WORDS = frozenset({"leader"})
_HEAD_TITLES = ("president", "prime minister", "premier", "chancellor", "leader")
#: Titles the press uses for one another's post ("Prime Minister Mark Brown" … "the Cook
#: Islands premier"; with a state named only: a bare "the prime minister" stays exact).
_SAME_POSTS = {"premier": ("premier", "prime minister"),
               "prime minister": ("prime minister", "premier")}


def _given_state(doc: Doc, person: ActorSpan, state: ActorSpan,
                 at_state: dict[int, ActorSpan], registry: Registry | None = None) -> bool | None:
    """Whether the words just before a person's name give them ``state`` ("Finnish President
    Alexander Stubb", "Finland's president"), as "the Finnish president" says later: True,
    False when they give another state, else whether the registry's country for the person is
    ``state`` ("the Chinese leader" is never Viktor Orbán), None when nothing says
    ("Foreign Secretary Vikram Misri" may be "the Indian foreign secretary")."""
    limit = max(doc[person.start].sent.start, person.start - _TITLE_BEFORE_NAME)
    given = {at_state[i].key for i in range(limit, person.start) if i in at_state}
    if given:
        return state.key in given
    actor = registry.actors.get(person.key) if registry is not None else None
    return (actor.country == state.key) if actor is not None and actor.country else None


def _registry_post(registry: Registry | None, person: ActorSpan, wanted: tuple[str, ...],
                   state: ActorSpan | None = None) -> bool:
    """Whether the registry gives the person one of the ``wanted`` posts in ``state`` ("the
    Chinese leader" after "Xi Jinping" named with no title), or, with no state, one held now
    anywhere ("the new prime minister" after "Keir Starmer")."""
    actor = registry.actors.get(person.key) if registry is not None else None
    return actor is not None and any(
        (p.of == state.key if state is not None else p.until is None)
        and _names_post(p.title.lower(), wanted)
        for p in actor.positions)


#: Words before a post title that say it was taken up lately ("the new prime minister").
_NEWLY = frozenset({"new", "newly", "incoming"})


def _given_title(doc: Doc, person: ActorSpan, lowers: list[str]) -> str:
    """Lowercase text of where a person mention may carry a post title: the words just before
    the name, in its sentence, and an apposition after it."""
    first = person.start
    limit = max(doc[person.start].sent.start, person.start - _TITLE_BEFORE_NAME)
    while first > limit and lowers[first - 1] not in _TITLE_STOPS and (
            doc[first - 1].pos_ not in ("VERB", "AUX", "ADP") or lowers[first - 1] == "of"):
        # "President Joe Biden and Prime Minister Boris Johnson": Johnson's own title only;
        # "a spokesperson for Marise Payne": not hers ("Secretary of State X" is)
        first -= 1
    before = " ".join(lowers[first : person.start])
    root = doc[person.start : person.end].root
    if (first == person.start and first > 0 and lowers[first - 1] == "," and root.dep_ == "appos"
            and root.head.i < first - 1 and root.head.left_edge.i >= limit - 2):
        # "the Minister of Information and Culture, Alhaji Lai Mohammed,": the title the
        # name is apposed to
        before = " ".join(lowers[root.head.left_edge.i : first - 1])
    # (not a relative clause's words: "Pelosi, a California Democrat who is second in line
    # after the vice president," holds no presidency)
    apposed = " ".join(t.lower_ for c in root.children if c.dep_ == "appos"
                       and c.i >= person.end for t in _without_clauses(c))
    return f"{before} | {apposed}"


def _without_clauses(head: Token) -> list[Token]:
    """The tokens of ``head``'s phrase outside the relative or participial clauses in it."""
    inside = {t.i for d in head.subtree if d.dep_ in ("relcl", "acl") and d != head
              for t in d.subtree}
    return [t for t in head.subtree if t.i not in inside]


def _scan(doc: Doc, lowers: list[str], vocab: object) -> list[Token]:
    """Tokens whose lowercase form is in ``vocab`` (a set or dict), in text order."""
    return [doc[i] for i, low in enumerate(lowers) if low in vocab]  # type: ignore[operator]


@functools.cache
def title_heads() -> frozenset[str]:
    """Last words of the post titles ("minister", "chief", "envoy")."""
    return frozenset(t.split()[-1] for t in word_map("role_titles.json", "titles"))


@functools.cache
def portfolio_words() -> frozenset[str]:
    """Words naming a government portfolio, read off the ministers' titles ("foreign",
    "defence", "commerce"): with a body's head noun they name some state's ministry."""
    return frozenset(
        w for t in word_map("role_titles.json", "titles")
        if t.split()[-1] in ("minister", "secretary")
        for w in t.split()[:-1]) - {"prime", "deputy", "vice", "chief", "general", "cabinet"}


@functools.cache
def title_words() -> frozenset[str]:
    """Lowercase words of the post titles ("envoy", "minister", "special"), as listed (not
    "first" of the derived "first deputy …": "First Lady" is no post's)."""
    return frozenset(w for t in word_map("role_titles.json", "titles") for w in t.split()
                     if w != "for")  # (a preposition of "High Commissioner for Refugees":
    # "Morocco's plan for Western Sahara" names no post)


@functools.cache
def _person_nouns() -> frozenset[str]:
    """Common nouns that name people ("professor", "analyst", "official"): never an "it"."""
    return word_set("collective_nouns.json", "nouns") | title_words()


def _quoted_tokens(sent: Span) -> set[int]:
    """Indices of the tokens of ``sent`` (or any span) inside quotation marks (curly or
    straight)."""
    inside, out = False, set()
    for t in sent:
        if t.text in ("“", "”", '"'):
            inside = t.text == "“" or (t.text == '"' and not inside)
            continue
        if inside:
            out.add(t.i)
    return out


def _quoted_in(sent: Span) -> set[int]:
    """:func:`_quoted_tokens` of a sentence, counted from its paragraph's start: a sentence may
    open inside a quotation an earlier one opened ('"Tetteh has written a sensible plan. The
    problem …," he said': "he said" is outside the quotation, not inside a new one)."""
    doc = sent.doc
    return {i for i in _quoted_tokens(doc[_paragraph_start(doc, sent.start) : sent.end])
            if i >= sent.start}


def _inside_quotes(doc: Doc, i: int) -> bool:
    """Whether token ``i`` stands inside quotation marks, counted from its paragraph's start
    (a sentence may open inside a quotation that an earlier sentence opened)."""
    return i in _quoted_tokens(doc[_paragraph_start(doc, i) : i + 1])


def _is_subject(tok: Token) -> bool:
    """A clause subject, conjoined with one ("Stoltenberg and Putin met") or in apposition to
    one ("Sogavare's successor, Jeremiah Manele, has taken a softer line")."""
    while tok.dep_ in ("conj", "appos") and tok.head != tok:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _head_past(tok: Token, start: int, end: int) -> Token:
    """The first head above ``tok`` outside tokens ``start``..``end`` ("Foreign" in "Foreign
    Minister Abbas Araghchi", before the name: "Araghchi", through "Minister")."""
    head = tok.head
    while start <= head.i < end and head.head != head:
        head = head.head
    return head


def _pronoun_subject_in(sent: Span) -> bool:
    """Whether a "he"/"she" is the sentence's main subject, or a "his"/"her" the owner of it."""
    return any(
        (t.lower_ in ("he", "she") and t.dep_ == "nsubj" and (
            t.head == sent.root  # (or a main verb conjoined, "…, and he warned …", or a
            # parenthetical report: "The Caucasus, he said, was not …")
            or (t.head.dep_ in ("conj", "parataxis") and t.head.head == sent.root)))
        or (t.lower_ in ("his", "her") and t.dep_ == "poss"
            and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head == sent.root)
        for t in sent)


def _subordinate_subject(tok: Token) -> bool:
    """Whether a subject (see :func:`_is_subject`) is a subordinate clause's ("as President
    Biden was returning", "who said …"), not its sentence's main clause's."""
    while tok.dep_ in ("conj", "appos") and tok.head != tok:
        tok = tok.head
    verb = tok.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ in ("advcl", "ccomp", "relcl", "acl", "xcomp", "pcomp")


class DocActors:
    """Lookup over a Doc's resolved actors: by token, by subtree, pronouns."""

    def __init__(self, doc: Doc, rows: list | None = None,
                 registry: Registry | None = None) -> None:
        rows = doc._.get(EXTENSION) if rows is None else rows
        self.doc = doc
        self.registry = registry
        self.spans = [ActorSpan.from_list(r) for r in rows or []]
        self.by_token: dict[int, ActorSpan] = {}
        for s in self.spans:
            for i in range(s.start, s.end):
                self.by_token.setdefault(i, s)

    def at(self, tok: Token) -> ActorSpan | None:
        """The actor whose span covers this token."""
        return self.by_token.get(tok.i)

    def capital_state(self, span: ActorSpan) -> ActorSpan | None:
        """The state whose capital (a registry metonym) ``span`` names, read where the name
        is the place ("a visit to Budapest", "the foreign ministry in Jakarta")."""
        state = self.registry.metonym(span.label) if self.registry is not None else None
        if state is None or state.cls != EntityClass.STATE:
            return None
        return ActorSpan(span.start, span.end, state.id, state.cls, state.label)

    def of_phrase(self, tok: Token, allow_poss: bool = True) -> ActorSpan | None:
        """The actor a noun phrase headed by ``tok`` names: itself, else its possessor/modifier.

        Why: "China's activities" and "NATO objections" point at China and NATO; this is how
        targets and holders reach through a head noun to the actor, one level deep only.
        """
        span = self.at(tok)
        if span is not None:
            return span
        if tok.lower_ in ("he", "she", "him", "her", "his") or (
            tok.lower_ in ("it", "its") and tok.dep_ in ("nsubj", "nsubjpass", "poss")
        ) or _shared_subject_object(tok):
            return self.pronoun(tok)  # (an object "it": see pronoun)
        if tok.lower_ in _SELF_NOUNS or tok.lower_ in _QUANTITIES:
            # "Leaders of the SCO gathered": the organisation; "sanctioned dozens of Chinese
            # firms": the firms
            for prep in tok.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                        span = self.at(pobj)
                        if span is not None and (span.cls in GROUP_CLASSES
                                                 or tok.lower_ in _QUANTITIES):
                            return span
        for child in tok.rights:  # "the league's secretary general, Ahmed Aboul Gheit,"
            if child.dep_ == "appos":
                span = self.at(child)
                if span is not None and span.cls == EntityClass.PERSON:
                    return span
        named = self._named_after_complement(tok) or self._named_after_comma(tok)
        if named is not None:
            return named
        deps = ("poss", "compound", "amod", "nmod") if allow_poss else ("compound", "nmod")
        if tok.lemma_.lower() == "counterpart":
            deps = ("compound", "amod", "nmod")  # "his Chinese counterpart" is not his
        if tok.lemma_.lower() in word_set("collective_nouns.json", "other_sides"):
            deps = tuple(d for d in deps if d != "poss")  # "his supporters": not him
        independent = tok.lemma_.lower() in word_set("collective_nouns.json",
                                                      "independent_voices")
        opposed = any(c.lower_ in _OPPOSING_WORDS for c in tok.lefts
                      if c.dep_ in ("compound", "amod"))
        for child in tok.lefts:
            if child.dep_ in deps:
                span = self.at(child)
                if span is not None and opposed and span.kind == "demonym":
                    continue  # "Syrian opposition figures": against the state, not for it
                if span is not None and independent and span.kind in ("metonym", "demonym"):
                    continue  # "one Belgrade political scientist": where, not whose; "a
                    # Ukrainian anti-corruption activist": a nationality, no state's voice
                if span is not None:
                    return span
                if child.dep_ == "poss" and child.lower_ in ("its", "his", "her"):
                    return self.pronoun(child)
        return None

    def _named_after_comma(self, title: Token) -> ActorSpan | None:
        """The person named right after a post title and a comma, past a rank or title word
        ("sanctions on Sudan's army chief, General Abdel Fattah al-Burhan,"), in word order:
        the parser may hang the name anywhere. Why: the post's holder is whom the phrase
        names, not the state that owns the post."""
        doc = self.doc
        i = title.i + 2
        if (title.lower_ not in title_heads() or i >= len(doc) or doc[title.i + 1].text != ","
                or (title.head.lower_ in ("for", "of") and title.head.head.lower_ in (
                    title_words()))):
            return None  # (not a portfolio: "Ghana's Minister for Information, Kojo …")
        while i < len(doc) and doc[i].lower_ in title_words() and doc[i].is_title:
            i += 1  # past "General"
        span = self.by_token.get(i)
        if span is None or span.cls != EntityClass.PERSON or span.start != i:
            return None
        return span if span.end == len(doc) or doc[span.end].is_punct else None

    def _named_after_complement(self, title: Token) -> ActorSpan | None:
        """The person named right after a post's "for"/"to" phrase: "US Special Envoy for
        Sudan Tom Perriello said", which the parser reads as an envoy for Perriello (the
        actor before the name is where the post is aimed), or set off after it: "Trump's
        envoy to Putin, Steve Witkoff, said", the name read as in apposition to Putin; so
        is one after where the post is held: "Indonesia's ambassador in Geneva, Febrian
        Ruddyard, said"."""
        if title.lower_ not in title_words():
            return None
        for prep in title.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "to", "in", "at"):
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                span = self.at(pobj) if prep.lower_ in ("for", "to") else None
                aimed = self.at(self.doc[span.start - 1]) if span is not None else None
                if (span is not None and span.cls == EntityClass.PERSON and aimed is not None
                        and aimed.cls != EntityClass.PERSON and aimed.start > prep.i):
                    return span
                named = next((n for c in pobj.rights if c.dep_ == "appos"
                              and (n := self.at(c)) is not None
                              and n.cls == EntityClass.PERSON and n != span), None)
                if named is not None:
                    return named
        return None

    def possessor(self, tok: Token) -> ActorSpan | None:
        """The actor a possessive word names: a name ("Russia's"), or what "its", "his" or
        "her" refers to."""
        span = self.at(tok)
        if span is None and tok.lower_ in ("its", "his", "her"):
            return self.pronoun(tok)
        return span

    def conj_phrases(self, tok: Token, allow_poss: bool = True) -> list[ActorSpan]:
        """Actors of ``tok`` and of its conjuncts ("China and Russia").

        Also conjoined modifiers: "Russian and Chinese bombers" names Russia and China.
        """
        group = self.numbered_group(tok)
        if group:
            return group
        if self.at(tok) is None and tok.pos_ in ("NOUN", "PROPN"):
            # "their leaders, A of X, B of Y and C of Z, met": the listed persons; "Thailand's
            # acting Prime Minister Phumtham Wechayachai and Cambodian Prime Minister Hun Manet
            # met", parsed with the second name a conjunct of the first title's apposition
            apposed = [a for a in tok.rights if a.dep_ == "appos" and self.at(a) is not None]
            for a in list(apposed):  # (or as names set beside names: "A of X, B of Y and …")
                apposed += [b for b in a.rights if b.dep_ == "appos"
                            and (s := self.at(b)) is not None and s.cls == EntityClass.PERSON]
            for app in tok.rights:
                if app.dep_ == "appos" and (app.conjuncts or len(apposed) > 1) and self.at(
                        app) is not None:
                    # (the list may come as several appositions: "the three defence
                    # ministers, A of X, B of Y and C of Z")
                    listed = [s for a in apposed for s in self.conj_phrases(a, allow_poss)]
                    if all(s.cls == EntityClass.PERSON for s in listed) or (
                            tok.lemma_.lower() in _BODY_APPOSITIONS
                            and all(s.cls == EntityClass.ORGANIZATION for s in listed)):
                        return listed  # also "the two largest gang coalitions, Viv Ansanm
                        # and Gran Grif": the listed bodies
                # "the foreign ministers of France, Germany and Poland met": the states
                if (app.dep_ == "prep" and app.lower_ == "of" and tok.lower_ in _SELF_NOUNS
                        and not any(c.dep_ in ("poss", "compound") for c in tok.lefts)):
                    pobj = next((c for c in app.children if c.dep_ == "pobj"), None)
                    if pobj is not None and pobj.conjuncts:
                        listed = [s for t in (pobj, *pobj.conjuncts)
                                  for s in [self.at(t)] if s is not None]
                        if listed and all(s.cls == EntityClass.STATE for s in listed):
                            return listed
        out = []
        for t in (tok, *tok.conjuncts):
            span = self.of_phrase(t, allow_poss)
            if span is not None and span.kind == "demonym" and self._named_firm_after(t):
                span = None  # "a Chinese satellite company, Chang Guang …": the firm, not China
            if span is not None and span not in out:
                out.append(span)
            if span is not None and self.at(t) is None:
                for child in t.lefts:
                    if self.at(child) is span:
                        for c in (*child.conjuncts, *self._hyphen_pair(span, child)):
                            other = self.at(c)
                            if other is not None and other not in out:
                                out.append(other)
            for other in self._listed_as_apposition(t):
                if other not in out:
                    out.append(other)
            if span is not None and span.cls == EntityClass.PERSON:
                for other in self._misparsed_first_conjuncts(span):
                    if other not in out:
                        out.insert(0, other)
        return out

    def _misparsed_first_conjuncts(self, span: ActorSpan) -> list[ActorSpan]:
        """Persons the parser hung inside a person's name phrase with their "and" still
        attached: "European Council President Antonio Costa and Commission President Ursula
        von der Leyen congratulated Lee", with "Costa" a modifier of "der"."""
        out = []
        for tok in self.doc[span.start : span.end].root.subtree:
            if tok.i >= span.start or tok.dep_ not in ("nmod", "compound"):
                continue
            other = self.at(tok)
            if (other is not None and other.cls == EntityClass.PERSON and other is not span
                    and any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children)
                    and other not in out):
                out.append(other)
        return out

    def _named_firm_after(self, tok: Token) -> bool:
        """Whether a common noun ("company") is followed by a comma and an organisation's
        name, which is what the phrase names (the parser hangs the name on the noun or, as a
        second object, on the verb)."""
        doc = tok.doc
        if tok.pos_ != "NOUN" or self.at(tok) is not None or tok.i + 2 >= len(doc):
            return False
        named = self.at(doc[tok.i + 2]) if doc[tok.i + 1].text == "," else None
        return named is not None and named.kind == "name" and named.cls == EntityClass.ORGANIZATION

    def _listed_as_apposition(self, tok: Token) -> list[ActorSpan]:
        """ "Saudi Arabia, the UAE and Bahrain cut relations": the parser read the list as an
        apposition to its first state; a state is never another state's apposition, so
        the apposed state and its conjuncts are more items of the list. Nor is a state ever
        an organisation: "Kinshasa, the United Nations and several Western governments
        accuse Rwanda" is a list of three."""
        own = self.at(tok)
        if own is None or own.cls != EntityClass.STATE:
            return []
        out: list[ActorSpan] = []
        for app in (c for c in tok.children if c.dep_ == "appos"):
            first = self.at(app)
            if first is None or first.key == own.key or not (
                    first.cls == EntityClass.STATE
                    or (first.cls in _LISTED_BODIES and app.conjuncts)):
                continue
            # (a name of the form "the Kingdom of Denmark" carries the rest of the list on
            # its last word: "Canada, the Kingdom of Denmark, Finland and Iceland")
            listed = app.conjuncts or self.doc[first.end - 1].conjuncts
            out += [s for c in (app, *listed) for s in [self.at(c)] if s is not None]
        return out

    def _hyphen_pair(self, span: ActorSpan, root: Token) -> list[Token]:
        """The other side of a hyphenated pair of modifiers: "the Russia-North Korea treaty"
        names Russia as well as North Korea (the parser hangs "Russia" on "Korea")."""
        out = []
        for g in root.lefts:
            other = self.at(g)
            if (g.dep_ == "compound" and other is not None and other is not span
                    and other.end + 1 == span.start and self.doc[other.end].text == "-"):
                out.append(g)
        return out

    def numbered_group(self, tok: Token) -> list[ActorSpan]:
        """ "The two countries", "both sides", "the three juntas": the last list of exactly
        that many actors named before, in this sentence or the two before it.

        Why: news prose names the parties once ("Saudi Arabia and Iran agreed …") and then
        says what "the two countries" did; without this those acts have no actor.
        """
        named = self.at(tok)  # "two Asian allies" is also read as a collective actor
        if tok.lower_ not in _GROUP_NOUNS or tok.tag_ != "NNS" or (
                named is not None and named.kind != "collective"):
            return []
        n = None
        for c in tok.children:
            if c.dep_ == "nummod" and c.lower_ in _NUMBERS:
                n = _NUMBERS[c.lower_]
            elif c.lower_ == "both" and c.dep_ in ("det", "predet", "amod", "nummod"):
                n = 2
        if n is None or not any(c.lower_ in ("the", "both", "these", "those")
                                or c.dep_ == "poss" for c in tok.children):
            return []  # "the two countries", "Washington's two Asian allies"
        persons = tok.lower_ in _PERSON_GROUP_NOUNS
        sents = list(self.doc.sents)
        here = next(i for i, sent in enumerate(sents) if sent.start <= tok.i < sent.end)
        lo = sents[max(0, here - 2)].start
        best: list[ActorSpan] = []
        for t in self.doc[lo : tok.i]:
            if t.dep_ == "conj" or not t.conjuncts:
                continue  # the first item of a list stands for it
            if t.dep_ in ("nsubj", "nsubjpass") and tok.head.lower_ != "between" and (
                    t.head.left_edge.i <= tok.i <= t.head.right_edge.i):
                # "the US and Saudi Arabia … have urged both sides": not themselves; but "A
                # and B signed a pact, a sign of ties between the two allies": the pair
                continue
            if tok.lower_ == "sides" and self._mediators(t):
                continue  # "both sides" are the parties, not the go-betweens (the two
                # countries that hosted a summit may be "the two countries" after it)
            if t.dep_ not in ("nsubj", "nsubjpass") and any(
                    a.dep_ == "relcl" for a in t.ancestors):
                continue  # "a tour that also took him to France and Serbia": background
            if any(self.at(c) is None and c.pos_ == "NOUN" for c in t.conjuncts):
                continue  # "sent troops to Iraq, Afghanistan and UN peacekeeping missions":
                # a list of more than its actors
            items = []
            for c in (t, *t.conjuncts):
                span = self.at(c)
                if span is not None and span.cls == EntityClass.PERSON and not persons:
                    span = self._persons_state(c)  # "Russian President Putin and …": Russia
                    if span is not None and span not in items:
                        items.append(span)
                    continue
                if span is None or span in items:
                    continue
                if tok.lower_ in _STATE_GROUP_NOUNS and span.cls != EntityClass.STATE:
                    continue
                if (span.cls == EntityClass.PERSON) == persons and span.kind != "demonym":
                    items.append(span)
            if len(items) == n and len({s.key for s in items}) == n:
                best = items
        if not best and n == 2:
            best = self._host_and_guest(lo, tok.i, persons)
        return self._their_group(best, lo, tok.i) or best

    @staticmethod
    def _mediators(tok: Token) -> bool:
        """Whether ``tok`` heads the subject or the "by" agent of a verb of bringing others
        together ("co-hosted by Saudi Arabia and Switzerland") or a list given a go-between's
        part by "as" ("with Egypt and the UAE as observers"): the go-betweens of talks, which
        "both sides" after them does not mean."""
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else (
            tok.head if tok.dep_ == "nsubj" else None)
        if verb is not None and verb.lemma_.lower() in _MEDIATING_VERBS:
            return True
        anchors = [tok, tok.head, tok.head.head] if tok.dep_ == "pobj" else [tok]
        return any(
            prep.lower_ == "as" and any(o.dep_ == "pobj" and o.lemma_.lower() in _GO_BETWEEN_NOUNS
                                        for o in prep.children)
            for anchor in anchors for prep in anchor.children)

    def _host_and_guest(self, lo: int, hi: int, persons: bool = False) -> list[ActorSpan]:
        """ "Crown Prince Mohammed bin Salman hosted President Xi Jinping in Riyadh … the two
        sides signed": the states of the last host and guest named from ``lo`` to ``hi``;
        with ``persons`` ("the two leaders", "the two men") the host and guest themselves."""
        best: list[ActorSpan] = []
        for verb in self.doc[lo:hi]:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _HOST_VERBS:
                continue
            sides = [self._person_of(c) if persons else self._state_of(c, verb)
                     for c in verb.children if c.dep_ in ("nsubj", "dobj")]
            states = [x for x in sides if x is not None]
            if len(sides) == 2 and len(states) == 2 and states[0].key != states[1].key:
                best = states
        if not best and not persons:
            best = self._visitor_and_visited(lo, hi)
        return best

    def _visitor_and_visited(self, lo: int, hi: int) -> list[ActorSpan]:
        """ "Xi Jinping's state visit to Budapest … The two governments announced": the
        visitor's state and the state visited, from the last visit noun with both."""
        best: list[ActorSpan] = []
        for noun in self.doc[lo:hi]:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ("visit", "trip"):
                continue
            guest = next((self._state_of(c, noun) for c in noun.children if c.dep_ == "poss"),
                         None)
            host = next((self.at(o) for p in noun.children if p.dep_ == "prep"
                         and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"), None)
            if host is not None and host.cls == EntityClass.PLACE:
                host = self.capital_state(host) or host  # "a visit to Budapest": Hungary
            if (guest is not None and host is not None and host.cls == EntityClass.STATE
                    and host.kind != "demonym" and host.key != guest.key):
                best = [guest, host]
        for verb in self.doc[lo:hi]:
            # "Iranian President Masoud Pezeshkian arrived in Baghdad …, and the two
            # neighbours signed": the arriving leader's state and the capital's
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("arrive", "land"):
                continue
            guest = next((self._state_of(c, verb) for c in verb.children
                          if c.dep_ == "nsubj"), None)
            place = next((self.at(o) for p in verb.children if p.dep_ == "prep"
                          and p.lower_ in ("in", "at") for o in p.children
                          if o.dep_ == "pobj"), None)
            host = self.capital_state(place) if place is not None and (
                place.cls == EntityClass.PLACE) else None
            if guest is not None and host is not None and host.key != guest.key:
                best = [guest, host]
        return best

    def _person_of(self, tok: Token) -> ActorSpan | None:
        """The person a host's or guest's phrase names, if it names one."""
        span = self.at(tok)
        return span if span is not None and span.cls == EntityClass.PERSON else None

    def _state_of(self, tok: Token, verb: Token) -> ActorSpan | None:
        """The state a host's or guest's phrase stands for: a state itself, the state its
        person is introduced with or (registry) comes from, or, for the subject, the state
        whose capital the visit is in ("hosted Xi in Riyadh")."""
        span = self.at(tok)
        if span is None:
            return None
        if span.cls == EntityClass.STATE and span.kind != "demonym":
            return span
        if span.cls != EntityClass.PERSON:
            return None
        found = self._persons_state(tok)
        actor = self.registry.actors.get(span.key) if self.registry is not None else None
        if found is None and actor is not None and actor.country and not self._serves_body(actor):
            country = self.registry.actors.get(actor.country)
            if country is not None and country.cls == EntityClass.STATE:
                found = ActorSpan(span.start, span.end, country.id, country.cls, country.label)
        if found is None and tok.dep_ == "nsubj":
            for prep in verb.children:
                place = [self.at(c) for c in prep.children if c.dep_ == "pobj"]
                if (prep.lower_ == "in" and place and place[0] is not None
                        and place[0].cls == EntityClass.STATE):
                    found = place[0]  # "in Riyadh": a capital resolved as its state
        return found

    def _serves_body(self, actor: Actor) -> bool:
        """Whether a registry person now holds a post in a body of no state ("Ursula von der
        Leyen": the European Commission; not a state's ministry): then their country is not the
        side they are on (von der Leyen visiting Iceland is no German visit)."""
        assert self.registry is not None
        for pos in actor.positions:
            body = self.registry.actors.get(pos.of) if pos.of else None
            if (pos.until is None and body is not None and body.cls != EntityClass.STATE
                    and not body.country):  # (a state's ministry is the state's side)
                return True
        return False

    def _persons_state(self, tok: Token) -> ActorSpan | None:
        """The state a listed person is introduced with ("*Russian* President Vladimir Putin",
        "*North Korean* leader Kim Jong Un"): the countries of "the two countries" after a
        list of their leaders."""
        for t in tok.subtree:
            if t.i >= tok.i:
                break
            span = self.at(t)
            if span is not None and span.cls == EntityClass.STATE:
                return span
        return None

    def _their_group(self, items: list[ActorSpan], lo: int, hi: int) -> list[ActorSpan]:
        """The group the listed actors make up: the group whose bracketed list they are ("the
        Quad (Australia, Japan, …) … the four partners"), else a group named nearby whose
        registry ``members`` they are."""
        if not items:
            return []
        first = min(s.start for s in items)
        if first >= 2 and self.doc[first - 1].text == "(":  # "The Quad (Australia, Japan, …)"
            owner = self.at(self.doc[first - 2])
            if owner is not None and owner.cls in GROUP_CLASSES:
                return [owner]
        if self.registry is None:
            return []
        keys = {s.key for s in items}
        for span in reversed([s for s in self.spans if lo <= s.start < hi]):
            actor = self.registry.actors.get(span.key)
            if span.cls in GROUP_CLASSES and actor is not None and keys <= set(actor.members):
                return [span]
        return []

    def in_subtree(self, tok: Token) -> list[ActorSpan]:
        """Distinct actors inside the subtree of ``tok``, in text order."""
        lo, hi = tok.left_edge.i, tok.right_edge.i + 1
        return [s for s in self.spans if s.start >= lo and s.end <= hi]

    def _person_subject(self, verb: Token) -> bool:
        """Whether the verb's subject names a person (whom "its" cannot mean)."""
        spans = [self.at(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(spans) and all(
            s is not None and s.cls == EntityClass.PERSON for s in spans)

    def _unnamed_subject_first(self, tok: Token, persons: list[ActorSpan]) -> bool:
        """Whether an object pronoun's sentence names no person before it and its main
        subject, before it, is someone the text does not name ("one of them", "a soldier"):
        that one is the likelier antecedent than a person of an earlier sentence."""
        sent = tok.sent
        if any(sent.start <= s.start < tok.i for s in persons):
            return False
        for verb in tok.ancestors:  # the nearest clause with a subject of its own
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                        and c.i < tok.i and c.tag_ not in ("WP", "WDT")]  # not "who met"
            if subjects:
                return all(not any(self.at(t) for t in c.subtree)
                           and (c.pos_ == "NOUN" or c.lower_ == "one") for c in subjects)
        return False

    def pronoun(self, tok: Token) -> ActorSpan | None:
        """He/she/his -> the last person mentioned; it/its -> the last non-person subject.

        Why: only the unambiguous cases; "they" is left unresolved because plural antecedents
        are usually unnamed groups.
        """
        low = tok.lower_
        before = [s for s in self.spans if s.end <= tok.i and s.kind != "demonym"]
        if low in ("he", "she", "him", "her", "his"):
            titled = self._titled_subject(tok)
            owner = self.of_phrase(titled) if titled is not None else None
            if owner is not None:  # "Brazil's ambassador said his country …": Brazil's man
                return owner
            quoted = _quoted_in(tok.sent)
            same = self._same_pronoun_before(tok, quoted)
            if same is not None:
                # "The Trump administration, he said, would …, and he warned …": the second
                # "he" is the first's, whoever was named in the sentence before
                return self.pronoun(same)
            # "Vučić met him": an object pronoun is never its own clause's subject (binding
            # principle B)
            own_subject = ({c.i for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")}
                           if low in ("him", "her") and tok.dep_ in ("dobj", "dative")
                           else set())
            if (tok.dep_ == "nsubj" and tok.head.dep_ == "relcl"
                    and any(c.lower_ in ("whom", "who") and c.dep_ != "nsubj"
                            for c in tok.head.children)):
                # "… and Lula, whom he also called corrupt": the relative clause's object is
                # its head, so its subject is someone else
                own_subject |= {tok.head.head.i, *(c.i for c in tok.head.head.conjuncts)}
            if tok.dep_ == "nsubj":
                # "Sitting opposite Putin …, he said": the participle's understood subject is
                # the pronoun's referent, so a person it acts on is someone else
                own_subject |= {t.i for c in tok.head.children
                                if c.dep_ == "advcl" and c.i < tok.i and c.tag_ in ("VBG", "VBN")
                                and not any(g.dep_ in ("nsubj", "nsubjpass", "mark")
                                            for g in c.children)
                                for t in c.subtree}
            persons = [s for s in before if s.cls == EntityClass.PERSON
                       # '"Pezeshkian was elected …," she said': not the one quoted about
                       # (nor one a quotation of an earlier sentence names: '"Aung San Suu
                       # Kyi is in prison." / He welcomed …' is the speaker)
                       and (tok.i in quoted or (
                           s.start not in quoted if s.start >= tok.sent.start
                           else not _inside_quotes(self.doc, s.start)))
                       and self.doc[s.start:s.end].root.i not in own_subject]
            if not persons or self._speaker_since(persons[-1], tok):
                return None
            if low in ("him", "her") and self._unnamed_subject_first(tok, persons):
                return None  # "one of them told a lawmaker who met him": the soldier
            if low in ("him", "her") and tok.dep_ == "dobj" and tok.head.dep_ in (
                    "advcl", "xcomp", "conj"):
                # "sanctioned Mr. Dodik in 2017, accusing him of …": the object of the clause
                # the participle hangs from
                main = tok.head.head
                objects = {s.key: s for s in persons
                           if self.doc[s.start:s.end].root.dep_ == "dobj"
                           and self.doc[s.start:s.end].root.head == main}
                if len(objects) == 1:
                    return next(iter(objects.values()))
            # Unambiguous only: one person in the recent context, or one of them the subject.
            recent = [s for s in persons if tok.i - s.end <= _PRONOUN_WINDOW] or persons[-1:]
            start = tok.sent.start
            subject_like = tok.dep_ in ("nsubj", "nsubjpass") or (
                low in ("his", "her") and tok.dep_ == "poss"
                and tok.head.dep_ in ("nsubj", "nsubjpass"))  # "His foreign minister said"
            chained = subject_like and not any(start <= s.start for s in persons)
            last_root = self.doc[recent[-1].start:recent[-1].end].root
            subordinate = _is_subject(last_root) and _subordinate_subject(last_root)
            if len({s.key for s in recent}) == 1 and not (
                    chained and (not _is_subject(last_root) or subordinate)
                    and (self._pronoun_subject_before(tok)
                         or self._person_subject_before(tok, persons))):
                # (but "he vowed …, a category in which he included China and Lula. His
                # foreign minister said": the chain of subjects, not the last name; and
                # "Lourenço has sought to loosen the ties of his predecessor, José Eduardo dos
                # Santos. He met Biden": the subject the sentence opens with, not a name that
                # only describes a word of its ("his predecessor, X", "Trump's adviser"), nor
                # a subordinate clause's: "Park noted that …, as President Biden was
                # returning from Seoul. '…,' he said")
                return recent[-1]
            subjects = [s for s in recent if _is_subject(self.doc[s.start : s.end].root)]
            if chained:
                # A "he"/"she" subject with no person named before it in its sentence
                # continues the latest sentence with a person subject, up to three back
                # ('"…," Baerbock said. She warned that …'; 'Mitsotakis said …. "We are not
                # naive. …," he said.'), whoever else was named.
                for _ in range(3):
                    if start == 0:
                        break
                    prev = self.doc[start - 1].sent
                    last = [s for s in persons if prev.start <= s.start < prev.end
                            and _is_subject(self.doc[s.start : s.end].root)]
                    if _pronoun_subject_in(prev) and all(
                            _subordinate_subject(self.doc[s.start : s.end].root) for s in last):
                        # "The Caucasus, he said, was not real estate for Trump to lease.
                        # Tehran would block it, he said.": the chain goes on through the
                        # "he", past a subordinate clause's subject
                        last = []
                    if len({s.key for s in last}) > 1:
                        # "Michel said Orbán had no mandate. '…,' he wrote": the main
                        # clause's subject, not the reported clause's
                        # ("Stoltenberg and Putin met. He …" stays unresolved)
                        roots = [self.doc[s.start : s.end].root for s in last]
                        last = [s for s, r in zip(last, roots, strict=True)
                                if r.head == prev.root
                                and not any(c.dep_ == "conj" for c in r.children)]
                        if not last:
                            return None
                    if last:
                        return last[-1] if len({s.key for s in last}) == 1 else None
                    start = prev.start
            return subjects[-1] if len({s.key for s in subjects}) == 1 else None
        if low == "its":
            speaker = self._speaker(tok)  # "the US reaffirmed that its treaty covers …"
            if speaker is not None:
                return speaker
            agent = self._passive_agent(tok)
            if agent is not None:
                return agent
            described = self._participle_subject(tok)
            if described is not None:
                return described
            owner = _conjoined_owner(tok)
            if owner is not None:
                # "praising the government's progress on inflation and its commitment to a
                # surplus": the owner of the noun "its" noun is conjoined with, an actor or
                # not (was: the World Bank, a subject the sentence before)
                return self.at(owner)
            # "China's partnership with Russia and its support": same sentence
            sent_start = tok.sent.start
            for s in reversed(before):
                if s.start < sent_start:
                    break
                head = self.doc[s.start : s.end].root
                if head.dep_ in ("nsubj", "nsubjpass") and any(
                        c.dep_ == "conj" and not c.left_edge.i <= tok.i <= c.right_edge.i
                        for c in head.children):
                    # "China and Russia endorsed the process and its outcome": two subjects
                    # would be "their"; the "its" is the process's (but "the union and its
                    # president welcomed": the union's)
                    return None
                if s.cls not in (EntityClass.PERSON, EntityClass.COLLECTIVE) and (
                        head.dep_ in ("nsubj", "nsubjpass", "poss")
                        # "Lula criticised the United States over its sanctions": the object
                        # of the verb the "its" phrase hangs on, when its subject is a person
                        # or the phrase is what the object is taken to task over ("pressing
                        # China over its support for Russia"; "NATO defined China as a
                        # challenge in its concept": NATO's)
                        or (head.dep_ == "dobj" and head.head in tok.ancestors
                            and (self._person_subject(head.head)
                                 or _over_phrase(head.head, tok)))):
                    return s
        if low == "it" and _extraposed(tok):
            return None  # "It would be dishonest to praise the summit": no referent
        if _shared_subject_object(tok):
            # "Turkey is not a member of the forum and has long criticised it": not the shared
            # subject (binding principle B) but the actor last named in the first conjunct
            first = tok.head.head
            inside = [s for s in before if first.i < s.start and s.end <= tok.head.i
                      and s.cls not in (EntityClass.PERSON, EntityClass.COLLECTIVE)
                      and self.doc[s.start : s.end].root.dep_ not in ("nsubj", "nsubjpass")]
            if inside:
                return inside[-1]
        if low == "its":
            topic = self._subjectless_topic(tok)
            if topic is not None:
                return topic
        if low in ("it", "its"):
            owner = self._governing_subject_owner(tok)
            if owner is not None:
                return owner
            # '"… what we saw on Wednesday was reckless and it was dangerous," Rutte told':
            # a quoted "it" is the speaker's, about something named in the quotation if
            # anything, not an actor the article named before it
            quoted = _quoted_in(tok.sent) if low == "it" else set()
            for s in reversed(before):
                if tok.i in quoted and s.start not in quoted:
                    return None
                head = self.doc[s.start : s.end].root
                if _in_relative_clause(head) and s.start < tok.sent.start:
                    continue  # "the organisation on whose Vienna premises the treaty's bodies
                    # have met. Helga Schmid, its secretary general": not a relative clause's
                if s.cls not in (EntityClass.PERSON, EntityClass.COLLECTIVE) and (
                        head.dep_ in ("nsubj", "nsubjpass")
                        # "The main opposition party, VMRO-DPMNE, boycotted the vote. Its
                        # leader": the name set beside the subject
                        or (head.dep_ == "appos" and head.head.dep_ in ("nsubj", "nsubjpass"))
                        # "Russia's response was defiant. … its foreign ministry": the
                        # owner of what a sentence is about is what it is about
                        or (head.dep_ == "poss" and head.head.dep_ in ("nsubj", "nsubjpass")
                            and head.head.head.dep_ == "ROOT" and s.start < tok.sent.start)):
                    return None if self._closer_thing(s.end, tok.i) else s
        return None

    def _governing_subject_owner(self, tok: Token) -> ActorSpan | None:
        """The one actor named inside the subject of a clause that governs "it"/"its" in the
        same sentence, when that subject is a body no actor names by itself ("the Chinese
        foreign ministry said it had lodged protests with the United States over remarks,
        which it said were …": China's, not Washington, the subject a sentence before).
        Why: a reported clause's "it" continues its reporting clause's subject; the scan back
        over earlier subjects skips the subject when it is no actor. Pronoun subjects on the
        way up are passed ("that it had lodged"); persons and groups are "he"/"they"."""
        for verb in tok.ancestors:
            subjects = [c for c in verb.children
                        if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i
                        and not c.left_edge.i <= tok.i <= c.right_edge.i]
            if not subjects:
                continue
            if verb.i > tok.i:
                return None  # "The Taiwan question, it added, was …": "it" reports the clause
            if subjects[0].pos_ == "PRON":
                continue
            found = {a.key: a for t in subjects[0].subtree
                     if (a := self.at(t)) is not None}
            if len(found) != 1 or self.at(subjects[0]) is not None:
                return None  # a named subject is the scan's to find
            owner = next(iter(found.values()))
            return owner if owner.cls not in (EntityClass.PERSON,
                                              EntityClass.COLLECTIVE) else None
        return None

    def _subjectless_topic(self, tok: Token) -> ActorSpan | None:
        """The one actor of the sentence before, when that sentence's subject is no actor and
        a sentence-opening "its" owns the new subject ("The strongest objections came from
        India. Its permanent representative said …": India's, not a state named as a subject
        earlier)."""
        if tok.head.dep_ not in ("nsubj", "nsubjpass") or any(
                not t.is_punct for t in self.doc[tok.sent.start:tok.i]):
            return None
        prev = self._sentence_before(tok)
        subjects = [c for c in prev.root.children
                    if c.dep_ in ("nsubj", "nsubjpass")] if prev is not None else []
        if not subjects or any(self.at(t) is not None for c in subjects for t in c.subtree):
            return None
        inside = [s for s in self.spans if prev.start <= s.start < prev.end
                  and s.kind != "demonym"
                  and s.cls not in (EntityClass.PERSON, EntityClass.COLLECTIVE)]
        return inside[0] if len({s.key for s in inside}) == 1 else None

    def _participle_subject(self, tok: Token) -> ActorSpan | None:
        """The actor right before the past participle whose phrase an "its" is in: "a
        vacuum left by a Russia distracted and weakened by its war" (Russia's war, however
        the parser hangs the participle)."""
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.tag_ != "VBN":
            return None
        while verb.dep_ == "conj" and verb.head.tag_ == "VBN" and verb.head.i < verb.i:
            verb = verb.head  # "distracted and weakened by its war"
        k = verb.i - 1
        if k >= 0 and self.doc[k].text == ",":
            k -= 1  # "Iran, weakened by its …"
        span = self.at(self.doc[k]) if k >= 0 else None
        if (span is None or span.cls in (EntityClass.PERSON, EntityClass.COLLECTIVE)
                or any(c.dep_ in ("aux", "auxpass") for c in verb.children)):
            return None  # ("Russia was weakened by its war" is read as any subject)
        return span

    def _passive_agent(self, tok: Token) -> ActorSpan | None:
        """The agent of the passive verb an "its" phrase hangs on, named before it ("the
        hostages seized by Hamas in its Oct. 7 attack": Hamas's attack, not the court's that
        called for their release)."""
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.tag_ != "VBN":
            return None
        for agent in (c for c in verb.children if c.dep_ == "agent" and c.i < tok.i):
            for pobj in (c for c in agent.children if c.dep_ == "pobj"):
                span = self.at(pobj)
                if span is not None and span.cls not in (EntityClass.PERSON,
                                                         EntityClass.COLLECTIVE):
                    return span
        return None

    def _sentence_before(self, tok: Token) -> Span | None:
        """The sentence before ``tok``'s, if any."""
        start = tok.sent.start
        return self.doc[start - 1].sent if start > 0 else None

    def _person_subject_before(self, tok: Token, persons: list[ActorSpan]) -> bool:
        """Whether the last sentence before ``tok``'s that names one of ``persons`` (up to
        three back, past sentences of quoted words that name none) opens with one of them as
        a subject (only words of the name's own phrase before it: "President X", "Lourenço,
        who …")."""
        prev = self._sentence_before(tok)
        for _ in range(2):
            if prev is None or any(prev.start <= s.start < prev.end for s in persons):
                break
            prev = self._sentence_before(prev[0])
        if prev is None:
            return False
        # a fronted adverbial does not count ("On the far right, Jordan Bardella, president of
        # the National Rally, said …"; "On Tuesday, X said …")
        fronted = {t.i for c in prev.root.children if c.i < prev.root.i
                   and c.dep_ in ("prep", "advmod", "npadvmod") for t in c.subtree}
        return any(
            prev.start <= s.start < prev.end
            and self.doc[s.start:s.end].root.dep_ == "nsubj"
            and all(k in fronted or (self.doc[k].is_punct and k - 1 in fronted)
                    or s.start <= _head_past(self.doc[k], prev.start, s.start).i < s.end
                    for k in range(prev.start, s.start))
            for s in persons)

    def _same_pronoun_before(self, tok: Token, quoted: AbstractSet[int]) -> Token | None:
        """The nearest "he"/"she" subject before the subject pronoun ``tok`` in its sentence,
        the same word, on the same side of the quotation marks, with no person named between
        them."""
        if tok.dep_ != "nsubj" or tok.lower_ not in ("he", "she"):
            return None
        for t in reversed(self.doc[tok.sent.start : tok.i]):
            span = self.at(t)
            if span is not None and span.cls == EntityClass.PERSON:
                return None
            if (t.lower_ == tok.lower_ and t.dep_ == "nsubj"
                    and (t.i in quoted) == (tok.i in quoted)):
                return t
        return None

    def _pronoun_subject_before(self, tok: Token) -> bool:
        """Whether the sentence before ``tok``'s has a "he"/"she" as its main subject, or a
        "his"/"her" as the owner of it ("His foreign policy has been built around security.
        He has sought …": the chain of the paragraph's subject goes on through the owner)."""
        prev = self._sentence_before(tok)
        return prev is not None and _pronoun_subject_in(prev)

    def _speaker_since(self, person: ActorSpan, tok: Token) -> bool:
        """Whether a sentence between the last named ``person`` and the pronoun ``tok``
        reports what someone unnamed said ("At a café, a retired schoolteacher said she had
        accepted it. '…,' she said."): its main verb a communication verb, its subject a
        singular common noun that is no actor ("Analysts said …" cannot be a "he"). The
        "she" is then that speaker, not the person."""
        speech = word_set("communication_verbs.json", "verbs")
        sent = tok.sent
        while sent.start > person.end:
            sent = self.doc[sent.start - 1].sent
            # the main verb, or the one the parser hung below the words after a colon
            verbs = [sent.root, *(c for c in sent.root.children if c.dep_ == "ccomp")]
            if sent.start >= person.end and any(
                    (verb.lemma_.lower() in speech or (  # "… put it this way: …"
                        verb.lemma_.lower() == "put"
                        and any(c.lower_ == "it" for c in verb.children)))
                    and any(c.dep_ == "nsubj" and c.tag_ == "NN" and (
                        self.at(c) is None  # "a retired schoolteacher said"
                        or self.at(c).cls == EntityClass.COLLECTIVE)  # "a senior diplomat"
                        for c in verb.children)
                    for verb in verbs):
                return True
        return False

    def _titled_subject(self, tok: Token) -> Token | None:
        """An unnamed post holder ("Brazil's ambassador") as a subject in the pronoun's
        sentence before it: "his"/"he" is that person, not the last one named."""
        for t in self.doc[tok.sent.start : tok.i]:
            if (t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.lower_ in _POST_NOUNS
                    and self.at(t) is None
                    and not any(self.at(c) is not None and self.at(c).cls == EntityClass.PERSON
                                for c in t.children if c.dep_ in ("appos", "compound"))):
                return t
        return None

    def _speaker(self, tok: Token) -> ActorSpan | None:
        """The non-person subject of the verb whose reported clause opens with ``tok``'s
        phrase, when no actor comes between the clause's start and ``tok``."""
        node = tok
        for _ in range(8):
            if node.dep_ == "ccomp":
                if any(s.start >= node.left_edge.i and s.end <= tok.i for s in self.spans):
                    return None
                verb = node.head
                while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
                    verb = verb.head
                for c in verb.children:
                    span = self.at(c) if c.dep_ == "nsubj" else None
                    if span is not None and span.cls not in (EntityClass.PERSON,
                                                             EntityClass.COLLECTIVE):
                        return span
                return None
            if node.head == node:
                return None
            node = node.head
        return None

    def _closer_thing(self, start: int, end: int) -> bool:
        """Whether a singular common noun is subject or object between an actor and "it".

        Why: "von der Leyen welcomed the decision, saying it would deny Russia access": "it"
        is the decision, not the last state that was a subject; a nearer thing makes the
        pronoun ambiguous, and an ambiguous pronoun names nobody.
        """
        own = self.doc[end].sent.start
        if any(self._thing(t) and t.dep_ in ("nsubj", "nsubjpass", "dobj")
               for t in self.doc[max(start, own):end]):
            return True
        # Sentences between: their main subject ("The text faults Iran … . Crucially, it asks
        # Grossi …": the text, not the last state named)
        sent = self.doc[own - 1].sent if own > 0 else None
        while sent is not None and sent.end > start:
            if any(self._thing(t) and t.dep_ in ("nsubj", "nsubjpass") and t.head == sent.root
                   and t.i >= start and t.lower_ not in _person_nouns() for t in sent):
                # (a "professor said …" between is no "it")
                return True
            sent = self.doc[sent.start - 1].sent if sent.start > 0 else None
        return False

    def _thing(self, t: Token) -> bool:
        """A singular common noun that is no actor ("its navy" is the actor's own, so it is no
        rival antecedent; "his government" is, and so is "Thursday's decision": a date owns
        nothing)."""
        return (t.tag_ == "NN" and t.i not in self.by_token
                and not any(c.dep_ == "poss" and c.lower_ not in ("his", "her", "their")
                            and c.ent_type_ not in ("DATE", "TIME") for c in t.children))
