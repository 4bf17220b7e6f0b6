"""``python -m kg.reliability``: run the reliability tests and write ``docs/reliability.md``.

Why a command and not a hand-written page: the figures (how many hostile inputs of each kind
were tried, what came back, how many faults were injected, latency and memory under load) are
recorded by the tests themselves while they run (``tests/reliability/figures.py`` appends JSON
lines to ``KG_RELIABILITY_OUT``; ``tests/reliability/plugin.py`` records each test's outcome),
so the page can only say what the tests really did. This module only runs pytest and renders;
it imports nothing from the rest of ``kg`` or ``server``.

Usage::

    python -m kg.reliability                  # run everything (about 4 minutes), write the page
    python -m kg.reliability --keep DIR       # the same, keeping the recorded figures in DIR
    python -m kg.reliability --render DIR     # only render figures recorded earlier in DIR
    KG_LOAD_SECONDS=20 python -m kg.reliability --output /tmp/r.md   # a shorter load test
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "reliability.md"
TEST_FILES = [
    "tests/test_reliability_hostile.py",
    "tests/test_fuzz_binders.py",
    "tests/test_fuzz_http.py",
    "tests/test_reliability_runaway.py",
    "tests/test_reliability_build.py",
    "tests/test_crash.py",
    "tests/test_reliability_load.py",
]
RUN = "run.json"
CATEGORY_ORDER = ["hostile requests", "fuzzing", "runaway queries", "build faults",
                  "build kills", "sustained load"]


def run_tests(out: Path, extra: list[str]) -> tuple[int, float]:
    """Run the reliability test files with the recording plugin; (exit code, seconds)."""
    env = {**os.environ, "KG_RELIABILITY_OUT": str(out)}
    cmd = [sys.executable, "-m", "pytest", "-p", "tests.reliability.plugin", "-p",
           "no:cacheprovider", "-q", "-rfEX", *TEST_FILES, *extra]
    t0 = time.monotonic()
    code = subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode
    seconds = time.monotonic() - t0
    (out / RUN).write_text(json.dumps({"exit_code": code, "seconds": seconds}), encoding="utf-8")
    return code, seconds


def _lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _outcomes(outcomes: dict[str, int]) -> str:
    return ", ".join(f"{k}: {v}" for k, v in sorted(outcomes.items())) or "-"


def _extra(extra: dict[str, object]) -> str:
    shown = {k: v for k, v in extra.items() if k not in ("check", "known_bug")}
    text = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in shown.items())
    if extra.get("check"):
        text = ("a check, not counted as inputs; " + text).rstrip("; ")
    if extra.get("known_bug"):
        text = ("known bug, strict xfail; " + text).rstrip("; ")
    return text


def _server_errors(row: dict) -> int:
    """5xx answers in a row; a 503 from the time limit is the expected answer, not an error."""
    return sum(v for k, v in row["outcomes"].items()
               if k[:3].isdigit() and k[0] == "5" and "stopped" not in k)


def _merge(figures: list[dict]) -> dict[str, list[dict]]:
    """Figures by category, lines of the same kind summed (a kind may be recorded per test)."""
    merged: dict[tuple[str, str], dict] = {}
    for f in figures:
        key = (f["category"], f["kind"])
        if key not in merged:
            merged[key] = {"kind": f["kind"], "tried": 0, "outcomes": Counter(), "extra": {}}
        m = merged[key]
        m["tried"] += f["tried"]
        m["outcomes"].update(f["outcomes"])
        for k, v in f["extra"].items():  # labels (e.g. kill points) add up, numbers are replaced
            old = m["extra"].get(k)
            m["extra"][k] = f"{old} {v}" if isinstance(v, str) and old not in (None, v) else v
    out: dict[str, list[dict]] = defaultdict(list)
    for (category, _), m in merged.items():
        out[category].append(m)
    return out


def test_outcomes(phases: list[dict]) -> list[dict]:
    """One entry per test: the call's outcome, or the setup's when the setup did not pass."""
    out: dict[str, dict] = {}
    for p in phases:
        if p["when"] == "call" or (p["when"] == "setup" and p["outcome"] != "passed"):
            out[p["nodeid"]] = {"nodeid": p["nodeid"], "outcome": p["outcome"]}
    return list(out.values())


def crash_figures(tests: list[dict]) -> list[dict]:
    """Figures of ``tests/test_crash.py`` read from its test outcomes (one case = one kill)."""
    named = [t for t in tests if "test_crash.py::test_kill_at_each_named_step" in t["nodeid"]]
    timed = [t for t in tests if "test_crash.py::test_kill_at_random_moments" in t["nodeid"]]
    other = [t for t in tests if "test_crash.py::" in t["nodeid"] and t not in named + timed]

    def fig(kind: str, cases: list[dict], what: str) -> dict:
        points = [c["nodeid"].rsplit("[", 1)[-1].rstrip("]") for c in cases]
        return {"kind": kind, "tried": len(cases),
                "outcomes": Counter(f"{c['outcome']} ({what})" for c in cases),
                "extra": {"points": " ".join(points)} if points else {}}

    figs = [fig("SIGKILL of a build at a named step, then a rebuild", named,
                "store was v1 or v2 exactly; rebuild equals a clean build"),
            fig("SIGKILL of a build after a delay (s), then a rebuild", timed,
                "store was v1 or v2 exactly; rebuild equals a clean build")]
    if other:
        figs.append({"kind": "other crash-safety checks (unkilled driver, concurrent build)",
                     "tried": len(other), "outcomes": Counter(c["outcome"] for c in other),
                     "extra": {}})
    return [f for f in figs if f["tried"]]


def render(folder: Path, exit_code: int | None, seconds: float | None) -> str:
    """The Markdown page for the figures and test outcomes recorded in ``folder``."""
    figures = _merge(_lines(folder / "figures.jsonl"))
    phases = _lines(folder / "tests.jsonl")
    tests = test_outcomes(phases)
    figures["build kills"] = crash_figures(tests) + figures.get("build kills", [])
    by_file: dict[str, Counter] = defaultdict(Counter)
    file_seconds: Counter = Counter()
    for t in tests:
        by_file[t["nodeid"].split("::", 1)[0]][t["outcome"]] += 1
    for p in phases:
        file_seconds[p["nodeid"].split("::", 1)[0]] += p["seconds"]
    today = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "# Reliability figures",
        "",
        f"<!-- Generated by `python -m kg.reliability` on {today}; do not edit by hand. -->",
        "",
        "Generated by `python -m kg.reliability`, which runs the reliability tests "
        "(`tests/test_reliability_*.py`, `tests/test_fuzz_*.py`, `tests/test_crash.py`) against "
        "real `kg serve` and `kg build` processes on 127.0.0.1 and renders what they recorded. "
        "The same tests run in CI (`make test`) as ordinary pytest tests; there they record "
        "nothing and only pass or fail.",
        "",
    ]
    if exit_code is not None:
        state = "all passed" if exit_code == 0 else f"pytest exit code {exit_code}"
        out += [f"Last run: **{state}** in {seconds:.0f} s.", ""]
    out += ["## Summary", "",
            "| category | inputs / faults tried | 5xx answers | 5xx from known bugs (xfail) |",
            "|---|---:|---:|---:|"]
    for category in CATEGORY_ORDER:
        rows = figures.get(category, [])
        if not rows:
            continue
        tried = sum(r["tried"] for r in rows if not r["extra"].get("check"))
        fives = {known: sum(_server_errors(r) for r in rows
                            if bool(r["extra"].get("known_bug")) is known)
                 for known in (False, True)}
        out.append(f"| {category} | {tried} | {fives[False]} | {fives[True]} |")
    out.append("")
    for category in CATEGORY_ORDER:
        rows = figures.get(category, [])
        if not rows:
            continue
        out += [f"## {category.capitalize()}", "", SECTION_NOTES.get(category, ""), "",
                "| what | tried | outcomes | measured |", "|---|---:|---|---|"]
        for r in rows:
            out.append(f"| {r['kind']} | {r['tried']} | {_outcomes(dict(r['outcomes']))} | "
                       f"{_extra(r['extra'])} |")
        out.append("")
    out += [SERVER_SEES_NEW_DATA, "", "## Test outcomes and run time", "",
            "| test file | passed | failed | xfailed (known bugs) | skipped | seconds |",
            "|---|---:|---:|---:|---:|---:|"]
    for name in sorted(by_file):
        c = by_file[name]
        out.append(f"| `{name}` | {c['passed']} | {c['failed']} | {c['xfailed']} | "
                   f"{c['skipped']} | {file_seconds[name]:.0f} |")
    out += ["", BUGS, "", LIMITS, ""]
    return "\n".join(out)


SECTION_NOTES = {
    "hostile requests": (
        "A read-only `kg serve` (no update token) over a store of its own. Every request must "
        "get an allowed status with a short UTF-8 error body (never a 5xx, never a traceback); "
        "after every batch the store's fingerprint (live version, quad count, sha256 of the "
        "sorted N-Quads) must equal the one taken before. Requests that must reach the server "
        "byte for byte (`..`, raw non-UTF-8 bytes, duplicate headers) go over a plain socket."),
    "fuzzing": (
        "Property-based tests (hypothesis) of the parameter binders and the Protocol parser "
        "in-process, hypothesis-built raw HTTP requests against the live server (derandomized, "
        "so CI is reproducible), and schemathesis generating calls of every operation of "
        "`/openapi.json` with the `not_a_server_error` check."),
    "runaway queries": (
        "Server with a 2 s time limit and 2 worker processes. Each runaway query runs while a "
        "second client sends simple saved queries in a loop; its latency is compared with the same "
        "client's latency before any runaway started."),
    "build faults": (
        "One build over a folder mixing good articles, odd-but-valid ones and every kind of bad "
        "file; then the same folder with `kg build` and the spaCy model; then a server answering "
        "queries while another process builds a new version of its store."),
    "build kills": (
        "From `tests/test_crash.py` (fake extractor): a build process SIGKILLed at each named "
        "fault point (`KG_FAULT_POINT`) and after timed delays; after each kill the store opens, "
        "equals exactly the previous or the new version, and the next build equals a clean "
        "build."),
    "sustained load": (
        "A bounded loopback load test: 16 client threads cycling through every saved query "
        "(required parameters filled in) in every result format, for 60 s in CI "
        "(`KG_LOAD_SECONDS`). RSS is the sum over gunicorn's arbiter and its worker "
        "processes, read from `/proc` once a second."),
}

SERVER_SEES_NEW_DATA = """## How and when the server sees new data

`kg build` and `kg load` never write the version a server is reading: they write a new
copy-on-write version directory and, only after it is flushed, closed and fsynced, point
`STORE/CURRENT` at it with an atomic `os.replace` (`kg/store.py`). Each worker process of
`kg serve` checks `CURRENT` (one `stat`) before every query and reopens the store read-only
when it changed (`server/executor.py`). So while a build runs, every query answers from the
previous version; the first query that starts after the switch answers from the new one; a
query already running at the switch finishes on the old version, which is kept until the
next build. No restart is needed, and no query ever sees half a build: the test above counts
the article graphs in every answer during a build and finds only the old count, then only the
new one. `/health` shows the live `store_version`."""

BUGS = """## Bugs these tests found (all fixed)

* `/entity/china%0A` (any page id with a trailing newline) answered 500: the id pattern ended
  in `$`, which also matches before a final newline (`server/linked.py`, now `\\Z`).
* A `default-graph-uri`/`named-graph-uri` with a trailing newline passed the IRI check for the
  same reason (`server/protocol.py`).
* Saved-query parameters that were not UTF-8 (`?text=%FF`) were silently bound as U+FFFD and
  answered 200; now 400 like `/sparql` (`server/saved.py`, `server/protocol.py`).
* Raw non-UTF-8 bytes in a form body (`query=ASK{}\\xff`) were read as Latin-1 and the query
  ran; now 400 (`server/protocol.py`).
* A 415 answer echoed the whole `Content-Type` header (5 KB back for a 5 KB header); now cut
  at 80 characters (`server/protocol.py`).
* `kg build` stopped with a traceback, building nothing, when one article had more than
  1,000,000 characters but fewer than 2 MB (spaCy's `nlp.max_length`, error E088); such a file
  is now reported like any other bad file (`kg/corpus.py`)."""

LIMITS = """## Limits and known issues

* Request lines (the URL with its query string) longer than 256 KiB are refused by gunicorn
  with `414 URI Too Long`, and a header line over 64 KiB with `431`, before Flask sees them;
  `docs/http-statuses.md` lists 413 for long query strings, which only applies between
  256 KiB and `max_request_bytes` when the request-line limit is raised.
* A runaway query keeps its CPU until its worker process ends: the worker first finishes the
  requests it already accepted (each bounded by its own time limit). With N workers, N
  runaways at the same moment retire every worker at once; gunicorn starts replacements in
  well under a second. The runaway test checks one runaway at a time on two workers.
* A bug these tests expose that cannot be fixed at once is kept as a strict `xfail` test and
  counted in the summary's last column (pytest prints the reason with `-rX`).
* A valid article near the parser's 1,000,000-character limit is built, but slowly: about
  3 minutes and 2.9 GB of RSS for 950,000 characters with `en_core_web_sm` (measured once by
  hand with `/usr/bin/time -v kg build`, not in CI). Longer texts are refused with a reason."""


def main(argv: list[str] | None = None) -> int:
    """Run the tests (or only render) and write the page; exit code is pytest's."""
    parser = argparse.ArgumentParser(prog="python -m kg.reliability", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--render", type=Path, metavar="DIR",
                        help="render figures recorded earlier in DIR; run no test")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="record the figures in DIR (kept) instead of a temporary folder")
    parser.add_argument("pytest_args", nargs="*", help="extra pytest arguments (after --)")
    args = parser.parse_args(argv)
    if args.render:
        run = json.loads((args.render / RUN).read_text()) if (args.render / RUN).exists() else {}
        page = render(args.render, run.get("exit_code"), run.get("seconds"))
        code = 0
    elif args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        code, seconds = run_tests(args.keep, args.pytest_args)
        page = render(args.keep, code, seconds)
    else:
        with tempfile.TemporaryDirectory(prefix="kg-reliability-") as tmp:
            code, seconds = run_tests(Path(tmp), args.pytest_args)
            page = render(Path(tmp), code, seconds)
    args.output.write_text(page, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
