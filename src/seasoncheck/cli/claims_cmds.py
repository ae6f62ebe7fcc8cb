"""``seasoncheck claims`` and ``seasoncheck eval``: extract claims from JSONL and score them."""

from __future__ import annotations
