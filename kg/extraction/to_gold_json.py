"""Development export: one article's extraction in the gold JSON format of ``shared/eval``.

Why: scoring during development needs the exact shape the scorer reads: entities with
``id`` = QID when linked else ``x:<key>`` (the gold files' local-id form), label, type and
mentions; facts referring to those ids; ``evidence`` = the whole sentence. The store-based
export is meant to produce the same JSON.
Proposed partnerships are left out: the gold does not count them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from kg import gold_format
from kg.corpus import Article, find_article_files, read_article
from kg.facts import (
    ArticleExtraction,
    EventFact,
    MembershipFact,
    PartnershipFact,
    PartnershipStatus,
    RoleFact,
    StanceFact,
    StatementFact,
)


def extraction_to_json(article: Article, extraction: ArticleExtraction) -> dict:
    """The gold-format dict for one article (ids: QID when linked, else ``x:`` + entity key)."""
    ids = {e.key: (e.qid or f"x:{e.key}") for e in extraction.entities}
    by_entity: dict[str, list[str]] = {}
    for m in extraction.mentions:
        by_entity.setdefault(m.entity, [])
        if m.text not in by_entity[m.entity]:
            by_entity[m.entity].append(m.text)

    def ref(key: str | None) -> str | None:
        return ids.get(key, f"x:{key}") if key else None

    entities = []
    for e in extraction.entities:
        etype, collective = gold_format.entity_type(e.cls)
        item = {
            "id": ids[e.key],
            "label": e.label,
            "type": etype,
            "mentions": by_entity.get(e.key, [e.label]),
        }
        if collective:
            item["collective"] = True
        entities.append(item)
    out: dict = {
        "article": article.path.rsplit("/", 1)[-1],
        "published": article.published.value if article.published else None,
        "published_basis": article.published_basis,
        "entities": entities,
        "memberships": [],
        "partnerships": [],
        "stances": [],
        "statements": [],
        "events": [],
        "roles": [],
    }
    for f in extraction.facts:
        sentence = f.evidence.sentence
        if isinstance(f, MembershipFact):
            out["memberships"].append(
                {
                    "member": ref(f.member),
                    "organization": ref(f.organization),
                    "evidence": sentence,
                    "basis": "explicit",
                }
            )
        elif isinstance(f, PartnershipFact):
            if f.status == PartnershipStatus.PROPOSED:
                continue
            item = {
                "parties": [ref(p) for p in f.parties],
                "domains": [str(d) for d in f.domains],
                "evidence": sentence,
            }
            if f.status == PartnershipStatus.PAST:
                item["temporal"] = "past"
            out["partnerships"].append(item)
        elif isinstance(f, StanceFact):
            out["stances"].append(
                {
                    "holder": ref(f.holder),
                    "target": ref(f.target),
                    "polarity": str(f.polarity),
                    "kind": gold_format.stance_kind(f.kind),
                    "evidence": sentence,
                    "quote": f.quote,
                }
            )
        elif isinstance(f, StatementFact):
            out["statements"].append(
                {
                    "speaker": ref(f.speaker),
                    "on_behalf_of": ref(f.on_behalf_of),
                    "quote": f.quote,
                    "evidence": sentence,
                }
            )
        elif isinstance(f, EventFact):
            out["events"].append(
                {
                    "id": f"x:event-{f.evidence.sentence_index}-{f.evidence.start}",
                    "label": f.label,
                    "type": gold_format.event_type(f.type),
                    "date": f.date.value if f.date else None,
                    "participants": [ref(p) for p in f.participants],
                    "place": ref(f.place),
                    "evidence": sentence,
                }
            )
        elif isinstance(f, RoleFact):
            out["roles"].append(
                {"person": ref(f.person), "role": f.role, "of": ref(f.of), "evidence": sentence}
            )
    return out


def write_gold_json(
    paths: Iterable[str | Path], out_dir: str | Path, nlp: object = None
) -> list[Path]:
    """Extract the articles at ``paths`` and write ``OUT/<article id>.json`` for each.

    Why: ``kg.evaluate.score(gold_dir, out_dir)`` pairs files by name, and the gold files are
    named after the article files.
    """
    from kg.extraction.extract import extract_articles

    articles = [read_article(p) for p in find_article_files(paths)]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for article, ex in zip(articles, extract_articles(articles, nlp=nlp), strict=True):
        target = out / f"{Path(article.path).name.rsplit('.', 1)[0]}.json"
        data = extraction_to_json(article, ex)
        target.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.extraction.to_gold_json OUT_DIR ARTICLE...`` (files, folders or globs)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print("usage: python -m kg.extraction.to_gold_json OUT_DIR ARTICLE...", file=sys.stderr)
        return 2
    for path in write_gold_json(args[1:], args[0]):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
