"""Figures the reliability tests record while they run (rendered by ``python -m kg.reliability``).

Why a JSON-lines file named by ``KG_RELIABILITY_OUT``: the tests run in pytest processes, the
report is rendered afterwards by another process; appending one self-contained line per
figure needs no locking and no fixture ordering. Without the variable nothing is written, so
a plain ``pytest`` run (CI) leaves no files behind.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

ENV = "KG_RELIABILITY_OUT"
FIGURES = "figures.jsonl"


def out_dir() -> Path | None:
    """Where figures go, or None when nobody asked for them."""
    raw = os.environ.get(ENV)
    return Path(raw) if raw else None


def record(category: str, kind: str, tried: int, outcomes: Mapping[str, int] | None = None,
           **extra: object) -> None:
    """Append one figure: ``tried`` inputs of ``kind`` in ``category`` and their outcomes.

    ``outcomes`` maps an outcome label (an HTTP status, "refused", "stopped" …) to a count;
    ``extra`` holds measurements (latencies, RSS) that the report prints as they are.
    """
    folder = out_dir()
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    line = {"category": category, "kind": kind, "tried": tried,
            "outcomes": {str(k): int(v) for k, v in sorted((outcomes or {}).items(),
                                                            key=lambda kv: str(kv[0]))},
            "extra": extra, "at": round(time.time(), 3)}
    with (folder / FIGURES).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")


class Tally:
    """Counts outcomes of one batch of inputs; ``record()`` writes them as one figure."""

    def __init__(self, category: str, kind: str) -> None:
        self.category = category
        self.kind = kind
        self.tried = 0
        self.outcomes: Counter[str] = Counter()

    def add(self, outcome: object) -> None:
        """Count one input and its outcome (an HTTP status or a label)."""
        self.tried += 1
        self.outcomes[str(outcome)] += 1

    def record(self, **extra: object) -> None:
        """Write the batch as one figure."""
        record(self.category, self.kind, self.tried, self.outcomes, **extra)
