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
        # a publication month (the lower bound from the text's latest full date): the same
        ("in December", "2025-01", "past", "2024-12"),
    ],
)
def test_a_bare_month_takes_its_year_from_the_verb_s_tense(
        text: str, published: str, tense: str | None, expected: str) -> None:
    value = normalise_date(text, FuzzyDate(published), tense)
    assert value is not None and value.value == expected


@pytest.mark.parametrize(
    ("text", "published", "hint", "expected"),
    [
        ("on May 16", "2025-01", 2024, "2024-05-16"),  # "meetings in 2024 …. on May 16"
        ("in October", "2024-03", 2024, "2024-10"),  # "in 2024, when … in October"
        ("on May 7", "2024-07", 1999, "2024-05-07"),  # "the 1999 bombing": history
        ("on May 7", "2024-07-31", 2023, "2024-05-07"),  # a dateline's day is the anchor
        ("May 7, 2024", "2025-01", 2023, "2024-05-07"),  # an explicit year wins
    ],
)
def test_the_last_year_named_places_a_bare_date_against_a_lower_bound(
        text: str, published: str, hint: int, expected: str) -> None:
    value = normalise_date(text, FuzzyDate(published), None, hint)
    assert value is not None and value.value == expected
