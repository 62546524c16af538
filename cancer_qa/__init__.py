"""cancer-qa: extractive, cited answers from trusted cancer-information documents.

The code flows one way: ``ingest`` -> ``index`` -> ``service`` -> ``web``; ``eval`` drives the
service from outside. This package holds what all of them share: the domain errors, the settings
object, and the command-line entry point.
"""

__version__ = "0.1.0"
