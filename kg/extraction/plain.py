"""Facts <-> plain data (dicts, lists, strings, numbers) for transport in ``doc.user_data``.

Why: with ``n_process > 1`` spaCy ships Docs back with ``Doc.to_bytes``, which msgpacks
``user_data``; our frozen dataclasses, enums and dates are turned into plain values there and
rebuilt, exactly, in the parent (field types come from the dataclass annotations).
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from functools import cache

from kg import facts as F

_CLASSES = {
    cls.__name__: cls
    for cls in (
        F.Entity,
        F.Mention,
        F.Evidence,
        F.MembershipFact,
        F.PartnershipFact,
        F.StanceFact,
        F.StatementFact,
        F.RoleFact,
        F.EventFact,
    )
}


def to_plain(value: object) -> object:
    """A plain, msgpack-friendly form of a fact, entity, mention or any field value."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, F.FuzzyDate):
            return value.value
        out = {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        out["__type__"] = type(value).__name__
        return out
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    return value


@cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls, vars(F))


def _decode(hint: object, value: object) -> object:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(args[0], value) if len(args) == 1 else value
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_decode(item, v) for v in value)  # type: ignore[union-attr]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    if hint is F.FuzzyDate:
        return F.FuzzyDate(value)  # type: ignore[arg-type]
    if isinstance(value, dict):
        return from_plain(value)
    return value


def from_plain(data: dict) -> object:
    """Rebuild the dataclass :func:`to_plain` produced."""
    cls = _CLASSES[data["__type__"]]
    hints = _hints(cls)
    return cls(**{f.name: _decode(hints[f.name], data[f.name]) for f in dataclasses.fields(cls)})


def extraction_to_plain(ex: F.ArticleExtraction) -> dict:
    """Plain form of a whole :class:`ArticleExtraction`."""
    return {
        "article_id": ex.article_id,
        "extractor_version": ex.extractor_version,
        "entities": [to_plain(e) for e in ex.entities],
        "mentions": [to_plain(m) for m in ex.mentions],
        "facts": [to_plain(f) for f in ex.facts],
    }


def extraction_from_plain(data: dict) -> F.ArticleExtraction:
    """Inverse of :func:`extraction_to_plain`."""
    return F.ArticleExtraction(
        article_id=data["article_id"],
        extractor_version=data["extractor_version"],
        entities=tuple(from_plain(e) for e in data["entities"]),  # type: ignore[misc]
        mentions=tuple(from_plain(m) for m in data["mentions"]),  # type: ignore[misc]
        facts=tuple(from_plain(f) for f in data["facts"]),  # type: ignore[misc]
    )
