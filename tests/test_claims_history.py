"""History is not a claim: past air dates, replaced schedules and promo dates are not the new season's release.

Every sentence here was written for these tests (an invented franchise, invented facts). Each rule has
negatives (history that must not become a release) and positives (a real premiere next to history).
"""

from __future__ import annotations

import pytest

from seasoncheck.claims import extract_claims
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.models import Article

PUB = "2025-02-10"
S2 = "Glass Orchard Season 2 is in production. "
S3 = "Glass Orchard Season 3 is in production. "
KB = KnowledgeBase()  # empty on purpose: the title is found open-world


def dated(text: str, published: str | None = PUB) -> set[tuple[str, int | None, str | None]]:
    """(type, season, value) of the release and delay claims of an English article of ``text``."""
    article = Article(id="h", text=text, origin="test", published=published, language="en")
    claims = extract_claims(article, KB).claims
    return {(c.type, c.season, c.value) for c in claims if c.type in ("release", "delay")}


@pytest.mark.parametrize("published", [PUB, None])
@pytest.mark.parametrize(
    "text",
    [
        S3 + "Season 2 released in July 2024.",
        S3 + "Season 2, released in July 2024, adapted volumes 4 to 7.",
        S3 + "The second season was broadcast from April through June 2024.",
        S3 + "Season two, which began airing in July 2024, ended in September.",
    ],
)
def test_earlier_season_told_in_the_past_is_not_a_release(text: str, published: str | None) -> None:
    assert dated(text, published) == set()


@pytest.mark.parametrize(
    "text",
    [
        S2 + "The anime released in April 2023 to strong reviews.",
        S2 + "The TV anime had its premiere in April 2023.",
    ],
)
def test_past_tense_premiere_verbs_without_a_publication_date(text: str) -> None:
    assert dated(text, None) == set()


def test_future_tense_with_a_year_before_publication_is_contradictory() -> None:
    assert dated("Glass Orchard Season 2 will premiere in July 2023.") == set()
    assert dated("Glass Orchard Season 2 will premiere in July 2023.", None) == {
        ("release", 2, "2023-07")
    }


def test_delay_to_a_date_already_past_is_history() -> None:
    text = S3 + "The second season was originally set to air in 2023 but moved to July 2024."
    assert dated(text) == set()


def test_now_after_a_replaced_schedule_gives_the_new_date() -> None:
    text = "Glass Orchard Season 2, which was originally planned for October 2024, will now premiere in April 2025."
    assert dated(text) == {("release", 2, "2025-04")}


@pytest.mark.parametrize(
    "text",
    [
        S2 + "Aniplex released a new promotional video on Thursday, March 6.",
        S2 + "In March, the staff released a key visual for the new season.",
        S2 + "The theme song single releases in March 2025.",
        S2 + "The soundtrack will be released in March 2025.",
        S2 + "The game adaptation launches in March 2025.",
    ],
)
def test_promo_items_and_other_products_are_not_the_premiere(text: str) -> None:
    assert dated(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "After season 1 aired in 2023, Glass Orchard Season 2 will premiere in April 2025.",
        "Glass Orchard Season 2 will premiere in April 2025, and the staff released a new key visual.",
        "The staff released a new trailer confirming that Glass Orchard Season 2 will premiere in April 2025.",
        "The first season of Glass Orchard premiered in 2023, and Season 2 will premiere in April 2025.",
        "Glass Orchard Season 2 is coming in April 2025, two years after the first season ended in March 2023.",
        "The second season of the Glass Orchard manga's anime will premiere in April 2025.",
    ],
)
def test_a_future_premiere_next_to_history_is_still_found(text: str) -> None:
    assert ("release", 2, "2025-04") in dated(text)
    assert ("release", 2, "2025-04") in dated(text, None)


@pytest.mark.parametrize(
    "text",
    [
        S2 + "Premiering in April 2023, the anime was a hit.",
        S2 + "Debuting in April 2023, the anime quickly became a hit.",
        S2 + "Its April 2023 premiere made it the season's biggest hit.",
    ],
)
def test_a_past_main_verb_after_the_date_makes_it_history(text: str) -> None:
    assert dated(text, None) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Premiering in April 2025, Glass Orchard Season 2 was announced at an event on Sunday.",
        "Glass Orchard Season 2 is slated for April 2025, which was confirmed on Sunday.",
    ],
)
def test_an_announcement_in_the_past_keeps_the_future_premiere(text: str) -> None:
    assert dated(text, None) == {("release", 2, "2025-04")}


@pytest.mark.parametrize(
    "text",
    [
        "The staff initially aimed for an April 2025 release.",
        "The studio previously planned an April 2025 premiere.",
        "The first plan was an April 2025 premiere.",
        "The team had hoped to premiere in April 2025.",
        "It would have premiered in April 2025.",
    ],
)
def test_a_plan_given_up_is_a_replaced_schedule(text: str) -> None:
    article = "Glass Orchard Season 2 will premiere in July 2025. " + text
    assert dated(article) == {("release", 2, "2025-07")}


@pytest.mark.parametrize(
    "text",
    [
        "Glass Orchard Season 2 premieres in July 2025, following the Spring 2023 first season.",
        "Glass Orchard Season 2 premieres in July 2025 as a follow-up to the 2023 series.",
        "Glass Orchard Season 2 premieres in July 2025, with the finale of season 1 airing in June 2023.",
    ],
)
def test_an_earlier_year_tied_to_an_earlier_installment_is_dropped(text: str) -> None:
    assert dated(text, None) == {("release", 2, "2025-07")}


def test_two_future_windows_in_one_sentence_are_both_kept() -> None:
    text = "Glass Orchard Season 2 could premiere in late 2025 or in early 2026."
    assert {v for _, _, v in dated(text, None)} == {"2025", "2026"}


def _foreign(
    lang: str, text: str, published: str | None = None
) -> set[tuple[str, int | None, str | None]]:
    """(type, season, value) of the release and delay claims of a non-English article."""
    article = Article(id="f", text=text, origin="test", published=published, language=lang)
    claims = extract_claims(article, KB).claims
    return {(c.type, c.season, c.value) for c in claims if c.type in ("release", "delay")}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "es",
            "La segunda temporada de Glass Orchard está en producción. La primera temporada, estrenada en abril de 2023, fue un éxito.",
        ),
        (
            "fr",
            "La saison 3 de Glass Orchard est en production. La saison 2, diffusée en juillet 2024, a été un succès.",
        ),
        (
            "it",
            "La terza stagione di Glass Orchard è in produzione. La seconda stagione, uscita a luglio 2024, è stata un successo.",
        ),
        (
            "de",
            "Die dritte Staffel von Glass Orchard ist in Produktion. Die zweite Staffel wurde im Juli 2024 ausgestrahlt.",
        ),
    ],
)
def test_foreign_dates_of_earlier_seasons_are_history(lang: str, text: str) -> None:
    assert _foreign(lang, text) == set()


def test_foreign_delay_to_a_past_month_is_history_but_a_future_one_is_kept() -> None:
    text = "La segunda temporada de Glass Orchard se retrasó a julio de 2024."
    assert _foreign("es", text, PUB) == set()
    later = "La segunda temporada de Glass Orchard se retrasó a julio de 2025."
    assert _foreign("es", later, PUB) == {("delay", 2, "2025-07"), ("release", 2, "2025-07")}


def test_foreign_new_season_premiere_is_still_found() -> None:
    text = "La tercera temporada de Glass Orchard se estrenará en julio de 2025."
    assert _foreign("es", text) == {("release", 3, "2025-07")}


def test_an_earlier_season_moved_in_the_past_is_history_without_a_publication_date() -> None:
    text = (
        S3
        + "The second season was scheduled to premiere in April 2024, but was delayed to July 2024."
    )
    assert dated(text, None) == set()
