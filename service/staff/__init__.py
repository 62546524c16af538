"""The staff desk's search: whole sections, their highlights, and the other audience's counterpart."""
