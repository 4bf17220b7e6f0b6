"""Names of the evaluation gold format (``shared/eval/README.md``) for our enums.

Why: two exports write that format — ``kg facts`` from the store (what the graph holds) and
``kg.extraction.to_gold_json`` straight from extraction (fast development loop) — and they must
agree to the letter, so the mapping lives here once. Pure data: no spaCy, no RDF libraries.
"""

from __future__ import annotations

from kg.facts import EntityClass, EventType, StanceKind

#: Our entity class -> (gold ``type``, gold ``collective`` flag).
ENTITY_TYPE: dict[EntityClass, tuple[str, bool]] = {
    EntityClass.STATE: ("State", False),
    EntityClass.INTERNATIONAL_ORGANIZATION: ("InternationalOrganization", False),
    EntityClass.ALLIANCE: ("Alliance", False),
    EntityClass.PARTNERSHIP_GROUP: ("Partnership group", False),
    EntityClass.PERSON: ("Person", False),
    EntityClass.ORGANIZATION: ("Organization", False),
    EntityClass.COLLECTIVE: ("Organization", True),
    EntityClass.PLACE: ("Place", False),
    EntityClass.REGION: ("Place", False),
}

#: Event classes the gold format has no name for.
EVENT_TYPE: dict[EventType, str] = {EventType.OTHER: "Other", EventType.ATTACK: "Other"}

#: Stance kinds the gold format has no name for (its list ends with "other").
STANCE_KIND: dict[StanceKind, str] = {
    StanceKind.OTHER: "other",
    StanceKind.APPEAL: "other",
    StanceKind.OPPOSE: "other",
}


def entity_type(cls: EntityClass | str) -> tuple[str, bool]:
    """Gold ``(type, collective)`` of an entity class (or its ``kg:`` local name)."""
    return ENTITY_TYPE[EntityClass(cls)]


def event_type(kind: EventType | str) -> str:
    """Gold ``type`` of an event class (or its ``kg:`` local name)."""
    kind = EventType(kind)
    return EVENT_TYPE.get(kind, kind.value)


def stance_kind(kind: StanceKind | str) -> str:
    """Gold ``kind`` of a stance kind (or its ``kgc:`` local name)."""
    kind = StanceKind(kind)
    return STANCE_KIND.get(kind, kind.value)
