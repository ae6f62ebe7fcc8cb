"""``check_components``: which optional parts (chromium, PostgreSQL driver, Ray, hyperscan) exist."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from seasoncheck.doctor import COMPONENTS, ComponentSpec, check_components

CHROMIUM = next(spec for spec in COMPONENTS if spec.name == "chromium")


def test_the_parts_users_ask_about_are_all_reported() -> None:
    names = [c.name for c in check_components()]
    assert names == ["chromium", "PostgreSQL (psycopg driver)", "Ray", "hyperscan"]


def test_a_program_on_path_is_found_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "chromium"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    [found] = check_components((CHROMIUM,))
    assert found.available and found.detail == str(program)
    assert found.line().startswith(f"chromium: available ({program})")


def test_a_missing_program_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: nothing on PATH
    [missing] = check_components((CHROMIUM,))
    assert not missing.available
    assert missing.line() == (
        "chromium: not installed - used only by the browser tests (tests/test_browser.py) "
        "(install: apt-get install chromium)"
    )


def test_an_installed_package_is_reported_with_its_version() -> None:
    spec = ComponentSpec("pytest", "for the tests", "pip install pytest", module="pytest")
    [found] = check_components((spec,))
    assert found.available and found.detail == f"pytest {pytest.__version__}"


def test_a_package_that_is_not_installed_is_missing_not_an_error() -> None:
    spec = ComponentSpec("nothing", "for nothing", "pip install nothing", module="sc_no_such_part")
    [missing] = check_components((spec,))
    assert not missing.available and "(install: pip install nothing)" in missing.line()


def test_looking_up_does_not_import_the_heavy_parts() -> None:
    code = (
        "import sys; from seasoncheck.doctor import check_components; check_components(); "
        "print(sorted(m for m in ('ray', 'psycopg', 'hyperscan') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
