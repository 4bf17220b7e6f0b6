"""Events: summits, visits, declarations, exercises, bombings, wars, meetings, publications,
accessions, with participants, place and a date normalised against the publication date.

Why: an event is a trigger word from ``kg/data/event_cues.json`` plus the actors attached to
it in the parse (possessor/modifiers, "of/by/with/between" objects, the subject of the verb
that governs it). A trigger without any participant is generic ("wars", "summits") and is
dropped, except a definite back-reference ("The visit took place on May 7") which lends its
date to the latest event of the same type. Dates come from DATE entities attached to the
trigger or its verb, resolved by :func:`kg.extraction.dates.normalise_date`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extraction.actors import (
    CONVENING_VERBS,
    GROUP_CLASSES,
    HOSTING_VERBS,
    INSTALLATION_NOUNS,
    ActorSpan,
)
from kg.extraction.context import (
    DocContext,
    agent_actors,
    alleged,
    companion_actors,
    declined,
    governing_verb,
    is_negated,
    joined_bodies,
    joined_in_act,
    modal,
    object_actors,
    prep_actors,
    requested,
    subject_actors,
    tense_of,
)
from kg.extraction.dates import normalise_date
from kg.extraction.evidence import sort_facts
from kg.extraction.lexicon import read_json, word_set
from kg.facts import EntityClass, EventFact, EventType, FuzzyDate

NAME = "kg_events.v1"
_PARTY_PREPS = ("of", "by", "with", "between", "among", "against", "on", "from")
#: Talks, summits and declarations are *on* their topic: "talks on Ukraine" names no party.
_TOPIC_TYPES = frozenset({EventType.MEETING, EventType.SUMMIT, EventType.DECLARATION})
_TOPIC_PARTY_PREPS = tuple(p for p in _PARTY_PREPS if p != "on")
#: Nouns that measure an event's extent: "two days of exercises", "a round of talks".
_MEASURES = frozenset({"day", "days", "week", "weeks", "hours", "round", "rounds", "series",
                       "wave", "waves", "set", "spate", "phase", "phases", "stage", "stages",
                       "leg", "part"})  # "began the first phase of the Malabar exercise"
#: Verbs whose subject gathers *for* an event ("leaders gathered in Astana for a summit").
_GATHER = frozenset({"gather", "meet", "convene", "assemble", "arrive", "travel", "fly",
                     "come", "head"})
_PLACE_PREPS = ("in", "at", "to", "near", "into")
#: Event types whose "at"/"during" phrase makes the clause's subject a participant.
_GATHERING = frozenset({EventType.SUMMIT, EventType.MEETING, EventType.VISIT,
                        EventType.DECLARATION, EventType.OTHER})
#: Objects of a hosting verb that make it a meeting of people ("hosted the leaders of …").
_GUESTS = frozenset({"leader", "president", "counterpart", "head", "minister", "delegation",
                     "premier"})
_PLACE = (EntityClass.PLACE, EntityClass.REGION, EntityClass.STATE)


class Cues:
    """Event trigger words, loaded once."""

    def __init__(self) -> None:
        data = read_json("event_cues.json")
        self.nouns = {k.lower(): EventType(v) for k, v in data["nouns"].items()}
        self.verbs = {k.lower(): EventType(v) for k, v in data["verbs"].items() if v}
        self.multi = {k: v for k, v in self.nouns.items() if " " in k}
        self.not_events = frozenset(w.lower() for w in data["non_event_modifiers"])
        self.unreal = frozenset(w.lower() for w in data["unreal_modifiers"])
        self.participation = frozenset(w.lower() for w in data["participation_verbs"])
        self.called_off = frozenset(w.lower() for w in data["called_off_verbs"])
        self.unmet = frozenset(w.lower() for w in data["unmet_objects"])
        self.own_phrase = frozenset(w.lower() for w in data["own_phrase_nouns"])
        self.powers = frozenset(w.lower() for w in data["power_nouns"])
        self.holding = frozenset(w.lower() for w in data["holding_verbs"])
        self.signed = frozenset(w.lower() for w in data["signed_nouns"])
        self.signing = frozenset(w.lower() for w in data["signing_verbs"])
        self.admit = word_set("membership_cues.json", "admit_verbs")
        self.words = frozenset({*self.nouns, *self.verbs, *(k.split()[-1] for k in self.multi),
                                *HOSTING_VERBS, *(k.split()[-1] for k in self.signed)})


#: Arcs by which a date modifies a noun, not a verb or a clause.
_NOUN_MODIFIERS = frozenset({"compound", "nummod", "amod", "nmod", "poss"})


#: What "meet" takes when it means reaching a goal, not meeting someone.
_MET_GOALS = frozenset({"target", "goal", "deadline", "demand", "need", "requirement",
                        "criterion", "criteria", "standard", "obligation", "expectation",
                        "threshold", "quota", "commitment", "pledge", "condition", "benchmark",
                        "challenge", "cost", "term"})
#: Prepositions that make a date the bound of a period, not the day something happened.
_BOUNDS = frozenset({"since", "until", "till", "before", "after", "by"})
#: Events that last: "since" dates their start ("air strikes … since January"); for the
#: others it bounds a series ("have met annually since 2021").
_LASTING = frozenset({EventType.WAR, EventType.ATTACK, EventType.BOMBING, EventType.OTHER})
_LASTING_BOUNDS = _BOUNDS - {"since"}


def _other_clause(node: Token, top: Token) -> bool:
    """Whether ``node`` sits in a clause of its own below ``top`` ("met in Warsaw to revive a
    format created in 1991": the year is the format's)."""
    for _ in range(12):
        if node.i == top.i or node.head.i == node.i:
            return False
        if node.dep_ in ("acl", "relcl", "advcl", "ccomp", "xcomp"):
            return True
        node = node.head
    return False


#: What one accedes to that is an office, not a body ("accession to the throne").
_OFFICES = frozenset({"throne", "power", "presidency", "office", "crown", "premiership"})


def _normalised(ctx: DocContext, ent: Span, tense: str | None,
                anchors: set[int]) -> FuzzyDate | None:
    """A DATE entity's value, its bare month placed by the tense of a verb of its own when it
    hangs on one rather than on an ``anchors`` token ("talks hosted in Switzerland in
    August"), else by ``tense``."""
    own = tense_of(ent.root) if ent.root.head.i not in anchors else None
    return normalise_date(ent.text, ctx.published, own or tense, ctx.year_before(ent.start))


def _date(ctx: DocContext, tok: Token, verb: Token | None,
          lasting: bool = False) -> FuzzyDate | None:
    """The first DATE entity attached (within 3 arcs) to the trigger or its verb."""
    bounds = _LASTING_BOUNDS if lasting else _BOUNDS
    doc = ctx.doc
    tense = tense_of(verb if verb is not None else tok)
    dates = [e for e in ctx.sents.ents(tok) if e.label_ == "DATE" and not (
        # "have met annually since 2021": a range's bound, not the event's date
        doc[e.start].lower_ in bounds or (e.start > 0 and doc[e.start - 1].lower_ in bounds))]
    lo, hi = tok.left_edge.i, tok.right_edge.i
    # (not inside a noun conjoined with the trigger: "Russia's invasion of Ukraine and its
    # crackdown … after the disputed 2020 election")
    joined = {t.i for c in tok.children if c.dep_ == "conj" for t in c.subtree}
    for ent in dates:  # the trigger's own phrase first: "bombing ... in 1999"
        if (lo <= ent.start and ent.end - 1 <= hi and not _other_clause(ent.root, tok)
                and ent.root.i not in joined
                and not (ent.root.dep_ in _NOUN_MODIFIERS and ent.root.head != tok)):
            value = _normalised(ctx, ent, tense, {tok.i})
            if value is not None:
                return value
    anchors = {tok.i} | ({verb.i} if verb is not None else set())
    found: list[tuple[int, FuzzyDate]] = []
    for ent in dates:
        if ent.root.dep_ in _NOUN_MODIFIERS:
            continue  # "its 1951 treaty covers attacks": the year dates the treaty
        node = ent.root
        for _ in range(4):
            if node.i in anchors:
                value = _normalised(ctx, ent, tense, anchors)
                if value is not None:
                    found.append((abs(ent.start - tok.i), value))
                break
            if node.head == node:
                break
            node = node.head
    if found:  # the date nearest the trigger: "bombing ... in 1999" vs "took place on May 7"
        return min(found, key=lambda f: (f[0], f[1].value))[1]
    for ent in dates:  # a date inside the trigger's own phrase ("July 10 Declaration")
        if tok.left_edge.i <= ent.start < tok.i:
            return normalise_date(ent.text, ctx.published, tense, ctx.year_before(ent.start))
    return None


#: Prepositions that make an event the point another act is dated from ("applied on May 18,
#: three months after the invasion"), and the words before "of"/"to" that do the same.
_REFERENCE_PREPS = frozenset({"after", "before", "since", "until", "following"})
_REFERENCE_HEADS = frozenset({"ahead", "prior"})


def _reference_point(tok: Token) -> bool:
    """Whether the event noun is what the clause's act is dated from, not the act itself
    ("submitted their applications on May 18, three months after Russia's invasion", "ahead
    of the summit"): the clause's dates are not the event's."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return prep.lower_ in _REFERENCE_PREPS or (
        prep.lower_ in ("of", "to") and prep.head.lower_ in _REFERENCE_HEADS)


def _infinitive_of_noun(verb: Token) -> bool:
    """ "an application to join", "an invitation to visit Beijing": an infinitive that says
    what a noun is for names an act still to come, no event."""
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _label(tok: Token) -> Span:
    # Not what a comma or dash sets off before the phrase: a dateline ("STOCKHOLM — Sweden
    # joined") or a fronted adverbial ("On Thursday, Sweden joined") is no part of the name.
    # Nor the word that subordinates a clause ("as Xi and Putin meet", "where he met").
    cut = max((c.i for c in tok.lefts if c.dep_ == "punct"), default=-1)
    lefts = [c for c in tok.lefts if c.dep_ not in ("det", "poss", "predet", "mark")
             and c.tag_ not in ("WRB", "WDT", "WP") and c.i > cut]
    start = min([tok.i, *[c.left_edge.i for c in lefts]])
    end = tok.i + 1
    for prep in tok.rights:
        if prep.dep_ == "prep" and prep.lower_ in (*_PLACE_PREPS, "of"):
            end = _end_without_conj(prep) + 1
            break
    while end - 1 > start and tok.doc[end - 1].is_space:  # a headline's line break
        end -= 1
    span = tok.doc[start:end]
    return span if len(span) <= 12 else tok.doc[tok.i : tok.i + 1]


def _end_without_conj(tok: Token) -> int:
    """Last index of ``tok``'s phrase, leaving out coordinated phrases ("... and Beijing's")."""
    end = tok.i
    for child in tok.rights:
        if child.dep_ in ("conj", "cc", "punct", "appos"):
            continue
        end = max(end, _end_without_conj(child))
    return end


#: Arcs an event noun climbs to find its verb ("the bombing *of* X *in* 1999 shocked ...").
_TO_VERB = frozenset({"dobj", "pobj", "attr", "nsubjpass", "prep", "nsubj"})


#: Posts a body's name before them gives to a leader of one of its member states ("an EU
#: head of government", "a NATO leader"), unlike its own staff ("an EU official").
_MEMBER_LEADERS = frozenset({"head", "leader", "minister", "premier", "chancellor"})


def _member_states_leader(ctx: DocContext, span: ActorSpan) -> bool:
    """Whether a body is named only as what "a/an <body> leader" belongs to: one unnamed
    member state's leader took part, not the body ("a rare visit by an EU head of
    government")."""
    if span.cls not in GROUP_CLASSES:
        return False
    root = ctx.doc[span.start : span.end].root
    noun = root.head
    return (root.dep_ in ("compound", "nmod", "amod") and noun.lower_ in _MEMBER_LEADERS
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children))


def event_facts(ctx: DocContext, cues: Cues | None = None) -> list[EventFact]:
    """Event facts of one Doc (pure; sorted)."""
    cues = cues or Cues()
    out: list[EventFact] = []
    for tok in ctx.scan(cues.words):
        low, lemma = tok.lower_, tok.lemma_.lower()
        etype = None
        if tok.pos_ in ("NOUN", "PROPN"):
            for c in tok.lefts:
                if c.dep_ in ("compound", "amod") and f"{c.lower_} {low}" in cues.multi:
                    etype = cues.multi[f"{c.lower_} {low}"]
            etype = etype or cues.nouns.get(low) or cues.nouns.get(lemma) or _signing(tok, cues)
        elif tok.pos_ == "VERB" and (lemma in cues.verbs or _hosts_guests(ctx, tok)):
            if requested(tok) or declined(tok) or alleged(tok) or _infinitive_of_noun(tok):
                continue  # "called on the authorities to publish the results", "refused to
                # join the union", "Kosovo's application to join", "accused X of invading
                # Y": not done, or only said to be
            if tok.tag_ == "VBG" and tok.dep_ in ("csubj", "csubjpass"):
                continue  # "joining the AES was 'not excluded'", "Joining NATO would be a
                # mistake": an act spoken of as such, done by no one yet
            etype = cues.verbs.get(lemma, EventType.MEETING)
            if any(c.dep_ == "dobj" and c.lemma_.lower() in cues.unmet for c in tok.children):
                continue  # "Egypt can meet its immediate debt payments": fulfilled, not met
            if any(p.dep_ == "prep" and p.lower_ == "for" and any(
                    o.lower_ in cues.nouns or o.lemma_.lower() in cues.nouns
                    for o in p.children) for p in tok.children):
                continue  # "leaders meeting in Washington for the summit": the summit
        elif (
            tok.pos_ == "VERB"
            and lemma in cues.admit
            and any(
                c.dep_ == "dobj" and c.lemma_.lower() in ("member", "country", "state")
                for c in tok.children
            )
        ):
            etype = EventType.ACCESSION  # "NATO added two new members (Finland and Sweden)"
        if etype is None or is_negated(tok) or (
                tok.pos_ == "PROPN" and ctx.actors.at(tok) is not None):
            continue  # "the Pacific Islands Forum met": a name's word, not an event
        if low in ("forum", "forums") and not (
                tok.dep_ in ("dobj", "nsubjpass")
                and tok.head.lemma_.lower() in cues.participation) and not (
                tok.is_lower and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during")):
            continue  # "the Seoul-based Korea Peninsula Strategy Forum", "the chair of the
            # eight-nation forum": a body; a forum is a meeting when held, opened or attended,
            # or as where something happens ("At an Indonesia-China business forum in Beijing,
            # companies … signed")
        if any(c.lower_ in cues.not_events for c in tok.lefts):
            continue  # "rhetorical attacks", "trade war"
        if any(c.lower_ in cues.unreal for c in tok.lefts if c.dep_ in ("det", "amod")) or (
                tok.pos_ == "VERB" and any(
                    d.dep_ == "det" and d.lower_ in cues.unreal
                    for c in tok.children if c.dep_ == "dobj" for d in c.children)):
            continue  # "any attack on Niger would …", "a possible intervention", "can veto any
            # resolution": none took place
        if tok.pos_ == "NOUN" and _only_wanted(tok):
            continue  # "has long favoured direct talks with Washington", "called for talks
            # with China", "proposed a summit": asked for, not held
        if tok.pos_ == "NOUN" and etype in _HOSTILITIES and _unrealised(tok):
            continue  # "a pretext for an attack on Venezuela", "a war in Venezuela would …",
            # "trying to start a war", "talk of a clash": none took place
        if low in cues.powers and _held(tok, cues.holding):
            continue  # "where the United States holds a veto": a power, not its use
        if tok.pos_ == "NOUN" and _called_off(tok, cues.called_off):
            continue  # "suspending a visit by a Russian deputy prime minister": none took place
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "as" and any(
                c.lower_ in ("a", "an") for c in tok.lefts):
            continue  # "treating a trade deal as a referendum on its politics": a likeness
        if etype == EventType.SUMMIT and _top_of_place(ctx, tok):
            continue  # "forces will stay on the summit of Mount Hermon": a mountain's top
        if etype == EventType.VISIT and any(c.lower_ == "home" for c in tok.children):
            continue  # "Iran's ambassador, who was visiting home": a trip home, no visit
        if etype == EventType.ACCESSION and any(
                p.dep_ == "prep" and p.lower_ == "to" and any(
                    o.lemma_.lower() in _OFFICES for o in p.children) for p in tok.children):
            continue  # "her own accession to the throne": coming to an office, no body joined
        verb = tok if tok.pos_ == "VERB" else governing_verb(tok, _TO_VERB)
        gathered = (verb is not None and tok.dep_ == "pobj" and tok.head.lower_ == "for"
                    and verb.lemma_.lower() in _GATHER)  # "gathered in Astana for a summit"
        parts: list[ActorSpan] = []
        place: ActorSpan | None = None
        hosted: list[Token] = []  # an event noun's "hosted by"/"convened by" phrases
        if tok.pos_ == "VERB":
            parts += subject_actors(ctx, tok)
            objs = object_actors(ctx, tok)
            if etype == EventType.VISIT:
                place = objs[0] if objs else None
                parts += [o for o in objs if o.cls != EntityClass.PLACE]
            elif etype == EventType.ACCESSION and lemma in cues.admit:
                parts += [
                    s
                    for c in tok.children
                    if c.dep_ == "dobj"
                    for s in ctx.actors.in_subtree(c)
                    if s.cls == EntityClass.STATE
                ]
            elif etype == EventType.ACCESSION:
                # "join its economic 'small yards'", "joined the EU's electricity network":
                # a thing a body owns is joined, not the body; "joined ECOWAS in calling
                # for …" sides with the body
                objs = joined_bodies(ctx, tok)
                if not any(o.cls in GROUP_CLASSES for o in objs) or joined_in_act(tok):
                    continue
                parts += objs
            elif lemma in HOSTING_VERBS:  # "hosted the leaders of A, B and C"
                parts += [s for c in tok.children if c.dep_ == "dobj"
                          for s in ctx.actors.in_subtree(c) if s.kind != "demonym"]
            else:
                if etype == EventType.MEETING and any(
                        c.dep_ == "dobj" and c.lemma_.lower() in _MET_GOALS for c in tok.children):
                    continue  # "fail to meet the spending target": a goal met, no meeting
                parts += objs
            parts += prep_actors(ctx, tok, _party_preps(etype), appositions=True)
        else:
            own = low in cues.own_phrase  # "Kenya's election", not "promised to hold elections"
            for child in tok.lefts:
                if child.dep_ in ("poss", "compound", "amod", "nmod"):
                    for t in child.subtree:
                        span = ctx.actors.at(t)
                        if span is not None and span not in parts:
                            parts.append(span)
                if child.dep_ == "poss" and child.lower_ in (
                        ("its", "their") if own else ("its", "their", "his", "her")):
                    parts += _possessor(ctx, child, verb)  # not "on his election": the winner
            parts += prep_actors(ctx, tok, ("of",) if own else _party_preps(etype),
                                 appositions=True)  # not "criticism of its election by X"
            hosted = [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                      and c.lemma_.lower().removeprefix("co-") in CONVENING_VERBS]
            for acl in hosted:  # "the summit hosted by Russia in Kazan": the host takes part
                parts += agent_actors(ctx, acl)
            node = tok  # "launched two days of exercises": the measure noun's place
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _MEASURES:
                node = tok.head.head
            if own:
                pass
            elif (
                verb is not None
                and node.dep_ in ("dobj", "attr", "nsubjpass")
                and (verb.lemma_.lower() in cues.participation
                     # "ended a state visit to China": who ends a visit made it (not so a
                     # war: "efforts to end the war in Yemen")
                     or (etype == EventType.VISIT and verb.lemma_.lower() in ("end", "cut")))
                and not declined(verb)  # "declined to attend the summit": not a participant
                and not alleged(verb)  # "accused Washington of waging economic war"
                and not is_negated(verb)  # "did not attend the summit", "would not attend"
            ):
                # "since the treaty was signed", "the summit was held in Doha": the doer is
                # the "by" phrase's, not whoever the clause above is about
                parts += (agent_actors(ctx, verb) if node.dep_ == "nsubjpass"
                          else subject_actors(ctx, verb))
                # "is waging war against Hamas": the parser hangs the foe on the verb
                foes = ("with", "against") if etype in _HOSTILITIES else ("with",)
                parts += prep_actors(ctx, verb, foes, appositions=True)
                parts += companion_actors(ctx, verb)  # "A, together with B, held a summit"
            elif (verb is not None and tok.dep_ == "pobj" and tok.head.lower_ == "for"
                  and tok.head.head.i == verb.i and verb.lemma_.lower() in HOSTING_VERBS):
                # "Biden hosted Modi for a state visit": host and guest
                parts += subject_actors(ctx, verb) + object_actors(ctx, verb)
            elif verb is not None and tok.dep_ == "pobj" and tok.head.head.i == verb.i and (
                    tok.head.lower_ in ("at", "during") or gathered) and etype in _GATHERING:
                # "At a summit in X, A and B agreed …" (not "failed A during clashes with B")
                parts += subject_actors(ctx, verb)
        places = prep_actors(ctx, tok, _PLACE_PREPS, appositions=True)
        places += [p for acl in hosted for p in prep_actors(ctx, acl, ("in", "at"))]
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (p for p in prep.children if p.dep_ == "pobj"):  # "a summit of the
                places += prep_actors(ctx, pobj, ("in", "at"))  # bloc in Abuja"
        if verb is not None and verb != tok and (tok.dep_ != "pobj" or gathered):
            places += prep_actors(ctx, verb, ("in", "at", "to") if gathered else ("in", "at"),
                                  appositions=True)  # "flew to Tokyo for the visit"
        if (verb is not None and verb.dep_ == "relcl"
                and any(c.lower_ == "where" for c in verb.children)
                and (where := ctx.actors.at(verb.head)) is not None):
            places.append(where)  # "went on to Beijing, where he met Xi"
        places = [p for p in places if p.cls in _PLACE and not (
            p.kind == "demonym"  # "a visit to an American military base": the base's owner
            and ctx.doc[p.start:p.end].root.head.lower_ in INSTALLATION_NOUNS)]
        # A place named as a modifier ("the Washington communique") locates, it does not act.
        places += [p for p in parts if p.cls in (EntityClass.PLACE, EntityClass.REGION)]
        parts = [p for p in parts if p.cls not in (EntityClass.PLACE, EntityClass.REGION)
                 and not _member_states_leader(ctx, p)]
        if place is None and places:
            place = places[0]
        if place is not None and place.cls == EntityClass.STATE and place not in parts:
            parts.append(place)
        keys = []
        for p in parts:
            k = p.key
            if k and k not in keys:
                keys.append(k)
        # "three months after Russia's invasion": the clause's date is not the invasion's
        date = _date(ctx, tok, None if _reference_point(tok) else verb, etype in _LASTING)
        if not keys:
            _lend_date(out, etype, date, tok, ctx.sents.index(tok))
            continue
        label = _label(tok)
        kin = cues.signed if low in cues.signed else frozenset({low})
        if _refers_back(out, tok, label, etype, keys, place, date, kin):
            continue
        ev = ctx.sents.evidence(ctx.sents.sent(tok), label.start_char, label.end_char, 0.6, NAME)
        out.append(
            EventFact(
                label=label.text,
                type=etype,
                evidence=ev,
                date=date,
                participants=tuple(sorted(keys)),
                place=place.key if place else None,
            )
        )
    return sort_facts(_merge(out))


def _held(noun: Token, verbs: frozenset[str]) -> bool:
    """A noun held ("holds a veto", "a veto attached") or lacked ("without a veto")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "without":
        return True
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in verbs:
        return True
    return any(c.lemma_.lower() in verbs for c in noun.children if c.dep_ in ("acl", "amod"))


def _signing(noun: Token, cues: Cues) -> EventType | None:
    """ "NATO signed a cooperation agreement with New Zealand", "the deal was inked in Riyadh":
    an agreement noun is an event (of no type of its own) as what a signing verb signs, and
    only if the signing is told as done ("urged Kyiv to sign the deal", "refused to sign the
    treaty", "did not sign the pact": none)."""
    if noun.lower_ not in cues.signed and noun.lemma_.lower() not in cues.signed:
        return None
    verb = noun.head
    if (noun.dep_ not in ("dobj", "nsubjpass") or verb.pos_ != "VERB"
            or verb.lemma_.lower() not in cues.signing):
        return None
    if is_negated(verb) or requested(verb) or declined(verb) or alleged(verb):
        return None
    return EventType.OTHER


def _hosts_guests(ctx: DocContext, verb: Token) -> bool:
    """ "Xi hosted the leaders of A and B", "Biden hosted Modi": a hosting verb whose object
    is people (a person's name or a word for leaders), which makes it a meeting; "Turkey
    hosts NATO's land command" is none."""
    if verb.lemma_.lower() not in HOSTING_VERBS:
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        span = ctx.actors.at(obj)
        if obj.lemma_.lower() in _GUESTS or (span is not None
                                              and span.cls == EntityClass.PERSON):
            return True
    return False


def _top_of_place(ctx: DocContext, tok: Token) -> bool:
    """Whether a "summit" is the top of a place: "the summit of Mount Hermon" (a mountain, or
    a place that is no state), not "a summit of the African Union"."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                span = ctx.actors.at(pobj)
                if pobj.dep_ == "pobj" and (
                        any(t.lower_ in ("mount", "mt", "mt.") for t in pobj.subtree)
                        or (span is not None and span.cls == EntityClass.PLACE)):
                    return True
    return False


def _refers_back(
    out: list[EventFact], tok: Token, label: Span, etype: EventType, keys: list[str],
    place: ActorSpan | None, date: FuzzyDate | None, kin: frozenset[str] = frozenset(),
) -> bool:
    """"the summit" with nothing else in its name: the latest summit named before (the latest
    one that shares an actor with this mention, if any), which gains whoever this mention
    adds ("Meloni, who hosted the summit"; "Zelensky, who attended the summit as a guest");
    a bare "the meeting", "the gathering" or "the conference" is the
    latest summit too, and "the same summit" always refers back (dropped when no summit was
    read before it). Returns whether the mention was folded into that event (or dropped).

    Why: a report names its event once in full and then as "the summit"; without this each
    later mention was a summit of its own with one participant.
    """
    same = len(label) == 2 and label[0].lower_ == "same"  # "at the same summit"
    # "signed the accord in the Oval Office": an agreement's place is where it was signed
    bare = len(label) == 1 or (len(kin) > 1 and label[0].i == tok.i)
    if (not bare and not same) or tok.tag_ != "NN" or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in tok.children
    ):
        return False
    low = tok.lower_
    kinds = [i for i in range(len(out) - 1, -1, -1) if out[i].type == etype
             or (low in _GATHERINGS and out[i].type == EventType.SUMMIT)]  # "the meeting"
    # ("signed the accord" after "signed a defence agreement": ``kin`` are the words for one;
    # events of no type of their own are one only if named alike: "the referendum" is no
    # election)
    named = [i for i in kinds if out[i].type != etype
             or out[i].label.split()[-1].lower() in (kin | {low})]
    if etype == EventType.OTHER:
        kinds = named
    # "During the visit, President Khurelsukh and Putin discussed …": the latest event of the
    # kind that one of this mention's actors took part in ("Putin … was also visiting"),
    # else the latest one named with the same word
    i = next((i for i in kinds if set(out[i].participants) & set(keys)),
             named[0] if named else None)
    if i is None:
        return same  # "the same summit" is one named before, even one not read as an event
    ev = out[i]
    parts = tuple(sorted({*ev.participants, *keys}))
    out[i] = EventFact(ev.label, ev.type, ev.evidence, ev.date or date, parts,
                       ev.place or (place.key if place else None))
    return True


#: Words by which a report refers back to the summit it named ("joined the bloc at the
#: meeting").
_GATHERINGS = frozenset({"meeting", "gathering", "conference"})


def _called_off(noun: Token, verbs: frozenset[str]) -> bool:
    """An event noun that a calling-off verb takes as its object ("cancelled the visit",
    "postponed the summit", "the talks were called off", "suspending a visit by …")."""
    head = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or head.pos_ != "VERB":
        return False
    lemma = head.lemma_.lower()
    if lemma in ("call", "put"):  # "called off", "put off" (not "called a summit")
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)
    return lemma in verbs


#: Event types whose "against" phrase names a party (the side attacked).
_HOSTILITIES = frozenset({EventType.WAR, EventType.ATTACK, EventType.BOMBING})


#: Modals that put a hostile act in a clause of what may happen, not of what did.
_IRREALIS_MODALS = frozenset({"would", "could", "might", "may"})
#: Verbs whose object is an act still to come ("start a war", "provoke an attack").
_STARTING = frozenset({"start", "begin", "launch", "provoke", "trigger", "spark", "risk",
                       "prevent", "avert", "avoid", "fear", "threaten", "unleash"})
#: Verbs of trying or wanting: what they control is not done yet ("trying to start a war").
_TRYING = frozenset({"try", "want", "seek", "plan", "aim", "hope", "intend", "prepare",
                     "attempt", "threaten"})
#: Nouns an act is only spoken of or feared through ("a pretext for an attack", "talk of a
#: clash", "the risk of war").
_PROSPECT_NOUNS = frozenset({"pretext", "excuse", "justification", "talk", "risk", "threat",
                             "prospect", "possibility", "spectre", "specter", "danger", "fear",
                             "fears", "warning", "warnings", "threats"})


#: Verbs whose object is an event only wanted or proposed ("favoured direct talks").
_WANTING = frozenset({"favour", "favor", "want", "seek", "propose", "demand", "advocate",
                      "prefer", "suggest", "request", "urge", "desire"})
#: Verbs whose "for" phrase names an event asked for ("called for talks").
_ASKING_FOR = frozenset({"call", "push", "press", "appeal", "lobby", "ask", "clamour",
                         "clamor", "campaign"})


def _only_wanted(noun: Token) -> bool:
    """Whether an event noun names one only wanted or asked for: the object of a verb of
    wanting or proposing, or the "for" phrase of a verb of asking."""
    head = noun.head
    if noun.dep_ == "dobj":
        return head.lemma_.lower() in _WANTING
    return (noun.dep_ == "pobj" and head.lower_ == "for"
            and head.head.lemma_.lower() in _ASKING_FOR)


def _unrealised(noun: Token) -> bool:
    """Whether a hostile act's noun names one that has not happened: the subject of a clause
    with "would"/"could"/"might"/"may" ("a war in Venezuela would turn …", "similar strikes
    could take place"), the object of a verb of starting or averting, itself not done yet
    ("was trying to start a war"), or what a prospect noun is "of"/"for" ("a pretext for an
    attack on Venezuela", "talk of a clash")."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and modal(head) in _IRREALIS_MODALS:
        return True
    if noun.dep_ == "dobj" and head.lemma_.lower() in _STARTING and (
            modal(head) in _IRREALIS_MODALS
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
            or (head.dep_ == "xcomp" and head.head.lemma_.lower() in _TRYING)):
        return True
    return (noun.dep_ == "pobj" and head.lower_ in ("of", "for")
            and head.head.lower_ in _PROSPECT_NOUNS)


def _party_preps(etype: EventType) -> tuple[str, ...]:
    return _TOPIC_PARTY_PREPS if etype in _TOPIC_TYPES else _PARTY_PREPS


def _possessor(ctx: DocContext, pron: Token, verb: Token | None) -> list[ActorSpan]:
    """ "its/their annual summit": the subject of the governing clause, else the last actor."""
    if verb is not None:
        subj = [s for s in subject_actors(ctx, verb) if s.cls != EntityClass.PLACE]
        want_person = pron.lower_ in ("his", "her")
        subj = [s for s in subj if (s.cls == EntityClass.PERSON) == want_person]
        if subj:
            return subj
    span = ctx.actors.pronoun(pron)
    return [span] if span is not None else []


def _merge(events: list[EventFact]) -> list[EventFact]:
    """One event per (type, participants): later mentions only add a missing date or place.

    Why: an article names the same war or summit many times; repeating it adds nothing.
    """
    merged: dict[tuple, EventFact] = {}
    for ev in sorted(events, key=lambda e: (e.evidence.start, repr(e))):
        key = (ev.type, ev.participants, ev.label.split()[-1].lower())
        first = merged.get(key)
        if first is None:
            merged[key] = ev
        elif (first.date is None and ev.date) or (first.place is None and ev.place):
            merged[key] = EventFact(
                first.label,
                first.type,
                first.evidence,
                first.date or ev.date,
                first.participants,
                first.place or ev.place,
            )
    return list(merged.values())


def _lend_date(
    out: list[EventFact], etype: EventType, date: FuzzyDate | None, tok: Token, sent_i: int
) -> None:
    """ "The visit took place on May 7": date the latest event of that type if it has none."""
    if date is None or not any(c.lower_ in ("the", "this", "that") for c in tok.lefts):
        return
    for i in range(len(out) - 1, -1, -1):
        ev = out[i]
        if ev.type == etype and ev.date is None and sent_i - ev.evidence.sentence_index <= 2:
            out[i] = EventFact(ev.label, ev.type, ev.evidence, date, ev.participants, ev.place)
            return
