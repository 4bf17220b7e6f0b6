"""Registry loading, validation, indexes and minted ids (no spaCy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import DataFileError
from kg.facts import EntityClass
from kg.linking import load_registry, mint_id, normalise_name

ACTORS = [
    {
        "id": "china",
        "label": "China",
        "class": "State",
        "qid": "Q148",
        "abbreviations": ["PRC"],
        "demonyms": ["Chinese"],
        "metonyms": ["Beijing"],
    },
    {"id": "beijing", "label": "Beijing", "class": "Place", "qid": "Q956", "metonym_for": "china"},
    {
        "id": "united-states",
        "label": "United States",
        "class": "State",
        "qid": "Q30",
        "abbreviations": ["U.S."],
        "metonyms": ["Washington"],
    },
    {
        "id": "washington-d-c",
        "label": "Washington, D.C.",
        "class": "Place",
        "qid": "Q61",
        "metonym_for": "united-states",
    },
    {
        "id": "jens-stoltenberg",
        "label": "Jens Stoltenberg",
        "class": "Person",
        "positions": [{"title": "Secretary General", "of": "nato"}],
    },
    {"id": "nato", "label": "NATO", "class": "Alliance", "qid": "Q7184"},
]


def write(tmp_path: Path, rows: list) -> Path:
    path = tmp_path / "actors.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


def test_indexes(tmp_path: Path) -> None:
    reg = load_registry(write(tmp_path, ACTORS))
    assert reg.lookup("the PRC").id == "china"
    assert reg.demonym("Chinese").id == "china"
    assert reg.metonym("Beijing").id == "china"
    assert reg.qid("nato") == "Q7184"
    assert reg.qid("person-someone") is None
    assert reg.place_named("Washington", "united-states").id == "washington-d-c"
    assert reg.surname("Stoltenberg").id == "jens-stoltenberg"


def test_missing_file_is_empty_registry(tmp_path: Path) -> None:
    assert load_registry(tmp_path / "nope.jsonl").actors == {}
    assert load_registry(None).actors == {}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("{not json", "invalid JSON"),
        ({"id": "x", "class": "State"}, "'label'"),
        ({"id": "x", "label": "X", "class": "Planet"}, "unknown 'class'"),
        ({"id": "x", "label": "X", "class": "State", "qid": "148"}, "'qid'"),
        ({"id": "Bad Id", "label": "X", "class": "State"}, "'id'"),
        ({"id": "x", "label": "X", "class": "State", "aliases": "X"}, "'aliases'"),
    ],
)
def test_malformed_lines_name_file_and_line(tmp_path: Path, row: object, message: str) -> None:
    path = write(tmp_path, [ACTORS[0], row])
    with pytest.raises(DataFileError) as err:
        load_registry(path)
    assert f"{path}:2" in str(err.value)
    assert message in str(err.value)


def test_duplicate_ids_rejected(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        load_registry(write(tmp_path, [ACTORS[0], ACTORS[0]]))


def test_mint_id_is_stable_and_prefixed() -> None:
    assert mint_id("Jake Sullivan", EntityClass.PERSON) == "person-jake-sullivan"
    assert mint_id("the  Jake Sullivan’s", "Person") == "person-jake-sullivan"
    assert mint_id("Chinese analysts", EntityClass.COLLECTIVE) == "collective-chinese-analysts"
    assert mint_id("Tokyo", EntityClass.PLACE).startswith("place-")
    assert normalise_name("The Kremlin’s") == "kremlin"
