"""The scorer follows shared/eval/README.md matching rules (hand-made gold/pred files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.evaluate import format_table, quotes_match, score

SENT = "NATO criticised China on Monday."
GOLD = {
    "article": "a.txt",
    "entities": [
        {"id": "Q7184", "label": "NATO", "type": "Alliance", "mentions": ["NATO", "the alliance"]},
        {"id": "Q148", "label": "China", "type": "State", "mentions": ["China", "Beijing"]},
        {"id": "Q17", "label": "Japan", "type": "State", "mentions": ["Japan"]},
        {
            "id": "x:analysts",
            "label": "Chinese analysts",
            "type": "Organization",
            "mentions": ["Chinese analysts"],
            "collective": True,
        },
    ],
    "memberships": [{"member": "Q17", "organization": "Q7184", "evidence": SENT}],
    "partnerships": [{"parties": ["Q7184", "Q17", "Q148"], "domains": [], "evidence": SENT}],
    "stances": [
        {
            "holder": "Q7184",
            "target": "Q148",
            "polarity": "negative",
            "kind": "criticize",
            "evidence": SENT,
            "quote": None,
        },
        {
            "holder": "Q7184",
            "target": "Q148",
            "polarity": "negative",
            "kind": "accuse",
            "evidence": "Other sentence.",
            "quote": None,
        },
    ],
    "statements": [
        {
            "speaker": "x:analysts",
            "on_behalf_of": None,
            "quote": "a tool of the hegemon",
            "evidence": SENT,
        }
    ],
    "events": [
        {
            "id": "x:e",
            "label": "summit",
            "type": "Summit",
            "date": "2024-07",
            "participants": ["Q7184"],
            "place": None,
            "evidence": SENT,
        }
    ],
    "roles": [],
}
PRED = {
    "entities": [
        {"id": "Q7184", "label": "NATO", "type": "Alliance", "mentions": ["NATO"]},
        {"id": "china", "label": "China", "type": "State", "mentions": ["the China"]},
        {
            "id": "collective-chinese-analysts",
            "label": "Chinese analysts",
            "type": "Organization",
            "mentions": ["Chinese analysts"],
        },
        {"id": "place-mars", "label": "Mars", "type": "Place", "mentions": ["Mars"]},
    ],
    "memberships": [],
    "partnerships": [{"parties": ["Q7184", "china"], "domains": [], "evidence": SENT}],
    "stances": [
        {
            "holder": "Q7184",
            "target": "china",
            "polarity": "negative",
            "kind": "criticize",
            "evidence": "NATO  criticised China on Monday.",
            "quote": None,
        },
        {
            "holder": "Q7184",
            "target": "china",
            "polarity": "negative",
            "kind": "warn",
            "evidence": SENT,
            "quote": None,
        },
    ],
    "statements": [
        {
            "speaker": "collective-chinese-analysts",
            "on_behalf_of": None,
            "quote": "a tool of the hegemon.",
            "evidence": SENT,
        }
    ],
    "events": [
        {
            "id": "e1",
            "label": "summit",
            "type": "Summit",
            "date": "2024-07-10",
            "participants": ["Q7184"],
            "place": None,
            "evidence": SENT,
        }
    ],
    "roles": [],
}


@pytest.fixture()
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    gold, pred = tmp_path / "gold", tmp_path / "pred"
    gold.mkdir()
    pred.mkdir()
    (gold / "a.json").write_text(json.dumps(GOLD))
    (pred / "a.json").write_text(json.dumps(PRED))
    return gold, pred


def test_entities_and_linking(dirs: tuple[Path, Path]) -> None:
    report = score(*dirs)
    assert (report.entities.tp, report.entities.fp, report.entities.fn) == (3, 1, 1)
    # NATO linked correctly; China matched by mention but not linked (missing QID counts).
    assert (report.linking_correct, report.linking_total, report.wrong_qids) == (1, 2, 0)


def test_facts_use_mapped_ids_dedup_and_pairs(dirs: tuple[Path, Path]) -> None:
    report = score(*dirs)
    stances = report.facts["stances"]
    assert (stances.tp, stances.fp, stances.fn) == (1, 0, 0)  # deduplicated triples
    parts = report.facts["partnerships"]
    assert (parts.tp, parts.fp, parts.fn) == (1, 0, 2)  # 3 gold pairs, 1 predicted
    assert report.facts["memberships"].fn == 1
    assert report.facts["statements"].tp == 1
    assert report.facts["events"].tp == 1  # 2024-07 is a prefix of 2024-07-10
    assert report.grounded["stances"].tp == 1  # whitespace-normalised evidence
    assert "stances" in format_table(report)


def test_wrong_qid_is_counted(tmp_path: Path) -> None:
    gold, pred = tmp_path / "g", tmp_path / "p"
    gold.mkdir()
    pred.mkdir()
    (gold / "a.json").write_text(json.dumps(GOLD))
    bad = dict(PRED, entities=[{"id": "Q999", "label": "NATO", "mentions": ["NATO"]}])
    (pred / "a.json").write_text(json.dumps(bad))
    report = score(gold, pred)
    assert report.wrong_qids == 1
    assert report.linking_correct == 0


def test_missing_prediction_scores_zero(tmp_path: Path) -> None:
    gold = tmp_path / "g"
    gold.mkdir()
    (gold / "a.json").write_text(json.dumps(GOLD))
    report = score(gold, tmp_path)
    assert report.missing_predictions == ["a.json"]
    assert report.entities.tp == 0


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (
            "full of prejudice, smears and provocations",
            "full of prejudice smears and provocations",
            True,
        ),
        ("stay within its bounds", "stay within bounds today now", False),
        ("", "x", False),
    ],
)
def test_quote_overlap(a: str, b: str, ok: bool) -> None:
    assert quotes_match(a, b) is ok
