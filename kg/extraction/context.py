"""The per-article context every fact function reads: Doc, actors, sentences, registry, date.

Why: fact functions stay pure (``DocContext -> list[Fact]``) and share one lookup of actors and
sentences instead of each rebuilding them; the article's id and publication date reach them
here, after ``nlp.pipe``, which also works with ``n_process > 1``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extraction.actors import ActorSpan, DocActors, is_dateline
from kg.extraction.dates import normalise_date
from kg.extraction.evidence import SentenceIndex
from kg.extraction.lexicon import word_set
from kg.facts import EntityClass, FuzzyDate
from kg.linking import Actor, Registry


@dataclass
class DocContext:
    """One article's Doc with its resolved actors and sentence index."""

    doc: Doc
    article_id: str
    published: FuzzyDate | None
    registry: Registry
    actors: DocActors = field(init=False)
    sents: SentenceIndex = field(init=False)
    #: (end token, year) of the DATE entities that name a year, read on first use
    _years: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.actors = DocActors(self.doc, registry=self.registry)
        self.sents = SentenceIndex(self.doc, self.article_id)
        # Token objects are created on every access; read the strings once per Doc.
        self._positions: dict[str, list[int]] = {}  # lowercase form or lemma -> token indexes
        for i, t in enumerate(self.doc):
            low, lemma = t.lower_, t.lemma_.lower()
            self._positions.setdefault(low, []).append(i)
            if lemma != low:
                self._positions.setdefault(lemma, []).append(i)

    def year_before(self, i: int) -> int | None:
        """The last year a DATE entity ending before token ``i`` names ("The two leaders'
        meetings in 2024 …. Putin arrived in Beijing on May 16": 2024), read once per Doc."""
        if self._years is None:
            self._years = [(e.end, int(m.group(0))) for e in self.doc.ents
                           if e.label_ == "DATE" for m in [_YEAR_IN_DATE.search(e.text)] if m]
        before = [y for end, y in self._years if end <= i]
        return before[-1] if before else None

    def scan(self, vocab: AbstractSet[str]) -> list[Token]:
        """Tokens whose lowercase form or lemma is in ``vocab``, in text order.

        Why: the fact functions look at a few hundred cue words; testing strings first and
        building Token objects only for candidates keeps them cheap next to the parser.
        """
        doc, positions = self.doc, self._positions
        hits = {i for word in positions.keys() & vocab for i in positions[word]}
        return [doc[i] for i in sorted(hits)]


#: A four-digit year inside a DATE entity's text.
_YEAR_IN_DATE = re.compile(r"\b(?:19|20)\d\d\b")

SUBJECT_DEPS = ("nsubj", "csubj")
_CLIMB = ("conj", "xcomp", "advcl", "pcomp", "ccomp", "relcl", "acl")
_RELATIVE = ("who", "which", "that")


def governing_verb(tok: Token, through: frozenset[str]) -> Token | None:
    """The verb or auxiliary a noun hangs from, climbing at most 3 arcs of the ``through`` kinds.

    Why a bound and a dependency list: "the visit *to* Belgrade took place" should reach "took",
    but a noun deep inside another clause should not borrow that clause's verb.
    """
    node = tok
    for _ in range(3):
        if node.dep_ not in through:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def prep_actors(
    ctx: DocContext, tok: Token, preps: tuple[str, ...] | frozenset[str], appositions: bool = False,
    allow_poss: bool = True, deps: tuple[str, ...] = ("prep",),
) -> list[ActorSpan]:
    """Actors in the objects of the given prepositions attached to ``tok`` ("ties *with* X").

    With ``appositions``, actors in an apposition to such an object count too ("a visit to
    the capital, Belgrade"); without ``allow_poss`` an object's possessor does not stand for
    it ("belongs to the SCO", not to whoever owns a thing). ``deps``: the arcs the parser
    hangs such a preposition by ("dative" for the "to" of "sent congratulations to X").
    """
    out: list[ActorSpan] = []
    for prep in tok.children:
        if prep.dep_ in deps and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    out += ctx.actors.conj_phrases(pobj, allow_poss)
                    if appositions:
                        for app in pobj.children:
                            if app.dep_ == "appos":
                                out += ctx.actors.conj_phrases(app)
    return out


def agent_actors(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """Actors of a passive verb's "by" phrase ("was criticised *by NATO*")."""
    return [s for c in verb.children if c.dep_ == "agent"
            for p in c.children if p.dep_ == "pobj" for s in ctx.actors.conj_phrases(p)]


def _apposed_name(ctx: DocContext, noun: Token) -> list[ActorSpan]:
    """The actors of the name set right after a noun that names none itself ("the UN refugee
    agency, UNHCR,")."""
    doc = noun.doc
    if ctx.actors.at(noun) is not None or noun.i + 2 >= len(doc) or doc[noun.i + 1].text != ",":
        return []
    return [s for a in noun.children if a.left_edge.i == noun.i + 2 and (
                a.dep_ == "appos" or (a.dep_ == "npadvmod" and a.pos_ == "PROPN"))
            for s in ctx.actors.conj_phrases(a)]  # (the parser's "npadvmod" for "UNHCR")


def subject_actors(ctx: DocContext, verb: Token, depth: int = 0) -> list[ActorSpan]:
    """Actors of a verb's subject, inherited from the governing clause when it has none.

    Why: "NATO has not objected to, but rather supported Japan" and "by framing the alliance"
    share the subject of the main clause; relative clauses ("which", "who") take their head
    noun. Depth-limited to avoid wandering across the sentence.
    """
    if verb.dep_ == "pcomp" and verb.head.lower_ in ("as", "of"):
        passive = [c for c in verb.head.head.children if c.dep_ == "nsubjpass"]
        if passive:  # "the meeting was criticised by A as undermining B": the meeting, not A
            return ctx.actors.conj_phrases(passive[0])
    if depth < 3 and _object_taken_for_subject(verb):
        return subject_actors(ctx, verb.head, depth + 1)
    children = list(verb.children)
    # "China keeps supporting": the parser hangs the subject on the auxiliary.
    children += [g for c in verb.children if c.dep_ == "aux" for g in c.children]
    has_subject = False
    for child in children:
        found: list[ActorSpan] = []
        if child.dep_ in SUBJECT_DEPS:
            has_subject = True
            if verb.dep_ == "relcl" and unspecified(verb.head):
                found = []  # "any decision that treats China as an enemy": no act of anyone
            elif verb.dep_ in ("relcl", "acl") and all_of_which(child):
                # "Jordan, Turkey and Malaysia, all of which had backed South Africa's
                # application": each of the listed actors
                found = ctx.actors.conj_phrases(verb.head)
            elif verb.dep_ in ("relcl", "acl") and child.lower_ in _RELATIVE:
                # "Stoltenberg, who cultivated ties": the head noun; "Estonia, Latvia and
                # Lithuania, which joined": the whole list, unless the verb is singular
                # ("China and Russia, which has …" is about Russia alone).
                if verb.head.conjuncts and not _singular(verb):
                    found = ctx.actors.conj_phrases(verb.head)
                else:
                    # (the parser hangs the clause on the list's first item, but a singular
                    # verb is about the item right before it: "Saudi Arabia and Iran, which
                    # backs Assad")
                    listed = [t for t in (verb.head, *verb.head.conjuncts) if t.i < child.i]
                    head = ctx.actors.of_phrase(max(listed, key=lambda t: t.i, default=verb.head))
                    found = [head] if head is not None else []
            elif verb.dep_ in ("relcl", "acl") and any(c.lower_ == "whose" for c in child.children):
                # "Hungary, Turkey and other countries whose governments maintain ties".
                found = ctx.actors.conj_phrases(verb.head)
            elif (child.lower_ == "they" and verb.dep_ in ("advcl", "ccomp")
                  and verb.head.i != verb.i):
                # "Putin and Modi reaffirmed their partnership when they met", "Saudi Arabia
                # and Iran announced that they would restore relations": the listed subject
                # of the clause the adverbial or reported one hangs on (a list only).
                found = subject_actors(ctx, verb.head, depth + 1)
                found = found if len(found) >= 2 else []
            elif (child.lower_ == "they" and verb.dep_ == "ROOT"
                  and child.i == verb.sent.start):
                found = _they_continues(ctx, verb)
            elif child.lower_ == "they" and verb.dep_ == "relcl":
                # "the activities they oppose": they = the subject of the governing clause.
                gov = verb.head.head
                if gov.pos_ == "ADP":
                    gov = gov.head
                found = subject_actors(ctx, gov, depth + 1) if gov != verb.head else []
            else:
                found = ctx.actors.conj_phrases(child)
                apposed = _apposed_name(ctx, child)
                if apposed and not {a.key for a in apposed} <= {f.key for f in found} and any(
                        c.dep_ in ("compound", "poss", "nmod", "amod") for c in child.children):
                    # "The UN refugee agency, UNHCR, said": the body named beside a noun its
                    # owner only modifies (not the owner, the UN); "Egypt's foreign minister,
                    # Sameh Shoukry, and his Sudanese counterpart, X,": each one's name
                    found = apposed + [s for c in child.conjuncts
                                       for s in (_apposed_name(ctx, c)
                                                 or ctx.actors.conj_phrases(c))]
                if not found and ctx.actors.at(child) is None:
                    # "WARSAW, Sept 12 (Reuters) - Poland and the three Baltic states urged":
                    # the parser made the dateline's credit the subject and the real one its
                    # apposition
                    found = [s for a in child.children if a.dep_ == "appos"
                             for s in ctx.actors.conj_phrases(a)]
                if not found and child.lower_ in _SEATED_BODIES:
                    found = _seated_state(ctx, child)
                if not found and child.lower_ in _VOICES:
                    # "Officials from the United States, Australia and Japan expressed
                    # concerns": the states they come from
                    found = [s for s in prep_actors(ctx, child, ("from",))
                             if s.cls in (EntityClass.STATE, EntityClass.INTERNATIONAL_ORGANIZATION,
                                          EntityClass.ALLIANCE, EntityClass.PARTNERSHIP_GROUP)]
        elif child.dep_ == "nsubjpass" and depth > 0:
            # Climbing into a passive clause: its subject controls the verb below ("the pact
            # was aimed at containing China": the pact contains, not whoever argued it).
            has_subject = True
            found = ctx.actors.conj_phrases(child)
        elif child.dep_ == "agent":
            has_subject = True
            found = [
                s for p in child.children if p.dep_ == "pobj" for s in ctx.actors.conj_phrases(p)
            ]
        if found and all(is_dateline(ctx.doc[s.start:s.end]) and (
                s.cls in (EntityClass.PLACE, EntityClass.REGION) or s.kind == "metonym")
                for s in found):
            # "CAIRO (AP) — Egypt and Sudan stepped up …": the dateline's city is no subject
            # (an acronym opening a paragraph, "ECOWAS, which is chaired by …", is one)
            continue
        if found:  # the parser sometimes gives a clause two subjects; take one that names
            return found
    if has_subject:
        return []
    if verb.dep_ == "ccomp" and any(c.dep_ == "auxpass" for c in verb.children) and not any(
            c.dep_ == "nsubjpass" for c in verb.children):
        return []  # "Russia's war has shown that … installations are needed to defend
        # Estonia", the subject misparsed away: a passive reported clause's doer is not the
        # reporter
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and verb.i > 0:
        named = ctx.actors.at(ctx.doc[verb.i - 1])
        if named is not None:
            # "held talks, with the chief adviser raising … and Modi urging Dhaka to …": an
            # absolute clause's subject, which the parser left beside it, not the main one
            return [named]
    if depth >= 3 or verb.dep_ not in _CLIMB or verb.head == verb:
        return []
    head = verb.head
    if _trails_reported_clause(ctx, verb):
        return subject_actors(ctx, head.head, depth + 1)
    if verb.dep_ == "conj":
        stranded = _stranded_subject(ctx, verb)
        if stranded:
            return stranded
        reporter = _continues_reporting_clause(ctx, verb)
        if reporter is not None:
            return subject_actors(ctx, reporter, depth + 1)
        if (_singular(verb) and _plural(head)) or (_plural(verb) and _singular(head)):
            # "Trump, who has threatened not to defend allies that fail to meet the target and
            # has criticised U.S. aid": a conjunct that disagrees in number with the verb the
            # parser hung it on belongs to another clause; no subject beats the wrong one.
            return []
    if (verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "pobj"
            and head.head.lower_ == "to" and head.head.head.lemma_.lower() in SPEECH_VERBS):
        # "Fu Cong wrote to Secretary-General António Guterres accusing Japan of …": the
        # writer accuses, not the one written to (the parser hangs the participle on him)
        return subject_actors(ctx, head.head.head, depth + 1)
    if verb.dep_ in ("acl", "relcl"):
        span = ctx.actors.at(head)
        if (span is None and verb.dep_ == "acl" and head.dep_ == "dobj" and depth < 3
                and head.head.lemma_.lower() not in SPEECH_VERBS
                and head.head.lemma_.lower() not in _REFUSAL_VERBS):
            # "allies adopted policies banning Huawei": the policy's adopter acts (not so
            # who describes or condemns "the efforts to block Arévalo's inauguration", nor
            # who vetoes "a resolution calling on Sudan's warring parties to cease fire")
            return subject_actors(ctx, head.head, depth + 1)
        return [span] if span else []
    if verb.dep_ == "xcomp":
        # Object control: "persuading European governments to support Washington".
        objs = object_actors(ctx, head)
        if objs:
            return objs
        if head.lemma_.lower() in REQUEST_VERBS and any(c.dep_ == "dobj" for c in head.children):
            # "the minister pressed partners to conclude the deal": the partners conclude,
            # whoever they are; never the one who asks
            return []
    # Object control again: "accused Washington of supporting", "praised Japan for joining".
    objs = object_controller(ctx, verb)
    if objs:
        return objs
    if _judged_object(verb):
        return []  # "praised OPEC+ for resisting the Western price cap": the object (no actor
        # here) resists, never the one who praises
    if head.pos_ == "ADP" and head.head != head:
        head = head.head
    return subject_actors(ctx, head, depth + 1)


def unspecified(noun: Token) -> bool:
    """Whether a noun is under "any" or "no" ("any decision that treats China as an enemy",
    "any nuclear attack by North Korea"): no particular act, so nobody's done."""
    return any(d.dep_ == "det" and d.lower_ in ("any", "no") for d in noun.children)


def _object_taken_for_subject(verb: Token) -> bool:
    """ "von der Leyen met Prime Minister Naftali Bennett and Foreign Minister Yair Lapid,
    received an honorary doctorate … and accused Russia": the parser made the first verb's
    object, which ends right before the comma, the subject of the verb coordinated with it.
    A first verb without an object and no "and"/"but" before the subject show it."""
    head = verb.head
    if verb.dep_ != "conj" or head.pos_ != "VERB" or verb.i < 1 or verb.doc[verb.i - 1].text != ",":
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (subj is not None and head.i < subj.i < verb.i
            and any(c.dep_ == "nsubj" for c in head.children)
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in head.children)
            and not any(t.dep_ == "cc" and t.head == head for t in verb.doc[head.i : subj.i]))


def all_of_which(tok: Token) -> bool:
    """ "all of which", "both of whom", "each of which": a relative subject that takes in the
    whole list (not "some of which", "none of whom": which ones is not said)."""
    return tok.lower_ in ("all", "both", "each") and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(
            o.dep_ == "pobj" and o.lower_ in ("which", "whom") for o in p.children)
        for p in tok.children)


def _they_continues(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """ "EU leaders said the law represents backsliding. They urged the Georgian authorities
    to change course": a "They" opening a sentence continues the subject of the sentence
    before when that subject names several actors or a plural group of them.

    Why only then: "they" is otherwise left unresolved (plural antecedents are usually
    unnamed groups); the previous main clause's plural subject is the one reading a reader
    takes without a second thought.
    """
    start = verb.sent.start
    if start == 0:
        return []
    prev = ctx.doc[start - 1].sent
    subjects = [c for c in prev.root.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) != 1 or subjects[0].lower_ in ("they", "it", "he", "she"):
        return []
    found = ctx.actors.conj_phrases(subjects[0])
    plural = len(found) >= 2 or subjects[0].tag_ in ("NNS", "NNPS")
    return found if found and plural else []


#: Speech verbs (``communication_verbs.json``): a reporting clause's verb, or one it goes on.
SPEECH_VERBS = word_set("communication_verbs.json", "verbs")
_REFUSAL_VERBS = word_set("communication_verbs.json", "refusal")
#: Head words of a state's executive bodies ("ministry", "department", "embassy").
EXECUTIVE_HEADS = word_set("collective_nouns.json", "executive_body_heads")


def is_executive_body(actor: Actor | None) -> bool:
    """Whether a registry actor is one of a state's executive bodies ("the Pentagon", "the
    State Department"): no person, a head word of such a body in its name. Such a body
    speaks and acts for its state (``country``) and never attacks it."""
    return (actor is not None and actor.cls != EntityClass.PERSON
            and bool(EXECUTIVE_HEADS & {w.lower() for w in actor.label.split()}))


def _trails_reported_clause(ctx: DocContext, verb: Token) -> bool:
    """ 'He added that NATO should "stop reaching into the Asia-Pacific", accusing the
    alliance of …': a speech participle after a comma, which the parser hangs on the
    reported clause, goes on the reporting clause."""
    head = verb.head
    # (or after "while" when the reported clause's subject is no actor: "saying X's attempt
    # was unacceptable while calling on Y to …", not "say Berlin lobbied Sofia while urging")
    opened = ctx.doc[verb.i - 1].text == "," or (
        ctx.doc[verb.i - 1].lower_ == "while" and ctx.doc[verb.i - 1].dep_ == "mark"
        and not any(c.dep_ in SUBJECT_DEPS and ctx.actors.at(c) is not None
                    for c in head.children))
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp"
            and verb.lemma_.lower() in SPEECH_VERBS and head.head != head
            and head.head.lemma_.lower() in SPEECH_VERBS and verb.i > head.i and opened)


def _continues_reporting_clause(ctx: DocContext, verb: Token) -> Token | None:
    """ "Peskov said the law was Georgia's internal affair and accused Western governments of
    interference": the parser hangs "accused" on the reported clause ("the law was"), whose
    subject names no actor; a speech verb there in the reporting verb's past tense, with no
    subject of its own, goes on the reporting clause instead.

    Why the reported subject must name no actor and be a common noun: "said Russia was lying
    and accused …" is ambiguous, and the reported subject is then the reading we keep.
    """
    head = verb.head
    # A reported clause in the present ("said Ethiopia's commitment remains steadfast and
    # thanked the AU") cannot go on in the past: any verb then, and even after a subject
    # that names an actor; nor can one in the past perfect ("said Germany had shown
    # 'negative activism' since …, and accused Berlin of …": the same subject would have
    # "had accused")
    tense_break = head.tag_ in ("VBZ", "VBP") or (
        head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)
        and not any(c.dep_ == "aux" for c in verb.children))
    if head.dep_ != "ccomp" or verb.i < head.i or verb.tag_ != "VBD" or (
            verb.lemma_.lower() not in SPEECH_VERBS and not tense_break):
        return None
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    # Up the reported clauses to the reporting verb ("said the order showed that no state
    # was above the law and urged the Council …"); each names no actor as its subject.
    clause = head
    for _ in range(3):
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        broken = tense_break and clause is head
        if not subjects or (not broken and any(
                s.pos_ != "NOUN" or ctx.actors.conj_phrases(s) for s in subjects)):
            return None
        reporter = clause.head
        if clause.dep_ != "ccomp" or reporter == clause:
            return None
        if reporter.lemma_.lower() in SPEECH_VERBS and reporter.tag_ == "VBD":
            return reporter
        clause = reporter
    return None


def _apposed_clause_subject(ctx: DocContext, comma: int) -> ActorSpan | None:
    """The person named in apposition between ", and" and a coordinated clause's verb ("…
    welcomed it, and the Arab League's secretary-general, Ahmed Aboul Gheit, urged Israel"),
    which the parser hung elsewhere; ``comma`` is the index right before the verb."""
    doc = ctx.doc
    if comma < 1 or doc[comma].text != ",":
        return None
    named = ctx.actors.at(doc[comma - 1])
    if named is None or named.cls != EntityClass.PERSON or named.end != comma:
        return None
    k = named.start - 1
    if k < 2 or doc[k].text != ",":
        return None
    m = k - 1
    while m > 0 and doc[m].lower_ not in ("and", "but"):
        if doc[m].pos_ in ("VERB", "AUX") or (doc[m].is_punct and doc[m].text not in ("-", "–")):
            return None  # the title phrase is a bare noun phrase
        m -= 1
    return named if m < k - 1 and m > 0 and doc[m - 1].text == "," else None


def _stranded_subject(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """The subject of a coordinated clause that the parser hung on the clause before:
    "A, B and C belong to the CSTO, and A and B are members of the EEU" parses "A and B" as
    conjuncts of "the CSTO", leaving "are" without a subject, which would then inherit
    "A, B and C". Actors right before the verb (past its own auxiliaries and adverbs), after
    "and"/"but", attached as conjuncts elsewhere, are its subject."""
    doc = ctx.doc
    j = verb.i - 1
    while j > 0 and doc[j].head.i == verb.i and doc[j].dep_ in ("aux", "neg", "advmod"):
        j -= 1
    apposed = _apposed_clause_subject(ctx, j)
    if apposed is not None:
        return [apposed]
    if doc[j].text == ",":  # "…, and Ukraine, which is also a party, has accused …": past
        # the relative clause set off after the subject
        anchor = doc[j].head
        named = ctx.actors.at(anchor)
        if named is not None and anchor.i < j and any(
                c.dep_ == "relcl" and anchor.i < c.i < j for c in anchor.children):
            j = named.end - 1
    found: list[ActorSpan] = []
    while j >= 0:
        span = ctx.actors.at(doc[j])
        if span is None or span.end != j + 1:
            break
        found.insert(0, span)
        j = span.start - 1
        if j < 1 or doc[j].lower_ not in ("and", ",") or ctx.actors.at(doc[j - 1]) is None:
            break
        j -= 1  # "A, B and C": the list goes on to the left
    if not found or j < 1 or doc[j].lower_ not in ("and", "but") or doc[j - 1].text != ",":
        return []
    first = doc[found[0].start:found[0].end].root
    return found if first.dep_ == "conj" and first.head.i != verb.i else []


#: Prepositions whose gerund takes the governing verb's object as subject ("blamed X for
#: Ving", "stopped X from Ving"); "by", "after", "while" take its subject instead.
CONTROL_PREPS = frozenset({"of", "for", "from", "against", "into"})


def companion_actors(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """Actors in a "together with" / "along with" / "alongside" phrase of the verb or of its
    subject ("joined BRICS together with Iran", "the two countries, together with Japan,
    held a summit")."""
    out: list[ActorSpan] = []
    owners = [verb, *(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))]
    for prep in (p for o in owners for p in o.children if p.dep_ == "prep"):
        joint = prep.lower_ == "alongside" or (
            prep.lower_ == "with" and any(c.lower_ in ("together", "along") for c in prep.children)
        )
        if prep.lower_ == "along":  # "along with Sweden", parsed as "with" under "along"
            prep = next((c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"),
                        prep)
            joint = prep.lower_ == "with"
        if joint:
            found = [s for p in prep.children if p.dep_ == "pobj"
                     for s in ctx.actors.conj_phrases(p)]
            out += found or _listed_after(ctx, prep.i)
    for joined in (a for o in owners[1:] for a in o.children
                   if a.dep_ == "acl" and a.lemma_.lower() == "join"):
        # "Riyadh, Abu Dhabi and Manama, joined by Cairo, cut relations with Doha"
        out += [s for agent in joined.children if agent.dep_ == "agent"
                for p in agent.children if p.dep_ == "pobj" for s in ctx.actors.conj_phrases(p)]
    return out


def _listed_after(ctx: DocContext, i: int) -> list[ActorSpan]:
    """Actors listed right after token ``i`` past up to three lower-case words, read in word
    order ("alongside founding members Russia, Belarus and Kazakhstan", which the parser
    reads as a gerund and its objects)."""
    doc, end = ctx.doc, ctx.sents.sent(ctx.doc[i]).end
    j = i + 1
    while j < end and j - i <= 3 and doc[j].is_lower and ctx.actors.at(doc[j]) is None:
        j += 1
    found: list[ActorSpan] = []
    while j < end:
        span = ctx.actors.at(doc[j])
        if span is not None:
            found.append(span)
            j = span.end
        elif doc[j].lower_ in (",", "and", "the"):
            j += 1
        else:
            break
    return found


def object_actors(ctx: DocContext, verb: Token, allow_poss: bool = True) -> list[ActorSpan]:
    """Actors of a verb's direct objects and their conjuncts ("hosted Modi and Albanese")."""
    return [s for c in verb.children if c.dep_ == "dobj"
            for s in ctx.actors.conj_phrases(c, allow_poss=allow_poss)]


def joined_bodies(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """The bodies a joining verb's objects name themselves: not a possessor ("join its
    'small yards'") nor a name that modifies another noun ("could now join EU military
    missions", "joined NATO exercises"): a thing a body owns or runs is joined, not the
    body."""
    out = []
    for span in object_actors(ctx, verb, allow_poss=False):
        root = ctx.doc[span.start : span.end].root
        noun = root.head
        if not (root.dep_ in ("compound", "nmod", "amod") and ctx.actors.at(noun) is None
                and noun.pos_ == "NOUN" and noun.lemma_.lower() not in _BODY_NOUNS):
            out.append(span)
    return out


#: Nouns a body's name modifies that name the body itself ("join the BRICS group").
_BODY_NOUNS = frozenset({"group", "grouping", "bloc", "alliance", "organisation",
                         "organization", "union", "club", "forum", "format", "pact",
                         "community", "coalition", "partnership", "body"})


def _judged_object(gerund: Token) -> bool:
    """Whether ``gerund`` is what a judging verb's direct object did ("praised OPEC+ for
    resisting"), whatever that object is."""
    prep = _control_prep(gerund)
    return (prep is not None and prep.lower_ in ("of", "for")
            and prep.head.lemma_.lower() in _JUDGING
            and any(c.dep_ == "dobj" for c in prep.head.children))


def object_controller(ctx: DocContext, gerund: Token) -> list[ActorSpan]:
    """Actors of the direct object of the verb whose object-control preposition governs
    ``gerund`` ("accused *Washington* of supporting"); [] when there is none."""
    prep = _control_prep(gerund)
    return object_actors(ctx, prep.head) if prep is not None else []


def _control_prep(gerund: Token) -> Token | None:
    """The object-control preposition that governs ``gerund`` ("accused X *of* supporting",
    "praised X *for* joining"), if any: the verb it hangs on controls the gerund."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or prep.lower_ not in CONTROL_PREPS or prep.head.i == prep.i:
        return None
    return prep


def _plural(verb: Token) -> bool:
    """A plural present or past form ("fail", "have", "are", "were")."""
    forms = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ == "VBP" or t.lower_ in ("are", "were") for t in forms)


def _singular(verb: Token) -> bool:
    """A third-person singular verb form ("has", "is", "was", "joins")."""
    forms = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ == "VBZ" or t.lower_ == "was" for t in forms)


NEGATION_CACHE = "kg_negated_heads"


def _not_until(verb: Token) -> bool:
    """Whether a negated verb (or the clause it controls) has an "until"/"till" phrase:
    "did not join NATO until March 2024" says when it happened, not that it did not."""
    for node in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        if any(c.lower_ in ("until", "till") and c.dep_ in ("prep", "mark")
               for c in node.children):
            return True
    return False


def is_negated(tok: Token) -> bool:
    """A ``neg`` child ("not", "never", "n't"; "hardly" or "scarcely" on a verb) or a
    "no"/"nor" determiner on the token, or, for a verb, a denied subject ("neither has cut
    those ties", "no state has condemned it").

    The heads of all negators are collected once per Doc (kept in ``doc.user_data`` as a
    msgpack-friendly dict) instead of walking each token's children.
    """
    doc = tok.doc
    heads = doc.user_data.get(NEGATION_CACHE)
    if heads is None:
        heads = {}
        for t in doc:
            dep, low = t.dep_, t.lower_
            if dep == "neg" and _not_until(t.head):
                continue  # "did not agree to restore relations until April 2023": they did
            if dep == "neg" or (dep == "det" and low == "no") or low == "nor":
                heads[t.head.i] = True
            if dep == "advmod" and low in ("hardly", "scarcely") and t.head.pos_ in ("VERB",
                                                                                     "AUX"):
                heads[t.head.i] = True  # "a position Ankara could hardly have welcomed"
            # A denied subject denies its verb: "neither has cut those ties", "none of the
            # members condemned it", "no country has recognised it", "Neither A nor B joined".
            if dep in ("nsubj", "nsubjpass") and low in _NEGATIVE_SUBJECTS:
                heads[t.head.i] = True
            elif (dep in ("det", "preconj") and low in ("no", "neither")
                    and t.head.dep_ in ("nsubj", "nsubjpass")):
                heads[t.head.head.i] = True
            elif (low == "few" and dep in ("amod", "det") and t.head.dep_ in ("nsubj", "nsubjpass")
                    and (t.i == 0 or doc[t.i - 1].lower_ != "a")):
                # "Few European capitals have pursued relations with China": most have not
                # ("a few" have)
                heads[t.head.head.i] = True
            elif (low == "few" and dep == "nsubj" and t.pos_ in ("ADJ", "PRON", "NOUN")
                  and (t.i == 0 or doc[t.i - 1].lower_ != "a")):
                heads[t.head.i] = True  # "few believe Canberra would back it": most do not
        doc.user_data[NEGATION_CACHE] = heads
    return tok.i in heads


#: A state's own bodies, named by where they sit ("the foreign ministry in Jakarta"); not an
#: embassy or mission, which sits abroad.
_SEATED_BODIES = frozenset({"ministry", "government", "cabinet", "presidency", "parliament"})


def _seated_state(ctx: DocContext, noun: Token) -> list[ActorSpan]:
    """ "the foreign ministry in Jakarta said …": the state whose capital the body sits in."""
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ == "in":
            for o in p.children:
                span = ctx.actors.at(o) if o.dep_ == "pobj" else None
                if span is None:
                    continue
                if span.cls == EntityClass.STATE:
                    return [span]
                state = ctx.actors.capital_state(span)
                if state is not None:
                    return [state]
    return []


#: Subject nouns that speak for where they come from ("officials from Japan").
_VOICES = frozenset({"officials", "diplomats", "representatives", "delegates", "envoys",
                     "ministers", "leaders", "delegations", "delegation", "team", "mission",
                     "staff"})
#: Subject pronouns that deny the act of their verb.
_NEGATIVE_SUBJECTS = frozenset({"neither", "none", "nobody", "nothing"})


#: Verbs that ask or make someone act ("urged India to cooperate", "called on Caracas to
#: publish", "ordered the army to withdraw"); data: ``communication_verbs.json``.
REQUEST_VERBS = word_set("communication_verbs.json", "request")
#: Verbs of wanting ("wanted India to cooperate", "hopes the EU will reconsider").
VOLITION_VERBS = word_set("communication_verbs.json", "volition")


#: Verbs of starting, going on with or stopping an act, which the act's asker governs.
_ASPECTUAL = frozenset({"stop", "start", "begin", "continue", "keep", "cease", "resume"})


def requested(verb: Token, also: AbstractSet[str] = frozenset()) -> bool:
    """Whether the verb is an act one actor asks or wants another to do, so not one done:
    "urged India to cooperate with Canada", "called on the authorities to publish the
    results", "the United States wanted India to cooperate". No stance or event of the
    addressee follows (the asker's own appeal is read by the appeal cues). A request needs
    no named addressee ("called for talks to resume"); a wish does, since "China wants to
    cooperate" is China's own stance. ``also``: more requesting verbs (a caller's lexicon).
    """
    node = verb
    if node.dep_ == "conj" and node.head != node:  # "urged X to stop A and to start B"
        node = node.head
    while node.dep_ == "xcomp" and node.head.lemma_.lower() in _ASPECTUAL:
        node = node.head  # "urged Washington to stop arming the island and to support …"
    if node.dep_ not in ("xcomp", "advcl", "ccomp") or node.head == node:
        return False
    head = node.head.lemma_.lower()
    asks = head in REQUEST_VERBS or head in also
    if (asks and head not in VOLITION_VERBS and node.dep_ == "ccomp" and node.tag_ != "VB"
            and modal(node) != "should"):
        return False  # "told reporters that the three had restored ties": told, not asked
    if asks and node.dep_ != "ccomp" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return True
    if node.dep_ == "advcl" or (not asks and head not in VOLITION_VERBS):
        return False  # "ASEAN seeks a code as the coast guard presses Manila": a clause beside
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) or any(
        c.dep_ == "dobj" for c in node.head.children)


#: Verbs whose "of"/"for" gerund is an act they allege, which may not have happened ("accused
#: Washington of waging economic war", "was blamed for the attack").
ALLEGING = frozenset({"accuse", "blame", "suspect", "charge", "fault", "allege"})
#: Verbs that judge their object for what it does ("praised X for resisting …").
_JUDGING = ALLEGING | frozenset({
    "praise", "criticise", "criticize", "condemn", "commend", "thank", "credit", "congratulate",
    "applaud", "hail", "denounce", "rebuke", "reward", "punish", "sanction"})


def gerund_chain(verb: Token) -> Iterator[Token]:
    """``verb`` and the verbs it hangs from as a gerund or a complement, up to three steps
    ("prolonging" in "accused the West of prolonging the war by arming Kyiv" is reached from
    "arming"): where a claim about the act is found."""
    node = verb
    for _ in range(3):
        yield node
        if node.dep_ not in ("pcomp", "xcomp", "advcl", "conj", "ccomp") or node.head == node:
            return
        node = node.head
        if node.pos_ == "ADP" and node.head != node:  # "by arming": the preposition
            node = node.head


def is_condition(clause: Token) -> bool:
    """Whether ``clause`` is an adverbial clause of condition ("if …", "unless …"): what it
    says is supposed, not done."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                          for c in clause.children)


def conditional(tok: Token) -> bool:
    """Whether ``tok`` is in a condition ("If Washington criticises BRICS, Jakarta will
    respond", "… keep its balance if Washington starts treating BRICS as a hostile club"):
    the act is supposed, not reported."""
    node = tok
    for _ in range(6):
        if is_condition(node):
            return True
        if node.dep_ not in ("xcomp", "conj", "ccomp", "pcomp", "prep", "pobj", "dobj",
                             "oprd") or node.head == node:
            return False
        node = node.head
    return False


def alleged(verb: Token) -> bool:
    """Whether ``verb`` is an act someone alleges ("accused Washington of waging economic
    war", "Kyiv was accused of shelling the plant", "accused the West of prolonging the war
    by arming Kyiv", "alleging that NATO waged wars"): a claim, so no event of its own."""
    for node in gerund_chain(verb):
        prep = node.head
        if node.dep_ == "ccomp" and prep.lemma_.lower() in ALLEGING:
            return True
        if (node.dep_ == "pcomp" and prep.lower_ in ("of", "for") and prep.head != prep
                and prep.head.lemma_.lower() in ALLEGING):
            return True
    return False


#: Verbs and adjectives that deny the act of the verb they control ("refused to join the
#: union", "declined to attend the summit", "failed to pass a resolution").
NOT_DOING = frozenset({"refuse", "decline", "fail", "avoid", "hesitate", "reluctant",
                       "unwilling", "loath", "loth", "resist", "forgo", "forego"})
#: Nouns of intent that "no" denies ("has no intention of joining", "no plans to join").
_INTENT_NOUNS = frozenset({"intention", "plan", "desire", "wish", "ambition", "interest"})


#: Nouns of an offer that a refusing verb turns down ("declined the invitation to join").
_OFFER_NOUNS = frozenset({"invitation", "offer", "proposal", "request", "bid"})
#: Verbs that turn an offer down, besides the refusing ones of ``NOT_DOING``.
_REJECTING = frozenset({"reject", "spurn", "rebuff"})


def _refused_offer(node: Token) -> bool:
    """ "declined the invitation to join BRICS", "rejected an offer for Argentina to join":
    the act is the offer's, and the offer was turned down (the parser hangs the clause on
    the offer noun or, with "for X to", on the refusing verb)."""
    if node.dep_ not in ("advcl", "acl", "relcl"):
        return False
    refusing = NOT_DOING | _REJECTING
    head = node.head
    if head.lemma_.lower() in _OFFER_NOUNS:
        return head.dep_ == "dobj" and head.head.lemma_.lower() in refusing
    return (node.dep_ == "advcl" and head.lemma_.lower() in refusing
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in node.children)
            and any(c.dep_ == "dobj" and c.lemma_.lower() in _OFFER_NOUNS
                    for c in head.children))


def joined_in_act(verb: Token) -> bool:
    """Whether a "join" is joining others in an act ("joined ECOWAS in calling for the
    release", "joined the US in condemning the coup"): siding with them, no membership."""
    return any(p.dep_ == "prep" and p.lower_ == "in" and any(
        c.tag_ == "VBG" or (c.dep_ == "pcomp" and c.pos_ == "VERB") for c in p.children)
        for p in verb.children)


def declined(verb: Token) -> bool:
    """Whether the sentence says the act of ``verb`` is not done: it is controlled by a
    refusing verb ("refused to join the union", "declined to attend the summit") or a negated
    one ("was not allowed to meet Tiani"), or hangs from a denied intent ("has no intention
    of joining the alliance", "no plans to join")."""
    node = verb
    if node.dep_ == "conj" and node.head != node:  # "refused to join X or to back Y"
        node = node.head
    if node.dep_ == "xcomp" and node.head.lemma_.lower() in NOT_DOING:
        return True
    if node.dep_ == "xcomp" and is_negated(node.head):
        return True  # "was not allowed to meet Tiani", "did not manage to visit Kyiv"
    if _refused_offer(node):
        return True
    if node.dep_ == "pcomp" and node.head.lower_ == "of":  # "no intention of joining"
        node = node.head
    if node.dep_ in ("acl", "prep"):
        noun = node.head
        return noun.lemma_.lower() in _INTENT_NOUNS and is_negated(noun)
    return False


#: Word pairs that open a rejected alternative ("rather than …", "instead of …").
REJECTED_ALTERNATIVES = frozenset({("rather", "than"), ("instead", "of")})


def without(tok: Token) -> bool:
    """A gerund after "without", "rather than" or "instead of" ("diversify its partners
    without provoking Moscow", "Rather than publicly confronting Muizzu, Indian officials
    negotiated"): an act the sentence says is not done."""
    if tok.dep_ != "pcomp":
        return False
    prep = tok.head
    before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
    return prep.lower_ == "without" or (before, prep.lower_) in REJECTED_ALTERNATIVES


def modal(tok: Token) -> str | None:
    """The modal auxiliary of a verb ("could", "should"), if any."""
    for c in tok.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            return c.lower_
    return None


def is_state_like(span: ActorSpan) -> bool:
    """States, organisations and groups (not persons, not places)."""
    return span.cls not in (EntityClass.PERSON, EntityClass.PLACE, EntityClass.REGION)


#: Dependency labels of a temporal modifier attached straight to a verb ("condemned ... last
#: week"); a date can also hang from a preposition of the verb ("On May 28, 2024, ...").
_TEMPORAL_DEPS = frozenset({"npadvmod", "tmod"})


def verb_date(ctx: DocContext, verb: Token) -> FuzzyDate | None:
    """The date a verb itself carries, resolved against the article's date; None if none.

    Why one function: a stance is dated by its cue verb ("condemned ... on Monday") and a
    statement by its reporting verb ("said on Monday"), with the same rule. Only a DATE entity
    that modifies the verb counts — as a temporal noun phrase or through one of its
    prepositions — so "criticised the 2019 decision" or a date inside a relative clause is not
    taken for the date of the fact.
    """
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for ent in ctx.sents.ents(verb):
        if ent.label_ != "DATE":
            continue
        root = ent.root
        direct = root.head.i == verb.i and root.dep_ in _TEMPORAL_DEPS
        via_prep = (root.dep_ == "pobj" and root.head.dep_ == "prep"
                    and root.head.head.i == verb.i)
        if direct or via_prep:
            value = normalise_date(ent.text, ctx.published, tense_of(verb),
                                   ctx.year_before(ent.start))
            if value is not None:
                return value
    return None


def tense_of(tok: Token | None) -> str | None:
    """The tense ("past", "future" or None) of the verb ``tok`` is, or of the nearest verb it
    hangs from: what places a bare month in its year ("decided … in December" in a January
    article)."""
    node = tok
    for _ in range(4):
        if node is None or node.pos_ in ("VERB", "AUX") or node.head == node:
            break
        node = node.head
    if node is None or node.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("will", "shall", "'ll") for a in auxes):
        return "future"
    if node.tag_ == "VBD" or (node.tag_ == "VBN" and any(
            a in ("has", "have", "had", "was", "were") for a in auxes)) or "did" in auxes:
        return "past"  # ("did not criticise them at the December summit")
    if (node.tag_ == "VBN" and node.dep_ == "acl" and not auxes
            and node.lemma_.lower() not in _PLANNING_PARTICIPLES):
        return "past"  # "ceasefire talks hosted in Switzerland in August" (not "a summit
        # scheduled for December")
    return None


#: Participles that set an act ahead rather than report it ("a summit scheduled for May").
_PLANNING_PARTICIPLES = frozenset({"schedule", "plan", "set", "expect", "slate", "propose",
                                   "due", "timetable", "pencil", "intend"})
