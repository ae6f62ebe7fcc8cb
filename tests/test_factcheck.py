"""Factual errors: gender, unknown protagonists, roles, studios and years, on sentences written here."""

from __future__ import annotations

import pytest

from seasoncheck.factcheck import (
    FACTUAL_ERROR,
    factual_errors_for,
    find_factual_errors,
    kb_studios,
    split_sentences,
)
from seasoncheck.kb.model import Character, Franchise, KBSeason, KnowledgeBase
from seasoncheck.models import Claim

FID = "oshi-no-ko"
OSHI = Franchise(
    FID,
    "Oshi no Ko",
    ("Oshi no Ko", "[Oshi no Ko]", "My Star"),
    seasons=(
        KBSeason("s1", FID, "Oshi no Ko", 1, first_aired="2023-04-12"),
        KBSeason("s2", FID, "Oshi no Ko 2", 2, first_aired="2024-07-03"),
    ),
    studios=("Doga Kobo",),
    characters=(
        Character(FID, "Aquamarine Hoshino", ("Aqua",), "male", "protagonist; Ai's son"),
        Character(FID, "Ruby Hoshino", ("Ruby",), "female", "protagonist; Ai's daughter"),
        Character(FID, "Ai Hoshino", ("Ai",), "female", "idol; mother of the twins Aqua and Ruby"),
        Character(FID, "Kana Arima", ("Kana",), "female", "actress"),
        Character(FID, "Gorou Amemiya", ("Gorou",), "male", "doctor"),
    ),
)
# A second, made-up franchise: the rules must not depend on Oshi no Ko's names.
HARBOR = Franchise(
    "harbor",
    "Harbor Lights",
    ("Harbor Lights",),
    studios=("Studio Lumen",),
    characters=(
        Character("harbor", "Tomas Reyes", ("Tomas",), "male", "lighthouse keeper"),
        Character("harbor", "Ines Calder", ("Ines",), "female", "ferry captain"),
        Character("harbor", "Pell Ashdown", ("Pell",), "male", "grandfather of the twins"),
    ),
)
STUDIOS = ("Doga Kobo", "MAPPA", "Studio Lumen", "Madhouse")


def errors(text: str, franchise: Franchise = OSHI) -> list[str]:
    """The details of every factual error found in ``text``."""
    flags = find_factual_errors(text, "doc", franchise, known_studios=STUDIOS)
    assert all(f.flag == FACTUAL_ERROR and f.evidence for f in flags)
    return [f.detail for f in flags]


@pytest.mark.parametrize(
    "sentence",
    [
        "Fans follow Aqua, a cheerful teenage girl who wants to sing.",
        "In the new arc Aqua is a shy girl from Tokyo.",
        "Ruby spends the episode with her sister Aqua at the studio.",
        "Everyone loves Aqua because she never gives up on the stage.",
        "Tomas, the kind old woman of the harbor, lights the lamp.",
        "Ines keeps the ferry running while he repairs the engine.",
    ],
)
def test_wrong_gender_is_flagged(sentence: str) -> None:
    franchise = HARBOR if ("Tomas" in sentence or "Ines" in sentence) else OSHI
    found = errors(sentence, franchise)
    assert len(found) == 1
    assert " is male, not female" in found[0] or " is female, not male" in found[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Aqua, a quiet young man, joins the theatre troupe.",
        "Ruby and her twin brother Aqua return in the second season.",
        "Aqua's sister dreams of the stage.",  # the sister is not Aqua
        "Aqua helps Kana when she forgets her lines.",  # "she" is Kana
        "Aqua meets a girl who says she knew his mother.",  # another person noun
        "Aqua, a character whose mother was an idol, returns.",  # "mother" is not Aqua
        "Kana is a talented actress and she knows it.",
        "Aqua watches the stage while Ai sings.",
    ],
)
def test_consistent_or_ambiguous_gender_is_not_flagged(sentence: str) -> None:
    assert errors(sentence) == []


def test_gender_error_names_the_character_and_the_wording() -> None:
    (detail,) = errors("The show centres on Aqua, a young girl with big dreams.")
    assert detail == 'Aqua (Aquamarine Hoshino) is male, not female as the article says ("girl")'


@pytest.mark.parametrize(
    "sentence",
    [
        "It tells the story of Mirei Tachibana, a singer who wants fame.",
        "The protagonist, Mirei Tachibana, dreams of the stage.",
        "Mirei Tachibana is the main character of the anime.",
    ],
)
def test_protagonist_not_in_the_work_is_flagged(sentence: str) -> None:
    (detail,) = errors(sentence)
    assert detail.startswith('"Mirei Tachibana" is not a character of Oshi no Ko')


@pytest.mark.parametrize(
    "sentence",
    [
        "It tells the story of Aqua and his sister.",
        "The story of Oshi no Ko will go on next year.",
        "The story of My Star continues.",
        "The protagonist, Ruby Hoshino, is back.",
        "It is the story of a young idol and her fans.",
        "The story of Season 2 picks up after the film.",
    ],
)
def test_known_characters_and_titles_are_not_flagged_as_unknown(sentence: str) -> None:
    assert errors(sentence) == []


def test_unknown_names_need_a_cast_list_to_compare_with() -> None:
    sparse = Franchise("s", "Sparse", characters=(Character("s", "Kei", (), "male"),))
    assert errors("It follows the story of Mirei Tachibana.", sparse) == []


def test_wrong_holder_of_a_role_is_flagged() -> None:
    (detail,) = errors("The twins' mother, Kana Arima, was a famous idol.")
    assert detail == 'the mother of the twins is Ai Hoshino, not "Kana Arima"'
    assert errors("The twins' mother, Ai Hoshino, was a famous idol.") == []
    (other,) = errors("Their grandfather of the twins, Tomas Reyes, keeps the light.", HARBOR)
    assert "Pell Ashdown" in other


def test_wrong_studio_is_flagged_and_the_right_one_is_not() -> None:
    (detail,) = errors("The second season is animated by MAPPA, the studio confirmed.")
    assert detail == "Oshi no Ko is animated by Doga Kobo, not MAPPA"
    assert errors("The new season will again be animated by studio Doga Kobo.") == []
    assert errors("MAPPA's adaptation of the manga was a hit.", HARBOR) != []
    assert errors("The ferry scenes were animated by the team at Studio Lumen.", HARBOR) == []


def test_wrong_year_of_an_aired_season_is_flagged() -> None:
    (detail,) = errors("The first season premiered in April 2022 to great reviews.")
    assert detail == "season 1 of Oshi no Ko first aired 2023-04-12, not April 2022"
    assert errors("The first season premiered in April of 2023.") == []
    assert errors("Season 2 aired in 2024 on HIDIVE.") == []
    assert errors("Season 2 aired on July 3, 2023 in Japan.") != []


def test_one_flag_per_fact_and_sentence_even_when_repeated() -> None:
    text = "Aqua, a young girl, sings.\n\nAqua, a young girl, sings.\nAqua, a young girl, dances."
    assert len(errors(text)) == 2


def test_sentences_split_on_punctuation_and_lines() -> None:
    text = "Headline Without Stop\nFirst one. Second one! Third?\n\nLast line"
    assert list(split_sentences(text)) == [
        "Headline Without Stop",
        "First one.",
        "Second one!",
        "Third?",
        "Last line",
    ]


@pytest.mark.parametrize(
    ("sentence", "franchise"),
    [
        ("After the fall of the Dark Queen, Tomas decides he must leave the harbor.", HARBOR),
        ("Her courage catches the eye of Tomas, who asks her to stay.", HARBOR),
        ("A jealous fan attacks Kana before fleeing with his accomplice.", OSHI),
        ("The tale of Tomas' first winter at the harbor is moving.", HARBOR),
        ("Lantern Road Season 1 premiered in April 2022, a year before it.", OSHI),
        ("MAPPA, the studio behind many hits, is not involved this time.", OSHI),
        ("Doga Kobo, which learned from studio Madhouse, animates the sequel.", OSHI),
    ],
)
def test_sentences_about_someone_or_something_else_are_not_flagged(
    sentence: str, franchise: Franchise
) -> None:
    assert errors(sentence, franchise) == []


def test_factual_errors_for_an_articles_linked_franchises() -> None:
    kb = KnowledgeBase({FID: OSHI, "harbor": HARBOR})
    text = "The story of Aqua, a young girl, goes on. Tomas, a cheerful girl, keeps the light."
    claims = [
        Claim("d", "Oshi no Ko", 2, "renewal", None, "confirmed", "none", "x", franchise_id=FID)
    ]
    flags = factual_errors_for(text, "d", claims, kb)
    assert [f.detail.split(" is ")[0] for f in flags] == ["Aqua (Aquamarine Hoshino)"]
    assert factual_errors_for(text, "d", [], kb) == []
    assert kb_studios(kb) == ("Doga Kobo", "Studio Lumen")
