"""Entry point: articles -> :class:`ArticleExtraction`, in input order, deterministic.

Why: spaCy runs once over all texts through ``nlp.pipe(..., as_tuples=True)`` (batched,
optionally multi-process), each text with its article reference as context, so the last
component (``kg_facts.v1``) assembles the facts inside the worker that parsed it; the parent
only unpickles the result. Output tuples are sorted, so the
same input always gives identical output.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

from spacy.language import Language

from kg.corpus import Article
from kg.extraction import EXTRACTOR_VERSION
from kg.extraction.assemble import (
    ArticleRef,
    extract_doc,
    extraction_of,
)
from kg.extraction.pipeline import load_pipeline, registry_of
from kg.facts import ArticleExtraction

__all__ = ["EXTRACTOR_VERSION", "extract_articles", "extract_doc"]


def _inputs(articles: Iterable[Article]) -> Iterator[tuple[str, tuple[str, str | None]]]:
    """(text, article reference) pairs for ``nlp.pipe(as_tuples=True)``.

    Why plain text: spaCy sends texts to its worker processes as strings and the context
    beside them, and puts the context on the Doc (``doc._context``) before the components
    run; pre-made Docs would be serialized token by token on the way out (what the raw
    ``nlp.pipe`` baseline of ``bench/extraction.py`` never pays).
    """
    for a in articles:
        yield a.text, (a.id, a.published.value if a.published else None)


def extract_articles(
    articles: Iterable[Article],
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[ArticleExtraction]:
    """Extract every article, yielding results in input order."""
    nlp = nlp if nlp is not None else load_pipeline()
    registry = registry_of(nlp)
    mine, theirs = itertools.tee(articles)  # spaCy keeps the order; the lag is a few batches
    stream = nlp.pipe(
        _inputs(theirs), as_tuples=True, n_process=n_process, batch_size=batch_size
    )
    for (doc, _ref), article in zip(stream, mine, strict=True):
        done = extraction_of(doc)
        yield (
            done
            if done is not None
            else extract_doc(doc, ArticleRef(article.id, article.published), registry)
        )
