"""Entry point: articles -> :class:`ArticleExtraction`, in input order, deterministic.

Why: spaCy runs once over all texts through ``nlp.pipe(..., as_tuples=True)`` (batched,
optionally multi-process). Each Doc is made here first with its article reference in
``doc.user_data``, so the last component (``kg_facts.v1``) assembles the facts inside the
worker that parsed it; the parent only rebuilds the result. Output tuples are sorted, so the
same input always gives identical output.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from kg.corpus import Article
from kg.extraction import EXTRACTOR_VERSION
from kg.extraction.assemble import (
    ARTICLE_KEY,
    ArticleRef,
    extract_doc,
    extraction_of,
)
from kg.extraction.pipeline import load_pipeline, registry_of
from kg.facts import ArticleExtraction

__all__ = ["EXTRACTOR_VERSION", "extract_articles", "extract_doc"]


def _docs(nlp: Language, articles: Iterable[Article]) -> Iterator[tuple[object, Article]]:
    for a in articles:
        doc = nlp.make_doc(a.text)
        doc.user_data[ARTICLE_KEY] = [a.id, a.published.value if a.published else None]
        yield doc, a


def extract_articles(
    articles: Iterable[Article],
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[ArticleExtraction]:
    """Extract every article, yielding results in input order."""
    nlp = nlp if nlp is not None else load_pipeline()
    registry = registry_of(nlp)
    stream = nlp.pipe(
        _docs(nlp, articles), as_tuples=True, n_process=n_process, batch_size=batch_size
    )
    for doc, article in stream:
        done = extraction_of(doc)
        yield (
            done
            if done is not None
            else extract_doc(doc, ArticleRef(article.id, article.published), registry)
        )
