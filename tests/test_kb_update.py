"""`kb update` against a real HTTP server on 127.0.0.1 (pytest-httpserver), and the real registry."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
import zstandard
from pytest_httpserver import HTTPServer

from seasoncheck.kb.errors import KBDownloadError
from seasoncheck.kb.importer import import_file
from seasoncheck.kb.loader import load_kb
from seasoncheck.kb.update import (
    download,
    latest_release,
    update_aod,
    update_bangumi,
    verify_integrity,
)
from seasoncheck.settings import Settings
from seasoncheck.store import Store

KB_DATA = Path(__file__).resolve().parent / "data" / "kb"
VERSION = "0.3.999"


def tarball_bytes() -> bytes:
    """A bangumi-data package tarball with the mini fixture as dist/data.json."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, payload in (
            (
                "package/package.json",
                json.dumps({"name": "bangumi-data", "version": VERSION}).encode(),
            ),
            ("package/dist/data.json", (KB_DATA / "bangumi-mini.json").read_bytes()),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    return buf.getvalue()


def sri(data: bytes) -> str:
    """npm's integrity string for some bytes."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def serve_registry(httpserver: HTTPServer, tgz: bytes, integrity: str) -> str:
    """Registry metadata and tarball on the local server; returns the registry URL."""
    tar_path = f"/bangumi-data/-/bangumi-data-{VERSION}.tgz"
    meta = {
        "name": "bangumi-data",
        "version": VERSION,
        "dist": {"tarball": httpserver.url_for(tar_path), "integrity": integrity},
    }
    httpserver.expect_request("/bangumi-data/latest").respond_with_json(meta)
    httpserver.expect_request(tar_path).respond_with_data(
        tgz, content_type="application/octet-stream"
    )
    return httpserver.url_for("/").rstrip("/")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with short timeouts."""
    return Settings(db_url=f"sqlite:///{tmp_path / 'x.db'}", connect_timeout=5.0, read_timeout=5.0)


def test_update_downloads_verifies_and_imports(
    fresh_store: Store, httpserver: HTTPServer, settings: Settings
) -> None:
    tgz = tarball_bytes()
    registry = serve_registry(httpserver, tgz, sri(tgz))
    report = update_bangumi(fresh_store, settings, registry)
    assert (report.source, report.version, report.entries) == ("bangumi-data", VERSION, 13)
    assert report.origin.endswith(f"bangumi-data-{VERSION}.tgz")
    assert load_kb(fresh_store).season("oshi-no-ko", 3).first_aired == "2026-01-14"


def test_integrity_mismatch_keeps_the_old_kb(
    fresh_store: Store, httpserver: HTTPServer, settings: Settings
) -> None:
    import_file(fresh_store, KB_DATA / "aod-mini.json")
    tgz = tarball_bytes()
    registry = serve_registry(httpserver, tgz, sri(tgz + b"tampered"))
    with pytest.raises(KBDownloadError, match="integrity check failed"):
        update_bangumi(fresh_store, settings, registry)
    kb = load_kb(fresh_store)
    assert kb.franchise("hoshizora-quest") is not None  # the AOD import is still there
    assert all("bangumi-data" not in s.sources for f in kb.franchises.values() for s in f.seasons)


def test_registry_errors_are_reported(
    fresh_store: Store, httpserver: HTTPServer, settings: Settings
) -> None:
    httpserver.expect_request("/bangumi-data/latest").respond_with_data("no", status=404)
    with pytest.raises(KBDownloadError, match="404"):
        update_bangumi(fresh_store, settings, httpserver.url_for("/").rstrip("/"))
    httpserver.clear()
    httpserver.expect_request("/bangumi-data/latest").respond_with_json({"name": "bangumi-data"})
    with pytest.raises(KBDownloadError, match="dist.tarball"):
        latest_release(settings, httpserver.url_for("/").rstrip("/"))


def test_download_size_cap(httpserver: HTTPServer, settings: Settings, tmp_path: Path) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 300_000)
    with pytest.raises(KBDownloadError, match="larger than"):
        download(httpserver.url_for("/big"), tmp_path / "big", settings, max_bytes=100_000)


def test_update_aod_from_a_url(
    fresh_store: Store, httpserver: HTTPServer, settings: Settings
) -> None:
    doc = json.loads((KB_DATA / "aod-mini.json").read_text("utf-8"))
    lines = [json.dumps({k: v for k, v in doc.items() if k != "data"})] + [
        json.dumps(a) for a in doc["data"]
    ]
    payload = zstandard.ZstdCompressor().compress(("\n".join(lines) + "\n").encode())
    httpserver.expect_request("/releases/anime-offline-database.jsonl.zst").respond_with_data(
        payload
    )
    report = update_aod(
        fresh_store, settings, httpserver.url_for("/releases/anime-offline-database.jsonl.zst")
    )
    assert (report.source, report.entries, report.version) == ("aod", 7, "2026-02-01")
    assert load_kb(fresh_store).franchise("hoshizora-quest").season(2) is not None


@pytest.mark.network
def test_real_registry_latest_tarball_verifies(settings: Settings, tmp_path: Path) -> None:
    """The npm registry's latest bangumi-data: metadata, download, sha512 (skips when offline)."""
    try:
        release = latest_release(settings)
    except KBDownloadError as exc:
        pytest.skip(f"npm registry not reachable: {exc}")
    assert release.integrity and release.integrity.startswith("sha512-")
    path = tmp_path / "bangumi-data.tgz"
    download(release.tarball, path, settings, max_bytes=64 * 1024 * 1024)
    verify_integrity(path, release.integrity)
    with tarfile.open(path) as tar:
        assert tar.getmember("package/dist/data.json").size > 1_000_000
