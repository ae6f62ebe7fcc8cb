"""Boilerplate: the line classifier keeps article paragraphs and drops site furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from seasoncheck.boilerplate import classify_lines, strip_boilerplate


def body_of(path: Path) -> str:
    """A fixture's text without its first line (the title, as extract takes it off)."""
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def labels(text: str) -> dict[str, str]:
    """Non-blank lines of a text mapped to their labels."""
    return {ln.text.strip(): ln.label for ln in classify_lines(text) if ln.label != "blank"}


@pytest.mark.parametrize(
    ("fixture", "dropped"),
    [
        (
            "comment-form.txt",
            {
                "Leave a Reply": "comment",
                "Your email address will not be published. Required fields are marked *": "comment",
                "Comment *": "comment",
                "Name *": "comment",
                "Email *": "comment",
                "Save my name, email, and website in this browser for the next time I comment.": "comment",
                "Post Comment": "comment",
                "Back to top button": "comment",
            },
        ),
        (
            "related-links.txt",
            {
                "Read More: Ten Supernatural Anime That Deserve a Second Season": "related",
                "See Also - Why the Dandadan Opening Became a Global Hit": "related",
                "Why the Dandadan Opening Became a Global Hit": "related",
                "Related Posts:": "related",
                "Every Science SARU Series Ranked": "related",
                "The Best Anime Openings of 2024": "related",
                "How Manga Sales Shape Anime Renewals": "related",
                "Comments are closed.": "comment",
                "Scroll to Top": "comment",
            },
        ),
        (
            "bio-promo.txt",
            {
                "Share: Facebook Twitter WhatsApp Reddit Email": "social",
                "About The Author": "nav",
                "Leave a Comment": "comment",
                "Scroll to Top": "comment",
            },
        ),
    ],
)
def test_each_boilerplate_line_gets_its_kind(
    test_data: Path, fixture: str, dropped: dict[str, str]
) -> None:
    got = labels(body_of(test_data / "extract" / fixture))
    assert {line: got[line] for line in dropped} == dropped


def test_article_paragraphs_are_all_kept(test_data: Path) -> None:
    for name in ("comment-form.txt", "related-links.txt", "bio-promo.txt"):
        text = body_of(test_data / "extract" / name)
        kept = [ln for ln in classify_lines(text) if ln.label in ("keep", "trimmed")]
        # every kept line is long prose: the fixtures' only short lines are boilerplate
        assert all(len(ln.text.split()) > 15 for ln in kept), name
        assert len(kept) >= 3, name


def test_promo_paragraph_and_bios_go_but_a_site_mention_stays(test_data: Path) -> None:
    cleaned = strip_boilerplate(body_of(test_data / "extract" / "bio-promo.txt"))
    assert "Follow our website" not in cleaned and "Have fun with us" not in cleaned
    assert "Hana Sato" not in cleaned  # bio under "About The Author"
    assert "Daniel Ortiz is a published author" not in cleaned
    # a paragraph that talks about the site but is about the anime is kept whole
    assert "Our site covered the first season week by week" in cleaned
    assert "faces a wave of numbered kaiju." in cleaned
    # "X is the author of the manga" near the end is a fact, not a bio
    assert "Naoya Matsumoto is the author of the original manga" in cleaned


def test_promo_sentence_appended_to_a_paragraph_is_trimmed(test_data: Path) -> None:
    cleaned = strip_boilerplate(body_of(test_data / "extract" / "bio-promo.txt"))
    first = cleaned.split("\n\n")[0]
    assert first.endswith("Production I.G is back as the animation studio.")
    assert "Stay tuned" not in cleaned


def test_headline_after_read_more_that_is_a_section_heading_is_kept() -> None:
    text = (
        "The studio confirmed the sequel on Monday after months of rumours from insiders online.\n\n"
        "Read More: Five Idol Anime Worth Your Time\n\n"
        "What the Trailer Shows\n\n"
        "The teaser opens on the twins backstage and closes with the premiere month on screen.\n"
    )
    got = labels(text)
    assert got["Read More: Five Idol Anime Worth Your Time"] == "related"
    assert got["What the Trailer Shows"] == "keep"


def test_comment_link_near_the_top_does_not_swallow_the_headings_below() -> None:
    text = "\n".join(
        ["Leave a Comment", "The sequel was announced at a festival stage event in Tokyo today."]
        + ["Cast and Staff", "Most of the voice cast returns, and the director stays on as well."]
        + [
            f"Paragraph {i} of the article goes on about the series and its long history."
            for i in range(6)
        ]
    )
    assert labels(text)["Cast and Staff"] == "keep"


def test_clean_text_is_left_alone_and_cleaning_twice_changes_nothing(test_data: Path) -> None:
    clean = (
        "Season 3 was announced on Sunday.\n\nThe studio stays the same and the cast returns.\n\n"
        "More details will follow at an event in March."
    )
    assert strip_boilerplate(clean) == clean
    for name in ("comment-form.txt", "related-links.txt", "bio-promo.txt"):
        once = strip_boilerplate(body_of(test_data / "extract" / name))
        assert strip_boilerplate(once) == once


def test_ordinary_sentences_with_our_or_us_are_not_promos() -> None:
    # found by auditing the extraction benchmark: quotes and prose saying "join our team",
    # "would like us to know" were taken for promos before the cue needed a site or channel word
    text = (
        "The producer said: “We are glad to have her join our team as series director for season 3.”\n\n"
        "The studio would like us to know that the delay has nothing to do with the source material.\n\n"
        "Subscribe to our newsletter for more news like this."
    )
    got = labels(text)
    assert list(got.values()) == ["keep", "keep", "promo"]
