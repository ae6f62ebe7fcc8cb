"""The report's factual-error scan is remembered per article and KB facts, never past a KB change."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from seasoncheck.factcheck import SCAN_MEMO
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.report import build_report
from seasoncheck.store import Store
from test_report import FID, WORK, lanterns_kb, populate

TODAY = date(2025, 1, 10)
MINA_ERROR = 'Mina Okabe is female, not male as the article says ("boy")'


def _errors(store: Store, kb: KnowledgeBase) -> set[str]:
    report = build_report(store, kb, WORK, today=TODAY)
    return {f.detail for a in report.flagged for f in a.flags if f.flag == "factual_error"}


def _mina_is_male(kb: KnowledgeBase) -> KnowledgeBase:
    """The KB after an import that says Mina Okabe is male (a new franchise object)."""
    f = kb.franchises[FID]
    chars = tuple(replace(c, gender="male") if c.name == "Mina Okabe" else c for c in f.characters)
    return replace(kb, franchises={**kb.franchises, FID: replace(f, characters=chars)})


def test_scans_are_remembered_and_a_kb_change_rescans(tmp_path: Path, test_data: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    populate(store, test_data)
    kb = lanterns_kb()
    SCAN_MEMO.clear()
    assert MINA_ERROR in _errors(store, kb)
    scanned = len(SCAN_MEMO)
    assert scanned == build_report(store, kb, WORK, today=TODAY).articles  # one per article
    assert _errors(store, kb) == _errors(store, kb)
    assert len(SCAN_MEMO) == scanned, "a rebuild with the same KB scanned again"
    changed = _mina_is_male(kb)
    assert MINA_ERROR not in _errors(store, changed), "a scan outlived the KB change"
    assert len(SCAN_MEMO) == 2 * scanned
    assert MINA_ERROR in _errors(store, kb)
    store.close()
