"""Roles: who holds which post, from titles and appositions.

Why: "NATO Secretary General Jens Stoltenberg", "Foreign Ministry spokesperson Lin Jian",
"Russian President Vladimir Putin", "Japan's Prime Minister Kishida" and "Jens Stoltenberg,
Secretary-General of NATO" all put a title from a closed list next to a person; the holder of
the post is the actor right before the title (or after "of"). Titles are normalised through
``kg/data/role_titles.json`` ("Secretary-General" -> "Secretary General").
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Span, Token

from kg.extraction.actors import (
    GROUP_CLASSES,
    ActorSpan,
    is_heading,
    portfolio_word,
    portfolio_words,
    title_ending_at,
    title_heads,
    title_starting_at,
    title_words,
)
from kg.extraction.context import (
    EXECUTIVE_HEADS,
    SPEECH_VERBS,
    DocContext,
    is_negated,
    prep_actors,
    subject_actors,
)
from kg.extraction.evidence import sort_facts
from kg.extraction.lexicon import (
    portfolio_secretaries,
    post_titles,
    with_deputies,
    word_map,
    word_set,
)
from kg.facts import EntityClass, FuzzyDate, RoleFact
from kg.linking import Position

NAME = "kg_roles.v1"
_POSS = ("'s", "’s")
#: Classes that hold no posts: "director of the Asia programme" is no post of Asia.
_NOT_BODIES = frozenset({EntityClass.PERSON, EntityClass.PLACE, EntityClass.REGION})
#: Posts only an international body's secretariat has: one named without its body is the
#: article's main body's.
_SECRETARIAT_TITLES = with_deputies(frozenset({"secretary general", "director general",
                                               "executive secretary"}))
#: Monarchs' titles: few states have one, so none defaults to the state whose officials an
#: article names ("Queen Elizabeth II hosted Macron" in a report on US officials).
_MONARCHS = frozenset({"king", "queen", "emir", "sultan", "crown prince", "prince"})
#: Military ranks: a general of no named state is no post of the article's main group.
_RANKS = with_deputies(frozenset({"general", "admiral", "field marshal", "rear admiral",
                                   "lieutenant general", "major general", "brigadier general"}))
#: Words between a state and a current post's title ("Lebanese caretaker Prime Minister").
#: The possessive before "counterpart" that names whose post the counterpart holds.
_POSSESSIVE_PRONOUNS = frozenset({"his", "her"})

_TENURE = word_set("role_titles.json", "tenure")
#: Academic and research titles ("Professor", "Fellow"), which no intergovernmental body gives.
_AFFILIATIONS = word_set("role_titles.json", "affiliations")
#: Affiliations that are a post only with the body they work for ("an economist at X").
_PROFESSIONS = word_set("role_titles.json", "professions")
#: Posts held abroad: the state a paragraph is about is as often the host as the sender
#: ("New Delhi ordered six Canadian diplomats, including High Commissioner Stewart Wheeler,
#: to leave"), so it is no guess for theirs.
_ENVOYS = frozenset({"ambassador", "high commissioner", "envoy", "special envoy",
                     "permanent representative", "consul general", "consul"})
#: Every post of a state's envoy, deputies included ("Deputy Ambassador"): whom a state
#: summons or expels to protest to the state he stands for.
ENVOY_TITLES = _ENVOYS | {f"deputy {t}" for t in _ENVOYS} | {
    "chargé d'affaires", "charge d'affaires", "deputy chief of mission"}


#: Head nouns that end a body's name ("council", "agency", "federation").
_ORGANIZATION_HEADS = word_set("collective_nouns.json", "organization_heads")


@functools.cache
def _titles() -> tuple[dict[str, str], frozenset[str]]:
    states = word_set("role_titles.json", "state_titles")
    # (a portfolio's secretary is a state's post as its minister is)
    secretaries = {t for t, c in portfolio_secretaries().items()
                   if c.lower().replace(" secretary", " minister") in states}
    return post_titles(), with_deputies(states | secretaries)


def _actor_before(ctx: DocContext, i: int, sent_start: int) -> ActorSpan | None:
    """The non-person actor ending at token ``i - 1`` (skipping a possessive marker), or
    before the body the post belongs to: "China's foreign ministry spokesperson", "African
    Union Commission chairman" (up to three words, one of them an organisation's head noun).
    """
    while i - 1 > sent_start:
        if ctx.doc[i - 1].lower_ in _TENURE:
            i -= 1  # "Lebanese caretaker Prime Minister": the state is before the modifier
        elif (i - 2 > sent_start and ctx.doc[i - 1].text == "-"
              and ctx.doc[i - 2].lower_ in _PAST_TENURE):
            i -= 2  # "Ethiopia's then-Prime Minister", "Peru's ex-president"
        elif (k := _describing_start(ctx.doc, i, sent_start)) is not None:
            i = k  # "Samoa's long-serving Prime Minister", "Peru's newly appointed premier"
        else:
            break
    body = _body_start(ctx, i, sent_start)
    starts = [i] if body is None else [i, body]
    j = _modifiers_start(ctx, i, sent_start)  # "White House national security spokesman"
    if j < i and j not in starts:
        starts.append(j)
    j = _portfolio_start(ctx, i, sent_start)  # "Indonesia's Law and Human Rights Minister"
    if j is not None and j not in starts:
        starts.append(j)
    for start in starts:
        j = start
        if j - 1 >= sent_start and ctx.doc[j - 1].text in _POSS:
            j -= 1
        if j - 1 < sent_start:
            continue
        span = ctx.actors.at(ctx.doc[j - 1]) or _whose_antecedent(ctx, ctx.doc[j - 1])
        if (span is not None and span.cls in (EntityClass.REGION, EntityClass.PLACE)
                and span.kind != "metonym" and j == start and span.start - 1 > sent_start
                and ctx.doc[span.start - 1].text in _POSS):
            # "Britain's Africa minister": the region is the portfolio, the state owns it
            owner = ctx.actors.at(ctx.doc[span.start - 2])
            span = owner if owner is not None and owner.cls == EntityClass.STATE else span
        if span is not None and span.cls != EntityClass.PERSON:
            return span
    return _shortened_body(ctx, ctx.doc[i - 1]) if i - 1 >= sent_start else None


def _shortened_body(ctx: DocContext, tok: Token) -> ActorSpan | None:
    """The body an earlier sentence named in full whose last word ``tok`` repeats on its own
    before a title ("The State Duma approved it. Duma Speaker Vyacheslav Volodin said"; "the
    Federation Council … Council Speaker Valentina Matviyenko"): a short form no NER tags.

    Why: the title's body is then named, though no actor covers it; the post was "of -".
    Only one body may end in that word, so "Council" after two councils names neither."""
    if tok.pos_ != "PROPN" or not tok.is_title or ctx.actors.at(tok) is not None:
        return None
    if tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ in portfolio_words():
        return None  # "Union Home Minister Amit Shah": a government's portfolio follows, the
        # word is the post's (India's union government), not the European Union's short form
    bodies = {s.key: s for s in ctx.actors.spans
              if s.end <= tok.i and s.end - s.start > 1 and s.kind == "name"
              and s.cls in (EntityClass.ORGANIZATION, EntityClass.INTERNATIONAL_ORGANIZATION)
              and ctx.doc[s.end - 1].text == tok.text}
    before = ctx.doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.is_title and before.is_alpha and not tok.is_sent_start:
        # "Foreign Affairs Cabinet Secretary" after "the Laurentian Forum for International
        # Affairs": another capitalised word before the repeated one makes another name
        bodies = {k: s for k, s in bodies.items() if ctx.doc[s.end - 2].text == before.text}
    if len(bodies) != 1:
        return None
    body = next(iter(bodies.values()))  # located at the short form: the post's evidence
    return dataclasses.replace(body, start=tok.i, end=tok.i + 1, kind="reference")


def _whose_antecedent(ctx: DocContext, tok: Token) -> ActorSpan | None:
    """The actor a "whose" before a post refers to: "Iran, whose foreign minister, Abbas
    Araghchi, had travelled …" (the noun the relative clause modifies).

    Why: "whose" is a possessive like "Iran's", but its owner stands outside the clause, and
    the sentence's main subject ("Saudi Arabia said it welcomed the agreement, as did Iran,
    whose …") is another state."""
    head = _whose_head(tok)
    return ctx.actors.at(head) if head is not None else None


def _whose_head(tok: Token) -> Token | None:
    """The noun a "whose" relative clause hangs on ("the autonomous region whose governor",
    "Iran, whose foreign minister"), if ``tok`` is such a "whose"."""
    if tok.lower_ != "whose":
        return None
    node = tok
    for _ in range(4):
        if node.dep_ == "relcl":
            return node.head
        if node.head == node:
            break
        node = node.head
    doc = tok.doc  # the parser missed the clause ("Iraq, whose oil minister X serves in …",
    # parsed as the main subject): the word before the comma, as written
    return doc[tok.i - 2] if tok.i >= 2 and doc[tok.i - 1].text == "," else None


def _before_apposition(doc: Doc, i: int) -> int:
    """The word before a name or title at token ``i`` set in apposition, past the comma the
    press often leaves out ("his Chinese counterpart, Wang Yi", "his Chinese counterpart
    Wang Yi")."""
    return i - 2 if i >= 1 and doc[i - 1].text == "," else i - 1


def _counterpart_state(ctx: DocContext, i: int, sent_start: int) -> ActorSpan | None:
    """The state of a post named in apposition to "counterpart(s)": "sat down with their
    Philippine counterparts, Foreign Secretary Enrique Manalo and …", "his Chinese
    counterpart, Foreign Minister Wang Yi" (``i``: the title's first token).

    Why the words and not the parse: the parser hangs a list of titled names after
    "counterparts," almost anywhere, but the order of the words is reliable.
    """
    doc = ctx.doc
    k = _before_apposition(doc, i)
    if k <= sent_start or doc[k].lemma_.lower() != "counterpart":
        return None
    for m in range(k - 1, max(sent_start, k - 4) - 1, -1):
        if doc[m].is_punct:
            break
        span = ctx.actors.at(doc[m])
        if span is not None:
            return span if span.cls == EntityClass.STATE else None
    return None


def _counterpart_post(ctx: DocContext, out: set[RoleFact], span: ActorSpan,
                      sent_start: int, start: int) -> tuple[str, ActorSpan, int] | None:
    """The post of a name in apposition to "<his/her> <state> counterpart," with no title of
    its own: "Wang Yi and his Solomon Islands counterpart, Jeremiah Manele, signed …" gives
    Manele the post Wang Yi holds, in the Solomon Islands (``(title, state, first token)``).

    Why: "counterpart" means the same post in another government; the post is read from the
    role already found for the person the possessive refers to, so an unresolved "his" or a
    holder with no known post gives nothing. ``start``: where the name starts with any prefix
    ("his Afghan counterpart, Mullah Mohammad Yaqoob").
    """
    doc = ctx.doc
    k = _before_apposition(doc, start)
    state = _counterpart_state(ctx, start, sent_start)  # (singular "counterpart" only)
    if state is None or doc[k].lower_ != "counterpart":
        return _counterpart_after(ctx, out, span, sent_start)
    m = state.start - 1  # back past any other words to the possessive
    while m > sent_start and k - m <= 4 and doc[m].lower_ not in _POSSESSIVE_PRONOUNS:
        found = ctx.actors.at(doc[m])
        if doc[m].is_punct or (found is not None and found.cls != EntityClass.STATE):
            return None
        m -= 1
    if doc[m].lower_ not in _POSSESSIVE_PRONOUNS:
        return None
    post = _counterparts_post(ctx, out, span, state, doc[m], sent_start, m)
    return (post, state, m + 1) if post is not None else None


def _counterparts_post(ctx: DocContext, out: set[RoleFact], span: ActorSpan, state: ActorSpan,
                       pronoun: Token, sent_start: int, before: int) -> str | None:
    """The post that ``pronoun``'s person holds outside ``state`` ("his" in "his Russian
    counterpart"), as the counterpart's title; an unresolved "his" is the nearest other
    person named in the sentence before token ``before``."""
    holder = ctx.actors.at(pronoun)
    if holder is None:
        named = [p for p in ctx.actors.spans if sent_start <= p.start and p.end <= before
                 and p.cls == EntityClass.PERSON and p.key != span.key]
        holder = named[-1] if named else None
    if holder is None and pronoun.lower_ in ("his", "her"):
        holder = ctx.actors.pronoun(pronoun)  # "X said …. His German counterpart, Y, …"
    if holder is None or holder.cls != EntityClass.PERSON or holder.key == span.key:
        return None
    return _counterpart_title(out, holder.key, ctx.doc[span.start].idx, state.key)


def _counterpart_title(out: set[RoleFact], holder: str, before: int, state: str) -> str | None:
    """The post of ``holder``'s counterpart in ``state``: the counterpart title of the post
    last found for the holder before character ``before`` outside that state."""
    held = _latest_post(out, holder, before, but_in=state)
    if held is None:
        return None
    return word_map("role_titles.json", "counterpart_posts").get(held.role.lower())


def _counterpart_after(ctx: DocContext, out: set[RoleFact], span: ActorSpan,
                       sent_start: int) -> tuple[str, ActorSpan, int] | None:
    """The same for a name before its apposition: "Prince Abdulaziz bin Salman, Saudi
    Arabia's energy minister, and Alexander Novak, his Russian counterpart," gives Novak the
    energy minister's post in Russia."""
    doc = ctx.doc
    i = span.end
    if i + 3 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in _POSSESSIVE_PRONOUNS:
        return None
    state = ctx.actors.at(doc[i + 2])
    if state is None or state.cls != EntityClass.STATE or state.end >= len(doc) or (
            doc[state.end].lower_ != "counterpart"):
        return None
    post = _counterparts_post(ctx, out, span, state, doc[i + 1], sent_start, span.start)
    return (post, state, span.start) if post is not None else None


def _latest_post(out: set[RoleFact], person: str, before: int,
                 but_in: str | None = None) -> RoleFact | None:
    """The last post found for ``person`` before character ``before`` that names its body
    (not one in ``but_in``): what "his counterpart" or "his predecessor" is read against."""
    held = [r for r in out if r.person == person and r.evidence.start < before
            and r.of is not None and r.of != but_in]
    return max(held, key=lambda r: r.evidence.start) if held else None


def _predecessor_post(ctx: DocContext, out: set[RoleFact], span: ActorSpan,
                      sent_start: int, start: int) -> tuple[str, ActorSpan, int] | None:
    """The post of a name in apposition to "his/her predecessor" or "successor" with no title
    of its own: "Micronesia's president, Wesley Simina, … than his predecessor, David
    Panuelo" gives Panuelo the post Simina holds, in the same state (``(title, state, first
    token)``); the possessive's person must hold a post found before."""
    doc = ctx.doc
    k = start - 2
    if (k - 1 <= sent_start or doc[start - 1].text != ","
            or doc[k].lemma_.lower() not in ("predecessor", "successor")
            or doc[k - 1].lower_ not in _POSSESSIVE_PRONOUNS):
        return None
    holder = ctx.actors.possessor(doc[k - 1])
    if holder is None or holder.cls != EntityClass.PERSON or holder.key == span.key:
        return None
    role = _latest_post(out, holder.key, doc[span.start].idx)
    if role is None:
        return None
    state = next((s for s in ctx.actors.spans if s.key == role.of and s.end <= k), None)
    return (role.role, state, k - 1) if state is not None else None


def _described_post(ctx: DocContext, span: ActorSpan, titles: dict[str, str],
                    state_titles: frozenset[str]) -> RoleFact | None:
    """The post a resolved description gives its person: "the Indian foreign secretary"
    (resolved to Vikram Misri, named earlier without his state) makes him India's foreign
    secretary, "the Cook Islands premier" makes Mark Brown the Cook Islands'. Only "the
    <demonym or state name> <state post>"; "the minister" says no more than the name's own
    title did."""
    doc = ctx.doc
    words = doc[span.start:span.end]
    if len(words) < 3 or words[0].lower_ != "the":
        return None
    for k in range(2, len(words)):  # "the | Cook Islands | premier"
        named = words[1:k].text
        state = ctx.registry.demonym(named) or ctx.registry.lookup(named)
        title = titles.get(" ".join(t.lower_ for t in words[k:]))
        if state is not None and title is not None:
            break
    if state is None or state.cls != EntityClass.STATE or title is None or (
            title.lower() not in state_titles):
        return None
    ev = ctx.sents.token_evidence(words[0], words[-1], 0.6, NAME)
    return RoleFact(person=span.key, role=title, evidence=ev, of=state.id)


def _fronted_phrase(title: Token, name: Span) -> bool:
    """Whether a title before "<title>, <name>" closes a fronted prepositional phrase and
    the name starts the clause ("In his meeting with the premier, Kishida pressed"): then the
    comma ends the phrase and the name is no apposition to the title."""
    return (title.dep_ == "pobj" and name.root.dep_ in ("nsubj", "nsubjpass")
            and name.root.head.i > name.root.i)


def _modifiers_start(ctx: DocContext, i: int, sent_start: int) -> int:
    """Start of the words between a post's holder and its title at token ``i``: up to three
    tenure words ("then", "acting") or lower-case words naming the post's field ("White House
    *national security* spokesman", "its *commission* president")."""
    j = i
    while j - 1 > sent_start and i - j < 3 and ctx.actors.at(ctx.doc[j - 1]) is None and (
            ctx.doc[j - 1].lower_ in _TENURE
            or (ctx.doc[j - 1].is_lower and ctx.doc[j - 1].pos_ in ("NOUN", "ADJ"))):
        j -= 1
    return j


def _describing_start(doc: Doc, i: int, sent_start: int) -> int | None:
    """Start of a lower-case adverb or participle phrase ending at token ``i - 1`` that
    describes the title at ``i`` ("long-serving", "newly appointed", "recently elected"), or
    None. Why: such words say how the holder came to or keeps the post, and the post's owner
    stands before them; a lower-case noun or adjective ("foreign") is the post's field and is
    read by :func:`_modifiers_start`."""
    tok = doc[i - 1]
    while sent_start <= tok.head.i < i and tok.head.i != tok.i:
        tok = tok.head  # up to the word the phrase hangs from the title by
    start = tok.left_edge.i
    words = doc[start:i]
    if (tok.dep_ not in ("amod", "advmod") or tok.head.i < i or start <= sent_start
            or not any(t.tag_ in ("VBN", "VBG") for t in words)
            or not all(t.is_lower or t.tag_ == "HYPH" for t in words)):
        return None
    return start


def _portfolio_after_for(ctx: DocContext, posted: ActorSpan, j: int) -> bool:
    """Whether the words after "for" at token ``j`` name a portfolio, not a body: bare
    capitalised words no registry body bears ("Japan's Minister for Canal Affairs, X,": the
    state's minister, not one of a body called "Canal Affairs")."""
    return (ctx.doc[j - 1].lower_ == "for" and posted.start == j
            and posted.cls == EntityClass.ORGANIZATION
            and posted.key not in ctx.registry.actors)


def _portfolio_start(ctx: DocContext, i: int, sent_start: int) -> int | None:
    """Start of a capitalised portfolio joined by "and" right before the title at token
    ``i`` ("Law and Human Rights", "Trade and Industry" before "Minister"), or None."""
    doc, j = ctx.doc, i
    while (j - 1 > sent_start and i - j < 5 and ctx.actors.at(doc[j - 1]) is None
           and ((doc[j - 1].is_title and doc[j - 1].pos_ in ("PROPN", "NOUN"))
                or doc[j - 1].lower_ in ("and", "&"))):
        j -= 1
    words = [t.lower_ for t in doc[j:i]]
    if "and" not in words and "&" not in words:
        # "Panama's Public Security Minister": a word or two of portfolio after a state's
        # possessive
        owner = ctx.actors.at(doc[j - 2]) if j - 2 >= sent_start else None
        return j if (0 < i - j <= 2 and doc[j - 1].text in _POSS and owner is not None
                     and owner.cls == EntityClass.STATE) else None
    # (the title may begin with the portfolio's last word: "Trade and | Industry Minister")
    return j if doc[j].is_title else None


def _body_start(ctx: DocContext, i: int, sent_start: int) -> int | None:
    """Start of the words naming a body right before token ``i`` ("foreign ministry")."""
    j, heads = i, False
    while j - 1 >= sent_start and i - j < 3:
        tok = ctx.doc[j - 1]
        if ctx.actors.at(tok) is not None or tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        heads = heads or tok.lower_ in _ORGANIZATION_HEADS
        j -= 1
    return j if heads and j < i else None


def _executive_words(ctx: DocContext, start: int, end: int) -> bool:
    """Whether tokens ``start``..``end`` (exclusive) are words naming a state's executive body
    no actor names ("foreign ministry", "the Foreign Ministry", "defence department"): common
    nouns and adjectives, one of them an executive body's head noun.

    Why: "the foreign ministry spokesperson" is a post in some state's government, as
    "Government spokesperson" is, and the state is then the one the text is about; without
    it the post had no state or fell to the article's main organisation."""
    words = [t for t in ctx.doc[max(start, 0) : end] if t.lower_ != "the"]
    return bool(words) and len(words) <= 3 and all(
        ctx.actors.at(t) is None and t.pos_ in ("NOUN", "PROPN", "ADJ") for t in words
    ) and words[-1].lower_ in EXECUTIVE_HEADS


def _portfolio_minister(ctx: DocContext, i: int, sent_end: int,
                        titles: dict[str, str]) -> tuple[str, int] | None:
    """A minister's title after a lowercase portfolio of several words: "Hardeep Singh Puri,
    the petroleum and natural gas minister," (a state's post, the state guessed)."""
    doc = ctx.doc
    k = i
    while (k < min(i + 6, sent_end) and ctx.actors.at(doc[k]) is None
           and doc[k].lower_ != "minister"
           and (portfolio_word(doc[k], capitalised=False)
                or (doc[k].lower_ == "and" and k > i))):
        k += 1
    if k == i or k >= sent_end or doc[k].lower_ != "minister" or doc[k - 1].lower_ == "and":
        return None
    if any(doc[j].lower_ in _PAST_TENURE for j in range(i, k)):
        return None  # "a former prime minister": no post now
    tail = next((hit for j in range(i, k) if (hit := title_starting_at(doc, j, k + 1, titles))
                 and hit[1] == k + 1), None)  # "the powerful interior minister"
    return (tail[0] if tail else titles["minister"]), k + 1


def _fielded_affiliation(ctx: DocContext, i: int, sent_end: int,
                         titles: dict[str, str]) -> tuple[str, int] | None:
    """A researcher's or fellow's title after its field, with the body after "at"/"with":
    "Henrik Vos, an energy transition researcher at the Brussels-based Climate and Resources
    Forum", "a trade-law researcher at …" (up to three lowercase field words, hyphens
    inside)."""
    doc = ctx.doc
    for k in range(i + 1, min(i + 5, sent_end)):
        t = doc[k - 1]
        if not ((t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ", "PROPN"))
                or (t.text == "-" and k - 1 > i)) or ctx.actors.at(t) is not None:
            return None
        hit = title_starting_at(doc, k, sent_end, titles)
        if (hit is not None and hit[0].lower() in _AFFILIATIONS and hit[1] < sent_end
                and doc[hit[1]].lower_ in ("at", "with")):
            return hit
    return None


def _past_based(ctx: DocContext, k: int, sent_end: int) -> int:
    """The token after "<place>-based" starting at ``k`` ("the Tokyo-based Asia Forum": where
    the body sits is not the body), else ``k``."""
    place = ctx.actors.at(ctx.doc[k])
    j = place.end if place is not None else k + 1
    j += j < sent_end and ctx.doc[j].text == "-"
    return j + 1 if j + 1 < sent_end and ctx.doc[j].lower_ == "based" else k


def _body_after(ctx: DocContext, i: int, sent_end: int, to: bool = False) -> ActorSpan | None:
    """The body of a post named from token ``i`` ("of"/"for"/"at") on: the actor right after
    it, or, when that is no body, the one after a later "at" in the same phrase ("head of the
    Sahel programme at the Konrad Adenauer Foundation")."""
    first: ActorSpan | None = None
    j = i
    while j + 1 < sent_end and j - i < 12:
        tok = ctx.doc[j]
        if (tok.is_punct and not _word_hyphen(tok)) or tok.pos_ in ("VERB", "AUX"):
            break  # (not the hyphen of "the far-right Rassemblement National")
        if tok.lower_ in ("of", "for", "at") or (to and j == i and tok.lower_ == "to"):
            # (with ``to``, a first "to": "adviser to South Korean President Yoon Suk Yeol")
            k = _past_the(ctx.doc, j + 1, sent_end)
            k = _past_based(ctx, k, sent_end)  # "at the Amsterdam-based Centre for …"
            k = _past_camp(ctx, k, sent_end)  # "of the far-right Rassemblement National"
            k = _past_kind(ctx, k, sent_end)  # "at the shipping association BIMCO"
            if _unnamed_body_at(ctx, k, sent_end):
                return None  # "president of the Canola Council of Canada", "head of the China
                # Council for …": a body the NER did not name, with a state's name in its own
            if (unnamed := _unnamed_agency_end(ctx, k, sent_end)) is not None:
                # "the head of the UN Support Mission in Libya (UNSMIL)": the mission's post
                # if its abbreviation follows, else none ("executive director of the UN
                # Environment Programme" heads no United Nations)
                return _abbreviated_after(ctx, unnamed, sent_end)
            found = ctx.actors.at(ctx.doc[k])
            if (found is not None and found.kind == "demonym" and found.end < sent_end
                    and (body := ctx.actors.at(ctx.doc[_past_kind(ctx, found.end, sent_end)]))
                    is not None and body.cls not in _NOT_BODIES
                    and body.cls != EntityClass.STATE):
                return body  # "the leader of the Pakistani Taliban": the Taliban's post; "head
                # of the Russian space agency Roscosmos": the agency's, not Russia's
            if (found is not None and found.cls == EntityClass.STATE
                    and (agency := _named_agency_of(ctx, found, sent_end)) is not None):
                return agency  # "the head of Turkey's MIT intelligence agency"
            owned = (ctx.actors.at(ctx.doc[found.end + 1])
                     if found is not None and found.cls == EntityClass.STATE
                     and found.end + 1 < sent_end and ctx.doc[found.end].text in _POSS else None)
            if (owned is not None and owned.cls == EntityClass.ORGANIZATION
                    and owned.label.startswith(ctx.doc[found.start : found.end + 1].text)):
                return owned  # "head of Poland's Armament Agency", a body named with its
                # state's name: the agency's post (a bare "Armenia's National Assembly" stays
                # the state's: one minted "National Assembly" would join every state's)
            if found is not None and found.cls == EntityClass.STATE and (
                    (private := _private_body_after(ctx, found.end, sent_end)) is not None):
                # "director of the Venezuelan rights group Foro Penal": the group's post,
                # not Venezuela's (an unnamed group: no body)
                return private[0]
            if found is not None and found.cls not in _NOT_BODIES:
                return found
            first = first or found
            if found is not None:
                j = found.end
                continue
        j += 1
    return first


#: Head nouns of a body's name inside an organisation's own ("the UN Environment Programme").
_AGENCY_HEADS = _ORGANIZATION_HEADS | {"programme", "program", "mission"}


def _unnamed_agency_end(ctx: DocContext, k: int, sent_end: int) -> int | None:
    """End of a body's name no actor covers that opens with an international organisation's
    abbreviation at token ``k`` ("UN Environment Programme", "UN Assistance Mission"): the
    abbreviation, then capitalised words ending in a body's head noun."""
    doc = ctx.doc
    found = ctx.actors.at(doc[k]) if k < sent_end else None
    if (found is None or found.cls != EntityClass.INTERNATIONAL_ORGANIZATION
            or found.end - found.start != 1 or not doc[found.start].is_upper):
        return None
    j = found.end
    while j < sent_end and doc[j].is_title and ctx.actors.at(doc[j]) is None:
        j += 1
    return j if j > found.end and doc[j - 1].lower_ in _AGENCY_HEADS else None


def _abbreviated_after(ctx: DocContext, j: int, sent_end: int) -> ActorSpan | None:
    """The body whose abbreviation stands in brackets within a few words after token ``j``
    ("… Mission in Libya (UNSMIL)")."""
    doc = ctx.doc
    for k in range(j, min(j + 6, sent_end - 2)):
        if doc[k].text == "(":
            body = ctx.actors.at(doc[k + 1])
            return (body if body is not None and body.cls in (
                EntityClass.ORGANIZATION, EntityClass.INTERNATIONAL_ORGANIZATION)
                and body.end < sent_end and doc[body.end].text == ")" else None)
        if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX"):
            return None
    return None


def _named_agency_of(ctx: DocContext, state: ActorSpan, sent_end: int) -> ActorSpan | None:
    """The body named after a state's possessive together with words saying what kind of body
    it is, before its name ("Egypt's state news agency MENA") or after it ("Turkey's MIT
    intelligence agency"): the head of such a body heads it, not the state.

    Why: a bare "Armenia's National Assembly" stays the state's (a minted "National Assembly"
    would join every state's); a kind word marks the name as the body's own."""
    doc, k = ctx.doc, state.end + 1
    if k >= sent_end or doc[state.end].text not in _POSS:
        return None
    named = _past_kind(ctx, k, sent_end)
    body = ctx.actors.at(doc[named])
    if body is None or body.cls != EntityClass.ORGANIZATION:
        return None
    if named > k:
        return body
    after = body.end
    return body if (after < sent_end and doc[after].is_lower and doc[after].pos_ == "NOUN"
                    and any(doc[j].lower_ in _ORGANIZATION_HEADS
                            for j in range(after, min(after + 3, sent_end))
                            if doc[j].is_lower)) else None


def _past_the(doc: Doc, k: int, end: int) -> int:
    """Token ``k``, or the one after it when ``k`` is a "the" with a word after it before
    ``end`` (the first word of a body named after "of the")."""
    return k + 1 if doc[k].lower_ == "the" and k + 1 < end else k


def _private_body_of_state(ctx: DocContext, k: int, sent_end: int) -> bool:
    """Whether a state's name at token ``k`` opens a phrase naming a private body of the
    state ("of France's largest farm union, the FNSEA"): no post of the state's own."""
    found = ctx.actors.at(ctx.doc[k]) if k < sent_end else None
    return (found is not None and found.cls == EntityClass.STATE
            and _private_body_after(ctx, found.end, sent_end) is not None)


def _unnamed_body_at(ctx: DocContext, k: int, sent_end: int) -> bool:
    """Whether a body's name no actor covers starts at token ``k``: capitalised words that are
    no actor, after a state's name or not, ending in an organisation's head noun ("Canola
    Council", "China Council", "Helsinki Commission")."""
    doc = ctx.doc
    found = ctx.actors.at(doc[k]) if k < sent_end else None
    if found is not None and (found.cls != EntityClass.STATE or found.kind == "demonym"):
        return False
    j = k = k if found is None else found.end
    while (j < sent_end and doc[j].is_title and not doc[j].is_sent_start
           and ctx.actors.at(doc[j]) is None):
        j += 1
    return j > k and doc[j - 1].lower_ in _ORGANIZATION_HEADS



#: Words before a party's name that say which side it is on ("the ruling Georgian Dream").
_SIDE_WORDS = frozenset({"ruling", "governing", "main"})


def _past_camp(ctx: DocContext, k: int, sent_end: int) -> int:
    """Index of the name after the camp words that open a body's phrase at ``k`` ("the
    far-right Rassemblement National", "the ruling Georgian Dream party"), if an actor's
    name follows them; else ``k``."""
    doc, i = ctx.doc, k
    while i + 1 < sent_end and ctx.actors.at(doc[i]) is None:
        if (i + 3 < sent_end and _word_hyphen(doc[i + 1])
                and f"{doc[i].lower_}-{doc[i + 2].lower_}" in _CAMPS):
            i += 3  # "far-right"
        elif doc[i].lower_ in _CAMPS or doc[i].lower_ in _SIDE_WORDS:
            i += 1
        else:
            break
    found = ctx.actors.at(doc[i]) if i > k else None
    # (not a demonym: "the ruling Georgian Dream party" names no Georgia)
    return i if found is not None and found.kind != "demonym" else k


def _past_kind(ctx: DocContext, k: int, sent_end: int) -> int:
    """Index of the name after the lower-case words that say what kind of body it is, at
    ``k`` ("the shipping association BIMCO", "the charity Debt Justice", "the
    conflict-monitoring group ACLED"), if an organisation's name follows them; else ``k``."""
    doc, i = ctx.doc, k
    while (i < sent_end and i - k < 4 and ctx.actors.at(doc[i]) is None
           and ((doc[i].is_lower and doc[i].is_alpha) or _word_hyphen(doc[i]))):
        i += 1
    found = ctx.actors.at(doc[i]) if k < i < sent_end and doc[i - 1].pos_ == "NOUN" else None
    return i if found is not None and found.cls == EntityClass.ORGANIZATION else k


def _word_hyphen(tok: Token) -> bool:
    """Whether a token is a hyphen inside a word ("far-right"), no dash between phrases."""
    return (tok.text == "-" and not tok.whitespace_ and tok.i > 0
            and not tok.doc[tok.i - 1].whitespace_)


#: Nouns of bodies no state runs ("the Venezuelan rights group Foro Penal", "the Armenian
#: Apostolic Church's Tavush diocese"): a state's demonym or name before them is where they
#: are, not whose post their head holds.
_PRIVATE_BODY_NOUNS = frozenset({"group", "church", "diocese", "archdiocese", "company", "firm",
                                 "corporation", "conglomerate", "charity", "ngo", "movement",
                                 "association", "newspaper", "broadcaster", "university",
                                 "union", "federation", "lobby", "chamber"})


def _private_body_after(ctx: DocContext, i: int, sent_end: int
                        ) -> tuple[ActorSpan | None] | None:
    """After a state's name or demonym ending at ``i``: a private body noun within the next
    few words of the same phrase, with the body named right after it (or None in the tuple
    when it is unnamed); None when there is no such noun."""
    doc = ctx.doc
    j = i + (1 if i < sent_end and doc[i].text in _POSS else 0)
    for k in range(j, min(j + 4, sent_end)):
        tok = doc[k]
        if tok.is_punct or tok.pos_ in ("ADP", "VERB", "AUX") or ctx.actors.at(tok) is not None:
            return None
        if tok.lower_ in _PRIVATE_BODY_NOUNS:
            named = ctx.actors.at(doc[k + 1]) if k + 1 < sent_end else None
            return (named if named is not None and named.cls not in _NOT_BODIES
                    and named.cls != EntityClass.STATE else None,)
    return None


def _possessor_body(ctx: DocContext, found: set[RoleFact], i: int,
                    sent_start: int) -> str | None:
    """The body of a post held by a possessive pronoun's referent ("His foreign minister, Diana
    Mondino" after Milei: Argentina; "its commission president, Omar Touray" after ECOWAS):
    a state or body itself, or the body a person acts for (:func:`acts_for`); so too a named
    person's ("Assad's last premier, Mohammed Ghazi al-Jalali": Syria)."""
    i = _modifiers_start(ctx, i, sent_start)  # "its commission president"
    while i - 1 > sent_start and ctx.doc[i - 1].lower_ in ("last", "first", "late"):
        i -= 1  # "Assad's last premier"
    if i - 2 >= sent_start and ctx.doc[i - 1].text in _POSS:
        owner = ctx.actors.at(ctx.doc[i - 2])  # "Assad's last premier, X": his government's
        if owner is None or owner.cls != EntityClass.PERSON:
            return None  # (a body's or state's own: _actor_before's)
    elif i - 1 >= sent_start and ctx.doc[i - 1].lower_ in ("his", "her", "its"):
        owner = ctx.actors.pronoun(ctx.doc[i - 1])
        if owner is None or owner.cls in (EntityClass.PLACE, EntityClass.REGION):
            return None
    else:
        return None
    if owner.cls == EntityClass.PERSON:
        return acts_for(ctx, owner.key, sort_facts(found))
    return owner.key


def _paragraph_state(ctx: DocContext, sent: Span, held: dict[str, str]) -> str | None:
    """The state the previous sentence of the same paragraph is about ("Guyana called the move
    an existential threat. President Irfaan Ali said …"): its main subject, if a state, the
    demonym it is said to be ("The groundwork was Kuwaiti. Emir Sheikh Sabah …"), or the
    state it opens for ("For Moldova, … the move is a first step. Andrei Spînu, the deputy
    prime minister, said …")."""
    prev = _previous_in_paragraph(ctx, sent)
    if prev is None:
        return None
    return (_subject_state(ctx, _main_subjects(prev), held) or _predicated_state(ctx, prev)
            or _fronted_for_state(ctx, prev))  # "For Moldova, … the move is a first step."


def _predicated_state(ctx: DocContext, sent: Span) -> str | None:
    """The state whose demonym a copular main clause predicates ("The groundwork, though,
    was Kuwaiti")."""
    root = sent.root
    if root.lemma_ != "be" or is_negated(root):
        return None
    for c in root.children:
        span = ctx.actors.at(c) if c.dep_ in ("acomp", "attr") else None
        if span is not None and span.cls == EntityClass.STATE and span.kind == "demonym":
            return span.key
    return None


def _previous_in_paragraph(ctx: DocContext, sent: Span) -> Span | None:
    """The sentence before ``sent`` if it is in the same paragraph and no heading."""
    i = ctx.sents.index(sent[0])
    if i == 0:
        return None
    prev = ctx.sents.sents[i - 1]
    if _paragraph_break(ctx, prev, sent) or "\n" in prev.text.strip():
        return None  # another paragraph, or a heading
    return prev


#: Posts that speak for a body, which the sentence may have speak first.
_SPEAKER_TITLES = frozenset({"spokesperson", "press secretary"})


def _staff_post(title: str) -> bool:
    """A post on a leader's own staff ("spokesman", "press secretary", "national security
    adviser", "chief of staff"): the leader's state's, when the leader is named."""
    low = title.lower()
    return low in _SPEAKER_TITLES or "advis" in low or low == "chief of staff"


def _leaders_state(ctx: DocContext, out: set[RoleFact], i: int, sent_end: int,
                   titles: dict[str, str]) -> tuple[ActorSpan, int] | None:
    """The state of the leader named from token ``i`` on (past "the" and a title: "President
    Cyril Ramaphosa", "the Kremlin leader Vladimir Putin"), located at the leader's name, and
    the token after it: the registry's country for the person, else the state of a post the
    article gave him. Why: "X, spokesman for President Cyril Ramaphosa," and "Dmitry Peskov,
    President Vladimir Putin's spokesman," name whose staff, and so whose state, X is on."""
    doc = ctx.doc
    i += 1 if i < sent_end and doc[i].lower_ == "the" else 0
    hit = title_starting_at(doc, i, sent_end, titles) if i < sent_end else None
    i = hit[1] if hit is not None else i
    leader = ctx.actors.at(doc[i]) if i < sent_end else None
    if leader is None or leader.cls != EntityClass.PERSON or leader.start != i:
        return None
    actor = ctx.registry.actors.get(leader.key)
    if hit is not None and hit[0].lower() not in _titles()[1]:
        # "spokesperson for Secretary-General António Guterres": the body he leads, not his
        # country (a title no state's government has)
        same = hit[0].lower().replace("-", " ")
        body = next((p.of for p in (actor.positions if actor is not None else ())
                     if p.title.lower().replace("-", " ") == same
                     and p.of in ctx.registry.actors), None) or next(
            (r.of for r in out if r.person == leader.key and r.of in ctx.registry.actors
             and r.role.lower().replace("-", " ") == same), None)
        known = ctx.registry.actors.get(body) if body else None
        return (ActorSpan(leader.start, leader.end, known.id, known.cls, known.label),
                leader.end) if known is not None else None
    state = actor.country if actor is not None else None
    if state is None:
        state = next((r.of for r in sorted(out, key=lambda r: -r.evidence.start)
                      if r.person == leader.key and r.of in ctx.registry.actors
                      and ctx.registry.actors[r.of].cls == EntityClass.STATE), None)
    known = ctx.registry.actors.get(state) if state else None
    if known is None or known.cls != EntityClass.STATE:
        return None
    return ActorSpan(leader.start, leader.end, known.id, known.cls, known.label), leader.end


def _speaking_body(ctx: DocContext, sent: Span, person: ActorSpan) -> str | None:
    """The body or state that speaks earlier in the sentence, as the subject of a verb of
    saying ("The US State Department said …; spokesman Matthew Miller stopped short of …"):
    the last one before the person, whose spokesperson they are."""
    found = None
    for tok in ctx.doc[sent.start : person.start]:
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS:
            span = ctx.actors.at(tok)
            if span is not None and span.cls not in (EntityClass.PERSON,
                                                     EntityClass.COLLECTIVE):
                found = span.key
    return found


def _paragraph_group(ctx: DocContext, sent: Span) -> str | None:
    """The body the previous sentence of the same paragraph is about ("The Arab League took a
    firmer line. Secretary-General Ahmed Aboul Gheit condemned …"): its main subject, if one
    international body, alliance or group.

    Why before the article's most-named body: a report that goes through several bodies gives
    each its sentences, and a post right after one of them is that body's."""
    prev = _previous_in_paragraph(ctx, sent)
    if prev is None:
        return None
    subjects = _main_subjects(prev, passive=True)
    if any(c.dep_ == "conj" for t in subjects for c in t.children):
        return None
    spans = [ctx.actors.at(t) for t in subjects]
    groups = {s.key for s in spans if s is not None and s.cls in GROUP_CLASSES}
    return groups.pop() if len(groups) == 1 else None


#: Verbs whose passive agent acts for the subject ("Iran was represented by acting President
#: Mohammad Mokhber", "an Iranian delegation led by Foreign Minister …").
_REPRESENTING = frozenset({"represent", "lead", "head"})


def _represented_state(ctx: DocContext, person: ActorSpan) -> str | None:
    """The state a post holder represents when the sentence says so with a passive
    ("Iran was represented by acting President Mohammad Mokhber"; "a Turkish delegation led
    by Foreign Minister …"): the passive subject, or the noun the participle modifies."""
    led = _led_by(ctx, person)
    return _subject_state(ctx, led[1]) if led is not None else None


def _led_by(ctx: DocContext, person: ActorSpan) -> tuple[Token, list[Token]] | None:
    """(verb, what it says is led) when the post holder is the agent of a passive "led",
    "headed" or "represented" ("Iran was represented by …", "an Iranian delegation led by
    …"): the passive subject, or the noun the participle modifies."""
    root = ctx.doc[person.start : person.end].root
    for _ in range(3):  # "by Deputy Prime Minister and Defence Minister Richard Marles",
        # parsed with the name as a conjunct of the first title
        if root.dep_ not in ("conj", "appos") or root.head == root:
            break
        root = root.head
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "agent":
        return None
    verb = prep.head
    if verb.lemma_.lower() not in _REPRESENTING:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects and verb.dep_ == "acl":
        subjects = [verb.head]
    return verb, subjects


def _leads_unnamed_body(ctx: DocContext, person: ActorSpan) -> bool:
    """Whether the post holder leads a body the sentence names with no actor in it ("The
    central bank, led by Governor Nandalal Weerasinghe, …"): the post is that body's, so no
    other is guessed (was: Governor of the IMF, the article's main body)."""
    led = _led_by(ctx, person)
    if led is None:
        return False
    verb, subjects = led
    if verb.dep_ == "relcl" and all(c.lower_ in ("which", "that") for c in subjects):
        subjects = [verb.head]  # "the EAC Secretariat, which is headed by …": the head noun
    return bool(subjects) and not any(ctx.actors.at(t) is not None
                                      for s in subjects for t in s.subtree if t.i < verb.i)


def state_named_in(ctx: DocContext, key: str) -> str | None:
    """The state a body the registry does not know is named after: "China's coast guard",
    "Vietnamese foreign ministry" (its first words a state's name with "'s", or a demonym)."""
    label = next((s.label for s in ctx.actors.spans if s.key == key), "")
    head, _, rest = label.partition("'s ")
    state = ctx.registry.lookup(head) if rest else None
    if state is None and " " in label:
        state = ctx.registry.demonym(label.split()[0])
    return state.id if state is not None and state.cls == EntityClass.STATE else None


def _headed_state(ctx: DocContext, sent: Span, person: ActorSpan) -> str | None:
    """The state of the body the holder's relative clause has them head: "army chief General
    Abdel Fattah al-Burhan, who also heads Sudan's Transitional Sovereignty Council" is
    Sudan's army chief, whatever state the paragraph is about."""
    headed = _headed_body(ctx, person.end, sent.end)
    if headed is None:
        return None
    body = headed[1]
    if body.cls == EntityClass.STATE:
        return body.key
    known = ctx.registry.actors.get(body.key)
    if known is not None:
        return known.country
    return state_named_in(ctx, body.key)


def _guessed_state(ctx: DocContext, sent: Span, person: ActorSpan, held: dict[str, str],
                   main_state: str | None, filled: AbstractSet[str] = frozenset(),
                   recent: bool = True, envoys: AbstractSet[str] = frozenset(),
                   national: str | None = None) -> tuple[str | None, float]:
    """The state of a state post the text does not name, and the confidence of the guess:
    the first of the holder's home region's state, the state the holder voices, the
    sentence's, the previous sentence's, the paragraph's, the lede's and the article's (or,
    with no state dominating the article and ``recent``, the government named last) that is
    not a state the holder visits in this sentence, nor one whose same post someone else
    holds here (``filled``); the government named last is not an envoy's (``envoys``), who
    speaks for his state in another's capital. A post only one state has by its name
    (``national``: "Chief Cabinet Secretary") is that state's unless the sentence or the one
    before says otherwise: the paragraph's or the article's state is a weaker sign."""
    away = (_visited_states(ctx, person, held) | _host_states(ctx, person, held)
            | _shown_states(ctx, person) | _nationality(ctx, person)
            | _counterparts_states(ctx, person)
            | _acting_on_states(ctx, person, held) | _object_states(ctx, person, held)
            | set(filled))
    guesses = (
        (_home_state, (ctx, person), 0.6),
        (_headed_state, (ctx, sent, person), 0.6),
        (_scene_state, (ctx, sent, person), 0.55),
        (_companion_state, (ctx, person, held), 0.55),
        (_team_state, (ctx, person, held), 0.55),
        (_pair_state, (ctx, person, held), 0.55),
        (_including_state, (ctx, person), 0.55),
        (_voiced_state, (ctx, person), 0.55),
        (_lead_clause_state, (ctx, person, held), 0.55),
        (_sender_state, (ctx, person, held), 0.55),
        (_sentence_state, (ctx, sent, person, held), 0.55),
        (_heading_state, (ctx, sent), 0.55),
        (lambda: national, (), 0.5),
        (_paragraph_state, (ctx, sent, held), 0.5),
        (_topic_state, (ctx, sent, held), 0.45),
        (_lede_state, (ctx, sent), 0.45),
    )
    for guess, args, confidence in guesses:
        found = guess(*args)
        if found is not None and found not in away:
            return found, confidence
    if main_state is None:
        # no state dominates the article: the government of the last state post named in
        # the three sentences before ("Erdoğan said … / Interior Minister Süleyman Soylu
        # claimed …")
        # (not for a monarch: no other state's official says whose one is)
        last = _recent_government(ctx, sent, held, envoys) if recent else None
        return (last, RECENT_GUESS) if last is not None and last not in away else (None, 0.45)
    return (main_state, 0.4) if main_state not in away else (None, 0.4)


#: Posts only one state's government has by that name (see role_titles.json).
_NATIONAL_TITLES = word_map("role_titles.json", "national_titles")


#: Confidence of a post's state guessed from the government named last: the weakest guess,
#: which no later guess reads (see ``held`` in :func:`role_facts`).
RECENT_GUESS = 0.35


def _recent_government(ctx: DocContext, sent: Span, held: dict[str, str],
                       envoys: AbstractSet[str] = frozenset()) -> str | None:
    """The state whose post holder was named last in the three sentences before ``sent``,
    within its paragraph and the one before (an older paragraph has moved on to others).

    An envoy is skipped: "China's ambassador to Manila, Huang Xilian, said … / Senator Risa
    Hontiveros called on the government to …" is a scene in the host state, not his."""
    sents = ctx.sents.sents
    i = k = ctx.sents.index(sent[0])
    breaks = 0
    while k > max(0, i - 3):
        breaks += _paragraph_break(ctx, sents[k - 1], sents[k])
        if breaks > 1:
            break
        k -= 1
    since = sents[k].start
    before = [s for s in ctx.actors.spans
              if since <= s.start < sent.start and s.key in held and s.key not in envoys]
    return held[before[-1].key] if before else None


def _home_state(ctx: DocContext, person: ActorSpan) -> str | None:
    """The state of a region the holder is said to come from or stand for, in an apposition or
    an "of" right after the name: "Senator Ted Cruz, the Texas Republican," and "Senator Mike
    Lee of Utah" are the United States' (the registry gives a region's country)."""
    doc = ctx.doc
    root = doc[person.start : person.end].root
    words = [t for c in root.children if c.i >= person.end and (
                 c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ == "of"))
             for t in c.subtree]
    for t in words:
        span = ctx.actors.at(t)
        actor = ctx.registry.actors.get(span.key) if span is not None else None
        if actor is not None and span.cls == EntityClass.PLACE and actor.country:
            return actor.country
    return None


#: Nouns of a journey whose "to" names where the traveller goes ("a planned visit to X").
_TRIPS = frozenset({"visit", "trip", "journey", "tour"})
#: Verbs whose subject goes to, or receives, the state named as their object.
_VISITING = frozenset({"visit", "meet", "tour", "travel", "fly", "arrive"})
#: Verbs of going somewhere "with" companions: "Albanese travelled with Trade Minister Don
#: Farrell" (his delegation, not the host's government).
#: ("visit with" is American for meeting someone: not here)
_TRAVELLING = frozenset({"travel", "fly", "arrive", "come", "go", "tour", "land"})
#: Verbs whose subject talks to, or with, the person named after "to"/"with".
_TALKING = frozenset({"speak", "talk", "call", "telephone", "phone", "meet"})
#: Verbs by which the subject attacks its object: never one of its own side.
_ATTACKING = frozenset({"accuse", "condemn", "criticise", "criticize", "denounce", "blame",
                        "rebuke", "sanction", "expel", "attack", "summon"})
#: Verbs by which the subject appeals to its object: the other side too ("asked Taiwan to
#: invest").
_ASKING = frozenset({"ask", "urge", "press", "request"})
#: Verbs by which a state commends someone ("The United States applauds Senator Jeanine
#: Áñez"): someone of another state.
_PRAISING = frozenset({"applaud", "congratulate", "commend", "hail", "salute", "thank"})
#: Verbs whose object is met, received or greeted by the subject: the other side.
_MEETING = _VISITING | _TALKING | frozenset({"embrace", "receive", "host", "greet", "welcome"})
#: Verbs whose object (or whose release, asked for) is the other side of the subject.
_OTHER_SIDE_VERBS = _MEETING | _ASKING | frozenset({"call", "demand"})


def _name_phrase_head(ctx: DocContext, person: ActorSpan) -> Token:
    """The token that stands for a post holder's phrase in its clause: the name's root, past
    the title it is in apposition or compound to ("President Isaias Afwerki")."""
    node = ctx.doc[person.start : person.end].root
    while node.dep_ in ("appos", "compound") and node.head != node:
        node = node.head
    return node


#: Nouns of a person held by others ("the release of President X"): asked for by the other side.
_CAPTIVITY = frozenset({"release", "freedom", "detention", "arrest", "return"})


def _host_states(ctx: DocContext, person: ActorSpan, held: dict[str, str]) -> set[str]:
    """States of whoever meets, receives or embraces the post holder ("[Abiy] flew to Asmara
    to embrace President Isaias Afwerki": Ethiopia's, from ``held`` or a state subject), of
    a state that applauds or congratulates them, or of whoever accuses or sanctions them
    (the previous sentence's state for a subject that names no actor: "both governments
    sanctioned … adviser Viktor"). Why: the visited or visiting side, the commending state
    and the attacking one are the other side, never the holder's own."""
    node = _name_phrase_head(ctx, person)
    while node.dep_ in ("conj", "appos") and node.head != node:
        node = node.head  # "sanctioned Lukashenko, his son and national security adviser X"
    verb = node.head
    if node.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in _CAPTIVITY:
        # "calls for the immediate release of President Alpha Conde": whoever asks for a
        # detained leader's release is the other side
        verb = verb.head
        while verb.dep_ in ("pobj", "prep", "dobj") and verb.head != verb:
            verb = verb.head
    elif node.dep_ == "pobj" and verb.lower_ == "with":
        verb = verb.head
        if verb.lemma_.lower() in _TRAVELLING:
            return set()  # "Albanese travelled with Trade Minister Don Farrell": his own side
    elif node.dep_ != "dobj":
        return set()
    lemma = verb.lemma_.lower()
    if lemma not in _OTHER_SIDE_VERBS | _ATTACKING | _PRAISING:
        return set()
    out = set()
    subjects = subject_actors(ctx, verb)
    for s in subjects:
        if s.cls == EntityClass.STATE:
            out.add(s.key)
        elif s.cls == EntityClass.PERSON and s.key in held and lemma not in _PRAISING:
            out.add(held[s.key])  # (a leader may praise his own senator; a state, hardly)
    if not subjects and lemma in _ATTACKING and (
            state := _paragraph_state(ctx, verb.sent, held)) is not None:
        out.add(state)  # "Britain and Canada acted. … both governments sanctioned X": theirs
    return out


def _one_post(title: str) -> str | None:
    """The post a title names if a state has one holder of it at a time ("Secretary of State"
    and "Foreign Minister" are one post, ``counterpart_posts``), else None ("Minister"; a
    deputy's or vice post, which several hold at once: Russia's deputy foreign ministers)."""
    if title.lower().split()[0] in ("deputy", "vice", "assistant"):
        return None
    return word_map("role_titles.json", "counterpart_posts").get(title.lower())


def _same_post(a: str | None, b: str | None) -> bool:
    """Whether two posts (:func:`_one_post`) are one: a state's "premier" is its prime
    minister ("acting prime minister" and later "acting premier" of one man)."""
    premier = {"Premier", "Prime Minister"}
    return a is not None and (a == b or {a, b} == premier)


def _held_posts(ctx: DocContext) -> dict[tuple[str, str], str]:
    """(post, state) -> holder, for the posts the registry persons the article names hold on
    its date ("Donald Trump": President of the United States; "Antony Blinken", Secretary of
    State from 2021 to 2025, in an article of 2023)."""
    out: dict[tuple[str, str], str] = {}
    for span in ctx.actors.spans:
        actor = ctx.registry.actors.get(span.key)
        if span.cls != EntityClass.PERSON or actor is None:
            continue
        for pos in actor.positions:
            if pos.of and held_then(pos, ctx.published) and (one := _one_post(pos.title)):
                out.setdefault((one, pos.of), span.key)
    return out


def held_then(pos: Position, published: FuzzyDate | None) -> bool:
    """Whether a post was held in the article's year: a current one begun by then, or an ended
    one begun before that year and ended after it (a post begun or ended in the article's
    year may not have been held on its date: not counted)."""
    if pos.until is None:
        return not _later_than(pos.since, published)
    year = published.value[:4] if published is not None else None
    return (year is not None and pos.since is not None
            and pos.since[:4] < year < pos.until[:4])


def _later_than(since: str | None, published: FuzzyDate | None) -> bool:
    """Whether a post began in a year after the article's ("Assimi Goïta", president of Mali
    since 2021, held no such post in an article of August 2020)."""
    return since is not None and published is not None and since[:4] > published.value[:4]


def _planned_act(verb: Token) -> Token:
    """The act a subject is due, set or planning to do ("Yellen is due to arrive in
    Beijing", "Modi plans to visit Moscow"): the infinitive below the verb or below its
    adjective, when there is one; else the verb."""
    for node in (verb, *(c for c in verb.children if c.dep_ == "acomp")):
        for x in node.children:
            if x.dep_ == "xcomp" and x.pos_ == "VERB" and any(
                    a.lower_ == "to" for a in x.children):
                return x
    return verb


def _visited_states(ctx: DocContext, person: ActorSpan,
                    held: dict[str, str] | None = None) -> set[str]:
    """States the post holder's own clause has them visit or meet ("Prime Minister
    Luvsannamsrain Oyun-Erdene visited the White House, where he met Vice President Kamala
    Harris"): the objects and "to"/"in" phrases of the verb, and the state a body there
    belongs to; the states of the people they talk to ("President Masoud Pezeshkian spoke
    to Pashinyan by telephone": Armenia's, from ``held``, person -> state); and those of whom
    they accuse, condemn or ask something. Why: a state guessed from the paragraph
    ("Washington has also raised its profile.") or the article is never that of a visitor to
    it, nor that of the other side of a call, an accusation or an appeal."""
    held = held or {}
    node = _name_phrase_head(ctx, person)
    verb = node.head
    if verb.lemma_.lower() not in _VISITING | _TALKING | _ATTACKING | _ASKING:
        verb = _planned_act(verb)  # "is due to arrive in Beijing"
    lemma = verb.lemma_.lower()
    # "President Jimmy Morales called off a planned visit to Washington": where the trip goes
    trips = [s for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _TRIPS
             for s in prep_actors(ctx, c, ("to",))] if node.dep_ == "nsubj" else []
    if node.dep_ == "nsubj":  # "X said on Friday during his first visit to Kyiv"
        trips += [s for p in verb.children if p.dep_ == "prep" for o in p.children
                  if o.dep_ == "pobj" and o.lemma_.lower() in _TRIPS
                  and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in o.children)
                  for s in prep_actors(ctx, o, ("to",))]
    if (node.dep_ == "pobj" and node.head.lower_ == "by"
            and node.head.head.lemma_.lower() in _TRIPS):
        trips += prep_actors(ctx, node.head.head, ("to",))  # "a visit to Washington by X"
    if node.dep_ != "nsubj" or lemma not in _VISITING | _TALKING | _ATTACKING | _ASKING:
        lemma = ""
        if not trips:
            return set()
    spans = trips + ([s for c in verb.children if c.dep_ == "dobj"
                      for s in ctx.actors.conj_phrases(c)] if lemma in _VISITING else [])
    spans += prep_actors(ctx, verb, ("to", "in") if lemma in _VISITING else ())
    if lemma in _TALKING:
        spans += [s for s in prep_actors(ctx, verb, ("to", "with"))
                  if s.cls == EntityClass.PERSON]
    if lemma in _ATTACKING | _ASKING:
        # "Foreign Minister X accused him [a Chinese envoy] of …": not China's minister; an
        # official does not accuse their own side, nor appeal to it
        spans += [s for c in verb.children if c.dep_ == "dobj"
                  for s in (*ctx.actors.conj_phrases(c),
                            *(ctx.actors.at(p) for p in c.children if p.dep_ == "poss"))
                  if s is not None]  # (also "summoned Japan's ambassador, X": Japan)
    out = set()
    for s in spans:
        actor = ctx.registry.actors.get(s.key)
        if s.cls == EntityClass.STATE:
            out.add(s.key)
        elif s.cls == EntityClass.PERSON and s.key in held:
            out.add(held[s.key])
        elif actor is not None and (actor.country or actor.metonym_for):
            out.add(actor.country or actor.metonym_for)  # (a capital: "arrive in Beijing")
        elif s.cls == EntityClass.PLACE and (
                capital := ctx.registry.metonym(s.label)) is not None and (
                capital.cls == EntityClass.STATE):
            out.add(capital.id)  # a capital no registry place names: "flew to Honiara"
    return out


def _voiced_state(ctx: DocContext, person: ActorSpan) -> str | None:
    """The state a post holder voices: "The office of President Hage Geingob said Namibia
    'rejects Germany's support …'", "spokesperson Steffen Hebestreit said that Berlin 'firmly
    rejects' the accusation": the subject of the reported clause, when it is one state and
    its verb is a speech or stance verb in the present tense or with "will"/"would" ("said
    San José would ask for more").

    Why the present tense or an intent of such a verb: it states a position the speaker
    holds for that state now; "said China must stop" or "said Russia had violated the deal"
    report another state's doings and say nothing of whose official the speaker is.
    """
    node = ctx.doc[person.start : person.end].root
    if node.dep_ == "appos":
        node = node.head  # "Its spokesman, X, said"
    if node.dep_ == "pobj" and node.head.lower_ in ("of", "for") and node.head.head.dep_ == "nsubj":
        node = node.head.head  # "the office of President X said", "a spokesperson for X said"
    if node.dep_ != "nsubj":
        return None
    # the holder's own verb, or one it shares ("has thanked … and said San José would ask")
    verbs = [v for v in (node.head, *node.head.conjuncts) if v.lemma_.lower() in SPEECH_VERBS]
    for clause in (c for v in verbs for c in v.children if c.dep_ == "ccomp"):
        fronted_intent = clause.i < clause.head.i and clause.tag_ == "VB" and _stated_now(clause)
        if not fronted_intent and (not _stated_now(clause) or (
                clause.lemma_.lower() not in SPEECH_VERBS) or is_negated(clause)):
            continue  # (a fronted "France will not join, Minister X said" is France's word)
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        spans = [ctx.actors.at(t) for t in subjects]
        if (len(spans) == 1 and spans[0] is not None and spans[0].cls == EntityClass.STATE
                and spans[0].kind != "demonym" and not subjects[0].conjuncts):
            return spans[0].key
    return None


#: Verbs by which evidence shows what a state did ("the case showed China continued to …").
_EVIDENCE_VERBS = frozenset({"show", "prove", "demonstrate", "reveal", "confirm", "indicate"})


def _shown_states(ctx: DocContext, person: ActorSpan) -> set[str]:
    """States a post holder says the evidence shows doing something ("Deputy Attorney
    General Lisa Monaco said the case showed China continued to use cyber-enabled attacks").
    Why: an official who lays out a case against a state is not that state's official,
    whichever state the article is mostly about."""
    node = ctx.doc[person.start : person.end].root
    if node.dep_ != "nsubj" or node.head.lemma_.lower() not in SPEECH_VERBS:
        return set()
    out = set()
    for shown in (c for c in node.head.children if c.dep_ == "ccomp"
                  and c.lemma_.lower() in _EVIDENCE_VERBS and not is_negated(c)):
        for clause in (c for c in shown.children if c.dep_ == "ccomp"):
            out |= {s.key for s in subject_actors(ctx, clause) if s.cls == EntityClass.STATE}
    return out


def _acting_on_states(ctx: DocContext, person: ActorSpan, held: dict[str, str]) -> set[str]:
    """The state that acts *on* or *against* a post holder ("Washington imposed new sanctions
    on former president Mahmoud Ahmadinejad", "Kyiv's case against Defence Minister X"): the
    subject of the verb the "on"/"against" phrase hangs from, directly or through its object.
    Why: a state that sanctions or charges an official is the other side; the holder's own
    state is the one the sentence does not name."""
    node = _name_phrase_head(ctx, person)
    while node.dep_ == "conj" and node.head != node:
        node = node.head  # "on X and on Y"
    if node.dep_ != "pobj" or node.head.lower_ not in ("on", "against"):
        return set()
    above = node.head.head
    if above.dep_ in ("dobj", "conj") and above.head.pos_ == "VERB":
        above = above.head  # "imposed sanctions on X"
    if above.pos_ != "VERB":
        return set()
    actors = subject_actors(ctx, above)
    return ({s.key for s in actors if s.cls == EntityClass.STATE}
            | {held[s.key] for s in actors if s.key in held})


def _object_states(ctx: DocContext, person: ActorSpan, held: dict[str, str]) -> set[str]:
    """The states whose people or envoys the post holder, as subject, meets, summons, asks or
    attacks ("Vice Foreign Minister Choi Jong-kun summoned Japan's ambassador"): the other
    side, never the holder's own (the object's owner, or the state of a post read for an
    object person)."""
    node = _name_phrase_head(ctx, person)
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.dep_ != "nsubj" or node.head.lemma_.lower() not in (
            _ATTACKING | _OTHER_SIDE_VERBS):
        return set()
    out: set[str] = set()
    verb = node.head
    for obj in (c for c in verb.children if c.dep_ == "dobj" or (
            c.dep_ == "nsubj" and c.i > verb.i)):  # (an object the parser took for a subject)
        owners = [*ctx.actors.conj_phrases(obj),
                  *(a for c in obj.lefts if c.dep_ in ("poss", "compound", "amod")
                    for a in [ctx.actors.at(c)] if a is not None)]  # "Japan's ambassador, X"
        for owner in owners:
            if owner.cls == EntityClass.STATE:
                out.add(owner.key)
            elif owner.key in held:
                out.add(held[owner.key])
    return out


def _counterparts_states(ctx: DocContext, person: ActorSpan) -> set[str]:
    """The states of the holder's counterparts in the holder's sentence: "Commerce Secretary
    Gina Raimondo raised the case with her Chinese counterpart": China is the other side,
    so not the state of her post. The possessive is the holder's when no other person is
    named between them."""
    doc = ctx.doc
    out: set[str] = set()
    for tok in ctx.sents.sent(doc[person.start]):
        if tok.i <= person.end or tok.lemma_.lower() != "counterpart":
            continue
        state = next((s for k in range(tok.i - 1, max(tok.i - 4, person.end) - 1, -1)
                      if (s := ctx.actors.at(doc[k])) is not None), None)
        if (state is None or state.cls != EntityClass.STATE or state.start - 1 < person.end
                or doc[state.start - 1].lower_ not in _POSSESSIVE_PRONOUNS):
            continue
        if not any(s.cls == EntityClass.PERSON and person.end <= s.start < state.start
                   for s in ctx.actors.spans):
            out.add(state.key)
    return out


def _nationality(ctx: DocContext, person: ActorSpan) -> set[str]:
    """The state a post holder is said to be a national or citizen of ("Vice-President Kirill
    Gevorgian, a Russian national,"). Why: that is said of someone whose post is no post of
    that state (a judge, an international civil servant); its own officials need no such
    note."""
    root = ctx.doc[person.start : person.end].root
    return {s.key for c in root.children if c.dep_ == "appos"
            and c.lemma_.lower() in ("national", "citizen")
            for t in c.children if t.dep_ in ("amod", "prep")
            for s in (ctx.actors.in_subtree(t) if t.dep_ == "prep" else [ctx.actors.at(t)])
            if s is not None and s.cls == EntityClass.STATE}


def _stated_now(verb: Token) -> bool:
    """Whether a reported verb states a position now or as an intent: the present tense
    ("Namibia rejects"), or "will"/"would" ("San José would ask for more")."""
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ in ("will", "would") for c in verb.children))


def _apposed_post(ctx: DocContext, span: ActorSpan, sent: Span,
                  titles: dict[str, str]) -> bool:
    """Whether a post title opens the apposition after a name ("X, the chief of army staff,",
    "X, chief of staff of the Armed Forces of the Philippines,", "X, Russia's army chief,")."""
    doc = ctx.doc
    i = span.end + 1
    if span.end >= sent.end - 1 or doc[span.end].text != ",":
        return False
    if doc[i].lower_ in ("the", "a", "an"):
        i += 1
    if i >= sent.end:
        return False
    _owner, i = _past_owner(ctx, i, sent.end)
    return i < sent.end and title_starting_at(doc, i, sent.end, titles) is not None


def _post_apposed_to(ctx: DocContext, span: ActorSpan, rank_start: int,
                     titles: dict[str, str]) -> Token | None:
    """The one-word post title right before the comma that opens a ranked name's apposition
    ("Its commander, Italian Major General X,", "the force's chief, General X,"), if any
    (only a nationality may stand between the comma and the rank)."""
    doc = ctx.doc
    root = doc[span.start:span.end].root
    head = root.head
    if not (root.dep_ == "appos" and head.i + 1 < rank_start and head.tag_ == "NN"
            and head.lower_ in titles and doc[head.i + 1].text == ","):
        return None
    between = doc[head.i + 2:rank_start]
    return head if all(t.ent_type_ == "NORP" for t in between) else None


def _subnational(ctx: DocContext, span: ActorSpan) -> bool:
    """Whether a region is one of a state's own parts in the registry (it has a ``country``:
    Republika Srpska, Victoria, Chihuahua), whose government has posts of its own ("its
    prime minister", "Victoria's premier"); a continent or sea has none."""
    actor = ctx.registry.actors.get(span.key)
    return (span.cls == EntityClass.REGION and actor is not None
            and actor.country is not None)


def _plural_titled(ctx: DocContext, out: set[RoleFact], titles: dict[str, str],
                   state_titles: frozenset[str]) -> set[RoleFact]:
    """Posts a plural title gives each name listed after it: "Foreign Ministers Jeyhun
    Bayramov and Ararat Mirzoyan initialled …", "Presidents Sadyr Japarov and Emomali Rahmon
    signed …". Each holds the post in their own state, which only the registry says, so only
    registry persons with that post get one; a name with a post of its own here keeps it."""
    doc, added = ctx.doc, set()
    have = {r.person for r in out}
    for span in ctx.actors.spans:
        if (span.cls != EntityClass.PERSON or span.key in have
                or span.key not in ctx.registry.actors):
            continue
        first = ctx.doc[span.start:span.end].root
        while first.dep_ == "conj" and ctx.actors.at(first.head) is not None:
            first = first.head  # the list's first name: the title is before it
        lead = ctx.actors.at(first)
        if lead is None or lead.start == 0 or not doc[lead.start - 1].lower_.endswith("s"):
            continue
        end = lead.start
        plural = next((t for n in range(3, 0, -1) if end - n >= 0
                       and (t := doc[end - n : end].text.lower()).endswith("s")
                       and t[:-1] in titles), None)
        if plural is None:
            continue
        title = titles[plural[:-1]]
        of = _registry_of(ctx, span.key, title, state_titles)
        if of is None:
            continue
        start = end - len(plural.split())
        former = start > 0 and doc[start - 1].lower_ in _FORMER_WORDS  # "former prime
        # ministers Hassan Ali Khaire and Mohamed Hussein Roble"
        first = start - 1 if former else start
        added.add(RoleFact(person=span.key, role=title, of=of, former=former,
                           evidence=ctx.sents.token_evidence(
                               doc[first], doc[span.end - 1], 0.7, NAME)))
    return added


def _elided_posts(ctx: DocContext, out: set[RoleFact]) -> set[RoleFact]:
    """Posts a coordinated "<state>'s <name>" leaves out: "Sweden's foreign minister, Ann
    Linde, and Finland's Pekka Haavisto welcomed …" gives Haavisto the post Linde holds, in
    Finland (also "… and Cambodia's, General Tea Seiha", past a comma and a rank). Only
    right after "and" following a person whose post in another state this sentence names,
    and only for a name with no post of its own here."""
    doc, added = ctx.doc, set()
    words = title_words()
    for span in ctx.actors.spans:
        k = span.start
        while k > 0 and doc[k - 1].is_title and doc[k - 1].lower_ in words:
            k -= 1  # "and Cambodia's, General Tea Seiha": past the rank
        if 0 < k < span.start and doc[k - 1].text == ",":
            k -= 1
        if (span.cls != EntityClass.PERSON or k < 4 or doc[k - 1].text not in _POSS
                or (state := ctx.actors.at(doc[k - 2])) is None
                or state.cls != EntityClass.STATE or state.start < 2):
            continue
        j = state.start - 1
        if doc[j].lower_ != "and":
            continue
        j -= 1 if doc[j - 1].text == "," else 0
        before = ctx.actors.at(doc[j - 1])
        sent = ctx.sents.sent(doc[k])
        if before is None or before.cls != EntityClass.PERSON or before.start < sent.start:
            continue
        n = ctx.sents.index(doc[k])
        held = [r for r in out if r.person == before.key and r.of is not None
                and r.of != state.key and not r.former and r.evidence.sentence_index == n
                and (a := ctx.registry.actors.get(r.of)) is not None
                and a.cls == EntityClass.STATE]
        if len(held) != 1 or any(r.person == span.key and r.evidence.sentence_index == n
                                 for r in out):
            continue
        # ("Germany's Chancellor Olaf Scholz and Italy's Giorgia Meloni": her own title)
        title = _own_title(ctx, span.key, state.key, held[0].role)
        ev = ctx.sents.token_evidence(doc[state.start], doc[span.end - 1], 0.6, NAME)
        added.add(RoleFact(person=span.key, role=title, evidence=ev, of=state.key))
    return added


def _own_title(ctx: DocContext, person: str, state: str, shared: str) -> str:
    """The title of a post read off another's ("and Italy's Giorgia Meloni" after "Germany's
    Chancellor", "the leaders of Azerbaijan and Armenia"): the registry's own title for the
    one post the person held in that state on the article's date, else the shared one."""
    actor = ctx.registry.actors.get(person)
    there = {p.title for p in (actor.positions if actor is not None else ())
             if p.of == state and held_then(p, ctx.published)}
    return there.pop() if len(there) == 1 else shared


def _respective_posts(ctx: DocContext, titles: dict[str, str],
                      out: set[RoleFact]) -> set[RoleFact]:
    """Posts a plural title shares out in order: "the foreign ministers of Hungary and Turkey,
    Peter Szijjarto and Mevlut Cavusoglu" (each state's minister named in the same order).
    Only with as many states after "of" as names after the comma, and names with no post of
    their own in this sentence."""
    doc, added = ctx.doc, set()
    for tok in doc:
        if tok.tag_ != "NNS" or tok.lemma_.lower() not in title_heads():
            continue
        start = tok.i
        while start > 0 and doc[start - 1].is_lower and doc[start - 1].pos_ in ("ADJ", "NOUN"):
            start -= 1  # "the foreign ministers"
        words = " ".join([*(t.lower_ for t in doc[start:tok.i]), tok.lemma_.lower()])
        title = titles.get(words)
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if title is None or of is None:
            continue
        states = [s for o in of.children if o.dep_ == "pobj" for s in ctx.actors.conj_phrases(o)
                  if s.cls == EntityClass.STATE]
        end = max((ctx.doc[s.end - 1].i for s in states), default=tok.i) + 1
        people = _listed_after_comma(ctx, end)
        n = ctx.sents.index(tok)
        if len(states) < 2 or len(people) != len(states) or any(
                r.person in {p.key for p in people} and r.evidence.sentence_index == n
                for r in out):
            continue
        for person, state in zip(people, states, strict=True):
            ev = ctx.sents.token_evidence(doc[start], doc[person.end - 1], 0.6, NAME)
            added.add(RoleFact(person=person.key, role=_own_title(ctx, person.key, state.key,
                                                                  title),
                               evidence=ev, of=state.key))
    return added


def _listed_counterparts(ctx: DocContext, out: set[RoleFact]) -> set[RoleFact]:
    """Counterparts listed in order: "Iwaya hosted his Chinese and South Korean
    counterparts, Wang Yi and Cho Tae-yul" gives each the post "his" holder holds, in the
    state of the same rank (as "his Chinese counterpart, X" does for one)."""
    doc, added = ctx.doc, set()
    for tok in doc:
        if tok.lower_ != "counterparts":
            continue
        poss = next((c for c in tok.children if c.dep_ == "poss"
                     and c.lower_ in _POSSESSIVE_PRONOUNS | {"their"}), None)
        states = [s for c in tok.children if c.dep_ == "amod"
                  for s in ctx.actors.conj_phrases(c) if s.cls == EntityClass.STATE]
        people = _listed_after_comma(ctx, tok.i + 1)
        if poss is None or len(states) < 2 or len(people) != len(states):
            continue
        verb = tok.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        subjects = [a for a in subject_actors(ctx, verb) if a.cls == EntityClass.PERSON]
        if len(subjects) != 1:
            continue  # whose counterparts: the clause's one subject ("Jake Sullivan, President
            # Joe Biden's national security adviser, spoke with his … counterparts")
        for person, state in zip(people, states, strict=True):
            post = _counterpart_title(out, subjects[0].key, doc[person.start].idx, state.key)
            if post is not None and not any(
                    r.person == person.key and r.of == state.key for r in out):
                ev = ctx.sents.token_evidence(poss, doc[person.end - 1], 0.6, NAME)
                added.add(RoleFact(person=person.key, role=post, evidence=ev, of=state.key))
    return added


def _listed_after_comma(ctx: DocContext, i: int) -> list[ActorSpan]:
    """The conjoined persons a comma at token ``i`` opens ("…, Wang Yi and Cho Tae-yul"),
    [] when no comma or no person follows there."""
    doc = ctx.doc
    if i + 1 >= len(doc) or doc[i].text != ",":
        return []
    first = ctx.actors.at(doc[i + 1])
    if first is None or first.cls != EntityClass.PERSON:
        return []
    return [p for p in ctx.actors.conj_phrases(doc[first.start:first.end].root)
            if p.cls == EntityClass.PERSON]


def _its_region(ctx: DocContext, t_start: int, sent_start: int) -> ActorSpan | None:
    """The region "its" before a title refers to, when the actor named last before it in
    the sentence is a sub-national region: "… Republika Srpska, together with its prime
    minister, X, and its parliament speaker, Y" (the pronoun reader takes no regions)."""
    doc, k = ctx.doc, t_start - 1
    while (k > sent_start and t_start - k <= 2 and doc[k].is_lower
           and doc[k].pos_ in ("NOUN", "ADJ")):
        k -= 1  # "its parliament speaker"
    if k <= sent_start or doc[k].lower_ != "its":
        return None
    near = [s for s in ctx.actors.spans if sent_start <= s.start and s.end < k
            and s.cls != EntityClass.PERSON]
    return near[-1] if near and _subnational(ctx, near[-1]) else None


def _past_owner(ctx: DocContext, i: int, sent_end: int) -> tuple[ActorSpan | None, int]:
    """The actor at token ``i`` of an apposition and where its post title may start: past a
    body or state and its "'s" ("X, Russia's army chief,"), at ``i`` for a person or none.

    A name the NER made of a party's adjectives ("the Social Democratic prime minister") is
    skipped as no owner: the post is still the state's."""
    owner = ctx.actors.at(ctx.doc[i])
    if (owner is not None and owner.cls == EntityClass.PERSON and owner.end + 1 < sent_end
            and ctx.doc[owner.end].text in _POSS
            and (state := _leaders_own_state(ctx, owner)) is not None):
        return state, owner.end + 1  # "Anne Bouverot, Macron's special envoy for the event":
        # the leader's state's post
    if owner is not None and owner.cls != EntityClass.PERSON:
        i = owner.end + (1 if owner.end < sent_end and (
            ctx.doc[owner.end].text in _POSS or ctx.doc[owner.end].tag_ == "POS") else 0)
        # (also a bare apostrophe the parser reads as a possessive: "the Marshall Islands'")
        last = ctx.doc[owner.end - 1]
        if (owner.cls == EntityClass.ORGANIZATION and owner.key not in ctx.registry.actors
                and (last.pos_ == "ADJ" or last.lower_ in _PARTY_ADJECTIVES)):
            owner = None
    return owner, i


def _leaders_own_state(ctx: DocContext, person: ActorSpan) -> ActorSpan | None:
    """The state a registry person leads at the article's date (a head of state's or
    government's post held then), as an actor span over the person's name: whose post
    "Macron's special envoy" or "Aliyev's foreign policy adviser" is."""
    actor = ctx.registry.actors.get(person.key)
    if actor is None:
        return None
    led = {p.of for p in actor.positions if p.of and held_then(p, ctx.published)
           and p.title.lower() in _LEADERS}
    state = ctx.registry.actors.get(led.pop()) if len(led) == 1 else None
    if state is None or state.cls != EntityClass.STATE:
        return None
    return ActorSpan(person.start, person.end, state.id, state.cls, state.label)


#: Posts of a state's leader, whose own staff's posts ("Macron's special envoy") are the
#: state's.
_LEADERS = frozenset({"president", "prime minister", "chancellor", "king", "emir",
                      "crown prince", "supreme leader", "premier"})


#: Last words of a party's adjective the NER may take for a name ("Social Democratic").
_PARTY_ADJECTIVES = frozenset({"democratic", "socialist", "conservative", "liberal",
                               "republican", "communist", "nationalist", "populist"})


def _field_then_at(doc: Doc, i: int, sent_end: int) -> bool:
    """ "a senior fellow *in trade policy at* the Atlantic Commerce Forum", "a researcher *on
    governance at* a policy institute": a field after "in"/"on" and then the body after "at",
    before the apposition ends."""
    if doc[i].lower_ not in ("in", "on"):
        return False
    for k in range(i + 1, min(i + 6, sent_end)):
        if doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX"):
            return False
        if doc[k].lower_ == "at":
            return True
    return False


def _scene_state(ctx: DocContext, sent: Span, person: ActorSpan) -> str | None:
    """The state a sentence opens in when its post holder is the subject: "In Copenhagen,
    Prime Minister Mette Frederiksen rejected …", "In Guatemala, President Bernardo Arévalo
    has reaffirmed …" (a capital read as its state).

    Why first: a report that goes round the capitals for reactions names each one's own
    officials there; a visitor is introduced as one ("In Beijing, visiting …", "France's
    President"), and a post the text gives a state never reaches this guess.
    """
    node = _name_phrase_head(ctx, person)
    where = _where_place(ctx, node)
    if where is not None:
        return where
    if (node.dep_ == "pobj" and node.head.lower_ == "including"
            and node.head.head.dep_ in ("nsubj", "nsubjpass")):
        node = node.head.head  # "In Tanzania, officials including Energy Minister X have …"
    if node.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = node.head
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        # "In Washington, a $60 billion aid package remains stuck in the House of
        # Representatives, where Speaker Mike Johnson has refused …": a place in the scene
        verb = next((t for t in verb.ancestors if t.dep_ == "ROOT"), verb)
    opened = any(_opening_in(ctx, sent, p) for p in verb.children)
    if opened:
        return _opening_scene(ctx, sent, verb, person.start)
    # "In Buenos Aires, the government sought to play down the row. Presidential spokesman
    # Manuel Adorni told …": the scene the paragraph's sentence before set, when no actor is
    # its subject (the government, officials there) but a body of the place's own, which
    # the registry does not know ("In Washington, the Justice Department charged …")
    prev = _previous_in_paragraph(ctx, sent)
    if prev is None or any(
            (s := ctx.actors.at(t)) is not None and not (
                s.cls == EntityClass.ORGANIZATION and s.key not in ctx.registry.actors)
            for t in _main_subjects(prev)):
        return None
    return _opening_scene(ctx, prev, prev.root, prev.end)


def _heading_state(ctx: DocContext, sent: Span) -> str | None:
    """The state a round-up's section heading names, for a post in its section ("SPAIN" /
    "Economy Minister Carlos Cuerpo said …"): the nearest heading line above the sentence,
    past the headline, when it is a state's name and nothing else.

    Why: a report that gathers reactions by country names each country once, as the heading,
    and its officials below without their state."""
    sents = ctx.sents.sents
    for k in range(ctx.sents.index(sent[0]) - 1, 0, -1):
        head = sents[k]
        if not is_heading(head):
            continue
        words = [t for t in head if not t.is_punct and not t.is_space
                 and t.lower_ != "the"]
        spans = {ctx.actors.at(t) for t in words}
        found = spans.pop() if len(spans) == 1 else None
        return (found.key if found is not None and found.cls == EntityClass.STATE
                and found.kind != "demonym" else None)
    return None


def _where_place(ctx: DocContext, node: Token) -> str | None:
    """The state of a capital or state that a "where" clause holding the post describes: "The
    contract was welcomed in Seoul, where the government of President Lee Jae Myung has …"
    is South Korea's president."""
    clause = next((t for t in (node, *node.ancestors) if t.dep_ == "relcl"
                   and any(c.lower_ == "where" for c in t.children)), None)
    place = ctx.actors.at(clause.head) if clause is not None else None
    if place is None or place.kind == "demonym":
        return None
    if place.cls == EntityClass.STATE:
        return place.key
    state = ctx.actors.capital_state(place)
    return state.key if state is not None else None


def _opening_in(ctx: DocContext, sent: Span, prep: Token) -> bool:
    """Whether ``prep`` is an "in" opening the sentence ("In Copenhagen, …"), also past a
    short fronted time phrase ("Hours later, in Tianjin, …")."""
    return prep.dep_ == "prep" and prep.lower_ == "in" and prep.i <= sent.start + (
        4 if ctx.doc[prep.i - 1].text == "," else 2)


#: Nouns for a town whose state an adjective names ("the northern Chinese city of Tianjin").
_TOWN_NOUNS = frozenset({"city", "town", "port", "capital", "village", "resort"})


def _opening_scene(ctx: DocContext, sent: Span, verb: Token, before: int) -> str | None:
    """The state of the "In <place>," phrase that opens ``sent`` on ``verb``, set off by a
    comma before token ``before``."""
    doc = ctx.doc
    for prep in verb.children:
        if not _opening_in(ctx, sent, prep) or prep.i >= before:
            continue
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        span = ctx.actors.at(place) if place is not None else None
        if span is None and place is not None and place.lower_ in _TOWN_NOUNS:
            # "in the northern Chinese city of Tianjin": the city's state, by its adjective
            span = next((d for c in place.children if c.dep_ == "amod"
                         for d in [ctx.actors.at(c)] if d is not None
                         and d.cls == EntityClass.STATE and d.kind == "demonym"), None)
            if span is not None:
                between = doc[max(t.i for t in place.subtree) + 1 : before]
                return span.key if any(t.text == "," for t in between) and not any(
                    t.lower_ in ("visiting", "visitor") for t in between) else None
        between = ctx.doc[span.end : before] if span is not None else ()
        if span is None or not any(t.text == "," for t in between) or any(
                t.lower_ in ("visiting", "visitor") for t in between):
            continue  # ("In Beijing, visiting Foreign Minister X said": a guest's)
        if span.cls == EntityClass.STATE and span.kind != "demonym":
            return span.key
        state = ctx.actors.capital_state(span) if span.cls == EntityClass.PLACE else None
        return state.key if state is not None else None
    return None


#: Verbs whose "by" phrase names who goes along with the subject ("was accompanied by").
_ACCOMPANYING = frozenset({"accompany", "join", "flank"})


def _lead_clause_state(ctx: DocContext, person: ActorSpan,
                       held: dict[str, str]) -> str | None:
    """The state a clause before a colon or semicolon is about, when the post holder is the
    subject of the clause after it ("Uruguay was more cautious: Foreign Minister Mario
    Lubetkin said …"; "The United States campaigned hard for him; Vice President Mike Pence
    championed …"): the second clause says how that state acted, through its official."""
    node = _name_phrase_head(ctx, person)
    if node.dep_ != "nsubj":
        return None
    doc = ctx.doc
    for clause in node.head.children:
        if clause.dep_ not in ("ccomp", "conj", "parataxis") or clause.i > node.i:
            continue
        gap = doc[clause.right_edge.i + 1 : node.left_edge.i]
        if any(t.text in (":", ";") for t in gap):
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
            return _sole_state(ctx, subjects, held)
    return None


#: Verbs by which the subject sends someone on its behalf ("sent Foreign Minister X").
_SENDING = frozenset({"send", "dispatch"})


def _sender_state(ctx: DocContext, person: ActorSpan, held: dict[str, str]) -> str | None:
    """The state of whoever sends the post holder ("Nicaragua's Daniel Ortega also stayed
    away and sent Foreign Minister Denis Moncada"): one sends one's own official."""
    node = _name_phrase_head(ctx, person)
    if node.dep_ != "dobj" or node.head.lemma_.lower() not in _SENDING:
        return None
    verb = node.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "conj":  # "stayed away and sent X": the first verb's
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return _sole_state(ctx, subjects, held)


def _companion_state(ctx: DocContext, person: ActorSpan, held: dict[str, str]) -> str | None:
    """The state of whom the post holder goes along with: "Vance was accompanied by his
    wife, National Security Adviser Mike Waltz and Energy Secretary Chris Wright", "Albanese
    travelled with Trade Minister Don Farrell" (Vance's and Albanese's, from ``held``:
    person -> state of a post read before). Why: a delegation is one side."""
    node = _name_phrase_head(ctx, person)
    while node.dep_ in ("conj", "appos") and node.head != node:
        node = node.head  # "his wife, Usha, X and Y": back to the first in the "by" phrase
    if node.dep_ != "pobj" or node.head.lower_ not in ("by", "with"):
        return None
    verb = node.head.head
    if verb.lemma_.lower() not in (_ACCOMPANYING if node.head.lower_ == "by"
                                   else _TRAVELLING):
        return None
    if node.head.lower_ == "with":  # "Albanese travelled with Trade Minister Don Farrell"
        companions = [c for c in verb.children if c.dep_ == "nsubj"]
    elif verb.dep_ == "acl":  # "Vance, accompanied by …"
        companions = [verb.head]
    else:
        companions = [c for c in verb.children if c.dep_ == "nsubjpass"]
    states = {held[s.key] for c in companions for s in ctx.actors.conj_phrases(c)
              if s.cls == EntityClass.PERSON and s.key in held}
    return states.pop() if len(states) == 1 else None


#: Verbs whose two listed subjects are one side, acting on a third ("A and B received the
#: delegation"); others may list two sides ("Wang Yi and Antony Blinken met", "Kerry and
#: al-Jaber attended").
_ONE_SIDED = frozenset({"receive", "host", "greet", "welcome", "lead", "represent"})


def _pair_state(ctx: DocContext, person: ActorSpan, held: dict[str, str]) -> str | None:
    """The state of the one other official listed with the holder as one side: "They were
    received by Geoffrey Onyeama, Nigeria's foreign minister, and Lai Mohammed, the minister
    of information and culture" (Nigeria's, from ``held``). Only where the two act together
    on someone else (the agents of a passive, or the subjects of a verb of receiving or
    leading): "Foreign Minister Wang Yi and Secretary of State Antony Blinken met" are two
    sides, and so may be two who attended."""
    node = _name_phrase_head(ctx, person)
    if node.dep_ == "conj" and node.head.pos_ == "VERB":
        # (the parser may hang the second name on the verb: "received by A, …, and B")
        agents = [p for c in node.head.children if c.dep_ == "agent"
                  for p in c.children if p.dep_ == "pobj"]
        if len(agents) != 1 or agents[0].conjuncts:
            return None
        node, members = agents[0], [agents[0], node]
    else:
        while node.dep_ in ("conj", "appos") and node.head != node:
            node = node.head
        members = [node, *node.conjuncts]
    agents = node.dep_ == "pobj" and node.head.lower_ == "by" and node.head.dep_ == "agent"
    if len(members) != 2 or not (agents or (node.dep_ == "nsubj"
                                            and node.head.lemma_.lower() in _ONE_SIDED)):
        return None
    states = set()
    for member in members:
        span = ctx.actors.at(member)
        if span is None or span.cls != EntityClass.PERSON:
            return None
        if span.key != person.key and span.key in held:
            states.add(held[span.key])
    return states.pop() if len(states) == 1 else None


def _including_state(ctx: DocContext, person: ActorSpan) -> str | None:
    """The state of the group the holder is named as one of: "Thai officials, including
    Foreign Minister Sihasak Phuangketkeow, have stressed …" (Thailand's, from the group's
    demonym or owner)."""
    node = _name_phrase_head(ctx, person)
    while node.dep_ == "conj" and node.head != node:
        node = node.head  # "including A and B"
    if node.dep_ != "pobj" or node.head.lower_ not in ("including", "among"):
        return None
    group = node.head.head
    if group.pos_ not in ("NOUN", "PROPN") or not (
            group.lower_ in word_set("collective_nouns.json", "nouns")
            or group.lemma_.lower() in title_heads()):  # "officials", "ministers"
        return None
    collective = ctx.actors.at(group)  # "Thai officials": a collective of Thailand's
    if collective is not None and collective.group_of is not None:
        owner = ctx.registry.actors.get(collective.group_of)
        return owner.id if owner is not None and owner.cls == EntityClass.STATE else None
    owners = {s.key for c in group.children if c.dep_ in ("amod", "compound", "poss")
              for s in [ctx.actors.at(c)] if s is not None and s.cls == EntityClass.STATE}
    return owners.pop() if len(owners) == 1 else None


def _team_state(ctx: DocContext, person: ActorSpan, held: dict[str, str]) -> str | None:
    """The state of a government's team the holder is listed in: "Foreign Minister Penny
    Wong, Trade Minister Don Farrell and Agriculture Minister Murray Watt welcomed …" (three
    or more titled names, each with a post of its own, and the state read for the others).
    Why not two, or a shared title: "Foreign Minister Wang Yi and Secretary of State Antony
    Blinken met", "the foreign ministers A, B and C" are counterparts of several states."""
    node = _name_phrase_head(ctx, person)
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    members = [node, *node.conjuncts]
    if len(members) < 3:
        return None
    titles, _ = _titles()
    posts, states = set(), set()
    for member in members:
        span = ctx.actors.at(member)
        if span is None or span.cls != EntityClass.PERSON:
            return None
        post = title_ending_at(ctx.doc, span.start, member.sent.start, titles)
        if post is None or post[0] in posts:
            return None
        posts.add(post[0])
        if span.key != person.key and span.key in held:
            states.add(held[span.key])
    return states.pop() if len(states) == 1 else None


def _sentence_state(ctx: DocContext, sent: Span, person: ActorSpan,
                    held: dict[str, str] | None = None) -> str | None:
    """The state the post's own sentence is about when its holder acts in a clause below the
    main one ("Finland became NATO's 31st member when Foreign Minister Pekka Haavisto
    deposited the instrument"): the main clause's subject, if one state.

    Why before the previous sentence: the sentence's own subject is the nearer context. Not
    for a holder in a clause coordinated with the main one ("China protested and Foreign
    Minister X flew to Tokyo") nor inside the main subject itself.
    """
    node = ctx.doc[person.start : person.end].root
    if node.dep_ == "pobj" and node.head.lower_ in ("with", "against"):
        return None  # "travelled to Brussels for talks with Executive Vice-President X": the
        # other side of the talks, not the subject's man
    below: list[list[Token]] = []  # subjects of the clauses the holder is in, nearest first
    acting = None  # whether the holder's phrase is the subject of the first verb above it
    while node.dep_ != "ROOT" and node.head != node:
        if node.dep_ in ("conj", "nsubj", "nsubjpass") and node.head.dep_ == "ROOT":
            return None
        if acting is None and node.head.pos_ in ("VERB", "AUX"):
            acting = node.dep_ == "nsubj" or (node.lower_ == "with" and any(
                c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")
                for o in node.children if o.dep_ == "pobj" for c in o.children))
            # ("with Minister X stationed in Jeddah": the subject of the participle)
        node = node.head
        if node.dep_ != "ROOT" and node.pos_ in ("VERB", "AUX"):
            below.append([c for c in node.children if c.dep_ == "nsubj"])
    main = _sole_state(ctx, _main_subjects(sent), held)  # "India and China agreed …": none
    if main is None and acting:
        # "India launched Operation Kaveri, with Minister of State … V. Muraleedharan
        # stationed in Jeddah; … Jaishankar said": the clause the holder's phrase hangs
        # from, when the root's subject names no state
        main = next((found for subjects in below if subjects
                     and (found := _sole_state(ctx, subjects, held)) is not None), None)
    return main or _fronted_for_state(ctx, sent)


def _fronted_for_state(ctx: DocContext, sent: Span) -> str | None:
    """The state of a sentence that opens "For <state>," ("For Israel, it is the first
    framework to allow what Energy Minister Karine Elharrar called …"): whose view the
    sentence gives."""
    doc = ctx.doc
    i = sent.start
    if doc[i].lower_ != "for" or i + 2 >= sent.end:
        return None
    span = ctx.actors.at(doc[i + 1])
    if (span is None or span.cls != EntityClass.STATE or span.end >= sent.end
            or doc[span.end].text != ","):
        return None
    return span.key


def _topic_state(ctx: DocContext, sent: Span, held: dict[str, str]) -> str | None:
    """The state the post's paragraph opens with ("Egypt's role is shaped by geography. …
    President Abdel Fattah el-Sisi has warned …"; "Norway has tried to balance deterrence
    with dialogue. … Foreign Minister Espen Barth Eide has said"): the main subject of the
    paragraph's first sentence, if one state.

    Why before the article's dominant state: an analysis that goes through several states
    gives each its paragraph, and the state named most often in the article (often the one
    all the others are reacting to) is then the wrong default for a post the paragraph names.
    """
    sents = ctx.sents.sents
    i = ctx.sents.index(sent[0])
    j = i
    while j > 0 and not _paragraph_break(ctx, sents[j - 1], sents[j]):
        j -= 1
    if j == i or is_heading(sents[j]):
        return None
    return _sole_state(ctx, _main_subjects(sents[j], passive=True), held)


def _paragraph_break(ctx: DocContext, prev: Span, sent: Span) -> bool:
    """Whether a line break stands between sentence ``prev`` and the next one, ``sent``."""
    return "\n" in ctx.doc[prev.end - 1 : sent.start + 1].text


def _main_subjects(sent: Span, passive: bool = False) -> list[Token]:
    """The subjects of the sentence's root verb (with ``passive``, passive subjects too: what
    a paragraph is about, "Egypt's role is shaped by geography")."""
    deps = ("nsubj", "nsubjpass") if passive else ("nsubj",)
    roots = {sent.root.i}
    if sent.root.text.isupper() and sent.root.pos_ == "PROPN" and sent.root.i - sent.start < 3:
        # "THE HAGUE, Nov 19 - The Dutch government said …": the parser took the dateline
        # for the root and hung the sentence's verb from it
        roots |= {c.i for c in sent.root.children if c.pos_ in ("VERB", "AUX")}
    return [t for t in sent if t.dep_ in deps and t.head.i in roots]


def _sole_state(ctx: DocContext, subjects: list[Token],
                held: dict[str, str] | None = None) -> str | None:
    """:func:`_subject_state` of a sentence about one party only: none when its subjects are
    coordinated ("India and China agreed": about no one state)."""
    if any(c.dep_ == "conj" for t in subjects for c in t.children):
        return None
    return _subject_state(ctx, subjects, held)


def _subject_state(ctx: DocContext, subjects: list[Token],
                   held: dict[str, str] | None = None) -> str | None:
    """The state that is one of a sentence's main ``subjects`` (or owns it: "the Ethiopian
    foreign ministry said"; or whose official a person subject is said to be, or in whose
    government ``held`` — person -> state, from posts read before — says they serve)."""
    held = held or {}
    voices = (word_set("collective_nouns.json", "state_voice_nouns")
              | word_set("collective_nouns.json", "state_body_heads"))
    for tok in subjects:
        span = ctx.actors.at(tok)
        if span is None and tok.lower_ == "it":  # "Norway has tried …. It supports …"
            span = ctx.actors.pronoun(tok)
        if span is not None and span.cls == EntityClass.STATE and span.kind != "demonym":
            return span.key
        group = ctx.registry.actors.get(span.group_of) if span and span.group_of else None
        if group is not None and group.cls == EntityClass.STATE and tok.lower_ in voices:
            return group.id  # "Ethiopian officials have insisted …" (a collective voice)
        for mod in tok.lefts:
            # "Egypt's role is shaped by geography", "The Ethiopian foreign ministry said …",
            # "Chinese officials said …"; not "Russian peacekeepers did not prevent …": people
            # named by nationality do not speak for their state
            owner = ctx.actors.at(mod)
            if ((mod.dep_ == "poss" or (mod.dep_ in ("amod", "compound") and tok.lower_ in voices))
                    and owner is not None and owner.cls == EntityClass.STATE):
                return owner.key
            if (mod.dep_ == "poss" and tok.lower_ in voices and owner is not None
                    and owner.cls == EntityClass.PERSON and owner.key in held):
                return held[owner.key]  # "Fiala's government has insisted …" (Czechia's)
        if span is not None and span.cls == EntityClass.PERSON and span.key in held:
            return held[span.key]  # "Milei … chose instead …. Foreign Minister X attended"
        if span is not None and span.cls == EntityClass.PERSON:
            # "…, said Morten Høglund, Norway's senior Arctic official": the state whose
            # official the apposition makes the person
            for appos in (c for c in tok.children if c.dep_ == "appos"):
                owners = [ctx.actors.at(m) for m in appos.lefts if m.dep_ == "poss"]
                if owners and owners[0] is not None and owners[0].cls == EntityClass.STATE:
                    return owners[0].key
    return None


def _lede_state(ctx: DocContext, sent: Span) -> str | None:
    """For a post in the sentence that opens the second paragraph, the state the lede is about:
    the main subject of the lede's first sentence that has one (past a dateline), if a state.

    Why: a news report opens with what a state did ("Chad said on Thursday that it was ending
    its defence pact with France") and the next paragraph gives the voice of its official
    ("Foreign Minister Abderaman Koulamallah said …"), naming no state again. Only that
    paragraph: further down, a post with no state named may belong to anyone.
    """
    sents = ctx.sents.sents
    i = ctx.sents.index(sent[0])
    paragraphs: list[list[Span]] = []
    for j in range(i + 1):
        if j == 0 or _paragraph_break(ctx, sents[j - 1], sents[j]):
            paragraphs.append([])
        paragraphs[-1].append(sents[j])
    if paragraphs[-1][0].start != sent.start:
        return None  # not the paragraph's first sentence
    body = [p for p in paragraphs[:-1] if not (len(p) == 1 and is_heading(p[0]))]
    if len(body) != 1:
        return None
    for lede in body[0]:  # past a dateline the parser set apart ("TOKYO", "—")
        subjects = _main_subjects(lede)
        if subjects:
            return _sole_state(ctx, subjects)
    return None


def _government_state(held: dict[str, str]) -> str | None:
    """The state whose officials the article has named most (two at least, more than any
    other state's), the default for a post where no state dominates the article's mentions:
    "Transport Minister Anthony Loke" after Malaysia's prime minister and foreign minister."""
    ranked = Counter(held.values()).most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _dominant_state(ctx: DocContext) -> str | None:
    """The state an article is about, if one clearly dominates it: named (not as an adjective)
    at least four times and half again as often as any other state.

    Why: "Prime Minister Ulf Kristersson handed over the documents" in a report on Sweden
    joining NATO names no state, and the reader takes the article's own; with two states
    named about equally often (a summit of two leaders) there is no such default. Demonyms do
    not count: "Chinese investment" in a report on Pakistan says what the article is about less
    than the names of the states do. Each mention of a registry person counts for the
    person's country too ("Erdoğan" eighteen times in a report on his cabinet, where Turkey
    and Sweden are each named six times). Why the names alone still decide where the persons
    make no state clearly lead: the registry holds the famous, so a report on Egypt that
    quotes Putin would otherwise lose its state.
    """
    counts = Counter(s.key for s in ctx.actors.spans
                     if s.cls == EntityClass.STATE and s.kind != "demonym")
    named = _clear_lead(counts)
    for s in ctx.actors.spans:
        actor = ctx.registry.actors.get(s.key) if s.cls == EntityClass.PERSON else None
        if actor is not None and actor.country:
            counts[actor.country] += 1
    return _clear_lead(counts) or named


def _clear_lead(counts: Counter) -> str | None:
    """The first of ``counts`` if it has at least four and half again as many as the second."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 4:
        return None
    if len(ranked) == 2 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]


def _registered_instead(ctx: DocContext, person: str, of: ActorSpan, title: str,
                        state_titles: frozenset) -> bool:
    """Whether the registry's body of a person's post replaces the one the text gives, a
    body only this article names: "In Moscow, Foreign Ministry spokeswoman Maria Zakharova"
    after "Ukraine's Foreign Ministry said …" or "The Foreign Ministry [Azerbaijan's]
    summoned …" is Russia's ministry, which the registry has her speak for now, not the
    other ministry the bare words were taken for."""
    if of.key in ctx.registry.actors or of.cls != EntityClass.ORGANIZATION:
        return False
    body = _registry_of(ctx, person, title, state_titles)
    known = ctx.registry.actors.get(body) if body is not None else None
    actor = ctx.registry.actors.get(person)
    if known is None or known.cls == EntityClass.STATE or actor is None:
        return False
    return any(p.of == body and held_then(p, ctx.published) for p in actor.positions)


def _registry_of(ctx: DocContext, person: str, title: str, state_titles: frozenset,
                 guess: bool = False) -> str | None:
    """The post's holder from the registry: a matching position, else the person's country;
    with ``guess``, else the one body the person serves now."""
    actor = ctx.registry.actors.get(person)
    if actor is None:
        return None
    for pos in actor.positions:
        if pos.title.lower() == title.lower() and pos.of:
            return pos.of
    # "Spokesperson Mao Ning": the one post whose title starts with the title used here.
    starts = {p.of for p in actor.positions
              if p.of and p.title.lower().startswith(title.lower() + " ")}
    if len(starts) == 1:
        return starts.pop()
    # "leader Kim Jong Un": the one post whose title ends with it ("Supreme Leader")
    ends = {p.of for p in actor.positions
            if p.of and p.title.lower().endswith(" " + title.lower())}
    if len(ends) == 1:
        return ends.pop()
    if title.lower() in state_titles and actor.country:
        # "Executive Vice-President Valdis Dombrovskis": a person who now serves one body and
        # no post of the country holds the title there, not in Latvia
        now = {p.of for p in actor.positions if p.until is None and p.of}
        if len(now) == 1 and (body := now.pop()) != actor.country and (
                (known := ctx.registry.actors.get(body)) is not None
                and known.cls != EntityClass.STATE):
            return body
        return actor.country
    # "Spokesman Dmitry Peskov": a post the registry words differently ("Press Secretary of
    # the President"), held in the one body the person serves now; why before any guess from
    # the paragraph or the article: the registry knows where the person works.
    low = title.lower()
    if (guess and low not in _RANKS and low not in _AFFILIATIONS
            and low not in word_set("role_titles.json", "local_titles")):
        now = {p.of for p in actor.positions if p.until is None and p.of}
        if len(now) == 1:
            return now.pop()
    return None


#: Words that name a political camp before a title (see role_titles.json).
_CAMPS = word_set("role_titles.json", "camp_modifiers")


def _camp_before(doc: Doc, t_start: int, sent_start: int) -> bool:
    """A word before the title that names the holder's political camp ("leftist leader",
    "opposition leader", "far-right leader"): the post is in a party or movement."""
    k = t_start - 1
    if k < sent_start:
        return False
    if doc[k].lower_ in _CAMPS or doc[k].text in word_set("role_titles.json",
                                                         "faction_modifiers"):
        return True  # (also "the eastern commander Khalifa Haftar": a faction's post)
    return (k - 2 >= sent_start and doc[k - 1].text == "-"
            and f"{doc[k - 2].lower_}-{doc[k].lower_}" in _CAMPS)


#: Head nouns of a state's own bodies ("Parliament speaker", "Ministry spokesperson"): a post
#: in some state's body, not in a body of another name.
_STATE_BODY_WORDS = (word_set("collective_nouns.json", "state_body_heads")
                     | word_set("collective_nouns.json", "executive_body_heads")
                     | _ORGANIZATION_HEADS)


def _unknown_body_before(ctx: DocContext, t_start: int, sent_start: int) -> bool:
    """A proper name right before the title that no actor is ("Eurogroup President Paschal
    Donohoe"): the post is that unknown body's, so none is guessed for it."""
    k = t_start - 1
    if k < sent_start or any(ctx.doc[i].lower_ in ("minister", "secretary")
                             for i in range(t_start, min(t_start + 3, len(ctx.doc)))):
        return False  # "Water Minister X", "Natural Resources Minister X": a portfolio, in
        # some state's government
    tok = ctx.doc[k]
    return (tok.pos_ == "PROPN" and tok.is_title and tok.ent_type_ not in ("PERSON", "DATE")
            and ctx.actors.at(tok) is None and tok.lower_ not in _STATE_BODY_WORDS
            and tok.lower_ not in title_words())


#: Common nouns for a state's government as the owner of a post ("the junta's spokesman").
_GOVERNMENT_OWNERS = frozenset({"government", "administration", "regime", "junta", "cabinet"})
#: Possessors that stand for the state the text is about ("the country's president"), or
#: for the body a reference noun resolves to ("the bloc's chief"): their post is still guessed.
_STATE_LIKE_OWNERS = frozenset({
    "country", "nation", "state", "kingdom", "republic", "island", "islands", "archipelago",
    "federation", "emirate",
}) | _GOVERNMENT_OWNERS | frozenset(word_map("reference_nouns.json"))



def _state_word_owner(ctx: DocContext, t_start: int, sent_start: int) -> bool:
    """Whether the title's possessor is a word for a state's government that names no actor
    ("the junta's spokesman, Colonel Major Amadou Abdramane"): a post in that state, whose
    state is guessed (was: the article's main body, ECOWAS)."""
    k = t_start - 1
    return (k - 1 >= sent_start and ctx.doc[k].text in _POSS
            and ctx.doc[k - 1].lower_ in _GOVERNMENT_OWNERS
            and ctx.actors.at(ctx.doc[k - 1]) is None)


def _unknown_owner_before(ctx: DocContext, t_start: int, sent_start: int) -> bool:
    """A common noun owning the post right before the title, no actor and not a word for a
    state ("the court's prosecutor, Karim Khan", "the autonomous region whose governor,
    Evghenia Guțul"): the post is that unnamed body's, so none is guessed for it (was: the
    article's main body, the EU)."""
    k = t_start - 1
    if k < sent_start:
        return False
    tok = ctx.doc[k]
    owner = _whose_head(tok)
    if owner is None and tok.text in _POSS and k - 1 >= sent_start:
        owner = ctx.doc[k - 1]
    return (owner is not None and owner.pos_ == "NOUN" and ctx.actors.at(owner) is None
            and owner.lower_ not in _STATE_LIKE_OWNERS)


def _coordinated_post(ctx: DocContext, found: set[RoleFact], and_i: int,
                      sent_start: int) -> ActorSpan | None:
    """ "Japanese Foreign Minister Yoko Kamikawa and Defence Minister Minoru Kihara": the
    second title shares the state the first one names right before it in this sentence (not
    "Prime Minister Narendra Modi and President Xi Jinping", where nothing is shared)."""
    prev = ctx.actors.at(ctx.doc[and_i - 1]) if and_i > 0 else None
    if prev is None or prev.cls != EntityClass.PERSON:
        return None
    body = next((r.of for r in found if r.person == prev.key and r.of), None)
    named = [s for s in ctx.actors.spans
             if s.key == body and sent_start <= s.start and s.end <= prev.start]
    if not named:
        return None
    return ActorSpan(and_i + 1, and_i + 1, named[-1].key, named[-1].cls, named[-1].label)


def _joint_titles_owner(ctx: DocContext, and_i: int, sent_start: int,
                        titles: dict[str, str]) -> ActorSpan | None:
    """The body named before the first of two titles one person holds: "Pakistan's Deputy
    Prime Minister and Foreign Minister Ishaq Dar" (``and_i``: the "and" between them)."""
    first = title_ending_at(ctx.doc, and_i, sent_start, titles)
    return _actor_before(ctx, first[1], sent_start) if first is not None else None


def acts_for(ctx: DocContext, person: str, roles: list[RoleFact]) -> str | None:
    """The body a person speaks and acts for: the post this article names (a spokesperson
    speaks for the ministry), else, for a registry person with a state post ("President",
    "Foreign Minister") or a post in their own country, that country.

    Why one function: statements are made on behalf of it and partnerships a person forges
    are its ("Xi Jinping and Vladimir Putin declared a partnership": China and Russia).
    """
    # A professor at a university speaks for herself, not for the university; a former
    # prime minister for no state.
    mine = [r for r in roles if r.person == person and r.of and not r.former
            and r.role.lower() not in _AFFILIATIONS]
    if mine:
        return mine[0].of
    speaks = word_set("role_titles.json", "speaks_for_state")
    actor = ctx.registry.actors.get(person)
    if actor is None:
        return None
    # A post held now outranks past ones: Baron Waqa, once Nauru's president, speaks for the
    # Pacific Islands Forum he now leads. "Now" is the article's date: Kaja Kallas wrote as
    # Estonia's prime minister in 2022, not as the EU's foreign-policy chief she became.
    now = [p for p in actor.positions if p.of and held_then(p, ctx.published)]
    bodies = {p.of for p in now if p.of != actor.country
              and (body := ctx.registry.actors.get(p.of)) is not None
              and body.cls != EntityClass.STATE and body.country != actor.country}
    if len(now) == 1 and len(bodies) == 1:
        return bodies.pop()
    if not actor.country:
        return None
    if any(p.title.lower() in speaks or p.of == actor.country for p in now or actor.positions):
        return actor.country
    return None


#: Words before a title that put the post in the past ("former President", "then-President").
_PAST_TENURE = frozenset({"former", "then", "ex", "late"})
#: Words before a post that say its holder holds it no longer: the past tenures and those
#: removed from it ("ousted President Mohamed Bazoum", "deposed leader").
_FORMER_WORDS = _PAST_TENURE | {"ousted", "deposed", "toppled", "overthrown"}
#: Adverbs before an apposed post that put it in the past ("X, then foreign minister,").
_PAST_ADVERBS = frozenset({"then", "formerly", "previously"})


def _past_before(ctx: DocContext, t_start: int, sent_start: int) -> bool:
    """Whether the words right before a title put its post in the past: "former President
    X", "then-Chancellor X", "the late president X", "Former Thai prime minister X", "then
    US Defense Secretary X" (a demonym or state between). Not a "then" of sequence ("met
    Lavrov and then President Putin", a title in capitals) nor one of an earlier phrase
    ("Since then, Prime Minister X")."""
    doc, k = ctx.doc, t_start - 1
    if k > sent_start and doc[k].text == "-":
        return doc[k - 1].lower_ in _FORMER_WORDS  # "then-President", "ex-president"
    if k >= sent_start and (owner := ctx.actors.at(doc[k])) is not None and (
            owner.cls == EntityClass.STATE):
        k = owner.start - 1
    while k > sent_start and doc[k].lower_ in _TENURE and doc[k].lower_ != "then":
        k -= 1  # "former interim president Jeanine Áñez"
    if k < sent_start or doc[k].lower_ not in _FORMER_WORDS:
        return False
    return not (doc[k].lower_ == "then" and k > sent_start
                and doc[k - 1].lower_ in ("and", ",", "but", "since", "until")
                and not doc[t_start].is_lower)  # ("by Teodoro and then foreign secretary
    # Enrique Manalo": a title set before a name in lower case is the "then"'s)


#: Posts named after their portfolio with no body ("the energy commissioner"): a
#: commission's members, never a state's ministers (those have titles of their own).
_PORTFOLIO_POSTS = frozenset({"commissioner", "commissioners"})
#: Words before such a post that make it another one ("an assistant commissioner" of police).
_RANK_MODIFIERS = frozenset({"assistant", "deputy", "police", "chief", "acting", "former",
                             "senior", "junior", "district", "county", "regional"})

#: Verbs of a relative clause that gives a post ("X, who is/serves as/became Qatar's …").
_POST_VERBS = frozenset({"be", "serve", "become", "remain"})


def _closing_relative_post(doc: Doc, i: int, end: int) -> int | None:
    """Where the post starts in an apposition that describes someone first and gives the post
    in a present-tense "who" clause ("a former Finnish diplomat who is now a researcher at
    …"), within six words and before any punctuation; else None."""
    for k in range(i, min(i + 6, end)):
        if doc[k].is_punct:
            return None
        if doc[k].lower_ == "who" and (
                (verb := _past_adverbs(doc, k + 1, end)) < end
                and doc[verb].tag_ in ("VBZ", "VBP")):
            j = _relative_post_start(doc, k, end)
            if j == k:
                return None
            return j + (j + 1 < end and doc[j].lower_ in ("the", "a", "an"))
    return None


def _relative_post_start(doc: Doc, i: int, end: int) -> int:
    """Where the post starts in "<name>, who serves as both Qatar's prime minister …" (past
    "who", the verb, "as" and "both"), else ``i`` itself."""
    if doc[i].lower_ != "who":
        return i
    j = _past_adverbs(doc, i + 1, end)
    if j >= end or doc[j].lemma_.lower() not in _POST_VERBS:
        return i
    j = _past_adverbs(doc, j + 1, end)  # "Marles, who is also deputy prime minister,"
    for word in ("as", "both"):
        if j < end and doc[j].lower_ == word:
            j += 1
    return j if j < end else i


#: Verbs that put someone in a post named after "as" ("appointed X as ambassador").
_APPOINTING = frozenset({"appoint", "reappoint", "name", "elect", "re-elect", "reelect",
                         "choose", "select", "nominate", "confirm", "install", "designate",
                         "swear"})
#: Verbs that take someone out of a post named after "as" ("removed Qin Gang as foreign
#: minister", "was dismissed as defence minister"): a post the person held, not holds.
_REMOVING = frozenset({"remove", "dismiss", "sack", "fire", "oust", "depose", "replace"})
#: Verbs by which the subject leaves a post named after "as" ("stepped down as deputy prime
#: minister", "resigned as foreign minister").
_LEAVING = frozenset({"resign", "quit", "retire", "step"})


def _left_post(verb: Token, root: Token) -> bool:
    """Whether ``verb``, of which ``root`` is the object or subject, takes its person out of
    the post it names: a removing verb's object ("removed X as …", "X was replaced as …"),
    or a leaving verb's subject ("X resigned as …", "X stepped down as …")."""
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall")
                                for c in verb.children):
        return False  # "Y will replace Zas as secretary general from January": he holds it
    if root.dep_ in ("dobj", "nsubjpass"):
        return lemma in _REMOVING
    if root.dep_ == "nsubj" and verb.lemma_ == "be" and verb.tag_ == "VBD":
        return any(c.dep_ == "attr" for c in verb.children)  # "X was prime minister until
        # 2020": a post held then
    return root.dep_ == "nsubj" and lemma in _LEAVING and (lemma != "step" or any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("down", "aside") for c in verb.children))
    # ("stepped in as acting president" takes the post up)


def _resigned(ctx: DocContext, span: ActorSpan) -> bool:
    """Whether the person named after a title is the subject of a leaving verb with no other
    post named after it: "Home Minister Ramesh Lekhak resigned", "Prime Minister X stepped
    down on Friday" (the post named before the name is the one left; not "X resigned as
    party chief", nor "did not resign")."""
    root = ctx.doc[span.start : span.end].root
    verb = root.head
    return (root.dep_ == "nsubj" and verb.lemma_.lower() in _LEAVING
            and _left_post(verb, root) and not is_negated(verb)
            and not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children))


#: Words between "as" and the post's title ("as its new secretary-general").
_APPOINTED_LEADS = frozenset({"the", "a", "an", "its", "their", "his", "her", "new",
                              # "as Namibia's first woman president"
                              "woman", "female", "youngest", "oldest"}) | _TENURE


def _appointed_post(ctx: DocContext, span: ActorSpan, sent: Span,
                    titles: dict[str, str]) -> tuple[str, ActorSpan | None, int] | None:
    """ "The OSCE named Feridun Sinirlioğlu as secretary-general", "Kofi Mensah was elected
    as president of Ghana", "appointed X as its envoy": the post after "as", its body named
    after it ("of Ghana"), by a possessive before it, or by the appointing body itself.

    Returns (title, body or None, index of the last word read)."""
    doc = ctx.doc
    root = doc[span.start: span.end].root
    verb = root.head
    if root.dep_ == "compound" and verb.dep_ == "oprd" and verb.i == span.end:
        # "named Ronald Lamola minister of …", parsed with the name compounded to the post
        root, verb = verb, verb.head
    if root.dep_ not in ("dobj", "nsubjpass", "oprd") or (
            verb.lemma_.lower() not in _APPOINTING | _REMOVING):
        return None
    if verb.pos_ != "VERB" or is_negated(verb):
        return None
    prep = next((c for c in (*verb.children, *root.children)
                 if c.dep_ == "prep" and c.lower_ == "as" and c.i > span.start), None)
    # "Doreen Bogdan-Martin was elected secretary-general of the ITU", "named X minister of
    # …": the post is the verb's predicate, with no "as"
    named = next((c for c in verb.children if c.dep_ == "oprd" and c.i >= span.end), None)
    if prep is None and (named is None or verb.lemma_.lower() in _REMOVING):
        return None
    post = (_post_after_as(ctx, prep, sent, titles) if prep is not None
            else _post_at(ctx, max(named.left_edge.i, span.end), sent, titles))
    if post is None or post[1] is not None:
        return post
    title, _, last = post
    t_end = last + 1
    if (root.dep_ == "dobj" and title.lower() not in _titles()[1]
            and not (t_end < sent.end and doc[t_end].lower_ == "of")):
        # "The OSCE named X as secretary-general": the appointer's own post (not "a
        # UN-facilitated forum chose X as prime minister of …": a state's post, its body named)
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        appointer = [a for c in subjects for a in [ctx.actors.at(c)]
                     if a is not None and a.cls in GROUP_CLASSES]
        if len(appointer) == 1:
            return title, appointer[0], last
    return post


#: Verbs by which the subject takes a post "as" ("who replaced Biruta as foreign minister").
_SUCCEEDING = frozenset({"replace", "succeed", "arrive", "return", "start", "begin"})
#: (also the verbs of taking up a post in a place: "Xie Feng, who arrived in Washington as
#: China's new ambassador on May 23", "returned to Kabul as head of the mission")


def _taken_over(verb: Token) -> bool:
    """Whether a verb is "take over" ("who took over as …", "took over the chairmanship")."""
    return verb.lemma_.lower() == "take" and any(c.dep_ == "prt" and c.lower_ == "over"
                                                 for c in verb.children)


def _verbs_of(ctx: DocContext, person: ActorSpan) -> list[Token]:
    """The verbs a person is the subject of: a relative clause's after the name ("X, who
    replaced Y as …"), then the verb the name is the subject of ("X succeeded Y as …")."""
    root = ctx.doc[person.start: person.end].root
    verbs = [c for c in root.children if c.dep_ == "relcl"
             and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children)]
    if root.dep_ == "nsubj":
        verbs.append(root.head)
    return verbs


def _succeeding_post(ctx: DocContext, span: ActorSpan, sent: Span,
                     titles: dict[str, str]) -> tuple[str, ActorSpan | None, int] | None:
    """ "Olivier Nduhungirehe, who replaced Biruta as Rwanda's foreign minister in June,", "X
    succeeded Y as prime minister": the post after "as" of a replacing verb whose subject is
    the person (or "who" after the name)."""
    for verb in _verbs_of(ctx, span):
        if (verb.lemma_.lower() == "become" or (
                verb.lemma_ == "be" and not any(c.dep_ == "aux" for c in verb.children))
                ) and not is_negated(verb):
            # "Lars Klingbeil becomes vice-chancellor and finance minister", "X is Japan's
            # foreign minister" (not "would be", "has been")
            attr = next((c for c in verb.children if c.dep_ == "attr"), None)
            if attr is not None and attr.i > span.end and not any(
                    c.dep_ in ("acl", "relcl") for c in attr.children):
                # (not "became the first premier … to be removed", a distinction)
                return _post_at(ctx, attr.left_edge.i, sent, titles)
        if is_negated(verb):
            continue
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if prep is not None and (verb.lemma_.lower() in _SUCCEEDING | _LEAVING
                                 or _taken_over(verb)):
            # ("who took over as India's permanent representative": took the post)
            return _post_after_as(ctx, prep, sent, titles)
        # "held her first Cabinet meeting as Samoa's prime minister": or hung on the object
        prep = prep or next((p for o in verb.children if o.dep_ == "dobj"
                             for p in o.children if p.dep_ == "prep" and p.lower_ == "as"), None)
        if prep is None:
            continue
        post = _post_after_as(ctx, prep, sent, titles)
        if post is not None and post[1] is not None and not (
                verb.lemma_.lower() in _APPOINTING | _REMOVING or any(
                    o.cls == EntityClass.PERSON for c in verb.children
                    if c.dep_ in ("dobj", "dative") for o in ctx.actors.in_subtree(c))):
            # "Fiame held her first Cabinet meeting as Samoa's prime minister": any act of
            # the subject's "as" a post whose holder is named (not "named X as …", "praised
            # X as …", "attended the inauguration of X as …": the object's)
            return post
    return None


def _post_after_as(ctx: DocContext, prep: Token, sent: Span,
                   titles: dict[str, str]) -> tuple[str, ActorSpan | None, int] | None:
    """(title, body or None, last index) of the post an "as" phrase names: "as
    secretary-general", "as Japan's ambassador", "as president of Ghana", "as its envoy"."""
    return _post_at(ctx, prep.i + 1, sent, titles)


def _post_at(ctx: DocContext, i: int, sent: Span,
             titles: dict[str, str]) -> tuple[str, ActorSpan | None, int] | None:
    """(title, body or None, last index) of the post named from token ``i`` on (see
    :func:`_post_after_as`)."""
    doc = ctx.doc
    owner: ActorSpan | None = None
    while i < sent.end and doc[i].lower_ in _APPOINTED_LEADS:
        if doc[i].lower_ == "its":  # "as its envoy": the body "its" refers to
            owner = ctx.actors.pronoun(doc[i])
        i += 1
    if i < sent.end and owner is None and (poss := ctx.actors.at(doc[i])) is not None and (
            poss.end < sent.end and doc[poss.end].text in _POSS):
        owner, i = poss, poss.end + 1  # "as Japan's ambassador"
        while i < sent.end and (doc[i].lower_ in _APPOINTED_LEADS
                                or doc[i].ent_type_ == "ORDINAL"):
            i += 1  # "as China's new ambassador", "as Indonesia's eighth president"
    hit = title_starting_at(doc, i, sent.end, titles)
    if hit is None:
        return None
    title, t_end = hit
    last = t_end - 1
    body = _body_after(ctx, t_end, sent.end) if t_end + 1 < sent.end and doc[t_end].lower_ in (
        "of", "for", "at", "to") else None
    if body is not None and body.cls not in _NOT_BODIES:
        return title, body, body.end - 1
    if owner is not None and owner.cls not in _NOT_BODIES:
        return title, owner, last
    return title, None, last


#: Verbs of a relative clause after a name that give the post they name ("X, who heads …").
_HEADING_VERBS = {"head": "Head", "lead": "Leader", "chair": "Chair", "run": "Head"}


def _listed_under_plural_post(ctx: DocContext, span: ActorSpan, sent: Span,
                              titles: dict[str, str]) -> tuple[str, ActorSpan, int] | None:
    """(title, state, last token) for a person listed with "of <state>" in apposition to a
    plural post ("the foreign ministers, A of X, B of Y and C of Z"): each holds that post
    in their own state."""
    doc = ctx.doc
    k = span.end + 1 + (1 if span.end + 1 < sent.end and doc[span.end + 1].lower_ == "the"
                        else 0)
    if span.end + 1 >= sent.end or doc[span.end].lower_ != "of" or k >= sent.end:
        return None
    state = ctx.actors.at(doc[k])
    if state is None or state.cls != EntityClass.STATE:
        return None
    node = doc[span.start:span.end].root
    for _ in range(6):  # up the list (conjuncts, or names set beside names) to its apposition
        up = ctx.actors.at(node.head)
        if node.dep_ != "conj" and not (node.dep_ == "appos" and up is not None
                                        and up.cls == EntityClass.PERSON):
            break
        node = node.head
    plural = node.head
    if node.dep_ != "appos" or plural.tag_ != "NNS" or plural.i >= span.start:
        return None
    words = [t.lower_ for t in plural.lefts if t.dep_ in ("compound", "amod")
             and t.i == plural.i - 1]
    for phrase in (" ".join([*words, plural.lemma_.lower()]), plural.lemma_.lower()):
        if phrase in titles:
            return titles[phrase], state, state.end - 1
    return None


def _headed_body(ctx: DocContext, i: int, end: int) -> tuple[str, ActorSpan] | None:
    """ "Kamchybek Tashiev, who heads Kyrgyzstan's State Committee for National Security,":
    the post (Head) and the body the relative clause's verb has for its object.

    Why only the present ("heads", "has led"): "who led the party in the 1990s" names a post
    someone else may hold now; and only a body, not "who leads the delegation"."""
    doc = ctx.doc
    if i + 3 >= end or doc[i].text not in (",", "–", "—") or doc[i + 1].lower_ != "who":
        return None  # (a dash sets the clause off as a comma does)
    j = _past_adverbs(doc, i + 2, end)
    if j < end and doc[j].lemma_.lower() == "have" and doc[j].tag_ in ("VBZ", "VBP"):
        j += 1  # "who has led the bloc since 2019"
        perfect = True
    else:
        perfect = False
    if j >= end:
        return None
    verb = doc[j]
    title = _HEADING_VERBS.get(verb.lemma_.lower())
    if title is None or verb.tag_ != ("VBN" if perfect else "VBZ"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    body = ctx.actors.at(obj) if obj is not None else None
    if body is None or body.cls in _NOT_BODIES:
        return None
    return title, body


def _body_headed_as_subject(ctx: DocContext, person: ActorSpan
                            ) -> tuple[str, ActorSpan] | None:
    """ "Tedros Adhanom Ghebreyesus of Ethiopia heads the World Health Organization": the post
    (Head, Leader, Chair) of the body a present "heads"/"leads"/"chairs" has for its object
    when the person is its subject (as in :func:`_headed_body`, not the past)."""
    root = ctx.doc[person.start: person.end].root
    verb = root.head
    if root.dep_ != "nsubj" or verb.i < person.end:
        return None
    title = _HEADING_VERBS.get(verb.lemma_.lower())
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP")
                                         and c.lemma_ == "have" for c in verb.children)
    if title is None or not (verb.tag_ in ("VBZ", "VBP") or perfect) or is_negated(verb):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    body = ctx.actors.at(obj) if obj is not None else None
    if body is None or body.cls in (*_NOT_BODIES, EntityClass.STATE):
        return None
    return title, body


#: Nouns of a body's rotating top post, held or taken over ("holds the rotating presidency of
#: the G20", "took over the AU's rotating chairmanship"), and the post they give.
_CHAIR_NOUNS = {"presidency": "President", "chairmanship": "Chair", "chairpersonship": "Chair",
                "chair": "Chair"}
#: Verbs by which a person holds or takes such a post.
_CHAIR_VERBS = frozenset({"hold", "assume", "take", "inherit"})


def _chair_held(ctx: DocContext, person: ActorSpan) -> tuple[str, ActorSpan] | None:
    """ "India's Narendra Modi holds the rotating presidency of the G20", "Macky Sall, who
    took over the AU's rotating chairmanship": the post the presidency or chairmanship of a
    body gives its holder (the person the subject, or "who" after the name)."""
    for verb in _verbs_of(ctx, person):
        if verb.lemma_.lower() not in _CHAIR_VERBS or is_negated(verb):
            continue
        if verb.lemma_.lower() == "take" and not _taken_over(verb):
            continue  # "took the chair" of a meeting is no post; "took over" a body's is
        for obj in (c for c in verb.children if c.dep_ == "dobj"
                    and c.lemma_.lower() in _CHAIR_NOUNS):
            bodies = [a for a in (*prep_actors(ctx, obj, ("of",)),
                                  *(ctx.actors.at(c) for c in obj.children if c.dep_ == "poss"))
                      if a is not None and a.cls not in (*_NOT_BODIES, EntityClass.STATE)]
            if bodies:
                return _CHAIR_NOUNS[obj.lemma_.lower()], bodies[0]
    return None


def _held_or_headed(ctx: DocContext, person: ActorSpan) -> tuple[str, ActorSpan] | None:
    """The post a person's own verb gives: heading a body or holding its chair."""
    return _body_headed_as_subject(ctx, person) or _chair_held(ctx, person)


def _body_headed_by(ctx: DocContext, person: ActorSpan) -> tuple[str, ActorSpan] | None:
    """ "the refugee agency UNHCR, headed by Filippo Grandi", "MIT, which is led by İbrahim
    Kalın": the post (Head) of the body a passive "headed"/"led" has the untitled person for
    its agent. Why not a state ("Iran, led by …") or what no actor names ("a delegation led
    by …"): a state's leader has a title of his own, and a delegation is no body."""
    led = _led_by(ctx, person)
    if led is None:
        return None
    verb, subjects = led
    title = _HEADING_VERBS.get(verb.lemma_.lower())
    if title is None or verb.tag_ != "VBN":
        return None
    if verb.dep_ == "relcl" and all(c.lower_ in ("which", "that") for c in subjects):
        subjects = [verb.head]  # "the bank, which is now led by Ajay Banga": the head noun
    if len(subjects) == 1 and subjects[0].conjuncts:
        # "UNHCR and the International Organization for Migration, headed by António
        # Vitorino": the body named last before the participle
        subjects = [max((t for t in (subjects[0], *subjects[0].conjuncts) if t.i < verb.i),
                        key=lambda t: t.i, default=subjects[0])]
    if len(subjects) == 1 and (ministry := _state_ministry(ctx, subjects[0])) is not None:
        return ministry  # "Uganda's foreign ministry, led by Gen Jeje Odongo"
    if any(t.lemma_.lower() in _LED_GROUPS and (
            ctx.actors.at(t) is None or t.lemma_.lower() in _PASSING_GROUPS) for t in subjects):
        return None  # "The European Union's observation mission, led by …": the mission's
        # (not "The ECOWAS Commission, headed by …", a body named; but "the US delegation"
        # is none, named or not)
    bodies = [b for t in subjects if (b := ctx.actors.at(t)) is not None]
    if len(bodies) != 1 or bodies[0].cls in (*_NOT_BODIES, EntityClass.STATE):
        return None
    return title, bodies[0]


def _state_ministry(ctx: DocContext, noun: Token) -> tuple[str, ActorSpan] | None:
    """The minister's post and state of "<state>'s <portfolio> ministry" ("Uganda's foreign
    ministry", "the Indian defence ministry"): who heads a ministry is its minister."""
    if noun.lemma_.lower() != "ministry" or ctx.actors.at(noun) is not None:
        return None
    titles = _titles()[0]
    portfolio = next((titles[f"{c.lower_} minister"] for c in noun.children
                      if c.dep_ in ("amod", "compound") and f"{c.lower_} minister" in titles),
                     None)
    states = [a for c in noun.children if c.dep_ in ("poss", "amod", "compound")
              and (a := ctx.actors.at(c)) is not None and a.cls == EntityClass.STATE]
    if portfolio is None or len(states) != 1:
        return None
    return portfolio, states[0]


#: Groups that exist for one occasion: no body, even when the text names them as one.
_PASSING_GROUPS = frozenset({"delegation", "mission", "team", "convoy", "contingent",
                             "operation"})
#: Groups a person leads that are no bodies of their own (a body's or a state's mission).
_LED_GROUPS = frozenset({"delegation", "mission", "team", "convoy", "panel", "contingent",
                         "group", "committee", "commission", "operation"})


#: Adverbs that date a post set after a name ("X, then the foreign minister,"): still a post.
_TIME_ADVERBS = frozenset({"then", "now", "currently", "formerly", "previously", "later"})
#: Adverbs a relative clause's verb may follow ("who is also …", "who still heads …").
_CLAUSE_ADVERBS = _TIME_ADVERBS | {"also", "still"}


def _title_before_complement(ctx: DocContext, named: int, sent_start: int,
                             titles: dict[str, str]) -> tuple[str, int] | None:
    """The title whose "to"/"for" phrase stands between it and the name: "US Ambassador to
    Japan Rahm Emanuel", "UN Special Envoy for Syria Geir Pedersen" (the phrase's actor is
    where the post is aimed, not whose it is)."""
    doc = ctx.doc
    aimed = ctx.actors.at(doc[named - 1]) if named - 1 > sent_start else None
    if aimed is None or aimed.cls == EntityClass.PERSON:
        return None
    j = aimed.start - (aimed.start > sent_start and doc[aimed.start - 1].lower_ == "the")
    if j - 1 <= sent_start or doc[j - 1].lower_ not in ("to", "for"):
        return None
    return title_ending_at(doc, j - 1, sent_start, titles)


def _past_adverbs(doc: Doc, j: int, end: int) -> int:
    """Index of the first word from ``j`` on that is no clause adverb (see above)."""
    while j < end and doc[j].lower_ in _CLAUSE_ADVERBS:
        j += 1
    return j


def role_facts(ctx: DocContext) -> list[RoleFact]:
    """Role facts for every person mention with an adjacent title."""
    titles, state_titles = _titles()
    prefixes = word_set("role_titles.json", "name_prefixes")
    doc = ctx.doc
    # Registry bodies only: a word the NER took for a body ("a Sikh activist") is no article's
    # main organisation, however often it recurs.
    counts = Counter(s.key for s in ctx.actors.spans
                     if s.cls in GROUP_CLASSES and s.key in ctx.registry.actors)
    main_group = (
        counts.most_common(1)[0][0] if counts and counts.most_common(1)[0][1] >= 3 else None
    )
    main_state = _dominant_state(ctx)
    out: set[RoleFact] = set()
    described: set[RoleFact] = set()
    posts = _held_posts(ctx)
    for span in ctx.actors.spans:
        if span.cls == EntityClass.PERSON and span.kind == "reference":
            post = _described_post(ctx, span, titles, state_titles)
            if post is not None:
                described.add(post)
            continue
        if span.cls != EntityClass.PERSON or span.kind not in ("name", "abbreviation"):
            continue
        sent = ctx.sents.sent(doc[span.start])
        named = span.start  # "Kuwait's foreign minister, Sheikh Ahmad Nasser": past "Sheikh"
        while named - 1 > sent.start and doc[named - 1].lower_ in prefixes:
            named -= 1
        # "Supreme Leader Ayatollah Ali Khamenei": the title before the name's prefix (a
        # title the prefix ends, "Crown Prince", first)
        # (at each prefix: "Emir Sheikh Tamim" has the title "Emir", itself a prefix, first)
        found = next((t for k in range(span.start, named - 1, -1)
                      if (t := title_ending_at(doc, k, sent.start, titles)) is not None), None)
        if found is None and (inner := title_starting_at(doc, span.start, span.end, titles)) and (
                inner[1] < span.end) and not span.label.lower().startswith(
                    doc[span.start : inner[1]].text.lower()):
            # "King Salman", a registry alias with its title, of "Salman bin Abdulaziz Al
            # Saud" (not "Sultan al-Jaber", whose name begins with a monarch's title)
            found = (inner[0], span.start)
        if found is not None and found[0].lower() in _AFFILIATIONS:
            outer = title_ending_at(doc, found[1], sent.start, titles)
            if outer is not None and outer[0].lower() not in _AFFILIATIONS:
                found = outer  # "Chief Adviser Professor Muhammad Yunus": the post, not the
                # academic title between it and the name
        if found is not None and found[0].lower() in _RANKS:
            end = found[1] - (found[1] - 1 > sent.start and doc[found[1] - 1].text == ",")
            outer = title_ending_at(doc, end, sent.start, titles) if end > sent.start else None
            if outer is not None and outer[0].lower() not in _RANKS:
                found = outer  # "Pakistan's army chief, General Asim Munir", "Army chief
                # General X": the post, not the rank between it and the name
        served: ActorSpan | None = None  # the body after "for" ("a spokesperson for …")
        if found is None:
            found = _title_before_complement(ctx, named, sent.start, titles)
        if found is None and named > sent.start and doc[named - 1].text == ",":
            # "Greenland's premier, Mute Egede, said": the name in apposition to the title;
            # "China's ambassador to the EU, Cai Run,": the same past the post's "to" phrase
            end = named - 1
            if end - 3 > sent.start and [t.lower_ for t in doc[end - 3 : end]] in (
                    ["at", "the", "time"], ["at", "that", "time"]):
                end -= 3  # "Rwanda's foreign minister at the time, Vincent Biruta,"
            posted = ctx.actors.at(doc[end - 1]) if end > sent.start else None
            j = posted.start if posted is not None else 0
            if posted is None and end - 1 > sent.start and doc[end - 1].dep_ == "pobj":
                # "for China's foreign ministry": a body no actor names, owned by one
                j = doc[end - 1].left_edge.i
                posted = ctx.actors.of_phrase(doc[end - 1])
            if posted is not None:
                j -= 1 if doc[j - 1].lower_ == "the" else 0
                if (j > sent.start and doc[j - 1].lower_ in ("to", "in", "at", "for", "of")
                        and title_ending_at(doc, j - 1, sent.start, titles) is not None):
                    # (not "he had spoken to Iran's foreign minister, X": the verb's "to")
                    end = j - 1  # "Russia's envoy in Vienna, Mikhail Ulyanov,"
                    if (doc[j - 1].lower_ in ("for", "of") and posted.cls not in _NOT_BODIES
                            and not _portfolio_after_for(ctx, posted, j)):
                        served = posted  # "a spokesperson for China's foreign ministry, Mao
                        # Ning", "The President of France, Emmanuel Macron,"
            found = title_ending_at(doc, end, sent.start, titles)
            if found is not None and _fronted_phrase(doc[end - 1], doc[span.start: span.end]):
                found = None  # "In his meeting with the premier, Kishida pressed": not his
            if found is not None:
                k = min(found[1], posted.start if posted is not None else found[1])
                owner = (ctx.actors.at(doc[k - 2]) if k - 2 >= sent.start
                         and doc[k - 1].text in _POSS else None)
                k = owner.start if owner is not None else k  # past "Angola's"
                k -= 1 if k > sent.start and doc[k - 1].lower_ == "the" else 0
                before = ctx.actors.at(doc[k - 2]) if k - 2 >= sent.start else None
                if (doc[k - 1].text == "," and before is not None
                        and before.cls == EntityClass.PERSON):
                    found = None  # "sat João Lourenço, Angola's president, Félix Tshisekedi":
                    # the post set after one name in a list is that name's
        of: ActorSpan | None = None
        first, last = span.start, span.end - 1
        explicit = False  # the post's body is named after it, whether or not it is an actor
        past = False  # "former President Win Myint": a post someone else may hold now
        governmental = False  # "Government spokesperson X": a post in a state's government
        camp = False  # "leftist leader Rafael Correa": a party's post, no body to guess
        unknown_body = False  # "Eurogroup President X": a body no actor names, none to guess
        national = False  # "its German chief executive": a nationality, the owner unknown
        if found and found[0].lower() in _RANKS and _apposed_post(ctx, span, sent, titles):
            found = None  # "General Asim Munir, the chief of army staff,": the post, not the
            # rank, which names no body
        elif found and found[0].lower() in _RANKS and (
                head := _post_apposed_to(ctx, span, found[1], titles)) is not None:
            found = (titles[head.lower_], head.i)  # "Its commander, Italian Major General
            # X,": the post the name is set beside, not the rank
        counterpart = None if found else _counterpart_post(ctx, out, span, sent.start, named)
        inherited = counterpart or (
            None if found else _predecessor_post(ctx, out, span, sent.start, named))
        if inherited is not None:
            title, of, first = inherited
            # "his predecessor, David Panuelo": a post held before (a successor's is to come,
            # and read as held: the text names it)
            past = counterpart is None and doc[first + 1].lemma_.lower() == "predecessor"
        elif found:
            title, t_start = found
            past = _past_before(ctx, t_start, sent.start) or _resigned(ctx, span)
            camp = _camp_before(doc, t_start, sent.start)
            unknown_body = (_unknown_body_before(ctx, t_start, sent.start)
                            or _unknown_owner_before(ctx, t_start, sent.start)
                            or _leads_unnamed_body(ctx, span))
            # "Government spokesperson X", "Presidential spokesman X", "the junta's
            # spokesman, X": the state's own post
            governmental = (t_start > sent.start
                            and doc[t_start - 1].lower_ in ("government", "presidential")
                            ) or _state_word_owner(ctx, t_start, sent.start) or any(
                                _executive_words(ctx, j, t_start)
                                for j in range(max(sent.start, t_start - 3), t_start))
            of = served or _actor_before(ctx, t_start, sent.start) or _counterpart_state(
                ctx, t_start, sent.start)
            of = of or _its_region(ctx, t_start, sent.start)
            if (of is not None and of.kind == "demonym" and of.start > sent.start
                    and doc[of.start - 1].lower_ in ("its", "their")
                    and title.lower() not in state_titles):
                # "Nord Stream 2 AG and its German chief executive, Matthias Warnig": his
                # nationality; the post is of what "its" refers to, often no actor of ours
                of, national, camp = None, True, True
            sender_word = None  # the pronoun that names the sending state, if one does
            if of is not None and of.cls in GROUP_CLASSES and title.lower() in _ENVOYS:
                # "Russia's U.N. ambassador": the state sends the envoy, the body hosts him
                k = of.start - 1
                sender, word = None, None
                if k > sent.start and doc[k].text in _POSS:
                    sender = ctx.actors.at(doc[k - 1])
                elif k >= sent.start and doc[k].lower_ == "its":
                    sender, word = ctx.actors.pronoun(doc[k]), k  # "Its UN ambassador, X,"
                if sender is not None and sender.cls == EntityClass.STATE:
                    of, sender_word = sender, word
            if (of is None and t_start > sent.start and doc[t_start - 1].lower_ == "and"
                    and _registry_of(ctx, span.key, title, state_titles) is None):
                of = (_coordinated_post(ctx, out, t_start - 1, sent.start)
                      or _joint_titles_owner(ctx, t_start - 1, sent.start, titles))
            first = sender_word if sender_word is not None else of.start if of else t_start
            if (of is None and span.end + 1 < sent.end and doc[span.end].lower_ == "of"
                    and _possessor_body(ctx, out, t_start, sent.start) is None
                    and not _unknown_owner_before(ctx, t_start, sent.start)):
                # "General Abdourahamane Tiani of Niger", "President Lula of Brazil"; not
                # "Its secretary general, Haitham al-Ghais of Kuwait" (OPEC's: his country),
                # nor "The assembly's president, Abdulla Shahid of the Maldives"
                explicit = True
                k = span.end + 1 + (doc[span.end + 1].lower_ == "the"
                                    and span.end + 2 < sent.end)  # "of the Cook Islands"
                after = ctx.actors.at(doc[k])
                if (after is not None and after.cls == EntityClass.STATE
                        and title.lower() in _SECRETARIAT_TITLES):
                    explicit = False  # "Secretary-General Tenzin Lekphell of Bhutan": his
                    # country; a state has no secretariat
                elif after is not None and after.cls not in _NOT_BODIES:
                    of, last = after, after.end - 1
        elif (span.end < sent.end and doc[span.end].text != ","  # (an apposition first)
              and (appointed := _appointed_post(ctx, span, sent, titles)) is not None):
            title, of, last = appointed  # "naming Feridun Sinirlioğlu as secretary-general"
            root = doc[span.start:span.end].root
            past = _left_post(root.head, root)  # "removed Qin Gang as foreign minister"
            # a body named after the post, even one no actor names ("as interim head of
            # state"), is no group's to guess
            explicit = of is not None or (last + 1 < sent.end and doc[last + 1].lower_ == "of")
        elif (succeeded := _succeeding_post(ctx, span, sent, titles)) is not None:
            title, of, last = succeeded  # "X, who replaced Biruta as Rwanda's foreign minister"
            past = any(_left_post(v, v_subject) for v in _verbs_of(ctx, span)
                       for v_subject in v.children if v_subject.dep_ == "nsubj")
            explicit = of is not None
        elif (listed := _listed_under_plural_post(ctx, span, sent, titles)) is not None:
            title, of, last = listed  # "the three defence ministers, Grant Shapps of the
            explicit = True  # United Kingdom, Minoru Kihara of Japan and …"
        elif (headed := _headed_body(ctx, span.end, sent.end)) is not None:
            title, of = headed  # "Kamchybek Tashiev, who heads Kyrgyzstan's State Committee …"
            last, explicit = of.end - 1, True
        elif (headed := _held_or_headed(ctx, span)) is not None:
            title, of = headed  # "Tedros … of Ethiopia heads the World Health Organization"
            last, explicit = of.end - 1, True
        elif (not _apposed_post(ctx, span, sent, titles)
              and (headed := _body_headed_by(ctx, span)) is not None):
            title, of = headed  # "Turkey's intelligence agency MIT, headed by İbrahim Kalın"
            first, explicit = min(of.start, span.start), True
        elif span.end + 1 < sent.end and doc[span.end].text == ",":
            i = _relative_post_start(doc, span.end + 1, sent.end)
            if doc[i].lower_ in _TIME_ADVERBS and i + 1 < sent.end:
                past = doc[i].lower_ in _PAST_ADVERBS
                i += 1  # "Naledi Pandor, then South Africa's foreign minister,": a past post
            if doc[i].lower_ in ("the", "a", "an"):
                i += 1
            if i + 2 < sent.end and doc[i].lower_ in _FORMER_WORDS:
                past = True  # "Tom Reed, a former prime minister of Canada,", "ex-president"
                i += 2 if doc[i + 1].text == "-" else 1
            while i + 1 < sent.end and doc[i].lower_ in _TENURE:
                past = past or doc[i].lower_ == "then"  # "the then prime minister of …"
                i += 1  # "Dorothy Shea, the acting U.S. ambassador to the United Nations,"
            owner, i = _past_owner(ctx, i, sent.end)
            if owner is not None and i + 2 < sent.end and doc[i].lower_ in _FORMER_WORDS:
                past = True  # "Sheikh Hasina, Bangladesh's former prime minister,"
                i += 2 if doc[i + 1].text == "-" else 1
            while (owner is not None and i + 1 < sent.end and doc[i].lower_ in _TENURE
                   and doc[i].lower_ not in ("first", "second")):  # ("first deputy …")
                i += 1  # "Teresa Ribera, Spain's acting minister for ecological transition,"
            if owner is None and doc[i].lower_ == "its" and i + 1 < sent.end:
                owner = ctx.actors.pronoun(doc[i])  # "Antti Lindtman, its leader, said"
                i += 1 if owner is not None else 0
            # a region's own post only when the region owns it ("its prime minister",
            # "Ontario's premier", "the governor of Nuevo León"; not "Secretary of State for
            # Scotland", a post of the state's government)
            region_owner = owner if owner is not None and _subnational(ctx, owner) else None
            hit = title_starting_at(doc, i, sent.end, titles)
            if hit is not None and (led := _leaders_state(ctx, out, i, sent.end, titles)) and (
                    led[1] + 1 < sent.end and doc[led[1]].text in _POSS
                    and (staff := title_starting_at(doc, led[1] + 1, sent.end, titles))
                    and _staff_post(staff[0])):
                # "Dmitry Peskov, President Vladimir Putin's spokesman,": the leader's staff
                hit, owner = staff, led[0]
            for k in range(i + 1, min(i + 3, sent.end)):
                # "Maria Zakharova, the foreign ministry spokesperson,": past a state body
                if hit is None and _executive_words(ctx, i, k):
                    # (also "the Vietnamese foreign ministry's spokesperson")
                    at = k + 1 if k + 1 < sent.end and doc[k].text in _POSS else k
                    hit = title_starting_at(doc, at, sent.end, titles)
                    governmental = hit is not None
            field = i
            state_owned = owner is not None and owner.cls == EntityClass.STATE
            if (hit is None and state_owned and (body := ctx.actors.at(doc[i])) is not None
                    and body.cls in GROUP_CLASSES and body.start == i):
                # "Vassily Nebenzia, Russia's UN envoy,": the state sends the envoy to the body
                sent_to = title_starting_at(doc, body.end, sent.end, titles)
                hit = sent_to if sent_to is not None and sent_to[0].lower() in _ENVOYS else None
            while (hit is None and owner is not None
                   and (owner.cls in GROUP_CLASSES or state_owned)
                   and field - i < (4 if state_owned else 2) and field + 1 < sent.end
                   and doc[field].is_lower and ctx.actors.at(doc[field]) is None
                   and not (state_owned and doc[field].lower_ in _RANK_MODIFIERS | _PAST_TENURE)
                   and (doc[field].pos_ in ("NOUN", "ADJ")
                        or (state_owned and doc[field].lower_ == "and" and field > i))):
                # "Marta Kos, the EU's enlargement commissioner,", "the EU home affairs
                # commissioner": past the post's field (one or two words); a state's
                # portfolio may be longer ("Turkey's energy and natural resources minister",
                # "Guatemala's human rights ombudsman")
                field += 1
                hit = title_starting_at(doc, field, sent.end, titles)
            if (hit is None and owner is None and i + 1 < sent.end
                    and doc[i].pos_ in ("NOUN", "ADJ") and ctx.actors.at(doc[i]) is None
                    and (doc[i].is_lower or doc[i].lower_ == "european")
                    and doc[i].lower_ not in _RANK_MODIFIERS
                    and doc[i + 1].lower_ in _PORTFOLIO_POSTS):
                # "Dan Jørgensen, the energy commissioner,", "Ylva Johansson, the European
                # commissioner for home affairs,": a commission's post, its body guessed
                hit = title_starting_at(doc, i + 1, sent.end, titles)
            if hit is None and owner is None:
                hit = (_fielded_affiliation(ctx, i, sent.end, titles)
                       or _portfolio_minister(ctx, i, sent.end, titles))
            if hit is None and (k := _closing_relative_post(doc, i, sent.end)) is not None:
                # "Kaisa Lindroos, a former Finnish diplomat who is now a researcher at …":
                # the post of the relative clause that closes the apposition, held now (the
                # description's state is not the post's)
                hit = title_starting_at(doc, k, sent.end, titles)
                if hit is not None:
                    past, owner, region_owner = False, None, None
            if hit is None or (hit[1] < sent.end and doc[hit[1]].text in _POSS):
                continue  # "Jared Kushner, the president's son-in-law": not the president
            title, t_end = hit
            if t_end + 1 < sent.end and doc[t_end].lower_ == "and" and (
                    also := title_starting_at(doc, t_end + 1, sent.end, titles)) is not None and (
                    also[1] < sent.end and doc[also[1]].lower_ in ("of", "for", "at")):
                t_end = also[1]  # "president and chief executive of the Canola Council": both
                # posts are the body's
            if (owner is not None and owner.cls == EntityClass.ORGANIZATION
                    and owner.key not in ctx.registry.actors
                    and all(t.is_lower for t in doc[owner.end:t_end])
                    and (owner.label.endswith(" Party") or owner.label.lower() in _CAMPS
                         or (owner.label.isupper() and len(owner.label) <= 4))
                    and (title.lower().endswith("minister")
                         or (t_end < sent.end and doc[t_end].lower_ == "of"))):
                # "Boris Pistorius, the SPD defence minister,", "the Pirate Party mayor of
                # Prague", "Paul Keating, the Labor prime minister": the holder's party, not
                # the post's body (not a party's own post: "the Communist Party general
                # secretary", "the Democratic Party leader")
                owner, region_owner = None, None
            after = ctx.actors.at(doc[t_end]) if t_end < sent.end else None
            if after is not None and after.cls == EntityClass.PERSON:
                continue  # "Biden, Kishida, Indian Prime Minister Narendra Modi": Modi's post
            head_word, edge = doc[t_end - 1], doc[t_end - 1].right_edge.i
            while edge > head_word.i and doc[edge].is_punct:
                edge -= 1  # (the parser counts the closing comma into the phrase)
            if (head_word.dep_ in ("nsubj", "nsubjpass") and head_word.head.i >= t_end
                    and edge + 1 < sent.end and not doc[edge + 1].is_punct):
                continue  # "after talks with Starmer, the president appeared to accept": the
                # title opens the next clause as its subject, it is no apposition
            last = t_end - 1
            # "Louis Charbonneau, U.N. director at Human Rights Watch": a body named before
            # the title without "'s" is the post's field when another follows "at"
            fielded = (owner is not None and doc[t_end].lower_ == "at" and not (
                owner.end < sent.end and doc[owner.end].text in _POSS))
            if ((owner is None or owner.cls in _NOT_BODIES or fielded) and t_end + 1 < sent.end
                    and (doc[t_end].lower_ in ("of", "for", "at")
                         or (doc[t_end].lower_ == "to" and "advis" in title.lower())
                         or _field_then_at(
                        doc, t_end, sent.end))):
                # "Elaine Pearson, Asia director at Human Rights Watch": a place before the
                # title names the post's field, the body comes after it
                explicit = True
                body = _body_after(ctx, t_end, sent.end, to=True)
                after = _past_the(doc, t_end + 1, sent.end)  # the body's first word
                unknown_body = body is None and (
                    _unnamed_body_at(ctx, after, sent.end) or _private_body_of_state(
                        ctx, after, sent.end))
                if body is None and _staff_post(title) and doc[t_end].lower_ in ("for", "to"):
                    # "Vincent Magwenya, spokesman for President Cyril Ramaphosa,"
                    led = _leaders_state(ctx, out, t_end + 1, sent.end, titles)
                    body = led[0] if led is not None else None
                if body is not None:
                    owner, last = body, body.end - 1
                    if doc[t_end].lower_ == "of" and _subnational(ctx, body):
                        region_owner = body  # "the governor of Nuevo León"
                    # "Mute Egede, the premier of Greenland,": a territory's post, no state's
                    # (not "the minister for Pacific island affairs": a state's portfolio)
                    unknown_body = (doc[t_end].lower_ == "of" and body.start <= t_end + 2
                                    and body.cls in (EntityClass.PLACE, EntityClass.REGION)
                                    and (body.end >= sent.end or doc[body.end].is_punct))
                # "Oleg Popov, a spokesperson for the foreign ministry,": a state's body
                k = t_end + 1
                while k < min(t_end + 5, sent.end) and not doc[k].is_punct:
                    k += 1
                governmental = body is None and _executive_words(ctx, t_end + 1, k)
            if (owner is not None and owner.kind == "demonym" and owner.end < sent.end
                    and doc[owner.end].lower_ == "commissioner"):
                owner = None  # "Olivér Várhelyi, the Hungarian commissioner in charge of
                # enlargement": his nationality, a commission's post (not "the Ukrainian
                # human rights commissioner", a state's ombudsman)
            of = owner if owner is not None and (
                owner.cls not in _NOT_BODIES or owner is region_owner) else None
        else:
            continue
        if of is not None and of.cls == EntityClass.STATE and title.lower() in _AFFILIATIONS:
            of = None  # "a researcher at the Belgrade Centre …": a state employs no fellows
        if of is not None and of.kind == "metonym" and (title.lower() == "governor" or (
                title.lower() in word_set("role_titles.json", "local_titles"))):
            of = None  # "then the mayor of Malé", "the governor of Riyadh": the city's or its
            # province's post, not the state's
        # "leader of the main opposition Democratic Party", "leftist leader": a body the
        # sentence names or a camp, so no guess from where the person works now
        camp = camp or unknown_body
        if of is not None and found and _registered_instead(ctx, span.key, of, title,
                                                            state_titles):
            of = None  # the registry's body, read just below
        of_key = of.key if of else _registry_of(ctx, span.key, title, state_titles,
                                                guess=not (camp or explicit))
        confidence = 0.9 if of else 0.7
        if inherited is not None:
            confidence = 0.7  # the post is the holder's, read from another fact
        if of_key is None and found and not national:
            of_key = _possessor_body(ctx, out, t_start, sent.start)
            confidence = 0.6
        state_post = title.lower() in state_titles or governmental
        one = _one_post(title)
        if of_key is None and state_post and title.lower() not in _ENVOYS and not unknown_body:
            of_key, confidence = _represented_state(ctx, span), 0.6
            # (a state's posts only: Quebec's premier says no minister is Quebec's)
            states = {s.key for s in ctx.actors.spans if s.cls == EntityClass.STATE} | {
                r.of for r in (*out, *described) if r.of in ctx.registry.actors
                and ctx.registry.actors[r.of].cls == EntityClass.STATE}
            held = {r.person: r.of for r in (*out, *described)
                    if r.of in states and r.role.lower() in state_titles
                    and r.evidence.confidence > RECENT_GUESS}  # (not the weakest guess)
            envoys = {r.person for r in (*out, *described) if r.role.lower() in _ENVOYS}
            if of_key is None and not past:
                # "Thailand's acting prime minister, Phumtham …. Phumtham, who took over as
                # acting premier after … suspended Prime Minister Paetongtarn": the state
                # whose same post the article gave him before
                of_key = next((r.of for r in sorted(out, key=lambda r: r.evidence.start)
                               if r.person == span.key and one is not None and r.of in states
                               and not r.former and _same_post(_one_post(r.role), one)
                               and r.evidence.confidence > RECENT_GUESS), None)
            if of_key is None:
                filled = {state for (post, state), holder in posts.items()
                          if post == one and holder != span.key} if not past else set()
                # (a government is its sitting officials: "former chancellor Gerhard
                # Schröder" makes no German government of a Turkish cabinet)
                sitting = {r.person: r.of for r in (*out, *described)
                           if not r.former and held.get(r.person) == r.of}
                fallback = main_state or (None if title.lower() in _MONARCHS
                                          else _government_state(sitting))
                of_key, confidence = _guessed_state(
                    ctx, sent, span, held, fallback, filled,
                    recent=title.lower() not in _MONARCHS, envoys=envoys,
                    national=_NATIONAL_TITLES.get(title.lower()))
        if of_key is None and not explicit and not camp and title.lower() in _SPEAKER_TITLES:
            of_key, confidence = _speaking_body(ctx, sent, span), 0.55
        if (of_key is None and not state_post and title.lower() not in _RANKS
                and title.lower() not in word_set("role_titles.json", "local_titles")
                and title.lower() not in _AFFILIATIONS
                and not explicit and not camp):  # a city's mayor is no group's post, a
            # professor or a fellow no intergovernmental body's
            of_key, confidence = _paragraph_group(ctx, sent), 0.5
            if of_key is None and main_group and title.lower() in _SECRETARIAT_TITLES:
                # (only a secretariat's head is the article's main body's by default: a
                # chairman, commissioner, spokesperson or leader an article on the EAC
                # names without a body is as often an electoral commission's or a
                # ministry's)
                of_key, confidence = main_group, 0.5
        if of_key is None and (title.lower() in _RANKS or title.lower() in _PROFESSIONS):
            continue  # "Major General Muraveiko": a rank in no force the text names, no post;
            # "Chaves, an economist who spent his career at the World Bank": a profession
        if of is not None and of.kind == "demonym":
            confidence = 0.85
        ev = ctx.sents.token_evidence(doc[first], doc[last], confidence, NAME)
        out.add(RoleFact(person=span.key, role=title, evidence=ev, of=of_key, former=past))
        if of is not None and one:
            posts.setdefault((one, of.key), span.key)
        if found and (second := (_headed_body(ctx, span.end, sent.end)
                                 or _held_or_headed(ctx, span))) is not None and (
                second[1].key != of_key):
            # "President Azali Assoumani, who currently leads the African Union,": a second
            # post, the one the relative clause names
            title2, body2 = second
            out.add(RoleFact(person=span.key, role=title2, of=body2.key,
                             evidence=ctx.sents.token_evidence(
                                 doc[span.start], doc[body2.end - 1], 0.85, NAME)))
    out |= _elided_posts(ctx, out)
    out |= _plural_titled(ctx, out, titles, state_titles)
    out |= _respective_posts(ctx, titles, out)
    out |= _listed_counterparts(ctx, out)
    # A state the article itself gives a person's post ("the Cook Islands premier") beats one
    # guessed from the paragraph or the article for the same person's state post.
    told = {(r.person, r.of) for r in described}
    told_persons = {p for p, _ in told}
    out = {r for r in out if not (r.person in told_persons and (r.person, r.of) not in told
                                  and r.role.lower() in state_titles
                                  and r.evidence.confidence < 0.6)} | described
    # A post read without its body and again with it ("Foreign Secretary Vikram Misri" …
    # "the Indian foreign secretary") is one post: the reading that names the body stands.
    known = {(r.person, r.role.lower()) for r in out if r.of is not None}
    return sort_facts(r for r in out if r.of is not None or (r.person, r.role.lower()) not in known)
