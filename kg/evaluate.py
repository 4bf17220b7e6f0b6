"""Scoring predicted fact JSON against the gold annotations (``shared/eval/README.md`` rules).

Why: the same rules score the product on articles we never see, so this module implements
them literally and nothing more: entities match by QID or by any mention/label equal ignoring
case and a leading "the"; facts are compared after mapping predicted ids to the gold ids they
matched; facts are deduplicated per article; scores are micro-averaged over articles;
grounded variants also require the evidence sentence to equal the gold one (or an
``also_evidence`` one), whitespace normalised.

Choices where the README is silent, stated so they can be revisited: a predicted entity that
matches several gold entities maps to the QID match, else to the one sharing most names
(ties: first in the gold file); statement quotes match when the shared words cover at least
80 % of the larger word set; a missing event date is compatible with any date (the empty string
is a prefix of every date); one-to-one greedy matching for statements and events.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

FACT_TYPES = ("memberships", "partnerships", "stances", "roles", "statements", "events")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Counts:
    """True positives, false positives and false negatives, with derived P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Micro-averaging: counts are summed over articles."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores over all articles: entities, linking and each fact type (plain and grounded)."""

    articles: list[str] = field(default_factory=list)
    entities: Counts = field(default_factory=Counts)
    linking_correct: int = 0
    linking_total: int = 0
    wrong_qids: int = 0
    facts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in FACT_TYPES})
    grounded: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in FACT_TYPES})
    missing_predictions: list[str] = field(default_factory=list)

    @property
    def linking_accuracy(self) -> float:
        return self.linking_correct / self.linking_total if self.linking_total else 0.0


def norm_name(text: str) -> str:
    """Case-folded name without a leading "the" (the README's entity matching rule)."""
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text[4:] if text.startswith("the ") else text


def norm_ws(text: str) -> str:
    """Whitespace-normalised sentence (for grounded matching)."""
    return re.sub(r"\s+", " ", text or "").strip()


def _names(entity: dict) -> set[str]:
    names = {norm_name(m) for m in entity.get("mentions") or [] if isinstance(m, str)}
    if isinstance(entity.get("label"), str):
        names.add(norm_name(entity["label"]))
    return {n for n in names if n}


def match_entities(gold: list[dict], pred: list[dict]) -> dict[str, str]:
    """Predicted id -> gold id for every predicted entity that matches a gold entity."""
    gold_names = [(g["id"], _names(g)) for g in gold]
    gold_ids = {g["id"] for g in gold}
    mapping: dict[str, str] = {}
    for p in pred:
        pid = p.get("id")
        if not isinstance(pid, str):
            continue
        if _QID.match(pid) and pid in gold_ids:
            mapping[pid] = pid
            continue
        names = _names(p)
        best, best_n = None, 0
        for gid, gnames in gold_names:
            n = len(names & gnames)
            if n > best_n:
                best, best_n = gid, n
        if best is not None:
            mapping[pid] = best
    return mapping


def _pairs(parties: Iterable[str]) -> set[frozenset[str]]:
    items = sorted(set(parties))
    return {frozenset((a, b)) for i, a in enumerate(items) for b in items[i + 1 :]}


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "")}


def quotes_match(a: str, b: str) -> bool:
    """Word sets overlapping by at least 80 % (shared words / larger set)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / max(len(wa), len(wb)) >= 0.8


def _date_ok(a: str | None, b: str | None) -> bool:
    a, b = a or "", b or ""
    return a.startswith(b) or b.startswith(a)


def _evidences(fact: dict) -> set[str]:
    ev = {norm_ws(fact.get("evidence", ""))}
    ev |= {norm_ws(e) for e in fact.get("also_evidence") or []}
    return ev


def _keys(kind: str, fact: dict, ref: Callable[[str | None], str | None]) -> list:
    """The scored tuple(s) of one fact (partnerships give one per unordered pair)."""
    if kind == "memberships":
        return [(ref(fact.get("member")), ref(fact.get("organization")))]
    if kind == "partnerships":
        return list(_pairs(ref(p) for p in fact.get("parties") or []))
    if kind == "stances":
        return [(ref(fact.get("holder")), ref(fact.get("target")), fact.get("polarity"))]
    if kind == "roles":
        return [(ref(fact.get("person")), str(fact.get("role", "")).lower(), ref(fact.get("of")))]
    return []


def _greedy(preds: list, golds: list, same: Callable[[object, object], bool]) -> Counts:
    used = [False] * len(golds)
    tp = 0
    for p in preds:
        for i, g in enumerate(golds):
            if not used[i] and same(p, g):
                used[i] = True
                tp += 1
                break
    return Counts(tp, len(preds) - tp, len(golds) - tp)


def _score_type(
    kind: str,
    gold: list[dict],
    pred: list[dict],
    ref: Callable[[str | None], str | None],
    grounded: bool,
) -> Counts:
    ident = lambda x: x  # noqa: E731 - gold ids are already gold ids
    if kind in ("memberships", "partnerships", "stances", "roles"):
        g_items: set = set()
        g_ev: dict = {}
        for f in gold:
            for k in _keys(kind, f, ident):
                g_items.add(k)
                g_ev.setdefault(k, set()).update(_evidences(f))
        p_items: set = set()
        for f in pred:
            for k in _keys(kind, f, ref):
                p_items.add((k, norm_ws(f.get("evidence", ""))) if grounded else k)
        if not grounded:
            tp = len(p_items & g_items)
            return Counts(tp, len(p_items) - tp, len(g_items) - tp)
        # Grounded: a gold tuple is found when some prediction has it with an accepted sentence.
        found = {k for k, e in p_items if k in g_ev and e in g_ev[k]}
        tp = len(found)
        fp = len({(k, e) for k, e in p_items if not (k in g_ev and e in g_ev[k])})
        return Counts(tp, fp, len(g_items) - tp)
    if kind == "statements":
        gold_keys = [(ident(f.get("speaker")), f.get("quote") or "", _evidences(f)) for f in gold]
        pred_keys = [
            (ref(f.get("speaker")), f.get("quote") or "", {norm_ws(f.get("evidence", ""))})
            for f in pred
        ]

        def same(p: tuple, g: tuple) -> bool:
            ok = p[0] == g[0] and quotes_match(p[1], g[1])
            return ok and (not grounded or bool(p[2] & g[2]))

    else:  # events
        gold_keys = [
            (f.get("type"), f.get("date"), frozenset(f.get("participants") or []), _evidences(f))
            for f in gold
        ]
        pred_keys = [
            (
                f.get("type"),
                f.get("date"),
                frozenset(ref(x) for x in f.get("participants") or []),
                {norm_ws(f.get("evidence", ""))},
            )
            for f in pred
        ]

        def same(p: tuple, g: tuple) -> bool:
            ok = p[0] == g[0] and _date_ok(p[1], g[1]) and bool(p[2] & g[2])
            return ok and (not grounded or bool(p[3] & g[3]))

    return _greedy(_dedup(pred_keys, grounded), _dedup(gold_keys, grounded), same)


def _dedup(items: list[tuple], grounded: bool) -> list[tuple]:
    """Drop repeated facts: the evidence (last field) counts only for grounded scoring."""
    seen: set = set()
    out = []
    for item in items:
        key = (item[:-1], frozenset(item[-1])) if grounded else item[:-1]
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def score_article(gold: dict, pred: dict, report: Report) -> None:
    """Add one article's counts to ``report``."""
    g_ents, p_ents = gold.get("entities") or [], pred.get("entities") or []
    mapping = match_entities(g_ents, p_ents)
    matched_gold = set(mapping.values())
    report.entities.add(
        Counts(
            tp=len(matched_gold),
            fp=sum(1 for p in p_ents if p.get("id") not in mapping),
            fn=len([g for g in g_ents if g["id"] not in matched_gold]),
        )
    )
    for g in g_ents:
        if not _QID.match(g["id"]) or g["id"] not in matched_gold:
            continue
        report.linking_total += 1
        preds = [pid for pid, gid in mapping.items() if gid == g["id"]]
        if g["id"] in preds:
            report.linking_correct += 1
        if any(_QID.match(pid) and pid != g["id"] for pid in preds):
            report.wrong_qids += 1

    def ref(pid: str | None) -> str | None:
        if pid is None:
            return None
        return mapping.get(pid, "pred:" + pid)

    for kind in FACT_TYPES:
        gold_facts, pred_facts = gold.get(kind) or [], pred.get(kind) or []
        report.facts[kind].add(_score_type(kind, gold_facts, pred_facts, ref, False))
        report.grounded[kind].add(_score_type(kind, gold_facts, pred_facts, ref, True))


def score(gold_dir: str | Path, pred_dir: str | Path) -> Report:
    """Score every gold file against the prediction file of the same name."""
    report = Report()
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred_path = Path(pred_dir) / gold_path.name
        report.articles.append(gold_path.stem)
        if pred_path.exists():
            pred = json.loads(pred_path.read_text(encoding="utf-8"))
        else:
            report.missing_predictions.append(gold_path.name)
            pred = {}
        score_article(gold, pred, report)
    return report


def format_table(report: Report) -> str:
    """A plain-text table of all scores."""
    lines = [f"articles: {len(report.articles)}"]
    if report.missing_predictions:
        lines.append(f"missing predictions: {', '.join(report.missing_predictions)}")
    lines.append(f"{'':14}{'P':>7}{'R':>7}{'F1':>7}   {'grounded P':>10}{'R':>7}{'F1':>7}")
    e = report.entities
    lines.append(f"{'entities':14}{e.precision:7.3f}{e.recall:7.3f}{e.f1:7.3f}")
    for kind in FACT_TYPES:
        c, g = report.facts[kind], report.grounded[kind]
        lines.append(
            f"{kind:14}{c.precision:7.3f}{c.recall:7.3f}{c.f1:7.3f}   "
            f"{g.precision:10.3f}{g.recall:7.3f}{g.f1:7.3f}"
        )
    lines.append(
        f"linking accuracy: {report.linking_accuracy:.3f} "
        f"({report.linking_correct}/{report.linking_total}), wrong QIDs: {report.wrong_qids}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.evaluate GOLD_DIR PRED_DIR``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m kg.evaluate GOLD_DIR PRED_DIR", file=sys.stderr)
        return 2
    print(format_table(score(args[0], args[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
