"""`kg facts`: the gold-format export is read back from the store with SPARQL.

The store is filled from hand-made facts through ``kg.rdf`` (no spaCy model), alongside a
second article and the curated reference graph, which must not leak into the export.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyoxigraph import Store

from kg import vocab
from kg.cli import main
from kg.config import Settings
from kg.corpus import Article
from kg.facts import (
    ArticleExtraction,
    Entity,
    EntityClass,
    EventFact,
    EventType,
    Evidence,
    FuzzyDate,
    MembershipFact,
    MembershipStatus,
    Mention,
    PartnershipDomain,
    PartnershipFact,
    PartnershipStatus,
    Polarity,
    RoleFact,
    StanceFact,
    StanceKind,
    StatementFact,
)
from kg.facts_export import (
    TOP_KEYS,
    export_article,
    export_facts,
    export_store,
    fuzzy_date,
)
from kg.rdf import article_quads, entity_quads, fact_id, merge_entities, meta_quads
from kg.reference import load_reference

SENTENCES = [
    "Finland joined NATO in 2023.",
    "Japan and NATO deepened cyber cooperation.",
    "Japan and China once cooperated on trade.",
    "China and NATO could cooperate.",
    "Chinese analysts see NATO as divided.",
    "Secretary General Jens Stoltenberg said NATO would “stand with Ukraine”.",
    "NATO leaders met in Washington on July 10, 2024.",
    "Beijing urged calm.",
]
TEXT = " ".join(SENTENCES)
ARTICLE_ID = "001_sample"


def _sentence(i: int) -> tuple[int, int]:
    start = sum(len(s) + 1 for s in SENTENCES[:i])
    return start, start + len(SENTENCES[i])


def ev(i: int, words: str | None = None, article: str = ARTICLE_ID, text: str = TEXT) -> Evidence:
    """Evidence for sentence ``i``, pointing at ``words`` inside it (the whole sentence if None)."""
    s_start, s_end = _sentence(i) if text is TEXT else (0, len(text))
    sentence = text[s_start:s_end]
    start = s_start + (sentence.index(words) if words else 0)
    end = start + len(words or sentence)
    return Evidence(article, i, s_start, s_end, sentence, start, end, text[start:end], 0.9, "t.v1")


def mentions(entity: str, surface: str, text: str = TEXT) -> list[Mention]:
    """Every occurrence of ``surface`` in the text as a mention of ``entity``."""
    out = []
    for m in re.finditer(re.escape(surface), text):
        index = next(i for i in range(len(SENTENCES)) if _sentence(i)[1] >= m.start())
        out.append(Mention(entity, m.start(), m.end(), surface, index))
    return out


ENTITIES = (
    Entity("finland", "Finland", EntityClass.STATE, "Q33"),
    Entity("nato", "NATO", EntityClass.ALLIANCE, "Q7184"),
    Entity("japan", "Japan", EntityClass.STATE, "Q17"),
    Entity("china", "China", EntityClass.STATE, "Q148", ("Beijing",)),
    Entity("ukraine", "Ukraine", EntityClass.STATE, "Q212"),
    Entity("person-jens-stoltenberg", "Jens Stoltenberg", EntityClass.PERSON),
    Entity("collective-chinese-analysts", "Chinese analysts", EntityClass.COLLECTIVE,
           group_of="china"),
    Entity("place-washington", "Washington", EntityClass.PLACE),
)
MEMBERSHIP = MembershipFact("finland", "nato", ev(0, "Finland joined NATO"),
                            start=FuzzyDate("2023"))
CYBER = PartnershipFact(("japan", "nato"), ev(1), (PartnershipDomain.CYBER,))
PAST_TRADE = PartnershipFact(("china", "japan"), ev(2), (PartnershipDomain.TRADE,),
                             PartnershipStatus.PAST)
PROPOSED = PartnershipFact(("china", "nato"), ev(3), (), PartnershipStatus.PROPOSED)
ANALYSTS = StanceFact("collective-chinese-analysts", "nato", Polarity.NEGATIVE,
                      StanceKind.OPPOSE, ev(4))
SUPPORT = StanceFact("nato", "ukraine", Polarity.POSITIVE, StanceKind.SUPPORT, ev(5),
                     quote="stand with Ukraine")
APPEAL = StanceFact("china", "nato", Polarity.NEUTRAL, StanceKind.APPEAL, ev(7))
QUOTE = StatementFact("person-jens-stoltenberg", "stand with Ukraine",
                      ev(5, "stand with Ukraine"), on_behalf_of="nato")
ROLE = RoleFact("person-jens-stoltenberg", "Secretary General", ev(5), of="nato")
SUMMIT = EventFact("NATO leaders' meeting in Washington", EventType.SUMMIT, ev(6),
                   FuzzyDate("2024-07-10"), ("nato",), "place-washington")
MENTIONS = tuple(sorted([
    *mentions("finland", "Finland"), *mentions("nato", "NATO"), *mentions("japan", "Japan"),
    *mentions("china", "China"), *mentions("china", "Beijing"), *mentions("ukraine", "Ukraine"),
    *mentions("person-jens-stoltenberg", "Jens Stoltenberg"),
    *mentions("collective-chinese-analysts", "Chinese analysts"),
    *mentions("place-washington", "Washington"),
]))
ARTICLE = Article(
    id=ARTICLE_ID, text=TEXT, path="/corpus/001_sample.txt", content_hash="0" * 64,
    published=FuzzyDate("2024-07"), published_basis="dateline 'July 2024'",
)
EXTRACTION = ArticleExtraction(
    ARTICLE_ID, "test 0", ENTITIES, MENTIONS,
    (MEMBERSHIP, CYBER, PAST_TRADE, PROPOSED, ANALYSTS, SUPPORT, APPEAL, QUOTE, ROLE, SUMMIT),
)

OTHER_TEXT = "Sweden joined NATO."
OTHER = Article(id="002_other", text=OTHER_TEXT, path="/corpus/002_other.txt",
                content_hash="1" * 64)
OTHER_ENTITIES = (Entity("sweden", "Sweden", EntityClass.STATE, "Q34"),
                  Entity("nato", "NATO", EntityClass.ALLIANCE, "Q7184"))
OTHER_EXTRACTION = ArticleExtraction(
    "002_other", "test 0", OTHER_ENTITIES,
    (Mention("nato", 14, 18, "NATO", 0), Mention("sweden", 0, 6, "Sweden", 0)),
    (MembershipFact("sweden", "nato", ev(0, article="002_other", text=OTHER_TEXT)),),
)

STOLTENBERG = vocab.entity_iri("person-jens-stoltenberg")
ANALYSTS_IRI = vocab.entity_iri("collective-chinese-analysts")
WASHINGTON = vocab.entity_iri("place-washington")

EXPECTED = {
    "article": "001_sample.txt",
    "published": "2024-07",
    "published_basis": "dateline 'July 2024'",
    "entities": [
        {"id": "Q148", "label": "China", "type": "State", "mentions": ["China", "Beijing"]},
        {"id": "Q17", "label": "Japan", "type": "State", "mentions": ["Japan"]},
        {"id": "Q212", "label": "Ukraine", "type": "State", "mentions": ["Ukraine"]},
        {"id": "Q33", "label": "Finland", "type": "State", "mentions": ["Finland"]},
        {"id": "Q7184", "label": "NATO", "type": "Alliance", "mentions": ["NATO"]},
        {"id": ANALYSTS_IRI, "label": "Chinese analysts", "type": "Organization",
         "collective": True, "mentions": ["Chinese analysts"]},
        {"id": STOLTENBERG, "label": "Jens Stoltenberg", "type": "Person",
         "mentions": ["Jens Stoltenberg"]},
        {"id": WASHINGTON, "label": "Washington", "type": "Place", "mentions": ["Washington"]},
    ],
    "memberships": [
        {"member": "Q33", "organization": "Q7184", "evidence": SENTENCES[0]},
    ],
    "partnerships": [
        {"parties": ["Q148", "Q17"], "domains": ["trade"], "evidence": SENTENCES[2],
         "temporal": "past"},
        {"parties": ["Q17", "Q7184"], "domains": ["cyber"], "evidence": SENTENCES[1]},
    ],
    "stances": [
        {"holder": "Q148", "target": "Q7184", "polarity": "neutral", "kind": "other",
         "evidence": SENTENCES[7], "quote": None},
        {"holder": "Q7184", "target": "Q212", "polarity": "positive", "kind": "support",
         "evidence": SENTENCES[5], "quote": "stand with Ukraine"},
        {"holder": ANALYSTS_IRI, "target": "Q7184", "polarity": "negative",
         "kind": "other", "evidence": SENTENCES[4], "quote": None},
    ],
    "statements": [
        {"speaker": STOLTENBERG, "on_behalf_of": "Q7184", "quote": "stand with Ukraine",
         "evidence": SENTENCES[5]},
    ],
    "events": [
        {"id": vocab.fact_iri(fact_id(SUMMIT)), "label": "NATO leaders' meeting in Washington",
         "type": "Summit", "date": "2024-07-10", "participants": ["Q7184"],
         "place": WASHINGTON, "evidence": SENTENCES[6]},
    ],
    "roles": [
        {"person": STOLTENBERG, "role": "Secretary General", "of": "Q7184",
         "evidence": SENTENCES[5]},
    ],
}


def all_quads() -> list:
    quads = [*article_quads(ARTICLE, EXTRACTION), *meta_quads(ARTICLE, EXTRACTION)]
    quads += [*article_quads(OTHER, OTHER_EXTRACTION), *meta_quads(OTHER, OTHER_EXTRACTION)]
    quads += entity_quads(merge_entities([ENTITIES, OTHER_ENTITIES]))
    return quads


@pytest.fixture
def store() -> Store:
    store = Store()
    store.extend(all_quads())
    load_reference(store)  # reference memberships live in their own graph: must not leak
    return store


# --- the gold format's expectations, restated here so the test stays self-contained ------------

POLARITIES = {"negative", "positive", "neutral"}
KINDS = {"accuse", "criticize", "warn", "threaten", "praise", "support", "cooperate", "concern",
         "deny", "other"}
EVENT_TYPES = {"Summit", "Visit", "Declaration", "MilitaryExercise", "Bombing", "War",
               "Meeting", "Publication", "Accession", "Other"}
ENTITY_TYPES = {"State", "InternationalOrganization", "Alliance", "Partnership group", "Person",
                "Organization", "Place", "Event", "Policy", "Document"}
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def gold_format_problems(doc: dict, text: str) -> list[str]:
    """What ``check_gold.py`` would object to (ids may be IRIs: the README allows them)."""
    problems = []
    if list(doc) != list(TOP_KEYS):
        problems.append(f"top-level keys {list(doc)}")
    if doc["published"] is not None and not DATE_RE.match(doc["published"]):
        problems.append(f"published {doc['published']!r}")
    declared = {e["id"] for e in doc["entities"]}
    if len(declared) != len(doc["entities"]):
        problems.append("duplicate entity ids")
    for e in doc["entities"]:
        if e["type"] not in ENTITY_TYPES:
            problems.append(f"entity type {e['type']!r}")
        problems += [f"mention {m!r} not in text" for m in e["mentions"] if m not in text]

    def used(*ids: str | None) -> None:
        problems.extend(f"id {i!r} not declared" for i in ids if i and i not in declared)

    for key in ("memberships", "partnerships", "stances", "statements", "events", "roles"):
        for fact in doc[key]:
            if fact["evidence"] is None or fact["evidence"] not in text:
                problems.append(f"{key}: evidence not verbatim in text: {fact['evidence']!r}")
            if fact.get("quote") is not None and fact["quote"] not in text:
                problems.append(f"{key}: quote not in text")
    for m in doc["memberships"]:
        used(m["member"], m["organization"])
    for p in doc["partnerships"]:
        used(*p["parties"])
        if len(set(p["parties"])) < 2:
            problems.append("partnership with fewer than two parties")
    for s in doc["stances"]:
        used(s["holder"], s["target"])
        if s["polarity"] not in POLARITIES or s["kind"] not in KINDS:
            problems.append(f"stance polarity/kind {s['polarity']}/{s['kind']}")
    for s in doc["statements"]:
        used(s["speaker"], s["on_behalf_of"])
    for e in doc["events"]:
        used(*e["participants"], e["place"])
        if e["type"] not in EVENT_TYPES or (e["date"] and not DATE_RE.match(e["date"])):
            problems.append(f"event type/date {e['type']}/{e['date']}")
    for r in doc["roles"]:
        used(r["person"], r["of"])
    return problems


# --- tests ------------------------------------------------------------------------------------


def test_export_matches_the_facts_field_by_field(store: Store) -> None:
    doc = export_article(store, ARTICLE_ID)
    for key in TOP_KEYS:
        assert doc[key] == EXPECTED[key], key


def test_export_is_valid_gold_format(store: Store) -> None:
    assert gold_format_problems(export_article(store, ARTICLE_ID), TEXT) == []
    assert gold_format_problems(export_article(store, "002_other"), OTHER_TEXT) == []


def test_proposed_partnerships_and_other_graphs_stay_out(store: Store) -> None:
    doc = export_article(store, ARTICLE_ID)
    assert SENTENCES[3] not in [p["evidence"] for p in doc["partnerships"]]
    # Sweden is in the other article and in the reference graph, never in this one.
    assert "Q34" not in json.dumps(doc)
    other = export_article(store, "002_other")
    assert other["memberships"] == [
        {"member": "Q34", "organization": "Q7184", "evidence": "Sweden joined NATO."}
    ]
    assert [e["id"] for e in other["entities"]] == ["Q34", "Q7184"]
    assert other["published"] is None and other["stances"] == []


def test_export_store_writes_one_sorted_file_per_article(store: Store, tmp_path: Path) -> None:
    assert export_store(store, tmp_path) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["001_sample.json", "002_other.json"]
    first = (tmp_path / "001_sample.json").read_text(encoding="utf-8")
    assert json.loads(first) == EXPECTED
    export_store(store, tmp_path)
    assert (tmp_path / "001_sample.json").read_text(encoding="utf-8") == first


def test_export_does_not_depend_on_insertion_order(tmp_path: Path) -> None:
    store = Store()
    store.extend(reversed(all_quads()))
    assert export_article(store, ARTICLE_ID) == EXPECTED


def test_partner_status_is_kept(tmp_path: Path) -> None:
    fact = MembershipFact("japan", "nato", ev(1), MembershipStatus.PARTNER)
    extraction = ArticleExtraction(ARTICLE_ID, "t", ENTITIES, (), (fact,))
    store = Store()
    store.extend([*article_quads(ARTICLE, extraction), *entity_quads(ENTITIES)])
    doc = export_article(store, ARTICLE_ID)
    assert doc["memberships"] == [{"member": "Q17", "organization": "Q7184",
                                   "evidence": SENTENCES[1], "status": "partner"}]
    assert doc["entities"][0]["mentions"] == []  # used in a fact, never mentioned


@pytest.mark.parametrize(
    ("lexical", "precision", "expected"),
    [
        ("2024-07-10T00:00:00", "day", "2024-07-10"),
        ("2024-07-01T00:00:00", "month", "2024-07"),
        ("2024-01-01T00:00:00", "year", "2024"),
        ("2024-07-10T00:00:00", None, "2024-07-10"),
    ],
)
def test_fuzzy_date(lexical: str, precision: str | None, expected: str) -> None:
    from pyoxigraph import Literal

    assert fuzzy_date(Literal(lexical), Literal(precision) if precision else None) == expected


def test_export_facts_reads_the_on_disk_store(tmp_path: Path) -> None:
    from kg.store import add_quads, new_version, writer_lock

    root = tmp_path / "store"
    with writer_lock(root), new_version(root) as version:
        add_quads(version.store, all_quads())
    out = tmp_path / "facts"
    assert export_facts(Settings(store=root), out) == 2
    assert json.loads((out / "001_sample.json").read_text(encoding="utf-8")) == EXPECTED

    args = ["facts", "--store", str(root), "--out", str(tmp_path / "cli")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "wrote 2 article files" in result.output


def test_export_facts_without_a_store_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["facts", "--store", str(tmp_path / "none"), "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 5
    assert "no store" in result.output
