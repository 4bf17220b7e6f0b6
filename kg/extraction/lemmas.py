"""Mend the rule lemmatizer's "hopes" -> "hop": verbs ending in a silent e whose stem is a verb.

Why: ``en_core_web_sm``'s lemmatizer (mode ``rule``) strips a suffix and takes the first
candidate its verb index knows. For "hopes", "hoped" and "hoping" the first candidate is
"hop", a verb too, so every form of "hope" gets the lemma "hop"; the same befalls "stage"
(stag), "wage" (wag), "rate" (rat), "ride" (rid), "shame" (sham) and others. Our cue lexicons
are keyed on lemmas, so "Washington hopes Beijing will condemn Moscow" was read as China's
condemnation (no wish), and "waged war" as no act of waging.

The mend is spelling, not a word list: a one-syllable verb ending consonant-vowel-consonant
doubles its last letter before "-ed" and "-ing" ("hop" -> "hopped", "hopping") and takes
"-s", not "-es" ("hops"). So when such a stem and the same stem plus "e" are both in the
model's verb index, "<stem>es", "<stem>ed" and "<stem>ing" can only be forms of the "e" verb.
Pairs outside that spelling rule stay ambiguous and untouched ("singing" is "sing", "routed"
can be "rout").

The same component mends a second gap of the rules: they have no doubling rule, so a doubled
"-ed"/"-ing" form that is in no exception table keeps a stump ("readmitted" -> "readmitte");
such a form gets its undoubled stem when that, or the verb after a prefix such as "re", is in
the verb index (:func:`doubled_stem`).

Why a component after the lemmatizer rather than entries in its exception table: spaCy's
``Lemmatizer.rule_lemmatize`` only puts an exception first when the rules did not already
find that form, and for "hopes" they find both "hop" and "hope", "hop" first.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

#: A one-syllable stem ending consonant-vowel-consonant whose last letter doubles ("hop",
#: "stag", "plan"); w, x and y never double.
_DOUBLING_STEM = re.compile(r"^[^aeiouy]*[aeiou][b-df-hj-np-tvz]$")


def silent_e_exceptions(verbs: set[str]) -> dict[str, str]:
    """``form -> lemma`` for the forms of "<stem>e" verbs a rule lemmatizer would give to
    "<stem>" (see the module doc); ``verbs``: the lemmatizer's verb index."""
    out: dict[str, str] = {}
    for verb in verbs:
        stem = verb[:-1]
        if verb.endswith("e") and stem in verbs and _DOUBLING_STEM.match(stem):
            for form in (stem + "es", stem + "ed", stem + "ing"):
                out[form] = verb
    return out


#: A form with a doubled last consonant before "-ed"/"-ing" ("readmitted", "outgunning").
_DOUBLED_FORM = re.compile(r"^(?P<stem>[a-z-]*?(?P<c>[b-df-hj-np-tvz]))(?P=c)(?:ed|ing)$")
#: Prefixes that make a verb of a verb ("re-admit", "out-gun", "co-host").
_VERB_PREFIXES = ("re", "re-", "co", "co-", "out", "over", "under", "un", "pre", "mis")


def doubled_stem(form: str, verbs: set[str]) -> str | None:
    """The lemma of a doubled "-ed"/"-ing" form the lemmatizer got wrong: the undoubled stem
    when it, or the verb after a prefix of it, is a verb ("readmitted" -> "readmit"), or None.

    Why: the rule lemmatizer has no doubling rule and knows doubled forms only from its
    exception table, so "readmitted" became "readmitte" and no cue lexicon keyed on "readmit"
    could see it. The caller only asks for a lemma the verb index does not know."""
    match = _DOUBLED_FORM.match(form)
    if match is None or form in verbs:
        return None
    stem = match["stem"]
    if stem in verbs:
        return stem  # known, but its doubled forms are in no exception table
    for prefix in _VERB_PREFIXES:
        if stem.startswith(prefix) and stem[len(prefix):] in verbs:
            return stem
    return None


def participle_verb(form: str, verbs: set[str]) -> str | None:
    """The verb an "-ing"/"-ed" form belongs to, by spelling alone ("inviting" -> "invite",
    "joining" -> "join", "backed" -> "back"), or None when no verb of the index fits."""
    for suffix in ("ing", "ed"):
        if not form.endswith(suffix) or len(form) <= len(suffix) + 2:
            continue
        stem = form[: -len(suffix)]
        for candidate in (stem, stem + "e"):
            if candidate in verbs:
                return candidate
        return doubled_stem(form, verbs)
    return None


class SilentEMend:
    """Pipeline component: a verb's lemma the rule lemmatizer gave to the wrong stem is set
    to the "e" verb (``hopes``/``hoped``/``hoping`` -> "hope"), and a doubled form its stem
    ("readmitted" -> "readmit", see :func:`doubled_stem`); see the module doc. A capitalised
    participle tagged as a name that governs an object becomes the verb it is."""

    def __init__(self, verbs: set[str]) -> None:
        self.forms = silent_e_exceptions(verbs)
        self.verbs = verbs

    def __call__(self, doc: Doc) -> Doc:
        forms = self.forms
        for token in doc:
            if (token.pos_ == "PROPN" and token.is_title and any(
                    c.dep_ in ("dobj", "xcomp", "ccomp") for c in token.children)
                    and (verb := forms.get(token.lower_)
                         or participle_verb(token.lower_, self.verbs)) is not None):
                # '"Inviting Ukraine to join the Alliance is …"': a capitalised participle
                # the tagger took for a name, though it governs an object like a verb
                token.pos_, token.tag_ = "VERB", "VBG" if token.lower_.endswith("ing") else "VBN"
                token.lemma_ = verb
                continue
            if token.pos_ not in ("VERB", "AUX"):
                continue
            lemma = forms.get(token.lower_)
            if lemma is None and token.lemma_ not in self.verbs:
                lemma = doubled_stem(token.lower_, self.verbs)
            if lemma is not None:
                token.lemma_ = lemma
        return doc


def verb_index(nlp: Language) -> set[str]:
    """The verbs the pipeline's rule lemmatizer knows (empty when there is none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return set()
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return set()
    if not lemmatizer.lookups.has_table("lemma_index"):
        return set()
    return set(lemmatizer.lookups.get_table("lemma_index").get("verb", ()))
