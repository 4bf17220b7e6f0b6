"""Assembling one article's extraction from a parsed Doc; also the ``kg_facts`` component.

Why: the fact functions are pure (Doc -> facts); this module runs them in a fixed order, links
stances to their quotations and builds the sorted :class:`ArticleExtraction`. As a pipeline
component it runs in the process that parsed the article (one of the extraction workers of
:mod:`kg.extraction.extract` when ``n_process > 1``), so the parent only unpickles the result.
"""

from __future__ import annotations

import pickle
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc

from kg.extraction import EXTRACTOR_VERSION
from kg.extraction.actors import title_ending_at
from kg.extraction.context import NEGATION_CACHE, DocContext
from kg.extraction.events import Cues as EventCues
from kg.extraction.events import event_facts
from kg.extraction.evidence import sort_facts
from kg.extraction.lexicon import post_titles
from kg.extraction.membership import membership_facts
from kg.extraction.partnership import Cues as PartnershipCues
from kg.extraction.partnership import partnership_facts
from kg.extraction.quotes import statement_facts
from kg.extraction.roles import role_facts
from kg.extraction.stance import Cues as StanceCues
from kg.extraction.stance import stance_facts
from kg.facts import (
    ArticleExtraction,
    Entity,
    EntityClass,
    Fact,
    FuzzyDate,
    Mention,
    StanceFact,
    StatementFact,
)
from kg.linking import Registry

#: ``doc.user_data`` key of the finished extraction, pickled (set by ``kg_facts.v1``).
RESULT_KEY = "kg_extraction"


class ArticleRef(NamedTuple):
    """What extraction needs to know about the article: its id and publication date."""

    id: str
    published: FuzzyDate | None


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
    titles = post_titles()
    for s in ctx.actors.spans:  # "President Biden" is also a surface of Biden
        if s.cls != EntityClass.PERSON:
            continue
        found = title_ending_at(doc, s.start, ctx.sents.sent(doc[s.start]).start, titles)
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


#: Fact fields whose values are actor keys.
_ACTOR_FIELDS = frozenset({"holder", "target", "member", "organization", "parties", "person",
                           "of", "speaker", "on_behalf_of", "participants", "place"})


def _unmentioned(
    facts: list[Fact], entities: tuple[Entity, ...], registry: Registry
) -> list[Entity]:
    """Registry actors a fact names without a mention in the text: the body a spokesperson
    speaks for, a post's holder known from the registry. They get their entity record (label,
    class, QID) so the article's graph describes every actor its facts use."""
    have = {e.key for e in entities}
    keys: set[str] = set()
    for fact in facts:
        for name, value in vars(fact).items():
            if name not in _ACTOR_FIELDS:
                continue
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, str) and item not in have and item in registry.actors:
                    keys.add(item)
    out = []
    for key in sorted(keys):
        actor = registry.actors[key]
        out.append(Entity(key=key, label=actor.label, cls=actor.cls, qid=actor.qid))
    return out


def _with_quotes(stances: list[StanceFact], statements: list[StatementFact]) -> list[StanceFact]:
    """Give a stance the quotation its holder made in the same sentence, if any.

    Why: an evaluative quotation ("a vestige of the Cold War") is the stance's best evidence;
    linking it here keeps both fact functions independent of each other.
    """
    said: dict[tuple[int, str], str] = {}
    for st in statements:
        said.setdefault((st.evidence.sentence_index, st.speaker), st.quote)
    return [
        replace(f, quote=said.get((f.evidence.sentence_index, f.holder), f.quote)) for f in stances
    ]


def extract_doc(
    doc: Doc, article: ArticleRef, registry: Registry, cues: _Cues | None = None
) -> ArticleExtraction:
    """All facts of one parsed article (pure function of Doc, article and registry)."""
    cues = cues or _Cues()
    ctx = DocContext(doc, article.id, article.published, registry)
    roles = role_facts(ctx)
    statements = statement_facts(ctx, roles)
    facts: list[Fact] = [
        *roles,
        *statements,
        *_with_quotes(stance_facts(ctx, cues.stance, roles), statements),
        *membership_facts(ctx),
        *partnership_facts(ctx, cues.partnership, roles),
        *event_facts(ctx, cues.events),
    ]
    entities, mentions = _entities(ctx)
    entities = tuple(sorted((*entities, *_unmentioned(facts, entities, registry))))
    doc.user_data.pop(NEGATION_CACHE, None)  # a per-run cache, not part of the Doc's data
    facts = sort_facts(facts)
    return ArticleExtraction(
        article_id=article.id,
        extractor_version=EXTRACTOR_VERSION,
        entities=entities,
        mentions=mentions,
        facts=tuple(facts),
    )


class FactAssembler:
    """Component: extraction of the whole article, stored pickled in ``doc.user_data``.

    Why pickle: the result is read in the process that parsed the article (our extraction
    workers, :mod:`kg.extraction.extract`) and crosses to the parent as these bytes; pickling
    the frozen dataclasses is done in C, several times cheaper than walking them into dicts and
    back, and bytes in ``user_data`` also survive spaCy's own ``Doc.to_bytes`` when someone
    runs ``nlp.pipe(n_process=N)`` directly.
    Docs without an article reference (the ``nlp.pipe`` context ``extract_articles`` gives
    each text) pass through untouched.
    """

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.cues = _Cues()

    def __call__(self, doc: Doc) -> Doc:
        ref = _article_context(doc)
        if ref is not None:
            article = ArticleRef(ref[0], FuzzyDate(ref[1]) if ref[1] else None)
            ex = extract_doc(doc, article, self.registry, self.cues)
            doc.user_data[RESULT_KEY] = pickle.dumps(ex, protocol=pickle.HIGHEST_PROTOCOL)
        return doc


def _article_context(doc: Doc) -> tuple[str, str | None] | None:
    """The (article id, publication date) context ``extract_articles`` gave ``nlp.pipe``."""
    ctx = getattr(doc, "_context", None)
    if isinstance(ctx, tuple) and len(ctx) == 2 and isinstance(ctx[0], str):
        return ctx
    return None


def extraction_of(doc: Doc) -> ArticleExtraction | None:
    """The extraction the ``kg_facts.v1`` component left on a Doc, if any."""
    data = doc.user_data.get(RESULT_KEY)
    return pickle.loads(data) if data is not None else None  # bytes from our own workers
