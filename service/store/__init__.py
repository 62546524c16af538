"""Shared state: the database (SQLite file or PostgreSQL server), feedback, and staff reviews."""
