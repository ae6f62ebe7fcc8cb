"""Language: detection on short article texts, given tags, the prose sample."""

from __future__ import annotations

import pytest

from seasoncheck.lang import (
    SAMPLE_BYTES,
    article_language,
    detect_language,
    normalise_lang_tag,
    prose_sample,
)

TEXTS = {
    "en": "The second season will premiere in January, and the studio that animated the first one returns.",
    "es": "La segunda temporada se estrenará en enero y el estudio que animó la primera vuelve a encargarse.",
    "fr": "La deuxième saison sera diffusée en janvier et le studio qui a animé la première revient aux commandes.",
    "it": "La seconda stagione debutterà a gennaio e lo studio che ha animato la prima torna al lavoro.",
    "de": "Die zweite Staffel startet im Januar, und das Studio der ersten Staffel kehrt zurück.",
    "ja": "アニメ第2期は来年1月から放送が始まり、第1期を手がけたスタジオが引き続き制作を担当する。",
    "ko": "애니메이션 2기는 내년 1월에 방영을 시작하며 1기를 제작한 스튜디오가 다시 맡는다.",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_one_sentence_is_enough(lang: str) -> None:
    assert detect_language(TEXTS[lang]) == lang


def test_too_little_text_gives_no_verdict() -> None:
    assert detect_language("") is None
    assert detect_language("Oshi no Ko") is None
    assert detect_language("2024-10-06 | 12:30 | #1") is None


def test_given_tag_wins_over_detection() -> None:
    assert article_language("fr", TEXTS["en"]) == "fr"
    assert article_language("en-US", TEXTS["ja"]) == "en"
    assert article_language(None, TEXTS["ja"]) == "ja"
    assert article_language("  ", TEXTS["es"]) == "es"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("pt_BR", "pt"),
        ("zh-Hant-TW", "zh"),
        ("", None),
        (None, None),
        ("english language", None),
    ],
)
def test_normalise_lang_tag(tag: str | None, expected: str | None) -> None:
    assert normalise_lang_tag(tag) == expected


def test_sample_skips_short_lines_and_is_bounded() -> None:
    text = "date 2024-10-06\nHQ\n" + "\n".join([TEXTS["en"]] * 20)
    sample = prose_sample(text)
    assert len(sample) == SAMPLE_BYTES
    assert sample.startswith(TEXTS["en"][:40].encode())
    # a long article in another language after an English byline is still found out
    mixed = "By Staff Writer | Updated\n\n" + "\n\n".join([TEXTS["es"]] * 10)
    assert detect_language(mixed) == "es"
