"""The AOD fixture follows AOD's published JSON schemas; AOD ids and dates are read as documented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from seasoncheck.kb.aod import anime_entry, source_ids
from seasoncheck.kb.errors import KBFormatError

AOD = Path(__file__).resolve().parent / "data" / "kb" / "aod-mini.json"


@pytest.mark.shared
def test_fixture_validates_against_aod_schemas(shared_dir: Path) -> None:
    import jsonschema

    schemas = shared_dir / "data" / "anime-offline-database" / "schemas"
    doc = json.loads(AOD.read_text("utf-8"))
    minified = json.loads(
        (schemas / "anime-offline-database-minified.schema.json").read_text("utf-8")
    )
    line = json.loads((schemas / "anime-offline-database.jsonl.schema.json").read_text("utf-8"))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.validate(doc, minified, format_checker=checker)
    for anime in doc["data"]:
        jsonschema.validate(anime, line, format_checker=checker)


@pytest.mark.shared
def test_schema_rejects_what_the_importer_rejects(shared_dir: Path) -> None:
    """An entry without `sources` is invalid for the schema and for the importer alike."""
    import jsonschema

    schemas = shared_dir / "data" / "anime-offline-database" / "schemas"
    line = json.loads((schemas / "anime-offline-database.jsonl.schema.json").read_text("utf-8"))
    anime = json.loads(AOD.read_text("utf-8"))["data"][0]
    del anime["sources"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(anime, line)
    with pytest.raises(KBFormatError, match="missing sources"):
        anime_entry(anime, "test")


def test_source_urls_become_ids() -> None:
    urls = [
        "https://myanimelist.net/anime/52034",
        "https://anilist.co/anime/150672",
        "https://anidb.net/anime/17449",
        "https://kitsu.app/anime/46474",
        "https://example.org/anime/1",
    ]
    assert source_ids(urls) == [
        "mal:52034",
        "anilist:150672",
        "anidb:17449",
        "kitsu:46474",
        "https://example.org/anime/1",
    ]


def test_anime_entry_fields() -> None:
    anime = json.loads(AOD.read_text("utf-8"))["data"][1]
    e = anime_entry(anime, "test")
    assert (e.key, e.kind, e.episodes, e.status, e.first_aired) == (
        "mal:55791",
        "tv",
        13,
        "finished",
        "2024-07",
    )
    assert e.studios == ("doga kobo",) and e.related == ("mal:52034",)
    assert ("Oshi no Ko 2nd Season", "x-jat") in e.titles
