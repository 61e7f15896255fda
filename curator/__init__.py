"""curator: build a curated newsletter issue, grouped by subject, from the feeds an editor follows."""

__version__ = "0.2.0"
