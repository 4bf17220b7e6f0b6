"""The indexed attribute ruler annotates exactly as the model's own ``AttributeRuler``."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import synth
from kg.corpus import find_article_files, read_article

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

#: Text that reaches the model's multi-token, REGEX and DEP rules (contractions, slang,
#: expletive "there"), odd whitespace, and an empty document.
TRICKY = [
    "I ain't gonna say it. Ain't that so? We gotta go, c'mon, let's see what y'all think.",
    "There is nothin' left and there were no talks; it's done, isn't it?  \n\n  You and I did.",
    "But he said: \"they'd've agreed\".\tTabs\tand  double  spaces\n",
    "",
]


@pytest.fixture(scope="module")
def model():
    import spacy

    from kg.extraction.pipeline import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL)


def _texts() -> list[str]:
    seeds = [read_article(p).text for p in find_article_files([SEEDS])]
    generated = [synth.article(seed=7, index=i)[0] for i in range(6)]
    return seeds + generated + TRICKY


def _token_view(doc) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_same_matches_and_annotations_as_spacy(model) -> None:
    from kg.extraction.attributes import IndexedAttributeRuler

    stock = model.get_pipe("attribute_ruler")
    indexed = IndexedAttributeRuler(model.vocab)
    indexed.add_patterns(stock.patterns)
    assert len(indexed.attrs) == len(stock.attrs) > 100
    before = ["attribute_ruler", "lemmatizer", "ner"]
    matched = 0
    for text in _texts():
        a = model(text, disable=before)
        b = model(text, disable=before)
        expected = stock.match(a)
        assert indexed.match(b) == expected
        matched += len(expected)
        stock.set_annotations(a, expected)
        indexed(b)
        assert _token_view(a) == _token_view(b)
    assert matched > 10_000


def test_rules_of_every_shape_are_found(model) -> None:
    """The model's multi-token, REGEX-only and DEP rules fire through the index."""
    from kg.extraction.attributes import IndexedAttributeRuler

    indexed = IndexedAttributeRuler(model.vocab)
    indexed.add_patterns(model.get_pipe("attribute_ruler").patterns)
    assert not indexed._rest_size and indexed._everywhere  # every model rule is indexed
    doc = model(TRICKY[0] + " " + TRICKY[1], disable=["attribute_ruler", "lemmatizer"])
    spans = {(doc[s:e].text.lower(), e - s) for _a, _m, s, e in indexed.match(doc)}
    assert ("gonna", 2) in spans
    assert ("ain't", 2) in spans
    assert ("nothin'", 1) in spans


def test_patterns_the_index_cannot_take_stay_with_a_matcher(model) -> None:
    from spacy.pipeline import AttributeRuler

    from kg.extraction.attributes import IndexedAttributeRuler

    ruler = IndexedAttributeRuler(model.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"LEMMA": "VERY"})
    ruler.add([[{"LENGTH": 4}]], {"NORM": "four"})
    ruler.add([[{"TEXT": "big"}]], {"LEMMA": "BIG"})
    assert ruler._rest_size == 2
    doc = model("a very very big dog", disable=["attribute_ruler", "lemmatizer", "ner"])
    found = ruler.match(doc)
    assert found == AttributeRuler.match(ruler, doc)  # spaCy's own matching, all patterns
    assert {a for a, _m, _s, _e in found} == {0, 1, 2}  # each rule fired
    ruler(doc)
    assert doc[3].lemma_ == "BIG"


def test_serialisation_and_clear_keep_the_index_in_step(model) -> None:
    from kg.extraction.attributes import IndexedAttributeRuler

    stock = model.get_pipe("attribute_ruler")
    ruler = IndexedAttributeRuler(model.vocab)
    ruler.from_bytes(stock.to_bytes())
    doc = model(TRICKY[0], disable=["attribute_ruler", "lemmatizer", "ner"])
    assert ruler.match(doc) == stock.match(doc)
    ruler.clear()
    assert ruler.match(doc) == [] and not ruler.attrs


def test_the_pipeline_uses_it_under_the_model_name(model) -> None:
    from kg.extraction.attributes import IndexedAttributeRuler
    from kg.extraction.pipeline import load_pipeline

    nlp = load_pipeline()
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, IndexedAttributeRuler)
    assert ruler.patterns == model.get_pipe("attribute_ruler").patterns
