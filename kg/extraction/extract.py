"""Entry point: articles -> :class:`ArticleExtraction`, in input order, deterministic.

Why: spaCy runs over the texts through ``nlp.pipe(..., as_tuples=True)`` (batched), each text
with its article reference as context, so the last component (``kg_facts.v1``) assembles the
facts inside the process that parsed it. Output tuples are sorted, so the same input always
gives identical output.

With ``n_process > 1`` batches go to our own pool of worker processes (each runs the same
``nlp.pipe`` in-process) instead of ``nlp.pipe(n_process=N)``. Why: spaCy's multi-process pipe
sends every finished Doc back to the parent (``Doc.to_bytes``, ~1 MB for a long article) and
rebuilds it there, and that parent work competes with the workers for the same cores; we need
only the facts, so a worker answers with the pickled :class:`ArticleExtraction` (a few KB) and
the Doc never leaves it. Extraction stays a pure per-article map, which is what lets it run on
any batch engine (README, "Beyond one machine").
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from spacy.language import Language

from kg.corpus import Article
from kg.errors import KGError
from kg.extraction import EXTRACTOR_VERSION
from kg.extraction.assemble import (
    RESULT_KEY,
    ArticleRef,
    extract_doc,
    extraction_of,
)
from kg.extraction.pipeline import load_pipeline, registry_of
from kg.facts import ArticleExtraction, FuzzyDate

__all__ = ["EXTRACTOR_VERSION", "extract_articles", "extract_doc"]

#: (text, (article id, publication date)) as given to ``nlp.pipe(as_tuples=True)``.
Item = tuple[str, tuple[str, str | None]]


def _inputs(articles: Iterable[Article]) -> Iterator[Item]:
    """(text, article reference) pairs for ``nlp.pipe(as_tuples=True)``.

    Why plain text: the context lands on the Doc (``doc._context``) before the components
    run, so ``kg_facts.v1`` knows its article without a pre-made Doc.
    """
    for a in articles:
        yield a.text, (a.id, a.published.value if a.published else None)


def _pickled_results(nlp: Language, items: list[Item], batch_size: int) -> list[bytes]:
    """Pickled extraction of each item, in order (what a worker sends back)."""
    registry = registry_of(nlp)
    out: list[bytes] = []
    for doc, (article_id, published) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        data = doc.user_data.get(RESULT_KEY)
        if data is None:  # a pipeline without kg_facts.v1 (kept usable, as in-process)
            ref = ArticleRef(article_id, FuzzyDate(published) if published else None)
            data = pickle.dumps(extract_doc(doc, ref, registry), pickle.HIGHEST_PROTOCOL)
        out.append(data)
    return out


_WORKER_NLP: Language | None = None


def _init_worker(nlp: Language) -> None:
    global _WORKER_NLP
    _WORKER_NLP = nlp


def _work(items: list[Item], batch_size: int) -> list[bytes]:
    assert _WORKER_NLP is not None, "worker started without a pipeline"
    return _pickled_results(_WORKER_NLP, items, batch_size)


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` where it exists, like ``nlp.pipe``: workers inherit the loaded pipeline."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")  # the pipeline is pickled to each worker


def _pooled(nlp: Language, items: Iterable[Item], n_process: int,
            batch_size: int) -> Iterator[bytes]:
    """Pickled extractions from ``n_process`` workers, in input order.

    At most two batches per worker are in flight, so a long corpus is read lazily.
    """
    window = 2 * n_process
    if isinstance(items, Sized):  # a short list: balance it over the workers
        chunk = max(1, min(batch_size, -(-len(items) // n_process)))
    else:
        chunk = batch_size
    with ProcessPoolExecutor(max_workers=n_process, mp_context=_context(),
                             initializer=_init_worker, initargs=(nlp,)) as pool:
        stream = iter(items)
        batches = iter(lambda: list(itertools.islice(stream, chunk)), [])
        pending: deque[Future[list[bytes]]] = deque()
        try:
            pending.extend(pool.submit(_work, batch, batch_size)
                           for batch in itertools.islice(batches, window))
            while pending:
                done = pending.popleft().result()
                nxt = next(batches, None)
                if nxt is not None:
                    pending.append(pool.submit(_work, nxt, batch_size))
                yield from done
        except BrokenProcessPool:
            raise KGError("an extraction worker process died (out of memory?); nothing of "
                          "the unfinished batch was written") from None
        finally:
            for f in pending:
                f.cancel()
            with contextlib.suppress(Exception):
                pool.shutdown(wait=False, cancel_futures=True)


def extract_articles(
    articles: Iterable[Article],
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 16,
) -> Iterator[ArticleExtraction]:
    """Extract every article, yielding results in input order."""
    nlp = nlp if nlp is not None else load_pipeline()
    registry = registry_of(nlp)
    if n_process > 1:
        items = list(_inputs(articles)) if isinstance(articles, Sized) else _inputs(articles)
        for data in _pooled(nlp, items, n_process, batch_size):
            yield pickle.loads(data)  # bytes from our own worker processes
        return
    mine, theirs = itertools.tee(articles)  # nlp.pipe keeps the order; the lag is a batch
    stream = nlp.pipe(_inputs(theirs), as_tuples=True, batch_size=batch_size)
    for (doc, _ref), article in zip(stream, mine, strict=True):
        done = extraction_of(doc)
        yield (
            done
            if done is not None
            else extract_doc(doc, ArticleRef(article.id, article.published), registry)
        )
