"""Date normalisation against the publication date (no model needed)."""

from __future__ import annotations

import pytest

from kg.extraction.dates import normalise_date
from kg.facts import FuzzyDate


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("May 7, 2024", None, "2024-05-07"),
        ("July 10", "2024-07-31", "2024-07-10"),
        ("this July", "2024-05", "2024-07"),
        ("in 2022", "2024-05", "2022"),
        ("last year", "2024-05", "2023"),
        ("February 2022", None, "2022-02"),
        ("on Wednesday", "2023-02-03", "2023-02-01"),
        ("on Wednesday", "2023-02", None),
        ("annual", "2024-05", None),
        ("July 10", None, None),
    ],
)
def test_normalise_date(text: str, published: str | None, expected: str | None) -> None:
    value = normalise_date(text, FuzzyDate(published) if published else None)
    assert (value.value if value else None) == expected


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    [
        ("in December", "2025-01-29", "past", "2024-12"),  # "decided at a summit in December"
        ("in December", "2025-01-29", None, "2025-12"),
        ("Dec. 7", "2025-01-29", "past", "2024-12-07"),
        ("in March", "2025-05-29", "future", "2026-03"),  # "will meet in March"
        ("in March", "2025-01-29", "future", "2025-03"),
        ("in December", "2025-01", "past", "2025-12"),  # a month may be a lower bound only
    ],
)
def test_a_bare_month_takes_its_year_from_the_verb_s_tense(
        text: str, published: str, tense: str | None, expected: str) -> None:
    value = normalise_date(text, FuzzyDate(published), tense)
    assert value is not None and value.value == expected
