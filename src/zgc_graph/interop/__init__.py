"""Checks against other RDF engines (Apache Jena, Oxigraph) and engine-neutral result comparison.

Kept out of the build path: nothing here is imported by `api.build`, so a
machine without Java still builds graphs.
"""
