"""seasoncheck: what is actually true about an upcoming anime season.

The Python API that the CLI, the web layer and scripts share. Names load lazily so that
``import seasoncheck`` (and ``seasoncheck --help``) stays fast. Example::

    import seasoncheck

    store = seasoncheck.Store.open("sqlite:///seasoncheck.db")
    report = seasoncheck.ingest(["articles/"], store)
    print(len(report.added), "added;", len(report.errors), "failed")
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# claims/ and link/ compiled with mypyc when the install built them (see seasoncheck.compiled)
importlib.import_module("seasoncheck.compiled").install()

_EXPORTS = {
    "Article": "seasoncheck.models",
    "Claim": "seasoncheck.models",
    "Flag": "seasoncheck.models",
    "Mention": "seasoncheck.models",
    "RawItem": "seasoncheck.models",
    "SourceError": "seasoncheck.models",
    "IngestReport": "seasoncheck.models",
    "Settings": "seasoncheck.settings",
    "Store": "seasoncheck.store",
    "KnowledgeBase": "seasoncheck.kb.model",
    "load_kb": "seasoncheck.kb.loader",
    "extract_article": "seasoncheck.extract",
    "extract_claims": "seasoncheck.claims",
    "read_sources": "seasoncheck.sources",
}

__all__ = sorted([*_EXPORTS, "ingest", "__version__"])


def ingest(inputs: list[str], store: Any = None, settings: Any = None, **options: Any) -> Any:
    """Ingest files, folders, URLs or feeds into ``store`` (default: the configured store).

    Returns an ``IngestReport`` (added, unchanged, errors). The KB defaults to ``load_kb(store)``.
    """
    from seasoncheck.kb.loader import load_kb
    from seasoncheck.pipeline import ingest as run
    from seasoncheck.settings import Settings
    from seasoncheck.store import Store

    settings = settings or Settings.from_env()
    store = store or Store.open(settings.db_url)
    options.setdefault("kb", load_kb(store))
    return run(inputs, store, settings, **options)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'seasoncheck' has no attribute {name!r}")
