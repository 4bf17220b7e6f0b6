"""Partnerships: two or more actors that cooperate, with domains and a status.

Why: cooperation is expressed by a cue noun or verb ("cooperation", "ties", "joint patrol",
"exercise", "agreement"; "cooperate with") whose parties sit in fixed places: hyphenated or
compound modifiers ("NATO-Japan exercises"), a possessor ("China's ties with Russia"), a
"between X and Y" or "with Y" phrase, and the subject of the governing verb ("China completed
an exercise with Belarus"). Parties are collected only from those places. Modal or proposal
contexts ("could cooperate", "experts call for a partnership") give status ``proposed``; past
markers ("earlier cooperation") give ``past``. Domains come from ``domain_cues.json``.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extraction.actors import (
    GROUP_CLASSES,
    LOCATIVE_PREPS,
    ActorSpan,
    coordination_head,
    is_dateline,
)
from kg.extraction.context import (
    DocContext,
    companion_actors,
    declined,
    governing_verb,
    is_executive_body,
    is_negated,
    modal,
    prep_actors,
    requested,
    subject_actors,
)
from kg.extraction.evidence import sort_facts
from kg.extraction.lexicon import read_json, word_map, word_set
from kg.extraction.roles import acts_for
from kg.facts import (
    EntityClass,
    PartnershipDomain,
    PartnershipFact,
    PartnershipStatus,
    RoleFact,
)

NAME = "kg_partnership.v1"
_GROUP_PREPS = ("between", "among", "amongst")


#: Verbs that keep a partnership from existing, and verbs that end one.
_BLOCKING = frozenset({"block", "prevent", "obstruct", "veto", "oppose", "resist", "hinder",
                       "thwart"})
#: Adjectives that make an agreement noun each subject's own ("similar deals", "their own
#: agreements"), not one between the subjects ("a separate agreement" is one more between
#: the same parties).
_DISTRIBUTIVE = frozenset({"similar", "such", "comparable", "parallel", "respective", "own"})
_SEVERING = frozenset({"sever", "cut", "break", "end", "suspend", "freeze", "downgrade",
                       "terminate", "rupture"})
#: What belligerents agree to: a deal that ends fighting makes no partners of them.
_TRUCES = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})


class Cues:
    """Partnership cue words, loaded once."""

    def __init__(self) -> None:
        self.nouns = word_set("partnership_cues.json", "nouns")
        self.verbs = word_set("partnership_cues.json", "verbs")
        self.joint = word_set("partnership_cues.json", "joint_markers")
        self.joint_nouns = word_set("partnership_cues.json", "joint_nouns")
        self.party_verbs = word_set("partnership_cues.json", "party_verbs")
        self.relations_verbs = word_set("partnership_cues.json", "relations_verbs")
        #: verbs whose subject is a party to the pact in their object (signing, or ending it)
        self.subject_party_verbs = self.party_verbs | _SEVERING
        self.words = self.nouns | self.verbs | self.joint_nouns | {"relations"}
        self.hypothetical = word_set("partnership_cues.json", "hypothetical")
        self.proposal = word_set("partnership_cues.json", "proposal_verbs")
        self.proposal_nouns = word_set("partnership_cues.json", "proposal_nouns")
        self.past = word_set("partnership_cues.json", "past_markers")
        self.hostile = word_set("partnership_cues.json", "hostile_modifiers")
        self.relationship_nouns = word_set("partnership_cues.json", "relationship_nouns")
        self.domains = word_map("domain_cues.json")
        read_json("domain_cues.json")


def _key(span: ActorSpan) -> str | None:
    """Collectives of a named actor ("Chinese policymakers") count as that actor."""
    if span.kind == "collective" and span.group_of:
        return span.group_of
    return span.key


#: Nouns a named group's pact is called by ("the AUKUS pact" is AUKUS).
_PACT_NAMES = frozenset({"pact", "alliance", "partnership", "grouping", "format"})
#: Participles that make a modifying actor a third party ("a China-brokered deal").
_BROKERING = frozenset({"broker", "brokered", "mediate", "mediated", "facilitate",
                        "facilitated", "sponsor", "sponsored"})


def _modifiers(ctx: DocContext, noun: Token) -> list[ActorSpan]:
    """Actors among the left modifiers of a cue noun ("NATO-AP4 cooperation", "China's ties");
    a group alone before "pact" or "alliance" is the pact's name ("the AUKUS security pact"),
    no party of it."""
    out = _modifier_actors(ctx, noun)
    if (len(out) == 1 and out[0].cls in GROUP_CLASSES and noun.lemma_.lower() in _PACT_NAMES
            and ctx.doc[out[0].start].dep_ != "poss"):
        return []
    return out


def _modifier_actors(ctx: DocContext, noun: Token) -> list[ActorSpan]:
    out: list[ActorSpan] = []
    for child in noun.lefts:
        if child.dep_ == "poss" and child.lower_ == "its":  # "its treaty with the Philippines"
            span = ctx.actors.pronoun(child)
            if span is not None and span not in out:
                out.append(span)
        elif child.dep_ in ("compound", "nmod", "amod", "poss", "npadvmod"):
            if any(t.lemma_.lower() in _BROKERING for t in child.subtree):
                continue  # "a China-brokered deal": the broker is no party to it
            for t in child.subtree:
                span = ctx.actors.at(t)
                if span is not None and span not in out:
                    out.append(span)
    return out


#: Verbs that report a decision taken ("announced that they would restore relations").
_DECIDING = frozenset({"announce", "agree", "decide", "confirm", "pledge", "promise", "vow",
                       "say", "state", "declare"})


def _reported_future(verb: Token) -> bool:
    """ "Riyadh and Tehran announced that they would restore relations": "would" in a clause
    reported by a past decision or statement is the future of that past, not a hypothesis
    (unless the clause states a condition: "would restore relations if …")."""
    return (modal(verb) == "would" and verb.dep_ == "ccomp"
            and verb.head.lemma_.lower() in _DECIDING and verb.head.tag_ == "VBD"
            and modal(verb.head) is None
            and not any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children)
                        for c in verb.children))


def _no_longer(tok: Token) -> bool:
    """Whether ``tok`` is the "longer" of "no longer": what it modifies has ended."""
    return tok.lower_ == "longer" and any(c.lower_ == "no" for c in tok.children)


def _status(tok: Token, cues: Cues) -> PartnershipStatus:
    """Past if a past marker is near; proposed under a modal, a proposal verb or a proposal
    noun ("efforts to normalise …"), 5 arcs up."""
    node = tok
    for _ in range(5):
        if node.lower_ in cues.past or any(c.lower_ in cues.past or _no_longer(c)
                                           for c in node.children):
            return PartnershipStatus.PAST  # (also "no longer had any agreement with the bloc")
        if node.pos_ in ("VERB", "AUX") and (
            (modal(node) in cues.hypothetical and not _reported_future(node))
            or node.lemma_.lower() in cues.proposal
            or requested(node)  # "pressed Brazil to conclude the agreement with the EU"
        ):
            return PartnershipStatus.PROPOSED
        if node != tok and node.pos_ == "NOUN" and node.lemma_.lower() in cues.proposal_nouns:
            return PartnershipStatus.PROPOSED  # "efforts to normalise relations between …"
        if node.head == node:
            break
        node = node.head
    return PartnershipStatus.EXISTING


def _domains(tok: Token, cues: Cues) -> tuple[PartnershipDomain, ...]:
    """The domains the cue words in a partnership noun's phrase name, phrases of several words
    included ("a coast guard cooperation agreement" is maritime)."""
    tokens = list(tok.subtree)
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    words |= {c.lower_ for c in tok.head.children} if tok.head != tok else set()
    text = f" {' '.join(t.lower_ for t in tokens)} "
    found = {PartnershipDomain(domain) for cue, domain in cues.domains.items()
             if (cue in words if " " not in cue else f" {cue} " in text)}
    return tuple(sorted(found))


#: Arcs a partnership noun climbs to find its verb (also through conjuncts and appositions).
_TO_VERB = frozenset({"dobj", "pobj", "attr", "nsubjpass", "conj", "prep", "appos"})


def _party(span: ActorSpan, posts: dict[str, str | None]) -> str | None:
    """The key a party stands for: a person acts for the body they hold a post in, a state's
    executive body for its state."""
    if span.cls == EntityClass.PERSON or span.key in posts:
        return posts.get(span.key)
    if span.cls == EntityClass.ORGANIZATION and span.label.lower() in _BARE_INSTITUTIONS:
        return None  # "the United States would work with Congress": a state's own organ
    if span.kind == "institution" and span.group_of:
        # "Ma Zhaoxu and a Nicaraguan delegation signed a communiqué": the delegation's
        # state ("the Biden administration": the state of its head's post)
        return posts.get(span.group_of, span.group_of)
    return _key(span)


#: One-word names of a state's own institutions ("Congress", "Parliament"): named bare,
#: no international partner.
_BARE_INSTITUTIONS = word_set("collective_nouns.json", "organization_heads")


def _organs(ctx: DocContext) -> dict[str, str]:
    """Registry organisations that are a state's executive body -> that state ("The Pentagon
    has launched a review of the AUKUS security pact with Australia and Britain": the United
    States is the party, as a minister acts for the state)."""
    out = {}
    for s in ctx.actors.spans:
        actor = ctx.registry.actors.get(s.key)
        if s.cls == EntityClass.ORGANIZATION and is_executive_body(actor) and actor.country:
            out[s.key] = actor.country
    return out


def _located(ctx: DocContext, span: ActorSpan) -> bool:
    """A place named as where the story was filed or the act happened ("MANILA — …", "signed
    in Manila"), which is no party; "ties between China and Europe" keep Europe."""
    if span.cls not in (EntityClass.PLACE, EntityClass.REGION):
        return False
    root = coordination_head(ctx.doc[span.start : span.end].root)
    return is_dateline(ctx.doc[span.start : span.end]) or (
        root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS)


#: Nouns of talking that are a partnership's only when the parties hold them themselves.
_TALK_NOUNS = frozenset({"dialogue", "consultations"})
#: Past participles that put a third party in the middle of talks ("EU-facilitated").
_MEDIATING = ("facilitated", "mediated", "brokered", "sponsored")


def _mediated(noun: Token) -> bool:
    """Whether talks are described as held through a third party ("the EU-facilitated
    dialogue", "a UN-mediated dialogue", "talks mediated by Qatar")."""
    doc = noun.doc
    start = noun.left_edge.i
    words = [t.lower_ for t in doc[start : noun.i]]
    return (any(w.endswith(_MEDIATING) for w in words)
            or any(c.dep_ == "acl" and c.lower_ in _MEDIATING for c in noun.children))


def partnership_facts(
    ctx: DocContext, cues: Cues | None = None, roles: list[RoleFact] | None = None
) -> list[PartnershipFact]:
    """Partnership facts of one Doc (pure; sorted). Proposed ones are kept, marked.

    ``roles`` (this article's role facts) let "Secretary General Stoltenberg cultivated ties
    with X" count for the organisation he heads; persons without a known post are not parties.
    """
    cues = cues or Cues()
    persons = {s.key for s in ctx.actors.spans if s.cls == EntityClass.PERSON}
    posts = {key: acts_for(ctx, key, roles or []) for key in persons}  # once per person
    posts.update(_organs(ctx))
    out: set[PartnershipFact] = set()
    for tok in ctx.scan(cues.words):
        low, lemma = tok.lower_, tok.lemma_.lower()
        joint = any(c.lower_ in cues.joint for c in tok.children)
        is_noun = tok.pos_ in ("NOUN", "PROPN") and (
            low in cues.nouns or lemma in cues.nouns or (joint and low in cues.joint_nouns)
            or (low == "relations" and any(c.lower_ == "diplomatic" for c in tok.children))
            or (low == "relations" and tok.dep_ == "dobj"  # "normalised relations with Israel",
                and tok.head.lemma_.lower() in cues.relations_verbs | _SEVERING)  # "broke off"
        )
        is_verb = tok.pos_ == "VERB" and lemma in cues.verbs
        if not (is_noun or is_verb) or is_negated(tok):
            continue
        if is_noun and ctx.actors.at(tok) is not None:
            continue  # "joined the alliance": the noun names an organisation (membership)
        if is_noun and any(c.dep_ == "amod" and c.lower_ in cues.hostile for c in tok.children):
            continue  # "has had a tense relationship with the MAS": friction, no partnership
        if is_noun and lemma in _TALK_NOUNS and _mediated(tok):
            continue  # "the EU-facilitated dialogue between Belgrade and Pristina": parties
            # to a conflict a third one mediates, not partners
        # Side A: parties named as one group (modifiers, subjects, "between A and B");
        # side B: partners after "with". A with-phrase pairs each A with each B only.
        side_a: list[ActorSpan] = []
        side_b: list[ActorSpan] = []
        if is_noun:
            side_a += _modifiers(ctx, tok) + prep_actors(ctx, tok, _GROUP_PREPS)
            side_b += prep_actors(ctx, tok, ("with",))
            verb = governing_verb(tok, _TO_VERB)
            if verb is not None and verb.dep_ == "pcomp" and verb.head.lower_ in ("against",
                                                                                 "from"):
                continue  # "warned Niamey against deepening ties with Russia": not a fact
            if verb is not None and any(t.lemma_.lower() in _TRUCES for t in verb.subtree):
                continue  # "Israel and Hezbollah agreed to a ceasefire, in a deal …": foes
            if verb is not None and (verb.lemma_.lower() in _BLOCKING or declined(verb)):
                continue  # "Cyprus has blocked closer ties …", "refused to sign a deal"
            if verb is not None and is_negated(verb) and verb.lemma_.lower() in cues.party_verbs:
                continue  # "will not establish diplomatic relations with Israel unless …"
            # "Moscow has signed agreements with Mali, Niger and Burkina Faso": the partners
            # are all after "with"; the signer is side A.
            # "had no objection to cooperation between Pacific countries and their
            # partners": a "between" phrase that names actors names all the parties there
            # are ("cooperation between their armed forces" names none: the subject's)
            if verb is not None and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "into"):
                # "lifted relations with the United States to a comprehensive strategic
                # partnership": the partners hang on the relations being lifted
                for ties in (c for c in verb.children if c.dep_ == "dobj"
                             and c.lemma_.lower() in cues.relationship_nouns):
                    side_a += prep_actors(ctx, ties, _GROUP_PREPS)
                    side_b += prep_actors(ctx, ties, ("with",))
            between = bool(prep_actors(ctx, tok, ("between",)))
            if verb is not None and (len(side_a) + len(side_b) < 2 or not side_a):
                side_b += prep_actors(ctx, verb, ("with",))
                if (tok.dep_ in ("dobj", "pobj", "attr") or joint) and not between and (
                    verb.lemma_.lower() in cues.subject_party_verbs
                ):
                    # "Riyadh and Manama, joined by Cairo, cut relations with Doha"
                    side_a += subject_actors(ctx, verb) + companion_actors(ctx, verb)
                clause = verb
                subj_deps = ("nsubj", "nsubjpass")
                while clause.dep_ == "conj" and not any(
                    c.dep_ in subj_deps for c in clause.children
                ):
                    clause = clause.head
                for subj in (c for c in clause.children if c.dep_ in subj_deps):
                    side_a += prep_actors(ctx, subj, _GROUP_PREPS)  # "Relations between X and Y"
                    side_b += prep_actors(ctx, subj, ("with",))
            if (verb is not None and not side_a and side_b and tok.dep_ == "pobj"
                    and tok.head.lower_ == "under" and tok.head.head == verb
                    and not any(p.lower_ == "with" and p.nbor(-1).text == ","
                                for p in tok.children)):  # (", with Fiji … also sending")
                # "Australia deployed troops under a security treaty with the Solomon
                # Islands": who acts under a pact is a party to it
                side_a += subject_actors(ctx, verb)
            if verb is not None and tok.dep_ == "dobj" and tok.head == verb:
                # "upgraded ties with Japan in 2023 and with Australia in 2024": a "with"
                # the parser coordinated with another of the verb's phrases
                withs = [w for p in verb.children if p.dep_ == "prep" for w in p.conjuncts]
                side_b += [a for w in (*withs, *verb.conjuncts) if w.lower_ == "with"
                           for o in w.children if o.dep_ == "pobj"
                           for a in ctx.actors.conj_phrases(o)]
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.dep_ == "acl":
                owner = ctx.actors.of_phrase(tok.head.head.head)
                if owner is not None:
                    side_a.append(owner)
        else:
            if declined(tok):
                continue  # "declined to cooperate with the inquiry"
            side_a += subject_actors(ctx, tok) + prep_actors(ctx, tok, _GROUP_PREPS)
            side_b += prep_actors(ctx, tok, ("with",))
        side_a = [p for p in side_a if not _located(ctx, p)]
        side_b = [p for p in side_b if not _located(ctx, p)]
        if is_noun and not side_b and any(c.dep_ == "amod" and c.lower_ in _DISTRIBUTIVE
                                          for c in tok.children):
            continue  # "Britain and Japan have since negotiated similar deals" (each with a
            # third party): the subjects do not partner each other
        keys_a = sorted({k for p in side_a for k in [_party(p, posts)] if k})
        keys_b = sorted({k for p in side_b for k in [_party(p, posts)] if k} - set(keys_a))
        # Without side A, "cooperation with A, B and C" names only one side: nothing to pair.
        # "Japan has agreements with Australia and Britain" pairs Japan with each, not
        # Australia with Britain.
        groups = ([tuple(sorted((a, b))) for a in keys_a for b in keys_b] if keys_b
                  else [tuple(keys_a)])
        status = _status(tok, cues)
        if (is_noun and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _SEVERING
                and not is_negated(tok.head)):
            # "broke off ties with Taiwan": over now ("has not cut ties": still there)
            status = PartnershipStatus.PAST
        conf = 0.7 if status == PartnershipStatus.EXISTING else 0.5
        domains = _domains(tok, cues)
        for keys in groups:
            if len(keys) < 2:
                continue
            spans = [p for p in side_a + side_b if _party(p, posts) in keys]
            first = min([tok, *[ctx.doc[p.start] for p in spans]], key=lambda t: t.i)
            last = max([tok, *[ctx.doc[p.end - 1] for p in spans]], key=lambda t: t.i)
            if ctx.sents.index(first) != ctx.sents.index(last):
                first = last = tok
            ev = ctx.sents.token_evidence(first, last, conf, NAME)
            out.add(PartnershipFact(parties=keys, evidence=ev, domains=domains, status=status))
    _owned_allies(ctx, cues, out)
    return sort_facts(out)


#: "X's ally/partner" names the pair X–Y when Y is the noun's apposition, subject or name.
_ALLY_NOUNS = frozenset({"ally", "allies", "partner", "partners"})


def _owned_allies(ctx: DocContext, cues: Cues, out: set[PartnershipFact]) -> None:
    """ "Pakistan, China's closest ally," / "Pakistan is China's ally" / "Russia's partner
    Belarus" / "Belarus is a close ally of Russia": a state's own ally or partner is a party
    with it (an organisation's allies are its members, read by the membership rules)."""
    for tok in ctx.scan(_ALLY_NOUNS):
        if tok.pos_ != "NOUN" or is_negated(tok) or is_negated(tok.head):
            continue
        owners = [ctx.actors.at(c) for c in tok.children
                  if c.dep_ == "poss" and ctx.actors.at(c) is not None]
        if not owners:  # "Minsk, a close ally of Moscow", "a partner of both countries"
            owners = prep_actors(ctx, tok, ("of",))
        owners = [o for o in owners if o.cls == EntityClass.STATE and o.kind != "demonym"]
        if not owners:
            continue
        # "a former ally of Russia": past; "could become a partner of India": not yet (the
        # predicate's modal; an apposition is asserted whatever its clause's verb says)
        if tok.dep_ == "attr":
            status = _status(tok, cues)
        elif any(c.lower_ in cues.past for c in tok.children):
            status = PartnershipStatus.PAST
        else:
            status = PartnershipStatus.EXISTING
        if status == PartnershipStatus.PROPOSED:
            continue  # "could become a partner of India": no partnership yet
        domains = tuple(sorted({PartnershipDomain(cues.domains[c.lower_]) for c in tok.lefts
                                if c.lower_ in cues.domains}))  # "security partners"
        if tok.dep_ == "appos" or (tok.dep_ == "compound" and ctx.actors.at(tok.head)):
            other = ctx.actors.conj_phrases(tok.head)
        elif tok.dep_ == "attr":
            other = subject_actors(ctx, tok.head)
        else:
            other = [s for c in tok.children if c.dep_ == "appos"
                     for s in ctx.actors.conj_phrases(c)]
        for owner, party in ((o, p) for o in owners for p in other):
            if party.cls != EntityClass.STATE or party.key == owner.key:
                continue
            first = min(ctx.doc[owner.start], ctx.doc[party.start], tok, key=lambda t: t.i)
            last = max(ctx.doc[owner.end - 1], ctx.doc[party.end - 1], tok, key=lambda t: t.i)
            ev = ctx.sents.token_evidence(first, last, 0.6, NAME)
            out.add(PartnershipFact(parties=tuple(sorted((owner.key, party.key))), evidence=ev,
                                    domains=domains, status=status))
