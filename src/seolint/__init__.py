"""seolint: lint Markdown articles for search results, structure and French typography."""

__version__ = "0.1.0"
