"""Gazetteer matches that are only part of a longer "X of Y" name go back to the NER.

Why: the gazetteer ruler runs before the statistical NER, so a registry name inside a longer
proper name ("the Alliance of Sahel States", "the Bank of China", "the University of Tokyo")
was fixed as an entity of its own and the NER could only tag the stump before it ("Alliance
of"). The model tags such names whole when left alone. This component, placed between the
ruler and the NER, takes a ruler entity that follows "<Capitalised word> of [the]" out of the
Doc and lets the NER decide; :func:`restore` (called by the actor resolver, after the NER)
puts back each one the NER left untagged, so no registry match is lost. A post title
("President of China", "Minister of …"), a state body ("Mission of China", read by the actor
resolver) and a sentence's first word ("Leaders of the BRICS group") keep the ruler's entity.
The same holds for an organisation's registry name right after a capitalised word ("Security
Council" in "Iran's Supreme National Security Council" is not the UN Security Council) and for
any registry name followed by a word such as "University" or "Daily" ("Peking University")
or, past another word, "Party" ("the Pakistan Peoples Party"),
for an organisation's name followed by "on"/"for" and a capitalised name ("the European
Council on Foreign Relations"), for a demonym inside a name ("the Grand Ethiopian
Renaissance Dam") and for a state's name after another capitalised word ("Rafael Montenegro",
"the Panama Canal Authority").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extraction.lexicon import post_titles, word_set
from kg.facts import MONTHS

#: Capitalised words after "on" that are dates, not names ("the Council on Monday").
DATE_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                         "sunday", *(m.lower() for m in MONTHS)})
#: ``doc.user_data`` key of the entities taken out: ``[start, end, label, ent_id]`` rows.
DROPPED = "kg_embedded_dropped"
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", "\n", "\n\n", '"', "“", "”", "—", "–"})


class EmbeddedNames:
    """Take ruler entities that sit inside a capitalised "X of [the] …" name, organisations'
    names that end a longer capitalised name and names an institution's name continues, out
    of the Doc."""

    def __init__(self) -> None:
        self.titles = frozenset(post_titles())
        titles = [t.split() for t in self.titles]
        # The word a post title ends with ("President", "Minister") or that takes "of" in one
        # ("Secretary of State"): a name after it is the post's holder or owner, kept as is.
        self.keep_before = frozenset(
            {t[-1] for t in titles}
            | {t[i - 1] for t in titles for i, w in enumerate(t) if w == "of" and i > 0}
        ) | word_set("collective_nouns.json", "institution_nouns")
        self.continuations = word_set("collective_nouns.json", "name_continuations")
        self.parties = word_set("collective_nouns.json", "political_body_heads")
        self.place_qualifiers = word_set("collective_nouns.json", "place_qualifiers")
        #: a state's own bodies after its name ("the Russia Congress", "US Army")
        self.state_bodies = word_set("collective_nouns.json", "state_body_heads") | {
            "congress", "treasury"}
        #: words after a capital that make a body of its state ("the Beijing Mission")
        self.bodies = (word_set("collective_nouns.json", "state_body_heads")
                       | word_set("collective_nouns.json", "organization_heads"))

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        starts = {e.start for e in ents}
        dropped = [e for e in ents if e.ent_id_ and (
            self._embedded(doc, e.start)
            or (e.label_ == "ORG" and (self._tail(doc, e.start) or self._on_name(doc, e.end)))
            or self._continued(doc, e.end, party_next=e.label_ != "NORP")
            or (e.label_ == "NORP" and self._inside(doc, e))
            or ((e.ent_id_.endswith("#metonym") or e.label_ == "LOC")
                and self._first_name(doc, e, starts) and doc[e.end].lower_ not in self.bodies)
            or (e.label_ == "GPE" and "#" not in e.ent_id_ and self._surname(doc, e)))]
        if dropped:  # "missing", not "outside": the NER may tag these tokens again
            doc.user_data[DROPPED] = [[e.start, e.end, e.label_, e.ent_id_] for e in dropped]
            doc.set_ents([e for e in ents if e not in dropped], missing=dropped,
                         default="unmodified")
            for e in dropped:  # a name the NER makes of these tokens must not inherit the id
                for t in e:
                    t.ent_id = 0
        return doc

    def _inside(self, doc: Doc, ent: Span) -> bool:
        """A demonym between two words of a name ("the Grand Ethiopian Renaissance Dam")."""
        return (ent.start > 0 and ent.end < len(doc) and self._name_word(doc, doc[ent.start - 1])
                and doc[ent.end].is_title and doc[ent.end].is_alpha)

    @staticmethod
    def _first_name(doc: Doc, ent: Span, starts: set[int]) -> bool:
        """A capital's name followed by a capitalised word that starts no other name: a
        person's first name ("Paraguay's president, Santiago Pena,") or a title's first word
        ("Washington Post"), not the state; the NER decides (and :func:`restore` keeps the
        city if the NER tags nothing there)."""
        nxt = doc[ent.end] if ent.end < len(doc) else None
        return (nxt is not None and len(ent) == 1 and nxt.is_title and nxt.is_alpha
                and nxt.i not in starts and nxt.lower_ not in DATE_WORDS
                and not doc[ent.start].is_sent_start
                and (ent.start == 0 or doc[ent.start - 1].text not in ("in", "from", "to")))

    def _surname(self, doc: Doc, ent: Span) -> bool:
        """A state's name right after a capitalised word that starts no name of ours, no
        place's name ("Inner Mongolia"), no post ("The U.S. Trade Representative") and no
        body of the state's ("The Russia Congress", "US Army"): a
        person's surname ("Rafael Montenegro, who advises …") or part of a body's name ("the
        Kenya Human Rights Commission", "Lucía Montenegro Vidal"); the NER decides, and
        :func:`restore` keeps the state if it tags nothing longer."""
        before = doc[ent.start - 1] if ent.start > 0 else None
        return (before is not None and self._name_word(doc, before, first_ok=True)
                and before.lower_ not in self.place_qualifiers
                and not before.lower_.endswith("ing")  # "Inviting Ukraine to join …"
                and (ent.end == len(doc) or doc[ent.end].lower_ not in self.state_bodies)
                and not any(doc[ent.end : ent.end + n].text.lower() in self.titles
                            for n in range(1, 4)))  # "The U.S. Trade Representative"

    def _continued(self, doc: Doc, end: int, party_next: bool = True) -> bool:
        """A name followed by a word that makes it an institution's ("Peking University"),
        or a party's ("the Colorado Party"; others after another word: "the Pakistan Peoples
        Party", not "US Congress")."""
        k = 0
        for tok in doc[end : end + 6]:  # "Moscow State University"
            if tok.text in ("'s", "’s", "and", "&") and k > 0:
                continue  # "the Tigray People's Liberation Front", "the Shanghai Petroleum
                # and Natural Gas Exchange" (not "Norway's Norges Bank": Norway owns it)
            if not (tok.is_title and tok.is_alpha) or k == 4:
                return False
            if tok.lower_ in self.continuations or (
                    (k > 0 or (party_next and tok.lower_ == "party"))
                    and tok.lower_ in self.parties):
                return True  # ("the Colorado Party" is Paraguay's party, not the US state;
                # not a demonym's: "the pro-Russian Party of Socialists")
            k += 1
        return False

    @staticmethod
    def _on_name(doc: Doc, end: int) -> bool:
        """An organisation's name followed by "on"/"for" and a capitalised name: "the
        European Council on Foreign Relations", "… on Refugees and Exiles" (not "the Council
        on Monday")."""
        return (end + 2 < len(doc) and doc[end].lower_ in ("on", "for")
                and doc[end + 1].is_title and doc[end + 1].is_alpha
                and doc[end + 1].lower_ not in DATE_WORDS
                and (doc[end + 2].is_title  # also "… on Refugees and Exiles"
                     or (doc[end + 2].lower_ in ("and", "&") and end + 3 < len(doc)
                         and doc[end + 3].is_title)))

    def _tail(self, doc: Doc, start: int) -> bool:
        """An organisation's registry name ending a longer capitalised one ("Iran's Supreme
        National Security Council" is not the UN's "Security Council", nor is the African
        Union's "Peace and Security Council")."""
        if start > 1 and doc[start - 1].lower_ in ("and", "&"):
            start -= 1  # "the AU's Peace and Security Council"
        return start > 0 and self._name_word(doc, doc[start - 1], first_ok=True)

    def _name_word(self, doc: Doc, head: Token, first_ok: bool = False) -> bool:
        """A capitalised word that continues a name: not a post title, not another name and
        (unless ``first_ok``) not a sentence's first word ("Leaders of the BRICS group")."""
        first = head.i == 0 or doc[head.i - 1].text.strip() in _SENTENCE_END or (
            doc[head.i - 1].is_space)
        return (head.is_title and head.is_alpha and (first_ok or not first)
                and head.lower_ not in self.keep_before and not head.ent_type_)

    def _embedded(self, doc: Doc, start: int) -> bool:
        j = start - 1
        while (j >= 0 and start - j <= 2 and doc[j].is_title and doc[j].is_alpha
               and not doc[j].ent_type_ and doc[j].lower_ not in ("the", "of", "for")):
            j -= 1  # "the Permanent Commission for the South Pacific": past "South"
        if j >= 0 and doc[j].lower_ == "the":
            j -= 1
        if j < 1 or doc[j].lower_ not in ("of", "for") or (
                doc[j].lower_ == "for" and j == start - 1):
            return False  # (a bare "for <name>" is read by :meth:`_on_name`)
        return self._name_word(doc, doc[j - 1])


#: NER labels that never name an actor: a registry name the NER tagged so goes back.
NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def restore(doc: Doc) -> None:
    """Put back the taken-out registry entities whose tokens the NER left untagged, tagged
    with a label no name has ("General Tiani of Niger", "Niger" as a DATE), or tagged only in
    pieces inside them ("Dennis Francis of Trinidad and Tobago" with "Trinidad" and "Tobago"
    tagged apart): the NER found no longer name there, which is all it was asked."""
    rows = doc.user_data.pop(DROPPED, None)
    if not rows:
        return
    back = []
    for s, e, label, ent_id in rows:
        hit = [ent for ent in doc.ents if ent.start < e and s < ent.end]
        if all(s <= ent.start and ent.end <= e for ent in hit) and (
                len(hit) > 1 or all(ent.label_ in NOT_NAMES for ent in hit)):
            back.append(Span(doc, s, e, label=label, span_id=ent_id))  # untagged, or a DATE
    if back:
        kept = [ent for ent in doc.ents
                if not any(ent.start < b.end and b.start < ent.end for b in back)]
        doc.set_ents(back + kept, default="unmodified")
