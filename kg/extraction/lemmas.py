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


class SilentEMend:
    """Pipeline component: a verb's lemma the rule lemmatizer gave to the wrong stem is set
    to the "e" verb (``hopes``/``hoped``/``hoping`` -> "hope"); see the module doc."""

    def __init__(self, verbs: set[str]) -> None:
        self.forms = silent_e_exceptions(verbs)

    def __call__(self, doc: Doc) -> Doc:
        forms = self.forms
        for token in doc:
            lemma = forms.get(token.lower_)
            if lemma is not None and token.pos_ in ("VERB", "AUX"):
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
