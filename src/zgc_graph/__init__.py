"""zgc-graph: Chinese news and policy text about Zhongguancun -> knowledge graph with evidence."""

__version__ = "0.1.0"
