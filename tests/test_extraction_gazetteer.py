"""Ruler patterns from the registry and the lexicon loaders (no trained model)."""

from __future__ import annotations

import pytest

from kg.errors import DataFileError
from kg.extraction import lexicon
from kg.extraction.gazetteer import ruler_patterns, split_ent_id
from kg.linking import build_registry, parse_actor


def registry():
    rows = [
        {
            "id": "china",
            "label": "China",
            "class": "State",
            "abbreviations": ["PRC"],
            "demonyms": ["Chinese"],
            "metonyms": ["Beijing"],
        },
        {"id": "beijing", "label": "Beijing", "class": "Place", "metonym_for": "china"},
        {"id": "nato", "label": "NATO", "class": "Alliance"},
        {
            "id": "european-union",
            "label": "European Union",
            "class": "InternationalOrganization",
            "abbreviations": ["EU"],
            "ambiguous_metonyms": ["Brussels"],
        },
        {"id": "belgium", "label": "Belgium", "class": "State", "metonyms": ["Brussels"]},
    ]
    return build_registry(parse_actor(r, "t", i) for i, r in enumerate(rows, 1))


def test_patterns_carry_ids_and_kinds() -> None:
    pats = {(p["pattern"], p["id"]) for p in ruler_patterns(registry())}
    assert ("China", "china") in pats
    assert ("PRC", "china") in pats
    assert ("Chinese", "china#demonym") in pats
    assert ("Nato", "nato") in pats  # abbreviation variant
    # The metonym wins over the place's own name; the resolver decides per occurrence.
    assert ("Beijing", "china#metonym") in pats
    assert ("Beijing", "beijing") not in pats
    # Ambiguous metonyms are never patterns.
    assert not any(p == "Brussels" for p, _ in pats)


def test_patterns_are_sorted_and_stable() -> None:
    assert ruler_patterns(registry()) == ruler_patterns(registry())
    pats = ruler_patterns(registry())
    assert pats == sorted(pats, key=lambda p: (p["pattern"], p["id"]))


def test_split_ent_id() -> None:
    assert split_ent_id("china#metonym") == ("china", "metonym")
    assert split_ent_id("china#demonym") == ("china", "demonym")
    assert split_ent_id("nato") == ("nato", "name")


def test_packaged_lexicons_load() -> None:
    cues = lexicon.stance_cues()
    assert any(c.frame == "evaluative" for c in cues)
    assert "cooperation" in lexicon.word_set("partnership_cues.json", "nouns")
    assert (
        lexicon.word_map("role_titles.json", "titles")["secretary-general"] == "Secretary General"
    )


def test_missing_lexicon_raises_data_file_error() -> None:
    with pytest.raises(DataFileError):
        lexicon.read_json("no_such_lexicon.json")


def test_no_post_title_holds_an_article_or_a_conjunction() -> None:
    # Every word of a title counts as a title word (a name after one is a titled person's), so
    # "the" in "chief of the general staff" would make "the Caspian Sea" a person's name.
    words = {w for t in lexicon.word_map("role_titles.json", "titles") for w in t.split()}
    assert not words & {"the", "a", "an", "and", "or"}
