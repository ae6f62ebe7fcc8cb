"""Extract: HTML and plain text to an Article with clean text and cascaded metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seasoncheck.extract import ExtractError, extract_article, normalise_date
from seasoncheck.models import RawItem

BOILERPLATE_KINDS = (
    "Leave a Reply",
    "Leave a Comment",
    "Your email address will not be published",
    "Read More:",
    "See Also",
    "Related Posts",
    "Comments are closed",
    "Scroll to Top",
    "Back to top",
    "About The Author",
    "Follow our website",
    "Stay tuned to our",
    "Share:",
    "Post Comment",
)


def read_item(path: Path, **fields: object) -> RawItem:
    """A RawItem as the file source makes it: HTML for .html, plain text otherwise."""
    data = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return RawItem(origin=str(path), html=data, raw_size=len(data), **fields)  # type: ignore[arg-type]
    return RawItem(origin=str(path), text=data, raw_size=len(data), **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name", ["comment-form.txt", "related-links.txt", "bio-promo.txt", "markdown-article.md"]
)
def test_plain_text_title_is_the_first_line_and_no_boilerplate_is_left(
    test_data: Path, name: str
) -> None:
    path = test_data / "extract" / name
    article = extract_article(read_item(path))
    assert article.title == path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
    assert not [kind for kind in BOILERPLATE_KINDS if kind.lower() in article.text.lower()]
    assert article.language == "en"
    assert article.text.count("\n\n") >= 1  # paragraphs stay apart


def test_plain_text_keeps_the_article_paragraphs(test_data: Path) -> None:
    article = extract_article(read_item(test_data / "extract" / "related-links.txt"))
    assert article.text.startswith("Science SARU announced that Dandadan will come back")
    assert "in the middle of the cursed house arc." in article.text
    assert "arriving weekly on the same day as the Japanese broadcast." in article.text
    assert article.text.endswith("so fans should not expect filler episodes.")


def test_html_article_text_and_metadata(test_data: Path) -> None:
    article = extract_article(read_item(test_data / "extract" / "wordpress-article.html"))
    assert article.title == "Blue Lock Season 2 Premieres in October"
    assert article.published == "2024-05-06"
    assert article.author == "Mirei Kondo"
    assert article.site == "pitchside-anime.example"
    assert article.language == "en"
    assert article.text.startswith("Blue Lock will come back for a second season in October 2024")
    assert "Eight Bit, the studio behind the first season" in article.text
    assert "has not confirmed it yet." in article.text
    for junk in (
        *BOILERPLATE_KINDS,
        "Popular Posts",
        "Haikyu Final Movie",
        "All rights reserved",
        "Posted on",
    ):
        assert junk.lower() not in article.text.lower(), junk


def test_given_metadata_wins_and_only_empty_fields_are_filled(test_data: Path) -> None:
    item = read_item(
        test_data / "extract" / "wordpress-article.html",
        title="Blue Lock Is Back",
        published="2024-05",
        url="https://news.example.org/blue-lock",
    )
    article = extract_article(item)
    assert article.title == "Blue Lock Is Back"
    assert article.published == "2024-05"
    assert article.site == "news.example.org"  # the item's URL, before the page's canonical link
    assert article.author == "Mirei Kondo"  # not given: filled from the page
    assert article.url == "https://news.example.org/blue-lock"


def test_page_without_article_is_an_extract_error(test_data: Path) -> None:
    with pytest.raises(ExtractError, match="no article text"):
        extract_article(read_item(test_data / "extract" / "no-article.html"))
    for empty in ("", "   \n\n  ", "Only a title line\n"):
        with pytest.raises(ExtractError, match="no article text"):
            extract_article(RawItem(origin="empty.txt", text=empty))
    with pytest.raises(ExtractError, match="no article text"):
        extract_article(RawItem(origin="blank.html", html="<html><body>  </body></html>"))


def test_jsonl_text_is_kept_byte_for_byte_with_its_language() -> None:
    text = "\n Date 2024-10-06\u00a0The studio confirmed season 3.  Leave a Comment\n\nRead More: Other news\n"
    item = RawItem(
        origin="dev.jsonl:3",
        text=text,
        title="Season 3 confirmed",
        published="2024-10-06",
        lang="fr",  # the input says so: it wins over detection
        doc_id="d003",
        text_is_clean=True,
    )
    article = extract_article(item)
    assert article.text == text
    assert (article.title, article.published, article.language, article.doc_id) == (
        "Season 3 confirmed",
        "2024-10-06",
        "fr",
        "d003",
    )


def test_same_text_with_other_whitespace_gets_the_same_id(test_data: Path) -> None:
    original = (test_data / "extract" / "related-links.txt").read_text(encoding="utf-8")
    respaced = original.replace("\n\n", "\n \n\n").replace(". ", ".  ").replace("\n", "\r\n")
    a = extract_article(RawItem(origin="a.txt", text=original))
    b = extract_article(RawItem(origin="b.txt", text=respaced))
    assert a.id == b.id
    assert a.title == b.title


def test_language_is_detected_when_not_given() -> None:
    text = (
        "La segunda temporada del anime se estrenará en octubre de 2025, según anunció el estudio.\n\n"
        "El reparto principal regresa y la historia continuará justo donde terminó la primera parte."
    )
    article = extract_article(RawItem(origin="es.txt", text="Titular\n\n" + text))
    assert article.language == "es"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-10-10T09:00:00Z", "2024-10-10"),
        ("2024-10-10 09:00", "2024-10-10"),
        ("2024/7/3", "2024-07-03"),
        ("2024-7", "2024-07"),
        ("2024", "2024"),
        ("Thu, 10 Oct 2024 09:00:00 GMT", "2024-10-10"),
        ("2024-13-01", None),
        ("2023-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(raw: str | None, expected: str | None) -> None:
    assert normalise_date(raw) == expected


@given(st.dates(), st.sampled_from(["%Y", "%Y-%m", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S+09:00"]))
def test_normalising_a_date_twice_is_the_same_as_once(day: object, fmt: str) -> None:
    once = normalise_date(day.strftime(fmt))  # type: ignore[attr-defined]
    assert normalise_date(once) == once


# -- the four real seed articles (../shared/seeds; skipped when absent) --------------------------

# Lines of the seeds that are boilerplate, by their start. Everything else in a seed is about the
# anime and must survive; the last entry is a promo sentence appended to a real paragraph.
SEED_BOILERPLATE = (
    "Read More:",
    "See Related Post-",
    "What Does Oshi no Ko Mean? The Answer May Surprise You",  # the related link's headline again
    "Read our entertainment Website",
    "Comments are closed.",
    "About The Author",
    "Leave a Comment",
    "Leave a Reply",
    "Your email address will not be published.",
    "Scroll to Top",
    "Back to top button",
    "Rohan is a published author and a content writer",
)
SEED_APPENDED_PROMO = "Follow our website TheGossipsworldMedia for the latest updates!!!!!"


def test_seed_articles_keep_every_paragraph_and_drop_the_boilerplate(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    assert len(seeds) == 4
    for path in seeds:
        raw = path.read_text(encoding="utf-8")
        article = extract_article(RawItem(origin=str(path), text=raw))
        assert article.title == raw.splitlines()[0].strip()
        for line in (ln.strip() for ln in raw.splitlines()[1:] if ln.strip()):
            boiler = line.startswith(SEED_BOILERPLATE)
            paragraph = line.replace(SEED_APPENDED_PROMO, "").strip()  # trimmed, the rest kept
            assert (paragraph in article.text) != boiler, (path.name, line[:60])
        for kind in SEED_BOILERPLATE + (SEED_APPENDED_PROMO,):
            assert kind not in article.text, (path.name, kind)
