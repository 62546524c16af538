"""Answering: whether the sources answer (abstain), which sentences answer (compose, units), how
hard they read (readability), what to say when they do not (gaps) and what to offer next (suggest)."""
