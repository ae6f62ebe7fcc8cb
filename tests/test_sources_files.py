"""Files and folders as sources: text, HTML, JSONL, and every kind of bad input; one CLI run end to end."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from seasoncheck.cli import app
from seasoncheck.models import RawItem, SourceError
from seasoncheck.settings import Settings
from seasoncheck.sources import read_sources
from seasoncheck.store import Store

HERE = Path(__file__).resolve().parent / "data" / "sources"
ARTICLES = HERE / "articles"


@pytest.fixture
def settings() -> Settings:
    """Default settings (no network in this module)."""
    return Settings(db_url="sqlite://")


def read(paths: list[Path], settings: Settings) -> list[RawItem | SourceError]:
    """Everything read_sources yields for some paths."""
    return list(read_sources([str(p) for p in paths], settings))


def only(paths: list[Path], settings: Settings) -> RawItem | SourceError:
    """The single item yielded for some paths."""
    items = read(paths, settings)
    assert len(items) == 1, items
    return items[0]


def error_reason(path: Path, settings: Settings) -> str:
    """The reason of the single error a path gives; fails when it gives an item."""
    item = only([path], settings)
    assert isinstance(item, SourceError), item
    assert item.origin == str(path)
    assert "\n" not in item.reason
    return item.reason


# -- good files -------------------------------------------------------------------------------


def test_text_file_keeps_its_whole_text(settings: Settings) -> None:
    path = ARTICLES / "lantern-film.txt"
    item = only([path], settings)
    assert isinstance(item, RawItem)
    assert item.text == path.read_text(encoding="utf-8")  # the title line is not split off here
    assert item.text.startswith("Paper Lantern Club Film Opens in May\n")
    assert (item.html, item.origin, item.raw_size) == (None, str(path), path.stat().st_size)
    assert not item.text_is_clean


def test_markdown_is_read_as_text(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Ferry news\n\nA second season is coming.\n", encoding="utf-8")
    item = only([path], settings)
    assert isinstance(item, RawItem)
    assert item.text == "# Ferry news\n\nA second season is coming.\n"


def test_html_file_is_html(settings: Settings) -> None:
    item = only([ARTICLES / "ferry-season2.html"], settings)
    assert isinstance(item, RawItem)
    assert item.text is None
    assert "harbour arc of the novels" in (item.html or "")


def test_html_file_with_a_legacy_meta_charset(settings: Settings) -> None:
    item = only([ARTICLES / "cafe-cp1252.html"], settings)
    assert isinstance(item, RawItem)
    assert "Café Stories will return for a second season — a “small surprise”" in (item.html or "")


def test_undeclared_cp1252_text_file_is_detected(tmp_path: Path, settings: Settings) -> None:
    text = (
        "Café Stories returns\n\nThe studio confirmed a second season — a “small surprise” "
        "for fans, and the staff are déjà at work on the spring broadcast."
    )
    path = tmp_path / "cafe.txt"
    path.write_bytes(text.encode("cp1252"))
    item = only([path], settings)
    assert isinstance(item, RawItem)
    assert item.text == text


def test_utf16_file_with_bom_is_text_not_binary(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "wide.txt"
    path.write_text("Ferry news\n\nSeason two is confirmed.", encoding="utf-16")
    item = only([path], settings)
    assert isinstance(item, RawItem)
    assert item.text == "Ferry news\n\nSeason two is confirmed."


def test_jsonl_records_keep_text_byte_for_byte(settings: Settings) -> None:
    path = HERE / "records.jsonl"
    first, second = read([path], settings)
    assert isinstance(first, RawItem)
    assert isinstance(second, RawItem)
    assert (
        first.text
        == "Moonlit Ferry returns  for a second season.\n\nThe   harbour arc comes next.  "
    )
    assert (first.origin, first.doc_id, first.text_is_clean) == (f"{path}:1", "rec-1", True)
    assert (first.title, first.published, first.lang) == (
        "Moonlit Ferry season two",
        "2024-01-05",
        "en",
    )
    assert first.site == "example.net"  # from the URL when the record has none
    assert (second.origin, second.site, second.text) == (f"{path}:2", "example.org", None)
    assert "Paper Lantern Club film" in (second.html or "")


# -- bad files --------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path, settings: Settings) -> None:
    assert error_reason(tmp_path / "nope.txt", settings) == "no such file or folder"


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_file(tmp_path: Path, settings: Settings, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert error_reason(path, settings) == "empty file"


def test_binary_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "picture.html"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert "binary file" in error_reason(path, settings)


def test_oversized_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Ferry news\n" + "word " * 300, encoding="utf-8")
    reason = error_reason(path, settings.with_(max_file_bytes=1000))
    assert reason.startswith("file too large")
    assert "limit 1000" in reason


def test_undecodable_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 256)) * 20)  # every byte value but NUL: no text encoding fits
    assert error_reason(path, settings).startswith("cannot decode")


def test_explicit_file_of_unknown_type(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "slides.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert error_reason(path, settings).startswith("unsupported file type (.pdf)")


def test_bad_jsonl_lines_are_errors_and_the_rest_goes_on(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "ok-1", "text": "First article text."}\n'
        '{"id": "broken", "text": "unterminated\n'
        "[1, 2, 3]\n"
        '{"text": "an article without an id"}\n'
        "\n"
        '{"id": "no-body", "title": "Only a title"}\n'
        '{"id": 7, "text": 12}\n'
        '{"id": "ok-2", "text": "Second article text."}\n',
        encoding="utf-8",
    )
    items = read([path], settings)
    assert [i.doc_id for i in items if isinstance(i, RawItem)] == ["ok-1", "ok-2"]
    errors = {i.origin: i.reason for i in items if isinstance(i, SourceError)}
    assert set(errors) == {f"{path}:{n}" for n in (2, 3, 4, 6, 7)}
    assert errors[f"{path}:2"].startswith("not valid JSON")
    assert errors[f"{path}:3"] == "not a JSON object (got an array)"
    assert errors[f"{path}:4"] == 'no "id" field'
    assert errors[f"{path}:6"] == 'neither "text" nor "html" has content'
    assert errors[f"{path}:7"] == '"text" must be a string or null'


def test_jsonl_line_over_the_size_limit(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "long.jsonl"
    long_text = "x" * 3000
    path.write_text(
        f'{{"id": "long", "text": "{long_text}"}}\n{{"id": "short", "text": "Fine."}}\n',
        encoding="utf-8",
    )
    items = read([path], settings.with_(max_file_bytes=1000))
    assert isinstance(items[0], SourceError)
    assert items[0].origin == f"{path}:1"
    assert "line too long" in items[0].reason
    assert isinstance(items[1], RawItem)
    assert items[1].doc_id == "short"


def test_empty_and_binary_jsonl(tmp_path: Path, settings: Settings) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    assert error_reason(empty, settings) == "empty file"
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b'{"id": "a"}\n\x00\x01\x02')
    assert "binary file" in error_reason(binary, settings)


# -- folders ----------------------------------------------------------------------------------


def _mixed_folder(root: Path) -> Path:
    """A folder with good articles, bad files, an unsupported file and a hidden file."""
    folder = root / "batch"
    shutil.copytree(ARTICLES, folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "empty.txt").write_bytes(b"")
    (folder / "sub" / "blob.htm").write_bytes(b"GIF89a\x00\x01\x00\x01")
    (folder / "sub" / "records.jsonl").write_text(
        '{"id": "j1", "text": "A stored JSONL article about the ferry."}\nnot json\n',
        encoding="utf-8",
    )
    (folder / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")  # unsupported: skipped silently
    (folder / ".draft.txt").write_text("Hidden draft\n\nNot for ingest.", encoding="utf-8")
    return folder


def test_folder_yields_good_files_and_errors_for_bad_ones(
    tmp_path: Path, settings: Settings
) -> None:
    folder = _mixed_folder(tmp_path)
    items = read([folder], settings)
    good = [Path(i.origin).name for i in items if isinstance(i, RawItem)]
    assert good == ["cafe-cp1252.html", "ferry-season2.html", "lantern-film.txt", "records.jsonl:1"]
    bad = sorted(Path(i.origin).name for i in items if isinstance(i, SourceError))
    assert bad == ["blob.htm", "empty.txt", "records.jsonl:2"]


def _cli_ingest(folder: Path, db: Path) -> object:
    """Run ``seasoncheck ingest FOLDER --db DB`` in-process."""
    return CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])


def test_cli_ingest_of_a_mixed_folder(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    db = tmp_path / "cli.db"
    result = _cli_ingest(folder, db)
    assert result.exit_code == 1, result.output
    # Rich may wrap long lines (see the next test); undo that before reading the messages.
    messages = result.stderr.replace("\n", "").split("failed: ")[1:]
    assert len(messages) == 3, result.stderr
    for name, reason in (
        ("blob.htm", "binary file"),
        ("empty.txt", "empty file"),
        ("records.jsonl:2", "not valid JSON"),
    ):
        assert sum(f"{name}: {reason}" in m for m in messages) == 1, (name, messages)
    store = Store.open(f"sqlite:///{db}")
    try:
        stored_origins = {Path(a.origin).name for a in store.articles()}
        assert stored_origins == {
            "cafe-cp1252.html",
            "ferry-season2.html",
            "lantern-film.txt",
            "records.jsonl:1",
        }
        assert "Paper Lantern Club Film Opens in May" in {a.title for a in store.articles()}
        errors = {Path(e.origin).name for e in store.errors()}
        assert errors == {"blob.htm", "empty.txt", "records.jsonl:2"}
    finally:
        store.close()


def test_cli_prints_each_failure_on_one_line(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path / ("long-folder-name-" * 4))
    result = _cli_ingest(folder, tmp_path / "cli.db")
    failures = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(failures) == 3, result.stderr
    assert all(line.startswith(f"failed: {folder}") for line in failures), failures
