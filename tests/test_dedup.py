"""Dedup: whitespace-insensitive ids, near-duplicate groups, the index rebuilt from the store."""

from __future__ import annotations

import numpy as np

from seasoncheck.dedup import (
    NUM_PERM,
    RENSA_ALGORITHM_VERSION,
    DedupIndex,
    content_hash,
    normalise_text,
    pack_signature,
    shingles,
    unpack_signature,
)
from seasoncheck.models import Article
from seasoncheck.store import Store

ORIGINAL = """Mushoku Tensei: Jobless Reincarnation will return for a third season, the official website announced on Sunday after the final episode of season 2 aired.

Studio Bind is animating the new season again, and the main voice cast led by Yumi Uchiyama is expected to come back. No premiere date was given, but a short teaser with Rudeus travelling north was shown during the broadcast.

The light novels by Rifujin na Magonote have more than enough material left: season 2 ended around the twelfth volume, out of twenty-six. Fans had worried about a long wait, since the gap between the first two seasons was almost two years."""

REWRITE = """Mushoku Tensei: Jobless Reincarnation is coming back for a third season, the official website announced on Sunday after the final episode of season 2 aired.

Studio Bind is animating the new season again, and the main voice cast led by Yumi Uchiyama should come back. No premiere date was given, but a brief teaser with Rudeus travelling north was shown during the broadcast.

The light novels by Rifujin na Magonote have more than enough material left: season 2 ended around the twelfth volume, out of twenty-six. Fans had worried about a long wait, since the gap between the first two seasons was nearly two years."""

SYNDICATED = f"""Originally published by Isekai Weekly | Share on Facebook, Twitter and Reddit

{ORIGINAL}

Follow our website for the latest anime news. Tags: mushoku tensei, studio bind, season 3"""

# Another article about the same announcement: same names, dates and facts, other sentences.
SAME_STORY = """Good news for isekai fans: Mushoku Tensei has been renewed for season 3. The announcement came on Sunday, right as season 2 wrapped up its run on Japanese TV.

According to the official website, Studio Bind stays on board for the third season, and Yumi Uchiyama will voice Rudeus again. A teaser showed the hero heading north, though the studio kept quiet about a premiere date.

With season 2 ending near volume twelve of the light novels by Rifujin na Magonote, there are fourteen volumes left to adapt, so the anime is far from running out of story."""

JA_ORIGINAL = "アニメ『無職転生』第3期の制作が決定した。第2期の最終話放送後に公式サイトで発表され、制作は引き続きスタジオバインドが担当する。放送時期は未定だが、北へ向かうルーデウスを描いたティザー映像が公開された。原作小説は全26巻で、第2期は12巻付近まで描かれている。"
JA_REWRITE = "アニメ『無職転生』第3期の制作が決定した。第2期の最終話放送後に公式サイトで発表され、制作は今回もスタジオバインドが担当する。放送時期は未定だが、北へ向かうルーデウスを描いたティザー映像も公開された。原作小説は全26巻で、第2期は12巻付近まで描かれている。"


def test_whitespace_and_case_do_not_change_the_id() -> None:
    respaced = "  " + ORIGINAL.replace(" ", "  ").replace("\n\n", "\r\n \t\n") + "\n"
    assert content_hash(respaced) == content_hash(ORIGINAL)
    assert content_hash(ORIGINAL.upper()) == content_hash(ORIGINAL)
    assert content_hash(ORIGINAL + " Extra.") != content_hash(ORIGINAL)
    assert (
        normalise_text("Ｓｅａｓｏｎ\u00a02") == "season 2"
    )  # NFKC: full-width letters, no-break space


def test_rewrite_and_syndicated_copy_join_the_original_group() -> None:
    index = DedupIndex()
    assert index.assign("orig", ORIGINAL)[0] == "orig"
    assert index.assign("rewrite", REWRITE)[0] == "orig"
    assert index.assign("syndicated", SYNDICATED)[0] == "orig"


def test_another_article_on_the_same_story_gets_its_own_group() -> None:
    index = DedupIndex()
    index.assign("orig", ORIGINAL)
    index.assign("rewrite", REWRITE)
    group, signature = index.assign("other", SAME_STORY)
    assert group == "other"
    assert signature is not None


def test_japanese_near_duplicates_group_by_characters() -> None:
    index = DedupIndex()
    index.assign("ja1", JA_ORIGINAL)
    assert index.assign("ja2", JA_REWRITE)[0] == "ja1"
    assert index.assign("en", ORIGINAL)[0] == "en"
    assert len(shingles(JA_ORIGINAL)) > 100  # character 3-grams, not one giant "word"


def test_group_is_the_one_of_the_first_article_matched() -> None:
    index = DedupIndex()
    index.assign("a", ORIGINAL)
    index.assign("b", SAME_STORY)
    assert index.assign("c", SYNDICATED)[0] == "a"
    # a text close to both a and c (Jaccard 0.76 and 0.62) takes the group of a, the first indexed,
    # which c shares; a rewrite of the syndicated copy alone still lands there through c
    assert index.assign("d", REWRITE)[0] == "a"
    syndicated_rewrite = SYNDICATED.replace("Isekai Weekly", "Anime Corner").replace(
        "Sunday", "Monday"
    )
    assert index.assign("e", syndicated_rewrite)[0] == "a"


def test_same_id_again_returns_its_group_without_a_second_entry() -> None:
    index = DedupIndex()
    index.assign("a", ORIGINAL)
    index.assign("b", REWRITE)
    assert index.assign("b", REWRITE)[0] == "a"
    assert len(index) == 2


def test_text_without_words_has_no_signature() -> None:
    assert DedupIndex().assign("x", " … — !!! ") == ("x", None)


def test_index_is_rebuilt_from_the_store(fresh_store: Store) -> None:
    first = DedupIndex()
    for article_id, text in (("orig", ORIGINAL), ("other", SAME_STORY)):
        group, sig = first.assign(article_id, text)
        article = Article(id=article_id, text=text, origin=f"{article_id}.txt", dup_group=group)
        assert fresh_store.add_article(article, minhash=sig)
    rebuilt = DedupIndex.from_store(fresh_store)
    assert len(rebuilt) == 2
    assert rebuilt.assign("syndicated", SYNDICATED)[0] == "orig"
    assert (
        rebuilt.assign("new", "A completely unrelated note about baking sourdough bread at home.")[
            0
        ]
        == "new"
    )


def test_signatures_from_other_parameters_are_not_used() -> None:
    values = np.arange(NUM_PERM, dtype=np.uint32)
    packed = pack_signature(values)
    assert np.array_equal(unpack_signature(packed), values)
    assert unpack_signature(packed[:-4]) is None  # truncated
    assert unpack_signature(b"xxxx" + packed[4:]) is None  # another format
    assert (
        unpack_signature(pack_signature(np.arange(64, dtype=np.uint32))) is None
    )  # 64 permutations
    assert unpack_signature(b"") is None


def test_a_known_group_overrides_the_match_and_is_inherited() -> None:
    index = DedupIndex()
    index.assign("old-version", SAME_STORY)
    # a new text under a stored URL: the caller says which group it belongs to
    assert index.assign("new-version", ORIGINAL, group="old-version")[0] == "old-version"
    assert index.assign("rewrite", REWRITE)[0] == "old-version"


def test_rensa_still_hashes_the_way_stored_signatures_were_made() -> None:
    # an upgrade that changes rensa's algorithm would silently split every stored group
    from rensa import RMinHash

    assert RMinHash.ALGORITHM_VERSION == RENSA_ALGORITHM_VERSION


def test_a_lone_surrogate_gets_an_id_and_an_article() -> None:
    """Python's json turns "\\ud800" into a lone surrogate, which UTF-8 cannot encode: the
    article must still get its id (hypothesis found the crash in plain-text extraction)."""
    from seasoncheck.extract import extract_article
    from seasoncheck.models import RawItem

    text = (
        "Ember Knight season 2 announced\n\n"
        "The production committee said on Friday that the second season of Ember Knight \ud800 "
        "will premiere in July, with the same staff and cast returning for twelve episodes.\n\n"
        "A first teaser is expected at the end of the month on the official channel."
    )
    assert content_hash(text) != content_hash(text.replace("\ud800", ""))
    article = extract_article(RawItem(origin="a.txt", text=text))
    assert "\ufffd" in article.text and "\ud800" not in article.text
    assert article.id == content_hash(article.text)
