"""Download the latest bangumi-data (npm registry, integrity-checked) or AOD release and import it."""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seasoncheck.kb.errors import KBDownloadError
from seasoncheck.kb.importer import ImportReport, import_file

if TYPE_CHECKING:
    from seasoncheck.settings import Settings
    from seasoncheck.store import Store

log = logging.getLogger(__name__)

NPM_REGISTRY = "https://registry.npmjs.org"
BANGUMI_PACKAGE = "bangumi-data"
AOD_URL = (
    "https://github.com/manami-project/anime-offline-database/releases/latest/download/"
    "anime-offline-database.jsonl.zst"
)
REGISTRY_ENV = "SEASONCHECK_NPM_REGISTRY"
AOD_URL_ENV = "SEASONCHECK_AOD_URL"
# Download caps: the bangumi-data tarball is about 1.5 MB, the AOD .jsonl.zst about 10 MB; the
# caps leave room for growth while stopping a wrong URL from filling the disk.
MAX_TARBALL_BYTES = 64 * 1024 * 1024
MAX_AOD_BYTES = 512 * 1024 * 1024
CHUNK = 1 << 16


@dataclass(frozen=True)
class Release:
    """What the registry says about the latest package release."""

    version: str
    tarball: str
    integrity: str | None  # "sha512-<base64>" (npm's Subresource Integrity form)


def registry_url(override: str | None = None) -> str:
    """The npm registry to use: ``override``, ``SEASONCHECK_NPM_REGISTRY``, or registry.npmjs.org."""
    return (override or os.environ.get(REGISTRY_ENV) or NPM_REGISTRY).rstrip("/")


def aod_url(override: str | None = None) -> str:
    """The AOD release file to download: ``override``, ``SEASONCHECK_AOD_URL``, or GitHub's latest."""
    return override or os.environ.get(AOD_URL_ENV) or AOD_URL


def latest_release(settings: Settings, registry: str | None = None) -> Release:
    """The latest bangumi-data version, tarball URL and integrity hash from the registry."""
    import httpx

    url = f"{registry_url(registry)}/{BANGUMI_PACKAGE}/latest"
    try:
        with _client(settings) as client:
            resp = client.get(url, headers={"Accept": "application/json"})
            resp.raise_for_status()
            meta = resp.json()
    except (httpx.HTTPError, ValueError) as exc:
        raise KBDownloadError(f"{url}: cannot read the registry metadata: {exc}") from exc
    return _release(meta, url)


def _release(meta: Any, url: str) -> Release:
    """Release fields from a registry version document."""
    dist = meta.get("dist") if isinstance(meta, dict) else None
    if not isinstance(dist, dict) or not dist.get("tarball") or not meta.get("version"):
        raise KBDownloadError(f"{url}: registry metadata lacks version or dist.tarball")
    return Release(meta["version"], dist["tarball"], dist.get("integrity"))


def verify_integrity(path: Path, integrity: str) -> None:
    """Check a file against an npm `sha512-<base64>` integrity string (raise on mismatch)."""
    algo, _, expected = integrity.strip().split()[0].partition("-")
    if algo not in ("sha512", "sha384", "sha256", "sha1"):
        raise KBDownloadError(f"unsupported integrity algorithm {algo!r}")
    h = hashlib.new(algo)
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(CHUNK), b""):
            h.update(chunk)
    actual = base64.b64encode(h.digest()).decode()
    if actual != expected:
        raise KBDownloadError(
            f"integrity check failed for {path.name}: expected {algo}-{expected}, got {algo}-{actual}"
        )


def download(url: str, dest: Path, settings: Settings, max_bytes: int) -> int:
    """Stream ``url`` to ``dest`` (at most ``max_bytes``); returns the size."""
    import httpx

    size = 0
    try:
        with _client(settings) as client, client.stream("GET", url) as resp:
            resp.raise_for_status()
            with dest.open("wb") as out:
                for chunk in resp.iter_bytes(CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise KBDownloadError(
                            f"{url}: larger than {max_bytes // (1024 * 1024)} MiB, stopped"
                        )
                    out.write(chunk)
    except httpx.HTTPError as exc:
        raise KBDownloadError(f"{url}: download failed: {exc}") from exc
    return size


def _client(settings: Settings) -> Any:
    """An httpx client with the project's timeouts, redirects and user agent."""
    import httpx

    from seasoncheck.sources.fetch import guarded_transport

    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    return httpx.Client(
        transport=guarded_transport(settings),  # address policy on every hop (SSRF)
        trust_env=False,
        timeout=timeout,
        follow_redirects=True,
        max_redirects=settings.max_redirects,
        headers={"User-Agent": settings.user_agent},
    )


def update_bangumi(store: Store, settings: Settings, registry: str | None = None) -> ImportReport:
    """Download the latest bangumi-data tarball, verify it and import it.

    Example::

        report = update_bangumi(store, Settings.from_env())
        print(report.summary())
    """
    release = latest_release(settings, registry)
    log.info("bangumi-data %s: %s", release.version, release.tarball)
    with tempfile.TemporaryDirectory(prefix="seasoncheck-kb-") as tmp:
        path = Path(tmp) / f"bangumi-data-{release.version}.tgz"
        download(release.tarball, path, settings, MAX_TARBALL_BYTES)
        if release.integrity:
            verify_integrity(path, release.integrity)
        else:
            log.warning("registry gave no integrity hash for %s", release.tarball)
        report = import_file(store, path)
    report.origin = release.tarball
    report.version = report.version or release.version
    return report


def update_aod(store: Store, settings: Settings, url: str | None = None) -> ImportReport:
    """Download the AOD release file (JSONL, JSON, or .zst of either) and import it."""
    src = aod_url(url)
    name = src.rsplit("/", 1)[-1].split("?", 1)[0] or "anime-offline-database.jsonl.zst"
    with tempfile.TemporaryDirectory(prefix="seasoncheck-kb-") as tmp:
        path = Path(tmp) / name
        download(src, path, settings, MAX_AOD_BYTES)
        report = import_file(store, path)
    report.origin = src
    return report
