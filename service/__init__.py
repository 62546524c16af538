"""Service: questions -> retrieved sections -> cited extractive answers (and the HTTP API)."""
