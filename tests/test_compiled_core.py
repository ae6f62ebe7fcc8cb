"""The compiled core (seasoncheck.compiled): used only when built from the current sources."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import seasoncheck.claims.patterns as patterns
from seasoncheck import compiled


def _package(tmp_path: Path) -> tuple[Path, Path]:
    """A package folder with claims/ and link/ sources, and a core folder built from them."""
    package, core = tmp_path / "seasoncheck", tmp_path / "core"
    for pkg in compiled.COMPILED_PACKAGES:
        (package / pkg).mkdir(parents=True)
        (package / pkg / "__init__.py").write_text(f'"""The {pkg} rules."""\n')
    (package / "claims" / "cues.py").write_text("HEDGES = ('reportedly',)\n")
    core.mkdir()
    manifest = {
        "python": sys.implementation.cache_tag,
        "sources": compiled.source_digests(package),
    }
    (core / compiled.MANIFEST).write_text(json.dumps(manifest))
    return package, core


def test_a_build_of_the_current_sources_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(compiled.OFF_ENV, raising=False)
    package, core = _package(tmp_path)
    status = compiled.check(core, package)
    assert status.in_use, status.detail
    assert status.line().startswith("compiled core (mypyc, claims/ and link/): in use")


def test_an_edited_rule_file_makes_the_build_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(compiled.OFF_ENV, raising=False)
    package, core = _package(tmp_path)
    (package / "claims" / "cues.py").write_text("HEDGES = ('reportedly', 'rumoured')\n")
    status = compiled.check(core, package)
    assert not status.in_use
    assert status.detail.startswith("stale: claims/cues.py changed since the build")
    assert "pure Python" in status.line()


def test_a_new_or_removed_rule_file_makes_the_build_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(compiled.OFF_ENV, raising=False)
    package, core = _package(tmp_path)
    (package / "link" / "titles.py").write_text("TITLES = ()\n")
    assert compiled.check(core, package).detail.startswith("stale: link/titles.py")
    (package / "link" / "titles.py").unlink()
    (package / "claims" / "cues.py").unlink()
    assert compiled.check(core, package).detail.startswith("stale: claims/cues.py")


def test_no_build_or_another_python_or_turned_off_is_pure_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(compiled.OFF_ENV, raising=False)
    package, core = _package(tmp_path)
    assert "not built" in compiled.check(tmp_path / "nowhere", package).detail
    monkeypatch.setenv(compiled.OFF_ENV, "1")
    assert compiled.check(core, package).detail == f"turned off by {compiled.OFF_ENV}"
    monkeypatch.delenv(compiled.OFF_ENV)
    manifest = json.loads((core / compiled.MANIFEST).read_text())
    (core / compiled.MANIFEST).write_text(json.dumps({**manifest, "python": "cpython-39"}))
    assert compiled.check(core, package).detail.startswith("built for cpython-39")


def test_the_status_says_which_modules_run() -> None:
    """In use: the rule modules were loaded from the build; not in use: from the sources."""
    origin = Path(patterns.__file__)
    if compiled.status().in_use:
        assert origin.suffix in (".so", ".pyd") and compiled.CORE_DIR in origin.parents
    else:
        assert origin.suffix == ".py" and origin.parent == compiled.PACKAGE_DIR / "claims"


ARTICLE = {
    "id": "k1",
    "lang": "en",
    "published": "2026-11-20",
    "title": "Studio Kiln confirms a second season of Harbour Lights",
    "text": (
        "Studio Kiln confirms a second season of Harbour Lights\n"
        "Studio Kiln announced on Friday that Harbour Lights will return for a second season "
        "in April 2027. The first season premiered in 2025. Streaming details have not been "
        "announced yet."
    ),
}


def test_compiled_and_pure_python_give_the_same_claims(tmp_path: Path) -> None:
    article = tmp_path / "article.jsonl"
    article.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    outputs = []
    for off in ("1", "0"):
        env = {**os.environ, compiled.OFF_ENV: off}
        done = subprocess.run(
            [sys.executable, "-m", "seasoncheck", "claims", str(article), "--format", "jsonl"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.append(done.stdout)
    assert '"renewal"' in outputs[0]  # the article's renewal is found
    assert outputs[0] == outputs[1]


def test_doctor_says_whether_the_compiled_core_is_in_use(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "seasoncheck", "doctor", "--db", str(tmp_path / "s.db")],
        capture_output=True,
        text=True,
        env={**os.environ, compiled.OFF_ENV: "1"},
    )
    assert (
        "compiled core (mypyc, claims/ and link/): not in use (pure Python, same output) - "
        f"turned off by {compiled.OFF_ENV}"
    ) in done.stderr
