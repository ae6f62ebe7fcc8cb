"""General rules of English news writing found by a blind check: one test per rule, with negatives.

Every sentence here was written for these tests (invented franchises, invented facts). The KB is
empty on purpose: titles are found open-world.
"""

from __future__ import annotations

from seasoncheck.claims import extract_claims
from seasoncheck.claims.segment import split_sentences
from seasoncheck.kb.model import KnowledgeBase
from seasoncheck.models import Article

KB = KnowledgeBase()
Row = tuple[str, int | None, str | None, str, str]  # type, season, value, status, attribution


def _run(text: str, title: str | None = None, published: str | None = "2025-02-10"):  # type: ignore[no-untyped-def]
    """Extraction of one English article built from ``text``."""
    article = Article(
        id="g", text=text, origin="test", title=title, published=published, language="en"
    )
    return extract_claims(article, KB)


def rows(text: str, **kw: object) -> set[Row]:
    """(type, season, value, status, attribution) of every claim."""
    return {(c.type, c.season, c.value, c.status, c.attribution) for c in _run(text, **kw).claims}  # type: ignore[arg-type]


def of_type(text: str, ctype: str, **kw: object) -> set[tuple[int | None, str | None]]:
    """(season, value) of the claims of one type."""
    return {(s, v) for t, s, v, _, _ in rows(text, **kw) if t == ctype}


# -- studio ----------------------------------------------------------------------------------------


def test_unlisted_studio_named_as_the_subject_of_returns_to_animate() -> None:
    text = "Harbor Lights Season 3 is coming. Kestrel Motion returns to animate the third season."
    assert of_type(text, "studio") == {(3, "Kestrel Motion")}


def test_unlisted_studio_will_handle_the_animation() -> None:
    text = (
        "Moss Garden Season 2 was announced. Studio Quillon will once again handle the animation."
    )
    assert of_type(text, "studio") == {(2, "Quillon")}


def test_studio_name_keeps_its_company_word() -> None:
    text = "Iron Lantern Season 2 is in production. Studio Pierrot Films will once again produce the animation."
    assert of_type(text, "studio") == {(2, "Pierrot Films")}


def test_listed_studio_is_back_for_the_new_season() -> None:
    text = "Copper Tide Season 2 is on its way. Lerche is back for the new season, with a new director."
    assert of_type(text, "studio") == {(2, "Lerche")}


def test_studio_in_the_works_at_from_a_leak() -> None:
    text = "A reliable insider says that Copper Tide season 2 is in the works at studio Lerche."
    assert ("studio", 2, "Lerche", "reported", "leak") in rows(text)


def test_studio_behind_season_one_expected_to_return_is_a_guess() -> None:
    text = (
        "Velvet Orbit Season 2 has not been announced yet. "
        "Shaft, the studio behind season 1, is expected to return for the second season."
    )
    assert ("studio", 2, "Shaft", "speculated", "none") in rows(text)


def test_studio_replaced_and_studio_in_brackets_are_not_tied() -> None:
    text = (
        "Velvet Orbit Season 3 is coming. "
        "Lerche, which took over from Studio Deen for the second season, will once again handle the animation. "
        "Shaft (working with Sunrise on the pilot) is also credited."
    )
    studios = of_type(text, "studio")
    assert studios == {(3, "Lerche")}  # not Deen, not Sunrise, not season 2


def test_studio_credited_for_history_is_not_a_claim() -> None:
    text = "Velvet Orbit Season 2 is coming. The first season was animated by Shaft in 2021."
    assert of_type(text, "studio") == set()


# -- streaming -------------------------------------------------------------------------------------


def test_service_will_carry_the_episodes() -> None:
    text = "Paper Comet Season 2 premieres in April 2025. Hulu will carry the episodes in the United States."
    assert (2, "Hulu") in of_type(text, "streaming")


def test_safe_bet_on_a_service_is_speculated_and_past_services_are_not_claims() -> None:
    text = (
        "Paper Comet Season 2 is coming. There's no word yet on streaming, but the first two seasons "
        "are on Netflix, so it's a safe bet that HIDIVE will stream the new season too."
    )
    got = {r for r in rows(text) if r[0] == "streaming"}
    assert got == {("streaming", 2, "HIDIVE", "speculated", "none")}


def test_licensor_announcing_its_stream_after_a_no_clause_is_official() -> None:
    text = (
        "Paper Comet Season 2 was announced on Sunday. No premiere date was given, but Netflix "
        "announced that it will stream Paper Comet season 2 worldwide."
    )
    assert ("streaming", 2, "Netflix", "confirmed", "official") in rows(text)


def test_conditional_leak_with_a_hedge_is_the_writers_guess() -> None:
    text = (
        "Paper Comet Season 2 is in production, an insider claims. If the leak is accurate, "
        "HIDIVE, which streamed the first season, would likely pick up season 2 as well."
    )
    assert ("streaming", 2, "HIDIVE", "speculated", "none") in rows(text)


# -- film and parts -------------------------------------------------------------------------------


def test_film_clause_and_season_clause_get_their_own_claims() -> None:
    text = (
        "Glass Harbor Season 3 and a new Glass Harbor anime film were announced on Sunday. "
        "The film will open in Japanese theaters this fall, while the third season has no date yet. "
        "The stage also unveiled a teaser visual for the film."
    )
    assert of_type(text, "release") == {(None, "2025-FALL")}  # the film's date, not the season's
    assert of_type(text, "trailer") == {(None, None)}
    assert of_type(text, "renewal") == {(None, None), (3, None)}


def test_an_earlier_part_is_history() -> None:
    text = (
        "The fourth and final part of Red Lantern will premiere in 2026. "
        "Netflix is streaming the third part worldwide."
    )
    assert of_type(text, "streaming") == set()


# -- release and delay -----------------------------------------------------------------------------


def test_replaced_schedule_with_previously_is_history() -> None:
    text = (
        "Salt Road Season 2 has been delayed to October 2025. "
        "The season had previously been scheduled for a spring 2025 debut."
    )
    assert of_type(text, "release") == {(2, "2025-10")}


def test_month_of_the_announcement_is_not_the_premiere() -> None:
    text = "Salt Road season 2 premieres on April 4, 2025, as announced at the Anime Expo panel in July."
    assert of_type(text, "release") == {(2, "2025-04-04")}


def test_delay_with_now_gives_the_new_date() -> None:
    text = "Salt Road season 2 has been pushed back and will now premiere in October 2025."
    assert (2, "2025-10") in of_type(text, "delay")


def test_relative_delay_by_one_cour_shifts_the_original_month() -> None:
    text = (
        "Salt Road Season 2 will premiere in April 2026. It had originally been planned for a "
        "January 2026 debut, but production issues pushed it back by one cour."
    )
    assert (2, "2026-04") in of_type(text, "delay")
    assert (2, "2026-01") not in of_type(text, "release")


def test_delay_without_a_shift_or_date_has_no_value() -> None:
    text = "Salt Road Season 2 has been delayed due to production issues."
    assert of_type(text, "delay") == {(2, None)}


# -- status and attribution -----------------------------------------------------------------------


def test_debunked_rumour_is_denied_and_its_fake_poster_is_no_trailer() -> None:
    text = (
        "A viral image claiming to announce Thorn Crown Season 3 spread on X this week. "
        "The poster was shared by a fan account on X. "
        "To be clear: Thorn Crown Season 3 has not been announced, and the rumored 2026 premiere is false."
    )
    got = rows(text)
    assert ("renewal", 3, None, "denied", "none") in got
    assert not any(t == "trailer" for t, *_ in got)


def test_fans_claiming_on_x_is_a_leak() -> None:
    text = "Some fans on X are claiming that Thorn Crown Season 2 will air in fall 2025."
    assert ("release", 2, "2025-FALL", "reported", "leak") in rows(text)


def test_official_window_and_leaked_day_are_separate_claims() -> None:
    text = (
        "The official X account confirmed that Thorn Crown Season 2 will premiere in January 2026. "
        "An account on X that often shares TV schedules claims the first episode will air on January 10, 2026."
    )
    got = {r for r in rows(text) if r[0] == "release"}
    assert ("release", 2, "2026-01", "confirmed", "official") in got
    assert ("release", 2, "2026-01-10", "reported", "leak") in got


def test_neither_nor_has_announced_is_an_absence() -> None:
    text = (
        "As of now, neither the studio nor the publisher has announced Thorn Crown Season 2. "
        "A second season is very likely to be greenlit at some point."
    )
    assert ("renewal", 2, None, "speculated", "none") in rows(text)


def test_said_nothing_is_not_an_official_source() -> None:
    text = "Thorn Crown Season 2 is rumored for 2026. The studio has said nothing about it."
    assert ("renewal", 2, None, "confirmed", "official") not in rows(text)


def test_the_company_said_is_official() -> None:
    text = "The company said that Thorn Crown Season 2 will premiere in July 2025."
    assert ("release", 2, "2025-07", "confirmed", "official") in rows(text)


# -- flags and segmentation ------------------------------------------------------------------------


def test_speculation_headline_is_kept_by_a_guessed_date() -> None:
    text = "If it follows the usual gap, Amber Sky Season 2 could premiere in spring 2026."
    title = "Amber Sky Season 2: Release date speculation and what we know"
    assert _run(text, title=title).flags == ()
    plain = "Amber Sky Season 2: Release date and what we know"
    assert [f.flag for f in _run(text, title=plain).flags] == ["headline_unsupported"]


def test_dotted_initials_do_not_end_a_sentence() -> None:
    got = [s.text for s in split_sentences("P.A. Works will animate it. J.C. Staff will not.")]
    assert got == ["P.A. Works will animate it.", "J.C. Staff will not."]


# -- dates: shared years, trailer dates, replaced schedules ---------------------------------------


def test_two_options_sharing_one_year_are_two_claims() -> None:
    text = "Salt Road Season 2 is expected in spring or summer 2026, based on the usual gap."
    assert of_type(text, "release") == {(2, "2026-SPRING"), (2, "2026-SUMMER")}


def test_a_range_of_years_is_two_speculated_claims() -> None:
    text = "Salt Road Season 2 could arrive in 2027 or 2028."
    got = {r for r in rows(text) if r[0] == "release"}
    assert got == {
        ("release", 2, "2027", "speculated", "none"),
        ("release", 2, "2028", "speculated", "none"),
    }


def test_the_month_a_key_visual_came_out_is_not_the_premiere() -> None:
    text = (
        "Salt Road Season 2 will premiere in October 2025. "
        "The first key visual, released in March 2025, shows the crew at sea."
    )
    assert of_type(text, "release") == {(2, "2025-10")}
    assert (2, None) in of_type(text, "trailer")


def test_schedule_before_the_delay_is_history_but_delayed_to_is_new() -> None:
    before = (
        "Salt Road Season 2 will premiere in January 2026. "
        "Before the delay, the premiere was set for April 2025."
    )
    assert of_type(before, "release") == {(2, "2026-01")}
    moved = "Salt Road Season 2 was originally slated for October 2025 but has been moved to January 2026."
    assert of_type(moved, "delay") == {(2, "2026-01")}
    assert of_type(moved, "release") == {(2, "2026-01")}


def test_original_schedule_phrase_is_history() -> None:
    text = (
        "Salt Road Season 2 will premiere in July 2025. "
        "The original schedule had it airing in April 2025."
    )
    assert of_type(text, "release") == {(2, "2025-07")}


# -- headline, tweets, installments ---------------------------------------------------------------


def test_headline_alone_makes_no_dateless_release_claim() -> None:
    text = "An insider says that Ash Meadow Season 3 is in the works."
    got = _run(text, title="Ash Meadow Season 3 Release Date Confirmed!")
    assert not any(c.type == "release" for c in got.claims)
    assert [f.flag for f in got.flags] == ["headline_unsupported"]


def test_embedded_tweet_of_an_official_account_is_official_and_its_date_no_premiere() -> None:
    text = (
        "Ash Meadow is coming back.\n"
        "Ash Meadow new anime project announced! pic.twitter.com/abc123\n"
        "— Ash Meadow Official (@ash_meadow_pr) March 3, 2025\n"
    )
    got = rows(text, published="2025-03-04")
    assert ("renewal", None, None, "confirmed", "official") in got
    assert not any(t == "release" for t, *_ in got)


def test_season_number_only_leakers_give_yields_to_an_official_project() -> None:
    text = (
        "The production team announced that a new Ash Meadow anime project is in production. "
        "Some fans on X are claiming that it is a second season aiming for a fall 2026 broadcast."
    )
    got = rows(text)
    assert ("renewal", None, None, "confirmed", "official") in got
    assert ("release", 2, "2026-FALL", "reported", "leak") in got


def test_both_projects_gives_the_studio_to_the_season_and_the_film() -> None:
    text = (
        "Ash Meadow Season 2 and a new Ash Meadow anime film were announced. "
        "Lerche will once again animate both projects."
    )
    assert of_type(text, "studio") == {(2, "Lerche"), (None, "Lerche")}


# -- other languages ------------------------------------------------------------------------------


def _foreign(text: str, lang: str) -> set[Row]:
    """(type, season, value, status, attribution) of a non-English article."""
    article = Article(
        id="f", text=text, origin="test", title=None, published="2025-02-10", language=lang
    )
    return {
        (c.type, c.season, c.value, c.status, c.attribution)
        for c in extract_claims(article, KB).claims
    }


def test_foreign_season_words_give_anime_seasons() -> None:
    es = _foreign("Se espera que la segunda temporada de Pino Azul llegue en otoño de 2026.", "es")
    assert ("release", 2, "2026-FALL", "speculated", "none") in es
    de = _foreign(
        "Laut einem Bericht von Animate Times soll die zweite Staffel von Pino Azul im Frühjahr 2026 starten.",
        "de",
    )
    assert ("release", 2, "2026-SPRING", "reported", "media") in de


def test_foreign_should_verbs_are_hedges() -> None:
    fr = _foreign("La saison 2 de Pino Azul devrait sortir en 2026.", "fr")
    it = _foreign("La seconda stagione di Pino Azul dovrebbe arrivare nel 2026.", "it")
    assert ("release", 2, "2026", "speculated", "none") in fr
    assert ("release", 2, "2026", "speculated", "none") in it


def test_foreign_history_and_anchored_season_are_not_claims() -> None:
    text = (
        "Tras el último episodio de la segunda temporada, la cuenta oficial confirmó una película de Pino Azul. "
        "La primera temporada se estrenó en abril de 2023 y la segunda en enero de 2024."
    )
    got = _foreign(text, "es")
    assert ("renewal", None, None, "confirmed", "official") in got
    assert not any(t == "release" for t, *_ in got)
    assert not any(s == 2 for _, s, *_ in got)


def test_official_word_inside_an_absence_names_no_source() -> None:
    got = _foreign(
        "La saison 2 de Pino Azul n'a pas de date officielle, mais semble prévue pour 2026.", "fr"
    )
    assert ("release", 2, "2026", "speculated", "none") in got


# -- one cue pass decides which finders run -------------------------------------------------------


def test_cue_pass_runs_only_the_finders_a_sentence_has_words_for() -> None:
    from seasoncheck.claims.candidates import _candidates
    from seasoncheck.claims.finders import (
        find_delay,
        find_release,
        find_renewal,
        find_streaming,
        find_studio,
        find_trailer,
    )

    text = (
        "A new season of Ash Meadow was announced. "
        "Hulu will carry the new season on the 12th. "
        "Lerche returns to animate it. "
        "The nice weather stayed. "
        "A teaser was postponed."
    )
    got = dict(_candidates(text, split_sentences(text)))
    assert set(got[0]) == {find_renewal}
    assert set(got[1]) == {find_renewal, find_streaming, find_release}  # a digit may be a date
    assert set(got[2]) == {find_renewal, find_studio}
    assert 3 not in got  # no cue word at all: no finder runs
    assert set(got[4]) == {find_renewal, find_trailer, find_delay}


# -- the subject is not a work named in passing ---------------------------------------------------


def _demo_rows(text: str) -> set[tuple[str, str, int | None, str | None]]:
    """(work, type, season, value) with the offline demo KB, which knows the passing title."""
    from seasoncheck.claims.io import demo_kb

    article = Article(
        id="p", text=text, origin="test", title=None, published="2025-01-10", language="en"
    )
    return {(c.work, c.type, c.season, c.value) for c in extract_claims(article, demo_kb()).claims}


def test_a_work_named_in_a_studio_credit_is_not_the_subject() -> None:
    text = (
        "Season 2 of Lantern Road is officially in production at Madhouse, the studio behind Frieren. "
        "It will premiere in July 2025, and Madhouse, known for Frieren, will also make the trailer."
    )
    got = _demo_rows(text)
    assert {w for w, *_ in got} == {"Lantern Road"}
    assert ("Lantern Road", "release", 2, "2025-07") in got
    assert ("Lantern Road", "studio", 2, "Madhouse") in got


def test_titles_on_both_sides_of_a_full_stop_are_two_works() -> None:
    text = (
        "Lantern Road Season 2 is in production at Studio Kafka, the studio behind Frieren. "
        "Lantern Road will premiere in July 2025."
    )
    assert {w for w, *_ in _demo_rows(text)} == {"Lantern Road"}
