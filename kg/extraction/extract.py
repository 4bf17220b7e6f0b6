"""Entry point: articles -> :class:`ArticleExtraction`, in input order, deterministic.

Why: spaCy runs once over all texts through ``nlp.pipe(..., as_tuples=True)`` (batched,
optionally multi-process); the article travels as the tuple context, so its id and publication
date reach the pure fact functions, which run on each returned Doc. Output tuples are sorted,
so the same input always gives identical output.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.corpus import Article
from kg.extraction import EXTRACTOR_VERSION
from kg.extraction.context import DocContext
from kg.extraction.events import Cues as EventCues
from kg.extraction.events import event_facts
from kg.extraction.evidence import sort_facts
from kg.extraction.lexicon import word_map
from kg.extraction.membership import membership_facts
from kg.extraction.partnership import Cues as PartnershipCues
from kg.extraction.partnership import partnership_facts
from kg.extraction.pipeline import load_pipeline, registry_of
from kg.extraction.quotes import statement_facts
from kg.extraction.roles import _title_ending_at, role_facts
from kg.extraction.stance import Cues as StanceCues
from kg.extraction.stance import stance_facts
from kg.facts import ArticleExtraction, Entity, EntityClass, Fact, Mention
from kg.linking import Registry

__all__ = ["EXTRACTOR_VERSION", "extract_articles", "extract_doc"]


class _Cues:
    """Lexicons for all fact functions, loaded once per run."""

    def __init__(self) -> None:
        self.stance = StanceCues()
        self.partnership = PartnershipCues()
        self.events = EventCues()


def _entities(ctx: DocContext) -> tuple[tuple[Entity, ...], tuple[Mention, ...]]:
    """Canonical entities and their mentions; labels from the registry or the first mention."""
    doc = ctx.doc
    first: dict[str, object] = {}
    surfaces: dict[str, list[str]] = {}
    mentions = set()
    for s in ctx.actors.spans:
        text = doc[s.start : s.end].text
        first.setdefault(s.key, s)
        surfaces.setdefault(s.key, [])
        if text not in surfaces[s.key]:
            surfaces[s.key].append(text)
        mentions.add(
            Mention(
                entity=s.key,
                start=doc[s.start].idx,
                end=doc[s.end - 1].idx + len(doc[s.end - 1]),
                text=text,
                sentence_index=ctx.sents.index(doc[s.start]),
            )
        )
    titles = word_map("role_titles.json", "titles")
    for s in ctx.actors.spans:  # "President Biden" is also a surface of Biden
        if s.cls != EntityClass.PERSON:
            continue
        found = _title_ending_at(doc, s.start, ctx.sents.sent(doc[s.start]).start, titles)
        if found:
            span = doc[found[1] : s.end]
            mentions.add(
                Mention(
                    entity=s.key,
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    sentence_index=ctx.sents.index(doc[s.start]),
                )
            )
            if span.text not in surfaces[s.key]:
                surfaces[s.key].append(span.text)
    entities = []
    for key, s in first.items():
        actor = ctx.registry.actors.get(key)
        label = actor.label if actor else s.label
        cls = actor.cls if actor else s.cls
        aliases = tuple(sorted(t for t in surfaces[key] if t != label))
        entities.append(
            Entity(
                key=key,
                label=label,
                cls=EntityClass(cls),
                qid=actor.qid if actor else None,
                aliases=aliases,
                group_of=s.group_of if cls == EntityClass.COLLECTIVE else None,
            )
        )
    return tuple(sorted(entities)), tuple(sorted(mentions))


def extract_doc(
    doc: Doc, article: Article, registry: Registry, cues: _Cues | None = None
) -> ArticleExtraction:
    """All facts of one parsed article (pure function of Doc, article and registry)."""
    cues = cues or _Cues()
    ctx = DocContext(doc, article.id, article.published, registry)
    roles = role_facts(ctx)
    facts: list[Fact] = [
        *roles,
        *statement_facts(ctx, roles),
        *stance_facts(ctx, cues.stance),
        *membership_facts(ctx),
        *partnership_facts(ctx, cues.partnership, roles),
        *event_facts(ctx, cues.events),
    ]
    entities, mentions = _entities(ctx)
    facts = sort_facts(facts)
    return ArticleExtraction(
        article_id=article.id,
        extractor_version=EXTRACTOR_VERSION,
        entities=entities,
        mentions=mentions,
        facts=tuple(facts),
    )


def extract_articles(
    articles: Iterable[Article],
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[ArticleExtraction]:
    """Extract every article, yielding results in input order."""
    nlp = nlp if nlp is not None else load_pipeline()
    registry = registry_of(nlp)
    cues = _Cues()
    stream = nlp.pipe(
        ((a.text, a) for a in articles),
        as_tuples=True,
        n_process=n_process,
        batch_size=batch_size,
    )
    for doc, article in stream:
        yield extract_doc(doc, article, registry, cues)
