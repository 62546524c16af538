"""The shared ground under every stage: the domain errors (``core.errors``), the one settings object
(``core.settings``) and small text helpers (``core.text``).

The code flows one way: ``ingest`` -> ``index`` -> ``service`` -> ``web``; ``eval`` drives the
service from outside; the command line (``cancer_qa``) is the front door on top. Everything may
import ``core``; ``core`` imports none of them (``tests/test_layers.py`` checks both).
"""

__version__ = "0.1.0"
