"""Statements: direct quotations attributed to their speaker and the body spoken for.

Why: a quotation belongs to whoever the reporting predicate says produced it. We walk from the
quoted words up the dependency tree to the outermost communication verb ("said", "stated",
"denounced ... as", "praised") or noun ("calls", "criticism") with an actor as subject or
possessor; "according to X" and "X: ..." override. Scare quotes under any other predicate
("adopted 'anti-China' policies") are not statements. The spoken-for body comes from the
speaker's role (a spokesperson of the ministry, a foreign minister of the state).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.extraction.actors import ActorSpan, is_quoted_title
from kg.extraction.context import SPEECH_VERBS, DocContext, subject_actors, verb_date
from kg.extraction.evidence import sort_facts
from kg.extraction.lexicon import word_set
from kg.extraction.roles import acts_for
from kg.facts import EntityClass, RoleFact, StatementFact

NAME = "kg_quotes.v1"
_QUOTE_RE = re.compile(r"“([^“”]{1,600})”|\"([^\"\n]{1,600})\"")
_STRIP = " \t\n.,;:!?"


#: Words before quoted words that make them a name, not anyone's words ('known as
#: "Barbecue"', 'dubbed "nepo kids"', 'the so-called "nine-dash line"').
_NAMING = re.compile(r"\b(?:known as|nicknamed|dubbed|so-called|code-?named)\s*"
                     r"(?:(?:the|a|an)\s+)?[\"“']$",
                     re.IGNORECASE)


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of quoted words (without the marks) inside ``text[start:end]``."""
    out = []
    for m in _QUOTE_RE.finditer(text, start, end):
        group = 1 if m.group(1) is not None else 2
        a, b = m.span(group)
        while a < b and text[a] in _STRIP:
            a += 1
        while b > a and text[b - 1] in _STRIP:
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _quote_root(sent: Span, a: int, b: int) -> Token | None:
    """The token inside the quotation whose head lies outside it."""
    inside = [t for t in sent if a <= t.idx < b]
    for t in inside:
        if not (a <= t.head.idx < b) or t.head == t:
            return t
    return inside[0] if inside else None


def _according_to(ctx: DocContext, sent: Span) -> ActorSpan | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 2 < sent.end and ctx.doc[t.i + 1].lower_ == "to":
            return ctx.actors.at(ctx.doc[t.i + 2])
    return None


def _colon_speaker(ctx: DocContext, sent: Span, a: int) -> ActorSpan | None:
    """ "X: “...”" — an actor right before a colon that opens the quotation."""
    before = [t for t in sent if t.idx < a]
    if len(before) >= 3 and before[-2].text == ":":
        span = ctx.actors.at(before[-3])
        if span is None:
            return None
        root = ctx.doc[span.start:span.end].root
        if root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "from", "near", "to"):
            return None  # "at the start of their talks in Beijing: “…”": where, not who
        verb = root.head.head if root.dep_ == "pobj" else root.head
        if root.dep_ == "pobj" and verb.pos_ != "VERB":
            # "admonished the commander in the presence of President William Ruto: “…”":
            # up the phrase to the clause's verb (the one in whose presence it was said is
            # no speaker)
            verb = next((a for a in list(verb.ancestors)[:4] if a.pos_ == "VERB"), verb)
        if root.dep_ in ("dobj", "pobj", "dative") and verb.pos_ == "VERB":
            # "Erdoğan sharply criticised Israel: “…”": the clause's subject speaks, not
            # what the clause is about
            subjects = subject_actors(ctx, verb)
            return subjects[0] if len(subjects) == 1 else None
        return span
    return None


def _sentence_at(ctx: DocContext, char: int) -> Span:
    """The sentence holding character ``char`` of the text."""
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    assert span is not None and len(span) > 0, "a character inside the text"
    return ctx.sents.sent(span[0])


def _colon_clause_speakers(ctx: DocContext, sent: Span, a: int) -> list[ActorSpan]:
    """ "the prince shot back: “Show me …”", "telling parliament: “We will leave.”": a
    quotation a colon opens belongs to the subject of the clause the colon ends, whatever its
    verb (any verb introducing words with a colon introduces them as said)."""
    before = [t for t in sent if t.idx < a]
    while before and before[-1].text in ('"', "“", "'", "‘"):
        before.pop()
    if len(before) < 2 or before[-1].text != ":":
        return []
    verb = before[-2]
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    if any(t.dep_ == "relcl" for t in verb.ancestors):
        # "One Moscow-based lawyer who has argued cases before the court put it bluntly:"
        # misparsed as "before [the court put it]": a clause inside a relative clause is no
        # clause the colon ends (the relative clause itself is: "a phrase he repeated:")
        return []
    return [s for s in subject_actors(ctx, verb)
            if s.cls not in (EntityClass.PLACE, EntityClass.REGION)]


#: Verbs that deny what another said (``communication_verbs.json``).
_DENIAL = word_set("communication_verbs.json", "denial")


def speaker_of(
    ctx: DocContext, sent: Span, root: Token, quoted: tuple[int, int] | None = None
) -> tuple[list[ActorSpan], Token] | None:
    """Outermost communication predicate above ``root`` with actor subjects (all of them:
    "China and Russia said …") or an actor possessor. A predicate inside the quotation
    itself (characters ``quoted``) reports nothing about who said it: in '“If Manila had
    called it an armed attack, …”' Manila is quoted, not quoting."""
    verbs = word_set("communication_verbs.json", "verbs")
    nouns = word_set("communication_verbs.json", "nouns")
    best = None
    node = root
    seen = 0
    while node.head != node and seen < 12:
        if node.dep_ == "relcl" and (best is not None or any(
                c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and ctx.actors.at(c) is None
                for c in node.children)):
            # "a deal that Vucic called 'a historic step'", "…, whom Canadian police had named
            # as a 'person of interest'": the words of whoever the relative clause says used
            # them (an actor or not), not of the sentence's speaker
            return best
        if (
            node.dep_ in ("conj", "advcl")
            and node.head.lemma_.lower() in verbs
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        ):
            break  # a clause coordinated with the reporting clause is not what was said
        if node.dep_ == "conj" and best is not None and any(
                c.dep_ == "nsubj" and ctx.actors.at(c) is not None for c in node.children):
            break  # "… said X, and Putin sent a message praising Maduro's 'statesmanship'"
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in _DENIAL and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return best  # "described it as an 'Asia-Pacific NATO', a charge U.S. officials
            # have denied": who denies the words did not say them
        if best is not None and any(
                t.text == ";" for t in ctx.doc[min(node.i, node.head.i):max(node.i, node.head.i)]):
            break  # 'NATO calls China a "decisive enabler"; Beijing accuses alliance of …':
            # a semicolon ends the clause that said it (the parser hangs it on the next)
        node = node.head
        seen += 1
        lemma = node.lemma_.lower()
        if quoted is not None and quoted[0] <= node.idx < quoted[1]:
            continue
        if node.pos_ in ("VERB", "AUX") and lemma in verbs and (
                nearer := _nearer_conjunct_head(node, verbs)) is not None and (
                subj := [s for s in subject_actors(ctx, nearer) if s.cls != EntityClass.PLACE]):
            best = (subj, nearer)  # "X said …, while Rubio called it 'reckless' and said it
            break  # 'only serves …'": the parser hung "and said" on X's verb
        if node.pos_ in ("VERB", "AUX") and lemma in verbs:
            # '"…, neither India's nor China's," Mirza Fakhrul Islam Alamgir … said', parsed
            # with the quoted "India" as the subject and the speaker its conjunct: no one
            # inside the quoted words said them
            subj = [s for s in subject_actors(ctx, node) if s.cls != EntityClass.PLACE
                    and not (quoted is not None
                             and quoted[0] <= ctx.doc[s.start].idx < quoted[1])]
            if subj and best is not None and _reports_a_person(*best, subj):
                break  # "Xinhua said Xi told Albanese that the relationship had 'emerged from
                # twists and turns'": a body reporting what a person said, the person's words
            if subj:
                best = (subj, node)
                if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in (
                        "while", "whereas", "although", "though", "after", "before", "when",
                        "since", "until", "once", "because") for c in node.children):
                    break  # "X said …, while Skerrit said CARICOM stood 'firmly' …", "…,
                    # although President Emmanuel Macron has said recognition is 'not a
                    # taboo'": the contrasted speaker's words, not the first speaker's
                if any(c.lower_ == "what" and c.dep_ == "dobj" for c in node.children) and (
                        not any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in node.children)):
                    break  # "citing what government spokesman X described as the
                    # diplomat's 'impolite attitude'": the words of whom the clause names
                    # ("praised what it called …": the outer speaker's, named there)
        elif node.pos_ == "NOUN" and (node.lower_ in nouns or lemma in nouns):
            owner = ctx.actors.of_phrase(node)
            if owner is not None and owner.start < node.i:
                best = ([owner], node)
    if best is None and quoted is not None:
        best = (_reporting_clause_below(ctx, root, quoted, verbs)
                or _parenthetical_reporter(ctx, root, quoted, verbs))
    if quoted is not None and best is not None:
        # 'Germany had asked "key regional partners" for support …, he added': a reporting
        # clause set in after the quoted words on the sentence's root reports the whole
        # sentence, its quoted words too (not the root's subject, who is reported on)
        best = _reporting_clause_below(ctx, node, quoted, verbs, deps=("parataxis",),
                                       right_after=False) or best
    return best


def _reports_a_person(inner: list[ActorSpan], verb: Token, outer: list[ActorSpan]) -> bool:
    """Whether a reporting clause's subjects (``outer``: a news agency, a ministry, a state)
    report the words of the persons ``inner`` whom the clause below names as the subject of
    its ``verb``: no person says the outer clause; every inner speaker is a person named
    there by name (not a pronoun, nor "Milei's spokesman", who is not Milei)."""
    named = [c.i for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
    return (all(s.cls == EntityClass.PERSON and any(s.start <= i < s.end for i in named)
                for s in inner)
            and not any(s.cls == EntityClass.PERSON for s in outer))


def _nearer_conjunct_head(verb: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of saying that ends right before a subjectless conjunct ``verb`` ("… and said
    …") when the parser hung the conjunct on an earlier verb instead: the clause just before
    the "and" has a subject of its own and is the one continued."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc, k = verb.doc, verb.left_edge.i - 1
    while k > verb.head.i and (doc[k].is_punct or doc[k].dep_ == "cc"):
        k -= 1
    if k <= verb.head.i:
        return None
    node = doc[k]
    while node != verb.head and node.head != node and not (
            node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in verbs):
        node = node.head
    if node == verb.head or node.head == node or verb.head not in node.ancestors:
        return None
    return node if any(c.dep_ == "nsubj" for c in node.children) else None


def _reporting_clause_below(
    ctx: DocContext, root: Token, quoted: tuple[int, int], verbs: frozenset[str],
    deps: tuple[str, ...] = ("ccomp", "parataxis", "conj", "relcl", "advcl"),
    right_after: bool = True,
) -> tuple[list[ActorSpan], Token] | None:
    """ '“…, I request the head of the African Union to take his seat,” Modi said': the
    parser sometimes hangs the reporting clause after the closing mark under the quoted
    verb instead of the other way round; it is still the speaker. Only a clause that opens
    right after the closing mark (unless not ``right_after``) and has a subject of its own
    ('"…," citing X, and he dismissed Y' reports nothing)."""
    for child in root.children:
        if not (child.idx >= quoted[1] and child.pos_ in ("VERB", "AUX")
                and child.lemma_.lower() in verbs and child.dep_ in deps):
            continue
        between = ([t for t in ctx.doc[root.i:child.left_edge.i] if t.idx >= quoted[1]]
                   if right_after else [])
        if any(not t.is_punct for t in between) or not any(
                c.dep_ == "nsubj" for c in child.children):
            continue
        named = [s for c in child.children if c.dep_ == "nsubj" and c.idx >= quoted[1]
                 for s in [ctx.actors.at(c)] if s is not None]
        subj = [s for s in (*subject_actors(ctx, child), *named) if s.cls != EntityClass.PLACE
                and not quoted[0] <= ctx.doc[s.start].idx < quoted[1]]
        subj = list({s.key: s for s in subj}.values())
        if subj:  # ('"Oslo is betting that its credibility …," said X': no one inside the
            # quoted words, which the parser made a second subject, said them)
            return subj, child
    return None


def _parenthetical_reporter(
    ctx: DocContext, root: Token, quoted: tuple[int, int], verbs: frozenset[str],
) -> tuple[list[ActorSpan], Token] | None:
    """ 'The new US administration, he says, "has a different worldview than ours"': a
    reporting clause set between commas before the quoted words, which the parser hangs on
    the quoted verb, reports them."""
    doc = ctx.doc
    for child in root.children:
        if not (child.dep_ == "parataxis" and child.idx < quoted[0]
                and child.lemma_.lower() in verbs):
            continue
        subjects = [c for c in child.children if c.dep_ == "nsubj" and c.i < child.i]
        if not subjects:
            continue
        # the commas round the subject and the verb ("…, he says, …"; the parser may hang
        # a clause before them on the verb too: "If X went ahead, he said, …")
        left, right = subjects[0].left_edge.i - 1, child.right_edge.i
        while right > child.i and doc[right].is_punct:
            right -= 1
        if left < 0 or doc[left].text != "," or right + 1 >= len(doc) or (
                doc[right + 1].text != ","):
            continue
        subj = [s for s in subject_actors(ctx, child) if s.cls != EntityClass.PLACE]
        if subj:
            return subj, child
    return None


_MARKS = " \t\n\"“”.,;:!?"


def _bare(ctx: DocContext, sent: Span, a: int, b: int, end: int) -> bool:
    """Whether sentence ``sent`` (ending at ``end``) holds nothing but the quoted words
    ``a``–``b`` and their marks."""
    text = ctx.sents.text
    return text[sent.start_char:end].strip(_MARKS) == text[a:b].strip(_MARKS)


def _continues(ctx: DocContext, before: int, index: int) -> bool:
    """Whether a quotation that opens a sentence of its own (sentence ``index``, which the
    caller has checked is bare quoted words) goes on with the quotation of sentence
    ``before``: right after it, in the same paragraph, or opening the next paragraph after a
    paragraph whose quotation was left open (the news convention for a quotation over
    several paragraphs).

    Why: wire copy attributes a quotation once and lets the next quoted sentence run on
    ('“There must be no doubt …,” Rutte told reporters. “Ship captains must understand …”').
    """
    if before != index - 1:
        return False
    sents, text = ctx.sents.sents, ctx.sents.text
    sent, prev = sents[index], sents[before]
    prev_end = prev.start_char + len(prev.text.rstrip())  # a sentence keeps its line breaks
    if "\n" not in text[prev_end:sent.start_char]:
        return True
    paragraph = text[text.rfind("\n", 0, prev.start_char) + 1:prev_end]
    return paragraph.rfind("“") > paragraph.rfind("”") or paragraph.count('"') % 2 == 1


def _open_parts(ctx: DocContext, sent: Span, end: int,
                whole: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(part start, part end, closing character) of every quotation still open when sentence
    ``sent`` (ending at ``end``) ends: its opening sentence, or a sentence wholly inside it."""
    text = ctx.sents.text
    start, stop = ctx.sents.bounds(sent)
    out = []
    for a, b in whole:
        if a < end < b:
            lo = max(a, start)
            while lo < stop and text[lo] in _MARKS:
                lo += 1
            hi = stop
            while hi > lo and text[hi - 1] in _MARKS:
                hi -= 1
            if hi > lo:
                out.append((lo, hi, b))
    return out


def _quote_speakers(ctx: DocContext, sent: Span, a: int,
                    b: int) -> tuple[list[ActorSpan], Token] | None:
    """The speakers (and their predicate) the sentence ``sent`` names for its quoted words
    ``a``–``b``: :func:`speaker_of` above the quotation's root."""
    root = _quote_root(sent, a, b)
    return speaker_of(ctx, sent, root, (a, b)) if root is not None else None


def _opening_speakers(ctx: DocContext, opened: int, b: int) -> tuple[list[ActorSpan], Token] | None:
    """The speaker a multi-sentence quotation's opening sentence names ('Lula said "The war
    must end. Talks must begin."'), when the sentence where it closes names none."""
    return _quote_speakers(ctx, _sentence_at(ctx, opened), opened, b)


#: Adjectives by which a sentence introduces the quotation after it ("X was blunter.").
_MANNER = frozenset({"blunt", "blunter", "clear", "clearer", "direct", "frank", "franker",
                     "candid", "explicit", "emphatic", "categorical", "cautious", "scathing",
                     "succinct", "forthright"})


def _introducer(ctx: DocContext, index: int) -> ActorSpan | None:
    """The person the sentence before a bare quotation introduces as its speaker, in the same
    paragraph and with no quotation of its own: its one subject, of a speech verb ("Nabil
    Haddad, a researcher, said Gulf capitals would be watching closely. “Riyadh invested
    …”") or of a manner of speaking ("Marc Delaunay, a trade lawyer, was blunter. “No
    director-general can fix the WTO alone.”"; "X put it bluntly.").

    Why: the analysis-piece convention names the speaker, then gives the words."""
    if index == 0:
        return None
    sents, text = ctx.sents.sents, ctx.sents.text
    prev, sent = sents[index - 1], sents[index]
    between = text[prev.start_char:sent.start_char]
    if "\n" in between.rstrip() or any(m in between for m in "\"“”"):
        return None
    root = prev.root
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or subjects[0].conjuncts:
        return None
    speaker = ctx.actors.at(subjects[0])
    if speaker is None or speaker.cls != EntityClass.PERSON:
        return None
    lemma = root.lemma_.lower()
    if lemma in SPEECH_VERBS or (lemma == "put" and any(
            c.dep_ == "dobj" and c.lower_ == "it" for c in root.children)):
        return speaker
    if lemma == "be" and any(c.dep_ in ("acomp", "attr") and c.lower_ in _MANNER
                             for c in root.children):
        return speaker
    return None


def _on_behalf_of(ctx: DocContext, speaker: ActorSpan, roles: list[RoleFact]) -> str | None:
    if speaker.cls != EntityClass.PERSON:
        return None
    return acts_for(ctx, speaker.key, roles)


def statement_facts(ctx: DocContext, roles: list[RoleFact]) -> list[StatementFact]:
    """One statement per attributed quotation, and per sentence of a quotation that runs
    over several ('"We did not come here to be photographed. Africa wants to be heard," he
    told reporters': both sentences are his, each with its own sentence as evidence)."""
    out: set[StatementFact] = set()
    text = ctx.sents.text
    whole = quote_spans(text, 0, len(text))  # quotations that run over several sentences
    last: tuple[int, list[ActorSpan]] | None = None  # (sentence, speakers) of the last quote
    # closing character of a quotation still open -> its earlier sentences' parts
    held: dict[int, list[tuple[Span, int, int]]] = {}
    for index, sent in enumerate(ctx.sents.sents):
        end = sent.end_char
        while end < len(text) and text[end] in "\"”":  # a closing mark split off the sentence
            end += 1
        for lo, hi, b in _open_parts(ctx, sent, end, whole):
            held.setdefault(b, []).append((sent, lo, hi))
        spans = quote_spans(text, sent.start_char, end)
        # '"We are not naive. Our disagreements have not disappeared," he said.': the part of
        # a quotation opened in an earlier sentence that closes in this one, attributed here
        carried = [(a, b) for a, b in whole if a < sent.start_char < b <= end]
        spans += [(sent.start_char + len(sent.text) - len(sent.text.lstrip(' "“')), b)
                  for _, b in carried]
        opened = {b: a for a, b in carried}  # where a carried quotation opened
        if not spans or is_quoted_title(sent):
            continue  # ('Paris: “This trust has been betrayed”': a section title quoting the
            # body, where the words are attributed)
        according = _according_to(ctx, sent)
        for a, b in spans:
            if _NAMING.search(text, max(0, a - 20), a):
                held.pop(b, None)
                continue  # 'known as "Barbecue"', 'the so-called "nine-dash line"': a name
            found = _quote_speakers(ctx, sent, a, b) if according is not None else None
            if found is not None and all(s.cls == EntityClass.PERSON for s in found[0]):
                single = None  # "According to Downing Street, the prime minister
                # 'stressed his unwavering support'": the source reports whom it quotes
            else:
                single, found = according or _colon_speaker(ctx, sent, a), None
            speakers = [single] if single is not None else []
            confidence = 0.8
            date = None
            if single is None:
                found = found or _quote_speakers(ctx, sent, a, b)
                if found is None and b in opened:
                    found = _opening_speakers(ctx, opened[b], b)
                if found is not None:
                    speakers, predicate = found
                    confidence = 0.75
                    date = verb_date(ctx, predicate)  # "said on Monday"; never a noun's date
                elif (colon := _colon_clause_speakers(ctx, sent, a) or (
                        _colon_clause_speakers(ctx, _sentence_at(ctx, opened[b]), opened[b])
                        if b in opened else [])):
                    # ('telling parliament: “We will leave. We will decide when to leave.”':
                    # the colon is in the sentence where the quotation opened)
                    speakers, confidence = colon, 0.7
                elif (last is not None and _bare(ctx, sent, a, b, end)
                      and _continues(ctx, last[0], _first_index(ctx, index, held.get(b)))):
                    speakers, confidence = last[1], 0.6
                elif _bare(ctx, sent, a, b, end) and (
                        intro := _introducer(ctx, _first_index(ctx, index, held.get(b)))):
                    speakers, confidence = [intro], 0.6
                else:
                    held.pop(b, None)
                    continue
            last = (index, speakers)
            parts = [(sent, a, b)] + [(s, lo, hi) for s, lo, hi in held.pop(b, [])]
            for part_sent, lo, hi in parts:
                ev = ctx.sents.evidence(part_sent, lo, hi, confidence, NAME)
                if sum(c.isalpha() for c in ev.text) < 2:
                    continue  # 'South Africa joined in 2010, adding the "S"': a letter
                for speaker in speakers:  # a joint statement is each signatory's
                    if speaker.kind == "demonym":
                        continue
                    out.add(
                        StatementFact(
                            speaker=speaker.key,
                            quote=ev.text,
                            evidence=ev,
                            on_behalf_of=_on_behalf_of(ctx, speaker, roles),
                            date=date,
                        )
                    )
    return sort_facts(out | set(transcript_statements(ctx, roles)))


#: Labels that open an interview's turns: the interviewer's question, the answer.
_QUESTION, _ANSWER = "Q:", "A:"


#: Verbs whose subject, in the paragraph before a transcript's first question, is the one
#: interviewed ("X, Poland's foreign minister, spoke to us in his office").
_INTERVIEWED = frozenset({"speak", "talk", "tell", "say", "answer", "sit", "give"})


def _spoke_to_us(ctx: DocContext, intro_end: int, strict: bool = False) -> ActorSpan | None:
    """The one person who, in the paragraph before character ``intro_end``, "spoke to us" or
    whom "we spoke to" ("We spoke to Margus Tsahkna, Estonia's foreign minister, in his
    office", "We spoke to him in Riyadh"). With ``strict``, the one who speaks must do so to
    "us"/"me": "Albanese sat down with Donald Trump" introduces no interview."""
    text = ctx.sents.text
    last_para = text.rfind("\n", 0, max(intro_end - 1, 0)) + 1
    spoke: dict[str, ActorSpan] = {}
    for tok in ctx.doc:
        if not last_para <= tok.idx < intro_end:
            continue
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _INTERVIEWED and not (
                strict and not any(t.lower_ in ("us", "me") for t in tok.head.subtree)):
            found = ctx.actors.at(tok)
        elif (tok.dep_ == "pobj" and tok.head.lower_ in ("to", "with")
              and tok.head.head.lemma_.lower() in ("speak", "talk")
              and any(c.dep_ == "nsubj" and c.lower_ == "we" for c in tok.head.head.children)):
            found = ctx.actors.at(tok) or (ctx.actors.pronoun(tok)
                                           if tok.lower_ in ("him", "her") else None)
        else:
            continue
        if found is not None and found.cls == EntityClass.PERSON:
            spoke[found.key] = found
    return next(iter(spoke.values())) if len(spoke) == 1 else None


def _unlabelled_turns(ctx: DocContext, starts: list[int]) -> list[tuple[ActorSpan, int, int]]:
    """The answers of an interview printed without labels: after an introduction saying whom
    "we spoke to", short paragraphs that ask a question alternate with the answers
    ("How serious is the funding gap?" / "It is serious, and …").

    Why the introduction must say so: an explainer's question headings ("What is the
    Arctic Council?") are followed by the writer's answers, no one's statement. At least three
    questions; each answer runs until the next question."""
    text = ctx.sents.text
    ends = [*(s - 1 for s in starts[1:]), len(text)]
    asks = [k for k, (lo, hi) in enumerate(zip(starts, ends, strict=True))
            if k > 0 and "?" in text[lo:hi] and len(text[lo:hi].split()) <= _QUESTION_WORDS
            and text[lo:hi].rstrip().endswith(("?", ".", "?\u201d"))]
    if len(asks) < 3:
        return []
    interviewee = _spoke_to_us(ctx, starts[asks[0]], strict=True)
    if interviewee is None:
        return []
    prompts = {k for k, (lo, hi) in enumerate(zip(starts, ends, strict=True))
               if _prompt(text[lo:hi])}
    return [(interviewee, starts[k], ends[k]) for k in range(asks[0] + 1, len(starts))
            if k not in asks and k not in prompts and ends[k] > starts[k]]


#: The longest paragraph read as an interviewer's prompt that asks nothing ("Some of your
#: partners think Ghana has been too friendly to the juntas.").
_PROMPT_WORDS = 30
_SECOND_PERSON = frozenset({"you", "your", "yours"})
_FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})


def _prompt(paragraph: str) -> bool:
    """Whether a paragraph of an unlabelled interview is the interviewer's prompt put as a
    statement: short, addressed to "you", and saying nothing of "I" or "we" (which the
    interviewee's answers do)."""
    words = [w.strip(".,;:!?\"'\u201c\u201d").lower() for w in paragraph.split()]
    return (len(words) <= _PROMPT_WORDS and bool(_SECOND_PERSON.intersection(words))
            and not _FIRST_PERSON.intersection(words))


#: The longest paragraph read as an interviewer's question in an unlabelled interview.
_QUESTION_WORDS = 45


def _interviewee(ctx: DocContext, intro_end: int) -> ActorSpan | None:
    """The person an interview transcript introduces before its first question or answer
    (character ``intro_end``): the one who "spoke to us" in the paragraph before it, else
    the one person named in the introduction most often, if one is."""
    spoke = _spoke_to_us(ctx, intro_end)
    if spoke is not None:
        return spoke
    counts: dict[str, tuple[int, ActorSpan]] = {}
    for s in ctx.actors.spans:
        if s.cls == EntityClass.PERSON and ctx.doc[s.start].idx < intro_end:
            n, first = counts.get(s.key, (0, s))
            counts[s.key] = (n + 1, first)
    ranked = sorted(counts.values(), key=lambda c: -c[0])
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def _turn_speaker(ctx: DocContext, line_start: int, interviewee: ActorSpan | None
                  ) -> tuple[ActorSpan | None, int] | None:
    """Who speaks in a transcript paragraph starting at character ``line_start``, and where
    the words start: "A: …" is the interviewee's, "Mao Ning: …" the named person's (a
    briefing's answers); None for a question ("Q: …", "Reuters: …") or no turn at all."""
    text = ctx.sents.text
    if text.startswith(_ANSWER, line_start):
        return (interviewee, line_start + len(_ANSWER)) if interviewee is not None else None
    colon = text.find(":", line_start, line_start + 40)
    if colon < 0 or "\n" in text[line_start:colon]:
        return None
    span = next((s for s in ctx.actors.spans if ctx.doc[s.start].idx == line_start), None)
    if (span is None or span.cls != EntityClass.PERSON
            or ctx.doc[span.end - 1].idx + len(ctx.doc[span.end - 1].text) != colon):
        return None
    return span, colon + 1


def transcript_statements(ctx: DocContext, roles: list[RoleFact]) -> list[StatementFact]:
    """The answers of an interview or briefing transcript ("Q: … / A: …", "Mao Ning: …"),
    one statement per sentence, as the words of the one who answers.

    Why: a transcript prints what was said without quotation marks; its answers are the
    speaker's words as much as a quoted sentence is. Only paragraphs that open with such a
    label count, and only once a transcript has shown one question ("Q:" or a questioner's
    name) or answer label; a sentence with quotation marks of its own is left to the quoted
    words' own attribution."""
    text = ctx.sents.text
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    labelled = [i for i in starts if text.startswith((_QUESTION, _ANSWER), i)]
    interviewee = _interviewee(ctx, labelled[0]) if labelled else None
    turns: list[tuple[ActorSpan, int, int]] = []
    for k, line_start in enumerate(starts):
        line_end = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
        found = _turn_speaker(ctx, line_start, interviewee)
        if found is not None and found[0] is not None:
            turns.append((found[0], found[1], line_end))
    if len(turns) < 2 and not labelled:
        turns = _unlabelled_turns(ctx, starts)
    if len(turns) < 2 and not labelled:
        return []  # one "Name: words" line is a headline's or a caption's, no transcript
    asking = {sp.key for sp, _, _ in turns} - {
        sp.key for sp, lo, hi in turns if not text[lo:hi].rstrip().endswith("?")}
    turns = [t for t in turns if t[0].key not in asking]  # ("Bloomberg: … How do you
    # respond?": a questioner whose every turn asks)
    out: set[StatementFact] = set()
    sides = {sp.key: _on_behalf_of(ctx, sp, roles) for sp, _, _ in turns}  # once per speaker
    for speaker, lo, hi in turns:
        for sent in ctx.sents.sents:
            a, b = ctx.sents.bounds(sent)
            if b <= lo or a >= hi or any(c in text[a:b] for c in "\"“”"):
                continue
            start, end = _past_stage_direction(text, max(a, lo)), min(b, hi)
            if not text[start:end].strip():
                continue  # "A: (laughs)" alone
            ev = ctx.sents.evidence(sent, start, end, 0.7, NAME)
            if not ev.text:
                continue
            out.add(StatementFact(speaker=speaker.key, quote=ev.text, evidence=ev,
                                  on_behalf_of=sides[speaker.key]))
    return sort_facts(out)


def _past_stage_direction(text: str, i: int) -> int:
    """Where an answer's words start past a stage direction the transcript opens it with
    ("A: (laughs) I am not naming anyone"): the speaker did not say "(laughs)"."""
    j = i + len(text[i:]) - len(text[i:].lstrip())
    close = text.find(")", j, j + 25) if text.startswith("(", j) else -1
    return close + 1 if close > 0 and text[j + 1 : close].islower() else i


def _first_index(ctx: DocContext, index: int, parts: list[tuple[Span, int, int]] | None) -> int:
    """The sentence where a quotation opened: the first held part's, else this one. A held
    opening part must be bare quoted words too for the quotation to continue an earlier one."""
    if not parts:
        return index
    first, lo, hi = parts[0]
    if not _bare(ctx, first, lo, hi, first.end_char):
        return -1  # words before the opening mark: not a bare continuation
    return ctx.sents.index_of_start[first.start]
