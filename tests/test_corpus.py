"""Corpus reader: validation with clear errors, stable ids, metadata sidecars."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import vocab
from kg.corpus import (
    article_id_for,
    estimate_published,
    find_article_files,
    iter_articles,
    read_article,
)
from kg.errors import CorpusError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_seed_articles_read_with_sidecar_metadata() -> None:
    articles = [read_article(p) for p in find_article_files([SEEDS])]
    assert len(articles) == 5
    for a in articles:
        assert a.text.strip()
        assert a.published is not None, a.id
        assert a.published_basis, a.id
        assert a.language == "en"
        assert vocab.article_iri(a.id).endswith("/article/" + a.id)
    by_id = {a.id: a for a in articles}
    assert by_id["002_589e0dc48c0c4ef5"].title == "China-NATO Relations Reach Breakdown"
    assert by_id["002_589e0dc48c0c4ef5"].published.value == "2024-07-31"


def test_sidecars_carry_precision_and_evidence() -> None:
    for sidecar in SEEDS.glob("*.meta.json"):
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
        assert {"published", "published_precision", "published_basis", "language"} <= set(meta)
        assert meta["published_precision"] in {"year", "month", "day"}
        assert meta["published"].count("-") == ["year", "month", "day"].index(
            meta["published_precision"]
        )


def test_ids_are_stable_and_hash_tracks_content(tmp_path: Path) -> None:
    p = tmp_path / "My Article (1).txt"
    p.write_text("NATO met in Vilnius.", encoding="utf-8")
    first = read_article(p)
    assert first.id == article_id_for(p) == "my-article-1"
    assert read_article(p).content_hash == first.content_hash
    p.write_text("NATO met in Madrid.", encoding="utf-8")
    assert read_article(p).content_hash != first.content_hash


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\xff\xfe\x00bad", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (bytes(range(1, 9)) * 10, "binary"),
        (b"x" * 101, "over the 100-byte limit"),
    ],
    ids=["empty", "blank", "nul", "latin1", "control", "too-big"],
)
def test_bad_files_get_a_clear_error_naming_the_file(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(CorpusError) as err:
        read_article(p, max_bytes=100)
    assert str(p) in str(err.value)
    assert reason in str(err.value)


def test_iter_articles_keeps_going_after_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("China spoke.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    (tmp_path / "c.txt").write_text("NATO spoke.", encoding="utf-8")
    results = list(iter_articles(find_article_files([tmp_path])))
    assert [type(r).__name__ for r in results] == ["Article", "CorpusError", "Article"]


def test_globs_folders_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "b.md").write_text("y", encoding="utf-8")
    assert [p.name for p in find_article_files([tmp_path])] == ["a.txt", "b.md"]
    assert [p.name for p in find_article_files([str(tmp_path / "*.txt")])] == ["a.txt"]
    with pytest.raises(CorpusError, match="no such file"):
        find_article_files([tmp_path / "missing"])


def test_broken_sidecar_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"a\.meta\.json"):
        read_article(tmp_path / "a.txt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Title\n\nJul 31, 2024\n\nBody text.", "2024-07-31"),
        ("It happened on May 7, 2024 and again on March 2, 2023.", "2024-05"),
        ("No dates here.", None),
        # a wire dateline with a year; one without gives none
        ("Head\n\nABUJA, Jan. 29, 2025 (Reuters) \u2014 Mali left on May 7, 2024.", "2025-01-29"),
        ("Head\n\nCOPENHAGEN, Jan. 28 (AP) \u2014 Denmark spoke.", None),
        ("Hello, March 3, 2024 was a day.", "2024-03"),  # not a dateline: no capitals
    ],
)
def test_publication_date_estimate(text: str, expected: str | None) -> None:
    date, basis = estimate_published(text)
    assert (date.value if date else None) == expected
    assert (basis is None) == (expected is None)
