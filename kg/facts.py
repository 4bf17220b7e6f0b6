"""Facts: the typed contract between extraction and the RDF writer.

Why: extraction speaks Python (enums, strings, character offsets) and knows nothing of IRIs;
only ``kg/rdf.py`` turns these objects into quads. Keeping the contract in frozen, ordered
dataclasses makes extraction a pure function (same text in, same sorted facts out), which is
what makes builds idempotent and lets extraction run on any batch engine.

Every fact carries its :class:`Evidence`: the article, the sentence, the exact characters it was
read from, a confidence and the name+version of the component that produced it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum


class EntityClass(StrEnum):
    """Ontology class of an entity; values are local names in ``kg:``."""

    STATE = "State"
    INTERNATIONAL_ORGANIZATION = "InternationalOrganization"
    ALLIANCE = "Alliance"
    PARTNERSHIP_GROUP = "PartnershipGroup"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    COLLECTIVE = "CollectiveActor"
    PLACE = "Place"
    REGION = "Region"


class Polarity(StrEnum):
    """Polarity of a stance; values are local names in ``kgc:``."""

    NEGATIVE = "negative"
    NEUTRAL = "neutral"
    POSITIVE = "positive"


class StanceKind(StrEnum):
    """Kind of stance, aligned to CAMEO/PLOVER; values are local names in ``kgc:``."""

    ACCUSE = "accuse"
    CRITICIZE = "criticize"
    WARN = "warn"
    THREATEN = "threaten"
    PRAISE = "praise"
    SUPPORT = "support"
    COOPERATE = "cooperate"
    CONCERN = "concern"
    DENY = "deny"
    APPEAL = "appeal"
    OPPOSE = "oppose"
    OTHER = "otherKind"


class PartnershipDomain(StrEnum):
    """Domain of a partnership; values are local names in ``kgc:``."""

    MILITARY = "military"
    DEFENCE_INDUSTRY = "defenceIndustry"
    CYBER = "cyber"
    MARITIME = "maritime"
    SPACE = "space"
    TECHNOLOGY = "technology"
    INTELLIGENCE = "intelligence"
    ECONOMIC = "economic"
    TRADE = "trade"
    ENERGY = "energy"
    DIPLOMATIC = "diplomatic"
    SECURITY = "security"
    NUCLEAR = "nuclear"
    COUNTER_TERRORISM = "counterTerrorism"
    HUMANITARIAN = "humanitarian"


class PartnershipStatus(StrEnum):
    """Whether a partnership exists, was agreed, is only proposed, or is over."""

    EXISTING = "existing"
    AGREED = "agreed"
    PROPOSED = "proposed"
    PAST = "past"


class MembershipStatus(StrEnum):
    """Kind of membership; values are local names in ``kgc:``."""

    MEMBER = "fullMember"
    PARTNER = "partner"
    OBSERVER = "observer"
    CANDIDATE = "candidate"
    FORMER = "formerMember"


class EventType(StrEnum):
    """Event class; values are local names in ``kg:`` (``Event`` for anything else)."""

    SUMMIT = "Summit"
    VISIT = "Visit"
    DECLARATION = "Declaration"
    MILITARY_EXERCISE = "MilitaryExercise"
    ATTACK = "Attack"
    BOMBING = "Bombing"
    WAR = "War"
    MEETING = "Meeting"
    PUBLICATION = "Publication"
    ACCESSION = "Accession"
    OTHER = "Event"


class Precision(StrEnum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


#: English month names and abbreviations -> month number (corpus datelines, date normalisation).
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A calendar date known to year, month or day precision, written ``YYYY[-MM[-DD]]``.

    Why: articles say "in 2022", "this July", "July 10"; OWL 2 has no ``xsd:gYear`` in its
    datatype map, so the RDF writer stores ``xsd:dateTime`` plus this precision.
    """

    value: str

    def __post_init__(self) -> None:
        m = _DATE_RE.match(self.value)
        if not m:
            raise ValueError(f"not a YYYY[-MM[-DD]] date: {self.value!r}")
        if m.group(2) and not 1 <= int(m.group(2)) <= 12:
            raise ValueError(f"month out of range: {self.value!r}")
        if m.group(3) and not 1 <= int(m.group(3)) <= 31:
            raise ValueError(f"day out of range: {self.value!r}")

    @property
    def precision(self) -> Precision:
        """Year, month or day, from the number of parts written."""
        return (Precision.YEAR, Precision.MONTH, Precision.DAY)[self.value.count("-")]

    @property
    def datetime_lexical(self) -> str:
        """``xsd:dateTime`` lexical form at the start of the period (missing parts are 01)."""
        year, month, day = [*self.value.split("-"), "01", "01"][:3]
        return f"{year}-{month}-{day}T00:00:00"


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact was read: the article, the sentence and the exact characters.

    ``start``/``end`` are character offsets into the article text (``text == article[start:end]``);
    ``sentence_start``/``sentence_end`` delimit the whole sentence, ``sentence`` is its text.
    """

    article_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    sentence: str
    start: int
    end: int
    text: str
    confidence: float
    extractor: str  # component name and version, e.g. "kg_stance.v1"


@dataclass(frozen=True, order=True)
class Entity:
    """A canonical entity (actor or place) as extraction and linking resolved it.

    ``key`` is the local id of its IRI: the registry id for known actors, a slug minted from
    the normalised name and class otherwise. ``qid`` is set only from the verified registry.
    """

    key: str
    label: str
    cls: EntityClass
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    group_of: str | None = None  # CollectiveActor -> key of the actor it belongs to


@dataclass(frozen=True, order=True)
class Mention:
    """One occurrence of an entity in an article (character offsets into the article)."""

    entity: str  # Entity.key
    start: int
    end: int
    text: str
    sentence_index: int


@dataclass(frozen=True, order=True)
class MembershipFact:
    """``member`` belongs to ``organization`` (both Entity keys)."""

    member: str
    organization: str
    evidence: Evidence
    status: MembershipStatus = MembershipStatus.MEMBER
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None


@dataclass(frozen=True, order=True)
class PartnershipFact:
    """Two or more parties cooperate; ``parties`` sorted, at least two distinct keys."""

    parties: tuple[str, ...]
    evidence: Evidence
    domains: tuple[PartnershipDomain, ...] = ()
    status: PartnershipStatus = PartnershipStatus.EXISTING
    since: FuzzyDate | None = None


@dataclass(frozen=True, order=True)
class StanceFact:
    """``holder`` expressed an attitude of ``polarity`` and ``kind`` toward ``target``."""

    holder: str
    target: str
    polarity: Polarity
    kind: StanceKind
    evidence: Evidence
    quote: str | None = None
    topic: str | None = None
    date: FuzzyDate | None = None
    hedged: bool = False


@dataclass(frozen=True, order=True)
class StatementFact:
    """A direct quotation; ``evidence`` points at the quoted words (without quote marks)."""

    speaker: str
    quote: str
    evidence: Evidence
    on_behalf_of: str | None = None
    date: FuzzyDate | None = None


@dataclass(frozen=True, order=True)
class RoleFact:
    """``person`` holds the post ``role`` ("Secretary General") in ``of`` (an Entity key);
    with ``former``, the text says the post is held no longer ("former President X",
    "X, then foreign minister,", "the late president X"): still a fact about the person,
    but not who holds the post now."""

    person: str
    role: str
    evidence: Evidence
    of: str | None = None
    former: bool = False


@dataclass(frozen=True, order=True)
class EventFact:
    """Something that happened, of ``type``, with participants, place and date."""

    label: str
    type: EventType
    evidence: Evidence
    date: FuzzyDate | None = None
    participants: tuple[str, ...] = ()
    place: str | None = None


Fact = MembershipFact | PartnershipFact | StanceFact | StatementFact | RoleFact | EventFact


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything extraction found in one article, sorted, ready for the RDF writer."""

    article_id: str
    extractor_version: str
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    facts: tuple[Fact, ...] = field(default_factory=tuple)

    def of_type(self, kind: type) -> list:
        """Facts of one dataclass type, in their stored order."""
        return [f for f in self.facts if isinstance(f, kind)]
