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
