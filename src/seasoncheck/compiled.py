"""The compiled core: claims/ and link/ built with mypyc, used when present and up to date.

The install (``pip install .`` or ``pip install -e .``) compiles the claim-extraction packages
with mypyc when a C compiler is there (``hatch_build.py``) into ``seasoncheck/_core/``, beside
the Python sources, with a manifest of the sources it was built from. ``activate()`` (run by
``import seasoncheck``) puts that build in front of the sources only when every compiled
source is unchanged since the build: an edited rule file is never shadowed by a stale build,
the pure-Python modules run instead until the next install. Without a build (no compiler, or
``SEASONCHECK_PURE_PYTHON_BUILD=1`` at install time) everything runs as plain Python, with the
same output. ``SEASONCHECK_PURE_PYTHON=1`` turns the build off at run time.

``seasoncheck doctor`` prints ``status()``. ``import seasoncheck`` only installs ``_CoreFinder``:
the check runs when claims/ or link/ is first imported (``import seasoncheck`` stays fast).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, NamedTuple

PACKAGE_DIR = Path(__file__).resolve().parent
CORE_DIR = PACKAGE_DIR / "_core"  # <core>/<shared library>, <core>/seasoncheck/{claims,link}/
MANIFEST = "manifest.json"  # {"python": cache tag, "sources": {path under the package: sha256}}
OFF_ENV = "SEASONCHECK_PURE_PYTHON"
COMPILED_PACKAGES = ("claims", "link")  # what hatch_build.py compiles


class CoreStatus(NamedTuple):
    """Whether the compiled core is in use, and why not when it is not."""

    in_use: bool
    detail: str

    def line(self) -> str:
        """One line for ``seasoncheck doctor``."""
        state = "in use" if self.in_use else "not in use (pure Python, same output)"
        return f"compiled core (mypyc, claims/ and link/): {state} - {self.detail}"


_STATUS: list[CoreStatus] = []  # set once by activate()


def source_digests(package_dir: Path = PACKAGE_DIR) -> dict[str, str]:
    """sha256 of every source file the core is compiled from, keyed ``claims/x.py``."""
    import hashlib

    return {
        f"{pkg}/{path.name}": hashlib.sha256(path.read_bytes()).hexdigest()
        for pkg in COMPILED_PACKAGES
        for path in sorted((package_dir / pkg).glob("*.py"))
    }


def check(core_dir: Path = CORE_DIR, package_dir: Path = PACKAGE_DIR) -> CoreStatus:
    """Whether the build in ``core_dir`` may be used for the sources in ``package_dir``."""
    if os.environ.get(OFF_ENV, "") not in ("", "0"):
        return CoreStatus(False, f"turned off by {OFF_ENV}")
    import json

    try:
        manifest = json.loads((core_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return CoreStatus(
            False, "not built (no C compiler, or SEASONCHECK_PURE_PYTHON_BUILD set, at install)"
        )
    if manifest.get("python") != sys.implementation.cache_tag:
        return CoreStatus(False, f"built for {manifest.get('python')}; reinstall to rebuild it")
    now = source_digests(package_dir)
    changed = sorted(
        p for p in set(now) | set(manifest["sources"]) if now.get(p) != manifest["sources"].get(p)
    )
    if changed:
        shown = ", ".join(changed[:3]) + (" ..." if len(changed) > 3 else "")
        return CoreStatus(False, f"stale: {shown} changed since the build; reinstall to rebuild it")
    return CoreStatus(True, f"built from the current sources ({core_dir})")


class _CoreFinder:
    """Runs ``activate()`` when claims/ or link/ is first imported, then finds nothing itself."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> None:
        if name in _COMPILED_NAMES:
            activate()


_COMPILED_NAMES = frozenset(f"seasoncheck.{pkg}" for pkg in COMPILED_PACKAGES)


def install() -> None:
    """Put ``_CoreFinder`` first on ``sys.meta_path`` (once; run by ``import seasoncheck``)."""
    if _CoreFinder not in sys.meta_path:
        sys.meta_path.insert(0, _CoreFinder)  # type: ignore[arg-type]


def activate() -> CoreStatus:
    """Use the compiled core when ``check()`` allows it (before claims/ or link/ is imported:
    the package path it extends is the one the import system is about to search)."""
    if _STATUS:
        return _STATUS[0]
    status = check()
    if status.in_use:
        import seasoncheck

        sys.path.append(str(CORE_DIR))  # the shared library every compiled module loads
        seasoncheck.__path__.insert(0, str(CORE_DIR / "seasoncheck"))
    _STATUS.append(status)
    return status


def status() -> CoreStatus:
    """The state ``activate()`` left (what ``seasoncheck doctor`` prints)."""
    return _STATUS[0] if _STATUS else activate()
