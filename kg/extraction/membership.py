"""Memberships: which actor belongs to which organisation, alliance or group.

Why: membership is stated in a handful of explicit forms, each read from the parse:
"A and B joined the alliance" (join verbs), "NATO has added two new members (Finland and
Sweden)" (admit verbs with the new members named), "the Asia-Pacific 4 (Australia, Japan, ...)"
(a group followed by a bracketed enumeration), "partners of A, B and C" after a group name,
"A is a member of X", "A belongs to X", and a body described by its parts ("Mercosur, the bloc
made up of A, B and C", "the bloc led by A and B"). Implied membership ("a weak link in NATO")
is not attempted.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extraction.actors import GROUP_CLASSES, ActorSpan, coordination_head
from kg.extraction.context import (
    DocContext,
    agent_actors,
    companion_actors,
    declined,
    is_negated,
    joined_bodies,
    joined_in_act,
    modal,
    object_actors,
    prep_actors,
    requested,
    subject_actors,
)
from kg.extraction.evidence import sort_facts
from kg.extraction.lexicon import word_set
from kg.facts import EntityClass, MembershipFact, MembershipStatus

NAME = "kg_membership.v1"
_MEMBER_CLASSES = (
    EntityClass.STATE,
    EntityClass.ORGANIZATION,
    EntityClass.INTERNATIONAL_ORGANIZATION,
)


#: Join verbs that create the body: one actor creating a plain organisation (not an alliance,
#: group or international organisation) makes one of its own bodies, not a membership.
_FOUNDING_VERBS = frozenset({"form", "found", "establish", "co-found", "cofound", "create"})


#: Nouns of backing or seeking a membership named after their "for" ("support for
#: Palestine's full membership", "its bid for membership of the EU").
_BACKING_NOUNS = frozenset({"support", "backing", "call", "calls", "bid", "application",
                            "request", "push", "campaign", "quest", "candidacy"})
#: Nouns of asking to join, whose "to join X" makes their owner a candidate.
_BID_NOUNS = frozenset({"application", "bid", "request", "candidacy", "ambition", "aspiration",
                        "invitation", "push", "campaign", "effort", "attempt", "quest"})
#: Verbs that turn such a bid down ("declined an invitation to join BRICS").
#: (A bid another state blocks or vetoes is still pending: "Ukraine's bid to join NATO was
#: blocked by Hungary" leaves Ukraine a candidate.)
#: Verbs by which another state stands in the way of a membership ("block Kosovo's UN
#: membership"): the membership is sought, not held.
_BLOCKING_BIDS = frozenset({"block", "veto", "obstruct", "thwart", "stall"})
_TURNING_DOWN = frozenset({"decline", "reject", "refuse", "turn", "withdraw", "abandon", "drop",
                           "rebuff", "spurn"})


def _chaired(ctx: DocContext, out: _Out, verb: Token) -> None:
    """ "Indonesia, which chairs ASEAN this year", "Hungary holds the rotating presidency of
    the EU Council", "France, which holds the Council presidency": a state that chairs a body
    is one of its members."""
    chair_nouns = word_set("membership_cues.json", "chair_nouns")
    bodies: list[ActorSpan] = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if verb.lemma_.lower() != "hold":
            bodies += [a for a in ctx.actors.conj_phrases(obj) if _is_org(a)]
        elif obj.lemma_.lower() in chair_nouns:  # "holds the (rotating) presidency of X"
            bodies += _bodies_in(ctx, obj, ("of",)) + [
                a for c in obj.lefts if c.dep_ in ("compound", "nmod", "poss")
                for a in [ctx.actors.at(c)] if _is_org(a)]
    states = [s for s in subject_actors(ctx, verb) if s.cls == EntityClass.STATE
              and s.kind != "demonym"]
    for org in bodies:
        out.add(states, org, verb, ctx.doc[org.end - 1], 0.7)


def _passive_subjects(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """The actors a passive verb's subject names ("Finland and Sweden were admitted")."""
    return [a for c in verb.children if c.dep_ == "nsubjpass"
            for a in ctx.actors.conj_phrases(c)]


def _is_org(span: ActorSpan | None) -> bool:
    return span is not None and span.cls in GROUP_CLASSES and span.kind != "demonym"


def _aspired(verb: Token, aspirations: frozenset[str]) -> bool:
    """A join that is hoped for or still to come: "applied to join", "is expected to join",
    "would join", "will join" (the annotators' membership, recorded as a candidacy)."""
    if modal(verb) is not None:
        return True
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in aspirations


def _counterfactual(verb: Token) -> bool:
    """ "would not have joined ... if X had not invaded": a negated counterfactual asserts it."""
    return any(
        c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) and is_negated(c)
        for c in verb.children
    )


#: Dashes that set off a list as brackets do ("the G7 -- Britain, Canada, … -- will use").
_DASHES = frozenset({"--", "—", "–"})


def _enumeration(ctx: DocContext, open_i: int, sent: Span) -> tuple[list[ActorSpan], int]:
    """Actors listed inside brackets (or dashes, or after a colon to the sentence's end)
    starting at token ``open_i``; (actors, closing index)."""
    doc = ctx.doc
    closing = (_DASHES if doc[open_i].text in _DASHES
               else frozenset({";"}) if doc[open_i].text == ":" else frozenset({")"}))
    found: list[ActorSpan] = []
    i = open_i + 1
    while i < sent.end and doc[i].text not in closing:
        span = ctx.actors.at(doc[i])
        if span is not None:
            if span not in found:
                found.append(span)
            i = span.end
            continue
        if doc[i].lower_ not in (",", "and", "or", "the") and doc[i].is_alpha:
            return [], i
        i += 1
    return found, i


class _Out:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.facts: set[MembershipFact] = set()

    def add(
        self, members: list[ActorSpan], org: ActorSpan, first: Token, last: Token, conf: float,
        status: MembershipStatus | None = None,
    ) -> None:
        self.add_to(members, org.key, first, last, conf, status)

    def add_to(
        self, members: list[ActorSpan], org: str, first: Token, last: Token, conf: float,
        status: MembershipStatus | None = None,
    ) -> None:
        """:meth:`add` for a body known by its key only (one read in an earlier fact)."""
        sents, doc = self.ctx.sents, self.ctx.doc
        if members and sents.index(first) != sents.index(last):
            # the body named by a pronoun or a reference in an earlier sentence ("The OTS met
            # … . It was founded in 2009 by A, B and C"): the evidence is the members' sentence
            lo, hi = doc[min(m.start for m in members)], doc[max(m.end for m in members) - 1]
            if sents.index(lo) == sents.index(hi):
                first, last = lo, hi
        ev = sents.token_evidence(first, last, conf, NAME)
        extra = {"status": status} if status is not None else {}
        for m in members:
            key = m.key
            if key and key != org and m.cls in _MEMBER_CLASSES:
                self.facts.add(MembershipFact(member=key, organization=org, evidence=ev, **extra))


def membership_facts(ctx: DocContext) -> list[MembershipFact]:
    """Membership facts of one Doc (pure; sorted)."""
    joins = word_set("membership_cues.json", "join_verbs")
    admits = word_set("membership_cues.json", "admit_verbs")
    member_nouns = word_set("membership_cues.json", "member_nouns")
    group_nouns = word_set("membership_cues.json", "group_nouns")
    aspirations = word_set("membership_cues.json", "aspiration_verbs")
    out = _Out(ctx)
    doc = ctx.doc
    belongs = word_set("membership_cues.json", "belong_verbs")
    chairs = word_set("membership_cues.json", "chair_verbs")
    words = (joins | admits | belongs | chairs | {"hold", "holds", "held", "holding"}
             | _FOUNDING_ACTS | _BRINGING | group_nouns
             | {"member", "members", "membership", "(", "observer", "observers"})
    words |= _DASHES
    for tok in ctx.scan(words):
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and (lemma in chairs or lemma == "hold") and not is_negated(tok):
            _chaired(ctx, out, tok)
        if tok.pos_ == "VERB" and lemma in belongs and not is_negated(tok) and not any(
                c.lower_ == "longer" or (c.dep_ == "aux" and c.lower_ in _NORMATIVE)
                for c in tok.children):  # ("Russia should no longer belong to it": an end)
            for org in prep_actors(ctx, tok, ("to",), allow_poss=False):
                if _is_org(org):  # "India also belongs to the SCO" ("… alongside Russia",
                    # which the parser may hang on the body)
                    members = (subject_actors(ctx, tok) + companion_actors(ctx, tok)
                               + companion_actors(ctx, doc[org.start : org.end].root))
                    out.add(members, org, tok, doc[org.end - 1], 0.75)
        elif tok.pos_ == "VERB" and lemma in joins:
            if (is_negated(tok) and not _counterfactual(tok)) or declined(tok) or joined_in_act(
                    tok):
                continue  # "has refused to join the union", "no intention of joining",
                # "joined ECOWAS in calling for his release"
            orgs = joined_bodies(ctx, tok)
            askers = {a.key for a in subject_actors(ctx, tok.head)} if requested(tok) else set()
            if askers and not askers & {o.key for o in orgs}:
                continue  # "Human Rights Watch, who urged Manila to rejoin the ICC": a third
                # party's wish is no membership of any kind ("NATO wants Sweden to join the
                # alliance", the body's own invitation, and "were invited to join BRICS" are
                # candidacies)
            members = subject_actors(ctx, tok) or _left_subjects(ctx, tok)
            members += companion_actors(ctx, tok)  # "joined BRICS together with Iran and Egypt"
            if not orgs:  # "the enlargement of BRICS, which Iran joined", else a passive:
                # "BRICS, founded by Brazil, … and joined by South Africa"
                relative = _relative_object(ctx, tok)
                orgs, members = (relative, members) if relative else _passive_join(ctx, tok)
            status = (MembershipStatus.CANDIDATE
                      if _aspired(tok, aspirations) and not _counterfactual(tok) else None)
            if tok.dep_ == "acl" and tok.head.lemma_.lower() in _BID_NOUNS:
                # "Kosovo's application to join the Council of Europe": a candidacy of the
                # noun's owner, unless it is turned down ("declined an invitation to join")
                bid = tok.head
                verb = bid.head if bid.dep_ in ("dobj", "nsubjpass") else None
                if verb is not None and (declined(verb) or is_negated(verb)
                                         or verb.lemma_.lower() in _TURNING_DOWN):
                    continue
                owner = ctx.actors.of_phrase(bid)
                members = [owner] if owner is not None and owner.start < bid.i else []
                status = MembershipStatus.CANDIDATE
            for org in orgs:
                if not _is_org(org) or (lemma in _FOUNDING_VERBS and len(members) < 2
                                        and org.cls == EntityClass.ORGANIZATION):
                    continue  # "Russia re-established the Leningrad Military District": a body
                out.add(members, org, tok, doc[org.end - 1], 0.8, status)
        elif tok.pos_ == "VERB" and lemma in _FOUNDING_ACTS and not is_negated(tok):
            # "Australia, the UK and the US announced the AUKUS security pact": its founders
            for obj in (c for c in tok.children if c.dep_ == "dobj"
                        and c.lemma_.lower() in _PACT_NOUNS and ctx.actors.at(c) is None):
                names = [ctx.actors.at(t) for t in obj.subtree if t.i < obj.i
                         and t.dep_ in ("compound", "nmod", "amod")]
                org = next((n for n in names if _is_org(n)), None)  # "the AUKUS security pact"
                if org is not None:
                    out.add(subject_actors(ctx, tok), org, tok, obj, 0.7)
        elif tok.pos_ == "VERB" and lemma in admits and not is_negated(tok):
            if lemma in _ADMIT_STATES and any(c.dep_ == "nsubjpass" for c in tok.children):
                # "Russia was admitted to the Council of Europe in 1996", "the African Union
                # was admitted as a permanent member of the Group of 20"
                states = [s for s in _passive_subjects(ctx, tok) if s.cls in _MEMBER_CLASSES]
                for org in (prep_actors(ctx, tok, ("to", "into"), allow_poss=False)
                            + _as_member_of(ctx, tok, member_nouns)):
                    if _is_org(org) and all(org.key != m.key for m in states):
                        out.add(states, org, tok, doc[org.end - 1], 0.75)
                continue
            orgs = [o for o in subject_actors(ctx, tok) if _is_org(o)]
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                if lemma in _ADMIT_STATES and ctx.actors.at(obj) is not None:
                    # "BRICS admitted Egypt, Ethiopia, Iran and the UAE"
                    states = [s for s in ctx.actors.conj_phrases(obj) if s.cls == EntityClass.STATE]
                    for org in orgs:
                        out.add(states, org, tok, obj.right_edge, 0.75)
                    continue
                if obj.lower_ not in member_nouns:
                    continue
                members = [s for s in ctx.actors.in_subtree(obj) if s.cls == EntityClass.STATE]
                for org in orgs:
                    out.add(members, org, tok, obj.right_edge, 0.8)
        elif tok.pos_ == "VERB" and lemma in _BRINGING and not is_negated(tok):
            # "helped bring Poland, Hungary and the Czech Republic into NATO", "led Croatia
            # into the EU": the object's states became members of the "into" body
            orgs = [o for o in prep_actors(ctx, tok, ("into",), allow_poss=False) if _is_org(o)]
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                states = [s for s in ctx.actors.conj_phrases(obj) if s.cls == EntityClass.STATE]
                for org in orgs:
                    out.add(states, org, tok, obj.right_edge, 0.7)
        elif tok.text == "(" or tok.text in _DASHES:
            _bracketed(ctx, out, tok)
        elif tok.lower_ in group_nouns and tok.pos_ == "NOUN":
            _partners_of(ctx, out, tok)
        if tok.lower_ in ("member", "members"):
            # (also "members": "A and B, both members of X", after the group-noun rule)
            _member_of(ctx, out, tok, aspirations)
        elif tok.lower_ in ("observer", "observers") and tok.pos_ == "NOUN":
            _observer_of(ctx, out, tok)
        elif tok.lower_ == "membership" and tok.pos_ == "NOUN":
            _owned_membership(ctx, out, tok, aspirations)
    _member_appositions(ctx, out)
    _composition(ctx, out, word_set("membership_cues.json", "composition_words"))
    _led_adjective(ctx, out)
    _named_group_of(ctx, out)
    _left(ctx, out)
    _suspended(ctx, out)
    _status_granted(ctx, out)
    _elided_joins(ctx, out, joins)
    return sort_facts(out.facts)


#: Modals that say what ought to be, not what is ("Russia should belong to …").
_NORMATIVE = frozenset({"should", "must", "ought"})


#: Verbs that end or hold back a membership named as their object ("ended its membership
#: of …", "froze its membership"): no membership read from them.
_ENDING_MEMBERSHIP = frozenset({"end", "renounce", "terminate", "quit", "abandon", "relinquish",
                                "give", "suspend", "freeze", "revoke", "lose", "forfeit",
                                "cancel", "withdraw", "reconsider", "review", "question"})


#: Verbs by which a state obtains or keeps a membership named as their object ("gained full
#: membership of Mercosur").
_GAINING = frozenset({"gain", "obtain", "win", "secure", "receive", "achieve", "attain",
                      "acquire", "keep", "retain", "hold", "take"})


#: Of those, the verbs of a membership already held: "will keep its membership" is no
#: candidacy, whatever the modal.
_KEEPING = frozenset({"keep", "retain", "hold"})


def _owned_membership(ctx: DocContext, out: _Out, tok: Token,
                      aspirations: frozenset[str]) -> None:
    """ "Bolivia will keep its membership of the Andean Community", "Armenia's membership in
    the EAEU": the possessor is a member of the body after "of"/"in"; a candidate when the
    membership is sought ("seeks membership"), none when it is ended or frozen."""
    if tok.dep_ == "compound" or is_negated(tok):
        return
    # "Kosovo's UN membership in the Security Council": the body before the noun is the
    # one joined; the "in" phrase is then where it is decided
    orgs = [s for c in tok.children if c.dep_ == "compound" for s in [ctx.actors.at(c)]
            if _is_org(s)] or [
        s for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
        for o in p.children if o.dep_ == "pobj" for s in [ctx.actors.at(o)] if _is_org(s)]
    verb = tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") else None
    while verb is not None and verb.pos_ == "ADP" and verb.head != verb:
        verb = verb.head  # "a drift that has strained its membership of …", "applied for …"
    if verb is not None and verb.pos_ == "NOUN" and verb.lemma_.lower() in _BACKING_NOUNS:
        # "support for Palestine's full membership of the UN", "its bid for membership": a
        # membership sought, not held
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        members = [ctx.actors.at(owner)] if owner is not None else [ctx.actors.of_phrase(verb)]
        states = [m for m in members if m is not None and m.cls == EntityClass.STATE]
        for org in orgs:
            out.add(states, org, tok, ctx.doc[org.end - 1], 0.7, MembershipStatus.CANDIDATE)
        return
    lemma = verb.lemma_.lower() if verb is not None and verb.pos_ in ("VERB", "AUX") else ""
    if lemma in _ENDING_MEMBERSHIP or lemma in _LEAVING or (lemma and is_negated(verb)):
        return
    sought = bool(lemma) and (lemma in aspirations or lemma in _BLOCKING_BIDS or (
        lemma not in _KEEPING and _aspired(verb, aspirations)))  # "will keep it": still held
    # (one another state blocks is still sought: "will block Kosovo's UN membership")
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None:
        members = [ctx.actors.at(owner) or (
            ctx.actors.pronoun(owner) if owner.lower_ in ("its", "their") else None)]
    elif sought or lemma in _GAINING:  # "Georgia applied for membership of the EU"
        members = subject_actors(ctx, verb)
    else:
        return
    if not sought:  # "its membership of the Quad with the United States, Japan and
        # Australia": the states it shares the body with belong to it too
        members += [s for p in tok.children if p.dep_ == "prep" and p.lower_ == "with"
                    for o in p.children if o.dep_ == "pobj" for s in ctx.actors.conj_phrases(o)]
    states = [m for m in members if m is not None and m.cls == EntityClass.STATE]
    status = MembershipStatus.CANDIDATE if sought else None
    for org in orgs:
        out.add(states, org, tok, ctx.doc[org.end - 1], 0.7, status)


def _apposed(ctx: DocContext, noun: Token) -> list[ActorSpan]:
    """The actors an apposition ``noun`` describes: the whole list for a plural noun ("A and
    B, both members of X"), only the item it is set beside for a singular one ("joined by
    Russia, Belarus, … and Hungary, the only EU member to vote no": Hungary alone)."""
    if noun.tag_ in ("NNS", "NNPS") or any(c.lower_ == "both" for c in noun.lefts):
        return ctx.actors.conj_phrases(noun.head)
    # the item right before the comma, wherever the parser hung it
    span = _named_before_comma(ctx, noun) or ctx.actors.of_phrase(noun.head)
    return [span] if span is not None else []


def _predicate_member(tok: Token) -> Token | None:
    """The "member" noun that says whose membership ``tok`` states: ``tok`` itself as an
    attribute or apposition, the first of a list ("a founding member of BRICS and a full
    member of the SCO"), or, for an apposition the parser hung on the partners after "with"
    ("is a member of the Quad with the US, Japan and Australia, a founding member of BRICS"),
    the "member" noun that "with" belongs to. None when it is no predicate."""
    node = tok
    while node.dep_ == "conj" and node.head.lower_ in ("member", "members"):
        node = node.head
    if node.dep_ == "conj" and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                   for c in node.children):
        # "Croatia, a nation of 3.9 million people and a member of NATO": a second
        # description, joined to the first or (by the parser) to the first one's "of" object
        first = node.head
        if first.dep_ == "pobj" and first.head.lower_ == "of":
            first = first.head.head
        if first.dep_ in ("attr", "appos"):
            return first
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        prep = node.head
        if (prep.lower_ == "of" and prep.head.lower_ in _COUNTS
                and prep.head.dep_ in ("attr", "appos")):
            return prep.head  # "A is one of the founding members of X", "A, one of …"
        if prep.lower_ == "among" and (prep.head.lemma_ == "be" or _with_phrase(prep.head)):
            return prep  # "A and B are among the members of X", "with A among its members"
        return None
    if node.dep_ not in ("attr", "appos"):
        return None
    partners = node.head
    if (node.dep_ == "appos" and partners.dep_ == "pobj" and partners.head.lower_ == "with"
            and partners.head.head.lower_ in ("member", "members")
            and partners.head.head.dep_ in ("attr", "appos")):
        return partners.head.head
    return node


#: Verbs that end the state their "to be" clause names ("ceases to be a member").
_CEASING = frozenset({"cease", "stop"})

#: Counts before "of the members of X" that make each listed actor a member ("one of").
_COUNTS = frozenset({"one", "two", "three", "four", "five", "six"})


#: Ordinals that rank a member among those doing something ("the first member … to leave").
_RANKING = frozenset({"first", "second", "third", "last", "only"})


def _ranked_doer(member: Token, verb: Token) -> bool:
    """Whether "member" is ranked among members doing something: "Hungary will become the
    first member of the European Union to leave a court" is a member already, whatever it
    will become, so no candidacy."""
    return any(c.dep_ == "amod" and c.lower_ in _RANKING for c in member.children) and any(
        x.dep_ in ("xcomp", "acl", "relcl") and any(a.lower_ == "to" for a in x.children)
        for x in (*member.children, *verb.children))


def _with_phrase(verb: Token) -> Token | None:
    """The object of ``verb``'s "with" phrase ("founded in 1971, *with* Australia and New
    Zealand among its original members")."""
    return next((p for w in verb.children if w.dep_ == "prep" and w.lower_ == "with"
                 for p in w.children if p.dep_ == "pobj"), None)


def _observer_of(ctx: DocContext, out: _Out, tok: Token) -> None:
    """ "Turkmenistan is an observer in the SCO", "Mongolia, an observer of the SCO,",
    "Mongolia takes part as an observer in the SCO": an observer's status in the body."""
    if tok.dep_ == "attr":
        verb = tok.head
        members = subject_actors(ctx, verb)
    elif tok.dep_ == "appos":
        verb = tok.head
        members = _apposed(ctx, tok)
    elif tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ in ("VERB",
                                                                                   "AUX"):
        verb = tok.head.head  # "takes part as an observer in …", "joined as observers"
        members = subject_actors(ctx, verb)
    else:
        return
    if is_negated(verb):
        return
    preps = ("in", "of", "at", "to")
    orgs = prep_actors(ctx, tok, preps, allow_poss=False) or (
        prep_actors(ctx, verb, ("in", "at", "to"), allow_poss=False) if tok.dep_ == "pobj"
        else [])
    for org in orgs:
        if _is_org(org):
            out.add([m for m in members if m.key != org.key], org, tok, ctx.doc[org.end - 1],
                    0.7, MembershipStatus.OBSERVER)


def _member_of(ctx: DocContext, out: _Out, tok: Token, aspirations: frozenset[str]) -> None:
    """ "A is a member of X", "A and B, both members of X", "A, a member of X", "A is one
    of the members of X", "A and B are among X's members"."""
    node = _predicate_member(tok)
    if node is None:
        return
    if node == tok:
        _of_which(ctx, out, tok)
    predicate = node.dep_ == "attr" or (node.lower_ == "among" and node.head.lemma_ == "be")
    if predicate:
        members = subject_actors(ctx, node.head)
    elif node.lower_ == "among":
        listed = _with_phrase(node.head)
        members = ctx.actors.conj_phrases(listed) if listed is not None else []
    else:
        members = _apposed(ctx, node)
    if node == tok:  # "a member of the Quad with the US, Japan and Australia": all four
        members = members + prep_actors(ctx, tok, ("with",))
    status = (MembershipStatus.CANDIDATE  # "would like Turkey to become a member"
              if predicate and _aspired(node.head, aspirations)
              and not _ranked_doer(tok, node.head) else None)
    if predicate and node.head.dep_ == "xcomp" and node.head.head.lemma_.lower() in _CEASING:
        status = MembershipStatus.FORMER  # "decided that Russia ceases to be a member"
    ofs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    if ofs:  # "a member of the Arab League since 1974 and of IGAD": the parser hangs the
        # second "of" on "since"; both bodies are the member's
        ofs += [t for prep in list(ofs) for t in tok.doc[prep.right_edge.i + 1: tok.sent.end]
                if t.lower_ == "of" and ((t.dep_ == "conj" and t.head.dep_ == "prep"
                                          and t.head.head in (tok, node.head))
                                         # "is a member of BRICS and of the SCO": the
                                         # second "of" hung on the verb
                                         or (t.dep_ == "prep" and t.head == node.head
                                             and t.head != tok
                                             and tok.doc[t.i - 1].lower_ == "and"))]
    found = [(s, prep.right_edge) for prep in ofs for p in prep.children
             for s in ctx.actors.conj_phrases(p)]
    if ofs:  # "a member of the Russian-led Eurasian Economic Union and the CSTO": the parser
        # hangs the second body on "member", or the first on the second as a modifier with
        # its own "and" ("… Union and Collective Security Treaty Organization")
        found += [(s, c) for c in tok.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                  for s in [ctx.actors.at(c)] if s is not None and _is_org(s)]
        found += [(s, prep.right_edge) for prep in ofs for p in prep.children
                  for c in p.children if c.dep_ in ("nmod", "compound")
                  and any(g.dep_ == "cc" for g in c.children)
                  for s in [ctx.actors.at(c)] if s is not None and _is_org(s)]
    if not ofs and node != tok:  # "among the forum's members", "among its members"
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        org = ctx.actors.of_phrase(tok) if owner is not None else None
        found = [(org, tok)] if org is not None else []
    for org, end in found:
        if _is_org(org) and not is_negated(node.head):
            out.add(members, org, tok, end, 0.75, status)


#: Verbs of leaving a body: "left the organisation", "quit ECOWAS", "withdrew from the EU".
_LEAVING = frozenset({"leave", "quit", "exit", "withdraw"})
#: Verbs of a body putting a member out ("Russia was expelled from the Council of Europe").
_EXPELLING = frozenset({"expel", "oust", "eject", "throw", "kick"})
#: Verbs of a body barring a member for a time ("the AU suspended Niger").
_SUSPENDING = frozenset({"suspend"})


#: How many sentences back a join with no object looks for the body, if only one body's
#: memberships are read there ("Sweden joined NATO … Finland joined in April 2023").
_JOIN_REACH = 5


#: Verbs whose completed passive, with no body named, is an elided join ("Finland was
#: admitted on 4 April 2023"); "welcomed" and "accepted" have too many other senses.
_ADMITTED = frozenset({"admit", "induct"})


#: Verbs of joining a body that exists (not of founding one).
_JOINING = frozenset({"join", "accede", "rejoin", "become", "apply"}) | _ADMITTED


#: Prepositions of when and where a join took place ("joined in 2017 at a summit").
_SETTINGS = frozenset({"in", "on", "as", "at"})


def _elided_joins(ctx: DocContext, out: _Out, joins: frozenset[str]) -> None:
    """A join with its body left out, right after a membership: "Finland became NATO's 31st
    member, and Sweden followed as the 32nd", "… were invited to join BRICS. The UAE joined
    in January 2024"; an application with its body left out makes a candidate ("Sweden and
    Finland applied in May 2022"); so is a completed passive admission ("Finland was admitted
    on 4 April 2023"). Only a completed act with no object, by a state, whose
    sentence or the one before holds a membership read earlier, or whose last five sentences
    hold memberships of one body only: that body is the one joined."""
    verbs = joins | {"follow", "apply", "become"} | _ADMITTED
    for verb in ctx.scan(verbs):
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in verbs:
            continue
        # "Iran became a full member in July 2023": "become" with a bare "member"
        bare = lemma == "become" and _bare_member(verb)
        if lemma == "become" and not bare:
            continue
        if lemma == "follow" and any(t.lemma_.lower() in _LEAVING
                                     for t in ctx.sents.sent(verb) if t.i < verb.i):
            continue  # "Lithuania left it in 2021 and Estonia and Latvia followed": a leave
        # "Algeria was admitted this year": a completed passive admission
        admitted = lemma in _ADMITTED and verb.tag_ == "VBN" and any(
            c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
        if lemma in _ADMITTED and not admitted:
            continue
        # "Azerbaijan has now applied to join too": an application, its body left out
        applied = (lemma in joins and verb.dep_ == "xcomp" and verb.head.lemma_ == "apply"
                   and verb.head.tag_ in ("VBD", "VBN") and not is_negated(verb.head)
                   and modal(verb.head) is None)
        if ((verb.pos_ != "VERB" and not bare) or is_negated(verb)
                or declined(verb) or (modal(verb) is not None and not applied)
                or (verb.tag_ != "VBD" and not admitted and not applied)
                or any((c.dep_ == "xcomp" or (c.dep_ == "ccomp" and c.i > verb.i))
                       or (c.dep_ in ("dobj", "attr", "prep") and c.lower_ not in _SETTINGS
                           and not (bare and c.dep_ == "attr"))
                       for c in verb.children)):  # "applied to join the EU": read elsewhere
            continue  # (a clause before a colon is no object: "It grew: India joined in 2017")
        subjects = (_passive_subjects(ctx, verb) if admitted
                    else subject_actors(ctx, verb.head if applied else verb))
        # gapped: "India and Pakistan joined in 2017, Iran in 2023 and Belarus this year"
        subjects += [s for c in verb.children if c.dep_ == "npadvmod"
                     for s in ctx.actors.conj_phrases(c) if c.i > verb.i]
        members = [m for m in subjects if m.cls == EntityClass.STATE]
        if not members:
            continue
        sent = ctx.sents.sent(verb)
        i = ctx.sents.index(sent[0])
        since = ctx.sents.sents[i - 1].start_char if i > 0 else sent.start_char
        far = ctx.sents.sents[max(0, i - _JOIN_REACH)].start_char
        joiners = {m.key for m in members}
        # "BRICS grew this year when Egypt, Ethiopia and Iran joined": the one body the
        # clause the join hangs from is about
        main = (next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if verb.dep_ in ("advcl", "relcl") else None)  # ("… of this year when …")
        hosts = {s.key: s for s in (subject_actors(ctx, main) if main is not None else [])
                 if s.cls in GROUP_CLASSES and s.key not in joiners}
        if len(hosts) == 1 and not applied:
            out.add_to(members, next(iter(hosts)), verb, verb, 0.6,
                       MembershipStatus.CANDIDATE if lemma == "apply" else None)
            continue
        before = [f for f in out.facts  # a member's own application is its back story
                  if far <= f.evidence.start < verb.idx
                  and (f.member not in joiners or lemma == "apply" or applied)]
        near = [f for f in before if f.evidence.start >= since]
        if not before:
            # "How did BRICS start? … Indonesia became the tenth full member": with no
            # membership read before, the one group the five sentences before name (a join,
            # not a founding: "the land China created" has its object elsewhere)
            if lemma not in _JOINING and not applied:
                continue
            groups = {s.key for s in ctx.actors.spans
                      if s.cls in GROUP_CLASSES and s.key in ctx.registry.actors
                      and far <= ctx.doc[s.start].idx < sent.start_char}
            # (not its own sentence's: "Japan criticised NATO after Finland joined" is
            # about Japan, the body the clause hangs from would have been read above)
            if len(groups) == 1:
                out.add_to(members, groups.pop(), verb, verb, 0.55,
                           MembershipStatus.CANDIDATE if lemma == "apply" or applied else None)
            continue
        if not near and len({f.organization for f in before}) != 1:
            continue  # further back, only a body that is the one joined in all that text
        last = max(near or before, key=lambda f: f.evidence.start)
        status = last.status if last.status == MembershipStatus.MEMBER else None
        if lemma == "apply" or applied:  # "Sweden and Finland applied in May 2022": candidates
            status = MembershipStatus.CANDIDATE
        out.add_to(members, last.organization, verb, verb, 0.6, status)


def _bare_member(verb: Token) -> bool:
    """Whether "become" has "member" as its attribute with no body ("became a full member"),
    not "a member of X" or "NATO's 31st member" (read by the other rules)."""
    def names_body(g: Token) -> bool:  # "NATO's", "of X", "in the union" (not "in 2023")
        if g.dep_ == "poss":
            return True
        if g.dep_ != "prep" or g.lower_ not in ("of", "in", "to"):
            return False
        return not (g.lower_ == "in" and any(d.ent_type_ == "DATE" for d in g.subtree))

    return any(c.dep_ == "attr" and c.lower_ == "member"
               and not any(names_body(g) for g in c.children) for c in verb.children)


def _left(ctx: DocContext, out: _Out) -> None:
    """A state that has left a body, or was expelled from it, is a former member ("Venezuela
    left the organisation in 2019"; :func:`_expelled`). Leaving that is not complete ("are
    withdrawing from ECOWAS", "threatened to leave the EU", "did not leave") presupposes a
    membership that still holds: a full member, at lower confidence."""
    doc = ctx.doc
    verbs = _LEAVING | _EXPELLING
    for verb in ctx.scan(verbs):
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in verbs:
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        done = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)) or (
            passive and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children))
        done = done and not is_negated(verb) and not modal(verb)
        status, conf = ((MembershipStatus.FORMER, 0.75) if done
                        else (MembershipStatus.MEMBER, 0.6))
        if lemma in _EXPELLING:
            _expelled(ctx, out, verb, passive, status, conf)
            continue
        if lemma == "withdraw":
            orgs = prep_actors(ctx, verb, ("from",), allow_poss=False)
            heads = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                     for o in p.children if o.dep_ == "pobj"]
        else:
            orgs = object_actors(ctx, verb, allow_poss=False)
            heads = [o for o in verb.children if o.dep_ == "dobj"]
        heads += [c for h in heads for c in h.conjuncts]
        members = [m for m in subject_actors(ctx, verb) if m.cls == EntityClass.STATE]
        for org in orgs:
            # the body is what is left, not a word on it ("withdraws from the Somaliland deal")
            if _is_org(org) and any(org.start <= h.i < org.end for h in heads):
                out.add(members, org, verb, doc[org.end - 1], conf, status)


#: The kind of membership a "... status" noun names ("candidate status", "observer status").
_STATUS_KINDS = {"candidate": MembershipStatus.CANDIDATE, "observer": MembershipStatus.OBSERVER}
#: Verbs that give a status (its receiver is the "to" object, the indirect object or the
#: passive subject) or by which one holds it (its holder is the subject).
_GIVING_STATUS = frozenset({"grant", "give", "award", "confer", "offer", "extend"})
_HOLDING_STATUS = frozenset({"receive", "obtain", "gain", "win", "secure", "hold", "have",
                             "get", "enjoy", "achieve", "acquire"})


def _status_granted(ctx: DocContext, out: _Out) -> None:
    """ "EU leaders granted candidate status to Georgia", "Georgia was granted candidate
    status", "India holds observer status in the Arctic Council": a membership of that kind.
    The body is the noun's "in"/"at"/"of"/"with" phrase, else the giver."""
    for noun in ctx.scan(frozenset({"status"})):
        kinds = [_STATUS_KINDS[c.lower_] for c in noun.lefts
                 if c.dep_ in ("compound", "amod", "nmod") and c.lower_ in _STATUS_KINDS]
        verb = noun.head
        if not kinds or noun.dep_ not in ("dobj", "nsubjpass") or is_negated(verb) or (
                declined(verb)):
            continue
        lemma = verb.lemma_.lower()
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        orgs = _bodies_in(ctx, noun, ("in", "at", "of", "with"))
        if lemma in _GIVING_STATUS:
            if passive:
                members = _passive_subjects(ctx, verb)
                orgs = orgs or [a for a in agent_actors(ctx, verb) if _is_org(a)]
            else:
                # "granted candidate status to Georgia" (the parser's "to" may be a dative),
                # "granted Georgia candidate status", "granted Ukraine candidate status"
                members = [s for c in verb.children if c.dep_ in ("prep", "dative")
                           for o in ([p for p in c.children if p.dep_ == "pobj"]
                                     if c.lower_ == "to" else [c] if c.dep_ == "dative" else [])
                           for s in ctx.actors.conj_phrases(o)]
                members += [a for c in noun.lefts if c.dep_ == "compound"
                            for a in [ctx.actors.at(c)] if a is not None]
                orgs = orgs or [a for a in subject_actors(ctx, verb) if _is_org(a)]
        elif lemma in _HOLDING_STATUS and not passive:
            members = subject_actors(ctx, verb)
        else:
            continue
        members = [m for m in members if m.cls in _MEMBER_CLASSES]
        for org in orgs:
            out.add([m for m in members if m.key != org.key], org, verb, noun, 0.7, kinds[0])


def _suspended(ctx: DocContext, out: _Out) -> None:
    """A state suspended from a body is still its member ("the AU suspended Niger from all AU
    activities", "Mali was suspended from ECOWAS"): suspension presupposes the membership.
    The body is the "from" phrase's (or an actor inside it: "from all AU activities"), else
    the subject of an active verb ("the bloc suspended Mali")."""
    doc = ctx.doc
    for verb in ctx.scan(_SUSPENDING):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _SUSPENDING or is_negated(verb):
            continue  # "ECOWAS did not suspend Chad, which is not a member": no presupposition
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        members = _states_acted_on(ctx, verb, passive)
        if not members:
            continue
        orgs = [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                for a in ctx.actors.in_subtree(p) if _is_org(a)][:1] or [
            a for o in _memberships_acted_on(verb)
            for a in _bodies_in(ctx, o, ("in", "of"))][:1]  # "Syria's membership in X"
        if not orgs and not passive:  # a registry body: an organ the NER named is not one
            orgs = [a for a in subject_actors(ctx, verb)
                    if _is_org(a) and a.key in ctx.registry.actors]
        for org in orgs:
            out.add(members, org, verb, doc[org.end - 1], 0.7, MembershipStatus.MEMBER)


def _states_acted_on(ctx: DocContext, verb: Token, passive: bool) -> list[ActorSpan]:
    """The states a body's act falls on: a passive's subject ("Mali was suspended"), an
    active's object ("the AU expelled Mali")."""
    members = (_passive_subjects(ctx, verb) if passive
               else object_actors(ctx, verb, allow_poss=False) or _among_them(ctx, verb))
    if not passive and not members:  # "the Arab League suspended Syria's membership"
        members = [a for o in _memberships_acted_on(verb)
                   for c in o.children if c.dep_ == "poss" for a in [ctx.actors.at(c)]
                   if a is not None]
    return [m for m in members if m.cls == EntityClass.STATE]


def _memberships_acted_on(verb: Token) -> list[Token]:
    """The "membership" a body's act takes for its object ("suspended Syria's membership")."""
    return [o for o in verb.children if o.dep_ == "dobj" and o.lower_ == "membership"]


def _expelled(ctx: DocContext, out: _Out, verb: Token, passive: bool,
              status: MembershipStatus, conf: float) -> None:
    """ "Russia was expelled from the Council of Europe", "the AU expelled Mali": a former
    member, put out by the body (a passive's "from" phrase, an active's subject)."""
    members = _states_acted_on(ctx, verb, passive)
    if passive:
        orgs = prep_actors(ctx, verb, ("from", "out"), allow_poss=False)
    else:
        orgs = subject_actors(ctx, verb)
    for org in orgs:
        if _is_org(org):
            out.add(members, org, verb, ctx.doc[org.end - 1], conf, status)


#: Nouns that name a body of states ("the Russian-led military alliance", "the Quad grouping
#: of Australia, India, Japan and the United States").
_BODY_NOUNS = frozenset({"alliance", "bloc", "coalition", "grouping", "group", "organisation",
                         "organization", "union", "pact", "club", "partnership"})


def _led_adjective(ctx: DocContext, out: _Out) -> None:
    """ "the Collective Security Treaty Organization, the Russian-led military alliance,": the
    state that leads a body is one of its members (as "the bloc led by China and Russia")."""
    doc = ctx.doc
    for led in ctx.scan(frozenset({"led"})):
        i = led.i
        if i < 2 or doc[i - 1].text not in ("-", "‑") or led.lower_ != "led":
            continue
        leader = ctx.actors.at(doc[i - 2])
        if leader is None or leader.cls != EntityClass.STATE:
            continue
        j = i + 1  # the body noun: "military alliance", "security bloc"
        while j < len(doc) and j - i <= 3 and doc[j].lower_ not in _BODY_NOUNS:
            j += 1
        if j >= len(doc) or doc[j].lower_ not in _BODY_NOUNS or is_negated(doc[j]):
            continue
        org = ctx.actors.at(doc[j])
        start = leader.start - (1 if leader.start > 0
                                and doc[leader.start - 1].lower_ in ("the", "a") else 0)
        if org is None and start >= 2 and doc[start - 1].text == ",":
            org = ctx.actors.at(doc[start - 2])  # "X, the Russian-led alliance,"
        if _is_org(org):
            out.add([leader], org, doc[min(org.start, leader.start)],
                    doc[max(org.end - 1, j)], 0.7)


def _named_group_of(ctx: DocContext, out: _Out) -> None:
    """ "the Quad grouping of Australia, India, Japan and the United States": a named body
    followed by its kind and "of" the states it is made of."""
    doc = ctx.doc
    for noun in ctx.scan(_BODY_NOUNS):
        i = noun.i
        if i < 1 or i + 2 >= len(doc) or doc[i + 1].lower_ != "of" or noun.pos_ != "NOUN":
            continue
        org = ctx.actors.at(doc[i - 1])
        if not _is_org(org) or ctx.actors.at(noun) is not None:
            continue
        members = [m for p in doc[i + 1].children if p.dep_ == "pobj"
                   for m in ctx.actors.conj_phrases(p, allow_poss=False)
                   if m.cls == EntityClass.STATE]
        if members:
            last = max(m.end - 1 for m in members)
            out.add(members, org, doc[org.start], doc[last], 0.75)


#: Verbs that make their subjects the founders of the named pact they announce or sign, and
#: the nouns such a pact is called by ("launched the AUKUS partnership").
_FOUNDING_ACTS = frozenset({"announce", "launch", "unveil", "inaugurate"})
_PACT_NOUNS = frozenset({"pact", "alliance", "partnership", "grouping", "dialogue", "format"})
#: Verbs by which someone takes states into a body ("brought Poland into NATO").
_BRINGING = frozenset({"bring", "take", "lead", "usher", "steer"})
#: Admit verbs whose object may be the new members themselves ("admitted Egypt"); "welcomed
#: Sweden" or "accepted China's offer" are too often no admission.
_ADMIT_STATES = frozenset({"admit", "readmit", "re-admit", "induct"})


def _passive_join(ctx: DocContext, verb: Token) -> tuple[list[ActorSpan], list[ActorSpan]]:
    """(organisations, members) of a passive join or founding: "BRICS, founded by Brazil and
    Russia", "NATO was joined by Finland"; ([], []) when it is not one."""
    agents = agent_actors(ctx, verb)
    if verb.lemma_.lower() in _FOUNDING_VERBS:
        # "UNRWA was created by the UN General Assembly": an organ sets up a subsidiary body,
        # it does not become a member of it
        agents = [a for a in agents if not (
            (actor := ctx.registry.actors.get(a.key)) is not None and actor.part_of)]
    if not agents:
        return [], []
    node = coordination_head(verb)
    if node.dep_ in ("acl", "relcl"):
        org = ctx.actors.at(node.head)
        return ([org] if org is not None else []), agents
    if node.dep_ == "advcl" and node.i < node.head.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        # "Founded in 2001 by China, Russia and Kazakhstan, it concerned itself with …": a
        # fronted participle describes the main clause's subject
        return [o for o in subject_actors(ctx, node.head) if _is_org(o)], agents
    orgs = [s for c in verb.children if c.dep_ == "nsubjpass"
            for s in ctx.actors.conj_phrases(c, allow_poss=False)]
    return orgs, agents


def _relative_object(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """The body a relative clause's "which" stands for when it is the clause's object ("BRICS,
    which Iran joined", "the enlargement of BRICS, which Iran also joined"): the clause's head,
    or the body its "of" phrase names."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "dobj" and c.lower_ in ("which", "that")
                                       for c in verb.children):
        return []
    head = verb.head
    org = ctx.actors.at(head)
    if org is None:
        return _bodies_in(ctx, head, ("of",))[:1]
    return [org] if _is_org(org) else []


def _bodies_in(ctx: DocContext, noun: Token, preps: tuple[str, ...]) -> list[ActorSpan]:
    """The bodies named as objects of ``noun``'s prepositions ``preps`` ("the members *of the
    CSTO*", "observer status *in the Arctic Council*")."""
    return [a for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj" for a in [ctx.actors.at(o)] if _is_org(a)]


def _as_member_of(ctx: DocContext, verb: Token, member_nouns: frozenset[str]) -> list[ActorSpan]:
    """The body of an "as a member of X" phrase on ``verb``."""
    return [a for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
            for n in p.children if n.dep_ == "pobj" and n.lower_ in member_nouns
            for a in prep_actors(ctx, n, ("of",), allow_poss=False)]


def _among_them(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """The actors an "among them" phrase lists after a plural object ("suspended several
    members, among them Mali, Guinea and Niger"; the parser hangs the phrase and the list in
    several ways, so it is read off the words)."""
    doc = ctx.doc
    for t in verb.subtree:
        if (t.lower_ == "among" and t.i + 2 < len(doc)
                and doc[t.i + 1].lower_ in ("them", "those")
                and ctx.actors.at(doc[t.i + 2]) is not None):
            return ctx.actors.conj_phrases(doc[t.i + 2])
    return []


def _of_which(ctx: DocContext, out: _Out, member: Token) -> None:
    """ "The Arab League, of which Somalia is a member, …": the relative clause's head, or
    what that head is in apposition to ("CARICOM, a bloc of which Guyana is a member")."""
    clause = member.head
    if member.dep_ != "attr" or clause.dep_ != "relcl" or is_negated(clause):
        return
    if not any(p.dep_ in ("prep", "dep") and p.lower_ == "of"  # (the parser's "dep" too)
               and any(w.lower_ in ("which", "whom") for w in p.children)
               for p in clause.children):
        return
    head = clause.head
    org = ctx.actors.at(head)
    if org is None and head.dep_ == "appos" and head.head != head:
        org = ctx.actors.at(head.head)  # "CARICOM, a 15-nation bloc of which Guyana is …"
    if _is_org(org):
        members = [s for c in clause.children if c.dep_ == "nsubj"
                   for s in (ctx.actors.conj_phrases(c) or (
                       _it_member(ctx, c, org) if c.lower_ == "it" else []))]
        out.add(members, org, member, member, 0.75)


def _it_member(ctx: DocContext, it: Token, org: ActorSpan) -> list[ActorSpan]:
    """What "it" is in "X, of which it is a member": the pronoun's actor, else the state the
    nearest clause above is about ("Mongolia ignored a warrant issued by the ICC, of which
    it is a member"); never the body itself."""
    found = ctx.actors.pronoun(it)
    verb = it.head
    for _ in range(8):  # the nearest clause above with a state for its subject
        if found is not None or verb.head == verb:
            break
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            found = next((s for s in subject_actors(ctx, verb)
                          if s.cls == EntityClass.STATE), None)
    return [found] if found is not None and found.key != org.key else []


#: Nouns a "led by" clause can hang on that name some of a body's members, not the body: who
#: leads them is not thereby said to belong ("OPEC members and other producers led by Russia").
_LED_NOT_BODY = (word_set("membership_cues.json", "member_nouns")
                 | word_set("membership_cues.json", "group_nouns"))


def _composition(ctx: DocContext, out: _Out, words: frozenset[str]) -> None:
    """ "Mercosur, the trade bloc made up of Brazil, Argentina, …", "the Quad, which comprises
    …", "a group consisting of A and B": a body described by what it is made of.

    The organisation is the noun the clause describes, or the actor that noun is in
    apposition to (the parser hangs "…, the bloc made up of …" on a neighbouring word as
    often as on the name, so the name is also taken from right before the apposition's comma).
    """
    doc = ctx.doc
    for tok in ctx.scan(words):
        lemma = tok.lemma_.lower()
        verb_like = tok.pos_ == "VERB" or (lemma == "group" and tok.dep_ == "ROOT")
        if not verb_like or is_negated(tok):  # ("The Quad groups A, B": parsed as a noun too)
            continue
        if lemma == "make" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
            continue
        if lemma in ("comprise", "include"):
            objs = [c for c in tok.children if c.dep_ == "dobj"]
        elif lemma == "group":  # "The G7 groups Britain, Canada, …" (the list parsed either way)
            objs = [c for c in tok.children if c.dep_ in ("dobj", "appos")]
        elif lemma == "lead":  # "the security bloc led by China and Russia"
            if tok.dep_ not in ("acl", "relcl") or tok.head.lower_ in _LED_NOT_BODY:
                continue  # "OPEC members and other producers led by Russia": not the body
            objs = [p for c in tok.children if c.dep_ == "agent"
                    for p in c.children if p.dep_ == "pobj"]
        else:
            objs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"]
        members = [m for o in objs for m in ctx.actors.conj_phrases(o, allow_poss=False)]
        if not members:
            continue
        org = _described(ctx, tok)
        if org is None and lemma == "group":  # the parser makes "The G7" a compound of it
            org = next((a for c in tok.children if c.dep_ == "compound"
                        for a in [ctx.actors.at(c)] if _is_org(a)), None)
        if org is not None and _is_org(org):
            last = max(doc[m.end - 1].i for m in members)
            out.add(members, org, tok, doc[last], 0.75)


def _described(ctx: DocContext, verb: Token) -> ActorSpan | None:
    """The organisation a composition verb describes (see :func:`_composition`)."""
    whose = next((g for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                  for g in c.children if g.lower_ == "whose"), None)
    if whose is not None:  # "a member of IGAD, whose other members include …": the parser
        # hangs the clause on "member", or on the main verb, as often as on the body
        span = _named_before_whose(ctx, whose.i)
        if _is_org(span):
            return span
    if verb.dep_ not in ("acl", "relcl"):
        # The subject names the body itself: not "the G7's agenda includes China".
        subjects = [ctx.actors.at(c) for c in verb.children if c.dep_ == "nsubj"]
        return subjects[0] if len(subjects) == 1 and _is_org(subjects[0]) else None
    noun = verb.head
    while noun.like_num and noun.dep_ == "pobj" and noun.head.head.dep_ == "acl":
        # "the Brussels-based alliance set up in 1949 whose members include …": the parser
        # hangs the clause on the year; it describes the noun the participle describes
        noun = noun.head.head.head
    span = ctx.actors.at(noun)
    if span is not None:
        return span
    if noun.dep_ == "appos":
        span = ctx.actors.at(noun.head)
        if _is_org(span):
            return span
    # "X, the bloc made up of …", however the parser attached it
    return _named_before_comma(ctx, noun)


def _named_before_whose(ctx: DocContext, i: int) -> ActorSpan | None:
    """The actor right before the comma before "whose" at ``i``, past a bracketed
    abbreviation ("the Intergovernmental Authority on Development (IGAD), whose …")."""
    doc = ctx.doc
    k = i - 1
    if k < 1 or doc[k].text != ",":
        return None
    k -= 1
    if doc[k].text == ")":
        while k > 0 and doc[k].text != "(":
            k -= 1
        k -= 1
    return ctx.actors.at(doc[k]) if k >= 0 else None


def _named_before_comma(ctx: DocContext, noun: Token) -> ActorSpan | None:
    """The actor right before the comma that opens ``noun``'s phrase ("X, the bloc …",
    "…, Israel and Hungary, the only EU member"), read in word order."""
    left = noun.left_edge.i
    if left >= 2 and ctx.doc[left - 1].text == ",":
        return ctx.actors.at(ctx.doc[left - 2])
    return None


def _member_appositions(ctx: DocContext, out: _Out) -> None:
    """ "NATO allies such as Poland", "Turkey, a NATO member,", "Turkey is a NATO ally",
    "Its members are Russia, Belarus and Armenia",
    "Serbia, an EU candidate since 2012," (a candidacy).

    Why: a member/ally noun owned by an organisation names members explicitly when the
    states are attached to it (apposition, "such as"/"including", or as subject of "is").
    """
    doc = ctx.doc
    nouns = {"member", "members", "ally", "allies", "states", "countries", "nations",
             "candidate", "state", "country", "nation", "partner", "partners"}
    for tok in ctx.scan(nouns):
        if tok.lower_ not in nouns or tok.pos_ != "NOUN" or is_negated(tok):
            continue
        span = ctx.actors.at(tok)
        org = None
        if span is not None and span.kind == "collective" and span.group_of:
            owner = ctx.registry.actors.get(span.group_of)
            org_cls = owner.cls if owner else None
            if org_cls in GROUP_CLASSES:
                org = ActorSpan(span.start, span.end, span.group_of, org_cls, owner.label)
        # "Kazakhstan and Uzbekistan became BRICS partner countries", "an SCO dialogue
        # partner": the formal partner tier of a body, a membership of that kind
        tier = {c.lower_ for c in tok.lefts} & {"member", "partner", "dialogue"}
        partner = bool(tier & {"partner", "dialogue"}) and tok.lower_ not in (
            "member", "members", "ally", "allies", "candidate")
        if tok.lower_ in ("partner", "partners") and "dialogue" not in tier:
            continue  # "NATO's partners" cooperate with it (a partnership), no tier
        if (span is not None and span.kind == "name" and _is_org(span)
                and span.end - 1 == tok.i and span.start < tok.i
                and tok.lower_ in ("member", "members")):
            org = span  # "EU members", resolved as the body itself: its members
        if org is None and (span is None or span.kind == "collective") and (
                tok.lower_ in ("member", "members", "ally", "allies", "candidate")
                or (tok.lower_ in ("state", "country", "nation", "states", "countries",
                                   "nations") and tier)  # "EU member states, including …"
                or (partner and tok.lower_ in ("states", "countries", "nations", "partner",
                                               "partners"))):
            # ("Hungary, the only EU member state in the organisation": a member state)
            mods = [*tok.lefts, *(g for c in tok.lefts if c.lower_ in tier for g in c.lefts)]
            org = next(
                (
                    a
                    for c in mods  # ("EU" hangs on "member" in "an EU member state")
                    if c.dep_ in ("compound", "nmod", "poss")
                    # "Its members are A, B and C": the body "its" stands for
                    for a in [ctx.actors.at(c) or (ctx.actors.pronoun(c)
                                                   if c.lower_ == "its" else None)
                              or (ctx.actors.at(tok.head.head)  # "the CSTO, whose members"
                                  if c.lower_ == "whose" and tok.head.dep_ == "relcl"
                                  else None)]
                    if _is_org(a)
                ),
                None,
            )
            if org is None and tok.dep_ == "nsubj":  # "The members of the CSTO are A and B"
                org = next(iter(_bodies_in(ctx, tok, ("of",))), None)
            if (org is None and tok.dep_ == "dobj" and tok.lower_ == "members"
                    and tok.head.lemma_.lower() in _HAVING):  # "NATO has three Baltic members:"
                org = next((a for a in subject_actors(ctx, tok.head) if _is_org(a)), None)
            if org is None and tok.lower_ == "candidate":  # "a candidate for membership of X"
                org = next((a for p in tok.children if p.dep_ == "prep" and p.lower_ == "for"
                            for m in p.children if m.lower_ == "membership"
                            for q in m.children if q.dep_ == "prep" and q.lower_ in ("of", "in")
                            for o in q.children if o.dep_ == "pobj"
                            for a in [ctx.actors.at(o)] if _is_org(a)), None)
        if (org is None and tok.lower_ in ("member", "ally") and tok.dep_ == "appos"
                and any(c.lower_ == "fellow" for c in tok.lefts)):
            org = _fellow_body(ctx, tok)  # "Turkey, a fellow ally, launched …"
        if org is None and partner and span is not None and span.cls in GROUP_CLASSES and (
                span.start < tok.i):
            org = span  # "BRICS partner countries", read as the body itself
        observer = any(c.lower_ == "observer" for c in tok.lefts)
        if (org is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _HAVING
                and tok.lower_ in ("states", "countries", "nations", "members")
                and (observer or any(c.lower_ == "member" for c in tok.lefts))):
            # "The council also has 13 observer states, including China, India and Japan"
            org = next((a for a in subject_actors(ctx, tok.head) if _is_org(a)), None)
        in_bodies: list[ActorSpan] = []
        if org is None and span is None and tok.lower_ in ("member", "members", "ally",
                                                           "allies"):
            # "Britain and Canada were close allies and partners in NATO and the G7"
            in_bodies = [a for t in (tok, *tok.conjuncts) for p in t.children
                         if p.dep_ == "prep" and p.lower_ == "in"
                         for o in p.children if o.dep_ == "pobj"
                         for a in ctx.actors.conj_phrases(o) if _is_org(a)]
            org = in_bodies[0] if in_bodies else None
        if org is None:
            continue
        members: list[ActorSpan] = []
        for child in tok.children:
            if child.dep_ == "appos":
                members += ctx.actors.conj_phrases(child)
            if child.dep_ == "prep" and child.lower_ in ("including", "like", "as"):
                members += _closed_list(ctx, [
                    s
                    for p in child.children
                    if p.dep_ == "pobj"
                    for s in ctx.actors.conj_phrases(p)
                ])
        for child in tok.lefts:  # "the United States ... its NATO allies": a fellow member
            if child.dep_ == "poss" and tok.lower_ == "allies":
                owner = ctx.actors.at(child) or (
                    ctx.actors.pronoun(child) if child.lower_ in ("its", "their") else None
                )
                if owner is not None:
                    members.append(owner)
        if tok.dep_ == "appos":
            members += _apposed(ctx, tok)
        elif tok.dep_ == "conj" and tok.head.dep_ == "appos" and partner:
            members += _apposed(ctx, tok.head)  # "Turkey, a NATO member and an SCO …"
        sent = ctx.sents.sent(tok)
        if tok.lower_ == "members" and tok.i + 2 < sent.end and doc[tok.i + 1].text == ":":
            # "the alliance's Baltic Sea members: Denmark, Estonia, …" (read in word order:
            # the parser hangs the list anywhere)
            listed, _ = _enumeration(ctx, tok.i + 1, sent)
            if len(listed) >= 2:
                members += listed
        if tok.dep_ == "attr" and not is_negated(tok.head):
            members += subject_actors(ctx, tok.head)
        # "is among the EU members", "is one of the most reluctant EU members": ranked
        # among them as _member_of reads "among the members of X"
        ranked = _predicate_member(tok) if tok.dep_ == "pobj" else None
        if (ranked is not None and ranked.dep_ in ("prep", "attr")
                and ranked.head.lemma_ == "be" and not is_negated(ranked.head)):
            members += subject_actors(ctx, ranked.head)
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.lower_ in ("member",
                                                                            "members"):
            members += _entered_as(ctx, tok.head.head) or _acting_as(ctx, tok.head.head)
        if (tok.dep_ == "nsubj" and tok.lower_ == "members" and tok.head.lemma_ == "be"
                and not is_negated(tok.head)):  # "Its members are Russia, Belarus and …"
            members += [s for c in tok.head.children if c.dep_ == "attr"
                        for s in ctx.actors.conj_phrases(c)]
        states = [m for m in members if m.cls == EntityClass.STATE and m.kind != "demonym"]
        if states:
            last = max([tok, *[doc[m.end - 1] for m in states]], key=lambda t: t.i)
            first = min([tok, *[doc[m.start] for m in states]], key=lambda t: t.i)
            status = (MembershipStatus.CANDIDATE if tok.lower_ == "candidate"
                      else MembershipStatus.OBSERVER if observer
                      else MembershipStatus.PARTNER if partner else None)
            for body in in_bodies or [org]:
                out.add(states, body, first, last, 0.7, status)  # "Serbia, an EU candidate …"


def _fellow_body(ctx: DocContext, noun: Token) -> ActorSpan | None:
    """The body a "fellow member" or "fellow ally" shares with others: the last body named in
    its sentence or the two before (an alliance for an ally), if one ("The CSTO summit ended
    in Yerevan. … Tajikistan, a fellow member")."""
    sents = ctx.sents.sents
    i = ctx.sents.index(noun)
    since = sents[max(0, i - 2)].start
    wanted = (EntityClass.ALLIANCE,) if noun.lower_ == "ally" else GROUP_CLASSES
    bodies = [s for s in ctx.actors.spans if since <= s.start and s.end <= noun.i
              and s.cls in wanted and s.kind != "demonym"]
    return bodies[-1] if bodies and _is_org(bodies[-1]) else None


def _closed_list(ctx: DocContext, spans: list[ActorSpan]) -> list[ActorSpan]:
    """The items of a list up to the one its "and"/"or" closes it with ("including France,
    Spain and Sweden, and the United Kingdom also signed": not the UK, which the parser
    makes one more conjunct)."""
    doc = ctx.doc
    out: list[ActorSpan] = []
    for span in sorted(spans, key=lambda s: s.start):
        out.append(span)
        k = span.start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k >= 0 and doc[k].lower_ in ("and", "or") and len(out) > 1:
            break
    return out


#: Verbs by which a body has or counts its members ("NATO has three Baltic members: …").
_HAVING = frozenset({"have", "count", "number"})


def _entered_as(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """Who a join or admission makes the member named after "as": the subject of "Belarus
    joined as the SCO's tenth member", the passive subject of "Belarus was welcomed (or
    admitted) as the bloc's tenth member"; none when the act is denied or not done."""
    lemma = verb.lemma_.lower()
    joins = word_set("membership_cues.json", "join_verbs")
    admits = word_set("membership_cues.json", "admit_verbs")
    if (verb.pos_ != "VERB" or is_negated(verb) or declined(verb) or modal(verb) is not None
            or requested(verb)):
        return []
    if lemma in joins and verb.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
        return subject_actors(ctx, verb)
    if lemma in admits and verb.tag_ == "VBN":
        return _passive_subjects(ctx, verb)
    return []


def _acting_as(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """The subject of a verb other than a join's that it does "as a member" ("India, as a
    G20 member, should help"; "As an EU member, Hungary voted …"): a member already."""
    lemma = verb.lemma_.lower()
    if (verb.pos_ not in ("VERB", "AUX") or is_negated(verb)
            or lemma in word_set("membership_cues.json", "join_verbs")
            or lemma in word_set("membership_cues.json", "admit_verbs")):
        return []
    return subject_actors(ctx, verb)


def _left_subjects(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """Actors listed right before a subjectless verb ("..., Sweden and Finland would join").

    Why: the parser sometimes attaches a clause's subjects to the previous clause; a plain
    list of actors directly before the verb's auxiliaries is then still its subject.
    """
    doc = ctx.doc
    i = min([verb.i, *[c.i for c in verb.children if c.dep_ in ("aux", "neg")]]) - 1
    sent_start = ctx.sents.sent(verb).start
    found: list[ActorSpan] = []
    while i >= sent_start:
        span = ctx.actors.at(doc[i])
        if span is not None:
            found.insert(0, span)
            i = span.start - 1
        elif doc[i].lower_ in ("and", "or", ",") and found:
            if doc[i].text == "," and i > sent_start and ctx.actors.at(doc[i - 1]) is None:
                break
            i -= 1
        else:
            break
    # An actor with its own role in the previous clause ("invaded Ukraine, ...") is not one.
    taken = ("dobj", "pobj", "nsubj", "nsubjpass", "attr")
    return [
        s
        for s in found
        if s.cls == EntityClass.STATE and doc[s.start : s.end].root.dep_ not in taken
    ]


def _bracketed(ctx: DocContext, out: _Out, paren: Token) -> None:
    """ "GROUP (A, B, and C)", "the G7 -- A, B, ... and C --": a group name right before a
    list of states in brackets or between dashes."""
    doc = ctx.doc
    sent = ctx.sents.sent(paren)
    j = paren.i - 1
    while j >= sent.start and doc[j].text in ("”", '"', "’", "'"):
        j -= 1
    if j < sent.start:
        return
    owner = ctx.actors.at(doc[j])
    if owner is None:
        # "NATO has added two new members (Finland and Sweden)" is read by the admit rule.
        return
    members, close = _enumeration(ctx, paren.i, sent)
    states = [m for m in members if m.cls == EntityClass.STATE]
    if _is_org(owner) and len(states) >= 2 and len(states) == len(members):
        out.add(states, owner, doc[owner.start], doc[min(close, sent.end - 1)], 0.8)


def _partners_of(ctx: DocContext, out: _Out, noun: Token) -> None:
    """ "the Indo-Pacific Four (IP4) partners of A, B, C and D"."""
    group = None
    for child in noun.lefts:
        span = ctx.actors.at(child)
        if _is_org(span):
            group = span
    if group is None:
        return
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        members = [s for p in prep.children if p.dep_ == "pobj" for s in ctx.actors.conj_phrases(p)]
        states = [m for m in members if m.cls == EntityClass.STATE]
        if len(states) >= 2:
            out.add(states, group, noun, prep.right_edge, 0.75)
