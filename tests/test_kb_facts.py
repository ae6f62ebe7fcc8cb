"""The facts file: the packaged one parses, and mistakes are named by place."""

from __future__ import annotations

import pytest

from seasoncheck.kb.errors import KBFormatError
from seasoncheck.kb.facts import load_facts, parse_facts


def test_packaged_facts_cover_the_dev_franchises() -> None:
    facts = load_facts()
    ids = {f.id for f in facts.franchises}
    assert {
        "oshi-no-ko",
        "chainsaw-man",
        "frieren",
        "spy-x-family",
        "jujutsu-kaisen",
        "vinland-saga",
        "mushoku-tensei",
    } <= ids
    by_id = {f.id: f for f in facts.franchises}
    assert by_id["vinland-saga"].seasons[2] == ("MAPPA",) and by_id["vinland-saga"].seasons[1] == (
        "Wit Studio",
    )
    assert by_id["frieren"].season_studios(1, "tv") == ("Madhouse",)
    assert by_id["chainsaw-man"].season_studios(None, "movie") == ("MAPPA",)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("franchises: [", "line"),
        ("items: []", "no top-level 'franchises'"),
        ("franchises:\n  - {name: X}\n", "franchises[0]: missing or empty 'id'"),
        ("franchises:\n  - {id: x, name: X, seasons: {two: {}}}\n", "season key 'two'"),
        (
            "franchises:\n  - {id: x, name: X, characters: [{name: A, gender: boy}]}\n",
            "gender must be one of",
        ),
        ("franchises:\n  - {id: x, name: X}\n  - {id: x, name: Y}\n", "duplicate franchise id"),
        ("franchises:\n  - {id: x, name: X, studios: 5}\n", "expected a list of strings"),
    ],
)
def test_mistakes_are_named(text: str, fragment: str) -> None:
    with pytest.raises(KBFormatError, match="facts.yaml") as err:
        parse_facts(text, origin="facts.yaml")
    assert fragment in str(err.value)


def test_json_facts_file() -> None:
    facts = parse_facts('{"franchises": [{"id": "x", "name": "X", "aliases": ["Ex"]}]}')
    assert facts.franchises[0].aliases == ("Ex",)
