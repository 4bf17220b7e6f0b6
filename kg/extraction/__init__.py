"""Extraction: articles -> typed facts (``kg.facts``) with spaCy and cue lexicons.

Entry points: :func:`kg.extraction.pipeline.load_pipeline` (model + our components) and
:func:`kg.extraction.extract.extract_articles` (articles in, ``ArticleExtraction`` out, same
order). Components, in pipeline order: ``kg_gazetteer.v1`` (entity ruler fed by the actor
registry, first), the model's own steps with ``kg_paragraphs.v1`` before the parser (line breaks
as sentence breaks) and the model's ``attribute_ruler`` patterns matched through an index
(``attributes.py``: same annotations, a fraction of the time) and ``kg_lemma_mend.v1`` after
the lemmatizer ("hopes" is "hope", not "hop": ``lemmas.py``), ``kg_actors.v1`` (actor
resolution into ``doc._.kg_actors``) and ``kg_facts.v1`` (all fact functions, result in
``doc.user_data["kg_extraction"]`` for texts given to ``nlp.pipe`` with their article reference
as context). Nothing here imports pyoxigraph, rdflib or ``kg.vocab`` (``tests/test_layers.py``).
"""

from __future__ import annotations

#: Name and version recorded in provenance for every extraction run.
EXTRACTOR_VERSION = "geo-kg-extract 0.4.33"  # 0.4: checked on articles beyond the seeds
