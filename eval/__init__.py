"""Eval: score gold suites by driving the service from outside."""
