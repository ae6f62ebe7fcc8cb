"""The name a subject's claims are printed under: a title the KB files under another franchise
("Star Harbor" in an article about "Star Harbor Nova") names the franchise in passing, however
often the article writes it; it is not the subject's name."""

from __future__ import annotations

from seasoncheck.claims import extract_claims
from seasoncheck.models import Article
from test_link_worknames2 import _cache_in_tmp, kb_of  # noqa: F401

_NOVA_HEAD = "Star Harbor Nova anime set for October"
_NOVA = (
    "Star Harbor Nova anime set for October\n\n"
    "Star Harbor Nova, a new television anime set ten years after the original Star Harbor "
    "series, will premiere in October 2026, the production committee announced on Friday. "
    "Star Harbor creator Ren Okabe is writing the story.\n\n"
    "Studio Marumi is animating Star Harbor Nova, and a first trailer went up on the "
    "official channel. Fans of Star Harbor have waited a long time for new episodes."
)


def works_of(text: str, title: str, *titles: str) -> set[str]:
    """The works of an article's claims, with a KB of one franchise per title."""
    article = Article(id="t1", text=text, origin="test", title=title, published="2026-05-01")
    return {c.work for c in extract_claims(article, kb_of(*titles)).claims}


def test_a_spin_off_of_its_own_kb_franchise_is_named_by_its_own_title() -> None:
    assert works_of(_NOVA, _NOVA_HEAD, "Star Harbor", "Star Harbor Nova") == {"Star Harbor Nova"}


def test_without_a_kb_entry_of_its_own_the_longer_title_still_names_it() -> None:
    # one KB franchise: "Star Harbor Nova" is an unknown title around a known one; the subject's
    # names still come together (the merge by words stays for titles the KB does not separate)
    works = works_of(_NOVA, _NOVA_HEAD, "Star Harbor")
    assert len(works) == 1
