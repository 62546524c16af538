"""Every domain error in one place.

Code raises these; only the edges translate them (the CLI prints one line and exits 1, the HTTP
layer maps them to a status code and an exact ``detail``).
"""

from __future__ import annotations


class CancerQAError(Exception):
    """Base class: the message is written for the person who has to act on it."""

    http_status = 500


class ConfigError(CancerQAError):
    """A setting is missing or has a bad value; the message names the key and the value."""


class CorpusError(CancerQAError):
    """The corpus folder is missing, unreadable, or holds no usable document."""

    http_status = 400


class DocumentError(CancerQAError):
    """One file could not be turned into a document (the ingest report records why)."""


class IndexMissingError(CancerQAError):
    """No index where one was expected."""

    http_status = 503


class IndexMismatchError(CancerQAError):
    """The index on disk was built with another model, format or settings."""

    http_status = 503


class SuiteError(CancerQAError):
    """An evaluation suite file is malformed."""


class BadQuestionError(CancerQAError):
    """The question is empty or too long."""

    http_status = 422


class NotFoundError(CancerQAError):
    """A document or resource that was asked for does not exist."""

    http_status = 404


class RegressionError(CancerQAError):
    """The eval gate found metrics below the baseline."""


class BadFeedbackError(CancerQAError):
    """Feedback with a bad rating, or a field that is too long."""

    http_status = 422


class BadParameterError(CancerQAError):
    """A request parameter has a bad value; the message names the parameter and the value."""

    http_status = 422


class NotAuthorizedError(CancerQAError):
    """A staff page was asked for without the staff token."""

    http_status = 401


class StoreUnavailableError(CancerQAError):
    """The feedback store cannot be opened or written (a read-only or missing data folder)."""

    http_status = 503


class IndexUnwritableError(CancerQAError):
    """The index folder cannot be created or written (an unwritable data folder)."""

    http_status = 503


class IndexBuildError(CancerQAError):
    """An index could not be built as asked (e.g. the exported encoder does not match the model)."""
