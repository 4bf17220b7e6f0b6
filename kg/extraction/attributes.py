"""The model's attribute ruler, matching its patterns through an index instead of a Matcher.

Why: ``en_core_web_sm``'s ``attribute_ruler`` maps tags to coarse POS and morphology with 179
patterns (tag-map and morph-rule entries). spaCy runs them through one ``Matcher``, which tries
every pattern at every token: about a sixth of the model's time per word, as much as its parser
(``python -m bench --sections extraction``). Almost all of them are fixed token sequences with
equality tests (``{"TAG": "NN"}``, ``{"TAG": "PRP", "LOWER": "it"}``), so this ruler files each
pattern under the value of its most selective equality test and, per token, tries only the few
patterns filed under that token's own values, on one ``Doc.to_array`` of the attributes they
read. Patterns of other shapes (operators such as ``"OP": "+"``, attributes not listed in
``_ATTRS``) stay with a spaCy ``Matcher``. Everything after matching is spaCy's: ``match``
returns exactly what ``AttributeRuler.match`` returns, and ``set_annotations`` (which rule wins,
how attributes are written) is inherited, so the annotations are the same token for token
(``tests/test_extraction_attributes.py`` compares both rulers on real and generated text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDS
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: Token attributes the index reads (by ``Doc.to_array``), most selective first: a pattern is
#: filed under the first of them it tests for equality.
_ATTRS = ("LOWER", "ORTH", "NORM", "LEMMA", "TAG", "DEP", "POS", "IS_SPACE")
_ATTR_IDS = [IDS[a] for a in _ATTRS]
_SYNONYMS = {"TEXT": "ORTH"}


@dataclass(frozen=True)
class _Test:
    """One test of one pattern token on column ``col`` of the attribute array: value (a string
    hash, or 0/1 for a flag) in ``values``, or not in them, or its text searched by ``regex``."""

    col: int
    values: frozenset[int] = frozenset()
    negated: bool = False
    regex: re.Pattern[str] | None = None
    memo: dict[int, bool] = field(default_factory=dict, compare=False, hash=False)

    def passes(self, row: tuple[int, ...], vocab: Vocab) -> bool:
        value = row[self.col]
        if self.regex is None:
            return (value in self.values) != self.negated
        hit = self.memo.get(value)
        if hit is None:
            hit = self.memo[value] = self.regex.search(vocab.strings[value]) is not None
        return hit


@dataclass(frozen=True)
class _Rule:
    """A fixed-length pattern of rule ``attr_id`` (match id ``match_id``): ``tests`` per
    token; filed under the values ``keys`` of column ``col`` of its token ``offset``, or, with
    ``col`` None (no equality test), tried at every token. ``rest``: the tests left to run,
    as (token, test), once the index has found a token with one of ``keys``."""

    attr_id: int
    match_id: int
    tests: tuple[tuple[_Test, ...], ...]
    offset: int = 0
    col: int | None = None
    keys: frozenset[int] = frozenset()
    rest: tuple[tuple[int, _Test], ...] = ()


def _value(vocab: Vocab, attr: str, value: Any) -> int | None:
    if attr == "IS_SPACE":
        return int(value) if isinstance(value, bool) else None
    return vocab.strings[value] if isinstance(value, str) else None


def _test(vocab: Vocab, attr: str, spec: Any) -> _Test | None:
    """The Matcher's test ``{attr: spec}`` as a :class:`_Test`; None if not supported."""
    attr = _SYNONYMS.get(attr, attr)
    if attr not in _ATTRS:
        return None
    col = _ATTRS.index(attr)
    if isinstance(spec, dict):
        if len(spec) != 1:
            return None
        op, value = next(iter(spec.items()))
        if op in ("IN", "NOT_IN") and isinstance(value, list):
            hashed = [_value(vocab, attr, v) for v in value]
            if any(h is None for h in hashed):
                return None
            return _Test(col, frozenset(h for h in hashed if h is not None),
                         negated=op == "NOT_IN")
        if op == "REGEX" and isinstance(value, str) and attr != "IS_SPACE":
            return _Test(col, regex=re.compile(value))
        return None
    hashed = _value(vocab, attr, spec)
    return None if hashed is None else _Test(col, frozenset([hashed]))


def _indexable(vocab: Vocab, pattern: list[dict[str, Any]], attr_id: int,
               match_id: int) -> _Rule | None:
    """The pattern as a :class:`_Rule`: a fixed sequence of tokens, each with equality, ``IN``,
    ``NOT_IN`` or ``REGEX`` tests of the ``_ATTRS``; None for any other pattern."""
    tests: list[tuple[_Test, ...]] = []
    for token in pattern:
        made = [_test(vocab, attr, spec) for attr, spec in token.items()]
        if not made or any(t is None for t in made):
            return None
        tests.append(tuple(t for t in made if t is not None))
    if not tests:
        return None
    keys = [(len(t.values), t.col, offset, t) for offset, token in enumerate(tests)
            for t in token if t.regex is None and not t.negated]
    if not keys:
        return _Rule(attr_id, match_id, tuple(tests),
                     rest=tuple((j, t) for j, token in enumerate(tests) for t in token))
    *_, offset, key = min(keys, key=lambda k: k[:3])
    # the filed test holds wherever the index finds the rule (most tag-map rules: no test left)
    rest = tuple((j, t) for j, token in enumerate(tests) for t in token
                 if not (j == offset and t is key))
    return _Rule(attr_id, match_id, tuple(tests), offset, key.col, key.values, rest)


class IndexedAttributeRuler(AttributeRuler):
    """``AttributeRuler`` whose ``match`` looks patterns up by attribute value."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reset_index()

    def _reset_index(self) -> None:
        self._index: list[dict[int, list[_Rule]]] = [{} for _ in _ATTRS]
        self._everywhere: list[_Rule] = []
        self._rest = Matcher(self.vocab, validate=False)
        self._rest_size = 0

    def clear(self) -> None:
        """Reset all patterns (as ``AttributeRuler.clear``), the index included."""
        super().clear()
        self._reset_index()

    def add(self, patterns: Iterable[Iterable[dict[str, Any]]], attrs: dict,
            index: int = 0) -> None:
        """Add a rule (as ``AttributeRuler.add``) and file its patterns for :meth:`match`."""
        patterns = [list(p) for p in patterns]
        super().add(patterns, attrs, index)
        attr_id = len(self.attrs) - 1
        match_id = self.vocab.strings[str(attr_id)]  # the key AttributeRuler.add used
        rules = [_indexable(self.vocab, p, attr_id, match_id) for p in patterns]
        if any(r is None for r in rules):
            self._rest.add(str(attr_id), patterns)
            self._rest_size += 1
            return
        for rule in rules:
            assert rule is not None
            if rule.col is None:
                self._everywhere.append(rule)
                continue
            by_value = self._index[rule.col]
            for value in rule.keys:
                by_value.setdefault(value, []).append(rule)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """``(attr_id, match_id, start, end)``, sorted, as ``AttributeRuler.match`` returns."""
        rows: list[tuple[int, ...]] = [
            tuple(r) for r in doc.to_array(_ATTR_IDS).tolist()
        ] if len(doc) else []
        n, vocab = len(rows), self.vocab
        columns = [(col, by_value) for col, by_value in enumerate(self._index) if by_value]
        found: set[tuple[int, int, int, int]] = set()

        def check(rule: _Rule, start: int) -> None:
            end = start + len(rule.tests)
            if start >= 0 and end <= n and all(
                    test.passes(rows[start + j], vocab) for j, test in rule.rest):
                found.add((rule.attr_id, rule.match_id, start, end))

        for i, row in enumerate(rows):
            for col, by_value in columns:
                for rule in by_value.get(row[col], ()):
                    check(rule, i - rule.offset)
            for rule in self._everywhere:
                check(rule, i)
        if self._rest_size:
            strings = vocab.strings
            for m_id, start, end in self._rest(doc, allow_missing=True, as_spans=False):
                found.add((int(strings[m_id]), m_id, start, end))
        return sorted(found)
