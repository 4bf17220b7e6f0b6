"""Extraction: articles -> typed facts (``kg.facts``) with spaCy and cue lexicons.

Entry points: :func:`kg.extraction.pipeline.load_pipeline` and
:func:`kg.extraction.extract.extract_articles`. Nothing here imports pyoxigraph, rdflib or
``kg.vocab`` (``tests/test_layers.py``).
"""

from __future__ import annotations

#: Name and version recorded in provenance for every extraction run.
EXTRACTOR_VERSION = "geo-kg-extract 0.1.0"
