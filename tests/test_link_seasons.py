"""Season references: the trigger pass and the bounded backward searches find what a full scan finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from seasoncheck.link import seasons as S


def _triggers_by_scan(text: str) -> list[tuple[int, int]]:
    """The trigger spans by one str.find scan per word (the reference for the automaton)."""
    low = text.lower()
    hits = []
    for word in S.TRIGGER_WORDS:
        pos = low.find(word)
        while pos >= 0:
            hits.append((pos, pos + len(word)))
            pos = low.find(word, pos + 1)
    return hits


def test_trigger_pass_finds_every_trigger_in_word_order() -> None:
    text = (
        "Part 2 of the seasonal PARTIE, a new anime film: season 3 (第2期) and its sequel's sequel."
    )
    assert S.find_triggers(text) == _triggers_by_scan(text)
    assert (text.index("season 3"), text.index("season 3") + 6) in S.find_triggers(text)


_TOKENS = st.sampled_from(
    [
        "the", "The", "a", "its", "second", "2nd", "eleventh", "and", "final", "anime", "tv",
        "new", "long-awaited", "another", "spin", "off", "spin-off", "upcoming", "sequel",
        "(the", "x-the", "of", "season", "film", "la", "2e",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, min_size=0, max_size=12), st.sampled_from([" ", "  ", "\n", " \t"]))
def test_backward_search_finds_what_a_full_window_search_finds(words: list[str], sep: str) -> None:
    text = sep.join(words) + sep
    end = len(text)
    lo = max(0, end - S.LOOK_BACK)
    for rx in S._WORDS_BACK:
        full = rx.search(text, lo, end)
        bounded = S._search_back(rx, text, lo, end)
        assert (full and full.span()) == (bounded and bounded.span()), (rx.pattern, text)


def test_references_around_the_same_offsets_of_two_texts_are_not_mixed_up() -> None:
    # the per-(text, span) memo must key on the text, not only on the offsets
    a = S.find_season_refs("Its second season was confirmed.")
    b = S.find_season_refs("Its fourth season was confirmed.")
    assert [r.season for r in a] == [2]
    assert [r.season for r in b] == [4]


def test_eleventh_and_final_season_reads_as_one_reference() -> None:
    refs = S.find_season_refs("Fans await the eleventh  and\nfinal season next year.")
    assert [(r.surface, r.season) for r in refs] == [("the eleventh  and\nfinal season", 11)]
