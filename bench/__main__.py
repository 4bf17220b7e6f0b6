"""``python -m bench``: run the benchmarks and write ``bench/RESULTS.md`` + ``bench/results.json``.

Why one command: every ratio in RESULTS.md is measured side by side in the same run on the
same machine, so the numbers can be compared with each other and rerun by anyone.

    python -m bench                     # full run (about an hour on 2 quiet cores)
    python -m bench --quick             # smoke test: few repeats, 10x scale only (minutes)
    python -m bench --sections serving,loading --scales 10,100 --replay-scales 1000

Scale: 10x and 100x are built for real; 1000x by default replays the 100x extractions over
the 1000x corpus (store side measured, extraction extrapolated, marked so in RESULTS.md);
``--scales 10,100,1000 --replay-scales ""`` builds 1000x for real (5-10 min of extraction
on 2 idle cores, far more on a shared machine).

Scratch data (synthetic corpora, stores, dumps) goes to ``$BENCH_WORK`` (default
``/tmp/geo-kg-bench``), never into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from bench import report
from bench.common import WORK, machine

SECTIONS = ("extraction", "loading", "serving", "scale")
HERE = Path(__file__).resolve().parent


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen sections; merge into an existing results.json unless told otherwise."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small repeats, 10x scale only")
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated subset of {','.join(SECTIONS)}")
    parser.add_argument("--scales", default=None,
                        help="scale factors built for real (default 10,100; --quick: 10)")
    parser.add_argument("--replay-scales", default=None,
                        help="scale factors whose store side is built from replayed "
                             "extractions, extraction extrapolated (default 1000; --quick: none)")
    parser.add_argument("--reuse-builds", action="store_true",
                        help="scale: take an earlier real build of a size (and its store) "
                             "instead of building it again")
    parser.add_argument("--out", type=Path, default=HERE, help="folder for RESULTS.md/json")
    parser.add_argument("--fresh", action="store_true",
                        help="do not keep sections of an earlier results.json")
    args = parser.parse_args(argv)
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    if "serving" in sections:
        missing = [m for m in ("rdflib_endpoint", "uvicorn") if find_spec(m) is None]
        if missing:  # found before any section runs, not after the first one's minutes
            parser.error(f"the serving section compares with rdflib-endpoint, and "
                         f"{', '.join(missing)} is not installed: pip install -e '.[bench]'")
    quick = args.quick
    scales = tuple(float(s) for s in (args.scales or ("10" if quick else "10,100")).split(","))
    replay_arg = args.replay_scales if args.replay_scales is not None else (
        "" if quick else "1000")
    replay = tuple(float(s) for s in replay_arg.split(",") if s.strip())
    WORK.mkdir(parents=True, exist_ok=True)
    out_json = args.out / "results.json"
    results: dict[str, Any] = {}
    if out_json.is_file() and not args.fresh:
        results = json.loads(out_json.read_text(encoding="utf-8"))
    results["machine"] = machine()
    results["quick"] = quick
    runs = results.setdefault("section_runs", {})

    def save() -> None:
        out_json.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
        (args.out / "RESULTS.md").write_text(report.render(results), encoding="utf-8")

    for section in sections:
        t0 = time.monotonic()
        load_start = os.getloadavg()
        _log(f"section {section}")
        if section == "extraction":
            from bench import extraction

            results["extraction"] = extraction.run(
                repeat=2 if quick else 4, rounds=2 if quick else 5, log=_log)
        elif section == "loading":
            from bench import loading

            results["loading"] = loading.run(scale=2 if quick else 10,
                                             rounds=2 if quick else 3, log=_log)
        elif section == "serving":
            from bench import serving

            results["serving"] = serving.run(
                reps=10 if quick else 50, max_requests=300 if quick else 3000,
                max_seconds=4 if quick else 10, log=_log)
        elif section == "scale":
            from bench import scale

            results["scale"] = scale.run(scales, replay, reps=10 if quick else 20, log=_log,
                                         partial=WORK / "scale-partial.json",
                                         reuse=args.reuse_builds)
        runs[section] = {"finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                         "seconds": time.monotonic() - t0, "quick": quick,
                         "loadavg_1min_start_end": [load_start[0], os.getloadavg()[0]]}
        save()
    _log(f"wrote {args.out / 'RESULTS.md'} and {out_json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
