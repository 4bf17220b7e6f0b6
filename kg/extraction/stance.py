"""Stances: who expressed which attitude toward whom, from predicate frames and cue lexicons.

Why: attitudes in analysis prose come in a few syntactic frames, each with its own way to find
holder and target (``kg/data/stance_cues.jsonl`` names the frame of each cue):

- agent verbs ("NATO criticised China", "China was criticised by NATO"),
- experiencer verbs ("NATO's interest alarms Beijing": the object holds the attitude),
- about-verbs ("China worries about NATO's expansion"),
- nouns ("China's attacks against the alliance", "Western concerns about China"),
- characterisations ("China sees NATO as a tool", "framing the alliance as a challenge"),
  whose polarity comes from evaluative words in the as-phrase,
- reported claims ("the mission claimed NATO was becoming a disrupter"),
- perceived threats ("Japan faces a growing threat from China": the subject fears the source).

Negated characterisations become neutral (a denial of hostility is not hostility); negated
action verbs give nothing. Modals mark the stance as hedged. A stance is dated when its verb
carries a date of its own ("On 2 March 2019, NATO criticised China", "... on Tuesday", resolved
against the article's date); otherwise it has none (its article keeps the publication date).
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from kg.extraction.actors import LOCATIVE_PREPS, ActorSpan, coordination_head
from kg.extraction.context import (
    ALLEGING,
    NOT_DOING,
    REJECTED_ALTERNATIVES,
    VOLITION_VERBS,
    DocContext,
    agent_actors,
    all_of_which,
    conditional,
    declined,
    gerund_chain,
    is_condition,
    is_executive_body,
    is_negated,
    modal,
    object_actors,
    object_controller,
    prep_actors,
    requested,
    subject_actors,
    unspecified,
    verb_date,
    without,
)
from kg.extraction.evidence import sort_facts
from kg.extraction.lexicon import StanceCue, stance_cues, word_set
from kg.extraction.roles import ENVOY_TITLES, acts_for, held_then, state_named_in
from kg.facts import EntityClass, Polarity, RoleFact, StanceFact, StanceKind

NAME = "kg_stance.v1"
_TARGET_PREPS = frozenset(
    [
        "against",
        "about",
        "of",
        "over",
        "toward",
        "towards",
        "on",
        "regarding",
        "for",
        "to",
        "with",
        "at",
        "into",
        "between",
    ]
)
_AS_VERBS = frozenset(
    [
        "see",
        "view",
        "regard",
        "perceive",
        "consider",
        "define",
        "frame",
        "label",
        "describe",
        "call",
        "brand",
        "portray",
        "characterize",
        "characterise",
        "depict",
        "denounce",
        "criticize",
        "criticise",
        "paint",
        "cast",
        "treat",
        "designate",
        "name",
        "dub",
        "term",
    ]
)
_HEDGES = frozenset({"could", "might", "may", "would", "should"})
_ROLE_VERBS = frozenset({"act", "serve", "function", "emerge", "behave"})
_APPEAL_WORDS = frozenset({"call"})
#: Verbs that discount the threat they govern ("dismissed the threat from China").
_DISCOUNTING = frozenset({"downplay", "dismiss", "deny", "reject", "exaggerate", "overstate",
                          "inflate", "hype", "minimize", "minimise", "ignore", "underestimate",
                          "underrate", "discount", "belittle"})
#: Verbs that end what their object names ("stop its support for Russia").
_ENDING = frozenset({"stop", "end", "cease", "halt", "suspend", "abandon", "drop", "withdraw",
                     "renounce", "curb", "cut", "refrain", "desist"})
#: Verbs of a measure running out that one lets happen ("let the sanctions lapse"): it is
#: ended, no stance (not "the sanctions expire on January 31": they hold until then).
_LAPSING = frozenset({"lapse", "expire", "end", "collapse"})
#: Verbs that act against what their object names ("would act to prevent any escalation"):
#: the hostile word is the thing opposed, no verdict on the subject.
_COUNTERING = frozenset({"prevent", "avoid", "deter", "counter", "combat", "fight", "defuse",
                        "tackle", "resist", "ease", "calm", "de-escalate"})
#: Nouns of pacts and documents: as a clause's subject they name acts without holding an
#: attitude to them ("the treaty covers attacks on the Philippines").
_AGREEMENTS = frozenset({"treaty", "pact", "agreement", "accord", "deal", "charter", "law",
                         "article", "clause", "resolution", "convention", "protocol"})
#: Verbs that deny the act they control (``context.NOT_DOING``: "refused to condemn Russia")
#: or end it ("should stop smearing China"): the controlled stance is not expressed.
_NOT_OR_NO_LONGER = NOT_DOING | _ENDING
_DISOWNING = _DISCOUNTING | _COUNTERING


#: Evaluative nouns that also name plain means ("tools", "instruments"): a verdict only as
#: what something is called, not as what someone has or uses.
_INSTRUMENT_WORDS = frozenset({"tool", "instrument"})


class Cues:
    """Stance cues indexed by frame and lemma."""

    def __init__(self) -> None:
        self.verb: dict[str, list[StanceCue]] = {}
        self.noun: dict[str, StanceCue] = {}
        self.adjective: dict[str, StanceCue] = {}
        self.perceived: dict[str, StanceCue] = {}
        self.relation: dict[str, StanceCue] = {}
        self.evaluative: dict[str, Polarity] = {}
        self.blame_for: set[str] = set()
        #: nouns with a polarity only as the head of a characterisation ("as a partner")
        self.predicate: dict[str, Polarity] = {}
        for cue in stance_cues():
            if cue.frame == "evaluative":
                self.evaluative[cue.lemma] = cue.polarity
                if cue.blame_for:
                    self.blame_for.add(cue.lemma)
            elif cue.frame == "predicate":
                self.predicate[cue.lemma] = cue.polarity
            elif cue.frame == "noun":
                self.noun.setdefault(cue.lemma, cue)
            elif cue.frame == "adjective":
                self.adjective.setdefault(cue.lemma, cue)
            elif cue.frame == "perceived":
                self.perceived.setdefault(cue.lemma, cue)
            elif cue.frame == "relation":
                self.relation.setdefault(cue.lemma, cue)
            else:
                self.verb.setdefault(cue.lemma, []).append(cue)
        self.comm = word_set("communication_verbs.json", "verbs")
        #: the appeal cues' verbs ("implore"), which also make what they ask for undone
        self.appeal_verbs = frozenset(
            lemma for lemma, cues in self.verb.items()
            if any(c.kind == StanceKind.APPEAL for c in cues))
        self.ties_verbs = word_set("partnership_cues.json", "relationship_verbs")
        self.ties_nouns = word_set("partnership_cues.json", "relationship_nouns")
        #: every word that can start a frame: the only tokens stance_facts looks at
        self.words = frozenset(
            {*self.verb, *self.noun, *self.adjective, *self.perceived, *self.relation,
             *_AS_VERBS, *_ROLE_VERBS, *_APPEAL_WORDS}
            | self.ties_verbs
            | self.comm
        )

    def polarity(self, tok: Token) -> Polarity | None:
        """The evaluative polarity of one word (by lemma, else by its lowercase form); a word
        of blame with its "for" complement is negative ("responsible for the war")."""
        lemma = tok.lemma_.lower()
        if lemma in self.blame_for and (
                any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
                or any(c.dep_ == "advmod" and c.lower_ in _CULPABILITY_ADVERBS
                       for c in (*tok.children, *(tok.head.children if tok.dep_ == "acomp"
                                                  else ())))):
            # (also "were almost certainly responsible")
            return Polarity.NEGATIVE
        if lemma in _INSTRUMENT_WORDS and (
                tok.dep_ in ("dobj", "nsubj", "nsubjpass")
                or any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children)):
            return None  # "said China had many more tools at its disposal", "the embargo was
            # one tool in our broader effort": a means, no verdict ("a tool of Washington"
            # is one only as what something is called)
        return self.evaluative.get(lemma) or self.evaluative.get(tok.lower_)

    def evaluate(self, tokens: list[Token], root: Token | None = None) -> Polarity | None:
        """Polarity of a phrase: negative if any negative evaluative word, else positive.

        With ``root`` (the clause or phrase the words belong to), an evaluative word under a
        negation between it and ``root`` does not count: in "NATO has no intention of
        perceiving China as an enemy" the "enemy" is negated by "no intention", and a denial
        of hostility is not hostility.
        """
        found = set()
        for i, t in enumerate(tokens):
            if _rejected_alternative(tokens, i):
                break  # "as an economic partner rather than a security challenge"
            if t.ent_type_ and t.ent_type_ not in ("NORP",):
                continue  # a word of a name: "the Line of Actual Control"
            pol = self.polarity(t)
            if pol is not None and not (root is not None and _negated_below(t, root)):
                found.add(pol)
        if Polarity.NEGATIVE in found:
            return Polarity.NEGATIVE
        if Polarity.POSITIVE in found:
            return Polarity.POSITIVE
        return None

    def characterise(self, phrase: Token, root: Token) -> Polarity | None:
        """Polarity of what a characterisation calls its object (an as-phrase or a second
        noun phrase): its evaluative words, else its head noun's predicate cue ("as a
        partner that respects our sovereignty", "a friend", not "a partner in crime")."""
        # (not what it guards against: "viewed the US military as a guarantee against
        # pressure from Baghdad" is no hostile verdict on the military)
        guarded = {d.i for t in phrase.subtree if t.dep_ == "prep" and t.lower_ == "against"
                   and t.head.pos_ in ("NOUN", "PROPN") for d in t.subtree}
        pol = self.evaluate([t for t in phrase.subtree if t.i not in guarded], root=root)
        if pol is not None:
            return pol
        head = phrase
        if head.dep_ == "prep":  # the as-phrase: its object is what the object is called
            head = next((c for c in head.children if c.dep_ == "pobj"), head)
        return self.predicate.get(head.lemma_.lower())


#: Adverbs of how surely or how much someone is to blame ("were almost certainly
#: responsible", "directly responsible"): "responsible" as blame, not as a virtue.
_CULPABILITY_ADVERBS = frozenset({"certainly", "likely", "probably", "possibly", "directly",
                                  "solely", "partly", "partially", "ultimately", "largely",
                                  "primarily", "chiefly", "personally"})


#: Predicates whose "to" phrase names the cause their subject is bound to.
_COMMITTED = frozenset({"commit", "committed", "dedicate", "dedicated", "devote", "devoted",
                        "pledge", "pledged"})


#: Verbs whose subject goes through what their object names ("faces sanctions", "suffered
#: heavy losses"); "pass" and "go" with "through".
_UNDERGOING = frozenset({"face", "suffer", "endure", "experience", "undergo", "weather",
                         "survive"})


def _undergoes(verb: Token) -> bool:
    """Whether a clause's verb has its subject undergo something (``_UNDERGOING``, "passed
    through", "went through")."""
    lemma = verb.lemma_.lower()
    return lemma in _UNDERGOING or (lemma in ("pass", "go") and any(
        c.dep_ == "prep" and c.lower_ == "through" for c in verb.children))


def _own_words(clause: Token) -> list[Token]:
    """The clause's words without its relative clauses, which describe other things (in
    "Budapest would veto any decision that treats China as an enemy" nothing says Budapest
    is hostile), and without what it rejects, denies or acts against ("… and rejected claims
    that it was an anti-Western alliance", "would act to prevent any escalation", "should
    stand together against external interference": what a clause is against is the thing
    opposed, no verdict on its subject), nor what its subject feels something about."""
    inner = {t.i for t in clause.subtree if t.dep_ == "relcl" for t in t.subtree}
    # "… can keep its balance if Washington starts treating BRICS as a hostile club": a
    # condition's words are no verdict on the clause's subject
    inner |= {d.i for t in clause.subtree if is_condition(t) for d in t.subtree}
    inner |= {d.i for t in clause.subtree if t.pos_ == "VERB"
              and t.lemma_.lower() in _DISOWNING
              for c in t.children if c.dep_ in ("dobj", "ccomp") or (
                  c.dep_ == "prep" and c.lower_ == "from" and t.lemma_.lower() in _COUNTERING)
              for d in c.subtree}  # "acted to prevent terrorists from undermining the state"
    inner |= {d.i for t in clause.subtree if t.dep_ == "prep" and t.lower_ == "against"
              and t.head.pos_ in ("VERB", "AUX", "ADJ") for d in t.subtree}
    # Nor what it backs or is committed to ("said CARICOM stood firmly behind a peaceful
    # resolution", "the Maldives was committed to constructive dialogue"): the good words
    # describe the cause, and describing one's side's cause is no verdict on that side
    inner |= {d.i for t in clause.subtree if t.dep_ == "prep" and (
                  (t.lower_ == "behind" and t.head.pos_ in ("VERB", "AUX"))
                  or (t.lower_ == "to" and t.head.lemma_.lower() in _COMMITTED))
              for d in t.subtree}
    # "Beijing was uneasy about being seen as part of a bloc": what the subject feels
    # something about is no verdict on the subject (unlike "guilty of aggression")
    inner |= {d.i for t in clause.subtree if t.dep_ == "prep"
              and t.lower_ in ("about", "over") and t.head.pos_ == "ADJ"
              for d in t.subtree}
    return [t for t in clause.subtree if t.i not in inner]


def _disowned(tok: Token) -> bool:
    """Whether ``tok`` is inside what a verb rejects or denies ("rejected claims that it was
    an anti-Western alliance")."""
    for anc in list(tok.ancestors)[:8]:
        if anc.pos_ == "VERB" and anc.lemma_.lower() in _DISCOUNTING:
            return True
    return False


def _unowned(ctx: DocContext, words: list[Token], targets: list[ActorSpan]) -> list[Token]:
    """The words without nouns another actor owns or that are aimed at a target: in "Manila's
    alliances are a response to *Chinese pressure*" the pressure is China's, and in "Seoul
    would respond to any *threat to its security*" Seoul is threatened; neither says anything
    hostile of the target."""
    keys = {t.key for t in targets}
    out = []
    for t in words:
        if ctx.actors.at(t) is not None:
            continue  # "the bloc" naming BRICS is no verdict on it
        if t.pos_ == "NOUN":
            owner = ctx.actors.of_phrase(t) or _doer_after(ctx, t)
            if owner is not None and owner.key not in keys:
                continue
            acted = t.dep_ in ("dobj", "attr") and keys & {
                s.key for s in subject_actors(ctx, t.head)}  # "China posed a threat to its …"
            if not acted and keys & {s.key for s in _aimed_at(ctx, t)}:
                continue
        out.append(t)
    return out


#: Nouns whose "of" phrase names who holds the thing ("under the control of al-Shabaab").
_HELD = frozenset({"control", "rule", "grip", "command"})


def _doer_after(ctx: DocContext, noun: Token) -> ActorSpan | None:
    """The actor a noun's "by" phrase names as its doer ("the attack by Hamas"), or the holder
    its "of" phrase names for a noun of holding ("the control of al-Shabaab"): the deed or
    the hold is that actor's, no verdict on whoever suffers it ("said Israel was defending
    itself after the attack by Hamas")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and (prep.lower_ == "by" or (
                prep.lower_ == "of" and noun.lemma_.lower() in _HELD)):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                span = ctx.actors.at(pobj)
                if span is not None:
                    return span
    return None


def _aimed_at(ctx: DocContext, noun: Token) -> list[ActorSpan]:
    """Actors a noun is aimed at ("a threat *to China's* security", "pressure *on Japan*")."""
    out: list[ActorSpan] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "against", "on", "toward", "towards"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                out += ctx.actors.in_subtree(pobj)
                out += [s for p in pobj.subtree if p.dep_ == "poss" and p.lower_ == "its"
                        for s in [ctx.actors.pronoun(p)] if s is not None]
    return out


#: Nouns of the places where a call is paid ("called on her at her residence").
_PREMISES = frozenset({"residence", "office", "palace", "home", "headquarters", "house",
                       "ministry", "embassy", "secretariat"})


def _courtesy_call(verb: Token) -> bool:
    """Whether "called on X" is a visit, not an appeal: paid at a place ("called on Hasina at
    her official residence to convey congratulations"), or with nothing asked of X (no "to"
    clause, no "for" and no "that": "held talks with the president and called on the party's
    general secretary")."""
    if any(c.dep_ == "prep" and c.lower_ == "at" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in _PREMISES for o in c.children)
           for c in verb.children):
        return True  # (not "at the joint press conference, Yoon called on the North to …")
    return not any(
        (c.dep_ in ("xcomp", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX"))
        or (c.dep_ == "prep" and c.lower_ == "for")
        for c in (*verb.children, *(g for p in verb.children if p.dep_ == "prep"
                                    and p.lower_ in ("on", "upon") for g in p.subtree)))


def _asks_to_stop(verb: Token) -> bool:
    """A request whose content is to stop something ("called on the PRC to cease this
    activity", "urged NATO to stop"): criticism of what the addressee does, not an appeal."""
    return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _ENDING
               and any(a.lower_ == "to" for a in c.children) for c in verb.children)


def _rejected_alternative(tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` opens a rejected alternative: "rather than …", "instead of …"."""
    t = tokens[i]
    nxt = tokens[i + 1].lower_ if i + 1 < len(tokens) else ""
    return (t.lower_, nxt) in REJECTED_ALTERNATIVES


def _negated_below(tok: Token, root: Token) -> bool:
    """Whether ``tok`` or a head on its path up to ``root`` (inclusive) is negated, or ``tok``
    lies in the phrase of a gerund after "without" ("without provoking Moscow into punishing
    it"; not in a clause hung below it: "without offering transparency … while intensifying
    pressure" still says the pressure is applied)."""
    node = tok
    phrase = True
    for _ in range(16):
        if is_negated(node) or (phrase and without(node)):
            return True
        phrase = phrase and node.dep_ not in ("advcl", "conj", "relcl", "ccomp")
        if node == root or node.head == node:
            return False
        node = node.head
    return False


#: Verbs of belief: denied, they deny what they govern ("few believe X would back Y").
_COGNITION = word_set("communication_verbs.json", "cognition")
_ELICITING = word_set("communication_verbs.json", "eliciting")


#: Verbs whose subject has or gains what a support noun's "of" actor gives ("has the
#: backing of X", "won the support of Y", "enjoys the blessing of Z").
_HOLDING = frozenset({"have", "enjoy", "win", "secure", "gain", "get", "receive", "earn",
                      "garner", "retain", "keep"})


#: Verbs that let an act happen: not letting it is its negation.
_PERMITTING = frozenset({"allow", "let", "permit", "tolerate"})


def _negated_scope(tok: Token) -> bool:
    """Negation on the token, on its auxiliaries' head chain (2 levels, through purpose
    clauses) or "no intention of", or a controlling verb that denies, ends or does not allow
    the act ("refused to condemn", "avoided criticising", "should stop smearing China", "will
    not allow its soil to be used to attack Iran")."""
    node = tok
    for _ in range(3):
        if is_negated(node) or without(node):  # "without provoking Moscow"
            return True
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in _NOT_OR_NO_LONGER:
            return True  # "refused to condemn", "should stop smearing China"
        if node.dep_ == "pcomp" and _held_back(node.head):
            return True  # "refrained from condemning", "stopped short of criticising"
        if (node.dep_ == "ccomp" and node.head.lemma_.lower() in _COGNITION
                and is_negated(node.head)):
            return True  # "few believe Canberra would back it", "nobody thinks X will …"
        if (node.dep_ in ("ccomp", "xcomp") and node.head.lemma_.lower() in _PERMITTING
                and is_negated(node.head)):
            return True  # "would not allow its territory to be used … to threaten Iran"
        purpose = node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                               for c in node.children)  # "… to threaten"
        if node.head == node or not (
                purpose or node.dep_ in ("xcomp", "pcomp", "pobj", "prep", "acl")):
            return False
        node = node.head
    return False


#: Verbs that keep their subject from an act named after "from" ("refrained from
#: condemning", "shied away from criticising", "abstained from criticism").
_HOLDING_BACK = frozenset({"refrain", "abstain", "desist", "shy", "keep", "stop"})


def _held_back(prep: Token) -> bool:
    """Whether a preposition opens an act its head keeps from happening: "from" after a
    verb of holding back, "of" after "short" ("stopped short of condemning Russia")."""
    head = prep.head
    return ((prep.lower_ == "from" and head.lemma_.lower() in _HOLDING_BACK)
            or (prep.lower_ == "of" and head.lower_ == "short"))


def _paired(ctx: DocContext, span: ActorSpan) -> bool:
    """An actor named as one side of a pair that modifies a noun ("the worst crisis in
    Canada-India relations"): what is said of the relation is said of neither side."""
    root = _phrase_root(ctx, span)
    if root.dep_ != "compound":
        return False
    near = [root.head, *(c for c in root.children if c.dep_ in ("compound", "conj")),
            *(c for c in root.head.children if c.dep_ == "compound" and c.i != root.i)]
    return any((o := ctx.actors.at(t)) is not None and o.key != span.key for t in near)


#: Prepositions whose noun an actor may modify without being judged ("contrary to UN norms",
#: "agents of the U.S. Drug Enforcement Administration"); not "by", which names a doer.
_OWNED_PHRASE_PREPS = frozenset({"to", "of", "into", "with"})


def _modifier_in_phrase(ctx: DocContext, span: ActorSpan) -> bool:
    """Whether an actor only modifies the noun of a prepositional phrase ("was contrary to
    UN norms", "a blow to Chinese interests"): the verdict is on the norms or the interests,
    not on their owner (a possessive owner, "obstacles remain for NATO's project", is read)."""
    root = ctx.doc[span.start : span.end].root
    return (root.dep_ in ("compound", "amod") and root.head.dep_ == "pobj"
            and root.head.head.lower_ in _OWNED_PHRASE_PREPS)


def _counted(ctx: DocContext, span: ActorSpan) -> bool:
    """A nationality counted as people ("as many as half a million Afghans could flee"):
    people, of whose state a forecast about them says nothing."""
    tok = ctx.doc[span.end - 1]
    return tok.ent_type_ == "NORP" and any(c.dep_ == "nummod" for c in tok.children)


#: Verbs whose object is a place left ("could flee the country").
_LEAVING = frozenset({"flee", "leave", "escape", "exit", "quit", "evacuate"})


def _where(ctx: DocContext, span: ActorSpan) -> bool:
    """An actor named as a place ("welcomed any effort to end the war in Yemen"), or as the
    place people leave ("said half a million Afghans could flee the country")."""
    root = ctx.doc[span.start : span.end].root
    return (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS) or (
        root.dep_ == "dobj" and root.head.lemma_.lower() in _LEAVING)


def _noun_preps(noun: Token) -> list[Token]:
    """The target prepositions of a stance noun: its own, not one the parser hung on it from
    after a conjoined noun ("his strongest condemnation and full support for Arce": the
    support's), and, for that conjoined noun, those after it on the first one."""
    later = [c.i for c in noun.conjuncts if c.i > noun.i]
    own = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in _TARGET_PREPS
           and not (later and p.i > max(later))]
    if noun.dep_ == "conj" and not own:
        own = [p for p in noun.head.children if p.dep_ == "prep"
               and p.lower_ in _TARGET_PREPS and p.i > noun.i]
    return own


#: Prepositions after a hostile act that name what it is aimed at ("attacks on", "an intrusion
#: into").
_AIMED_PREPS = frozenset({"on", "upon", "against", "at", "into"})


def _victim(ctx: DocContext, cues: Cues, span: ActorSpan) -> bool:
    """Whether the actor undergoes a hostile act named in its clause ("aimed at containing
    China", "pressure on Japan", "would harm Europe more than Russia", "damage China-EU
    relations"): the claim's hostility is toward it, not the claimant's.

    The actor is a victim when a hostile verb above it has it outside its subject, or when it
    is the object of "put pressure on"-style phrases.
    """
    node = _phrase_root(ctx, span)
    phrase = node
    while phrase.dep_ in ("amod", "compound", "nmod") and phrase.head != phrase:
        phrase = phrase.head  # "the freezing of Afghan central bank reserves"
    if phrase.dep_ == "pobj" and span in _harmed(ctx, phrase.head.head):
        return True  # "said the occupation of Palestine was illegal"
    if node.dep_ == "appos" and (named := ctx.actors.at(node.head)) is not None:
        node = _phrase_root(ctx, named)  # "(OPCW)" after the name it abbreviates
    while (node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN"
           and node.head.head.dep_ == "pobj" and node.head.head.head.lower_ in _AIMED_PREPS):
        node = node.head.head  # "an intrusion into the Wi-Fi network of the OPCW"
    if node.dep_ == "pobj" and node.head.lower_ in _AIMED_PREPS:
        prep = node.head
        while prep.dep_ == "conj" and prep.head.lower_ in ("on", "upon", "against", "at"):
            prep = prep.head  # "any attack on Guyana or on ExxonMobil's operations"
        head = prep.head
        acts = [head, *(c for c in head.children if c.dep_ == "dobj")]  # "put pressure on"
        if any(_hostile(cues, t) for t in acts):
            return True
    below = node
    for anc in list(node.ancestors)[:8]:
        if anc.pos_ == "VERB" and _hostile(cues, anc):
            subjects = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            return below.dep_ not in ("nsubj", "nsubjpass", "csubj") or below not in subjects
        below = anc
    return False


def _affected(ctx: DocContext, span: ActorSpan) -> bool:
    """An actor named as whom something is for, is given, or by whom it is done ("a dangerous
    development *for Israel*", "handing *Hezbollah* a pretext", "was criticised *by
    Indonesia*"): the one affected, the recipient or the doer of the act
    the clause reports, not what a reported verdict is about. (A possessor is what it owns:
    "obstacles remain for NATO's project" is about NATO.)"""
    root = coordination_head(ctx.doc[span.start : span.end].root)  # "by Indonesia and Malaysia"
    if root.dep_ == "dative":
        return True  # "risked handing Hezbollah a pretext": who is handed something
    return root.dep_ == "pobj" and (
        root.head.lower_ == "for" or (root.head.lower_ == "by" and root.head.dep_ == "agent"))


def _under_agent(ctx: DocContext, span: ActorSpan, subject: Token) -> bool:
    """Whether an actor is inside the "by" phrase of a participle describing a clause's
    ``subject`` ("troops sent by the Russian-led CSTO (CSTO) to quell the unrest"): who
    sent the subject, with whatever modifies or abbreviates it, not what a verdict on what
    the subject did is on."""
    doc = ctx.doc
    node = doc[span.start : span.end].root
    if span.start >= 2 and doc[span.start - 1].text == "(":
        node = doc[span.start - 2]  # the abbreviation: where the name before it stands
    for _ in range(8):
        if node.dep_ == "agent":
            return node.head.dep_ == "acl" and node.head.head == subject
        if node == subject or node.head == node:
            return False
        node = node.head
    return False


def _hostile(cues: Cues, tok: Token) -> bool:
    return cues.polarity(tok) == Polarity.NEGATIVE


def _objects(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """Actors in the verb's direct object, else in its prepositional objects (not when it has
    a direct object of another kind: in "resisted tougher language on China" the parser hangs
    "on China" on the verb, but what is resisted is the language)."""
    out: list[ActorSpan] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "attr", "oprd"):
            if (out and child.dep_ == "dobj" and child.left_edge.i > 0
                    and ctx.doc[child.left_edge.i - 1].text == ","):
                continue  # "accuses Venezuela of holding an Argentine gendarme, Nahuel
                # Gallo,": past an actor object, an apposition the parser made a second one
                # (not past a bare noun: "accused a Chinese satellite company, Chang Guang")
            out += ctx.actors.conj_phrases(child) or _utterance_source(ctx, child)
    if out:
        return out
    thing = any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PRON") for c in verb.children)
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in _TARGET_PREPS and not thing:
            for pobj in prep.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    out += ctx.actors.conj_phrases(pobj)
    if not out:  # "condemned what he called Israel's crimes": the thing named
        for comp in verb.children:
            if comp.dep_ == "ccomp" and any(c.lower_ == "what" for c in comp.children):
                out += [s for c in comp.children if c.dep_ in ("oprd", "attr")
                        for s in ctx.actors.conj_phrases(c)]
    if not out and verb.dep_ == "relcl" and _summed_up_words(verb.head):
        # "NATO described China as a 'decisive enabler' of the war against Ukraine, a
        # formulation Beijing rejected": the words are those of the clause the apposition
        # closes (the nearest verb above what the parser hung it on), so is the target
        # ("the Quad, a grouping … that Beijing has accused of trying to build an Asian
        # NATO, a charge its members reject": Beijing's charge)
        holders = {s.key for s in subject_actors(ctx, verb)}
        for node in list(verb.head.head.ancestors)[:10]:
            if node.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass")
                                                    for c in node.children):
                # (a clause's own subject, not one inherited from above; the first such
                # clause only)
                return [s for s in subject_actors(ctx, node) if s.key not in holders]
        return []
    if not out and verb.dep_ == "relcl" and not any(
            (c.dep_ == "dobj" and c.lower_ not in _RELATIVES) or (
                c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in _RELATIVES or all_of_which(c)))
            for c in verb.children):
        # "the NATO activities they oppose": the relative clause's object is its head noun;
        # "the Quad, a grouping that Beijing has condemned": the actor that noun is set beside
        # (not when the clause has an object of its own or the relative is its subject:
        # "Japan and India, both of which had opposed the plan")
        span = ctx.actors.of_phrase(verb.head)
        if span is None and verb.head.dep_ == "appos":
            span = ctx.actors.at(verb.head.head)
        out = [span] if span is not None else []
    return out


_RELATIVES = frozenset({"that", "which", "who", "whom"})


def _object_tokens(verb: Token) -> list[int]:
    """Indices of the verb's proper-noun direct objects, or their owners, and the words
    coordinated with them ("contain Russia and Iran", "contain China's influence")."""
    out = []
    # only a named object counts ("contain China's influence" names it as the owner);
    # "contains two members, the UAE and Bahrain" names none
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    todo = [c for c in objects if c.pos_ == "PROPN"] + [
        g for c in objects if c.pos_ == "NOUN" for g in c.children if g.dep_ == "poss"]
    while todo:
        tok = todo.pop()
        out.append(tok.i)
        todo += [c for c in tok.children if c.dep_ == "conj"]
    return out


def _warned_of(ctx: DocContext, cues: Cues, verb: Token) -> list[ActorSpan]:
    """Whom a warning with a that-clause is about: the actor whose act the clause names
    ("warned that *NATO's* expansion would raise the risk", "warned that *Russia* could
    attack the Baltics"); not one that only undergoes or is ("… that Europe would be next")."""
    out: list[ActorSpan] = []
    for comp in verb.children:
        if comp.dep_ != "ccomp":
            continue
        for subj in (c for c in comp.children if c.dep_ == "nsubj"):
            if ctx.actors.at(subj) is not None:
                if any(c.dep_ == "dobj" for c in comp.children):
                    out += ctx.actors.conj_phrases(subj)
            elif subj.pos_ == "NOUN":
                owner = ctx.actors.of_phrase(subj)
                out += [owner] if owner is not None else []
    return [s for s in out if not _victim(ctx, cues, s)]


def _threatened_act_aimed_at(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """Whom a threatened act is aimed at: "threatened to cut off electricity supplies to
    Ukraine", "threatened to impose tariffs on China", "threatened to sanction Iran" (the
    act's named object, or the actors of its to/on/against phrases, its object's included)."""
    holders = {s.key for s in subject_actors(ctx, verb)}
    for act in verb.children:
        if act.dep_ != "xcomp" or act.pos_ != "VERB":
            continue
        named = [s for c in act.children if c.dep_ == "dobj" and c.pos_ == "PROPN"
                 for s in ctx.actors.conj_phrases(c)]
        nodes = [act, *(c for c in act.children if c.dep_ == "dobj")]
        aimed = [s for n in nodes for p in n.children
                 if p.dep_ == "prep" and p.lower_ in ("to", "on", "against")
                 for o in p.children if o.dep_ == "pobj" for s in ctx.actors.conj_phrases(o)]
        return [s for s in named + aimed if s.key not in holders
                and s.cls not in (EntityClass.PLACE, EntityClass.REGION)]
    return []


#: Nouns for words as worded ("a formulation", "a label") or for the act a clause states ("a
#: position", "a move"), beside the communication nouns.
_WORDING = frozenset({"formulation", "description", "characterisation", "characterization",
                      "label", "wording", "phrasing", "language", "term", "phrase", "verdict",
                      "assessment", "position", "stance", "move", "decision", "step",
                      "gesture", "offer", "proposal", "pledge", "announcement"})


def _summed_up_words(noun: Token) -> bool:
    """Whether ``noun`` is a sentence-final apposition that sums up what the clause before it
    said ("…, a formulation Beijing rejected", "…, a charge Moscow denies"): the parser hangs
    it on the last noun, but it stands for the words of the whole clause."""
    nouns = word_set("communication_verbs.json", "nouns")
    return (noun.dep_ == "appos" and noun.lemma_.lower() in _WORDING | nouns
            and not any(c.dep_ in ("poss", "compound") for c in noun.children)
            and all(t.is_punct or t.is_space
                    for t in noun.doc[noun.right_edge.i + 1:noun.sent.end]))


def _utterance_source(ctx: DocContext, noun: Token) -> list[ActorSpan]:
    """Who made the call, demand or criticism a verb answers ("rejected calls *from the Arab
    League*", "welcomed the statement by NATO"): the actors of its "from"/"by" phrase."""
    low, lemma = noun.lower_, noun.lemma_.lower()
    nouns = word_set("communication_verbs.json", "nouns")
    if low not in nouns and lemma not in nouns:
        return []
    return prep_actors(ctx, noun, ("from", "by"))


#: Nouns of a pact or rapprochement between actors, whose parties a verdict on it is about.
_PACTS_BETWEEN = frozenset({"agreement", "accord", "pact", "treaty", "deal", "partnership",
                            "alliance", "rapprochement", "normalisation", "normalization",
                            "tie", "ties", "relation", "relations", "relationship",
                            "cooperation"})


def _parties(ctx: DocContext, noun: Token) -> list[ActorSpan]:
    """The parties of a pact a verdict is passed on ("described the pact between China and
    the Solomon Islands as gravely concerning", "concerns about China's agreement with
    Honiara"): its "between"/"with" actors and its possessor."""
    if noun.lemma_.lower() not in _PACTS_BETWEEN or ctx.actors.at(noun) is not None:
        return []
    out = prep_actors(ctx, noun, ("between", "with"))
    owner = ctx.actors.of_phrase(noun)
    if out and owner is not None and owner.start < noun.i:
        out.insert(0, owner)
    return out


#: Nouns of harm done to their "of" object ("the invasion of Ukraine").
_HARM_NOUNS = word_set("event_cues.json", "harm_nouns")
#: Nouns of hostile acts aimed at their "against"/"on" object ("the war against Ukraine").
_HARM_ON_NOUNS = word_set("event_cues.json", "harm_on_nouns") | _HARM_NOUNS


def _harmed(ctx: DocContext, noun: Token) -> list[ActorSpan]:
    """Actors a harm noun's "of" phrase names as its patient ("condemned the invasion of
    Ukraine", "the forcible displacement of Palestinians"), or a hostile act's "against"/"on"
    phrase ("condemned the war against Ukraine"): what the act is done to, not what the
    condemnation is aimed at."""
    if noun.pos_ != "NOUN":
        return []
    words = {noun.lemma_.lower(), noun.lower_}
    preps = ({"of"} if words & _HARM_NOUNS else set()) | (
        {"against", "on"} if words & _HARM_ON_NOUNS else set())
    # (the whole phrase: "the assassination of Haitian President Jovenel Moise" harms Haiti
    # as well as its president, but not a doer set in it: "… of Ukraine by Russia"; "the
    # war against Ukraine" is aimed at Ukraine)
    return [s for p in noun.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj" for s in ctx.actors.in_subtree(o)
            if not any(a.lower_ == "by" for a in ctx.doc[s.start].ancestors if a.i > o.i)] + (
        # "the detention of lawyer and activist Rocío San Miguel" with the name parsed as
        # the noun's apposition: the end of its patient
        [s for c in noun.children if c.dep_ == "appos" for s in ctx.actors.in_subtree(c)]
        if "of" in preps else [])


def _subtree_fallback(ctx: DocContext, verb: Token,
                      hostile: Mapping[str, StanceCue] | None = None) -> list[ActorSpan]:
    """First actor inside the direct object's phrase ("praised the state of X's relations"),
    with the actors conjoined to it ("condemned the cooperation between Russia and North
    Korea"), not one a hostile act in it is aimed at ("condemned the attacks on Israel": the
    victim; ``hostile``: the stance noun cues).

    Why: evaluation verbs often take an abstract object that belongs to the real target; one
    actor, the first, keeps this from fanning out over long objects.
    """
    for child in verb.children:
        if child.dep_ == "dobj":
            holders = {h.key for h in subject_actors(ctx, verb)}
            victims = {a.key for t in child.subtree
                       if (cue := (hostile or {}).get(t.lemma_.lower())) is not None
                       and cue.polarity == Polarity.NEGATIVE and t.pos_ == "NOUN"
                       for a in _aimed_at(ctx, t)} | {a.key for t in child.subtree
                                                      for a in _harmed(ctx, t)}
            found = [s for s in ctx.actors.in_subtree(child)
                     if s.key not in holders | victims and not _where(ctx, s)
                     and not _in_clause(ctx, s, child)]
            if not found:
                return []
            # the first, with what it is conjoined to ("cooperation between Russia and North
            # Korea")
            first = ctx.doc[found[0].start : found[0].end].root
            return [found[0], *(s for s in found[1:]
                                if ctx.doc[s.start : s.end].root in first.conjuncts)]
    return []


_ACT_NOUNS = word_set("event_cues.json", "act_nouns")
_ACT_VERBS = word_set("event_cues.json", "act_verbs")
#: How far into an article "the decision" may still refer to the lede's act (a round-up of
#: reactions runs to thirty sentences; 12 left its later reactions without a target).
_ACT_REACH = 30


def _act_doers(ctx: DocContext, verb: Token) -> list[ActorSpan]:
    """Who did the act a judged "the decision", "the move", "the warrants" (no owner named)
    refers to: the actor subject of the article's first sentence when its main verb is an
    act's ("The International Criminal Court issued arrest warrants … Hamas welcomed the
    warrants"), or the owner of its subject when that is an act's noun ("Russia's
    recognition of the Taliban government drew praise …"), up to ``_ACT_REACH`` sentences in.

    Why: a report of reactions names the act once, in its lede, and then only refers to it.
    Only the lede's act: the latest act before the verdict was tried and was as often
    another one (a judge's vote, a minister's announcement) as the one judged.
    """
    noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if noun is None:  # "condemned and rejected the decision": the object both verbs share
        noun = next((c for v in verb.conjuncts if v.i > verb.i for c in v.children
                     if c.dep_ == "dobj"), None)
    if (noun is None
            or (noun.lemma_.lower() not in _ACT_NOUNS and noun.lower_ not in _ACT_NOUNS)
            or not any((c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
                       or (c.dep_ == "poss" and c.ent_type_ == "DATE") for c in noun.children)
            or any(c.dep_ in ("poss", "prep", "compound", "amod", "relcl", "acl")
                   and not _says_nothing_of_whose(c) for c in noun.children)):
        return []
    index = ctx.sents.index(verb.sent[0])
    if index == 0 or index > _ACT_REACH:
        return []
    root = ctx.sents.sents[0].root
    holders = {h.key for h in subject_actors(ctx, verb)}
    for act in (root, *root.conjuncts):
        if act.lemma_.lower() in _ACT_VERBS and not _negated_scope(act):
            return [s for s in subject_actors(ctx, act) if s.key not in holders]
    for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")):
        # "Russia's recognition of the Taliban government on Thursday drew praise …": the
        # lede's act named as a noun, its doer the possessive
        if subject.lemma_.lower() in _ACT_NOUNS or subject.lower_ in _ACT_NOUNS:
            owners = [a for c in subject.children if c.dep_ == "poss"
                      for a in [ctx.actors.at(c)] if a is not None and a.kind != "demonym"]
            return [a for a in owners if a.key not in holders]
    return []


#: Nouns of a stretch of time ("within hours"), which say when, not who.
_TIME_NOUNS = frozenset({"minute", "hour", "day", "week", "month", "year"})


def _says_nothing_of_whose(child: Token) -> bool:
    """A modifier of "the decision" that does not say whose act it is: a day's possessive
    ("welcomed Monday's pledge"), a phrase of time ("within hours") or a relative clause set
    off by a comma ("welcomed the decision, which they said was in the interests of both
    countries")."""
    if child.dep_ == "poss":
        return child.ent_type_ == "DATE"
    if child.dep_ == "prep":  # "welcomed the decision within hours": when, not whose
        return any(o.dep_ == "pobj" and (o.ent_type_ in ("DATE", "TIME")
                                         or o.lemma_.lower() in _TIME_NOUNS)
                   for o in child.children)
    start = child.left_edge.i
    return child.dep_ == "relcl" and start > 0 and child.doc[start - 1].text == ","


_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "xcomp", "ccomp", "pcomp", "csubj"})


def _in_clause(ctx: DocContext, span: ActorSpan, top: Token) -> bool:
    """Whether the actor sits in a clause inside the phrase headed by ``top`` ("praised the
    agreement *to use frozen Russian assets*"): what the clause does is not what is praised."""
    node = ctx.doc[span.start : span.end].root
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in _CLAUSE_DEPS:
            return True
        node = node.head
    return False


def _inner_actors(ctx: DocContext, as_prep: Token, holders: list[ActorSpan],
                  victims: AbstractSet[str] = frozenset()) -> list[ActorSpan]:
    """Actors named inside an as-phrase (not demonyms, not the holders, not the ones it is
    against: "an enabler of Russia's war against Ukraine" shares nothing with Ukraine), nor
    ``victims``: what a phrase about someone else hurts ("criticised the meeting as
    undermining ASEAN's position" defends ASEAN; "acted as a brake on NATO", about the holder
    itself, is the holder's own hostility)."""
    keys = {h.key for h in holders} | victims
    return [s for s in ctx.actors.in_subtree(as_prep) if s.kind != "demonym"
            and s.key not in keys and not _against(ctx, s) and not _acting_inside(ctx, s)]


def _acting_inside(ctx: DocContext, span: ActorSpan) -> bool:
    """Whether an actor is the subject of a clause of its own inside a phrase: 'described the
    events as a "massacre", an acknowledgement that Senegalese officials welcomed' (what the
    officials do, not what the phrase says of them)."""
    root = ctx.doc[span.start : span.end].root
    while root.dep_ == "conj" and root.head != root:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX")


def _against(ctx: DocContext, span: ActorSpan) -> bool:
    root = _phrase_root(ctx, span)
    return root.dep_ == "pobj" and root.head.lower_ == "against"  # ("a brake on X" is not)


#: Prepositions whose phrase says when, not about whom: "the collapse of aid after the
#: Taliban takeover".
_TEMPORAL_PREPS = frozenset({"after", "before", "since", "during", "until", "following"})


def _timed_by(ctx: DocContext, span: ActorSpan, clause: Token) -> bool:
    """Whether an actor is inside a temporal phrase below ``clause`` ("… threatened famine,
    the collapse of aid after the Taliban takeover"): a time, no party judged."""
    for anc in ctx.doc[span.start].ancestors:
        if anc == clause:
            return False
        if anc.dep_ == "prep" and anc.lower_ in _TEMPORAL_PREPS:
            return True
    return False


def _phrase_root(ctx: DocContext, span: ActorSpan) -> Token:
    """The head of the phrase an actor names: itself, or the noun it possesses ("containing
    China's rise", "the war against Ukraine's people")."""
    root = ctx.doc[span.start : span.end].root
    return root.head if root.dep_ == "poss" else root


def _role_frame(
    ctx: DocContext, cues: Cues, em: _Emitter, verb: Token, hedged: bool, negated: bool
) -> None:
    """ "France acted as a brake on NATO's expansion": subject vs the actor in the as-phrase."""
    if negated:
        return
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            pol = cues.evaluate(list(c.subtree), root=c)
            holders = subject_actors(ctx, verb)
            if pol is not None and pol != Polarity.NEUTRAL:
                kind = StanceKind.OPPOSE if pol == Polarity.NEGATIVE else StanceKind.SUPPORT
                em.emit(holders, _inner_actors(ctx, c, holders), pol, kind, verb, 0.5, hedged)


def _small_clause_frame(
    ctx: DocContext, cues: Cues, em: _Emitter, verb: Token, hedged: bool, negated: bool
) -> None:
    """ "called NATO a relic", "designated the group a terrorist organisation": the second
    noun phrase characterises the first, as an as-phrase does ("sees NATO as a relic")."""
    if negated:
        return
    oprds = [c for c in verb.children if c.dep_ == "oprd"]
    pairs = [(obj, oprds + [c for c in obj.children if (
                  c.dep_ == "appos" and ctx.actors.at(c) is None)
                  or (c.dep_ == "amod" and c.i > obj.i)])  # ("called Israel's move
             for obj in verb.children if obj.dep_ in ("dobj", "dative")]  # irresponsible":
    # an adjective after its noun, parsed as its modifier, is the predicate)
    if not pairs and len(oprds) >= 2 and ctx.actors.at(oprds[0]) is not None:
        pairs = [(oprds[0], oprds[1:])]  # "called AUKUS 'the worst deal'", parsed as two
    if not pairs and len(oprds) == 1:
        # "called China's government 'assassins'", parsed as one noun phrase whose modifier
        # is the object
        pairs = [(m, oprds) for m in oprds[0].lefts if m.dep_ in ("nmod", "compound")
                 and ctx.actors.conj_phrases(m)][:1]
    for obj, preds in pairs:
        targets = ctx.actors.conj_phrases(obj)
        if not targets and obj.dep_ == "dobj":  # "called the decision shameful" (not "called
            targets = _act_doers(ctx, verb)  # it …": mostly an act, or no referent at all)
        for pred in preds:
            pol = cues.characterise(pred, root=pred)
            if pol is not None and pol != Polarity.NEUTRAL and targets:
                kind = StanceKind.CRITICIZE if pol == Polarity.NEGATIVE else StanceKind.PRAISE
                em.emit(subject_actors(ctx, verb), targets, pol, kind, verb, 0.6, hedged)


def _ties_frame(ctx: DocContext, cues: Cues, em: _Emitter, verb: Token, hedged: bool) -> None:
    """ "cultivating/maintaining ties with X": a positive, cooperative stance toward X."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in cues.ties_nouns:
            continue
        targets = [
            s
            for prep in (*obj.children, *verb.children)
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for p in prep.children
            if p.dep_ == "pobj"
            for s in ctx.actors.conj_phrases(p)
        ]
        holders = subject_actors(ctx, verb)
        em.emit(holders, targets, Polarity.POSITIVE, StanceKind.COOPERATE, verb, 0.55, hedged)


def _as_phrase(verb: Token) -> Token | None:
    """The "as ..." complement of a characterisation verb (on the verb or on its object).

    Also one clause down: "see the war serving as a pretext for X".
    """
    nested = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "acl")]
    objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    nested += [g for o in objects for g in o.children if g.dep_ == "acl"]
    for node in (verb, *[c for c in verb.children if c.dep_ == "dobj"], *nested):
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                return c
            # "sees NATO as divided": the parser may read "as divided" as a clause.
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children):
                return c
    return None


#: Verbs whose object is an envoy who stands for his state ("summoned Russia's ambassador,
#: Anatoly Antonov"): the protest is aimed at the state, not at the man.
_ENVOY_VERBS = frozenset({"summon", "expel"})
#: Nouns for a state's envoys as a group ("ten Russian diplomats"), who stand for it alike.
_ENVOY_NOUNS = frozenset({"diplomat", "envoy", "ambassador", "attaché", "attache"})


def _envoy_states(ctx: DocContext, roles: list[RoleFact]) -> dict[str, str]:
    """Person -> state for each envoy post this article reads ("Ambassador of Russia")."""
    return {r.person: r.of for r in roles
            if r.of and not r.former and r.role.lower() in ENVOY_TITLES
            and (a := ctx.registry.actors.get(r.of)) is not None and a.cls == EntityClass.STATE}


class _Emitter:
    def __init__(self, ctx: DocContext, envoys: Mapping[str, str] | None = None) -> None:
        self.ctx = ctx
        self.out: set[StanceFact] = set()
        #: person -> the state an envoy in this article stands for
        self.envoys = envoys or {}

    def emit(
        self,
        holders: list[ActorSpan],
        targets: list[ActorSpan],
        polarity: Polarity,
        kind: StanceKind,
        cue: Token,
        confidence: float,
        hedged: bool = False,
    ) -> None:
        doc = self.ctx.doc
        date = verb_date(self.ctx, cue) if holders and targets else None
        for h in holders:
            if h.cls in (EntityClass.PLACE, EntityClass.REGION):
                continue  # places do not hold attitudes ("each Indo-Pacific partner")
            hkey = h.key
            for t in targets:
                tkey = t.key
                if cue.lemma_.lower() in _ENVOY_VERBS:
                    tkey = self.envoys.get(tkey, tkey)
                    if (t.cls == EntityClass.COLLECTIVE and t.group_of
                            and doc[t.end - 1].lemma_.lower() in _ENVOY_NOUNS):
                        tkey = t.group_of  # "will summon Chinese diplomats": China's men
                if tkey == hkey or t.cls in (EntityClass.PLACE, EntityClass.REGION):
                    continue
                toks = [cue, doc[h.start], doc[h.end - 1], doc[t.start], doc[t.end - 1]]
                toks = [x for x in toks if self.ctx.sents.index(x) == self.ctx.sents.index(cue)]
                first, last = min(toks, key=lambda x: x.i), max(toks, key=lambda x: x.i)
                ev = self.ctx.sents.token_evidence(first, last, confidence, NAME)
                self.out.add(
                    StanceFact(
                        holder=hkey,
                        target=tkey,
                        polarity=polarity,
                        kind=kind,
                        evidence=ev,
                        hedged=hedged,
                        date=date,
                    )
                )


#: Nouns for a batch of measures, whose holder is that of the measures ("a package of
#: sanctions", "a new round of tariffs").
_BATCHES = frozenset({"package", "round", "raft", "wave", "set", "series", "batch", "slew"})
#: Words for a part of them, which are the measures' object in turn ("lifted most of its
#: sanctions on Niger").
_PORTIONS = frozenset({"most", "some", "all", "many", "part", "half", "several", "much",
                       "rest", "bulk", "remainder"})
#: Verbs that take a measure off ("lifted its sanctions on Niger", "eased tariffs on China"):
#: the end of a hostile act, not one.
_LIFTING = frozenset({"lift", "ease", "relax", "loosen", "remove", "scrap", "waive", "rescind",
                      "repeal", "unfreeze"})
#: Verbs that keep what their object names from happening ("blocked a package of support").
_THWARTING = frozenset({"block", "veto", "reject", "thwart"})


#: Prepositions of a verb that carry its stance noun object's target ("issued a warning to
#: X", "directed criticism at X"); not "with" (whom it was raised with) nor "over" (what it
#: is about, whose possessive pronoun is often the wrong actor).
_ADDRESSED_PREPS = frozenset({"to", "against", "toward", "towards", "at"})
#: Stance nouns lodged "with" the one they are aimed at ("lodged a protest with Moscow").
_LODGED = frozenset({"protest"})
#: Stance nouns whose "at" names the forum, not the target ("a complaint at the WTO").
_FILED = frozenset({"complaint", "complaints"})
#: Verbs that turn against what their object names ("the EU challenged the ban at the WTO",
#: "condemned the attacks on …"): the object's hostility is someone else's, not the subject's.
_CONTESTING = frozenset({"challenge", "contest", "dispute", "defy", "flout", "evade",
                         "circumvent", "protest", "condemn", "denounce", "decry", "criticise",
                         "criticize", "reject", "oppose", "deplore", "slam"})

#: Verbs that refer to an act someone else did ("the department cited the attack on Costa
#: Rica's government", "investigators documented the attacks"): their subject holds no
#: stance the act's noun names.
_CITING = frozenset({"cite", "mention", "recall", "note", "investigate", "probe", "document",
                     "discuss", "describe", "detail", "examine", "review", "study", "blame",
                     "attribute", "report", "highlight"})


def _measure(noun: Token) -> Token:
    """The phrase a measure noun heads: itself, or the batch or portion it is "of" ("a
    package of sanctions", "most of its sanctions")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
            noun.head.head.lemma_.lower() in _BATCHES | _PORTIONS):
        return noun.head.head
    return noun


def _another_speaker(ctx: DocContext, clause: Token, subject: Token, verb: Token) -> bool:
    """Whether a reported clause reports an actor other than the reporter speaking ("say
    Saudi officials have questioned …"), in the active voice ("can be seen as a danger" is
    the reporter's own verdict; "what it called a hostile gesture" the reporter's words)."""
    if any(c.dep_ == "auxpass" for c in clause.children):
        return False
    speakers = {s.key for s in ctx.actors.conj_phrases(subject)}
    return bool(speakers) and not speakers & {s.key for s in subject_actors(ctx, verb)}


def _from_phrase(ctx: DocContext, noun: Token) -> bool:
    """Whether a noun's (or its verb's) "from" phrase names an actor: who shows it."""
    return bool(prep_actors(ctx, noun, ("from",)) or prep_actors(ctx, noun.head, ("from",)))


def _holder_of_noun(ctx: DocContext, noun: Token) -> list[ActorSpan]:
    """Possessor/modifier of a stance noun, else its "from"/"by" actor ("criticism from the
    EU"), else the subject of the verb that governs it."""
    noun = _measure(noun)  # "adopted a 15th package of sanctions against Russia"
    own = ctx.actors.of_phrase(noun)
    if own is not None and own.start < noun.i:
        doc = ctx.doc
        if own.end + 1 < noun.i and doc[own.end].text in ("'s", "’s") and (
                doc[own.end + 1].text == ","):
            return []  # "more restrained than Uganda's, avoided public attacks": an elided
            # noun after "Uganda's", not the possessor the parser made of it
        return [own]
    head = noun.head
    source = prep_actors(ctx, noun, ("from", "by"))
    if not source and noun.dep_ == "dobj":  # "drew criticism of China from the EU"
        source = prep_actors(ctx, head, ("from",))
    if source:
        return source
    if (noun.dep_ == "oprd" and head.dep_ == "ccomp" and head.head != head
            and any(c.lower_ == "what" and c.dep_ == "dobj" for c in head.children)):
        # "Blinken reaffirmed what the State Department called 'unwavering support for
        # Guyana's sovereignty'": the support is what the main clause's subject reaffirms
        return subject_actors(ctx, head.head)
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in _ENDING | _CONTESTING | _CITING | _ELICITING or (
                _negated_scope(head)):  # ("has faced sustained criticism over X": no critic)
            return []  # "called on Beijing to stop all support for Russia"
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in _AGREEMENTS for c in head.children):
            return []  # "its treaty covers attacks on X": a pact names acts, it holds none
        return subject_actors(ctx, head)
    return []


def stance_facts(ctx: DocContext, cues: Cues | None = None,
                 roles: list[RoleFact] | None = None) -> list[StanceFact]:
    """Stance facts of one Doc (pure; sorted); ``roles`` tell whose side a person is on."""
    cues = cues or Cues()
    em = _Emitter(ctx, _envoy_states(ctx, roles or []))
    perceived: list[tuple[Token, StanceCue]] = []
    for tok in ctx.scan(cues.words):
        lemma = tok.lemma_.lower()
        if (tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG")) and not (
            _claimed(ctx, tok)  # "accused Washington of supporting Israel": a claim
            # "urged India to cooperate with …": asked, not done (the asker's appeal stays)
            or requested(tok, cues.appeal_verbs)
            or _in_undone_text(tok)
            or conditional(tok)  # "if Washington starts treating BRICS as hostile"
        ):
            _verb_frames(ctx, cues, em, tok, lemma)
        if tok.pos_ == "ADJ" and tok.lower_ in cues.adjective and tok.dep_ in ("acomp", "amod"):
            cue = cues.adjective[tok.lower_]
            head = tok.head
            holders = subject_actors(ctx, head) if tok.dep_ == "acomp" else []
            if tok.dep_ == "amod" and ctx.actors.at(head) is not None:
                holders = [ctx.actors.at(head)]  # "wary Western governments"
            negated = is_negated(head) or is_negated(tok)
            pol = Polarity.NEUTRAL if negated else cue.polarity
            targets = prep_actors(ctx, tok, _TARGET_PREPS)
            em.emit(holders, targets, pol, cue.kind, tok, 0.6, modal(head) in _HEDGES)
        if tok.pos_ in ("NOUN", "PROPN") and (lemma in cues.noun or tok.lower_ in cues.noun):
            cue = cues.noun.get(lemma) or cues.noun[tok.lower_]
            holders = _holder_of_noun(ctx, tok)
            # "anger at X", but "build support at the United Nations", "filed a complaint at
            # the WTO": where it is sought or filed, not for whom or against whom
            addressed = (_ADDRESSED_PREPS - {"at"}
                         if cue.polarity == Polarity.POSITIVE or tok.lower_ in _FILED
                         else _ADDRESSED_PREPS)
            preps = [p for p in _noun_preps(tok) if p.lower_ != "at" or "at" in addressed]
            targets = [s for p in preps for o in p.children if o.dep_ == "pobj"
                       for s in ctx.actors.conj_phrases(o)] or [
                s for p in preps for o in p.children if o.dep_ == "pobj"
                for s in _parties(ctx, o)]
            # "voiced concern over the detention of activist X": X is who the act harms, not
            # whom the concern is aimed at
            victims = {a.key for p in preps for o in p.children if o.dep_ == "pobj"
                       for a in _harmed(ctx, o)}
            targets = [t for t in targets if t.key not in victims]
            if not targets and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
                # "Egypt and Sudan stepped up their warnings to Ethiopia": the parser hangs
                # the noun's "to" phrase on its verb
                targets = prep_actors(ctx, tok.head, addressed) or prep_actors(
                    ctx, tok.head, ("to",), deps=("dative",))  # ("sent congratulations to
                # X", "paid tribute to X": the "to" parsed as the verb's dative)
            if not targets and lemma in _LODGED:
                # "Tokyo lodged a strong protest with Moscow": lodged with the one protested to
                targets = prep_actors(ctx, tok, ("with",)) or (
                    prep_actors(ctx, tok.head, ("with",)) if tok.dep_ == "dobj" else [])
            if (not targets and tok.dep_ == "dobj"
                    and tok.head.lemma_.lower() in _ELICITING and _from_phrase(ctx, tok)):
                # "Russia vetoed the text, drawing condemnation from Britain": the one who
                # draws it is its target
                targets = subject_actors(ctx, tok.head)
            if (cue.polarity == Polarity.POSITIVE and tok.dep_ == "dobj"
                    and tok.head.lemma_.lower() in _HOLDING
                    and (givers := prep_actors(ctx, tok, ("of",)))):
                # "Raila Odinga, who has the backing of President Uhuru Kenyatta": the "of"
                # actor backs the subject, not the other way round
                holders, targets = givers, subject_actors(ctx, tok.head)
            measure = _measure(tok)
            ended = (measure.dep_ == "dobj" and measure.head.lemma_.lower() in (
                _NOT_OR_NO_LONGER | _LIFTING | _THWARTING)) or (  # "blocked a package of
                # support …", "has avoided public criticism of Beijing"
                measure.dep_ == "pobj" and _held_back(measure.head)) or (  # "refrained from
                # open criticism of China"
                measure.dep_ == "nsubj" and measure.head.lemma_.lower() in _LAPSING
                and measure.head.head.lemma_.lower() in _PERMITTING) or (
                measure.dep_ == "dobj" and measure.head.lemma_.lower() in _PERMITTING
                and any(t.lemma_.lower() in _LAPSING for t in ctx.doc[
                    measure.i + 1 : measure.head.right_edge.i + 1]))
            # ("let sanctions on Russia lapse", "allowed its sanctions against China to
            # expire": measures that end)
            if (holders and targets and not is_negated(tok) and not ended
                    and not unspecified(tok)):  # ("any nuclear attack by North Korea")
                em.emit(holders, targets, cue.polarity, cue.kind, tok, 0.6)
        if tok.pos_ == "NOUN" and lemma in cues.relation:
            _relation_frame(ctx, cues.relation[lemma], em, tok)
        if tok.pos_ == "NOUN" and (lemma in cues.perceived or tok.lower_ in cues.perceived):
            perceived.append((tok, cues.perceived.get(lemma) or cues.perceived[tok.lower_]))
    _recognition_frames(ctx, em)
    _anti_frames(ctx, em)
    _view_frames(ctx, cues, em)
    for noun, cue in perceived:  # last: only pairs no other frame found in the sentence
        _perceived_frame(ctx, cue, em, noun)
    return sort_facts(_not_against_own_side(ctx, em.out, roles or []))


def _not_against_own_side(ctx: DocContext, stances: set[StanceFact],
                          roles: list[RoleFact]) -> list[StanceFact]:
    """Without a person's (or a ministry's) hostility or praise toward the body they act for,
    the union it is part of or the state it belongs to ("Foreign ministry spokeswoman Maria
    Zakharova warned that Russia's response would be painful": no warning against Russia;
    "Rubio said … that the United States remained 'available for … a peaceful resolution'":
    no praise of the United States, a side describing itself).

    Why: in "Blinken said Washington was deeply concerned by China's actions" and "Von der
    Leyen warned that the bloc would not accept …" the reported clause's subject is the
    speaker's own side, the one that holds the attitude; the frames that take that subject for
    the target misread it. A minister attacking their own government is rare enough in news
    that dropping it costs less than the misreadings it prevents; so does a side's praise of
    itself, which states no attitude toward another. Appeals stay ("Stoltenberg urged NATO
    allies to spend more").
    """
    sides: dict[str, set[str]] = {}
    people: dict[str, set[str]] = {}  # target person -> the bodies they act for
    out = []
    for f in stances:
        if f.polarity != Polarity.NEUTRAL:  # (a state acts for no other: no sides)
            if f.holder not in sides:
                person = ctx.registry.actors.get(f.holder)
                bodies = ({acts_for(ctx, f.holder, roles)} | {
                    p.of for p in (person.positions if person else ())
                    if held_then(p, ctx.published)}
                    if _holds_a_post(ctx, f.holder, roles) else set())
                # the union a body is part of, the state a ministry belongs to
                parents = {p for b in map(ctx.registry.actors.get, bodies - {None})
                           if b is not None for p in (b.part_of, b.country)}
                # an executive body's own state ("A State Department spokesperson said
                # Washington continued to regard the allegations as unfounded")
                # (a state's executive body never attacks its own state, unlike a think tank
                # or a newspaper of that state)
                own = ({person.part_of, person.country}
                       if is_executive_body(person) else set())
                sides[f.holder] = (bodies | parents | own | {
                    state_named_in(ctx, b) for b in bodies - {None}
                    if b not in ctx.registry.actors}) - {None}
            target = ctx.registry.actors.get(f.target)
            if f.target not in people:
                people[f.target] = _sides_of_person(ctx, f.target, roles)
            if (f.target in sides[f.holder]
                    or (target is not None and target.part_of in sides[f.holder])
                    or (is_executive_body(target) and target.country in sides[f.holder]
                        and not _legislator(ctx, f.holder, roles))
                    or people[f.target] & sides[f.holder]):
                continue  # also an organ of the holder's body ("Marta Kos, the EU's
                # enlargement commissioner, said the Commission would …"), his own state's
                # ministry ("Rubio said the State Department would …") and a person of the
                # same side ("White House press secretary Karoline Leavitt" on "President
                # Trump's terms")
        out.append(f)
    return out


#: Posts of a legislature, whose holders oversee and attack their own state's executive
#: ("Senator Dan Sullivan accused the Pentagon of moving too slowly").
_LEGISLATIVE_POSTS = frozenset({"senator", "congressman", "congresswoman", "representative",
                                "lawmaker", "legislator", "mp", "member of parliament"})


def _legislator(ctx: DocContext, key: str, roles: list[RoleFact]) -> bool:
    """Whether a person holds a legislature's post (this article's or the registry's)."""
    person = ctx.registry.actors.get(key)
    titles = {r.role.lower() for r in roles if r.person == key} | {
        p.title.lower() for p in (person.positions if person else ())}
    return bool(titles & _LEGISLATIVE_POSTS)


def _sides_of_person(ctx: DocContext, key: str, roles: list[RoleFact]) -> set[str]:
    """The bodies a person acts for (this article's posts, the registry's), none for another
    kind of actor."""
    actor = ctx.registry.actors.get(key)
    if (actor is not None and actor.cls != EntityClass.PERSON) or (
            actor is None and not key.startswith("person-")) or not _holds_a_post(
            ctx, key, roles):
        return set()
    return ({acts_for(ctx, key, roles)} | {
        p.of for p in (actor.positions if actor else ()) if p.until is None}) - {None}


def _holds_a_post(ctx: DocContext, key: str, roles: list[RoleFact]) -> bool:
    """Whether an actor holds a post at the article's date: one this article gives it (not a
    former one), or a registry post held then; any other actor (a state, a body) counts.

    Why: a side is what one acts for now. "President Lee Jae-myung denounced Yoon Suk Yeol's
    policy" is one South Korean attacking another, a former president no longer South
    Korea's voice, and the opposition leader criticising the sitting president is a stance.
    """
    actor = ctx.registry.actors.get(key)
    if actor is None and not key.startswith("person-"):
        return True
    if actor is not None and actor.cls != EntityClass.PERSON:
        return True
    return any(r.person == key and not r.former for r in roles) or any(
        held_then(p, ctx.published) for p in (actor.positions if actor else ()))


#: Prepositions of a passive verb naming what its subject is told or asked about.
_TOLD_OF = frozenset({"of", "about", "on"})


def _own_subject_clauses(ctx: DocContext, clause: Token) -> list[Token]:
    """Clauses the parser hung below ``clause`` (``ccomp``) whose subject names an actor."""
    return [c for c in clause.children if c.dep_ == "ccomp" and any(
        s.dep_ in ("nsubj", "nsubjpass") and ctx.actors.conj_phrases(s) for s in c.children)]


def _joint_owner(ctx: DocContext, span: ActorSpan, subject: Token) -> bool:
    """Whether ``span`` is one of several conjoined owners of the subject ("U.S. and European
    views of the threat frequently diverge", "Chinese and Russian interests clash"): the
    verdict is on how the owners stand to each other, not on any one of them."""
    root = ctx.doc[span.start:span.end].root
    first = root
    while first.dep_ == "conj" and first.head != first:
        first = first.head  # "Indian" in "Japanese and Indian views" hangs on "Japanese"
    return (first.head == subject and first.dep_ in ("nmod", "compound", "amod", "poss")
            and bool(root.conjuncts))


def _in_undone_text(verb: Token) -> bool:
    """Whether the verb describes a text its would-be authors did not adopt: "the League
    declined to adopt a draft resolution condemning the UAE", "did not sign a statement
    praising China" (the condemnation is nobody's)."""
    if verb.dep_ != "acl" or verb.head == verb:
        return False
    governing = verb.head.head
    return (verb.head.dep_ in ("dobj", "nsubjpass") and governing != verb.head
            and (declined(governing) or is_negated(governing)))


def _claimed(ctx: DocContext, verb: Token) -> bool:
    """Whether the verb names an act an evaluator ascribes to another actor ("accused X of
    supporting Y"), also one step down ("accused Western countries of prolonging the war by
    arming Kyiv"): the act is the evaluator's claim, no stance of anyone."""
    return any(object_controller(ctx, node) or _passive_claim(node)
               for node in gerund_chain(verb))


#: Verbs whose "of"/"for" gerund is a claim about their object ("accused X of arming Y").
_CLAIMING = ALLEGING | {"criticise", "criticize", "condemn", "praise", "credit", "commend",
                       "thank", "sanction", "punish", "denounce"}


def _passive_claim(gerund: Token) -> bool:
    """ "UAE accused of arming Sudan's paramilitaries", "Beijing was criticised for backing
    Moscow": the passive form of a claim, whose subject is the one accused."""
    prep = gerund.head
    if gerund.dep_ != "pcomp" or prep.lower_ not in ("of", "for") or prep.head.i == prep.i:
        return False
    verb = prep.head
    return verb.lemma_.lower() in _CLAIMING and verb.tag_ == "VBN" and not any(
        c.dep_ == "dobj" for c in verb.children)


def _perceived_frame(ctx: DocContext, cue: StanceCue, em: _Emitter, noun: Token) -> None:
    """ "Japan faces a growing threat from China", "focusing on the Russian threat": the
    subject of the clause is concerned about the actor the threat comes from.

    The source is the noun's own actor ("Chinese aggression", "China's coercion") or an actor
    inside its "from" or "posed by" phrase; the holder is the subject of the nearest verb
    above the noun. Not inside a complement clause (another actor's wish or report: "want
    NATO to counter the threat", "urged NATO to cease ..."), not when the verb discounts the
    threat ("dismissed the threat from China") or the writer does ("the so-called China
    threat"), and not for a pair another frame already found in the sentence ("warned of
    Russian aggression" is already a warning).
    """
    if is_negated(noun):
        return
    # (not the items listed with the noun: "to talk about Russia, Ukraine and economic
    # coercion" names no one's coercion)
    listed = {t.i for c in noun.conjuncts for t in c.subtree}
    targets = [s for s in ctx.actors.conj_phrases(noun) if s.start not in listed]
    for child in noun.children:
        # "the threat from X"; "the danger posed by X"
        source = child if child.dep_ == "prep" and child.lower_ == "from" else None
        if child.dep_ == "acl" and child.lemma_.lower() == "pose":
            source = next((c for c in child.children if c.dep_ == "agent"), None)
        if source is not None:
            targets += [s for p in source.children if p.dep_ == "pobj"
                        for s in ctx.actors.in_subtree(p) if s not in targets]
    if not targets:
        return
    verb, steps = noun.head, 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb and steps < 4:
        if is_negated(verb):
            return  # "made no reference to Russian aggression"
        verb, steps = verb.head, steps + 1
    clause = (verb, *verb.ancestors)
    if (verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in _DISCOUNTING
            or _negated_scope(verb) or any(t.dep_ == "ccomp" for t in clause)
            or any(t.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in t.head.children)
                   for t in clause)  # "urged NATO to cease its talk of threats"
            or any(object_controller(ctx, t) for t in clause)  # "denounced X for serving as …"
            or "so-called" in ctx.doc[max(noun.left_edge.i - 3, 0):noun.i].text.lower()):
        return
    sentence = ctx.sents.index(noun)
    found = {(f.holder, f.target) for f in em.out if f.evidence.sentence_index == sentence}
    holders = [h for h in subject_actors(ctx, verb) if h not in targets]
    for h in holders:
        fresh = [t for t in targets if (h.key, t.key) not in found]
        em.emit([h], fresh, cue.polarity, cue.kind, noun, 0.55, modal(verb) in _HEDGES)


#: Verbs that present their object as something ("Egypt is seen as the army's main backer").
#: Not all of ``_AS_VERBS``: a verdict verb ("branded Iran a sponsor of terrorism") is the
#: speaker's accusation, which the characterisation frames read; "known as" is added.
_SEEN_AS = frozenset({"see", "regard", "consider", "view", "know", "describe", "portray",
                      "perceive"})


def _relation_frame(ctx: DocContext, cue: StanceCue, em: _Emitter, noun: Token) -> None:
    """ "Egypt is the army's main backer", "X is seen as a supporter of Y", "X, a fierce critic
    of Beijing, said": the actor the noun is said of holds the stance toward the noun's
    possessor or its "of" object.

    The actor is the subject of "be", the subject of a passive "seen as" (the object of an
    active one), or the phrase the noun is in apposition to. A demonym before the noun says
    where the critic is from, not whom they criticise ("a Chinese critic"), so it is no
    target; a denial ("is not a backer of") holds no stance.
    """
    head = noun.head
    holders: list[ActorSpan] = []
    if noun.dep_ == "attr" and head.lemma_ == "be":
        holders = subject_actors(ctx, head)
    elif noun.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in _SEEN_AS:
        verb = head.head
        holders = (subject_actors(ctx, verb) if verb.tag_ == "VBN" and any(
            c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            else object_actors(ctx, verb))
    elif noun.dep_ == "appos":
        holder = ctx.actors.of_phrase(head)
        holders = [holder] if holder is not None else []
    if not holders or is_negated(noun) or _negated_scope(head):
        return
    # (the possessor read here directly: "Russia's backer" is not Russia, but backs it)
    owners = [ctx.actors.possessor(c) for c in noun.children if c.dep_ == "poss"]
    targets = [own for own in [*owners, ctx.actors.of_phrase(noun)]
               if own is not None and own.start < noun.i and own.kind != "demonym"]
    targets = list(dict.fromkeys(targets))
    targets += [t for t in prep_actors(ctx, noun, ("of",)) if t not in targets]
    em.emit(holders, targets, cue.polarity, cue.kind, noun, 0.55)


#: What a state recognises when it recognises another as a state ("Kosovo's independence").
_STATEHOOD = frozenset({"independence", "sovereignty", "statehood", "government", "state",
                        "authority", "authorities", "regime", "existence", "annexation"})
_RECOGNISING = frozenset({"recognise", "recognize"})


def _recognition_frames(ctx: DocContext, em: _Emitter) -> None:
    """Diplomatic recognition: "Spain and Greece do not recognise Kosovo", "Serbia, which does
    not recognise Kosovo's independence", "refused to recognise the junta" oppose the actor;
    "Norway recognised Palestine" supports it.

    Why a frame of its own: unlike a verdict verb, whose denial holds no stance ("did not
    criticise China"), withholding recognition is the stance. The object must be the actor
    itself or its statehood ("Kosovo's independence", "the Taliban government"), not any
    thing of it: "NATO recognises China's growing influence" judges nobody.
    """
    for verb in ctx.scan(_RECOGNISING):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _RECOGNISING:
            continue
        if _claimed(ctx, verb) or modal(verb) in _HEDGES:
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        # "Kosovo is recognised by the United States": the agent recognises the subject
        deps = ("nsubjpass",) if passive else ("dobj",)
        targets: list[ActorSpan] = []
        for obj in (c for c in verb.children if c.dep_ in deps):
            for node in (obj, *obj.conjuncts):
                span = ctx.actors.at(node)
                if span is None and node.lemma_.lower() in _STATEHOOD:
                    span = ctx.actors.of_phrase(node)
                if span is not None and span.cls != EntityClass.PERSON and span not in targets:
                    targets.append(span)
        if not targets:
            continue
        if _negated_scope(verb):
            pol, kind = Polarity.NEGATIVE, StanceKind.OPPOSE
        else:
            pol, kind = Polarity.POSITIVE, StanceKind.SUPPORT
        holders = agent_actors(ctx, verb) if passive else subject_actors(ctx, verb)
        em.emit(holders, targets, pol, kind, verb, 0.6)


def _anti_frames(ctx: DocContext, em: _Emitter) -> None:
    """ "adopted anti-China policies": the owner of the policy opposes the actor after "anti-"."""
    doc = ctx.doc
    for span in ctx.actors.spans:
        if (
            span.start < 2
            or doc[span.start - 2].lower_ != "anti"
            or doc[span.start - 1].text != "-"
        ):
            continue
        noun = doc[span.start].head
        if noun.pos_ not in ("NOUN", "PROPN") or _disowned(noun):
            continue
        holders = [h for h in _holder_of_noun(ctx, noun) if h.key != span.key]
        if not holders and noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
            if _negated_scope(noun.head):
                continue  # "NATO should not become an anti-China bloc"
            holders = subject_actors(ctx, noun.head)
        em.emit(holders, [span], Polarity.NEGATIVE, StanceKind.OPPOSE, doc[span.start - 2], 0.6)


def _view_frames(ctx: DocContext, cues: Cues, em: _Emitter) -> None:
    """ "In the view of X, ...", "in X's view", "in Chinese eyes": X holds the clause's verdict.

    Targets are the subjects of the main clause and its conjoined clauses whose words carry an
    evaluative polarity.
    """
    views = word_set("communication_verbs.json", "view_nouns")
    for tok in ctx.scan(views):
        if tok.lower_ not in views or tok.dep_ != "pobj" or tok.head.lower_ != "in":
            continue
        holder = ctx.actors.of_phrase(tok)
        if holder is None:
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    found = [s for p in prep.children for s in ctx.actors.conj_phrases(p)]
                    holder = found[0] if found else None
        if holder is None:
            continue
        clause = tok.head.head
        for verb in (clause, *clause.conjuncts):
            subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            pol = cues.evaluate(
                [
                    t
                    for t in verb.subtree
                    if t.i not in range(tok.head.left_edge.i, tok.head.right_edge.i + 1)
                ],
                root=verb,
            )
            targets = ctx.actors.conj_phrases(subj[0])
            if pol is not None and targets:
                kind = StanceKind.CRITICIZE if pol == Polarity.NEGATIVE else StanceKind.PRAISE
                em.emit([holder], targets, pol, kind, verb, 0.55)


#: Stance kinds that are things said: a reported clause whose subject says one holds that
#: subject's verdict on someone else, not the reporter's verdict on the subject.
_SPEECH_ACTS = frozenset({StanceKind.ACCUSE, StanceKind.CRITICIZE, StanceKind.PRAISE,
                          StanceKind.DENY, StanceKind.APPEAL, StanceKind.WARN})


def _verb_frames(ctx: DocContext, cues: Cues, em: _Emitter, tok: Token, lemma: str) -> None:
    hedged = modal(tok) in _HEDGES
    negated = _negated_scope(tok)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children)
    ) or (  # "were arrested in May and charged with his murder": passive like its head
        tok.dep_ == "conj" and tok.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.head.children)
    )
    for cue in cues.verb.get(lemma, ()):
        if cue.frame == "agent":
            if negated:
                continue
            if passive:
                holders = agent_actors(ctx, tok)
                targets = [
                    s
                    for c in tok.children
                    if c.dep_ == "nsubjpass"
                    for s in ctx.actors.conj_phrases(c)
                ]
                if not targets and tok.dep_ == "conj":
                    # "cooperation between A and B is growing, and welcomed by C"
                    for subj in tok.head.children:
                        if subj.dep_ in ("nsubj", "nsubjpass"):
                            targets = ctx.actors.conj_phrases(subj) or prep_actors(
                                ctx, subj, _TARGET_PREPS
                            )
            else:
                holders = subject_actors(ctx, tok)
                targets = _objects(ctx, tok)
                if cue.named_object:
                    named = _object_tokens(tok)
                    targets = [t for t in targets if any(t.start <= i < t.end for i in named)]
                if not targets and cue.kind in (StanceKind.PRAISE, StanceKind.CRITICIZE):
                    targets = _subtree_fallback(ctx, tok, cues.noun) or _act_doers(ctx, tok)
                elif not targets and cue.kind in (StanceKind.OPPOSE, StanceKind.SUPPORT):
                    targets = _act_doers(ctx, tok)  # "rejected the decision", "backed the move"
                if not targets and cue.kind == StanceKind.WARN:
                    targets = _warned_of(ctx, cues, tok)
                if not targets and cue.kind == StanceKind.THREATEN:
                    targets = _threatened_act_aimed_at(ctx, tok)
            if lemma == "blame" and (blamed := prep_actors(ctx, tok, ("on",))):
                targets = blamed  # "the hack, which Berlin blames on the GRU": the GRU
            if lemma == "welcome":
                # "Vucic welcomed Xi at the Palace of Serbia": a host receiving a guest (an
                # event), not approval of the guest
                # (also passive: "was welcomed by el-Sissi at the airport")
                guests = {g.key for c in tok.children
                          if c.dep_ == ("nsubjpass" if passive else "dobj")
                          for g in ctx.actors.conj_phrases(c)
                          if (ctx.actors.at(c) is not None or c.pos_ == "PRON")
                          and g.cls == EntityClass.PERSON}
                targets = [t for t in targets if t.key not in guests]
            pol, kind = cue.polarity, cue.kind
            if kind == StanceKind.APPEAL and _asks_to_stop(tok):  # "urged NATO to cease …"
                pol, kind = Polarity.NEGATIVE, StanceKind.CRITICIZE
            if tok.dep_ == "pcomp" and tok.head.lower_ == "against":
                targets = []  # "warned against isolating Afghanistan's new rulers", "voted
                # against condemning Russia": an act the holder opposes, not its own
            em.emit(holders, targets, pol, kind, tok, 0.7, hedged)
        elif cue.frame == "experiencer":
            obj_deps, subj_deps = ("dobj",), ("nsubj", "csubj")
            if passive:  # "China is alarmed by NATO's expansion"
                obj_deps, subj_deps = ("nsubjpass",), ()
            holders = [
                s for c in tok.children if c.dep_ in obj_deps for s in ctx.actors.conj_phrases(c)
            ]
            targets = [
                s for c in tok.children if c.dep_ in subj_deps for s in ctx.actors.conj_phrases(c)
            ]
            if passive:
                targets = [
                    s
                    for c in tok.children
                    if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "about", "over", "at")
                    for p in c.children
                    if p.dep_ == "pobj"
                    for s in ctx.actors.conj_phrases(p)
                ]
            pol = Polarity.NEUTRAL if negated else cue.polarity
            em.emit(holders, targets, pol, cue.kind, tok, 0.65, hedged)
        elif cue.frame == "with":  # "Milei has clashed with Lula": the other party
            if negated or passive:
                continue
            holders, targets = subject_actors(ctx, tok), prep_actors(ctx, tok, ("with",))
            if not targets and len(holders) >= 2:  # "China and India clashed": each the other
                targets = holders
            em.emit(holders, targets, cue.polarity, cue.kind, tok, 0.65, hedged)
        elif cue.frame == "behind":  # "Kyiv stood squarely behind London": backing it
            if negated or passive:
                continue
            targets = prep_actors(ctx, tok, ("behind",))
            if targets:
                em.emit(subject_actors(ctx, tok), targets, cue.polarity, cue.kind, tok, 0.65,
                        hedged)
        elif cue.frame == "about":
            if any(c.dep_ == "dobj" for c in tok.children) and any(
                    other.frame == "experiencer" for other in cues.verb.get(lemma, ())):
                continue  # "Russia's drills worried Japan": the experiencer frame's reading
            holders = subject_actors(ctx, tok) or [
                s for c in tok.children if c.dep_ == "nsubjpass" for s in ctx.actors.conj_phrases(c)
            ]
            targets = _objects(ctx, tok)
            pol = Polarity.NEUTRAL if negated else cue.polarity
            em.emit(holders, targets, pol, cue.kind, tok, 0.65, hedged)
    if lemma in _AS_VERBS:
        as_prep = _as_phrase(tok)
        if as_prep is None:  # "called NATO a relic"
            _small_clause_frame(ctx, cues, em, tok, hedged, negated)
        else:
            pol = cues.characterise(as_prep, root=as_prep)
            if pol is None and negated:
                pol = Polarity.NEUTRAL  # "does not see the alliance as moving closer"
            if pol is not None:
                holders = subject_actors(ctx, tok)
                targets = object_actors(ctx, tok) or [
                    s for c in tok.children if c.dep_ == "dobj" for s in _parties(ctx, c)]
                kind = StanceKind.CRITICIZE if pol == Polarity.NEGATIVE else StanceKind.PRAISE
                if negated:
                    pol = Polarity.NEUTRAL
                em.emit(holders, targets, pol, kind, tok, 0.65, hedged)
                if not negated and pol == Polarity.NEGATIVE:
                    # Actors inside a hostile characterisation share it: "a tool of the U.S.".
                    # (Not for praise: "a partner against Russia" is no praise of Russia.)
                    victims = {s.key for s in ctx.actors.in_subtree(as_prep)
                               if _victim(ctx, cues, s)}
                    inner = _inner_actors(ctx, as_prep, holders, victims)
                    em.emit(holders, inner, pol, kind, tok, 0.5, hedged)
    if lemma == "call" and not negated and not _courtesy_call(tok):
        # "NATO called on China to stop …": an appeal
        targets = prep_actors(ctx, tok, ("on", "upon"))
        # Asking an actor to stop what it does is criticism ("calling on the PRC to cease
        # this activity"); any other request is an appeal.
        pol, kind = ((Polarity.NEGATIVE, StanceKind.CRITICIZE) if _asks_to_stop(tok)
                     else (Polarity.NEUTRAL, StanceKind.APPEAL))
        em.emit(subject_actors(ctx, tok), targets, pol, kind, tok, 0.7, hedged)
    if lemma in _ROLE_VERBS:
        _role_frame(ctx, cues, em, tok, hedged, negated)
    if lemma in cues.ties_verbs and not negated:
        _ties_frame(ctx, cues, em, tok, hedged)
    if lemma in cues.comm and not negated:
        for comp in tok.children:
            if comp.dep_ != "ccomp":
                continue
            clauses = [comp, *comp.conjuncts]
            for clause in clauses:
                # '"The European Council is clear: Russia is the aggressor, Ukraine is the
                # victim"', parsed as clauses nested in one another: a clause below with an
                # actor of its own as subject is judged on its own turn (unless what holds it
                # is a report or a view: "China believes Japan is a threat" is China's)
                nested = _own_subject_clauses(ctx, clause)
                if clause.lemma_.lower() not in cues.comm:
                    clauses += [c for c in nested if c not in clauses]
                subj = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
                if not subj or clause.lemma_.lower() in VOLITION_VERBS:
                    continue  # "said the group wanted constructive relations": a wish, no verdict
                if _undergoes(clause):
                    continue  # "said Lebanon had passed through one of the most dangerous
                    # phases in its history": what the subject goes through is no verdict on it
                if subj[0].dep_ == "nsubj" and any(
                        c.frame == "agent" and c.kind in _SPEECH_ACTS
                        for c in cues.verb.get(clause.lemma_.lower(), ())):
                    continue  # "Iran's foreign ministry condemned the attack, IRNA reported":
                    # the subject's own verdict (read in its own frame), none on the subject
                if (clause.lemma_.lower() in cues.comm and clause.lemma_.lower() not in cues.verb
                        and _another_speaker(ctx, clause, subj[0], tok)):
                    # "diplomats say Saudi officials have privately questioned whether …": what
                    # another actor said is theirs to answer for (its own frame reads it)
                    continue
                targets = [s for s in ctx.actors.conj_phrases(subj[0])
                           if not _joint_owner(ctx, s, subj[0])
                           and not _counted(ctx, s)]
                # A conjoined clause is judged on its own turn of this loop: in "said that Suu
                # Kyi was in good health, but the meeting was criticised by …" the criticism
                # says nothing of Suu Kyi, and in "wrote that the remarks were unacceptable and
                # that the Maldives was committed to dialogue" the Maldives is none of the
                # remarks.
                later = {t.i for c in clause.conjuncts if c.i > clause.i for t in c.subtree}
                # So is an adverbial clause with a subject of its own: "said the plan was
                # illegal, while the Council of Europe's commissioner voiced concern"
                later |= {t.i for c in clause.children if c.dep_ == "advcl" and any(
                    s.dep_ in ("nsubj", "nsubjpass") for s in c.children) for t in c.subtree}
                if (not targets and clause.lemma_ == "be"
                        and cues.polarity(subj[0]) is not None):
                    continue  # "The danger is that Australia wins the contest …", "the
                    # mistake is to imagine that India faces a binary choice": a verdict on a
                    # prospect, not on whoever is named in it
                if not targets and subj[0].pos_ != "PRON":
                    # "obstacles remain for NATO's project": the first actor inside; not past
                    # a pronoun ("said it had handed Moscow a propaganda victory": "it" is
                    # what the verdict is on, whatever it refers to)
                    holders = {h.key for h in subject_actors(ctx, tok)}
                    inner = [s for s in ctx.actors.in_subtree(clause)
                             if s.key not in holders and s.start not in later
                             and not _victim(ctx, cues, s) and not _timed_by(ctx, s, clause)
                             and not _paired(ctx, s) and not _affected(ctx, s)
                             and not _where(ctx, s) and not _joint_owner(ctx, s, subj[0])
                             and not _counted(ctx, s) and not _modifier_in_phrase(ctx, s)]
                    # (the doer in a "by" phrase is none, and no later actor stands in for it)
                    targets = [s for s in inner[:1] if not _under_agent(ctx, s, subj[0])]
                others = set(later)
                others |= {t.i for c in nested
                           if not {s.key for s in targets} & {
                               s.key for s in subject_actors(ctx, c)}
                           for t in c.subtree}
                # What the subject suffers is no verdict on it: "said more than one OPEC
                # member had felt coerced", "said the embassy was attacked"
                others |= {t.i for t in (clause, *clause.children) if t.tag_ == "VBN" and (
                    (t is clause and subj[0].dep_ == "nsubjpass")
                    or (t is not clause and t.dep_ in ("acomp", "xcomp", "oprd")))}
                if subj[0].dep_ == "nsubjpass":
                    # "said the United States and China were informed of what Bangkok called
                    # 'deliberate violations'": what the subject is told of is not said of it
                    others |= {t.i for p in clause.children if p.dep_ == "prep"
                               and p.lower_ in _TOLD_OF for t in p.subtree}
                words = [t for t in _own_words(clause) if t.i not in others]
                pol = cues.evaluate(_unowned(ctx, words, targets), root=clause)
                if targets and pol is not None:
                    kind = StanceKind.ACCUSE if pol == Polarity.NEGATIVE else StanceKind.PRAISE
                    em.emit(subject_actors(ctx, tok), targets, pol, kind, tok, 0.55, hedged)
