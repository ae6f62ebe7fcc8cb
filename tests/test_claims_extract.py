"""Claim types, status and attribution on sentences written for these tests, negatives included.

The KB is empty here on purpose: titles are found open-world, as for franchises the KB lacks.
"""

from __future__ import annotations

import pytest

from seasoncheck.claims import extract_claims
from seasoncheck.claims.scoring import norm_value
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.models import Article

KB = KnowledgeBase()
Row = tuple[str, int | None, str | None, str, str]  # type, season, value, status, attribution


def run(
    text: str,
    title: str | None = None,
    published: str | None = "2024-05-10",
    lang: str | None = "en",
):  # type: ignore[no-untyped-def]
    """Extraction of one article built from ``text``."""
    return extract_claims(
        Article(
            id="t",
            text=text,
            origin="test",
            title=title,
            published=published,
            language=lang,
            doc_id="t",
        ),
        KB,
    )


def rows(text: str, **kw: object) -> set[Row]:
    """(type, season, value, status, attribution) of every claim."""
    return {(c.type, c.season, c.value, c.status, c.attribution) for c in run(text, **kw).claims}  # type: ignore[arg-type]


def types(text: str, **kw: object) -> set[tuple[str, int | None, str | None]]:
    """(type, season, value) of every claim."""
    return {(t, s, v) for t, s, v, _, _ in rows(text, **kw)}


# -- claim types --------------------------------------------------------------------------------


def test_renewal_and_release_with_official_source() -> None:
    got = rows(
        "The official website of Ember Knight announced that Ember Knight Season 2 will premiere in October 2024."
    )
    assert ("renewal", 2, None, "confirmed", "official") in got
    assert ("release", 2, "2024-10", "confirmed", "official") in got


def test_anaphora_attaches_to_the_articles_season() -> None:
    text = (
        "Ember Knight Season 3 has been confirmed. "
        "The new season will be animated by MAPPA. "
        "It will premiere in January."
    )
    got = types(text, published="2024-10-01")
    assert {("renewal", 3, None), ("studio", 3, "MAPPA"), ("release", 3, "2025-01")} <= got


def test_delay_gives_the_new_date_and_a_release() -> None:
    text = "Ember Knight Season 2 has been delayed to July 2025 because of production issues."
    got = types(text)
    assert ("delay", 2, "2025-07") in got and ("release", 2, "2025-07") in got


def test_delay_without_a_new_date() -> None:
    assert ("delay", 2, None) in types("Ember Knight Season 2 has been postponed indefinitely.")


def test_streaming_for_the_new_season() -> None:
    text = "Ember Knight Season 2 was announced today. Crunchyroll will simulcast the new season outside Japan."
    assert ("streaming", 2, "Crunchyroll") in types(text)


def test_trailer() -> None:
    text = "Ember Knight Season 2 was officially announced. A new teaser trailer was released alongside the announcement."
    assert ("trailer", 2, None, "confirmed", "official") in rows(text)


def test_release_date_claimed_without_a_date_is_null() -> None:
    text = "Ember Knight Season 2 is coming. The release date for Ember Knight Season 2 has been officially confirmed."
    assert ("release", 2, None) in types(text)


def test_one_claim_per_value_and_the_most_specific_date() -> None:
    text = "Ember Knight Season 2 premieres in January. Ember Knight Season 2 premieres on January 9, 2025."
    releases = [c for c in run(text, published="2024-10-01").claims if c.type == "release"]
    assert [c.value for c in releases] == ["2025-01-09"]


def test_film_announced_with_the_season_is_unnumbered() -> None:
    got = types("Ember Knight Season 2 and a new movie have been officially announced.")
    assert ("renewal", 2, None) in got and ("renewal", None, None) in got


# -- negatives ----------------------------------------------------------------------------------


def test_history_is_not_a_claim() -> None:
    text = "Ember Knight Season 2 is in production. The first season premiered in April 2023 and was animated by Madhouse."
    got = types(text)
    assert not any(t == "release" for t, _, _ in got)
    assert not any(t == "studio" for t, _, _ in got)


def test_absence_is_not_a_claim() -> None:
    text = (
        "Ember Knight Season 2 has been confirmed. "
        "No release date has been announced yet, and there is no trailer yet."
    )
    got = types(text)
    assert ("renewal", 2, None) in got
    assert not any(t in ("release", "trailer") for t, _, _ in got)


def test_not_renewed_yet_is_not_a_renewal() -> None:
    assert run("Ember Knight Season 2 has not been announced yet.").claims == ()


def test_past_season_streaming_is_not_a_claim() -> None:
    text = "Ember Knight Season 2 is in the works. The first season is streaming on Netflix."
    assert not any(c.type == "streaming" for c in run(text).claims)


def test_another_franchise_in_passing() -> None:
    text = (
        "Ember Knight Season 2 is in production. "
        "Other sequels this year include Moon Harbor Season 4, which premieres in July 2024."
    )
    got = types(text)
    assert ("renewal", 2, None) in got
    assert not any(s == 4 for _, s, _ in got)


def test_studio_that_only_announced_is_not_the_animator() -> None:
    text = "Ember Knight Season 2 was announced. Studio MAPPA announced the news on its website."
    assert not any(c.type == "studio" for c in run(text).claims)


def test_questions_are_not_claims() -> None:
    assert not any(
        c.type == "release"
        for c in run("Ember Knight Season 2: will it premiere in July 2024?").claims
    )


# -- status and attribution ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status", "attribution"),
    [
        (
            "A trustworthy Weibo leaker said Ember Knight Season 2 is in production.",
            "reported",
            "leak",
        ),
        ("According to an insider, Ember Knight Season 2 is in production.", "reported", "leak"),
        (
            "According to Anime News Network, Ember Knight Season 2 is in production.",
            "confirmed",
            "media",
        ),
        (
            "Ember Knight Season 2 could premiere in 2025 if it follows the same schedule.",
            "speculated",
            "none",
        ),
        ("Ember Knight Season 2 is expected to premiere in 2025.", "speculated", "none"),
        ("Ember Knight Season 2 has been confirmed.", "confirmed", "none"),
        ("The official X account confirmed Ember Knight Season 2.", "confirmed", "official"),
        ("At Jump Festa, the staff announced Ember Knight Season 2.", "confirmed", "official"),
    ],
)
def test_status_and_attribution(sentence: str, status: str, attribution: str) -> None:
    renewal = [c for c in run(sentence).claims if c.type == "renewal"]
    assert [(c.status, c.attribution) for c in renewal] == [(status, attribution)]


def test_debunked_rumour_is_denied() -> None:
    text = "Despite a viral post, the creator did not confirm Ember Knight Season 3; the account was fake."
    assert ("renewal", 3, None, "denied", "none") in rows(text)


def test_leak_only_article_passes_its_source_to_flat_sentences() -> None:
    text = "Ember Knight Season 2 is set to premiere in October 2025. The news comes from a well-known leaker."
    assert ("release", 2, "2025-10", "reported", "leak") in rows(text)


# -- flags, evidence, languages -----------------------------------------------------------------


def test_headline_promising_a_date_the_body_never_gives() -> None:
    text = "Ember Knight Season 2 Release Date\nThe release date of Ember Knight Season 2 has been revealed! Fans are thrilled."
    flags = run(text, title="Ember Knight Season 2 Release Date").flags
    assert [f.flag for f in flags] == ["headline_unsupported"]
    dated = "Ember Knight Season 2 Release Date\nEmber Knight Season 2 premieres on July 3, 2024."
    assert run(dated, title="Ember Knight Season 2 Release Date").flags == ()


def test_evidence_is_an_exact_substring_with_offsets() -> None:
    text = "Intro line\nEmber Knight Season 2 will premiere in October 2024. More later."
    for c in run(text).claims:
        assert c.evidence in text
        assert text[c.evidence_start : c.evidence_end] == c.evidence


def test_unsupported_language_is_skipped_with_a_reason() -> None:
    ex = run("귀멸의 칼날 2기가 10월부터 방송된다.", lang="ko")
    assert ex.claims == () and ex.skipped and "ko" in ex.skipped


def test_spanish_article_uses_spanish_words() -> None:
    text = "La segunda temporada de Ember Knight fue confirmada por la cuenta oficial. Se estrenará en abril de 2025."
    got = types(text, lang="es")
    assert ("renewal", 2, None) in got and ("release", 2, "2025-04") in got


@pytest.mark.parametrize(
    ("sentence", "studio"),
    [
        (
            "Ember Knight Season 2 has been announced, with animation by Studio Pierrot.",
            "Studio Pierrot",
        ),
        (
            "Ember Knight Season 2 was confirmed, and Lerche returns to produce the new season.",
            "Lerche",
        ),
        ("Ember Knight Season 2 is in production at Kinema Citrus.", "Kinema Citrus"),
        (
            "Ember Knight Season 2 was announced; the new season will be animated by Orbit Works.",
            "Orbit Works",
        ),
    ],
)
def test_studio_phrasings(sentence: str, studio: str) -> None:
    studios = {norm_value("studio", v) for t, s, v in types(sentence) if t == "studio" and s == 2}
    assert norm_value("studio", studio) in studios


@pytest.mark.parametrize(
    "sentence",
    [
        "Ember Knight Season 2 was announced. Netflix has acquired the streaming rights to the new season outside Japan.",
        "Ember Knight Season 2 was announced. The new season will be available on Netflix outside Japan.",
        "Ember Knight Season 2 was announced. Netflix will stream it globally when it premieres.",
    ],
)
def test_streaming_phrasings(sentence: str) -> None:
    assert ("streaming", 2, "Netflix") in types(sentence)
