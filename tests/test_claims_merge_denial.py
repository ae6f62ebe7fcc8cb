"""merge's denial rule: a debunked rumour becomes denied, but an official denial keeps its source."""

from __future__ import annotations

from seasoncheck.claims import extract_claims
from seasoncheck.claims.io import demo_kb
from seasoncheck.models import Article

POSTER = (
    "Fan-made Ember Knight season 2 poster fools fans\n\n"
    "An image presented as the key visual of Ember Knight season 2 went viral over the weekend. "
    "On Monday the official Ember Knight account replied to it, saying the image was not produced "
    "by the staff and that there is currently no second season in the works."
)
LEAK = (
    "Ember Knight season 2 rumour debunked\n\n"
    "A leaker claimed that Ember Knight season 2 is in production. The official website said "
    "there is currently no second season in the works, and called the rumour false."
)


def renewals(text: str) -> set[tuple[int | None, str, str]]:
    article = Article(
        id="t", text=text, origin="t", title=text.split("\n")[0], published="2024-05-01",
        language="en",
    )  # fmt: skip
    return {
        (c.season, c.status, c.attribution)
        for c in extract_claims(article, demo_kb()).claims
        if c.type == "renewal"
    }


def test_an_official_denial_in_a_debunking_sentence_stays_official() -> None:
    # the sentence that calls the poster fake also states the denial, from the official account
    assert renewals(POSTER) == {(2, "denied", "official")}


def test_a_passed_on_rumour_that_the_article_debunks_is_denied() -> None:
    assert {status for _, status, _ in renewals(LEAK)} == {"denied"}
