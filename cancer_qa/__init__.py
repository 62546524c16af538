"""cancer-qa's front door: the ``cancer-qa`` command (``cancer_qa.cli``; also ``python -m cancer_qa``).

It sits on top of everything (``ingest``, ``index``, ``service``, ``web``, ``eval``) and nothing
imports it. The shared ground (errors, settings) is ``core``.
"""

from core import __version__

__all__ = ["__version__"]
