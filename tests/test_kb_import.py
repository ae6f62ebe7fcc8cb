"""`kb import`: formats, merging across sources, release diffs, and bad input leaving the KB intact."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest
import zstandard
from sqlalchemy import func, select

from seasoncheck.kb.errors import KBError, KBFormatError
from seasoncheck.kb.importer import detect_format, import_file
from seasoncheck.kb.loader import load_kb, load_store_kb
from seasoncheck.kb.schema import kb_entries, kb_snapshot, kb_titles, kb_works
from seasoncheck.store import Store

KB_DATA = Path(__file__).resolve().parent / "data" / "kb"
BANGUMI = KB_DATA / "bangumi-mini.json"
AOD = KB_DATA / "aod-mini.json"


def snapshot_of(store: Store) -> bytes | None:
    """The stored KB snapshot (to check that a failed import changed nothing)."""
    with store.engine.connect() as conn:
        return conn.execute(select(kb_snapshot.c.data)).scalar()


def count(store: Store, table) -> int:  # type: ignore[no-untyped-def]
    """Rows in a table."""
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def make_tarball(data: bytes, dest: Path, version: str = "0.3.999") -> Path:
    """An npm-style package tarball holding dist/data.json."""
    with tarfile.open(dest, "w:gz") as tar:
        for name, payload in (
            (
                "package/package.json",
                json.dumps({"name": "bangumi-data", "version": version}).encode(),
            ),
            ("package/dist/data.json", data),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    return dest


def aod_jsonl(dest: Path) -> Path:
    """The AOD fixture in the JSONL layout: metadata line, then one anime a line."""
    doc = json.loads(AOD.read_text("utf-8"))
    meta = {k: v for k, v in doc.items() if k != "data"}
    lines = [json.dumps(meta)] + [json.dumps(a, ensure_ascii=False) for a in doc["data"]]
    dest.write_text("\n".join(lines) + "\n", "utf-8")
    return dest


def test_import_bangumi_then_load(fresh_store: Store) -> None:
    report = import_file(fresh_store, BANGUMI)
    assert (report.source, report.entries, len(report.added)) == ("bangumi-data", 13, 13)
    kb = load_kb(fresh_store)
    f = kb.franchise("oshi-no-ko")
    assert [s.first_aired for s in sorted(f.seasons, key=lambda s: s.number)] == [
        "2023-04-12",
        "2024-07-03",
        "2026-01-14",
    ]
    assert f.studios == ("Doga Kobo",)  # from the packaged facts file
    assert any("bangumi-data" in a and "CC BY 4.0" in a for a in kb.attribution)
    assert count(fresh_store, kb_works) == 13
    with fresh_store.engine.connect() as conn:
        norms = set(
            conn.execute(
                select(kb_titles.c.norm).where(kb_titles.c.franchise_id == "oshi-no-ko")
            ).scalars()
        )
    assert "oshinoko" in norms and "推しの子" in norms


def test_tarball_and_json_give_the_same_kb(fresh_store: Store, tmp_path: Path) -> None:
    tgz = make_tarball(BANGUMI.read_bytes(), tmp_path / "bangumi-data-0.3.999.tgz")
    assert detect_format(tgz) == "bangumi-data"
    report = import_file(fresh_store, tgz)
    assert report.version == "0.3.999"
    assert load_kb(fresh_store).franchise("spy-x-family").season(2).first_aired == "2023-10-07"


@pytest.mark.parametrize("layout", ["json", "jsonl", "jsonl.zst", "json.zst"])
def test_aod_layouts_merge_with_bangumi_on_mal_ids(
    fresh_store: Store, tmp_path: Path, layout: str
) -> None:
    import_file(fresh_store, BANGUMI)
    path = (
        AOD
        if layout.startswith("json") and layout != "jsonl" and not layout.endswith("zst")
        else None
    )
    if layout == "jsonl":
        path = aod_jsonl(tmp_path / "anime-offline-database.jsonl")
    elif layout.endswith("zst"):
        plain = aod_jsonl(tmp_path / "a.jsonl") if layout.startswith("jsonl") else AOD
        path = tmp_path / f"anime-offline-database.{layout}"
        path.write_bytes(zstandard.ZstdCompressor().compress(plain.read_bytes()))
    report = import_file(fresh_store, path)
    assert (report.source, report.entries, report.version) == ("aod", 7, "2026-02-01")
    kb = load_kb(fresh_store)
    s1 = kb.season("oshi-no-ko", 1)
    assert s1.id == "mal:52034" and s1.episodes == 11  # one work: bangumi dates + AOD episodes
    assert s1.first_aired == "2023-04-12" and set(s1.sources) >= {"bangumi-data", "aod"}
    assert sum(1 for f in kb.franchises.values() for s in f.seasons if s.id == "mal:52034") == 1
    hq = kb.franchise("hoshizora-quest")
    assert sorted((s.number, s.kind) for s in hq.seasons if s.number) == [(1, "tv"), (2, "tv")]
    assert [s.kind for s in hq.seasons if s.number is None] == ["movie"]
    assert hq.season(1).studios == ("studio hoshi",) and hq.season(1).first_aired == "2019-10"
    # related to Hoshizora Quest only by a crossover: its own franchise despite the relation cycle
    assert not any("Mecha" in s.title for s in hq.seasons)
    assert any(t.title == "[Oshi no Ko] Season 2" and t.season == 2 for t in kb.titles)


def test_reimport_reports_added_changed_removed(fresh_store: Store, tmp_path: Path) -> None:
    import_file(fresh_store, BANGUMI)
    doc = json.loads(BANGUMI.read_text("utf-8"))
    removed = doc["items"].pop(0)["title"]
    doc["items"][0]["end"] = "2099-01-01T00:00:00.000Z"
    changed = doc["items"][0]["title"]
    new = dict(doc["items"][1], title="星空クエスト", sites=[{"site": "bangumi", "id": "999999"}])
    doc["items"].append(new)
    newer = tmp_path / "data.json"
    newer.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    report = import_file(fresh_store, newer)
    assert (report.added, report.changed, report.removed) == (
        ["星空クエスト"],
        [changed],
        [removed],
    )
    assert count(fresh_store, kb_entries) == 13
    again = import_file(fresh_store, newer)
    assert (again.added, again.changed, again.removed) == ([], [], [])


def test_facts_file_import_overrides_packaged_facts(fresh_store: Store, tmp_path: Path) -> None:
    import_file(fresh_store, BANGUMI)
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "franchises:\n"
        "  - id: oshi-no-ko\n    name: Oshi no Ko\n    match: ['【推しの子】']\n"
        "    seasons: {3: {studios: [Studio Example]}}\n"
        "    characters: [{name: Ai Hoshino, gender: female, role: idol}]\n",
        "utf-8",
    )
    assert detect_format(facts) == "facts"
    import_file(fresh_store, facts)
    f = load_kb(fresh_store).franchise("oshi-no-ko")
    assert f.season(3).studios == ("Studio Example",) and f.season(1).studios == ()
    assert [(c.name, c.gender) for c in f.characters] == [("Ai Hoshino", "female")]


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Broken files, each with a fragment the error message must contain."""
    good = BANGUMI.read_bytes()
    doc = json.loads(good)
    del doc["items"][2]["begin"]
    missing_field = tmp_path / "missing.json"
    missing_field.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(good[: len(good) // 2])
    jsonl = aod_jsonl(tmp_path / "aod.jsonl").read_bytes()
    truncated_jsonl = tmp_path / "truncated.jsonl"
    truncated_jsonl.write_bytes(jsonl[: len(jsonl) - 40])
    truncated_zst = tmp_path / "truncated.jsonl.zst"
    truncated_zst.write_bytes(zstandard.ZstdCompressor().compress(jsonl)[:-30])
    truncated_tgz = tmp_path / "truncated.tgz"
    truncated_tgz.write_bytes(make_tarball(good, tmp_path / "full.tgz").read_bytes()[:-200])
    unknown = tmp_path / "notes.txt"
    unknown.write_text("just some text", "utf-8")
    wrong_schema = tmp_path / "other.json"
    wrong_schema.write_text(json.dumps({"items": 3}), "utf-8")
    no_sources = tmp_path / "aod-bad.json"
    aod_doc = json.loads(AOD.read_text("utf-8"))
    del aod_doc["data"][1]["sources"]
    no_sources.write_text(json.dumps(aod_doc), "utf-8")
    return {
        "missing file": (tmp_path / "nope.json", "no such file"),
        "entry missing fields": (missing_field, "items[2]"),
        "truncated json": (truncated, "offset"),
        "truncated jsonl": (truncated_jsonl, "line 8"),
        "truncated zst": (truncated_zst, "truncated"),
        "truncated tarball": (truncated_tgz, "tarball"),
        "unknown format": (unknown, "unknown format"),
        "wrong schema": (wrong_schema, "not bangumi-data"),
        "aod entry without sources": (no_sources, "data[1]"),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing file",
        "entry missing fields",
        "truncated json",
        "truncated jsonl",
        "truncated zst",
        "truncated tarball",
        "unknown format",
        "wrong schema",
        "aod entry without sources",
    ],
)
def test_bad_input_leaves_the_kb_intact(fresh_store: Store, tmp_path: Path, case: str) -> None:
    import_file(fresh_store, BANGUMI)
    before = (
        snapshot_of(fresh_store),
        count(fresh_store, kb_entries),
        count(fresh_store, kb_works),
    )
    path, fragment = _bad_inputs(tmp_path)[case]
    with pytest.raises(KBError) as err:
        import_file(fresh_store, path)
    assert fragment in str(err.value) and str(path) in str(err.value)
    assert (
        snapshot_of(fresh_store),
        count(fresh_store, kb_entries),
        count(fresh_store, kb_works),
    ) == before
    assert load_kb(fresh_store).franchise("oshi-no-ko") is not None


def test_failure_inside_the_transaction_rolls_back(
    fresh_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure after the entries were replaced (here: while writing tables) undoes everything."""
    import seasoncheck.kb.importer as importer

    import_file(fresh_store, BANGUMI)
    before = (snapshot_of(fresh_store), count(fresh_store, kb_entries))

    def broken(conn, kb):  # type: ignore[no-untyped-def]
        raise KBFormatError("disk full (simulated)")

    monkeypatch.setattr(importer, "write_derived_tables", broken)
    with pytest.raises(KBFormatError):
        import_file(fresh_store, AOD)
    assert (snapshot_of(fresh_store), count(fresh_store, kb_entries)) == before


def test_empty_store_has_no_imported_kb_and_falls_back_to_demo(fresh_store: Store) -> None:
    assert load_store_kb(fresh_store) is None
    kb = load_kb(fresh_store)
    assert kb.franchise("oshi-no-ko") is not None
