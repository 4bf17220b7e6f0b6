"""Entity-ruler patterns built from the actor registry.

Why: the statistical NER misses or mislabels many geopolitical names ("AUKUS", "IP4",
"Stoltenberg" as GPE) and knows nothing of metonyms; phrase patterns placed before the NER fix
the known ones and carry the registry id as ``ent_id_``, which the actor resolver then trusts.
Metonyms ("Beijing") are tagged with the id of the state they may stand for; whether a given
occurrence is the state or the city is decided later from syntax (``actors.py``).
"""

from __future__ import annotations

from kg.facts import EntityClass
from kg.linking import Registry

#: NER label given to a registry name, by class.
LABEL_FOR_CLASS: dict[EntityClass, str] = {
    EntityClass.STATE: "GPE",
    EntityClass.PERSON: "PERSON",
    EntityClass.PLACE: "LOC",
    EntityClass.REGION: "LOC",
    EntityClass.ORGANIZATION: "ORG",
    EntityClass.INTERNATIONAL_ORGANIZATION: "ORG",
    EntityClass.ALLIANCE: "ORG",
    EntityClass.PARTNERSHIP_GROUP: "ORG",
    EntityClass.COLLECTIVE: "NORP",
}

#: ``ent_id_`` suffix marking a demonym or metonym pattern (the id before it is the actor).
DEMONYM_MARK = "#demonym"
METONYM_MARK = "#metonym"


def _variants(surface: str, is_abbreviation: bool) -> list[str]:
    """Surface forms to match: as written, plus "Nato" for "NATO"-style abbreviations, and
    with the other apostrophe ("People’s Republic of China" set with a typographic one,
    which the tokenizer splits like the straight one but a phrase pattern does not equate)."""
    out = [surface]
    if is_abbreviation and surface.isupper() and surface.isalpha() and len(surface) >= 4:
        out.append(surface.capitalize())
    if surface.lower().startswith("the ") and surface[4:]:
        out.append(surface[4:])
    for form in list(out):
        if "'" in form or "’" in form:
            out.append(form.replace("'", "’") if "'" in form else form.replace("’", "'"))
    return out


def ruler_patterns(registry: Registry) -> list[dict]:
    """Phrase patterns ``{"label", "pattern", "id"}`` for every registry surface, sorted.

    Why sorted: the ruler's output must not depend on registry line order, and a stable pattern
    list makes the pipeline (and so the build) reproducible.
    """
    seen: set[tuple[str, str]] = set()
    patterns: list[dict] = []

    def add(label: str, surface: str, pid: str) -> None:
        if (surface, pid) in seen or not surface.strip():
            return
        seen.add((surface, pid))
        patterns.append({"label": label, "pattern": surface, "id": pid})

    ambiguous = {m for actor in registry.actors.values() for m in actor.ambiguous_metonyms}
    for actor in sorted(registry.actors.values(), key=lambda a: a.id):
        label = LABEL_FOR_CLASS[actor.cls]
        for name in (actor.label, *actor.aliases):
            for form in _variants(name, name.isupper()):  # "NATO" also as "Nato"
                add(label, form, actor.id)
            if actor.cls != EntityClass.PERSON and " " in name and not name.startswith("the "):
                # "the Atlantic Council": the ruler keeps the longest match and, between two
                # of one length, the first; so without its article the name lost to another
                # name's "the" form ("the Atlantic", the ocean) and was never found
                add(label, f"the {name}", actor.id)
        for abbr in actor.abbreviations:
            for form in _variants(abbr, True):
                add(label, form, actor.id)
        for dem in actor.demonyms:
            add("NORP", dem, actor.id + DEMONYM_MARK)
        for met in actor.metonyms:
            if met in ambiguous:
                continue
            for form in _variants(met, False):
                add("GPE", form, actor.id + METONYM_MARK)
    # A registry place that is also a metonym keeps only the metonym pattern: the resolver
    # turns it back into the place when the occurrence is locative. Not a name of a place in
    # another state: "Victoria" is an Australian state before it is the Seychelles' capital,
    # whose metonym then gives way (as an ambiguous one does).
    metonym_of = {p["pattern"]: split_ent_id(p["id"])[0] for p in patterns
                  if p["id"].endswith(METONYM_MARK)}
    elsewhere = {p["pattern"] for p in patterns
                 if not p["id"].endswith(METONYM_MARK) and p["pattern"] in metonym_of
                 and (actor := registry.actors.get(split_ent_id(p["id"])[0])) is not None
                 and actor.cls in (EntityClass.PLACE, EntityClass.REGION)
                 and actor.country and actor.country != metonym_of[p["pattern"]]}
    patterns = [
        p
        for p in patterns
        if (p["id"].endswith(METONYM_MARK) and p["pattern"] not in elsewhere)
        or (not p["id"].endswith(METONYM_MARK)
            and (p["pattern"] not in metonym_of or p["pattern"] in elsewhere))
    ]
    return sorted(patterns, key=lambda p: (p["pattern"], p["id"]))


def split_ent_id(ent_id: str) -> tuple[str, str]:
    """``("china", "metonym")`` from ``"china#metonym"``; ``("nato", "name")`` otherwise."""
    if ent_id.endswith(DEMONYM_MARK):
        return ent_id[: -len(DEMONYM_MARK)], "demonym"
    if ent_id.endswith(METONYM_MARK):
        return ent_id[: -len(METONYM_MARK)], "metonym"
    return ent_id, "name"
