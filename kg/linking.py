"""Linking: the verified actor registry -> alias index, QID lookup and minted ids.

Why: extraction must name the same actor the same way in every article. Known actors take
their registry id (and, only from there, their Wikidata QID); anything else gets an id minted
from its normalised name and class, so two builds and two articles agree without a database.
This module is pure Python (no spaCy): ``tests/test_layers.py`` keeps it importable by the RDF
writer and the server.

Registry format (``kg/data/actors.jsonl``, one JSON object a line): ``id``, ``label``,
``class`` and optional ``qid``, ``aliases``, ``abbreviations``, ``demonyms``, ``metonyms``,
``ambiguous_metonyms``, ``capital_qid``, ``country``, ``positions``, ``members``,
``metonym_for``, ``part_of`` (the body an organ belongs to: the European Commission is part of
the European Union, so "the bloc" said after it means the Union), ``sources``. Malformed
lines raise :class:`DataFileError` naming file and line.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from kg.errors import DataFileError
from kg.facts import EntityClass

#: Class prefixes of minted ids; registry ids never start with one of them.
MINT_PREFIX: dict[EntityClass, str] = {
    EntityClass.PERSON: "person-",
    EntityClass.ORGANIZATION: "organization-",
    EntityClass.INTERNATIONAL_ORGANIZATION: "organization-",
    EntityClass.ALLIANCE: "organization-",
    EntityClass.PARTNERSHIP_GROUP: "organization-",
    EntityClass.STATE: "state-",
    EntityClass.PLACE: "place-",
    EntityClass.REGION: "region-",
    EntityClass.COLLECTIVE: "collective-",
}
_PREFIXES = tuple(sorted(set(MINT_PREFIX.values())))
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")
_LIST_FIELDS = ("aliases", "abbreviations", "demonyms", "metonyms", "ambiguous_metonyms", "members")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Lowercase, ASCII-folded name without a leading "the", possessive or extra spaces.

    Why: the alias index and minted ids must agree on "the Kremlin", "Kremlin’s" and "KREMLIN"
    ; the scorer uses the same leading-"the" rule when matching mentions.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).strip()
    text = re.sub(r"'s$|'$", "", text)
    text = re.sub(r"\s+", " ", text).lower()
    text = re.sub(r"^the ", "", text)
    return text.strip(" .,;:")


@lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """ASCII slug of a name: lowercase letters, digits and single hyphens."""
    norm = unicodedata.normalize("NFKD", normalise_name(text)).encode("ascii", "ignore").decode()
    norm = re.sub(r"[^a-z0-9]+", "-", norm).strip("-")
    return norm or "x"


def mint_id(name: str, cls: EntityClass | str) -> str:
    """Stable id for an actor not in the registry: class prefix + slug of the normalised name.

    Why: the same name and class must give the same id in every article and every build, and
    the prefix keeps minted ids disjoint from registry ids (which never use these prefixes).
    """
    return MINT_PREFIX[EntityClass(cls)] + slug(name)


@dataclass(frozen=True)
class Position:
    """A post an actor (person) holds: ``title`` of ``of`` (an actor id), with optional dates."""

    title: str
    of: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class Actor:
    """One registry entry, validated."""

    id: str
    label: str
    cls: EntityClass
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    ambiguous_metonyms: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    country: str | None = None
    positions: tuple[Position, ...] = ()
    metonym_for: str | None = None
    capital_qid: str | None = None
    part_of: str | None = None

    def names(self) -> tuple[str, ...]:
        """Label, aliases and abbreviations: every surface that names this actor itself."""
        return (self.label, *self.aliases, *self.abbreviations)


@dataclass
class Registry:
    """Actors by id plus the indexes extraction needs (normalised surface -> actor id)."""

    actors: dict[str, Actor] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    metonyms: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, str | None] = field(default_factory=dict)
    source: str = "<empty>"

    def lookup(self, surface: str) -> Actor | None:
        """The actor a surface names directly (label, alias or abbreviation), if any."""
        key = self.names.get(normalise_name(surface))
        return self.actors.get(key) if key else None

    def demonym(self, surface: str) -> Actor | None:
        """The actor a demonym ("Chinese") or bloc adjective refers to, if any."""
        key = self.demonyms.get(normalise_name(surface))
        return self.actors.get(key) if key else None

    def metonym(self, surface: str) -> Actor | None:
        """The actor a metonym ("Beijing", "the Kremlin") stands for, if any."""
        key = self.metonyms.get(normalise_name(surface))
        return self.actors.get(key) if key else None

    def ambiguous(self, surface: str) -> list[Actor]:
        """The actors a surface may stand for when it is an ambiguous metonym ("Brussels":
        Belgium or the EU), sorted by id; [] otherwise."""
        return [self.actors[i] for i in self._ambiguous.get(normalise_name(surface), ())]

    @cached_property
    def _ambiguous(self) -> dict[str, tuple[str, ...]]:
        """Normalised ambiguous metonym -> ids of the actors it may stand for (built once)."""
        index: dict[str, set[str]] = {}
        for actor in self.actors.values():
            for met in actor.ambiguous_metonyms:
                index.setdefault(normalise_name(met), set()).add(actor.id)
        return {k: tuple(sorted(v)) for k, v in index.items()}

    def persons_by_last_word(self, last: str) -> tuple[tuple[Actor, frozenset[str]], ...]:
        """Each registry person with a label or alias whose last word slugs to ``last``, with
        that name's word slugs (one entry per such name, in registry order)."""
        return self._persons_by_last_word.get(last, ())

    @cached_property
    def _persons_by_last_word(self) -> dict[str, tuple[tuple[Actor, frozenset[str]], ...]]:
        """Last word's slug -> (person, the name's word slugs), built once: reading a short
        name ("Tayyip Erdogan") scanned every registry name per mention before."""
        index: dict[str, list[tuple[Actor, frozenset[str]]]] = {}
        for actor in self.actors.values():
            if actor.cls != EntityClass.PERSON:
                continue
            for name in (actor.label, *actor.aliases):
                words = name.split()
                index.setdefault(slug(words[-1]), []).append(
                    (actor, frozenset(slug(w) for w in words)))
        return {k: tuple(v) for k, v in index.items()}

    def surname(self, surface: str) -> Actor | None:
        """The one registry person whose name ends with this word ("Stoltenberg"), if unique."""
        key = self.surnames.get(normalise_name(surface))
        return self.actors.get(key) if key else None

    def qid(self, actor_id: str) -> str | None:
        """The verified QID of a registry actor (``None`` for minted ids and unlinked actors)."""
        actor = self.actors.get(actor_id)
        return actor.qid if actor else None

    def place_named(self, surface: str, state: str | None = None) -> Actor | None:
        """The place a metonym names as a location ("Washington" -> Washington, D.C.).

        Why: a registry place whose ``metonym_for`` is ``state`` and whose label starts with
        the surface is the capital the text means; otherwise a place with exactly that name.
        """
        norm = normalise_name(surface)
        actor = self.lookup(surface)
        if actor and actor.cls in (EntityClass.PLACE, EntityClass.REGION):
            return actor
        candidates = sorted(
            (a for a in self.actors.values() if a.cls == EntityClass.PLACE),
            key=lambda a: a.id,
        )
        for actor in candidates:
            if normalise_name(actor.label) == norm:
                return actor
        for actor in candidates:
            if (
                state
                and actor.metonym_for == state
                and normalise_name(actor.label).startswith(norm)
            ):
                return actor
        return None


_CLASS_ALIASES = {"Partnership group": EntityClass.PARTNERSHIP_GROUP}


def _fail(path: str, line: int, reason: str) -> DataFileError:
    return DataFileError(f"{path}:{line}: {reason}")


def _str_list(obj: dict, key: str, path: str, line: int) -> tuple[str, ...]:
    value = obj.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(path, line, f"{key!r} must be a list of non-empty strings")
    return tuple(value)


def parse_actor(obj: object, path: str = "<registry>", line: int = 0) -> Actor:
    """Validate one registry object and build its :class:`Actor`."""
    if not isinstance(obj, dict):
        raise _fail(path, line, "each line must be a JSON object")
    aid, label, cls = obj.get("id"), obj.get("label"), obj.get("class")
    if not isinstance(aid, str) or not _ID_RE.match(aid):
        raise _fail(path, line, f"'id' must be a lowercase slug, got {aid!r}")
    if not isinstance(label, str) or not label.strip():
        raise _fail(path, line, "'label' must be a non-empty string")
    try:
        ecls = _CLASS_ALIASES.get(cls) or EntityClass(cls)
    except ValueError:
        raise _fail(path, line, f"unknown 'class' {cls!r}") from None
    qid = obj.get("qid")
    if qid is not None and (not isinstance(qid, str) or not _QID_RE.match(qid)):
        raise _fail(path, line, f"'qid' must look like Q123, got {qid!r}")
    positions = []
    for pos in obj.get("positions") or []:
        if not isinstance(pos, dict) or not isinstance(pos.get("title"), str):
            raise _fail(path, line, "'positions' entries need a string 'title'")
        positions.append(Position(pos["title"], pos.get("of"), pos.get("since"), pos.get("until")))
    lists = {key: _str_list(obj, key, path, line) for key in _LIST_FIELDS}
    return Actor(
        id=aid,
        label=label.strip(),
        cls=ecls,
        qid=qid,
        positions=tuple(positions),
        country=obj.get("country") if isinstance(obj.get("country"), str) else None,
        metonym_for=obj.get("metonym_for") if isinstance(obj.get("metonym_for"), str) else None,
        capital_qid=obj.get("capital_qid") if isinstance(obj.get("capital_qid"), str) else None,
        part_of=obj.get("part_of") if isinstance(obj.get("part_of"), str) else None,
        **lists,
    )


#: Particles after which a name's word is a father's name ("Mohammed bin Salman"): that word
#: alone names the father ("King Salman"), never the son, so it is no surname.
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint"})


def patronymic(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` follows a patronymic particle ("Salman" in "Mohammed bin Salman")."""
    return k > 0 and words[k - 1].lower() in PATRONYMIC_PARTICLES


_ARTICLE_PARTICLE = re.compile(r"^(?:al|el)-(?=\w)", re.IGNORECASE)


def without_particle(word: str) -> str:
    """A name word without the Arabic article particle it opens with ("al-Assad" -> "Assad",
    "el-Sisi" -> "Sisi"); other words unchanged. Why: texts name such persons either way."""
    return _ARTICLE_PARTICLE.sub("", word)


def build_registry(actors: Iterable[Actor], source: str = "<memory>") -> Registry:
    """Index actors by normalised name, demonym and metonym.

    Why: first come, first served on clashes, but an actor's own name always beats another
    actor's metonym, so "Washington" the state of the US never shadows a registry place of that
    name and vice versa. Ambiguous metonyms ("Brussels") are deliberately not indexed.
    """
    reg = Registry(source=source)
    for actor in actors:
        if actor.id in reg.actors:
            raise DataFileError(f"{source}: duplicate actor id {actor.id!r}")
        reg.actors[actor.id] = actor
    for actor in reg.actors.values():
        for name in actor.names():
            reg.names.setdefault(normalise_name(name), actor.id)
        for dem in actor.demonyms:
            reg.demonyms.setdefault(normalise_name(dem), actor.id)
        for met in actor.metonyms:
            reg.metonyms.setdefault(normalise_name(met), actor.id)
    for actor in reg.actors.values():
        words = actor.label.split()
        if actor.cls == EntityClass.PERSON and len(words) > 1 and not patronymic(
                words, len(words) - 1):
            last = words[-1]
            # "al-Assad" is also "Assad", "el-Sisi" also "Sisi" (the article particle)
            for word in dict.fromkeys(normalise_name(w) for w in (last, without_particle(last))):
                # A surname shared by two registry persons is ambiguous: map it to None.
                reg.surnames[word] = None if word in reg.surnames else actor.id
        if actor.metonym_for and actor.metonym_for in reg.actors:
            for name in (actor.label, *actor.aliases):
                reg.metonyms.setdefault(normalise_name(name), actor.metonym_for)
    return reg


def load_registry(path: str | Path | None) -> Registry:
    """Read and validate a registry JSONL file; a missing ``path`` gives an empty registry.

    Raises :class:`DataFileError` naming the file and line for any malformed entry.
    """
    if path is None:
        return Registry()
    path = Path(path)
    if not path.exists():
        return Registry(source=str(path))
    actors = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read registry ({exc})") from None
    for i, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.lstrip().startswith("//"):
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise _fail(str(path), i, f"invalid JSON ({exc.msg})") from None
        actors.append(parse_actor(obj, str(path), i))
    return build_registry(actors, str(path))


def default_registry_path() -> Path:
    """The packaged registry (``kg/data/actors.jsonl``), which may not exist yet."""
    return Path(__file__).resolve().parent / "data" / "actors.jsonl"
