"""Words per second of the full extraction vs raw ``nlp.pipe`` of the same model.

Kept for the extraction engineers' habit: this is now a thin front for
:mod:`bench.extraction`, which ``python -m bench --sections extraction`` also runs and writes
into ``bench/RESULTS.md``. Target: at least 0.9x the raw model's throughput.

    python bench/extraction_speed.py [--repeat 8] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import extraction


def main() -> None:
    """Print raw vs full words/s and their ratio for 1 and 2 processes."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=8, help="copies of the seed corpus")
    parser.add_argument("--rounds", type=int, default=3, help="alternating timing rounds")
    args = parser.parse_args()
    extraction.run(repeat=args.repeat, rounds=args.rounds)


if __name__ == "__main__":
    main()
