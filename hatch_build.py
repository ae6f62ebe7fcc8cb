"""Build hook: compile claims/ and link/ with mypyc into ``seasoncheck/_core/`` when it can.

Runs for ``pip install .`` (the files go into the wheel) and ``pip install -e .`` (they are
written to ``src/seasoncheck/_core/``, which git ignores). Any failure (no C compiler, mypyc
unable to build) prints a warning and leaves a pure-Python install that gives the same output;
``seasoncheck doctor`` says which one is in use. ``SEASONCHECK_PURE_PYTHON_BUILD=1`` skips the
compilation. See ``seasoncheck/compiled.py`` for how the build is picked up at run time.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SKIP_ENV = "SEASONCHECK_PURE_PYTHON_BUILD"
PACKAGES = ("claims", "link")
# mypyc's options: opt_level 3 (its default); one shared library for all modules (separate=False)
# so calls between modules are direct C calls; multi_file splits its C code so that both cores
# compile it at once (-j).
SETUP = """
import sys
from mypyc.build import mypycify
from setuptools import setup

setup(
    name="seasoncheck-core",
    ext_modules=mypycify(
        sys.argv.pop(1).split(","),
        opt_level="3",
        multi_file=True,
        target_dir=sys.argv.pop(1),
    ),
)
"""


class CompiledCoreHook(BuildHookInterface):
    """Compiles the claim-extraction core; falls back to pure Python on any failure."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Build the core and add it to the wheel (or the source tree, for an editable install)."""
        if self.target_name != "wheel":
            return
        src = Path(self.root) / "src"
        editable_core = src / "seasoncheck" / "_core"
        if version == "editable":
            shutil.rmtree(editable_core, ignore_errors=True)  # never leave an old build behind
        if os.environ.get(SKIP_ENV, "") not in ("", "0"):
            self.app.display_info(f"seasoncheck: {SKIP_ENV} set, installing pure Python")
            return
        work = Path(tempfile.mkdtemp(prefix="seasoncheck-mypyc-"))
        try:
            start = time.monotonic()
            core = _compile(src, work)
            took = time.monotonic() - start
        except Exception as exc:  # any failure: the pure-Python install still works
            self.app.display_warning(
                "seasoncheck: could not compile the claim-extraction core with mypyc "
                f"({exc}); installing pure Python (same output, slower). "
                "`seasoncheck doctor` reports which one is in use."
            )
            shutil.rmtree(work, ignore_errors=True)
            return
        self.app.display_info(f"seasoncheck: compiled claims/ and link/ with mypyc in {took:.0f} s")
        if version == "editable":
            shutil.copytree(core, editable_core)
            shutil.rmtree(work, ignore_errors=True)
        else:
            for path in sorted(core.rglob("*")):
                if path.is_file():
                    rel = path.relative_to(core).as_posix()
                    build_data["force_include"][str(path)] = f"seasoncheck/_core/{rel}"
            self._work = work  # hatchling copies from it after this hook: removed in finalize
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary build folder once the wheel holds its files."""
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def _compile(src: Path, work: Path) -> Path:
    """Compile the packages under ``src``; the core folder (manifest included) in ``work``.

    mypy reads the whole package for its types; only claims/ and link/ are compiled."""
    if importlib.util.find_spec("mypyc") is None:
        raise RuntimeError("mypyc is not installed in the build environment")
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:  # found before mypy's minute of work, not after
        raise RuntimeError(f"no C compiler ({compiler}) on PATH")
    tree = work / "src"  # a copy: the build writes nothing beside the sources
    skip = shutil.ignore_patterns("__pycache__", "_core", "*.so", "*.pyd", "*.c")
    shutil.copytree(src / "seasoncheck", tree / "seasoncheck", ignore=skip)
    files = [
        f"seasoncheck/{pkg}/{p.name}"
        for pkg in PACKAGES
        for p in sorted((tree / "seasoncheck" / pkg).glob("*.py"))
    ]
    (work / "setup.py").write_text(SETUP, encoding="utf-8")
    args = [*files, "--ignore-missing-imports", f"--cache-dir={work / 'mypy-cache'}"]
    out = work / "lib"
    done = subprocess.run(
        [
            sys.executable,
            str(work / "setup.py"),
            ",".join(args),
            str(work / "c"),
            "build_ext",
            "--build-lib",
            str(out),
            "--build-temp",
            str(work / "tmp"),
            "--parallel",
            str(os.cpu_count() or 1),
        ],
        cwd=tree,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        lines = (done.stdout + done.stderr).strip().splitlines() or [f"exit {done.returncode}"]
        errors = [line for line in lines if "error" in line.lower()] or lines
        raise RuntimeError(errors[-1][:300])
    core = work / "core"
    core.mkdir()
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".so", ".pyd"):
            target = core / path.relative_to(out)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    manifest = {"python": sys.implementation.cache_tag, "sources": _digests(tree / "seasoncheck")}
    (core / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return core


def _digests(package_dir: Path) -> dict[str, str]:
    """sha256 of each compiled source (the same keys as ``seasoncheck.compiled``)."""
    import hashlib

    return {
        f"{pkg}/{path.name}": hashlib.sha256(path.read_bytes()).hexdigest()
        for pkg in PACKAGES
        for path in sorted((package_dir / pkg).glob("*.py"))
    }
