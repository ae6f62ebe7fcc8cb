"""``seasoncheck report`` and ``seasoncheck sources``: verdicts per season and source records."""

from __future__ import annotations
