"""Index: embed chunks and sentences into a self-describing folder; section-level retrieval."""
