"""Geopolitical knowledge graph: corpus -> extraction -> linking -> RDF -> store -> server."""
