"""Errors of the knowledge-base importers, each a one-line message naming the file and place."""

from __future__ import annotations


class KBError(Exception):
    """Anything that stops a KB import or update; the message is meant for the user."""


class KBFormatError(KBError):
    """The input is not a file we can import, or is corrupt, truncated or of the wrong schema."""


class KBDownloadError(KBError):
    """A release could not be downloaded or failed its integrity check."""
